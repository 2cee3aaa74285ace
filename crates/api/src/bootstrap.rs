//! Getting a database ready to serve: migrations, the seed, the first operator account, and
//! the token signing secret.

use crate::auth::password;
use crate::auth::token::generate_secret;
use crate::settings::Settings;
use mfx_domain::seed::Seed;
use mfx_domain::{DisplayName, NewAccount, Role};
use mfx_store::seed::SeedReport;
use mfx_store::{Db, PoolOptions, StoreError, accounts, migrations, partners, seed};
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// The seed of the MICROFUTURE partnership, used unless `MFX_SEED_FILE` names another.
pub const BUNDLED_SEED: &str = include_str!("../../../seed/partners.json");

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("database: {0}")]
    Store(#[from] StoreError),
    #[error("seed file {path}: {problems}")]
    Seed { path: String, problems: String },
    #[error("languages: {0}")]
    Languages(String),
    #[error("token secret: {0}")]
    Secret(String),
    #[error("search index: {0}")]
    Search(String),
    #[error("{0}")]
    Other(String),
}

/// What preparing the database did.
#[derive(Debug)]
pub struct Prepared {
    pub db: Db,
    pub migrations_applied: Vec<String>,
    pub seed: SeedReport,
    /// Set when this start created the first operator account: its email and one-time password.
    pub first_admin: Option<(String, String)>,
}

pub fn open_database(settings: &Settings) -> Result<Db, StartupError> {
    // A request waits at most 5 s for a connection (on SQLite: for its turn at the one writer),
    // then gets 503.
    let options = PoolOptions { max_connections: settings.db_pool_size, acquire_timeout: Duration::from_secs(5) };
    Ok(Db::open(&settings.database_url, options)?)
}

pub fn load_seed(settings: &Settings) -> Result<Seed, StartupError> {
    let (text, origin) = match &settings.seed_file {
        Some(path) => (
            std::fs::read_to_string(path)
                .map_err(|e| StartupError::Seed { path: path.display().to_string(), problems: e.to_string() })?,
            path.display().to_string(),
        ),
        None => (BUNDLED_SEED.to_owned(), "bundled seed/partners.json".to_owned()),
    };
    Seed::from_json(&text).map_err(|error| {
        let problems = match &error {
            mfx_domain::Error::Invalid(v) => {
                v.iter().map(|e| format!("{}: {}", e.field, e.message)).collect::<Vec<_>>().join("; ")
            }
            other => other.to_string(),
        };
        StartupError::Seed { path: origin, problems }
    })
}

/// Makes the process speak the seed's languages: installs them as the language registry, loads
/// the messages of `MFX_LOCALES_DIR`, and (with `require_messages`) refuses a seed language that
/// has no messages, compiled in or in the folder. Called once, before anything else, by every
/// command.
pub fn install_languages(settings: &Settings, require_messages: bool) -> Result<Seed, StartupError> {
    let seed = load_seed(settings)?;
    mfx_domain::Locale::install(seed.languages.clone()).map_err(|e| StartupError::Other(e.to_string()))?;
    if let Some(dir) = &settings.locales_dir {
        mfx_i18n::load_locales_dir(dir).map_err(|e| StartupError::Languages(e.to_string()))?;
    }
    let missing = mfx_i18n::languages_without_messages();
    if require_messages && !missing.is_empty() {
        let codes: Vec<&str> = missing.iter().map(|l| l.as_str()).collect();
        return Err(StartupError::Languages(format!(
            "no messages for {}: add locales/<code>/*.ftl to the folder named by MFX_LOCALES_DIR",
            codes.join(", ")
        )));
    }
    Ok(seed)
}

