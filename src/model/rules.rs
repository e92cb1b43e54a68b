//! The rules every graph obeys (`docs/FORMAT.md`, "Rules"), as checks on model values: the
//! loaders ([`crate::io::validate`]) word them with a place in a file, and
//! [`InfluenceGraph`](super::InfluenceGraph)'s builders refuse a value that breaks them with a
//! [`ModelError`], so that a graph built in code obeys the same rules as a graph read from a file.

use std::ops::RangeInclusive;

use super::actor::{Actor, ActorId};
use super::provenance::Cite;
use super::stance::Fact;
use super::tie::{Channel, Figure, Tie};

/// The years a figure, fact or group may describe.
pub const YEARS: RangeInclusive<i32> = 1900..=2100;

/// What is wrong with one [`Figure`].
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum FigureFault {
    /// The value is not a number in [0, 1] (NaN and infinity included).
    #[error("value is `{0}`, but figures are shares in [0, 1]")]
    Value(f64),
    /// An end of the range is not a number in [0, 1].
    #[error("range is `[{}, {}]`, but its ends must be in [0, 1]", .0[0], .0[1])]
    RangeEnds([f64; 2]),
    /// The range's low end is above its high end.
    #[error("range is `[{}, {}]`: low is above high", .0[0], .0[1])]
    RangeReversed([f64; 2]),
    /// The value lies outside the figure's own range.
    #[error("value is `{value}`, outside its own range `[{}, {}]`", .range[0], .range[1])]
    OutsideRange {
        /// The value.
        value: f64,
        /// The range.
        range: [f64; 2],
    },
    /// The source is empty or blank.
    #[error("the source is empty")]
    EmptySource,
    /// The year is outside [`YEARS`].
    #[error("year is `{0}`, outside 1900-2100")]
    Year(i32),
}

/// Every rule `fig` breaks, in the order value, range, source, year (at most one range fault).
///
/// # Complexity
/// O(length of the source), allocating nothing.
pub fn figure_faults(fig: &Figure) -> impl Iterator<Item = FigureFault> {
    let v = fig.value;
    let value = (!in_unit(v)).then_some(FigureFault::Value(v));
    let range = fig.range.and_then(|[lo, hi]| {
        if !in_unit(lo) || !in_unit(hi) {
            Some(FigureFault::RangeEnds([lo, hi]))
        } else if lo > hi {
            Some(FigureFault::RangeReversed([lo, hi]))
        } else if v.is_finite() && !(lo..=hi).contains(&v) {
            Some(FigureFault::OutsideRange {
                value: v,
                range: [lo, hi],
            })
        } else {
            None
        }
    });
    // Blank (as `trim().is_empty()`), but stops at the first letter instead of trimming both
    // ends: a large graph checks a source for every figure.
    let source = fig
        .source
        .chars()
        .all(char::is_whitespace)
        .then_some(FigureFault::EmptySource);
    let year = (!YEARS.contains(&fig.year)).then_some(FigureFault::Year(fig.year));
    value.into_iter().chain(range).chain(source).chain(year)
}

/// Whether `fig` breaks no rule: [`figure_faults`] would yield nothing. Checked without building
/// the faults, for a loader that checks every figure of a large graph.
///
/// The rules are written out again here on purpose: `figure_faults(fig).next().is_none()`,
/// even inlined, costs the 200,000-tie CSV load 11 M more instructions (559 M against 548 M).
/// The test `is_sound_is_no_fault` holds the two to the same answer on every edge case.
///
/// # Complexity
/// O(1) for a source that does not start with white space; O(length of the source) at most.
///
/// ```
/// use leverage::model::{rules::is_sound, Figure};
/// assert!(is_sound(&Figure::new(0.3, "IMF DOTS", 2023).with_range(0.2, 0.4)));
/// assert!(!is_sound(&Figure::new(0.3, "IMF DOTS", 2023).with_range(0.4, 0.5)));
/// assert!(!is_sound(&Figure::new(0.3, " ", 2023)));
/// ```
#[inline]
pub fn is_sound(fig: &Figure) -> bool {
    let v = fig.value;
    in_unit(v)
        && fig
            .range
            .is_none_or(|[lo, hi]| in_unit(lo) && in_unit(hi) && lo <= v && v <= hi)
        && YEARS.contains(&fig.year)
        && !fig.source.chars().all(char::is_whitespace)
}

