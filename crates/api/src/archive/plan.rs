//! Which address of the application becomes which file of the archive, and what is left to ask
//! the application for. Only what an anonymous reader reaches is planned: the home pages, the
//! lists, the partners, the public documents and their files, the stylesheet, and the pages the
//! archive writes itself (search and about). Every other address has no file, and links to it
//! are dropped.
//!
//! ```text
//! index.html                      the home page in the working language
//! <lang>/index.html               the home page
//! <lang>/<collection>.html        a list (<collection>-2.html … for its further pages)
//! <lang>/<collection>/<id>.html   a document
//! <lang>/partners/<slug>.html     a partner
//! <lang>/search.html              search, in the browser
//! <lang>/about.html               when and how the archive was made, and the licence
//! files/<id>/<name>               an attached file
//! static/…                        the stylesheet, the search script and indexes
//! ```

use mfx_domain::Locale;
use mfx_domain::document::Kind;
use std::collections::{HashMap, HashSet};

/// An address to ask the application for, and the files its answer is written to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetch {
    pub url: String,
    pub files: Vec<String>,
}

/// The archive's files, as known so far.
#[derive(Debug, Default)]
pub struct Plan {
    languages: Vec<String>,
    documents: HashMap<String, Kind>,
    partners: HashSet<String>,
    /// Attached files by id: the document's id and the file's name in the archive.
    attachments: HashMap<String, (String, String)>,
    /// Files the archive writes itself (`static/archive-search.js`).
    written: HashSet<String>,
    /// Address → file, for every address planned.
    files: HashMap<String, String>,
    /// Further pages of each list, numbered in the order they are met.
    pages: HashMap<String, usize>,
    /// The files already asked for.
    asked: HashSet<String>,
    queue: Vec<Fetch>,
}

/// The pages every language has that the archive writes itself.
pub const OWN_PAGES: [&str; 2] = ["search", "about"];

fn collection(segment: &str) -> Option<Kind> {
    Kind::ALL.into_iter().find(|kind| kind.collection() == segment)
}

/// A name that can be written as a file and read back from a link: letters, digits, `.`, `-`
/// and `_`; anything else becomes `-`. Never empty, never hidden, at most 100 characters.
pub fn file_name(name: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '-' }).collect();
    let cleaned = cleaned.trim_start_matches('.');
    let count = cleaned.chars().count();
    let kept: String = if count > 100 { cleaned.chars().skip(count - 100).collect() } else { cleaned.to_owned() };
    if kept.is_empty() { "file".to_owned() } else { kept }
}

impl Plan {
    /// The plan of an archive in `languages`, the first of which also gives `index.html`.
    pub fn new(languages: &[Locale]) -> Self {
        let mut plan = Plan { languages: languages.iter().map(ToString::to_string).collect(), ..Plan::default() };
        plan.target("/static/app.css");
        for (n, lang) in languages.iter().enumerate() {
            plan.target(&format!("/{lang}/"));
            if n == 0
                && let Some(home) = plan.queue.last_mut()
            {
                home.files.push("index.html".to_owned());
            }
        }
        plan
    }

    /// A public document: its page in every language.
    pub fn document(&mut self, kind: Kind, id: &str) {
        self.documents.insert(id.to_owned(), kind);
        for lang in self.languages.clone() {
            self.target(&format!("/{lang}/{}/{id}", kind.collection()));
        }
    }

    /// A partner: its page in every language.
    pub fn partner(&mut self, slug: &str) {
        self.partners.insert(slug.to_owned());
        for lang in self.languages.clone() {
            self.target(&format!("/{lang}/partners/{slug}"));
        }
    }

    /// A file attached to the public document `document`, shown under `name`; written when a
    /// page links to it. Returns where it is written.
    pub fn attachment(&mut self, document: &str, id: &str, name: &str) -> String {
        let file = format!("files/{}/{}", file_name(id), file_name(name));
        self.attachments.insert(id.to_owned(), (document.to_owned(), file.clone()));
        file
    }

