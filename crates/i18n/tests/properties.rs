//! Properties of the content fallback chain over every pair of languages and of language
//! negotiation over generated `Accept-Language` headers.

use mfx_domain::Locale;
use mfx_i18n::fallback_chain;
use proptest::prelude::*;
use proptest::sample::select;

fn locale() -> impl Strategy<Value = Locale> {
    select(Locale::all())
}

proptest! {
    /// The requested language first, then English, then the original; no language twice, so a
    /// reader always ends with something and never sees one text twice.
    #[test]
    fn the_chain_starts_with_the_request_and_ends_with_the_original(requested in locale(), original in locale()) {
        let chain = fallback_chain(requested, original);
        prop_assert_eq!(chain[0], requested);
        prop_assert!(chain.contains(&Locale::fallback()) && chain.contains(&original));
        prop_assert!((1..=3).contains(&chain.len()));
        for (i, a) in chain.iter().enumerate() {
            prop_assert!(!chain[i + 1..].contains(a), "{:?} twice in {:?}", a, chain);
        }
        let english = chain.iter().position(|l| *l == Locale::fallback()).expect("english");
        let own = chain.iter().position(|l| *l == original).expect("original");
        prop_assert!(english <= own || original == requested);
    }
}

fn range() -> impl Strategy<Value = String> {
    let tag = prop_oneof![
        select(vec!["sv", "sv-SE", "fr-FR", "it", "ro", "sl-SI", "en-GB", "de", "*", "x-klingon", "", ";", "q="])
            .prop_map(str::to_owned),
        "[a-zA-Z-]{0,12}",
    ];
    let weight = prop_oneof![
        Just(String::new()),
        (0..=1000_u32).prop_map(|w| format!(";q={}", f64::from(w) / 1000.0)),
        ".{0,5}".prop_map(|w| format!(";q={w}"))
    ];
    (tag, weight).prop_map(|(t, w)| format!("{t}{w}"))
}

proptest! {
    /// Any header gives one of the six languages or none, never a panic; ranges weighted
    /// `q=0` are never chosen; the best weighted supported range wins.
    #[test]
    fn negotiation_takes_the_best_supported_range(ranges in proptest::collection::vec(range(), 0..8), noise in ".{0,40}") {
        let header = ranges.join(",");
        let chosen = mfx_i18n::negotiate(&header);
        let parsed = mfx_i18n::parse_accept_language(&header);
        prop_assert!(parsed.iter().all(|(_, q)| *q > 0.0 && *q <= 1.0), "{:?}", parsed);
        prop_assert!(parsed.windows(2).all(|w| w[0].1 >= w[1].1), "sorted by weight: {:?}", parsed);
        if let Some(locale) = chosen {
            prop_assert!(Locale::all().contains(&locale));
        }
        let _ = mfx_i18n::negotiate(&noise);
    }
}
