//! A map drawn by leverage itself, as SVG: no external program needed.
//!
//! - **Projection:** equirectangular from the capitals' coordinates ([`projection`]), standard
//!   parallel at the middle latitude, cropped to the actors drawn with 5 degrees of margin, and a
//!   light 10- or 20-degree graticule. Actors without coordinates are not drawn (the footnote
//!   counts them); a graph with no coordinates at all is drawn on a circle.
//! - **Actors:** coloured by their colour role ([`super::dot::role`]), with area proportional to
//!   the size measure ([`AnnotatedGraph::sizes`]: the suggestion score by default). The target is
//!   drawn large with a dark ring, the top partners with an orange ring and their rank.
//! - **Ties:** arrows `from -> to` (from holds leverage over to), slightly curved so that the two
//!   directions of a pair stay apart, width by strength. Only the `max_ties` strongest ties are
//!   drawn in grey (default 40; a world graph has over a thousand), plus every tie on the best
//!   leverage path of a top partner, in orange.
//! - **Labels:** placed greedily without collisions ([`labels`]): the target, the partners in rank
//!   order and the actors on their paths first, then the others by size; a label that fits
//!   nowhere is left out (an ISO code on a dense cluster), never drawn over another.
//! - **Panel:** the ranking of the top partners with their scores and paths, a legend and a
//!   footnote naming the graph, its date and what was left out.

pub mod labels;
pub mod projection;

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write;

use petgraph::stable_graph::NodeIndex;

use super::xml::escape;
use super::{dot, tie_weight, AnnotatedGraph, Exporter};
use labels::{place, Rect, Wanted};
use projection::Projection;

/// Draws the SVG map.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgExporter {
    /// How many ties to draw besides the highlighted ones, strongest first.
    pub max_ties: usize,
    /// The title; default the graph's title.
    pub title: Option<String>,
    /// Width of the picture in pixels.
    pub width: f64,
}

impl Default for SvgExporter {
    fn default() -> Self {
        SvgExporter {
            max_ties: 40,
            title: None,
            width: 1600.0,
        }
    }
}

const MARGIN: f64 = 20.0;
const TITLE_H: f64 = 74.0;
const INSET_W: f64 = 440.0;
const BAND_H: f64 = 210.0;
const HIGHLIGHT: &str = "#d35400";
const FONT: &str = "Helvetica, Arial, 'Liberation Sans', sans-serif";

/// `x` with 3 significant digits.
fn sig3(x: f64) -> String {
    if x == 0.0 || !x.is_finite() {
        return "0".into();
    }
    let digits = 2 - x.abs().log10().floor() as i32;
    let d = usize::try_from(digits.max(0)).unwrap_or(0);
    format!("{x:.d$}")
}

/// Approximate width of `text` at `size` px in a sans-serif font.
fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let per = if bold { 0.62 } else { 0.57 };
    text.chars().count() as f64 * size * per
}

struct Node {
    n: NodeIndex,
    x: f64,
    y: f64,
    r: f64,
}

