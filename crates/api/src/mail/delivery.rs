//! Queueing each account's digest when its time comes, and the worker that sends what is queued:
//! each period once, failures retried, some parked, the error kept for operators.
//!
//! After a failed attempt the next one comes 1 minute later, then 2, 4, 8 … minutes, at most
//! an hour apart ([`retry_at`]). What happens then depends on the failure ([`Failure`]):
//!
//! - *permanent* — the mail server refused the message or a recipient for good (an SMTP `5xx`
//!   reply), or the message could not be written: parked after [`MAX_ATTEMPTS`] attempts;
//! - *temporary* — the connection refused, no answer in time, TLS or the network failing, an
//!   SMTP `4xx` reply, a conversation broken off: retried however many attempts it takes, so a
//!   mail server away for hours gets every digest once within an hour of its return; parked only
//!   once the digest is more than [`GIVE_UP`] past the end of its period, when it no longer
//!   says anything useful.
//!
//! A parked digest keeps its last error and waits for an operator to send it again.

use super::transport::{Failure, IN_FLIGHT, Mailer, SendError};
use super::{PeriodActivity, gather_from, message, render, unsubscribe_token};
use crate::settings::Settings;
use chrono::{DateTime, Duration, Utc};
use futures_util::StreamExt;
use mfx_domain::digest::{Digest, Frequency, previous_slot};
use mfx_store::accounts::{self, AccountFilter, AccountRecord};
use mfx_store::{Db, StoreError, outbox};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// How long a claimed row stays with its worker when the settings name no other time
/// (`MFX_DIGEST_LEASE_SECS`): a worker that dies leaves its rows to the others after it.
const LEASE: Duration = Duration::minutes(5);
/// After this many attempts failing for good, a digest is parked.
pub const MAX_ATTEMPTS: i32 = 8;
/// How long past the end of its period a digest failing for a while is still worth sending.
pub const GIVE_UP: Duration = Duration::days(3);

/// When to try again after `attempts` failed attempts, the last one failing with `failure` at
/// `now`, for a digest whose period ended at `period_end`; `None` to park it.
pub fn retry_at(
    failure: Failure,
    attempts: i32,
    period_end: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Option<DateTime<Utc>> {
    let give_up = if failure.is_permanent() { attempts >= MAX_ATTEMPTS } else { now - period_end > GIVE_UP };
    (!give_up).then(|| {
        let minutes = 1_i64 << attempts.clamp(1, 7).saturating_sub(1);
        now + Duration::minutes(minutes.min(60))
    })
}

/// Active accounts that want digests.
pub fn readers(db: &Db) -> Result<Vec<AccountRecord>, StoreError> {
    let filter = AccountFilter { active: Some(true), ..AccountFilter::default() };
    let all = db.read(|c| accounts::list(c, &filter, None, 100_000))?;
    Ok(all.into_iter().filter(|r| r.digest.frequency != Frequency::Off).collect())
}

/// Queues the digests whose time has come: for each active account with digests on, the period
/// that ended at its last digest time. With `now_for_all`, a period ending now for everyone.
pub fn enqueue_due(db: &Db, now: DateTime<Utc>, now_for_all: bool) -> Result<usize, StoreError> {
    let mut queued = 0;
    // A few hundred readers per transaction: each reader's check and insert stay atomic together
    // (the unique key keeps a period once), without a commit for every account.
    for chunk in readers(db)?.chunks(500) {
        queued += db.write(|c| {
            let mut queued = 0;
            for reader in chunk {
                let zone = reader.account.time_zone.tz();
                let end = if now_for_all { Some(now) } else { previous_slot(reader.digest, zone, now) };
                let Some(end) = end.filter(|end| *end > reader.created_at) else { continue };
                let user = reader.account.id;
                let last = outbox::last_period_end(c, user)?;
                if last.is_some_and(|last| last >= end) {
                    continue;
                }
                let length =
                    if reader.digest.frequency == Frequency::Daily { Duration::days(1) } else { Duration::days(7) };
                let start = last.unwrap_or(end - length).max(end - length * 2);
                if outbox::enqueue(c, user, start, end, now)? {
                    queued += 1;
                }
            }
            Ok(queued)
        })?;
    }
    Ok(queued)
}

/// What one pass of the worker did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub sent: usize,
    pub empty: usize,
    pub failed: usize,
    pub parked: usize,
}

