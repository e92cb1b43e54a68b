//! The worked example in docs/MODEL.md, checked against the library: the numbers a reader can
//! verify by hand must be the numbers the program computes.

use leverage::analysis::suggest::{suggest, SuggestParams};
use leverage::io::json::parse;

#[test]
fn worked_example_matches_the_library() {
    let doc = include_str!("../docs/MODEL.md");
    let start = doc
        .find("<!-- worked-example")
        .expect("docs/MODEL.md keeps its worked-example marker");
    let rows: Vec<Vec<String>> = doc[start..]
        .lines()
        .skip(3) // marker, header, rule
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 2, "two partners in the worked example");
    let graph = parse(include_str!("fixtures/five.json"), "five.json").expect("fixture is valid");
    let ranking = suggest(&graph, &SuggestParams::default()).expect("suggest runs");
    for row in rows {
        let p = ranking
            .partners
            .iter()
            .find(|p| p.id == row[0])
            .unwrap_or_else(|| panic!("{} is ranked", row[0]));
        let num = |i: usize| row[i].parse::<f64>().expect("a number in the doc table");
        let checks = [
            ("reach_unison", p.reach_unison, num(1)),
            ("reach_alone", p.reach_alone, num(2)),
            ("pull", p.pull, num(3)),
            ("receptiveness", p.receptiveness, num(4)),
            ("score", p.score, num(5)),
            ("brokerage", p.brokerage, num(6)),
        ];
        for (name, got, want) in checks {
            assert!(
                (got - want).abs() < 1e-12,
                "{}: {name} is {got}, the doc says {want}",
                p.id
            );
        }
    }
}
