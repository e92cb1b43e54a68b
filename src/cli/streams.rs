//! The standard streams, hostile ones included: a closed descriptor, a full disk (`/dev/full`) or
//! a broken pipe never panics, and data that cannot reach standard output is never reported as
//! written.
//!
//! | stream | closed (`>&-`)                         | full or failing (`/dev/full`) | broken pipe |
//! |--------|----------------------------------------|-------------------------------|-------------|
//! | stdout | exit 1, "standard output is closed"    | exit 1, the I/O error         | exit 0      |
//! | stderr | message dropped, exit code unchanged   | the same                      | the same    |

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::Context as _;

/// Whether standard output was closed when the program started.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Checks at start whether standard output was closed (`leverage suggest >&-`), so that
/// printing to it fails instead of vanishing.
///
/// Rust's runtime opens `/dev/null` for reading and writing on any of the descriptors 0, 1 and 2
/// that is closed when the program starts (so that no file opened later takes its number), and
/// then every write to it succeeds. What is left to see is that runtime's mark: standard output
/// is the `/dev/null` device, open for reading *and* writing. A shell's `>/dev/null` opens it
/// for writing only and is not taken for closed; Python's `subprocess.DEVNULL`, which opens it
/// read-write, is (README, "Exit codes").
pub fn guard() {
    #[cfg(unix)]
    STDOUT_CLOSED.store(reopened_dev_null(), Ordering::Relaxed);
}

/// Whether standard output is `/dev/null` opened read-write (see [`guard`]).
#[cfg(unix)]
fn reopened_dev_null() -> bool {
    use rustix::fs::OFlags;
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let out = std::io::stdout();
    let Ok(mode) = rustix::fs::fcntl_getfl(&out) else {
        return false;
    };
    if mode & OFlags::RWMODE != OFlags::RDWR {
        return false;
    }
    let ours = std::os::fd::AsFd::as_fd(&out)
        .try_clone_to_owned()
        .map(std::fs::File::from)
        .and_then(|f| f.metadata());
    let (Ok(ours), Ok(null)) = (ours, std::fs::metadata("/dev/null")) else {
        return false;
    };
    let device = |m: &std::fs::Metadata| m.file_type().is_char_device().then(|| m.rdev());
    device(&ours).is_some() && device(&ours) == device(&null)
}

/// The error of a write to a standard output that was closed at start.
#[derive(Debug, thiserror::Error)]
#[error("standard output is closed")]
pub struct StdoutClosed;

impl StdoutClosed {
    /// The fix.
    pub const HINT: &'static str = "give the command an open standard output: `>/dev/null` \
        discards it (from Python, `stdout=open(os.devnull, \"w\")`: `subprocess.DEVNULL` opens \
        `/dev/null` read-write, which is what a closed standard output becomes)";
}

/// Writes `bytes` to standard output and flushes it.
///
/// # Errors
/// The I/O error, with context; a closed standard output is an error, a broken pipe is one that
/// [`super::is_broken_pipe`] recognises.
pub fn print_bytes(bytes: &[u8]) -> anyhow::Result<()> {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return Err(StdoutClosed).context("writing to standard output");
    }
    let mut out = std::io::stdout().lock();
    out.write_all(bytes).context("writing to standard output")?;
    out.flush().context("writing to standard output")?;
    Ok(())
}

/// Writes a line to standard error, dropping it if standard error cannot take it (there is no
/// one left to tell).
pub fn eprint_line(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{text}");
    let _ = err.flush();
}

/// What clap has to say (help, version, or a usage error), printed where clap prints it; returns
/// the exit code: clap's own (0 for help and version, 2 for a usage error), or 1 if help or
/// version could not be written to standard output (a broken pipe still exits 0).
pub fn clap_exit(e: &clap::Error) -> u8 {
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    if e.use_stderr() {
        let _ = e.print();
        return code;
    }
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        eprint_line(&format!(
            "error: writing to standard output: {StdoutClosed}\n\nhint: {}",
            StdoutClosed::HINT
        ));
        return 1;
    }
    match e.print() {
        Ok(()) => code,
        Err(io) if io.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(io) => {
            eprint_line(&format!("error: writing to standard output: {io}"));
            1
        }
    }
}
