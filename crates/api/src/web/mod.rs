//! The web interface: server-rendered pages under `/{lang}/…` in six languages, working
//! without JavaScript. Pages reuse the API's use cases; forms post and redirect (303).

mod account_data;
mod action_items;
mod admin;
mod admin_user;
mod attachment;
mod calendar;
mod conflict;
mod dashboard;
mod deliverable;
mod document;
mod extract;
mod feed;
mod form_fields;
mod form_state;
mod forms;
mod history;
mod outbox;
mod page;
mod pages;
mod password;
mod privacy;
mod report;
mod review;
mod search;
mod session;
mod svg;
mod timeline;
mod translate;
mod unsubscribe;
mod upload;
mod work_plan;
mod zones;

/// Shared with mail; the pages drawn by hand (dashboard, SVG) use it from here.
pub use crate::text::escape;
pub use page::{ForArchive, Page};

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::cookie::Cookie;
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpMessage, HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::Locale;

/// The routes of the web interface.
pub fn configure(cfg: &mut web::ServiceConfig) {
    // The loaded languages, from the registry: `/de/…` exists when the seed speaks German.
    let codes: Vec<&str> = Locale::all().into_iter().map(Locale::as_str).collect();
    let l = format!("{{lang:{}}}", codes.join("|"));
    const C: &str = "{collection:practices|meeting-notes|action-plans}";
    cfg.service(web::resource("/").get(pages::root))
        .service(web::resource("/unsubscribe/{token}").get(unsubscribe::confirm).post(unsubscribe::unsubscribe))
        .service(web::resource("/static/app.css").get(pages::stylesheet))
        .service(web::resource(format!("/{l}")).get(pages::language_root))
        .service(web::resource(format!("/{l}/")).get(pages::home))
        .service(web::resource(format!("/{l}/sign-in")).get(pages::sign_in_form).post(pages::sign_in))
        .service(web::resource(format!("/{l}/sign-out")).post(pages::sign_out))
        .service(web::resource(format!("/{l}/privacy")).get(privacy::notice))
        .service(web::resource(format!("/{l}/search")).get(search::search))
        .service(web::resource(format!("/{l}/dashboard")).get(dashboard::dashboard))
        .service(web::resource(format!("/{l}/action-items")).get(action_items::board_page))
        .service(web::resource(format!("/{l}/deliverables.csv")).get(dashboard::csv))
        .service(web::resource(format!("/{l}/work-packages")).get(work_plan::list).post(work_plan::create_package))
        .service(
            web::resource(format!("/{l}/work-packages/{{code}}"))
                .get(work_plan::package)
                .post(work_plan::change_package),
        )
        .service(web::resource(format!("/{l}/periods")).post(work_plan::create_period))
        .service(web::resource(format!("/{l}/periods/{{code}}")).post(work_plan::change_period))
        .service(web::resource(format!("/{l}/deliverables/new")).get(deliverable::new_form).post(deliverable::create))
        .service(web::resource(format!("/{l}/deliverables/{{id}}")).get(deliverable::deliverable))
        .service(
            web::resource(format!("/{l}/deliverables/{{id}}/edit")).get(deliverable::edit_form).post(deliverable::edit),
        )
        .service(web::resource(format!("/{l}/deliverables/{{id}}/transition")).post(deliverable::transition))
        .service(web::resource(format!("/{l}/report")).get(report::show))
        .service(web::resource(format!("/{l}/report/download")).get(report::download))
        .service(web::resource(format!("/{l}/account")).get(pages::account).post(pages::save_account))
        .service(web::resource(format!("/{l}/account/password")).get(password::form).post(password::change))
        .service(web::resource(format!("/{l}/account/data")).get(account_data::show))
        .service(web::resource(format!("/{l}/account/data/export")).get(account_data::download))
        .service(web::resource(format!("/{l}/account/data/erasure")).post(account_data::request))
        .service(web::resource(format!("/{l}/account/data/erasure/withdraw")).post(account_data::withdraw))
        .service(web::resource(format!("/{l}/account/unsubscribe-links")).post(password::revoke_unsubscribe_links))
        .service(web::resource(format!("/{l}/account/calendar")).post(calendar::create))
        .service(web::resource(format!("/{l}/account/calendar/revoke")).post(calendar::revoke))
        .service(web::resource(format!("/{l}/admin/digests")).get(outbox::list))
        .service(web::resource(format!("/{l}/admin/users")).get(admin::list))
        .service(web::resource(format!("/{l}/admin/erasures")).get(account_data::list))
        .service(web::resource(format!("/{l}/admin/erasures/{{id}}")).post(account_data::confirm))
        .service(web::resource(format!("/{l}/admin/users/new")).get(admin::new_form).post(admin::create))
        .service(web::resource(format!("/{l}/admin/users/{{id}}")).get(admin_user::user).post(admin_user::save))
        .service(web::resource(format!("/{l}/admin/users/{{id}}/deactivate")).post(admin_user::deactivate))
        .service(web::resource(format!("/{l}/admin/users/{{id}}/reactivate")).post(admin_user::reactivate))
        .service(web::resource(format!("/{l}/admin/users/{{id}}/password")).post(admin_user::reset_password))
        .service(web::resource(format!("/{l}/admin/digests/{{id}}/retry")).post(outbox::retry))
        .service(web::resource(format!("/{l}/partners/{{slug}}.atom")).get(feed::partner))
        .service(web::resource(format!("/{l}/partners/{{slug}}")).get(pages::partner))
        .service(web::resource(format!("/{l}/{C}.atom")).get(feed::collection))
        .service(web::resource(format!("/{l}/{C}")).get(pages::list))
        .service(web::resource(format!("/{l}/{C}/new")).get(forms::new_form).post(forms::create))
        .service(web::resource(format!("/{l}/{C}/{{id}}")).get(document::document))
        .service(web::resource(format!("/{l}/{C}/{{id}}/edit")).get(forms::edit_form).post(forms::edit))
        .service(web::resource(format!("/{l}/{C}/{{id}}/history")).get(history::history))
        .service(web::resource(format!("/{l}/{C}/{{id}}/attachments")).post(upload::upload))
        .service(web::resource(format!("/{l}/{C}/{{id}}/attachments/{{attachment}}")).get(attachment::download))
        .service(web::resource(format!("/{l}/{C}/{{id}}/attachments/{{attachment}}/remove")).post(upload::remove))
        .service(web::resource(format!("/{l}/{C}/{{id}}/transition")).post(forms::transition))
        .service(web::resource(format!("/{l}/{C}/{{id}}/pending/discard")).post(review::discard))
        .service(web::resource(format!("/{l}/{C}/{{id}}/translations/{{target}}/decision")).post(review::decide))
        .service(
            web::resource(format!("/{l}/{C}/{{id}}/translations/{{target}}"))
                .get(translate::translate_form)
                .post(translate::translate),
        );
}

