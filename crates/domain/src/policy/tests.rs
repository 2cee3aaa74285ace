//! The policy as a full matrix: role × own/other partner × action × resource.

use super::*;
use uuid::Uuid;

const OWN: PartnerId = PartnerId::from_uuid(Uuid::from_u128(1));
const OTHER: PartnerId = PartnerId::from_uuid(Uuid::from_u128(2));
const ACTOR: UserId = UserId::from_uuid(Uuid::from_u128(10));
const SOMEONE: UserId = UserId::from_uuid(Uuid::from_u128(11));

fn action_name(action: Action) -> &'static str {
    match action {
        Action::Read => "read",
        Action::Create => "create",
        Action::Update => "update",
        Action::Deactivate => "deactivate",
        Action::Translate => "translate",
        Action::Submit => "submit",
        Action::Review => "review",
        Action::ReadTrail => "read trail",
        Action::ApproveTranslation => "approve translation",
        Action::Follow => "follow",
        Action::Erase => "erase",
    }
}

/// Checks one row: `expected` has one character per column — anonymous, admin own,
/// admin other, coordinator own, coordinator other, editor own, editor other, viewer own,
/// viewer other — `Y` for allowed, `-` for refused.
fn check_row(label: &str, resource: impl Fn(PartnerId) -> Resource<'static>, action: Action, expected: &str) {
    let expected: Vec<bool> = expected.chars().filter(|c| !c.is_whitespace()).map(|c| c == 'Y').collect();
    assert_eq!(expected.len(), 9, "row {label}/{} must have 9 columns", action_name(action));
    // The actor's partner is OWN; the resource belongs to OWN ("own") or OTHER ("other").
    let own = resource(OWN);
    let other = resource(OTHER);
    let mut got = vec![permits(&Actor::Anonymous, action, &own)];
    for role in Role::ALL {
        let member = Actor::Member(Member { id: ACTOR, partner: OWN, role });
        got.push(permits(&member, action, &own));
        got.push(permits(&member, action, &other));
    }
    assert_eq!(got, expected, "{label} / {}", action_name(action));
}

