//! Unit tests of `src/io/gexf.rs`.

use super::*;

fn defaults() -> ImportDefaults {
    ImportDefaults {
        file: "g.gexf".into(),
        title: "g".into(),
        date: "2024-05-01".into(),
    }
}

fn load(text: &str) -> Result<InfluenceGraph> {
    parse(text, &defaults(), &LoadOptions::default())
}

/// As NetworkX 3.6 `write_gexf` writes a `DiGraph` (GEXF 1.2draft, `weight` on the edge, no
/// `label` attribute declared, `long` and `double` types).
const NX: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">
  <meta lastmodifieddate="2023-11-27">
    <creator>NetworkX 3.6.1</creator>
  </meta>
  <graph defaultedgetype="directed" mode="static" name="">
    <attributes mode="static" class="edge">
      <attribute id="3" title="citation" type="string" />
      <attribute id="4" title="year" type="long" />
      <attribute id="5" title="colour" type="string" />
    </attributes>
    <attributes mode="static" class="node">
      <attribute id="0" title="lat" type="double" />
      <attribute id="1" title="population" type="long" />
      <attribute id="2" title="eu" type="boolean" />
      <attribute id="6" title="lon" type="double" />
    </attributes>
    <nodes>
      <node id="AUT" label="Austria">
        <attvalues>
          <attvalue for="0" value="48.2" />
          <attvalue for="1" value="9" />
          <attvalue for="2" value="true" />
          <attvalue for="6" value="16.3667" />
        </attvalues>
      </node>
      <node id="RUS" label="RUS" />
      <node id="TUR" label="Turkey" />
    </nodes>
    <edges>
      <edge source="AUT" target="RUS" id="0" weight="0.25">
        <attvalues>
          <attvalue for="3" value="Destatis" />
          <attvalue for="4" value="2023" />
          <attvalue for="5" value="red" />
        </attvalues>
      </edge>
      <edge source="TUR" target="RUS" id="1" />
    </edges>
  </graph>
</gexf>"#;

#[test]
fn networkx_style() {
    let g = load(NX).unwrap();
    assert_eq!(g.actor_count(), 3);
    assert_eq!(g.tie_count(), 2);
    let aut = g.node_of("AUT").unwrap();
    let rus = g.node_of("RUS").unwrap();
    let tur = g.node_of("TUR").unwrap();
    assert_eq!(g.actor(aut).name, "Austria");
    assert_eq!(g.actor(rus).name, "RUS");

    let a = g.actor(aut);
    let c = a.coordinates.unwrap();
    assert_eq!((c.lat, c.lon), (48.2, 16.3667));
    assert_eq!(a.attributes["population"], serde_json::json!(9));
    assert_eq!(a.attributes["eu"], serde_json::json!(true));
    let fig = &g.tie(aut, rus).unwrap().channels["weight"];
    assert_eq!(fig.value, 0.25);
    assert_eq!(fig.year, 2023);
    assert_eq!(&*fig.source, "Destatis");
    // No weight: strength 1, as GEXF's default weight says.
    let fig = &g.tie(tur, rus).unwrap().channels["weight"];
    assert_eq!(fig.value, 1.0);
    // The year of the meta's date, the source saying none was given.
    assert_eq!(fig.year, 2023);
    assert_eq!(&*fig.source, "imported from g.gexf, no source given");
    assert_eq!(g.meta.date, "2023-11-27");
    assert_eq!(g.meta.title, "g");
    assert!(
        g.meta.notes.iter().any(|n| n.contains("not used: colour")),
        "{:?}",
        g.meta.notes
    );
}

