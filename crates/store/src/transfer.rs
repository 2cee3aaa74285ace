//! Moving a whole partnership between databases: every table that holds the partnership's
//! work, read as rows of plain JSON values in a form that is the same on SQLite and PostgreSQL
//! (times as `YYYY-MM-DDTHH:MM:SS.ffffff`, truth values as `true`/`false`, rows in the order
//! of their keys), and written back into an empty database. What is secret or only serves the
//! running platform stays out: password hashes, sessions and their tokens, sign-in records,
//! calendar and unsubscribe tokens, the digest outbox, the change log.
//!
//! Longer than most files: most of it is [`TABLES`], the list of every exported column, kept
//! beside the code that reads and writes them (a test compares it with the schema).

use crate::db::DbConnection;
use crate::error::{StoreError, corrupt};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::sql_types::{Binary, Text};
use serde_json::{Map, Value};

/// How a column's values are written in an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Int,
    Bool,
    Date,
    Timestamp,
    /// File contents: kept beside the rows, not in them.
    Binary,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub kind: Kind,
    pub nullable: bool,
}

/// A table of the export, with the columns it carries.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    pub key: &'static [&'static str],
    pub columns: &'static [Column],
}

/// Every exported table, in an order that creates what a row points at before the row.
pub const TABLES: &[Table] = &[
    Table {
        name: "project",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Int, nullable: false },
            Column { name: "acronym", kind: Kind::Text, nullable: false },
            Column { name: "title_en", kind: Kind::Text, nullable: false },
            Column { name: "programme", kind: Kind::Text, nullable: false },
            Column { name: "starts_on", kind: Kind::Date, nullable: false },
            Column { name: "ends_on", kind: Kind::Date, nullable: false },
            Column { name: "working_language", kind: Kind::Text, nullable: false },
            Column { name: "budget_eur", kind: Kind::Int, nullable: true },
            Column { name: "erdf_eur", kind: Kind::Int, nullable: true },
            Column { name: "locales", kind: Kind::Text, nullable: false },
            Column { name: "updated_at", kind: Kind::Timestamp, nullable: false },
        ],
    },
    Table {
        name: "partners",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Text, nullable: false },
            Column { name: "slug", kind: Kind::Text, nullable: false },
            Column { name: "kind", kind: Kind::Text, nullable: false },
            Column { name: "short_name", kind: Kind::Text, nullable: false },
            Column { name: "name_en", kind: Kind::Text, nullable: false },
            Column { name: "name_local", kind: Kind::Text, nullable: false },
            Column { name: "country", kind: Kind::Text, nullable: false },
            Column { name: "region", kind: Kind::Text, nullable: false },
            Column { name: "region_names", kind: Kind::Text, nullable: false },
            Column { name: "locale", kind: Kind::Text, nullable: false },
            Column { name: "time_zone", kind: Kind::Text, nullable: false },
            Column { name: "position", kind: Kind::Int, nullable: false },
            Column { name: "created_at", kind: Kind::Timestamp, nullable: false },
            Column { name: "updated_at", kind: Kind::Timestamp, nullable: false },
        ],
    },
    Table {
        name: "users",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Text, nullable: false },
            Column { name: "email", kind: Kind::Text, nullable: false },
            Column { name: "display_name", kind: Kind::Text, nullable: false },
            Column { name: "partner_id", kind: Kind::Text, nullable: false },
            Column { name: "role", kind: Kind::Text, nullable: false },
            Column { name: "locale", kind: Kind::Text, nullable: false },
            Column { name: "time_zone", kind: Kind::Text, nullable: false },
            Column { name: "active", kind: Kind::Bool, nullable: false },
            Column { name: "version", kind: Kind::Int, nullable: false },
            Column { name: "created_at", kind: Kind::Timestamp, nullable: false },
            Column { name: "updated_at", kind: Kind::Timestamp, nullable: false },
            Column { name: "digest_frequency", kind: Kind::Text, nullable: false },
            Column { name: "digest_weekday", kind: Kind::Int, nullable: false },
            Column { name: "digest_hour", kind: Kind::Int, nullable: false },
        ],
    },
    Table {
        name: "account_erasures",
        key: &["user_id"],
        columns: &[
            Column { name: "user_id", kind: Kind::Text, nullable: false },
            Column { name: "requested_at", kind: Kind::Timestamp, nullable: true },
            Column { name: "erased_at", kind: Kind::Timestamp, nullable: true },
        ],
    },
    Table {
        name: "documents",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Text, nullable: false },
            Column { name: "kind", kind: Kind::Text, nullable: false },
            Column { name: "partner_id", kind: Kind::Text, nullable: false },
            Column { name: "original_locale", kind: Kind::Text, nullable: false },
            Column { name: "status", kind: Kind::Text, nullable: false },
            Column { name: "visibility", kind: Kind::Text, nullable: false },
            Column { name: "version", kind: Kind::Int, nullable: false },
            Column { name: "content_version", kind: Kind::Int, nullable: false },
            Column { name: "details", kind: Kind::Text, nullable: false },
            Column { name: "created_by", kind: Kind::Text, nullable: true },
            Column { name: "created_at", kind: Kind::Timestamp, nullable: false },
            Column { name: "updated_at", kind: Kind::Timestamp, nullable: false },
            Column { name: "published_at", kind: Kind::Timestamp, nullable: true },
            Column { name: "seed_key", kind: Kind::Text, nullable: true },
        ],
    },
    Table {
        name: "document_themes",
        key: &["document_id", "theme"],
        columns: &[
            Column { name: "document_id", kind: Kind::Text, nullable: false },
            Column { name: "theme", kind: Kind::Text, nullable: false },
        ],
    },
    Table {
        name: "document_texts",
        key: &["document_id", "locale"],
        columns: &[
            Column { name: "document_id", kind: Kind::Text, nullable: false },
            Column { name: "locale", kind: Kind::Text, nullable: false },
            Column { name: "origin", kind: Kind::Text, nullable: false },
            Column { name: "source_version", kind: Kind::Int, nullable: false },
            Column { name: "version", kind: Kind::Int, nullable: false },
            Column { name: "title", kind: Kind::Text, nullable: false },
            Column { name: "fields", kind: Kind::Text, nullable: false },
            Column { name: "updated_by", kind: Kind::Text, nullable: true },
            Column { name: "created_at", kind: Kind::Timestamp, nullable: false },
            Column { name: "updated_at", kind: Kind::Timestamp, nullable: false },
        ],
    },
    Table {
        name: "document_revisions",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Text, nullable: false },
            Column { name: "document_id", kind: Kind::Text, nullable: false },
            Column { name: "version", kind: Kind::Int, nullable: false },
            Column { name: "actor_id", kind: Kind::Text, nullable: true },
            Column { name: "at", kind: Kind::Timestamp, nullable: false },
            Column { name: "action", kind: Kind::Text, nullable: false },
            Column { name: "locale", kind: Kind::Text, nullable: true },
            Column { name: "changes", kind: Kind::Text, nullable: false },
            Column { name: "comment", kind: Kind::Text, nullable: true },
        ],
    },
    Table {
        name: "document_drafts",
        key: &["document_id"],
        columns: &[
            Column { name: "document_id", kind: Kind::Text, nullable: false },
            Column { name: "status", kind: Kind::Text, nullable: false },
            Column { name: "content", kind: Kind::Text, nullable: false },
            Column { name: "changed", kind: Kind::Text, nullable: false },
            Column { name: "created_by", kind: Kind::Text, nullable: true },
            Column { name: "updated_by", kind: Kind::Text, nullable: true },
            Column { name: "created_at", kind: Kind::Timestamp, nullable: false },
            Column { name: "updated_at", kind: Kind::Timestamp, nullable: false },
        ],
    },
    Table {
        name: "pending_translations",
        key: &["document_id", "locale"],
        columns: &[
            Column { name: "document_id", kind: Kind::Text, nullable: false },
            Column { name: "locale", kind: Kind::Text, nullable: false },
            Column { name: "origin", kind: Kind::Text, nullable: false },
            Column { name: "source_version", kind: Kind::Int, nullable: false },
            Column { name: "title", kind: Kind::Text, nullable: false },
            Column { name: "fields", kind: Kind::Text, nullable: false },
            Column { name: "submitted_by", kind: Kind::Text, nullable: true },
            Column { name: "submitted_at", kind: Kind::Timestamp, nullable: false },
        ],
    },
    Table {
        name: "attachments",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Text, nullable: false },
            Column { name: "document_id", kind: Kind::Text, nullable: false },
            Column { name: "filename", kind: Kind::Text, nullable: false },
            Column { name: "content_type", kind: Kind::Text, nullable: false },
            Column { name: "size_bytes", kind: Kind::Int, nullable: false },
            Column { name: "sha256", kind: Kind::Text, nullable: false },
            Column { name: "data", kind: Kind::Binary, nullable: false },
            Column { name: "uploaded_by", kind: Kind::Text, nullable: true },
            Column { name: "created_at", kind: Kind::Timestamp, nullable: false },
            Column { name: "pending_change", kind: Kind::Text, nullable: true },
        ],
    },
    Table {
        name: "action_items",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Text, nullable: false },
            Column { name: "document_id", kind: Kind::Text, nullable: false },
            Column { name: "position", kind: Kind::Int, nullable: false },
            Column { name: "title", kind: Kind::Text, nullable: false },
            Column { name: "assignee_partner_id", kind: Kind::Text, nullable: true },
            Column { name: "due_on", kind: Kind::Date, nullable: true },
            Column { name: "status", kind: Kind::Text, nullable: false },
            Column { name: "created_at", kind: Kind::Timestamp, nullable: false },
            Column { name: "updated_at", kind: Kind::Timestamp, nullable: false },
        ],
    },
    Table {
        name: "plan_actions",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Text, nullable: false },
            Column { name: "document_id", kind: Kind::Text, nullable: false },
            Column { name: "position", kind: Kind::Int, nullable: false },
            Column { name: "status", kind: Kind::Text, nullable: false },
            Column { name: "progress_percent", kind: Kind::Int, nullable: false },
            Column { name: "starts_on", kind: Kind::Date, nullable: true },
            Column { name: "ends_on", kind: Kind::Date, nullable: true },
            Column { name: "estimated_cost_eur", kind: Kind::Int, nullable: true },
            Column { name: "created_at", kind: Kind::Timestamp, nullable: false },
            Column { name: "updated_at", kind: Kind::Timestamp, nullable: false },
        ],
    },
    Table {
        name: "action_inspirations",
        key: &["action_id", "practice_id"],
        columns: &[
            Column { name: "action_id", kind: Kind::Text, nullable: false },
            Column { name: "practice_id", kind: Kind::Text, nullable: false },
        ],
    },
    Table {
        name: "periods",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Text, nullable: false },
            Column { name: "code", kind: Kind::Text, nullable: false },
            Column { name: "phase", kind: Kind::Text, nullable: false },
            Column { name: "starts_on", kind: Kind::Date, nullable: false },
            Column { name: "ends_on", kind: Kind::Date, nullable: false },
            Column { name: "created_at", kind: Kind::Timestamp, nullable: false },
        ],
    },
    Table {
        name: "work_packages",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Text, nullable: false },
            Column { name: "code", kind: Kind::Text, nullable: false },
            Column { name: "titles", kind: Kind::Text, nullable: false },
            Column { name: "position", kind: Kind::Int, nullable: false },
            Column { name: "created_at", kind: Kind::Timestamp, nullable: false },
            Column { name: "updated_at", kind: Kind::Timestamp, nullable: false },
        ],
    },
    Table {
        name: "deliverables",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Text, nullable: false },
            Column { name: "code", kind: Kind::Text, nullable: false },
            Column { name: "work_package_id", kind: Kind::Text, nullable: false },
            Column { name: "period_id", kind: Kind::Text, nullable: true },
            Column { name: "titles", kind: Kind::Text, nullable: false },
            Column { name: "description", kind: Kind::Text, nullable: false },
            Column { name: "due_on", kind: Kind::Date, nullable: false },
            Column { name: "status", kind: Kind::Text, nullable: false },
            Column { name: "version", kind: Kind::Int, nullable: false },
            Column { name: "created_by", kind: Kind::Text, nullable: true },
            Column { name: "created_at", kind: Kind::Timestamp, nullable: false },
            Column { name: "updated_at", kind: Kind::Timestamp, nullable: false },
        ],
    },
    Table {
        name: "deliverable_partners",
        key: &["deliverable_id", "partner_id"],
        columns: &[
            Column { name: "deliverable_id", kind: Kind::Text, nullable: false },
            Column { name: "partner_id", kind: Kind::Text, nullable: false },
        ],
    },
    Table {
        name: "deliverable_evidence",
        key: &["deliverable_id", "document_id"],
        columns: &[
            Column { name: "deliverable_id", kind: Kind::Text, nullable: false },
            Column { name: "document_id", kind: Kind::Text, nullable: false },
        ],
    },
    Table {
        name: "deliverable_history",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Text, nullable: false },
            Column { name: "deliverable_id", kind: Kind::Text, nullable: false },
            Column { name: "at", kind: Kind::Timestamp, nullable: false },
            Column { name: "actor_id", kind: Kind::Text, nullable: true },
            Column { name: "from_status", kind: Kind::Text, nullable: true },
            Column { name: "to_status", kind: Kind::Text, nullable: false },
            Column { name: "comment", kind: Kind::Text, nullable: true },
        ],
    },
    Table {
        name: "activity",
        key: &["id"],
        columns: &[
            Column { name: "id", kind: Kind::Text, nullable: false },
            Column { name: "at", kind: Kind::Timestamp, nullable: false },
            Column { name: "actor_id", kind: Kind::Text, nullable: true },
            Column { name: "verb", kind: Kind::Text, nullable: false },
            Column { name: "subject_kind", kind: Kind::Text, nullable: false },
            Column { name: "subject_id", kind: Kind::Text, nullable: false },
            Column { name: "document_kind", kind: Kind::Text, nullable: true },
            Column { name: "partner_id", kind: Kind::Text, nullable: true },
            Column { name: "locale", kind: Kind::Text, nullable: true },
            Column { name: "details", kind: Kind::Text, nullable: false },
        ],
    },
];

