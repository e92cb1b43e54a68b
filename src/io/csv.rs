//! CSV import: a ties table (with a header naming its columns) and an optional actors table, as
//! Gephi, pandas, R and spreadsheets write them. Read with the `csv` crate.
//!
//! **Ties table.** Column names are matched in any case. `from` and `to` (or `source` and
//! `target`, Gephi's and NetworkX's names) name the actors. Then either one `weight` column (or
//! the column named by `--weight-attr`), whose values become a channel of that name, or one column
//! per channel (`trade`, `energy`...; any other column is a channel and must have a channel name).
//! Optional: `low`, `high` (the range of a single weight), `year`, `citation` (the provenance;
//! `source` means the tie's origin), and per channel `C_low`, `C_high`, `C_year`, `C_source` or
//! `C_citation`; `note`; `type` (`directed`, the default, or `undirected`: a tie in each
//! direction). Gephi's `id`, `label`, `kind`, and leverage's own derived `dist` and `highlighted`
//! are ignored; with channel columns, `weight` is the derived aggregate and is ignored. An empty
//! weight means strength 1; an empty channel cell means the tie lacks that channel.
//!
//! **Actors table** (`--actors-table FILE`, or `NAME.nodes.csv` beside `NAME.csv`): `id`, `name` or
//! `label`, `lat`/`latitude`, `lon`/`lng`/`longitude`, `note`, `groups` (separated by `,` or `;`),
//! `receptiveness` (with `_low`, `_high`, `_source`, `_year`); every other column is an attribute
//! (`true`/`false` become booleans, numbers numbers, JSON arrays arrays, empty cells nothing).
//! Without an actors table, the actors are those the ties name.
//!
//! **leverage's own exports** read back exactly: a cell starting with `'` followed (after any
//! further `'`s) by `=`, `+`, `-`, `@`, a tab or a carriage return loses that first `'`, which
//! the export adds against spreadsheet formulas ([`crate::exchange::cells`]); an
//! attribute cell holding a JSON string (`"12"`) is that text; and a channel column `ch_NAME`
//! whose `NAME` is a known column (`ch_weight`, `ch_note`...) is the channel `NAME`, which the
//! export renamed ([`crate::exchange::columns`]).

use indexmap::IndexMap;

use super::json::{ActorDoc, GraphDoc, GroupDoc, MetaDoc};
use super::location::Location;
use super::places::Places;
use super::validate::{NumberedTie, NumberedTies};
use super::{validate, year_of, ImportDefaults, LoadOptions};
use crate::error::{Error, Problem, Result};
use std::sync::Arc;

use crate::exchange::cells::{infer, unneutralise};
use crate::exchange::columns::{
    channel_of_column, CSV_COMPANION_SUFFIXES, CSV_TIE_COLUMNS as KNOWN,
};
use crate::model::shared::{share, Pooling};
use crate::model::{Channel, Channels, Figure, InfluenceGraph};

/// A CSV table's file name and header, for column lookup and error places.
struct Header {
    file: String,
    names: Vec<String>,
    /// The character column where each field starts on the header line, when the line has no
    /// quotes (with quotes, fields cannot be placed by counting commas).
    starts: Option<Vec<usize>>,
}

impl Header {
    fn col(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.names.iter().position(|h| h.eq_ignore_ascii_case(n)))
    }

    /// Refuses a header that names a column twice (in any case): which of the two holds the
    /// figures would be a guess.
    fn refuse_duplicates(&self) -> Result<()> {
        for (j, name) in self.names.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            if let Some(i) = self.names[..j]
                .iter()
                .position(|n| n.eq_ignore_ascii_case(name))
            {
                let column = self
                    .starts
                    .as_ref()
                    .and_then(|s| s.get(j).copied())
                    .unwrap_or(1);
                return Err(Error::invalid(
                    Location::file(self.file.clone())
                        .at(1, column)
                        .path(format!("header, columns {} and {}", i + 1, j + 1)),
                    format!(
                        "the header names column `{}` twice: column {} `{}` and column {} `{name}` (names are matched in any case)",
                        self.names[i],
                        i + 1,
                        self.names[i],
                        j + 1
                    ),
                    Some("keep one of the two columns, or rename the other".to_owned()),
                ));
            }
        }
        Ok(())
    }

    fn at(&self, line: usize, col: Option<usize>) -> Location {
        let mut at = Location::file(self.file.clone());
        at.line = Some(line);
        at.path = Some(match col {
            Some(c) => format!("row {line}, column `{}`", self.names[c]),
            None => format!("row {line}"),
        });
        at
    }
}

