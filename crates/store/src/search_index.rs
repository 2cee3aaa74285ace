//! Full-text search over every text of every document. SQLite: FTS5 with accent-insensitive
//! tokens and prefix matching (it has no stemmers for these languages). PostgreSQL: a
//! tsvector per text with the text search configuration of its language (the stemmer the
//! language registry names for it, such as `german`; `simple` for a language without one, or
//! when the server lacks the configuration). Text is folded (accents removed) before it is indexed and
//! queried, so both backends treat "microcrédit" and "microcredit" alike.

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Text};
use mfx_domain::Locale;
use mfx_domain::content::Texts;
use mfx_domain::document::DocumentId;
use mfx_domain::locale::SIMPLE_SEARCH;
use mfx_domain::policy::ReadScope;
use mfx_domain::search::{SearchQuery, fold};
use std::collections::HashSet;
use std::sync::OnceLock;

/// The text search configurations this PostgreSQL server has, read from `pg_ts_config` once
/// (the built-in configurations are the same in every database of a server, so once per
/// process serves every pool).
static PG_CONFIGS: OnceLock<HashSet<String>> = OnceLock::new();

#[derive(QueryableByName)]
struct ConfigName {
    #[diesel(sql_type = Text)]
    cfgname: String,
}

fn pg_configs(c: &mut diesel::PgConnection) -> Result<&'static HashSet<String>, StoreError> {
    if let Some(found) = PG_CONFIGS.get() {
        return Ok(found);
    }
    let rows: Vec<ConfigName> = diesel::sql_query("SELECT cfgname::text AS cfgname FROM pg_ts_config").load(c)?;
    Ok(PG_CONFIGS.get_or_init(|| rows.into_iter().map(|r| r.cfgname).collect()))
}

/// The PostgreSQL text search configuration for a language: its stemmer's (the registry's
/// table) when the server has it, `simple` otherwise.
pub fn pg_config(c: &mut diesel::PgConnection, locale: Locale) -> Result<&'static str, StoreError> {
    let wanted = locale.search_config();
    Ok(if pg_configs(c)?.contains(wanted) { wanted } else { SIMPLE_SEARCH })
}

/// Every configuration a text of a loaded language may be indexed with, for the query.
fn pg_query_configs(c: &mut diesel::PgConnection) -> Result<Vec<&'static str>, StoreError> {
    let mut configs = vec![SIMPLE_SEARCH];
    for locale in Locale::all() {
        let config = pg_config(c, locale)?;
        if !configs.contains(&config) {
            configs.push(config);
        }
    }
    Ok(configs)
}

/// Indexes (or re-indexes) one text of a document.
pub fn put(conn: &mut DbConnection, id: DocumentId, locale: Locale, texts: &Texts) -> Result<(), StoreError> {
    let key = id.to_string();
    let title = texts.title().to_owned();
    let content = texts.plain_content();
    match conn {
        DbConnection::Sqlite(c) => {
            // Each text keeps one row number, so its old entry is found without a scan.
            diesel::sql_query("INSERT INTO search_keys (document_id, locale) VALUES (?, ?) ON CONFLICT DO NOTHING")
                .bind::<Text, _>(&key)
                .bind::<Text, _>(locale.as_str())
                .execute(c)?;
            let row: RowId = diesel::sql_query("SELECT id FROM search_keys WHERE document_id = ? AND locale = ?")
                .bind::<Text, _>(&key)
                .bind::<Text, _>(locale.as_str())
                .get_result(c)?;
            diesel::sql_query("DELETE FROM search_fts WHERE rowid = ?").bind::<BigInt, _>(row.id).execute(c)?;
            diesel::sql_query(
                "INSERT INTO search_fts (rowid, document_id, locale, title, content) VALUES (?, ?, ?, ?, ?)",
            )
            .bind::<BigInt, _>(row.id)
            .bind::<Text, _>(&key)
            .bind::<Text, _>(locale.as_str())
            .bind::<Text, _>(&title)
            .bind::<Text, _>(&content)
            .execute(c)?;
        }
        DbConnection::Pg(c) => {
            let config = pg_config(c, locale)?;
            diesel::sql_query(
                "INSERT INTO search_index (document_id, locale, config, title, content, tsv) \
                 VALUES ($1, $2, $3, $4, $5, setweight(to_tsvector($3::regconfig, $6), 'A') || setweight(to_tsvector($3::regconfig, $7), 'B')) \
                 ON CONFLICT (document_id, locale) DO UPDATE SET config = EXCLUDED.config, title = EXCLUDED.title, \
                 content = EXCLUDED.content, tsv = EXCLUDED.tsv",
            )
            .bind::<Text, _>(&key)
            .bind::<Text, _>(locale.as_str())
            .bind::<Text, _>(config)
            .bind::<Text, _>(&title)
            .bind::<Text, _>(&content)
            .bind::<Text, _>(fold(&title))
            .bind::<Text, _>(fold(&content))
            .execute(c)?;
        }
    }
    Ok(())
}

