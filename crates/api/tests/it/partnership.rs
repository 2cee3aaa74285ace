//! Languages are data: the real `mfx` binary on a test partnership's own seed (a German and a
//! Polish partner, working language English) with the German and Polish messages read from a
//! folder at start-up — no Rust knows these languages. Its pages speak German and Polish (no
//! English interface text, CLDR dates, Polish plural forms), a German practice is found by its
//! words (by an inflected form on PostgreSQL, whose `german` configuration stems), and a Polish
//! reader receives the digest in Polish.

use crate::cli::{Serving, run, start};
use crate::smtp::SmtpSink;
use crate::support::{Backend, TestDatabase, mfx};
use crate::web::{csrf_of, speaks};
use chrono::Datelike;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::{Command, Stdio};

const PASSWORD: &str = "a long enough password for the test";

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/partnership-de-pl")
}

/// `mfx` on the test database with the partnership's seed and messages.
fn partnership(db: &TestDatabase, smtp: &str) -> Command {
    let mut command = mfx(db);
    command
        .env("MFX_SEED_FILE", fixture().join("partners.json"))
        .env("MFX_LOCALES_DIR", fixture().join("locales"))
        .env("MFX_SMTP_URL", smtp)
        .env("MFX_ADMIN_EMAIL", "admin@example.eu");
    command
}

fn serve(command: Command) -> Serving {
    start(command, 2, Stdio::null())
}

/// Single-line messages of a language of the fixture (or of the compiled-in English): id → text.
fn messages(dir: PathBuf) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())).flatten() {
        for line in std::fs::read_to_string(entry.path()).unwrap_or_default().lines() {
            if let Some((id, value)) = line.split_once(" = ")
                && !id.starts_with(['#', ' ', '-'])
            {
                found.insert(id.to_owned(), value.to_owned());
            }
        }
    }
    found
}

fn fixture_messages(lang: &str) -> BTreeMap<String, String> {
    messages(fixture().join("locales").join(lang))
}

/// The variant `[key]` of a plural message of the fixture, with `count` in place.
fn plural(lang: &str, id: &str, key: &str, count: usize) -> String {
    let dir = fixture().join("locales").join(lang);
    for entry in std::fs::read_dir(&dir).expect("fixture").flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        if let Some((_, rest)) = text.split_once(&format!("\n{id} = ")) {
            let line = rest
                .lines()
                .take_while(|l| !l.starts_with('}'))
                .find_map(|l| l.trim().trim_start_matches('*').strip_prefix(&format!("[{key}] ")))
                .unwrap_or_else(|| panic!("{lang} {id} has no [{key}] variant"));
            return line.replace("{ $count }", &count.to_string()).trim().to_owned();
        }
    }
    panic!("{lang} has no {id}");
}

/// Today's long date as CLDR writes it in German and in Polish (the months written out here, in
/// the test, so the application's ICU output is checked against text, not against itself).
fn today_in(lang: &str) -> String {
    const DE: [&str; 12] = [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ];
    const PL: [&str; 12] = [
        "stycznia",
        "lutego",
        "marca",
        "kwietnia",
        "maja",
        "czerwca",
        "lipca",
        "sierpnia",
        "września",
        "października",
        "listopada",
        "grudnia",
    ];
    // The pages are read anonymously: their times are in UTC, as they say.
    let today = chrono::Utc::now().date_naive();
    let month = usize::try_from(today.month0()).expect("month");
    match lang {
        "de" => format!("{}. {} {}", today.day(), DE[month], today.year()),
        _ => format!("{} {} {}", today.day(), PL[month], today.year()),
    }
}

fn practice(title: &str, summary: &str) -> Value {
    json!({
        "visibility": "public",
        "themes": ["microcredit"],
        "target_groups": ["minimum_income_recipients"],
        "instruments": ["microcredit"],
        "location": {"country": "DE", "region": "Brandenburg", "city": "Potsdam"},
        "start_year": 2024,
        "text": {
            "title": title,
            "summary": summary,
            "description": "Die Investitionsbank begleitet die Gründung zwölf Monate lang.",
            "evidence_of_success": "Viele Betriebe sind entstanden."
        }
    })
}

struct Api {
    client: reqwest::Client,
    base: String,
}

