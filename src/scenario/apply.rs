//! Applying a scenario's edits to a graph, with every failure placed in the scenario file.
//!
//! One function per kind of edit. Every edit goes through the graph's checked builders
//! ([`InfluenceGraph::add_actor`], [`InfluenceGraph::update_actor`], `set_group` and the tie
//! editors), so a scenario can only produce a graph that passes the rules a loaded file obeys;
//! an edit that would break one, or that changes nothing, is refused at its place in the file.
//! Groups are edited in a working copy and written back once, after the last edit, so that a
//! group is checked (no members, for one) in its final state and a large group edited many times
//! stays linear.

use std::collections::HashMap;

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use serde::Serialize;

use super::format::{Edit, Scenario};
use crate::error::{Error, Problem, Result};
use crate::io::location::Location;
use crate::model::rules::{self, FigureFault, ModelError};
use crate::model::{
    Actor, ActorId, Basis, Channel, Cite, Coordinates, Figure, Group, InfluenceGraph, Resolver,
    Signal, Tie,
};

type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// What one edit changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EditOutcome {
    /// The edit in words.
    pub edit: String,
    /// How many ties, actors or memberships it changed.
    pub changed: usize,
}

/// What a scenario changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioOutcome {
    /// The scenario's title.
    pub title: String,
    /// The file it came from.
    pub file: String,
    /// Its assumptions.
    pub assumptions: Vec<String>,
    /// Each edit's outcome, in order.
    pub edits: Vec<EditOutcome>,
}

/// Applies `scenario` to `graph`, edit by edit.
///
/// # Errors
/// [`Error::Invalid`] placed at the failing edit (`file:line:col (edits[i])`): unknown names
/// (with "did you mean"), any figure, id, coordinate or group that breaks a rule of the graph
/// format (`docs/FORMAT.md`, "Rules": values and ranges in [0, 1], a non-empty source, a year in
/// 1900-2100, an id that is free and no group's, a lower-case country code, a group left with no
/// members), a negative factor, or an edit that changes nothing (a `scale` that matches no tie or
/// leaves every value as it was, a `set` of the figure already there). On error the graph may
/// hold the edits before the failing one: apply to a copy when that matters.
///
/// # Complexity
/// O(graph + sum over edits of the pairs, members and names they touch) expected time: names,
/// groups and ties are looked up in indexes built once, never by a scan per edit.
pub fn apply(graph: &mut InfluenceGraph, scenario: &Scenario) -> Result<ScenarioOutcome> {
    let mut editor = Editor::new(graph, &scenario.doc.title);
    let mut edits = Vec::with_capacity(scenario.doc.edits.len());
    for (edit, at) in scenario.doc.edits.iter().zip(&scenario.places) {
        let changed = editor.apply(edit, at)?;
        edits.push(EditOutcome {
            edit: describe(edit),
            changed,
        });
    }
    editor.finish()?;
    Ok(ScenarioOutcome {
        title: scenario.doc.title.clone(),
        file: scenario.file.clone(),
        assumptions: scenario.doc.assumptions.clone(),
        edits,
    })
}

fn fail(at: &Location, message: String, hint: &str) -> Error {
    Error::Invalid {
        problems: vec![Problem::new(at.clone(), message, Some(hint.to_owned()))],
    }
}

/// A rule of the model broken by an edit, placed at the edit, with a fix.
fn refused(at: &Location, e: &ModelError) -> Error {
    let hint = match e {
        ModelError::MalformedId { .. } | ModelError::LowercaseIso { .. } => {
            "use an ISO 3166-1 alpha-3 code in capitals (`BRA`), or 4-64 letters, digits, `-`, `_`, `.`"
        }
        ModelError::DuplicateId { .. } => "choose a new id, or edit the existing actor's ties",
        ModelError::IdIsGroup { .. } | ModelError::GroupIsActor { .. } => {
            "rename it, so that a name means one thing"
        }
        ModelError::EmptyGroup { .. } => {
            "keep at least one member, or add the new members in the same edit"
        }
        ModelError::Coordinate { .. } => "check that `lat` and `lon` are not swapped",
        ModelError::ActorFigure { fault, .. } | ModelError::TieFigure { fault, .. } => {
            figure_hint(fault)
        }
        _ => "fix the edit so that the graph keeps the rules of docs/FORMAT.md",
    };
    fail(at, e.to_string(), hint)
}

fn figure_hint(fault: &FigureFault) -> &'static str {
    match fault {
        FigureFault::Value(_) => "figures are shares in [0, 1]: write 15% as 0.15",
        FigureFault::RangeEnds(_)
        | FigureFault::RangeReversed(_)
        | FigureFault::OutsideRange { .. } => {
            "write the range as `[low, high]` in [0, 1], with low <= value <= high"
        }
        FigureFault::EmptySource => {
            "say where the figure comes from; for an assumption, say so (\"scenario assumption: ...\")"
        }
        _ => "give the year the figure describes, in 1900-2100, e.g. 2026",
    }
}

/// A new figure of an edit, checked by the model's rules; its basis is `judgement` (a scenario
/// is an assumption).
fn new_figure(
    value: f64,
    range: Option<[f64; 2]>,
    source: &str,
    year: i32,
    what: &str,
    at: &Location,
) -> Result<Figure> {
    let fig = Figure {
        value,
        range,
        source: source.into(),
        year,
        basis: Basis::Judgement,
        cite: Cite::none(),
    };
    match rules::check_figure(&fig) {
        Ok(()) => Ok(fig),
        Err(fault) => Err(fail(at, format!("{what}: {fault}"), figure_hint(&fault))),
    }
}

