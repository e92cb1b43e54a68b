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
mod tests {
    use super::*;

    #[test]
    fn longest_prefix_wins() {
        let mut p = Places::new("g.graphml");
        p.insert("ties[0]".into(), Some(3), Some(5), "edge AUT -> RUS".into());
        p.insert(
            "ties[0].channels.trade.value".into(),
            Some(4),
            Some(7),
            "edge AUT -> RUS, key trade".into(),
        );
        let steps = |v: &[&str]| -> Vec<PathStep> {
            v.iter()
                .map(|s| match s.parse::<usize>() {
                    Ok(i) => PathStep::Index(i),
                    Err(_) => PathStep::Key((*s).to_owned()),
                })
                .collect()
        };
        let at = p.locate(&steps(&["ties", "0", "channels", "trade", "value"]));
        assert_eq!(at.to_string(), "g.graphml:4:7 (edge AUT -> RUS, key trade)");
        let at = p.locate(&steps(&["ties", "0", "to"]));
        assert_eq!(at.line, Some(3));
        let at = p.locate(&steps(&["meta", "date"]));
        assert_eq!(at.to_string(), "g.graphml (meta.date)");
    }
}
