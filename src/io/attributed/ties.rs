//! Edges into ties: with leverage's manifest, every channel part, series and note by its role;
//! without, the weight value as one channel and the provenance values beside it. An undirected
//! edge is a tie each way; the ties the manifest keeps (strength 0, no edge) go back in their
//! places.

use std::collections::HashMap;

use indexmap::IndexMap;

use super::super::graphml::channel_name;
use super::super::json::TieDoc;
use super::super::location::Location;
use super::{figure, Edge, Exact, Reader, Values};
use crate::error::{Error, OptionField, Result};
use crate::exchange::columns::Role;
use crate::exchange::manifest::EDGE_KEY_PREFIX;
use crate::model::{Channels, Figure, Series};

/// Parts of a figure by name (`value`, `low`, `source`...), each with its text and offset.
type Parts = HashMap<&'static str, (String, usize)>;

/// What one edge gives its tie (or its two ties), with the place of each channel.
#[derive(Default)]
struct EdgeTie {
    channels: Channels,
    series: Option<Box<Series>>,
    note: Option<String>,
    /// `(channel, value in messages, offset)`.
    places: Vec<(String, String, usize)>,
}

/// How the edges of a file without a manifest are read.
pub(super) struct Foreign<'a> {
    /// The declared edge values (for the weight attribute's message).
    pub edge_names: &'a [String],
    /// The weight attribute, if given.
    pub weight_attr: Option<&'a str>,
}

/// The ties of the edges, in the graph's tie order, and the edge values a file without a
/// manifest had that were not used.
///
/// # Errors
/// [`Error::Invalid`] if the weight attribute names no edge value of a file without a manifest.
pub(super) fn read_ties(
    r: &mut Reader<'_>,
    edges: Vec<Edge>,
    exact: Option<Exact>,
    foreign: &Foreign<'_>,
    default_year: i32,
) -> Result<(Vec<TieDoc>, Vec<String>)> {
    let weight_attr = foreign.weight_attr.unwrap_or("weight").to_owned();
    if exact.is_none() {
        check_weight_attr(r, &edges, foreign, &weight_attr)?;
    }
    let mut unused: Vec<String> = Vec::new();
    let (roles, absent) = match exact {
        Some(m) => (Some(m.roles), m.absent),
        None => (None, std::collections::BTreeMap::new()),
    };
    // Ties of zero strength that leverage's GraphML leaves out of the edges, with their place in
    // the tie order, so that the reload is exact.
    let channel = channel_name(&weight_attr);
    let mut next_free = 0usize;
    let mut placed: Vec<(usize, TieDoc)> = Vec::with_capacity(edges.len());
    for edge in edges {
        let Edge {
            source,
            target,
            directed,
            offset,
            values,
        } = edge;
        let what = format!("edge `{source}` -> `{target}`");
        let at = (offset, what.as_str());
        let tie = match &roles {
            Some(roles) => exact_edge(r, values, at, roles, default_year),
            None => {
                let weight = (weight_attr.as_str(), channel.as_str());
                foreign_edge(r, values, at, weight, &mut unused, default_year)
            }
        };
        let ends = if directed {
            vec![(source, target)]
        } else {
            vec![(source.clone(), target.clone()), (target, source)]
        };
        for (from, to) in ends {
            while absent.contains_key(&next_free) {
                next_free += 1;
            }
            let j = next_free;
            next_free += 1;
            r.place(format!("ties[{j}]"), offset, what.clone());
            for (ch, key_what, off) in &tie.places {
                r.place(format!("ties[{j}].channels.{ch}"), *off, key_what.clone());
            }
            placed.push((
                j,
                TieDoc {
                    from: from.into(),
                    to: to.into(),
                    channels: crate::model::channels::TieChannels {
                        figures: tie.channels.clone(),
                        series: tie.series.clone(),
                    },
                    note: tie.note.clone(),
                },
            ));
        }
    }
    placed.extend(absent);
    placed.sort_by_key(|(j, _)| *j);
    Ok((placed.into_iter().map(|(_, t)| t).collect(), unused))
}

/// The edge values that give a figure's parts or the tie's note in a file without a manifest
/// (lowercase), never a strength.
const FOREIGN_PARTS: [&str; 5] = ["citation", "year", "low", "high", "note"];

