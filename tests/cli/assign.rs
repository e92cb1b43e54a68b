//! `leverage assign`.

use crate::common::{approx, f, fixture, json};

// See: #10
#[test]
fn five_uncapped_gives_each_partner_its_strongest_messenger() {
    let g = fixture("five.json");
    let v = json(&["--graph", g.to_str().unwrap(), "--format", "json", "assign"]);
    let a = v["assignments"].as_array().unwrap();
    // Germany holds 0.1 over Türkiye (Austria 0.05) and is the only source reaching India.
    assert_eq!(a[0]["partner"], "TUR");
    assert_eq!(a[0]["messenger"], "DEU");
    assert_eq!(a[0]["capped"], false);
    assert!(approx(f(&a[0], "leverage"), 0.1, 1e-15));
    assert_eq!(a[1]["partner"], "IND");
    assert_eq!(a[1]["messenger"], "DEU");
    assert_eq!(a[1]["path"], serde_json::json!(["DEU", "IND"]));
}

#[test]
fn five_by_hand_with_cap() {
    let g = fixture("five.json");
    let v = json(&[
        "--graph",
        g.to_str().unwrap(),
        "--format",
        "json",
        "assign",
        "--max-per-messenger",
        "1",
    ]);
    let a = v["assignments"].as_array().unwrap();
    // Cap 1. Keeping score x leverage / best leverage: Germany to Türkiye leaves India without a
    // messenger (0.0116 x 1 = 0.0116); Austria to Türkiye and Germany to India keep
    // 0.0116 x 0.05/0.1 + 0.00666 x 1 = 0.01246, the better plan. The row says the cap moved it.
    assert_eq!(a[0]["partner"], "TUR");
    assert_eq!(a[0]["messenger"], "AUT");
    assert_eq!(a[0]["capped"], true);
    assert_eq!(a[0]["best_messenger"], "DEU");
    assert!(approx(f(&a[0], "leverage"), 0.05, 1e-15));
    assert_eq!(a[1]["partner"], "IND");
    assert_eq!(a[1]["messenger"], "DEU");
    assert!(approx(
        f(&v, "objective"),
        0.0116 * 0.5 + 0.02 * 0.37 * 0.9,
        1e-12
    ));
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
