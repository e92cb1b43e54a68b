//! Command results as text for people (tables), JSON for scripts (a documented contract, see
//! `docs/JSON.md`), and CSV for tabular results. One file per result.

pub mod actors;
pub mod assign;
pub mod blocs;
pub mod brief;
pub mod build;
pub mod centrality;
pub mod coalition;
pub mod compare;
pub mod info;
pub mod lifelines;
pub mod paths;
pub mod robustness;
pub mod roles;
pub mod sensitivity;
pub mod suggest;
pub mod table;
pub mod terminal;
pub mod trend;
pub mod trend_svg;
pub mod validate;
pub mod wire;

pub use terminal::terminal_safe;

use serde::Serialize;

/// How a result is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OutputFormat {
    /// An aligned table for people.
    #[default]
    Table,
    /// Pretty JSON, the documented contract.
    Json,
    /// CSV with a header row.
    Csv,
}

/// Serialises any result as pretty JSON with a final newline.
pub fn json<T: Serialize>(value: &T) -> String {
    let mut s = crate::io::json_text::to_string_pretty(value).expect("result structs serialise");
    s.push('\n');
    s
}

fn csv_string(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)
        .expect("writing to memory cannot fail");
    for r in rows {
        w.write_record(&r).expect("writing to memory cannot fail");
    }
    String::from_utf8(w.into_inner().expect("writing to memory cannot fail"))
        .expect("CSV of UTF-8 strings is UTF-8")
}

/// A path as `DEU → TUR → RUS`.
pub fn arrow_path(ids: &[String]) -> String {
    ids.join(" → ")
}

/// A path of ids as `DEU → TUR → RUS`.
pub fn arrow_ids<T: std::fmt::Display>(ids: &[T]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(" → ")
}

/// Ids joined by `>` (a path in CSV).
fn csv_path<T: std::fmt::Display>(ids: &[T]) -> String {
    ids.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(">")
}

/// The first `n` ids, then how many more.
fn abbreviate<T: std::fmt::Display>(ids: &[T], n: usize) -> String {
    let shown: Vec<String> = ids.iter().take(n).map(ToString::to_string).collect();
    if ids.len() <= n {
        shown.join(", ")
    } else {
        format!("{}, ... {} more", shown.join(", "), ids.len() - n)
    }
}