/// The first rule `fig` breaks, if any.
///
/// # Errors
/// The first [`FigureFault`] of [`figure_faults`].
pub fn check_figure(fig: &Figure) -> Result<(), FigureFault> {
    figure_faults(fig).next().map_or(Ok(()), Err)
}

#[inline]
fn in_unit(x: f64) -> bool {
    x.is_finite() && (0.0..=1.0).contains(&x)
}

/// Whether `id` has three ASCII letters but is not an upper-case ISO code (`aut`, `Aut`): such an
/// id is refused, so that a country code always means one actor.
pub fn is_lowercase_iso(id: &str) -> bool {
    id.len() == 3 && id.bytes().all(|b| b.is_ascii_alphabetic()) && !ActorId::looks_like_iso3(id)
}

/// Whether an attribute value is flat: a string, number, boolean, null, or an array of those.
pub fn is_flat_attribute(v: &serde_json::Value) -> bool {
    use serde_json::Value;
    match v {
        Value::Object(_) => false,
        Value::Array(items) => items
            .iter()
            .all(|x| !matches!(x, Value::Array(_) | Value::Object(_))),
        _ => true,
    }
}

/// A value that breaks a rule of the model, refused by a builder of
/// [`InfluenceGraph`](super::InfluenceGraph). Each variant names the actor, tie or group and
/// the field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// An actor id that is not 1-64 ASCII letters, digits, `-`, `_` or `.`.
    #[error("actor id `{id}` is not well-formed: ids are ISO 3166-1 alpha-3 codes (`AUT`) or 1-64 letters, digits, `-`, `_`, `.`")]
    MalformedId {
        /// The id.
        id: String,
    },
    /// Three letters, not all upper case (`aut`).
    #[error("actor id `{id}` looks like a country code but is not upper case")]
    LowercaseIso {
        /// The id.
        id: String,
    },
    /// The id is taken by another actor.
    #[error("actor id `{id}` is taken by another actor")]
    DuplicateId {
        /// The id.
        id: String,
    },
    /// The actor id is a group's id (in any case).
    #[error("actor id `{id}` is also group `{group}`: names are read in any case")]
    IdIsGroup {
        /// The id.
        id: String,
        /// The group.
        group: String,
    },
    /// A coordinate out of range, or only one of the two given.
    #[error("`{field}` of actor `{id}` is `{value}`, outside {range}")]
    Coordinate {
        /// The actor.
        id: String,
        /// `lat` or `lon`.
        field: &'static str,
        /// The value.
        value: f64,
        /// The allowed range, in words.
        range: &'static str,
    },
    /// A figure of an actor (its receptiveness, a stance signal) breaks a rule.
    #[error("`{field}` of actor `{id}`: {fault}")]
    ActorFigure {
        /// The actor.
        id: String,
        /// The field: `receptiveness`, `stance.RUS.sanctions`.
        field: String,
        /// What is wrong.
        fault: FigureFault,
    },
    /// A stance towards an actor that is not in the graph.
    #[error("`stance.{target}` of actor `{id}`: `{target}` is not an actor of the graph")]
    UnknownStanceTarget {
        /// The actor.
        id: String,
        /// The target.
        target: String,
    },
    /// A stance towards the actor itself.
    #[error("actor `{id}` has a stance towards itself")]
    StanceTowardsItself {
        /// The actor.
        id: String,
    },
    /// An agreement or concern with an empty text or source, or a year out of range.
    #[error("`{field}` of actor `{id}` is {problem}")]
    Fact {
        /// The actor.
        id: String,
        /// The field: `outreach.concerns[0].source`.
        field: String,
        /// What is wrong, in words (`empty`, "`99999`, outside 1900-2100").
        problem: String,
    },
    /// An attribute that is an object or a nested array.
    #[error("attribute `{key}` of actor `{id}` is an object or a nested array")]
    NestedAttribute {
        /// The actor.
        id: String,
        /// The attribute.
        key: String,
    },
    /// A citation id that the graph's `citations` do not hold.
    #[error("`{field}` cites `{cite}`, which is not in the graph's citations")]
    UnknownCitation {
        /// Where: `actor AUT receptiveness`, `tie AUT -> RUS channels.trade`.
        field: String,
        /// The citation id.
        cite: String,
    },
    /// An edit changed an actor's id.
    #[error("an edit changed actor id `{from}` to `{to}`: an actor's id is fixed once added")]
    IdChanged {
        /// The id before the edit.
        from: String,
        /// The id the edit wrote.
        to: String,
    },
    /// A node index that is not an actor of this graph.
    #[error("`{end}` is not an actor of this graph")]
    UnknownNode {
        /// Which end or argument (`from`, `to`, `node`).
        end: &'static str,
    },
    /// A tie from an actor to itself.
    #[error("tie from `{id}` to itself: an actor's leverage over itself is not modelled")]
    SelfTie {
        /// The actor.
        id: String,
    },
    /// A tie without channels.
    #[error("tie `{from}` -> `{to}` has no channels")]
    NoChannels {
        /// Holder of leverage.
        from: String,
        /// Dependent actor.
        to: String,
    },
    /// A channel name that is not a lowercase identifier.
    #[error("channel name `{channel}` of tie `{from}` -> `{to}` is not a lowercase identifier")]
    MalformedChannel {
        /// Holder of leverage.
        from: String,
        /// Dependent actor.
        to: String,
        /// The channel.
        channel: String,
    },
    /// A channel figure (or a figure of its yearly series) breaks a rule.
    #[error("`channels.{channel}` of tie `{from}` -> `{to}`: {fault}")]
    TieFigure {
        /// Holder of leverage.
        from: String,
        /// Dependent actor.
        to: String,
        /// The channel.
        channel: String,
        /// What is wrong.
        fault: FigureFault,
    },
    /// A group id that is not well-formed.
    #[error("group id `{id}` is not well-formed: use letters, digits, `-`, `_` or `.`")]
    MalformedGroupId {
        /// The id.
        id: String,
    },
    /// A group id that is an actor's id (in any case).
    #[error("group id `{id}` is also actor `{actor}`: names are read in any case")]
    GroupIsActor {
        /// The group id.
        id: String,
        /// The actor.
        actor: String,
    },
    /// A group id that differs from another group's only in case.
    #[error("group id `{id}` is also group `{existing}`: names are read in any case")]
    GroupCase {
        /// The new id.
        id: String,
        /// The group already there.
        existing: String,
    },
    /// A group without members.
    #[error("group `{id}` has no members")]
    EmptyGroup {
        /// The group.
        id: String,
    },
    /// A member that is not an actor of the graph.
    #[error("member `{member}` of group `{group}` is not an actor of the graph")]
    UnknownMember {
        /// The group.
        group: String,
        /// The member.
        member: String,
    },
    /// A member listed twice.
    #[error("`{member}` is listed twice in group `{group}`")]
    RepeatedMember {
        /// The group.
        group: String,
        /// The member.
        member: String,
    },
    /// A lead that is not a member.
    #[error("lead `{lead}` is not a member of group `{group}`")]
    LeadNotMember {
        /// The group.
        group: String,
        /// The lead.
        lead: String,
    },
    /// A group's year out of range.
    #[error("`year` of group `{group}` is `{year}`, outside 1900-2100")]
    GroupYear {
        /// The group.
        group: String,
        /// The year.
        year: i32,
    },
}