/// Tables that hold the platform's operation rather than its content: they must be empty too
/// before an import, but are never exported.
pub const OPERATIONAL: &[&str] =
    &["sessions", "refresh_tokens", "login_throttle", "calendar_tokens", "unsubscribe_links", "digest_outbox"];

/// Tables the database keeps for itself: the change log, its counter, the migrations.
pub const INTERNAL: &[&str] = &["content_stamp", "content_changes", "__diesel_schema_migrations"];

/// Columns of exported tables that exports leave out: secrets, and what goes with them.
pub const LEFT_OUT: &[(&str, &str)] = &[("users", "password_hash"), ("users", "password_change_required")];

fn quote_ident(name: &str) -> String {
    format!("\"{name}\"")
}

#[derive(QueryableByName)]
struct JsonRow {
    #[diesel(sql_type = Text)]
    row: String,
}

/// Every row of `table`, in the order of its key, each a JSON object of its columns (files
/// excluded).
pub fn rows(conn: &mut DbConnection, table: &Table) -> Result<Vec<Map<String, Value>>, StoreError> {
    let columns: Vec<&Column> = table.columns.iter().filter(|c| c.kind != Kind::Binary).collect();
    let pairs: Vec<String> = columns.iter().map(|c| format!("'{}', {}", c.name, quote_ident(c.name))).collect();
    let loaded: Vec<JsonRow> = match conn {
        DbConnection::Sqlite(c) => diesel::sql_query(format!(
            "SELECT json_object({}) AS row FROM {}",
            pairs.join(", "),
            quote_ident(table.name)
        ))
        .load(c)?,
        DbConnection::Pg(c) => diesel::sql_query(format!(
            "SELECT json_build_object({})::text AS row FROM {}",
            pairs.join(", "),
            quote_ident(table.name)
        ))
        .load(c)?,
    };
    let mut rows = Vec::with_capacity(loaded.len());
    for JsonRow { row } in loaded {
        let raw: Map<String, Value> = serde_json::from_str(&row).map_err(|e| corrupt(table.name, e))?;
        let mut out = Map::new();
        for column in &columns {
            let value = raw.get(column.name).cloned().unwrap_or(Value::Null);
            out.insert(column.name.to_owned(), canonical(table, column, value)?);
        }
        rows.push(out);
    }
    rows.sort_by_cached_key(|row| key_of(table, row));
    Ok(rows)
}

