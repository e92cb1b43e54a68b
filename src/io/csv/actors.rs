//! The actors table (`--actors-table`, or `NAME.nodes.csv`): what each column holds
//! ([`ActorColumns`]: by the roles of leverage's graph file, else by its name), then each row
//! read into an actor and the groups it names.

use indexmap::IndexMap;

use super::super::json::{ActorDoc, StanceDoc};
use super::super::location::Location;
use super::super::places::Places;
use super::graph::CsvKeys;
use super::table::{number, read, Header};
use crate::error::{Error, Problem, Result};
use crate::exchange::cells::infer;
use crate::exchange::columns::{Part, Role};
use crate::model::{Basis, Cite, Figure, Outreach};

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

/// What one column of an actors table holds.
#[derive(Debug, Clone, PartialEq)]
enum Field {
    Id,
    Name,
    Lat,
    Lon,
    Note,
    Groups,
    Receptiveness(Part),
    Stance,
    Outreach,
    /// An attribute, by its name in the graph.
    Attribute(String),
    /// A value leverage derives (the colour role, `--with` results, the groups of a table whose
    /// graph file holds them): not read back.
    Derived,
}

/// What the columns of an actors table hold, one [`Field`] per column.
struct ActorColumns {
    fields: Vec<Field>,
}

/// The receptiveness parts, in the order they are read.
const RECEPTIVENESS: [Part; 7] = [
    Part::Value,
    Part::Low,
    Part::High,
    Part::Source,
    Part::Year,
    Part::Basis,
    Part::Cite,
];

impl ActorColumns {
    /// Finds the columns: by the roles in `keys` (leverage's own table), else by their names
    /// (any case; the first of `name`/`label`, `lat`/`latitude`, `lon`/`lng`/`longitude`).
    ///
    /// # Errors
    /// [`Error::Invalid`] if the table has no `id` column.
    fn find(header: &Header, keys: Option<&CsvKeys>) -> Result<ActorColumns> {
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
        let mut fields: Vec<Field> = header
            .names
            .iter()
            .map(|h| Field::Attribute(h.clone()))
            .collect();
        let mut by_name = |names: &[&str], field: Field| {
            if let Some(c) = header.col(names) {
                fields[c] = field;
            }
        };
        by_name(&["name", "label"], Field::Name);
        by_name(&["lat", "latitude"], Field::Lat);
        by_name(&["lon", "lng", "longitude"], Field::Lon);
        by_name(&["note"], Field::Note);
        by_name(&["groups"], Field::Groups);
        by_name(&["stance"], Field::Stance);
        by_name(&["outreach"], Field::Outreach);
        for p in RECEPTIVENESS {
            by_name(
                &[format!("receptiveness{}", p.suffix()).as_str()],
                Field::Receptiveness(p),
            );
        }
        if let Some(keys) = keys {
            for (c, h) in header.names.iter().enumerate() {
                if let Some(role) = keys.nodes.get(h) {
                    fields[c] = field_of(role);
                }
            }
            // The graph file holds the groups whole.
            for f in &mut fields {
                if *f == Field::Groups {
                    *f = Field::Derived;
                }
            }
        }
        fields[id] = Field::Id;
        Ok(ActorColumns { fields })
    }

    /// The column of `field`, if any.
    fn column(&self, field: &Field) -> Option<usize> {
        self.fields.iter().position(|f| f == field)
    }

    /// The column of each actor field that has one, for error places.
    fn places(&self) -> Vec<(&'static str, usize)> {
        [
            ("id", Field::Id),
            ("name", Field::Name),
            ("lat", Field::Lat),
            ("lon", Field::Lon),
            ("receptiveness", Field::Receptiveness(Part::Value)),
            ("stance", Field::Stance),
            ("outreach", Field::Outreach),
        ]
        .into_iter()
        .filter_map(|(f, field)| Some((f, self.column(&field)?)))
        .collect()
    }
}

