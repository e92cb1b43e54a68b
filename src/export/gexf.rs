//! GEXF 1.3 export with the viz module, for Gephi (and NetworkX `read_gexf`).
//!
//! Namespace `http://gexf.net/1.3` (no `www.`), viz `http://gexf.net/1.3/viz`, no
//! `xsi:schemaLocation` (the official RELAX NG schema rejects it). A graph with yearly series is
//! written `mode="dynamic"` (`timeformat="integer"`, years): the edge attributes of a channel
//! with a series carry one `attvalue` per figure with `start`/`end` (closed intervals of years,
//! each figure from its year to the year before the next; the first from the graph's first
//! year, the last to its last, as `--year` carries them), so that Gephi's timeline plays the
//! years. Every interval is bounded (NetworkX crashes on open-ended spells), and every edge
//! value of a dynamic graph has one (NetworkX needs it): a value that does not change holds from
//! the first year to the last. Each actor has `viz:color` as `r`/`g`/`b`/`a`
//! attributes (NetworkX crashes on `hex=`) from its colour role, `viz:size` from the size measure
//! ([`AnnotatedGraph::sizes`]) and `viz:position` from its capital (`x = lon * 10`,
//! `y = lat * 10`), so Gephi opens it laid out as a map. Edges carry the strength as `weight`, a
//! `viz:thickness`, and every attribute of [`super::flat`] as `attvalue`s (a tie's channels in
//! its own channel order).
//!
//! Reloads exactly (`leverage --graph out.gexf`): a processing instruction
//! `<?leverage_manifest {...}?>` after the XML declaration holds the graph's metadata and groups
//! (GEXF has no graph attributes) and maps each attribute id to its meaning
//! ([`crate::exchange::manifest`]), as the GraphML manifest does. Other readers (Gephi, NetworkX,
//! xmllint with the RELAX NG schema) skip processing instructions.

use std::io::Write;

use super::flat::{cell_text, columns_in_tie_order, flatten, FlatGraph};
use super::xml::escape;
use super::{AnnotatedGraph, Exporter};
use crate::exchange::columns::{Kind, Role};
use crate::exchange::manifest::{
    Manifest, EDGE_KEY_PREFIX, GEXF_FORMAT, GEXF_TARGET, JSON_KEY, NODE_KEY_PREFIX, VERSION,
};

/// Writes GEXF 1.3.
#[derive(Debug, Clone, Copy, Default)]
pub struct GexfExporter;

/// Units of `viz:position` per degree of longitude or latitude.
pub const UNITS_PER_DEGREE: f64 = 10.0;

/// The GEXF 1.3 namespace.
pub const NAMESPACE: &str = "http://gexf.net/1.3";
/// The GEXF 1.3 viz namespace.
pub const VIZ_NAMESPACE: &str = "http://gexf.net/1.3/viz";

fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::String | Kind::Json => "string",
        Kind::Double => "double",
        Kind::Int => "integer",
        Kind::Boolean => "boolean",
    }
}

/// `#rrggbb` as `(r, g, b)`; grey for anything else.
pub fn rgb(hex: &str) -> (u8, u8, u8) {
    let h = hex.trim_start_matches('#');
    let c = |i: usize| {
        h.get(i..i + 2)
            .and_then(|s| u8::from_str_radix(s, 16).ok())
            .unwrap_or(128)
    };
    if h.len() == 6 {
        (c(0), c(2), c(4))
    } else {
        (128, 128, 128)
    }
}

/// The manifest: the graph's metadata and groups, and the role of each attribute id (`n_node3`,
/// `e_edge5`), as JSON text that can stand in a processing instruction (no `?>`).
fn manifest(flat: &FlatGraph, edge_cols: &[usize]) -> String {
    let mut m: Manifest = Manifest {
        format: GEXF_FORMAT.into(),
        version: VERSION,
        graph: Some(flat.graph.clone()),
        ..Manifest::default()
    };
    let node_cols = flat.nodes.columns.iter().enumerate();
    let edge_cols = edge_cols.iter().map(|&j| (j, &flat.edges.columns[j]));
    for (key, c) in node_cols
        .map(|(i, c)| (format!("{NODE_KEY_PREFIX}node{i}"), c))
        .chain(edge_cols.map(|(j, c)| (format!("{EDGE_KEY_PREFIX}edge{j}"), c)))
    {
        if c.kind == Kind::Json {
            m.json_keys.insert(key.clone(), JSON_KEY.into());
        }
        m.keys.insert(key, c.role.encode());
    }
    let m = serde_json::to_value(&m).expect("manifests serialise");
    // `>` only stands inside JSON strings, where `\u003e` means the same; XML forbids U+FFFE and
    // U+FFFF, which JSON writes as they are.
    let mut out = String::new();
    for ch in crate::io::json_text::compact(&m).chars() {
        match ch {
            '>' => out.push_str("\\u003e"),
            '\u{FFFE}' => out.push_str("\\ufffe"),
            '\u{FFFF}' => out.push_str("\\uffff"),
            c => out.push(c),
        }
    }
    out
}

