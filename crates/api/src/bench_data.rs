//! `mfx seed-bench`: a benchmark database of realistic size and shape. Practices of 1–4 KB of
//! text per language in three languages on average (the original and two translations), one
//! meeting note per ten practices, one action plan per fifty citing generated practices, and
//! reader accounts spread over the six partners with weekly digests. The texts are the demo
//! content's own sentences, shuffled, so that words, accents and lengths are those of real
//! writing in each language; everything is derived from the entry's number, so two databases
//! seeded with the same figures hold the same content.
//!
//! Only for benchmark databases: it refuses a database that already holds other documents.

use crate::demo::{Seeded, insert_with_translations};
use mfx_domain::Locale;
use mfx_domain::account::{AccountInput, NewAccount};
use mfx_domain::document::{DocumentId, Kind, Status};
use mfx_domain::partner::Partner;
use mfx_store::documents;
use mfx_store::{Db, StoreError, accounts, partners};
use serde_json::{Map, Value};
use std::collections::HashMap;

const PRACTICES: &str = include_str!("../../../seed/demo/practices.json");
const MEETING_NOTES: &str = include_str!("../../../seed/demo/meeting_notes.json");
const ACTION_PLANS: &str = include_str!("../../../seed/demo/action_plans.json");

/// Documents written per transaction.
const BATCH: usize = 250;

/// What to generate.
#[derive(Debug, Clone)]
pub struct BenchSpec {
    pub practices: usize,
    pub users: usize,
    /// The accounts' password; `None` gives each an unusable random one.
    pub password: Option<String>,
}

/// What was generated.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct BenchReport {
    pub practices: usize,
    pub meeting_notes: usize,
    pub action_plans: usize,
    pub translations: usize,
    pub text_bytes: usize,
    pub users: usize,
}

/// A small deterministic generator (SplitMix64): the same entry number gives the same text.
struct Mix(u64);

impl Mix {
    fn new(seed: u64) -> Self {
        Mix(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % n.max(1) as u64).unwrap_or_default()
    }
}

/// Sentences of the demo texts, per language.
struct Corpus(HashMap<String, Vec<String>>);

impl Corpus {
    fn from_templates(templates: &[&Vec<Value>]) -> Self {
        let mut pools: HashMap<String, Vec<String>> = HashMap::new();
        let mut take = |lang: &str, texts: &Value| {
            for value in texts.as_object().into_iter().flat_map(Map::values) {
                let Some(text) = value.as_str() else { continue };
                for sentence in text.split_inclusive(". ") {
                    let sentence = sentence.trim();
                    if sentence.len() > 30 {
                        pools.entry(lang.to_owned()).or_default().push(sentence.to_owned());
                    }
                }
            }
        };
        for entry in templates.iter().flat_map(|t| t.iter()) {
            let lang = entry.get("language").and_then(Value::as_str).unwrap_or(Locale::fallback().as_str());
            if let Some(text) = entry.get("text") {
                take(lang, text);
            }
            for (lang, text) in entry.get("translations").and_then(Value::as_object).into_iter().flatten() {
                take(lang, text);
            }
        }
        Corpus(pools)
    }

    /// About `bytes` bytes of sentences in `lang`, in paragraphs.
    fn paragraphs(&self, lang: &str, bytes: usize, mix: &mut Mix) -> String {
        let Some(pool) = self.0.get(lang).or_else(|| self.0.get(Locale::fallback().as_str())) else {
            return String::new();
        };
        let mut out = String::with_capacity(bytes + 200);
        let mut in_paragraph = 0;
        while out.len() < bytes {
            if in_paragraph == 4 {
                out.push_str("\n\n");
                in_paragraph = 0;
            } else if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&pool[mix.below(pool.len())]);
            in_paragraph += 1;
        }
        out
    }
}

