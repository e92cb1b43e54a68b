//! Files are safe (issue #6): outputs are written atomically, never over an input (however the
//! path is spelled), a failed run leaves no file behind, and standard input works.

use std::path::Path;

use crate::common::{fails, fixture, leverage};

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    v.sort();
    v
}

// See: #6
#[test]
fn export_never_overwrites_an_input_however_spelled() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("g.json");
    std::fs::copy(fixture("five.json"), &input).unwrap();
    let scenario = dir.path().join("s.json");
    std::fs::write(
        &scenario,
        r#"{"scenario": 1, "title": "t", "edits": [{"op": "scale", "from": "DEU", "to": "TUR", "channel": "trade", "factor": 2}]}"#,
    )
    .unwrap();
    let before = std::fs::read(&input).unwrap();
    let scenario_before = std::fs::read(&scenario).unwrap();
    let symlink = dir.path().join("link.json");
    std::os::unix::fs::symlink(&input, &symlink).unwrap();
    let hardlink = dir.path().join("hard.json");
    std::fs::hard_link(&input, &hardlink).unwrap();
    let dotted = dir.path().join(".").join("g.json");
    let g = input.to_str().unwrap();
    for out in [&symlink, &hardlink, &dotted] {
        let err = fails(
            &[
                "--graph",
                g,
                "export",
                "--format",
                "json",
                "-o",
                out.to_str().unwrap(),
            ],
            2,
        );
        assert!(err.contains("is the input graph"), "{err}");
    }
    let err = fails(
        &[
            "--graph",
            g,
            "--scenario",
            scenario.to_str().unwrap(),
            "export",
            "--format",
            "json",
            "-o",
            scenario.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("is a scenario file"), "{err}");
    assert_eq!(std::fs::read(&input).unwrap(), before);
    assert_eq!(std::fs::read(&scenario).unwrap(), scenario_before);
    assert_eq!(
        names(dir.path()),
        ["g.json", "hard.json", "link.json", "s.json"]
    );
}

// See: #6
#[test]
fn generate_never_overwrites_the_input_graph() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("g.json");
    std::fs::copy(fixture("five.json"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let g = input.to_str().unwrap();
    let err = fails(
        &[
            "--graph", g, "generate", "--actors", "10", "--ties", "20", "-o", g,
        ],
        2,
    );
    assert!(err.contains("is the input graph"), "{err}");
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

// See: #6
#[test]
fn a_failed_export_leaves_no_file_and_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let g = fixture("five.json");
    let g = g.to_str().unwrap();

    // The output's parent is a file: the write fails, nothing is created.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "x").unwrap();
    let out = blocker.join("out.graphml");
    let err = fails(&["--graph", g, "export", "-o", out.to_str().unwrap()], 1);
    assert!(err.contains("out.graphml"), "{err}");
    assert!(err.contains("hint: "), "{err}");
    assert_eq!(names(dir.path()), ["not-a-folder"]);

    // A missing folder: the same.
    let out = dir.path().join("missing").join("out.dot");
    fails(&["--graph", g, "export", "-o", out.to_str().unwrap()], 1);
    assert_eq!(names(dir.path()), ["not-a-folder"]);

    // An existing output survives a run that fails (here on a broken input graph), untouched.
    let keep = dir.path().join("keep.json");
    std::fs::write(&keep, "old contents").unwrap();
    let broken = dir.path().join("broken.json");
    std::fs::write(&broken, "{\"version\": 1,").unwrap();
    fails(
        &[
            "--graph",
            broken.to_str().unwrap(),
            "export",
            "-o",
            keep.to_str().unwrap(),
        ],
        1,
    );
    assert_eq!(std::fs::read_to_string(&keep).unwrap(), "old contents");
    assert_eq!(
        names(dir.path()),
        ["broken.json", "keep.json", "not-a-folder"]
    );
}

// See: #6
#[test]
fn a_read_only_folder_leaves_no_temp_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    if std::fs::write(ro.join("probe"), "x").is_ok() {
        // Running as root: permissions are not enforced, so there is nothing to test here.
        std::fs::remove_file(ro.join("probe")).unwrap();
        return;
    }
    let out = ro.join("out.json");
    let g = fixture("five.json");
    fails(
        &[
            "--graph",
            g.to_str().unwrap(),
            "export",
            "-o",
            out.to_str().unwrap(),
        ],
        1,
    );
    assert!(names(&ro).is_empty());
}

