//! What a room's phones may ask, each a typed request with a typed answer (`Ask`): the room's
//! server builds these values and gets these answers, and `requests/list.rs` names the same
//! types, so `journeywall rpc` and the tests ask exactly what a phone asks.

use std::sync::Arc;

use journeywall_core::edit::Edit;
use journeywall_core::inbox::{Incoming, Note, NoteState};
use journeywall_core::model::{Card, Id, Millis, Row, RowKind};
use journeywall_core::{said, Lang, Said};
use serde::{Deserialize, Serialize};

use crate::commands::{AppState, Ask, CommandError, Result};
use crate::phones::{Focus, Refusal, Shared};

/// A phone's view of the room: what it may aim notes at, what it follows, its own notes, and the
/// cards to vote on while a vote is open.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneView {
    pub journey: String,
    pub phases: Vec<Titled>,
    /// The rows a note may go in (visible card rows; not the emotion curve).
    pub rows: Vec<Titled>,
    pub focus: Focus,
    /// The laptop's clock, so a phone with a wrong clock shows the timer right.
    pub now: Millis,
    pub name: Option<String>,
    /// Whether this phone joined (with a name, or without one where the room allows that).
    pub joined: bool,
    pub anonymous: bool,
    pub notes: Vec<MyNote>,
    pub vote: Option<PhoneVote>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Titled {
    pub id: Id,
    pub title: String,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct MyNote {
    pub id: Id,
    pub text: String,
    pub state: NoteState,
    pub phase: Option<Id>,
    pub row: Option<Id>,
    /// Where the card it became says it came from (its `source`), once placed.
    pub source: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneVote {
    pub dots_per_participant: u32,
    pub stacking: bool,
    pub left: u32,
    /// The cards this phone's dots are on, one entry per dot.
    pub mine: Vec<Id>,
    pub cards: Vec<VoteCard>,
}

/// A card to vote on, with its cell: the phone groups the list by phase and row.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VoteCard {
    pub id: Id,
    pub phase: Id,
    pub row: Id,
    pub title: String,
}

/// Which phone of which room asks, and in what language it is answered.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Phone {
    /// The room's token: a request still under way when the facilitator closed the room and
    /// opened another must not land in the other one.
    pub room: String,
    /// The phone's cookie.
    pub device: String,
    pub lang: Lang,
}

impl Phone {
    fn said(&self, said: Said) -> CommandError {
        CommandError::new(&said, self.lang)
    }

    /// The open room this phone belongs to, or the answer a phone of a closed room gets.
    fn room(&self, state: &AppState) -> Result<Arc<Shared>> {
        room_for(state, &self.room, self.lang)
    }
}

fn room_for(state: &AppState, token: &str, lang: Lang) -> Result<Arc<Shared>> {
    state
        .rooms()
        .into_iter()
        .find(|r| r.token == token)
        .ok_or_else(|| CommandError::new(&said!("the room is closed", "de sessie is gestopt"), lang))
}

/// What the phone shows.
#[derive(Debug, Clone, Deserialize)]
pub struct ViewForPhone {
    #[serde(flatten)]
    pub phone: Phone,
}

impl Ask for ViewForPhone {
    type Answer = PhoneView;

    fn answer(self, state: &AppState) -> Result<PhoneView> {
        let Phone { device, lang, .. } = &self.phone;
        let room = self.phone.room(state)?;
        let (name, participant, joined) = room
            .devices
            .lock()
            .ok()
            .and_then(|mut d| d.get_mut(device).map(|d| (d.name.clone(), d.participant, d.joined)))
            .unwrap_or_default();
        let doc = state.with_in(*lang, |s| s.load_for_phone(room.journey, device))?;
        // The rows a phone sees: the visible card rows. An emotion row's cards are points on its
        // curve, not ideas to vote on.
        let rows: Vec<&Row> = doc.rows.iter().filter(|r| !r.hidden && r.kind == RowKind::Cards).collect();
        let vote = doc.vote.as_ref().filter(|v| !v.closed).map(|v| {
            let mine = participant.and_then(|p| v.participants.iter().find(|x| x.id == p)).map(|p| p.dots.clone()).unwrap_or_default();
            let live: std::collections::HashSet<Id> = doc.cards.iter().map(|k| k.id).collect();
            let used = mine.iter().filter(|k| live.contains(k)).count() as u32;
            PhoneVote {
                dots_per_participant: v.dots_per_participant,
                stacking: v.stacking,
                left: v.dots_per_participant.saturating_sub(used),
                mine,
                cards: vote_cards(&doc.cards, &rows),
            }
        });
        Ok(PhoneView {
            journey: doc.journey.name.clone(),
            phases: doc.phases.iter().map(|p| Titled { id: p.id, title: p.title.clone() }).collect(),
            rows: rows.iter().map(|r| Titled { id: r.id, title: r.title.clone() }).collect(),
            focus: room.focus.lock().map(|f| *f).unwrap_or_default(),
            now: journeywall_core::model::now_millis(),
            name,
            joined,
            anonymous: room.options.anonymous,
            notes: doc
                .inbox
                .iter()
                .map(|n| MyNote {
                    id: n.id,
                    text: n.text.clone(),
                    state: n.state,
                    phase: n.phase,
                    row: n.row,
                    source: n.card.and_then(|c| doc.cards.iter().find(|k| k.id == c)).map(|k| k.source.clone()).filter(|s| !s.is_empty()),
                })
                .collect(),
            vote,
        })
    }
}

