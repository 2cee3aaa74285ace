//! The locale files themselves: every file parses, every message exists in every language with
//! the same variables, and every message is used somewhere. A missing translation fails here,
//! not as a raw id on a page.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The languages compiled in: the folders of `locales/`, the working language first.
fn languages() -> Vec<String> {
    let working = mfx_domain::Locale::fallback().to_string();
    let mut found: Vec<String> = std::fs::read_dir(root().join("locales"))
        .expect("locales/ is readable")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| *name != working)
        .collect();
    found.sort();
    found.insert(0, working);
    found
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Message id → the variables it uses, for one language (all its files), read with the same
/// parser as `mfx locales check`.
fn messages(lang: &str) -> BTreeMap<String, BTreeSet<String>> {
    let dir = root().join("locales").join(lang);
    let mut found = BTreeMap::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{lang} has no .ftl file");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("readable");
        let parsed = mfx_i18n::check::parse_messages(&text)
            .unwrap_or_else(|what| panic!("{} does not parse: {what}", file.display()));
        for (id, variables) in parsed {
            assert!(found.insert(id.clone(), variables).is_none(), "{lang}: {id} is defined twice");
        }
    }
    found
}

#[test]
fn every_message_exists_in_every_language_with_the_same_variables() {
    let english = messages("en");
    let mut problems = Vec::new();
    for lang in languages().into_iter().skip(1) {
        let other = messages(&lang);
        for (id, variables) in &english {
            match other.get(id) {
                None => problems.push(format!("{lang}: `{id}` is missing")),
                Some(found) if found != variables => {
                    problems.push(format!("{lang}: `{id}` uses {found:?}, English uses {variables:?}"))
                }
                Some(_) => {}
            }
        }
        for id in other.keys().filter(|id| !english.contains_key(*id)) {
            problems.push(format!("{lang}: `{id}` is not in English"));
        }
    }
    assert!(problems.is_empty(), "{} problem(s):\n{}", problems.len(), problems.join("\n"));
}

/// Every source file that may name a message.
fn sources() -> String {
    let mut text = String::new();
    let mut stack = vec![root().join("crates")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                if !path.ends_with("target") && !path.ends_with("tests") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                text.push_str(&std::fs::read_to_string(&path).unwrap_or_default());
            }
        }
    }
    text
}

/// Families of messages chosen at run time by a code (`theme-` + `microcredit`): such a
/// message is used when its code appears in the sources.
const FAMILIES: &[&str] = &[
    "field-",
    "hint-",
    "error-",
    "theme-",
    "target-group-",
    "instrument-",
    "meeting-type-",
    "item-status-",
    "action-status-",
    "status-",
    "visibility-",
    "origin-",
    "freshness-",
    "kind-",
    "role-",
    "partner-kind-",
    "history-action-",
    "move-to-",
    "new-",
    "board-",
    "deliverable-status-",
    "deliverable-action-",
    "workplan-phase-",
    "indicator-",
    "digest-frequency-",
    "digest-section-",
    "outbox-status-",
    "data-event-",
];

#[test]
fn every_message_is_used() {
    let sources = sources();
    let unused: Vec<String> = messages("en")
        .into_keys()
        .filter(|id| {
            if sources.contains(&format!("\"{id}\"")) {
                return false;
            }
            // `indicator-<code>-definition` is named by its indicator's code.
            let id = id.strip_suffix("-definition").filter(|_| sources.contains("-definition\"")).unwrap_or(id);
            let dynamic = FAMILIES.iter().any(|family| {
                id.strip_prefix(family).is_some_and(|code| {
                    sources.contains(&format!("\"{family}")) && sources.contains(&format!("\"{code}\""))
                })
            });
            !dynamic
        })
        .collect();
    assert!(unused.is_empty(), "messages that nothing uses: {unused:?}");
}

#[test]
fn vocabularies_have_a_message_for_every_code() {
    let english = messages("en");
    for (family, codes) in [
        ("theme-", mfx_domain::vocabulary::THEMES),
        ("target-group-", mfx_domain::vocabulary::TARGET_GROUPS),
        ("instrument-", mfx_domain::vocabulary::INSTRUMENTS),
        ("meeting-type-", mfx_domain::vocabulary::MEETING_TYPES),
        ("item-status-", mfx_domain::vocabulary::ACTION_ITEM_STATUSES),
        ("action-status-", mfx_domain::vocabulary::PLAN_ACTION_STATUSES),
    ] {
        for code in codes {
            assert!(english.contains_key(&format!("{family}{code}")), "{family}{code} is missing");
        }
        let extra: Vec<&String> = english
            .keys()
            .filter(|id| id.strip_prefix(family).is_some_and(|code| !codes.contains(&code)))
            .filter(|id| !(family == "item-status-" || family == "action-status-") || id.starts_with(family))
            .filter(|id| id.strip_prefix(family).is_some_and(|code| !codes.contains(&code)))
            .collect();
        assert!(extra.is_empty(), "{family}: messages for unknown codes {extra:?}");
    }
}

#[test]
fn plurals_follow_each_language() {
    use mfx_domain::locale::test_locale as l;
    use mfx_i18n::{Arg, Translator};
    let count = |locale, n: usize| Translator::new(locale).args("list-count", &[("count", Arg::from(n))]);
    assert_eq!(count(l("en"), 1), "One document");
    assert_eq!(count(l("en"), 2), "2 documents");
    // Slovenian has a dual, and a plural for three and four.
    let sl: Vec<String> = [1, 2, 3, 5, 101, 102].into_iter().map(|n| count(l("sl"), n)).collect();
    assert_ne!(sl[1], sl[3], "2 and 5 differ in Slovenian: {sl:?}");
    assert_ne!(sl[1], sl[2], "2 and 3 differ in Slovenian: {sl:?}");
    assert_eq!(sl[0].replace("1", ""), sl[4].replace("101", ""), "101 takes the form of 1: {sl:?}");
    assert_eq!(sl[1].replace('2', ""), sl[5].replace("102", ""), "102 takes the form of 2: {sl:?}");
    // Romanian says "20 de documente" but "2 documente".
    let ro: Vec<String> = [2, 20].into_iter().map(|n| count(l("ro"), n)).collect();
    assert!(ro[1].contains(" de "), "{ro:?}");
    assert!(!ro[0].contains(" de "), "{ro:?}");
}
