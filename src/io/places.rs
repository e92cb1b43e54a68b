//! Places of an imported document's parts in their source file (GraphML line:column, CSV row and
//! column), so that the rules of [`super::validate`] report them where the user can find them.

use std::collections::HashMap;

use super::location::{render_path, Location, PathStep};

/// The line of each tie's channel figure in a long CSV ties table, by `(tie, channel)`.
type ChannelLines = HashMap<(usize, String), usize>;

/// A map from document paths (`ties[3].channels.weight.value`) to places in the source file.
#[derive(Debug, Clone, Default)]
pub struct Places {
    file: String,
    at: HashMap<String, Location>,
    /// CSV ties, kept compact (one row number and two column indices per tie, instead of four
    /// rendered paths and locations): the header, the channel columns, and per tie
    /// `(line, from column, to column)`.
    csv_header: Vec<String>,
    csv_channels: Vec<(String, usize)>,
    /// Each CSV tie's line and the columns of its ends (`u32`: 12 bytes a tie, not 24).
    csv_ties: Vec<[u32; 3]>,
    /// A long ties table (one row per channel figure): the value column, and the line of each
    /// tie's channel figure, by `(tie, channel)`.
    csv_long: Option<(usize, ChannelLines)>,
    /// CSV actors, kept compact in the same way: the actors table's file and header, the
    /// column of each field that has one (`id`, `lat`, `lon`, `receptiveness`), and each
    /// actor's line.
    csv_actors: Option<CsvActors>,
}

#[derive(Debug, Clone, Default)]
struct CsvActors {
    file: String,
    header: Vec<String>,
    columns: Vec<(&'static str, usize)>,
    lines: Vec<usize>,
}

impl Places {
    /// An empty map for `file`.
    pub fn new(file: &str) -> Self {
        Places {
            file: file.to_owned(),
            ..Places::default()
        }
    }

    /// Records that the document part at `path` (rendered, e.g. `actors[2].lat`) comes from
    /// `line:column` (if known), described as `what` (`node "AUT", key lat`).
    pub fn insert(
        &mut self,
        path: String,
        line: Option<usize>,
        column: Option<usize>,
        what: String,
    ) {
        let at = Location {
            file: self.file.clone(),
            line,
            column,
            path: Some(what),
        };
        self.at.insert(path, at);
    }

    /// Adds the places of `other` (another file's), keeping theirs where both have one.
    pub fn extend(&mut self, other: Places) {
        self.at.extend(other.at);
        if self.csv_ties.is_empty() {
            self.csv_header = other.csv_header;
            self.csv_channels = other.csv_channels;
            self.csv_ties = other.csv_ties;
            self.csv_long = other.csv_long;
        }
        if other.csv_actors.is_some() {
            self.csv_actors = other.csv_actors;
        }
    }

