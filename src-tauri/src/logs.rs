//! The log a facilitator can send when something went wrong: what started and opened, what the
//! core refused, rooms and their phone counts, imports and exports, errors and their causes, and
//! a panic's message. Never what a journey says (names, titles, notes, participants): events carry
//! ids, kinds, counts and sizes only, and only our own crates' events are written, since a
//! dependency's could quote anything.
//!
//! The app and the CLI write to the same folder, whatever `--db` says (a test database in /tmp
//! must not scatter logs), and never to standard output, where `rpc` and `room` answer.

use std::panic::PanicHookInfo;
use std::path::{Path, PathBuf};

use tracing::{Dispatch, Level};
use tracing_appender::rolling::{RollingFileAppender, Rotation};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;

/// Another folder for the log (tests point it at a temporary one).
const FOLDER_VAR: &str = "JOURNEYWALL_LOG_DIR";
/// A file a day; this many days are kept.
const DAYS_KEPT: usize = 7;

/// The log's folder: `JOURNEYWALL_LOG_DIR`, else the system's place for an app's logs
/// (`~/Library/Logs/Journeywall` on macOS; `journeywall/logs` in the local data folder elsewhere,
/// next to where the database is by default). None: the user has no home to write it in.
pub fn folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(FOLDER_VAR).filter(|d| !d.is_empty()) {
        return Some(dir.into());
    }
    if cfg!(target_os = "macos") {
        return dirs::home_dir().map(|h| h.join("Library/Logs/Journeywall"));
    }
    dirs::data_local_dir().or_else(|| dirs::home_dir().map(|h| h.join(".local/share"))).map(|d| d.join("journeywall").join("logs"))
}

/// Starts the log; from now on a panic is written there too, before the program ends. A log is a
/// help, never a reason not to start: a folder that cannot be written leaves it off.
pub fn start() {
    let Some(dispatch) = folder().and_then(|dir| to_folder(&dir).ok()) else { return };
    if tracing::dispatcher::set_global_default(dispatch).is_ok() {
        let before = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            log_panic(info);
            before(info);
        }));
    }
}

/// A log writing our own events, info and up, to a file a day in `dir` (made if missing). Lines
/// are written whole and unbuffered, so several processes (the app, `journeywall rpc`) can append
/// to one file and each line is on disk when its event returns.
pub fn to_folder(dir: &Path) -> std::io::Result<Dispatch> {
    // Made before the appender looks for old files to remove: it says so on standard error otherwise.
    std::fs::create_dir_all(dir)?;
    let file = RollingFileAppender::builder()
        .rotation(Rotation::DAILY)
        .filename_prefix("journeywall")
        .filename_suffix("log")
        .max_log_files(DAYS_KEPT)
        .build(dir)
        .map_err(std::io::Error::other)?;
    let subscriber = tracing_subscriber::fmt().with_writer(file).with_ansi(false).with_max_level(Level::INFO).finish();
    Ok(Dispatch::new(subscriber.with(Targets::new().with_target("journeywall", Level::INFO))))
}

/// Writes a panic's message and place to the log. Nothing is buffered, so the line is on disk
/// when this returns, whatever ends the program next (an abort across the window's event loop).
pub fn log_panic(info: &PanicHookInfo) {
    let payload = info.payload();
    let message = payload.downcast_ref::<&str>().copied().or_else(|| payload.downcast_ref::<String>().map(String::as_str));
    let place = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
    let thread = std::thread::current();
    tracing::error!(%place, thread = %thread.name().unwrap_or("unnamed"), "panic: {}", message.unwrap_or("(no message)"));
}

/// The window hit an error of its own (a screen that could not be drawn, a promise nobody
/// caught): its kind and where, so that a blank window leaves a trace. The window sends the
/// error's name, message and first lines of its stack; cut to 600 characters.
#[tauri::command]
#[specta::specta]
pub fn log_window_error(what: String) {
    let what: String = what.chars().take(600).collect();
    tracing::error!(cause = %what, "the window hit an error");
}

/// What kind of error the core gave, for the log: its kind and the field or record concerned,
/// never the message, which may quote what the user typed or a journey's name.
pub fn kind(e: &journeywall_core::Error) -> String {
    use journeywall_core::{Error, Lang};
    match e {
        Error::Invalid { field, .. } => format!("invalid {}", field.name(Lang::En)),
        Error::NotFound { kind, .. } => format!("no such {}", kind.name(Lang::En)),
        Error::NoSuchJourney(_) => "no such journey".into(),
        Error::AmbiguousJourney { count, .. } => format!("ambiguous journey name ({count} journeys)"),
        Error::NoSuchTemplate(_) => "no such template".into(),
        // Our own words about the file (not a Journeywall database, newer version, damaged).
        Error::Database { problem, .. } => format!("database: {}", problem.en),
        Error::Import { .. } => "import file not readable".into(),
        Error::NotAllowed(_) => "not allowed now".into(),
        Error::NothingToUndo => "nothing to undo".into(),
        Error::NothingToRedo => "nothing to redo".into(),
        Error::ChangedElsewhere { undo } => format!("changed elsewhere (on {})", if *undo { "undo" } else { "redo" }),
        // Not who: names are the user's words.
        Error::Overtaken { undo, .. } => format!("overtaken by another person (on {})", if *undo { "undo" } else { "redo" }),
        // The path may be named after a journey.
        Error::Write { .. } => "a file could not be written".into(),
        Error::Sql(e) => format!("database error: {e}"),
    }
}

/// A file's format for the log: its extension if it is one Journeywall reads or writes (a file's
/// name may be a journey's).
pub fn format_of(file_name: &str) -> &'static str {
    let ext = file_name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    ["json", "csv", "tsv", "txt", "xlsx", "pdf", "svg", "png"].into_iter().find(|known| *known == ext).unwrap_or("other")
}

/// An error and its causes, for the log: the core's by their kind, the system's by their words,
/// others (which may quote input) by their place in the chain only.
pub fn causes(e: &anyhow::Error) -> String {
    let cause = |c: &(dyn std::error::Error + 'static)| {
        if let Some(core) = c.downcast_ref::<journeywall_core::Error>() {
            kind(core)
        } else if let Some(io) = c.downcast_ref::<std::io::Error>() {
            io.to_string()
        } else {
            "(not written: it may quote input)".into()
        }
    };
    e.chain().map(cause).collect::<Vec<_>>().join(": ")
}

#[cfg(test)]
mod tests {
    /// A panic is written to the log with its message and place before the program ends.
    #[test]
    fn a_panic_writes_its_message_to_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let log = super::to_folder(dir.path()).unwrap();
        tracing::dispatcher::with_default(&log, || {
            let before = std::panic::take_hook();
            std::panic::set_hook(Box::new(super::log_panic));
            let _ = std::panic::catch_unwind(|| panic!("the projector went dark"));
            std::panic::set_hook(before);
        });
        let file = std::fs::read_dir(dir.path()).unwrap().next().unwrap().unwrap().path();
        let written = std::fs::read_to_string(file).unwrap();
        assert!(written.contains("panic: the projector went dark"), "{written}");
        assert!(written.contains("src/logs.rs:"), "the place: {written}");
    }
}
