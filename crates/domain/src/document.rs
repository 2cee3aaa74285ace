//! Facts about documents that rules depend on: their workflow status and visibility.

use serde::{Deserialize, Serialize};

/// Where a document is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    InReview,
    Published,
    Archived,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Draft, Status::InReview, Status::Published, Status::Archived];
}

/// Who may read a published document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Signed-in members of the partnership.
    Partnership,
    /// Anyone, once published.
    Public,
}
