//! A page's links made to work without the server: every address of the application in an
//! `href`, `src` or `action` becomes the relative path of its file in the archive
//! (`../practices/<id>.html`), so the archive opens from a folder as from any static host; a
//! link to what the archive does not hold is dropped, its text kept. Links to other sites and
//! to places in the same page are left as they are.

use super::plan::Plan;

/// The attributes that hold an address, as the pages write them.
const ATTRIBUTES: [&str; 3] = ["href=\"", "src=\"", "action=\""];

/// `html`, to be written as the archive's file `from`, with its links rewritten. The platform's
/// own absolute addresses (starting with `public_url`) count as its addresses. A form that
/// would send something to the server is refused: the archive has none to send to.
pub fn rewrite(html: &str, from: &str, plan: &mut Plan, public_url: &str) -> Result<String, String> {
    let lowered = html.to_ascii_lowercase();
    if lowered.contains("method=\"post\"") || lowered.contains("method=post") {
        return Err(format!("{from}: the page has a form that sends to the server"));
    }
    let mut out = String::with_capacity(html.len());
    let mut copied = 0;
    let mut at = 0;
    let bytes = html.as_bytes();
    while at < bytes.len() {
        if !bytes[at].is_ascii_whitespace() {
            at += 1;
            continue;
        }
        let name = at + 1;
        let Some(attribute) = ATTRIBUTES.iter().find(|a| html[name..].starts_with(**a)) else {
            at += 1;
            continue;
        };
        let start = name + attribute.len();
        let Some(length) = html[start..].find('"') else { break };
        let end = start + length;
        match internal(&unescape(&html[start..end]), public_url) {
            None => {}
            Some(address) => {
                let (url, fragment) = address.split_once('#').map_or((address, None), |(u, f)| (u, Some(f)));
                match plan.target(url) {
                    Some(file) => {
                        out.push_str(&html[copied..start]);
                        out.push_str(&relative(from, &file));
                        if let Some(fragment) = fragment {
                            out.push('#');
                            out.push_str(&crate::text::escape(fragment));
                        }
                        copied = end;
                    }
                    // The attribute goes, with the space before it.
                    None => {
                        out.push_str(&html[copied..at]);
                        copied = end + 1;
                    }
                }
            }
        }
        at = end + 1;
    }
    out.push_str(&html[copied..]);
    Ok(out)
}

/// The address of the application a link names, if it names one: a path from the root, or
/// the platform's public address followed by one.
fn internal<'a>(value: &'a str, public_url: &str) -> Option<&'a str> {
    if value.starts_with("//") {
        return None;
    }
    if value.starts_with('/') {
        return Some(value);
    }
    let rest = value.strip_prefix(public_url).filter(|_| !public_url.is_empty())?;
    if rest.is_empty() { Some("/") } else { rest.starts_with('/').then_some(rest) }
}

/// The text of an attribute value as the pages escape it.
fn unescape(value: &str) -> String {
    if !value.contains('&') {
        return value.to_owned();
    }
    value
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The path of the archive's file `to` seen from its file `from`, each part percent-encoded
/// where a URL needs it: `it/practices/a.html` → `it/index.html` is `../index.html`.
pub fn relative(from: &str, to: &str) -> String {
    let from: Vec<&str> = from.split('/').collect();
    let to: Vec<&str> = to.split('/').collect();
    let from_dirs = &from[..from.len().saturating_sub(1)];
    let to_dirs = &to[..to.len().saturating_sub(1)];
    let common = from_dirs.iter().zip(to_dirs).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_owned(); from_dirs.len() - common];
    parts.extend(to[common..].iter().map(|part| encode(part)));
    parts.join("/")
}

