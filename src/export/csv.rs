//! CSV export: a nodes table and an edges table in Gephi's spreadsheet-import columns (Data
//! Laboratory > Import Spreadsheet), written with the `csv` crate.
//!
//! Nodes: `Id,Label,` then the node columns of [`super::flat`] (`groups`, `role`, `lat`, `lon`,
//! `receptiveness`..., attributes, `--with` values). Edges: `Source,Target,Type,Weight,` (`Type`
//! is `Directed`, `Weight` the aggregate strength) then `dist`, `highlighted`, per channel `c`,
//! `c_low`, `c_high`, `c_source`, `c_year`, and `note`. Arrays and mixed-type attributes are
//! written as JSON text.
//!
//! `-o FILE.csv` writes the edges to `FILE.csv` and the nodes to `FILE.nodes.csv` (the sibling
//! that `--graph FILE.csv` reads back); on standard output the nodes table comes first, then one
//! empty line, then the edges table.
//!
//! **Formulas.** A text cell (ids, names, sources, notes, text and JSON attributes; never a
//! numeric column, so `-0.5` stays a number) that a spreadsheet would run as a formula, one
//! starting with `=`, `+`, `-`, `@`, a tab or a carriage return, gets a leading `'` (the OWASP
//! advice), and so does one that already starts with `'`s followed by such a character, so that
//! the reader ([`crate::io::csv`]), which removes one leading `'` before such a character, gives
//! back the exact text ([`crate::exchange::cells`]). [`CsvExporter::raw`] (`--csv-raw`) turns this off.
//!
//! **Attributes** keep their types: a value whose plain text would be read back as another value
//! (a text `true` or `12`, an empty or space-padded text, a text in quotes) is written as JSON text
//! (`"12"`), which the reader decodes.

use std::io::Write;

use super::flat::{cell_text, flatten, FlatGraph};
use super::{AnnotatedGraph, Exporter};
use crate::exchange::cells::{attribute_value, needs_quote};
use crate::exchange::columns::{Column, Kind, Role};

/// Which tables to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvTables {
    /// Nodes, an empty line, edges (standard output).
    #[default]
    Both,
    /// The nodes table only.
    Nodes,
    /// The edges table only.
    Edges,
}

/// Writes the CSV tables.
#[derive(Debug, Clone, Copy, Default)]
pub struct CsvExporter {
    /// Which tables.
    pub tables: CsvTables,
    /// Write text cells as they are, without neutralising formulas (see the module doc).
    pub raw: bool,
}

impl CsvExporter {
    /// A text cell, neutralised unless raw.
    fn text(&self, cell: String) -> String {
        if self.raw || !needs_quote(&cell) {
            cell
        } else {
            format!("'{cell}")
        }
    }

    /// A cell of `column`: text cells neutralised, attributes written so that they read back as
    /// the same value.
    fn cell(&self, column: &Column, v: &serde_json::Value) -> String {
        let plain = if matches!(column.role, Role::Attribute(_)) {
            attribute_text(v)
        } else {
            cell_text(column.kind, v)
        };
        match column.kind {
            Kind::String | Kind::Json => self.text(plain),
            Kind::Double | Kind::Int | Kind::Boolean => plain,
        }
    }
}

/// An attribute value as the text the CSV reader reads back as the same value: its plain text
/// if that reads back so, else its JSON text.
fn attribute_text(v: &serde_json::Value) -> String {
    let plain = super::flat::text(v);
    if attribute_value(&plain).as_ref() == Some(v) {
        plain
    } else {
        crate::io::json_text::compact(v)
    }
}

fn nodes(this: &CsvExporter, flat: &FlatGraph, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let name = flat.nodes.columns.iter().position(|c| c.role == Role::Name);
    let mut header = vec!["Id".to_owned(), "Label".to_owned()];
    let rest: Vec<usize> = (0..flat.nodes.columns.len())
        .filter(|&i| Some(i) != name)
        .collect();
    header.extend(rest.iter().map(|&i| flat.nodes.columns[i].name.clone()));
    w.write_record(&header)?;
    for (r, id) in flat.node_ids.iter().enumerate() {
        let row = &flat.nodes.rows[r];
        let label = name
            .and_then(|i| row[i].as_ref())
            .map(super::flat::text)
            .unwrap_or_default();
        let mut rec = vec![this.text(id.clone()), this.text(label)];
        rec.extend(rest.iter().map(|&i| {
            row[i]
                .as_ref()
                .map(|v| this.cell(&flat.nodes.columns[i], v))
                .unwrap_or_default()
        }));
        w.write_record(&rec)?;
    }
    w.flush()
}

fn edges(this: &CsvExporter, flat: &FlatGraph, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let weight = flat
        .edges
        .columns
        .iter()
        .position(|c| c.role == Role::Weight);
    let rest: Vec<usize> = (0..flat.edges.columns.len())
        .filter(|&i| Some(i) != weight)
        .collect();
    let mut header: Vec<String> = ["Source", "Target", "Type", "Weight"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    header.extend(rest.iter().map(|&i| flat.edges.columns[i].name.clone()));
    w.write_record(&header)?;
    for (r, &(f, t)) in flat.edge_ends.iter().enumerate() {
        let row = &flat.edges.rows[r];
        let wv = weight
            .and_then(|i| row[i].as_ref())
            .map(super::flat::text)
            .unwrap_or_default();
        let mut rec = vec![
            this.text(flat.node_ids[f].clone()),
            this.text(flat.node_ids[t].clone()),
            "Directed".to_owned(),
            wv,
        ];
        rec.extend(rest.iter().map(|&i| {
            row[i]
                .as_ref()
                .map(|v| this.cell(&flat.edges.columns[i], v))
                .unwrap_or_default()
        }));
        w.write_record(&rec)?;
    }
    w.flush()
}

impl Exporter for CsvExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let flat = flatten(g);
        match self.tables {
            CsvTables::Nodes => nodes(self, &flat, out),
            CsvTables::Edges => edges(self, &flat, out),
            CsvTables::Both => {
                nodes(self, &flat, out)?;
                writeln!(out)?;
                edges(self, &flat, out)
            }
        }
    }
}
