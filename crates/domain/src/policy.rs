//! The permission policy: one pure function that says who may do what to which resource.
//! Every handler, page and job asks [`permits`]; no other code decides access.

use crate::account::Role;
use crate::document::{Status, Visibility};
use crate::id::{PartnerId, UserId};

/// Who is asking.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// A visitor who has not signed in.
    Anonymous,
    /// A signed-in, active account.
    Member(Member),
}

/// The facts about a signed-in account that rules depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member {
    pub id: UserId,
    pub partner: PartnerId,
    pub role: Role,
}

/// What they want to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Read,
    Create,
    Update,
    Deactivate,
    /// Add or edit a translation of a document.
    Translate,
    /// Move work forward to review (a document) or up to submitted (a deliverable).
    Submit,
    /// Approve, publish, return or archive: the lead partner's decisions.
    Review,
    /// See a document's whole trail: pending drafts and translations, every revision with
    /// who made it and the comments of review.
    ReadTrail,
    /// Approve or refuse a translation that another partner proposed.
    ApproveTranslation,
    /// Follow work in one's own calendar and reminders: the deadlines of the deliverables
    /// one's partner is responsible for (the lead partner follows them all).
    Follow,
    /// Erase an account: on one's own profile, ask for it; on an account, confirm the request
    /// (the lead partner and operators, never for themselves).
    Erase,
}

impl Action {
    pub const ALL: [Action; 11] = [
        Action::Read,
        Action::Create,
        Action::Update,
        Action::Deactivate,
        Action::Translate,
        Action::Submit,
        Action::Review,
        Action::ReadTrail,
        Action::ApproveTranslation,
        Action::Follow,
        Action::Erase,
    ];
}

/// Which resource, with the facts the rules need about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource<'a> {
    /// A partner organisation (public information).
    Partner,
    /// The list of all accounts.
    AccountDirectory,
    /// One account, managed by operators and the lead partner.
    Account { id: UserId, partner: PartnerId, role: Role },
    /// The self-service part of an account: name, language, time zone, digest, password.
    Profile { id: UserId },
    /// The documents as a whole: reading them, and whether an account writes any at all
    /// (asked before looking at what it writes).
    Documents,
    /// A good practice, meeting note or action plan.
    Document { owner: PartnerId, status: Status, visibility: Visibility },
    /// Periods, work packages and deliverable definitions.
    WorkPlan,
    /// A deliverable and the partners responsible for it.
    Deliverable { responsible: &'a [PartnerId] },
    /// The mail outbox and other operations of the platform.
    Operations,
}

/// Whether `actor` may perform `action` on `resource`.
pub fn permits(actor: &Actor, action: Action, resource: &Resource<'_>) -> bool {
    use Action::*;
    let member = match actor {
        Actor::Member(member) => member,
        Actor::Anonymous => return anonymous_permits(action, resource),
    };
    let role = member.role;
    let manages = matches!(role, Role::Admin | Role::Coordinator);
    let writes = manages || role == Role::Editor;
    match *resource {
        Resource::Partner => match action {
            Read => true,
            Create | Update => role == Role::Admin,
            Deactivate | Translate | Submit | Review | ReadTrail | ApproveTranslation | Follow | Erase => false,
        },
        Resource::Documents => match action {
            Read => true,
            Create => writes,
            Update | Deactivate | Translate | Submit | Review | ReadTrail | ApproveTranslation | Follow | Erase => {
                false
            }
        },
        Resource::AccountDirectory => action == Read && manages,
        Resource::Account { id, role: target_role, .. } => {
            let is_self = id == member.id;
            match action {
                Read => manages || is_self,
                // Only operators create, change or close operator accounts.
                Create | Update => role == Role::Admin || (role == Role::Coordinator && target_role != Role::Admin),
                // Nobody closes their own account here: it would lock the last operator out.
                // Erasing is asked for on one's own profile and confirmed by someone else.
                Deactivate | Erase => {
                    !is_self && (role == Role::Admin || (role == Role::Coordinator && target_role != Role::Admin))
                }
                Translate | Submit | Review | ReadTrail | ApproveTranslation | Follow => false,
            }
        }
        Resource::Profile { id } => id == member.id && matches!(action, Read | Update | Erase),
        Resource::Document { owner, status, visibility } => {
            let own = owner == member.partner;
            let readable = match status {
                Status::Published | Status::Archived => true,
                Status::Draft | Status::InReview => manages || own,
            };
            let _ = visibility; // every member reads partnership and public documents alike
            match action {
                Read => readable,
                Create | Submit => manages || (role == Role::Editor && own),
                Update => manages || (role == Role::Editor && own && status != Status::Archived),
                Translate => writes && readable && status != Status::Archived,
                Review => manages,
                // The owner partner and the lead partner follow the work; others see what was
                // published, not the drafts, the comments or the people behind them.
                ReadTrail => manages || own,
                // A translation another partner proposes goes live once the owner partner's
                // editor or the lead partner accepts it.
                ApproveTranslation => (manages || (role == Role::Editor && own)) && status != Status::Archived,
                Deactivate | Follow | Erase => false,
            }
        }
        Resource::WorkPlan => match action {
            Read => true,
            Create | Update => manages,
            Deactivate | Translate | Submit | Review | ReadTrail | ApproveTranslation | Follow | Erase => false,
        },
        Resource::Operations => role == Role::Admin && matches!(action, Read | Update),
        Resource::Deliverable { responsible } => match action {
            Read => true,
            Create | Update | Review => manages,
            Submit => manages || (role == Role::Editor && responsible.contains(&member.partner)),
            Follow => manages || responsible.contains(&member.partner),
            Deactivate | Translate | ReadTrail | ApproveTranslation | Erase => false,
        },
    }
}

/// Which documents an actor may read, in a form lists and search can apply in one query.
/// [`ReadScope::admits`] agrees with [`permits`] for [`Action::Read`] (tested).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadScope {
    /// Published public documents only.
    PublishedPublic,
    /// Published and archived documents of anyone, and every document of `partner`.
    Member { partner: PartnerId },
    /// Every document.
    Everything,
}

impl ReadScope {
    pub fn of(actor: &Actor) -> Self {
        match actor {
            Actor::Anonymous => ReadScope::PublishedPublic,
            Actor::Member(member) if matches!(member.role, Role::Admin | Role::Coordinator) => ReadScope::Everything,
            Actor::Member(member) => ReadScope::Member { partner: member.partner },
        }
    }

    /// Whether readers of this scope see the whole trail of a document of `owner` (pending
    /// work, comments, people). Agrees with [`permits`] for [`Action::ReadTrail`] (tested), so
    /// answers kept per scope never carry one reader's trail to another.
    pub fn sees_trail(&self, owner: PartnerId) -> bool {
        match self {
            ReadScope::PublishedPublic => false,
            ReadScope::Member { partner } => owner == *partner,
            ReadScope::Everything => true,
        }
    }

    pub fn admits(&self, owner: PartnerId, status: Status, visibility: Visibility) -> bool {
        match self {
            ReadScope::PublishedPublic => status == Status::Published && visibility == Visibility::Public,
            ReadScope::Member { partner } => {
                matches!(status, Status::Published | Status::Archived) || owner == *partner
            }
            ReadScope::Everything => true,
        }
    }
}

fn anonymous_permits(action: Action, resource: &Resource<'_>) -> bool {
    match (action, resource) {
        (Action::Read, Resource::Partner | Resource::Documents) => true,
        (Action::Read, Resource::Document { status, visibility, .. }) => {
            *status == Status::Published && *visibility == Visibility::Public
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests;
