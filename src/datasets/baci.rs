//! CEPII BACI: bilateral trade by exporter, importer and HS6 product, one file per year, read as
//! a stream into per-pair sums, then into trade, energy and dual-use shares.
//!
//! - **Country codes** are BACI's own numbers, read from the release's `country_codes` file in
//!   either layout (`iso_3digit_alpha`, or `country_iso3` from V202401); never ISO numeric
//!   (France is 251, the USA 842, India 699). Two codes of one ISO3 id (South Africa's 710 and
//!   711) are summed; codes without one (490 "Other Asia, nes", `N/A` or empty) count in every
//!   total but make no actor; codes the file lacks are reported.
//! - **Rows** (`t,i,j,k,v,q`, columns found by name): `k` stays text and must have its six
//!   digits (`010121`), `v` (thousands of USD) is right-aligned with spaces; `q` is not read.
//!   Values are summed exactly, as integers of 10⁻⁶ thousand USD, so the sums do not depend on
//!   the order of the rows.
//! - **Channels**: for year `y`, country `C` and partner `P`, with
//!   `bilateral(C, P) = v(C -> P) + v(P -> C)` and `total(C) = sum_P bilateral(C, P)` (the
//!   aggregates included), the tie `P -> C` has weight `bilateral(C, P) / total(C)`: `trade` over
//!   every product, `energy` over HS chapter 27, `dual_use` over the CHPL codes
//!   ([`super::chpl`]). Flows between two codes of one ISO3 id (710 -> 711) are left out.
//!
//! # References
//! G. Gaulier and S. Zignago, "BACI: International Trade Database at the Product-Level. The
//! 1994-2007 Version", CEPII Working Paper 2010-23, 2010.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use indexmap::IndexMap;

use super::chpl::{hs6_number, CodeSet, NOT_IN_HS2017};
use super::input::{
    bad, bad_line, for_each_record, read_file, release_in_name, text, HashingReader,
};
use super::{unknown_warning, unmatched_list, Dataset, FileRecord, Reading, TieFigure};
use crate::error::{Error, Result};
use crate::model::{Channel, ChannelDecl, Citation};

/// Sums are kept in units of 10⁻⁶ of BACI's unit (thousand USD).
const SCALE_DIGITS: usize = 6;

/// The channels BACI gives, in order.
pub const CHANNELS: [&str; 3] = ["trade", "energy", "dual_use"];

/// One BACI code: the ISO3 id it stands for (if any) and its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// BACI's number.
    pub code: u16,
    /// The ISO3 id, or `None` for an aggregate (`N/A` or empty).
    pub iso3: Option<String>,
    /// The name the file gives.
    pub name: String,
}

/// A release's country codes.
#[derive(Debug, Clone)]
pub struct CountryCodes {
    /// The codes, in file order.
    pub codes: Vec<Code>,
    /// The file's manifest entry.
    pub record: FileRecord,
}

impl CountryCodes {
    /// The entry of `code`.
    pub fn get(&self, code: u16) -> Option<&Code> {
        self.codes.iter().find(|c| c.code == code)
    }
}

