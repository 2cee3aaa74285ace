//! The retention jobs: personal records past the periods the privacy notice states are removed,
//! or, for account changes, cleared of names and email addresses. One pass is one transaction;
//! the hourly housekeeping runs it at the clock's time, tests at the time they choose.

use crate::error::ApiError;
use crate::settings::Retention;
use crate::state::AppState;
use chrono::{DateTime, Utc};
use mfx_store::{DbConnection, StoreError, activity, outbox, sessions, throttle, tracking};
use std::time::Duration;

/// What one pass removed (or, for account changes, cleared), kind by kind.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    /// Ended sessions, with their refresh tokens.
    pub sessions: usize,
    pub sign_in_attempts: usize,
    pub digests: usize,
    /// Account events whose names and email addresses were cleared.
    pub account_changes: usize,
    pub calendar_tokens: usize,
}

/// The kinds of records, as metrics and logs name them.
pub const KINDS: [&str; 5] = ["sessions", "sign_in_attempts", "digests", "account_changes", "calendar_tokens"];

impl Removed {
    /// The count of each kind, in the order of [`KINDS`].
    pub fn counts(&self) -> [usize; KINDS.len()] {
        [self.sessions, self.sign_in_attempts, self.digests, self.account_changes, self.calendar_tokens]
    }

    pub fn total(&self) -> usize {
        self.counts().iter().sum()
    }
}

/// The moment `period` before `now`: what is older is past its period.
fn cutoff(now: DateTime<Utc>, period: Duration) -> DateTime<Utc> {
    chrono::Duration::from_std(period)
        .ok()
        .and_then(|period| now.checked_sub_signed(period))
        .unwrap_or(DateTime::<Utc>::MIN_UTC)
}

/// Removes what `rules` no longer allow to keep at `now`; run inside a transaction.
pub fn remove_expired(conn: &mut DbConnection, rules: &Retention, now: DateTime<Utc>) -> Result<Removed, StoreError> {
    Ok(Removed {
        sessions: sessions::purge_ended(conn, cutoff(now, rules.sessions))?,
        sign_in_attempts: throttle::purge(conn, cutoff(now, rules.sign_in_attempts))?,
        digests: outbox::purge_finished(conn, cutoff(now, rules.digests))?,
        account_changes: activity::clear_personal_values(conn, cutoff(now, rules.account_changes))?,
        calendar_tokens: tracking::purge_revoked_calendar_tokens(conn, cutoff(now, rules.calendar_tokens))?,
    })
}

/// One pass with the settings' periods at the clock's time.
pub async fn pass(state: &AppState) -> Result<Removed, ApiError> {
    pass_with(state, state.settings.privacy.retention.clone(), state.clock.now()).await
}

/// One pass with `rules` at `now`: what it removed is counted in the metrics, and logged when
/// there was anything.
pub async fn pass_with(state: &AppState, rules: Retention, now: DateTime<Utc>) -> Result<Removed, ApiError> {
    let removed = state.write(move |conn| remove_expired(conn, &rules, now)).await?;
    state.metrics.retention_removed(removed.counts());
    if removed.total() > 0 {
        tracing::info!(
            sessions = removed.sessions,
            sign_in_attempts = removed.sign_in_attempts,
            digests = removed.digests,
            account_changes = removed.account_changes,
            calendar_tokens = removed.calendar_tokens,
            "personal records past their retention period removed"
        );
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_beyond_the_calendar_keeps_everything() {
        let now = DateTime::<Utc>::from_timestamp(1_800_000_000, 0).expect("time");
        assert_eq!(cutoff(now, Duration::from_secs(3600)), now - chrono::Duration::hours(1));
        assert_eq!(cutoff(now, Duration::MAX), DateTime::<Utc>::MIN_UTC);
    }
}
