//! `leverage lifelines`: the actors that keep the target afloat, removed alone and greedily.

use super::suggest::wrap;
use super::table::{percent, significant, Align, Table};
use super::{abbreviate, csv_string, OutputFormat};
use crate::analysis::lifelines::{Lifeline, Lifelines};

/// Renders lifelines; the table and CSV show the first `top` actors removed alone (JSON has
/// them all) and every greedy step.
pub fn render(l: &Lifelines, top: usize, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => super::json(&super::wire::lifelines::LifelinesJson::new(l)),
        OutputFormat::Csv => csv(l, top),
        OutputFormat::Table => table(l, top),
    }
}

/// A support or leverage figure, three significant digits.
fn num(x: f64) -> String {
    if x == 0.0 {
        "0".to_owned()
    } else {
        significant(x, 3)
    }
}

/// `part` as a share of `whole` (`12.3%`).
fn share(part: f64, whole: f64) -> String {
    if whole > 0.0 {
        percent(part / whole)
    } else {
        "-".to_owned()
    }
}

/// The family that loses most of its own support when the actor goes, with that share.
fn mainly(l: &Lifeline, all: &Lifelines) -> String {
    l.family_drops
        .iter()
        .zip(&all.families)
        .filter(|(d, _)| d.drop > 0.0)
        .max_by(|(a, _), (b, _)| a.drop.total_cmp(&b.drop))
        .map_or(String::new(), |(d, f)| {
            format!("{} −{}", d.family, share(d.drop, f.support))
        })
}

fn csv(l: &Lifelines, top: usize) -> String {
    let mut header = vec![
        "list",
        "rank",
        "id",
        "name",
        "stance",
        "leverage",
        "direct",
        "support_after",
        "drop",
        "cumulative_drop",
        "judgement_share",
    ];
    let fams: Vec<String> = l
        .families
        .iter()
        .map(|f| format!("drop_{}", f.family))
        .collect();
    header.extend(fams.iter().map(String::as_str));
    let alone = l.alone.iter().take(top).map(|x| {
        let mut row = vec![
            "alone".to_owned(),
            x.rank.to_string(),
            x.id.to_string(),
            x.name.clone(),
            x.stance.to_string(),
            x.leverage.to_string(),
            x.direct.to_string(),
            x.support_without.to_string(),
            x.drop.to_string(),
            String::new(),
            x.judgement_share.map_or(String::new(), |v| v.to_string()),
        ];
        row.extend(x.family_drops.iter().map(|d| d.drop.to_string()));
        row
    });
    let greedy = l.greedy.iter().map(|s| {
        let mut row = vec![
            "greedy".to_owned(),
            s.step.to_string(),
            s.id.to_string(),
            s.name.clone(),
            String::new(),
            String::new(),
            String::new(),
            s.support_after.to_string(),
            s.drop.to_string(),
            s.cumulative_drop.to_string(),
            String::new(),
        ];
        row.resize(header.len(), String::new());
        row
    });
    csv_string(&header, alone.chain(greedy).collect::<Vec<_>>())
}

fn table(l: &Lifelines, top: usize) -> String {
    let mut out = String::new();
    let how = if l.include_pressing {
        format!(
            "the whole world ({} actors, states that press {} included), every tie at full strength",
            l.world, l.target
        )
    } else {
        format!(
            "the {} actors that do not press {t}, each tie into {t} read as the part its holder \
             does not apply yet",
            l.world,
            t = l.target
        )
    };
    let family = l.family.as_ref().map_or(String::new(), |f| {
        format!(" through the `{f}` family alone")
    });
    out.push_str(&wrap(
        &format!(
            "Lifelines of {}: its support{family} is {} (the sum of the world's leverage over it) \
             from {how}; paths of at most {} ties, channels combined `{}`.",
            l.target,
            num(l.support),
            l.max_hops,
            l.combine
        ),
        100,
    ));
    out.push('\n');
    if !l.left_out.is_empty() {
        out.push_str(&wrap(
            &format!(
                "Left out: {} states that already press {} (`--include-aligned` counts them): {}.",
                l.left_out.len(),
                l.target,
                abbreviate(&l.left_out, 30)
            ),
            100,
        ));
        out.push('\n');
    }
    if !l.families.is_empty() {
        let f: Vec<String> = l
            .families
            .iter()
            .map(|f| format!("{} {}", f.family, num(f.support)))
            .collect();
        out.push_str(&wrap(&format!("Support by family: {}.", f.join(", ")), 100));
        out.push('\n');
    }
    out.push('\n');
    if l.alone.is_empty() {
        out.push_str(&format!(
            "no actor's removal lowers the support of {}: nothing in the world holds a tie into it\n",
            l.target
        ));
        return out;
    }
    let verb = if l.cut >= 1.0 {
        "removed".to_owned()
    } else {
        format!("with its ties cut by {}", percent(l.cut))
    };
    out.push_str(&format!("Each actor {verb} alone:\n"));
    let mut t = Table::new(&[
        ("#", Align::Right),
        ("actor", Align::Left),
        ("stance", Align::Left),
        ("own tie", Align::Right),
        ("leverage", Align::Right),
        ("through it", Align::Right),
        ("support falls by", Align::Right),
        ("most in", Align::Left),
        ("judged", Align::Right),
    ]);
    for x in l.alone.iter().take(top) {
        t.row(vec![
            x.rank.to_string(),
            format!("{} {}", x.id, truncate(&x.name, 20)),
            x.stance.to_string(),
            num(x.direct),
            num(x.leverage),
            num(x.through),
            share(x.drop, l.support),
            mainly(x, l),
            x.judgement_share.map_or("-".to_owned(), percent),
        ]);
    }
    out.push_str(&t.render());
    if l.alone.len() > top {
        out.push_str(&format!(
            "... {} more (`--top N`, or `--format json` for all)\n",
            l.alone.len() - top
        ));
    }
    out.push('\n');
    out.push_str(&format!(
        "{} greedily, each the next best given those before (Borgatti's key players):\n",
        if l.cut >= 1.0 { "Removed" } else { "Cut" }
    ));
    let mut g = Table::new(&[
        ("step", Align::Right),
        ("actor", Align::Left),
        ("support after", Align::Right),
        ("this step", Align::Right),
        ("together", Align::Right),
        ("alone #", Align::Right),
    ]);
    for s in &l.greedy {
        g.row(vec![
            s.step.to_string(),
            format!("{} {}", s.id, truncate(&s.name, 20)),
            num(s.support_after),
            share(s.drop, l.support),
            share(s.cumulative_drop, l.support),
            s.rank_alone.map_or("-".to_owned(), |r| r.to_string()),
        ]);
    }
    out.push_str(&g.render());
    out.push('\n');
    out.push_str(&wrap(
        &format!(
            "support = the sum over the world of each actor's leverage over {t}, its best path \
             into {t} (its own tie, or through a third state). own tie: its direct tie into {t} as \
             read; through it: the leverage other actors lose because their best paths ran \
             through it; support falls by: as a share of the whole support; most in: the channel \
             family that loses the largest share of its own support; judged: the share of the drop that \
             rests on judgement figures. The greedy run differs from \
             the ranking alone where paths run through an actor already removed.",
            t = l.target
        ),
        100,
    ));
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
