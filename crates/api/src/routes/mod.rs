//! HTTP routes. Handlers are thin: parse input into domain types, ask the policy, call the
//! store, shape the answer. Every route is registered through utoipa so the OpenAPI document
//! lists exactly what exists.

pub mod attachments;
pub mod auth;
pub mod digests;
pub mod documents;
pub mod health;
pub mod kinds;
pub mod me;
pub mod partners;
pub mod personal;
pub mod review;
pub mod tracking;
pub mod users;

use crate::error::ApiError;
use actix_web::HttpRequest;
use actix_web::http::header::{self, HeaderValue};
use utoipa_actix_web::scope;
use utoipa_actix_web::service_config::ServiceConfig;

/// Registers every route: operational ones at the root, the API under `/api/v1`.
pub fn configure(config: &mut ServiceConfig<'_>) {
    config.service(health::healthz).service(health::readyz).service(health::metrics).service(tracking::calendar_feed);
    // The router tries patterns in registration order: the documents, which carry most of the
    // traffic, come first.
    let api = scope("/api/v1");
    let api = kinds::practices::configure(api);
    let api = kinds::meeting_notes::configure(api);
    let api = kinds::action_plans::configure(api);
    let api = api
        .service(kinds::list_documents)
        .service(kinds::search)
        .service(kinds::practice_lineage)
        .service(kinds::plan_lineage)
        .service(tracking::list_periods)
        .service(tracking::create_period)
        .service(tracking::patch_period)
        .service(tracking::list_work_packages)
        .service(tracking::create_work_package)
        .service(tracking::patch_work_package)
        .service(tracking::deliverables_csv)
        .service(tracking::list_deliverables)
        .service(tracking::create_deliverable)
        .service(tracking::get_deliverable)
        .service(tracking::patch_deliverable)
        .service(tracking::move_deliverable)
        .service(tracking::deliverable_history)
        .service(tracking::list_action_items)
        .service(tracking::dashboard)
        .service(tracking::create_calendar)
        .service(tracking::revoke_calendar)
        .service(tracking::report)
        .service(digests::list_digests)
        .service(digests::retry_digest);
    config.service(
        api.service(auth::login)
            .service(auth::refresh)
            .service(auth::logout)
            .service(me::get_me)
            .service(me::patch_me)
            .service(me::change_password)
            .service(me::revoke_unsubscribe_links)
            .service(personal::export_me)
            .service(personal::get_erasure)
            .service(personal::request_erasure)
            .service(personal::withdraw_erasure)
            .service(personal::list_erasure_requests)
            .service(personal::erase_user)
            .service(partners::get_project)
            .service(partners::list_partners)
            .service(partners::get_partner)
            .service(users::list_users)
            .service(users::create_user)
            .service(users::get_user)
            .service(users::patch_user)
            .service(users::deactivate_user),
    );
}

/// The strong ETag of a versioned resource.
pub fn etag(version: i64) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or_else(|_| HeaderValue::from_static("\"0\""))
}

/// What an `If-Match` header asks for (RFC 9110 §13.1.1). The ETags this API sends are strong
/// and name a version (`"3"`); it compares them strongly, so a weak tag (`W/"3"`) never matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IfMatch {
    /// No header: the write does not depend on the version.
    Absent,
    /// `*`: any current version.
    Any,
    /// A list of entity tags: the versions named by its strong tags.
    Tags(Vec<i64>),
}

impl IfMatch {
    /// Reads every `If-Match` line of a request; a value that is neither `*` nor a list of
    /// entity tags is a 400.
    pub fn from_request(req: &HttpRequest) -> Result<Self, ApiError> {
        let mut lines = req.headers().get_all(header::IF_MATCH).peekable();
        if lines.peek().is_none() {
            return Ok(IfMatch::Absent);
        }
        let invalid = || ApiError::BadRequest {
            code: "invalid_if_match",
            detail: "If-Match must be * or ETags this API returned, such as \"3\".".into(),
        };
        let mut any = false;
        let mut versions = Vec::new();
        let mut elements = 0;
        for line in lines {
            let text = std::str::from_utf8(line.as_bytes()).map_err(|_| invalid())?;
            if text.trim() == "*" {
                any = true;
                elements += 1;
                continue;
            }
            for tag in entity_tags(text).ok_or_else(invalid)? {
                elements += 1;
                if let EntityTag::Strong(opaque) = tag
                    && let Ok(version) = opaque.parse::<i64>()
                    && !opaque.starts_with('+')
                {
                    versions.push(version);
                }
            }
        }
        match (any, elements) {
            (true, 1) => Ok(IfMatch::Any),
            // `*` stands alone; and an empty list names nothing.
            (true, _) | (false, 0) => Err(invalid()),
            (false, _) => Ok(IfMatch::Tags(versions)),
        }
    }

    /// The same, for writes that must name the version they change: 428 without the header.
    pub fn required(req: &HttpRequest) -> Result<Self, ApiError> {
        match Self::from_request(req)? {
            IfMatch::Absent => Err(ApiError::PreconditionRequired),
            condition => Ok(condition),
        }
    }

