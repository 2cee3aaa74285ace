//! Micro-benchmarks of the pure functions on hot paths: choosing a text through the fallback
//! chain, Markdown to sanitised HTML, parsing a search, and rendering a digest in the reader's
//! language. Run with `bench/micro`; figures are in docs/performance.md.

use chrono::{DateTime, Duration, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use mfx_api::mail::render;
use mfx_api::markdown::to_html;
use mfx_domain::account::Account;
use mfx_domain::digest::{Change, DigestPrefs, Due, Event, GROUPS, compose};
use mfx_domain::{DisplayName, Email, Locale, PartnerId, PartnerSlug, Role, TimeZone, UserId};
use mfx_i18n::fallback_chain;
use mfx_search::Query as SearchQuery;
use mfx_store::accounts::AccountRecord;
use std::collections::HashMap;
use std::hint::black_box;

/// About 4 KB of a good practice as partners write it.
fn practice_markdown() -> String {
    let paragraph = "The **Örebro microloan guarantee** lets people far from the labour market start a \
                     business: the municipality guarantees *80 %* of a loan of up to 50,000 SEK, \
                     [a local savings bank](https://example.org/bank) lends, and a mentor follows \
                     the first year.\n\n";
    let list = "- 312 loans since 2019\n- 71 % of businesses still active after three years\n- \
                average loan 38,000 SEK\n\n";
    let table = "| Year | Loans | Active |\n|---|---|---|\n| 2022 | 64 | 58 |\n| 2023 | 71 | 66 |\n\n";
    let mut text = String::from("## Context\n\n");
    while text.len() < 4096 {
        text.push_str(paragraph);
        text.push_str(list);
        text.push_str(table);
    }
    text
}

fn reader() -> AccountRecord {
    let now = Utc::now();
    AccountRecord {
        account: Account {
            id: UserId::from_uuid(uuid::Uuid::now_v7()),
            email: Email::parse("lars@example.se").expect("email"),
            display_name: DisplayName::parse("Lars Nilsson").expect("name"),
            partner: PartnerId::from_uuid(uuid::Uuid::now_v7()),
            role: Role::Editor,
            locale: mfx_domain::locale::test_locale("sv"),
            time_zone: TimeZone::parse("Europe/Stockholm").expect("zone"),
            active: true,
            password_change_required: false,
        },
        partner_slug: PartnerSlug::parse("orebro").expect("slug"),
        version: 1,
        created_at: now,
        updated_at: now,
        digest: DigestPrefs::default(),
    }
}

/// A full weekly digest: every section with more than ten items, late and due work.
fn full_week(since: DateTime<Utc>) -> mfx_domain::digest::Digest {
    let events: Vec<Event> = (0..120)
        .map(|i| Event {
            at: since + Duration::minutes(i * 37),
            subject: format!("document:{}", i % 80),
            group: GROUPS[(i % 6) as usize].to_owned(),
            title: format!("Microcrédit solidaire à Saint-Denis, étape {i}"),
            language: (i % 3 == 0).then(|| "fr".to_owned()),
            change: if i % 4 == 0 { Change::DocumentNew } else { Change::DocumentUpdated },
        })
        .collect();
    let due: Vec<Due> = (0..8)
        .map(|i| Due {
            subject: format!("deliverable:{i}"),
            title: format!("D{i}.1 Regional report"),
            due_on: (since + Duration::days(i)).date_naive(),
            overdue: i < 3,
        })
        .collect();
    compose(&events, &due, 10)
}

fn benches(c: &mut Criterion) {
    let texts: HashMap<Locale, String> = [
        (mfx_domain::locale::test_locale("fr"), "Microcrédit"),
        (mfx_domain::locale::test_locale("en"), "Microcredit"),
        (mfx_domain::locale::test_locale("it"), "Microcredito"),
    ]
    .into_iter()
    .map(|(l, t)| (l, t.to_owned()))
    .collect();
    c.bench_function("fallback: choose the text for each of six languages", |b| {
        b.iter(|| {
            for requested in Locale::all() {
                let chosen = fallback_chain(black_box(requested), mfx_domain::locale::test_locale("fr"))
                    .into_iter()
                    .find_map(|l| texts.get(&l));
                black_box(chosen);
            }
        });
    });

    let markdown = practice_markdown();
    c.bench_function("markdown: 4 KB practice to sanitised HTML", |b| b.iter(|| to_html(black_box(&markdown))));

    c.bench_function("search: parse a query", |b| {
        b.iter(|| SearchQuery::parse(black_box("Mikrolån för kvinnor, «garantie» & microcrédit OR NEAR(x)")))
    });

    let since = Utc::now() - Duration::days(7);
    let digest = full_week(since);
    let lars = reader();
    c.bench_function("digest: compose a week of 120 events", |b| b.iter(|| full_week(black_box(since))));
    c.bench_function("digest: render text and HTML in Swedish", |b| {
        b.iter(|| {
            render(
                black_box(&digest),
                &lars,
                since,
                "https://exchange.example.org",
                "https://exchange.example.org/unsubscribe/x",
            )
        })
    });
}

criterion_group!(hot_paths, benches);
criterion_main!(hot_paths);
