//! What `leverage validate` reports: each input an analysis would read (the graph with its
//! actors table, each scenario, the options that name channels), whether it passed, and every
//! problem found, in one list.
//!
//! The checks themselves are the loaders' own ([`crate::io::load_with`],
//! [`crate::scenario::load`], [`crate::scenario::apply_all`]): validating a file means loading
//! it exactly as an analysis would, so `validate` can never pass what `suggest` refuses.
//!
//! ```
//! use leverage::io::check::{CheckedInput, InputKind, Validation};
//! use leverage::io::{json, location::Location};
//!
//! let bad = r#"{"version": 2, "meta": {"title": "t", "date": "2025-01-01"},
//!   "actors": [{"id": "AAA", "name": "A"}], "ties": [{"from": "AAA", "to": "BBB",
//!   "channels": {"trade": {"value": 0.5, "source": "s", "year": 2024}}}]}"#;
//! let err = json::parse(bad, "bad.json").unwrap_err();
//! let mut v = Validation::default();
//! v.push(CheckedInput::failed(InputKind::Graph, "bad.json", &err));
//! assert!(!v.is_valid());
//! assert_eq!(v.problems().count(), 1);
//! assert_eq!(v.problems().next().unwrap().at.line, Some(2)); // ok: doc example
//! ```

use serde::Serialize;

use crate::error::{Error, Problem};
use crate::io::location::Location;
use crate::model::InfluenceGraph;

/// What kind of input a check covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum InputKind {
    /// The graph file (with its actors table, for CSV).
    Graph,
    /// A scenario file: parsed, then applied to the graph in order.
    Scenario,
    /// Options that name parts of the graph (`--channels`).
    Options,
}

/// One input and what its check found.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedInput {
    /// What was checked.
    pub kind: InputKind,
    /// The file as the user named it, or the options in words.
    pub file: String,
    /// Counts for a graph that loaded (actors, ties, groups) or a scenario that applied
    /// (edits, changes), in order.
    pub counts: Vec<(&'static str, usize)>,
    /// The problems found, in file order; empty if the input passed.
    pub problems: Vec<Problem>,
    /// Problems found but not listed (past [`crate::io::validate::MAX_PROBLEMS`]).
    pub omitted: usize,
}

impl CheckedInput {
    /// An input that passed, with its counts.
    pub fn passed(
        kind: InputKind,
        file: impl Into<String>,
        counts: Vec<(&'static str, usize)>,
    ) -> Self {
        CheckedInput {
            kind,
            file: file.into(),
            counts,
            problems: Vec::new(),
            omitted: 0,
        }
    }

    /// A graph that loaded: its actors, ties and groups.
    pub fn graph(file: impl Into<String>, g: &InfluenceGraph) -> Self {
        Self::passed(
            InputKind::Graph,
            file,
            vec![
                ("actors", g.actor_count()),
                ("ties", g.tie_count()),
                ("groups", g.groups().count()),
            ],
        )
    }

    /// An input that failed with `err`: its problems, each placed (an error without a place
    /// is placed at `file`). The summary problem "... and N more problems" becomes
    /// [`CheckedInput::omitted`].
    pub fn failed(kind: InputKind, file: impl Into<String>, err: &Error) -> Self {
        let file = file.into();
        let (problems, omitted) = problems_of(err, &file);
        CheckedInput {
            kind,
            file,
            counts: Vec::new(),
            problems,
            omitted,
        }
    }

    /// Whether the input passed.
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty() && self.omitted == 0
    }
}

/// Every input checked, in the order an analysis reads them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Validation {
    /// The inputs.
    pub inputs: Vec<CheckedInput>,
}

impl Validation {
    /// Adds a checked input.
    pub fn push(&mut self, input: CheckedInput) {
        self.inputs.push(input);
    }

    /// Whether every input passed.
    pub fn is_valid(&self) -> bool {
        self.inputs.iter().all(CheckedInput::is_valid)
    }

    /// Every problem listed, input by input.
    pub fn problems(&self) -> impl Iterator<Item = &Problem> + '_ {
        self.inputs.iter().flat_map(|i| i.problems.iter())
    }

    /// Every problem as one [`Error::Invalid`], in input order, with the count of those not
    /// listed as a last "... and N more problems".
    pub fn into_error(self) -> Error {
        let omitted: usize = self.inputs.iter().map(|i| i.omitted).sum();
        let first = self
            .inputs
            .first()
            .map(|i| i.file.clone())
            .unwrap_or_default();
        let mut problems: Vec<Problem> = self.inputs.into_iter().flat_map(|i| i.problems).collect();
        if omitted > 0 {
            problems.push(Problem::new(
                Location::file(first),
                format!("... and {omitted} more problems"),
                Some("fix the ones above and validate again".to_owned()),
            ));
        }
        Error::Invalid { problems }
    }

    /// Problems found, listed or not.
    pub fn problem_count(&self) -> usize {
        self.inputs
            .iter()
            .map(|i| i.problems.len() + i.omitted)
            .sum()
    }
}

/// The problems of `err`, placed, and the count of problems it found but did not list. O(problems).
pub fn problems_of(err: &Error, file: &str) -> (Vec<Problem>, usize) {
    match err {
        Error::Invalid { problems } => {
            let mut listed = Vec::with_capacity(problems.len());
            let mut omitted = 0;
            for p in problems {
                match more_count(&p.message) {
                    Some(n) => omitted += n,
                    None => listed.push(p.clone()),
                }
            }
            (listed, omitted)
        }
        other => {
            // The message with its causes (an I/O error's own words).
            let mut message = other.to_string();
            let mut cause = std::error::Error::source(other);
            while let Some(c) = cause {
                message.push_str(&format!(": {c}"));
                cause = c.source();
            }
            (
                vec![Problem::new(Location::file(file), message, None::<String>)],
                0,
            )
        }
    }
}

/// The N of the summary problem "... and N more problems" that the readers add past the cap.
fn more_count(message: &str) -> Option<usize> {
    message
        .strip_prefix("... and ")?
        .strip_suffix(" more problems")?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_problem_becomes_a_count() {
        let err = Error::Invalid {
            problems: vec![
                Problem::new(
                    Location::file("g.json").at(3, 4),
                    "bad value",
                    None::<String>,
                ),
                Problem::new(
                    Location::file("g.json"),
                    "... and 17 more problems",
                    None::<String>,
                ),
            ],
        };
        let c = CheckedInput::failed(InputKind::Graph, "g.json", &err);
        assert_eq!(c.problems.len(), 1);
        assert_eq!(c.omitted, 17);
        assert!(!c.is_valid());
        let mut v = Validation::default();
        v.push(c);
        v.push(CheckedInput::passed(
            InputKind::Options,
            "channels",
            Vec::new(),
        ));
        assert_eq!(v.problem_count(), 18);
        assert!(!v.is_valid());
    }

    #[test]
    fn an_error_without_a_place_is_placed_at_the_file() {
        let err = Error::Usage("no such channel".into());
        let (p, n) = problems_of(&err, "s.json");
        assert_eq!((p.len(), n), (1, 0));
        assert_eq!(p[0].at.file, "s.json");
        assert_eq!(p[0].message, "no such channel");
    }

    #[test]
    fn more_count_reads_only_the_summary() {
        assert_eq!(more_count("... and 4950 more problems"), Some(4950));
        assert_eq!(more_count("and 3 more problems"), None);
        assert_eq!(more_count("... and many more problems"), None);
    }
}
