//! [`InfluenceGraph`]: a petgraph directed graph of actors and ties, with an id index, groups and
//! metadata.

use std::collections::{BTreeSet, HashMap};

use indexmap::IndexMap;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use std::cell::RefCell;
use std::sync::Arc;

use super::actor::{Actor, ActorId};
use super::group::Group;
use super::provenance::Citation;
use super::strength::{builtin_family, Families};
use super::tie::{Channel, Tie};

/// Numbers the families of a graph's channels ([`InfluenceGraph::family_table`]): channels of
/// one family get one number. Filled as channels are asked for.
pub struct FamilyTable<'g> {
    graph: &'g InfluenceGraph,
    /// (channel, family name, family number), in the order first asked.
    cache: RefCell<Vec<(Arc<str>, String, Families)>>,
}

impl FamilyTable<'_> {
    /// The family number of `channel`.
    ///
    /// # Complexity
    /// O(number of distinct channels) (a handful): channel names are shared, so the scan
    /// compares pointers first.
    pub fn of(&self, channel: &Channel) -> Families {
        let mut cache = self.cache.borrow_mut();
        if let Some((_, _, n)) = cache
            .iter()
            .find(|(c, _, _)| Arc::ptr_eq(c, &channel.0) || **c == *channel.0)
        {
            return *n;
        }
        let fam = self.graph.family_name(channel).to_owned();
        let n = cache.iter().find(|(_, f, _)| *f == fam).map_or_else(
            || Families::try_from(cache.len()).unwrap_or(Families::MAX),
            |x| x.2,
        );
        cache.push((channel.0.clone(), fam, n));
        n
    }

    /// Whether `channel` is diplomatic (its family is
    /// [`crate::model::strength::DIPLOMATIC_FAMILY`]).
    pub fn is_diplomatic(&self, channel: &Channel) -> bool {
        self.graph.family_name(channel) == super::strength::DIPLOMATIC_FAMILY
    }
}

/// Graph metadata: what the graph describes and when.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meta {
    /// A short title.
    pub title: String,
    /// The date the data describes or was compiled, `YYYY-MM-DD`.
    pub date: String,
    /// What the graph is for, what it covers.
    pub description: Option<String>,
    /// Caveats and method notes.
    pub notes: Vec<String>,
    /// What a build read (the manifest `leverage build` writes), kept as it is.
    pub build: Option<serde_json::Value>,
}

/// A channel's declaration: its family and what its weights mean.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChannelDecl {
    /// The flow the channel measures (channels of one family are not counted twice).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// What a weight of this channel means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The influence network: actors as nodes, ties `from -> to` (`from` holds leverage over `to`) as
/// edges, plus groups and metadata.
///
/// Node and edge order is the order actors and ties were added (file order), and removing a tie
/// keeps the order of the others (a petgraph [`StableDiGraph`]), so every analysis is
/// deterministic.
#[derive(Debug, Clone, Default)]
pub struct InfluenceGraph {
    /// Metadata.
    pub meta: Meta,
    graph: StableDiGraph<Actor, Tie>,
    /// Actor ids to nodes; foldhash (randomly seeded per process) rather than SipHash: loading
    /// a large graph looks up two ids per tie.
    index: HashMap<ActorId, NodeIndex, foldhash::fast::RandomState>,
    groups: IndexMap<String, Group>,
    /// Citations by id.
    pub citations: IndexMap<String, Citation>,
    /// Channel declarations by channel.
    pub channel_decls: IndexMap<Channel, ChannelDecl>,
    /// The format version the graph was read from (2 for a graph built in code).
    pub version: u64,
}

impl InfluenceGraph {
    /// An empty graph with metadata.
    pub fn new(meta: Meta) -> Self {
        InfluenceGraph {
            meta,
            version: 2,
            ..InfluenceGraph::default()
        }
    }

