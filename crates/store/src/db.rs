//! Connections and pools. The backend is chosen by the URL's scheme; on SQLite, writes go
//! through a pool of one connection so that writers queue in the process instead of failing
//! with "database is locked", while readers proceed in parallel under WAL.

use crate::error::StoreError;
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;
use diesel::r2d2::{self, ManageConnection};
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, ConnectionError};
use std::fmt;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// One connection to either database.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Sqlite(SqliteConnection),
    Pg(PgConnection),
}

impl fmt::Debug for DbConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DbConnection::Sqlite(_) => "DbConnection::Sqlite",
            DbConnection::Pg(_) => "DbConnection::Pg",
        })
    }
}

impl DbConnection {
    pub fn backend(&self) -> Backend {
        match self {
            DbConnection::Sqlite(_) => Backend::Sqlite,
            DbConnection::Pg(_) => Backend::Postgres,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub const fn as_str(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// Where the data lives, parsed from `MFX_DATABASE_URL`.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// A SQLite database file.
    SqliteFile(PathBuf),
    /// A private in-memory SQLite database (tests, experiments): gone when the process ends.
    SqliteMemory,
    /// A `postgres://` or `postgresql://` connection URL.
    Postgres(String),
}

impl DatabaseUrl {
    /// Accepts `postgres://…`, `postgresql://…`, `sqlite://PATH`, `sqlite:PATH`,
    /// `sqlite::memory:`, or a bare file path.
    pub fn parse(value: &str) -> Result<Self, String> {
        let value = value.trim();
        if value.is_empty() {
            return Err("is empty".into());
        }
        if value.starts_with("postgres://") || value.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(value.to_owned()));
        }
        if value == "sqlite::memory:" || value == ":memory:" {
            return Ok(DatabaseUrl::SqliteMemory);
        }
        let path = value.strip_prefix("sqlite://").or_else(|| value.strip_prefix("sqlite:")).unwrap_or(value);
        if let Some((scheme, _)) = path.split_once("://") {
            return Err(format!("has the unsupported scheme `{scheme}`; use a SQLite path, sqlite:// or postgres://"));
        }
        if path.is_empty() {
            return Err("names no SQLite file".into());
        }
        Ok(DatabaseUrl::SqliteFile(PathBuf::from(path)))
    }

    pub fn backend(&self) -> Backend {
        match self {
            DatabaseUrl::SqliteFile(_) | DatabaseUrl::SqliteMemory => Backend::Sqlite,
            DatabaseUrl::Postgres(_) => Backend::Postgres,
        }
    }
}

/// Shows the URL without its password, so that it can be logged.
impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrl::SqliteFile(path) => write!(f, "sqlite://{}", path.display()),
            DatabaseUrl::SqliteMemory => f.write_str("sqlite::memory:"),
            DatabaseUrl::Postgres(url) => f.write_str(&redact_password(url)),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split_once(':').map_or(userinfo, |(user, _)| user);
            let hidden = if userinfo.contains(':') { ":***" } else { "" };
            format!("{scheme}://{user}{hidden}@{host}{tail}")
        }
        None => url.to_owned(),
    }
}

/// Pool sizes and waits.
#[derive(Debug, Clone, Copy)]
pub struct PoolOptions {
    /// Connections for reads (and, on PostgreSQL, writes).
    pub max_connections: u32,
    /// How long a request waits for a free connection before the store reports it unavailable.
    pub acquire_timeout: Duration,
}

impl Default for PoolOptions {
    fn default() -> Self {
        Self { max_connections: 8, acquire_timeout: Duration::from_secs(5) }
    }
}

#[derive(Debug, Clone)]
struct Manager {
    url: DatabaseUrl,
    reach: Arc<Reach>,
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = ConnectionError;

    fn connect(&self) -> Result<DbConnection, ConnectionError> {
        let made = self.make();
        self.reach.mark(made.is_ok());
        made
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), ConnectionError> {
        conn.batch_execute("SELECT 1").map_err(ConnectionError::CouldntSetupConfiguration)
    }