/// The row's key, as text, for a byte order both databases agree on.
fn key_of(table: &Table, row: &Map<String, Value>) -> Vec<String> {
    table.key.iter().map(|k| row.get(*k).map(Value::to_string).unwrap_or_default()).collect()
}

fn parse_time(text: &str) -> Option<NaiveDateTime> {
    ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text.trim_end_matches('Z'), f).ok())
}

/// A time as exports write it: microseconds, as PostgreSQL keeps them.
pub fn format_time(at: NaiveDateTime) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6f").to_string()
}

fn canonical(table: &Table, column: &Column, value: Value) -> Result<Value, StoreError> {
    let bad = || corrupt(table.name, format!("column {} holds {value}", column.name));
    Ok(match (column.kind, &value) {
        (_, Value::Null) => Value::Null,
        (Kind::Text, Value::String(_)) | (Kind::Int, Value::Number(_)) => value,
        (Kind::Bool, Value::Bool(_)) => value,
        (Kind::Bool, Value::Number(n)) => Value::Bool(n.as_i64() != Some(0)),
        (Kind::Date, Value::String(s)) => {
            Value::String(NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| bad())?.to_string())
        }
        (Kind::Timestamp, Value::String(s)) => Value::String(format_time(parse_time(s).ok_or_else(bad)?)),
        _ => return Err(bad()),
    })
}

