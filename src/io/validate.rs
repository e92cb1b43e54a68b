//! The rules of the graph format (MODEL section 2, `docs/FORMAT.md` "Rules"), checked while a
//! document becomes an [`InfluenceGraph`]. Every problem is collected, not just the first.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use petgraph::stable_graph::NodeIndex;

use super::json::{ActorDoc, GraphDoc, TieDoc};
use super::location::{Location, PathStep};
use crate::error::{Error, Problem, Result};
use crate::model::channels::TieChannels;
use crate::model::resolve::ActorFolds;
use crate::model::{
    Actor, ActorId, Channel, Citation, Cite, Coordinates, Figure, Group, InfluenceGraph, Meta,
    Outreach, Tie,
};

/// Most problems reported for one file; past this the list ends with a count.
pub const MAX_PROBLEMS: usize = 50;

/// Most actors in one graph (`docs/FORMAT.md`, "Limits"): far above any diplomatic network, low
/// enough that every analysis stays within memory and a sensible time.
pub const MAX_ACTORS: usize = 500_000;

/// Most ties in one graph (`docs/FORMAT.md`, "Limits").
pub const MAX_TIES: usize = 5_000_000;

/// Maps a path in the document to a place in the file.
pub type Locate<'a> = dyn Fn(&[PathStep]) -> Location + 'a;

/// Maps every path of a list to its place in the file at once (`out[i]` is the place of
/// `paths[i]`), so that a text can be read once for all of them ([`super::json::locate_all`]).
pub type LocateAll<'a> = dyn Fn(&[&[PathStep]]) -> Vec<Location> + 'a;

/// How a check places its problems: one path at a time, or all shown problems at once.
#[derive(Clone, Copy)]
enum Place<'l, 'a> {
    One(&'l Locate<'a>),
    All(&'l LocateAll<'a>),
}

impl Place<'_, '_> {
    fn all(self, paths: &[&[PathStep]]) -> Vec<Location> {
        match self {
            Place::One(locate) => paths.iter().map(|p| locate(p)).collect(),
            Place::All(locate_all) => locate_all(paths),
        }
    }
}

fn key(k: &str) -> PathStep {
    PathStep::Key(k.to_owned())
}

fn idx(i: usize) -> PathStep {
    PathStep::Index(i)
}

/// Checks `doc` against every rule and builds the graph.
///
/// # Errors
/// [`Error::Invalid`] listing every problem (up to [`MAX_PROBLEMS`]), in file order.
///
/// # Complexity
/// O(actors + groups·members + ties·channels) expected time.
pub fn build(doc: &GraphDoc, locate: &Locate<'_>) -> Result<InfluenceGraph> {
    build_owned(doc.clone(), locate)
}

/// [`build`], consuming the document: each tie's figures move into the graph instead of being
/// copied, so a large graph is never held twice (peak memory of a load).
///
/// # Errors
/// As [`build`].
///
/// # Complexity
/// As [`build`].
pub fn build_owned(doc: GraphDoc, locate: &Locate<'_>) -> Result<InfluenceGraph> {
    build_from(doc, Ties::Doc(Vec::new()), Place::One(locate))
}

/// [`build_owned`], placing the problems shown (at most [`MAX_PROBLEMS`]) with one call of
/// `locate_all` once every rule is checked: a JSON text is then read once for all of them
/// instead of once per problem.
///
/// # Errors
/// As [`build`].
///
/// # Complexity
/// As [`build`], plus one call of `locate_all`.
pub fn build_owned_placed_at_once(
    doc: GraphDoc,
    locate_all: &LocateAll<'_>,
) -> Result<InfluenceGraph> {
    build_from(doc, Ties::Doc(Vec::new()), Place::All(locate_all))
}

/// Ties an importer has already numbered (the CSV importer): every id the ties name, once, and
/// each tie's ends as indices into that list, so no id is looked up, copied or compared per tie.
#[derive(Debug, Clone, Default)]
pub(crate) struct NumberedTies {
    /// Every id the ties name, once.
    pub names: Vec<Arc<str>>,
    /// For each name, its position in `doc.actors` (`u32::MAX` if the actors lack it).
    pub actor_of: Vec<u32>,
    /// The ties, in file order.
    pub ties: Vec<NumberedTie>,
}

/// A tie of [`NumberedTies`].
#[derive(Debug, Clone)]
pub(crate) struct NumberedTie {
    /// `from` and `to`, as indices into [`NumberedTies::names`].
    pub ends: [u32; 2],
    /// Channel figures and series.
    pub channels: TieChannels,
    /// Note.
    pub note: Option<String>,
}

/// Where the ties come from: the document's own list, or an importer's numbered list.
enum Ties {
    Doc(Vec<TieDoc>),
    Numbered(NumberedTies),
}

