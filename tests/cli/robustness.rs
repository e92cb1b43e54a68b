//! `leverage suggest --samples`.

use crate::common::{f, leverage};

fn run(threads: &str, seed: &str) -> Vec<u8> {
    let out = leverage()
        .env("RAYON_NUM_THREADS", threads)
        .args([
            "suggest",
            "--samples",
            "400",
            "--seed",
            seed,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "nothing on stderr when not a terminal"
    );
    out.stdout
}

#[test]
fn bit_identical_across_thread_counts() {
    let one = run("1", "11");
    let four = run("4", "11");
    assert_eq!(one, four);
    assert_ne!(one, run("1", "12"));
}

#[test]
fn spreads_are_consistent() {
    let v: serde_json::Value = serde_json::from_slice(&run("2", "5")).unwrap();
    assert_eq!(v["samples"], 400);
    for p in v["partners"].as_array().unwrap() {
        let lo = p["rank_range"][0].as_u64().unwrap() as f64;
        let hi = p["rank_range"][1].as_u64().unwrap() as f64;
        let med = f(p, "median_rank");
        assert!(lo <= med && med <= hi, "{p}");
        assert!((0.0..=1.0).contains(&f(p, "p_top_k")));
        assert!(
            p["score_interval"][0].as_f64().unwrap() <= p["score_interval"][1].as_f64().unwrap()
        );
    }
    assert!(v["verdict"].as_str().unwrap().contains("top 5"));
}