    /// Declares a CSV actors table: its file, header, and the column of each actor field that
    /// has one (`("lat", 2)`), for [`Places::push_csv_actor`].
    pub fn csv_actors_table(
        &mut self,
        file: &str,
        header: Vec<String>,
        columns: Vec<(&'static str, usize)>,
    ) {
        self.csv_actors = Some(CsvActors {
            file: file.to_owned(),
            header,
            columns,
            lines: Vec::new(),
        });
    }

    /// Records that actor `actors[len]` comes from line `line` of the actors table declared by
    /// [`Places::csv_actors_table`] (without one, there is nowhere to record it, and the
    /// actor's problems are placed at the file). O(1) memory per actor.
    pub fn push_csv_actor(&mut self, line: usize) {
        debug_assert!(
            self.csv_actors.is_some(),
            "csv_actors_table is called first"
        );
        if let Some(table) = self.csv_actors.as_mut() {
            table.lines.push(line);
        }
    }

    /// The place of a CSV actor's part, if `steps` points into one.
    fn locate_csv_actor(&self, steps: &[PathStep]) -> Option<Location> {
        let (Some(PathStep::Key(k)), Some(PathStep::Index(j))) = (steps.first(), steps.get(1))
        else {
            return None;
        };
        let table = self.csv_actors.as_ref().filter(|_| k == "actors")?;
        let line = *table.lines.get(*j)?;
        let column = match steps.get(2) {
            Some(PathStep::Key(field)) => table
                .columns
                .iter()
                .find(|(f, _)| f == field)
                .map(|&(_, c)| c),
            _ => None,
        };
        let what = match column.and_then(|c| table.header.get(c)) {
            Some(name) => format!("row {line}, column `{name}`"),
            None => format!("row {line}"),
        };
        Some(Location {
            file: table.file.clone(),
            line: Some(line),
            column: None,
            path: Some(what),
        })
    }

    /// Declares the CSV ties table's header and channel columns (`(channel, column)`), for
    /// [`Places::push_csv_tie`].
    pub fn csv_ties_table(&mut self, header: Vec<String>, channels: Vec<(String, usize)>) {
        self.csv_header = header;
        self.csv_channels = channels;
    }

    /// Room for the places of `n` more CSV ties.
    pub fn reserve_csv_ties(&mut self, n: usize) {
        self.csv_ties.reserve(n);
    }

    /// Records that tie `ties[len]` comes from CSV line `line`, its ends from columns
    /// `from_col` and `to_col`. O(1) memory per tie.
    pub fn push_csv_tie(&mut self, line: usize, from_col: usize, to_col: usize) {
        let narrow = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        self.csv_ties
            .push([narrow(line), narrow(from_col), narrow(to_col)]);
    }

    /// Declares the CSV ties table long (one row per channel figure), its figures' values in
    /// column `value`, for [`Places::push_csv_channel`].
    pub fn csv_long_table(&mut self, value: usize) {
        self.csv_long = Some((value, HashMap::new()));
    }

    /// Records that the figure of channel `channel` of tie `ties[tie]` comes from line `line`
    /// of a long ties table.
    pub fn push_csv_channel(&mut self, tie: usize, channel: &str, line: usize) {
        if let Some((_, lines)) = self.csv_long.as_mut() {
            lines.insert((tie, channel.to_owned()), line);
        }
    }

    /// The place of a CSV tie's part, if `steps` points into one.
    fn locate_csv_tie(&self, steps: &[PathStep]) -> Option<Location> {
        let (Some(PathStep::Key(k)), Some(PathStep::Index(j))) = (steps.first(), steps.get(1))
        else {
            return None;
        };
        let [mut line, from, to] = self
            .csv_ties
            .get(*j)
            .filter(|_| k == "ties")?
            .map(|x| x as usize);
        if let (Some((value, lines)), Some(PathStep::Key(c)), Some(PathStep::Key(ch))) =
            (&self.csv_long, steps.get(2), steps.get(3))
        {
            if c == "channels" {
                if let Some(&l) = lines.get(&(*j, ch.clone())) {
                    line = l;
                }
                return Some(Location {
                    file: self.file.clone(),
                    line: Some(line),
                    column: None,
                    path: Some(match self.csv_header.get(*value) {
                        Some(name) => format!("row {line}, column `{name}`"),
                        None => format!("row {line}"),
                    }),
                });
            }
        }
        let column = match (steps.get(2), steps.get(3)) {
            (Some(PathStep::Key(f)), _) if f == "from" => Some(from),
            (Some(PathStep::Key(t)), _) if t == "to" => Some(to),
            (Some(PathStep::Key(c)), Some(PathStep::Key(ch))) if c == "channels" => self
                .csv_channels
                .iter()
                .find(|(name, _)| name == ch)
                .map(|(_, col)| *col),
            _ => None,
        };
        let what = match column.and_then(|c| self.csv_header.get(c)) {
            Some(name) => format!("row {line}, column `{name}`"),
            None => format!("row {line}"),
        };
        Some(Location {
            file: self.file.clone(),
            line: Some(line),
            column: None,
            path: Some(what),
        })
    }

    /// The place of `steps`: the recorded place of the longest recorded prefix, or the file.
    pub fn locate(&self, steps: &[PathStep]) -> Location {
        if let Some(at) = self
            .locate_csv_tie(steps)
            .or_else(|| self.locate_csv_actor(steps))
        {
            return at;
        }
        for n in (0..=steps.len()).rev() {
            if let Some(at) = self.at.get(&render_path(&steps[..n])) {
                return at.clone();
            }
        }
        Location::file(self.file.clone()).path(render_path(steps))
    }
}

#[cfg(test)]
#[path = "tests/places_tests.rs"]
mod tests;
