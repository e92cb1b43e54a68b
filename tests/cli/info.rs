//! `leverage info`.

use crate::common::json;

#[test]
fn bundled_counts_and_groups() {
    let v = json(&["info", "--format", "json"]);
    assert_eq!(v["actors"], 67);
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
    // every figure carries a range in the bundled graph
    assert_eq!(v["figures"], v["figures_with_range"]);
}
