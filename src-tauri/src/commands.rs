//! The app's state and the answers to the journey requests (see `requests/list.rs`). Each is a
//! thin call into the core; their errors reach the front end as a message a person can act on, in the
//! language the UI is shown in.

use std::sync::{Arc, Mutex, OnceLock, Weak};

use journeywall_core::interchange::Ids;
use journeywall_core::library;
use journeywall_core::model::{Id, JourneyDoc, JourneySummary};
use journeywall_core::templates::{self, TemplateInfo};
use journeywall_core::{said, Applied, Author, Edit, Lang, Said, Store, UndoState};
use serde::Serialize;

pub struct AppState {
    pub db_path: std::path::PathBuf,
    /// The open database, or why it could not be opened (shown to the user instead of the editor).
    pub store: Mutex<std::result::Result<Store, Said>>,
    /// The system's language.
    pub locale: Lang,
    /// The language the UI is shown in, and so the language of every error message sent to it.
    ui_lang: Mutex<Lang>,
    /// Something the user should know from the start (e.g. the sample journey could not be added).
    notice: Mutex<Option<Said>>,
    /// The open room, if any (see `room`).
    pub room: Mutex<Option<crate::phones::Room>>,
    /// The rooms of the breakout groups' boards, beside the main one (see `room/groups.rs`).
    pub groups: Mutex<Vec<crate::phones::Room>>,
    /// Tells the main window what phones changed; set by the app (the CLI has no window).
    pub on_room_event: OnceLock<Box<dyn Fn(crate::events::RoomChanged) + Send + Sync>>,
    /// The UI as built into the binary, which the room serves to co-editors' browsers (absent in
    /// unit tests: they have no editor page).
    pub ui: OnceLock<crate::ui_assets::UiAssets>,
    /// This state itself, for the room's server, which answers phones on other threads.
    me: Weak<AppState>,
}

/// Where the user's choice of language is kept (absent: follow the system).
pub const UI_LOCALE: &str = "ui_locale";

/// Where the journey open in the main window is kept, so that the next start opens it again
/// (absent or empty: the home screen). In the database, not the user's config: `--db` chooses it.
const OPEN_JOURNEY: &str = "open_journey";

// An error as the front end receives it: `{ message }`, in the UI language. There is no `From`
// for the core's errors on purpose: they must go through `AppState::core_error`, which knows the
// language, rather than fall back to English unnoticed. (Plain comments: doc comments would be
// copied into the TypeScript bindings.)
#[derive(Debug, Serialize, specta::Type)]
pub struct CommandError {
    pub message: String,
}

/// Runs a Tauri command's work on a thread of its own. A sync command marked `async` would run on
/// one of the async runtime's few threads (two on a two-core laptop), which the room's server
/// needs: a request that waits (closing the room's server, writing a poster, a file dialog left
/// open) held the phones and the server's own shutdown up (walk: the room opened again on the
/// next port, 3 to 5 s after New link).
pub async fn off_the_runtime<T: Send + 'static>(lang: Lang, work: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tauri::async_runtime::spawn_blocking(work)
        .await
        .unwrap_or_else(|_| Err(CommandError::new(&said!("the laptop could not answer", "de laptop kon niet antwoorden"), lang)))
}

impl CommandError {
    pub fn new(said: &Said, lang: Lang) -> Self {
        CommandError { message: said.get(lang).to_string() }
    }

    /// A refusal of the core in `lang`, and in the log by its kind, never its words.
    fn refused(e: journeywall_core::Error, lang: Lang) -> Self {
        tracing::info!(kind = %crate::logs::kind(&e), "refused");
        CommandError { message: e.message(lang) }
    }
}

pub type Result<T> = std::result::Result<T, CommandError>;

/// A request as a typed value with a typed answer. The room's server asks these (it cannot call
/// `requests::dispatch`: that would make the list of requests, which opens the room, and the
/// room depend on each other); the dispatch answers the same values for `journeywall rpc`.
pub trait Ask {
    type Answer: Serialize;
    fn answer(self, state: &AppState) -> Result<Self::Answer>;
}

