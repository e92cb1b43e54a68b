//! Unit tests of `src/io/graphml.rs`.

use super::*;

fn defaults() -> ImportDefaults {
    ImportDefaults {
        file: "g.graphml".into(),
        title: "g".into(),
        date: "2024-05-01".into(),
    }
}

fn load(text: &str) -> Result<InfluenceGraph> {
    parse(text, &defaults(), &LoadOptions::default())
}

const NX: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d0" for="node" attr.name="label" attr.type="string"/>
  <key id="d2" for="edge" attr.name="colour" attr.type="string"/>
  <graph edgedefault="undirected">
<node id="AUT"><data key="d0">Austria</data></node>
<node id="RUS"/>
<node id="TUR"/>
<edge source="AUT" target="RUS"><data key="d1">0.25</data><data key="d2">red</data></edge>
<edge source="TUR" target="RUS"/>
  </graph>
</graphml>"#;

#[test]
fn networkx_style_undirected_weights() {
    let g = load(NX).unwrap();
    assert_eq!(g.actor_count(), 3);
    // Two undirected edges: four ties.
    assert_eq!(g.tie_count(), 4);
    let aut = g.node_of("AUT").unwrap();
    let rus = g.node_of("RUS").unwrap();
    let tur = g.node_of("TUR").unwrap();
    let fig = &g.tie(rus, aut).unwrap().channels["weight"];
    assert_eq!(fig.value, 0.25);
    assert_eq!(fig.year, 2024);
    assert_eq!(&*fig.source, "imported from g.graphml, no source given");
    // No weight: strength 1, as NetworkX assumes.
    assert_eq!(g.tie(tur, rus).unwrap().channels["weight"].value, 1.0);
    assert_eq!(g.actor(aut).name, "Austria");
    assert!(g.meta.notes.iter().any(|n| n.contains("colour")));
}

#[test]
fn doctype_is_refused() {
    let text = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>
<graphml><graph edgedefault="directed"><node id="A&lol2;"/></graph></graphml>"#;
    let e = load(text).unwrap_err().to_string();
    assert!(
        e.starts_with("g.graphml:2:1: the file has a `<!DOCTYPE>`"),
        "{e}"
    );
}

#[test]
fn unknown_entity_is_an_error() {
    let text = r#"<graphml><graph><node id="AUT"/><node id="RUS"/><edge source="AUT" target="RUS"><data key="weight">&x;</data></edge></graph></graphml>"#;
    assert!(load(text).is_err());
}

#[test]
fn bad_weight_has_line_and_column() {
    let text = "<graphml>\n<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n<graph edgedefault=\"directed\">\n<node id=\"AUT\"/><node id=\"RUS\"/>\n<edge source=\"AUT\" target=\"RUS\">\n  <data key=\"w\">1.5</data></edge></graph></graphml>";
    let e = load(text).unwrap_err().to_string();
    assert!(
        e.starts_with("g.graphml:6:3 (edge `AUT` -> `RUS`, key weight)"),
        "{e}"
    );
    assert!(e.contains("is `1.5`, but weights are shares"), "{e}");
    let text = text.replace("1.5", "abc");
    let e = load(&text).unwrap_err().to_string();
    assert!(
        e.contains("g.graphml:6:3") && e.contains("`abc` is not a number"),
        "{e}"
    );
}

#[test]
fn malformed_xml_has_a_place() {
    let e = load("<graphml>\n<graph>\n<node id=\"A\">\n</graph>")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("g.graphml:"), "{e}");
    assert!(e.contains("not well-formed"), "{e}");
}

#[test]
fn weight_attr_names_the_strength() {
    let opts = LoadOptions {
        weight_attr: Some("colour".into()),
        ..LoadOptions::default()
    };
    let e = parse(NX, &defaults(), &opts).unwrap_err().to_string();
    assert!(e.contains("colour"), "{e}");
    let opts = LoadOptions {
        weight_attr: Some("strength".into()),
        ..LoadOptions::default()
    };
    let e = parse(NX, &defaults(), &opts).unwrap_err().to_string();
    assert!(e.contains("no edge attribute"), "{e}");
    assert!(e.contains("weight"), "{e}");
}

/// A NetworkX file (`G.add_edge("KOR", "RUS", strength=0.4)`) whose strength is not `weight`.
const STRENGTH: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="edge" attr.name="strength" attr.type="double"/>
  <key id="d1" for="edge" attr.name="colour" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="KOR"/>
    <node id="RUS"/>
    <edge source="KOR" target="RUS"><data key="d0">0.4</data><data key="d1">red</data></edge>
  </graph>
</graphml>"#;