/// As Gephi 0.10 exports GEXF 1.3: attribute ids that are not the titles, titles in any case,
/// an undirected default with one directed and one mutual edge, `viz:` elements, list types.
const GEPHI: &str = r#"<?xml version='1.0' encoding='UTF-8'?>
<gexf xmlns="http://gexf.net/1.3" version="1.3" xmlns:viz="http://gexf.net/1.3/viz" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd">
  <meta lastmodifieddate="2024-03-01">
    <creator>Gephi 0.10.1</creator>
    <title>Outreach</title>
    <description>Trade ties, by hand</description>
  </meta>
  <graph defaultedgetype="undirected" mode="static">
    <attributes class="node" mode="static">
      <attribute id="latitude" title="Latitude" type="double"/>
      <attribute id="longitude" title="Longitude" type="double"/>
      <attribute id="groups" title="groups" type="string"/>
      <attribute id="receptiveness" title="receptiveness" type="double"/>
      <attribute id="receptiveness_source" title="receptiveness_source" type="string"/>
      <attribute id="modularity_class" title="Modularity Class" type="integer"/>
      <attribute id="tags" title="tags" type="liststring"/>
      <attribute id="member" title="member" type="boolean">
        <default>false</default>
      </attribute>
      <attribute id="note" title="Note" type="string"/>
    </attributes>
    <attributes class="edge" mode="static">
      <attribute id="citation" title="citation" type="string"/>
      <attribute id="year" title="year" type="integer"/>
      <attribute id="low" title="low" type="double"/>
      <attribute id="high" title="high" type="double"/>
      <attribute id="strength" title="strength" type="double"/>
    </attributes>
    <nodes>
      <node id="DEU" label="Germany">
        <attvalues>
          <attvalue for="latitude" value="52.5218"/>
          <attvalue for="longitude" value="13.4015"/>
          <attvalue for="groups" value="sources; EU"/>
          <attvalue for="modularity_class" value="0"/>
          <attvalue for="tags" value="[big, west]"/>
          <attvalue for="member" value="true"/>
        </attvalues>
        <viz:size value="10.0"/>
        <viz:position x="134.015" y="525.218" z="0.0"/>
        <viz:color r="31" g="78" b="156"/>
      </node>
      <node id="TUR" label="Turkey">
        <attvalues>
          <attvalue for="receptiveness" value="0.75"/>
          <attvalue for="receptiveness_source" value="UNGA votes"/>
          <attvalue for="modularity_class" value="1"/>
          <attvalue for="note" value="a NATO member"/>
        </attvalues>
        <viz:color r="128" g="128" b="128"/>
      </node>
      <node id="RUS" label="Russia"/>
      <node id="IND" label="India"/>
    </nodes>
    <edges>
      <edge id="0" source="DEU" target="TUR" weight="0.1">
        <attvalues>
          <attvalue for="citation" value="Destatis 2023"/>
          <attvalue for="year" value="2023"/>
          <attvalue for="low" value="0.08"/>
          <attvalue for="high" value="0.12"/>
          <attvalue for="strength" value="0.09"/>
        </attvalues>
        <viz:color r="211" g="84" b="0" a="1.0"/>
      </edge>
      <edge id="1" source="TUR" target="RUS" type="directed" weight="0.08"/>
      <edge id="2" source="IND" target="RUS" type="mutual"/>
    </edges>
  </graph>
</gexf>
"#;

#[test]
fn gephi_style_with_attributes_and_undirected_edges() {
    let g = load(GEPHI).unwrap();
    assert_eq!(g.meta.title, "Outreach");
    assert_eq!(g.meta.description.as_deref(), Some("Trade ties, by hand"));
    assert_eq!(g.meta.date, "2024-03-01");
    assert_eq!(g.actor_count(), 4);
    // Undirected (the default) and mutual: a tie each way; directed: one.
    assert_eq!(g.tie_count(), 5);
    let n = |id: &str| g.node_of(id).unwrap();
    let (deu, tur, rus, ind) = (n("DEU"), n("TUR"), n("RUS"), n("IND"));
    for (f, t) in [(deu, tur), (tur, deu), (tur, rus), (ind, rus), (rus, ind)] {
        assert!(g.tie(f, t).is_some());
    }
    assert!(g.tie(rus, tur).is_none());
    let fig = &g.tie(tur, deu).unwrap().channels["weight"];
    assert_eq!(fig.value, 0.1);
    assert_eq!(fig.range, Some([0.08, 0.12]));
    assert_eq!((&*fig.source, fig.year), ("Destatis 2023", 2023));
    // No weight: GEXF's default, 1.
    assert_eq!(g.tie(rus, ind).unwrap().channels["weight"].value, 1.0);
    assert_eq!(g.tie(ind, rus).unwrap().channels["weight"].year, 2024);
    let de = g.actor(deu);
    assert_eq!(de.name, "Germany");
    let c = de.coordinates.unwrap();
    assert_eq!((c.lat, c.lon), (52.5218, 13.4015));
    assert_eq!(de.attributes["Modularity Class"], serde_json::json!(0));
    assert_eq!(de.attributes["tags"], serde_json::json!(["big", "west"]));
    assert_eq!(de.attributes["member"], serde_json::json!(true));
    let tu = g.actor(tur);
    assert_eq!(
        tu.attributes["member"],
        serde_json::json!(false),
        "the default"
    );
    assert_eq!(tu.note.as_deref(), Some("a NATO member"));
    let r = tu.receptiveness.as_ref().unwrap();
    assert_eq!((r.value, &*r.source, r.year), (0.75, "UNGA votes", 2024));
    // Viz is ignored: a position does not make coordinates.
    assert!(tu.coordinates.is_none());
    let members = |id: &str| -> Vec<String> {
        g.group(id)
            .unwrap()
            .members
            .iter()
            .map(|m| m.to_string())
            .collect()
    };
    assert_eq!(members("sources"), ["DEU"]);
    assert_eq!(members("EU"), ["DEU"]);
    assert!(
        g.meta
            .notes
            .iter()
            .any(|n| n.contains("not used: strength")),
        "{:?}",
        g.meta.notes
    );
}

