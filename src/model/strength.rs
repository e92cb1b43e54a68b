//! Aggregate tie strength (channels combined by a [`Combine`] rule, with emphasis) and the
//! distances that turn strengths into path costs.

use std::collections::BTreeMap;

use serde::Serialize;
use std::fmt;
use std::str::FromStr;

use super::tie::{Channel, Figure, Tie};
use crate::error::Error;

/// How much each channel counts, `a_c` in [0, 1]. Channels not listed get the default (1 unless
/// set with `*=x`).
#[derive(Debug, Clone, PartialEq)]
pub struct ChannelEmphasis {
    /// Emphasis of channels not listed.
    pub default: f64,
    /// Emphasis per channel.
    pub per_channel: BTreeMap<Channel, f64>,
}

impl Default for ChannelEmphasis {
    fn default() -> Self {
        ChannelEmphasis {
            default: 1.0,
            per_channel: BTreeMap::new(),
        }
    }
}

impl ChannelEmphasis {
    /// The emphasis of `channel`.
    pub fn of(&self, channel: &Channel) -> f64 {
        self.per_channel
            .get(channel)
            .copied()
            .unwrap_or(self.default)
    }

    /// The channels named in the emphasis, for checking them against a graph's channels.
    pub fn named(&self) -> impl Iterator<Item = &Channel> + '_ {
        self.per_channel.keys()
    }
}

/// How the channels of one tie combine into its strength (docs/MODEL.md, "Overlapping
/// channels").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Combine {
    /// The strongest channel of each family (channels that measure one flow), then the noisy-OR
    /// across families: overlapping views of one dependence count once, independent
    /// dependences add up. The default.
    #[default]
    Nested,
    /// Every channel as an independent chance: `1 - prod_c (1 - a_c w_c)` (version 1's rule).
    NoisyOr,
    /// The strongest channel alone.
    Max,
}

impl Combine {
    /// Every rule, the default first.
    pub const ALL: [Combine; 3] = [Combine::Nested, Combine::NoisyOr, Combine::Max];

    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Combine::Nested => "nested",
            Combine::NoisyOr => "noisy-or",
            Combine::Max => "max",
        }
    }
}

impl fmt::Display for Combine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The family of channels that measure the same flow, for a channel that no graph declares:
/// `trade`, `energy`, `dual_use`, `food` and `finance` are views of one economic dependence
/// (energy, dual-use goods and food are parts of goods trade; payments settle the same flows);
/// any other channel is a family of its own.
pub fn builtin_family(channel: &str) -> &str {
    match channel {
        "trade" | "energy" | "dual_use" | "food" | "finance" => "economic",
        other => other,
    }
}

/// The family of the diplomatic channel: pressure through it is already applied by a state
/// that votes with the EU ([`crate::model::Stance::applied`]).
pub const DIPLOMATIC_FAMILY: &str = "diplomacy";

/// How a tie's figures become one strength: channel emphasis and the combination rule.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StrengthRule {
    /// How much each channel counts.
    pub emphasis: ChannelEmphasis,
    /// How channels combine.
    pub combine: Combine,
}

impl StrengthRule {
    /// A rule with `emphasis` and the default combination.
    pub fn new(emphasis: ChannelEmphasis) -> Self {
        StrengthRule {
            emphasis,
            combine: Combine::default(),
        }
    }

    /// The same rule with combination `combine`.
    pub fn with_combine(mut self, combine: Combine) -> Self {
        self.combine = combine;
        self
    }

    /// The strength of `tie`: each channel's figure value times its emphasis, combined by the
    /// rule, with `family` naming each channel's family.
    ///
    /// # Complexity
    /// O(c²) for c channels (c is a handful); O(1) for a tie of one channel.
    pub fn strength(&self, tie: &Tie, family: &dyn Fn(&Channel) -> Families) -> f64 {
        self.strength_by(tie, family, |_, f| f.value)
    }

