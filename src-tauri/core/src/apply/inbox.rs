//! The edits of the room's inbox (see `inbox.rs`): placing a note makes it a card, and its
//! inverse takes the card away and puts the note back, so a placed note is undone in one step.

use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::inbox::{Note, NoteState};
use crate::model::{self, Card, CardContent, Id};
use crate::records as db;
use crate::said;
use crate::said::Field;
use crate::schema::Table;

use super::Applier;

impl Applier<'_> {
    pub(super) fn place_note(&mut self, id: Id, phase: Option<Id>, row: Option<Id>, index: Option<u32>, card: Option<Id>) -> Result<Edit> {
        let mut note = self.waiting(id)?;
        let (Some(phase), Some(row)) = (phase.or(note.phase), row.or(note.row)) else {
            return Err(Error::invalid(
                Field::NoteText,
                said!(
                    "was not aimed at a phase and a row; drag it to a cell instead",
                    "is niet voor een fase en een rij bedoeld; sleep hem naar een vak"
                ),
            ));
        };
        let card = card.unwrap_or_else(model::new_id);
        let source = note.author.clone().unwrap_or_default();
        let content = CardContent { title: note.text.clone(), source, ..CardContent::default() };
        self.apply(Edit::AddCard { id: Some(card), phase, row, index, card: content })?;
        note.state = NoteState::Placed;
        note.card = Some(card);
        self.write_note(&note)?;
        Ok(Edit::ReturnNote { note: id })
    }

    pub(super) fn place_aimed_notes(&mut self) -> Result<Edit> {
        let mut inverses = Vec::new();
        for note in db::notes(self.c, self.journey)? {
            let aimed = match (note.state, note.phase, note.row) {
                (NoteState::Inbox, Some(p), Some(r)) => {
                    db::exists(self.c, Table::Phases, self.journey, p)? && db::exists(self.c, Table::Rows, self.journey, r)?
                }
                _ => false,
            };
            if aimed {
                inverses.push(self.place_note(note.id, None, None, None, None)?);
            }
        }
        inverses.reverse();
        Ok(Edit::Batch { edits: inverses, label: Some("placeAimedNotes".into()) })
    }

    pub(super) fn discard_note(&mut self, id: Id) -> Result<Edit> {
        let mut note = self.waiting(id)?;
        note.state = NoteState::Discarded;
        self.write_note(&note)?;
        Ok(Edit::ReturnNote { note: id })
    }

    pub(super) fn return_note(&mut self, id: Id) -> Result<Edit> {
        let mut note = db::note(self.c, self.journey, id)?;
        let inverse = match (note.state, note.card) {
            (NoteState::Inbox, _) => return Err(Error::invalid(Field::NoteText, said!("is in the inbox already", "staat al in de inbox"))),
            (NoteState::Discarded, _) => Edit::DiscardNote { note: id },
            (NoteState::Placed, card) => {
                let card = card.and_then(|k| db::card(self.c, self.journey, k).ok()).ok_or_else(|| {
                    Error::invalid(
                        Field::NoteText,
                        said!(
                            "cannot go back to the inbox: its card is no longer on the board",
                            "kan niet terug naar de inbox: de kaart ervan staat niet meer op het bord"
                        ),
                    )
                })?;
                self.delete_card(card.id)?;
                Edit::RestoreNote { note: id, card }
            }
        };
        note.state = NoteState::Inbox;
        note.card = None;
        self.write_note(&note)?;
        Ok(inverse)
    }

    pub(super) fn restore_note(&mut self, id: Id, card: Card) -> Result<Edit> {
        let mut note = self.waiting(id)?;
        note.state = NoteState::Placed;
        note.card = Some(card.id);
        self.apply(Edit::RestoreCards { cards: vec![card] })?;
        self.write_note(&note)?;
        Ok(Edit::ReturnNote { note: id })
    }

    pub(super) fn update_note(&mut self, id: Id, text: String) -> Result<Edit> {
        let mut note = self.waiting(id)?;
        let old = std::mem::replace(&mut note.text, text.trim().to_owned());
        note.validate()?;
        self.write_note(&note)?;
        Ok(Edit::UpdateNote { note: id, text: old })
    }

    /// A note still waiting in the inbox; a placed or discarded one is refused, saying so.
    fn waiting(&self, id: Id) -> Result<Note> {
        let note = db::note(self.c, self.journey, id)?;
        match note.state {
            NoteState::Inbox => Ok(note),
            NoteState::Placed => Err(Error::invalid(Field::NoteText, said!("is on the board already", "staat al op het bord"))),
            NoteState::Discarded => Err(Error::invalid(Field::NoteText, said!("was discarded", "is weggegooid"))),
        }
    }

    fn write_note(&mut self, note: &Note) -> Result<()> {
        db::update_note(self.c, note)?;
        self.touched.inbox = true;
        Ok(())
    }
}
