//! The room: participants join the laptop from their phones over the local network, write notes
//! into the journey's inbox and give dots. An HTTP server inside the app (`http.rs`) listens only
//! while a room is open, on the laptop's private addresses; every phone request it serves is a
//! request of the one dispatch (`requests/list.rs`), answered here. `docs/ROOM.md` is the contract.

mod addresses;
mod http;

use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Mutex};

use journeywall_core::edit::Edit;
use journeywall_core::inbox::{Incoming, Note, NoteState};
use journeywall_core::model::{Id, Millis, RowKind};
use journeywall_core::{said, Lang, Said};
use serde::{Deserialize, Serialize};

use crate::commands::{AppState, CommandError, Result};
use crate::phones::{random_token, Devices, Room, Shared};
pub use crate::phones::{Focus, RoomInfo, RoomOptions};

/// The port a room asks for first; when it is taken, the next free one.
pub const DEFAULT_PORT: u16 = 8765;
const PORTS_TRIED: u16 = 20;

// --- the facilitator's requests -----------------------------------------------------------------

pub fn open_room(state: &AppState, journey: Id, options: RoomOptions) -> Result<RoomInfo> {
    let mut room = state.room.lock().map_err(|_| state.error(&said!("the room is unavailable", "de sessie is niet beschikbaar")))?;
    if let Some(open) = room.as_ref() {
        if open.shared.journey == journey {
            return Ok(open.shared.info());
        }
        return Err(state.error(&said!(
            "a room is open for another journey; close it first",
            "er loopt al een sessie voor een andere klantreis; stop die eerst"
        )));
    }
    state.with(|s| s.load(journey).map(|_| ()))?;
    let private = addresses::private();
    let on_network = options.bind.is_some() || !private.is_empty();
    // With no private network the room still opens on the laptop itself, so the facilitator
    // can try it, and the panel says how to let phones in.
    let ips = match options.bind {
        Some(ip) => vec![ip],
        None if private.is_empty() => vec![IpAddr::from([127, 0, 0, 1])],
        None => private,
    };
    let (listeners, port) = bind(&ips, options.port.unwrap_or(DEFAULT_PORT)).map_err(|e| {
        state.error(&said!(
            "the room could not listen on the network ({e}); check that no firewall blocks Journeywall",
            "de sessie kan niet op het netwerk luisteren ({e}); controleer of geen firewall Journeywall tegenhoudt"
        ))
    })?;
    let token = random_token();
    let hosts: Vec<String> = ips.iter().map(|ip| addresses::host(*ip, port)).collect();
    let links = hosts.iter().map(|h| format!("http://{h}/r/{token}")).collect();
    let shared = Arc::new(Shared {
        journey,
        token,
        hosts,
        links,
        on_network,
        options,
        devices: Mutex::new(Devices::default()),
        focus: Mutex::new(Focus::default()),
        revision: tokio::sync::watch::channel(0).0,
    });
    let me = state.me();
    let (stop, stopped) = http::serve(listeners, me, shared.clone());
    let info = shared.info();
    tracing::info!(%journey, port, addresses = info.links.len(), on_network, "room opened");
    *room = Some(Room { shared, stop, stopped });
    Ok(info)
}

/// Binds every address on one port: `first`, or the next free one (0: any free port).
fn bind(ips: &[IpAddr], first: u16) -> std::io::Result<(Vec<TcpListener>, u16)> {
    let mut last = None;
    'ports: for mut port in (0..PORTS_TRIED).map_while(|i| first.checked_add(i)) {
        let mut bound = Vec::new();
        for ip in ips {
            match TcpListener::bind((*ip, port)) {
                Ok(l) => {
                    port = l.local_addr()?.port();
                    l.set_nonblocking(true)?;
                    bound.push(l);
                }
                // What is bound so far is let go, and the next port tried.
                Err(e) if e.kind() == std::io::ErrorKind::AddrInUse && first != 0 => {
                    last = Some(e);
                    continue 'ports;
                }
                Err(e) => return Err(e),
            }
        }
        return Ok((bound, port));
    }
    Err(last.unwrap_or_else(|| std::io::Error::from(std::io::ErrorKind::AddrInUse)))
}

/// Stops the server and waits until nothing listens any more.
pub fn close_room(state: &AppState) -> Result<()> {
    let room = state.room.lock().ok().and_then(|mut r| r.take());
    if let Some(room) = room {
        tracing::info!(journey = %room.shared.journey, phones = room.shared.phones(), "room closed");
        room.close();
    }
    Ok(())
}

pub fn room_info(state: &AppState) -> Result<Option<RoomInfo>> {
    Ok(state.open_room().map(|r| r.info()))
}