/// A path segment as a URL writes it: letters, digits and `-._~` as they are, the rest as
/// `%XX` bytes of UTF-8.
pub fn encode(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use mfx_domain::Locale;
    use mfx_domain::document::Kind;

    fn plan() -> Plan {
        let languages: Vec<Locale> = ["en", "it"].iter().map(|c| c.parse().expect("a language")).collect();
        let mut plan = Plan::new(&languages);
        plan.document(Kind::Practice, "p1");
        plan.document(Kind::ActionPlan, "a1");
        plan.partner("bologna");
        plan.lists();
        plan.attachment("p1", "f1", "Relazione finale.pdf");
        plan
    }

    #[test]
    fn paths_are_relative_to_the_page() {
        assert_eq!(relative("it/practices/p1.html", "it/action-plans/a1.html"), "../action-plans/a1.html");
        assert_eq!(relative("it/practices/p1.html", "it/practices/p2.html"), "p2.html");
        assert_eq!(relative("it/practices/p1.html", "static/app.css"), "../../static/app.css");
        assert_eq!(relative("index.html", "en/practices.html"), "en/practices.html");
        assert_eq!(relative("en/index.html", "index.html"), "../index.html");
        assert_eq!(relative("en/x.html", "files/f1/Relazione finale.pdf"), "../files/f1/Relazione%20finale.pdf");
        assert_eq!(encode("Přehled.pdf"), "P%C5%99ehled.pdf");
    }

    #[test]
    fn links_of_a_page_point_at_files() {
        let mut plan = plan();
        let page = concat!(
            r#"<link rel="stylesheet" href="/static/app.css"><a class="brand" href="/it/">MFX</a>"#,
            r#"<link rel="alternate" hreflang="en" href="/en/practices/p1">"#,
            r#"<a href="/it/action-plans/a1" lang="it">Piano</a> <a href="/it/practices/p1?text=en">English</a>"#,
            r#"<a href="/it/practices/p1/attachments/f1" download>Relazione finale.pdf</a>"#,
            r#"<a href="/it/practices?cursor=abc&amp;theme=x">Next</a><a href="/it/practices?cursor=abc">Next</a>"#,
            r##"<a class="skip-link" href="#main">Skip</a><a href="https://example.org/a?b=1&amp;c=2">Out</a>"##,
            r#"<form method="get" action="/it/search"><input name="q"></form>"#,
            r#"<a href="/it/practices/p1/history">History</a><a href="/api/docs/">API</a>"#,
            r#"<a href="http://127.0.0.1:8080/it/partners/bologna#docs">Bologna</a>"#,
        );
        let written = rewrite(page, "it/practices/p1.html", &mut plan, "http://127.0.0.1:8080").expect("rewritten");
        let expected = concat!(
            r#"<link rel="stylesheet" href="../../static/app.css"><a class="brand" href="../index.html">MFX</a>"#,
            r#"<link rel="alternate" hreflang="en" href="../../en/practices/p1.html">"#,
            r#"<a href="../action-plans/a1.html" lang="it">Piano</a> <a href="../../en/practices/p1.html">English</a>"#,
            r#"<a href="../../files/f1/Relazione-finale.pdf" download>Relazione finale.pdf</a>"#,
            r#"<a>Next</a><a href="../practices-2.html">Next</a>"#,
            r##"<a class="skip-link" href="#main">Skip</a><a href="https://example.org/a?b=1&amp;c=2">Out</a>"##,
            r#"<form method="get" action="../search.html"><input name="q"></form>"#,
            r#"<a>History</a><a>API</a>"#,
            r#"<a href="../partners/bologna.html#docs">Bologna</a>"#,
        );
        assert_eq!(written, expected);
    }

    #[test]
    fn a_form_that_posts_is_refused() {
        let page = r#"<form method="post" action="/it/sign-out"><button>Out</button></form>"#;
        let refused = rewrite(page, "it/index.html", &mut plan(), "").expect_err("refused");
        assert!(refused.contains("it/index.html"), "{refused}");
    }

    #[test]
    fn text_that_looks_like_an_attribute_is_left_alone() {
        let page = "<p>write href=&quot;/it/sign-in&quot; or xhref=\"/it/\"</p><p data-href=\"/it/\">x</p>";
        assert_eq!(rewrite(page, "it/index.html", &mut plan(), "").expect("rewritten"), page);
    }
}
