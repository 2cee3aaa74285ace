//! The project and its partners: public information.

use crate::error::ApiError;
use crate::state::AppState;
use actix_web::{get, web};
use chrono::NaiveDate;
use mfx_domain::Partner;
use mfx_store::{partners, seed};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
#[schema(example = json!({
    "slug": "orebro", "kind": "partner", "short_name": "Region Örebro", "name_en": "Region Örebro County",
    "name_local": "Region Örebro län", "country": "SE", "region": "Örebro County", "language": "sv",
    "time_zone": "Europe/Stockholm"
}))]
pub struct PartnerView {
    pub slug: String,
    /// `lead`, `partner` or `advisory`.
    pub kind: &'static str,
    pub short_name: String,
    pub name_en: String,
    /// The name in the partner's own language.
    pub name_local: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    pub region: String,
    /// The language the partner writes in.
    pub language: &'static str,
    pub time_zone: String,
}

impl From<&Partner> for PartnerView {
    fn from(partner: &Partner) -> Self {
        let p = &partner.profile;
        Self {
            slug: p.slug.to_string(),
            kind: p.kind.as_str(),
            short_name: p.short_name.clone(),
            name_en: p.name_en.clone(),
            name_local: p.name_local.clone(),
            country: p.country.clone(),
            region: p.region.clone(),
            language: p.locale.as_str(),
            time_zone: p.time_zone.to_string(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct PartnerList {
    pub items: Vec<PartnerView>,
}

#[derive(Serialize, ToSchema)]
pub struct ProjectView {
    #[schema(example = "MICROFUTURE")]
    pub acronym: String,
    pub title_en: String,
    pub programme: String,
    #[schema(value_type = String, format = Date, example = "2023-03-01")]
    pub starts_on: NaiveDate,
    #[schema(value_type = String, format = Date, example = "2027-05-31")]
    pub ends_on: NaiveDate,
    #[schema(example = "en")]
    pub working_language: &'static str,
    /// Every language of the platform, the working language first.
    #[schema(example = json!(["en", "fr", "it", "ro", "sl", "sv"]))]
    pub languages: Vec<&'static str>,
    pub budget_eur: Option<i64>,
    pub erdf_eur: Option<i64>,
}

/// The project this platform serves, with its languages.
#[utoipa::path(tag = "partners", responses((status = 200, description = "Success", body = ProjectView)))]
#[get("/project")]
pub async fn get_project(state: web::Data<AppState>) -> Result<web::Json<ProjectView>, ApiError> {
    let (project, locales) = state.read(seed::project).await?.ok_or_else(|| ApiError::not_found("project"))?;
    Ok(web::Json(ProjectView {
        acronym: project.acronym,
        title_en: project.title_en,
        programme: project.programme,
        starts_on: project.starts_on,
        ends_on: project.ends_on,
        working_language: project.working_language.as_str(),
        languages: locales.iter().map(|l| l.as_str()).collect(),
        budget_eur: project.budget_eur,
        erdf_eur: project.erdf_eur,
    }))
}

/// Every partner with its language and time zone, in the seed's order. Public.
#[utoipa::path(tag = "partners", responses((status = 200, description = "Success", body = PartnerList)))]
#[get("/partners")]
pub async fn list_partners(state: web::Data<AppState>) -> Result<web::Json<PartnerList>, ApiError> {
    let partners = state.read(partners::list).await?;
    Ok(web::Json(PartnerList { items: partners.iter().map(PartnerView::from).collect() }))
}

/// One partner by its slug. Public.
#[utoipa::path(
    tag = "partners",
    params(("slug" = String, Path, description = "The partner's slug", example = "heart-of-slovenia")),
    responses(
        (status = 200, description = "Success", body = PartnerView),
        (status = 404, description = "Not found", body = crate::error::Problem, content_type = "application/problem+json"),
    )
)]
#[get("/partners/{slug}")]
pub async fn get_partner(
    state: web::Data<AppState>,
    slug: web::Path<String>,
) -> Result<web::Json<PartnerView>, ApiError> {
    let slug = slug.into_inner();
    let partner =
        state.read(move |c| partners::find_by_slug(c, &slug)).await?.ok_or_else(|| ApiError::not_found("partner"))?;
    Ok(web::Json(PartnerView::from(&partner)))
}
