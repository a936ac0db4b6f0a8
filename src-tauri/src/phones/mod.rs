//! An open room as the app keeps it: its token and addresses, the phones that joined, what they
//! follow, and how to stop its server. The server and the answers to phones are in `room`; this
//! is the state every request may look at (`AppState::open_room`).

mod devices;
mod editors;
mod qr;

use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use journeywall_core::model::{Id, Millis};
use serde::{Deserialize, Serialize};

pub use devices::{Devices, KeptPhone, Refusal, MAX_DEVICES, STREAMS_PER_DEVICE};
pub use editors::{Editor, EditorState, Editors, Refusal as EditorRefusal, MAX_EDITORS};

/// How long a phone's cookie lasts, and so how long a room is kept for its phones to come back.
pub const COOKIE_HOURS: u32 = 12;

/// How the facilitator opens a room.
#[derive(Debug, Clone, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct RoomOptions {
    /// Participants may join without a name; the board then shows dot counts, never who.
    pub anonymous: bool,
    /// Notes go straight onto the board (where they were aimed) instead of into the inbox.
    pub straight: bool,
    /// The port to try first (default 8765); 0 lets the system choose.
    pub port: Option<u16>,
    /// Listen on this address only (e.g. 127.0.0.1 for tests) instead of the private ones.
    pub bind: Option<IpAddr>,
    /// Co-editors may join from a browser through a link of their own (`/e/TOKEN`).
    pub editors: bool,
    /// Co-editors come in at once, without a name and without being let in: for a room with
    /// nobody at a window to let them in (`journeywall room --editors`).
    pub admit_editors: bool,
}

/// What the facilitator's room panel shows.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RoomInfo {
    pub journey: Id,
    /// The join link on the first address, as the QR code carries it.
    pub link: String,
    /// The join link on every address the room listens on.
    pub links: Vec<String>,
    /// The QR code of `link`, as an SVG document.
    pub qr: String,
    /// Phones that joined (gave a name or chose to stay anonymous), not pages opened.
    pub phones: u32,
    /// The phones that joined, by the order they came, so one can be removed.
    pub joined: Vec<JoinedPhone>,
    /// No new phones may join (those in stay).
    pub locked: bool,
    /// The phones the facilitator removed, with their notes still waiting in the inbox.
    pub removed: Vec<RemovedPhone>,
    /// False when the laptop is on no private network: phones cannot reach it (the panel says
    /// to turn on the hotspot).
    pub on_network: bool,
    pub anonymous: bool,
    pub straight: bool,
    /// The co-editors' link and its QR code, when the room takes editors: never on the projector.
    pub editor_link: Option<String>,
    pub editor_qr: Option<String>,
    pub editors: Vec<EditorInfo>,
}

/// A co-editor as the facilitator's panel and the other editors' boards show them.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EditorInfo {
    pub number: u32,
    pub name: String,
    pub colour: String,
    pub state: EditorState,
    /// The cards they have selected, and the one they are typing in.
    pub selected: Vec<Id>,
    pub typing: Option<Id>,
}

