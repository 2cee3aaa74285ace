//! Guarded writes under contention: eight writers sending the same `If-Match` at once get one
//! 200 and seven 412s, and what is stored is the winner's whole change (child rows included);
//! deactivations and role changes cannot be lost to the account's own saves; the last active
//! administrator stays; calendar feeds and the digest outbox keep one owner.
//!
//! Longer than most files: every guarded resource has its own contention scenario, and they
//! share the helpers that fire concurrent writers.

use crate::documents::{create, french_practice, send_with_etag};
use crate::on_both_databases;
use crate::support::{Reply, TestApp};
use futures_util::future::join_all;
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

const WRITERS: usize = 8;
/// Races per test: a lost update shows in some interleavings only.
const ROUNDS: usize = 3;
const LANGUAGES: [&str; 6] = ["en", "fr", "it", "ro", "sl", "sv"];
const ZONES: [&str; WRITERS] = [
    "Europe/Stockholm",
    "Europe/Rome",
    "Europe/Paris",
    "Europe/Bucharest",
    "Europe/Ljubljana",
    "Europe/Lisbon",
    "Europe/Helsinki",
    "Europe/Vienna",
];
const PARTNERS: [&str; 6] =
    ["bucharest-ilfov", "bologna", "heart-of-slovenia", "orebro", "seine-saint-denis", "yunus-italy"];

/// Sends every body at once with the same `If-Match`.
async fn race(app: &TestApp, method: Method, path: &str, token: &str, etag: &str, bodies: &[Value]) -> Vec<Reply> {
    join_all(bodies.iter().map(|body| send_with_etag(app, method.clone(), path, token, etag, body))).await
}

/// The index of the one writer that got 200 (or `success`); every other one got 412.
fn one_winner(replies: &[Reply], success: StatusCode) -> usize {
    let statuses: Vec<u16> = replies.iter().map(|r| r.status.as_u16()).collect();
    let winners: Vec<usize> = (0..replies.len()).filter(|i| replies[*i].status == success).collect();
    assert_eq!(winners.len(), 1, "exactly one writer wins; statuses {statuses:?}");
    for (i, reply) in replies.iter().enumerate().filter(|(i, _)| *i != winners[0]) {
        assert_eq!(reply.status, StatusCode::PRECONDITION_FAILED, "writer {i}: {}", reply.text);
        reply.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
    }
    winners[0]
}

/// The items of a JSON array in a fixed order, to compare them as sets.
fn sorted(list: &Value) -> Vec<String> {
    let mut items: Vec<String> = list.as_array().expect("a list").iter().map(Value::to_string).collect();
    items.sort_unstable();
    items
}

fn etag_of(reply: &Reply) -> String {
    reply.header("etag").expect("etag").to_owned()
}

async fn account_id(app: &TestApp, token: &str) -> String {
    app.get("/api/v1/me", Some(token)).await.body["id"].as_str().expect("id").to_owned()
}

// ------------------------------------------------------------------------------- accounts

async fn eight_writers_of_an_account_leave_one_whole_change(app: TestApp) {
    let admin = app.admin_token().await;
    let lars = app.user_token("lars@example.se", "orebro", "editor").await;
    let path = format!("/api/v1/users/{}", account_id(&app, &lars).await);
    for round in 0..ROUNDS {
        let before = app.get(&path, Some(&admin)).await;
        let bodies: Vec<Value> = (0..WRITERS)
            .map(|i| {
                json!({
                    "display_name": format!("Lars, round {round}, writer {i}"),
                    "language": LANGUAGES[i % 6],
                    "time_zone": ZONES[i],
                    "role": if i % 2 == 0 { "viewer" } else { "coordinator" },
                    "partner": PARTNERS[i % 6],
                })
            })
            .collect();
        let replies = race(&app, Method::PATCH, &path, &admin, &etag_of(&before), &bodies).await;
        let w = one_winner(&replies, StatusCode::OK);
        let stored = app.get(&path, Some(&admin)).await;
        for field in ["display_name", "language", "time_zone", "role", "partner"] {
            assert_eq!(stored.body[field], bodies[w][field], "round {round}: stored {field}");
            assert_eq!(replies[w].body[field], bodies[w][field], "round {round}: answered {field}");
        }
        assert_eq!(stored.body["version"], before.body["version"].as_i64().expect("version") + 1);
        assert_eq!(etag_of(&replies[w]), etag_of(&stored), "the winner's ETag names what is stored");
    }
}

