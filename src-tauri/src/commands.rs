//! The commands the front end calls. Each is a thin call into the core; they run off the main
//! thread (`async`), and their errors reach the front end as a message a person can act on.

use std::sync::Mutex;

use journeywall_core::model::{Id, JourneyDoc, JourneySummary};
use journeywall_core::templates::{self, TemplateInfo};
use journeywall_core::interchange::Ids;
use journeywall_core::library;
use journeywall_core::{Applied, Edit, Store, UndoState};
use serde::Serialize;
use tauri::State;

pub struct AppState {
    pub db_path: std::path::PathBuf,
    /// The open database, or why it could not be opened (shown to the user instead of the editor).
    pub store: Mutex<std::result::Result<Store, String>>,
    pub locale: String,
}

/// Where the user's choice of language is kept (absent: follow the system).
pub const UI_LOCALE: &str = "ui_locale";

#[derive(Debug, Serialize, specta::Type)]
pub struct CommandError {
    pub message: String,
}

impl<E: std::fmt::Display> From<E> for CommandError {
    fn from(e: E) -> Self {
        CommandError { message: e.to_string() }
    }
}

type Result<T> = std::result::Result<T, CommandError>;

impl AppState {
    pub fn with<T>(&self, f: impl FnOnce(&mut Store) -> journeywall_core::Result<T>) -> Result<T> {
        let mut guard = self.store.lock().map_err(|_| CommandError::from("the database is unavailable; restart Journeywall"))?;
        match guard.as_mut() {
            Ok(store) => Ok(f(store)?),
            Err(why) => Err(CommandError::from(why.as_str())),
        }
    }
}

#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub db_path: String,
    /// Set when the database could not be opened; the editor then shows this instead.
    pub open_error: Option<String>,
    pub locale: String,
}

#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OpenedJourney {
    pub doc: JourneyDoc,
    pub history: UndoState,
}

#[tauri::command(async)]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    let open_error = state.store.lock().ok().and_then(|s| s.as_ref().err().cloned());
    let chosen = state.with(|s| s.meta(UI_LOCALE)).ok().flatten();
    AppInfo {
        version: env!("CARGO_PKG_VERSION").into(),
        db_path: state.db_path.display().to_string(),
        open_error,
        locale: chosen.unwrap_or_else(|| state.locale.clone()),
    }
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_journeys(state: State<'_, AppState>) -> Result<Vec<JourneySummary>> {
    state.with(|s| s.list())
}

#[tauri::command(async)]
#[specta::specta]
pub fn list_templates() -> Vec<TemplateInfo> {
    templates::list()
}

#[tauri::command(async)]
#[specta::specta]
pub fn create_journey(state: State<'_, AppState>, template: String, name: Option<String>) -> Result<Id> {
    state.with(|s| {
        let doc = templates::instantiate(&template, name.as_deref())?;
        s.insert_doc(&doc)?;
        Ok(doc.journey.id)
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn open_journey(state: State<'_, AppState>, journey: Id) -> Result<OpenedJourney> {
    state.with(|s| Ok(OpenedJourney { doc: s.load(journey)?, history: s.undo_state(journey)? }))
}

#[tauri::command(async)]
#[specta::specta]
pub fn apply_edit(state: State<'_, AppState>, journey: Id, edit: Edit) -> Result<Applied> {
    state.with(|s| s.apply(journey, edit))
}

#[tauri::command(async)]
#[specta::specta]
pub fn undo(state: State<'_, AppState>, journey: Id) -> Result<Applied> {
    state.with(|s| s.undo(journey))
}

#[tauri::command(async)]
#[specta::specta]
pub fn redo(state: State<'_, AppState>, journey: Id) -> Result<Applied> {
    state.with(|s| s.redo(journey))
}

#[tauri::command(async)]
#[specta::specta]
pub fn set_language(state: State<'_, AppState>, locale: String) -> Result<()> {
    state.with(|s| {
        journeywall_core::model::check_locale("language", &locale)?;
        s.set_meta(UI_LOCALE, &locale)
    })
}

#[tauri::command(async)]
#[specta::specta]
pub fn duplicate_journey(state: State<'_, AppState>, journey: Id, name: String) -> Result<Id> {
    state.with(|s| library::duplicate(s, journey, &name))
}

#[tauri::command(async)]
#[specta::specta]
pub fn delete_journey(state: State<'_, AppState>, journey: Id) -> Result<()> {
    state.with(|s| library::delete(s, journey))
}

#[tauri::command(async)]
#[specta::specta]
pub fn restore_deleted_journey(state: State<'_, AppState>) -> Result<Id> {
    state.with(library::restore_last_deleted)
}

/// Imports a file the user picked in the file dialog (its name and its bytes) as a new journey.
#[tauri::command(async)]
#[specta::specta]
pub fn import_journey(state: State<'_, AppState>, file_name: String, content: Vec<u8>) -> Result<Id> {
    state.with(|s| {
        let doc = journeywall_core::interchange::import_file(&content, &file_name, None, Ids::New, &state.locale)?;
        s.insert_doc(&doc)?;
        Ok(doc.journey.id)
    })
}
