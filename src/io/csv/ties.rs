//! The ties table: what each column holds ([`TieColumns::classify`]), then every row read into a
//! numbered tie ([`read_ties`]), one record at a time: its channel figures, its yearly series
//! (`series`, JSON) and its own channel order (`channel_order`).

use std::sync::Arc;

use super::super::location::Location;
use super::super::places::Places;
use super::super::validate::NumberedTie;
use super::table::{field, number, Header, Records};
use super::CsvKeys;
use crate::error::{Error, OptionField, Problem, Result};
use crate::exchange::columns::{
    channel_of_column, Part, Role, CSV_COMPANION_SUFFIXES, CSV_TIE_COLUMNS,
};
use crate::io::{ImportDefaults, LoadOptions};
use crate::model::channels::TieChannels;
use crate::model::shared::share;
use crate::model::{Basis, Channel, Channels, Cite, Figure};

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

/// What the columns of a ties table hold.
pub(super) struct TieColumns {
    /// The column of the actor holding leverage.
    pub from: usize,
    /// The column of the dependent actor.
    pub to: usize,
    /// The weight column (`weight`, or the one the weight attribute names).
    weight: Option<usize>,
    /// The channel a single weight column gives.
    single_channel: Channel,
    /// One per channel column; empty when the table has a single weight instead.
    channels: Vec<ChannelColumn>,
    low: Option<usize>,
    high: Option<usize>,
    year: Option<usize>,
    citation: Option<usize>,
    note: Option<usize>,
    kind: Option<usize>,
    /// The tie's yearly series (JSON, channel -> figures).
    series: Option<usize>,
    /// The tie's channels in its own order (comma-separated).
    order: Option<usize>,
    /// The long layout's columns, when the table has a `channel` column.
    long: Option<LongColumns>,
}

/// The columns of a long ties table: one row per channel figure of the tie `from -> to`.
struct LongColumns {
    /// The channel's name.
    channel: usize,
    /// The figure's value (`weight` or `value`, or the column the weight attribute names).
    value: usize,
    /// The figure's source (`source`, else `citation`).
    source: Option<usize>,
    basis: Option<usize>,
    cite: Option<usize>,
}

/// The columns a long ties table may have besides `from` and `to` (or `source` and `target`),
/// in lowercase; Gephi's `id`, `label` and `kind` are ignored.
pub(crate) const LONG_COLUMNS: &[&str] = &[
    "channel", "weight", "value", "low", "high", "year", "source", "citation", "basis", "cite",
    "note", "type", "id", "label", "kind",
];

/// The place of a header cell.
fn header_at(header: &Header, c: usize) -> Location {
    Location::file(header.file.clone())
        .at(1, 1)
        .path(format!("header, column `{}`", header.names[c]))
}

