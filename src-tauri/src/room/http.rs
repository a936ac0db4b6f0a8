//! The room's HTTP server (see `docs/ROOM.md`): a route per path and method, behind gates that
//! every request passes in order. Its `Host` must be one of the room's own addresses (403,
//! against DNS rebinding); its path must carry the room's token (404, compared in constant time,
//! no hint); and, except for the page and its assets, it must come from a phone of the room (its
//! cookie) within its limits (401, 429). Bodies are limited in size and requests in time. What
//! passes is asked of the room as a typed request (`from_phones.rs`), off the async threads.

use std::convert::Infallible;
use std::net::TcpListener;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{FromRequest, FromRequestParts, Request as HttpRequest, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{from_fn_with_state, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use journeywall_core::inbox::Incoming;
use journeywall_core::model::Id;
use journeywall_core::{said, Lang};
use serde::{Deserialize, Serialize};
use serde_json::json;

mod editors;

use super::from_phones::{GiveDot, NamePhone, NoteAnswer, Phone, PhoneNote, ReceiveNotes, ViewForPhone};
use crate::commands::{AppState, Ask};
use crate::phones::{random_token, Refusal, Shared, COOKIE_HOURS, MAX_DEVICES, STREAMS_PER_DEVICE};

/// The largest request body a phone may send: a note of 200 characters is well under 2 KB.
pub const MAX_BODY: usize = 16 * 1024;
/// The longest a request may take to be answered (its body sent, the disk written): a phone
/// that opens a request and sends nothing more holds no answer open for longer.
const REQUEST_TIME: Duration = Duration::from_secs(20);
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
const EVENT_INTERVAL: Duration = Duration::from_millis(250);
/// The most notes written in one transaction.
const MAX_BATCH: usize = 256;

#[derive(Clone)]
struct Server {
    state: Arc<AppState>,
    room: Arc<Shared>,
    stop: tokio::sync::watch::Receiver<bool>,
    streams: Arc<AtomicUsize>,
    /// Open event streams across all co-editors.
    editor_streams: Arc<AtomicUsize>,
    notes: tokio::sync::mpsc::Sender<(PhoneNote, Reply)>,
}

type Reply = tokio::sync::oneshot::Sender<Result<NoteAnswer, String>>;

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
    let server = Server {
        state,
        room,
        stop: stop_rx.clone(),
        streams: Arc::new(AtomicUsize::new(0)),
        editor_streams: Arc::new(AtomicUsize::new(0)),
        notes,
    };
    let app = router(server);
    let connections = Arc::new(tokio::sync::Semaphore::new(max_connections()));
    for listener in listeners {
        let (app, stop, done, connections) = (app.clone(), stop_rx.clone(), done_tx.clone(), connections.clone());
        tauri::async_runtime::spawn(async move {
            let _done = done;
            let Ok(listener) = tokio::net::TcpListener::from_std(listener) else { return };
            listen(listener, app, stop, connections).await;
        });
    }
    (stop_tx, done_rx)
}

/// The longest a connection may take to send a request's head, and may stay open between two
/// requests: idle connections do not pile up until no new phone can connect.
const HEAD_TIME: Duration = Duration::from_secs(5);

/// The most connections open at once: well below the process's open-file limit (raised at
/// start, `fds::raise_limit`), so a flood of idle connections cannot take the database's and
/// the window's files, and enough that 1,000 idle ones leave room for the phones.
fn max_connections() -> usize {
    crate::fds::limit().saturating_sub(256).clamp(64, 4096)
}

/// Accepts connections until `stop` and serves each, within `connections`; then lets the
/// requests under way finish (event streams end with `stop` themselves).
async fn listen(
    listener: tokio::net::TcpListener,
    app: Router,
    mut stop: tokio::sync::watch::Receiver<bool>,
    connections: Arc<tokio::sync::Semaphore>,
) {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = stop.wait_for(|stopped| *stopped) => break,
        };
        let Ok((stream, _)) = accepted else {
            // Out of files for a moment: wait rather than spin.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        // Over the limit a connection is closed at once: a phone retries, a flood gets nothing.
        let Ok(permit) = connections.clone().try_acquire_owned() else { continue };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        let connection = hyper::server::conn::http1::Builder::new()
            .timer(hyper_util::rt::TokioTimer::new())
            .header_read_timeout(HEAD_TIME)
            .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
            drop(permit);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(Duration::from_secs(3)) => {}
    }
}

