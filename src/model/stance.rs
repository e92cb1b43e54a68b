//! Stance: where an actor stands towards a target, as sourced signals ([`Stance`]), the class
//! derived from them ([`StanceClass`]), how far the actor can be moved ([`MovabilityRule`]), and
//! the partner's side of an outreach ([`Outreach`]).

use std::fmt;

use serde::{Deserialize, Serialize};

use super::provenance::{Basis, Cite};
use super::tie::Figure;

/// One stance signal (docs/FORMAT.md, "stance"). Each is a figure in [0, 1].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Signal {
    /// Applies sanctions or export controls against the target (1: on its own "unfriendly"
    /// list).
    Sanctions,
    /// Alignment with the EU27 majority on the UN General Assembly's resolutions on the target's
    /// war (abstention or absence 1/2).
    UnAlignment,
    /// Share of those votes cast against the EU27 majority.
    UnOpposition,
    /// Supplies arms, munitions, troops or territory to the target's war.
    WarSupport,
    /// Bound to the target by a mutual-defence or union treaty.
    Alliance,
    /// Its leader attended the target's 9 May 2025 parade (1/2: a delegation).
    Parade,
    /// Named by a government as a transshipment hub for controlled goods bound for the target.
    Circumvention,
}

impl Signal {
    /// Every signal, in file order.
    pub const ALL: [Signal; 7] = [
        Signal::Sanctions,
        Signal::UnAlignment,
        Signal::UnOpposition,
        Signal::WarSupport,
        Signal::Alliance,
        Signal::Parade,
        Signal::Circumvention,
    ];

    /// The name in files.
    pub fn name(self) -> &'static str {
        match self {
            Signal::Sanctions => "sanctions",
            Signal::UnAlignment => "un_alignment",
            Signal::UnOpposition => "un_opposition",
            Signal::WarSupport => "war_support",
            Signal::Alliance => "alliance",
            Signal::Parade => "parade",
            Signal::Circumvention => "circumvention",
        }
    }

    /// The signal named `s`, if any.
    pub fn from_name(s: &str) -> Option<Signal> {
        Signal::ALL.into_iter().find(|x| x.name() == s)
    }
}

impl fmt::Display for Signal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// An actor's stance towards one target: sourced signals, each optional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stance {
    /// See [`Signal::Sanctions`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sanctions: Option<Figure>,
    /// See [`Signal::UnAlignment`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub un_alignment: Option<Figure>,
    /// See [`Signal::UnOpposition`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub un_opposition: Option<Figure>,
    /// See [`Signal::WarSupport`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub war_support: Option<Figure>,
    /// See [`Signal::Alliance`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alliance: Option<Figure>,
    /// See [`Signal::Parade`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parade: Option<Figure>,
    /// See [`Signal::Circumvention`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub circumvention: Option<Figure>,
}

impl Stance {
    /// The figure of `signal`, if given.
    pub fn get(&self, signal: Signal) -> Option<&Figure> {
        self.slot(signal).as_ref()
    }

    /// The value of `signal`, if given.
    pub fn value(&self, signal: Signal) -> Option<f64> {
        self.get(signal).map(|f| f.value)
    }

    /// The figure of `signal`, mutably.
    pub fn slot_mut(&mut self, signal: Signal) -> &mut Option<Figure> {
        match signal {
            Signal::Sanctions => &mut self.sanctions,
            Signal::UnAlignment => &mut self.un_alignment,
            Signal::UnOpposition => &mut self.un_opposition,
            Signal::WarSupport => &mut self.war_support,
            Signal::Alliance => &mut self.alliance,
            Signal::Parade => &mut self.parade,
            Signal::Circumvention => &mut self.circumvention,
        }
    }

    fn slot(&self, signal: Signal) -> &Option<Figure> {
        match signal {
            Signal::Sanctions => &self.sanctions,
            Signal::UnAlignment => &self.un_alignment,
            Signal::UnOpposition => &self.un_opposition,
            Signal::WarSupport => &self.war_support,
            Signal::Alliance => &self.alliance,
            Signal::Parade => &self.parade,
            Signal::Circumvention => &self.circumvention,
        }
    }

