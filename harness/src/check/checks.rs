//! Which checks a run makes: every invariant and every generic check, less the ones set aside
//! with `sim --skip NAME`.
//!
//! A run stops at its first violation, so a known defect that breaks often hides every other
//! failure of the runs it breaks. Setting its check aside lets those runs go on, so the rest
//! show. A check set aside is not run at all (a run that panics while `no_panic` is set aside
//! ends there, quietly), and a log found that way records what its replay must set aside too.

use std::borrow::Cow;

use rewind_engine::{Invariant, JSON_ROUND_TRIP, Model, Touched, Violation};

#[cfg(test)]
use super::NO_PANIC;
use super::{GENERIC_CHECKS, TOUCHES_DECLARED};
use crate::world::{COMMITS_SERIALIZABLE, OUTBOX_BOUNDED, RESTART_REBUILDS_STATE};

/// The checks of one run of `M`.
pub struct Checks<M: Model> {
    /// The names set aside, sorted, each once.
    skip: Vec<String>,
    always: Cow<'static, [Invariant<M>]>,
    eventually: Cow<'static, [Invariant<M>]>,
}

// Written out rather than derived: a derive would demand `M: Clone` of the marker type.
impl<M: Model> Clone for Checks<M> {
    fn clone(&self) -> Self {
        Checks {
            skip: self.skip.clone(),
            always: self.always.clone(),
            eventually: self.eventually.clone(),
        }
    }
}

impl<M: Model> Default for Checks<M> {
    fn default() -> Self {
        Self::all()
    }
}

impl<M: Model> std::fmt::Debug for Checks<M> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Checks").field("skip", &self.skip).finish()
    }
}

/// Every check a run of `M` can make, by name: the domain's invariants (after every step and
/// once the bus drained), then the generic ones.
pub fn check_names<M: Model>() -> Vec<&'static str> {
    let mut names: Vec<&'static str> = M::invariants()
        .iter()
        .chain(M::eventually())
        .map(|invariant| invariant.name)
        .collect();
    let of_the_world = [RESTART_REBUILDS_STATE, OUTBOX_BOUNDED];
    names.extend(GENERIC_CHECKS.into_iter().filter(|name| {
        (M::ASYNC || !of_the_world.contains(name))
            && (M::CHECKS_TOUCHED_ONLY || *name != TOUCHES_DECLARED)
            && (M::CONCURRENT || *name != COMMITS_SERIALIZABLE)
    }));
    names
}

impl<M: Model> Checks<M> {
    /// Every check: what a corpus replay and a plain simulation make.
    pub fn all() -> Self {
        Checks {
            skip: Vec::new(),
            always: Cow::Borrowed(M::invariants()),
            eventually: Cow::Borrowed(M::eventually()),
        }
    }

    /// Every check but the ones named; a name that is no check of `M` is an error listing
    /// the ones it has.
    pub fn skipping(names: &[String]) -> Result<Self, String> {
        if names.is_empty() {
            return Ok(Self::all());
        }
        let known = check_names::<M>();
        if let Some(unknown) = names.iter().find(|name| !known.contains(&name.as_str())) {
            return Err(format!(
                "`{unknown}` is no check of {}; it has: {}",
                M::NAME,
                known.join(", ")
            ));
        }
        if names.iter().any(|name| name == JSON_ROUND_TRIP) {
            return Err(format!(
                "`{JSON_ROUND_TRIP}` cannot be set aside: a log must be able to store every step"
            ));
        }
        let mut skip = names.to_vec();
        skip.sort();
        skip.dedup();
        let kept = |list: &'static [Invariant<M>]| -> Cow<'static, [Invariant<M>]> {
            if list
                .iter()
                .any(|invariant| skip.iter().any(|s| s == invariant.name))
            {
                Cow::Owned(
                    list.iter()
                        .filter(|invariant| !skip.iter().any(|s| s == invariant.name))
                        .copied()
                        .collect(),
                )
            } else {
                Cow::Borrowed(list)
            }
        };
        Ok(Checks {
            always: kept(M::invariants()),
            eventually: kept(M::eventually()),
            skip,
        })
    }

    /// These checks but the JSON round trip, for the shrinker's candidates: they are the
    /// same steps as a case already checked, or simpler ones, so sending each through JSON
    /// again on every one of thousands of replays buys little; the shrunk case is checked
    /// with every check at the end. Not a choice a user has: every stored step must read.
    pub(crate) fn without_json(&self) -> Self {
        let mut fewer = self.clone();
        if !fewer.skips(JSON_ROUND_TRIP) {
            fewer.skip.push(JSON_ROUND_TRIP.to_string());
            fewer.skip.sort();
        }
        fewer
    }

    /// Whether the check called `name` is set aside.
    #[inline]
    pub fn skips(&self, name: &str) -> bool {
        !self.skip.is_empty() && self.skip.iter().any(|skipped| skipped == name)
    }

    /// The names set aside, sorted.
    pub fn skipped(&self) -> &[String] {
        &self.skip
    }

