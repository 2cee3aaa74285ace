//! What a document cites must exist: the partners it names and the practices its actions
//! say they were inspired by.

use super::super::{Error, read};
use crate::state::AppState;
use mfx_domain::content::DocumentContent;
use mfx_domain::document::DocumentId;
use mfx_domain::{FieldError, Violations};
use mfx_store::documents;

/// Checks that referenced partners and practices exist; reports each missing one.
pub async fn check_references(state: &AppState, content: &DocumentContent) -> Result<(), Error> {
    let slugs: Vec<String> = content.partner_refs.iter().map(|(_, slug)| slug.clone()).collect();
    let practices: Vec<DocumentId> = content.actions.iter().flat_map(|a| a.inspired_by.clone()).collect();
    if slugs.is_empty() && practices.is_empty() {
        return Ok(());
    }
    let (known, existing) = {
        let (slugs, practices) = (slugs.clone(), practices.clone());
        read(state, move |c| Ok((documents::partner_ids(c, &slugs)?, documents::existing_practices(c, &practices)?)))
            .await?
    };
    let mut v = Violations::new();
    for (field, slug) in &content.partner_refs {
        if !known.contains_key(slug) {
            v.push(FieldError::new(field.clone(), "unknown_partner", format!("`{slug}` is not a partner's slug")));
        }
    }
    for (n, action) in content.actions.iter().enumerate() {
        for (m, practice) in action.inspired_by.iter().enumerate() {
            if !existing.contains(practice) {
                v.push(FieldError::new(
                    format!("actions[{n}].inspired_by[{m}]"),
                    "unknown_practice",
                    format!("{practice} is not a good practice"),
                ));
            }
        }
    }
    v.into_result().map_err(Error::from)
}
