//! Three-way merge of an edit made from an older version. A document (or one translation) is
//! cut into parts — one per field the editor sees; a list is one part — and each part is
//! compared between the version the editor started from (the base, kept as a fingerprint per
//! part), the editor's values and the stored current values: a part only the editor changed
//! takes the editor's value, a part only someone else changed keeps the stored value, and a
//! part both changed differently is a conflict for the editor to settle.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::{BTreeMap, BTreeSet};

/// The parts of a document or translation, by name (`text.title`, `location.city`, `themes`).
pub type Parts = BTreeMap<String, Value>;

/// Lists whose order carries no meaning.
const SETS: &[&str] = &["themes", "target_groups", "instruments"];

/// The parts of a document's stored form. Nested objects (location, evidence, contact) and the
/// texts split into one part per field; a plan's actions and their texts are one part, as they
/// only make sense together.
pub fn document_parts(value: &Value) -> Parts {
    let mut parts = Parts::new();
    let Some(object) = value.as_object() else { return parts };
    for (key, field) in object {
        match (key.as_str(), field) {
            ("text", Value::Object(texts)) => {
                for (name, text) in texts {
                    if name == "actions" && object.contains_key("actions") {
                        continue;
                    }
                    parts.insert(format!("text.{name}"), text.clone());
                }
            }
            ("actions", actions) => {
                let texts = value.get("text").and_then(|t| t.get("actions")).cloned().unwrap_or(Value::Null);
                parts.insert(key.clone(), Value::Array(vec![actions.clone(), texts]));
            }
            (_, Value::Object(fields)) => {
                for (name, inner) in fields {
                    parts.insert(format!("{key}.{name}"), inner.clone());
                }
            }
            _ => {
                parts.insert(key.clone(), field.clone());
            }
        }
    }
    parts
}

/// A document's stored form from its parts (the inverse of [`document_parts`]).
pub fn document_from_parts(parts: &Parts) -> Value {
    let mut object = Map::new();
    for (name, value) in parts {
        if name == "actions" {
            let (actions, texts) = match value {
                Value::Array(pair) if pair.len() == 2 => (pair[0].clone(), pair[1].clone()),
                other => (other.clone(), Value::Null),
            };
            object.insert("actions".into(), actions);
            if !texts.is_null() {
                set_inner(&mut object, "text", "actions", texts);
            }
            continue;
        }
        match name.split_once('.') {
            Some((outer, inner)) => {
                set_inner(&mut object, outer, inner, value.clone());
            }
            None => {
                object.insert(name.clone(), value.clone());
            }
        }
    }
    Value::Object(object)
}

/// Sets `object[outer][inner]`, making `outer` an object if it is not one.
fn set_inner(object: &mut Map<String, Value>, outer: &str, inner: &str, value: Value) {
    let slot = object.entry(outer.to_owned()).or_insert_with(|| Value::Object(Map::new()));
    if !slot.is_object() {
        *slot = Value::Object(Map::new());
    }
    if let Some(map) = slot.as_object_mut() {
        map.insert(inner.to_owned(), value);
    }
}

/// The parts of a translation's texts: one per field, and per field of each plan action
/// (`actions.1.title`).
pub fn translation_parts(texts: &Value) -> Parts {
    let mut parts = Parts::new();
    let Some(object) = texts.as_object() else { return parts };
    for (name, text) in object {
        match text {
            Value::Array(actions) if name == "actions" => {
                for (n, action) in actions.iter().enumerate() {
                    for (field, value) in action.as_object().into_iter().flatten() {
                        parts.insert(format!("actions.{n}.{field}"), value.clone());
                    }
                }
            }
            _ => {
                parts.insert(name.clone(), text.clone());
            }
        }
    }
    parts
}

/// A translation's texts from its parts (the inverse of [`translation_parts`]); a missing
/// text is empty.
pub fn translation_from_parts(parts: &Parts) -> Value {
    let mut object = Map::new();
    for (name, value) in parts {
        let value = if value.is_null() { Value::String(String::new()) } else { value.clone() };
        let mut path = name.splitn(3, '.');
        match (path.next(), path.next().and_then(|n| n.parse::<usize>().ok()), path.next()) {
            (Some("actions"), Some(n), Some(field)) => {
                let slot = object.entry("actions").or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(actions) = slot {
                    while actions.len() <= n {
                        actions.push(Value::Object(Map::new()));
                    }
                    if let Some(action) = actions[n].as_object_mut() {
                        action.insert(field.to_owned(), value);
                    }
                }
            }
            _ => {
                object.insert(name.clone(), value);
            }
        }
    }
    Value::Object(object)
}

