//! Search: a query and its filters checked, the engine asked for the documents the reader may
//! see, and each hit listed in the reader's language with the passage that matched and the
//! counts per filter value.

use super::super::{Error, read};
use super::reading::KindFilter;
use super::resource;
use super::views::{DocumentItem, FacetValue, PassageRun, SearchFacets, SearchHit, SearchResults, item};
use crate::response_cache::Source;
use crate::state::AppState;
use mfx_domain::document::{DocumentId, Kind, Status};
use mfx_domain::policy::{Action, Actor, ReadScope, permits};
use mfx_domain::{FieldError, Locale, Violations};
use mfx_store::{documents, partners};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;
use utoipa::IntoParams;
/// A search as a query gives it; [`SearchParams::search`] checks it.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The words to look for, in any language: at most 200 characters, with at least one
    /// letter or digit. Words in double quotes must follow one another ("fondo di garanzia");
    /// the last word also matches words it begins, unless the query ends with a space; when
    /// that finds fewer documents than the page holds, words of five letters or more also
    /// match with one letter wrong, missing, added or swapped.
    #[param(required = true, pattern = "[^\\W_]", max_length = 200)]
    pub q: Option<String>,
    /// The reader's language for the results.
    #[param(value_type = Option<Locale>)]
    pub lang: Option<String>,
    /// Only this kind: practice, meeting_note or action_plan.
    #[param(value_type = Option<KindFilter>)]
    pub kind: Option<String>,
    /// Only this partner's documents, by the partner's slug.
    #[param(pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", min_length = 2, max_length = 64)]
    pub partner: Option<String>,
    /// Only documents with this theme (a code of the themes vocabulary).
    #[param(value_type = Option<mfx_domain::vocabulary::Theme>)]
    pub theme: Option<String>,
    /// Only documents with a text in this language, matched in that text.
    #[param(value_type = Option<Locale>)]
    pub language: Option<String>,
    /// Only documents in this status (what the reader may see of it).
    #[param(value_type = Option<Status>)]
    pub status: Option<String>,
    /// How many of the best matches to skip: 0 to 1000.
    #[param(minimum = 0, maximum = 1000)]
    pub offset: Option<u32>,
    /// 1 to 100; 20 by default.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

/// A search, checked.
#[derive(Debug, Clone)]
pub struct Search {
    pub query: mfx_search::Query,
    pub kind: Option<Kind>,
    /// A partner's slug.
    pub partner: Option<String>,
    pub theme: Option<String>,
    pub language: Option<Locale>,
    pub status: Option<Status>,
    pub offset: usize,
    pub limit: usize,
}

impl SearchParams {
    /// The search, each parameter checked; every wrong one is reported.
    pub fn search(&self) -> Result<Search, Error> {
        let mut v = Violations::new();
        let query = v.check("q", mfx_search::Query::parse(self.q.as_deref().unwrap_or_default()));
        let kind = match self.kind.as_deref() {
            Some(k) => {
                let kind = Kind::parse(k);
                if kind.is_none() {
                    v.push(FieldError::new("kind", "unknown_kind", "practice, meeting_note or action_plan"));
                }
                kind
            }
            None => None,
        };
        if let Some(theme) = &self.theme {
            mfx_domain::vocabulary::check_code("theme", theme, mfx_domain::vocabulary::THEMES, &mut v);
        }
        let language = self.language.as_deref().and_then(|l| v.check("language", Locale::parse_field(l)));
        let status = self.status.as_deref().and_then(|s| v.check("status", Status::parse(s)));
        let offset = match self.offset {
            None => 0,
            Some(n @ 0..=1000) => n as usize,
            Some(_) => {
                v.push(FieldError::new("offset", "out_of_range", "offset is from 0 to 1000"));
                0
            }
        };
        let limit = match self.limit {
            None => 20,
            Some(n @ 1..=100) => n as usize,
            Some(_) => {
                v.push(FieldError::new("limit", "out_of_range", "limit is from 1 to 100"));
                20
            }
        };
        let Some(query) = query else { return Err(Error::Invalid(v)) };
        v.into_result()?;
        Ok(Search {
            query,
            kind,
            partner: self.partner.clone().filter(|p| !p.is_empty()),
            theme: self.theme.clone(),
            language,
            status,
            offset,
            limit,
        })
    }
}

/// A document as a search result lists it in one language, with the facts the permission policy
/// reads: kept in the response cache as a part of its document, so that a search reads from the
/// database only the documents it has not listed since they last changed.
struct Listed {
    resource: mfx_domain::policy::Resource<'static>,
    item: DocumentItem,
}

