//! # leverage
//!
//! Diplomatic influence as a graph: which partner countries should the EU (or one member state,
//! or the fifteen signatories of the 2025 outreach letter) approach to press Russia towards a
//! ceasefire, through whom, and how sure can we be?
//!
//! ## The model in one page
//!
//! - **Actors** are states (ISO 3166-1 alpha-3 ids) with a capital, attributes, a sourced
//!   **stance** towards a target ([`model::Stance`]: sanctions, UN votes, war support, alliance,
//!   parade, circumvention) and the agreements and concerns of an outreach; **groups** are named
//!   sets of actors (`EU`, `signatories`, `BRICS`, `unfriendly`).
//! - A **tie** `from -> to` means **`from` holds leverage over `to`**, because `to` depends on
//!   `from`. It has one [`model::Figure`] per channel (`trade`, `energy`, `dual_use`, `security`,
//!   ...): a share in [0, 1] with a range, a year, a source, a [`model::Basis`] (official,
//!   published, derived, judgement) and citations; a channel may hold a yearly series.
//! - A tie's **strength** combines its channels by a [`model::StrengthRule`]: by default the
//!   strongest channel of each family of one flow, then the noisy-OR across families.
//! - Pressure weakens at every hop: a path's **leverage** is the product of its strengths, so the
//!   best path is a shortest path under the cost `-ln w` ([`model::Distance`]).
//! - A partner `P` outside the pressure coalition is worth approaching for the pressure it could
//!   add and does not apply yet (`headroom`), weighed by the sources' levers over it (`reach`)
//!   and by how far its stance lets them move it (`movability`):
//!   `score = reach × headroom × movability` ([`analysis::suggest`]).
//!
//! `docs/MODEL.md` explains the model and every measure for an analyst.
//!
//! ## Layers
//!
//! Dependencies point down; nothing below the command line reads arguments, prints or reads the
//! environment, and the library speaks in its own types (`ActorId`s, parameter structs, typed
//! errors that name fields), never in flags.
//!
//! ```text
//! cli (the binary)           parses, resolves names (model::Resolver), prints, words errors
//!   |
//! report, export             render results (tables, JSON, CSV) and graphs (GraphML, GEXF, SVG...)
//!   |
//! analysis, scenario,        suggest, assign, robustness, paths, centrality, blocs...; what-if edits;
//! generate                   test graphs
//!   |
//! io, geo                    reading and validating files, atomic writes; map projection and land
//!   |
//! exchange                   the exchange formats' contract, shared by io's readers and export
//!   |
//! model                      actors, ties, figures, stance, strength rules, views by year and basis
//! ```
//!
//! Exporters take results the caller computed (a ranking, a centrality table) and never run an
//! analysis; the readers in `io` and the writers in `export` agree through [`exchange`] and not
//! through each other. `tests/layers.rs` fails on an import that points up (README,
//! "Architecture").
//!
//! ## Modules
//!
//! - [`model`]: the [`model::InfluenceGraph`] (a petgraph graph with an id index), actors,
//!   groups, ties, figures, provenance, stance, strength and distance, name resolution.
//! - [`io`]: the graph format (JSON v2, v1 still read), GraphML, GEXF and CSV import, validation
//!   with exact error places, the bundled graph, atomic writes.
//! - [`analysis`]: the compact [`analysis::network::Network`] the algorithms run on; leverage
//!   paths, partner suggestions, messengers, robustness, centrality, blocs, brokerage roles.
//! - [`scenario`]: what-if files applied to a graph.
//! - [`report`]: results as tables, JSON (the contract of `docs/JSON.md`) and CSV.
//! - [`exchange`]: the vocabulary the exchange formats' readers and writers share: flat
//!   columns and their names, the GraphML/GEXF manifest, the sibling files of a CSV graph, CSV
//!   cell rules.
//! - [`export`]: the graph for visualisation tools, and a map of its own.
//! - [`geo`]: the Natural Earth projection and land outlines for the map.
//!
//! ## Example
//!
//! ```
//! use leverage::analysis::suggest::{suggest, SuggestParams};
//! use leverage::io::{load, GraphSource};
//!
//! let graph = load(&GraphSource::Bundled)?;
//! let ranking = suggest(&graph, &SuggestParams::outreach_letter(&graph)?)?;
//! assert!(!ranking.partners.is_empty());
//! println!("approach {} first", ranking.partners[0].name);
//! # Ok::<(), leverage::Error>(())
//! ```
//!
//! `examples/library.rs` uses the library on its own: load, suggest, explain, robustness, a
//! basis filter and an export.

pub mod analysis;
pub mod datasets;
pub mod error;
pub mod exchange;
pub mod export;
pub mod generate;
pub mod geo;
pub mod io;
pub mod model;
pub mod report;
pub mod scenario;

pub use error::{Error, Result};