/// A part's value as compared: line breaks as `\n`, and lists without meaningful order sorted
/// (themes, target groups, instruments, the practices that inspired an action).
fn normalized(name: &str, value: &Value) -> Value {
    fn line_breaks(value: &Value) -> Value {
        match value {
            Value::String(text) if text.contains('\r') => Value::String(text.replace("\r\n", "\n")),
            Value::Array(items) => Value::Array(items.iter().map(line_breaks).collect()),
            Value::Object(fields) => Value::Object(fields.iter().map(|(k, v)| (k.clone(), line_breaks(v))).collect()),
            other => other.clone(),
        }
    }
    fn sorted(value: &mut Value) {
        if let Value::Array(items) = value {
            items.sort_by_key(ToString::to_string);
        }
    }
    let mut value = line_breaks(value);
    if SETS.contains(&name) {
        sorted(&mut value);
    }
    if name == "actions"
        && let Some(Value::Array(actions)) = value.get_mut(0)
    {
        for action in actions {
            if let Some(inspired) = action.get_mut("inspired_by") {
                sorted(inspired);
            }
        }
    }
    value
}

/// Whether two values of a part mean the same.
pub fn same(name: &str, a: &Value, b: &Value) -> bool {
    normalized(name, a) == normalized(name, b)
}

/// A short, stable fingerprint of a part's value (FNV-1a, 128 bits, of its normalized JSON).
pub fn fingerprint(name: &str, value: &Value) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let text = normalized(name, value).to_string();
    let hash = text.bytes().fold(OFFSET, |hash, byte| (hash ^ u128::from(byte)).wrapping_mul(PRIME));
    format!("{hash:032x}")
}

/// The fingerprints of the parts an editor started from; travels with the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Snapshot(BTreeMap<String, String>);

impl Snapshot {
    pub fn of(parts: &Parts) -> Self {
        Self(parts.iter().map(|(name, value)| (name.clone(), fingerprint(name, value))).collect())
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(&self.0).unwrap_or_default()
    }

    /// A snapshot from a form; anything unreadable is an unknown base.
    pub fn decode(text: &str) -> Self {
        serde_json::from_str(text).map(Self).unwrap_or_default()
    }

    fn matches(&self, name: &str, value: &Value) -> Option<bool> {
        self.0.get(name).map(|print| *print == fingerprint(name, value))
    }
}

/// The outcome of a merge.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    /// The parts to save: the editor's where they changed them, the stored ones elsewhere; a
    /// conflicting part holds the editor's value.
    pub parts: Parts,
    /// Parts both changed, to different values.
    pub conflicts: Vec<String>,
    /// Parts only someone else changed; their value is kept.
    pub kept: Vec<String>,
}

impl Merge {
    pub fn is_clean(&self) -> bool {
        self.conflicts.is_empty()
    }
}

