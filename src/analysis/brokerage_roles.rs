//! Gould-Fernandez brokerage roles: for each actor, the two-step leverage chains `u -> v -> w` it
//! sits in the middle of, classified by a partition of the actors into blocs.

use serde::Serialize;

use super::network::Network;
use crate::error::{Error, Result};
use crate::model::{ActorId, InfluenceGraph, Resolver, StrengthRule};

/// The default bloc priority of the partition: an actor joins the first of these groups it
/// belongs to.
pub const DEFAULT_PARTITION: &[&str] = &["EU", "BRICS", "CentralAsia", "Mercosur"];

/// The five roles, in output order.
pub const ROLES: [&str; 5] = [
    "coordinator",
    "itinerant",
    "representative",
    "gatekeeper",
    "liaison",
];

/// Counts of the five Gould-Fernandez roles of every node, from a class (bloc) per node.
///
/// Direction: along the ties. For each broker `v`, every two-path `u -> v -> w` with `u != w`
/// and **no tie `u -> w`** (the chain is needed) counts once, by the classes of `u`, `v`, `w`:
///
/// | role | classes | index |
/// |---|---|---|
/// | coordinator | `u`, `v`, `w` in one class | 0 |
/// | itinerant (consultant) | `u`, `w` in one class, `v` outside it | 1 |
/// | representative | `u`, `v` in one class, `w` in another | 2 |
/// | gatekeeper | `v`, `w` in one class, `u` in another | 3 |
/// | liaison | three different classes | 4 |
///
/// Ties count whatever their strength (any positive strength is a tie); a tie `w -> u` does not
/// prevent counting.
///
/// # Panics
/// If `class` is shorter than the number of nodes (a programmer error).
///
/// # Errors
/// None (counts are always defined).
///
/// # Complexity
/// O(sum over v of in(v) · out(v) · log out(u)) time, O(|V|) extra space.
///
/// # References
/// R. V. Gould, R. M. Fernandez, "Structures of mediation: a formal approach to brokerage in
/// transaction networks", Sociological Methodology 19, 1989, pp. 89-126.
///
/// # Examples
/// ```
/// use leverage::analysis::brokerage_roles::gould_fernandez;
/// use leverage::analysis::network::Network;
///
/// // 0 -> 1 -> 2 without a tie 0 -> 2; 0 and 2 in class 0, 1 in class 1: node 1 is an
/// // itinerant broker (index 1), once.
/// let net = Network::from_edges(3, &[(0, 1, 0.5), (1, 2, 0.5)]);
/// let roles = gould_fernandez(&net, &[0, 1, 0]);
/// assert_eq!(roles, vec![[0; 5], [0, 1, 0, 0, 0], [0; 5]]);
/// ```
pub fn gould_fernandez(net: &Network, class: &[usize]) -> Vec<[u64; 5]> {
    let n = net.node_count();
    assert!(class.len() >= n, "one class per node");
    (0..n)
        .map(|v| {
            let mut counts = [0u64; 5];
            let (ins, _) = net.in_edges(v);
            let (outs, _) = net.out_edges(v);
            for &u in ins {
                let u = u as usize;
                for &w in outs {
                    let w = w as usize;
                    if u == w || net.strength(u, w) > 0.0 {
                        continue;
                    }
                    let (cu, cv, cw) = (class[u], class[v], class[w]);
                    let role = if cu == cv && cv == cw {
                        0
                    } else if cu == cw {
                        1
                    } else if cu == cv {
                        2
                    } else if cv == cw {
                        3
                    } else {
                        4
                    };
                    counts[role] += 1;
                }
            }
            counts
        })
        .collect()
}

/// Options of [`brokerage_roles`].
#[derive(Debug, Clone, PartialEq)]
pub struct RolesParams {
    /// The target actor, a class of its own (default `RUS`).
    pub target: ActorId,
    /// Group ids in priority order (default [`DEFAULT_PARTITION`]; with the default list,
    /// groups missing from the graph are skipped).
    pub partition: Vec<String>,
    /// How tie strengths are computed: a tie counts when its strength is positive.
    pub strength: StrengthRule,
}

impl Default for RolesParams {
    fn default() -> Self {
        RolesParams {
            target: ActorId::from("RUS"),
            partition: default_partition(),
            strength: StrengthRule::default(),
        }
    }
}

