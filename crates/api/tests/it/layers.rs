//! The layers keep to their places: the use cases know nothing of HTTP, the pages and the
//! mail call the use cases rather than the JSON API's handlers, and only the permission policy
//! looks at roles. These tests read the source tree.

use std::fs;
use std::path::{Path, PathBuf};

/// The workspace's root (two levels above this crate).
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every Rust file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let entries = fs::read_dir(&dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The path of `file` relative to the workspace, with forward slashes.
fn relative(file: &Path) -> String {
    let root = workspace().canonicalize().expect("the workspace");
    let file = file.canonicalize().expect("a source file");
    file.strip_prefix(&root).expect("inside the workspace").to_string_lossy().replace('\\', "/")
}

#[test]
fn use_cases_know_nothing_of_http() {
    let dir = workspace().join("crates/api/src/usecases");
    let files = rust_files(&dir);
    assert!(files.len() >= 5, "the use cases live under {}", dir.display());
    let mut offences = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("a readable source file");
        for (n, line) in text.lines().enumerate() {
            // HTTP, and the adapters that call the use cases (which may call them, never the
            // other way round).
            for word in ["actix_web", "HttpRequest", "HttpResponse", "crate::routes", "crate::web"] {
                if line.contains(word) {
                    offences.push(format!("{}:{}: {word}", relative(file), n + 1));
                }
            }
        }
    }
    assert!(offences.is_empty(), "use cases must not know HTTP nor their callers:\n{}", offences.join("\n"));
}

/// Whether a line of source reaches into the JSON API's handlers: a path through
/// `crate::routes`, or a grouped import that names `routes`.
fn reaches_routes(line: &str) -> bool {
    line.contains("crate::routes") || (line.contains("crate::{") && line.contains("routes"))
}

#[test]
fn the_routes_detector_sees_what_it_should() {
    for reaches in [
        "use crate::routes::me::set_own_password;",
        "        let readers = crate::routes::attachments::readers(&actor, s);",
        "use crate::{routes, state::AppState};",
    ] {
        assert!(reaches_routes(reaches), "{reaches:?} reaches the routes");
    }
    for stays in ["use crate::usecases::accounts;", "use super::routes_table;", "let routes = 3;"] {
        assert!(!reaches_routes(stays), "{stays:?} does not reach the routes");
    }
}

#[test]
fn pages_and_mail_call_use_cases_not_routes() {
    let src = workspace().join("crates/api/src");
    let mut files = rust_files(&src.join("web"));
    files.extend(rust_files(&src.join("mail")));
    assert!(files.len() >= 10, "the pages and the mail live under {}", src.display());
    let mut offences = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("a readable source file");
        for (n, line) in text.lines().enumerate() {
            if reaches_routes(line) {
                offences.push(format!("{}:{}: {}", relative(file), n + 1, line.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "pages and mail call the use cases (crate::usecases), not the JSON API's handlers:\n{}",
        offences.join("\n")
    );
}

const ROLES: [&str; 4] = ["Role::Admin", "Role::Coordinator", "Role::Editor", "Role::Viewer"];

/// Whether a line decides something by a role: a role in a `matches!`, a comparison, a
/// pattern alternative or a match arm. Naming a role to give it (`role: Role::Admin`) is not.
fn matches_a_role(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or_default();
    ROLES.iter().any(|role| {
        code.match_indices(role).any(|(at, _)| {
            let before = code[..at].trim_end();
            let before = before.strip_suffix("mfx_domain::").unwrap_or(before).trim_end();
            let after = code[at + role.len()..].trim_start();
            code.contains("matches!")
                || ["==", "!=", "|", "eq("].iter().any(|op| before.ends_with(op))
                || ["==", "!=", "|", "=>"].iter().any(|op| after.starts_with(op) && !after.starts_with("||"))
        })
    })
}

#[test]
fn the_role_detector_sees_what_it_should() {
    for decides in [
        "if matches!(user.role, Role::Admin | Role::Coordinator) {",
        "        mfx_domain::Role::Admin | mfx_domain::Role::Coordinator | mfx_domain::Role::Editor",
        "let writes = role == Role::Editor;",
        "if Role::Viewer != role {",
        "    Role::Coordinator => true,",
        "    .filter(users::role.eq(Role::Admin.as_str()))",
    ] {
        assert!(matches_a_role(decides), "{decides:?} matches a role");
    }
    for gives in [
        "    role: Role::Admin,",
        "let roles = [Role::Admin, Role::Editor];",
        "// a comment: role == Role::Admin",
        "let first = make(Role::Admin) || other;",
    ] {
        assert!(!matches_a_role(gives), "{gives:?} only names a role");
    }
}

/// Files that may look at roles, and why.
const ALLOWED: [(&str, &str); 5] = [
    ("crates/domain/src/policy.rs", "the permission policy: the one place that decides by role"),
    ("crates/domain/src/policy/tests.rs", "the policy's full-matrix test: the expected answer for each role"),
    ("crates/domain/src/account.rs", "the role's own definition: its names and their parsing"),
    ("crates/store/src/accounts.rs", "the store's guard that the last active administrator stays"),
    ("crates/api/src/bootstrap.rs", "the creation of the first administrator"),
];

#[test]
fn only_the_policy_decides_by_role() {
    let root = workspace();
    for (file, _why) in ALLOWED {
        assert!(root.join(file).is_file(), "{file} is allowed to look at roles, but does not exist");
    }
    // Source and benchmarks of every crate; tests may look at roles to check the outcome.
    let mut files = Vec::new();
    for entry in fs::read_dir(root.join("crates")).expect("the crates") {
        let krate = entry.expect("a crate").path();
        for part in ["src", "benches"] {
            if krate.join(part).is_dir() {
                files.extend(rust_files(&krate.join(part)));
            }
        }
    }
    assert!(files.len() > 50, "the source tree is read");
    let mut offences = Vec::new();
    for file in &files {
        let name = relative(file);
        if ALLOWED.iter().any(|(allowed, _)| *allowed == name) {
            continue;
        }
        let text = fs::read_to_string(file).expect("a readable source file");
        for (n, line) in text.lines().enumerate() {
            if matches_a_role(line) {
                offences.push(format!("{name}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "access is decided by mfx_domain::policy::permits, not by matching roles:\n{}",
        offences.join("\n")
    );
}

/// How long a source file may grow before it must say why at its top.
const LONGEST: usize = 600;

#[test]
fn long_source_files_say_why() {
    let root = workspace();
    let mut files = Vec::new();
    for entry in fs::read_dir(root.join("crates")).expect("the crates") {
        let krate = entry.expect("a crate").path();
        for part in ["src", "tests", "benches"] {
            if krate.join(part).is_dir() {
                files.extend(rust_files(&krate.join(part)));
            }
        }
    }
    let mut offences = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("a readable source file");
        let lines = text.lines().count();
        let heading: Vec<&str> = text.lines().take_while(|l| l.starts_with("//!")).collect();
        if lines > LONGEST && !heading.iter().any(|l| l.contains("Longer than most files")) {
            offences.push(format!("{}: {lines} lines", relative(file)));
        }
    }
    assert!(
        offences.is_empty(),
        "split these files, or say at their top why they are longer than most files (a `//!` line \
         starting \"Longer than most files\"):\n{}",
        offences.join("\n")
    );
}