/// Merges the editor's parts (`yours`) into the stored ones (`current`), given the fingerprints
/// of what the editor started from. A part missing from `base` is unknown: it counts as changed
/// by both unless the two sides agree. Parts in `keep_theirs` are ones the editor chose to leave
/// to the other person.
pub fn merge(base: &Snapshot, yours: &Parts, current: &Parts, keep_theirs: &BTreeSet<String>) -> Merge {
    let names: BTreeSet<&String> = yours.keys().chain(current.keys()).collect();
    let mut outcome = Merge { parts: Parts::new(), conflicts: Vec::new(), kept: Vec::new() };
    for name in names {
        let mine = yours.get(name).unwrap_or(&Value::Null);
        let theirs = current.get(name).unwrap_or(&Value::Null);
        let agree = same(name, mine, theirs);
        let i_changed = !keep_theirs.contains(name) && base.matches(name, mine).map_or(!agree, |same| !same);
        let they_changed = base.matches(name, theirs).map_or(!agree, |same| !same);
        let value = if !i_changed || agree {
            if they_changed && !agree {
                outcome.kept.push(name.clone());
            }
            theirs
        } else {
            if they_changed {
                outcome.conflicts.push(name.clone());
            }
            mine
        };
        outcome.parts.insert(name.clone(), value.clone());
    }
    outcome
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn plan() -> Value {
        json!({
            "visibility": "public",
            "themes": ["microcredit", "social_inclusion"],
            "policy_instrument": "ROP",
            "actions": [{"id": "a", "status": "planned", "inspired_by": ["p1", "p2"]}],
            "location": {"country": "FR", "city": "Saint-Denis"},
            "text": {"title": "Plan", "summary": "S", "actions": [{"title": "One"}]}
        })
    }

    #[test]
    fn a_document_splits_into_parts_and_back() {
        let parts = document_parts(&plan());
        let names: Vec<&str> = parts.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "actions",
                "location.city",
                "location.country",
                "policy_instrument",
                "text.summary",
                "text.title",
                "themes",
                "visibility"
            ]
        );
        assert_eq!(document_from_parts(&parts), plan());
    }

    #[test]
    fn a_translation_splits_per_action_field() {
        let texts = json!({"title": "T", "actions": [{"title": "A", "players": "P"}, {"title": "B"}]});
        let parts = translation_parts(&texts);
        assert!(parts.contains_key("actions.1.title") && parts.contains_key("actions.0.players"));
        assert_eq!(translation_from_parts(&parts), texts);
    }

    #[test]
    fn order_of_sets_and_line_endings_do_not_count_as_changes() {
        assert!(same("themes", &json!(["b", "a"]), &json!(["a", "b"])));
        assert!(!same("links", &json!(["b", "a"]), &json!(["a", "b"])));
        assert!(same("text.summary", &json!("a\r\nb"), &json!("a\nb")));
        let reordered = json!([[{"inspired_by": ["p2", "p1"]}], null]);
        assert_eq!(
            fingerprint("actions", &reordered),
            fingerprint("actions", &json!([[{"inspired_by": ["p1", "p2"]}], null]))
        );
    }

    #[test]
    fn each_side_keeps_what_only_it_changed_and_a_shared_change_conflicts() {
        let base = document_parts(&plan());
        let mut theirs = base.clone();
        theirs.insert("text.summary".into(), json!("Their summary"));
        theirs.insert("text.title".into(), json!("Their title"));
        let mut mine = base.clone();
        mine.insert("visibility".into(), json!("partnership"));
        mine.insert("text.title".into(), json!("My title"));
        let outcome = merge(&Snapshot::of(&base), &mine, &theirs, &BTreeSet::new());
        assert_eq!(outcome.conflicts, ["text.title"]);
        assert_eq!(outcome.kept, ["text.summary"]);
        assert_eq!(outcome.parts["visibility"], json!("partnership"));
        assert_eq!(outcome.parts["text.summary"], json!("Their summary"));
        assert_eq!(outcome.parts["text.title"], json!("My title"));

        // Having seen theirs, the editor saves again from it: only what they saw is overwritten.
        let seen = Snapshot::of(&theirs);
        let again = merge(&seen, &outcome.parts, &theirs, &BTreeSet::new());
        assert!(again.is_clean());
        assert_eq!(again.parts["text.title"], json!("My title"));
        assert_eq!(again.parts["text.summary"], json!("Their summary"));
        // A third writer changed the title after that comparison: a conflict again.
        let mut third = theirs.clone();
        third.insert("text.title".into(), json!("Third title"));
        let late = merge(&seen, &outcome.parts, &third, &BTreeSet::new());
        assert_eq!(late.conflicts, ["text.title"]);
        // Choosing theirs keeps whatever is stored.
        let keep = BTreeSet::from(["text.title".to_owned()]);
        let kept = merge(&seen, &outcome.parts, &third, &keep);
        assert!(kept.is_clean());
        assert_eq!(kept.parts["text.title"], json!("Third title"));
    }

    #[test]
    fn an_unknown_base_makes_every_difference_a_conflict() {
        let theirs = document_parts(&plan());
        let mut mine = theirs.clone();
        mine.insert("text.title".into(), json!("Mine"));
        let outcome = merge(&Snapshot::decode("not json"), &mine, &theirs, &BTreeSet::new());
        assert_eq!(outcome.conflicts, ["text.title"]);
        assert!(outcome.kept.is_empty());
    }

    /// One part's three values, picked among a few so that all cases of agreement occur.
    fn triple() -> impl Strategy<Value = (u8, u8, u8)> {
        (0..3u8, 0..3u8, 0..3u8)
    }

    proptest! {
        #[test]
        fn the_merge_follows_the_three_way_table(cases in proptest::collection::vec(triple(), 1..12)) {
            let (mut base, mut mine, mut theirs) = (Parts::new(), Parts::new(), Parts::new());
            for (n, (b, y, c)) in cases.iter().enumerate() {
                let name = format!("text.f{n}");
                base.insert(name.clone(), json!(format!("v{b}")));
                mine.insert(name.clone(), json!(format!("v{y}")));
                theirs.insert(name, json!(format!("v{c}")));
            }
            let outcome = merge(&Snapshot::of(&base), &mine, &theirs, &BTreeSet::new());
            for (n, (b, y, c)) in cases.iter().enumerate() {
                let name = format!("text.f{n}");
                let expected = if y == b { c } else { y };
                prop_assert_eq!(&outcome.parts[&name], &json!(format!("v{expected}")));
                prop_assert_eq!(outcome.conflicts.contains(&name), y != b && c != b && y != c);
                prop_assert_eq!(outcome.kept.contains(&name), y == b && c != b);
            }
            // Unchanged by the editor: the stored document exactly. Unchanged by others: the editor's.
            let untouched = merge(&Snapshot::of(&base), &base, &theirs, &BTreeSet::new());
            prop_assert!(untouched.is_clean());
            prop_assert_eq!(untouched.parts, theirs.clone());
            let alone = merge(&Snapshot::of(&base), &mine, &base, &BTreeSet::new());
            prop_assert!(alone.is_clean());
            prop_assert_eq!(alone.parts, mine);
        }
    }
}
