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
use crate::error::{Error, Result};
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
    /// The declared edge values (for `--weight-attr`'s message).
    pub edge_names: &'a [String],
    /// `--weight-attr`, if given.
    pub weight_attr: Option<&'a str>,
}

/// The ties of the edges, in the graph's tie order, and the edge values a file without a
/// manifest had that were not used.
///
/// # Errors
/// [`Error::Invalid`] if `--weight-attr` names no edge value of a file without a manifest.
pub(super) fn read_ties(
    r: &mut Reader<'_>,
    edges: Vec<Edge>,
    exact: Option<Exact>,
    foreign: &Foreign<'_>,
    default_year: i32,
) -> Result<(Vec<TieDoc>, Vec<String>)> {
    let weight_attr = foreign.weight_attr.unwrap_or("weight").to_owned();
    if exact.is_none()
        && foreign.weight_attr.is_some()
        && !foreign.edge_names.contains(&weight_attr)
    {
        let mut known = foreign.edge_names.to_vec();
        known.sort();
        known.dedup();
        return Err(Error::invalid(
            Location::file(r.file),
            format!("`--weight-attr {weight_attr}`: the file has no edge attribute of that name"),
            Some(if known.is_empty() {
                "the file's edges have no attributes; drop `--weight-attr` (every tie gets strength 1)".to_owned()
            } else {
                format!("edge attributes in the file: {}", known.join(", "))
            }),
        ));
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
