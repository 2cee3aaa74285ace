//! The side-by-side translation editor: every translated field of the kind (from its
//! description) with the original beside it, saved and merged like a document edit.

use super::conflict::{self, Comparison, Names};
use super::extract::{CheckedForm, DocPath, Member, Pairs, Target};
use super::form_state::{FormState, violations_to_form};
use super::forms::MERGE_ATTEMPTS;
use super::{Page, html, notice, render, respond, see_other};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::documents::{self as service, TranslationInput};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::document::{DocumentId, Kind, Origin};
use mfx_domain::fields::FieldType;
use mfx_domain::merge::{self, Parts, Snapshot};
use mfx_domain::{Error, Locale};
use mfx_store::documents::DocumentRecord;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// One field of the side-by-side editor.
pub struct TranslateField {
    pub name: String,
    pub label: String,
    pub original: String,
    pub value: String,
    pub multiline: bool,
    /// The original changed since the translation was made.
    pub outdated: bool,
    pub error: Option<String>,
}

#[derive(Template)]
#[template(path = "translate.html")]
pub struct TranslatePage<'a> {
    pub page: &'a Page,
    pub collection: String,
    pub id: String,
    pub target: Locale,
    pub original_language: String,
    pub title: String,
    pub fields: Vec<TranslateField>,
    pub origin: String,
    pub general: Option<String>,
    /// The translation's version the form was made from, and the fingerprints of its values.
    pub version: i64,
    pub base: String,
    pub comparisons: Vec<Comparison>,
    pub conflict_intro: String,
}

/// The form field of a translation part (`actions.1.title` → `action-1-title`).
fn translation_field(kind: Kind, part: &str) -> String {
    let row = kind.translated_records().and_then(|list| {
        let (n, field) = part.strip_prefix(list.name)?.strip_prefix('.')?.split_once('.')?;
        Some(format!("{}-{n}-{field}", list.form))
    });
    row.unwrap_or_else(|| part.to_owned())
}

/// A translation's texts as the editor shows them: every translated field of the kind, and of
/// each of its records (a plan's actions), read through `get` (by form field name).
fn translation_texts(kind: Kind, records: usize, get: impl Fn(&str) -> String) -> Value {
    let mut text = Map::new();
    for field in kind.text_fields() {
        text.insert(field.name.to_owned(), Value::String(get(field.form)));
    }
    if let Some(list) = kind.translated_records() {
        let rows: Vec<Value> = (0..records)
            .map(|n| {
                let mut row = Map::new();
                for child in list.children().iter().filter(|c| c.translatable) {
                    row.insert(child.name.to_owned(), Value::String(get(&format!("{}-{n}-{}", list.form, child.form))));
                }
                Value::Object(row)
            })
            .collect();
        text.insert(list.name.to_owned(), Value::Array(rows));
    }
    Value::Object(text)
}

/// The parts of a translation as stored now (empty when there is none yet), and its version.
fn stored_translation(record: &DocumentRecord, target: Locale) -> (Parts, i64) {
    let s = &record.summary;
    let existing = s.text(target);
    let stored = existing.map(|t| t.texts.to_value()).unwrap_or(Value::Null);
    let list = s.kind.translated_records().map(|l| (l.name, format!("{}-", l.form)));
    let texts = translation_texts(s.kind, record.actions.len(), |name| {
        let row = list.as_ref().and_then(|(list, prefix)| {
            let (n, field) = name.strip_prefix(prefix.as_str())?.split_once('-')?;
            Some(&stored[*list][n.parse::<usize>().ok()?][field])
        });
        row.unwrap_or(&stored[name]).as_str().unwrap_or_default().to_owned()
    });
    let mut parts = merge::translation_parts(&texts);
    let origin = existing.map_or(Origin::Human, |t| t.origin);
    parts.insert("origin".into(), Value::String(origin.as_str().to_owned()));
    (parts, existing.map_or(0, |t| t.version))
}

/// Form values from a translation's parts.
fn translation_form(kind: Kind, parts: &Parts) -> FormState {
    let mut form = FormState::default();
    for (part, value) in parts {
        form.set(&translation_field(kind, part), value.as_str().unwrap_or_default());
    }
    form
}