impl TieColumns {
    /// Finds the columns of a ties table by their names. Problems that leave the table
    /// readable (a column that is no channel name, `from` beside `source`) go to `problems`.
    ///
    /// # Errors
    /// [`Error::Invalid`] for an empty header, a column named twice, no actor columns, or a
    /// `--weight-attr` the table lacks.
    ///
    /// `keys` (leverage's own tables) gives each channel column its channel and part exactly;
    /// columns it does not name are read by their names.
    pub fn classify(
        header: &Header,
        options: &LoadOptions,
        keys: Option<&CsvKeys>,
        problems: &mut Vec<Problem>,
    ) -> Result<TieColumns> {
        let long = keys.is_none() && header.col(&["channel"]).is_some();
        let (from, to) = ends(header, problems, long)?;
        let plain = |n: &str| header.col(&[n]);
        if long {
            let value = long_value(header, options)?;
            for (c, h) in header.names.iter().enumerate() {
                let lower = h.to_ascii_lowercase();
                let end = c == from || c == to;
                if !end && c != value && !LONG_COLUMNS.contains(&lower.as_str()) {
                    problems.push(Problem::new(
                        header_at(header, c),
                        format!("column `{h}` is not a column of a long ties table (one row per channel, named in column `channel`)"),
                        Some(format!(
                            "its columns are `from`, `to` and {}; put other channels in rows, or remove the column",
                            LONG_COLUMNS.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
                        )),
                    ));
                }
            }
            return Ok(TieColumns {
                from,
                to,
                weight: None,
                single_channel: Channel::from("weight"),
                channels: Vec::new(),
                low: plain("low"),
                high: plain("high"),
                year: plain("year"),
                citation: plain("citation"),
                note: plain("note"),
                kind: plain("type"),
                series: None,
                order: None,
                long: Some(LongColumns {
                    channel: plain("channel").unwrap_or_default(),
                    value,
                    // With `source,target` as the ends, the provenance is `citation`.
                    source: if header.col(&["from"]).is_some() {
                        plain("source")
                    } else {
                        None
                    },
                    basis: plain("basis"),
                    cite: plain("cite"),
                }),
            });
        }
        let weight_name = options
            .weight_attr
            .clone()
            .unwrap_or_else(|| "weight".to_owned());
        let weight = header.col(&[weight_name.as_str()]);
        if options.weight_attr.is_some() && weight.is_none() {
            let named = OptionField::WeightAttr.set_to(weight_name.as_str());
            return Err(Error::invalid_naming(
                Location::file(header.file.as_str()).at(1, 1).path("header"),
                format!("{named}: the ties table has no such column"),
                Some(format!("its columns: {}", header.names.join(", "))),
                [named],
            ));
        }
        let channels = channel_columns(header, [from, to], weight, keys, problems);
        Ok(TieColumns {
            from,
            to,
            weight,
            single_channel: Channel::from(
                super::super::graphml::channel_name(&weight_name).as_str(),
            ),
            channels,
            low: plain("low"),
            high: plain("high"),
            year: plain("year"),
            citation: plain("citation"),
            note: plain("note"),
            kind: plain("type"),
            series: plain("series"),
            order: plain("channel_order"),
            long: None,
        })
    }

    /// The channel of each column that holds one, for error places: `(channel, column)`.
    pub fn places(&self) -> Vec<(String, usize)> {
        if self.long.is_some() {
            Vec::new()
        } else if self.channels.is_empty() {
            self.weight
                .map(|c| (self.single_channel.to_string(), c))
                .into_iter()
                .collect()
        } else {
            self.channels
                .iter()
                .map(|c| (c.channel.to_string(), c.value))
                .collect()
        }
    }
}

/// The columns of the ties' ends: `from` (else `source`) and `to` (else `target`).
/// In a long table (`long`), `source` beside `from` is the figures' source.
fn ends(header: &Header, problems: &mut Vec<Problem>, long: bool) -> Result<(usize, usize)> {
    let file = header.file.as_str();
    if header.names.iter().all(|h| h.trim().is_empty()) {
        return Err(Error::invalid(
            Location::file(file).at(1, 1).path("header"),
            "the file is empty: a ties table needs a header row and one row per tie",
            Some("start the file with a header such as `from,to,weight`".to_owned()),
        ));
    }
    header.refuse_duplicates()?;
    let (from, source_is_origin) = match header.col(&["from"]) {
        Some(c) => (Some(c), false),
        None => (header.col(&["source"]), true),
    };
    let to = header.col(&["to", "target"]);
    let (Some(from), Some(to)) = (from, to) else {
        return Err(no_ends(header, from.is_none()));
    };
    if !source_is_origin && !long {
        if let Some(c) = header.col(&["source"]) {
            problems.push(Problem::new(
                header_at(header, c),
                "the table has both `from` and `source`: `source` would mean the tie's origin"
                    .to_owned(),
                Some("name the provenance column `citation`".to_owned()),
            ));
        }
    }
    Ok((from, to))
}

/// The value column of a long ties table: the column the weight attribute names, else `weight`
/// or `value` (not both).
///
/// # Errors
/// [`Error::Invalid`] at the header if there is no such column, or both `weight` and `value`.
fn long_value(header: &Header, options: &LoadOptions) -> Result<usize> {
    let at = || Location::file(header.file.as_str()).at(1, 1).path("header");
    if let Some(name) = options.weight_attr.as_deref() {
        return header.col(&[name]).ok_or_else(|| {
            let named = OptionField::WeightAttr.set_to(name);
            Error::invalid_naming(
                at(),
                format!("{named}: the ties table has no such column"),
                Some(format!("its columns: {}", header.names.join(", "))),
                [named],
            )
        });
    }
    match (header.col(&["weight"]), header.col(&["value"])) {
        (Some(w), None) => Ok(w),
        (None, Some(v)) => Ok(v),
        (Some(_), Some(_)) => Err(Error::invalid(
            at(),
            "the long ties table (it has a `channel` column) has both `weight` and `value`: which holds the figures would be a guess".to_owned(),
            Some("keep one of the two columns, or rename the other".to_owned()),
        )),
        (None, None) => {
            let named = OptionField::WeightAttr.mention();
            Err(Error::invalid_naming(
                at(),
                format!(
                    "the ties table has a `channel` column, so it is long (one row per channel figure), but no value column `weight` or `value` (its columns: {})",
                    header.names.join(", ")
                ),
                Some(format!("add a column `weight` with each row's figure, or name the figures' column with {named}")),
                [named],
            ))
        }
    }
}