fn check_channel(c: &str, at: &Location) -> Result<Channel> {
    if Channel::is_well_formed(c) {
        Ok(Channel::from(c))
    } else {
        Err(fail(
            at,
            format!("channel name `{c}` is not a lowercase identifier"),
            "use names like `trade`, `energy`, `security`",
        ))
    }
}

fn check_factor(factor: f64, at: &Location) -> Result<()> {
    if factor.is_finite() && factor >= 0.0 {
        Ok(())
    } else {
        Err(fail(
            at,
            format!("factor is `{factor}`, but it must be a number >= 0"),
            "use e.g. 1.3 for +30%, 0.5 to halve",
        ))
    }
}

/// `fig` scaled by `factor`, clamped to 1, with the scaling noted in its source and its basis kept;
/// `None` if the
/// value and range stay as they are (a factor of 1, a value of 0, a value clamped at 1 already).
///
/// The note of an earlier scaling by the same scenario is folded into one (`x1.2` then `x2`
/// reads `x2.4`), so that a scenario scaling one figure many times keeps its source short.
fn scaled(fig: &Figure, factor: f64, title: &str) -> Option<Figure> {
    let value = (fig.value * factor).min(1.0);
    let range = fig
        .range
        .map(|[lo, hi]| [(lo * factor).min(1.0), (hi * factor).min(1.0)]);
    if value == fig.value && range == fig.range {
        return None;
    }
    let tail = format!(" by scenario `{title}`)");
    let (base, earlier) = fig
        .source
        .strip_suffix(tail.as_str())
        .and_then(|s| s.rsplit_once(" (scaled x"))
        .and_then(|(base, f)| f.parse::<f64>().ok().map(|f| (base, f)))
        .unwrap_or((&fig.source, 1.0));
    let total = earlier * factor;
    Some(Figure {
        value,
        range,
        source: format!("{base} (scaled x{total}{tail}").into(),
        ..fig.clone()
    })
}

/// A group as edits leave it: members in order (a removed member leaves a hole, filled in when
/// the group is written back), where each member sits, and the last edit that changed it.
struct WorkGroup {
    group: Group,
    members: Vec<Option<ActorId>>,
    slot: FastMap<ActorId, usize>,
    live: usize,
    last: Location,
}

impl WorkGroup {
    fn new(group: Group, at: &Location) -> Self {
        let members: Vec<Option<ActorId>> = group.members.iter().cloned().map(Some).collect();
        let slot = group
            .members
            .iter()
            .enumerate()
            .map(|(i, m)| (m.clone(), i))
            .collect();
        WorkGroup {
            live: members.len(),
            members,
            slot,
            group,
            last: at.clone(),
        }
    }

    fn add(&mut self, id: &ActorId) -> bool {
        if self.slot.contains_key(id) {
            return false;
        }
        self.slot.insert(id.clone(), self.members.len());
        self.members.push(Some(id.clone()));
        self.live += 1;
        true
    }

    fn remove(&mut self, id: &ActorId) -> bool {
        match self.slot.remove(id) {
            Some(i) => {
                self.members[i] = None;
                self.live -= 1;
                true
            }
            None => false,
        }
    }

    fn members(&self) -> impl Iterator<Item = &ActorId> + '_ {
        self.members.iter().flatten()
    }

    fn into_group(mut self) -> (Group, Location) {
        self.group.members = self.members.into_iter().flatten().collect();
        if self
            .group
            .lead
            .as_ref()
            .is_some_and(|l| !self.slot.contains_key(l))
        {
            self.group.lead = None;
        }
        (self.group, self.last)
    }
}

/// The state of one scenario's application: the graph, indexes of its names and ties built once,
/// and the groups edited so far.
struct Editor<'g> {
    graph: &'g mut InfluenceGraph,
    title: String,
    /// Actor ids in ASCII lower case, to the first actor (in file order) with that id.
    ids_ci: FastMap<String, NodeIndex>,
    /// Actor names in lower case, to the first actor with that name.
    names_ci: FastMap<String, NodeIndex>,
    /// Ties by their ends, built at the first tie edit.
    pairs: Option<FastMap<(NodeIndex, NodeIndex), EdgeIndex>>,
    /// Groups edited so far (by id in ASCII lower case), in the order first edited.
    groups: indexmap::IndexMap<String, WorkGroup, foldhash::fast::RandomState>,
}

impl<'g> Editor<'g> {
    fn new(graph: &'g mut InfluenceGraph, title: &str) -> Self {
        let mut ids_ci = FastMap::default();
        let mut names_ci = FastMap::default();
        for (n, a) in graph.actors() {
            ids_ci
                .entry(a.id.as_str().to_ascii_lowercase())
                .or_insert(n);
            names_ci.entry(a.name.to_lowercase()).or_insert(n);
        }
        Editor {
            graph,
            title: title.to_owned(),
            ids_ci,
            names_ci,
            pairs: None,
            groups: indexmap::IndexMap::default(),
        }
    }