#[derive(QueryableByName)]
struct RowId {
    #[diesel(sql_type = BigInt)]
    id: i64,
}

/// A document that matched, in the language it matched in.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub document: DocumentId,
    pub locale: Locale,
    /// Higher is better.
    pub score: f64,
    /// A passage of the matching text.
    pub snippet: String,
}

#[derive(QueryableByName)]
struct HitRow {
    #[diesel(sql_type = Text)]
    document_id: String,
    #[diesel(sql_type = Text)]
    locale: String,
    #[diesel(sql_type = Double)]
    score: f64,
    #[diesel(sql_type = Text)]
    snippet: String,
}

/// The scope as SQL over `d` (documents), with the partner to bind if any.
fn scope_sql(scope: ReadScope, placeholder: &str) -> (String, Option<String>) {
    match scope {
        ReadScope::PublishedPublic => ("d.status = 'published' AND d.visibility = 'public'".into(), None),
        ReadScope::Member { partner } => (
            format!("(d.status IN ('published', 'archived') OR d.partner_id = {placeholder})"),
            Some(partner.to_string()),
        ),
        ReadScope::Everything => ("1 = 1".into(), None),
    }
}

#[derive(QueryableByName)]
struct Ranked {
    #[diesel(sql_type = BigInt)]
    rid: i64,
    #[diesel(sql_type = Double)]
    score: f64,
}

#[derive(QueryableByName)]
struct Readable {
    #[diesel(sql_type = BigInt)]
    id: i64,
    #[diesel(sql_type = Text)]
    document_id: String,
    #[diesel(sql_type = Text)]
    locale: String,
}

#[derive(QueryableByName)]
struct Snippet {
    #[diesel(sql_type = BigInt)]
    rid: i64,
    #[diesel(sql_type = Text)]
    snippet: String,
}

