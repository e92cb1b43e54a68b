//! Analyses on the influence graph. Each runs on a compact [`network::Network`] built once from
//! the graph and a channel emphasis.

pub mod assign;
pub mod blocs;
pub mod brokerage_roles;
pub mod centrality;
pub mod compare;
pub mod heap;
pub mod info;
pub mod network;
pub mod paths;
pub mod robustness;
pub mod sssp;
pub mod suggest;
pub mod trend;