/// Why a row cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub table: &'static str,
    pub row: usize,
    pub why: String,
}

/// Checks one row against its table, before anything is written.
pub fn check(table: &Table, index: usize, row: &Map<String, Value>) -> Result<(), BadRow> {
    let bad = |why: String| BadRow { table: table.name, row: index + 1, why };
    for key in row.keys() {
        if !table.columns.iter().any(|c| c.name == key && c.kind != Kind::Binary) {
            return Err(bad(format!("unknown column {key}")));
        }
    }
    for column in table.columns.iter().filter(|c| c.kind != Kind::Binary) {
        let value = row.get(column.name).unwrap_or(&Value::Null);
        let fits = match (column.kind, value) {
            (_, Value::Null) => column.nullable,
            (Kind::Text, Value::String(_)) => true,
            (Kind::Int, Value::Number(n)) => n.is_i64(),
            (Kind::Bool, Value::Bool(_)) => true,
            (Kind::Date, Value::String(s)) => NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok(),
            (Kind::Timestamp, Value::String(s)) => parse_time(s).is_some(),
            _ => false,
        };
        if !fits {
            return Err(bad(format!("column {} cannot hold {value}", column.name)));
        }
    }
    Ok(())
}

/// The tables of an import's target that already hold rows: it must hold none.
pub fn filled_tables(conn: &mut DbConnection) -> Result<Vec<&'static str>, StoreError> {
    #[derive(QueryableByName)]
    struct Found {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let names = TABLES.iter().map(|t| t.name).chain(OPERATIONAL.iter().copied());
    let mut filled = Vec::new();
    for name in names {
        let sql = format!("SELECT count(*) AS n FROM (SELECT 1 FROM {} LIMIT 1) AS t", quote_ident(name));
        let found: Vec<Found> = match conn {
            DbConnection::Sqlite(c) => diesel::sql_query(sql).load(c)?,
            DbConnection::Pg(c) => diesel::sql_query(sql).load(c)?,
        };
        if found.first().is_some_and(|f| f.n > 0) {
            filled.push(name);
        }
    }
    Ok(filled)
}