/// Reads a `country_codes` file: UTF-8 (with or without a byte-order mark) or Latin-1, CRLF or
/// LF, either layout.
///
/// # Errors
/// [`Error::Invalid`] at the place of a missing column, a code that is not a number, or an ISO3
/// cell that is neither three letters nor `N/A`/empty.
pub fn read_codes(path: &Path) -> Result<CountryCodes> {
    let f = read_file(path)?;
    let t = text(&f.bytes, &f.name, true)?;
    let mut codes: Vec<Code> = Vec::new();
    let mut cols: Option<(usize, usize, usize, &'static str)> = None;
    for_each_record(&t, &f.name, 0, |h, line, r| {
        let (ci, ii, ni, _) = match cols {
            Some(c) => c,
            None => {
                let layout = if h.find("country_iso3").is_some() {
                    "country_iso3"
                } else {
                    "iso_3digit_alpha"
                };
                let idx = h.require(&["country_code", layout], "BACI country-codes file")?;
                let name = h
                    .find_any(&[
                        "country_name",
                        "country_name_abbreviation",
                        "country_name_full",
                    ])
                    .unwrap_or(idx[0]);
                let c = (idx[0], idx[1], name, layout);
                cols = Some(c);
                c
            }
        };
        let raw = r.get(ci).unwrap_or("").trim();
        let code: u16 = raw.parse().map_err(|_| {
            bad(
                &f.name,
                line,
                super::input::column(r, ci),
                format!("`country_code` is `{raw}`, not a BACI country number"),
                "give the release's own country-codes file, as CEPII distributes it",
            )
        })?;
        let iso = r.get(ii).unwrap_or("").trim();
        let iso3 = if iso.is_empty() || iso.eq_ignore_ascii_case("N/A") || iso == "NA" {
            None
        } else if iso.len() == 3 && iso.bytes().all(|b| b.is_ascii_uppercase()) {
            Some(iso.to_owned())
        } else {
            return Err(bad(
                &f.name,
                line,
                super::input::column(r, ii),
                format!("the ISO3 cell is `{iso}`, not three capital letters, `N/A` or empty"),
                "give the release's own country-codes file, as CEPII distributes it",
            ));
        };
        codes.push(Code {
            code,
            iso3,
            name: r.get(ni).unwrap_or("").trim().to_owned(),
        });
        Ok(())
    })?;
    let layout = cols.map_or("", |c| c.3);
    let record = FileRecord {
        dataset: Dataset::Baci,
        file: f.name.clone(),
        bytes: f.bytes.len() as u64,
        sha256: f.sha256,
        layout: format!("BACI country codes ({layout})"),
        version: release_in_name(&f.name),
        rows: codes.len() as u64,
        years: Vec::new(),
        unmatched: Vec::new(),
        details: serde_json::Map::new(),
    };
    Ok(CountryCodes { codes, record })
}

/// What a BACI year file holds once summed: per year, the value of each (exporter, importer)
/// pair of entities in each channel.
#[derive(Debug, Clone, Default)]
pub struct BaciSums {
    /// Entities: an ISO3 id, or `baci:<code>` for a code without one.
    pub entities: Vec<String>,
    /// Per year: the sums, `[(n × n) × 3]`, row-major by exporter then importer, in 10⁻⁶
    /// thousand USD, for the `n` entities known when the file ended.
    pub years: Vec<(i32, Vec<[u64; 3]>)>,
    /// The row length `n` of every matrix.
    pub stride: usize,
    /// Data rows read.
    pub rows: u64,
    /// Distinct CHPL codes seen.
    pub chpl_seen: Vec<String>,
    /// Rows per code that is not in the codes file.
    pub unknown_codes: IndexMap<u16, u64>,
    /// Rows per code that is an aggregate (no ISO3).
    pub aggregate_codes: IndexMap<u16, u64>,
    /// The file's size and SHA-256.
    pub bytes: u64,
    /// SHA-256 in hex.
    pub sha256: String,
}

/// Maps BACI codes to entities and holds the growing sums.
struct Accumulator<'a> {
    /// code -> entity + 1 (0: not seen yet).
    entity_of: Vec<u32>,
    entities: Vec<String>,
    n: usize,
    years: Vec<(i32, Vec<[u64; 3]>)>,
    chpl: &'a CodeSet,
    chpl_seen: std::collections::BTreeSet<u32>,
    unknown: IndexMap<u16, u64>,
    aggregate: IndexMap<u16, u64>,
    /// code -> whether it is an aggregate (no ISO3).
    is_aggregate: Vec<bool>,
}

impl<'a> Accumulator<'a> {
    fn new(codes: &CountryCodes, chpl: &'a CodeSet) -> Self {
        let mut acc = Accumulator {
            entity_of: vec![0; 10_000],
            entities: Vec::new(),
            n: 0,
            years: Vec::new(),
            chpl,
            chpl_seen: std::collections::BTreeSet::new(),
            unknown: IndexMap::new(),
            aggregate: IndexMap::new(),
            is_aggregate: vec![false; 10_000],
        };
        for c in &codes.codes {
            let key = match &c.iso3 {
                Some(iso) => iso.clone(),
                None => {
                    if let Some(slot) = acc.is_aggregate.get_mut(usize::from(c.code)) {
                        *slot = true;
                    }
                    format!("baci:{}", c.code)
                }
            };
            let e = match acc.entities.iter().position(|x| *x == key) {
                Some(e) => e,
                None => {
                    acc.entities.push(key);
                    acc.entities.len() - 1
                }
            };
            if let Some(slot) = acc.entity_of.get_mut(usize::from(c.code)) {
                *slot = u32::try_from(e + 1).unwrap_or(u32::MAX);
            }
        }
        acc.n = acc.entities.len().max(1);
        acc
    }

