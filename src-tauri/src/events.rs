//! The events between the app and its windows, typed on both sides: tauri-specta makes of each
//! type an event with its name and payload in `ui/src/ipc/bindings.ts`, so no event name is ever
//! written by hand in two places.

use journeywall_core::model::{Id, JourneyDoc};
use journeywall_core::{Changes, Lang, UndoState};
use serde::{Deserialize, Serialize};

/// A native menu entry was chosen (sent to every window; the main window acts on it).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct MenuChosen {
    pub id: String,
}

/// The projector window listens now and wants the state to show (to the main window).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ProjectorReady;

/// The projector window was closed, by its own close button too (to the main window).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ProjectorClosed;

/// What the presenter's window shows the room: sent by the main window to the projector window.
/// The Rust side only names its shape.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct Present {
    pub doc: JourneyDoc,
    pub state: PresentState,
    pub locale: Lang,
    /// The room's join code, shown full size instead of the map while the presenter asks for it.
    #[serde(default)]
    pub join: Option<JoinCode>,
    /// The room timer, shown on the wall while it runs.
    #[serde(default)]
    pub timer: Option<ShownTimer>,
}

/// The room timer as the projector shows it: when it runs out (the projector's window runs on the
/// same clock), or what is left while it is paused.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ShownTimer {
    pub ends_at: Option<journeywall_core::model::Millis>,
    pub left: journeywall_core::model::Millis,
}

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
pub struct JoinCode {
    pub link: String,
    /// The QR code of `link`, as an SVG document.
    pub qr: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PresentState {
    /// The phase shown, by index.
    pub phase: u32,
    /// Rows the presenter hid for the room (e.g. backstage), besides the rows hidden in the journey.
    pub hidden_rows: Vec<Id>,
    pub notes: bool,
}

/// Phones or co-editors changed something in the room's journey (a note arrived, a dot was given,
/// a card was edited), phones joined, or co-editors came or selected other cards (to the main
/// window, which merges `changes` as it merges its own edits'; a co-editor's page hears the same).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct RoomChanged {
    pub journey: Id,
    pub changes: Option<Changes>,
    /// Set when what a phone did is in the facilitator's undo history (a note put straight on the
    /// board).
    pub history: Option<UndoState>,
    pub phones: u32,
    /// The co-editors let in, with what each has selected and is typing in: outlined on the board.
    pub editors: Vec<crate::phones::EditorInfo>,
    /// Co-editors who asked to edit and wait to be let in: the toolbar's Room button says so.
    pub asking: u32,
}

/// Another writer (a second window, the CLI) committed to the database file: the main window
/// reloads what it shows, so it never edits or undoes from a stale board.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct DatabaseChanged;
