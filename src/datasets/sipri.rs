//! The SIPRI Arms Transfers Database: trade registers, as deliveries by supplier, recipient and
//! year in trend-indicator values (TIV, millions), into `security` and `arms_buyer` ties.
//!
//! Layouts, found by the header (the preamble before it is skipped, however long):
//! - **the 2026 export** (`SIPRI AT Database ID,Supplier,Recipient,...,Delivery year,...,TIV
//!   delivery values,Local production`), one row per deal and delivery year, every line ending
//!   in `;`; read from a real file;
//! - **the older trade register** (`Recipient,Supplier,Year of order,...,Year(s) of delivery,...,
//!   SIPRI TIV of delivered weapons`), one row per deal: its delivered TIV is spread evenly over
//!   the years it lists (an approximation; SIPRI gives no split). Not seen in a real file.
//!
//! For a window of delivery years `[y0, y1]` and `tiv(A, B)` the TIV delivered from `A` to `B`
//! in it, with every supplier and recipient counted in the totals (pseudo-actors included):
//! - `security`, the tie `A -> B`: `tiv(A, B) / sum_S tiv(S, B)`, `A`'s share of `B`'s arms
//!   imports (B depends on its supplier);
//! - `arms_buyer` (family `security`), the tie `B -> A`: `tiv(A, B) / sum_R tiv(A, R)`, `B`'s
//!   share of `A`'s arms exports (a supplier depends on its buyers).
//!
//! The figure's year is `y1`. Names become ISO3 ids through [`super::names`]; organisations
//! (`NATO**`), armed groups (`Houthi rebels (Yemen)*`) and `unknown supplier(s)` make no actor.

use std::collections::BTreeMap;
use std::path::Path;

use indexmap::IndexMap;

use super::input::{bad, bad_line, column, for_each_record, read_file, text};
use super::{
    figure, names, unknown_warning, unmatched_list, Dataset, FileRecord, Reading, TieFigure,
};
use crate::error::Result;
use crate::model::{Channel, ChannelDecl, Citation};

/// One delivery (or a deal's share of one year's deliveries).
#[derive(Debug, Clone, PartialEq)]
pub struct Delivery {
    /// The supplier as SIPRI names it.
    pub supplier: String,
    /// The recipient as SIPRI names it.
    pub recipient: String,
    /// The delivery year.
    pub year: i32,
    /// TIV, millions.
    pub tiv: f64,
}

/// A register as read.
#[derive(Debug, Clone, PartialEq)]
pub struct Register {
    /// The deliveries, in file order.
    pub deliveries: Vec<Delivery>,
    /// Data rows read.
    pub rows: u64,
    /// The layout.
    pub layout: &'static str,
    /// The date the data were generated (`Data generated: 12 Feb 2026`), `YYYY-MM-DD`.
    pub generated: Option<String>,
}

/// A pair's TIV in a window and its two shares.
#[derive(Debug, Clone, PartialEq)]
pub struct PairShare {
    /// Supplier name.
    pub supplier: String,
    /// Recipient name.
    pub recipient: String,
    /// TIV delivered in the window.
    pub tiv: f64,
    /// `tiv / recipient's imports` (`None` when they are 0).
    pub of_recipient_imports: Option<f64>,
    /// `tiv / supplier's exports`.
    pub of_supplier_exports: Option<f64>,
}

/// What a SIPRI file becomes: the windows of delivery years (default: the last five years of
/// the file).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SipriParams {
    /// Windows `[y0, y1]`, each giving figures of year `y1`.
    pub windows: Vec<(i32, i32)>,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// `12 Feb 2026 ...` as `2026-02-12`.
fn generated_date(line: &str) -> Option<String> {
    let rest = line.split_once("Data generated:")?.1.trim();
    let mut parts = rest.split_whitespace();
    let day: u32 = parts.next()?.parse().ok()?;
    let mon = parts.next()?;
    let month = MONTHS.iter().position(|m| *m == mon)? + 1;
    let year: u32 = parts.next()?.trim_end_matches(';').parse().ok()?;
    Some(format!("{year:04}-{month:02}-{day:02}"))
}

