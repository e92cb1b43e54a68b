//! CSV import: a ties table (with a header naming its columns) and an optional actors table, as
//! Gephi, pandas, R and spreadsheets write them. Read with the `csv` crate.
//!
//! **Ties table.** Column names are matched in any case. `from` and `to` (or `source` and
//! `target`, Gephi's and NetworkX's names) name the actors. Then either one `weight` column (or
//! the column named by `--weight-attr`), whose values become a channel of that name, or one column
//! per channel (`trade`, `energy`...; any other column is a channel and must have a channel name).
//! Optional: `low`, `high` (the range of a single weight), `year`, `citation` (the provenance;
//! `source` means the tie's origin), and per channel `C_low`, `C_high`, `C_year`, `C_source` or
//! `C_citation`; `note`; `type` (`directed`, the default, or `undirected`: a tie in each
//! direction). Gephi's `id`, `label`, `kind`, and leverage's own derived `dist` and `highlighted`
//! are ignored; with channel columns, `weight` is the derived aggregate and is ignored. An empty
//! weight means strength 1; an empty channel cell means the tie lacks that channel.
//!
//! **Actors table** (`--actors-table FILE`, or `NAME.nodes.csv` beside `NAME.csv`): `id`, `name` or
//! `label`, `lat`/`latitude`, `lon`/`lng`/`longitude`, `note`, `groups` (separated by `,` or `;`),
//! `receptiveness` (with `_low`, `_high`, `_source`, `_year`); every other column is an attribute
//! (`true`/`false` become booleans, numbers numbers, JSON arrays arrays, empty cells nothing).
//! Without an actors table, the actors are those the ties name.

use indexmap::IndexMap;
use serde_json::Value;

use super::json::{ActorDoc, GraphDoc, GroupDoc, MetaDoc, TieDoc};
use super::location::Location;
use super::places::Places;
use super::{validate, year_of, ImportDefaults, LoadOptions};
use crate::error::{Error, Problem, Result};
use crate::model::{Channel, Figure, InfluenceGraph};

/// Columns of a ties table leverage knows (lowercase), besides channels.
const KNOWN: &[&str] = &[
    "from",
    "to",
    "source",
    "target",
    "type",
    "low",
    "high",
    "year",
    "citation",
    "note",
    "id",
    "label",
    "kind",
    "dist",
    "highlighted",
    "interval",
    "timeset",
];

/// A read CSV table: header and records with their line numbers.
struct Sheet {
    file: String,
    header: Vec<String>,
    rows: Vec<(usize, Vec<String>)>,
}

fn read(text: &str, file: &str) -> Result<Sheet> {
    let mut r = csv::ReaderBuilder::new()
        .flexible(false)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let bad = |e: &csv::Error| {
        let mut at = Location::file(file);
        if let Some(p) = e.position() {
            at = at.at(usize::try_from(p.line()).unwrap_or(0), 1);
        }
        let msg = match e.kind() {
            csv::ErrorKind::UnequalLengths {
                expected_len, len, ..
            } => format!("a row has {len} fields, but the header has {expected_len}"),
            _ => e.to_string(),
        };
        Error::invalid(
            at,
            msg,
            Some(
                "give every row as many fields as the header, quoting fields that hold commas"
                    .to_owned(),
            ),
        )
    };
    let header: Vec<String> = r
        .headers()
        .map_err(|e| bad(&e))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').to_owned())
        .collect();
    let mut rows = Vec::new();
    for rec in r.records() {
        let rec = rec.map_err(|e| bad(&e))?;
        let line = rec
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        if rec.iter().all(str::is_empty) {
            continue;
        }
        rows.push((line, rec.iter().map(str::to_owned).collect()));
    }
    Ok(Sheet {
        file: file.to_owned(),
        header,
        rows,
    })
}

impl Sheet {
    fn col(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|n| self.header.iter().position(|h| h.eq_ignore_ascii_case(n)))
    }

    fn at(&self, line: usize, col: Option<usize>) -> Location {
        let mut at = Location::file(self.file.clone());
        at.line = Some(line);
        at.path = Some(match col {
            Some(c) => format!("row {line}, column `{}`", self.header[c]),
            None => format!("row {line}"),
        });
        at
    }
}

fn number(s: &str) -> std::result::Result<f64, String> {
    s.parse::<f64>().map_err(|_| {
        if s.ends_with('%') {
            format!("`{s}` is a percentage; write it as a share, e.g. `0.3` for 30%")
        } else if s.contains(',') {
            format!("`{s}` is not a number; write decimals with a point, e.g. `0.3`")
        } else {
            format!("`{s}` is not a number")
        }
    })
}

