//! IMF trade statistics: the legacy Direction of Trade Statistics bulk CSV (DOTS, wide: one
//! column per year, IMF area codes) and the current International Trade in Goods by partner
//! country (IMTS, SDMX-CSV long: ISO3 codes, `G001` the World), told apart by their headers.
//!
//! For reporter `R`, partner `P` and year `y`, from `R`'s own figures (exports FOB, imports CIF):
//! `share = (X(R -> P) + M(R <- P)) / (X(R -> World) + M(R <- World))`, with `R`'s own World row
//! as the denominator (not the sum of the partners in the file, which leaves out unallocated
//! trade). The tie `P -> R` gets `share` in channel `trade` for year `y`; the reverse tie comes
//! from `P`'s own reporting. Aggregates (World, the EU, regions, 899 "Special Categories") are
//! not partners; codes of no table are reported.

use std::collections::BTreeMap;
use std::path::Path;

use indexmap::IndexMap;

use super::input::{bad, bad_line, column, for_each_record, read_file, text, Header};
use super::{
    figure, names, unknown_warning, unmatched_list, Dataset, FileRecord, Reading, TieFigure,
};
use crate::error::Result;
use crate::model::{Channel, Citation};

/// The layout of an IMF file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// The DOTS bulk CSV, "timeSeries" layout.
    DotsWide,
    /// IMTS SDMX-CSV.
    ImtsLong,
}

/// A flow: exports or imports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Flow {
    Exports,
    Imports,
}

