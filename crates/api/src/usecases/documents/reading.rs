//! Reading documents: one document, lists with filters and cursors, the lineage
//! between practices and action plans, translations and the history.

use super::super::{Error, read};
use super::views::{
    ActionLineage, DocumentItem, DocumentList, LineageAction, PlanLineage, PracticeLineage, RevisionActor,
    RevisionList, RevisionPartner, RevisionView, TranslationList, TranslationView, action_title, item, states,
};
use super::{readable, resource};
use crate::state::AppState;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, NaiveDate, Utc};
use mfx_domain::document::{DocumentId, Kind, Origin, Status};
use mfx_domain::policy::{Action, Actor, ReadScope, permits};
use mfx_domain::{FieldError, Locale, Violations};
use mfx_store::documents::{self, Cursor, DocumentRecord, DocumentSummary, ListFilter};
use mfx_store::pending::Pending;
use mfx_store::{DbConnection, StoreError, partners};
use serde::Deserialize;
use serde_json::Value;
use utoipa::IntoParams;

// ---------------------------------------------------------------- one document

/// The lead partner's comment on the latest return of a document (or of its new version) to
/// draft, as the document's page shows it to who follows its work.
#[derive(Debug)]
pub struct ReturnNote {
    /// Who returned it, by name.
    pub by: String,
    pub at: DateTime<Utc>,
    pub comment: String,
}

/// The revisions that move a document (or its new version) on in its workflow.
const MOVES: [&str; 4] = ["status_changed", "draft_status_changed", "draft_published", "draft_discarded"];

/// The comment of the latest return to draft, for readers allowed the document's trail
/// (`Action::ReadTrail`), as long as the document has not moved on since; `None` otherwise.
pub async fn return_note(
    state: &AppState,
    actor: &Actor,
    record: &DocumentRecord,
) -> Result<Option<ReturnNote>, Error> {
    if !permits(actor, Action::ReadTrail, &resource(&record.summary)) {
        return Ok(None);
    }
    let doc = record.summary.id;
    let revisions = read(state, move |c| documents::revisions(c, doc)).await?;
    let last_move =
        revisions.into_iter().filter(|r| MOVES.contains(&r.action.as_str())).max_by_key(|r| (r.version, r.at));
    Ok(last_move.and_then(|r| {
        let status = &r.changes["status"];
        let returned = status["from"] == Status::InReview.as_str() && status["to"] == Status::Draft.as_str();
        let comment = r.comment.filter(|c| !c.trim().is_empty())?;
        returned.then(|| ReturnNote { by: r.actor.map(|(_, name)| name).unwrap_or_default(), at: r.at, comment })
    }))
}

/// What one read of a document needs, in one trip to the store: the document and, for readers
/// of `scope` who follow its work, what is pending on it.
pub fn load_with_pending(
    id: DocumentId,
    scope: ReadScope,
) -> impl FnOnce(&mut DbConnection) -> Result<Option<(DocumentRecord, Option<Pending>)>, StoreError> + Send + 'static {
    move |c| {
        let Some(record) = documents::find(c, id)? else { return Ok(None) };
        let pending = if scope.sees_trail(record.summary.partner) {
            Some(mfx_store::pending::find(c, id, record.summary.kind)?)
        } else {
            None
        };
        Ok(Some((record, pending)))
    }
}

/// What [`load_with_pending`] found, as `actor` may see it: "not found" unless the actor may
/// read it (and it is of `kind`), the pending work only for who may follow it.
pub fn visible(
    actor: &Actor,
    kind: Option<Kind>,
    found: Option<(DocumentRecord, Option<Pending>)>,
) -> Result<(DocumentRecord, Option<Pending>), Error> {
    let (record, pending) = found.ok_or(Error::NotFound("document"))?;
    if kind.is_some_and(|k| k != record.summary.kind) || !permits(actor, Action::Read, &resource(&record.summary)) {
        return Err(Error::NotFound("document"));
    }
    let pending = pending.filter(|_| permits(actor, Action::ReadTrail, &resource(&record.summary)));
    Ok((record, pending))
}