/// The error for a header without `from` (`no_from`) or without `to`: a table separated by
/// something else than commas, or columns under other names.
fn no_ends(header: &Header, no_from: bool) -> Error {
    let file = header.file.as_str();
    if let [only] = header.names.as_slice() {
        if let Some(sep) = [';', '\t', '|'].into_iter().find(|&c| only.contains(c)) {
            return Error::invalid(
                Location::file(file).at(1, 1).path("header"),
                format!(
                    "the header `{}` is one column: the table seems separated by `{}`, but leverage reads comma-separated values",
                    only.escape_default(),
                    sep.escape_default()
                ),
                Some("save the table as CSV with commas between fields (in a spreadsheet: \"CSV UTF-8 (comma delimited)\") and decimals written with a point".to_owned()),
            );
        }
    }
    Error::invalid(
        Location::file(file).at(1, 1).path("header"),
        format!(
            "the ties table has no `{}` column (its columns: {})",
            if no_from { "from" } else { "to" },
            header.names.join(", ")
        ),
        Some("name the actor columns `from,to` or `source,target` in the header row".to_owned()),
    )
}

/// The channel columns with their companions (`C_low`, `C_high`, `C_year`, `C_source`,
/// `C_citation`, `C_basis`, `C_cite`), by the channel each belongs to; every other column must
/// be a known one.
fn channel_columns(
    header: &Header,
    ends: [usize; 2],
    weight: Option<usize>,
    keys: Option<&CsvKeys>,
    problems: &mut Vec<Problem>,
) -> Vec<ChannelColumn> {
    let mut channel_cols: Vec<(String, usize)> = Vec::new();
    let mut companions: Vec<(String, &str, usize)> = Vec::new();
    for (c, h) in header.names.iter().enumerate() {
        if let Some(Role::Channel(ch, part)) = keys.and_then(|k| k.edges.get(h)) {
            match part {
                Part::Value => channel_cols.push((ch.clone(), c)),
                p => companions.push((ch.clone(), p.suffix(), c)),
            }
            continue;
        }
        let lower = h.to_ascii_lowercase();
        if ends.contains(&c) || Some(c) == weight || CSV_TIE_COLUMNS.contains(&lower.as_str()) {
            continue;
        }
        if let Some(sfx) = CSV_COMPANION_SUFFIXES.iter().find(|s| lower.ends_with(*s)) {
            let base = &lower[..lower.len() - sfx.len()];
            if header.names.iter().any(|x| x.eq_ignore_ascii_case(base)) {
                companions.push((channel_of_column(base).to_owned(), sfx, c));
                continue;
            }
        }
        if Channel::is_well_formed(&lower) {
            channel_cols.push((channel_of_column(&lower).to_owned(), c));
        } else {
            problems.push(Problem::new(
                header_at(header, c),
                format!("column `{h}` is neither a known column nor a channel name"),
                Some(format!(
                    "channel columns are lowercase identifiers (`trade`, `energy`); known columns: {}; rename or remove the column",
                    CSV_TIE_COLUMNS.join(", ")
                )),
            ));
        }
    }
    let companion = |ch: &str, sfx: &str| {
        companions
            .iter()
            .find(|(b, s, _)| b == ch && *s == sfx)
            .map(|x| x.2)
    };
    channel_cols
        .iter()
        .map(|(ch, c)| ChannelColumn {
            channel: Channel::from(ch.as_str()),
            value: *c,
            low: companion(ch, "_low"),
            high: companion(ch, "_high"),
            year: companion(ch, "_year"),
            source: companion(ch, "_source"),
            citation: companion(ch, "_citation"),
            basis: companion(ch, "_basis"),
            cite: companion(ch, "_cite"),
        })
        .collect()
}