/// The checks of an actor's own fields that need nothing but the actor: id, coordinates,
/// figures, stance targets other than itself, outreach facts and attributes. Whether the id is
/// free, the stance targets exist and the citations are known is the graph's to check.
///
/// # Errors
/// The first rule broken.
///
/// # Complexity
/// O(size of the actor).
pub fn check_actor(a: &Actor) -> Result<(), ModelError> {
    let id = a.id.as_str();
    if !ActorId::is_well_formed(id) {
        return Err(ModelError::MalformedId { id: id.to_owned() });
    }
    if is_lowercase_iso(id) {
        return Err(ModelError::LowercaseIso { id: id.to_owned() });
    }
    if let Some(c) = a.coordinates {
        for (field, value, max) in [("lat", c.lat, 90.0), ("lon", c.lon, 180.0)] {
            if !(value.is_finite() && (-max..=max).contains(&value)) {
                return Err(ModelError::Coordinate {
                    id: id.to_owned(),
                    field,
                    value,
                    range: if field == "lat" {
                        "[-90, 90]"
                    } else {
                        "[-180, 180]"
                    },
                });
            }
        }
    }
    let figure = |field: &dyn Fn() -> String, fig: &Figure| {
        check_figure(fig).map_err(|fault| ModelError::ActorFigure {
            id: id.to_owned(),
            field: field(),
            fault,
        })
    };
    if let Some(r) = &a.receptiveness {
        figure(&|| "receptiveness".to_owned(), r)?;
    }
    for (target, stance) in &a.stance {
        if target == &a.id {
            return Err(ModelError::StanceTowardsItself { id: id.to_owned() });
        }
        for (signal, fig) in stance.signals() {
            figure(&|| format!("stance.{target}.{signal}"), fig)?;
        }
    }
    if let Some(o) = &a.outreach {
        for (list, facts) in [("agreements", &o.agreements), ("concerns", &o.concerns)] {
            for (j, f) in facts.iter().enumerate() {
                check_fact(f).map_err(|(field, problem)| ModelError::Fact {
                    id: id.to_owned(),
                    field: format!("outreach.{list}[{j}].{field}"),
                    problem,
                })?;
            }
        }
    }
    if let Some((key, _)) = a.attributes.iter().find(|(_, v)| !is_flat_attribute(v)) {
        return Err(ModelError::NestedAttribute {
            id: id.to_owned(),
            key: key.clone(),
        });
    }
    Ok(())
}

