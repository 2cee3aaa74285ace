//! The set of languages is data (the seed's `locales`): no Rust source outside the registry
//! (`crates/domain/src/locale.rs`) names a language code of the loaded set, alone or in a
//! list. Tests and fixtures may name codes; the places below may too, each for its reason.

use mfx_domain::Locale;
use std::path::{Path, PathBuf};

/// (file, a text its line contains, why a code may appear there). An empty marker allows the
/// whole file.
const ALLOWED: &[(&str, &str, &str)] = &[
    ("crates/domain/src/locale.rs", "", "the registry itself: its table of stemmers by language code"),
    (
        "crates/i18n/src/messages.rs",
        "fallback_language:",
        "static_loader! needs a literal folder name; lookups fall back to the registry's working language",
    ),
    ("crates/api/src/demo.rs", "", "demo content is written in English and French: content, not the set of languages"),
    ("", "example", "an example value in the OpenAPI description, never read by the program"),
    ("crates/store/src/backup/sqlite.rs", "open_sqlite(", "SQLite's URI mode `ro` (read-only), not a language"),
];

/// Every line of a source file outside its tests (`#[cfg(test)]` modules end each file) that
/// is not a comment: (line number, text).
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let code = text.split("#[cfg(test)]").next().unwrap_or_default();
    let mut in_example = false;
    let mut lines = Vec::new();
    for (i, line) in code.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        // A multi-line `#[schema(example = json!({ … }))]` is one example.
        if trimmed.contains("example = json!(") && !trimmed.ends_with(")]") {
            in_example = true;
        }
        let shown = if in_example { format!("{line} /* example */") } else { line.to_owned() };
        if in_example && trimmed.ends_with(")]") {
            in_example = false;
        }
        lines.push((i + 1, shown));
    }
    lines
}

/// The language codes of `codes` a line writes: as string literals (`"fr"`), or in a route
/// pattern's alternation (`{lang:en|fr}`).
fn codes_in(line: &str, codes: &[String]) -> Vec<String> {
    codes
        .iter()
        .filter(|code| {
            [format!("\"{code}\""), format!("|{code}|"), format!(":{code}|"), format!("|{code}}}")]
                .iter()
                .any(|form| line.contains(form.as_str()))
        })
        .cloned()
        .collect()
}

fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
            // A module's tests in a file of their own (`foo/tests.rs`) are tests: they may name codes.
            found.push(path);
        }
    }
}

#[test]
fn no_list_of_language_codes_outside_the_registry() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let codes: Vec<String> = Locale::all().into_iter().map(|l| l.to_string()).collect();
    let mut files = Vec::new();
    for krate in std::fs::read_dir(root.join("crates")).expect("crates/").flatten() {
        sources(&krate.path().join("src"), &mut files);
    }
    assert!(files.len() > 50, "the sources were found");
    let mut problems = Vec::new();
    for file in files {
        let relative = file.strip_prefix(&root).unwrap_or(&file).to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(&file).expect("readable");
        for (number, line) in code_lines(&text) {
            let named = codes_in(&line, &codes);
            if named.is_empty() {
                continue;
            }
            let allowed = ALLOWED.iter().any(|(path, marker, _)| {
                (path.is_empty() || *path == relative) && (marker.is_empty() || line.contains(marker))
            });
            if !allowed {
                problems.push(format!("{relative}:{number}: {named:?} in `{}`", line.trim()));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "language codes written in Rust (take them from mfx_domain::Locale instead):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_scan_sees_lists_and_single_codes() {
    let codes: Vec<String> = Locale::all().into_iter().map(|l| l.to_string()).collect();
    let first = &codes[0];
    let second = &codes[1];
    let source = format!(
        "const L: &str = \"{{lang:{first}|{second}}}\";\nlet x = [\"{first}\", \"{second}\"];\n// \"{first}\" in a comment\n#[schema(example = json!({{\n  \"{first}\": 1\n}}))]\nlet y = \"{second}\";\n#[cfg(test)]\nmod tests {{ \"{first}\" }}\n"
    );
    let hits: Vec<(usize, Vec<String>)> = code_lines(&source)
        .into_iter()
        .map(|(n, line)| (n, codes_in(&line, &codes)))
        .filter(|(_, c)| !c.is_empty())
        .collect();
    assert_eq!(hits.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [1, 2, 5, 7], "{hits:?}");
    assert_eq!(hits[0].1.len(), 2, "a route pattern names two codes");
    assert_eq!(hits[1].1.len(), 2, "a list names two codes");
    assert!(code_lines(&source)[3].1.contains("example"), "an example block is marked");
}