    /// The entity of `code`, adding a new one for a code the codes file lacks.
    #[inline]
    fn entity(&mut self, code: u16) -> usize {
        let slot = self.entity_of[usize::from(code)];
        if slot != 0 {
            if self.is_aggregate[usize::from(code)] {
                *self.aggregate.entry(code).or_insert(0) += 1;
            }
            return (slot - 1) as usize;
        }
        *self.unknown.entry(code).or_insert(0) += 1;
        let key = format!("baci:{code}");
        let e = match self.entities.iter().position(|x| *x == key) {
            Some(e) => e,
            None => {
                self.entities.push(key);
                self.entities.len() - 1
            }
        };
        // An unknown code stays "unknown" for the count: do not cache it.
        e
    }

    /// The position of year `t`'s sums in `years`, every matrix grown to the current number
    /// of entities (`self.n`).
    #[inline]
    fn year(&mut self, t: i32) -> usize {
        let need = self.entities.len().max(self.n);
        if need > self.n {
            let old = self.n;
            for (_, m) in &mut self.years {
                let mut grown = vec![[0u64; 3]; need * need];
                for a in 0..old {
                    grown[a * need..a * need + old].copy_from_slice(&m[a * old..a * old + old]);
                }
                *m = grown;
            }
            self.n = need;
        }
        match self.years.iter().position(|(y, _)| *y == t) {
            Some(p) => p,
            None => {
                self.years.push((t, vec![[0u64; 3]; self.n * self.n]));
                self.years.len() - 1
            }
        }
    }
}

/// The column positions of a BACI header.
#[derive(Debug, Clone, Copy)]
struct Layout {
    t: usize,
    i: usize,
    j: usize,
    k: usize,
    v: usize,
    fields: usize,
}

fn parse_header(line: &[u8], file: &str) -> Result<Layout> {
    let text = String::from_utf8_lossy(line);
    let text = text.trim_start_matches('\u{feff}');
    let names: Vec<String> = text
        .trim_end_matches(['\r', '\n'])
        .split(',')
        .map(|s| s.trim().trim_matches('"').to_owned())
        .collect();
    let header = super::input::Header {
        file: file.to_owned(),
        line: 1,
        names,
    };
    let idx = header.require(&["t", "i", "j", "k", "v"], "BACI data file (`t,i,j,k,v,q`)")?;
    Ok(Layout {
        t: idx[0],
        i: idx[1],
        j: idx[2],
        k: idx[3],
        v: idx[4],
        fields: header.names.len(),
    })
}

/// A field without its padding and quotes.
#[inline]
fn strip(mut f: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = f {
        f = rest;
    }
    while let [rest @ .., b' ' | b'\t' | b'\r'] = f {
        f = rest;
    }
    if f.len() >= 2 && f[0] == b'"' && f[f.len() - 1] == b'"' {
        f = &f[1..f.len() - 1];
    }
    f
}

#[inline]
fn small_int(f: &[u8]) -> Option<u32> {
    if f.is_empty() || f.len() > 9 {
        return None;
    }
    let mut n = 0u32;
    for &b in f {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(b - b'0');
    }
    Some(n)
}

