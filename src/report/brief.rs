//! The briefing in words: the minister's note (`leverage brief`, Markdown, about two pages) and
//! one partner on one screen (`leverage explain`). Both only format a
//! [`Briefing`] computed by the caller: every number they
//! print is a field of it (or a figure of the graph it quotes), in the table's units: scores in
//! thousandths, shares in percent.

use std::fmt::Write as _;

use serde::Serialize;

use super::table::{percent, significant, thousands};
use crate::analysis::briefing::{
    Briefing, Dependence, LeftOutFacts, PartnerFacts, Question, SourcedFigure, StanceFact,
};
use crate::analysis::suggest::{LeftOut, Partner};
use crate::model::{ActorId, Basis, Signal};

/// A score in thousandths, as the table prints it.
fn th(score: f64) -> String {
    significant(score * 1000.0, 3)
}

/// `a`, `a and b`, `a, b and c`.
fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [rest @ .., last] => format!(
            "{} and {}",
            rest.iter()
                .map(AsRef::as_ref)
                .collect::<Vec<_>>()
                .join(", "),
            last.as_ref()
        ),
    }
}

/// `leave` or `leaves`, by how many do it.
fn verb(n: usize, v: &str) -> String {
    if n == 1 {
        format!("{v}s")
    } else {
        v.to_owned()
    }
}

/// `1–3`, or `2` when both ends agree.
fn span(r: [usize; 2]) -> String {
    if r[0] == r[1] {
        r[0].to_string()
    } else {
        format!("{}–{}", r[0], r[1])
    }
}

/// Where a figure comes from, in brackets: `(RIA Novosti)`, `(judgement)`.
fn from(f: &SourcedFigure) -> String {
    if f.basis == Basis::Judgement {
        "(analysts' judgement)".to_owned()
    } else if f.by.is_empty() {
        format!("({})", f.basis)
    } else {
        format!("({})", f.by)
    }
}

/// The name of an actor of the briefing, by id (the id itself if unknown).
fn name_of(b: &Briefing, id: &ActorId) -> String {
    if *id == b.question.target {
        return b.question.target_name.clone();
    }
    b.partners
        .iter()
        .find(|p| p.partner.id == *id)
        .map(|p| p.partner.name.clone())
        .or_else(|| b.left_out(id).map(|x| x.name.clone()))
        .or_else(|| {
            b.assignment
                .assignments
                .iter()
                .find(|a| a.messenger == *id)
                .map(|a| a.messenger_name.clone())
        })
        .unwrap_or_else(|| id.to_string())
}

/// What the target's dependence on a partner through one channel says, in words.
fn dependence_phrase(d: &Dependence, target: &str) -> String {
    let f = &d.figure;
    let rank = format!("#{} of {}", d.rank, d.of);
    match d.channel.as_str() {
        "trade" => format!(
            "{target}'s #{} trade partner, {} of its {} goods trade {}",
            d.rank,
            percent(f.value),
            f.year,
            from(f)
        ),
        "energy" => format!(
            "{} of {target}'s energy exports depend on it as buyer or transit ({}; {rank} among {target}'s partners) {}",
            percent(f.value),
            f.year,
            from(f)
        ),
        "dual_use" => format!(
            "supplies {} of {target}'s imports of high-priority dual-use goods ({}; {rank}) {}",
            percent(f.value),
            f.year,
            from(f)
        ),
        c => format!(
            "{c}: {target}'s dependence {} ({}; {rank} of its partners) {}",
            percent(f.value),
            f.year,
            from(f)
        ),
    }
}

