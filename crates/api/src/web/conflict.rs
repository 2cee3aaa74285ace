//! The comparison an editor sees when someone else saved the same document or translation
//! while they were editing it: per part, the stored value ("theirs") next to the editor's
//! ("yours"), in the reader's language, with the parts both changed marked in words.

use super::Page;
use chrono::{NaiveDate, NaiveDateTime, Timelike};
use mfx_domain::document::Kind;
use mfx_domain::fields::FieldType;
use mfx_domain::merge::{Merge, Parts};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};

/// One line of a value as shown; `lang` is set when it is content in the document's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// What the text is, in the reader's language.
    pub label: Option<String>,
    pub text: String,
    pub lang: Option<String>,
}

/// One part in the comparison.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The part's name, as the form sends it back in `keep-<part>`.
    pub part: String,
    pub label: String,
    /// Changed by both, to different values: the editor chooses.
    pub both: bool,
    pub theirs: Vec<Line>,
    pub yours: Vec<Line>,
}

/// What the lines of a document's values need to name things.
pub struct Names<'a> {
    pub page: &'a Page,
    /// The language of the texts compared.
    pub content_lang: String,
    /// Partner slug → short name.
    pub partners: HashMap<String, String>,
    /// Practice id → title.
    pub practices: HashMap<String, String>,
}

/// The editor's choices on a comparison: the parts to leave as the other person saved them.
pub fn kept_theirs(values: &[(String, String)]) -> BTreeSet<String> {
    values
        .iter()
        .filter(|(_, choice)| choice == "theirs")
        .filter_map(|(name, _)| name.strip_prefix("keep-"))
        .map(str::to_owned)
        .collect()
}

/// The comparison of a merge: conflicts first, then what only the other person changed.
pub fn comparisons(names: &Names<'_>, outcome: &Merge, yours: &Parts, current: &Parts) -> Vec<Comparison> {
    let both = outcome.conflicts.iter().map(|p| (p, true));
    let kept = outcome.kept.iter().map(|p| (p, false));
    both.chain(kept)
        .map(|(part, both)| Comparison {
            part: part.clone(),
            label: label(names.page, part),
            both,
            theirs: lines(names, part, current.get(part).unwrap_or(&Value::Null)),
            yours: lines(names, part, yours.get(part).unwrap_or(&Value::Null)),
        })
        .collect()
}

/// The label of a part, as on the form (from the fields' description); a record's field is
/// named with its row (`Action 2 · Players involved`). Parts that are not fields of a document
/// (a translation's `origin`) have a message of their own.
pub fn label(page: &Page, part: &str) -> String {
    let Some(field) = Kind::described(part) else { return page.code("field-", part) };
    let mut path = part.strip_prefix("text.").unwrap_or(part).splitn(3, '.');
    if let (Some(list), Some(n), Some(_)) = (path.next(), path.next(), path.next())
        && let Some(row) = Kind::described(list).and_then(|l| l.children().iter().find(|c| c.ty == FieldType::RowId))
    {
        let number = n.parse::<usize>().map_or(1, |n| n + 1);
        return format!("{} {number} · {}", page.t(row.label), page.t(field.label));
    }
    page.t(field.label)
}

fn plain(text: impl Into<String>) -> Line {
    Line { label: None, text: text.into(), lang: None }
}

fn as_str(value: &Value) -> &str {
    value.as_str().unwrap_or_default()
}

pub(super) fn number(page: &Page, value: &Value) -> String {
    match (value.as_i64(), value.as_f64()) {
        (Some(whole), _) => page.integer(&whole),
        (None, Some(real)) => page.number(real, if real.fract() == 0.0 { 0 } else { 2 }),
        _ => String::new(),
    }
}

pub(super) fn date(page: &Page, value: &Value) -> Option<String> {
    value.as_str().and_then(|d| d.parse::<NaiveDate>().ok()).map(|d| page.date(&d))
}

/// A meeting's local time as written, without a zone: "20 May 2025, 09:00".
pub(super) fn local_time(page: &Page, value: &Value) -> String {
    let Ok(at) = serde_json::from_value::<NaiveDateTime>(value.clone()) else { return as_str(value).to_owned() };
    let shown = mfx_i18n::format_datetime(page.lang, at.and_utc(), chrono_tz::UTC);
    let shown = shown.trim_end_matches(" UTC").to_owned();
    if at.second() == 0 { shown } else { format!("{shown}:{:02}", at.second()) }
}

fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        _ => false,
    }
}