/// The first and last year of the graph's yearly series, if it has any.
fn series_span(graph: &crate::model::InfluenceGraph) -> Option<(i32, i32)> {
    let years = graph
        .ties()
        .flat_map(|(_, _, _, t)| t.series.iter().flat_map(|s| s.iter()))
        .flat_map(|(_, figures)| figures.iter().map(|f| f.year));
    years.fold(None, |acc, y| match acc {
        None => Some((y, y)),
        Some((lo, hi)) => Some((lo.min(y), hi.max(y))),
    })
}

/// The `attvalue`s of a channel part over time, oldest first, as `(text, start, end)`: one per
/// figure of the series, or `None` when a figure lacks the part (then the part stays static, so
/// that the value read last is the latest figure's, and the reload stays exact).
fn timed_values(
    series: &[crate::model::Figure],
    part: crate::exchange::columns::Part,
    kind: Kind,
    (first, last): (i32, i32),
) -> Option<Vec<(String, i32, i32)>> {
    let mut out = Vec::with_capacity(series.len());
    for (i, f) in series.iter().enumerate() {
        let v = part.of(f)?;
        let start = if i == 0 { first.min(f.year) } else { f.year };
        let end = series.get(i + 1).map_or(last.max(f.year), |n| n.year - 1);
        out.push((cell_text(kind, &v), start, end));
    }
    Some(out)
}

