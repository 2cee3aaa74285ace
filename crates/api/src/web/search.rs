//! The search page: the words, the results with the language that matched and a marked
//! passage, the filters with their counts, and pages of results.

use super::extract::{Lang, Visitor};
use super::pages::{maybe, partner_name};
use super::{Page, html, render, respond};
use crate::error::ApiError;
use crate::state::AppState;
use crate::usecases::documents as service;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use mfx_store::partners;
use serde::Deserialize;

#[derive(Template)]
#[template(path = "search.html")]
pub struct SearchPage<'a> {
    pub page: &'a Page,
    pub q: String,
    pub form: SearchForm,
    pub results: Option<service::SearchResults>,
    pub partners: Vec<mfx_domain::Partner>,
    /// The filter groups to offer, each with its values, counts and links.
    pub groups: Vec<FacetGroup>,
    /// The filters applied, with links that remove each.
    pub applied: Vec<FacetChoice>,
    pub previous: Option<String>,
    pub next: Option<String>,
}

/// A filter and the values the matches have.
pub struct FacetGroup {
    /// The filter's parameter.
    pub name: &'static str,
    /// The message naming the filter.
    pub label: &'static str,
    pub choices: Vec<FacetChoice>,
}

/// One value of a filter.
pub struct FacetChoice {
    pub label: String,
    pub count: u64,
    pub href: String,
}

impl SearchPage<'_> {
    pub fn partner_name(&self, slug: &str) -> String {
        partner_name(&self.partners, slug)
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
pub struct SearchForm {
    pub q: Option<String>,
    pub kind: Option<String>,
    pub partner: Option<String>,
    pub theme: Option<String>,
    pub language: Option<String>,
    pub status: Option<String>,
    pub offset: Option<u32>,
}

/// Results on one page of search.
const SEARCH_PAGE: u32 = 20;

impl SearchForm {
    fn filled(value: &Option<String>) -> Option<String> {
        value.clone().filter(|v| !v.trim().is_empty())
    }

    /// The search page's address with these values, one of them replaced.
    fn href(&self, page: &Page, replace: Option<(&str, Option<&str>)>, offset: Option<u32>) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let fields: [(&str, &Option<String>); 6] = [
            ("q", &self.q),
            ("kind", &self.kind),
            ("partner", &self.partner),
            ("theme", &self.theme),
            ("language", &self.language),
            ("status", &self.status),
        ];
        for (name, value) in fields {
            let value = match replace {
                Some((replaced, with)) if replaced == name => with.map(str::to_owned),
                _ => Self::filled(value),
            };
            if let Some(value) = value {
                pairs.push((name, value));
            }
        }
        if let Some(offset) = offset.filter(|o| *o > 0) {
            pairs.push(("offset", offset.to_string()));
        }
        let query = serde_urlencoded::to_string(&pairs).unwrap_or_default();
        format!("{}?{query}", page.href("/search"))
    }
}

pub async fn search(
    state: web::Data<AppState>,
    req: HttpRequest,
    Lang(lang): Lang,
    visitor: Visitor,
    form: web::Query<SearchForm>,
) -> HttpResponse {
    respond(&state, &req, lang, async {
        let (page, cookies) = visitor.titled("search-title");
        let form = form.into_inner();
        let q = form.q.clone().unwrap_or_default();
        let offset = form.offset.unwrap_or(0).min(1000);
        let results = if q.trim().is_empty() {
            None
        } else {
            let params = service::SearchParams {
                q: Some(q.clone()),
                lang: Some(lang.to_string()),
                kind: SearchForm::filled(&form.kind),
                partner: SearchForm::filled(&form.partner),
                theme: SearchForm::filled(&form.theme),
                language: SearchForm::filled(&form.language),
                status: SearchForm::filled(&form.status),
                offset: Some(offset),
                limit: Some(SEARCH_PAGE),
            };
            let actor = maybe(&page).actor();
            let found = match params.search() {
                Ok(search) => service::search(&state, &actor, search, lang).await,
                Err(invalid) => Err(invalid),
            };
            match found.map_err(ApiError::from) {
                Ok(found) => Some(found),
                // Words that cannot be searched for, or a filter value that does not exist:
                // nothing matches.
                Err(ApiError::Domain(mfx_domain::Error::Invalid(_) | mfx_domain::Error::NotFound { .. })) => None,
                Err(other) => return Err(other),
            }
        };
        let partners = if results.is_some() { state.read(partners::list).await? } else { Vec::new() };
        let mut groups = Vec::new();
        let mut applied = Vec::new();
        let (mut previous, mut next) = (None, None);
        if let Some(found) = &results {
            let label = |facet: &str, value: &str| -> String {
                match facet {
                    "kind" => page.code("kind-", value),
                    "partner" => partner_name(&partners, value),
                    "theme" => page.code("theme-", value),
                    "language" => page.language_name(value),
                    _ => page.code("status-", value),
                }
            };
            let facets: [(&str, &'static str, &Vec<service::FacetValue>, &Option<String>); 5] = [
                ("kind", "search-facet-kind", &found.facets.kind, &form.kind),
                ("partner", "filter-partner", &found.facets.partner, &form.partner),
                ("theme", "filter-theme", &found.facets.theme, &form.theme),
                ("language", "search-facet-language", &found.facets.language, &form.language),
                ("status", "filter-status", &found.facets.status, &form.status),
            ];
            for (facet, message, values, chosen) in facets {
                if let Some(value) = SearchForm::filled(chosen) {
                    applied.push(FacetChoice {
                        label: label(facet, &value),
                        count: 0,
                        href: form.href(&page, Some((facet, None)), None),
                    });
                    continue;
                }
                if values.len() < 2 {
                    continue;
                }
                groups.push(FacetGroup {
                    name: facet,
                    label: message,
                    choices: values
                        .iter()
                        .map(|v| FacetChoice {
                            label: label(facet, &v.value),
                            count: v.count,
                            href: form.href(&page, Some((facet, Some(v.value.as_str()))), None),
                        })
                        .collect(),
                });
            }
            if offset > 0 {
                previous = Some(form.href(&page, None, Some(offset.saturating_sub(SEARCH_PAGE))));
            }
            if ((offset + SEARCH_PAGE) as usize) < found.total && offset + SEARCH_PAGE <= 1000 {
                next = Some(form.href(&page, None, Some(offset + SEARCH_PAGE)));
            }
        }
        Ok::<_, ApiError>(html(
            StatusCode::OK,
            render(&SearchPage { page: &page, q, form, results, partners, groups, applied, previous, next })?,
            cookies,
        ))
    })
    .await
}