/// A non-negative decimal in units of 10⁻⁶ (digits past the sixth decimal are dropped).
#[inline]
fn micro(f: &[u8]) -> Option<u64> {
    let mut int = 0u64;
    let mut frac = 0u64;
    let mut frac_digits = 0usize;
    let mut seen_dot = false;
    let mut digits = 0usize;
    for &b in f {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if seen_dot {
                    if frac_digits < SCALE_DIGITS {
                        frac = frac * 10 + u64::from(b - b'0');
                        frac_digits += 1;
                    }
                } else {
                    int = int.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    let mut scale = 1u64;
    for _ in frac_digits..SCALE_DIGITS {
        scale *= 10;
    }
    int.checked_mul(1_000_000)?.checked_add(frac * scale)
}

/// Reads one BACI data file as a stream (a 1 MiB buffer; memory does not grow with the file).
///
/// # Errors
/// [`Error::Read`]; [`Error::Invalid`] at `file:line:column` for a header without `t,i,j,k,v`,
/// a row with too few fields, a code or year that is not a number, a `k` that is not six digits
/// (the sign of a file rewritten by a tool that read `k` as a number), a `v` that is not a
/// non-negative decimal, or sums too large for 64 bits.
///
/// # Complexity
/// O(bytes) time; O(n² · years) memory for `n` country codes (a few hundred).
pub fn read_data(path: &Path, codes: &CountryCodes, chpl: &CodeSet) -> Result<BaciSums> {
    let name = path.display().to_string();
    let file = File::open(path).map_err(|e| Error::Read {
        path: path.to_owned(),
        source: e,
    })?;
    if file.metadata().is_ok_and(|m| m.is_dir()) {
        return Err(Error::invalid(
            crate::io::location::Location::file(&name),
            "this is a folder, not a file",
            Some("name a BACI year file, e.g. `BACI_HS22_Y2023_V202501.csv`".to_owned()),
        ));
    }
    let mut reader = HashingReader::new(file);
    let mut acc = Accumulator::new(codes, chpl);
    let mut buf: Vec<u8> = vec![0; 1 << 20];
    let mut filled = 0usize;
    let mut line_no: u64 = 0;
    let mut layout: Option<Layout> = None;
    // CEPII's own column order, `t,i,j,k,v,q`: rows take the fast path.
    let mut standard = false;
    let mut rows = 0u64;
    let mut eof = false;
    let read_err = |e| Error::Read {
        path: path.to_owned(),
        source: e,
    };
    while !eof {
        if filled == buf.len() {
            return Err(bad_line(
                &name,
                line_no + 1,
                "a line is longer than 1 MiB: this is not a BACI data file".into(),
                "give a BACI year file (`t,i,j,k,v,q`, one row per line)",
            ));
        }
        let n = reader.read(&mut buf[filled..]).map_err(read_err)?;
        if n == 0 {
            eof = true;
            if filled == 0 {
                break;
            }
            if buf[filled - 1] != b'\n' {
                buf.truncate(filled);
                buf.push(b'\n');
                filled += 1;
            }
        } else {
            filled += n;
        }
        let end = match buf[..filled].iter().rposition(|&b| b == b'\n') {
            Some(p) => p + 1,
            None => continue,
        };
        let mut start = 0usize;
        while start < end {
            let nl = start + memchr::memchr(b'\n', &buf[start..end]).unwrap_or(end - start - 1);
            let line = &buf[start..nl];
            line_no += 1;
            start = nl + 1;
            let Some(lay) = layout else {
                let l = parse_header(line, &name)?;
                standard = (l.t, l.i, l.j, l.k, l.v, l.fields) == (0, 1, 2, 3, 4, 6);
                layout = Some(l);
                continue;
            };
            if line.is_empty() || line == b"\r" {
                continue;
            }
            if !(standard && fast_row(line, &mut acc)) {
                parse_row(line, line_no, &lay, &mut acc, &name)?;
            }
            rows += 1;
        }
        buf.copy_within(end..filled, 0);
        filled -= end;
    }
    if layout.is_none() {
        return Err(Error::invalid(
            crate::io::location::Location::file(&name),
            "the file is empty: it has no header `t,i,j,k,v,q`".to_owned(),
            Some("give a BACI year file as CEPII distributes it".to_owned()),
        ));
    }
    let bytes = reader.bytes;
    let sha256 = reader.finish();
    // Grow every year's matrix to the final entity count.
    if let Some(&(t, _)) = acc.years.first() {
        acc.year(t);
    }
    let chpl_seen = acc.chpl_seen.iter().map(|n| format!("{n:06}")).collect();
    let stride = acc.n;
    let mut years = acc.years;
    years.sort_by_key(|(y, _)| *y);
    Ok(BaciSums {
        entities: acc.entities,
        years,
        stride,
        rows,
        chpl_seen,
        unknown_codes: acc.unknown,
        aggregate_codes: acc.aggregate,
        bytes,
        sha256,
    })
}

/// Digits up to a comma: the number and the position after the comma.
#[inline(always)]
fn digits_to_comma(line: &[u8], mut p: usize, max: usize) -> Option<(u32, usize)> {
    let start = p;
    let mut n = 0u32;
    while let Some(&b) = line.get(p) {
        if b == b',' {
            return (p > start && p - start <= max).then_some((n, p + 1));
        }
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n = n * 10 + u32::from(d);
        p += 1;
    }
    None
}

/// The fast path for a row in CEPII's own layout (`2021,4,24,382390,      52.051,       13.235`):
/// adds it and returns `true`, or returns `false` (adding nothing) for anything else, which
/// [`parse_row`] then reads or refuses with its place. `q` is not read, but the row must have
/// exactly six fields.
#[inline(always)]
fn fast_row(line: &[u8], acc: &mut Accumulator<'_>) -> bool {
    let Some((t, p)) = digits_to_comma(line, 0, 4) else {
        return false;
    };
    let Some((i, p)) = digits_to_comma(line, p, 4) else {
        return false;
    };
    let Some((j, p)) = digits_to_comma(line, p, 4) else {
        return false;
    };
    let k_start = p;
    let Some((k, mut p)) = digits_to_comma(line, p, 6) else {
        return false;
    };
    if p - 1 - k_start != 6 {
        return false; // `k` is not six digits
    }
    if !(1900..=2100).contains(&t) {
        return false;
    }
    while line.get(p) == Some(&b' ') {
        p += 1;
    }
    let mut int = 0u64;
    let mut digits = 0usize;
    while let Some(&b) = line.get(p) {
        let d = b.wrapping_sub(b'0');
        if d > 9 {
            break;
        }
        if digits >= 12 {
            return false;
        }
        int = int * 10 + u64::from(d);
        digits += 1;
        p += 1;
    }
    let mut frac = 0u64;
    let mut fd = 0usize;
    if line.get(p) == Some(&b'.') {
        p += 1;
        while let Some(&b) = line.get(p) {
            let d = b.wrapping_sub(b'0');
            if d > 9 {
                break;
            }
            if fd < SCALE_DIGITS {
                frac = frac * 10 + u64::from(d);
                fd += 1;
            }
            p += 1;
        }
    }
    if digits == 0 || line.get(p) != Some(&b',') {
        return false;
    }
    // `q`: no further comma.
    if line[p + 1..].contains(&b',') {
        return false;
    }
    let mut scale = 1u64;
    for _ in fd..SCALE_DIGITS {
        scale *= 10;
    }
    let value = int * 1_000_000 + frac * scale;
    let (Ok(i), Ok(j)) = (u16::try_from(i), u16::try_from(j)) else {
        return false;
    };
    let a = acc.entity(i);
    let b = acc.entity(j);
    let energy = k / 10_000 == 27;
    let dual = acc.chpl.contains(k);
    if dual {
        acc.chpl_seen.insert(k);
    }
    let pos = acc.year(t as i32);
    let n = acc.n;
    let cell = &mut acc.years[pos].1[a * n + b];
    // Overflow is left to the careful path, which reports it.
    let (Some(x), Some(y), Some(z)) = (
        cell[0].checked_add(value),
        cell[1].checked_add(if energy { value } else { 0 }),
        cell[2].checked_add(if dual { value } else { 0 }),
    ) else {
        return false;
    };
    *cell = [x, y, z];
    true
}

#[inline]
fn parse_row(
    line: &[u8],
    line_no: u64,
    lay: &Layout,
    acc: &mut Accumulator<'_>,
    name: &str,
) -> Result<()> {
    // Field boundaries (BACI never quotes a comma).
    let mut bounds = [(0usize, 0usize); 16];
    let mut count = 0usize;
    let mut s = 0usize;
    for (p, &b) in line.iter().enumerate() {
        if b == b',' {
            if count < bounds.len() {
                bounds[count] = (s, p);
            }
            count += 1;
            s = p + 1;
        }
    }
    if count < bounds.len() {
        bounds[count] = (s, line.len());
    }
    count += 1;
    let want = lay.t.max(lay.i).max(lay.j).max(lay.k).max(lay.v) + 1;
    if count < want || count != lay.fields {
        return Err(bad_line(
            name,
            line_no,
            format!(
                "the row has {count} fields, but the header has {}",
                lay.fields
            ),
            "give the BACI file as CEPII distributes it: one row `t,i,j,k,v,q` per line, with a decimal point (a decimal comma, `52,051`, splits a field)",
        ));
    }
    let field = |x: usize| {
        let (a, b) = bounds[x];
        (strip(&line[a..b]), a + 1)
    };
    let show = |f: &[u8]| String::from_utf8_lossy(f).into_owned();
    let (t, tc) = field(lay.t);
    let year = small_int(t)
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1900..=2100).contains(y))
        .ok_or_else(|| {
            bad(
                name,
                line_no,
                tc,
                format!("`t` is `{}`, not a year", show(t)),
                "`t` is the year of the flow, four digits",
            )
        })?;
    let code = |x: usize, what: &str| -> Result<u16> {
        let (f, c) = field(x);
        small_int(f)
            .and_then(|n| u16::try_from(n).ok())
            .filter(|&n| n < 10_000)
            .ok_or_else(|| {
                bad(
                    name,
                    line_no,
                    c,
                    format!("`{what}` is `{}`, not a BACI country code", show(f)),
                    "`i` and `j` are BACI's own country numbers (251 France, 842 USA), as its country-codes file lists them",
                )
            })
    };
    let i = code(lay.i, "i")?;
    let j = code(lay.j, "j")?;
    let (k, kc) = field(lay.k);
    let Some(kn) = hs6_number(k) else {
        let digits = k.iter().all(u8::is_ascii_digit);
        return Err(bad(
            name,
            line_no,
            kc,
            format!("`k` is `{}`, not a six-digit HS code", show(k)),
            if digits && k.len() == 5 {
                "the leading zero is lost: the file was rewritten by a tool that read `k` as a number; use CEPII's own file, or pad `k` to six digits"
            } else {
                "`k` is the HS6 product code, six digits with its leading zero (`010121`)"
            },
        ));
    };
    let (v, vc) = field(lay.v);
    let value = micro(v).ok_or_else(|| {
        bad(
            name,
            line_no,
            vc,
            format!("`v` is `{}`, not a non-negative decimal", show(v)),
            "`v` is the value in thousands of USD, e.g. `      52.051`",
        )
    })?;
    let a = acc.entity(i);
    let b = acc.entity(j);
    let energy = kn / 10_000 == 27;
    let dual = acc.chpl.contains(kn);
    if dual {
        acc.chpl_seen.insert(kn);
    }
    let pos = acc.year(year);
    let n = acc.n;
    let cell = &mut acc.years[pos].1[a * n + b];
    let overflow = || {
        bad(
            name,
            line_no,
            vc,
            "the sums of `v` exceed 64 bits".into(),
            "check `v`: BACI values are thousands of USD",
        )
    };
    cell[0] = cell[0].checked_add(value).ok_or_else(overflow)?;
    if energy {
        cell[1] = cell[1].checked_add(value).ok_or_else(overflow)?;
    }
    if dual {
        cell[2] = cell[2].checked_add(value).ok_or_else(overflow)?;
    }
    Ok(())
}

