//! Name resolution: actor ids, actor names, group ids and the usual aliases of countries (ISO
//! 3166-1 alpha-2 codes, `UK`, `Türkiye`, the names the UN uses), case- and accent-insensitively,
//! with "did you mean" for a miss and a refusal for a name that could mean two things.

use std::collections::HashMap;
use std::sync::OnceLock;

use petgraph::stable_graph::NodeIndex;

use super::graph::InfluenceGraph;
use crate::error::{Error, Result};

/// The alias table embedded from `graphs/aliases.tsv` (built by `graphs/build/build_aliases.py`
/// from ISO 3166-1): folded alias -> ISO alpha-3 id.
fn aliases() -> &'static HashMap<String, &'static str> {
    static TABLE: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        include_str!("../../graphs/aliases.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(alias, id)| (fold(alias), id))
            .collect()
    })
}

/// `s` folded for comparison: lowercase, Latin letters without their accents (`Türkiye` ->
/// `turkiye`, `Côte` -> `cote`), other characters as they are, surrounding space trimmed.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'ď' | 'đ' => 'd',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
            'ğ' => 'g',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
            'ł' | 'ľ' => 'l',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
            'ř' => 'r',
            'ś' | 'š' | 'ş' | 'ș' => 's',
            'ť' | 'ţ' | 'ț' => 't',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            other => other,
        };
        out.push(base);
    }
    out
}

/// What a name resolves to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hit<'g> {
    Actor(NodeIndex),
    Group(&'g str),
}

/// Resolves names given by a user to actors of one graph.
///
/// A name is, in this order: an actor's id or a group's id exactly as written; else, in any case
/// and without accents, an actor's id, an actor's name or a group's id (a name that matches more
/// than one of these is refused as ambiguous, so `germany` cannot mean one thing to one command
/// and another to the next); else an alias of a country in the graph (ISO 3166-1 alpha-2 codes,
/// `UK`, `Türkiye`, `Russian Federation`, the names the UN uses).
#[derive(Debug, Clone, Copy)]
pub struct Resolver<'g> {
    graph: &'g InfluenceGraph,
}

impl<'g> Resolver<'g> {
    /// A resolver over `graph`.
    pub fn new(graph: &'g InfluenceGraph) -> Self {
        Resolver { graph }
    }

    /// What `wanted` names, or why nothing (unknown, or ambiguous).
    ///
    /// # Complexity
    /// O(|V| + groups) per call after the exact lookups.
    fn lookup(&self, name: &str, context: &str) -> Result<Hit<'g>> {
        let wanted = name.trim();
        if let Some(n) = self.graph.node_of(wanted) {
            return Ok(Hit::Actor(n));
        }
        if let Some(g) = self.graph.group(wanted) {
            return Ok(Hit::Group(g.id.as_str()));
        }
        let key = fold(wanted);
        let mut hits: Vec<(Hit<'g>, String)> = Vec::new();
        for (n, a) in self.graph.actors() {
            if fold(a.id.as_str()) == key || fold(&a.name) == key {
                hits.push((Hit::Actor(n), format!("actor `{}` ({})", a.id, a.name)));
            }
        }
        for g in self.graph.groups() {
            if fold(&g.id) == key {
                hits.push((Hit::Group(g.id.as_str()), format!("group `{}`", g.id)));
            }
        }
        match hits.len() {
            1 => return Ok(hits[0].0),
            0 => {}
            _ => {
                return Err(Error::AmbiguousName {
                    context: context.to_owned(),
                    name: name.to_owned(),
                    candidates: hits.into_iter().map(|(_, what)| what).collect(),
                })
            }
        }
        if let Some(n) = aliases().get(&key).and_then(|id| self.graph.node_of(id)) {
            return Ok(Hit::Actor(n));
        }
        Err(Error::UnknownName {
            context: context.to_owned(),
            name: name.to_owned(),
            suggestions: self.suggestions(wanted),
        })
    }

    /// Resolves one actor by id, name or alias (`deu`, `Germany`, `DE`).
    ///
    /// # Errors
    /// [`Error::UnknownName`] with the closest ids if nothing matches;
    /// [`Error::AmbiguousName`] if the name could mean several actors or groups;
    /// [`Error::InvalidParameter`] (listing its members) if `name` is a group.
    pub fn actor(&self, name: &str, context: &str) -> Result<NodeIndex> {
        match self.lookup(name, context)? {
            Hit::Actor(n) => Ok(n),
            Hit::Group(g) => {
                let members = self
                    .graph
                    .group(g)
                    .map_or(Vec::new(), |g| g.members.clone());
                let mut shown: Vec<String> =
                    members.iter().take(5).map(|m| format!("`{m}`")).collect();
                if members.len() > 5 {
                    shown.push(format!("... {} more", members.len() - 5));
                }
                Err(Error::InvalidParameter {
                    name: match context.trim_end_matches([':', ' ']) {
                        "" => "the name".to_owned(),
                        c => c.to_owned(),
                    },
                    value: name.to_owned(),
                    expected: format!(
                        "`{g}` is a group and one actor is needed here: name one of its members ({})",
                        shown.join(", ")
                    ),
                })
            }
        }
    }

    /// Resolves a group id or an actor to a set of actors: a group gives its members, an actor
    /// itself. The result keeps the group's order, without duplicates.
    ///
    /// # Errors
    /// As [`Resolver::actor`], but a group is welcome.
    pub fn actors(&self, name: &str, context: &str) -> Result<Vec<NodeIndex>> {
        match self.lookup(name, context)? {
            Hit::Actor(n) => Ok(vec![n]),
            Hit::Group(gid) => {
                let group = self
                    .graph
                    .group(gid)
                    .expect("lookup returns an existing group id");
                Ok(group
                    .members
                    .iter()
                    .filter_map(|m| self.graph.node(m))
                    .collect())
            }
        }
    }

