//! The work plan's frame: the reporting periods and the work packages.

use super::super::{Error, read, write};
use super::{require_manager, require_member, title_in};
use crate::state::AppState;
use mfx_domain::policy::Actor;
use mfx_domain::tracking::PeriodSpec;
use mfx_domain::{FieldError, Locale, Violations};
use mfx_store::tracking::{self as store, Titles};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct WorkPackageView {
    pub code: String,
    pub title: String,
    #[schema(value_type = Object)]
    pub titles: Titles,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkPackageInput {
    /// 1 to 16 characters once trimmed.
    #[schema(example = "WP1", pattern = "\\S", max_length = 16)]
    pub code: String,
    /// The title by language; English at least.
    #[schema(value_type = WorkPackageTitles, example = json!({"en": "Exchange of experience"}))]
    pub titles: Titles,
}

/// The titles of a work package: by language of the platform, English at least (not blank);
/// a blank title in another language is dropped, any other key is refused.
pub struct WorkPackageTitles;

impl utoipa::PartialSchema for WorkPackageTitles {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::ObjectBuilder;
        use utoipa::openapi::schema::{AdditionalProperties, Type};
        let mut object = ObjectBuilder::new()
            .schema_type(Type::Object)
            .required(Locale::fallback().as_str())
            .additional_properties(Some(AdditionalProperties::FreeForm(false)));
        for locale in Locale::all() {
            let text = ObjectBuilder::new().schema_type(Type::String);
            let text = if locale == Locale::fallback() { text.pattern(Some("\\S")) } else { text };
            object = object.property(locale.as_str(), text);
        }
        object.into()
    }
}

impl utoipa::ToSchema for WorkPackageTitles {}

/// The reporting periods: the semesters of the core phase, then the follow-up phase.
pub async fn periods(state: &AppState, actor: &Actor) -> Result<Vec<PeriodSpec>, Error> {
    require_member(actor)?;
    let found = read(state, store::periods).await?;
    Ok(found.into_iter().map(|p| p.spec).collect())
}

/// The work packages, titled in the reader's language.
pub async fn work_packages(state: &AppState, actor: &Actor, locale: Locale) -> Result<Vec<WorkPackageView>, Error> {
    require_member(actor)?;
    let found = read(state, store::work_packages).await?;
    Ok(found
        .into_iter()
        .map(|w| WorkPackageView { title: title_in(&w.titles, locale), code: w.code, titles: w.titles })
        .collect())
}

/// Adds a work package (the lead partner).
pub async fn create_work_package(
    state: &AppState,
    actor: &Actor,
    input: WorkPackageInput,
) -> Result<WorkPackageView, Error> {
    require_manager(actor)?;
    let code = input.code.trim().to_owned();
    let mut v = Violations::new();
    if code.is_empty() || code.chars().count() > 16 {
        v.push(FieldError::new("code", "invalid_code", "1 to 16 characters"));
    }
    let titles = checked_titles(&input.titles, &mut v);
    v.into_result()?;
    let (t, now) = (titles.clone(), state.clock.now());
    let c = code.clone();
    write(state, move |conn| store::insert_work_package(conn, &c, &t, now)).await?;
    Ok(WorkPackageView { title: title_in(&titles, Locale::fallback()), code, titles })
}

/// Checked titles of a work package: known languages, English required, each 1 to 200
/// characters once trimmed; an empty field of another language is no title in it.
fn checked_titles(titles: &Titles, v: &mut Violations) -> Titles {
    let mut out = Titles::new();
    for (lang, title) in titles {
        let title = title.trim();
        if lang.parse::<Locale>().map(|l| l.as_str() != lang).unwrap_or(true) {
            v.push(FieldError::new(format!("titles.{lang}"), "unsupported_language", "not a language of the platform"));
        } else if title.chars().count() > 200 {
            v.push(FieldError::new(format!("titles.{lang}"), "too_long", "at most 200 characters"));
        } else if !title.is_empty() {
            out.insert(lang.clone(), title.to_owned());
        }
    }
    let working = Locale::fallback();
    if !out.contains_key(working.as_str()) {
        v.push(FieldError::new(format!("titles.{working}"), "required", "a title in the working language is required"));
    }
    out
}

/// New titles of a work package.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkPackageChange {
    /// The titles by language, replacing those stored; English at least.
    #[schema(value_type = WorkPackageTitles, example = json!({"en": "Exchange of experience", "fr": "Échange d'expériences"}))]
    pub titles: Titles,
}

/// Changes a work package's titles (the lead partner).
pub async fn change_work_package(
    state: &AppState,
    actor: &Actor,
    code: &str,
    input: WorkPackageChange,
) -> Result<WorkPackageView, Error> {
    require_manager(actor)?;
    let mut v = Violations::new();
    let titles = checked_titles(&input.titles, &mut v);
    v.into_result()?;
    let (c, t, now) = (code.to_owned(), titles.clone(), state.clock.now());
    if !write(state, move |conn| store::update_work_package_titles(conn, &c, &t, now)).await? {
        return Err(Error::NotFound("work package"));
    }
    Ok(WorkPackageView { title: title_in(&titles, Locale::fallback()), code: code.to_owned(), titles })
}

