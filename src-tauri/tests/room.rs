//! The room as phones meet it: `journeywall room … --bind 127.0.0.1` run as a process, spoken to
//! over plain HTTP/1.1 the way a phone's browser does. Every request goes to 127.0.0.1 only, every
//! test is bounded in requests and time, and each server is stopped at the end.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use common::*;

#[test]
fn a_phone_joins_writes_a_note_once_however_often_it_is_sent_and_it_is_in_the_inbox() {
    let room = Room::open(&[]);
    let page = room.get(&room.base, None);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("phone.js"));
    let set = page.header("set-cookie").unwrap();
    assert!(set.contains("HttpOnly") && set.contains("SameSite=Strict"), "{set}");
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'") && !csp.contains("http") && !csp.contains("*"), "{csp}");

    let phone = room.join(Some("Ayşe"));
    let view = room.get(&format!("{}/journey", room.base), Some(&phone)).json();
    let phase = view["phases"][1]["id"].as_str().unwrap().to_owned();
    let row = view["rows"][0]["id"].as_str().unwrap().to_owned();
    assert!(view["vote"].is_null(), "no cards while no vote is open");

    let body = serde_json::json!({ "id": id(1), "text": "Waited 20 minutes 🚲 — انتظرت <script>", "phase": phase, "row": row }).to_string();
    let first = room.post(&format!("{}/notes", room.base), &phone, &body);
    assert_eq!(first.status, 201, "{}", first.body);
    let again = room.post(&format!("{}/notes", room.base), &phone, &body);
    assert_eq!(again.status, 200, "the same note again adds nothing");

    let inbox = room.inbox();
    assert_eq!(inbox.len(), 1, "{inbox:?}");
    let n = &inbox[0];
    assert_eq!((n["id"].as_str(), n["text"].as_str()), (Some(id(1).as_str()), Some("Waited 20 minutes 🚲 — انتظرت <script>")));
    assert_eq!((n["phase"].as_str(), n["row"].as_str(), n["author"].as_str()), (Some(phase.as_str()), Some(row.as_str()), Some("Ayşe")));
    assert!(n.get("device").is_none(), "which phone wrote it stays in the database");

    let mine = room.get(&format!("{}/journey", room.base), Some(&phone)).json();
    assert_eq!(mine["notes"][0]["state"], "inbox");
    let other = room.join(Some("Bram"));
    assert_eq!(room.get(&format!("{}/journey", room.base), Some(&other)).json()["notes"], serde_json::json!([]), "notes are private");
    assert!(room.stop().success());
}

#[test]
fn every_refusal_is_the_documented_status_and_gives_nothing_away() {
    let room = Room::open(&[]);
    let phone = room.join(Some("Kim"));
    let b = room.base.clone();
    let wrong = format!("/r/{}", "A".repeat(room.token().len()));
    for path in [wrong.as_str(), "/r/", "/", "/r/x/journey", "/etc/passwd", &format!("{b}/../../journeywall.db"), &format!("{b}/phone")] {
        let a = safe(room.get(path, Some(&phone)));
        assert_eq!((a.status, a.body.as_str()), (404, ""), "{path}");
    }
    let a = safe(room.send(&format!("GET {b} HTTP/1.1\r\nHost: evil.example:80\r\nConnection: close\r\n\r\n")));
    assert_eq!(a.status, 403, "a Host that is not the room's (DNS rebinding)");
    let a = room.send(&format!("GET {b} HTTP/1.1\r\nConnection: close\r\n\r\n"));
    assert!(a.status == 403 || a.status == 400, "no Host: {}", a.status);

    assert_eq!(safe(room.get(&format!("{b}/journey"), None)).status, 401, "no cookie");
    assert_eq!(room.get(&format!("{b}/journey"), Some("made-up")).status, 401);

    let big = serde_json::json!({ "id": id(9), "text": "x".repeat(17 * 1024) }).to_string();
    assert_eq!(safe(room.post(&format!("{b}/notes"), &phone, &big)).status, 413);
    let a = safe(room.note(&phone, &id(2), &"y".repeat(201)));
    assert_eq!(a.status, 400);
    assert!(a.json()["message"].as_str().unwrap().contains("the limit is 200"), "{}", a.body);
    let a = room.note(&phone, &id(3), "   ");
    assert_eq!(a.status, 400);
    assert_eq!(safe(room.post(&format!("{b}/notes"), &phone, "{not json")).status, 400);
    let edit = serde_json::json!({ "type": "deleteJourney" }).to_string();
    assert_eq!(room.post(&format!("{b}/edits"), &phone, &edit).status, 404, "only notes and dots can be written");
    assert_eq!(safe(room.post(&format!("{b}/journey"), &phone, "{}")).status, 405);
    let (status, events) = open_events(&room, &phone);
    assert_eq!(status, 200);
    safe(Answer { status, headers: read_head(events), body: String::new() });

    // Dutch phones are answered in Dutch.
    let nl = room.send(&format!(
        "POST {b}/notes HTTP/1.1\r\nHost: {}\r\nCookie: jw={phone}\r\nAccept-Language: nl-NL,nl;q=0.9\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}",
        room.host
    ));
    assert_eq!(nl.status, 400);
    assert!(nl.json()["message"].as_str().unwrap().starts_with("niet begrepen"), "{}", nl.body);

    // More than 20 requests in a second from one phone: 429, and another phone is not held back.
    let other = room.join(Some("Lee"));
    let statuses: Vec<u16> = (0..30).map(|_| room.get(&format!("{b}/journey"), Some(&phone)).status).collect();
    assert!(statuses.contains(&429), "{statuses:?}");
    safe(room.get(&format!("{b}/journey"), Some(&phone)));
    assert_eq!(room.get(&format!("{b}/journey"), Some(&other)).status, 200);
    assert!(room.inbox().is_empty(), "nothing refused was stored");
    assert!(room.stop().success());
}

