//! Import from the home screen: the file is chosen in the native dialog and read here, refused
//! by its kind and size before it is read (`interchange::read_file`), then parsed before the
//! database is touched.

use std::sync::Arc;

use journeywall_core::interchange;
use tauri::{AppHandle, Runtime, State};

use crate::commands::{self, AppState, CommandError, ImportedJourney};
use crate::pick::{pick_file, shown_name};

/// Asks for a Journeywall JSON file or a CSV of cards and imports it as a new journey, with what
/// to tell the user about it; None: the dialog was cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_import<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, Arc<AppState>>,
) -> Result<Option<ImportedJourney>, CommandError> {
    let state = std::sync::Arc::clone(&state);
    crate::commands::off_the_runtime(state.lang(), move || {
        let Some(path) = pick_file(&app, &state, "Journeywall JSON, CSV, Excel", &["json", "csv", "tsv", "txt", "xlsx"])
            .map_err(|why| state.error(&why))?
        else {
            return Ok(None);
        };
        let bytes = interchange::read_file(&path).map_err(|e| state.core_error(e))?;
        commands::import_journey(&state, shown_name(&path), bytes).map(Some)
    })
    .await
}