/// [`build_owned`] for a document whose ties come numbered ([`NumberedTies`]) instead of in
/// `doc.ties` (which must be empty). Every rule is checked as for `doc.ties`, and problems are
/// placed at `ties[i]`. An end whose actor entry was refused (a malformed or repeated id) is
/// looked up by id, exactly as [`build_owned`] does.
///
/// # Errors
/// As [`build`].
///
/// # Complexity
/// As [`build`], without hashing an id per tie.
///
/// # Panics
/// If `doc.ties` is not empty, or an end is not an index into `names` (programmer errors).
pub(crate) fn build_numbered(
    doc: GraphDoc,
    ties: NumberedTies,
    locate: &Locate<'_>,
) -> Result<InfluenceGraph> {
    assert!(doc.ties.is_empty(), "the ties come numbered");
    assert!(
        ties.ties
            .iter()
            .all(|t| t.ends.iter().all(|&e| (e as usize) < ties.names.len())),
        "every end names an id"
    );
    build_from(doc, Ties::Numbered(ties), Place::One(locate))
}

fn build_from(mut doc: GraphDoc, ties: Ties, place: Place<'_, '_>) -> Result<InfluenceGraph> {
    let tie_count = match &ties {
        Ties::Doc(_) => doc.ties.len(),
        Ties::Numbered(n) => n.ties.len(),
    };
    refuse_oversized(&doc, tie_count, place)?;
    let ties = match ties {
        Ties::Doc(_) => Ties::Doc(std::mem::take(&mut doc.ties)),
        numbered => numbered,
    };
    let mut b = Builder {
        shown: Vec::new(),
        more: 0,
        place,
        version: doc.version,
        citation_ids: HashSet::default(),
        near: None,
        good_channel: None,
    };
    b.check_header(&doc);
    let mut graph = InfluenceGraph::new(Meta {
        title: doc.meta.title.clone(),
        date: doc.meta.date.clone(),
        description: doc.meta.description.clone(),
        notes: doc.meta.notes.clone(),
        build: doc.meta.build.clone(),
    });
    graph.version = doc.version;
    graph.reserve(doc.actors.len(), tie_count);
    b.add_citations(&mut graph, &doc);
    b.add_channel_decls(&mut graph, &doc);
    let (actor_node, first_at) = b.add_actors(&mut graph, &doc);
    b.check_stances(&graph, &doc);
    b.add_groups(&mut graph, &doc, &first_at);
    b.add_ties(&mut graph, ties, &actor_node, tie_count);
    b.finish(graph)
}

/// Refuses a graph over the documented limits before building anything from it.
fn refuse_oversized(doc: &GraphDoc, tie_count: usize, place: Place<'_, '_>) -> Result<()> {
    for (what, count, max, steps) in [
        ("actors", doc.actors.len(), MAX_ACTORS, [key("actors")]),
        ("ties", tie_count, MAX_TIES, [key("ties")]),
    ] {
        if count > max {
            let at = place.all(&[&steps]).pop().unwrap_or_default();
            return Err(Error::invalid(
                at,
                format!("the graph has {count} {what}, over the limit of {max}"),
                Some(format!(
                    "split the graph or drop the weakest {what}; the limits are in docs/FORMAT.md, \"Limits\""
                )),
            ));
        }
    }
    Ok(())
}

/// A problem found, with its path; it is placed in the file once every rule is checked.
struct Found {
    steps: Vec<PathStep>,
    message: String,
    hint: Option<String>,
}

/// The checks of one document: the problems found so far, and how to place them.
struct Builder<'l, 'a> {
    /// The problems shown, in the order found: at most [`MAX_PROBLEMS`].
    shown: Vec<Found>,
    /// The problems past the cap, only counted.
    more: usize,
    place: Place<'l, 'a>,
    version: u64,
    /// The graph's citation ids, hashed once for [`Builder::check_cite`] (the graph's own
    /// table hashes with SipHash, and a large graph looks up an id for each figure).
    citation_ids: HashSet<Box<str>, foldhash::fast::RandomState>,
    /// The actors' ids and names folded for "did you mean", once the first unknown actor is
    /// shown (the actors are all in the graph by then).
    near: Option<ActorFolds>,
    /// The last channel name found well-formed, for [`Builder::well_formed_channel`].
    good_channel: Option<Channel>,
}

impl Builder<'_, '_> {
    /// Whether the next problem will be shown (placed and given its suggestions) rather than
    /// only counted.
    fn shows_next(&self) -> bool {
        self.shown.len() < MAX_PROBLEMS
    }

