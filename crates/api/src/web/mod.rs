//! The web interface: server-rendered pages under `/{lang}/…` in six languages, working
//! without JavaScript. Pages reuse the API's use cases; forms post and redirect (303).

mod dashboard;
mod forms;
mod outbox;
mod page;
mod pages;
mod review;
mod session;
mod svg;
mod unsubscribe;

pub use page::Page;

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::cookie::Cookie;
use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_domain::Locale;

/// The routes of the web interface.
pub fn configure(cfg: &mut web::ServiceConfig) {
    const L: &str = "{lang:en|fr|it|ro|sl|sv}";
    const C: &str = "{collection:practices|meeting-notes|action-plans}";
    cfg.service(web::resource("/").get(pages::root))
        .service(web::resource("/unsubscribe/{token}").get(unsubscribe::confirm).post(unsubscribe::unsubscribe))
        .service(web::resource("/static/app.css").get(pages::stylesheet))
        .service(web::resource(format!("/{L}")).get(pages::language_root))
        .service(web::resource(format!("/{L}/")).get(pages::home))
        .service(web::resource(format!("/{L}/sign-in")).get(pages::sign_in_form).post(pages::sign_in))
        .service(web::resource(format!("/{L}/sign-out")).post(pages::sign_out))
        .service(web::resource(format!("/{L}/search")).get(pages::search))
        .service(web::resource(format!("/{L}/dashboard")).get(dashboard::dashboard))
        .service(web::resource(format!("/{L}/deliverables.csv")).get(dashboard::csv))
        .service(web::resource(format!("/{L}/account")).get(pages::account).post(pages::save_account))
        .service(web::resource(format!("/{L}/admin/digests")).get(outbox::list))
        .service(web::resource(format!("/{L}/admin/digests/{{id}}/retry")).post(outbox::retry))
        .service(web::resource(format!("/{L}/partners/{{slug}}")).get(pages::partner))
        .service(web::resource(format!("/{L}/{C}")).get(pages::list))
        .service(web::resource(format!("/{L}/{C}/new")).get(forms::new_form).post(forms::create))
        .service(web::resource(format!("/{L}/{C}/{{id}}")).get(pages::document))
        .service(web::resource(format!("/{L}/{C}/{{id}}/edit")).get(forms::edit_form).post(forms::edit))
        .service(web::resource(format!("/{L}/{C}/{{id}}/history")).get(pages::history))
        .service(web::resource(format!("/{L}/{C}/{{id}}/transition")).post(forms::transition))
        .service(web::resource(format!("/{L}/{C}/{{id}}/pending/discard")).post(review::discard))
        .service(web::resource(format!("/{L}/{C}/{{id}}/translations/{{target}}/decision")).post(review::decide))
        .service(
            web::resource(format!("/{L}/{C}/{{id}}/translations/{{target}}"))
                .get(forms::translate_form)
                .post(forms::translate),
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

/// Escapes text for HTML content and double-quoted attributes (pages drawn by hand, SVG, email).
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

pub fn render<T: Template>(template: &T) -> Result<String, ApiError> {
    template.render().map_err(ApiError::internal)
}

/// Builds the page context: language, account, CSRF token, project names.
pub async fn context(
    state: &AppState,
    req: &HttpRequest,
    lang: Locale,
    title_id: &str,
) -> Result<(Page, Vec<Cookie<'static>>), ApiError> {
    let user = session::current_user(state, req).await?;
    let (csrf, cookie) = session::csrf(state, req);
    let project = state.read(mfx_store::seed::project).await?;
    let tr = mfx_i18n::Translator::new(lang);
    let path = req.path().strip_prefix(&format!("/{lang}")).unwrap_or("/").to_owned();
    let query = if req.query_string().is_empty() { String::new() } else { format!("?{}", req.query_string()) };
    let notice = req
        .cookie("mfx_notice")
        .map(|c| c.value().to_owned())
        .filter(|id| id.starts_with("notice-"))
        .map(|id| tr.t(&id));
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
        },
        cookies,
    ))
}

/// A one-time notice shown on the next page (a message id).
pub fn notice(id: &'static str) -> Cookie<'static> {
    Cookie::build("mfx_notice", id).path("/").http_only(true).finish()
}

/// An error as a page in the reader's language.
pub async fn error_page(state: &AppState, req: &HttpRequest, lang: Locale, error: &ApiError) -> HttpResponse {
    use actix_web::ResponseError;
    let status = error.status_code();
    if status.is_server_error() {
        tracing::error!(error = %error, "page failed");
    }
    let (id, body_id) = match status {
        StatusCode::NOT_FOUND => ("error-page-not-found", "error-page-not-found-text"),
        StatusCode::FORBIDDEN => ("error-page-forbidden", "error-page-forbidden-text"),
        StatusCode::UNAUTHORIZED => ("error-page-unauthorized", "error-page-unauthorized-text"),
        _ => ("error-page-failed", "error-page-failed-text"),
    };
    match context(state, req, lang, id).await {
        Ok((page, cookies)) => {
            let text = page.t(body_id);
            match render(&pages::ErrorPage { page: &page, text }) {
                Ok(body) => html(status, body, cookies),
                Err(_) => HttpResponse::build(status).finish(),
            }
        }
        Err(_) => HttpResponse::build(status).content_type("text/plain; charset=utf-8").body(status.to_string()),
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
    raw.parse().unwrap_or(Locale::FALLBACK)
}