    fn apply(&mut self, edit: &Edit, at: &Location) -> Result<usize> {
        match edit {
            Edit::Set {
                from,
                to,
                channel,
                value,
                range,
                source,
                year,
            } => {
                let channel = check_channel(channel, at)?;
                let what = format!("the new `{channel}` figure");
                let fig = new_figure(*value, *range, source, *year, &what, at)?;
                self.set(from, to, &channel, &fig, at)
            }
            Edit::Scale {
                from,
                to,
                channel,
                factor,
            } => self.scale(from, to, channel, *factor, at),
            Edit::Remove { from, to, channel } => self.remove(from, to, channel.as_deref(), at),
            Edit::AddActor {
                id,
                name,
                lat,
                lon,
                receptiveness,
                note,
            } => self.add_actor(id, name, (*lat, *lon), receptiveness.as_ref(), note, at),
            Edit::Group { id, add, remove } => self.group(id, add, remove, at),
            Edit::Stance {
                actor,
                target,
                signal,
                value,
                range,
                factor,
                source,
                year,
            } => {
                let change = Change::of(
                    "stance",
                    *value,
                    *range,
                    *factor,
                    source.as_deref(),
                    *year,
                    at,
                )?;
                self.stance(actor, target, signal, &change, at)
            }
            Edit::Receptiveness {
                actor,
                value,
                range,
                factor,
                source,
                year,
            } => {
                let change = Change::of(
                    "receptiveness",
                    *value,
                    *range,
                    *factor,
                    source.as_deref(),
                    *year,
                    at,
                )?;
                self.receptiveness(actor, &change, at)
            }
        }
    }

    // Names.

    /// The actors `name` stands for, as [`Resolver::actors`] resolves it (a group in any case
    /// gives its members, else an actor by id or name in any case), with the groups as edited
    /// so far.
    fn resolve(&self, name: &str, at: &Location) -> Result<Vec<NodeIndex>> {
        let wanted = name.trim();
        let key = wanted.to_ascii_lowercase();
        if let Some(w) = self.groups.get(&key) {
            return Ok(w.members().filter_map(|m| self.graph.node(m)).collect());
        }
        if let Some(g) = self.graph.group_ci(wanted) {
            return Ok(g
                .members
                .iter()
                .filter_map(|m| self.graph.node(m))
                .collect());
        }
        if let Some(n) = self.graph.node_of(wanted) {
            return Ok(vec![n]);
        }
        let by_id = self.ids_ci.get(&key);
        let by_name = self.names_ci.get(&wanted.to_lowercase());
        match by_id.into_iter().chain(by_name).min() {
            Some(&n) => Ok(vec![n]),
            None => {
                let e = Resolver::new(self.graph)
                    .actors(wanted, "")
                    .err()
                    .map_or_else(
                        || format!("unknown actor or group `{wanted}`"),
                        |e| e.to_string(),
                    );
                Err(fail(
                    at,
                    e,
                    "use an actor id, an actor's name or a group id of the graph (`leverage info` lists them)",
                ))
            }
        }
    }

    /// Every ordered pair of two different actors, `from` × `to`.
    fn pairs_of(&self, from: &str, to: &str, at: &Location) -> Result<Vec<(NodeIndex, NodeIndex)>> {
        let f = self.resolve(from, at)?;
        let t = self.resolve(to, at)?;
        Ok(f.iter()
            .flat_map(|&a| t.iter().map(move |&b| (a, b)))
            .filter(|(a, b)| a != b)
            .collect())
    }

    fn tie_index(&mut self) -> &mut FastMap<(NodeIndex, NodeIndex), EdgeIndex> {
        let graph = &*self.graph;
        self.pairs
            .get_or_insert_with(|| graph.tie_pairs().collect())
    }

    // Ties.

    fn set(
        &mut self,
        from: &str,
        to: &str,
        channel: &Channel,
        fig: &Figure,
        at: &Location,
    ) -> Result<usize> {
        let ps = self.pairs_of(from, to, at)?;
        if ps.is_empty() {
            return Err(fail(
                at,
                format!("setting `{channel}` from `{from}` to `{to}` changes nothing: the only pair is an actor and itself"),
                "a tie joins two different actors: name another `from` or `to`",
            ));
        }
        let mut changed = 0;
        for (a, b) in ps {
            let known = self.tie_index().get(&(a, b)).copied();
            match known {
                Some(e) => {
                    let same = self.graph.graph()[e].channels.get(channel.as_str()) == Some(fig);
                    if !same {
                        self.graph
                            .update_tie_at(e, |t| t.channels.insert(channel.clone(), fig.clone()))
                            .map_err(|e| refused(at, &e))?;
                        changed += 1;
                    }
                }
                None => {
                    let mut tie = Tie::default();
                    tie.channels.insert(channel.clone(), fig.clone());
                    let e = self
                        .graph
                        .add_tie_at(a, b, tie)
                        .map_err(|e| refused(at, &e))?;
                    self.tie_index().insert((a, b), e);
                    changed += 1;
                }
            }
        }
        if changed == 0 {
            return Err(fail(
                at,
                format!("setting `{channel}` from `{from}` to `{to}` changes nothing: every tie has that figure already"),
                "remove the edit, or change the figure",
            ));
        }
        Ok(changed)
    }

