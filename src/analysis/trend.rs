//! How leverage moved across the years a graph's series cover: each partner's rank, score,
//! reach, pull and headroom per year ([`suggest`] on [`InfluenceGraph::at_year`]), and the
//! target's dependence on each partner and group.
//!
//! The years are those of the graph's yearly series (docs/FORMAT.md, "Series"). For year `y`,
//! every channel with a series uses its figure of `y`, else the latest before it, else the
//! earliest after it; every other figure stays. A value that rests on a carried figure is
//! flagged (`carried`), so that a move is not read into a figure that did not change.
//!
//! **Dependence.** The target's dependence on partner `P` in year `y` is the strength of the
//! tie `P -> target` (the channels combined by the strength rule), or with `channel` set that
//! channel's figure alone. On a group, channel by channel, the members' figures are summed
//! (shares of one total, such as Russia's trade, add up; capped at 1), then combined: the EU's
//! share of Russia's trade is the sum of its members' shares.

use std::collections::BTreeSet;

use serde::Serialize;

use super::suggest::{suggest, SuggestParams};
use crate::error::{Error, Result};
use crate::model::{ActorId, Channel, Channels, Figure, InfluenceGraph, Tie, YearSelection};

/// What [`trend`] computes.
#[derive(Debug, Clone)]
pub struct TrendParams {
    /// The question each year answers (sources, target, rules); `top` is ignored.
    pub suggest: SuggestParams,
    /// Follow the partners in the top `top` of any year.
    pub top: usize,
    /// Follow the target's dependence on the `dependence_top` partners it depends on most in
    /// any year.
    pub dependence_top: usize,
    /// The views of the target's dependence: `None` for the ties' strength, `Some(c)` for
    /// channel `c`'s figure alone. Empty: the strength, then every channel with a yearly series
    /// on a tie into the target.
    pub views: Vec<Option<Channel>>,
    /// Groups whose summed dependence is shown (ids of the graph's groups).
    pub groups: Vec<String>,
    /// The years (default: every year of the graph's series).
    pub years: Option<Vec<i32>>,
}

impl TrendParams {
    /// Defaults for a question: the top 10 partners and the 10 largest dependences.
    pub fn new(suggest: SuggestParams) -> Self {
        TrendParams {
            suggest,
            top: 10,
            dependence_top: 10,
            views: Vec::new(),
            groups: Vec::new(),
            years: None,
        }
    }
}

/// One partner in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerPoint {
    /// The year.
    pub year: i32,
    /// Its rank among the partners with a positive score (`None`: not ranked that year).
    pub rank: Option<usize>,
    /// score = reach × headroom × movability.
    pub score: f64,
    /// The sources' reach over it.
    pub reach: f64,
    /// Its leverage over the target.
    pub pull: f64,
    /// The pressure it could add and does not apply yet.
    pub headroom: f64,
}

/// A partner across the years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartnerTrend {
    /// Id.
    pub id: ActorId,
    /// Name.
    pub name: String,
    /// One point per year, oldest first.
    pub points: Vec<PartnerPoint>,
}

/// The target's dependence on a partner or group in one year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DependencePoint {
    /// The year.
    pub year: i32,
    /// The dependence (0: no tie).
    pub value: f64,
    /// Whether it rests on a figure of another year.
    pub carried: bool,
    /// The years of the figures it rests on.
    pub figure_years: Vec<i32>,
}

/// The target's dependence on a partner or group across the years.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DependenceTrend {
    /// Actor or group id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Whether it is a group (members' figures summed).
    pub group: bool,
    /// One point per year, oldest first.
    pub points: Vec<DependencePoint>,
}