#[test]
fn weight_attr_names_the_strength() {
    let opts = LoadOptions {
        weight_attr: Some("strength".into()),
        ..LoadOptions::default()
    };
    let g = parse(GEPHI, &defaults(), &opts).unwrap();
    let (deu, tur) = (g.node_of("DEU").unwrap(), g.node_of("TUR").unwrap());
    assert_eq!(g.tie(deu, tur).unwrap().channels["strength"].value, 0.09);
    // An edge without it has strength 1.
    let rus = g.node_of("RUS").unwrap();
    assert_eq!(g.tie(tur, rus).unwrap().channels["strength"].value, 1.0);
    let opts = LoadOptions {
        weight_attr: Some("force".into()),
        ..LoadOptions::default()
    };
    let e = parse(GEPHI, &defaults(), &opts).unwrap_err().to_string();
    assert!(e.contains("no edge attribute of that name"), "{e}");
    assert!(
        e.contains("citation, high, low, strength, weight, year"),
        "{e}"
    );
}

/// A minimal file with `edges` as the edge elements.
fn small(edges: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" version=\"1.3\">\n  <graph defaultedgetype=\"directed\">\n    <nodes>\n      <node id=\"AUT\" label=\"Austria\"/>\n      <node id=\"IND\" label=\"India\"/>\n      <node id=\"RUS\" label=\"Russia\"/>\n    </nodes>\n    <edges>\n{edges}\n    </edges>\n  </graph>\n</gexf>\n"
    )
}

#[test]
fn unknown_node_in_an_edge_has_its_place() {
    let text = small(
        "      <edge id=\"0\" source=\"AUT\" target=\"IND\" weight=\"0.02\"/>\n      <edge id=\"1\" source=\"IND\" target=\"RUZ\" weight=\"0.091\"/>",
    );
    let e = load(&text).unwrap_err().to_string();
    assert!(
        e.starts_with(
            "g.gexf:11:7 (edge `IND` -> `RUZ`): unknown actor `RUZ` (did you mean `RUS`?)"
        ),
        "{e}"
    );
}

#[test]
fn bad_weights_have_line_and_column() {
    let text = small("      <edge id=\"0\" source=\"IND\" target=\"RUS\" weight=\"strong\"/>");
    let e = load(&text).unwrap_err().to_string();
    assert!(
        e.starts_with(
            "g.gexf:10:46 (edge `IND` -> `RUS`, attribute weight): weight: `strong` is not a number"
        ),
        "{e}"
    );
    assert!(e.contains("hint: "), "{e}");
    let text = small("      <edge id=\"0\" source=\"IND\" target=\"RUS\" weight=\"1.5\"/>");
    let e = load(&text).unwrap_err().to_string();
    assert!(
        e.starts_with("g.gexf:10:46 (edge `IND` -> `RUS`, attribute weight)"),
        "{e}"
    );
    assert!(e.contains("is `1.5`, but weights are shares"), "{e}");
}

