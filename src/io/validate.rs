//! The rules of the graph format (MODEL section 2, `docs/FORMAT.md` "Rules"), checked while a
//! document becomes an [`InfluenceGraph`]. Every problem is collected, not just the first.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use petgraph::stable_graph::NodeIndex;

use super::json::{GraphDoc, TieDoc};
use super::location::{Location, PathStep};
use crate::error::{Error, Problem, Result};
use crate::model::{
    Actor, ActorId, Channel, Channels, Coordinates, Figure, Group, InfluenceGraph, Meta, Resolver,
    Tie,
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
    build_from(doc, Ties::Doc(Vec::new()), locate)
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
    /// Channel figures.
    pub channels: Channels,
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
    build_from(doc, Ties::Numbered(ties), locate)
}

fn build_from(mut doc: GraphDoc, ties: Ties, locate: &Locate<'_>) -> Result<InfluenceGraph> {
    let tie_count = match &ties {
        Ties::Doc(_) => doc.ties.len(),
        Ties::Numbered(n) => n.ties.len(),
    };
    // Refuse an oversized graph before building anything from it.
    for (what, count, max, steps) in [
        ("actors", doc.actors.len(), MAX_ACTORS, [key("actors")]),
        ("ties", tie_count, MAX_TIES, [key("ties")]),
    ] {
        if count > max {
            return Err(Error::invalid(
                locate(&steps),
                format!("the graph has {count} {what}, over the limit of {max}"),
                Some(format!(
                    "split the graph or drop the weakest {what}; the limits are in docs/FORMAT.md, \"Limits\""
                )),
            ));
        }
    }
    let ties = match ties {
        Ties::Doc(_) => Ties::Doc(std::mem::take(&mut doc.ties)),
        numbered => numbered,
    };
    let doc = &doc;
    let mut problems: Vec<Problem> = Vec::new();
    let mut report = |steps: &[PathStep], message: String, hint: Option<String>| {
        problems.push(Problem::new(locate(steps), message, hint));
    };

    if doc.version != 1 {
        report(
            &[key("version")],
            format!(
                "format version is `{}`, but this program reads version `1`",
                doc.version
            ),
            Some("set `\"version\": 1`, or upgrade leverage".into()),
        );
    }
    if !is_date(&doc.meta.date) {
        report(
            &[key("meta"), key("date")],
            format!(
                "date is `{}`, but dates are written `YYYY-MM-DD`",
                doc.meta.date
            ),
            Some("write the date as e.g. `2025-06-01`".into()),
        );
    }
    if doc.actors.is_empty() {
        report(
            &[key("actors")],
            "the graph has no actors".into(),
            Some("add at least one actor: `{\"id\": \"AUT\", \"name\": \"Austria\"}`".into()),
        );
    }

    let mut graph = InfluenceGraph::new(Meta {
        title: doc.meta.title.clone(),
        date: doc.meta.date.clone(),
        description: doc.meta.description.clone(),
        notes: doc.meta.notes.clone(),
    });

    graph.reserve(doc.actors.len(), tie_count);
    // Actors, and the node of each entry of `doc.actors` (none for a refused entry).
    let mut actor_node: Vec<Option<NodeIndex>> = Vec::with_capacity(doc.actors.len());
    let mut first_at: HashMap<&str, usize, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(doc.actors.len(), Default::default());
    for (i, a) in doc.actors.iter().enumerate() {
        actor_node.push(None);
        let here = |k: &str| vec![key("actors"), idx(i), key(k)];
        if !ActorId::is_well_formed(&a.id) {
            report(
                &here("id"),
                format!("actor id `{}` is not well-formed", a.id),
                Some(
                    "use an ISO 3166-1 alpha-3 code (`AUT`) or 1-64 letters, digits, `-`, `_`, `.`"
                        .into(),
                ),
            );
            continue;
        }
        if a.id.len() == 3
            && a.id.bytes().all(|b| b.is_ascii_alphabetic())
            && !ActorId::looks_like_iso3(&a.id)
        {
            report(
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
            report(
                &here("id"),
                format!("actor id `{}` is used twice (first at actors[{j}])", a.id),
                Some("give every actor its own id, or merge the two entries".into()),
            );
            continue;
        }
        first_at.insert(&a.id, i);
        let coordinates = match (a.lat, a.lon) {
            (Some(lat), Some(lon)) => {
                if !(-90.0..=90.0).contains(&lat) {
                    report(
                        &here("lat"),
                        format!("latitude is `{lat}`, but latitudes are in [-90, 90]"),
                        Some("check that `lat` and `lon` are not swapped".into()),
                    );
                }
                if !(-180.0..=180.0).contains(&lon) {
                    report(
                        &here("lon"),
                        format!("longitude is `{lon}`, but longitudes are in [-180, 180]"),
                        Some("check that `lat` and `lon` are not swapped".into()),
                    );
                }
                Some(Coordinates { lat, lon })
            }
            (None, None) => None,
            (Some(_), None) | (None, Some(_)) => {
                report(
                    &[key("actors"), idx(i)],
                    format!("actor `{}` has only one of `lat` and `lon`", a.id),
                    Some("give both coordinates of the capital, or neither".into()),
                );
                None
            }
        };
        if let Some(r) = &a.receptiveness {
            check_figure(
                r,
                &|| here("receptiveness"),
                &|| "receptiveness".to_owned(),
                &mut report,
            );
        }
        for (k, v) in &a.attributes {
            if !is_flat_attribute(v) {
                report(
                    &[key("actors"), idx(i), key("attributes"), key(k)],
                    format!("attribute `{k}` is an object or a nested array"),
                    Some("attributes are strings, numbers, booleans or flat arrays of them".into()),
                );
            }
        }
        actor_node[i] = graph.add_actor(Actor {
            id: ActorId(a.id.clone()),
            name: a.name.clone(),
            coordinates,
            receptiveness: a.receptiveness.clone(),
            note: a.note.clone(),
            attributes: a.attributes.clone(),
        });
    }

    // Groups.
    let mut group_ids: HashSet<&str> = HashSet::new();
    for (gi, g) in doc.groups.iter().enumerate() {
        let here = |k: &str| vec![key("groups"), idx(gi), key(k)];
        if !ActorId::is_well_formed(&g.id) {
            report(
                &here("id"),
                format!("group id `{}` is not well-formed", g.id),
                Some("use letters, digits, `-`, `_` or `.` (e.g. `signatories`)".into()),
            );
        }
        if graph.node_of(&g.id).is_some() || first_at.keys().any(|a| a.eq_ignore_ascii_case(&g.id))
        {
            report(
                &here("id"),
                format!("group id `{}` is also an actor id", g.id),
                Some("rename the group, so that a name on the command line means one thing".into()),
            );
        }
        if !group_ids.insert(&g.id) {
            report(
                &here("id"),
                format!("group id `{}` is used twice", g.id),
                Some("merge the two groups or rename one".into()),
            );
            continue;
        }
        if g.members.is_empty() {
            report(
                &here("members"),
                format!("group `{}` has no members", g.id),
                Some("list at least one actor id in `members`".into()),
            );
        }
        let mut members: Vec<ActorId> = Vec::new();
        for (mi, m) in g.members.iter().enumerate() {
            let at = vec![key("groups"), idx(gi), key("members"), idx(mi)];
            if graph.node_of(m).is_none() {
                report(
                    &at,
                    unknown_actor(&graph, m),
                    Some("add the actor to `actors` or fix the id".into()),
                );
            } else if members.iter().any(|x| x.as_str() == m) {
                report(
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
                report(
                    &here("lead"),
                    format!("lead `{lead}` is not a member of group `{}`", g.id),
                    Some("add the lead to `members`, or name a member as lead".into()),
                );
            }
        }
        graph.set_group(Group {
            id: g.id.clone(),
            name: g.name.clone(),
            members,
            lead: g.lead.as_ref().map(|l| ActorId(l.clone())),
            note: g.note.clone(),
        });
    }

    // Ties.
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
                add_tie(&mut graph, &mut pairs, &mut report, tie);
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
                add_tie(&mut graph, &mut pairs, &mut report, tie);
            }
        }
    }

    if problems.is_empty() {
        Ok(graph)
    } else {
        let extra = problems.len().saturating_sub(MAX_PROBLEMS);
        problems.truncate(MAX_PROBLEMS);
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
    channels: Channels,
    note: Option<String>,
}

