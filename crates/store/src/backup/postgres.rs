//! PostgreSQL: `pg_dump` and `pg_restore`, run with the database's password in their
//! environment, their progress read from what they say, and the checks of an archive and of
//! the database before anything is restored.

use super::{BackupError, MIGRATIONS_TABLE, Name, file_problem, not_newer, ours};
use crate::db::{Backend, DatabaseUrl};
use diesel::pg::PgConnection;
use diesel::prelude::*;
use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};

/// The URL without its password, and the password: the password goes to a client program in
/// its environment (`PGPASSWORD`), not among its arguments, which anyone on the machine can
/// read.
fn without_password(url: &str) -> (String, Option<String>) {
    let Some((scheme, rest)) = url.split_once("://") else { return (url.to_owned(), None) };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    let mut password = None;
    let authority = match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, secret)) => {
                password = Some(percent_decode(secret));
                format!("{user}@{host}")
            }
            None => authority.to_owned(),
        },
        None => authority.to_owned(),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let mut kept = Vec::new();
            for pair in query.split('&') {
                match pair.strip_prefix("password=") {
                    Some(secret) => password = Some(percent_decode(secret)),
                    None => kept.push(pair),
                }
            }
            if kept.is_empty() { path.to_owned() } else { format!("{path}?{}", kept.join("&")) }
        }
        None => tail.to_owned(),
    };
    (format!("{scheme}://{authority}{tail}"), password)
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && let (Some(high), Some(low)) =
                (bytes.get(i + 1).and_then(|b| hex(*b)), bytes.get(i + 2).and_then(|b| hex(*b)))
        {
            decoded.push((high * 16 + low) as u8);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

fn postgres_url(url: &DatabaseUrl) -> Result<&str, BackupError> {
    match url {
        DatabaseUrl::Postgres(url) => Ok(url),
        other => Err(BackupError::Database(format!("{other} is not a PostgreSQL database"))),
    }
}

fn connect(url: &DatabaseUrl) -> Result<PgConnection, BackupError> {
    PgConnection::establish(postgres_url(url)?)
        .map_err(|e| BackupError::Database(format!("cannot connect to {url}: {}", e.to_string().trim())))
}

/// The tables of a PostgreSQL database, as `schema.name`.
fn pg_tables(conn: &mut PgConnection) -> QueryResult<BTreeSet<String>> {
    let names: Vec<Name> = diesel::sql_query(
        "SELECT schemaname || '.' || tablename AS name FROM pg_tables \
         WHERE schemaname NOT IN ('pg_catalog', 'information_schema')",
    )
    .load(conn)?;
    Ok(names.into_iter().map(|n| n.name).collect())
}

/// A client program with the database's URL (without its password) as `--dbname`.
fn client(program: &Path, url: &DatabaseUrl) -> Result<Command, BackupError> {
    let (target, password) = without_password(postgres_url(url)?);
    let mut command = Command::new(program);
    // Messages in English, so that progress can be read from them; never a password prompt.
    command.env("LC_ALL", "C").arg("--no-password").arg(format!("--dbname={target}"));
    if let Some(password) = password {
        command.env("PGPASSWORD", password);
    }
    Ok(command)
}

/// The name a program is shown by.
fn shown_name(program: &Path) -> String {
    program.display().to_string()
}

/// Runs `command` with its standard error read line by line: `on_line` sees each, and the
/// lines that are not progress make the message when it fails.
fn run(mut command: Command, program: &Path, on_line: &mut dyn FnMut(&str)) -> Result<(), BackupError> {
    let mut child = command.stdin(Stdio::null()).stderr(Stdio::piped()).spawn().map_err(|e| spawn_error(program, e))?;
    let said = collect_errors(child.stderr.take(), program, on_line);
    let status =
        child.wait().map_err(|e| BackupError::Failed { program: shown_name(program), detail: e.to_string() })?;
    if status.success() {
        return Ok(());
    }
    let detail = if said.is_empty() { format!("it ended with {status}") } else { said.join(" ") };
    Err(BackupError::Failed { program: shown_name(program), detail })
}

fn spawn_error(program: &Path, error: std::io::Error) -> BackupError {
    if error.kind() == std::io::ErrorKind::NotFound {
        BackupError::Missing { program: shown_name(program) }
    } else {
        BackupError::Failed { program: shown_name(program), detail: format!("cannot start it: {error}") }
    }
}

/// Reads a program's standard error to its end; returns its last lines that are not progress.
fn collect_errors(stderr: Option<impl Read>, program: &Path, on_line: &mut dyn FnMut(&str)) -> Vec<String> {
    let mut said = Vec::new();
    let Some(stderr) = stderr else { return said };
    let name = program.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    for line in BufReader::new(stderr).lines() {
        let Ok(line) = line else { break };
        on_line(&line);
        let message = line.strip_prefix(&format!("{name}: ")).unwrap_or(&line);
        let progress = line.starts_with(&format!("{name}: "))
            && !["error:", "warning:", "detail:", "hint:"].iter().any(|p| message.starts_with(p));
        if !progress {
            said.push(line.trim().to_owned());
            if said.len() > 12 {
                said.remove(0);
            }
        }
    }
    said
}

/// Dumps the PostgreSQL database at `url` with `pg_dump` (`program`) in the custom format into
/// `into`, from one snapshot while the server goes on writing. Calls `progress` with the
/// tables dumped so far and the tables there are.
pub fn dump_postgres(
    program: &Path,
    url: &DatabaseUrl,
    into: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(), BackupError> {
    let mut conn = connect(url)?;
    let tables = pg_tables(&mut conn).map_err(|e| BackupError::Database(format!("cannot read {url}: {e}")))?;
    drop(conn);
    if !tables.iter().any(|t| t.ends_with(&format!(".{MIGRATIONS_TABLE}"))) {
        return Err(BackupError::Database(format!(
            "{url} holds no data of this application (it has no table {MIGRATIONS_TABLE})"
        )));
    }
    let total = tables.len() as u64;
    let mut command = client(program, url)?;
    let mut file = std::ffi::OsString::from("--file=");
    file.push(into);
    command.args(["--format=custom", "--verbose"]).arg(file).stdout(Stdio::null());
    let mut done = 0;
    run(command, program, &mut |line| {
        if line.contains("dumping contents of table") {
            done += 1;
            progress(done, total);
        }
    })
}

/// What a `pg_dump` archive holds.
#[derive(Debug, Clone)]
pub struct Dump {
    /// Its tables, as `schema.name`.
    pub tables: BTreeSet<String>,
    /// How many tables' data it holds.
    pub data: u64,
}

/// Checks a `pg_dump` archive with `pg_restore` (`program`), reading all of it: that it is
/// whole, that it is a database of this application, and that it holds no migration this
/// binary does not know. Calls `progress` with the tables read and the tables it holds.
pub fn check_postgres_dump(
    program: &Path,
    file: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Dump, BackupError> {
    let listing = Command::new(program)
        .env("LC_ALL", "C")
        .arg("--list")
        .arg(file)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| spawn_error(program, e))?;
    if !listing.status.success() {
        let said = String::from_utf8_lossy(&listing.stderr).trim().replace('\n', " ");
        if said.contains("unsupported version") {
            return Err(file_problem(
                file,
                format!("was made by a newer pg_dump than {} can read ({said})", shown_name(program)),
            ));
        }
        return Err(file_problem(file, format!("is damaged: pg_restore cannot read it ({said})")));
    }
    let mut dump = Dump { tables: BTreeSet::new(), data: 0 };
    for line in String::from_utf8_lossy(&listing.stdout).lines() {
        // `243; 1259 16888 TABLE public documents owner`, `3401; 0 16888 TABLE DATA public …`
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.get(3..6) {
            Some(["TABLE", "DATA", _]) => dump.data += 1,
            Some(["TABLE", schema, name]) => {
                dump.tables.insert(format!("{schema}.{name}"));
            }
            _ => {}
        }
    }
    let names: BTreeSet<String> =
        dump.tables.iter().map(|t| t.split_once('.').map_or(t.as_str(), |(_, n)| n).to_owned()).collect();
    ours(&names, file)?;

    // Every block of data, read through to the end: a truncated or damaged archive fails here,
    // before anything is restored. The migrations' rows are taken on the way.
    let mut child = Command::new(program)
        .env("LC_ALL", "C")
        .arg("--file=-")
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| spawn_error(program, e))?;
    let stderr = child.stderr.take();
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(mut stderr) = stderr {
            let _ = stderr.read_to_string(&mut text);
        }
        text
    });
    let mut versions = Vec::new();
    if let Some(stdout) = child.stdout.take() {
        let mut reader = BufReader::new(stdout);
        let (mut line, mut read, mut in_migrations) = (Vec::new(), 0, false);
        loop {
            line.clear();
            match reader.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            if in_migrations {
                if line.starts_with(b"\\.") {
                    in_migrations = false;
                } else if let Some(version) = line.split(|b| *b == b'\t').next() {
                    versions.push(String::from_utf8_lossy(version).trim().to_owned());
                }
            } else if line.starts_with(b"COPY ")
                && line.windows(MIGRATIONS_TABLE.len() + 3).any(|w| w == format!(".{MIGRATIONS_TABLE} (").as_bytes())
            {
                in_migrations = true;
            } else if line.starts_with(b"-- Data for Name: ") {
                read += 1;
                progress(read, dump.data);
            }
        }
    }
    let status =
        child.wait().map_err(|e| BackupError::Failed { program: shown_name(program), detail: e.to_string() })?;
    let said = errors.join().unwrap_or_default();
    if !status.success() {
        let said = said.trim().replace('\n', " ");
        return Err(file_problem(file, format!("is damaged: pg_restore cannot read all of it ({said})")));
    }
    not_newer(versions.into_iter(), Backend::Postgres, file)?;
    Ok(dump)
}

