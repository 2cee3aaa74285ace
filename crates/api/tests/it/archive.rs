//! `mfx archive DIR`: the static archive holds every published public document in each of its
//! languages, with its files, and links that all lead to files of the archive; drafts,
//! documents under review or shared within the partnership, pending translations and the names
//! of people are nowhere in it; its about page names the licence; a folder that is not empty
//! is refused and left as it was.

use crate::documents::{create, french_practice, move_to, published};
use crate::on_both_databases;
use crate::support::{TestApp, files_under, mfx, printed};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::path::{Component, Path, PathBuf};
use std::process::Output;

const PDF: &[u8] = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/// The attached file's name, with a space and an accent.
const FILE_NAME: &str = "Bilan détaillé 2025.pdf";

/// The demo content and, from Seine-Saint-Denis, a published practice with a file, a draft, a
/// published document shared only within the partnership, and a translation waiting for
/// review. Returns what must appear nowhere in the archive.
async fn filled(app: &TestApp) -> Vec<String> {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    let camille = app.user_token("camille@example.fr", "seine-saint-denis", "editor").await;
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let orebro = app.user_token("lars@example.se", "orebro", "editor").await;

    let created = create(app, &camille, "practices", &french_practice()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = created.header("location").expect("location").to_owned();
    let sent = app
        .request(Method::POST, &format!("{path}/attachments"), Some(&camille))
        .query(&[("filename", FILE_NAME)])
        .header("content-type", "application/octet-stream")
        .body(PDF.to_vec())
        .send()
        .await
        .expect("send");
    assert_eq!(sent.status(), StatusCode::CREATED);
    assert_eq!(move_to(app, &camille, &path, "in_review", None).await.status, StatusCode::OK);
    assert_eq!(move_to(app, &coordinator, &path, "published", None).await.status, StatusCode::OK);
    let swedish = json!({ "text": { "title": "Mikrolån som väntar på granskning", "summary": "Väntande." } });
    let proposed = app.send_json(Method::PUT, &format!("{path}/translations/sv"), Some(&orebro), &swedish).await;
    assert_eq!(proposed.status, StatusCode::ACCEPTED, "{}", proposed.text);

    let mut draft = french_practice();
    draft["text"]["title"] = json!("Brouillon confidentiel des épiceries solidaires");
    let created = create(app, &camille, "practices", &draft).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let draft_id = created.body["id"].as_str().expect("id").to_owned();

    let mut internal = french_practice();
    internal["visibility"] = json!("partnership");
    internal["text"]["title"] = json!("Note interne sur les garanties du partenariat");
    let internal_path = published(app, &camille, &coordinator, "practices", &internal).await;
    let internal_id = internal_path.rsplit('/').next().expect("id").to_owned();

    let mut secrets = vec![
        "Mikrolån som väntar på granskning".to_owned(),
        "Brouillon confidentiel des épiceries solidaires".to_owned(),
        draft_id,
        "Note interne sur les garanties du partenariat".to_owned(),
        internal_id,
        "Camille Martin".to_owned(),
        "camille.martin@example.fr".to_owned(),
    ];
    secrets.extend(demo_secrets());
    secrets
}

/// What the demo content holds that is not for everyone: the titles of its documents that are
/// not published for everyone, and the names and addresses of people.
fn demo_secrets() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seed/demo");
    let mut secrets = Vec::new();
    for file in ["practices.json", "meeting_notes.json", "action_plans.json"] {
        let text = std::fs::read_to_string(dir.join(file)).expect("demo file");
        let entries: Vec<Value> = serde_json::from_str(&text).expect("demo JSON");
        for entry in entries {
            if entry["status"] != "published" || entry["visibility"] != "public" {
                secrets.push(entry["text"]["title"].as_str().expect("title").to_owned());
            }
            for person in entry["attendees"].as_array().into_iter().flatten() {
                secrets.push(person["name"].as_str().expect("name").to_owned());
            }
            for field in ["name", "email"] {
                secrets.extend(entry["contact"][field].as_str().map(str::to_owned));
            }
        }
    }
    assert!(secrets.len() > 20, "the demo has drafts, internal documents and people");
    secrets
}

