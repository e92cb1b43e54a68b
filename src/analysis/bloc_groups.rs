//! Blocs by name (docs/MODEL.md, "Blocs"): the partition of [`crate::analysis::blocs`] on a
//! graph, its blocs named `bloc-1`, `bloc-2`... (largest first) and compared with the graph's
//! own groups, and the same blocs added to the graph as groups, so that every command that
//! takes a group takes a bloc.

use serde::Serialize;

use super::blocs::{blocs, directed_modularity, BlocsParams};
use super::network::Network;
use crate::error::{Error, Result};
use crate::model::{ActorId, Group, InfluenceGraph, StrengthRule};

/// The prefix of a bloc's group id: bloc `n` (1-based, largest first) is `bloc-n`.
pub const BLOC_PREFIX: &str = "bloc-";

/// The graph group a bloc resembles most.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resemblance {
    /// The group's id.
    pub group: String,
    /// Members the bloc and the group share.
    pub shared: usize,
    /// The group's size.
    pub group_size: usize,
}

/// One bloc.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bloc {
    /// 1-based number (largest first, then by first member in file order).
    pub bloc: usize,
    /// Its group id, `bloc-N`.
    pub id: String,
    /// Members, in file order.
    pub members: Vec<ActorId>,
    /// The graph group with the largest Jaccard similarity to it (none if no group shares a
    /// member; `bloc-` groups are not compared).
    pub resembles: Option<Resemblance>,
}

/// The blocs found, with how they were found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct NamedBlocs {
    /// `leiden` or `louvain`.
    pub method: String,
    /// The seed used.
    pub seed: u64,
    /// The resolution used.
    pub resolution: f64,
    /// Independent runs; the best was kept.
    pub restarts: usize,
    /// Modularity of the partition on the undirected ties `s(u -> v) + s(v -> u)` (the one
    /// maximised).
    pub modularity: f64,
    /// Leicht-Newman modularity of the same partition on the directed ties.
    pub directed_modularity: f64,
    /// Iterations (Leiden) or levels (Louvain) that changed the partition.
    pub iterations: usize,
    /// Whether the run stopped on its own rather than at the iteration cap.
    pub converged: bool,
    /// Whether these are the default parameters, the blocs `--with-blocs` adds as groups.
    pub default_parameters: bool,
    /// The blocs.
    pub blocs: Vec<Bloc>,
}

/// Finds the blocs of `graph` on the tie strengths of `rule` with `params`, and names them.
///
/// # Errors
/// As [`blocs`]: [`Error::EmptyGraph`], or [`Error::InvalidParameter`] naming a field.
///
/// # Complexity
/// As [`blocs`], plus O(|V| + sum of group sizes) to compare the blocs with the groups.
///
/// # Examples
/// ```
/// use leverage::analysis::bloc_groups::named_blocs;
/// use leverage::analysis::blocs::BlocsParams;
/// use leverage::io::{load, GraphSource};
/// use leverage::model::StrengthRule;
///
/// let graph = load(&GraphSource::Bundled)?;
/// let b = named_blocs(&graph, &StrengthRule::default(), &BlocsParams::default())?;
/// assert_eq!(b.blocs[0].id, "bloc-1");
/// let total: usize = b.blocs.iter().map(|x| x.members.len()).sum();
/// assert_eq!(total, graph.actor_count());
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn named_blocs(
    graph: &InfluenceGraph,
    rule: &StrengthRule,
    params: &BlocsParams,
) -> Result<NamedBlocs> {
    let net = Network::new(graph, rule);
    let found = blocs(&net, params)?;
    let directed = directed_modularity(&net, &found.communities, found.resolution)?;
    let groups: Vec<&Group> = graph
        .groups()
        .filter(|g| !g.id.starts_with(BLOC_PREFIX))
        .collect();
    let out = found
        .communities
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let members: Vec<ActorId> = c
                .iter()
                .map(|&v| graph.actor(net.node(v)).id.clone())
                .collect();
            let mut best: Option<(f64, Resemblance)> = None;
            for g in &groups {
                let shared = g.members.iter().filter(|m| members.contains(m)).count();
                if shared == 0 {
                    continue;
                }
                #[allow(clippy::cast_precision_loss)]
                let jaccard = shared as f64 / (members.len() + g.members.len() - shared) as f64;
                if best.as_ref().is_none_or(|(b, _)| jaccard > *b) {
                    best = Some((
                        jaccard,
                        Resemblance {
                            group: g.id.clone(),
                            shared,
                            group_size: g.members.len(),
                        },
                    ));
                }
            }
            Bloc {
                bloc: i + 1,
                id: format!("{BLOC_PREFIX}{}", i + 1),
                members,
                resembles: best.map(|b| b.1),
            }
        })
        .collect();
    let d = BlocsParams::default();
    Ok(NamedBlocs {
        method: found.method.name().to_owned(),
        seed: found.seed,
        resolution: found.resolution,
        restarts: params.restarts,
        modularity: found.modularity,
        directed_modularity: directed,
        iterations: found.iterations,
        converged: found.converged,
        default_parameters: params.method == d.method
            && params.seed == d.seed
            && params.resolution == d.resolution
            && params.restarts == d.restarts,
        blocs: out,
    })
}