async fn eight_writers_of_digest_settings_leave_one_whole_change(app: TestApp) {
    let lars = app.user_token("lars@example.se", "orebro", "editor").await;
    for round in 0..ROUNDS {
        let before = app.get("/api/v1/me", Some(&lars)).await;
        let bodies: Vec<Value> = (0..WRITERS)
            .map(|i| {
                json!({
                    "display_name": format!("Lars {round}.{i}"),
                    "digest": {
                        "frequency": if i % 2 == 0 { "daily" } else { "weekly" },
                        "weekday": i % 7 + 1,
                        "hour": 6 + i,
                    },
                })
            })
            .collect();
        let replies = race(&app, Method::PATCH, "/api/v1/me", &lars, &etag_of(&before), &bodies).await;
        let w = one_winner(&replies, StatusCode::OK);
        let stored = app.get("/api/v1/me", Some(&lars)).await;
        assert_eq!(stored.body["display_name"], bodies[w]["display_name"], "round {round}");
        assert_eq!(stored.body["digest"], bodies[w]["digest"], "round {round}");
        assert_eq!(replies[w].body["digest"], bodies[w]["digest"], "round {round}");
        assert_eq!(stored.body["version"], before.body["version"].as_i64().expect("version") + 1);
    }
}

async fn partial_digest_saves_at_once_keep_each_others_fields(app: TestApp) {
    let lars = app.user_token("lars@example.se", "orebro", "editor").await;
    for round in 0..ROUNDS {
        let (frequency, weekday, hour) = (["daily", "off", "weekly"][round], round + 2, round + 10);
        // Three saves without If-Match, each naming one digest field, at the same moment.
        let bodies = [
            json!({ "digest": { "frequency": frequency } }),
            json!({ "digest": { "weekday": weekday } }),
            json!({ "digest": { "hour": hour } }),
        ];
        let replies = join_all(bodies.iter().map(|body| app.patch("/api/v1/me", Some(&lars), body))).await;
        for reply in &replies {
            assert_eq!(reply.status, StatusCode::OK, "{}", reply.text);
        }
        let stored = app.get("/api/v1/me", Some(&lars)).await;
        assert_eq!(
            stored.body["digest"],
            json!({ "frequency": frequency, "weekday": weekday, "hour": hour }),
            "round {round}: each save changed only its own field"
        );
    }
}

/// The account saves its profile again and again, with and without `If-Match`, until told to
/// stop; returns how many saves were answered.
async fn keep_saving(app: &TestApp, token: &str, stop: &std::sync::atomic::AtomicBool) -> usize {
    use std::sync::atomic::Ordering;
    let mut answered = 0;
    let mut etag = app.get("/api/v1/me", Some(token)).await.header("etag").map(str::to_owned);
    while !stop.load(Ordering::SeqCst) {
        let body = json!({ "display_name": format!("Save {answered}"), "time_zone": ZONES[answered % WRITERS] });
        let reply = match (&etag, answered % 2) {
            (Some(tag), 0) => send_with_etag(app, Method::PATCH, "/api/v1/me", token, tag, &body).await,
            _ => app.patch("/api/v1/me", Some(token), &body).await,
        };
        answered += 1;
        match reply.status {
            StatusCode::OK => etag = reply.header("etag").map(str::to_owned),
            StatusCode::PRECONDITION_FAILED => {
                etag = app.get("/api/v1/me", Some(token)).await.header("etag").map(str::to_owned);
            }
            // Signed out by the deactivation.
            StatusCode::UNAUTHORIZED => break,
            other => panic!("a profile save answered {other}: {}", reply.text),
        }
    }
    answered
}