/// A CSV table's records, read one at a time (a 200,000-row table is never held as rows of
/// strings).
struct Records<'t> {
    file: String,
    reader: csv::Reader<&'t [u8]>,
}

/// Opening a CSV table: its header and its records.
struct Table;

fn csv_error(e: &csv::Error, file: &str) -> Error {
    let mut at = Location::file(file);
    if let Some(p) = e.position() {
        at = at.at(usize::try_from(p.line()).unwrap_or(0), 1);
    }
    let msg = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("a row has {len} fields, but the header has {expected_len}"),
        _ => e.to_string(),
    };
    Error::invalid(
        at,
        msg,
        Some(
            "give every row as many fields as the header, quoting fields that hold commas"
                .to_owned(),
        ),
    )
}

impl Table {
    /// Opens `text` and reads its header.
    fn open<'t>(text: &'t str, file: &str) -> Result<(Header, Records<'t>)> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(text.as_bytes());
        let names: Vec<String> = reader
            .headers()
            .map_err(|e| csv_error(&e, file))?
            .iter()
            .map(|h| h.trim_start_matches('\u{feff}').trim_ascii().to_owned())
            .collect();
        let line = text
            .lines()
            .next()
            .unwrap_or_default()
            .trim_start_matches('\u{feff}');
        let starts = (!line.contains('"')).then(|| {
            let mut at = 1;
            line.split(',')
                .map(|f| {
                    let start = at;
                    at += f.chars().count() + 1;
                    start
                })
                .collect()
        });
        Ok((
            Header {
                file: file.to_owned(),
                names,
                starts,
            },
            Records {
                file: file.to_owned(),
                reader,
            },
        ))
    }
}

impl Records<'_> {
    /// Reads the next record that has a non-blank field into `record`; returns its line, or
    /// `None` at the end. Fields are not trimmed here ([`field`] does it, only for the fields
    /// used: trimming every record was a tenth of the time of reading a large table).
    fn next(&mut self, record: &mut csv::StringRecord) -> Result<Option<usize>> {
        loop {
            let more = self
                .reader
                .read_record(record)
                .map_err(|e| csv_error(&e, &self.file))?;
            if !more {
                return Ok(None);
            }
            if record.iter().all(|f| f.trim_ascii().is_empty()) {
                continue;
            }
            let line = record
                .position()
                .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
            return Ok(Some(line));
        }
    }
}

/// Field `c` of `record`, without surrounding ASCII white space and without the `'` of a
/// neutralised formula; `None` if absent or blank.
fn field(record: &csv::StringRecord, c: Option<usize>) -> Option<&str> {
    c.and_then(|c| record.get(c))
        .map(|f| unneutralise(f.trim_ascii()))
        .filter(|s| !s.is_empty())
}

/// A whole (small) table: the actors table.
struct Sheet {
    header: Header,
    rows: Vec<(usize, Vec<String>)>,
}

fn read(text: &str, file: &str) -> Result<Sheet> {
    let (header, mut records) = Table::open(text, file)?;
    header.refuse_duplicates()?;
    let mut record = csv::StringRecord::new();
    let mut rows = Vec::new();
    while let Some(line) = records.next(&mut record)? {
        rows.push((
            line,
            record
                .iter()
                .map(|f| unneutralise(f.trim_ascii()).to_owned())
                .collect(),
        ));
    }
    Ok(Sheet { header, rows })
}