/// [`DEFAULT_PARTITION`] as owned strings.
///
/// # Examples
/// ```
/// use leverage::analysis::brokerage_roles::{default_partition, DEFAULT_PARTITION};
///
/// assert_eq!(default_partition(), DEFAULT_PARTITION);
/// assert_eq!(default_partition()[0], "EU");
/// ```
pub fn default_partition() -> Vec<String> {
    DEFAULT_PARTITION.iter().map(|s| (*s).to_owned()).collect()
}

/// One actor's roles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ActorRoles {
    /// 1-based rank by total, ties by id.
    pub rank: usize,
    /// Actor id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// The actor's class: the target's id, a group id, or its own id.
    pub class: String,
    /// Two-paths within one class.
    pub coordinator: u64,
    /// Two-paths from a class back into it, through an outsider.
    pub itinerant: u64,
    /// Two-paths from the broker's own class out to another.
    pub representative: u64,
    /// Two-paths from another class into the broker's own.
    pub gatekeeper: u64,
    /// Two-paths between two other, different classes.
    pub liaison: u64,
    /// Sum of the five.
    pub total: u64,
}

/// Gould-Fernandez roles of every actor (the JSON contract of `leverage roles`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[non_exhaustive]
pub struct BrokerageRoles {
    /// The target actor's id.
    pub target: String,
    /// The groups used, in priority order.
    pub partition: Vec<String>,
    /// Actors, most two-paths first (ties by id).
    pub actors: Vec<ActorRoles>,
}

