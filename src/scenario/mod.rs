//! What-if scenarios: small files of edits (set, scale or remove ties and channels, add actors,
//! change groups and receptiveness) applied on top of any graph.

pub mod apply;
pub mod format;
pub mod shipped;

use std::path::Path;

pub use apply::{apply, EditOutcome, ScenarioOutcome};
pub use format::{parse, Edit, Scenario, ScenarioDoc};

use crate::error::Result;
use crate::model::InfluenceGraph;

/// Reads and parses a scenario file.
///
/// # Errors
/// [`crate::Error::Read`] if the file cannot be read; [`crate::Error::Invalid`] if it is too
/// large, not UTF-8, or malformed.
pub fn load(path: &Path) -> Result<Scenario> {
    let name = path.display().to_string();
    let bytes = crate::io::read_limited(path)?;
    let text = crate::io::decode(&bytes, &name)?;
    parse(text, &name)
}

/// Reads and parses a scenario from standard input (named `<stdin>` in errors).
///
/// # Errors
/// As [`load`].
pub fn load_stdin() -> Result<Scenario> {
    let name = "<stdin>";
    let bytes = crate::io::read_stdin()?;
    let text = crate::io::decode(&bytes, name)?;
    parse(text, name)
}

/// Applies scenarios in order to a copy of `graph`.
///
/// # Errors
/// The first edit that fails, placed in its file.
pub fn apply_all(
    graph: &InfluenceGraph,
    scenarios: &[Scenario],
) -> Result<(InfluenceGraph, Vec<ScenarioOutcome>)> {
    let mut g = graph.clone();
    let outcomes = scenarios
        .iter()
        .map(|s| apply(&mut g, s))
        .collect::<Result<Vec<_>>>()?;
    Ok((g, outcomes))
}