#[test]
fn a_numeric_edge_attribute_other_than_weight_is_not_silently_strength_1() {
    let e = load(STRENGTH).unwrap_err().to_string();
    // The file, the first edge's place, the attribute found and the fix.
    assert!(
        e.starts_with("g.graphml:8:5 (edge `KOR` -> `RUS`): no edge has the attribute `weight`"),
        "{e}"
    );
    assert!(e.contains("numeric attribute `strength`"), "{e}");
    assert!(
        !e.contains("`colour`"),
        "a text attribute is no strength: {e}"
    );
    assert!(e.contains("`LoadOptions::weight_attr` = `strength`"), "{e}");
    // Named, it is the strength.
    let opts = LoadOptions {
        weight_attr: Some("strength".into()),
        ..LoadOptions::default()
    };
    let g = parse(STRENGTH, &defaults(), &opts).unwrap();
    let (kor, rus) = (g.node_of("KOR").unwrap(), g.node_of("RUS").unwrap());
    assert_eq!(g.tie(kor, rus).unwrap().channels["strength"].value, 0.4);
    // A name no edge has is refused, with the numeric attributes to choose from.
    let opts = LoadOptions {
        weight_attr: Some("strenght".into()),
        ..LoadOptions::default()
    };
    let e = parse(STRENGTH, &defaults(), &opts).unwrap_err().to_string();
    assert!(
        e.contains("`LoadOptions::weight_attr` = `strenght`: the file has no edge attribute"),
        "{e}"
    );
    assert!(e.contains("numeric ones: strength"), "{e}");
}

#[test]
fn a_declared_weight_attr_on_no_edge_is_refused() {
    // `colour` is declared, but no edge carries it.
    let text = STRENGTH.replace(r#"<data key="d1">red</data>"#, "");
    let opts = LoadOptions {
        weight_attr: Some("colour".into()),
        ..LoadOptions::default()
    };
    let e = parse(&text, &defaults(), &opts).unwrap_err().to_string();
    assert!(
        e.contains("`LoadOptions::weight_attr` = `colour`: the file has no edge attribute"),
        "{e}"
    );
}

#[test]
fn edges_without_numeric_attributes_keep_strength_1() {
    let text = STRENGTH.replace(r#"<data key="d0">0.4</data>"#, "");
    let g = load(&text).unwrap();
    let (kor, rus) = (g.node_of("KOR").unwrap(), g.node_of("RUS").unwrap());
    assert_eq!(g.tie(kor, rus).unwrap().channels["weight"].value, 1.0);
    assert!(g.meta.notes.iter().any(|n| n.contains("colour")));
}

/// As `nx.write_graphml` writes `G.add_edge("South Korea", "Russia", weight=0.4)`, with a second
/// node whose safe id is already taken.
const SPACES: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d1" for="node" attr.name="label" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="South Korea"/>
    <node id="Russia"/>
    <node id="South_Korea"><data key="d1">Korea, the other</data></node>
    <node id="Côte d'Ivoire"><data key="d1">Ivory Coast</data></node>
    <edge source="South Korea" target="Russia"><data key="d0">0.4</data></edge>
    <edge source="Côte d'Ivoire" target="South Korea"><data key="d0">0.1</data></edge>
  </graph>
</graphml>"#;

#[test]
fn ids_with_spaces_are_made_safe_and_the_edges_follow() {
    let g = load(SPACES).unwrap();
    let ids: Vec<&str> = g.actors().map(|(_, a)| a.id.as_str()).collect();
    assert_eq!(
        ids,
        ["South_Korea_2", "Russia", "South_Korea", "C_te_d_Ivoire"]
    );
    let kor = g.node_of("South_Korea_2").unwrap();
    let rus = g.node_of("Russia").unwrap();
    let civ = g.node_of("C_te_d_Ivoire").unwrap();
    // The original id is the name when the file gives none; a label wins.
    assert_eq!(g.actor(kor).name, "South Korea");
    assert_eq!(g.actor(civ).name, "Ivory Coast");
    assert_eq!(g.tie(kor, rus).unwrap().channels["weight"].value, 0.4);
    assert_eq!(g.tie(civ, kor).unwrap().channels["weight"].value, 0.1);
    assert_eq!(g.tie_count(), 2);
    let note = g
        .meta
        .notes
        .iter()
        .find(|n| n.contains("ids made safe"))
        .unwrap();
    assert!(
        note.ends_with("`South Korea` -> `South_Korea_2`, `Côte d'Ivoire` -> `C_te_d_Ivoire`"),
        "{note}"
    );
    // An id with nothing safe in it stays an error, once for the node.
    let e = load(&SPACES.replace("Côte d'Ivoire", "?!"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("actor id `?!` is not well-formed"), "{e}");
}
