//! Carries out an `Edit` on the database inside the caller's transaction, and returns the edit
//! that reverses it. Nothing here commits: the store wraps an edit and its history entry in one
//! transaction, so either both are on disk or neither is.

use std::collections::{BTreeSet, HashMap, HashSet};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::edit::{CardPatch, Edit, JourneyPatch};
use crate::error::{Error, Result};
use crate::inbox::Note;
use crate::model::{self, Card, Id, Journey, Millis, Persona, Phase, Row};
use crate::records as db;
use crate::said::{Field, Record};
use crate::schema::Table;
use crate::vote::Vote;

mod inbox;
mod ordered;
mod vote;

/// The records an edit changed, as they are after it: what the editor needs to redraw.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Changes {
    /// Present when the journey record changed (its `updatedAt` always does, so always present).
    pub journey: Option<Journey>,
    /// The whole list, in order, when any phase changed; absent otherwise.
    pub phases: Option<Vec<Phase>>,
    pub rows: Option<Vec<Row>>,
    pub personas: Option<Vec<Persona>>,
    /// Cards added, changed or moved, as they are now.
    pub cards: Vec<Card>,
    pub removed_cards: Vec<Id>,
    /// The order of every cell the edit changed, so the other cards' positions can be updated
    /// without sending them all.
    pub cells: Vec<CellOrder>,
    /// True when the vote changed; `vote` is then the vote as it is now (absent: no vote).
    pub vote_changed: bool,
    pub vote: Option<Vote>,
    /// The whole inbox, in order, when any note changed; absent otherwise.
    pub inbox: Option<Vec<Note>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CellOrder {
    pub phase: Id,
    pub row: Id,
    pub cards: Vec<Id>,
}

/// What an edit touched, gathered while it runs and turned into `Changes` at the end.
#[derive(Default)]
pub(crate) struct Touched {
    cells: BTreeSet<(Id, Id)>,
    cards: BTreeSet<Id>,
    removed_cards: BTreeSet<Id>,
    phases: bool,
    rows: bool,
    personas: bool,
    vote: bool,
    pub(crate) inbox: bool,
}

impl Touched {
    /// Reads back what the edit touched, after it ran (and before the commit).
    pub(crate) fn into_changes(self, c: &Connection, journey: Id) -> Result<Changes> {
        let cards =
            self.cards.iter().filter(|id| !self.removed_cards.contains(id)).map(|id| db::card(c, journey, *id)).collect::<Result<_>>()?;
        let cells = self
            .cells
            .iter()
            .map(|&(phase, row)| Ok(CellOrder { phase, row, cards: db::cell_order(c, phase, row)? }))
            .collect::<Result<_>>()?;
        Ok(Changes {
            journey: Some(db::journey(c, journey)?),
            phases: if self.phases { Some(db::ordered(c, journey)?) } else { None },
            rows: if self.rows { Some(db::ordered(c, journey)?) } else { None },
            personas: if self.personas { Some(db::ordered(c, journey)?) } else { None },
            cards,
            removed_cards: self.removed_cards.into_iter().collect(),
            cells,
            vote_changed: self.vote,
            vote: if self.vote { db::vote(c, journey)? } else { None },
            inbox: if self.inbox { Some(db::notes(c, journey)?) } else { None },
        })
    }
}

pub(crate) struct Applier<'c> {
    pub c: &'c Connection,
    pub journey: Id,
    pub now: Millis,
    pub touched: Touched,
}

impl<'c> Applier<'c> {
    pub fn new(c: &'c Connection, journey: Id, now: Millis) -> Self {
        Applier { c, journey, now, touched: Touched::default() }
    }

