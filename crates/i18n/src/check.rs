//! What a translator runs (`mfx locales check`): every language's messages against the
//! working language's — messages missing, messages the working language does not have, and
//! messages whose variables differ — and languages of the seed that have no messages at all.

use fluent_syntax::ast;
use mfx_domain::Locale;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

mod compiled {
    include!(concat!(env!("OUT_DIR"), "/compiled_sources.rs"));
}

/// Message id → the variables its value uses.
pub type Messages = BTreeMap<String, BTreeSet<String>>;

/// A folder or file that cannot be read or parsed.
#[derive(Debug, thiserror::Error)]
pub enum CheckError {
    #[error("{path}: {reason}")]
    Unreadable { path: PathBuf, reason: String },
}

/// One problem of one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    NoMessages,
    Missing(String),
    Extra(String),
    Variables { id: String, found: BTreeSet<String>, expected: BTreeSet<String> },
    Broken(String),
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |set: &BTreeSet<String>| set.iter().map(|v| format!("${v}")).collect::<Vec<_>>().join(", ");
        match self {
            Problem::NoMessages => write!(f, "no messages at all"),
            Problem::Missing(id) => write!(f, "missing `{id}`"),
            Problem::Extra(id) => write!(f, "extra `{id}` (not in the working language)"),
            Problem::Variables { id, found, expected } => {
                write!(f, "`{id}` uses [{}], the working language uses [{}]", list(found), list(expected))
            }
            Problem::Broken(what) => write!(f, "cannot be read: {what}"),
        }
    }
}

/// The problems of each language, by code, the working language first.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub reference: String,
    pub languages: Vec<(String, usize, Vec<Problem>)>,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.languages.iter().all(|(_, _, problems)| problems.is_empty())
    }

    /// One line per language: its code and how many messages it has.
    pub fn summary(&self) -> String {
        let parts: Vec<String> =
            self.languages.iter().map(|(code, count, _)| format!("{code}: {count} messages")).collect();
        format!(
            "Every language has the messages of `{}`, with the same variables. {}",
            self.reference,
            parts.join(", ")
        )
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (code, _, problems) in &self.languages {
            if problems.is_empty() {
                continue;
            }
            writeln!(f, "{code}: {} problem(s)", problems.len())?;
            for problem in problems {
                writeln!(f, "  {problem}")?;
            }
        }
        Ok(())
    }
}

/// The messages of one Fluent source, or what is broken in it.
pub fn parse_messages(source: &str) -> Result<Messages, String> {
    let resource = fluent_syntax::parser::parse(source).map_err(|(_, errors)| format!("{errors:?}"))?;
    let mut found = Messages::new();
    for entry in resource.body {
        match entry {
            ast::Entry::Message(message) => {
                let mut variables = BTreeSet::new();
                if let Some(value) = &message.value {
                    collect(value, &mut variables);
                }
                if found.insert(message.id.name.to_owned(), variables).is_some() {
                    return Err(format!("`{}` is defined twice", message.id.name));
                }
            }
            ast::Entry::Junk { content } => return Err(format!("a broken entry: {content}")),
            _ => {}
        }
    }
    Ok(found)
}

fn collect(pattern: &ast::Pattern<&str>, variables: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, variables);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, variables: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, variables);
            for variant in variants {
                collect(&variant.value, variables);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, variables),
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, variables: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            variables.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, variables),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_inline(argument, variables);
            }
        }
        _ => {}
    }
}

