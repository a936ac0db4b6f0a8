// Every command the front end may call, in one list: adding a line here is all it takes to add
// one. This file is read twice. The crate (`requests/mod.rs`) makes of each `core` line a typed
// request answered by `dispatch` (for the app, `journeywall rpc` and the room), its Tauri command
// and its TypeScript wrapper; `build.rs` makes of every line a Tauri permission, granted to the
// window named in its section and to no other.
//
// A `core` line names the function that answers it (`module::name(args) -> answer`); that
// function takes `&AppState` first and returns `Result<answer, CommandError>`. A `shell` line
// names a Tauri command that needs a window or a native dialog, so only the app can answer it.
// A `phone` line names a request type of the room's phones (`cmd = type`), answered by its
// `Ask` impl: the room's server asks it directly, the dispatch for `journeywall rpc`. No window
// may call it, so it has no Tauri command and no grant.
requests! {
    core main {
        commands::app_info() -> AppInfo;
        commands::list_journeys() -> Vec<JourneySummary>;
        commands::list_templates() -> Vec<TemplateInfo>;
        commands::create_journey(template: String, name: Option<String>) -> Id;
        commands::open_journey(journey: Id) -> OpenedJourney;
        commands::reopen_journey() -> Option<OpenedJourney>;
        commands::remember_open_journey(journey: Option<Id>) -> ();
        commands::apply_edit(journey: Id, edit: Edit) -> Applied;
        commands::undo(journey: Id, step: Option<String>) -> Applied;
        commands::redo(journey: Id, step: Option<String>) -> Applied;
        commands::set_language(locale: Lang) -> ();
        commands::duplicate_journey(journey: Id, name: String) -> Id;
        commands::delete_journey(journey: Id) -> ();
        commands::restore_deleted_journey() -> Id;
        commands::import_journey(file_name: String, content: Vec<u8>) -> ImportedJourney;
        save::poster_papers() -> PosterPapers;
        save::poster_preview(journey: Id, options: PosterOptions) -> PosterPreview;
        rounds::list_rounds(journey: Id) -> Vec<RoundInfo>;
        rounds::save_round(journey: Id, name: String) -> RoundInfo;
        rounds::open_round(journey: Id, round: Id) -> Round;
        rounds::compare_rounds(journey: Id, from: Option<Id>, to: Option<Id>) -> RoundDiff;
        rounds::rename_round(journey: Id, round: Id, name: String) -> ();
        rounds::delete_round(journey: Id, round: Id) -> ();
        rounds::restore_round(journey: Id, round: Id, name: String) -> Id;
        room::open_room(journey: Id, options: RoomOptions) -> RoomInfo;
        room::close_room() -> ();
        room::kept_room_options(journey: Id) -> Option<RoomOptions>;
        room::new_room_link() -> RoomInfo;
        room::lock_room(locked: bool) -> RoomInfo;
        room::remove_phone(number: u32) -> RoomInfo;
        room::take_editors(on: bool) -> RoomInfo;
        room::decide_editor(number: u32, allow: bool) -> RoomInfo;
        room::split_into_groups(journey: Id, count: u32, by: SplitBy) -> Vec<GroupRoom>;
        room::group_rooms(journey: Id) -> Vec<GroupRoom>;
        commands::merge_group(journey: Id, group: Id) -> Applied;
        room::room_info() -> Option<RoomInfo>;
        room::set_room_focus(focus: Focus) -> ();
    }
    core phone {
        phone_view = room::ViewForPhone;
        name_phone = room::NamePhone;
        receive_notes = room::ReceiveNotes;
        give_dot = room::GiveDot;
    }
    shell main {
        save::save_poster::<tauri::Wry>,
        save::export_journey::<tauri::Wry>,
        menu::update_menu,
        menu::quit_app::<tauri::Wry>,
        projector::open_projector::<tauri::Wry>,
        projector::close_projector::<tauri::Wry>,
        personas::choose_persona_picture::<tauri::Wry>,
        imports::choose_import::<tauri::Wry>,
        save::open_log_folder,
        logs::log_window_error,
    }
    shell projector {
        projector::projector_ready::<tauri::Wry>,
    }
}
