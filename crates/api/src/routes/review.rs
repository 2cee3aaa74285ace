//! The HTTP side of review: after a review action, the document with what is pending on it.
//! The use cases (pending drafts, proposed translations, decisions) are in
//! [`crate::usecases::review`].

use crate::error::ApiError;
use crate::state::AppState;
use mfx_store::documents::DocumentRecord;

pub use crate::usecases::review::{PendingReview, PendingSummary, ProposedTranslation, TranslationDecision};

/// The document with what is pending, as the API sends it after a review action.
pub async fn respond(state: &AppState, record: &DocumentRecord) -> Result<actix_web::HttpResponse, ApiError> {
    let locale = record.summary.original_locale;
    super::documents::document_with_pending(state, actix_web::http::StatusCode::OK, record, locale).await
}