/// The full matrix: every resource kind × every action × every role, own and other partner.
#[test]
fn permission_matrix() {
    use Action::*;
    // columns:  anon | admin own,other | coord own,other | editor own,other | viewer own,other
    type Row<'r> = (&'r str, &'r dyn Fn(PartnerId) -> Resource<'static>, [&'r str; 11]);
    let rows: &[Row<'_>] = &[
        (
            "partner",
            &|_| Resource::Partner,
            // read, create, update, deactivate, translate, submit, review, read trail,
            // approve translation
            [
                "Y YY YY YY YY",
                "- YY -- -- --",
                "- YY -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
            ],
        ),
        (
            "account directory",
            &|_| Resource::AccountDirectory,
            [
                "- YY YY -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
            ],
        ),
        (
            "someone's editor account",
            &|p| Resource::Account { id: SOMEONE, partner: p, role: Role::Editor },
            [
                "- YY YY -- --",
                "- YY YY -- --",
                "- YY YY -- --",
                "- YY YY -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- YY YY -- --",
            ],
        ),
        (
            "someone's admin account",
            &|p| Resource::Account { id: SOMEONE, partner: p, role: Role::Admin },
            [
                "- YY YY -- --",
                "- YY -- -- --",
                "- YY -- -- --",
                "- YY -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- YY -- -- --",
            ],
        ),
        (
            "someone's profile",
            &|_| Resource::Profile { id: SOMEONE },
            [
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
            ],
        ),
        (
            "own profile",
            &|_| Resource::Profile { id: ACTOR },
            [
                "- YY YY YY YY",
                "- -- -- -- --",
                "- YY YY YY YY",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- YY YY YY YY",
            ],
        ),
        (
            "draft, partnership",
            &|p| Resource::Document { owner: p, status: Status::Draft, visibility: Visibility::Partnership },
            [
                "- YY YY Y- Y-",
                "- YY YY Y- --",
                "- YY YY Y- --",
                "- -- -- -- --",
                "- YY YY Y- --",
                "- YY YY Y- --",
                "- YY YY -- --",
                "- YY YY Y- Y-",
                "- YY YY Y- --",
                "- -- -- -- --",
                "- -- -- -- --",
            ],
        ),
        (
            "draft, public",
            &|p| Resource::Document { owner: p, status: Status::Draft, visibility: Visibility::Public },
            [
                "- YY YY Y- Y-",
                "- YY YY Y- --",
                "- YY YY Y- --",
                "- -- -- -- --",
                "- YY YY Y- --",
                "- YY YY Y- --",
                "- YY YY -- --",
                "- YY YY Y- Y-",
                "- YY YY Y- --",
                "- -- -- -- --",
                "- -- -- -- --",
            ],
        ),
        (
            "in review, public",
            &|p| Resource::Document { owner: p, status: Status::InReview, visibility: Visibility::Public },
            [
                "- YY YY Y- Y-",
                "- YY YY Y- --",
                "- YY YY Y- --",
                "- -- -- -- --",
                "- YY YY Y- --",
                "- YY YY Y- --",
                "- YY YY -- --",
                "- YY YY Y- Y-",
                "- YY YY Y- --",
                "- -- -- -- --",
                "- -- -- -- --",
            ],
        ),
        (
            "published, partnership",
            &|p| Resource::Document { owner: p, status: Status::Published, visibility: Visibility::Partnership },
            [
                "- YY YY YY YY",
                "- YY YY Y- --",
                "- YY YY Y- --",
                "- -- -- -- --",
                "- YY YY YY --",
                "- YY YY Y- --",
                "- YY YY -- --",
                "- YY YY Y- Y-",
                "- YY YY Y- --",
                "- -- -- -- --",
                "- -- -- -- --",
            ],
        ),
        (
            "published, public",
            &|p| Resource::Document { owner: p, status: Status::Published, visibility: Visibility::Public },
            [
                "Y YY YY YY YY",
                "- YY YY Y- --",
                "- YY YY Y- --",
                "- -- -- -- --",
                "- YY YY YY --",
                "- YY YY Y- --",
                "- YY YY -- --",
                "- YY YY Y- Y-",
                "- YY YY Y- --",
                "- -- -- -- --",
                "- -- -- -- --",
            ],
        ),
        (
            "archived, public",
            &|p| Resource::Document { owner: p, status: Status::Archived, visibility: Visibility::Public },
            [
                "- YY YY YY YY",
                "- YY YY Y- --",
                "- YY YY -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- YY YY Y- --",
                "- YY YY -- --",
                "- YY YY Y- Y-",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
            ],
        ),
        (
            "documents as a whole",
            &|_| Resource::Documents,
            [
                "Y YY YY YY YY",
                "- YY YY YY --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
            ],
        ),
        (
            "work plan",
            &|_| Resource::WorkPlan,
            [
                "- YY YY YY YY",
                "- YY YY -- --",
                "- YY YY -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
            ],
        ),
        (
            "operations",
            &|_| Resource::Operations,
            [
                "- YY -- -- --",
                "- -- -- -- --",
                "- YY -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- -- -- -- --",
            ],
        ),
        (
            "deliverable",
            &|p| Resource::Deliverable { responsible: if p == OWN { &[OWN] } else { &[OTHER] } },
            [
                "- YY YY YY YY",
                "- YY YY -- --",
                "- YY YY -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- YY YY Y- --",
                "- YY YY -- --",
                "- -- -- -- --",
                "- -- -- -- --",
                "- YY YY Y- Y-",
                "- -- -- -- --",
            ],
        ),
    ];
    for (label, resource, expected) in rows {
        for (action, cells) in Action::ALL.into_iter().zip(expected) {
            check_row(label, resource, action, cells);
        }
    }
    // Every action appears in every row, so no combination is left untested.
    assert_eq!(
        [Read, Create, Update, Deactivate, Translate, Submit, Review, ReadTrail, ApproveTranslation, Follow, Erase],
        Action::ALL
    );
}

#[test]
fn read_scopes_agree_with_the_policy() {
    let mut actors = vec![Actor::Anonymous];
    for role in Role::ALL {
        actors.push(Actor::Member(Member { id: ACTOR, partner: OWN, role }));
    }
    for actor in actors {
        let scope = ReadScope::of(&actor);
        for owner in [OWN, OTHER] {
            for status in Status::ALL {
                for visibility in [Visibility::Partnership, Visibility::Public] {
                    let resource = Resource::Document { owner, status, visibility };
                    assert_eq!(
                        scope.admits(owner, status, visibility),
                        permits(&actor, Action::Read, &resource),
                        "{actor:?} {status:?} {visibility:?} own={}",
                        owner == OWN
                    );
                }
            }
        }
    }
}

#[test]
fn read_scopes_see_the_trail_as_the_policy_says() {
    let mut actors = vec![Actor::Anonymous];
    for role in Role::ALL {
        actors.push(Actor::Member(Member { id: ACTOR, partner: OWN, role }));
    }
    for actor in actors {
        let scope = ReadScope::of(&actor);
        for owner in [OWN, OTHER] {
            for status in Status::ALL {
                for visibility in [Visibility::Partnership, Visibility::Public] {
                    let resource = Resource::Document { owner, status, visibility };
                    assert_eq!(
                        scope.sees_trail(owner),
                        permits(&actor, Action::ReadTrail, &resource),
                        "{actor:?} {status:?} {visibility:?} own={}",
                        owner == OWN
                    );
                }
            }
        }
    }
}

#[test]
fn own_account_can_be_read_but_not_closed() {
    for role in Role::ALL {
        let me = Actor::Member(Member { id: ACTOR, partner: OWN, role });
        let mine = Resource::Account { id: ACTOR, partner: OWN, role };
        assert!(permits(&me, Action::Read, &mine), "{role} reads own account");
        assert!(!permits(&me, Action::Deactivate, &mine), "{role} cannot close own account");
    }
}

#[test]
fn a_coordinator_cannot_make_anyone_an_operator() {
    let coordinator = Actor::Member(Member { id: ACTOR, partner: OWN, role: Role::Coordinator });
    let promoted = Resource::Account { id: SOMEONE, partner: OTHER, role: Role::Admin };
    assert!(!permits(&coordinator, Action::Create, &promoted));
    assert!(!permits(&coordinator, Action::Update, &promoted));
    let me_as_admin = Resource::Account { id: ACTOR, partner: OWN, role: Role::Admin };
    assert!(!permits(&coordinator, Action::Update, &me_as_admin));
}

#[test]
fn deliverables_shared_by_partners_can_be_submitted_by_each() {
    let both = [OTHER, OWN];
    let editor = Actor::Member(Member { id: ACTOR, partner: OWN, role: Role::Editor });
    assert!(permits(&editor, Action::Submit, &Resource::Deliverable { responsible: &both }));
    assert!(!permits(&editor, Action::Review, &Resource::Deliverable { responsible: &both }));
    assert!(!permits(&editor, Action::Submit, &Resource::Deliverable { responsible: &[] }));
}
