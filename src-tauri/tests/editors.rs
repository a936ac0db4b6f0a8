//! Co-editors as their browsers meet the room: `journeywall room … --editors` run as a process,
//! its editor link spoken to over plain HTTP/1.1 on 127.0.0.1. Every test is bounded in requests
//! and time, and each server is stopped at the end.

mod common;

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use common::*;
use serde_json::{json, Value};

/// An editor's browser: its cookie, and the calls its page makes.
struct Editor {
    host: String,
    base: String,
    cookie: String,
}

impl Editor {
    /// Opens the editor link as a browser does and keeps the cookie it is given.
    fn arrive(room: &Room) -> Editor {
        let base = room.editors.clone().expect("a room with --editors");
        let page = room.get(&format!("{base}/"), None);
        assert_eq!(page.status, 200, "{}", page.body);
        let set = page.header("set-cookie").expect("the page sets the editor's cookie");
        let cookie = set.split(';').next().unwrap().strip_prefix("jwe=").unwrap().to_owned();
        Editor { host: room.host.clone(), base, cookie }
    }

    fn raw(&self, path: &str, headers: &str, body: &str) -> Answer {
        send_to(
            &self.host,
            &format!(
                "POST {}{path} HTTP/1.1\r\nHost: {}\r\n{headers}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                self.base,
                self.host,
                body.len()
            ),
        )
    }

    /// One request of the list, as the page sends it; the answer line (`{"ok"…}` or `{"error"…}`).
    /// Told to wait (429), it waits as the page does and sends it again.
    fn call(&self, request: &Value) -> Value {
        let headers = format!("Cookie: jwe={}\r\nX-Journeywall-Editor: 1\r\n", self.cookie);
        for _ in 0..100 {
            let answer = self.raw("/rpc", &headers, &request.to_string());
            if answer.status == 429 {
                std::thread::sleep(Duration::from_millis(50));
                continue;
            }
            assert_eq!(answer.status, 200, "{request}: {}", answer.body);
            return answer.json();
        }
        panic!("{request}: still too fast after 100 tries");
    }

    fn ok(&self, request: Value) -> Value {
        let answer = self.call(&request);
        assert!(answer.get("ok").is_some(), "{request}: {answer}");
        answer["ok"].clone()
    }

    /// The editor's event stream, opened as the page opens it.
    fn events(&self) -> TcpStream {
        let mut s = TcpStream::connect(&self.host).unwrap();
        s.set_read_timeout(Some(Duration::from_millis(100))).unwrap();
        let request = format!(
            "GET {}/events HTTP/1.1\r\nHost: {}\r\nCookie: jwe={}\r\nX-Journeywall-Editor: 1\r\n\r\n",
            self.base, self.host, self.cookie
        );
        s.write_all(request.as_bytes()).unwrap();
        s
    }
}

/// What a board shows of the cards: id → (title, phase, row).
type Board = BTreeMap<String, (String, String, String)>;

fn board_of(doc: &Value) -> Board {
    let cards = doc["cards"].as_array().unwrap();
    cards.iter().map(|c| (s(&c["id"]), (s(&c["title"]), s(&c["phase"]), s(&c["row"])))).collect()
}

