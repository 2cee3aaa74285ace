//! The `mfx` command line: `serve` (the default), `migrate`, `user add`.

#![expect(clippy::print_stdout, reason = "the command line talks to the operator on stdout")]

use crate::auth::password;
use crate::bootstrap::{self, StartupError};
use crate::clock::Clock;
use crate::server;
use crate::settings::Settings;
use crate::telemetry;
use clap::{Parser, Subcommand};
use mfx_domain::account::AccountInput;
use mfx_domain::{Error as DomainError, NewAccount, Password};
use mfx_store::{StoreError, accounts, migrations, partners};
use std::io::BufRead;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "mfx",
    version,
    about = "MICROFUTURE Exchange: good practices, meeting notes and action plans in six languages"
)]
struct Cli {
    /// A TOML file with settings (the MFX_* keys in lower case, without the prefix).
    #[arg(long, global = true, env = "MFX_CONFIG", value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the web application and API (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
    /// Manage accounts.
    #[command(subcommand)]
    User(UserCommand),
    /// Print the OpenAPI 3.1 document of the API and exit.
    Openapi,
    /// Add realistic demo content in all six languages (idempotent).
    SeedDemo,
    /// Fill a new, empty database with generated content and accounts for benchmarks.
    SeedBench {
        /// How many practices (plus one meeting note per ten and one action plan per fifty).
        #[arg(long, default_value_t = 10_000)]
        practices: usize,
        /// How many reader accounts (reader-N@bench.example.org), with weekly digests.
        #[arg(long, default_value_t = 0)]
        users: usize,
        /// Read the accounts' password from the first line of standard input; without it they
        /// get an unusable random one.
        #[arg(long)]
        password_stdin: bool,
    },
    /// Email digests.
    #[command(subcommand)]
    Digest(DigestCommand),
    /// The message files of the languages.
    #[command(subcommand)]
    Locales(LocalesCommand),
    /// The search index.
    #[command(subcommand)]
    Search(SearchCommand),
    /// Write the whole partnership as JSON files and attached files (docs/operations.md).
    ///
    /// Partners, accounts (without passwords or sessions), documents with every translation,
    /// revision, draft and proposal, attached files, the work plan and the activity, read at
    /// one moment while the server runs. DIR must not exist or be empty; it appears only once
    /// complete.
    Export {
        /// The folder to write.
        dir: PathBuf,
    },
    /// Read an export into the configured database, which must hold no data yet.
    ///
    /// Every file is checked before anything is written, and everything is written in one
    /// transaction: a damaged or foreign folder changes nothing. Each administrator gets a
    /// one-time password, printed once.
    Import {
        /// The folder an export wrote.
        dir: PathBuf,
    },
    /// Write the project's static archive: a website of everything public, without a server.
    ///
    /// Every published public good practice, meeting note and action plan in each of the
    /// platform's languages, with its attached files, the partners, the lists and a search that
    /// runs in the browser; a page in each language says when and how the archive was made and
    /// names the licence (MFX_CONTENT_LICENCE). Drafts, documents under review or shared only
    /// within the partnership, history and names of people are left out. Open DIR/index.html
    /// from the folder or put DIR on any static host. DIR must not exist or be empty; it
    /// appears only once complete.
    Archive {
        /// The folder to write.
        dir: PathBuf,
    },
    /// Copy the whole platform into a new file while the server runs.
    ///
    /// The copy is the configured database (MFX_DATABASE_URL) as it was at one moment:
    /// partners, accounts, documents with their history and attached files (they live in the
    /// database), sessions and the digest outbox. The search index is not in it: it is rebuilt
    /// from the data. On SQLite the copy is an SQLite database; on PostgreSQL it is a dump in
    /// pg_dump's custom format, made by pg_dump. The file is written under a temporary name
    /// beside FILE and renamed when complete, so an interrupted backup never leaves a file named
    /// FILE. It holds password hashes and sessions: it is created readable by its owner only;
    /// keep it so.
    Backup {
        /// The file to write; it must not exist yet.
        file: PathBuf,
        /// The pg_dump program to run on PostgreSQL (default: pg_dump on PATH), of the
        /// server's major version or a later one.
        #[arg(long, env = "MFX_PG_DUMP", value_name = "PROGRAM")]
        pg_dump: Option<PathBuf>,
    },
    /// Restore a backup made by `mfx backup` into the configured database, which must be empty.
    ///
    /// MFX_DATABASE_URL must name a new database: on SQLite a file that does not exist yet (or
    /// is empty), on PostgreSQL a database holding none of the platform's tables (createdb).
    /// The file is checked first: that it is whole, that it is a backup of this platform, and
    /// that it was not made by a newer version. When anything is wrong nothing is changed. A
    /// backup made by an older version is migrated. Afterwards the counts of what was restored
    /// are printed, and the search index in MFX_SEARCH_DIR is rebuilt if it exists (otherwise
    /// `mfx serve` builds it at start).
    Restore {
        /// The backup to restore.
        file: PathBuf,
        /// The pg_restore program to run on PostgreSQL (default: pg_restore on PATH), of the
        /// same major version as the pg_dump that made the backup or a later one.
        #[arg(long, env = "MFX_PG_RESTORE", value_name = "PROGRAM")]
        pg_restore: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum SearchCommand {
    /// Build the search index again from every document, while the server goes on serving
    /// the one it has; a server using the same MFX_SEARCH_DIR switches to the new one when it
    /// is complete. Shows progress; an interrupted rebuild leaves the old index in service.
    Reindex {
        /// Threads that write the index (default: the machine's cores, at most 4).
        #[arg(long)]
        threads: Option<usize>,
        /// Memory the writing threads may use, in MiB.
        #[arg(long, default_value_t = 256)]
        memory_mb: usize,
    },
}

#[derive(Debug, Subcommand)]
enum LocalesCommand {
    /// List missing and extra messages, and messages whose variables differ, per language,
    /// against the working language; exit 1 when there is a problem.
    Check {
        /// A folder of `<code>/*.ftl` to check (default: MFX_LOCALES_DIR, else the compiled-in messages).
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
enum DigestCommand {
    /// Print the digest an account would receive now, in its language.
    Preview {
        /// The account's email address.
        #[arg(long)]
        user: String,
    },
    /// Queue the digests whose time has come and send what is due (for cron).
    Run {
        /// Queue a digest ending now for every account with digests on.
        #[arg(long)]
        now: bool,
        /// Say what would be queued, and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Only queue the digests: the running servers send them.
        #[arg(long, conflicts_with = "dry_run")]
        queue_only: bool,
    },
}

#[derive(Debug, Subcommand)]
enum UserCommand {
    /// Create an account. Without --password-stdin a one-time password is printed.
    Add {
        #[arg(long)]
        email: String,
        /// The partner's slug, e.g. seine-saint-denis.
        #[arg(long)]
        partner: String,
        /// admin, coordinator, editor or viewer.
        #[arg(long)]
        role: String,
        #[arg(long)]
        display_name: Option<String>,
        /// Language of the interface and emails (defaults to the partner's).
        #[arg(long)]
        language: Option<String>,
        /// IANA time zone (defaults to the partner's).
        #[arg(long)]
        time_zone: Option<String>,
        /// Read the password from the first line of standard input.
        #[arg(long)]
        password_stdin: bool,
    },
}

/// Runs the command line; the process exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let settings = match Settings::from_env(cli.config.as_deref()) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("mfx: {error}");
            return ExitCode::from(2);
        }
    };
    telemetry::init(&settings);
    let command = cli.command.unwrap_or(Command::Serve);
    // The seed's languages, before anything reads one: a bad seed or a language without
    // messages stops every command here (the check command only needs the seed).
    let checking = matches!(command, Command::Locales(LocalesCommand::Check { .. }));
    if let Err(error) = bootstrap::install_languages(&settings, !checking) {
        eprintln!("mfx: {error}");
        return ExitCode::from(2);
    }
    if let Command::Openapi = command {
        return match crate::openapi::document().to_pretty_json() {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("mfx: {error}");
                ExitCode::FAILURE
            }
        };
    }
    if let Command::Locales(LocalesCommand::Check { dir }) = &command {
        return check_locales(dir.as_deref().or(settings.locales_dir.as_deref()));
    }
    let result = actix_web::rt::System::new().block_on(run(command, settings));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mfx: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(command: Command, settings: Settings) -> Result<(), String> {
    match command {
        Command::Serve => serve(settings).await,
        Command::Openapi => Ok(()),
        Command::Locales(LocalesCommand::Check { .. }) => Ok(()),
        Command::Digest(DigestCommand::Preview { user }) => preview_digest(&settings, &user),
        Command::Digest(DigestCommand::Run { now, dry_run, queue_only }) => {
            run_digests(&settings, now, dry_run, queue_only).await
        }
        Command::SeedDemo => {
            let prepared = bootstrap::prepare(&settings, Clock::System.now()).map_err(|e| e.to_string())?;
            announce_first_admin(prepared.first_admin.as_ref());
            let report = crate::demo::seed(&prepared.db, Clock::System.now())?;
            println!(
                "Demo content: {} document(s) created with {} translation(s); {} already present.",
                report.created, report.translations, report.already_present
            );
            Ok(())
        }
        Command::SeedBench { practices, users, password_stdin } => {
            let password = if password_stdin { Some(read_password(&[])?.expose().to_owned()) } else { None };
            let prepared = bootstrap::prepare(&settings, Clock::System.now()).map_err(|e| e.to_string())?;
            announce_first_admin(prepared.first_admin.as_ref());
            let started = std::time::Instant::now();
            let spec = crate::bench_data::BenchSpec { practices, users, password };
            let report = crate::bench_data::seed(&prepared.db, &spec, Clock::System.now())?;
            println!(
                "Benchmark content in {:.1} s: {} practices, {} meeting notes, {} action plans, {} translations \
                 ({:.1} MB of text), {} accounts.",
                started.elapsed().as_secs_f64(),
                report.practices,
                report.meeting_notes,
                report.action_plans,
                report.translations,
                report.text_bytes as f64 / 1_048_576.0,
                report.users
            );
            Ok(())
        }
        Command::Search(SearchCommand::Reindex { threads, memory_mb }) => {
            let db = bootstrap::open_database(&settings).map_err(|e| e.to_string())?;
            migrations::run_pending(&db).map_err(|e| e.to_string())?;
            let threads = threads
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get).min(4));
            let started = std::time::Instant::now();
            let dir = settings.search_dir.clone();
            let count =
                crate::indexing::rebuild(&db, &dir, threads, memory_mb << 20, true).map_err(|e| e.to_string())?;
            println!(
                "Search index rebuilt in {}: {count} document(s) in {:.1} s.",
                dir.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Command::Export { dir } => crate::transfer::export(&settings, &dir),
        Command::Import { dir } => crate::transfer::import(&settings, &dir),
        Command::Archive { dir } => crate::archive::archive(settings, &dir).await,
        Command::Backup { file, pg_dump } => crate::backup::backup(&settings, &file, pg_dump.as_deref()),
        Command::Restore { file, pg_restore } => crate::backup::restore(&settings, &file, pg_restore.as_deref()),
        Command::Migrate => {
            let db = bootstrap::open_database(&settings).map_err(|e| e.to_string())?;
            let applied = migrations::run_pending(&db).map_err(|e| e.to_string())?;
            if applied.is_empty() {
                println!("The database at {} is up to date.", settings.database_url);
            } else {
                println!("Applied {} migration(s) to {}: {}", applied.len(), settings.database_url, applied.join(", "));
            }
            Ok(())
        }
        Command::User(UserCommand::Add { email, partner, role, display_name, language, time_zone, password_stdin }) => {
            let personal = [email.as_str(), display_name.as_deref().unwrap_or_default()];
            let password = if password_stdin { Some(read_password(&personal)?) } else { None };
            let prepared = bootstrap::prepare(&settings, Clock::System.now()).map_err(|e| e.to_string())?;
            announce_first_admin(prepared.first_admin.as_ref());
            let db = prepared.db;
            let slug = partner.clone();
            let found = db.read(|c| partners::find_by_slug(c, &slug)).map_err(|e| e.to_string())?;
            let Some(partner) = found else {
                let known = db.read(partners::list).map_err(|e| e.to_string())?;
                let slugs: Vec<String> = known.iter().map(|p| p.profile.slug.to_string()).collect();
                return Err(format!("`{partner}` is not a partner; use one of: {}", slugs.join(", ")));
            };
            let input = AccountInput {
                email: &email,
                display_name: display_name.as_deref(),
                role: &role,
                locale: language.as_deref(),
                time_zone: time_zone.as_deref(),
            };
            let new = NewAccount::parse(&input, partner.id, partner.profile.locale, &partner.profile.time_zone)
                .map_err(describe)?;
            let (secret, generated) = match password {
                Some(p) => (p.expose().to_owned(), false),
                None => (password::generate(), true),
            };
            let hash = password::hash(&secret)?;
            let now = Clock::System.now();
            let record = db.write(|c| accounts::insert(c, &new, &hash, generated, now)).map_err(|e| match e {
                StoreError::Domain(DomainError::Conflict { .. }) => {
                    format!("an account with the email {} already exists", new.email)
                }
                other => other.to_string(),
            })?;
            println!(
                "Created {} account {} for {} (language {}, time zone {}).",
                record.account.role,
                record.account.email,
                record.partner_slug,
                record.account.locale,
                record.account.time_zone
            );
            if generated {
                println!("One-time password (shown only now; it must be changed at first sign-in): {secret}");
            }
            Ok(())
        }
    }
}

/// Prints what `email` would receive now: activity since their last digest time (a week when
/// digests are off), in their language.
fn preview_digest(settings: &Settings, email: &str) -> Result<(), String> {
    use mfx_domain::digest::{DigestPrefs, Frequency, previous_slot};
    let email = mfx_domain::Email::parse(email).map_err(|e| format!("--user: {}", e.message))?;
    let db = bootstrap::open_database(settings).map_err(|e| e.to_string())?;
    migrations::run_pending(&db).map_err(|e| e.to_string())?;
    let key = bootstrap::unsubscribe_secret(settings).map_err(|e| e.to_string())?;
    let record = db
        .read(|c| accounts::find_by_email(c, &email))
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no account has the email {email}"))?;
    let now = Clock::System.now();
    let prefs = if record.digest.frequency == Frequency::Off { DigestPrefs::default() } else { record.digest };
    // The period in progress: from the last digest time until now.
    let since = previous_slot(prefs, record.account.time_zone.tz(), now).unwrap_or(now - chrono::Duration::days(7));
    let digest = db.read(|c| crate::mail::gather(c, &record, since, now)).map_err(|e| e.to_string())?;
    if record.digest.frequency == Frequency::Off {
        println!("(Digests are off for {email}; this is what a weekly digest would hold.)");
    }
    if digest.is_empty() {
        println!("Nothing to send to {email}: nothing new since {since}.");
        return Ok(());
    }
    let user = record.account.id;
    let generation = db.read(|c| mfx_store::unsubscribe::generation(c, user)).map_err(|e| e.to_string())?;
    let token = crate::mail::unsubscribe_token(&key, user, generation).map_err(|e| e.to_string())?;
    let unsubscribe = format!("{}/unsubscribe/{token}", settings.public_url);
    let rendered =
        crate::mail::render(&digest, &record, since, &settings.public_url, &unsubscribe).map_err(|e| e.to_string())?;
    println!("To: {}\nSubject: {}\n\n{}", record.account.email, rendered.subject, rendered.text);
    Ok(())
}

async fn run_digests(settings: &Settings, now_for_all: bool, dry_run: bool, queue_only: bool) -> Result<(), String> {
    use crate::mail::{Mailer, enqueue_due, send_due};
    let prepared = bootstrap::prepare(settings, Clock::System.now()).map_err(|e| e.to_string())?;
    let db = prepared.db;
    let now = Clock::System.now();
    if dry_run {
        for reader in crate::mail::readers(&db).map_err(|e| e.to_string())? {
            let since =
                mfx_domain::digest::previous_slot(reader.digest, reader.account.time_zone.tz(), now).unwrap_or(now);
            let digest = db
                .read(|c| crate::mail::gather(c, &reader, since - chrono::Duration::days(7), now))
                .map_err(|e| e.to_string())?;
            let items: usize = digest.sections.iter().map(|s| s.items.len() + s.more).sum();
            println!(
                "{}: {items} item(s), {} late, {} due soon",
                reader.account.email,
                digest.overdue.len(),
                digest.due_soon.len()
            );
        }
        println!("Dry run: nothing was queued or sent.");
        return Ok(());
    }
    let mailer = Mailer::from_settings(settings)?;
    let key = bootstrap::unsubscribe_secret(settings).map_err(|e| e.to_string())?;
    let queued = enqueue_due(&db, now, now_for_all).map_err(|e| e.to_string())?;
    if queue_only {
        println!("Digests: {queued} queued; the running servers send them.");
        return Ok(());
    }
    let mut total = crate::mail::Pass::default();
    loop {
        let pass = send_due(&db, &mailer, settings, &key, now, 100).await.map_err(|e| e.to_string())?;
        total += pass;
        if pass == crate::mail::Pass::default() {
            break;
        }
    }
    println!(
        "Digests: {queued} queued; {} sent, {} with nothing to say, {} to retry, {} parked.",
        total.sent, total.empty, total.failed, total.parked
    );
    Ok(())
}

/// The first line of standard input, as a password of an account known by `personal` (its
/// email and name), which the password should not be built from.
fn read_password(personal: &[&str]) -> Result<Password, String> {
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line).map_err(|e| format!("cannot read the password: {e}"))?;
    Password::parse_for(line.trim_end_matches(['\n', '\r']), personal).map_err(|e| format!("password: {}", e.message))
}

