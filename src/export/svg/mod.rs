//! A map drawn by leverage itself, as SVG: no external program needed.
//!
//! - **Base map:** the land of Natural Earth's 1:110m data in the Natural Earth projection
//!   ([`crate::geo`]), cropped to the actors drawn ([`frame::view_bounds`]), with a light
//!   graticule; where the sources crowd (the EU's capitals on a world map), an inset enlarges
//!   their region ([`frame::inset_bounds`]: Europe), outlined on the main map. The map says
//!   "Natural Earth projection; Made with Natural Earth". Actors without coordinates are not
//!   drawn (the footnote counts them); a graph with no coordinates at all is drawn on a circle,
//!   without land.
//! - **Actors:** coloured by their role ([`super::style::Style`]: the target, the sources,
//!   groups), with area proportional to the size measure ([`AnnotatedGraph::sizes`]: the
//!   suggestion score by default). The target is drawn large with a dark ring, the top partners
//!   with an orange ring and their rank.
//! - **Ties:** arrows `from -> to` (from holds leverage over to), slightly curved so that the two
//!   directions of a pair stay apart, width by strength. Only the `max_ties` strongest ties are
//!   drawn in grey (default 40; a world graph has over a thousand), plus every tie on the best
//!   leverage path of a highlighted partner, in orange.
//! - **Labels:** placed greedily without collisions ([`labels`]): the target, the partners in rank
//!   order and the actors on their paths first, then the others by size; a label that fits
//!   nowhere is left out (an ISO code on a dense cluster), never drawn over another.
//! - **Ranking band:** the partners with their scores in thousandths (the table's unit), their
//!   rank interval over a robustness run when one is attached ([`super::Focus::uncertainty`]),
//!   and their paths; a legend; a footnote naming the graph, its date, what was left out, the
//!   projection and the data's credit.
//!
//! Numbers follow the table of `leverage suggest`: scores in thousandths, shares (strengths,
//! P(top k)) in percent. With [`SvgExporter::interactive`] the map carries what the briefing page
//! needs: `data-` attributes on ties, actors and ranking rows, and the paths of the partners
//! beyond the highlighted ones, hidden (class `latent`).

pub mod frame;
pub mod labels;

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io::Write;

use petgraph::stable_graph::NodeIndex;

use super::xml::escape;
use super::{tie_weight, AnnotatedGraph, Exporter, Focus};
use crate::geo::{
    bounds_path, graticule_path, sphere_path, GeoBounds, Land, MapFrame, Viewport, ATTRIBUTION,
    PROJECTION_NAME,
};
use labels::{place, Rect, Wanted};

/// Draws the SVG map.
#[derive(Debug, Clone, PartialEq)]
pub struct SvgExporter {
    /// How many ties to draw besides the highlighted ones, strongest first.
    pub max_ties: usize,
    /// The title; default the graph's title.
    pub title: Option<String>,
    /// Width of the picture in pixels.
    pub width: f64,
    /// Whether to add what an interactive page needs (module docs).
    pub interactive: bool,
}

impl Default for SvgExporter {
    fn default() -> Self {
        SvgExporter {
            max_ties: 40,
            title: None,
            width: 1600.0,
            interactive: false,
        }
    }
}

const MARGIN: f64 = 20.0;
const TITLE_H: f64 = 74.0;
const INSET_W: f64 = 440.0;
const ROW_H: f64 = 24.0;
const FONT: &str = "Helvetica, Arial, 'Liberation Sans', sans-serif";
const SEA: &str = "#eaf1f6";
const LAND: &str = "#e6e1d3";
const COAST: &str = "#b3ab98";
const GRID: &str = "#d3dde6";
const INK: &str = "#1c2833";
const MUTED: &str = "#566573";

/// `x` with 3 significant digits.
fn sig3(x: f64) -> String {
    crate::report::table::significant(x, 3)
}

/// A score as the table shows it: in thousandths, 3 significant digits.
fn thousandths(score: f64) -> String {
    sig3(score * 1000.0)
}

/// Approximate width of `text` at `size` px in a sans-serif font.
fn text_width(text: &str, size: f64, bold: bool) -> f64 {
    let per = if bold { 0.62 } else { 0.57 };
    text.chars().count() as f64 * size * per
}

/// An actor placed on a view.
struct Node {
    n: NodeIndex,
    x: f64,
    y: f64,
    r: f64,
}

/// A view of the map: where it draws, how degrees become pixels, and whether it has land.
struct View {
    frame: MapFrame,
    area: Rect,
    bounds: GeoBounds,
}

