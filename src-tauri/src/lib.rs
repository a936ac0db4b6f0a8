//! The Journeywall app: the Tauri window over the core, and the CLI in the same binary.
//! This file is wiring only.

pub mod cli;
mod commands;
mod events;
mod fds;
mod imports;
mod lines;
mod logs;
mod menu;
mod paths;
mod personas;
mod phones;
mod pick;
mod projector;
pub mod requests;
mod room;
mod rounds;
mod rpc;
mod save;
mod ui_assets;
mod watch;

use std::path::PathBuf;

use journeywall_core::{templates, Store};
use tauri::Manager;
use tauri_plugin_window_state::StateFlags;
use tauri_specta::Event;

/// Opens the database (adding the sample journey on the very first start) and the window.
pub fn run(db_path: PathBuf) {
    let locale = paths::system_locale();
    let (store, notice) = open_database(&db_path, locale);
    let state = crate::commands::AppState::new(db_path, store, locale);
    if let Some(notice) = notice {
        state.set_notice(notice);
    }
    let builder = requests::specta_builder();
    let (context, ui) = ui_assets::UiAssets::context();
    let _ = state.ui.set(ui);
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        // Only the main window's size and place are remembered; the projector's follow the screen.
        .plugin(
            tauri_plugin_window_state::Builder::new()
                // Not full screen: a presentation left running must not greet the next start.
                .with_state_flags(StateFlags::SIZE | StateFlags::POSITION | StateFlags::MAXIMIZED)
                .with_denylist(&[projector::LABEL])
                .build(),
        )
        .manage(state)
        .manage(menu::MenuState::default())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            let handle = app.handle().clone();
            let _ = app.state::<std::sync::Arc<commands::AppState>>().on_room_event.set(Box::new(move |e: events::RoomChanged| {
                let _ = e.emit_to(&handle, "main");
            }));
            menu::install(app.handle())?;
            watch::start(app.handle().clone(), &app.state::<std::sync::Arc<commands::AppState>>());
            Ok(())
        })
        .on_menu_event(|app, event| menu::on_event(app, event.id().as_ref()))
        .on_window_event(|window, event| {
            // The main window's close button quits as the menu does: what is being typed is saved first.
            if let (true, tauri::WindowEvent::CloseRequested { api, .. }) = (window.label() == "main", event) {
                api.prevent_close();
                menu::ask_to_quit(window.app_handle());
            }
            // The presenter's controls learn that the projector window was closed (by its own close
            // button, too), so they offer to open it again.
            if window.label() == projector::LABEL && matches!(event, tauri::WindowEvent::Destroyed) {
                let _ = events::ProjectorClosed.emit_to(window.app_handle(), "main");
            }
            // Closing the main window ends the presentation (a projector window with no controls
            // would otherwise be left on the wall) and the room: nothing listens for phones after.
            if window.label() == "main" && matches!(event, tauri::WindowEvent::Destroyed) {
                projector::close_projector(window.app_handle().clone());
                let _ = room::close_room(&window.state::<std::sync::Arc<commands::AppState>>());
            }
        })
        .run(context);
    if let Err(e) = result {
        tracing::error!(cause = %e, "the window could not be opened");
        eprintln!("journeywall: the window could not be opened: {e}");
        std::process::exit(1);
    }
}

/// The database as the app opens it: adding the sample journey on the very first start. A
/// database that opened is opened, even when the sample cannot be added (a read-only folder, a
/// busy file): the second value says what failed, for the user, who has their journeys.
fn open_database(
    db_path: &std::path::Path,
    locale: journeywall_core::Lang,
) -> (journeywall_core::Result<Store>, Option<journeywall_core::Said>) {
    let mut store = Store::open(db_path);
    if let Err(e) = &store {
        tracing::error!(cause = %logs::kind(e), "the database did not open");
        eprintln!("journeywall: {e}");
    }
    let sample = store.as_mut().ok().and_then(|s| templates::add_sample_on_first_start(s, locale.code()).err());
    let notice = sample.map(|e| {
        tracing::warn!(cause = %logs::kind(&e), "the sample journey was not added");
        eprintln!("journeywall: the sample journey was not added: {e}");
        journeywall_core::said!(
            "The sample journey could not be added ({en}). Your journeys are all here.",
            "De voorbeeldklantreis kon niet worden toegevoegd ({nl}). Je klantreizen staan er allemaal.",
            en = e.message(journeywall_core::Lang::En),
            nl = e.message(journeywall_core::Lang::Nl)
        )
    });
    (store, notice)
}

#[cfg(test)]
mod tests {
    /// A database that is busy when the sample journey would be added still opens, and the
    /// user is told what failed.
    #[test]
    fn a_readable_database_opens_even_when_the_sample_cannot_be_added() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journeywall.db");
        drop(journeywall_core::Store::open(&path).unwrap());
        let other = rusqlite::Connection::open(&path).unwrap();
        other.execute_batch("BEGIN IMMEDIATE").unwrap();
        let (store, notice) = super::open_database(&path, journeywall_core::Lang::Nl);
        assert!(store.is_ok(), "the database opened");
        let notice = notice.expect("the user is told");
        assert!(notice.nl.starts_with("De voorbeeldklantreis kon niet worden toegevoegd"), "{}", notice.nl);
        other.execute_batch("ROLLBACK").unwrap();
    }

    /// The front end's IPC types and command wrappers are generated from the Rust types. A stale
    /// committed copy fails the suite (and is rewritten, ready to commit).
    #[test]
    fn typescript_bindings_are_up_to_date() {
        let committed = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/ipc/bindings.ts");
        let dir = tempfile::tempdir().unwrap();
        let fresh = dir.path().join("bindings.ts");
        super::requests::specta_builder()
            .export(
                specta_typescript::Typescript::default()
                    .header("// Generated from the Rust types by `cargo test -p journeywall`; do not edit.\n"),
                &fresh,
            )
            .expect("bindings are written");
        let fresh = std::fs::read_to_string(&fresh).unwrap();
        let old = std::fs::read_to_string(committed).unwrap_or_default();
        if fresh != old {
            std::fs::write(committed, &fresh).unwrap();
            panic!("ui/src/ipc/bindings.ts was stale; it has been regenerated: rebuild the UI and commit it");
        }
    }
}
