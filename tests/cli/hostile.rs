//! Hostile streams and hostile text (issue #16): a full disk, a closed descriptor or a broken
//! pipe never panics, and names, titles and sources holding terminal escapes are shown, not
//! obeyed.

use std::path::Path;
use std::process::Command;

use crate::common::fixture;

/// Runs `script` under bash with `$L` set to the `leverage` binary; returns (exit code of the
/// last command, stderr).
fn bash(script: &str) -> (Option<i32>, String) {
    let out = Command::new("bash")
        .args(["-c", script])
        .env("L", env!("CARGO_BIN_EXE_leverage"))
        .env("NO_COLOR", "1")
        .output()
        .expect("bash runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

// See: #16
#[test]
fn a_full_or_failing_stderr_never_panics() {
    for (script, code) in [
        (r#""$L" --version 2>/dev/full"#, 0),
        (r#""$L" --graph missing.json info 2>/dev/full"#, 1),
        (r#""$L" --no-such-option 2>/dev/full"#, 2),
        (r#""$L" info >/dev/full 2>/dev/full"#, 1),
        (r#""$L" --graph missing.json info 2>&-"#, 1),
    ] {
        let (got, err) = bash(script);
        assert_eq!(got, Some(code), "{script}: {err}");
        assert!(!err.contains("panicked"), "{script}: {err}");
    }
}

// See: #16
#[test]
fn stdout_that_cannot_take_the_data_is_a_failure() {
    for script in [
        r#""$L" info >/dev/full"#,
        r#""$L" --version >/dev/full"#,
        r#""$L" suggest >&-"#,
        r#""$L" --help >&-"#,
    ] {
        let (got, err) = bash(script);
        assert_eq!(got, Some(1), "{script}: {err}");
        assert!(
            err.starts_with("error: writing to standard output: "),
            "{script}: {err}"
        );
    }
    let (_, err) = bash(r#""$L" suggest >&-"#);
    assert!(err.contains("standard output is closed"), "{err}");
    assert!(err.contains("hint: "), "{err}");
    // `>/dev/null` is an open standard output that discards the data: a success.
    assert_eq!(bash(r#""$L" suggest >/dev/null"#).0, Some(0));
}

// See: #16
#[test]
fn a_broken_pipe_is_a_success() {
    for script in [
        r#""$L" export --format json | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}"#,
        r#""$L" info | head -1 >/dev/null; exit ${PIPESTATUS[0]}"#,
        r#""$L" --help | head -1 >/dev/null; exit ${PIPESTATUS[0]}"#,
    ] {
        let (got, err) = bash(script);
        assert_eq!(got, Some(0), "{script}: {err}");
        assert!(err.is_empty(), "{script}: {err}");
    }
}

/// The five-actor fixture with an actor name, the title and every source holding a screen
/// clear, a title-setting OSC, NUL and a C1 CSI.
fn evil_graph(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let mut g: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("five.json")).unwrap()).unwrap();
    g["meta"]["title"] = "Five \u{1b}[2J\u{0}actors".into();
    for a in g["actors"].as_array_mut().unwrap() {
        if a["id"] == "TUR" {
            a["name"] = "Tur\u{1b}[2Jkey\u{0}\u{9b}31m".into();
        }
    }
    for t in g["ties"].as_array_mut().unwrap() {
        for (_, c) in t["channels"].as_object_mut().unwrap() {
            c["source"] = "example \u{1b}]0;pwned\u{7} figure\u{0}".into();
        }
    }
    let graph = dir.join("evil.json");
    std::fs::write(&graph, serde_json::to_string(&g).unwrap()).unwrap();
    let scenario = dir.join("evil-scenario.json");
    std::fs::write(
        &scenario,
        serde_json::json!({"scenario": 1, "title": "Evil \u{1b}[2J\r\nscenario", "edits": [
            {"op": "scale", "from": "DEU", "to": "TUR", "channel": "trade", "factor": 2}]})
        .to_string(),
    )
    .unwrap();
    (graph, scenario)
}

/// Whether `bytes` hold a control character other than a line feed: C0 (ESC, NUL, CR...), DEL,
/// or C1 (U+0080 to U+009F).
fn has_controls(bytes: &[u8]) -> bool {
    String::from_utf8_lossy(bytes)
        .chars()
        .any(|c| c.is_control() && c != '\n')
}

// See: #16
#[test]
fn tables_and_errors_show_escapes_instead_of_obeying_them() {
    let dir = tempfile::tempdir().unwrap();
    let (graph, scenario) = evil_graph(dir.path());
    let g = graph.to_str().unwrap();
    let s = scenario.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["info"],
        vec!["suggest"],
        vec!["suggest", "--samples", "20", "--seed", "1"],
        vec!["assign"],
        vec!["centrality"],
        vec!["centrality", "--measure", "all"],
        vec!["roles"],
        vec!["compare", "--scenario", s],
        vec!["paths", "--from", "DEU", "--to", "RUS"],
        vec!["validate", g],
    ];
    for args in &commands {
        let out = crate::common::leverage()
            .args(["--graph", g])
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}");
        assert!(
            !has_controls(&out.stdout),
            "{args:?}: {:?}",
            String::from_utf8_lossy(&out.stdout)
        );
        assert!(!has_controls(&out.stderr), "{args:?}");
    }
    // What the escapes look like, where they come from.
    let info = crate::common::leverage()
        .args(["--graph", g, "info"])
        .output()
        .unwrap();
    let info = String::from_utf8(info.stdout).unwrap();
    assert!(info.starts_with(r"Five \u{1b}[2J\0actors"), "{info}");
    assert!(
        info.contains(r"example \u{1b}]0;pwned\u{7} figure\0"),
        "{info}"
    );
    let suggest = crate::common::leverage()
        .args(["--graph", g, "suggest"])
        .output()
        .unwrap();
    let suggest = String::from_utf8(suggest.stdout).unwrap();
    assert!(
        suggest.contains(r"TUR Tur\u{1b}[2Jkey\0\u{9b}31m"),
        "{suggest}"
    );

    // Error messages: an unknown name from the command line, and a name from a file.
    let out = crate::common::leverage()
        .args([
            "--graph",
            g,
            "paths",
            "--from",
            "X\u{1b}[2J\r",
            "--to",
            "RUS",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!has_controls(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains(r"`X\u{1b}[2J\r`"));
    let mut bad: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&graph).unwrap()).unwrap();
    bad["ties"][0]["to"] = "\u{1b}[31mRED\n".into();
    let bad_path = dir.path().join("bad.json");
    std::fs::write(&bad_path, serde_json::to_string_pretty(&bad).unwrap()).unwrap();
    let out = crate::common::leverage()
        .args(["validate", bad_path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!has_controls(&out.stderr), "{err}");
    assert!(err.contains(r"\u{1b}[31mRED\n"), "{err}");
}

// See: #16
#[test]
fn machine_formats_keep_the_exact_text() {
    let dir = tempfile::tempdir().unwrap();
    let (graph, _) = evil_graph(dir.path());
    let g = graph.to_str().unwrap();
    let v = crate::common::json(&["--graph", g, "--format", "json", "suggest"]);
    let names: Vec<&str> = v["partners"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["name"].as_str())
        .collect();
    assert!(
        names.contains(&"Tur\u{1b}[2Jkey\u{0}\u{9b}31m"),
        "{names:?}"
    );
    let v = crate::common::json(&["--graph", g, "--format", "json", "info"]);
    assert_eq!(v["title"], "Five \u{1b}[2J\u{0}actors");
    let exported = crate::common::json(&["--graph", g, "export", "--format", "json"]);
    assert_eq!(exported["meta"]["title"], "Five \u{1b}[2J\u{0}actors");
}

/// Whether `text` holds a negative zero written as a number: `-0`, `-0.0`, `-0e0`...
fn has_negative_zero(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        let before_ok = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if !before_ok || b[i] != b'-' || b.get(i + 1) != Some(&b'0') {
            return false;
        }
        // `-0` followed by zeros after a point, an exponent, or the end of the number.
        let mut j = i + 2;
        if b.get(j) == Some(&b'.') {
            j += 1;
            while b.get(j) == Some(&b'0') {
                j += 1;
            }
        }
        !b.get(j).is_some_and(u8::is_ascii_digit)
    })
}

// See: #16
#[test]
fn no_output_writes_a_negative_zero() {
    assert!(has_negative_zero("\"hubs\": -0.0,") && has_negative_zero("x,-0\n"));
    assert!(!has_negative_zero("-0.05 -0.001 n-0 -10"));
    // HITS hub scores of actors without out-ties were `-0.0` on the bundled graph.
    for args in [
        vec!["--format", "json", "centrality", "--measure", "all"],
        vec!["--format", "json", "centrality", "--measure", "hubs"],
        vec!["--format", "csv", "centrality", "--measure", "all"],
        vec!["centrality", "--measure", "all"],
        vec!["centrality", "--measure", "hubs"],
    ] {
        let out = crate::common::leverage().args(&args).output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!has_negative_zero(&text), "{args:?}:\n{text}");
    }
    let dir = tempfile::tempdir().unwrap();
    for ext in ["nodelink.json", "cy.json", "graphml", "gexf", "csv"] {
        let out = dir.path().join(format!("g.{ext}"));
        crate::common::leverage()
            .args([
                "export",
                "--with",
                "centrality",
                "-o",
                out.to_str().unwrap(),
            ])
            .assert()
            .success();
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(!has_negative_zero(&text), "{ext}");
    }
}
