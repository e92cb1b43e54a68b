//! Exports of the graph for visualisation tools: one [`Exporter`] per format, one file each.
//!
//! The attribute tables shared by the data formats are built once in [`flat`]; XML escaping is
//! in [`xml`]; analysis values for `--with` come from [`annotate`]. `docs/EXPORTS.md` documents
//! every format and the tool that opens it.

pub mod annotate;
pub mod csv;
pub mod cytoscape;
pub mod dot;
pub mod flat;
pub mod gexf;
pub mod graphml;
pub mod html;
pub mod json;
pub mod kumu;
pub mod nodelink;
pub mod style;
pub mod svg;
pub mod xml;

use std::collections::HashSet;
use std::io::Write;

use indexmap::IndexMap;
use petgraph::stable_graph::NodeIndex;

use crate::error::Result;
use crate::model::{Distance, InfluenceGraph, StrengthRule};

/// The suggestion shown on pictures: who presses whom, and the top partners with their paths.
#[derive(Debug, Clone, PartialEq)]
pub struct Focus {
    /// The source actors.
    pub sources: Vec<NodeIndex>,
    /// The sources as the user named them (`signatories`).
    pub sources_name: String,
    /// The target actor.
    pub target: NodeIndex,
    /// Top partners, best first.
    pub partners: Vec<FocusPartner>,
    /// How many of the first `partners` have their paths highlighted; an interactive map also
    /// holds the others' paths, hidden until the reader picks the partner.
    pub highlighted: usize,
    /// The score's formula in words (`reach × headroom × movability`).
    pub formula: String,
    /// The robustness run the partners' spreads come from, if any.
    pub uncertainty: Option<Uncertainty>,
}

/// A partner a picture shows: its rank, score and best leverage path.
#[derive(Debug, Clone, PartialEq)]
pub struct FocusPartner {
    /// The partner.
    pub node: NodeIndex,
    /// Its rank.
    pub rank: usize,
    /// Its score (a share; pictures show it in thousandths, as the table does).
    pub score: f64,
    /// Its best leverage path, source -> ... -> partner -> ... -> target.
    pub path: Vec<NodeIndex>,
    /// Its spread over a robustness run, if one was attached.
    pub spread: Option<RankSpread>,
}

/// A partner's rank over the samples of a robustness run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RankSpread {
    /// Median rank.
    pub median: f64,
    /// 5th and 95th percentile of the rank.
    pub range: [usize; 2],
    /// Share of samples in which it is in the top k.
    pub p_top_k: f64,
}

/// The robustness run behind the spreads: how many samples, the seed and the k of P(top k).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uncertainty {
    /// Samples drawn.
    pub samples: usize,
    /// Seed.
    pub seed: u64,
    /// The k of P(top k).
    pub top_k: usize,
}

/// A graph ready for export: the graph, how strengths and distances are computed, what to
/// highlight, and analysis results to attach to actors.
#[derive(Debug, Clone)]
pub struct AnnotatedGraph<'g> {
    /// The graph.
    pub graph: &'g InfluenceGraph,
    /// How the `weight` attribute is computed.
    pub strength: StrengthRule,
    /// Distance for the `dist` attribute.
    pub distance: Distance,
    /// Ties to highlight (the suggested leverage paths).
    pub highlighted: HashSet<(NodeIndex, NodeIndex)>,
    /// Extra numeric node attributes, by name (`score`, `rank`, `betweenness`...), per actor.
    pub node_values: IndexMap<String, IndexMap<NodeIndex, f64>>,
    /// The suggestion to draw, if one was computed.
    pub focus: Option<Focus>,
    /// The node value that sizes actors in GEXF and SVG (`score`, `strength_out`...); `None`:
    /// `score` when present, else the actor's out-strength.
    pub size_by: Option<String>,
    /// How actors are coloured and named by role (the target, the sources, groups).
    pub style: style::Style,
}

impl<'g> AnnotatedGraph<'g> {
    /// A plain export of `graph` with default strengths and distance.
    pub fn new(graph: &'g InfluenceGraph) -> Self {
        AnnotatedGraph {
            graph,
            strength: StrengthRule::default(),
            distance: Distance::Log,
            highlighted: HashSet::new(),
            node_values: IndexMap::new(),
            focus: None,
            size_by: None,
            style: style::Style::default(),
        }
    }

    /// The size measure of every actor, in graph order, with its name: the `size_by` node value,
    /// else `score` when present, else the out-strength (sum of the strengths of the actor's
    /// ties). Missing values are 0.
    pub fn sizes(&self) -> (String, Vec<f64>) {
        let name = self
            .size_by
            .clone()
            .filter(|n| self.node_values.contains_key(n))
            .or_else(|| {
                self.node_values
                    .contains_key("score")
                    .then(|| "score".to_owned())
            });
        match name {
            Some(name) => {
                let values = &self.node_values[&name];
                let v = self
                    .graph
                    .actors()
                    .map(|(n, _)| values.get(&n).copied().unwrap_or(0.0))
                    .collect();
                (name, v)
            }
            None => {
                let mut out: IndexMap<NodeIndex, f64> =
                    self.graph.actors().map(|(n, _)| (n, 0.0)).collect();
                for (_, f, _, tie) in self.graph.ties() {
                    if let Some(x) = out.get_mut(&f) {
                        *x += self.graph.strength(tie, &self.strength);
                    }
                }
                ("strength_out".to_owned(), out.into_values().collect())
            }
        }
    }
}