/// The phases a period belongs to.
pub const PHASES: [&str; 2] = ["core", "follow_up"];

/// A reporting period as created; dates as `YYYY-MM-DD`.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodInput {
    /// 1 to 16 characters once trimmed: `S1` … `S6`, `FU`.
    #[schema(example = "S7", pattern = "\\S", max_length = 16)]
    pub code: String,
    /// `core` or `follow_up`.
    #[schema(example = "follow_up")]
    pub phase: String,
    #[schema(format = Date, example = "2027-08-01")]
    pub starts_on: String,
    /// After the start; the period may not overlap another.
    #[schema(format = Date, example = "2028-01-31")]
    pub ends_on: String,
}

/// A change of a reporting period: the fields sent replace those stored.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PeriodChange {
    #[schema(pattern = "\\S", max_length = 16)]
    pub code: Option<String>,
    pub phase: Option<String>,
    #[schema(format = Date)]
    pub starts_on: Option<String>,
    #[schema(format = Date)]
    pub ends_on: Option<String>,
}

fn date_field(raw: &str, field: &str, v: &mut Violations) -> Option<chrono::NaiveDate> {
    match raw.trim().parse() {
        Ok(day) => Some(day),
        Err(_) => {
            v.push(FieldError::new(field, "invalid_date", "a date as YYYY-MM-DD"));
            None
        }
    }
}

/// The period as checked on its own (code, phase, dates); overlaps are checked against the
/// stored periods when it is written.
fn checked_period(input: &PeriodInput) -> Result<PeriodSpec, Error> {
    let mut v = Violations::new();
    let code = input.code.trim().to_owned();
    if code.is_empty() || code.chars().count() > 16 {
        v.push(FieldError::new("code", "invalid_code", "1 to 16 characters"));
    }
    let phase = input.phase.trim().to_owned();
    if !PHASES.contains(&phase.as_str()) {
        v.push(FieldError::new("phase", "unknown_phase", "core or follow_up"));
    }
    let starts_on = date_field(&input.starts_on, "starts_on", &mut v);
    let ends_on = date_field(&input.ends_on, "ends_on", &mut v);
    if let (Some(start), Some(end)) = (starts_on, ends_on)
        && end <= start
    {
        v.push(FieldError::new("ends_on", "ends_before_start", "the end comes after the start"));
    }
    v.into_result()?;
    Ok(PeriodSpec { code, phase, starts_on: starts_on.unwrap_or_default(), ends_on: ends_on.unwrap_or_default() })
}

/// Refuses a period that shares a day with another one (other than the one it replaces).
fn refuse_overlap(
    conn: &mut mfx_store::DbConnection,
    spec: &PeriodSpec,
    replacing: Option<&str>,
) -> Result<(), mfx_store::StoreError> {
    let others = store::periods(conn)?;
    if others
        .iter()
        .filter(|p| Some(p.spec.code.as_str()) != replacing)
        .any(|p| p.spec.starts_on <= spec.ends_on && spec.starts_on <= p.spec.ends_on)
    {
        // The dates are valid in themselves; they conflict with what is stored.
        return Err(mfx_domain::Error::Conflict { field: "starts_on", code: "period_overlap" }.into());
    }
    Ok(())
}

/// Adds a reporting period (the lead partner).
pub async fn create_period(state: &AppState, actor: &Actor, input: &PeriodInput) -> Result<PeriodSpec, Error> {
    require_manager(actor)?;
    let spec = checked_period(input)?;
    let (s, now) = (spec.clone(), state.clock.now());
    write(state, move |conn| {
        refuse_overlap(conn, &s, None)?;
        store::insert_period(conn, &s, now)
    })
    .await?;
    Ok(spec)
}

/// Changes the reporting period `code` (the lead partner): the fields given replace the stored.
pub async fn change_period(
    state: &AppState,
    actor: &Actor,
    code: &str,
    change: PeriodChange,
) -> Result<PeriodSpec, Error> {
    require_manager(actor)?;
    let c = code.to_owned();
    let current = read(state, store::periods)
        .await?
        .into_iter()
        .find(|p| p.spec.code == c)
        .ok_or(Error::NotFound("period"))?
        .spec;
    let input = PeriodInput {
        code: change.code.unwrap_or(current.code.clone()),
        phase: change.phase.unwrap_or(current.phase),
        starts_on: change.starts_on.unwrap_or_else(|| current.starts_on.to_string()),
        ends_on: change.ends_on.unwrap_or_else(|| current.ends_on.to_string()),
    };
    let spec = checked_period(&input)?;
    let (s, old) = (spec.clone(), current.code);
    let found = write(state, move |conn| {
        refuse_overlap(conn, &s, Some(&old))?;
        store::update_period(conn, &old, &s)
    })
    .await?;
    if !found {
        return Err(Error::NotFound("period"));
    }
    Ok(spec)
}
