//! Files chosen in the native open dialog, shown from Rust: the front end never handles paths
//! and never sends a file's bytes over IPC, so what is read is checked here before it is read.

use std::path::PathBuf;

use journeywall_core::{said, Said};
use tauri::{AppHandle, Runtime};
use tauri_plugin_dialog::DialogExt;

/// Automated tests cannot click through a GTK file dialog; with this set, this file is "chosen".
const OPEN_FILE_FOR_TESTS: &str = "JOURNEYWALL_OPEN_FILE";

/// Asks for one file of `kind` (the filter's name) with one of `extensions`; None: cancelled.
pub fn pick_file<R: Runtime>(app: &AppHandle<R>, kind: &str, extensions: &[&str]) -> Result<Option<PathBuf>, Said> {
    // Only in the builds tests run (debug): a release build always asks.
    if let Some(file) = std::env::var_os(OPEN_FILE_FOR_TESTS).filter(|_| cfg!(debug_assertions)) {
        return Ok(Some(PathBuf::from(file)));
    }
    match app.dialog().file().add_filter(kind, extensions).blocking_pick_file() {
        None => Ok(None),
        Some(p) => p.into_path().map(Some).map_err(|_| {
            said!(
                "that file cannot be opened from here; choose one on this computer",
                "dat bestand kan Journeywall niet openen; kies er een op deze computer"
            )
        }),
    }
}

/// A chosen file's name as the user sees it, for messages.
pub fn shown_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}
