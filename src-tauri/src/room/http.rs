//! The room's HTTP server (see `docs/ROOM.md`). Every request passes the same gates in order: its
//! `Host` must be one of the room's own addresses (403, against DNS rebinding), its path must
//! carry the room's token (404, compared in constant time, no hint), and, except for the page
//! itself, it must come from a phone of the room (its cookie) that is within its limits (429).
//! What passes becomes a request of the one dispatch, answered off the async threads.

use std::convert::Infallible;
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Request as HttpRequest, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use journeywall_core::inbox::Incoming;
use journeywall_core::model::Id;
use journeywall_core::{said, Lang};
use serde::Deserialize;
use serde_json::json;

use crate::commands::AppState;
use crate::phones::{random_token, Refusal, Shared, MAX_DEVICES, STREAMS_PER_DEVICE};

/// The largest request body a phone may send: a note of 200 characters is well under 2 KB.
pub const MAX_BODY: usize = 16 * 1024;
const COOKIE: &str = "jw";
/// Open event streams across all phones (a phone keeps one; a reload briefly two).
const MAX_STREAMS: usize = 2 * MAX_DEVICES;

const PAGE: &str = include_str!("phone/index.html");
const SCRIPT: &str = include_str!("phone/phone.js");
const STYLE: &str = include_str!("phone/phone.css");
/// Only the page's own script, style and calls; nothing from elsewhere, no inline script, no frames.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; \
                   base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// The shortest time between two events to one phone.
const EVENT_INTERVAL: std::time::Duration = std::time::Duration::from_millis(250);
/// The most notes written in one transaction.
const MAX_BATCH: usize = 256;

#[derive(Clone)]
struct Server {
    state: Arc<AppState>,
    room: Arc<Shared>,
    stop: tokio::sync::watch::Receiver<bool>,
    streams: Arc<AtomicUsize>,
    notes: tokio::sync::mpsc::Sender<(serde_json::Value, Reply)>,
}

type Reply = tokio::sync::oneshot::Sender<Result<serde_json::Value, String>>;

/// Serves the room on `listeners` until the sender returned is told `true`; the receiver reports
/// (by its senders all going away) when every listener is closed.
pub fn serve(
    listeners: Vec<TcpListener>,
    state: Arc<AppState>,
    room: Arc<Shared>,
) -> (tokio::sync::watch::Sender<bool>, std::sync::mpsc::Receiver<()>) {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let (done_tx, done_rx) = std::sync::mpsc::channel::<()>();
    let (notes, waiting) = tokio::sync::mpsc::channel(4 * MAX_BATCH);
    tauri::async_runtime::spawn(write_notes(state.clone(), room.token.clone(), waiting));
    let server = Server { state, room, stop: stop_rx.clone(), streams: Arc::new(AtomicUsize::new(0)), notes };
    let app = axum::Router::new().fallback(answer).with_state(server);
    for listener in listeners {
        let (app, mut stop, done) = (app.clone(), stop_rx.clone(), done_tx.clone());
        tauri::async_runtime::spawn(async move {
            let _done = done;
            let Ok(listener) = tokio::net::TcpListener::from_std(listener) else { return };
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = stop.wait_for(|stopped| *stopped).await;
                })
                .await;
        });
    }
    (stop_tx, done_rx)
}

async fn answer(State(server): State<Server>, request: HttpRequest) -> Response {
    let room = &server.room;
    let headers = request.headers().clone();
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if !room.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        return plain(StatusCode::FORBIDDEN, "");
    }
    let path = request.uri().path().to_owned();
    let Some((token, tail)) = path.strip_prefix("/r/").map(|rest| rest.split_once('/').unwrap_or((rest, ""))) else {
        return not_found();
    };
    if !same(token.as_bytes(), room.token.as_bytes()) {
        return not_found();
    }
    let lang = phone_language(&headers);
    let method = request.method().clone();
    match (&method, tail) {
        (&Method::GET, "") => join(&server, &headers, lang),
        (&Method::GET, "phone.js") => asset(SCRIPT, "text/javascript; charset=utf-8"),
        (&Method::GET, "phone.css") => asset(STYLE, "text/css; charset=utf-8"),
        (_, "journey" | "events" | "notes" | "name" | "dots") => from_phone(&server, request, tail, lang).await.unwrap_or_else(|r| *r),
        _ => not_found(),
    }
}

