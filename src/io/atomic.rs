//! Writing files atomically: a temporary file in the same folder, then a rename, so that a failed
//! or interrupted run never leaves a half-written file and readers never see one.
//!
//! - **Several files** ([`Batch`]): every temporary file is written first, then all are renamed;
//!   if any step fails, everything the batch wrote is removed.
//! - **Interruptions**: every temporary file is listed in a process-wide registry while it exists;
//!   [`remove_unfinished`] removes them all, so that a signal handler (the binary's, see
//!   `src/cli/signals.rs`) can stop the program without leaving `.leverage-XXXX.tmp` files behind.
//! - **Special files**: a FIFO or a character device (`/dev/null`, `/dev/stdout`, a terminal) is
//!   written in place, as a shell's `>` would: no temporary file, no rename, and the special file
//!   is never replaced by a regular one.
//! - **Symbolic links** are followed: the file written is the link's final target (a temporary
//!   file beside the target, then a rename onto it), and the link stays a link.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::error::{Error, Result};

/// The temporary files that exist now, and whether the process is stopping.
struct Registry {
    /// Set by [`remove_unfinished`]: no new temporary file is made and none is renamed.
    stopping: bool,
    /// The next id to hand out.
    next: u64,
    /// Each temporary file's id and path.
    files: Vec<(u64, PathBuf)>,
}

static UNFINISHED: Mutex<Registry> = Mutex::new(Registry {
    stopping: false,
    next: 0,
    files: Vec::new(),
});

/// What to run once before the first temporary file is made ([`before_first_temp_file`]).
static BEFORE_FIRST: std::sync::OnceLock<fn()> = std::sync::OnceLock::new();

/// Sets `hook` to run once, before the process makes its first temporary file: the binary
/// installs its signal handler there, so that a run that writes no file starts no handler
/// thread. A second call is ignored.
pub fn before_first_temp_file(hook: fn()) {
    let _ = BEFORE_FIRST.set(hook);
}

/// Runs the hook of [`before_first_temp_file`], the first time only.
fn first_temp_file() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    if let Some(hook) = BEFORE_FIRST.get() {
        ONCE.call_once(*hook);
    }
}

/// The registry, even if a thread panicked while holding it (its data stays consistent: every
/// change is a single push, retain or flag).
fn registry() -> MutexGuard<'static, Registry> {
    UNFINISHED.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Removes every temporary file of an unfinished write and makes later writes fail, so that the
/// caller can end the process leaving no temporary file behind. Meant for a signal handler
/// thread (not an async-signal handler: it takes a lock); writes in progress on other threads
/// then fail instead of renaming their files into place.
pub fn remove_unfinished() {
    let mut reg = registry();
    reg.stopping = true;
    for (_, path) in reg.files.drain(..) {
        // Nothing more can be done about a file that cannot be removed while stopping.
        let _ = std::fs::remove_file(path);
    }
}

/// The error of a write refused because the process is stopping.
fn stopping_error() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::Interrupted,
        "interrupted: the program is stopping",
    )
}

/// Writes `bytes` to `path` atomically (temp file in the same folder, flushed, then renamed over
/// `path`). On error the temp file is removed and `path` is untouched.
///
/// The file gets the permissions an ordinary write would give it: those of the file it replaces,
/// or (on Unix) `0o666` less the user's umask for a new file, not the private `0o600` of a
/// temporary file.
///
/// # Errors
/// [`Error::Write`] if the folder is missing or not writable, `path` is a folder, or the rename
/// fails.
pub fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    write_with(path, |w| w.write_all(bytes))
}

/// Like [`write()`], but the content is produced by `fill` writing into the temp file, so that a
/// large output is streamed to disk rather than built in memory first.
///
/// # Errors
/// [`Error::Write`] if `fill` or any file operation fails.
pub fn write_with(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    let mut batch = Batch::new();
    batch.add(path, fill)?;
    batch.commit()
}

/// Several files written all or none: [`Batch::add`] writes each to its temporary file,
/// [`Batch::commit`] renames them all into place. Dropping a batch without committing it (an
/// error, a panic) removes its temporary files.
///
/// ```
/// # fn main() -> leverage::Result<()> {
/// let dir = tempfile::tempdir().expect("a temp folder"); // ok: doc example
/// let mut batch = leverage::io::atomic::Batch::new();
/// batch.add(&dir.path().join("w.csv"), |w| w.write_all(b"from,to\n"))?;
/// batch.add(&dir.path().join("w.nodes.csv"), |w| w.write_all(b"id\n"))?;
/// batch.commit()?;
/// assert!(dir.path().join("w.nodes.csv").is_file());
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Default)]
pub struct Batch {
    staged: Vec<Staged>,
}

/// One temporary file waiting for its rename, registered in [`UNFINISHED`].
#[derive(Debug)]
struct Staged {
    id: u64,
    tmp: Option<tempfile::NamedTempFile>,
    /// The file the temp file becomes (a symbolic link's final target).
    target: PathBuf,
    /// The path as the caller gave it, for messages.
    given: PathBuf,
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Remove the file first, then forget it: a signal in between removes nothing twice.
        drop(self.tmp.take());
        registry().files.retain(|(id, _)| *id != self.id);
    }
}

