//! The projector window of the presenter view: a second window that shows the clean map while
//! the laptop keeps the controls. It runs the same front end, which tells the two apart by the
//! window's label; it gets everything it shows from the main window as events, so it may call no
//! command but `projector_ready` and emit no event (see `capabilities/projector.json` and the
//! `shell projector` section of `requests/list.rs`).

use tauri::{AppHandle, Manager, Runtime, WebviewUrl, WebviewWindowBuilder};
use tauri_specta::Event;

use crate::commands::{AppState, Result};
use journeywall_core::said;

pub const LABEL: &str = "projector";

/// Opens the projector window, or brings it forward. With a second screen attached it goes full
/// screen there; otherwise it opens beside the main window, to be dragged to the projector.
#[tauri::command(async)]
#[specta::specta]
pub fn open_projector<R: Runtime>(app: AppHandle<R>, state: tauri::State<'_, std::sync::Arc<AppState>>) -> Result<()> {
    if let Some(window) = app.get_webview_window(LABEL) {
        let _ = window.set_focus();
        return Ok(());
    }
    let failed = |e: tauri::Error| {
        state.error(&said!("the projector window could not be opened: {e}", "het venster voor de projector kon niet worden geopend: {e}"))
    };
    let window = WebviewWindowBuilder::new(&app, LABEL, WebviewUrl::App("index.html".into()))
        .title("Journeywall — projector")
        .inner_size(1280.0, 720.0)
        .build()
        .map_err(failed)?;
    if let Some(screen) = other_screen(&app) {
        let at = screen.position();
        window.set_fullscreen_on_monitor(tauri::PhysicalPosition::new(f64::from(at.x), f64::from(at.y))).map_err(failed)?;
    }
    Ok(())
}

#[tauri::command(async)]
#[specta::specta]
pub fn close_projector<R: Runtime>(app: AppHandle<R>) {
    if let Some(window) = app.get_webview_window(LABEL) {
        let _ = window.close();
    }
}

/// Called by the projector window once it listens; the presenter's controls then send it what to
/// show. (The one command the projector may call: it cannot emit events to the main window itself.)
#[tauri::command(async)]
#[specta::specta]
pub fn projector_ready<R: Runtime>(app: AppHandle<R>) {
    let _ = crate::events::ProjectorReady.emit_to(&app, "main");
}

/// A screen other than the one the main window is on: the projector, when one is attached.
fn other_screen<R: Runtime>(app: &AppHandle<R>) -> Option<tauri::Monitor> {
    let main = app.get_webview_window("main")?;
    let here = main.current_monitor().ok().flatten()?;
    main.available_monitors().ok()?.into_iter().find(|m| m.position() != here.position())
}
