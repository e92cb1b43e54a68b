//! Bad input and bad usage: clear messages, the right exit codes, never a panic.

use crate::common::{fails, fixture};

#[test]
fn unknown_names_are_usage_errors_with_suggestions() {
    let err = fails(&["suggest", "--target", "Rusia"], 2);
    assert!(err.contains("unknown actor or group `Rusia`"), "{err}");
    assert!(err.contains("did you mean"), "{err}");
    let err = fails(&["paths", "--from", "AUTT", "--to", "RUS"], 2);
    assert!(err.contains("`AUT`"), "{err}");
    let err = fails(&["suggest", "--from", "signatorie"], 2);
    assert!(err.contains("`signatories`"), "{err}");
}

#[test]
fn clap_usage_errors_exit_2() {
    fails(&["suggest", "--top", "many"], 2);
    fails(&["centrality", "--measure", "fame"], 2);
    fails(&["--distance", "far", "suggest"], 2);
    fails(&["--channels", "trade=2", "suggest"], 2);
    fails(&["nonsense"], 2);
}

#[test]
fn missing_and_broken_files_exit_1() {
    let err = fails(&["--graph", "/nonexistent/graph.json", "suggest"], 1);
    assert!(
        err.contains("cannot read `/nonexistent/graph.json`"),
        "{err}"
    );
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("trunc.json");
    std::fs::write(&p, "{\"version\": 1, \"meta\": {").unwrap();
    let err = fails(&["--graph", p.to_str().unwrap(), "suggest"], 1);
    assert!(err.contains("trunc.json:1:"), "{err}");
    let p = dir.path().join("latin1.json");
    std::fs::write(&p, b"{\"version\": 1, \"meta\": {\"title\": \"Caf\xe9\"").unwrap();
    let err = fails(&["--graph", p.to_str().unwrap(), "suggest"], 1);
    assert!(
        err.contains("not valid UTF-8") && err.contains("latin1.json:1:"),
        "{err}"
    );
}

#[test]
fn no_path_is_an_analysis_failure() {
    let g = fixture("five.json");
    let err = fails(
        &[
            "--graph",
            g.to_str().unwrap(),
            "paths",
            "--from",
            "RUS",
            "--to",
            "AUT",
        ],
        1,
    );
    assert!(
        err.contains("no leverage path from `RUS` to `AUT`"),
        "{err}"
    );
}

#[test]
fn wrong_format_for_command_is_usage() {
    let err = fails(&["--format", "graphml", "suggest"], 2);
    assert!(err.contains("export"), "{err}");
}

#[test]
fn a_group_where_one_actor_is_needed() {
    let err = fails(&["paths", "--from", "signatories", "--to", "RUS"], 2);
    assert!(
        err.contains("`signatories` is a group and one actor is needed here"),
        "{err}"
    );
    assert!(err.contains("AUT"), "{err}");
}

// See: #12. The library names its options by field (`LoadOptions::weight_attr`); on the
// command line each message names the flag that sets the option, one case per option.
#[test]
fn library_options_read_as_their_flags() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = |p: &str| root.join(p).to_str().unwrap().to_owned();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("g.json").to_str().unwrap().to_owned();
    let strength = path("tests/catalogue/graphml/strength-not-weight.graphml");
    let cases: Vec<(Vec<&str>, i32, &str)> = vec![
        // Weight attribute, in a problem's hint and in its message.
        (
            vec!["--graph", &strength, "info"],
            1,
            "`--weight-attr strength`",
        ),
        (
            vec!["--graph", &strength, "--weight-attr", "strenght", "info"],
            1,
            "`--weight-attr strenght`: the file has no edge attribute",
        ),
        // Weight attribute, as options that do not fit the graph.
        (
            vec!["--weight-attr", "strength", "info"],
            2,
            "`--weight-attr` applies to CSV, GraphML and GEXF graphs only",
        ),
    ];
    let graphml = path("tests/catalogue/graphml/ok-valid.graphml");
    let baci = path("tests/fixtures/datasets/baci/BACI_HS92_Y2021_V202301-head500.csv");
    let fbic = path("tests/catalogue/datasets/fbic-out-of-range.csv");
    let more: Vec<(Vec<&str>, i32, &str)> = vec![
        (
            vec!["--graph", &graphml, "--actors-table", "a.csv", "info"],
            2,
            "`--actors-table` applies to CSV graphs only",
        ),
        (
            vec!["build", "--baci", &baci, "-o", &out],
            2,
            "add `--baci-codes country_codes_V<release>.csv`",
        ),
        (
            vec![
                "build",
                "--fbic",
                &fbic,
                "--fbic-components",
                "fbic",
                "-o",
                &out,
            ],
            1,
            "with `--fbic-components`",
        ),
    ];
    for (args, code, words) in cases.into_iter().chain(more) {
        let err = fails(&args, code);
        assert!(err.contains(words), "{args:?}: {err}");
        assert!(
            !err.contains("LoadOptions::")
                && !err.contains("Sources::")
                && !err.contains("FbicParams::"),
            "{args:?}: the library's field names leak: {err}"
        );
    }
    // `validate --format json` lists the problem with the flag, too.
    let listed = crate::common::leverage()
        .args(["--format", "json", "validate", &strength])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&listed.stdout);
    assert!(stdout.contains("`--weight-attr strength`"), "{stdout}");
}
