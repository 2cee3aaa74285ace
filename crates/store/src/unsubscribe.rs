//! The generation of an account's unsubscribe links: links are signed over it, and raising it
//! withdraws every link sent before. An account without a row is at generation 0.

use crate::db::DbConnection;
use crate::error::StoreError;
use crate::schema::unsubscribe_links;
use diesel::prelude::*;
use diesel::sql_types::Text;
use mfx_domain::UserId;

/// The current generation of an account's links.
pub fn generation(conn: &mut DbConnection, user: UserId) -> Result<i64, StoreError> {
    Ok(unsubscribe_links::table
        .find(user.to_string())
        .select(unsubscribe_links::generation)
        .first(conn)
        .optional()?
        .unwrap_or(0))
}

/// Withdraws every unsubscribe link of an account sent so far (one statement, so that two
/// withdrawals at once both count).
pub fn revoke(conn: &mut DbConnection, user: UserId) -> Result<(), StoreError> {
    const UPSERT: &str = "ON CONFLICT (user_id) DO UPDATE SET generation = unsubscribe_links.generation + 1";
    let user = user.to_string();
    match conn {
        DbConnection::Pg(c) => {
            diesel::sql_query(format!("INSERT INTO unsubscribe_links (user_id, generation) VALUES ($1, 1) {UPSERT}"))
                .bind::<Text, _>(user)
                .execute(c)?
        }
        DbConnection::Sqlite(c) => {
            diesel::sql_query(format!("INSERT INTO unsubscribe_links (user_id, generation) VALUES (?, 1) {UPSERT}"))
                .bind::<Text, _>(user)
                .execute(c)?
        }
    };
    Ok(())
}