/// Every language of a document, the original first.
pub async fn translations(
    state: &AppState,
    actor: &Actor,
    kind: Kind,
    id: DocumentId,
) -> Result<TranslationList, Error> {
    let record = readable(state, actor, Some(kind), id).await?;
    let s = &record.summary;
    let mut items: Vec<TranslationView> = states(s)
        .into_iter()
        .filter_map(|state| {
            let locale: Locale = state.language.parse().ok()?;
            let text = s.text(locale)?;
            Some(TranslationView { title: text.texts.title().to_owned(), text: text.texts.to_value(), state })
        })
        .collect();
    items.sort_by_key(|t| t.state.origin != Origin::Original);
    Ok(TranslationList { original_language: s.original_locale.as_str(), content_version: s.content_version, items })
}

/// A document's history: every entry for who follows its work, the publications for others.
pub async fn revisions(state: &AppState, actor: &Actor, kind: Kind, id: DocumentId) -> Result<RevisionList, Error> {
    let record = readable(state, actor, Some(kind), id).await?;
    let doc = record.summary.id;
    let revisions = read(state, move |c| documents::revisions(c, doc)).await?;
    let partner = |p: Option<(String, String)>| p.map(|(partner, name)| RevisionPartner { partner, name });
    if !permits(actor, Action::ReadTrail, &resource(&record.summary)) {
        // The published versions only: when, which version, which partner published it.
        return Ok(RevisionList {
            items: revisions
                .into_iter()
                .filter(documents::RevisionRecord::is_publication)
                .map(|r| RevisionView {
                    version: r.version,
                    at: r.at,
                    actor: None,
                    partner: partner(r.partner),
                    former_member: false,
                    action: "published".into(),
                    language: r.locale.map(Locale::as_str),
                    changes: Value::Object(serde_json::Map::new()),
                    comment: None,
                })
                .collect(),
        });
    }
    Ok(RevisionList {
        items: revisions
            .into_iter()
            .map(|r| RevisionView {
                version: r.version,
                at: r.at,
                actor: r.actor.map(|(id, display_name)| RevisionActor { id, display_name }),
                partner: partner(r.partner),
                former_member: r.former_member,
                action: r.action,
                language: r.locale.map(Locale::as_str),
                changes: r.changes,
                comment: r.comment,
            })
            .collect(),
    })
}

// ---------------------------------------------------------------- lists

/// The filters of a list as a query gives them (`?partner=…&status=…`); [`ListQuery::filter`]
/// checks them.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// The reader's language for titles and summaries (fallback: English, then the original).
    #[param(value_type = Option<Locale>)]
    pub lang: Option<String>,
    /// Only documents of this partner (slug); 404 if no partner has it.
    #[param(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 64)]
    pub partner: Option<String>,
    /// Only documents with this theme code.
    #[param(value_type = Option<mfx_domain::vocabulary::Theme>)]
    pub theme: Option<String>,
    /// draft, in_review, published or archived.
    #[param(value_type = Option<mfx_domain::document::Status>)]
    pub status: Option<String>,
    /// Only documents changed at or after this time (RFC 3339).
    #[param(format = DateTime)]
    pub updated_since: Option<String>,
    /// `next_cursor` of the previous page.
    #[param(pattern = "^[A-Za-z0-9_-]{32}$")]
    pub cursor: Option<String>,
    /// 1 to 100; 50 by default.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

/// Which documents a list shows, checked.
#[derive(Debug, Clone)]
pub struct DocumentFilter {
    /// A partner's slug (not found if no partner has it).
    pub partner: Option<String>,
    pub theme: Option<String>,
    pub status: Option<Status>,
    pub updated_since: Option<DateTime<Utc>>,
    /// The position after which the page starts.
    pub after: Option<Cursor>,
    /// 1 to 100.
    pub limit: i64,
}

