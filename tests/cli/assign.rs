//! `leverage assign`.

use crate::common::{approx, f, fixture, json};

#[test]
fn five_by_hand_with_cap() {
    let g = fixture("five.json");
    let v = json(&["--graph", g.to_str().unwrap(), "--format", "json", "assign"]);
    let a = v["assignments"].as_array().unwrap();
    // Cap 1: DEU is the only messenger with a path to IND, so AUT takes TUR (0.05).
    assert_eq!(a[0]["partner"], "TUR");
    assert_eq!(a[0]["messenger"], "AUT");
    assert!(approx(f(&a[0], "leverage"), 0.05, 1e-15));
    assert_eq!(a[1]["partner"], "IND");
    assert_eq!(a[1]["messenger"], "DEU");
    assert_eq!(a[1]["path"], serde_json::json!(["DEU", "IND"]));
}

#[test]
fn bundled_respects_the_cap() {
    let v = json(&[
        "assign",
        "--partners",
        "10",
        "--max-per-messenger",
        "2",
        "--format",
        "json",
    ]);
    let a = v["assignments"].as_array().unwrap();
    assert_eq!(a.len(), 10);
    let mut count = std::collections::HashMap::new();
    for x in a {
        *count
            .entry(x["messenger"].as_str().unwrap().to_owned())
            .or_insert(0) += 1;
        assert!(f(x, "leverage") <= f(x, "best_leverage") + 1e-15);
    }
    assert!(count.values().all(|&c| c <= 2), "{count:?}");
}
