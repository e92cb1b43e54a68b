//! Interrupted writes leave nothing behind (issue #16): Ctrl-C (SIGINT) or SIGTERM while a large
//! output is being written removes the temporary file, and the program exits with 128 + the
//! signal's number (130, 143).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder is readable")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .to_string()
        })
        .collect();
    v.sort();
    v
}

/// Runs `leverage ARGS` in `dir`, sends `signal` as soon as a temporary file appears there, and
/// returns the exit code.
fn interrupt_while_writing(dir: &Path, args: &[&str], signal: &str) -> Option<i32> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_leverage"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("leverage starts");
    let start = Instant::now();
    loop {
        if names(dir).iter().any(|n| n.starts_with(".leverage-")) {
            break;
        }
        if let Some(status) = child.try_wait().expect("wait") {
            panic!("leverage {args:?} ended ({status}) before a temp file was seen");
        }
        if start.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("no temp file appeared within two minutes");
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let sent = Command::new("sh")
        .args(["-c", &format!("kill -{signal} {}", child.id())])
        .status()
        .expect("sh runs kill");
    assert!(sent.success(), "kill -{signal} failed");
    child.wait().expect("leverage ends").code()
}

// See: #16
#[test]
fn sigint_during_generate_leaves_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let code = interrupt_while_writing(
        dir.path(),
        &[
            "generate", "--actors", "20000", "--ties", "200000", "-o", "big.json",
        ],
        "INT",
    );
    assert_eq!(code, Some(130), "exit status after SIGINT");
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
}

// See: #16
#[test]
fn sigterm_during_a_two_file_csv_export_leaves_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = tempfile::tempdir().expect("temp dir");
    let graph = input.path().join("g.json");
    let made = Command::new(env!("CARGO_BIN_EXE_leverage"))
        .args(["generate", "--actors", "20000", "--ties", "200000", "-o"])
        .arg(&graph)
        .status()
        .expect("generate runs");
    assert!(made.success());
    let g = graph.to_str().expect("UTF-8 temp path");
    let code = interrupt_while_writing(
        dir.path(),
        &["--graph", g, "export", "--format", "csv", "-o", "w.csv"],
        "TERM",
    );
    assert_eq!(code, Some(143), "exit status after SIGTERM");
    assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
}
