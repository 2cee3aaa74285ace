//! On PostgreSQL: damaged dumps and databases that are not empty refused, the password kept
//! out of sight of other users of the machine, and a failing `pg_dump` leaving no file.

use super::{Conn, Line, add_editor, assert_refused, backed_up, mfx, partials, restore, run, text};
use crate::support::{Backend, TestDatabase};
use std::path::{Path, PathBuf};

/// The tables of a PostgreSQL database and the migrations it has, to see that nothing changed.
fn pg_state(db: &TestDatabase) -> Vec<String> {
    let mut conn = Conn::open(db, Backend::Postgres);
    let mut state: Vec<String> = conn
        .rows::<Line>("SELECT tablename::text AS line FROM pg_tables WHERE schemaname = 'public'")
        .into_iter()
        .map(|l| l.line)
        .collect();
    if state.iter().any(|t| t == "__diesel_schema_migrations") {
        state.extend(
            conn.rows::<Line>("SELECT version AS line FROM __diesel_schema_migrations").into_iter().map(|l| l.line),
        );
    }
    state.sort();
    state
}

#[test]
#[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
fn postgres_refuses_damaged_dumps_and_databases_that_are_not_empty() {
    let (source, good) = backed_up(Backend::Postgres);
    let bytes = std::fs::read(&good).expect("the dump");
    let truncated = source.data_dir().join("truncated.dump");
    std::fs::write(&truncated, &bytes[..bytes.len() * 3 / 4]).expect("write");
    let (_sqlite_source, sqlite) = backed_up(Backend::Sqlite);

    let empty = TestDatabase::create(Backend::Postgres);
    assert_refused(&restore(&empty, &truncated), "is damaged: pg_restore cannot read");
    assert_refused(&restore(&empty, &sqlite), "is a backup of an SQLite database, and the configured database");
    assert_eq!(pg_state(&empty), Vec::<String>::new(), "the empty database stays empty");

    let full = TestDatabase::create(Backend::Postgres);
    add_editor(&full);
    let before = pg_state(&full);
    assert_refused(&restore(&full, &good), "is not empty: it holds");
    assert_eq!(pg_state(&full), before);

    let restored = restore(&empty, &good);
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    assert!(text(&restored.stdout).contains("6 partner(s), 2 account(s)"), "{}", text(&restored.stdout));
    assert_eq!(pg_state(&empty), pg_state(&source), "the same tables and migrations");
}

/// A program that stands in for pg_dump: `script` after a line that keeps the arguments and
/// the password it was given.
fn fake_program(dir: &Path, name: &str, script: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    let keep = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{0}/{name}.args'\nprintf '%s' \"$PGPASSWORD\" > '{0}/{name}.password'\n",
        dir.display()
    );
    std::fs::write(&path, format!("{keep}{script}\n")).expect("script");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("executable");
    path
}

#[test]
#[ignore = "needs PostgreSQL (MFX_TEST_POSTGRES_URL)"]
fn postgres_backups_keep_the_password_out_of_sight_and_leave_no_file_when_pg_dump_fails() {
    let source = TestDatabase::create(Backend::Postgres);
    add_editor(&source);
    let dir = source.data_dir();
    // The test server trusts local connections, so any password does; this one must not show.
    let secret = "Not-To-Be-Seen";
    let with_password = source.url.replacen("@", &format!(":{secret}@"), 1);
    assert_ne!(with_password, source.url, "the test URL names a user");

    let passing = fake_program(&dir, "pg_dump_passing", "exec pg_dump \"$@\"");
    let file = dir.join("passing.dump");
    let made = run(
        mfx(&source).env("MFX_DATABASE_URL", &with_password).env("MFX_PG_DUMP", &passing).arg("backup").arg(&file),
        None,
    );
    assert!(made.status.success(), "{}", text(&made.stderr));
    let args = std::fs::read_to_string(dir.join("pg_dump_passing.args")).expect("arguments");
    assert!(args.contains("--format=custom") && args.contains("--dbname=postgres"), "{args}");
    assert!(!args.contains(secret), "the password is not among the arguments: {args}");
    assert_eq!(std::fs::read_to_string(dir.join("pg_dump_passing.password")).expect("password"), secret);
    assert!(!text(&made.stdout).contains(secret) && !text(&made.stderr).contains(secret));
    assert!(text(&made.stdout).contains(":***@"), "the URL is shown without its password: {}", text(&made.stdout));

    let failing = fake_program(
        &dir,
        "pg_dump_failing",
        "for a in \"$@\"; do case \"$a\" in --file=*) printf 'PGDMP half a dump' > \"${a#--file=}\";; esac; done\n\
         echo 'pg_dump: error: query failed: server closed the connection unexpectedly' >&2\nexit 1",
    );
    let file = dir.join("failing.dump");
    let failed = run(mfx(&source).env("MFX_PG_DUMP", &failing).arg("backup").arg(&file), None);
    assert_eq!(failed.status.code(), Some(1));
    let stderr = text(&failed.stderr);
    assert!(stderr.contains("pg_dump_failing failed") && stderr.contains("server closed the connection"), "{stderr}");
    let wrote = std::fs::read_to_string(dir.join("pg_dump_failing.args")).expect("it ran");
    assert!(wrote.contains(".partial"), "it wrote under a temporary name: {wrote}");
    assert!(!file.exists(), "a failed backup leaves nothing under its name");
    assert!(partials(&dir).is_empty(), "nor under its temporary name");

    let missing = run(mfx(&source).env("MFX_PG_DUMP", dir.join("no-such-pg_dump")).arg("backup").arg(&file), None);
    let stderr = text(&missing.stderr);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr.contains("no-such-pg_dump` was not found") && stderr.contains("MFX_PG_DUMP"), "{stderr}");
    assert!(!file.exists());
}
