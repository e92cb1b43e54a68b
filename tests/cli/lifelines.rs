//! `leverage lifelines`.

use crate::common::{approx, f, fails, fixture, json, leverage};

#[test]
fn five_actors_by_hand() {
    let g = fixture("five.json");
    let g = g.to_str().unwrap();
    // docs/MODEL.md section 12: AUT and DEU press Russia and are left out; India's tie as it
    // still flows is its headroom 0.37, Türkiye's 0.08. No path runs between the two.
    let v = json(&["--graph", g, "--format", "json", "lifelines"]);
    assert_eq!(v["world"], 2);
    assert!(approx(f(&v, "support"), 0.45, 1e-12));
    let alone = v["alone"].as_array().unwrap();
    assert_eq!(alone[0]["id"], "IND");
    assert!(approx(f(&alone[0], "drop"), 0.37, 1e-12));
    assert_eq!(alone[1]["id"], "TUR");
    // The whole dependence: every tie at full strength, the sources too. India 0.44, Türkiye
    // 0.264, Germany through Türkiye 0.1 × 0.264, Austria through Türkiye 0.05 × 0.264.
    let v = json(&[
        "--graph",
        g,
        "--format",
        "json",
        "lifelines",
        "--include-aligned",
    ]);
    let total = 0.44 + 0.264 + 0.0264 + 0.0132;
    assert!(approx(f(&v, "support"), total, 1e-12), "{}", v["support"]);
    // Without Türkiye, Germany falls back on India (0.02 × 0.44) and Austria has no path.
    let tur = v["alone"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "TUR")
        .unwrap();
    let drop = 0.264 + (0.0264 - 0.0088) + 0.0132;
    assert!(approx(f(tur, "drop"), drop, 1e-12));
    assert!(approx(f(tur, "through"), drop - 0.264, 1e-12));
}

#[test]
fn bundled_lifelines_hold_together() {
    let v = json(&["--format", "json", "lifelines", "--top", "5"]);
    assert_eq!(v["target"], "RUS");
    assert_eq!(v["cut"], 1.0);
    // Every actor with any leverage is in the list (removing it cuts at least that), so the
    // support is the sum of the listed leverages.
    let alone = v["alone"].as_array().unwrap();
    let sum: f64 = alone.iter().map(|x| f(x, "leverage")).sum();
    assert!(
        approx(sum, f(&v, "support"), 1e-9),
        "{sum} {}",
        v["support"]
    );
    // No state that sanctions Russia is counted.
    let left: Vec<&str> = v["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    assert!(left.contains(&"DEU") && left.contains(&"USA"));
    assert!(alone.iter().all(|x| x["stance"] != "presses"));
    // Greedy: five steps, the first the best alone, each support lower than the last.
    let greedy = v["greedy"].as_array().unwrap();
    assert_eq!(greedy.len(), 5);
    assert_eq!(greedy[0]["id"], alone[0]["id"]);
    let mut last = f(&v, "support");
    for s in greedy {
        assert!(f(s, "support_after") < last);
        assert!(approx(last - f(s, "support_after"), f(s, "drop"), 1e-12));
        last = f(s, "support_after");
    }
}

#[test]
fn economic_lifelines_match_the_record() {
    // The economy alone: China (a third of Russia's goods trade, most of its high-priority
    // dual-use imports), India (the largest buyer of its seaborne crude) and the UAE (whose
    // registered traders bought about half of Russia's seaborne crude in 2023, Public Eye) come
    // first, in the graph's own figures (docs/DATA.md).
    let v = json(&["--format", "json", "lifelines", "--family", "economic"]);
    let ids: Vec<&str> = v["alone"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    let mut first: Vec<&str> = ids[..3].to_vec();
    first.sort_unstable();
    assert_eq!(first, ["ARE", "CHN", "IND"], "{ids:?}");
    for hub in ["TUR", "KAZ", "HKG"] {
        let at = ids.iter().position(|x| *x == hub).unwrap();
        assert!(at < 10, "{hub} at {at}: {ids:?}");
    }
    assert_eq!(v["families"].as_array().unwrap().len(), 1);
}

#[test]
fn table_and_csv() {
    let out = leverage()
        .args(["lifelines", "--top", "3"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Lifelines of RUS"), "{text}");
    assert!(text.contains("greedily"), "{text}");
    let out = leverage()
        .args(["--format", "csv", "lifelines", "--top", "3"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().clone();
    assert_eq!(&header[0], "list");
    assert!(header.iter().any(|h| h == "drop_economic"), "{header:?}");
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.iter().filter(|r| &r[0] == "alone").count(), 3);
    assert_eq!(rows.iter().filter(|r| &r[0] == "greedy").count(), 3);
}

#[test]
fn bad_parameters_are_usage_errors() {
    for args in [
        &["lifelines", "--cut", "0"][..],
        &["lifelines", "--cut", "1.5"],
        &["lifelines", "--cut", "half"],
        &["lifelines", "--max-hops", "0"],
        &["lifelines", "--top", "0"],
    ] {
        let err = fails(args, 2);
        assert!(err.contains("error"), "{err}");
    }
    let err = fails(&["lifelines", "--target", "Rusia"], 2);
    assert!(err.contains("RUS"), "did you mean: {err}");
    let err = fails(&["lifelines", "--family", "arms"], 2);
    assert!(err.contains("economic"), "{err}");
}
