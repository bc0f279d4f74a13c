//! The application's read models: cqrs-es `View`s, folded from every committed event beside
//! the aggregates and rebuilt from the streams at the end of every run.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Deref;

use cqrs_es::{Aggregate, EventEnvelope, View};
use serde::{Deserialize, Serialize};

use super::{AggregateModel, Committed, EventOf};
use crate::Projection;

/// The views a simulation keeps: each one is updated with every committed event, in commit
/// order, as a cqrs-es query dispatches them.
///
/// Implemented for `()` (no views) and for tuples of up to six cqrs-es [`View`]s:
/// `type Views = (Ledger, PerAggregate<AccountView>);`. A struct of named views implements it
/// with one method that passes the event on, as a `CqrsFramework` passes it to each query:
///
/// ```
/// # use cqrs_es::{Aggregate, EventEnvelope, View};
/// use rewind::cqrs_es::ViewSet;
/// # #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
/// # struct Ledger;
/// # #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
/// # struct AccountList;
/// # type Bank = Ledger;
/// # impl<A: Aggregate> View<A> for Ledger { fn update(&mut self, _: &EventEnvelope<A>) {} }
/// # impl<A: Aggregate> View<A> for AccountList { fn update(&mut self, _: &EventEnvelope<A>) {} }
///
/// #[derive(Clone, Debug, Default, PartialEq)]
/// struct BankViews {
///     ledger: Ledger,
///     accounts: AccountList,
/// }
///
/// impl<A: Aggregate> ViewSet<A> for BankViews {
///     fn update(&mut self, event: &EventEnvelope<A>) {
///         self.ledger.update(event);
///         self.accounts.update(event);
///     }
/// }
/// ```
///
/// Beyond cqrs-es's own bounds a view is `Clone` and `PartialEq`: the views folded live are
/// compared with the ones rebuilt from the streams.
pub trait ViewSet<A: Aggregate>: Clone + fmt::Debug + Default + PartialEq + Send + 'static {
    /// Folds one committed event into every view.
    fn update(&mut self, event: &EventEnvelope<A>);
}

impl<A: Aggregate> ViewSet<A> for () {
    fn update(&mut self, _event: &EventEnvelope<A>) {}
}

/// Implements [`ViewSet`] for a tuple of views, each updated in turn.
macro_rules! view_tuple {
    ($($view:ident . $index:tt),+) => {
        impl<A: Aggregate, $($view),+> ViewSet<A> for ($($view,)+)
        where
            $($view: View<A> + Clone + PartialEq + 'static),+
        {
            fn update(&mut self, event: &EventEnvelope<A>) {
                $(self.$index.update(event);)+
            }
        }
    };
}

view_tuple!(V0.0);
view_tuple!(V0.0, V1.1);
view_tuple!(V0.0, V1.1, V2.2);
view_tuple!(V0.0, V1.1, V2.2, V3.3);
view_tuple!(V0.0, V1.1, V2.2, V3.3, V4.4);
view_tuple!(V0.0, V1.1, V2.2, V3.3, V4.4, V5.5);

/// One view per aggregate instance, updated with that instance's events only: what cqrs-es's
/// `GenericQuery` keeps in its view repository, with the aggregate id as the view id.
///
/// ```
/// # use cqrs_es::{Aggregate, EventEnvelope, View};
/// use rewind::cqrs_es::PerAggregate;
/// # #[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
/// # struct AccountView;
/// let views = PerAggregate::<AccountView>::default();
/// assert_eq!(views.get("account-0"), None, "no events, no view");
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PerAggregate<V> {
    views: BTreeMap<String, V>,
}

/// The views by id, as a map.
impl<V: fmt::Debug> fmt::Debug for PerAggregate<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(&self.views).finish()
    }
}

impl<V> Default for PerAggregate<V> {
    fn default() -> Self {
        PerAggregate {
            views: BTreeMap::new(),
        }
    }
}

impl<V> PerAggregate<V> {
    /// The view of `aggregate_id`, once it has an event.
    pub fn get(&self, aggregate_id: &str) -> Option<&V> {
        self.views.get(aggregate_id)
    }

    /// Every view, by aggregate id in sorted order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &V)> {
        self.views.iter().map(|(id, view)| (id.as_str(), view))
    }
}

impl<A: Aggregate, V: View<A>> View<A> for PerAggregate<V> {
    fn update(&mut self, event: &EventEnvelope<A>) {
        match self.views.get_mut(&event.aggregate_id) {
            Some(view) => view.update(event),
            None => {
                let mut view = V::default();
                view.update(event);
                self.views.insert(event.aggregate_id.clone(), view);
            }
        }
    }
}

/// The views of `T`, as the harness folds and compares them: the projections of an
/// [`Aggregated<T>`](super::Aggregated) domain, and the second argument of its invariants.
/// Reads as `T::Views` through `Deref`: `views.ledger`.
pub struct Views<T: AggregateModel>(T::Views);

impl<T: AggregateModel> Views<T> {
    /// The views themselves.
    pub fn inner(&self) -> &T::Views {
        &self.0
    }
}

impl<T: AggregateModel> Deref for Views<T> {
    type Target = T::Views;

    fn deref(&self) -> &T::Views {
        &self.0
    }
}

impl<T: AggregateModel> Default for Views<T> {
    fn default() -> Self {
        Views(T::Views::default())
    }
}

impl<T: AggregateModel> Clone for Views<T> {
    fn clone(&self) -> Self {
        Views(self.0.clone())
    }
}

impl<T: AggregateModel> PartialEq for Views<T> {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}

/// Shows the views themselves: `()` when there are none, which `replay` then leaves out.
impl<T: AggregateModel> fmt::Debug for Views<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T: AggregateModel> Projection<Committed<EventOf<T>>> for Views<T> {
    fn fold(&mut self, event: &Committed<EventOf<T>>) {
        // No views, no envelope to build: a model without views pays nothing per event.
        if size_of::<T::Views>() != 0 {
            self.0.update(&event.envelope::<T::Aggregate>());
        }
    }
}