/// A part's value as lines a person reads.
pub fn lines(names: &Names<'_>, part: &str, value: &Value) -> Vec<Line> {
    let page = names.page;
    if is_empty(value) {
        return vec![plain(page.t("conflict-empty"))];
    }
    let content = |text: &str| Line { label: None, text: text.to_owned(), lang: Some(names.content_lang.clone()) };
    let codes = |prefix: &str| -> Vec<Line> {
        value.as_array().into_iter().flatten().map(|c| plain(page.code(prefix, as_str(c)))).collect()
    };
    if part == "origin" {
        return vec![plain(page.code("origin-", as_str(value)))];
    }
    match Kind::described(part).map(|f| f.ty) {
        Some(FieldType::Visibility) => vec![plain(page.code("visibility-", as_str(value)))],
        Some(FieldType::Code(v) | FieldType::OptionalCode(v)) => vec![plain(page.code(v.prefix, as_str(value)))],
        Some(FieldType::Codes(v)) => codes(v.prefix),
        Some(FieldType::DateTime) => vec![plain(local_time(page, value))],
        Some(FieldType::Year) => vec![plain(value.to_string())],
        Some(FieldType::Links) => value.as_array().into_iter().flatten().map(|l| plain(as_str(l))).collect(),
        Some(FieldType::People(_)) => value
            .as_array()
            .into_iter()
            .flatten()
            .map(|a| {
                let mut text = as_str(&a["name"]).to_owned();
                for extra in [as_str(&a["organisation"]).to_owned(), partner(names, &a["partner"])] {
                    if !extra.is_empty() {
                        text.push_str(" — ");
                        text.push_str(&extra);
                    }
                }
                content(&text)
            })
            .collect(),
        Some(FieldType::Records(_)) if part == "action_items" => value
            .as_array()
            .into_iter()
            .flatten()
            .map(|item| {
                let mut text = as_str(&item["title"]).to_owned();
                let details = [
                    partner(names, &item["assignee"]),
                    date(page, &item["due_on"]).unwrap_or_default(),
                    page.code("item-status-", as_str(&item["status"])),
                ];
                for extra in details.into_iter().filter(|e| !e.is_empty()) {
                    text.push_str(" — ");
                    text.push_str(&extra);
                }
                content(&text)
            })
            .collect(),
        Some(FieldType::Records(_)) => plan_actions(names, value),
        _ => match value {
            Value::Number(_) => vec![plain(number(page, value))],
            Value::String(text) => vec![content(text)],
            other => vec![plain(other.to_string())],
        },
    }
}

fn partner(names: &Names<'_>, slug: &Value) -> String {
    let slug = as_str(slug);
    names.partners.get(slug).cloned().unwrap_or_else(|| slug.to_owned())
}