fn s(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// A board kept up to date from the event stream alone, as the editor page keeps its own.
struct Follower {
    editor: Editor,
    stream: TcpStream,
    pending: String,
    board: Board,
    journey: String,
}

impl Follower {
    fn new(editor: Editor) -> Follower {
        let stream = editor.events();
        let opened = editor.ok(json!({ "cmd": "reopen_journey" }));
        let journey = s(&opened["doc"]["journey"]["id"]);
        Follower { board: board_of(&opened["doc"]), editor, stream, pending: String::new(), journey }
    }

    /// Reads what the stream has sent so far and applies it.
    fn catch_up(&mut self) {
        let mut buf = [0u8; 65536];
        while let Ok(n) = self.stream.read(&mut buf) {
            if n == 0 {
                break;
            }
            self.pending.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        while let Some(end) = self.pending.find("\n\n") {
            let event: String = self.pending.drain(..end + 2).collect();
            let name = event.lines().find_map(|l| l.strip_prefix("event: ")).unwrap_or("");
            let data: String = event.lines().filter_map(|l| l.strip_prefix("data: ")).collect();
            match name {
                "change" => {
                    let change: Value = serde_json::from_str(&data).unwrap();
                    for card in change["changes"]["cards"].as_array().unwrap() {
                        self.board.insert(s(&card["id"]), (s(&card["title"]), s(&card["phase"]), s(&card["row"])));
                    }
                    for gone in change["changes"]["removedCards"].as_array().unwrap() {
                        self.board.remove(&s(gone));
                    }
                }
                "reload" => {
                    let opened = self.editor.ok(json!({ "cmd": "open_journey", "journey": self.journey }));
                    self.board = board_of(&opened["doc"]);
                }
                _ => {}
            }
        }
    }
}

fn shown(room: &Room) -> Board {
    board_of(&serde_json::from_str(&journeywall(&room.db, &["show", "Bikes", "--json"])).unwrap())
}

#[test]
fn without_editors_there_is_no_editor_link() {
    let room = Room::open(&[]);
    assert!(room.editors.is_none());
    let answer = room.get(&format!("/e/{}/", room.token()), None);
    assert_eq!(answer.status, 404, "the phones' token opens no editor page");
    assert_eq!(room.get("/e/AAAAAAAAAAAAAAAAAAAAAA/", None).status, 404);
}

#[test]
fn every_editor_call_needs_the_link_the_cookie_and_the_header() {
    let room = Room::open(&["--editors"]);
    let base = room.editors.clone().unwrap();
    let token = base.trim_start_matches("/e/");
    assert!(token.len() >= 22, "at least 128 random bits: {token}");
    assert_ne!(token, room.token());

    let wrong = format!("/e/{}X/", &token[..token.len() - 1]);
    assert_eq!(room.get(&wrong, None).status, 404, "a wrong token is a path that does not exist");
    let page = room.get(&format!("{base}/"), None);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<div id=\"root\">"), "the app's own page: {}", page.body);
    let set = page.header("set-cookie").unwrap();
    assert!(set.starts_with("jwe=") && set.contains("HttpOnly") && set.contains("SameSite=Strict"), "{set}");
    let csp = page.header("content-security-policy").unwrap();
    assert!(!csp.contains("http") && !csp.contains('*') && csp.contains("default-src 'self'"), "{csp}");
    let script = page.body.split("src=\"./").nth(1).and_then(|r| r.split('"').next()).unwrap();
    assert_eq!(room.get(&format!("{base}/{script}"), None).status, 200, "its script");

    let editor = Editor::arrive(&room);
    let info = json!({ "cmd": "app_info" }).to_string();
    let cookie = format!("Cookie: jwe={}\r\n", editor.cookie);
    let answer = editor.raw("/rpc", &cookie, &info);
    assert_eq!(answer.status, 403, "a call without the header, as a form of another site would send it");
    let answer = editor.raw("/rpc", "X-Journeywall-Editor: 1\r\n", &info);
    assert_eq!(answer.status, 401, "without the cookie");
    let phone = room.join(Some("Ayşe"));
    let answer = editor.raw("/rpc", &format!("Cookie: jw={phone}\r\nX-Journeywall-Editor: 1\r\n"), &info);
    assert_eq!(answer.status, 401, "a phone's cookie calls no editor route");
    let phone_call = room.get(&format!("{}/journey", room.base), None);
    assert_eq!(phone_call.status, 401, "and an editor's no phone route");
    let bad_host = send_to(
        &room.host,
        &format!("GET {base}/ HTTP/1.1\r\nHost: attacker.example:{}\r\nConnection: close\r\n\r\n", room.host.split(':').nth(1).unwrap()),
    );
    assert_eq!(bad_host.status, 403, "the Host check, as for phones");

    assert_eq!(editor.ok(json!({ "cmd": "app_info" }))["dbPath"], "", "where the laptop keeps its files is not said");
    for outside in [json!({ "cmd": "list_journeys" }), json!({ "cmd": "delete_journey", "journey": id(1) }), json!({ "cmd": "close_room" })]
    {
        let answer = editor.call(&outside);
        assert!(answer["error"]["message"].as_str().unwrap().contains("not a request an editor may make"), "{outside}: {answer}");
    }
    let other = json!({ "cmd": "open_journey", "journey": id(7) });
    assert!(editor.call(&other)["error"]["message"].as_str().unwrap().contains("one journey only"), "another journey");

    // Over the editors' limit: refused from its announced length, before it is all sent (the
    // server may close while the rest is still being written).
    let mut s = TcpStream::connect(&room.host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    let head = format!(
        "POST {base}/rpc HTTP/1.1\r\nHost: {}\r\n{cookie}X-Journeywall-Editor: 1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        room.host,
        5 * 1024 * 1024
    );
    s.write_all(head.as_bytes()).unwrap();
    let _ = s.write_all(&vec![b'x'; 5 * 1024 * 1024]);
    let mut answer = String::new();
    let _ = s.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 413"), "a body over the editors' limit: {answer}");
}

#[test]
fn at_most_twenty_editors() {
    let room = Room::open(&["--editors"]);
    let base = room.editors.clone().unwrap();
    for n in 0..20 {
        assert_eq!(room.get(&format!("{base}/"), None).status, 200, "editor {n}");
    }
    let answer = room.get(&format!("{base}/"), None);
    assert_eq!(answer.status, 503);
    assert!(answer.body.contains("20 editors"), "{}", answer.body);
}

/// Random edits of one person: add a card, retitle or move any card, delete one of their own.
fn random_edits(who: &str, n: usize, seed: u64, doc: &Value) -> impl Iterator<Item = Value> {
    let phases: Vec<String> = doc["phases"].as_array().unwrap().iter().map(|p| s(&p["id"])).collect();
    let rows: Vec<String> = doc["rows"].as_array().unwrap().iter().filter(|r| r["kind"] == "cards").map(|r| s(&r["id"])).collect();
    let existing: Vec<String> = doc["cards"].as_array().unwrap().iter().map(|c| s(&c["id"])).collect();
    let mut state = seed;
    let mut next = move |m: usize| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % m
    };
    let who = who.to_owned();
    let mut mine: Vec<String> = Vec::new();
    (0..n).map(move |i| {
        let any = |next: &mut dyn FnMut(usize) -> usize| {
            if !mine.is_empty() && next(2) == 0 {
                mine[next(mine.len())].clone()
            } else {
                existing[next(existing.len())].clone()
            }
        };
        match next(6) {
            0 | 1 => {
                let card = format!("{:08x}-0000-4000-8000-{:012x}", seed as u32, i);
                mine.push(card.clone());
                json!({ "type": "addCard", "id": card, "phase": phases[next(phases.len())], "row": rows[next(rows.len())], "title": format!("{who} {i}") })
            }
            2 | 3 => json!({ "type": "updateCard", "card": any(&mut next), "title": format!("{who} renamed {i}") }),
            4 => json!({ "type": "moveCard", "card": any(&mut next), "phase": phases[next(phases.len())], "row": rows[next(rows.len())], "index": 0 }),
            _ if !mine.is_empty() => json!({ "type": "deleteCard", "card": mine.remove(next(mine.len())) }),
            _ => json!({ "type": "updateJourney", "description": format!("{who} {i}") }),
        }
    })
}