/// Adds each bloc to `graph` as the group `bloc-N`, with a note saying how it was found.
///
/// # Errors
/// [`Error::InvalidParameter`] if the graph already has a group or an actor of that id.
///
/// # Complexity
/// O(|V| + number of groups).
pub fn add_bloc_groups(graph: &mut InfluenceGraph, blocs: &NamedBlocs) -> Result<()> {
    for b in &blocs.blocs {
        if graph.group(&b.id).is_some() || graph.actor_by_id(&b.id).is_some() {
            return Err(Error::InvalidParameter {
                name: "blocs".into(),
                value: b.id.clone(),
                expected: format!(
                    "`{}` is already a group or actor of the graph; rename it to use blocs as groups",
                    b.id
                ),
            });
        }
        let mut g = Group::new(&b.id, b.members.clone());
        g.note = Some(format!(
            "bloc {} of {} ({}, seed {}, resolution {}, modularity {:.4})",
            b.bloc,
            blocs.blocs.len(),
            blocs.method,
            blocs.seed,
            blocs.resolution,
            blocs.modularity
        ));
        graph.set_group(g)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::{load, GraphSource};

    #[test]
    fn bundled_blocs_partition_the_actors_and_become_groups() {
        let mut g = load(&GraphSource::Bundled).unwrap();
        let b = named_blocs(&g, &StrengthRule::default(), &BlocsParams::default()).unwrap();
        assert!(b.default_parameters);
        let mut all: Vec<&ActorId> = b.blocs.iter().flat_map(|x| &x.members).collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n, "each actor in one bloc");
        assert_eq!(n, g.actor_count());
        // Largest first.
        assert!(b
            .blocs
            .windows(2)
            .all(|w| w[0].members.len() >= w[1].members.len()));
        // The modularity reported is the library's for this partition, recomputed.
        let net = Network::new(&g, &StrengthRule::default());
        let communities: Vec<Vec<usize>> = b
            .blocs
            .iter()
            .map(|x| {
                let mut c: Vec<usize> = x
                    .members
                    .iter()
                    .map(|m| net.position(g.node(m).unwrap()).unwrap())
                    .collect();
                c.sort_unstable();
                c
            })
            .collect();
        let q = crate::analysis::blocs::modularity(&net, &communities, 1.0).unwrap();
        assert!((q - b.modularity).abs() < 1e-12);
        add_bloc_groups(&mut g, &b).unwrap();
        let first = g.group("bloc-1").unwrap();
        assert_eq!(first.members, b.blocs[0].members);
        // Twice is refused: the ids are taken.
        assert!(add_bloc_groups(&mut g, &b).is_err());
    }
}