impl Exporter for GexfExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let graph = g.graph;
        let flat = flatten(g);
        let span = series_span(graph);
        let (_, sizes) = g.sizes();
        let max_size = sizes.iter().copied().fold(0.0, f64::max);

        // Edge `weight` is the XML attribute, not an attvalue.
        let edge_cols: Vec<usize> = (0..flat.edges.columns.len())
            .filter(|&i| flat.edges.columns[i].role != Role::Weight)
            .collect();

        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(out, "<?{GEXF_TARGET} {}?>", manifest(&flat, &edge_cols))?;
        writeln!(
            out,
            r#"<gexf xmlns="{NAMESPACE}" xmlns:viz="{VIZ_NAMESPACE}" version="1.3">"#
        )?;
        let date_ok = graph.meta.date.len() == 10;
        if date_ok {
            writeln!(
                out,
                r#"  <meta lastmodifieddate="{}">"#,
                escape(&graph.meta.date)
            )?;
        } else {
            writeln!(out, "  <meta>")?;
        }
        writeln!(
            out,
            "    <creator>leverage {}</creator>",
            env!("CARGO_PKG_VERSION")
        )?;
        let mut desc = graph.meta.title.clone();
        if let Some(d) = &graph.meta.description {
            desc.push_str(": ");
            desc.push_str(d);
        }
        writeln!(out, "    <description>{}</description>", escape(&desc))?;
        writeln!(out, "  </meta>")?;
        match span {
            Some((lo, hi)) => writeln!(
                out,
                r#"  <graph defaultedgetype="directed" idtype="string" mode="dynamic" timeformat="integer" start="{lo}" end="{hi}">"#
            )?,
            None => writeln!(
                out,
                r#"  <graph defaultedgetype="directed" idtype="string">"#
            )?,
        }
        for (class, cols) in [
            ("node", (0..flat.nodes.columns.len()).collect::<Vec<_>>()),
            ("edge", edge_cols.clone()),
        ] {
            let table = if class == "node" {
                &flat.nodes
            } else {
                &flat.edges
            };
            if class == "edge" && span.is_some() {
                writeln!(out, r#"    <attributes class="edge" mode="dynamic">"#)?;
            } else {
                writeln!(out, r#"    <attributes class="{class}">"#)?;
            }
            for &i in &cols {
                let c = &table.columns[i];
                writeln!(
                    out,
                    r#"      <attribute id="{class}{i}" title="{}" type="{}"/>"#,
                    escape(&c.name),
                    type_name(c.kind)
                )?;
            }
            writeln!(out, "    </attributes>")?;
        }
        writeln!(out, r#"    <nodes count="{}">"#, flat.node_ids.len())?;
        for (i, (_, a)) in graph.actors().enumerate() {
            writeln!(
                out,
                r#"      <node id="{}" label="{}">"#,
                escape(&flat.node_ids[i]),
                escape(&a.name)
            )?;
            writeln!(out, "        <attvalues>")?;
            for (j, (c, v)) in flat
                .nodes
                .columns
                .iter()
                .zip(&flat.nodes.rows[i])
                .enumerate()
            {
                if let Some(v) = v {
                    writeln!(
                        out,
                        r#"          <attvalue for="node{j}" value="{}"/>"#,
                        escape(&cell_text(c.kind, v))
                    )?;
                }
            }
            writeln!(out, "        </attvalues>")?;
            let (r, gr, b) = rgb(g.style.role(graph, a).1);
            writeln!(
                out,
                r#"        <viz:color r="{r}" g="{gr}" b="{b}" a="1.0"/>"#
            )?;
            let s = if max_size > 0.0 {
                4.0 + 36.0 * (sizes[i] / max_size).sqrt()
            } else {
                10.0
            };
            writeln!(out, r#"        <viz:size value="{s:.3}"/>"#)?;
            if let Some(c) = a.coordinates {
                writeln!(
                    out,
                    r#"        <viz:position x="{:.3}" y="{:.3}" z="0.0"/>"#,
                    c.lon * UNITS_PER_DEGREE,
                    c.lat * UNITS_PER_DEGREE
                )?;
            }
            writeln!(out, "      </node>")?;
        }
        writeln!(out, "    </nodes>")?;
        writeln!(out, r#"    <edges count="{}">"#, flat.edge_ends.len())?;
        let weight_col = flat
            .edges
            .columns
            .iter()
            .position(|c| c.role == Role::Weight);
        let tie_channels: Vec<Vec<String>> = graph
            .ties()
            .map(|(_, _, _, tie)| tie.channels.keys().map(ToString::to_string).collect())
            .collect();
        let tie_series: Vec<Option<&crate::model::Series>> = graph
            .ties()
            .map(|(_, _, _, tie)| tie.series.as_deref())
            .collect();
        let hl_col = flat
            .edges
            .columns
            .iter()
            .position(|c| c.role == Role::Highlighted);
        for (i, &(f, t)) in flat.edge_ends.iter().enumerate() {
            let row = &flat.edges.rows[i];
            let w = weight_col
                .and_then(|j| row[j].as_ref())
                .and_then(serde_json::Value::as_f64)
                .unwrap_or(0.0);
            let hl = hl_col
                .and_then(|j| row[j].as_ref())
                .and_then(serde_json::Value::as_bool)
                .unwrap_or(false);
            writeln!(
                out,
                r#"      <edge id="e{i}" source="{}" target="{}" weight="{w}">"#,
                escape(&flat.node_ids[f]),
                escape(&flat.node_ids[t])
            )?;
            writeln!(out, "        <attvalues>")?;
            // Channel attributes in the tie's own channel order, so that the reload keeps it.
            for j in columns_in_tie_order(&flat.edges.columns, &tie_channels[i]) {
                if flat.edges.columns[j].role == Role::Weight {
                    continue;
                }
                let col = &flat.edges.columns[j];
                let timed = match (&col.role, tie_series[i], span) {
                    (Role::Channel(c, part), Some(series), Some(span)) => series
                        .iter()
                        .find(|(ch, _)| ch.as_str() == c)
                        .and_then(|(_, figures)| timed_values(figures, *part, col.kind, span)),
                    _ => None,
                };
                if let Some(values) = timed {
                    for (v, start, end) in values {
                        writeln!(
                            out,
                            r#"          <attvalue for="edge{j}" value="{}" start="{start}" end="{end}"/>"#,
                            escape(&v)
                        )?;
                    }
                } else if let Some(v) = &row[j] {
                    // In a dynamic graph every edge value has its interval (NetworkX needs one):
                    // an unchanging value holds over the whole span.
                    let time = span.map_or(String::new(), |(lo, hi)| {
                        format!(r#" start="{lo}" end="{hi}""#)
                    });
                    writeln!(
                        out,
                        r#"          <attvalue for="edge{j}" value="{}"{time}/>"#,
                        escape(&cell_text(col.kind, v))
                    )?;
                }
            }
            writeln!(out, "        </attvalues>")?;
            if hl {
                writeln!(out, r#"        <viz:color r="211" g="84" b="0" a="1.0"/>"#)?;
            } else {
                writeln!(
                    out,
                    r#"        <viz:color r="127" g="140" b="141" a="0.5"/>"#
                )?;
            }
            writeln!(
                out,
                r#"        <viz:thickness value="{:.3}"/>"#,
                0.5 + 8.0 * w.sqrt()
            )?;
            writeln!(out, "      </edge>")?;
        }
        writeln!(out, "    </edges>")?;
        writeln!(out, "  </graph>")?;
        writeln!(out, "</gexf>")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // See: #13. Intervals by hand: figures of 2021, 2023 and 2024 in a graph spanning
    // 2020-2025 hold over 2020-2022, 2023-2023 and 2024-2025; a part one figure lacks stays
    // static.
    #[test]
    fn timed_values_by_hand() {
        use crate::exchange::columns::Part;
        use crate::model::Figure;
        let s = [
            Figure::new(0.1, "a", 2021),
            Figure::new(0.2, "b", 2023),
            Figure::new(0.3, "c", 2024).with_range(0.25, 0.35),
        ];
        let v = timed_values(&s, Part::Value, Kind::Double, (2020, 2025)).unwrap();
        assert_eq!(
            v,
            [
                ("0.1".to_owned(), 2020, 2022),
                ("0.2".to_owned(), 2023, 2023),
                ("0.3".to_owned(), 2024, 2025)
            ]
        );
        assert!(timed_values(&s, Part::Low, Kind::Double, (2020, 2025)).is_none());
    }

    #[test]
    fn hex_to_rgb() {
        assert_eq!(rgb("#1f4e9c"), (0x1f, 0x4e, 0x9c));
        assert_eq!(rgb("bad"), (128, 128, 128));
    }
}
