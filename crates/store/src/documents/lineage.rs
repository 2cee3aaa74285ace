//! The transfer lineage: which practices inspired which actions of which action plans.

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{action_inspirations, plan_actions};
use diesel::prelude::*;
use mfx_domain::document::DocumentId;
use uuid::Uuid;

/// A link of the transfer lineage: an action of a plan, inspired by a practice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineageLink {
    pub practice: DocumentId,
    pub plan: DocumentId,
    pub action: Uuid,
    /// The action's place in its plan (0-based), to find its text.
    pub position: i32,
    pub action_status: String,
    pub progress_percent: i32,
}

fn lineage_links(rows: Vec<(String, String, String, i32, String, i32)>) -> Result<Vec<LineageLink>, StoreError> {
    rows.into_iter()
        .map(|(practice, plan, action, position, action_status, progress_percent)| {
            let bad = |e: uuid::Error| corrupt("action_inspirations", e);
            Ok(LineageLink {
                practice: practice.parse().map_err(bad)?,
                plan: plan.parse().map_err(bad)?,
                action: action.parse().map_err(bad)?,
                position,
                action_status,
                progress_percent,
            })
        })
        .collect()
}

/// The actions that a practice inspired.
pub fn inspired_by_practice(conn: &mut DbConnection, practice: DocumentId) -> Result<Vec<LineageLink>, StoreError> {
    let rows = action_inspirations::table
        .inner_join(plan_actions::table)
        .filter(action_inspirations::practice_id.eq(practice.to_string()))
        .order((plan_actions::document_id, plan_actions::position))
        .select((
            action_inspirations::practice_id,
            plan_actions::document_id,
            plan_actions::id,
            plan_actions::position,
            plan_actions::status,
            plan_actions::progress_percent,
        ))
        .load(conn)?;
    lineage_links(rows)
}

/// The practices that inspired the actions of a plan (or one action of it).
pub fn inspirations_of_plan(
    conn: &mut DbConnection,
    plan: DocumentId,
    action: Option<Uuid>,
) -> Result<Vec<LineageLink>, StoreError> {
    let mut query = action_inspirations::table
        .inner_join(plan_actions::table)
        .filter(plan_actions::document_id.eq(plan.to_string()))
        .into_boxed();
    if let Some(action) = action {
        query = query.filter(plan_actions::id.eq(action.to_string()));
    }
    let rows = query
        .order((plan_actions::position, action_inspirations::practice_id))
        .select((
            action_inspirations::practice_id,
            plan_actions::document_id,
            plan_actions::id,
            plan_actions::position,
            plan_actions::status,
            plan_actions::progress_percent,
        ))
        .load(conn)?;
    lineage_links(rows)
}

/// The plan an action belongs to.
pub fn plan_of_action(conn: &mut DbConnection, action: Uuid) -> Result<Option<DocumentId>, StoreError> {
    plan_actions::table
        .find(action.to_string())
        .select(plan_actions::document_id)
        .first::<String>(conn)
        .optional()?
        .map(|id| id.parse().map_err(|e| corrupt("plan_actions", e)))
        .transpose()
}
