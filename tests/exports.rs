//! Exports and imports end to end: round trips that lose nothing, CSV and GraphML from other
//! tools, and errors with their places.

mod common;

use common::{fail, generated, run, write_json};

fn parse(s: &str) -> serde_json::Value {
    serde_json::from_str(s).expect("JSON output")
}

/// Native JSON -> `ext` (GraphML or GEXF) -> native JSON keeps everything, for `graph` (a path).
fn round_trip(graph: &str, dir: &std::path::Path, ext: &str) {
    let original = parse(&run(&["--graph", graph, "export", "--format", "json"]));
    let out = dir.join(format!("rt.{ext}"));
    let out = out.to_str().unwrap();
    // With analysis values attached: they must not come back as attributes.
    run(&[
        "--graph",
        graph,
        "export",
        "-o",
        out,
        "--with",
        "centrality",
        "--highlight",
        "0",
    ]);
    let back = parse(&run(&["--graph", out, "export", "--format", "json"]));
    assert_eq!(
        back, original,
        "{ext} round trip of {graph} changed the graph"
    );
}

fn graphml_round_trip(graph: &str, dir: &std::path::Path) {
    round_trip(graph, dir, "graphml");
}

#[test]
fn bundled_graph_round_trips_through_graphml() {
    let dir = tempfile::tempdir().unwrap();
    let native = dir.path().join("bundled.json");
    std::fs::write(&native, run(&["export", "--format", "json"])).unwrap();
    graphml_round_trip(native.to_str().unwrap(), dir.path());
    // And through a GraphML written with the suggestion attached.
    let gml = dir.path().join("s.graphml");
    run(&[
        "export",
        "-o",
        gml.to_str().unwrap(),
        "--with",
        "suggest,centrality",
    ]);
    let back = parse(&run(&[
        "--graph",
        gml.to_str().unwrap(),
        "export",
        "--format",
        "json",
    ]));
    assert_eq!(back, parse(&std::fs::read_to_string(&native).unwrap()));
}

#[test]
fn generated_graphs_round_trip_through_graphml() {
    let dir = tempfile::tempdir().unwrap();
    for (seed, n) in [(1, 5), (2, 12), (3, 40)] {
        let p = dir.path().join(format!("g{seed}.json"));
        write_json(&p, &generated(seed, n));
        graphml_round_trip(p.to_str().unwrap(), dir.path());
    }
}

/// The bundled graph and generated ones through leverage's GEXF: every actor, tie, channel
/// figure, note, attribute, group and the metadata come back (the manifest carries what GEXF
/// has no place for), also with suggestion values and highlighted paths attached.
#[test]
fn graphs_round_trip_through_gexf() {
    let dir = tempfile::tempdir().unwrap();
    let native = dir.path().join("bundled.json");
    std::fs::write(&native, run(&["export", "--format", "json"])).unwrap();
    round_trip(native.to_str().unwrap(), dir.path(), "gexf");
    let gexf = dir.path().join("s.gexf");
    run(&[
        "export",
        "-o",
        gexf.to_str().unwrap(),
        "--with",
        "suggest,centrality",
    ]);
    let back = run(&[
        "--graph",
        gexf.to_str().unwrap(),
        "export",
        "--format",
        "json",
    ]);
    assert_eq!(
        back,
        std::fs::read_to_string(&native).unwrap(),
        "byte-identical"
    );
    for (seed, n) in [(1, 5), (2, 12), (3, 40)] {
        let p = dir.path().join(format!("g{seed}.json"));
        write_json(&p, &generated(seed, n));
        round_trip(p.to_str().unwrap(), dir.path(), "gexf");
    }
    // Under a channel emphasis that zeroes some ties: they are still written, and come back.
    let p = dir.path().join("g1.json");
    let original = parse(&run(&["--graph", p.to_str().unwrap(), "export"]));
    run(&[
        "--graph",
        p.to_str().unwrap(),
        "--channels",
        "*=0,trade=1",
        "export",
        "-o",
        gexf.to_str().unwrap(),
    ]);
    let back = parse(&run(&["--graph", gexf.to_str().unwrap(), "export"]));
    assert_eq!(back, original);
}

