//! Command-line tests: one binary, a module per command, plus errors.

mod common;

mod actors;
mod assign;
mod brief;
mod centrality;
mod compare;
mod errors;
mod export;
mod files;
mod help_examples;
mod hostile;
mod info;
mod paths;
mod robustness;
mod shell;
mod suggest;
mod validate;
