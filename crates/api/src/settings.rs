//! Typed configuration from `MFX_*` environment variables and an optional TOML file with the
//! same keys in lower case (`bind = "0.0.0.0:8080"`). The environment wins over the file.
//! Every bad value is reported at once, each with what was expected.

mod privacy;

pub use privacy::{Privacy, Retention};

use mfx_domain::Email;
use mfx_store::DatabaseUrl;
use std::collections::HashMap;
use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A value that must never reach a log line.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(**redacted**)")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    Text,
    Json,
}

/// Everything the server needs to know, validated.
#[derive(Debug, Clone)]
pub struct Settings {
    pub database_url: DatabaseUrl,
    pub bind: SocketAddr,
    /// The address users reach the platform at, without a trailing slash; used in links.
    pub public_url: String,
    pub data_dir: PathBuf,
    /// The search index of this instance (`data_dir/search` by default); each instance keeps
    /// its own, derived from the database.
    pub search_dir: PathBuf,
    /// At least 32 bytes; when absent, a secret is generated into `data_dir/jwt-secret`.
    pub jwt_secret: Option<Secret>,
    /// `smtp://` or `smtps://` with credentials; mail goes to `data_dir/mail` when absent.
    pub smtp_url: Option<Secret>,
    pub mail_from: String,
    pub log_filter: String,
    pub log_format: LogFormat,
    /// A partnership's own seed file; the bundled MICROFUTURE seed when absent.
    pub seed_file: Option<PathBuf>,
    /// A folder of messages (`<code>/*.ftl`) for languages not compiled in, or overriding them.
    pub locales_dir: Option<PathBuf>,
    /// The first operator account created on a new database.
    pub admin_email: Email,
    pub db_pool_size: u32,
    pub workers: Option<usize>,
    /// Take the client address from `X-Forwarded-For` (only behind a proxy that sets it).
    pub trust_proxy: bool,
    /// The proxies whose `X-Forwarded-For` entries are skipped; empty: the one peer in front.
    pub trusted_proxies: crate::client_address::TrustedProxies,
    /// At least 32 bytes; signs unsubscribe links. When absent, a key is generated into
    /// `data_dir/unsubscribe-secret`.
    pub unsubscribe_secret: Option<Secret>,
    pub max_json_bytes: usize,
    /// Memory for cached document responses, in bytes (0: no cache).
    pub cache_bytes: usize,
    pub access_token_ttl: Duration,
    pub refresh_token_ttl: Duration,
    pub session_ttl: Duration,
    /// How long a client may take to send a request body, from the end of its headers.
    pub body_timeout: Duration,
    /// The bearer token that `/metrics` asks for; without one, `/metrics` does not exist.
    pub metrics_token: Option<Secret>,
    /// How often the digest scheduler queues what is due and sends what is queued.
    pub digest_interval: Duration,
    /// How long a worker keeps the digests it took before another worker may take them.
    pub digest_lease: Duration,
    /// The privacy notice's controller, contact and licence, and the retention periods.
    pub privacy: Privacy,
}

/// The keys, as environment variables; the TOML file uses them lower-cased without `MFX_`.
pub const KEYS: &[&str] = &[
    "MFX_DATABASE_URL",
    "MFX_BIND",
    "MFX_PUBLIC_URL",
    "MFX_DATA_DIR",
    "MFX_SEARCH_DIR",
    "MFX_JWT_SECRET",
    "MFX_SMTP_URL",
    "MFX_MAIL_FROM",
    "MFX_LOG",
    "MFX_LOG_FORMAT",
    "MFX_SEED_FILE",
    "MFX_LOCALES_DIR",
    "MFX_ADMIN_EMAIL",
    "MFX_DB_POOL_SIZE",
    "MFX_DIGEST_INTERVAL_SECS",
    "MFX_DIGEST_LEASE_SECS",
    "MFX_WORKERS",
    "MFX_TRUST_PROXY",
    "MFX_TRUSTED_PROXIES",
    "MFX_UNSUBSCRIBE_SECRET",
    "MFX_MAX_JSON_BYTES",
    "MFX_CACHE_MB",
    "MFX_ACCESS_TOKEN_TTL_SECS",
    "MFX_BODY_TIMEOUT_SECS",
    "MFX_METRICS_TOKEN",
    "MFX_PRIVACY_CONTROLLER",
    "MFX_PRIVACY_CONTACT",
    "MFX_CONTENT_LICENCE",
    "MFX_RETAIN_SESSIONS_DAYS",
    "MFX_RETAIN_SIGN_IN_ATTEMPTS_HOURS",
    "MFX_RETAIN_DIGESTS_DAYS",
    "MFX_RETAIN_ACCOUNT_CHANGES_DAYS",
    "MFX_RETAIN_CALENDAR_TOKENS_DAYS",
];

