//! `leverage assign`: who carries the message to each partner.

use super::suggest::wrap;
use super::table::{percent, Align, Table};
use super::{csv_path, csv_string, json, OutputFormat};
use crate::analysis::assign::{Assignment, AssignmentPlan};
use crate::model::ActorId;

/// Renders an assignment of messengers to partners.
pub fn render(r: &AssignmentPlan, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(&PlanJson::new(r)),
        OutputFormat::Csv => csv_string(
            &[
                "rank",
                "partner",
                "messenger",
                "leverage",
                "best_messenger",
                "best_leverage",
                "capped",
                "path",
            ],
            r.assignments.iter().map(|a| {
                vec![
                    a.rank.to_string(),
                    a.partner.to_string(),
                    a.messenger.to_string(),
                    a.leverage.to_string(),
                    a.best_messenger.to_string(),
                    a.best_leverage.to_string(),
                    a.capped.to_string(),
                    csv_path(&a.path),
                ]
            }),
        ),
        OutputFormat::Table => table(r),
    }
}

fn table(r: &AssignmentPlan) -> String {
    let cap = match r.max_per_messenger {
        None => "no cap".to_owned(),
        Some(1) => "at most 1 partner each".to_owned(),
        Some(k) => format!("at most {k} partners each"),
    };
    let mut out = format!(
        "Who carries the message: {} messengers, {cap}, pressing {}\n\n",
        r.messengers.len(),
        r.target
    );
    let mut t = Table::new(&[
        ("#", Align::Right),
        ("partner", Align::Left),
        ("messenger", Align::Left),
        ("leverage", Align::Right),
        ("why: each tie, by its strongest channel", Align::Left),
    ]);
    for a in &r.assignments {
        let why = a
            .explanation
            .ties
            .iter()
            .map(|tie| {
                let top = tie.channels.first().map_or(String::new(), |c| {
                    format!(" {} {} ({})", c.channel, percent(c.value), c.year)
                });
                format!("{}→{}{top}", tie.from, tie.to)
            })
            .collect::<Vec<_>>()
            .join("; ");
        let note = if a.capped {
            format!(
                " [capped: best is {} {}]",
                a.best_messenger,
                percent(a.best_leverage)
            )
        } else {
            String::new()
        };
        t.row(vec![
            a.rank.to_string(),
            format!("{} {}", a.partner, a.partner_name),
            a.messenger.to_string(),
            percent(a.leverage),
            format!("{why}{note}"),
        ]);
    }
    out.push_str(&t.render());
    if !r.unassigned.is_empty() {
        out.push_str(&format!(
            "\nunassigned (every messenger at its cap): {}\n",
            r.unassigned
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    let how = if r.max_per_messenger.is_some() {
        "Under the cap, the assignment is solved exactly (Hungarian method) to keep as much of \
         each partner's best leverage as possible, weighted by the partner's score, so the top \
         partners keep their best messengers; a capped row names the best messenger."
    } else {
        "Each partner goes to the source with the strongest leverage over it \
         (`--max-per-messenger K` spreads the load)."
    };
    out.push('\n');
    out.push_str(&wrap(
        &format!(
            "leverage: the messenger's best-path leverage over the partner. {how} `--format json` \
             explains every tie."
        ),
        super::table::prose_width(),
    ));
    out.push('\n');
    out
}

/// `assign --format json` (docs/JSON.md); nested in `brief` without the version.
#[derive(Debug, serde::Serialize)]
pub(crate) struct PlanJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<u32>,
    messengers: &'a [ActorId],
    target: &'a ActorId,
    max_per_messenger: Option<usize>,
    assignments: Vec<AssignmentJson<'a>>,
    unassigned: &'a [ActorId],
    objective: f64,
}

impl<'a> PlanJson<'a> {
    fn new(r: &'a AssignmentPlan) -> Self {
        PlanJson {
            version: Some(super::wire::JSON_VERSION),
            ..PlanJson::nested(r)
        }
    }

    /// The wire form of `r`, nested in another command's JSON.
    pub(crate) fn nested(r: &'a AssignmentPlan) -> Self {
        PlanJson {
            version: None,
            messengers: &r.messengers,
            target: &r.target,
            max_per_messenger: r.max_per_messenger,
            assignments: r.assignments.iter().map(AssignmentJson::new).collect(),
            unassigned: &r.unassigned,
            objective: r.objective,
        }
    }
}

#[derive(Debug, serde::Serialize)]
struct AssignmentJson<'a> {
    partner: &'a ActorId,
    partner_name: &'a str,
    rank: usize,
    score: f64,
    messenger: &'a ActorId,
    messenger_name: &'a str,
    leverage: f64,
    best_messenger: &'a ActorId,
    best_leverage: f64,
    capped: bool,
    path: &'a [ActorId],
    explanation: super::wire::PathJson<'a>,
}

impl<'a> AssignmentJson<'a> {
    fn new(a: &'a Assignment) -> Self {
        AssignmentJson {
            partner: &a.partner,
            partner_name: &a.partner_name,
            rank: a.rank,
            score: a.score,
            messenger: &a.messenger,
            messenger_name: &a.messenger_name,
            leverage: a.leverage,
            best_messenger: &a.best_messenger,
            best_leverage: a.best_leverage,
            capped: a.capped,
            path: &a.path,
            explanation: super::wire::PathJson::new(&a.explanation),
        }
    }
}
