//! The graph file beside leverage's own CSV tables (`NAME.graph.json`): the manifest of the CSV
//! format ([`crate::exchange::manifest::Manifest`] of format `leverage-csv`), holding the
//! graph-level parts (metadata, citations, channel declarations, groups) and the role of every
//! column, so that a CSV export reads back exactly.

use std::collections::HashMap;

use super::super::json::{from_json_as, locate, DocKind, GraphPartsDoc};
use super::super::location::{Location, PathStep};
use crate::error::{Error, Result};
use crate::exchange::columns::Role;
use crate::exchange::manifest::{Manifest, CSV_FORMAT, EDGE_KEY_PREFIX, NODE_KEY_PREFIX};

/// The role of each column of leverage's own tables, by header name.
#[derive(Debug, Clone, Default)]
pub(crate) struct CsvKeys {
    /// Actors table columns.
    pub nodes: HashMap<String, Role>,
    /// Ties table columns.
    pub edges: HashMap<String, Role>,
}

/// A read graph file: the graph-level parts and the column roles, and where the file is, to
/// place the problems the validation finds in the parts.
pub(super) struct GraphFile {
    pub parts: GraphPartsDoc,
    pub keys: CsvKeys,
    pub place: GraphPlace,
}

/// The graph file's name and text, to place problems in its graph-level parts.
#[derive(Debug, Clone)]
pub(crate) struct GraphPlace {
    file: String,
    text: String,
}

impl GraphPlace {
    /// The place of a document path into the graph-level parts (`meta.date`, `citations.x`,
    /// `channels.trade`, `groups[2].members[0]`), which the file holds under `graph`, with
    /// `meta`'s fields at its top (`graph.date`); `None` for another path.
    pub fn locate(&self, steps: &[PathStep]) -> Option<Location> {
        let Some(PathStep::Key(first)) = steps.first() else {
            return None;
        };
        let mut path = vec![PathStep::Key("graph".into())];
        match first.as_str() {
            "meta" => path.extend_from_slice(&steps[1..]),
            "citations" | "channels" | "groups" => path.extend_from_slice(steps),
            _ => return None,
        }
        Some(locate(&self.text, &self.file, &path))
    }
}

/// Reads the graph file `text`, named `file`.
///
/// # Errors
/// [`Error::Invalid`] with line:column for a file that is no JSON of the manifest's shape, of
/// another format, or without the graph-level parts.
pub(super) fn read_graph_file(text: &str, file: &str) -> Result<GraphFile> {
    let m: Manifest<GraphPartsDoc> = from_json_as(text, file, DocKind::CSV_GRAPH)?;
    let at = |steps: &[PathStep]| locate(text, file, steps);
    if m.format != CSV_FORMAT {
        return Err(Error::invalid(
            at(&[PathStep::Key("format".into())]),
            format!(
                "the graph file's `format` is `{}`, but beside a CSV graph it is `{CSV_FORMAT}`",
                m.format
            ),
            Some(
                "this file is not the graph file of leverage's CSV tables: rename or remove it"
                    .to_owned(),
            ),
        ));
    }
    let Some(parts) = m.graph else {
        return Err(Error::invalid(
            Location::file(file),
            "the graph file has no `graph`: its title, date and groups",
            Some(format!(
                "write `graph` as leverage's CSV export does ({})",
                DocKind::CSV_GRAPH.docs
            )),
        ));
    };
    let mut keys = CsvKeys::default();
    for (k, role) in m.keys {
        let Some(role) = Role::decode(&role) else {
            continue;
        };
        if let Some(column) = k.strip_prefix(NODE_KEY_PREFIX) {
            keys.nodes.insert(column.to_owned(), role);
        } else if let Some(column) = k.strip_prefix(EDGE_KEY_PREFIX) {
            keys.edges.insert(column.to_owned(), role);
        }
    }
    Ok(GraphFile {
        parts,
        keys,
        place: GraphPlace {
            file: file.to_owned(),
            text: text.to_owned(),
        },
    })
}
