//! A document's form, driven by its kind's field description: the fields drawn (in fieldsets,
//! by type), reading a posted form back into the API's JSON body, and writing a stored
//! document into form values.

use super::Page;
use super::form_state::{FormState, Rows};
use mfx_domain::document::{Kind, Visibility};
use mfx_domain::fields::{Field, FieldType};
use mfx_domain::{FieldError, Violations};
use serde_json::{Map, Value, json};

/// One field as the form draws it.
pub struct FormField {
    /// The form field's name (and the element's id).
    pub name: String,
    pub label: String,
    /// Empty when the field has no hint.
    pub hint: String,
    /// How it is drawn: `input`, `area`, `people`, `datetime`, `select` or `choices`.
    pub widget: &'static str,
    /// The `type` of an `input`.
    pub input: &'static str,
    /// The choices of a `select` or `choices`: code and name.
    pub options: Vec<(String, String)>,
    /// A `select` that may be left at "none".
    pub optional: bool,
    /// The zones a `zone` field offers, named by their cities in the reader's language.
    pub zones: Option<std::sync::Arc<mfx_i18n::ZoneList>>,
}

impl FormField {
    /// Whether `value` is a zone the list does not offer (an older name), to offer it too.
    pub fn unlisted_zone(&self, value: &str) -> bool {
        !value.is_empty() && self.zones.as_ref().is_some_and(|list| !list.contains(value))
    }
}

/// A fieldset of the form; an empty legend draws its fields without one.
pub struct FormSection {
    pub legend: String,
    pub fields: Vec<FormField>,
}

