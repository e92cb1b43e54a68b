//! Reading graphs (native JSON, and the importers) and writing files safely.

pub mod atomic;
mod attributed;
pub mod check;
pub mod csv;
pub mod embedded;
pub mod gexf;
pub mod graphml;
pub mod json;
pub mod json_text;
pub mod location;
pub mod places;
pub mod safe_ids;
pub(crate) mod tape;
pub mod validate;
mod xml;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, OptionField, Result};
use crate::model::InfluenceGraph;
use location::{line_column, Location};

/// Largest input file read, in bytes (256 MiB). Bigger inputs are refused before reading, so a
/// huge or endless file gives a clear error rather than an out-of-memory kill.
pub const MAX_INPUT_BYTES: u64 = 256 * 1024 * 1024;

/// Where a graph comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GraphSource {
    /// The graph bundled in the binary (`graphs/eu-outreach-2025.json`).
    Bundled,
    /// Standard input (`--graph -`), native JSON.
    Stdin,
    /// A file; the format follows the extension ([`InputFormat::of`]).
    File(PathBuf),
}

/// The formats `--graph` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    /// The native format (`docs/FORMAT.md`).
    Json,
    /// GraphML as leverage, NetworkX, igraph, Gephi or yEd write it.
    Graphml,
    /// GEXF (1.1 to 1.3) as leverage, Gephi or NetworkX write it.
    Gexf,
    /// A CSV ties table, with an optional actors table.
    Csv,
}

impl InputFormat {
    /// The format of a file by its extension: `.graphml` and `.xml` are GraphML, `.gexf` is
    /// GEXF, `.csv` is CSV, anything else native JSON.
    pub fn of(path: &Path) -> InputFormat {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("graphml" | "xml") => InputFormat::Graphml,
            Some("gexf") => InputFormat::Gexf,
            Some("csv") => InputFormat::Csv,
            _ => InputFormat::Json,
        }
    }
}

/// Options for reading GraphML, GEXF and CSV graphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadOptions {
    /// The edge attribute (GraphML key, GEXF attribute title) or column (CSV) holding the tie
    /// strength; default `weight`.
    pub weight_attr: Option<String>,
    /// The actors table of a CSV graph; default: the `.nodes.csv` sibling, if present. (The
    /// graph file, `NAME.graph.json`, is read when present beside the ties table.)
    pub actors: Option<PathBuf>,
    /// The format of a graph read from standard input (default: native JSON); a file's format
    /// follows its extension.
    pub stdin_format: Option<InputFormat>,
}

impl GraphSource {
    /// The name used in error messages.
    pub fn display_name(&self) -> String {
        match self {
            GraphSource::Bundled => format!("<bundled {}>", embedded::BUNDLED_NAME),
            GraphSource::Stdin => "<stdin>".to_owned(),
            GraphSource::File(p) => p.display().to_string(),
        }
    }

    /// The file's path, if the source is a file.
    pub fn path(&self) -> Option<&Path> {
        match self {
            GraphSource::File(p) => Some(p),
            _ => None,
        }
    }
}

/// Loads and validates a graph.
///
/// # Errors
/// [`Error::Read`] if the file cannot be read; [`Error::Invalid`] for a file too large, not
/// UTF-8, malformed, or breaking a rule of the format.
pub fn load(source: &GraphSource) -> Result<InfluenceGraph> {
    load_with(source, &LoadOptions::default())
}

