//! [`Channels`]: a tie's figures by channel, in file order.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;

use super::tie::{Channel, Figure, Series};

/// A tie's figures by channel, in insertion (file) order, each channel at most once.
///
/// A tie has a handful of channels, so they are kept in one small vector and found by a linear
/// scan; the first channel is stored inline (no allocation at all for a single-channel tie, the
/// common case of an imported network), instead of a hash map's two allocations per tie, which
/// is what a graph of hundreds of thousands of ties spent its memory and load time on. Serialised as a JSON object in order; deserialising
/// refuses a channel named twice (serde's maps would silently keep the last).
///
/// # Complexity
/// `get`, `insert` and `shift_remove` are O(channels of the tie).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Channels(SmallVec<[(Channel, Figure); 1]>);

impl Channels {
    /// No channels.
    pub fn new() -> Self {
        Channels(SmallVec::new())
    }

    /// Room for `n` channels.
    pub fn with_capacity(n: usize) -> Self {
        Channels(SmallVec::with_capacity(n))
    }

    /// One channel.
    pub fn one(channel: Channel, figure: Figure) -> Self {
        let mut one = SmallVec::new();
        one.push((channel, figure));
        Channels(one)
    }

    /// Number of channels.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there is no channel.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    fn position(&self, name: &str) -> Option<usize> {
        self.0.iter().position(|(c, _)| c.as_str() == name)
    }

    /// The figure of channel `name`.
    pub fn get(&self, name: &str) -> Option<&Figure> {
        self.position(name).map(|i| &self.0[i].1)
    }

    /// The figure of channel `name`, mutably.
    pub fn get_mut(&mut self, name: &str) -> Option<&mut Figure> {
        self.position(name).map(|i| &mut self.0[i].1)
    }

    /// Whether the tie has channel `name`.
    pub fn contains_key(&self, name: &str) -> bool {
        self.position(name).is_some()
    }

    /// Sets the figure of `channel`: replaced in place (keeping its position) if present,
    /// appended otherwise. Returns the figure it replaced.
    pub fn insert(&mut self, channel: Channel, figure: Figure) -> Option<Figure> {
        match self.position(channel.as_str()) {
            Some(i) => Some(std::mem::replace(&mut self.0[i].1, figure)),
            None => {
                self.0.push((channel, figure));
                None
            }
        }
    }

    /// Removes channel `name`, keeping the order of the others; returns its figure.
    pub fn shift_remove(&mut self, name: &str) -> Option<Figure> {
        self.position(name).map(|i| self.0.remove(i).1)
    }

    /// The first channel and its figure.
    pub fn first(&self) -> Option<(&Channel, &Figure)> {
        self.0.first().map(|(c, f)| (c, f))
    }

    /// Channels and figures in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&Channel, &Figure)> + '_ {
        self.0.iter().map(|(c, f)| (c, f))
    }

    /// Channels and figures in order, figures mutable.
    pub fn iter_mut(&mut self) -> impl ExactSizeIterator<Item = (&Channel, &mut Figure)> + '_ {
        self.0.iter_mut().map(|(c, f)| (&*c, f))
    }

    /// Channel names in order.
    pub fn keys(&self) -> impl ExactSizeIterator<Item = &Channel> + '_ {
        self.0.iter().map(|(c, _)| c)
    }

    /// Figures in order.
    pub fn values(&self) -> impl ExactSizeIterator<Item = &Figure> + '_ {
        self.0.iter().map(|(_, f)| f)
    }

    /// Figures in order, mutably.
    pub fn values_mut(&mut self) -> impl ExactSizeIterator<Item = &mut Figure> + '_ {
        self.0.iter_mut().map(|(_, f)| f)
    }
}

impl std::ops::Index<&str> for Channels {
    type Output = Figure;

    /// The figure of channel `name`.
    ///
    /// # Panics
    /// If the tie has no such channel; [`Channels::get`] does not panic.
    fn index(&self, name: &str) -> &Figure {
        match self.get(name) {
            Some(f) => f,
            None => panic!("the tie has no channel `{name}`"),
        }
    }
}

impl IntoIterator for Channels {
    type Item = (Channel, Figure);
    type IntoIter = smallvec::IntoIter<[(Channel, Figure); 1]>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Channels {
    type Item = (&'a Channel, &'a Figure);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Channel, Figure)>,
        fn(&'a (Channel, Figure)) -> (&'a Channel, &'a Figure),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(c, f)| (c, f))
    }
}

impl FromIterator<(Channel, Figure)> for Channels {
    /// Collects channels in order; a channel given twice keeps its first place and its last
    /// figure, as [`Channels::insert`] does.
    fn from_iter<I: IntoIterator<Item = (Channel, Figure)>>(iter: I) -> Self {
        let mut out = Channels::new();
        for (c, f) in iter {
            out.insert(c, f);
        }
        out
    }
}