/// The result of [`trend`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Trend {
    /// Source ids.
    pub sources: Vec<ActorId>,
    /// Target id.
    pub target: ActorId,
    /// The years, oldest first.
    pub years: Vec<i32>,
    /// Per year, how many figures describe it and how many were carried.
    pub selections: Vec<YearSelection>,
    /// Partners, in order of their latest rank (then their best rank in earlier years).
    pub partners: Vec<PartnerTrend>,
    /// The target's dependence, one view per channel asked for.
    pub dependence: Vec<DependenceView>,
}

/// The target's dependence read one way: the ties' strength, or one channel.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DependenceView {
    /// The channel (`None`: the strength of the tie, channels combined).
    pub channel: Option<Channel>,
    /// On each partner, largest in the latest year first (the `dependence_top` largest in any
    /// year).
    pub partners: Vec<DependenceTrend>,
    /// On each group asked for.
    pub groups: Vec<DependenceTrend>,
}

/// The years a graph's series cover, oldest first.
pub fn series_years(graph: &InfluenceGraph) -> Vec<i32> {
    let mut years = BTreeSet::new();
    for (_, _, _, tie) in graph.ties() {
        for (_, figures) in tie.series.iter().flat_map(|s| s.iter()) {
            years.extend(figures.iter().map(|f| f.year));
        }
    }
    years.into_iter().collect()
}

/// The dependence a tie (or a group's summed tie) gives in `year`.
fn dependence_of(
    graph: &InfluenceGraph,
    tie: &Tie,
    channel: Option<&Channel>,
    rule: &crate::model::StrengthRule,
    year: i32,
) -> DependencePoint {
    let used: Vec<&Figure> = match channel {
        Some(c) => tie.channels.get(c.as_str()).into_iter().collect(),
        None => tie.channels.values().collect(),
    };
    let value = match channel {
        Some(c) => tie.channels.get(c.as_str()).map_or(0.0, |f| f.value),
        None => graph.strength(tie, rule),
    };
    let years: BTreeSet<i32> = used.iter().map(|f| f.year).collect();
    DependencePoint {
        year,
        value,
        carried: years.iter().any(|y| *y != year),
        figure_years: years.into_iter().collect(),
    }
}

