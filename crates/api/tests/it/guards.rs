//! Guarded writes under contention: eight writers sending the same `If-Match` at once get one
//! 200 and seven 412s, and what is stored is the winner's whole change; deactivations and role
//! changes cannot be lost to the account's own saves; the last active administrator stays.

use crate::documents::send_with_etag;
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

on_both_databases!(
    eight_writers_of_an_account_leave_one_whole_change,
    eight_writers_of_digest_settings_leave_one_whole_change,
    own_profile_saves_never_undo_a_deactivation_or_role_change,
    the_last_administrator_cannot_be_demoted,
    two_administrators_removing_each_other_leave_one,
);