    fn has_broken(&self, _conn: &mut DbConnection) -> bool {
        false
    }
}

impl Manager {
    fn make(&self) -> Result<DbConnection, ConnectionError> {
        match &self.url {
            DatabaseUrl::SqliteFile(path) => {
                let path = path
                    .to_str()
                    .ok_or_else(|| ConnectionError::InvalidConnectionUrl("the SQLite path is not UTF-8".into()))?;
                let mut conn = SqliteConnection::establish(path)?;
                configure_sqlite(&mut conn)?;
                Ok(DbConnection::Sqlite(conn))
            }
            DatabaseUrl::SqliteMemory => {
                let mut conn = SqliteConnection::establish(":memory:")?;
                configure_sqlite(&mut conn)?;
                Ok(DbConnection::Sqlite(conn))
            }
            DatabaseUrl::Postgres(url) => {
                let mut conn = PgConnection::establish(url)?;
                conn.batch_execute("SET TIME ZONE 'UTC'").map_err(ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConnection::Pg(conn))
            }
        }
    }
}

fn configure_sqlite(conn: &mut SqliteConnection) -> Result<(), ConnectionError> {
    // WAL lets readers work beside the writer; NORMAL sync keeps committed data through a
    // process crash; foreign keys are off in SQLite unless asked for.
    conn.batch_execute(
        "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
         PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;",
    )
    .map_err(ConnectionError::CouldntSetupConfiguration)
}

/// Creates a missing SQLite file readable by its owner only: it holds password hashes and
/// sessions. SQLite gives its `-wal` and `-shm` files the mode of the database file.
fn create_private(path: &std::path::Path) -> std::io::Result<()> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e),
    }
}

type Pool = r2d2::Pool<Manager>;

thread_local! {
    /// The moment after which work on this thread no longer waits for a connection (see [`until`]).
    static DEADLINE: std::cell::Cell<Option<Instant>> = const { std::cell::Cell::new(None) };
}

/// Runs `work` (on this thread) with no wait for a connection going past `deadline`: a request
/// whose time is up gets [`StoreError::Unavailable`] instead of queueing for the database again
/// and again. Without a deadline each wait is bounded by the pool's acquire timeout alone.
pub fn until<T>(deadline: Option<Instant>, work: impl FnOnce() -> T) -> T {
    /// Puts the thread's deadline back, even when `work` panics (threads are pooled).
    struct Restore(Option<Instant>);
    impl Drop for Restore {
        fn drop(&mut self) {
            DEADLINE.set(self.0);
        }
    }
    let _restore = Restore(DEADLINE.replace(deadline));
    work()
}

/// While the database is away, the pools try to connect again every 200 ms at first, then at
/// least this often: requests succeed again within about this long of its return.
const RECONNECT_AT_LEAST_EVERY: Duration = Duration::from_secs(1);

/// How long the one request that looks whether the database is back waits for a connection.
const PROBE_WAIT: Duration = Duration::from_millis(250);

/// How often a failure to connect is logged while the database stays away.
const FAILURE_LOG_EVERY: Duration = Duration::from_secs(30);

/// Logs failures to connect as warnings, the first one and then one every
/// [`FAILURE_LOG_EVERY`], with the number left out: the pool tries again every few hundred
/// milliseconds while the database is away.
#[derive(Debug, Default)]
struct QuietErrors {
    last: Mutex<Option<(Instant, u64)>>,
}

impl r2d2::HandleError<ConnectionError> for QuietErrors {
    fn handle_error(&self, error: ConnectionError) {
        let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
        match &mut *last {
            Some((at, skipped)) if at.elapsed() < FAILURE_LOG_EVERY => *skipped += 1,
            _ => {
                let skipped = last.map_or(0, |(_, skipped)| skipped);
                tracing::warn!(%error, skipped, "cannot connect to the database; trying again");
                *last = Some((Instant::now(), 0));
            }
        }
    }
}