    /// The violation of the check called `invariant` at `step`, unless that check is set
    /// aside: how every generic check reports what it found.
    pub fn violation(
        &self,
        invariant: &str,
        step: usize,
        message: impl Into<String>,
    ) -> Option<Violation> {
        (!self.skips(invariant)).then(|| Violation {
            invariant: invariant.into(),
            step,
            message: message.into(),
        })
    }

    /// The domain's invariants that are checked after every step; the first that fails
    /// becomes a violation at `step`. Inlined into the run loops, as the model's list was
    /// before checks could be set aside: a call here costs a tenth of a poll dispatch.
    #[inline(always)]
    pub fn invariants(
        &self,
        state: &M::State,
        views: &M::Projections,
        step: usize,
    ) -> Option<Violation> {
        // With nothing set aside, the model's own static list: the compiler can then see
        // which functions it holds and inline them, as it did before checks could be skipped.
        if self.skip.is_empty() {
            return invariants_of::<M>(M::invariants(), state, views, step);
        }
        invariants_of::<M>(&self.always, state, views, step)
    }

    /// The invariants a step that appended `events` must check, for a run that trusts
    /// [`Model::touches`]: those its events touch (see [`touched_by`]). Every one for a
    /// domain that does not declare them, and at the run's first step (`step` 0), which
    /// checks the initial state too. None after a step that appended nothing (a refusal, a
    /// begun command, a delivery the domain refused), for every domain: only `apply` changes
    /// the state and only events fold into the projections, so what held before it holds
    /// after it. Deep runs check every step all the same, and prove this too.
    #[inline(always)]
    pub fn touched_invariants(
        &self,
        state: &M::State,
        views: &M::Projections,
        step: usize,
        events: &[M::Event],
    ) -> Option<Violation> {
        if step == 0 {
            return self.invariants(state, views, step);
        }
        if events.is_empty() {
            return None;
        }
        let touched = touched_by::<M>(events);
        if touched.is_all() {
            return self.invariants(state, views, step);
        }
        for (index, invariant) in M::invariants().iter().enumerate() {
            if !touched.contains(index) || self.skips(invariant.name) {
                continue;
            }
            if let Some(found) = broken(invariant, state, views, step) {
                return Some(found);
            }
        }
        None
    }

    /// Every invariant after a step that appended `events`, proving [`Model::touches`]: the
    /// first that fails is the violation, under its own name when the step's events touch
    /// it and as [`TOUCHES_DECLARED`] when they do not (unless that check is set aside).
    /// What deep runs and every replay check; `step` 0 declares nothing wrong, since the
    /// initial state was never checked before it.
    pub fn proving_invariants(
        &self,
        state: &M::State,
        views: &M::Projections,
        step: usize,
        events: &[M::Event],
    ) -> Option<Violation> {
        let found = self.invariants(state, views, step)?;
        if !M::CHECKS_TOUCHED_ONLY || step == 0 || self.skips(TOUCHES_DECLARED) {
            return Some(found);
        }
        let index = M::invariants()
            .iter()
            .position(|invariant| invariant.name == found.invariant)?;
        let touched = touched_by::<M>(events);
        if touched.contains(index) {
            return Some(found);
        }
        let kinds: Vec<String> = events.iter().map(|event| format!("{event:?}")).collect();
        let after = match kinds.is_empty() {
            true => "a step that appended no event, which touches nothing".to_string(),
            false => format!(
                "a step whose events ({}) Model::touches says do not touch it",
                kinds.join(", ")
            ),
        };
        Some(Violation {
            invariant: TOUCHES_DECLARED.to_string(),
            step,
            message: format!(
                "`{}` broke after {after}: {}",
                found.invariant, found.message
            ),
        })
    }

    /// The `eventually` invariants that are checked once the bus has drained; the
    /// violation's step is left for the caller to set.
    pub fn eventually(&self, state: &M::State, views: &M::Projections) -> Option<Violation> {
        invariants_of::<M>(&self.eventually, state, views, 0)
    }
}

/// The invariants the `events` of one step can break, by [`Model::touches`]: every one for a
/// domain that does not declare it, none for a step without events in one that does.
#[inline(always)]
pub fn touched_by<M: Model>(events: &[M::Event]) -> Touched {
    if !M::CHECKS_TOUCHED_ONLY {
        return Touched::ALL;
    }
    events.iter().fold(Touched::NONE, |touched, event| {
        touched.union(M::touches(event))
    })
}

/// The first of `list` that fails, as a violation at `step`.
#[inline(always)]
fn invariants_of<M: Model>(
    list: &[Invariant<M>],
    state: &M::State,
    views: &M::Projections,
    step: usize,
) -> Option<Violation> {
    for invariant in list {
        if let Some(found) = broken(invariant, state, views, step) {
            return Some(found);
        }
    }
    None
}

