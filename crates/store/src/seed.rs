//! Applying the seed file: the project row and the partners, idempotently. A partner already
//! present (by slug) is updated only where the file differs; nothing is ever deleted.

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use crate::schema::{partners, project};
use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use mfx_domain::Locale;
use mfx_domain::seed::{Project, Seed};
use uuid::Uuid;

/// What applying the seed changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeedReport {
    pub project_written: bool,
    pub partners_added: Vec<String>,
    pub partners_updated: Vec<String>,
}

impl SeedReport {
    pub fn changed_anything(&self) -> bool {
        self.project_written || !self.partners_added.is_empty() || !self.partners_updated.is_empty()
    }
}

#[derive(Queryable, Selectable, Insertable, AsChangeset, PartialEq, Debug)]
#[diesel(table_name = project)]
struct ProjectRow {
    id: i32,
    acronym: String,
    title_en: String,
    programme: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    working_language: String,
    budget_eur: Option<i64>,
    erdf_eur: Option<i64>,
    locales: String,
}

#[derive(Queryable, Selectable, Insertable, AsChangeset, PartialEq, Debug)]
#[diesel(table_name = partners)]
struct PartnerFields {
    kind: String,
    short_name: String,
    name_en: String,
    name_local: String,
    country: String,
    region: String,
    region_names: String,
    locale: String,
    time_zone: String,
    position: i32,
}

/// Writes the seed; run inside the caller's transaction.
pub fn apply(conn: &mut DbConnection, seed: &Seed, now: DateTime<Utc>) -> Result<SeedReport, StoreError> {
    let now = now.naive_utc();
    let mut report = SeedReport::default();

    let wanted = project_row(&seed.project, &seed.locales);
    let current: Option<ProjectRow> = project::table.find(1).select(ProjectRow::as_select()).first(conn).optional()?;
    match current {
        Some(row) if row == wanted => {}
        Some(_) => {
            diesel::update(project::table.find(1)).set((&wanted, project::updated_at.eq(now))).execute(conn)?;
            report.project_written = true;
        }
        None => {
            diesel::insert_into(project::table).values((&wanted, project::updated_at.eq(now))).execute(conn)?;
            report.project_written = true;
        }
    }

    for (position, profile) in seed.partners.iter().enumerate() {
        let fields = PartnerFields {
            kind: profile.kind.as_str().to_owned(),
            short_name: profile.short_name.clone(),
            name_en: profile.name_en.clone(),
            name_local: profile.name_local.clone(),
            country: profile.country.clone(),
            region: profile.region.clone(),
            region_names: serde_json::to_string(&profile.region_names).map_err(|e| corrupt("partners", e))?,
            locale: profile.locale.as_str().to_owned(),
            time_zone: profile.time_zone.as_str().to_owned(),
            position: i32::try_from(position).map_err(|e| corrupt("partners", e))?,
        };
        let slug = profile.slug.as_str();
        let existing: Option<(String, PartnerFields)> = partners::table
            .filter(partners::slug.eq(slug))
            .select((partners::id, PartnerFields::as_select()))
            .first(conn)
            .optional()?;
        match existing {
            Some((_, stored)) if stored == fields => {}
            Some((id, _)) => {
                diesel::update(partners::table.find(id)).set((&fields, partners::updated_at.eq(now))).execute(conn)?;
                report.partners_updated.push(slug.to_owned());
            }
            None => {
                diesel::insert_into(partners::table)
                    .values((
                        partners::id.eq(Uuid::now_v7().to_string()),
                        partners::slug.eq(slug),
                        &fields,
                        partners::created_at.eq(now),
                        partners::updated_at.eq(now),
                    ))
                    .execute(conn)?;
                report.partners_added.push(slug.to_owned());
            }
        }
    }
    Ok(report)
}

fn project_row(project: &Project, locales: &[Locale]) -> ProjectRow {
    ProjectRow {
        id: 1,
        acronym: project.acronym.clone(),
        title_en: project.title_en.clone(),
        programme: project.programme.clone(),
        starts_on: project.starts_on,
        ends_on: project.ends_on,
        working_language: project.working_language.as_str().to_owned(),
        budget_eur: project.budget_eur,
        erdf_eur: project.erdf_eur,
        locales: locales.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(","),
    }
}

/// The stored project and its languages, once seeded.
pub fn project(conn: &mut DbConnection) -> Result<Option<(Project, Vec<Locale>)>, StoreError> {
    let Some(row) = project::table.find(1).select(ProjectRow::as_select()).first(conn).optional()? else {
        return Ok(None);
    };
    let locales = row
        .locales
        .split(',')
        .map(|tag| tag.parse::<Locale>().map_err(|e| corrupt("project", e)))
        .collect::<Result<Vec<_>, _>>()?;
    let working_language = row.working_language.parse().map_err(|e| corrupt("project", e))?;
    Ok(Some((
        Project {
            acronym: row.acronym,
            title_en: row.title_en,
            programme: row.programme,
            starts_on: row.starts_on,
            ends_on: row.ends_on,
            working_language,
            budget_eur: row.budget_eur,
            erdf_eur: row.erdf_eur,
        },
        locales,
    )))
}