/// Writes an [`AnnotatedGraph`] in one format.
pub trait Exporter {
    /// Writes the graph to `out`.
    ///
    /// # Errors
    /// I/O errors of `out`; the caller names the file.
    fn write(&self, graph: &AnnotatedGraph<'_>, out: &mut dyn Write) -> std::io::Result<()>;
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The native JSON format (reloads as is).
    Json,
    /// GraphML with typed keys (NetworkX, igraph, Gephi, yEd, Cytoscape); reloads exactly.
    Graphml,
    /// GEXF 1.3 with the viz module (Gephi, NetworkX).
    Gexf,
    /// Graphviz DOT.
    Dot,
    /// Cytoscape.js `elements` JSON (Cytoscape.js, Cytoscape desktop).
    Cytoscape,
    /// NetworkX node-link JSON (`nx.node_link_graph`, D3).
    NodeLink,
    /// Two CSV tables, nodes and edges, in Gephi's spreadsheet-import columns.
    Csv,
    /// An SVG map drawn by leverage itself.
    Svg,
    /// The briefing page: one self-contained HTML file (table, map, cards; offline).
    Html,
    /// A Kumu import file (blueprint JSON: elements and connections matched by label).
    Kumu,
    /// Node-link JSON with `links`, as D3's examples read it.
    D3,
}

impl ExportFormat {
    /// Every format.
    pub const ALL: &'static [ExportFormat] = &[
        ExportFormat::Json,
        ExportFormat::Graphml,
        ExportFormat::Gexf,
        ExportFormat::Dot,
        ExportFormat::Cytoscape,
        ExportFormat::NodeLink,
        ExportFormat::Csv,
        ExportFormat::Svg,
        ExportFormat::Html,
        ExportFormat::Kumu,
        ExportFormat::D3,
    ];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Graphml => "graphml",
            ExportFormat::Gexf => "gexf",
            ExportFormat::Dot => "dot",
            ExportFormat::Cytoscape => "cytoscape",
            ExportFormat::NodeLink => "node-link",
            ExportFormat::Csv => "csv",
            ExportFormat::Svg => "svg",
            ExportFormat::Html => "html",
            ExportFormat::Kumu => "kumu",
            ExportFormat::D3 => "d3",
        }
    }

    /// The format a file name implies: `.graphml`, `.gexf`, `.dot`/`.gv`, `.svg`, `.csv`,
    /// `.cyjs` or `.cy.json` (Cytoscape), `.nodelink.json` or `.node-link.json`, `.html` or
    /// `.htm` (the briefing page), `.kumu.json` (Kumu), `.d3.json` (D3), else `.json`.
    pub fn from_extension(path: &std::path::Path) -> Option<ExportFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".cy.json") || ext == "cyjs" {
            return Some(ExportFormat::Cytoscape);
        }
        if name.ends_with(".nodelink.json") || name.ends_with(".node-link.json") {
            return Some(ExportFormat::NodeLink);
        }
        if name.ends_with(".kumu.json") {
            return Some(ExportFormat::Kumu);
        }
        if name.ends_with(".d3.json") {
            return Some(ExportFormat::D3);
        }
        match ext.as_str() {
            "json" => Some(ExportFormat::Json),
            "graphml" => Some(ExportFormat::Graphml),
            "gexf" => Some(ExportFormat::Gexf),
            "dot" | "gv" => Some(ExportFormat::Dot),
            "csv" => Some(ExportFormat::Csv),
            "svg" => Some(ExportFormat::Svg),
            "html" | "htm" => Some(ExportFormat::Html),
            _ => None,
        }
    }

    /// The exporter for this format (for CSV: both tables, as on standard output; for HTML, the
    /// map alone in a page, since the briefing page needs a briefing the caller computes:
    /// [`html::HtmlExporter`]).
    pub fn exporter(self) -> Box<dyn Exporter> {
        match self {
            ExportFormat::Json => Box::new(json::JsonExporter),
            ExportFormat::Graphml => Box::new(graphml::GraphmlExporter),
            ExportFormat::Gexf => Box::new(gexf::GexfExporter),
            ExportFormat::Dot => Box::new(dot::DotExporter),
            ExportFormat::Cytoscape => Box::new(cytoscape::CytoscapeExporter),
            ExportFormat::NodeLink => Box::new(nodelink::NodeLinkExporter),
            ExportFormat::Csv => Box::new(csv::CsvExporter::default()),
            ExportFormat::Svg => Box::new(svg::SvgExporter::default()),
            ExportFormat::Html => Box::new(html::MapPage),
            ExportFormat::Kumu => Box::new(kumu::KumuExporter),
            ExportFormat::D3 => Box::new(nodelink::D3Exporter),
        }
    }
}

/// Renders `graph` in `format` to a byte vector.
///
/// # Errors
/// Never in practice (writing to memory); kept for exporters that may fail.
pub fn to_bytes(graph: &AnnotatedGraph<'_>, format: ExportFormat) -> Result<Vec<u8>> {
    exporter_bytes(graph, format.exporter().as_ref())
}

/// Renders `graph` with `exporter` to a byte vector.
///
/// # Errors
/// Never in practice (writing to memory).
pub fn exporter_bytes(graph: &AnnotatedGraph<'_>, exporter: &dyn Exporter) -> Result<Vec<u8>> {
    let mut buf = Vec::new();
    exporter
        .write(graph, &mut buf)
        .map_err(|e| crate::Error::Write {
            path: "<memory>".into(),
            source: e,
        })?;
    Ok(buf)
}

/// The tie strength and distance of every tie, for exporters.
pub(crate) fn tie_weight(g: &AnnotatedGraph<'_>, tie: &crate::model::Tie) -> (f64, f64) {
    let w = g.graph.strength(tie, &g.strength);
    let d = if w > 0.0 {
        g.distance.cost(w)
    } else {
        f64::INFINITY
    };
    (w, d)
}