/// Why the configuration was refused: one line per problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettingsError(pub Vec<String>);

impl fmt::Display for SettingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "the configuration has {} problem(s):", self.0.len())?;
        for problem in &self.0 {
            writeln!(f, "  - {problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for SettingsError {}

impl Settings {
    /// Reads the process environment and, if `MFX_CONFIG` or `config_file` names one, a TOML file.
    pub fn from_env(config_file: Option<&Path>) -> Result<Self, SettingsError> {
        let env: HashMap<String, String> = std::env::vars().filter(|(k, _)| k.starts_with("MFX_")).collect();
        let file = config_file.map(Path::to_path_buf).or_else(|| env.get("MFX_CONFIG").map(PathBuf::from));
        let file_values = match file {
            Some(path) => read_toml(&path)?,
            None => HashMap::new(),
        };
        Self::from_sources(&env, &file_values)
    }

    /// Builds settings from environment values laid over file values.
    pub fn from_sources(env: &HashMap<String, String>, file: &HashMap<String, String>) -> Result<Self, SettingsError> {
        let mut problems = Vec::new();
        let get = |key: &str| -> Option<String> {
            env.get(key).cloned().or_else(|| file.get(&key.trim_start_matches("MFX_").to_ascii_lowercase()).cloned())
        };
        let get = |key: &str| get(key).filter(|v| !v.trim().is_empty());

        let data_dir = PathBuf::from(get("MFX_DATA_DIR").unwrap_or_else(|| "./data".into()));
        let search_dir = get("MFX_SEARCH_DIR").map_or_else(|| data_dir.join("search"), PathBuf::from);
        let database_url = match get("MFX_DATABASE_URL") {
            Some(value) => {
                DatabaseUrl::parse(&value).map_err(|why| problems.push(format!("MFX_DATABASE_URL {why}"))).ok()
            }
            None => Some(DatabaseUrl::SqliteFile(data_dir.join("mfx.sqlite3"))),
        };
        let bind = parse_or(&mut problems, "MFX_BIND", get("MFX_BIND"), "127.0.0.1:8080".parse().ok(), |v| {
            v.parse::<SocketAddr>().map_err(|_| format!("`{v}` is not a socket address such as 127.0.0.1:8080"))
        });
        let public_url = match get("MFX_PUBLIC_URL") {
            Some(url) => {
                let url = url.trim().trim_end_matches('/').to_owned();
                let host = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
                match host {
                    Some(rest) if !rest.is_empty() && !rest.contains(char::is_whitespace) => Some(url),
                    _ => {
                        problems.push(format!("MFX_PUBLIC_URL `{url}` is not an http:// or https:// address"));
                        None
                    }
                }
            }
            None => bind.map(|addr| format!("http://{addr}")),
        };
        let jwt_secret = get("MFX_JWT_SECRET").and_then(|secret| {
            if secret.len() < 32 {
                problems.push(format!("MFX_JWT_SECRET is {} bytes; it needs at least 32", secret.len()));
                None
            } else {
                Some(Secret::new(secret))
            }
        });
        let unsubscribe_secret = get("MFX_UNSUBSCRIBE_SECRET").and_then(|secret| {
            if secret.len() < 32 {
                problems.push(format!("MFX_UNSUBSCRIBE_SECRET is {} bytes; it needs at least 32", secret.len()));
                None
            } else {
                Some(Secret::new(secret))
            }
        });
        let smtp_url = get("MFX_SMTP_URL").and_then(|url| {
            if url.starts_with("smtp://") || url.starts_with("smtps://") {
                Some(Secret::new(url))
            } else {
                problems.push("MFX_SMTP_URL must start with smtp:// or smtps://".into());
                None
            }
        });
        let mail_from = get("MFX_MAIL_FROM").unwrap_or_else(|| "MICROFUTURE Exchange <noreply@localhost>".into());
        let address = mail_from.rsplit_once('<').map_or(mail_from.as_str(), |(_, a)| a.trim_end_matches('>'));
        if Email::parse(address).is_err() {
            problems
                .push(format!("MFX_MAIL_FROM `{mail_from}` is not an address such as \"Name <noreply@example.org>\""));
        }
        let log_filter = get("MFX_LOG").unwrap_or_else(|| "info".into());
        if tracing_subscriber::EnvFilter::try_new(&log_filter).is_err() {
            problems.push(format!("MFX_LOG `{log_filter}` is not a log filter such as `info` or `info,mfx_api=debug`"));
        }
        let log_format = parse_or(&mut problems, "MFX_LOG_FORMAT", get("MFX_LOG_FORMAT"), Some(LogFormat::Text), |v| {
            match v.to_ascii_lowercase().as_str() {
                "text" => Ok(LogFormat::Text),
                "json" => Ok(LogFormat::Json),
                _ => Err(format!("`{v}` is neither text nor json")),
            }
        });
        let seed_file = get("MFX_SEED_FILE").map(PathBuf::from);
        let locales_dir = get("MFX_LOCALES_DIR").map(PathBuf::from);
        let admin_email = parse_or(
            &mut problems,
            "MFX_ADMIN_EMAIL",
            get("MFX_ADMIN_EMAIL"),
            Email::parse("admin@localhost").ok(),
            |v| Email::parse(v).map_err(|e| format!("`{v}`: {}", e.message)),
        );
        let db_pool_size = parse_or(&mut problems, "MFX_DB_POOL_SIZE", get("MFX_DB_POOL_SIZE"), Some(8), |v| {
            v.parse::<u32>()
                .ok()
                .filter(|n| (1..=256).contains(n))
                .ok_or_else(|| format!("`{v}` is not a number from 1 to 256"))
        });
        let workers = parse_or(&mut problems, "MFX_WORKERS", get("MFX_WORKERS"), Some(None), |v| {
            v.parse::<usize>()
                .ok()
                .filter(|n| (1..=256).contains(n))
                .map(Some)
                .ok_or_else(|| format!("`{v}` is not a number from 1 to 256"))
        });
        let trust_proxy = parse_or(&mut problems, "MFX_TRUST_PROXY", get("MFX_TRUST_PROXY"), Some(false), parse_bool);
        let trusted_proxies = match get("MFX_TRUSTED_PROXIES") {
            Some(list) => crate::client_address::TrustedProxies::parse(&list)
                .map_err(|bad| problems.push(format!("MFX_TRUSTED_PROXIES {}", bad.join("; "))))
                .unwrap_or_default(),
            None => crate::client_address::TrustedProxies::default(),
        };
        let max_json_bytes =
            parse_or(&mut problems, "MFX_MAX_JSON_BYTES", get("MFX_MAX_JSON_BYTES"), Some(1 << 20), |v| {
                v.parse::<usize>()
                    .ok()
                    .filter(|n| (1024..=64 << 20).contains(n))
                    .ok_or_else(|| format!("`{v}` is not a size in bytes from 1024 to 67108864"))
            });
        let cache_mb = parse_or(&mut problems, "MFX_CACHE_MB", get("MFX_CACHE_MB"), Some(16), |v| {
            v.parse::<usize>()
                .ok()
                .filter(|n| *n <= 4096)
                .ok_or_else(|| format!("`{v}` is not a number of megabytes from 0 to 4096"))
        });
        let access_secs =
            parse_or(&mut problems, "MFX_ACCESS_TOKEN_TTL_SECS", get("MFX_ACCESS_TOKEN_TTL_SECS"), Some(900), |v| {
                v.parse::<u64>()
                    .ok()
                    .filter(|n| (30..=3600).contains(n))
                    .ok_or_else(|| format!("`{v}` is not a number of seconds from 30 to 3600"))
            });
        let body_timeout_secs =
            parse_or(&mut problems, "MFX_BODY_TIMEOUT_SECS", get("MFX_BODY_TIMEOUT_SECS"), Some(30), |v| {
                v.parse::<u64>()
                    .ok()
                    .filter(|n| (1..=3600).contains(n))
                    .ok_or_else(|| format!("`{v}` is not a number of seconds from 1 to 3600"))
            });
        let digest_interval_secs =
            parse_or(&mut problems, "MFX_DIGEST_INTERVAL_SECS", get("MFX_DIGEST_INTERVAL_SECS"), Some(30), |v| {
                v.parse::<u64>()
                    .ok()
                    .filter(|n| (1..=3600).contains(n))
                    .ok_or_else(|| format!("`{v}` is not a number of seconds from 1 to 3600"))
            })
            .unwrap_or(30);
        let digest_lease_secs =
            parse_or(&mut problems, "MFX_DIGEST_LEASE_SECS", get("MFX_DIGEST_LEASE_SECS"), Some(300), |v| {
                v.parse::<u64>()
                    .ok()
                    .filter(|n| (5..=86_400).contains(n))
                    .ok_or_else(|| format!("`{v}` is not a number of seconds from 5 to 86400"))
            })
            .unwrap_or(300);
        let metrics_token = get("MFX_METRICS_TOKEN").and_then(|token| {
            let token = token.trim().to_owned();
            if token.len() < 16 || !token.bytes().all(|b| b.is_ascii_graphic()) {
                problems.push(format!(
                    "MFX_METRICS_TOKEN is {} bytes; it needs at least 16 printable characters without spaces",
                    token.len()
                ));
                None
            } else {
                Some(Secret::new(token))
            }
        });
        let privacy = Privacy::read(&get, &mut problems);

        match (
            database_url,
            bind,
            public_url,
            log_format,
            admin_email,
            db_pool_size,
            workers,
            trust_proxy,
            max_json_bytes,
            cache_mb,
            access_secs,
            body_timeout_secs,
        ) {
            (
                Some(database_url),
                Some(bind),
                Some(public_url),
                Some(log_format),
                Some(admin_email),
                Some(db_pool_size),
                Some(workers),
                Some(trust_proxy),
                Some(max_json_bytes),
                Some(cache_mb),
                Some(access_secs),
                Some(body_timeout_secs),
            ) if problems.is_empty() => Ok(Settings {
                database_url,
                bind,
                public_url,
                data_dir,
                search_dir,
                jwt_secret,
                smtp_url,
                mail_from,
                log_filter,
                log_format,
                seed_file,
                locales_dir,
                admin_email,
                db_pool_size,
                workers,
                trust_proxy,
                trusted_proxies,
                unsubscribe_secret,
                max_json_bytes,
                cache_bytes: cache_mb << 20,
                access_token_ttl: Duration::from_secs(access_secs),
                refresh_token_ttl: Duration::from_secs(14 * 24 * 3600),
                session_ttl: Duration::from_secs(30 * 24 * 3600),
                body_timeout: Duration::from_secs(body_timeout_secs),
                metrics_token,
                digest_interval: Duration::from_secs(digest_interval_secs),
                digest_lease: Duration::from_secs(digest_lease_secs),
                privacy,
            }),
            _ => Err(SettingsError(problems)),
        }
    }
}

fn parse_or<T>(
    problems: &mut Vec<String>,
    key: &str,
    value: Option<String>,
    default: Option<T>,
    parse: impl FnOnce(&str) -> Result<T, String>,
) -> Option<T> {
    match value {
        Some(value) => match parse(value.trim()) {
            Ok(parsed) => Some(parsed),
            Err(why) => {
                problems.push(format!("{key} {why}"));
                None
            }
        },
        None => default,
    }
}

fn parse_bool(value: &str) -> Result<bool, String> {
    match value.to_ascii_lowercase().as_str() {
        "1" | "true" | "yes" | "on" => Ok(true),
        "0" | "false" | "no" | "off" => Ok(false),
        _ => Err(format!("`{value}` is not true or false")),
    }
}

fn read_toml(path: &Path) -> Result<HashMap<String, String>, SettingsError> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| SettingsError(vec![format!("cannot read the configuration file {}: {e}", path.display())]))?;
    let table: toml::Table = text.parse().map_err(|e| {
        SettingsError(vec![format!("the configuration file {} is not valid TOML: {e}", path.display())])
    })?;
    let known: Vec<String> = KEYS.iter().map(|k| k.trim_start_matches("MFX_").to_ascii_lowercase()).collect();
    let mut values = HashMap::new();
    let mut problems = Vec::new();
    for (key, value) in table {
        if !known.contains(&key) {
            problems.push(format!("{}: unknown key `{key}`", path.display()));
            continue;
        }
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            other => {
                problems.push(format!(
                    "{}: `{key}` must be a string, number or boolean, not {}",
                    path.display(),
                    other.type_str()
                ));
                continue;
            }
        };
        values.insert(key, text);
    }
    if problems.is_empty() { Ok(values) } else { Err(SettingsError(problems)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect()
    }

    #[test]
    fn defaults_serve_sqlite_in_the_data_dir_on_localhost() {
        let settings = Settings::from_sources(&env(&[]), &HashMap::new()).expect("defaults are valid");
        assert_eq!(settings.bind.to_string(), "127.0.0.1:8080");
        assert_eq!(settings.database_url, DatabaseUrl::SqliteFile(PathBuf::from("./data/mfx.sqlite3")));
        assert_eq!(settings.public_url, "http://127.0.0.1:8080");
        assert_eq!(settings.access_token_ttl, Duration::from_secs(900));
        assert_eq!(settings.log_format, LogFormat::Text);
        assert_eq!(settings.body_timeout, Duration::from_secs(30));
        assert_eq!(settings.metrics_token, None, "metrics are not public by default");
    }

    #[test]
    fn every_bad_value_is_reported_with_its_key() {
        let bad = env(&[
            ("MFX_BIND", "localhost"),
            ("MFX_JWT_SECRET", "short"),
            ("MFX_DATABASE_URL", "mysql://x"),
            ("MFX_LOG_FORMAT", "xml"),
            ("MFX_SMTP_URL", "http://mail"),
            ("MFX_DB_POOL_SIZE", "0"),
            ("MFX_CACHE_MB", "lots"),
            ("MFX_TRUST_PROXY", "maybe"),
            ("MFX_PUBLIC_URL", "ftp://x"),
            ("MFX_BODY_TIMEOUT_SECS", "0"),
            ("MFX_METRICS_TOKEN", "guessable"),
            ("MFX_TRUSTED_PROXIES", "10.0.0.0/8, proxy.internal"),
            ("MFX_UNSUBSCRIBE_SECRET", "short"),
            ("MFX_RETAIN_DIGESTS_DAYS", "7"),
        ]);
        let Err(SettingsError(problems)) = Settings::from_sources(&bad, &HashMap::new()) else {
            panic!("bad values must be refused");
        };
        for key in [
            "MFX_BIND",
            "MFX_JWT_SECRET",
            "MFX_DATABASE_URL",
            "MFX_LOG_FORMAT",
            "MFX_SMTP_URL",
            "MFX_DB_POOL_SIZE",
            "MFX_CACHE_MB",
            "MFX_TRUST_PROXY",
            "MFX_TRUSTED_PROXIES",
            "MFX_UNSUBSCRIBE_SECRET",
            "MFX_PUBLIC_URL",
            "MFX_BODY_TIMEOUT_SECS",
            "MFX_METRICS_TOKEN",
            "MFX_RETAIN_DIGESTS_DAYS",
        ] {
            assert!(problems.iter().any(|p| p.starts_with(key)), "{key} missing from {problems:?}");
        }
        assert!(!problems.iter().any(|p| p.contains("short")), "secrets never appear in messages");
        assert!(!problems.iter().any(|p| p.contains("guessable")), "secrets never appear in messages");
    }

    #[test]
    fn a_messages_folder_may_be_named() {
        let settings = Settings::from_sources(&env(&[]), &HashMap::new()).expect("defaults are valid");
        assert_eq!(settings.locales_dir, None);
        let file = HashMap::from([("locales_dir".to_owned(), "/srv/messages".to_owned())]);
        let settings = Settings::from_sources(&env(&[]), &file).expect("valid");
        assert_eq!(settings.locales_dir, Some(PathBuf::from("/srv/messages")));
        let settings = Settings::from_sources(&env(&[("MFX_LOCALES_DIR", "./more")]), &file).expect("valid");
        assert_eq!(settings.locales_dir, Some(PathBuf::from("./more")));
    }

    #[test]
    fn environment_overrides_the_file() {
        let file = HashMap::from([
            ("bind".to_owned(), "0.0.0.0:9000".to_owned()),
            ("log_format".to_owned(), "json".to_owned()),
        ]);
        let settings = Settings::from_sources(&env(&[("MFX_BIND", "127.0.0.1:9100")]), &file).expect("valid");
        assert_eq!(settings.bind.to_string(), "127.0.0.1:9100");
        assert_eq!(settings.log_format, LogFormat::Json);
    }

    #[test]
    fn a_toml_file_with_unknown_keys_is_refused() {
        let dir = std::env::temp_dir().join(format!("mfx-settings-{}", uuid::Uuid::now_v7()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("mfx.toml");
        std::fs::write(&path, "bind = \"127.0.0.1:1\"\nbindd = 3\n").expect("write");
        let result = read_toml(&path);
        std::fs::remove_dir_all(&dir).ok();
        let Err(SettingsError(problems)) = result else { panic!("unknown keys must be refused") };
        assert!(problems[0].contains("unknown key `bindd`"), "{problems:?}");
    }

    #[test]
    fn secrets_do_not_print() {
        let settings = Settings::from_sources(
            &env(&[
                ("MFX_JWT_SECRET", "0123456789abcdef0123456789abcdef-top"),
                ("MFX_SMTP_URL", "smtp://u:pw@mail:25"),
            ]),
            &HashMap::new(),
        )
        .expect("valid");
        let shown = format!("{settings:?}");
        assert!(!shown.contains("abcdef-top") && !shown.contains("pw@"), "{shown}");
    }
}