/// A GEXF as NetworkX writes it (`nx.write_gexf` of an undirected graph, GEXF 1.2draft) is read
/// and analysed.
#[test]
fn a_networkx_gexf_is_imported_and_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("nx.gexf");
    std::fs::write(
        &p,
        r#"<?xml version='1.0' encoding='utf-8'?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
  <meta lastmodifieddate="2025-01-02">
    <creator>NetworkX 3.6.1</creator>
  </meta>
  <graph defaultedgetype="undirected" mode="static" name="">
    <attributes mode="static" class="node">
      <attribute id="0" title="groups" type="string" />
    </attributes>
    <nodes>
      <node id="DEU" label="Germany">
        <attvalues>
          <attvalue for="0" value="sources" />
        </attvalues>
      </node>
      <node id="TUR" label="Turkey" />
      <node id="RUS" label="Russia" />
    </nodes>
    <edges>
      <edge source="DEU" target="TUR" id="0" weight="0.1" />
      <edge source="TUR" target="RUS" id="1" weight="0.08" />
    </edges>
  </graph>
</gexf>
"#,
    )
    .unwrap();
    let g = parse(&run(&["--graph", p.to_str().unwrap(), "export"]));
    assert_eq!(
        g["ties"].as_array().unwrap().len(),
        4,
        "undirected: each way"
    );
    assert_eq!(g["meta"]["date"], "2025-01-02");
    let ranking = parse(&run(&[
        "--graph",
        p.to_str().unwrap(),
        "--format",
        "json",
        "suggest",
        "--from",
        "sources",
        "--target",
        "RUS",
    ]));
    let partners = ranking["partners"].as_array().unwrap();
    assert_eq!(partners[0]["id"], "TUR");
    let ok = run(&["validate", p.to_str().unwrap()]);
    assert!(ok.contains("valid (3 actors, 4 ties, 1 groups)"), "{ok}");
}

#[test]
fn control_characters_are_dropped_from_xml() {
    // See: issue 4, "XML 1.0 forbids control characters".
    let dir = tempfile::tempdir().unwrap();
    let mut g = generated(7, 4);
    g["actors"][0]["name"] = serde_json::json!("bell\u{7}name\u{1b}");
    let p = dir.path().join("c.json");
    write_json(&p, &g);
    for ext in ["graphml", "gexf", "svg"] {
        let out = dir.path().join(format!("c.{ext}"));
        run(&[
            "--graph",
            p.to_str().unwrap(),
            "export",
            "-o",
            out.to_str().unwrap(),
        ]);
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(!text.contains('\u{7}') && !text.contains('\u{1b}'), "{ext}");
        assert!(text.contains("bellname"), "{ext}");
    }
    let back = parse(&run(&[
        "--graph",
        dir.path().join("c.graphml").to_str().unwrap(),
        "export",
    ]));
    assert_eq!(back["actors"][0]["name"], "bellname");
    let back = parse(&run(&[
        "--graph",
        dir.path().join("c.gexf").to_str().unwrap(),
        "export",
    ]));
    assert_eq!(back["actors"][0]["name"], "bellname");
}