impl Exporter for SvgExporter {
    #[allow(clippy::too_many_lines)]
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let graph = g.graph;
        let width = self.width.max(800.0);
        let source_pts: Vec<(f64, f64)> = g
            .focus
            .as_ref()
            .map(|f| {
                f.sources
                    .iter()
                    .filter_map(|&n| graph.actor(n).coordinates.map(|c| (c.lon, c.lat)))
                    .collect()
            })
            .unwrap_or_default();
        let crowded = {
            let all: Vec<f64> = graph
                .actors()
                .filter_map(|(_, a)| a.coordinates.map(|c| c.lon))
                .collect();
            let span = |v: &[f64]| {
                v.iter().copied().fold(f64::MIN, f64::max)
                    - v.iter().copied().fold(f64::MAX, f64::min)
            };
            let src: Vec<f64> = source_pts.iter().map(|p| p.0).collect();
            source_pts.len() >= 4 && span(&src) + 10.0 < 0.3 * (span(&all) + 10.0)
        };
        let map_w = if crowded {
            width - INSET_W - 3.0 * MARGIN
        } else {
            width - 2.0 * MARGIN
        };
        let map_x = MARGIN;
        let map_y = TITLE_H;
        let coords: Vec<(NodeIndex, f64, f64)> = graph
            .actors()
            .filter_map(|(n, a)| a.coordinates.map(|c| (n, c.lon, c.lat)))
            .collect();
        let circle = coords.is_empty();
        let placed: Vec<(NodeIndex, f64, f64)> = if circle {
            let k = graph.actor_count().max(1) as f64;
            graph
                .actors()
                .enumerate()
                .map(|(i, (n, _))| {
                    let t = std::f64::consts::TAU * i as f64 / k;
                    (n, 60.0 * t.cos(), 30.0 * t.sin())
                })
                .collect()
        } else {
            coords
        };
        let missing = graph.actor_count() - placed.len();
        let pts: Vec<(f64, f64)> = placed.iter().map(|&(_, lon, lat)| (lon, lat)).collect();
        let proj = Projection::fit(&pts, map_w, map_x, map_y);
        // The inset of the sources' region, right of the map, at most as tall as the map.
        let inset = crowded.then(|| {
            let x = map_x + map_w + MARGIN;
            let mut ip = Projection::fit(&source_pts, INSET_W, x, map_y);
            if ip.height > proj.height {
                let w = INSET_W * proj.height / ip.height;
                ip = Projection::fit(&source_pts, w, x + (INSET_W - w) / 2.0, map_y);
            }
            let (lo0, lo1, la0, la1) = ip.bounds();
            let (x0, y0) = proj.project(lo0, la1);
            let (x1, y1) = proj.project(lo1, la0);
            let frame = Rect {
                x: ip.project(lo0, la1).0,
                y: map_y,
                w: ip.width,
                h: ip.height,
            };
            (
                ip,
                frame,
                Rect {
                    x: x0,
                    y: y0,
                    w: x1 - x0,
                    h: y1 - y0,
                },
            )
        });
        let views_h = inset
            .as_ref()
            .map_or(proj.height, |(ip, _, _)| ip.height.max(proj.height));
        let band_y = map_y + views_h + 18.0;
        let height = band_y + BAND_H;
        let map_area = Rect {
            x: map_x,
            y: map_y,
            w: map_w,
            h: proj.height,
        };