/// Whether the last attempt to connect to the database failed. While it did, one request at a
/// time waits a moment ([`PROBE_WAIT`]) for a connection (the pool keeps trying to make one,
/// every 200 ms at first, then every [`RECONNECT_AT_LEAST_EVERY`]) and the others are told at
/// once that the database is unavailable, instead of each waiting the whole acquire timeout:
/// answers the cache can give go on, and the rest fail fast. A pool that is only busy (every
/// connection in use) is not away.
#[derive(Debug, Default)]
struct Reach {
    away_since: Mutex<Option<Instant>>,
    probing: AtomicBool,
}

impl Reach {
    fn away(&self) -> bool {
        self.away_since.lock().unwrap_or_else(PoisonError::into_inner).is_some()
    }

    fn mark(&self, answered: bool) {
        let mut away = self.away_since.lock().unwrap_or_else(PoisonError::into_inner);
        match (answered, *away) {
            (true, Some(since)) => {
                tracing::info!(seconds = since.elapsed().as_secs_f64(), "the database answers again");
                *away = None;
            }
            (false, None) => *away = Some(Instant::now()),
            _ => {}
        }
    }
}

/// The database: a pool for reads and one for writes (the same pool on PostgreSQL).
#[derive(Clone)]
pub struct Db {
    url: DatabaseUrl,
    reader: Pool,
    writer: Pool,
    reach: Arc<Reach>,
    acquire_timeout: Duration,
}

impl fmt::Debug for Db {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Db").field("url", &self.url).field("connections", &self.reader.state().connections).finish()
    }
}