fn infer(s: &str) -> Option<Value> {
    if s.is_empty() {
        return None;
    }
    if s.eq_ignore_ascii_case("true") || s.eq_ignore_ascii_case("false") {
        return Some(Value::Bool(s.eq_ignore_ascii_case("true")));
    }
    if s.starts_with('[') {
        if let Ok(v @ Value::Array(_)) = serde_json::from_str::<Value>(s) {
            return Some(v);
        }
    }
    if let Ok(v @ Value::Number(_)) = serde_json::from_str::<Value>(s) {
        return Some(v);
    }
    Some(Value::String(s.to_owned()))
}

/// Parses a ties table (and an optional actors table, as `(text, file)`) into a validated graph.
///
/// # Errors
/// [`Error::Invalid`] naming the file, row and column of every problem: a missing `from`/`to`
/// column, a column that is no channel name, a value that is no number, and every rule of the
/// format ([`validate::build`]).
pub fn parse(
    ties_text: &str,
    actors: Option<(&str, &str)>,
    defaults: &ImportDefaults,
    options: &LoadOptions,
) -> Result<InfluenceGraph> {
    let file = defaults.file.as_str();
    let mut ties = read(ties_text, file)?;
    let mut places = Places::new(file);
    let mut problems: Vec<Problem> = Vec::new();
    let default_year = year_of(&defaults.date);
    let header_at = |c: usize| {
        Location::file(file.to_owned())
            .at(1, 1)
            .path(format!("header, column `{}`", ties.header[c]))
    };

    if ties.header.iter().all(|h| h.trim().is_empty()) {
        return Err(Error::invalid(
            Location::file(file).at(1, 1).path("header"),
            "the file is empty: a ties table needs a header row and one row per tie",
            Some("start the file with a header such as `from,to,weight`".to_owned()),
        ));
    }
    let from_col = ties.col(&["from"]);
    let (from, source_is_origin) = match from_col {
        Some(c) => (Some(c), false),
        None => (ties.col(&["source"]), true),
    };
    let to = ties.col(&["to", "target"]);
    let (Some(from), Some(to)) = (from, to) else {
        return Err(Error::invalid(
            Location::file(file).at(1, 1).path("header"),
            format!(
                "the ties table has no `{}` column (its columns: {})",
                if from.is_none() { "from" } else { "to" },
                ties.header.join(", ")
            ),
            Some(
                "name the actor columns `from,to` or `source,target` in the header row".to_owned(),
            ),
        ));
    };
    if !source_is_origin {
        if let Some(c) = ties.col(&["source"]) {
            problems.push(Problem::new(
                header_at(c),
                "the table has both `from` and `source`: `source` would mean the tie's origin"
                    .to_owned(),
                Some("name the provenance column `citation`".to_owned()),
            ));
        }
    }
    let weight_name = options
        .weight_attr
        .clone()
        .unwrap_or_else(|| "weight".to_owned());
    let weight = ties.col(&[weight_name.as_str()]);
    if options.weight_attr.is_some() && weight.is_none() {
        return Err(Error::invalid(
            Location::file(file).at(1, 1).path("header"),
            format!("`--weight-attr {weight_name}`: the ties table has no such column"),
            Some(format!("its columns: {}", ties.header.join(", "))),
        ));
    }
    // Classify the other columns.
    let suffixes = ["_low", "_high", "_year", "_source", "_citation"];
    let mut channel_cols: Vec<(String, usize)> = Vec::new();
    let mut companions: Vec<(String, &str, usize)> = Vec::new();
    for (c, h) in ties.header.iter().enumerate() {
        let lower = h.to_ascii_lowercase();
        if c == from || c == to || Some(c) == weight || KNOWN.contains(&lower.as_str()) {
            continue;
        }
        if let Some(sfx) = suffixes.iter().find(|s| lower.ends_with(*s)) {
            let base = &lower[..lower.len() - sfx.len()];
            if ties.header.iter().any(|x| x.eq_ignore_ascii_case(base)) {
                companions.push((base.to_owned(), sfx, c));
                continue;
            }
        }
        if Channel::is_well_formed(&lower) {
            channel_cols.push((lower, c));
        } else {
            problems.push(Problem::new(
                header_at(c),
                format!("column `{h}` is neither a known column nor a channel name"),
                Some(format!(
                    "channel columns are lowercase identifiers (`trade`, `energy`); known columns: {}; rename or remove the column",
                    KNOWN.join(", ")
                )),
            ));
        }
    }
    let single = channel_cols.is_empty();
    let single_channel = crate::io::graphml::channel_name(&weight_name);
    let plain = |n: &str| ties.col(&[n]);
    let (low, high, year, citation, note, kind) = (
        plain("low"),
        plain("high"),
        plain("year"),
        plain("citation"),
        plain("note"),
        plain("type"),
    );

    let cell = |row: &[String], c: Option<usize>| -> Option<String> {
        c.and_then(|c| row.get(c))
            .filter(|s| !s.is_empty())
            .cloned()
    };
    places.csv_ties_table(
        ties.header.clone(),
        if single {
            weight
                .map(|c| (single_channel.clone(), c))
                .into_iter()
                .collect()
        } else {
            channel_cols.clone()
        },
    );
    let mut docs: Vec<TieDoc> = Vec::new();
    // Actor ids in order of first mention (an IndexSet: a Vec's `contains` made this O(ties x actors)).
    let mut named: indexmap::IndexSet<String> = indexmap::IndexSet::new();
    // Rows are consumed as they become ties, so the table and the ties are not held twice.
    let rows = std::mem::take(&mut ties.rows);
    for (line, row) in rows {
        let (line, row) = (&line, &row);
        let line = *line;
        let num = |c: Option<usize>, problems: &mut Vec<Problem>| -> Option<f64> {
            let s = cell(row, c)?;
            match number(&s) {
                Ok(x) => Some(x),
                Err(m) => {
                    problems.push(Problem::new(
                        ties.at(line, c),
                        m,
                        Some("write a number, e.g. `0.25`".to_owned()),
                    ));
                    None
                }
            }
        };
        let year_of_cell = |c: Option<usize>, problems: &mut Vec<Problem>| -> Option<i32> {
            let s = cell(row, c)?;
            match s.parse::<i32>() {
                Ok(y) => Some(y),
                Err(_) => {
                    problems.push(Problem::new(
                        ties.at(line, c),
                        format!("year `{s}` is not a whole number"),
                        Some("write the year the figure describes, e.g. `2023`".to_owned()),
                    ));
                    None
                }
            }
        };
        let base_year = year_of_cell(year, &mut problems).unwrap_or(default_year);
        let base_source = cell(row, citation).unwrap_or_else(|| defaults.source());
        let mut channels: IndexMap<String, Figure> = IndexMap::new();
        if single {
            let value = num(weight, &mut problems).unwrap_or(1.0);
            let range = match (num(low, &mut problems), num(high, &mut problems)) {
                (None, None) => None,
                (lo, hi) => Some([lo.unwrap_or(value), hi.unwrap_or(value)]),
            };
            channels.insert(
                single_channel.clone(),
                Figure {
                    value,
                    range,
                    source: base_source.clone(),
                    year: base_year,
                },
            );
        } else {
            for (ch, c) in &channel_cols {
                let Some(value) = num(Some(*c), &mut problems) else {
                    continue;
                };
                let comp = |sfx: &str| {
                    companions
                        .iter()
                        .find(|(b, s, _)| b == ch && *s == sfx)
                        .map(|x| x.2)
                };
                let lo = num(comp("_low"), &mut problems);
                let hi = num(comp("_high"), &mut problems);
                let range = match (lo, hi) {
                    (None, None) => None,
                    (lo, hi) => Some([lo.unwrap_or(value), hi.unwrap_or(value)]),
                };
                let source = cell(row, comp("_source"))
                    .or_else(|| cell(row, comp("_citation")))
                    .unwrap_or_else(|| base_source.clone());
                let year = year_of_cell(comp("_year"), &mut problems).unwrap_or(base_year);
                channels.insert(
                    ch.clone(),
                    Figure {
                        value,
                        range,
                        source,
                        year,
                    },
                );
            }
        }
        let undirected = match cell(row, kind).map(|s| s.to_ascii_lowercase()) {
            None => false,
            Some(k) if k == "directed" => false,
            Some(k) if k == "undirected" => true,
            Some(k) => {
                problems.push(Problem::new(
                    ties.at(line, kind),
                    format!("type `{k}` is neither `directed` nor `undirected`"),
                    Some("leave it empty for a directed tie".to_owned()),
                ));
                false
            }
        };
        let f = row.get(from).cloned().unwrap_or_default();
        let t = row.get(to).cloned().unwrap_or_default();
        let mut ends = vec![(f.clone(), t.clone(), from, to)];
        if undirected {
            ends.push((t, f, to, from));
        }
        for (a, b, ca, cb) in ends {
            places.push_csv_tie(line, ca, cb);
            for id in [&a, &b] {
                if !named.contains(id) {
                    named.insert(id.clone());
                }
            }
            docs.push(TieDoc {
                from: a,
                to: b,
                channels: channels.clone(),
                note: cell(row, note),
            });
        }
    }

    // Actors.
    let mut actor_docs = Vec::new();
    let mut groups: IndexMap<String, Vec<String>> = IndexMap::new();
    match actors {
        None => {
            for id in &named {
                actor_docs.push(ActorDoc {
                    id: id.clone(),
                    name: id.clone(),
                    lat: None,
                    lon: None,
                    receptiveness: None,
                    note: None,
                    attributes: IndexMap::new(),
                });
            }
        }
        Some((text, afile)) => {
            let sheet = read(text, afile)?;
            let Some(id_col) = sheet.col(&["id"]) else {
                return Err(Error::invalid(
                    Location::file(afile).at(1, 1).path("header"),
                    format!(
                        "the actors table has no `id` column (its columns: {})",
                        sheet.header.join(", ")
                    ),
                    Some("name the column of actor ids `id` (Gephi writes `Id`)".to_owned()),
                ));
            };
            let name_col = sheet.col(&["name", "label"]);
            let lat_col = sheet.col(&["lat", "latitude"]);
            let lon_col = sheet.col(&["lon", "lng", "longitude"]);
            let note_col = sheet.col(&["note"]);
            let groups_col = sheet.col(&["groups"]);
            let r = |s: &str| sheet.col(&[s]);
            let rec = [
                r("receptiveness"),
                r("receptiveness_low"),
                r("receptiveness_high"),
                r("receptiveness_source"),
                r("receptiveness_year"),
            ];
            let fixed: Vec<usize> = [
                Some(id_col),
                name_col,
                lat_col,
                lon_col,
                note_col,
                groups_col,
            ]
            .into_iter()
            .chain(rec)
            .flatten()
            .collect();
            let mut aplaces = Places::new(afile);
            for (i, (line, row)) in sheet.rows.iter().enumerate() {
                let line = *line;
                let cellv = |c: Option<usize>| cell(row, c);
                let mut numv = |c: Option<usize>| -> Option<f64> {
                    let s = cellv(c)?;
                    number(&s)
                        .map_err(|m| {
                            problems.push(Problem::new(
                                sheet.at(line, c),
                                m,
                                Some("write a number, e.g. `48.2`".to_owned()),
                            ));
                        })
                        .ok()
                };
                let id = cellv(Some(id_col)).unwrap_or_default();
                let lat = numv(lat_col);
                let lon = numv(lon_col);
                let receptiveness = match numv(rec[0]) {
                    None => None,
                    Some(value) => {
                        let lo = numv(rec[1]);
                        let hi = numv(rec[2]);
                        Some(Figure {
                            value,
                            range: match (lo, hi) {
                                (None, None) => None,
                                (lo, hi) => Some([lo.unwrap_or(value), hi.unwrap_or(value)]),
                            },
                            source: cellv(rec[3]).unwrap_or_else(|| {
                                format!("imported from {afile}, no source given")
                            }),
                            year: cellv(rec[4])
                                .and_then(|y| y.parse().ok())
                                .unwrap_or(default_year),
                        })
                    }
                };
                let mut attributes = IndexMap::new();
                for (c, h) in sheet.header.iter().enumerate() {
                    if fixed.contains(&c) {
                        continue;
                    }
                    if let Some(v) = cellv(Some(c)).and_then(|s| infer(&s)) {
                        attributes.insert(h.clone(), v);
                    }
                }
                if let Some(gs) = cellv(groups_col) {
                    for g in gs
                        .split([',', ';'])
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                    {
                        groups.entry(g.to_owned()).or_default().push(id.clone());
                    }
                }
                let here = format!("actors[{i}]");
                aplaces.insert(here.clone(), Some(line), None, format!("row {line}"));
                for (f, c) in [("id", Some(id_col)), ("lat", lat_col), ("lon", lon_col)] {
                    let p = sheet.at(line, c);
                    aplaces.insert(
                        format!("{here}.{f}"),
                        p.line,
                        None,
                        p.path.unwrap_or_default(),
                    );
                }
                let p = sheet.at(line, rec[0]);
                aplaces.insert(
                    format!("{here}.receptiveness"),
                    p.line,
                    None,
                    p.path.unwrap_or_default(),
                );
                actor_docs.push(ActorDoc {
                    name: cellv(name_col).unwrap_or_else(|| id.clone()),
                    id,
                    lat,
                    lon,
                    receptiveness,
                    note: cellv(note_col),
                    attributes,
                });
            }
            // Places of actors live in the actors file.
            places.extend(aplaces);
        }
    }
    if !problems.is_empty() {
        return Err(Error::Invalid { problems });
    }
    let doc = GraphDoc {
        schema: None,
        version: 1,
        meta: MetaDoc {
            title: defaults.title.clone(),
            date: defaults.date.clone(),
            description: None,
            notes: vec![format!("imported from {file} (CSV)")],
        },
        actors: actor_docs,
        groups: groups
            .into_iter()
            .map(|(id, members)| GroupDoc {
                id,
                name: None,
                members,
                lead: None,
                note: None,
            })
            .collect(),
        ties: docs,
    };
    // The parsed table is no longer needed: free it before the graph is built (peak memory).
    drop(ties);
    validate::build_owned(doc, &|steps| places.locate(steps))
}
