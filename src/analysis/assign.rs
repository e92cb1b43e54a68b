//! Who carries the message (docs/MODEL.md, "Who carries the message"): for the top suggested
//! partners, the source best placed to approach each one. Uncapped, that is the source with the
//! strongest leverage over the partner; under a cap of partners per messenger it is an
//! assignment problem, solved exactly (Hungarian method) so that the most important partners
//! keep their best messengers.

use serde::Serialize;

use super::network::{Direction, Network};
use super::paths::{explain, shortest_tree_with_costs, ExplainedPath, NetPath};
use super::suggest::{rank_partners, Inputs, Setup, SuggestParams};
use crate::error::{Error, Result};
use crate::model::{ActorId, InfluenceGraph};

/// Options of [`assign`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct AssignParams {
    /// The suggestion whose top partners are assigned (its sources are the messengers).
    pub suggest: SuggestParams,
    /// How many top partners to assign.
    pub partners: usize,
    /// Most partners one messenger takes (`None`: no cap). A cap at or above `partners` is no
    /// cap.
    pub max_per_messenger: Option<usize>,
}

impl AssignParams {
    /// The top ten partners of `suggest`, no cap.
    pub fn new(suggest: SuggestParams) -> Self {
        AssignParams {
            suggest,
            partners: 10,
            max_per_messenger: None,
        }
    }
}

/// One partner and its messenger.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct Assignment {
    /// The partner's id.
    pub partner: ActorId,
    /// The partner's name.
    pub partner_name: String,
    /// The partner's rank in the suggestion.
    pub rank: usize,
    /// The partner's score in the suggestion.
    pub score: f64,
    /// The messenger's id.
    pub messenger: ActorId,
    /// The messenger's name.
    pub messenger_name: String,
    /// The messenger's best-path leverage over the partner.
    pub leverage: f64,
    /// The source with the strongest leverage over the partner (the uncapped choice).
    pub best_messenger: ActorId,
    /// Its leverage.
    pub best_leverage: f64,
    /// Whether the cap gave the partner another messenger than its best one.
    pub capped: bool,
    /// The messenger's best path to the partner (ids).
    pub path: Vec<ActorId>,
    /// That path explained tie by tie.
    pub explanation: ExplainedPath,
}

/// The result of [`assign`].
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct AssignmentPlan {
    /// Messenger ids (the sources).
    pub messengers: Vec<ActorId>,
    /// The target.
    pub target: ActorId,
    /// The cap used (`None`: no cap).
    pub max_per_messenger: Option<usize>,
    /// Assignments, by partner rank.
    pub assignments: Vec<Assignment>,
    /// Partners no messenger could take (every messenger at its cap).
    pub unassigned: Vec<ActorId>,
    /// The objective maximised: the sum over partners of `score × leverage / best leverage`,
    /// the score-weighted share of each partner's best leverage that its messenger keeps.
    pub objective: f64,
}