    /// The signals given, in [`Signal::ALL`] order.
    pub fn signals(&self) -> impl Iterator<Item = (Signal, &Figure)> + '_ {
        Signal::ALL
            .into_iter()
            .filter_map(move |s| self.get(s).map(|f| (s, f)))
    }

    /// The signals given, mutably.
    pub fn signals_mut(&mut self) -> impl Iterator<Item = (Signal, &mut Figure)> + '_ {
        [
            (Signal::Sanctions, &mut self.sanctions),
            (Signal::UnAlignment, &mut self.un_alignment),
            (Signal::UnOpposition, &mut self.un_opposition),
            (Signal::WarSupport, &mut self.war_support),
            (Signal::Alliance, &mut self.alliance),
            (Signal::Parade, &mut self.parade),
            (Signal::Circumvention, &mut self.circumvention),
        ]
        .into_iter()
        .filter_map(|(s, f)| f.as_mut().map(|f| (s, f)))
    }

    /// Whether no signal is given.
    pub fn is_empty(&self) -> bool {
        self.signals().next().is_none()
    }

    /// Keeps only the signals whose figure passes `keep`.
    pub fn retain(&mut self, mut keep: impl FnMut(&Figure) -> bool) {
        for s in Signal::ALL {
            let slot = self.slot_mut(s);
            if slot.as_ref().is_some_and(|f| !keep(f)) {
                *slot = None;
            }
        }
    }

    /// The class these signals put the actor in (docs/MODEL.md, "Stance").
    pub fn class(&self) -> StanceClass {
        if self.is_empty() {
            return StanceClass::Unknown;
        }
        let at_least_half = |s| self.value(s).is_some_and(|v| v >= 0.5);
        if at_least_half(Signal::Sanctions) {
            StanceClass::Presses
        } else if at_least_half(Signal::WarSupport) {
            StanceClass::Supports
        } else {
            StanceClass::Between
        }
    }

    /// The share of its pressure on the target that an actor already applies through a channel:
    /// its sanctions for every channel, and for diplomacy also its UN alignment (a state that
    /// votes with the EU already presses diplomatically). 0 for a signal not given.
    pub fn applied(&self, diplomatic: bool) -> f64 {
        let sanctions = self.value(Signal::Sanctions).unwrap_or(0.0);
        if diplomatic {
            sanctions.max(self.value(Signal::UnAlignment).unwrap_or(0.0))
        } else {
            sanctions
        }
    }
}

/// Where an actor stands towards a target, derived from its [`Stance`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StanceClass {
    /// It already presses the target: sanctions at least 1/2.
    Presses,
    /// It supports the target's war: war support at least 1/2, and no sanctions. (An alliance
    /// alone lowers movability but does not make a state a supporter of the war.)
    Supports,
    /// Neither: the states an outreach is for.
    Between,
    /// No signal is known.
    Unknown,
}

impl StanceClass {
    /// The name in output.
    pub fn name(self) -> &'static str {
        match self {
            StanceClass::Presses => "presses",
            StanceClass::Supports => "supports",
            StanceClass::Between => "between",
            StanceClass::Unknown => "unknown",
        }
    }
}

impl fmt::Display for StanceClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How far the sources can move an actor, from its commitment to the target: each signal of
/// commitment `s` with weight `k_s` leaves a share `1 - k_s · s` of the actor movable, and
/// `movability = prod_s (1 - k_s · s)`, in [0, 1]. The weights are the model's judgement
/// (docs/MODEL.md, "Movability"); the structural robustness check sets them all to 0.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[non_exhaustive]
pub struct MovabilityRule {
    /// Weight of [`Signal::UnOpposition`] (a vote against the EU's majority is a stated
    /// commitment).
    pub un_opposition: f64,
    /// Weight of [`Signal::WarSupport`].
    pub war_support: f64,
    /// Weight of [`Signal::Alliance`].
    pub alliance: f64,
    /// Weight of [`Signal::Parade`].
    pub parade: f64,
}

impl Default for MovabilityRule {
    fn default() -> Self {
        MovabilityRule {
            un_opposition: 1.0,
            war_support: 0.9,
            alliance: 0.3,
            parade: 0.2,
        }
    }
}

impl MovabilityRule {
    /// Every weight 0: every actor fully movable (for comparing runs).
    pub const OFF: MovabilityRule = MovabilityRule {
        un_opposition: 0.0,
        war_support: 0.0,
        alliance: 0.0,
        parade: 0.0,
    };

    /// The weights with their signals.
    pub fn weights(&self) -> [(Signal, f64); 4] {
        [
            (Signal::UnOpposition, self.un_opposition),
            (Signal::WarSupport, self.war_support),
            (Signal::Alliance, self.alliance),
            (Signal::Parade, self.parade),
        ]
    }

    /// The movability of an actor with `stance` (`None` if its stance is unknown), reading each
    /// signal's value through `value` (the best estimate, or a draw of it).
    ///
    /// # Complexity
    /// O(1).
    pub fn movability_with(
        &self,
        stance: &Stance,
        mut value: impl FnMut(&Figure) -> f64,
    ) -> Option<f64> {
        if stance.is_empty() {
            return None;
        }
        let mut m = 1.0;
        for (signal, k) in self.weights() {
            if let Some(f) = stance.get(signal) {
                m *= 1.0 - (k * value(f)).clamp(0.0, 1.0);
            }
        }
        Some(m)
    }