/// The fieldsets of a kind's form, from its description; lists of records (action items, plan
/// actions) are drawn as rows after them.
pub fn sections(page: &Page, kind: Kind, creating: bool) -> Vec<FormSection> {
    let mut out: Vec<(&'static str, Vec<FormField>)> = Vec::new();
    for field in kind.fields() {
        let leaves: Vec<&Field> = match field.ty {
            FieldType::Group(children) => children.iter().collect(),
            FieldType::Records(_) | FieldType::Partner => Vec::new(),
            FieldType::Language if !creating => Vec::new(),
            _ => vec![field],
        };
        for leaf in leaves {
            let drawn = form_field(page, leaf);
            match out.last_mut() {
                Some((section, fields)) if *section == leaf.section && !section.is_empty() => fields.push(drawn),
                _ => out.push((leaf.section, vec![drawn])),
            }
        }
    }
    out.into_iter()
        .map(|(legend, fields)| FormSection {
            legend: if legend.is_empty() { String::new() } else { page.t(legend) },
            fields,
        })
        .collect()
}

fn form_field(page: &Page, field: &Field) -> FormField {
    let (widget, input) = match field.ty {
        FieldType::Markdown | FieldType::Links => ("area", ""),
        FieldType::People(_) => ("people", ""),
        FieldType::DateTime => ("datetime", ""),
        FieldType::TimeZone => ("zone", ""),
        FieldType::Language | FieldType::Visibility | FieldType::Code(_) | FieldType::OptionalCode(_) => ("select", ""),
        FieldType::Codes(_) => ("choices", ""),
        FieldType::Year | FieldType::Integer => ("input", "number"),
        FieldType::Email => ("input", "email"),
        FieldType::Url => ("input", "url"),
        FieldType::Date => ("input", "date"),
        _ => ("input", "text"),
    };
    let options = match field.ty {
        FieldType::Language => {
            page.languages().iter().map(|l| (l.to_string(), page.language_label(l.as_str()))).collect()
        }
        FieldType::Visibility => [Visibility::Partnership, Visibility::Public]
            .iter()
            .map(|v| (v.as_str().to_owned(), page.code("visibility-", v.as_str())))
            .collect(),
        _ => field
            .vocabulary()
            .map(|v| v.codes.iter().map(|c| ((*c).to_owned(), page.code(v.prefix, c))).collect())
            .unwrap_or_default(),
    };
    FormField {
        name: field.form.to_owned(),
        label: page.t(field.label),
        hint: field.hint.map(|h| page.t(h)).unwrap_or_default(),
        widget,
        input,
        options,
        optional: matches!(field.ty, FieldType::OptionalCode(_)),
        zones: (field.ty == FieldType::TimeZone).then(|| mfx_i18n::zone_list(page.lang)),
    }
}

/// An attendee as one line of the attendees field.
fn attendee_line(attendee: &Value) -> String {
    let name = attendee["name"].as_str().unwrap_or_default();
    match attendee["organisation"].as_str().unwrap_or_default() {
        "" => name.to_owned(),
        organisation => format!("{name} — {organisation}"),
    }
}

/// A meeting's local time from a `datetime-local` field, which browsers send without seconds
/// when they are zero.
fn local_time(raw: &str) -> Option<chrono::NaiveDateTime> {
    ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"]
        .iter()
        .find_map(|format| chrono::NaiveDateTime::parse_from_str(raw.trim(), format).ok())
}

fn number(form: &FormState, name: &str, v: &mut Violations) -> Value {
    let raw = form.value(name).replace([' ', '\u{202f}'], "");
    if raw.is_empty() {
        return Value::Null;
    }
    match raw.replace(',', ".").parse::<f64>() {
        Ok(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => {
            #[expect(clippy::cast_possible_truncation, reason = "whole numbers below 2^53")]
            let whole = n as i64;
            json!(whole)
        }
        Ok(n) => json!(n),
        Err(_) => {
            v.push(FieldError::new(name, "invalid_number", "not a number"));
            Value::Null
        }
    }
}

fn text_or_null(form: &FormState, name: &str) -> Value {
    let value = form.value(name);
    if value.trim().is_empty() { Value::Null } else { Value::String(value) }
}

/// Reads a posted form back into JSON, field by field.
struct Reader<'f> {
    form: &'f FormState,
    unreadable: Violations,
    rows: Rows,
}

impl Reader<'_> {
    /// The value of one untranslated field, from the form field `name`.
    fn value(&mut self, field: &Field, name: &str) -> Value {
        let form = self.form;
        let value = match field.ty {
            FieldType::Short
            | FieldType::Markdown
            | FieldType::TimeZone
            | FieldType::Code(_)
            | FieldType::Visibility => Value::String(form.value(name)),
            FieldType::Country => Value::String(form.value(name).to_uppercase()),
            FieldType::OptionalShort
            | FieldType::Url
            | FieldType::Email
            | FieldType::OptionalCode(_)
            | FieldType::Partner
            | FieldType::RowId
            | FieldType::Date => text_or_null(form, name),
            FieldType::Year | FieldType::Integer | FieldType::Decimal => number(form, name, &mut self.unreadable),
            FieldType::Codes(_) | FieldType::Practices => json!(form.all(name)),
            FieldType::Links => {
                json!(form.value(name).lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>())
            }
            FieldType::DateTime => match local_time(&form.value(name)) {
                Some(at) => serde_json::to_value(at).unwrap_or(Value::Null),
                None => {
                    self.unreadable.push(FieldError::new(name, "invalid_time", "a date and time"));
                    Value::String("2000-01-01T00:00:00".into())
                }
            },
            FieldType::Group(children) => {
                Value::Object(children.iter().map(|c| (c.name.to_owned(), self.value(c, c.form))).collect())
            }
            FieldType::People(_) => self.people(name),
            FieldType::Records(_) | FieldType::Language => Value::Null,
        };
        match (field.default, &value) {
            (Some(default), Value::Null) => default.parse::<i64>().map_or_else(|_| json!(default), |n| json!(n)),
            (Some(default), Value::String(s)) if s.is_empty() => json!(default),
            _ => value,
        }
    }

    /// Attendees as the form showed them, so that a line left as it was keeps what the line
    /// does not show (the partner an attendee represents).
    fn people(&self, name: &str) -> Value {
        let shown: Vec<Value> = serde_json::from_str(&self.form.value(&format!("{name}_shown"))).unwrap_or_default();
        let mut unused: Vec<Option<&Value>> = shown.iter().map(Some).collect();
        let people: Vec<Value> = self
            .form
            .value(name)
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|line| {
                if let Some(slot) = unused.iter_mut().find(|s| s.is_some_and(|a| attendee_line(a) == line))
                    && let Some(attendee) = slot.take()
                {
                    return attendee.clone();
                }
                let (name, organisation) = line
                    .split_once(" — ")
                    .or_else(|| line.split_once(" - "))
                    .or_else(|| line.split_once(','))
                    .unwrap_or((line, ""));
                json!({ "name": name.trim(), "organisation": organisation.trim() })
            })
            .collect();
        Value::Array(people)
    }

    /// The records of a list typed in the form's rows, and their texts. A row with nothing
    /// typed in it (or only defaults) is left out; one with anything typed is kept, so a
    /// missing title is reported rather than the row dropped. A row ticked for removal goes.
    fn records(&mut self, list: &Field) -> (Vec<Value>, Vec<Value>) {
        let form = self.form;
        let prefix = list.form;
        let children = list.children();
        let (mut records, mut texts, mut kept) = (Vec::new(), Vec::new(), Vec::new());
        for n in 0..form.rows(prefix) {
            let name = |child: &Field| format!("{prefix}-{n}-{}", child.form);
            if !form.row(prefix, &n, "id").is_empty() && form.row_checked(prefix, &n, "remove", "yes") {
                continue;
            }
            let typed = children.iter().any(|child| {
                let raw = form.value(&name(child));
                let raw = raw.trim();
                !raw.is_empty() && Some(raw) != child.default
            });
            if !typed {
                continue;
            }
            kept.push(n);
            let (mut record, mut text) = (Map::new(), Map::new());
            for child in children {
                if child.translatable {
                    text.insert(child.name.to_owned(), Value::String(form.value(&name(child))));
                    continue;
                }
                let value = self.value(child, &name(child));
                // Ids of existing rows travel as text; a new row has none.
                if !(child.ty == FieldType::RowId && value.is_null()) {
                    record.insert(child.name.to_owned(), value);
                }
            }
            records.push(Value::Object(record));
            texts.push(Value::Object(text));
        }
        self.rows.0.push((list.name, kept));
        (records, texts)
    }
}

