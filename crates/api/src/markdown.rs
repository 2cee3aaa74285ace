//! Markdown to HTML that is safe to put in a page: CommonMark with tables and strikethrough,
//! then sanitised (no scripts, no event handlers, no `javascript:` or `data:` links, no
//! styles, no embedded frames). The raw Markdown is what is stored.

use ammonia::Builder;
use pulldown_cmark::{Options, Parser, html};
use std::collections::HashSet;
use std::sync::OnceLock;

fn sanitizer() -> &'static Builder<'static> {
    static SANITIZER: OnceLock<Builder<'static>> = OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = Builder::default();
        builder
            .url_schemes(HashSet::from(["http", "https", "mailto"]))
            .link_rel(Some("noopener noreferrer nofollow"))
            .rm_tags(["img"])
            .strip_comments(true);
        builder
    })
}

/// Renders Markdown to sanitised HTML.
pub fn to_html(markdown: &str) -> String {
    if markdown.is_empty() {
        return String::new();
    }
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, options));
    sanitizer().clean(&unsafe_html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(
            to_html("**Mikrolån** för *småföretag*"),
            "<p><strong>Mikrolån</strong> för <em>småföretag</em></p>\n"
        );
        assert!(to_html("- one\n- two").contains("<li>one</li>"));
        assert!(to_html("[site](https://example.org)").contains("rel=\"noopener noreferrer nofollow\""));
        assert_eq!(to_html(""), "");
    }

    /// Classic injection payloads, as Markdown or raw HTML inside it: none survives.
    #[test]
    fn scripts_handlers_and_dangerous_urls_are_removed() {
        for payload in XSS_PAYLOADS {
            let html = to_html(payload).to_lowercase();
            for forbidden in [
                "<script",
                "javascript:",
                "onerror",
                "onload",
                "onclick",
                "onmouseover",
                "<iframe",
                "<object",
                "<embed",
                "<svg",
                "data:text",
                "vbscript:",
                "<style",
                "srcdoc",
                "formaction",
            ] {
                assert!(!html.contains(forbidden), "{payload:?} left {forbidden}: {html}");
            }
        }
    }

    /// The tags of sanitised HTML, each as the text between `<` and `>` (quotes respected).
    fn tags(html: &str) -> Vec<String> {
        let (mut tags, mut current, mut inside, mut quoted) = (Vec::new(), String::new(), false, false);
        for c in html.chars() {
            match (inside, c) {
                (false, '<') => inside = true,
                (false, _) => {}
                (true, '"') => {
                    quoted = !quoted;
                    current.push(c);
                }
                (true, '>') if !quoted => {
                    tags.push(std::mem::take(&mut current));
                    inside = false;
                }
                (true, _) => current.push(c),
            }
        }
        tags
    }

    /// Checks one tag of the output: an allowed element, no handler or style attribute, and
    /// links only to http, https, mailto or relative addresses.
    fn tag_is_safe(tag: &str) -> Result<(), String> {
        let tag = tag.trim_start_matches('/');
        let name: String = tag.chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_lowercase();
        if [
            "script", "style", "iframe", "object", "embed", "svg", "math", "img", "form", "input", "button", "base",
            "link", "meta", "frame",
        ]
        .contains(&name.as_str())
            || name.is_empty()
        {
            return Err(format!("element <{tag}>"));
        }
        let mut rest = &tag[name.len()..];
        while let Some((attribute, after)) = rest.split_once("=\"") {
            let attribute = attribute.trim().to_lowercase();
            let (value, after) = after.split_once('"').unwrap_or((after, ""));
            if attribute.starts_with("on") || ["style", "srcdoc", "formaction"].contains(&attribute.as_str()) {
                return Err(format!("attribute {attribute} in <{tag}>"));
            }
            if ["href", "src", "action", "cite"].contains(&attribute.as_str()) {
                // As a browser reads it: whitespace and control characters dropped; a scheme is
                // a letter then letters, digits, `+`, `-` or `.` before the first `:`.
                let value: String =
                    value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect::<String>().to_lowercase();
                let scheme = value.split(['/', '?', '#']).next().unwrap_or_default();
                if let Some((scheme, _)) = scheme.split_once(':')
                    && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                    && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                    && !["http", "https", "mailto"].contains(&scheme)
                {
                    return Err(format!("{scheme}: link in <{tag}>"));
                }
            }
            rest = after;
        }
        Ok(())
    }

    fn fragment() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces: Vec<&'static str> = XSS_PAYLOADS
            .iter()
            .copied()
            .chain([
                "[",
                "](",
                ")",
                "<",
                ">",
                "</",
                "`",
                "```\n",
                "\n\n",
                "*",
                "_",
                "|",
                "---",
                "javascript:",
                "JaVa\tScript:",
                "&#",
                "&#x6a;",
                "\"",
                "'",
                "=",
                " onerror=",
                " onclick=\"",
                "<a href=",
                "<img src=",
                "<p ",
                "https://example.org",
                "data:",
                "<!--",
                "-->",
                "<![CDATA[",
                "\u{0}",
                "\u{202e}",
                "mikrolån ",
            ])
            .collect();
        prop_oneof![proptest::sample::select(pieces).prop_map(str::to_owned), ".{0,6}"]
    }

    proptest::proptest! {
        /// Generated mixtures of Markdown, raw HTML and attack fragments never produce an
        /// unsafe element, attribute or link, and never panic.
        #[test]
        fn no_mixture_produces_unsafe_html(parts in proptest::collection::vec(fragment(), 1..24)) {
            let markdown = parts.concat();
            let html = to_html(&markdown);
            for tag in tags(&html) {
                if let Err(problem) = tag_is_safe(&tag) {
                    proptest::prop_assert!(false, "{markdown:?} gave {problem}: {html}");
                }
            }
        }
    }

    #[test]
    fn the_tag_checker_sees_what_it_must_refuse() {
        let unsafe_html = "<p onclick=\"x\">a</p><a href=\"javascript:alert(1)\">b</a><script>c</script><a href=\"https://example.org\">ok</a>";
        let found: Vec<bool> = tags(unsafe_html).iter().map(|t| tag_is_safe(t).is_ok()).collect();
        assert_eq!(found, [false, true, false, true, false, false, true, true]);
    }

    pub(crate) const XSS_PAYLOADS: &[&str] = &[
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://example.org/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](data:text/html,<script>alert(1)</script>)",
        "![x](javascript:alert(1))",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<style>body{background:red}</style>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<form><button formaction=\"javascript:alert(1)\">x</button></form>",
        "<input onfocus=alert(1) autofocus>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<<script>script>alert(1)<</script>/script>",
        "\"><script>alert(1)</script>",
        "<p onmouseover=\"alert(1)\">hover</p>",
        "<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
    ];
}
