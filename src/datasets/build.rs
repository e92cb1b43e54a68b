//! Merges the readings of several dataset files into one graph: yearly series per channel, a
//! stated priority when two datasets give the same figure, actors named from the files, and a
//! manifest of what was read in `meta.build`.
//!
//! **Which figure wins.** Figures are keyed by tie, channel and year (stance signals by actor,
//! target and signal). Between datasets, the one earlier in [`BuildParams::priority`] wins;
//! within a dataset, the file given later wins (a newer download revises an older one). Every
//! figure so replaced is counted in the manifest (`replaced`).
//!
//! **Years.** One graph file holds every year: a channel with figures of several years is a
//! series (docs/FORMAT.md, "Series"), which a view as of one year and a trend read.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use serde_json::{json, Value};

use super::{names, Dataset, FileRecord, Reading};
use crate::error::{Error, OptionField, Result};
use crate::io::json::{ActorDoc, GraphDoc, GroupDoc, MetaDoc, TieDoc};
use crate::io::location::Location;
use crate::model::channels::TieChannels;
use crate::model::{Channel, ChannelDecl, Channels, Citation, Figure, Signal, Stance};

/// How readings are merged.
#[derive(Debug, Clone, PartialEq)]
pub struct BuildParams {
    /// Datasets in order of priority (first wins); datasets left out come after, in
    /// [`Dataset::ALL`] order.
    pub priority: Vec<Dataset>,
    /// The graph's title.
    pub title: String,
    /// The graph's date, `YYYY-MM-DD` (default: 31 December of the latest year of a figure).
    pub date: Option<String>,
    /// A description.
    pub description: Option<String>,
    /// The command line that ran the build, for the manifest.
    pub command: Option<String>,
}

impl Default for BuildParams {
    fn default() -> Self {
        BuildParams {
            priority: Dataset::ALL.to_vec(),
            title: "Graph built from published datasets".into(),
            date: None,
            description: None,
            command: None,
        }
    }
}

impl BuildParams {
    /// The full priority order: the given datasets, then the others.
    pub fn order(&self) -> Vec<Dataset> {
        let mut out: Vec<Dataset> = Vec::new();
        for d in self.priority.iter().chain(Dataset::ALL.iter()) {
            if !out.contains(d) {
                out.push(*d);
            }
        }
        out
    }
}

/// The files to read, and how: what `leverage build` turns its flags into.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// BACI year files.
    pub baci: Vec<std::path::PathBuf>,
    /// BACI country-codes files (one per release).
    pub baci_codes: Vec<std::path::PathBuf>,
    /// The HS codes of `dual_use` (default: [`super::chpl::CHPL`]).
    pub chpl: Option<std::path::PathBuf>,
    /// How BACI sums become figures.
    pub baci_params: super::baci::BaciParams,
    /// IMF DOTS or IMTS files.
    pub imf: Vec<std::path::PathBuf>,
    /// SIPRI registers.
    pub sipri: Vec<std::path::PathBuf>,
    /// SIPRI windows.
    pub sipri_params: super::sipri::SipriParams,
    /// UN votes files.
    pub votes: Vec<std::path::PathBuf>,
    /// Votes into stance.
    pub votes_params: super::votes::VotesParams,
    /// FBIC dyad files.
    pub fbic: Vec<std::path::PathBuf>,
    /// FBIC components.
    pub fbic_params: super::fbic::FbicParams,
}

impl Sources {
    /// Every input file, for refusing one of them as the output.
    pub fn files(&self) -> Vec<&std::path::Path> {
        [
            &self.baci,
            &self.baci_codes,
            &self.imf,
            &self.sipri,
            &self.votes,
            &self.fbic,
        ]
        .into_iter()
        .flatten()
        .map(std::path::PathBuf::as_path)
        .chain(self.chpl.as_deref())
        .collect()
    }
}

