//! `mfx archive DIR`: the project's static archive, a website of everything public that stays
//! readable for years without a server (docs/operations.md, "The project archive").
//!
//! The application is built on the configured database as `mfx serve` builds it, and its pages
//! are asked of it in-process, as an anonymous reader asks for them: what it answers is
//! exactly what anyone may read, the published public documents. Each request carries
//! [`ForArchive`], so the pages leave out what needs the server (signing in, forms that send,
//! feeds, history) and the names of people. Their links are rewritten to relative paths of
//! files ([`links`], [`plan`]); the archive adds a search that runs in the browser
//! ([`search`]) and a page saying what it is ([`pages`]). Everything is written under a
//! temporary name beside DIR and renamed when complete, so an interrupted archive never looks
//! like one.

#![expect(clippy::print_stdout, reason = "the command line talks to the operator on stdout")]

mod links;
mod pages;
mod plan;
mod search;

use crate::clock::Clock;
use crate::progress::Progress;
use crate::server;
use crate::settings::Settings;
use crate::state::AppState;
use crate::usecases::documents::{self as service, ListQuery};
use crate::web::ForArchive;
use actix_web::dev::{Service, ServiceResponse};
use actix_web::http::{StatusCode, header};
use actix_web::web::Bytes;
use actix_web::{App, HttpMessage as _, web};
use futures_util::StreamExt as _;
use mfx_domain::Locale;
use mfx_domain::document::{Kind, Status, Visibility};
use mfx_domain::policy::Actor;
use mfx_store::attachments::AttachmentMeta;
use mfx_store::documents::DocumentSummary;
use plan::Plan;
use std::fs;
use std::path::Path;

/// The script of the search pages.
const SEARCH_SCRIPT: &str = include_str!("../../static/archive-search.js");

/// Where the application keeps the search index it needs while the archive is made (inside
/// the unfinished archive; removed before the rename).
const SEARCH_DIR: &str = ".search-index";

/// How many pages are asked for at once.
const AT_ONCE: usize = 4;

/// A public document and its public files.
struct Public {
    summary: DocumentSummary,
    files: Vec<AttachmentMeta>,
}

fn write(root: &Path, file: &str, bytes: &[u8]) -> Result<(), String> {
    let path = root.join(file);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// The size of every file under `dir`, in bytes.
fn size(dir: &Path) -> u64 {
    fs::read_dir(dir).into_iter().flatten().flatten().fold(0, |sum, entry| match entry.metadata() {
        Ok(m) if m.is_dir() => sum + size(&entry.path()),
        Ok(m) => sum + m.len(),
        Err(_) => sum,
    })
}

/// Writes the archive of everything public into `dir`, which must not exist or be empty.
pub async fn archive(settings: Settings, dir: &Path) -> Result<(), String> {
    if dir.exists() {
        let mut entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} exists and is not empty: choose a new folder (nothing was written)",
                dir.display()
            ));
        }
    }
    let started = std::time::Instant::now();
    let work = crate::transfer::partial(dir);
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let made = write_archive(settings, &work).await;
    let _ = fs::remove_dir_all(work.join(SEARCH_DIR));
    let holdings = match made {
        Ok(holdings) => holdings,
        Err(message) => {
            let _ = fs::remove_dir_all(&work);
            return Err(message);
        }
    };
    // DIR may have been made or filled meanwhile: then the complete archive stays where it is.
    let kept = |e: std::io::Error| {
        format!("cannot rename {} to {}: {e}; the complete archive is in {0}", work.display(), dir.display())
    };
    if dir.exists() {
        fs::remove_dir(dir).map_err(kept)?;
    }
    fs::rename(&work, dir).map_err(kept)?;
    let documents = holdings.practices + holdings.meeting_notes + holdings.action_plans;
    #[expect(clippy::cast_precision_loss, reason = "a size shown to people")]
    let megabytes = size(dir) as f64 / 1_048_576.0;
    println!(
        "Archived {documents} public document(s) ({} good practice(s), {} meeting note(s), {} action plan(s)) \
         with {} attached file(s) in {} language(s) to {}: {megabytes:.1} MB in {:.1} s. Open {} in a browser.",
        holdings.practices,
        holdings.meeting_notes,
        holdings.action_plans,
        holdings.files,
        holdings.languages.len(),
        dir.display(),
        started.elapsed().as_secs_f64(),
        dir.join("index.html").display()
    );
    Ok(())
}

