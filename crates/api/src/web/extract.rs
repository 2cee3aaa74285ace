//! What every page handler needs before its story starts, as extractors: the page's language,
//! the visitor (the page context, with the signed-in account if any), a member (signed in, or
//! sent to sign in), a form whose CSRF token was checked, and the document named by the path.
//! Each answers a translated error page itself when it cannot be had, so a handler only runs
//! with what it asked for.

use super::session::csrf_ok;
use super::{Page, context, error_page, locale, see_other};
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::cookie::Cookie;
use actix_web::dev::Payload;
use actix_web::error::InternalError;
use actix_web::http::Method;
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use futures_util::future::LocalBoxFuture;
use mfx_domain::Locale;
use mfx_domain::document::{DocumentId, Kind};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer};
use std::future::{Future, Ready, ready};

/// The language of the page, from the `{lang}` of its path (the routes let only known ones
/// through).
#[derive(Debug, Clone, Copy)]
pub struct Lang(pub Locale);

/// The language a request's path names.
fn lang_of(req: &HttpRequest) -> Locale {
    locale(req.match_info().get("lang").unwrap_or_default())
}

impl FromRequest for Lang {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Lang(lang_of(req))))
    }
}

/// The answer an extractor gives instead of the page: an error page, or a redirect.
fn answered(response: HttpResponse) -> actix_web::Error {
    InternalError::from_response("answered before the page", response).into()
}

fn state_of(req: &HttpRequest) -> Result<web::Data<AppState>, actix_web::Error> {
    req.app_data::<web::Data<AppState>>().cloned().ok_or_else(|| answered(HttpResponse::InternalServerError().finish()))
}

/// The error `error` as a page in the request's language.
async fn error_answer(req: &HttpRequest, error: &ApiError) -> actix_web::Error {
    match state_of(req) {
        Ok(state) => answered(error_page(&state, req, lang_of(req), error).await),
        Err(missing) => missing,
    }
}

/// An extractor that may fail: what `make` gives, or the error it met as a page.
fn page_or_error<T: 'static, F>(
    req: &HttpRequest,
    make: impl FnOnce(HttpRequest) -> F + 'static,
) -> LocalBoxFuture<'static, Result<T, actix_web::Error>>
where
    F: Future<Output = Result<T, ApiError>> + 'static,
{
    let req = req.clone();
    Box::pin(async move {
        match make(req.clone()).await {
            Ok(found) => Ok(found),
            Err(error) => Err(error_answer(&req, &error).await),
        }
    })
}

/// Anyone reading a page: the page context (language, account if signed in, CSRF token,
/// project names) and the cookies the response must set.
pub struct Visitor {
    pub page: Page,
    pub cookies: Vec<Cookie<'static>>,
}

impl Visitor {
    /// The page context with its title (a message id).
    pub fn titled(self, title_id: &str) -> (Page, Vec<Cookie<'static>>) {
        let mut page = self.page;
        page.title = page.t(title_id);
        (page, self.cookies)
    }

    async fn extract(req: HttpRequest) -> Result<Self, actix_web::Error> {
        let state = state_of(&req)?;
        page_or_error(&req, |req| async move {
            let (page, cookies) = context(&state, &req, lang_of(&req), "document-title").await?;
            Ok(Visitor { page, cookies })
        })
        .await
    }
}

impl FromRequest for Visitor {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        Box::pin(Visitor::extract(req.clone()))
    }
}

/// A signed-in visitor. Someone not signed in asking for a page is sent to sign in; a post
/// without a session is refused (401 page).
pub struct Member {
    pub visitor: Visitor,
    pub user: CurrentUser,
}

impl Member {
    /// The page context with its title, and the account.
    pub fn titled(self, title_id: &str) -> (Page, Vec<Cookie<'static>>, CurrentUser) {
        let (page, cookies) = self.visitor.titled(title_id);
        (page, cookies, self.user)
    }
}

