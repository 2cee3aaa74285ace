//! Pages that write: the create and edit forms of each kind and workflow moves. Forms post,
//! and a success redirects (303) to the document; invalid input shows the form again with each
//! error next to its field. The fields drawn and read come from the kind's description
//! (`form_fields`); the translation editor is in `translate`.

use super::conflict::{self, Comparison, Names};
use super::extract::{CheckedForm, DocPath, KindPath, Member, Pairs};
use super::form_fields::{FormSection, form_from_value, sections, to_json};
use super::form_state::{FormState, on_rows, violations_to_form};
use super::{Page, html, notice, render, respond, see_other};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::documents::{self as service, TransitionInput};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::content::DocumentInput;
use mfx_domain::document::{DocumentId, Kind};
use mfx_domain::fields::{ACTION_STATUS, FieldType, ITEM_STATUS};
use mfx_domain::merge::{self, Merge, Parts, Snapshot};
use mfx_domain::{Error, Violations};
use mfx_store::documents::DocumentRecord;
use serde_json::{Value, json};
use std::collections::HashMap;

/// Parses and checks a form's document; every problem is reported, the form's own and the
/// domain's together.
fn checked_input(kind: Kind, mut value: Value, mut unreadable: Violations) -> Result<(DocumentInput, Value), ApiError> {
    let input = DocumentInput::from_value(kind, value.clone());
    let problems = match &input {
        Ok(input) => input.clone().validate().err(),
        Err(v) => Some(v.clone()),
    };
    match (input, problems) {
        (Ok(input), None) if unreadable.is_empty() => {
            if let Some(object) = value.as_object_mut() {
                object.remove("language");
            }
            Ok((input, value))
        }
        (_, problems) => {
            for problem in problems.iter().flat_map(|p| p.iter()) {
                unreadable.push(problem.clone());
            }
            Err(ApiError::invalid(unreadable))
        }
    }
}

/// A document's stored form, as every comparison sees it: validated and written back the way
/// an edit stores it.
fn canonical(kind: Kind, value: Value) -> Value {
    let content = DocumentInput::from_value(kind, value.clone()).ok().and_then(|input| input.validate().ok());
    let Some(c) = content else { return value };
    DocumentInput::from_stored(kind, c.visibility, &c.themes, &c.details, &c.text, &c.action_items, &c.actions)
        .map_or(value, |input| input.to_value())
}

/// The stored document, in its canonical form.
fn stored_value(record: &DocumentRecord) -> Result<Value, ApiError> {
    let input = record.stored_input().map_err(ApiError::from)?;
    Ok(canonical(record.summary.kind, input.to_value()))
}

#[derive(Template)]
#[template(path = "doc_form.html")]
pub struct DocumentForm<'a> {
    pub page: &'a Page,
    pub kind: Kind,
    pub action: String,
    pub creating: bool,
    pub version: i64,
    pub form: FormState,
    pub partners: Vec<mfx_domain::Partner>,
    /// Practices to cite: id, label, language of the label.
    pub practices: Vec<(String, String, String)>,
    /// The fieldsets of the kind's fields, from its description.
    pub sections: Vec<FormSection>,
    pub item_rows: Vec<usize>,
    pub action_rows: Vec<usize>,
    /// The translated fields of each plan action: form name, label, and whether multi-line.
    pub action_texts: Vec<(&'static str, String, bool)>,
    pub item_statuses: &'static [&'static str],
    pub action_statuses: &'static [&'static str],
    /// What someone else changed meanwhile, when the save met their changes.
    pub comparisons: Vec<Comparison>,
    pub conflict_intro: String,
}

/// A merge that met someone else's changes, to show beside the form.
struct Conflict<'a> {
    outcome: &'a Merge,
    yours: &'a Parts,
    current: &'a Parts,
    content_lang: String,
}

