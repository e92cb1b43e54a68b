//! Analyses on the influence graph. Each runs on a compact [`network::Network`] built once from
//! the graph and a channel emphasis.

pub mod assign;
pub mod bloc_groups;
pub mod blocs;
pub mod briefing;
pub mod brokerage_roles;
pub mod centrality;
pub mod coalition;
pub mod compare;
pub(crate) mod heap;
pub mod info;
pub mod lifelines;
pub mod network;
pub mod paths;
pub mod robustness;
pub mod sensitivity;
pub(crate) mod sssp;
pub mod suggest;
pub mod trend;

#[cfg(test)]
#[path = "tests/oracle.rs"]
pub(crate) mod oracle;
