//! Watches for a second writer on the database file (another window, `journeywall edit`): the
//! store is asked every so often whether another connection committed, and the main window is
//! told, so its board and its undo follow what is on disk. Phones in the room fetch again too
//! (`journeywall room` asks the same question for its phones, see cli.rs).

use std::sync::{Arc, Weak};
use std::time::Duration;

use tauri_specta::Event;

use crate::commands::AppState;
use crate::events::DatabaseChanged;

/// How often the file is asked. `PRAGMA data_version` reads no page, so this costs nothing while
/// it keeps a change made elsewhere on the board within a second.
pub const EVERY: Duration = Duration::from_millis(750);

/// Starts the watch; it ends with the app.
pub fn start(app: tauri::AppHandle, state: &Arc<AppState>) {
    let state = Arc::downgrade(state);
    let spawned = std::thread::Builder::new().name("database watch".into()).spawn(move || watch(app, state));
    if let Err(e) = spawned {
        eprintln!("journeywall: changes made by another program will not show until the journey is opened again: {e}");
    }
}

fn watch(app: tauri::AppHandle, state: Weak<AppState>) {
    loop {
        std::thread::sleep(EVERY);
        let Some(state) = state.upgrade() else { return };
        if changed_elsewhere(&state) {
            let _ = DatabaseChanged.emit_to(&app, "main");
        }
    }
}

/// Whether another connection committed since the last look; if so, the open rooms' phones fetch
/// what they show again and their co-editors load the journey again. A store busy with a request
/// is passed by (it is asked again at the next tick); a store that did not open has no writers.
pub fn changed_elsewhere(state: &AppState) -> bool {
    let Ok(mut store) = state.store.try_lock() else { return false };
    let changed = store.as_mut().is_ok_and(|s| s.changed_elsewhere().unwrap_or(false));
    drop(store);
    if changed {
        for room in state.rooms() {
            room.changed();
            room.reload_editors();
        }
    }
    changed
}
