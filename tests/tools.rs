//! The exports proven by the real tools: NetworkX, igraph, Graphviz, Cytoscape.js and xmllint
//! (with the GraphML XSD and the GEXF 1.3 RELAX NG schema) read what leverage writes and find the
//! same actors, ties, weights and attributes; and leverage reads what NetworkX's `write_gexf`
//! writes. Each validator is also shown a broken file it must
//! reject, so that a pass means something.
//!
//! A missing tool marks its test `ignored (SKIPPED: needs <what>)` in the summary, except under
//! `CI=true`, where it fails (`.ci/run` installs every tool): the binary runs on
//! `libtest-mimic` (`tests/outside/mod.rs`). The schemas are in `<repo>/../shared/schemas`; Cytoscape.js
//! in `<repo>/target/tools/node_modules/cytoscape` (`npm install --prefix target/tools
//! cytoscape@3`).

mod common;
mod outside;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::{generated, run, write_json};
use outside::{has, missing, Ran};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs a tool; returns (success, stdout, stderr).
fn tool(cmd: &str, args: &[&str]) -> (bool, String, String) {
    let o = Command::new(cmd)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("running {cmd}: {e}"));
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// The graphs every tool checks: the bundled graph and two generated ones, as native JSON files.
fn graphs(dir: &Path) -> Vec<PathBuf> {
    let bundled = dir.join("bundled.json");
    std::fs::write(&bundled, run(&["export", "--format", "json"])).unwrap();
    let mut out = vec![bundled];
    for (seed, n) in [(11, 8), (12, 30)] {
        let p = dir.join(format!("gen{seed}.json"));
        write_json(&p, &generated(seed, n));
        out.push(p);
    }
    out
}

