//! `leverage sensitivity`.

use std::io::Write as _;

use crate::common::{approx, f, fails, fixture, json, leverage};

#[test]
fn five_actors_by_hand() {
    // docs/MODEL.md section 12, k = 1: Türkiye stays #1 until its trade tie into Russia (its
    // whole headroom, 0.08) falls below India's score over Türkiye's reach, 0.00666 / 0.145.
    let g = fixture("five.json");
    let v = json(&[
        "--graph",
        g.to_str().unwrap(),
        "--format",
        "json",
        "sensitivity",
        "--top-k",
        "1",
    ]);
    assert_eq!(v["method"], "local");
    assert_eq!(v["top"][0], "TUR");
    let t = v["deciding"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["figure"]["from"] == "TUR" && x["figure"]["channel"] == "trade")
        .unwrap();
    assert_eq!(t["figure"]["kind"], "tie");
    assert_eq!(t["term"], "headroom");
    assert!(approx(f(&t["first"], "value"), 0.00666 / 0.145, 1e-9));
    assert_eq!(t["first"]["entered"][0], "IND");
}

/// The top 5 of `suggest` with a scenario setting `from -> to channel` to `value`.
fn top5_with(from: &str, to: &str, channel: &str, value: f64) -> Vec<String> {
    let mut file = tempfile::Builder::new().suffix(".json").tempfile().unwrap();
    write!(
        file,
        r#"{{"scenario": 1, "title": "t", "assumptions": ["test"], "edits": [
            {{"op": "set", "from": "{from}", "to": "{to}", "channel": "{channel}", "value": {value},
              "source": "scenario assumption: test", "year": 2025}}]}}"#
    )
    .unwrap();
    let v = json(&[
        "--scenario",
        file.path().to_str().unwrap(),
        "--format",
        "json",
        "suggest",
        "--top",
        "5",
    ]);
    let mut ids: Vec<String> = v["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

#[test]
fn bundled_deciding_figures_hold_against_a_rerun() {
    let v = json(&["--format", "json", "sensitivity"]);
    // Every channel figure of every tie and every stance signal towards RUS, counted in the file.
    let graph: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/graphs/eu-outreach-2025.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let channel_figures: usize = graph["ties"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["channels"].as_object().unwrap().len())
        .sum();
    let signals: usize = graph["actors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            a["stance"]["RUS"]
                .as_object()
                .map_or(0, serde_json::Map::len)
        })
        .sum();
    assert_eq!(v["figures"], channel_figures + signals);
    let mut base: Vec<String> = v["top"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap().to_owned())
        .collect();
    base.sort();
    let deciding = v["deciding"].as_array().unwrap();
    // Within-range figures first.
    let within: Vec<bool> = deciding
        .iter()
        .map(|d| {
            [&d["top_k"], &d["first"]]
                .iter()
                .any(|x| x["within_range"] == true)
        })
        .collect();
    assert!(within.windows(2).all(|w| w[0] >= w[1]));
    // The first three tie figures that move the top 5, checked by rerunning `suggest` with a
    // scenario just short of and just past the reported value.
    let mut checked = 0;
    for d in deciding {
        let (fig, flip) = (&d["figure"], &d["top_k"]);
        if fig["kind"] != "tie" || flip.is_null() || checked == 3 {
            continue;
        }
        let (from, to, ch) = (
            fig["from"].as_str().unwrap(),
            fig["to"].as_str().unwrap(),
            fig["channel"].as_str().unwrap(),
        );
        let x = f(flip, "value");
        let dir = f(flip, "change").signum();
        assert_eq!(
            top5_with(from, to, ch, x - dir * 1e-6),
            base,
            "{from} {to} {ch} before {x}"
        );
        assert_ne!(
            top5_with(from, to, ch, x + dir * 1e-6),
            base,
            "{from} {to} {ch} after {x}"
        );
        checked += 1;
    }
    assert_eq!(checked, 3);
}

#[test]
fn table_says_which_rest_on_judgement() {
    let out = leverage()
        .args(["sensitivity", "--top", "10"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap().replace('\n', " ");
    assert!(text.contains("are judgement figures"), "{text}");
    assert!(text.contains("JUDGEMENT"), "{text}");
    assert!(text.contains("Where the figures above come from"), "{text}");
    let out = leverage()
        .args(["--format", "csv", "sensitivity"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("rank,figure,basis,value,low,high,partner,term,"),
        "{text}"
    );
}

#[test]
fn bad_parameters_are_usage_errors() {
    fails(&["sensitivity", "--top-k", "0"], 2);
    fails(&["sensitivity", "--top", "0"], 2);
    fails(&["sensitivity", "--max-hops", "1"], 2);
    fails(&["sensitivity", "--from", "Atlantis"], 2);
}