fn literal(conn: &DbConnection, column: &Column, value: &Value) -> String {
    let pg = matches!(conn, DbConnection::Pg(_));
    match (column.kind, value) {
        (_, Value::Null) => "NULL".to_owned(),
        (Kind::Bool, Value::Bool(b)) => match (pg, b) {
            (true, true) => "TRUE".to_owned(),
            (true, false) => "FALSE".to_owned(),
            (false, b) => u8::from(*b).to_string(),
        },
        (Kind::Int, Value::Number(n)) => n.to_string(),
        (Kind::Timestamp, Value::String(s)) => {
            let at = parse_time(s).map_or_else(|| s.clone(), |t| t.format("%Y-%m-%d %H:%M:%S%.f").to_string());
            format!("'{at}'")
        }
        (_, Value::String(s)) => format!("'{}'", s.replace('\'', "''")),
        (_, other) => format!("'{}'", other.to_string().replace('\'', "''")),
    }
}

/// Writes checked rows of `table`, a few hundred at a time. Run inside the import's one
/// transaction. Accounts come without a password (exports never carry one): they get a hash no
/// password matches and must choose one, after an administrator gives them a one-time password.
pub fn insert(conn: &mut DbConnection, table: &Table, rows: &[Map<String, Value>]) -> Result<(), StoreError> {
    let columns: Vec<&Column> = table.columns.iter().filter(|c| c.kind != Kind::Binary).collect();
    let mut names: Vec<String> = columns.iter().map(|c| quote_ident(c.name)).collect();
    let locked = table.name == "users";
    if locked {
        names.push(quote_ident("password_hash"));
        names.push(quote_ident("password_change_required"));
    }
    let must_change = match conn {
        DbConnection::Sqlite(_) => "1",
        DbConnection::Pg(_) => "TRUE",
    };
    // Files come afterwards, one by one (`set_attachment_data`); the column may not be empty.
    let files: Vec<&Column> = table.columns.iter().filter(|c| c.kind == Kind::Binary).collect();
    names.extend(files.iter().map(|c| quote_ident(c.name)));
    let no_file = match conn {
        DbConnection::Sqlite(_) => "X''",
        DbConnection::Pg(_) => "'\\x'::bytea",
    };
    for chunk in rows.chunks(200) {
        let values: Vec<String> = chunk
            .iter()
            .map(|row| {
                let mut cells: Vec<String> =
                    columns.iter().map(|c| literal(conn, c, row.get(c.name).unwrap_or(&Value::Null))).collect();
                if locked {
                    cells.push("'!'".to_owned());
                    cells.push(must_change.to_owned());
                }
                cells.extend(files.iter().map(|_| no_file.to_owned()));
                format!("({})", cells.join(", "))
            })
            .collect();
        let sql =
            format!("INSERT INTO {} ({}) VALUES {}", quote_ident(table.name), names.join(", "), values.join(", "));
        conn.batch_execute(&sql)?;
    }
    Ok(())
}