/// A request only the room's phones may make: admitted (its cookie, its rate), then answered.
async fn from_phone(server: &Server, request: HttpRequest, tail: &str, lang: Lang) -> Result<Response, Box<Response>> {
    let device = admit(server, request.headers(), lang)?;
    let method = request.method().clone();
    Ok(match (&method, tail) {
        (&Method::GET, "journey") => call(server, &device, lang, json!({ "cmd": "phone_view" })).await,
        (&Method::GET, "events") => events(server, device),
        (&Method::POST, "notes") => note(server, device, body(request, lang).await?, lang).await,
        (&Method::POST, "name") => {
            let b = body::<NameBody>(request, lang).await?;
            call(server, &device, lang, json!({ "cmd": "name_phone", "name": b.name })).await
        }
        (&Method::POST, "dots") => {
            let b = body::<DotBody>(request, lang).await?;
            call(server, &device, lang, json!({ "cmd": "give_dot", "card": b.card, "give": b.give })).await
        }
        _ => plain(StatusCode::METHOD_NOT_ALLOWED, ""),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NameBody {
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DotBody {
    card: Id,
    give: bool,
}

/// The phone page, with the phone's cookie: the one it has, or a new one while the room has space.
fn join(server: &Server, headers: &HeaderMap, lang: Lang) -> Response {
    let cookie = cookie(headers);
    let joined = server.room.devices.lock().map_err(|_| Refusal::Full).and_then(|mut d| d.join(cookie.as_deref(), random_token));
    let device = match joined {
        Ok(device) => device,
        Err(_) => {
            let said = said!(
                "This room is full ({MAX_DEVICES} phones). Ask the facilitator.",
                "Deze room is vol ({MAX_DEVICES} telefoons). Vraag het de begeleider."
            );
            return plain(StatusCode::SERVICE_UNAVAILABLE, said.get(lang));
        }
    };
    if cookie.as_deref() != Some(device.as_str()) {
        server.room.changed();
        server.state.notify_phones();
    }
    // The join link has no trailing slash, so the page names its assets by their full path.
    let page = PAGE.replace("{base}", &format!("/r/{}", server.room.token));
    let mut r = asset(page, "text/html; charset=utf-8");
    let set = format!("{COOKIE}={device}; Path=/r/{}; HttpOnly; SameSite=Strict; Max-Age=43200", server.room.token);
    if let Ok(v) = HeaderValue::from_str(&set) {
        r.headers_mut().insert(header::SET_COOKIE, v);
    }
    r.headers_mut().insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// The phone a request comes from, if it is one of the room's and within its rate.
fn admit(server: &Server, headers: &HeaderMap, lang: Lang) -> Result<String, Box<Response>> {
    let device = cookie(headers).unwrap_or_default();
    let counted = server.room.devices.lock().map_err(|_| Refusal::Unknown).and_then(|mut d| d.request(&device, Instant::now()));
    match counted {
        Ok(()) => Ok(device),
        Err(Refusal::TooFast | Refusal::TooManyNotes) => Err(Box::new(refusal(
            StatusCode::TOO_MANY_REQUESTS,
            said!("too many requests at once; wait a moment", "te veel verzoeken tegelijk; wacht even").get(lang),
        ))),
        Err(_) => Err(Box::new(refusal(
            StatusCode::UNAUTHORIZED,
            said!("open the join link again (scan the QR code)", "open de link van de sessie opnieuw (scan de QR-code)").get(lang),
        ))),
    }
}

async fn note(server: &Server, device: String, incoming: Incoming, lang: Lang) -> Response {
    if let Err(e) = incoming.validate() {
        return refusal(StatusCode::BAD_REQUEST, &e.message(lang));
    }
    let counted = server.room.devices.lock().map_err(|_| Refusal::Unknown).and_then(|mut d| d.note(&device, Instant::now()));
    if counted.is_err() {
        return refusal(
            StatusCode::TOO_MANY_REQUESTS,
            said!("that is a lot of notes in one minute; wait a moment", "dat zijn veel notities in één minuut; wacht even").get(lang),
        );
    }
    let (reply, answer) = tokio::sync::oneshot::channel();
    let note = json!({ "device": device, "note": incoming, "lang": lang });
    if server.notes.send((note, reply)).await.is_err() {
        return refusal(StatusCode::SERVICE_UNAVAILABLE, said!("the room is closing", "de sessie stopt").get(lang));
    }
    match answer.await {
        Ok(Ok(v)) if v.get("stored").is_some() => {
            let status = if v["stored"]["new"] == json!(true) { StatusCode::CREATED } else { StatusCode::OK };
            json_answer(status, &v["stored"]["note"])
        }
        Ok(Ok(v)) => refusal(StatusCode::BAD_REQUEST, v["refused"]["message"].as_str().unwrap_or_default()),
        // The note passed its checks, so what failed is the laptop (its disk): it was not stored.
        Ok(Err(message)) => refusal(StatusCode::SERVICE_UNAVAILABLE, &message),
        Err(_) => refusal(StatusCode::SERVICE_UNAVAILABLE, said!("the room is closing", "de sessie stopt").get(lang)),
    }
}

/// Writes notes as they come, each time all that arrived while the last write was going to
/// disk: thirty phones sending at once wait for a few syncs, not thirty. Ends when the server
/// that feeds it is gone.
async fn write_notes(state: Arc<AppState>, room: String, mut waiting: tokio::sync::mpsc::Receiver<(serde_json::Value, Reply)>) {
    while let Some(first) = waiting.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match waiting.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        let (notes, replies): (Vec<_>, Vec<_>) = batch.into_iter().unzip();
        let request = json!({ "cmd": "receive_notes", "room": room, "notes": notes });
        let answers = match run(&state, request).await {
            Ok(serde_json::Value::Array(answers)) => answers.into_iter().map(Ok).collect(),
            Ok(other) => vec![Err(format!("unexpected answer {other}")); replies.len()],
            Err(message) => vec![Err(message); replies.len()],
        };
        for (reply, answer) in replies.into_iter().zip(answers) {
            let _ = reply.send(answer);
        }
    }
}

/// The phone's stream of "something changed" events; it fetches what it shows on each. A phone
/// keeps at most `STREAMS_PER_DEVICE` open, the room `MAX_STREAMS`.
fn events(server: &Server, device: String) -> Response {
    let opened = server.room.devices.lock().ok().and_then(|mut d| {
        let d = d.get_mut(&device)?;
        (d.streams < STREAMS_PER_DEVICE).then(|| d.streams += 1)
    });
    if opened.is_none() {
        return plain(StatusCode::TOO_MANY_REQUESTS, "");
    }
    if server.streams.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
        server.streams.fetch_sub(1, Ordering::SeqCst);
        close_stream(&server.room, &device);
        return plain(StatusCode::SERVICE_UNAVAILABLE, "");
    }
    /// Counts the stream out, of the phone and of the room, however it ends.
    struct Counted(Arc<AtomicUsize>, Arc<Shared>, String);
    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_sub(1, Ordering::SeqCst);
            close_stream(&self.1, &self.2);
        }
    }
    let counted = Counted(server.streams.clone(), server.room.clone(), device);
    let start = (server.room.revision.subscribe(), server.stop.clone(), counted, true);
    let stream = futures_util::stream::unfold(start, |(mut revision, mut stop, counted, first)| async move {
        if !first {
            // At most a few events a second, however busy the room: what changed meanwhile is
            // one event, and thirty phones do not each fetch the journey thirty times.
            tokio::select! {
                _ = tokio::time::sleep(EVENT_INTERVAL) => {}
                _ = stop.wait_for(|stopped| *stopped) => return None,
            }
            tokio::select! {
                changed = revision.changed() => changed.ok()?,
                _ = stop.wait_for(|stopped| *stopped) => return None,
            }
        }
        let n = *revision.borrow_and_update();
        Some((Ok::<_, Infallible>(Event::default().event("change").data(n.to_string())), (revision, stop, counted, false)))
    });
    ([(header::CACHE_CONTROL, "no-store")], Sse::new(stream).keep_alive(KeepAlive::default())).into_response()
}

fn close_stream(room: &Shared, device: &str) {
    if let Some(d) = room.devices.lock().ok().as_mut().and_then(|d| d.get_mut(device)) {
        d.streams = d.streams.saturating_sub(1);
    }
}

/// Runs a request of the one dispatch (named as `requests/list.rs` names it) on a thread that
/// may wait for the disk.
async fn run(state: &Arc<AppState>, request: serde_json::Value) -> Result<serde_json::Value, String> {
    let state = state.clone();
    match tokio::task::spawn_blocking(move || state.answer(request)).await {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(e)) => Err(e.message),
        Err(_) => Err("the laptop could not answer".into()),
    }
}