/// Practices an action may cite: the published ones, and any already cited (labelled without
/// their title when the reader may not see them), so that saving keeps every citation.
pub(super) async fn practice_options(
    state: &AppState,
    page: &Page,
    cited: Vec<DocumentId>,
) -> Result<Vec<(String, String, String)>, ApiError> {
    let query = service::ListQuery {
        lang: Some(page.lang.to_string()),
        partner: None,
        theme: None,
        status: Some("published".into()),
        updated_since: None,
        cursor: None,
        limit: Some(100),
    };
    let maybe = crate::auth::MaybeUser(page.user.clone());
    let partners = state.read(mfx_store::partners::list).await?;
    let name = |slug: &str| super::pages::partner_name(&partners, slug);
    let mut options: Vec<(String, String, String)> =
        service::list(state, &maybe.actor(), Some(Kind::Practice), query.filter()?, page.lang)
            .await?
            .items
            .into_iter()
            .map(|i| (i.id.to_string(), format!("{} ({})", i.title, name(&i.partner)), i.language.to_owned()))
            .collect();
    let missing: Vec<DocumentId> =
        cited.into_iter().filter(|id| !options.iter().any(|(known, _, _)| *known == id.to_string())).collect();
    if missing.is_empty() {
        return Ok(options);
    }
    let summaries = state.read(move |c| mfx_store::documents::summaries(c, &missing)).await?;
    let actor = maybe.actor();
    for summary in &summaries {
        let resource = mfx_domain::policy::Resource::Document {
            owner: summary.partner,
            status: summary.status,
            visibility: summary.visibility,
        };
        let readable = mfx_domain::policy::permits(&actor, mfx_domain::policy::Action::Read, &resource);
        let option = match service::item(summary, page.lang) {
            Ok(item) if readable => {
                (summary.id.to_string(), format!("{} ({})", item.title, name(&item.partner)), item.language.to_owned())
            }
            _ => (summary.id.to_string(), page.t("conflict-practice-hidden"), page.lang.to_string()),
        };
        options.push(option);
    }
    Ok(options)
}

/// The practices a form or a stored form cites.
fn cited_practices(form: &FormState, values: &[&Value]) -> Vec<DocumentId> {
    let mut ids: Vec<DocumentId> = form
        .values
        .iter()
        .filter(|(name, _)| name.starts_with("action-") && name.ends_with("-inspired_by"))
        .filter_map(|(_, id)| id.parse().ok())
        .collect();
    for value in values {
        for action in value["actions"].as_array().into_iter().flatten() {
            ids.extend(
                action["inspired_by"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|id| id.as_str()?.parse::<DocumentId>().ok()),
            );
        }
    }
    ids.sort_unstable_by_key(ToString::to_string);
    ids.dedup();
    ids
}

#[expect(clippy::too_many_arguments, reason = "the form's context, its values and what met them")]
async fn form_page(
    state: &AppState,
    page: &Page,
    kind: Kind,
    action: String,
    creating: bool,
    version: i64,
    form: FormState,
    conflict: Option<Conflict<'_>>,
) -> Result<String, ApiError> {
    let partners = state.read(mfx_store::partners::list).await?;
    let practices = if kind == Kind::ActionPlan {
        let stored: Vec<&Value> = conflict
            .as_ref()
            .map(|c| {
                [c.yours.get("actions"), c.current.get("actions")]
                    .into_iter()
                    .flatten()
                    .filter_map(|a| a.get(0))
                    .collect()
            })
            .unwrap_or_default();
        let wrapped: Vec<Value> = stored.iter().map(|actions| json!({ "actions": actions })).collect();
        practice_options(state, page, cited_practices(&form, &wrapped.iter().collect::<Vec<_>>())).await?
    } else {
        Vec::new()
    };
    let comparisons = match &conflict {
        Some(c) => {
            let names = Names {
                page,
                content_lang: c.content_lang.clone(),
                partners: partners.iter().map(|p| (p.profile.slug.to_string(), p.profile.short_name.clone())).collect(),
                practices: practices
                    .iter()
                    .map(|(id, label, _)| (id.clone(), label.clone()))
                    .collect::<HashMap<_, _>>(),
            };
            conflict::comparisons(&names, c.outcome, c.yours, c.current)
        }
        None => Vec::new(),
    };
    // A meeting note offers three empty action-item rows, or one more than were posted when
    // "Add another action item" was pressed.
    let adding_item = form.values.iter().any(|(name, _)| name == "add_item");
    let item_rows = (0..form.rows("item") + if adding_item { 1 } else { 3 }).collect();
    let action_rows = (0..form.rows("action") + 1).collect();
    let action_texts = kind
        .translated_records()
        .map(|list| {
            let texts = list.children().iter().filter(|c| c.translatable);
            texts.map(|c| (c.form, page.t(c.label), c.ty == FieldType::Markdown)).collect()
        })
        .unwrap_or_default();
    render(&DocumentForm {
        page,
        kind,
        action,
        creating,
        version,
        form,
        partners,
        practices,
        sections: sections(page, kind, creating),
        item_rows,
        action_rows,
        action_texts,
        item_statuses: ITEM_STATUS.codes,
        action_statuses: ACTION_STATUS.codes,
        comparisons,
        conflict_intro: page.t("conflict-intro-document"),
    })
}

fn new_title(kind: Kind) -> String {
    format!("new-{}", kind.as_str())
}

/// Whether the form was posted by "Add another action" or "Add another action item": it comes
/// back with one more empty row and everything typed kept, nothing saved (the rows drawn are
/// those posted, plus one).
fn adds_a_row(form: &FormState) -> bool {
    form.values.iter().any(|(name, _)| name == "add_action" || name == "add_item")
}