/// Assigns the top `partners` of the suggestion to messengers among its sources.
///
/// Each partner's leverage from each messenger is the best-path leverage over the partner
/// within the reach leg's hop budget, avoiding the target. Without a cap (or with a cap at or
/// above the number of partners) every partner gets the messenger with the strongest leverage
/// over it. With a cap of `k`, the assignment maximises `sum_P score(P) · L(m(P), P) / L*(P)`,
/// where `L*` is the partner's best leverage: the share of its best leverage each partner
/// keeps, weighted by its score, so the most important partners keep their best messengers.
/// It is solved exactly by the Hungarian method on one row per partner and one column per
/// messenger slot (each messenger repeated `k` times).
///
/// # Errors
/// As [`crate::analysis::suggest::suggest`]; [`Error::InvalidParameter`] if `partners` or the
/// cap is 0.
///
/// # Complexity
/// O(|S| · H (|V| + |E|)) for the leverage matrix, plus O(n³) with n = max(partners,
/// |S| · cap) under a cap.
///
/// # References
/// H. W. Kuhn, "The Hungarian method for the assignment problem", Naval Research Logistics
/// Quarterly 2, 1955; J. Munkres, J. SIAM 5(1), 1957.
///
/// # Examples
/// ```
/// use leverage::analysis::assign::{assign, AssignParams};
/// use leverage::analysis::suggest::SuggestParams;
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let plan = assign(&graph, &AssignParams::new(SuggestParams::outreach_letter(&graph)?))?;
/// // Uncapped, every partner gets its strongest messenger.
/// assert!(plan.assignments.iter().all(|a| a.messenger == a.best_messenger));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn assign(graph: &InfluenceGraph, params: &AssignParams) -> Result<AssignmentPlan> {
    if params.partners == 0 {
        return Err(Error::InvalidParameter {
            name: "partners".into(),
            value: "0".into(),
            expected: "it must be at least 1".into(),
        });
    }
    if params.max_per_messenger == Some(0) {
        return Err(Error::InvalidParameter {
            name: "max_per_messenger".into(),
            value: "0".into(),
            expected: "it must be at least 1".into(),
        });
    }
    let sp = &params.suggest;
    let net = Network::new(graph, &sp.strength);
    let setup = Setup::new(graph, &net, sp)?;
    let inputs = Inputs::best_estimates(graph, &net, sp);
    let mut ranked = rank_partners(&net, &setup, &inputs.view(), sp);
    ranked.truncate(params.partners);
    let cap = params.max_per_messenger.filter(|&k| k < ranked.len());

    // Leverage of every messenger over every partner within the partner's reach budget.
    let mut ban = vec![false; net.node_count()];
    ban[setup.target] = true;
    let costs = net.costs(sp.distance, Direction::Forward);
    let paths: Vec<Vec<Option<NetPath>>> = setup
        .sources
        .iter()
        .map(|&s| {
            let trees: Vec<_> = (1..sp.max_hops)
                .map(|h| {
                    shortest_tree_with_costs(&net, &costs, s, Direction::Forward, Some(h), &ban)
                })
                .collect();
            ranked
                .iter()
                .map(|p| {
                    let budget = p.reach_path.nodes.len() - 1;
                    trees
                        .get(budget.max(1) - 1)
                        .and_then(|t| t.path(p.partner))
                        .and_then(|nodes| NetPath::measure(&net, nodes, sp.distance))
                })
                .collect()
        })
        .collect();
    let best: Vec<Option<(usize, f64)>> = (0..ranked.len())
        .map(|i| {
            paths
                .iter()
                .enumerate()
                .filter_map(|(m, row)| row[i].as_ref().map(|p| (m, p.leverage)))
                .fold(None, |acc: Option<(usize, f64)>, (m, l)| match acc {
                    Some((_, b)) if b >= l => acc,
                    _ => Some((m, l)),
                })
        })
        .collect();

    let chosen: Vec<Option<usize>> = match cap {
        None => best.iter().map(|b| b.map(|(m, _)| m)).collect(),
        Some(k) => capped_assignment(&ranked, &paths, &best, setup.sources.len(), k),
    };

    let id = |v: usize| graph.actor(net.node(v)).id.clone();
    let name = |v: usize| graph.actor(net.node(v)).name.clone();
    let mut assignments = Vec::new();
    let mut unassigned = Vec::new();
    let mut objective = 0.0;
    for (i, p) in ranked.iter().enumerate() {
        let (Some(m), Some((bm, bl))) = (chosen[i], best[i]) else {
            unassigned.push(id(p.partner));
            continue;
        };
        let path = paths[m][i].as_ref().expect("a chosen messenger has a path");
        objective += p.score * path.leverage / bl;
        assignments.push(Assignment {
            partner: id(p.partner),
            partner_name: name(p.partner),
            rank: i + 1,
            score: p.score,
            messenger: id(setup.sources[m]),
            messenger_name: name(setup.sources[m]),
            leverage: path.leverage,
            best_messenger: id(setup.sources[bm]),
            best_leverage: bl,
            capped: m != bm && path.leverage < bl,
            path: path.nodes.iter().map(|&v| id(v)).collect(),
            explanation: explain(graph, &net, path, &sp.strength),
        });
    }
    Ok(AssignmentPlan {
        messengers: setup.sources.iter().map(|&s| id(s)).collect(),
        target: id(setup.target),
        max_per_messenger: params.max_per_messenger,
        assignments,
        unassigned,
        objective,
    })
}

