//! Aggregate tie strength (noisy-OR over channels, with emphasis) and the distances that turn
//! strengths into path costs.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use super::tie::{Channel, Tie};
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

    /// Aggregate strength of a tie: `w = 1 - prod_c (1 - a_c * w_c)` (noisy-OR: pressure gets
    /// through if it gets through on any channel). Time O(channels).
    pub fn strength(&self, tie: &Tie) -> f64 {
        noisy_or(tie.channels.iter().map(|(c, f)| self.of(c) * f.value))
    }
}

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
            name: "--channels".into(),
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash)]
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
    /// The cost of a tie of strength `w` (`w` > 0).
    #[inline]
    pub fn cost(self, w: f64) -> f64 {
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

    #[test]
    fn noisy_or_by_hand() {
        // 1 - (1 - 0.5)(1 - 0.2) = 1 - 0.4 = 0.6
        let t = tie(&[("trade", 0.5), ("energy", 0.2)]);
        assert!((ChannelEmphasis::default().strength(&t) - 0.6).abs() < 1e-15);
        // energy at half emphasis: 1 - 0.5 * 0.9 = 0.55
        let e: ChannelEmphasis = "energy=0.5".parse().unwrap();
        assert!((e.strength(&t) - 0.55).abs() < 1e-15);
        // only trade: 0.5
        let e: ChannelEmphasis = "*=0,trade=1".parse().unwrap();
        assert!((e.strength(&t) - 0.5).abs() < 1e-15);
        // nothing: exactly zero
        let e: ChannelEmphasis = "*=0".parse().unwrap();
        assert_eq!(e.strength(&t), 0.0);
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