/// Reads every file of `sources`, in the order given per dataset. A BACI file is read with the
/// country-codes file of its release (`V202301` in both names), or with the only one given.
///
/// # Errors
/// [`Error::Options`] for BACI files without a country-codes file to pair them with; any
/// reader's error.
pub fn read_sources(sources: &Sources) -> Result<Vec<Input>> {
    let mut out = Vec::new();
    if !sources.baci.is_empty() {
        if sources.baci_codes.is_empty() {
            let named = OptionField::BaciCodes.set_to("country_codes_V<release>.csv");
            return Err(Error::Options {
                message: format!("BACI files need their release's country codes: add {named} (BACI's codes are its own, not ISO numeric)"),
                mentions: vec![named],
            });
        }
        let codes: Vec<super::baci::CountryCodes> = sources
            .baci_codes
            .iter()
            .map(|p| super::baci::read_codes(p))
            .collect::<Result<_>>()?;
        let chpl = match &sources.chpl {
            Some(p) => super::chpl::CodeSet::from_file(p)?,
            None => super::chpl::CodeSet::chpl(),
        };
        for p in &sources.baci {
            let name = p.display().to_string();
            let release = super::input::release_in_name(&name);
            let pick = codes
                .iter()
                .find(|c| release.is_some() && c.record.version == release)
                .or_else(|| (codes.len() == 1).then(|| &codes[0]))
                .ok_or_else(|| {
                    let named = OptionField::BaciCodes.mention();
                    Error::Options {
                        message: format!(
                            "`{name}` is release {}, and no {named} file is of that release; give its `country_codes_{}.csv`",
                            release.as_deref().unwrap_or("(none in the name)"),
                            release.as_deref().unwrap_or("V<release>")
                        ),
                        mentions: vec![named],
                    }
                })?;
            let mut reading = super::baci::read(p, pick, &chpl, &sources.baci_params)?;
            // The merge lists a codes file once, however many year files it served.
            reading.files.insert(0, pick.record.clone());
            out.push(Input {
                dataset: Dataset::Baci,
                reading,
            });
        }
    }
    for p in &sources.imf {
        out.push(Input {
            dataset: Dataset::Imf,
            reading: super::imf::read(p)?,
        });
    }
    for p in &sources.sipri {
        out.push(Input {
            dataset: Dataset::Sipri,
            reading: super::sipri::read(p, &sources.sipri_params)?,
        });
    }
    for p in &sources.votes {
        out.push(Input {
            dataset: Dataset::Votes,
            reading: super::votes::read(p, &sources.votes_params)?,
        });
    }
    for p in &sources.fbic {
        out.push(Input {
            dataset: Dataset::Fbic,
            reading: super::fbic::read(p, &sources.fbic_params)?,
        });
    }
    Ok(out)
}

/// One reading to merge: the dataset it comes from and what it read.
#[derive(Debug, Clone)]
pub struct Input {
    /// The dataset.
    pub dataset: Dataset,
    /// What its reader read.
    pub reading: Reading,
}

/// A figure competing for a slot: its dataset's rank, its input's position, and the figure.
struct Candidate {
    rank: usize,
    input: usize,
    dataset: Dataset,
    figure: Figure,
}

/// A figure for one place (tie, channel, year), with what decides whether it wins.
struct Slot {
    from: std::sync::Arc<str>,
    to: std::sync::Arc<str>,
    /// The channel's place in the writing order.
    channel: usize,
    name: Channel,
    cand: Candidate,
}

impl Slot {
    fn same_place(&self, o: &Slot) -> bool {
        self.from == o.from
            && self.to == o.to
            && self.name == o.name
            && self.cand.figure.year == o.cand.figure.year
    }
}

/// Whether `new` beats `old`: a better-ranked dataset, or the same dataset's later file.
fn beats(new: &Candidate, old: &Candidate) -> bool {
    (new.rank, std::cmp::Reverse(new.input)) < (old.rank, std::cmp::Reverse(old.input))
}

/// The order channels are written in.
fn channel_rank(c: &str) -> (usize, String) {
    const ORDER: [&str; 7] = [
        "trade",
        "energy",
        "dual_use",
        "security",
        "arms_buyer",
        "fbic_economic",
        "fbic_security",
    ];
    (
        ORDER.iter().position(|o| *o == c).unwrap_or(ORDER.len()),
        c.to_owned(),
    )
}