/// Runs the question of `params.suggest` on every year of the graph's series.
///
/// # Errors
/// [`Error::InvalidParameter`] if the graph has no yearly series (and no years are given), or a
/// group is unknown; the errors of [`suggest`].
///
/// # Complexity
/// One [`suggest`] and one O(|V| + |E|) year view per year.
///
/// # Examples
/// ```
/// use leverage::analysis::suggest::SuggestParams;
/// use leverage::analysis::trend::{trend, TrendParams};
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let t = trend(&graph, &TrendParams::new(SuggestParams::outreach_letter(&graph)?))?;
/// assert!(t.years.contains(&2021));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn trend(graph: &InfluenceGraph, params: &TrendParams) -> Result<Trend> {
    let years = match &params.years {
        Some(y) => y.clone(),
        None => series_years(graph),
    };
    if years.is_empty() {
        return Err(Error::InvalidParameter {
            name: "the graph's yearly series".into(),
            value: "none".into(),
            expected: "a trend needs channels with figures of several years (docs/FORMAT.md, \"Series\"; `leverage build` writes them from one file per year)".into(),
        });
    }
    for g in &params.groups {
        if graph.group(g).is_none() {
            return Err(Error::InvalidParameter {
                name: "group".into(),
                value: g.clone(),
                expected: "a group of the graph (`leverage info` lists them)".into(),
            });
        }
    }
    let target = graph
        .node(&params.suggest.target)
        .ok_or_else(|| Error::UnknownName {
            context: "target: ".into(),
            name: params.suggest.target.to_string(),
            suggestions: Vec::new(),
        })?;
    let mut q = params.suggest.clone();
    q.top = None;
    q.judgement_share = false;
    let mut selections = Vec::new();
    let mut rankings = Vec::new();
    let mut by_year = Vec::with_capacity(years.len());
    for &year in &years {
        let (g, sel) = graph.at_year(year);
        selections.push(sel);
        rankings.push(suggest(&g, &q)?);
        by_year.push((year, g));
    }
    let views = if params.views.is_empty() {
        let mut v: Vec<Option<Channel>> = vec![None];
        let mut with_series: BTreeSet<Channel> = BTreeSet::new();
        for (_, _, to, tie) in graph.ties() {
            if to == target {
                for (c, _) in tie.series.iter().flat_map(|s| s.iter()) {
                    with_series.insert(c.clone());
                }
            }
        }
        v.extend(with_series.into_iter().map(Some));
        v
    } else {
        params.views.clone()
    };
    let dependence = views
        .into_iter()
        .map(|c| view(&by_year, target, c, params))
        .collect();

    // Partners: the top `top` of any year, ordered by their latest rank, then their best.
    let mut ids: Vec<(ActorId, String)> = Vec::new();
    for r in rankings.iter().rev() {
        for p in r.partners.iter().filter(|p| p.score > 0.0).take(params.top) {
            if !ids.iter().any(|(i, _)| *i == p.id) {
                ids.push((p.id.clone(), p.name.clone()));
            }
        }
    }
    let partners = ids
        .into_iter()
        .map(|(id, name)| {
            let points = years
                .iter()
                .zip(&rankings)
                .map(|(&year, r)| {
                    let p = r.partners.iter().find(|p| p.id == id);
                    PartnerPoint {
                        year,
                        rank: p.filter(|p| p.score > 0.0).map(|p| p.rank),
                        score: p.map_or(0.0, |p| p.score),
                        reach: p.map_or(0.0, |p| p.reach),
                        pull: p.map_or(0.0, |p| p.pull),
                        headroom: p.map_or(0.0, |p| p.headroom),
                    }
                })
                .collect();
            PartnerTrend { id, name, points }
        })
        .collect();

    Ok(Trend {
        sources: params.suggest.sources.clone(),
        target: params.suggest.target.clone(),
        years,
        selections,
        partners,
        dependence,
    })
}

