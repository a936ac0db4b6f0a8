//! Files chosen in the native open dialog, shown from Rust: the front end never handles paths
//! and never sends a file's bytes over IPC, so what is read is checked here before it is read.

use std::path::{Path, PathBuf};

use journeywall_core::{said, Said};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

use crate::commands::AppState;

/// Automated tests cannot click through a GTK file dialog; with this set, this file is "chosen".
const OPEN_FILE_FOR_TESTS: &str = "JOURNEYWALL_OPEN_FILE";

/// Asks for one file of `kind` (the filter's name) with one of `extensions`; None: cancelled.
pub fn pick_file<R: Runtime>(app: &AppHandle<R>, state: &AppState, kind: &str, extensions: &[&str]) -> Result<Option<PathBuf>, Said> {
    // Only in the builds tests run (debug): a release build always asks.
    // The tests' "dialog" reconnects too, so the app's tests run what follows a real one.
    if let Some(file) = std::env::var_os(OPEN_FILE_FOR_TESTS).filter(|_| cfg!(debug_assertions)) {
        state.after_file_dialog();
        return Ok(Some(PathBuf::from(file)));
    }
    let picked = app.dialog().file().add_filter(kind, extensions).blocking_pick_file();
    state.after_file_dialog();
    let Some(picked) = picked else { return Ok(None) };
    let path = picked.into_path().map_err(|_| {
        said!(
            "that file cannot be opened from here; choose one on this computer",
            "dat bestand kan Journeywall niet openen; kies er een op deze computer"
        )
    })?;
    // Reading the database's own files would drop its locks as the dialog does (`Store::reconnect`).
    if is_the_database(&path, &state.db_path) {
        return Err(said!(
            "that is Journeywall's own database; choose a file exported from it (File → Export as…)",
            "dat is de eigen database van Journeywall; kies een bestand dat eruit is geëxporteerd (Bestand → Exporteren als…)"
        ));
    }
    Ok(Some(path))
}

/// Whether `path` is the database at `db` or one of its side files (`-wal`, `-shm`, `-journal`).
fn is_the_database(path: &Path, db: &Path) -> bool {
    let (Ok(path), Some(name), Some(dir)) = (path.canonicalize(), db.file_name(), db.parent()) else { return false };
    let dir = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let name = name.to_string_lossy();
    path.parent() == Some(dir.as_path())
        && path
            .file_name()
            .is_some_and(|f| ["", "-wal", "-shm", "-journal"].iter().any(|side| *f.to_string_lossy() == format!("{name}{side}")))
}

/// A chosen file's name as the user sees it, for messages.
pub fn shown_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_and_its_side_files_are_told_apart_from_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journeywall.db");
        for name in ["journeywall.db", "journeywall.db-wal", "journeywall.db-shm", "other.json", "journeywall.db.json"] {
            std::fs::write(dir.path().join(name), b"x").unwrap();
        }
        let is = |name: &str| is_the_database(&dir.path().join(name), &db);
        assert!(is("journeywall.db") && is("journeywall.db-wal") && is("journeywall.db-shm"));
        assert!(is("./journeywall.db"), "however the path is written");
        assert!(!is("other.json") && !is("journeywall.db.json") && !is("missing.db"));
    }
}