/// Exports `graph` to `dir/stem.ext`; returns the path.
fn export(graph: &Path, ext: &str, extra: &[&str]) -> PathBuf {
    let out = graph.with_extension(ext);
    let mut args = vec![
        "--graph",
        graph.to_str().unwrap(),
        "export",
        "-o",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run(&args);
    out
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn python_has(modules: &str) -> bool {
    has("python3", &["-c", &format!("import {modules}")])
}

fn networkx_reads_graphml_gexf_and_node_link() -> Ran {
    if !python_has("networkx") {
        return missing("python3 with networkx");
    }
    let dir = tempfile::tempdir().unwrap();
    let script = repo().join("tests/tools/networkx_check.py");
    for g in graphs(dir.path()) {
        let gml = export(&g, "graphml", &["--with", "centrality"]);
        let gexf = export(&g, "gexf", &[]);
        let nl = g.with_extension("nodelink.json");
        run(&[
            "--graph",
            s(&g),
            "export",
            "--format",
            "node-link",
            "-o",
            s(&nl),
        ]);
        let (ok, out, err) = tool("python3", &[s(&script), s(&g), s(&gml), s(&gexf), s(&nl)]);
        assert!(ok, "NetworkX disagrees on {}:\n{out}{err}", g.display());
        println!("{}", out.trim());
    }
    // The check can fail: a GraphML with one weight changed is caught.
    let g = dir.path().join("bundled.json");
    let gml = g.with_extension("graphml");
    let text = std::fs::read_to_string(&gml).unwrap();
    let i = text.find(r#"<data key="e_weight">"#).unwrap() + r#"<data key="e_weight">"#.len();
    let j = i + text[i..].find('<').unwrap();
    let broken = format!("{}0.123456{}", &text[..i], &text[j..]);
    let bad = dir.path().join("broken.graphml");
    std::fs::write(&bad, broken).unwrap();
    let gexf = g.with_extension("gexf");
    let nl = g.with_extension("nodelink.json");
    let (ok, out, _) = tool("python3", &[s(&script), s(&g), s(&bad), s(&gexf), s(&nl)]);
    assert!(!ok && out.is_empty(), "a changed weight went unnoticed");
    Ran::Done
}

/// The other way round: GEXF written by NetworkX's own `write_gexf` (GEXF 1.2draft, a directed
/// and an undirected graph) is read by leverage with every actor, name, attribute, tie, weight,
/// source and year.
fn leverage_reads_networkx_gexf() -> Ran {
    if !python_has("networkx") {
        return missing("python3 with networkx");
    }
    let dir = tempfile::tempdir().unwrap();
    let directed = dir.path().join("d.gexf");
    let undirected = dir.path().join("u.gexf");
    let script = r#"
import sys
import networkx as nx
G = nx.DiGraph()
G.add_node("DEU", label="Germany", lat=52.5218, lon=13.4015, groups="sources", population=83)
G.add_node("TUR", label="Turkey", note="a NATO member")
G.add_node("RUS", label="Russia")
G.add_edge("DEU", "TUR", weight=0.1, citation="Destatis 2023", year=2023, low=0.08, high=0.12)
G.add_edge("TUR", "RUS", weight=0.08)
G.add_edge("RUS", "TUR")
nx.write_gexf(G, sys.argv[1])
H = nx.Graph()
H.add_edge("AUT", "IND", weight=0.5)
H.add_edge("IND", "RUS")
nx.write_gexf(H, sys.argv[2])
"#;
    let (ok, out, err) = tool("python3", &["-c", script, s(&directed), s(&undirected)]);
    assert!(ok, "write_gexf failed: {out}{err}");
    let g: serde_json::Value =
        serde_json::from_str(&run(&["--graph", s(&directed), "export"])).unwrap();
    let actors = g["actors"].as_array().unwrap();
    assert_eq!(actors.len(), 3);
    assert_eq!(actors[0]["name"], "Germany");
    assert_eq!(actors[0]["lat"], 52.5218);
    assert_eq!(actors[0]["lon"], 13.4015);
    assert_eq!(actors[0]["attributes"]["population"], 83);
    assert_eq!(actors[1]["note"], "a NATO member");
    assert_eq!(g["groups"][0]["id"], "sources");
    let ties = g["ties"].as_array().unwrap();
    assert_eq!(ties.len(), 3);
    let w = &ties[0]["channels"]["weight"];
    assert_eq!(
        (ties[0]["from"].as_str(), ties[0]["to"].as_str()),
        (Some("DEU"), Some("TUR"))
    );
    assert_eq!(w["value"], 0.1);
    assert_eq!(w["range"], serde_json::json!([0.08, 0.12]));
    assert_eq!(w["source"], "Destatis 2023");
    assert_eq!(w["year"], 2023);
    assert_eq!(ties[2]["channels"]["weight"]["value"], 1.0, "no weight: 1");
    let u: serde_json::Value =
        serde_json::from_str(&run(&["--graph", s(&undirected), "export"])).unwrap();
    assert_eq!(
        u["ties"].as_array().unwrap().len(),
        4,
        "undirected: each way"
    );
    println!("leverage reads networkx write_gexf: 3 actors, 3 ties; undirected 4 ties");
    Ran::Done
}

fn igraph_reads_graphml() -> Ran {
    if !python_has("igraph") {
        return missing("python3 with igraph");
    }
    let dir = tempfile::tempdir().unwrap();
    let script = repo().join("tests/tools/igraph_check.py");
    for g in graphs(dir.path()) {
        // The suggestion needs the bundled graph's groups; the generated graphs get centrality.
        let with = if g.ends_with("bundled.json") {
            "suggest,centrality"
        } else {
            "centrality"
        };
        let gml = export(&g, "graphml", &["--with", with]);
        let (ok, out, err) = tool("python3", &[s(&script), s(&g), s(&gml)]);
        assert!(ok, "igraph disagrees on {}:\n{out}{err}", g.display());
        println!("{}", out.trim());
    }
    Ran::Done
}

fn graphviz_renders_the_dot_and_reads_it_back() -> Ran {
    if !has("dot", &["-V"]) || !has("neato", &["-V"]) {
        return missing("graphviz (dot, neato)");
    }
    let dir = tempfile::tempdir().unwrap();
    for g in graphs(dir.path()) {
        let dotf = export(&g, "dot", &[]);
        let svg = g.with_extension("dot.svg");
        let (ok, _, err) = tool("dot", &["-Tsvg", s(&dotf), "-o", s(&svg)]);
        assert!(ok, "dot -Tsvg failed: {err}");
        assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
        let png = g.with_extension("png");
        let (ok, _, err) = tool("neato", &["-n", "-Tpng", s(&dotf), "-o", s(&png)]);
        assert!(ok, "neato -n -Tpng failed on {}: {err}", dotf.display());
        assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
        let (ok, json, err) = tool("dot", &["-Tjson", s(&dotf)]);
        assert!(ok, "dot -Tjson failed: {err}");
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        let native: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&g).unwrap()).unwrap();
        // Every actor is a node, named by its id (quoted ids survive).
        let names: Vec<&str> = back["objects"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap())
            .collect();
        let ids: Vec<&str> = native["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap())
            .collect();
        assert_eq!(names, ids);
        // Every tie of positive strength is an edge, parallel pairs kept (no `strict`).
        let edges: Vec<(String, String)> = back["edges"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let end = |k: &str| names[e[k].as_u64().unwrap() as usize].to_owned();
                (end("tail"), end("head"))
            })
            .collect();
        let ties: Vec<(String, String)> = native["ties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| {
                (
                    t["from"].as_str().unwrap().to_owned(),
                    t["to"].as_str().unwrap().to_owned(),
                )
            })
            .collect();
        let (mut edges, mut ties) = (edges, ties);
        edges.sort();
        ties.sort();
        assert_eq!(edges, ties, "{}", g.display());
        // `neato -n` keeps the positions: lon/lat in points (12 per degree), as written, up to
        // the translation that moves the drawing to the origin.
        let (ok, json, err) = tool("neato", &["-n", "-Tjson", s(&dotf)]);
        assert!(ok, "neato -n -Tjson failed: {err}");
        let placed: serde_json::Value = serde_json::from_str(&json).unwrap();
        let mut offset: Option<(f64, f64)> = None;
        for (o, a) in placed["objects"]
            .as_array()
            .unwrap()
            .iter()
            .zip(native["actors"].as_array().unwrap())
        {
            let (Some(lon), Some(lat), Some(pos)) =
                (a["lon"].as_f64(), a["lat"].as_f64(), o["pos"].as_str())
            else {
                continue;
            };
            let mut xy = pos.split(',').map(|v| v.parse::<f64>().unwrap());
            let (x, y) = (xy.next().unwrap(), xy.next().unwrap());
            let (dx, dy) = *offset.get_or_insert((x - lon * 12.0, y - lat * 12.0));
            assert!((x - dx - lon * 12.0).abs() < 0.2, "{pos} vs lon {lon}");
            assert!((y - dy - lat * 12.0).abs() < 0.2, "{pos} vs lat {lat}");
        }
    }
    Ran::Done
}