/// Loads and validates a graph in any [`InputFormat`], with options for GraphML, GEXF and CSV.
///
/// # Errors
/// [`Error::Read`] if a file cannot be read; [`Error::Invalid`] with the place of every problem.
pub fn load_with(source: &GraphSource, options: &LoadOptions) -> Result<InfluenceGraph> {
    refuse_unused_options(source, options)?;
    if let GraphSource::File(path) = source {
        let format = InputFormat::of(path);
        if format != InputFormat::Json {
            let name = source.display_name();
            let bytes = read_limited(path)?;
            let text = decode(&bytes, &name)?;
            let defaults = ImportDefaults::for_file(path, &name);
            return match format {
                InputFormat::Graphml => graphml::parse(text, &defaults, options),
                InputFormat::Gexf => gexf::parse(text, &defaults, options),
                _ => load_csv(path, text, &defaults, options),
            };
        }
    }
    match source {
        GraphSource::Bundled => json::parse_tape(
            embedded::BUNDLED_TAPE,
            embedded::BUNDLED_STRINGS,
            embedded::BUNDLED_JSON,
            &source.display_name(),
        ),
        GraphSource::Stdin => {
            let bytes = read_stdin()?;
            let name = source.display_name();
            let text = decode(&bytes, &name)?;
            let defaults = ImportDefaults {
                file: name.clone(),
                title: "standard input".to_owned(),
                date: "2000-01-01".to_owned(),
            };
            match options.stdin_format.unwrap_or(InputFormat::Json) {
                InputFormat::Json => json::parse(text, &name),
                InputFormat::Graphml => graphml::parse(text, &defaults, options),
                InputFormat::Gexf => gexf::parse(text, &defaults, options),
                InputFormat::Csv => {
                    // The ties table came on standard input; an actors table must be a file.
                    let actors = match options.actors.as_deref() {
                        Some(p) if p == Path::new("-") => {
                            let actors = OptionField::ActorsTable.mention();
                            return Err(Error::Options {
                                message: format!("the graph and {actors} cannot both be read from standard input: give the actors table as a file"),
                                mentions: vec![actors],
                            });
                        }
                        Some(p) => {
                            let name = p.display().to_string();
                            let bytes = read_limited(p)?;
                            Some((decode(&bytes, &name)?.to_owned(), name))
                        }
                        None => None,
                    };
                    let actors = actors.as_ref().map(|(t, n)| (t.as_str(), n.as_str()));
                    csv::parse(text, actors, None, &defaults, options)
                }
            }
        }
        GraphSource::File(path) => {
            let name = source.display_name();
            let bytes = read_limited(path)?;
            let text = decode(&bytes, &name)?;
            json::parse(text, &name)
        }
    }
}

/// Reads a CSV graph: the ties table `text` (of `path`), the actors table (`options.actors`,
/// else the `NAME.nodes.csv` sibling) and the graph file (the `NAME.graph.json` sibling), each if
/// present.
fn load_csv(
    path: &Path,
    text: &str,
    defaults: &ImportDefaults,
    options: &LoadOptions,
) -> Result<InfluenceGraph> {
    let sibling = |p: PathBuf| (p != *path && p.is_file()).then_some(p);
    let read = |p: &Path| -> Result<(String, String)> {
        // An actors table `-`: the actors table on standard input (the ties table is a file).
        if p == Path::new("-") {
            let name = "standard input".to_owned();
            let bytes = read_stdin()?;
            return Ok((decode(&bytes, &name)?.to_owned(), name));
        }
        let name = p.display().to_string();
        let bytes = read_limited(p)?;
        Ok((decode(&bytes, &name)?.to_owned(), name))
    };
    let actors = options
        .actors
        .clone()
        .or_else(|| sibling(crate::exchange::files::nodes_path(path)))
        .map(|p| read(&p))
        .transpose()?;
    let graph = sibling(crate::exchange::files::graph_path(path))
        .map(|p| read(&p))
        .transpose()?;
    fn pair(x: &Option<(String, String)>) -> Option<(&str, &str)> {
        x.as_ref().map(|(t, n)| (t.as_str(), n.as_str()))
    }
    csv::parse(text, pair(&actors), pair(&graph), defaults, options)
}

/// Refuses options that the source's format would ignore: a weight attribute for a native JSON
/// graph (bundled, standard input or a `.json` file), an actors table for anything but CSV.
fn refuse_unused_options(source: &GraphSource, options: &LoadOptions) -> Result<()> {
    let format = match source {
        GraphSource::Stdin => options.stdin_format.unwrap_or(InputFormat::Json),
        _ => source.path().map_or(InputFormat::Json, InputFormat::of),
    };
    let what = match (source, format) {
        (GraphSource::Bundled, _) => "the bundled graph, native JSON".to_owned(),
        (GraphSource::Stdin, InputFormat::Json) => "standard input, read as native JSON".to_owned(),
        (GraphSource::Stdin, InputFormat::Csv) => return Ok(()),
        (GraphSource::Stdin, _) => "standard input".to_owned(),
        (GraphSource::File(p), InputFormat::Json) => format!("`{}`, native JSON", p.display()),
        (GraphSource::File(p), InputFormat::Graphml) => format!("`{}`, GraphML", p.display()),
        (GraphSource::File(p), InputFormat::Gexf) => format!("`{}`, GEXF", p.display()),
        (GraphSource::File(_), InputFormat::Csv) => return Ok(()),
    };
    if options.weight_attr.is_some() && format == InputFormat::Json {
        let named = OptionField::WeightAttr.mention();
        return Err(Error::Options {
            message: format!(
                "{named} applies to CSV, GraphML and GEXF graphs only, and the graph is {what}, whose ties name their channels"
            ),
            mentions: vec![named],
        });
    }
    if options.actors.is_some() {
        let named = OptionField::ActorsTable.mention();
        return Err(Error::Options {
            message: format!(
                "{named} applies to CSV graphs only, and the graph is {what}, which holds its actors"
            ),
            mentions: vec![named],
        });
    }
    Ok(())
}

