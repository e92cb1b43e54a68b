//! Unit tests of `src/io/validate.rs`.

use crate::io::json::parse;

const HEAD: &str = r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},
"actors":[{"id":"AUT","name":"Austria"},{"id":"RUS","name":"Russia"},{"id":"CHN","name":"China"}],"#;

fn err(rest: &str) -> String {
    let text = format!("{HEAD}{rest}}}");
    match parse(&text, "g.json") {
        Ok(_) => panic!("accepted: {text}"),
        Err(e) => e.to_string(),
    }
}

fn tie(from: &str, to: &str, fig: &str) -> String {
    format!(r#"{{"from":"{from}","to":"{to}","channels":{{"trade":{fig}}}}}"#)
}

#[test]
fn weight_above_one() {
    let e = err(&format!(
        r#""ties":[{}]"#,
        tie("AUT", "RUS", r#"{"value":1.5,"source":"s","year":2023}"#)
    ));
    assert!(e.starts_with("g.json:2:"), "{e}");
    assert!(e.contains("ties[0].channels.trade.value"), "{e}");
    assert!(e.contains("weight of channel `trade` is `1.5`"), "{e}");
    assert!(e.contains("write it as `0.015`"), "{e}");
}

#[test]
fn negative_weight() {
    let e = err(&format!(
        r#""ties":[{}]"#,
        tie("AUT", "RUS", r#"{"value":-0.1,"source":"s","year":2023}"#)
    ));
    assert!(
        e.contains("is `-0.1`, but weights are shares in [0, 1]"),
        "{e}"
    );
}

#[test]
fn low_above_high() {
    let e = err(&format!(
        r#""ties":[{}]"#,
        tie(
            "AUT",
            "RUS",
            r#"{"value":0.2,"range":[0.3,0.1],"source":"s","year":2023}"#
        )
    ));
    assert!(e.contains("low is above high"), "{e}");
    assert!(e.contains("ties[0].channels.trade.range"), "{e}");
}

#[test]
fn value_outside_range() {
    let e = err(&format!(
        r#""ties":[{}]"#,
        tie(
            "AUT",
            "RUS",
            r#"{"value":0.5,"range":[0.1,0.3],"source":"s","year":2023}"#
        )
    ));
    assert!(e.contains("outside its own range"), "{e}");
}

#[test]
fn empty_source_and_bad_year() {
    let e = err(&format!(
        r#""ties":[{}]"#,
        tie("AUT", "RUS", r#"{"value":0.5,"source":" ","year":23}"#)
    ));
    assert!(e.contains("empty source"), "{e}");
    assert!(
        e.contains("year of weight of channel `trade` is `23`"),
        "{e}"
    );
}

#[test]
fn self_tie() {
    let e = err(&format!(
        r#""ties":[{}]"#,
        tie("AUT", "AUT", r#"{"value":0.5,"source":"s","year":2023}"#)
    ));
    assert!(e.contains("tie from `AUT` to itself"), "{e}");
}

#[test]
fn duplicate_pair() {
    let t = tie("AUT", "RUS", r#"{"value":0.5,"source":"s","year":2023}"#);
    let e = err(&format!(r#""ties":[{t},{t}]"#));
    assert!(e.contains("ties[1]"), "{e}");
    assert!(e.contains("the first is ties[0]"), "{e}");
}

#[test]
fn unknown_actor_did_you_mean() {
    let e = err(&format!(
        r#""ties":[{}]"#,
        tie("AUT", "RUSS", r#"{"value":0.5,"source":"s","year":2023}"#)
    ));
    assert!(
        e.contains("unknown actor `RUSS` (did you mean `RUS`?)"),
        "{e}"
    );
}

#[test]
fn duplicate_actor() {
    let text = r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},"actors":[{"id":"AUT","name":"A"},{"id":"AUT","name":"B"}]}"#;
    let e = parse(text, "g.json").unwrap_err().to_string();
    assert!(
        e.contains("actor id `AUT` is used twice (first at actors[0])"),
        "{e}"
    );
}

#[test]
fn group_rules() {
    let e = err(
        r#""groups":[{"id":"x","members":["AUT","AUT","XYZ"],"lead":"CHN"},{"id":"RUS","members":["AUT"]}]"#,
    );
    assert!(e.contains("`AUT` is listed twice"), "{e}");
    assert!(e.contains("unknown actor `XYZ`"), "{e}");
    assert!(e.contains("lead `CHN` is not a member"), "{e}");
    assert!(e.contains("group id `RUS` is also an actor id"), "{e}");
}

#[test]
fn empty_channels_and_bad_channel_name() {
    let e = err(
        r#""ties":[{"from":"AUT","to":"RUS","channels":{}},{"from":"CHN","to":"RUS","channels":{"Trade":{"value":0.1,"source":"s","year":2020}}}]"#,
    );
    assert!(e.contains("has no channels"), "{e}");
    assert!(e.contains("channel name `Trade`"), "{e}");
}

#[test]
fn bad_version_date_coordinates() {
    let text = r#"{"version":3,"meta":{"title":"t","date":"1 June"},"actors":[{"id":"AUT","name":"A","lat":100,"lon":16},{"id":"DEU","name":"D","lat":5}]}"#;
    let e = parse(text, "g.json").unwrap_err().to_string();
    assert!(e.contains("format version is `3`"), "{e}");
    assert!(e.contains("dates are written `YYYY-MM-DD`"), "{e}");
    assert!(e.contains("latitude is `100`"), "{e}");
    assert!(e.contains("only one of `lat` and `lon`"), "{e}");
}

#[test]
fn empty_graph() {
    let e = parse(
        r#"{"version":1,"meta":{"title":"t","date":"2025-01-01"},"actors":[]}"#,
        "g.json",
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("the graph has no actors"), "{e}");
}

// See: #6
#[test]
fn too_many_actors_are_refused_before_building() {
    use crate::io::json::{ActorDoc, GraphDoc, MetaDoc};
    use crate::io::location::Location;
    let actor = |i: usize| ActorDoc {
        id: format!("a{i}"),
        name: String::new(),
        lat: None,
        lon: None,
        receptiveness: None,
        note: None,
        attributes: Default::default(),
        ..ActorDoc::default()
    };
    let doc = GraphDoc {
        schema: None,
        version: 1,
        citations: Default::default(),
        channels: Default::default(),
        meta: MetaDoc {
            title: "t".into(),
            date: "2025-01-01".into(),
            description: None,
            notes: Vec::new(),
            build: None,
        },
        actors: (0..=super::MAX_ACTORS).map(actor).collect(),
        groups: Vec::new(),
        ties: Vec::new(),
    };
    let e = super::build(&doc, &|_| Location::file("big.json").path("actors"))
        .unwrap_err()
        .to_string();
    assert!(
        e.starts_with("big.json (actors): the graph has 500001 actors, over the limit of 500000"),
        "{e}"
    );
}

#[test]
fn valid_graph_builds() {
    let text = format!(
        r#"{HEAD}"groups":[{{"id":"eu","members":["AUT"],"lead":"AUT"}}],"ties":[{}]}}"#,
        tie(
            "CHN",
            "RUS",
            r#"{"value":0.338,"range":[0.3,0.36],"source":"FCS 2023","year":2023}"#
        )
    );
    let g = parse(&text, "g.json").unwrap();
    assert_eq!(g.actor_count(), 3);
    assert_eq!(g.tie_count(), 1);
    assert_eq!(g.group("eu").unwrap().members.len(), 1);
}

/// Every message of an error, with its place and hint.
fn problems(e: &crate::Error) -> Vec<String> {
    match e {
        crate::Error::Invalid { problems } => problems
            .iter()
            .map(|p| format!("{} | {} | {:?}", p.at, p.message, p.hint))
            .collect(),
        other => panic!("not a list of problems: {other}"),
    }
}

// See: #16
#[test]
fn problems_placed_at_once_equal_problems_placed_one_by_one() {
    use crate::io::json::{locate, parse_doc};
    use crate::io::location::PathStep;
    // Problems in every part of the file, over the cap, on lines of their own and sharing lines.
    // By hand: the date value is the 41st character of line 1.
    let mut ties: Vec<String> = (0..40)
        .map(|i| {
            tie(
                "AUT",
                if i % 3 == 0 { "RUSS" } else { "CHN" },
                r#"{"value":1.5,"source":"","year":2023}"#,
            )
        })
        .collect();
    ties.insert(
        5,
        tie("CHN", "CHN", r#"{"value":0.5,"source":"s","year":2023}"#),
    );
    let text = format!(
        "{}\n\"groups\":[{{\"id\":\"g\",\"members\":[\"AUT\",\n \"Chna\",\"AUT\"]}}],\n\"ties\":[\n{}]}}",
        HEAD.replace("2025-01-01", "2025-13-01"),
        ties.join(",\n  ")
    );
    let at_once = parse(&text, "g.json").unwrap_err();
    let doc = parse_doc(&text, "g.json").unwrap();
    let one_by_one =
        super::build_owned(doc, &|steps: &[PathStep]| locate(&text, "g.json", steps)).unwrap_err();
    let (a, b) = (problems(&at_once), problems(&one_by_one));
    assert_eq!(a, b);
    assert_eq!(a.len(), super::MAX_PROBLEMS + 1);
    assert!(
        a[0].starts_with("g.json:1:41 (meta.date) | date is `2025-13-01`"),
        "{}",
        a[0]
    );
    assert!(
        a[1].contains("(groups[0].members[1]) | unknown actor `Chna` (did you mean `CHN`?)"),
        "{}",
        a[1]
    );
    assert!(a.last().unwrap().starts_with("g.json | ... and "), "{a:?}");
}