/// Rewrites one language's texts of a practice to `target` bytes: the template's fields in
/// order while they fit, then the description grown from the corpus.
fn practice_texts(template: &Value, lang: &str, n: usize, target: usize, corpus: &Corpus, mix: &mut Mix) -> Value {
    let source = template.as_object().cloned().unwrap_or_default();
    let mut out = Map::new();
    let mut used = 0;
    for (field, value) in &source {
        let Some(text) = value.as_str() else { continue };
        let text = if field == "title" { format!("{text} · {n}") } else { text.to_owned() };
        if field != "title" && used + text.len() > target {
            continue;
        }
        used += text.len();
        out.insert(field.clone(), Value::String(text));
    }
    if used < target {
        let grown = corpus.paragraphs(lang, target - used, mix);
        let description = match out.get("description").and_then(Value::as_str) {
            Some(existing) => format!("{existing}\n\n{grown}"),
            None => grown,
        };
        out.insert("description".into(), Value::String(description));
    }
    Value::Object(out)
}

fn size(texts: &Value) -> usize {
    texts.as_object().into_iter().flat_map(Map::values).filter_map(Value::as_str).map(str::len).sum()
}

fn parse(text: &str, what: &str) -> Result<Vec<Value>, String> {
    serde_json::from_str(text).map_err(|e| format!("demo {what}: {e}"))
}

/// Generates the benchmark content.
pub fn seed(db: &Db, spec: &BenchSpec, now: chrono::DateTime<chrono::Utc>) -> Result<BenchReport, String> {
    let practices = parse(PRACTICES, "practices")?;
    let meeting_notes = parse(MEETING_NOTES, "meeting notes")?;
    let action_plans = parse(ACTION_PLANS, "action plans")?;
    let corpus = Corpus::from_templates(&[&practices, &meeting_notes, &action_plans]);
    let existing = db.read(documents::count).map_err(|e| format!("counting documents: {e}"))?;
    if existing > 0 {
        return Err(format!(
            "this database already holds {existing} document(s); seed-bench only fills a new, empty database"
        ));
    }
    // The writing connection is this command's own; the server keeps SQLite's default.
    db.enlarge_write_cache(256).map_err(|e| e.to_string())?;
    let partners = db.read(partners::list).map_err(|e| e.to_string())?;
    let mut report = BenchReport::default();
    let mut cited = Vec::new();

    let mut n = 0;
    while n < spec.practices {
        let end = (n + BATCH).min(spec.practices);
        let mut batch = Vec::with_capacity(end - n);
        for i in n..end {
            let mut entry = practice(&practices, &corpus, i)?;
            entry.at = spread(now, i, spec.practices);
            batch.push(entry);
        }
        let ids = write_batch(db, Kind::Practice, batch, &mut report)?;
        cited.extend(ids);
        n = end;
    }
    report.practices = spec.practices;

    let notes = spec.practices / 10;
    let plans = spec.practices / 50;
    let mut batch = Vec::new();
    for i in 0..notes {
        let mut entry = meeting_notes[i % meeting_notes.len()].clone();
        retitle(&mut entry, i);
        let mut entry = strip(entry);
        entry.at = spread(now, i, notes);
        batch.push(entry);
        if batch.len() == BATCH || i + 1 == notes {
            write_batch(db, Kind::MeetingNote, std::mem::take(&mut batch), &mut report)?;
        }
    }
    report.meeting_notes = notes;
    for i in 0..plans {
        let mut mix = Mix::new(0xAC7 ^ i as u64);
        let mut entry = action_plans[i % action_plans.len()].clone();
        retitle(&mut entry, i);
        if let Some(actions) = entry.get_mut("actions").and_then(Value::as_array_mut) {
            for action in actions {
                let Some(object) = action.as_object_mut() else { continue };
                object.remove("key");
                let picks: Vec<Value> = (0..2)
                    .filter(|_| !cited.is_empty())
                    .map(|_| Value::String(cited[mix.below(cited.len())].to_string()))
                    .collect();
                object.insert("inspired_by".into(), Value::Array(picks));
            }
        }
        let mut entry = strip(entry);
        entry.at = spread(now, i, plans);
        batch.push(entry);
        if batch.len() == BATCH || i + 1 == plans {
            write_batch(db, Kind::ActionPlan, std::mem::take(&mut batch), &mut report)?;
        }
    }
    report.action_plans = plans;
    report.users = seed_users(db, &partners, spec, now)?;
    // As after any bulk load: the planner's statistics, so the first queries plan as later ones.
    db.analyze().map_err(|e| format!("analysing: {e}"))?;
    Ok(report)
}