/// Checks one tie against the rules and adds it to the graph if its ends are known and its
/// pair is new. The channels move into the graph as they are: no copy, and no allocation unless
/// a rule is broken (paths and messages are built only then).
fn add_tie(
    graph: &mut InfluenceGraph,
    pairs: &mut Pairs,
    report: &mut impl FnMut(&[PathStep], String, Option<String>),
    t: TieIn<'_>,
) {
    let ti = t.index;
    let here = |k: &str| vec![key("ties"), idx(ti), key(k)];
    if t.from.is_none() {
        report(
            &here("from"),
            unknown_actor(graph, t.from_name),
            Some("add the actor to `actors` or fix the id".into()),
        );
    }
    if t.to.is_none() {
        report(
            &here("to"),
            unknown_actor(graph, t.to_name),
            Some("add the actor to `actors` or fix the id".into()),
        );
    }
    if t.same_ends {
        report(
            &here("to"),
            format!("tie from `{}` to itself", t.from_name),
            Some("remove the tie: an actor's leverage over itself is not modelled".into()),
        );
        return;
    }
    let pair = t.from.zip(t.to);
    if let Some(&first) = pair.and_then(|p| pairs.get(&p)) {
        report(
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
    if t.channels.is_empty() {
        report(
            &here("channels"),
            format!("tie `{}` -> `{}` has no channels", t.from_name, t.to_name),
            Some("add a channel figure, e.g. `\"trade\": {\"value\": 0.1, \"source\": \"...\", \"year\": 2023}`".into()),
        );
    }
    for (c, fig) in t.channels.iter() {
        let at = || vec![key("ties"), idx(ti), key("channels"), key(c.as_str())];
        if !Channel::is_well_formed(c.as_str()) {
            report(
                &at(),
                format!("channel name `{c}` is not a lowercase identifier"),
                Some("use names like `trade`, `energy`, `security`, `finance`, `diplomacy`".into()),
            );
        }
        check_figure(
            fig,
            &at,
            &|| format!("weight of channel `{c}`"),
            &mut *report,
        );
    }
    if let Some((f, to)) = pair {
        // Duplicate pairs were refused above, so the tie is new.
        graph.add_new_tie(
            f,
            to,
            Tie {
                channels: t.channels,
                note: t.note,
            },
        );
    }
}

fn unknown_actor(graph: &InfluenceGraph, name: &str) -> String {
    let suggestions = Resolver::new(graph).suggestions(name);
    let mut msg = format!("unknown actor `{name}`");
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
    let v = fig.value;
    if !v.is_finite() || !(0.0..=1.0).contains(&v) {
        let hint = if v > 1.0 && v <= 100.0 {
            format!(
                "weights are shares in [0, 1]: if `{v}` is a percentage, write it as `{}`",
                v / 100.0
            )
        } else {
            "weights are shares in [0, 1]".to_owned()
        };
        let what = what();
        report(
            &place("value"),
            format!("{what} is `{v}`, but weights are shares in [0, 1]"),
            Some(hint),
        );
    }
    if let Some([lo, hi]) = fig.range {
        let rpath = || place("range");
        if !lo.is_finite()
            || !hi.is_finite()
            || !(0.0..=1.0).contains(&lo)
            || !(0.0..=1.0).contains(&hi)
        {
            report(
                &rpath(),
                format!(
                    "range of {} is `[{lo}, {hi}]`, but its ends must be in [0, 1]",
                    what()
                ),
                Some("write the range as shares, e.g. `[0.1, 0.2]`".into()),
            );
        } else if lo > hi {
            report(
                &rpath(),
                format!("range of {} is `[{lo}, {hi}]`: low is above high", what()),
                Some(format!("write the range as `[low, high]`: `[{hi}, {lo}]`")),
            );
        } else if v.is_finite() && !(lo..=hi).contains(&v) {
            report(
                &rpath(),
                format!("{} is `{v}`, outside its own range `[{lo}, {hi}]`", what()),
                Some("widen the range or correct the value: the value is the best estimate inside it".into()),
            );
        }
    }
    if fig.source.trim().is_empty() {
        report(
            &place("source"),
            format!("{} has an empty source", what()),
            Some(
                "name where the figure comes from (publication and year), or how it was derived"
                    .into(),
            ),
        );
    }
    if !(1900..=2100).contains(&fig.year) {
        report(
            &place("year"),
            format!("year of {} is `{}`, outside 1900-2100", what(), fig.year),
            Some("give the year the figure describes, e.g. `2023`".into()),
        );
    }
}

fn is_flat_attribute(v: &serde_json::Value) -> bool {
    use serde_json::Value;
    match v {
        Value::Object(_) => false,
        Value::Array(items) => items
            .iter()
            .all(|x| !matches!(x, Value::Array(_) | Value::Object(_))),
        _ => true,
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
