//! Readers for the field's published datasets, and the builder that merges what they read into
//! one graph (`leverage build`, docs/DATA.md "Published datasets").
//!
//! Each reader takes a file in the layout its publisher distributes and returns a [`Reading`]:
//! sourced figures for ties (`from -> to`: `to` depends on `from`) or stance signals, the names
//! the file gives its actors, the citation of the dataset, and a [`FileRecord`] for the build's
//! manifest (file, SHA-256, rows, version, what could not be matched). [`build::build`] merges
//! readings into a graph, with a stated priority when two datasets give the same figure.
//!
//! | reader | dataset | becomes |
//! |---|---|---|
//! | [`baci`] | CEPII BACI (`t,i,j,k,v,q`, with its `country_codes` file) | `trade`, `energy` (HS 27), `dual_use` (the CHPL codes) |
//! | [`imf`] | IMF DOTS (wide, IMF area codes) and IMTS (long, ISO3) | `trade` |
//! | [`sipri`] | SIPRI Arms Transfers Database registers | `security` and `arms_buyer` |
//! | [`votes`] | UN General Assembly votes (UN Digital Library, Voeten) | stance `un_alignment`, `un_opposition` |
//! | [`fbic`] | the FBIC dyad-year CSV | `fbic_economic`, `fbic_security` |
//!
//! Names and codes become ISO 3166-1 alpha-3 ids through the tables of [`names`]; whatever
//! matches none is reported in the manifest (and on the command line), never dropped silently.

pub mod baci;
pub mod build;
pub mod chpl;
pub mod fbic;
pub mod imf;
pub mod input;
pub mod names;
pub mod sipri;
pub mod votes;

use std::fmt;
use std::str::FromStr;

use indexmap::IndexMap;
use serde::Serialize;

use crate::model::{Basis, Channel, ChannelDecl, Citation, Figure, Signal};

/// The datasets `leverage build` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dataset {
    /// CEPII BACI.
    Baci,
    /// IMF trade statistics (DOTS, IMTS).
    Imf,
    /// SIPRI Arms Transfers Database.
    Sipri,
    /// UN General Assembly votes.
    Votes,
    /// The FBIC index.
    Fbic,
}

impl Dataset {
    /// Every dataset, in the default priority order (first wins when two give the same
    /// figure): the reconciled BACI flows before the reporters' own IMF figures (BACI gives
    /// every pair one consistent value), then the others, which share no channel.
    pub const ALL: [Dataset; 5] = [
        Dataset::Baci,
        Dataset::Imf,
        Dataset::Sipri,
        Dataset::Votes,
        Dataset::Fbic,
    ];

    /// The name on the command line and in the manifest.
    pub fn name(self) -> &'static str {
        match self {
            Dataset::Baci => "baci",
            Dataset::Imf => "imf",
            Dataset::Sipri => "sipri",
            Dataset::Votes => "votes",
            Dataset::Fbic => "fbic",
        }
    }

    /// The basis of the figures read from it: official statistics, or shares computed from
    /// them alone (BACI reconciles the customs declarations of both sides; IMF; UN votes), and
    /// published for what a named body estimates (SIPRI's trend-indicator values, as
    /// docs/FORMAT.md says; the FBIC index).
    pub fn basis(self) -> Basis {
        match self {
            Dataset::Baci | Dataset::Imf | Dataset::Votes => Basis::Official,
            Dataset::Sipri | Dataset::Fbic => Basis::Published,
        }
    }
}

impl fmt::Display for Dataset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Dataset {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Dataset::ALL
            .into_iter()
            .find(|d| d.name().eq_ignore_ascii_case(t))
            .ok_or_else(|| {
                format!("`{t}` is not a dataset; the datasets are baci, imf, sipri, votes and fbic")
            })
    }
}

/// A figure a reader found for one channel of the tie `from -> to` (ISO3 ids).
#[derive(Debug, Clone, PartialEq)]
pub struct TieFigure {
    /// The actor holding leverage.
    pub from: std::sync::Arc<str>,
    /// The dependent actor.
    pub to: std::sync::Arc<str>,
    /// The channel.
    pub channel: Channel,
    /// The figure, with its year, basis and citation.
    pub figure: Figure,
}