    /// Applies one edit and returns its inverse.
    pub fn apply(&mut self, edit: Edit) -> Result<Edit> {
        match edit {
            Edit::AddCard { id, phase, row, index, card } => {
                let id = id.unwrap_or_else(model::new_id);
                let card = Card::from_content(id, phase, row, index.unwrap_or(u32::MAX), card, self.now, self.now);
                self.insert_card(card)?;
                Ok(Edit::DeleteCard { card: id })
            }
            Edit::UpdateCard { card, patch, updated_at } => self.update_card(card, patch, updated_at),
            Edit::MoveCard { card, phase, row, index } => self.move_card(card, phase, row, index),
            Edit::MoveCards { cards, phase, row, index } => self.move_cards(&cards, phase, row, index),
            Edit::DeleteCard { card } => {
                let k = self.delete_card(card)?;
                Ok(Edit::RestoreCards { cards: vec![k] })
            }
            Edit::DuplicateCard { card, new_id } => {
                let original = db::card(self.c, self.journey, card)?;
                // A copy has not been voted on: its dots stay with the original.
                let copy = Card {
                    id: new_id.unwrap_or_else(model::new_id),
                    position: original.position + 1,
                    votes: 0,
                    created_at: self.now,
                    updated_at: self.now,
                    ..original
                };
                let id = copy.id;
                self.insert_card(copy)?;
                Ok(Edit::DeleteCard { card: id })
            }
            Edit::RestoreCards { mut cards } => {
                // Lowest positions first, so each card lands exactly where it was.
                cards.sort_by_key(|k| k.position);
                let inverse = cards.iter().rev().map(|k| Edit::DeleteCard { card: k.id }).collect();
                for k in cards {
                    self.insert_card(k)?;
                }
                Ok(batch(inverse))
            }

            Edit::AddPhase { id, index, phase } => {
                let phase = Phase::from_content(id.unwrap_or_else(model::new_id), index.unwrap_or(u32::MAX), phase);
                Ok(Edit::DeletePhase { phase: self.insert_ordered(phase)? })
            }
            Edit::UpdatePhase { phase, patch } => Ok(Edit::UpdatePhase { phase, patch: self.update_ordered(phase, |p| patch.swap(p))? }),
            Edit::MovePhase { phase, index } => Ok(Edit::MovePhase { phase, index: self.move_ordered::<Phase>(phase, index)? }),
            Edit::DeletePhase { phase } => {
                // Read before the phase goes: its cards go with it.
                let cards = db::cards_in_phase(self.c, phase)?;
                let removed = self.delete_ordered(phase)?;
                self.touched.removed_cards.extend(cards.iter().map(|k| k.id));
                Ok(Edit::RestorePhase { phase: removed, cards })
            }
            Edit::RestorePhase { phase, cards } => Ok(Edit::DeletePhase { phase: self.restore_ordered(phase, cards)? }),

            Edit::AddRow { id, index, row } => {
                let row = Row::from_content(id.unwrap_or_else(model::new_id), index.unwrap_or(u32::MAX), row);
                Ok(Edit::DeleteRow { row: self.insert_ordered(row)? })
            }
            Edit::UpdateRow { row, patch } => Ok(Edit::UpdateRow { row, patch: self.update_ordered(row, |r| patch.swap(r))? }),
            Edit::MoveRow { row, index } => Ok(Edit::MoveRow { row, index: self.move_ordered::<Row>(row, index)? }),
            Edit::DeleteRow { row } => {
                let cards = db::cards_in_row(self.c, row)?;
                let removed = self.delete_ordered(row)?;
                self.touched.removed_cards.extend(cards.iter().map(|k| k.id));
                Ok(Edit::RestoreRow { row: removed, cards })
            }
            Edit::RestoreRow { row, cards } => Ok(Edit::DeleteRow { row: self.restore_ordered(row, cards)? }),

            Edit::UpdateJourney { patch } => self.update_journey(patch),

            Edit::AddPersona { id, persona } => {
                let persona = Persona::from_content(id.unwrap_or_else(model::new_id), u32::MAX, persona);
                Ok(Edit::DeletePersona { persona: self.insert_ordered(persona)? })
            }
            Edit::UpdatePersona { persona, patch } => {
                Ok(Edit::UpdatePersona { persona, patch: self.update_ordered(persona, |p| patch.swap(p))? })
            }
            Edit::MovePersona { persona, index } => Ok(Edit::MovePersona { persona, index: self.move_ordered::<Persona>(persona, index)? }),
            Edit::DeletePersona { persona } => Ok(Edit::RestorePersona { persona: self.delete_ordered(persona)? }),
            Edit::RestorePersona { persona } => Ok(Edit::DeletePersona { persona: self.insert_ordered(persona)? }),

            Edit::StartVote { dots_per_participant, stacking } => self.start_vote(dots_per_participant, stacking),
            Edit::AddParticipant { id, name, colour } => self.add_participant(id, name, colour),
            Edit::RemoveParticipant { participant } => self.remove_participant(participant),
            Edit::PlaceDot { participant, card } => self.place_dot(participant, card),
            Edit::TakeBackDot { participant, card } => self.take_back_dot(participant, card),
            Edit::UpdateVote { closed, hidden } => self.update_vote(closed, hidden),
            Edit::ClearVote => self.clear_vote(),
            Edit::RestoreVote { vote, tallies } => self.restore_vote(vote, tallies),
            Edit::PlaceNote { note, phase, row, index, card } => self.place_note(note, phase, row, index, card),
            Edit::PlaceAimedNotes => self.place_aimed_notes(),
            Edit::DiscardNote { note } => self.discard_note(note),
            Edit::ReturnNote { note } => self.return_note(note),
            Edit::RestoreNote { note, card } => self.restore_note(note, card),
            Edit::UpdateNote { note, text } => self.update_note(note, text),
            Edit::Batch { edits, label } => {
                let mut inverses = Vec::with_capacity(edits.len());
                for e in edits {
                    inverses.push(self.apply(e)?);
                }
                inverses.reverse();
                Ok(Edit::Batch { edits: inverses, label })
            }
        }
    }

    // --- cards --------------------------------------------------------------------------------

    fn check_cell(&self, phase: Id, row: Id) -> Result<()> {
        // Looking the two up by journey also refuses a phase or row of another journey.
        if !db::exists(self.c, Table::Phases, self.journey, phase)? {
            return Err(Error::not_found(Record::Phase, phase));
        }
        if !db::exists(self.c, Table::Rows, self.journey, row)? {
            return Err(Error::not_found(Record::Row, row));
        }
        Ok(())
    }

