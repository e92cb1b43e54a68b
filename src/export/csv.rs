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

use std::io::Write;

use super::flat::{cell_text, flatten, FlatGraph, Role};
use super::{AnnotatedGraph, Exporter};

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
}

fn nodes(flat: &FlatGraph, out: &mut dyn Write) -> std::io::Result<()> {
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
        let mut rec = vec![id.clone(), label];
        rec.extend(rest.iter().map(|&i| {
            row[i]
                .as_ref()
                .map(|v| cell_text(flat.nodes.columns[i].kind, v))
                .unwrap_or_default()
        }));
        w.write_record(&rec)?;
    }
    w.flush()
}

fn edges(flat: &FlatGraph, out: &mut dyn Write) -> std::io::Result<()> {
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
            flat.node_ids[f].clone(),
            flat.node_ids[t].clone(),
            "Directed".to_owned(),
            wv,
        ];
        rec.extend(rest.iter().map(|&i| {
            row[i]
                .as_ref()
                .map(|v| cell_text(flat.edges.columns[i].kind, v))
                .unwrap_or_default()
        }));
        w.write_record(&rec)?;
    }
    w.flush()
}

/// The nodes file written beside an edges file: `world.csv` -> `world.nodes.csv`,
/// `world.edges.csv` -> `world.nodes.csv`.
pub fn nodes_path(edges: &std::path::Path) -> std::path::PathBuf {
    let name = edges
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    let stem_len = lower.strip_suffix(".csv").map_or(name.len(), str::len);
    let stem = &name[..stem_len];
    let stem_lower = &lower[..stem_len];
    let stem = [".edges", ".ties"]
        .iter()
        .find_map(|s| {
            stem_lower
                .ends_with(s)
                .then(|| &stem[..stem.len() - s.len()])
        })
        .unwrap_or(stem);
    edges.with_file_name(format!("{stem}.nodes.csv"))
}

impl Exporter for CsvExporter {
    fn write(&self, g: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()> {
        let flat = flatten(g);
        match self.tables {
            CsvTables::Nodes => nodes(&flat, out),
            CsvTables::Edges => edges(&flat, out),
            CsvTables::Both => {
                nodes(&flat, out)?;
                writeln!(out)?;
                edges(&flat, out)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn sibling_names() {
        assert_eq!(
            nodes_path(Path::new("out/world.csv")),
            Path::new("out/world.nodes.csv")
        );
        assert_eq!(
            nodes_path(Path::new("w.Edges.CSV")),
            Path::new("w.nodes.csv")
        );
        assert_eq!(
            nodes_path(Path::new("t.ties.csv")),
            Path::new("t.nodes.csv")
        );
    }
}