#[test]
fn a_value_of_the_wrong_type_has_its_place() {
    let text = "<gexf version=\"1.3\"><graph defaultedgetype=\"directed\">\n<attributes class=\"node\"><attribute id=\"0\" title=\"population\" type=\"long\"/></attributes>\n<nodes><node id=\"AUT\"><attvalues>\n  <attvalue for=\"0\" value=\"many\"/></attvalues></node></nodes><edges/></graph></gexf>";
    let e = load(text).unwrap_err().to_string();
    assert!(
        e.starts_with("g.gexf:4:3 (node `AUT`, attribute population): attribute `population` is of type `long`, but `many` is not an integer"),
        "{e}"
    );
    assert!(e.contains("the attribute's `type`"), "{e}");
}

#[test]
fn doctype_is_refused() {
    let text = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<gexf version="1.3"><graph><nodes><node id="A&lol2;"/></nodes></graph></gexf>"#;
    let e = load(text).unwrap_err().to_string();
    assert!(
        e.starts_with("g.gexf:2:1: the file has a `<!DOCTYPE>`"),
        "{e}"
    );
    assert!(e.contains("GEXF needs none"), "{e}");
}

#[test]
fn a_truncated_file_is_cut_short() {
    let full = small("      <edge id=\"0\" source=\"AUT\" target=\"IND\" weight=\"0.02\"/>");
    let cut = &full[..full.find("<edges>").unwrap() + 12];
    let e = load(cut).unwrap_err().to_string();
    assert!(
        e.starts_with("g.gexf:10:5: the file ends inside `<edges>`: it is cut short"),
        "{e}"
    );
    assert!(e.contains("`</gexf>` last"), "{e}");
    // Cut inside a tag: not well-formed, with a place.
    let cut = &full[..full.find("target=").unwrap()];
    let e = load(cut).unwrap_err().to_string();
    assert!(e.starts_with("g.gexf:10:"), "{e}");
}

#[test]
fn other_structural_errors() {
    let e = load("<graphml><graph/></graphml>").unwrap_err().to_string();
    assert!(
        e.contains("the root element is `<graphml>`, not `<gexf>`"),
        "{e}"
    );
    let e = load("<gexf version=\"1.3\"/>").unwrap_err().to_string();
    assert!(e.contains("no `<gexf>` element with a `<graph>`"), "{e}");
    let e = load(&small("      <edge id=\"0\" source=\"AUT\"/>"))
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("g.gexf:10:7: an `<edge>` has no `target`"),
        "{e}"
    );
    let e = load(&small(
        "      <edge source=\"AUT\" target=\"IND\" type=\"bidirected\"/>",
    ))
    .unwrap_err()
    .to_string();
    assert!(e.contains("the edge's `type` is `bidirected`"), "{e}");
    let text = "<gexf version=\"1.3\"><graph><nodes><node id=\"A\"><nodes><node id=\"B\"/></nodes></node></nodes></graph></gexf>";
    let e = load(text).unwrap_err().to_string();
    assert!(e.contains("nested nodes"), "{e}");
    let e = load("<gexf><graph><nodes><node id=\"A&x;\"/></nodes></graph></gexf>");
    assert!(e.is_err());
}

#[test]
fn time_is_ignored_with_a_note() {
    let text = r#"<gexf version="1.3"><graph mode="dynamic" defaultedgetype="directed" timeformat="date">
<attributes class="edge" mode="dynamic"><attribute id="c" title="citation" type="string"/></attributes>
<nodes><node id="AUT" start="2020-01-01"><spells><spell start="2020-01-01"/></spells></node><node id="RUS"/></nodes>
<edges><edge source="AUT" target="RUS" weight="0.5"><attvalues>
<attvalue for="c" value="old" start="2020-01-01" end="2021-01-01"/>
<attvalue for="c" value="new" start="2021-01-01"/></attvalues></edge></edges></graph></gexf>"#;
    let g = load(text).unwrap();
    let (aut, rus) = (g.node_of("AUT").unwrap(), g.node_of("RUS").unwrap());
    assert_eq!(&*g.tie(aut, rus).unwrap().channels["weight"].source, "new");
    assert!(
        g.meta.notes.iter().any(|n| n.contains("time ignored")),
        "{:?}",
        g.meta.notes
    );
    // A static file gets no such note.
    assert!(!load(NX)
        .unwrap()
        .meta
        .notes
        .iter()
        .any(|n| n.contains("time")));
}

