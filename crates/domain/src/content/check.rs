//! The checks of a document's fields: those the kind's description implies (lengths, required
//! fields, codes, ranges, addresses), run over every field, then the rules that tie fields
//! together (an end after its start, a place or an address, no row listed twice).

use super::{ActionPlanInput, MeetingNoteInput, PracticeInput};
use crate::error::{FieldError, Violations};
use crate::fields::{Field, FieldType};
use crate::vocabulary::{check_code, check_codes};
use crate::{Email, TimeZone};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// Trims a text and checks its length and characters (line breaks and tabs are fine).
pub(super) fn check_text(field: &str, value: &mut String, max: usize, required: bool, violations: &mut Violations) {
    let trimmed = value.trim();
    if trimmed.len() != value.len() {
        *value = trimmed.to_owned();
    }
    if required && value.is_empty() {
        violations.push(FieldError::new(field, "required", "must not be empty"));
    } else if value.chars().count() > max {
        violations.push(FieldError::new(field, "too_long", format!("at most {max} characters")));
    } else if value.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
        violations.push(FieldError::new(field, "invalid_characters", "contains control characters"));
    }
}

fn check_optional(field: &str, value: &mut Option<String>, max: usize, violations: &mut Violations) {
    if let Some(text) = value {
        check_text(field, text, max, false, violations);
        if text.is_empty() {
            *value = None;
        }
    }
}

