//! Whether a file may be opened as a Journeywall database, decided before anything is written to
//! it, and what the user is told when it may not (another program's file, a damaged one, one from
//! a newer version). Apart from the store's operations because it runs once, on a file that is
//! not yet trusted, and its wording is what a person reads when their file is refused.

mod header;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use crate::said;
use crate::said::Said;

use super::migrations::{APPLICATION_ID, SCHEMA_VERSION};
use super::sqlite_errors::describe_sql_error;

/// `Ok(true)` for a file of ours, `Ok(false)` for none yet (a new database may be made there),
/// else why the file is refused; a refused file is left as it was found.
pub(super) fn admit(path: &Path) -> Result<bool, Said> {
    match header::inspect(path) {
        Ok(header::FileKind::New) => Ok(false),
        Ok(header::FileKind::Sqlite) => check_existing(path).map(|()| true),
        Err(header::Refusal::NotSqlite) => Err(said!(
            "is not a Journeywall database (it is not an SQLite file at all). It was left as it is; \
             choose another file with --db, or move this one away.",
            "is geen Journeywall-database (het is helemaal geen SQLite-bestand). Er is niets aan veranderd; \
             kies een ander bestand met --db, of zet dit bestand ergens anders neer."
        )),
        Err(header::Refusal::BadHeader) => Err(said!(
            "is damaged or not a Journeywall file (its SQLite header is invalid). It was left as it is; \
             restore it from a backup, or choose another file with --db.",
            "is beschadigd of geen Journeywall-bestand (de SQLite-kop is ongeldig). Er is niets aan veranderd; \
             zet een reservekopie terug, of kies een ander bestand met --db."
        )),
        Err(header::Refusal::Truncated { expected_bytes, actual_bytes }) => Err(said!(
            "is damaged: it is cut short ({actual_bytes} of {expected_bytes} bytes). It was left as it is; \
             restore it from a backup, or choose another file with --db.",
            "is beschadigd: het is afgekapt ({actual_bytes} van de {expected_bytes} bytes). Er is niets aan veranderd; \
             zet een reservekopie terug, of kies een ander bestand met --db."
        )),
        Err(header::Refusal::Unreadable(e)) => Err(said!("cannot be read: {e}", "kan niet worden gelezen: {e}")),
    }
}

/// Decides whether an existing SQLite file may be opened as ours, before anything is written to
/// it. A file refused is left as it was found, side files included: the `-wal` and `-shm` files
/// SQLite makes beside a WAL-mode file while reading it are taken away again if they were not
/// there before (a `-wal` only while empty, so nothing SQLite wrote is ever lost).
fn check_existing(path: &Path) -> Result<(), Said> {
    let side = |suffix: &str| {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        PathBuf::from(p)
    };
    let (wal, shm) = (side("-wal"), side("-shm"));
    let (had_wal, had_shm) = (wal.exists(), shm.exists());
    let verdict = check_identity(path);
    if verdict.is_err() {
        if !had_shm {
            let _ = std::fs::remove_file(&shm);
        }
        if !had_wal && std::fs::metadata(&wal).is_ok_and(|m| m.len() == 0) {
            let _ = std::fs::remove_file(&wal);
        }
    }
    verdict
}

/// The check itself. It reads through SQLite on a read-only connection rather than from the
/// header bytes: after a crash the newest identity and schema version may still sit in the
/// write-ahead log. The connection is closed when this returns.
fn check_identity(path: &Path) -> Result<(), Said> {
    let unreadable = |e: rusqlite::Error| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase) => damaged(describe_sql_error(&e)),
        _ => describe_sql_error(&e).after("cannot be read", "kan niet worden gelezen"),
    };
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX).map_err(unreadable)?;
    let application_id: i32 = c.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(unreadable)?;
    let user_version: i32 = c.pragma_query_value(None, "user_version", |r| r.get(0)).map_err(unreadable)?;
    let foreign = || {
        said!(
            "belongs to another program (it is an SQLite database, but not Journeywall's). It was left as it is; \
             choose another file with --db.",
            "hoort bij een ander programma (het is een SQLite-database, maar niet die van Journeywall). Er is niets aan \
             veranderd; kies een ander bestand met --db."
        )
    };
    if application_id == APPLICATION_ID {
        if user_version > SCHEMA_VERSION {
            return Err(said!(
                "was written by a newer Journeywall (database version {user_version}; this one knows up to \
                 {SCHEMA_VERSION}). It was left as it is; update Journeywall to open it.",
                "is gemaakt door een nieuwere Journeywall (databaseversie {user_version}; deze versie kent er tot en met \
                 {SCHEMA_VERSION}). Er is niets aan veranderd; werk Journeywall bij om het te openen."
            ));
        }
    } else if application_id == 0 && (1..=SCHEMA_VERSION).contains(&user_version) && has_our_tables(&c).map_err(unreadable)? {
        // Our schema without our id: an older Journeywall was stopped between migrating a file
        // and marking it. It is ours; opening it marks it.
    } else if application_id != 0 || user_version != 0 {
        return Err(foreign());
    } else {
        // No id and no version: ours only if it holds nothing yet.
        let objects: i64 = c.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).map_err(unreadable)?;
        if objects > 0 {
            return Err(foreign());
        }
    }
    let result: String = c.query_row("PRAGMA quick_check(1)", [], |r| r.get(0)).map_err(unreadable)?;
    if result != "ok" {
        // SQLite's own report of what is wrong, which we cannot translate.
        return Err(damaged(Said::verbatim(result)));
    }
    Ok(())
}

fn has_our_tables(c: &Connection) -> rusqlite::Result<bool> {
    let n: i64 =
        c.query_row("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('journeys', 'history', 'meta')", [], |r| {
            r.get(0)
        })?;
    Ok(n == 3)
}

fn damaged(detail: Said) -> Said {
    said!(
        "is damaged ({en}). It was left as it is; restore it from a backup, or choose another file with --db.",
        "is beschadigd ({nl}). Er is niets aan veranderd; zet een reservekopie terug, of kies een ander bestand met --db.",
        en = &detail.en,
        nl = &detail.nl
    )
}