/// Migrates, seeds, and creates the first operator account when there is no account at all.
pub fn prepare(settings: &Settings, now: chrono::DateTime<chrono::Utc>) -> Result<Prepared, StartupError> {
    let db = open_database(settings)?;
    let migrations_applied = migrations::run_pending(&db)?;
    let seed = load_seed(settings)?;
    let lead_slug = seed
        .lead()
        .map(|p| p.slug.to_string())
        .ok_or_else(|| StartupError::Other("the seed has no lead partner".into()))?;
    let admin_email = settings.admin_email.clone();
    // Hash before taking the write lock (hashing is slow on purpose), and only when needed.
    let one_time = password::generate();
    let hash = if db.read(accounts::count)? == 0 {
        password::hash(&one_time).map_err(StartupError::Other)?
    } else {
        String::new()
    };
    let (report, created) = db.write(|conn| {
        migrations::lock_for_bootstrap(conn)?;
        let report = seed::apply(conn, &seed, now)?;
        mfx_store::tracking::ensure_periods(conn, &mfx_domain::tracking::periods(&seed.project), now)?;
        if hash.is_empty() || accounts::count(conn)? > 0 {
            return Ok((report, false));
        }
        let lead = partners::find_by_slug(conn, &lead_slug)?
            .ok_or(StoreError::Domain(mfx_domain::Error::NotFound { entity: "partner" }))?;
        let account = NewAccount {
            display_name: DisplayName::parse("Administrator").unwrap_or_else(|_| DisplayName::from_email(&admin_email)),
            email: admin_email.clone(),
            partner: lead.id,
            role: Role::Admin,
            locale: mfx_domain::Locale::fallback(),
            time_zone: lead.profile.time_zone.clone(),
        };
        accounts::insert(conn, &account, &hash, true, now)?;
        Ok((report, true))
    })?;
    let first_admin = created.then(|| (settings.admin_email.to_string(), one_time));
    Ok(Prepared { db, migrations_applied, seed: report, first_admin })
}

/// The configured signing secret, or the one kept in the data directory (created with mode
/// 0600 on first use).
pub fn jwt_secret(settings: &Settings) -> Result<Vec<u8>, StartupError> {
    kept_secret(settings, settings.jwt_secret.as_ref(), "jwt-secret")
}

/// The key of unsubscribe links: its own, so that a leaked one cannot sign access tokens and
/// the other way round. Configured, or kept in the data directory like the signing secret.
pub fn unsubscribe_secret(settings: &Settings) -> Result<Vec<u8>, StartupError> {
    kept_secret(settings, settings.unsubscribe_secret.as_ref(), "unsubscribe-secret")
}

fn kept_secret(
    settings: &Settings,
    configured: Option<&crate::settings::Secret>,
    file_name: &str,
) -> Result<Vec<u8>, StartupError> {
    if let Some(secret) = configured {
        return Ok(secret.expose().as_bytes().to_vec());
    }
    let path = settings.data_dir.join(file_name);
    match read_secret(&path)? {
        Some(secret) => Ok(secret),
        None => {
            std::fs::create_dir_all(&settings.data_dir)
                .map_err(|e| StartupError::Secret(format!("cannot create {}: {e}", settings.data_dir.display())))?;
            let secret = generate_secret();
            match crate::private_file::create_new(&path) {
                Ok(mut file) => {
                    file.write_all(secret.as_bytes())
                        .and_then(|()| file.sync_all())
                        .map_err(|e| StartupError::Secret(format!("cannot write {}: {e}", path.display())))?;
                    Ok(secret.into_bytes())
                }
                // Another instance created it first: use theirs.
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    read_secret(&path)?.ok_or_else(|| StartupError::Secret(format!("{} is empty", path.display())))
                }
                Err(e) => Err(StartupError::Secret(format!("cannot create {}: {e}", path.display()))),
            }
        }
    }
}

fn read_secret(path: &Path) -> Result<Option<Vec<u8>>, StartupError> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let secret = text.trim();
            if secret.len() < 32 {
                return Err(StartupError::Secret(format!(
                    "{} holds fewer than 32 bytes; delete it to generate a new one",
                    path.display()
                )));
            }
            Ok(Some(secret.as_bytes().to_vec()))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(StartupError::Secret(format!("cannot read {}: {e}", path.display()))),
    }
}
