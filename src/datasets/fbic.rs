//! The Formal Bilateral Influence Capacity index (FBIC, Frederick S. Pardee Center for
//! International Futures): the dyad-year CSV, into one channel per component.
//!
//! In FBIC, dependence is always the second state's on the first, so the row `(iso3a, iso3b)` is
//! the tie `iso3a -> iso3b`, leverage's own direction. Columns are found by name (`iso3a`,
//! `iso3b`, `year` and the components); `countrya`/`countryb` give the actors' names. By default
//! the two dependence components become channels: `economicdependence` as `fbic_economic`
//! (family `economic`, so not counted twice with `trade`), `securitydependence` as
//! `fbic_security` (family `security`). Any other column may be chosen (`--fbic-components`),
//! as `fbic_<column>`; a value outside [0, 1] is refused, since channel weights are shares.
//! An empty cell gives no figure. Basis `published`: an index a named body computes.

use std::path::Path;

use super::input::{bad_naming, column, for_each_record, read_file, text, Header};
use super::{figure, names, Dataset, FileRecord, Reading, TieFigure};
use crate::error::{OptionField, Result};
use crate::model::{Channel, ChannelDecl, Citation};

/// The components read by default.
pub const DEFAULT_COMPONENTS: [&str; 2] = ["economicdependence", "securitydependence"];

/// Which components become channels.
#[derive(Debug, Clone, PartialEq)]
pub struct FbicParams {
    /// Column names.
    pub components: Vec<String>,
}

impl Default for FbicParams {
    fn default() -> Self {
        FbicParams {
            components: DEFAULT_COMPONENTS.iter().map(|s| (*s).to_owned()).collect(),
        }
    }
}

/// The channel and family of component `c`.
pub fn channel_of(c: &str) -> (String, Option<&'static str>) {
    match c {
        "economicdependence" => ("fbic_economic".into(), Some("economic")),
        "securitydependence" => ("fbic_security".into(), Some("security")),
        other => (format!("fbic_{other}"), None),
    }
}

/// The key columns, the component columns with their names, and the name columns.
type Columns = (Vec<usize>, Vec<(usize, String)>, Option<(usize, usize)>);