    fn scale(
        &mut self,
        from: &str,
        to: &str,
        channel: &str,
        factor: f64,
        at: &Location,
    ) -> Result<usize> {
        check_factor(factor, at)?;
        let only = if channel == "*" {
            None
        } else {
            Some(check_channel(channel, at)?)
        };
        let title = self.title.clone();
        let (mut matched, mut changed) = (0usize, 0usize);
        for (a, b) in self.pairs_of(from, to, at)? {
            let Some(&e) = self.tie_index().get(&(a, b)) else {
                continue;
            };
            let new: Vec<(Channel, Figure)> = self.graph.graph()[e]
                .channels
                .iter()
                .filter(|(c, _)| only.as_ref().is_none_or(|x| x == *c))
                .inspect(|_| matched += 1)
                .filter_map(|(c, f)| scaled(f, factor, &title).map(|f| (c.clone(), f)))
                .collect();
            if new.is_empty() {
                continue;
            }
            changed += new.len();
            self.graph
                .update_tie_at(e, |t| {
                    for (c, f) in new {
                        t.channels.insert(c, f);
                    }
                })
                .map_err(|e| refused(at, &e))?;
        }
        if changed == 0 {
            let why = if matched == 0 {
                "no such tie carries that channel"
            } else {
                "every value stays as it is (a factor of 1, a value of 0, or a value at 1 already)"
            };
            return Err(fail(
                at,
                format!("scaling `{channel}` from `{from}` to `{to}` by {factor} changes nothing: {why}"),
                "check the names, the channel and the factor, or use `set` to create the figure",
            ));
        }
        Ok(changed)
    }

    fn remove(
        &mut self,
        from: &str,
        to: &str,
        channel: Option<&str>,
        at: &Location,
    ) -> Result<usize> {
        let only = channel.map(|c| check_channel(c, at)).transpose()?;
        let mut changed = 0;
        for (a, b) in self.pairs_of(from, to, at)? {
            let Some(&e) = self.tie_index().get(&(a, b)) else {
                continue;
            };
            let whole = match &only {
                None => true,
                Some(c) => {
                    let channels = &self.graph.graph()[e].channels;
                    if !channels.contains_key(c.as_str()) {
                        continue;
                    }
                    // The last channel goes with its tie: a tie has at least one channel.
                    channels.len() == 1
                }
            };
            if whole {
                self.graph.remove_tie_at(e);
                self.tie_index().remove(&(a, b));
            } else if let Some(c) = &only {
                self.graph
                    .update_tie_at(e, |t| {
                        t.channels.shift_remove(c.as_str());
                        if let Some(s) = t.series.as_mut() {
                            s.retain(|(x, _)| x != c);
                        }
                        if t.series.as_ref().is_some_and(|s| s.is_empty()) {
                            t.series = None;
                        }
                    })
                    .map_err(|e| refused(at, &e))?;
            }
            changed += 1;
        }
        if changed == 0 {
            return Err(fail(
                at,
                format!(
                    "removing from `{from}` to `{to}` changes nothing: no such tie{}",
                    channel.map_or(String::new(), |c| format!(" carries `{c}`"))
                ),
                "check the names and the channel",
            ));
        }
        Ok(changed)
    }

    // Actors.

    fn add_actor(
        &mut self,
        id: &str,
        name: &str,
        (lat, lon): (Option<f64>, Option<f64>),
        receptiveness: Option<&Figure>,
        note: &Option<String>,
        at: &Location,
    ) -> Result<usize> {
        let coordinates = match (lat, lon) {
            (Some(lat), Some(lon)) => Some(Coordinates { lat, lon }),
            (None, None) => None,
            _ => {
                return Err(fail(
                    at,
                    format!("actor `{id}` has only one of `lat` and `lon`"),
                    "give both coordinates of the capital, or neither",
                ))
            }
        };
        let lower = id.to_ascii_lowercase();
        if let Some(w) = self.groups.get(&lower) {
            return Err(refused(
                at,
                &ModelError::IdIsGroup {
                    id: id.to_owned(),
                    group: w.group.id.clone(),
                },
            ));
        }
        let mut actor = Actor::new(id, name);
        actor.coordinates = coordinates;
        actor.receptiveness = receptiveness.cloned();
        actor.note.clone_from(note);
        let n = self.graph.add_actor(actor).map_err(|e| refused(at, &e))?;
        self.ids_ci.entry(lower).or_insert(n);
        self.names_ci.entry(name.to_lowercase()).or_insert(n);
        Ok(1)
    }

    fn stance(
        &mut self,
        actor: &str,
        target: &str,
        signal: &str,
        change: &Change,
        at: &Location,
    ) -> Result<usize> {
        let Some(sig) = Signal::from_name(signal) else {
            let names: Vec<&str> = Signal::ALL.iter().map(|s| s.name()).collect();
            return Err(fail(
                at,
                format!("`{signal}` is not a stance signal"),
                &format!("signals: {}", names.join(", ")),
            ));
        };
        let targets = self.resolve(target, at)?;
        let [t] = targets.as_slice() else {
            return Err(fail(
                at,
                format!(
                    "the target `{target}` names {} actors, not one",
                    targets.len()
                ),
                "name one actor as the target of the stance",
            ));
        };
        let target_id = self.graph.actor(*t).id.clone();
        let nodes = self.resolve(actor, at)?;
        if nodes.contains(t) {
            return Err(fail(
                at,
                format!("`{actor}` includes the target `{target_id}` itself"),
                "a stance is towards another actor",
            ));
        }
        let mut changed = 0;
        for n in nodes {
            let current = self
                .graph
                .actor(n)
                .stance
                .get(&target_id)
                .and_then(|s| s.get(sig));
            // A scaled stance signal is the scenario's judgement (docs/SCENARIOS.md).
            let Some(new) = change.apply(current, &self.title).map(|mut f| {
                f.basis = Basis::Judgement;
                f
            }) else {
                continue;
            };
            self.graph
                .update_actor(n, |a| {
                    *a.stance.entry(target_id.clone()).or_default().slot_mut(sig) = Some(new);
                })
                .map_err(|e| refused(at, &e))?;
            changed += 1;
        }
        if changed == 0 {
            let why = match change {
                Change::Set(_) => format!("every actor of `{actor}` has that figure already"),
                Change::Scale(_) => format!(
                    "no actor of `{actor}` has a `{signal}` signal towards `{target_id}` that the factor changes"
                ),
            };
            return Err(fail(
                at,
                format!("the stance edit changes nothing: {why}"),
                "set the signal with `value` (and `source`, `year`), or remove the edit",
            ));
        }
        Ok(changed)
    }

