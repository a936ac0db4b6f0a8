//! The schema, one append-only step at a time, and the copy kept of a file before it is upgraded.
//! Apart from the store's operations because a schema step is written once and never changed,
//! while the operations change with every feature.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

use crate::error::{Error, Result};
use crate::model;

use super::sqlite_errors::describe_sql_error;

/// Written into every Journeywall database (`PRAGMA application_id`): "JWal".
pub const APPLICATION_ID: i32 = 0x4A57_616C;

/// The schema, one migration a step (`migrations/*.sql`, in the order of their names, listed by
/// `build.rs`); never edit a released one.
const MIGRATIONS: &[&str] = include!(concat!(env!("OUT_DIR"), "/migrations.rs"));

/// Every step also marks the file as ours, inside its own transaction: a file is never left with
/// our schema and without our id (which would have it refused as another program's).
fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up_with_hook(sql, mark_ours)).collect())
}

fn mark_ours(tx: &rusqlite::Transaction) -> rusqlite_migration::HookResult {
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    Ok(())
}

/// The schema version this build writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

pub(super) fn migrate(c: &mut Connection) -> std::result::Result<(), String> {
    migrations().to_latest(c).map_err(|e| e.to_string())?;
    let id: i32 = c.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| e.to_string())?;
    if id != APPLICATION_ID {
        c.pragma_update(None, "application_id", APPLICATION_ID).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Copies a file of an older schema aside (`….backup-vN.db`) before it is migrated.
pub(super) fn copy_aside_if_older(conn: &Connection, path: &Path) -> Result<()> {
    let version: i32 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version < SCHEMA_VERSION && version > 0 {
        let backup = backup_path(path, version);
        conn.backup(rusqlite::MAIN_DB, &backup, None).map_err(|e| Error::Database {
            path: path.to_path_buf(),
            problem: describe_sql_error(&e)
                .after("could not be copied aside before upgrading it", "kon niet apart worden gekopieerd voordat het werd bijgewerkt"),
        })?;
    }
    Ok(())
}

fn backup_path(path: &Path, version: i32) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "journeywall".into());
    path.with_file_name(format!("{stem}.backup-v{version}-{}.db", model::now_millis()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        migrations().validate().unwrap();
    }
}