/// Page size from a `limit`: 1 to 100, `default` when absent.
pub fn page_limit(limit: Option<u32>, default: i64) -> Result<i64, Error> {
    match limit {
        None => Ok(default),
        Some(n @ 1..=100) => Ok(i64::from(n)),
        Some(_) => Err(Error::field("limit", "out_of_range", "limit is from 1 to 100")),
    }
}

impl ListQuery {
    /// The filters, each checked; every wrong one is reported.
    pub fn filter(&self) -> Result<DocumentFilter, Error> {
        let limit = page_limit(self.limit, 50)?;
        let mut v = Violations::new();
        let status = self.status.as_deref().and_then(|s| v.check("status", Status::parse(s)));
        if let Some(theme) = &self.theme {
            mfx_domain::vocabulary::check_code("theme", theme, mfx_domain::vocabulary::THEMES, &mut v);
        }
        let updated_since = self.updated_since.as_deref().and_then(|t| match DateTime::parse_from_rfc3339(t) {
            Ok(at) => Some(at.with_timezone(&Utc)),
            Err(_) => {
                v.push(FieldError::new(
                    "updated_since",
                    "invalid_time",
                    "an RFC 3339 time such as 2026-01-31T08:00:00Z",
                ));
                None
            }
        });
        let after = match self.cursor.as_deref() {
            Some(raw) => {
                let cursor = decode_cursor(raw);
                if cursor.is_none() {
                    v.push(FieldError::new("cursor", "invalid_cursor", "use next_cursor from a previous page"));
                }
                cursor
            }
            None => None,
        };
        v.into_result()?;
        Ok(DocumentFilter {
            partner: self.partner.clone(),
            theme: self.theme.clone(),
            status,
            updated_since,
            after,
            limit,
        })
    }
}

