//! Web edits never lose a colleague's change or the user's own data: two editors saving the
//! same document or translation from the same version, an edit form posted back unchanged
//! (for every kind, from generated and demo content), and action-item rows without a title —
//! on SQLite and PostgreSQL, through real HTTP with a cookie session, posting forms the way a
//! browser submits them.
//!
//! Longer than most files: each kind's form round trip and each conflict case is one scenario,
//! sharing the form-posting helpers defined here.

use crate::on_both_databases;
use crate::support::TestApp;
use crate::web::{LANGUAGES, browser, messages, page, sign_in, speaks};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use reqwest::StatusCode;
use serde_json::{Value, json};

const PASSWORD: &str = "a long enough password";

// ---------------------------------------------------------------- a browser's form submission

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.find(';').filter(|end| *end <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The attributes of a start tag (`input type="text" name="x" checked`).
fn attributes(tag: &str) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    let mut rest = tag.split_once(char::is_whitespace).map_or("", |(_, r)| r).trim_start();
    while !rest.is_empty() && !rest.starts_with('/') {
        let end = rest.find(|c: char| c == '=' || c.is_whitespace()).unwrap_or(rest.len());
        let name = rest[..end].to_ascii_lowercase();
        rest = &rest[end..];
        if let Some(after) = rest.strip_prefix("=\"") {
            let close = after.find('"').expect("a closing quote");
            out.push((name, Some(unescape(&after[..close]))));
            rest = after[close + 1..].trim_start();
        } else {
            out.push((name, None));
            rest = rest.trim_start();
        }
    }
    out
}

fn attr<'a>(attrs: &'a [(String, Option<String>)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_deref().unwrap_or(""))
}

/// An open `<select>`: its name, whether it takes several values, its options (value, selected).
type Select = (String, bool, Vec<(String, bool)>);

/// What a browser (Chromium) sends when the post form whose action ends with `action` is
/// submitted with its save button, untouched: values as the browser sanitises them (line
/// breaks stripped from one-line inputs, `datetime-local` without zero seconds) and textareas
/// with CR LF line breaks.
fn submission(html: &str, action: &str) -> Vec<(String, String)> {
    let start = html
        .match_indices("<form method=\"post\" action=\"")
        .map(|(i, _)| i)
        .find(|i| html[*i..].split('"').nth(3).is_some_and(|a| a.ends_with(action)))
        .unwrap_or_else(|| panic!("a form posting to …{action}"));
    let html = &html[start..];
    let html = &html[..html.find("</form>").expect("the end of the form")];
    let mut pairs = Vec::new();
    let mut select: Option<Select> = None;
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let close = open + rest[open..].find('>').expect("a tag end");
        let tag = &rest[open + 1..close];
        rest = &rest[close + 1..];
        let (closing, tag) = tag.strip_prefix('/').map_or((false, tag), |t| (true, t));
        let name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("").to_ascii_lowercase();
        let name = if closing { format!("/{name}") } else { name };
        let attrs = attributes(tag);
        match name.as_str() {
            "input" => {
                let Some(field) = attr(&attrs, "name") else { continue };
                let value = attr(&attrs, "value").unwrap_or("").to_owned();
                match attr(&attrs, "type").unwrap_or("text") {
                    "checkbox" | "radio" => {
                        if attr(&attrs, "checked").is_some() {
                            pairs.push((field.to_owned(), if value.is_empty() { "on".into() } else { value }));
                        }
                    }
                    "datetime-local" => {
                        let value =
                            value.strip_suffix(":00").filter(|v| v.len() == 16).map_or(value.clone(), str::to_owned);
                        pairs.push((field.to_owned(), value));
                    }
                    "email" => pairs.push((field.to_owned(), value.replace(['\r', '\n'], "").trim().to_owned())),
                    _ => pairs.push((field.to_owned(), value.replace(['\r', '\n'], ""))),
                }
            }
            "textarea" => {
                let field = attr(&attrs, "name").expect("a named textarea").to_owned();
                let end = rest.find("</textarea>").expect("the end of a textarea");
                let content = unescape(&rest[..end]);
                let content = content.strip_prefix('\n').unwrap_or(&content);
                pairs.push((field, content.replace("\r\n", "\n").replace('\n', "\r\n")));
                rest = &rest[end..];
            }
            "select" => {
                let field = attr(&attrs, "name").expect("a named select").to_owned();
                select = Some((field, attr(&attrs, "multiple").is_some(), Vec::new()));
            }
            "option" => {
                if let Some((_, _, options)) = select.as_mut() {
                    options.push((attr(&attrs, "value").unwrap_or("").to_owned(), attr(&attrs, "selected").is_some()));
                }
            }
            "/select" => {
                let (field, multiple, options) = select.take().expect("an open select");
                let chosen: Vec<String> = options.iter().filter(|(_, s)| *s).map(|(v, _)| v.clone()).collect();
                if multiple {
                    pairs.extend(chosen.into_iter().map(|v| (field.clone(), v)));
                } else if let Some(value) = chosen.last().cloned().or_else(|| options.first().map(|(v, _)| v.clone())) {
                    pairs.push((field, value));
                }
            }
            // The save button is the one pressed ("Add another action" and "Add another action item" are not).
            "button" => {
                if let (Some(field), Some("submit")) =
                    (attr(&attrs, "name").filter(|n| *n != "add_action" && *n != "add_item"), attr(&attrs, "type"))
                {
                    pairs.push((field.to_owned(), attr(&attrs, "value").unwrap_or("").to_owned()));
                }
            }
            _ => {}
        }
    }
    pairs
}

