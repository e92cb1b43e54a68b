//! Safe actor ids for imported graphs (GraphML, GEXF, CSV): other tools name nodes freely
//! (`South Korea`), while the model's ids are 1-64 ASCII letters, digits, `-`, `_` or `.`
//! ([`crate::model::ActorId::is_well_formed`]). An id that breaks that rule is mapped to a safe one
//! ([`safe_id`]); the actor keeps the original as its name when the file gives none, the ties and
//! groups naming the original follow it, and the graph's notes list the mapping. Native JSON
//! stays strict: it is leverage's own format.

use std::collections::{HashMap, HashSet};

use super::json::{ActorDoc, GroupDoc};
use crate::model::ActorId;

/// The words that mark the graph note listing the ids made safe on import.
pub const SAFE_IDS_NOTE: &str = "ids made safe";

/// The graph's notes that list ids made safe on import, for a program to show.
pub fn safe_id_notes(g: &crate::model::InfluenceGraph) -> impl Iterator<Item = &str> {
    g.meta
        .notes
        .iter()
        .map(String::as_str)
        .filter(|n| n.starts_with("imported from ") && n.contains(SAFE_IDS_NOTE))
}

/// The safe form of `id`: every run of characters other than ASCII letters, digits, `-`, `_`
/// and `.` becomes one `_`, a `_` so made at either end is dropped, and the result is cut to 64
/// bytes (`South Korea` -> `South_Korea`, `Côte d'Ivoire` -> `C_te_d_Ivoire`). `None` when
/// nothing is left (an empty id, or one of spaces and symbols only). An id that is already
/// well-formed is returned as it is.
pub fn safe_id(id: &str) -> Option<String> {
    if ActorId::is_well_formed(id) {
        return Some(id.to_owned());
    }
    let mut out = String::with_capacity(id.len());
    let mut replaced = false;
    for c in id.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
            out.push(c);
            replaced = false;
        } else if !replaced {
            out.push('_');
            replaced = true;
        }
    }
    if id.starts_with(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))) {
        out.remove(0);
    }
    if replaced {
        out.pop();
    }
    out.truncate(64);
    (!out.is_empty()).then_some(out)
}

/// The ids of one imported file that were made safe: original -> safe id, in file order.
#[derive(Debug, Default)]
pub(crate) struct IdMap {
    map: HashMap<String, String>,
    order: Vec<(String, String)>,
}

impl IdMap {
    /// Maps every id of `ids` that is not well-formed to its [`safe_id`], unique among all the
    /// ids in any case (a second `South_Korea` gets `South_Korea_2`). An id without a safe form is
    /// left as it is, for the validation to report.
    pub fn new<'a>(ids: impl IntoIterator<Item = &'a str> + Clone) -> IdMap {
        let mut taken: HashSet<String> = ids
            .clone()
            .into_iter()
            .filter(|id| ActorId::is_well_formed(id))
            .map(str::to_ascii_lowercase)
            .collect();
        let mut m = IdMap::default();
        for id in ids {
            if ActorId::is_well_formed(id) || m.map.contains_key(id) {
                continue;
            }
            let Some(base) = safe_id(id) else { continue };
            let mut safe = base.clone();
            let mut i = 2;
            while taken.contains(&safe.to_ascii_lowercase()) {
                let suffix = format!("_{i}");
                let mut b = base.clone();
                b.truncate(64 - suffix.len());
                safe = format!("{b}{suffix}");
                i += 1;
            }
            taken.insert(safe.to_ascii_lowercase());
            m.map.insert(id.to_owned(), safe.clone());
            m.order.push((id.to_owned(), safe));
        }
        m
    }

    /// Whether no id was mapped.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The safe id of `id`, if it was mapped.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.map.get(id).map(String::as_str)
    }

    /// `id`, mapped if it was.
    pub fn apply(&self, id: &mut String) {
        if let Some(s) = self.map.get(id.as_str()) {
            id.clone_from(s);
        }
    }

    /// Maps the actors' ids (the name, when the file gave none, is the original id already),
    /// their stance targets, and the groups' members and leads.
    pub fn apply_to(&self, actors: &mut [ActorDoc], groups: &mut [GroupDoc]) {
        if self.is_empty() {
            return;
        }
        for a in actors.iter_mut() {
            self.apply(&mut a.id);
            if a.stance.keys().any(|k| self.map.contains_key(k)) {
                a.stance = std::mem::take(&mut a.stance)
                    .into_iter()
                    .map(|(mut k, v)| {
                        self.apply(&mut k);
                        (k, v)
                    })
                    .collect();
            }
        }
        for g in groups.iter_mut() {
            g.members.iter_mut().for_each(|m| self.apply(m));
            if let Some(lead) = g.lead.as_mut() {
                self.apply(lead);
            }
        }
    }

    /// The graph note that lists the mapping (the first 20 ids, then a count), if any id was
    /// mapped.
    pub fn note(&self, file: &str) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut shown: Vec<String> = self
            .order
            .iter()
            .take(20)
            .map(|(o, s)| format!("`{o}` -> `{s}`"))
            .collect();
        if self.order.len() > 20 {
            shown.push(format!("and {} more", self.order.len() - 20));
        }
        Some(format!(
            "imported from {file}; {SAFE_IDS_NOTE} (letters, digits, `-`, `_`, `.`): {}",
            shown.join(", ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_ids_by_hand() {
        assert_eq!(safe_id("South Korea").as_deref(), Some("South_Korea"));
        assert_eq!(safe_id("Côte d'Ivoire").as_deref(), Some("C_te_d_Ivoire"));
        assert_eq!(safe_id(" (EU) ").as_deref(), Some("EU"));
        assert_eq!(safe_id("AUT").as_deref(), Some("AUT"));
        assert_eq!(safe_id("").as_deref(), None);
        assert_eq!(safe_id(" ? ").as_deref(), None);
        assert_eq!(safe_id(&"x y".repeat(30)).map(|s| s.len()), Some(64));
    }

    #[test]
    fn collisions_get_a_suffix_and_well_formed_ids_keep_theirs() {
        let ids = [
            "South_Korea",
            "South Korea",
            "South  Korea",
            "south korea",
            "RUS",
            "?",
        ];
        let m = IdMap::new(ids.iter().copied());
        assert_eq!(m.get("South_Korea"), None);
        assert_eq!(m.get("South Korea"), Some("South_Korea_2"));
        assert_eq!(m.get("South  Korea"), Some("South_Korea_3"));
        assert_eq!(m.get("south korea"), Some("south_korea_4"));
        assert_eq!(m.get("RUS"), None);
        assert_eq!(m.get("?"), None);
        let note = m.note("f.graphml").unwrap(); // ok: test
        assert!(
            note.starts_with("imported from f.graphml; ids made safe (letters, digits, `-`, `_`, `.`): `South Korea` -> `South_Korea_2`, "),
            "{note}"
        );
    }
}
