//! The time the application sees. Production reads the system clock; tests set it.

use chrono::{DateTime, Duration, DurationRound, Utc};
use std::sync::{Arc, RwLock};

#[derive(Debug, Clone, Default)]
pub enum Clock {
    #[default]
    System,
    /// A clock that only moves when told to.
    Manual(Arc<RwLock<DateTime<Utc>>>),
}

impl Clock {
    pub fn manual(start: DateTime<Utc>) -> Self {
        Clock::Manual(Arc::new(RwLock::new(start)))
    }

    /// Now, to the microsecond (what both databases keep).
    pub fn now(&self) -> DateTime<Utc> {
        let now = match self {
            Clock::System => Utc::now(),
            Clock::Manual(at) => *at.read().unwrap_or_else(std::sync::PoisonError::into_inner),
        };
        now.duration_trunc(Duration::microseconds(1)).unwrap_or(now)
    }

    /// Moves a manual clock forward; the system clock cannot be moved.
    pub fn advance(&self, by: Duration) {
        if let Clock::Manual(at) = self {
            let mut at = at.write().unwrap_or_else(std::sync::PoisonError::into_inner);
            *at += by;
        }
    }
}