    /// [`MovabilityRule::movability_with`] on best estimates.
    pub fn movability(&self, stance: &Stance) -> Option<f64> {
        self.movability_with(stance, |f| f.value)
    }
}

/// A sourced statement that is not a number: an agreement, a concern.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// The statement.
    pub text: String,
    /// For an agreement: `in_force`, `signed`, `concluded`, `negotiating`, `frozen`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<AgreementStatus>,
    /// Where it comes from.
    pub source: String,
    /// The year it describes.
    pub year: i32,
    /// What kind of statement it is.
    #[serde(default, skip_serializing_if = "Basis::is_unknown")]
    pub basis: Basis,
    /// Citation ids.
    #[serde(default, skip_serializing_if = "Cite::is_empty")]
    pub cite: Cite,
}

/// Where an agreement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgreementStatus {
    /// In force.
    InForce,
    /// Signed, not yet in force.
    Signed,
    /// Negotiations concluded, not yet signed.
    Concluded,
    /// Under negotiation.
    Negotiating,
    /// Negotiations frozen.
    Frozen,
}

impl AgreementStatus {
    /// The name in files.
    pub fn name(self) -> &'static str {
        match self {
            AgreementStatus::InForce => "in_force",
            AgreementStatus::Signed => "signed",
            AgreementStatus::Concluded => "concluded",
            AgreementStatus::Negotiating => "negotiating",
            AgreementStatus::Frozen => "frozen",
        }
    }
}

/// The partner's side of an outreach that "must run in both directions": the agreements the
/// sources can offer or withhold, and what the partner asks for.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outreach {
    /// Agreements between the sources and the actor.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreements: Vec<Fact>,
    /// What the actor wants in return, or what keeps it from pressing the target.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub concerns: Vec<Fact>,
}

impl Outreach {
    /// Whether there is no agreement and no concern.
    pub fn is_empty(&self) -> bool {
        self.agreements.is_empty() && self.concerns.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(v: f64) -> Option<Figure> {
        Some(Figure::new(v, "test", 2025))
    }

    #[test]
    fn classes_by_hand() {
        assert_eq!(Stance::default().class(), StanceClass::Unknown);
        let pressing = Stance {
            sanctions: fig(1.0),
            un_alignment: fig(1.0),
            ..Stance::default()
        };
        assert_eq!(pressing.class(), StanceClass::Presses);
        let supplier = Stance {
            sanctions: fig(0.0),
            war_support: fig(1.0),
            ..Stance::default()
        };
        assert_eq!(supplier.class(), StanceClass::Supports);
        // An ally that does not supply the war (Kazakhstan in the CSTO) is between.
        let ally = Stance {
            sanctions: fig(0.0),
            alliance: fig(1.0),
            ..Stance::default()
        };
        assert_eq!(ally.class(), StanceClass::Between);
        let hedging = Stance {
            sanctions: fig(0.0),
            parade: fig(1.0),
            ..Stance::default()
        };
        assert_eq!(hedging.class(), StanceClass::Between);
    }

    #[test]
    fn movability_by_hand() {
        let r = MovabilityRule::default();
        assert_eq!(r.movability(&Stance::default()), None);
        // Opposition 0.25, parade leader: (1 - 0.25)(1 - 0.2) = 0.6.
        let s = Stance {
            sanctions: fig(0.0),
            un_opposition: fig(0.25),
            parade: fig(1.0),
            ..Stance::default()
        };
        assert!((r.movability(&s).unwrap() - 0.6).abs() < 1e-12);
        // War support 1: 1 - 0.9 = 0.1; with alliance 1 as well: 0.1 * 0.7 = 0.07.
        let s = Stance {
            war_support: fig(1.0),
            alliance: fig(1.0),
            ..Stance::default()
        };
        assert!((r.movability(&s).unwrap() - 0.07).abs() < 1e-12);
        assert_eq!(MovabilityRule::OFF.movability(&s), Some(1.0));
    }

    #[test]
    fn applied_pressure() {
        let s = Stance {
            sanctions: fig(0.0),
            un_alignment: fig(0.75),
            ..Stance::default()
        };
        assert_eq!(s.applied(false), 0.0);
        assert_eq!(s.applied(true), 0.75);
        let p = Stance {
            sanctions: fig(1.0),
            un_alignment: fig(0.5),
            ..Stance::default()
        };
        assert_eq!(p.applied(false), 1.0);
        assert_eq!(p.applied(true), 1.0);
    }

    #[test]
    fn unknown_signals_are_refused() {
        let e = serde_json::from_str::<Stance>(
            r#"{"sanction": {"value": 1, "source": "s", "year": 2022}}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("unknown field `sanction`"), "{e}");
        assert!(e.contains("sanctions"), "{e}");
    }
}