    fn receptiveness(&mut self, actor: &str, change: &Change, at: &Location) -> Result<usize> {
        let default = Figure::new(1.0, "default (no receptiveness given)", 2025);
        let mut changed = 0;
        for n in self.resolve(actor, at)? {
            let current = self.graph.actor(n).receptiveness.as_ref();
            let base = match change {
                Change::Scale(_) => Some(current.unwrap_or(&default)),
                Change::Set(_) => current,
            };
            let Some(new) = change.apply(base, &self.title) else {
                continue;
            };
            self.graph
                .update_actor(n, |a| a.receptiveness = Some(new))
                .map_err(|e| refused(at, &e))?;
            changed += 1;
        }
        if changed == 0 {
            return Err(fail(
                at,
                format!("the receptiveness edit changes nothing for `{actor}`: every value stays as it is"),
                "remove the edit, or change the value or factor",
            ));
        }
        Ok(changed)
    }

    // Groups.

    fn group(
        &mut self,
        id: &str,
        add: &[String],
        remove: &[String],
        at: &Location,
    ) -> Result<usize> {
        let key = id.to_ascii_lowercase();
        if !self.groups.contains_key(&key) {
            let work = match self.graph.group_ci(id) {
                Some(g) => WorkGroup::new(g.clone(), at),
                None => {
                    self.check_new_group_id(id, at)?;
                    let mut g = Group::new(id, Vec::new());
                    g.note = Some(format!("changed by scenario `{}`", self.title));
                    WorkGroup::new(g, at)
                }
            };
            self.groups.insert(key.clone(), work);
        }
        let mut adds = Vec::new();
        for name in add {
            adds.extend(self.resolve(name, at)?);
        }
        let mut removes = Vec::new();
        for name in remove {
            removes.extend(self.resolve(name, at)?);
        }
        let graph = &*self.graph;
        let work = self
            .groups
            .get_mut(&key)
            .expect("the group was inserted above");
        let mut changed = 0;
        for n in adds {
            changed += usize::from(work.add(&graph.actor(n).id));
        }
        for n in removes {
            changed += usize::from(work.remove(&graph.actor(n).id));
        }
        if changed == 0 {
            let id = work.group.id.clone();
            return Err(if work.live == 0 {
                refused(at, &ModelError::EmptyGroup { id })
            } else {
                fail(
                    at,
                    format!("the edit of group `{id}` changes nothing: every actor to add is a member already, every one to remove is not"),
                    "check the names, or remove the edit",
                )
            });
        }
        work.last = at.clone();
        Ok(changed)
    }

    /// A new group's id: well-formed, and no actor's in any case.
    fn check_new_group_id(&self, id: &str, at: &Location) -> Result<()> {
        if !ActorId::is_well_formed(id) {
            return Err(refused(
                at,
                &ModelError::MalformedGroupId { id: id.to_owned() },
            ));
        }
        if let Some(&n) = self.ids_ci.get(&id.to_ascii_lowercase()) {
            return Err(refused(
                at,
                &ModelError::GroupIsActor {
                    id: id.to_owned(),
                    actor: self.graph.actor(n).id.to_string(),
                },
            ));
        }
        Ok(())
    }

    /// Writes the edited groups back, each checked in its final state and, if refused, placed at
    /// the last edit that changed it.
    fn finish(self) -> Result<()> {
        let Editor {
            graph,
            ids_ci,
            groups,
            ..
        } = self;
        let actor_ci = |id: &str| {
            ids_ci
                .get(&id.to_ascii_lowercase())
                .map(|&n| graph.actor(n).id.to_string())
        };
        let mut checked = Vec::with_capacity(groups.len());
        for (_, work) in groups {
            checked.push(work.into_group());
        }
        // `actor_ci` borrows the graph: look the ids up before writing.
        let clashes: Vec<Option<String>> = checked
            .iter()
            .map(|(g, _)| {
                if graph.group(&g.id).is_some() {
                    None
                } else {
                    actor_ci(&g.id)
                }
            })
            .collect();
        for ((group, at), clash) in checked.into_iter().zip(clashes) {
            graph
                .set_group_indexed(group, &|_| clash.clone())
                .map_err(|e| refused(&at, &e))?;
        }
        Ok(())
    }
}

/// A figure edit of an actor: a new figure, or a factor on the current one.
enum Change {
    Set(Figure),
    Scale(f64),
}

impl Change {
    /// The change an edit asks for: `value` with `source` and `year`, or `factor`.
    fn of(
        what: &str,
        value: Option<f64>,
        range: Option<[f64; 2]>,
        factor: Option<f64>,
        source: Option<&str>,
        year: Option<i32>,
        at: &Location,
    ) -> Result<Change> {
        match (value, factor) {
            (Some(v), None) => {
                let (Some(source), Some(year)) = (source, year) else {
                    return Err(fail(
                        at,
                        format!("a {what} `value` needs a `source` and a `year`"),
                        "add e.g. \"source\": \"scenario assumption: ...\", \"year\": 2026",
                    ));
                };
                let fig = new_figure(v, range, source, year, &format!("the new {what} figure"), at)?;
                Ok(Change::Set(fig))
            }
            (None, Some(f)) => {
                check_factor(f, at)?;
                Ok(Change::Scale(f))
            }
            _ => Err(fail(
                at,
                format!("a {what} edit takes either `value` (with `source` and `year`) or a `factor` >= 0"),
                "give one of the two",
            )),
        }
    }

