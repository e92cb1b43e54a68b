//! Name resolution: actor ids, actor names and group ids, case-insensitively, with "did you mean".

use petgraph::stable_graph::NodeIndex;

use super::graph::InfluenceGraph;
use crate::error::{Error, Result};

/// Resolves names given by a user to actors of one graph.
#[derive(Debug, Clone, Copy)]
pub struct Resolver<'g> {
    graph: &'g InfluenceGraph,
}

impl<'g> Resolver<'g> {
    /// A resolver over `graph`.
    pub fn new(graph: &'g InfluenceGraph) -> Self {
        Resolver { graph }
    }

    /// Resolves one actor by id or name, case-insensitively (`deu`, `Germany`).
    ///
    /// # Errors
    /// [`Error::UnknownName`] with the closest ids if nothing matches;
    /// [`Error::InvalidParameter`] (listing its members) if `name` is a group.
    pub fn actor(&self, name: &str, context: &str) -> Result<NodeIndex> {
        let wanted = name.trim();
        if let Some(n) = self.find_actor(wanted) {
            return Ok(n);
        }
        if let Some(g) = self.find_group(wanted) {
            let members = self
                .graph
                .group(g)
                .map_or(Vec::new(), |g| g.members.clone());
            let mut shown: Vec<String> = members.iter().take(5).map(|m| format!("`{m}`")).collect();
            if members.len() > 5 {
                shown.push(format!("... {} more", members.len() - 5));
            }
            return Err(Error::InvalidParameter {
                name: match context.trim_end_matches([':', ' ']) {
                    "" => "the name".to_owned(),
                    c => c.to_owned(),
                },
                value: name.to_owned(),
                expected: format!(
                    "`{g}` is a group and one actor is needed here: name one of its members ({})",
                    shown.join(", ")
                ),
            });
        }
        Err(Error::UnknownName {
            context: context.to_owned(),
            name: name.to_owned(),
            suggestions: self.suggestions(wanted),
        })
    }

    /// Resolves a group id or an actor to a set of actors: a group gives its members, an actor
    /// itself. Case-insensitive. The result keeps the group's order, without duplicates.
    ///
    /// # Errors
    /// [`Error::UnknownName`] with the closest ids if nothing matches.
    pub fn actors(&self, name: &str, context: &str) -> Result<Vec<NodeIndex>> {
        let wanted = name.trim();
        if let Some(gid) = self.find_group(wanted) {
            let group = self
                .graph
                .group(gid)
                .expect("find_group returns an existing id");
            return Ok(group
                .members
                .iter()
                .filter_map(|m| self.graph.node(m))
                .collect());
        }
        self.actor(wanted, context).map(|n| vec![n])
    }

    /// Resolves a comma-separated list of actors and groups (`CHN,TUR,brics`), without duplicates,
    /// in the order given.
    ///
    /// # Errors
    /// The first name that does not resolve.
    pub fn list(&self, names: &[String], context: &str) -> Result<Vec<NodeIndex>> {
        let mut out: Vec<NodeIndex> = Vec::new();
        for name in names.iter().flat_map(|s| s.split(',')).map(str::trim) {
            if name.is_empty() {
                continue;
            }
            for n in self.actors(name, context)? {
                if !out.contains(&n) {
                    out.push(n);
                }
            }
        }
        Ok(out)
    }

    fn find_actor(&self, wanted: &str) -> Option<NodeIndex> {
        let exact = self.graph.node_of(wanted);
        exact.or_else(|| {
            self.graph
                .actors()
                .find(|(_, a)| {
                    a.id.as_str().eq_ignore_ascii_case(wanted)
                        || a.name.to_lowercase() == wanted.to_lowercase()
                })
                .map(|(n, _)| n)
        })
    }

    fn find_group(&self, wanted: &str) -> Option<&'g str> {
        self.graph.group_ci(wanted).map(|g| g.id.as_str())
    }

    /// Up to three ids or group ids closest to `wanted` (Jaro-Winkler on lowercase ids and names).
    pub fn suggestions(&self, wanted: &str) -> Vec<String> {
        let w = wanted.to_lowercase();
        let mut scored: Vec<(f64, String)> = Vec::new();
        for (_, a) in self.graph.actors() {
            let s = strsim::jaro_winkler(&w, &a.id.as_str().to_lowercase())
                .max(strsim::jaro_winkler(&w, &a.name.to_lowercase()));
            scored.push((s, a.id.to_string()));
        }
        for g in self.graph.groups() {
            scored.push((strsim::jaro_winkler(&w, &g.id.to_lowercase()), g.id.clone()));
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        scored
            .into_iter()
            .filter(|(s, _)| *s >= 0.8)
            .take(3)
            .map(|(_, id)| id)
            .collect()
    }
}
