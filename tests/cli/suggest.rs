//! `leverage suggest`.

use crate::common::{approx, f, fixture, json, leverage};

#[test]
fn bundled_default_runs_and_ranks() {
    let out = leverage().arg("suggest").output().expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains("headroom"), "{text}");
    assert!(text.contains("Left out:"), "{text}");
    assert!(text.contains("→ RUS"), "{text}");
    assert!(
        out.stderr.is_empty(),
        "nothing on stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn bundled_json_contract() {
    let v = json(&["suggest", "--format", "json"]);
    let source: Vec<&str> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    // The fifteen signatories of the letter, as reported (seed text).
    let mut expected = vec![
        "AUT", "BEL", "BGR", "HRV", "DNK", "EST", "FIN", "DEU", "IRL", "LUX", "NLD", "SVK", "SVN",
        "ESP", "SWE",
    ];
    let mut got = source.clone();
    got.sort_unstable();
    expected.sort_unstable();
    assert_eq!(got, expected);
    assert_eq!(v["target"], "RUS");
    let partners = v["partners"].as_array().unwrap();
    assert_eq!(partners.len(), 15);
    let mut last = f64::INFINITY;
    for (i, p) in partners.iter().enumerate() {
        assert_eq!(p["rank"].as_u64(), Some(i as u64 + 1));
        let score = f(p, "score");
        assert!(score <= last, "ordered by score");
        last = score;
        // score = reach * headroom * movability (1 where the stance is unknown)
        let movability = p["movability"].as_f64().unwrap_or(1.0);
        assert!(approx(
            score,
            f(p, "reach") * f(p, "headroom") * movability,
            1e-15
        ));
        assert!(f(p, "headroom") <= f(p, "pull") + 1e-15);
        // The default path is source -> partner -> target.
        assert!(p["path"].as_array().unwrap().len() <= 3);
        let path: Vec<&str> = p["path"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap())
            .collect();
        assert!(
            source.contains(&path[0]),
            "path starts at a source: {path:?}"
        );
        assert_eq!(*path.last().unwrap(), "RUS");
        assert!(path.contains(&p["id"].as_str().unwrap()));
        // a simple path: no actor twice
        let mut sorted = path.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), path.len(), "simple path {path:?}");
        // default exclusions: no EU member, not Ukraine
        assert_ne!(p["id"], "UKR");
        assert_ne!(p["id"], "HUN");
    }
}

#[test]
fn five_actor_graph_by_hand() {
    let g = fixture("five.json");
    let v = json(&[
        "--graph",
        g.to_str().unwrap(),
        "suggest",
        "--format",
        "json",
    ]);
    let p = &v["partners"];
    // Hand values (docs/MODEL.md, worked example): TUR: reach 1 - 0.9 * 0.95 = 0.145,
    // headroom 0.08 (its diplomacy is applied: it votes with the EU), movability 1 -> 0.0116;
    // IND: reach 0.02, headroom 1 - 0.7 * 0.9 = 0.37, movability 0.9 -> 0.00666.
    assert_eq!(p[0]["id"], "TUR");
    assert!(approx(f(&p[0], "score"), 0.0116, 1e-12));
    assert_eq!(p[1]["id"], "IND");
    assert!(approx(f(&p[1], "score"), 0.02 * 0.37 * 0.9, 1e-12));
}

#[test]
fn options_before_or_after_subcommand() {
    let g = fixture("five.json");
    let a = leverage()
        .args(["--graph", g.to_str().unwrap(), "--format", "csv", "suggest"])
        .output()
        .unwrap();
    let b = leverage()
        .args(["suggest", "--graph", g.to_str().unwrap(), "--format", "csv"])
        .output()
        .unwrap();
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
    let text = String::from_utf8(a.stdout).unwrap();
    assert!(text.starts_with("rank,id,name,score,"), "{text}");
    assert_eq!(text.lines().count(), 3);
}

#[test]
fn alone_never_exceeds_unison() {
    let u = json(&["suggest", "--format", "json", "--top", "0"]);
    for p in u["partners"].as_array().unwrap() {
        assert!(f(p, "reach_alone") <= f(p, "reach_unison") + 1e-15);
    }
    let a = json(&[
        "suggest",
        "--format",
        "json",
        "--coordination",
        "alone",
        "--top",
        "3",
    ]);
    for p in a["partners"].as_array().unwrap() {
        assert!(approx(f(p, "reach"), f(p, "reach_alone"), 0.0));
    }
}

#[test]
fn names_resolve_case_insensitively() {
    let a = json(&[
        "suggest", "--from", "germany", "--target", "russia", "--format", "json", "--top", "3",
    ]);
    assert_eq!(a["sources"][0], "DEU");
    let b = json(&[
        "suggest", "--from", "deu", "--target", "rus", "--format", "json", "--top", "3",
    ]);
    assert_eq!(a, b);
    let c = json(&[
        "suggest",
        "--from",
        "eu",
        "--candidates",
        "brics",
        "--format",
        "json",
    ]);
    for p in c["partners"].as_array().unwrap() {
        assert!(
            ["BRA", "IND", "CHN", "ZAF", "EGY", "ETH", "IDN", "IRN", "ARE"]
                .contains(&p["id"].as_str().unwrap())
        );
    }
}

// The README's quick start shows the default answer: its rows must be the program's, or the
// README tells a new user something the tool no longer says.
#[test]
fn readme_quick_start_shows_the_default_answer() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("```\nPartners to approach:").unwrap() + 4;
    let block = &readme[start..start + readme[start..].find("```").unwrap()];
    let out = leverage()
        .env("COLUMNS", "100")
        .arg("suggest")
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let shown: Vec<&str> = block.lines().filter(|l| *l != " ...").collect();
    assert!(shown.len() >= 10, "{block}");
    let actual: Vec<&str> = table.lines().take(shown.len()).collect();
    assert_eq!(shown, actual);
}