/// Every public document with its files, as an anonymous reader finds them.
async fn public_documents(state: &AppState, lang: Locale) -> Result<Vec<Public>, String> {
    let anonymous = Actor::Anonymous;
    let mut found = Vec::new();
    for kind in Kind::ALL {
        let mut cursor = None;
        loop {
            let query = ListQuery {
                lang: None,
                partner: None,
                theme: None,
                status: None,
                updated_since: None,
                cursor: cursor.take(),
                limit: Some(100),
            };
            let filter = query.filter().map_err(|e| e.to_string())?;
            let listed = service::list(state, &anonymous, Some(kind), filter, lang).await.map_err(|e| e.to_string())?;
            for item in listed.items {
                let record =
                    service::readable(state, &anonymous, Some(kind), item.id).await.map_err(|e| e.to_string())?;
                let summary = record.summary;
                // What anyone may read, and nothing else, whatever the lists answered.
                if summary.status != Status::Published || summary.visibility != Visibility::Public {
                    continue;
                }
                let files = service::files::shown(state, &anonymous, &summary).await.map_err(|e| e.to_string())?;
                // Files waiting for review are not yet the document's.
                let files = files.into_iter().filter(|f| f.pending.is_none()).collect();
                found.push(Public { summary, files });
            }
            match listed.next_cursor {
                Some(next) => cursor = Some(next),
                None => break,
            }
        }
    }
    Ok(found)
}

/// Builds the application, asks it for every public page and writes the archive into `work`.
async fn write_archive(mut settings: Settings, work: &Path) -> Result<pages::Holdings, String> {
    settings.search_dir = work.join(SEARCH_DIR);
    settings.cache_bytes = 0;
    let public_url = settings.public_url.clone();
    let licence = settings.privacy.content_licence.clone();
    let (state, prepared) = server::prepare_state(settings, Clock::System).map_err(|e| e.to_string())?;
    if let Some((email, password)) = &prepared.first_admin {
        println!(
            "This database had no account: a first administrator was created ({email}, one-time password {password})."
        );
    }
    let working = Locale::fallback();
    let mut languages = vec![working];
    languages.extend(Locale::all().into_iter().filter(|l| *l != working));

    let partners = state.read(mfx_store::partners::list).await.map_err(|e| e.to_string())?;
    let mut plan = Plan::new(&languages);
    plan.written("static/archive-search.js");
    for lang in &languages {
        plan.written(&format!("static/search-index-{lang}.js"));
    }
    plan.lists();
    for partner in &partners {
        plan.partner(partner.profile.slug.as_str());
    }
    let documents = public_documents(&state, working).await?;
    let mut holdings = pages::Holdings {
        languages: languages.clone(),
        made_on: Clock::System.now().date_naive(),
        licence,
        ..pages::Holdings::default()
    };
    for Public { summary, files } in &documents {
        let id = summary.id.to_string();
        plan.document(summary.kind, &id);
        for file in files {
            plan.attachment(&id, &file.id.to_string(), &file.filename);
        }
        holdings.files += files.len();
        match summary.kind {
            Kind::Practice => holdings.practices += 1,
            Kind::MeetingNote => holdings.meeting_notes += 1,
            Kind::ActionPlan => holdings.action_plans += 1,
        }
    }

    fetch_pages(&state, &mut plan, work, &public_url).await?;

    let project = state
        .read(mfx_store::seed::project)
        .await
        .map_err(|e| e.to_string())?
        .map(|(p, _)| pages::Project { acronym: p.acronym, programme: p.programme })
        .unwrap_or_default();
    let mut labels = crate::indexing::Labels::default();
    let mut found = Vec::with_capacity(documents.len());
    for Public { summary, .. } in &documents {
        if let Some(partner) = partners.iter().find(|p| p.id == summary.partner) {
            found.push((summary, &partner.profile, search::document_words(summary, &partner.profile, &mut labels)));
        }
    }
    for lang in &languages {
        let search_page = format!("{lang}/search.html");
        let mut indexed = Vec::with_capacity(found.len());
        for (summary, partner, words) in &found {
            let Some(file) = plan.target(&format!("/{lang}/{}/{}", summary.kind.collection(), summary.id)) else {
                continue;
            };
            indexed.push(search::Indexed { url: links::relative(&search_page, &file), summary, partner, words });
        }
        let script = search::script(*lang, &indexed)?;
        write(work, &format!("static/search-index-{lang}.js"), script.as_bytes())?;
        let html = links::rewrite(&pages::search(*lang, &project)?, &search_page, &mut plan, &public_url)?;
        write(work, &search_page, html.as_bytes())?;
        let about_page = format!("{lang}/about.html");
        let html = links::rewrite(&pages::about(*lang, &project, &holdings)?, &about_page, &mut plan, &public_url)?;
        write(work, &about_page, html.as_bytes())?;
    }
    write(work, "static/archive-search.js", SEARCH_SCRIPT.as_bytes())?;
    if !plan.take().is_empty() {
        return Err("the search and about pages link to pages the archive does not hold".to_owned());
    }
    Ok(holdings)
}

