//! `validate --format json` (docs/JSON.md, "validate"): each input checked, and every problem
//! with its place.

use serde::Serialize;

use super::JSON_VERSION;
use crate::io::check::{InputKind, Validation};

/// The top level of `validate`'s JSON.
#[derive(Debug, Serialize)]
pub struct ValidationJson<'a> {
    version: u32,
    valid: bool,
    problem_count: usize,
    inputs: Vec<InputJson<'a>>,
    pub(in crate::report) problems: Vec<ProblemJson<'a>>,
}

/// One input checked.
#[derive(Debug, Serialize)]
struct InputJson<'a> {
    kind: InputKind,
    file: &'a str,
    valid: bool,
    counts: std::collections::BTreeMap<&'static str, usize>,
    omitted: usize,
}

/// One problem, with its place.
#[derive(Debug, Serialize)]
pub(in crate::report) struct ProblemJson<'a> {
    pub(in crate::report) input: usize,
    pub(in crate::report) file: &'a str,
    pub(in crate::report) line: Option<usize>,
    pub(in crate::report) column: Option<usize>,
    pub(in crate::report) path: Option<&'a str>,
    pub(in crate::report) message: &'a str,
    pub(in crate::report) hint: Option<&'a str>,
}

impl<'a> ValidationJson<'a> {
    /// The wire form of `v`.
    pub fn new(v: &'a Validation) -> Self {
        let problems = v
            .inputs
            .iter()
            .enumerate()
            .flat_map(|(i, input)| {
                input.problems.iter().map(move |p| ProblemJson {
                    input: i,
                    file: if p.at.file.is_empty() {
                        &input.file
                    } else {
                        &p.at.file
                    },
                    line: p.at.line,
                    column: p.at.column,
                    path: p.at.path.as_deref(),
                    message: &p.message,
                    hint: p.hint.as_deref(),
                })
            })
            .collect();
        ValidationJson {
            version: JSON_VERSION,
            valid: v.is_valid(),
            problem_count: v.problem_count(),
            inputs: v
                .inputs
                .iter()
                .map(|i| InputJson {
                    kind: i.kind,
                    file: &i.file,
                    valid: i.is_valid(),
                    counts: i.counts.iter().copied().collect(),
                    omitted: i.omitted,
                })
                .collect(),
            problems,
        }
    }
}
