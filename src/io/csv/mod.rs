//! CSV import: a ties table (with a header naming its columns) and an optional actors table, as
//! Gephi, pandas, R and spreadsheets write them. Read with the `csv` crate.
//!
//! **Ties table.** Column names are matched in any case. `from` and `to` (or `source` and
//! `target`, Gephi's and NetworkX's names) name the actors. Then either one `weight` column (or
//! the column named by `--weight-attr`), whose values become a channel of that name, or one column
//! per channel (`trade`, `energy`...; any other column is a channel and must have a channel name).
//! Optional: `low`, `high` (the range of a single weight), `year`, `citation` (the provenance;
//! `source` means the tie's origin), and per channel `C_low`, `C_high`, `C_year`, `C_source` or
//! `C_citation`; `note`; `type` (`directed`, the default, or `undirected`: a tie in each
//! direction). Gephi's `id`, `label`, `kind`, and leverage's own derived `dist` and `highlighted`
//! are ignored; with channel columns, `weight` is the derived aggregate and is ignored. An empty
//! weight means strength 1; an empty channel cell means the tie lacks that channel.
//!
//! **Long ties table**: with a `channel` column, each row is one channel figure of the tie
//! `from -> to`: `channel`, the value (`weight` or `value`, or the `--weight-attr` column), and
//! optional `low`, `high`, `year`, `source` (or `citation`), `basis`, `cite`, `note`, `type`.
//! The rows of one pair make one tie; a pair with one channel twice is an error naming both rows.
//!
//! **Actors table** (`--actors-table FILE`, or `NAME.nodes.csv` beside `NAME.csv`): `id`, `name` or
//! `label`, `lat`/`latitude`, `lon`/`lng`/`longitude`, `note`, `groups` (separated by `,` or `;`),
//! `receptiveness` (with `_low`, `_high`, `_source`, `_year`); every other column is an attribute
//! (`true`/`false` become booleans, numbers numbers, JSON arrays arrays, empty cells nothing).
//! Without an actors table, the actors are those the ties name.
//!
//! **leverage's own exports** read back exactly: a cell starting with `'` followed (after any
//! further `'`s) by `=`, `+`, `-`, `@`, a tab or a carriage return loses that first `'`, which
//! the export adds against spreadsheet formulas ([`crate::exchange::cells`]); an
//! attribute cell holding a JSON string (`"12"`) is that text; and a channel column `ch_NAME`
//! whose `NAME` is a known column (`ch_weight`, `ch_note`...) is the channel `NAME`, which the
//! export renamed ([`crate::exchange::columns`]).

use indexmap::IndexMap;

use super::json::{GraphDoc, GroupDoc, MetaDoc};
use super::places::Places;
use super::safe_ids::IdMap;
use super::validate::NumberedTies;
use super::{validate, year_of, ImportDefaults, LoadOptions};
use crate::error::{Error, Problem, Result};
use crate::model::shared::Pooling;
use crate::model::InfluenceGraph;

mod actors;
mod graph;
mod table;
mod ties;

use actors::{actors_named, read_actors, Memberships};
pub(crate) use graph::CsvKeys;
use graph::{read_graph_file, GraphFile};
use table::Table;
use ties::{read_ties, Mentions, TieColumns};