/// The messages of every language: the compiled-in ones, then a folder's on top (a folder's
/// message replaces a compiled one, as at run time). Unreadable files are problems of their
/// language.
fn gather(dir: Option<&Path>) -> Result<BTreeMap<String, (Messages, Vec<Problem>)>, CheckError> {
    let mut languages: BTreeMap<String, (Messages, Vec<Problem>)> = BTreeMap::new();
    let mut add = |code: &str, name: &str, text: &str| {
        let entry = languages.entry(code.to_owned()).or_default();
        match parse_messages(text) {
            Ok(messages) => entry.0.extend(messages),
            Err(what) => entry.1.push(Problem::Broken(format!("{name}: {what}"))),
        }
    };
    for (code, name, text) in compiled::COMPILED {
        add(code, name, text);
    }
    let Some(dir) = dir else { return Ok(languages) };
    let unreadable =
        |path: &Path, e: std::io::Error| CheckError::Unreadable { path: path.to_owned(), reason: e.to_string() };
    for folder in std::fs::read_dir(dir).map_err(|e| unreadable(dir, e))?.flatten() {
        let path = folder.path();
        if !path.is_dir() {
            continue;
        }
        let code = folder.file_name().to_string_lossy().into_owned();
        let mut files: Vec<PathBuf> = std::fs::read_dir(&path)
            .map_err(|e| unreadable(&path, e))?
            .flatten()
            .map(|f| f.path())
            .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(&file).map_err(|e| unreadable(&file, e))?;
            add(&code, &file.display().to_string(), &text);
        }
    }
    Ok(languages)
}

/// Checks every language with messages, and every language of the loaded set, against the
/// working language.
pub fn check_languages(dir: Option<&Path>) -> Result<Report, CheckError> {
    let mut languages = gather(dir)?;
    let reference = Locale::fallback().to_string();
    for locale in Locale::all() {
        languages.entry(locale.to_string()).or_default();
    }
    let expected = languages.get(&reference).map(|(messages, _)| messages.clone()).unwrap_or_default();
    let mut report = Report { reference: reference.clone(), languages: Vec::new() };
    let mut codes: Vec<String> = languages.keys().cloned().collect();
    codes.sort_by_key(|code| (*code != reference, code.clone()));
    for code in codes {
        let Some((messages, mut problems)) = languages.remove(&code) else { continue };
        if messages.is_empty() && problems.is_empty() {
            problems.push(Problem::NoMessages);
        } else if code != reference {
            problems.extend(compare(&messages, &expected));
        }
        report.languages.push((code, messages.len(), problems));
    }
    Ok(report)
}

/// What `messages` lacks, has in excess, or uses other variables in, against `expected`.
pub fn compare(messages: &Messages, expected: &Messages) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (id, variables) in expected {
        match messages.get(id) {
            None => problems.push(Problem::Missing(id.clone())),
            Some(found) if found != variables => {
                problems.push(Problem::Variables { id: id.clone(), found: found.clone(), expected: variables.clone() })
            }
            Some(_) => {}
        }
    }
    for id in messages.keys().filter(|id| !expected.contains_key(*id)) {
        problems.push(Problem::Extra(id.clone()));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_messages_are_complete() {
        let report = check_languages(None).expect("compiled sources");
        assert!(report.is_clean(), "{report}");
        assert_eq!(report.languages.len(), Locale::all().len());
        assert!(report.languages.iter().all(|(_, count, _)| *count > 100));
    }

    #[test]
    fn a_folder_with_gaps_is_reported() {
        let dir = std::env::temp_dir().join(format!("mfx-check-{}", std::process::id()));
        let folder = dir.join("xx");
        std::fs::create_dir_all(&folder).expect("temp dir");
        std::fs::write(folder.join("core.ftl"), "site-name = Site\nlist-count = { $number }\nnot-a-message = Extra\n")
            .expect("write");
        let report = check_languages(Some(&dir)).expect("readable");
        let (_, _, problems) = report.languages.iter().find(|(code, _, _)| code == "xx").expect("listed");
        assert!(problems.contains(&Problem::Extra("not-a-message".into())), "{problems:?}");
        assert!(problems.iter().any(|p| matches!(p, Problem::Variables { id, .. } if id == "list-count")));
        assert!(problems.contains(&Problem::Missing("datetime".into())));
        assert!(!problems.iter().any(|p| matches!(p, Problem::Missing(id) if id == "site-name")));
        assert!(!report.is_clean());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
