//! The co-editors' side of the room's server (`docs/ROOM.md`, "Co-editors"): the app's own UI
//! served from `/e/TOKEN/`, one request of the list a call (`POST /e/TOKEN/rpc`), and the journey's
//! changes as they happen (`GET /e/TOKEN/events`). Behind the room's gates (the `Host`, the token,
//! here the editors' own) every call must carry the editor's cookie and the header
//! `X-Journeywall-Editor`, which a page of another site cannot send (403 without it).

use std::convert::Infallible;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{Path, Request as HttpRequest, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::middleware::{from_fn, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use journeywall_core::said;
use serde_json::json;

use super::{cookie, html_page, json_answer, phone_language, plain, NameBody, Server};
use crate::phones::{random_token, EditorInfo, EditorRefusal, EditorState, MAX_EDITORS};
use crate::room::from_editors;

const COOKIE: &str = "jwe";
/// The header every call must carry: a cross-site form or image cannot send it, and a script of
/// another site may not without our leave (we give none: no CORS headers).
const HEADER: &str = "x-journeywall-editor";
/// The id a page gives a call, so that a call sent again after a lost connection is done once.
const REQUEST_ID: &str = "x-journeywall-request";
/// The largest call an editor may make: a paste of a few hundred cards, a persona's picture.
pub const MAX_BODY: usize = 4 * 1024 * 1024;
/// Event streams an editor may keep open (a page keeps one; a reload briefly two).
const STREAMS_PER_EDITOR: usize = 3;
/// The app's own page, from anywhere but this room's address: nothing remote, no frames.
const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; \
                   connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

pub(super) fn routes(server: &Server) -> Router<Server> {
    let calls = Router::new()
        .route("/e/{token}/rpc", post(rpc))
        .route("/e/{token}/events", get(events))
        .route("/e/{token}/name", post(name))
        .route_layer(axum::middleware::from_fn_with_state(server.clone(), admit))
        .route_layer(from_fn(editor_header))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_BODY));
    Router::new()
        .route("/e/{token}", get(|Path(token): Path<String>| async move { Redirect::permanent(&format!("/e/{token}/")) }))
        .route("/e/{token}/", get(page))
        .route("/e/{token}/assets/{file}", get(asset))
        .merge(calls)
}

/// 403 unless the request carries `X-Journeywall-Editor: 1`.
async fn editor_header(request: HttpRequest, next: Next) -> Response {
    if request.headers().get(HEADER).is_none_or(|v| v != "1") {
        let lang = phone_language(request.headers());
        return refusal(StatusCode::FORBIDDEN, said!("not a call of the editor page", "geen verzoek van de bewerkerspagina").get(lang));
    }
    next.run(request).await
}

/// The editor who calls, found by their cookie.
#[derive(Clone)]
struct Caller(String);

/// Lets through a call with the cookie of an editor of this room (a name request also while they
/// wait to be let in), within their rate.
async fn admit(State(server): State<Server>, mut request: HttpRequest, next: Next) -> Response {
    let lang = phone_language(request.headers());
    let Some(editors) = server.room.editors() else { return plain(StatusCode::NOT_FOUND, "") };
    let token = cookie(request.headers(), COOKIE).unwrap_or_default();
    // Asking how one stands is open to every editor of the room: one waiting, and one refused,
    // whose page then says so.
    let naming = request.uri().path().ends_with("/name");
    let counted = editors.list.lock().map_err(|_| EditorRefusal::Unknown).and_then(|mut l| {
        let known = l.get(&token).is_some();
        match l.request(&token, Instant::now()) {
            Err(EditorRefusal::Waiting | EditorRefusal::Unknown) if naming && known => Ok(()),
            other => other.map(|_| ()),
        }
    });
    match counted {
        Ok(()) => {
            request.extensions_mut().insert(Caller(token));
            next.run(request).await
        }
        Err(EditorRefusal::TooFast) => refusal(
            StatusCode::TOO_MANY_REQUESTS,
            said!("too many requests at once; wait a moment", "te veel verzoeken tegelijk; wacht even").get(lang),
        ),
        Err(EditorRefusal::Waiting) => refusal(
            StatusCode::FORBIDDEN,
            said!("the facilitator has not let you in yet", "de begeleider heeft je nog niet binnengelaten").get(lang),
        ),
        Err(_) => refusal(
            StatusCode::UNAUTHORIZED,
            said!(
                "you are not an editor of this room (any more); open the editor link again",
                "je bent (niet meer) een bewerker van deze sessie; open de link voor bewerkers opnieuw"
            )
            .get(lang),
        ),
    }
}