/// The messenger of each partner under a cap of `k` partners per messenger, maximising the
/// score-weighted share of best leverage kept (Hungarian method); `None` for a partner left
/// without a messenger.
fn capped_assignment(
    ranked: &[super::suggest::PartnerScore],
    paths: &[Vec<Option<NetPath>>],
    best: &[Option<(usize, f64)>],
    messengers: usize,
    k: usize,
) -> Vec<Option<usize>> {
    let rows = ranked.len();
    let slots: Vec<usize> = (0..messengers)
        .flat_map(|m| std::iter::repeat_n(m, k))
        .collect();
    let size = rows.max(slots.len());
    // Gains are in [0, score]; a missing path or a padding slot gains nothing, and a real
    // gain of 0 is kept apart from "no path" by the forbidden cost below.
    let top = ranked.iter().map(|p| p.score).fold(0.0, f64::max);
    let forbidden = (top + 1.0) * (size as f64 + 1.0);
    let mut cost = vec![vec![forbidden; size]; size];
    for (i, row) in cost.iter_mut().enumerate().take(rows) {
        let Some((_, bl)) = best[i] else { continue };
        for (j, &m) in slots.iter().enumerate() {
            if let Some(p) = &paths[m][i] {
                row[j] = -ranked[i].score * p.leverage / bl;
            }
        }
    }
    let col_of_row = hungarian(&cost);
    (0..rows)
        .map(|i| {
            let j = col_of_row[i];
            (j < slots.len() && cost[i][j] < forbidden).then(|| slots[j])
        })
        .collect()
}

