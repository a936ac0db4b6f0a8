//! The SQLite store: opening a database file (admitted by `admission`, upgraded by `migrations`),
//! pragmas, and the public operations, each one transaction. An edit and its history entry commit together, with
//! `synchronous = FULL`, so when a call returns the change is on disk.

mod admission;
mod migrations;
mod sqlite_errors;

pub use migrations::{APPLICATION_ID, SCHEMA_VERSION};
use sqlite_errors::{describe_sql_error, is_io_error};

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};

use crate::apply::{Applier, Changes};
use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::history::{self, Author, UndoState};
use crate::inbox::{Incoming, Received, MAX_NOTES, MAX_WAITING_PER_PHONE};
use crate::model::{self, check_title, Id, JourneyDoc, JourneySummary};
use crate::records;
use crate::round::{Round, RoundInfo};
use crate::said;
use crate::said::Field;
use crate::said::Said;
use crate::schema::Table;

/// The result of an edit, an undo or a redo: the records after, and what undo/redo offer next.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Applied {
    pub changes: Changes,
    pub history: UndoState,
}

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// `PRAGMA data_version` when `changed_elsewhere` last looked.
    seen_version: i64,
}

impl Store {
    /// Opens the database at `path`, creating it when there is none. A file that is not a
    /// Journeywall database, is damaged, or comes from a newer version is refused and left
    /// untouched; an older one is copied aside (`….backup-vN.db`) before it is migrated.
    pub fn open(path: &Path) -> Result<Store> {
        let refuse = |problem: Said| Error::Database { path: path.to_path_buf(), problem };
        let existing = admission::admit(path).map_err(refuse)?;
        if !existing {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| refuse(said!("its folder cannot be created: {e}", "de map ervoor kan niet worden gemaakt: {e}")))?;
            }
        }
        let mut conn = Connection::open(path).map_err(|e| refuse(describe_sql_error(&e)))?;
        set_pragmas(&conn).map_err(|e| refuse(describe_sql_error(&e)))?;
        if existing {
            migrations::copy_aside_if_older(&conn, path)?;
        }
        migrations::migrate(&mut conn).map_err(|e| refuse(said!("could not be prepared: {e}", "kon niet worden voorbereid: {e}")))?;
        let seen_version = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok(Store { conn, path: Some(path.to_path_buf()), seen_version })
    }

    /// Closes the connection, then opens the file again. SQLite's locks are POSIX locks, which a
    /// process loses on all of a file when it closes any descriptor of it, and a native file
    /// dialog showing the database's folder reads every file there (the `-wal` and `-shm` too).
    /// Without its locks the app looks absent to another program (`journeywall show`, `edit`,
    /// `room`): closing, that one took itself for the last connection and deleted the write-ahead
    /// log the app was writing to, and every edit after it was lost at the next crash. A new
    /// connection takes the locks again; the old one must close first, for SQLite shares one set
    /// of locks between the connections of a process and would not ask for them again.
    pub fn reconnect(self) -> Result<Store> {
        let Some(path) = self.path.clone() else { return Ok(self) };
        drop(self);
        Store::open(&path)
    }

    /// A database in memory, for tests and benchmarks.
    pub fn in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        set_pragmas(&conn)?;
        migrations::migrate(&mut conn).map_err(|e| Error::invalid(Field::Database, said!("{e}", "kon niet worden voorbereid: {e}")))?;
        let seen_version = conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok(Store { conn, path: None, seen_version })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` in one immediate transaction and commits; any error rolls everything back.
    fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let sql_error = |e: rusqlite::Error| match &path {
            Some(path) => Error::Write { path: path.clone(), problem: describe_sql_error(&e) },
            None => Error::Sql(e),
        };
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(sql_error)?;
        let out = f(&tx).map_err(|e| match e {
            // A write refused by the disk says which file and what to do, not just an SQLite code.
            Error::Sql(e) if is_io_error(&e) => sql_error(e),
            other => other,
        })?;
        tx.commit().map_err(sql_error)?;
        Ok(out)
    }

    /// Runs `f` in one read transaction, so the parts it reads agree with each other.
    fn read<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        let out = f(&tx)?;
        tx.finish()?;
        Ok(out)
    }

    // --- journeys -------------------------------------------------------------------------------

    pub fn list(&self) -> Result<Vec<JourneySummary>> {
        records::summaries(&self.conn)
    }

    /// Finds a journey by id or by its exact name.
    pub fn resolve(&self, id_or_name: &str) -> Result<Id> {
        if let Ok(id) = id_or_name.parse::<Id>() {
            match records::journey(&self.conn, id) {
                Err(Error::NoSuchJourney(_)) => {}
                found => return found.map(|j| j.id),
            }
        }
        let ids = records::journey_ids_named(&self.conn, id_or_name)?;
        match ids.len() {
            0 => Err(Error::NoSuchJourney(id_or_name.into())),
            1 => Ok(ids[0]),
            count => Err(Error::AmbiguousJourney { name: id_or_name.into(), count }),
        }
    }

    /// The whole journey, as the editor shows it and the interchange file holds it.
    pub fn load(&self, journey: Id) -> Result<JourneyDoc> {
        self.read(|c| load_in(c, journey, None))
    }

    /// The notes phone `device` sent to the journey, in the order they arrived.
    pub fn notes_from(&self, journey: Id, device: &str) -> Result<Vec<crate::inbox::Note>> {
        records::notes_from(&self.conn, journey, device)
    }

    /// The journey as one phone of a room sees it: without its personas (their pictures are up
    /// to a megabyte each, and a room of 200 phones asks often) and with only the notes that
    /// phone sent, not the whole inbox.
    pub fn load_for_phone(&self, journey: Id, device: &str) -> Result<JourneyDoc> {
        self.read(|c| load_in(c, journey, Some(device)))
    }

    /// The journey and what undo and redo offer `author`, read at one moment: with a second writer on the
    /// file, a board must never be given a step mark newer than the journey it shows.
    pub fn load_for_board(&self, journey: Id, author: Author) -> Result<(JourneyDoc, UndoState)> {
        self.read(|c| Ok((load_in(c, journey, None)?, history::state(c, journey, author)?)))
    }

    /// Stores a complete, validated journey as a new one (templates and imports come this way).
    /// Ids must not be in use yet.
    pub fn insert_doc(&mut self, doc: &JourneyDoc) -> Result<()> {
        doc.validate()?;
        self.write(|c| insert_doc_in(c, doc))
    }

    /// Stores a journey and, in the same transaction, sets the meta value `key` to `value` (or
    /// clears it with None): the sample journey and its "added" mark, the journey brought back
    /// and the copy it was kept as, never one without the other.
    pub fn insert_doc_with_meta(&mut self, doc: &JourneyDoc, key: &str, value: Option<&str>) -> Result<()> {
        doc.validate()?;
        self.write(|c| {
            insert_doc_in(c, doc)?;
            match value {
                Some(v) => records::set_meta(c, key, v),
                None => records::clear_meta(c, key),
            }
        })
    }

    /// Deletes a journey and keeps `kept` under the meta key `key`, in one transaction: a
    /// failure never loses the journey kept there before.
    pub fn delete_journey_keeping(&mut self, journey: Id, key: &str, kept: &str) -> Result<()> {
        self.write(|c| {
            records::set_meta(c, key, kept)?;
            if !records::delete(c, Table::Journeys, journey)? {
                return Err(Error::NoSuchJourney(journey.to_string()));
            }
            Ok(())
        })
    }

    /// The journey with its rounds: everything the interchange file holds.
    pub fn load_with_rounds(&self, journey: Id) -> Result<JourneyDoc> {
        let mut doc = self.load(journey)?;
        doc.rounds = records::rounds(&self.conn, journey)?;
        Ok(doc)
    }

    // --- rounds ---------------------------------------------------------------------------------

    /// Saves the journey as it is now under `name`. A round is not an edit: it changes nothing
    /// in the journey and is not in its undo history.
    pub fn save_round(&mut self, journey: Id, name: &str) -> Result<RoundInfo> {
        check_title(Field::RoundName, name)?;
        // A round is the board as it is; the room's inbox is not part of it.
        let doc = JourneyDoc { inbox: vec![], ..self.load(journey)? };
        let round = Round { id: model::new_id(), name: name.trim().to_owned(), created_at: model::now_millis(), doc };
        self.write(|c| records::insert_round(c, journey, &round))?;
        Ok(round.info())
    }

    pub fn rounds(&self, journey: Id) -> Result<Vec<RoundInfo>> {
        Ok(records::rounds(&self.conn, journey)?.iter().map(Round::info).collect())
    }

    pub fn round(&self, journey: Id, round: Id) -> Result<Round> {
        records::round(&self.conn, journey, round)
    }

    pub fn rename_round(&mut self, journey: Id, round: Id, name: &str) -> Result<()> {
        check_title(Field::RoundName, name)?;
        self.write(|c| {
            records::round(c, journey, round)?;
            records::rename_round(c, round, name.trim())
        })
    }

    pub fn delete_round(&mut self, journey: Id, round: Id) -> Result<()> {
        self.write(|c| {
            records::round(c, journey, round)?;
            records::delete(c, Table::Rounds, round).map(drop)
        })
    }

    /// Makes a round into a journey of its own, named `name`, with new ids; the journey it was
    /// taken from stays as it is.
    pub fn restore_round(&mut self, journey: Id, round: Id, name: &str) -> Result<Id> {
        check_title(Field::JourneyName, name)?;
        let mut doc = self.round(journey, round)?.doc;
        crate::interchange::renew_ids(&mut doc);
        let now = model::now_millis();
        doc.journey.name = name.trim().to_owned();
        (doc.journey.created_at, doc.journey.updated_at) = (now, now);
        self.insert_doc(&doc)?;
        Ok(doc.journey.id)
    }

    pub fn delete_journey(&mut self, journey: Id) -> Result<()> {
        if !self.write(|c| records::delete(c, Table::Journeys, journey))? {
            return Err(Error::NoSuchJourney(journey.to_string()));
        }
        Ok(())
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self.conn.prepare_cached("SELECT value FROM meta WHERE key = ?1")?.query_row([key], |r| r.get(0)).optional()?)
    }

    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|c| records::set_meta(c, key, value))
    }

    // --- the room's inbox -----------------------------------------------------------------------

    /// Stores notes phones sent, in one transaction: on disk before this returns, so many phones
    /// sending at once share one sync to disk. Each note gets its own answer: a note whose id is
    /// there already (the phone sent it again) is answered with the stored one and adds nothing;
    /// an aim at a phase or row that no longer exists is dropped rather than the note refused, so
    /// a participant's words are never lost to a stale screen. Not an edit: the facilitator's
    /// undo leaves notes alone. The outer error is the disk's, and then nothing was stored.
    pub fn receive_notes(&mut self, journey: Id, notes: Vec<(Incoming, String)>) -> Result<(Vec<Result<Received>>, Changes)> {
        self.write(|c| {
            records::journey(c, journey)?;
            let now = model::now_millis();
            let mut answers = Vec::with_capacity(notes.len());
            let mut added = false;
            for (note, device) in notes {
                let answer = receive_one(c, journey, note, &device, now);
                if let Ok(Ok(r)) = &answer {
                    added |= r.new;
                }
                answers.push(answer?);
            }
            let inbox = if added { Some(records::notes(c, journey)?) } else { None };
            Ok((answers, Changes { inbox, ..Changes::default() }))
        })
    }

    /// Applies an edit that a participant made from their phone (a dot): on disk like any edit,
    /// but not in the facilitator's undo history, so their Ctrl+Z never takes a participant's
    /// dot away.
    pub fn apply_for_participant(&mut self, journey: Id, edit: Edit) -> Result<Applied> {
        self.write(|c| {
            let now = model::now_millis();
            let mut applier = start(c, journey, now)?;
            let inverse = applier.apply(edit)?;
            finish(c, journey, Author::FACILITATOR, applier, !inverse.is_nothing())
        })
    }

    // --- edits and history ----------------------------------------------------------------------

    /// Applies an edit of the facilitator's and records its inverse, in one transaction.
    pub fn apply(&mut self, journey: Id, edit: Edit) -> Result<Applied> {
        self.apply_as(journey, Author::FACILITATOR, edit)
    }

    /// Applies an edit of `author`'s and records its inverse in their history, in one transaction.
    pub fn apply_as(&mut self, journey: Id, author: Author, edit: Edit) -> Result<Applied> {
        edit.check_depth()?;
        let label = edit.label();
        self.write(|c| {
            let now = model::now_millis();
            let mut applier = start(c, journey, now)?;
            let inverse = applier.apply(edit)?;
            // An edit that changed nothing (cards dropped where they were) leaves no undo step
            // and does not count as the journey being edited.
            let changed = !inverse.is_nothing();
            if changed {
                history::record(c, journey, author, &label, &inverse, now)?;
            }
            finish(c, journey, author, applier, changed)
        })
    }

    /// Undoes the facilitator's latest step. `shown` is the mark of the step the caller offered to
    /// undo (see `UndoState::undo_step`): when another writer on the file has changed the history
    /// since, nothing is undone and the caller is told, so a board never undoes an edit it did
    /// not show.
    pub fn undo(&mut self, journey: Id, shown: Option<&str>) -> Result<Applied> {
        self.step_as(journey, Author::FACILITATOR, true, shown)
    }

    pub fn redo(&mut self, journey: Id, shown: Option<&str>) -> Result<Applied> {
        self.step_as(journey, Author::FACILITATOR, false, shown)
    }

    /// Undoes (`undo`) or redoes `author`'s next step, in one transaction. A step that cannot be
    /// read is taken out of the history with the steps that depend on it, and one that someone
    /// else has changed since is taken out alone (both committed, the user told); the journey
    /// itself is not touched, and the next undo or redo works again.
    pub fn step_as(&mut self, journey: Id, author: Author, undo: bool, shown: Option<&str>) -> Result<Applied> {
        // A refusal that changed the history (a step dropped) is committed first, then said.
        self.write(|c| {
            let next = history::next(c, journey, author, undo)?;
            if let Some(shown) = shown {
                if next.as_ref().map(|(mark, _)| mark.as_str()) != Some(shown) {
                    return Err(Error::ChangedElsewhere { undo });
                }
            }
            let step = match next {
                None => return Err(if undo { Error::NothingToUndo } else { Error::NothingToRedo }),
                Some((_, history::Next::Unreadable(seq))) => {
                    return Ok(Err(unreadable_step(history::drop_from(c, journey, author, seq, undo)?, undo)))
                }
                Some((_, history::Next::Step(step))) => *step,
            };
            if let Some(by) = history::overtaken(c, journey, author, step.seq, &step.edit)? {
                history::forget(c, journey, step.seq)?;
                return Ok(Err(Error::Overtaken { undo, by }));
            }
            let mut applier = start(c, journey, model::now_millis())?;
            let back = applier.apply(step.edit)?;
            history::stepped(c, journey, step.seq, undo, &back)?;
            finish(c, journey, author, applier, true).map(Ok)
        })?
    }

    /// Whether another connection (another window, the CLI) has committed to the file since the
    /// last time this was asked. Cheap (`PRAGMA data_version`, no file read), so it can be polled.
    pub fn changed_elsewhere(&mut self) -> Result<bool> {
        let version: i64 = self.conn.pragma_query_value(None, "data_version", |r| r.get(0))?;
        Ok(std::mem::replace(&mut self.seen_version, version) != version)
    }

    /// What undo and redo offer `author`.
    pub fn undo_state(&self, journey: Id, author: Author) -> Result<UndoState> {
        history::state(&self.conn, journey, author)
    }

    #[cfg(feature = "test-support")]
    pub fn history_len(&self, journey: Id) -> Result<i64> {
        history::len(&self.conn, journey)
    }

    /// Caps the file at its current size plus a little, so tests can meet a full disk without
    /// filling one.
    #[cfg(feature = "test-support")]
    pub fn simulate_full_disk(&self) -> Result<()> {
        let pages: i64 = self.conn.query_row("PRAGMA page_count", [], |r| r.get(0))?;
        self.conn.pragma_update(None, "max_page_count", pages + 8)?;
        Ok(())
    }

    /// `PRAGMA integrity_check`: "ok" for a sound file.
    #[cfg(feature = "test-support")]
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self.conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }
}

/// Why undo (or redo) did nothing: its next step could not be read, and `dropped` steps were
/// taken out of the history.
fn unreadable_step(dropped: usize, undo: bool) -> Error {
    Error::invalid(
        Field::History,
        if undo {
            said!(
                "the last step could not be read, so it and the {dropped} step(s) up to it were taken out of the undo \
                     history; the journey itself is as it was",
                "de laatste stap kon niet worden gelezen; die en de {dropped} stap(pen) tot en met die stap zijn uit de \
                     geschiedenis gehaald; de klantreis zelf is niet veranderd"
            )
        } else {
            said!(
                "the next step to redo could not be read, so the {dropped} step(s) to redo were dropped; the journey \
                     itself is as it was",
                "de volgende stap om opnieuw te doen kon niet worden gelezen; die {dropped} stap(pen) zijn weggehaald; de \
                     klantreis zelf is niet veranderd"
            )
        },
    )
}

/// The journey without its rounds; for `phone` (a device), without its personas and with only
/// the notes that phone sent.
fn load_in(c: &Connection, journey: Id, phone: Option<&str>) -> Result<JourneyDoc> {
    let mut doc = JourneyDoc {
        journey: records::journey(c, journey)?,
        phases: records::ordered(c, journey)?,
        rows: records::ordered(c, journey)?,
        cards: records::cards(c, journey)?,
        personas: if phone.is_some() { vec![] } else { records::ordered(c, journey)? },
        vote: records::vote(c, journey)?,
        rounds: vec![],
        inbox: match phone {
            Some(device) => records::notes_from(c, journey, device)?,
            None => records::notes(c, journey)?,
        },
    };
    doc.sort();
    Ok(doc)
}

/// Stores a validated journey whose ids are not in use yet, inside the caller's transaction.
fn insert_doc_in(c: &Connection, doc: &JourneyDoc) -> Result<()> {
    let j = doc.journey.id;
    records::insert_journey(c, &doc.journey).map_err(|e| records::in_use(Field::JourneyId, j, e))?;
    for p in &doc.phases {
        records::insert_ordered(c, j, p.id, p.position, p).map_err(|e| records::in_use(Field::PhaseId, p.id, e))?;
    }
    for r in &doc.rows {
        records::insert_ordered(c, j, r.id, r.position, r).map_err(|e| records::in_use(Field::RowId, r.id, e))?;
    }
    for k in &doc.cards {
        records::insert_card(c, j, k, f64::from(k.position)).map_err(|e| records::in_use(Field::CardId, k.id, e))?;
    }
    for p in &doc.personas {
        records::insert_ordered(c, j, p.id, p.position, p).map_err(|e| records::in_use(Field::PersonaId, p.id, e))?;
    }
    for r in &doc.rounds {
        records::insert_round(c, j, r).map_err(|e| records::in_use(Field::RoundId, r.id, e))?;
    }
    for n in &doc.inbox {
        records::insert_note(c, j, n).map_err(|e| records::in_use(Field::NoteId, n.id, e))?;
    }
    records::set_vote(c, j, doc.vote.as_ref())
}

/// One note of `receive_notes`: `Ok(Err(…))` refuses this note alone, `Err(…)` (the database)
/// refuses them all.
fn receive_one(c: &Connection, journey: Id, note: Incoming, device: &str, now: model::Millis) -> Result<Result<Received>> {
    if let Err(e) = note.validate() {
        return Ok(Err(e));
    }
    match records::note_anywhere(c, note.id)? {
        Some((j, stored)) if j == journey => return Ok(Ok(Received { note: stored, new: false })),
        Some(_) => return Ok(Err(records::id_in_use(Field::NoteId, note.id))),
        None => {}
    }
    if records::count_notes(c, journey)? >= MAX_NOTES {
        return Ok(Err(Error::invalid(Field::Inbox, said!("is full ({MAX_NOTES} notes)", "is vol ({MAX_NOTES} notities)"))));
    }
    if records::count_waiting_from(c, journey, device)? >= MAX_WAITING_PER_PHONE {
        return Ok(Err(Error::NotAllowed(said!(
            "You have {MAX_WAITING_PER_PHONE} notes waiting for the facilitator. Send more once some are on the board.",
            "Er wachten {MAX_WAITING_PER_PHONE} notities van je op de begeleider. Stuur meer zodra er een paar op het bord staan."
        ))));
    }
    let mut n = note.into_note(device, now);
    n.phase = n.phase.filter(|&p| records::exists(c, Table::Phases, journey, p).unwrap_or(false));
    n.row = n.row.filter(|&r| records::exists(c, Table::Rows, journey, r).unwrap_or(false));
    records::insert_note(c, journey, &n)?;
    Ok(Ok(Received { note: n, new: true }))
}

fn start(c: &Connection, journey: Id, now: model::Millis) -> Result<Applier<'_>> {
    records::journey(c, journey)?;
    Ok(Applier::new(c, journey, now))
}

fn finish(c: &Connection, journey: Id, author: Author, applier: Applier<'_>, changed: bool) -> Result<Applied> {
    if changed {
        records::touch_journey(c, journey, applier.now)?;
    }
    let changes = applier.touched.into_changes(c, journey)?;
    Ok(Applied { changes, history: history::state(c, journey, author)? })
}

fn set_pragmas(c: &Connection) -> rusqlite::Result<()> {
    c.busy_timeout(Duration::from_secs(5))?;
    c.pragma_update(None, "journal_mode", "WAL")?;
    c.pragma_update(None, "synchronous", "FULL")?;
    c.pragma_update(None, "foreign_keys", "ON")?;
    keep_the_log(c);
    // A kept log is cut back to nothing when the last connection closes, and to 4 MB after each
    // checkpoint, so it does not stay as large as its busiest moment.
    c.pragma_update(None, "journal_size_limit", 4 * 1024 * 1024)?;
    Ok(())
}

/// A connection that closes as the last one checkpoints the write-ahead log and leaves it on disk
/// (SQLite's persistent WAL), instead of deleting it. "The last one" is judged by POSIX locks, which
/// the app's process loses whenever anything in it closes one of the database's files (a native
/// file dialog reading the folder, at any time, even after it closed): `journeywall show` then
/// deleted the log the app went on writing to, and a crash lost every edit since. Kept, the log
/// stays the one the app writes, and its edits are on disk when acknowledged.
fn keep_the_log(c: &Connection) {
    let mut on: std::ffi::c_int = 1;
    // SAFETY: the handle is this open connection's, "main" is its database, and PERSIST_WAL reads
    // and writes the one int it is given, which lives across the call.
    let done = unsafe {
        rusqlite::ffi::sqlite3_file_control(c.handle(), c"main".as_ptr(), rusqlite::ffi::SQLITE_FCNTL_PERSIST_WAL, (&raw mut on).cast())
    };
    // Not a file (a database in memory): nothing to keep.
    debug_assert!(done == rusqlite::ffi::SQLITE_OK || done == rusqlite::ffi::SQLITE_NOTFOUND, "{done}");
}