/// The cards of `rows`, each cell's in the board's order. The vote is open on every card of the
/// rows a phone sees: it names no rows of its own.
fn vote_cards(cards: &[Card], rows: &[&Row]) -> Vec<VoteCard> {
    let mut cards: Vec<_> = cards.iter().filter(|k| rows.iter().any(|r| r.id == k.row)).collect();
    cards.sort_by_key(|k| k.position);
    cards.into_iter().map(|k| VoteCard { id: k.id, phase: k.phase, row: k.row, title: k.title.clone() }).collect()
}

/// A phone gives its participant's name (joining), or none when the room allows that.
#[derive(Debug, Clone, Deserialize)]
pub struct NamePhone {
    #[serde(flatten)]
    pub phone: Phone,
    pub name: Option<String>,
}

impl Ask for NamePhone {
    type Answer = ();

    fn answer(self, state: &AppState) -> Result<()> {
        let room = self.phone.room(state)?;
        let name = self.name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
        match &name {
            Some(n) => journeywall_core::model::check_title(journeywall_core::Field::ParticipantName, n)
                .map_err(|e| CommandError { message: e.message(self.phone.lang) })?,
            None if !room.options.anonymous => {
                return Err(self.phone.said(said!("please give your name to join", "vul je naam in om mee te doen")))
            }
            None => {}
        }
        let mut devices = room.devices.lock().map_err(|_| unavailable(self.phone.lang))?;
        match devices.name(&self.phone.device, name) {
            Ok(true) => tracing::info!(phones = devices.joined().count(), "phone joined"),
            Ok(false) => {}
            Err(Refusal::Locked) => {
                return Err(self.phone.said(said!(
                    "This room is closed to new phones. Ask the facilitator.",
                    "Deze sessie laat geen nieuwe telefoons meer toe. Vraag het de begeleider."
                )))
            }
            Err(_) => return Err(self.phone.said(said!("open the join link again", "open de link van de sessie opnieuw"))),
        }
        drop(devices);
        // Kept at every name, so after a restart the phone is still who it said it was.
        super::kept::keep(state, &room);
        // The room panel lists the phones that joined, by name.
        state.notify_phones();
        room.changed();
        Ok(())
    }
}

/// A note as the room's server hands it on: which phone sent it, and in what language to answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNote {
    pub device: String,
    pub note: Incoming,
    pub lang: Lang,
}

/// One note's answer: stored (`new` false when it had arrived before), or refused, and why.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum NoteAnswer {
    Stored { note: Note, new: bool },
    Refused { message: String },
}

/// The notes phones sent at about the same moment, stored in one transaction: on disk before the
/// answer. In a room set to put notes straight on the board, a new note aimed at a cell is
/// placed there too, as the facilitator would (one undoable step per note).
#[derive(Debug, Clone, Deserialize)]
pub struct ReceiveNotes {
    pub room: String,
    pub notes: Vec<PhoneNote>,
}

impl Ask for ReceiveNotes {
    type Answer = Vec<NoteAnswer>;

