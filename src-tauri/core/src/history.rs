//! The undo log of each journey, kept in SQLite next to the data and written in the same
//! transaction as the edit, so undo and redo survive a restart and never disagree with the data.
//!
//! Each step stores the edit that undoes it; once undone, also the edit that redoes it (the inverse
//! of the undo, which `apply` hands back). Steps with `done = 0` are the redo tail: a new edit drops
//! them.
//!
//! Each step has an author, and undo and redo take only the asker's own steps: with several
//! editors on one journey, Ctrl+Z never takes away another person's edit. A step that someone
//! else has changed since (`overtaken`) is not undone over their change.

use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::model::{Id, Millis};
use crate::said;
use crate::said::Field;

/// Steps kept per journey; the oldest are dropped beyond this.
pub const MAX_STEPS: i64 = 1_000;

/// What the undo and redo buttons offer: the label of the step each would take, if any, and a
/// mark that names that very step. A board sends the mark back with its undo, so that with a
/// second writer on the file (another window, the CLI) it never undoes a step it has not shown.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct UndoState {
    pub undo: Option<String>,
    pub redo: Option<String>,
    pub undo_step: Option<String>,
    pub redo_step: Option<String>,
}

/// Who makes an edit, for the undo history: `key` tells people apart, `name` is how the others are
/// told whose change stands. The facilitator (the laptop, the command line) is `FACILITATOR`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Author<'a> {
    pub key: &'a str,
    pub name: &'a str,
}

impl Author<'static> {
    pub const FACILITATOR: Author<'static> = Author { key: "", name: "" };
}

pub(crate) struct Step {
    pub seq: i64,
    pub edit: Edit,
}

/// A step's mark: its number, when it was recorded and a digest of what it would apply. A
/// number alone is not enough: once a step is undone and a new edit made, the new step takes the
/// number again, maybe within the same millisecond. Marks live as long as a board, so the
/// digest need not be stable across builds.
fn mark(seq: i64, at: Millis, edit: Option<&str>) -> String {
    use std::hash::{Hash, Hasher};
    let mut digest = std::hash::DefaultHasher::new();
    edit.hash(&mut digest);
    format!("{seq}.{at}.{:x}", digest.finish())
}

fn parse(json: &str) -> Result<Edit> {
    serde_json::from_str(json).map_err(|e| {
        Error::invalid(Field::History, said!("a stored step cannot be read ({e})", "een opgeslagen stap kan niet worden gelezen ({e})"))
    })
}

fn to_json(edit: &Edit) -> String {
    serde_json::to_string(edit).unwrap_or_default()
}

/// Records a new step of `author`: drops their redo tail, appends, and trims the log to `MAX_STEPS`.
pub(crate) fn record(c: &Connection, journey: Id, author: Author, label: &str, undo: &Edit, at: Millis) -> Result<()> {
    let j = journey;
    c.prepare_cached("DELETE FROM history WHERE journey_id = ?1 AND done = 0 AND author = ?2")?.execute(params![j, author.key])?;
    let seq: i64 = c.prepare_cached("SELECT coalesce(max(seq), 0) + 1 FROM history WHERE journey_id = ?1")?.query_row([j], |r| r.get(0))?;
    c.prepare_cached(
        "INSERT INTO history (journey_id, seq, label, undo, redo, done, at, author, author_name) \
         VALUES (?1, ?2, ?3, ?4, NULL, 1, ?5, ?6, ?7)",
    )?
    .execute(params![j, seq, label, to_json(undo), at, author.key, author.name])?;
    c.prepare_cached("DELETE FROM history WHERE journey_id = ?1 AND seq <= ?2")?.execute(params![j, seq - MAX_STEPS])?;
    Ok(())
}

/// The step undo or redo would take next, or the sequence number of one that cannot be read
/// (written by a newer build, or damaged).
pub(crate) enum Next {
    Step(Box<Step>),
    Unreadable(i64),
}

/// The next step with its mark.
type Found = Option<(String, Next)>;

/// A stored step: its label, number, time and the edit that takes it (undo or redo).
type StepRow = (String, i64, Millis, Option<String>);

/// The step of `author` undo (their newest done) or redo (their oldest undone) would take next.
fn next_row(c: &Connection, journey: Id, author: Author, undo: bool) -> Result<Option<StepRow>> {
    let sql = if undo {
        "SELECT label, seq, at, undo FROM history WHERE journey_id = ?1 AND author = ?2 AND done = 1 ORDER BY seq DESC LIMIT 1"
    } else {
        "SELECT label, seq, at, redo FROM history WHERE journey_id = ?1 AND author = ?2 AND done = 0 ORDER BY seq LIMIT 1"
    };
    let row = c.prepare_cached(sql)?.query_row(params![journey, author.key], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)));
    Ok(row.optional()?)
}

/// The step of `author` undo (`undo`) or redo would take next.
pub(crate) fn next(c: &Connection, journey: Id, author: Author, undo: bool) -> Result<Found> {
    Ok(next_row(c, journey, author, undo)?.map(|(_, seq, at, json)| {
        let step = match json.as_deref().map(parse) {
            Some(Ok(edit)) => Next::Step(Box::new(Step { seq, edit })),
            _ => Next::Unreadable(seq),
        };
        (mark(seq, at, json.as_deref()), step)
    }))
}

