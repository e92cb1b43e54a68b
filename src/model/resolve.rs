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
    ///
    /// Many searches over one graph's actors: fold them once with [`ActorFolds`].
    pub fn suggestions(&self, wanted: &str) -> Vec<String> {
        let actors = self.graph.actors().map(|(_, a)| {
            (
                a.id.as_str(),
                Folded::new(fold(a.id.as_str())),
                Folded::new(fold(&a.name)),
            )
        });
        suggestions(self.graph, actors, wanted)
    }
}

/// A graph's actor ids and names folded ([`fold`]) once, for many "did you mean" searches over
/// the same actors (a validation that reports an unknown actor per problem shown).
#[derive(Debug, Clone)]
pub struct ActorFolds {
    /// Each actor's id, folded id and folded name, in the graph's order.
    actors: Vec<(String, Folded, Folded)>,
}

impl ActorFolds {
    /// The folded ids and names of `graph`'s actors. Time O(total length of ids and names).
    pub fn new(graph: &InfluenceGraph) -> Self {
        ActorFolds {
            actors: graph
                .actors()
                .map(|(_, a)| {
                    (
                        a.id.to_string(),
                        Folded::new(fold(a.id.as_str())),
                        Folded::new(fold(&a.name)),
                    )
                })
                .collect(),
        }
    }

    /// [`Resolver::suggestions`] on `graph`, whose actors must be those folded here (its groups
    /// may have changed since). Time O(actors + groups + aliases) cheap comparisons; Jaro-Winkler
    /// only for the ids and names that could score 0.8.
    pub fn suggestions(&self, graph: &InfluenceGraph, wanted: &str) -> Vec<String> {
        debug_assert_eq!(self.actors.len(), graph.actor_count(), "the same actors");
        let actors = self
            .actors
            .iter()
            .map(|(id, i, n)| (id.as_str(), i.as_ref(), n.as_ref()));
        suggestions(graph, actors, wanted)
    }
}

/// A folded string and its length in characters.
#[derive(Debug, Clone, Copy)]
struct Folded<S = String> {
    text: S,
    chars: usize,
}

impl Folded {
    fn new(text: String) -> Self {
        let chars = text.chars().count();
        Folded { text, chars }
    }
}

impl<S: AsRef<str>> Folded<S> {
    fn as_ref(&self) -> Folded<&str> {
        Folded {
            text: self.text.as_ref(),
            chars: self.chars,
        }
    }
}

/// The characters of the folded `wanted`, counted, to bound the Jaro-Winkler similarity of a
/// candidate without computing it.
struct Bound<'w> {
    wanted: Folded<&'w str>,
    /// Counts of ASCII characters; every other character is counted in the last slot.
    counts: [u16; 129],
}

impl<'w> Bound<'w> {
    fn new(wanted: Folded<&'w str>) -> Self {
        let mut counts = [0u16; 129];
        for c in wanted.text.chars() {
            let slot = Self::slot(c);
            counts[slot] = counts[slot].saturating_add(1);
        }
        Bound { wanted, counts }
    }

    fn slot(c: char) -> usize {
        if c.is_ascii() {
            c as usize
        } else {
            128
        }
    }

    /// Whether `candidate` can have a Jaro-Winkler similarity of 0.8 or more with the wanted
    /// string; `false` only when it cannot.
    ///
    /// With `a` and `b` the lengths in characters and `m` the matching characters, Jaro is
    /// `(m/a + m/b + (m - t)/m) / 3`, at most `(c/a + c/b + 1) / 3` where `c >= m` counts the
    /// characters the two share (a multiset intersection; characters outside ASCII are lumped
    /// together, which only raises `c`). Winkler's prefix bonus (strsim adds it above 0.7, over
    /// at most 4 characters, with factor 0.1) gives at most `0.6 Jaro + 0.4`. So 0.8 needs Jaro
    /// of at least 2/3, that is `c/a + c/b >= 1`, or `c (a + b) >= a b`, checked exactly in
    /// integers.
    fn may_reach(&self, candidate: Folded<&str>) -> bool {
        let (a, b) = (self.wanted.chars, candidate.chars);
        if a == 0 || b == 0 {
            // strsim's own cases (1.0 for two empty strings): let it decide.
            return true;
        }
        let mut left = self.counts;
        let mut shared = 0usize;
        for c in candidate.text.chars() {
            let slot = Self::slot(c);
            if left[slot] > 0 {
                left[slot] -= 1;
                shared += 1;
            }
        }
        shared * (a + b) >= a * b
    }

    /// Jaro-Winkler of the wanted string and `candidate` if it can be 0.8 or more.
    fn score(&self, candidate: Folded<&str>) -> Option<f64> {
        self.may_reach(candidate)
            .then(|| strsim::jaro_winkler(self.wanted.text, candidate.text))
            .filter(|s| *s >= 0.8)
    }
}

