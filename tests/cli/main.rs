//! Command-line tests: one binary, a module per command, plus errors.

mod common;

mod actors;
mod assign;
mod blocs;
mod brief;
mod centrality;
mod coalition;
mod compare;
mod errors;
mod export;
mod files;
mod help_examples;
mod hostile;
mod info;
mod lifelines;
mod paths;
mod robustness;
mod sensitivity;
mod shell;
mod suggest;
mod validate;