    /// The version the write must find, or `None` when it does not depend on one. One tag is
    /// checked by the write itself; `*` and lists are checked against `current` (the version
    /// now, `None` when there is no current representation) and become that version, so that
    /// the write still fails if someone else changes it first. 412 when nothing matches.
    pub async fn expected<F>(&self, current: F) -> Result<Option<i64>, ApiError>
    where
        F: Future<Output = Result<Option<i64>, ApiError>>,
    {
        match self {
            IfMatch::Absent => Ok(None),
            IfMatch::Tags(versions) if versions.len() == 1 => Ok(versions.first().copied()),
            IfMatch::Any => match current.await? {
                Some(version) => Ok(Some(version)),
                None => Err(mfx_domain::Error::StaleVersion { expected: 0, current: 0 }.into()),
            },
            IfMatch::Tags(versions) => {
                let now = current.await?;
                match now {
                    Some(version) if versions.contains(&version) => Ok(Some(version)),
                    _ => Err(mfx_domain::Error::StaleVersion {
                        expected: versions.first().copied().unwrap_or(0),
                        current: now.unwrap_or(0),
                    }
                    .into()),
                }
            }
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum EntityTag<'a> {
    Strong(&'a str),
    Weak,
}

/// Splits `#entity-tag` (RFC 9110 §8.8.3 and §5.6.1): comma-separated, optional whitespace,
/// empty elements allowed. `None` if the text is not such a list.
fn entity_tags(text: &str) -> Option<Vec<EntityTag<'_>>> {
    let mut tags = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches([' ', '\t', ',']);
        if rest.is_empty() {
            return Some(tags);
        }
        let (weak, quoted) = match rest.strip_prefix("W/") {
            Some(after) => (true, after),
            None => (false, rest),
        };
        let body = quoted.strip_prefix('"')?;
        let end = body.find('"')?;
        let opaque = &body[..end];
        // etagc: %x21 / %x23-7E / obs-text
        if !opaque.bytes().all(|b| b == 0x21 || (0x23..=0x7e).contains(&b) || b >= 0x80) {
            return None;
        }
        tags.push(if weak { EntityTag::Weak } else { EntityTag::Strong(opaque) });
        rest = body[end + 1..].trim_start_matches([' ', '\t']);
        if !rest.is_empty() && !rest.starts_with(',') {
            return None;
        }
    }
}

/// Page size from a `limit` parameter: 1 to 100, 50 by default.
pub fn page_limit(limit: Option<u32>) -> Result<i64, ApiError> {
    match limit {
        None => Ok(50),
        Some(n @ 1..=100) => Ok(i64::from(n)),
        Some(_) => Err(ApiError::invalid(
            mfx_domain::FieldError::new("limit", "out_of_range", "limit is from 1 to 100").into(),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn parsed(values: &[&str]) -> Result<IfMatch, ApiError> {
        let mut req = TestRequest::default();
        for value in values {
            req = req.append_header((header::IF_MATCH, *value));
        }
        IfMatch::from_request(&req.to_http_request())
    }

    #[test]
    fn reads_star_lists_and_weak_tags() {
        assert_eq!(parsed(&[]).ok(), Some(IfMatch::Absent));
        assert_eq!(parsed(&["*"]).ok(), Some(IfMatch::Any));
        assert_eq!(parsed(&[" * "]).ok(), Some(IfMatch::Any));
        assert_eq!(parsed(&["\"3\""]).ok(), Some(IfMatch::Tags(vec![3])));
        assert_eq!(parsed(&["\"3\", \"5\""]).ok(), Some(IfMatch::Tags(vec![3, 5])));
        assert_eq!(parsed(&["\"3\"", "\"5\""]).ok(), Some(IfMatch::Tags(vec![3, 5])));
        assert_eq!(parsed(&[", \"3\" ,,"]).ok(), Some(IfMatch::Tags(vec![3])));
        // Weak tags and tags this API never sends are well formed but match nothing.
        assert_eq!(parsed(&["W/\"3\""]).ok(), Some(IfMatch::Tags(vec![])));
        assert_eq!(parsed(&["\"abc\", W/\"4\", \"7\""]).ok(), Some(IfMatch::Tags(vec![7])));
        assert_eq!(parsed(&["\"+3\""]).ok(), Some(IfMatch::Tags(vec![])));
    }

    #[test]
    fn refuses_what_is_not_an_entity_tag_list() {
        for bad in ["yesterday", "3", "\"3", "\"3\" \"4\"", "*, \"3\"", "w/\"3\"", "", ",", "\"a b\""] {
            assert!(
                matches!(parsed(&[bad]), Err(ApiError::BadRequest { code: "invalid_if_match", .. })),
                "{bad:?} should be refused"
            );
        }
        assert!(parsed(&["*", "\"3\""]).is_err());
    }

    #[actix_web::test]
    async fn star_and_lists_resolve_against_the_current_version() {
        let now = |v: Option<i64>| async move { Ok::<_, ApiError>(v) };
        assert_eq!(IfMatch::Absent.expected(now(Some(4))).await.ok(), Some(None));
        assert_eq!(IfMatch::Any.expected(now(Some(4))).await.ok(), Some(Some(4)));
        assert!(IfMatch::Any.expected(now(None)).await.is_err());
        assert_eq!(IfMatch::Tags(vec![9]).expected(now(Some(4))).await.ok(), Some(Some(9)));
        assert_eq!(IfMatch::Tags(vec![3, 4]).expected(now(Some(4))).await.ok(), Some(Some(4)));
        assert!(matches!(
            IfMatch::Tags(vec![2, 3]).expected(now(Some(4))).await,
            Err(ApiError::Domain(mfx_domain::Error::StaleVersion { current: 4, .. }))
        ));
        assert!(IfMatch::Tags(vec![]).expected(now(Some(4))).await.is_err());
    }
}