impl Db {
    /// Connects (creating the SQLite file and its folder when missing) and checks the
    /// connection works; does not migrate.
    pub fn open(url: &DatabaseUrl, options: PoolOptions) -> Result<Self, StoreError> {
        if let DatabaseUrl::SqliteFile(path) = url
            && let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Unavailable(format!("cannot create {}: {e}", dir.display())))?;
        }
        if let DatabaseUrl::SqliteFile(path) = url {
            create_private(path)
                .map_err(|e| StoreError::Unavailable(format!("cannot create {}: {e}", path.display())))?;
        }
        let reach = Arc::<Reach>::default();
        let manager = Manager { url: url.clone(), reach: reach.clone() };
        let build = |size: u32| {
            r2d2::Pool::builder()
                .max_size(size)
                .min_idle(Some(1))
                // r2d2 waits this long for the first connection, and tries to reconnect at least
                // every half of it while the database is away; requests wait `acquire_timeout`.
                .connection_timeout(RECONNECT_AT_LEAST_EVERY * 2)
                .error_handler(Box::new(QuietErrors::default()))
                .build(manager.clone())
                .map_err(|e| StoreError::Unavailable(format!("cannot connect to {url}: {e}")))
        };
        let (reader, writer) = match url {
            DatabaseUrl::SqliteMemory => {
                let only = build(1)?;
                (only.clone(), only)
            }
            DatabaseUrl::SqliteFile(_) => {
                // The writer connects first so that it switches the file to WAL before readers open it.
                let writer = build(1)?;
                (build(options.max_connections.max(1))?, writer)
            }
            DatabaseUrl::Postgres(_) => {
                let pool = build(options.max_connections.max(1))?;
                (pool.clone(), pool)
            }
        };
        Ok(Self { url: url.clone(), reader, writer, reach, acquire_timeout: options.acquire_timeout })
    }

    /// A connection from `pool`; fails at once while the database is away and another request
    /// is already waiting to learn whether it is back.
    fn checkout(&self, pool: &Pool) -> Result<r2d2::PooledConnection<Manager>, StoreError> {
        let wait = match DEADLINE.get() {
            None => self.acquire_timeout,
            Some(deadline) => {
                let left = deadline.saturating_duration_since(Instant::now());
                if left.is_zero() {
                    return Err(StoreError::Unavailable("the request ran out of time waiting for the database".into()));
                }
                left.min(self.acquire_timeout)
            }
        };
        if !self.reach.away() {
            return Ok(pool.get_timeout(wait)?);
        }
        if self.reach.probing.swap(true, Ordering::AcqRel) {
            return Err(StoreError::Unavailable("the database did not answer a moment ago".into()));
        }
        let got = pool.get_timeout(PROBE_WAIT.min(wait));
        self.reach.probing.store(false, Ordering::Release);
        Ok(got?)
    }

    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }

    pub fn backend(&self) -> Backend {
        self.url.backend()
    }

    /// Runs `work` on a reading connection.
    pub fn read<T>(&self, work: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let mut conn = self.checkout(&self.reader)?;
        work(&mut conn)
    }

    /// Runs `work` in one transaction on the writing connection: all of it is kept, or none.
    pub fn write<T>(&self, work: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>) -> Result<T, StoreError> {
        let mut conn = self.checkout(&self.writer)?;
        let conn: &mut DbConnection = &mut conn;
        conn.transaction(work)
    }

    /// Runs `work` on the writing connection outside a transaction (migrations manage their own).
    pub fn with_writer<T>(
        &self,
        work: impl FnOnce(&mut DbConnection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut conn = self.checkout(&self.writer)?;
        work(&mut conn)
    }

    /// Gives SQLite's writing connection a page cache of `mib` MiB, for bulk loads whose index
    /// merges would otherwise read the same pages again and again; nothing on PostgreSQL.
    pub fn enlarge_write_cache(&self, mib: u32) -> Result<(), StoreError> {
        if self.backend() != Backend::Sqlite {
            return Ok(());
        }
        let kib = i64::from(mib) * 1024;
        self.with_writer(|conn| conn.batch_execute(&format!("PRAGMA cache_size = -{kib}")).map_err(StoreError::from))
    }

    /// Refreshes the query planner's statistics (after a bulk load, before the first queries).
    pub fn analyze(&self) -> Result<(), StoreError> {
        self.with_writer(|conn| conn.batch_execute("ANALYZE").map_err(StoreError::from))
    }

    /// Whether the database answers now.
    pub fn ping(&self) -> Result<(), StoreError> {
        self.read(|conn| conn.batch_execute("SELECT 1").map_err(StoreError::from))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_choose_the_backend_by_scheme() {
        assert_eq!(DatabaseUrl::parse("./data/mfx.sqlite3"), Ok(DatabaseUrl::SqliteFile("./data/mfx.sqlite3".into())));
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/mfx/db"),
            Ok(DatabaseUrl::SqliteFile("/var/lib/mfx/db".into()))
        );
        assert_eq!(DatabaseUrl::parse("sqlite:mfx.db"), Ok(DatabaseUrl::SqliteFile("mfx.db".into())));
        assert_eq!(DatabaseUrl::parse("sqlite::memory:"), Ok(DatabaseUrl::SqliteMemory));
        assert_eq!(DatabaseUrl::parse("postgresql://u@h/db").map(|u| u.backend()), Ok(Backend::Postgres));
        assert!(DatabaseUrl::parse("mysql://root@localhost/x").is_err());
        assert!(DatabaseUrl::parse("  ").is_err());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }

    #[test]
    fn postgres_passwords_never_show() {
        let url = DatabaseUrl::parse("postgres://mfx:s3cret@db.internal:5432/mfx?sslmode=require").expect("valid");
        assert_eq!(url.to_string(), "postgres://mfx:***@db.internal:5432/mfx?sslmode=require");
        assert!(!format!("{url:?}").contains("s3cret"));
        let no_password = DatabaseUrl::parse("postgres://postgres@127.0.0.1/mfx").expect("valid");
        assert_eq!(no_password.to_string(), "postgres://postgres@127.0.0.1/mfx");
    }
}
