//! The briefing page: one self-contained HTML file (`leverage export --format html`).
//!
//! The page holds the briefing's answer, a sortable table of the partners, the SVG map drawn by
//! [`super::svg::SvgExporter`] (interactive), a card for each partner, how sure the answer is
//! and the data's caveats. Everything is inline: the styles ([`CSS`]), the project's own script
//! ([`SCRIPT`], plain JavaScript, no library) and the data the script reads (the figures and
//! sources of every tie and actor on the map, as JSON in a `<script type="application/json">`).
//! The page fetches nothing: it works opened from disk, offline.
//!
//! The briefing is computed by the caller ([`crate::analysis::briefing::briefing`]) and handed
//! to [`HtmlExporter`]; the graph it draws comes with the [`AnnotatedGraph`], annotated by
//! [`super::annotate::attach_briefing`]. Nothing here runs an analysis.

mod cards;
mod data;
mod markdown;

use std::fmt::Write as _;
use std::io::Write;

use super::svg::SvgExporter;
use super::xml::escape;
use super::{AnnotatedGraph, Exporter};
use crate::analysis::briefing::Briefing;

/// The page's styles, screen and print.
pub const CSS: &str = include_str!("brief.css");

/// The page's script: sorting, filters, hover cards, selection. The project's own code.
pub const SCRIPT: &str = include_str!("brief.js");

/// Writes the briefing page.
#[derive(Debug, Clone)]
pub struct HtmlExporter<'b> {
    /// The briefing to show.
    pub briefing: &'b Briefing,
    /// The map (drawn interactive whatever this says).
    pub map: SvgExporter,
}

impl<'b> HtmlExporter<'b> {
    /// The page of `briefing` with the default map.
    pub fn new(briefing: &'b Briefing) -> Self {
        HtmlExporter {
            briefing,
            map: SvgExporter::default(),
        }
    }
}

impl Exporter for HtmlExporter<'_> {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let b = self.briefing;
        let map = SvgExporter {
            interactive: true,
            ..self.map.clone()
        };
        let mut svg = Vec::new();
        map.write(g, &mut svg)?;
        let svg = String::from_utf8_lossy(&svg);
        // Inline SVG takes no XML declaration.
        let svg = svg
            .strip_prefix(r#"<?xml version="1.0" encoding="UTF-8"?>"#)
            .unwrap_or(&svg)
            .trim_start();
        let page_data = data::page_data(g, b, svg);
        let mut s = String::with_capacity(600_000);
        let title = format!(
            "Whom to approach to press {}: {}",
            b.question.target_name, b.title
        );
        let _ = write!(
            s,
            r#"<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>{}</title>
<style>
{CSS}</style>
</head>
<body>
"#,
            escape(&title)
        );
        header(&mut s, b);
        let [question, answer, how_sure, caveats] = crate::report::brief::sections(b);
        let _ = writeln!(
            s,
            "<section id=\"answer\" class=\"prose\">\n{}{}</section>",
            markdown::to_html(&question),
            markdown::to_html(&answer)
        );
        controls(&mut s, b);
        cards::ranking_table(&mut s, b);
        let _ = writeln!(
            s,
            "<section id=\"map\" aria-label=\"Map\"><h2>The map</h2>\n<p class=\"hint\">Hover over a tie or a country for its figures and sources; click a partner to highlight its path and open its card.</p>\n<div class=\"map-wrap\">\n{svg}</div>\n</section>"
        );
        cards::cards(&mut s, b);
        let _ = writeln!(
            s,
            "<section id=\"sure\" class=\"prose\">\n{}{}</section>",
            markdown::to_html(&how_sure),
            markdown::to_html(&caveats)
        );
        let _ = writeln!(
            s,
            "<footer><p>Drawn by leverage {} from &ldquo;{}&rdquo; (data as of {}). The same answer as a note: <code>leverage brief</code>; as data: <code>leverage --format json brief</code>. This page is self-contained: it loads nothing from the network.</p></footer>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n<script type=\"application/json\" id=\"data\">{}</script>\n<script>\n{SCRIPT}</script>\n</body>\n</html>",
            env!("CARGO_PKG_VERSION"),
            escape(&b.title),
            escape(&b.date),
            script_safe(&page_data)
        );
        out.write_all(s.as_bytes())
    }
}