impl AppState {
    /// `store` is the database as it opened, or why it did not; the UI language is the one the
    /// user chose before (kept in the database), else the system's.
    pub fn new(db_path: std::path::PathBuf, store: journeywall_core::Result<Store>, locale: Lang) -> Arc<AppState> {
        let chosen = store.as_ref().ok().and_then(|s| s.meta(UI_LOCALE).ok().flatten());
        let ui_lang = chosen.map_or(locale, |c| Lang::from_locale(&c));
        Arc::new_cyclic(|me| AppState {
            db_path,
            store: Mutex::new(store.map_err(|e| e.said())),
            locale,
            ui_lang: Mutex::new(ui_lang),
            notice: Mutex::new(None),
            room: Mutex::new(None),
            groups: Mutex::new(Vec::new()),
            on_room_event: OnceLock::new(),
            ui: OnceLock::new(),
            me: me.clone(),
        })
    }

    /// Takes the database's locks again after a native file dialog (see `Store::reconnect`). A
    /// store that cannot be opened again says why at the next request, as at start.
    pub fn after_file_dialog(&self) {
        let Ok(mut store) = self.store.lock() else { return };
        let old = std::mem::replace(&mut *store, Err(said!("the database is being opened again", "de database wordt opnieuw geopend")));
        *store = match old {
            Ok(s) => s.reconnect().map_err(|e| {
                tracing::error!(error = %e.said().en, "the database could not be opened again after a file dialog");
                e.said()
            }),
            Err(why) => Err(why),
        };
    }

    /// This state, shared: only ever called while it is alive, by one of its own methods' callers.
    pub fn me(&self) -> Arc<AppState> {
        self.me.upgrade().expect("the app's state outlives every request")
    }

    /// Every open room: the main one and the breakout groups'.
    pub fn rooms(&self) -> Vec<Arc<crate::phones::Shared>> {
        let groups = self.groups.lock().map(|g| g.iter().map(|r| r.shared.clone()).collect::<Vec<_>>()).unwrap_or_default();
        self.open_room().into_iter().chain(groups).collect()
    }

    /// The open room of `journey` (the main room or a group's), if any.
    pub fn room_of(&self, journey: Id) -> Option<Arc<crate::phones::Shared>> {
        self.rooms().into_iter().find(|r| r.journey == journey)
    }

    /// The room that is open, if one is.
    pub fn open_room(&self) -> Option<Arc<crate::phones::Shared>> {
        self.room.lock().ok().and_then(|r| r.as_ref().map(|r| r.shared.clone()))
    }

    /// Tells the main window what a phone or a co-editor changed in `room`'s journey (and how many
    /// phones have joined it, who edits it), so the board shows a note, a dot or an edit as it
    /// arrives. A breakout group's room names its own journey: the main board leaves it alone.
    pub fn notify_room(&self, room: &crate::phones::Shared, changes: Option<journeywall_core::Changes>, history: Option<UndoState>) {
        let Some(notify) = self.on_room_event.get() else { return };
        notify(crate::events::RoomChanged {
            journey: room.journey,
            changes,
            history,
            phones: room.phones(),
            editors: room.editing(),
            asking: room.asking(),
        });
    }

    /// Tells the main window how many phones have joined the main room, and who edits.
    pub fn notify_phones(&self) {
        if let Some(room) = self.open_room() {
            self.notify_room(&room, None, None);
        }
    }

    /// Runs `f` (an edit, an undo or a redo of `by`) on `journey`. Phones follow the journey:
    /// after it changes, theirs fetch it again; co-editors are told what changed, and the
    /// laptop's board what a co-editor changed.
    fn change_journey(&self, journey: Id, by: &Person, f: impl FnOnce(&mut Store) -> journeywall_core::Result<Applied>) -> Result<Applied> {
        let applied = self.write_and_tell(self.lang(), journey, by.number(), f, |a| Some(&a.changes))?;
        if let Some(room) = self.room_of(journey) {
            room.changed();
            if by.number().is_some() {
                self.notify_room(&room, Some(applied.changes.clone()), None);
            }
        }
        Ok(applied)
    }