/// Answers a phone's request (`request` names its command and arguments) as the phone `device`
/// of this room.
async fn call(server: &Server, device: &str, lang: Lang, mut request: serde_json::Value) -> Response {
    request["room"] = json!(server.room.token);
    request["device"] = json!(device);
    request["lang"] = json!(lang);
    match run(&server.state, request).await {
        Ok(v) => json_answer(StatusCode::OK, &v),
        Err(message) => refusal(StatusCode::BAD_REQUEST, &message),
    }
}

/// A JSON body of at most `MAX_BODY` bytes, or the answer that refuses it.
async fn body<T: serde::de::DeserializeOwned>(request: HttpRequest, lang: Lang) -> Result<T, Box<Response>> {
    let too_large =
        || Box::new(refusal(StatusCode::PAYLOAD_TOO_LARGE, said!("that is too long to send", "dat is te lang om te versturen").get(lang)));
    let declared = request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<usize>().ok());
    if declared.is_some_and(|n| n > MAX_BODY) {
        return Err(too_large());
    }
    let bytes: Bytes = axum::body::to_bytes(request.into_body(), MAX_BODY).await.map_err(|_| too_large())?;
    serde_json::from_slice(&bytes)
        .map_err(|e| Box::new(refusal(StatusCode::BAD_REQUEST, said!("not understood: {e}", "niet begrepen: {e}").get(lang))))
}