/// The editor page: the app's UI, with the editor's cookie (the one they have, or a new one while
/// the room has room for editors).
async fn page(State(server): State<Server>, headers: HeaderMap) -> Response {
    let lang = phone_language(&headers);
    let (Some(editors), Some(ui)) = (server.room.editors(), server.state.ui.get()) else {
        return plain(StatusCode::NOT_FOUND, "");
    };
    let arrived =
        editors.list.lock().map_err(|_| EditorRefusal::Full).and_then(|mut l| l.arrive(cookie(&headers, COOKIE).as_deref(), random_token));
    let Ok(token) = arrived else {
        let said = said!(
            "This room has its {MAX_EDITORS} editors. Ask the facilitator.",
            "Deze sessie heeft al {MAX_EDITORS} bewerkers. Vraag het de begeleider."
        );
        return plain(StatusCode::SERVICE_UNAVAILABLE, said.get(lang));
    };
    // A new editor is kept (a reload of a known one changes nothing to keep).
    if cookie(&headers, COOKIE).as_deref() != Some(token.as_str()) {
        super::super::kept::keep(&server.state, &server.room);
    }
    let Some(index) = ui.get("index.html") else { return plain(StatusCode::NOT_FOUND, "") };
    html_page(StatusCode::OK, index.into_owned(), CSP, Some((COOKIE, &token, &format!("/e/{}", editors.token))))
}

/// A file of the UI's build (`assets/…`), by its name: scripts, styles, fonts.
async fn asset(State(server): State<Server>, Path((_, file)): Path<(String, String)>) -> Response {
    let found = server.state.ui.get().and_then(|ui| ui.get(&format!("assets/{file}")).map(|b| b.into_owned()));
    let Some(bytes) = found else { return plain(StatusCode::NOT_FOUND, "") };
    let kind = match file.rsplit('.').next() {
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("ttf") => "font/ttf",
        Some("woff2") => "font/woff2",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    };
    // Built files are named by their content: a browser may keep them.
    ([(header::CONTENT_TYPE, kind), (header::CACHE_CONTROL, "public, max-age=31536000, immutable")], bytes).into_response()
}

/// Gives the editor's name (or, without one, only asks) and answers how they stand: waiting for
/// the facilitator, let in, or refused.
async fn name(State(server): State<Server>, Extension(Caller(token)): Extension<Caller>, body: Bytes) -> Response {
    let Some(editors) = server.room.editors() else { return plain(StatusCode::NOT_FOUND, "") };
    let Ok(NameBody { name }) = serde_json::from_slice(&body) else { return plain(StatusCode::BAD_REQUEST, "") };
    let me = editors.list.lock().ok().and_then(|mut l| {
        if let Some(name) = name.as_deref().filter(|n| !n.trim().is_empty()) {
            // A refused editor's name stays as it was: they are told where they stand.
            let _ = l.name(&token, name);
        }
        l.get(&token).map(EditorInfo::from)
    });
    let Some(me) = me else { return plain(StatusCode::UNAUTHORIZED, "") };
    if name.is_some() {
        super::super::kept::keep(&server.state, &server.room);
        // The facilitator's panel lists who waits to be let in.
        server.state.notify_phones();
    }
    json_answer(StatusCode::OK, &me)
}

