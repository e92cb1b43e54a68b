//! BACI against the pandas reference (`tests/fixtures/datasets/expected/baci.json`, written by
//! `tests/fixtures/datasets/reference.py`, which shares no code with this reader).

use std::path::PathBuf;

use super::*;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/datasets")
}

fn expected() -> serde_json::Value {
    let text = std::fs::read_to_string(fixtures().join("expected/baci.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) + 1e-12
}

// See: #13. Both layouts of the country-codes file give the reference's ISO3 for each probe
// code: 251 France, 842 USA, 699 India... never ISO numeric; 490 and 697 have none; V202001 has
// no 710.
#[test]
fn country_codes_match_the_reference() {
    let exp = expected();
    for name in ["country_codes_V202201.csv", "country_codes_V202001.csv"] {
        let codes = read_codes(&fixtures().join("baci").join(name)).unwrap();
        let e = &exp["country_codes"][name];
        assert_eq!(
            codes.codes.len() as u64,
            e["rows"].as_u64().unwrap(),
            "{name}"
        );
        for (code, iso) in e["probe"].as_object().unwrap() {
            let got = codes
                .get(code.parse().unwrap())
                .and_then(|c| c.iso3.clone());
            assert_eq!(got.as_deref(), iso.as_str(), "{name} {code}");
        }
    }
    let latin = read_codes(&fixtures().join("baci/country_codes_V202001.csv")).unwrap();
    assert_eq!(
        latin.get(384).map(|c| c.name.as_str()),
        Some("Côte d'Ivoire")
    );
}

fn check_file(key: &str, file: &str) {
    let exp = &expected()[key];
    let codes = read_codes(&fixtures().join("baci/country_codes_V202201.csv")).unwrap();
    let chpl = CodeSet::chpl();
    let sums = read_data(&fixtures().join("baci").join(file), &codes, &chpl).unwrap();
    assert_eq!(sums.rows, exp["rows"].as_u64().unwrap());
    let (_, m) = &sums.years[0];
    let n = sums.stride;
    let total: u64 = m.iter().map(|c| c[0]).sum();
    assert!(close(total as f64 / 1e6, exp["sum_v"].as_f64().unwrap()));
    // Every (exporter, importer) pair: rows' total, energy and dual-use sums.
    let pairs = exp["pairs"].as_array().unwrap();
    let mut nonzero = 0;
    for a in 0..sums.entities.len() {
        for b in 0..sums.entities.len() {
            if m[a * n + b][0] > 0 {
                nonzero += 1;
            }
        }
    }
    assert_eq!(nonzero, pairs.len());
    for p in pairs {
        let a = sums
            .entities
            .iter()
            .position(|e| e == p["exporter"].as_str().unwrap())
            .unwrap();
        let b = sums
            .entities
            .iter()
            .position(|e| e == p["importer"].as_str().unwrap())
            .unwrap();
        let c = m[a * n + b];
        for (i, k) in ["total", "energy", "dual_use"].iter().enumerate() {
            assert!(close(c[i] as f64 / 1e6, p[k].as_f64().unwrap()), "{p} {k}");
        }
    }
    // Every tie: weight, bilateral value and the dependent's total.
    let ties = exp["ties"].as_array().unwrap();
    let got = shares(&sums);
    assert_eq!(got.len(), ties.len());
    for t in ties {
        let ch = CHANNELS
            .iter()
            .position(|c| *c == t["channel"].as_str().unwrap())
            .unwrap();
        let s = got
            .iter()
            .find(|s| t["from"] == *s.from && t["to"] == *s.to && s.channel == ch)
            .unwrap_or_else(|| panic!("no share for {t}"));
        assert!(close(s.weight, t["weight"].as_f64().unwrap()), "{t}");
        assert!(close(s.bilateral, t["bilateral"].as_f64().unwrap()), "{t}");
        assert!(close(s.total, t["total_of_to"].as_f64().unwrap()), "{t}");
    }
}

// See: #13
#[test]
fn head_of_the_real_file_matches_the_reference() {
    check_file("head500", "BACI_HS92_Y2021_V202301-head500.csv");
}

// See: #13. South Africa as 710 and 711, chapter 27 and CHPL rows, France 251, USA 842...
#[test]
fn zaf_rows_match_the_reference() {
    check_file("zaf_relaid", "BACI_HS92_Y2021_V202301-ZAF-relaid.csv");
}

// See: #13. The figures: sourced, official, cited; only ISO3 ends; the manifest.
#[test]
fn reading_gives_sourced_figures() {
    let codes = read_codes(&fixtures().join("baci/country_codes_V202201.csv")).unwrap();
    let r = read(
        &fixtures().join("baci/BACI_HS92_Y2021_V202301-ZAF-relaid.csv"),
        &codes,
        &CodeSet::chpl(),
        &BaciParams::default(),
    )
    .unwrap();
    assert_eq!(r.ties.len(), 50);
    let fra = r
        .ties
        .iter()
        .find(|t| &*t.from == "ZAF" && &*t.to == "FRA" && t.channel.as_str() == "energy")
        .unwrap();
    assert_eq!(fra.figure.year, 2021);
    assert_eq!(fra.figure.basis, crate::model::Basis::Official);
    assert_eq!(
        fra.figure.cite.ids().collect::<Vec<_>>(),
        ["baci-hs92-v202301"]
    );
    assert!(
        fra.figure.source.contains("CEPII BACI HS92 V202301"),
        "{}",
        fra.figure.source
    );
    assert!(r.citations.contains_key("baci-hs92-v202301"));
    let f = &r.files[0];
    assert_eq!(f.rows, 194);
    assert_eq!(f.years, [2021]);
    assert_eq!(f.version.as_deref(), Some("V202301"));
    assert_eq!(f.sha256.len(), 64);
}

fn broken(body: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("BACI_HS92_Y2021_V202301.csv");
    std::fs::write(&p, body).unwrap();
    let codes = read_codes(&fixtures().join("baci/country_codes_V202201.csv")).unwrap();
    let e = read_data(&p, &codes, &CodeSet::chpl()).unwrap_err();
    let s = e.to_string();
    s.replace(&dir.path().display().to_string(), "[TMP]")
}

// See: #13. Broken rows are placed at line:column, with the fix.
#[test]
fn broken_rows_are_located() {
    let e = broken(
        "t,i,j,k,v,q\n2021,4,24,382390,      52.051,       13.235\n2021,4,24,10121,1.0,NA\n",
    );
    assert!(
        e.starts_with("[TMP]/BACI_HS92_Y2021_V202301.csv:3:11: `k` is `10121`"),
        "{e}"
    );
    assert!(e.contains("leading zero is lost"), "{e}");
    let e = broken("t,i,j,k,v,q\n2021,4,24,382390,  1,5.2,  1\n");
    assert!(e.contains(":2:1: the row has 7 fields"), "{e}");
    let e = broken("t,i,j,k,v,q\n2021,4,24,382390,  abc,  1\n");
    assert!(e.contains(":2:18: `v` is `abc`"), "{e}");
    let e = broken("t,i,j,k,v,q\n2021,FR,24,382390,1,1\n");
    assert!(e.contains(":2:6: `i` is `FR`"), "{e}");
    let e = broken("t,i,j,value,q\n");
    assert!(
        e.contains(":1:1: the header lacks the columns `k`, `v`"),
        "{e}"
    );
    let e = broken("");
    assert!(e.contains("empty"), "{e}");
}

#[test]
fn micro_units() {
    assert_eq!(micro(b"52.051"), Some(52_051_000));
    assert_eq!(micro(b"0.015"), Some(15_000));
    assert_eq!(micro(b"7"), Some(7_000_000));
    assert_eq!(micro(b"1.12345678"), Some(1_123_456));
    assert_eq!(micro(b"-1"), None);
    assert_eq!(micro(b"1e5"), None);
    assert_eq!(micro(b""), None);
    assert_eq!(micro(b"."), None);
    assert_eq!(strip(b"   12.5 \r"), b"12.5");
    assert_eq!(strip(b"\"t\""), b"t");
}
