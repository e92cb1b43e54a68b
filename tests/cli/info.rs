//! `leverage info`.

use crate::common::json;

#[test]
fn bundled_counts_and_groups() {
    let v = json(&["info", "--format", "json"]);
    assert_eq!(v["actors"], 68);
    assert!(v["ties"].as_u64().unwrap() > 500);
    let groups = &v["groups"];
    assert_eq!(groups["EU"].as_array().unwrap().len(), 27);
    assert_eq!(groups["signatories"].as_array().unwrap().len(), 15);
    assert_eq!(groups["BRICS"].as_array().unwrap().len(), 10);
    assert_eq!(groups["CentralAsia"].as_array().unwrap().len(), 5);
    assert_eq!(groups["G7"].as_array().unwrap().len(), 7);
    let mercosur: Vec<&str> = groups["Mercosur"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_str().unwrap())
        .collect();
    for m in ["ARG", "BRA", "PRY", "URY"] {
        assert!(mercosur.contains(&m));
    }
    // every tie figure carries a range in the bundled graph (stance signals need not)
    let ranged = v["figures_with_range"].as_u64().unwrap();
    let stance: u64 = v["by_channel_and_basis"]["stance"]
        .as_object()
        .unwrap()
        .values()
        .map(|x| x.as_u64().unwrap())
        .sum();
    assert!(
        ranged >= v["figures"].as_u64().unwrap() - stance,
        "{ranged}"
    );
    // See: #10. Figures are counted by basis, and every bundled figure has one.
    let by_basis: u64 = v["by_basis"]
        .as_object()
        .unwrap()
        .values()
        .map(|x| x.as_u64().unwrap())
        .sum();
    assert_eq!(by_basis, v["figures"].as_u64().unwrap());
    assert!(v["by_basis"].get("unknown").is_none());
}

/// A generated CSV keeps every actor, also those that drew no tie, through its actors table,
/// and loads back as the same graph as the generated JSON.
#[test]
fn generated_csv_keeps_every_actor() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("g.csv");
    let native = dir.path().join("g.json");
    let gen = |out: &std::path::Path, format: &str| {
        let out = crate::common::leverage()
            .args([
                "--format", format, "generate", "--actors", "300", "--ties", "150",
            ])
            .args(["--seed", "3", "-o", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(out.status.success());
    };
    gen(&csv, "csv");
    gen(&native, "json");
    assert!(dir.path().join("g.nodes.csv").is_file());
    let info =
        |g: &std::path::Path| json(&["--graph", g.to_str().unwrap(), "--format", "json", "info"]);
    let (from_csv, from_json) = (info(&csv), info(&native));
    // 150 ties among 300 actors leave many actors without a tie: they must still be there.
    assert_eq!(from_csv["actors"], 300);
    assert_eq!(from_csv["actors"], from_json["actors"]);
    assert_eq!(from_csv["ties"], from_json["ties"]);
    // The same members (in the actors table's order rather than the group's).
    let members = |v: &serde_json::Value| {
        let mut m: Vec<String> = v["groups"]["sources"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_owned())
            .collect();
        m.sort();
        m
    };
    assert_eq!(members(&from_csv), members(&from_json));
    assert_eq!(members(&from_csv).len(), 3);
}