fn archive(app: &TestApp, dir: &Path, env: &[(&str, &str)]) -> Output {
    let mut command = mfx(&app.db);
    command.arg("archive").arg(dir).envs(env.iter().copied());
    command.output().expect("mfx runs")
}

/// The addresses in the `href`, `src` and `action` attributes of a page, unescaped.
fn addresses(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for attribute in [" href=\"", " src=\"", " action=\"", "\nhref=\""] {
        for piece in html.split(attribute).skip(1) {
            let value = piece.split('"').next().unwrap_or_default();
            found.push(value.replace("&amp;", "&"));
        }
    }
    found
}

/// `%XX` sequences as the bytes they stand for.
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = (bytes[i] == b'%').then(|| text.get(i + 1..i + 3)).flatten();
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(byte) => {
                out.push(byte);
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8(out).expect("UTF-8")
}

/// Where a relative link of the page `page` leads, inside the archive; none when it leaves it.
fn resolve(page: &Path, link: &str) -> Option<PathBuf> {
    let path = link.split(['#', '?']).next().unwrap_or_default();
    let mut resolved = page.parent().unwrap_or(Path::new("")).to_path_buf();
    for component in Path::new(&percent_decoded(path)).components() {
        match component {
            Component::ParentDir => {
                if !resolved.pop() {
                    return None;
                }
            }
            Component::Normal(part) => resolved.push(part),
            _ => return None,
        }
    }
    Some(resolved)
}

/// The published public documents, as an anonymous reader of the API finds them: collection,
/// id, and the languages of their texts.
async fn public_documents(app: &TestApp) -> Vec<(String, String, Vec<String>)> {
    let mut found = Vec::new();
    for collection in ["practices", "meeting-notes", "action-plans"] {
        let listed = app.get(&format!("/api/v1/{collection}?limit=100"), None).await;
        assert_eq!(listed.status, StatusCode::OK, "{}", listed.text);
        assert!(listed.body["next_cursor"].is_null(), "one page holds them all");
        for item in listed.body["items"].as_array().expect("items") {
            let id = item["id"].as_str().expect("id").to_owned();
            let document = app.get(&format!("/api/v1/{collection}/{id}"), None).await;
            let languages = document.body["languages"]
                .as_array()
                .expect("languages")
                .iter()
                .map(|l| l["language"].as_str().expect("language").to_owned())
                .collect();
            found.push((collection.to_owned(), id, languages));
        }
    }
    found
}