impl Api {
    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: &Value,
    ) -> (StatusCode, Value) {
        let mut request = self.client.request(method, format!("{}{path}", self.base)).json(body);
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request.send().await.expect("send");
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    async fn token(&self, email: &str) -> String {
        let (status, body) = self
            .send(reqwest::Method::POST, "/api/v1/auth/login", None, &json!({"email": email, "password": PASSWORD}))
            .await;
        assert_eq!(status, StatusCode::OK, "{email}: {body}");
        body["access_token"].as_str().expect("token").to_owned()
    }

    /// Creates and publishes a practice; its id.
    async fn publish(&self, token: &str, body: &Value) -> String {
        let (status, created) = self.send(reqwest::Method::POST, "/api/v1/practices", Some(token), body).await;
        assert_eq!(status, StatusCode::CREATED, "{created}");
        let id = created["id"].as_str().expect("id").to_owned();
        for to in ["in_review", "published"] {
            let path = format!("/api/v1/practices/{id}/transitions");
            let (status, moved) = self.send(reqwest::Method::POST, &path, Some(token), &json!({"to": to})).await;
            assert_eq!(status, StatusCode::OK, "{to}: {moved}");
        }
        id
    }

    async fn page(&self, path: &str) -> String {
        let response = self.client.get(format!("{}{path}", self.base)).send().await.expect("send");
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        response.text().await.expect("body")
    }
}

