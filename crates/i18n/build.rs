//! Rebuilds the compiled-in messages whenever a locale file or folder changes, and embeds the
//! source text of the compiled-in message files (`locales/<code>/*.ftl`), so
//! `mfx locales check` can compare a folder with them; the messages themselves are compiled
//! in by `fluent_templates::static_loader!`.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut files = Vec::new();
    if let Ok(languages) = std::fs::read_dir(&root) {
        for language in languages.flatten().filter(|e| e.path().is_dir()) {
            println!("cargo::rerun-if-changed={}", language.path().display());
            let code = language.file_name().to_string_lossy().into_owned();
            for file in std::fs::read_dir(language.path()).into_iter().flatten().flatten() {
                let path = file.path();
                println!("cargo::rerun-if-changed={}", path.display());
                if path.extension().is_some_and(|e| e == "ftl") {
                    let name = file.file_name().to_string_lossy().into_owned();
                    files.push((code.clone(), name, path.canonicalize().unwrap_or(path)));
                }
            }
        }
    }
    files.sort();
    let mut out = String::from("/// (language, file name, text) of every compiled-in message file.\n");
    out.push_str("pub const COMPILED: &[(&str, &str, &str)] = &[\n");
    for (code, name, path) in &files {
        let _ = writeln!(out, "    ({code:?}, {name:?}, include_str!({:?})),", path.display().to_string());
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR").unwrap_or_default()).join("compiled_sources.rs");
    if let Err(error) = std::fs::write(&target, out) {
        panic!("cannot write {}: {error}", target.display());
    }
}
