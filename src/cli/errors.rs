//! The command line's error policy: how a library error reads on the command line (field names
//! become the flags that set them), the fix to print after it, and the exit code. The library
//! reports typed errors naming fields and values; this is the one place that words them for a
//! terminal user.

use leverage::error::{Mention, OptionField, Problem};
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
        Ok(e) => reword(e).into(),
        Err(other) => other,
    }
}

/// The library error `err` as the command line words it: parameter fields and the options a
/// message mentions ([`Mention`]) become the flags that set them.
pub fn reword(err: Error) -> Error {
    match err {
        Error::InvalidParameter {
            name,
            value,
            expected,
        } => Error::InvalidParameter {
            name: if name.starts_with('-') {
                name
            } else {
                flag_of(&name)
            },
            value,
            expected,
        },
        Error::UnknownName {
            context,
            name,
            suggestions,
        } => {
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
        }
        Error::Invalid { problems } => Error::Invalid {
            problems: problems
                .into_iter()
                .map(|p| {
                    let message = with_flags(&p.message, &p.mentions);
                    let hint = p.hint.as_deref().map(|h| with_flags(h, &p.mentions));
                    Problem::new(p.at, message, hint)
                })
                .collect(),
        },
        Error::Options { message, mentions } => Error::Options {
            message: with_flags(&message, &mentions),
            mentions: Vec::new(),
        },
        other => other,
    }
}

/// The flag that sets a library option.
pub fn flag_of_option(field: OptionField) -> &'static str {
    match field {
        OptionField::WeightAttr => "--weight-attr",
        OptionField::ActorsTable => "--actors-table",
        OptionField::BaciCodes => "--baci-codes",
        OptionField::FbicComponents => "--fbic-components",
    }
}

/// `text` with each mention's library words (`` `LoadOptions::weight_attr` = `x` ``) replaced
/// by the flag's (`` `--weight-attr x` ``); mentions with a value first, as their words begin
/// with those of the bare option.
fn with_flags(text: &str, mentions: &[Mention]) -> String {
    let mut ordered: Vec<&Mention> = mentions.iter().collect();
    ordered.sort_by_key(|m| m.value.is_none());
    let mut out = text.to_owned();
    for m in ordered {
        let flag = flag_of_option(m.field);
        let words = match &m.value {
            Some(v) => format!("`{flag} {v}`"),
            None => format!("`{flag}`"),
        };
        out = out.replace(&m.to_string(), &words);
    }
    out
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
            | Error::Usage(_)
            | Error::Options { .. },
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

    // See: #12
    #[test]
    fn mentioned_options_become_flags() {
        let given = OptionField::WeightAttr.set_to("x");
        let bare = OptionField::WeightAttr.mention();
        let e = Error::invalid_naming(
            leverage::io::location::Location::file("g.csv"),
            format!("{given}: no such column"),
            Some(format!("name another, or drop {bare}")),
            [given, bare],
        );
        assert_eq!(
            e.to_string(),
            "g.csv: `LoadOptions::weight_attr` = `x`: no such column\n  hint: name another, or drop `LoadOptions::weight_attr`"
        );
        assert_eq!(
            reword(e).to_string(),
            "g.csv: `--weight-attr x`: no such column\n  hint: name another, or drop `--weight-attr`"
        );
        let codes = OptionField::BaciCodes.mention();
        let e = Error::Options {
            message: format!("add {codes}"),
            mentions: vec![codes],
        };
        let e = to_cli(e.into());
        assert_eq!(e.to_string(), "add `--baci-codes`");
        assert_eq!(exit_code(&e), 2);
    }
}
