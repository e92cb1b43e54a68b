//! `leverage validate`: each input checked, and every problem with its place.
//!
//! JSON (docs/JSON.md, "validate"): `{"version": 2, "valid", "problem_count", "inputs": [{"kind",
//! "file", "valid", "counts", "omitted"}], "problems": [{"input", "file", "line", "column",
//! "path", "message", "hint"}]}`; CSV: one row per problem listed.

use super::wire::validate::ValidationJson;
use super::{csv_string, json, OutputFormat};
use crate::io::check::{InputKind, Validation};

/// Renders a validation: JSON and CSV list every problem; the table is one line per input
/// (problems go to stderr, as diagnostics, from the caller).
pub fn render(v: &Validation, format: OutputFormat) -> String {
    match format {
        OutputFormat::Json => json(&ValidationJson::new(v)),
        OutputFormat::Csv => {
            let d = ValidationJson::new(v);
            csv_string(
                &["file", "line", "column", "path", "message", "hint"],
                d.problems.iter().map(|p| {
                    vec![
                        p.file.to_owned(),
                        p.line.map_or(String::new(), |l| l.to_string()),
                        p.column.map_or(String::new(), |c| c.to_string()),
                        p.path.unwrap_or_default().to_owned(),
                        p.message.to_owned(),
                        p.hint.unwrap_or_default().to_owned(),
                    ]
                }),
            )
        }
        OutputFormat::Table => {
            let mut out = String::new();
            for i in &v.inputs {
                let what = match i.kind {
                    InputKind::Graph => String::new(),
                    InputKind::Scenario => "scenario ".to_owned(),
                    InputKind::Options => "option ".to_owned(),
                };
                let state = if i.is_valid() { "valid" } else { "invalid" };
                let counts: Vec<String> =
                    i.counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
                out.push_str(&format!(
                    "{what}{}: {state}{}\n",
                    super::terminal_safe(&i.file),
                    if counts.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", counts.join(", "))
                    }
                ));
            }
            out
        }
    }
}