    /// As `with_in`, and what `f` changed in `journey` (`changes_of` its answer) is told to the
    /// room's co-editors before the store is let go: they hear every change in the order it was
    /// written, whoever made it (`by`: the editor; none: the facilitator or a phone).
    pub fn write_and_tell<T>(
        &self,
        lang: Lang,
        journey: Id,
        by: Option<u32>,
        f: impl FnOnce(&mut Store) -> journeywall_core::Result<T>,
        changes_of: impl FnOnce(&T) -> Option<&journeywall_core::Changes>,
    ) -> Result<T> {
        let room = self.room_of(journey).filter(|r| r.editors().is_some());
        self.with_in(lang, |s| {
            let answer = f(s)?;
            if let (Some(room), Some(changes)) = (&room, changes_of(&answer)) {
                room.publish(by, changes);
            }
            Ok(answer)
        })
    }

    /// An answer as JSON, for the callers that answer in JSON (`journeywall rpc`, co-editors).
    pub fn to_json<T: Serialize>(&self, answer: T) -> Result<serde_json::Value> {
        serde_json::to_value(answer)
            .map_err(|e| self.error(&said!("the answer could not be written: {e}", "het antwoord kon niet worden geschreven: {e}")))
    }

    pub fn lang(&self) -> Lang {
        self.ui_lang.lock().map_or(Lang::En, |l| *l)
    }

    /// A core error as the front end shows it (and the log, by its kind).
    pub fn core_error(&self, e: journeywall_core::Error) -> CommandError {
        CommandError::refused(e, self.lang())
    }

    /// A message of the app's own as the front end shows it.
    pub fn error(&self, said: &Said) -> CommandError {
        CommandError::new(said, self.lang())
    }

    pub fn with<T>(&self, f: impl FnOnce(&mut Store) -> journeywall_core::Result<T>) -> Result<T> {
        self.with_in(self.lang(), f)
    }

    /// As `with`, with errors said in `lang` (a phone's language rather than the UI's).
    pub fn with_in<T>(&self, lang: Lang, f: impl FnOnce(&mut Store) -> journeywall_core::Result<T>) -> Result<T> {
        let mut guard = self.store.lock().map_err(|_| {
            CommandError::new(
                &said!("the database is unavailable; restart Journeywall", "de database is niet beschikbaar; start Journeywall opnieuw"),
                lang,
            )
        })?;
        match guard.as_mut() {
            Ok(store) => f(store).map_err(|e| CommandError::refused(e, lang)),
            Err(why) => Err(CommandError::new(why, lang)),
        }
    }

