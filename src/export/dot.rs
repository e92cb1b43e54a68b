//! Graphviz DOT export: every id quoted, colours by role ([`super::style::Style`]), pen width by strength, `pos` from the
//! capitals' longitude/latitude (so `neato -n` draws a map; actors without coordinates in a row
//! below it), highlighted leverage paths. Straight edges (`splines="false"`): Graphviz 2.42 crashes
//! routing splines around overlapping nodes, and a map has overlapping capitals. Never `strict` (it would merge the two directions of a
//! pair); every tie of positive strength is an edge.

use std::io::Write;

use super::{tie_weight, AnnotatedGraph, Exporter};

/// Points per degree of longitude/latitude in `pos`.
pub const POINTS_PER_DEGREE: f64 = 12.0;

/// Writes Graphviz DOT.
#[derive(Debug, Clone, Copy, Default)]
pub struct DotExporter;

/// Quotes a DOT id: wraps it in double quotes, escaping `"` and `\` and dropping control
/// characters other than newline (written as `\n`).
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Exporter for DotExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let graph = g.graph;
        writeln!(out, "digraph {} {{", quote(&graph.meta.title))?;
        writeln!(
            out,
            "  graph [label={}, labelloc=\"t\", fontname=\"Helvetica\", outputorder=\"edgesfirst\", overlap=\"true\", splines=\"false\"];",
            quote(&format!("{} ({})", graph.meta.title, graph.meta.date))
        )?;
        writeln!(
            out,
            "  node [shape=\"circle\", style=\"filled\", fontname=\"Helvetica\", fontsize=\"9\", fontcolor=\"white\", width=\"0.45\", fixedsize=\"true\"];"
        )?;
        writeln!(out, "  edge [arrowsize=\"0.5\", color=\"#7f8c8d80\"];")?;
        // Actors without coordinates sit in a row below the map, so `neato -n` can draw them.
        let (lon_min, lat_min) = graph
            .actors()
            .filter_map(|(_, a)| a.coordinates)
            .fold((f64::MAX, f64::MAX), |(x, y), c| {
                (x.min(c.lon), y.min(c.lat))
            });
        let (lon_min, lat_min) = if lon_min == f64::MAX {
            (0.0, 0.0)
        } else {
            (lon_min, lat_min)
        };
        let mut unplaced = 0.0;
        for (_, a) in graph.actors() {
            let (role, colour) = g.style.role(graph, a);
            let mut attrs = vec![
                format!("label={}", quote(a.id.as_str())),
                format!("tooltip={}", quote(&format!("{} ({role})", a.name))),
                format!("fillcolor={}", quote(colour)),
                format!("color={}", quote(colour)),
            ];
            let (lon, lat) = match a.coordinates {
                Some(c) => (c.lon, c.lat),
                None => {
                    unplaced += 1.0;
                    (lon_min + 8.0 * (unplaced - 1.0), lat_min - 10.0)
                }
            };
            attrs.push(format!(
                "pos={}",
                quote(&format!(
                    "{:.1},{:.1}!",
                    lon * POINTS_PER_DEGREE,
                    lat * POINTS_PER_DEGREE
                ))
            ));
            let chars = a.id.as_str().chars().count() as f64;
            if chars > 4.0 {
                attrs.push(format!("width={}", quote(&format!("{:.2}", 0.1 * chars))));
            }
            writeln!(out, "  {} [{}];", quote(a.id.as_str()), attrs.join(", "))?;
        }
        for (_, f, t, tie) in graph.ties() {
            let (w, _) = tie_weight(g, tie);
            if w <= 0.0 {
                continue;
            }
            let hl = g.highlighted.contains(&(f, t));
            let pen = 0.3 + 6.0 * w.sqrt();
            let channels: Vec<String> = tie
                .channels
                .iter()
                .map(|(c, fig)| format!("{c} {:.3}", fig.value))
                .collect();
            let pen = if hl { pen.max(3.0) } else { pen };
            let mut attrs = vec![
                format!("penwidth={}", quote(&format!("{pen:.2}"))),
                format!("weight={}", quote(&format!("{w}"))),
                format!(
                    "tooltip={}",
                    quote(&format!(
                        "{} -> {}: strength {:.3} ({})",
                        graph.actor(f).id,
                        graph.actor(t).id,
                        w,
                        channels.join(", ")
                    ))
                ),
            ];
            if hl {
                attrs.push("color=\"#d35400\"".into());
                attrs.push("style=\"bold\"".into());
            }
            writeln!(
                out,
                "  {} -> {} [{}];",
                quote(graph.actor(f).id.as_str()),
                quote(graph.actor(t).id.as_str()),
                attrs.join(", ")
            )?;
        }
        writeln!(out, "}}")?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_ids() {
        assert_eq!(quote("a\"b\\c\n"), "\"a\\\"b\\\\c\\n\"");
        assert_eq!(quote("node"), "\"node\"");
    }
}
