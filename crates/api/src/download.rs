//! How an attached file is sent over HTTP, by the API and by the document pages alike: always
//! as an attachment in a sandbox, never rendered as a page of the site.

use crate::filetype;
use crate::usecases::documents::files::Download;
use actix_web::HttpResponse;
use actix_web::http::header;

/// The response that sends `file`: its judged type, the name it is shown under, and headers
/// that keep a browser from running or sniffing it. The content's hash is its ETag.
pub fn response(file: Download) -> HttpResponse {
    let Download { meta, filename, data } = file;
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, meta.content_type.clone()))
        .insert_header((header::CONTENT_DISPOSITION, filetype::content_disposition(&filename)))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Content-Security-Policy", "default-src 'none'; sandbox"))
        .insert_header((header::CACHE_CONTROL, "private, max-age=0, must-revalidate"))
        .insert_header((header::ETAG, format!("\"{}\"", meta.sha256)))
        .body(data)
}

/// The response that sends the download of one's own data (the same from the API and the
/// data page): a ZIP as an attachment, kept by no cache.
pub fn personal_data(export: crate::personal_export::Export, user: mfx_domain::UserId) -> HttpResponse {
    tracing::info!(event = "personal_data_exported", user = %user, bytes = export.bytes.len(), "data exported");
    HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, "application/zip"))
        .insert_header((header::CONTENT_DISPOSITION, filetype::content_disposition(&export.file_name)))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(export.bytes)
}