/// Minimum-cost perfect assignment on a square matrix: returns the column of each row.
///
/// The O(n³) shortest-augmenting-path form of the Hungarian method with row and column
/// potentials. Ties are broken by the lowest column index, so the result is deterministic.
///
/// # Panics
/// If the matrix is not square (a programmer error).
///
/// # Examples
/// ```
/// use leverage::analysis::assign::hungarian;
///
/// // By hand over the six permutations: rows to columns (1, 0, 2) cost 1 + 2 + 2 = 5, the least
/// // (the others cost 6, 6, 7, 9 and 11).
/// let cost = vec![vec![4.0, 1.0, 3.0], vec![2.0, 0.0, 5.0], vec![3.0, 2.0, 2.0]];
/// assert_eq!(hungarian(&cost), vec![1, 0, 2]);
/// ```
pub fn hungarian(cost: &[Vec<f64>]) -> Vec<usize> {
    let n = cost.len();
    assert!(
        cost.iter().all(|r| r.len() == n),
        "the cost matrix must be square"
    );
    // 1-based arrays; p[j] = row matched to column j (0: none), u/v potentials.
    let mut u = vec![0.0; n + 1];
    let mut v = vec![0.0; n + 1];
    let mut p = vec![0usize; n + 1];
    let mut way = vec![0usize; n + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![f64::INFINITY; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = f64::INFINITY;
            let mut j1 = 0;
            for j in 1..=n {
                if !used[j] {
                    let cur = cost[i0 - 1][j - 1] - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    let mut col_of_row = vec![0; n];
    for j in 1..=n {
        if p[j] > 0 {
            col_of_row[p[j] - 1] = j - 1;
        }
    }
    col_of_row
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hungarian_beats_greedy() {
        // Greedy takes row 0 -> col 0 (cost 1), then row 1 -> col 1 (cost 10): total 11.
        // Optimal: row 0 -> col 1 (2), row 1 -> col 0 (3): total 5.
        let c = vec![vec![1.0, 2.0], vec![3.0, 10.0]];
        assert_eq!(hungarian(&c), vec![1, 0]);
    }

    #[test]
    fn hungarian_three_by_three_by_hand() {
        // All 6 permutations: (0,1,2)=4+5+9=18? rows: [4,1,3],[2,0,5],[3,2,2]
        // perms: 012: 4+0+2=6; 021: 4+5+2=11; 102: 1+2+2=5; 120: 1+5+3=9; 201: 3+2+2=7;
        // 210: 3+0+3=6. Best 102 with cost 5.
        let c = vec![
            vec![4.0, 1.0, 3.0],
            vec![2.0, 0.0, 5.0],
            vec![3.0, 2.0, 2.0],
        ];
        assert_eq!(hungarian(&c), vec![1, 0, 2]);
    }

    /// Every permutation of `0..n`, for the brute force.
    fn permutations(n: usize) -> Vec<Vec<usize>> {
        if n == 0 {
            return vec![Vec::new()];
        }
        let mut out = Vec::new();
        for p in permutations(n - 1) {
            for i in 0..=p.len() {
                let mut q = p.clone();
                q.insert(i, n - 1);
                out.push(q);
            }
        }
        out
    }

    #[test]
    fn hungarian_equals_brute_force_on_random_matrices() {
        // A fixed pseudo-random stream; every n x n matrix for n = 1..=6, 40 each.
        let mut x: u64 = 7;
        let mut next = || {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((x >> 11) as f64) / ((1u64 << 53) as f64)
        };
        for n in 1..=6 {
            for _ in 0..40 {
                let c: Vec<Vec<f64>> = (0..n).map(|_| (0..n).map(|_| next()).collect()).collect();
                let got: f64 = hungarian(&c)
                    .iter()
                    .enumerate()
                    .map(|(i, &j)| c[i][j])
                    .sum();
                let best = permutations(n)
                    .iter()
                    .map(|p| p.iter().enumerate().map(|(i, &j)| c[i][j]).sum::<f64>())
                    .fold(f64::INFINITY, f64::min);
                assert!((got - best).abs() < 1e-12, "n = {n}: {got} vs {best}");
                let cols = hungarian(&c);
                let mut sorted = cols.clone();
                sorted.sort_unstable();
                assert_eq!(sorted, (0..n).collect::<Vec<_>>(), "a permutation");
            }
        }
    }

    // See: #10
    #[test]
    fn uncapped_is_the_strongest_messenger_and_a_high_cap_is_no_cap() {
        use crate::analysis::suggest::SuggestParams;
        let g = crate::io::load(&crate::io::GraphSource::Bundled).unwrap();
        let sp = SuggestParams::outreach_letter(&g).unwrap();
        let plan = assign(&g, &AssignParams::new(sp.clone())).unwrap();
        assert_eq!(plan.assignments.len(), 10);
        for a in &plan.assignments {
            assert_eq!(a.messenger, a.best_messenger, "{}", a.partner);
            assert!(!a.capped);
        }
        let mut p = AssignParams::new(sp.clone());
        p.max_per_messenger = Some(1_000_000);
        assert_eq!(assign(&g, &p).unwrap().assignments, plan.assignments);
        // Under a cap of 1, every messenger carries at most one message, and the plan keeps at
        // least as much as handing out messengers greedily in rank order would.
        p.max_per_messenger = Some(1);
        let capped = assign(&g, &p).unwrap();
        let mut taken = std::collections::HashSet::new();
        let mut greedy = 0.0;
        for a in &plan.assignments {
            // The best free messenger for this partner, from the paths' own leverages.
            let net = Network::new(&g, &sp.strength);
            let target = net.position(g.node(&sp.target).unwrap()).unwrap();
            let v = net.position(g.node(&a.partner).unwrap()).unwrap();
            let best_free = sp
                .sources
                .iter()
                .filter(|s| !taken.contains(*s))
                .map(|s| {
                    let u = net.position(g.node(s).unwrap()).unwrap();
                    let mut ban = vec![false; net.node_count()];
                    ban[target] = true;
                    let l = super::super::paths::best_path(&net, u, v, sp.distance, Some(1), &ban)
                        .map_or(0.0, |p| p.leverage);
                    (l, s.clone())
                })
                .fold(
                    (0.0, None),
                    |acc, (l, s)| if l > acc.0 { (l, Some(s)) } else { acc },
                );
            if let (l, Some(s)) = best_free {
                greedy += a.score * l / a.best_leverage;
                taken.insert(s);
            }
        }
        assert!(
            capped.objective >= greedy - 1e-12,
            "{} < greedy {greedy}",
            capped.objective
        );
        let mut seen = std::collections::HashSet::new();
        for a in &capped.assignments {
            assert!(seen.insert(a.messenger.clone()), "{} twice", a.messenger);
            assert_eq!(a.capped, a.leverage < a.best_leverage);
        }
        // The partners do not change with how many are assigned (see: #10, "the answer changes
        // with --partners").
        let mut five = AssignParams::new(sp);
        five.partners = 5;
        let five = assign(&g, &five).unwrap();
        assert_eq!(five.assignments[..], plan.assignments[..5]);
    }
}