/// Reads standard input whole, up to [`MAX_INPUT_BYTES`].
///
/// # Errors
/// [`Error::Read`] if standard input cannot be read; [`Error::Invalid`] if it holds more than
/// the limit.
pub fn read_stdin() -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::Read {
            path: PathBuf::from("<stdin>"),
            source: e,
        })?;
    check_size(bytes.len() as u64, "<stdin>")?;
    Ok(bytes)
}

/// Reads a file, refusing it if it is larger than [`MAX_INPUT_BYTES`].
///
/// # Errors
/// [`Error::Read`] or, for a file too large, [`Error::Invalid`].
pub fn read_limited(path: &Path) -> Result<Vec<u8>> {
    let read_err = |e| Error::Read {
        path: path.to_owned(),
        source: e,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    // Refuse a regular file that is too large before reading a byte of it (a sparse 1 GB file
    // costs nothing to create and would otherwise cost 256 MiB to read); `take` below still
    // bounds pipes, devices and files that grow while read.
    let meta = file.metadata().map_err(read_err)?;
    if meta.is_dir() {
        return Err(Error::invalid(
            Location::file(path.display().to_string()),
            "this is a folder, not a file",
            Some("name a graph file inside it, e.g. `graphs/eu-outreach-2025.json`".to_owned()),
        ));
    }
    let mut bytes = Vec::new();
    if meta.is_file() {
        check_size(meta.len(), &path.display().to_string())?;
        // The exact size (and a byte to see the end): reading through `take` would otherwise
        // grow the buffer by doubling, which for an 85 MB file peaked at 2.6 times its size.
        bytes.reserve_exact(usize::try_from(meta.len()).unwrap_or(0).saturating_add(1));
    }
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    check_size(bytes.len() as u64, &path.display().to_string())?;
    Ok(bytes)
}

fn check_size(len: u64, name: &str) -> Result<()> {
    if len > MAX_INPUT_BYTES {
        const MIB: u64 = 1024 * 1024;
        return Err(Error::invalid(
            Location::file(name),
            if len == MAX_INPUT_BYTES + 1 {
                // Read through `take`: the true size is unknown, only that it is too large.
                format!(
                    "the input is larger than the limit of {} MiB",
                    MAX_INPUT_BYTES / MIB
                )
            } else {
                format!(
                    "the input is {} MiB, over the limit of {} MiB",
                    len.div_ceil(MIB),
                    MAX_INPUT_BYTES / MIB
                )
            },
            Some("split the graph, or drop ties below a threshold; the limit guards against runaway inputs (docs/FORMAT.md, \"Limits\")".to_owned()),
        ));
    }
    Ok(())
}

/// Checks that `bytes` are UTF-8 (with the place of the first bad byte) and strips a BOM.
///
/// # Errors
/// [`Error::Invalid`] naming the line and column of the first invalid byte.
pub fn decode<'a>(bytes: &'a [u8], name: &str) -> Result<&'a str> {
    check_size(bytes.len() as u64, name)?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        let prefix = std::str::from_utf8(&bytes[..good]).unwrap_or("");
        let (line, col) = line_column(prefix, prefix.len());
        Error::invalid(
            Location::file(name).at(line, col),
            format!("byte `0x{:02X}` is not valid UTF-8", bytes[good]),
            Some("save the file as UTF-8 (in a spreadsheet: \"CSV UTF-8\")".to_owned()),
        )
    })
}

/// What an imported graph gets where its file says nothing: the file's name, a title, a date and
/// the source text of figures without one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportDefaults {
    /// The file as named in messages.
    pub file: String,
    /// Title: the file's stem.
    pub title: String,
    /// Date, `YYYY-MM-DD`: the file's modification date (UTC), else `2000-01-01`.
    pub date: String,
}

impl ImportDefaults {
    /// The defaults for `path`, named `name` in messages.
    pub fn for_file(path: &Path, name: &str) -> Self {
        let date = std::fs::metadata(path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or_else(|| "2000-01-01".to_owned(), |d| civil_date(d.as_secs()));
        ImportDefaults {
            file: name.to_owned(),
            title: path
                .file_stem()
                .map_or_else(|| name.to_owned(), |s| s.to_string_lossy().into_owned()),
            date,
        }
    }

    /// The source of a figure the file gives none for.
    pub fn source(&self) -> String {
        format!("imported from {}, no source given", self.file)
    }
}

/// The year of a `YYYY-MM-DD` date, else 2000.
pub fn year_of(date: &str) -> i32 {
    date.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2000)
}

/// `YYYY-MM-DD` of a Unix time (UTC), by Howard Hinnant's `civil_from_days`.
fn civil_date(secs: u64) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
#[path = "tests/io_mod_tests.rs"]
mod tests;
