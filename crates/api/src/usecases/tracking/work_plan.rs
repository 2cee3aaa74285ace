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

/// The titles of a work package: by language, English at least (not blank).
pub struct WorkPackageTitles;

impl utoipa::PartialSchema for WorkPackageTitles {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::Object)
            .property(
                Locale::fallback().as_str(),
                utoipa::openapi::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .pattern(Some("\\S")),
            )
            .required(Locale::fallback().as_str())
            .additional_properties(Some(
                utoipa::openapi::ObjectBuilder::new().schema_type(utoipa::openapi::schema::Type::String),
            ))
            .into()
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
    let working = Locale::fallback();
    if input.titles.get(working.as_str()).is_none_or(|t| t.trim().is_empty()) {
        v.push(FieldError::new(format!("titles.{working}"), "required", "a title in the working language is required"));
    }
    v.into_result()?;
    let (titles, now) = (input.titles.clone(), state.clock.now());
    let c = code.clone();
    write(state, move |conn| store::insert_work_package(conn, &c, &titles, now)).await?;
    Ok(WorkPackageView { title: title_in(&input.titles, Locale::fallback()), code, titles: input.titles })
}
