//! Every export speaks its reader's language: the deliverables CSV (headers, words, dates and
//! separator of each language, and the stable variant with codes), the semester report draft
//! (page, Markdown and Word), and the calendar address of the account page with its feed.

use crate::on_both_databases;
use crate::support::{TestApp, USER_PASSWORD};
use crate::web::{browser, csrf_of, messages, sign_in};
use reqwest::{Method, StatusCode};
use serde_json::json;

/// A browser signed in through the sign-in form.
async fn signed_in(app: &TestApp, lang: &str, email: &str) -> reqwest::Client {
    let client = browser(app);
    let signed = sign_in(app, &client, lang, email, USER_PASSWORD).await;
    assert_eq!(signed.status(), StatusCode::SEE_OTHER, "{email} signs in");
    client
}

/// A work package and a deliverable of Örebro and Bologna due five days ago (so late), whose
/// English title a spreadsheet would run as a formula.
async fn late_deliverable(app: &TestApp, coordinator: &str) -> chrono::NaiveDate {
    let wp = app
        .post("/api/v1/work-packages", Some(coordinator), &json!({ "code": "WP1", "titles": {"en": "Exchange"} }))
        .await;
    assert_eq!(wp.status, StatusCode::CREATED, "{}", wp.text);
    let due = app.state.clock.now().date_naive() - chrono::Duration::days(5);
    let created = app
        .post(
            "/api/v1/deliverables",
            Some(coordinator),
            &json!({
                "code": "D2.1", "work_package": "WP1", "period": "S2",
                "titles": {"en": "=1+1 Regional report", "sv": "=1+1 Regional rapport"},
                "description": "", "due_on": due.to_string(), "partners": ["orebro", "bologna"]
            }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    due
}

fn read_csv(bytes: &[u8], separator: u8) -> Vec<Vec<String>> {
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "a byte-order mark for spreadsheets");
    let mut reader = csv::ReaderBuilder::new().delimiter(separator).has_headers(false).from_reader(&bytes[3..]);
    reader.records().map(|r| r.expect("a CSV record").iter().map(str::to_owned).collect::<Vec<_>>()).collect()
}

async fn the_deliverables_csv_speaks_each_language(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let due = late_deliverable(&app, &coordinator).await;
    // (language, separator, the date as its spreadsheets read it, the title shown)
    let languages = [
        ("en", b',', due.format("%d/%m/%Y").to_string(), "'=1+1 Regional report"),
        ("fr", b';', due.format("%d/%m/%Y").to_string(), "'=1+1 Regional report"),
        ("it", b';', due.format("%d/%m/%Y").to_string(), "'=1+1 Regional report"),
        ("ro", b';', due.format("%d.%m.%Y").to_string(), "'=1+1 Regional report"),
        ("sl", b';', due.format("%-d.%m.%Y").to_string(), "'=1+1 Regional report"),
        ("sv", b';', due.format("%Y-%m-%d").to_string(), "'=1+1 Regional rapport"),
    ];
    for (lang, separator, date, title) in languages {
        let m = messages(lang);
        let reply = app
            .request(Method::GET, &format!("/api/v1/deliverables.csv?lang={lang}"), Some(&coordinator))
            .send()
            .await
            .expect("send");
        assert_eq!(reply.status(), StatusCode::OK);
        let rows = read_csv(&reply.bytes().await.expect("bytes"), separator);
        let header: Vec<String> = [
            "column-code",
            "column-title",
            "export-column-work-package",
            "column-period",
            "column-partners",
            "column-due",
            "column-status",
            "column-late",
        ]
        .iter()
        .map(|id| m[*id].clone())
        .collect();
        assert_eq!(rows[0], header, "{lang}: the header in words, split at {:?}", separator as char);
        let row = rows.iter().find(|r| r[0] == "D2.1").expect("the deliverable's row");
        assert_eq!(row[1], title, "{lang}: neutralised, in the language");
        assert_eq!(row[3], m["export-period-semester"].replace("{ $number }", "2"), "{lang}");
        assert!(row[4].contains("Region Örebro") && row[4].contains("CMBO"), "{lang}: partners by name: {row:?}");
        assert_eq!(row[5], date, "{lang}");
        assert_eq!(row[6], m["deliverable-status-planned"], "{lang}");
        assert_eq!(row[7], m["export-yes"], "{lang}");
    }

    // The stable variant for programs, on both paths.
    let stable = app
        .request(Method::GET, "/api/v1/deliverables.csv?lang=sv&format=codes", Some(&coordinator))
        .send()
        .await
        .expect("send");
    let rows = read_csv(&stable.bytes().await.expect("bytes"), b',');
    assert_eq!(
        rows[0],
        ["code", "title", "work_package", "period", "responsible_partners", "due_on", "status", "overdue"]
    );
    let row = rows.iter().find(|r| r[0] == "D2.1").expect("the row");
    assert_eq!(
        row[1..],
        [
            "'=1+1 Regional rapport".to_owned(),
            "WP1".into(),
            "S2".into(),
            row[4].clone(),
            due.to_string(),
            "planned".into(),
            "yes".into()
        ]
    );
    assert!(row[4].split(' ').any(|s| s == "orebro"), "{row:?}");
    let wrong = app.get("/api/v1/deliverables.csv?format=xlsx", Some(&coordinator)).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", wrong.text);
    // The JSON list shares the query, and refuses an unknown format as well.
    let listed = app.get("/api/v1/deliverables?format=xlsx", Some(&coordinator)).await;
    assert_eq!(listed.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", listed.text);

    let ana = signed_in(&app, "fr", "ana@example.ro").await;
    let page = ana.get(app.url("/fr/deliverables.csv")).send().await.expect("send");
    assert_eq!(page.status(), StatusCode::OK);
    let rows = read_csv(&page.bytes().await.expect("bytes"), b';');
    assert_eq!(rows[0][4], messages("fr")["column-partners"]);
    let page = ana.get(app.url("/fr/deliverables.csv?format=codes")).send().await.expect("send");
    let rows = read_csv(&page.bytes().await.expect("bytes"), b',');
    assert_eq!(rows[0][0], "code");
    assert_eq!(rows.iter().find(|r| r[0] == "D2.1").expect("row")[5], due.to_string());
}

async fn the_report_draft_is_written_in_the_chosen_language(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let due = late_deliverable(&app, &coordinator).await.to_string();
    let today = app.state.clock.now().date_naive().to_string();
    // The period the deliverable is due in.
    let periods = app.get("/api/v1/periods", Some(&coordinator)).await;
    let current = periods
        .body
        .as_array()
        .expect("periods")
        .iter()
        .find(|p| {
            p["starts_on"].as_str().unwrap_or("") <= due.as_str() && due.as_str() <= p["ends_on"].as_str().unwrap_or("")
        })
        .and_then(|p| p["code"].as_str())
        .expect("a period holds the due date")
        .to_owned();
    let ro = messages("ro");

    // The API: English by default, Romanian when asked; no codes in the words.
    let english = app.get(&format!("/api/v1/report?period={current}"), Some(&coordinator)).await;
    assert!(english.text.contains(&messages("en")["report-deliverables"]), "{}", english.text);
    let romanian = app.get(&format!("/api/v1/report?period={current}&lang=ro"), Some(&coordinator)).await;
    let text = &romanian.text;
    assert!(text.contains(&format!("### {}", ro["report-deliverables"])), "{text}");
    assert!(text.contains(&format!("### {}", ro["report-documents"])), "{text}");
    assert!(text.contains(&ro["deliverable-status-planned"]), "{text}");
    assert!(text.contains(&format!("**{}**", ro["report-late"])), "{text}");
    for code in ["planned", "in_progress", "submitted", "approved", "meeting_note", "practice", "action_plan"] {
        assert!(!text.contains(code), "no code {code} in {text}");
    }
    assert!(!text.contains(&today), "dates in words, not ISO: {text}");

    // Word: opened by a reader, with the period and the deliverable's title.
    let docx = app
        .request(Method::GET, &format!("/api/v1/report?period={current}&lang=ro&format=docx"), Some(&coordinator))
        .send()
        .await
        .expect("send");
    assert_eq!(docx.status(), StatusCode::OK);
    assert!(docx.headers()["content-type"].to_str().unwrap_or("").contains("wordprocessingml"));
    let bytes = docx.bytes().await.expect("bytes");
    let read = docx_rs::read_docx(&bytes).expect("a Word document");
    let words = serde_json::to_string(&read.document).expect("the document as JSON");
    assert!(words.contains("=1+1 Regional report"), "the deliverable's title is in it");
    let number = current.trim_start_matches('S');
    let period = if current == "FU" {
        ro["export-period-follow-up"].clone()
    } else {
        ro["export-period-semester"].replace("{ $number }", number)
    };
    assert!(words.contains(&period), "the period {period} is in it");

    // The page: the draft in the page's language, the choice of period, the downloads.
    let ana = signed_in(&app, "ro", "ana@example.ro").await;
    let page = ana.get(app.url(&format!("/ro/report?period={current}"))).send().await.expect("send");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("body");
    assert!(html.contains(&ro["report-deliverables"]), "{html}");
    assert!(html.contains(&format!("value=\"{current}\" selected")), "{html}");
    assert!(html.contains("format=docx&#38;language=en") && html.contains("format=docx&#38;language=ro"), "{html}");
    let download = ana
        .get(app.url(&format!("/ro/report/download?period={current}&format=markdown&language=ro")))
        .send()
        .await
        .expect("send");
    assert_eq!(download.status(), StatusCode::OK);
    assert!(download.text().await.expect("body").contains(&ro["report-deliverables"]));
    let docx = ana
        .get(app.url(&format!("/ro/report/download?period={current}&format=docx&language=en")))
        .send()
        .await
        .expect("send");
    let read = docx_rs::read_docx(&docx.bytes().await.expect("bytes")).expect("a Word document");
    assert!(serde_json::to_string(&read.document).expect("json").contains(&messages("en")["report-documents"]));
    let missing = ana.get(app.url("/ro/report?period=S9")).send().await.expect("send");
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}

async fn the_account_page_makes_and_revokes_a_calendar_in_the_accounts_language(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    late_deliverable(&app, &coordinator).await;
    let lars = app.user_token("lars@example.se", "orebro", "editor").await;
    let saved = app.patch("/api/v1/me", Some(&lars), &json!({ "language": "sv" })).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    let sv = messages("sv");

    let browser = signed_in(&app, "sv", "lars@example.se").await;
    let account = browser.get(app.url("/sv/account")).send().await.expect("send").text().await.expect("body");
    assert!(account.contains(&sv["account-calendar-create"]), "{account}");
    // Without the form's token nothing is made.
    let forged = browser.post(app.url("/sv/account/calendar")).form(&[("csrf", "forged")]).send().await.expect("send");
    assert_ne!(forged.status(), StatusCode::OK);
    let made =
        browser.post(app.url("/sv/account/calendar")).form(&[("csrf", csrf_of(&account))]).send().await.expect("send");
    assert_eq!(made.status(), StatusCode::OK);
    assert_eq!(made.headers()["cache-control"], "no-store");
    let html = made.text().await.expect("body");
    assert!(html.contains(&sv["account-calendar-google"]), "{html}");
    let url = html
        .split("id=\"calendar_url\" type=\"text\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("the address, shown once")
        .to_owned();
    let path = url.split_once("/calendar/").map(|(_, rest)| format!("/calendar/{rest}")).expect("path");
    let again = browser.get(app.url("/sv/account")).send().await.expect("send").text().await.expect("body");
    assert!(!again.contains(&path), "the address is not shown again");

    let feed = app.request(Method::GET, &path, None).send().await.expect("send");
    assert_eq!(feed.status(), StatusCode::OK);
    let text = feed.text().await.expect("body");
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("the feed parses");
    let descriptions: Vec<String> = parsed
        .components
        .iter()
        .flat_map(|c| c.properties.iter())
        .filter(|p| p.name.as_str() == "DESCRIPTION")
        .map(|p| p.val.to_string().replace("\\,", ","))
        .collect();
    let deadline = descriptions.iter().find(|d| d.contains("Region Örebro")).expect("the deadline, partners by name");
    assert!(deadline.contains(&sv["deliverable-status-planned"]), "Swedish status words: {deadline}");
    assert!(!deadline.contains("planned") && !deadline.contains("orebro"), "{deadline}");
    assert!(text.contains("=1+1 Regional rapport"), "the summary in Swedish");

    let account = browser.get(app.url("/sv/account")).send().await.expect("send").text().await.expect("body");
    let forged =
        browser.post(app.url("/sv/account/calendar/revoke")).form(&[("csrf", "forged")]).send().await.expect("send");
    assert_ne!(forged.status(), StatusCode::SEE_OTHER);
    assert_eq!(app.request(Method::GET, &path, None).send().await.expect("send").status(), StatusCode::OK);
    let revoked = browser
        .post(app.url("/sv/account/calendar/revoke"))
        .form(&[("csrf", csrf_of(&account))])
        .send()
        .await
        .expect("send");
    assert_eq!(revoked.status(), StatusCode::SEE_OTHER);
    let after = browser.get(app.url("/sv/account")).send().await.expect("send").text().await.expect("body");
    assert!(after.contains(&sv["notice-calendar-revoked"]), "{after}");
    assert_eq!(app.request(Method::GET, &path, None).send().await.expect("send").status(), StatusCode::NOT_FOUND);
}

on_both_databases!(
    the_deliverables_csv_speaks_each_language,
    the_report_draft_is_written_in_the_chosen_language,
    the_account_page_makes_and_revokes_a_calendar_in_the_accounts_language,
);
