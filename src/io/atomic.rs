//! Writing files atomically: a temporary file in the same folder, then a rename, so that a failed
//! run never leaves a half-written file and readers never see one.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` atomically (temp file in the same folder, flushed, then renamed over
/// `path`). On error the temp file is removed and `path` is untouched.
///
/// The file gets the permissions an ordinary write would give it: those of the file it replaces,
/// or (on Unix) `0o666` less the user's umask for a new file, not the private `0o600` of a
/// temporary file.
///
/// # Errors
/// [`Error::Write`] if the folder is missing or not writable, or the rename fails.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, |w| w.write_all(bytes))
}

/// Like [`write()`], but the content is produced by `fill` writing into the temp file.
///
/// # Errors
/// [`Error::Write`] if `fill` or any file operation fails.
pub fn write_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let err = |e| Error::Write {
        path: path.to_owned(),
        source: e,
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".leverage-").suffix(".tmp");
    match std::fs::metadata(path) {
        Ok(existing) if existing.is_file() => {
            builder.permissions(existing.permissions());
        }
        _ => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                // Masked by the umask when the file is created, as `File::create` is.
                builder.permissions(std::fs::Permissions::from_mode(0o666));
            }
        }
    }
    let mut tmp = builder.tempfile_in(dir).map_err(err)?;
    {
        let mut buf = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut buf).map_err(err)?;
        buf.flush().map_err(err)?;
    }
    tmp.as_file().sync_all().map_err(err)?;
    tmp.persist(path).map_err(|e| err(e.error))?;
    Ok(())
}

#[cfg(test)]
#[path = "tests/atomic_tests.rs"]
mod tests;
