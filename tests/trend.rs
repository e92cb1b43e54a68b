//! `leverage trend` on the bundled graph and a hand-drawn one (issue #13): the shift of Russia's
//! trade from the EU to China and India, checked against the graph file's own figures, and the
//! JSON, CSV and SVG outputs.

mod common;

use common::{fail, run};

/// The figure of `channel` on `from -> to` for `year`, read straight from the bundled file.
fn bundled_figure(from: &str, to: &str, channel: &str, year: i64) -> f64 {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("graphs/eu-outreach-2025.json"),
    )
    .unwrap();
    let g: serde_json::Value = serde_json::from_str(&text).unwrap();
    let t = g["ties"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["from"] == from && t["to"] == to)
        .unwrap();
    t["channels"][channel]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["year"] == year)
        .unwrap()["value"]
        .as_f64()
        .unwrap()
}

fn trade_view(j: &serde_json::Value) -> &serde_json::Value {
    j["dependence"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["channel"] == "trade")
        .expect("a trade view")
}

fn point(view: &serde_json::Value, key: &str, id: &str, year: i64) -> f64 {
    let row = view[key]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap_or_else(|| panic!("no row {id}"));
    row["points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["year"] == year)
        .unwrap()["value"]
        .as_f64()
        .unwrap()
}

// See: #13. Russia's dependence on China's and India's trade rises from 2021 to 2023, on
// Germany's and the Netherlands' falls, and the EU's summed share falls: each value is the file's
// own figure of that year.
#[test]
fn bundled_trend_shows_the_shift_from_the_eu_to_china_and_india() {
    let out = run(&["--format", "json", "trend"]);
    let j: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(j["years"], serde_json::json!([2021, 2023, 2024, 2025]));
    let v = trade_view(&j);
    for (id, rises) in [("CHN", true), ("IND", true), ("DEU", false), ("NLD", false)] {
        let (a, b) = (
            point(v, "partners", id, 2021),
            point(v, "partners", id, 2023),
        );
        assert_eq!(a, bundled_figure(id, "RUS", "trade", 2021), "{id}");
        assert_eq!(b, bundled_figure(id, "RUS", "trade", 2023), "{id}");
        assert_eq!(b > a, rises, "{id}: {a} -> {b}");
    }
    let (eu21, eu23) = (
        point(v, "groups", "EU", 2021),
        point(v, "groups", "EU", 2023),
    );
    let (br21, br23) = (
        point(v, "groups", "BRICS", 2021),
        point(v, "groups", "BRICS", 2023),
    );
    assert!(
        eu21 > eu23 && br23 > br21,
        "EU {eu21} -> {eu23}, BRICS {br21} -> {br23}"
    );
    // Every partner of the question has one point per year.
    for p in j["partners"].as_array().unwrap() {
        assert_eq!(p["points"].as_array().unwrap().len(), 4);
    }
}

// See: #13. A year of the trend is the analysis `--year` gives: India's row in 2021 is
// `suggest --year 2021`'s.
#[test]
fn each_year_is_the_analysis_of_that_year() {
    let t: serde_json::Value = serde_json::from_str(&run(&["--format", "json", "trend"])).unwrap();
    let s: serde_json::Value = serde_json::from_str(&run(&[
        "--format", "json", "--year", "2021", "suggest", "--top", "0",
    ]))
    .unwrap();
    let ind_s = s["partners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "IND")
        .unwrap();
    let ind_t = t["partners"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "IND")
        .unwrap();
    let p = &ind_t["points"][0];
    assert_eq!(p["year"], 2021);
    for k in ["score", "reach", "pull", "headroom", "rank"] {
        assert_eq!(p[k], ind_s[k], "{k}");
    }
}

// See: #13. CSV (long), the table, and the SVG (well-formed XML with one panel per partner and
// measure).
#[test]
fn csv_table_and_svg() {
    let csv = run(&[
        "--format",
        "csv",
        "trend",
        "--dependence",
        "trade",
        "--groups",
        "EU",
    ]);
    let mut rdr = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(
        rdr.headers().unwrap().iter().collect::<Vec<_>>(),
        ["kind", "id", "name", "year", "measure", "value", "carried"]
    );
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert!(rows
        .iter()
        .any(|r| &r[0] == "group" && &r[1] == "EU" && &r[3] == "2023" && &r[4] == "trade"));
    let table = run(&["trend", "--dependence", "trade"]);
    assert!(
        table.contains("RUS's dependence on each partner (channel `trade`)"),
        "{table}"
    );
    assert!(table.contains("CHN China"), "{table}");

    let tmp = tempfile::tempdir().unwrap();
    let svg = tmp.path().join("t.svg");
    run(&["trend", "--top", "3", "--svg", svg.to_str().unwrap()]);
    let text = std::fs::read_to_string(&svg).unwrap();
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut rects = 0;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(quick_xml::events::Event::Empty(e)) if e.name().as_ref() == b"rect" => rects += 1,
            Ok(_) => {}
            Err(e) => panic!("the SVG is not well-formed: {e}"),
        }
    }
    // The background, 3 partners × 5 measures, and the dependence panels.
    assert!(rects > 16, "{rects}");
}

#[test]
fn refusals() {
    let e = fail(&["--year", "2021", "trend"]);
    assert!(e.contains("drop `--year`"), "{e}");
    let e = fail(&["trend", "--dependence", "tarde"]);
    assert!(e.contains("`--dependence tarde`"), "{e}");
    let e = fail(&["--graph", "tests/fixtures/five.json", "trend"]);
    assert!(e.contains("yearly series"), "{e}");
}