/// The JSON body of a kind, from a form, the fields that could not be read (numbers, times),
/// and the form row of each record kept.
pub fn to_json(kind: Kind, form: &FormState) -> (Value, Violations, Rows) {
    let mut reader = Reader { form, unreadable: Violations::new(), rows: Rows::default() };
    let (mut body, mut text) = (Map::new(), Map::new());
    for field in kind.fields() {
        match field.ty {
            // Fixed when the document was created: creating adds the language it was given.
            FieldType::Language | FieldType::Partner => {}
            FieldType::Records(children) => {
                let (records, texts) = reader.records(field);
                body.insert(field.name.to_owned(), Value::Array(records));
                if children.iter().any(|c| c.translatable) {
                    text.insert(field.name.to_owned(), Value::Array(texts));
                }
            }
            _ if field.translatable => {
                text.insert(field.name.to_owned(), Value::String(form.value(field.form)));
            }
            _ => {
                let value = reader.value(field, field.form);
                body.insert(field.name.to_owned(), value);
            }
        }
    }
    body.insert("text".into(), Value::Object(text));
    (Value::Object(body), reader.unreadable, reader.rows)
}

fn as_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

/// Writes one untranslated field's stored value into the form field `name`.
fn write(form: &mut FormState, field: &Field, value: &Value, name: &str) {
    match field.ty {
        FieldType::Codes(_) | FieldType::Practices => {
            for code in value.as_array().into_iter().flatten() {
                form.set(name, as_text(code));
            }
        }
        FieldType::Links => {
            let links: Vec<String> = value.as_array().into_iter().flatten().map(as_text).collect();
            form.set(name, links.join("\n"));
        }
        FieldType::Group(children) => {
            for child in children {
                write(form, child, &value[child.name], child.form);
            }
        }
        FieldType::People(_) => {
            let people = value.as_array().cloned().unwrap_or_default();
            let lines: Vec<String> = people.iter().map(attendee_line).collect();
            form.set(name, lines.join("\n"));
            if !people.is_empty() {
                form.set(&format!("{name}_shown"), Value::Array(people).to_string());
            }
        }
        FieldType::Records(_) | FieldType::Language => {}
        _ => form.set(name, as_text(value)),
    }
}

