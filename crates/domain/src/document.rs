//! Documents: their kinds, workflow, visibility, and the freshness of translations.

use crate::error::{Error, FieldError};
use crate::policy::Action;
use serde::{Deserialize, Serialize};
use std::fmt;
use utoipa::ToSchema;
use uuid::Uuid;

/// A document's identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ToSchema)]
#[serde(transparent)]
#[schema(value_type = String, format = Uuid)]
pub struct DocumentId(Uuid);

impl DocumentId {
    pub const fn from_uuid(uuid: Uuid) -> Self {
        Self(uuid)
    }

    pub const fn as_uuid(&self) -> &Uuid {
        &self.0
    }
}

impl fmt::Display for DocumentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl std::str::FromStr for DocumentId {
    type Err = uuid::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(Self)
    }
}

/// The three kinds of document the partnership exchanges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A good practice, following the Interreg Europe template.
    Practice,
    /// Minutes of a meeting, with its action items.
    MeetingNote,
    /// A regional policy action plan and its actions.
    ActionPlan,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Practice, Kind::MeetingNote, Kind::ActionPlan];

    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Practice => "practice",
            Kind::MeetingNote => "meeting_note",
            Kind::ActionPlan => "action_plan",
        }
    }

    /// The collection's path segment under `/api/v1`.
    pub const fn collection(self) -> &'static str {
        match self {
            Kind::Practice => "practices",
            Kind::MeetingNote => "meeting-notes",
            Kind::ActionPlan => "action-plans",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Kind::ALL.into_iter().find(|k| k.as_str() == value || k.collection() == value)
    }
}

/// Where a document is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    InReview,
    Published,
    Archived,
}

impl Status {
    pub const ALL: [Status; 4] = [Status::Draft, Status::InReview, Status::Published, Status::Archived];

    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in_review",
            Status::Published => "published",
            Status::Archived => "archived",
        }
    }

    pub fn parse(value: &str) -> Result<Self, FieldError> {
        Status::ALL
            .into_iter()
            .find(|s| s.as_str() == value)
            .ok_or_else(|| FieldError::new("", "unknown_status", "use draft, in_review, published or archived"))
    }
}

/// Who may read a published document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Signed-in members of the partnership.
    Partnership,
    /// Anyone, once published.
    Public,
}

impl Visibility {
    pub const fn as_str(self) -> &'static str {
        match self {
            Visibility::Partnership => "partnership",
            Visibility::Public => "public",
        }
    }

    pub fn parse(value: &str) -> Result<Self, FieldError> {
        match value {
            "partnership" => Ok(Visibility::Partnership),
            "public" => Ok(Visibility::Public),
            _ => Err(FieldError::new("", "unknown_visibility", "use partnership or public")),
        }
    }
}

/// A move in the workflow, and which permission it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Transition {
    pub from: Status,
    pub to: Status,
    /// [`Action::Submit`] for the author's moves, [`Action::Review`] for the lead partner's.
    pub needs: Action,
    /// Returning work needs a word on why.
    pub comment_required: bool,
}

/// The workflow: draft → in review → published → archived; review can return work to draft
/// (with a comment); the author can withdraw from review; archived work can be republished.
pub fn transition(from: Status, to: Status) -> Result<Transition, Error> {
    use Status::*;
    let (needs, comment_required) = match (from, to) {
        (Draft, InReview) => (Action::Submit, false),
        (InReview, Draft) => (Action::Submit, true),
        (InReview, Published) => (Action::Review, false),
        (Published, Archived) => (Action::Review, false),
        (Archived, Published) => (Action::Review, false),
        _ => {
            return Err(Error::invalid(
                "to",
                "invalid_transition",
                format!("a document cannot go from {} to {}", from.as_str(), to.as_str()),
            ));
        }
    };
    Ok(Transition { from, to, needs, comment_required })
}

/// Who wrote a text: the author in the original language, a person translating, or a machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Original,
    Human,
    Machine,
}

impl Origin {
    pub const fn as_str(self) -> &'static str {
        match self {
            Origin::Original => "original",
            Origin::Human => "human",
            Origin::Machine => "machine",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "original" => Some(Origin::Original),
            "human" => Some(Origin::Human),
            "machine" => Some(Origin::Machine),
            _ => None,
        }
    }
}

/// Whether a text says what the original says now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Freshness {
    /// The original text itself.
    Original,
    /// A translation of the current original.
    Current,
    /// A translation of an earlier version of the original.
    Outdated,
}

impl Freshness {
    pub const fn as_str(self) -> &'static str {
        match self {
            Freshness::Original => "original",
            Freshness::Current => "current",
            Freshness::Outdated => "outdated",
        }
    }
}

/// A translation made from `source_version` of an original now at `content_version`.
pub fn freshness(origin: Origin, source_version: i64, content_version: i64) -> Freshness {
    match origin {
        Origin::Original => Freshness::Original,
        _ if source_version >= content_version => Freshness::Current,
        _ => Freshness::Outdated,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workflow_allows_exactly_its_moves() {
        let allowed: Vec<(Status, Status)> = Status::ALL
            .into_iter()
            .flat_map(|from| Status::ALL.into_iter().map(move |to| (from, to)))
            .filter(|(from, to)| transition(*from, *to).is_ok())
            .collect();
        use Status::*;
        assert_eq!(
            allowed,
            [(Draft, InReview), (InReview, Draft), (InReview, Published), (Published, Archived), (Archived, Published)]
        );
        assert_eq!(transition(InReview, Published).map(|t| t.needs).ok(), Some(Action::Review));
        assert_eq!(transition(Draft, InReview).map(|t| t.needs).ok(), Some(Action::Submit));
        assert!(transition(InReview, Draft).is_ok_and(|t| t.comment_required));
    }

    #[test]
    fn translations_are_outdated_once_the_original_moves_on() {
        assert_eq!(freshness(Origin::Original, 1, 5), Freshness::Original);
        assert_eq!(freshness(Origin::Human, 3, 3), Freshness::Current);
        assert_eq!(freshness(Origin::Machine, 2, 3), Freshness::Outdated);
    }

    #[test]
    fn kinds_parse_from_names_and_paths() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Some(kind));
            assert_eq!(Kind::parse(kind.collection()), Some(kind));
        }
        assert_eq!(Kind::parse("memo"), None);
    }
}