/// The partners, from the response cache where it holds them (a change to any document or
/// partner removes them), else from the database.
async fn partners_kept(state: &AppState) -> Result<Arc<Vec<mfx_domain::Partner>>, Error> {
    let ticket = state.cache.ticket();
    if let Some(kept) = state.cache.part::<Vec<mfx_domain::Partner>>("partners") {
        return Ok(kept);
    }
    let all = Arc::new(read(state, partners::list).await?);
    let bytes = all.len() * 1024;
    state.cache.put_part(ticket, Source::Lists, "partners".into(), Arc::clone(&all), bytes);
    Ok(all)
}

/// The documents `ids` as listed in the `requested` language (those that no longer exist are
/// left out), from the response cache where it holds them, else from the database.
async fn listed(
    state: &AppState,
    ids: Vec<DocumentId>,
    requested: Locale,
) -> Result<HashMap<DocumentId, Arc<Listed>>, Error> {
    let key = |id: DocumentId| format!("listed {id} {}", requested.as_str());
    // Taken before the database is read: what is read shows at least the changes applied then.
    let ticket = state.cache.ticket();
    let mut found: HashMap<DocumentId, Arc<Listed>> =
        ids.iter().filter_map(|&id| state.cache.part::<Listed>(&key(id)).map(|l| (id, l))).collect();
    let missing: Vec<DocumentId> = ids.into_iter().filter(|id| !found.contains_key(id)).collect();
    if missing.is_empty() {
        return Ok(found);
    }
    for summary in read(state, move |c| documents::summaries(c, &missing)).await? {
        let item = item(&summary, requested)?;
        let bytes = 256 + item.title.len() + item.summary.len() + item.themes.iter().map(String::len).sum::<usize>();
        let listed = Arc::new(Listed { resource: resource(&summary), item });
        state.cache.put_part(ticket, Source::Document(summary.id), key(summary.id), Arc::clone(&listed), bytes);
        found.insert(summary.id, listed);
    }
    Ok(found)
}

/// The documents `actor` may read that match, best first, in the `requested` language, with
/// the number of matches for each value of each filter.
pub async fn search(
    state: &AppState,
    actor: &Actor,
    search: Search,
    requested: Locale,
) -> Result<SearchResults, Error> {
    let all_partners = partners_kept(state).await?;
    let partner = match &search.partner {
        Some(slug) => Some(
            all_partners
                .iter()
                .find(|p| p.profile.slug.as_str() == slug.as_str())
                .ok_or(Error::NotFound("partner"))?
                .id
                .to_string(),
        ),
        None => None,
    };
    let scope = ReadScope::of(actor);
    let filters = mfx_search::Filters {
        kind: search.kind.map(Kind::as_str),
        partner,
        theme: search.theme.clone(),
        language: search.language,
        status: search.status.map(Status::as_str),
    };
    state.search.own_writes().await;
    let index = state.search.index.clone();
    let query = search.query.clone();
    let (offset, limit) = (search.offset, search.limit);
    let found = state
        .compute(move || {
            index.search(&mfx_search::Request { query: &query, scope, filters, offset, limit, preferred: requested })
        })
        .await
        .map_err(|_| Error::Unavailable("search".into()))?
        .map_err(|e| {
            tracing::error!(error = %e, "search failed");
            Error::Unavailable("search".into())
        })?;
    let listed = listed(state, found.hits.iter().map(|h| h.document).collect(), requested).await?;
    let mut items = Vec::with_capacity(found.hits.len());
    for hit in found.hits {
        // A document changed since the index last followed the database is checked again here.
        let Some(listed) = listed.get(&hit.document) else { continue };
        if !permits(actor, Action::Read, &listed.resource) {
            continue;
        }
        items.push(SearchHit {
            document: listed.item.clone(),
            matched_language: hit.locale.as_str(),
            snippet: hit.passage.iter().map(|(text, _)| text.as_str()).collect(),
            passage: hit.passage.into_iter().map(|(text, matched)| PassageRun { text, matched }).collect(),
            score: f64::from(hit.score),
        });
    }
    let slug_of = |id: &str| all_partners.iter().find(|p| p.id.to_string() == id).map(|p| p.profile.slug.to_string());
    let facet = |name: &str, map: &dyn Fn(&str) -> Option<String>| -> Vec<FacetValue> {
        found
            .facets
            .of(name)
            .iter()
            .filter_map(|(value, count)| map(value).map(|value| FacetValue { value, count: *count }))
            .collect()
    };
    let same = |v: &str| Some(v.to_owned());
    let facets = SearchFacets {
        kind: facet("kind", &same),
        partner: facet("partner", &slug_of),
        theme: facet("theme", &same),
        language: facet("language", &same),
        status: facet("status", &same),
    };
    Ok(SearchResults { query: search.query.text(), total: found.total, offset: search.offset, items, facets })
}