    fn answer(self, state: &AppState) -> Result<Vec<NoteAnswer>> {
        let lang = self.notes.first().map_or(Lang::En, |n| n.lang);
        let room = room_for(state, &self.room, lang)?;
        let langs: Vec<Lang> = self.notes.iter().map(|n| n.lang).collect();
        let names: Vec<Option<String>> = {
            let mut devices = room.devices.lock().map_err(|_| unavailable(lang))?;
            self.notes.iter().map(|n| devices.get_mut(&n.device).and_then(|d| d.name.clone())).collect()
        };
        let batch = self
            .notes
            .into_iter()
            .zip(names)
            .map(|(PhoneNote { device, mut note, .. }, name)| {
                note.author = note.author.or(name);
                (note, device)
            })
            .collect();
        let (received, changes) = state.write_and_tell(
            lang,
            room.journey,
            None,
            |s| s.receive_notes(room.journey, batch),
            |(_, c)| c.inbox.is_some().then_some(c),
        )?;
        let arrived = changes.inbox.is_some();
        if arrived {
            state.notify_room(&room, Some(changes), None);
        }
        let mut answers = Vec::with_capacity(received.len());
        for (r, lang) in received.into_iter().zip(langs) {
            answers.push(match r {
                Ok(mut r) => {
                    if r.new && room.options.straight && r.note.phase.is_some() && r.note.row.is_some() {
                        let place = Edit::PlaceNote { note: r.note.id, phase: None, row: None, index: None, card: None };
                        // The note is stored already; if placing it fails it waits in the inbox instead.
                        let placed = state.write_and_tell(lang, room.journey, None, |s| s.apply(room.journey, place), |a| Some(&a.changes));
                        if let Ok(applied) = placed {
                            r.note.state = NoteState::Placed;
                            r.note.card =
                                applied.changes.inbox.as_ref().and_then(|i| i.iter().find(|n| n.id == r.note.id)).and_then(|n| n.card);
                            state.notify_room(&room, Some(applied.changes), Some(applied.history));
                        }
                    }
                    NoteAnswer::Stored { note: r.note, new: r.new }
                }
                Err(e) => NoteAnswer::Refused { message: e.message(lang) },
            });
        }
        if arrived {
            room.changed();
        }
        Ok(answers)
    }
}

fn unavailable(lang: Lang) -> CommandError {
    CommandError::new(&said!("the room is unavailable", "de sessie is niet beschikbaar"), lang)
}

/// Gives (or takes back) one of this phone's dots. The phone is a participant of the vote from
/// its first dot on, named as the core's vote names a phone.
#[derive(Debug, Clone, Deserialize)]
pub struct GiveDot {
    #[serde(flatten)]
    pub phone: Phone,
    pub card: Id,
    pub give: bool,
}

impl Ask for GiveDot {
    type Answer = PhoneView;

    fn answer(self, state: &AppState) -> Result<PhoneView> {
        let GiveDot { phone, card, give } = self;
        let lang = phone.lang;
        let room = phone.room(state)?;
        let journey = room.journey;
        // The phone's devices entry is held while its participant is found or made and the dot
        // written, so a double tap on a first dot makes one participant, not two. A first dot
        // and the participant it makes are one write: 200 phones voting at once wait for 200
        // commits, not 400.
        let applied = {
            let mut devices = room.devices.lock().map_err(|_| unavailable(lang))?;
            let d = devices
                .get_mut(&phone.device)
                .ok_or_else(|| phone.said(said!("open the join link again", "open de link van de sessie opnieuw")))?;
            if d.name.is_none() && !room.options.anonymous {
                return Err(phone.said(said!("please give your name to join", "vul je naam in om mee te doen")));
            }
            let given = d.name.as_deref().filter(|_| !room.options.anonymous);
            let (participant, applied) = state.write_and_tell(
                lang,
                journey,
                None,
                |s| {
                    let doc = s.load_for_phone(journey, &phone.device)?;
                    let Some(vote) = doc.vote.as_ref().filter(|v| !v.closed) else {
                        return Err(journeywall_core::Error::invalid(
                            journeywall_core::Field::Vote,
                            said!("no vote is open right now", "er loopt nu geen stemronde"),
                        ));
                    };
                    let known = d.participant.filter(|p| vote.participants.iter().any(|x| x.id == *p));
                    let participant = known.unwrap_or_else(journeywall_core::model::new_id);
                    let dot = if give { Edit::PlaceDot { participant, card } } else { Edit::TakeBackDot { participant, card } };
                    let edit = match known {
                        Some(_) => dot,
                        None => {
                            // Named in the journey's language: the board and the poster show the name.
                            let name = vote.name_for_phone(given, d.number, doc.journey.locale);
                            let add = Edit::AddParticipant { id: Some(participant), name, colour: None };
                            Edit::Batch { edits: vec![add, dot], label: None }
                        }
                    };
                    Ok((participant, s.apply_for_participant(journey, edit)?))
                },
                |(_, applied)| Some(&applied.changes),
            )?;
            let new = d.participant.replace(participant) != Some(participant);
            drop(devices);
            if new {
                super::kept::keep(state, &room);
            }
            applied
        };
        state.notify_room(&room, Some(applied.changes), None);
        room.changed();
        ViewForPhone { phone }.answer(state)
    }
}
