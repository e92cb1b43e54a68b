//! `leverage paths`.

use crate::common::{approx, f, fixture, json};

#[test]
fn k_best_on_five_by_hand() {
    let g = fixture("five.json");
    let v = json(&[
        "--graph",
        g.to_str().unwrap(),
        "--format",
        "json",
        "paths",
        "--from",
        "DEU",
        "--to",
        "RUS",
        "-k",
        "5",
    ]);
    let paths = v["paths"].as_array().unwrap();
    // DEU -> TUR -> RUS = 0.1 * 0.264 = 0.0264; DEU -> IND -> RUS = 0.02 * 0.44 = 0.0088
    // (strengths as in docs/MODEL.md's worked example).
    assert_eq!(paths.len(), 2);
    assert_eq!(paths[0]["nodes"], serde_json::json!(["DEU", "TUR", "RUS"]));
    assert!(approx(f(&paths[0], "leverage"), 0.0264, 1e-15));
    assert!(approx(f(&paths[1], "leverage"), 0.0088, 1e-15));
    let ties = paths[1]["ties"].as_array().unwrap();
    assert_eq!(ties[1]["from"], "IND");
    // channels strongest first, each with its source and year
    assert_eq!(ties[1]["channels"][0]["channel"], "energy");
    assert_eq!(ties[1]["channels"][0]["year"], 2024);
}

#[test]
fn bundled_aut_to_rus_five_paths() {
    let v = json(&[
        "paths", "--from", "AUT", "--to", "RUS", "-k", "5", "--format", "json",
    ]);
    let paths = v["paths"].as_array().unwrap();
    assert_eq!(paths.len(), 5);
    let mut last = f64::INFINITY;
    for p in paths {
        let l = f(p, "leverage");
        assert!(l <= last && l > 0.0 && l <= 1.0);
        last = l;
        let nodes = p["nodes"].as_array().unwrap();
        assert!(nodes.len() <= 5, "at most 4 ties");
        assert_eq!(nodes[0], "AUT");
        // leverage is the product of the tie strengths
        let prod: f64 = p["ties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| f(t, "strength"))
            .product();
        assert!(approx(prod, l, 1e-15));
    }
}

#[test]
fn avoid_and_hops() {
    let g = fixture("five.json");
    let v = json(&[
        "--graph",
        g.to_str().unwrap(),
        "--format",
        "json",
        "paths",
        "--from",
        "DEU",
        "--to",
        "RUS",
        "--avoid",
        "TUR",
    ]);
    assert_eq!(
        v["paths"][0]["nodes"],
        serde_json::json!(["DEU", "IND", "RUS"])
    );
    let v = json(&[
        "paths",
        "--from",
        "AUT",
        "--to",
        "RUS",
        "--max-hops",
        "1",
        "--format",
        "json",
    ]);
    assert_eq!(v["paths"][0]["nodes"].as_array().unwrap().len(), 2);
}