/// Whether the user may write new documents at all (a viewer may not).
fn may_create(user: &CurrentUser) -> bool {
    mfx_domain::policy::permits(
        &user.actor(),
        mfx_domain::policy::Action::Create,
        &mfx_domain::policy::Resource::Documents,
    )
}

pub async fn new_form(state: web::Data<AppState>, req: HttpRequest, path: KindPath, member: Member) -> HttpResponse {
    let KindPath { lang, kind, collection } = path;
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled(&new_title(kind));
        // Refused before anything is typed: the translated "not allowed" page.
        if !may_create(&user) {
            return Err(ApiError::forbidden());
        }
        let mut form = FormState::default();
        let own = user.record.account.partner;
        let partner = state.read(move |c| mfx_store::partners::find(c, own)).await?;
        form.set("language", partner.map(|p| p.profile.locale.to_string()).unwrap_or_default());
        form.set("visibility", "partnership");
        if kind == Kind::MeetingNote {
            form.set("time_zone", user.record.account.time_zone.to_string());
            form.set("meeting_type", "stakeholder_meeting");
        }
        let action = format!("/{lang}/{collection}/new");
        let body = form_page(&state, &page, kind, action, true, 0, form, None).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

pub async fn create(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: KindPath,
    member: Member,
    CheckedForm(posted): CheckedForm<Pairs>,
) -> HttpResponse {
    let KindPath { lang, kind, collection } = path;
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled(&new_title(kind));
        let mut form = FormState { values: posted.0, ..FormState::default() };
        if adds_a_row(&form) && may_create(&user) {
            let body = form_page(&state, &page, kind, format!("/{lang}/{collection}/new"), true, 0, form, None).await?;
            return Ok(html(StatusCode::OK, body, cookies));
        }
        let (mut value, unreadable, rows) = to_json(kind, &form);
        if let Some(object) = value.as_object_mut() {
            object.insert("language".into(), Value::String(form.value("language")));
        }
        let outcome = match checked_input(kind, value, unreadable) {
            _ if !may_create(&user) => Err(ApiError::forbidden()),
            Ok((input, _)) => service::create(&state, user.member(), input).await.map_err(ApiError::from),
            Err(error) => Err(error),
        };
        match outcome {
            Ok(record) => {
                let mut cookies = cookies;
                cookies.push(notice("notice-created"));
                Ok(see_other(&format!("/{lang}/{collection}/{}", record.summary.id), cookies))
            }
            Err(ApiError::Domain(Error::Invalid(violations))) => {
                violations_to_form(&page, kind, &on_rows(&violations, &rows), &mut form);
                let action = format!("/{lang}/{collection}/new");
                let body = form_page(&state, &page, kind, action, true, 0, form, None).await?;
                Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies))
            }
            // A session that lost the right to write: the form again, everything typed kept.
            Err(ApiError::Domain(Error::Forbidden)) => {
                form.general = Some(page.t("form-refused"));
                let action = format!("/{lang}/{collection}/new");
                let body = form_page(&state, &page, kind, action, true, 0, form, None).await?;
                Ok(html(StatusCode::FORBIDDEN, body, cookies))
            }
            Err(other) => Err(other),
        }
    })
    .await
}

/// The document to edit, if the user may edit it.
async fn editable(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: DocumentId,
) -> Result<DocumentRecord, ApiError> {
    // A published document is edited through its pending draft, when it has one.
    let record = crate::usecases::review::editable(state, &user.actor(), kind, id).await?;
    let s = &record.summary;
    let resource =
        mfx_domain::policy::Resource::Document { owner: s.partner, status: s.status, visibility: s.visibility };
    if !mfx_domain::policy::permits(&user.actor(), mfx_domain::policy::Action::Update, &resource) {
        return Err(ApiError::forbidden());
    }
    Ok(record)
}

