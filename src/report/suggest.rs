//! `leverage suggest`: the partners ranked, with who was left out and why.

use super::table::{percent, significant, Align, Table};
use super::{abbreviate, arrow_ids, csv_path, csv_string, json, OutputFormat};
use crate::analysis::suggest::{Coordination, LeftOut, PartnerRanking, Pool, ScoreRule};
use crate::model::ActorId;

/// Renders a partner ranking.
pub fn render(r: &PartnerRanking, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(&super::wire::RankingJson::top(r)),
        OutputFormat::Csv => csv(r),
        OutputFormat::Table => table(r),
    }
}

fn opt(x: Option<f64>) -> String {
    x.map_or(String::new(), |v| v.to_string())
}

fn csv(r: &PartnerRanking) -> String {
    csv_string(
        &[
            "rank",
            "id",
            "name",
            "score",
            "reach",
            "reach_unison",
            "reach_alone",
            "headroom",
            "pull",
            "movability",
            "stance",
            "judgement_share",
            "receptiveness",
            "brokerage",
            "messenger",
            "via",
            "path",
        ],
        r.partners.iter().map(|p| {
            vec![
                p.rank.to_string(),
                p.id.to_string(),
                p.name.clone(),
                p.score.to_string(),
                p.reach.to_string(),
                p.reach_unison.to_string(),
                p.reach_alone.to_string(),
                p.headroom.to_string(),
                p.pull.to_string(),
                opt(p.movability),
                p.stance.to_string(),
                opt(p.judgement_share),
                p.receptiveness.to_string(),
                p.brokerage.to_string(),
                p.messenger.to_string(),
                csv_path(&p.via),
                csv_path(&p.path),
            ]
        }),
    )
}

/// The pool in one line: who was left out, and why.
pub fn left_out_line(pool: &Pool, target: &ActorId) -> String {
    let of = |why: LeftOut| -> Vec<&ActorId> {
        pool.left_out
            .iter()
            .filter(|x| x.reason == why)
            .map(|x| &x.id)
            .collect()
    };
    let mut parts = Vec::new();
    let sources = of(LeftOut::Source);
    match sources.len() {
        0 => {}
        1 => parts.push(format!("the source, {}", sources[0])),
        n => parts.push(format!("the {n} sources")),
    }
    parts.push(format!("{target} (the target)"));
    let pressing = of(LeftOut::Pressing);
    if !pressing.is_empty() {
        parts.push(format!(
            "{} that already press {target} (sanctions; on its 'unfriendly' list where the data say so): {}",
            count(pressing.len(), "state"),
            abbreviate(&pressing, 30)
        ));
    }
    let excluded = of(LeftOut::Excluded);
    if !excluded.is_empty() {
        parts.push(format!(
            "{} excluded by the question: {}",
            excluded.len(),
            abbreviate(&excluded, 30)
        ));
    }
    let not = of(LeftOut::NotCandidate);
    if !not.is_empty() {
        parts.push(format!("{} not among the candidates", not.len()));
    }
    format!("Left out: {}.", parts.join("; "))
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn table(r: &PartnerRanking) -> String {
    let mut out = String::new();
    let how = match r.coordination {
        Coordination::Unison => "acting in unison",
        Coordination::Alone => "each acting alone",
    };
    out.push_str(&wrap(
        &format!(
            "Partners to approach: {} ({}) pressing {}, {how}",
            count(r.sources.len(), "source"),
            abbreviate(&r.sources, 8),
            r.target
        ),
        super::table::prose_width(),
    ));
    out.push('\n');
    out.push_str(&wrap(
        &left_out_line(&r.pool, &r.target),
        super::table::prose_width(),
    ));
    out.push_str("\n\n");
    if r.partners.is_empty() {
        out.push_str("(no partner)\n");
        return out;
    }
    let classic = r.score == ScoreRule::Classic;
    let cols: Vec<(&str, Align)> = if classic {
        vec![
            ("#", Align::Right),
            ("partner", Align::Left),
            ("score", Align::Right),
            ("reach", Align::Right),
            ("pull", Align::Right),
            ("recept.", Align::Right),
            ("path", Align::Left),
        ]
    } else {
        vec![
            ("#", Align::Right),
            ("partner", Align::Left),
            ("score", Align::Right),
            ("reach", Align::Right),
            ("headroom", Align::Right),
            ("pull", Align::Right),
            ("movable", Align::Right),
            ("judged", Align::Right),
            ("path", Align::Left),
        ]
    };
    let mut t = Table::new(&cols);
    let mut unknown = false;
    for p in &r.partners {
        let name = truncate(&p.name, 20);
        let path = arrow_ids(&p.path);
        let row = if classic {
            vec![
                p.rank.to_string(),
                format!("{} {name}", p.id),
                significant(p.score * 1000.0, 3),
                percent(p.reach),
                percent(p.pull),
                percent(p.receptiveness),
                path,
            ]
        } else {
            unknown |= p.movability.is_none();
            vec![
                p.rank.to_string(),
                format!("{} {name}", p.id),
                significant(p.score * 1000.0, 3),
                percent(p.reach),
                percent(p.headroom),
                percent(p.pull),
                p.movability.map_or("?".to_owned(), percent),
                p.judgement_share.map_or("-".to_owned(), percent),
                path,
            ]
        };
        t.row(row);
    }
    out.push_str(&t.render());
    let target = &r.target;
    let mut notes = if classic {
        format!(
            "score = reach × pull × receptiveness, in thousandths (the `classic` score of version 1, \
             kept for comparison). reach: the sources' leverage over the partner ({how}); pull: the \
             partner's leverage over {target}; recept.: its receptiveness."
        )
    } else {
        format!(
            "score = reach × headroom × movability, in thousandths. reach: the sources' levers over \
             the partner ({how}); headroom: the pressure on {target} the partner could add and does \
             not apply yet; pull: all of its leverage over {target}; movable: how far its stance \
             lets the sources move it; judged: the share of the score that rests on judgement \
             figures."
        )
    };
    notes.push_str(&format!(
        " Paths of at most {} ties; channels combined `{}`.",
        r.max_hops, r.combine
    ));
    let via: Vec<String> = r
        .partners
        .iter()
        .filter(|p| !p.via.is_empty())
        .map(|p| {
            format!(
                "{} through {}",
                p.id,
                p.via
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    if !via.is_empty() {
        notes.push_str(&format!(
            " Through third states (the path asks them to press the next actor): {}.",
            via.join("; ")
        ));
    }
    if unknown || !r.pool.stance_unknown.is_empty() {
        notes.push_str(&format!(
            " Stance unknown (`?`) for {}: the graph gives no stance towards {target}, so its \
             movability counts as 1 and none of its pressure as applied; add `stance` \
             (docs/FORMAT.md).",
            abbreviate(&r.pool.stance_unknown, 6)
        ));
    }
    notes.push_str(" `--format json` explains every tie with its channels, basis and citation.");
    out.push('\n');
    out.push_str(&wrap(&notes, super::table::prose_width()));
    out.push('\n');
    out
}

/// `s` cut to `n` characters, with an ellipsis.
fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}

/// Words of `s` wrapped to lines of at most `width` display columns (a word wider than a line
/// keeps a line of its own).
pub fn wrap(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut line = 0;
    for word in s.split_whitespace() {
        let w = super::table::display_width(word);
        if line > 0 && line + 1 + w > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(word);
        line += w;
    }
    out
}