/// What a stance signal says, in words; `None` for a signal that says nothing worth a line.
fn signal_phrase(s: &StanceFact, target: &str) -> Option<String> {
    let f = &s.figure;
    let v = f.value;
    let cite = if f.title.is_empty() {
        from(f)
    } else {
        format!("({})", f.title)
    };
    Some(match s.signal {
        Signal::Sanctions if v < 0.5 => {
            format!("not on {target}'s 'unfriendly' list, no sanctions {cite}")
        }
        Signal::Sanctions => format!("sanctions {target} {cite}"),
        Signal::UnAlignment => format!(
            "UN votes on Ukraine: {} aligned with the EU27 majority ({}) {}",
            percent(v),
            f.year,
            from(f)
        ),
        Signal::UnOpposition if v > 0.0 => format!(
            "voted against the EU27 majority in {} of the UN votes on Ukraine ({})",
            percent(v),
            f.year
        ),
        Signal::WarSupport if v > 0.0 => format!(
            "supports {target}'s war: {} ({}) {}",
            percent(v),
            f.year,
            from(f)
        ),
        Signal::Alliance if v > 0.0 => format!("bound to {target} by a treaty {cite}"),
        Signal::Parade if v >= 1.0 => {
            format!(
                "its leader attended {target}'s Victory Day parade ({})",
                f.year
            )
        }
        Signal::Parade if v > 0.0 => {
            format!(
                "sent a delegation to {target}'s Victory Day parade ({})",
                f.year
            )
        }
        Signal::Circumvention if v > 0.0 => format!(
            "named as a hub for circumventing the sanctions ({}, {})",
            if f.by.is_empty() {
                "a government"
            } else {
                &f.by
            },
            f.year
        ),
        _ => return None,
    })
}

/// The facts that put a partner where it is, as bullet lines.
fn why_lines(p: &PartnerFacts, target: &str) -> Vec<String> {
    let mut out = Vec::new();
    // Goods trade first, the dependence every reader knows, then the two largest other parts
    // the partner does not apply yet.
    let unapplied: Vec<&Dependence> = p.dependence.iter().filter(|d| d.unapplied > 0.0).collect();
    let trade = unapplied.iter().find(|d| d.channel == "trade");
    for d in trade
        .into_iter()
        .chain(unapplied.iter().filter(|d| d.channel != "trade").take(2))
    {
        out.push(dependence_phrase(d, target));
    }
    for s in &p.signals {
        if let Some(line) = signal_phrase(s, target) {
            out.push(line);
        }
    }
    out
}

/// The levers the sources hold over a partner, in one line.
fn levers_line(b: &Briefing, row: &Partner) -> String {
    let items: Vec<String> = row
        .levers
        .iter()
        .take(2)
        .map(|l| {
            format!(
                "{} {} {} ({})",
                name_of(b, &l.source),
                l.channel,
                percent(l.value),
                l.basis
            )
        })
        .collect();
    if items.is_empty() {
        "no direct lever in the data".to_owned()
    } else {
        items.join("; ")
    }
}

