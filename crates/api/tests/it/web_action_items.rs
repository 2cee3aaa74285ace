//! The work-plan pages beside the dashboard's tables: the action-item board (grouped by status,
//! partner or month due, filtered by partner and lateness, in every language) and the
//! dashboard's timeline picture (legend words and months in the reader's language, no ISO date).

use crate::on_both_databases;
use crate::support::TestApp;
use crate::web::{LANGUAGES, browser, messages, page, sign_in, speaks};
use chrono::NaiveDate;
use reqwest::StatusCode;
use serde_json::Value;

/// Text as the pages escape it (askama writes `'` as `&#39;`).
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// The texts of the `<h2>` headings after the board's filters.
fn headings(html: &str) -> Vec<String> {
    html.split("<h2 id=\"group-")
        .skip(1)
        .filter_map(|rest| rest.split_once('>').and_then(|(_, r)| r.split("</h2>").next()).map(str::to_owned))
        .collect()
}

/// The rows of the board: each `<tr role="row"…>` of a table body.
fn rows(html: &str) -> Vec<&str> {
    html.split("<tbody role=\"rowgroup\">")
        .skip(1)
        .flat_map(|body| body.split("</tbody>").next().unwrap_or_default().split("<tr role=\"row\"").skip(1))
        .collect()
}

async fn items(app: &TestApp, token: &str, query: &str) -> Vec<Value> {
    let reply = app.get(&format!("/api/v1/action-items{query}"), Some(token)).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
    reply.body.as_array().expect("items").clone()
}

