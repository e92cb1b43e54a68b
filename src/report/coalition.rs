//! `leverage coalition`: the best set of partners approached together.

use super::suggest::{left_out_line, wrap};
use super::table::{percent, significant, Align, Table};
use super::{abbreviate, csv_string, OutputFormat};
use crate::analysis::coalition::Coalition;

/// Renders a coalition.
pub fn render(c: &Coalition, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => super::json(&super::wire::coalition::CoalitionJson::new(c)),
        OutputFormat::Csv => csv(c),
        OutputFormat::Table => table(c),
    }
}

/// Thousandths, three significant digits (the unit of `suggest`'s scores).
fn milli(x: f64) -> String {
    if x == 0.0 {
        "0".to_owned()
    } else {
        significant(x * 1000.0, 3)
    }
}

fn csv(c: &Coalition) -> String {
    csv_string(
        &[
            "order",
            "id",
            "name",
            "rank",
            "score",
            "gain",
            "messenger",
            "families",
        ],
        c.members.iter().map(|m| {
            vec![
                m.order.to_string(),
                m.id.to_string(),
                m.name.clone(),
                m.rank.to_string(),
                m.score.to_string(),
                m.gain.to_string(),
                m.messenger.to_string(),
                m.families
                    .iter()
                    .map(|f| format!("{}={}", f.family, f.pressure))
                    .collect::<Vec<_>>()
                    .join(";"),
            ]
        }),
    )
}

fn table(c: &Coalition) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "Best set of {} partners approached together: {} sources ({}) pressing {}\n",
        c.k,
        c.sources.len(),
        abbreviate(&c.sources, 8),
        c.target
    ));
    out.push_str(&wrap(&left_out_line(&c.pool, &c.target), 100));
    out.push_str("\n\n");
    if c.members.is_empty() {
        out.push_str(&format!(
            "no partner has a positive score: none can add pressure on {}\n",
            c.target
        ));
        return out;
    }
    let mut t = Table::new(&[
        ("order", Align::Right),
        ("partner", Align::Left),
        ("rank", Align::Right),
        ("alone", Align::Right),
        ("adds", Align::Right),
        ("its pressure by family", Align::Left),
        ("messenger", Align::Left),
    ]);
    for m in &c.members {
        t.row(vec![
            m.order.to_string(),
            format!("{} {}", m.id, m.name),
            m.rank.to_string(),
            milli(m.score),
            milli(m.gain),
            m.families
                .iter()
                .map(|f| format!("{} {}", f.family, milli(f.pressure)))
                .collect::<Vec<_>>()
                .join(", "),
            m.messenger.to_string(),
        ]);
    }
    out.push_str(&t.render());
    out.push('\n');
    let overlap = if c.sum_of_scores > 0.0 {
        1.0 - c.pressure / c.sum_of_scores
    } else {
        0.0
    };
    let mut notes = vec![format!(
        "Together {} thousandths; the members' scores sum to {}, so overlap costs {}.",
        milli(c.pressure),
        milli(c.sum_of_scores),
        percent(overlap)
    )];
    if c.members.len() < c.k {
        notes.push(format!(
            "Only {} partners have a positive score; the set holds them all.",
            c.candidates
        ));
    }
    let fams: Vec<String> = c
        .families
        .iter()
        .map(|f| {
            if milli(f.sum) != milli(f.pressure) {
                format!(
                    "{} {} (members' parts {})",
                    f.family,
                    milli(f.pressure),
                    milli(f.sum)
                )
            } else {
                format!("{} {}", f.family, milli(f.pressure))
            }
        })
        .collect();
    notes.push(format!("By family: {}.", fams.join(", ")));
    notes.push(format!(
        "Chosen greedily, each member the one that adds most given those before: within {} of the \
         best set by construction (the objective is monotone submodular), and within {} of it by \
         this run's own bound.",
        percent(c.guarantee),
        percent(if c.upper_bound > 0.0 {
            c.pressure / c.upper_bound
        } else {
            1.0
        })
    ));
    match &c.exact {
        Some(e) if e.gap <= 1e-12 => notes.push(format!(
            "Exact: of all {} sets of {}, none adds more.",
            e.subsets,
            c.members.len()
        )),
        Some(e) => notes.push(format!(
            "Exact: the best of all {} sets is {} with {} thousandths; the greedy set falls {} short.",
            e.subsets,
            e.members
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
            milli(e.pressure),
            percent(e.gap)
        )),
        None => notes.push(format!(
            "Exact: not enumerated ({} candidates, too many sets of {}).",
            c.candidates, c.k
        )),
    }
    notes.push(format!(
        "pressure = sum over channel families of 1 - prod (1 - part): each member brings its \
         score (reach × headroom × movability, in thousandths) split over the families of its tie \
         into {} by its headroom in each; within a family the members press on one dependence and \
         overlap, across families they add.",
        c.target
    ));
    out.push_str(&wrap(&notes.join(" "), 100));
    out.push('\n');
    out
}