impl From<&Editor> for EditorInfo {
    fn from(e: &Editor) -> Self {
        EditorInfo {
            number: e.number,
            name: e.name.clone(),
            colour: e.colour.clone(),
            state: e.state,
            selected: e.selected.clone(),
            typing: e.typing,
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct JoinedPhone {
    /// The n-th phone to join the room: how it is removed, and called when anonymous.
    pub number: u32,
    pub name: Option<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RemovedPhone {
    pub number: u32,
    pub name: Option<String>,
    /// Its notes still waiting in the inbox, so they can be marked and discarded together.
    pub waiting: Vec<Id>,
}

/// What a phone follows: the phase being presented and the room timer.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Focus {
    pub phase: Option<Id>,
    pub timer_ends_at: Option<Millis>,
    /// Time left on a paused timer.
    pub timer_left: Option<Millis>,
}

/// An open room, as the app keeps it.
pub struct Room {
    pub shared: Arc<Shared>,
    pub stop: tokio::sync::watch::Sender<bool>,
    /// Disconnects once every listener of the server is closed.
    pub stopped: std::sync::mpsc::Receiver<()>,
}

impl Room {
    /// Stops the server and waits (a few seconds at most) until nothing listens any more.
    pub fn close(self) {
        let _ = self.stop.send(true);
        let _ = self.stopped.recv_timeout(Duration::from_secs(5));
    }
}

/// What the server and the answers below share about an open room.
pub struct Shared {
    pub journey: Id,
    pub token: String,
    pub port: u16,
    /// The `Host` values phones may send: this room's own addresses with its port.
    pub hosts: Vec<String>,
    pub links: Vec<String>,
    pub on_network: bool,
    pub options: RoomOptions,
    pub devices: Mutex<Devices>,
    pub focus: Mutex<Focus>,
    /// Counts every change a phone should see; each phone's event stream waits on it.
    pub revision: tokio::sync::watch::Sender<u64>,
    /// The co-editors' side of the room: `editors()` while the room takes them.
    pub editors_room: EditorsRoom,
}

/// What a room keeps for its co-editors. Opening and closing it to them is `open`, not a restart:
/// phones stay connected, and their link is the same when the room is opened to editors again.
pub struct EditorsRoom {
    pub open: std::sync::atomic::AtomicBool,
    /// The token of the editors' link: apart from the phones' and never shown on the projector.
    pub token: String,
    pub links: Vec<String>,
    pub list: Mutex<Editors>,
    /// What every editor's event stream carries: each edit's changes as they happen, who is
    /// editing what, and "reload" when the file was changed by another program.
    pub events: tokio::sync::broadcast::Sender<EditorEvent>,
}

/// One event to every editor: its SSE name and its JSON, written once for all of them.
#[derive(Debug, Clone)]
pub struct EditorEvent {
    pub name: &'static str,
    pub data: Arc<str>,
}

/// An edit's changes as the editors hear them, and whose edit it was (none: the facilitator's or
/// a phone's).
#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct EditorChange<'a> {
    pub by: Option<u32>,
    pub changes: &'a journeywall_core::Changes,
}

impl Shared {
    pub fn changed(&self) {
        self.revision.send_modify(|r| *r += 1);
    }

    /// Tells every editor what an edit changed (`by`: the editor who made it).
    pub fn publish(&self, by: Option<u32>, changes: &journeywall_core::Changes) {
        self.tell_editors("change", &EditorChange { by, changes });
    }

    /// The co-editors' side of the room, while it takes them.
    pub fn editors(&self) -> Option<&EditorsRoom> {
        Some(&self.editors_room).filter(|e| e.open.load(std::sync::atomic::Ordering::SeqCst))
    }

    /// Tells every editor who is editing what.
    pub fn publish_editors(&self) {
        self.tell_editors("editors", &self.editing());
    }

    /// The co-editors let in, with what each has selected and is typing in.
    pub fn editing(&self) -> Vec<EditorInfo> {
        let Some(room) = self.editors() else { return vec![] };
        let list = room.list.lock();
        list.map(|l| l.list.iter().filter(|e| e.state == EditorState::Allowed).map(EditorInfo::from).collect()).unwrap_or_default()
    }

    /// Co-editors who gave their name and wait for the facilitator.
    pub fn asking(&self) -> u32 {
        let Some(room) = self.editors() else { return 0 };
        room.list.lock().map_or(0, |l| l.list.iter().filter(|e| e.state == EditorState::Waiting && !e.name.is_empty()).count() as u32)
    }

    /// Tells every editor to load the journey again: another program changed it.
    pub fn reload_editors(&self) {
        self.tell_editors("reload", &());
    }

    fn tell_editors(&self, name: &'static str, value: &impl Serialize) {
        let Some(room) = self.editors() else { return };
        // Nobody listening is no error: no editor has the page open.
        if room.events.receiver_count() == 0 {
            return;
        }
        if let Ok(data) = serde_json::to_string(value) {
            let _ = room.events.send(EditorEvent { name, data: data.into() });
        }
    }

    /// The phones that joined.
    pub fn phones(&self) -> u32 {
        self.devices.lock().map_or(0, |d| d.joined().count() as u32)
    }

    pub fn info(&self) -> RoomInfo {
        let (joined, locked, removed) = self
            .devices
            .lock()
            .map(|d| {
                let joined = d.joined().map(|p| JoinedPhone { number: p.number as u32, name: p.name.clone() }).collect();
                let removed =
                    d.removed.iter().map(|p| RemovedPhone { number: p.number as u32, name: p.name.clone(), waiting: vec![] }).collect();
                (joined, d.locked, removed)
            })
            .unwrap_or_default();
        RoomInfo {
            journey: self.journey,
            link: self.links[0].clone(),
            links: self.links.clone(),
            qr: qr::svg(&self.links[0]),
            phones: u32::try_from(Vec::len(&joined)).unwrap_or(u32::MAX),
            joined,
            locked,
            removed,
            on_network: self.on_network,
            anonymous: self.options.anonymous,
            straight: self.options.straight,
            editor_link: self.editors().map(|e| e.links[0].clone()),
            editor_qr: self.editors().map(|e| qr::svg(&e.links[0])),
            editors: self
                .editors()
                .and_then(|e| e.list.lock().ok().map(|l| l.list.iter().map(EditorInfo::from).collect()))
                .unwrap_or_default(),
        }
    }
}

/// A room's token as its link carries it: 26 characters of an alphabet without look-alikes (no
/// 0/o, 1/l/i), in groups of four, easy to read aloud and to type; 31^26 is over 2^128.
pub fn room_code() -> String {
    const ALPHABET: &[u8; 31] = b"23456789abcdefghjkmnpqrstuvwxyz";
    let mut bytes = [0u8; 26];
    // Without the system's randomness no token can be trusted; there is nothing to fall back on.
    getrandom::fill(&mut bytes).expect("the system's random number generator is available");
    // Each byte drawn below 248 (8 × 31) so every character is as likely as every other.
    let mut chars = Vec::with_capacity(26);
    let mut more = [0u8; 1];
    for mut b in bytes {
        while b >= 248 {
            getrandom::fill(&mut more).expect("the system's random number generator is available");
            b = more[0];
        }
        chars.push(ALPHABET[usize::from(b % 31)] as char);
    }
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

/// 128 random bits as base64url: a phone's cookie.
pub fn random_token() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 16];
    // Without the system's randomness no token can be trusted; there is nothing to fall back on.
    getrandom::fill(&mut bytes).expect("the system's random number generator is available");
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
