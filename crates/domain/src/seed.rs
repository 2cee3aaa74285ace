//! The seed data of a partnership (`seed/partners.json`): the project, its partners and
//! languages. Parsed and checked here so a bad file is refused with every problem listed.

use crate::error::{Error, FieldError, Violations};
use crate::locale::{LanguageSpec, Languages, Locale};
use crate::partner::{PartnerKind, PartnerProfile, PartnerSlug};
use crate::time_zone::TimeZone;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};

/// The project the platform serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Project {
    pub acronym: String,
    pub title_en: String,
    pub programme: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub working_language: Locale,
    pub budget_eur: Option<i64>,
    pub erdf_eur: Option<i64>,
}

/// A checked seed file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seed {
    pub project: Project,
    /// In the file's order, which is the order lists show.
    pub partners: Vec<PartnerProfile>,
    /// The partnership's languages, the working language first.
    pub locales: Vec<Locale>,
    /// The same, with each language's formatting locale: what the process installs.
    pub languages: Languages,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeed {
    project: RawProject,
    partners: Vec<RawPartner>,
    locales: Vec<LanguageSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProject {
    acronym: String,
    title_en: String,
    programme: String,
    starts_on: NaiveDate,
    ends_on: NaiveDate,
    working_language: String,
    budget_eur: Option<i64>,
    erdf_eur: Option<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPartner {
    slug: String,
    role: String,
    short_name: String,
    name_en: String,
    name_local: String,
    country: String,
    region: String,
    /// The region's name in the partnership's other languages (optional, each optional).
    #[serde(default)]
    region_names: BTreeMap<String, String>,
    locale: String,
    timezone: String,
}

impl Seed {
    /// Parses and checks a seed file's JSON text.
    pub fn from_json(text: &str) -> Result<Self, Error> {
        let raw: RawSeed = serde_json::from_str(text)
            .map_err(|e| Error::invalid("seed", "malformed", format!("the seed file is not valid: {e}")))?;
        let mut violations = Violations::new();

        let (languages, problems) = Languages::checked(&raw.locales, &raw.project.working_language);
        problems.into_iter().for_each(|p| violations.push(p));
        let find = |field: &str, code: &str| -> Result<Option<Locale>, FieldError> {
            let Some(languages) = &languages else { return Ok(None) };
            languages.find(code).map(Some).ok_or_else(|| {
                let listed: Vec<&str> = languages.all().into_iter().map(Locale::as_str).collect();
                FieldError::new(
                    field,
                    "not_in_locales",
                    format!("`{code}` is not one of the seed's languages ({})", listed.join(", ")),
                )
            })
        };

        let p = &raw.project;
        let working_language = languages.as_ref().map(Languages::working);
        for (field, value) in
            [("project.acronym", &p.acronym), ("project.title_en", &p.title_en), ("project.programme", &p.programme)]
        {
            if value.trim().is_empty() {
                violations.push(FieldError::new(field, "required", "must not be empty"));
            }
        }
        if p.ends_on < p.starts_on {
            violations.push(FieldError::new("project.ends_on", "before_start", "the project ends before it starts"));
        }

        let mut partners = Vec::new();
        let mut slugs = HashSet::new();
        for (i, rp) in raw.partners.iter().enumerate() {
            let at = |field: &str| format!("partners[{i}].{field}");
            let slug = violations.check(&at("slug"), PartnerSlug::parse(&rp.slug));
            if !slugs.insert(rp.slug.clone()) {
                violations.push(FieldError::new(at("slug"), "duplicate", format!("`{}` is used twice", rp.slug)));
            }
            let kind = PartnerKind::parse(&rp.role);
            if kind.is_none() {
                violations.push(FieldError::new(at("role"), "unknown_partner_role", "use lead, partner or advisory"));
            }
            let locale = violations.check(&at("locale"), find(&at("locale"), &rp.locale)).flatten();
            let time_zone = violations.check(&at("timezone"), TimeZone::parse(&rp.timezone));
            let country_ok = rp.country.len() == 2 && rp.country.bytes().all(|b| b.is_ascii_uppercase());
            if !country_ok {
                violations.push(FieldError::new(
                    at("country"),
                    "invalid_country",
                    "an ISO 3166 two-letter code such as RO",
                ));
            }
            for (field, value) in [
                ("short_name", &rp.short_name),
                ("name_en", &rp.name_en),
                ("name_local", &rp.name_local),
                ("region", &rp.region),
            ] {
                if value.trim().is_empty() {
                    violations.push(FieldError::new(at(field), "required", "must not be empty"));
                }
            }
            let mut region_names = BTreeMap::new();
            for (code, name) in &rp.region_names {
                let field = at(&format!("region_names.{code}"));
                if name.trim().is_empty() {
                    violations.push(FieldError::new(field, "required", "must not be empty"));
                } else if let Some(language) = violations.check(&field, find(&field, code)).flatten() {
                    region_names.insert(language.as_str().to_owned(), name.trim().to_owned());
                }
            }
            if let (Some(slug), Some(kind), Some(locale), Some(time_zone)) = (slug, kind, locale, time_zone) {
                partners.push(PartnerProfile {
                    slug,
                    kind,
                    short_name: rp.short_name.trim().to_owned(),
                    name_en: rp.name_en.trim().to_owned(),
                    name_local: rp.name_local.trim().to_owned(),
                    country: rp.country.clone(),
                    region: rp.region.trim().to_owned(),
                    region_names,
                    locale,
                    time_zone,
                });
            }
        }
        let leads = raw.partners.iter().filter(|p| p.role == "lead").count();
        if leads != 1 {
            violations.push(FieldError::new(
                "partners",
                "one_lead_partner",
                format!("exactly one lead partner is needed, found {leads}"),
            ));
        }
        violations.into_result()?;
        let (Some(languages), Some(working_language)) = (languages, working_language) else {
            return Err(Error::invalid("locales", "missing", "the seed has no languages"));
        };
        Ok(Seed {
            project: Project {
                acronym: p.acronym.trim().to_owned(),
                title_en: p.title_en.trim().to_owned(),
                programme: p.programme.trim().to_owned(),
                starts_on: p.starts_on,
                ends_on: p.ends_on,
                working_language,
                budget_eur: p.budget_eur,
                erdf_eur: p.erdf_eur,
            },
            partners,
            locales: languages.all(),
            languages,
        })
    }

    /// The lead partner (the seed has exactly one).
    pub fn lead(&self) -> Option<&PartnerProfile> {
        self.partners.iter().find(|p| p.kind == PartnerKind::Lead)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROJECT_SEED: &str = include_str!("../../../seed/partners.json");

    #[test]
    fn the_project_seed_is_valid() {
        let seed = Seed::from_json(PROJECT_SEED).expect("seed/partners.json is valid");
        assert_eq!(seed.partners.len(), 6);
        assert_eq!(seed.locales, Locale::all());
        assert_eq!(seed.languages.entries()[0].formatting, "en-GB");
        assert_eq!(seed.lead().map(|p| p.slug.as_str()), Some("bucharest-ilfov"));
        let orebro = seed.partners.iter().find(|p| p.slug.as_str() == "orebro").expect("Örebro is seeded");
        assert_eq!((orebro.locale.as_str(), orebro.time_zone.as_str()), ("sv", "Europe/Stockholm"));
    }

    #[test]
    fn a_broken_seed_lists_every_problem() {
        let text = PROJECT_SEED
            .replace("\"slug\": \"bologna\"", "\"slug\": \"Bologna!\"")
            .replace("\"timezone\": \"Europe/Paris\"", "\"timezone\": \"Paris\"")
            .replace("\"role\": \"lead\"", "\"role\": \"partner\"");
        let Err(Error::Invalid(violations)) = Seed::from_json(&text) else { panic!("must be refused") };
        let codes: Vec<_> = violations.iter().map(|v| (v.field.as_str(), v.code)).collect();
        assert!(codes.contains(&("partners[1].slug", "invalid_slug")), "{codes:?}");
        assert!(codes.contains(&("partners[4].timezone", "unknown_time_zone")), "{codes:?}");
        assert!(codes.contains(&("partners", "one_lead_partner")), "{codes:?}");
    }

    #[test]
    fn unknown_languages_are_listed_problems() {
        let text = PROJECT_SEED
            .replace("\"locale\": \"it\"", "\"locale\": \"de\"")
            .replace("\"sl\", \"sv\"]", "\"sl\", \"Svenska\"]");
        let Err(Error::Invalid(violations)) = Seed::from_json(&text) else { panic!("must be refused") };
        let codes: Vec<_> = violations.iter().map(|v| (v.field.as_str(), v.code)).collect();
        assert!(codes.contains(&("locales[5]", "invalid_language_code")), "{codes:?}");
        assert!(codes.contains(&("partners[1].locale", "not_in_locales")), "{codes:?}");
    }

    #[test]
    fn a_seed_may_bring_languages_of_its_own() {
        let text = PROJECT_SEED
            .replace("\"locale\": \"it\"", "\"locale\": \"de-AT\"")
            .replace("\"sl\", \"sv\"]", "\"sl\", \"sv\", \"de\"]");
        let seed = Seed::from_json(&text).expect("valid");
        assert_eq!(seed.partners[1].locale.as_str(), "de");
        assert_eq!(seed.locales.len(), 7);
    }

    #[test]
    fn regions_are_named_in_each_language_else_in_english() {
        let seed = Seed::from_json(PROJECT_SEED).expect("valid");
        let lead = seed.lead().expect("lead");
        let [en, .., ro, _, _] = Locale::all()[..] else { panic!("six languages") };
        assert_eq!(lead.region_in(ro), "București-Ilfov");
        assert_eq!(lead.region_in(en), "Bucharest-Ilfov");
        let text = PROJECT_SEED.replacen("\"ro\": \"București-Ilfov\"", "\"xx\": \"București-Ilfov\"", 1);
        let text = text.replacen("\"sv\": \"Bukarest-Ilfov\"", "\"sv\": \" \"", 1);
        let Err(Error::Invalid(violations)) = Seed::from_json(&text) else { panic!("must be refused") };
        let codes: Vec<_> = violations.iter().map(|v| (v.field.as_str(), v.code)).collect();
        assert!(codes.contains(&("partners[0].region_names.xx", "not_in_locales")), "{codes:?}");
        assert!(codes.contains(&("partners[0].region_names.sv", "required")), "{codes:?}");
        let without = PROJECT_SEED.replacen("\"ro\": \"București-Ilfov\",", "", 1);
        let seed = Seed::from_json(&without).expect("valid without a name");
        assert_eq!(seed.lead().expect("lead").region_in(ro), "Bucharest-Ilfov");
    }

    #[test]
    fn malformed_json_is_refused() {
        assert!(matches!(Seed::from_json("{"), Err(Error::Invalid(_))));
        assert!(matches!(
            Seed::from_json(&PROJECT_SEED.replace("\"locales\"", "\"languages\"")),
            Err(Error::Invalid(_))
        ));
    }
}
