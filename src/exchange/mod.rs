//! The exchange formats' contract: the vocabulary that the writers in [`crate::export`] and the
//! readers in [`crate::io`] share for GraphML, GEXF, CSV, node-link and Cytoscape, so that a
//! file leverage writes reads back exactly.
//!
//! - [`columns`]: what a column of the flat tables holds ([`columns::Role`],
//!   [`columns::Part`], [`columns::Kind`]) and the rules that name it.
//! - [`manifest`]: the manifest of leverage's GraphML and GEXF (keys, formats, absent ties).
//! - [`files`]: the sibling files of a CSV graph (`NAME.nodes.csv`, `NAME.graph.json`).
//! - [`cells`]: the meaning of a CSV cell's text (formula neutralisation, attribute values).
//!
//! This module depends on [`crate::model`] only; `io` and `export` both depend on it and not on
//! each other's internals. `docs/EXPORTS.md` documents the formats for their users.

pub mod cells;
pub mod columns;
pub mod files;
pub mod manifest;
