//! The controlled vocabularies: themes, target groups, instruments and the statuses of
//! meeting action items and plan actions. Codes are stable; interfaces translate them.

use crate::error::{FieldError, Violations};

pub const THEMES: &[&str] = &[
    "economic_recovery",
    "social_inclusion",
    "green_transition",
    "digital_transition",
    "microcredit",
    "micro_enterprises",
    "social_economy",
    "informal_to_formal",
    "financial_literacy",
];

pub const TARGET_GROUPS: &[&str] = &[
    "unemployed",
    "minimum_income_recipients",
    "women",
    "young_people",
    "migrants_and_refugees",
    "roma",
    "people_with_disabilities",
    "seniors",
    "micro_entrepreneurs",
    "social_enterprises",
    "rural_population",
    "financially_excluded",
];

pub const INSTRUMENTS: &[&str] = &[
    "microcredit",
    "loan_guarantee",
    "grant",
    "equity",
    "savings_group",
    "business_mentoring",
    "training",
    "crowdfunding",
    "social_impact_bond",
    "revolving_fund",
];

pub const MEETING_TYPES: &[&str] =
    &["interregional_event", "study_visit", "stakeholder_meeting", "steering_group", "peer_review", "online"];

pub const ACTION_ITEM_STATUSES: &[&str] = &["open", "in_progress", "done", "cancelled"];

pub const PLAN_ACTION_STATUSES: &[&str] = &["planned", "in_progress", "completed", "abandoned"];

/// Checks one code.
pub fn check_code(field: &str, value: &str, allowed: &[&str], violations: &mut Violations) -> bool {
    if allowed.contains(&value) {
        true
    } else {
        violations.push(FieldError::new(
            field,
            "unknown_code",
            format!("`{value}` is not one of: {}", allowed.join(", ")),
        ));
        false
    }
}

/// Checks a list of codes; duplicates are dropped, the order is kept.
pub fn check_codes(field: &str, values: &[String], allowed: &[&str], violations: &mut Violations) -> Vec<String> {
    let mut kept: Vec<String> = Vec::with_capacity(values.len());
    for (i, value) in values.iter().enumerate() {
        if check_code(&format!("{field}[{i}]"), value, allowed, violations) && !kept.contains(value) {
            kept.push(value.clone());
        }
    }
    kept
}

/// Declares the OpenAPI schema of a set of codes: a string that is one of them.
#[macro_export]
macro_rules! code_schema {
    ($(#[$meta:meta])* $name:ident, $codes:expr) => {
        $(#[$meta])*
        pub struct $name;

        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .enum_values(Some($codes.iter().copied()))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

code_schema!(
    /// A theme code.
    Theme,
    THEMES
);
code_schema!(
    /// A target group code.
    TargetGroup,
    TARGET_GROUPS
);
code_schema!(
    /// A microfinance instrument code.
    Instrument,
    INSTRUMENTS
);
code_schema!(
    /// A kind of meeting.
    MeetingType,
    MEETING_TYPES
);
code_schema!(
    /// The status of a meeting's action item.
    ActionItemStatus,
    ACTION_ITEM_STATUSES
);
code_schema!(
    /// The status of an action of a plan.
    PlanActionStatus,
    PLAN_ACTION_STATUSES
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_codes_are_named_and_duplicates_dropped() {
        let mut violations = Violations::new();
        let kept = check_codes(
            "themes",
            &["microcredit".into(), "astrology".into(), "microcredit".into()],
            THEMES,
            &mut violations,
        );
        assert_eq!(kept, ["microcredit"]);
        let fields: Vec<_> = violations.iter().map(|v| (v.field.as_str(), v.code)).collect();
        assert_eq!(fields, [("themes[1]", "unknown_code")]);
    }
}