/// The routes, and the gates in front of them (the last layer added is the first gate passed).
fn router(server: Server) -> Router {
    let from_phones = Router::new()
        .route("/r/{token}/journey", get(journey))
        .route("/r/{token}/events", get(events))
        .route("/r/{token}/notes", post(note))
        .route("/r/{token}/name", post(name))
        .route("/r/{token}/dots", post(dot))
        .route_layer(from_fn_with_state(server.clone(), admit))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_BODY));
    Router::new()
        .route("/r/{token}", get(join))
        .route("/r/{token}/phone.js", get(|| async { asset(SCRIPT, "text/javascript; charset=utf-8") }))
        .route("/r/{token}/phone.css", get(|| async { asset(STYLE, "text/css; charset=utf-8") }))
        .merge(from_phones)
        .merge(editors::routes(&server))
        .fallback(|| async { not_found() })
        // Gzip to a browser that takes it (the editor page's script and fonts are about 3 MB);
        // never an event stream, which must arrive as it is written.
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(from_fn_with_state(server.clone(), token_gate))
        .layer(from_fn_with_state(server.clone(), host_gate))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, REQUEST_TIME))
        .layer(axum::middleware::map_response(safe))
        .with_state(server)
}

// --- the gates ----------------------------------------------------------------------------------

/// 403 unless the request names one of the room's own addresses as its `Host`; 400 when it names
/// two, or its target names a host of its own (`GET http://elsewhere/…`): which one would count
/// is a guess a proxy and we could make differently.
async fn host_gate(State(server): State<Server>, request: HttpRequest, next: Next) -> Response {
    let mut hosts = request.headers().get_all(header::HOST).iter();
    let (host, second) = (hosts.next(), hosts.next());
    if second.is_some() || request.uri().authority().is_some() {
        return plain(StatusCode::BAD_REQUEST, "");
    }
    let host = host.and_then(|h| h.to_str().ok()).unwrap_or("");
    if !server.room.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        return plain(StatusCode::FORBIDDEN, "");
    }
    next.run(request).await
}

/// 404, the same as for a path that does not exist, unless the path is the room's: `/r/<token>`
/// and what is below it, or, in a room that takes co-editors, `/e/<editors' token>` and below.
async fn token_gate(State(server): State<Server>, request: HttpRequest, next: Next) -> Response {
    let path = request.uri().path();
    let below = |prefix: &str| path.strip_prefix(prefix).map(|rest| rest.split_once('/').map_or(rest, |(token, _)| token));
    // Typed from the screen, the phones' code may come in capitals.
    let phones = below("/r/").is_some_and(|t| same(t.to_ascii_lowercase().as_bytes(), server.room.token.as_bytes()));
    let editors = match (below("/e/"), server.room.editors()) {
        (Some(t), Some(editors)) => same(t.as_bytes(), editors.token.as_bytes()),
        _ => false,
    };
    if !phones && !editors {
        return not_found();
    }
    next.run(request).await
}

/// Lets through a request of one of the room's phones (its cookie) within its rate, telling the
/// route which phone it is (`Phone`, as the room's requests name it).
async fn admit(State(server): State<Server>, PhoneLang(lang): PhoneLang, mut request: HttpRequest, next: Next) -> Response {
    let device = cookie(request.headers(), COOKIE).unwrap_or_default();
    let counted = server.room.devices.lock().map_err(|_| Refusal::Unknown).and_then(|mut d| d.request(&device, Instant::now()));
    match counted {
        Ok(()) => {
            request.extensions_mut().insert(Phone { room: server.room.token.clone(), device, lang });
            next.run(request).await
        }
        Err(Refusal::TooFast | Refusal::TooManyNotes) => refusal(
            StatusCode::TOO_MANY_REQUESTS,
            said!("too many requests at once; wait a moment", "te veel verzoeken tegelijk; wacht even").get(lang),
        ),
        Err(_) => refusal(
            StatusCode::UNAUTHORIZED,
            said!("open the join link again (scan the QR code)", "open de link van de sessie opnieuw (scan de QR-code)").get(lang),
        ),
    }
}

// --- what a request carries ---------------------------------------------------------------------

/// The language a phone is answered in: Dutch when its first language is Dutch, else English.
struct PhoneLang(Lang);

impl<S: Sync> FromRequestParts<S> for PhoneLang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(PhoneLang(phone_language(&parts.headers)))
    }
}

/// A JSON body, or its refusal said in the phone's language.
struct Body<T>(T);

impl<S: Sync, T: serde::de::DeserializeOwned> FromRequest<S> for Body<T> {
    type Rejection = Response;