async fn translate_view(
    state: &AppState,
    page: &Page,
    record: &DocumentRecord,
    collection: &str,
    target: Locale,
    form: &FormState,
    comparisons: Vec<Comparison>,
) -> Result<String, ApiError> {
    let s = &record.summary;
    let original = s.original().ok_or_else(|| ApiError::internal("no original"))?;
    let existing = s.text(target);
    // Fields of the original changed after the translation was last saved.
    let mut changed: Vec<String> = Vec::new();
    if let Some(existing) = existing {
        let doc = s.id;
        let revisions = state.read(move |c| mfx_store::documents::revisions(c, doc)).await?;
        for revision in revisions.iter().filter(|r| r.action == "edited" && r.at > existing.updated_at) {
            for key in revision.changes.as_object().map(|o| o.keys().cloned().collect::<Vec<_>>()).unwrap_or_default() {
                if let Some(field) = key.strip_prefix("text.") {
                    changed.push(field.to_owned());
                }
            }
        }
    }
    let outdated_all = existing.is_some_and(|t| t.source_version < s.content_version);
    let original_value = original.texts.to_value();
    let mut fields = Vec::new();
    let mut push = |name: String, label: String, from: &Value, multiline: bool, changed_key: &str| {
        let value = form.value(&name);
        let error = form.error(&name);
        let outdated =
            existing.is_some() && outdated_all && (changed.iter().any(|c| c == changed_key) || changed.is_empty());
        fields.push(TranslateField {
            name,
            label,
            original: from.as_str().unwrap_or_default().to_owned(),
            value,
            multiline,
            outdated,
            error,
        });
    };
    for field in s.kind.text_fields() {
        let multiline = field.ty == FieldType::Markdown;
        push(field.form.to_owned(), page.t(field.label), &original_value[field.name], multiline, field.name);
    }
    if let Some(list) = s.kind.translated_records() {
        for n in 0..record.actions.len() {
            for child in list.children().iter().filter(|c| c.translatable) {
                let label = format!("{} {} · {}", page.t("field-action"), n + 1, page.t(child.label));
                push(
                    format!("{}-{n}-{}", list.form, child.form),
                    label,
                    &original_value[list.name][n][child.name],
                    child.ty == FieldType::Markdown,
                    list.name,
                );
            }
        }
    }
    let origin = Some(form.value("origin")).filter(|o| !o.is_empty()).unwrap_or_else(|| "human".into());
    render(&TranslatePage {
        page,
        collection: collection.to_owned(),
        id: s.id.to_string(),
        target,
        original_language: s.original_locale.to_string(),
        title: original.texts.title().to_owned(),
        fields,
        origin,
        general: form.general.clone(),
        version: form.value("version").parse().unwrap_or(0),
        base: form.value("base"),
        comparisons,
        conflict_intro: page.t("conflict-intro-translation"),
    })
}

async fn load_for_translation(
    state: &AppState,
    user: &CurrentUser,
    kind: Kind,
    id: DocumentId,
    target: Locale,
) -> Result<(DocumentRecord, Locale), ApiError> {
    // A published document is edited through its pending draft, when it has one.
    let record = crate::usecases::review::editable(state, &user.actor(), kind, id).await?;
    let s = &record.summary;
    let resource =
        mfx_domain::policy::Resource::Document { owner: s.partner, status: s.status, visibility: s.visibility };
    if !mfx_domain::policy::permits(&user.actor(), mfx_domain::policy::Action::Translate, &resource) {
        return Err(ApiError::forbidden());
    }
    if target == s.original_locale {
        return Err(ApiError::not_found("translation"));
    }
    Ok((record, target))
}

pub async fn translate_form(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: DocPath,
    Target(target): Target,
    member: Member,
) -> HttpResponse {
    let DocPath { lang, kind, collection, id } = path;
    respond(&state, &req, lang, async {
        let (mut page, cookies, user) = member.titled("translate-title");
        let (record, target) = load_for_translation(&state, &user, kind, id, target).await?;
        page.title = page.t1("translate-into", "language", &page.language_name(target.as_str()));
        let (stored, version) = stored_translation(&record, target);
        let mut form = translation_form(kind, &stored);
        form.set("version", version.to_string());
        form.set("base", Snapshot::of(&stored).encode());
        let body = translate_view(&state, &page, &record, &collection, target, &form, Vec::new()).await?;
        Ok::<_, ApiError>(html(StatusCode::OK, body, cookies))
    })
    .await
}