/// A plan's actions: per action its title and state, then its texts.
fn plan_actions(names: &Names<'_>, value: &Value) -> Vec<Line> {
    let page = names.page;
    let actions = value.get(0).and_then(Value::as_array).cloned().unwrap_or_default();
    let texts = value.get(1).and_then(Value::as_array).cloned().unwrap_or_default();
    let mut out = Vec::new();
    for (n, action) in actions.iter().enumerate() {
        let text = texts.get(n).cloned().unwrap_or(Value::Null);
        let mut state = vec![
            page.code("action-status-", as_str(&action["status"])),
            format!("{} {} %", page.t("field-progress_percent"), number(page, &action["progress_percent"])),
        ];
        for (field, id) in [("starts_on", "field-starts_on"), ("ends_on", "field-ends_on")] {
            if let Some(day) = date(page, &action[field]) {
                state.push(format!("{} {day}", page.t(id)));
            }
        }
        if !action["estimated_cost_eur"].is_null() {
            state.push(format!(
                "{} {}",
                page.t("field-estimated_cost_eur"),
                number(page, &action["estimated_cost_eur"])
            ));
        }
        out.push(plain(format!("{} {} — {}", page.t("field-action"), n + 1, state.join(" · "))));
        let translated = Kind::ActionPlan.translated_records().map(|l| l.children()).unwrap_or_default();
        for field in translated.iter().filter(|f| f.translatable) {
            let written = as_str(&text[field.name]);
            if !written.is_empty() {
                out.push(Line {
                    label: Some(page.t(field.label)),
                    text: written.to_owned(),
                    lang: Some(names.content_lang.clone()),
                });
            }
        }
        let cited: Vec<String> = action["inspired_by"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|id| names.practices.get(as_str(id)).cloned().unwrap_or_else(|| page.t("conflict-practice-hidden")))
            .collect();
        if !cited.is_empty() {
            out.push(Line { label: Some(page.t("field-inspired_by")), text: cited.join("; "), lang: None });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use mfx_domain::Locale;
    use mfx_domain::content::DocumentInput;
    use mfx_domain::document::Kind;
    use mfx_domain::merge;
    use serde_json::json;

    fn page(lang: Locale) -> Page {
        Page {
            tr: mfx_i18n::Translator::new(lang),
            lang,
            title: String::new(),
            title_lang: None,
            path: "/".into(),
            query: String::new(),
            user: None,
            csrf: String::new(),
            project: String::new(),
            programme: String::new(),
            notice: None,
            archive: false,
        }
    }

    /// A document of each kind with every field filled.
    fn documents() -> Vec<Value> {
        let practice = json!({
            "visibility": "public", "themes": ["microcredit"], "target_groups": ["women"], "instruments": ["grant"],
            "location": {"country": "FR", "region": "IDF", "city": "Saint-Denis"}, "start_year": 2019, "end_year": 2024,
            "evidence": {"instrument_type": "microcredit", "loan_size_min_eur": 500, "loan_size_max_eur": 12000,
                         "beneficiaries_reached": 340, "funding_source": "ERDF", "repayment_rate_percent": 94.5},
            "contact": {"name": "Camille", "organisation": "CD93", "email": "c@example.fr"},
            "links": ["https://example.org"], "text": {"title": "T", "summary": "S", "stakeholders": "K"}
        });
        let note = json!({
            "meeting_type": "study_visit", "starts_at": "2025-05-20T09:00:30", "ends_at": "2025-05-20T12:00:00",
            "time_zone": "Europe/Ljubljana", "place": "Kamnik", "online_url": "https://example.org/m",
            "attendees": [{"name": "Maja", "organisation": "RCSS", "partner": "heart-of-slovenia"}],
            "action_items": [{"title": "Slides", "assignee": "bologna", "due_on": "2025-06-01", "status": "done"}],
            "text": {"title": "T", "agenda": "A", "discussion": "D", "decisions": "X"}
        });
        let plan = json!({
            "policy_instrument": "ROP", "region": "Ilfov",
            "actions": [{"status": "in_progress", "progress_percent": 40, "starts_on": "2025-01-01", "ends_on": "2025-12-31",
                         "estimated_cost_eur": 1000, "inspired_by": ["01a22b8a-0b04-74af-9b56-6e8fe97e1117"]}],
            "text": {"title": "T", "summary": "S", "policy_context": "C",
                     "actions": [{"title": "A", "background": "B", "description": "D", "players": "P", "funding_sources": "F", "indicators": "I"}]}
        });
        [(Kind::Practice, practice), (Kind::MeetingNote, note), (Kind::ActionPlan, plan)]
            .into_iter()
            .map(|(kind, body)| DocumentInput::from_value(kind, body).expect("parses").to_value())
            .collect()
    }

    #[test]
    fn every_part_is_named_and_shown_in_every_language() {
        for lang in Locale::all() {
            let page = page(lang);
            let names = Names {
                page: &page,
                content_lang: "fr".into(),
                partners: HashMap::from([("bologna".into(), "Bologna".into())]),
                practices: HashMap::new(),
            };
            let mut parts = Parts::new();
            for document in documents() {
                parts.extend(merge::document_parts(&document));
            }
            let texts = json!({"title": "T", "summary": "S", "actions": [{"title": "A", "players": "P"}]});
            parts.extend(merge::translation_parts(&texts));
            parts.insert("origin".into(), json!("machine"));
            for (part, value) in &parts {
                let label = label(&page, part);
                assert!(!label.contains("field-") && !label.is_empty(), "{lang}: {part} is labelled {label}");
                for shown in [lines(&names, part, value), lines(&names, part, &Value::Null)] {
                    for line in shown {
                        let text = format!("{} {}", line.label.unwrap_or_default(), line.text);
                        assert!(
                            !["field-", "theme-", "status-", "conflict-", "visibility-", "origin-", "instrument-"]
                                .iter()
                                .any(|raw| text.contains(raw)),
                            "{lang}: {part} shows {text}"
                        );
                        assert!(!text.contains("2025-"), "{lang}: {part} shows an ISO date: {text}");
                    }
                }
            }
        }
    }

    #[test]
    fn meeting_times_keep_their_seconds_and_read_as_local_time() {
        let page = page(mfx_domain::locale::test_locale("fr"));
        assert_eq!(local_time(&page, &json!("2025-05-20T09:00:00")), "20 mai 2025 à 09:00");
        assert_eq!(local_time(&page, &json!("2025-05-20T09:00:30")), "20 mai 2025 à 09:00:30");
    }
}