    /// [`StrengthRule::strength`] with each channel's value read by `value` (a draw of the
    /// figure, or the part of it not yet applied).
    ///
    /// # Complexity
    /// As [`StrengthRule::strength`].
    pub fn strength_by(
        &self,
        tie: &Tie,
        family: &dyn Fn(&Channel) -> Families,
        value: impl Fn(&Channel, &Figure) -> f64,
    ) -> f64 {
        let mut it = tie.channels.iter();
        let Some((c0, f0)) = it.next() else {
            return 0.0;
        };
        let first = self.emphasis.of(c0) * value(c0, f0);
        if it.len() == 0 {
            return first;
        }
        match self.combine {
            Combine::NoisyOr => noisy_or(
                tie.channels
                    .iter()
                    .map(|(c, f)| self.emphasis.of(c) * value(c, f)),
            ),
            Combine::Max => tie
                .channels
                .iter()
                .map(|(c, f)| self.emphasis.of(c) * value(c, f))
                .fold(0.0, f64::max),
            Combine::Nested => {
                // The strongest channel of each family, families in order of first appearance.
                let mut best: smallvec::SmallVec<[(Families, f64); 8]> = smallvec::SmallVec::new();
                for (c, f) in tie.channels.iter() {
                    let x = self.emphasis.of(c) * value(c, f);
                    let fam = family(c);
                    match best.iter_mut().find(|(g, _)| *g == fam) {
                        Some((_, m)) => *m = m.max(x),
                        None => best.push((fam, x)),
                    }
                }
                noisy_or(best.iter().map(|&(_, m)| m))
            }
        }
    }
}

/// A channel family, as a small number a graph assigns ([`crate::model::InfluenceGraph::family_table`]).
pub type Families = u16;

/// Noisy-OR of values in [0, 1]: `1 - prod (1 - x)`, computed as `acc + x (1 - acc)` so that a
/// single value comes back exactly and small values keep their precision. Returns exactly 0 for
/// no values or all zeros.
pub fn noisy_or(values: impl IntoIterator<Item = f64>) -> f64 {
    let mut acc = 0.0;
    for x in values {
        acc += x * (1.0 - acc);
    }
    acc
}

impl FromStr for ChannelEmphasis {
    type Err = Error;

    /// Parses `trade=1,energy=0.5` (and `*=0` to set the default for unlisted channels).
    fn from_str(s: &str) -> Result<Self, Error> {
        let mut out = ChannelEmphasis::default();
        let bad = |value: &str, expected: &str| Error::InvalidParameter {
            name: "channel emphasis".into(),
            value: value.to_owned(),
            expected: expected.to_owned(),
        };
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, value) = part.split_once('=').ok_or_else(|| {
                bad(
                    part,
                    "each item is `channel=emphasis`, e.g. `trade=1,energy=0.5`",
                )
            })?;
            let value: f64 = value
                .trim()
                .parse()
                .map_err(|_| bad(part, "the emphasis is a number in [0, 1]"))?;
            if !(0.0..=1.0).contains(&value) {
                return Err(bad(part, "the emphasis is a number in [0, 1]"));
            }
            let name = name.trim();
            if name == "*" {
                out.default = value;
            } else if Channel::is_well_formed(name) {
                out.per_channel.insert(Channel::from(name), value);
            } else {
                return Err(bad(
                    part,
                    "channel names are lowercase identifiers such as `trade`",
                ));
            }
        }
        Ok(out)
    }
}

/// How a tie's strength `w` in (0, 1] becomes a path cost.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Distance {
    /// `-ln w`: a path's cost is minus the log of its leverage (the product of its strengths), so
    /// the shortest path is the path of greatest leverage. The default.
    #[default]
    Log,
    /// `1 / w`: strong ties are short (as many tools take "distance = 1/weight").
    Inverse,
    /// Every tie costs 1: fewest hops.
    Hops,
}

impl Distance {
    /// The cost of a tie of strength `w`; infinite for `w <= 0` (an absent tie), whatever the
    /// distance.
    #[inline]
    pub fn cost(self, w: f64) -> f64 {
        if w <= 0.0 {
            return f64::INFINITY;
        }
        match self {
            Distance::Log => -w.ln(),
            Distance::Inverse => 1.0 / w,
            Distance::Hops => 1.0,
        }
    }

    /// The name used on the command line and in exports.
    pub fn name(self) -> &'static str {
        match self {
            Distance::Log => "log",
            Distance::Inverse => "inverse",
            Distance::Hops => "hops",
        }
    }
}