impl Serialize for Channels {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (c, f) in &self.0 {
            map.serialize_entry(c.as_str(), f)?;
        }
        map.end()
    }
}

/// Above this many channels, duplicate names are found with a hash set rather than by scanning,
/// so a hostile file with a huge channel object stays linear.
const SCAN_LIMIT: usize = 16;

impl<'de> Deserialize<'de> for Channels {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ChannelsVisitor(PhantomData<Channels>);
        impl<'de> Visitor<'de> for ChannelsVisitor {
            type Value = Channels;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of channel figures")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Channels, A::Error> {
                let mut out: SmallVec<[(Channel, Figure); 1]> = SmallVec::new();
                let mut seen: Option<std::collections::HashSet<Channel>> = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let duplicate = match &mut seen {
                        Some(set) => set.contains(key.as_ref()),
                        None => out.iter().any(|(c, _)| c.as_str() == key),
                    };
                    if duplicate {
                        return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
                    }
                    let channel = Channel(super::shared::share(key.as_ref()));
                    let figure: Figure = map.next_value()?;
                    if let Some(set) = &mut seen {
                        set.insert(channel.clone());
                    } else if out.len() >= SCAN_LIMIT {
                        let mut set: std::collections::HashSet<Channel> =
                            out.iter().map(|(c, _)| c.clone()).collect();
                        set.insert(channel.clone());
                        seen = Some(set);
                    }
                    out.push((channel, figure));
                }
                Ok(Channels(out))
            }
        }
        deserializer.deserialize_map(ChannelsVisitor(PhantomData))
    }
}

/// A tie's channels as a file holds them: one figure per channel, or for some channels a yearly
/// series (docs/FORMAT.md, "Series"). `figures` holds the figure analyses use by default, the
/// latest of each series; `series` the whole series of the channels that have one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TieChannels {
    /// One figure per channel, in file order (the latest of a series).
    pub figures: Channels,
    /// The series of the channels written as arrays, each oldest first.
    pub series: Option<Box<Series>>,
}

impl From<Channels> for TieChannels {
    fn from(figures: Channels) -> Self {
        TieChannels {
            figures,
            series: None,
        }
    }
}

impl TieChannels {
    /// The series of `channel`, if it has one.
    pub fn series_of(&self, channel: &str) -> Option<&[Figure]> {
        self.series
            .as_deref()
            .and_then(|s| s.iter().find(|(c, _)| c.as_str() == channel))
            .map(|(_, f)| &f[..])
    }
}

impl Serialize for TieChannels {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.figures.len()))?;
        for (c, f) in self.figures.iter() {
            match self.series_of(c.as_str()) {
                Some(all) => map.serialize_entry(c.as_str(), all)?,
                None => map.serialize_entry(c.as_str(), f)?,
            }
        }
        map.end()
    }
}

/// A channel's value in a file: one figure, or a series.
enum FigureOrSeries {
    One(Figure),
    Many(Vec<Figure>),
}

