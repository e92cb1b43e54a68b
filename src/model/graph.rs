//! [`InfluenceGraph`]: a petgraph directed graph of actors and ties, with an id index, groups and
//! metadata.

use std::collections::{BTreeSet, HashMap};

use indexmap::IndexMap;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableDiGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences};

use super::actor::{Actor, ActorId};
use super::group::Group;
use super::tie::{Channel, Tie};

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
}

impl InfluenceGraph {
    /// An empty graph with metadata.
    pub fn new(meta: Meta) -> Self {
        InfluenceGraph {
            meta,
            ..InfluenceGraph::default()
        }
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