// See: #16
#[test]
fn csv_export_reloads_with_the_same_ties_and_figures() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("world.csv");
    run(&["export", "-o", csv.to_str().unwrap()]);
    assert!(dir.path().join("world.nodes.csv").is_file());
    assert!(dir.path().join("world.graph.json").is_file());
    let original_text = run(&["export"]);
    let back_text = run(&["--graph", csv.to_str().unwrap(), "export"]);
    let (original, back) = (parse(&original_text), parse(&back_text));
    assert_eq!(back["ties"], original["ties"]);
    let ids = |v: &serde_json::Value| -> Vec<String> {
        v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(&back), ids(&original));
    for (a, b) in back["actors"]
        .as_array()
        .unwrap()
        .iter()
        .zip(original["actors"].as_array().unwrap())
    {
        assert_eq!(a["name"], b["name"]);
        assert_eq!(a["lat"], b["lat"]);
        assert_eq!(a["receptiveness"], b["receptiveness"]);
        assert_eq!(a["attributes"]["capital"], b["attributes"]["capital"]);
    }
    // Groups come back from the `groups` column, with their members.
    let members = |v: &serde_json::Value, id: &str| {
        v["groups"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["id"] == id)
            .map(|g| g["members"].clone())
    };
    assert_eq!(
        members(&back, "signatories"),
        members(&original, "signatories")
    );
    // See: #12. The whole native document comes back: metadata, citations (every `cite` of a
    // figure resolves), channel declarations, groups with their names, leads and sources,
    // stances, outreach, series, each tie's channel order; and, written the same way, the
    // same bytes.
    for key in [
        "version",
        "meta",
        "citations",
        "channels",
        "groups",
        "actors",
    ] {
        assert_eq!(back[key], original[key], "{key}");
    }
    assert_eq!(back, original);
    assert_eq!(back_text, original_text);
}

// See: #16
#[test]
fn a_csv_export_with_analysis_values_reloads_without_them() {
    // `--with` values, the colour role, `dist` and `highlighted` are derived: the graph file names
    // them so, and the reload is the graph itself, as the native export writes it.
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("w.csv");
    let five = format!("{}/tests/fixtures/five.json", env!("CARGO_MANIFEST_DIR"));
    run(&[
        "--graph",
        &five,
        "export",
        "--with",
        "suggest,centrality",
        "--from",
        "AUT",
        "--target",
        "RUS",
        "-o",
        csv.to_str().unwrap(),
    ]);
    let nodes = std::fs::read_to_string(dir.path().join("w.nodes.csv")).unwrap();
    assert!(
        nodes.lines().next().unwrap().contains(",betweenness,"),
        "{nodes}"
    );
    let original = run(&["--graph", &five, "export"]);
    let back = run(&["--graph", csv.to_str().unwrap(), "export"]);
    assert_eq!(back, original);
}

#[test]
fn a_users_csv_is_imported_and_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let ties = dir.path().join("ties.csv");
    // pandas-style: Source/Target in any case, a weight, provenance as `citation`.
    std::fs::write(
        &ties,
        "Source,Target,Weight,citation,year\nDEU,TUR,0.1,Destatis 2023,2023\nTUR,RUS,0.08,,\nDEU,IND,0.02,x,2023\nIND,RUS,,,\n",
    )
    .unwrap();
    let actors = dir.path().join("people.csv");
    std::fs::write(
        &actors,
        "id,name,lat,lon,groups,population\nDEU,Germany,52.5,13.4,sources,83\nTUR,Turkey,39.9,32.9,,85\nIND,India,28.6,77.2,,1400\nRUS,Russia,55.8,37.6,,144\n",
    )
    .unwrap();
    let g = parse(&run(&[
        "--graph",
        ties.to_str().unwrap(),
        "--actors-table",
        actors.to_str().unwrap(),
        "export",
    ]));
    assert_eq!(g["actors"].as_array().unwrap().len(), 4);
    assert_eq!(g["actors"][1]["name"], "Turkey");
    assert_eq!(g["actors"][2]["attributes"]["population"], 1400);
    let ties_out = g["ties"].as_array().unwrap();
    assert_eq!(ties_out.len(), 4);
    assert_eq!(ties_out[0]["channels"]["weight"]["value"], 0.1);
    assert_eq!(ties_out[0]["channels"]["weight"]["source"], "Destatis 2023");
    // No weight: strength 1 (as NetworkX assumes), the source says so.
    let ind_rus = &ties_out[3]["channels"]["weight"];
    assert_eq!(ind_rus["value"], 1.0);
    assert!(ind_rus["source"]
        .as_str()
        .unwrap()
        .contains("no source given"));
    let ranking = parse(&run(&[
        "--graph",
        ties.to_str().unwrap(),
        "--actors-table",
        actors.to_str().unwrap(),
        "--format",
        "json",
        "suggest",
        "--from",
        "sources",
        "--target",
        "RUS",
    ]));
    // TUR: 0.1 * 0.08 = 0.008; IND: 0.02 * 1 = 0.02.
    let p = ranking["partners"].as_array().unwrap();
    assert_eq!(p[0]["id"], "IND");
    assert!((p[0]["score"].as_f64().unwrap() - 0.02).abs() < 1e-12);
    assert!((p[1]["score"].as_f64().unwrap() - 0.008).abs() < 1e-12);
}

