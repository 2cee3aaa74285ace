//! Store errors: domain outcomes (not found, conflicts) kept apart from failures of the
//! database itself, whose details are for logs only.

use diesel::result::{DatabaseErrorKind, Error as DieselError};
use mfx_domain::Error as DomainError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// An outcome the caller can act on, in domain words.
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// The database cannot be reached or has no free connection.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// The database has no room left to write (a full disk): reads go on, writes are refused
    /// whole until space is freed.
    #[error("database storage full: {0}")]
    StorageFull(String),
    /// Anything else the database reported; a bug or an operational problem.
    #[error("database error: {0}")]
    Database(DieselError),
    /// Stored data that does not parse back into the domain (a manual edit, a bad migration).
    #[error("corrupt row in {table}: {detail}")]
    Corrupt { table: &'static str, detail: String },
}

/// Unique constraints that clients can run into, by index name (PostgreSQL) and by the
/// `table.column` SQLite names in its message, with the field and code they mean.
const UNIQUE_CONSTRAINTS: &[(&str, &str, &str, &str)] = &[
    ("users_email_key", "users.email", "email", "email_taken"),
    ("partners_slug_key", "partners.slug", "slug", "slug_taken"),
    ("work_packages_code_key", "work_packages.code", "code", "code_taken"),
    ("periods_code_key", "periods.code", "code", "code_taken"),
    ("deliverables_code_key", "deliverables.code", "code", "code_taken"),
];

impl From<DieselError> for StoreError {
    fn from(error: DieselError) -> Self {
        if let DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) = &error {
            let constraint = info.constraint_name().unwrap_or_default();
            let message = info.message();
            for (name, sqlite_column, field, code) in UNIQUE_CONSTRAINTS {
                if constraint == *name || message.contains(sqlite_column) {
                    return StoreError::Domain(DomainError::Conflict { field, code });
                }
            }
        }
        match &error {
            DieselError::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                _,
            ) => {
                return StoreError::Unavailable("the database closed the connection".into());
            }
            DieselError::DatabaseError(_, info) => match fault(info.message()) {
                Some(Fault::Away) => return StoreError::Unavailable(info.message().to_owned()),
                Some(Fault::Full) => return StoreError::StorageFull(info.message().to_owned()),
                None => {}
            },
            _ => {}
        }
        StoreError::Database(error)
    }
}

/// What an operator fault looks like from inside a query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fault {
    /// The server went away or cancelled the statement: try again shortly.
    Away,
    /// No room to write.
    Full,
}

/// Reads the message of a database error for the faults that are not bugs. Diesel gives
/// PostgreSQL's SQLSTATE only as a kind for a few classes, so the server's own (English,
/// `lc_messages` is not translated for these) and libpq's and SQLite's texts are matched.
fn fault(message: &str) -> Option<Fault> {
    const AWAY: &[&str] = &[
        // libpq, when the socket closed under a query.
        "server closed the connection unexpectedly",
        "no connection to the server",
        "could not receive data from server",
        "could not send data to server",
        "connection to server",
        // 57P01..57P03: the server shuts down or is starting; 57014: statement timeout.
        "terminating connection due to administrator command",
        "terminating connection due to crash of another server process",
        "the database system is shutting down",
        "the database system is starting up",
        "the database system is in recovery mode",
        "canceling statement due to statement timeout",
        "canceling statement due to user request",
        // SQLite, when another process holds the write lock past the busy timeout.
        "database is locked",
    ];
    const FULL: &[&str] = &[
        // SQLite (SQLITE_FULL), PostgreSQL 53100 disk_full, and the OS's own words.
        "database or disk is full",
        "could not extend file",
        "no space left on device",
        "could not write to file",
    ];
    let lower = message.to_ascii_lowercase();
    if FULL.iter().any(|text| lower.contains(text)) {
        Some(Fault::Full)
    } else if AWAY.iter().any(|text| lower.contains(text)) {
        Some(Fault::Away)
    } else {
        None
    }
}

impl From<diesel::r2d2::PoolError> for StoreError {
    fn from(error: diesel::r2d2::PoolError) -> Self {
        StoreError::Unavailable(error.to_string())
    }
}

pub(crate) fn corrupt(table: &'static str, detail: impl std::fmt::Display) -> StoreError {
    StoreError::Corrupt { table, detail: detail.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn operator_faults_are_told_apart_from_bugs() {
        assert_eq!(fault("database or disk is full"), Some(Fault::Full));
        assert_eq!(fault("could not extend file \"base/16384/2619\": No space left on device"), Some(Fault::Full));
        assert_eq!(fault("terminating connection due to administrator command"), Some(Fault::Away));
        assert_eq!(
            fault("server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally"),
            Some(Fault::Away)
        );
        assert_eq!(fault("canceling statement due to statement timeout"), Some(Fault::Away));
        assert_eq!(fault("the database system is starting up"), Some(Fault::Away));
        assert_eq!(fault("syntax error at or near \"SELEC\""), None);
        assert_eq!(fault("NOT NULL constraint failed: users.email"), None);
    }
}