/// Reads a register: finds its header after the preamble, strips each line's final `;`.
///
/// # Errors
/// No header of either layout; a delivery year or TIV that is not a number (at line:column).
pub fn read_register(name: &str, text: &str) -> Result<Register> {
    let lines: Vec<&str> = text.split('\n').collect();
    let is_header = |l: &str| {
        let l = l.trim_start_matches('\u{feff}');
        l.contains("Supplier") && l.contains("Recipient") && l.contains(',')
    };
    let Some(h) = lines.iter().position(|l| is_header(l)) else {
        return Err(bad_line(
            name,
            1,
            "no header with `Supplier` and `Recipient` columns: this is not a SIPRI trade register".into(),
            "export the trade register from armstrade.sipri.org as CSV (the TIV tables are not read)",
        ));
    };
    let generated = lines[..h].iter().find_map(|l| generated_date(l));
    let body: String = lines[h..]
        .iter()
        .map(|l| {
            let l = l.trim_end_matches('\r');
            l.strip_suffix(';').unwrap_or(l)
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = Register {
        deliveries: Vec::new(),
        rows: 0,
        layout: "",
        generated,
    };
    let mut cols: Option<(Vec<usize>, bool)> = None;
    let offset = h;
    for_each_record(&body, name, 0, |hd, line, r| {
        let line = line + offset as u64;
        let (c, new) = match &cols {
            Some(c) => c.clone(),
            None => {
                let c = if hd.find("TIV delivery values").is_some() {
                    (
                        hd.require(
                            &[
                                "Supplier",
                                "Recipient",
                                "Delivery year",
                                "TIV delivery values",
                            ],
                            "SIPRI trade register (2026 export)",
                        )?,
                        true,
                    )
                } else {
                    (
                        hd.require(
                            &[
                                "Supplier",
                                "Recipient",
                                "Year(s) of delivery",
                                "SIPRI TIV of delivered weapons",
                            ],
                            "SIPRI trade register",
                        )?,
                        false,
                    )
                };
                cols = Some(c.clone());
                c
            }
        };
        out.layout = if new {
            "SIPRI trade register (2026 export: one row per delivery year)"
        } else {
            "SIPRI trade register (older layout: one row per deal)"
        };
        out.rows += 1;
        let get = |i: usize| r.get(c[i]).unwrap_or("").trim();
        let supplier = get(0).to_owned();
        let recipient = get(1).to_owned();
        let Some(tiv) = super::input::number(name, line, r, c[3], "the TIV", &[])? else {
            return Ok(()); // no delivery identified
        };
        if tiv < 0.0 {
            return Err(bad(
                name,
                line,
                column(r, c[3]),
                format!("the TIV is `{tiv}`, below 0"),
                "TIVs are volumes, never negative",
            ));
        }
        let years: Vec<i32> = if new {
            vec![super::input::year(name, line, r, c[2], "`Delivery year`")?]
        } else {
            get(2)
                .split(|ch: char| !ch.is_ascii_digit())
                .filter(|p| p.len() == 4)
                .filter_map(|p| p.parse().ok())
                .collect()
        };
        if years.is_empty() {
            return Err(bad(
                name,
                line,
                column(r, c[2]),
                format!("`Year(s) of delivery` is `{}`, with no year", get(2)),
                "list the delivery years, e.g. `2020; 2021`",
            ));
        }
        let each = tiv / years.len() as f64;
        for year in years {
            out.deliveries.push(Delivery {
                supplier: supplier.clone(),
                recipient: recipient.clone(),
                year,
                tiv: each,
            });
        }
        Ok(())
    })?;
    Ok(out)
}

/// Every pair's TIV in `[y0, y1]` with its two shares, by name, sorted by supplier then
/// recipient. Totals count every supplier and recipient, pseudo-actors included.
///
/// # Complexity
/// O(D log D) for D deliveries.
pub fn pair_shares(deliveries: &[Delivery], (y0, y1): (i32, i32)) -> Vec<PairShare> {
    let mut pair: BTreeMap<(&str, &str), f64> = BTreeMap::new();
    let mut imports: BTreeMap<&str, f64> = BTreeMap::new();
    let mut exports: BTreeMap<&str, f64> = BTreeMap::new();
    for d in deliveries.iter().filter(|d| (y0..=y1).contains(&d.year)) {
        *pair.entry((&d.supplier, &d.recipient)).or_insert(0.0) += d.tiv;
        *imports.entry(&d.recipient).or_insert(0.0) += d.tiv;
        *exports.entry(&d.supplier).or_insert(0.0) += d.tiv;
    }
    let share = |x: f64, total: f64| (total > 0.0).then(|| (x / total).min(1.0));
    pair.into_iter()
        .map(|((s, r), tiv)| PairShare {
            supplier: s.to_owned(),
            recipient: r.to_owned(),
            tiv,
            of_recipient_imports: share(tiv, imports[r]),
            of_supplier_exports: share(tiv, exports[s]),
        })
        .collect()
}

/// Reads a SIPRI register into `security` and `arms_buyer` figures, one per window.
///
/// # Errors
/// As [`read_register`]; a window with `y0 > y1` is refused by the command line.
pub fn read(path: &Path, params: &SipriParams) -> Result<Reading> {
    let f = read_file(path)?;
    let t = text(&f.bytes, &f.name, true)?;
    let reg = read_register(&f.name, &t)?;
    let last = reg.deliveries.iter().map(|d| d.year).max();
    let windows = if params.windows.is_empty() {
        last.map(|y| vec![(y - 4, y)]).unwrap_or_default()
    } else {
        params.windows.clone()
    };
    let version = reg.generated.clone();
    let cite = format!("sipri-at-{}", version.as_deref().unwrap_or("register"));
    let pub_year = version
        .as_deref()
        .and_then(|v| v.get(..4))
        .and_then(|y| y.parse().ok())
        .or(last)
        .unwrap_or(2000);
    let mut reading = Reading::default();
    reading.citations.insert(
        cite.clone(),
        Citation {
            publisher: "Stockholm International Peace Research Institute (SIPRI)".into(),
            title: "SIPRI Arms Transfers Database".into(),
            table: Some(format!(
                "trade register, deliveries in trend-indicator values (TIV){}",
                version
                    .as_deref()
                    .map_or(String::new(), |v| format!(", data generated {v}"))
            )),
            year: pub_year,
            url: Some("https://www.sipri.org/databases/armstransfers".into()),
            accessed: None,
            via: None,
        },
    );
    let mut unmatched: IndexMap<String, (&'static str, u64)> = IndexMap::new();
    for d in &reg.deliveries {
        for n in [&d.supplier, &d.recipient] {
            if names::by_name(n).is_none() {
                unmatched
                    .entry(n.clone())
                    .or_insert((names::kind_of_name(n), 0))
                    .1 += 1;
            }
        }
    }
    for (y0, y1) in &windows {
        for p in pair_shares(&reg.deliveries, (*y0, *y1)) {
            let (Some(a), Some(b)) = (names::by_name(&p.supplier), names::by_name(&p.recipient))
            else {
                continue;
            };
            if a.iso3 == b.iso3 {
                continue;
            }
            reading
                .names
                .entry(a.iso3.to_owned())
                .or_insert(p.supplier.clone());
            reading
                .names
                .entry(b.iso3.to_owned())
                .or_insert(p.recipient.clone());
            if let Some(v) = p.of_recipient_imports.filter(|v| *v > 0.0) {
                reading.ties.push(TieFigure {
                    from: a.iso3.into(),
                    to: b.iso3.into(),
                    channel: Channel::from("security"),
                    figure: figure(
                        v,
                        format!(
                            "SIPRI Arms Transfers Database, TIV of deliveries {y0}-{y1}: {}'s share of {}'s arms imports",
                            a.iso3, b.iso3
                        ),
                        *y1,
                        Dataset::Sipri,
                        &cite,
                    ),
                });
            }
            if let Some(v) = p.of_supplier_exports.filter(|v| *v > 0.0) {
                reading.ties.push(TieFigure {
                    from: b.iso3.into(),
                    to: a.iso3.into(),
                    channel: Channel::from("arms_buyer"),
                    figure: figure(
                        v,
                        format!(
                            "SIPRI Arms Transfers Database, TIV of deliveries {y0}-{y1}: {}'s share of {}'s arms exports",
                            b.iso3, a.iso3
                        ),
                        *y1,
                        Dataset::Sipri,
                        &cite,
                    ),
                });
            }
        }
    }
    reading.channels.insert(
        Channel::from("security"),
        ChannelDecl {
            family: None,
            description: Some(
                "the holder's share of the dependent's arms imports (SIPRI TIV of deliveries over the window the source names)".into(),
            ),
        },
    );
    reading.channels.insert(
        Channel::from("arms_buyer"),
        ChannelDecl {
            family: Some("security".into()),
            description: Some(
                "the holder's share of the dependent's arms exports (SIPRI TIV): a supplier depends on its buyers; one family with `security`, so not counted twice".into(),
            ),
        },
    );
    let unmatched = unmatched_list(unmatched);
    if let Some(w) = unknown_warning(&f.name, "names", &unmatched) {
        reading.warnings.push(w);
    }
    let mut details = serde_json::Map::new();
    details.insert(
        "windows".into(),
        serde_json::json!(windows
            .iter()
            .map(|(a, b)| format!("{a}-{b}"))
            .collect::<Vec<_>>()),
    );
    details.insert(
        "share".into(),
        "security A -> B: tiv(A, B) / B's arms imports; arms_buyer B -> A: tiv(A, B) / A's arms exports; totals include pseudo-actors".into(),
    );
    let years: std::collections::BTreeSet<i32> = windows.iter().map(|w| w.1).collect();
    reading.files.push(FileRecord {
        dataset: Dataset::Sipri,
        file: f.name.clone(),
        bytes: f.bytes.len() as u64,
        sha256: f.sha256.clone(),
        layout: reg.layout.to_owned(),
        version,
        rows: reg.rows,
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

    fn fixture() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures/datasets/sipri/trade-register-2026-02-12-excerpt.csv")
    }

    // See: #13. Pair TIVs and both shares against the pandas reference (expected/sipri.json).
    #[test]
    fn shares_match_the_reference() {
        let text = std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/datasets/expected/sipri.json"),
        )
        .unwrap();
        let exp: serde_json::Value = serde_json::from_str(&text).unwrap();
        let bytes = std::fs::read(fixture()).unwrap();
        let reg = read_register("x", std::str::from_utf8(&bytes).unwrap()).unwrap();
        assert_eq!(reg.rows, exp["rows"].as_u64().unwrap());
        assert_eq!(reg.generated.as_deref(), Some("2026-02-12"));
        let pairs = pair_shares(&reg.deliveries, (2022, 2024));
        let want = exp["pairs"].as_array().unwrap();
        assert_eq!(pairs.len(), want.len());
        let close = |a: Option<f64>, b: &serde_json::Value| match (a, b.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() <= 1e-9 * y.abs() + 1e-12,
            (None, None) => true,
            _ => false,
        };
        for (p, w) in pairs.iter().zip(want) {
            assert_eq!(p.supplier, w["supplier"].as_str().unwrap());
            assert_eq!(p.recipient, w["recipient"].as_str().unwrap());
            assert!(close(Some(p.tiv), &w["tiv_delivered"]), "{w}");
            assert!(
                close(p.of_recipient_imports, &w["share_of_recipient_imports"]),
                "{w}"
            );
            assert!(
                close(p.of_supplier_exports, &w["share_of_supplier_exports"]),
                "{w}"
            );
        }
    }

    // See: #13. Ties both ways, pseudo-actors reported and never actors.
    #[test]
    fn reading_gives_security_both_ways() {
        let r = read(
            &fixture(),
            &SipriParams {
                windows: vec![(2022, 2024)],
            },
        )
        .unwrap();
        let sec = r
            .ties
            .iter()
            .find(|t| &*t.from == "RUS" && &*t.to == "IND" && t.channel.as_str() == "security")
            .unwrap();
        let buy = r
            .ties
            .iter()
            .find(|t| &*t.from == "IND" && &*t.to == "RUS" && t.channel.as_str() == "arms_buyer")
            .unwrap();
        assert_eq!(sec.figure.year, 2024);
        assert_eq!(sec.figure.basis, crate::model::Basis::Published);
        assert!(sec.figure.value > 0.0 && buy.figure.value > 0.0);
        assert!(r.ties.iter().all(|t| t.from.len() == 3 && t.to.len() == 3));
        let f = &r.files[0];
        for n in ["NATO**", "unknown supplier(s)", "Houthi rebels (Yemen)*"] {
            let u = f.unmatched.iter().find(|u| u.name == n).unwrap();
            assert_eq!(u.kind, "pseudo-actor", "{n}");
        }
        assert!(
            f.unmatched.iter().all(|u| u.kind != "unknown"),
            "{:?}",
            f.unmatched
        );
        assert_eq!(r.channels["arms_buyer"].family.as_deref(), Some("security"));
        // Default window: the file's last five years.
        let d = read(&fixture(), &SipriParams::default()).unwrap();
        assert_eq!(d.files[0].years, [2024]);
    }

    // See: #13. The older layout: the TIV of a deal spread over its delivery years.
    #[test]
    fn older_layout_spreads_a_deal_over_its_years() {
        let text = "TIV of arms exports...\n\nRecipient,Supplier,Year of order,,Number ordered,,Weapon designation,Weapon description,Number delivered,,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\nIndia,Russia,2018,,5,,S-400,SAM system,3,,2021; 2022; 2023,,,100,500,300\nIndia,France,2016,,36,,Rafale,FGA aircraft,6,,2022,,,50,1800,300\n";
        let reg = read_register("old.csv", text).unwrap();
        assert_eq!(reg.rows, 2);
        let p = pair_shares(&reg.deliveries, (2022, 2023));
        // Russia: 100 in 2022 and 100 in 2023; France 300 in 2022: India imports 500.
        let rus = p.iter().find(|x| x.supplier == "Russia").unwrap();
        assert!((rus.tiv - 200.0).abs() < 1e-9);
        assert!((rus.of_recipient_imports.unwrap() - 0.4).abs() < 1e-12);
    }

    #[test]
    fn broken_registers_are_located() {
        let e = read_register("x.csv", "a,b\n1,2\n")
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("x.csv:1:1: no header"), "{e}");
        let text = "pre;\r\nSIPRI AT Database ID,Supplier,Recipient,Delivery year,TIV delivery values;\r\n1,Russia,India,20x4,5;\r\n";
        let e = read_register("x.csv", text).unwrap_err().to_string();
        assert!(
            e.starts_with("x.csv:3:16: `Delivery year` is `20x4`"),
            "{e}"
        );
        let text = "SIPRI AT Database ID,Supplier,Recipient,Delivery year,TIV delivery values;\n1,Russia,India,2024,five;\n";
        let e = read_register("x.csv", text).unwrap_err().to_string();
        assert!(e.starts_with("x.csv:2:21: the TIV is `five`"), "{e}");
    }
}
