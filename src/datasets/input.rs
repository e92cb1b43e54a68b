//! Reading a dataset file: its bytes and SHA-256, its text (UTF-8, or Latin-1 where a publisher
//! writes it), CSV records with their line numbers, columns found by name, and located errors
//! (`file:line:column: what` with a hint).

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Mention, Result};
use crate::io::location::Location;

/// A file's bytes, with what the manifest records of them.
#[derive(Debug, Clone)]
pub struct FileBytes {
    /// The file as named in messages.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// SHA-256 in hex.
    pub sha256: String,
}

/// Reads a whole file (at most [`crate::io::MAX_INPUT_BYTES`]) and hashes it.
///
/// # Errors
/// [`Error::Read`], or [`Error::Invalid`] for a folder or a file over the limit.
pub fn read_file(path: &Path) -> Result<FileBytes> {
    let bytes = crate::io::read_limited(path)?;
    let sha256 = hex(&Sha256::digest(&bytes));
    Ok(FileBytes {
        name: path.display().to_string(),
        bytes,
        sha256,
    })
}

/// Lowercase hex of a digest.
pub fn hex(digest: &[u8]) -> String {
    use std::fmt::Write as _;
    let mut s = String::with_capacity(digest.len() * 2);
    for b in digest {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// A streaming SHA-256 of everything read through it.
pub struct HashingReader<R> {
    inner: R,
    hasher: Sha256,
    /// Bytes read so far.
    pub bytes: u64,
}

impl<R: Read> HashingReader<R> {
    /// Wraps `inner`.
    pub fn new(inner: R) -> Self {
        HashingReader {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
        }
    }

    /// The hex SHA-256 of the bytes read.
    pub fn finish(self) -> String {
        hex(&self.hasher.finalize())
    }
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        Ok(n)
    }
}

/// The text of `bytes`: UTF-8 (a byte-order mark stripped); with `latin1`, bytes that are not
/// UTF-8 are read as Latin-1 (ISO 8859-1) instead of refused.
///
/// # Errors
/// [`Error::Invalid`] at the first invalid byte, unless `latin1`.
pub fn text<'a>(bytes: &'a [u8], name: &str, latin1: bool) -> Result<std::borrow::Cow<'a, str>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => Ok(std::borrow::Cow::Borrowed(s)),
        Err(_) if latin1 => Ok(std::borrow::Cow::Owned(
            body.iter().map(|&b| char::from(b)).collect(),
        )),
        Err(_) => crate::io::decode(bytes, name).map(std::borrow::Cow::Borrowed),
    }
}

/// A located error: `file:line:column: message`, with a hint.
pub fn bad(file: &str, line: u64, column: usize, message: String, hint: &str) -> Error {
    let line = usize::try_from(line).unwrap_or(usize::MAX);
    Error::invalid(
        Location::file(file).at(line, column.max(1)),
        message,
        Some(hint.to_owned()),
    )
}

/// [`bad`], with a hint that names a library option.
pub fn bad_naming(
    file: &str,
    line: u64,
    column: usize,
    message: String,
    hint: String,
    named: Mention,
) -> Error {
    let line = usize::try_from(line).unwrap_or(usize::MAX);
    Error::invalid_naming(
        Location::file(file).at(line, column.max(1)),
        message,
        Some(hint),
        [named],
    )
}

/// A located error at a whole line (column 1).
pub fn bad_line(file: &str, line: u64, message: String, hint: &str) -> Error {
    bad(file, line, 1, message, hint)
}

/// A CSV table's header, with columns found by name.
#[derive(Debug, Clone)]
pub struct Header {
    /// The file.
    pub file: String,
    /// The header's line.
    pub line: u64,
    /// The column names, trimmed, quotes removed.
    pub names: Vec<String>,
}

impl Header {
    /// The index of column `name`, if present.
    pub fn find(&self, name: &str) -> Option<usize> {
        self.names.iter().position(|n| n == name)
    }

    /// The index of the first of `names` present.
    pub fn find_any(&self, names: &[&str]) -> Option<usize> {
        names.iter().find_map(|n| self.find(n))
    }