#[test]
fn three_editors_and_the_command_line_at_once_end_with_one_map_and_each_undoes_only_their_own() {
    const EDITS: usize = 500;
    let room = Room::open(&["--editors"]);
    let started = Instant::now();
    let doc: Value = serde_json::from_str(&journeywall(&room.db, &["show", "Bikes", "--json"])).unwrap();
    let journey = s(&doc["journey"]["id"]);

    let followers: Vec<Follower> = (0..3).map(|_| Follower::new(Editor::arrive(&room))).collect();
    let cli_edits: String = random_edits("cli", EDITS, 99, &doc).map(|e| e.to_string() + "\n").collect();
    let mut cli = std::process::Command::new(BIN)
        .arg("--db")
        .arg(&room.db)
        .args(["edit", "Bikes", "-"])
        .env_remove("JOURNEYWALL_DB")
        .env(LOG_DIR, logs(&room.db))
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut cli_in = cli.stdin.take().unwrap();
    let feeding = std::thread::spawn(move || cli_in.write_all(cli_edits.as_bytes()));

    let done: Vec<(Follower, usize)> = std::thread::scope(|scope| {
        let running: Vec<_> = followers
            .into_iter()
            .enumerate()
            .map(|(n, mut follower)| {
                let (journey, doc) = (journey.clone(), &doc);
                scope.spawn(move || {
                    let mut accepted = 0;
                    for edit in random_edits(&format!("editor{n}"), EDITS, n as u64 + 1, doc) {
                        let answer = follower.editor.call(&json!({ "cmd": "apply_edit", "journey": journey, "edit": edit }));
                        // A card someone else deleted meanwhile is refused, and says so.
                        match (answer.get("ok"), answer["error"]["message"].as_str()) {
                            (Some(_), _) => accepted += 1,
                            (None, Some(message)) => assert!(message.contains("no card"), "{edit}: {message}"),
                            _ => panic!("{answer}"),
                        }
                        follower.catch_up();
                    }
                    (follower, accepted)
                })
            })
            .collect();
        running.into_iter().map(|t| t.join().unwrap()).collect()
    });
    feeding.join().unwrap().unwrap();
    // The command line's refusals (a card someone deleted) are its own business here.
    cli.wait().unwrap();
    assert!(started.elapsed() < Duration::from_secs(240), "bounded: {:?}", started.elapsed());

    // Every editor's board, kept from its event stream alone, comes to the map on disk.
    let mut followers: Vec<Follower> = done
        .into_iter()
        .map(|(f, accepted)| {
            assert!(accepted > EDITS / 2, "most edits went through: {accepted}");
            f
        })
        .collect();
    let until = Instant::now() + Duration::from_secs(20);
    loop {
        let truth = shown(&room);
        followers.iter_mut().for_each(Follower::catch_up);
        if followers.iter().all(|f| f.board == truth) {
            break;
        }
        assert!(Instant::now() < until, "the editors' boards did not come to the map on disk");
        std::thread::sleep(Duration::from_millis(100));
    }

    // Editor 0 undoes every step of theirs: the others' cards keep their titles.
    let before = shown(&room);
    let others =
        |b: &Board| -> Board { b.iter().filter(|(_, (t, _, _))| !t.starts_with("editor0")).map(|(k, v)| (k.clone(), v.clone())).collect() };
    let (mut undone, mut overtaken) = (0, 0);
    loop {
        let answer = followers[0].editor.call(&json!({ "cmd": "undo", "journey": journey, "step": null }));
        match answer["error"]["message"].as_str() {
            None => undone += 1,
            Some(m) if m.contains("nothing to undo") => break,
            Some(m) if m.contains("changed the same thing since") => overtaken += 1,
            Some(m) => panic!("{m}"),
        }
        assert!(undone + overtaken <= EDITS, "undo ends");
    }
    assert!(undone > 0);
    let after = shown(&room);
    for (id, (title, _, _)) in others(&before) {
        // Editor 0 retitled or deleted some of them; those come back as they were, so only the
        // cards editor 0 never touched are checked here.
        if let Some((now, _, _)) = after.get(&id) {
            if !title.starts_with("editor0") && !now.starts_with("editor0") {
                assert_eq!(&title, now, "a card of someone else's kept its title");
            }
        }
    }
    let left: Vec<&String> = after.values().map(|(t, _, _)| t).filter(|t| t.starts_with("editor0 ") && !t.contains("renamed")).collect();
    assert!(left.len() <= overtaken, "editor 0's own cards are gone but for those someone changed since: {left:?}");
}

