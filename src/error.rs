//! The library's one error type: every failure says where, what, and how to fix it.

use std::fmt;
use std::path::PathBuf;

use crate::io::location::Location;

/// A `Result` with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// One problem found in an input file, with its place and a fix.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Where the problem is: file, line:column, JSON path.
    pub at: Location,
    /// What is wrong, lowercase, values in backticks.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
    /// The library options that the message and the hint name, each as its [`Mention`]'s
    /// words, so that a front end can name its own control for them instead.
    pub mentions: Vec<Mention>,
}

impl Problem {
    /// A problem at `at` with a message and a hint.
    pub fn new(at: Location, message: impl Into<String>, hint: impl Into<Option<String>>) -> Self {
        Problem {
            at,
            message: message.into(),
            hint: hint.into(),
            mentions: Vec::new(),
        }
    }

    /// The problem, recording that its message or hint names `mentions`.
    #[must_use]
    pub fn mentioning(mut self, mentions: impl IntoIterator<Item = Mention>) -> Self {
        self.mentions.extend(mentions);
        self
    }
}

/// A library option that a message can name: the field that sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OptionField {
    /// [`LoadOptions::weight_attr`](crate::io::LoadOptions::weight_attr): the attribute or
    /// column of the tie strength.
    WeightAttr,
    /// [`LoadOptions::actors`](crate::io::LoadOptions::actors): a CSV graph's actors table.
    ActorsTable,
    /// [`Sources::baci_codes`](crate::datasets::build::Sources::baci_codes): BACI's
    /// country-codes files.
    BaciCodes,
    /// [`FbicParams::components`](crate::datasets::fbic::FbicParams::components): the FBIC
    /// columns read as channels.
    FbicComponents,
}

impl OptionField {
    /// The field, as messages name it (`LoadOptions::weight_attr`).
    pub fn field(self) -> &'static str {
        match self {
            OptionField::WeightAttr => "LoadOptions::weight_attr",
            OptionField::ActorsTable => "LoadOptions::actors",
            OptionField::BaciCodes => "Sources::baci_codes",
            OptionField::FbicComponents => "FbicParams::components",
        }
    }

    /// A mention of the field without a value.
    pub fn mention(self) -> Mention {
        Mention {
            field: self,
            value: None,
        }
    }

    /// A mention of the field set to `value` (given, or suggested).
    pub fn set_to(self, value: impl Into<String>) -> Mention {
        Mention {
            field: self,
            value: Some(value.into()),
        }
    }
}

/// A library option as one message names it, with the value given or suggested. Its words
/// (the `Display`) are `` `LoadOptions::weight_attr` `` or
/// `` `LoadOptions::weight_attr` = `strength` ``; a message holds them verbatim, so that a
/// front end can replace them with its own (`--weight-attr strength`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Mention {
    /// The option.
    pub field: OptionField,
    /// Its value, if the message names one.
    pub value: Option<String>,
}

impl fmt::Display for Mention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}`", self.field.field())?;
        if let Some(v) = &self.value {
            write!(f, " = `{v}`")?;
        }
        Ok(())
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Everything that can go wrong in `leverage`, as data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input file could not be read. The message leaves the I/O error to
    /// [`std::error::Error::source`], so that a chain printer (anyhow's `{:#}`) shows it once.
    #[error("cannot read `{}`", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// An output file could not be written (the I/O error is the `source`, as for `Read`).
    #[error("cannot write `{}`", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// An input file is malformed or breaks a rule of the format; holds every problem found.
    #[error("{}", format_problems(problems))]
    Invalid {
        /// The problems, in file order.
        problems: Vec<Problem>,
    },
    /// A name given on the command line or in a scenario matches no actor or group.
    #[error(
        "{context}unknown actor or group `{name}`{}",
        did_you_mean(suggestions)
    )]
    UnknownName {
        /// Where the name was used, as a field (`sources: `), may be empty.
        context: String,
        /// The name as given.
        name: String,
        /// The closest ids.
        suggestions: Vec<String>,
    },
    /// A name given on the command line or in a scenario could mean several actors or groups.
    #[error("{context}`{name}` is ambiguous: it names {}", candidates.join(" and "))]
    AmbiguousName {
        /// Where the name was used, may be empty.
        context: String,
        /// The name as given.
        name: String,
        /// What it could mean, in words (`actor `DEU` (Germany)`, `group `germany``).
        candidates: Vec<String>,
    },
    /// A parameter given to an analysis is out of its domain.
    #[error("{name} is `{value}`, but {expected}")]
    InvalidParameter {
        /// The parameter, as a field (`top_k`, `alpha`).
        name: String,
        /// The value given.
        value: String,
        /// What is allowed.
        expected: String,
    },
    /// Command-line options that do not fit together.
    #[error("{0}")]
    Usage(String),
    /// Library options that do not fit the input or each other (a weight attribute for a native
    /// JSON graph). The message names them by their [`Mention`]s.
    #[error("{message}")]
    Options {
        /// What is wrong, naming the options by their mentions' words.
        message: String,
        /// The options named.
        mentions: Vec<Mention>,
    },
    /// An iterative measure did not converge.
    #[error("{measure} did not converge in {iterations} iterations (tolerance {tolerance:e})")]
    DidNotConverge {
        /// The measure.
        measure: String,
        /// Iterations run.
        iterations: usize,
        /// Tolerance asked for.
        tolerance: f64,
    },
    /// The graph has no actors, or not the ones an analysis needs.
    #[error("{0}")]
    EmptyGraph(String),
    /// A value given to a graph builder in code breaks a rule of the model.
    #[error(transparent)]
    Model(#[from] crate::model::ModelError),
    /// No path exists where the analysis needs one.
    #[error("no leverage path from `{from}` to `{to}`{detail}")]
    NoPath {
        /// Start.
        from: String,
        /// End.
        to: String,
        /// Extra words on the constraints (hops, avoided actors).
        detail: String,
    },
}

fn did_you_mean(suggestions: &[String]) -> String {
    match suggestions {
        [] => String::new(),
        [one] => format!(" (did you mean `{one}`?)"),
        many => format!(
            " (did you mean {}?)",
            many.iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn format_problems(problems: &[Problem]) -> String {
    let mut out = String::new();
    for (i, p) in problems.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&p.to_string());
        if let Some(h) = &p.hint {
            out.push_str("\n  hint: ");
            out.push_str(h);
        }
    }
    out
}

impl Error {
    /// An [`Error::Invalid`] holding one problem.
    pub fn invalid(
        at: Location,
        message: impl Into<String>,
        hint: impl Into<Option<String>>,
    ) -> Self {
        Error::Invalid {
            problems: vec![Problem::new(at, message, hint)],
        }
    }

    /// An [`Error::Invalid`] holding one problem whose message or hint names `mentions`.
    pub fn invalid_naming(
        at: Location,
        message: impl Into<String>,
        hint: impl Into<Option<String>>,
        mentions: impl IntoIterator<Item = Mention>,
    ) -> Self {
        Error::Invalid {
            problems: vec![Problem::new(at, message, hint).mentioning(mentions)],
        }
    }
}
