//! Command-line tests: one binary, a module per command, plus errors.

mod common;

mod assign;
mod blocs;
mod centrality;
mod coalition;
mod compare;
mod errors;
mod export;
mod files;
mod info;
mod lifelines;
mod paths;
mod robustness;
mod sensitivity;
mod suggest;
mod validate;
