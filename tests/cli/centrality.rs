//! `leverage centrality`.

use crate::common::{approx, f, fixture, json, leverage};

#[test]
fn strength_by_hand_on_five() {
    let g = fixture("five.json");
    let v = json(&[
        "--graph",
        g.to_str().unwrap(),
        "--format",
        "json",
        "centrality",
        "--measure",
        "strength-in",
    ]);
    assert_eq!(v["measure"], "strength-in");
    let nodes = v["nodes"].as_array().unwrap();
    // RUS receives, nested: IND 1 - (1 - max(0.091, 0.3))(1 - 0.2) = 0.44, TUR
    // 1 - (1 - 0.08)(1 - 0.2) = 0.264; 0.44 + 0.264 = 0.704.
    assert_eq!(nodes[0]["id"], "RUS");
    assert!(approx(f(&nodes[0], "score"), 0.704, 1e-12));
    assert_eq!(nodes[0]["rank"], 1);
}

#[test]
fn betweenness_on_five_by_hand() {
    let g = fixture("five.json");
    let v = json(&[
        "--graph",
        g.to_str().unwrap(),
        "--format",
        "json",
        "centrality",
        "--measure",
        "betweenness",
    ]);
    // Best paths through an intermediate: AUT->TUR->RUS, DEU->TUR->RUS (0.008 > 0.007274).
    // TUR carries 2 of the pairs; normalised by (n-1)(n-2) = 12: 2/12.
    let nodes = v["nodes"].as_array().unwrap();
    assert_eq!(nodes[0]["id"], "TUR");
    assert!(approx(f(&nodes[0], "score"), 2.0 / 12.0, 1e-15));
}

#[test]
fn pagerank_sums_to_one_and_reports_parameters() {
    for m in ["pagerank", "influence"] {
        let v = json(&["centrality", "--measure", m, "--format", "json"]);
        let sum: f64 = v["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| f(n, "score"))
            .sum();
        assert!(approx(sum, 1.0, 1e-9), "{m}: {sum}");
        assert_eq!(v["params"]["alpha"], 0.85);
        assert!(v["params"]["iterations"].as_u64().unwrap() > 0);
    }
}

#[test]
fn all_measures_table() {
    let out = leverage()
        .args(["centrality", "--measure", "all"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for m in [
        "strength-in",
        "strength-out",
        "betweenness",
        "pagerank",
        "influence",
    ] {
        assert!(text.lines().next().unwrap().contains(m), "{m} missing");
    }
    let actors = json(&["info", "--format", "json"])["actors"]
        .as_u64()
        .unwrap() as usize;
    assert_eq!(text.lines().count(), 2 + actors);
}

/// Every measure, including the parallel ones (betweenness, closeness, harmonic: the bundled
/// graph is above their parallel threshold), byte for byte under 1 and 4 threads.
#[test]
fn all_measures_bit_identical_across_thread_counts() {
    let run = |threads: &str| {
        let out = leverage()
            .env("RAYON_NUM_THREADS", threads)
            .args(["--format", "json", "centrality", "--measure", "all"])
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    assert_eq!(run("1"), run("4"));
}

/// A measure that does not converge costs only its own column in `--measure all`, with a
/// warning, while on its own it is an error.
#[test]
fn all_measures_leave_out_what_does_not_converge() {
    let out = leverage()
        .args([
            "--format",
            "json",
            "centrality",
            "--measure",
            "all",
            "--max-iter",
            "3",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let measures: Vec<&str> = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    // The exact measures keep their columns; the power iterations cannot converge in 3 steps.
    assert_eq!(
        measures,
        [
            "strength-in",
            "strength-out",
            "betweenness",
            "closeness",
            "harmonic",
            "constraint"
        ]
    );
    let failed = v["failed"].as_object().unwrap();
    for m in [
        "pagerank",
        "influence",
        "eigenvector",
        "katz",
        "hubs",
        "authorities",
    ] {
        assert!(
            failed[m]
                .as_str()
                .unwrap()
                .contains("did not converge in 3 iterations"),
            "{m}"
        );
        assert!(v["nodes"][0]["scores"].get(m).is_none(), "{m} has values");
    }
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("warning: katz left out"), "{stderr}");
    // Alone, the same measure is an error.
    let out = leverage()
        .args(["centrality", "--measure", "katz", "--max-iter", "3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // Converged, there is no `failed` field.
    let v = json(&["--format", "json", "centrality", "--measure", "all"]);
    assert!(v.get("failed").is_none());
}
