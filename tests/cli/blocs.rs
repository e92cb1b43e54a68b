//! `leverage blocs`, `--with-blocs` and `export --with blocs`.

use std::collections::HashMap;

use crate::common::{approx, f, fails, json, leverage};

/// Newman-Girvan modularity computed here from the exported tie weights (`W = A + Aᵀ`), a
/// second implementation beside the library's.
fn modularity_from_export(bloc_of: &HashMap<String, usize>) -> f64 {
    let g = json(&["export", "--format", "node-link"]);
    let mut inside = HashMap::new();
    let mut degree = HashMap::new();
    let mut two_m = 0.0;
    for e in g["edges"].as_array().unwrap() {
        let (s, t) = (e["source"].as_str().unwrap(), e["target"].as_str().unwrap());
        let w = f(e, "weight");
        // Each directed tie adds w to W_st and W_ts.
        two_m += 2.0 * w;
        *degree.entry(bloc_of[s]).or_insert(0.0) += w;
        *degree.entry(bloc_of[t]).or_insert(0.0) += w;
        if bloc_of[s] == bloc_of[t] {
            *inside.entry(bloc_of[s]).or_insert(0.0) += 2.0 * w;
        }
    }
    degree
        .iter()
        .map(|(c, k)| inside.get(c).copied().unwrap_or(0.0) / two_m - (k / two_m).powi(2))
        .sum()
}

#[test]
fn bundled_blocs_partition_and_modularity() {
    let v = json(&["--format", "json", "blocs"]);
    assert_eq!(v["method"], "leiden");
    assert_eq!(v["seed"], 1);
    assert_eq!(v["default_parameters"], true);
    let mut bloc_of = HashMap::new();
    for b in v["blocs"].as_array().unwrap() {
        let n = b["bloc"].as_u64().unwrap() as usize;
        assert_eq!(b["id"], format!("bloc-{n}"));
        for m in b["members"].as_array().unwrap() {
            assert!(bloc_of.insert(m.as_str().unwrap().to_owned(), n).is_none());
        }
    }
    let info = json(&["--format", "json", "info"]);
    assert_eq!(bloc_of.len() as u64, info["actors"].as_u64().unwrap());
    let q = modularity_from_export(&bloc_of);
    assert!(
        approx(q, f(&v, "modularity"), 1e-9),
        "{q} {}",
        v["modularity"]
    );
    // Russia's bloc holds its allies and its largest partners.
    let rus = bloc_of["RUS"];
    for a in ["BLR", "CHN", "KAZ"] {
        assert_eq!(bloc_of[a], rus, "{a}");
    }
}

#[test]
fn same_seed_same_blocs_whatever_the_threads() {
    let run = |threads: &str| {
        let out = leverage()
            .env("RAYON_NUM_THREADS", threads)
            .args([
                "--format",
                "json",
                "blocs",
                "--method",
                "louvain",
                "--seed",
                "7",
                "--restarts",
                "8",
            ])
            .output()
            .unwrap();
        assert!(out.status.success());
        out.stdout
    };
    assert_eq!(run("1"), run("4"));
    let v: serde_json::Value = serde_json::from_slice(&run("2")).unwrap();
    assert_eq!(v["method"], "louvain");
    assert_eq!(v["default_parameters"], false);
}

#[test]
fn table_names_the_seed_and_csv_lists_every_actor() {
    let out = leverage().arg("blocs").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("seed 1 (the default"), "{text}");
    assert!(text.contains("--with-blocs"), "{text}");
    let out = leverage()
        .args(["--format", "csv", "blocs"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(r.headers().unwrap(), vec!["id", "name", "bloc", "group"]);
    assert_eq!(r.records().count(), 68);
}

#[test]
fn blocs_are_groups_with_the_global_option() {
    let b = json(&["--format", "json", "blocs"]);
    let rus_bloc = b["blocs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["members"].as_array().unwrap().iter().any(|m| m == "RUS"))
        .unwrap();
    let id = rus_bloc["id"].as_str().unwrap();
    let members: Vec<&str> = rus_bloc["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    let v = json(&[
        "--with-blocs",
        "--format",
        "json",
        "suggest",
        "--candidates",
        id,
        "--top",
        "0",
    ]);
    let partners = v["partners"].as_array().unwrap();
    assert!(!partners.is_empty());
    for p in partners {
        assert!(members.contains(&p["id"].as_str().unwrap()), "{}", p["id"]);
    }
    // Without the option the name is unknown, and the hint says how.
    let err = fails(&["suggest", "--candidates", id], 2);
    assert!(err.contains("--with-blocs"), "{err}");
    // The export carries each actor's bloc number.
    let g = json(&["export", "--format", "node-link", "--with", "blocs"]);
    for n in g["nodes"].as_array().unwrap() {
        let inside = members.contains(&n["id"].as_str().unwrap());
        assert_eq!(
            n["bloc"] == rus_bloc["bloc"].as_f64().unwrap(),
            inside,
            "{}",
            n["id"]
        );
    }
}

#[test]
fn bad_parameters_are_usage_errors() {
    fails(&["blocs", "--resolution", "-1"], 2);
    fails(&["blocs", "--resolution", "x"], 2);
    fails(&["blocs", "--method", "girvan"], 2);
    fails(&["blocs", "--restarts", "0"], 2);
    fails(&["--format", "graphml", "blocs"], 2);
}