/// One record of a table, for reading its cells with their places.
struct Row<'a> {
    record: &'a csv::StringRecord,
    line: usize,
    header: &'a Header,
}

impl Row<'_> {
    #[inline]
    fn cell(&self, c: Option<usize>) -> Option<&str> {
        field(self.record, c)
    }

    /// The number in column `c`, if any; a cell that is no number is a problem.
    fn number(&self, c: Option<usize>, problems: &mut Vec<Problem>) -> Option<f64> {
        let s = self.cell(c)?;
        match number(s) {
            Ok(x) => Some(x),
            Err(m) => {
                problems.push(Problem::new(
                    self.header.at(self.line, c),
                    m,
                    Some("write a number, e.g. `0.25`".to_owned()),
                ));
                None
            }
        }
    }

    /// The year in column `c`, if any; a cell that is no whole number is a problem.
    /// The basis in column `c`: unknown when empty; a word that is no basis is a problem (and
    /// reads as unknown).
    fn basis(&self, c: Option<usize>, problems: &mut Vec<Problem>) -> Basis {
        match self.cell(c).map(str::parse::<Basis>) {
            None => Basis::Unknown,
            Some(Ok(b)) => b,
            Some(Err(e)) => {
                problems.push(Problem::new(
                    self.header.at(self.line, c),
                    e.to_string(),
                    Some("write one of `official`, `published`, `derived`, `judgement`".to_owned()),
                ));
                Basis::Unknown
            }
        }
    }

    /// The citation ids in column `c`, comma-separated.
    fn cite(&self, c: Option<usize>) -> Cite {
        self.cell(c).map_or_else(Cite::none, |s| {
            Cite::many(s.split(',').map(str::trim).filter(|x| !x.is_empty()))
        })
    }

    fn year(&self, c: Option<usize>, problems: &mut Vec<Problem>) -> Option<i32> {
        let s = self.cell(c)?;
        match s.parse::<i32>() {
            Ok(y) => Some(y),
            Err(_) => {
                problems.push(Problem::new(
                    self.header.at(self.line, c),
                    format!("year `{s}` is not a whole number"),
                    Some("write the year the figure describes, e.g. `2023`".to_owned()),
                ));
                None
            }
        }
    }

    /// The range of columns `low` and `high` around `value`, if either is given.
    fn range(
        &self,
        low: Option<usize>,
        high: Option<usize>,
        value: f64,
        problems: &mut Vec<Problem>,
    ) -> Option<[f64; 2]> {
        match (self.number(low, problems), self.number(high, problems)) {
            (None, None) => None,
            (lo, hi) => Some([lo.unwrap_or(value), hi.unwrap_or(value)]),
        }
    }
}

/// The source and year of a row's figures where a channel gives none: the row's `citation`
/// and `year`, else the import's defaults.
struct RowBase {
    source: Arc<str>,
    year: i32,
}

impl TieColumns {
    /// The channels of one row: the figures of its channel columns (in its `channel_order`,
    /// if given) and its series.
    fn row_channels(
        &self,
        row: &Row<'_>,
        base: RowBase,
        problems: &mut Vec<Problem>,
    ) -> TieChannels {
        let mut figures = self.figures(row, base, problems);
        if let Some(order) = row.cell(self.order) {
            if let Some(ordered) = in_order(&figures, order) {
                figures = ordered;
            } else {
                problems.push(Problem::new(
                    row.header.at(row.line, self.order),
                    format!(
                        "channel_order `{order}` does not list the row's channels ({}) once each",
                        figures.keys().map(Channel::as_str).collect::<Vec<_>>().join(", ")
                    ),
                    Some("list each channel of the row once, or leave the cell empty for the columns' order".to_owned()),
                ));
            }
        }
        let series = row
            .cell(self.series)
            .and_then(|text| self.series(row, text, &figures, problems));
        TieChannels { figures, series }
    }

