//! Ties: directed `from -> to` leverage, one figure per channel.

use std::borrow::Borrow;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use super::channels::Channels;
use super::provenance::{Basis, Cite};

/// A channel of influence: `trade`, `energy`, `security`, `finance`, `diplomacy`, `aid`,
/// `people`, or any other lowercase identifier.
///
/// The name is shared (`Arc<str>`): every tie of a channel points at one copy of its name.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Channel(pub Arc<str>);

impl Channel {
    /// The channel's name.
    pub fn as_str(&self) -> &str {
        &self.0[..]
    }

    /// Whether `s` is a well-formed channel name: `[a-z][a-z0-9_]*`, at most 32 characters.
    pub fn is_well_formed(s: &str) -> bool {
        let mut bytes = s.bytes();
        matches!(bytes.next(), Some(b'a'..=b'z'))
            && s.len() <= 32
            && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Channel {
    fn from(s: &str) -> Self {
        Channel(Arc::from(s))
    }
}

impl From<String> for Channel {
    fn from(s: String) -> Self {
        Channel(Arc::from(s))
    }
}

impl Borrow<str> for Channel {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// A sourced figure in [0, 1]: a best estimate, an optional uncertainty range, a source, a year,
/// and its provenance (a [`Basis`] and [`Cite`]d citations).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The best estimate, in [0, 1].
    pub value: f64,
    /// The uncertainty range `[low, high]`, with `low <= value <= high`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<[f64; 2]>,
    /// Where the figure comes from, or how it was derived. Shared (`Arc<str>`): the many
    /// figures that cite one source hold one copy of its text.
    #[serde(deserialize_with = "super::shared::deserialize")]
    pub source: Arc<str>,
    /// The year the figure describes.
    pub year: i32,
    /// What kind of figure it is; [`Basis::Unknown`] when the file does not say.
    #[serde(default, skip_serializing_if = "Basis::is_unknown")]
    pub basis: Basis,
    /// Where it can be found again: ids of the graph's citations.
    #[serde(default, skip_serializing_if = "Cite::is_empty")]
    pub cite: Cite,
}

impl Figure {
    /// A figure with a value, source and year, no range, basis unknown and no citation.
    pub fn new(value: f64, source: &str, year: i32) -> Self {
        Figure {
            value,
            range: None,
            source: Arc::from(source),
            year,
            basis: Basis::Unknown,
            cite: Cite::none(),
        }
    }

    /// The same figure with basis `basis`.
    pub fn with_basis(mut self, basis: Basis) -> Self {
        self.basis = basis;
        self
    }

    /// The same figure with range `[low, high]`.
    pub fn with_range(mut self, low: f64, high: f64) -> Self {
        self.range = Some([low, high]);
        self
    }

    /// The range, or `[value, value]` when the figure has none.
    pub fn bounds(&self) -> [f64; 2] {
        self.range.unwrap_or([self.value, self.value])
    }

    /// Whether the figure is uncertain (has a range of positive width).
    pub fn is_uncertain(&self) -> bool {
        self.range.is_some_and(|[lo, hi]| hi > lo)
    }
}

/// A directed tie: the figures of each channel by which `from` holds leverage over `to`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tie {
    /// The figure of each channel that analyses use, in file order: for a channel with a yearly
    /// series, the figure of the selected year (the latest, unless [`crate::model::InfluenceGraph::at_year`]
    /// chose another).
    pub channels: Channels,
    /// A comment on the tie.
    pub note: Option<String>,
    /// Yearly series, for the channels that have more than one figure (`None` for most ties).
    pub series: Option<Box<Series>>,
}

/// The yearly series of a tie's channels: each channel with its figures of distinct years,
/// oldest first. Only channels with more than one figure appear.
pub type Series = Vec<(Channel, Vec<Figure>)>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channel_names() {
        assert!(Channel::is_well_formed("trade"));
        assert!(Channel::is_well_formed("arms_2"));
        assert!(!Channel::is_well_formed("Trade"));
        assert!(!Channel::is_well_formed("2x"));
        assert!(!Channel::is_well_formed(""));
        assert!(!Channel::is_well_formed("a b"));
    }
}
