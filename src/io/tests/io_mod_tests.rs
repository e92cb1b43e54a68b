//! Unit tests of `src/io/mod.rs`.

use super::*;

#[test]
fn civil_dates() {
    assert_eq!(civil_date(0), "1970-01-01");
    // 2024-02-29 00:00:00 UTC
    assert_eq!(civil_date(1_709_164_800), "2024-02-29");
}

#[test]
fn formats_by_extension() {
    assert_eq!(
        InputFormat::of(Path::new("a.GraphML")),
        InputFormat::Graphml
    );
    assert_eq!(InputFormat::of(Path::new("a.xml")), InputFormat::Graphml);
    assert_eq!(InputFormat::of(Path::new("a.GEXF")), InputFormat::Gexf);
    assert_eq!(InputFormat::of(Path::new("a.csv")), InputFormat::Csv);
    assert_eq!(InputFormat::of(Path::new("a.json")), InputFormat::Json);
}