/// Saves a translation made from the version the form carries, merged like a document edit.
pub async fn translate(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: DocPath,
    Target(target): Target,
    member: Member,
    CheckedForm(posted): CheckedForm<Pairs>,
) -> HttpResponse {
    let DocPath { lang, kind, collection, id } = path;
    respond(&state, &req, lang, async {
        let (mut page, cookies, user) = member.titled("translate-title");
        let mut form = FormState { values: posted.0, ..FormState::default() };
        let posted_version: i64 = form.value("version").parse().unwrap_or(0);
        let keep = conflict::kept_theirs(&form.values);
        let mut attempt = 0;
        loop {
            attempt += 1;
            let (record, target) = load_for_translation(&state, &user, kind, id, target).await?;
            page.title = page.t1("translate-into", "language", &page.language_name(target.as_str()));
            let texts = translation_texts(kind, record.actions.len(), |name| form.value(name));
            let mut yours = merge::translation_parts(&texts);
            let origin = if form.value("origin") == Origin::Machine.as_str() { "machine" } else { "human" };
            yours.insert("origin".into(), Value::String(origin.into()));
            let (current, version) = stored_translation(&record, target);
            let base =
                if posted_version == version { Snapshot::of(&current) } else { Snapshot::decode(&form.value("base")) };
            let outcome = merge::merge(&base, &yours, &current, &keep);
            let mut merged = outcome.parts.clone();
            let origin = merged.remove("origin").and_then(|o| o.as_str().map(str::to_owned)).unwrap_or_default();
            let input = TranslationInput { origin, text: merge::translation_from_parts(&merged) };
            let names = Names {
                page: &page,
                content_lang: target.to_string(),
                partners: HashMap::new(),
                practices: HashMap::new(),
            };
            if outcome.is_clean() {
                let saved = service::translate(&state, user.member(), kind, id, target.as_str(), input, Some(version))
                    .await
                    .map_err(ApiError::from);
                match saved {
                    Ok(done) => {
                        let mut cookies = cookies;
                        cookies.push(notice(if matches!(done, service::Translated::Proposed { .. }) {
                            "notice-translation-proposed"
                        } else if outcome.kept.is_empty() {
                            "notice-translation-saved"
                        } else {
                            "notice-translation-saved-merged"
                        }));
                        return Ok(see_other(&format!("/{lang}/{collection}/{id}?text={target}"), cookies));
                    }
                    Err(ApiError::Domain(Error::StaleVersion { .. })) if attempt < MERGE_ATTEMPTS => continue,
                    Err(ApiError::Domain(Error::StaleVersion { .. })) => {}
                    Err(ApiError::Domain(Error::Invalid(violations))) => {
                        // Nothing merged in from anyone else: the form as sent, with its errors.
                        if outcome.kept.is_empty() {
                            violations_to_form(&page, kind, &violations, &mut form);
                            let body =
                                translate_view(&state, &page, &record, &collection, target, &form, Vec::new()).await?;
                            return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies));
                        }
                        let mut again = translation_form(kind, &outcome.parts);
                        again.set("version", version.to_string());
                        again.set("base", Snapshot::of(&current).encode());
                        violations_to_form(&page, kind, &violations, &mut again);
                        let comparisons = conflict::comparisons(&names, &outcome, &yours, &current);
                        let body =
                            translate_view(&state, &page, &record, &collection, target, &again, comparisons).await?;
                        return Ok(html(StatusCode::UNPROCESSABLE_ENTITY, body, cookies));
                    }
                    Err(other) => return Err(other),
                }
            }
            let mut again = translation_form(kind, &outcome.parts);
            again.set("version", version.to_string());
            again.set("base", Snapshot::of(&current).encode());
            again.general = Some(page.t("conflict-alert"));
            let comparisons = conflict::comparisons(&names, &outcome, &yours, &current);
            let body = translate_view(&state, &page, &record, &collection, target, &again, comparisons).await?;
            return Ok(html(StatusCode::CONFLICT, body, cookies));
        }
    })
    .await
}
