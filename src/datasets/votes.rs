//! UN General Assembly votes into stance signals towards a target: `un_alignment` (alignment
//! with the EU27 majority) and `un_opposition` (the share of votes cast against it).
//!
//! Layouts, told apart by their headers:
//! - **the UN Digital Library's voting data** (long: `undl_id,ms_code,ms_name,ms_vote,date,...,
//!   resolution,...`), `ms_code` ISO3 and `ms_vote` `Y`, `N`, `A` or `X` (non-voting);
//! - **the scraper of the UN Digital Library** (`data-driven-decision-lab/un-digital-library-scraper`,
//!   wide: `Council`, `Resolution`, `Date`, then one ISO3 column per member between `tags` and
//!   `TOTAL VOTES`), cells `YES`, `NO`, `ABSTAIN` or empty (non-voting, absent or not a member,
//!   which the file cannot tell apart: read as absent); Security Council rows are skipped, a
//!   resolution given twice is read once;
//! - **Voeten, Strezhnev and Bailey** (long: `rcid,ccode,vote,unres,date,...`), `ccode` a
//!   Correlates of War code, `vote` 1 yes, 2 abstain, 3 no, 8 absent, 9 not a member; `unres`
//!   `R/68/262` stands for `A/RES/68/262`.
//!
//! For the resolutions chosen (by default those on Russia's war: `A/RES/ES-11/...` and
//! `A/RES/68/262` of 2014), and for each one the vote most EU27 members cast (`m`), a state
//! scores 1 for voting `m`, 1/2 for an abstention or absence, 0 for the opposite vote; not a
//! member means no score. `un_alignment` is the mean score, `un_opposition` the share of the
//! resolutions scored on which it voted the opposite of `m` (docs/FORMAT.md, "stance").

use std::collections::BTreeMap;
use std::path::Path;

use indexmap::IndexMap;

use super::input::{bad, for_each_record, read_file, text, Header};
use super::{
    figure, names, unknown_warning, unmatched_list, Dataset, FileRecord, Reading, StanceFigure,
};
use crate::error::Result;
use crate::model::{Citation, Signal};

/// A vote as cast.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Vote {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Abstention.
    Abstain,
    /// Present but not voting, or absent.
    Absent,
}

impl Vote {
    /// The UN Digital Library's letter.
    pub fn letter(self) -> char {
        match self {
            Vote::Yes => 'Y',
            Vote::No => 'N',
            Vote::Abstain => 'A',
            Vote::Absent => 'X',
        }
    }
}

/// The layout of a votes file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// UN Digital Library voting data (long).
    Undl,
    /// The scraper's wide CSV.
    ScraperWide,
    /// Voeten, Strezhnev and Bailey (long, COW codes).
    Voeten,
}

/// Votes as read: resolution -> (year, ISO3 -> vote); a state that was not a member is absent.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Roll {
    /// By resolution symbol (`A/RES/ES-11/1`).
    pub resolutions: BTreeMap<String, (i32, BTreeMap<String, Vote>)>,
}

/// How votes become stance.
#[derive(Debug, Clone, PartialEq)]
pub struct VotesParams {
    /// The target of the stance (`RUS`).
    pub target: String,
    /// Resolution symbols (or their beginnings) to score: `A/RES/ES-11/` takes every text of
    /// the eleventh emergency special session.
    pub resolutions: Vec<String>,
}

impl Default for VotesParams {
    fn default() -> Self {
        VotesParams {
            target: "RUS".into(),
            resolutions: vec!["A/RES/ES-11/".into(), "A/RES/68/262".into()],
        }
    }
}

/// A state's scores.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Resolutions scored.
    pub resolutions: usize,
    /// Mean score.
    pub alignment: f64,
    /// Share of votes against the majority.
    pub against: f64,
    /// The latest year scored.
    pub year: i32,
}

/// Normalises a symbol: `R/68/262` (Voeten) as `A/RES/68/262`, spaces trimmed.
pub fn symbol(s: &str) -> String {
    let t = s.trim();
    match t.strip_prefix("R/") {
        Some(rest) => format!("A/RES/{rest}"),
        None => t.to_owned(),
    }
}

fn year_of_date(d: &str) -> Option<i32> {
    let d = d.trim();
    // `2022-03-02` or `3/27/2014`.
    if let Some(y) = d.get(..4).and_then(|y| y.parse::<i32>().ok()) {
        return Some(y);
    }
    d.rsplit('/')
        .next()
        .and_then(|y| y.get(..4))
        .and_then(|y| y.parse().ok())
}