fn describe(error: DomainError) -> String {
    match error {
        DomainError::Invalid(violations) => violations
            .iter()
            .map(|v| format!("--{}: {}", v.field.replace('_', "-"), v.message))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

fn announce_first_admin(first_admin: Option<&(String, String)>) {
    if let Some((email, password)) = first_admin {
        println!();
        println!("  A first administrator account was created for this new database:");
        println!("    email:    {email}");
        println!("    password: {password}");
        println!("  This password is shown once and never logged. Sign in and change it.");
        println!();
    }
}

async fn serve(settings: Settings) -> Result<(), String> {
    if settings.jwt_secret.is_none() && settings.database_url.backend() == mfx_store::Backend::Postgres {
        tracing::warn!(
            "MFX_JWT_SECRET is not set: tokens are signed with the secret in the data directory; \
             set MFX_JWT_SECRET to the same value on every instance that shares this database"
        );
    }
    let bind = settings.bind;
    let (state, prepared) = server::prepare_state(settings, Clock::System).map_err(|e: StartupError| e.to_string())?;
    if !prepared.migrations_applied.is_empty() {
        tracing::info!(applied = ?prepared.migrations_applied, "migrations applied");
    }
    if prepared.seed.changed_anything() {
        tracing::info!(added = ?prepared.seed.partners_added, updated = ?prepared.seed.partners_updated, "seed applied");
    }
    announce_first_admin(prepared.first_admin.as_ref());
    let listener = TcpListener::bind(bind).map_err(|e| format!("cannot listen on {bind}: {e}"))?;
    let (running, addr) = server::serve(state.clone(), listener).map_err(|e| e.to_string())?;
    tracing::info!(address = %addr, database = %state.db.url(), public_url = %state.settings.public_url, "serving");
    let mailer = crate::mail::Mailer::from_settings(&state.settings)?;
    actix_web::rt::spawn(server::digest_scheduler(state.clone(), mailer));
    actix_web::rt::spawn(server::housekeeping(state));
    running.await.map_err(|e| e.to_string())
}

/// `mfx locales check`: every language's messages against the working language's.
fn check_locales(dir: Option<&std::path::Path>) -> ExitCode {
    match mfx_i18n::check::check_languages(dir) {
        Ok(report) if report.is_clean() => {
            println!("{}", report.summary());
            ExitCode::SUCCESS
        }
        Ok(report) => {
            println!("{report}");
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("mfx: {error}");
            ExitCode::from(2)
        }
    }
}