    /// The series of a row, from its `series` cell `text`: channel -> figures, oldest first, as
    /// in the native format. Each channel's latest figure must be the row's figure of it.
    fn series(
        &self,
        row: &Row<'_>,
        text: &str,
        figures: &Channels,
        problems: &mut Vec<Problem>,
    ) -> Option<Box<crate::model::Series>> {
        let mut bad = |msg: String, hint: &str| {
            problems.push(Problem::new(
                row.header.at(row.line, self.series),
                msg,
                Some(hint.to_owned()),
            ));
        };
        let parsed = match serde_json::from_str::<TieChannels>(text) {
            Ok(p) => p,
            Err(e) => {
                bad(
                    format!("the series is not channel -> figures: {e}"),
                    "write the series as in the native format (docs/FORMAT.md)",
                );
                return None;
            }
        };
        for (c, latest) in parsed.figures.iter() {
            match figures.get(c.as_str()) {
                None => bad(
                    format!("the series has channel `{c}`, but the row has no figure for it"),
                    "give the channel's latest figure in its columns, or remove it from the series",
                ),
                Some(f) if f != latest => bad(
                    format!("the series of channel `{c}` does not end with the row's figure of it"),
                    "the channel's columns hold the latest figure of its series: make them agree",
                ),
                Some(_) => {}
            }
        }
        parsed.series
    }

    /// The channel figures of one row, in the order of the columns.
    fn figures(&self, row: &Row<'_>, base: RowBase, problems: &mut Vec<Problem>) -> Channels {
        if self.channels.is_empty() {
            let value = row.number(self.weight, problems).unwrap_or(1.0);
            let range = row.range(self.low, self.high, value, problems);
            return Channels::one(
                self.single_channel.clone(),
                Figure {
                    value,
                    range,
                    source: base.source,
                    year: base.year,
                    basis: Basis::Unknown,
                    cite: Cite::none(),
                },
            );
        }
        let mut channels = Channels::with_capacity(self.channels.len());
        for col in &self.channels {
            if let Some(figure) = col.figure(row, &base, problems) {
                channels.insert(col.channel.clone(), figure);
            }
        }
        channels
    }

    /// Whether a row's tie is undirected (a tie each way), from its `type`.
    fn undirected(&self, row: &Row<'_>, problems: &mut Vec<Problem>) -> bool {
        match row.cell(self.kind).map(str::to_ascii_lowercase) {
            None => false,
            Some(k) if k == "directed" => false,
            Some(k) if k == "undirected" => true,
            Some(k) => {
                problems.push(Problem::new(
                    row.header.at(row.line, self.kind),
                    format!("type `{k}` is neither `directed` nor `undirected`"),
                    Some("leave it empty for a directed tie".to_owned()),
                ));
                false
            }
        }
    }
}

impl ChannelColumn {
    /// The figure of this channel in `row`, `None` if its cell is empty (or no number).
    fn figure(&self, row: &Row<'_>, base: &RowBase, problems: &mut Vec<Problem>) -> Option<Figure> {
        let value = row.number(Some(self.value), problems)?;
        let range = row.range(self.low, self.high, value, problems);
        let source = match row.cell(self.source).or_else(|| row.cell(self.citation)) {
            Some(s) => share(s),
            None => base.source.clone(),
        };
        let year = row.year(self.year, problems).unwrap_or(base.year);
        let basis = row.basis(self.basis, problems);
        let cite = row.cite(self.cite);
        Some(Figure {
            value,
            range,
            source,
            year,
            basis,
            cite,
        })
    }
}

/// `figures` in the order `order` (channel names, comma-separated), if it names each of them
/// once.
fn in_order(figures: &Channels, order: &str) -> Option<Channels> {
    let names: Vec<&str> = order.split(',').map(str::trim).collect();
    if names.len() != figures.len() {
        return None;
    }
    let mut out = Channels::with_capacity(names.len());
    for n in names {
        let (c, f) = figures.iter().find(|(c, _)| c.as_str() == n)?;
        if out.insert(c.clone(), f.clone()).is_some() {
            return None;
        }
    }
    Some(out)
}

/// The actor ids a ties table names, numbered in order of first mention, each held once.
///
/// An id of up to 15 bytes (every ISO code, most custom ids) is found by its bytes packed with its
/// length into one `u128`: a lookup compares integers in the table instead of following a
/// pointer to a string, which is most of the cost of reading a large table.
#[derive(Default)]
pub(super) struct Mentions {
    short: std::collections::HashMap<u128, u32, foldhash::fast::RandomState>,
    long: std::collections::HashMap<Arc<str>, u32, foldhash::fast::RandomState>,
    /// The ids, by number.
    pub ids: Vec<Arc<str>>,
}