/// The form values of a document's stored form (a stored document, or a merge).
pub fn form_from_value(kind: Kind, d: &Value) -> FormState {
    let mut form = FormState::default();
    let text = &d["text"];
    // The owner is fixed when the document is created: not a field of its forms.
    for field in kind.fields().iter().filter(|f| f.ty != FieldType::Partner) {
        if field.translatable {
            form.set(field.form, text[field.name].as_str().unwrap_or_default());
            continue;
        }
        let FieldType::Records(children) = field.ty else {
            write(&mut form, field, &d[field.name], field.form);
            continue;
        };
        for (n, record) in d[field.name].as_array().into_iter().flatten().enumerate() {
            for child in children {
                let name = format!("{}-{n}-{}", field.form, child.form);
                if child.translatable {
                    form.set(&name, text[field.name][n][child.name].as_str().unwrap_or_default());
                } else {
                    write(&mut form, child, &record[child.name], &name);
                }
            }
        }
    }
    form
}

#[cfg(test)]
mod tests {
    use super::*;
    use mfx_domain::content::DocumentInput;

    #[test]
    fn a_practice_form_becomes_the_api_body() {
        let form = FormState {
            values: vec![
                ("title".into(), "Microcrédit".into()),
                ("visibility".into(), "public".into()),
                ("themes".into(), "microcredit".into()),
                ("themes".into(), "social_inclusion".into()),
                ("loan_size_max_eur".into(), "12 000".into()),
                ("repayment_rate_percent".into(), "94,5".into()),
                ("instrument_type".into(), "grant".into()),
                ("links".into(), "https://example.org/a\n\nhttps://example.org/b".into()),
            ],
            ..FormState::default()
        };
        let (body, unreadable, _) = to_json(Kind::Practice, &form);
        assert!(unreadable.is_empty());
        assert_eq!(body["themes"], json!(["microcredit", "social_inclusion"]));
        assert_eq!(body["evidence"]["loan_size_max_eur"], json!(12000));
        assert_eq!(body["evidence"]["repayment_rate_percent"], json!(94.5));
        assert_eq!(body["evidence"]["instrument_type"], json!("grant"));
        assert_eq!(body["links"], json!(["https://example.org/a", "https://example.org/b"]));
        let input = DocumentInput::from_value(Kind::Practice, body.clone()).expect("parses");
        assert!(input.validate().is_ok());
        let again = form_from_value(Kind::Practice, &body);
        assert_eq!(again.value("links"), "https://example.org/a\nhttps://example.org/b");
        assert_eq!(again.value("instrument_type"), "grant");
    }

    #[test]
    fn plan_rows_keep_what_was_typed_and_their_texts() {
        let form = FormState {
            values: vec![
                ("title".into(), "Plan".into()),
                ("policy_instrument".into(), "ROP".into()),
                ("action-0-title".into(), "First".into()),
                ("action-0-progress_percent".into(), "40".into()),
                ("action-0-status".into(), "in_progress".into()),
                ("action-1-status".into(), "planned".into()),
                ("action-1-progress_percent".into(), "0".into()),
                ("action-2-background".into(), "Only a background".into()),
            ],
            ..FormState::default()
        };
        let (body, unreadable, rows) = to_json(Kind::ActionPlan, &form);
        assert!(unreadable.is_empty());
        assert_eq!(body["actions"].as_array().map(Vec::len), Some(2));
        assert_eq!(body["actions"][0]["progress_percent"], json!(40));
        assert!(body["actions"][0].get("id").is_none());
        assert_eq!(body["text"]["actions"][1]["background"], json!("Only a background"));
        assert_eq!(rows.0, vec![("actions", vec![0, 2])]);
        let again = form_from_value(Kind::ActionPlan, &body);
        assert_eq!(again.value("action-0-title"), "First");
        assert_eq!(again.value("action-1-background"), "Only a background");
    }
}
