//! The room: participants join the laptop from their phones over the local network, write notes
//! into the journey's inbox and give dots. An HTTP server inside the app (`http.rs`) listens only
//! while a room is open, on the laptop's private addresses; every phone request it serves is a
//! request of the one dispatch (`requests/list.rs`), answered here. `docs/ROOM.md` is the contract.

mod addresses;
mod from_editors;
mod from_phones;
mod groups;
mod http;
mod kept;

use std::net::{IpAddr, TcpListener};
use std::sync::{Arc, Mutex};

use journeywall_core::model::Id;
use journeywall_core::said;

use crate::commands::{AppState, Result};
use crate::phones::{random_token, room_code, Devices, EditorEvent, Editors, EditorsRoom, Room, Shared};
pub use crate::phones::{Focus, RoomInfo, RoomOptions};
pub use from_phones::{GiveDot, NamePhone, ReceiveNotes, ViewForPhone};
pub use groups::{group_rooms, split_into_groups, GroupRoom};

/// The port a room asks for first; when it is taken, the next free one.
pub const DEFAULT_PORT: u16 = 8765;
const PORTS_TRIED: u16 = 20;

// --- the facilitator's requests -----------------------------------------------------------------

/// Opens the room of `journey`: as it was kept (the same link, its phones and settings), or new.
pub fn open_room(state: &AppState, journey: Id, options: RoomOptions) -> Result<RoomInfo> {
    let mut room = state.room.lock().map_err(|_| state.error(&said!("the room is unavailable", "de sessie is niet beschikbaar")))?;
    if let Some(open) = room.as_ref() {
        if open.shared.journey == journey {
            return Ok(info(state, &open.shared));
        }
        return Err(state.error(&said!(
            "a room is open for another journey; close it first",
            "er loopt al een sessie voor een andere klantreis; stop die eerst"
        )));
    }
    let started = start(state, journey, options)?;
    let info = info(state, &started.shared);
    *room = Some(started);
    Ok(info)
}

/// Starts a room's server for `journey`: as it was kept (the same link, its phones and editors),
/// or new. The main room and each breakout group's room start this way.
fn start(state: &AppState, journey: Id, options: RoomOptions) -> Result<Room> {
    state.with(|s| s.load(journey).map(|_| ()))?;
    let kept = kept::kept(state, journey);
    // A kept room keeps its settings; where it listens is the caller's to say.
    // The settings are the caller's: the room panel shows the kept ones (`kept_room_options`)
    // before it opens, and what the facilitator ticks there is what the room does.
    let private = addresses::private();
    let on_network = options.bind.is_some() || !private.is_empty();
    // With no private network the room still opens on the laptop itself, so the facilitator
    // can try it, and the panel says how to let phones in.
    let ips = match options.bind {
        Some(ip) => vec![ip],
        None if private.is_empty() => vec![IpAddr::from([127, 0, 0, 1])],
        None => private,
    };
    // The kept port first: the link is the same only on the same port.
    let first = kept.as_ref().map(|k| k.port).or(options.port).unwrap_or(DEFAULT_PORT);
    // The kept port may still be letting go of the room's last server (closed a moment ago and
    // opened again): it is waited for a little, so phones keep their link.
    let (listeners, port) = bind_waiting(&ips, first, kept.is_some()).map_err(|e| {
        state.error(&said!(
            "the room could not listen on the network ({e}); check that no firewall blocks Journeywall",
            "de sessie kan niet op het netwerk luisteren ({e}); controleer of geen firewall Journeywall tegenhoudt"
        ))
    })?;
    let (token, devices, editor_token, editors) = match kept {
        Some(k) => (k.token, Devices::from_kept(k.phones, k.locked, k.removed), k.editor_token, k.editors),
        None => (room_code(), Devices::default(), None, vec![]),
    };
    let hosts: Vec<String> = ips.iter().map(|ip| addresses::host(*ip, port)).collect();
    let links = hosts.iter().map(|h| format!("http://{h}/r/{token}")).collect();
    let editor_token = editor_token.unwrap_or_else(random_token);
    let editors_room = EditorsRoom {
        open: options.editors.into(),
        links: hosts.iter().map(|h| format!("http://{h}/e/{editor_token}")).collect(),
        token: editor_token,
        list: Mutex::new(Editors { list: editors, admit_all: options.admit_editors }),
        events: tokio::sync::broadcast::channel(1024).0,
    };
    let shared = Arc::new(Shared {
        journey,
        token,
        port,
        hosts,
        links,
        on_network,
        options,
        devices: Mutex::new(devices),
        focus: Mutex::new(Focus::default()),
        revision: tokio::sync::watch::channel(0).0,
        editors_room,
    });
    kept::keep(state, &shared);
    let me = state.me();
    let (stop, stopped) = http::serve(listeners, me, shared.clone());
    tracing::info!(%journey, port, addresses = shared.links.len(), on_network, "room opened");
    Ok(Room { shared, stop, stopped })
}

