//! The transfer lineage of a practice drawn as SVG on the server: the practice on the left,
//! the actions it inspired on the right, each with its plan's partner. Accessible: a title, a
//! description, and the same content as a list beside it.

use super::{Page, escape};
use crate::usecases::documents::PracticeLineage;
use std::fmt::Write;

fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        format!("{}…", text.chars().take(max.saturating_sub(1)).collect::<String>())
    }
}

pub fn lineage(page: &Page, lineage: &PracticeLineage, partner_name: impl Fn(&str) -> String) -> String {
    let rows = lineage.inspired.len().max(1);
    let height = 40 + rows * 70;
    let practice_y = height / 2 - 25;
    let title = escape(&page.t("lineage-heading"));
    let description = escape(&page.tn("lineage-description", lineage.inspired.len()));
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 760 {height}" role="img" aria-labelledby="lineage-svg-title lineage-svg-desc"><title id="lineage-svg-title">{title}</title><desc id="lineage-svg-desc">{description}</desc>"#
    );
    let _ = write!(
        svg,
        r##"<rect x="10" y="{practice_y}" width="260" height="50" rx="6" fill="#e8f0fb" stroke="#0b5394"/><text x="20" y="{}" font-size="13" fill="#1b1f24">{}</text><text x="20" y="{}" font-size="11" fill="#4a5361">{}</text>"##,
        practice_y + 22,
        escape(&clip(&lineage.practice.title, 38)),
        practice_y + 40,
        escape(&partner_name(&lineage.practice.partner))
    );
    for (i, action) in lineage.inspired.iter().enumerate() {
        let y = 20 + i * 70;
        let _ = write!(
            svg,
            r##"<line x1="270" y1="{}" x2="470" y2="{}" stroke="#4a5361" stroke-width="1.5"/><rect x="470" y="{y}" width="280" height="50" rx="6" fill="#eef7f0" stroke="#1d6b2f"/><text x="480" y="{}" font-size="13" fill="#1b1f24">{}</text><text x="480" y="{}" font-size="11" fill="#4a5361">{} · {}%</text>"##,
            practice_y + 25,
            y + 25,
            y + 22,
            escape(&clip(&action.title, 40)),
            y + 40,
            escape(&partner_name(&action.plan.partner)),
            action.progress_percent
        );
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_clipped() {
        assert_eq!(escape("<b>\"x\" & y</b>"), "&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;");
        assert_eq!(clip("abcdef", 4), "abc…");
        assert_eq!(clip("abc", 4), "abc");
    }
}