/// How long the generated content is spread over: about the project's life so far.
const SPAN_DAYS: i64 = 1_278;

/// The time of entry `n` of `count`, evenly from `SPAN_DAYS` ago until `now`, so that a week
/// holds what a busy week of the project would (about 55 practices in 10,000).
fn spread(now: chrono::DateTime<chrono::Utc>, n: usize, count: usize) -> chrono::DateTime<chrono::Utc> {
    let span = chrono::Duration::days(SPAN_DAYS).num_seconds();
    let back = span - span * i64::try_from(n + 1).unwrap_or(i64::MAX) / i64::try_from(count.max(1)).unwrap_or(1);
    now - chrono::Duration::seconds(back)
}

/// A generated entry: its slug-free fields, partner, status and translations.
struct Entry {
    body: Value,
    /// When it was written: entries are spread over the project's years, oldest first.
    at: chrono::DateTime<chrono::Utc>,
    partner: String,
    status: Status,
    translations: Map<String, Value>,
}

fn retitle(entry: &mut Value, n: usize) {
    if let Some(Value::String(title)) = entry.pointer_mut("/text/title") {
        *title = format!("{title} · {n}");
    }
    if let Some(translations) = entry.get_mut("translations").and_then(Value::as_object_mut) {
        for texts in translations.values_mut() {
            if let Some(Value::String(title)) = texts.get_mut("title") {
                *title = format!("{title} · {n}");
            }
        }
    }
}

fn strip(entry: Value) -> Entry {
    let mut object = match entry {
        Value::Object(object) => object,
        _ => Map::new(),
    };
    let partner = object.remove("partner").and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
    let status = object
        .remove("status")
        .and_then(|v| v.as_str().and_then(|s| Status::parse(s).ok()))
        .unwrap_or(Status::Published);
    let translations = match object.remove("translations") {
        Some(Value::Object(map)) => map,
        _ => Map::new(),
    };
    object.remove("key");
    object.remove("outdated");
    Entry { body: Value::Object(object), at: chrono::DateTime::UNIX_EPOCH, partner, status, translations }
}

fn practice(templates: &[Value], corpus: &Corpus, n: usize) -> Result<Entry, String> {
    let mut mix = Mix::new(n as u64);
    let template = &templates[n % templates.len()];
    let mut entry = strip(template.clone());
    let lang = entry.body.get("language").and_then(Value::as_str).unwrap_or(Locale::fallback().as_str()).to_owned();
    let target = 1024 + mix.below(3 * 1024);
    let text = practice_texts(entry.body.get("text").unwrap_or(&Value::Null), &lang, n, target, corpus, &mut mix);
    entry.body["text"] = text;
    for (tag, texts) in &mut entry.translations {
        let target = 1024 + mix.below(3 * 1024);
        *texts = practice_texts(texts, tag, n, target, corpus, &mut mix);
    }
    // Nine in ten are published; the rest are still being written or reviewed.
    entry.status = match mix.below(20) {
        0 => Status::Draft,
        1 => Status::InReview,
        _ => Status::Published,
    };
    Ok(entry)
}

