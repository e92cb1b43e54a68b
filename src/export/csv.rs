//! CSV export: a nodes table and an edges table in Gephi's spreadsheet-import columns (Data
//! Laboratory > Import Spreadsheet), written with the `csv` crate.
//!
//! Nodes: `Id,Label,` then the node columns of [`super::flat`] (`groups`, `role`, `lat`, `lon`,
//! `receptiveness`..., `stance`, `outreach`, attributes, `--with` values). Edges:
//! `Source,Target,Type,Weight,` (`Type` is `Directed`, `Weight` the aggregate strength) then
//! `dist`, `highlighted`, per channel `c`, `c_low`, `c_high`, `c_source`, `c_year`, `c_basis`,
//! `c_cite`, then `series` and `note`, and `channel_order` when a tie's channels are in another
//! order than the columns. Stances, outreach, series, arrays and mixed-type attributes are
//! written as JSON text.
//!
//! `-o FILE.csv` writes the edges to `FILE.csv`, the nodes to `FILE.nodes.csv` and the graph
//! file to `FILE.graph.json` ([`crate::exchange::files`]): leverage's manifest of the tables,
//! with the graph-level parts (metadata, citations, channel declarations, groups) and the role
//! of every column, so that `--graph FILE.csv` reads all three back exactly. On standard output
//! the nodes table comes first, then one empty line, then the edges table.
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
use crate::exchange::columns::{Column, Kind, Part, Role};
use crate::exchange::manifest::{
    Manifest, CSV_FORMAT, EDGE_KEY_PREFIX, JSON_KEY, NODE_KEY_PREFIX, VERSION,
};

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
    /// The graph file (`FILE.graph.json`) only: the graph-level parts and the role of every
    /// column of the two tables, as JSON.
    Graph,
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

/// The columns of the nodes table after `Id` and `Label`: every flat node column but the name.
fn node_rest(flat: &FlatGraph) -> (Option<usize>, Vec<usize>) {
    let name = flat.nodes.columns.iter().position(|c| c.role == Role::Name);
    let rest = (0..flat.nodes.columns.len())
        .filter(|&i| Some(i) != name)
        .collect();
    (name, rest)
}

/// The columns of the edges table after `Source`, `Target`, `Type` and `Weight`: every flat
/// edge column but the weight.
fn edge_rest(flat: &FlatGraph) -> (Option<usize>, Vec<usize>) {
    let weight = flat
        .edges
        .columns
        .iter()
        .position(|c| c.role == Role::Weight);
    let rest = (0..flat.edges.columns.len())
        .filter(|&i| Some(i) != weight)
        .collect();
    (weight, rest)
}

/// The name of the edges table's last column, the ties' own channel orders.
const CHANNEL_ORDER: &str = "channel_order";

/// Each tie's channels in its own order, where that differs from the order of the channel
/// columns (`None` where it does not); `None` for all when no tie needs it.
fn channel_orders(g: &AnnotatedGraph<'_>, flat: &FlatGraph) -> Option<Vec<Option<String>>> {
    let columns: Vec<&str> = flat
        .edges
        .columns
        .iter()
        .filter_map(|c| match &c.role {
            Role::Channel(ch, Part::Value) => Some(ch.as_str()),
            _ => None,
        })
        .collect();
    let orders: Vec<Option<String>> = g
        .graph
        .ties()
        .map(|(_, _, _, tie)| {
            let own = || tie.channels.keys().map(crate::model::Channel::as_str);
            let by_columns = columns
                .iter()
                .copied()
                .filter(|c| tie.channels.contains_key(c));
            (!own().eq(by_columns)).then(|| own().collect::<Vec<_>>().join(","))
        })
        .collect();
    orders.iter().any(Option::is_some).then_some(orders)
}

fn nodes(this: &CsvExporter, flat: &FlatGraph, out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let (name, rest) = node_rest(flat);
    let mut header = vec!["Id".to_owned(), "Label".to_owned()];
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

fn edges(
    this: &CsvExporter,
    flat: &FlatGraph,
    orders: Option<&[Option<String>]>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let (weight, rest) = edge_rest(flat);
    let mut header: Vec<String> = ["Source", "Target", "Type", "Weight"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    header.extend(rest.iter().map(|&i| flat.edges.columns[i].name.clone()));
    if orders.is_some() {
        header.push(CHANNEL_ORDER.to_owned());
    }
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
        if let Some(orders) = orders {
            rec.push(orders[r].clone().unwrap_or_default());
        }
        w.write_record(&rec)?;
    }
    w.flush()
}

/// The graph file: leverage's manifest of the two tables ([`Manifest`] of format
/// [`CSV_FORMAT`]), the graph-level parts and each column's role by its header name
/// (`n_Label`, `e_trade_low`).
fn graph_file(flat: &FlatGraph, channel_order: bool) -> Manifest {
    let mut m: Manifest = Manifest {
        format: CSV_FORMAT.into(),
        version: VERSION,
        graph: Some(flat.graph.clone()),
        ..Manifest::default()
    };
    let (name, rest) = node_rest(flat);
    let named = name.map(|i| ("Label".to_owned(), &flat.nodes.columns[i]));
    let nodes = named.into_iter().chain(
        rest.iter()
            .map(|&i| (flat.nodes.columns[i].name.clone(), &flat.nodes.columns[i])),
    );
    let (weight, rest) = edge_rest(flat);
    let weighted = weight.map(|i| ("Weight".to_owned(), &flat.edges.columns[i]));
    let edges = weighted.into_iter().chain(
        rest.iter()
            .map(|&i| (flat.edges.columns[i].name.clone(), &flat.edges.columns[i])),
    );
    for (prefix, columns) in [
        (NODE_KEY_PREFIX, nodes.collect::<Vec<_>>()),
        (EDGE_KEY_PREFIX, edges.collect()),
    ] {
        for (name, c) in columns {
            let key = format!("{prefix}{name}");
            // Attribute cells follow the cell rules (`exchange::cells`), not JSON text.
            if c.kind == Kind::Json && !matches!(c.role, Role::Attribute(_)) {
                m.json_keys.insert(key.clone(), JSON_KEY.into());
            }
            m.keys.insert(key, c.role.encode());
        }
    }
    if channel_order {
        m.keys.insert(
            format!("{EDGE_KEY_PREFIX}{CHANNEL_ORDER}"),
            Role::ChannelOrder.encode(),
        );
    }
    m
}

impl Exporter for CsvExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let flat = flatten(g);
        let orders = || channel_orders(g, &flat);
        match self.tables {
            CsvTables::Nodes => nodes(self, &flat, out),
            CsvTables::Edges => edges(self, &flat, orders().as_deref(), out),
            CsvTables::Both => {
                nodes(self, &flat, out)?;
                writeln!(out)?;
                edges(self, &flat, orders().as_deref(), out)
            }
            CsvTables::Graph => {
                let m = graph_file(&flat, orders().is_some());
                crate::io::json_text::to_writer_pretty(&mut *out, &m)?;
                writeln!(out)
            }
        }
    }
}