    /// A file the archive writes itself (`static/archive-search.js`).
    pub fn written(&mut self, file: &str) {
        self.written.insert(file.to_owned());
    }

    /// The lists of every language.
    pub fn lists(&mut self) {
        for lang in self.languages.clone() {
            for kind in Kind::ALL {
                self.target(&format!("/{lang}/{}", kind.collection()));
            }
        }
    }

    /// What is planned but not yet asked for; each address is given once.
    pub fn take(&mut self) -> Vec<Fetch> {
        std::mem::take(&mut self.queue)
    }

    fn is_language(&self, code: &str) -> bool {
        self.languages.iter().any(|l| l == code)
    }

    /// The file planned for `url` (an address of the application with its query, without
    /// fragment), planning it when it is new; none when the archive has no such file.
    pub fn target(&mut self, url: &str) -> Option<String> {
        if let Some(file) = self.files.get(url) {
            return Some(file.clone());
        }
        let (path, query) = url.split_once('?').unwrap_or((url, ""));
        let query: Vec<(String, String)> = serde_urlencoded::from_str(query).ok()?;
        let query: Vec<(&str, &str)> = query.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let segments: Vec<&str> = path.strip_prefix('/')?.split('/').collect();
        let (file, fetch) = match (segments.as_slice(), query.as_slice()) {
            (["static", "app.css"], []) => ("static/app.css".to_owned(), true),
            (["static", name], []) if self.written.contains(&format!("static/{name}")) => {
                (format!("static/{name}"), false)
            }
            ([lang, ""], []) if self.is_language(lang) => (format!("{lang}/index.html"), true),
            ([lang], []) if self.is_language(lang) => return self.target(&format!("/{lang}/")),
            ([lang, page], []) if self.is_language(lang) && OWN_PAGES.contains(page) => {
                (format!("{lang}/{page}.html"), false)
            }
            ([lang, segment], []) if self.is_language(lang) && collection(segment).is_some() => {
                (format!("{lang}/{segment}.html"), true)
            }
            ([lang, segment], [("cursor", _)]) if self.is_language(lang) && collection(segment).is_some() => {
                let count = self.pages.entry(format!("{lang}/{segment}")).or_insert(1);
                *count += 1;
                (format!("{lang}/{segment}-{count}.html"), true)
            }
            ([lang, segment, id], []) if self.is_language(lang) && self.is_document(segment, id) => {
                (format!("{lang}/{segment}/{}.html", file_name(id)), true)
            }
            // A document's text in another language: its page in that language.
            ([lang, segment, id], [("text", text)]) if self.is_language(lang) && self.is_language(text) => {
                return self.target(&format!("/{text}/{segment}/{id}"));
            }
            ([lang, segment, id, "attachments", file], []) if self.is_language(lang) => {
                let (document, written) = self.attachments.get(*file)?;
                if document != id || !self.is_document(segment, id) {
                    return None;
                }
                (written.clone(), true)
            }
            ([lang, "partners", slug], []) if self.is_language(lang) && self.partners.contains(*slug) => {
                (format!("{lang}/partners/{}.html", file_name(slug)), true)
            }
            _ => return None,
        };
        self.files.insert(url.to_owned(), file.clone());
        // One answer per file, whichever address leads to it (a file linked from each language).
        if fetch && self.asked.insert(file.clone()) {
            self.queue.push(Fetch { url: url.to_owned(), files: vec![file.clone()] });
        }
        Some(file)
    }

    fn is_document(&self, segment: &str, id: &str) -> bool {
        collection(segment).is_some_and(|kind| self.documents.get(id) == Some(&kind))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        let languages: Vec<Locale> = ["en", "it"].iter().map(|c| c.parse().expect("a language")).collect();
        let mut plan = Plan::new(&languages);
        plan.document(Kind::Practice, "0190-aa");
        plan.partner("bologna");
        plan.attachment("0190-aa", "f1", "Piano d'azione 2025.pdf");
        plan.written("static/archive-search.js");
        plan
    }

