//! The command line as a shell sees it: completions, the manual page, colour, quiet, the table
//! width, standard input in another format, and the exit code of a question with no answer.

use crate::common::{fails, fixture, json, leverage};

fn stdout_of(args: &[&str]) -> String {
    let out = leverage().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "leverage {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

// See: #11. Completions come from the command line's own definition, so they know every
// subcommand and its options.
#[test]
fn completions_know_the_subcommands_and_their_options() {
    let bash = stdout_of(&["completions", "bash"]);
    for word in ["suggest", "assign", "centrality", "--max-hops", "--samples"] {
        assert!(bash.contains(word), "bash completions lack {word}");
    }
    let fish = stdout_of(&["completions", "fish"]);
    assert!(fish.contains("complete -c leverage"), "{fish}");
    assert!(fish.contains("max-hops"));
    let zsh = stdout_of(&["completions", "zsh"]);
    assert!(zsh.starts_with("#compdef leverage"), "{}", &zsh[..40]);
    let err = fails(&["completions", "tcsh"], 2);
    assert!(err.contains("possible values"), "{err}");
}

// See: #11
#[test]
fn man_page_documents_every_command() {
    let man = stdout_of(&["man"]);
    assert!(
        man.starts_with(".ie") || man.starts_with(".TH"),
        "{}",
        &man[..60]
    );
    assert!(man.contains(".TH leverage"), "no title header");
    for section in ["LEVERAGE SUGGEST", "LEVERAGE ASSIGN", "LEVERAGE EXPORT"] {
        assert!(man.contains(section), "man page lacks {section}");
    }
    assert!(
        man.contains("max\\-hops"),
        "options are rendered (roff escapes `-`)"
    );
}

fn stderr_with(args: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = leverage();
    cmd.env_remove("NO_COLOR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).output().expect("runs");
    assert!(!out.status.success());
    String::from_utf8(out.stderr).expect("UTF-8")
}

// See: #11. Colour only where asked: `always` colours even a pipe, `never` and `NO_COLOR`
// never do, and `auto` in a pipe does not.
#[test]
fn colour_follows_the_flag_and_no_color() {
    let bad = ["suggest", "--from", "Grmany"];
    let with = |flag: &'static str| [&["--color", flag][..], &bad[..]].concat();
    assert!(stderr_with(&with("always"), &[]).contains("\x1b["));
    assert!(!stderr_with(&with("never"), &[]).contains('\x1b'));
    assert!(!stderr_with(&with("auto"), &[]).contains('\x1b'));
    assert!(!stderr_with(&bad, &[("NO_COLOR", "1")]).contains('\x1b'));
    // clap's own errors follow the flag too.
    let usage = stderr_with(&["--color", "always", "suggest", "--no-such"], &[]);
    assert!(usage.contains("\x1b["), "{usage}");
    // Colour never reaches the data.
    let out = leverage()
        .args(["--color", "always", "info", "--format", "json"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&out.stdout).contains('\x1b'));
}

// See: #11
#[test]
fn quiet_drops_warnings_but_not_errors() {
    let run = |quiet: bool| {
        let mut args = vec!["centrality", "--measure", "all", "--max-iter", "1"];
        if quiet {
            args.insert(0, "-q");
        }
        let out = leverage().args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stderr).unwrap()
    };
    let loud = run(false);
    assert!(
        loud.contains("warning:"),
        "one iteration cannot converge: {loud}"
    );
    assert_eq!(run(true), "");
    let err = fails(&["-q", "suggest", "--from", "Grmany"], 2);
    assert!(err.contains("error:"), "{err}");
}

// See: #11. Tables fit the width they are given; JSON is never cut.
#[test]
fn tables_fit_the_width() {
    for width in [70usize, 80, 100] {
        let out = leverage()
            .env("COLUMNS", width.to_string())
            .args(["suggest", "--top", "10"])
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8(out.stdout).unwrap();
        let rows = text
            .lines()
            .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
            .count();
        assert!(rows >= 10, "a table is printed at {width}: {text}");
        for line in text.lines() {
            let cols = unicode_width::UnicodeWidthStr::width(line);
            assert!(cols <= width, "{cols} > {width} columns: {line:?}");
        }
    }
    let wide = stdout_of(&["suggest", "--top", "10"]);
    assert!(
        wide.lines()
            .any(|l| unicode_width::UnicodeWidthStr::width(l) > 70),
        "without COLUMNS in a pipe nothing is cut"
    );
    let v = {
        let out = leverage()
            .env("COLUMNS", "20")
            .args(["suggest", "--format", "json"])
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    assert_eq!(v, json(&["suggest", "--format", "json"]));
}

// See: #11. `--graph -` reads any format named by `--input-format`, with the same answer as
// the file; the flag is refused with a file, whose extension decides.
#[test]
fn standard_input_in_another_format() {
    let dir = tempfile::tempdir().unwrap();
    let five = fixture("five.json");
    let five = five.to_str().unwrap();
    let gml = dir.path().join("five.graphml");
    let gml_s = gml.to_str().unwrap();
    leverage()
        .args(["--graph", five, "export", "-o", gml_s])
        .assert()
        .success();
    let question = [
        "suggest", "--from", "AUT", "--target", "RUS", "--format", "json",
    ];
    let from_file = json(&[&["--graph", gml_s][..], &question[..]].concat());
    let out = leverage()
        .args(
            [
                &["--graph", "-", "--input-format", "graphml"][..],
                &question[..],
            ]
            .concat(),
        )
        .pipe_stdin(&gml)
        .unwrap()
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let from_stdin: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(!from_file["partners"].as_array().unwrap().is_empty());
    assert_eq!(from_stdin["partners"], from_file["partners"]);
    // GraphML on stdin without the flag is read as JSON, and refused as such with a hint.
    let out = leverage()
        .args([&["--graph", "-"][..], &question[..]].concat())
        .pipe_stdin(&gml)
        .unwrap()
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = fails(&["--graph", five, "--input-format", "gexf", "info"], 2);
    assert!(err.contains("`--input-format`"), "{err}");
}

// See: #11. A question with no answer prints its (empty) table, then fails with exit 1 and says
// how to widen it; `--format json` still prints the document.
#[test]
fn no_answer_exits_one_with_a_hint() {
    let five = fixture("five.json");
    let five = five.to_str().unwrap();
    let out = leverage()
        .args([
            "--graph", five, "suggest", "--from", "RUS", "--target", "AUT", "--format", "json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON still printed");
    assert_eq!(v["partners"].as_array().unwrap().len(), 0);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("no partner has a positive score"), "{err}");
    assert!(err.contains("hint:"), "{err}");
}

// See: #11. `-` is standard input or output for every file argument: `--svg -` prints the map
// in place of the table, `--scenario -` reads the scenario from standard input, and standard
// input feeds one input only.
#[test]
fn dash_is_a_stream_for_every_file_argument() {
    let svg = stdout_of(&["suggest", "--svg", "-"]);
    assert!(svg.starts_with("<?xml"), "{}", &svg[..40.min(svg.len())]);
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(
        !svg.contains("Partners to approach"),
        "the table is not mixed in"
    );
    let err = fails(&["suggest", "--svg", "-", "--format", "json"], 2);
    assert!(err.contains("`--format` cannot apply"), "{err}");

    let scenario =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/scenarios/eu-india-fta.json");
    let from_file = json(&[
        "compare",
        "--scenario",
        scenario.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let out = leverage()
        .args(["compare", "--scenario", "-", "--format", "json"])
        .pipe_stdin(&scenario)
        .unwrap()
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let from_stdin: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(from_stdin["changes"], from_file["changes"]);
    assert!(!from_file["changes"].as_array().unwrap().is_empty());

    let err = fails(&["--graph", "-", "--scenario", "-", "info"], 2);
    assert!(err.contains("one input only"), "{err}");
    let err = fails(&["--scenario", "-", "--scenario", "-", "info"], 2);
    assert!(err.contains("one input only"), "{err}");
}

// See: #11. `-v` says what was read and selected; `-q -v` is refused; the hint after "no
// result" names the options that narrowed the question.
#[test]
fn verbose_tells_what_was_read_and_selected() {
    let out = leverage()
        .args([
            "-v",
            "--year",
            "2022",
            "--basis",
            "official,published,derived",
            "info",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("note: read <bundled"), "{err}");
    assert!(err.contains("--year 2022:"), "{err}");
    assert!(err.contains("--basis official,published,derived:"), "{err}");
    let quiet = leverage()
        .args(["--year", "2022", "info"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&quiet.stderr),
        "",
        "without -v, nothing on stderr"
    );
    let err = fails(&["-q", "-v", "info"], 2);
    assert!(err.contains("cannot be used with"), "{err}");
    let err = fails(&["--basis", "official,published", "suggest"], 1);
    assert!(err.contains("drop `--basis`"), "{err}");
    assert!(err.contains("`--max-hops 3`"), "{err}");
}

// See: #11. A long centrality run shows a spinner on a terminal's stderr after a second, and
// `-q` silences it. `script` (util-linux) gives the run a terminal.
#[test]
fn a_long_run_shows_progress_on_a_terminal() {
    let have_script = std::process::Command::new("sh")
        .args(["-c", "command -v script"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have_script {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "CI must have `script` (util-linux)"
        );
        eprintln!("SKIPPED a_long_run_shows_progress_on_a_terminal: no `script` (util-linux)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g.json");
    let out = leverage()
        .args(["generate", "--actors", "2000", "--ties", "16000", "-o"])
        .arg(&g)
        .output()
        .unwrap();
    assert!(out.status.success());
    let bin = env!("CARGO_BIN_EXE_leverage");
    let run = |quiet: &str| {
        let out = dir.path().join("out.txt");
        let cmd = format!(
            "{bin} {quiet} --graph {} centrality --measure closeness > {}",
            g.display(),
            out.display()
        );
        let o = std::process::Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        assert!(std::fs::read_to_string(&out).unwrap().contains("closeness"));
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let shown = run("");
    assert!(shown.contains("computing closeness"), "{shown:?}");
    let quiet = run("-q");
    assert!(!quiet.contains("computing"), "{quiet:?}");
}

// See: #11. `--actors-table -` reads the actors table from standard input (the ties table is a
// file), and a CSV graph on standard input takes its actors table from `--actors-table FILE`
// (it was silently ignored); both on standard input is refused.
#[test]
fn actors_table_from_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let ties = dir.path().join("t.csv");
    let actors = dir.path().join("a.csv");
    std::fs::write(&ties, "from,to,trade\nAAA,BBB,0.3\n").unwrap();
    let table = "id,name\nAAA,Alpha land\nBBB,Beta land\n";
    std::fs::write(&actors, table).unwrap();
    let names = |args: &[&str], stdin: &str| {
        let out = leverage()
            .args(args)
            .args(["--format", "json", "actors"])
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].as_str().unwrap().to_owned())
            .collect::<Vec<_>>()
    };
    let t = ties.to_str().unwrap();
    let a = actors.to_str().unwrap();
    assert_eq!(
        names(&["--graph", t, "--actors-table", "-"], table),
        ["Alpha land", "Beta land"]
    );
    let ties_text = std::fs::read_to_string(&ties).unwrap();
    assert_eq!(
        names(
            &["--graph", "-", "--input-format", "csv", "--actors-table", a],
            &ties_text
        ),
        ["Alpha land", "Beta land"]
    );
    let out = leverage()
        .args([
            "--graph",
            "-",
            "--input-format",
            "csv",
            "--actors-table",
            "-",
            "info",
        ])
        .write_stdin(ties_text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("one input only"));
}