/// Runs an import's `work` inside its transaction without logging each row as a change of
/// content: on PostgreSQL the log's triggers are deferred to the commit, where a hundred
/// thousand rows would queue a hundred thousand of them. The triggers stay on for everyone
/// else (the change is part of the transaction) and one change naming no document tells
/// caches and indexes that everything is new.
pub fn without_change_log<T>(
    conn: &mut DbConnection,
    work: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
) -> Result<T, StoreError> {
    if !matches!(conn, DbConnection::Pg(_)) {
        return work(conn);
    }
    let tables: Vec<String> = TABLES.iter().map(|t| quote_ident(t.name)).collect();
    for table in &tables {
        conn.batch_execute(&format!("ALTER TABLE {table} DISABLE TRIGGER USER"))?;
    }
    let result = work(conn)?;
    for table in &tables {
        conn.batch_execute(&format!("ALTER TABLE {table} ENABLE TRIGGER USER"))?;
    }
    conn.batch_execute(
        "UPDATE content_stamp SET value = value + 1 WHERE id = 1; \
         INSERT INTO content_changes (seq, document_id) SELECT value, NULL FROM content_stamp WHERE id = 1",
    )?;
    Ok(result)
}

/// Runs `work` on one snapshot of the database, so that what it reads is as it was at one
/// moment while others go on writing.
pub fn in_snapshot<T>(conn: &mut DbConnection, work: impl FnOnce(&mut DbConnection) -> T) -> Result<T, StoreError> {
    match conn {
        DbConnection::Pg(c) => c.batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")?,
        DbConnection::Sqlite(c) => c.batch_execute("BEGIN")?,
    }
    let result = work(conn);
    conn.batch_execute("COMMIT")?;
    Ok(result)
}

/// The contents of one attached file.
pub fn attachment_data(conn: &mut DbConnection, id: &str) -> Result<Vec<u8>, StoreError> {
    use crate::schema::attachments;
    Ok(attachments::table.find(id).select(attachments::data).first(conn)?)
}

/// Stores the contents of an attachment whose row was imported without them.
pub fn set_attachment_data(conn: &mut DbConnection, id: &str, data: &[u8]) -> Result<(), StoreError> {
    match conn {
        DbConnection::Sqlite(c) => diesel::sql_query("UPDATE attachments SET data = ? WHERE id = ?")
            .bind::<Binary, _>(data)
            .bind::<Text, _>(id)
            .execute(c)?,
        DbConnection::Pg(c) => diesel::sql_query("UPDATE attachments SET data = $1 WHERE id = $2")
            .bind::<Binary, _>(data)
            .bind::<Text, _>(id)
            .execute(c)?,
    };
    Ok(())
}

/// Gives an imported account a password hash, to be changed at the first sign-in, leaving its
/// version as the export had it.
pub fn set_imported_password(conn: &mut DbConnection, id: &str, password_hash: &str) -> Result<(), StoreError> {
    use crate::schema::users;
    diesel::update(users::table.find(id)).set(users::password_hash.eq(password_hash)).execute(conn)?;
    Ok(())
}
