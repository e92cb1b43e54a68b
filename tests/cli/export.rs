//! `leverage export` (native JSON, GraphML, DOT).

use crate::common::{fails, fixture, leverage};

#[test]
fn json_export_reloads_identically() {
    let out = leverage()
        .args(["export", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("copy.json");
    std::fs::write(&p, &out.stdout).unwrap();
    let again = leverage()
        .args(["--graph", p.to_str().unwrap(), "export", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, again.stdout);
    let a: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let b: serde_json::Value =
        serde_json::from_str(include_str!("../../graphs/eu-outreach-2025.json")).unwrap();
    assert_eq!(a["ties"], b["ties"]);
    assert_eq!(a["actors"], b["actors"]);
    assert_eq!(a["groups"], b["groups"]);
}

#[test]
fn graphml_has_weights_channels_and_typed_keys() {
    let g = fixture("five.json");
    let out = leverage()
        .args([
            "--graph",
            g.to_str().unwrap(),
            "export",
            "--format",
            "graphml",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains(r#"<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>"#)
    );
    assert!(text.contains(r#"<key id="e_trade" for="edge" attr.name="trade" attr.type="double"/>"#));
    assert!(text.contains(r#"edgedefault="directed""#));
    assert_eq!(text.matches("<edge ").count(), 5);
    assert_eq!(text.matches("<node ").count(), 5);
    // keys come before the graph
    assert!(text.find("<key ").unwrap() < text.find("<graph ").unwrap());
    // IND -> RUS, nested: economic max(0.091, 0.3) = 0.3, diplomacy 0.2: 1 - 0.7 x 0.8 = 0.44
    let at = text.find(r#"source="IND" target="RUS">"#).unwrap();
    let weight: f64 = text[at..]
        .split("<data key=\"e_weight\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((weight - 0.44).abs() < 1e-12);
}

#[test]
fn files_are_written_atomically_and_never_over_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("g.json");
    std::fs::copy(fixture("five.json"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let err = fails(
        &[
            "--graph",
            input.to_str().unwrap(),
            "export",
            "-o",
            input.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("is the input graph"), "{err}");
    assert_eq!(std::fs::read(&input).unwrap(), before);
    let out = dir.path().join("g.dot");
    let st = leverage()
        .args([
            "--graph",
            input.to_str().unwrap(),
            "export",
            "-o",
            out.to_str().unwrap(),
        ])
        .output()
        .unwrap()
        .status;
    assert!(st.success());
    let dot = std::fs::read_to_string(&out).unwrap();
    assert!(dot.starts_with("digraph "), "format from the extension");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "no temp files left: {names:?}");
}

#[test]
fn zero_strength_ties_are_absent_for_readers_but_reload_exactly() {
    // MODEL section 2: a tie whose strength is 0 is absent. GraphML readers must not see it as
    // an edge, yet leverage's own reload keeps it (in the manifest, at its place in the order).
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("z.json");
    let text = std::fs::read_to_string(fixture("five.json"))
        .unwrap()
        .replace(
            r#""trade": { "value": 0.05, "source": "example figure", "year": 2023, "basis": "derived", "cite": "example" }"#,
            r#""trade": { "value": 0.0, "source": "example figure", "year": 2023, "basis": "derived", "cite": "example" }"#,
        );
    assert!(text.contains(r#""value": 0.0,"#));
    std::fs::write(&src, &text).unwrap();
    let gml = dir.path().join("z.graphml");
    let out = leverage()
        .args([
            "--graph",
            src.to_str().unwrap(),
            "export",
            "-o",
            gml.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let xml = std::fs::read_to_string(&gml).unwrap();
    assert_eq!(
        xml.matches("<edge ").count(),
        4,
        "the zero tie AUT -> TUR is not an edge"
    );
    assert!(!xml.contains(r#"source="AUT" target="TUR""#));
    let back = leverage()
        .args([
            "--graph",
            gml.to_str().unwrap(),
            "export",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let orig = leverage()
        .args([
            "--graph",
            src.to_str().unwrap(),
            "export",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&back.stdout),
        String::from_utf8_lossy(&orig.stdout)
    );
}