/// The actor ids a ties table names, numbered in order of first mention, each held once.
///
/// An id of up to 15 bytes (every ISO code, most custom ids) is found by its bytes packed with its
/// length into one `u128`: a lookup compares integers in the table instead of following a
/// pointer to a string, which is most of the cost of reading a large table.
#[derive(Default)]
struct Mentions {
    short: std::collections::HashMap<u128, u32, foldhash::fast::RandomState>,
    long: std::collections::HashMap<Arc<str>, u32, foldhash::fast::RandomState>,
    ids: Vec<Arc<str>>,
}

impl Mentions {
    fn pack(id: &str) -> Option<u128> {
        let bytes = id.as_bytes();
        (bytes.len() < 16).then(|| {
            let mut packed = [0u8; 16];
            packed[..bytes.len()].copy_from_slice(bytes);
            packed[15] = u8::try_from(bytes.len()).unwrap_or(15);
            u128::from_le_bytes(packed)
        })
    }

    /// The number of `id` (given it at its first mention).
    fn mention(&mut self, id: &str) -> u32 {
        let next = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        let i = match Self::pack(id) {
            Some(key) => *self.short.entry(key).or_insert(next),
            None => match self.long.get(id) {
                Some(&i) => i,
                None => {
                    self.long.insert(Arc::from(id), next);
                    next
                }
            },
        };
        if i == next {
            self.ids.push(Arc::from(id));
        }
        i
    }
}

fn number(s: &str) -> std::result::Result<f64, String> {
    s.parse::<f64>().map_err(|_| {
        if s.ends_with('%') {
            format!("`{s}` is a percentage; write it as a share, e.g. `0.3` for 30%")
        } else if s.contains(',') {
            format!("`{s}` is not a number; write decimals with a point, e.g. `0.3`")
        } else {
            format!("`{s}` is not a number")
        }
    })
}

