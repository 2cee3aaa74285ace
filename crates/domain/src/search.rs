//! Text as the search index reads it: the words of Markdown as a reader sees them.

/// The words of Markdown text as a reader sees them: emphasis, link targets, images, code
/// fences' marks and HTML left out, blocks separated by a line break.
pub fn plain_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, TagEnd};
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::TableCell | TagEnd::CodeBlock,
            ) => out.push('\n'),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_the_words_a_reader_sees() {
        let text =
            plain_text("## Fondo di *garanzia*\n\nVedi [il sito](https://example.org) e `codice`.\n\n- uno\n- due");
        assert_eq!(text, "Fondo di garanzia\nVedi il sito e codice.\nuno\ndue\n");
        assert!(!plain_text("<script>x</script> testo").contains("<script>"));
    }
}