/// One request of the list, answered as `journeywall rpc` answers it: `{"ok": …}` or `{"error": …}`.
/// A call sent again with the id of the last one (`X-Journeywall-Request`) gets that one's answer.
async fn rpc(State(server): State<Server>, Extension(Caller(token)): Extension<Caller>, headers: HeaderMap, body: Bytes) -> Response {
    let Some(editors) = server.room.editors() else { return plain(StatusCode::NOT_FOUND, "") };
    let call = headers.get(REQUEST_ID).and_then(|v| v.to_str().ok()).filter(|id| id.len() <= 64).map(String::from);
    if let Some(line) = call.as_deref().and_then(|id| editors.list.lock().ok()?.answered(&token, id)) {
        return json_answer(StatusCode::OK, &line);
    }
    let Some((number, name)) = editors.list.lock().ok().and_then(|l| l.get(&token).map(|e| (e.number, e.name.clone()))) else {
        return plain(StatusCode::UNAUTHORIZED, "");
    };
    let (state, room) = (server.state.clone(), server.room.clone());
    let answered = tokio::task::spawn_blocking(move || {
        let request = from_editors::parse(&state, &body)?;
        request.answer(&state, &room, number, name)
    })
    .await;
    let line = match answered {
        Ok(Ok(value)) => json!({ "ok": value }),
        Ok(Err(e)) => json!({ "error": e }),
        Err(_) => json!({ "error": { "message": "the laptop could not answer" } }),
    };
    if let (Some(id), Ok(mut list)) = (call, editors.list.lock()) {
        list.remember(&token, id, &line);
    }
    json_answer(StatusCode::OK, &line)
}

/// The editor's stream: `change` (what an edit changed, and whose it was), `editors` (who is
/// editing what) and `reload` (the journey changed under the room: load it again). An editor who
/// falls so far behind that events were dropped is told to reload too.
async fn events(State(server): State<Server>, Extension(Caller(token)): Extension<Caller>) -> Response {
    let Some(editors) = server.room.editors() else { return plain(StatusCode::NOT_FOUND, "") };
    if server.editor_streams.fetch_add(1, Ordering::SeqCst) >= STREAMS_PER_EDITOR * MAX_EDITORS {
        server.editor_streams.fetch_sub(1, Ordering::SeqCst);
        return plain(StatusCode::SERVICE_UNAVAILABLE, "");
    }
    /// Counts the stream out however it ends.
    struct Counted(Arc<std::sync::atomic::AtomicUsize>);
    impl Drop for Counted {
        fn drop(&mut self) {
            self.0.fetch_sub(1, Ordering::SeqCst);
        }
    }
    let counted = Counted(server.editor_streams.clone());
    let receiver = editors.events.subscribe();
    let allowed = {
        let room = server.room.clone();
        move || room.editors().and_then(|e| e.list.lock().ok()?.get(&token).map(|e| e.state == EditorState::Allowed)).unwrap_or(false)
    };
    // The first event says who is editing, so a board outlines their selections at once.
    server.room.publish_editors();
    let start = (receiver, server.stop.clone(), counted);
    let stream = futures_util::stream::unfold(start, move |(mut receiver, mut stop, counted)| {
        let allowed = allowed.clone();
        async move {
            let event = tokio::select! {
                event = receiver.recv() => event,
                _ = stop.wait_for(|stopped| *stopped) => return None,
            };
            // Removed by the facilitator: their stream ends with the next event.
            if !allowed() {
                return None;
            }
            let event = match event {
                Ok(e) => Event::default().event(e.name).data(&*e.data),
                Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => Event::default().event("reload").data("null"),
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return None,
            };
            Some((Ok::<_, Infallible>(event), (receiver, stop, counted)))
        }
    });
    ([(header::CACHE_CONTROL, "no-store")], Sse::new(stream).keep_alive(KeepAlive::default())).into_response()
}

fn refusal(status: StatusCode, message: &str) -> Response {
    json_answer(status, &json!({ "error": { "message": message } }))
}
