//! The G7/EU Common High Priority List (CHPL): the 50 HS 2022 six-digit codes of goods Russia's
//! weapons need, by tier. `leverage build` makes the `dual_use` channel of BACI from them.
//!
//! The codes and tiers are those of the US Bureau of Industry and Security's notice "Common High
//! Priority List (February 23, 2024)", drawn up with the EU, Japan and the UK, cross-checked as
//! `tests/fixtures/datasets/PROVENANCE.md` says; the European Commission publishes the same list
//! on its Russia-sanctions guidance pages (Regulation (EU) No 833/2014, Annex XL). Check them
//! against the Commission's PDF before citing them as the EU's list; `--chpl FILE` replaces them.

use std::path::Path;

use crate::error::Result;

use super::input::{bad, column, for_each_record, read_file, text};

/// The 50 codes with their tier, in the list's order.
pub const CHPL: [(&str, &str); 50] = [
    ("854231", "1"),
    ("854232", "1"),
    ("854233", "1"),
    ("854239", "1"),
    ("851762", "2"),
    ("852691", "2"),
    ("853221", "2"),
    ("853224", "2"),
    ("854800", "2"),
    ("847150", "3.A"),
    ("850440", "3.A"),
    ("851769", "3.A"),
    ("852589", "3.A"),
    ("852910", "3.A"),
    ("852990", "3.A"),
    ("853669", "3.A"),
    ("853690", "3.A"),
    ("854110", "3.A"),
    ("854121", "3.A"),
    ("854129", "3.A"),
    ("854130", "3.A"),
    ("854149", "3.A"),
    ("854151", "3.A"),
    ("854159", "3.A"),
    ("854160", "3.A"),
    ("848210", "3.B"),
    ("848220", "3.B"),
    ("848230", "3.B"),
    ("848250", "3.B"),
    ("880730", "3.B"),
    ("901310", "3.B"),
    ("901380", "3.B"),
    ("901420", "3.B"),
    ("901480", "3.B"),
    ("847180", "4.A"),
    ("848610", "4.A"),
    ("848620", "4.A"),
    ("848640", "4.A"),
    ("853400", "4.A"),
    ("854320", "4.A"),
    ("902750", "4.A"),
    ("903020", "4.A"),
    ("903032", "4.A"),
    ("903039", "4.A"),
    ("903082", "4.A"),
    ("845710", "4.B"),
    ("845811", "4.B"),
    ("845891", "4.B"),
    ("845961", "4.B"),
    ("846693", "4.B"),
];

/// The six CHPL codes that HS 2017 does not have (their HS 2017 predecessors are wider:
/// 8548.10/.90, 8525.80, 8541.40, 8541.50, 8803.30).
pub const NOT_IN_HS2017: [&str; 6] = ["852589", "854149", "854151", "854159", "854800", "880730"];

/// A set of HS6 codes, as a bitmap over 000000-999999 (125 KB: one test per row).
#[derive(Clone)]
pub struct CodeSet {
    bits: Vec<u64>,
    codes: Vec<String>,
    /// Where the codes come from.
    pub origin: String,
}

impl std::fmt::Debug for CodeSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CodeSet")
            .field("codes", &self.codes.len())
            .field("origin", &self.origin)
            .finish()
    }
}

impl CodeSet {
    /// The set of `codes` (each six digits).
    pub fn new<'a>(codes: impl IntoIterator<Item = &'a str>, origin: &str) -> Self {
        let mut bits = vec![0u64; 1_000_000 / 64 + 1];
        let mut list = Vec::new();
        for c in codes {
            if let Some(n) = hs6_number(c.as_bytes()) {
                bits[n as usize / 64] |= 1 << (n % 64);
                list.push(c.to_owned());
            }
        }
        list.sort();
        list.dedup();
        CodeSet {
            bits,
            codes: list,
            origin: origin.to_owned(),
        }
    }

    /// The built-in list ([`CHPL`]).
    pub fn chpl() -> Self {
        CodeSet::new(
            CHPL.iter().map(|(c, _)| *c),
            "the Common High Priority List (BIS notice of 23 February 2024; 50 HS 2022 codes)",
        )
    }

    /// The codes of column `hs6` of a CSV file (as `tests/fixtures/datasets/chpl-hs.csv`).
    ///
    /// # Errors
    /// The file cannot be read, lacks the column, or has a code that is not six digits.
    pub fn from_file(path: &Path) -> Result<Self> {
        let f = read_file(path)?;
        let t = text(&f.bytes, &f.name, false)?;
        let mut codes = Vec::new();
        let mut col = None;
        for_each_record(&t, &f.name, 0, |h, line, r| {
            let i = match col {
                Some(i) => i,
                None => {
                    let i = h.require(&["hs6"], "CHPL list (a column `hs6`)")?[0];
                    col = Some(i);
                    i
                }
            };
            let c = r.get(i).unwrap_or("").trim();
            if hs6_number(c.as_bytes()).is_none() {
                return Err(bad(
                    &f.name,
                    line,
                    column(r, i),
                    format!("`{c}` is not a six-digit HS code"),
                    "write each code with its six digits, leading zero included (`010121`)",
                ));
            }
            codes.push(c.to_owned());
            Ok(())
        })?;
        Ok(CodeSet::new(
            codes.iter().map(String::as_str),
            &format!("the codes of `{}`", f.name),
        ))
    }

    /// Whether HS6 code number `n` (0-999999) is in the set.
    #[inline]
    pub fn contains(&self, n: u32) -> bool {
        self.bits
            .get(n as usize / 64)
            .is_some_and(|w| w & (1 << (n % 64)) != 0)
    }

    /// The codes, sorted.
    pub fn codes(&self) -> &[String] {
        &self.codes
    }
}

/// The number of a six-digit code, if it is one.
#[inline]
pub fn hs6_number(s: &[u8]) -> Option<u32> {
    if s.len() != 6 {
        return None;
    }
    let mut n = 0u32;
    for &b in s {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(b - b'0');
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    // See: #13. The built-in list is the fixture's list, code for code and tier for tier
    // (tests/fixtures/datasets/chpl-hs.csv, checked by the pandas reference in expected/chpl.json).
    #[test]
    fn builtin_list_is_the_fixture() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/datasets");
        let text = std::fs::read_to_string(root.join("chpl-hs.csv")).unwrap();
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<(String, String, String)> = rdr
            .records()
            .map(|r| {
                let r = r.unwrap();
                (r[0].to_owned(), r[1].to_owned(), r[2].to_owned())
            })
            .collect();
        assert_eq!(rows.len(), 50);
        for ((code, tier, _), (c, t)) in rows.iter().zip(CHPL) {
            assert_eq!((code.as_str(), tier.as_str()), (c, t));
        }
        let mut missing: Vec<&str> = rows
            .iter()
            .filter(|r| r.2 == "no")
            .map(|r| r.0.as_str())
            .collect();
        missing.sort_unstable();
        assert_eq!(missing, NOT_IN_HS2017);
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("expected/chpl.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(expected["unique_codes"], 50);
        let set = CodeSet::chpl();
        assert_eq!(set.codes().len(), 50);
        assert!(set.contains(854231) && set.contains(846693));
        assert!(!set.contains(854230) && !set.contains(270900));
        assert_eq!(
            CodeSet::from_file(&root.join("chpl-hs.csv"))
                .unwrap()
                .codes(),
            set.codes()
        );
    }

    #[test]
    fn hs6_numbers() {
        assert_eq!(hs6_number(b"010121"), Some(10121));
        assert_eq!(hs6_number(b"10121"), None);
        assert_eq!(hs6_number(b"01012a"), None);
    }
}