/// Up to three ids or group ids of `graph` closest to `wanted`, among `actors` (each actor's id,
/// folded id and folded name, in the graph's order), the graph's groups and its actors' aliases.
fn suggestions<'a, S: AsRef<str>>(
    graph: &InfluenceGraph,
    actors: impl Iterator<Item = (&'a str, Folded<S>, Folded<S>)>,
    wanted: &str,
) -> Vec<String> {
    let w = Folded::new(fold(wanted));
    let bound = Bound::new(w.as_ref());
    // Only scores of at least 0.8 can be shown (the floor below), so nothing under it is kept or
    // sorted, and a candidate that cannot reach it is not scored (`Bound`).
    let mut scored: Vec<(f64, String)> = Vec::new();
    for (id, folded_id, folded_name) in actors {
        let best = match (
            bound.score(folded_id.as_ref()),
            bound.score(folded_name.as_ref()),
        ) {
            (Some(x), Some(y)) => Some(x.max(y)),
            (x, y) => x.or(y),
        };
        if let Some(s) = best {
            scored.push((s, id.to_owned()));
        }
    }
    for g in graph.groups() {
        if let Some(s) = bound.score(Folded::new(fold(&g.id)).as_ref()) {
            scored.push((s, g.id.clone()));
        }
    }
    // Aliases only help for near misses of a real alias ("Turky"), not as exact hits (those
    // resolve): skip the scan for short inputs, where codes collide by chance.
    if w.chars > 3 {
        for (alias, id) in aliases() {
            let s = strsim::jaro_winkler(&w.text, alias);
            if s >= 0.8 && graph.node_of(id).is_some() {
                scored.push((s, (*id).to_owned()));
            }
        }
    }
    near_best(scored)
}

/// At most three distinct ids of `scored` (score, id), best first, each within 0.05 of the best
/// and scoring 0.8 or more: a clear best match is shown alone.
fn near_best(mut scored: Vec<(f64, String)>) -> Vec<String> {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
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

    /// The search as it was before `Bound` (#16), the oracle: Jaro-Winkler of every folded id,
    /// name and group id.
    fn reference_suggestions(g: &InfluenceGraph, wanted: &str) -> Vec<String> {
        let w = fold(wanted);
        let mut scored: Vec<(f64, String)> = Vec::new();
        for (_, a) in g.actors() {
            let s = strsim::jaro_winkler(&w, &fold(a.id.as_str()))
                .max(strsim::jaro_winkler(&w, &fold(&a.name)));
            if s >= 0.8 {
                scored.push((s, a.id.to_string()));
            }
        }
        for gr in g.groups() {
            let s = strsim::jaro_winkler(&w, &fold(&gr.id));
            if s >= 0.8 {
                scored.push((s, gr.id.clone()));
            }
        }
        if w.chars().count() > 3 {
            for (alias, id) in aliases() {
                let s = strsim::jaro_winkler(&w, alias);
                if s >= 0.8 && g.node_of(id).is_some() {
                    scored.push((s, (*id).to_owned()));
                }
            }
        }
        near_best(scored)
    }

    // See: #16
    #[test]
    fn bounded_suggestions_equal_scoring_every_candidate() {
        let mut g = graph();
        let names = [
            "n1",
            "n12",
            "n123",
            "x1",
            "ab",
            "ba",
            "abc",
            "cab",
            "Zürich",
            "Zurich",
            "Åland",
            "Österreich",
            "Ελλάδα",
            "日本",
            "n1x",
            "nx1",
            "aaaa",
            "aaab",
            "q",
            "qq",
            "",
        ];
        for (i, n) in names.iter().enumerate() {
            let id = format!("c{i}-{}", n.len());
            g.add_actor(Actor::new(id.as_str(), n)).unwrap();
        }
        for i in 0..300 {
            g.add_actor(Actor::new(
                format!("n{i}").as_str(),
                format!("actor {i}").as_str(),
            ))
            .unwrap();
        }
        g.set_group(Group::new("grp1", vec!["DEU".into()])).unwrap();
        let folds = ActorFolds::new(&g);
        let mut tried = 0;
        let mut hits = 0;
        let wanted = names
            .iter()
            .map(|s| (*s).to_owned())
            .chain((0..320).map(|i| format!("n{i}x")))
            .chain((0..50).map(|i| format!("actor {i}0")))
            .chain(
                [
                    "Germny", "Turky", "grp", "GRP11", "zz0", "x", "Ζurich", "日", "c1-",
                ]
                .map(String::from),
            );
        for w in wanted {
            let expected = reference_suggestions(&g, &w);
            assert_eq!(folds.suggestions(&g, &w), expected, "{w:?}");
            assert_eq!(Resolver::new(&g).suggestions(&w), expected, "{w:?}");
            tried += 1;
            hits += usize::from(!expected.is_empty());
        }
        assert!(hits > tried / 2, "{hits} of {tried} names have suggestions");
    }
}