    async fn from_request(request: HttpRequest, _: &S) -> Result<Self, Response> {
        let lang = phone_language(request.headers());
        // The limit layer has bounded the body already; a body over it fails to be read.
        let bytes = axum::body::to_bytes(request.into_body(), MAX_BODY).await.map_err(|_| {
            refusal(StatusCode::PAYLOAD_TOO_LARGE, said!("that is too long to send", "dat is te lang om te versturen").get(lang))
        })?;
        serde_json::from_slice(&bytes)
            .map(Body)
            .map_err(|e| refusal(StatusCode::BAD_REQUEST, said!("not understood: {e}", "niet begrepen: {e}").get(lang)))
    }
}

/// A phone's or an editor's name, or none (a phone joining anonymously, an editor asking how they stand).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NameBody {
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DotBody {
    card: Id,
    give: bool,
}

// --- the routes ---------------------------------------------------------------------------------

/// The phone page, with the phone's cookie: the one it has, or a new one while the room has space.
async fn join(State(server): State<Server>, PhoneLang(lang): PhoneLang, headers: HeaderMap) -> Response {
    let cookie = cookie(&headers, COOKIE);
    let joined =
        server.room.devices.lock().map_err(|_| Refusal::Full).and_then(|mut d| d.join(cookie.as_deref(), Instant::now(), random_token));
    let device = match joined {
        Ok(device) => device,
        Err(Refusal::Crowded) => {
            let said = said!(
                "Many phones are joining at once. This page tries again in a moment…",
                "Er komen veel telefoons tegelijk binnen. Deze pagina probeert het zo opnieuw…"
            );
            return notice_page(&server, StatusCode::SERVICE_UNAVAILABLE, said.get(lang), lang, 3);
        }
        // Locked or full, the page asks again every so often, so a phone comes in once the
        // facilitator opens the room again (walk: it stayed refused until reloaded by hand).
        Err(Refusal::Locked) => {
            let said = said!(
                "This room is closed to new phones. Ask the facilitator: this page comes in by itself once it is open.",
                "Deze sessie laat geen nieuwe telefoons meer toe. Vraag het de begeleider: deze pagina komt vanzelf binnen zodra het weer kan."
            );
            return notice_page(&server, StatusCode::FORBIDDEN, said.get(lang), lang, 10);
        }
        Err(_) => {
            let said = said!(
                "This room is full ({MAX_DEVICES} phones). Ask the facilitator: this page comes in by itself once there is room.",
                "Deze sessie is vol ({MAX_DEVICES} telefoons). Vraag het de begeleider: deze pagina komt vanzelf binnen zodra er plek is."
            );
            return notice_page(&server, StatusCode::SERVICE_UNAVAILABLE, said.get(lang), lang, 15);
        }
    };
    if cookie.as_deref() != Some(device.as_str()) {
        server.room.changed();
        server.state.notify_phones();
    }
    // The join link has no trailing slash, so the page names its assets by their full path.
    // The page speaks the phone's language from its first paint; its script may choose another.
    let base = format!("/r/{}", server.room.token);
    let page = PAGE.replace("{base}", &base).replace("{lang}", lang.code());
    html_page(StatusCode::OK, page, CSP, Some((COOKIE, &device, &base)))
}

/// A page of one sentence, in the phone page's own style, instead of the page: the room is locked or
/// full, or many phones are coming in at once. It asks again by itself after `again` seconds (no
/// script: a refresh the browser does).
fn notice_page(server: &Server, status: StatusCode, words: &str, lang: Lang, again: u32) -> Response {
    let refresh = format!("<meta http-equiv=\"refresh\" content=\"{again}\">");
    let page = format!(
        "<!doctype html><html lang=\"{}\"><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         {refresh}<link rel=\"stylesheet\" href=\"/r/{}/phone.css\"><title>Journeywall</title><main><p class=\"notice\">{}</p></main></html>",
        lang.code(),
        server.room.token,
        words
    );
    let mut r = html_page(status, page, CSP, None);
    r.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(again));
    r
}

async fn journey(State(server): State<Server>, Extension(phone): Extension<Phone>) -> Response {
    answer(ask(&server.state, ViewForPhone { phone }).await)
}

async fn name(State(server): State<Server>, Extension(phone): Extension<Phone>, Body(body): Body<NameBody>) -> Response {
    answer(ask(&server.state, NamePhone { phone, name: body.name }).await)
}

async fn dot(State(server): State<Server>, Extension(phone): Extension<Phone>, Body(body): Body<DotBody>) -> Response {
    answer(ask(&server.state, GiveDot { phone, card: body.card, give: body.give }).await)
}

