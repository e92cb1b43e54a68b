//! The influence model: actors, groups, ties with per-channel figures, and the graph holding them.

pub mod actor;
pub mod channels;
pub mod graph;
pub mod group;
pub mod provenance;
pub mod resolve;
pub mod rules;
pub mod select;
pub mod shared;
pub mod stance;
pub mod strength;
pub mod tie;

pub use actor::{Actor, ActorId, Coordinates};
pub use graph::{ChannelDecl, FamilyTable, InfluenceGraph, Meta};
pub use group::Group;
pub use provenance::{Basis, BasisSet, Citation, Cite};
pub use resolve::Resolver;
pub use rules::{FigureFault, ModelError};
pub use select::{BasisSelection, YearSelection};
pub use stance::{AgreementStatus, Fact, MovabilityRule, Outreach, Signal, Stance, StanceClass};
pub use strength::{ChannelEmphasis, Combine, Distance, StrengthRule};
pub use tie::{Channel, Channels, Figure, Series, Tie};
