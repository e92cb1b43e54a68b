//! The page's table of partners and its card for each partner, as HTML from the briefing.
//! Every figure row carries `data-channel` and `data-basis`, which the filters read.

use std::fmt::Write as _;

use super::escape;
use crate::analysis::briefing::{Briefing, PartnerFacts, SourcedFigure};
use crate::analysis::paths::{ChannelFigure, ExplainedPath};
use crate::report::table::{percent, significant};

/// A score in thousandths, as the table prints it.
fn th(x: f64) -> String {
    significant(x * 1000.0, 3)
}

/// `1–3`, or `2` when both ends agree.
fn span(r: [usize; 2]) -> String {
    if r[0] == r[1] {
        r[0].to_string()
    } else {
        format!("{}–{}", r[0], r[1])
    }
}

/// The sortable table of the partners: each cell carries its value in `data-v` for sorting.
pub(super) fn ranking_table(s: &mut String, b: &Briefing) {
    let k = b.robustness.top_k;
    let _ = write!(
        s,
        "<section id=\"ranking\"><h2>The partners, ranked</h2>\n<p class=\"hint\">Click a column to sort, a row to open its card. score = reach × headroom × movability, in thousandths.</p>\n<table id=\"partners\" class=\"sortable\"><thead><tr>"
    );
    let cols = [
        ("#", "num"),
        ("partner", "text"),
        ("score", "num"),
        ("reach", "num"),
        ("headroom", "num"),
        ("pull", "num"),
        ("movability", "num"),
        ("judgement", "num"),
    ];
    for (c, kind) in cols {
        let _ = write!(s, "<th data-sort=\"{kind}\" tabindex=\"0\">{c}</th>");
    }
    let _ = writeln!(
        s,
        "<th data-sort=\"num\" tabindex=\"0\">P(top {k})</th><th data-sort=\"num\" tabindex=\"0\">rank {}–{}%</th><th data-sort=\"text\" tabindex=\"0\">messenger</th></tr></thead>\n<tbody>",
        b.rank_percentiles[0], b.rank_percentiles[1]
    );
    for p in &b.partners {
        let r = &p.partner;
        let num = |v: f64, text: String| format!("<td data-v=\"{v}\">{text}</td>");
        let opt = |v: Option<f64>, text: fn(f64) -> String| match v {
            Some(x) => num(x, text(x)),
            None => "<td data-v=\"-1\">–</td>".to_owned(),
        };
        let _ = writeln!(
            s,
            "<tr data-id=\"{id}\" tabindex=\"0\">{}<td data-v=\"{name}\">{name} <span class=\"id\">{id}</span></td>{}{}{}{}{}{}{}{}<td>{}</td></tr>",
            num(r.rank as f64, r.rank.to_string()),
            num(r.score, th(r.score)),
            num(r.reach, percent(r.reach)),
            num(r.headroom, percent(r.headroom)),
            num(r.pull, percent(r.pull)),
            opt(r.movability, percent),
            opt(r.judgement_share, percent),
            opt(p.spread.as_ref().map(|x| x.p_top_k), percent),
            p.spread.as_ref().map_or("<td data-v=\"-1\">–</td>".to_owned(), |x| {
                num(x.median_rank, span(x.rank_range))
            }),
            p.messenger
                .as_ref()
                .map_or("–".to_owned(), |m| escape(&m.name)),
            id = escape(r.id.as_str()),
            name = escape(&r.name),
        );
    }
    let _ = writeln!(s, "</tbody></table>\n</section>");
}

/// Citations of a figure, as a list; past two, folded under their count.
fn cite_list(cite: &[String]) -> String {
    if cite.is_empty() {
        return String::new();
    }
    let items: Vec<String> = cite
        .iter()
        .map(|c| format!("<li>{}</li>", escape(c)))
        .collect();
    if items.len() > 2 {
        format!(
            "<details class=\"cites\"><summary>{} citations</summary><ul class=\"cites\">{}</ul></details>",
            items.len(),
            items.concat()
        )
    } else {
        format!("<ul class=\"cites\">{}</ul>", items.concat())
    }
}

/// One channel of a tie, as a table row.
fn channel_row(c: &ChannelFigure) -> String {
    let un = c.unapplied.map_or(String::new(), |u| {
        format!(" <span class=\"un\">unapplied {}</span>", percent(u))
    });
    let range = c.range.map_or(String::new(), |r| {
        format!(
            " <span class=\"range\">[{}, {}]</span>",
            percent(r[0]),
            percent(r[1])
        )
    });
    format!(
        "<tr class=\"fig\" data-channel=\"{ch}\" data-basis=\"{basis}\"><td>{ch}</td><td class=\"n\">{}{range}{un}</td><td>{}</td><td><span class=\"basis {basis}\">{basis}</span></td><td class=\"src\">{}{}</td></tr>",
        percent(c.value),
        c.year,
        escape(&c.source),
        cite_list(&c.cite),
        ch = escape(&c.channel),
        basis = c.basis.name(),
    )
}