async fn own_profile_saves_never_undo_a_deactivation_or_role_change(app: TestApp) {
    use std::sync::atomic::{AtomicBool, Ordering};
    let admin = app.admin_token().await;
    for round in 0..4 {
        let email = format!("saver{round}@example.se");
        let token = app.user_token(&email, "orebro", "editor").await;
        let path = format!("/api/v1/users/{}", account_id(&app, &token).await);
        let stop = AtomicBool::new(false);
        let admin_side = async {
            // Let the saves get going, then change the role and deactivate in their midst.
            actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
            let demoted = app.patch(&path, Some(&admin), &json!({ "role": "viewer" })).await;
            assert_eq!(demoted.status, StatusCode::OK, "{}", demoted.text);
            assert_eq!(demoted.body["role"], "viewer");
            actix_web::rt::time::sleep(std::time::Duration::from_millis(20)).await;
            let closed = app.post(&format!("{path}/deactivate"), Some(&admin), &json!({})).await;
            assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
            assert_eq!(closed.body["active"], false);
            stop.store(true, Ordering::SeqCst);
        };
        let (saves, ()) = futures_util::future::join(keep_saving(&app, &token, &stop), admin_side).await;
        assert!(saves > 0, "the account saved its profile meanwhile");
        let stored = app.get(&path, Some(&admin)).await;
        assert_eq!(stored.body["role"], "viewer", "round {round}: the role change holds");
        assert_eq!(stored.body["active"], false, "round {round}: the deactivation holds");
        let after = app.patch("/api/v1/me", Some(&token), &json!({ "display_name": "Still here?" })).await;
        after.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated");
        let login = app.login(&email, "a long enough password").await;
        assert_eq!(login.status, StatusCode::UNAUTHORIZED, "round {round}: a deactivated account cannot sign in");
    }
}

// --------------------------------------------------------------------- last administrator

async fn the_last_administrator_cannot_be_demoted(app: TestApp) {
    let admin = app.admin_token().await;
    let me = app.get("/api/v1/me", Some(&admin)).await;
    let path = format!("/api/v1/users/{}", me.body["id"].as_str().expect("id"));
    let refused =
        send_with_etag(&app, Method::PATCH, &path, &admin, &etag_of(&me), &json!({ "role": "coordinator" })).await;
    refused.assert_problem(StatusCode::CONFLICT, "last_administrator");
    assert_eq!(refused.field_errors(), [("role".to_owned(), "last_administrator".to_owned())]);
    let stored = app.get(&path, Some(&admin)).await;
    assert_eq!(stored.body["role"], "admin", "nothing was written");
    assert_eq!(stored.body["version"], me.body["version"]);

    // With a second administrator, one of them may step down; then the other is the last.
    let second = app.user_token("ops@example.org", "orebro", "admin").await;
    let second_path = format!("/api/v1/users/{}", account_id(&app, &second).await);
    let stepped_down = app.patch(&path, Some(&admin), &json!({ "role": "coordinator" })).await;
    assert_eq!(stepped_down.status, StatusCode::OK, "{}", stepped_down.text);
    app.patch(&second_path, Some(&second), &json!({ "role": "editor" }))
        .await
        .assert_problem(StatusCode::CONFLICT, "last_administrator");
    app.patch(&second_path, Some(&second), &json!({ "active": false }))
        .await
        .assert_problem(StatusCode::FORBIDDEN, "forbidden");
    let promoted = app.patch(&path, Some(&second), &json!({ "role": "admin" })).await;
    assert_eq!(promoted.status, StatusCode::OK, "{}", promoted.text);
    // An inactive administrator does not count: closing the other one would leave none.
    let closed = app.post(&format!("{second_path}/deactivate"), Some(&admin), &json!({})).await;
    assert_eq!(closed.status, StatusCode::OK, "{}", closed.text);
    app.patch(&path, Some(&admin), &json!({ "role": "viewer" }))
        .await
        .assert_problem(StatusCode::CONFLICT, "last_administrator");
    // Other changes to the last administrator still go through.
    let renamed = app.patch(&path, Some(&admin), &json!({ "display_name": "The operator", "role": "admin" })).await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.text);
}