    /// The indices of `names`, or an error naming every missing one.
    ///
    /// # Errors
    /// [`Error::Invalid`] at the header's line.
    pub fn require(&self, names: &[&str], layout: &str) -> Result<Vec<usize>> {
        let missing: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| self.find(n).is_none())
            .collect();
        if missing.is_empty() {
            return Ok(names.iter().filter_map(|n| self.find(n)).collect());
        }
        let shown: Vec<String> = self
            .names
            .iter()
            .take(12)
            .map(|n| format!("`{n}`"))
            .collect();
        Err(bad_line(
            &self.file,
            self.line,
            format!(
                "the header lacks the column{} {} of the {layout}; it has {}{}",
                if missing.len() > 1 { "s" } else { "" },
                missing
                    .iter()
                    .map(|m| format!("`{m}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                shown.join(", "),
                if self.names.len() > 12 { ", ..." } else { "" }
            ),
            "give the file as its publisher distributes it (docs/DATA.md lists the columns each reader needs), or the right flag for this dataset",
        ))
    }
}

/// A CSV record with the text of its line, so that each field's column is exact.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    rec: &'a csv::StringRecord,
    raw: &'a str,
}

impl<'a> Row<'a> {
    /// Field `i`, unquoted.
    pub fn get(&self, i: usize) -> Option<&'a str> {
        self.rec.get(i)
    }

    /// The number of fields.
    pub fn len(&self) -> usize {
        self.rec.len()
    }

    /// Whether the record has no field.
    pub fn is_empty(&self) -> bool {
        self.rec.is_empty()
    }

    /// The fields.
    pub fn iter(&self) -> csv::StringRecordIter<'a> {
        self.rec.iter()
    }

    /// The 1-based column (in characters) where field `i` starts on its line, quotes
    /// included.
    pub fn column(&self, i: usize) -> usize {
        let mut field = 0;
        let mut quoted = false;
        for (col, c) in self.raw.chars().enumerate() {
            if field == i {
                return col + 1;
            }
            match c {
                '"' => quoted = !quoted,
                ',' if !quoted => field += 1,
                _ => {}
            }
        }
        self.raw.chars().count() + 1
    }
}

/// The 1-based column of field `i` of `row` (see [`Row::column`]).
pub fn column(row: &Row<'_>, i: usize) -> usize {
    row.column(i)
}

/// The CSV records of `text` after its first `skip` lines: the header (the first record), then
/// `each(line, record)` for every data record. Rows of the wrong length are located errors.
///
/// # Errors
/// A malformed record (an unterminated quote, a ragged row) at its line, or the error `each`
/// returns.
pub fn for_each_record(
    text: &str,
    file: &str,
    skip: usize,
    mut each: impl FnMut(&Header, u64, &Row<'_>) -> Result<()>,
) -> Result<Header> {
    let body = skip_lines(text, skip);
    let offset = skip as u64;
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut header: Option<Header> = None;
    let mut rec = csv::StringRecord::new();
    // Lines counted from byte offsets (the csv crate's own line numbers skip blank lines).
    let bytes = body.as_bytes();
    let (mut at_byte, mut at_line) = (0usize, 1u64);
    let mut line_of = |byte: u64| -> (u64, usize) {
        let mut b = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
        // A record after blank lines starts where they start.
        while matches!(bytes.get(b), Some(b'\n' | b'\r')) {
            b += 1;
        }
        if b >= at_byte {
            at_line += bytes[at_byte..b].iter().filter(|&&c| c == b'\n').count() as u64;
        } else {
            at_line = 1 + bytes[..b].iter().filter(|&&c| c == b'\n').count() as u64;
        }
        at_byte = b;
        (at_line, b)
    };
    loop {
        match rdr.read_record(&mut rec) {
            Ok(false) => break,
            Ok(true) => {}
            Err(e) => {
                let line = e.position().map_or(0, |p| line_of(p.byte()).0) + offset;
                return Err(bad_line(
                    file,
                    line.max(1),
                    format!("the CSV cannot be read here: {e}"),
                    "close every quote (`\"`) and keep one record per line",
                ));
            }
        }
        let (line, start) = rec.position().map_or((0, 0), |p| line_of(p.byte()));
        let line = line + offset;
        let rest = body.get(start..).unwrap_or("");
        let raw = rest[..rest.find('\n').unwrap_or(rest.len())].trim_end_matches('\r');
        let row = Row { rec: &rec, raw };
        if let Some(i) = rec.iter().position(|f| f.contains(['\n', '\r'])) {
            return Err(bad(
                file,
                line,
                row.column(i),
                "a quoted field runs over the end of the line: a quote (`\"`) is not closed".into(),
                "close the quote; these datasets have one record per line",
            ));
        }
        match &header {
            None => {
                if rec.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                header = Some(Header {
                    file: file.to_owned(),
                    line,
                    names: rec
                        .iter()
                        .map(|f| f.trim().trim_matches('"').trim().to_owned())
                        .collect(),
                });
            }
            Some(h) => {
                if rec.len() == 1 && rec.get(0).is_some_and(|f| f.trim().is_empty()) {
                    continue; // a blank line
                }
                if rec.len() != h.names.len() {
                    return Err(bad_line(
                        file,
                        line,
                        format!(
                            "the row has {} fields, but the header (line {}) has {}",
                            rec.len(),
                            h.line,
                            h.names.len()
                        ),
                        "quote fields that contain commas, and give every row the header's columns",
                    ));
                }
                each(h, line, &row)?;
            }
        }
    }
    header.ok_or_else(|| {
        Error::invalid(
            Location::file(file),
            "the file has no header row: it is empty".to_owned(),
            Some("give the file as its publisher distributes it".to_owned()),
        )
    })
}

/// `text` without its first `n` lines.
pub fn skip_lines(text: &str, n: usize) -> &str {
    let mut rest = text;
    for _ in 0..n {
        match rest.find('\n') {
            Some(i) => rest = &rest[i + 1..],
            None => return "",
        }
    }
    rest
}

/// Parses a number cell: trimmed, then a finite decimal; `None` for an empty cell or one of
/// `empty` (`NA`, `..`).
///
/// # Errors
/// [`Error::Invalid`] at the cell for anything else.
pub fn number(
    file: &str,
    line: u64,
    record: &Row<'_>,
    i: usize,
    what: &str,
    empty: &[&str],
) -> Result<Option<f64>> {
    let raw = record.get(i).unwrap_or("").trim();
    if raw.is_empty() || empty.contains(&raw) {
        return Ok(None);
    }
    match raw.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(bad(
            file,
            line,
            column(record, i),
            format!("{what} is `{raw}`, not a number"),
            "write numbers with a decimal point and no thousands separators; leave the cell empty where there is no value",
        )),
    }
}