    /// Whether channel name `c` is well-formed ([`Channel::is_well_formed`]). The ties of a
    /// large table share a few names, each one `Arc<str>`, so the check after the first is a
    /// pointer comparison.
    fn well_formed_channel(&mut self, c: &Channel) -> bool {
        if self
            .good_channel
            .as_ref()
            .is_some_and(|g| std::sync::Arc::ptr_eq(&g.0, &c.0))
        {
            return true;
        }
        let good = Channel::is_well_formed(c.as_str());
        if good {
            self.good_channel = Some(c.clone());
        }
        good
    }

    fn report(&mut self, steps: &[PathStep], message: String, hint: Option<String>) {
        // Past the cap, only count: nothing of the problem is kept.
        if !self.shows_next() {
            self.more += 1;
            return;
        }
        self.shown.push(Found {
            steps: steps.to_vec(),
            message,
            hint,
        });
    }

    /// "unknown actor `name`", with the closest ids while the problem will be shown: past
    /// [`MAX_PROBLEMS`] problems are only counted, so the search is skipped and validation stays
    /// linear in the number of problems. The actors are folded once, at the first search
    /// (O(actors)); each search then costs O(actors) comparisons without allocating per actor.
    fn unknown_actor(&mut self, graph: &InfluenceGraph, name: &str) -> String {
        let mut msg = format!("unknown actor `{name}`");
        if !self.shows_next() {
            return msg;
        }
        let suggestions = self
            .near
            .get_or_insert_with(|| ActorFolds::new(graph))
            .suggestions(graph, name);
        match suggestions.as_slice() {
            [] => {}
            [one] => msg.push_str(&format!(" (did you mean `{one}`?)")),
            many => msg.push_str(&format!(
                " (did you mean {}?)",
                many.iter()
                    .map(|s| format!("`{s}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
        msg
    }

    /// A key that only version 2 has, found in a version-1 file.
    ///
    /// `at` gives the place; it is called only when there is a problem to report, since most
    /// figures of a version 2 file pass and their paths would be built for nothing.
    fn v2_only(&mut self, at: &dyn Fn() -> Vec<PathStep>, what: &str) {
        if self.version == 1 {
            self.report(
                &at(),
                format!("{what} is part of format version 2, but the file says `\"version\": 1`"),
                Some("set `\"version\": 2` (docs/FORMAT.md), or remove the key".into()),
            );
        }
    }

    fn check_header(&mut self, doc: &GraphDoc) {
        if doc.version != 1 && doc.version != 2 {
            self.report(
                &[key("version")],
                format!(
                    "format version is `{}`, but this program reads versions `1` and `2`",
                    doc.version
                ),
                Some("set `\"version\": 2`, or upgrade leverage".into()),
            );
        }
        if !is_date(&doc.meta.date) {
            self.report(
                &[key("meta"), key("date")],
                format!(
                    "date is `{}`, but dates are written `YYYY-MM-DD`",
                    doc.meta.date
                ),
                Some("write the date as e.g. `2025-06-01`".into()),
            );
        }
        if doc.meta.build.is_some() {
            self.v2_only(&|| vec![key("meta"), key("build")], "`meta.build`");
        }
        if doc.actors.is_empty() {
            self.report(
                &[key("actors")],
                "the graph has no actors".into(),
                Some("add at least one actor: `{\"id\": \"AUT\", \"name\": \"Austria\"}`".into()),
            );
        }
    }

    fn add_citations(&mut self, graph: &mut InfluenceGraph, doc: &GraphDoc) {
        if !doc.citations.is_empty() {
            self.v2_only(&|| vec![key("citations")], "`citations`");
        }
        for (id, c) in &doc.citations {
            let here = |k: Option<&str>| {
                let mut p = vec![key("citations"), key(id)];
                p.extend(k.map(key));
                p
            };
            if !Citation::is_well_formed_id(id) {
                self.report(
                    &here(None),
                    format!("citation id `{id}` is not well-formed"),
                    Some(
                        "use lowercase letters, digits, `-`, `_` and `.`, e.g. `gacc-2023`".into(),
                    ),
                );
            }
            for (field, text) in [("publisher", &c.publisher), ("title", &c.title)] {
                if text.trim().is_empty() {
                    self.report(
                        &here(Some(field)),
                        format!("citation `{id}` has an empty `{field}`"),
                        Some("say who published it and under what title, so that anyone can find it again".into()),
                    );
                }
            }
            if !(1900..=2100).contains(&c.year) {
                self.report(
                    &here(Some("year")),
                    format!("year of citation `{id}` is `{}`, outside 1900-2100", c.year),
                    Some("give the year of publication, e.g. `2024`".into()),
                );
            }
            if let Some(u) = &c.url {
                if !(u.starts_with("https://") || u.starts_with("http://")) {
                    self.report(
                        &here(Some("url")),
                        format!("url of citation `{id}` is `{u}`, not a web address"),
                        Some("write the full address, starting with `https://`".into()),
                    );
                }
            }
            if let Some(d) = &c.accessed {
                if !is_date(d) {
                    self.report(
                        &here(Some("accessed")),
                        format!("`accessed` of citation `{id}` is `{d}`, but dates are written `YYYY-MM-DD`"),
                        Some("write the date as e.g. `2025-06-01`".into()),
                    );
                }
            }
            graph.citations.insert(id.clone(), c.clone());
        }
    }

    fn add_channel_decls(&mut self, graph: &mut InfluenceGraph, doc: &GraphDoc) {
        if !doc.channels.is_empty() {
            self.v2_only(&|| vec![key("channels")], "`channels`");
        }
        for (name, d) in &doc.channels {
            if !Channel::is_well_formed(name) {
                self.report(
                    &[key("channels"), key(name)],
                    format!("channel name `{name}` is not a lowercase identifier"),
                    Some(
                        "use names like `trade`, `energy`, `security`, `finance`, `diplomacy`"
                            .into(),
                    ),
                );
            }
            if d.family
                .as_deref()
                .is_some_and(|f| !Channel::is_well_formed(f))
            {
                self.report(
                    &[key("channels"), key(name), key("family")],
                    format!(
                        "family of channel `{name}` is `{}`, not a lowercase identifier",
                        d.family.as_deref().unwrap_or("")
                    ),
                    Some("name the flow the channel measures, e.g. `economic`".into()),
                );
            }
            graph
                .channel_decls
                .insert(Channel::from(name.as_str()), d.clone());
        }
    }

    /// A problem for every citation id of `cite` that the graph does not hold.
    fn check_cite(&mut self, graph: &InfluenceGraph, cite: &Cite, at: &dyn Fn() -> Vec<PathStep>) {
        if cite.is_empty() {
            return;
        }
        self.v2_only(at, "`cite`");
        if self.citation_ids.len() != graph.citations.len() {
            self.citation_ids = graph.citations.keys().map(|k| k.as_str().into()).collect();
        }
        for id in cite.ids() {
            if !self.citation_ids.contains(id) {
                // Past the cap the problem is only counted: no search for a near id.
                let searched = if self.shows_next() {
                    graph.citations.len()
                } else {
                    0
                };
                let mut near: Vec<(f64, &str)> = graph
                    .citations
                    .keys()
                    .take(searched)
                    .map(|k| (strsim::jaro_winkler(id, k), k.as_str()))
                    .filter(|(s, _)| *s >= 0.85)
                    .collect();
                near.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
                let dym = near
                    .first()
                    .map_or(String::new(), |(_, k)| format!(" (did you mean `{k}`?)"));
                self.report(
                    &at(),
                    format!("citation `{id}` is not in `citations`{dym}"),
                    Some("add it to the top-level `citations` table, or fix the id".into()),
                );
            }
        }
    }

    /// Checks a figure's rules, and its basis and citations against the version and the
    /// graph's citations.
    fn check_full_figure(
        &mut self,
        graph: &InfluenceGraph,
        fig: &Figure,
        at: &dyn Fn() -> Vec<PathStep>,
        what: &dyn Fn() -> String,
    ) {
        // A sound figure (nearly all of them) costs one pass over its rules and nothing else.
        if !crate::model::rules::is_sound(fig) {
            let mut found: Vec<(Vec<PathStep>, String, Option<String>)> = Vec::new();
            check_figure(
                fig,
                at,
                what,
                &mut |p: &[PathStep], m: String, h: Option<String>| {
                    found.push((p.to_vec(), m, h));
                },
            );
            for (p, m, h) in found {
                self.report(&p, m, h);
            }
        }
        if !fig.basis.is_unknown() {
            let basis_at = || {
                let mut p = at();
                p.push(key("basis"));
                p
            };
            self.v2_only(&basis_at, "`basis`");
        }
        if !fig.cite.is_empty() {
            let cite_at = || {
                let mut p = at();
                p.push(key("cite"));
                p
            };
            self.check_cite(graph, &fig.cite, &cite_at);
        }
    }

    /// The actors, and for each entry of `doc.actors` its node (none for a refused entry), and
    /// the first entry of each id.
    #[allow(clippy::type_complexity)]
    fn add_actors<'d>(
        &mut self,
        graph: &mut InfluenceGraph,
        doc: &'d GraphDoc,
    ) -> (
        Vec<Option<NodeIndex>>,
        HashMap<&'d str, usize, foldhash::fast::RandomState>,
    ) {
        let mut actor_node: Vec<Option<NodeIndex>> = Vec::with_capacity(doc.actors.len());
        let mut first_at: HashMap<&str, usize, foldhash::fast::RandomState> =
            HashMap::with_capacity_and_hasher(doc.actors.len(), Default::default());
        for (i, a) in doc.actors.iter().enumerate() {
            actor_node.push(None);
            let here = |k: &str| vec![key("actors"), idx(i), key(k)];
            if !ActorId::is_well_formed(&a.id) {
                self.report(
                    &here("id"),
                    format!("actor id `{}` is not well-formed", a.id),
                    Some(
                        "use an ISO 3166-1 alpha-3 code (`AUT`) or 1-64 letters, digits, `-`, `_`, `.`"
                            .into(),
                    ),
                );
                continue;
            }
            if crate::model::rules::is_lowercase_iso(&a.id) {
                self.report(
                    &here("id"),
                    format!(
                        "actor id `{}` looks like a country code but is not upper case",
                        a.id
                    ),
                    Some(format!(
                        "write ISO codes in capitals (`{}`); custom ids need four or more characters",
                        a.id.to_uppercase()
                    )),
                );
            }
            if let Some(&j) = first_at.get(a.id.as_str()) {
                self.report(
                    &here("id"),
                    format!("actor id `{}` is used twice (first at actors[{j}])", a.id),
                    Some("give every actor its own id, or merge the two entries".into()),
                );
                continue;
            }
            first_at.insert(&a.id, i);
            let coordinates = self.coordinates(a, i);
            if let Some(r) = &a.receptiveness {
                self.check_full_figure(graph, r, &|| here("receptiveness"), &|| {
                    "receptiveness".to_owned()
                });
            }
            if !a.stance.is_empty() {
                self.v2_only(&|| here("stance"), "`stance`");
            }
            if let Some(o) = &a.outreach {
                self.v2_only(&|| here("outreach"), "`outreach`");
                self.check_outreach(graph, o, i);
            }
            for (k, v) in &a.attributes {
                if !crate::model::rules::is_flat_attribute(v) {
                    self.report(
                        &[key("actors"), idx(i), key("attributes"), key(k)],
                        format!("attribute `{k}` is an object or a nested array"),
                        Some(
                            "attributes are strings, numbers, booleans or flat arrays of them"
                                .into(),
                        ),
                    );
                }
            }
            actor_node[i] = Some(
                graph.add_actor_unchecked(Actor {
                    id: ActorId(a.id.clone()),
                    name: a.name.clone(),
                    coordinates,
                    receptiveness: a.receptiveness.clone(),
                    stance: a
                        .stance
                        .iter()
                        .map(|(t, s)| (ActorId(t.clone()), s.clone()))
                        .collect(),
                    outreach: a.outreach.clone().filter(|o| !o.is_empty()),
                    note: a.note.clone(),
                    attributes: a.attributes.clone(),
                }),
            );
        }
        (actor_node, first_at)
    }

    fn coordinates(&mut self, a: &ActorDoc, i: usize) -> Option<Coordinates> {
        let here = |k: &str| vec![key("actors"), idx(i), key(k)];
        match (a.lat, a.lon) {
            (Some(lat), Some(lon)) => {
                if !(-90.0..=90.0).contains(&lat) {
                    self.report(
                        &here("lat"),
                        format!("latitude is `{lat}`, but latitudes are in [-90, 90]"),
                        Some("check that `lat` and `lon` are not swapped".into()),
                    );
                }
                if !(-180.0..=180.0).contains(&lon) {
                    self.report(
                        &here("lon"),
                        format!("longitude is `{lon}`, but longitudes are in [-180, 180]"),
                        Some("check that `lat` and `lon` are not swapped".into()),
                    );
                }
                Some(Coordinates { lat, lon })
            }
            (None, None) => None,
            (Some(_), None) | (None, Some(_)) => {
                self.report(
                    &[key("actors"), idx(i)],
                    format!("actor `{}` has only one of `lat` and `lon`", a.id),
                    Some("give both coordinates of the capital, or neither".into()),
                );
                None
            }
        }
    }

    fn check_outreach(&mut self, graph: &InfluenceGraph, o: &Outreach, i: usize) {
        for (list, facts) in [("agreements", &o.agreements), ("concerns", &o.concerns)] {
            for (j, f) in facts.iter().enumerate() {
                let at = || vec![key("actors"), idx(i), key("outreach"), key(list), idx(j)];
                let place = |k: &str| {
                    let mut p = at();
                    p.push(key(k));
                    p
                };
                if f.text.trim().is_empty() {
                    self.report(
                        &place("text"),
                        format!("{list}[{j}] has an empty `text`"),
                        Some("say what the agreement or concern is".into()),
                    );
                }
                if f.source.trim().is_empty() {
                    self.report(
                        &place("source"),
                        format!("{list}[{j}] has an empty source"),
                        Some("name where the statement comes from (publication and year)".into()),
                    );
                }
                if !(1900..=2100).contains(&f.year) {
                    self.report(
                        &place("year"),
                        format!("year of {list}[{j}] is `{}`, outside 1900-2100", f.year),
                        Some("give the year the statement describes, e.g. `2025`".into()),
                    );
                }
                self.check_cite(graph, &f.cite, &|| place("cite"));
            }
        }
    }

    /// Stance targets are known actors other than the actor; every signal is a valid figure.
    /// Run after every actor is added, so a target may come later in the file.
    fn check_stances(&mut self, graph: &InfluenceGraph, doc: &GraphDoc) {
        for (i, a) in doc.actors.iter().enumerate() {
            for (target, stance) in &a.stance {
                let at = || vec![key("actors"), idx(i), key("stance"), key(target)];
                if graph.node_of(target).is_none() {
                    let unknown = self.unknown_actor(graph, target);
                    self.report(
                        &at(),
                        format!("stance towards {unknown}"),
                        Some(
                            "stances are keyed by the id of the target actor, e.g. `\"RUS\"`"
                                .into(),
                        ),
                    );
                } else if *target == a.id {
                    self.report(
                        &at(),
                        format!("actor `{}` has a stance towards itself", a.id),
                        Some("remove it: a stance is towards another actor".into()),
                    );
                }
                for (signal, fig) in stance.signals() {
                    let place = || {
                        let mut p = at();
                        p.push(key(signal.name()));
                        p
                    };
                    self.check_full_figure(graph, fig, &place, &|| {
                        format!("stance signal `{signal}`")
                    });
                }
            }
        }
    }

    fn add_groups(
        &mut self,
        graph: &mut InfluenceGraph,
        doc: &GraphDoc,
        first_at: &HashMap<&str, usize, foldhash::fast::RandomState>,
    ) {
        let mut group_ids: HashSet<String> = HashSet::new();
        for (gi, g) in doc.groups.iter().enumerate() {
            let here = |k: &str| vec![key("groups"), idx(gi), key(k)];
            if !ActorId::is_well_formed(&g.id) {
                self.report(
                    &here("id"),
                    format!("group id `{}` is not well-formed", g.id),
                    Some("use letters, digits, `-`, `_` or `.` (e.g. `signatories`)".into()),
                );
            }
            if graph.node_of(&g.id).is_some()
                || first_at.keys().any(|a| a.eq_ignore_ascii_case(&g.id))
            {
                self.report(
                    &here("id"),
                    format!("group id `{}` is also an actor id", g.id),
                    Some(
                        "rename the group, so that a name on the command line means one thing"
                            .into(),
                    ),
                );
            }
            if !group_ids.insert(g.id.to_lowercase()) {
                let same = doc.groups[..gi]
                    .iter()
                    .find(|x| x.id.eq_ignore_ascii_case(&g.id))
                    .map_or(g.id.as_str(), |x| x.id.as_str());
                let msg = if same == g.id {
                    format!("group id `{}` is used twice", g.id)
                } else {
                    format!(
                        "group id `{}` is also group `{same}`: names are read in any case",
                        g.id
                    )
                };
                self.report(
                    &here("id"),
                    msg,
                    Some("merge the two groups or rename one".into()),
                );
                continue;
            }
            if g.members.is_empty() {
                self.report(
                    &here("members"),
                    format!("group `{}` has no members", g.id),
                    Some("list at least one actor id in `members`".into()),
                );
            }
            // Members, checked against a set: a group of 100,000 members stays linear.
            let mut members: Vec<ActorId> = Vec::with_capacity(g.members.len());
            let mut seen: HashSet<&str, foldhash::fast::RandomState> =
                HashSet::with_capacity_and_hasher(g.members.len(), Default::default());
            for (mi, m) in g.members.iter().enumerate() {
                let at = vec![key("groups"), idx(gi), key("members"), idx(mi)];
                if graph.node_of(m).is_none() {
                    let msg = self.unknown_actor(graph, m);
                    self.report(
                        &at,
                        msg,
                        Some("add the actor to `actors` or fix the id".into()),
                    );
                } else if !seen.insert(m.as_str()) {
                    self.report(
                        &at,
                        format!("`{m}` is listed twice in group `{}`", g.id),
                        Some("remove the repeat".into()),
                    );
                } else {
                    members.push(ActorId(m.clone()));
                }
            }
            if let Some(lead) = &g.lead {
                if !g.members.contains(lead) {
                    self.report(
                        &here("lead"),
                        format!("lead `{lead}` is not a member of group `{}`", g.id),
                        Some("add the lead to `members`, or name a member as lead".into()),
                    );
                }
            }
            if g.source.is_some() {
                self.v2_only(&|| here("source"), "a group's `source`");
            }
            if let Some(y) = g.year {
                self.v2_only(&|| here("year"), "a group's `year`");
                if !(1900..=2100).contains(&y) {
                    self.report(
                        &here("year"),
                        format!("year of group `{}` is `{y}`, outside 1900-2100", g.id),
                        Some("give the year the membership describes, e.g. `2025`".into()),
                    );
                }
            }
            self.check_cite(graph, &g.cite, &|| here("cite"));
            graph.set_group_unchecked(Group {
                id: g.id.clone(),
                name: g.name.clone(),
                members,
                lead: g.lead.as_ref().map(|l| ActorId(l.clone())),
                note: g.note.clone(),
                source: g.source.clone(),
                cite: g.cite.clone(),
                year: g.year,
            });
        }
    }

    fn add_ties(
        &mut self,
        graph: &mut InfluenceGraph,
        ties: Ties,
        actor_node: &[Option<NodeIndex>],
        tie_count: usize,
    ) {
        // Keyed by nodes: an end that is not an actor is reported as unknown already.
        let mut pairs: Pairs = HashMap::with_capacity_and_hasher(tie_count, Default::default());
        match ties {
            Ties::Doc(ties) => {
                for (index, t) in ties.into_iter().enumerate() {
                    let tie = TieIn {
                        index,
                        from_name: &t.from,
                        to_name: &t.to,
                        from: graph.node_of(&t.from),
                        to: graph.node_of(&t.to),
                        same_ends: t.from == t.to,
                        channels: t.channels,
                        note: t.note,
                    };
                    self.add_tie(graph, &mut pairs, tie);
                }
            }
            Ties::Numbered(numbered) => {
                let node = |name: u32| -> Option<NodeIndex> {
                    let pos = *numbered.actor_of.get(name as usize)?;
                    actor_node.get(pos as usize).copied().flatten()
                };
                for (index, t) in numbered.ties.into_iter().enumerate() {
                    let [f, to] = t.ends.map(|e| e as usize);
                    let (from_name, to_name) = (&numbered.names[f], &numbered.names[to]);
                    let tie = TieIn {
                        index,
                        from_name,
                        to_name,
                        // An end whose actor entry was refused (a malformed or repeated id) is
                        // looked up by id, as for a native file.
                        from: node(t.ends[0]).or_else(|| graph.node_of(from_name)),
                        to: node(t.ends[1]).or_else(|| graph.node_of(to_name)),
                        same_ends: f == to,
                        channels: t.channels,
                        note: t.note,
                    };
                    self.add_tie(graph, &mut pairs, tie);
                }
            }
        }
    }

    fn finish(self, graph: InfluenceGraph) -> Result<InfluenceGraph> {
        if self.shown.is_empty() {
            return Ok(graph);
        }
        // Every shown problem placed at once (one pass over a JSON text).
        let paths: Vec<&[PathStep]> = self.shown.iter().map(|f| f.steps.as_slice()).collect();
        let places = self.place.all(&paths);
        let mut problems: Vec<Problem> = self
            .shown
            .into_iter()
            .zip(places)
            .map(|(f, at)| Problem::new(at, f.message, f.hint))
            .collect();
        let extra = self.more;
        if extra > 0 {
            let at = problems[0].at.clone();
            problems.push(Problem::new(
                Location::file(at.file),
                format!("... and {extra} more problems"),
                Some("fix the ones above and validate again".to_owned()),
            ));
        }
        Err(Error::Invalid { problems })
    }
}

type Pairs = HashMap<(NodeIndex, NodeIndex), usize, foldhash::fast::RandomState>;

/// One tie on its way into the graph: its place in the list, its ends (names for messages,
/// nodes where known), its figures and note.
struct TieIn<'a> {
    index: usize,
    from_name: &'a str,
    to_name: &'a str,
    from: Option<NodeIndex>,
    to: Option<NodeIndex>,
    same_ends: bool,
    channels: TieChannels,
    note: Option<String>,
}

impl Builder<'_, '_> {
    /// Checks one tie against the rules and adds it to the graph if its ends are known and its
    /// pair is new. The channels move into the graph as they are: no copy, and no allocation
    /// unless a rule is broken (paths and messages are built only then).
    fn add_tie(&mut self, graph: &mut InfluenceGraph, pairs: &mut Pairs, t: TieIn<'_>) {
        let ti = t.index;
        let here = |k: &str| vec![key("ties"), idx(ti), key(k)];
        if t.from.is_none() {
            let msg = self.unknown_actor(graph, t.from_name);
            self.report(
                &here("from"),
                msg,
                Some("add the actor to `actors` or fix the id".into()),
            );
        }
        if t.to.is_none() {
            let msg = self.unknown_actor(graph, t.to_name);
            self.report(
                &here("to"),
                msg,
                Some("add the actor to `actors` or fix the id".into()),
            );
        }
        if t.same_ends {
            self.report(
                &here("to"),
                format!("tie from `{}` to itself", t.from_name),
                Some("remove the tie: an actor's leverage over itself is not modelled".into()),
            );
            return;
        }
        let pair = t.from.zip(t.to);
        if let Some(&first) = pair.and_then(|p| pairs.get(&p)) {
            self.report(
                &[key("ties"), idx(ti)],
                format!(
                    "second tie `{}` -> `{}` (the first is ties[{first}])",
                    t.from_name, t.to_name
                ),
                Some("one tie per ordered pair: move these channels into the first tie".into()),
            );
            return;
        }
        if let Some(p) = pair {
            pairs.insert(p, ti);
        }
        let TieChannels { figures, series } = t.channels;
        if figures.is_empty() {
            self.report(
                &here("channels"),
                format!("tie `{}` -> `{}` has no channels", t.from_name, t.to_name),
                Some("add a channel figure, e.g. `\"trade\": {\"value\": 0.1, \"source\": \"...\", \"year\": 2023}`".into()),
            );
        }
        for (c, fig) in figures.iter() {
            let at = || vec![key("ties"), idx(ti), key("channels"), key(c.as_str())];
            if !self.well_formed_channel(c) {
                self.report(
                    &at(),
                    format!("channel name `{c}` is not a lowercase identifier"),
                    Some(
                        "use names like `trade`, `energy`, `security`, `finance`, `diplomacy`"
                            .into(),
                    ),
                );
            }
            let in_series = series
                .as_deref()
                .and_then(|s| s.iter().find(|(x, _)| x == c))
                .map(|(_, f)| f);
            match in_series {
                None => {
                    self.check_full_figure(graph, fig, &at, &|| format!("weight of channel `{c}`"));
                }
                Some(all) => {
                    self.v2_only(&at, "a yearly series");
                    for (i, f) in all.iter().enumerate() {
                        let at_i = || {
                            let mut p = at();
                            p.push(idx(i));
                            p
                        };
                        self.check_full_figure(graph, f, &at_i, &|| {
                            format!("weight of channel `{c}` in {}", f.year)
                        });
                    }
                }
            }
        }
        if let Some((f, to)) = pair {
            // Duplicate pairs were refused above, so the tie is new.
            graph.add_new_tie(
                f,
                to,
                Tie {
                    channels: figures,
                    note: t.note,
                    series,
                },
            );
        }
    }
}

/// Checks one figure: value in [0, 1], range ordered and containing the value, source present,
/// year plausible.
///
/// `at` and `what` (the figure's path and its name in messages) are called only when a rule is
/// broken, so checking a valid figure allocates nothing.
fn check_figure(
    fig: &Figure,
    at: &dyn Fn() -> Vec<PathStep>,
    what: &dyn Fn() -> String,
    report: &mut impl FnMut(&[PathStep], String, Option<String>),
) {
    let place = |last: &str| {
        let mut path = at();
        path.push(key(last));
        path
    };
    use crate::model::FigureFault;
    // The rules are the model's (`model::rules`), worded here with the figure's place.
    for fault in crate::model::rules::figure_faults(fig) {
        match fault {
            FigureFault::Value(v) => {
                let hint = if v > 1.0 && v <= 100.0 {
                    format!(
                        "weights are shares in [0, 1]: if `{v}` is a percentage, write it as `{}`",
                        v / 100.0
                    )
                } else {
                    "weights are shares in [0, 1]".to_owned()
                };
                report(
                    &place("value"),
                    format!("{} is `{v}`, but weights are shares in [0, 1]", what()),
                    Some(hint),
                );
            }
            FigureFault::RangeEnds([lo, hi]) => report(
                &place("range"),
                format!(
                    "range of {} is `[{lo}, {hi}]`, but its ends must be in [0, 1]",
                    what()
                ),
                Some("write the range as shares, e.g. `[0.1, 0.2]`".into()),
            ),
            FigureFault::RangeReversed([lo, hi]) => report(
                &place("range"),
                format!("range of {} is `[{lo}, {hi}]`: low is above high", what()),
                Some(format!("write the range as `[low, high]`: `[{hi}, {lo}]`")),
            ),
            FigureFault::OutsideRange {
                value: v,
                range: [lo, hi],
            } => report(
                &place("range"),
                format!("{} is `{v}`, outside its own range `[{lo}, {hi}]`", what()),
                Some("widen the range or correct the value: the value is the best estimate inside it".into()),
            ),
            FigureFault::EmptySource => report(
                &place("source"),
                format!("{} has an empty source", what()),
                Some(
                    "name where the figure comes from (publication and year), or how it was derived"
                        .into(),
                ),
            ),
            FigureFault::Year(year) => report(
                &place("year"),
                format!("year of {} is `{year}`, outside 1900-2100", what()),
                Some("give the year the figure describes, e.g. `2023`".into()),
            ),
        }
    }
}

fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

#[cfg(test)]
#[path = "tests/validate_tests.rs"]
mod tests;
