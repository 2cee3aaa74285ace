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
        if let DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection, _) = &error {
            return StoreError::Unavailable("the database closed the connection".into());
        }
        StoreError::Database(error)
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
