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

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

/// Whether the registry lists a temp file in `dir`.
fn registered_in(dir: &Path) -> bool {
    registry().files.iter().any(|(_, p)| p.starts_with(dir))
}

// See: #16
#[test]
fn a_batch_writes_all_or_none() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("w.csv"), dir.path().join("w.nodes.csv"));
    let mut batch = Batch::new();
    batch.add(&a, |w| w.write_all(b"a")).unwrap();
    // Written but not in place yet, and registered for removal on a signal.
    assert_eq!(names(dir.path()).len(), 1);
    assert!(names(dir.path())[0].starts_with(".leverage-"));
    assert!(registered_in(dir.path()));
    batch.add(&b, |w| w.write_all(b"b")).unwrap();
    batch.commit().unwrap();
    assert_eq!(names(dir.path()), ["w.csv", "w.nodes.csv"]);
    assert!(!registered_in(dir.path()));

    // A second file that fails to fill: the first is removed too, the old files stay.
    let mut batch = Batch::new();
    batch.add(&a, |w| w.write_all(b"new a")).unwrap();
    let r = batch.add(&b, |_| Err(std::io::Error::other("boom")));
    assert!(matches!(r, Err(Error::Write { .. })));
    drop(batch);
    assert_eq!(names(dir.path()), ["w.csv", "w.nodes.csv"]);
    assert_eq!(std::fs::read(&a).unwrap(), b"a");
    assert!(!registered_in(dir.path()));
}

// See: #16
#[test]
fn a_folder_in_the_way_fails_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("w.nodes.csv")).unwrap();
    let mut batch = Batch::new();
    batch
        .add(&dir.path().join("w.csv"), |w| w.write_all(b"a"))
        .unwrap();
    let r = batch.add(&dir.path().join("w.nodes.csv"), |w| w.write_all(b"b"));
    assert!(matches!(r, Err(Error::Write { .. })), "{r:?}");
    drop(batch);
    assert_eq!(names(dir.path()), ["w.nodes.csv"]);
}

// See: #16
#[test]
fn a_failed_rename_removes_the_files_already_renamed() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("w.csv"), dir.path().join("w.nodes.csv"));
    let mut batch = Batch::new();
    batch.add(&a, |w| w.write_all(b"a")).unwrap();
    batch.add(&b, |w| w.write_all(b"b")).unwrap();
    // A folder appears where the second file goes, after it was written: its rename fails.
    std::fs::create_dir(&b).unwrap();
    std::fs::write(b.join("inside"), "x").unwrap();
    let r = batch.commit();
    assert!(
        matches!(r, Err(Error::Write { ref path, .. }) if *path == b),
        "{r:?}"
    );
    assert_eq!(names(dir.path()), ["w.nodes.csv"]);
    assert!(!registered_in(dir.path()));
}

// See: #16
#[cfg(unix)]
#[test]
fn special_files_are_written_in_place_and_links_followed() {
    use std::os::unix::fs::FileTypeExt;
    // `/dev/null` stays a character device. Written through a link to it: if the write replaced
    // its output, it would replace the link, not `/dev/null` itself (which it would, as root).
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    std::os::unix::fs::symlink("/dev/null", &null).unwrap();
    write(&null, b"gone").unwrap();
    assert!(std::fs::symlink_metadata(&null)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());
    std::fs::remove_file(&null).unwrap();

    // A symbolic link: the target is replaced, the link stays a link.
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let target = sub.join("real.json");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("sub/real.json", &link).unwrap();
    write(&link, b"new").unwrap();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read(&target).unwrap(), b"new");
    assert_eq!(names(dir.path()), ["link.json", "sub"]);
    assert_eq!(names(&sub), ["real.json"]);
    // A dangling link: its target is created.
    let dangling = dir.path().join("dangling.json");
    std::os::unix::fs::symlink("sub/later.json", &dangling).unwrap();
    write(&dangling, b"made").unwrap();
    assert_eq!(std::fs::read(sub.join("later.json")).unwrap(), b"made");
    // A loop is an error, not a hang.
    let (x, y) = (dir.path().join("x"), dir.path().join("y"));
    std::os::unix::fs::symlink(&y, &x).unwrap();
    std::os::unix::fs::symlink(&x, &y).unwrap();
    assert!(matches!(write(&x, b"z"), Err(Error::Write { .. })));
}