/// The merged graph document and what the user should know.
#[derive(Debug, Clone)]
pub struct Built {
    /// The graph, as a document: check it with [`Built::check`] before writing it.
    pub doc: GraphDoc,
    /// Warnings of the readers and of the merge, one line each.
    pub warnings: Vec<String>,
}

impl Built {
    /// The graph the document describes, checked by every rule of the format (a reader's slip
    /// is caught here, not when the file is read back).
    ///
    /// # Errors
    /// [`Error::Invalid`] naming the document path of each problem.
    pub fn check(&self) -> Result<crate::model::InfluenceGraph> {
        crate::io::validate::build(&self.doc, &|steps| {
            Location::file("<leverage build>").path(crate::io::location::render_path(steps))
        })
    }

    /// Writes the document as the native format (pretty JSON, final newline).
    ///
    /// # Errors
    /// The writer's.
    pub fn write(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &self.doc)?;
        out.write_all(b"\n")
    }
}

/// Merges `inputs` into a graph document (docs/FORMAT.md, version 2).
///
/// # Errors
/// [`Error::Invalid`] if no input gave a figure.
///
/// # Complexity
/// O(F log F) for F figures.
pub fn build(inputs: Vec<Input>, params: &BuildParams) -> Result<Built> {
    let order = params.order();
    let rank = |d: Dataset| order.iter().position(|x| *x == d).unwrap_or(order.len());
    let mut slots: Vec<Slot> = Vec::new();
    let mut stance: BTreeMap<(String, String), BTreeMap<Signal, Candidate>> = BTreeMap::new();
    let mut replaced: BTreeMap<String, u64> = BTreeMap::new();
    let mut note_replaced = |winner: Dataset, loser: Dataset| {
        let key = if winner == loser {
            format!("{winner} by a later {winner} file")
        } else {
            format!("{loser} by {winner}")
        };
        *replaced.entry(key).or_insert(0) += 1;
    };
    let mut files: Vec<FileRecord> = Vec::new();
    let mut warnings: Vec<String> = Vec::new();
    let mut citations: IndexMap<String, Citation> = IndexMap::new();
    let mut channel_decls: IndexMap<Channel, ChannelDecl> = IndexMap::new();
    let mut names_by_rank: Vec<(usize, IndexMap<String, String>)> = Vec::new();
    let mut counts: BTreeMap<Dataset, u64> = BTreeMap::new();
    for (input, Input { dataset, reading }) in inputs.into_iter().enumerate() {
        let r = rank(dataset);
        for f in reading.files {
            if !files
                .iter()
                .any(|g| g.sha256 == f.sha256 && g.file == f.file && g.dataset == f.dataset)
            {
                files.push(f);
            }
        }
        warnings.extend(reading.warnings);
        for (id, c) in reading.citations {
            citations.entry(id).or_insert(c);
        }
        for (c, d) in reading.channels {
            channel_decls.entry(c).or_insert(d);
        }
        names_by_rank.push((r, reading.names));
        slots.reserve(reading.ties.len());
        for t in reading.ties {
            if t.from == t.to {
                continue;
            }
            slots.push(Slot {
                channel: channel_rank(t.channel.as_str()).0,
                name: t.channel,
                from: t.from,
                to: t.to,
                cand: Candidate {
                    rank: r,
                    input,
                    dataset,
                    figure: t.figure,
                },
            });
        }
        for s in reading.stance {
            if s.actor == s.target {
                continue;
            }
            let cand = Candidate {
                rank: r,
                input,
                dataset,
                figure: s.figure,
            };
            let slot = stance.entry((s.actor, s.target)).or_default();
            match slot.get(&s.signal) {
                Some(old) if !beats(&cand, old) => note_replaced(old.dataset, cand.dataset),
                Some(old) => {
                    note_replaced(cand.dataset, old.dataset);
                    slot.insert(s.signal, cand);
                }
                None => {
                    slot.insert(s.signal, cand);
                }
            }
        }
    }
    // Each slot's candidates together, the winner first; the others are replaced.
    slots.sort_unstable_by(|a, b| {
        (
            &a.from,
            &a.to,
            a.channel,
            a.name.as_str(),
            a.cand.figure.year,
        )
            .cmp(&(
                &b.from,
                &b.to,
                b.channel,
                b.name.as_str(),
                b.cand.figure.year,
            ))
            .then(a.cand.rank.cmp(&b.cand.rank))
            .then(b.cand.input.cmp(&a.cand.input))
    });
    let mut winners: Vec<Slot> = Vec::with_capacity(slots.len());
    for s in slots {
        match winners.last() {
            Some(w) if w.same_place(&s) => note_replaced(w.cand.dataset, s.cand.dataset),
            _ => winners.push(s),
        }
    }
    if winners.is_empty() && stance.is_empty() {
        let read: Vec<&str> = files.iter().map(|f| f.file.as_str()).collect();
        return Err(Error::invalid(
            Location::file(read.join(", ")),
            "the files read gave no figure: no share between two known states, and no vote",
            Some("check that each file is the dataset its flag names and covers states (its rows, and what matched no actor, are listed by each reader's messages)".to_owned()),
        ));
    }
    names_by_rank.sort_by_key(|(r, _)| *r);

    // Actors: every id of a tie or a stance, sorted.
    let mut ids: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    for w in &winners {
        if !ids.contains(&*w.from) {
            ids.insert(w.from.to_string());
        }
        if !ids.contains(&*w.to) {
            ids.insert(w.to.to_string());
        }
    }
    for (a, b) in stance.keys() {
        ids.insert(a.clone());
        ids.insert(b.clone());
    }
    let bundled = crate::io::load(&crate::io::GraphSource::Bundled).ok();
    let place = |id: &str| {
        bundled.as_ref().and_then(|g| {
            g.actors()
                .find(|(_, a)| a.id.as_str() == id)
                .and_then(|(_, a)| a.coordinates)
        })
    };
    let mut stance_of: BTreeMap<String, IndexMap<String, Stance>> = BTreeMap::new();
    for ((actor, target), signals) in stance {
        let mut st = Stance::default();
        for (sig, c) in signals {
            *counts.entry(c.dataset).or_insert(0) += 1;
            *st.slot_mut(sig) = Some(c.figure);
        }
        stance_of.entry(actor).or_default().insert(target, st);
    }
    let actors: Vec<ActorDoc> = ids
        .iter()
        .map(|id| {
            // The table's English short names first (the files write `China, P.R.: Mainland`,
            // `USA`), then the files' own.
            let name = names::by_iso3(id)
                .map(|c| c.name.to_owned())
                .or_else(|| {
                    names_by_rank
                        .iter()
                        .find_map(|(_, m)| m.get(id).filter(|n| !n.is_empty()).cloned())
                })
                .unwrap_or_else(|| id.clone());
            let at = place(id);
            ActorDoc {
                id: id.clone(),
                name,
                lat: at.map(|c| c.lat),
                lon: at.map(|c| c.lon),
                stance: stance_of.remove(id).unwrap_or_default(),
                ..ActorDoc::default()
            }
        })
        .collect();

    let mut tie_docs: Vec<TieDoc> = Vec::new();
    let mut years: std::collections::BTreeSet<i32> = std::collections::BTreeSet::new();
    let mut rest = winners.into_iter().peekable();
    while let Some(first) = rest.next() {
        // One tie: its channels, each with its figures by year.
        let (from, to) = (first.from.clone(), first.to.clone());
        let mut figures = Channels::new();
        let mut series = Vec::new();
        let mut current: Option<(Channel, Vec<Figure>)> = None;
        let mut flush = |c: Option<(Channel, Vec<Figure>)>, figures: &mut Channels| {
            if let Some((ch, all)) = c {
                if let Some(latest) = all.last() {
                    figures.insert(ch.clone(), latest.clone());
                }
                if all.len() > 1 {
                    series.push((ch, all));
                }
            }
        };
        let mut next = Some(first);
        while let Some(s) = next.take() {
            *counts.entry(s.cand.dataset).or_insert(0) += 1;
            years.insert(s.cand.figure.year);
            match &mut current {
                Some((ch, all)) if *ch == s.name => all.push(s.cand.figure),
                _ => {
                    flush(current.take(), &mut figures);
                    current = Some((s.name, vec![s.cand.figure]));
                }
            }
            next = rest.next_if(|n| n.from == from && n.to == to);
        }
        flush(current.take(), &mut figures);
        tie_docs.push(TieDoc {
            from,
            to,
            channels: TieChannels {
                figures,
                series: (!series.is_empty()).then(|| Box::new(series)),
            },
            note: None,
        });
    }

    // Groups: the EU27 members present, and the outreach letter's signatories as the bundled
    // graph gives them (so that `suggest` runs with its defaults).
    let mut groups = Vec::new();
    let present = |list: &[&str]| -> Vec<String> {
        list.iter()
            .filter(|m| ids.contains(**m))
            .map(|m| (*m).to_owned())
            .collect()
    };
    let eu = present(&names::EU27);
    if !eu.is_empty() {
        groups.push(GroupDoc {
            id: "EU".into(),
            name: Some("European Union (27 members)".into()),
            members: eu,
            note: Some("the member states present in the datasets read".into()),
            source: Some("Treaty on European Union, member states since 1 February 2020".into()),
            year: Some(2020),
            ..GroupDoc::default()
        });
    }
    if let Some(g) = &bundled {
        if let Some(sig) = g.group("signatories") {
            let members: Vec<String> = sig
                .members
                .iter()
                .map(|m| m.to_string())
                .filter(|m| ids.contains(m))
                .collect();
            if !members.is_empty() {
                for id in sig.cite.ids() {
                    if let Some(c) = g.citations.get(id) {
                        citations.entry(id.to_owned()).or_insert_with(|| c.clone());
                    }
                }
                groups.push(GroupDoc {
                    id: "signatories".into(),
                    name: sig.name.clone(),
                    lead: sig
                        .lead
                        .as_ref()
                        .map(ToString::to_string)
                        .filter(|l| members.contains(l)),
                    members,
                    note: sig.note.clone(),
                    source: sig.source.clone(),
                    cite: sig.cite.clone(),
                    year: sig.year,
                });
            }
        }
    }

    let mut manifest = serde_json::Map::new();
    manifest.insert(
        "tool".into(),
        format!("leverage build {}", env!("CARGO_PKG_VERSION")).into(),
    );
    if let Some(c) = &params.command {
        manifest.insert("command".into(), c.clone().into());
    }
    manifest.insert(
        "priority".into(),
        json!(order.iter().map(|d| d.name()).collect::<Vec<_>>()),
    );
    manifest.insert(
        "rule".into(),
        "a figure is keyed by tie, channel and year (a stance signal by actor, target and signal); between datasets the one earlier in `priority` wins, within a dataset the file given later".into(),
    );
    manifest.insert("years".into(), json!(years.iter().collect::<Vec<_>>()));
    manifest.insert(
        "figures".into(),
        Value::Object(
            counts
                .iter()
                .map(|(d, n)| (d.name().to_owned(), json!(n)))
                .collect(),
        ),
    );
    manifest.insert("replaced".into(), json!(replaced));
    manifest.insert(
        "files".into(),
        serde_json::to_value(&files).unwrap_or(Value::Null),
    );
    if !warnings.is_empty() {
        manifest.insert("warnings".into(), json!(warnings));
    }

    let mut notes = vec![format!(
        "built by `leverage build` from {} file{}; meta.build lists them with their SHA-256, rows, versions and what matched no actor",
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    )];
    if let Some((lo, hi)) = years.first().zip(years.last()) {
        if lo != hi {
            notes.push(format!(
                "figures of {lo} to {hi}, as yearly series (docs/FORMAT.md, \"Series\"): a view as of one year takes each series' figure of that year, and a trend shows the change"
            ));
        }
    }
    let doc = GraphDoc {
        schema: None,
        version: 2,
        meta: MetaDoc {
            title: params.title.clone(),
            date: params.date.clone().unwrap_or_else(|| {
                format!(
                    "{}-12-31",
                    years.iter().next_back().copied().unwrap_or(2000)
                )
            }),
            description: params.description.clone(),
            notes,
            build: Some(Value::Object(manifest)),
        },
        citations,
        channels: channel_decls
            .into_iter()
            .map(|(c, d)| (c.to_string(), d))
            .collect(),
        actors,
        groups,
        ties: tie_docs,
    };
    Ok(Built { doc, warnings })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::datasets::{figure, StanceFigure, TieFigure};

    fn tie(from: &str, to: &str, ch: &str, year: i32, v: f64, d: Dataset) -> TieFigure {
        TieFigure {
            from: from.into(),
            to: to.into(),
            channel: Channel::from(ch),
            figure: figure(v, format!("{d} {year}"), year, d, "c"),
        }
    }

    fn reading(ties: Vec<TieFigure>) -> Reading {
        let mut r = Reading {
            ties,
            ..Reading::default()
        };
        r.citations.insert(
            "c".into(),
            Citation {
                publisher: "p".into(),
                title: "t".into(),
                table: None,
                year: 2024,
                url: None,
                accessed: None,
                via: None,
            },
        );
        r
    }

    // See: #13. Priority between datasets, the later file within one, series by year.
    #[test]
    fn priority_and_series() {
        let inputs = vec![
            Input {
                dataset: Dataset::Imf,
                reading: reading(vec![
                    tie("CHN", "RUS", "trade", 2021, 0.18, Dataset::Imf),
                    tie("CHN", "RUS", "trade", 2023, 0.30, Dataset::Imf),
                ]),
            },
            Input {
                dataset: Dataset::Baci,
                reading: reading(vec![tie("CHN", "RUS", "trade", 2021, 0.19, Dataset::Baci)]),
            },
            Input {
                dataset: Dataset::Imf,
                reading: reading(vec![tie("CHN", "RUS", "trade", 2023, 0.34, Dataset::Imf)]),
            },
        ];
        let built = build(inputs.clone(), &BuildParams::default()).unwrap();
        let t = &built.doc.ties[0];
        let s = t.channels.series_of("trade").unwrap();
        // 2021: BACI before IMF; 2023: the later IMF file.
        assert_eq!(
            s.iter().map(|f| (f.year, f.value)).collect::<Vec<_>>(),
            [(2021, 0.19), (2023, 0.34)]
        );
        let m = built.doc.meta.build.as_ref().unwrap();
        assert_eq!(m["replaced"]["imf by baci"], 1);
        assert_eq!(m["replaced"]["imf by a later imf file"], 1);
        assert_eq!(m["priority"][0], "baci");
        // IMF first: its 2021 figure wins.
        let p = BuildParams {
            priority: vec![Dataset::Imf],
            ..BuildParams::default()
        };
        let built = build(inputs, &p).unwrap();
        let s = built.doc.ties[0].channels.series_of("trade").unwrap();
        assert_eq!(s[0].value, 0.18);
        let names: Vec<&str> = built.doc.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["China", "Russia"]);
    }

    #[test]
    fn stance_and_empty() {
        let mut r = reading(Vec::new());
        r.stance.push(StanceFigure {
            actor: "IND".into(),
            target: "RUS".into(),
            signal: Signal::UnAlignment,
            figure: figure(0.5, "v".into(), 2022, Dataset::Votes, "c"),
        });
        let built = build(
            vec![Input {
                dataset: Dataset::Votes,
                reading: r,
            }],
            &BuildParams::default(),
        )
        .unwrap();
        let ind = built.doc.actors.iter().find(|a| a.id == "IND").unwrap();
        assert_eq!(ind.stance["RUS"].un_alignment.as_ref().unwrap().value, 0.5);
        assert!(matches!(
            build(Vec::new(), &BuildParams::default()),
            Err(Error::Invalid { .. })
        ));
    }
}