/// A stance signal a reader found for `actor` towards `target`.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceFigure {
    /// The actor whose stance it is.
    pub actor: String,
    /// The target.
    pub target: String,
    /// The signal.
    pub signal: Signal,
    /// The figure.
    pub figure: Figure,
}

/// A name or code of a file that matches no ISO3 id, and how many rows carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unmatched {
    /// The name or code as the file writes it.
    pub name: String,
    /// Why it has no actor: `pseudo-actor` (an organisation, an armed group, "unknown
    /// supplier(s)"), `aggregate` (a region, the World), `historical`, or `unknown` (no table
    /// knows it: add it to the table or report it).
    pub kind: &'static str,
    /// Rows carrying it.
    pub rows: u64,
}

/// What the manifest records of one file read (`meta.build.files[]`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileRecord {
    /// The dataset.
    pub dataset: Dataset,
    /// The file as given on the command line.
    pub file: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// The SHA-256 of its bytes, in hex.
    pub sha256: String,
    /// The layout recognised (`BACI t,i,j,k,v,q`, `DOTS wide`...).
    pub layout: String,
    /// The release or version, where the file or its name says it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// Data rows read.
    pub rows: u64,
    /// The years its figures describe.
    pub years: Vec<i32>,
    /// Names or codes matched to no ISO3 id.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unmatched: Vec<Unmatched>,
    /// Reader-specific facts (the CHPL codes seen, the SIPRI windows, the resolutions...).
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    pub details: serde_json::Map<String, serde_json::Value>,
}

/// What one reader read from one file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Reading {
    /// Channel figures.
    pub ties: Vec<TieFigure>,
    /// Stance signals.
    pub stance: Vec<StanceFigure>,
    /// ISO3 id -> the name the file gives it.
    pub names: IndexMap<String, String>,
    /// Citations the figures cite, by id.
    pub citations: IndexMap<String, Citation>,
    /// Declarations of the channels the reader introduces.
    pub channels: IndexMap<Channel, ChannelDecl>,
    /// The manifest entry of each file read (a reader of two files, such as BACI's data and
    /// codes, gives two).
    pub files: Vec<FileRecord>,
    /// What the user should know (unmatched names, approximations), one line each.
    pub warnings: Vec<String>,
}

/// A sourced figure of `dataset` with one citation.
pub(crate) fn figure(
    value: f64,
    source: String,
    year: i32,
    dataset: Dataset,
    cite: &str,
) -> Figure {
    let mut f = Figure::new(value, &source, year).with_basis(dataset.basis());
    f.cite = crate::model::Cite::one(cite);
    f
}

/// A sourced figure whose source text is shared with others (one copy for every figure of a
/// file's channel and year).
pub(crate) fn figure_shared(
    value: f64,
    source: &std::sync::Arc<str>,
    year: i32,
    dataset: Dataset,
    cite: &crate::model::Cite,
) -> Figure {
    Figure {
        value,
        range: None,
        source: source.clone(),
        year,
        basis: dataset.basis(),
        cite: cite.clone(),
    }
}

/// The unmatched entries of a counter, sorted by name.
pub(crate) fn unmatched_list(counts: IndexMap<String, (&'static str, u64)>) -> Vec<Unmatched> {
    let mut v: Vec<Unmatched> = counts
        .into_iter()
        .map(|(name, (kind, rows))| Unmatched { name, kind, rows })
        .collect();
    v.sort_by(|a, b| a.name.cmp(&b.name));
    v
}

/// One warning line for the unknown names of a file, if any.
pub(crate) fn unknown_warning(file: &str, what: &str, list: &[Unmatched]) -> Option<String> {
    let unknown: Vec<String> = list
        .iter()
        .filter(|u| u.kind == "unknown")
        .map(|u| format!("`{}` ({} rows)", u.name, u.rows))
        .collect();
    (!unknown.is_empty()).then(|| {
        format!(
            "{file}: {} {what} match no ISO3 id and make no actor (their flows still count in totals): {}",
            unknown.len(),
            unknown.join(", ")
        )
    })
}
