//! Sign-in throttling: how many attempts a key (an account from one address, an account, a client
//! address) may take in a window before further attempts are refused for a while. An attempt is
//! taken before the password is checked, so that parallel guesses cannot all slip past the limit;
//! an attempt that succeeds is given back.

use chrono::{DateTime, Duration, Utc};

/// The limits for one kind of key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failures allowed within `window`; the next attempt is refused.
    pub max_failures: u32,
    pub window: Duration,
    /// How long attempts are refused once the limit is reached.
    pub block: Duration,
}

impl ThrottlePolicy {
    /// Per account and client address: five wrong passwords in 15 minutes block that account's
    /// sign-in from that address for 15 minutes; the account's owner elsewhere is not locked out.
    pub const PER_ACCOUNT_ADDRESS: ThrottlePolicy =
        ThrottlePolicy { max_failures: 5, window: Duration::minutes(15), block: Duration::minutes(15) };
    /// Per account, from every address together: a ceiling well above one address's limit, for
    /// guesses spread over many addresses.
    pub const PER_ACCOUNT: ThrottlePolicy =
        ThrottlePolicy { max_failures: 50, window: Duration::minutes(15), block: Duration::minutes(15) };
    /// Confirming the current password to change it: five wrong ones in 15 minutes block the
    /// change for 15 minutes.
    pub const PASSWORD_CHANGE: ThrottlePolicy =
        ThrottlePolicy { max_failures: 5, window: Duration::minutes(15), block: Duration::minutes(15) };
    /// Per client address: a shared office address gets more room than one account.
    pub const PER_ADDRESS: ThrottlePolicy =
        ThrottlePolicy { max_failures: 30, window: Duration::minutes(15), block: Duration::minutes(15) };
}

/// The stored state of one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Failures {
    pub count: u32,
    pub window_started_at: DateTime<Utc>,
    pub blocked_until: Option<DateTime<Utc>>,
}

impl Failures {
    /// When attempts are refused at `now`, how long until they are allowed again.
    pub fn retry_after(&self, now: DateTime<Utc>) -> Option<Duration> {
        self.blocked_until.filter(|until| *until > now).map(|until| until - now)
    }

    /// Takes one attempt at `now`, before the password is checked: the new state to keep, or,
    /// while the key is blocked, how long until attempts are allowed again (nothing changes then).
    pub fn take(current: Option<Failures>, now: DateTime<Utc>, policy: ThrottlePolicy) -> Result<Failures, Duration> {
        match current.and_then(|state| state.retry_after(now)) {
            Some(wait) => Err(wait),
            None => Ok(Self::after_failure(current, now, policy)),
        }
    }

    /// Gives back an attempt that succeeded: it no longer counts, and a block it caused is lifted.
    pub fn refund(self, policy: ThrottlePolicy) -> Failures {
        let count = self.count.saturating_sub(1);
        let blocked_until = self.blocked_until.filter(|_| count >= policy.max_failures);
        Failures { count, blocked_until, ..self }
    }

    /// The state after one more failure at `now`.
    pub fn after_failure(current: Option<Failures>, now: DateTime<Utc>, policy: ThrottlePolicy) -> Failures {
        let fresh = Failures { count: 0, window_started_at: now, blocked_until: None };
        let mut state = match current {
            Some(state) if state.window_started_at + policy.window > now || state.retry_after(now).is_some() => state,
            _ => fresh,
        };
        if state.retry_after(now).is_none() && state.blocked_until.is_some() {
            // A finished block starts a new window.
            state = fresh;
        }
        state.count = state.count.saturating_add(1);
        if state.count >= policy.max_failures {
            state.blocked_until = Some(now + policy.block);
        }
        state
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minute: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).single().expect("valid time") + Duration::minutes(minute)
    }

    const POLICY: ThrottlePolicy =
        ThrottlePolicy { max_failures: 3, window: Duration::minutes(10), block: Duration::minutes(5) };

    #[test]
    fn blocks_after_the_limit_and_releases_after_the_block() {
        let mut state = None;
        for minute in 0..2 {
            let next = Failures::after_failure(state, at(minute), POLICY);
            assert_eq!(next.retry_after(at(minute)), None, "failure {minute} is still allowed");
            state = Some(next);
        }
        let blocked = Failures::after_failure(state, at(2), POLICY);
        assert_eq!(blocked.retry_after(at(2)), Some(Duration::minutes(5)));
        assert_eq!(blocked.retry_after(at(6)), Some(Duration::minutes(1)));
        assert_eq!(blocked.retry_after(at(7)), None);
        // After the block, one failure does not block again at once.
        let after = Failures::after_failure(Some(blocked), at(8), POLICY);
        assert_eq!((after.count, after.retry_after(at(8))), (1, None));
    }

    #[test]
    fn taking_refuses_while_blocked_and_a_refund_lifts_the_block_it_caused() {
        let mut state = None;
        for minute in 0..3 {
            state = Some(Failures::take(state, at(minute), POLICY).expect("allowed up to the limit"));
        }
        let blocked = state.expect("taken");
        assert_eq!(Failures::take(Some(blocked), at(3), POLICY), Err(Duration::minutes(4)));
        let refunded = blocked.refund(POLICY);
        assert_eq!((refunded.count, refunded.blocked_until), (2, None));
        assert!(Failures::take(Some(refunded), at(3), POLICY).is_ok());
    }

    #[test]
    fn failures_outside_the_window_are_forgotten() {
        let first = Failures::after_failure(None, at(0), POLICY);
        let second = Failures::after_failure(Some(first), at(1), POLICY);
        let much_later = Failures::after_failure(Some(second), at(30), POLICY);
        assert_eq!(much_later.count, 1);
        assert_eq!(much_later.window_started_at, at(30));
    }
}