#[test]
fn a_host_killed_mid_edit_keeps_every_acknowledged_edit_and_its_editors_come_back() {
    let room = Room::open(&["--editors"]);
    let editor = Editor::arrive(&room);
    let opened = editor.ok(json!({ "cmd": "reopen_journey" }));
    let journey = s(&opened["doc"]["journey"]["id"]);
    let (phase, row) = (s(&opened["doc"]["phases"][0]["id"]), s(&opened["doc"]["rows"][0]["id"]));
    let mut acknowledged = Vec::new();
    for i in 0..50 {
        let card = id(1000 + i);
        let edit = json!({ "type": "addCard", "id": card, "phase": phase, "row": row, "title": format!("kept {i}") });
        editor.ok(json!({ "cmd": "apply_edit", "journey": journey, "edit": edit }));
        acknowledged.push(card);
    }
    let (db, link) = (room.db.clone(), room.editors.clone());
    let mut room = room;
    room.child.kill().unwrap();
    room.child.wait().unwrap();
    let dir = room._dir.take();
    drop(room);

    let again = Room::start(db, &["--editors"]);
    assert_eq!(again.editors, link, "the same editor link after the restart");
    let back = Editor { host: again.host.clone(), base: again.editors.clone().unwrap(), cookie: editor.cookie.clone() };
    let opened = back.ok(json!({ "cmd": "reopen_journey" }));
    let board = board_of(&opened["doc"]);
    assert!(acknowledged.iter().all(|c| board.contains_key(c)), "every acknowledged card is on disk");
    assert_eq!(opened["history"]["undo"], "addCard", "their own undo survives the restart");
    back.ok(json!({ "cmd": "undo", "journey": journey, "step": null }));
    assert!(!board_of(&back.ok(json!({ "cmd": "reopen_journey" }))["doc"]).contains_key(&acknowledged[49]));
    drop(again);
    drop(dir);
}