    /// Inserts a card at its `position` in its cell (clamped to the end).
    fn insert_card(&mut self, card: Card) -> Result<()> {
        card.validate()?;
        self.check_cell(card.phase, card.row)?;
        let key = db::sort_key_at(self.c, card.phase, card.row, card.position, None)?;
        db::insert_card(self.c, self.journey, &card, key).map_err(|e| db::in_use(Field::CardId, card.id, e))?;
        self.touched.cells.insert((card.phase, card.row));
        self.touched.cards.insert(card.id);
        self.touched.removed_cards.remove(&card.id);
        Ok(())
    }

    fn delete_card(&mut self, id: Id) -> Result<Card> {
        let card = db::card(self.c, self.journey, id)?;
        db::delete(self.c, Table::Cards, id)?;
        self.touched.cells.insert((card.phase, card.row));
        self.touched.removed_cards.insert(id);
        Ok(card)
    }

    fn move_card(&mut self, id: Id, phase: Id, row: Id, index: u32) -> Result<Edit> {
        let card = db::card(self.c, self.journey, id)?;
        let inverse = Edit::MoveCard { card: id, phase: card.phase, row: card.row, index: card.position };
        if (card.phase, card.row) != (phase, row) {
            self.check_cell(phase, row)?;
        }
        let key = db::sort_key_at(self.c, phase, row, index, Some(id))?;
        db::set_card_place(self.c, id, phase, row, key)?;
        self.touched.cells.insert((card.phase, card.row));
        self.touched.cells.insert((phase, row));
        self.touched.cards.insert(id);
        Ok(inverse)
    }

    /// One single-card move per card, each put right after its final predecessor, so the cards
    /// end up together whatever cells they came from, and the reversed inverses undo it exactly.
    fn move_cards(&mut self, ids: &[Id], phase: Id, row: Id, index: u32) -> Result<Edit> {
        self.check_cell(phase, row)?;
        let phase_at: HashMap<Id, u32> = db::ordered::<Phase>(self.c, self.journey)?.iter().map(|p| (p.id, p.position)).collect();
        let row_at: HashMap<Id, u32> = db::ordered::<Row>(self.c, self.journey)?.iter().map(|r| (r.id, r.position)).collect();
        let mut seen = HashSet::new();
        let mut moving = Vec::with_capacity(ids.len());
        for &id in ids {
            if seen.insert(id) {
                moving.push(db::card(self.c, self.journey, id)?);
            }
        }
        moving.sort_by_key(|c| (phase_at.get(&c.phase).copied(), row_at.get(&c.row).copied(), c.position));

        let current = db::cell_order(self.c, phase, row)?;
        let staying: Vec<Id> = current.iter().copied().filter(|id| !seen.contains(id)).collect();
        let at = (index as usize).min(staying.len());
        let wanted: Vec<Id> =
            staying[..at].iter().copied().chain(moving.iter().map(|c| c.id)).chain(staying[at..].iter().copied()).collect();

        if wanted == current {
            // Dropped where they were: nothing moves, and no undo step is made of it.
            return Ok(Edit::Batch { edits: vec![], label: None });
        }
        let mut order = current;
        let mut inverses = Vec::with_capacity(moving.len());
        for card in &moving {
            if let Some(from) = order.iter().position(|&id| id == card.id) {
                order.remove(from);
            }
            let to = match wanted.iter().position(|&id| id == card.id) {
                Some(0) | None => 0,
                Some(i) => order.iter().position(|&id| id == wanted[i - 1]).map_or(0, |p| p + 1),
            };
            order.insert(to, card.id);
            inverses.push(self.move_card(card.id, phase, row, to as u32)?);
        }
        inverses.reverse();
        Ok(Edit::Batch { edits: inverses, label: Some("moveCards".into()) })
    }

    fn update_card(&mut self, id: Id, patch: CardPatch, updated_at: Option<Millis>) -> Result<Edit> {
        let mut card = db::card(self.c, self.journey, id)?;
        let inverse = patch.swap(&mut card);
        let before = std::mem::replace(&mut card.updated_at, updated_at.unwrap_or(self.now));
        card.validate()?;
        db::update_card(self.c, &card)?;
        self.touched.cards.insert(id);
        Ok(Edit::UpdateCard { card: id, patch: inverse, updated_at: Some(before) })
    }

    // --- the journey ----------------------------------------------------------------------

    fn update_journey(&mut self, patch: JourneyPatch) -> Result<Edit> {
        let mut j = db::journey(self.c, self.journey)?;
        let inverse = patch.swap(&mut j);
        j.validate()?;
        db::update_journey(self.c, &j)?;
        Ok(Edit::UpdateJourney { patch: inverse })
    }
}

fn batch(edits: Vec<Edit>) -> Edit {
    Edit::Batch { edits, label: None }
}
