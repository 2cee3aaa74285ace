//! A document's history page: per revision who did what, and for edits each changed field by
//! its label in the reader's language with what changed: the old and the new value for short
//! values (vocabularies and codes as words, dates localized), the words removed and added for
//! texts. Only the fields a revision records as changed are compared.

use super::conflict::{self, Names};
use super::extract::{DocPath, Visitor};
use super::pages::maybe;
use super::{Page, html, render, respond};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::documents::{self as service, DocumentView, RevisionView};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::document::{DocumentId, Kind};
use mfx_domain::fields::{Field, FieldType};
use mfx_domain::word_diff::{self, Op};
use serde_json::Value;
use std::collections::HashMap;

/// The longest value shown whole as "old → new"; longer ones are compared word by word.
const SHORT: usize = 80;

/// A run of a compared text.
pub struct Piece {
    pub text: String,
    pub removed: bool,
    pub added: bool,
}

/// One changed field of a revision.
pub struct Change {
    pub label: String,
    /// The old and the new value, when both are short.
    pub from: String,
    pub to: String,
    /// Otherwise the words kept, removed and added.
    pub words: Vec<Piece>,
    /// The language of the values when they are the document's own text.
    pub lang: Option<String>,
}

/// One revision with what it changed.
pub struct Entry {
    pub revision: RevisionView,
    pub changes: Vec<Change>,
}

#[derive(Template)]
#[template(path = "history.html")]
pub struct HistoryPage<'a> {
    pub page: &'a Page,
    pub doc: DocumentView,
    pub collection: String,
    pub entries: Vec<Entry>,
}

/// The actions whose `changes` hold each changed field with its value before and after.
const EDITS: [&str; 3] = ["edited", "draft_edited", "draft_published"];

/// The values of a field as lines a person reads, joined.
fn shown(names: &Names<'_>, part: &str, value: &Value) -> String {
    if value.is_null()
        || value.as_str().is_some_and(|s| s.trim().is_empty())
        || value.as_array().is_some_and(Vec::is_empty)
    {
        return String::new();
    }
    let page = names.page;
    let lines = match part {
        // A plan's actions as the history records them: their facts, and apart their texts.
        "actions" => conflict::lines(names, part, &Value::Array(vec![value.clone(), Value::Array(Vec::new())])),
        "text.actions" => {
            let texts = Kind::ActionPlan.translated_records().map(Field::children).unwrap_or_default();
            return value
                .as_array()
                .into_iter()
                .flatten()
                .enumerate()
                .map(|(n, row)| {
                    let written: Vec<String> = texts
                        .iter()
                        .filter_map(|f| {
                            let text = row[f.name].as_str().filter(|t| !t.trim().is_empty())?;
                            Some(format!("{}: {text}", page.t(f.label)))
                        })
                        .collect();
                    format!("{} {} — {}", page.t("field-action"), n + 1, written.join(" · "))
                })
                .collect::<Vec<_>>()
                .join("\n");
        }
        _ => conflict::lines(names, part, value),
    };
    // Codes of a vocabulary read as one list; everything else a line each.
    let separator = if matches!(Kind::described(part).map(|f| f.ty), Some(FieldType::Codes(_))) { ", " } else { "\n" };
    lines
        .into_iter()
        .map(|line| match line.label {
            Some(label) => format!("{label}: {}", line.text),
            None => line.text,
        })
        .collect::<Vec<_>>()
        .join(separator)
}

/// A group (`location`) changed: its children that differ, each as a change of its own.
fn parts(part: &str, from: &Value, to: &Value) -> Vec<(String, Value, Value)> {
    let group = match Kind::described(part).map(|f| f.ty) {
        Some(FieldType::Group(children)) if !part.starts_with("text.") => children,
        _ => return vec![(part.to_owned(), from.clone(), to.clone())],
    };
    group
        .iter()
        .map(|child| {
            (child.name, from.get(child.name).unwrap_or(&Value::Null), to.get(child.name).unwrap_or(&Value::Null))
        })
        .filter(|(_, a, b)| a != b)
        .map(|(name, a, b)| (format!("{part}.{name}"), a.clone(), b.clone()))
        .collect()
}

