//! Downloading a document's attachment from its page: the browser's session decides what the
//! reader may see, exactly as a bearer token does in the API. A download changes nothing, so it
//! is a plain GET that needs no CSRF token; the file is always sent as an attachment in a
//! sandbox, never rendered as a page of the site.

use super::extract::DocPath;
use super::{respond, session};
use crate::auth::MaybeUser;
use crate::download;
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::documents::files;
use actix_web::{HttpRequest, HttpResponse, web};

pub async fn download(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: DocPath,
    attachment: web::Path<(String, String, String, String)>,
) -> HttpResponse {
    let DocPath { lang, kind, id, .. } = path;
    let (.., attachment) = attachment.into_inner();
    respond(&state, &req, lang, async {
        let reader = MaybeUser(session::current_user(&state, &req).await?);
        let file = files::download(&state, &reader.actor(), kind, &id.to_string(), &attachment).await?;
        Ok::<_, ApiError>(download::response(file))
    })
    .await
}
