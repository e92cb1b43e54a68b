//! UN votes against the pandas reference (`tests/fixtures/datasets/expected/unvotes.json`).

use std::path::PathBuf;

use super::*;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/datasets")
}

fn expected() -> serde_json::Value {
    let t = std::fs::read_to_string(fixtures().join("expected/unvotes.json")).unwrap();
    serde_json::from_str(&t).unwrap()
}

fn roll_of(file: &str) -> (Roll, Layout) {
    let path = fixtures().join("unvotes").join(file);
    let text = std::fs::read_to_string(path).unwrap();
    let (roll, layout, _, _) = read_roll(file, &text).unwrap();
    (roll, layout)
}

fn check(file: &str, key: &str, id: impl Fn(&str) -> Option<String>) {
    let exp = expected();
    let (mut roll, _) = roll_of(file);
    let p = VotesParams::default();
    roll.resolutions
        .retain(|r, _| p.resolutions.iter().any(|x| r.starts_with(x.as_str())));
    let maj = eu_majority(&roll);
    let want_maj = exp[key]["majority"].as_object().unwrap();
    assert_eq!(maj.len(), want_maj.len());
    for (r, v) in want_maj {
        assert_eq!(
            maj[&symbol(r)].letter().to_string(),
            v.as_str().unwrap(),
            "{r}"
        );
    }
    let got = alignment(&roll, &maj);
    let mut compared = 0;
    for (k, w) in exp[key]["by_state"].as_object().unwrap() {
        if w["resolutions"] == 0 {
            assert!(id(k).is_none_or(|iso| !got.contains_key(&iso)), "{k}");
            continue;
        }
        let iso = id(k).unwrap_or_else(|| panic!("{k} has no ISO3"));
        let a = &got[&iso];
        assert_eq!(
            a.resolutions as u64,
            w["resolutions"].as_u64().unwrap(),
            "{k}"
        );
        assert!(
            (a.alignment - w["alignment"].as_f64().unwrap()).abs() < 1e-9,
            "{k}"
        );
        assert!(
            (a.against - w["share_against"].as_f64().unwrap()).abs() < 1e-9,
            "{k}"
        );
        compared += 1;
    }
    assert_eq!(compared, got.len());
}

// See: #13. The scraper's wide file: ES-11/1-3 (Security Council rows and duplicates left out).
#[test]
fn scraper_matches_the_reference() {
    check(
        "UN_VOTING_DATA_RAW_WITH_TAGS_2025-07-07-excerpt.csv",
        "scraper",
        |k| Some(k.to_owned()),
    );
    let (roll, layout) = roll_of("UN_VOTING_DATA_RAW_WITH_TAGS_2025-07-07-excerpt.csv");
    assert_eq!(layout, Layout::ScraperWide);
    // Two GA rows of 1946 and three of 2022; no Security Council row.
    assert_eq!(roll.resolutions.len(), 4);
    assert!(roll.resolutions.keys().all(|r| r.starts_with("A/RES/")));
}

// See: #13. The UN Digital Library's long layout gives the same figures.
#[test]
fn undl_long_matches_the_reference() {
    check("RECONSTRUCTED-undl-ga-voting-long.csv", "undl_long", |k| {
        Some(k.to_owned())
    });
}

// See: #13. Voeten's long file with COW codes, A/RES/68/262 of 2014.
#[test]
fn voeten_matches_the_reference() {
    check(
        "UNVotesPublished-2016-converted-excerpt.csv",
        "voeten",
        |k| {
            let code: u16 = k.split(':').next()?.parse().ok()?;
            names::by_cow(code).map(|c| c.iso3.to_owned())
        },
    );
}

// See: #13. The figures by hand for ES-11/1-3 (docs/DATA.md, "UN General Assembly votes"): India abstained three times
// (1/2, 0); China voted against on ES-11/3 only (1/2 + 1/2 + 0 = 1/3 aligned, 1/3 against);
// Belarus against on all three (0, 1).
#[test]
fn stance_figures_by_hand() {
    let r = read(
        &fixtures().join("unvotes/UN_VOTING_DATA_RAW_WITH_TAGS_2025-07-07-excerpt.csv"),
        &VotesParams::default(),
    )
    .unwrap();
    let get = |s: &str, sig: Signal| {
        r.stance
            .iter()
            .find(|x| x.actor == s && x.signal == sig)
            .map(|x| x.figure.value)
    };
    assert_eq!(get("IND", Signal::UnAlignment), Some(0.5));
    assert_eq!(get("IND", Signal::UnOpposition), Some(0.0));
    assert!((get("CHN", Signal::UnAlignment).unwrap() - 1.0 / 3.0).abs() < 1e-12);
    assert!((get("CHN", Signal::UnOpposition).unwrap() - 1.0 / 3.0).abs() < 1e-12);
    assert_eq!(get("BLR", Signal::UnAlignment), Some(0.0));
    assert_eq!(get("BLR", Signal::UnOpposition), Some(1.0));
    assert_eq!(
        get("RUS", Signal::UnAlignment),
        None,
        "the target has no stance to itself"
    );
    let f = &r.stance[0].figure;
    assert_eq!(f.year, 2022);
    assert_eq!(f.basis, crate::model::Basis::Official);
    assert_eq!(r.files[0].version.as_deref(), Some("2025-07-07"));
    assert_eq!(r.files[0].details["resolutions"]["A/RES/ES-11/3"], "Y");
}

#[test]
fn broken_votes_are_located() {
    let e = read_roll("v.csv", "rcid,ccode,vote,unres\n5309,2,7,R/68/262\n")
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("v.csv:2:8: the vote is `7`"), "{e}");
    let e = read_roll("v.csv", "a,b\n1,2\n").unwrap_err().to_string();
    assert!(e.starts_with("v.csv:1:1: the header lacks"), "{e}");
    assert_eq!(symbol("R/68/262"), "A/RES/68/262");
    assert_eq!(year_of_date("3/27/2014"), Some(2014));
    assert_eq!(
        date_in_name("UN_X_2025-07-07-excerpt.csv").as_deref(),
        Some("2025-07-07")
    );
}