/// The field a column of role `role` holds.
fn field_of(role: &Role) -> Field {
    match role {
        Role::Name => Field::Name,
        Role::Lat => Field::Lat,
        Role::Lon => Field::Lon,
        Role::Note => Field::Note,
        Role::Groups => Field::Groups,
        Role::Receptiveness(p) => Field::Receptiveness(*p),
        Role::Stance => Field::Stance,
        Role::Outreach => Field::Outreach,
        Role::Attribute(name) => Field::Attribute(name.clone()),
        _ => Field::Derived,
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

    fn problem(&self, c: usize, msg: String, hint: &str, problems: &mut Vec<Problem>) {
        problems.push(Problem::new(
            self.header.at(self.line, Some(c)),
            msg,
            Some(hint.to_owned()),
        ));
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
/// `groups` column names, recording each actor's place. `keys` are the column roles of
/// leverage's graph file, if there is one.
///
/// # Errors
/// [`Error::Invalid`] for a table that cannot be read or has no `id` column.
pub(super) fn read_actors(
    text: &str,
    file: &str,
    default_year: i32,
    keys: Option<&CsvKeys>,
    places: &mut Places,
    problems: &mut Vec<Problem>,
) -> Result<(Vec<ActorDoc>, Memberships)> {
    let sheet = read(text, file)?;
    let columns = ActorColumns::find(&sheet.header, keys)?;
    // Places of actors live in the actors file.
    places.csv_actors_table(file, sheet.header.names.clone(), columns.places());
    let groups_col = columns.column(&Field::Groups);
    let mut actors = Vec::with_capacity(sheet.rows.len());
    let mut groups = Memberships::new();
    for (line, cells) in &sheet.rows {
        let row = ActorRow {
            cells,
            line: *line,
            header: &sheet.header,
        };
        let actor = columns.actor(&row, file, default_year, problems);
        if let Some(gs) = row.cell(groups_col) {
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
    /// The actor of one row: its id, coordinates and receptiveness first, then its other cells
    /// in column order.
    fn actor(
        &self,
        row: &ActorRow<'_>,
        file: &str,
        default_year: i32,
        problems: &mut Vec<Problem>,
    ) -> ActorDoc {
        let id = row.cell(self.column(&Field::Id)).unwrap_or_default();
        let mut a = ActorDoc {
            name: row
                .cell(self.column(&Field::Name))
                .unwrap_or_else(|| id.clone()),
            id,
            lat: row.number(self.column(&Field::Lat), problems),
            lon: row.number(self.column(&Field::Lon), problems),
            receptiveness: self.receptiveness(row, file, default_year, problems),
            note: row.cell(self.column(&Field::Note)),
            ..ActorDoc::default()
        };
        for (c, field) in self.fields.iter().enumerate() {
            let Some(text) = row.cell(Some(c)) else {
                continue;
            };
            match field {
                Field::Attribute(name) => {
                    if let Some(v) = infer(&text) {
                        a.attributes.insert(name.clone(), v);
                    }
                }
                Field::Stance => match serde_json::from_str::<StanceDoc>(&text) {
                    Ok(s) => a.stance = s.0,
                    Err(e) => row.problem(
                        c,
                        format!("the stance is not a stance object: {e}"),
                        "write the stance as in the native format (docs/FORMAT.md), or rename the column to keep it as an attribute",
                        problems,
                    ),
                },
                Field::Outreach => match serde_json::from_str::<Outreach>(&text) {
                    Ok(o) => a.outreach = Some(o),
                    Err(e) => row.problem(
                        c,
                        format!("the outreach is not an outreach object: {e}"),
                        "write it as in the native format (docs/FORMAT.md), or rename the column to keep it as an attribute",
                        problems,
                    ),
                },
                _ => {}
            }
        }
        a
    }

    /// The receptiveness figure of one row, if its value is given.
    fn receptiveness(
        &self,
        row: &ActorRow<'_>,
        file: &str,
        default_year: i32,
        problems: &mut Vec<Problem>,
    ) -> Option<Figure> {
        let col = |p: Part| self.column(&Field::Receptiveness(p));
        let value = row.number(col(Part::Value), problems)?;
        let lo = row.number(col(Part::Low), problems);
        let hi = row.number(col(Part::High), problems);
        let basis = match row.cell(col(Part::Basis)).map(|b| b.parse::<Basis>()) {
            None => Basis::Unknown,
            Some(Ok(b)) => b,
            Some(Err(e)) => {
                problems.push(Problem::new(
                    row.header.at(row.line, col(Part::Basis)),
                    e.to_string(),
                    Some("write one of `official`, `published`, `derived`, `judgement`".to_owned()),
                ));
                Basis::Unknown
            }
        };
        Some(Figure {
            value,
            range: match (lo, hi) {
                (None, None) => None,
                (lo, hi) => Some([lo.unwrap_or(value), hi.unwrap_or(value)]),
            },
            source: row
                .cell(col(Part::Source))
                .unwrap_or_else(|| format!("imported from {file}, no source given"))
                .into(),
            year: row
                .cell(col(Part::Year))
                .and_then(|y| y.parse().ok())
                .unwrap_or(default_year),
            basis,
            cite: row.cell(col(Part::Cite)).map_or_else(Cite::none, |s| {
                Cite::many(s.split(',').map(str::trim).filter(|x| !x.is_empty()))
            }),
        })
    }
}
