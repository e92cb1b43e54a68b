//! Unit tests of `src/io/places.rs`.

use super::*;

#[test]
fn longest_prefix_wins() {
    let mut p = Places::new("g.graphml");
    p.insert("ties[0]".into(), Some(3), Some(5), "edge AUT -> RUS".into());
    p.insert(
        "ties[0].channels.trade.value".into(),
        Some(4),
        Some(7),
        "edge AUT -> RUS, key trade".into(),
    );
    let steps = |v: &[&str]| -> Vec<PathStep> {
        v.iter()
            .map(|s| match s.parse::<usize>() {
                Ok(i) => PathStep::Index(i),
                Err(_) => PathStep::Key((*s).to_owned()),
            })
            .collect()
    };
    let at = p.locate(&steps(&["ties", "0", "channels", "trade", "value"]));
    assert_eq!(at.to_string(), "g.graphml:4:7 (edge AUT -> RUS, key trade)");
    let at = p.locate(&steps(&["ties", "0", "to"]));
    assert_eq!(at.line, Some(3));
    let at = p.locate(&steps(&["meta", "date"]));
    assert_eq!(at.to_string(), "g.graphml (meta.date)");
}
