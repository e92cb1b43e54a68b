//! Comparing two rankings (before and after a scenario): what moved, by how much.

use serde::Serialize;

use super::suggest::{suggest, PartnerRanking, SuggestParams};
use crate::error::Result;
use crate::model::{ActorId, InfluenceGraph};
use crate::scenario::ScenarioOutcome;

/// One partner before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct RankChange {
    /// Actor id.
    pub id: ActorId,
    /// Display name.
    pub name: String,
    /// Rank before (`null`: not ranked, no positive score).
    pub rank_before: Option<usize>,
    /// Rank after.
    pub rank_after: Option<usize>,
    /// Score before (0 if unranked).
    pub score_before: f64,
    /// Score after.
    pub score_after: f64,
    /// `score_after - score_before`.
    pub score_change: f64,
    /// `rank_before - rank_after` (positive: moved up); `null` if unranked on either side.
    pub rank_change: Option<i64>,
}

/// The result of [`compare`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Comparison {
    /// The scenarios applied, with what each edit changed.
    pub scenarios: Vec<ScenarioOutcome>,
    /// The ranking before.
    pub before: PartnerRanking,
    /// The ranking after.
    pub after: PartnerRanking,
    /// Every partner ranked on either side, by the size of the score change (largest first),
    /// then by rank after.
    pub changes: Vec<RankChange>,
}

/// Ranks partners on `before` and `after` with the same parameters (all partners, `top`
/// ignored) and lists the changes.
///
/// # Errors
/// As [`suggest`] on either graph.
///
/// # Complexity
/// Two suggestions plus O(P log P) for P partners.
///
/// # Examples
/// ```
/// use leverage::analysis::compare::compare;
/// use leverage::analysis::suggest::SuggestParams;
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let params = SuggestParams::outreach_letter(&graph)?;
/// // A graph against itself: nothing moves.
/// let c = compare(&graph, &graph, Vec::new(), &params)?;
/// assert!(!c.changes.is_empty());
/// assert!(c.changes.iter().all(|x| x.score_change == 0.0 && x.rank_change == Some(0)));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn compare(
    before: &InfluenceGraph,
    after: &InfluenceGraph,
    scenarios: Vec<ScenarioOutcome>,
    params: &SuggestParams,
) -> Result<Comparison> {
    let all = SuggestParams {
        top: None,
        ..params.clone()
    };
    let b = suggest(before, &all)?;
    let a = suggest(after, &all)?;
    let mut ids: Vec<(&ActorId, &str)> = Vec::new();
    for p in b.partners.iter().chain(&a.partners) {
        if !ids.iter().any(|(i, _)| **i == p.id) {
            ids.push((&p.id, &p.name));
        }
    }
    let mut changes: Vec<RankChange> = ids
        .iter()
        .map(|&(id, name)| {
            let pb = b.partners.iter().find(|p| p.id == *id);
            let pa = a.partners.iter().find(|p| p.id == *id);
            let (sb, sa) = (pb.map_or(0.0, |p| p.score), pa.map_or(0.0, |p| p.score));
            RankChange {
                id: id.clone(),
                name: name.to_owned(),
                rank_before: pb.map(|p| p.rank),
                rank_after: pa.map(|p| p.rank),
                score_before: sb,
                score_after: sa,
                score_change: sa - sb,
                rank_change: match (pb, pa) {
                    (Some(x), Some(y)) => Some(x.rank as i64 - y.rank as i64),
                    _ => None,
                },
            }
        })
        .collect();
    changes.sort_by(|x, y| {
        y.score_change
            .abs()
            .total_cmp(&x.score_change.abs())
            .then_with(|| {
                x.rank_after
                    .unwrap_or(usize::MAX)
                    .cmp(&y.rank_after.unwrap_or(usize::MAX))
            })
            .then_with(|| x.id.cmp(&y.id))
    });
    if let Some(top) = params.top {
        changes.truncate(top);
    }
    Ok(Comparison {
        scenarios,
        before: b,
        after: a,
        changes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::json::parse;

    #[test]
    fn scenario_moves_india_above_turkey() {
        let g = parse(include_str!("../../tests/fixtures/five.json"), "five.json").unwrap();
        let s = crate::scenario::parse(
            r#"{"scenario":1,"title":"t","edits":[{"op":"scale","from":"DEU","to":"IND","channel":"trade","factor":10}]}"#,
            "s.json",
        )
        .unwrap();
        let (after, outcomes) = crate::scenario::apply_all(&g, &[s]).unwrap();
        let p = SuggestParams::outreach_letter(&g).unwrap();
        let c = compare(&g, &after, outcomes, &p).unwrap();
        // docs/MODEL.md, worked example: India's score 0.02 x 0.37 x 0.9 = 0.00666 becomes
        // 0.2 x 0.37 x 0.9 = 0.0666 (reach x10); Türkiye's 0.0116 is unchanged, so India moves
        // from #2 to #1.
        let ind = &c.changes[0];
        assert_eq!(ind.id.as_str(), "IND");
        assert_eq!((ind.rank_before, ind.rank_after), (Some(2), Some(1)));
        assert_eq!(ind.rank_change, Some(1));
        assert!(
            (ind.score_change - (0.0666 - 0.00666)).abs() < 1e-12,
            "{}",
            ind.score_change
        );
        let tur = &c.changes[1];
        assert_eq!(tur.id.as_str(), "TUR");
        assert!(tur.score_change.abs() < 1e-15);
    }
}