/// How a BACI file's sums become figures.
#[derive(Debug, Clone)]
pub struct BaciParams {
    /// Figures below this share are left out (0: keep all).
    pub min_share: f64,
}

impl Default for BaciParams {
    fn default() -> Self {
        BaciParams { min_share: 0.0 }
    }
}

/// One pair's shares, as the tests compare them: `from -> to`, a channel, the bilateral value,
/// `to`'s total, and the weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// The partner (holds leverage).
    pub from: std::sync::Arc<str>,
    /// The country (depends).
    pub to: std::sync::Arc<str>,
    /// The channel index in [`CHANNELS`].
    pub channel: usize,
    /// The year.
    pub year: i32,
    /// `bilateral(to, from)`, in thousand USD.
    pub bilateral: f64,
    /// `total(to)`, in thousand USD.
    pub total: f64,
    /// `bilateral / total`.
    pub weight: f64,
}

/// The shares of every pair with trade, every channel and year, both ends included whatever
/// their entity (the builder keeps ISO3 ends only).
///
/// # Complexity
/// O(years · n²).
pub fn shares(sums: &BaciSums) -> Vec<Share> {
    let n = sums.entities.len();
    let ids: Vec<std::sync::Arc<str>> = sums.entities.iter().map(|e| e.as_str().into()).collect();
    let mut out = Vec::new();
    for (year, m) in &sums.years {
        let stride = sums.stride;
        for (ch, _) in CHANNELS.iter().enumerate() {
            let bil = |c: usize, p: usize| -> u128 {
                u128::from(m[c * stride + p][ch]) + u128::from(m[p * stride + c][ch])
            };
            for c in 0..n {
                let total: u128 = (0..n).filter(|&p| p != c).map(|p| bil(c, p)).sum();
                if total == 0 {
                    continue;
                }
                for p in 0..n {
                    if p == c {
                        continue;
                    }
                    let b = bil(c, p);
                    if b == 0 {
                        continue;
                    }
                    out.push(Share {
                        from: ids[p].clone(),
                        to: ids[c].clone(),
                        channel: ch,
                        year: *year,
                        bilateral: b as f64 / 1e6,
                        total: total as f64 / 1e6,
                        weight: b as f64 / total as f64,
                    });
                }
            }
        }
    }
    out
}

