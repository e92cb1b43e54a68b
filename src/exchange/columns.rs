//! The columns of the flat exchange formats (GraphML keys, GEXF attributes, node-link and
//! Cytoscape fields, CSV columns): what a column holds ([`Role`], [`Part`]), its type
//! ([`Kind`]), and the rules that name it, so that the writers in `export` and the readers in
//! `io` agree on every name.
//!
//! Node columns: `name`, `groups` (comma-separated ids), `role` (the colour group of the
//! pictures), `lat`, `lon`, `receptiveness` with `receptiveness_low`, `_high`, `_source`,
//! `_year`, `_basis`, `_cite`, `stance`, `outreach`, `note`, every actor attribute, then the
//! analysis values of `--with`. Edge columns: `weight` (aggregate strength under the emphasis
//! used), `dist`, `highlighted`, then per channel `c`, `c_low`, `c_high`, `c_source`, `c_year`,
//! `c_basis`, `c_cite`, then `series` and `note`. A name that collides with a fixed one gets a
//! prefix: [`ATTRIBUTE_PREFIX`] for attributes, [`CHANNEL_PREFIX`] for channels
//! ([`attribute_column`], [`channel_column`]); [`channel_of_column`] undoes the channel rename.

use serde_json::Value;

use crate::model::Figure;

/// The type of a column's values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Text.
    String,
    /// A number, written in its JSON form (`3`, `0.25`).
    Double,
    /// An integer.
    Int,
    /// `true` or `false`.
    Boolean,
    /// Any JSON value (arrays, mixed types), written as JSON text where a format has no arrays.
    Json,
}

/// Which part of a [`Figure`] a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The value.
    Value,
    /// The low end of the range.
    Low,
    /// The high end of the range.
    High,
    /// The source.
    Source,
    /// The year.
    Year,
    /// The basis (absent when unknown).
    Basis,
    /// The citation ids, comma-separated (absent when none).
    Cite,
}

impl Part {
    /// Every part, in column order.
    pub const ALL: [Part; 7] = [
        Part::Value,
        Part::Low,
        Part::High,
        Part::Source,
        Part::Year,
        Part::Basis,
        Part::Cite,
    ];

    /// The suffix of the part's column after the figure's name (`_low`; empty for the value).
    pub fn suffix(self) -> &'static str {
        match self {
            Part::Value => "",
            Part::Low => "_low",
            Part::High => "_high",
            Part::Source => "_source",
            Part::Year => "_year",
            Part::Basis => "_basis",
            Part::Cite => "_cite",
        }
    }

    /// The type of the part's values.
    pub fn kind(self) -> Kind {
        match self {
            Part::Source | Part::Basis | Part::Cite => Kind::String,
            Part::Year => Kind::Int,
            _ => Kind::Double,
        }
    }

    /// The part's name in a [`Role`]'s encoding and a figure's field (`low`, `source`).
    pub fn name(self) -> &'static str {
        match self {
            Part::Value => "value",
            Part::Low => "low",
            Part::High => "high",
            Part::Source => "source",
            Part::Year => "year",
            Part::Basis => "basis",
            Part::Cite => "cite",
        }
    }

    /// The part named `s` ([`Part::name`]).
    pub fn parse(s: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.name() == s)
    }

    /// This part of `fig`, if present.
    pub fn of(self, fig: &Figure) -> Option<Value> {
        match self {
            Part::Value => Some(fig.value.into()),
            Part::Low => fig.range.map(|[lo, _]| lo.into()),
            Part::High => fig.range.map(|[_, hi]| hi.into()),
            Part::Source => Some(fig.source.as_ref().into()),
            Part::Year => Some(fig.year.into()),
            Part::Basis => (!fig.basis.is_unknown()).then(|| fig.basis.name().into()),
            Part::Cite => {
                (!fig.cite.is_empty()).then(|| fig.cite.ids().collect::<Vec<_>>().join(",").into())
            }
        }
    }
}

/// What a column means, so that an importer can rebuild the graph from the columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// The actor's display name.
    Name,
    /// The groups the actor belongs to (derived: groups are stored whole at graph level).
    Groups,
    /// The colour role of the pictures (derived).
    Colour,
    /// Capital latitude.
    Lat,
    /// Capital longitude.
    Lon,
    /// A part of the receptiveness figure.
    Receptiveness(Part),
    /// The actor's or tie's note.
    Note,
    /// A free actor attribute, by its name in the graph.
    Attribute(String),
    /// An analysis value from `--with` (derived).
    Annotation(String),
    /// The aggregate strength (derived).
    Weight,
    /// The distance (derived).
    Dist,
    /// Whether the tie is on a highlighted path (derived).
    Highlighted,
    /// A part of a channel's figure, by channel name.
    Channel(String, Part),
    /// The actor's stance by target (JSON, as in the native format).
    Stance,
    /// The actor's agreements and concerns (JSON, as in the native format).
    Outreach,
    /// The tie's yearly series (JSON: channel -> figures, oldest first).
    Series,
    /// CSV only: the tie's channels in its own order (comma-separated), where it differs from
    /// the order of the channel columns.
    ChannelOrder,
}

