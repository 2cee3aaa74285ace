//! The newest publications anyone may read, as the Atom feeds list them: the same read scope as
//! an anonymous visitor's lists, published documents only, the most recently published first.

use super::super::{Error, read};
use crate::state::AppState;
use mfx_domain::Partner;
use mfx_domain::document::Kind;
use mfx_domain::policy::{Actor, ReadScope};
use mfx_store::documents::{self, DocumentSummary, ListFilter};
use mfx_store::partners;

/// How many entries a feed carries.
pub const FEED_LENGTH: i64 = 50;

/// The newest publications of one kind or one partner, and the partners to name their authors.
#[derive(Debug)]
pub struct Publications {
    /// The partner a partner's feed is about.
    pub partner: Option<Partner>,
    pub documents: Vec<DocumentSummary>,
    pub partners: Vec<Partner>,
}

/// The [`FEED_LENGTH`] publications of `kind` (all kinds when `None`), of the partner with slug
/// `partner` when given (not found if no partner has it), that an anonymous visitor may read.
pub async fn newest(state: &AppState, kind: Option<Kind>, partner: Option<String>) -> Result<Publications, Error> {
    let scope = ReadScope::of(&Actor::Anonymous);
    let all = read(state, partners::list).await?;
    let partner = match partner {
        Some(slug) => {
            Some(all.iter().find(|p| p.profile.slug.as_str() == slug).cloned().ok_or(Error::NotFound("partner"))?)
        }
        None => None,
    };
    let filter = ListFilter { kind, partner: partner.as_ref().map(|p| p.id), ..ListFilter::default() };
    let documents = read(state, move |c| documents::recently_published(c, &filter, scope, FEED_LENGTH)).await?;
    Ok(Publications { partner, documents, partners: all })
}