/// The HS revision in a BACI file name (`HS92` in `BACI_HS92_Y2021_V202301.csv`).
pub fn hs_revision(name: &str) -> Option<String> {
    let stem = Path::new(name).file_stem()?.to_string_lossy().into_owned();
    stem.split(['_', '-'])
        .find(|p| p.len() == 4 && p.starts_with("HS") && p[2..].bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_owned)
}

/// Reads a BACI data file with its release's country codes and the CHPL codes, into figures.
///
/// # Errors
/// As [`read_data`].
pub fn read(
    path: &Path,
    codes: &CountryCodes,
    chpl: &CodeSet,
    params: &BaciParams,
) -> Result<Reading> {
    let sums = read_data(path, codes, chpl)?;
    let name = path.display().to_string();
    let version = release_in_name(&name).or_else(|| codes.record.version.clone());
    let hs = hs_revision(&name);
    let cite = format!(
        "baci-{}-{}",
        hs.as_deref().unwrap_or("hs").to_lowercase(),
        version.as_deref().unwrap_or("unversioned").to_lowercase()
    );
    let release = format!(
        "CEPII BACI {} {}",
        hs.as_deref()
            .unwrap_or("(HS revision not in the file name)"),
        version
            .as_deref()
            .unwrap_or("(release not in the file name)")
    );
    let pub_year = version
        .as_deref()
        .and_then(|v| v.get(1..5))
        .and_then(|y| y.parse::<i32>().ok())
        .or_else(|| sums.years.last().map(|(y, _)| *y))
        .unwrap_or(2000);
    let mut reading = Reading::default();
    reading.citations.insert(
        cite.clone(),
        Citation {
            publisher: "CEPII".into(),
            title: format!(
                "BACI: International Trade Database at the Product-Level, {} release {}",
                hs.as_deref().unwrap_or("HS"),
                version.as_deref().unwrap_or("(unknown)")
            ),
            table: Some(
                "yearly files BACI_<HS>_Y<year>_<release>.csv, summed by exporter and importer; Gaulier and Zignago (2010), CEPII Working Paper 2010-23".into(),
            ),
            year: pub_year,
            url: Some("http://www.cepii.fr/CEPII/en/bdd_modele/bdd_modele_item.asp?id=37".into()),
            accessed: None,
            via: None,
        },
    );
    let what = [
        "goods trade",
        "trade in mineral fuels (HS chapter 27)",
        "trade in the CHPL dual-use goods",
    ];
    let mut dropped = 0u64;
    // One source text per channel and year, shared by its figures: the tie's ends say who.
    let mut texts: Vec<((i32, usize), std::sync::Arc<str>)> = Vec::new();
    let cite_ids = crate::model::Cite::one(&cite);
    let channels = CHANNELS.map(Channel::from);
    for s in shares(&sums) {
        if s.from.starts_with("baci:") || s.to.starts_with("baci:") {
            continue;
        }
        if s.weight < params.min_share {
            dropped += 1;
            continue;
        }
        let key = (s.year, s.channel);
        let source = match texts.iter().find(|(k, _)| *k == key) {
            Some((_, t)) => t.clone(),
            None => {
                let t: std::sync::Arc<str> = format!(
                    "{release}, {}: the holder's share of the dependent's {} (exports + imports, every partner and aggregate in the total)",
                    s.year, what[s.channel]
                )
                .into();
                texts.push((key, t.clone()));
                t
            }
        };
        reading.ties.push(TieFigure {
            from: s.from,
            to: s.to,
            channel: channels[s.channel].clone(),
            figure: super::figure_shared(s.weight, &source, s.year, Dataset::Baci, &cite_ids),
        });
    }
    for c in &codes.codes {
        if let Some(iso) = &c.iso3 {
            reading
                .names
                .entry(iso.clone())
                .or_insert_with(|| c.name.clone());
        }
    }
    reading.channels.insert(
        Channel::from("dual_use"),
        ChannelDecl {
            family: None,
            description: Some(
                "the partner's share of the country's trade (exports + imports) in the 50 goods of the G7/EU Common High Priority List".into(),
            ),
        },
    );
    let mut unmatched: IndexMap<String, (&'static str, u64)> = IndexMap::new();
    for (code, rows) in &sums.unknown_codes {
        unmatched.insert(code.to_string(), ("unknown", *rows));
    }
    for (code, rows) in &sums.aggregate_codes {
        unmatched.insert(code.to_string(), ("aggregate", *rows));
    }
    let unmatched = unmatched_list(unmatched);
    if let Some(w) = unknown_warning(
        &name,
        "country codes (not in the country-codes file)",
        &unmatched,
    ) {
        reading.warnings.push(w);
    }
    let missing: Vec<String> = chpl
        .codes()
        .iter()
        .filter(|c| !sums.chpl_seen.contains(c))
        .cloned()
        .collect();
    if !missing.is_empty() && sums.rows > 1_000_000 {
        let why = match hs.as_deref() {
            Some("HS22") | None => String::new(),
            Some("HS17") => format!(
                "; HS 2017 lacks {} of them (the CHPL is in HS 2022 codes)",
                NOT_IN_HS2017.len()
            ),
            Some(other) => format!("; the CHPL is in HS 2022 codes, and {other} lacks some"),
        };
        reading.warnings.push(format!(
            "{name}: `dual_use` covers {} of the {} CHPL codes, {} do not occur{why}",
            sums.chpl_seen.len(),
            chpl.codes().len(),
            missing.len()
        ));
    }
    let mut details = serde_json::Map::new();
    details.insert("hs_revision".into(), hs.clone().into());
    details.insert("country_codes".into(), codes.record.file.clone().into());
    details.insert("dual_use_codes".into(), chpl.origin.clone().into());
    details.insert(
        "chpl_codes_seen".into(),
        serde_json::json!({"count": sums.chpl_seen.len(), "missing": missing}),
    );
    details.insert(
        "share".into(),
        "tie P -> C: (v(C->P) + v(P->C)) / sum over every partner of C, aggregates included; energy = HS chapter 27, dual_use = the CHPL codes".into(),
    );
    if params.min_share > 0.0 {
        details.insert("min_share".into(), params.min_share.into());
        details.insert("figures_below_min_share".into(), dropped.into());
    }
    reading.files.push(FileRecord {
        dataset: Dataset::Baci,
        file: name,
        bytes: sums.bytes,
        sha256: sums.sha256.clone(),
        layout: "BACI t,i,j,k,v,q".into(),
        version,
        rows: sums.rows,
        years: sums.years.iter().map(|(y, _)| *y).collect(),
        unmatched,
        details,
    });
    Ok(reading)
}

#[cfg(test)]
#[path = "tests/baci_tests.rs"]
mod tests;