    /// The new figure in place of `current`, or `None` if nothing would change (the same
    /// figure, a factor that leaves the value and range as they are, nothing to scale).
    fn apply(&self, current: Option<&Figure>, title: &str) -> Option<Figure> {
        match self {
            Change::Set(fig) => (current != Some(fig)).then(|| fig.clone()),
            Change::Scale(f) => current.and_then(|c| scaled(c, *f, title)),
        }
    }
}

/// An edit in words, for reports.
pub fn describe(edit: &Edit) -> String {
    match edit {
        Edit::Set {
            from,
            to,
            channel,
            value,
            ..
        } => format!("set {channel} {from} -> {to} to {value}"),
        Edit::Scale {
            from,
            to,
            channel,
            factor,
        } => format!("scale {channel} {from} -> {to} by {factor}"),
        Edit::Remove {
            from,
            to,
            channel: Some(c),
        } => format!("remove {c} {from} -> {to}"),
        Edit::Remove {
            from,
            to,
            channel: None,
        } => format!("remove ties {from} -> {to}"),
        Edit::AddActor { id, name, .. } => format!("add actor {id} ({name})"),
        Edit::Group { id, add, remove } => format!(
            "group {id}: add [{}], remove [{}]",
            add.join(", "),
            remove.join(", ")
        ),
        Edit::Stance {
            actor,
            target,
            signal,
            value: Some(v),
            ..
        } => format!("{signal} of {actor} towards {target} to {v}"),
        Edit::Stance {
            actor,
            target,
            signal,
            factor,
            ..
        } => format!(
            "{signal} of {actor} towards {target} x{}",
            factor.unwrap_or(1.0)
        ),
        Edit::Receptiveness {
            actor,
            value: Some(v),
            ..
        } => format!("receptiveness of {actor} to {v}"),
        Edit::Receptiveness { actor, factor, .. } => {
            format!("receptiveness of {actor} x{}", factor.unwrap_or(1.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::json::parse as parse_graph;
    use crate::scenario::format::parse;

    fn five() -> InfluenceGraph {
        parse_graph(include_str!("../../tests/fixtures/five.json"), "five.json").unwrap()
    }

    fn run(edits: &str) -> Result<(InfluenceGraph, ScenarioOutcome)> {
        let text = format!(r#"{{"scenario": 1, "title": "t", "edits": [{edits}]}}"#);
        let s = parse(&text, "s.json")?;
        let mut g = five();
        let out = apply(&mut g, &s)?;
        Ok((g, out))
    }

    fn strength(g: &InfluenceGraph, a: &str, b: &str, c: &str) -> Option<f64> {
        let (x, y) = (g.node_of(a)?, g.node_of(b)?);
        g.tie(x, y)?.channels.get(c).map(|f| f.value)
    }

    // See: #10
    #[test]
    fn stance_edits_set_and_scale_signals() {
        // India joins the sanctions: it becomes `presses`, so `suggest` leaves it out.
        let (g, out) = run(r#"{"op":"stance","actor":"IND","target":"RUS","signal":"sanctions","value":1,"source":"scenario assumption","year":2026}"#).unwrap();
        assert_eq!(out.edits[0].changed, 1);
        let ind = g.actor_by_id("IND").unwrap();
        let s = ind
            .stance_toward(&crate::model::ActorId::from("RUS"))
            .unwrap();
        assert_eq!(s.class(), crate::model::StanceClass::Presses);
        // Scaling a signal the actor has.
        let (g, _) =
            run(r#"{"op":"stance","actor":"IND","target":"RUS","signal":"parade","factor":0}"#)
                .unwrap();
        let s = g
            .actor_by_id("IND")
            .unwrap()
            .stance_toward(&crate::model::ActorId::from("RUS"))
            .unwrap()
            .clone();
        assert_eq!(s.value(crate::model::Signal::Parade), Some(0.0));
        // A scaled stance signal is the scenario's judgement.
        assert_eq!(
            s.get(crate::model::Signal::Parade).map(|f| f.basis),
            Some(Basis::Judgement)
        );
        // Errors: unknown signal, a missing signal to scale, the target itself.
        let e = run(r#"{"op":"stance","actor":"IND","target":"RUS","signal":"sanction","value":1,"source":"s","year":2026}"#).unwrap_err().to_string();
        assert!(e.contains("`sanction` is not a stance signal"), "{e}");
        let e = run(r#"{"op":"stance","actor":"TUR","target":"RUS","signal":"parade","factor":2}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("has a `parade` signal"), "{e}");
        let e = run(r#"{"op":"stance","actor":"RUS","target":"RUS","signal":"parade","value":1,"source":"s","year":2026}"#).unwrap_err().to_string();
        assert!(e.contains("the target `RUS` itself"), "{e}");
    }

    #[test]
    fn set_creates_and_group_expands() {
        let (g, out) = run(r#"{"op":"set","from":"signatories","to":"IND","channel":"trade","value":0.05,"source":"assumption","year":2026}"#).unwrap();
        assert_eq!(out.edits[0].changed, 2);
        assert_eq!(strength(&g, "AUT", "IND", "trade"), Some(0.05));
        assert_eq!(strength(&g, "DEU", "IND", "trade"), Some(0.05));
    }

    #[test]
    fn scale_multiplies_value_and_range() {
        let (g, _) =
            run(r#"{"op":"scale","from":"DEU","to":"IND","channel":"trade","factor":2}"#).unwrap();
        let f = &g
            .tie(g.node_of("DEU").unwrap(), g.node_of("IND").unwrap())
            .unwrap()
            .channels["trade"];
        assert_eq!(f.value, 0.04);
        assert_eq!(f.range, Some([0.03, 0.05]));
        assert!(f.source.contains("scaled x2"));
        // A scaled tie keeps its basis (five.json: official).
        assert_eq!(f.basis, Basis::Official);
    }

    #[test]
    fn remove_channel_then_tie() {
        let (g, _) = run(r#"{"op":"remove","from":"IND","to":"RUS","channel":"energy"}"#).unwrap();
        assert_eq!(strength(&g, "IND", "RUS", "energy"), None);
        assert_eq!(strength(&g, "IND", "RUS", "trade"), Some(0.091));
        let (g, _) = run(r#"{"op":"remove","from":"TUR","to":"RUS"}"#).unwrap();
        assert!(g
            .tie(g.node_of("TUR").unwrap(), g.node_of("RUS").unwrap())
            .is_none());
    }

    #[test]
    fn errors_are_placed_and_named() {
        let e = run(r#"{"op":"scale","from":"DEU","to":"INDD","channel":"trade","factor":2}"#)
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("s.json:1:"), "{e}");
        assert!(e.contains("(edits[0])"), "{e}");
        assert!(e.contains("did you mean `IND`"), "{e}");
        let e = run(r#"{"op":"scale","from":"AUT","to":"IND","channel":"trade","factor":2}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("changes nothing"), "{e}");
        let e = run(r#"{"op":"set","from":"AUT","to":"IND","channel":"trade","value":1.5,"source":"s","year":2026}"#).unwrap_err().to_string();
        assert!(e.contains("`1.5`"), "{e}");
        let e = run(r#"{"op":"teleport"}"#).unwrap_err().to_string();
        assert!(e.contains("unknown variant `teleport`"), "{e}");
    }

    // See: #6
    #[test]
    fn set_on_a_self_pair_is_refused_not_ignored() {
        let e = run(r#"{"op":"set","from":"AUT","to":"aut","channel":"trade","value":0.1,"source":"s","year":2026}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("changes nothing"), "{e}");
        assert!(e.contains("(edits[0])"), "{e}");
    }

    #[test]
    fn add_actor_group_and_receptiveness() {
        let (g, _) = run(
            r#"{"op":"add_actor","id":"BRA","name":"Brazil","lat":-15.8,"lon":-47.9},
            {"op":"group","id":"signatories","add":["BRA"],"remove":["AUT"]},
            {"op":"receptiveness","actor":"IND","factor":0.5}"#,
        )
        .unwrap();
        assert!(g.node_of("BRA").is_some());
        let sig: Vec<String> = g
            .group("signatories")
            .unwrap()
            .members
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(sig, vec!["DEU", "BRA"]);
        assert!(g.group("signatories").unwrap().lead.is_none());
        // No receptiveness reads 1; halved by hand: 0.5.
        assert_eq!(g.actor_by_id("IND").unwrap().receptiveness_value(), 0.5);
    }

    /// The message of a refused scenario, checked to be placed at edit `i`.
    fn refused_at(edits: &str, i: usize) -> String {
        let e = run(edits).unwrap_err().to_string();
        // `s.json:LINE:COL (edits[i]): ...`
        let (place, _) = e.split_once(" (").unwrap_or_else(|| panic!("{e}"));
        let parts: Vec<&str> = place.split(':').collect();
        assert_eq!(parts.len(), 3, "{e}");
        assert_eq!(parts[0], "s.json", "{e}");
        assert!(parts[1..].iter().all(|p| p.parse::<usize>().is_ok()), "{e}");
        assert!(e.contains(&format!("(edits[{i}]): ")), "{e}");
        e
    }

    // See: #16
    #[test]
    fn scenarios_that_would_break_a_rule_are_refused_at_their_edit() {
        let e = refused_at(
            r#"{"op":"group","id":"signatories","remove":["AUT","DEU"]}"#,
            0,
        );
        assert!(e.contains("group `signatories` has no members"), "{e}");
        // Emptied by the second edit, refilled by none: placed at the second.
        let e = refused_at(
            r#"{"op":"group","id":"signatories","remove":["AUT"]},
            {"op":"group","id":"signatories","remove":["DEU"]}"#,
            1,
        );
        assert!(e.contains("no members"), "{e}");
        let e = refused_at(r#"{"op":"group","id":"new-group"}"#, 0);
        assert!(e.contains("group `new-group` has no members"), "{e}");
        let e = refused_at(r#"{"op":"add_actor","id":"Signatories","name":"S"}"#, 0);
        assert!(e.contains("is also group `signatories`"), "{e}");
        let e = refused_at(
            r#"{"op":"group","id":"quad","add":["IND"]},{"op":"add_actor","id":"QUAD","name":"Q"}"#,
            1,
        );
        assert!(e.contains("is also group `quad`"), "{e}");
        let e = refused_at(r#"{"op":"add_actor","id":"bra","name":"Brazil"}"#, 0);
        assert!(e.contains("not upper case"), "{e}");
        let e = refused_at(r#"{"op":"group","id":"ind","add":["TUR"]}"#, 0);
        assert!(e.contains("group id `ind` is also actor `IND`"), "{e}");
        for year in ["99999", "-5"] {
            let e = refused_at(
                &format!(
                    r#"{{"op":"set","from":"AUT","to":"IND","channel":"trade","value":0.1,"source":"s","year":{year}}}"#
                ),
                0,
            );
            assert!(
                e.contains(&format!("year is `{year}`, outside 1900-2100")),
                "{e}"
            );
        }
        let e = refused_at(
            r#"{"op":"receptiveness","actor":"IND","value":0.5,"source":" ","year":2026}"#,
            0,
        );
        assert!(e.contains("the source is empty"), "{e}");
        let e = refused_at(
            r#"{"op":"add_actor","id":"BRA","name":"Brazil","receptiveness":{"value":0.5,"source":"","year":2026}}"#,
            0,
        );
        assert!(e.contains("the source is empty"), "{e}");
        let e = refused_at(
            r#"{"op":"add_actor","id":"BRA","name":"Brazil","lat":95,"lon":0}"#,
            0,
        );
        assert!(e.contains("`lat` of actor `BRA` is `95`"), "{e}");
    }

    // See: #16
    #[test]
    fn group_names_resolve_in_any_case() {
        let (g, _) = run(r#"{"op":"group","id":"Signatories","add":["TUR"]}"#).unwrap();
        assert_eq!(
            g.groups().count(),
            1,
            "no second group beside `signatories`"
        );
        let members: Vec<&str> = g
            .group("signatories")
            .unwrap()
            .members
            .iter()
            .map(ActorId::as_str)
            .collect();
        assert_eq!(members, ["AUT", "DEU", "TUR"]);
        // A group emptied and refilled within the scenario is valid in the end.
        let (g, _) = run(
            r#"{"op":"group","id":"signatories","remove":["signatories"]},
            {"op":"group","id":"SIGNATORIES","add":["IND"]}"#,
        )
        .unwrap();
        let members: Vec<&str> = g
            .group("signatories")
            .unwrap()
            .members
            .iter()
            .map(ActorId::as_str)
            .collect();
        assert_eq!(members, ["IND"]);
        assert!(
            g.group("signatories").unwrap().lead.is_none(),
            "the lead left"
        );
    }

    // See: #16
    #[test]
    fn edits_that_change_nothing_are_refused() {
        // TUR's UN alignment is 1: x1.2 is clamped back to 1.
        let e = refused_at(
            r#"{"op":"stance","actor":"TUR","target":"RUS","signal":"un_alignment","factor":1.2}"#,
            0,
        );
        assert!(e.contains("changes nothing"), "{e}");
        // IND's sanctions are 0: any factor leaves 0.
        refused_at(
            r#"{"op":"stance","actor":"IND","target":"RUS","signal":"sanctions","factor":3}"#,
            0,
        );
        // No receptiveness reads 1, and x2 is clamped back to 1.
        let e = refused_at(r#"{"op":"receptiveness","actor":"IND","factor":2}"#, 0);
        assert!(e.contains("changes nothing"), "{e}");
        let e = refused_at(
            r#"{"op":"scale","from":"DEU","to":"IND","channel":"trade","factor":1}"#,
            0,
        );
        assert!(e.contains("every value stays as it is"), "{e}");
        let set = r#"{"op":"set","from":"AUT","to":"IND","channel":"trade","value":0.1,"source":"s","year":2026}"#;
        let e = refused_at(&format!("{set},{set}"), 1);
        assert!(e.contains("has that figure already"), "{e}");
        refused_at(r#"{"op":"group","id":"signatories","add":["AUT"]}"#, 0);
    }

    // See: #16
    #[test]
    fn scaling_one_figure_many_times_keeps_one_note() {
        let one = r#"{"op":"scale","from":"DEU","to":"IND","channel":"trade","factor":1.5}"#;
        let (g, _) = run(&[one; 3].join(",")).unwrap();
        let f = &g
            .tie(g.node_of("DEU").unwrap(), g.node_of("IND").unwrap())
            .unwrap()
            .channels["trade"];
        // 0.02 x 1.5^3 = 0.0675, noted once as x3.375.
        assert!((f.value - 0.0675).abs() < 1e-12, "{}", f.value);
        assert_eq!(f.source.matches("scaled").count(), 1, "{}", f.source);
        assert!(
            f.source.contains("scaled x3.375 by scenario `t`"),
            "{}",
            f.source
        );
    }

    // See: #16
    #[test]
    fn a_scenario_graph_passes_the_loaders_validation() {
        let (g, _) = run(
            r#"{"op":"add_actor","id":"BRA","name":"Brazil","lat":-15.8,"lon":-47.9},
            {"op":"group","id":"brics","add":["BRA","IND","RUS"]},
            {"op":"set","from":"brics","to":"TUR","channel":"energy","value":0.2,"range":[0.1,0.3],"source":"assumption","year":2026},
            {"op":"remove","from":"IND","to":"RUS","channel":"trade"},
            {"op":"remove","from":"TUR","to":"RUS"},
            {"op":"scale","from":"signatories","to":"TUR","channel":"*","factor":0.5},
            {"op":"stance","actor":"BRA","target":"RUS","signal":"sanctions","value":0,"source":"assumption","year":2026}"#,
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let text = crate::io::json::to_string(&g);
        let back = parse_graph(&text, "back.json").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.tie_count(), g.tie_count());
        assert_eq!(back.actor_count(), 6);
    }
}
