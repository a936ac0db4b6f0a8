//! Breakouts in the room: every group board gets a room of its own beside the main one, with a
//! phones' link and an editors' link, so each table works on its board from its own phones and
//! laptops. Group rooms let editors in unasked: their links are handed to the tables on the groups
//! page, and the facilitator is busy with the whole room.

use journeywall_core::groups::{self, GroupBoard, SplitBy};
use journeywall_core::model::Id;
use journeywall_core::said;
use serde::Serialize;

use super::{start, RoomOptions};
use crate::commands::{AppState, Result};

/// A group's board and how its phones and laptops join it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GroupRoom {
    pub board: GroupBoard,
    pub link: String,
    pub qr: String,
    pub editor_link: String,
    pub editor_qr: String,
}

/// Splits `journey` into `count` group boards (see `groups::split`) and opens their rooms.
pub fn split_into_groups(state: &AppState, journey: Id, count: u32, by: SplitBy) -> Result<Vec<GroupRoom>> {
    state.with(|s| groups::split(s, journey, count, by))?;
    group_rooms(state, journey)
}

/// The group boards of `journey` with their rooms, opened where they are not (after a restart,
/// with the links they had).
pub fn group_rooms(state: &AppState, journey: Id) -> Result<Vec<GroupRoom>> {
    let boards = state.with(|s| groups::boards(s, journey))?;
    // Where the main room listens, the groups' rooms listen too.
    let (bind, anonymous) = state.open_room().map_or((None, false), |r| (r.options.bind, r.options.anonymous));
    let mut open = state.groups.lock().map_err(|_| state.error(&said!("the room is unavailable", "de sessie is niet beschikbaar")))?;
    let mut out = Vec::with_capacity(boards.len());
    for board in boards {
        if !open.iter().any(|r| r.shared.journey == board.journey) {
            // A group's notes go straight onto its board where they were aimed: nobody at the
            // group's table sorts an inbox (a co-editor's page has none).
            let options = RoomOptions { bind, anonymous, straight: true, editors: true, admit_editors: true, ..RoomOptions::default() };
            open.push(start(state, board.journey, options)?);
        }
        let Some(room) = open.iter().find(|r| r.shared.journey == board.journey) else { continue };
        let info = room.shared.info();
        let (Some(editor_link), Some(editor_qr)) = (info.editor_link, info.editor_qr) else { continue };
        out.push(GroupRoom { board, link: info.link, qr: info.qr, editor_link, editor_qr });
    }
    Ok(out)
}

/// Closes every group's room (with the main room); the boards stay, to be brought together.
pub(super) fn close_groups(state: &AppState) {
    let rooms: Vec<_> = state.groups.lock().map(|mut g| g.drain(..).collect()).unwrap_or_default();
    for room in rooms {
        room.close();
    }
}
