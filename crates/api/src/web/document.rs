//! One document's pages: the document itself (its texts in the language the reader chose with
//! `?text=`, else in hers through the fallback chain, while the interface stays in hers; its
//! facts as its kind's description lists them, workflow moves, what waits for review, lineage,
//! languages and files). Its history is in `history`.

use super::extract::{DocPath, Visitor};
use super::pages::maybe;
use super::svg;
use super::{Page, html, render, respond};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::documents::{self as service, DocumentItem, DocumentView};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::Locale;
use mfx_domain::document::{Kind, Status, transition};
use mfx_domain::fields::{Field, FieldType};
use mfx_domain::policy::{Action, Resource, permits};
use mfx_i18n::Arg;
use mfx_store::partners;
use serde_json::Value;

/// A workflow move the reader may make, as a button.
pub struct Move {
    pub to: Status,
    pub label: String,
    pub comment: bool,
}

#[derive(Template)]
#[template(path = "document.html")]
pub struct DocumentPage<'a> {
    pub page: &'a Page,
    pub doc: DocumentView,
    pub collection: String,
    pub may_edit: bool,
    pub translate_into: Vec<Locale>,
    pub moves: Vec<Move>,
    pub attachments: Vec<mfx_store::attachments::AttachmentMeta>,
    pub lineage: Option<(String, Vec<service::LineageAction>)>,
    pub inspirations: Vec<(String, Vec<DocumentItem>)>,
    pub partner_name: String,
    /// Every partner, to name the partners of related documents.
    pub partners: Vec<mfx_domain::Partner>,
    /// What waits for review, for readers who follow the document's work.
    pub pending: Option<super::review::PendingPanel>,
    /// Whether the reader may attach and remove files.
    pub may_attach: bool,
    pub upload: Upload,
    /// Who returned it to draft, when (in the reader's words), and their comment, for readers
    /// who follow the document's work, until it moves on.
    pub returned: Option<(String, String)>,
    /// The Markdown sections the shown text lacks, from the next text of the fallback chain.
    pub gaps: std::collections::BTreeMap<String, service::FilledGap>,
}

/// The upload form's state: why the last file was refused, in the reader's language.
#[derive(Default)]
pub struct Upload {
    pub error: Option<String>,
}

/// One structured field of a document as its page shows it: a text, tags, or links.
pub struct Fact {
    pub name: &'static str,
    pub label: String,
    pub text: String,
    pub tags: Vec<String>,
    pub links: Vec<(String, String)>,
    /// A second line: a meeting's time in the reader's zone.
    pub note: Option<String>,
}