/// A note, written with the others that arrive meanwhile (`write_notes`): 201 when it is new, 200
/// when it had arrived before (a phone sends a note again until it hears back).
async fn note(
    State(server): State<Server>,
    Extension(Phone { device, lang, .. }): Extension<Phone>,
    Body(note): Body<Incoming>,
) -> Response {
    if let Err(e) = note.validate() {
        return refusal(StatusCode::BAD_REQUEST, &e.message(lang));
    }
    let counted = server.room.devices.lock().map_err(|_| Refusal::Unknown).and_then(|mut d| d.note(&device, Instant::now()));
    if counted.is_err() {
        return refusal(
            StatusCode::TOO_MANY_REQUESTS,
            said!("that is a lot of notes in one minute; wait a moment", "dat zijn veel notities in één minuut; wacht even").get(lang),
        );
    }
    let closing = || refusal(StatusCode::SERVICE_UNAVAILABLE, said!("the room is closing", "de sessie stopt").get(lang));
    let (reply, answer) = tokio::sync::oneshot::channel();
    if server.notes.send((PhoneNote { device, note, lang }, reply)).await.is_err() {
        return closing();
    }
    match answer.await {
        Ok(Ok(NoteAnswer::Stored { note, new })) => json_answer(if new { StatusCode::CREATED } else { StatusCode::OK }, &note),
        Ok(Ok(NoteAnswer::Refused { message })) => refusal(StatusCode::BAD_REQUEST, &message),
        // The note passed its checks, so what failed is the laptop (its disk): it was not stored.
        Ok(Err(message)) => refusal(StatusCode::SERVICE_UNAVAILABLE, &message),
        Err(_) => closing(),
    }
}

/// Writes notes as they come, each time all that arrived while the last write was going to
/// disk: thirty phones sending at once wait for a few syncs, not thirty. Ends when the server
/// that feeds it is gone.
async fn write_notes(state: Arc<AppState>, room: String, mut waiting: tokio::sync::mpsc::Receiver<(PhoneNote, Reply)>) {
    while let Some(first) = waiting.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match waiting.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        let (notes, replies): (Vec<_>, Vec<_>) = batch.into_iter().unzip();
        let answers = match ask(&state, ReceiveNotes { room: room.clone(), notes }).await {
            Ok(answers) => answers.into_iter().map(Ok).collect(),
            Err(message) => vec![Err(message); replies.len()],
        };
        for (reply, answer) in replies.into_iter().zip(answers) {
            let _ = reply.send(answer);
        }
    }
}

/// The phone's stream of "something changed" events; it fetches what it shows on each. Only a
/// phone that joined has one (a page opened and no further holds nothing a joining phone
/// needs); a phone keeps at most `STREAMS_PER_DEVICE` open, the room `MAX_STREAMS`; a phone's
/// streams end when it is removed or pushed out.
async fn events(State(server): State<Server>, Extension(Phone { device, .. }): Extension<Phone>) -> Response {
    let opened = server.room.devices.lock().ok().and_then(|mut d| {
        let d = d.get_mut(&device)?;
        if !d.joined {
            return Some(Err(StatusCode::FORBIDDEN));
        }
        Some(if d.streams < STREAMS_PER_DEVICE {
            d.streams += 1;
            Ok(d.ended.subscribe())
        } else {
            Err(StatusCode::TOO_MANY_REQUESTS)
        })
    });
    let ended = match opened {
        Some(Ok(ended)) => ended,
        Some(Err(status)) => return plain(status, ""),
        None => return plain(StatusCode::UNAUTHORIZED, ""),
    };
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
    let start = (server.room.revision.subscribe(), server.stop.clone(), ended, counted, true);
    let stream = futures_util::stream::unfold(start, |(mut revision, mut stop, mut ended, counted, first)| async move {
        if !first {
            // At most a few events a second, however busy the room: what changed meanwhile is
            // one event, and thirty phones do not each fetch the journey thirty times.
            tokio::select! {
                _ = tokio::time::sleep(EVENT_INTERVAL) => {}
                _ = stop.wait_for(|stopped| *stopped) => return None,
                _ = ended.wait_for(|ended| *ended) => return None,
            }
            tokio::select! {
                changed = revision.changed() => changed.ok()?,
                _ = stop.wait_for(|stopped| *stopped) => return None,
                _ = ended.wait_for(|ended| *ended) => return None,
            }
        }
        let n = *revision.borrow_and_update();
        Some((Ok::<_, Infallible>(Event::default().event("change").data(n.to_string())), (revision, stop, ended, counted, false)))
    });
    ([(header::CACHE_CONTROL, "no-store")], Sse::new(stream).keep_alive(KeepAlive::default())).into_response()
}

