//! What the room's tests share: a `journeywall room … --bind 127.0.0.1` process, spoken to over
//! plain HTTP/1.1 as a browser does. Every request goes to 127.0.0.1 only.
// Each test file uses its own part of this.
#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_journeywall");

pub struct Room {
    pub child: Child,
    /// "127.0.0.1:PORT"
    pub host: String,
    /// "/r/TOKEN"
    pub base: String,
    pub db: PathBuf,
    /// With `--editors`: "/e/TOKEN", the co-editors' link (the second line).
    pub editors: Option<String>,
    pub _dir: Option<tempfile::TempDir>,
}

pub struct Answer {
    pub status: u16,
    pub headers: String,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
    pub fn header(&self, name: &str) -> Option<String> {
        self.headers.lines().find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }
}

/// Where the binary writes its log in these tests: beside the database, not in the user's home.
pub const LOG_DIR: &str = "JOURNEYWALL_LOG_DIR";

pub fn logs(db: &std::path::Path) -> PathBuf {
    db.parent().unwrap().join("logs")
}

pub fn journeywall(db: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(BIN).arg("--db").arg(db).args(args).env_remove("JOURNEYWALL_DB").env(LOG_DIR, logs(db)).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

impl Room {
    /// A new database with one journey, and a room open on it.
    pub fn open(extra: &[&str]) -> Room {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("journeywall.db");
        journeywall(&db, &["new", "--template", "online-en", "--name", "Bikes"]);
        let mut room = Room::start(db, extra);
        room._dir = Some(dir);
        room
    }

    pub fn start(db: PathBuf, extra: &[&str]) -> Room {
        let mut child = Command::new(BIN)
            .arg("--db")
            .arg(&db)
            .args(["room", "Bikes", "--bind", "127.0.0.1", "--port", "0"])
            .args(extra)
            .env_remove("JOURNEYWALL_DB")
            .env(LOG_DIR, logs(&db))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        let mut first = String::new();
        out.read_line(&mut first).unwrap();
        let link = first.trim().strip_prefix("http://").unwrap_or_else(|| panic!("the first line is the join link: {first:?}"));
        let (host, path) = link.split_once('/').unwrap();
        let editors = extra.contains(&"--editors").then(|| {
            let mut second = String::new();
            out.read_line(&mut second).unwrap();
            let path = second
                .trim()
                .strip_prefix(&format!("http://{host}"))
                .unwrap_or_else(|| panic!("the second line is the editors' link: {second:?}"));
            path.to_owned()
        });
        Room { child, host: host.into(), base: format!("/{path}"), db, editors, _dir: None }
    }

    pub fn token(&self) -> &str {
        self.base.trim_start_matches("/r/")
    }

    pub fn send(&self, raw: &str) -> Answer {
        send_to(&self.host, raw)
    }

    pub fn get(&self, path: &str, cookie: Option<&str>) -> Answer {
        let cookie = cookie.map(|c| format!("Cookie: jw={c}\r\n")).unwrap_or_default();
        self.send(&format!("GET {path} HTTP/1.1\r\nHost: {}\r\n{cookie}Connection: close\r\n\r\n", self.host))
    }

    pub fn post(&self, path: &str, cookie: &str, body: &str) -> Answer {
        self.send(&format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nCookie: jw={cookie}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            self.host,
            body.len()
        ))
    }

    /// Opens the join link as a phone does; returns the phone's cookie.
    pub fn join(&self, name: Option<&str>) -> String {
        let page = self.get(&self.base, None);
        assert_eq!(page.status, 200, "{}", page.body);
        let set = page.header("set-cookie").expect("the page sets the phone's cookie");
        let device = set.split(';').next().unwrap().strip_prefix("jw=").unwrap().to_owned();
        let body = serde_json::json!({ "name": name }).to_string();
        assert_eq!(self.post(&format!("{}/name", self.base), &device, &body).status, 200);
        device
    }

    pub fn note(&self, device: &str, id: &str, text: &str) -> Answer {
        let body = serde_json::json!({ "id": id, "text": text }).to_string();
        self.post(&format!("{}/notes", self.base), device, &body)
    }

    pub fn inbox(&self) -> Vec<serde_json::Value> {
        let doc: serde_json::Value = serde_json::from_str(&journeywall(&self.db, &["show", "Bikes", "--json"])).unwrap();
        doc["inbox"].as_array().cloned().unwrap_or_default()
    }

    pub fn stop(mut self) -> std::process::ExitStatus {
        unsafe_terminate(self.child.id());
        wait_at_most(&mut self.child, Duration::from_secs(10))
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn unsafe_terminate(pid: u32) {
    let _ = Command::new("kill").arg("-TERM").arg(pid.to_string()).status();
}

pub fn wait_at_most(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let until = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(Instant::now() < until, "the room did not stop within {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

pub fn send_to(host: &str, raw: &str) -> Answer {
    let mut s = TcpStream::connect(host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(raw.as_bytes()).unwrap();
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Answer { status, headers: head.to_owned(), body: unchunk(head, body) }
}

/// The body of a chunked answer, joined.
pub fn unchunk(head: &str, body: &str) -> String {
    if !head.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        return body.to_owned();
    }
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let n = usize::from_str_radix(size.trim(), 16).unwrap_or(0);
        if n == 0 {
            break;
        }
        out.push_str(&after[..n.min(after.len())]);
        rest = after.get(n + 2..).unwrap_or("");
    }
    out
}

pub fn id(n: u128) -> String {
    format!("00000000-0000-4000-8000-{n:012x}")
}