/// Takes an unreadable step out of the history with the steps that depend on it: for undo the
/// steps before it, for redo the whole redo tail. Returns how many went. Without this one
/// unreadable step would block undo for the journey forever.
pub(crate) fn drop_from(c: &Connection, journey: Id, author: Author, seq: i64, undo: bool) -> Result<usize> {
    let sql = if undo {
        "DELETE FROM history WHERE journey_id = ?1 AND author = ?3 AND done = 1 AND seq <= ?2"
    } else {
        "DELETE FROM history WHERE journey_id = ?1 AND author = ?3 AND done = 0 AND seq >= ?2"
    };
    Ok(c.prepare_cached(sql)?.execute(params![journey, seq, author.key])?)
}

/// Who else, since step `seq` of `author`, has changed something that `edit` (the step's undo or
/// redo) would change: that step must not be taken over their change. The name of the latest of
/// them, if any.
pub(crate) fn overtaken(c: &Connection, journey: Id, author: Author, seq: i64, edit: &Edit) -> Result<Option<String>> {
    let mine = touches(edit);
    let mut later = c.prepare_cached(
        "SELECT author_name, undo FROM history WHERE journey_id = ?1 AND seq > ?2 AND author <> ?3 AND done = 1 ORDER BY seq DESC",
    )?;
    let rows = later.query_map(params![journey, seq, author.key], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    for row in rows {
        let (name, undo) = row?;
        // A step that cannot be read touches nothing we can name; its own author meets it.
        let Ok(theirs) = parse(&undo) else { continue };
        let theirs = touches(&theirs);
        if mine.iter().any(|m| theirs.iter().any(|t| overlap(m, t))) {
            return Ok(Some(name));
        }
    }
    Ok(None)
}

/// Takes one step out of the history (one that was overtaken: see `overtaken`).
pub(crate) fn forget(c: &Connection, journey: Id, seq: i64) -> Result<()> {
    c.prepare_cached("DELETE FROM history WHERE journey_id = ?1 AND seq = ?2")?.execute(params![journey, seq])?;
    Ok(())
}

/// What an edit changes, as keys: a record's id for the record as a whole (added, moved,
/// deleted), `id.field` for one field of it, `journey.field`, `vote`. Read from the edit's JSON,
/// so every kind of edit is covered as its fields are named.
fn touches(edit: &Edit) -> Vec<String> {
    fn ids(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::String(id) => out.push(id.clone()),
            serde_json::Value::Array(items) => items.iter().for_each(|i| ids(i, out)),
            serde_json::Value::Object(record) => ids(&record["id"], out),
            _ => {}
        }
    }
    fn walk(edit: &serde_json::Value, out: &mut Vec<String>) {
        let kind = edit["type"].as_str().unwrap_or("");
        if kind == "batch" {
            return edit["edits"].as_array().into_iter().flatten().for_each(|e| walk(e, out));
        }
        if kind.ends_with("Vote") || kind.ends_with("Dot") || kind.ends_with("Participant") {
            return out.push("vote".into());
        }
        let Some(object) = edit.as_object() else { return };
        if kind.starts_with("update") {
            let subject = ["card", "phase", "row", "persona", "note"].into_iter().find(|k| object.contains_key(*k));
            let id = subject.and_then(|k| object[k].as_str()).unwrap_or("journey");
            let fields = object.keys().filter(|k| !["type", "updatedAt"].contains(&k.as_str()) && Some(k.as_str()) != subject);
            return out.extend(fields.map(|f| format!("{id}.{f}")));
        }
        let holds_cards = ["card", "cards", "note"].iter().any(|k| object.contains_key(*k));
        for (key, value) in object {
            match key.as_str() {
                "card" | "cards" | "note" | "persona" | "id" => ids(value, out),
                // A phase or row named beside a card is where the card goes, not what changes;
                // a restored one (a whole record) is.
                "phase" | "row" if value.is_object() || !holds_cards => ids(value, out),
                _ => {}
            }
        }
    }
    let mut out = Vec::new();
    walk(&serde_json::to_value(edit).unwrap_or_default(), &mut out);
    out
}

/// Whether two keys of `touches` name the same thing: equal, or a record and one of its fields.
fn overlap(a: &str, b: &str) -> bool {
    let within = |field: &str, record: &str| field.strip_prefix(record).is_some_and(|rest| rest.starts_with('.'));
    a == b || within(a, b) || within(b, a)
}

/// Marks step `seq` undone (`undo`) or redone, keeping `back`: the edit that takes it the other way.
pub(crate) fn stepped(c: &Connection, journey: Id, seq: i64, undo: bool, back: &Edit) -> Result<()> {
    let sql = if undo {
        "UPDATE history SET done = 0, redo = ?3 WHERE journey_id = ?1 AND seq = ?2"
    } else {
        "UPDATE history SET done = 1, undo = ?3 WHERE journey_id = ?1 AND seq = ?2"
    };
    c.prepare_cached(sql)?.execute(params![journey, seq, to_json(back)])?;
    Ok(())
}

/// What undo and redo offer `author`.
pub(crate) fn state(c: &Connection, journey: Id, author: Author) -> Result<UndoState> {
    let offer = |undo| -> Result<_> {
        Ok(next_row(c, journey, author, undo)?.map(|(label, seq, at, json)| (label, mark(seq, at, json.as_deref()))))
    };
    let (undo, undo_step) = offer(true)?.unzip();
    let (redo, redo_step) = offer(false)?.unzip();
    Ok(UndoState { undo, redo, undo_step, redo_step })
}

#[cfg(feature = "test-support")]
pub(crate) fn len(c: &Connection, journey: Id) -> Result<i64> {
    Ok(c.prepare_cached("SELECT count(*) FROM history WHERE journey_id = ?1")?.query_row([journey], |r| r.get(0))?)
}
