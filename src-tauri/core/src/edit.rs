//! Every change to a journey is an `Edit`. The app, the CLI and the tests send the same values;
//! `apply` (in `apply.rs`) carries one out and returns the edit that reverses it, which the history
//! keeps for undo.
//!
//! On the wire an edit is JSON tagged by `"type"`, with camelCase names:
//! `{"type":"moveCard","card":"…","phase":"…","row":"…","index":0}`.

use serde::{Deserialize, Serialize};

use crate::model::{Card, CardContent, Id, Millis, Persona, PersonaContent, Phase, PhaseContent, Row, RowContent};
pub use crate::model::{CardPatch, JourneyPatch, PersonaPatch, PhasePatch, RowPatch};
use crate::vote::{Tally, Vote};

/// Declares `Edit` and, from the same list, `variant`: each edit's name, which its JSON's
/// `"type"` spells in camelCase. An edit added to the list is named with it.
macro_rules! edits {
    (
        $(#[$meta:meta])*
        pub enum Edit { $( $(#[$vmeta:meta])* $variant:ident $({ $($fields:tt)* })?, )* }
    ) => {
        $(#[$meta])*
        pub enum Edit { $( $(#[$vmeta])* $variant $({ $($fields)* })?, )* }

        impl Edit {
            /// What the edit is, as its variant is named (`AddCard`, in JSON `addCard`).
            fn variant(&self) -> &'static str {
                match self { $( Edit::$variant { .. } => stringify!($variant), )* }
            }
        }
    };
}

edits! {
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
    #[serde(tag = "type", rename_all = "camelCase", rename_all_fields = "camelCase", deny_unknown_fields)]
    pub enum Edit {
        /// Adds a card to a cell, at `index` (default: the end). `id` is chosen by the core unless given.
        AddCard {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            id: Option<Id>,
            phase: Id,
            row: Id,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            index: Option<u32>,
            #[serde(flatten)]
            card: CardContent,
        },
        /// Changes any subset of a card's fields; `null` clears colour, channel and emotion.
        UpdateCard {
            card: Id,
            #[serde(flatten)]
            patch: CardPatch,
            /// Set by undo and redo so that a card's "last changed" comes back exactly; otherwise now.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            updated_at: Option<Millis>,
        },
        /// Puts a card at `index` of a cell (the same cell or another one).
        MoveCard {
            card: Id,
            phase: Id,
            row: Id,
            index: u32,
        },
        /// Puts several cards together at `index` of a cell, counted among the cards that stay there,
        /// in the order they have on the board (phase, then row, then place in the cell): one undo
        /// step, whatever cells they came from.
        MoveCards {
            cards: Vec<Id>,
            phase: Id,
            row: Id,
            index: u32,
        },
        DeleteCard {
            card: Id,
        },
        /// Copies a card to just after itself in the same cell.
        DuplicateCard {
            card: Id,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            new_id: Option<Id>,
        },
        /// Puts deleted cards back exactly as they were (the reverse of `deleteCard`).
        RestoreCards {
            cards: Vec<Card>,
        },

        AddPhase {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            id: Option<Id>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            index: Option<u32>,
            #[serde(flatten)]
            phase: PhaseContent,
        },
        UpdatePhase {
            phase: Id,
            #[serde(flatten)]
            patch: PhasePatch,
        },
        MovePhase {
            phase: Id,
            index: u32,
        },
        /// Deletes a phase with all its cards.
        DeletePhase {
            phase: Id,
        },
        RestorePhase {
            phase: Phase,
            cards: Vec<Card>,
        },

        AddRow {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            id: Option<Id>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            index: Option<u32>,
            #[serde(flatten)]
            row: RowContent,
        },
        UpdateRow {
            row: Id,
            #[serde(flatten)]
            patch: RowPatch,
        },
        MoveRow {
            row: Id,
            index: u32,
        },
        /// Deletes a row with all its cards.
        DeleteRow {
            row: Id,
        },
        RestoreRow {
            row: Row,
            cards: Vec<Card>,
        },

        UpdateJourney {
            #[serde(flatten)]
            patch: JourneyPatch,
        },

        AddPersona {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            id: Option<Id>,
            #[serde(flatten)]
            persona: PersonaContent,
        },
        UpdatePersona {
            persona: Id,
            #[serde(flatten)]
            patch: PersonaPatch,
        },
        MovePersona {
            persona: Id,
            index: u32,
        },
        DeletePersona {
            persona: Id,
        },
        RestorePersona {
            persona: Persona,
        },

        /// Starts the journey's dot vote. Refused while there is one: clear it first.
        StartVote {
            #[serde(default = "default_dots")]
            dots_per_participant: u32,
            #[serde(default)]
            stacking: bool,
        },
        AddParticipant {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            id: Option<Id>,
            name: String,
            /// By default the first participant colour not taken yet.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            colour: Option<String>,
        },
        /// Removes a participant and their dots.
        RemoveParticipant {
            participant: Id,
        },
        PlaceDot {
            participant: Id,
            card: Id,
        },
        TakeBackDot {
            participant: Id,
            card: Id,
        },
        /// Closes or reopens the vote, hides or shows its dots.
        UpdateVote {
            #[serde(default, skip_serializing_if = "Option::is_none")]
            closed: Option<bool>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            hidden: Option<bool>,
        },
        /// Ends the vote and sets every card's votes back to 0.
        ClearVote,
        /// Puts a vote and the listed cards' counts back as they were (the reverse of every vote edit).
        RestoreVote {
            vote: Option<Vote>,
            tallies: Vec<Tally>,
        },

        /// Makes a note from the room's inbox a card: at `index` of the cell given, by default at the
        /// end of the cell the participant aimed it at. `card` is the new card's id (chosen by the
        /// core unless given).
        PlaceNote {
            note: Id,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            phase: Option<Id>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            row: Option<Id>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            index: Option<u32>,
            #[serde(default, skip_serializing_if = "Option::is_none")]
            card: Option<Id>,
        },
        /// Places every note waiting in the inbox that is aimed at a cell, in the order they arrived:
        /// one undo step. Notes aimed nowhere stay in the inbox.
        PlaceAimedNotes,
        DiscardNote {
            note: Id,
        },
        /// Puts a placed or discarded note back in the inbox; a placed note's card is removed.
        ReturnNote {
            note: Id,
        },
        /// Puts a note returned to the inbox back on the board with its card as it was, its dots and
        /// its edits too: how returning a placed note is undone.
        RestoreNote {
            note: Id,
            card: Card,
        },
        /// Corrects a waiting note's text before it is placed.
        UpdateNote {
            note: Id,
            text: String,
        },

        /// Several edits applied atomically and undone as one step (a multi-card move, a paste).
        Batch {
            edits: Vec<Edit>,
            /// What the step is called in the undo menu; by default the name of the first edit.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            label: Option<String>,
        },
    }
}

fn default_dots() -> u32 {
    crate::vote::DEFAULT_DOTS
}

/// How deep batches may be nested. Its inverse is stored as JSON for undo, and must stay well
/// within what the JSON reader takes back (128 levels).
pub const MAX_BATCH_DEPTH: usize = 8;

impl Edit {
    /// Refuses batches nested deeper than `MAX_BATCH_DEPTH`.
    pub fn check_depth(&self) -> crate::error::Result<()> {
        fn depth(e: &Edit) -> usize {
            match e {
                Edit::Batch { edits, .. } => 1 + edits.iter().map(depth).max().unwrap_or(0),
                _ => 0,
            }
        }
        let d = depth(self);
        if d > MAX_BATCH_DEPTH {
            return Err(crate::error::Error::invalid(
                crate::said::Field::Edit,
                crate::said!(
                    "has batches nested {d} deep; at most {MAX_BATCH_DEPTH} are allowed",
                    "bevat batches die {d} diep genest zijn; hoogstens {MAX_BATCH_DEPTH} mag"
                ),
            ));
        }
        Ok(())
    }

    /// An edit that changes nothing (an empty batch): applying it leaves no undo step.
    pub fn is_nothing(&self) -> bool {
        matches!(self, Edit::Batch { edits, .. } if edits.iter().all(Edit::is_nothing))
    }

    /// The name of the step for the undo menu, as a stable key the UI translates
    /// ("moveCard" → "Undo move card").
    pub fn label(&self) -> String {
        match self {
            Edit::Batch { label: Some(l), .. } => l.clone(),
            Edit::Batch { edits, label: None } => edits.first().map_or_else(|| "batch".into(), Edit::label),
            Edit::MoveCards { cards, .. } if cards.len() == 1 => "moveCard".into(),
            other => {
                let variant = other.variant();
                variant[..1].to_ascii_lowercase() + &variant[1..]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_read_the_documented_json() {
        let card = crate::model::new_id();
        let e: Edit =
            serde_json::from_str(&format!(r#"{{"type":"moveCard","card":"{card}","phase":"{card}","row":"{card}","index":2}}"#)).unwrap();
        assert_eq!(e, Edit::MoveCard { card, phase: card, row: card, index: 2 });
        assert_eq!(e.label(), "moveCard");
    }

    /// The undo menu names a step by its edit's type, as the JSON spells it.
    #[test]
    fn every_edit_is_labelled_by_its_json_type() {
        let id = Id::nil();
        let doc = crate::templates::instantiate("online-en", None).unwrap();
        let (phase, row, card, persona) = (doc.phases[0].clone(), doc.rows[0].clone(), doc.cards[0].clone(), doc.personas[0].clone());
        let edits = [
            Edit::AddCard { id: None, phase: id, row: id, index: None, card: CardContent::default() },
            Edit::UpdateCard { card: id, patch: CardPatch::default(), updated_at: None },
            Edit::MoveCard { card: id, phase: id, row: id, index: 0 },
            Edit::MoveCards { cards: vec![id, id], phase: id, row: id, index: 0 },
            Edit::DeleteCard { card: id },
            Edit::DuplicateCard { card: id, new_id: None },
            Edit::RestoreCards { cards: vec![card.clone()] },
            Edit::AddPhase { id: None, index: None, phase: serde_json::from_str(r#"{"title":"t"}"#).unwrap() },
            Edit::UpdatePhase { phase: id, patch: PhasePatch::default() },
            Edit::MovePhase { phase: id, index: 0 },
            Edit::DeletePhase { phase: id },
            Edit::RestorePhase { phase, cards: vec![] },
            Edit::AddRow { id: None, index: None, row: serde_json::from_str(r#"{"title":"t"}"#).unwrap() },
            Edit::UpdateRow { row: id, patch: RowPatch::default() },
            Edit::MoveRow { row: id, index: 0 },
            Edit::DeleteRow { row: id },
            Edit::RestoreRow { row, cards: vec![card] },
            Edit::UpdateJourney { patch: JourneyPatch::default() },
            Edit::AddPersona { id: None, persona: PersonaContent::default() },
            Edit::UpdatePersona { persona: id, patch: PersonaPatch::default() },
            Edit::MovePersona { persona: id, index: 0 },
            Edit::DeletePersona { persona: id },
            Edit::RestorePersona { persona },
            Edit::StartVote { dots_per_participant: 3, stacking: false },
            Edit::AddParticipant { id: None, name: "n".into(), colour: None },
            Edit::RemoveParticipant { participant: id },
            Edit::PlaceDot { participant: id, card: id },
            Edit::TakeBackDot { participant: id, card: id },
            Edit::UpdateVote { closed: None, hidden: None },
            Edit::ClearVote,
            Edit::RestoreVote { vote: None, tallies: vec![] },
            Edit::PlaceNote { note: id, phase: None, row: None, index: None, card: None },
            Edit::PlaceAimedNotes,
            Edit::DiscardNote { note: id },
            Edit::ReturnNote { note: id },
            Edit::UpdateNote { note: id, text: "t".into() },
            Edit::Batch { edits: vec![], label: None },
        ];
        for e in edits {
            assert_eq!(serde_json::to_value(&e).unwrap()["type"], e.label(), "{e:?}");
        }
    }

    #[test]
    fn update_card_tells_absent_from_null() {
        let card = crate::model::new_id();
        let e: Edit = serde_json::from_str(&format!(r#"{{"type":"updateCard","card":"{card}","title":"Zoeken","emotion":null}}"#)).unwrap();
        let Edit::UpdateCard { patch, .. } = &e else { panic!() };
        assert_eq!(patch.title.as_deref(), Some("Zoeken"));
        assert_eq!(patch.emotion, Some(None));
        assert_eq!(patch.colour, None);
        // And it writes back what it read.
        let back: Edit = serde_json::from_value(serde_json::to_value(&e).unwrap()).unwrap();
        assert_eq!(back, e);
    }

    #[test]
    fn unknown_fields_and_types_are_refused() {
        assert!(serde_json::from_str::<Edit>(r#"{"type":"explodeCard"}"#).is_err());
    }
}