/// The map alone in an HTML page, for [`super::ExportFormat::exporter`], which has no briefing
/// to show: `leverage export --format html` computes one and writes [`HtmlExporter`]'s page.
#[derive(Debug, Clone, Copy, Default)]
pub struct MapPage;

impl Exporter for MapPage {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let mut svg = Vec::new();
        SvgExporter::default().write(g, &mut svg)?;
        let svg = String::from_utf8_lossy(&svg);
        let svg = svg
            .strip_prefix(r#"<?xml version="1.0" encoding="UTF-8"?>"#)
            .unwrap_or(&svg)
            .trim_start();
        writeln!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n<section id=\"map\"><div class=\"map-wrap\">\n{svg}</div></section>\n<footer><p>The map alone: <code>leverage export --format html</code> writes the briefing page.</p></footer>\n</body>\n</html>",
            escape(&g.graph.meta.title)
        )
    }
}

/// JSON made safe inside a `<script>` element: `</` and `<!--` cannot close or open anything.
fn script_safe(json: &str) -> String {
    json.replace("</", "<\\/").replace("<!--", "\\u003c!--")
}

/// The page's title block.
fn header(s: &mut String, b: &Briefing) {
    let _ = writeln!(
        s,
        "<header>\n<h1>Whom to approach to press {}</h1>\n<p class=\"sub\">A briefing for the {} &middot; {} &middot; data as of {} &middot; scores in thousandths, shares in percent</p>\n<button type=\"button\" id=\"print\" class=\"noprint\">Print</button>\n</header>",
        escape(&b.question.target_name),
        escape(&b.question.sources_name),
        escape(&b.title),
        escape(&b.date)
    );
}

/// The filters: by channel and by basis, over every figure the page shows.
fn controls(s: &mut String, b: &Briefing) {
    let mut channels: Vec<&str> = Vec::new();
    for p in &b.partners {
        for leg in &p.partner.legs {
            for t in &leg.ties {
                for c in &t.channels {
                    if !channels.contains(&c.channel.as_str()) {
                        channels.push(&c.channel);
                    }
                }
            }
        }
    }
    channels.sort_unstable();
    let _ = write!(
        s,
        "<section id=\"filters\" class=\"noprint\" aria-label=\"Filters\"><h2>Filters</h2>\n<p class=\"hint\">The filters hide figures on the map and in the cards; they do not recompute the scores (the structural check below does: without judgement, without each channel).</p>\n<fieldset><legend>Channel</legend>"
    );
    for c in &channels {
        let _ = write!(
            s,
            "<label><input type=\"checkbox\" name=\"channel\" value=\"{0}\" checked> {0}</label>",
            escape(c)
        );
    }
    let _ = write!(s, "</fieldset>\n<fieldset><legend>Basis</legend>");
    for basis in ["official", "published", "derived", "judgement"] {
        let _ = write!(
            s,
            "<label><input type=\"checkbox\" name=\"basis\" value=\"{basis}\" checked> {basis}</label>"
        );
    }
    let _ = writeln!(s, "</fieldset>\n</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_cannot_close_the_script() {
        assert_eq!(
            script_safe(r#"{"a":"</script><!--"}"#),
            r#"{"a":"<\/script>\u003c!--"}"#
        );
        // Still JSON, with the same string.
        let v: serde_json::Value =
            serde_json::from_str(&script_safe(r#"{"a":"</b><!--"}"#)).unwrap();
        assert_eq!(v["a"], "</b><!--");
    }

    #[test]
    fn the_script_is_plain_and_fetches_nothing() {
        for banned in [
            "fetch(",
            "XMLHttpRequest",
            "import ",
            "http://",
            "https://",
            "require(",
        ] {
            assert!(!SCRIPT.contains(banned), "{banned}");
        }
    }
}