impl DocumentPage<'_> {
    pub fn partner_label(&self, slug: &str) -> String {
        super::pages::partner_name(&self.partners, slug)
    }

    /// The kind's Markdown texts, by JSON key, with their labels.
    pub fn texts(&self) -> Vec<(&'static str, String)> {
        self.doc.kind.text_fields().filter(|f| f.is_markdown()).map(|f| (f.name, self.page.t(f.label))).collect()
    }

    /// The Markdown texts of each of the kind's records (a plan's actions), with their labels.
    pub fn action_texts(&self) -> Vec<(&'static str, String)> {
        let fields = self.doc.kind.translated_records().map(|list| list.children()).unwrap_or_default();
        fields.iter().filter(|f| f.translatable && f.is_markdown()).map(|f| (f.name, self.page.t(f.label))).collect()
    }

    pub fn html_of(&self, field: &str) -> String {
        self.doc.html.get(field).cloned().unwrap_or_default()
    }

    /// The section for `field` from another language, when the shown text lacks it.
    pub fn gap(&self, field: &str) -> Option<&service::FilledGap> {
        self.gaps.get(field)
    }

    pub fn has(&self, field: &str) -> bool {
        self.doc.html.get(field).is_some_and(|h| !h.trim().is_empty())
    }

    /// The structured fields of the kind that are given, in the order of its description,
    /// each written the reader's way by its type (codes by their names, numbers and times in
    /// the reader's language, addresses as links).
    pub fn facts(&self) -> Vec<Fact> {
        let mut facts = Vec::new();
        let themes = serde_json::json!(self.doc.themes);
        // A meeting's start, end and zone read as one time range, in the meeting's zone and
        // the reader's.
        let when = super::zones::meeting_time(self.page, &self.doc.details);
        for field in self.doc.kind.fields().iter().filter(|f| !f.translatable) {
            if let Some((there, here)) = &when {
                match field.name {
                    "starts_at" => {
                        facts.push(Fact {
                            name: "when",
                            label: self.page.t("meeting-when"),
                            text: there.clone(),
                            tags: Vec::new(),
                            links: Vec::new(),
                            note: here.clone(),
                        });
                        continue;
                    }
                    "ends_at" | "time_zone" => continue,
                    _ => {}
                }
            }
            let value = if field.name == "themes" { &themes } else { &self.doc.details[field.name] };
            match field.ty {
                FieldType::Group(children) => {
                    for child in children {
                        facts.extend(self.fact(child, &value[child.name]));
                    }
                }
                _ => facts.extend(self.fact(field, value)),
            }
        }
        // The static archive outlives the platform: it names no one and gives no one's address.
        if self.page.archive {
            facts.retain(|fact| !matches!(fact.name, "contact_name" | "contact_email"));
        }
        facts
    }

    fn fact(&self, field: &Field, value: &Value) -> Option<Fact> {
        let page = self.page;
        let text = |s: String| (!s.is_empty()).then_some((s, Vec::new(), Vec::new()));
        let (text, tags, links) = match field.ty {
            FieldType::Codes(v) => {
                let tags: Vec<String> = value
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                    .map(|c| page.code(v.prefix, c))
                    .collect();
                (!tags.is_empty()).then_some((String::new(), tags, Vec::new()))?
            }
            FieldType::Code(v) | FieldType::OptionalCode(v) => {
                text(value.as_str().map(|c| page.code(v.prefix, c)).unwrap_or_default())?
            }
            FieldType::Integer | FieldType::Decimal => text(super::conflict::number(page, value))?,
            FieldType::DateTime => {
                text(if value.is_null() { String::new() } else { super::conflict::local_time(page, value) })?
            }
            FieldType::Date => text(super::conflict::date(page, value).unwrap_or_default())?,
            FieldType::TimeZone => text(value.as_str().map(|z| mfx_i18n::zone_city(page.lang, z)).unwrap_or_default())?,
            FieldType::Links | FieldType::Url | FieldType::Email => {
                let links: Vec<(String, String)> = match value {
                    Value::Array(items) => {
                        items.iter().filter_map(Value::as_str).map(|l| (l.to_owned(), l.to_owned())).collect()
                    }
                    Value::String(s) if field.ty == FieldType::Email => vec![(format!("mailto:{s}"), s.clone())],
                    Value::String(s) if !s.is_empty() => vec![(s.clone(), s.clone())],
                    _ => Vec::new(),
                };
                (!links.is_empty()).then_some((String::new(), Vec::new(), links))?
            }
            FieldType::Country => {
                text(value.as_str().map(|code| mfx_i18n::country_name(code, page.lang)).unwrap_or_default())?
            }
            FieldType::Short | FieldType::OptionalShort | FieldType::Year => text(match value {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                _ => String::new(),
            })?,
            _ => return None,
        };
        Some(Fact { name: field.form, label: page.t(field.label), text, tags, links, note: None })
    }

    pub fn served_differs(&self) -> bool {
        self.doc.language != self.page.lang.as_str()
    }

    pub fn action_text(&self, index: &usize, field: &str) -> String {
        self.doc.text["actions"][*index][field].as_str().map(str::to_owned).unwrap_or_default()
    }

    /// An action's section from another language, when the shown text lacks it.
    pub fn action_gap(&self, index: &usize, field: &str) -> Option<&service::FilledGap> {
        self.gaps.get(&format!("actions[{index}].{field}"))
    }

    pub fn action_html(&self, index: &usize, field: &str) -> String {
        self.doc.html.get(&format!("actions[{index}].{field}")).cloned().unwrap_or_default()
    }

    pub fn attendees(&self) -> Vec<(String, String)> {
        self.doc.details["attendees"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|p| {
                        let name = p["name"].as_str().unwrap_or_default().to_owned();
                        let org = p["organisation"].as_str().or(p["partner"].as_str()).unwrap_or_default().to_owned();
                        (name, org)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The extensions the upload form offers to choose.
    pub fn accept(&self) -> &'static str {
        super::upload::ACCEPT
    }

    /// A file's type in words ("PDF document", "Image") rather than its media type.
    pub fn file_type(&self, content_type: &str) -> String {
        let id = match content_type {
            "application/pdf" => "file-type-pdf",
            t if t.starts_with("image/") => "file-type-image",
            t if t.contains("sheet") || t.contains("excel") => "file-type-spreadsheet",
            t if t.contains("presentation") || t.contains("powerpoint") => "file-type-presentation",
            _ => "file-type-text",
        };
        self.page.t(id)
    }

    pub fn size(&self, bytes: &i64) -> String {
        #[expect(clippy::cast_precision_loss, reason = "file sizes shown to people")]
        let kib = *bytes as f64 / 1024.0;
        if kib < 1024.0 {
            format!("{} KB", self.page.number(kib, 0))
        } else {
            format!("{} MB", self.page.number(kib / 1024.0, 1))
        }
    }
}

/// The text language a document page was asked for (`?text=sl`), if any and if it is one.
#[derive(serde::Deserialize)]
struct TextChoice {
    text: Option<String>,
}

/// The language whose text to show: the one chosen with `?text=` when the document has it,
/// else the reader's (the fallback chain then takes over). An unknown choice is ignored.
/// `query` is the page's query string (`?text=sl`), as the page context keeps it.
fn text_language(query: &str, record: &mfx_store::documents::DocumentRecord, reader: Locale) -> Locale {
    web::Query::<TextChoice>::from_query(query.strip_prefix('?').unwrap_or(query))
        .ok()
        .and_then(|q| q.into_inner().text)
        .and_then(|code| code.parse::<Locale>().ok())
        .filter(|chosen| record.summary.text(*chosen).is_some())
        .unwrap_or(reader)
}

pub async fn document(state: web::Data<AppState>, req: HttpRequest, path: DocPath, visitor: Visitor) -> HttpResponse {
    respond(&state, &req, path.lang, async {
        let (page, cookies) = visitor.titled("document-title");
        show(&state, page, cookies, &path, StatusCode::OK, Upload::default()).await
    })
    .await
}

/// The document page answered with `status`, the upload form in the state `upload` says.
pub async fn show(
    state: &AppState,
    mut page: Page,
    cookies: Vec<actix_web::cookie::Cookie<'static>>,
    path: &DocPath,
    status: StatusCode,
    upload: Upload,
) -> Result<HttpResponse, ApiError> {
    let DocPath { lang, kind, ref collection, id } = *path;
    let actor = maybe(&page).actor();
    let record = service::readable(state, &actor, Some(kind), id).await?;
    let chosen = text_language(&page.query, &record, lang);
    let doc = service::view(&record, chosen)?;
    let gaps = doc.language.parse().map(|served| service::filled_gaps(&record, served)).unwrap_or_default();
    page.title = doc.title.clone();
    page.title_lang = (doc.language != lang.as_str()).then(|| doc.language.to_owned());
    let s = &record.summary;
    let resource = Resource::Document { owner: s.partner, status: s.status, visibility: s.visibility };
    let may_edit = permits(&actor, Action::Update, &resource);
    let translate_into = if permits(&actor, Action::Translate, &resource) {
        Locale::all().into_iter().filter(|l| *l != s.original_locale).collect()
    } else {
        Vec::new()
    };
    let moves = Status::ALL
        .into_iter()
        .filter_map(|to| transition(s.status, to).ok())
        .filter(|step| permits(&actor, step.needs, &resource))
        .map(|step| Move {
            to: step.to,
            label: page.t(&format!("move-to-{}", step.to.as_str())),
            comment: step.comment_required,
        })
        .collect();
    let doc_id = s.id;
    let attachments = service::files::shown(state, &actor, s).await?;
    let partners = state.read(partners::list).await?;
    let (lineage, inspirations) = match kind {
        Kind::Practice => {
            let found = service::practice_lineage(state, &actor, doc_id, lang).await?;
            let picture = svg::lineage(&page, &found, |slug| super::pages::partner_name(&partners, slug));
            (Some((picture, found.inspired)), Vec::new())
        }
        Kind::ActionPlan => {
            let found = service::plan_lineage(state, &actor, doc_id, None, lang).await?;
            (None, found.actions.into_iter().map(|a| (a.title, a.inspired_by)).collect())
        }
        Kind::MeetingNote => (None, Vec::new()),
    };
    let partner_id = s.partner;
    let partner_name =
        partners.iter().find(|p| p.id == partner_id).map(|p| p.profile.name_local.clone()).unwrap_or_default();
    let pending = super::review::panel(state, &page, &record, &actor).await?;
    let returned = service::return_note(state, &actor, &record).await?.map(|note| {
        let at = page.datetime(&note.at);
        let said = page
            .tr
            .args("document-returned", &[("name", Arg::from(note.by.as_str())), ("date", Arg::from(at.as_str()))]);
        (said, note.comment)
    });
    let body = render(&DocumentPage {
        page: &page,
        doc,
        collection: collection.clone(),
        may_edit,
        translate_into,
        moves,
        attachments,
        lineage,
        inspirations,
        partner_name,
        partners,
        pending,
        may_attach: may_edit,
        upload,
        returned,
        gaps,
    })?;
    Ok(html(status, body, cookies))
}