#[test]
fn csv_errors_name_row_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let ties = dir.path().join("t.csv");
    std::fs::write(
        &ties,
        "from,to,trade,energy\nDEU,RUS,0.1,\nDEU,RUZ,abc,0.2\nTUR,RUS,150%,\n",
    )
    .unwrap();
    let e = fail(&["--graph", ties.to_str().unwrap(), "info"]);
    assert!(
        e.contains("t.csv:3 (row 3, column `trade`): `abc` is not a number"),
        "{e}"
    );
    assert!(
        e.contains("t.csv:4 (row 4, column `trade`): `150%` is a percentage"),
        "{e}"
    );
    std::fs::write(&ties, "from,to,trade\nDEU,RUS,1.5\n").unwrap();
    let e = fail(&["--graph", ties.to_str().unwrap(), "info"]);
    assert!(
        e.contains("t.csv:2 (row 2, column `trade`): weight of channel `trade` is `1.5`"),
        "{e}"
    );
    std::fs::write(&ties, "a,b\nDEU,RUS\n").unwrap();
    let e = fail(&["--graph", ties.to_str().unwrap(), "info"]);
    assert!(e.contains("no `from` column"), "{e}");
    std::fs::write(&ties, "from,to,Trade Share\nDEU,RUS,0.1\n").unwrap();
    let e = fail(&["--graph", ties.to_str().unwrap(), "info"]);
    assert!(
        e.contains("column `Trade Share` is neither a known column nor a channel name"),
        "{e}"
    );
    // With an actors table, a typo in the ties is caught with a suggestion.
    let actors = dir.path().join("a.csv");
    std::fs::write(&actors, "id,name\nDEU,Germany\nRUS,Russia\n").unwrap();
    std::fs::write(&ties, "from,to,weight\nDEU,RUZ,0.1\n").unwrap();
    let e = fail(&[
        "--graph",
        ties.to_str().unwrap(),
        "--actors-table",
        actors.to_str().unwrap(),
        "info",
    ]);
    assert!(
        e.contains("row 2, column `to`") && e.contains("did you mean `RUS`"),
        "{e}"
    );
}

#[test]
fn gexf_errors_name_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bomb.gexf");
    std::fs::write(
        &p,
        "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<gexf version=\"1.3\"><graph><nodes><node id=\"x&b;\"/></nodes></graph></gexf>\n",
    )
    .unwrap();
    let e = fail(&["--graph", p.to_str().unwrap(), "info"]);
    assert!(
        e.contains("bomb.gexf:2:1: the file has a `<!DOCTYPE>`"),
        "{e}"
    );
    assert!(e.contains("hint: remove the DOCTYPE"), "{e}");
    let p = dir.path().join("w.gexf");
    std::fs::write(
        &p,
        "<gexf version=\"1.3\">\n<graph defaultedgetype=\"directed\">\n<nodes><node id=\"DEU\"/><node id=\"RUS\"/></nodes>\n<edges>\n  <edge source=\"DEU\" target=\"RUS\" weight=\"20%\"/>\n</edges></graph></gexf>\n",
    )
    .unwrap();
    let e = fail(&["--graph", p.to_str().unwrap(), "info"]);
    assert!(
        e.contains(
            "w.gexf:5:35 (edge `DEU` -> `RUS`, attribute weight): weight: `20%` is not a number"
        ),
        "{e}"
    );
}