    #[test]
    fn pages_of_the_application_become_files() {
        let mut plan = plan();
        let queued = plan.take();
        assert_eq!(queued[0], Fetch { url: "/static/app.css".into(), files: vec!["static/app.css".into()] });
        assert_eq!(queued[1].files, ["en/index.html", "index.html"], "the working language's home is the entrance");
        assert_eq!(plan.target("/it/").as_deref(), Some("it/index.html"));
        assert_eq!(plan.target("/it").as_deref(), Some("it/index.html"));
        assert_eq!(plan.target("/it/practices/0190-aa").as_deref(), Some("it/practices/0190-aa.html"));
        assert_eq!(plan.target("/en/practices/0190-aa?text=it").as_deref(), Some("it/practices/0190-aa.html"));
        assert_eq!(plan.target("/en/partners/bologna").as_deref(), Some("en/partners/bologna.html"));
        assert_eq!(plan.target("/en/search").as_deref(), Some("en/search.html"));
        assert_eq!(plan.target("/static/archive-search.js").as_deref(), Some("static/archive-search.js"));
        assert!(plan.take().is_empty(), "everything above was planned already or is written by the archive");
    }

    #[test]
    fn further_pages_of_a_list_are_numbered_as_met() {
        let mut plan = plan();
        plan.lists();
        plan.take();
        assert_eq!(plan.target("/en/practices?cursor=abc").as_deref(), Some("en/practices-2.html"));
        assert_eq!(plan.target("/en/practices?cursor=def").as_deref(), Some("en/practices-3.html"));
        assert_eq!(plan.target("/en/practices?cursor=abc").as_deref(), Some("en/practices-2.html"));
        assert_eq!(plan.target("/it/practices?cursor=xyz").as_deref(), Some("it/practices-2.html"));
        assert_eq!(plan.take().len(), 3);
    }

    #[test]
    fn a_file_is_written_once_whatever_the_language_of_the_link() {
        let mut plan = plan();
        plan.take();
        let file = "files/f1/Piano-d-azione-2025.pdf";
        assert_eq!(plan.target("/en/practices/0190-aa/attachments/f1").as_deref(), Some(file));
        assert_eq!(plan.target("/it/practices/0190-aa/attachments/f1").as_deref(), Some(file));
        assert_eq!(
            plan.take(),
            [Fetch { url: "/en/practices/0190-aa/attachments/f1".into(), files: vec![file.into()] }]
        );
    }

    #[test]
    fn what_is_not_public_or_needs_the_server_has_no_file() {
        let mut plan = plan();
        for url in [
            "/en/practices/0190-bb",
            "/en/action-plans/0190-aa",
            "/en/practices/0190-aa/history",
            "/en/practices/0190-aa/edit",
            "/en/practices/0190-aa/attachments/f2",
            "/en/meeting-notes/0190-aa/attachments/f1",
            "/en/sign-in",
            "/en/privacy",
            "/en/practices.atom",
            "/en/practices?partner=bologna",
            "/en/partners/nobody",
            "/de/",
            "/api/docs/",
            "/static/other.css",
            "relative.html",
        ] {
            assert_eq!(plan.target(url), None, "{url}");
        }
    }

    #[test]
    fn names_are_safe_to_write_and_to_link() {
        assert_eq!(file_name("Rapport final (v2).pdf"), "Rapport-final--v2-.pdf");
        assert_eq!(file_name("Přehled.docx"), "Přehled.docx");
        assert_eq!(file_name("../../etc/passwd"), "-..-etc-passwd");
        assert_eq!(file_name(".hidden"), "hidden");
        assert_eq!(file_name(""), "file");
        assert_eq!(file_name(&format!("{}.pdf", "x".repeat(200))).chars().count(), 100);
    }
}