async fn an_archive_holds_what_is_public_and_nothing_else(app: TestApp) {
    let secrets = filled(&app).await;
    let dir = app.db.data_dir().join("archive");
    let done = archive(&app, &dir, &[]);
    assert!(done.status.success(), "archive: {}", printed(&done));
    assert!(printed(&done).contains("Archived 23 public document(s)"), "{}", printed(&done));
    let leftovers = std::fs::read_dir(app.db.data_dir()).expect("dir").flatten();
    assert!(
        !leftovers.into_iter().any(|e| e.file_name().to_string_lossy().contains("partial")),
        "no unfinished folder is left beside the archive"
    );
    let archived = files_under(&dir);
    let text = |path: &str| String::from_utf8_lossy(&archived[Path::new(path)]).into_owned();

    // Every public document has its page in each language it is written in, shown in it.
    let documents = public_documents(&app).await;
    assert_eq!(documents.len(), 23, "the demo's published public documents and the new practice");
    for (collection, id, languages) in &documents {
        for language in ["en", "fr", "it", "ro", "sl", "sv"] {
            let page = format!("{language}/{collection}/{id}.html");
            assert!(archived.contains_key(Path::new(&page)), "{page} is missing");
            let shown_in_it = text(&page).contains(&format!("<h1 lang=\"{language}\">"));
            assert_eq!(shown_in_it, languages.iter().any(|l| l == language), "{page} in {language}: {languages:?}");
        }
    }
    for page in ["index.html", "en/index.html", "it/practices.html", "it/partners/bologna.html", "sv/search.html"] {
        assert!(archived.contains_key(Path::new(page)), "{page} is missing");
    }
    let file = archived
        .iter()
        .find(|(path, _)| path.starts_with("files") && path.ends_with("Bilan-détaillé-2025.pdf"))
        .expect("the attached file is in the archive");
    assert_eq!(file.1, PDF);

    // Nothing that is not for everyone, and nothing that needs the server.
    for (path, bytes) in &archived {
        let content = String::from_utf8_lossy(bytes);
        for secret in &secrets {
            assert!(!content.contains(secret.as_str()), "{} holds {secret:?}", path.display());
        }
        for server_only in ["method=\"post\"", "/sign-in", "/history", "api/docs", ".atom", "127.0.0.1"] {
            assert!(!content.contains(server_only), "{} holds {server_only:?}", path.display());
        }
    }

    // Every link of every page leads to a file of the archive, by a relative path.
    let mut checked = 0;
    for (path, bytes) in archived.iter().filter(|(p, _)| p.extension().is_some_and(|e| e == "html")) {
        let html = String::from_utf8_lossy(bytes);
        for link in addresses(&html) {
            assert!(!link.starts_with('/'), "{}: {link} starts with /", path.display());
            if link.starts_with("https://") || link.starts_with("mailto:") || link.starts_with('#') {
                continue;
            }
            assert!(!link.starts_with("http:"), "{}: {link}", path.display());
            let target =
                resolve(path, &link).unwrap_or_else(|| panic!("{}: {link} leaves the archive", path.display()));
            assert!(
                archived.contains_key(&target),
                "{}: {link} leads to no file ({})",
                path.display(),
                target.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 5000, "the pages link to each other: {checked} links");

    // The search of each language lists the documents, their pages relative to it.
    let index = text("static/search-index-it.js");
    let json = index.strip_prefix("window.MFX_SEARCH_INDEX = ").and_then(|t| t.trim_end().strip_suffix(';'));
    let index: Value = serde_json::from_str(json.expect("an assignment")).expect("JSON");
    assert_eq!(index["lang"], "it");
    let entries = index["documents"].as_array().expect("documents");
    assert_eq!(entries.len(), documents.len());
    for entry in entries {
        let url = entry["url"].as_str().expect("url");
        assert!(archived.contains_key(&Path::new("it").join(url)), "{url}");
    }
    assert!(text("it/search.html").contains("<noscript>"));
    let about = text("fr/about.html");
    assert!(about.contains("CC BY 4.0") && about.contains("https://creativecommons.org/licenses/by/4.0/"));
}

async fn an_archive_names_its_licence_and_is_never_written_over(app: TestApp) {
    mfx_api::demo::seed(&app.state.db, app.state.clock.now()).expect("demo");
    let dir = app.db.data_dir().join("archive");
    let licence = [("MFX_CONTENT_LICENCE", "CC BY-SA 4.0")];
    let done = archive(&app, &dir, &licence);
    assert!(done.status.success(), "archive: {}", printed(&done));
    let before = files_under(&dir);
    let about = String::from_utf8_lossy(&before[Path::new("it/about.html")]).into_owned();
    assert!(about.contains("CC BY-SA 4.0"), "{about}");
    assert!(about.contains("https://creativecommons.org/licenses/by-sa/4.0/"), "{about}");

    let again = archive(&app, &dir, &licence);
    assert!(!again.status.success(), "a second archive into the same folder is refused");
    assert!(printed(&again).contains("is not empty"), "{}", printed(&again));
    assert!(files_under(&dir) == before, "the folder is left as it was");

    let occupied = app.db.data_dir().join("occupied");
    std::fs::create_dir_all(&occupied).expect("dir");
    std::fs::write(occupied.join("notes.txt"), "mine").expect("write");
    let refused = archive(&app, &occupied, &[]);
    assert!(!refused.status.success());
    assert_eq!(files_under(&occupied).len(), 1, "nothing is added to a folder that is not empty");
    let empty = app.db.data_dir().join("empty");
    std::fs::create_dir_all(&empty).expect("dir");
    assert!(archive(&app, &empty, &[]).status.success(), "an empty folder is filled");
    assert!(empty.join("index.html").is_file());
}

on_both_databases!(
    an_archive_holds_what_is_public_and_nothing_else,
    an_archive_names_its_licence_and_is_never_written_over
);
