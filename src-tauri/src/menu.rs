//! The native menu bar (File, Edit, View, Help). Items only report that they were chosen; the
//! front end runs the same action as the matching key or button. Labels come from the front
//! end's catalogs (`update_menu`), so Dutch and English live in one place, and Undo/Redo say what
//! they will undo.

use std::collections::HashMap;
use std::sync::Mutex;

use journeywall_core::{said, Lang};
use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_specta::Event;

use crate::commands::{AppState, CommandError};

/// Every menu entry: (submenu, id, English label). What an entry does, its label in the UI's
/// language and its accelerator come from the front end's registry of actions
/// (`ui/src/editor/registry.ts`, through `update_menu`): only keys that mean nothing in a text
/// field get one (Ctrl+Z in a card's title must undo typing, so the web view, which knows where
/// the focus is, handles those keys itself).
const ITEMS: &[(&str, &str, &str)] = &[
    ("file", "new", "New journey…"),
    ("file", "home", "All journeys"),
    ("file", "poster", "Print poster…"),
    ("file", "export", "Export as…"),
    ("file", "room", "Room for phones…"),
    ("file", "quit", "Quit"),
    ("edit", "undo", "Undo"),
    ("edit", "redo", "Redo"),
    ("edit", "addCard", "Add card"),
    ("edit", "duplicate", "Duplicate"),
    ("edit", "delete", "Delete"),
    ("edit", "selectAll", "Select all cards"),
    ("view", "zoomIn", "Zoom in"),
    ("view", "zoomOut", "Zoom out"),
    ("view", "zoomReset", "Actual size"),
    ("view", "zoomFit", "Fit the journey"),
    ("view", "details", "Card details panel"),
    ("view", "langEn", "English"),
    ("view", "langNl", "Nederlands"),
    ("help", "shortcuts", "Keyboard shortcuts"),
    ("help", "logFolder", "Open the log folder"),
    ("help", "about", "About Journeywall"),
];
const SUBMENUS: &[(&str, &str)] = &[("file", "File"), ("edit", "Edit"), ("view", "View"), ("help", "Help")];
/// Entries that start a new group within their submenu.
const SEPARATED: &[&str] = &["poster", "quit", "addCard", "langEn"];

/// The labels, states and accelerators the front end asked for, kept to rebuild the menu from.
#[derive(Default)]
pub struct MenuChoices {
    labels: HashMap<String, String>,
    enabled: HashMap<String, bool>,
    accelerators: HashMap<String, String>,
}

#[derive(Default)]
pub struct MenuState(pub Mutex<MenuChoices>);

fn build<R: Runtime>(app: &AppHandle<R>, choices: &MenuChoices) -> tauri::Result<Menu<R>> {
    let MenuChoices { labels, enabled, accelerators } = choices;
    let label = |id: &str, default: &'static str| labels.get(id).cloned().unwrap_or_else(|| default.to_string());
    let mut menu = MenuBuilder::new(app);
    for (sub, title) in SUBMENUS {
        let mut s = SubmenuBuilder::with_id(app, *sub, label(sub, title));
        for (_, id, text) in ITEMS.iter().filter(|i| i.0 == *sub) {
            if SEPARATED.contains(id) {
                s = s.separator();
            }
            let mut b = MenuItemBuilder::with_id(*id, label(id, text)).enabled(enabled.get(*id).copied().unwrap_or(true));
            if let Some(a) = accelerators.get(*id) {
                b = b.accelerator(a);
            }
            s = s.item(&b.build(app)?);
        }
        let s = s.build()?;
        menu = menu.item(&s);
    }
    menu.build()
}

/// Menu choices go to the front end as a `menu` event carrying the entry's id.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, id: &str) {
    if id == "quit" {
        return ask_to_quit(app);
    }
    let _ = crate::events::MenuChosen { id: id.to_string() }.emit(app);
}

/// How long the window may take to save what is being typed before the app quits anyway.
const QUIT_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

/// Quitting (the menu, the window's close button) first lets the window save what is being typed
/// — a card title half written, a note in the card panel — and the edits on their way; it then
/// calls `quit_app`. A window that does not answer is not waited for longer than `QUIT_WAIT`.
pub fn ask_to_quit<R: Runtime>(app: &AppHandle<R>) {
    let quit = crate::events::MenuChosen { id: "quit".into() };
    if app.get_webview_window("main").is_none() || quit.emit_to(app, "main").is_err() {
        return app.exit(0);
    }
    let app = app.clone();
    std::thread::spawn(move || {
        std::thread::sleep(QUIT_WAIT);
        tracing::warn!("the window did not finish saving in time; quitting");
        app.exit(0);
    });
}

/// The window has saved what was being typed: the app ends.
#[tauri::command]
#[specta::specta]
pub fn quit_app<R: Runtime>(app: AppHandle<R>) {
    app.exit(0);
}

/// Relabels, enables and binds keys to entries: `labels` by id (submenus too), `enabled` and
/// `accelerators` (as Tauri writes them: "CmdOrCtrl+P") by id; entries not
/// named keep what they had. The menu is built anew: GTK does not redraw a menu bar whose labels
/// change in place. Not async: on the main thread, calls are applied in the order they were
/// made, so a late English label never overwrites the Dutch one chosen after it.
#[tauri::command]
#[specta::specta]
pub fn update_menu(
    app: AppHandle,
    state: State<'_, MenuState>,
    labels: HashMap<String, String>,
    enabled: HashMap<String, bool>,
    accelerators: HashMap<String, String>,
) -> Result<(), CommandError> {
    let lang = app.try_state::<std::sync::Arc<AppState>>().map_or(Lang::En, |s| s.lang());
    let mut current =
        state.0.lock().map_err(|_| CommandError::new(&said!("the menu is unavailable", "het menu is niet beschikbaar"), lang))?;
    current.labels.extend(labels);
    current.enabled.extend(enabled);
    current.accelerators.extend(accelerators);
    // Tauri's own words, which we cannot translate; in Dutch inside a sentence that is.
    let failed = |e: tauri::Error| CommandError::new(&said!("{e}", "het menu kon niet worden aangepast: {e}"), lang);
    let menu = build(&app, &current).map_err(failed)?;
    app.set_menu(menu).map_err(failed)?;
    Ok(())
}

pub fn install(app: &AppHandle) -> tauri::Result<()> {
    let menu = build(app, &MenuChoices::default())?;
    app.set_menu(menu)?;
    Ok(())
}