/// The agreements on the table, in one line.
fn agreements_line(row: &Partner) -> String {
    if row.agreements.is_empty() {
        return "none in the data".to_owned();
    }
    row.agreements
        .iter()
        .map(|a| match a.status {
            Some(s) => format!("{} ({})", a.text, s.name().replace('_', " ")),
            None => a.text.clone(),
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// What the partner wants, in one line.
fn concerns_line(row: &Partner) -> String {
    if row.concerns.is_empty() {
        return "not recorded in the data".to_owned();
    }
    row.concerns
        .iter()
        .map(|c| format!("{} ({})", c.text, c.basis))
        .collect::<Vec<_>>()
        .join("; ")
}

/// How sure the briefing is of one partner, in one line.
fn sure_line(b: &Briefing, p: &PartnerFacts) -> String {
    let k = b.robustness.top_k;
    let mut s = match &p.spread {
        Some(sp) if b.robustness.uncertain_figures > 0 => format!(
            "rank {} ({}–{}%) over {} draws, in the top {k} in {}",
            span(sp.rank_range),
            b.rank_percentiles[0],
            b.rank_percentiles[1],
            thousands(b.robustness.samples),
            percent(sp.p_top_k)
        ),
        _ => "the data carry no ranges to test it".to_owned(),
    };
    if let Some(j) = p.partner.judgement_share {
        let _ = write!(s, "; {} of its score rests on judgement", percent(j));
    }
    s
}

/// What each scenario changes for a partner, in one line.
fn scenarios_line(p: &PartnerFacts) -> Option<String> {
    if p.scenarios.is_empty() {
        return None;
    }
    Some(
        p.scenarios
            .iter()
            .map(|m| {
                let c = &m.change;
                let rank = |r: Option<usize>| r.map_or("unranked".to_owned(), |r| format!("#{r}"));
                let (before, after) = (th(c.score_before), th(c.score_after));
                let score = if before == after {
                    "its score unchanged".to_owned()
                } else {
                    format!("score {before} → {after}")
                };
                format!(
                    "{}: {} → {}, {score}",
                    m.title,
                    rank(c.rank_before),
                    rank(c.rank_after)
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// The minister's note, in Markdown: the question, the answer, the top partners with the facts
/// behind them, how sure the answer is and what would change it, and the data's caveats.
pub fn note(b: &Briefing) -> String {
    let mut s = String::new();
    let q = &b.question;
    let target = &q.target_name;
    let k = b.robustness.top_k.min(b.partners.len());
    let _ = writeln!(s, "# Whom to approach to press {target}\n");
    let _ = writeln!(
        s,
        "*Briefing note drawn by leverage {} from \"{}\" (data as of {}). Every number below comes from the data or from the analysis; sources in brackets. Scores are in thousandths, shares in percent.*\n",
        env!("CARGO_PKG_VERSION"),
        b.title,
        b.date
    );
    question(&mut s, b);
    answer(&mut s, b, k);
    let _ = writeln!(s, "## The top {k} partners\n");
    for p in &b.partners[..k] {
        partner_section(&mut s, b, p);
    }
    if b.partners.len() > k {
        next_partners(&mut s, b, k);
    }
    how_sure(&mut s, b);
    caveats(&mut s, b, k);
    s
}

/// The note's sections that the briefing page shows beside its cards, in Markdown: the
/// question, the answer, how sure, and the data's caveats (each with its `##` heading).
pub fn sections(b: &Briefing) -> [String; 4] {
    let k = b.robustness.top_k.min(b.partners.len());
    let mut out: [String; 4] = Default::default();
    question(&mut out[0], b);
    answer(&mut out[1], b, k);
    how_sure(&mut out[2], b);
    caveats(&mut out[3], b, k);
    out
}

fn question(s: &mut String, b: &Briefing) {
    let q = &b.question;
    let target = &q.target_name;
    let sources: Vec<String> = q.sources.iter().map(|id| name_of(b, id)).collect();
    let _ = writeln!(s, "## The question\n");
    let _ = writeln!(
        s,
        "Which states that do not press {target} yet should the {} ({} states: {}) approach to press it towards a ceasefire, through whom, and how sure can we be? A partner is worth approaching when the {} hold levers over it (reach), when it holds pressure on {target} that it does not apply yet (headroom), and when its commitments to {target} leave room to move it (movability): score = reach × headroom × movability.\n",
        q.sources_name,
        q.sources.len(),
        and_list(&sources),
        q.sources_name
    );
    let pressing: Vec<&LeftOutFacts> = b
        .left_out
        .iter()
        .filter(|x| x.reason == LeftOut::Pressing)
        .collect();
    if !pressing.is_empty() {
        let names: Vec<&str> = pressing.iter().map(|x| x.name.as_str()).collect();
        let cite = pressing
            .iter()
            .find_map(|x| x.evidence.as_ref())
            .filter(|f| !f.title.is_empty())
            .map_or(String::new(), |f| format!(" ({})", f.title));
        let _ = writeln!(
            s,
            "Left out because they already press {target} (sanctions; on its 'unfriendly' list{cite}): {}.",
            and_list(&names)
        );
    }
    let excluded = b
        .left_out
        .iter()
        .filter(|x| x.reason == LeftOut::Excluded)
        .count();
    if excluded > 0 {
        let _ = writeln!(
            s,
            "Also left out by the question: {excluded} states (by default the EU's members and Ukraine)."
        );
    }
    s.push('\n');
}

fn answer(s: &mut String, b: &Briefing, k: usize) {
    let top: Vec<String> = b.partners[..k]
        .iter()
        .map(|p| format!("**{}**", p.partner.name))
        .collect();
    let _ = writeln!(s, "## The answer\n");
    if top.is_empty() {
        let _ = writeln!(
            s,
            "No partner has a positive score: none is reached by the sources and holds pressure on {} that it does not apply yet.\n",
            b.question.target_name
        );
        return;
    }
    let _ = write!(
        s,
        "Approach {} first: the top {k} of the {} partners with a positive score.",
        and_list(&top),
        b.ranked
    );
    let rob = &b.robustness;
    if rob.uncertain_figures == 0 {
        let _ = write!(
            s,
            " The data carry no ranges, so sampling cannot test the ranking."
        );
    } else {
        let name = |id: &ActorId| name_of(b, id);
        let stable: Vec<String> = rob.stable.iter().map(name).collect();
        if !stable.is_empty() {
            let _ = write!(
                s,
                " {} stay in the top {} in at least 90% of {} draws of the data's ranges (seed {})",
                and_list(&stable),
                rob.top_k,
                thousands(rob.samples),
                rob.seed
            );
        }
        let unstable: Vec<String> = rob
            .unstable
            .iter()
            .map(|id| {
                let p = rob.partners.iter().find(|x| x.id == *id);
                format!(
                    "{} in {}",
                    name(id),
                    p.map_or("?".into(), |x| percent(x.p_top_k))
                )
            })
            .collect();
        if unstable.is_empty() {
            s.push('.');
        } else if stable.is_empty() {
            let _ = write!(s, " In the top {}: {}.", rob.top_k, and_list(&unstable));
        } else {
            let _ = write!(s, "; {}.", and_list(&unstable));
        }
    }
    // Who carries the message: messengers by how many partners they take.
    if let Some(first) = b.messengers.first() {
        let _ = write!(
            s,
            " {} is the best-placed messenger for {} of the {} partners",
            first.name,
            first.partners.len(),
            b.assignment.assignments.len()
        );
        let others: Vec<String> = b
            .assignment
            .assignments
            .iter()
            .filter(|a| a.messenger != first.id)
            .map(|a| format!("{} for {}", a.messenger_name, a.partner_name))
            .collect();
        if others.is_empty() {
            s.push('.');
        } else {
            let _ = write!(s, "; {}.", and_list(&others));
        }
    }
    s.push_str("\n\n");
}

fn partner_section(s: &mut String, b: &Briefing, p: &PartnerFacts) {
    let row = &p.partner;
    let target = &b.question.target_name;
    let _ = writeln!(
        s,
        "### {}. {}: score {}\n",
        row.rank,
        row.name,
        th(row.score)
    );
    let _ = writeln!(
        s,
        "reach {} × headroom {} × movability {} (stance: {}).\n",
        percent(row.reach),
        percent(row.headroom),
        row.movability
            .map_or("unknown, counted as 100.0%".to_owned(), percent),
        row.stance
    );
    for line in why_lines(p, target) {
        let _ = writeln!(s, "- {line}");
    }
    let _ = writeln!(
        s,
        "- **Levers of the {}:** {}",
        b.question.sources_name,
        levers_line(b, row)
    );
    if let Some(m) = &p.messenger {
        let capped = if m.capped {
            format!(" (the cap moved it from {})", name_of(b, &m.best))
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "- **Messenger:** {}, leverage {} over it{capped}; path {}",
            m.name,
            percent(m.leverage),
            super::arrow_ids(&row.path)
        );
    }
    let _ = writeln!(
        s,
        "- **In return:** on the table: {}; it wants: {}",
        agreements_line(row),
        concerns_line(row)
    );
    let _ = writeln!(s, "- **How sure:** {}", sure_line(b, p));
    if let Some(line) = scenarios_line(p) {
        let _ = writeln!(s, "- **What-if:** {line}");
    }
    s.push('\n');
}

fn next_partners(s: &mut String, b: &Briefing, k: usize) {
    let _ = writeln!(s, "## The next {}\n", b.partners.len() - k);
    let _ = writeln!(
        s,
        "| # | partner | score | reach | headroom | movability | P(top {}) | messenger |\n|---|---|---|---|---|---|---|---|",
        b.robustness.top_k
    );
    for p in &b.partners[k..] {
        let row = &p.partner;
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            row.rank,
            row.name,
            th(row.score),
            percent(row.reach),
            percent(row.headroom),
            row.movability.map_or("?".to_owned(), percent),
            p.spread
                .as_ref()
                .map_or("-".to_owned(), |x| percent(x.p_top_k)),
            p.messenger
                .as_ref()
                .map_or("-".to_owned(), |m| m.name.clone())
        );
    }
    s.push('\n');
}

fn how_sure(s: &mut String, b: &Briefing) {
    let _ = writeln!(s, "## How sure, and what would change the answer\n");
    let rob = &b.robustness;
    if rob.uncertain_figures == 0 {
        let _ = writeln!(
            s,
            "- **The data's ranges:** none of the figures carries a range, so no verdict."
        );
    } else {
        let _ = writeln!(
            s,
            "- **The data's ranges:** {} draws (seed {}) of the {} figures with a range; {}.",
            thousands(rob.samples),
            rob.seed,
            thousands(rob.uncertain_figures),
            rob.verdict
        );
    }
    if let Some(st) = &rob.structural {
        let n = st.variants.len();
        let holds = st.variants.iter().filter(|v| v.holds_top_k).count();
        let first = st.variants.iter().filter(|v| v.holds_first).count();
        let _ = writeln!(
            s,
            "- **The model's choices:** the top {} holds as a set under {holds} of {n} variants, the #1 under {first} of {n}. Where it changes:",
            st.top_k
        );
        for v in st.variants.iter().filter(|v| !v.holds_top_k) {
            let names =
                |ids: &[ActorId]| and_list(&ids.iter().map(|i| name_of(b, i)).collect::<Vec<_>>());
            let change = if v.top.is_empty() {
                "no partner keeps a positive score".to_owned()
            } else {
                let mut parts = Vec::new();
                if !v.left.is_empty() {
                    parts.push(format!(
                        "{} {}",
                        names(&v.left),
                        verb(v.left.len(), "leave")
                    ));
                }
                if !v.entered.is_empty() {
                    parts.push(format!(
                        "{} {}",
                        names(&v.entered),
                        verb(v.entered.len(), "enter")
                    ));
                }
                parts.join(", ")
            };
            let _ = writeln!(s, "  - {}: {change}", v.variant);
        }
    }
    for e in &b.scenarios {
        let movers: Vec<String> = e
            .changes
            .iter()
            .filter(|c| c.score_change != 0.0)
            .take(3)
            .map(|c| {
                let rank = |r: Option<usize>| r.map_or("unranked".to_owned(), |r| format!("#{r}"));
                format!(
                    "{} {} → {}",
                    c.name,
                    rank(c.rank_before),
                    rank(c.rank_after)
                )
            })
            .collect();
        let what = if movers.is_empty() {
            "moves no partner".to_owned()
        } else {
            format!("moves {}", movers.join(", "))
        };
        let _ = writeln!(s, "- **What-if, {}** (`{}`): {what}.", e.title, e.file);
    }
    for x in &b.scenarios_skipped {
        let _ = writeln!(s, "- What-if {} not applied: {}", x.title, x.why);
    }
    s.push('\n');
}

fn caveats(s: &mut String, b: &Briefing, k: usize) {
    let c = &b.caveats;
    let _ = writeln!(s, "## Data caveats\n");
    if let Some(j) = c.judgement_share_top_k {
        let without = b.robustness.structural.as_ref().and_then(|st| {
            st.variants
                .iter()
                .find(|v| v.variant == "basis: without judgement")
        });
        let then = match without {
            Some(v) if v.holds_top_k => " Without them the top partners stay the same.".to_owned(),
            Some(v) => format!(
                " Without them: {} {} the top {}.",
                and_list(&v.left.iter().map(|i| name_of(b, i)).collect::<Vec<_>>()),
                verb(v.left.len(), "leave"),
                b.robustness.top_k
            ),
            None => String::new(),
        };
        let _ = writeln!(
            s,
            "- {} of the top {k}'s combined score rests on judgement figures: analysts' readings where no statistic exists (diplomatic dependence above all), each with its reasoning in the data.{then}",
            percent(j)
        );
    }
    if !c.stale.is_empty() {
        let lines: Vec<String> = c
            .stale_kinds
            .iter()
            .map(|k| match k.what.strip_prefix("stance ") {
                Some(signal) if k.partners.len() > 1 => format!(
                    "the {signal} signal of {} partners ({})",
                    k.partners.len(),
                    k.year
                ),
                Some(signal) => format!(
                    "{}'s {signal} signal ({})",
                    name_of(b, &k.partners[0]),
                    k.year
                ),
                None => format!("{} ({})", k.what, k.year),
            })
            .collect();
        let _ = writeln!(
            s,
            "- {} figures behind these rows describe years before {}: {}.",
            c.stale.len(),
            c.stale_before,
            and_list(&lines)
        );
    }
    if !c.stance_unknown.is_empty() {
        let _ = writeln!(
            s,
            "- No stance data for {}: counted as fully movable.",
            and_list(
                &c.stance_unknown
                    .iter()
                    .map(|i| name_of(b, i))
                    .collect::<Vec<_>>()
            )
        );
    }
    let _ = writeln!(
        s,
        "- Leverage is dependence, not will; stance signals stand in for will. Substitution is not modelled. Read the ranking, not the decimals.\n"
    );
}

/// `leverage explain --format json`: one partner of the briefing, or why it is not one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation<'b> {
    /// The question.
    pub question: &'b Question,
    /// How many partners have a positive score.
    pub ranked: usize,
    /// The robustness run: samples, seed, k.
    pub robustness: RunInfo,
    /// The partner, if it is ranked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub partner: Option<&'b PartnerFacts>,
    /// Why it is left out of the pool, if it is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub left_out: Option<&'b LeftOutFacts>,
    /// Why it is not ranked though in the pool (no positive score).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unranked: Option<String>,
}

/// The robustness run behind a briefing, in short.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RunInfo {
    /// Samples drawn.
    pub samples: usize,
    /// Seed.
    pub seed: u64,
    /// The k of P(top k).
    pub top_k: usize,
    /// Figures with a range.
    pub uncertain_figures: usize,
}

/// `brief --format json`: the briefing as the JSON contract (docs/JSON.md, "brief").
pub fn briefing_json(b: &Briefing) -> String {
    super::json(&super::wire::brief::BriefingJson::new(b))
}

/// `explain --format json`: the explanation of `id` in `b` as the JSON contract (docs/JSON.md,
/// "explain").
pub fn explanation_json(b: &Briefing, id: &ActorId) -> String {
    super::json(&super::wire::brief::ExplanationJson::new(&explanation(
        b, id,
    )))
}

/// The explanation of `id` in `b` (see [`Explanation`]).
pub fn explanation<'b>(b: &'b Briefing, id: &ActorId) -> Explanation<'b> {
    let partner = b.partner(id);
    let left_out = b.left_out(id);
    let unranked = (partner.is_none() && left_out.is_none()).then(|| {
        format!(
            "{id} is in the pool but has no positive score: the {} hold no lever over it, or it holds no pressure on {} that it does not apply yet, or its stance leaves nothing to move",
            b.question.sources_name, b.question.target
        )
    });
    Explanation {
        question: &b.question,
        ranked: b.ranked,
        robustness: RunInfo {
            samples: b.robustness.samples,
            seed: b.robustness.seed,
            top_k: b.robustness.top_k,
            uncertain_figures: b.robustness.uncertain_figures,
        },
        partner,
        left_out,
        unranked,
    }
}

/// `leverage explain`: one partner on one screen, or why it is not a partner.
pub fn explain_text(b: &Briefing, id: &ActorId) -> String {
    let mut s = String::new();
    let target = &b.question.target_name;
    let Some(p) = b.partner(id) else {
        if let Some(x) = b.left_out(id) {
            let why = match x.reason {
                LeftOut::Pressing => {
                    let ev = x.evidence.as_ref().map_or(String::new(), |f| {
                        let cite = if f.title.is_empty() {
                            from(f)
                        } else {
                            format!("({})", f.title)
                        };
                        format!(": on its 'unfriendly' list {cite}")
                    });
                    format!("{} already presses {}{ev}", x.id, b.question.target)
                }
                LeftOut::Source => format!(
                    "{} is one of the sources (the {})",
                    x.id, b.question.sources_name
                ),
                LeftOut::Target => format!("{} is the target", x.id),
                LeftOut::Excluded => format!(
                    "{} is excluded by the question (by default the EU's members and Ukraine; `--exclude` changes it)",
                    x.id
                ),
                LeftOut::NotCandidate => format!("{} is not among the candidates asked for", x.id),
            };
            let _ = writeln!(
                s,
                "{} ({}) is not a partner to approach: {why}.",
                x.name, x.id
            );
        } else if let Some(u) = explanation(b, id).unranked {
            let _ = writeln!(s, "{u}.");
        }
        return s;
    };
    let row = &p.partner;
    let _ = writeln!(
        s,
        "{} ({}): #{} of {} partners the {} could approach to press {target}",
        row.name, row.id, row.rank, b.ranked, b.question.sources_name
    );
    let _ = writeln!(
        s,
        "score {} (thousandths) = reach {} × headroom {} × movability {}; pull {}; stance {}",
        th(row.score),
        percent(row.reach),
        percent(row.headroom),
        row.movability.map_or("? (unknown)".to_owned(), percent),
        percent(row.pull),
        row.stance
    );
    let _ = writeln!(s, "how sure: {}", sure_line(b, p));
    if let Some(m) = &p.messenger {
        let _ = writeln!(
            s,
            "messenger: {} ({}), leverage {}{}",
            m.name,
            m.id,
            percent(m.leverage),
            if m.capped { " (capped)" } else { "" }
        );
    }
    let _ = writeln!(s, "\nbest path {}", super::arrow_ids(&row.path));
    for leg in &row.legs {
        for t in &leg.ties {
            let head = t
                .headroom
                .map_or(String::new(), |h| format!(", headroom {}", percent(h)));
            let _ = writeln!(
                s,
                "  {} → {}  strength {}{head}",
                t.from,
                t.to,
                percent(t.strength)
            );
            for c in &t.channels {
                let un = c
                    .unapplied
                    .map_or(String::new(), |u| format!(" (unapplied {})", percent(u)));
                // Each citation by its publisher, in a few words.
                let cite: Vec<&str> = c
                    .cite
                    .iter()
                    .map(|x| x.split([',', ';']).next().unwrap_or(x).trim())
                    .collect();
                let _ = writeln!(
                    s,
                    "    {:<10} {:>6}{un}  {} {:<9}  {}",
                    c.channel,
                    percent(c.value),
                    c.year,
                    c.basis.name(),
                    truncate(&cite.join("; "), 64)
                );
            }
        }
    }
    if p.routes.len() > 1 {
        let others: Vec<String> = p
            .routes
            .iter()
            .map(|r| format!("{} {}", super::arrow_ids(&r.nodes), percent(r.leverage)))
            .collect();
        let _ = writeln!(s, "routes from the sources: {}", others.join("; "));
    }
    let _ = writeln!(s, "\n{target} depends on it:");
    for d in &p.dependence {
        let _ = writeln!(
            s,
            "  {:<10} {:>6} (unapplied {}), #{} of {}, {} {}",
            d.channel,
            percent(d.figure.value),
            percent(d.unapplied),
            d.rank,
            d.of,
            d.figure.year,
            from(&d.figure)
        );
    }
    let _ = writeln!(s, "stance towards {target}:");
    for sig in &p.signals {
        let f = &sig.figure;
        let _ = writeln!(
            s,
            "  {:<13} {:>6}  {} {:<9}  {}",
            sig.signal.name(),
            percent(f.value),
            f.year,
            f.basis.name(),
            truncate(&f.source, 70)
        );
    }
    let _ = writeln!(s, "levers: {}", levers_line(b, row));
    let _ = writeln!(s, "on the table: {}", agreements_line(row));
    let _ = writeln!(s, "what it wants: {}", concerns_line(row));
    let _ = writeln!(
        s,
        "what-if: {}",
        scenarios_line(p).unwrap_or_else(|| "no scenario moves it".to_owned())
    );
    s
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words() {
        assert_eq!(and_list(&["a"]), "a");
        assert_eq!(and_list(&["a", "b", "c"]), "a, b and c");
        assert_eq!(thousands(2000), "2,000");
        assert_eq!(span([3, 3]), "3");
        assert_eq!(th(0.0631), "63.1");
    }
}