/// Parses a ties table (and an optional actors table, as `(text, file)`) into a validated graph.
///
/// # Errors
/// [`Error::Invalid`] naming the file, row and column of every problem: a missing `from`/`to`
/// column, a column that is no channel name, a value that is no number, and every rule of the
/// format ([`validate::build`]).
pub fn parse(
    ties_text: &str,
    actors: Option<(&str, &str)>,
    defaults: &ImportDefaults,
    options: &LoadOptions,
) -> Result<InfluenceGraph> {
    let file = defaults.file.as_str();
    let (header, mut records) = Table::open(ties_text, file)?;
    let mut places = Places::new(file);
    let mut problems: Vec<Problem> = Vec::new();
    let default_year = year_of(&defaults.date);
    let ties = &header;
    let header_at = |c: usize| {
        Location::file(file.to_owned())
            .at(1, 1)
            .path(format!("header, column `{}`", ties.names[c]))
    };

    if ties.names.iter().all(|h| h.trim().is_empty()) {
        return Err(Error::invalid(
            Location::file(file).at(1, 1).path("header"),
            "the file is empty: a ties table needs a header row and one row per tie",
            Some("start the file with a header such as `from,to,weight`".to_owned()),
        ));
    }
    ties.refuse_duplicates()?;
    let from_col = ties.col(&["from"]);
    let (from, source_is_origin) = match from_col {
        Some(c) => (Some(c), false),
        None => (ties.col(&["source"]), true),
    };
    let to = ties.col(&["to", "target"]);
    let (Some(from), Some(to)) = (from, to) else {
        if let [only] = ties.names.as_slice() {
            if let Some(sep) = [';', '\t', '|'].into_iter().find(|&c| only.contains(c)) {
                return Err(Error::invalid(
                    Location::file(file).at(1, 1).path("header"),
                    format!(
                        "the header `{}` is one column: the table seems separated by `{}`, but leverage reads comma-separated values",
                        only.escape_default(),
                        sep.escape_default()
                    ),
                    Some("save the table as CSV with commas between fields (in a spreadsheet: \"CSV UTF-8 (comma delimited)\") and decimals written with a point".to_owned()),
                ));
            }
        }
        return Err(Error::invalid(
            Location::file(file).at(1, 1).path("header"),
            format!(
                "the ties table has no `{}` column (its columns: {})",
                if from.is_none() { "from" } else { "to" },
                ties.names.join(", ")
            ),
            Some(
                "name the actor columns `from,to` or `source,target` in the header row".to_owned(),
            ),
        ));
    };
    if !source_is_origin {
        if let Some(c) = ties.col(&["source"]) {
            problems.push(Problem::new(
                header_at(c),
                "the table has both `from` and `source`: `source` would mean the tie's origin"
                    .to_owned(),
                Some("name the provenance column `citation`".to_owned()),
            ));
        }
    }
    let weight_name = options
        .weight_attr
        .clone()
        .unwrap_or_else(|| "weight".to_owned());
    let weight = ties.col(&[weight_name.as_str()]);
    if options.weight_attr.is_some() && weight.is_none() {
        return Err(Error::invalid(
            Location::file(file).at(1, 1).path("header"),
            format!("`--weight-attr {weight_name}`: the ties table has no such column"),
            Some(format!("its columns: {}", ties.names.join(", "))),
        ));
    }
    // Classify the other columns: channels, and each channel's companions
    // (`C_low`, `C_high`, `C_year`, `C_source`, `C_citation`).
    let suffixes = CSV_COMPANION_SUFFIXES;
    let mut channel_cols: Vec<(String, usize)> = Vec::new();
    let mut companions: Vec<(String, &str, usize)> = Vec::new();
    for (c, h) in ties.names.iter().enumerate() {
        let lower = h.to_ascii_lowercase();
        if c == from || c == to || Some(c) == weight || KNOWN.contains(&lower.as_str()) {
            continue;
        }
        if let Some(sfx) = suffixes.iter().find(|s| lower.ends_with(*s)) {
            let base = &lower[..lower.len() - sfx.len()];
            if ties.names.iter().any(|x| x.eq_ignore_ascii_case(base)) {
                companions.push((base.to_owned(), sfx, c));
                continue;
            }
        }
        if Channel::is_well_formed(&lower) {
            channel_cols.push((lower, c));
        } else {
            problems.push(Problem::new(
                header_at(c),
                format!("column `{h}` is neither a known column nor a channel name"),
                Some(format!(
                    "channel columns are lowercase identifiers (`trade`, `energy`); known columns: {}; rename or remove the column",
                    KNOWN.join(", ")
                )),
            ));
        }
    }
    let single = channel_cols.is_empty();
    let single_channel = crate::io::graphml::channel_name(&weight_name);
    let plain = |n: &str| ties.col(&[n]);
    let (low, high, year, citation, note, kind) = (
        plain("low"),
        plain("high"),
        plain("year"),
        plain("citation"),
        plain("note"),
        plain("type"),
    );
    /// A channel column and where its companions are.
    struct ChannelColumn {
        channel: Channel,
        value: usize,
        low: Option<usize>,
        high: Option<usize>,
        year: Option<usize>,
        source: Option<usize>,
        citation: Option<usize>,
        basis: Option<usize>,
        cite: Option<usize>,
    }
    let companion = |ch: &str, sfx: &str| {
        companions
            .iter()
            .find(|(b, s, _)| b == ch && *s == sfx)
            .map(|x| x.2)
    };
    let columns: Vec<ChannelColumn> = channel_cols
        .iter()
        .map(|(ch, c)| ChannelColumn {
            channel: Channel::from(channel_of_column(ch)),
            value: *c,
            low: companion(ch, "_low"),
            high: companion(ch, "_high"),
            year: companion(ch, "_year"),
            source: companion(ch, "_source"),
            citation: companion(ch, "_citation"),
            basis: companion(ch, "_basis"),
            cite: companion(ch, "_cite"),
        })
        .collect();
    let single_channel_id = Channel::from(single_channel.as_str());
    places.csv_ties_table(
        ties.names.clone(),
        if single {
            weight
                .map(|c| (single_channel.clone(), c))
                .into_iter()
                .collect()
        } else {
            channel_cols
                .iter()
                .map(|(ch, c)| (channel_of_column(ch).to_owned(), *c))
                .collect()
        },
    );
    // One sourced figure per tie and channel; the citations are shared, not copied per tie.
    let _pool = Pooling::start();
    let default_source = share(&defaults.source());
    // Rows are read one at a time straight into ties. The capacity is the number of lines, so
    // the list of ties is allocated once.
    let mut numbered: Vec<NumberedTie> =
        Vec::with_capacity(ties_text.bytes().filter(|&b| b == b'\n').count());
    // Actor ids, numbered in order of first mention; each tie's ends are such numbers, by which
    // the validation finds the actors without looking an id up again.
    let mut named = Mentions::default();
    let mut record = csv::StringRecord::new();
    while let Some(line) = records.next(&mut record)? {
        let row = &record;
        let cell = |c: Option<usize>| field(row, c);
        let num = |c: Option<usize>, problems: &mut Vec<Problem>| -> Option<f64> {
            let s = cell(c)?;
            match number(s) {
                Ok(x) => Some(x),
                Err(m) => {
                    problems.push(Problem::new(
                        ties.at(line, c),
                        m,
                        Some("write a number, e.g. `0.25`".to_owned()),
                    ));
                    None
                }
            }
        };
        let year_of_cell = |c: Option<usize>, problems: &mut Vec<Problem>| -> Option<i32> {
            let s = cell(c)?;
            match s.parse::<i32>() {
                Ok(y) => Some(y),
                Err(_) => {
                    problems.push(Problem::new(
                        ties.at(line, c),
                        format!("year `{s}` is not a whole number"),
                        Some("write the year the figure describes, e.g. `2023`".to_owned()),
                    ));
                    None
                }
            }
        };
        let base_year = year_of_cell(year, &mut problems).unwrap_or(default_year);
        let base_source = match cell(citation) {
            Some(s) => share(s),
            None => default_source.clone(),
        };
        let channels = if single {
            let value = num(weight, &mut problems).unwrap_or(1.0);
            let range = match (num(low, &mut problems), num(high, &mut problems)) {
                (None, None) => None,
                (lo, hi) => Some([lo.unwrap_or(value), hi.unwrap_or(value)]),
            };
            Channels::one(
                single_channel_id.clone(),
                Figure {
                    value,
                    range,
                    source: base_source,
                    year: base_year,
                    basis: crate::model::Basis::Unknown,
                    cite: crate::model::Cite::none(),
                },
            )
        } else {
            let mut channels = Channels::with_capacity(columns.len());
            for col in &columns {
                let Some(value) = num(Some(col.value), &mut problems) else {
                    continue;
                };
                let lo = num(col.low, &mut problems);
                let hi = num(col.high, &mut problems);
                let range = match (lo, hi) {
                    (None, None) => None,
                    (lo, hi) => Some([lo.unwrap_or(value), hi.unwrap_or(value)]),
                };
                let source = match cell(col.source).or_else(|| cell(col.citation)) {
                    Some(s) => share(s),
                    None => base_source.clone(),
                };
                let year = year_of_cell(col.year, &mut problems).unwrap_or(base_year);
                let basis = match cell(col.basis).map(str::parse::<crate::model::Basis>) {
                    None => crate::model::Basis::Unknown,
                    Some(Ok(b)) => b,
                    Some(Err(e)) => {
                        problems.push(Problem::new(
                            ties.at(line, col.basis),
                            e.to_string(),
                            Some(
                                "write one of `official`, `published`, `derived`, `judgement`"
                                    .to_owned(),
                            ),
                        ));
                        crate::model::Basis::Unknown
                    }
                };
                let cite = cell(col.cite).map_or_else(crate::model::Cite::none, |s| {
                    crate::model::Cite::many(s.split(',').map(str::trim).filter(|x| !x.is_empty()))
                });
                channels.insert(
                    col.channel.clone(),
                    Figure {
                        value,
                        range,
                        source,
                        year,
                        basis,
                        cite,
                    },
                );
            }
            channels
        };
        let undirected = match cell(kind).map(str::to_ascii_lowercase) {
            None => false,
            Some(k) if k == "directed" => false,
            Some(k) if k == "undirected" => true,
            Some(k) => {
                problems.push(Problem::new(
                    ties.at(line, kind),
                    format!("type `{k}` is neither `directed` nor `undirected`"),
                    Some("leave it empty for a directed tie".to_owned()),
                ));
                false
            }
        };
        let f = named.mention(field(row, Some(from)).unwrap_or_default());
        let t = named.mention(field(row, Some(to)).unwrap_or_default());
        let tie_note = cell(note).map(str::to_owned);
        // An undirected tie is a tie each way, `from -> to` first.
        let reverse = undirected.then(|| NumberedTie {
            ends: [t, f],
            channels: channels.clone(),
            note: tie_note.clone(),
        });
        places.push_csv_tie(line, from, to);
        numbered.push(NumberedTie {
            ends: [f, t],
            channels,
            note: tie_note,
        });
        if let Some(reverse) = reverse {
            places.push_csv_tie(line, to, from);
            numbered.push(reverse);
        }
    }

    // Actors.
    let mut actor_docs = Vec::new();
    let mut groups: IndexMap<String, Vec<String>> = IndexMap::new();
    match actors {
        None => {
            for id in &named.ids {
                actor_docs.push(ActorDoc {
                    id: id.to_string(),
                    name: id.to_string(),
                    lat: None,
                    lon: None,
                    receptiveness: None,
                    note: None,
                    attributes: IndexMap::new(),
                    ..ActorDoc::default()
                });
            }
        }
        Some((text, afile)) => {
            let sheet = read(text, afile)?;
            let Some(id_col) = sheet.header.col(&["id"]) else {
                return Err(Error::invalid(
                    Location::file(afile).at(1, 1).path("header"),
                    format!(
                        "the actors table has no `id` column (its columns: {})",
                        sheet.header.names.join(", ")
                    ),
                    Some("name the column of actor ids `id` (Gephi writes `Id`)".to_owned()),
                ));
            };
            let name_col = sheet.header.col(&["name", "label"]);
            let lat_col = sheet.header.col(&["lat", "latitude"]);
            let lon_col = sheet.header.col(&["lon", "lng", "longitude"]);
            let note_col = sheet.header.col(&["note"]);
            let groups_col = sheet.header.col(&["groups"]);
            let r = |s: &str| sheet.header.col(&[s]);
            let rec = [
                r("receptiveness"),
                r("receptiveness_low"),
                r("receptiveness_high"),
                r("receptiveness_source"),
                r("receptiveness_year"),
            ];
            let fixed: Vec<usize> = [
                Some(id_col),
                name_col,
                lat_col,
                lon_col,
                note_col,
                groups_col,
            ]
            .into_iter()
            .chain(rec)
            .flatten()
            .collect();
            // Places of actors live in the actors file.
            places.csv_actors_table(
                afile,
                sheet.header.names.clone(),
                [
                    ("id", Some(id_col)),
                    ("lat", lat_col),
                    ("lon", lon_col),
                    ("receptiveness", rec[0]),
                ]
                .into_iter()
                .filter_map(|(f, c)| Some((f, c?)))
                .collect(),
            );
            for (line, row) in &sheet.rows {
                let line = *line;
                let cellv = |c: Option<usize>| -> Option<String> {
                    c.and_then(|c| row.get(c))
                        .filter(|s| !s.is_empty())
                        .cloned()
                };
                let mut numv = |c: Option<usize>| -> Option<f64> {
                    let s = cellv(c)?;
                    number(&s)
                        .map_err(|m| {
                            problems.push(Problem::new(
                                sheet.header.at(line, c),
                                m,
                                Some("write a number, e.g. `48.2`".to_owned()),
                            ));
                        })
                        .ok()
                };
                let id = cellv(Some(id_col)).unwrap_or_default();
                let lat = numv(lat_col);
                let lon = numv(lon_col);
                let receptiveness = match numv(rec[0]) {
                    None => None,
                    Some(value) => {
                        let lo = numv(rec[1]);
                        let hi = numv(rec[2]);
                        Some(Figure {
                            value,
                            range: match (lo, hi) {
                                (None, None) => None,
                                (lo, hi) => Some([lo.unwrap_or(value), hi.unwrap_or(value)]),
                            },
                            source: cellv(rec[3])
                                .unwrap_or_else(|| {
                                    format!("imported from {afile}, no source given")
                                })
                                .into(),
                            year: cellv(rec[4])
                                .and_then(|y| y.parse().ok())
                                .unwrap_or(default_year),
                            basis: crate::model::Basis::Unknown,
                            cite: crate::model::Cite::none(),
                        })
                    }
                };
                let mut attributes = IndexMap::new();
                for (c, h) in sheet.header.names.iter().enumerate() {
                    if fixed.contains(&c) {
                        continue;
                    }
                    if let Some(v) = cellv(Some(c)).and_then(|s| infer(&s)) {
                        attributes.insert(h.clone(), v);
                    }
                }
                if let Some(gs) = cellv(groups_col) {
                    for g in gs
                        .split([',', ';'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                    {
                        groups.entry(g.to_owned()).or_default().push(id.clone());
                    }
                }
                places.push_csv_actor(line);
                actor_docs.push(ActorDoc {
                    name: cellv(name_col).unwrap_or_else(|| id.clone()),
                    id,
                    lat,
                    lon,
                    receptiveness,
                    note: cellv(note_col),
                    attributes,
                    ..ActorDoc::default()
                });
            }
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid { problems });
    }
    let doc = GraphDoc {
        schema: None,
        version: 2,
        citations: IndexMap::new(),
        channels: IndexMap::new(),
        meta: MetaDoc {
            title: defaults.title.clone(),
            date: defaults.date.clone(),
            description: None,
            notes: vec![format!("imported from {file} (CSV)")],
            build: None,
        },
        actors: actor_docs,
        groups: groups
            .into_iter()
            .map(|(id, members)| GroupDoc {
                id,
                name: None,
                members,
                lead: None,
                note: None,
                ..GroupDoc::default()
            })
            .collect(),
        ties: Vec::new(),
    };
    // Each name's position in the actors list: the order of mention without an actors table;
    // with one, the first entry of the id (an id the table lacks is reported unknown).
    let actor_of: Vec<u32> = if actors.is_some() {
        let mut first: std::collections::HashMap<&str, u32, foldhash::fast::RandomState> =
            std::collections::HashMap::default();
        for (i, a) in doc.actors.iter().enumerate() {
            first
                .entry(a.id.as_str())
                .or_insert(u32::try_from(i).unwrap_or(u32::MAX));
        }
        named
            .ids
            .iter()
            .map(|id| first.get(&**id).copied().unwrap_or(u32::MAX))
            .collect()
    } else {
        (0..named.ids.len())
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect()
    };
    let ties = NumberedTies {
        names: named.ids,
        actor_of,
        ties: numbered,
    };
    validate::build_numbered(doc, ties, &|steps| places.locate(steps))
}

#[cfg(test)]
#[path = "tests/csv_tests.rs"]
mod tests;