/// Reads an FBIC dyad file.
///
/// # Errors
/// A missing column; a year or value that is not a number, or a value outside [0, 1] (at its
/// line:column).
pub fn read(path: &Path, params: &FbicParams) -> Result<Reading> {
    let f = read_file(path)?;
    let t = text(&f.bytes, &f.name, false)?;
    let mut reading = Reading::default();
    let mut cols: Option<Columns> = None;
    let mut rows = 0u64;
    let mut years = std::collections::BTreeSet::new();
    let mut unknown: indexmap::IndexMap<String, (&'static str, u64)> = indexmap::IndexMap::new();
    let cite = "fbic".to_owned();
    for_each_record(&t, &f.name, 0, |h: &Header, line, r| {
        let (key, comps, nm) = match &cols {
            Some(c) => c.clone(),
            None => {
                let key = h.require(&["iso3a", "iso3b", "year"], "FBIC dyad-year CSV")?;
                let names: Vec<&str> = params.components.iter().map(String::as_str).collect();
                let idx = h.require(&names, "FBIC dyad-year CSV (the components asked for)")?;
                let comps: Vec<(usize, String)> = idx
                    .into_iter()
                    .zip(params.components.iter().cloned())
                    .collect();
                let nm = h.find("countrya").zip(h.find("countryb"));
                let c = (key, comps, nm);
                cols = Some(c.clone());
                c
            }
        };
        rows += 1;
        let get = |i: usize| r.get(i).unwrap_or("").trim();
        let year = super::input::year(&f.name, line, r, key[2], "`year`")?;
        let (a, b) = (get(key[0]), get(key[1]));
        let ok = |x: &str| names::by_iso3(x).is_some();
        if !ok(a) || !ok(b) {
            for x in [a, b] {
                if !ok(x) {
                    unknown.entry(x.to_owned()).or_insert(("unknown", 0)).1 += 1;
                }
            }
            return Ok(());
        }
        if let Some((ia, ib)) = nm {
            reading
                .names
                .entry(a.to_owned())
                .or_insert_with(|| get(ia).to_owned());
            reading
                .names
                .entry(b.to_owned())
                .or_insert_with(|| get(ib).to_owned());
        }
        for (i, comp) in &comps {
            let Some(v) =
                super::input::number(&f.name, line, r, *i, &format!("`{comp}`"), &["NA"])?
            else {
                continue;
            };
            if !(0.0..=1.0).contains(&v) {
                let named = OptionField::FbicComponents.mention();
                return Err(bad_naming(
                    &f.name,
                    line,
                    column(r, *i),
                    format!("`{comp}` is `{v}`, outside [0, 1]: it is not a share and cannot be a channel weight"),
                    format!("choose components in [0, 1] with {named} (the dependence components are)"),
                    named,
                ));
            }
            if v == 0.0 {
                continue;
            }
            years.insert(year);
            let (ch, _) = channel_of(comp);
            reading.ties.push(TieFigure {
                from: a.into(),
                to: b.into(),
                channel: Channel::from(ch),
                figure: figure(
                    v,
                    format!("FBIC index, {year}: `{comp}` of {b} on {a} (dyad {a} -> {b})"),
                    year,
                    Dataset::Fbic,
                    &cite,
                ),
            });
        }
        Ok(())
    })?;
    for comp in &params.components {
        let (ch, family) = channel_of(comp);
        reading.channels.insert(
            Channel::from(ch),
            ChannelDecl {
                family: family.map(str::to_owned),
                description: Some(format!(
                    "the FBIC index's `{comp}` of the dependent on the holder"
                )),
            },
        );
    }
    reading.citations.insert(
        cite,
        Citation {
            publisher: "Frederick S. Pardee Center for International Futures, University of Denver"
                .into(),
            title: "Formal Bilateral Influence Capacity (FBIC) index".into(),
            table: Some(format!(
                "dyad-year file; components {}",
                params.components.join(", ")
            )),
            year: years.iter().next_back().copied().unwrap_or(2000),
            url: Some("https://korbel.du.edu/pardee".into()),
            accessed: None,
            via: None,
        },
    );
    let unmatched = super::unmatched_list(unknown);
    if let Some(w) = super::unknown_warning(&f.name, "ISO3 codes", &unmatched) {
        reading.warnings.push(w);
    }
    let mut details = serde_json::Map::new();
    details.insert("components".into(), serde_json::json!(params.components));
    details.insert(
        "direction".into(),
        "row (iso3a, iso3b) is the tie iso3a -> iso3b".into(),
    );
    reading.files.push(FileRecord {
        dataset: Dataset::Fbic,
        file: f.name.clone(),
        bytes: f.bytes.len() as u64,
        sha256: f.sha256.clone(),
        layout: "FBIC dyad-year CSV".into(),
        version: None,
        rows,
        years: years.into_iter().collect(),
        unmatched,
        details,
    });
    Ok(reading)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fixtures() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/datasets")
    }

    // See: #13. Every dyad's components against the pandas reference (expected/fbic.json),
    // a -> b, empty cells and zeros giving no figure.
    #[test]
    fn dyads_match_the_reference() {
        let t = std::fs::read_to_string(fixtures().join("expected/fbic.json")).unwrap();
        let exp: serde_json::Value = serde_json::from_str(&t).unwrap();
        let all: Vec<String> = [
            "economicdependence",
            "securitydependence",
            "dependence",
            "fbic",
        ]
        .map(str::to_owned)
        .to_vec();
        let r = read(
            &fixtures().join("fbic/SYNTHETIC-fbic-layout.csv"),
            &FbicParams {
                components: all.clone(),
            },
        )
        .unwrap();
        let mut expected_count = 0;
        for d in exp["dyads"].as_array().unwrap() {
            for comp in &all {
                let want = d["values"][comp].as_f64().filter(|v| *v > 0.0);
                let ch = channel_of(comp).0;
                let got = r.ties.iter().find(|t| {
                    d["from"] == *t.from
                        && d["to"] == *t.to
                        && t.channel.as_str() == ch
                        && i64::from(t.figure.year) == d["year"].as_i64().unwrap()
                });
                assert_eq!(got.map(|t| t.figure.value), want, "{d} {comp}");
                expected_count += usize::from(want.is_some());
            }
        }
        assert_eq!(r.ties.len(), expected_count);
        assert_eq!(
            r.channels["fbic_economic"].family.as_deref(),
            Some("economic")
        );
        assert_eq!(r.names["KAZ"], "Kazakhstan");
        assert_eq!(r.ties[0].figure.basis, crate::model::Basis::Published);
    }

    #[test]
    fn out_of_range_is_refused() {
        let e = read(
            &fixtures().join("fbic/SYNTHETIC-fbic-layout.csv"),
            &FbicParams {
                components: vec!["nonexistent".into()],
            },
        )
        .unwrap_err()
        .to_string();
        assert!(
            e.contains(":1:1: the header lacks the column `nonexistent`"),
            "{e}"
        );
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("f.csv");
        std::fs::write(
            &p,
            "iso3a,iso3b,year,economicdependence,securitydependence\nCHN,KAZ,2020,1.5,0\n",
        )
        .unwrap();
        let e = read(&p, &FbicParams::default()).unwrap_err().to_string();
        assert!(
            e.contains("f.csv:2:14: `economicdependence` is `1.5`, outside [0, 1]"),
            "{e}"
        );
    }
}
