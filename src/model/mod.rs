//! The influence model: actors, groups, ties with per-channel figures, and the graph holding them.

pub mod actor;
pub mod channels;
pub mod graph;
pub mod group;
pub mod resolve;
pub mod shared;
pub mod strength;
pub mod tie;

pub use actor::{Actor, ActorId, Coordinates};
pub use graph::{InfluenceGraph, Meta};
pub use group::Group;
pub use resolve::Resolver;
pub use strength::{ChannelEmphasis, Distance};
pub use tie::{Channel, Channels, Figure, Tie};
