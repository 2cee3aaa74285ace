//! The work plan: periods, work packages, deliverables (with responsible partners, evidence and
//! status history), the action-item board, indicator facts, and calendar feed tokens.

mod board;
mod calendar;
mod deliverables;
mod plan;

pub use board::{BoardItem, action_item_board, indicator_facts};
pub use calendar::{calendar_owner, new_calendar_token, purge_revoked_calendar_tokens, revoke_calendar_tokens};
pub use deliverables::{
    DeliverableFields, DeliverableFilter, DeliverableRecord, HistoryRecord, add_evidence, deliverable_by_code,
    deliverable_history, find_deliverable, insert_deliverable, list_deliverables, move_deliverable, update_deliverable,
};
pub use plan::{
    PeriodRecord, WorkPackageRecord, ensure_periods, insert_period, insert_work_package, period_id, periods,
    update_period, update_work_package_titles, work_package_id, work_packages,
};

use crate::error::{StoreError, corrupt};
use std::collections::BTreeMap;

/// Titles by language code.
pub type Titles = BTreeMap<String, String>;

/// Titles as stored (a JSON object by language code).
fn titles_of(text: &str, table: &'static str) -> Result<Titles, StoreError> {
    serde_json::from_str(text).map_err(|e| corrupt(table, e))
}