/// A path with each tie's channels; a tie into `target` is shown in one line, since the card's
/// table of the target's dependence holds its figures.
fn path_block(s: &mut String, path: &ExplainedPath, target: &str) {
    for t in &path.ties {
        let head = t
            .headroom
            .map_or(String::new(), |h| format!(", headroom {}", percent(h)));
        if t.to == target {
            let _ = writeln!(
                s,
                "<h5 class=\"tie-head\" data-from=\"{}\" data-to=\"{}\">{} → {} <span class=\"n\">strength {}{head}</span>: its figures are under &ldquo;depends on it&rdquo; below</h5>",
                escape(&t.from),
                escape(&t.to),
                escape(&t.from),
                escape(&t.to),
                percent(t.strength)
            );
            continue;
        }
        let _ = write!(
            s,
            "<h5 class=\"tie-head\" data-from=\"{}\" data-to=\"{}\">{} → {} <span class=\"n\">strength {}{head}</span></h5>\n<table class=\"figs\"><thead><tr><th>channel</th><th>value</th><th>year</th><th>basis</th><th>source</th></tr></thead><tbody>",
            escape(&t.from),
            escape(&t.to),
            escape(&t.from),
            escape(&t.to),
            percent(t.strength)
        );
        for c in &t.channels {
            s.push_str(&channel_row(c));
        }
        s.push_str("</tbody></table>\n");
    }
}

/// A sourced figure as a table row, under `name`.
fn sourced_row(name: &str, channel: Option<&str>, f: &SourcedFigure, extra: &str) -> String {
    let ch = channel.map_or(String::new(), |c| {
        format!(" data-channel=\"{}\"", escape(c))
    });
    format!(
        "<tr class=\"fig\"{ch} data-basis=\"{basis}\"><td>{}</td><td class=\"n\">{}{extra}</td><td>{}</td><td><span class=\"basis {basis}\">{basis}</span></td><td class=\"src\">{}{}</td></tr>",
        escape(name),
        percent(f.value),
        f.year,
        escape(&f.source),
        cite_list(&f.cite),
        basis = f.basis.name(),
    )
}

