//! Exports of the graph for visualisation tools: one [`Exporter`] per format, one file each.

pub mod dot;
pub mod graphml;
pub mod json;
pub mod xml;

use std::collections::HashSet;
use std::io::Write;

use indexmap::IndexMap;
use petgraph::stable_graph::NodeIndex;

use crate::error::Result;
use crate::model::{ChannelEmphasis, Distance, InfluenceGraph};

/// A graph ready for export: the graph, how strengths and distances are computed, what to
/// highlight, and analysis results to attach to actors.
#[derive(Debug, Clone)]
pub struct AnnotatedGraph<'g> {
    /// The graph.
    pub graph: &'g InfluenceGraph,
    /// Channel emphasis for the `weight` attribute.
    pub emphasis: ChannelEmphasis,
    /// Distance for the `dist` attribute.
    pub distance: Distance,
    /// Ties to highlight (the suggested leverage paths).
    pub highlighted: HashSet<(NodeIndex, NodeIndex)>,
    /// Extra numeric node attributes, by name (`score`, `rank`, `betweenness`...), per actor.
    pub node_values: IndexMap<String, IndexMap<NodeIndex, f64>>,
}

impl<'g> AnnotatedGraph<'g> {
    /// A plain export of `graph` with default strengths and distance.
    pub fn new(graph: &'g InfluenceGraph) -> Self {
        AnnotatedGraph {
            graph,
            emphasis: ChannelEmphasis::default(),
            distance: Distance::Log,
            highlighted: HashSet::new(),
            node_values: IndexMap::new(),
        }
    }
}

/// Writes an [`AnnotatedGraph`] in one format.
pub trait Exporter {
    /// Writes the graph to `out`.
    ///
    /// # Errors
    /// I/O errors of `out`, as [`crate::Error::Write`] with an empty path (the caller names it).
    fn write(&self, graph: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()>;
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The native JSON format (reloads as is).
    Json,
    /// GraphML with typed keys (NetworkX, igraph, Gephi, yEd, Cytoscape).
    Graphml,
    /// Graphviz DOT.
    Dot,
}

impl ExportFormat {
    /// Every format.
    pub const ALL: &'static [ExportFormat] =
        &[ExportFormat::Json, ExportFormat::Graphml, ExportFormat::Dot];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Graphml => "graphml",
            ExportFormat::Dot => "dot",
        }
    }

    /// The format a file extension implies (`.graphml`, `.dot`/`.gv`, `.json`).
    pub fn from_extension(path: &std::path::Path) -> Option<ExportFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(ExportFormat::Json),
            "graphml" => Some(ExportFormat::Graphml),
            "dot" | "gv" => Some(ExportFormat::Dot),
            _ => None,
        }
    }

    /// The exporter for this format.
    pub fn exporter(self) -> Box<dyn Exporter> {
        match self {
            ExportFormat::Json => Box::new(json::JsonExporter),
            ExportFormat::Graphml => Box::new(graphml::GraphmlExporter),
            ExportFormat::Dot => Box::new(dot::DotExporter),
        }
    }
}

/// Renders `graph` in `format` to a byte vector.
///
/// # Errors
/// Never in practice (writing to memory); kept for exporters that may fail.
pub fn to_bytes(graph: &AnnotatedGraph<'_>, format: ExportFormat) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    format
        .exporter()
        .write(graph, &mut buf)
        .map_err(|e| crate::Error::Write {
            path: "<memory>".into(),
            source: e,
        })?;
    Ok(buf)
}

/// The tie strength and distance of every tie, for exporters.
pub(crate) fn tie_weight(g: &AnnotatedGraph<'_>, tie: &crate::model::Tie) -> (f64, f64) {
    let w = g.emphasis.strength(tie);
    let d = if w > 0.0 {
        g.distance.cost(w)
    } else {
        f64::INFINITY
    };
    (w, d)
}