/// Rows per name or code that matches no ISO3 id, with its kind.
pub type Counts = IndexMap<String, (&'static str, u64)>;

/// Reads a votes file into a roll call, with unmatched codes counted.
///
/// # Errors
/// Neither layout; a vote code that is not one of the layout's (at its line:column).
pub fn read_roll(name: &str, text: &str) -> Result<(Roll, Layout, u64, Counts)> {
    let mut roll = Roll::default();
    let mut layout: Option<Layout> = None;
    let mut cols: Vec<usize> = Vec::new();
    let mut states: Vec<(usize, String)> = Vec::new();
    let mut rows = 0u64;
    let mut unmatched: IndexMap<String, (&'static str, u64)> = IndexMap::new();
    let mut seen_wide: std::collections::HashSet<String> = std::collections::HashSet::new();
    for_each_record(text, name, 0, |h: &Header, line, r| {
        let lay = match layout {
            Some(l) => l,
            None => {
                let l = if h.find("ms_vote").is_some() {
                    cols = h.require(
                        &["ms_code", "ms_vote", "resolution", "date"],
                        "UN Digital Library voting data",
                    )?;
                    Layout::Undl
                } else if h.find("rcid").is_some() {
                    cols = h.require(&["ccode", "vote", "unres"], "Voeten UN votes (long)")?;
                    cols.push(h.find("date").unwrap_or(usize::MAX));
                    cols.push(h.find("year").unwrap_or(usize::MAX));
                    Layout::Voeten
                } else {
                    cols = h.require(&["Council", "Resolution", "Date"], "UN votes: UN Digital Library (ms_vote), its scraper (Council, Resolution, one column per state) or Voeten (rcid, ccode, vote)")?;
                    let from = h.find("tags").map_or(0, |i| i + 1);
                    let to = h.find("TOTAL VOTES").unwrap_or(h.names.len());
                    states = h.names[from..to.max(from)]
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| n.len() == 3 && n.bytes().all(|b| b.is_ascii_uppercase()))
                        .map(|(i, n)| (from + i, n.clone()))
                        .collect();
                    Layout::ScraperWide
                };
                layout = Some(l);
                l
            }
        };
        rows += 1;
        let get = |i: usize| r.get(i).unwrap_or("").trim();
        let bad_vote = |i: usize, allowed: &str| {
            bad(
                name,
                line,
                super::input::column(r, i),
                format!("the vote is `{}`, not one of {allowed}", get(i)),
                "give the file as its publisher distributes it (docs/DATA.md lists each layout's vote codes)",
            )
        };
        match lay {
            Layout::Undl => {
                let vote = match get(cols[1]) {
                    "Y" => Vote::Yes,
                    "N" => Vote::No,
                    "A" => Vote::Abstain,
                    "X" | "" => Vote::Absent,
                    _ => return Err(bad_vote(cols[1], "`Y`, `N`, `A`, `X`")),
                };
                let code = get(cols[0]);
                let Some(c) = names::by_iso3(code) else {
                    unmatched.entry(code.to_owned()).or_insert(("unknown", 0)).1 += 1;
                    return Ok(());
                };
                let year = year_of_date(get(cols[3])).unwrap_or(0);
                let e = roll
                    .resolutions
                    .entry(symbol(get(cols[2])))
                    .or_insert((year, BTreeMap::new()));
                e.1.insert(c.iso3.to_owned(), vote);
            }
            Layout::Voeten => {
                let vote = match get(cols[1]) {
                    "1" => Some(Vote::Yes),
                    "2" => Some(Vote::Abstain),
                    "3" => Some(Vote::No),
                    "8" => Some(Vote::Absent),
                    "9" => None,
                    _ => return Err(bad_vote(cols[1], "1, 2, 3, 8, 9")),
                };
                let raw = get(cols[0]);
                let Ok(code) = raw.parse::<u16>() else {
                    return Err(bad(
                        name,
                        line,
                        super::input::column(r, cols[0]),
                        format!("`ccode` is `{raw}`, not a Correlates of War code"),
                        "`ccode` is the COW state number (2 USA, 365 Russia)",
                    ));
                };
                let year = year_of_date(get(cols[3]).trim())
                    .filter(|_| cols[3] != usize::MAX)
                    .or_else(|| get(cols[4]).parse().ok())
                    .unwrap_or(0);
                let res = roll
                    .resolutions
                    .entry(symbol(get(cols[2])))
                    .or_insert((year, BTreeMap::new()));
                let Some(vote) = vote else {
                    return Ok(()); // not a member
                };
                match names::by_cow(code) {
                    Some(c) => {
                        res.1.insert(c.iso3.to_owned(), vote);
                    }
                    None => {
                        let kind = if names::cow_is_historical(code) {
                            "historical"
                        } else {
                            "unknown"
                        };
                        unmatched
                            .entry(format!("COW {code}"))
                            .or_insert((kind, 0))
                            .1 += 1;
                    }
                }
            }
            Layout::ScraperWide => {
                if get(cols[0]) != "General Assembly" {
                    return Ok(());
                }
                let sym = symbol(get(cols[1]));
                if !seen_wide.insert(sym.clone()) {
                    return Ok(()); // the scraper repeats some rows
                }
                let year = year_of_date(get(cols[2])).unwrap_or(0);
                let mut votes = BTreeMap::new();
                for (i, iso) in &states {
                    let vote = match get(*i) {
                        "YES" | "Y" => Vote::Yes,
                        "NO" | "N" => Vote::No,
                        "ABSTAIN" | "A" => Vote::Abstain,
                        "" | "X" | "NON-VOTING" => Vote::Absent,
                        _ => return Err(bad_vote(*i, "`YES`, `NO`, `ABSTAIN` or empty")),
                    };
                    if names::by_iso3(iso).is_none() {
                        unmatched.entry(iso.clone()).or_insert(("unknown", 0)).1 += 1;
                        continue;
                    }
                    votes.insert(iso.clone(), vote);
                }
                roll.resolutions.insert(sym, (year, votes));
            }
        }
        Ok(())
    })?;
    Ok((roll, layout.unwrap_or(Layout::Undl), rows, unmatched))
}

/// The vote most EU27 members cast on each resolution (`Yes` before `No` before `Abstain` on a
/// tie); resolutions no EU27 member voted on have none.
pub fn eu_majority(roll: &Roll) -> BTreeMap<String, Vote> {
    let mut out = BTreeMap::new();
    for (res, (_, votes)) in &roll.resolutions {
        let count = |v: Vote| {
            names::EU27
                .iter()
                .filter(|m| votes.get(**m) == Some(&v))
                .count()
        };
        let best = [Vote::Yes, Vote::No, Vote::Abstain]
            .into_iter()
            .map(|v| (count(v), v))
            .fold(None::<(usize, Vote)>, |acc, x| match acc {
                Some(a) if a.0 >= x.0 => Some(a),
                _ => Some(x),
            });
        if let Some((n, v)) = best.filter(|b| b.0 > 0) {
            let _ = n;
            out.insert(res.clone(), v);
        }
    }
    out
}

/// Every state's alignment with `majority` on the resolutions it holds (docs/FORMAT.md).
pub fn alignment(roll: &Roll, majority: &BTreeMap<String, Vote>) -> BTreeMap<String, Alignment> {
    let mut acc: BTreeMap<String, (f64, usize, usize, i32)> = BTreeMap::new();
    for (res, m) in majority {
        let Some((year, votes)) = roll.resolutions.get(res) else {
            continue;
        };
        let opposite = match m {
            Vote::Yes => Some(Vote::No),
            Vote::No => Some(Vote::Yes),
            _ => None,
        };
        for (state, v) in votes {
            let e = acc.entry(state.clone()).or_insert((0.0, 0, 0, *year));
            e.1 += 1;
            e.3 = e.3.max(*year);
            if v == m {
                e.0 += 1.0;
            } else if Some(*v) == opposite {
                e.2 += 1;
            } else {
                e.0 += 0.5;
            }
        }
    }
    acc.into_iter()
        .map(|(s, (score, n, against, year))| {
            (
                s,
                Alignment {
                    resolutions: n,
                    alignment: score / n as f64,
                    against: against as f64 / n as f64,
                    year,
                },
            )
        })
        .collect()
}

/// Reads a votes file into `un_alignment` and `un_opposition` towards `params.target`.
///
/// # Errors
/// As [`read_roll`].
pub fn read(path: &Path, params: &VotesParams) -> Result<Reading> {
    let f = read_file(path)?;
    let t = text(&f.bytes, &f.name, false)?;
    let (mut roll, layout, rows, unmatched) = read_roll(&f.name, &t)?;
    let wanted = |r: &str| params.resolutions.iter().any(|p| r.starts_with(p.as_str()));
    roll.resolutions.retain(|r, _| wanted(r));
    let majority = eu_majority(&roll);
    let scores = alignment(&roll, &majority);
    let (cite, citation) = match layout {
        Layout::Undl | Layout::ScraperWide => (
            "undl-ga-votes".to_owned(),
            Citation {
                publisher: "United Nations Dag Hammarskjöld Library".into(),
                title: "United Nations General Assembly Voting Data (UN Digital Library)".into(),
                table: Some(format!(
                    "recorded votes on {}",
                    majority.keys().cloned().collect::<Vec<_>>().join(", ")
                )),
                year: roll.resolutions.values().map(|r| r.0).max().unwrap_or(2000),
                url: Some("https://digitallibrary.un.org/record/4060887".into()),
                accessed: None,
                via: (layout == Layout::ScraperWide)
                    .then(|| "data-driven-decision-lab/un-digital-library-scraper".to_owned()),
            },
        ),
        Layout::Voeten => (
            "voeten-unga-votes".to_owned(),
            Citation {
                publisher: "E. Voeten, A. Strezhnev and M. Bailey, Harvard Dataverse".into(),
                title: "United Nations General Assembly Voting Data".into(),
                table: Some(format!(
                    "hdl:1902.1/12379; votes on {}",
                    majority.keys().cloned().collect::<Vec<_>>().join(", ")
                )),
                year: roll.resolutions.values().map(|r| r.0).max().unwrap_or(2000),
                url: Some("https://hdl.handle.net/1902.1/12379".into()),
                accessed: None,
                via: None,
            },
        ),
    };
    let mut reading = Reading::default();
    reading.citations.insert(cite.clone(), citation);
    let list = majority.keys().cloned().collect::<Vec<_>>().join(", ");
    for (state, a) in &scores {
        if *state == params.target {
            continue;
        }
        let n = a.resolutions;
        reading.stance.push(StanceFigure {
            actor: state.clone(),
            target: params.target.clone(),
            signal: Signal::UnAlignment,
            figure: figure(
                a.alignment,
                format!(
                    "UN General Assembly votes on {list}: {state}'s alignment with the EU27 majority over {n} resolution{} (same vote 1, abstention or absence 1/2, opposite 0)",
                    if n == 1 { "" } else { "s" }
                ),
                a.year,
                Dataset::Votes,
                &cite,
            ),
        });
        reading.stance.push(StanceFigure {
            actor: state.clone(),
            target: params.target.clone(),
            signal: Signal::UnOpposition,
            figure: figure(
                a.against,
                format!(
                    "UN General Assembly votes on {list}: share of {state}'s {n} votes cast against the EU27 majority"
                ),
                a.year,
                Dataset::Votes,
                &cite,
            ),
        });
    }
    let unmatched = unmatched_list(unmatched);
    if let Some(w) = unknown_warning(&f.name, "state codes", &unmatched) {
        reading.warnings.push(w);
    }
    if majority.is_empty() {
        reading.warnings.push(format!(
            "{}: no resolution matches {} with an EU27 vote: no stance was read",
            f.name,
            params.resolutions.join(", ")
        ));
    }
    let mut details = serde_json::Map::new();
    details.insert("target".into(), params.target.clone().into());
    details.insert(
        "resolutions".into(),
        serde_json::Value::Object(
            majority
                .iter()
                .map(|(r, v)| (r.clone(), v.letter().to_string().into()))
                .collect(),
        ),
    );
    details.insert(
        "rule".into(),
        "EU27 majority per resolution; same vote 1, abstention or absence 1/2, opposite 0; un_alignment = mean, un_opposition = share against".into(),
    );
    let years: std::collections::BTreeSet<i32> = roll.resolutions.values().map(|r| r.0).collect();
    reading.files.push(FileRecord {
        dataset: Dataset::Votes,
        file: f.name.clone(),
        bytes: f.bytes.len() as u64,
        sha256: f.sha256.clone(),
        layout: match layout {
            Layout::Undl => "UN Digital Library voting data (long)",
            Layout::ScraperWide => "UN Digital Library scraper (wide)",
            Layout::Voeten => "Voeten, Strezhnev and Bailey (long, COW codes)",
        }
        .into(),
        version: super::input::release_in_name(&f.name).or_else(|| date_in_name(&f.name)),
        rows,
        years: years.into_iter().collect(),
        unmatched,
        details,
    });
    Ok(reading)
}

/// A `YYYY-MM-DD` in a file name.
fn date_in_name(name: &str) -> Option<String> {
    let base = Path::new(name).file_name()?.to_string_lossy().into_owned();
    let b = base.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let d = &base[i..i + 10];
        let ok = d.bytes().enumerate().all(|(k, c)| {
            if k == 4 || k == 7 {
                c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
        ok.then(|| d.to_owned())
    })
}

#[cfg(test)]
#[path = "tests/votes_tests.rs"]
mod tests;
