//! The files of a multi-file export: a CSV graph is a ties table `NAME.csv` with its actors table
//! [`nodes_path`] (`NAME.nodes.csv`) and its graph-level parts [`graph_path`]
//! (`NAME.graph.json`) beside it. The writer puts them there and the reader looks for them there.

use std::path::{Path, PathBuf};

/// The name of `edges` without `.csv` and without a `.edges` or `.ties` before it (any case):
/// `world.edges.csv` -> `world`.
fn stem(edges: &Path) -> String {
    let name = edges
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let lower = name.to_ascii_lowercase();
    let stem_len = lower.strip_suffix(".csv").map_or(name.len(), str::len);
    let stem = &name[..stem_len];
    let stem_lower = &lower[..stem_len];
    [".edges", ".ties"]
        .iter()
        .find_map(|s| {
            stem_lower
                .ends_with(s)
                .then(|| &stem[..stem.len() - s.len()])
        })
        .unwrap_or(stem)
        .to_owned()
}

/// The actors table beside a ties table: `world.csv` -> `world.nodes.csv`,
/// `world.edges.csv` -> `world.nodes.csv`.
///
/// ```
/// use std::path::Path;
/// use leverage::exchange::files::nodes_path;
/// assert_eq!(nodes_path(Path::new("out/world.csv")), Path::new("out/world.nodes.csv"));
/// ```
pub fn nodes_path(edges: &Path) -> PathBuf {
    edges.with_file_name(format!("{}.nodes.csv", stem(edges)))
}

/// The graph-level parts (metadata, citations, channel declarations, groups) beside a ties
/// table: `world.csv` -> `world.graph.json`, `world.ties.csv` -> `world.graph.json`.
///
/// ```
/// use std::path::Path;
/// use leverage::exchange::files::graph_path;
/// assert_eq!(graph_path(Path::new("out/world.csv")), Path::new("out/world.graph.json"));
/// ```
pub fn graph_path(edges: &Path) -> PathBuf {
    edges.with_file_name(format!("{}.graph.json", stem(edges)))
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            graph_path(Path::new("w.Edges.CSV")),
            Path::new("w.graph.json")
        );
        assert_eq!(graph_path(Path::new("ties")), Path::new("ties.graph.json"));
    }
}
