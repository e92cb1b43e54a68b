//! The Markdown that `report::brief` writes, as HTML: headings, paragraphs, bullet lists (two
//! levels), tables, `**bold**`, `*italic*` lines and `` `code` ``. Only this subset, which is all
//! the note uses; text is escaped.

use super::escape;

/// `md` as HTML.
pub(super) fn to_html(md: &str) -> String {
    let mut out = String::new();
    let mut list = 0usize;
    let mut table = false;
    let close_list = |out: &mut String, list: &mut usize, to: usize| {
        while *list > to {
            out.push_str("</ul>\n");
            *list -= 1;
        }
    };
    for line in md.lines() {
        let depth = if line.starts_with("  - ") {
            2
        } else {
            usize::from(line.starts_with("- "))
        };
        if depth == 0 {
            close_list(&mut out, &mut list, 0);
        }
        if !line.starts_with('|') && table {
            out.push_str("</tbody></table>\n");
            table = false;
        }
        if depth > 0 {
            if list < depth {
                out.push_str("<ul>\n");
                list += 1;
            }
            close_list(&mut out, &mut list, depth);
            let _ = std::fmt::Write::write_fmt(
                &mut out,
                format_args!("<li>{}</li>\n", inline(line.trim_start()[2..].trim())),
            );
        } else if let Some(h) = line.strip_prefix("### ") {
            out.push_str(&format!("<h3>{}</h3>\n", inline(h)));
        } else if let Some(h) = line.strip_prefix("## ") {
            out.push_str(&format!("<h2>{}</h2>\n", inline(h)));
        } else if let Some(h) = line.strip_prefix("# ") {
            out.push_str(&format!("<h1>{}</h1>\n", inline(h)));
        } else if line.starts_with('|') {
            let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
            if cells.iter().all(|c| c.chars().all(|x| x == '-')) {
                continue;
            }
            if !table {
                out.push_str("<table><thead><tr>");
                for c in &cells {
                    out.push_str(&format!("<th>{}</th>", inline(c)));
                }
                out.push_str("</tr></thead><tbody>\n");
                table = true;
            } else {
                out.push_str("<tr>");
                for c in &cells {
                    out.push_str(&format!("<td>{}</td>", inline(c)));
                }
                out.push_str("</tr>\n");
            }
        } else if !line.trim().is_empty() {
            out.push_str(&format!("<p>{}</p>\n", inline(line)));
        }
    }
    close_list(&mut out, &mut list, 0);
    if table {
        out.push_str("</tbody></table>\n");
    }
    out
}

/// Inline markup of one line: `**bold**`, `` `code` `` and a line in `*italics*`.
fn inline(text: &str) -> String {
    let t = text.trim();
    if t.len() > 2 && t.starts_with('*') && t.ends_with('*') && !t.starts_with("**") {
        return format!("<em>{}</em>", inline(&t[1..t.len() - 1]));
    }
    let mut out = String::new();
    let (mut bold, mut code) = (false, false);
    let mut rest = text;
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("**").filter(|_| !code) {
            out.push_str(if bold { "</strong>" } else { "<strong>" });
            bold = !bold;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('`') {
            out.push_str(if code { "</code>" } else { "<code>" });
            code = !code;
            rest = r;
        } else {
            let n = rest
                .char_indices()
                .skip(1)
                .find(|(_, c)| *c == '*' || *c == '`')
                .map_or(rest.len(), |(i, _)| i);
            out.push_str(&escape(&rest[..n]));
            rest = &rest[n..];
        }
    }
    if code {
        out.push_str("</code>");
    }
    if bold {
        out.push_str("</strong>");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_subset() {
        let md = "## A & B\n\nSome **bold** and `code`.\n\n- one\n  - two\n- three\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n*note*\n";
        assert_eq!(
            to_html(md),
            "<h2>A &amp; B</h2>\n<p>Some <strong>bold</strong> and <code>code</code>.</p>\n<ul>\n<li>one</li>\n<ul>\n<li>two</li>\n</ul>\n<li>three</li>\n</ul>\n<table><thead><tr><th>a</th><th>b</th></tr></thead><tbody>\n<tr><td>1</td><td>2</td></tr>\n</tbody></table>\n<p><em>note</em></p>\n"
        );
    }

    #[test]
    fn a_lone_star_is_text() {
        assert_eq!(inline("reach × 2 * 3"), "reach × 2 * 3");
    }
}
