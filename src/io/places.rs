//! Places of an imported document's parts in their source file (GraphML line:column, CSV row and
//! column), so that the rules of [`super::validate`] report them where the user can find them.

use std::collections::HashMap;

use super::location::{render_path, Location, PathStep};

/// A map from document paths (`ties[3].channels.weight.value`) to places in the source file.
#[derive(Debug, Clone, Default)]
pub struct Places {
    file: String,
    at: HashMap<String, Location>,
}

impl Places {
    /// An empty map for `file`.
    pub fn new(file: &str) -> Self {
        Places {
            file: file.to_owned(),
            at: HashMap::new(),
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
    }

    /// The place of `steps`: the recorded place of the longest recorded prefix, or the file.
    pub fn locate(&self, steps: &[PathStep]) -> Location {
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
