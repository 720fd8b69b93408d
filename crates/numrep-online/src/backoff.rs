//! A per-source circuit breaker: after `failures` consecutive failures the
//! source is skipped for `base`, doubling with each further failure up to
//! `max`. When the pause is over, requests go through again (half-open): a
//! success closes the breaker, a failure reopens it for twice as long.
//!
//! A service that says how long to wait (`Retry-After`) gets no request before
//! that time has passed, whatever the failure count; absurd waits are cut to
//! `max` (the longest pause).

use crate::error::PauseReason;
use crate::time::Instant;
use std::time::Duration;

/// Backoff settings: built with [`BackoffPolicy::new`] and its setters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackoffPolicy {
    /// Consecutive failures before the first pause (0 disables backoff).
    failures: u32,
    /// First pause.
    base: Duration,
    /// Longest pause.
    max: Duration,
}

impl BackoffPolicy {
    /// The defaults: a pause after 3 consecutive failures, 30 s doubling up to 10 min.
    #[must_use]
    pub fn new() -> BackoffPolicy {
        BackoffPolicy::default()
    }

    /// Consecutive failures before the first pause (0 disables backoff).
    #[must_use]
    pub fn failures(mut self, failures: u32) -> BackoffPolicy {
        self.failures = failures;
        self
    }

    /// The first pause and the longest one (pauses double in between).
    #[must_use]
    pub fn pauses(mut self, base: Duration, max: Duration) -> BackoffPolicy {
        self.base = base;
        self.max = max;
        self
    }
}

impl Default for BackoffPolicy {
    fn default() -> Self {
        BackoffPolicy {
            failures: 3,
            base: Duration::from_secs(30),
            max: Duration::from_secs(600),
        }
    }
}

/// The breaker state of one source.
#[derive(Debug, Default)]
pub struct Breaker {
    consecutive: u32,
    open_until: Option<(Instant, PauseReason)>,
}

impl Breaker {
    /// If the source is paused now, how long the pause still lasts and why.
    pub fn paused_for(&self, now: Instant) -> Option<(Duration, PauseReason)> {
        self.open_until
            .filter(|(until, _)| *until > now)
            .map(|(until, reason)| (until.duration_since(now), reason))
    }

    /// Records a success: closes the breaker.
    pub fn success(&mut self) {
        self.consecutive = 0;
        self.open_until = None;
    }

    /// Records a failure and opens the breaker when the policy says so, or for
    /// as long as the service asked (`retry_after`, capped at `policy.max`),
    /// whichever is longer.
    pub fn failure(&mut self, policy: &BackoffPolicy, now: Instant, retry_after: Option<Duration>) {
        self.consecutive = self.consecutive.saturating_add(1);
        let by_failures =
            (policy.failures != 0 && self.consecutive >= policy.failures).then(|| {
                let extra = (self.consecutive - policy.failures).min(20);
                policy.base.saturating_mul(1u32 << extra).min(policy.max)
            });
        let asked = retry_after
            .map(|wait| wait.min(policy.max))
            .filter(|wait| !wait.is_zero());
        self.open_until = match (by_failures, asked) {
            (Some(pause), Some(wait)) if wait > pause => {
                Some((now + wait, PauseReason::RetryAfter))
            }
            (Some(pause), _) => Some((now + pause, PauseReason::Failures)),
            (None, Some(wait)) => Some((now + wait, PauseReason::RetryAfter)),
            (None, None) => None,
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opens_and_grows() {
        let policy = BackoffPolicy {
            failures: 2,
            base: Duration::from_secs(10),
            max: Duration::from_secs(25),
        };
        let now = Instant::now();
        let mut b = Breaker::default();
        let pause = |b: &Breaker| b.paused_for(now).map(|(d, _)| d.as_secs());
        b.failure(&policy, now, None);
        assert_eq!(pause(&b), None);
        b.failure(&policy, now, None);
        assert_eq!(pause(&b), Some(10));
        b.failure(&policy, now, None);
        assert_eq!(pause(&b), Some(20));
        b.failure(&policy, now, None);
        assert_eq!(pause(&b), Some(25));
        assert_eq!(b.paused_for(now + Duration::from_secs(30)), None);
        b.success();
        assert_eq!(b.paused_for(now), None);
    }

    #[test]
    fn retry_after_holds_the_source_and_is_capped() {
        let policy = BackoffPolicy {
            failures: 3,
            base: Duration::from_secs(10),
            max: Duration::from_secs(600),
        };
        let now = Instant::now();
        let mut b = Breaker::default();
        b.failure(&policy, now, Some(Duration::from_secs(120)));
        assert_eq!(
            b.paused_for(now),
            Some((Duration::from_secs(120), PauseReason::RetryAfter)),
            "held on the first failure, before the failure count is reached"
        );
        b.failure(&policy, now, Some(Duration::from_secs(u64::MAX)));
        assert_eq!(
            b.paused_for(now),
            Some((Duration::from_secs(600), PauseReason::RetryAfter)),
            "an absurd wait is cut to the longest pause"
        );
        b.failure(&policy, now, Some(Duration::from_secs(1)));
        assert_eq!(
            b.paused_for(now),
            Some((Duration::from_secs(10), PauseReason::Failures)),
            "the longer of the two"
        );
        let disabled = BackoffPolicy {
            failures: 0,
            ..policy
        };
        let mut b = Breaker::default();
        b.failure(&disabled, now, Some(Duration::from_secs(5)));
        assert_eq!(
            b.paused_for(now).map(|(d, _)| d),
            Some(Duration::from_secs(5)),
            "honoured even with backoff off"
        );
        b.failure(&disabled, now, Some(Duration::ZERO));
        assert_eq!(b.paused_for(now), None);
    }

    #[test]
    fn disabled() {
        let policy = BackoffPolicy {
            failures: 0,
            ..BackoffPolicy::default()
        };
        let mut b = Breaker::default();
        let now = Instant::now();
        for _ in 0..10 {
            b.failure(&policy, now, None);
        }
        assert_eq!(b.paused_for(now), None);
    }
}
