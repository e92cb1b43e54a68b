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
use super::provenance::{Citation, Cite};
use super::rules::{self, ModelError};
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
    /// Group ids by their ASCII lower case, for finding a group in any case in O(1).
    groups_ci: HashMap<String, String, foldhash::fast::RandomState>,
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

    /// Adds an actor, after checking it against the rules a loaded file obeys
    /// ([`rules::check_actor`]): a well-formed, free id that is no group's (in any case),
    /// coordinates in range, valid figures, stance targets that are other actors of the graph,
    /// and citations the graph holds. On error nothing changes.
    ///
    /// # Errors
    /// The [`ModelError`] of the first rule broken.
    ///
    /// # Complexity
    /// O(size of the actor + groups).
    ///
    /// # Examples
    /// ```
    /// use leverage::model::{Actor, InfluenceGraph, Meta, ModelError};
    /// let mut g = InfluenceGraph::new(Meta::default());
    /// assert!(g.add_actor(Actor::new("AUT", "Austria")).is_ok());
    /// assert!(matches!(
    ///     g.add_actor(Actor::new("AUT", "Austria again")),
    ///     Err(ModelError::DuplicateId { .. })
    /// ));
    /// assert!(matches!(
    ///     g.add_actor(Actor::new("new state", "Spaces")),
    ///     Err(ModelError::MalformedId { .. })
    /// ));
    /// ```
    pub fn add_actor(&mut self, actor: Actor) -> Result<NodeIndex, ModelError> {
        if self.index.contains_key(&actor.id) {
            return Err(ModelError::DuplicateId {
                id: actor.id.to_string(),
            });
        }
        rules::check_actor(&actor)?;
        if let Some(g) = self.group_ci(actor.id.as_str()) {
            return Err(ModelError::IdIsGroup {
                id: actor.id.to_string(),
                group: g.id.clone(),
            });
        }
        self.check_actor_links(&actor)?;
        Ok(self.add_actor_unchecked(actor))
    }

    /// Adds an actor without checking it, for loaders that have checked every rule already
    /// (`io::validate`): the id must be free.
    pub(crate) fn add_actor_unchecked(&mut self, actor: Actor) -> NodeIndex {
        debug_assert!(!self.index.contains_key(&actor.id), "a free id");
        let id = actor.id.clone();
        let node = self.graph.add_node(actor);
        self.index.insert(id, node);
        node
    }

    /// The rules of an actor that involve the rest of the graph: stance targets are actors of the
    /// graph, and every citation is in [`InfluenceGraph::citations`].
    fn check_actor_links(&self, a: &Actor) -> Result<(), ModelError> {
        if let Some(t) = a.stance.keys().find(|t| !self.index.contains_key(*t)) {
            return Err(ModelError::UnknownStanceTarget {
                id: a.id.to_string(),
                target: t.to_string(),
            });
        }
        for (field, cite) in rules::actor_cites(a) {
            self.check_cites(cite, || format!("actor {} {field}", a.id))?;
        }
        Ok(())
    }

    fn check_cites(&self, cite: &Cite, field: impl Fn() -> String) -> Result<(), ModelError> {
        match cite.ids().find(|c| !self.citations.contains_key(*c)) {
            Some(c) => Err(ModelError::UnknownCitation {
                field: field(),
                cite: c.to_owned(),
            }),
            None => Ok(()),
        }
    }

    /// Edits the actor at `node` through `edit`, then checks the result as
    /// [`InfluenceGraph::add_actor`] does; an edit that breaks a rule or changes the id is undone
    /// (the actor stays as it was) and refused. Returns what `edit` returns.
    ///
    /// # Errors
    /// [`ModelError::UnknownNode`] if `node` is not an actor; [`ModelError::IdChanged`] if the
    /// edit changed the id; otherwise the [`ModelError`] of the first rule broken.
    ///
    /// # Complexity
    /// O(size of the actor + groups): the edit works on a copy, which replaces the actor once
    /// checked.
    ///
    /// # Examples
    /// ```
    /// use leverage::model::{Actor, ActorId, InfluenceGraph, Meta, ModelError};
    /// let mut g = InfluenceGraph::new(Meta::default());
    /// let aut = g.add_actor(Actor::new("AUT", "Austria")).unwrap();
    /// g.update_actor(aut, |a| a.name = "Republic of Austria".into()).unwrap();
    /// let e = g.update_actor(aut, |a| a.id = ActorId::from("DEU")).unwrap_err();
    /// assert!(matches!(e, ModelError::IdChanged { .. }));
    /// assert_eq!(g.actor(aut).id.as_str(), "AUT");
    /// ```
    pub fn update_actor<R>(
        &mut self,
        node: NodeIndex,
        edit: impl FnOnce(&mut Actor) -> R,
    ) -> Result<R, ModelError> {
        let current = self
            .graph
            .node_weight(node)
            .ok_or(ModelError::UnknownNode { end: "node" })?;
        let mut a = current.clone();
        let out = edit(&mut a);
        if a.id != current.id {
            return Err(ModelError::IdChanged {
                from: current.id.to_string(),
                to: a.id.to_string(),
            });
        }
        rules::check_actor(&a)?;
        self.check_actor_links(&a)?;
        self.graph[node] = a;
        Ok(out)
    }

    /// Adds or replaces the tie `from -> to`, after checking it against the rules a loaded file
    /// obeys ([`rules::check_tie`]): two different actors of the graph, at least one channel,
    /// well-formed channel names, valid figures and known citations. Returns the tie it
    /// replaced, if any. On error nothing changes.
    ///
    /// # Errors
    /// [`ModelError::UnknownNode`] if an end is not an actor of the graph; otherwise the
    /// [`ModelError`] of the first rule broken.
    ///
    /// # Complexity
    /// O(channels + out-degree of `from`).
    ///
    /// # Examples
    /// ```
    /// use leverage::model::{Actor, Channel, Figure, InfluenceGraph, Meta, ModelError, Tie};
    /// let mut g = InfluenceGraph::new(Meta::default());
    /// let aut = g.add_actor(Actor::new("AUT", "Austria")).unwrap();
    /// let rus = g.add_actor(Actor::new("RUS", "Russia")).unwrap();
    /// let mut tie = Tie::default();
    /// tie.channels.insert(Channel::from("trade"), Figure::new(1.7, "a typo", 2024));
    /// assert!(matches!(g.set_tie(aut, rus, tie), Err(ModelError::TieFigure { .. })));
    /// assert_eq!(g.tie_count(), 0);
    /// ```
    pub fn set_tie(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        tie: Tie,
    ) -> Result<Option<Tie>, ModelError> {
        self.check_tie_at(from, to, &tie)?;
        Ok(if let Some(e) = self.graph.find_edge(from, to) {
            Some(std::mem::replace(&mut self.graph[e], tie))
        } else {
            self.graph.add_edge(from, to, tie);
            None
        })
    }

    fn check_tie_at(&self, from: NodeIndex, to: NodeIndex, tie: &Tie) -> Result<(), ModelError> {
        let a = self
            .graph
            .node_weight(from)
            .ok_or(ModelError::UnknownNode { end: "from" })?;
        let b = self
            .graph
            .node_weight(to)
            .ok_or(ModelError::UnknownNode { end: "to" })?;
        rules::check_tie(&a.id, &b.id, tie)?;
        let series = tie.series.iter().flat_map(|s| s.iter());
        let figs = tie
            .channels
            .iter()
            .map(|(c, f)| (c, std::slice::from_ref(f)))
            .chain(series.map(|(c, f)| (c, f.as_slice())));
        for (c, fs) in figs {
            for f in fs {
                self.check_cites(&f.cite, || format!("tie {} -> {} channels.{c}", a.id, b.id))?;
            }
        }
        Ok(())
    }

    /// Edits the tie `from -> to` through `edit`, then checks the result as
    /// [`InfluenceGraph::set_tie`] does; an edit that breaks a rule (an emptied tie included:
    /// remove it with [`InfluenceGraph::remove_tie`]) is undone and refused. Returns what `edit`
    /// returns, or `None` if there is no such tie.
    ///
    /// # Errors
    /// The [`ModelError`] of the first rule broken.
    ///
    /// # Complexity
    /// O(channels + out-degree of `from`): the edit works on a copy.
    pub fn update_tie<R>(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        edit: impl FnOnce(&mut Tie) -> R,
    ) -> Result<Option<R>, ModelError> {
        match self.graph.find_edge(from, to) {
            None => Ok(None),
            Some(e) => self.update_tie_at(e, edit).map(Some),
        }
    }

    /// [`InfluenceGraph::update_tie`] on the tie with edge index `e` (for an editor that keeps
    /// its own index of pairs, so that many edits of one actor's ties stay linear).
    ///
    /// # Errors
    /// As [`InfluenceGraph::update_tie`]; [`ModelError::UnknownNode`] if `e` is not a tie.
    pub(crate) fn update_tie_at<R>(
        &mut self,
        e: EdgeIndex,
        edit: impl FnOnce(&mut Tie) -> R,
    ) -> Result<R, ModelError> {
        let ((from, to), current) = self
            .graph
            .edge_endpoints(e)
            .zip(self.graph.edge_weight(e))
            .ok_or(ModelError::UnknownNode { end: "tie" })?;
        let mut t = current.clone();
        let out = edit(&mut t);
        self.check_tie_at(from, to, &t)?;
        self.graph[e] = t;
        Ok(out)
    }

    /// Adds the tie `from -> to`, checked as [`InfluenceGraph::set_tie`] does, without looking
    /// for an existing one (the caller knows the pair is new); returns its edge index.
    ///
    /// # Errors
    /// As [`InfluenceGraph::set_tie`].
    pub(crate) fn add_tie_at(
        &mut self,
        from: NodeIndex,
        to: NodeIndex,
        tie: Tie,
    ) -> Result<EdgeIndex, ModelError> {
        self.check_tie_at(from, to, &tie)?;
        Ok(self.graph.add_edge(from, to, tie))
    }

    /// Removes the tie with edge index `e`, returning it.
    pub(crate) fn remove_tie_at(&mut self, e: EdgeIndex) -> Option<Tie> {
        self.graph.remove_edge(e)
    }

    /// Every tie as `((from, to), edge)`, for an editor's index of pairs.
    pub(crate) fn tie_pairs(
        &self,
    ) -> impl Iterator<Item = ((NodeIndex, NodeIndex), EdgeIndex)> + '_ {
        self.graph
            .edge_references()
            .map(|e| ((e.source(), e.target()), e.id()))
    }

    /// Makes room for `actors` more actors and `ties` more ties, exactly, so that a builder that
    /// knows its size allocates once rather than doubling (peak memory of a large load).
    pub fn reserve(&mut self, actors: usize, ties: usize) {
        self.graph.reserve_exact_nodes(actors);
        self.graph.reserve_exact_edges(ties);
        self.index.reserve(actors);
    }

    /// Adds the tie `from -> to` without checking it or looking for an existing one: O(1), for
    /// loaders that have checked every rule and refused duplicate pairs already (a duplicate
    /// would make a parallel edge).
    ///
    /// # Panics
    /// If `from` or `to` is not a node of this graph (a programmer error).
    pub(crate) fn add_new_tie(&mut self, from: NodeIndex, to: NodeIndex, tie: Tie) {
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

    /// Adds or replaces a group, after checking it against the rules a loaded file obeys: a
    /// well-formed id that is no actor's and no other group's in another case, at least one
    /// member, every member an actor of the graph and listed once, a lead among the members, a
    /// year in 1900-2100 and known citations. Returns the group it replaced, if any. On error
    /// nothing changes.
    ///
    /// # Errors
    /// The [`ModelError`] of the first rule broken.
    ///
    /// # Complexity
    /// O(members + groups) expected time, plus O(actors) for a new group id (an actor id in
    /// another case is looked for).
    pub fn set_group(&mut self, group: Group) -> Result<Option<Group>, ModelError> {
        let actor_ci = |id: &str| {
            self.actors()
                .find(|(_, a)| a.id.as_str().eq_ignore_ascii_case(id))
                .map(|(_, a)| a.id.to_string())
        };
        self.check_group(&group, &actor_ci)?;
        Ok(self.set_group_unchecked(group))
    }

    /// [`InfluenceGraph::set_group`] for an editor that keeps its own index of actor ids in
    /// lower case: `actor_ci` gives the actor whose id is the given one in any case.
    ///
    /// # Errors
    /// As [`InfluenceGraph::set_group`].
    pub(crate) fn set_group_indexed(
        &mut self,
        group: Group,
        actor_ci: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Option<Group>, ModelError> {
        self.check_group(&group, actor_ci)?;
        Ok(self.set_group_unchecked(group))
    }

    /// Adds or replaces a group without checking it, for loaders that have checked every rule.
    pub(crate) fn set_group_unchecked(&mut self, group: Group) -> Option<Group> {
        self.groups_ci
            .insert(group.id.to_ascii_lowercase(), group.id.clone());
        self.groups.insert(group.id.clone(), group)
    }

    fn check_group(
        &self,
        g: &Group,
        actor_ci: &dyn Fn(&str) -> Option<String>,
    ) -> Result<(), ModelError> {
        let id = g.id.as_str();
        if !ActorId::is_well_formed(id) {
            return Err(ModelError::MalformedGroupId { id: id.to_owned() });
        }
        if let Some(other) = self.group_ci(id).filter(|o| o.id != id) {
            return Err(ModelError::GroupCase {
                id: id.to_owned(),
                existing: other.id.clone(),
            });
        }
        // A group already there had its id checked against the actors when it was set; actors
        // added since were checked against it.
        if !self.groups.contains_key(id) {
            if let Some(actor) = actor_ci(id) {
                return Err(ModelError::GroupIsActor {
                    id: id.to_owned(),
                    actor,
                });
            }
        }
        if g.members.is_empty() {
            return Err(ModelError::EmptyGroup { id: id.to_owned() });
        }
        let mut seen: std::collections::HashSet<&ActorId, foldhash::fast::RandomState> =
            std::collections::HashSet::with_capacity_and_hasher(
                g.members.len(),
                Default::default(),
            );
        for m in &g.members {
            if !self.index.contains_key(m) {
                return Err(ModelError::UnknownMember {
                    group: id.to_owned(),
                    member: m.to_string(),
                });
            }
            if !seen.insert(m) {
                return Err(ModelError::RepeatedMember {
                    group: id.to_owned(),
                    member: m.to_string(),
                });
            }
        }
        if let Some(lead) = g.lead.as_ref().filter(|l| !seen.contains(l)) {
            return Err(ModelError::LeadNotMember {
                group: id.to_owned(),
                lead: lead.to_string(),
            });
        }
        if let Some(year) = g.year.filter(|y| !rules::YEARS.contains(y)) {
            return Err(ModelError::GroupYear {
                group: id.to_owned(),
                year,
            });
        }
        self.check_cites(&g.cite, || format!("group {id}"))
    }

    /// The group whose id is `id` in any case (ids differ by more than case, so there is at most
    /// one).
    ///
    /// # Complexity
    /// O(length of `id`).
    pub fn group_ci(&self, id: &str) -> Option<&Group> {
        self.groups.get(id).or_else(|| {
            self.groups_ci
                .get(&id.to_ascii_lowercase())
                .and_then(|g| self.groups.get(g))
        })
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
        self.groups_ci.remove(&id.to_ascii_lowercase());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figure, FigureFault, Stance};

    fn two() -> (InfluenceGraph, NodeIndex, NodeIndex) {
        let mut g = InfluenceGraph::new(Meta::default());
        let aut = g.add_actor(Actor::new("AUT", "Austria")).unwrap();
        let rus = g.add_actor(Actor::new("RUS", "Russia")).unwrap();
        (g, aut, rus)
    }

    fn tie(value: f64) -> Tie {
        let mut t = Tie::default();
        t.channels
            .insert(Channel::from("trade"), Figure::new(value, "test", 2024));
        t
    }

    // See: #12
    #[test]
    fn the_api_refuses_what_a_file_may_not_hold() {
        let (mut g, aut, rus) = two();
        let e = g.set_tie(aut, rus, tie(1.7)).unwrap_err();
        assert_eq!(
            e,
            ModelError::TieFigure {
                from: "AUT".into(),
                to: "RUS".into(),
                channel: "trade".into(),
                fault: FigureFault::Value(1.7),
            }
        );
        assert_eq!(g.tie_count(), 0, "nothing added");
        assert!(matches!(
            g.add_actor(Actor::new("new state", "x")),
            Err(ModelError::MalformedId { .. })
        ));
        assert!(matches!(
            g.add_actor(Actor::new("aut", "x")),
            Err(ModelError::LowercaseIso { .. })
        ));
        assert!(matches!(
            g.add_actor(Actor::new("AUT", "x")),
            Err(ModelError::DuplicateId { .. })
        ));
        assert_eq!(g.actor_count(), 2);
        assert!(matches!(
            g.set_tie(aut, aut, tie(0.5)),
            Err(ModelError::SelfTie { .. })
        ));
        assert!(matches!(
            g.set_tie(aut, rus, Tie::default()),
            Err(ModelError::NoChannels { .. })
        ));
        assert!(matches!(
            g.set_tie(aut, NodeIndex::new(9), tie(0.5)),
            Err(ModelError::UnknownNode { end: "to" })
        ));
        let mut bad = Tie::default();
        bad.channels
            .insert(Channel::from("Trade"), Figure::new(0.1, "s", 2024));
        assert!(matches!(
            g.set_tie(aut, rus, bad),
            Err(ModelError::MalformedChannel { .. })
        ));
        let mut far = Actor::new("BRA", "Brazil");
        far.coordinates = Some(crate::model::Coordinates {
            lat: f64::NAN,
            lon: 0.0,
        });
        assert!(matches!(
            g.add_actor(far),
            Err(ModelError::Coordinate { field: "lat", .. })
        ));
        let mut selfish = Actor::new("BRA", "Brazil");
        selfish
            .stance
            .insert(ActorId::from("BRA"), Stance::default());
        assert!(matches!(
            g.add_actor(selfish),
            Err(ModelError::StanceTowardsItself { .. })
        ));
        let mut forward = Actor::new("BRA", "Brazil");
        forward
            .stance
            .insert(ActorId::from("CHN"), Stance::default());
        assert!(matches!(
            g.add_actor(forward),
            Err(ModelError::UnknownStanceTarget { .. })
        ));
        let mut cited = Actor::new("BRA", "Brazil");
        let mut r = Figure::new(0.5, "s", 2024);
        r.cite = Cite::one("nowhere");
        cited.receptiveness = Some(r);
        assert!(matches!(
            g.add_actor(cited),
            Err(ModelError::UnknownCitation { .. })
        ));
    }

    // See: #12
    #[test]
    fn edits_are_checked_and_undone_when_refused() {
        let (mut g, aut, rus) = two();
        let e = g
            .update_actor(aut, |a| a.id = ActorId::from("DEU"))
            .unwrap_err();
        assert!(matches!(e, ModelError::IdChanged { .. }));
        assert_eq!(g.actor(aut).id.as_str(), "AUT");
        assert_eq!(g.node_of("AUT"), Some(aut));
        assert_eq!(g.node_of("DEU"), None, "the index is unchanged");
        let e = g
            .update_actor(aut, |a| {
                a.name = "changed".into();
                a.receptiveness = Some(Figure::new(0.5, "s", 99_999));
            })
            .unwrap_err();
        assert!(matches!(e, ModelError::ActorFigure { .. }), "{e}");
        assert_eq!(g.actor(aut).name, "Austria", "the whole edit is undone");
        g.set_tie(aut, rus, tie(0.5)).unwrap();
        let e = g
            .update_tie(aut, rus, |t| t.channels.shift_remove("trade"))
            .unwrap_err();
        assert!(matches!(e, ModelError::NoChannels { .. }));
        assert_eq!(g.tie(aut, rus).unwrap().channels.len(), 1);
        assert_eq!(g.update_tie(rus, aut, |_| ()), Ok(None), "no such tie");
        g.update_tie(aut, rus, |t| {
            t.channels
                .insert(Channel::from("energy"), Figure::new(0.2, "s", 2024))
        })
        .unwrap();
        assert_eq!(g.tie(aut, rus).unwrap().channels.len(), 2);
    }

    // See: #12
    #[test]
    fn groups_keep_the_rules() {
        let (mut g, _, _) = two();
        let err = |g: &mut InfluenceGraph, grp: Group| g.set_group(grp).unwrap_err();
        assert!(matches!(
            err(&mut g, Group::new("eu", vec![])),
            ModelError::EmptyGroup { .. }
        ));
        assert!(matches!(
            err(&mut g, Group::new("eu", vec![ActorId::from("FRA")])),
            ModelError::UnknownMember { .. }
        ));
        assert!(matches!(
            err(
                &mut g,
                Group::new("eu", vec![ActorId::from("AUT"), ActorId::from("AUT")])
            ),
            ModelError::RepeatedMember { .. }
        ));
        assert!(matches!(
            err(&mut g, Group::new("aut", vec![ActorId::from("RUS")])),
            ModelError::GroupIsActor { .. }
        ));
        g.set_group(Group::new("eu", vec![ActorId::from("AUT")]))
            .unwrap();
        assert!(matches!(
            err(&mut g, Group::new("EU", vec![ActorId::from("AUT")])),
            ModelError::GroupCase { .. }
        ));
        assert_eq!(g.group_ci("Eu").map(|x| x.id.as_str()), Some("eu"));
        assert!(matches!(
            g.add_actor(Actor::new("EU", "x")),
            Err(ModelError::IdIsGroup { .. })
        ));
        let mut led = Group::new("eu", vec![ActorId::from("AUT")]);
        led.lead = Some(ActorId::from("RUS"));
        assert!(matches!(err(&mut g, led), ModelError::LeadNotMember { .. }));
    }
}