pub async fn edit_form(state: web::Data<AppState>, req: HttpRequest, path: DocPath, member: Member) -> HttpResponse {
    let DocPath { lang, kind, collection, id } = path;
    respond(&state, &req, lang, async {
        let (mut page, cookies, user) = member.titled("edit-title");
        let record = editable(&state, &user, kind, id).await?;
        let s = &record.summary;
        page.title = page.t1("edit-of", "title", s.original().map(|t| t.texts.title()).unwrap_or_default());
        let stored = stored_value(&record)?;
        let mut form = form_from_value(kind, &stored);
        form.set("base", Snapshot::of(&merge::document_parts(&stored)).encode());
        let action = format!("/{lang}/{collection}/{id}/edit");
        let body = form_page(&state, &page, kind, action, false, s.version, form, None).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// How many times a save is merged again when yet another save came in between.
pub(super) const MERGE_ATTEMPTS: usize = 3;

/// Saves an edit made from the version the form carries: what the editor changed is merged
/// into what is stored now (see `mfx_domain::merge`) and saved against that version, so a save
/// that comes in between is merged again, never overwritten. Parts both changed come back as a
/// comparison (409); a save from that comparison overwrites only what it showed.
pub async fn edit(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: DocPath,
    member: Member,
    CheckedForm(posted): CheckedForm<Pairs>,
) -> HttpResponse {
    let DocPath { lang, kind, collection, id } = path;
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("edit-title");
        let mut form = FormState { values: posted.0, ..FormState::default() };
        let action = format!("/{lang}/{collection}/{id}");
        let edit_action = format!("{action}/edit");
        let posted_version: i64 = form.value("version").parse().unwrap_or(0);
        if adds_a_row(&form) {
            editable(&state, &user, kind, id).await?;
            let body = form_page(&state, &page, kind, edit_action, false, posted_version, form, None).await?;
            return Ok(html(StatusCode::OK, body, cookies));
        }
        let (value, unreadable, rows) = to_json(kind, &form);
        let yours = match checked_input(kind, value, unreadable) {
            Ok((_, value)) => canonical(kind, value),
            Err(ApiError::Domain(Error::Invalid(violations))) => {
                violations_to_form(&page, kind, &on_rows(&violations, &rows), &mut form);
                let body = form_page(&state, &page, kind, edit_action, false, posted_version, form, None).await?;
                return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies));
            }
            Err(other) => return Err(other),
        };
        let yours = merge::document_parts(&yours);
        let keep = conflict::kept_theirs(&form.values);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let record = editable(&state, &user, kind, id).await?;
            let version = record.summary.version;
            let current = merge::document_parts(&stored_value(&record)?);
            // A form of the current version started from what is stored now.
            let base =
                if posted_version == version { Snapshot::of(&current) } else { Snapshot::decode(&form.value("base")) };
            let outcome = merge::merge(&base, &yours, &current, &keep);
            let merged = merge::document_from_parts(&outcome.parts);
            let (status, errors) = if outcome.is_clean() {
                match service::edit(&state, user.member(), kind, id, version, &merged).await.map_err(ApiError::from) {
                    Ok(_) => {
                        let mut cookies = cookies;
                        cookies.push(notice(if outcome.kept.is_empty() {
                            "notice-saved"
                        } else {
                            "notice-saved-merged"
                        }));
                        return Ok(see_other(&action, cookies));
                    }
                    Err(ApiError::Domain(Error::StaleVersion { .. })) if attempt < MERGE_ATTEMPTS => continue,
                    Err(ApiError::Domain(Error::StaleVersion { .. })) => (StatusCode::CONFLICT, None),
                    Err(ApiError::Domain(Error::Invalid(violations))) => {
                        (StatusCode::UNPROCESSABLE_ENTITY, Some(violations))
                    }
                    Err(other) => return Err(other),
                }
            } else {
                (StatusCode::CONFLICT, None)
            };
            // The form again, from the merge, against the version it was made with.
            let mut again = form_from_value(kind, &merged);
            again.set("base", Snapshot::of(&current).encode());
            match errors {
                Some(violations) => violations_to_form(&page, kind, &violations, &mut again),
                None => again.general = Some(page.t("conflict-alert")),
            }
            let conflict = Conflict {
                outcome: &outcome,
                yours: &yours,
                current: &current,
                content_lang: record.summary.original_locale.to_string(),
            };
            let body = form_page(&state, &page, kind, edit_action, false, version, again, Some(conflict)).await?;
            return Ok(html(status, body, cookies));
        }
    })
    .await
}

#[derive(Debug, serde::Deserialize)]
pub struct MoveForm {
    #[serde(default)]
    to: String,
    #[serde(default)]
    comment: Option<String>,
    #[serde(default)]
    version: Option<i64>,
}

pub async fn transition(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: DocPath,
    member: Member,
    CheckedForm(form): CheckedForm<MoveForm>,
) -> HttpResponse {
    let DocPath { lang, kind, collection, id } = path;
    respond(&state, &req, lang, async {
        let (_, mut cookies, user) = member.titled("document-title");
        let input = TransitionInput { to: form.to, comment: form.comment };
        match service::move_document(&state, user.member(), kind, id, input, form.version).await.map_err(ApiError::from)
        {
            Ok(_) => cookies.push(notice("notice-moved")),
            Err(ApiError::Domain(Error::Invalid(_))) => cookies.push(notice("notice-move-needs-comment")),
            Err(ApiError::Domain(Error::StaleVersion { .. })) => cookies.push(notice("notice-changed-meanwhile")),
            Err(other) => return Err(other),
        }
        Ok(see_other(&format!("/{lang}/{collection}/{id}"), cookies))
    })
    .await
}