impl Batch {
    /// An empty batch.
    pub fn new() -> Self {
        Batch::default()
    }

    /// Writes the content `fill` produces for `path`: to a temporary file beside it, renamed on
    /// [`Batch::commit`]; or, if `path` is a FIFO or a character device, straight into it, now.
    ///
    /// # Errors
    /// [`Error::Write`] if `path` is a folder, the folder is missing or not writable, `fill`
    /// fails, or the process is stopping ([`remove_unfinished`]). The batch stays usable only
    /// to be dropped.
    pub fn add(
        &mut self,
        path: &Path,
        fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        let err = |e| Error::Write {
            path: path.to_owned(),
            source: e,
        };
        // What the path names, as the kernel resolves it: this also sees through links that are
        // no paths, such as `/dev/stdout` -> `/proc/self/fd/1` -> `pipe:[...]`.
        if let Ok(m) = std::fs::metadata(path) {
            if m.is_dir() {
                return Err(err(std::io::Error::new(
                    std::io::ErrorKind::IsADirectory,
                    "it is a folder",
                )));
            }
            if is_special(&m) {
                return write_in_place(path, fill).map_err(err);
            }
        }
        let target = follow_links(path).map_err(err)?;
        let existing = std::fs::metadata(&target).ok();
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".leverage-").suffix(".tmp");
        match &existing {
            Some(m) if m.is_file() => {
                builder.permissions(m.permissions());
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
        // Before the file exists, so that a signal that comes after it finds the handler.
        first_temp_file();
        let staged = {
            // Made and registered under the lock, so that a signal cannot slip in between.
            let mut reg = registry();
            if reg.stopping {
                return Err(err(stopping_error()));
            }
            let tmp = builder.tempfile_in(dir).map_err(err)?;
            let id = reg.next;
            reg.next += 1;
            reg.files.push((id, tmp.path().to_owned()));
            Staged {
                id,
                tmp: Some(tmp),
                target,
                given: path.to_owned(),
            }
        };
        // Pushed before filling, so that a failure below removes the file with the batch.
        self.staged.push(staged);
        let file = self
            .staged
            .last_mut()
            .and_then(|s| s.tmp.as_mut())
            .expect("the staged file was just pushed with its temp file"); // ok: pushed on the line above
        {
            let mut buf = std::io::BufWriter::new(file.as_file_mut());
            fill(&mut buf).map_err(err)?;
            buf.flush().map_err(err)?;
        }
        file.as_file().sync_all().map_err(err)?;
        Ok(())
    }

    /// Renames every temporary file into place. If a rename fails, the files this batch already
    /// renamed are removed (the files they replaced are not restored) and the rest are dropped,
    /// so that no partial set of outputs is left.
    ///
    /// # Errors
    /// [`Error::Write`] naming the file whose rename failed, or any file if the process is
    /// stopping.
    pub fn commit(mut self) -> Result<()> {
        // Under the lock: a signal either comes before (nothing is renamed) or after (all are).
        let reg = registry();
        if reg.stopping {
            let given = self.staged.first().map(|s| s.given.clone());
            drop(reg);
            return match given {
                Some(path) => Err(Error::Write {
                    path,
                    source: stopping_error(),
                }),
                None => Ok(()),
            };
        }
        let mut renamed: Vec<PathBuf> = Vec::new();
        let mut failure = None;
        for s in &mut self.staged {
            let Some(tmp) = s.tmp.take() else { continue };
            match tmp.persist(&s.target) {
                Ok(_) => renamed.push(s.target.clone()),
                Err(e) => {
                    // Put it back, so that dropping the batch removes it.
                    s.tmp = Some(e.file);
                    failure = Some(Error::Write {
                        path: s.given.clone(),
                        source: e.error,
                    });
                    break;
                }
            }
        }
        if failure.is_some() {
            for p in &renamed {
                let _ = std::fs::remove_file(p);
            }
        }
        drop(reg);
        // Forget the renamed ones (their temp paths are gone); drop removes any left.
        self.staged.clear();
        failure.map_or(Ok(()), Err)
    }
}

/// Whether a file is written in place: a FIFO or a character device.
fn is_special(m: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = m.file_type();
        t.is_fifo() || t.is_char_device()
    }
    #[cfg(not(unix))]
    {
        let _ = m;
        false
    }
}

/// Writes into an existing special file, without truncating or replacing it.
fn write_in_place(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let file = std::fs::OpenOptions::new().write(true).open(path)?;
    let mut buf = std::io::BufWriter::new(file);
    fill(&mut buf)?;
    buf.flush()
}

/// The file a path finally names, following symbolic links (each relative to its link's
/// folder), at most 40 of them as the kernel does; a path that is no link is itself.
fn follow_links(path: &Path) -> std::io::Result<PathBuf> {
    let mut p = path.to_owned();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p)?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(std::io::Error::other(
        "too many levels of symbolic links (more than 40)",
    ))
}

#[cfg(test)]
#[path = "tests/atomic_tests.rs"]
mod tests;
