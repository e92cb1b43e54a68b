//! Unit tests of `src/io/atomic.rs`.

use super::*;

#[test]
fn writes_and_replaces() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("out.txt");
    write(&p, b"one").unwrap();
    write(&p, b"two").unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), b"two");
    // only the file itself is left, no temp files
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn failed_fill_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("out.txt");
    write(&p, b"keep").unwrap();
    let r = write_with(&p, |_| Err(std::io::Error::other("boom")));
    assert!(r.is_err());
    assert_eq!(std::fs::read(&p).unwrap(), b"keep");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn missing_folder_is_an_error() {
    let r = write(Path::new("/nonexistent-folder-xyz/out.txt"), b"x");
    assert!(matches!(r, Err(Error::Write { .. })));
}

#[cfg(unix)]
#[test]
fn permissions_are_those_of_an_ordinary_write() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    // A new file: what `File::create` gives (0o666 less the umask), not a temp file's 0o600.
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, b"x").unwrap();
    let ours = dir.path().join("ours.txt");
    write(&ours, b"x").unwrap();
    assert_eq!(mode(&ours), mode(&plain));
    // A replaced file keeps its mode.
    std::fs::set_permissions(&ours, std::fs::Permissions::from_mode(0o640)).unwrap();
    write(&ours, b"y").unwrap();
    assert_eq!(mode(&ours), 0o640);
    assert_eq!(std::fs::read(&ours).unwrap(), b"y");
}