#[test]
fn graphml_doctype_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("bomb.graphml");
    std::fs::write(
        &p,
        "<?xml version=\"1.0\"?>\n<!DOCTYPE g [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n<graphml><graph edgedefault=\"directed\"><node id=\"x&b;\"/></graph></graphml>\n",
    )
    .unwrap();
    let e = fail(&["--graph", p.to_str().unwrap(), "info"]);
    assert!(
        e.contains("bomb.graphml:2:1: the file has a `<!DOCTYPE>`"),
        "{e}"
    );
    assert!(
        e.contains("hint:") || e.contains("remove the DOCTYPE"),
        "{e}"
    );
}

#[test]
fn export_never_overwrites_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("g.json");
    write_json(&p, &generated(4, 5));
    let before = std::fs::read(&p).unwrap();
    let e = fail(&[
        "--graph",
        p.to_str().unwrap(),
        "export",
        "-o",
        p.to_str().unwrap(),
    ]);
    assert!(e.contains("is the input graph"), "{e}");
    assert_eq!(std::fs::read(&p).unwrap(), before);
}

#[test]
fn format_follows_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, head) in [
        ("a.graphml", "<?xml"),
        ("a.gexf", "<?xml"),
        ("a.gv", "digraph"),
        ("a.svg", "<?xml"),
        ("a.cy.json", "{"),
        ("a.nodelink.json", "{"),
    ] {
        let p = dir.path().join(name);
        run(&["export", "-o", p.to_str().unwrap()]);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.starts_with(head), "{name}");
    }
    let cy = parse(&std::fs::read_to_string(dir.path().join("a.cy.json")).unwrap());
    assert!(cy["elements"]["nodes"].is_array());
    let nl = parse(&std::fs::read_to_string(dir.path().join("a.nodelink.json")).unwrap());
    assert_eq!(nl["directed"], true);
    assert!(nl["edges"].is_array());
    let e = fail(&["export", "-o", dir.path().join("a.txt").to_str().unwrap()]);
    assert!(e.contains("cannot tell the format"), "{e}");
}

#[test]
fn suggest_draws_a_map() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("m.svg");
    let table = run(&["suggest", "--top", "3", "--svg", p.to_str().unwrap()]);
    assert!(table.contains("TUR"));
    let svg = std::fs::read_to_string(&p).unwrap();
    assert!(
        svg.contains("<svg") && svg.contains("1 Türkiye"),
        "the top partner is labelled"
    );
    // See: #14. The map shows scores in the table's unit (thousandths), with the projection
    // and the land's credit.
    let top = table.lines().find(|l| l.contains("TUR Türkiye")).unwrap();
    let score = top.split_whitespace().nth(3).unwrap();
    assert!(
        svg.contains(&format!(">{score}</text>")),
        "{score} not on the map"
    );
    assert!(svg.contains("Natural Earth projection; Made with Natural Earth"));
}

#[test]
fn the_briefing_page_is_one_small_offline_file() {
    // See: #14. Inferred from `.html`; everything inline; under 1 MB for the bundled graph; the
    // table holds the briefing's partners in rank order.
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("brief.html");
    run(&["export", "--samples", "100", "-o", p.to_str().unwrap()]);
    let html = std::fs::read_to_string(&p).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.len() < 1_000_000, "{} bytes", html.len());
    // Nothing to fetch: no src or href attribute, no stylesheet link, no URL in the script.
    for banned in [" src=", " href=", "<link", "<iframe", "@import"] {
        assert!(!html.contains(banned), "{banned}");
    }
    let script = html.rsplit("<script>").next().unwrap();
    assert!(!script.contains("http"), "the script names an address");
    assert!(html.contains("Natural Earth projection; Made with Natural Earth"));
    let b = parse(&run(&[
        "--format",
        "json",
        "brief",
        "--samples",
        "100",
        "--no-what-if",
    ]));
    let ids: Vec<&str> = b["partners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["partner"]["id"].as_str().unwrap())
        .collect();
    let rows: Vec<&str> = html
        .split("<tr data-id=\"")
        .skip(1)
        .map(|r| r.split('"').next().unwrap())
        .collect();
    assert_eq!(rows, ids);
    // No state that already sanctions Russia has a card.
    assert!(!html.contains("id=\"card-USA\""));
}

