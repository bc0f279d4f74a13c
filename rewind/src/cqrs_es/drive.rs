//! Running an async `handle` to its end on the current thread, with nothing outside it.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// How many times a `handle` future is polled before it is refused as pending.
///
/// A `handle` that awaits nothing real finishes on its first poll; one that yields to be fair
/// (`tokio::task::yield_now` wakes itself and returns pending once) finishes a few polls
/// later. A future still pending after this many polls is waiting for something that a
/// simulation never delivers, and polling it on would only spin.
pub const MAX_POLLS: u32 = 64;

/// Polls `future` with a waker that does nothing until it is ready, at most [`MAX_POLLS`]
/// times; `None` when it never was. No runtime, no thread pool, no clock: the output depends
/// on nothing but the future, which is what makes a simulated run reproducible.
pub(super) fn run_to_end<F: Future>(future: F) -> Option<F::Output> {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    for _ in 0..MAX_POLLS {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return Some(output);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pending `polls` times, then ready: a future that yields and wakes itself.
    struct YieldFor {
        polls: u32,
    }

    impl Future for YieldFor {
        type Output = &'static str;

        fn poll(
            mut self: std::pin::Pin<&mut Self>,
            context: &mut Context<'_>,
        ) -> Poll<Self::Output> {
            if self.polls == 0 {
                return Poll::Ready("done");
            }
            self.polls -= 1;
            context.waker().wake_by_ref();
            Poll::Pending
        }
    }

    #[test]
    fn a_future_that_yields_a_few_times_finishes() {
        assert_eq!(run_to_end(async { 7 }), Some(7));
        assert_eq!(run_to_end(YieldFor { polls: 3 }), Some("done"));
        assert_eq!(
            run_to_end(YieldFor {
                polls: MAX_POLLS - 1
            }),
            Some("done")
        );
    }

    #[test]
    fn a_future_that_never_finishes_is_given_up_on() {
        assert_eq!(run_to_end(std::future::pending::<()>()), None);
        assert_eq!(run_to_end(YieldFor { polls: MAX_POLLS }), None);
    }
}
