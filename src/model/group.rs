//! Groups: named, possibly overlapping sets of actors (`EU`, `signatories`, `BRICS`).

use super::actor::ActorId;
use super::provenance::Cite;

/// A named set of actors.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The group's id, as used on the command line.
    pub id: String,
    /// Display name.
    pub name: Option<String>,
    /// Members, in file order, without duplicates.
    pub members: Vec<ActorId>,
    /// The member that leads the group.
    pub lead: Option<ActorId>,
    /// What the group is.
    pub note: Option<String>,
    /// Where its membership comes from.
    pub source: Option<String>,
    /// The citation of that source.
    pub cite: Cite,
    /// The year the membership describes.
    pub year: Option<i32>,
}

impl Group {
    /// A group with an id and members, nothing else.
    pub fn new(id: &str, members: Vec<ActorId>) -> Self {
        Group {
            id: id.to_owned(),
            name: None,
            members,
            lead: None,
            note: None,
            source: None,
            cite: Cite::none(),
            year: None,
        }
    }
}