fn write_batch(db: &Db, kind: Kind, batch: Vec<Entry>, report: &mut BenchReport) -> Result<Vec<DocumentId>, String> {
    let mut bytes = 0;
    let mut translations = 0;
    let ids = db
        .write(|conn| {
            let mut ids = Vec::with_capacity(batch.len());
            let mut partner_cache: HashMap<String, Partner> = HashMap::new();
            for entry in batch {
                let partner = match partner_cache.get(&entry.partner) {
                    Some(p) => p.clone(),
                    None => {
                        let p = partners::find_by_slug(conn, &entry.partner)?
                            .ok_or_else(|| invalid(&entry.partner, "is not a partner"))?;
                        partner_cache.insert(entry.partner.clone(), p.clone());
                        p
                    }
                };
                bytes += entry.body.get("text").map_or(0, size) + entry.translations.values().map(size).sum::<usize>();
                translations += entry.translations.len();
                let seeded = Seeded { kind, partner: &partner, status: entry.status, seed_key: None, at: entry.at };
                let (id, _) =
                    insert_with_translations(conn, &seeded, entry.body, Value::Object(entry.translations), &[])?;
                ids.push(id);
            }
            Ok(ids)
        })
        .map_err(|e| format!("writing {}: {e}", kind.collection()))?;
    report.text_bytes += bytes;
    report.translations += translations;
    Ok(ids)
}

/// Reader accounts `reader-N@bench.example.org`, round the six partners, in each partner's
/// language and zone, with the default weekly digest; one in ten is an editor.
fn seed_users(
    db: &Db,
    partners: &[Partner],
    spec: &BenchSpec,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<usize, String> {
    if spec.users == 0 || partners.is_empty() {
        return Ok(0);
    }
    let secret = spec.password.clone().unwrap_or_else(crate::auth::password::generate);
    // One hash for all: argon2id takes tens of milliseconds by design.
    let hash = crate::auth::password::hash(&secret)?;
    let mut n = 0;
    while n < spec.users {
        let end = (n + 1000).min(spec.users);
        db.write(|conn| {
            for i in n..end {
                let partner = &partners[i % partners.len()];
                let email = format!("reader-{i}@bench.example.org");
                let name = format!("Reader {i}");
                let input = AccountInput {
                    email: &email,
                    display_name: Some(&name),
                    role: if i % 10 == 0 { "editor" } else { "viewer" },
                    locale: None,
                    time_zone: None,
                };
                let new = NewAccount::parse(&input, partner.id, partner.profile.locale, &partner.profile.time_zone)
                    .map_err(StoreError::Domain)?;
                accounts::insert(conn, &new, &hash, false, now)?;
            }
            Ok(())
        })
        .map_err(|e| format!("writing accounts: {e}"))?;
        n = end;
    }
    Ok(spec.users)
}

fn invalid(what: &str, why: &str) -> StoreError {
    StoreError::Corrupt { table: "bench", detail: format!("{what} {why}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mfx_domain::content::{DocumentInput, Texts};

    #[test]
    fn generated_practices_are_valid_and_sized_as_asked() {
        let practices = parse(PRACTICES, "practices").expect("demo practices");
        let corpus = Corpus::from_templates(&[&practices]);
        let mut languages = 0;
        for n in 0..60 {
            let entry = practice(&practices, &corpus, n).expect("generated");
            let original = size(&entry.body["text"]);
            assert!((1024..4096 + 600).contains(&original), "practice {n}: {original} bytes");
            for texts in entry.translations.values() {
                assert!(
                    (1024..4096 + 600).contains(&size(texts)),
                    "practice {n}: translation of {} bytes",
                    size(texts)
                );
                Texts::from_value(Kind::Practice, texts.clone()).expect("translation parses");
            }
            languages += 1 + entry.translations.len();
            let input = DocumentInput::from_value(Kind::Practice, entry.body).expect("parses");
            input.validate().expect("valid");
        }
        assert_eq!(languages, 180, "three languages per practice");
    }

    #[test]
    fn the_same_number_gives_the_same_practice() {
        let practices = parse(PRACTICES, "practices").expect("demo practices");
        let corpus = Corpus::from_templates(&[&practices]);
        let a = practice(&practices, &corpus, 41).expect("generated");
        let b = practice(&practices, &corpus, 41).expect("generated");
        let c = practice(&practices, &corpus, 42).expect("generated");
        assert_eq!(a.body, b.body);
        assert_ne!(a.body["text"], c.body["text"]);
    }
}