fn check_fact(f: &Fact) -> Result<(), (&'static str, String)> {
    if f.text.trim().is_empty() {
        return Err(("text", "empty".to_owned()));
    }
    if f.source.trim().is_empty() {
        return Err(("source", "empty".to_owned()));
    }
    if !YEARS.contains(&f.year) {
        return Err(("year", format!("`{}`, outside 1900-2100", f.year)));
    }
    Ok(())
}

/// Every citation id an actor's figures and facts hold, with the field that holds it.
pub(crate) fn actor_cites(a: &Actor) -> impl Iterator<Item = (String, &Cite)> + '_ {
    let receptiveness = a
        .receptiveness
        .iter()
        .map(|f| ("receptiveness".to_owned(), &f.cite));
    let stance = a.stance.iter().flat_map(|(t, s)| {
        s.signals()
            .map(move |(sig, f)| (format!("stance.{t}.{sig}"), &f.cite))
    });
    let facts = a.outreach.iter().flat_map(|o| {
        o.agreements
            .iter()
            .map(|f| ("outreach.agreements".to_owned(), &f.cite))
            .chain(
                o.concerns
                    .iter()
                    .map(|f| ("outreach.concerns".to_owned(), &f.cite)),
            )
    });
    receptiveness.chain(stance).chain(facts)
}

