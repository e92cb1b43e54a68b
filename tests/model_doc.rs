//! The worked example in docs/MODEL.md, checked against the library: the numbers a reader can
//! verify by hand must be the numbers the program computes. Each cell is compared to the
//! precision it is written with (`0.1892` means within 0.00005).

use leverage::analysis::suggest::{suggest, SuggestParams};
use leverage::io::json::parse;

#[test]
fn worked_example_matches_the_library() {
    let doc = include_str!("../docs/MODEL.md");
    let start = doc
        .find("<!-- worked-example")
        .expect("docs/MODEL.md keeps its worked-example marker");
    let table: Vec<Vec<String>> = doc[start..]
        .lines()
        .skip(1) // the marker
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect();
    let header = &table[0];
    let rows = &table[2..];
    assert_eq!(rows.len(), 2, "two partners in the worked example");
    let graph = parse(include_str!("fixtures/five.json"), "five.json").expect("fixture is valid");
    let params = SuggestParams::outreach_letter(&graph).expect("the fixture has the question");
    let ranking = suggest(&graph, &params).expect("suggest runs");
    for row in rows {
        let p = ranking
            .partners
            .iter()
            .find(|p| p.id.as_str() == row[0])
            .unwrap_or_else(|| panic!("{} is ranked", row[0]));
        for (name, cell) in header.iter().zip(row).skip(1) {
            let got = match name.as_str() {
                "reach (unison)" => p.reach_unison,
                "reach (alone)" => p.reach_alone,
                "pull" => p.pull,
                "headroom" => p.headroom,
                "movability" => p.movability.expect("the fixture gives stances"),
                "score" => p.score,
                "judgement share" => p.judgement_share.expect("the fixture gives bases"),
                "brokerage" => p.brokerage,
                other => panic!("unknown column `{other}` in the worked example"),
            };
            let want: f64 = cell.parse().expect("a number in the doc table");
            let decimals = cell.split('.').nth(1).map_or(0, str::len);
            let tolerance = 0.5 * 10f64.powi(-(decimals as i32)) + 1e-12;
            assert!(
                (got - want).abs() <= tolerance,
                "{}: {name} is {got}, the doc says {want}",
                p.id
            );
        }
    }
}
