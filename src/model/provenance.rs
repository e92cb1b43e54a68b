//! Provenance: what kind of figure a number is ([`Basis`]), and the [`Citation`]s that let
//! anyone find it again.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

/// What kind of figure a number is: an official statistic, a figure published by a named body,
/// a figure derived by a stated formula, or an analyst's judgement. Figures of version-1 files
/// have basis [`Basis::Unknown`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Basis {
    /// An official statistic, or a share computed from official statistics alone.
    Official,
    /// A figure published by a named body that is not an official statistic (SIPRI, a think
    /// tank's tracker).
    Published,
    /// Computed by a stated formula from other figures, at least one of them not official.
    Derived,
    /// An analyst's judgement where no published figure exists.
    Judgement,
    /// Not stated (a version-1 file, an imported table).
    #[default]
    Unknown,
}

impl Basis {
    /// Every basis, in order of decreasing authority.
    pub const ALL: [Basis; 5] = [
        Basis::Official,
        Basis::Published,
        Basis::Derived,
        Basis::Judgement,
        Basis::Unknown,
    ];

    /// The name in files and on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Basis::Official => "official",
            Basis::Published => "published",
            Basis::Derived => "derived",
            Basis::Judgement => "judgement",
            Basis::Unknown => "unknown",
        }
    }

    /// Whether the basis is [`Basis::Unknown`].
    pub fn is_unknown(&self) -> bool {
        *self == Basis::Unknown
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing a [`Basis`] or a [`BasisSet`]: the name that is not a basis.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownBasis(pub String);

impl fmt::Display for UnknownBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a basis; the bases are `official`, `published`, `derived`, `judgement` \
             and `unknown`",
            self.0
        )
    }
}

impl std::error::Error for UnknownBasis {}

impl FromStr for Basis {
    type Err = UnknownBasis;

    /// Parses a basis name, case-insensitively; `judgment` is accepted for `judgement`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        Basis::ALL
            .into_iter()
            .find(|b| b.name().eq_ignore_ascii_case(t))
            .or_else(|| {
                t.eq_ignore_ascii_case("judgment")
                    .then_some(Basis::Judgement)
            })
            .ok_or_else(|| UnknownBasis(t.to_owned()))
    }
}

impl Serialize for Basis {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Basis {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        s.parse().map_err(|_| {
            serde::de::Error::custom(format_args!(
                "`{s}` is not a basis: write `official`, `published`, `derived` or `judgement`"
            ))
        })
    }
}

/// A set of bases, for keeping only some kinds of figure (`--basis official,published`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BasisSet(u8);

impl BasisSet {
    /// Every basis, `unknown` included.
    pub const ALL: BasisSet = BasisSet(0b1_1111);

    /// The empty set.
    pub const NONE: BasisSet = BasisSet(0);

    /// The set of the given bases.
    pub fn of(bases: &[Basis]) -> Self {
        BasisSet(bases.iter().fold(0, |acc, b| acc | b.bit()))
    }

    /// Whether `basis` is in the set.
    pub fn contains(self, basis: Basis) -> bool {
        self.0 & basis.bit() != 0
    }

    /// Whether every basis is in the set (the filter keeps everything).
    pub fn is_all(self) -> bool {
        self == BasisSet::ALL
    }

    /// The set without `basis`.
    pub fn without(self, basis: Basis) -> Self {
        BasisSet(self.0 & !basis.bit())
    }

    /// The bases of the set, in [`Basis::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = Basis> {
        Basis::ALL.into_iter().filter(move |b| self.contains(*b))
    }
}

impl Default for BasisSet {
    fn default() -> Self {
        BasisSet::ALL
    }
}

impl fmt::Display for BasisSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.iter().map(Basis::name).collect();
        f.write_str(&names.join(","))
    }
}

impl FromStr for BasisSet {
    type Err = UnknownBasis;

    /// Parses a comma-separated list of bases (`official,published,derived`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let mut set = BasisSet::NONE;
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            set.0 |= part.parse::<Basis>()?.bit();
        }
        if set == BasisSet::NONE {
            return Err(UnknownBasis(s.trim().to_owned()));
        }
        Ok(set)
    }
}

/// Where a figure can be found again: publisher, title, table, year and an address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Who published it.
    pub publisher: String,
    /// The publication, database or press release.
    pub title: String,
    /// The table, series, page or query inside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<String>,
    /// The year of publication.
    pub year: i32,
    /// An address where it can be found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was read, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<String>,
    /// Who reported it, where the primary source was read second-hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