async fn two_administrators_removing_each_other_leave_one(app: TestApp) {
    let first = app.admin_token().await;
    let first_id = account_id(&app, &first).await;
    for round in 0..ROUNDS {
        let email = format!("ops{round}@example.org");
        let second = app.user_token(&email, "bologna", "admin").await;
        let second_id = account_id(&app, &second).await;
        // Each removes the other at the same moment: by demotion in even rounds, else by
        // deactivation on one side.
        let (a, b) = if round % 2 == 0 {
            let (one, other) = (json!({ "role": "editor" }), json!({ "role": "editor" }));
            let (one_path, other_path) = (format!("/api/v1/users/{second_id}"), format!("/api/v1/users/{first_id}"));
            futures_util::future::join(
                app.patch(&one_path, Some(&first), &one),
                app.patch(&other_path, Some(&second), &other),
            )
            .await
        } else {
            let (one, other) = (json!({}), json!({ "role": "viewer" }));
            let (one_path, other_path) =
                (format!("/api/v1/users/{second_id}/deactivate"), format!("/api/v1/users/{first_id}"));
            futures_util::future::join(
                app.post(&one_path, Some(&first), &one),
                app.patch(&other_path, Some(&second), &other),
            )
            .await
        };
        let statuses = [a.status, b.status];
        let passed = statuses.iter().filter(|s| **s == StatusCode::OK).count();
        assert_eq!(passed, 1, "round {round}: exactly one of them goes through: {statuses:?}");
        let refused = if a.status == StatusCode::OK { &b } else { &a };
        match refused.status {
            // Refused in the store: the other one's change came first.
            StatusCode::CONFLICT => refused.assert_problem(StatusCode::CONFLICT, "last_administrator"),
            // Or already no administrator (or no account) when the request was authorised.
            StatusCode::FORBIDDEN => refused.assert_problem(StatusCode::FORBIDDEN, "forbidden"),
            StatusCode::UNAUTHORIZED => refused.assert_problem(StatusCode::UNAUTHORIZED, "unauthenticated"),
            other => panic!("round {round}: refused with {other}: {}", refused.text),
        }
        let admins = app.get("/api/v1/users?role=admin&active=true", Some(&first)).await;
        let admins = if admins.status == StatusCode::OK {
            admins
        } else {
            app.get("/api/v1/users?role=admin&active=true", Some(&second)).await
        };
        assert_eq!(admins.body["items"].as_array().map(Vec::len), Some(1), "round {round}: {}", admins.text);
        // Put things back for the next round: whoever is left stays the administrator.
        if a.status != StatusCode::OK {
            // The second administrator removed the first one: restore the first.
            let back =
                app.patch(&format!("/api/v1/users/{first_id}"), Some(&second), &json!({ "role": "admin" })).await;
            assert_eq!(back.status, StatusCode::OK, "{}", back.text);
            let gone =
                app.patch(&format!("/api/v1/users/{second_id}"), Some(&first), &json!({ "role": "editor" })).await;
            assert_eq!(gone.status, StatusCode::OK, "{}", gone.text);
        }
    }
}

// ---------------------------------------------------------------------------- deliverables

