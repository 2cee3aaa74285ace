//! The action-item board across meeting notes, and the facts the indicators are computed from.

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{action_items, document_texts, documents, partners, plan_actions};
use chrono::NaiveDate;
use diesel::prelude::*;
use mfx_domain::document::{DocumentId, Kind, Status};
use mfx_domain::tracking::{ActionFact, DocumentFact};
use mfx_domain::{Locale, PartnerId};
use std::collections::HashMap;
use uuid::Uuid;

/// An action item on the board, with its meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BoardItem {
    pub id: Uuid,
    pub title: String,
    pub assignee: Option<String>,
    pub due_on: Option<NaiveDate>,
    pub status: String,
    pub meeting: DocumentId,
    pub meeting_partner: PartnerId,
    pub meeting_status: Status,
    pub meeting_visibility: mfx_domain::document::Visibility,
    /// The language the meeting note (and so the item) is written in.
    pub meeting_locale: String,
}

pub fn action_item_board(conn: &mut DbConnection) -> Result<Vec<BoardItem>, StoreError> {
    let rows = action_items::table
        .inner_join(documents::table)
        .left_join(partners::table.on(partners::id.nullable().eq(action_items::assignee_partner_id)))
        .order((action_items::due_on.asc(), action_items::id))
        .select((
            action_items::id,
            action_items::title,
            partners::slug.nullable(),
            action_items::due_on,
            action_items::status,
            documents::id,
            documents::partner_id,
            documents::status,
            documents::visibility,
            documents::original_locale,
        ))
        .load::<(String, String, Option<String>, Option<NaiveDate>, String, String, String, String, String, String)>(
            conn,
        )?;
    rows.into_iter()
        .map(|(id, title, assignee, due_on, status, meeting, partner, doc_status, visibility, meeting_locale)| {
            let bad = |what: &str| corrupt("action_items", format!("{what} of {id}"));
            Ok(BoardItem {
                id: id.parse().map_err(|_| bad("id"))?,
                title,
                assignee,
                due_on,
                status,
                meeting: meeting.parse().map_err(|_| bad("meeting"))?,
                meeting_partner: partner.parse().map_err(|_| bad("partner"))?,
                meeting_status: Status::parse(&doc_status).map_err(|_| bad("status"))?,
                meeting_visibility: mfx_domain::document::Visibility::parse(&visibility)
                    .map_err(|_| bad("visibility"))?,
                meeting_locale,
            })
        })
        .collect()
}

/// The facts the indicators are computed from.
pub fn indicator_facts(conn: &mut DbConnection) -> Result<(Vec<DocumentFact>, Vec<ActionFact>), StoreError> {
    let docs = documents::table
        .inner_join(partners::table)
        .select((documents::id, documents::kind, partners::slug, documents::status, documents::details))
        .load::<(String, String, String, String, String)>(conn)?;
    let mut languages: HashMap<String, Vec<Locale>> = HashMap::new();
    for (document, locale) in document_texts::table
        .select((document_texts::document_id, document_texts::locale))
        .load::<(String, String)>(conn)?
    {
        if let Ok(locale) = locale.parse() {
            languages.entry(document).or_default().push(locale);
        }
    }
    let mut facts = Vec::with_capacity(docs.len());
    let mut published_plans: HashMap<String, (String, bool)> = HashMap::new();
    for (id, kind, partner, status, details) in docs {
        let kind = Kind::parse(&kind).ok_or_else(|| corrupt("documents", "kind"))?;
        let status = Status::parse(&status).map_err(|e| corrupt("documents", e.message))?;
        let details: serde_json::Value = serde_json::from_str(&details).unwrap_or_default();
        let meeting_day = details["starts_at"].as_str().and_then(|s| s.get(..10)).and_then(|d| d.parse().ok());
        if kind == Kind::ActionPlan {
            published_plans
                .insert(id.clone(), (partner.clone(), matches!(status, Status::Published | Status::Archived)));
        }
        facts.push(DocumentFact {
            kind,
            partner,
            status,
            meeting_type: details["meeting_type"].as_str().map(str::to_owned),
            meeting_day,
            languages: languages.remove(&id).unwrap_or_default(),
        });
    }
    let actions = plan_actions::table
        .select((plan_actions::document_id, plan_actions::status))
        .load::<(String, String)>(conn)?
        .into_iter()
        .filter_map(|(plan, status)| {
            published_plans.get(&plan).map(|(partner, published)| ActionFact {
                partner: partner.clone(),
                plan_published: *published,
                status,
            })
        })
        .collect();
    Ok((facts, actions))
}