async fn the_action_item_board_groups_and_filters_in_every_language(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    // A day when some of the demo's open items are late and others are not yet due.
    let day = NaiveDate::from_ymd_opt(2026, 12, 16).and_then(|d| d.and_hms_opt(12, 0, 0)).expect("day").and_utc();
    app.state.clock.advance((day - app.state.clock.now()).max(chrono::Duration::zero()));
    let ana = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let all = items(&app, &ana, "").await;
    assert!(all.len() > 5, "the demo's meeting notes have action items");
    let partners = app.get("/api/v1/partners", None).await.body;
    let partners = partners["items"].as_array().or_else(|| partners.as_array()).expect("partners").clone();
    let name = |slug: &str| {
        partners.iter().find(|p| p["slug"] == slug).and_then(|p| p["short_name"].as_str()).expect("partner").to_owned()
    };

    // Anonymous visitors are sent to sign in.
    let anonymous = app.client.get(app.url("/en/action-items")).send().await.expect("request");
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);

    let client = browser(&app);
    sign_in(&app, &client, "en", "ana@example.ro", "a long enough password").await;
    let english = messages("en");
    for lang in LANGUAGES {
        let own = messages(lang);
        for by in ["status", "partner", "due"] {
            let path = format!("/action-items?by={by}");
            let (status, html) = page(&client, &app.url(&format!("/{lang}{path}"))).await;
            assert_eq!(status, StatusCode::OK, "/{lang}{path}");
            speaks(lang, &path, &html, &english, &own);
            assert_eq!(rows(&html).len(), all.len(), "/{lang}{path} shows every item once");
            for item in &all {
                let title = escape(item["title"].as_str().expect("title"));
                assert!(html.contains(&format!(">{title}<")), "/{lang}{path} shows {title}");
            }
            let found = headings(&html);
            let expected: Vec<String> = match by {
                "status" => ["open", "in_progress", "done", "cancelled"]
                    .iter()
                    .filter(|s| all.iter().any(|i| i["status"] == **s))
                    .map(|s| escape(&own[&format!("item-status-{s}")]))
                    .collect(),
                "partner" => {
                    let mut names: Vec<String> =
                        all.iter().filter_map(|i| i["partners"][0].as_str()).map(|slug| escape(&name(slug))).collect();
                    names.sort();
                    names.dedup();
                    names
                }
                _ => {
                    let mut months: Vec<NaiveDate> = all
                        .iter()
                        .filter_map(|i| i["due_on"].as_str())
                        .map(|d| NaiveDate::parse_from_str(&format!("{}-01", &d[..7]), "%Y-%m-%d").expect("month"))
                        .collect();
                    months.sort();
                    months.dedup();
                    months
                        .iter()
                        .map(|m| escape(&mfx_i18n::format_month_year(lang.parse().expect("lang"), *m)))
                        .collect()
                }
            };
            let mut sorted = found.clone();
            if by == "partner" {
                sorted.sort();
            }
            assert_eq!(sorted, expected, "/{lang}{path} groups");
            assert!(!html.contains(">open<") && !html.contains(">in_progress<"), "statuses are words");
        }
    }

    // Filters: one partner's items, and only the late ones.
    let yunus = items(&app, &ana, "?partner=yunus-italy").await;
    let (_, html) = page(&client, &app.url("/fr/action-items?by=status&partner=yunus-italy")).await;
    assert_eq!(rows(&html).len(), yunus.len());
    assert!(rows(&html).iter().all(|r| r.contains(&format!(">{}<", escape(&name("yunus-italy"))))));
    let late = items(&app, &ana, "?overdue=true").await;
    assert!(!late.is_empty() && late.len() < all.len(), "the demo has late and timely items");
    let (_, html) = page(&client, &app.url("/sv/action-items?by=due&late=1")).await;
    let late_word = escape(&messages("sv")["action-items-late"]);
    assert_eq!(rows(&html).len(), late.len());
    assert!(rows(&html).iter().all(|r| r.contains(&format!("({late_word})"))), "each is marked late");
    let (status, _) = page(&client, &app.url("/en/action-items?partner=atlantis")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

async fn members_who_may_edit_a_meeting_note_get_a_link_to_its_form(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    let ana = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let notes =
        app.get("/api/v1/meeting-notes?limit=100", Some(&ana)).await.body["items"].as_array().expect("notes").clone();
    let all = items(&app, &ana, "").await;
    let meeting = all[0]["meeting"].as_str().expect("meeting");
    let owner = notes.iter().find(|n| n["id"] == meeting).and_then(|n| n["partner"].as_str()).expect("owner");
    app.user_token("editor@example.org", owner, "editor").await;
    let client = browser(&app);
    sign_in(&app, &client, "en", "editor@example.org", "a long enough password").await;
    let (_, html) = page(&client, &app.url("/en/action-items")).await;
    assert!(html.contains(&format!("/en/meeting-notes/{meeting}/edit\"")), "the owner's editor edits {meeting}");
    for link in html.split("/en/meeting-notes/").skip(1).filter_map(|r| r.split_once("/edit\"")).map(|(id, _)| id) {
        let partner = notes.iter().find(|n| n["id"] == link).and_then(|n| n["partner"].as_str());
        assert_eq!(partner, Some(owner), "only the partner's own notes are editable ({link})");
    }
}

async fn the_timeline_names_months_and_states_in_the_readers_language(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    let ana = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let client = browser(&app);
    sign_in(&app, &client, "en", "ana@example.ro", "a long enough password").await;
    let mut months_seen = Vec::new();
    for lang in ["en", "fr"] {
        let (status, html) = page(&client, &app.url(&format!("/{lang}/dashboard"))).await;
        assert_eq!(status, StatusCode::OK);
        let chart = html.split("<div class=\"timeline\">").nth(1).expect("the timeline").split("</div></div>").next();
        let chart = chart.expect("the timeline's end");
        assert_eq!(chart.matches("<svg ").count(), 2, "wide and narrow");
        let own = messages(lang);
        for id in ["timeline-legend", "timeline-open", "timeline-delivered", "timeline-late", "timeline-today"] {
            assert!(chart.contains(&format!(">{}<", escape(&own[id]))), "{lang}: the legend says {id}");
        }
        for shape in ["<circle ", "<rect ", "<polygon "] {
            assert!(chart.contains(shape), "{lang}: {shape}");
        }
        let locale = lang.parse().expect("lang");
        let months: Vec<String> = (1..=12)
            .map(|m| mfx_i18n::format_month(locale, NaiveDate::from_ymd_opt(2027, m, 1).expect("month")))
            .filter(|name| chart.contains(&format!(">{}<", escape(name))))
            .collect();
        assert!(months.len() >= 3, "{lang}: months named on the axis: {months:?}");
        months_seen.push(months);
        // No ISO date anywhere in the picture, tooltips included.
        let bytes = chart.as_bytes();
        let iso = bytes
            .windows(10)
            .any(|w| w.iter().enumerate().all(|(i, b)| if i == 4 || i == 7 { *b == b'-' } else { b.is_ascii_digit() }));
        assert!(!iso, "{lang}: an ISO date in the timeline");
        let periods = app.get("/api/v1/periods", Some(&ana)).await;
        for period in periods.body.as_array().or_else(|| periods.body["items"].as_array()).into_iter().flatten() {
            let code = period["code"].as_str().expect("code");
            assert!(chart.contains(&format!(">{}<", escape(code))), "{lang}: the band of {code}");
        }
    }
    assert_ne!(months_seen[0], months_seen[1], "the months are named in each language");
}

on_both_databases!(
    the_action_item_board_groups_and_filters_in_every_language,
    members_who_may_edit_a_meeting_note_get_a_link_to_its_form,
    the_timeline_names_months_and_states_in_the_readers_language,
);
