//! An open room as the app keeps it: its token and addresses, the phones that joined, what they
//! follow, and how to stop its server. The server and the answers to phones are in `room`; this
//! is the state every request may look at (`AppState::open_room`).

mod devices;
mod qr;

use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use journeywall_core::model::{Id, Millis};
use serde::{Deserialize, Serialize};

pub use devices::{Devices, KeptPhone, Refusal, MAX_DEVICES, STREAMS_PER_DEVICE};

/// How long a phone's cookie lasts, and so how long a room is kept for its phones to come back.
pub const COOKIE_HOURS: u32 = 12;

/// How the facilitator opens a room.
#[derive(Debug, Clone, Default, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RoomOptions {
    /// Participants may join without a name; the board then shows dot counts, never who.
    #[serde(default)]
    pub anonymous: bool,
    /// Notes go straight onto the board (where they were aimed) instead of into the inbox.
    #[serde(default)]
    pub straight: bool,
    /// The port to try first (default 8765); 0 lets the system choose.
    #[serde(default)]
    pub port: Option<u16>,
    /// Listen on this address only (e.g. 127.0.0.1 for tests) instead of the private ones.
    #[serde(default)]
    pub bind: Option<IpAddr>,
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
}

impl Shared {
    pub fn changed(&self) {
        self.revision.send_modify(|r| *r += 1);
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