impl<'de> Deserialize<'de> for FigureOrSeries {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = FigureOrSeries;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a figure (an object) or a series (an array of figures)")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<FigureOrSeries, A::Error> {
                Figure::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(FigureOrSeries::One)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<FigureOrSeries, A::Error> {
                let mut out: Vec<Figure> = Vec::new();
                while let Some(f) = seq.next_element::<Figure>()? {
                    if let Some(last) = out.last() {
                        if f.year <= last.year {
                            return Err(de::Error::custom(format_args!(
                                "the series has year `{}` after year `{}`: a series holds figures of distinct years, oldest first",
                                f.year, last.year
                            )));
                        }
                    }
                    out.push(f);
                }
                if out.is_empty() {
                    return Err(de::Error::custom(
                        "the series is empty: give at least one figure, or remove the channel",
                    ));
                }
                Ok(FigureOrSeries::Many(out))
            }
        }
        deserializer.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for TieChannels {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TieChannels;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of channel figures")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TieChannels, A::Error> {
                let mut figures: SmallVec<[(Channel, Figure); 1]> = SmallVec::new();
                let mut series: Series = Vec::new();
                let mut seen: Option<std::collections::HashSet<Channel>> = None;
                while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
                    let duplicate = match &mut seen {
                        Some(set) => set.contains(key.as_ref()),
                        None => figures.iter().any(|(c, _)| c.as_str() == key),
                    };
                    if duplicate {
                        return Err(de::Error::custom(format_args!("duplicate key `{key}`")));
                    }
                    let channel = Channel(super::shared::share(key.as_ref()));
                    let figure = match map.next_value::<FigureOrSeries>()? {
                        FigureOrSeries::One(f) => f,
                        FigureOrSeries::Many(all) => {
                            let latest = all.last().cloned().expect("a series is not empty");
                            if all.len() > 1 {
                                series.push((channel.clone(), all));
                            }
                            latest
                        }
                    };
                    if let Some(set) = &mut seen {
                        set.insert(channel.clone());
                    } else if figures.len() >= SCAN_LIMIT {
                        let mut set: std::collections::HashSet<Channel> =
                            figures.iter().map(|(c, _)| c.clone()).collect();
                        set.insert(channel.clone());
                        seen = Some(set);
                    }
                    figures.push((channel, figure));
                }
                Ok(TieChannels {
                    figures: Channels(figures),
                    series: (!series.is_empty()).then(|| Box::new(series)),
                })
            }
        }
        deserializer.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(v: f64) -> Figure {
        Figure::new(v, "s", 2023)
    }

    #[test]
    fn insert_replaces_in_place_and_remove_keeps_order() {
        let mut c = Channels::new();
        assert!(c.insert("trade".into(), fig(0.1)).is_none());
        assert!(c.insert("energy".into(), fig(0.2)).is_none());
        assert!(c.insert("finance".into(), fig(0.3)).is_none());
        assert_eq!(
            c.insert("trade".into(), fig(0.4)).map(|f| f.value),
            Some(0.1)
        );
        let names: Vec<&str> = c.keys().map(Channel::as_str).collect();
        assert_eq!(names, ["trade", "energy", "finance"]);
        assert_eq!(c.get("trade").map(|f| f.value), Some(0.4));
        assert_eq!(c.shift_remove("energy").map(|f| f.value), Some(0.2));
        let names: Vec<&str> = c.keys().map(Channel::as_str).collect();
        assert_eq!(names, ["trade", "finance"]);
        assert!(c.shift_remove("energy").is_none());
        assert_eq!(c.len(), 2);
    }

    #[test]
    fn json_keeps_order_and_refuses_duplicates() {
        let c: Channels = serde_json::from_str(
            r#"{"z":{"value":0.1,"source":"s","year":2023},"a":{"value":0.2,"source":"s","year":2023}}"#,
        )
        .unwrap();
        assert_eq!(
            c.keys().map(Channel::as_str).collect::<Vec<_>>(),
            ["z", "a"]
        );
        assert_eq!(
            serde_json::to_string(&c).unwrap(),
            r#"{"z":{"value":0.1,"source":"s","year":2023},"a":{"value":0.2,"source":"s","year":2023}}"#
        );
        let dup = serde_json::from_str::<Channels>(
            r#"{"a":{"value":0.1,"source":"s","year":2023},"a":{"value":0.2,"source":"s","year":2023}}"#,
        )
        .unwrap_err();
        assert!(dup.to_string().contains("duplicate key `a`"), "{dup}");
    }

    #[test]
    fn series_keep_the_latest_and_write_back() {
        let text = r#"{"trade":[{"value":0.2,"source":"s","year":2021},{"value":0.3,"source":"s","year":2023}],"energy":{"value":0.1,"source":"s","year":2024}}"#;
        let c: TieChannels = serde_json::from_str(text).unwrap();
        assert_eq!(c.figures.get("trade").map(|f| f.value), Some(0.3));
        assert_eq!(c.series_of("trade").map(<[Figure]>::len), Some(2));
        assert!(c.series_of("energy").is_none());
        assert_eq!(serde_json::to_string(&c).unwrap(), text);
        let one = r#"{"trade":[{"value":0.2,"source":"s","year":2021}]}"#;
        let c: TieChannels = serde_json::from_str(one).unwrap();
        assert!(c.series.is_none());
        for bad in [
            r#"{"trade":[]}"#,
            r#"{"trade":[{"value":0.2,"source":"s","year":2023},{"value":0.3,"source":"s","year":2021}]}"#,
            r#"{"trade":[{"value":0.2,"source":"s","year":2023},{"value":0.3,"source":"s","year":2023}]}"#,
            r#"{"trade":3}"#,
        ] {
            assert!(serde_json::from_str::<TieChannels>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn duplicates_found_past_the_scan_limit() {
        let entry = |i: usize| format!(r#""c{i}":{{"value":0.1,"source":"s","year":2023}}"#);
        let mut parts: Vec<String> = (0..40).map(entry).collect();
        let ok: Channels = serde_json::from_str(&format!("{{{}}}", parts.join(","))).unwrap();
        assert_eq!(ok.len(), 40);
        parts.push(entry(3));
        let dup =
            serde_json::from_str::<Channels>(&format!("{{{}}}", parts.join(","))).unwrap_err();
        assert!(dup.to_string().contains("duplicate key `c3`"), "{dup}");
        parts.pop();
        parts.push(entry(30));
        let dup =
            serde_json::from_str::<Channels>(&format!("{{{}}}", parts.join(","))).unwrap_err();
        assert!(dup.to_string().contains("duplicate key `c30`"), "{dup}");
    }
}
