//! Attaching files to a document and removing them from its page. The upload is a
//! `multipart/form-data` post whose first part is the CSRF token: who may change the document
//! is checked before anything is read, the token before the file, and the file is read no
//! further than the limit the API keeps. A refusal answers the document page itself, with the
//! reason in the reader's language (413 too large, 415 a type the platform does not take), so
//! nothing the reader chose is lost behind an error page.

use super::document::{self, Upload};
use super::extract::{CheckedForm, DocPath, Member};
use super::session::csrf_ok;
use super::{notice_with, respond, see_other};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::Error as UseCase;
use crate::usecases::documents::files::{self, MAX_BYTES};
use actix_multipart::Multipart;
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use serde::Deserialize;

/// Room for the form's other parts and the multipart framing around the file.
const FRAMING_BYTES: usize = 64 * 1024;

/// What the browser offers to choose: the types the platform takes, by extension.
pub const ACCEPT: &str = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp";

/// Why an upload was refused, as the page says it.
enum Refusal {
    TooLarge,
    WrongType,
    Missing,
}

impl Refusal {
    fn status(&self) -> StatusCode {
        match self {
            Refusal::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::WrongType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Refusal::Missing => StatusCode::BAD_REQUEST,
        }
    }

    fn message(&self) -> &'static str {
        match self {
            Refusal::TooLarge => "file-error-too-large",
            Refusal::WrongType => "file-error-type",
            Refusal::Missing => "file-error-missing",
        }
    }
}

/// The file a form sent: its name and content, or why it cannot be taken.
enum Received {
    File { name: Option<String>, data: Vec<u8> },
    Refused(Refusal),
}

/// The body's announced length, when it says the file cannot fit.
fn announced_too_large(req: &HttpRequest) -> bool {
    req.headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok())
        .is_some_and(|length| length > MAX_BYTES + FRAMING_BYTES)
}

/// Reads the form: the CSRF token first (a 403 page without it), then the file, stopping as
/// soon as it passes the limit.
async fn receive(req: &HttpRequest, mut form: Multipart) -> Result<Received, ApiError> {
    let malformed =
        |e: actix_multipart::MultipartError| ApiError::BadRequest { code: "malformed_form", detail: e.to_string() };
    let mut token_checked = false;
    while let Some(field) = form.next().await {
        let mut field = field.map_err(malformed)?;
        match field.name().unwrap_or_default() {
            "csrf" => {
                let mut token = Vec::new();
                while let Some(chunk) = field.next().await {
                    token.extend_from_slice(&chunk.map_err(malformed)?);
                    if token.len() > 1024 {
                        return Err(ApiError::forbidden());
                    }
                }
                token_checked = csrf_ok(req, std::str::from_utf8(&token).ok());
            }
            "file" if token_checked => {
                let name = field.content_disposition().and_then(|d| d.get_filename()).map(str::to_owned);
                let mut data = Vec::new();
                while let Some(chunk) = field.next().await {
                    data.extend_from_slice(&chunk.map_err(malformed)?);
                    if data.len() > MAX_BYTES {
                        return Ok(Received::Refused(Refusal::TooLarge));
                    }
                }
                if data.is_empty() {
                    return Ok(Received::Refused(Refusal::Missing));
                }
                return Ok(Received::File { name: name.filter(|n| !n.is_empty()), data });
            }
            _ => break,
        }
    }
    if token_checked { Ok(Received::Refused(Refusal::Missing)) } else { Err(ApiError::forbidden()) }
}

/// `POST /{lang}/{collection}/{id}/attachments`: attaches the chosen file and goes back to the
/// document with a notice naming it (saying when it waits for review).
pub async fn upload(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: DocPath,
    member: Member,
    form: Multipart,
) -> HttpResponse {
    let DocPath { lang, kind, ref collection, id } = path;
    respond(&state, &req, lang, async {
        let (page, cookies, user) = member.titled("document-title");
        let document = files::changeable(&state, &user.actor(), kind, &id.to_string()).await?;
        let received =
            if announced_too_large(&req) { Received::Refused(Refusal::TooLarge) } else { receive(&req, form).await? };
        let refusal = match received {
            Received::File { name, data } => {
                let uploader = user.record.account.id;
                match files::attach(&state, &document, uploader, name.as_deref(), data).await {
                    Ok(view) => {
                        let id =
                            if view.pending.is_some() { "notice-file-attached-review" } else { "notice-file-attached" };
                        let back = format!("/{lang}/{collection}/{}", document.id);
                        return Ok(see_other(&back, vec![notice_with(id, &view.filename)]));
                    }
                    Err(UseCase::UnsupportedContent { .. }) => Refusal::WrongType,
                    Err(UseCase::Invalid(_)) => Refusal::Missing,
                    Err(other) => return Err(other.into()),
                }
            }
            Received::Refused(refusal) => refusal,
        };
        let upload = Upload { error: Some(page.t(refusal.message())) };
        document::show(&state, page, cookies, &path, refusal.status(), upload).await
    })
    .await
}

/// The remove button's form: only its token.
#[derive(Debug, Deserialize)]
pub struct RemoveForm {}

/// `POST /{lang}/{collection}/{id}/attachments/{attachment}/remove`: removes one file (on a
/// published document the removal waits for review) and goes back with a notice naming it.
pub async fn remove(
    state: web::Data<AppState>,
    req: HttpRequest,
    path: DocPath,
    member: Member,
    attachment: web::Path<(String, String, String, String)>,
    _form: CheckedForm<RemoveForm>,
) -> HttpResponse {
    let DocPath { lang, kind, ref collection, id } = path;
    let (.., attachment) = attachment.into_inner();
    respond(&state, &req, lang, async {
        let (_, _, user) = member.titled("document-title");
        let actor = user.actor();
        let document = files::changeable(&state, &actor, kind, &id.to_string()).await?;
        let named = |files: &[mfx_store::attachments::AttachmentMeta]| {
            files.iter().find(|f| f.id.to_string() == attachment).cloned()
        };
        let before = named(&files::shown(&state, &actor, &document).await?);
        files::remove(&state, &actor, user.record.account.id, kind, &id.to_string(), &attachment).await?;
        let name = before.map(|f| f.filename).unwrap_or_default();
        let waits = named(&files::shown(&state, &actor, &document).await?).is_some();
        let notice = if waits { "notice-file-removed-review" } else { "notice-file-removed" };
        Ok::<_, ApiError>(see_other(&format!("/{lang}/{collection}/{}", document.id), vec![notice_with(notice, &name)]))
    })
    .await
}
