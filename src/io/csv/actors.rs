//! The actors table (`--actors-table`, or `NAME.nodes.csv`): what each column holds
//! ([`ActorColumns`]), then each row read into an actor and the groups it names.

use indexmap::IndexMap;

use super::super::json::ActorDoc;
use super::super::location::Location;
use super::super::places::Places;
use super::table::{number, read, Header};
use crate::error::{Error, Problem, Result};
use crate::exchange::cells::infer;
use crate::model::{Basis, Cite, Figure};

/// Group ids to their members, in order of first mention.
pub(super) type Memberships = IndexMap<String, Vec<String>>;

/// The actors of a ties table without an actors table: every id it names, named by its id.
pub(super) fn actors_named(ids: &[std::sync::Arc<str>]) -> Vec<ActorDoc> {
    ids.iter()
        .map(|id| ActorDoc {
            id: id.to_string(),
            name: id.to_string(),
            ..ActorDoc::default()
        })
        .collect()
}

/// What the columns of an actors table hold.
struct ActorColumns {
    id: usize,
    name: Option<usize>,
    lat: Option<usize>,
    lon: Option<usize>,
    note: Option<usize>,
    groups: Option<usize>,
    /// `receptiveness`, `_low`, `_high`, `_source`, `_year`.
    receptiveness: [Option<usize>; 5],
    /// The columns above; every other column is an attribute.
    fixed: Vec<usize>,
}

impl ActorColumns {
    /// Finds the columns by their names.
    ///
    /// # Errors
    /// [`Error::Invalid`] if the table has no `id` column.
    fn find(header: &Header) -> Result<ActorColumns> {
        let Some(id) = header.col(&["id"]) else {
            return Err(Error::invalid(
                Location::file(header.file.as_str()).at(1, 1).path("header"),
                format!(
                    "the actors table has no `id` column (its columns: {})",
                    header.names.join(", ")
                ),
                Some("name the column of actor ids `id` (Gephi writes `Id`)".to_owned()),
            ));
        };
        let r = |s: &str| header.col(&[s]);
        let receptiveness = [
            r("receptiveness"),
            r("receptiveness_low"),
            r("receptiveness_high"),
            r("receptiveness_source"),
            r("receptiveness_year"),
        ];
        let mut columns = ActorColumns {
            id,
            name: header.col(&["name", "label"]),
            lat: header.col(&["lat", "latitude"]),
            lon: header.col(&["lon", "lng", "longitude"]),
            note: header.col(&["note"]),
            groups: header.col(&["groups"]),
            receptiveness,
            fixed: Vec::new(),
        };
        columns.fixed = [
            Some(id),
            columns.name,
            columns.lat,
            columns.lon,
            columns.note,
            columns.groups,
        ]
        .into_iter()
        .chain(receptiveness)
        .flatten()
        .collect();
        Ok(columns)
    }

    /// The column of each actor field that has one, for error places.
    fn places(&self) -> Vec<(&'static str, usize)> {
        [
            ("id", Some(self.id)),
            ("lat", self.lat),
            ("lon", self.lon),
            ("receptiveness", self.receptiveness[0]),
        ]
        .into_iter()
        .filter_map(|(f, c)| Some((f, c?)))
        .collect()
    }
}

/// One row of the actors table, for reading its cells with their places.
struct ActorRow<'a> {
    cells: &'a [String],
    line: usize,
    header: &'a Header,
}

impl ActorRow<'_> {
    fn cell(&self, c: Option<usize>) -> Option<String> {
        c.and_then(|c| self.cells.get(c))
            .filter(|s| !s.is_empty())
            .cloned()
    }

    /// The number in column `c`, if any; a cell that is no number is a problem.
    fn number(&self, c: Option<usize>, problems: &mut Vec<Problem>) -> Option<f64> {
        let s = self.cell(c)?;
        number(&s)
            .map_err(|m| {
                problems.push(Problem::new(
                    self.header.at(self.line, c),
                    m,
                    Some("write a number, e.g. `48.2`".to_owned()),
                ));
            })
            .ok()
    }
}

/// Reads the actors table `text` (named `file`) into actors, in table order, and the groups its
/// `groups` column names, recording each actor's place.
///
/// # Errors
/// [`Error::Invalid`] for a table that cannot be read or has no `id` column.
pub(super) fn read_actors(
    text: &str,
    file: &str,
    default_year: i32,
    places: &mut Places,
    problems: &mut Vec<Problem>,
) -> Result<(Vec<ActorDoc>, Memberships)> {
    let sheet = read(text, file)?;
    let columns = ActorColumns::find(&sheet.header)?;
    // Places of actors live in the actors file.
    places.csv_actors_table(file, sheet.header.names.clone(), columns.places());
    let mut actors = Vec::with_capacity(sheet.rows.len());
    let mut groups = Memberships::new();
    for (line, cells) in &sheet.rows {
        let row = ActorRow {
            cells,
            line: *line,
            header: &sheet.header,
        };
        let actor = columns.actor(&row, file, default_year, problems);
        if let Some(gs) = row.cell(columns.groups) {
            for g in gs
                .split([',', ';'])
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                groups
                    .entry(g.to_owned())
                    .or_default()
                    .push(actor.id.clone());
            }
        }
        places.push_csv_actor(*line);
        actors.push(actor);
    }
    Ok((actors, groups))
}

impl ActorColumns {
    /// The actor of one row.
    fn actor(
        &self,
        row: &ActorRow<'_>,
        file: &str,
        default_year: i32,
        problems: &mut Vec<Problem>,
    ) -> ActorDoc {
        let id = row.cell(Some(self.id)).unwrap_or_default();
        let lat = row.number(self.lat, problems);
        let lon = row.number(self.lon, problems);
        let receptiveness = self.receptiveness(row, file, default_year, problems);
        let mut attributes = IndexMap::new();
        for (c, h) in row.header.names.iter().enumerate() {
            if self.fixed.contains(&c) {
                continue;
            }
            if let Some(v) = row.cell(Some(c)).and_then(|s| infer(&s)) {
                attributes.insert(h.clone(), v);
            }
        }
        ActorDoc {
            name: row.cell(self.name).unwrap_or_else(|| id.clone()),
            id,
            lat,
            lon,
            receptiveness,
            note: row.cell(self.note),
            attributes,
            ..ActorDoc::default()
        }
    }

    /// The receptiveness figure of one row, if its value is given.
    fn receptiveness(
        &self,
        row: &ActorRow<'_>,
        file: &str,
        default_year: i32,
        problems: &mut Vec<Problem>,
    ) -> Option<Figure> {
        let [value, low, high, source, year] = self.receptiveness;
        let value = row.number(value, problems)?;
        let lo = row.number(low, problems);
        let hi = row.number(high, problems);
        Some(Figure {
            value,
            range: match (lo, hi) {
                (None, None) => None,
                (lo, hi) => Some([lo.unwrap_or(value), hi.unwrap_or(value)]),
            },
            source: row
                .cell(source)
                .unwrap_or_else(|| format!("imported from {file}, no source given"))
                .into(),
            year: row
                .cell(year)
                .and_then(|y| y.parse().ok())
                .unwrap_or(default_year),
            basis: Basis::Unknown,
            cite: Cite::none(),
        })
    }
}
