//! The fields of each kind of document, described once: their JSON key, type, whether they are
//! translated, whether they are required, their limits, and the Fluent ids of their label and
//! hint. Validation, the web forms (drawing and reading back), the document page, the history,
//! the translation editor and the OpenAPI schema's check all read this description, so adding a
//! field is one entry here and its messages in each language.

use crate::document::Kind;
use crate::vocabulary::{
    ACTION_ITEM_STATUSES, INSTRUMENTS, MEETING_TYPES, PLAN_ACTION_STATUSES, TARGET_GROUPS, THEMES,
};

/// The longest title.
pub const TITLE_MAX: usize = 200;
/// The longest Markdown text.
pub const TEXT_MAX: usize = 20_000;
/// The longest short text (a name, a place).
pub const SHORT_MAX: usize = 300;
/// The largest amount of money or count of people.
pub const AMOUNT_MAX: i64 = 1_000_000_000_000;

/// A controlled vocabulary: its codes, and the prefix of the messages naming them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Vocabulary {
    pub codes: &'static [&'static str],
    pub prefix: &'static str,
}

pub const THEME: Vocabulary = Vocabulary { codes: THEMES, prefix: "theme-" };
pub const TARGET_GROUP: Vocabulary = Vocabulary { codes: TARGET_GROUPS, prefix: "target-group-" };
pub const INSTRUMENT: Vocabulary = Vocabulary { codes: INSTRUMENTS, prefix: "instrument-" };
pub const MEETING_TYPE: Vocabulary = Vocabulary { codes: MEETING_TYPES, prefix: "meeting-type-" };
pub const ITEM_STATUS: Vocabulary = Vocabulary { codes: ACTION_ITEM_STATUSES, prefix: "item-status-" };
pub const ACTION_STATUS: Vocabulary = Vocabulary { codes: PLAN_ACTION_STATUSES, prefix: "action-status-" };

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FieldType {
    /// A short, one-line text (`max` characters).
    Short,
    /// A short text that is absent (null) when empty.
    OptionalShort,
    /// A long Markdown text.
    Markdown,
    /// An ISO 3166 two-letter country code.
    Country,
    /// A calendar year.
    Year,
    /// A whole number (counts, amounts of money, percentages of progress).
    Integer,
    /// A number that may have decimals (a rate).
    Decimal,
    /// A calendar date.
    Date,
    /// A local date and time.
    DateTime,
    /// An IANA time zone name.
    TimeZone,
    /// A web address, absent when empty.
    Url,
    /// An email address, absent when empty.
    Email,
    /// One code of a vocabulary.
    Code(Vocabulary),
    /// One code of a vocabulary, or none.
    OptionalCode(Vocabulary),
    /// Several codes of a vocabulary.
    Codes(Vocabulary),
    /// A list of web addresses, one per line in forms.
    Links,
    /// A partner, by slug.
    Partner,
    /// The original language of a document (fixed once created).
    Language,
    /// Who may read the document once published.
    Visibility,
    /// The identifier of an existing row of a list of records.
    RowId,
    /// Good practices, by identifier.
    Practices,
    /// A group of fields stored together (`location`, `evidence`).
    Group(&'static [Field]),
    /// A list of records, each with these fields (`action_items`, `actions`), edited in rows.
    Records(&'static [Field]),
    /// A list of people, each with these fields, edited one per line (`name — organisation`).
    People(&'static [Field]),
}

/// One field of a kind of document.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    /// The JSON key.
    pub name: &'static str,
    pub ty: FieldType,
    /// Written in every language (kept under `text`); otherwise stored once.
    pub translatable: bool,
    /// Must not be empty.
    pub required: bool,
    /// The longest text (characters), the most items of a list, or the largest number.
    pub max: Option<i64>,
    /// The smallest number.
    pub min: Option<i64>,
    /// The Fluent id of the field's name.
    pub label: &'static str,
    /// The Fluent id of the hint shown under the label, if any.
    pub hint: Option<&'static str>,
    /// The value when none is given.
    pub default: Option<&'static str>,
    /// The name of the field in web forms (for a list of records, the prefix of its rows'
    /// fields: `item-3-title`) (a group's fields are flattened there).
    pub form: &'static str,
    /// The Fluent id of the legend of the form's fieldset the field is drawn in (empty: a
    /// fieldset of its own).
    pub section: &'static str,
}

const fn field(name: &'static str, ty: FieldType, label: &'static str, section: &'static str) -> Field {
    Field {
        name,
        ty,
        translatable: false,
        required: false,
        max: None,
        min: None,
        label,
        hint: None,
        default: None,
        form: name,
        section,
    }
}

const fn title(section: &'static str) -> Field {
    Field {
        translatable: true,
        required: true,
        max: Some(TITLE_MAX as i64),
        ..field("title", FieldType::Short, "field-title", section)
    }
}

const fn markdown(name: &'static str, label: &'static str, hint: Option<&'static str>, section: &'static str) -> Field {
    Field { translatable: true, max: Some(TEXT_MAX as i64), hint, ..field(name, FieldType::Markdown, label, section) }
}

const fn short(name: &'static str, label: &'static str, section: &'static str) -> Field {
    Field { max: Some(SHORT_MAX as i64), ..field(name, FieldType::Short, label, section) }
}

const fn integer(name: &'static str, label: &'static str, min: i64, max: i64, section: &'static str) -> Field {
    Field { min: Some(min), max: Some(max), ..field(name, FieldType::Integer, label, section) }
}

const fn year(name: &'static str, label: &'static str) -> Field {
    Field { min: Some(1900), max: Some(2100), ..field(name, FieldType::Year, label, LOCATION) }
}

impl Field {
    const fn in_form(self, form: &'static str) -> Field {
        Field { form, ..self }
    }

    const fn hinted(self, hint: &'static str) -> Field {
        Field { hint: Some(hint), ..self }
    }

    const fn required(self) -> Field {
        Field { required: true, ..self }
    }

    const fn by_default(self, default: &'static str) -> Field {
        Field { default: Some(default), ..self }
    }

    const fn at_most(self, max: i64) -> Field {
        Field { max: Some(max), ..self }
    }

    /// Whether the field is a text written in Markdown.
    pub fn is_markdown(&self) -> bool {
        self.ty == FieldType::Markdown
    }

    /// The fields of a group or of each record, else none.
    pub fn children(&self) -> &'static [Field] {
        match self.ty {
            FieldType::Group(fields) | FieldType::Records(fields) | FieldType::People(fields) => fields,
            _ => &[],
        }
    }

    /// The vocabulary of a code field.
    pub fn vocabulary(&self) -> Option<Vocabulary> {
        match self.ty {
            FieldType::Code(v) | FieldType::OptionalCode(v) | FieldType::Codes(v) => Some(v),
            _ => None,
        }
    }
}

const ABOUT: &str = "form-about";

/// What every kind has: its language and owner (fixed once created), who may read it, the
/// title and the themes.
const fn common() -> [Field; 5] {
    [
        field("language", FieldType::Language, "field-original-language", ABOUT),
        field("partner", FieldType::Partner, "filter-partner", ABOUT),
        field("visibility", FieldType::Visibility, "field-visibility", ABOUT).by_default("partnership"),
        title(ABOUT),
        field("themes", FieldType::Codes(THEME), "field-themes", ABOUT),
    ]
}

/// The fields of a kind: what every kind has, then its own.
macro_rules! kind_fields {
    ($($own:expr),* $(,)?) => {
        &{
            let [language, partner, visibility, title, themes] = common();
            [language, partner, visibility, title, themes, $($own),*]
        }
    };
}

const PRACTICE_TEXT: &str = "form-practice-text";
const LOCATION: &str = "field-location";
const EVIDENCE: &str = "form-evidence";
const CONTACT: &str = "field-contact";

const LOCATION_FIELDS: &[Field] = &[
    Field { max: Some(SHORT_MAX as i64), ..field("country", FieldType::Country, "field-country", LOCATION) }
        .hinted("hint-country"),
    short("region", "field-region", LOCATION),
    short("city", "field-city", LOCATION),
];

const EVIDENCE_FIELDS: &[Field] = &[
    field("instrument_type", FieldType::OptionalCode(INSTRUMENT), "field-instrument_type", EVIDENCE),
    integer("loan_size_min_eur", "field-loan_size_min_eur", 0, AMOUNT_MAX, EVIDENCE),
    integer("loan_size_max_eur", "field-loan_size_max_eur", 0, AMOUNT_MAX, EVIDENCE),
    integer("beneficiaries_reached", "field-beneficiaries_reached", 0, AMOUNT_MAX, EVIDENCE),
    Field {
        max: Some(SHORT_MAX as i64),
        ..field("funding_source", FieldType::OptionalShort, "field-funding_source", EVIDENCE)
    },
    Field {
        min: Some(0),
        max: Some(100),
        ..field("repayment_rate_percent", FieldType::Decimal, "field-repayment_rate_percent", EVIDENCE)
    },
];

const CONTACT_FIELDS: &[Field] = &[
    short("name", "field-contact_name", CONTACT).in_form("contact_name"),
    short("organisation", "field-contact_organisation", CONTACT).in_form("contact_organisation"),
    field("email", FieldType::Email, "field-contact_email", CONTACT).at_most(254).in_form("contact_email"),
];

const PRACTICE: &[Field] = kind_fields![
    markdown("summary", "field-summary", Some("hint-summary"), PRACTICE_TEXT),
    markdown("problem", "field-problem", Some("hint-problem"), PRACTICE_TEXT),
    markdown("description", "field-description", Some("hint-description"), PRACTICE_TEXT),
    markdown("resources", "field-resources", Some("hint-resources"), PRACTICE_TEXT),
    markdown("timescale", "field-timescale", Some("hint-timescale"), PRACTICE_TEXT),
    markdown("evidence_of_success", "field-evidence_of_success", Some("hint-evidence_of_success"), PRACTICE_TEXT),
    markdown("difficulties", "field-difficulties", Some("hint-difficulties"), PRACTICE_TEXT),
    markdown("transfer_potential", "field-transfer_potential", Some("hint-transfer_potential"), PRACTICE_TEXT),
    markdown("stakeholders", "field-stakeholders", Some("hint-stakeholders"), PRACTICE_TEXT),
    field("location", FieldType::Group(LOCATION_FIELDS), "field-location", LOCATION),
    year("start_year", "field-start_year"),
    year("end_year", "field-end_year").hinted("hint-end_year"),
    field("target_groups", FieldType::Codes(TARGET_GROUP), "field-target_groups", ""),
    field("instruments", FieldType::Codes(INSTRUMENT), "field-instruments", ""),
    field("evidence", FieldType::Group(EVIDENCE_FIELDS), "form-evidence", EVIDENCE),
    field("contact", FieldType::Group(CONTACT_FIELDS), "field-contact", CONTACT),
    field("links", FieldType::Links, "field-links", CONTACT).at_most(20).hinted("hint-links"),
];

const MEETING: &str = "form-meeting";
const MINUTES: &str = "form-minutes";

const ATTENDEE_FIELDS: &[Field] = &[
    short("name", "field-attendee-name", MEETING).required(),
    field("partner", FieldType::Partner, "filter-partner", MEETING),
    short("organisation", "field-contact_organisation", MEETING),
];

const ITEM_FIELDS: &[Field] = &[
    field("id", FieldType::RowId, "field-item", ""),
    Field { required: true, max: Some(TITLE_MAX as i64), ..field("title", FieldType::Short, "field-item-title", "") },
    field("assignee", FieldType::Partner, "field-assignee", ""),
    field("due_on", FieldType::Date, "field-due_on", ""),
    field("status", FieldType::Code(ITEM_STATUS), "field-status", "").by_default("open"),
];

const MEETING_NOTE: &[Field] = kind_fields![
    field("meeting_type", FieldType::Code(MEETING_TYPE), "field-meeting_type", MEETING).required(),
    field("starts_at", FieldType::DateTime, "field-starts_at", MEETING).required(),
    field("ends_at", FieldType::DateTime, "field-ends_at", MEETING).required(),
    field("time_zone", FieldType::TimeZone, "field-time-zone", MEETING).required().hinted("meeting-zone-hint"),
    short("place", "field-place", MEETING),
    field("online_url", FieldType::Url, "field-online_url", MEETING).at_most(2000),
    field("attendees", FieldType::People(ATTENDEE_FIELDS), "field-attendees", MEETING)
        .at_most(500)
        .hinted("hint-attendees"),
    markdown("agenda", "field-agenda", None, MINUTES),
    markdown("discussion", "field-discussion", None, MINUTES),
    markdown("decisions", "field-decisions", None, MINUTES),
    field("action_items", FieldType::Records(ITEM_FIELDS), "field-action_items", "")
        .in_form("item")
        .at_most(200)
        .hinted("hint-action_items"),
];

const PLAN: &str = "form-plan";

const ACTION_FIELDS: &[Field] = &[
    field("id", FieldType::RowId, "field-action", ""),
    title(""),
    markdown("background", "field-background", None, ""),
    markdown("description", "field-description", None, ""),
    markdown("players", "field-players", None, ""),
    markdown("funding_sources", "field-funding_sources", None, ""),
    markdown("indicators", "field-indicators", None, ""),
    field("status", FieldType::Code(ACTION_STATUS), "field-status", "").by_default("planned"),
    integer("progress_percent", "field-progress_percent", 0, 100, "").by_default("0"),
    field("starts_on", FieldType::Date, "field-starts_on", ""),
    field("ends_on", FieldType::Date, "field-ends_on", ""),
    Field { min: Some(0), ..field("estimated_cost_eur", FieldType::Integer, "field-estimated_cost_eur", "") },
    field("inspired_by", FieldType::Practices, "field-inspired_by", ""),
];

const ACTION_PLAN: &[Field] = kind_fields![
    short("policy_instrument", "field-policy_instrument", PLAN).required(),
    short("region", "field-region", PLAN),
    markdown("summary", "field-summary", None, PLAN),
    markdown("policy_context", "field-policy_context", None, PLAN),
    field("actions", FieldType::Records(ACTION_FIELDS), "field-actions", "").in_form("action").at_most(50),
];

impl Kind {
    /// Every field of the kind, in the order forms and pages show them.
    pub fn fields(self) -> &'static [Field] {
        match self {
            Kind::Practice => PRACTICE,
            Kind::MeetingNote => MEETING_NOTE,
            Kind::ActionPlan => ACTION_PLAN,
        }
    }

    /// The field a path of a stored document names (`text.summary`, `contact.email`,
    /// `actions.1.title`), in whichever kind has it: a field's name means the same in each.
    pub fn described(path: &str) -> Option<&'static Field> {
        let path = path.strip_prefix("text.").unwrap_or(path);
        let (head, child) = match path.split_once('.') {
            Some((head, rest)) => (head, rest.rsplit('.').next()),
            None => (path, None),
        };
        let field = Kind::ALL.into_iter().find_map(|kind| kind.field(head))?;
        match child {
            Some(child) => field.children().iter().find(|c| c.name == child),
            None => Some(field),
        }
    }

    /// A field of the kind by its JSON key.
    pub fn field(self, name: &str) -> Option<&'static Field> {
        self.fields().iter().find(|f| f.name == name)
    }

    /// The translated fields of the kind (the title first), not those of its records.
    pub fn text_fields(self) -> impl Iterator<Item = &'static Field> {
        self.fields().iter().filter(|f| f.translatable)
    }

    /// The list of records whose rows have translated fields (a plan's actions), if any.
    pub fn translated_records(self) -> Option<&'static Field> {
        self.fields()
            .iter()
            .find(|f| f.children().iter().any(|c| c.translatable) && matches!(f.ty, FieldType::Records(_)))
    }

    /// The Fluent id naming a field given by its path as history and reviews record it
    /// (`text.evidence_of_success`, `location`, `actions`).
    pub fn label_of(self, path: &str) -> Option<&'static str> {
        let path = path.strip_prefix("text.").unwrap_or(path);
        let (head, rest) = match path.split_once('.') {
            Some((head, rest)) => (head, Some(rest)),
            None => (path, None),
        };
        let head = head.split('[').next().unwrap_or(head);
        let found = self.field(head)?;
        match rest.map(|r| r.split('[').next().unwrap_or(r)) {
            Some(child) => found.children().iter().find(|c| c.name == child).map(|c| c.label).or(Some(found.label)),
            None => Some(found.label),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{
        ActionItemInput, ActionPlanInput, ActionText, Attendee, Contact, Evidence, Location, MeetingNoteInput,
        MeetingText, PlanActionInput, PlanText, PracticeInput, PracticeText,
    };
    use std::collections::BTreeSet;
    use utoipa::PartialSchema;
    use utoipa::openapi::{RefOr, Schema};

    fn properties<T: PartialSchema>() -> BTreeSet<String> {
        match T::schema() {
            RefOr::T(Schema::Object(object)) => object.properties.keys().cloned().collect(),
            _ => panic!("not an object schema"),
        }
    }

    fn names(fields: &[Field], translatable: bool) -> BTreeSet<String> {
        fields.iter().filter(|f| f.translatable == translatable).map(|f| f.name.to_owned()).collect()
    }

    fn with(mut set: BTreeSet<String>, extra: &str) -> BTreeSet<String> {
        set.insert(extra.to_owned());
        set
    }

    fn group(kind: Kind, name: &str) -> &'static [Field] {
        kind.field(name).map(Field::children).unwrap_or_default()
    }

    #[test]
    fn the_openapi_schema_has_exactly_the_described_fields() {
        let practice = Kind::Practice.fields();
        assert_eq!(properties::<PracticeInput>(), with(names(practice, false), "text"));
        assert_eq!(properties::<PracticeText>(), names(practice, true));
        assert_eq!(properties::<Location>(), names(group(Kind::Practice, "location"), false));
        assert_eq!(properties::<Evidence>(), names(group(Kind::Practice, "evidence"), false));
        assert_eq!(properties::<Contact>(), names(group(Kind::Practice, "contact"), false));

        let meeting = Kind::MeetingNote.fields();
        assert_eq!(properties::<MeetingNoteInput>(), with(names(meeting, false), "text"));
        assert_eq!(properties::<MeetingText>(), names(meeting, true));
        assert_eq!(properties::<Attendee>(), names(group(Kind::MeetingNote, "attendees"), false));
        assert_eq!(properties::<ActionItemInput>(), names(group(Kind::MeetingNote, "action_items"), false));

        let plan = Kind::ActionPlan.fields();
        assert_eq!(properties::<ActionPlanInput>(), with(names(plan, false), "text"));
        assert_eq!(properties::<PlanText>(), with(names(plan, true), "actions"));
        assert_eq!(properties::<PlanActionInput>(), names(group(Kind::ActionPlan, "actions"), false));
        assert_eq!(properties::<ActionText>(), names(group(Kind::ActionPlan, "actions"), true));
    }

    #[test]
    fn every_kind_starts_with_what_all_share_and_names_its_fields_once() {
        for kind in Kind::ALL {
            let fields = kind.fields();
            let first: Vec<&str> = fields.iter().take(5).map(|f| f.name).collect();
            assert_eq!(first, ["language", "partner", "visibility", "title", "themes"]);
            let forms: BTreeSet<&str> = fields
                .iter()
                .flat_map(|f| std::iter::once(f).chain(f.children()))
                .filter(|f| !matches!(f.ty, FieldType::Records(_)))
                .map(|f| f.form)
                .collect();
            assert!(forms.len() > 5, "{kind:?}");
        }
        assert_eq!(Kind::ActionPlan.translated_records().map(|f| f.name), Some("actions"));
        assert!(Kind::Practice.translated_records().is_none());
    }

    #[test]
    fn recorded_paths_are_named_by_their_label() {
        assert_eq!(Kind::Practice.label_of("text.evidence_of_success"), Some("field-evidence_of_success"));
        assert_eq!(Kind::Practice.label_of("location"), Some("field-location"));
        assert_eq!(Kind::Practice.label_of("evidence.instrument_type"), Some("field-instrument_type"));
        assert_eq!(Kind::ActionPlan.label_of("text.actions"), Some("field-actions"));
        assert_eq!(Kind::MeetingNote.label_of("colour"), None);
    }
}