    pub fn set_notice(&self, notice: Said) {
        if let Ok(mut n) = self.notice.lock() {
            *n = Some(notice);
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
    /// Something that went wrong at the start without stopping it, to be shown once.
    pub notice: Option<String>,
    pub locale: Lang,
}

#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OpenedJourney {
    pub doc: JourneyDoc,
    pub history: UndoState,
}

pub fn app_info(state: &AppState) -> Result<AppInfo> {
    let lang = state.lang();
    let open_error = state.store.lock().ok().and_then(|s| s.as_ref().err().map(|why| why.get(lang).to_string()));
    let notice = state.notice.lock().ok().and_then(|n| n.as_ref().map(|n| n.get(lang).to_string()));
    let db_path = state.db_path.display().to_string();
    Ok(AppInfo { version: env!("CARGO_PKG_VERSION").into(), db_path, open_error, notice, locale: lang })
}

pub fn list_journeys(state: &AppState) -> Result<Vec<JourneySummary>> {
    state.with(|s| s.list())
}

pub fn list_templates(_: &AppState) -> Result<Vec<TemplateInfo>> {
    Ok(templates::list())
}

pub fn create_journey(state: &AppState, template: String, name: Option<String>) -> Result<Id> {
    state.with(|s| {
        let doc = templates::instantiate(&template, name.as_deref())?;
        s.insert_doc(&doc)?;
        Ok(doc.journey.id)
    })
}

pub fn open_journey(state: &AppState, journey: Id) -> Result<OpenedJourney> {
    open_journey_by(state, journey, &Person::Facilitator)
}

/// The journey with what undo and redo offer `by`.
pub fn open_journey_by(state: &AppState, journey: Id, by: &Person) -> Result<OpenedJourney> {
    let opened =
        state.with(|s| by.as_author(|author| s.load_for_board(journey, author)).map(|(doc, history)| OpenedJourney { doc, history }))?;
    tracing::info!(%journey, cards = opened.doc.cards.len(), "journey opened");
    Ok(opened)
}

/// Keeps which journey the main window shows (None: the home screen) for the next start.
pub fn remember_open_journey(state: &AppState, journey: Option<Id>) -> Result<()> {
    state.with(|s| s.set_meta(OPEN_JOURNEY, &journey.map(|j| j.to_string()).unwrap_or_default()))
}

/// The journey that was open when the app last closed, opened again; None when the home screen
/// was shown, or when that journey has been deleted since (then it is forgotten too).
pub fn reopen_journey(state: &AppState) -> Result<Option<OpenedJourney>> {
    state.with(|s| {
        let Some(journey) = s.meta(OPEN_JOURNEY)?.and_then(|id| id.parse::<Id>().ok()) else { return Ok(None) };
        match s.load_for_board(journey, Author::FACILITATOR) {
            Ok((doc, history)) => {
                tracing::info!(%journey, cards = doc.cards.len(), "journey opened again");
                Ok(Some(OpenedJourney { doc, history }))
            }
            Err(journeywall_core::Error::NoSuchJourney(_)) => s.set_meta(OPEN_JOURNEY, "").map(|()| None),
            Err(e) => Err(e),
        }
    })
}

/// Who makes an edit: the facilitator (the app's window, the command line) or a co-editor of the
/// room in a browser. Each one's undo takes their own steps only.
pub enum Person {
    Facilitator,
    Editor { number: u32, name: String },
}

impl Person {
    fn number(&self) -> Option<u32> {
        match self {
            Person::Facilitator => None,
            Person::Editor { number, .. } => Some(*number),
        }
    }