impl Mentions {
    /// Room for `n` ids.
    fn with_capacity(n: usize) -> Self {
        Mentions {
            short: std::collections::HashMap::with_capacity_and_hasher(n, Default::default()),
            long: Default::default(),
            ids: Vec::with_capacity(n),
        }
    }

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

/// Reads every row of a ties table into numbered ties (an undirected row gives a tie each way,
/// `from -> to` first), recording each tie's place. Rows are read one at a time straight into
/// ties; `lines` (the table's line count) sizes the list once, `actor_rows` (the actors table's
/// line count, 0 without one) the ids, and `default_year` is the year of a figure without one.
///
/// # Errors
/// [`Error::Invalid`] for a row the `csv` crate cannot read (a ragged row, an open quote).
pub(super) fn read_ties(
    columns: &TieColumns,
    header: &Header,
    records: &mut Records<'_>,
    (lines, actor_rows, default_year): (usize, usize, i32),
    defaults: &ImportDefaults,
    places: &mut Places,
    problems: &mut Vec<Problem>,
) -> Result<(Vec<NumberedTie>, Mentions)> {
    let default_source = share(&defaults.source());
    if let Some(long) = &columns.long {
        let base = (default_source, default_year);
        return read_long_ties(columns, long, header, records, base, places, problems);
    }
    let mut numbered: Vec<NumberedTie> = Vec::with_capacity(lines);
    places.reserve_csv_ties(lines);
    // Actor ids, numbered in order of first mention; each tie's ends are such numbers, by which
    // the validation finds the actors without looking an id up again.
    let mut named = Mentions::with_capacity(actor_rows);
    let mut record = csv::StringRecord::new();
    while let Some(line) = records.next(&mut record)? {
        let row = Row {
            record: &record,
            line,
            header,
        };
        let base = RowBase {
            year: row.year(columns.year, problems).unwrap_or(default_year),
            source: match row.cell(columns.citation) {
                Some(s) => share(s),
                None => default_source.clone(),
            },
        };
        let channels = columns.row_channels(&row, base, problems);
        let undirected = columns.undirected(&row, problems);
        let (from, to) = (columns.from, columns.to);
        let f = named.mention(row.cell(Some(from)).unwrap_or_default());
        let t = named.mention(row.cell(Some(to)).unwrap_or_default());
        let note = row.cell(columns.note).map(str::to_owned);
        // An undirected tie is a tie each way, `from -> to` first.
        let reverse = undirected.then(|| NumberedTie {
            ends: [t, f],
            channels: channels.clone(),
            note: note.clone(),
        });
        places.push_csv_tie(line, from, to);
        numbered.push(NumberedTie {
            ends: [f, t],
            channels,
            note,
        });
        if let Some(reverse) = reverse {
            places.push_csv_tie(line, to, from);
            numbered.push(reverse);
        }
    }
    Ok((numbered, named))
}

/// Reads a long ties table: each row one channel figure of the tie `from -> to` (of both
/// directions when its `type` is `undirected`); the rows of one pair make one tie, its channels
/// in the order of their first rows. `base` is the default source and year of a figure.
///
/// # Errors
/// [`Error::Invalid`] for a row the `csv` crate cannot read. A pair with one channel twice, a row
/// without a channel or a value, a channel that is no channel name, and two different notes of
/// one tie go to `problems`, each naming its row and column.
fn read_long_ties(
    columns: &TieColumns,
    long: &LongColumns,
    header: &Header,
    records: &mut Records<'_>,
    (default_source, default_year): (Arc<str>, i32),
    places: &mut Places,
    problems: &mut Vec<Problem>,
) -> Result<(Vec<NumberedTie>, Mentions)> {
    use std::collections::HashMap;
    places.csv_long_table(long.value);
    let mut numbered: Vec<NumberedTie> = Vec::new();
    let mut named = Mentions::default();
    // Each pair's tie, and the line of each tie's channel figure and note.
    let mut tie_of: HashMap<[u32; 2], usize> = HashMap::new();
    let mut line_of: HashMap<(usize, Channel), usize> = HashMap::new();
    let mut note_line: HashMap<usize, usize> = HashMap::new();
    let mut record = csv::StringRecord::new();
    while let Some(line) = records.next(&mut record)? {
        let row = Row {
            record: &record,
            line,
            header,
        };
        let (from, to) = (columns.from, columns.to);
        let f = named.mention(row.cell(Some(from)).unwrap_or_default());
        let t = named.mention(row.cell(Some(to)).unwrap_or_default());
        let figure = long_figure(
            columns,
            long,
            &row,
            (&default_source, default_year),
            problems,
        );
        let note = row.cell(columns.note);
        let mut ends = vec![([f, t], (from, to))];
        if columns.undirected(&row, problems) {
            ends.push(([t, f], (to, from)));
        }
        for (pair, (c_from, c_to)) in ends {
            let j = *tie_of.entry(pair).or_insert_with(|| {
                places.push_csv_tie(line, c_from, c_to);
                numbered.push(NumberedTie {
                    ends: pair,
                    channels: TieChannels::default(),
                    note: None,
                });
                numbered.len() - 1
            });
            let tie = &mut numbered[j];
            let names = |tie: &NumberedTie| {
                let name = |i: u32| named.ids[i as usize].to_string();
                (name(tie.ends[0]), name(tie.ends[1]))
            };
            if let Some((channel, fig)) = &figure {
                if let Some(first) = line_of.insert((j, channel.clone()), line) {
                    let (a, b) = names(tie);
                    problems.push(Problem::new(
                        header.at(line, Some(long.channel)),
                        format!("the tie `{a}` -> `{b}` has channel `{channel}` twice: rows {first} and {line}"),
                        Some("keep one row per pair and channel (a yearly series is written in the native format)".to_owned()),
                    ));
                } else {
                    tie.channels.figures.insert(channel.clone(), fig.clone());
                    places.push_csv_channel(j, channel.as_str(), line);
                }
            }
            if let Some(n) = note {
                match &tie.note {
                    None => {
                        tie.note = Some(n.to_owned());
                        note_line.insert(j, line);
                    }
                    Some(old) if old == n => {}
                    Some(_) => {
                        let (a, b) = names(tie);
                        let first = note_line.get(&j).copied().unwrap_or(line);
                        problems.push(Problem::new(
                            header.at(line, columns.note),
                            format!("the tie `{a}` -> `{b}` has two different notes: rows {first} and {line}"),
                            Some("give the note on one of the tie's rows (or the same note on each)".to_owned()),
                        ));
                    }
                }
            }
        }
    }
    Ok((numbered, named))
}

/// The channel and figure of a row of a long table; `None` (with a problem) when the row has no
/// channel name, no value, or a cell that cannot be read.
fn long_figure(
    columns: &TieColumns,
    long: &LongColumns,
    row: &Row<'_>,
    (default_source, default_year): (&Arc<str>, i32),
    problems: &mut Vec<Problem>,
) -> Option<(Channel, Figure)> {
    let at = |c: usize| row.header.at(row.line, Some(c));
    let channel = match row.cell(Some(long.channel)) {
        None => {
            problems.push(Problem::new(
                at(long.channel),
                "the row names no channel".to_owned(),
                Some("write the channel of the row's figure, e.g. `trade`".to_owned()),
            ));
            None
        }
        Some(name) => {
            let lower = name.to_ascii_lowercase();
            if Channel::is_well_formed(&lower) {
                Some(Channel::from(lower.as_str()))
            } else {
                problems.push(Problem::new(
                    at(long.channel),
                    format!("`{name}` is not a channel name"),
                    Some("channel names are lowercase identifiers: a letter, then letters, digits or `_` (`trade`, `dual_use`)".to_owned()),
                ));
                None
            }
        }
    };
    let value = if row.cell(Some(long.value)).is_none() {
        problems.push(Problem::new(
            at(long.value),
            "the row has no value".to_owned(),
            Some("write the figure, a share in [0, 1] (e.g. `0.25`), or remove the row".to_owned()),
        ));
        None
    } else {
        row.number(Some(long.value), problems)
    };
    let (channel, value) = (channel?, value?);
    let range = row.range(columns.low, columns.high, value, problems);
    let source = match row.cell(long.source).or_else(|| row.cell(columns.citation)) {
        Some(s) => share(s),
        None => default_source.clone(),
    };
    let year = row.year(columns.year, problems).unwrap_or(default_year);
    let basis = row.basis(long.basis, problems);
    let cite = row.cite(long.cite);
    Some((
        channel,
        Figure {
            value,
            range,
            source,
            year,
            basis,
            cite,
        },
    ))
}
