//! The download of one's own data: a ZIP with everything the platform holds about the account,
//! as JSON files for programs (`index.json` names them and the format's version) and a summary
//! page for people, `summary.html`, in the account's language and time zone. Built the same for
//! the API and the account page.

use crate::state::AppState;
use crate::usecases::Error;
use crate::usecases::personal::data;
use askama::Template;
use chrono::{DateTime, Utc};
use mfx_domain::Partner;
use mfx_i18n::{Arg, Translator};
use mfx_store::accounts::AccountRecord;
use mfx_store::erasure::Erasure;
use mfx_store::personal::PersonalData;
use serde_json::{Value, json};
use std::io::Write as _;

/// The version of the files' layout, written in `index.json`.
pub const FORMAT: &str = "mfx-personal-data/1";

/// A finished export: the file's name and its bytes.
#[derive(Debug)]
pub struct Export {
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Reads everything about `me` and packs it.
pub async fn export(state: &AppState, me: &AccountRecord) -> Result<Export, Error> {
    let (held, erasure) = data(state, me).await?;
    let partners = crate::usecases::read(state, mfx_store::partners::list).await?;
    let now = state.clock.now();
    let bytes = pack(me, &partners, &held, erasure, now).map_err(Error::internal)?;
    Ok(Export { file_name: format!("microfuture-exchange-my-data-{}.zip", now.format("%Y-%m-%d")), bytes })
}

fn sections(held: &PersonalData) -> [(&'static str, &'static str, &Vec<Value>); 10] {
    [
        ("sessions", "data-section-sessions", &held.sessions),
        ("calendar-addresses", "data-section-calendar", &held.calendar_addresses),
        ("documents", "data-section-documents", &held.documents),
        ("revisions", "data-section-revisions", &held.revisions),
        ("translations", "data-section-translations", &held.translations),
        ("drafts", "data-section-drafts", &held.drafts),
        ("proposed-translations", "data-section-proposals", &held.proposed_translations),
        ("deliverable-moves", "data-section-deliverables", &held.deliverable_moves),
        ("activity", "data-section-activity", &held.activity),
        ("digests", "data-section-digests", &held.digests),
    ]
}

fn account_json(me: &AccountRecord, erasure: Erasure) -> Value {
    let a = &me.account;
    json!({
        "id": a.id.to_string(),
        "email": a.email.as_str(),
        "display_name": a.display_name.as_str(),
        "partner": me.partner_slug.as_str(),
        "role": a.role.as_str(),
        "language": a.locale.as_str(),
        "time_zone": a.time_zone.as_str(),
        "active": a.active,
        "created_at": me.created_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "updated_at": me.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "digest": {
            "frequency": me.digest.frequency.as_str(),
            "weekday": me.digest.weekday.number_from_monday(),
            "hour": me.digest.hour,
        },
        "erasure_requested_at": erasure.requested_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        "password": "kept only as an argon2id hash, which is not exported",
    })
}

/// Builds the ZIP.
pub fn pack(
    me: &AccountRecord,
    partners: &[Partner],
    held: &PersonalData,
    erasure: Erasure,
    now: DateTime<Utc>,
) -> Result<Vec<u8>, String> {
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut files = vec!["summary.html".to_owned(), "account.json".to_owned()];
    let add = |zip: &mut zip::ZipWriter<std::io::Cursor<Vec<u8>>>, name: &str, bytes: &[u8]| {
        zip.start_file(name, options).map_err(|e| e.to_string())?;
        zip.write_all(bytes).map_err(|e| e.to_string())
    };
    let pretty = |v: &Value| serde_json::to_vec_pretty(v).map_err(|e| e.to_string());
    add(&mut zip, "summary.html", summary(me, partners, held, erasure, now)?.as_bytes())?;
    add(&mut zip, "account.json", &pretty(&account_json(me, erasure))?)?;
    for (name, _, items) in sections(held) {
        let file = format!("{name}.json");
        add(&mut zip, &file, &pretty(&Value::Array(items.clone()))?)?;
        files.push(file);
    }
    let index = json!({
        "format": FORMAT,
        "made_at": now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "account": me.account.id.to_string(),
        "files": files,
        "times": "UTC, RFC 3339",
    });
    add(&mut zip, "index.json", &pretty(&index)?)?;
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

#[derive(Template)]
#[template(path = "data_summary.html")]
struct Summary {
    lang: String,
    title: String,
    made: String,
    files: String,
    account_heading: String,
    facts: Vec<(String, String)>,
    sections: Vec<SectionView>,
}

struct SectionView {
    heading: String,
    count: String,
    columns: Vec<String>,
    rows: Vec<Vec<String>>,
}

fn summary(
    me: &AccountRecord,
    partners: &[Partner],
    held: &PersonalData,
    erasure: Erasure,
    now: DateTime<Utc>,
) -> Result<String, String> {
    let a = &me.account;
    let lang = a.locale;
    let tr = Translator::new(lang);
    let zone: chrono_tz::Tz = a.time_zone.as_str().parse().unwrap_or(chrono_tz::UTC);
    let when = |at: &Value| -> String {
        at.as_str()
            .and_then(|t| DateTime::parse_from_rfc3339(t).ok())
            .map_or_else(|| tr.t("data-none"), |t| mfx_i18n::format_datetime(lang, t.with_timezone(&Utc), zone))
    };
    let text = |v: &Value| v.as_str().map_or_else(|| tr.t("data-none"), str::to_owned);
    let code = |prefix: &str, v: &Value| {
        let id = format!("{prefix}{}", v.as_str().unwrap_or_default());
        if tr.has(&id) { tr.t(&id) } else { tr.t("data-none") }
    };
    let language =
        |v: &Value| v.as_str().and_then(|l| l.parse().ok()).map_or_else(|| tr.t("data-none"), |l| tr.language_name(l));
    let partner_name = crate::usecases::tracking::partner_name(partners, me.partner_slug.as_str());
    let mut facts = vec![
        (tr.t("field-display-name"), a.display_name.as_str().to_owned()),
        (tr.t("field-email"), a.email.as_str().to_owned()),
        (tr.t("filter-partner"), partner_name),
        (tr.t("account-role"), tr.t(&format!("role-{}", a.role.as_str()))),
        (tr.t("field-language"), tr.language_name(a.locale)),
        (tr.t("field-time-zone"), a.time_zone.as_str().replace('_', " ")),
        (tr.t("field-digest-frequency"), tr.t(&format!("digest-frequency-{}", me.digest.frequency.as_str()))),
        (tr.t("data-account-since"), mfx_i18n::format_datetime(lang, me.created_at, zone)),
    ];
    if let Some(at) = erasure.requested_at {
        facts.push((
            tr.t("data-erase-heading"),
            tr.args("data-erase-requested-on", &[("date", Arg::from(mfx_i18n::format_datetime(lang, at, zone)))]),
        ));
    }
    let title_of = |doc: &Value| -> String {
        doc.get("texts")
            .and_then(Value::as_array)
            .and_then(|texts| {
                texts.iter().find(|t| t.get("language") == doc.get("original_language")).or_else(|| texts.first())
            })
            .and_then(|t| t.get("title"))
            .map_or_else(|| tr.t("data-none"), text)
    };
    let col = |ids: &[&str]| ids.iter().map(|id| tr.t(id)).collect::<Vec<_>>();
    let table = |items: &Vec<Value>, row: &dyn Fn(&Value) -> Vec<String>| items.iter().map(row).collect::<Vec<_>>();
    let mut views = Vec::new();
    for (name, heading, items) in sections(held) {
        let (columns, rows) = match name {
            "sessions" => (
                col(&["data-col-signed-in", "data-col-ends", "data-col-how"]),
                table(items, &|s| {
                    let ended = if s["ended_at"].is_null() { &s["expires_at"] } else { &s["ended_at"] };
                    let how = if s["kind"] == "browser" { "data-session-browser" } else { "data-session-api" };
                    vec![when(&s["signed_in_at"]), when(ended), tr.t(how)]
                }),
            ),
            "calendar-addresses" => (
                col(&["data-col-made", "data-col-stopped"]),
                table(items, &|c| vec![when(&c["made_at"]), when(&c["stopped_at"])]),
            ),
            "documents" => (
                col(&["data-col-title", "data-col-kind", "data-col-status", "data-col-when"]),
                table(items, &|d| {
                    vec![title_of(d), code("kind-", &d["kind"]), code("status-", &d["status"]), when(&d["created_at"])]
                }),
            ),
            "revisions" => (
                col(&["data-col-when", "data-col-language", "data-col-comment"]),
                table(items, &|r| vec![when(&r["at"]), language(&r["language"]), text(&r["comment"])]),
            ),
            "translations" | "proposed-translations" => (
                col(&["data-col-title", "data-col-language", "data-col-when"]),
                table(items, &|t| {
                    let at = if t["proposed_at"].is_null() { &t["last_changed_at"] } else { &t["proposed_at"] };
                    vec![text(&t["title"]), language(&t["language"]), when(at)]
                }),
            ),
            "drafts" => (col(&["data-col-when"]), table(items, &|d| vec![when(&d["last_changed_at"])])),
            "deliverable-moves" => (
                col(&["data-col-when", "data-col-from", "data-col-to", "data-col-comment"]),
                table(items, &|m| {
                    vec![
                        when(&m["at"]),
                        code("deliverable-status-", &m["from"]),
                        code("deliverable-status-", &m["to"]),
                        text(&m["comment"]),
                    ]
                }),
            ),
            "activity" => (
                col(&["data-col-when", "data-col-what"]),
                table(items, &|e| {
                    let id = format!("data-event-{}", e["what"].as_str().unwrap_or_default());
                    vec![when(&e["at"]), if tr.has(&id) { tr.t(&id) } else { tr.t("data-event-other") }]
                }),
            ),
            _ => (
                col(&["data-col-period", "data-col-status", "data-col-sent"]),
                table(items, &|d| {
                    vec![
                        format!("{} – {}", when(&d["period_start"]), when(&d["period_end"])),
                        code("outbox-status-", &d["status"]),
                        when(&d["sent_at"]),
                    ]
                }),
            ),
        };
        views.push(SectionView {
            heading: tr.t(heading),
            count: tr.args("data-count", &[("count", Arg::from(items.len()))]),
            columns,
            rows,
        });
    }
    let made = mfx_i18n::format_datetime(lang, now, zone);
    Summary {
        lang: lang.to_string(),
        title: tr.t("data-summary-title"),
        made: tr.args("data-summary-made", &[("date", Arg::from(made)), ("name", Arg::from(a.display_name.as_str()))]),
        files: tr.t("data-summary-files"),
        account_heading: tr.t("data-summary-account"),
        facts,
        sections: views,
    }
    .render()
    .map_err(|e| e.to_string())
}