/// An HTML response with the headers every page carries.
pub fn html(status: StatusCode, body: String, cookies: Vec<Cookie<'static>>) -> HttpResponse {
    let mut response = HttpResponse::build(status);
    response
        .content_type("text/html; charset=utf-8")
        .insert_header((
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
        ))
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .insert_header((header::REFERRER_POLICY, "same-origin"))
        .insert_header((header::CACHE_CONTROL, "private, no-cache"))
        .insert_header((header::VARY, "Cookie"));
    for cookie in cookies {
        response.cookie(cookie);
    }
    response.body(body)
}

/// A redirect after a form post.
pub fn see_other(location: &str, cookies: Vec<Cookie<'static>>) -> HttpResponse {
    let mut response = HttpResponse::SeeOther();
    response.insert_header((header::LOCATION, location.to_owned()));
    for cookie in cookies {
        response.cookie(cookie);
    }
    response.finish()
}

pub fn render<T: Template>(template: &T) -> Result<String, ApiError> {
    template.render().map_err(ApiError::internal)
}

/// Pages an account that must change its password may still see: the change form itself,
/// signing in and out, and the privacy notice.
fn allowed_before_password_change(path: &str) -> bool {
    ["/account/password", "/sign-in", "/sign-out", "/privacy"].iter().any(|tail| path.ends_with(tail))
        || path.starts_with("/unsubscribe/")
}

/// Builds the page context: language, account, CSRF token, project names. An account that
/// must change its password gets [`ApiError::PasswordChangeRequired`] on every other page,
/// which [`error_page`] turns into a redirect to the change form.
pub async fn context(
    state: &AppState,
    req: &HttpRequest,
    lang: Locale,
    title_id: &str,
) -> Result<(Page, Vec<Cookie<'static>>), ApiError> {
    let user = session::current_user(state, req).await?;
    if user.as_ref().is_some_and(|u| u.record.account.password_change_required)
        && !allowed_before_password_change(req.path())
    {
        return Err(ApiError::PasswordChangeRequired);
    }
    let (csrf, cookie) = session::csrf(state, req);
    let project = state.read(mfx_store::seed::project).await?;
    let tr = mfx_i18n::Translator::new(lang);
    let path = req.path().strip_prefix(&format!("/{lang}")).unwrap_or("/").to_owned();
    let query = if req.query_string().is_empty() { String::new() } else { format!("?{}", req.query_string()) };
    let notice =
        req.cookie("mfx_notice").map(|c| c.value().to_owned()).filter(|id| id.starts_with("notice-")).map(|value| {
            match value.split_once('~') {
                Some((id, name)) => tr.args(id, &[("name", mfx_i18n::Arg::from(unhex(name).as_str()))]),
                None => tr.t(&value),
            }
        });
    let mut cookies: Vec<Cookie<'static>> = cookie.into_iter().collect();
    if notice.is_some() {
        let mut clear = Cookie::build("mfx_notice", "").path("/").finish();
        clear.make_removal();
        cookies.push(clear);
    }
    let (project, programme) = project.map(|(p, _)| (p.acronym, p.programme)).unwrap_or_default();
    Ok((
        Page {
            title: tr.t(title_id),
            title_lang: None,
            tr,
            lang,
            path: if path.is_empty() { "/".into() } else { path },
            query,
            user,
            csrf,
            project,
            programme,
            notice,
            archive: req.extensions().get::<ForArchive>().is_some(),
        },
        cookies,
    ))
}