fn close_stream(room: &Shared, device: &str) {
    if let Some(d) = room.devices.lock().ok().as_mut().and_then(|d| d.get_mut(device)) {
        d.streams = d.streams.saturating_sub(1);
    }
}

/// Asks `request` of the room on a thread that may wait for the disk.
async fn ask<Q>(state: &Arc<AppState>, request: Q) -> Result<Q::Answer, String>
where
    Q: Ask + Send + 'static,
    Q::Answer: Send + 'static,
{
    let state = state.clone();
    match tokio::task::spawn_blocking(move || request.answer(&state)).await {
        Ok(Ok(answer)) => Ok(answer),
        Ok(Err(e)) => Err(e.message),
        Err(_) => Err("the laptop could not answer".into()),
    }
}

/// An answer as the phone reads it: the value, or its refusal's message.
fn answer(answered: Result<impl Serialize, String>) -> Response {
    match answered {
        Ok(v) => json_answer(StatusCode::OK, &v),
        Err(message) => refusal(StatusCode::BAD_REQUEST, &message),
    }
}

// --- answers ------------------------------------------------------------------------------------

fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, value)| value.to_owned())
}

/// The phone's most preferred language that we speak, from its `Accept-Language` list (by
/// `q`, then order: "de-DE, nl;q=0.8, en;q=0.5" is Dutch); English when it names neither.
fn phone_language(headers: &HeaderMap) -> Lang {
    let list = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let mut spoken: Vec<(f32, Lang)> = list
        .split(',')
        .filter_map(|entry| {
            let mut parts = entry.split(';');
            let tag = parts.next()?.trim().to_ascii_lowercase();
            let q = parts.find_map(|p| p.trim().strip_prefix("q=")?.parse::<f32>().ok()).unwrap_or(1.0);
            let lang = ["nl", "en"].into_iter().find(|code| tag == *code || tag.starts_with(&format!("{code}-")))?;
            Some((q, Lang::from_locale(lang)))
        })
        .filter(|(q, _)| *q > 0.0)
        .collect();
    // A stable sort keeps the order of equal weights.
    spoken.sort_by(|a, b| b.0.total_cmp(&a.0));
    spoken.first().map_or(Lang::En, |(_, lang)| *lang)
}

/// Compares a token without stopping at the first difference, so timing tells nothing about it.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn asset(body: impl IntoResponse, kind: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind)], body).into_response()
}

fn json_answer(status: StatusCode, value: &impl Serialize) -> Response {
    (status, [(header::CACHE_CONTROL, "no-store")], axum::Json(value)).into_response()
}

fn refusal(status: StatusCode, message: &str) -> Response {
    json_answer(status, &json!({ "message": message }))
}

/// A page of the room (the phones' or the co-editors'), never stored and held to `csp`, with the
/// cookie `(name, value, path)` that keeps a phone or an editor known for `COOKIE_HOURS`, if any.
fn html_page(status: StatusCode, html: impl IntoResponse, csp: &'static str, cookie: Option<(&str, &str, &str)>) -> Response {
    let mut r = (status, [(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response();
    let h = r.headers_mut();
    if let Some((name, value, path)) = cookie {
        let set = format!("{name}={value}; Path={path}; HttpOnly; SameSite=Strict; Max-Age={}", COOKIE_HOURS * 3600);
        if let Ok(v) = HeaderValue::from_str(&set) {
            h.insert(header::SET_COOKIE, v);
        }
    }
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

fn not_found() -> Response {
    plain(StatusCode::NOT_FOUND, "")
}

fn plain(status: StatusCode, text: &str) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain; charset=utf-8")], text.to_owned()).into_response()
}

/// Headers every answer carries, the gates' and the body limit's refusals and the event streams
/// too: no guessing of content types, and the token in the page's address never leaves in a Referer.
async fn safe(mut r: Response) -> Response {
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
        assert_eq!(cookie(&h, COOKIE).as_deref(), Some("abc_-1"));
        assert_eq!(phone_language(&h), Lang::Nl);
        assert_eq!(phone_language(&HeaderMap::new()), Lang::En);
        for (list, lang) in [
            ("de-DE,de;q=0.9,nl;q=0.8,en;q=0.5", Lang::Nl),
            ("fr, en-GB;q=0.7, nl;q=0.6", Lang::En),
            ("en;q=0.3, nl-BE;q=0.9", Lang::Nl),
            ("nl;q=0, en", Lang::En),
            ("nlx, de", Lang::En),
        ] {
            h.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static(list));
            assert_eq!(phone_language(&h), lang, "{list}");
        }
    }
}