/// The position after a document in a list: its update time in microseconds (8 bytes, big
/// endian) and its id (16 bytes), base64url: always 32 characters. Every such text is a
/// position, so a cursor is refused only when it does not have that form.
fn encode_cursor(summary: &DocumentSummary) -> String {
    let mut bytes = [0u8; 24];
    bytes[..8].copy_from_slice(&summary.updated_at.timestamp_micros().to_be_bytes());
    bytes[8..].copy_from_slice(summary.id.as_uuid().as_bytes());
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The pattern of a cursor, as the OpenAPI document states it.
pub const CURSOR_PATTERN: &str = "^[A-Za-z0-9_-]{32}$";

fn decode_cursor(raw: &str) -> Option<Cursor> {
    if raw.len() != 32 {
        return None;
    }
    let bytes: [u8; 24] = URL_SAFE_NO_PAD.decode(raw).ok()?.try_into().ok()?;
    let mut micros = [0u8; 8];
    micros.copy_from_slice(&bytes[..8]);
    let mut id = [0u8; 16];
    id.copy_from_slice(&bytes[8..]);
    // Positions outside the years both databases store are the same as the nearest end.
    let earliest = DateTime::<Utc>::UNIX_EPOCH.timestamp_micros();
    let latest = NaiveDate::from_ymd_opt(9999, 12, 31)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map_or(i64::MAX, |d| d.and_utc().timestamp_micros());
    let updated_at = DateTime::from_timestamp_micros(i64::from_be_bytes(micros).clamp(earliest, latest))?.naive_utc();
    Some(Cursor { updated_at, id: uuid::Uuid::from_bytes(id).to_string() })
}

/// A page of the documents `actor` may read, in the `requested` language.
pub async fn list(
    state: &AppState,
    actor: &Actor,
    kind: Option<Kind>,
    filter: DocumentFilter,
    requested: Locale,
) -> Result<DocumentList, Error> {
    let DocumentFilter { partner, theme, status, updated_since, after, limit } = filter;
    // A partner that does not exist is not found, as at `/partners/{slug}`.
    let partner = match partner {
        Some(slug) => {
            Some(read(state, move |c| partners::find_by_slug(c, &slug)).await?.ok_or(Error::NotFound("partner"))?.id)
        }
        None => None,
    };
    let filter = ListFilter { kind, partner, theme, status, updated_since };
    let scope = ReadScope::of(actor);
    let mut page = read(state, move |c| documents::list(c, &filter, scope, after.as_ref(), limit + 1)).await?;
    let more = page.len() > usize::try_from(limit).unwrap_or(50);
    page.truncate(usize::try_from(limit).unwrap_or(50));
    let next_cursor = if more { page.last().map(encode_cursor) } else { None };
    Ok(DocumentList { items: page.iter().map(|s| item(s, requested)).collect::<Result<_, _>>()?, next_cursor })
}

mfx_domain::code_schema!(
    /// A kind of document, as a filter: its name or its collection's.
    KindFilter,
    ["practice", "meeting_note", "action_plan", "practices", "meeting-notes", "action-plans"]
);

// ---------------------------------------------------------------- lineage

/// A practice and the actions of action plans it inspired (those `actor` may read).
pub async fn practice_lineage(
    state: &AppState,
    actor: &Actor,
    id: DocumentId,
    requested: Locale,
) -> Result<PracticeLineage, Error> {
    let record = readable(state, actor, Some(Kind::Practice), id).await?;
    let practice = record.summary.id;
    let (links, plans) = read(state, move |c| {
        let links = documents::inspired_by_practice(c, practice)?;
        let mut plan_ids: Vec<DocumentId> = links.iter().map(|l| l.plan).collect();
        plan_ids.dedup();
        Ok((links, documents::summaries(c, &plan_ids)?))
    })
    .await?;
    let mut inspired = Vec::new();
    for link in links {
        let Some(plan) = plans.iter().find(|p| p.id == link.plan) else { continue };
        if !permits(actor, Action::Read, &resource(plan)) {
            continue;
        }
        inspired.push(LineageAction {
            action_id: link.action,
            title: action_title(plan, requested, link.position),
            status: link.action_status,
            progress_percent: link.progress_percent,
            plan: item(plan, requested)?,
        });
    }
    Ok(PracticeLineage { practice: item(&record.summary, requested)?, inspired })
}

/// An action plan's actions (or only `action`) and the practices that inspired each.
pub async fn plan_lineage(
    state: &AppState,
    actor: &Actor,
    id: DocumentId,
    action: Option<uuid::Uuid>,
    requested: Locale,
) -> Result<PlanLineage, Error> {
    let record = readable(state, actor, Some(Kind::ActionPlan), id).await?;
    if let Some(action) = action
        && !record.actions.iter().any(|a| a.id == action)
    {
        return Err(Error::NotFound("action"));
    }
    let plan = record.summary.id;
    let (links, practices) = read(state, move |c| {
        let links = documents::inspirations_of_plan(c, plan, action)?;
        let ids: Vec<DocumentId> = links.iter().map(|l| l.practice).collect();
        Ok((links, documents::summaries(c, &ids)?))
    })
    .await?;
    let mut actions = Vec::new();
    for (position, a) in record.actions.iter().enumerate() {
        if action.is_some_and(|wanted| wanted != a.id) {
            continue;
        }
        let mut inspired_by: Vec<DocumentItem> = Vec::new();
        for link in links.iter().filter(|l| l.action == a.id) {
            if let Some(p) = practices.iter().find(|p| p.id == link.practice)
                && permits(actor, Action::Read, &resource(p))
            {
                inspired_by.push(item(p, requested)?);
            }
        }
        actions.push(ActionLineage {
            action_id: a.id,
            title: action_title(&record.summary, requested, i32::try_from(position).unwrap_or(0)),
            status: a.status.clone(),
            progress_percent: a.progress_percent,
            inspired_by,
        });
    }
    Ok(PlanLineage { plan: item(&record.summary, requested)?, actions })
}