/// A one-time notice shown on the next page (a message id).
pub fn notice(id: &'static str) -> Cookie<'static> {
    Cookie::build("mfx_notice", id).path("/").http_only(true).finish()
}

/// A one-time notice naming something (a file's name), carried hex-encoded so any name
/// survives the cookie.
pub fn notice_with(id: &'static str, name: &str) -> Cookie<'static> {
    let hex: String = name.bytes().map(|b| format!("{b:02x}")).collect();
    Cookie::build("mfx_notice", format!("{id}~{hex}")).path("/").http_only(true).finish()
}

/// The text a [`notice_with`] cookie carries; what does not decode is dropped.
fn unhex(hex: &str) -> String {
    let bytes: Vec<u8> =
        (0..hex.len() / 2).filter_map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// An error as a page in the reader's language.
pub async fn error_page(state: &AppState, req: &HttpRequest, lang: Locale, error: &ApiError) -> HttpResponse {
    use actix_web::ResponseError;
    if let ApiError::PasswordChangeRequired = error {
        return see_other(&format!("/{lang}/account/password"), Vec::new());
    }
    let status = error.status_code();
    match error {
        ApiError::Unavailable(_) | ApiError::StorageFull(_) => tracing::warn!(error = %error, "page failed"),
        _ if status.is_server_error() => tracing::error!(error = %error, "page failed"),
        _ => {}
    }
    let mut page = status_page(state, req, lang, status).await;
    if let ApiError::Unavailable(_) = error {
        page.headers_mut().insert(actix_web::http::header::RETRY_AFTER, crate::error::RETRY_AFTER_UNAVAILABLE.into());
    }
    page
}

/// The messages (title, text) of the error page for a status.
fn status_messages(status: StatusCode) -> (&'static str, &'static str) {
    match status {
        StatusCode::NOT_FOUND => ("error-page-not-found", "error-page-not-found-text"),
        StatusCode::FORBIDDEN => ("error-page-forbidden", "error-page-forbidden-text"),
        StatusCode::UNAUTHORIZED => ("error-page-unauthorized", "error-page-unauthorized-text"),
        StatusCode::METHOD_NOT_ALLOWED => ("error-page-method-not-allowed", "error-page-method-not-allowed-text"),
        StatusCode::PAYLOAD_TOO_LARGE => ("error-page-too-large", "error-page-too-large-text"),
        StatusCode::REQUEST_TIMEOUT => ("error-page-too-slow", "error-page-too-slow-text"),
        StatusCode::SERVICE_UNAVAILABLE => ("error-page-unavailable", "error-page-unavailable-text"),
        StatusCode::INSUFFICIENT_STORAGE => ("error-page-storage-full", "error-page-storage-full-text"),
        s if s.is_client_error() => ("error-page-bad-request", "error-page-bad-request-text"),
        _ => ("error-page-failed", "error-page-failed-text"),
    }
}

/// The error page for a status, in the reader's language. When the page's context cannot be
/// read (the database is down), the page is drawn without the account and the project's names.
pub async fn status_page(state: &AppState, req: &HttpRequest, lang: Locale, status: StatusCode) -> HttpResponse {
    let (id, body_id) = status_messages(status);
    let (page, cookies) = match context(state, req, lang, id).await {
        Ok(found) => found,
        Err(_) => (bare_page(req, lang, id), Vec::new()),
    };
    let text = page.t(body_id);
    match render(&pages::ErrorPage { page: &page, text }) {
        Ok(body) => html(status, body, cookies),
        Err(_) => HttpResponse::build(status).content_type("text/plain; charset=utf-8").body(page.title.clone()),
    }
}

/// A page context that needs nothing from the database.
fn bare_page(req: &HttpRequest, lang: Locale, title_id: &str) -> Page {
    let tr = mfx_i18n::Translator::new(lang);
    let path = req.path().strip_prefix(&format!("/{lang}")).unwrap_or("/").to_owned();
    Page {
        title: tr.t(title_id),
        title_lang: None,
        tr,
        lang,
        path: if path.is_empty() { "/".into() } else { path },
        query: String::new(),
        user: None,
        csrf: String::new(),
        project: String::new(),
        programme: String::new(),
        notice: None,
        archive: req.extensions().get::<ForArchive>().is_some(),
    }
}

/// The page `work` builds, or the error it met as a page in the reader's language.
pub async fn respond(
    state: &AppState,
    req: &HttpRequest,
    lang: Locale,
    work: impl std::future::Future<Output = Result<HttpResponse, ApiError>>,
) -> HttpResponse {
    match work.await {
        Ok(response) => response,
        Err(error) => error_page(state, req, lang, &error).await,
    }
}

/// Parses the `{lang}` of a path (the route only lets the six through).
pub fn locale(raw: &str) -> Locale {
    raw.parse().unwrap_or(Locale::fallback())
}