impl std::ops::AddAssign for Pass {
    fn add_assign(&mut self, other: Pass) {
        self.sent += other.sent;
        self.empty += other.empty;
        self.failed += other.failed;
        self.parked += other.parked;
    }
}

/// Sends up to `limit` due digests.
pub async fn send_due(
    db: &Db,
    mailer: &Mailer,
    settings: &Settings,
    unsubscribe_key: &[u8],
    now: DateTime<Utc>,
    limit: i64,
) -> Result<Pass, StoreError> {
    let db2 = db.clone();
    let lease = Duration::from_std(settings.digest_lease).unwrap_or(LEASE);
    let claimed = tokio::task::spawn_blocking(move || db2.write(|c| outbox::claim(c, now, now + lease, limit)))
        .await
        .map_err(|e| StoreError::Unavailable(e.to_string()))??;
    // The readers and what they get, with each period's activity read once for the batch.
    let db2 = db.clone();
    let batch = tokio::task::spawn_blocking(move || {
        db2.read(|c| {
            let mut periods: HashMap<(DateTime<Utc>, DateTime<Utc>), PeriodActivity> = HashMap::new();
            let mut prepared = Vec::with_capacity(claimed.len());
            for row in &claimed {
                let Some(record) = accounts::find(c, row.user)? else {
                    prepared.push(None);
                    continue;
                };
                let key = (row.period_start, row.period_end);
                let period = match periods.entry(key) {
                    Entry::Occupied(found) => found.into_mut(),
                    Entry::Vacant(slot) => slot.insert(PeriodActivity::load(c, key.0, key.1)?),
                };
                let digest = gather_from(period, &record);
                let generation = mfx_store::unsubscribe::generation(c, row.user)?;
                prepared.push(Some((record, digest, generation)));
            }
            Ok(claimed.into_iter().zip(prepared).collect::<Vec<_>>())
        })
    })
    .await
    .map_err(|e| StoreError::Unavailable(e.to_string()))??;
    // Several conversations at once (the transport pools connections): a mail server's round
    // trips, not this process, bound how fast digests leave.
    let mut sends = futures_util::stream::iter(batch)
        .map(|(row, prepared)| deliver(db, mailer, settings, unsubscribe_key, now, row, prepared))
        .buffer_unordered(IN_FLIGHT);
    let mut pass = Pass::default();
    while let Some(outcome) = sends.next().await {
        pass += outcome?;
    }
    Ok(pass)
}