fn cytoscape_js_loads_the_elements() -> Ran {
    let module = repo().join("target/tools/node_modules/cytoscape");
    if !has("node", &["--version"]) || !module.join("package.json").is_file() {
        return missing(
            "node with cytoscape@3 in target/tools (npm install --prefix target/tools cytoscape@3)",
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let script = repo().join("tests/tools/cytoscape_check.js");
    for g in graphs(dir.path()) {
        let cy = g.with_extension("cy.json");
        run(&[
            "--graph",
            s(&g),
            "export",
            "--format",
            "cytoscape",
            "-o",
            s(&cy),
        ]);
        let (ok, out, err) = tool("node", &[s(&script), s(&module), s(&cy)]);
        assert!(ok, "Cytoscape.js failed: {err}");
        let got: serde_json::Value = serde_json::from_str(&out).unwrap();
        let native: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&g).unwrap()).unwrap();
        let actors = native["actors"].as_array().unwrap();
        let ties = native["ties"].as_array().unwrap();
        assert_eq!(got["nodes"].as_array().unwrap().len(), actors.len());
        assert_eq!(got["edges"].as_array().unwrap().len(), ties.len());
        for (n, a) in got["nodes"].as_array().unwrap().iter().zip(actors) {
            assert_eq!(n["id"], a["id"]);
            assert_eq!(n["label"], a["name"]);
        }
        for (e, t) in got["edges"].as_array().unwrap().iter().zip(ties) {
            assert_eq!((&e["source"], &e["target"]), (&t["from"], &t["to"]));
            // docs/MODEL.md, "Overlapping channels" (`nested`): the strongest figure of each
            // family (declared in the file's `channels`, else `economic` for the built-in five,
            // else the channel's own), then noisy-OR across families in first-seen order; a
            // series counts with its latest figure.
            let mut best: Vec<(String, f64)> = Vec::new();
            for (c, fig) in t["channels"].as_object().unwrap() {
                let fig = fig.as_array().map_or(fig, |a| a.last().unwrap());
                let family = native["channels"][c.as_str()]["family"]
                    .as_str()
                    .map(str::to_owned)
                    .unwrap_or_else(|| {
                        let economic = ["trade", "energy", "dual_use", "food", "finance"];
                        if economic.contains(&c.as_str()) {
                            "economic".to_owned()
                        } else {
                            c.clone()
                        }
                    });
                let v = fig["value"].as_f64().unwrap();
                match best.iter_mut().find(|(f, _)| *f == family) {
                    Some((_, m)) => *m = m.max(v),
                    None => best.push((family, v)),
                }
            }
            let mut acc = 0.0;
            for (_, m) in &best {
                acc += m * (1.0 - acc);
            }
            assert!(
                (e["weight"].as_f64().unwrap() - acc).abs() < 1e-12,
                "{} -> {}: {} against {acc}",
                t["from"],
                t["to"],
                e["weight"]
            );
        }
        println!(
            "cytoscape.js {}: {} nodes, {} edges",
            got["version"],
            actors.len(),
            ties.len()
        );
    }
    // Cytoscape.js silently drops a duplicate id: the count check notices.
    let cy = dir.path().join("bundled.cy.json");
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&cy).unwrap()).unwrap();
    doc["elements"]["nodes"][1]["data"]["id"] = doc["elements"]["nodes"][0]["data"]["id"].clone();
    let bad = dir.path().join("dup.cy.json");
    std::fs::write(&bad, doc.to_string()).unwrap();
    let (_, out, _) = tool("node", &[s(&script), s(&module), s(&bad)]);
    let n = serde_json::from_str::<serde_json::Value>(&out)
        .map_or(0, |v| v["nodes"].as_array().map_or(0, Vec::len));
    assert!(
        n < doc["elements"]["nodes"].as_array().unwrap().len(),
        "the duplicate went unnoticed"
    );
    Ran::Done
}