pub fn set_room_focus(state: &AppState, focus: Focus) -> Result<()> {
    if let Some(shared) = state.open_room() {
        if let Ok(mut f) = shared.focus.lock() {
            *f = focus;
        }
        shared.changed();
    }
    Ok(())
}

// --- the phones' requests -----------------------------------------------------------------------

/// A phone's view of the room: what it may aim notes at, what it follows, its own notes, and the
/// cards to vote on while a vote is open.
#[derive(Debug, Clone, Serialize, specta::Type)]
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
    pub anonymous: bool,
    pub notes: Vec<MyNote>,
    pub vote: Option<PhoneVote>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Titled {
    pub id: Id,
    pub title: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MyNote {
    pub id: Id,
    pub text: String,
    pub state: NoteState,
    pub phase: Option<Id>,
    pub row: Option<Id>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PhoneVote {
    pub dots_per_participant: u32,
    pub stacking: bool,
    pub left: u32,
    /// The cards this phone's dots are on, one entry per dot.
    pub mine: Vec<Id>,
    pub cards: Vec<VoteCard>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VoteCard {
    pub id: Id,
    pub phase: Id,
    pub title: String,
}

fn said_to_phone(lang: Lang, said: Said) -> CommandError {
    CommandError::new(&said, lang)
}

/// The open room whose token a phone's request came with, or the answer a phone of a closed
/// room gets (a request still under way when the facilitator closed it and opened another must
/// not land in the other one).
fn room_for(state: &AppState, token: &str, lang: Lang) -> Result<Arc<Shared>> {
    state.open_room().filter(|r| r.token == token).ok_or_else(|| said_to_phone(lang, said!("the room is closed", "de sessie is gestopt")))
}

pub fn phone_view(state: &AppState, room: String, device: String, lang: Lang) -> Result<PhoneView> {
    let room = room_for(state, &room, lang)?;
    let (name, participant) =
        room.devices.lock().ok().and_then(|mut d| d.get_mut(&device).map(|d| (d.name.clone(), d.participant))).unwrap_or_default();
    let doc = state.with_in(lang, |s| s.load(room.journey))?;
    let visible_rows: Vec<_> = doc.rows.iter().filter(|r| !r.hidden && r.kind == RowKind::Cards).collect();
    let vote = doc.vote.as_ref().filter(|v| !v.closed).map(|v| {
        let mine = participant.and_then(|p| v.participants.iter().find(|x| x.id == p)).map(|p| p.dots.clone()).unwrap_or_default();
        let live: std::collections::HashSet<Id> = doc.cards.iter().map(|k| k.id).collect();
        let used = mine.iter().filter(|k| live.contains(k)).count() as u32;
        PhoneVote {
            dots_per_participant: v.dots_per_participant,
            stacking: v.stacking,
            left: v.dots_per_participant.saturating_sub(used),
            mine,
            cards: doc
                .cards
                .iter()
                .filter(|k| doc.rows.iter().any(|r| r.id == k.row && !r.hidden))
                .map(|k| VoteCard { id: k.id, phase: k.phase, title: k.title.clone() })
                .collect(),
        }
    });
    Ok(PhoneView {
        journey: doc.journey.name.clone(),
        phases: doc.phases.iter().map(|p| Titled { id: p.id, title: p.title.clone() }).collect(),
        rows: visible_rows.iter().map(|r| Titled { id: r.id, title: r.title.clone() }).collect(),
        focus: room.focus.lock().map(|f| *f).unwrap_or_default(),
        now: journeywall_core::model::now_millis(),
        name,
        anonymous: room.options.anonymous,
        notes: doc
            .inbox
            .iter()
            .filter(|n| n.device == device)
            .map(|n| MyNote { id: n.id, text: n.text.clone(), state: n.state, phase: n.phase, row: n.row })
            .collect(),
        vote,
    })
}

/// A phone gives its participant's name (joining), or none when the room allows that.
pub fn name_phone(state: &AppState, room: String, device: String, name: Option<String>, lang: Lang) -> Result<()> {
    let room = room_for(state, &room, lang)?;
    let name = name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty());
    match &name {
        Some(n) => journeywall_core::model::check_title(journeywall_core::Field::ParticipantName, n)
            .map_err(|e| CommandError { message: e.message(lang) })?,
        None if !room.options.anonymous => {
            return Err(said_to_phone(lang, said!("please give your name to join", "vul je naam in om mee te doen")));
        }
        None => {}
    }
    // The room's phone count as the panel shows it, when this phone joins now (not on a rename).
    let joined = room.devices.lock().ok().and_then(|mut devices| {
        let d = devices.get_mut(&device)?;
        d.name = name;
        let first = !std::mem::replace(&mut d.joined, true);
        first.then(|| devices.len())
    });
    if let Some(phones) = joined {
        tracing::info!(phones, "phone joined");
    }
    room.changed();
    Ok(())
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

/// Stores the notes phones sent at about the same moment, in one transaction: on disk before this
/// returns. In a room set to put notes straight on the board, a new note aimed at a cell is
/// placed there too, as the facilitator would (one undoable step per note).
pub fn receive_notes(state: &AppState, room: String, notes: Vec<PhoneNote>) -> Result<Vec<NoteAnswer>> {
    let lang = notes.first().map_or(Lang::En, |n| n.lang);
    let room = room_for(state, &room, lang)?;
    let langs: Vec<Lang> = notes.iter().map(|n| n.lang).collect();
    let names: Vec<Option<String>> = {
        let mut devices =
            room.devices.lock().map_err(|_| said_to_phone(lang, said!("the room is unavailable", "de sessie is niet beschikbaar")))?;
        notes.iter().map(|n| devices.get_mut(&n.device).and_then(|d| d.name.clone())).collect()
    };
    let batch = notes
        .into_iter()
        .zip(names)
        .map(|(PhoneNote { device, mut note, .. }, name)| {
            note.author = note.author.or(name);
            (note, device)
        })
        .collect();
    let (received, changes) = state.with_in(lang, |s| s.receive_notes(room.journey, batch))?;
    let arrived = changes.inbox.is_some();
    if arrived {
        state.notify_room(Some(changes), None);
    }
    let mut answers = Vec::with_capacity(received.len());
    for (r, lang) in received.into_iter().zip(langs) {
        answers.push(match r {
            Ok(mut r) => {
                if r.new && room.options.straight && r.note.phase.is_some() && r.note.row.is_some() {
                    let place = Edit::PlaceNote { note: r.note.id, phase: None, row: None, index: None, card: None };
                    // The note is stored already; if placing it fails it waits in the inbox instead.
                    if let Ok(applied) = state.with(|s| s.apply(room.journey, place)) {
                        r.note.state = NoteState::Placed;
                        r.note.card =
                            applied.changes.inbox.as_ref().and_then(|i| i.iter().find(|n| n.id == r.note.id)).and_then(|n| n.card);
                        state.notify_room(Some(applied.changes), Some(applied.history));
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

/// Gives (or takes back) one of this phone's dots. The phone is a participant of the vote from
/// its first dot on, named as it joined ("Phone 3" when anonymous).
pub fn give_dot(state: &AppState, room: String, device: String, card: Id, give: bool, lang: Lang) -> Result<PhoneView> {
    let token = room;
    let room = room_for(state, &token, lang)?;
    let journey = room.journey;
    // The phone's devices entry is held while its participant is found or made, so a double tap
    // on a first dot makes one participant, not two.
    let participant = {
        let mut devices =
            room.devices.lock().map_err(|_| said_to_phone(lang, said!("the room is unavailable", "de sessie is niet beschikbaar")))?;
        let d = devices
            .get_mut(&device)
            .ok_or_else(|| said_to_phone(lang, said!("open the join link again", "open de link van de sessie opnieuw")))?;
        if d.name.is_none() && !room.options.anonymous {
            return Err(said_to_phone(lang, said!("please give your name to join", "vul je naam in om mee te doen")));
        }
        let (name, number, known) = (d.name.clone(), d.number, d.participant);
        let participant = state.with_in(lang, |s| {
            let vote = s.load(journey)?.vote;
            let Some(vote) = vote.as_ref().filter(|v| !v.closed) else {
                return Err(journeywall_core::Error::invalid(
                    journeywall_core::Field::Vote,
                    said!("no vote is open right now", "er loopt nu geen stemronde"),
                ));
            };
            if let Some(p) = known.filter(|p| vote.participants.iter().any(|x| x.id == *p)) {
                return Ok(p);
            }
            let base = match (&name, room.options.anonymous) {
                (Some(n), false) => n.clone(),
                _ => format!("{} {number}", said!("Phone", "Telefoon").get(lang)),
            };
            // Two participants may give the same name (or one may take another's): each gets a
            // participant of their own, told apart by a number.
            let taken = |n: &str| vote.participants.iter().any(|p| p.name == n);
            let name = (1..).map(|k| if k == 1 { base.clone() } else { format!("{base} ({k})") }).find(|n| !taken(n)).unwrap_or(base);
            let id = journeywall_core::model::new_id();
            s.apply_for_participant(journey, Edit::AddParticipant { id: Some(id), name, colour: None })?;
            Ok(id)
        })?;
        d.participant = Some(participant);
        participant
    };
    let edit = if give { Edit::PlaceDot { participant, card } } else { Edit::TakeBackDot { participant, card } };
    let applied = state.with_in(lang, |s| s.apply_for_participant(journey, edit))?;
    state.notify_room(Some(applied.changes), None);
    room.changed();
    phone_view(state, token, device, lang)
}