/// As `bind`; with `wait`, `first` is tried for up to two seconds before another port is taken.
fn bind_waiting(ips: &[IpAddr], first: u16, wait: bool) -> std::io::Result<(Vec<TcpListener>, u16)> {
    for _ in 0..if wait && first != 0 { 20 } else { 0 } {
        match bind(ips, first) {
            Ok((listeners, port)) if port == first => return Ok((listeners, port)),
            _ => std::thread::sleep(std::time::Duration::from_millis(100)),
        }
    }
    bind(ips, first)
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

/// Stops the server and waits until nothing listens any more. The room is kept: opened again, it
/// has the same link, and its phones come back by themselves.
pub fn close_room(state: &AppState) -> Result<()> {
    stop_main(state);
    // The breakout groups' rooms belong to the room: none listens unseen after it closed.
    groups::close_groups(state);
    Ok(())
}

/// Stops the main room's server (to open it again with other settings, or for good).
fn stop_main(state: &AppState) {
    let room = state.room.lock().ok().and_then(|mut r| r.take());
    if let Some(room) = room {
        tracing::info!(journey = %room.shared.journey, phones = room.shared.phones(), "room closed");
        room.close();
    }
}

/// The settings `journey`'s room was kept with, if it was kept: how the room panel shows them
/// before the room is opened again.
pub fn kept_room_options(state: &AppState, journey: Id) -> Result<Option<RoomOptions>> {
    Ok(kept::kept(state, journey).map(|k| k.options))
}

/// A new link for the open room: every phone's session ends (they scan the new QR code), and the
/// room keeps its settings.
pub fn new_room_link(state: &AppState) -> Result<RoomInfo> {
    let open = the_open_room(state)?;
    let options = RoomOptions { port: Some(open.port), editors: open.editors().is_some(), ..open.options.clone() };
    stop_main(state);
    kept::forget_phones(state, open.journey);
    open_room(state, open.journey, options)
}

/// Locks the room (no new phones; those in stay) or opens it to new phones again.
pub fn lock_room(state: &AppState, locked: bool) -> Result<RoomInfo> {
    with_devices(state, |d| d.locked = locked)
}

/// Removes the phone that joined `number`-th: its page is told to scan the code again, and it
/// counts no more. Its notes stay in the inbox, to be placed or discarded (`RoomInfo::removed`
/// names them).
pub fn remove_phone(state: &AppState, number: u32) -> Result<RoomInfo> {
    with_devices(state, |d| {
        d.remove_by_number(number as usize);
    })
}

/// Opens the room to co-editors (their own link and QR code) or closes it to them, at once: the
/// phones stay connected. Co-editors who came before come back with their cookie when it opens again.
pub fn take_editors(state: &AppState, on: bool) -> Result<RoomInfo> {
    let open = the_open_room(state)?;
    if open.editors_room.open.swap(on, std::sync::atomic::Ordering::SeqCst) != on {
        kept::keep(state, &open);
        if !on {
            // Every editor's event stream ends at its next event: this one.
            let _ = open.editors_room.events.send(EditorEvent { name: "closed", data: "null".into() });
        }
        state.notify_phones();
    }
    Ok(info(state, &open))
}

/// Lets co-editor `number` in (`allow`), or refuses them, or removes one who is in: their page
/// says so, and their calls and event stream end.
pub fn decide_editor(state: &AppState, number: u32, allow: bool) -> Result<RoomInfo> {
    let open = the_open_room(state)?;
    let decided = open.editors().and_then(|e| e.list.lock().ok().map(|mut l| l.decide(number, allow))).unwrap_or(false);
    if !decided {
        return Err(state.error(&said!("there is no such co-editor in this room", "deze sessie heeft zo'n medebewerker niet")));
    }
    kept::keep(state, &open);
    open.publish_editors();
    state.notify_phones();
    Ok(info(state, &open))
}

fn with_devices(state: &AppState, f: impl FnOnce(&mut Devices)) -> Result<RoomInfo> {
    let open = the_open_room(state)?;
    if let Ok(mut d) = open.devices.lock() {
        f(&mut d);
    }
    kept::keep(state, &open);
    open.changed();
    state.notify_phones();
    Ok(info(state, &open))
}

/// The open room, for an action on it: without one, the facilitator is told so.
fn the_open_room(state: &AppState) -> Result<Arc<Shared>> {
    state.open_room().ok_or_else(|| state.error(&said!("no room is open", "er loopt geen sessie")))
}

pub fn room_info(state: &AppState) -> Result<Option<RoomInfo>> {
    Ok(state.open_room().map(|r| info(state, &r)))
}

/// The room as its panel shows it, with the notes of removed phones still waiting in the inbox.
fn info(state: &AppState, room: &Shared) -> RoomInfo {
    let mut info = room.info();
    let tokens: Vec<String> = room.devices.lock().map(|d| d.removed.iter().map(|p| p.token.clone()).collect()).unwrap_or_default();
    for (removed, token) in info.removed.iter_mut().zip(tokens) {
        let notes = state.with(|s| s.notes_from(room.journey, &token)).unwrap_or_default();
        removed.waiting = notes.into_iter().filter(|n| n.state == journeywall_core::inbox::NoteState::Inbox).map(|n| n.id).collect();
    }
    info
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

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::time::Duration;

    use journeywall_core::{Lang, Store};

    use super::*;

    fn room() -> (tempfile::TempDir, Arc<AppState>, RoomInfo) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journeywall.db");
        let state = AppState::new(path.clone(), Store::open(&path), Lang::En);
        let journey = crate::commands::create_journey(&state, "online-en".into(), None).unwrap();
        let options = RoomOptions { bind: Some(IpAddr::from([127, 0, 0, 1])), port: Some(0), ..RoomOptions::default() };
        let info = open_room(&state, journey, options).unwrap();
        (dir, state, info)
    }

    /// Sends `raw` with the room's Host to the room of `info`; the answer's status and whole text.
    fn send(info: &RoomInfo, method_path: &str, cookie: Option<&str>, body: &str) -> (u16, String) {
        let (host, path) = info.link.trim_start_matches("http://").split_once('/').unwrap();
        let target = method_path.replace("{base}", &format!("/{path}"));
        let cookie = cookie.map(|c| format!("Cookie: jw={c}\r\n")).unwrap_or_default();
        let kind = if body.is_empty() { "" } else { "Content-Type: application/json\r\n" };
        send_raw(host, &format!("{target} HTTP/1.1\r\n{cookie}{kind}"), body)
    }

    fn join(info: &RoomInfo, name: &str) -> String {
        let (status, page) = send(info, "GET {base}", None, "");
        assert_eq!(status, 200, "{page}");
        let cookie = page.split("jw=").nth(1).unwrap().split(';').next().unwrap().to_owned();
        assert_eq!(send(info, "POST {base}/name", Some(&cookie), &format!("{{\"name\":\"{name}\"}}")).0, 200);
        cookie
    }

    /// The main window follows the main journey: what a breakout group's phone does reaches it
    /// named with the group's journey, which the board leaves alone (walk: a note sent to a group
    /// turned the laptop's board into a mix of the two).
    #[test]
    fn a_note_sent_to_a_group_reaches_the_window_as_the_groups_not_the_main_maps() {
        let (_dir, state, info) = room();
        let heard = Arc::new(Mutex::new(Vec::new()));
        let sink = heard.clone();
        let _ = state.on_room_event.set(Box::new(move |e| sink.lock().unwrap().push((e.journey, e.changes.is_some()))));
        let groups = split_into_groups(&state, info.journey, 2, journeywall_core::groups::SplitBy::Copy).unwrap();
        let group = RoomInfo { link: groups[1].link.clone(), ..info.clone() };
        let phone = join(&group, "Ayşe");
        let board = state.with(|s| s.load(groups[1].board.journey)).unwrap();
        let note = format!(
            r#"{{"id":"00000000-0000-4000-8000-000000000009","text":"At table 2","phase":"{}","row":"{}"}}"#,
            board.phases[0].id, board.rows[0].id
        );
        assert_eq!(send(&group, "POST {base}/notes", Some(&phone), &note).0, 201);
        let changes: Vec<Id> = heard.lock().unwrap().iter().filter(|(_, c)| *c).map(|(j, _)| *j).collect();
        assert!(!changes.is_empty(), "the window hears of it");
        assert!(changes.iter().all(|j| *j == groups[1].board.journey), "as the group's journey: {changes:?}");
        assert!(state.with(|s| s.load(info.journey)).unwrap().cards.iter().all(|c| c.title != "At table 2"));
        close_room(&state).unwrap();
        assert!(state.groups.lock().unwrap().is_empty(), "the groups' rooms close with the room");
    }

    /// Sends `request` (its first line and headers, each ending in CRLF) to `host` as it is, with
    /// the Host and `body`; the answer's status and whole text.
    fn send_raw(host: &str, request: &str, body: &str) -> (u16, String) {
        let mut s = TcpStream::connect(host).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        write!(s, "{request}Host: {host}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len()).unwrap();
        let mut text = String::new();
        let _ = s.read_to_string(&mut text);
        (text.split(' ').nth(1).and_then(|c| c.parse().ok()).unwrap_or(0), text)
    }

    /// Opens the event stream at `path` with `headers` (each ending in CRLF) and reads that it is open.
    fn open_stream(host: &str, path: &str, headers: &str) -> TcpStream {
        let mut s = TcpStream::connect(host).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        write!(s, "GET {path} HTTP/1.1\r\nHost: {host}\r\n{headers}\r\n").unwrap();
        let mut head = [0u8; 12];
        s.read_exact(&mut head).unwrap();
        assert_eq!(&head[9..12], b"200", "{path}");
        s
    }

    /// Whether an event stream's answer ends (its last chunk comes) before 5 s pass without a
    /// byte; the connection itself may stay open for another request.
    fn stream_ends(stream: &mut TcpStream) -> bool {
        let mut sent = Vec::new();
        let mut chunk = [0u8; 4096];
        while let Ok(n @ 1..) = stream.read(&mut chunk) {
            sent.extend_from_slice(&chunk[..n]);
            if sent.ends_with(b"0\r\n\r\n") {
                return true;
            }
        }
        false
    }

    /// Opening the room to co-editors and closing it again happen at once, with the phones still
    /// connected (walk: it restarted the room's server, 5 to 10 seconds, and phones reconnected);
    /// closed, an editor's event stream ends and the link answers 404; opened again, it is the
    /// same link and the editor's cookie still counts.
    #[test]
    fn co_editors_come_and_go_while_the_phones_stay_connected() {
        let (_dir, state, info) = room();
        let _ = state.ui.set(crate::ui_assets::UiAssets::standalone());
        let kim = join(&info, "Kim");
        let (host, path) = info.link.trim_start_matches("http://").split_once('/').unwrap();
        let mut phone = open_stream(host, &format!("/{path}/events"), &format!("Cookie: jw={kim}\r\n"));

        let opened = take_editors(&state, true).unwrap();
        assert_eq!(opened.link, info.link, "the phones' link stays");
        let link = opened.editor_link.unwrap();
        let base = link.trim_start_matches(&format!("http://{host}"));
        let (status, page) = send_raw(host, &format!("GET {base}/ HTTP/1.1\r\n"), "");
        assert_eq!(status, 200, "the editors' page answers at once: {page}");
        let ben = page.split("jwe=").nth(1).unwrap().split(';').next().unwrap().to_owned();
        let call = |method: &str, route: &str, body: &str| {
            send_raw(host, &format!("{method} {base}/{route} HTTP/1.1\r\nCookie: jwe={ben}\r\nX-Journeywall-Editor: 1\r\n"), body)
        };
        assert_eq!(call("POST", "name", r#"{"name":"Ben"}"#).0, 200);
        decide_editor(&state, 1, true).unwrap();
        let mut editor = open_stream(host, &format!("{base}/events"), &format!("Cookie: jwe={ben}\r\nX-Journeywall-Editor: 1\r\n"));

        let closed = take_editors(&state, false).unwrap();
        assert_eq!(closed.editor_link, None);
        assert!(stream_ends(&mut editor), "the editor's stream ended");
        assert_eq!(call("POST", "name", "{}").0, 404, "closed: the link is gone");

        assert_eq!(take_editors(&state, true).unwrap().editor_link.as_deref(), Some(link.as_str()), "opened again: the same link");
        assert_eq!(call("POST", "name", "{}").0, 200, "Ben's cookie counts again");
        // What the phone's stream sent meanwhile is read up to a second of quiet; an end is a restart.
        phone.set_read_timeout(Some(Duration::from_secs(1))).unwrap();
        let mut sent = [0u8; 4096];
        let open = loop {
            match phone.read(&mut sent) {
                Ok(0) => break false,
                Ok(_) => continue,
                Err(e) => break matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut),
            }
        };
        assert!(open, "the phone's event stream was never closed");
        close_room(&state).unwrap();
    }

    #[test]
    fn a_locked_room_takes_no_new_phones_and_keeps_those_in() {
        let (_dir, state, info) = room();
        let kim = join(&info, "Kim");
        // A page opened before the lock, its participant still typing a name.
        let (_, page) = send(&info, "GET {base}", None, "");
        let typing = page.split("jw=").nth(1).unwrap().split(';').next().unwrap().to_owned();
        let locked = lock_room(&state, true).unwrap();
        assert!(locked.locked);
        let (status, refused) = send(&info, "POST {base}/name", Some(&typing), r#"{"name":"Sneaky"}"#);
        assert_eq!(status, 400, "{refused}");
        assert!(refused.contains("closed to new phones"), "{refused}");
        assert_eq!(room_info(&state).unwrap().unwrap().phones, 1, "not let in by joining after the lock");
        let (status, page) = send(&info, "GET {base}", None, "");
        assert_eq!(status, 403, "{page}");
        assert!(page.contains("closed to new phones"), "{page}");
        assert!(page.contains(r#"<meta http-equiv="refresh" content="10">"#), "it asks again by itself: {page}");
        assert_eq!(send(&info, "GET {base}/journey", Some(&kim), "").0, 200, "Kim stays in");
        assert!(!lock_room(&state, false).unwrap().locked);
        assert_eq!(send(&info, "GET {base}", None, "").0, 200);
        close_room(&state).unwrap();
    }

    #[test]
    fn a_removed_phone_is_out_its_stream_ends_and_its_notes_stay() {
        let (_dir, state, info) = room();
        let kim = join(&info, "Kim");
        let lee = join(&info, "Lee");
        assert_eq!(info_phones(&state), vec![(1, Some("Kim".into())), (2, Some("Lee".into()))]);
        assert_eq!(send(&info, "POST {base}/notes", Some(&lee), r#"{"id":"00000000-0000-4000-8000-000000000001","text":"hi"}"#).0, 201);
        let (host, path) = info.link.trim_start_matches("http://").split_once('/').unwrap();
        let mut events = open_stream(host, &format!("/{path}/events"), &format!("Cookie: jw={lee}\r\n"));

        let after = remove_phone(&state, 2).unwrap();
        assert_eq!(after.phones, 1);
        let note: Id = "00000000-0000-4000-8000-000000000001".parse().unwrap();
        assert_eq!(
            after.removed.iter().map(|p| (p.number, p.name.clone(), p.waiting.clone())).collect::<Vec<_>>(),
            vec![(2, Some("Lee".into()), vec![note])],
            "its waiting note is named, to be discarded with the others"
        );
        assert!(stream_ends(&mut events), "the stream ended");
        assert_eq!(send(&info, "GET {base}/journey", Some(&lee), "").0, 401, "Lee's cookie counts no more");
        assert_eq!(send(&info, "GET {base}/journey", Some(&kim), "").0, 200);
        let inbox = state.with(|s| s.load(info.journey)).unwrap().inbox;
        assert_eq!(inbox.len(), 1, "Lee's note stays in the inbox");
        close_room(&state).unwrap();
    }

    #[test]
    fn a_new_link_ends_every_phones_session_and_the_old_link_is_gone() {
        let (_dir, state, info) = room();
        let kim = join(&info, "Kim");
        let editors = take_editors(&state, true).unwrap().editor_link;
        let renewed = new_room_link(&state).unwrap();
        assert_ne!(renewed.link, info.link);
        assert_eq!(renewed.phones, 0);
        assert_eq!(send(&renewed, "GET {base}/journey", Some(&kim), "").0, 401);
        // On the same port, so a phone with the old link hears it is gone (walk: the room moved to
        // the next port, and phones said "trying again" for ever).
        assert_eq!(send(&info, "GET {base}/journey", Some(&kim), "").0, 404, "the old link is gone, on the same address");
        assert_eq!(renewed.editor_link, editors, "co-editors, let in one by one, keep their link");
        close_room(&state).unwrap();
        let reopened =
            open_room(&state, info.journey, RoomOptions { bind: Some(IpAddr::from([127, 0, 0, 1])), ..RoomOptions::default() }).unwrap();
        assert_eq!(reopened.link, renewed.link, "closed and opened again: the same link");
        close_room(&state).unwrap();
    }

    #[test]
    fn a_double_tap_on_a_first_dot_makes_one_participant_with_the_phones_name() {
        let (_dir, state, info) = room();
        let kim = join(&info, "Kim");
        let journey = info.journey;
        crate::commands::apply_edit(&state, journey, journeywall_core::Edit::StartVote { dots_per_participant: 3, stacking: true })
            .unwrap();
        let card = state.with(|s| s.load(journey)).unwrap().cards[0].id;
        let body = format!("{{\"card\":\"{card}\",\"give\":true}}");
        std::thread::scope(|s| {
            let taps: Vec<_> = (0..2).map(|_| s.spawn(|| send(&info, "POST {base}/dots", Some(&kim), &body).0)).collect();
            for tap in taps {
                assert_eq!(tap.join().unwrap(), 200);
            }
        });
        let vote = state.with(|s| s.load(journey)).unwrap().vote.unwrap();
        assert_eq!(vote.participants.len(), 1, "one participant");
        assert_eq!((vote.participants[0].name.as_str(), vote.participants[0].dots.len()), ("Kim", 2));
        close_room(&state).unwrap();
    }

    #[test]
    fn the_room_code_is_read_aloud_easily_and_carries_over_128_bits() {
        let code = room_code();
        assert_eq!(code.len(), 26 + 6, "{code}");
        assert!(code.split('-').all(|g| g.len() <= 4));
        assert!(!code.chars().any(|c| "01ilo".contains(c)), "{code}");
        assert!(31f64.powi(26).log2() > 128.0);
    }

    fn info_phones(state: &AppState) -> Vec<(u32, Option<String>)> {
        room_info(state).unwrap().unwrap().joined.into_iter().map(|p| (p.number, p.name)).collect()
    }
}
