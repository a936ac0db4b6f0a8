/// Every command the front end may call. Listing them makes Tauri generate a permission for each,
/// and a command is then callable only when `capabilities/default.json` grants it: a new command
/// has to be granted on purpose.
const COMMANDS: &[&str] = &[
    "app_info",
    "list_journeys",
    "list_templates",
    "create_journey",
    "open_journey",
    "apply_edit",
    "undo",
    "redo",
    "set_language",
    "duplicate_journey",
    "delete_journey",
    "restore_deleted_journey",
    "import_journey",
    "export_journey",
    "poster_papers",
    "poster_preview",
    "save_poster",
    "update_menu",
    "list_rounds",
    "save_round",
    "open_round",
    "compare_rounds",
    "rename_round",
    "delete_round",
    "restore_round",
    "open_projector",
    "close_projector",
    "projector_ready",
    "choose_persona_picture",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest)).expect("the Tauri build step runs");
}