/// One partner's card.
fn card(s: &mut String, b: &Briefing, p: &PartnerFacts) {
    let r = &p.partner;
    let target = &b.question.target_name;
    let _ = writeln!(
        s,
        "<article class=\"card\" id=\"card-{id}\" data-id=\"{id}\">\n<h3><span class=\"rank\">{}</span> {} <span class=\"id\">{id}</span> <span class=\"score\">score {}</span> <span class=\"stance\">{}</span></h3>",
        r.rank,
        escape(&r.name),
        th(r.score),
        r.stance,
        id = escape(r.id.as_str())
    );
    let _ = writeln!(
        s,
        "<dl class=\"terms\"><div><dt>reach</dt><dd>{}</dd></div><div><dt>headroom</dt><dd>{}</dd></div><div><dt>pull</dt><dd>{}</dd></div><div><dt>movability</dt><dd>{}</dd></div><div><dt>rests on judgement</dt><dd>{}</dd></div></dl>",
        percent(r.reach),
        percent(r.headroom),
        percent(r.pull),
        r.movability.map_or("unknown (counted as 100.0%)".to_owned(), percent),
        r.judgement_share.map_or("–".to_owned(), percent)
    );
    let mut facts = Vec::new();
    if let Some(m) = &p.messenger {
        facts.push(format!(
            "<b>Messenger:</b> {} ({}), leverage {}{}",
            escape(&m.name),
            escape(m.id.as_str()),
            percent(m.leverage),
            if m.capped { " (capped)" } else { "" }
        ));
    }
    if let Some(sp) = &p.spread {
        facts.push(format!(
            "<b>How sure:</b> rank {} ({}–{}% of {} samples, seed {}), median {}, in the top {} in {}",
            span(sp.rank_range),
            b.rank_percentiles[0],
            b.rank_percentiles[1],
            b.robustness.samples,
            b.robustness.seed,
            significant(sp.median_rank, 3),
            b.robustness.top_k,
            percent(sp.p_top_k)
        ));
    }
    if p.scenarios.is_empty() {
        facts.push("<b>What-if:</b> no scenario moves it".to_owned());
    } else {
        let moves: Vec<String> = p
            .scenarios
            .iter()
            .map(|m| {
                let c = &m.change;
                let rank = |x: Option<usize>| x.map_or("unranked".to_owned(), |r| format!("#{r}"));
                format!(
                    "{}: {} → {}, score {} → {}",
                    escape(&m.title),
                    rank(c.rank_before),
                    rank(c.rank_after),
                    th(c.score_before),
                    th(c.score_after)
                )
            })
            .collect();
        facts.push(format!("<b>What-if:</b> {}", moves.join("; ")));
    }
    let _ = writeln!(s, "<p class=\"facts\">{}</p>", facts.join("<br>"));
    let _ = writeln!(
        s,
        "<h4>Best path {}</h4>",
        escape(&crate::report::arrow_ids(&r.path))
    );
    for leg in &r.legs {
        path_block(s, leg, b.question.target.as_str());
    }
    if p.routes.len() > 1 {
        let items: Vec<String> = p
            .routes
            .iter()
            .map(|x| {
                format!(
                    "{} {}",
                    escape(&crate::report::arrow_ids(&x.nodes)),
                    percent(x.leverage)
                )
            })
            .collect();
        let _ = writeln!(
            s,
            "<p><b>Routes from the sources:</b> {}</p>",
            items.join("; ")
        );
    }
    let _ = write!(
        s,
        "<h4>{} depends on it <span class=\"hint\">(value; unapplied: the part it does not apply yet; its rank among the target's partners)</span></h4>\n<table class=\"figs\"><thead><tr><th>channel</th><th>value</th><th>year</th><th>basis</th><th>source</th></tr></thead><tbody>",
        escape(target)
    );
    for d in &p.dependence {
        let extra = format!(
            " <span class=\"un\">unapplied {}</span> <span class=\"rk\">#{} of {}</span>",
            percent(d.unapplied),
            d.rank,
            d.of
        );
        s.push_str(&sourced_row(
            &d.channel,
            Some(&d.channel),
            &d.figure,
            &extra,
        ));
    }
    let _ = write!(
        s,
        "</tbody></table>\n<h4>Stance towards {}</h4>\n<table class=\"figs\"><thead><tr><th>signal</th><th>value</th><th>year</th><th>basis</th><th>source</th></tr></thead><tbody>",
        escape(target)
    );
    for sig in &p.signals {
        s.push_str(&sourced_row(sig.signal.name(), None, &sig.figure, ""));
    }
    s.push_str("</tbody></table>\n");
    let _ = write!(
        s,
        "<h4>Levers of the {}</h4><ul>",
        escape(&b.question.sources_name)
    );
    for l in &r.levers {
        let _ = write!(
            s,
            "<li class=\"fig\" data-channel=\"{}\" data-basis=\"{}\">{} {} {} <span class=\"basis {}\">{}</span> <span class=\"src\">{}</span></li>",
            escape(l.channel.as_str()),
            l.basis.name(),
            escape(l.source.as_str()),
            escape(l.channel.as_str()),
            percent(l.value),
            l.basis.name(),
            l.basis.name(),
            escape(&l.about)
        );
    }
    s.push_str("</ul>\n");
    for (title, facts, empty) in [
        ("On the table", &r.agreements, "No agreement in the data."),
        ("What it wants", &r.concerns, "Not recorded in the data."),
    ] {
        let _ = write!(s, "<h4>{title}</h4>");
        if facts.is_empty() {
            let _ = writeln!(s, "<p>{empty}</p>");
            continue;
        }
        s.push_str("<ul>");
        for f in facts {
            let status = f.status.map_or(String::new(), |x| {
                format!(" ({})", x.name().replace('_', " "))
            });
            let _ = write!(
                s,
                "<li class=\"fig\" data-basis=\"{}\">{}{status} <span class=\"basis {}\">{}</span> <span class=\"src\">{} ({})</span></li>",
                f.basis.name(),
                escape(&f.text),
                f.basis.name(),
                f.basis.name(),
                escape(&f.source),
                f.year
            );
        }
        s.push_str("</ul>\n");
    }
    s.push_str("</article>\n");
}

/// A card for every partner of the briefing.
pub(super) fn cards(s: &mut String, b: &Briefing) {
    let _ = writeln!(s, "<section id=\"cards\"><h2>The partners, one by one</h2>");
    for p in &b.partners {
        card(s, b, p);
    }
    s.push_str("</section>\n");
}