/// Refuses a file without a manifest whose edges would silently get strength 1: the weight
/// value (`weight_attr`: `weight`, or the one the options name) is on no edge, while the edges
/// carry numeric values that could be the strength. An explicitly named weight value that no
/// edge has (nor the file declares) is refused too. Edges without any numeric value keep the
/// default strength 1.
///
/// # Errors
/// [`Error::Invalid`] naming the file, the place of the first edge, the numeric edge values
/// found, and the weight attribute to choose.
fn check_weight_attr(
    r: &Reader<'_>,
    edges: &[Edge],
    foreign: &Foreign<'_>,
    weight_attr: &str,
) -> Result<()> {
    if edges.iter().any(|e| e.values.contains_key(weight_attr)) {
        return Ok(());
    }
    let at = || {
        let mut loc = Location::file(r.file);
        if let Some(e) = edges.first() {
            let (l, c) = r.lines.at(e.offset);
            loc = loc
                .at(l, c)
                .path(format!("edge `{}` -> `{}`", e.source, e.target));
        }
        loc
    };
    // The edge values every edge that has them gives as a finite number, in file order.
    let mut numeric: Vec<&str> = Vec::new();
    let mut not_numeric: Vec<&str> = Vec::new();
    for e in edges {
        for (name, (text, _)) in &e.values {
            let lower = name.to_ascii_lowercase();
            if FOREIGN_PARTS.contains(&lower.as_str()) || not_numeric.contains(&name.as_str()) {
                continue;
            }
            if super::number(text).is_ok() {
                if !numeric.contains(&name.as_str()) {
                    numeric.push(name);
                }
            } else {
                numeric.retain(|n| n != name);
                not_numeric.push(name);
            }
        }
    }
    if let Some(named) = foreign.weight_attr {
        if !edges.is_empty() || !foreign.edge_names.iter().any(|n| n == named) {
            let mut known: Vec<&str> = edges
                .iter()
                .flat_map(|e| e.values.keys().map(String::as_str))
                .chain(foreign.edge_names.iter().map(String::as_str))
                .collect();
            known.sort_unstable();
            known.dedup();
            let given = OptionField::WeightAttr.set_to(named);
            let mut mentions = vec![given.clone()];
            let hint = if known.is_empty() {
                let drop = OptionField::WeightAttr.mention();
                let h = format!(
                    "the file's edges have no attributes; drop {drop} (every tie gets strength 1)"
                );
                mentions.push(drop);
                h
            } else {
                let mut h = format!("edge attributes in the file: {}", known.join(", "));
                if let Some(n) = numeric.first() {
                    let example = OptionField::WeightAttr.set_to(*n);
                    h.push_str(&format!(
                        "; numeric ones: {}; for example {example}",
                        numeric.join(", ")
                    ));
                    mentions.push(example);
                }
                h
            };
            return Err(Error::invalid_naming(
                at(),
                format!("{given}: the file has no edge attribute of that name"),
                Some(hint),
                mentions,
            ));
        }
        return Ok(());
    }
    let Some(first) = numeric.first() else {
        return Ok(());
    };
    let named = OptionField::WeightAttr.set_to(*first);
    Err(Error::invalid_naming(
        at(),
        format!(
            "no edge has the attribute `{weight_attr}`, which holds the tie strength, but the edges have the numeric attribute{} {}: every tie would get strength 1",
            if numeric.len() == 1 { "" } else { "s" },
            numeric
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Some(format!(
            "name the strength's attribute with {named}{}, or rename it `weight` in the file",
            if numeric.len() == 1 {
                String::new()
            } else {
                " (or another of them)".to_owned()
            }
        )),
        [named],
    ))
}

/// An edge of leverage's own file: channel parts, the series and the note by their roles.
/// `at` is the edge's offset and its name in messages.
fn exact_edge(
    r: &mut Reader<'_>,
    values: Values,
    (offset, what): (usize, &str),
    roles: &HashMap<String, Role>,
    default_year: i32,
) -> EdgeTie {
    let mut tie = EdgeTie::default();
    let mut parts: IndexMap<String, Parts> = IndexMap::new();
    for (name, (t, off)) in values {
        match roles.get(&format!("{EDGE_KEY_PREFIX}{name}")) {
            Some(Role::Channel(ch, p)) => {
                parts
                    .entry(ch.clone())
                    .or_default()
                    .insert(p.name(), (t, off));
            }
            Some(Role::Note) => tie.note = Some(t),
            Some(Role::Series) => match serde_json::from_str::<IndexMap<String, Vec<Figure>>>(&t) {
                Ok(m) => {
                    tie.series = Some(Box::new(
                        m.into_iter().map(|(c, f)| (c.as_str().into(), f)).collect(),
                    ));
                }
                Err(e) => r.bad(
                    off,
                    &format!("{what}, {} series", r.term),
                    format!("the series is not channel -> figures: {e}"),
                    "write the series as in the native format (docs/FORMAT.md)",
                ),
            },
            _ => {}
        }
    }
    for (ch, p) in parts {
        let off = p.get("value").map_or(offset, |v| v.1);
        let key_what = format!("{what}, {} {ch}", r.term);
        match figure(&p, r.defaults, default_year) {
            Ok(f) => {
                tie.channels.insert(ch.as_str().into(), f);
            }
            Err(m) => r.bad(
                off,
                &key_what,
                format!("channel `{ch}`: {m}"),
                "channel parts are numbers in [0, 1], a source and a year",
            ),
        }
        tie.places.push((ch, key_what, off));
    }
    tie
}

/// An edge of another tool's file: the weight value (`weight`: the value's name and the
/// channel it gives) as one channel, with `citation`, `year`, `low`, `high` beside it and `note`;
/// other values go to `unused`.
fn foreign_edge(
    r: &mut Reader<'_>,
    values: Values,
    (offset, what): (usize, &str),
    (weight_attr, channel): (&str, &str),
    unused: &mut Vec<String>,
    default_year: i32,
) -> EdgeTie {
    let mut tie = EdgeTie::default();
    let mut p: Parts = HashMap::new();
    for (name, (t, off)) in values {
        let slot = if name == weight_attr {
            "value"
        } else {
            match name.to_ascii_lowercase().as_str() {
                "citation" => "source",
                "year" => "year",
                "low" => "low",
                "high" => "high",
                "note" => {
                    tie.note = Some(t);
                    continue;
                }
                _ => {
                    if !unused.contains(&name) {
                        unused.push(name);
                    }
                    continue;
                }
            }
        };
        p.insert(slot, (t, off));
    }
    let off = p.get("value").map_or(offset, |v| v.1);
    p.entry("value").or_insert_with(|| ("1".to_owned(), offset));
    let key_what = format!("{what}, {} {weight_attr}", r.term);
    match figure(&p, r.defaults, default_year) {
        Ok(f) => {
            tie.channels.insert(channel.into(), f);
        }
        Err(m) => r.bad(
            off,
            &key_what,
            format!("{weight_attr}: {m}"),
            "the strength is a number in [0, 1] (a share); rescale the weights",
        ),
    }
    tie.places.push((channel.to_owned(), key_what, off));
    tie
}