fn placeholders(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// SQLite: rank the matches in the full-text index alone (reading no stored text), then check
/// the best ones against the reader's scope a chunk at a time until `limit` documents are
/// found, and cut passages only for those. Reading each match's stored columns or joining
/// every match to its document costs far more than ranking when a word is common.
fn sqlite_search(
    c: &mut diesel::SqliteConnection,
    query: &SearchQuery,
    scope: ReadScope,
    kind_filter: &str,
    limit: i64,
) -> Result<Vec<HitRow>, StoreError> {
    // Each round ranks the matches again, so the chunk grows fourfold: a word whose matches are
    // mostly hidden from this reader costs a few rounds, not one per chunk.
    let mut chunk = limit.saturating_mul(10).max(200);
    let wanted = usize::try_from(limit).unwrap_or(0);
    let (scope_sql, partner) = scope_sql(scope, "?");
    let mut chosen: Vec<(i64, String, String, f64)> = Vec::new();
    let mut offset = 0;
    while chosen.len() < wanted {
        let ranked: Vec<Ranked> = diesel::sql_query(
            "SELECT rowid AS rid, -bm25(search_fts, 0.0, 0.0, 10.0, 1.0) AS score FROM search_fts \
             WHERE search_fts MATCH ? ORDER BY score DESC LIMIT ? OFFSET ?",
        )
        .bind::<Text, _>(query.fts5())
        .bind::<BigInt, _>(chunk)
        .bind::<BigInt, _>(offset)
        .load(c)?;
        if ranked.is_empty() {
            break;
        }
        let sql = format!(
            "SELECT k.id AS id, k.document_id AS document_id, k.locale AS locale FROM search_keys k \
             JOIN documents d ON d.id = k.document_id WHERE k.id IN ({}) AND {scope_sql}{kind_filter}",
            placeholders(ranked.len())
        );
        let mut q = diesel::sql_query(sql).into_boxed();
        for row in &ranked {
            q = q.bind::<BigInt, _>(row.rid);
        }
        if let Some(p) = &partner {
            q = q.bind::<Text, _>(p.clone());
        }
        let readable: Vec<Readable> = q.load(c)?;
        for row in &ranked {
            let Some(found) = readable.iter().find(|r| r.id == row.rid) else { continue };
            if chosen.iter().any(|(_, document, _, _)| *document == found.document_id) {
                continue;
            }
            chosen.push((row.rid, found.document_id.clone(), found.locale.clone(), row.score));
            if chosen.len() == wanted {
                break;
            }
        }
        if (ranked.len() as i64) < chunk {
            break;
        }
        offset += chunk;
        chunk = chunk.saturating_mul(4);
    }
    if chosen.is_empty() {
        return Ok(Vec::new());
    }
    // The stored text of the chosen rows, read by rowid; FTS5's snippet() would evaluate the
    // whole match again for each row, which costs as much as the search when words are common.
    let sql = format!(
        "SELECT rowid AS rid, content AS snippet FROM search_fts WHERE rowid IN ({})",
        placeholders(chosen.len())
    );
    let mut q = diesel::sql_query(sql).into_boxed();
    for (rid, ..) in &chosen {
        q = q.bind::<BigInt, _>(*rid);
    }
    let texts: Vec<Snippet> = q.load(c)?;
    Ok(chosen
        .into_iter()
        .map(|(rid, document_id, locale, score)| HitRow {
            document_id,
            locale,
            score,
            snippet: texts.iter().find(|s| s.rid == rid).map(|s| query.snippet(&s.snippet, 16)).unwrap_or_default(),
        })
        .collect())
}

/// The best matches the scope may read, one per document, best first.
pub fn search(
    conn: &mut DbConnection,
    query: &SearchQuery,
    scope: ReadScope,
    kind: Option<&str>,
    limit: i64,
) -> Result<Vec<Hit>, StoreError> {
    let kind_filter = kind.map(|k| format!(" AND d.kind = '{}'", k.replace('\'', ""))).unwrap_or_default();
    let rows: Vec<HitRow> = match conn {
        DbConnection::Sqlite(c) => sqlite_search(c, query, scope, &kind_filter, limit)?,
        DbConnection::Pg(c) => {
            // Rank every match, keep each document's best text, and only then read the text of
            // the rows returned, for their passages.
            let (scope, partner) = scope_sql(scope, "$3");
            // The names come from the registry's table, checked against pg_ts_config.
            let configs = pg_query_configs(c)?.iter().map(|cfg| format!("('{cfg}')")).collect::<Vec<_>>().join(", ");
            let sql = format!(
                "WITH q AS (SELECT cfg, to_tsquery(cfg::regconfig, $1) AS query \
                            FROM (VALUES {configs}) AS c (cfg)), \
                 matches AS (SELECT s.document_id, s.locale, ts_rank(s.tsv, q.query)::float8 AS score \
                             FROM search_index s JOIN q ON q.cfg = s.config JOIN documents d ON d.id = s.document_id \
                             WHERE s.tsv @@ q.query AND {scope}{kind_filter}), \
                 best AS (SELECT DISTINCT ON (document_id) document_id, locale, score FROM matches \
                          ORDER BY document_id, score DESC) \
                 SELECT b.document_id, b.locale, b.score, s.content AS snippet \
                 FROM (SELECT * FROM best ORDER BY score DESC, document_id LIMIT $2) b \
                 JOIN search_index s ON s.document_id = b.document_id AND s.locale = b.locale \
                 ORDER BY b.score DESC, b.document_id"
            );
            let q = diesel::sql_query(sql).into_boxed().bind::<Text, _>(query.tsquery()).bind::<BigInt, _>(limit);
            let q = match partner {
                Some(p) => q.bind::<Text, _>(p),
                None => q,
            };
            let rows: Vec<HitRow> = q.load(c)?;
            rows.into_iter().map(|row| HitRow { snippet: query.snippet(&row.snippet, 16), ..row }).collect()
        }
    };
    let mut hits: Vec<Hit> = Vec::new();
    for row in rows {
        let document: DocumentId = row.document_id.parse().map_err(|e| corrupt("search", e))?;
        if hits.iter().any(|h| h.document == document) {
            continue;
        }
        hits.push(Hit {
            document,
            locale: row.locale.parse().map_err(|e| corrupt("search", e))?,
            score: row.score,
            snippet: row.snippet.split_whitespace().collect::<Vec<_>>().join(" "),
        });
        if hits.len() as i64 >= limit {
            break;
        }
    }
    Ok(hits)
}