/// What a partner code is.
enum Partner {
    Country(&'static str),
    World,
    Aggregate,
    Unknown,
}

fn dots_flow(indicator: &str) -> Option<Flow> {
    match indicator {
        "TXG_FOB_USD" => Some(Flow::Exports),
        "TMG_CIF_USD" => Some(Flow::Imports),
        _ => None,
    }
}

fn imts_flow(indicator: &str) -> Option<Flow> {
    match indicator {
        "XG_FOB_USD" => Some(Flow::Exports),
        "MG_CIF_USD" => Some(Flow::Imports),
        _ => None,
    }
}

fn imf_code(raw: &str) -> Option<u16> {
    raw.trim().parse::<u16>().ok()
}

fn dots_partner(code: &str) -> Partner {
    match imf_code(code) {
        Some(1) => Partner::World,
        Some(c) if names::imf_is_aggregate(c) => Partner::Aggregate,
        Some(c) => names::by_imf(c).map_or(Partner::Unknown, |x| Partner::Country(x.iso3)),
        None => Partner::Unknown,
    }
}

fn imts_partner(code: &str) -> Partner {
    let c = code.trim();
    if c == "G001" || c == "W00" || c == "W0" {
        Partner::World
    } else if c.starts_with('G') || c.len() != 3 {
        Partner::Aggregate
    } else {
        names::by_iso3(c).map_or(Partner::Unknown, |x| Partner::Country(x.iso3))
    }
}

/// The flows of a file: (reporter, partner key, year) -> (exports, imports).
type Flows = BTreeMap<(String, String, i32), [Option<f64>; 2]>;

/// Reads a DOTS or IMTS file into `trade` figures.
///
/// # Errors
/// The file cannot be read, is neither layout (the columns each needs are named), or has a
/// value that is not a number (at its line:column).
pub fn read(path: &Path) -> Result<Reading> {
    let f = read_file(path)?;
    let t = text(&f.bytes, &f.name, false)?;
    let mut flows: Flows = BTreeMap::new();
    let mut layout: Option<Layout> = None;
    let mut cols: Vec<usize> = Vec::new();
    let mut years: Vec<(usize, i32)> = Vec::new();
    let mut freq_col: Option<usize> = None;
    let mut scale_col: Option<usize> = None;
    let mut rows = 0u64;
    let mut unmatched: IndexMap<String, (&'static str, u64)> = IndexMap::new();
    let mut names_seen: IndexMap<String, String> = IndexMap::new();
    let mut scales: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let name = f.name.clone();
    let mut add = |reporter: String, partner: String, year: i32, flow: Flow, v: f64| {
        let slot = flows
            .entry((reporter, partner, year))
            .or_insert([None, None]);
        let i = flow as usize;
        slot[i] = Some(slot[i].unwrap_or(0.0) + v);
    };
    for_each_record(&t, &name, 0, |h: &Header, line, r| {
        let lay = match layout {
            Some(l) => l,
            None => {
                let l = if h.find("Counterpart Country Code").is_some() {
                    cols = h.require(
                        &[
                            "Country Code",
                            "Counterpart Country Code",
                            "Indicator Code",
                            "Attribute",
                            "Country Name",
                            "Counterpart Country Name",
                        ],
                        "DOTS bulk CSV",
                    )?;
                    years = h
                        .names
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit()))
                        .filter_map(|(i, n)| n.parse().ok().map(|y| (i, y)))
                        .collect();
                    if years.is_empty() {
                        return Err(bad_line(
                            &h.file,
                            h.line,
                            "the DOTS header has no year columns (`2016`, `2017`...)".into(),
                            "download the annual series (the \"timeSeries\" bulk file with yearly columns)",
                        ));
                    }
                    Layout::DotsWide
                } else {
                    cols = h.require(
                        &[
                            "COUNTRY",
                            "COUNTERPART_COUNTRY",
                            "INDICATOR",
                            "TIME_PERIOD",
                            "OBS_VALUE",
                        ],
                        "IMTS SDMX-CSV (or the DOTS bulk CSV)",
                    )?;
                    freq_col = h.find("FREQUENCY").or_else(|| h.find("FREQ"));
                    scale_col = h.find("SCALE");
                    Layout::ImtsLong
                };
                layout = Some(l);
                l
            }
        };
        rows += 1;
        match lay {
            Layout::DotsWide => {
                let get = |i: usize| r.get(cols[i]).unwrap_or("").trim();
                if get(3) != "Value" {
                    return Ok(());
                }
                let Some(flow) = dots_flow(get(2)) else {
                    return Ok(());
                };
                let rep_code = get(0);
                let reporter = match dots_partner(rep_code) {
                    Partner::Country(iso) => iso,
                    Partner::World | Partner::Aggregate => return Ok(()),
                    Partner::Unknown => {
                        let e = unmatched
                            .entry(format!("{rep_code} {}", get(4)))
                            .or_insert(("unknown", 0));
                        e.1 += 1;
                        return Ok(());
                    }
                };
                names_seen
                    .entry(reporter.to_owned())
                    .or_insert_with(|| get(4).to_owned());
                let pc = get(1);
                let partner = match dots_partner(pc) {
                    Partner::Country(iso) => {
                        names_seen
                            .entry(iso.to_owned())
                            .or_insert_with(|| get(5).to_owned());
                        iso.to_owned()
                    }
                    Partner::World => "World".to_owned(),
                    Partner::Aggregate => {
                        let e = unmatched
                            .entry(format!("{pc} {}", get(5)))
                            .or_insert(("aggregate", 0));
                        e.1 += 1;
                        return Ok(());
                    }
                    Partner::Unknown => {
                        let e = unmatched
                            .entry(format!("{pc} {}", get(5)))
                            .or_insert(("unknown", 0));
                        e.1 += 1;
                        return Ok(());
                    }
                };
                for &(i, year) in &years {
                    if let Some(v) = super::input::number(&name, line, r, i, "the value", &[])? {
                        add(reporter.to_owned(), partner.clone(), year, flow, v);
                    }
                }
            }
            Layout::ImtsLong => {
                let get = |i: usize| r.get(i).unwrap_or("").trim();
                if freq_col.is_some_and(|fi| get(fi) != "A") {
                    return Ok(());
                }
                if let Some(si) = scale_col {
                    scales.insert(get(si).to_owned());
                }
                let Some(flow) = imts_flow(get(cols[2])) else {
                    return Ok(());
                };
                let rc = get(cols[0]);
                let reporter = match imts_partner(rc) {
                    Partner::Country(iso) => iso,
                    Partner::World | Partner::Aggregate => return Ok(()),
                    Partner::Unknown => {
                        unmatched.entry(rc.to_owned()).or_insert(("unknown", 0)).1 += 1;
                        return Ok(());
                    }
                };
                let pc = get(cols[1]);
                let partner = match imts_partner(pc) {
                    Partner::Country(iso) => iso.to_owned(),
                    Partner::World => "World".to_owned(),
                    Partner::Aggregate => {
                        unmatched.entry(pc.to_owned()).or_insert(("aggregate", 0)).1 += 1;
                        return Ok(());
                    }
                    Partner::Unknown => {
                        unmatched.entry(pc.to_owned()).or_insert(("unknown", 0)).1 += 1;
                        return Ok(());
                    }
                };
                let yi = cols[3];
                let period = get(yi);
                let Ok(year) = period.parse::<i32>() else {
                    // A monthly or quarterly period (`2016-M01`) of a file without FREQUENCY.
                    if period.len() > 4 && period[..4].bytes().all(|b| b.is_ascii_digit()) {
                        return Ok(());
                    }
                    return Err(bad(
                        &name,
                        line,
                        column(r, yi),
                        format!("`TIME_PERIOD` is `{period}`, not a year"),
                        "download annual data (`FREQUENCY` A)",
                    ));
                };
                if let Some(v) =
                    super::input::number(&name, line, r, cols[4], "`OBS_VALUE`", &["NaN", "NA"])?
                {
                    add(reporter.to_owned(), partner, year, flow, v);
                }
            }
        }
        Ok(())
    })?;
    let layout = layout.unwrap_or(Layout::DotsWide);
    let (version, cite, title) = match layout {
        Layout::DotsWide => {
            let v = dots_date(&name);
            (
                v.clone(),
                format!("imf-dots-{}", v.as_deref().unwrap_or("bulk")),
                "Direction of Trade Statistics (DOTS), bulk download".to_owned(),
            )
        }
        Layout::ImtsLong => (
            None,
            "imf-imts".to_owned(),
            "International Trade in Goods (by partner country), IMTS".to_owned(),
        ),
    };
    let data_years: std::collections::BTreeSet<i32> = flows.keys().map(|k| k.2).collect();
    let pub_year = version
        .as_deref()
        .and_then(|v| v.get(..4))
        .and_then(|y| y.parse().ok())
        .or_else(|| data_years.iter().next_back().copied())
        .unwrap_or(2000);
    let mut reading = Reading::default();
    reading.citations.insert(
        cite.clone(),
        Citation {
            publisher: "International Monetary Fund".into(),
            title: title.clone(),
            table: Some(
                "goods exports FOB and imports CIF by partner, annual, in US dollars; reporter's own figures".into(),
            ),
            year: pub_year,
            url: Some(match layout {
                Layout::DotsWide => "https://data.imf.org/".into(),
                Layout::ImtsLong => "https://data.imf.org/en/datasets/IMF.STA:IMTS".into(),
            }),
            accessed: None,
            via: None,
        },
    );
    let label = match layout {
        Layout::DotsWide => "IMF DOTS",
        Layout::ImtsLong => "IMF IMTS",
    };
    for ((reporter, partner, year), [x, m]) in &flows {
        if partner == "World" {
            continue;
        }
        let Some([wx, wm]) = flows.get(&(reporter.clone(), "World".to_owned(), *year)) else {
            continue;
        };
        let total = wx.unwrap_or(0.0) + wm.unwrap_or(0.0);
        let share = x.unwrap_or(0.0) + m.unwrap_or(0.0);
        if total <= 0.0 || share <= 0.0 {
            continue;
        }
        let value = (share / total).min(1.0);
        reading.ties.push(TieFigure {
            from: partner.as_str().into(),
            to: reporter.as_str().into(),
            channel: Channel::from("trade"),
            figure: figure(
                value,
                format!(
                    "{label}, {year}: {partner}'s share of {reporter}'s goods trade (exports FOB + imports CIF, {reporter}'s own figures, over its World total)"
                ),
                *year,
                Dataset::Imf,
                &cite,
            ),
        });
    }
    reading.names = names_seen;
    let unmatched = unmatched_list(unmatched);
    if let Some(w) = unknown_warning(&name, "area codes", &unmatched) {
        reading.warnings.push(w);
    }
    let mut details = serde_json::Map::new();
    details.insert(
        "share".into(),
        "tie P -> R: (exports of R to P + imports of R from P) / R's exports + imports with the World, R's own figures".into(),
    );
    if scales.len() > 1 {
        reading.warnings.push(format!(
            "{name}: `SCALE` takes several values ({}); shares assume every `OBS_VALUE` is in one unit",
            scales.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    if !scales.is_empty() {
        details.insert(
            "scale".into(),
            serde_json::json!(scales.iter().collect::<Vec<_>>()),
        );
    }
    reading.files.push(FileRecord {
        dataset: Dataset::Imf,
        file: name,
        bytes: f.bytes.len() as u64,
        sha256: f.sha256,
        layout: match layout {
            Layout::DotsWide => "IMF DOTS bulk CSV (wide)".into(),
            Layout::ImtsLong => "IMF IMTS SDMX-CSV (long)".into(),
        },
        version,
        rows,
        years: data_years.into_iter().collect(),
        unmatched,
        details,
    });
    Ok(reading)
}

/// The download date in a DOTS bulk file name (`DOT_02-24-2023 ...`), as `YYYY-MM-DD`.
fn dots_date(name: &str) -> Option<String> {
    let base = Path::new(name).file_name()?.to_string_lossy().into_owned();
    let i = base.find("DOT_")? + 4;
    let d = base.get(i..i + 10)?;
    let b = d.as_bytes();
    (b[2] == b'-' && b[5] == b'-' && d.bytes().filter(u8::is_ascii_digit).count() == 8)
        .then(|| format!("{}-{}-{}", &d[6..10], &d[0..2], &d[3..5]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn fixtures() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/datasets")
    }

    /// The reference maps only these codes (reference.py's `IMF_TO_ISO3`).
    const REFERENCE_CODES: [&str; 7] = ["USA", "CHN", "RUS", "DEU", "IND", "TUR", "ZAF"];

    fn check(file: &str, key: &str) -> Reading {
        let text = std::fs::read_to_string(fixtures().join("expected/imf.json")).unwrap();
        let exp: serde_json::Value = serde_json::from_str(&text).unwrap();
        let ties = exp[key]["ties"].as_array().unwrap();
        let r = read(&fixtures().join("imf").join(file)).unwrap();
        let ours: Vec<&TieFigure> = r
            .ties
            .iter()
            .filter(|t| REFERENCE_CODES.contains(&&*t.from))
            .collect();
        assert_eq!(ours.len(), ties.len(), "{key}");
        for t in ties {
            let y = t["year"].as_i64().unwrap() as i32;
            let got = ours
                .iter()
                .find(|o| t["from"] == *o.from && t["to"] == *o.to && o.figure.year == y)
                .unwrap_or_else(|| panic!("no tie for {t}"));
            let w = t["weight"].as_f64().unwrap();
            assert!(
                (got.figure.value - w).abs() <= 1e-9 * w,
                "{t}: {}",
                got.figure.value
            );
        }
        r
    }

    // See: #13. The real DOTS excerpt: BOM, CRLF, quoted numbers, trailing comma, Status rows.
    #[test]
    fn dots_matches_the_reference() {
        let r = check("DOT_02-24-2023_timeSeries-excerpt.csv", "dots");
        // Beyond the reference's seven codes: China's trade with the Holy See (187), VAT -> CHN
        // (imports 23,000 in 2016, exports 83,997 in 2017, both in 2018: each year has one);
        // Anguilla (312) reports no World row, so gives no share.
        let extra: Vec<String> = r
            .ties
            .iter()
            .filter(|t| !REFERENCE_CODES.contains(&&*t.from))
            .map(|t| format!("{}->{} {}", t.from, t.to, t.figure.year))
            .collect();
        assert_eq!(extra, ["VAT->CHN 2016", "VAT->CHN 2017", "VAT->CHN 2018"]);
        let f = &r.files[0];
        assert_eq!(f.rows, 142);
        assert_eq!(f.version.as_deref(), Some("2023-02-24"));
        assert_eq!(f.years, [2016, 2017, 2018]);
        assert!(f
            .unmatched
            .iter()
            .any(|u| u.name.starts_with("899 ") && u.kind == "aggregate"));
        assert!(f
            .unmatched
            .iter()
            .any(|u| u.name.starts_with("998 ") && u.kind == "aggregate"));
        assert_eq!(
            r.names.get("TUR").map(String::as_str),
            Some("Türkiye, Rep of")
        );
        let t = &r.ties[0];
        assert_eq!(
            t.figure.cite.ids().collect::<Vec<_>>(),
            ["imf-dots-2023-02-24"]
        );
        assert_eq!(t.figure.basis, crate::model::Basis::Official);
    }

    // See: #13. The IMTS layout (reconstructed from the same values) gives the same figures.
    #[test]
    fn imts_matches_the_reference() {
        let r = check("RECONSTRUCTED-imts-sdmx-csv.csv", "imts_reconstructed");
        assert!(r.files[0].layout.contains("IMTS"));
    }

    #[test]
    fn broken_files_are_located() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("imts.csv");
        std::fs::write(
            &p,
            "COUNTRY,INDICATOR,COUNTERPART_COUNTRY,FREQUENCY,TIME_PERIOD,OBS_VALUE\nCHN,XG_FOB_USD,G001,A,2020,1e9\nCHN,XG_FOB_USD,DEU,A,2020,\"12,5\"\n",
        )
        .unwrap();
        let e = read(&p).unwrap_err().to_string();
        assert!(e.contains("imts.csv:3:27: `OBS_VALUE` is `12,5`"), "{e}");
        std::fs::write(&p, "a,b\n1,2\n").unwrap();
        let e = read(&p).unwrap_err().to_string();
        assert!(
            e.contains("imts.csv:1:1: the header lacks the columns `COUNTRY`"),
            "{e}"
        );
        assert_eq!(
            dots_date("DOT_02-24-2023 03-38-00-15_timeSeries.csv").as_deref(),
            Some("2023-02-24")
        );
    }
}