        // Sizes.
        let (size_name, sizes) = g.sizes();
        let max_size = sizes.iter().copied().fold(0.0, f64::max);
        let size_of: HashMap<NodeIndex, f64> = graph
            .actors()
            .map(|(n, _)| n)
            .zip(sizes.iter().copied())
            .collect();
        let focus = g.focus.as_ref();
        let rank_of: HashMap<NodeIndex, usize> = focus
            .map(|f| {
                f.partners
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.0, i + 1))
                    .collect()
            })
            .unwrap_or_default();
        let on_path: HashSet<NodeIndex> = focus
            .map(|f| {
                f.partners
                    .iter()
                    .flat_map(|p| p.2.iter().copied())
                    .collect()
            })
            .unwrap_or_default();
        let sources: HashSet<NodeIndex> = focus
            .map(|f| f.sources.iter().copied().collect())
            .unwrap_or_default();
        let target = focus.map(|f| f.target);
        let nodes: Vec<Node> = placed
            .iter()
            .map(|&(n, lon, lat)| {
                let (x, y) = proj.project(lon, lat);
                let v = size_of.get(&n).copied().unwrap_or(0.0);
                let mut r = if max_size > 0.0 && v > 0.0 {
                    4.0 + 14.0 * (v / max_size).sqrt()
                } else {
                    3.5
                };
                if Some(n) == target {
                    r = r.max(11.0);
                } else if sources.contains(&n) {
                    r = r.max(4.5);
                }
                Node { n, x, y, r }
            })
            .collect();
        let pos: HashMap<NodeIndex, &Node> = nodes.iter().map(|nd| (nd.n, nd)).collect();

        // Ties: highlighted ones, and the strongest others.
        let mut grey: Vec<(NodeIndex, NodeIndex, f64)> = Vec::new();
        let mut orange: Vec<(NodeIndex, NodeIndex, f64)> = Vec::new();
        for (_, f, t, tie) in graph.ties() {
            let (w, _) = tie_weight(g, tie);
            if w <= 0.0 || !pos.contains_key(&f) || !pos.contains_key(&t) {
                continue;
            }
            if g.highlighted.contains(&(f, t)) {
                orange.push((f, t, w));
            } else {
                grey.push((f, t, w));
            }
        }
        let total_ties = grey.len() + orange.len();
        grey.sort_by(|a, b| b.2.total_cmp(&a.2));
        grey.truncate(self.max_ties);
        orange.sort_by(|a, b| a.2.total_cmp(&b.2));

        let mut s = String::new();
        let title = self
            .title
            .clone()
            .unwrap_or_else(|| graph.meta.title.clone());
        let _ = writeln!(
            s,
            r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="{FONT}">
<title>{}</title>
<defs>
  <marker id="arrow-grey" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,1 L10,5 L0,9 z" fill="#7f8c8d"/></marker>
  <marker id="arrow-hl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="13" markerHeight="13" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,1 L10,5 L0,9 z" fill="{HIGHLIGHT}"/></marker>
</defs>
<rect width="100%" height="100%" fill="#ffffff"/>
<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#f4f7fa" stroke="#d5dde5"/>"##,
            escape(&title),
            map_area.x,
            map_area.y,
            map_area.w,
            map_area.h
        );

        // Graticule.
        if !circle {
            let (lo0, lo1, la0, la1) = proj.bounds();
            let step = if lo1 - lo0 > 120.0 { 20.0 } else { 10.0 };
            let _ = writeln!(s, r##"<g stroke="#e1e7ed" stroke-width="1">"##);
            let mut lon = (lo0 / step).ceil() * step;
            while lon <= lo1 {
                let (x, _) = proj.project(lon, 0.0);
                let _ = writeln!(
                    s,
                    r#"  <line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}"/>"#,
                    map_area.y,
                    map_area.y + map_area.h
                );
                lon += step;
            }
            let mut lat = (la0 / step).ceil() * step;
            while lat <= la1 {
                let (_, y) = proj.project(0.0, lat);
                let _ = writeln!(
                    s,
                    r#"  <line x1="{:.1}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}"/>"#,
                    map_area.x,
                    map_area.x + map_area.w
                );
                lat += step;
            }
            let _ = writeln!(s, "</g>");
            // Degree labels along the bottom and left edges.
            let _ = writeln!(s, r##"<g font-size="9" fill="#9aa7b3">"##);
            let mut lon = (lo0 / step).ceil() * step;
            while lon <= lo1 {
                let (x, _) = proj.project(lon, 0.0);
                let t = if lon < 0.0 {
                    format!("{}°W", -lon)
                } else {
                    format!("{lon}°E")
                };
                let _ = writeln!(
                    s,
                    r#"  <text x="{:.1}" y="{:.1}">{t}</text>"#,
                    x + 2.0,
                    map_area.y + map_area.h - 3.0
                );
                lon += step;
            }
            let mut lat = (la0 / step).ceil() * step;
            while lat <= la1 {
                let (_, y) = proj.project(0.0, lat);
                let t = if lat < 0.0 {
                    format!("{}°S", -lat)
                } else {
                    format!("{lat}°N")
                };
                let _ = writeln!(
                    s,
                    r#"  <text x="{:.1}" y="{:.1}">{t}</text>"#,
                    map_area.x + 3.0,
                    y - 2.0
                );
                lat += step;
            }
            let _ = writeln!(s, "</g>");
        }

        let scene = Scene {
            g,
            pos: &pos,
            size_of: &size_of,
            size_name: &size_name,
            target,
            rank_of: &rank_of,
            on_path: &on_path,
            grey: &grey,
            orange: &orange,
        };
        let in_region = |nd: &Node| {
            inset.as_ref().is_some_and(|(ip, _, region)| {
                let _ = ip;
                let (x, y) = (nd.x, nd.y);
                x >= region.x
                    && x <= region.x + region.w
                    && y >= region.y
                    && y <= region.y + region.h
            })
        };
        let skip: HashSet<NodeIndex> = nodes
            .iter()
            .filter(|nd| in_region(nd) && scene.class(nd.n).0 >= 2)
            .map(|nd| nd.n)
            .collect();
        let reserved = Vec::new();
        if let Some((_, _, region)) = &inset {
            let _ = writeln!(
                s,
                r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#34495e" stroke-width="1" stroke-dasharray="4 3"/>"##,
                region.x, region.y, region.w, region.h
            );
        }
        let mut dropped = scene.draw(&mut s, &nodes, &map_area, &skip, &reserved, "main");
        if let Some((ip, frame, region)) = &inset {
            let (lo0, lo1, la0, la1) = ip.bounds();
            let members: Vec<Node> = placed
                .iter()
                .filter(|&&(_, lon, lat)| lon >= lo0 && lon <= lo1 && lat >= la0 && lat <= la1)
                .map(|&(n, lon, lat)| {
                    let (x, y) = ip.project(lon, lat);
                    let r = pos[&n].r;
                    Node { n, x, y, r }
                })
                .collect();
            let _ = writeln!(
                s,
                r##"<defs><clipPath id="inset-clip"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/></clipPath></defs>
<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#ffffff" stroke="#34495e" stroke-width="1.5"/>
<g clip-path="url(#inset-clip)">"##,
                frame.x, frame.y, frame.w, frame.h, frame.x, frame.y, frame.w, frame.h
            );
            let ipos: HashMap<NodeIndex, &Node> = members.iter().map(|nd| (nd.n, nd)).collect();
            let iscene = Scene {
                pos: &ipos,
                ..scene
            };
            let caption = Rect {
                x: frame.x,
                y: frame.y + frame.h - 20.0,
                w: 300.0,
                h: 20.0,
            };
            dropped += iscene.draw(
                &mut s,
                &members,
                frame,
                &HashSet::new(),
                &[caption],
                "inset",
            );
            let _ = writeln!(s, "</g>");
            let _ = writeln!(
                s,
                r##"<text x="{:.1}" y="{:.1}" font-size="11" fill="#34495e" font-style="italic">enlarged: the dashed box, where the sources are</text>"##,
                frame.x + 6.0,
                frame.y + frame.h - 6.0
            );
            let _ = region;
        }

        // Title.
        let subtitle = match focus {
            Some(f) => format!(
                "Whom should {} approach to press {}? Best leverage paths of the top {} partners",
                f.sources_name,
                graph.actor(f.target).name,
                f.partners.len()
            ),
            None => format!(
                "{} actors, {} ties, data as of {}",
                graph.actor_count(),
                graph.tie_count(),
                graph.meta.date
            ),
        };
        let _ = writeln!(
            s,
            r##"<text x="{MARGIN}" y="34" font-size="24" font-weight="bold" fill="#1c2833">{}</text>
<text x="{MARGIN}" y="58" font-size="14" fill="#566573">{}</text>"##,
            escape(&title),
            escape(&subtitle)
        );

        // Bottom band: ranking, legend, footnote.
        let mut px = MARGIN;
        let mut y = band_y;
        let _ = writeln!(s, r##"<g id="panel" fill="#1c2833">"##);
        if let Some(f) = focus {
            let _ = writeln!(
                s,
                r##"  <text x="{px}" y="{:.1}" font-size="15" font-weight="bold">Top partners <tspan font-weight="normal" font-size="12" fill="#566573">score = reach × pull × receptiveness; path from the best-placed source</tspan></text>"##,
                y + 12.0
            );
            y += 26.0;
            for (i, (n, score, path)) in f.partners.iter().enumerate() {
                let a = graph.actor(*n);
                let ids: Vec<&str> = path.iter().map(|&p| graph.actor(p).id.as_str()).collect();
                let _ = writeln!(
                    s,
                    r##"  <circle cx="{:.1}" cy="{:.1}" r="9" fill="{HIGHLIGHT}"/><text x="{:.1}" y="{:.1}" font-size="11" font-weight="bold" fill="#ffffff" text-anchor="middle">{}</text>
  <text x="{:.1}" y="{:.1}" font-size="13"><tspan font-weight="bold">{}</tspan> <tspan fill="#566573">{} · {}</tspan></text>"##,
                    px + 9.0,
                    y + 8.0,
                    px + 9.0,
                    y + 12.0,
                    i + 1,
                    px + 24.0,
                    y + 12.5,
                    escape(&a.name),
                    sig3(*score),
                    escape(&ids.join(" → "))
                );
                y += 26.0;
            }
            px += 640.0;
        }
        let mut y = band_y;
        let _ = writeln!(
            s,
            r#"  <text x="{px}" y="{:.1}" font-size="15" font-weight="bold">Legend</text>"#,
            y + 12.0
        );
        y += 30.0;
        let mut roles: Vec<(&str, &str)> = Vec::new();
        for nd in &nodes {
            let r = dot::role(graph, graph.actor(nd.n));
            if !roles.contains(&r) {
                roles.push(r);
            }
        }
        for (i, (role, colour)) in roles.iter().enumerate() {
            let cx = px + 8.0 + (i % 2) as f64 * 130.0;
            let cy = y + (i / 2) as f64 * 20.0;
            let _ = writeln!(
                s,
                r#"  <circle cx="{cx:.1}" cy="{cy:.1}" r="6" fill="{colour}"/><text x="{:.1}" y="{:.1}" font-size="12">{}</text>"#,
                cx + 12.0,
                cy + 4.0,
                escape(role)
            );
        }
        px += 280.0;
        let mut y = band_y + 30.0;
        let size_text = if size_name == "score" {
            "circle area: suggestion score".to_owned()
        } else {
            format!("circle area: {size_name}")
        };
        let lines = [
            size_text,
            "arrow A → B: A holds leverage over B, width by strength".to_owned(),
            format!("grey: the {} strongest of {} ties", grey.len(), total_ties),
        ];
        for l in &lines {
            let _ = writeln!(
                s,
                r#"  <text x="{px}" y="{:.1}" font-size="12">{}</text>"#,
                y + 4.0,
                escape(l)
            );
            y += 20.0;
        }
        if focus.is_some() {
            let _ = writeln!(
                s,
                r#"  <line x1="{px}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{HIGHLIGHT}" stroke-width="4"/><text x="{:.1}" y="{:.1}" font-size="12">best leverage paths of the top partners</text>"#,
                y,
                px + 30.0,
                y,
                px + 38.0,
                y + 4.0
            );
            y += 20.0;
        }
        let mut foot = vec![format!(
            "{}: data as of {}",
            graph.meta.title, graph.meta.date
        )];
        if missing > 0 {
            foot.push(format!("{missing} actors without coordinates not drawn"));
        }
        if dropped > 0 {
            let labels = if dropped == 1 { "label" } else { "labels" };
            foot.push(format!(
                "{dropped} {labels} left out where actors crowd (hover for names)"
            ));
        }
        foot.push(format!(
            "drawn by leverage {}; equirectangular projection",
            env!("CARGO_PKG_VERSION")
        ));
        let mut fy = (height - MARGIN - 14.0 * foot.len() as f64).max(y + 10.0);
        for l in &foot {
            let _ = writeln!(
                s,
                r##"  <text x="{px}" y="{fy:.1}" font-size="10" fill="#7b8a97">{}</text>"##,
                escape(l)
            );
            fy += 14.0;
        }
        let _ = writeln!(s, "</g>");
        let _ = writeln!(s, "</svg>");
        out.write_all(s.as_bytes())
    }
}

/// What every view of the map draws from.
#[derive(Clone, Copy)]
struct Scene<'a, 'g> {
    g: &'a AnnotatedGraph<'g>,
    pos: &'a HashMap<NodeIndex, &'a Node>,
    size_of: &'a HashMap<NodeIndex, f64>,
    size_name: &'a str,
    target: Option<NodeIndex>,
    rank_of: &'a HashMap<NodeIndex, usize>,
    on_path: &'a HashSet<NodeIndex>,
    grey: &'a [(NodeIndex, NodeIndex, f64)],
    orange: &'a [(NodeIndex, NodeIndex, f64)],
}

impl Scene<'_, '_> {
    /// The label class of an actor: target, partner (with rank), on a path, other.
    fn class(&self, n: NodeIndex) -> (u8, usize) {
        if Some(n) == self.target {
            (0, 0)
        } else if let Some(&r) = self.rank_of.get(&n) {
            (1, r)
        } else if self.on_path.contains(&n) {
            (2, 0)
        } else {
            (3, 0)
        }
    }

    /// Draws ties, actors and labels of `nodes` inside `area`; returns how many labels did not
    /// fit. `skip` actors get no label; `reserved` areas take none.
    #[allow(clippy::too_many_lines)]
    fn draw(
        &self,
        s: &mut String,
        nodes: &[Node],
        area: &Rect,
        skip: &HashSet<NodeIndex>,
        reserved: &[Rect],
        id: &str,
    ) -> usize {
        let g = self.g;
        let graph = g.graph;
        let pos = self.pos;
        let target = self.target;
        let rank_of = self.rank_of;
        let size_of = self.size_of;
        let size_name = self.size_name;
        let map_area = *area;
        // Ties.
        let arrow = |s: &mut String, f: NodeIndex, t: NodeIndex, w: f64, hl: bool| {
            let (a, b) = (pos[&f], pos[&t]);
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let len = (dx * dx + dy * dy).sqrt();
            if len < 1.0 {
                return;
            }
            let bend = 0.12 * len;
            let (cx, cy) = (
                (a.x + b.x) / 2.0 - dy / len * bend,
                (a.y + b.y) / 2.0 + dx / len * bend,
            );
            let unit = |px: f64, py: f64, qx: f64, qy: f64| {
                let l = ((qx - px).powi(2) + (qy - py).powi(2)).sqrt().max(1e-9);
                ((qx - px) / l, (qy - py) / l)
            };
            let (ux, uy) = unit(a.x, a.y, cx, cy);
            let (vx, vy) = unit(cx, cy, b.x, b.y);
            let (sx, sy) = (a.x + ux * (a.r + 1.0), a.y + uy * (a.r + 1.0));
            let gap = b.r + if hl { 2.0 } else { 1.5 };
            let (ex, ey) = (b.x - vx * gap, b.y - vy * gap);
            let (width, style) = if hl {
                (
                    1.6 + 5.0 * w.sqrt(),
                    format!(
                        r#"stroke="{HIGHLIGHT}" stroke-opacity="0.9" marker-end="url(#arrow-hl)""#
                    ),
                )
            } else {
                (
                    0.6 + 3.5 * w.sqrt(),
                    r##"stroke="#7f8c8d" stroke-opacity="0.45" marker-end="url(#arrow-grey)""##
                        .to_owned(),
                )
            };
            let ga = graph.actor(f).id.as_str();
            let gb = graph.actor(t).id.as_str();
            let _ = writeln!(
                s,
                r#"  <path d="M{sx:.1},{sy:.1} Q{cx:.1},{cy:.1} {ex:.1},{ey:.1}" fill="none" stroke-width="{width:.2}" {style}><title>{} → {}: strength {}</title></path>"#,
                escape(ga),
                escape(gb),
                sig3(w)
            );
        };
        let _ = writeln!(s, r#"<g id="ties-{id}">"#);
        for &(f, t, w) in self.grey.iter().rev() {
            if pos.contains_key(&f) && pos.contains_key(&t) {
                arrow(s, f, t, w, false);
            }
        }
        let _ = writeln!(s, "</g>");
        let _ = writeln!(s, r#"<g id="paths-{id}">"#);
        for &(f, t, w) in self.orange {
            if pos.contains_key(&f) && pos.contains_key(&t) {
                arrow(s, f, t, w, true);
            }
        }
        let _ = writeln!(s, "</g>");

        // Actors, small ones on top so they stay visible.
        let mut order: Vec<&Node> = nodes.iter().collect();
        order.sort_by(|a, b| b.r.total_cmp(&a.r));
        let _ = writeln!(
            s,
            r##"<g id="actors-{id}" stroke="#ffffff" stroke-width="1">"##
        );
        for nd in &order {
            let a = graph.actor(nd.n);
            let (role, colour) = dot::role(graph, a);
            let ring = if Some(nd.n) == target {
                r##" stroke="#2c3e50" stroke-width="3""##.to_owned()
            } else if rank_of.contains_key(&nd.n) {
                format!(r#" stroke="{HIGHLIGHT}" stroke-width="3""#)
            } else {
                String::new()
            };
            let v = size_of.get(&nd.n).copied().unwrap_or(0.0);
            let _ = writeln!(
                s,
                r#"  <circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="{colour}"{ring}><title>{} ({}, {role}); {size_name} {}</title></circle>"#,
                nd.x,
                nd.y,
                nd.r,
                escape(&a.name),
                escape(a.id.as_str()),
                sig3(v)
            );
        }
        let _ = writeln!(s, "</g>");

        // Labels.
        let mut prio: Vec<&Node> = nodes.iter().filter(|nd| !skip.contains(&nd.n)).collect();
        let class = |n: NodeIndex| self.class(n);
        prio.sort_by(|a, b| {
            class(a.n)
                .cmp(&class(b.n))
                .then(b.r.total_cmp(&a.r))
                .then(a.n.cmp(&b.n))
        });
        let texts: Vec<(String, f64, bool)> = prio
            .iter()
            .map(|nd| {
                let a = graph.actor(nd.n);
                match class(nd.n) {
                    (0, _) => (a.name.clone(), 15.0, true),
                    (1, r) => (format!("{r} {}", a.name), 14.0, true),
                    (2, _) => (a.name.clone(), 11.5, false),
                    _ => (a.id.to_string(), 10.0, false),
                }
            })
            .collect();
        let wanted: Vec<Wanted> = prio
            .iter()
            .zip(&texts)
            .map(|(nd, (t, size, bold))| Wanted {
                x: nd.x,
                y: nd.y,
                r: nd.r,
                w: text_width(t, *size, *bold) + 2.0,
                h: size * 1.15,
            })
            .collect();
        let mut obstacles: Vec<Rect> = nodes
            .iter()
            .map(|nd| Rect {
                x: nd.x - nd.r,
                y: nd.y - nd.r,
                w: 2.0 * nd.r,
                h: 2.0 * nd.r,
            })
            .collect();
        obstacles.extend_from_slice(reserved);
        let spots = place(&wanted, &obstacles, &map_area);
        let mut dropped = 0usize;
        let _ = writeln!(
            s,
            r##"<g id="labels-{id}" fill="#1c2833" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">"##
        );
        for ((t, size, bold), spot) in texts.iter().zip(&spots) {
            let Some(r) = spot else {
                dropped += 1;
                continue;
            };
            let weight = if *bold { r#" font-weight="bold""# } else { "" };
            let _ = writeln!(
                s,
                r#"  <text x="{:.1}" y="{:.1}" font-size="{size}"{weight}>{}</text>"#,
                r.x + 1.0,
                r.y + size * 0.88,
                escape(t)
            );
        }
        let _ = writeln!(s, "</g>");
        dropped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_significant_digits() {
        assert_eq!(sig3(0.012345), "0.0123");
        assert_eq!(sig3(1.5), "1.50");
        assert_eq!(sig3(0.0), "0");
        assert_eq!(sig3(123.4), "123");
    }
}