fn schemas() -> PathBuf {
    repo().join("../shared/schemas")
}

fn xmllint_validates_graphml_gexf_and_svg() -> Ran {
    if !has("xmllint", &["--version"]) {
        return missing("xmllint (libxml2-utils)");
    }
    let xsd = schemas().join("graphml/graphml.xsd");
    let rng = schemas().join("gexf-1.3/gexf.rng");
    if !xsd.is_file() || !rng.is_file() {
        return missing("the schemas in ../shared/schemas");
    }
    let dir = tempfile::tempdir().unwrap();
    let valid = |args: &[&str]| tool("xmllint", args);
    for g in graphs(dir.path()) {
        let gml = export(&g, "graphml", &["--with", "centrality"]);
        let (ok, _, err) = valid(&["--noout", "--schema", s(&xsd), s(&gml)]);
        assert!(ok, "GraphML does not validate: {err}");
        let gexf = export(&g, "gexf", &[]);
        let (ok, _, err) = valid(&["--noout", "--relaxng", s(&rng), s(&gexf)]);
        assert!(ok, "GEXF does not validate: {err}");
        let svg = export(&g, "svg", &[]);
        let (ok, _, err) = valid(&["--noout", s(&svg)]);
        assert!(ok, "SVG is not well-formed: {err}");
    }
    // Broken files each validator must reject.
    let gml = std::fs::read_to_string(dir.path().join("bundled.graphml")).unwrap();
    let bad = dir.path().join("bad.graphml");
    std::fs::write(
        &bad,
        gml.replacen(r#"<node id="ARE">"#, r#"<node id="A R E">"#, 1),
    )
    .unwrap();
    assert!(
        !valid(&["--noout", "--schema", s(&xsd), s(&bad)]).0,
        "the XSD took a non-NMTOKEN id"
    );
    std::fs::write(&bad, gml.replacen(r#" edgedefault="directed""#, "", 1)).unwrap();
    assert!(
        !valid(&["--noout", "--schema", s(&xsd), s(&bad)]).0,
        "the XSD took a graph without edgedefault"
    );
    let gexf = std::fs::read_to_string(dir.path().join("bundled.gexf")).unwrap();
    let bad = dir.path().join("bad.gexf");
    std::fs::write(
        &bad,
        gexf.replacen(
            r#"version="1.3">"#,
            r#"version="1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">"#,
            1,
        ),
    )
    .unwrap();
    assert!(
        !valid(&["--noout", "--relaxng", s(&rng), s(&bad)]).0,
        "the RNG took xsi:schemaLocation"
    );
    std::fs::write(
        &bad,
        gexf.replacen("http://gexf.net/1.3\"", "http://www.gexf.net/1.3\"", 1),
    )
    .unwrap();
    assert!(
        !valid(&["--noout", "--relaxng", s(&rng), s(&bad)]).0,
        "the RNG took the www. namespace"
    );
    let svg = std::fs::read_to_string(dir.path().join("bundled.svg")).unwrap();
    let bad = dir.path().join("bad.svg");
    std::fs::write(&bad, svg.replacen("</svg>", "", 1)).unwrap();
    assert!(
        !valid(&["--noout", s(&bad)]).0,
        "xmllint took an unclosed SVG"
    );
    Ran::Done
}

fn rsvg_renders_the_map() -> Ran {
    if !has("rsvg-convert", &["--version"]) {
        return missing("rsvg-convert (librsvg2-bin)");
    }
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("map.svg");
    run(&["export", "-o", s(&svg)]);
    let png = dir.path().join("map.png");
    let (ok, _, err) = tool("rsvg-convert", &["-w", "1600", s(&svg), "-o", s(&png)]);
    assert!(ok, "rsvg-convert failed: {err}");
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    Ran::Done
}

// See: #16
fn networkx_reads_centrality_of_an_actor_without_ties() -> Ran {
    if !python_has("networkx") {
        return missing("python3 with networkx");
    }
    let dir = tempfile::tempdir().unwrap();
    let g = repo().join("tests/fixtures/hostile-cells.json");
    let gml = dir.path().join("c.graphml");
    let gexf = dir.path().join("c.gexf");
    for out in [&gml, &gexf] {
        run(&[
            "--graph",
            s(&g),
            "export",
            "-o",
            s(out),
            "--with",
            "centrality",
        ]);
    }
    // The actor without ties (ISO) has no constraint, the others a number.
    let script = "import sys, networkx as nx\n\
        for g in (nx.read_graphml(sys.argv[1]), nx.read_gexf(sys.argv[2])):\n\
        \x20   assert 'constraint' not in g.nodes['ISO'], g.nodes['ISO']\n\
        \x20   assert isinstance(g.nodes['AAA']['constraint'], float), g.nodes['AAA']\n\
        print('networkx: constraint absent for ISO, a float for AAA')\n";
    let (ok, out, err) = tool("python3", &["-c", script, s(&gml), s(&gexf)]);
    assert!(ok, "NetworkX cannot read the export:\n{out}{err}");
    println!("{}", out.trim());
    Ran::Done
}

fn main() {
    outside::main(vec![
        outside::trial(
            "networkx_reads_graphml_gexf_and_node_link",
            networkx_reads_graphml_gexf_and_node_link,
        ),
        outside::trial("leverage_reads_networkx_gexf", leverage_reads_networkx_gexf),
        outside::trial("igraph_reads_graphml", igraph_reads_graphml),
        outside::trial(
            "graphviz_renders_the_dot_and_reads_it_back",
            graphviz_renders_the_dot_and_reads_it_back,
        ),
        outside::trial(
            "cytoscape_js_loads_the_elements",
            cytoscape_js_loads_the_elements,
        ),
        outside::trial(
            "xmllint_validates_graphml_gexf_and_svg",
            xmllint_validates_graphml_gexf_and_svg,
        ),
        outside::trial("rsvg_renders_the_map", rsvg_renders_the_map),
        outside::trial(
            "networkx_reads_centrality_of_an_actor_without_ties",
            networkx_reads_centrality_of_an_actor_without_ties,
        ),
        outside::trial(
            "attribute_names_reach_networkx_and_validate",
            attribute_names_reach_networkx_and_validate,
        ),
        outside::trial(
            "networkx_ids_with_spaces_are_made_safe",
            networkx_ids_with_spaces_are_made_safe,
        ),
    ]);
}

#[test]
fn kumu_and_d3_exports_read_back_by_their_conventions() {
    // See: #14. Kumu by a schema written from its documentation, D3's `links` by NetworkX's
    // loader with edges="links"; a blueprint with a connection to an unknown label must fail.
    if !python_has("networkx, jsonschema") {
        return missing("python3 with networkx and jsonschema");
    }
    let dir = tempfile::tempdir().unwrap();
    let script = repo().join("tests/tools/kumu_d3_check.py");
    let schema = repo().join("docs/kumu.schema.json");
    let s = |p: &Path| p.to_str().unwrap().to_owned();
    for g in graphs(dir.path()) {
        let kumu = export(&g, "kumu.json", &[]);
        let d3 = export(&g, "d3.json", &[]);
        let (ok, out, err) = tool(
            "python3",
            &[&s(&script), &s(&g), &s(&kumu), &s(&d3), &s(&schema)],
        );
        assert!(ok, "{out}{err}");
        println!("{}: {out}", g.display());
    }
    let g = dir.path().join("bundled.json");
    let kumu = export(&g, "kumu.json", &[]);
    let mut doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&kumu).unwrap()).unwrap();
    doc["connections"][0]["to"] = "Atlantis".into();
    let bad = dir.path().join("bad.kumu.json");
    std::fs::write(&bad, doc.to_string()).unwrap();
    let d3 = export(&g, "d3.json", &[]);
    let (ok, out, _) = tool(
        "python3",
        &[&s(&script), &s(&g), &s(&bad), &s(&d3), &s(&schema)],
    );
    assert!(!ok && out.contains("names no element"), "{out}");
}

/// An attribute whose name is no XML name (`GDP (USD)`): NetworkX reads it under its exact name
/// from GEXF (the attribute's `title`) and under its NMTOKEN form from GraphML (whose schema
/// allows nothing else in `attr.name`), and both files still validate.
fn attribute_names_reach_networkx_and_validate() -> Ran {
    if !python_has("networkx") {
        return missing("python3 with networkx");
    }
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("gdp.json");
    let mut doc: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(repo().join("tests/fixtures/five.json")).unwrap(),
    )
    .unwrap();
    for a in doc["actors"].as_array_mut().unwrap() {
        if a["id"] == "IND" {
            a["attributes"] = serde_json::json!({"GDP (USD)": 3.9e12});
        }
    }
    write_json(&g, &doc);
    let gml = export(&g, "graphml", &[]);
    let gexf = export(&g, "gexf", &[]);
    let script = "import sys, networkx as nx\n\
        x = nx.read_gexf(sys.argv[2]).nodes['IND']\n\
        assert x['GDP (USD)'] == 3.9e12, x\n\
        y = nx.read_graphml(sys.argv[1]).nodes['IND']\n\
        assert y['GDP__USD_'] == 3.9e12, y\n\
        print('networkx: GDP (USD) in GEXF, GDP__USD_ in GraphML')\n";
    let (ok, out, err) = tool("python3", &["-c", script, s(&gml), s(&gexf)]);
    assert!(ok, "NetworkX reads other names:\n{out}{err}");
    println!("{}", out.trim());
    if !has("xmllint", &["--version"]) {
        return Ran::Partly("SKIPPED the schema check: needs xmllint (libxml2-utils)".into());
    }
    let xsd = schemas().join("graphml/graphml.xsd");
    let rng = schemas().join("gexf-1.3/gexf.rng");
    let (ok, _, err) = tool("xmllint", &["--noout", "--schema", s(&xsd), s(&gml)]);
    assert!(ok, "GraphML does not validate: {err}");
    let (ok, _, err) = tool("xmllint", &["--noout", "--relaxng", s(&rng), s(&gexf)]);
    assert!(ok, "GEXF does not validate: {err}");
    // The reason for the NMTOKEN: the schema refuses the exact name in `attr.name`.
    let text = std::fs::read_to_string(&gml).unwrap();
    let exact = dir.path().join("exact.graphml");
    std::fs::write(
        &exact,
        text.replace(r#"attr.name="GDP__USD_""#, r#"attr.name="GDP (USD)""#),
    )
    .unwrap();
    let (ok, _, _) = tool("xmllint", &["--noout", "--schema", s(&xsd), s(&exact)]);
    assert!(!ok, "the GraphML schema took a non-NMTOKEN attr.name");
    Ran::Done
}

/// NetworkX users name nodes as they like (`South Korea`): leverage makes the ids safe, keeps
/// the original as the name, and `paths` finds the actors by it, from GraphML and GEXF.
fn networkx_ids_with_spaces_are_made_safe() -> Ran {
    if !python_has("networkx") {
        return missing("python3 with networkx");
    }
    let dir = tempfile::tempdir().unwrap();
    let (gml, gexf) = (dir.path().join("sk.graphml"), dir.path().join("sk.gexf"));
    let script = "import sys, networkx as nx\n\
        G = nx.DiGraph()\n\
        G.add_edge('South Korea', 'Russia', weight=0.4)\n\
        nx.write_graphml(G, sys.argv[1])\n\
        nx.write_gexf(G, sys.argv[2])\n";
    let (ok, out, err) = tool("python3", &["-c", script, s(&gml), s(&gexf)]);
    assert!(ok, "NetworkX cannot write the graph:\n{out}{err}");
    for f in [&gml, &gexf] {
        let out = run(&[
            "--graph",
            s(f),
            "paths",
            "--from",
            "South Korea",
            "--to",
            "Russia",
            "--format",
            "json",
        ]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let text = v.to_string();
        assert!(text.contains("\"South_Korea\""), "{}: {text}", f.display());
        assert!(text.contains("0.4"), "{}: {text}", f.display());
        let actors = run(&["--graph", s(f), "actors", "--format", "json"]);
        assert!(actors.contains("\"South Korea\""), "{actors}");
    }
    Ran::Done
}