impl Role {
    /// The role as a short string, for the GraphML manifest (`attribute:capital`,
    /// `channel:trade:low`).
    pub fn encode(&self) -> String {
        match self {
            Role::Name => "name".into(),
            Role::Groups => "groups".into(),
            Role::Colour => "role".into(),
            Role::Lat => "lat".into(),
            Role::Lon => "lon".into(),
            Role::Receptiveness(p) => format!("receptiveness:{}", p.name()),
            Role::Note => "note".into(),
            Role::Attribute(a) => format!("attribute:{a}"),
            Role::Annotation(a) => format!("annotation:{a}"),
            Role::Weight => "weight".into(),
            Role::Dist => "dist".into(),
            Role::Highlighted => "highlighted".into(),
            Role::Channel(c, p) => format!("channel:{}:{c}", p.name()),
            Role::Stance => "stance".into(),
            Role::Outreach => "outreach".into(),
            Role::Series => "series".into(),
            Role::ChannelOrder => "channel_order".into(),
        }
    }

    /// Parses [`Role::encode`]'s output.
    pub fn decode(s: &str) -> Option<Role> {
        Some(match s {
            "name" => Role::Name,
            "groups" => Role::Groups,
            "role" => Role::Colour,
            "lat" => Role::Lat,
            "lon" => Role::Lon,
            "note" => Role::Note,
            "weight" => Role::Weight,
            "dist" => Role::Dist,
            "highlighted" => Role::Highlighted,
            "stance" => Role::Stance,
            "outreach" => Role::Outreach,
            "series" => Role::Series,
            "channel_order" => Role::ChannelOrder,
            _ => {
                if let Some(p) = s.strip_prefix("receptiveness:") {
                    Role::Receptiveness(Part::parse(p)?)
                } else if let Some(a) = s.strip_prefix("attribute:") {
                    Role::Attribute(a.to_owned())
                } else if let Some(a) = s.strip_prefix("annotation:") {
                    Role::Annotation(a.to_owned())
                } else if let Some(rest) = s.strip_prefix("channel:") {
                    let (p, c) = rest.split_once(':')?;
                    Role::Channel(c.to_owned(), Part::parse(p)?)
                } else {
                    return None;
                }
            }
        })
    }
}

/// One column: its name in the export, its type and its meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The attribute name in the export.
    pub name: String,
    /// The type of its values.
    pub kind: Kind,
    /// What it means.
    pub role: Role,
}

/// Node column names an attribute cannot take: the fixed columns, and those the CSV reader
/// gives a meaning (`latitude`, `lng`...).
const NODE_FIXED: &[&str] = &[
    "name",
    "groups",
    "role",
    "lat",
    "lon",
    "receptiveness",
    "stance",
    "outreach",
    "note",
    "id",
    "label",
    "colour",
    "size",
    "latitude",
    "lng",
    "longitude",
];
/// Edge column names a channel cannot take: the fixed columns, and those the CSV reader gives a
/// meaning (`from`, `type`, `year`, `citation`...), so that a CSV export reads back.
const EDGE_FIXED: &[&str] = &[
    "weight",
    "dist",
    "highlighted",
    "series",
    "channel_order",
    "note",
    "id",
    "label",
    "source",
    "target",
    "colour",
    "from",
    "to",
    "type",
    "low",
    "high",
    "year",
    "citation",
    "kind",
    "interval",
    "timeset",
    "channel",
];
/// The prefix of a channel column renamed for a collision (`ch_weight`).
pub const CHANNEL_PREFIX: &str = "ch_";
/// The prefix of an attribute column renamed for a collision (`attr_name`).
pub const ATTRIBUTE_PREFIX: &str = "attr_";