/// The target's dependence on every holder of a tie into it, and on each group, read on
/// `channel` (or the strength), year by year.
fn view(
    by_year: &[(i32, InfluenceGraph)],
    target: petgraph::stable_graph::NodeIndex,
    channel: Option<Channel>,
    params: &TrendParams,
) -> DependenceView {
    let rule = &params.suggest.strength;
    let zero = |year| DependencePoint {
        year,
        value: 0.0,
        carried: false,
        figure_years: Vec::new(),
    };
    let mut deps: Vec<(ActorId, String, Vec<DependencePoint>)> = Vec::new();
    let mut group_points: Vec<Vec<DependencePoint>> = vec![Vec::new(); params.groups.len()];
    for (yi, (year, g)) in by_year.iter().enumerate() {
        let year = *year;
        // Ties into the target: one row per holder, in graph order.
        for (_, from, to, tie) in g.ties() {
            if to != target {
                continue;
            }
            if channel
                .as_ref()
                .is_some_and(|c| tie.channels.get(c.as_str()).is_none())
            {
                continue;
            }
            let a = g.actor(from);
            let point = dependence_of(g, tie, channel.as_ref(), rule, year);
            match deps.iter_mut().find(|d| d.0 == a.id) {
                Some(d) => d.2.push(point),
                None => {
                    let mut pts: Vec<DependencePoint> =
                        by_year[..yi].iter().map(|(y, _)| zero(*y)).collect();
                    pts.push(point);
                    deps.push((a.id.clone(), a.name.clone(), pts));
                }
            }
        }
        for d in &mut deps {
            if d.2.len() < yi + 1 {
                d.2.push(zero(year));
            }
        }
        for (gi, gid) in params.groups.iter().enumerate() {
            let members: Vec<_> = g
                .group(gid)
                .map(|gr| gr.members.iter().filter_map(|m| g.node(m)).collect())
                .unwrap_or_default();
            // Channel by channel: the members' figures summed, and the years they describe.
            let mut sum: Vec<(Channel, f64, BTreeSet<i32>)> = Vec::new();
            for m in members {
                if let Some(tie) = g.tie(m, target) {
                    for (c, f) in tie.channels.iter() {
                        match sum.iter_mut().find(|(x, _, _)| x == c) {
                            Some((_, v, ys)) => {
                                *v += f.value;
                                ys.insert(f.year);
                            }
                            None => sum.push((c.clone(), f.value, BTreeSet::from([f.year]))),
                        }
                    }
                }
            }
            let tie = Tie {
                channels: sum
                    .iter()
                    .map(|(c, v, _)| (c.clone(), Figure::new(v.min(1.0), "sum", year)))
                    .collect::<Channels>(),
                ..Tie::default()
            };
            let mut p = dependence_of(g, &tie, channel.as_ref(), rule, year);
            let fy: BTreeSet<i32> = sum
                .iter()
                .filter(|(c, _, _)| channel.as_ref().is_none_or(|x| x == c))
                .flat_map(|(_, _, ys)| ys.iter().copied())
                .collect();
            p.carried = fy.iter().any(|y| *y != year);
            p.figure_years = fy.into_iter().collect();
            group_points[gi].push(p);
        }
    }
    // The largest in any year, ordered by the latest (file order on ties).
    let peak = |pts: &[DependencePoint]| pts.iter().map(|p| p.value).fold(0.0, f64::max);
    let mut by_peak: Vec<usize> = (0..deps.len()).collect();
    by_peak.sort_by(|&a, &b| peak(&deps[b].2).total_cmp(&peak(&deps[a].2)));
    let mut keep: Vec<usize> = by_peak
        .into_iter()
        .filter(|&i| peak(&deps[i].2) > 0.0)
        .take(params.dependence_top)
        .collect();
    let latest = |i: usize| deps[i].2.last().map_or(0.0, |p| p.value);
    keep.sort_by(|&a, &b| latest(b).total_cmp(&latest(a)));
    let partners = keep
        .into_iter()
        .map(|i| DependenceTrend {
            id: deps[i].0.to_string(),
            name: deps[i].1.clone(),
            group: false,
            points: deps[i].2.clone(),
        })
        .collect();
    let graph = &by_year[0].1;
    let groups = params
        .groups
        .iter()
        .zip(group_points)
        .map(|(id, points)| DependenceTrend {
            id: id.clone(),
            name: graph
                .group(id)
                .and_then(|g| g.name.clone())
                .unwrap_or_else(|| id.clone()),
            group: true,
            points,
        })
        .collect();
    DependenceView {
        channel,
        partners,
        groups,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{load, GraphSource};

    fn five_years() -> InfluenceGraph {
        let p =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/five-years.json");
        load(&GraphSource::File(p)).unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    // See: #13. By hand (docs/MODEL.md section 12 with a second year): India's energy is 0.10
    // in 2021 and 0.30 in 2024; everything else is one figure, carried.
    // 2021: IND -> RUS economic max(0.091, 0.10) = 0.10, strength 1 - 0.9 × 0.8 = 0.28 = pull;
    // headroom 1 - (1 - 0.10)(1 - 0.2 × 0.5) = 0.19; score 0.02 × 0.19 × 0.9 = 0.00342.
    // 2024: the worked example: pull 0.44, headroom 0.37, score 0.00666. Türkiye both years:
    // 0.145 × 0.08 × 1 = 0.0116, rank 1.
    #[test]
    fn by_hand_on_two_years() {
        let g = five_years();
        let p = TrendParams::new(SuggestParams::outreach_letter(&g).unwrap());
        let t = trend(&g, &p).unwrap();
        assert_eq!(t.years, [2021, 2024]);
        let ind = t.partners.iter().find(|x| x.id.as_str() == "IND").unwrap();
        let tur = t.partners.iter().find(|x| x.id.as_str() == "TUR").unwrap();
        let (a, b) = (&ind.points[0], &ind.points[1]);
        assert!(close(a.pull, 0.28) && close(a.headroom, 0.19) && close(a.score, 0.00342));
        assert!(close(a.reach, 0.02) && a.rank == Some(2));
        assert!(close(b.pull, 0.44) && close(b.headroom, 0.37) && close(b.score, 0.00666));
        for p in &tur.points {
            assert!(close(p.score, 0.0116) && p.rank == Some(1));
        }
        assert_eq!(t.partners[0].id.as_str(), "TUR");
        // Russia's dependence: on India 0.28 then 0.44; on Türkiye 0.264 both years.
        // Views: the strength, then `energy`, the one channel with a series into Russia.
        assert_eq!(
            t.dependence
                .iter()
                .map(|v| v.channel.clone())
                .collect::<Vec<_>>(),
            [None, Some(Channel::from("energy"))]
        );
        let dep = |id: &str| {
            t.dependence[0]
                .partners
                .iter()
                .find(|d| d.id == id)
                .unwrap()
        };
        let d = dep("IND");
        assert!(close(d.points[0].value, 0.28) && close(d.points[1].value, 0.44));
        // 2021 rests on 2021 (energy), 2023 (trade) and 2025 (diplomacy): carried.
        assert!(d.points[0].carried);
        assert_eq!(d.points[0].figure_years, [2021, 2023, 2025]);
        assert!(close(dep("TUR").points[0].value, 0.264));
        assert_eq!(t.dependence[0].partners[0].id, "IND");
        // One channel: energy alone, not carried in either year; Türkiye has none.
        let mut pe = p.clone();
        pe.views = vec![Some(Channel::from("energy"))];
        pe.groups = vec!["signatories".into()];
        let te = trend(&g, &pe).unwrap();
        let v = &te.dependence[0];
        assert_eq!(v.partners.len(), 1);
        let d = &v.partners[0];
        assert_eq!(
            d.points.iter().map(|p| p.value).collect::<Vec<_>>(),
            [0.1, 0.3]
        );
        assert!(d.points.iter().all(|p| !p.carried));
        // The signatories hold no tie into Russia: 0.
        assert!(v.groups[0].points.iter().all(|p| p.value == 0.0));
    }

    // See: #13. A group's dependence sums its members' channel figures: on the bundled graph,
    // the EU's share of Russia's trade falls from 2021 to 2023, checked against the sum of the
    // members' figures read straight from the graph.
    #[test]
    fn group_sums_members_figures() {
        let g = load(&GraphSource::Bundled).unwrap();
        let mut p = TrendParams::new(SuggestParams::outreach_letter(&g).unwrap());
        p.views = vec![Some(Channel::from("trade"))];
        p.groups = vec!["EU".into()];
        let t = trend(&g, &p).unwrap();
        let rus = g.node_of("RUS").unwrap();
        for (i, &y) in t.years.iter().enumerate() {
            let (gy, _) = g.at_year(y);
            let want: f64 = gy
                .group("EU")
                .unwrap()
                .members
                .iter()
                .filter_map(|m| gy.node(m))
                .filter_map(|m| gy.tie(m, rus))
                .filter_map(|t| t.channels.get("trade"))
                .map(|f| f.value)
                .sum();
            assert!(
                close(t.dependence[0].groups[0].points[i].value, want.min(1.0)),
                "{y}"
            );
        }
        let eu = &t.dependence[0].groups[0].points;
        assert!(eu[0].value > eu[1].value, "{eu:?}");
    }

    #[test]
    fn needs_series() {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/five.json");
        let g = load(&GraphSource::File(p)).unwrap();
        let e = trend(
            &g,
            &TrendParams::new(SuggestParams::outreach_letter(&g).unwrap()),
        );
        assert!(matches!(e, Err(Error::InvalidParameter { .. })));
    }
}