impl Citation {
    /// The citation in one line: `publisher, title (table), year; via ...; url`.
    pub fn render(&self) -> String {
        let mut s = format!("{}, {}", self.publisher, self.title);
        if let Some(t) = &self.table {
            s.push_str(&format!(" ({t})"));
        }
        s.push_str(&format!(", {}", self.year));
        if let Some(v) = &self.via {
            s.push_str(&format!("; via {v}"));
        }
        if let Some(u) = &self.url {
            s.push_str(&format!("; {u}"));
        }
        s
    }

    /// Whether `s` is a well-formed citation id: 1-64 lowercase ASCII letters, digits, `-`, `_`
    /// or `.`, starting with a letter or digit.
    pub fn is_well_formed_id(s: &str) -> bool {
        let mut b = s.bytes();
        matches!(b.next(), Some(c) if c.is_ascii_lowercase() || c.is_ascii_digit())
            && s.len() <= 64
            && b.all(|c| {
                c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, b'-' | b'_' | b'.')
            })
    }
}

/// Citation ids of a figure, fact or group: none, one, or several (a derived figure cites its
/// inputs). Written as a string when there is one, an array when there are several.
///
/// The ids are shared: copying a figure (a view of the graph copies every one of them) copies
/// no citation, and no citation allocates nothing. A `Cite` is one pointer wide (the ids' slice
/// sits behind it), so that it adds 8 bytes, not 16, to each of the graph's figures.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Cite(Option<Arc<Box<[Arc<str>]>>>);

impl Cite {
    /// No citation.
    pub fn none() -> Self {
        Cite::default()
    }

    /// One citation id.
    pub fn one(id: &str) -> Self {
        Cite(Some(Arc::new(Box::new([super::shared::share(id)]))))
    }

    /// Several citation ids, in order.
    pub fn many<'a>(ids: impl IntoIterator<Item = &'a str>) -> Self {
        let ids: Box<[Arc<str>]> = ids.into_iter().map(super::shared::share).collect();
        Cite((!ids.is_empty()).then(|| Arc::new(ids)))
    }

    /// Whether there is no citation.
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// The ids, in order.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.0
            .as_deref()
            .map_or(&[][..], |ids| &ids[..])
            .iter()
            .map(|a| &a[..])
    }
}

impl Serialize for Cite {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.as_deref().map_or(&[][..], |ids| &ids[..]) {
            [one] => s.serialize_str(one),
            many => many.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Cite {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct CiteVisitor;
        impl<'de> serde::de::Visitor<'de> for CiteVisitor {
            type Value = Cite;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a citation id or an array of citation ids")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Cite, E> {
                Ok(Cite::one(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Cite, A::Error> {
                let mut out: Vec<Arc<str>> =
                    Vec::with_capacity(seq.size_hint().unwrap_or(1).min(16));
                while let Some(s) = seq.next_element::<std::borrow::Cow<'de, str>>()? {
                    out.push(super::shared::share(&s));
                }
                Ok(Cite(
                    (!out.is_empty()).then(|| Arc::new(out.into_boxed_slice())),
                ))
            }
        }
        d.deserialize_any(CiteVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basis_names_round_trip_and_sets_parse() {
        for b in Basis::ALL {
            assert_eq!(b.name().parse::<Basis>().unwrap(), b);
        }
        assert_eq!("Judgment".parse::<Basis>().unwrap(), Basis::Judgement);
        assert!("estimate".parse::<Basis>().is_err());
        let s: BasisSet = "official, published,derived".parse().unwrap();
        assert!(s.contains(Basis::Official) && s.contains(Basis::Derived));
        assert!(!s.contains(Basis::Judgement) && !s.contains(Basis::Unknown));
        assert_eq!(s.to_string(), "official,published,derived");
        assert!("".parse::<BasisSet>().is_err());
        assert!("official,guess".parse::<BasisSet>().is_err());
        assert!(BasisSet::ALL.is_all());
        assert!(!BasisSet::ALL
            .without(Basis::Judgement)
            .contains(Basis::Judgement));
    }

    #[test]
    fn cite_is_a_string_or_an_array() {
        let one: Cite = serde_json::from_str(r#""gacc-2023""#).unwrap();
        assert_eq!(one.ids().collect::<Vec<_>>(), ["gacc-2023"]);
        assert_eq!(serde_json::to_string(&one).unwrap(), r#""gacc-2023""#);
        let two: Cite = serde_json::from_str(r#"["a","b"]"#).unwrap();
        assert_eq!(serde_json::to_string(&two).unwrap(), r#"["a","b"]"#);
        assert!(serde_json::from_str::<Cite>("3").is_err());
        assert!(Citation::is_well_formed_id("sipri-fs-2025.v2"));
        assert!(!Citation::is_well_formed_id("Sipri"));
        assert!(!Citation::is_well_formed_id("-x"));
        assert!(!Citation::is_well_formed_id(""));
    }
}