async fn a_german_and_polish_partnership_runs_on_its_own_seed(backend: Backend) {
    let db = TestDatabase::create(backend);
    let sink = SmtpSink::start().await;
    // Accounts through the command line, in the partners' languages by default.
    for (email, partner) in [("greta@example.de", "brandenburg"), ("piotr@example.pl", "malopolska")] {
        let mut command = partnership(&db, &sink.url);
        command.args([
            "user",
            "add",
            "--email",
            email,
            "--partner",
            partner,
            "--role",
            "coordinator",
            "--password-stdin",
        ]);
        let output = tokio::task::spawn_blocking(move || run(&mut command, Some(PASSWORD))).await.expect("joined");
        assert!(output.status.success(), "user add {email}: {}", String::from_utf8_lossy(&output.stderr));
    }
    let server = serve(partnership(&db, &sink.url));
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client");
    let api = Api { client, base: server.base.clone() };

    // The seed's languages are the API's.
    let spec: Value = api
        .client
        .get(format!("{}/api/openapi.json", api.base))
        .send()
        .await
        .expect("send")
        .json()
        .await
        .expect("json");
    assert_eq!(spec["components"]["schemas"]["Locale"]["enum"], json!(["en", "de", "pl"]));

    // Five German practices: every one names Brandenburg, three a Genossenschaft, one Havelland.
    let greta = api.token("greta@example.de").await;
    let mut ids = Vec::new();
    for (i, title) in [
        "Mikrokredite für Gründerinnen in Brandenburg",
        "Genossenschaft für Kleinstunternehmen in Brandenburg",
        "Beratung einer Genossenschaft in Brandenburg",
        "Eine Genossenschaft bürgt in Brandenburg",
        "Havelland: Mentoring in Brandenburg",
    ]
    .into_iter()
    .enumerate()
    {
        let summary = format!("Ein Beispiel aus Brandenburg, Nummer {}.", i + 1);
        ids.push(api.publish(&greta, &practice(title, &summary)).await);
    }
    let first = &ids[0];

    // Found by a German word, and by an inflected form the text does not contain
    // ("Mikrokrediten" → the stem of "Mikrokredite"): the German stemmer, on both databases.
    let search = |q: &str| format!("/api/v1/search?q={q}");
    let (status, found) = api.send(reqwest::Method::GET, &search("Gr%C3%BCnderinnen"), None, &Value::Null).await;
    assert_eq!(status, StatusCode::OK, "{found}");
    assert_eq!(found["items"][0]["document"]["id"].as_str(), Some(first.as_str()), "{found}");
    let (_, stemmed) = api.send(reqwest::Method::GET, &search("Mikrokrediten"), None, &Value::Null).await;
    assert_eq!(stemmed["items"][0]["document"]["id"].as_str(), Some(first.as_str()), "German stemming: {stemmed}");

    // The pages in German and Polish: no English interface text, no raw id.
    let english = messages(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../locales/en"));
    let paths = [
        "/".to_owned(),
        "/sign-in".into(),
        "/practices".into(),
        "/meeting-notes".into(),
        "/action-plans".into(),
        "/search?q=Brandenburg".into(),
        "/partners/malopolska".into(),
        format!("/practices/{first}"),
        format!("/practices/{first}/history"),
    ];
    for lang in ["de", "pl"] {
        let own = fixture_messages(lang);
        for path in &paths {
            let html = api.page(&format!("/{lang}{path}")).await;
            speaks(lang, path, &html, &english, &own);
        }
        // Dates as CLDR writes them ("30. November 2026", "30 listopada 2026").
        let history = api.page(&format!("/{lang}/practices/{first}/history")).await;
        assert!(history.contains(&today_in(lang)), "/{lang} history shows {}: {history}", today_in(lang));
    }

    // Polish plurals: one, few (2–4), many (5+).
    let list = api.page("/pl/practices").await;
    assert!(list.contains(&plural("pl", "list-count", "many", 5)), "{list}");
    for (q, key, count) in [("Havelland", "one", 1), ("Genossenschaft", "few", 3), ("Brandenburg", "many", 5)] {
        let html = api.page(&format!("/pl/search?q={q}")).await;
        let expected = plural("pl", "search-count", key, count);
        assert!(html.contains(&expected), "/pl/search?q={q} says {expected}");
    }

    // Signed in (a page form with its CSRF token), the account page speaks Polish too.
    let form = api.page("/pl/sign-in").await;
    let signed = api
        .client
        .post(format!("{}/pl/sign-in", api.base))
        .form(&[("email", "piotr@example.pl"), ("password", PASSWORD), ("csrf", &csrf_of(&form))])
        .send()
        .await
        .expect("send");
    assert_eq!(signed.status(), StatusCode::SEE_OTHER);
    let own = fixture_messages("pl");
    for path in ["/account", "/dashboard"] {
        let html = api.page(&format!("/pl{path}")).await;
        speaks("pl", path, &html, &english, &own);
    }
    let account = api.page("/pl/account").await;
    assert!(account.contains(">Polski<") && account.contains(">Deutsch<"), "endonyms in the switcher");
    drop(server);

    // The digest, by the command line with the same environment, reaches Piotr in Polish.
    let mut command = partnership(&db, &sink.url);
    command.args(["digest", "run", "--now"]);
    let output = tokio::task::spawn_blocking(move || run(&mut command, None)).await.expect("joined");
    assert!(output.status.success(), "digest run: {}", String::from_utf8_lossy(&output.stderr));
    let mail = sink.accepted().into_iter().find(|m| m.to == ["piotr@example.pl"]).expect("Piotr's digest");
    let text = mail.part("text/plain");
    assert!(text.contains("Dzień dobry"), "{text}");
    assert!(text.contains("Mikrokredite für Gründerinnen in Brandenburg"), "{text}");
    assert!(mail.part("text/html").contains("lang=\"pl\""), "{}", mail.part("text/html"));
    let own_digest = fixture_messages("pl");
    for (id, english_text) in english.iter().filter(|(id, _)| id.starts_with("digest-")) {
        let is_plain = !english_text.contains('{') && english_text.chars().count() >= 10;
        if is_plain && own_digest.get(id).is_some_and(|t| t != english_text) {
            assert!(!text.contains(english_text.as_str()), "the Polish digest says `{english_text}` ({id})");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    a_german_and_polish_partnership_runs_on_its_own_seed(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
async fn postgres() {
    a_german_and_polish_partnership_runs_on_its_own_seed(Backend::Postgres).await;
}

/// A seed language without messages, or a seed with bad languages, stops the start (exit 2)
/// with every problem named.
#[test]
fn a_bad_seed_or_a_language_without_messages_stops_the_start() {
    let db = TestDatabase::create(Backend::Sqlite);
    let output = run(mfx(&db).env("MFX_SEED_FILE", fixture().join("partners.json")).arg("migrate"), None);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("de, pl"), "{stderr}");

    // A seed naming a language by its name, and a partner in a language it does not list.
    let seed = std::fs::read_to_string(fixture().join("partners.json"))
        .expect("seed")
        .replace("\"pl\"]", "\"Polski\"]")
        .replace("\"locale\": \"de\"", "\"locale\": \"cs\"");
    let path = db.data_dir().join("bad-seed.json");
    std::fs::write(&path, seed).expect("write");
    let output = run(mfx(&db).env("MFX_SEED_FILE", &path).arg("serve"), None);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("locales[2]") && stderr.contains("`Polski` is not a BCP 47 language code"), "{stderr}");
    assert!(stderr.contains("partners[0].locale") && stderr.contains("`cs`"), "{stderr}");
}

/// `mfx locales check` finds the fixture's messages complete, and lists what a folder lacks.
#[test]
fn the_check_command_lists_what_a_language_lacks() {
    let db = TestDatabase::create(Backend::Sqlite);
    let complete = run(
        mfx(&db)
            .env("MFX_SEED_FILE", fixture().join("partners.json"))
            .args(["locales", "check", "--dir"])
            .arg(fixture().join("locales")),
        None,
    );
    assert_eq!(complete.status.code(), Some(0), "{}", String::from_utf8_lossy(&complete.stdout));
    let partial = db.data_dir().join("partial");
    std::fs::create_dir_all(partial.join("pl")).expect("dir");
    std::fs::write(partial.join("pl/core.ftl"), "site-name = { -brand }\n-brand = X\nextra-message = Nadmiar\n")
        .expect("write");
    let output = run(
        mfx(&db)
            .env("MFX_SEED_FILE", fixture().join("partners.json"))
            .args(["locales", "check", "--dir"])
            .arg(&partial),
        None,
    );
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("de:") && stdout.contains("no messages at all"), "{stdout}");
    assert!(stdout.contains("missing `datetime`") && stdout.contains("extra `extra-message`"), "{stdout}");
}