    /// The family of `channel`: the graph's declaration, else the built-in one
    /// ([`builtin_family`]).
    pub fn family_name<'a>(&'a self, channel: &'a Channel) -> &'a str {
        self.channel_decls
            .get(channel)
            .and_then(|d| d.family.as_deref())
            .unwrap_or_else(|| builtin_family(channel.as_str()))
    }

    /// The strength of `tie` under `rule` ([`super::strength::StrengthRule::strength`] with this graph's channel
    /// families).
    ///
    /// # Complexity
    /// O(c²) for c channels; O(1) for one channel.
    pub fn strength(&self, tie: &Tie, rule: &super::strength::StrengthRule) -> f64 {
        let fams = self.family_table();
        rule.strength(tie, &|c| fams.of(c))
    }

    /// A table numbering the families of this graph's channels, for computing strengths
    /// ([`crate::model::StrengthRule::strength`]).
    pub fn family_table(&self) -> FamilyTable<'_> {
        FamilyTable {
            graph: self,
            cache: RefCell::new(Vec::new()),
        }
    }

    /// Every actor, mutably, for whole-graph edits that keep ids (a year or basis view, a
    /// scenario): the id index stays valid because an actor's id cannot change here.
    pub(crate) fn for_each_actor_mut(&mut self, mut f: impl FnMut(&mut Actor)) {
        for n in self.graph.node_indices().collect::<Vec<_>>() {
            if let Some(a) = self.graph.node_weight_mut(n) {
                let id = a.id.clone();
                f(a);
                debug_assert_eq!(a.id, id, "an actor's id is not changed in place");
                a.id = id;
            }
        }
    }

    /// Every tie, mutably, with its ends.
    pub(crate) fn for_each_tie_mut(&mut self, mut f: impl FnMut(NodeIndex, NodeIndex, &mut Tie)) {
        let edges: Vec<EdgeIndex> = self.graph.edge_indices().collect();
        for e in edges {
            if let Some((a, b)) = self.graph.edge_endpoints(e) {
                if let Some(t) = self.graph.edge_weight_mut(e) {
                    f(a, b, t);
                }
            }
        }
    }

    /// Removes every tie for which `keep` is false, keeping the order of the others.
    pub(crate) fn retain_ties(&mut self, mut keep: impl FnMut(&Tie) -> bool) {
        self.graph.retain_edges(|g, e| keep(&g[e]));
    }

    /// The underlying petgraph graph.
    pub fn graph(&self) -> &StableDiGraph<Actor, Tie> {
        &self.graph
    }

    /// Adds an actor; returns `None` (and changes nothing) if its id is taken.
    pub fn add_actor(&mut self, actor: Actor) -> Option<NodeIndex> {
        if self.index.contains_key(&actor.id) {
            return None;
        }
        let id = actor.id.clone();
        let node = self.graph.add_node(actor);
        self.index.insert(id, node);
        Some(node)
    }

    /// Adds or replaces the tie `from -> to`; returns the tie it replaced, if any.
    ///
    /// # Panics
    /// If `from` or `to` is not a node of this graph (a programmer error).
    pub fn set_tie(&mut self, from: NodeIndex, to: NodeIndex, tie: Tie) -> Option<Tie> {
        assert!(
            self.graph.contains_node(from) && self.graph.contains_node(to),
            "set_tie: both ends must be nodes of the graph"
        );
        if let Some(e) = self.graph.find_edge(from, to) {
            Some(std::mem::replace(&mut self.graph[e], tie))
        } else {
            self.graph.add_edge(from, to, tie);
            None
        }
    }

    /// Makes room for `actors` more actors and `ties` more ties, exactly, so that a builder that
    /// knows its size allocates once rather than doubling (peak memory of a large load).
    pub fn reserve(&mut self, actors: usize, ties: usize) {
        self.graph.reserve_exact_nodes(actors);
        self.graph.reserve_exact_edges(ties);
        self.index.reserve(actors);
    }

    /// Adds the tie `from -> to` without looking for an existing one: O(1), for builders that
    /// have already refused duplicate pairs (a duplicate would make a parallel edge).
    ///
    /// # Panics
    /// If `from` or `to` is not a node of this graph (a programmer error).
    pub fn add_new_tie(&mut self, from: NodeIndex, to: NodeIndex, tie: Tie) {
        assert!(
            self.graph.contains_node(from) && self.graph.contains_node(to),
            "add_new_tie: both ends must be nodes of the graph"
        );
        debug_assert!(
            self.graph.find_edge(from, to).is_none(),
            "add_new_tie: a new pair"
        );
        self.graph.add_edge(from, to, tie);
    }

    /// Removes the tie `from -> to`, returning it.
    pub fn remove_tie(&mut self, from: NodeIndex, to: NodeIndex) -> Option<Tie> {
        let e = self.graph.find_edge(from, to)?;
        self.graph.remove_edge(e)
    }

    /// The tie `from -> to`, if any.
    pub fn tie(&self, from: NodeIndex, to: NodeIndex) -> Option<&Tie> {
        self.graph.find_edge(from, to).map(|e| &self.graph[e])
    }

    /// The tie `from -> to`, mutably.
    pub fn tie_mut(&mut self, from: NodeIndex, to: NodeIndex) -> Option<&mut Tie> {
        let e = self.graph.find_edge(from, to)?;
        self.graph.edge_weight_mut(e)
    }

    /// Adds or replaces a group.
    pub fn set_group(&mut self, group: Group) {
        self.groups.insert(group.id.clone(), group);
    }

    /// The node of actor `id`.
    pub fn node(&self, id: &ActorId) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The node of actor `id` given as a string.
    pub fn node_of(&self, id: &str) -> Option<NodeIndex> {
        self.index.get(id).copied()
    }

    /// The actor at `node`.
    ///
    /// # Panics
    /// If `node` is not in the graph (a programmer error).
    pub fn actor(&self, node: NodeIndex) -> &Actor {
        &self.graph[node]
    }

    /// The actor at `node`, mutably.
    pub fn actor_mut(&mut self, node: NodeIndex) -> Option<&mut Actor> {
        self.graph.node_weight_mut(node)
    }

    /// The actor with id `id`.
    pub fn actor_by_id(&self, id: &str) -> Option<&Actor> {
        self.node_of(id).map(|n| &self.graph[n])
    }

    /// Actors in file order, with their nodes.
    pub fn actors(&self) -> impl Iterator<Item = (NodeIndex, &Actor)> + '_ {
        self.graph.node_indices().map(move |n| (n, &self.graph[n]))
    }

    /// Ties in file order as `(edge, from, to, tie)`.
    pub fn ties(&self) -> impl Iterator<Item = (EdgeIndex, NodeIndex, NodeIndex, &Tie)> + '_ {
        self.graph
            .edge_references()
            .map(|e| (e.id(), e.source(), e.target(), e.weight()))
    }

    /// Groups in file order.
    pub fn groups(&self) -> impl Iterator<Item = &Group> + '_ {
        self.groups.values()
    }

    /// The group with id `id` (exact).
    pub fn group(&self, id: &str) -> Option<&Group> {
        self.groups.get(id)
    }

    /// Removes a group, returning it.
    pub fn remove_group(&mut self, id: &str) -> Option<Group> {
        self.groups.shift_remove(id)
    }

    /// The groups `id` belongs to, in file order.
    pub fn groups_of(&self, id: &ActorId) -> Vec<&str> {
        self.groups
            .values()
            .filter(|g| g.members.contains(id))
            .map(|g| g.id.as_str())
            .collect()
    }

    /// Number of actors.
    pub fn actor_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of ties.
    pub fn tie_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Every channel used by some tie, sorted.
    pub fn channels(&self) -> BTreeSet<Channel> {
        self.graph
            .edge_weights()
            .flat_map(|t| t.channels.keys().cloned())
            .collect()
    }
}
