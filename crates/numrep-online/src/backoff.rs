//! A per-source circuit breaker: after `failures` consecutive failures the
//! source is skipped for `base`, doubling with each further failure up to
//! `max`. When the pause is over, requests go through again (half-open): a
//! success closes the breaker, a failure reopens it for twice as long.

use crate::time::Instant;
use std::time::Duration;

/// Backoff settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackoffPolicy {
    /// Consecutive failures before the first pause (0 disables backoff).
    pub failures: u32,
    /// First pause.
    pub base: Duration,
    /// Longest pause.
    pub max: Duration,
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
    open_until: Option<Instant>,
}

impl Breaker {
    /// If the source is paused now, how long the pause still lasts.
    pub fn paused_for(&self, now: Instant) -> Option<Duration> {
        self.open_until
            .filter(|until| *until > now)
            .map(|until| until.duration_since(now))
    }

    /// Records a success: closes the breaker.
    pub fn success(&mut self) {
        self.consecutive = 0;
        self.open_until = None;
    }

    /// Records a failure and opens the breaker when the policy says so.
    pub fn failure(&mut self, policy: &BackoffPolicy, now: Instant) {
        self.consecutive = self.consecutive.saturating_add(1);
        if policy.failures == 0 || self.consecutive < policy.failures {
            return;
        }
        let extra = (self.consecutive - policy.failures).min(20);
        let pause = policy.base.saturating_mul(1u32 << extra).min(policy.max);
        self.open_until = Some(now + pause);
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
        b.failure(&policy, now);
        assert_eq!(b.paused_for(now), None);
        b.failure(&policy, now);
        assert_eq!(b.paused_for(now), Some(Duration::from_secs(10)));
        b.failure(&policy, now);
        assert_eq!(b.paused_for(now), Some(Duration::from_secs(20)));
        b.failure(&policy, now);
        assert_eq!(b.paused_for(now), Some(Duration::from_secs(25)));
        assert_eq!(b.paused_for(now + Duration::from_secs(30)), None);
        b.success();
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
            b.failure(&policy, now);
        }
        assert_eq!(b.paused_for(now), None);
    }
}