async fn eight_writers_of_a_deliverable_leave_one_whole_change(app: TestApp) {
    let coordinator = app.user_token("ana@example.ro", "bucharest-ilfov", "coordinator").await;
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let wp = app
        .post("/api/v1/work-packages", Some(&coordinator), &json!({ "code": "WP1", "titles": {"en": "Exchange"} }))
        .await;
    assert_eq!(wp.status, StatusCode::CREATED, "{}", wp.text);
    let mut documents = Vec::new();
    for i in 0..4 {
        let mut body = french_practice();
        body["text"]["title"] = json!(format!("Pratique {i}"));
        let created = create(&app, &ssd, "practices", &body).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        documents.push(created.body["id"].clone());
    }
    let created = app
        .post(
            "/api/v1/deliverables",
            Some(&coordinator),
            &json!({ "code": "D1.1", "work_package": "WP1", "period": "S2", "titles": {"en": "Report"},
                     "description": "First.", "due_on": "2024-06-30", "partners": ["orebro"] }),
        )
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = created.header("location").expect("location").to_owned();
    for round in 0..ROUNDS {
        let before = app.get(&path, Some(&coordinator)).await;
        let bodies: Vec<Value> = (0..WRITERS)
            .map(|i| {
                let mut partners = vec![PARTNERS[i % 6], PARTNERS[(i + 1) % 6]];
                partners.sort_unstable();
                json!({
                    "titles": {"en": format!("Report {round}.{i}"), "sv": format!("Rapport {round}.{i}")},
                    "description": format!("Writer {i} of round {round}."),
                    "due_on": format!("2024-07-{:02}", i + 1),
                    "partners": partners,
                    "evidence": [documents[i % 4], documents[(i + 2) % 4]],
                })
            })
            .collect();
        let replies = race(&app, Method::PATCH, &path, &coordinator, &etag_of(&before), &bodies).await;
        let w = one_winner(&replies, StatusCode::OK);
        let stored = app.get(&path, Some(&coordinator)).await;
        for field in ["titles", "description", "due_on"] {
            assert_eq!(stored.body[field], bodies[w][field], "round {round}: stored {field}");
            assert_eq!(replies[w].body[field], bodies[w][field], "round {round}: answered {field}");
        }
        for field in ["partners", "evidence"] {
            assert_eq!(sorted(&stored.body[field]), sorted(&bodies[w][field]), "round {round}: stored {field}");
            assert_eq!(sorted(&replies[w].body[field]), sorted(&bodies[w][field]), "round {round}: answered {field}");
        }
        assert_eq!(stored.body["version"], before.body["version"].as_i64().expect("version") + 1);
        assert_eq!(etag_of(&replies[w]), etag_of(&stored));
    }
    // A move and an edit at once: both may go through, but never under the same version.
    for (round, to) in ["in_progress", "submitted", "approved"].into_iter().enumerate() {
        let before = app.get(&path, Some(&coordinator)).await;
        let edit = json!({ "description": format!("Edit {round}") });
        let (moves, move_body, etag) = (format!("{path}/transitions"), json!({ "to": to }), etag_of(&before));
        let (moved, edited) = futures_util::future::join(
            app.post(&moves, Some(&coordinator), &move_body),
            send_with_etag(&app, Method::PATCH, &path, &coordinator, &etag, &edit),
        )
        .await;
        assert_eq!(moved.status, StatusCode::OK, "round {round}: {}", moved.text);
        let stored = app.get(&path, Some(&coordinator)).await;
        assert_eq!(stored.body["status"], to);
        let version = before.body["version"].as_i64().expect("version");
        if edited.status == StatusCode::OK {
            assert_ne!(etag_of(&moved), etag_of(&edited), "round {round}: two changes, two versions");
            assert_eq!(stored.body["version"], version + 2, "round {round}");
            assert_eq!(stored.body["description"], format!("Edit {round}"));
        } else {
            edited.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
            assert_eq!(stored.body["version"], version + 1, "round {round}");
        }
    }
}

// ------------------------------------------------------------------------------- documents

/// Races eight edits of one document, `ROUNDS` times; checks the stored document against the
/// winner's patch with `check`.
async fn race_document_edits(
    app: &TestApp,
    token: &str,
    path: &str,
    patch_for: impl Fn(usize, usize) -> Value,
    check: impl Fn(&Value, &Value, usize),
) {
    for round in 0..ROUNDS {
        let before = app.get(path, Some(token)).await;
        assert_eq!(before.status, StatusCode::OK, "{}", before.text);
        let bodies: Vec<Value> = (0..WRITERS).map(|i| patch_for(round, i)).collect();
        let replies = race(app, Method::PATCH, path, token, &etag_of(&before), &bodies).await;
        let w = one_winner(&replies, StatusCode::OK);
        let stored = app.get(path, Some(token)).await;
        check(&stored.body, &bodies[w], round);
        check(&replies[w].body, &bodies[w], round);
        assert_eq!(stored.body["version"], before.body["version"].as_i64().expect("version") + 1);
        assert_eq!(etag_of(&replies[w]), etag_of(&stored));
    }
}