/// Sets a field of a submission (the first of that name), as typing into it would.
fn set(pairs: &mut [(String, String)], name: &str, value: &str) {
    let pair = pairs.iter_mut().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no field {name}"));
    pair.1 = value.to_owned();
}

fn value_of<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v.as_str())
}

async fn post(client: &reqwest::Client, url: &str, pairs: &[(String, String)]) -> (StatusCode, String, String) {
    let response = client.post(url).form(pairs).send().await.expect("send");
    let status = response.status();
    let location = response.headers().get("location").and_then(|l| l.to_str().ok()).unwrap_or_default().to_owned();
    (status, location, response.text().await.expect("body"))
}

/// The comparison of one part on a conflict page: (changed by both, its HTML).
fn comparison<'a>(html: &'a str, part: &str) -> Option<(bool, &'a str)> {
    let marker = format!("data-part=\"{part}\"");
    let at = html.find(&marker)?;
    let open = html[..at].rfind("<div")?;
    let end = html[at..].find("</fieldset>\n  </div>").or_else(|| html[at..].find("</dl>"))? + at;
    Some((html[open..at].contains("comparison-both"), &html[open..end]))
}

async fn stored(app: &TestApp, token: &str, path: &str) -> Value {
    let reply = app.get(path, Some(token)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body
}

async fn revision_count(app: &TestApp, token: &str, path: &str) -> usize {
    let reply = app.get(&format!("{path}/revisions"), Some(token)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body["items"].as_array().map_or(0, Vec::len)
}

async fn created(app: &TestApp, token: &str, collection: &str, body: &Value) -> String {
    let reply = app.post(&format!("/api/v1/{collection}"), Some(token), body).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    reply.body["id"].as_str().expect("id").to_owned()
}

// ---------------------------------------------------------------- two editors

async fn two_editors_keep_each_others_fields_and_settle_the_shared_one(app: TestApp) {
    let claire_token = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    app.user_token("camille@example.fr", "seine-saint-denis", "editor").await;
    let id = created(
        &app,
        &claire_token,
        "practices",
        &json!({
            "visibility": "public",
            "themes": ["microcredit"],
            "text": {"title": "Microcrédit accompagné", "summary": "Résumé d’origine.", "description": "Présentation d’origine."}
        }),
    )
    .await;
    let api_path = format!("/api/v1/practices/{id}");
    let edit = app.url(&format!("/fr/practices/{id}/edit"));
    let (claire, camille) = (browser(&app), browser(&app));
    sign_in(&app, &claire, "fr", "claire@example.fr", PASSWORD).await;
    sign_in(&app, &camille, "fr", "camille@example.fr", PASSWORD).await;
    let (_, claire_form) = page(&claire, &edit).await;
    let (_, camille_form) = page(&camille, &edit).await;

    // Claire saves first: a new summary and a new title.
    let mut mine = submission(&claire_form, "/edit");
    set(&mut mine, "summary", "Résumé de Claire.");
    set(&mut mine, "title", "Titre de Claire");
    let (status, _, _) = post(&claire, &edit, &mine).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let after_claire = stored(&app, &claire_token, &api_path).await;

    // Camille, from the same version: a new description, and a title of her own.
    let mut hers = submission(&camille_form, "/edit");
    set(&mut hers, "description", "Présentation de Camille.");
    set(&mut hers, "title", "Titre de Camille");
    let (status, _, html) = post(&camille, &edit, &hers).await;
    assert_eq!(status, StatusCode::CONFLICT, "{html}");
    assert_eq!(stored(&app, &claire_token, &api_path).await, after_claire, "nothing is written on a conflict");
    assert!(html.contains("<html lang=\"fr\">") && html.contains("role=\"alert\""));
    // The title, changed by both, side by side and marked in words; the summary, changed by
    // Claire only, shown and kept; the description, changed by Camille only, not compared.
    let (both, title) = comparison(&html, "text.title").expect("the title is compared");
    assert!(both, "{title}");
    assert!(title.contains("Titre de Claire") && title.contains("Titre de Camille"), "{title}");
    assert!(title.contains("<strong>Modifié par vous deux"), "marked in words: {title}");
    let (both, summary) = comparison(&html, "text.summary").expect("the summary is shown");
    assert!(!both && summary.contains("Résumé de Claire.") && summary.contains("Résumé d’origine."), "{summary}");
    assert!(comparison(&html, "text.description").is_none());
    // The form holds Claire's summary, Camille's description and Camille's typed title.
    let again = submission(&html, "/edit");
    assert_eq!(value_of(&again, "summary"), "Résumé de Claire.");
    assert_eq!(value_of(&again, "description"), "Présentation de Camille.");
    assert_eq!(value_of(&again, "title"), "Titre de Camille");
    assert_eq!(value_of(&again, "keep-text.title"), "yours");
    // The comparison speaks each reader's language.
    let english = messages("en");
    for lang in LANGUAGES {
        let url = app.url(&format!("/{lang}/practices/{id}/edit"));
        let (status, _, html) = post(&camille, &url, &hers).await;
        assert_eq!(status, StatusCode::CONFLICT);
        assert!(comparison(&html, "text.title").is_some_and(|(both, _)| both), "/{lang}: {html}");
        speaks(lang, "/practices/{id}/edit (comparison)", &html, &english, &messages(lang));
    }
    assert_eq!(stored(&app, &claire_token, &api_path).await, after_claire, "still nothing written");

    // Saving the comparison as it is: Camille's title (which she saw next to Claire's) and
    // description, Claire's summary.
    let (status, location, html) = post(&camille, &edit, &again).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    assert_eq!(location, format!("/fr/practices/{id}"));
    let text = &stored(&app, &claire_token, &api_path).await["text"];
    assert_eq!(text["title"], "Titre de Camille");
    assert_eq!(text["summary"], "Résumé de Claire.");
    assert_eq!(text["description"], "Présentation de Camille.");

    // A third save between a comparison and its save is compared again, never overwritten.
    let (_, claire_form) = page(&claire, &edit).await;
    let (_, camille_form) = page(&camille, &edit).await;
    let mut mine = submission(&claire_form, "/edit");
    set(&mut mine, "title", "Titre repris par Claire");
    assert_eq!(post(&claire, &edit, &mine).await.0, StatusCode::SEE_OTHER);
    let mut hers = submission(&camille_form, "/edit");
    set(&mut hers, "title", "Titre final de Camille");
    let (status, _, comparison_page) = post(&camille, &edit, &hers).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let mut mine = submission(&page(&claire, &edit).await.1, "/edit");
    set(&mut mine, "title", "Titre de Claire, encore");
    assert_eq!(post(&claire, &edit, &mine).await.0, StatusCode::SEE_OTHER);
    let (status, _, html) = post(&camille, &edit, &submission(&comparison_page, "/edit")).await;
    assert_eq!(status, StatusCode::CONFLICT, "the comparison showed another title");
    let (both, title) = comparison(&html, "text.title").expect("compared again");
    assert!(both && title.contains("Titre de Claire, encore"), "{title}");
    assert_eq!(stored(&app, &claire_token, &api_path).await["text"]["title"], "Titre de Claire, encore");
    // Choosing theirs keeps the stored title.
    let mut choice = submission(&html, "/edit");
    set(&mut choice, "keep-text.title", "theirs");
    assert_eq!(post(&camille, &edit, &choice).await.0, StatusCode::SEE_OTHER);
    assert_eq!(stored(&app, &claire_token, &api_path).await["text"]["title"], "Titre de Claire, encore");
}

async fn two_translators_keep_each_others_fields_and_settle_the_shared_one(app: TestApp) {
    let claire_token = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    // Two colleagues of the owner translate its draft into Swedish.
    app.user_token("lars@example.fr", "seine-saint-denis", "editor").await;
    app.user_token("sven@example.fr", "seine-saint-denis", "editor").await;
    let id = created(
        &app,
        &claire_token,
        "practices",
        &json!({
            "visibility": "public",
            "text": {"title": "Épargne solidaire", "summary": "Des clubs d’épargne.", "description": "Les CIGALES."}
        }),
    )
    .await;
    let reply = app
        .send_json(
            reqwest::Method::PUT,
            &format!("/api/v1/practices/{id}/translations/sv"),
            Some(&claire_token),
            &json!({"text": {"title": "Solidariskt sparande", "summary": "Sparklubbar.", "description": "CIGALES."}}),
        )
        .await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
    let editor = app.url(&format!("/sv/practices/{id}/translations/sv"));
    let (lars, sven) = (browser(&app), browser(&app));
    sign_in(&app, &lars, "sv", "lars@example.fr", PASSWORD).await;
    sign_in(&app, &sven, "sv", "sven@example.fr", PASSWORD).await;
    let (status, lars_form) = page(&lars, &editor).await;
    assert_eq!(status, StatusCode::OK, "{lars_form}");
    let (_, sven_form) = page(&sven, &editor).await;

    let mut his = submission(&lars_form, "/translations/sv");
    set(&mut his, "title", "Lars rubrik");
    set(&mut his, "summary", "Lars sammanfattning.");
    assert_eq!(post(&lars, &editor, &his).await.0, StatusCode::SEE_OTHER);

    let mut other = submission(&sven_form, "/translations/sv");
    set(&mut other, "description", "Svens beskrivning.");
    set(&mut other, "summary", "Svens sammanfattning.");
    let (status, _, html) = post(&sven, &editor, &other).await;
    assert_eq!(status, StatusCode::CONFLICT, "{html}");
    let translation = |body: &Value| {
        body["items"].as_array().into_iter().flatten().find(|t| t["language"] == "sv").cloned().expect("sv")
    };
    let path = format!("/api/v1/practices/{id}/translations");
    assert_eq!(translation(&stored(&app, &claire_token, &path).await)["text"]["summary"], "Lars sammanfattning.");
    let (both, summary) = comparison(&html, "summary").expect("the summary is compared");
    assert!(both && summary.contains("Lars sammanfattning.") && summary.contains("Svens sammanfattning."));
    assert!(summary.contains("lang=\"sv\""), "content carries its language: {summary}");
    let (both, title) = comparison(&html, "title").expect("the title is shown");
    assert!(!both && title.contains("Lars rubrik"), "{title}");
    let again = submission(&html, "/translations/sv");
    assert_eq!(value_of(&again, "title"), "Lars rubrik");
    assert_eq!(value_of(&again, "description"), "Svens beskrivning.");

    let (status, _, html) = post(&sven, &editor, &again).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{html}");
    let text = translation(&stored(&app, &claire_token, &path).await)["text"].clone();
    assert_eq!(text["title"], "Lars rubrik");
    assert_eq!(text["summary"], "Svens sammanfattning.");
    assert_eq!(text["description"], "Svens beskrivning.");
}

// ---------------------------------------------------------------- unchanged forms

/// Text of one line, as people write it (accents, punctuation, separators a parser may trip on).
fn line(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!(
        "[A-Za-zÀ-ÿăîșțčšžåäö0-9][A-Za-zÀ-ÿăîșțčšžåäö0-9 ,.;:!?'\"&<>()—-]{{0,{max}}}"
    ))
    .expect("regex")
    .prop_map(|s| s.trim().to_owned())
    .prop_filter("not empty", |s| !s.is_empty())
}

/// Markdown text of a few lines.
fn paragraphs() -> impl Strategy<Value = String> {
    proptest::collection::vec(prop_oneof![line(60), Just(String::new())], 0..4)
        .prop_map(|lines| lines.join("\n").trim().to_owned())
}

fn subset(codes: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    proptest::sample::subsequence(codes.to_vec(), 0..=codes.len().min(4))
        .prop_shuffle()
        .prop_map(|codes| codes.into_iter().map(str::to_owned).collect())
}

fn practice() -> impl Strategy<Value = Value> {
    use mfx_domain::vocabulary::{INSTRUMENTS, TARGET_GROUPS, THEMES};
    (
        (line(80), paragraphs(), paragraphs(), subset(THEMES), subset(TARGET_GROUPS), subset(INSTRUMENTS)),
        (prop_oneof![Just(String::new()), "[A-Z]{2}"], line(30), proptest::option::of(1990..2030i32), proptest::option::of(0..5i32)),
        (
            proptest::option::of(0..5000i64),
            proptest::option::of(0..1_000_000i64),
            proptest::option::of(prop_oneof![(0..=100u32).prop_map(f64::from), (0..1000u32).prop_map(|n| f64::from(n) / 10.0)]),
            proptest::option::of(line(20)),
        ),
        (line(30), proptest::option::of("[a-z]{1,8}@example\\.(org|fr)"), proptest::collection::vec("https://example\\.org/[a-z0-9/_-]{1,20}", 0..3)),
    )
        .prop_map(|((title, summary, description, themes, groups, instruments), (country, city, start, span), (min, beneficiaries, rate, funding), (contact, email, links))| {
            json!({
                "visibility": "partnership",
                "themes": themes, "target_groups": groups, "instruments": instruments,
                "location": {"country": country, "region": "", "city": city},
                "start_year": start, "end_year": start.zip(span).map(|(s, d)| s + d),
                "evidence": {"loan_size_min_eur": min, "loan_size_max_eur": min.map(|m| m + 10_000), "beneficiaries_reached": beneficiaries,
                             "repayment_rate_percent": rate, "funding_source": funding},
                "contact": {"name": contact, "organisation": "", "email": email},
                "links": links,
                "text": {"title": title, "summary": summary, "description": description}
            })
        })
}

fn meeting_note() -> impl Strategy<Value = Value> {
    let partners = ["bucharest-ilfov", "bologna", "heart-of-slovenia", "orebro", "seine-saint-denis"];
    let attendee = (
        line(30),
        prop_oneof![Just(String::new()), line(20)],
        proptest::option::of(proptest::sample::select(partners.to_vec())),
    )
        .prop_map(
            |(name, organisation, partner)| json!({"name": name, "organisation": organisation, "partner": partner}),
        );
    let item = (
        line(40),
        proptest::option::of(proptest::sample::select(partners.to_vec())),
        proptest::option::of(0..400i64),
        proptest::sample::select(mfx_domain::vocabulary::ACTION_ITEM_STATUSES.to_vec()),
    )
        .prop_map(|(title, assignee, due, status)| {
            let due = due.map(|d| {
                (chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date") + chrono::Duration::days(d)).to_string()
            });
            json!({"title": title, "assignee": assignee, "due_on": due, "status": status})
        });
    (line(60), paragraphs(), 0..100_000i64, 0..20_000i64, proptest::collection::vec(attendee, 0..4), proptest::collection::vec(item, 0..3), line(30))
        .prop_map(|(title, agenda, start, length, attendees, items, place)| {
            let at = chrono::NaiveDate::from_ymd_opt(2025, 5, 20).expect("date").and_hms_opt(0, 0, 0).expect("time");
            let starts = at + chrono::Duration::seconds(start * 60 + start % 7 * 13);
            json!({
                "meeting_type": "study_visit", "starts_at": starts, "ends_at": starts + chrono::Duration::seconds(length * 7),
                "time_zone": "Europe/Ljubljana", "place": place, "attendees": attendees, "action_items": items,
                "text": {"title": title, "agenda": agenda}
            })
        })
}

fn action_plan(practices: Vec<String>) -> impl Strategy<Value = Value> {
    let action = (
        line(40),
        paragraphs(),
        proptest::sample::select(mfx_domain::vocabulary::PLAN_ACTION_STATUSES.to_vec()),
        0..=100i32,
        proptest::option::of(0..400i64),
        proptest::option::of(0..2_000_000i64),
        proptest::sample::subsequence(practices.clone(), 0..=practices.len()).prop_shuffle(),
    );
    (line(60), line(40), paragraphs(), proptest::collection::vec(action, 0..3)).prop_map(|(title, instrument, summary, actions)| {
        let (structured, texts): (Vec<Value>, Vec<Value>) = actions
            .into_iter()
            .map(|(title, background, status, progress, start, cost, inspired_by)| {
                let starts = start.map(|d| chrono::NaiveDate::from_ymd_opt(2025, 1, 1).expect("date") + chrono::Duration::days(d));
                (
                    json!({"status": status, "progress_percent": progress, "starts_on": starts, "ends_on": starts.map(|s| s + chrono::Duration::days(90)),
                           "estimated_cost_eur": cost, "inspired_by": inspired_by}),
                    json!({"title": title, "background": background}),
                )
            })
            .unzip();
        json!({"policy_instrument": instrument, "actions": structured, "text": {"title": title, "summary": summary, "actions": texts}})
    })
}

/// Opens the edit form of a stored document, posts it back as a browser would, and checks that
/// the document, its version and its revisions are exactly as before. `Err` says what changed.
async fn resave_unchanged(
    app: &TestApp,
    client: &reqwest::Client,
    token: &str,
    collection: &str,
    id: &str,
) -> Result<(), String> {
    let api_path = format!("/api/v1/{collection}/{id}");
    let before = stored(app, token, &api_path).await;
    let revisions = revision_count(app, token, &api_path).await;
    let edit = app.url(&format!("/en/{collection}/{id}/edit"));
    let (status, form) = page(client, &edit).await;
    if status != StatusCode::OK {
        return Err(format!("the edit form answered {status}"));
    }
    let (status, _, body) = post(client, &edit, &submission(&form, "/edit")).await;
    if status != StatusCode::SEE_OTHER {
        return Err(format!("saving answered {status}: {}", body.chars().take(3000).collect::<String>()));
    }
    let after = stored(app, token, &api_path).await;
    if after != before {
        return Err(format!("the document changed:\nbefore {before}\nafter  {after}"));
    }
    let now = revision_count(app, token, &api_path).await;
    if now != revisions {
        return Err(format!("{} revision(s) written", now - revisions));
    }
    Ok(())
}

/// Runs `cases` generated documents of a strategy through an unchanged save; on a failure,
/// shrinks the document to a smallest one that still fails and reports it.
async fn check_unchanged<S: Strategy<Value = Value>>(
    app: &TestApp,
    client: &reqwest::Client,
    token: &str,
    collection: &str,
    strategy: S,
    cases: u32,
) {
    // Whether the document could be created, and what an unchanged save changed.
    let attempt = |body: Value| async move {
        let reply = app.post(&format!("/api/v1/{collection}"), Some(token), &body).await;
        if reply.status != StatusCode::CREATED {
            return (false, Err(format!("not created: {}", reply.text)));
        }
        let id = reply.body["id"].as_str().expect("id").to_owned();
        let outcome = resave_unchanged(app, client, token, collection, &id).await;
        (true, outcome.map_err(|e| format!("{e}\ncreated from {body}")))
    };
    let mut runner = TestRunner::new(Config { cases, ..Config::default() });
    for _ in 0..cases {
        let mut tree = strategy.new_tree(&mut runner).expect("a value");
        let (made, outcome) = attempt(tree.current()).await;
        assert!(made, "every generated {collection} is valid: {outcome:?}");
        let Err(first) = outcome else { continue };
        let mut smallest = first;
        while tree.simplify() {
            match attempt(tree.current()).await {
                (true, Err(error)) => smallest = error,
                _ => {
                    if !tree.complicate() {
                        break;
                    }
                }
            }
        }
        panic!("an unchanged {collection} form changed the document: {smallest}");
    }
}

async fn an_unchanged_edit_form_changes_nothing_for_every_kind(app: TestApp) {
    let token = app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    let client = browser(&app);
    sign_in(&app, &client, "en", "maja@example.si", PASSWORD).await;
    // Practices to cite: drafts, which the list of published practices does not offer.
    let mut practices = Vec::new();
    for title in ["Mikrokrediti", "Zadružna hranilnica"] {
        practices.push(created(&app, &token, "practices", &json!({"text": {"title": title}})).await);
    }
    check_unchanged(&app, &client, &token, "practices", practice(), 12).await;
    check_unchanged(&app, &client, &token, "meeting-notes", meeting_note(), 12).await;
    check_unchanged(&app, &client, &token, "action-plans", action_plan(practices), 12).await;
}

async fn an_unchanged_edit_form_changes_no_demo_document(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    let client = browser(&app);
    sign_in(&app, &client, "en", crate::support::ADMIN_EMAIL, &app.admin_password).await;
    let token = app.admin_token().await;
    for collection in ["practices", "meeting-notes", "action-plans"] {
        let list = app.get(&format!("/api/v1/{collection}?limit=100"), Some(&token)).await;
        let ids: Vec<String> = list.body["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i["id"].as_str().map(str::to_owned))
            .collect();
        assert!(!ids.is_empty(), "demo {collection}");
        for id in ids {
            if let Err(error) = resave_unchanged(&app, &client, &token, collection, &id).await {
                panic!("demo {collection} {id}: {error}");
            }
        }
    }
}

// ---------------------------------------------------------------- action items

async fn an_action_item_without_a_title_is_a_field_error(app: TestApp) {
    let token = app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    let id = created(
        &app,
        &token,
        "meeting-notes",
        &json!({
            "meeting_type": "stakeholder_meeting", "starts_at": "2025-05-20T09:00:00", "ends_at": "2025-05-20T12:00:00",
            "time_zone": "Europe/Ljubljana", "place": "Kamnik",
            "action_items": [{"title": "Send the slides", "assignee": "bologna"}],
            "text": {"title": "Regional stakeholder group"}
        }),
    )
    .await;
    let api_path = format!("/api/v1/meeting-notes/{id}");
    let before = stored(&app, &token, &api_path).await;
    let client = browser(&app);
    sign_in(&app, &client, "sl", "maja@example.si", PASSWORD).await;
    let edit = app.url(&format!("/sl/meeting-notes/{id}/edit"));
    let (_, form) = page(&client, &edit).await;

    // A new row with a partner and a date but no title, and a changed agenda.
    let mut pairs = submission(&form, "/edit");
    set(&mut pairs, "item-1-assignee", "orebro");
    set(&mut pairs, "item-1-due_on", "2025-06-30");
    set(&mut pairs, "agenda", "1. Pozdrav\r\n2. Naloge");
    let (status, _, html) = post(&client, &edit, &pairs).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("id=\"item-1-title-error\""), "the error is next to the row's title: {html}");
    assert!(html.contains("<html lang=\"sl\">"));
    let kept = submission(&html, "/edit");
    assert_eq!(value_of(&kept, "item-1-assignee"), "orebro", "the row is kept as typed");
    assert_eq!(value_of(&kept, "item-1-due_on"), "2025-06-30");
    assert_eq!(value_of(&kept, "agenda"), "1. Pozdrav\r\n2. Naloge");
    assert_eq!(value_of(&kept, "item-0-title"), "Send the slides");
    assert_eq!(stored(&app, &token, &api_path).await, before, "nothing is saved");

    // An existing item whose title was emptied is an error too; it is removed by ticking.
    let mut pairs = submission(&form, "/edit");
    set(&mut pairs, "item-0-title", "");
    let (status, _, html) = post(&client, &edit, &pairs).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("id=\"item-0-title-error\""), "{html}");
    let mut pairs = submission(&form, "/edit");
    pairs.push(("item-0-remove".into(), "yes".into()));
    let (status, _, _) = post(&client, &edit, &pairs).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(stored(&app, &token, &api_path).await["action_items"], json!([]));
}

async fn a_plan_action_without_a_title_is_a_field_error(app: TestApp) {
    let token = app.user_token("giulia@example.it", "bologna", "editor").await;
    let id = created(
        &app,
        &token,
        "action-plans",
        &json!({
            "policy_instrument": "PR FSE+ 2021-2027",
            "actions": [{"status": "in_progress", "progress_percent": 30}],
            "text": {"title": "Piano metropolitano", "actions": [{"title": "Microcredito accompagnato"}]}
        }),
    )
    .await;
    let api_path = format!("/api/v1/action-plans/{id}");
    let before = stored(&app, &token, &api_path).await;
    let client = browser(&app);
    sign_in(&app, &client, "it", "giulia@example.it", PASSWORD).await;
    let edit = app.url(&format!("/it/action-plans/{id}/edit"));
    let (_, form) = page(&client, &edit).await;

    // A new action with a background and a cost but no title.
    let mut pairs = submission(&form, "/edit");
    set(&mut pairs, "action-1-background", "Dalla visita di studio a Kamnik.");
    set(&mut pairs, "action-1-estimated_cost_eur", "25000");
    let (status, _, html) = post(&client, &edit, &pairs).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("id=\"action-1-title-error\""), "{html}");
    let kept = submission(&html, "/edit");
    assert_eq!(value_of(&kept, "action-1-background"), "Dalla visita di studio a Kamnik.");
    assert_eq!(value_of(&kept, "action-1-estimated_cost_eur"), "25000");
    assert_eq!(stored(&app, &token, &api_path).await, before, "nothing is saved");

    // An untouched new row is left out; an existing action is removed by ticking.
    let (status, _, _) = post(&client, &edit, &submission(&form, "/edit")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(stored(&app, &token, &api_path).await, before);
    let mut pairs = submission(&form, "/edit");
    pairs.push(("action-0-remove".into(), "yes".into()));
    assert_eq!(post(&client, &edit, &pairs).await.0, StatusCode::SEE_OTHER);
    assert_eq!(stored(&app, &token, &api_path).await["actions"], json!([]));
}

on_both_databases!(
    two_editors_keep_each_others_fields_and_settle_the_shared_one,
    two_translators_keep_each_others_fields_and_settle_the_shared_one,
    an_unchanged_edit_form_changes_nothing_for_every_kind,
    an_unchanged_edit_form_changes_no_demo_document,
    an_action_item_without_a_title_is_a_field_error,
    a_plan_action_without_a_title_is_a_field_error,
);
