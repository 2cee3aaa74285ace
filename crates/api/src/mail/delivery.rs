//! Queueing each account's digest when its time comes, and the worker that sends what is queued:
//! each period once, failures retried with growing delays (1 minute, doubling, at most an hour),
//! parked after eight attempts with the error kept for operators.

use super::transport::{IN_FLIGHT, Mailer};
use super::{PeriodActivity, gather_from, message, render, unsubscribe_token};
use crate::settings::Settings;
use chrono::{DateTime, Duration, Utc};
use futures_util::StreamExt;
use mfx_domain::digest::{Digest, Frequency, previous_slot};
use mfx_store::accounts::{self, AccountFilter, AccountRecord};
use mfx_store::{Db, StoreError, outbox};
use std::collections::HashMap;
use std::collections::hash_map::Entry;

/// How long a claimed row stays with its worker.
const LEASE: Duration = Duration::minutes(5);
/// After this many attempts a row is parked.
pub const MAX_ATTEMPTS: i32 = 8;

/// When to try again after `attempts` failed attempts, or `None` to park.
pub fn retry_at(attempts: i32, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    (attempts < MAX_ATTEMPTS).then(|| {
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
    let claimed = tokio::task::spawn_blocking(move || db2.write(|c| outbox::claim(c, now, now + LEASE, limit)))
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
                message(&settings.mail_from, &record, &rendered, &unsubscribe)
            });
            match written {
                Ok(mail) => mailer.send(mail).await.map(|()| "sent"),
                Err(e) => Err(e.to_string()),
            }
        }
        _ => Ok("empty"),
    };
    let db2 = db.clone();
    let id = row.id.clone();
    // Counted when the row was claimed.
    let attempts = row.attempts;
    let result = outcome.clone();
    let recorded = tokio::task::spawn_blocking(move || {
        db2.write(|c| match &result {
            Ok(status) => outbox::finish(c, &id, attempts, status, now),
            Err(error) => outbox::fail(c, &id, attempts, error, retry_at(attempts, now)),
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
        Err(error) if retry_at(attempts, now).is_some() => {
            tracing::warn!(digest = %row.id, attempts, %error, "digest not sent; will retry");
            pass.failed += 1;
        }
        Err(error) => {
            tracing::error!(digest = %row.id, attempts, %error, "digest parked after repeated failures");
            pass.parked += 1;
        }
    }
    Ok(pass)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_and_then_park() {
        let now = Utc::now();
        let delays: Vec<i64> =
            (1..MAX_ATTEMPTS).filter_map(|a| retry_at(a, now)).map(|t| (t - now).num_minutes()).collect();
        assert_eq!(delays, [1, 2, 4, 8, 16, 32, 60]);
        assert_eq!(retry_at(MAX_ATTEMPTS, now), None);
    }
}
