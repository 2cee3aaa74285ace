//! Rebuilds the compiled-in messages whenever a locale file or folder changes.

fn main() {
    println!("cargo:rerun-if-changed=../../locales");
    if let Ok(languages) = std::fs::read_dir("../../locales") {
        for language in languages.flatten() {
            println!("cargo:rerun-if-changed={}", language.path().display());
            if let Ok(files) = std::fs::read_dir(language.path()) {
                for file in files.flatten() {
                    println!("cargo:rerun-if-changed={}", file.path().display());
                }
            }
        }
    }
}
