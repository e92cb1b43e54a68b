//! Reading graphs (native JSON, and the importers) and writing files safely.

pub mod atomic;
pub mod embedded;
pub mod json;
pub mod location;
pub mod validate;

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
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
    /// A file; the format follows the extension (`.json`, else JSON).
    File(PathBuf),
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
    match source {
        GraphSource::Bundled => json::parse(embedded::BUNDLED_JSON, &source.display_name()),
        GraphSource::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(MAX_INPUT_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| Error::Read {
                    path: PathBuf::from("<stdin>"),
                    source: e,
                })?;
            let name = source.display_name();
            let text = decode(&bytes, &name)?;
            json::parse(text, &name)
        }
        GraphSource::File(path) => {
            let name = source.display_name();
            let bytes = read_limited(path)?;
            let text = decode(&bytes, &name)?;
            json::parse(text, &name)
        }
    }
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
    if meta.is_file() {
        check_size(meta.len(), &path.display().to_string())?;
    }
    let mut bytes = Vec::new();
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
