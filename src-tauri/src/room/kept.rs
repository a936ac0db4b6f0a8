//! A room as the database keeps it, so that after a crash or a restart of the app (or of
//! `journeywall room`) it opens again as it was: the same link, its phones known by their cookies
//! with their names, its settings. Its phones are forgotten when the facilitator asks for a new
//! link (its co-editors stay), and all of it lapses with the phones' cookies.

use journeywall_core::model::{now_millis, Id, Millis};
use serde::{Deserialize, Serialize};

use crate::commands::AppState;
use crate::phones::{room_code, Editor, KeptPhone, RoomOptions, Shared, COOKIE_HOURS};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeptRoom {
    pub token: String,
    pub port: u16,
    pub options: RoomOptions,
    pub locked: bool,
    pub phones: Vec<KeptPhone>,
    #[serde(default)]
    pub removed: Vec<KeptPhone>,
    /// The co-editors' link and who came through it, so each keeps their own undo after a restart.
    pub editor_token: Option<String>,
    #[serde(default)]
    pub editors: Vec<Editor>,
    pub kept_at: Millis,
}

fn key(journey: Id) -> String {
    format!("room:{journey}")
}

/// The room kept for `journey`, unless it is older than a phone's cookie (its phones are gone).
pub fn kept(state: &AppState, journey: Id) -> Option<KeptRoom> {
    let text = state.with(|s| s.meta(&key(journey))).ok().flatten()?;
    let room: KeptRoom = serde_json::from_str(&text).ok()?;
    (now_millis() - room.kept_at < i64::from(COOKIE_HOURS) * 3_600_000).then_some(room)
}

/// Keeps the room as it is now. A room that cannot be kept (a full disk) still runs; only a
/// restart would give it a new link.
pub fn keep(state: &AppState, room: &Shared) {
    let (phones, locked, removed) = room.devices.lock().map(|d| (d.kept(), d.locked, d.removed.clone())).unwrap_or_default();
    let (token, port) = (room.token.clone(), room.port);
    let options = RoomOptions { editors: room.editors().is_some(), ..room.options.clone() };
    // A room closed to co-editors keeps their link and who they were: invited again, their pages
    // come back by themselves, with what they had not sent yet.
    let e = &room.editors_room;
    let (editor_token, editors) = (Some(e.token.clone()), e.list.lock().map(|l| l.list.clone()).unwrap_or_default());
    write(state, room.journey, &KeptRoom { token, port, options, locked, phones, removed, editor_token, editors, kept_at: now_millis() });
}

/// Forgets the phones' link and every phone that came through it, for a new link: the settings,
/// the port and the co-editors (let in one by one, never through the projector) stay.
pub fn forget_phones(state: &AppState, journey: Id) {
    match kept(state, journey) {
        Some(k) => {
            let renewed = KeptRoom { token: room_code(), phones: vec![], removed: vec![], locked: false, kept_at: now_millis(), ..k };
            write(state, journey, &renewed);
        }
        None => forget(state, journey),
    }
}

fn write(state: &AppState, journey: Id, kept: &KeptRoom) {
    let Ok(text) = serde_json::to_string(kept) else { return };
    if let Err(e) = state.with(|s| s.set_meta(&key(journey), &text)) {
        tracing::warn!(error = %e.message, "the room could not be kept");
    }
}

pub fn forget(state: &AppState, journey: Id) {
    let _ = state.with(|s| s.set_meta(&key(journey), ""));
}
