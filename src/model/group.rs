//! Groups: named, possibly overlapping sets of actors (`EU`, `signatories`, `BRICS`).

use super::actor::ActorId;

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
    /// What the group is, where its membership comes from.
    pub note: Option<String>,
}