#[test]
fn a_room_set_to_put_notes_on_the_board_places_them_where_they_were_aimed() {
    let room = Room::open(&["--straight", "--anonymous"]);
    let phone = room.join(None);
    let view = room.get(&format!("{}/journey", room.base), Some(&phone)).json();
    assert_eq!(view["anonymous"], true);
    let (phase, row) = (view["phases"][0]["id"].clone(), view["rows"][0]["id"].clone());
    let body = serde_json::json!({ "id": id(5), "text": "Straight up", "phase": phase, "row": row }).to_string();
    assert_eq!(room.post(&format!("{}/notes", room.base), &phone, &body).status, 201);
    let doc: serde_json::Value = serde_json::from_str(&journeywall(&room.db, &["show", "Bikes", "--json"])).unwrap();
    let card = doc["cards"].as_array().unwrap().iter().find(|k| k["title"] == "Straight up").expect("the note is a card");
    assert_eq!((&card["phase"], &card["row"]), (&phase, &row));
    assert_eq!(doc["inbox"][0]["state"], "placed");
    assert!(doc["inbox"][0]["author"].is_null(), "anonymous");
    assert!(room.stop().success());
}

/// 30 phones send 10 notes each at once, every tenth twice: exactly 300 notes, none lost, none
/// doubled. Then the server is killed (-9) in the middle of a second round: every note that was
/// answered 201 or 200 is there after a restart.
/// How many notes of the second round are acknowledged before the server is killed.
const KILL_AFTER: usize = 50;

