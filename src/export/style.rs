//! How the pictures and the colour attributes of every export show actors: which actor is the
//! target, which are the sources, and a palette of groups. A [`Style`] is a parameter of the
//! export ([`super::AnnotatedGraph::style`]), set from the question the caller resolved
//! ([`super::annotate::attach_suggestion`] does it), never hard-coded to one graph's ids.

use crate::model::{Actor, ActorId, InfluenceGraph};

/// Orange of highlighted leverage paths and top partners.
pub const HIGHLIGHT: &str = "#d35400";

/// A group shown in its own colour.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupColour {
    /// The group id (compared case-insensitively).
    pub group: String,
    /// The name of the colour role in legends and `role` attributes (`EU member`).
    pub label: String,
    /// The colour, `#rrggbb`.
    pub colour: String,
}

impl GroupColour {
    /// A group's colour.
    pub fn new(group: &str, label: &str, colour: &str) -> Self {
        GroupColour {
            group: group.to_owned(),
            label: label.to_owned(),
            colour: colour.to_owned(),
        }
    }
}

/// Colour roles of actors: the target first, then the sources, then the first group of
/// `groups` an actor belongs to, else `other`.
///
/// # Examples
/// ```
/// use leverage::export::style::Style;
/// use leverage::io::{load, GraphSource};
///
/// let graph = load(&GraphSource::Bundled)?;
/// let style = Style::for_question(&graph, "RUS".into(), &["AUT".into()], "signatories");
/// let rus = graph.actor_by_id("RUS").unwrap();
/// assert_eq!(style.role(&graph, rus), ("Russia", "#c0392b"));
/// assert_eq!(style.role(&graph, graph.actor_by_id("AUT").unwrap()).0, "signatory");
/// assert_eq!(style.role(&graph, graph.actor_by_id("DEU").unwrap()).0, "EU member");
/// # Ok::<(), leverage::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Style {
    /// The target: drawn in `target_colour`, its role named after it.
    pub target: Option<(ActorId, String)>,
    /// Colour of the target.
    pub target_colour: String,
    /// The sources and the name of their role (`signatory`).
    pub sources: (Vec<ActorId>, String),
    /// Colour of the sources.
    pub source_colour: String,
    /// Groups with a colour, first match wins.
    pub groups: Vec<GroupColour>,
    /// Role name and colour of every other actor.
    pub other: (String, String),
    /// Colour of highlighted paths and top partners.
    pub highlight: String,
}

impl Default for Style {
    /// No target or sources; the palette of the blocs the outreach letter names (EU, BRICS,
    /// Central Asia, Mercosur, G7), which a graph without those groups never uses.
    fn default() -> Self {
        Style {
            target: None,
            target_colour: "#c0392b".into(),
            sources: (Vec::new(), "source".into()),
            source_colour: "#1f4e9c".into(),
            groups: vec![
                GroupColour::new("EU", "EU member", "#6c8ebf"),
                GroupColour::new("BRICS", "BRICS", "#e67e22"),
                GroupColour::new("CentralAsia", "Central Asia", "#16a085"),
                GroupColour::new("Mercosur", "Mercosur", "#27ae60"),
                GroupColour::new("G7", "G7", "#7f8c8d"),
            ],
            other: ("other".into(), "#95a5a6".into()),
            highlight: HIGHLIGHT.into(),
        }
    }
}

impl Style {
    /// The default palette with `target` and `sources` of a question; the sources' role is
    /// named by `sources_name` in the singular (`signatories` -> `signatory`).
    pub fn for_question(
        graph: &InfluenceGraph,
        target: ActorId,
        sources: &[ActorId],
        sources_name: &str,
    ) -> Self {
        let name = graph
            .actor_by_id(target.as_str())
            .map_or_else(|| target.to_string(), |a| a.name.clone());
        Style {
            target: Some((target, name)),
            sources: (sources.to_vec(), singular(sources_name)),
            ..Style::default()
        }
    }

    /// The colour role of `a`: its name and colour.
    pub fn role<'s>(&'s self, graph: &InfluenceGraph, a: &Actor) -> (&'s str, &'s str) {
        if let Some((t, name)) = &self.target {
            if *t == a.id {
                return (name, &self.target_colour);
            }
        }
        if self.sources.0.contains(&a.id) {
            return (&self.sources.1, &self.source_colour);
        }
        let groups = graph.groups_of(&a.id);
        for g in &self.groups {
            if groups.iter().any(|x| x.eq_ignore_ascii_case(&g.group)) {
                return (&g.label, &g.colour);
            }
        }
        (&self.other.0, &self.other.1)
    }
}

/// `name` in the singular, for a role: `signatories` -> `signatory`, `sources` -> `source`;
/// a name that is not a plural stays (`EU`, `Germany`).
fn singular(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("ies") {
        format!("{stem}y")
    } else if name.len() > 3 && name.ends_with('s') && !name.ends_with("ss") {
        name[..name.len() - 1].to_owned()
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn singular_roles() {
        assert_eq!(singular("signatories"), "signatory");
        assert_eq!(singular("sources"), "source");
        assert_eq!(singular("EU"), "EU");
        assert_eq!(singular("Germany"), "Germany");
    }

    #[test]
    fn without_a_question_no_actor_is_the_target() {
        let mut g = InfluenceGraph::new(crate::model::Meta::default());
        g.add_actor(Actor::new("RUS", "Russia")).unwrap();
        let style = Style::default();
        let a = g.actor_by_id("RUS").unwrap();
        assert_eq!(style.role(&g, a).0, "other");
    }
}
