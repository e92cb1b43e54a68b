//! `leverage coalition`.

use crate::common::{approx, f, fails, fixture, json, leverage};

#[test]
fn five_actors_by_hand() {
    // docs/MODEL.md section 12: Türkiye 0.0116 (economic only: its diplomacy is applied by its
    // votes), India 0.00666 split over economic 0.3 and diplomacy 0.1 of its headroom:
    // 0.004995 and 0.001665. Together: economic 1 - (1 - 0.0116)(1 - 0.004995), plus
    // India's diplomacy alone.
    let g = fixture("five.json");
    let v = json(&[
        "--graph",
        g.to_str().unwrap(),
        "--format",
        "json",
        "coalition",
        "-k",
        "2",
    ]);
    let m = v["members"].as_array().unwrap();
    assert_eq!(m[0]["id"], "TUR");
    assert_eq!(m[1]["id"], "IND");
    let ind = 0.02 * 0.37 * 0.9;
    let (econ, dipl) = (ind * 0.3 / 0.4, ind * 0.1 / 0.4);
    let together = 1.0 - (1.0 - 0.0116) * (1.0 - econ) + dipl;
    assert!(
        approx(f(&v, "pressure"), together, 1e-12),
        "{}",
        v["pressure"]
    );
    assert!(approx(f(&m[1], "gain"), together - 0.0116, 1e-12));
    assert!(approx(f(&v, "sum_of_scores"), 0.0116 + ind, 1e-12));
    assert_eq!(v["exact"]["subsets"], 1);
    assert_eq!(v["exact"]["gap"], 0.0);
}

#[test]
fn bundled_set_of_three() {
    let v = json(&["--format", "json", "coalition", "-k", "3"]);
    let m = v["members"].as_array().unwrap();
    assert_eq!(m.len(), 3);
    let gains: f64 = m.iter().map(|x| f(x, "gain")).sum();
    assert!(approx(gains, f(&v, "pressure"), 1e-12));
    assert!(f(&v, "pressure") <= f(&v, "sum_of_scores"));
    assert!(f(&v, "upper_bound") >= f(&v["exact"], "pressure") - 1e-15);
    let guarantee = f(&v, "guarantee");
    assert!(approx(guarantee, 1.0 - (-1.0f64).exp(), 1e-15));
    assert!(f(&v, "pressure") >= guarantee * f(&v["exact"], "pressure"));
    // Members are suggest's partners, never a state that presses Russia.
    let s = json(&["--format", "json", "suggest", "--top", "0"]);
    for x in m {
        let p = s["partners"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == x["id"])
            .unwrap();
        assert!(approx(f(p, "score"), f(x, "score"), 1e-15));
        assert_ne!(p["stance"], "presses");
    }
}

#[test]
fn table_csv_and_errors() {
    let out = leverage().args(["coalition", "-k", "2"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Best set of 2 partners"), "{text}");
    assert!(text.contains("Exact:"), "{text}");
    let out = leverage()
        .args(["--format", "csv", "coalition", "-k", "2"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("order,id,name,rank,score,gain,messenger,families\n"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 3);
    fails(&["coalition", "-k", "0"], 2);
    fails(&["coalition", "-k", "101"], 2);
    fails(&["coalition", "--candidates", "Atlantis"], 2);
}