/// Whether `name` is a fixed column, would look like a figure part of one, or is `prefix` before
/// such a name (so that `ch_weight`, the renamed `weight`, cannot also be a channel's own name).
fn collides_fixed(name: &str, fixed: &[&str], prefix: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    fixed.iter().any(|f| {
        lower == *f
            || Part::ALL
                .iter()
                .any(|p| !p.suffix().is_empty() && lower == format!("{f}{}", p.suffix()))
    }) || lower
        .strip_prefix(prefix)
        .is_some_and(|rest| collides_fixed(rest, fixed, prefix))
}

/// The column name for `name`: `prefix` before it if it collides with a fixed column (once: the
/// prefixed name is the one that may stand there, so [`channel_of_column`] can undo it), then
/// more `prefix`es while an earlier column has it.
fn column_name(name: &str, fixed: &[&str], prefix: &str, taken: &[String]) -> String {
    let mut out = if collides_fixed(name, fixed, prefix) {
        format!("{prefix}{name}")
    } else {
        name.to_owned()
    };
    while taken.iter().any(|t| t.eq_ignore_ascii_case(&out)) {
        out = format!("{prefix}{out}");
    }
    out
}

/// The channel an edge column named `column` holds: `column` itself, or, for `ch_NAME` where
/// `NAME` collides with a fixed column, `NAME` (the rename [`channel_column`] made). The inverse of
/// the naming of channel columns, for the CSV reader.
pub fn channel_of_column(column: &str) -> &str {
    match column.strip_prefix(CHANNEL_PREFIX) {
        Some(rest) if collides_fixed(rest, EDGE_FIXED, CHANNEL_PREFIX) => rest,
        _ => column,
    }
}

/// The columns of a CSV ties table that the reader gives a meaning of their own (lowercase),
/// besides the weight column: any other column is a channel or a channel's companion. Every one
/// is a fixed edge column, so that no channel column of an export is taken for one (`channel`
/// makes a table long, one row per channel figure: a channel named so is written `ch_channel`).
pub const CSV_TIE_COLUMNS: &[&str] = &[
    "from",
    "to",
    "source",
    "target",
    "type",
    "low",
    "high",
    "year",
    "citation",
    "note",
    "id",
    "label",
    "kind",
    "dist",
    "highlighted",
    "interval",
    "timeset",
    "series",
    "channel_order",
    "channel",
];

/// The suffixes of a channel's companion columns in a CSV ties table (`trade_low`): the parts of
/// a figure ([`Part::suffix`]) and `_citation`, the source's other name.
pub const CSV_COMPANION_SUFFIXES: &[&str] = &[
    "_low",
    "_high",
    "_year",
    "_source",
    "_citation",
    "_basis",
    "_cite",
];

/// The node column of the actor attribute `name`, given the names already `taken` (the
/// `--with` values, earlier attributes; compared in any case).
pub fn attribute_column(name: &str, taken: &[String]) -> String {
    column_name(name, NODE_FIXED, ATTRIBUTE_PREFIX, taken)
}

/// The edge column of the channel `name` (its value; the other parts add [`Part::suffix`]),
/// given the channel columns already `taken`.
pub fn channel_column(name: &str, taken: &[String]) -> String {
    column_name(name, EDGE_FIXED, CHANNEL_PREFIX, taken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        for r in [
            Role::Name,
            Role::Receptiveness(Part::High),
            Role::Attribute("a:b".into()),
            Role::Channel("trade".into(), Part::Source),
            Role::Annotation("score".into()),
            Role::Series,
            Role::ChannelOrder,
        ] {
            assert_eq!(Role::decode(&r.encode()), Some(r));
        }
        assert_eq!(Role::decode("nonsense"), None);
    }

    #[test]
    fn the_readers_columns_are_fixed_for_the_writer() {
        for c in CSV_TIE_COLUMNS {
            assert!(EDGE_FIXED.contains(c), "{c}");
            assert_eq!(channel_column(c, &[]), format!("ch_{c}"));
        }
        for p in Part::ALL {
            assert!(
                p.suffix().is_empty() || CSV_COMPANION_SUFFIXES.contains(&p.suffix()),
                "{p:?}"
            );
        }
    }

    #[test]
    fn renamed_columns_are_undone() {
        for name in [
            "weight",
            "note",
            "ch_weight",
            "trade",
            "ch_trade",
            "year_low",
        ] {
            let column = channel_column(name, &[]);
            assert_eq!(channel_of_column(&column), name, "{column}");
        }
        assert_eq!(channel_column("trade", &["Trade".to_owned()]), "ch_trade");
        assert_eq!(attribute_column("name", &[]), "attr_name");
        assert_eq!(attribute_column("note_low", &[]), "attr_note_low");
        assert_eq!(attribute_column("capital", &[]), "capital");
    }
}
