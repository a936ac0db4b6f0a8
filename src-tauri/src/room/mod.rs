//! The room: participants join the laptop from their phones over the local network, write notes
//! into the journey's inbox and give dots. An HTTP server inside the app (`http.rs`) listens only
//! while a room is open, on the laptop's private addresses; every phone request it serves is a
//! request of the one dispatch (`requests/list.rs`), answered here. `docs/ROOM.md` is the contract.

mod addresses;
mod from_phones;
mod http;

use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Mutex};

use journeywall_core::model::Id;
use journeywall_core::said;

use crate::commands::{AppState, Result};
use crate::phones::{random_token, Devices, Room, Shared};
pub use crate::phones::{Focus, RoomInfo, RoomOptions};
pub use from_phones::{GiveDot, NamePhone, ReceiveNotes, ViewForPhone};

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
