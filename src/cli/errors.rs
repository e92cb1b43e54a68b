//! The command line's error policy: how a library error reads on the command line (field names
//! become the flags that set them), the fix to print after it, and the exit code. The library
//! reports typed errors naming fields and values; this is the one place that words them for a
//! terminal user.

use leverage::Error;

/// The command-line flag that sets a library parameter field (`max_hops` -> `--max-hops`).
pub fn flag_of(field: &str) -> String {
    match field {
        "sources" => "--from".into(),
        "k" => "-k".into(),
        "channel emphasis" | "emphasis" => "--channels".into(),
        other => format!("--{}", other.replace('_', "-")),
    }
}

/// `err` with the library's field names turned into the flags that set them.
pub fn to_cli(err: anyhow::Error) -> anyhow::Error {
    match err.downcast::<Error>() {
        Ok(Error::InvalidParameter {
            name,
            value,
            expected,
        }) => Error::InvalidParameter {
            name: if name.starts_with('-') {
                name
            } else {
                flag_of(&name)
            },
            value,
            expected,
        }
        .into(),
        Ok(Error::UnknownName {
            context,
            name,
            suggestions,
        }) => {
            // `sources: ` from the library reads `--from: ` here.
            let context = match context.strip_suffix(": ") {
                Some(field) if !field.starts_with('-') && !field.is_empty() => {
                    format!("{}: ", flag_of(field))
                }
                _ => context,
            };
            Error::UnknownName {
                context,
                name,
                suggestions,
            }
            .into()
        }
        Ok(other) => other.into(),
        Err(other) => other,
    }
}

/// An analysis that found nothing: its output is printed, stderr says why, and the exit code is 1
/// (README, "Exit codes"). Paths report the same case as [`Error::NoPath`], also exit 1.
#[derive(Debug, thiserror::Error)]
#[error("{why}")]
pub struct NoResult {
    /// Why nothing was found.
    pub why: String,
    /// How to widen the question, from the options the user gave.
    pub hint: String,
}

/// A [`NoResult`] error.
pub fn no_result(why: String, hint: String) -> anyhow::Error {
    NoResult { why, hint }.into()
}

/// The fix to print after the error, if there is one beyond the problems' own hints.
pub fn hint(err: &anyhow::Error) -> Option<String> {
    if err.chain().any(|e| e.is::<super::streams::StdoutClosed>()) {
        return Some(super::streams::StdoutClosed::HINT.to_owned());
    }
    if let Some(n) = err.chain().find_map(|e| e.downcast_ref::<NoResult>()) {
        return Some(n.hint.clone());
    }
    let e = err.chain().find_map(|e| e.downcast_ref::<Error>())?;
    if let Error::UnknownName { name, .. } = e {
        let prefix = leverage::analysis::bloc_groups::BLOC_PREFIX;
        if name.to_ascii_lowercase().starts_with(prefix) {
            return Some(format!(
                "blocs are groups only with the global option `--with-blocs` (the blocs of \
                 `leverage blocs` at its defaults, numbered `{prefix}1` largest first); \
                 `leverage blocs` lists them"
            ));
        }
    }
    match e {
        Error::Read { .. } => Some(
            "check the path and that the file is readable (`--graph -` reads a graph from \
             standard input)"
                .into(),
        ),
        Error::Write { .. } => {
            Some("check that the folder exists and is writable, or use `-o -` for stdout".into())
        }
        Error::UnknownName { .. } => Some(
            "ids are ISO 3166-1 alpha-3 codes (`DEU`), names (`germany`) or group ids \
             (`signatories`), in any case, or aliases (`UK`, `DE`, `Türkiye`); `leverage actors` lists them"
                .into(),
        ),
        Error::AmbiguousName { .. } => Some(
            "name the actor or group by its exact id (`leverage actors` lists them)".into(),
        ),
        Error::DidNotConverge { .. } => Some(
            "raise `--max-iter` or loosen `--tolerance`; for Katz, lower `--alpha` below \
             1/lambda_max"
                .into(),
        ),
        Error::NoPath { .. } => {
            Some("raise `--max-hops`, drop actors from `--avoid`, or check the ties".into())
        }
        Error::EmptyGraph(_) => Some("add actors and ties to the graph file".into()),
        _ => None,
    }
}

/// The process exit code for `err`: 2 for bad usage (names and parameters given on the command
/// line), 1 for bad data, a failed analysis or any other error.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    match err.chain().find_map(|e| e.downcast_ref::<Error>()) {
        Some(
            Error::UnknownName { .. }
            | Error::AmbiguousName { .. }
            | Error::InvalidParameter { .. }
            | Error::Usage(_),
        ) => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_become_flags() {
        assert_eq!(flag_of("max_hops"), "--max-hops");
        assert_eq!(flag_of("sources"), "--from");
        assert_eq!(flag_of("k"), "-k");
        let e = to_cli(
            Error::InvalidParameter {
                name: "top_k".into(),
                value: "0".into(),
                expected: "it must be at least 1".into(),
            }
            .into(),
        );
        assert_eq!(e.to_string(), "--top-k is `0`, but it must be at least 1");
        assert_eq!(exit_code(&e), 2);
        let e = to_cli(
            Error::UnknownName {
                context: "sources: ".into(),
                name: "x".into(),
                suggestions: Vec::new(),
            }
            .into(),
        );
        assert!(e.to_string().starts_with("--from: unknown"), "{e}");
    }
}
