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
