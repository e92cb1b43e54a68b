//! The manifest that makes leverage's own GraphML and GEXF files reload exactly: where it
//! stands in each format, the `format` each writes, and its wire struct ([`Manifest`]).
//!
//! Other tools ignore it: GraphML keeps it in the graph-level key [`GRAPHML_KEY`], GEXF in a
//! processing instruction whose target is [`GEXF_TARGET`], right after the XML declaration, and
//! a CSV graph in its own file beside the tables (`NAME.graph.json`). It maps every key (GraphML
//! `n_NAME`, `e_NAME`; GEXF `n_nodeI`, `e_edgeJ`, by attribute id; CSV `n_COLUMN`, `e_COLUMN`,
//! by header name) to its [`Role`](super::columns::Role) in
//! [`Role::encode`](super::columns::Role::encode)'s form, names the keys whose text is JSON, and
//! keeps what the format itself cannot hold: the ties that GraphML writes no `<edge>` for
//! ([`AbsentTie`]), and the graph-level parts of GEXF and CSV ([`Manifest::graph`]).

use std::sync::Arc;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::model::channels::TieChannels;

/// The graph-level GraphML key (`<key id="g_leverage_manifest" for="graph">`) that holds the
/// manifest.
pub const GRAPHML_KEY: &str = "leverage_manifest";

/// The target of the GEXF processing instruction (`<?leverage_manifest {...}?>`) that holds the
/// manifest.
pub const GEXF_TARGET: &str = "leverage_manifest";

/// The [`Manifest::format`] of leverage's GraphML.
pub const GRAPHML_FORMAT: &str = "leverage-graphml";

/// The [`Manifest::format`] of leverage's GEXF.
pub const GEXF_FORMAT: &str = "leverage-gexf";

/// The [`Manifest::format`] of the graph file beside leverage's CSV tables
/// ([`super::files::graph_path`]).
pub const CSV_FORMAT: &str = "leverage-csv";

/// The manifest's own version ([`Manifest::version`]).
pub const VERSION: u64 = 1;

/// The prefix of a node key in [`Manifest::keys`] (`n_name`).
pub const NODE_KEY_PREFIX: &str = "n_";

/// The prefix of an edge key in [`Manifest::keys`] (`e_trade_low`).
pub const EDGE_KEY_PREFIX: &str = "e_";

/// The value of a key in [`Manifest::json_keys`].
pub const JSON_KEY: &str = "json";

/// The manifest as it is written (JSON, fields in this order). `G` is the type of the
/// graph-level parts: JSON values by name by default (`title`, `date`, `description`, `notes`,
/// `version`, `citations`, `channels`, `build`, `groups`), or a typed reading of them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(bound(deserialize = "G: Deserialize<'de>"))]
pub struct Manifest<G = IndexMap<String, Value>> {
    /// [`GRAPHML_FORMAT`] or [`GEXF_FORMAT`]; a reader takes a manifest of another format for
    /// none.
    pub format: String,
    /// [`VERSION`].
    pub version: u64,
    /// GEXF and CSV (they have no graph attributes): the graph-level parts, as the flat tables
    /// hold them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub graph: Option<G>,
    /// Every key, with the prefix of its domain ([`NODE_KEY_PREFIX`], [`EDGE_KEY_PREFIX`]), to
    /// its encoded role.
    #[serde(default)]
    pub keys: IndexMap<String, String>,
    /// The keys whose values are JSON text, each mapped to [`JSON_KEY`].
    #[serde(default)]
    pub json_keys: IndexMap<String, String>,
    /// GraphML only: the ties of strength 0 under the emphasis used, which are written as no
    /// `<edge>` (other tools would count them), with their places in the tie order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent_ties: Vec<AbsentTie>,
}

impl<G: serde::de::DeserializeOwned> Manifest<G> {
    /// The manifest in `text`, if it is one (JSON of this shape) of format `format`.
    pub fn parse(text: &str, format: &str) -> Option<Manifest<G>> {
        serde_json::from_str::<Manifest<G>>(text)
            .ok()
            .filter(|m| m.format == format)
    }
}

/// A tie of strength 0 kept in the GraphML manifest, with its index in the graph's tie order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AbsentTie {
    /// Position of the tie in the graph's tie order.
    pub index: usize,
    /// The tie, as in the native format.
    pub tie: ManifestTie,
}

/// A tie as the native format writes it (`from`, `to`, `channels`, `note`; see `docs/FORMAT.md`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestTie {
    /// The actor holding leverage.
    #[serde(deserialize_with = "crate::model::shared::deserialize")]
    pub from: Arc<str>,
    /// The dependent actor.
    #[serde(deserialize_with = "crate::model::shared::deserialize")]
    pub to: Arc<str>,
    /// Channel figures and series.
    pub channels: TieChannels,
    /// Note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_manifest_of_another_format_or_shape_is_none() {
        let m: Manifest = Manifest {
            format: GRAPHML_FORMAT.into(),
            version: VERSION,
            ..Manifest::default()
        };
        let text = serde_json::to_string(&m).unwrap();
        assert_eq!(Manifest::parse(&text, GRAPHML_FORMAT), Some(m));
        assert_eq!(Manifest::<Value>::parse(&text, GEXF_FORMAT), None);
        assert_eq!(Manifest::<Value>::parse("[1]", GRAPHML_FORMAT), None);
        // Fields in the order the writers have always used (a diff of two exports stays small).
        assert_eq!(
            text,
            r#"{"format":"leverage-graphml","version":1,"keys":{},"json_keys":{}}"#
        );
    }
}
