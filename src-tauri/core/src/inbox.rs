//! Notes that participants write on their phones in a room. A note arrives in the journey's inbox,
//! aimed at a cell (phase × row) or at none; the facilitator places it (it becomes a card: an
//! ordinary, undoable edit) or discards it. Receiving a note is not an edit: it is the
//! participant's, so the facilitator's undo never takes it away.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::fields::{Id, Millis};
use crate::kinds::{Kind, Line, Title};
use crate::named::named;
use crate::said::Field;
use crate::schema::record;

/// The most notes one journey's inbox keeps (a room of 200 phones writing 50 notes each).
pub const MAX_NOTES: usize = 10_000;
/// The most notes one phone may have waiting for the facilitator: far more than a person writes
/// before the facilitator sorts the inbox, and 200 phones' worth stays under `MAX_NOTES`, so one
/// client cannot fill the inbox for everyone.
pub const MAX_WAITING_PER_PHONE: usize = 40;

named! {
    #[derive(Default)]
    pub enum NoteState {
        /// Waiting for the facilitator.
        #[default]
        Inbox = "inbox",
        /// On the board, as `card`.
        Placed = "placed",
        Discarded = "discarded",
    }
}

record! {
    pub struct Note in Inbox {
        key {
            /// Chosen by the phone, so sending the same note twice stores it once.
            id: Id,
        }
        fields patch NotePatch {
            /// What the participant wrote; it becomes the card's title, so it obeys a title's rules.
            text: String => Title[Field::NoteText],
            /// The cell the participant aimed it at, if any (the phase or row may be gone since).
            #[column = "phase_id"]
            #[serde(default)]
            phase: Option<Id>,
            #[column = "row_id"]
            #[serde(default)]
            row: Option<Id>,
            /// The name the participant gave, if any.
            #[serde(default)]
            author: Option<String> => Line[Field::NoteAuthor],
            #[serde(default)]
            received_at: Millis,
            #[serde(default)]
            state: NoteState,
            /// The card it became, once placed.
            #[column = "card_id"]
            #[serde(default)]
            card: Option<Id>,
            /// Which phone sent it (a random token of the room's), so that phone can list its
            /// notes. It stays in the database: it is not part of the journey as it is exported
            /// or shown.
            #[serde(skip)]
            device: String,
        }
    }
}

/// A note as a phone sends it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Incoming {
    pub id: Id,
    pub text: String,
    #[serde(default)]
    pub phase: Option<Id>,
    #[serde(default)]
    pub row: Option<Id>,
    #[serde(default)]
    pub author: Option<String>,
}

/// What receiving a note did: `new` is false when a note with its id was there already (the
/// phone sent it again), and nothing was added.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Received {
    pub note: Note,
    pub new: bool,
}

impl Incoming {
    /// The note's text is a card title to be; an author's name is kept to a title's length.
    pub fn validate(&self) -> Result<()> {
        Title::check(Field::NoteText, &self.text)?;
        Line::check(Field::NoteAuthor, &self.author)
    }

    pub fn into_note(self, device: &str, now: Millis) -> Note {
        let author = self.author.map(|a| a.trim().to_owned()).filter(|a| !a.is_empty());
        Note {
            id: self.id,
            text: self.text.trim().to_owned(),
            phase: self.phase,
            row: self.row,
            author,
            received_at: now,
            state: NoteState::Inbox,
            card: None,
            device: device.to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn incoming(text: &str) -> Incoming {
        Incoming { id: crate::fields::new_id(), text: text.into(), phase: None, row: None, author: Some("  Ayşe ".into()) }
    }

    #[test]
    fn a_note_is_held_to_a_card_titles_rules() {
        assert!(incoming("Waited 20 minutes 🚲").validate().is_ok());
        assert!(incoming("   ").validate().is_err());
        assert!(incoming(&"x".repeat(201)).validate().is_err());
        assert!(incoming("bell\u{7}").validate().is_err());
        let note = incoming("  <script>alert(1)</script> ").into_note("d", 5);
        assert_eq!((note.text.as_str(), note.author.as_deref()), ("<script>alert(1)</script>", Some("Ayşe")));
    }
}
