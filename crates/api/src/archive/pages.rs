//! The two pages the archive writes itself in every language, drawn in the site's layout: the
//! search that runs in the browser, and what the archive is (when and how it was made, what
//! it holds and leaves out, and the licence of its content).

use crate::web::{Page, render};
use askama::Template;
use mfx_domain::Locale;
use mfx_i18n::{Arg, Translator};

/// Creative Commons licences by their short names, and where their texts are.
const CREATIVE_COMMONS: [(&str, &str); 7] = [
    ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    ("CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/"),
    ("CC BY-NC 4.0", "https://creativecommons.org/licenses/by-nc/4.0/"),
    ("CC BY-NC-SA 4.0", "https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    ("CC BY-NC-ND 4.0", "https://creativecommons.org/licenses/by-nc-nd/4.0/"),
    ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
];

/// The licence when none is configured.
pub const DEFAULT_LICENCE: &str = "CC BY 4.0";

/// The project's names, for the footer of every page.
#[derive(Debug, Clone, Default)]
pub struct Project {
    pub acronym: String,
    pub programme: String,
}

/// A page of the archive in `lang`, at `path` (after the language).
fn page(lang: Locale, project: &Project, title_id: &str, path: &str) -> Page {
    let tr = Translator::new(lang);
    Page {
        title: tr.t(title_id),
        title_lang: None,
        tr,
        lang,
        path: path.to_owned(),
        query: String::new(),
        user: None,
        csrf: String::new(),
        project: project.acronym.clone(),
        programme: project.programme.clone(),
        notice: None,
        archive: true,
    }
}

#[derive(Template)]
#[template(path = "archive_search.html")]
struct SearchPage<'a> {
    page: &'a Page,
    /// "Documents found: {count}", the count put in by the script.
    found: String,
}

/// The search page in `lang`.
pub fn search(lang: Locale, project: &Project) -> Result<String, String> {
    let page = page(lang, project, "search-title", "/search");
    let found = page.tr.args("archive-search-found", &[("count", Arg::from("{count}"))]);
    render(&SearchPage { page: &page, found }).map_err(|e| e.to_string())
}

/// What an archive holds, for its about page.
#[derive(Debug, Clone, Default)]
pub struct Holdings {
    pub practices: usize,
    pub meeting_notes: usize,
    pub action_plans: usize,
    pub files: usize,
    pub languages: Vec<Locale>,
    pub made_on: chrono::NaiveDate,
    /// The configured licence, if any.
    pub licence: Option<String>,
}

#[derive(Template)]
#[template(path = "archive_about.html")]
struct AboutPage<'a> {
    page: &'a Page,
    made: String,
    counts: Vec<(String, String)>,
    languages: String,
    licence: String,
    licence_link: Option<&'static str>,
}

/// Where the text of the licence named `name` is, when it is a Creative Commons licence.
pub fn licence_link(name: &str) -> Option<&'static str> {
    let name = name.to_uppercase();
    CREATIVE_COMMONS.iter().find(|(short, _)| name.contains(short)).map(|(_, link)| *link)
}

/// The about page in `lang`.
pub fn about(lang: Locale, project: &Project, holdings: &Holdings) -> Result<String, String> {
    let page = page(lang, project, "archive-about-title", "/about");
    let made = page.tr.args(
        "archive-about-made",
        &[("date", Arg::from(page.date(&holdings.made_on))), ("version", Arg::from(env!("CARGO_PKG_VERSION")))],
    );
    let documents = holdings.practices + holdings.meeting_notes + holdings.action_plans;
    let counts = [
        ("nav-practices", holdings.practices),
        ("nav-meeting-notes", holdings.meeting_notes),
        ("nav-action-plans", holdings.action_plans),
        ("archive-about-count-documents", documents),
        ("archive-about-count-files", holdings.files),
    ]
    .into_iter()
    .map(|(id, n)| (page.t(id), page.integer(&i64::try_from(n).unwrap_or(i64::MAX))))
    .collect();
    let languages: Vec<String> = holdings.languages.iter().map(|l| page.language_name(l.as_str())).collect();
    let (licence, licence_link) = match &holdings.licence {
        Some(name) => (name.clone(), licence_link(name)),
        None => (page.t("archive-licence-default"), licence_link(DEFAULT_LICENCE)),
    };
    render(&AboutPage { page: &page, made, counts, languages: languages.join(", "), licence, licence_link })
        .map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creative_commons_licences_link_to_their_text() {
        assert_eq!(licence_link("CC BY 4.0"), Some("https://creativecommons.org/licenses/by/4.0/"));
        assert_eq!(licence_link("cc by-sa 4.0"), Some("https://creativecommons.org/licenses/by-sa/4.0/"));
        assert_eq!(
            licence_link("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC 4.0)"),
            Some("https://creativecommons.org/licenses/by-nc/4.0/")
        );
        assert_eq!(licence_link("All rights reserved"), None);
    }
}
