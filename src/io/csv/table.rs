//! Reading a CSV table: its header (column lookup, duplicate names, error places) and its
//! records one at a time, with the `csv` crate; fields as leverage reads them (trimmed, without
//! a neutralised formula's `'`) and numbers with a message for the usual spreadsheet slips.

use super::super::location::Location;
use crate::error::{Error, Result};
use crate::exchange::cells::unneutralise;

/// A CSV table's file name and header, for column lookup and error places.
pub(super) struct Header {
    pub file: String,
    pub names: Vec<String>,
    /// The character column where each field starts on the header line, when the line has no
    /// quotes (with quotes, fields cannot be placed by counting commas).
    starts: Option<Vec<usize>>,
}

impl Header {
    /// The first of `names` the header has (in any case).
    pub fn col(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.names.iter().position(|h| h.eq_ignore_ascii_case(n)))
    }

    /// Refuses a header that names a column twice (in any case): which of the two holds the
    /// figures would be a guess.
    pub fn refuse_duplicates(&self) -> Result<()> {
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

    /// The place of row `line` (and column `col`) in messages.
    pub fn at(&self, line: usize, col: Option<usize>) -> Location {
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
pub(super) struct Records<'t> {
    file: String,
    reader: csv::Reader<&'t [u8]>,
}

/// Opening a CSV table: its header and its records.
pub(super) struct Table;

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
    pub fn open<'t>(text: &'t str, file: &str) -> Result<(Header, Records<'t>)> {
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
    pub fn next(&mut self, record: &mut csv::StringRecord) -> Result<Option<usize>> {
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
#[inline]
pub(super) fn field(record: &csv::StringRecord, c: Option<usize>) -> Option<&str> {
    c.and_then(|c| record.get(c))
        .map(|f| unneutralise(f.trim_ascii()))
        .filter(|s| !s.is_empty())
}

/// A whole (small) table: the actors table.
pub(super) struct Sheet {
    pub header: Header,
    pub rows: Vec<(usize, Vec<String>)>,
}

/// Reads a whole table (refusing a header that names a column twice).
pub(super) fn read(text: &str, file: &str) -> Result<Sheet> {
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

/// A number from a trimmed cell, with a message naming a percentage or a decimal comma.
pub(super) fn number(s: &str) -> std::result::Result<f64, String> {
    match s.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x),
        // Rust reads `NaN`, `inf` and `infinity` as numbers; a figure or coordinate never is one.
        Ok(_) => Err(format!("`{s}` is not a finite number")),
        Err(_) if s.ends_with('%') => Err(format!(
            "`{s}` is a percentage; write it as a share, e.g. `0.3` for 30%"
        )),
        Err(_) if s.contains(',') => Err(format!(
            "`{s}` is not a number; write decimals with a point, e.g. `0.3`"
        )),
        Err(_) => Err(format!("`{s}` is not a number")),
    }
}