/// The checks of a tie's own fields, between actors `from` and `to`: at least one channel, channel
/// names, and every figure, the yearly series' included.
///
/// # Errors
/// The first rule broken.
///
/// # Complexity
/// O(channels + series figures).
pub fn check_tie(from: &ActorId, to: &ActorId, tie: &Tie) -> Result<(), ModelError> {
    let names = || (from.to_string(), to.to_string());
    if from == to {
        return Err(ModelError::SelfTie {
            id: from.to_string(),
        });
    }
    if tie.channels.is_empty() {
        let (from, to) = names();
        return Err(ModelError::NoChannels { from, to });
    }
    let series = tie.series.iter().flat_map(|s| s.iter());
    let all = tie
        .channels
        .iter()
        .map(|(c, f)| (c, std::slice::from_ref(f)))
        .chain(series.map(|(c, figs)| (c, figs.as_slice())));
    for (c, figs) in all {
        check_channel_name(c).map_err(|()| {
            let (from, to) = names();
            ModelError::MalformedChannel {
                from,
                to,
                channel: c.to_string(),
            }
        })?;
        for f in figs {
            check_figure(f).map_err(|fault| {
                let (from, to) = names();
                ModelError::TieFigure {
                    from,
                    to,
                    channel: c.to_string(),
                    fault,
                }
            })?;
        }
    }
    Ok(())
}

fn check_channel_name(c: &Channel) -> Result<(), ()> {
    if Channel::is_well_formed(c.as_str()) {
        Ok(())
    } else {
        Err(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(v: f64) -> Figure {
        Figure::new(v, "test", 2024)
    }

    /// `is_sound` against `figure_faults` on every combination of edge values.
    #[test]
    fn is_sound_is_no_fault() {
        let xs = [-0.1, 0.0, 0.2, 0.5, 1.0, 1.5, f64::NAN, f64::INFINITY, -0.0];
        let mut ranges: Vec<Option<[f64; 2]>> = vec![None];
        ranges.extend(
            xs.iter()
                .flat_map(|&lo| xs.iter().map(move |&hi| Some([lo, hi]))),
        );
        let mut checked = 0;
        for &value in &xs {
            for &range in &ranges {
                for source in ["IMF", "", " ", "\u{2003}", " x "] {
                    for year in [1899, 1900, 2024, 2100, 2101] {
                        let f = Figure {
                            range,
                            ..Figure::new(value, source, year)
                        };
                        assert_eq!(is_sound(&f), figure_faults(&f).next().is_none(), "{f:?}");
                        checked += 1;
                    }
                }
            }
        }
        assert_eq!(checked, 9 * 82 * 5 * 5);
    }

    #[test]
    fn figure_faults_by_rule() {
        assert_eq!(check_figure(&fig(0.3)), Ok(()));
        assert_eq!(check_figure(&fig(1.7)), Err(FigureFault::Value(1.7)));
        assert!(matches!(
            check_figure(&fig(f64::NAN)),
            Err(FigureFault::Value(v)) if v.is_nan()
        ));
        assert_eq!(
            check_figure(&fig(0.5).with_range(0.6, 0.4)),
            Err(FigureFault::RangeReversed([0.6, 0.4]))
        );
        assert_eq!(
            check_figure(&fig(0.5).with_range(0.1, f64::INFINITY)),
            Err(FigureFault::RangeEnds([0.1, f64::INFINITY]))
        );
        assert_eq!(
            check_figure(&fig(0.5).with_range(0.1, 0.2)),
            Err(FigureFault::OutsideRange {
                value: 0.5,
                range: [0.1, 0.2]
            })
        );
        assert_eq!(
            check_figure(&Figure::new(0.5, "  ", 2024)),
            Err(FigureFault::EmptySource)
        );
        assert_eq!(
            check_figure(&Figure::new(0.5, "s", 99_999)),
            Err(FigureFault::Year(99_999))
        );
        // Every fault is listed: value, source and year at once.
        assert_eq!(figure_faults(&Figure::new(2.0, "", -1)).count(), 3);
    }

    #[test]
    fn lowercase_iso_codes() {
        assert!(is_lowercase_iso("aut"));
        assert!(is_lowercase_iso("Aut"));
        assert!(!is_lowercase_iso("AUT"));
        assert!(!is_lowercase_iso("EU"));
        assert!(!is_lowercase_iso("a1c"));
    }
}