fn cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
}

/// Dutch when the phone's first language is Dutch; English otherwise.
fn phone_language(headers: &HeaderMap) -> Lang {
    let first = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).and_then(|v| v.split(',').next()).unwrap_or("");
    Lang::from_locale(first)
}

/// Compares a token without stopping at the first difference, so timing tells nothing about it.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn asset(body: impl IntoResponse, kind: &'static str) -> Response {
    safe(([(header::CONTENT_TYPE, kind)], body).into_response())
}

fn json_answer(status: StatusCode, value: &serde_json::Value) -> Response {
    safe((status, [(header::CACHE_CONTROL, "no-store")], axum::Json(value)).into_response())
}

fn refusal(status: StatusCode, message: &str) -> Response {
    json_answer(status, &json!({ "message": message }))
}

fn not_found() -> Response {
    plain(StatusCode::NOT_FOUND, "")
}

fn plain(status: StatusCode, text: &str) -> Response {
    safe((status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text.to_owned()).into_response())
}

/// Headers every answer carries: no guessing of content types, and the token in the page's
/// address never leaves in a Referer.
fn safe(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_compare_whole() {
        assert!(same(b"abc", b"abc"));
        assert!(!same(b"abc", b"abd") && !same(b"abc", b"ab") && !same(b"", b"a"));
    }

    #[test]
    fn the_cookie_is_found_among_others_and_the_language_follows_the_phone() {
        let mut h = HeaderMap::new();
        h.insert(header::COOKIE, HeaderValue::from_static("theme=dark; jw=abc_-1; x=y"));
        h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("nl-NL,nl;q=0.9,en;q=0.8"));
        assert_eq!(cookie(&h).as_deref(), Some("abc_-1"));
        assert_eq!(phone_language(&h), Lang::Nl);
        assert_eq!(phone_language(&HeaderMap::new()), Lang::En);
    }
}
