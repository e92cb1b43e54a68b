//! # leverage
//!
//! Diplomatic influence as a graph: which partner countries should the EU (or one member state,
//! or the fifteen signatories of the 2025 outreach letter) approach to press Russia towards a
//! ceasefire, through whom, and how sure can we be?
//!
//! ## The model in one page
//!
//! - **Actors** are states (ISO 3166-1 alpha-3 ids) with a capital's coordinates and free
//!   attributes; **groups** are named sets of actors (`EU`, `signatories`, `BRICS`).
//! - A **tie** `from -> to` means **`from` holds leverage over `to`**, because `to` depends on
//!   `from`. It has one sourced [`model::Figure`] per channel (`trade`, `energy`, `security`, ...),
//!   each a share in [0, 1] with an optional uncertainty range.
//! - A tie's **strength** is the noisy-OR of its channels, `w = 1 - prod_c (1 - a_c w_c)`, with
//!   channel emphasis `a_c` ([`model::ChannelEmphasis`]).
//! - Pressure weakens at every hop: a path's **leverage** is the product of its strengths, so the
//!   best path is a shortest path under the cost `-ln w` ([`model::Distance`]).
//! - A partner `P` is worth approaching when the sources reach it (`reach`), it can press the
//!   target (`pull`), and it is open to the case (`receptiveness`):
//!   `score = reach * pull * receptiveness` ([`analysis::suggest`]).
//!
//! `docs/MODEL.md` explains the model and every measure for an analyst.
//!
//! ## Modules
//!
//! - [`model`]: actors, groups, ties, the [`model::InfluenceGraph`] (a petgraph graph), strength
//!   and distance.
//! - [`io`]: the graph format (JSON v1), validation with exact error places, the bundled graph,
//!   atomic writes.
//! - [`analysis`]: the compact network the algorithms run on, leverage paths, partner suggestions,
//!   centrality, blocs (community detection).
//! - [`report`]: results as tables, JSON and CSV.
//! - [`export`]: the graph for visualisation tools (GraphML, DOT, JSON).
//! - [`geo`]: the Natural Earth projection and the land outlines the maps draw.
//!
//! ## Example
//!
//! ```
//! use leverage::analysis::suggest::{suggest, SuggestParams};
//! use leverage::io::{load, GraphSource};
//!
//! let graph = load(&GraphSource::Bundled)?;
//! let ranking = suggest(&graph, &SuggestParams::default())?;
//! assert!(!ranking.partners.is_empty());
//! println!("approach {} first", ranking.partners[0].name);
//! # Ok::<(), leverage::Error>(())
//! ```

pub mod analysis;
pub mod datasets;
pub mod error;
pub mod export;
pub mod generate;
pub mod geo;
pub mod io;
pub mod model;
pub mod report;
pub mod scenario;

pub use error::{Error, Result};