impl View {
    fn new(bounds: GeoBounds, x: f64, y: f64, w: f64, h: f64) -> View {
        let frame = MapFrame::fit(
            &bounds,
            Viewport {
                x,
                y,
                width: w,
                height: h,
            },
        );
        View {
            frame,
            area: Rect { x, y, w, h },
            bounds,
        }
    }
}

/// Where everything goes: the main view, the inset, the band below and the picture's size.
struct Layout {
    width: f64,
    height: f64,
    main: View,
    inset: Option<View>,
    band_y: f64,
    /// Actors with their `(lon, lat)`: real coordinates, or places on a circle (`geo` false).
    placed: Vec<(NodeIndex, f64, f64)>,
    geo: bool,
    missing: usize,
}

impl Layout {
    /// Fits the main view to the actors and, where the sources crowd, an inset of their region.
    fn new(g: &AnnotatedGraph<'_>, width: f64, band_rows: usize) -> Layout {
        let graph = g.graph;
        let coords: Vec<(NodeIndex, f64, f64)> = graph
            .actors()
            .filter_map(|(n, a)| a.coordinates.map(|c| (n, c.lon, c.lat)))
            .collect();
        let geo = !coords.is_empty();
        let placed: Vec<(NodeIndex, f64, f64)> = if geo {
            coords
        } else {
            let k = graph.actor_count().max(1) as f64;
            graph
                .actors()
                .enumerate()
                .map(|(i, (n, _))| {
                    let t = std::f64::consts::TAU * i as f64 / k;
                    (n, 60.0 * t.cos(), 30.0 * t.sin())
                })
                .collect()
        };
        let missing = graph.actor_count() - placed.len();
        let pts: Vec<(f64, f64)> = placed.iter().map(|&(_, lon, lat)| (lon, lat)).collect();
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
        let inset_bounds = if geo {
            frame::inset_bounds(&source_pts, &pts)
        } else {
            None
        };
        let bounds = frame::view_bounds(&pts);
        let map_w = if inset_bounds.is_some() {
            width - INSET_W - 3.0 * MARGIN
        } else {
            width - 2.0 * MARGIN
        };
        let map_h = (map_w / bounds.aspect().max(0.3)).min(1.2 * map_w);
        let main = View::new(bounds, MARGIN, TITLE_H, map_w, map_h);
        let inset = inset_bounds.map(|b| {
            let (mut w, mut h) = (INSET_W, INSET_W / b.aspect().max(0.3));
            if h > map_h {
                w *= map_h / h;
                h = map_h;
            }
            let x = MARGIN + map_w + MARGIN + (INSET_W - w) / 2.0;
            View::new(b, x, TITLE_H, w, h)
        });
        let views_h = inset.as_ref().map_or(map_h, |i| i.area.h.max(map_h));
        let band_y = TITLE_H + views_h + 22.0;
        let band_h = (58.0 + ROW_H * band_rows as f64).max(250.0) + 20.0;
        Layout {
            width,
            height: band_y + band_h,
            main,
            inset,
            band_y,
            placed,
            geo,
            missing,
        }
    }
}

impl Exporter for SvgExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let rows = g
            .focus
            .as_ref()
            .map_or(0, |f| band_rows(f, self.interactive));
        let layout = Layout::new(g, self.width.max(800.0), rows);
        let scene = Scene::new(g, &layout, self);
        let mut s = String::new();
        let title = self
            .title
            .clone()
            .unwrap_or_else(|| g.graph.meta.title.clone());
        open_svg(&mut s, &layout, &title, &g.style.highlight);
        if layout.geo {
            basemap(&mut s, &layout.main, "main");
        } else {
            plain_background(&mut s, &layout.main.area);
        }
        let mut dropped = scene.draw_main(&mut s, &layout);
        if let Some(inset) = &layout.inset {
            dropped += scene.draw_inset(&mut s, &layout, inset);
        }
        heading(&mut s, g, &title);
        let legend_x = match &g.focus {
            Some(f) => ranking_band(&mut s, g, f, &layout, self.interactive),
            None => MARGIN,
        };
        let y = legend(&mut s, &scene, legend_x, layout.band_y);
        footnote(&mut s, g, &layout, &scene, dropped, legend_x, y);
        s.push_str("</svg>\n");
        out.write_all(s.as_bytes())
    }
}

/// How many rows the ranking band shows: the highlighted partners, or every partner of an
/// interactive map.
fn band_rows(f: &Focus, interactive: bool) -> usize {
    if interactive {
        f.partners.len()
    } else {
        f.highlighted.min(f.partners.len())
    }
}