/// Says why the PostgreSQL database at `url` may not receive `dump`, if it may not: it must
/// hold none of the dump's tables and no migrations table.
pub fn check_postgres_target(url: &DatabaseUrl, dump: &Dump) -> Result<(), BackupError> {
    let mut conn = connect(url)?;
    let tables = pg_tables(&mut conn).map_err(|e| BackupError::Database(format!("cannot read {url}: {e}")))?;
    let clashing: Vec<&String> =
        tables.iter().filter(|t| dump.tables.contains(*t) || t.ends_with(&format!(".{MIGRATIONS_TABLE}"))).collect();
    if clashing.is_empty() {
        return Ok(());
    }
    let listed: Vec<&str> = clashing.iter().take(5).map(|t| t.as_str()).collect();
    Err(BackupError::Database(format!(
        "{url} is not empty: it holds {} table(s) of this application ({}{}); a backup is restored into a new, \
         empty database only (createdb)",
        clashing.len(),
        listed.join(", "),
        if clashing.len() > 5 { ", …" } else { "" }
    )))
}

/// Restores `file` into the database at `url` with `pg_restore` (`program`) in one
/// transaction, so that a failure leaves nothing behind. Objects get the connecting role as
/// owner; the archive's grants are left out. Calls `progress` with the tables restored and
/// the tables there are.
pub fn restore_postgres(
    program: &Path,
    url: &DatabaseUrl,
    file: &Path,
    dump: &Dump,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<(), BackupError> {
    let mut command = client(program, url)?;
    command.args(["--single-transaction", "--exit-on-error", "--no-owner", "--no-acl", "--verbose"]).arg(file);
    command.stdout(Stdio::null());
    let mut done = 0;
    run(command, program, &mut |line| {
        if line.contains("processing data for table") {
            done += 1;
            progress(done, dump.data);
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_leave_the_url_for_the_environment() {
        assert_eq!(
            without_password("postgres://mfx:s%40cr%3At@db:5432/mfx?sslmode=require"),
            ("postgres://mfx@db:5432/mfx?sslmode=require".to_owned(), Some("s@cr:t".to_owned()))
        );
        assert_eq!(
            without_password("postgresql://mfx@db/mfx?password=p%20w&sslmode=disable"),
            ("postgresql://mfx@db/mfx?sslmode=disable".to_owned(), Some("p w".to_owned()))
        );
        assert_eq!(
            without_password("postgres://db/mfx?password=x"),
            ("postgres://db/mfx".to_owned(), Some("x".into()))
        );
        assert_eq!(
            without_password("postgres://postgres@127.0.0.1/x"),
            ("postgres://postgres@127.0.0.1/x".into(), None)
        );
    }
}
