//! `leverage compare` and `--scenario`.

use crate::common::{approx, f, fails, fixture, json};

#[test]
fn every_shipped_scenario_applies() {
    for s in [
        "eu-india-fta",
        "eu-mercosur",
        "eu-china-reset",
        "us-tariffs",
    ] {
        let path = format!("{}/graphs/scenarios/{s}.json", env!("CARGO_MANIFEST_DIR"));
        let v = json(&["compare", "--scenario", &path, "--format", "json"]);
        assert!(
            !v["scenarios"][0]["assumptions"]
                .as_array()
                .unwrap()
                .is_empty(),
            "{s}: assumptions written"
        );
        let changes = v["changes"].as_array().unwrap();
        let mut last = f64::INFINITY;
        for c in changes {
            let d = f(c, "score_change").abs();
            assert!(d <= last + 1e-15, "{s}: sorted by size of change");
            last = d;
            assert!(approx(
                f(c, "score_change"),
                f(c, "score_after") - f(c, "score_before"),
                1e-15
            ));
        }
    }
}

#[test]
fn india_agreement_raises_india() {
    let path = format!(
        "{}/graphs/scenarios/eu-india-fta.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let v = json(&["compare", "--scenario", &path, "--format", "json"]);
    let ind = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "IND")
        .unwrap();
    assert!(f(ind, "score_after") > f(ind, "score_before"));
}

#[test]
fn scenario_on_other_commands_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let s = dir.path().join("s.json");
    std::fs::write(&s, r#"{"scenario": 1, "title": "no Turkey", "edits": [{"op": "remove", "from": "TUR", "to": "RUS"}]}"#).unwrap();
    let g = fixture("five.json");
    let v = json(&[
        "--graph",
        g.to_str().unwrap(),
        "--scenario",
        s.to_str().unwrap(),
        "--format",
        "json",
        "suggest",
    ]);
    assert_eq!(v["partners"].as_array().unwrap().len(), 1);
    assert_eq!(v["partners"][0]["id"], "IND");
    std::fs::write(&s, "{\"scenario\": 1, \"title\": \"t\", \"edits\": [\n {\"op\": \"remove\", \"from\": \"TUK\", \"to\": \"RUS\"}]}").unwrap();
    let err = fails(
        &[
            "--graph",
            g.to_str().unwrap(),
            "--scenario",
            s.to_str().unwrap(),
            "suggest",
        ],
        1,
    );
    assert!(err.contains("s.json:2:2 (edits[0])"), "{err}");
    assert!(err.contains("did you mean `TUR`"), "{err}");
    fails(&["compare"], 2);
}