/// An address that a link may point to: http or https only (never `javascript:`).
fn check_url(field: &str, url: &str, violations: &mut Violations) {
    let lower = url.trim().to_ascii_lowercase();
    let ok = (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > "https://".len()
        && url.len() <= 2000
        && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>');
    if !ok {
        violations.push(FieldError::new(field, "invalid_url", "an address starting with https:// or http://"));
    }
}

/// Checks a text field of the description in `object` (trimmed in place).
pub(super) fn check_text_field(path: &str, field: &Field, object: &mut Map<String, Value>, v: &mut Violations) {
    if let Some(Value::String(text)) = object.get_mut(field.name) {
        check_text(path, text, limit(field), field.required, v);
    }
}

fn limit(field: &Field) -> usize {
    field.max.and_then(|m| usize::try_from(m).ok()).unwrap_or(usize::MAX)
}

/// Checks what the description says of each of `fields` (not translated) in `object`,
/// trimming texts and dropping repeated codes in place. Partner slugs met are added to `refs`.
pub(super) fn check_fields(
    prefix: &str,
    fields: &[Field],
    object: &mut Map<String, Value>,
    v: &mut Violations,
    refs: &mut Vec<(String, String)>,
) {
    for field in fields.iter().filter(|f| !f.translatable) {
        let path = format!("{prefix}{}", field.name);
        check_field(&path, field, object, v, refs);
    }
}

fn check_field(
    path: &str,
    field: &Field,
    object: &mut Map<String, Value>,
    v: &mut Violations,
    refs: &mut Vec<(String, String)>,
) {
    let Some(value) = object.get_mut(field.name) else { return };
    match field.ty {
        FieldType::Short | FieldType::Markdown => {
            if let Value::String(text) = value {
                check_text(path, text, limit(field), field.required, v);
            }
        }
        FieldType::Country => {
            if let Value::String(text) = value {
                check_text(path, text, limit(field), field.required, v);
                let iso_code = text.len() == 2 && text.bytes().all(|b| b.is_ascii_uppercase());
                if !text.is_empty() && !iso_code {
                    v.push(FieldError::new(path, "invalid_country", "an ISO 3166 two-letter code such as FR"));
                }
            }
        }
        FieldType::OptionalShort | FieldType::Url | FieldType::Email => {
            let Value::String(text) = value else { return };
            let mut optional = Some(std::mem::take(text));
            check_optional(path, &mut optional, limit(field), v);
            match (field.ty, optional) {
                (_, None) => *value = Value::Null,
                (FieldType::Url, Some(url)) => {
                    check_url(path, &url, v);
                    *value = Value::String(url);
                }
                (FieldType::Email, Some(email)) => match Email::parse(&email) {
                    Ok(parsed) => *value = Value::String(parsed.to_string()),
                    Err(mut e) => {
                        e.field = path.to_owned();
                        v.push(e);
                        *value = Value::String(email);
                    }
                },
                (_, Some(text)) => *value = Value::String(text),
            }
        }
        FieldType::Year | FieldType::Integer | FieldType::Decimal => {
            let Some(n) = value.as_f64() else { return };
            #[expect(clippy::cast_precision_loss, reason = "limits are far below 2^53")]
            let (low, high) = (field.min.map(|m| m as f64), field.max.map(|m| m as f64));
            if low.is_some_and(|low| n < low) || high.is_some_and(|high| n > high) {
                let range = match (field.min, field.max) {
                    (Some(min), Some(max)) => format!("a number from {min} to {max}"),
                    (Some(min), None) => format!("a number from {min}"),
                    _ => "a smaller number".to_owned(),
                };
                v.push(FieldError::new(path, "out_of_range", range));
            }
        }
        FieldType::TimeZone => {
            let Value::String(name) = value else { return };
            match TimeZone::parse(name) {
                Ok(zone) => *name = zone.to_string(),
                Err(mut e) => {
                    e.field = path.to_owned();
                    v.push(e);
                }
            }
        }
        FieldType::Code(vocabulary) | FieldType::OptionalCode(vocabulary) => {
            if let Value::String(code) = value {
                check_code(path, code, vocabulary.codes, v);
            }
        }
        FieldType::Codes(vocabulary) => {
            let codes: Vec<String> = serde_json::from_value(value.clone()).unwrap_or_default();
            *value = serde_json::json!(check_codes(path, &codes, vocabulary.codes, v));
        }
        FieldType::Partner => {
            if let Value::String(slug) = value {
                if let Err(mut error) = crate::PartnerSlug::parse(slug) {
                    error.field = path.to_owned();
                    v.push(error);
                }
                refs.push((path.to_owned(), slug.clone()));
            }
        }
        FieldType::Links => {
            let Value::Array(links) = value else { return };
            if too_many(path, field, links.len(), v) {
                return;
            }
            for (n, link) in links.iter_mut().enumerate() {
                if let Value::String(text) = link {
                    *text = text.trim().to_owned();
                    check_url(&format!("{path}[{n}]"), text, v);
                }
            }
        }
        FieldType::Group(children) => {
            if let Value::Object(group) = value {
                check_fields(&format!("{path}."), children, group, v, refs);
            }
        }
        FieldType::Records(children) | FieldType::People(children) => {
            let Value::Array(rows) = value else { return };
            too_many(path, field, rows.len(), v);
            for (n, row) in rows.iter_mut().enumerate() {
                if let Value::Object(row) = row {
                    check_fields(&format!("{path}[{n}]."), children, row, v, refs);
                    for child in children.iter().filter(|c| c.translatable) {
                        check_text_field(&format!("{path}[{n}].{}", child.name), child, row, v);
                    }
                }
            }
        }
        FieldType::Date
        | FieldType::DateTime
        | FieldType::Language
        | FieldType::Visibility
        | FieldType::RowId
        | FieldType::Practices => {}
    }
}

/// Whether a list has more items than the description allows (reported).
fn too_many(path: &str, field: &Field, count: usize, v: &mut Violations) -> bool {
    let over = field.max.and_then(|m| usize::try_from(m).ok()).is_some_and(|max| count > max);
    if over {
        v.push(FieldError::new(path, "too_many", format!("at most {} items", limit(field))));
    }
    over
}

/// An input checked against its kind's description: the fields all kinds share but the
/// owner's language and slug (the caller resolves those), then each field of the kind.
pub(super) fn described<T: Serialize + DeserializeOwned>(
    fields: &[Field],
    input: &T,
    v: &mut Violations,
    refs: &mut Vec<(String, String)>,
) -> Option<T> {
    let mut value = serde_json::to_value(input).ok()?;
    let object = value.as_object_mut()?;
    let own: Vec<Field> =
        fields.iter().filter(|f| !matches!(f.ty, FieldType::Language | FieldType::Partner)).copied().collect();
    check_fields("", &own, object, v, refs);
    serde_json::from_value(value).ok()
}

/// What ties a practice's fields together.
pub(super) fn practice_rules(i: &PracticeInput, v: &mut Violations) {
    if let (Some(start), Some(end)) = (i.start_year, i.end_year)
        && end < start
    {
        v.push(FieldError::new("end_year", "before_start", "the practice ends before it starts"));
    }
    let e = &i.evidence;
    if let (Some(min), Some(max)) = (e.loan_size_min_eur, e.loan_size_max_eur)
        && min > max
    {
        v.push(FieldError::new(
            "evidence.loan_size_max_eur",
            "below_minimum",
            "the largest loan is below the smallest",
        ));
    }
}

/// What ties a meeting note's fields together.
pub(super) fn meeting_rules(i: &MeetingNoteInput, v: &mut Violations) {
    if i.ends_at < i.starts_at {
        v.push(FieldError::new("ends_at", "before_start", "the meeting ends before it starts"));
    }
    if i.place.is_empty() && i.online_url.is_none() {
        v.push(FieldError::new("place", "required", "give a place, an online_url, or both"));
    }
    let mut seen = Vec::new();
    for (n, item) in i.action_items.iter().enumerate() {
        if let Some(id) = item.id {
            if seen.contains(&id) {
                v.push(FieldError::new(format!("action_items[{n}].id"), "duplicate", "listed twice"));
            }
            seen.push(id);
        }
    }
}

/// What ties a plan's fields together; each action cites a practice once.
pub(super) fn plan_rules(i: &mut ActionPlanInput, v: &mut Violations) {
    let mut seen = Vec::new();
    for (n, a) in i.actions.iter_mut().enumerate() {
        if let (Some(start), Some(end)) = (a.starts_on, a.ends_on)
            && end < start
        {
            v.push(FieldError::new(
                format!("actions[{n}].ends_on"),
                "before_start",
                "the action ends before it starts",
            ));
        }
        let mut unique = Vec::new();
        for practice in &a.inspired_by {
            if !unique.contains(practice) {
                unique.push(*practice);
            }
        }
        a.inspired_by = unique;
        if let Some(id) = a.id {
            if seen.contains(&id) {
                v.push(FieldError::new(format!("actions[{n}].id"), "duplicate", "listed twice"));
            }
            seen.push(id);
        }
    }
}