    /// Resolves a comma-separated list of actors and groups (`CHN,TUR,brics`), without duplicates,
    /// in the order given.
    ///
    /// # Errors
    /// The first name that does not resolve.
    pub fn list(&self, names: &[String], context: &str) -> Result<Vec<NodeIndex>> {
        let mut out: Vec<NodeIndex> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for name in names.iter().flat_map(|s| s.split(',')).map(str::trim) {
            if name.is_empty() {
                continue;
            }
            for n in self.actors(name, context)? {
                if seen.insert(n) {
                    out.push(n);
                }
            }
        }
        Ok(out)
    }

    /// Up to three ids or group ids closest to `wanted` (Jaro-Winkler on folded ids, names and
    /// the aliases of the graph's actors).
    pub fn suggestions(&self, wanted: &str) -> Vec<String> {
        let w = fold(wanted);
        // Only scores of at least 0.8 can be shown (the floor below), so nothing under it is
        // kept or sorted: one pass over the actors with no allocation per actor beyond folding.
        let mut scored: Vec<(f64, String)> = Vec::new();
        for (_, a) in self.graph.actors() {
            let s = strsim::jaro_winkler(&w, &fold(a.id.as_str()))
                .max(strsim::jaro_winkler(&w, &fold(&a.name)));
            if s >= 0.8 {
                scored.push((s, a.id.to_string()));
            }
        }
        for g in self.graph.groups() {
            let s = strsim::jaro_winkler(&w, &fold(&g.id));
            if s >= 0.8 {
                scored.push((s, g.id.clone()));
            }
        }
        // Aliases only help for near misses of a real alias ("Turky"), not as exact hits (those
        // resolve): skip the scan for short inputs, where codes collide by chance.
        if w.chars().count() > 3 {
            for (alias, id) in aliases() {
                let s = strsim::jaro_winkler(&w, alias);
                if s >= 0.8 && self.graph.node_of(id).is_some() {
                    scored.push((s, (*id).to_owned()));
                }
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        // Near the best only: a clear best match is shown alone.
        let floor = scored.first().map_or(1.0, |b| (b.0 - 0.05).max(0.8));
        let mut out: Vec<String> = Vec::new();
        for (s, id) in scored {
            if s < floor || out.len() == 3 {
                break;
            }
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, Group};

    fn graph() -> InfluenceGraph {
        let mut g = InfluenceGraph::new(crate::model::Meta::default());
        for (id, name) in [
            ("DEU", "Germany"),
            ("TUR", "Türkiye"),
            ("GBR", "United Kingdom"),
            ("RUS", "Russia"),
            ("UKR", "Ukraine"),
        ] {
            g.add_actor(Actor::new(id, name)).unwrap();
        }
        g.set_group(Group::new("signatories", vec!["DEU".into(), "UKR".into()]))
            .unwrap();
        g
    }

    #[test]
    fn ids_names_groups_and_aliases() {
        let g = graph();
        let r = Resolver::new(&g);
        let id = |n| g.actor(r.actor(n, "").unwrap()).id.to_string();
        assert_eq!(id("deu"), "DEU");
        assert_eq!(id("germany"), "DEU");
        assert_eq!(id("DE"), "DEU");
        // See: #11. UK is the United Kingdom, not Ukraine; Türkiye with or without accent.
        assert_eq!(id("UK"), "GBR");
        assert_eq!(id("Türkiye"), "TUR");
        assert_eq!(id("turkiye"), "TUR");
        assert_eq!(id("Turkey"), "TUR");
        assert_eq!(id("Russian Federation"), "RUS");
        assert_eq!(r.actors("SIGNATORIES", "").unwrap().len(), 2);
        assert!(matches!(
            r.actor("signatories", "sources: "),
            Err(Error::InvalidParameter { .. })
        ));
    }

    // See: #16
    #[test]
    fn a_name_that_could_mean_two_things_is_refused() {
        let mut g = graph();
        g.add_actor(Actor::new("Abcd", "first")).unwrap();
        g.add_actor(Actor::new("ABCD", "second")).unwrap();
        g.add_actor(Actor::new("DEU2", "Germany")).unwrap();
        g.set_group(Group::new("germanic", vec!["DEU".into()]))
            .unwrap();
        let r = Resolver::new(&g);
        for name in ["abcd", "germany"] {
            let e = r.actor(name, "sources: ").unwrap_err();
            assert!(matches!(e, Error::AmbiguousName { .. }), "{name}: {e}");
        }
        // Exact ids still resolve.
        assert!(r.actor("Abcd", "").is_ok() && r.actor("ABCD", "").is_ok());
        // A group whose id is an actor's name, in another case, is ambiguous too.
        let mut g = graph();
        g.set_group(Group::new("GERMANY", vec!["TUR".into()]))
            .unwrap();
        let r = Resolver::new(&g);
        assert!(matches!(
            r.actors("germany", ""),
            Err(Error::AmbiguousName { .. })
        ));
        assert!(r.actors("GERMANY", "").is_ok(), "the exact group id");
    }

    #[test]
    fn misses_suggest_the_closest() {
        let g = graph();
        let e = Resolver::new(&g)
            .actor("Germny", "")
            .unwrap_err()
            .to_string();
        assert!(e.contains("did you mean `DEU`"), "{e}");
        let e = Resolver::new(&g)
            .actor("Turky", "")
            .unwrap_err()
            .to_string();
        assert!(e.contains("`TUR`"), "{e}");
    }
}
