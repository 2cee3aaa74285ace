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
