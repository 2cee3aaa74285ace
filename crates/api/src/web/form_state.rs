//! What a form holds (the values posted or stored, the errors to show next to each field),
//! and how the domain's field paths (`text.title`, `actions[1].status`) name form fields.

use super::Page;
use mfx_domain::Violations;
use mfx_domain::document::Kind;
use mfx_domain::fields::FieldType;

/// What a form holds: the submitted (or stored) values and the errors to show.
#[derive(Debug, Clone, Default)]
pub struct FormState {
    pub values: Vec<(String, String)>,
    pub errors: Vec<(String, String)>,
    pub general: Option<String>,
}

impl FormState {
    pub fn value(&self, name: &str) -> String {
        self.values.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.values.iter().filter(|(n, _)| n == name).map(|(_, v)| v.clone()).collect()
    }

    pub fn checked(&self, name: &str, code: &str) -> bool {
        self.values.iter().any(|(n, v)| n == name && v == code)
    }

    pub fn row(&self, prefix: &str, index: &usize, field: &str) -> String {
        self.value(&format!("{prefix}-{index}-{field}"))
    }

    pub fn row_checked(&self, prefix: &str, index: &usize, field: &str, code: &str) -> bool {
        self.checked(&format!("{prefix}-{index}-{field}"), code)
    }

    pub fn error(&self, name: &str) -> Option<String> {
        self.errors.iter().find(|(n, _)| n == name).map(|(_, m)| m.clone())
    }

    pub fn row_error(&self, prefix: &str, index: &usize, field: &str) -> Option<String> {
        self.error(&format!("{prefix}-{index}-{field}"))
    }

    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        if !value.is_empty() {
            self.values.push((name.to_owned(), value));
        }
    }

    pub fn rows(&self, prefix: &str) -> usize {
        let start = format!("{prefix}-");
        self.values
            .iter()
            .filter_map(|(n, _)| n.strip_prefix(&start)?.split('-').next()?.parse::<usize>().ok())
            .max()
            .map_or(0, |m| m + 1)
    }
}

/// The form field an error of the domain belongs to, found through the kind's description:
/// a group's fields have their own form names (`contact.email` → `contact_email`), a record's
/// fields are named by row (`action_items[3].assignee` → `item-3-assignee`).
pub fn form_field(kind: Kind, path: &str) -> String {
    let path = path.strip_prefix("text.").unwrap_or(path);
    let end = path.find(['.', '[']).unwrap_or(path.len());
    let (head, rest) = path.split_at(end);
    let Some(field) = kind.field(head) else { return head.to_owned() };
    let child_of = |name: &str| {
        let name = name.split('[').next().unwrap_or(name);
        field.children().iter().find(|c| c.name == name).map(|c| c.form)
    };
    match field.ty {
        FieldType::Records(_) => {
            let row = rest.strip_prefix('[').and_then(|r| r.split_once("]."));
            match row.and_then(|(n, child)| Some((n, child_of(child)?))) {
                Some((n, child)) => format!("{}-{n}-{child}", field.form),
                None => field.name.to_owned(),
            }
        }
        FieldType::Group(_) => rest.strip_prefix('.').and_then(child_of).unwrap_or(field.form).to_owned(),
        _ => field.form.to_owned(),
    }
}

/// Puts each error next to its field, in the reader's language, with the general alert.
pub fn violations_to_form(page: &Page, kind: Kind, violations: &Violations, form: &mut FormState) {
    for v in violations.iter() {
        let field = form_field(kind, &v.field);
        let message = page.t(&format!("error-{}", v.code));
        if !form.errors.iter().any(|(f, _)| *f == field) {
            form.errors.push((field, message));
        }
    }
    form.general = Some(page.t("form-has-errors"));
}

/// Where the records of a form's document (action items, plan actions) came from: for each
/// list, the form row of each record kept.
#[derive(Debug, Default)]
pub struct Rows(pub Vec<(&'static str, Vec<usize>)>);

/// Moves errors about the n-th record of a list to the form row it was typed in.
pub fn on_rows(violations: &Violations, rows: &Rows) -> Violations {
    let mut out = Violations::new();
    for violation in violations.iter() {
        let mut violation = violation.clone();
        for (list, kept) in &rows.0 {
            for prefix in [format!("{list}["), format!("text.{list}[")] {
                if let Some(rest) = violation.field.strip_prefix(&prefix)
                    && let Some((index, tail)) = rest.split_once(']')
                    && let Some(row) = index.parse::<usize>().ok().and_then(|i| kept.get(i))
                {
                    violation.field = format!("{prefix}{row}]{tail}");
                    break;
                }
            }
        }
        out.push(violation);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_fields_map_to_form_fields() {
        assert_eq!(form_field(Kind::Practice, "text.title"), "title");
        assert_eq!(form_field(Kind::ActionPlan, "text.actions[1].title"), "action-1-title");
        assert_eq!(form_field(Kind::ActionPlan, "actions[0].progress_percent"), "action-0-progress_percent");
        assert_eq!(form_field(Kind::ActionPlan, "actions[2].inspired_by[0]"), "action-2-inspired_by");
        assert_eq!(form_field(Kind::ActionPlan, "text.actions"), "actions");
        assert_eq!(form_field(Kind::MeetingNote, "action_items[3].assignee"), "item-3-assignee");
        assert_eq!(form_field(Kind::MeetingNote, "attendees[0].name"), "attendees");
        assert_eq!(form_field(Kind::Practice, "location.country"), "country");
        assert_eq!(form_field(Kind::Practice, "evidence.repayment_rate_percent"), "repayment_rate_percent");
        assert_eq!(form_field(Kind::Practice, "contact.email"), "contact_email");
        assert_eq!(form_field(Kind::Practice, "themes[0]"), "themes");
        assert_eq!(form_field(Kind::Practice, "visibility"), "visibility");
        assert_eq!(form_field(Kind::Practice, "body"), "body");
    }
}