    /// `f` with the person as the undo history names them.
    fn as_author<T>(&self, f: impl FnOnce(Author) -> T) -> T {
        match self {
            Person::Facilitator => f(Author::FACILITATOR),
            Person::Editor { number, name } => f(Author { key: &format!("editor:{number}"), name }),
        }
    }
}

pub fn apply_edit(state: &AppState, journey: Id, edit: Edit) -> Result<Applied> {
    apply_edit_by(state, journey, &Person::Facilitator, edit)
}

pub fn apply_edit_by(state: &AppState, journey: Id, by: &Person, edit: Edit) -> Result<Applied> {
    state.change_journey(journey, by, |s| by.as_author(|author| s.apply_as(journey, author, edit)))
}

/// Brings breakout group `group`'s new cards into `journey`, marked with their group: one undo step.
pub fn merge_group(state: &AppState, journey: Id, group: Id) -> Result<Applied> {
    state.change_journey(journey, &Person::Facilitator, |s| journeywall_core::groups::merge(s, journey, group))
}

/// `step` is the mark of the step the board offered to undo (`UndoState::undo_step`).
pub fn undo(state: &AppState, journey: Id, step: Option<String>) -> Result<Applied> {
    step_by(state, journey, &Person::Facilitator, true, step)
}

pub fn redo(state: &AppState, journey: Id, step: Option<String>) -> Result<Applied> {
    step_by(state, journey, &Person::Facilitator, false, step)
}

/// Undoes (`undo`) or redoes the next step of `by`'s own.
pub fn step_by(state: &AppState, journey: Id, by: &Person, undo: bool, step: Option<String>) -> Result<Applied> {
    state.change_journey(journey, by, |s| by.as_author(|author| s.step_as(journey, author, undo, step.as_deref())))
}

/// Switches the UI language, and with it the language of errors, then keeps the choice. The
/// switch holds even when the database cannot keep it: the UI has switched already.
pub fn set_language(state: &AppState, locale: Lang) -> Result<()> {
    if let Ok(mut l) = state.ui_lang.lock() {
        *l = locale;
    }
    state.with(|s| s.set_meta(UI_LOCALE, locale.code()))
}

pub fn duplicate_journey(state: &AppState, journey: Id, name: String) -> Result<Id> {
    state.with(|s| library::duplicate(s, journey, &name))
}

pub fn delete_journey(state: &AppState, journey: Id) -> Result<()> {
    state.with(|s| library::delete(s, journey))
}

pub fn restore_deleted_journey(state: &AppState) -> Result<Id> {
    state.with(library::restore_last_deleted)
}

/// A journey imported, and what the person who imported it should be told (the row of a
/// workbook read as its header, the name it got because its own was taken), in the UI language.
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportedJourney {
    pub journey: Id,
    pub message: Option<String>,
}

/// Imports a file's bytes (its name tells JSON from CSV) as a new journey. The file is parsed
/// before the database is touched, so a large import never holds up the editor's saves. The app
/// picks and reads the file in Rust (`imports::choose_import`); this request serves
/// `journeywall rpc` and the UI tests. A table of cards becomes a journey in the UI language,
/// the one its words (a description the import writes, the poster's) are read in.
pub fn import_journey(state: &AppState, file_name: String, content: Vec<u8>) -> Result<ImportedJourney> {
    let lang = state.lang();
    let imported =
        journeywall_core::interchange::import_file(&content, &file_name, None, Ids::New, lang.code()).map_err(|e| state.core_error(e))?;
    let added = state.with(|s| library::import(s, imported))?;
    tracing::info!(journey = %added.journey, format = %crate::logs::format_of(&file_name), bytes = content.len(), "journey imported");
    let message = (!added.remarks.is_empty()).then(|| added.remarks.iter().map(|r| r.get(lang)).collect::<Vec<_>>().join(" "));
    Ok(ImportedJourney { journey: added.journey, message })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// The app's state over a database file in `dir`, on a system in `system` language.
    fn state_in(dir: &Path, system: &str) -> std::sync::Arc<AppState> {
        let path = dir.join("journeywall.db");
        AppState::new(path.clone(), Store::open(&path), Lang::from_locale(system))
    }

    fn open_missing_journey(state: &AppState) -> String {
        state.with(|s| s.load(Id::nil())).unwrap_err().message
    }

    #[test]
    fn errors_come_in_the_language_chosen_with_set_language() {
        let dir = tempfile::tempdir().unwrap();
        let state = state_in(dir.path(), "en");
        let nil = Id::nil();
        assert_eq!(open_missing_journey(&state), format!("no journey called or with id '{nil}'"));
        set_language(&state, Lang::Nl).unwrap();
        assert_eq!(open_missing_journey(&state), format!("er is geen klantreis met de naam of het id '{nil}'"));
        assert_eq!(app_info(&state).unwrap().locale, Lang::Nl);
        set_language(&state, Lang::En).unwrap();
        assert_eq!(open_missing_journey(&state), format!("no journey called or with id '{nil}'"));
    }

    /// A CSV imported with the UI in Dutch on an English system said "Imported from
    /// postits.csv, read as Windows-1252 text." under its Dutch title: a table of cards becomes
    /// a journey in the UI language, and what the import says comes in it too.
    #[test]
    fn a_table_of_cards_is_imported_in_the_ui_language() {
        let dir = tempfile::tempdir().unwrap();
        let state = state_in(dir.path(), "en");
        set_language(&state, Lang::Nl).unwrap();
        let cp1252 = b"Workshop fietsenwinkel\nfase;rij;titel\nOri\xebntatie;Acties;Zoekt een e-bike\n".to_vec();
        let imported = import_journey(&state, "postits.csv".into(), cp1252).unwrap();
        let doc = state.with(|s| s.load(imported.journey)).unwrap();
        assert_eq!(doc.journey.locale, Lang::Nl);
        assert_eq!(doc.journey.description, "Geïmporteerd uit postits.csv, gelezen als Windows-1252-tekst.");
        let message = imported.message.unwrap_or_default();
        assert!(message.starts_with("Als kopregel met de kolomnamen is regel 2 gelezen"), "{message}");
    }

    #[test]
    fn the_language_chosen_last_time_is_used_from_the_start() {
        let dir = tempfile::tempdir().unwrap();
        set_language(&state_in(dir.path(), "en"), Lang::Nl).unwrap();
        let state = state_in(dir.path(), "en");
        assert_eq!((state.lang(), app_info(&state).unwrap().locale), (Lang::Nl, Lang::Nl));
        assert!(open_missing_journey(&state).starts_with("er is geen klantreis"));
    }

    #[test]
    fn without_a_choice_errors_follow_the_system_language() {
        let dir = tempfile::tempdir().unwrap();
        let state = state_in(dir.path(), "nl");
        assert_eq!(app_info(&state).unwrap().locale, Lang::Nl);
        assert!(open_missing_journey(&state).starts_with("er is geen klantreis"));
    }

    #[test]
    fn a_language_we_do_not_speak_is_refused_and_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let state = state_in(dir.path(), "nl");
        let e = crate::requests::parse(&state, r#"{"cmd":"set_language","locale":"fr"}"#).unwrap_err();
        assert!(e.message.starts_with("geen verzoek (unknown variant `fr`, expected `en` or `nl`"), "{}", e.message);
        assert_eq!(state.lang(), Lang::Nl);
    }

    #[test]
    fn the_journey_open_at_the_last_start_opens_again_unless_it_was_deleted_or_closed() {
        let dir = tempfile::tempdir().unwrap();
        let state = state_in(dir.path(), "en");
        assert!(reopen_journey(&state).unwrap().is_none(), "a first start shows the home screen");
        let journey = create_journey(&state, "online-en".into(), None).unwrap();
        remember_open_journey(&state, Some(journey)).unwrap();

        let restarted = state_in(dir.path(), "en");
        assert_eq!(reopen_journey(&restarted).unwrap().map(|o| o.doc.journey.id), Some(journey));
        remember_open_journey(&restarted, None).unwrap();
        assert!(reopen_journey(&state_in(dir.path(), "en")).unwrap().is_none(), "closed: home");

        remember_open_journey(&restarted, Some(journey)).unwrap();
        delete_journey(&restarted, journey).unwrap();
        let restarted = state_in(dir.path(), "en");
        assert!(reopen_journey(&restarted).unwrap().is_none(), "deleted: home, without an error");
        assert_eq!(restarted.with(|s| s.meta(OPEN_JOURNEY)).unwrap().as_deref(), Some(""), "and forgotten");
    }

    #[test]
    fn a_database_that_cannot_be_opened_is_explained_in_the_ui_language() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("journeywall.db"), "workshop notes").unwrap();
        let state = state_in(dir.path(), "nl");
        let shown = app_info(&state).unwrap().open_error.unwrap();
        assert!(shown.contains("is geen Journeywall-database"), "{shown}");
        assert_eq!(open_missing_journey(&state), shown);
        // The switch holds although the database cannot keep it, so the UI and its errors agree.
        assert!(set_language(&state, Lang::En).is_err());
        assert!(app_info(&state).unwrap().open_error.unwrap().contains("is not a Journeywall database"));
    }
}
