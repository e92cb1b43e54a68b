//! `leverage actors`.

use crate::common::json;

// See: #11. Every actor is listed, with its groups and stance; the hint for an unknown name
// points here.
#[test]
fn every_bundled_actor_is_listed() {
    let info = json(&["info", "--format", "json"]);
    let v = json(&["actors", "--format", "json"]);
    let rows = v["actors"].as_array().unwrap();
    assert_eq!(rows.len() as u64, info["actors"].as_u64().unwrap());
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(row("USA")["stance"], "presses");
    assert_eq!(row("IND")["stance"], "between");
    assert!(row("DEU")["groups"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g == "signatories"));
    assert_eq!(v["target"], "RUS");
    let out = crate::common::leverage()
        .args(["suggest", "--from", "Grmany"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(err.contains("did you mean `DEU`"), "{err}");
    assert!(err.contains("`leverage actors` lists them"), "{err}");
}

// See: #11
#[test]
fn aliases_resolve_everywhere() {
    for (name, id) in [
        ("UK", "GBR"),
        ("Türkiye", "TUR"),
        ("turkey", "TUR"),
        ("DE", "DEU"),
    ] {
        let v = json(&["paths", "--from", name, "--to", "RUS", "--format", "json"]);
        assert_eq!(v["from"], id, "{name}");
    }
}