/// Gould-Fernandez brokerage roles over blocs: who relays leverage between which blocs.
///
/// Direction: along the ties; actor `v` brokers the chain `u -> v -> w` (u holds leverage over
/// v, v over w) when there is no direct tie `u -> w`. The partition: the target alone; every
/// other actor in the first group of `partition` it belongs to; everyone else a class of their
/// own. So with the defaults, a partner relaying between an EU member and Russia is a
/// **liaison**, an EU member passing EU leverage on to Russia a **representative**, and an EU
/// member relaying a partner's leverage to another EU member a **gatekeeper**. Counts per
/// [`gould_fernandez`].
///
/// # Errors
/// [`Error::UnknownName`] for a target that is not an actor, or a `partition` entry that is not
/// a group of the graph (only for a list other than the default).
///
/// # Complexity
/// As [`gould_fernandez`], plus O(|V| + |E| log |E|) to build the network.
///
/// # References
/// R. V. Gould, R. M. Fernandez, "Structures of mediation", Sociological Methodology 19, 1989.
///
/// # Examples
/// ```
/// use leverage::analysis::brokerage_roles::{brokerage_roles, RolesParams};
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let r = brokerage_roles(&graph, &RolesParams::default())?;
/// assert_eq!(r.target, "RUS");
/// assert_eq!(r.actors.len(), graph.actor_count());
/// // Each actor's total is the sum of its five roles, and the list runs from the largest.
/// for a in &r.actors {
///     let five = a.coordinator + a.itinerant + a.representative + a.gatekeeper + a.liaison;
///     assert_eq!(a.total, five);
/// }
/// assert!(r.actors.windows(2).all(|w| w[0].total >= w[1].total));
/// # Ok::<(), leverage::Error>(())
/// ```
pub fn brokerage_roles(graph: &InfluenceGraph, params: &RolesParams) -> Result<BrokerageRoles> {
    let resolver = Resolver::new(graph);
    let target = graph
        .node(&params.target)
        .ok_or_else(|| Error::UnknownName {
            context: "target: ".into(),
            name: params.target.to_string(),
            suggestions: resolver.suggestions(params.target.as_str()),
        })?;
    let is_default = params.partition == default_partition();
    let mut groups = Vec::new();
    for name in params
        .partition
        .iter()
        .flat_map(|s| s.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        match graph.groups().find(|g| g.id.eq_ignore_ascii_case(name)) {
            Some(g) => groups.push(g),
            None if is_default => {}
            None => {
                return Err(Error::UnknownName {
                    context: "partition: ".into(),
                    name: name.to_owned(),
                    suggestions: resolver
                        .suggestions(name)
                        .into_iter()
                        .filter(|s| graph.group(s).is_some())
                        .collect(),
                })
            }
        }
    }
    let net = Network::new(graph, &params.strength);
    let n = net.node_count();
    // Class labels: 0 the target, 1..=groups by priority, then one per remaining actor.
    let mut class = vec![0usize; n];
    let mut label = vec![String::new(); n];
    let mut next = groups.len() + 1;
    for v in 0..n {
        let node = net.node(v);
        let actor = graph.actor(node);
        if node == target {
            label[v] = actor.id.to_string();
            continue;
        }
        match groups
            .iter()
            .position(|g| g.members.iter().any(|m| m == &actor.id))
        {
            Some(i) => {
                class[v] = i + 1;
                label[v] = groups[i].id.clone();
            }
            None => {
                class[v] = next;
                next += 1;
                label[v] = actor.id.to_string();
            }
        }
    }
    let counts = gould_fernandez(&net, &class);
    let mut actors: Vec<ActorRoles> = (0..n)
        .map(|v| {
            let a = graph.actor(net.node(v));
            let c = counts[v];
            ActorRoles {
                rank: 0,
                id: a.id.to_string(),
                name: a.name.clone(),
                class: label[v].clone(),
                coordinator: c[0],
                itinerant: c[1],
                representative: c[2],
                gatekeeper: c[3],
                liaison: c[4],
                total: c.iter().sum(),
            }
        })
        .collect();
    actors.sort_by(|a, b| b.total.cmp(&a.total).then_with(|| a.id.cmp(&b.id)));
    for (i, a) in actors.iter_mut().enumerate() {
        a.rank = i + 1;
    }
    Ok(BrokerageRoles {
        target: graph.actor(target).id.to_string(),
        partition: groups.iter().map(|g| g.id.clone()).collect(),
        actors,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_role_by_hand() {
        // Classes: 0 A, 1 A, 2 B, 3 C, 4 A, 5 B (A = 0, B = 1, C = 2).
        // Ties: 0->1, 0->5, 1->2, 1->4, 2->3, 2->4, 3->0, 4->1, 4->2, 5->4.
        // v=0: (3,0,1) C,A,A gatekeeper; (3,0,5) C,A,B liaison.
        // v=1: (0,1,2) A,A,B representative; (0,1,4) A,A,A coordinator; (4,1,2) has 4->2: no.
        // v=2: (1,2,3) A,B,C liaison; (1,2,4) has 1->4: no; (4,2,3) A,B,C liaison.
        // v=3: (2,3,0) B,C,A liaison.
        // v=4: (1,4,2) has 1->2: no; (2,4,1) B,A,A gatekeeper; (5,4,1) B,A,A gatekeeper;
        //      (5,4,2) B,A,B itinerant.
        // v=5: (0,5,4) A,B,A itinerant.
        let e = [
            (0, 1),
            (0, 5),
            (1, 2),
            (1, 4),
            (2, 3),
            (2, 4),
            (3, 0),
            (4, 1),
            (4, 2),
            (5, 4),
        ];
        let edges: Vec<(u32, u32, f64)> = e.iter().map(|&(f, t)| (f, t, 0.5)).collect();
        let net = Network::from_edges(6, &edges);
        let got = gould_fernandez(&net, &[0, 0, 1, 2, 0, 1]);
        // [coordinator, itinerant, representative, gatekeeper, liaison]
        assert_eq!(
            got,
            vec![
                [0, 0, 0, 1, 1],
                [1, 0, 1, 0, 0],
                [0, 0, 0, 0, 2],
                [0, 0, 0, 0, 1],
                [0, 1, 0, 2, 0],
                [0, 1, 0, 0, 0],
            ]
        );
    }

    #[test]
    fn partner_between_eu_and_russia_is_a_liaison() {
        // five.json: DEU -> IND -> RUS and DEU, AUT -> TUR -> RUS; no group but `signatories`,
        // so with the default partition DEU and AUT are classes of their own.
        let g = crate::io::json::parse(include_str!("../../tests/fixtures/five.json"), "five.json")
            .unwrap();
        let r = brokerage_roles(&g, &RolesParams::default()).unwrap();
        assert!(r.partition.is_empty());
        let tur = r.actors.iter().find(|a| a.id == "TUR").unwrap();
        // (DEU, TUR, RUS) and (AUT, TUR, RUS): three different classes each.
        assert_eq!((tur.liaison, tur.total), (2, 2));
        // With `signatories` as a bloc, AUT and DEU share a class: still liaisons.
        let p = RolesParams {
            partition: vec!["signatories".into()],
            ..RolesParams::default()
        };
        let r = brokerage_roles(&g, &p).unwrap();
        assert_eq!(r.partition, vec!["signatories"]);
        assert_eq!(r.actors[0].id, "TUR");
        assert_eq!(r.actors[0].class, "TUR");
        assert_eq!(r.actors[0].liaison, 2);
        let unknown = RolesParams {
            partition: vec!["nato".into()],
            ..RolesParams::default()
        };
        assert!(matches!(
            brokerage_roles(&g, &unknown),
            Err(Error::UnknownName { .. })
        ));
    }
}
