//! Applying a scenario's edits to a graph, with every failure placed in the scenario file.

use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use super::format::{Edit, Scenario};
use crate::error::{Error, Problem, Result};
use crate::io::location::Location;
use crate::model::{
    Actor, ActorId, Channel, Coordinates, Figure, Group, InfluenceGraph, Resolver, Tie,
};

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
/// [`Error::Invalid`] placed at the failing edit: unknown names (with "did you mean"), figures
/// outside [0, 1] or outside their range, an empty source, a negative factor, an existing actor
/// id, or an edit that changes nothing (a `scale` or `remove` matching no tie). On error the
/// graph may hold the edits before the failing one: apply to a copy when that matters.
///
/// # Complexity
/// O(sum over edits of |from| · |to|) tie look-ups, each O(degree).
pub fn apply(graph: &mut InfluenceGraph, scenario: &Scenario) -> Result<ScenarioOutcome> {
    let mut edits = Vec::new();
    for (edit, at) in scenario.doc.edits.iter().zip(&scenario.places) {
        let changed = apply_edit(graph, edit, at, &scenario.doc.title)?;
        edits.push(EditOutcome {
            edit: describe(edit),
            changed,
        });
    }
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

fn resolve(graph: &InfluenceGraph, name: &str, at: &Location) -> Result<Vec<NodeIndex>> {
    Resolver::new(graph).actors(name, "").map_err(|e| {
        fail(
            at,
            e.to_string(),
            "use an actor id, an actor's name or a group id of the graph (`leverage info` lists them)",
        )
    })
}

fn check_figure(v: f64, range: Option<[f64; 2]>, at: &Location) -> Result<()> {
    if !(0.0..=1.0).contains(&v) {
        return Err(fail(
            at,
            format!("value is `{v}`, but figures are shares in [0, 1]"),
            "write 15% as 0.15",
        ));
    }
    if let Some([lo, hi]) = range {
        if !(0.0..=1.0).contains(&lo) || !(0.0..=1.0).contains(&hi) || lo > hi || v < lo || v > hi {
            return Err(fail(
                at,
                format!("range `[{lo}, {hi}]` is not an ordered range in [0, 1] containing `{v}`"),
                "write the range as `[low, high]` with low <= value <= high",
            ));
        }
    }
    Ok(())
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

fn pairs(
    graph: &InfluenceGraph,
    from: &str,
    to: &str,
    at: &Location,
) -> Result<Vec<(NodeIndex, NodeIndex)>> {
    let f = resolve(graph, from, at)?;
    let t = resolve(graph, to, at)?;
    Ok(f.iter()
        .flat_map(|&a| t.iter().map(move |&b| (a, b)))
        .filter(|(a, b)| a != b)
        .collect())
}

fn apply_edit(
    graph: &mut InfluenceGraph,
    edit: &Edit,
    at: &Location,
    title: &str,
) -> Result<usize> {
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
            check_figure(*value, *range, at)?;
            if source.trim().is_empty() {
                return Err(fail(
                    at,
                    "the new figure has an empty source".into(),
                    "say where the figure comes from, e.g. \"scenario assumption: ...\"",
                ));
            }
            let fig = Figure {
                value: *value,
                range: *range,
                source: source.as_str().into(),
                year: *year,
                basis: crate::model::Basis::Judgement,
                cite: crate::model::Cite::none(),
            };
            let ps = pairs(graph, from, to, at)?;
            if ps.is_empty() {
                return Err(fail(
                    at,
                    format!("setting `{channel}` from `{from}` to `{to}` changes nothing: the only pair is an actor and itself"),
                    "a tie joins two different actors: name another `from` or `to`",
                ));
            }
            for &(a, b) in &ps {
                if let Some(tie) = graph.tie_mut(a, b) {
                    tie.channels.insert(channel.clone(), fig.clone());
                } else {
                    let mut tie = Tie::default();
                    tie.channels.insert(channel.clone(), fig.clone());
                    graph.set_tie(a, b, tie);
                }
            }
            Ok(ps.len())
        }
        Edit::Scale {
            from,
            to,
            channel,
            factor,
        } => {
            if !factor.is_finite() || *factor < 0.0 {
                return Err(fail(
                    at,
                    format!("factor is `{factor}`, but it must be a number >= 0"),
                    "use e.g. 1.3 for +30%, 0.5 to halve",
                ));
            }
            let all = channel == "*";
            let ch = if all {
                None
            } else {
                Some(check_channel(channel, at)?)
            };
            let mut changed = 0;
            for (a, b) in pairs(graph, from, to, at)? {
                let Some(tie) = graph.tie_mut(a, b) else {
                    continue;
                };
                for (c, fig) in tie.channels.iter_mut() {
                    if ch.as_ref().is_some_and(|x| x != c) {
                        continue;
                    }
                    fig.value = (fig.value * factor).min(1.0);
                    fig.range = fig
                        .range
                        .map(|[lo, hi]| [(lo * factor).min(1.0), (hi * factor).min(1.0)]);
                    fig.source =
                        format!("{} (scaled x{factor} by scenario `{title}`)", fig.source).into();
                    changed += 1;
                }
            }
            if changed == 0 {
                return Err(fail(at, format!("scaling `{channel}` from `{from}` to `{to}` changes nothing: no such tie carries that channel"), "check the names and the channel, or use `set` to create the figure"));
            }
            Ok(changed)
        }
        Edit::Remove { from, to, channel } => {
            let ch = channel
                .as_deref()
                .map(|c| check_channel(c, at))
                .transpose()?;
            let mut changed = 0;
            for (a, b) in pairs(graph, from, to, at)? {
                match &ch {
                    None => {
                        if graph.remove_tie(a, b).is_some() {
                            changed += 1;
                        }
                    }
                    Some(c) => {
                        let empty = match graph.tie_mut(a, b) {
                            Some(tie) => {
                                if tie.channels.shift_remove(c.as_str()).is_some() {
                                    changed += 1;
                                }
                                tie.channels.is_empty()
                            }
                            None => false,
                        };
                        if empty {
                            graph.remove_tie(a, b);
                        }
                    }
                }
            }
            if changed == 0 {
                return Err(fail(
                    at,
                    format!(
                        "removing from `{from}` to `{to}` changes nothing: no such tie{}",
                        channel
                            .as_ref()
                            .map_or(String::new(), |c| format!(" carries `{c}`"))
                    ),
                    "check the names and the channel",
                ));
            }
            Ok(changed)
        }
        Edit::AddActor {
            id,
            name,
            lat,
            lon,
            receptiveness,
            note,
        } => {
            if !ActorId::is_well_formed(id) {
                return Err(fail(
                    at,
                    format!("actor id `{id}` is not well-formed"),
                    "use an ISO 3166-1 alpha-3 code or letters, digits, `-`, `_`, `.`",
                ));
            }
            if let Some(r) = receptiveness {
                check_figure(r.value, r.range, at)?;
            }
            let coordinates = match (lat, lon) {
                (Some(lat), Some(lon))
                    if (-90.0..=90.0).contains(lat) && (-180.0..=180.0).contains(lon) =>
                {
                    Some(Coordinates {
                        lat: *lat,
                        lon: *lon,
                    })
                }
                (None, None) => None,
                _ => {
                    return Err(fail(
                        at,
                        "`lat` and `lon` must come together, in [-90, 90] and [-180, 180]".into(),
                        "give both coordinates of the capital, or neither",
                    ))
                }
            };
            let mut actor = Actor::new(id, name);
            actor.coordinates = coordinates;
            actor.receptiveness.clone_from(receptiveness);
            actor.note.clone_from(note);
            if graph.add_actor(actor).is_none() {
                return Err(fail(
                    at,
                    format!("actor `{id}` already exists"),
                    "choose a new id, or edit the existing actor's ties",
                ));
            }
            Ok(1)
        }
        Edit::Group { id, add, remove } => {
            let mut group = graph.group(id).cloned().unwrap_or(Group {
                id: id.clone(),
                name: None,
                members: Vec::new(),
                lead: None,
                note: Some(format!("changed by scenario `{title}`")),
                ..Group::new(id, Vec::new())
            });
            let mut changed = 0;
            for name in add {
                for n in resolve(graph, name, at)? {
                    let a = graph.actor(n).id.clone();
                    if !group.members.contains(&a) {
                        group.members.push(a);
                        changed += 1;
                    }
                }
            }
            for name in remove {
                for n in resolve(graph, name, at)? {
                    let a = graph.actor(n).id.clone();
                    if let Some(i) = group.members.iter().position(|m| *m == a) {
                        group.members.remove(i);
                        changed += 1;
                    }
                }
            }
            if group
                .lead
                .as_ref()
                .is_some_and(|l| !group.members.contains(l))
            {
                group.lead = None;
            }
            graph.set_group(group);
            Ok(changed)
        }
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
            let Some(sig) = crate::model::Signal::from_name(signal) else {
                let names: Vec<&str> = crate::model::Signal::ALL.iter().map(|s| s.name()).collect();
                return Err(fail(
                    at,
                    format!("`{signal}` is not a stance signal"),
                    &format!("signals: {}", names.join(", ")),
                ));
            };
            let targets = resolve(graph, target, at)?;
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
            let target_id = graph.actor(*t).id.clone();
            let nodes = resolve(graph, actor, at)?;
            if nodes.contains(t) {
                return Err(fail(
                    at,
                    format!("`{actor}` includes the target `{target_id}` itself"),
                    "a stance is towards another actor",
                ));
            }
            let new = match (value, factor) {
                (Some(v), None) => {
                    check_figure(*v, *range, at)?;
                    let (Some(source), Some(year)) = (source, year) else {
                        return Err(fail(at, "a stance `value` needs a `source` and a `year`".into(), "add e.g. \"source\": \"scenario assumption: ...\", \"year\": 2026"));
                    };
                    if source.trim().is_empty() {
                        return Err(fail(at, "the stance figure has an empty source".into(), "say where the figure comes from; for an assumption, say so"));
                    }
                    Some(Figure {
                        value: *v,
                        range: *range,
                        source: source.as_str().into(),
                        year: *year,
                        basis: crate::model::Basis::Judgement,
                        cite: crate::model::Cite::none(),
                    })
                }
                (None, Some(f)) if f.is_finite() && *f >= 0.0 => None,
                _ => return Err(fail(at, "a stance edit takes either `value` (with `source` and `year`) or a `factor` >= 0".into(), "give one of the two")),
            };
            let mut changed = 0;
            for &n in &nodes {
                if let Some(a) = graph.actor_mut(n) {
                    let stance = a.stance.entry(target_id.clone()).or_default();
                    let slot = stance.slot_mut(sig);
                    match (&new, factor) {
                        (Some(fig), _) => {
                            *slot = Some(fig.clone());
                            changed += 1;
                        }
                        (None, Some(f)) => {
                            if let Some(fig) = slot.as_mut() {
                                fig.value = (fig.value * f).min(1.0);
                                fig.range = fig
                                    .range
                                    .map(|[lo, hi]| [(lo * f).min(1.0), (hi * f).min(1.0)]);
                                fig.source =
                                    format!("{} (scaled x{f} by scenario `{title}`)", fig.source)
                                        .into();
                                fig.basis = crate::model::Basis::Judgement;
                                changed += 1;
                            }
                        }
                        (None, None) => {}
                    }
                }
            }
            if changed == 0 {
                return Err(fail(
                    at,
                    format!("no actor of `{actor}` has a `{signal}` signal towards `{target_id}` to scale"),
                    "set it with `value` (and `source`, `year`) instead",
                ));
            }
            Ok(changed)
        }
        Edit::Receptiveness {
            actor,
            value,
            range,
            factor,
            source,
            year,
        } => {
            let nodes = resolve(graph, actor, at)?;
            match (value, factor) {
                (Some(v), None) => {
                    check_figure(*v, *range, at)?;
                    let (Some(source), Some(year)) = (source, year) else {
                        return Err(fail(at, "a receptiveness `value` needs a `source` and a `year`".into(), "add e.g. \"source\": \"scenario assumption: ...\", \"year\": 2026"));
                    };
                    for &n in &nodes {
                        if let Some(a) = graph.actor_mut(n) {
                            a.receptiveness = Some(Figure { value: *v, range: *range, source: source.as_str().into(), year: *year, basis: crate::model::Basis::Judgement, cite: crate::model::Cite::none() });
                        }
                    }
                }
                (None, Some(f)) if f.is_finite() && *f >= 0.0 => {
                    for &n in &nodes {
                        if let Some(a) = graph.actor_mut(n) {
                            let mut fig = a.receptiveness.clone().unwrap_or(Figure::new(1.0, "default (no receptiveness given)", 2025));
                            fig.value = (fig.value * f).min(1.0);
                            fig.range = fig.range.map(|[lo, hi]| [(lo * f).min(1.0), (hi * f).min(1.0)]);
                            fig.source = format!("{} (scaled x{f} by scenario `{title}`)", fig.source).into();
                            a.receptiveness = Some(fig);
                        }
                    }
                }
                _ => return Err(fail(at, "a receptiveness edit takes either `value` (with `source` and `year`) or a `factor` >= 0".into(), "give one of the two")),
            }
            Ok(nodes.len())
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
            {"op":"receptiveness","actor":"IND","factor":2}"#,
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
        assert_eq!(g.actor_by_id("IND").unwrap().receptiveness_value(), 1.0);
    }
}