/// The hostile-cells fixture's path.
fn hostile_cells() -> String {
    format!(
        "{}/tests/fixtures/hostile-cells.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// The records of a CSV file, header first.
fn csv_records(path: &std::path::Path) -> Vec<Vec<String>> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap();
    r.records()
        .map(|rec| rec.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

/// The cell of `column` in the row whose first cell is `key`.
fn cell(records: &[Vec<String>], key: &str, column: &str) -> String {
    let c = records[0].iter().position(|h| h == column).unwrap();
    records
        .iter()
        .find(|r| r[0] == key)
        .map(|r| r[c].clone())
        .unwrap()
}

// See: #16
#[test]
fn csv_formulas_are_neutralised_in_both_files_and_numbers_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("w.csv");
    let g = hostile_cells();
    run(&["--graph", &g, "export", "-o", out.to_str().unwrap()]);
    let nodes = csv_records(&dir.path().join("w.nodes.csv"));
    assert_eq!(cell(&nodes, "AAA", "Label"), "'=HYPERLINK(\"http://x\")");
    assert_eq!(cell(&nodes, "BBB", "Label"), "'+cmd|' /C calc'!A0");
    assert_eq!(cell(&nodes, "CCC", "Label"), "'@SUM(1)");
    assert_eq!(cell(&nodes, "DDD", "Label"), "'-2+3");
    assert_eq!(cell(&nodes, "AAA", "note"), "'@note");
    assert_eq!(cell(&nodes, "AAA", "plain"), "'=1+1");
    // A mixed (JSON) column is text: its -5 is neutralised; numeric columns are not.
    assert_eq!(cell(&nodes, "CCC", "tags"), "'-5");
    assert_eq!(cell(&nodes, "AAA", "lat"), "-33.9");
    assert_eq!(cell(&nodes, "AAA", "lon"), "-70.6");
    assert_eq!(cell(&nodes, "AAA", "n"), "-2.5");
    let edges = csv_records(&out);
    // Ids are text too, in both files.
    assert_eq!(
        cell(&nodes, "'-2-3", "Label"),
        "an id a spreadsheet would compute"
    );
    assert_eq!(cell(&edges, "'-2-3", "Target"), "RUS");
    assert_eq!(cell(&edges, "AAA", "ch_weight_source"), "'=cmd source");
    assert_eq!(cell(&edges, "AAA", "ch_dist_source"), "'-lead");
    assert_eq!(cell(&edges, "AAA", "note"), "'=note");
    assert_eq!(cell(&edges, "BBB", "ch_note_source"), "'@at");
    assert_eq!(cell(&edges, "BBB", "ch_highlighted_source"), "'+plus");
    // A text that starts with `'` before a formula character gets one more, to read back.
    assert_eq!(cell(&edges, "BBB", "ch_year_source"), "''=q");
    // No cell of either file starts with a formula character.
    for r in nodes.iter().chain(&edges).skip(1) {
        for (i, c) in r.iter().enumerate() {
            let numeric = c.parse::<f64>().is_ok();
            assert!(
                numeric || !c.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "cell {i} `{c}` of {r:?}"
            );
        }
    }

    // `--csv-raw` writes them as they are.
    let raw = dir.path().join("raw.csv");
    run(&[
        "--graph",
        &g,
        "export",
        "--csv-raw",
        "-o",
        raw.to_str().unwrap(),
    ]);
    let nodes = csv_records(&dir.path().join("raw.nodes.csv"));
    assert_eq!(cell(&nodes, "AAA", "Label"), "=HYPERLINK(\"http://x\")");
    let err = fail(&["--graph", &g, "export", "--csv-raw", "--format", "graphml"]);
    assert!(
        err.contains("`--csv-raw` applies to `--format csv`"),
        "{err}"
    );
}

/// `json -> csv -> json` for the hostile-cells fixture: (original, back). The three files of the
/// export are read back together; the derived `role` of the actors table is not read back as an
/// attribute, because the graph file names it derived.
fn csv_round_trip() -> (serde_json::Value, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    let g = hostile_cells();
    let original = parse(&run(&["--graph", &g, "export", "--format", "json"]));
    let out = dir.path().join("w.csv");
    run(&["--graph", &g, "export", "-o", out.to_str().unwrap()]);
    assert!(dir.path().join("w.graph.json").is_file());
    let back = parse(&run(&[
        "--graph",
        out.to_str().unwrap(),
        "export",
        "--format",
        "json",
    ]));
    for a in back["actors"].as_array().unwrap() {
        assert!(a["attributes"].get("role").is_none(), "{a}");
    }
    (original, back)
}

// See: #16
#[test]
fn json_csv_json_keeps_every_actor_and_tie_exactly() {
    let (original, back) = csv_round_trip();
    assert_eq!(back["actors"], original["actors"]);
    assert_eq!(back["ties"], original["ties"]);
    // See: #12. And everything else: metadata, groups, the version.
    assert_eq!(back, original);
}

// See: #16
#[test]
fn channels_named_like_edge_columns_keep_their_names_through_csv() {
    let (original, back) = csv_round_trip();
    let names = |doc: &serde_json::Value| -> Vec<Vec<String>> {
        doc["ties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["channels"].as_object().unwrap().keys().cloned().collect())
            .collect()
    };
    // In each tie's own order (the fixture's), which the `channel_order` column keeps although
    // the table's columns are in one order for all ties.
    assert_eq!(
        names(&back),
        [
            vec!["weight", "dist"],
            vec!["note", "highlighted", "year"],
            vec!["ch_weight"],
            vec!["trade"]
        ]
    );
    assert_eq!(names(&back), names(&original));
}

// See: #16
#[test]
fn text_attributes_keep_their_type_through_csv() {
    let (_, back) = csv_round_trip();
    let attr = |i: usize, k: &str| back["actors"][i]["attributes"][k].clone();
    assert_eq!(attr(0, "text"), "true");
    assert_eq!(attr(1, "text"), "12");
    assert_eq!(attr(2, "text"), "");
    assert_eq!(attr(1, "tags"), "x");
    assert_eq!(attr(1, "plain"), " padded ");
    assert_eq!(attr(2, "plain"), "\"quoted\"");
    assert_eq!(attr(3, "plain"), "\tTab");
    assert_eq!(attr(2, "tags"), -5);
    assert_eq!(attr(0, "tags"), serde_json::json!(["a", 1]));
}

// See: #16
#[test]
fn undefined_centrality_is_absent_not_null() {
    let dir = tempfile::tempdir().unwrap();
    let g = hostile_cells();
    for ext in ["graphml", "gexf", "csv", "nodelink.json", "cy.json"] {
        let out = dir.path().join(format!("c.{ext}"));
        run(&[
            "--graph",
            &g,
            "export",
            "-o",
            out.to_str().unwrap(),
            "--with",
            "centrality",
        ]);
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(!text.contains(">null<"), "{ext}: {text}");
        assert!(!text.contains("\"null\""), "{ext}");
        assert!(!text.contains("\"constraint\": null"), "{ext}");
    }
    // The actor without ties has no constraint; the others have one.
    let gml = std::fs::read_to_string(dir.path().join("c.graphml")).unwrap();
    let node = |id: &str| {
        let start = gml.find(&format!("<node id=\"{id}\">")).unwrap();
        let end = start + gml[start..].find("</node>").unwrap();
        gml[start..end].to_owned()
    };
    assert!(!node("ISO").contains("n_constraint"), "{}", node("ISO"));
    assert!(node("AAA").contains("n_constraint"), "{}", node("AAA"));
}

// See: #16
#[test]
fn graphml_keeps_zero_strength_ties_in_the_manifest_as_documented() {
    let dir = tempfile::tempdir().unwrap();
    let g = format!("{}/tests/fixtures/five.json", env!("CARGO_MANIFEST_DIR"));
    let original = parse(&run(&["--graph", &g, "export", "--format", "json"]));
    // Only IND -> RUS has energy: the other four ties have strength 0 under this emphasis.
    let out = dir.path().join("z.graphml");
    run(&[
        "--graph",
        &g,
        "--channels",
        "*=0,energy=1",
        "export",
        "-o",
        out.to_str().unwrap(),
    ]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(text.matches("<edge ").count(), 1, "{text}");
    assert!(text.contains("absent_ties"), "{text}");
    let back = parse(&run(&[
        "--graph",
        out.to_str().unwrap(),
        "export",
        "--format",
        "json",
    ]));
    assert_eq!(back, original);
    // The documentation says the same.
    let doc = std::fs::read_to_string(format!("{}/docs/EXPORTS.md", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .replace('\n', " ");
    assert!(
        doc.contains("except in GraphML and the drawings (DOT, SVG)"),
        "docs/EXPORTS.md must say that GraphML leaves zero-strength ties out of its edges"
    );
    assert!(doc.contains("in the manifest's `absent_ties`"));
}

/// `tests/fixtures/five.json` with the attribute `GDP (USD)` (not an XML name) on India, written
/// to `dir/gdp.json`; returns its path.
fn gdp_graph(dir: &std::path::Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/five.json"),
    )
    .unwrap();
    let mut g: serde_json::Value = serde_json::from_str(&text).unwrap();
    let ind = g["actors"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|a| a["id"] == "IND")
        .unwrap();
    ind["attributes"] = serde_json::json!({"GDP (USD)": 3.9e12, "capital city": "New Delhi"});
    let p = dir.join("gdp.json");
    write_json(&p, &g);
    p
}

#[test]
fn attribute_names_that_are_no_xml_names_survive_graphml_and_gexf() {
    let dir = tempfile::tempdir().unwrap();
    let g = gdp_graph(dir.path());
    let g = g.to_str().unwrap();
    for ext in ["graphml", "gexf"] {
        round_trip(g, dir.path(), ext);
        let back = parse(&run(&[
            "--graph",
            dir.path().join(format!("rt.{ext}")).to_str().unwrap(),
            "export",
            "--format",
            "json",
        ]));
        let ind = back["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == "IND")
            .unwrap();
        assert_eq!(ind["attributes"]["GDP (USD)"], 3.9e12, "{ext}: {ind}");
        assert_eq!(ind["attributes"]["capital city"], "New Delhi", "{ext}");
    }
    // GEXF keeps the exact name as the attribute's title; GraphML's `attr.name` must be an
    // NMTOKEN, so the exact name is the key's description.
    let gexf = std::fs::read_to_string(dir.path().join("rt.gexf")).unwrap();
    assert!(gexf.contains(r#"title="GDP (USD)""#), "{gexf}");
    let gml = std::fs::read_to_string(dir.path().join("rt.graphml")).unwrap();
    assert!(
        gml.contains(
            r#"attr.name="GDP__USD_" attr.type="double">
    <desc>GDP (USD)</desc>"#
        ),
        "{gml}"
    );
}

#[test]
fn paths_find_an_actor_whose_graphml_id_has_a_space() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("sk.graphml");
    // As `nx.write_graphml` writes `G.add_edge("South Korea", "Russia", weight=0.4)`.
    std::fs::write(
        &f,
        r#"<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="edge" attr.name="weight" attr.type="double" />
  <graph edgedefault="directed">
    <node id="South Korea" />
    <node id="Russia" />
    <edge source="South Korea" target="Russia">
      <data key="d0">0.4</data>
    </edge>
  </graph>
</graphml>"#,
    )
    .unwrap();
    let f = f.to_str().unwrap();
    let out = run(&[
        "--graph",
        f,
        "paths",
        "--from",
        "South Korea",
        "--to",
        "Russia",
    ]);
    assert!(
        out.contains("South_Korea → Russia   leverage 40.0%"),
        "{out}"
    );
    // validate says what it changed, on stderr.
    let o = common::leverage()
        .args(["--graph", f, "validate"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains(
            "ids made safe (letters, digits, `-`, `_`, `.`): `South Korea` -> `South_Korea`"
        ),
        "{err}"
    );
}