async fn eight_writers_of_a_practice_leave_one_whole_change(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let created = create(&app, &ssd, "practices", &french_practice()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = created.header("location").expect("location").to_owned();
    let themes = ["microcredit", "social_inclusion", "green_transition", "social_economy"];
    race_document_edits(
        &app,
        &ssd,
        &path,
        |round, i| {
            json!({
                "themes": [themes[i % 4]],
                "start_year": 2010 + i,
                "text": { "title": format!("Microcrédit {round}.{i}"), "summary": format!("Résumé {round}.{i}") },
            })
        },
        |doc, patch, round| {
            assert_eq!(doc["themes"], patch["themes"], "round {round}");
            assert_eq!(doc["details"]["start_year"], patch["start_year"], "round {round}: {doc}");
            assert_eq!(doc["text"]["title"], patch["text"]["title"], "round {round}");
            assert_eq!(doc["text"]["summary"], patch["text"]["summary"], "round {round}");
        },
    )
    .await;
}

async fn eight_writers_of_a_meeting_note_leave_one_set_of_action_items(app: TestApp) {
    let slovenia = app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    let body = json!({
        "language": "en",
        "visibility": "partnership",
        "meeting_type": "interregional_event",
        "starts_at": "2025-05-20T09:00:00",
        "ends_at": "2025-05-21T16:00:00",
        "time_zone": "Europe/Ljubljana",
        "place": "Kamnik, Slovenia",
        "action_items": [{"title": "Share the photos", "assignee": "heart-of-slovenia", "due_on": "2025-06-15"}],
        "text": {"title": "Learning event, Kamnik", "agenda": "1. Welcome", "decisions": "Next in Örebro."}
    });
    let created = create(&app, &slovenia, "meeting-notes", &body).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = created.header("location").expect("location").to_owned();
    race_document_edits(
        &app,
        &slovenia,
        &path,
        |round, i| {
            let items: Vec<Value> = (0..=i % 3)
                .map(|k| {
                    json!({ "title": format!("Item {k} of writer {i}, round {round}"),
                            "assignee": PARTNERS[(i + k) % 6], "due_on": format!("2025-08-{:02}", i + k + 1) })
                })
                .collect();
            json!({ "place": format!("Room {i}"), "action_items": items,
                    "text": { "decisions": format!("Decided by writer {i} in round {round}.") } })
        },
        |doc, patch, round| {
            assert_eq!(doc["details"]["place"], patch["place"], "round {round}: {doc}");
            assert_eq!(doc["text"]["decisions"], patch["text"]["decisions"], "round {round}");
            let stored = doc["action_items"].as_array().expect("items");
            let wanted = patch["action_items"].as_array().expect("items");
            assert_eq!(stored.len(), wanted.len(), "round {round}: {doc}");
            for (s, w) in stored.iter().zip(wanted) {
                for field in ["title", "assignee", "due_on"] {
                    assert_eq!(s[field], w[field], "round {round}: item {field}");
                }
            }
        },
    )
    .await;
}

async fn eight_writers_of_an_action_plan_leave_one_set_of_actions(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let bologna = app.user_token("giulia@example.it", "bologna", "editor").await;
    let mut practices = Vec::new();
    for i in 0..3 {
        let mut body = french_practice();
        body["text"]["title"] = json!(format!("Pratique {i}"));
        let created = create(&app, &ssd, "practices", &body).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        practices.push(created.body["id"].clone());
    }
    let plan = json!({
        "visibility": "partnership",
        "policy_instrument": "PR FSE+ Emilia-Romagna 2021-2027",
        "region": "Emilia-Romagna",
        "actions": [{"status": "planned"}],
        "text": {"title": "Piano d'azione", "summary": "Una azione.", "actions": [{"title": "Sportello unico"}]}
    });
    let created = create(&app, &bologna, "action-plans", &plan).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = created.header("location").expect("location").to_owned();
    race_document_edits(
        &app,
        &bologna,
        &path,
        |round, i| {
            let count = i % 3 + 1;
            let actions: Vec<Value> = (0..count)
                .map(|k| {
                    json!({ "status": if k == 0 { "in_progress" } else { "planned" },
                            "progress_percent": 10 * i + k, "estimated_cost_eur": 1000 * (i + 1) + k,
                            "inspired_by": [practices[(i + k) % 3]] })
                })
                .collect();
            let titles: Vec<Value> =
                (0..count).map(|k| json!({ "title": format!("Azione {k} dello scrittore {i}, giro {round}") })).collect();
            json!({ "actions": actions, "text": { "title": format!("Piano {round}.{i}"), "summary": "Azioni.", "actions": titles } })
        },
        |doc, patch, round| {
            assert_eq!(doc["text"]["title"], patch["text"]["title"], "round {round}");
            let titles = |doc: &Value| -> Vec<Value> {
                doc["text"]["actions"].as_array().expect("actions").iter().map(|a| a["title"].clone()).collect()
            };
            assert_eq!(titles(doc), titles(patch), "round {round}");
            let stored = doc["actions"].as_array().expect("actions");
            let wanted = patch["actions"].as_array().expect("actions");
            assert_eq!(stored.len(), wanted.len(), "round {round}: {doc}");
            for (s, w) in stored.iter().zip(wanted) {
                for field in ["status", "progress_percent", "estimated_cost_eur", "inspired_by"] {
                    assert_eq!(s[field], w[field], "round {round}: action {field}");
                }
            }
        },
    )
    .await;
}

async fn eight_translators_with_one_etag_leave_one_translation(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    let created = create(&app, &ssd, "practices", &french_practice()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let path = created.header("location").expect("location").to_owned();
    let translation = format!("{path}/translations/sv");
    let first = app
        .send_json(
            Method::PUT,
            &translation,
            Some(&ssd),
            &json!({ "text": { "title": "Mikrolån", "summary": "Ett mikrolån." } }),
        )
        .await;
    assert_eq!(first.status, StatusCode::CREATED, "{}", first.text);
    let mut etag = etag_of(&first);
    for round in 0..ROUNDS {
        let bodies: Vec<Value> = (0..WRITERS)
            .map(|i| {
                json!({ "origin": if i % 2 == 0 { "human" } else { "machine" },
                        "text": { "title": format!("Mikrolån {round}.{i}"), "summary": format!("Sammanfattning {round}.{i}") } })
            })
            .collect();
        let replies = race(&app, Method::PUT, &translation, &ssd, &etag, &bodies).await;
        let w = one_winner(&replies, StatusCode::OK);
        let stored = app.get(&format!("{path}/translations"), Some(&ssd)).await;
        let sv = stored.body["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|t| t["language"] == "sv")
            .expect("a Swedish translation")
            .clone();
        assert_eq!(sv["text"]["title"], bodies[w]["text"]["title"], "round {round}: {sv}");
        assert_eq!(sv["text"]["summary"], bodies[w]["text"]["summary"], "round {round}");
        assert_eq!(sv["origin"], bodies[w]["origin"], "round {round}");
        let expected_version = i64::try_from(round).expect("round") + 2;
        assert_eq!(sv["version"], expected_version, "round {round}: one version per change: {sv}");
        etag = etag_of(&replies[w]);
        assert_eq!(etag, format!("\"{expected_version}\""));
    }
}

async fn an_edit_and_a_move_from_one_version_cannot_both_pass(app: TestApp) {
    let ssd = app.user_token("claire@example.fr", "seine-saint-denis", "editor").await;
    for round in 0..ROUNDS {
        let created = create(&app, &ssd, "practices", &french_practice()).await;
        assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
        let path = created.header("location").expect("location").to_owned();
        let etag = etag_of(&created);
        let edit = json!({ "text": { "title": format!("Titre {round}") } });
        let (moves, move_body) = (format!("{path}/transitions"), json!({ "to": "in_review" }));
        let (edited, moved) = futures_util::future::join(
            send_with_etag(&app, Method::PATCH, &path, &ssd, &etag, &edit),
            send_with_etag(&app, Method::POST, &moves, &ssd, &etag, &move_body),
        )
        .await;
        let passed: Vec<&Reply> = [&edited, &moved].into_iter().filter(|r| r.status == StatusCode::OK).collect();
        assert_eq!(passed.len(), 1, "round {round}: edit {} / move {}", edited.text, moved.text);
        let refused = if edited.status == StatusCode::OK { &moved } else { &edited };
        refused.assert_problem(StatusCode::PRECONDITION_FAILED, "stale_version");
        let stored = app.get(&path, Some(&ssd)).await;
        assert_eq!(stored.body["version"], 2, "round {round}");
        // Eight identical moves from one version: one goes through.
        let again = etag_of(&stored);
        let to = if stored.body["status"] == "draft" { "in_review" } else { "draft" };
        let body = json!({ "to": to, "comment": "Round trip." });
        let bodies = vec![body; WRITERS];
        let replies = race(&app, Method::POST, &format!("{path}/transitions"), &ssd, &again, &bodies).await;
        one_winner(&replies, StatusCode::OK);
        assert_eq!(app.get(&path, Some(&ssd)).await.body["status"], to);
    }
}

// --------------------------------------------------------------------------- calendar feeds

async fn eight_new_calendar_feeds_at_once_leave_one_open(app: TestApp) {
    let slovenia = app.user_token("maja@example.si", "heart-of-slovenia", "editor").await;
    for round in 0..ROUNDS {
        let empty = json!({});
        let replies: Vec<Reply> =
            join_all((0..WRITERS).map(|_| app.post("/api/v1/me/calendar", Some(&slovenia), &empty))).await;
        let mut open = 0;
        for reply in &replies {
            assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
            let url = reply.body["url"].as_str().expect("url");
            let path = url.split_once("/calendar/").map(|(_, rest)| format!("/calendar/{rest}")).expect("path");
            if app.get(&path, None).await.status == StatusCode::OK {
                open += 1;
            }
        }
        assert_eq!(open, 1, "round {round}: one calendar address works, the others were ended");
    }
}

// ------------------------------------------------------------------------------ the outbox

async fn a_worker_whose_lease_ran_out_cannot_overwrite_the_outcome(app: TestApp) {
    use chrono::Duration;
    use mfx_store::outbox;
    let lars = app.user_token("lars@example.se", "orebro", "editor").await;
    let lars_id = account_id(&app, &lars).await.parse().expect("uuid");
    let now = app.state.clock.now();
    let lease = Duration::minutes(5);
    let (late, early) = app
        .state
        .db
        .write(|c| {
            outbox::enqueue(c, lars_id, now - Duration::days(7), now, now)?;
            let late = outbox::claim(c, now, now + lease, 10)?;
            // The first worker stalls past its lease; a second takes the row and sends it.
            let later = now + lease + Duration::seconds(1);
            let early = outbox::claim(c, later, later + lease, 10)?;
            Ok((late, early))
        })
        .expect("two claims");
    assert_eq!((late.len(), early.len()), (1, 1));
    assert_eq!(early[0].attempts, late[0].attempts + 1);
    let id = early[0].id.clone();
    let recorded = app.state.db.write(|c| outbox::finish(c, &id, early[0].attempts, "sent", now)).expect("finish");
    assert!(recorded);
    // The stalled worker comes back with a failure: the row stays sent.
    let stale = app
        .state
        .db
        .write(|c| outbox::fail(c, &id, late[0].attempts, "421 timeout", Some(now + Duration::minutes(1))))
        .expect("fail");
    assert!(!stale, "the outcome of a lost claim is not recorded");
    let stale = app.state.db.write(|c| outbox::finish(c, &id, late[0].attempts, "empty", now)).expect("finish");
    assert!(!stale);
    let rows = app.state.db.read(|c| outbox::list(c, None, 10)).expect("list");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].status, "sent");
    assert_eq!(rows[0].last_error, None);
    assert!(rows[0].sent_at.is_some());
    // Nor can the one that recorded it record again.
    let twice = app.state.db.write(|c| outbox::fail(c, &id, early[0].attempts, "late", None)).expect("fail");
    assert!(!twice);
    assert_eq!(app.state.db.read(|c| outbox::list(c, None, 10)).expect("list")[0].status, "sent");
}

on_both_databases!(
    eight_writers_of_an_account_leave_one_whole_change,
    eight_writers_of_digest_settings_leave_one_whole_change,
    partial_digest_saves_at_once_keep_each_others_fields,
    own_profile_saves_never_undo_a_deactivation_or_role_change,
    the_last_administrator_cannot_be_demoted,
    two_administrators_removing_each_other_leave_one,
    eight_writers_of_a_deliverable_leave_one_whole_change,
    eight_writers_of_a_practice_leave_one_whole_change,
    eight_writers_of_a_meeting_note_leave_one_set_of_action_items,
    eight_writers_of_an_action_plan_leave_one_set_of_actions,
    eight_translators_with_one_etag_leave_one_translation,
    an_edit_and_a_move_from_one_version_cannot_both_pass,
    eight_new_calendar_feeds_at_once_leave_one_open,
    a_worker_whose_lease_ran_out_cannot_overwrite_the_outcome,
);