/// `invariant`'s violation at `step`, if it fails.
#[inline(always)]
fn broken<M: Model>(
    invariant: &Invariant<M>,
    state: &M::State,
    views: &M::Projections,
    step: usize,
) -> Option<Violation> {
    (invariant.check)(state, views)
        .err()
        .map(|message| Violation {
            invariant: invariant.name.to_string(),
            step,
            message,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::thorough;
    use crate::run::{RunCounts, RunSpec, play};
    use crate::test_domain::Tally;
    use crate::test_domain::gauge::Gauge;
    use rewind_engine::{Bugs, Coverage, RandomChoices, Step};

    /// The first violation of one run of seed 1, deep or not, with its step.
    fn first_broken<M: Model<Config = ()>>(deep: bool) -> Option<(String, usize)> {
        let checks = Checks::<M>::all();
        let spec = RunSpec::<M> {
            config: &(),
            seed: 1,
            steps: 100,
            bugs: Bugs::NONE,
            swarm: false,
            deep,
            json: false,
            faults: false,
            concurrency: false,
            checks: &checks,
        };
        let (mut counts, mut coverage) = (RunCounts::default(), Coverage::new(0));
        let played = play(
            &spec,
            &mut RandomChoices::new(1),
            &mut counts,
            &mut coverage,
        );
        played
            .violation
            .map(|violation| (violation.invariant, violation.step))
    }

    #[test]
    fn a_step_checks_what_its_events_touch_and_deep_runs_prove_the_declaration() {
        // Declared right: found by name, at the same step, whether the run trusts the
        // declaration or proves it.
        let fast = first_broken::<Gauge<true>>(false).expect("the gauge passes 50");
        assert_eq!(fast.0, "below_50");
        assert_eq!(first_broken::<Gauge<true>>(true), Some(fast.clone()));
        // Declared wrong: a run that trusts it never checks `below_50` after an addition...
        assert_eq!(first_broken::<Gauge<false>>(false), None);
        // ...and a deep run names the declaration, at the step the gauge passed 50.
        let (name, step) = first_broken::<Gauge<false>>(true).expect("the declaration is wrong");
        assert_eq!((name.as_str(), step), (TOUCHES_DECLARED, fast.1));
        // A replay of those steps proves it too, and says which invariant broke after what.
        let steps: Vec<Step<u8>> = (0..=step).map(|_| Step::Act(9)).collect();
        let replayed = thorough::<Gauge<false>>(&(), 1, Bugs::NONE, &steps, &[]);
        let violation = replayed
            .violation
            .expect("the replay proves the declaration");
        assert_eq!(violation.invariant, TOUCHES_DECLARED);
        assert!(
            violation
                .message
                .contains("`below_50` broke after a step whose events (9) Model::touches says")
        );
        // Set aside, the invariant is reported under its own name.
        let lenient = Checks::<Gauge<false>>::skipping(&[TOUCHES_DECLARED.to_string()]).unwrap();
        let found = lenient.proving_invariants(&60, &(), 3, &[9]);
        assert_eq!(
            found.map(|violation| violation.invariant),
            Some("below_50".to_string())
        );
    }

    #[test]
    fn a_domain_that_declares_nothing_checks_everything_after_every_step_with_events() {
        assert!(touched_by::<Tally>(&[]).is_all());
        let checks = Checks::<Tally>::all();
        let broken = |found: Option<Violation>| found.map(|violation| violation.invariant);
        let over = Some("at_most_1000".to_string());
        // A step with events checks every invariant, and so does the first step, events
        // or not (it checks the initial state too)...
        assert_eq!(
            broken(checks.touched_invariants(&2_000, &(), 3, &[1])),
            over
        );
        assert_eq!(broken(checks.touched_invariants(&2_000, &(), 0, &[])), over);
        // ...a later step that appended nothing changed nothing, so it checks nothing...
        assert_eq!(broken(checks.touched_invariants(&2_000, &(), 3, &[])), None);
        // ...and a deep run checks it all the same, under the invariant's own name.
        assert_eq!(broken(checks.proving_invariants(&2_000, &(), 3, &[])), over);
        assert!(!check_names::<Tally>().contains(&TOUCHES_DECLARED));
        assert!(check_names::<Gauge<true>>().contains(&TOUCHES_DECLARED));
        assert_eq!(
            touched_by::<Gauge<true>>(&[]),
            Touched::NONE,
            "a refusal touches nothing"
        );
    }

    #[test]
    fn a_skipped_invariant_is_not_checked_and_unknown_names_are_refused() {
        let all = Checks::<Tally>::all();
        let names = check_names::<Tally>();
        let first = names[0].to_string();
        let skipping = Checks::<Tally>::skipping(std::slice::from_ref(&first)).unwrap();
        assert!(skipping.skips(&first));
        assert!(!all.skips(&first));
        assert_eq!(skipping.always.len() + 1, all.always.len());
        let error = Checks::<Tally>::skipping(&["nonsense".to_string()]).unwrap_err();
        assert!(error.contains("`nonsense` is no check of tally"), "{error}");
        assert!(error.contains(&first), "{error}");
        let generic = Checks::<Tally>::skipping(&[NO_PANIC.to_string()]).unwrap();
        assert!(generic.skips(NO_PANIC));
        assert_eq!(generic.always.len(), all.always.len());
    }
}