/// Parses a year cell (1900-2100).
///
/// # Errors
/// [`Error::Invalid`] at the cell.
pub fn year(file: &str, line: u64, record: &Row<'_>, i: usize, what: &str) -> Result<i32> {
    let raw = record.get(i).unwrap_or("").trim();
    match raw.parse::<i32>() {
        Ok(y) if (1900..=2100).contains(&y) => Ok(y),
        _ => Err(bad(
            file,
            line,
            column(record, i),
            format!("{what} is `{raw}`, not a year in 1900-2100"),
            "give the year as four digits, e.g. `2023`",
        )),
    }
}

/// The release named in a file name: `V202301` or `V202401b` in `BACI_HS92_Y2021_V202301.csv`.
pub fn release_in_name(name: &str) -> Option<String> {
    let stem = Path::new(name).file_stem()?.to_string_lossy().into_owned();
    stem.split(['_', '-', '.', ' '])
        .find(|p| {
            p.len() >= 7
                && p.starts_with('V')
                && p[1..7].bytes().all(|b| b.is_ascii_digit())
                && p[7..].bytes().all(|b| b.is_ascii_lowercase())
        })
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn releases_in_names() {
        assert_eq!(
            release_in_name("x/BACI_HS92_Y2021_V202301-head500.csv").as_deref(),
            Some("V202301")
        );
        assert_eq!(
            release_in_name("country_codes_V202401b.csv").as_deref(),
            Some("V202401b")
        );
        assert_eq!(release_in_name("codes.csv"), None);
    }

    #[test]
    fn latin1_is_read_only_when_allowed() {
        let bytes = b"a,b\nC\xF4te,1\n";
        assert!(text(bytes, "f.csv", false).is_err());
        assert_eq!(text(bytes, "f.csv", true).unwrap(), "a,b\nC\u{f4}te,1\n");
        assert_eq!(text(b"\xEF\xBB\xBFa", "f", false).unwrap(), "a");
    }

    #[test]
    fn records_and_ragged_rows() {
        let mut seen = Vec::new();
        let h = for_each_record("pre\nx,y\n1,2\n\n3,4\n", "f.csv", 1, |_, line, r| {
            seen.push((line, r.get(1).unwrap().to_owned()));
            Ok(())
        })
        .unwrap();
        assert_eq!(h.names, ["x", "y"]);
        assert_eq!(h.line, 2);
        assert_eq!(seen, [(3, "2".to_owned()), (5, "4".to_owned())]);
        let mut cols = Vec::new();
        for_each_record("a,b,c\n\"a\",\"b,ç\",d\n", "f.csv", 0, |_, _, r| {
            cols = (0..3).map(|i| r.column(i)).collect();
            Ok(())
        })
        .unwrap();
        // `"a",` is 4 characters, `"b,ç",` 6 (characters, not bytes).
        assert_eq!(cols, [1, 5, 11]);
        let e = for_each_record("x,y\n1,2,3\n", "f.csv", 0, |_, _, _| Ok(())).unwrap_err();
        assert!(
            e.to_string().starts_with("f.csv:2:1: the row has 3 fields"),
            "{e}"
        );
    }
}