// See: #6
#[test]
fn stdin_works_for_validate_and_every_reader() {
    // A BOM and CRLF line ends on standard input are accepted, as in files.
    let text = std::fs::read_to_string(fixture("five.json")).unwrap();
    let crlf = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    let out = leverage()
        .args(["validate", "-"])
        .write_stdin(crlf.clone())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "<stdin>: valid (5 actors, 5 ties, 1 groups)\n"
    );
    let out = leverage()
        .args(["--graph", "-", "export", "--format", "json"])
        .write_stdin(crlf)
        .output()
        .unwrap();
    assert!(out.status.success());
    let exported = String::from_utf8(out.stdout).unwrap();
    let again = leverage()
        .args(["--graph", "-", "export", "--format", "json"])
        .write_stdin(exported.clone())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(again.stdout).unwrap(), exported);

    // An error on standard input is placed in `<stdin>`, with line and column.
    let err = fails(&["validate", "-"], 1);
    assert!(
        err.starts_with("error: <stdin>: the file is empty"),
        "{err}"
    );
}

// See: #16
#[test]
fn a_two_file_csv_write_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("w.nodes.csv")).unwrap();
    let out = dir.path().join("w.csv");
    let g = fixture("five.json");
    let err = fails(
        &[
            "--graph",
            g.to_str().unwrap(),
            "export",
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
        ],
        1,
    );
    assert!(err.contains("w.nodes.csv"), "{err}");
    assert_eq!(names(dir.path()), ["w.nodes.csv"]);
    let err = fails(
        &[
            "generate",
            "--actors",
            "10",
            "--ties",
            "20",
            "--format",
            "csv",
            "-o",
            out.to_str().unwrap(),
        ],
        1,
    );
    assert!(err.contains("w.nodes.csv"), "{err}");
    assert_eq!(names(dir.path()), ["w.nodes.csv"]);
}

// See: #16
#[test]
fn a_fifo_is_written_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    let (tx, rx) = std::sync::mpsc::channel();
    let reader_path = fifo.clone();
    std::thread::spawn(move || {
        let text = std::fs::read_to_string(&reader_path);
        let _ = tx.send(text);
    });
    let g = fixture("five.json");
    let out = leverage()
        .args([
            "--graph",
            g.to_str().unwrap(),
            "export",
            "--format",
            "json",
            "-o",
            fifo.to_str().unwrap(),
        ])
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = rx
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("the reader got the export through the FIFO")
        .unwrap();
    assert!(text.contains("\"Five actors\""), "{text}");
    use std::os::unix::fs::FileTypeExt;
    assert!(std::fs::symlink_metadata(&fifo)
        .unwrap()
        .file_type()
        .is_fifo());
    assert_eq!(names(dir.path()), ["pipe.json"]);
}

// See: #16
#[test]
fn dev_null_stays_a_device() {
    use std::os::unix::fs::FileTypeExt;
    // Through a link to it: a program that replaced its output would replace the link, not
    // `/dev/null` itself (which, run as root, it would otherwise destroy).
    let dir = tempfile::tempdir().unwrap();
    let null = dir.path().join("null");
    std::os::unix::fs::symlink("/dev/null", &null).unwrap();
    let g = fixture("five.json");
    for format in ["json", "graphml", "csv"] {
        leverage()
            .args([
                "--graph",
                g.to_str().unwrap(),
                "export",
                "--format",
                format,
                "-o",
                null.to_str().unwrap(),
            ])
            .assert()
            .success();
        assert!(std::fs::symlink_metadata(&null)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device());
    }
    // The csv export's other files, `null.nodes.csv` and `null.graph.json`, are ordinary files
    // beside it.
    assert_eq!(
        names(dir.path()),
        ["null", "null.graph.json", "null.nodes.csv"]
    );
}

// See: #16
#[test]
fn a_symlinked_output_replaces_its_target_and_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/out.graphml");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("out.graphml");
    std::os::unix::fs::symlink("real/out.graphml", &link).unwrap();
    let g = fixture("five.json");
    leverage()
        .args([
            "--graph",
            g.to_str().unwrap(),
            "export",
            "-o",
            link.to_str().unwrap(),
        ])
        .assert()
        .success();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(&target)
        .unwrap()
        .contains("<graphml"));
    assert_eq!(names(dir.path()), ["out.graphml", "real"]);
    assert_eq!(names(&dir.path().join("real")), ["out.graphml"]);
}

// See: #16
#[test]
fn dev_stdout_as_output_writes_into_the_pipe() {
    // `/dev/stdout` is a link to `/proc/self/fd/1`, itself a link to `pipe:[...]`, no path: made
    // here as a link of our own, so that a program that replaced its output would replace this
    // link rather than `/dev/stdout`.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("stdout.json");
    std::os::unix::fs::symlink("/proc/self/fd/1", &out).unwrap();
    let g = fixture("five.json");
    let run = leverage()
        .args([
            "--graph",
            g.to_str().unwrap(),
            "export",
            "--format",
            "json",
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(String::from_utf8_lossy(&run.stdout).contains("\"Five actors\""));
    assert_eq!(names(dir.path()), ["stdout.json"]);
    assert!(std::fs::symlink_metadata(&out)
        .unwrap()
        .file_type()
        .is_symlink());
}