/// The `<svg>` element, its arrow markers and the white page.
fn open_svg(s: &mut String, layout: &Layout, title: &str, highlight: &str) {
    let (w, h) = (layout.width, layout.height);
    let _ = writeln!(
        s,
        r##"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="{w:.0}" height="{h:.0}" viewBox="0 0 {w:.0} {h:.0}" font-family="{FONT}">
<title>{}</title>
<defs>
  <marker id="arrow-grey" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,1 L10,5 L0,9 z" fill="#7f8c8d"/></marker>
  <marker id="arrow-hl" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="13" markerHeight="13" markerUnits="userSpaceOnUse" orient="auto"><path d="M0,1 L10,5 L0,9 z" fill="{highlight}"/></marker>
</defs>
<rect width="100%" height="100%" fill="#ffffff"/>"##,
        escape(title)
    );
}

/// Sea, graticule and land of a view, clipped to its area.
fn basemap(s: &mut String, v: &View, id: &str) {
    let a = &v.area;
    let world = v.bounds.lon_max - v.bounds.lon_min > 300.0;
    let step = if v.bounds.lon_max - v.bounds.lon_min > 120.0 {
        20.0
    } else {
        10.0
    };
    let _ = writeln!(
        s,
        r##"<g id="basemap-{id}">
<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="{}"/>"##,
        a.x,
        a.y,
        a.w,
        a.h,
        if world { "#ffffff" } else { SEA }
    );
    if world {
        let _ = writeln!(s, r#"<path d="{}" fill="{SEA}"/>"#, sphere_path(&v.frame));
    }
    let _ = writeln!(
        s,
        r#"<path d="{}" fill="none" stroke="{GRID}" stroke-width="0.7"/>
<path d="{}" fill="{LAND}" fill-rule="evenodd" stroke="{COAST}" stroke-width="0.6" stroke-linejoin="round"/>
</g>"#,
        graticule_path(&v.frame, step),
        Land::embedded().svg_path(&v.frame)
    );
}

/// The background of a map without coordinates (actors on a circle).
fn plain_background(s: &mut String, a: &Rect) {
    let _ = writeln!(
        s,
        r##"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#f4f7fa" stroke="#d5dde5"/>"##,
        a.x, a.y, a.w, a.h
    );
}

/// The title and the question under it.
fn heading(s: &mut String, g: &AnnotatedGraph<'_>, title: &str) {
    let graph = g.graph;
    let subtitle = match &g.focus {
        Some(f) => format!(
            "Whom should the {} approach to press {}? Best leverage paths of the top {} partners",
            f.sources_name,
            graph.actor(f.target).name,
            f.highlighted
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
        r#"<text x="{MARGIN}" y="34" font-size="24" font-weight="bold" fill="{INK}">{}</text>
<text x="{MARGIN}" y="58" font-size="14" fill="{MUTED}">{}</text>"#,
        escape(title),
        escape(&subtitle)
    );
}

/// The ranking band: one row per partner with its score in thousandths, its rank interval and
/// its path. Returns where the legend starts.
fn ranking_band(
    s: &mut String,
    g: &AnnotatedGraph<'_>,
    f: &Focus,
    layout: &Layout,
    interactive: bool,
) -> f64 {
    let graph = g.graph;
    let hl = &g.style.highlight;
    let rows = &f.partners[..band_rows(f, interactive)];
    let x = MARGIN;
    let y0 = layout.band_y;
    let _ = writeln!(
        s,
        r#"<g id="ranking" fill="{INK}">
  <text x="{x}" y="{:.1}" font-size="15" font-weight="bold">Top partners <tspan font-weight="normal" font-size="12" fill="{MUTED}">score = {} (in thousandths, as in the table); path from the best-placed source</tspan></text>"#,
        y0 + 12.0,
        escape(&f.formula)
    );
    // Columns: badge and name, score, rank interval, P(top k), path.
    let (score_x, band_x, band_w, p_x) = (x + 250.0, x + 290.0, 200.0, x + 550.0);
    let path_x = if f.uncertainty.is_some() {
        x + 625.0
    } else {
        x + 290.0
    };
    let max_rank = rows
        .iter()
        .filter_map(|p| p.spread.map(|sp| sp.range[1]))
        .chain(rows.iter().map(|p| p.rank))
        .max()
        .unwrap_or(1)
        .max(2);
    let rank_x = |r: f64| band_x + band_w * (r - 1.0) / (max_rank as f64 - 1.0);
    let mut y = y0 + 26.0;
    if let Some(u) = &f.uncertainty {
        let _ = writeln!(
            s,
            r#"  <text x="{band_x}" y="{:.1}" font-size="10.5" fill="{MUTED}">rank, 5–95% of {} samples (seed {}) ● median</text>
  <text x="{p_x}" y="{:.1}" font-size="10.5" fill="{MUTED}">P(top {})</text>"#,
            y + 4.0,
            crate::report::table::thousands(u.samples),
            u.seed,
            y + 4.0,
            u.top_k
        );
        y += 14.0;
    }
    for p in rows {
        let a = graph.actor(p.node);
        let ids: Vec<&str> = p.path.iter().map(|&n| graph.actor(n).id.as_str()).collect();
        let data = if interactive {
            format!(r#" class="band-row" data-id="{}""#, escape(a.id.as_str()))
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            r##"  <g{data}><circle cx="{:.1}" cy="{:.1}" r="9" fill="{hl}"/><text x="{:.1}" y="{:.1}" font-size="11" font-weight="bold" fill="#ffffff" text-anchor="middle">{}</text>
  <text x="{:.1}" y="{:.1}" font-size="13" font-weight="bold">{}</text>
  <text x="{score_x:.1}" y="{:.1}" font-size="13" text-anchor="end">{}</text>"##,
            x + 9.0,
            y + 8.0,
            x + 9.0,
            y + 12.0,
            p.rank,
            x + 24.0,
            y + 12.5,
            escape(&a.name),
            y + 12.5,
            thousandths(p.score)
        );
        if let Some(sp) = p.spread {
            let (lo, hi) = (rank_x(sp.range[0] as f64), rank_x(sp.range[1] as f64));
            let _ = writeln!(
                s,
                r##"  <line x1="{band_x:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#e5e8eb" stroke-width="1"/><line x1="{lo:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{hl}" stroke-width="5" stroke-linecap="round" stroke-opacity="0.45"/><circle cx="{:.1}" cy="{:.1}" r="3.5" fill="{hl}"/><text x="{:.1}" y="{:.1}" font-size="10" fill="{MUTED}">{}</text>
  <text x="{p_x:.1}" y="{:.1}" font-size="12">{}</text>"##,
                y + 8.0,
                band_x + band_w,
                y + 8.0,
                y + 8.0,
                hi.max(lo + 0.1),
                y + 8.0,
                rank_x(sp.median),
                y + 8.0,
                hi + 8.0,
                y + 11.5,
                rank_span(sp.range),
                y + 12.5,
                crate::report::table::percent(sp.p_top_k)
            );
        }
        let _ = writeln!(
            s,
            r#"  <text x="{path_x:.1}" y="{:.1}" font-size="12" fill="{MUTED}">{}</text></g>"#,
            y + 12.5,
            escape(&ids.join(" → "))
        );
        y += ROW_H;
    }
    let _ = writeln!(s, "</g>");
    x + 920.0
}

/// `1–3`, or `2` when both ends agree.
fn rank_span(r: [usize; 2]) -> String {
    if r[0] == r[1] {
        r[0].to_string()
    } else {
        format!("{}–{}", r[0], r[1])
    }
}

/// The legend: the colour roles shown, what circles and arrows mean. Returns where it ends.
fn legend(s: &mut String, scene: &Scene<'_, '_>, x: f64, y0: f64) -> f64 {
    let g = scene.g;
    let graph = g.graph;
    let _ = writeln!(
        s,
        r#"<g id="legend" fill="{INK}">
  <text x="{x}" y="{:.1}" font-size="15" font-weight="bold">Legend</text>"#,
        y0 + 12.0
    );
    let mut roles: Vec<(&str, &str)> = Vec::new();
    for &(n, _, _) in &scene.placed {
        let r = g.style.role(graph, graph.actor(n));
        if !roles.contains(&r) {
            roles.push(r);
        }
    }
    let mut y = y0 + 30.0;
    for (i, (role, colour)) in roles.iter().enumerate() {
        let cx = x + 8.0 + (i % 2) as f64 * 130.0;
        let cy = y + (i / 2) as f64 * 20.0;
        let _ = writeln!(
            s,
            r#"  <circle cx="{cx:.1}" cy="{cy:.1}" r="6" fill="{colour}"/><text x="{:.1}" y="{:.1}" font-size="12">{}</text>"#,
            cx + 12.0,
            cy + 4.0,
            escape(role)
        );
    }
    y += roles.len().div_ceil(2) as f64 * 20.0 + 6.0;
    let size_text = if scene.size_name == "score" {
        "circle area: suggestion score".to_owned()
    } else {
        format!("circle area: {}", scene.size_name)
    };
    let lines = [
        size_text,
        "arrow A → B: A holds leverage over B, width by strength".to_owned(),
        format!(
            "grey: the {} strongest of {} ties",
            scene.grey.len(),
            scene.total_ties
        ),
    ];
    for l in &lines {
        let _ = writeln!(
            s,
            r#"  <text x="{x}" y="{:.1}" font-size="12">{}</text>"#,
            y + 4.0,
            escape(l)
        );
        y += 18.0;
    }
    if g.focus.is_some() {
        let _ = writeln!(
            s,
            r#"  <line x1="{x}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="{}" stroke-width="4"/><text x="{:.1}" y="{:.1}" font-size="12">best leverage paths of the top partners</text>"#,
            x + 30.0,
            g.style.highlight,
            x + 38.0,
            y + 4.0
        );
        y += 18.0;
    }
    let _ = writeln!(s, "</g>");
    y
}

/// The footnote: the graph and its date, what was left out, the projection and the credit.
fn footnote(
    s: &mut String,
    g: &AnnotatedGraph<'_>,
    layout: &Layout,
    scene: &Scene<'_, '_>,
    dropped: usize,
    x: f64,
    y: f64,
) {
    let graph = g.graph;
    let mut foot = vec![format!(
        "{}: data as of {}",
        graph.meta.title, graph.meta.date
    )];
    if layout.missing > 0 {
        foot.push(format!(
            "{} actors without coordinates not drawn",
            layout.missing
        ));
    }
    if dropped > 0 {
        let labels = if dropped == 1 { "label" } else { "labels" };
        foot.push(format!(
            "{dropped} {labels} left out where actors crowd (hover for names)"
        ));
    }
    if layout.geo {
        foot.push(format!(
            "{PROJECTION_NAME}; {ATTRIBUTION} (land, 1:110m); drawn by leverage {}",
            env!("CARGO_PKG_VERSION")
        ));
    } else {
        foot.push(format!(
            "no coordinates: actors on a circle; drawn by leverage {}",
            env!("CARGO_PKG_VERSION")
        ));
    }
    let _ = scene;
    let mut fy = (layout.height - MARGIN - 14.0 * foot.len() as f64).max(y + 10.0);
    let _ = writeln!(s, r##"<g id="footnote" font-size="10.5" fill="#6b7a87">"##);
    for l in &foot {
        let _ = writeln!(s, r#"  <text x="{x}" y="{fy:.1}">{}</text>"#, escape(l));
        fy += 14.0;
    }
    let _ = writeln!(s, "</g>");
}

/// A tie to draw: its ends and strength.
type Arrow = (NodeIndex, NodeIndex, f64);

/// What every view of the map draws from: the actors' sizes, classes and the ties to draw.
struct Scene<'a, 'g> {
    g: &'a AnnotatedGraph<'g>,
    placed: Vec<(NodeIndex, f64, f64)>,
    radius: HashMap<NodeIndex, f64>,
    size_of: HashMap<NodeIndex, f64>,
    size_name: String,
    target: Option<NodeIndex>,
    rank_of: HashMap<NodeIndex, usize>,
    on_path: HashSet<NodeIndex>,
    grey: Vec<Arrow>,
    orange: Vec<Arrow>,
    /// Ties of the paths of partners beyond the highlighted ones (interactive maps only).
    latent: Vec<Arrow>,
    /// For each path tie, the partners whose path uses it.
    partners_of: HashMap<(NodeIndex, NodeIndex), Vec<NodeIndex>>,
    total_ties: usize,
    interactive: bool,
}

impl<'a, 'g> Scene<'a, 'g> {
    /// Sizes the actors and chooses the ties to draw.
    fn new(g: &'a AnnotatedGraph<'g>, layout: &Layout, ex: &SvgExporter) -> Self {
        let graph = g.graph;
        let (size_name, sizes) = g.sizes();
        let max_size = sizes.iter().copied().fold(0.0, f64::max);
        let size_of: HashMap<NodeIndex, f64> = graph
            .actors()
            .map(|(n, _)| n)
            .zip(sizes.iter().copied())
            .collect();
        let focus = g.focus.as_ref();
        let shown = focus.map_or(0, |f| band_rows(f, ex.interactive));
        let rank_of: HashMap<NodeIndex, usize> = focus
            .map(|f| {
                f.partners[..f.highlighted.min(f.partners.len())]
                    .iter()
                    .map(|p| (p.node, p.rank))
                    .collect()
            })
            .unwrap_or_default();
        let mut on_path = HashSet::new();
        let mut partners_of: HashMap<(NodeIndex, NodeIndex), Vec<NodeIndex>> = HashMap::new();
        let mut latent_set = HashSet::new();
        if let Some(f) = focus {
            for (i, p) in f.partners.iter().take(shown).enumerate() {
                if i < f.highlighted {
                    on_path.extend(p.path.iter().copied());
                }
                for w in p.path.windows(2) {
                    partners_of.entry((w[0], w[1])).or_default().push(p.node);
                    if i >= f.highlighted {
                        latent_set.insert((w[0], w[1]));
                    }
                }
            }
        }
        let sources: HashSet<NodeIndex> = focus
            .map(|f| f.sources.iter().copied().collect())
            .unwrap_or_default();
        let target = focus.map(|f| f.target);
        let placed_set: HashSet<NodeIndex> = layout.placed.iter().map(|p| p.0).collect();
        let radius = layout
            .placed
            .iter()
            .map(|&(n, _, _)| {
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
                (n, r)
            })
            .collect();
        let (mut grey, mut orange, mut latent) = (Vec::new(), Vec::new(), Vec::new());
        for (_, f, t, tie) in graph.ties() {
            let (w, _) = tie_weight(g, tie);
            if w <= 0.0 || !placed_set.contains(&f) || !placed_set.contains(&t) {
                continue;
            }
            if g.highlighted.contains(&(f, t)) {
                orange.push((f, t, w));
            } else if latent_set.contains(&(f, t)) {
                latent.push((f, t, w));
                grey.push((f, t, w));
            } else {
                grey.push((f, t, w));
            }
        }
        let total_ties = grey.len() + orange.len();
        grey.sort_by(|a, b| b.2.total_cmp(&a.2));
        grey.truncate(ex.max_ties);
        orange.sort_by(|a, b| a.2.total_cmp(&b.2));
        if !ex.interactive {
            latent.clear();
        }
        Scene {
            g,
            placed: layout.placed.clone(),
            radius,
            size_of,
            size_name,
            target,
            rank_of,
            on_path,
            grey,
            orange,
            latent,
            partners_of,
            total_ties,
            interactive: ex.interactive,
        }
    }

    /// The actors of `view` placed on it: those inside its bounds (every actor on the main view).
    fn nodes(&self, view: &View, all: bool) -> Vec<Node> {
        self.placed
            .iter()
            .filter(|&&(_, lon, lat)| all || view.bounds.contains(lon, lat))
            .map(|&(n, lon, lat)| {
                let (x, y) = view.frame.project(lon, lat);
                Node {
                    n,
                    x,
                    y,
                    r: self.radius.get(&n).copied().unwrap_or(3.5),
                }
            })
            .collect()
    }

    /// The main view: its ties, actors and labels, and the inset's region outlined. Labels of
    /// minor actors inside the inset's region are left to the inset. Returns the labels dropped.
    fn draw_main(&self, s: &mut String, layout: &Layout) -> usize {
        let main = &layout.main;
        let nodes = self.nodes(main, true);
        let skip: HashSet<NodeIndex> = match &layout.inset {
            Some(inset) => self
                .placed
                .iter()
                .filter(|&&(n, lon, lat)| inset.bounds.contains(lon, lat) && self.class(n).0 >= 2)
                .map(|p| p.0)
                .collect(),
            None => HashSet::new(),
        };
        if let Some(inset) = &layout.inset {
            let _ = writeln!(
                s,
                r##"<path d="{}" fill="none" stroke="#34495e" stroke-width="1" stroke-dasharray="4 3"/>"##,
                bounds_path(&inset.bounds, &main.frame)
            );
        }
        self.draw(s, &nodes, &main.area, &skip, &[], "main")
    }

    /// The inset: its frame, base map, ties, actors and labels, clipped to it, and its caption.
    fn draw_inset(&self, s: &mut String, layout: &Layout, inset: &View) -> usize {
        let a = inset.area;
        let _ = writeln!(
            s,
            r#"<defs><clipPath id="inset-clip"><rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}"/></clipPath></defs>
<g clip-path="url(#inset-clip)">"#,
            a.x, a.y, a.w, a.h
        );
        if layout.geo {
            basemap(s, inset, "inset");
        }
        let nodes = self.nodes(inset, false);
        let caption = Rect {
            x: a.x,
            y: a.y + a.h - 20.0,
            w: 300.0,
            h: 20.0,
        };
        let dropped = self.draw(s, &nodes, &a, &HashSet::new(), &[caption], "inset");
        let _ = writeln!(
            s,
            r##"</g>
<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="#34495e" stroke-width="1.5"/>
<text x="{:.1}" y="{:.1}" font-size="11" fill="#34495e" font-style="italic">enlarged: the dashed area, where the sources are</text>"##,
            a.x,
            a.y,
            a.w,
            a.h,
            a.x + 6.0,
            a.y + a.h - 6.0
        );
        dropped
    }

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
    fn draw(
        &self,
        s: &mut String,
        nodes: &[Node],
        area: &Rect,
        skip: &HashSet<NodeIndex>,
        reserved: &[Rect],
        id: &str,
    ) -> usize {
        let pos: HashMap<NodeIndex, &Node> = nodes.iter().map(|nd| (nd.n, nd)).collect();
        self.draw_ties(s, &pos, id);
        self.draw_actors(s, nodes, id);
        self.draw_labels(s, nodes, area, skip, reserved, id)
    }

    /// The grey ties, then the highlighted paths (and, on an interactive map, the latent ones).
    fn draw_ties(&self, s: &mut String, pos: &HashMap<NodeIndex, &Node>, id: &str) {
        let _ = writeln!(s, r#"<g id="ties-{id}">"#);
        for &(f, t, w) in self.grey.iter().rev() {
            self.arrow(s, pos, (f, t, w), Kind::Grey);
        }
        let _ = writeln!(s, "</g>");
        let _ = writeln!(s, r#"<g id="paths-{id}">"#);
        for &a in &self.latent {
            self.arrow(s, pos, a, Kind::Latent);
        }
        for &a in &self.orange {
            self.arrow(s, pos, a, Kind::Path);
        }
        let _ = writeln!(s, "</g>");
    }

    /// One curved arrow `f -> t` between placed actors.
    fn arrow(&self, s: &mut String, pos: &HashMap<NodeIndex, &Node>, tie: Arrow, kind: Kind) {
        let (f, t, w) = tie;
        let (Some(a), Some(b)) = (pos.get(&f), pos.get(&t)) else {
            return;
        };
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
        let hl = kind != Kind::Grey;
        let gap = b.r + if hl { 2.0 } else { 1.5 };
        let (ex, ey) = (b.x - vx * gap, b.y - vy * gap);
        let hl_colour = &self.g.style.highlight;
        let (width, style) = if hl {
            (
                1.6 + 5.0 * w.sqrt(),
                format!(r#"stroke="{hl_colour}" stroke-opacity="0.9" marker-end="url(#arrow-hl)""#),
            )
        } else {
            (
                0.6 + 3.5 * w.sqrt(),
                r##"stroke="#7f8c8d" stroke-opacity="0.45" marker-end="url(#arrow-grey)""##
                    .to_owned(),
            )
        };
        let graph = self.g.graph;
        let (ga, gb) = (graph.actor(f).id.as_str(), graph.actor(t).id.as_str());
        let data = if self.interactive {
            let class = match kind {
                Kind::Grey => "tie",
                Kind::Path => "tie path",
                Kind::Latent => "tie path latent",
            };
            let partners: Vec<&str> = self
                .partners_of
                .get(&(f, t))
                .map(|v| v.iter().map(|&n| graph.actor(n).id.as_str()).collect())
                .unwrap_or_default();
            format!(
                r#" class="{class}" data-from="{}" data-to="{}" data-partners="{}""#,
                escape(ga),
                escape(gb),
                escape(&partners.join(" "))
            )
        } else {
            String::new()
        };
        let channels = graph
            .tie(f, t)
            .map(|tie| {
                let mut c: Vec<(&str, f64)> = tie
                    .channels
                    .iter()
                    .map(|(c, fig)| (c.as_str(), fig.value))
                    .collect();
                c.sort_by(|x, y| y.1.total_cmp(&x.1));
                c.iter()
                    .map(|(c, v)| format!("{c} {}", crate::report::table::percent(*v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default();
        let _ = writeln!(
            s,
            r#"  <path d="M{sx:.1},{sy:.1} Q{cx:.1},{cy:.1} {ex:.1},{ey:.1}" fill="none" stroke-width="{width:.2}" {style}{data}><title>{} → {}: strength {} ({})</title></path>"#,
            escape(ga),
            escape(gb),
            crate::report::table::percent(w),
            escape(&channels)
        );
    }

    /// The actors, small ones on top so they stay visible.
    fn draw_actors(&self, s: &mut String, nodes: &[Node], id: &str) {
        let g = self.g;
        let graph = g.graph;
        let mut order: Vec<&Node> = nodes.iter().collect();
        order.sort_by(|a, b| b.r.total_cmp(&a.r));
        let _ = writeln!(
            s,
            r##"<g id="actors-{id}" stroke="#ffffff" stroke-width="1">"##
        );
        for nd in &order {
            let a = graph.actor(nd.n);
            let (role, colour) = g.style.role(graph, a);
            let ring = if Some(nd.n) == self.target {
                r##" stroke="#2c3e50" stroke-width="3""##.to_owned()
            } else if self.rank_of.contains_key(&nd.n) {
                format!(r#" stroke="{}" stroke-width="3""#, g.style.highlight)
            } else {
                String::new()
            };
            let v = self.size_of.get(&nd.n).copied().unwrap_or(0.0);
            let value = if self.size_name == "score" {
                if v > 0.0 {
                    format!("score {} (thousandths)", thousandths(v))
                } else {
                    "not ranked".to_owned()
                }
            } else {
                format!("{} {}", self.size_name, sig3(v))
            };
            let data = if self.interactive {
                format!(r#" class="actor" data-id="{}""#, escape(a.id.as_str()))
            } else {
                String::new()
            };
            let _ = writeln!(
                s,
                r#"  <circle cx="{:.1}" cy="{:.1}" r="{:.1}" fill="{colour}"{ring}{data}><title>{} ({}, {role}); {value}</title></circle>"#,
                nd.x,
                nd.y,
                nd.r,
                escape(&a.name),
                escape(a.id.as_str()),
            );
        }
        let _ = writeln!(s, "</g>");
    }

    /// The labels, in priority order, where they fit; returns how many did not.
    fn draw_labels(
        &self,
        s: &mut String,
        nodes: &[Node],
        area: &Rect,
        skip: &HashSet<NodeIndex>,
        reserved: &[Rect],
        id: &str,
    ) -> usize {
        let graph = self.g.graph;
        let mut prio: Vec<&Node> = nodes.iter().filter(|nd| !skip.contains(&nd.n)).collect();
        prio.sort_by(|a, b| {
            self.class(a.n)
                .cmp(&self.class(b.n))
                .then(b.r.total_cmp(&a.r))
                .then(a.n.cmp(&b.n))
        });
        let texts: Vec<(String, f64, bool)> = prio
            .iter()
            .map(|nd| {
                let a = graph.actor(nd.n);
                match self.class(nd.n) {
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
        let spots = place(&wanted, &obstacles, area);
        let mut dropped = 0usize;
        let _ = writeln!(
            s,
            r##"<g id="labels-{id}" fill="{INK}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">"##
        );
        for ((nd, (t, size, bold)), spot) in prio.iter().zip(&texts).zip(&spots) {
            let Some(r) = spot else {
                dropped += 1;
                continue;
            };
            let weight = if *bold { r#" font-weight="bold""# } else { "" };
            let data = if self.interactive {
                format!(
                    r#" class="label" data-id="{}""#,
                    escape(graph.actor(nd.n).id.as_str())
                )
            } else {
                String::new()
            };
            let _ = writeln!(
                s,
                r#"  <text x="{:.1}" y="{:.1}" font-size="{size}"{weight}{data}>{}</text>"#,
                r.x + 1.0,
                r.y + size * 0.88,
                escape(t)
            );
        }
        let _ = writeln!(s, "</g>");
        dropped
    }
}

/// How a tie is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Among the strongest ties.
    Grey,
    /// On a highlighted partner's path.
    Path,
    /// On the path of a partner beyond the highlighted ones (interactive maps).
    Latent,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_the_table_prints_them() {
        assert_eq!(sig3(0.012345), "0.0123");
        assert_eq!(sig3(1.5), "1.50");
        assert_eq!(sig3(123.4), "123");
        // 0.0631 is 63.1 thousandths, the table's unit.
        assert_eq!(thousandths(0.063_118), "63.1");
        assert_eq!(crate::report::table::thousands(2000), "2,000");
        assert_eq!(crate::report::table::thousands(999), "999");
        assert_eq!(crate::report::table::thousands(1_234_567), "1,234,567");
        assert_eq!(rank_span([1, 1]), "1");
        assert_eq!(rank_span([4, 7]), "4–7");
    }
}
