//! Views of a graph that every analysis can run on: one year of its yearly series
//! ([`InfluenceGraph::at_year`]) and only some kinds of figure ([`InfluenceGraph::with_bases`]).

use serde::Serialize;

use super::graph::InfluenceGraph;
use super::provenance::BasisSet;
use super::tie::Figure;

/// What [`InfluenceGraph::at_year`] used: how many figures describe the year asked for, and how
/// many were carried from the nearest year before or after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct YearSelection {
    /// The year asked for.
    pub year: i32,
    /// Figures (channel weights and stance signals) of that year.
    pub exact: usize,
    /// Figures of an earlier year (the latest before it).
    pub carried_forward: usize,
    /// Figures of a later year (no earlier one exists).
    pub carried_back: usize,
}

/// What [`InfluenceGraph::with_bases`] left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct BasisSelection {
    /// The bases kept.
    #[serde(serialize_with = "as_string")]
    pub kept: BasisSet,
    /// Channel figures left out.
    pub figures_dropped: usize,
    /// Ties left without a channel, and so removed.
    pub ties_dropped: usize,
    /// Stance signals (and receptiveness figures) left out.
    pub signals_dropped: usize,
}

fn as_string<S: serde::Serializer>(b: &BasisSet, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&b.to_string())
}

/// The figure of a series for `year`: that year's, else the latest before it, else the earliest
/// after it. `series` is oldest first and not empty.
fn pick(series: &[Figure], year: i32) -> Option<&Figure> {
    series
        .iter()
        .rev()
        .find(|f| f.year <= year)
        .or_else(|| series.first())
}

fn count(sel: &mut YearSelection, f: &Figure) {
    match f.year.cmp(&sel.year) {
        std::cmp::Ordering::Equal => sel.exact += 1,
        std::cmp::Ordering::Less => sel.carried_forward += 1,
        std::cmp::Ordering::Greater => sel.carried_back += 1,
    }
}

impl InfluenceGraph {
    /// The graph as of `year`: every channel with a yearly series uses the figure of that year,
    /// else the latest before it, else the earliest after it; every other figure stays. The
    /// selection counts how many figures describe the year and how many were carried.
    ///
    /// # Examples
    /// ```
    /// use leverage::io::{load, GraphSource};
    /// let g = load(&GraphSource::Bundled)?;
    /// let (_g2021, sel) = g.at_year(2021);
    /// assert_eq!(sel.year, 2021);
    /// # Ok::<(), leverage::Error>(())
    /// ```
    ///
    /// # Complexity
    /// O(|V| + |E| · channels) time; the graph is copied once.
    pub fn at_year(&self, year: i32) -> (InfluenceGraph, YearSelection) {
        let mut g = self.clone();
        let mut sel = YearSelection {
            year,
            ..YearSelection::default()
        };
        g.for_each_tie_mut(|_, _, tie| {
            if let Some(series) = tie.series.as_deref() {
                for (channel, figures) in series {
                    if let (Some(f), Some(slot)) =
                        (pick(figures, year), tie.channels.get_mut(channel.as_str()))
                    {
                        slot.clone_from(f);
                    }
                }
            }
            for f in tie.channels.values() {
                count(&mut sel, f);
            }
        });
        for (_, a) in g.actors() {
            for s in a.stance.values() {
                for (_, f) in s.signals() {
                    count(&mut sel, f);
                }
            }
        }
        (g, sel)
    }

    /// The graph with only the figures whose basis is in `keep`: other channel figures (and
    /// their entries in yearly series), stance signals and receptiveness figures are left out,
    /// and a tie left without a channel is removed.
    ///
    /// # Examples
    /// ```
    /// use leverage::io::{load, GraphSource};
    /// use leverage::model::BasisSet;
    /// let g = load(&GraphSource::Bundled)?;
    /// let (checked, sel) = g.with_bases("official,published,derived".parse().unwrap());
    /// assert!(checked.tie_count() + sel.ties_dropped == g.tie_count());
    /// # Ok::<(), leverage::Error>(())
    /// ```
    ///
    /// # Complexity
    /// O(|V| + |E| · channels) time; the graph is copied once.
    pub fn with_bases(&self, keep: BasisSet) -> (InfluenceGraph, BasisSelection) {
        let mut g = self.clone();
        let mut sel = BasisSelection {
            kept: keep,
            ..BasisSelection::default()
        };
        if keep.is_all() {
            return (g, sel);
        }
        let kept = |f: &Figure| keep.contains(f.basis);
        g.for_each_tie_mut(|_, _, tie| {
            if let Some(series) = tie.series.as_deref_mut() {
                for (channel, figures) in series.iter_mut() {
                    figures.retain(|f| kept(f));
                    // The channel's figure becomes the latest kept one of its series.
                    if let (Some(latest), Some(slot)) =
                        (figures.last(), tie.channels.get_mut(channel.as_str()))
                    {
                        slot.clone_from(latest);
                    }
                }
                series.retain(|(_, f)| f.len() > 1);
            }
            if tie.series.as_ref().is_some_and(|s| s.is_empty()) {
                tie.series = None;
            }
            let before = tie.channels.len();
            let names: Vec<_> = tie
                .channels
                .iter()
                .filter(|(_, f)| !kept(f))
                .map(|(c, _)| c.clone())
                .collect();
            for c in names {
                tie.channels.shift_remove(c.as_str());
            }
            sel.figures_dropped += before - tie.channels.len();
        });
        let before = g.tie_count();
        g.retain_ties(|t| !t.channels.is_empty());
        sel.ties_dropped = before - g.tie_count();
        g.for_each_actor_mut(|a| {
            for s in a.stance.values_mut() {
                let before = s.signals().count();
                s.retain(|f| kept(f));
                sel.signals_dropped += before - s.signals().count();
            }
            if a.receptiveness.as_ref().is_some_and(|f| !kept(f)) {
                a.receptiveness = None;
                sel.signals_dropped += 1;
            }
        });
        (g, sel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pick_by_hand() {
        let s = [
            Figure::new(0.1, "s", 2019),
            Figure::new(0.2, "s", 2021),
            Figure::new(0.3, "s", 2023),
        ];
        assert_eq!(pick(&s, 2021).map(|f| f.value), Some(0.2));
        assert_eq!(pick(&s, 2022).map(|f| f.value), Some(0.2));
        assert_eq!(pick(&s, 2030).map(|f| f.value), Some(0.3));
        assert_eq!(pick(&s, 2000).map(|f| f.value), Some(0.1));
    }
}