/// Asks the application for every page and file of the plan, as an anonymous reader, a few at
/// a time, and writes each as it comes, its links rewritten; the pages met on the way (the
/// further pages of a list) are asked for in turn.
async fn fetch_pages(state: &AppState, plan: &mut Plan, work: &Path, public_url: &str) -> Result<(), String> {
    let app = App::new().app_data(web::Data::new(state.clone())).configure(crate::web::configure);
    let app = actix_web::test::init_service(app).await;
    let mut progress = Progress::new("archiving pages", 0);
    loop {
        let batch = plan.take();
        if batch.is_empty() {
            break;
        }
        progress.grow(batch.len() as u64);
        let app = &app;
        let mut answers = futures_util::stream::iter(batch)
            .map(|fetch| async move {
                let request = actix_web::test::TestRequest::get().uri(&fetch.url).to_request();
                request.extensions_mut().insert(ForArchive);
                let answer = answer(app, request, &fetch.url).await;
                (fetch, answer)
            })
            .buffered(AT_ONCE);
        while let Some((fetch, answer)) = answers.next().await {
            let (html, body) = answer?;
            for file in &fetch.files {
                if html {
                    let text = String::from_utf8_lossy(&body);
                    write(work, file, links::rewrite(&text, file, plan, public_url)?.as_bytes())?;
                } else {
                    write(work, file, &body)?;
                }
            }
            progress.advance(1);
        }
    }
    progress.finish();
    Ok(())
}

/// The application's answer to `request` for `url`: whether it is a page, and its body. Any
/// answer but 200 stops the archive: every address asked for is one an anonymous reader reaches.
async fn answer<S, R>(app: &S, request: R, url: &str) -> Result<(bool, Bytes), String>
where
    S: Service<R, Response = ServiceResponse, Error = actix_web::Error>,
{
    let response = actix_web::test::try_call_service(app, request).await.map_err(|e| format!("{url}: {e}"))?;
    let status = response.status();
    let html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.starts_with("text/html"));
    let body = actix_web::body::to_bytes(response.into_body()).await.map_err(|e| format!("{url}: {e}"))?;
    if status != StatusCode::OK {
        return Err(format!("{url} answered {status}"));
    }
    Ok((html, body))
}
