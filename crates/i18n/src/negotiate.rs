//! `Accept-Language` parsing (RFC 9110 §12.5.4) and the order in which languages are tried.

use mfx_domain::Locale;

/// The language ranges of an `Accept-Language` header, best first, with their weights.
/// Malformed entries are skipped; weights of zero mean "not acceptable" and are dropped.
pub fn parse_accept_language(header: &str) -> Vec<(String, f32)> {
    let mut ranges: Vec<(usize, String, f32)> = header
        .split(',')
        .take(32)
        .enumerate()
        .filter_map(|(position, item)| {
            let mut parts = item.split(';');
            let tag = parts.next()?.trim();
            if tag.is_empty()
                || tag.len() > 35
                || !tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'*')
            {
                return None;
            }
            let mut weight = 1.0_f32;
            for param in parts {
                let (name, value) = param.split_once('=')?;
                if name.trim().eq_ignore_ascii_case("q") {
                    weight = value.trim().parse().ok().filter(|q: &f32| (0.0..=1.0).contains(q))?;
                }
            }
            (weight > 0.0).then(|| (position, tag.to_ascii_lowercase(), weight))
        })
        .collect();
    // Stable order: by weight, then by position in the header.
    ranges.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)));
    ranges.into_iter().map(|(_, tag, weight)| (tag, weight)).collect()
}

/// The best supported language for an `Accept-Language` header, if any is acceptable.
/// `*` accepts the working language.
pub fn negotiate(accept_language: &str) -> Option<Locale> {
    parse_accept_language(accept_language)
        .into_iter()
        .find_map(|(tag, _)| if tag == "*" { Some(Locale::fallback()) } else { tag.parse().ok() })
}

/// The languages to try, in order, when reading content in `requested` that was written in
/// `original`: the requested language, then English, then the original. No duplicates.
pub fn fallback_chain(requested: Locale, original: Locale) -> Vec<Locale> {
    let mut chain = Vec::with_capacity(3);
    for locale in [requested, Locale::fallback(), original] {
        if !chain.contains(&locale) {
            chain.push(locale);
        }
    }
    chain
}

#[cfg(test)]
mod tests {
    use super::*;
    use mfx_domain::locale::test_locale as l;

    #[test]
    fn picks_the_best_weighted_supported_language() {
        assert_eq!(negotiate("de-DE,de;q=0.9,fr;q=0.8,en;q=0.7"), Some(l("fr")));
        assert_eq!(negotiate("sv-SE"), Some(l("sv")));
        assert_eq!(negotiate("en;q=0.5, sl;q=0.9"), Some(l("sl")));
        assert_eq!(negotiate("ro;q=0, it"), Some(l("it")));
        assert_eq!(negotiate("de, *;q=0.1"), Some(l("en")));
        assert_eq!(negotiate("de, ja"), None);
        assert_eq!(negotiate(""), None);
    }

    #[test]
    fn malformed_ranges_are_skipped_not_fatal() {
        assert_eq!(negotiate("fr;q=abc, it;q=0.4"), Some(l("it")));
        assert_eq!(negotiate("<script>, ro"), Some(l("ro")));
        assert_eq!(negotiate("fr;q=7, sv"), Some(l("sv")));
        let ranges = parse_accept_language("a,b;q=0.5,c");
        assert_eq!(ranges.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(), ["a", "c", "b"]);
    }

    #[test]
    fn fallback_chain_is_requested_then_english_then_original() {
        assert_eq!(fallback_chain(l("ro"), l("fr")), [l("ro"), l("en"), l("fr")]);
        assert_eq!(fallback_chain(l("en"), l("fr")), [l("en"), l("fr")]);
        assert_eq!(fallback_chain(l("sv"), l("sv")), [l("sv"), l("en")]);
        assert_eq!(fallback_chain(l("en"), l("en")), [l("en")]);
    }
}