#[test]
fn thirty_phones_at_once_lose_nothing_and_double_nothing_even_when_the_server_is_killed() {
    let room = Room::open(&[]);
    let phones: Vec<String> = (0..30).map(|i| room.join(Some(&format!("P{i}")))).collect();
    // Each acknowledged note is also told on `acks`, so the kill can wait for a number of them.
    let send_all = |round: u128, room: &Room, acks: std::sync::mpsc::Sender<()>| -> Vec<String> {
        std::thread::scope(|s| {
            let handles: Vec<_> = phones
                .iter()
                .enumerate()
                .map(|(p, phone)| {
                    let acks = acks.clone();
                    s.spawn(move || {
                        let mut acknowledged = Vec::new();
                        for n in 0..10u128 {
                            let note = id(round * 10_000 + p as u128 * 100 + n);
                            let tries = if n == 9 { 2 } else { 1 };
                            for _ in 0..tries {
                                let Ok(mut stream) = TcpStream::connect(&room.host) else { return acknowledged };
                                let body = serde_json::json!({ "id": note, "text": format!("note {n} of phone {p}") }).to_string();
                                let raw = format!(
                                    "POST {}/notes HTTP/1.1\r\nHost: {}\r\nCookie: jw={phone}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                                    room.base,
                                    room.host,
                                    body.len()
                                );
                                let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                                if stream.write_all(raw.as_bytes()).is_err() {
                                    return acknowledged;
                                }
                                let mut answer = String::new();
                                let _ = stream.read_to_string(&mut answer);
                                if answer.starts_with("HTTP/1.1 201") || answer.starts_with("HTTP/1.1 200") {
                                    acknowledged.push(note.clone());
                                    let _ = acks.send(());
                                }
                            }
                        }
                        acknowledged
                    })
                })
                .collect();
            handles.into_iter().flat_map(|h| h.join().unwrap()).collect()
        })
    };
    let acknowledged = send_all(1, &room, std::sync::mpsc::channel().0);
    let inbox = room.inbox();
    assert_eq!(inbox.len(), 300, "exactly 300 notes");
    let ids: std::collections::HashSet<_> = inbox.iter().map(|n| n["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids.len(), 300);
    assert!(acknowledged.iter().all(|a| ids.contains(a)));

    // The second round, with a kill -9 once 50 of its notes were acknowledged: in the middle of
    // it however fast or slow the machine is.
    let pid = room.child.id();
    let (acks, acked) = std::sync::mpsc::channel();
    let killer = std::thread::spawn(move || {
        let heard = acked.iter().take(KILL_AFTER).count();
        let _ = Command::new("kill").arg("-KILL").arg(pid.to_string()).status();
        heard
    });
    let acknowledged = send_all(2, &room, acks);
    assert_eq!(killer.join().unwrap(), KILL_AFTER, "killed after {KILL_AFTER} acknowledged notes");
    let db = room.db.clone();
    let kept = room.inbox();
    let ids: std::collections::HashSet<_> = kept.iter().map(|n| n["id"].as_str().unwrap().to_owned()).collect();
    let lost: Vec<_> = acknowledged.iter().filter(|a| !ids.contains(*a)).collect();
    assert!(lost.is_empty(), "acknowledged and lost: {lost:?}");
    assert!(kept.len() >= 300 + acknowledged.iter().collect::<std::collections::HashSet<_>>().len());
    // And the database opens again, with every note, for a new room.
    let again = Room::start(db, &[]);
    assert_eq!(again.inbox().len(), kept.len());
    assert!(again.stop().success());
}

/// The log says when the room opened and closed and how many phones joined, and never who joined,
/// what they wrote, or the room's secret link.
#[test]
fn the_log_counts_the_phones_of_a_room_and_names_none() {
    let mut room = Room::open(&[]);
    let dir = room._dir.take().unwrap();
    let ayse = room.join(Some("Ayşe Walrus"));
    room.join(Some("Bram Marzipan"));
    assert_eq!(room.note(&ayse, &id(1), "Waited for the zebra crossing").status, 201);
    let token = room.token().to_owned();
    assert!(room.stop().success());
    let log: String =
        std::fs::read_dir(dir.path().join("logs")).unwrap().map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap()).collect();
    assert!(log.contains("room opened") && log.contains("room closed"), "{log}");
    assert!(log.contains("phone joined phones=2"), "{log}");
    for secret in ["Walrus", "Marzipan", "zebra", &token, &ayse] {
        assert!(!log.contains(secret), "{secret:?} is in the log: {log}");
    }
}

#[test]
fn a_stopped_room_listens_no_more() {
    let room = Room::open(&[]);
    let (host, base) = (room.host.clone(), room.base.clone());
    assert_eq!(room.get(&base, None).status, 200);
    assert!(room.stop().success(), "SIGTERM stops it cleanly");
    // The port may be taken again at once by a room of a test running alongside; this room's page
    // must be gone all the same.
    if let Ok(mut s) = TcpStream::connect(&host) {
        let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
        let _ = s.write_all(format!("GET {base} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n").as_bytes());
        let mut answer = String::new();
        let _ = s.read_to_string(&mut answer);
        assert!(!answer.starts_with("HTTP/1.1 200"), "the closed room still answers: {answer}");
    }
}

#[test]
fn a_headless_room_tells_its_phones_of_an_edit_made_by_another_program() {
    let room = Room::open(&[]);
    let phone = room.join(Some("Ayşe"));
    // The phone's event stream, read as it comes: the first event says "fetch now".
    let mut stream = TcpStream::connect(&room.host).unwrap();
    stream.set_read_timeout(Some(Duration::from_millis(200))).unwrap();
    let request = format!("GET {}/events HTTP/1.1\r\nHost: {}\r\nCookie: jw={phone}\r\n\r\n", room.base, room.host);
    stream.write_all(request.as_bytes()).unwrap();
    let events_within = |stream: &mut TcpStream, limit: Duration| {
        let until = std::time::Instant::now() + limit;
        let mut seen = String::new();
        let mut buf = [0u8; 4096];
        while std::time::Instant::now() < until {
            if let Ok(n) = stream.read(&mut buf) {
                seen.push_str(&String::from_utf8_lossy(&buf[..n]));
            }
        }
        seen.matches("event: change").count()
    };
    assert_eq!(events_within(&mut stream, Duration::from_secs(2)), 1, "the first event, and no other while nothing changes");

    // `journeywall edit` renames a phase: another connection to the file.
    let doc: serde_json::Value = serde_json::from_str(&journeywall(&room.db, &["show", "Bikes", "--json"])).unwrap();
    let phase = doc["phases"][0]["id"].as_str().unwrap();
    let edit = serde_json::json!({ "type": "updatePhase", "phase": phase, "title": "Looking around" }).to_string();
    journeywall(&room.db, &["edit", "Bikes", &edit]);
    assert!(events_within(&mut stream, Duration::from_secs(4)) >= 1, "the phone is told within a few seconds");
}

/// The page's cookie, without joining.
/// Every answer of the room, refusals and event streams too, is kept from guessing content types
/// and from giving its address (with the token) away in a `Referer` (docs/ROOM.md, "The page").
fn safe(a: Answer) -> Answer {
    assert_eq!(a.header("x-content-type-options").as_deref(), Some("nosniff"), "{} {}", a.status, a.headers);
    assert_eq!(a.header("referrer-policy").as_deref(), Some("no-referrer"), "{} {}", a.status, a.headers);
    a
}

/// The head of an answer still being sent (an event stream), after its status line.
fn read_head(stream: TcpStream) -> String {
    let mut head = String::new();
    let mut lines = BufReader::new(stream);
    let mut line = String::new();
    while lines.read_line(&mut line).is_ok_and(|n| n > 0) && line != "\r\n" {
        head.push_str(&line);
        line.clear();
    }
    head
}

fn open_page(room: &Room) -> Answer {
    room.get(&room.base, None)
}

fn cookie_of(page: &Answer) -> String {
    let set = page.header("set-cookie").expect("the page sets the phone's cookie");
    set.split(';').next().unwrap().strip_prefix("jw=").unwrap().to_owned()
}

/// Opens the phone's event stream and reads its answer's head (and first event, if any).
fn open_events(room: &Room, device: &str) -> (u16, TcpStream) {
    let mut s = TcpStream::connect(&room.host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(s, "GET {}/events HTTP/1.1\r\nHost: {}\r\nCookie: jw={device}\r\n\r\n", room.base, room.host).unwrap();
    let mut head = [0u8; 12];
    s.read_exact(&mut head).unwrap();
    let status = String::from_utf8_lossy(&head[9..12]).parse().unwrap_or(0);
    (status, s)
}

#[test]
fn after_a_crash_the_room_comes_back_with_the_same_link_its_phones_and_their_names() {
    let room = Room::open(&["--anonymous"]);
    let link = (room.host.clone(), room.base.clone());
    let phones: Vec<String> = (0..5).map(|i| room.join(Some(&format!("Kim {i}")))).collect();
    for (i, phone) in phones.iter().enumerate() {
        assert_eq!(room.note(phone, &id(i as u128), &format!("note {i}")).status, 201);
    }
    let db = room.db.clone();
    let dir = tempfile::tempdir().unwrap();
    let kept_db = dir.path().join("journeywall.db");
    let _ = Command::new("kill").arg("-KILL").arg(room.child.id().to_string()).status();
    let mut room = room;
    let _ = room.child.wait();
    // While the laptop is down the phone keeps its note; it sends it again when the room is back.
    std::fs::copy(&db, &kept_db).ok();
    let again = Room::start(db, &[]);
    assert_eq!((again.host.clone(), again.base.clone()), link, "the same link");
    let view = again.get(&format!("{}/journey", again.base), Some(&phones[2]));
    assert_eq!(view.status, 200, "the phone's cookie still counts: {}", view.body);
    assert_eq!(view.json()["name"], "Kim 2", "and its name");
    assert_eq!(view.json()["anonymous"], true, "the room's settings are kept");
    assert_eq!(again.note(&phones[3], &id(100), "queued while the laptop was down").status, 201);
    assert_eq!(again.note(&phones[3], &id(100), "queued while the laptop was down").status, 200, "sent twice, stored once");
    assert_eq!(again.note(&phones[0], &id(0), "note 0").status, 200, "a note sent before the crash is not doubled");
    assert_eq!(again.inbox().len(), 6);
    drop(room);
    assert!(again.stop().success());
}

#[test]
fn pages_opened_by_the_hundred_neither_crowd_out_a_joining_phone_nor_hold_its_event_stream() {
    let room = Room::open(&[]);
    // A script opening the page as fast as it can gets 40 phones in, then has to wait.
    let statuses: Vec<u16> = (0..100).map(|_| open_page(&room).status).collect();
    let admitted = statuses.iter().filter(|s| **s == 200).count();
    assert!((40..=45).contains(&admitted), "{admitted} of 100 let in at once");
    let waiting = room.get(&room.base, None);
    assert_eq!(waiting.status, 503);
    assert_eq!(waiting.header("retry-after").as_deref(), Some("3"));
    assert!(waiting.body.contains("http-equiv=\"refresh\""), "the page asks again by itself: {}", waiting.body);
    // A page that did not join holds no event stream.
    let lurker = cookie_of(&open_page_after_wait(&room));
    assert_eq!(open_events(&room, &lurker).0, 403);
    // A phone that joins gets its stream.
    let phone = join_after_wait(&room, "Ayşe");
    let (status, _stream) = open_events(&room, &phone);
    assert_eq!(status, 200);
    assert!(room.stop().success());
}

/// Opens the page, waiting as its refresh would while the room admits others.
fn open_page_after_wait(room: &Room) -> Answer {
    let until = Instant::now() + Duration::from_secs(10);
    loop {
        let page = open_page(room);
        if page.status != 503 || Instant::now() > until {
            return page;
        }
        std::thread::sleep(Duration::from_millis(300));
    }
}

fn join_after_wait(room: &Room, name: &str) -> String {
    let device = cookie_of(&open_page_after_wait(room));
    let body = serde_json::json!({ "name": name }).to_string();
    assert_eq!(room.post(&format!("{}/name", room.base), &device, &body).status, 200);
    device
}

#[test]
fn connections_that_send_nothing_are_closed_and_a_phone_still_gets_in() {
    raise_own_file_limit();
    let room = Room::open(&[]);
    let idle: Vec<TcpStream> = (0..1100).filter_map(|_| TcpStream::connect(&room.host).ok()).collect();
    assert_eq!(idle.len(), 1100, "the room accepts them");
    let started = Instant::now();
    let phone = room.join(Some("Kim"));
    assert_eq!(room.note(&phone, &id(1), "still here").status, 201);
    assert!(started.elapsed() < Duration::from_secs(2), "joined and sent in {:?}", started.elapsed());
    // Within a few seconds the idle ones are closed by the room.
    let mut first = idle.into_iter().next().unwrap();
    first.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut buf = [0u8; 16];
    let closed_at = Instant::now();
    let n = first.read(&mut buf).unwrap_or(0);
    assert_eq!(n, 0, "closed without an answer");
    assert!(closed_at.elapsed() < Duration::from_secs(8));
    assert!(room.stop().success());
}

#[test]
fn two_hosts_or_a_target_naming_another_host_are_refused() {
    let room = Room::open(&[]);
    let b = &room.base;
    let h = &room.host;
    let two = room.send(&format!("GET {b} HTTP/1.1\r\nHost: {h}\r\nHost: evil.example\r\nConnection: close\r\n\r\n"));
    assert_eq!(two.status, 400);
    let absolute = room.send(&format!("GET http://evil.example{b} HTTP/1.1\r\nHost: {h}\r\nConnection: close\r\n\r\n"));
    assert_eq!(absolute.status, 400);
    assert_eq!(room.get(b, None).status, 200, "the room itself still answers");
    assert!(room.stop().success());
}

/// This test process opens over a thousand connections: more than the usual soft limit.
fn raise_own_file_limit() {
    // SAFETY: getrlimit and setrlimit only read and write the struct passed to them.
    unsafe {
        let mut limit = std::mem::zeroed::<libc::rlimit>();
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}