#[test]
fn leverage_gexf_reloads_exactly() {
    use crate::export::{to_bytes, AnnotatedGraph, ExportFormat};
    let five = include_str!("../../../tests/fixtures/five.json");
    let mut doc: serde_json::Value = serde_json::from_str(five).unwrap();
    // Every feature: a note and attributes on an actor (one of mixed types), a tie note, a
    // channel in a tie whose order differs from the graph's, a group with all its fields.
    doc["actors"][0]["note"] = "lead".into();
    doc["actors"][0]["attributes"] =
        serde_json::json!({"capital": "Vienna", "mixed": [1, "a"], "score": 3, "eu": true});
    doc["actors"][1]["attributes"] = serde_json::json!({"mixed": "x"});
    doc["ties"][3]["note"] = "via the Gulf? -> maybe".into();
    doc["ties"][3]["channels"] = serde_json::json!({
        "energy": {"value": 0.3, "range": [0.2, 0.4], "source": "example figure", "year": 2024},
        "trade": {"value": 0.091, "source": "example figure", "year": 2023}});
    doc["groups"][0]["name"] = "Signatories".into();
    doc["groups"][0]["note"] = "who signed".into();
    doc["meta"]["notes"] = serde_json::json!(["one", "two ?> three"]);
    let g = crate::io::json::parse(&doc.to_string(), "five.json").unwrap();
    // An analysis value attached under the name of an attribute: not read back.
    let mut annotated = AnnotatedGraph::new(&g);
    let scores = g.actors().map(|(n, _)| (n, 0.5)).collect();
    annotated.node_values.insert("score".into(), scores);
    let bytes = to_bytes(&annotated, ExportFormat::Gexf).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.contains("<?leverage_manifest {"));
    let back = load(&text).unwrap();
    assert_eq!(
        crate::io::json::to_string(&back),
        crate::io::json::to_string(&g)
    );
    // Without the manifest (a file re-saved by Gephi), it still loads: the strength becomes a
    // `weight` channel, the groups come from the `groups` attribute.
    let start = text.find("<?leverage_manifest").unwrap();
    let end = start + text[start..].find("?>").unwrap() + 3;
    let plain = format!("{}{}", &text[..start], &text[end..]);
    let other = load(&plain).unwrap();
    assert_eq!(other.actor_count(), g.actor_count());
    assert_eq!(other.tie_count(), g.tie_count());
    let (ind, rus) = (other.node_of("IND").unwrap(), other.node_of("RUS").unwrap());
    let w = other.tie(ind, rus).unwrap().channels["weight"].value;
    // Energy and trade are one economic family: the default `nested` rule takes the stronger,
    // max(0.3, 0.091) = 0.3 (version 1's noisy-OR gave 1 - 0.7 x 0.909 = 0.3637).
    assert!((w - 0.3).abs() < 1e-12, "{w}");
    assert!(other.group("signatories").is_some());
}

#[test]
fn a_numeric_edge_attribute_other_than_weight_is_not_silently_strength_1() {
    // As `nx.write_gexf` writes `G.add_edge("AUT", "RUS", strength=0.4)`: no `weight`.
    let text = small(
        "      <edge id=\"0\" source=\"AUT\" target=\"RUS\">\n        <attvalues><attvalue for=\"0\" value=\"0.4\"/></attvalues>\n      </edge>",
    )
    .replace(
        "    <nodes>",
        "    <attributes class=\"edge\"><attribute id=\"0\" title=\"strength\" type=\"double\"/></attributes>\n    <nodes>",
    );
    let e = load(&text).unwrap_err().to_string();
    assert!(e.starts_with("g.gexf:"), "{e}");
    assert!(e.contains("(edge `AUT` -> `RUS`)"), "{e}");
    assert!(e.contains("numeric attribute `strength`"), "{e}");
    assert!(e.contains("`LoadOptions::weight_attr` = `strength`"), "{e}");
    let opts = LoadOptions {
        weight_attr: Some("strength".into()),
        ..LoadOptions::default()
    };
    let g = parse(&text, &defaults(), &opts).unwrap();
    let (aut, rus) = (g.node_of("AUT").unwrap(), g.node_of("RUS").unwrap());
    assert_eq!(g.tie(aut, rus).unwrap().channels["strength"].value, 0.4);
    // Without any numeric attribute, GEXF's default weight 1.
    let g = load(&small(
        "      <edge id=\"0\" source=\"AUT\" target=\"RUS\"/>",
    ))
    .unwrap();
    assert_eq!(g.tie(aut, rus).unwrap().channels["weight"].value, 1.0);
}