/// Whether the field holds the document's own words (compared word by word when long).
fn is_text(part: &str) -> bool {
    part.starts_with("text.")
        || matches!(
            Kind::described(part).map(|f| f.ty),
            Some(FieldType::Short | FieldType::OptionalShort | FieldType::People(_) | FieldType::Records(_))
        )
}

/// What one revision changed, field by field in the kind's order.
pub fn changes(names: &Names<'_>, kind: Kind, revision: &RevisionView) -> Vec<Change> {
    if !EDITS.contains(&revision.action.as_str()) {
        return Vec::new();
    }
    let Some(recorded) = revision.changes.as_object() else { return Vec::new() };
    let order = |key: &str| {
        let name = key.strip_prefix("text.").unwrap_or(key);
        kind.fields().iter().position(|f| f.name == name).unwrap_or(usize::MAX)
    };
    let mut keys: Vec<&String> = recorded.keys().collect();
    keys.sort_by_key(|k| order(k));
    let page = names.page;
    let mut out = Vec::new();
    for key in keys {
        let change = &recorded[key.as_str()];
        let (from, to) = (&change["from"], &change["to"]);
        for (part, from, to) in parts(key, from, to) {
            let (old, new) = (shown(names, &part, &from), shown(names, &part, &to));
            let text = is_text(&part);
            let lang = text.then(|| names.content_lang.clone());
            let short = !old.contains('\n')
                && !new.contains('\n')
                && old.chars().count() <= SHORT
                && new.chars().count() <= SHORT;
            let label = conflict::label(page, &part);
            if short && (!text || old.is_empty() || new.is_empty() || old.split_whitespace().count() <= 3) {
                let empty = |s: String| if s.is_empty() { page.t("conflict-empty") } else { s };
                out.push(Change { label, from: empty(old), to: empty(new), words: Vec::new(), lang });
                continue;
            }
            let words = word_diff::diff(&old, &new)
                .into_iter()
                .map(|p| Piece { removed: p.op == Op::Removed, added: p.op == Op::Added, text: p.text })
                .collect();
            out.push(Change { label, from: String::new(), to: String::new(), words, lang });
        }
    }
    out
}

/// The practices the plan actions of a history cite, before or after a change.
fn cited(revisions: &[RevisionView]) -> Vec<DocumentId> {
    let mut ids: Vec<DocumentId> = revisions
        .iter()
        .filter_map(|r| r.changes.get("actions"))
        .flat_map(|change| [&change["from"], &change["to"]])
        .filter_map(Value::as_array)
        .flatten()
        .filter_map(|action| action["inspired_by"].as_array())
        .flatten()
        .filter_map(|id| id.as_str()?.parse().ok())
        .collect();
    ids.sort_unstable_by_key(ToString::to_string);
    ids.dedup();
    ids
}

pub async fn history(state: web::Data<AppState>, req: HttpRequest, path: DocPath, visitor: Visitor) -> HttpResponse {
    let DocPath { lang, kind, collection, id } = path;
    respond(&state, &req, lang, async {
        let (mut page, cookies) = visitor.titled("history-title");
        let actor = maybe(&page).actor();
        let record = service::readable(&state, &actor, Some(kind), id).await?;
        let doc = service::view(&record, lang)?;
        page.title = page.t1("history-of", "title", &doc.title);
        let revisions = service::revisions(&state, &actor, kind, id).await?.items;
        let partners = state.read(mfx_store::partners::list).await?;
        let practices: HashMap<String, String> = if kind == Kind::ActionPlan {
            super::forms::practice_options(&state, &page, cited(&revisions))
                .await?
                .into_iter()
                .map(|(id, label, _)| (id, label))
                .collect()
        } else {
            HashMap::new()
        };
        let names = Names {
            page: &page,
            content_lang: doc.original_language.to_owned(),
            partners: partners.iter().map(|p| (p.profile.slug.to_string(), p.profile.short_name.clone())).collect(),
            practices,
        };
        let entries = revisions
            .into_iter()
            .map(|revision| Entry { changes: changes(&names, kind, &revision), revision })
            .collect();
        Ok::<_, ApiError>(html(
            StatusCode::OK,
            render(&HistoryPage { page: &page, doc, collection: collection.clone(), entries })?,
            cookies,
        ))
    })
    .await
}
