//! Full-text search over every text of every document. SQLite: FTS5 with accent-insensitive
//! tokens and prefix matching (it has no stemmers for these languages). PostgreSQL: a
//! tsvector per text with the text search configuration of its language (stemming for en, fr,
//! it, ro, sv; `simple` for sl). Text is folded (accents removed) before it is indexed and
//! queried, so both backends treat "microcrédit" and "microcredit" alike.

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Double, Text};
use mfx_domain::Locale;
use mfx_domain::content::Texts;
use mfx_domain::document::DocumentId;
use mfx_domain::policy::ReadScope;
use mfx_domain::search::{SearchQuery, fold};

/// The PostgreSQL text search configuration for a language.
pub fn pg_config(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "english",
        Locale::Fr => "french",
        Locale::It => "italian",
        Locale::Ro => "romanian",
        Locale::Sv => "swedish",
        Locale::Sl => "simple",
    }
}

/// Indexes (or re-indexes) one text of a document.
pub fn put(conn: &mut DbConnection, id: DocumentId, locale: Locale, texts: &Texts) -> Result<(), StoreError> {
    let key = id.to_string();
    let title = texts.title().to_owned();
    let content = texts.plain_content();
    match conn {
        DbConnection::Sqlite(c) => {
            diesel::sql_query("DELETE FROM search_fts WHERE document_id = ? AND locale = ?")
                .bind::<Text, _>(&key)
                .bind::<Text, _>(locale.as_str())
                .execute(c)?;
            diesel::sql_query("INSERT INTO search_fts (document_id, locale, title, content) VALUES (?, ?, ?, ?)")
                .bind::<Text, _>(&key)
                .bind::<Text, _>(locale.as_str())
                .bind::<Text, _>(&title)
                .bind::<Text, _>(&content)
                .execute(c)?;
        }
        DbConnection::Pg(c) => {
            diesel::sql_query(
                "INSERT INTO search_index (document_id, locale, config, title, content, tsv) \
                 VALUES ($1, $2, $3, $4, $5, setweight(to_tsvector($3::regconfig, $6), 'A') || setweight(to_tsvector($3::regconfig, $7), 'B')) \
                 ON CONFLICT (document_id, locale) DO UPDATE SET config = EXCLUDED.config, title = EXCLUDED.title, \
                 content = EXCLUDED.content, tsv = EXCLUDED.tsv",
            )
            .bind::<Text, _>(&key)
            .bind::<Text, _>(locale.as_str())
            .bind::<Text, _>(pg_config(locale))
            .bind::<Text, _>(&title)
            .bind::<Text, _>(&content)
            .bind::<Text, _>(fold(&title))
            .bind::<Text, _>(fold(&content))
            .execute(c)?;
        }
    }
    Ok(())
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

/// The best matches the scope may read, one per document, best first.
pub fn search(
    conn: &mut DbConnection,
    query: &SearchQuery,
    scope: ReadScope,
    kind: Option<&str>,
    limit: i64,
) -> Result<Vec<Hit>, StoreError> {
    // Several languages of one document may match: fetch extra rows, keep each document's best.
    let fetch = limit.saturating_mul(6).min(600);
    let kind_filter = kind.map(|k| format!(" AND d.kind = '{}'", k.replace('\'', ""))).unwrap_or_default();
    let rows: Vec<HitRow> = match conn {
        DbConnection::Sqlite(c) => {
            let (scope, partner) = scope_sql(scope, "?");
            let sql = format!(
                "SELECT f.document_id AS document_id, f.locale AS locale, -bm25(search_fts, 0.0, 0.0, 10.0, 1.0) AS score, \
                 snippet(search_fts, 3, '', '', ' … ', 16) AS snippet \
                 FROM search_fts f JOIN documents d ON d.id = f.document_id \
                 WHERE search_fts MATCH ? AND {scope}{kind_filter} ORDER BY score DESC LIMIT ?"
            );
            let q = diesel::sql_query(sql).into_boxed().bind::<Text, _>(query.fts5());
            let q = match partner {
                Some(p) => q.bind::<Text, _>(p),
                None => q,
            };
            q.bind::<BigInt, _>(fetch).load(c)?
        }
        DbConnection::Pg(c) => {
            let (scope, partner) = scope_sql(scope, "$3");
            let sql = format!(
                "WITH q AS (SELECT cfg, to_tsquery(cfg::regconfig, $1) AS query \
                            FROM (VALUES ('english'), ('french'), ('italian'), ('romanian'), ('swedish'), ('simple')) AS c (cfg)), \
                 best AS (SELECT s.document_id, s.locale, s.config, s.content, q.query, ts_rank(s.tsv, q.query)::float8 AS score \
                          FROM search_index s JOIN q ON q.cfg = s.config JOIN documents d ON d.id = s.document_id \
                          WHERE s.tsv @@ q.query AND {scope}{kind_filter} ORDER BY score DESC LIMIT $2) \
                 SELECT document_id, locale, score, \
                        ts_headline(config::regconfig, content, query, 'MaxWords=24, MinWords=10, StartSel=\"\", StopSel=\"\"') AS snippet \
                 FROM best ORDER BY score DESC"
            );
            let q = diesel::sql_query(sql).into_boxed().bind::<Text, _>(query.tsquery()).bind::<BigInt, _>(fetch);
            let q = match partner {
                Some(p) => q.bind::<Text, _>(p),
                None => q,
            };
            q.load(c)?
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
