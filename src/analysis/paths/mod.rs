//! Leverage paths: the best path (greatest product of strengths) and the k best simple paths
//! (Yen), under a hop limit and with actors to avoid.
//!
//! A path's leverage is the product of its ties' strengths (pressure weakens at every hop); under
//! the default distance `-ln w` the best path is the shortest one. With the `inverse` or `hops`
//! distances the path is chosen by that cost, and its leverage is still the product of strengths.
//!
//! Three parts, each usable alone:
//! - the shortest-path engine ([`shortest_tree`], [`best_path`], [`ShortestTree`], [`NetPath`]):
//!   Dijkstra's algorithm on the crate's one Dijkstra search (an indexed 4-ary heap, shared with
//!   the centrality kernels), or a layered search under a hop limit;
//! - Yen's k best simple paths ([`k_best_paths`]), whose spur searches run on that engine;
//! - the command-facing API ([`paths`], [`PathsParams`], [`explain`], [`ExplainedPath`]): actor
//!   ids in, explained paths with their channel figures out.

mod command;
mod search;
mod tree;
mod yen;

pub use command::{
    explain, paths, ChannelFigure, ExplainedPath, PathsParams, PathsResult, TieStep,
};
pub use search::{best_path, shortest_tree, shortest_tree_with_costs};
pub use tree::{NetPath, ShortestTree};
pub use yen::k_best_paths;

/// Default hop limit of `paths`: a chain of three ties ("A asks B to ask C to press D") is the
/// longest that reads as diplomacy (docs/MODEL.md, "Hop limit").
pub const DEFAULT_MAX_HOPS: usize = 3;

#[cfg(test)]
mod tests;