#[test]
fn a_call_sent_again_after_a_lost_answer_is_done_once_and_files_download() {
    let room = Room::open(&["--editors"]);
    let editor = Editor::arrive(&room);
    let opened = editor.ok(json!({ "cmd": "reopen_journey" }));
    let journey = s(&opened["doc"]["journey"]["id"]);
    let cards = opened["doc"]["cards"].as_array().unwrap().len();
    let edit =
        json!({ "type": "addCard", "phase": opened["doc"]["phases"][0]["id"], "row": opened["doc"]["rows"][0]["id"], "title": "once" });
    let call = json!({ "cmd": "apply_edit", "journey": journey, "edit": edit }).to_string();
    let headers = format!("Cookie: jwe={}\r\nX-Journeywall-Editor: 1\r\nX-Journeywall-Request: call-1\r\n", editor.cookie);
    let first = editor.raw("/rpc", &headers, &call).json();
    let again = editor.raw("/rpc", &headers, &call).json();
    assert_eq!(first, again, "the same answer");
    let now = editor.ok(json!({ "cmd": "open_journey", "journey": journey }));
    assert_eq!(now["doc"]["cards"].as_array().unwrap().len(), cards + 1, "one card, not two");

    use base64::Engine;
    let decode = |v: &Value| base64::engine::general_purpose::STANDARD.decode(s(&v["base64"])).unwrap();
    let options = json!({ "sheet": "A3" });
    let pdf = editor.call(&json!({ "cmd": "poster_download", "journey": journey, "options": options, "format": "pdf" }));
    if let Some(pdf) = pdf.get("ok") {
        assert!(decode(pdf).starts_with(b"%PDF"), "a PDF");
        assert_eq!(pdf["fileName"], "Bikes.pdf");
    } else {
        panic!("{pdf}");
    }
    let file = editor.ok(json!({ "cmd": "export_download", "journey": journey, "format": "json", "delimiter": "," }));
    let back: Value = serde_json::from_slice(&decode(&file)).unwrap();
    assert_eq!(back["journey"]["name"], "Bikes");
}

/// The editor page comes over a workshop's Wi-Fi: its script and fonts (about 3 MB) are sent
/// gzipped to a browser that takes it, and come out the same.
#[test]
fn the_editor_page_is_sent_compressed_to_a_browser_that_takes_it() {
    let room = Room::open(&["--editors"]);
    let base = room.editors.clone().unwrap();
    let page = room.get(&format!("{base}/"), None);
    let script = page.body.split("src=\"").nth(1).and_then(|s| s.split('"').next()).expect("the page names its script").to_owned();
    let path = format!("{base}/{}", script.trim_start_matches("./").trim_start_matches(&format!("{base}/")));
    let get = |encoding: &str| {
        // HTTP/1.0: the body ends with the connection, neither chunked nor re-encoded as text.
        let mut s = TcpStream::connect(&room.host).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        write!(s, "GET {path} HTTP/1.0\r\nHost: {}\r\n{encoding}\r\n", room.host).unwrap();
        let mut bytes = Vec::new();
        let _ = s.read_to_end(&mut bytes);
        let end = bytes.windows(4).position(|w| w == b"\r\n\r\n").expect("an answer") + 4;
        (String::from_utf8_lossy(&bytes[..end]).to_ascii_lowercase(), bytes[end..].to_vec())
    };
    let (head, plain) = get("");
    assert!(head.starts_with("http/1.0 200") && !head.contains("content-encoding"), "{head}");
    let (head, gzipped) = get("Accept-Encoding: gzip, deflate, br\r\n");
    assert!(head.contains("content-encoding: gzip"), "{head}");
    assert!(head.contains("x-content-type-options: nosniff"), "{head}");
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(&gzipped[..]).read_to_end(&mut unzipped).unwrap();
    assert_eq!(unzipped, plain, "the same script");
    assert!(gzipped.len() * 2 < plain.len(), "{} of {} bytes", gzipped.len(), plain.len());
    assert!(room.stop().success());
}