impl fmt::Display for Distance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::tie::Figure;

    fn tie(ch: &[(&str, f64)]) -> Tie {
        let mut t = Tie::default();
        for (c, v) in ch {
            t.channels
                .insert(Channel::from(*c), Figure::new(*v, "test", 2024));
        }
        t
    }

    /// Families by the built-in rule, numbered by name for the test.
    fn fam(c: &Channel) -> Families {
        match builtin_family(c.as_str()) {
            "economic" => 0,
            "security" => 1,
            "diplomacy" => 2,
            _ => 3,
        }
    }

    fn noisy(e: ChannelEmphasis) -> StrengthRule {
        StrengthRule::new(e).with_combine(Combine::NoisyOr)
    }

    #[test]
    fn noisy_or_by_hand() {
        // 1 - (1 - 0.5)(1 - 0.2) = 1 - 0.4 = 0.6
        let t = tie(&[("trade", 0.5), ("energy", 0.2)]);
        assert!((noisy(ChannelEmphasis::default()).strength(&t, &fam) - 0.6).abs() < 1e-15);
        // energy at half emphasis: 1 - 0.5 * 0.9 = 0.55
        let e: ChannelEmphasis = "energy=0.5".parse().unwrap();
        assert!((noisy(e).strength(&t, &fam) - 0.55).abs() < 1e-15);
        // only trade: 0.5
        let e: ChannelEmphasis = "*=0,trade=1".parse().unwrap();
        assert!((noisy(e).strength(&t, &fam) - 0.5).abs() < 1e-15);
        // nothing: exactly zero
        let e: ChannelEmphasis = "*=0".parse().unwrap();
        assert_eq!(noisy(e).strength(&t, &fam), 0.0);
    }

    #[test]
    fn nested_counts_one_flow_once() {
        // China -> Russia, version-1 figures: trade 0.338, energy 0.33, finance 0.45 (one
        // economic family: max 0.45), security 0.5, diplomacy 0.5.
        // nested: 1 - (1 - 0.45)(1 - 0.5)(1 - 0.5) = 1 - 0.1375 = 0.8625.
        // noisy-OR: 1 - 0.662 * 0.67 * 0.55 * 0.5 * 0.5 = 0.939 (the 0.94).
        // max: 0.5.
        let t = tie(&[
            ("trade", 0.338),
            ("energy", 0.33),
            ("security", 0.5),
            ("finance", 0.45),
            ("diplomacy", 0.5),
        ]);
        let r = StrengthRule::default();
        assert!((r.strength(&t, &fam) - 0.8625).abs() < 1e-12);
        let n = noisy(ChannelEmphasis::default()).strength(&t, &fam);
        assert!((n - (1.0 - 0.662 * 0.67 * 0.55 * 0.5 * 0.5)).abs() < 1e-12);
        let m = r.clone().with_combine(Combine::Max).strength(&t, &fam);
        assert_eq!(m, 0.5);
        // Three views of one trade flow at 0.5, 0.3, 0.2: nested reads 0.5, not 0.72.
        let t = tie(&[("trade", 0.5), ("energy", 0.3), ("dual_use", 0.2)]);
        assert_eq!(r.strength(&t, &fam), 0.5);
        // One channel: every rule gives its value.
        let t = tie(&[("diplomacy", 0.3)]);
        for c in Combine::ALL {
            assert_eq!(r.clone().with_combine(c).strength(&t, &fam), 0.3);
        }
    }

    #[test]
    fn emphasis_parse_errors() {
        assert!("trade".parse::<ChannelEmphasis>().is_err());
        assert!("trade=2".parse::<ChannelEmphasis>().is_err());
        assert!("trade=x".parse::<ChannelEmphasis>().is_err());
        assert!("Trade=1".parse::<ChannelEmphasis>().is_err());
    }

    #[test]
    fn distances() {
        assert!((Distance::Log.cost(0.5) - std::f64::consts::LN_2).abs() < 1e-15);
        assert_eq!(Distance::Inverse.cost(0.25), 4.0);
        assert_eq!(Distance::Hops.cost(0.9), 1.0);
        assert_eq!(Distance::Log.cost(1.0), 0.0);
    }
}