impl FromRequest for Member {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let visitor = Visitor::extract(req.clone()).await?;
            match visitor.page.user.clone() {
                Some(user) => Ok(Member { visitor, user }),
                None if req.method() == Method::GET => {
                    Err(answered(see_other(&format!("/{}/sign-in", visitor.page.lang), visitor.cookies)))
                }
                None => Err(error_answer(&req, &ApiError::Unauthenticated("sign in")).await),
            }
        })
    }
}

/// The pairs of a posted form, in order; browsers send line breaks as CR LF, kept as LF.
#[derive(Debug, Clone, Default)]
pub struct Pairs(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let pairs = Vec::<(String, String)>::deserialize(deserializer)?;
        Ok(Pairs(
            pairs
                .into_iter()
                .map(
                    |(name, value)| {
                        if value.contains('\r') { (name, value.replace("\r\n", "\n")) } else { (name, value) }
                    },
                )
                .collect(),
        ))
    }
}

/// A posted form whose `csrf` field carries this browser's token; a form without it is
/// answered with the translated 403 page, an unreadable one with the 400 page.
pub struct CheckedForm<T>(pub T);

impl<T: DeserializeOwned + 'static> FromRequest for CheckedForm<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Bytes::from_request(req, payload);
        let req = req.clone();
        Box::pin(async move {
            let body = body.await?;
            let malformed =
                |e: serde_urlencoded::de::Error| ApiError::BadRequest { code: "malformed_form", detail: e.to_string() };
            let pairs = match serde_urlencoded::from_bytes::<Vec<(String, String)>>(&body) {
                Ok(pairs) => pairs,
                Err(e) => return Err(error_answer(&req, &malformed(e)).await),
            };
            let token = pairs.iter().find(|(name, _)| name == "csrf").map(|(_, value)| value.as_str());
            if !csrf_ok(&req, token) {
                return Err(error_answer(&req, &ApiError::forbidden()).await);
            }
            match serde_urlencoded::from_bytes::<T>(&body) {
                Ok(form) => Ok(CheckedForm(form)),
                Err(e) => Err(error_answer(&req, &malformed(e)).await),
            }
        })
    }
}

/// The document a page is about: `/{lang}/{collection}/{id}`, its id parsed (a 404 page when
/// it is not one).
#[derive(Debug, Clone)]
pub struct DocPath {
    pub lang: Locale,
    pub kind: Kind,
    /// The collection's path segment (`practices`), for links.
    pub collection: String,
    pub id: DocumentId,
}

impl FromRequest for DocPath {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        page_or_error(req, |req| async move {
            let info = req.match_info();
            let collection = info.get("collection").unwrap_or_default().to_owned();
            let kind = Kind::parse(&collection).unwrap_or(Kind::Practice);
            let id = info.get("id").unwrap_or_default().parse().map_err(|_| ApiError::not_found("document"))?;
            Ok(DocPath { lang: lang_of(&req), kind, collection, id })
        })
    }
}

/// The kind a collection page is about: `/{lang}/{collection}/…`.
#[derive(Debug, Clone)]
pub struct KindPath {
    pub lang: Locale,
    pub kind: Kind,
    pub collection: String,
}

impl FromRequest for KindPath {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let collection = req.match_info().get("collection").unwrap_or_default().to_owned();
        let kind = Kind::parse(&collection).unwrap_or(Kind::Practice);
        ready(Ok(KindPath { lang: lang_of(req), kind, collection }))
    }
}

/// The language a translation page is about: the `{target}` of its path (a 404 page when it
/// is not one of the platform's).
#[derive(Debug, Clone, Copy)]
pub struct Target(pub Locale);

impl FromRequest for Target {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        page_or_error(req, |req| async move {
            let target = req.match_info().get("target").unwrap_or_default().parse();
            target.map(Target).map_err(|_| ApiError::not_found("language"))
        })
    }
}