/// Parses a ties table (and an optional actors table and graph file, each as `(text, file)`)
/// into a validated graph.
///
/// The steps: read the graph file (leverage's own tables: graph-level parts and column roles),
/// find what each column of the ties table holds, read its rows into ties, read the actors
/// (from the actors table, else the ids the ties name), then validate the whole as a native
/// document whose ties come numbered.
///
/// # Errors
/// [`Error::Invalid`] naming the file, row and column of every problem: a missing `from`/`to`
/// column, a column that is no channel name, a value that is no number, a graph file that is not
/// leverage's, and every rule of the format ([`validate::build`]).
///
/// # Complexity
/// Linear in the tables' size; a tie's ends are looked up once, as numbers.
pub fn parse(
    ties_text: &str,
    actors: Option<(&str, &str)>,
    graph: Option<(&str, &str)>,
    defaults: &ImportDefaults,
    options: &LoadOptions,
) -> Result<InfluenceGraph> {
    let file = defaults.file.as_str();
    let graph = graph
        .map(|(text, name)| read_graph_file(text, name))
        .transpose()?;
    let keys = graph.as_ref().map(|g| &g.keys);
    let (header, mut records) = Table::open(ties_text, file)?;
    let mut problems: Vec<Problem> = Vec::new();
    let columns = TieColumns::classify(&header, options, keys, &mut problems)?;
    let mut places = Places::new(file);
    places.csv_ties_table(header.names.clone(), columns.places());
    let default_year = year_of(graph.as_ref().map_or(&defaults.date, |g| &g.parts.date));
    // One sourced figure per tie and channel; the citations are shared, not copied per tie.
    let _pool = Pooling::start();
    let lines = line_count(ties_text);
    // The ids the ties name are about the actors table's rows, when there is one.
    let actor_rows = actors.map_or(0, |(text, _)| line_count(text));
    let (numbered, named) = read_ties(
        &columns,
        &header,
        &mut records,
        (lines, actor_rows, default_year),
        defaults,
        &mut places,
        &mut problems,
    )?;
    let (mut actor_docs, mut groups) = match actors {
        None => (actors_named(&named.ids), Memberships::new()),
        Some((text, afile)) => {
            read_actors(text, afile, default_year, keys, &mut places, &mut problems)?
        }
    };
    // Ids other tools allow (`South Korea`) made safe, the ties and groups following them.
    let ids = IdMap::new(actor_docs.iter().map(|a| a.id.as_str()));
    ids.apply_to(&mut actor_docs, &mut []);
    let mut named = named;
    for id in &mut named.ids {
        if let Some(s) = ids.get(id) {
            *id = s.into();
        }
    }
    for members in groups.values_mut() {
        members.iter_mut().for_each(|m| ids.apply(m));
    }
    if !problems.is_empty() {
        return Err(Error::Invalid { problems });
    }
    let (mut doc, graph_place) = match graph {
        // The graph file holds the groups whole (the actors table's `groups` are derived).
        Some(GraphFile { parts, place, .. }) => (parts.into_doc(), Some(place)),
        None => (document(defaults, groups), None),
    };
    ids.apply_to(&mut [], &mut doc.groups);
    doc.meta.notes.extend(ids.note(file));
    doc.actors = actor_docs;
    let ties = NumberedTies {
        actor_of: actor_of(&doc, &named, actors.is_some()),
        names: named.ids,
        ties: numbered,
    };
    validate::build_numbered(doc, ties, &|steps| {
        graph_place
            .as_ref()
            .and_then(|g| g.locate(steps))
            .unwrap_or_else(|| places.locate(steps))
    })
}

/// The number of lines of `text` (its line feeds), for sizing what is read from it.
fn line_count(text: &str) -> usize {
    text.bytes().filter(|&b| b == b'\n').count()
}

/// The document of an imported table, without actors and ties: the defaults' title and date, a
/// note naming the file, and the groups the actors table names.
fn document(defaults: &ImportDefaults, groups: Memberships) -> GraphDoc {
    GraphDoc {
        schema: None,
        version: 2,
        citations: IndexMap::new(),
        channels: IndexMap::new(),
        meta: MetaDoc {
            title: defaults.title.clone(),
            date: defaults.date.clone(),
            description: None,
            notes: vec![format!("imported from {} (CSV)", defaults.file)],
            build: None,
        },
        actors: Vec::new(),
        groups: groups
            .into_iter()
            .map(|(id, members)| GroupDoc {
                id,
                members,
                ..GroupDoc::default()
            })
            .collect(),
        ties: Vec::new(),
    }
}

/// Each named id's position in `doc.actors`: the order of mention without an actors table;
/// with one (`from_table`), the first entry of the id (`u32::MAX` for an id the table lacks,
/// which the validation reports unknown).
fn actor_of(doc: &GraphDoc, named: &Mentions, from_table: bool) -> Vec<u32> {
    if from_table {
        let mut first: std::collections::HashMap<&str, u32, foldhash::fast::RandomState> =
            std::collections::HashMap::with_capacity_and_hasher(
                doc.actors.len(),
                Default::default(),
            );
        for (i, a) in doc.actors.iter().enumerate() {
            first
                .entry(a.id.as_str())
                .or_insert(u32::try_from(i).unwrap_or(u32::MAX));
        }
        named
            .ids
            .iter()
            .map(|id| first.get(&**id).copied().unwrap_or(u32::MAX))
            .collect()
    } else {
        (0..named.ids.len())
            .map(|i| u32::try_from(i).unwrap_or(u32::MAX))
            .collect()
    }
}

#[cfg(test)]
#[path = "../tests/csv_tests.rs"]
mod tests;