/// Renders, sends and records one claimed digest.
async fn deliver(
    db: &Db,
    mailer: &Mailer,
    settings: &Settings,
    unsubscribe_key: &[u8],
    now: DateTime<Utc>,
    row: outbox::OutboxRow,
    prepared: Option<(AccountRecord, Digest, i64)>,
) -> Result<Pass, StoreError> {
    let mut pass = Pass::default();
    let (user, start) = (row.user, row.period_start);
    let outcome = match prepared {
        Some((record, digest, generation))
            if !digest.is_empty() && record.account.active && record.digest.frequency != Frequency::Off =>
        {
            let written = unsubscribe_token(unsubscribe_key, user, generation).and_then(|token| {
                let unsubscribe = format!("{}/unsubscribe/{token}", settings.public_url);
                let rendered = render(&digest, &record, start, &settings.public_url, &unsubscribe)?;
                message(&settings.mail_from, &record, &rendered, &unsubscribe, &row.id)
            });
            match written {
                Ok(mail) => mailer.send(mail).await.map(|()| "sent"),
                Err(e) => Err(SendError::new(Failure::Unwritable, e)),
            }
        }
        _ => Ok("empty"),
    };
    let db2 = db.clone();
    let id = row.id.clone();
    // Counted when the row was claimed.
    let attempts = row.attempts;
    let next = outcome.as_ref().err().and_then(|e| retry_at(e.failure, attempts, row.period_end, now));
    let result = outcome.clone();
    let recorded = tokio::task::spawn_blocking(move || {
        db2.write(|c| match &result {
            Ok(status) => outbox::finish(c, &id, attempts, status, now),
            Err(error) => outbox::fail(c, &id, attempts, &error.to_string(), next),
        })
    })
    .await
    .map_err(|e| StoreError::Unavailable(e.to_string()))??;
    if !recorded {
        // The lease ran out and another pass took the row: its outcome is the one kept.
        tracing::warn!(digest = %row.id, attempts, "digest outcome not recorded: the row was claimed again");
    }
    match outcome {
        Ok("sent") => pass.sent += 1,
        Ok(_) => pass.empty += 1,
        Err(error) if next.is_some() => {
            tracing::warn!(digest = %row.id, attempts, %error, "digest not sent; will retry");
            pass.failed += 1;
        }
        Err(error) if error.failure.is_permanent() => {
            tracing::error!(digest = %row.id, attempts, %error, "digest parked after repeated failures");
            pass.parked += 1;
        }
        Err(error) => {
            tracing::error!(digest = %row.id, attempts, %error, "digest parked: still not sent three days after its period");
            pass.parked += 1;
        }
    }
    Ok(pass)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The failures that trying again can help.
    fn temporary() -> impl Iterator<Item = Failure> {
        Failure::ALL.into_iter().filter(|f| !f.is_permanent())
    }

    #[test]
    fn retries_back_off_and_then_park() {
        let now = Utc::now();
        for failure in Failure::ALL {
            let delays: Vec<i64> = (1..MAX_ATTEMPTS)
                .filter_map(|a| retry_at(failure, a, now, now))
                .map(|t| (t - now).num_minutes())
                .collect();
            assert_eq!(delays, [1, 2, 4, 8, 16, 32, 60], "{failure:?}");
        }
        for failure in [Failure::Rejected, Failure::Unwritable] {
            assert_eq!(retry_at(failure, MAX_ATTEMPTS, now, now), None, "{failure:?}");
        }
    }

    #[test]
    fn temporary_failures_six_hours_long_never_park() {
        let end = Utc::now();
        for failure in temporary() {
            // One attempt when the digest falls due, then one whenever the last one said.
            let mut at = end;
            let mut gaps = Vec::new();
            for attempts in 1.. {
                let next = retry_at(failure, attempts, end, at).expect("retried");
                gaps.push((next - at).num_minutes());
                at = next;
                if at - end > Duration::hours(6) {
                    break;
                }
            }
            // Attempts at 0, 1, 3, 7, 15, 31, 63, 123, 183, 243 and 303 minutes; the next at 363.
            assert_eq!(gaps, [1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60], "{failure:?}");
        }
    }

    #[test]
    fn temporary_failures_park_three_days_past_the_period_end() {
        let end = Utc::now();
        for failure in temporary() {
            let last = end + GIVE_UP;
            assert_eq!(retry_at(failure, 80, end, last), Some(last + Duration::hours(1)), "{failure:?}");
            assert_eq!(retry_at(failure, 80, end, last + Duration::seconds(1)), None, "{failure:?}");
            assert_eq!(retry_at(failure, 1, end, end + Duration::days(4)), None, "{failure:?}");
        }
        // Failing for good, a late digest is still parked by its number of attempts alone.
        assert!(retry_at(Failure::Rejected, 1, end, end + Duration::days(4)).is_some());
    }
}
