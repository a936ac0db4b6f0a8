//! The SQL of each table. A record's fields and their columns are declared with the record
//! (`model`, see `schema`); here are its key's columns (its id, and where it is) and the few
//! statements the edits and the loader need. Every function takes a connection that the caller
//! has put inside a transaction.

use rusqlite::types::ToSql;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Params, Row as SqlRow};

use crate::error::{Error, Result};
use crate::inbox::{Note, NoteState};
use crate::model::{Card, Id, Journey, JourneySummary};
use crate::round::Round;
use crate::said::{Field, Record};
use crate::schema::{Codec, Json, Stored, Table};
use crate::vote::Vote;

/// A card's key: its id, its cell and its position, derived from the sort key as its rank
/// within the cell.
const CARD_KEY_ONE: &str = "id, phase_id, row_id,
    (SELECT count(*) FROM cards o WHERE o.phase_id = cards.phase_id AND o.row_id = cards.row_id
        AND (o.sort_key < cards.sort_key OR (o.sort_key = cards.sort_key AND o.id < cards.id)))";
/// The same for many cards at once, ranked with a window function.
const CARD_KEY_MANY: &str = "id, phase_id, row_id, row_number() OVER (PARTITION BY phase_id, row_id ORDER BY sort_key, id) - 1";

/// `SELECT` the columns `key`, then the record's, `FROM` its table, then `rest` (`WHERE …`).
fn select<R: Stored>(key: &str, rest: &str) -> String {
    format!("SELECT {key}, {} FROM {} {rest}", R::COLUMNS.join(", "), R::TABLE)
}

/// Inserts `record`: the columns and values of `key`, then its own.
fn insert<R: Stored>(c: &Connection, key: &[(&str, &dyn ToSql)], record: &R) -> Result<()> {
    let columns: Vec<&str> = key.iter().map(|&(column, _)| column).chain(R::COLUMNS.iter().copied()).collect();
    let marks: Vec<String> = (1..=columns.len()).map(|i| format!("?{i}")).collect();
    let sql = format!("INSERT INTO {} ({}) VALUES ({})", R::TABLE, columns.join(", "), marks.join(", "));
    let values = record.values()?;
    let params = key.iter().map(|&(_, value)| value).chain(values.iter().map(|v| v as &dyn ToSql));
    c.prepare_cached(&sql)?.execute(params_from_iter(params))?;
    Ok(())
}

/// Writes `record`'s columns, and those of `key`, into its row (`id`).
fn update<R: Stored>(c: &Connection, id: Id, key: &[(&str, &dyn ToSql)], record: &R) -> Result<()> {
    let columns = key.iter().map(|&(column, _)| column).chain(R::COLUMNS.iter().copied());
    let sets: Vec<String> = columns.enumerate().map(|(i, column)| format!("{column} = ?{}", i + 2)).collect();
    let sql = format!("UPDATE {} SET {} WHERE id = ?1", R::TABLE, sets.join(", "));
    let values = record.values()?;
    let params =
        std::iter::once(&id as &dyn ToSql).chain(key.iter().map(|&(_, value)| value)).chain(values.iter().map(|v| v as &dyn ToSql));
    c.prepare_cached(&sql)?.execute(params_from_iter(params))?;
    Ok(())
}

/// Every row `sql` selects, read by `f`.
fn all<T, C: FromIterator<T>>(c: &Connection, sql: &str, params: impl Params, f: impl FnMut(&SqlRow) -> rusqlite::Result<T>) -> Result<C> {
    Ok(c.prepare_cached(sql)?.query_map(params, f)?.collect::<rusqlite::Result<C>>()?)
}

/// Deletes record `id` of `table`; false when there was none.
pub fn delete(c: &Connection, table: Table, id: Id) -> Result<bool> {
    Ok(c.prepare_cached(&format!("DELETE FROM {} WHERE id = ?1", table))?.execute([id])? > 0)
}

/// Whether `table` holds record `id` of the journey (a phase or row of another journey does not count).
pub fn exists(c: &Connection, table: Table, journey: Id, id: Id) -> Result<bool> {
    let mut st = c.prepare_cached(&format!("SELECT 1 FROM {} WHERE id = ?1 AND journey_id = ?2", table))?;
    Ok(st.exists([id, journey])?)
}

/// `id` is taken: ids are unique across the database, not only within a journey.
pub fn id_in_use(field: Field, id: Id) -> Error {
    Error::invalid(field, crate::said!("{id} is already in use in this database", "{id} is al in gebruik in deze database"))
}

/// An insert's error, said as `id_in_use` when the record's id (named by `field`) is taken.
pub fn in_use(field: Field, id: Id, e: Error) -> Error {
    match &e {
        Error::Sql(rusqlite::Error::SqliteFailure(f, _)) if f.code == rusqlite::ErrorCode::ConstraintViolation => id_in_use(field, id),
        _ => e,
    }
}

// --- journeys ---------------------------------------------------------------------------------

pub fn journey(c: &Connection, id: Id) -> Result<Journey> {
    let sql = select::<Journey>("id", "WHERE id = ?1");
    c.prepare_cached(&sql)?.query_row([id], Journey::from_row).optional()?.ok_or_else(|| Error::NoSuchJourney(id.to_string()))
}

pub fn journey_ids_named(c: &Connection, name: &str) -> Result<Vec<Id>> {
    all(c, "SELECT id FROM journeys WHERE name = ?1", [name], |r| r.get(0))
}

pub fn summaries(c: &Connection) -> Result<Vec<JourneySummary>> {
    let sql = "SELECT j.id, j.name, j.locale, j.updated_at,
                      (SELECT count(*) FROM phases p WHERE p.journey_id = j.id),
                      (SELECT count(*) FROM cards k WHERE k.journey_id = j.id),
                      j.description
               FROM journeys j ORDER BY j.updated_at DESC, j.name";
    all(c, sql, [], |r| {
        Ok(JourneySummary {
            id: r.get(0)?,
            name: r.get(1)?,
            locale: r.get(2)?,
            updated_at: r.get(3)?,
            phases: r.get(4)?,
            cards: r.get(5)?,
            description: r.get(6)?,
        })
    })
}

pub fn insert_journey(c: &Connection, j: &Journey) -> Result<()> {
    insert(c, &[("id", &j.id)], j)
}

pub fn update_journey(c: &Connection, j: &Journey) -> Result<()> {
    update(c, j.id, &[], j)
}

pub fn touch_journey(c: &Connection, id: Id, at: i64) -> Result<()> {
    c.prepare_cached("UPDATE journeys SET updated_at = ?2 WHERE id = ?1")?.execute(params![id, at])?;
    Ok(())
}

// --- phases, rows and personas -------------------------------------------------------------

/// The journey's phases, rows or personas, in order.
pub fn ordered<R: Stored>(c: &Connection, journey: Id) -> Result<Vec<R>> {
    all(c, &select::<R>("id, position", "WHERE journey_id = ?1 ORDER BY position"), [journey], R::from_row)
}

pub fn insert_ordered<R: Stored>(c: &Connection, journey: Id, id: Id, position: u32, record: &R) -> Result<()> {
    insert(c, &[("journey_id", &journey), ("id", &id), ("position", &position)], record)
}

pub fn update_ordered<R: Stored>(c: &Connection, id: Id, position: u32, record: &R) -> Result<()> {
    update(c, id, &[("position", &position)], record)
}

/// Which of `ids` are cards of the journey, in one query (a vote's dots can be hundreds).
pub fn live_cards(c: &Connection, journey: Id, ids: impl Iterator<Item = Id>) -> Result<std::collections::HashSet<Id>> {
    let ids: Vec<Id> = ids.collect();
    // CROSS JOIN keeps the list as the outer loop: one primary-key lookup per id, not a scan of
    // the journey's cards.
    let sql = "SELECT DISTINCT c.id FROM json_each(?2) AS j CROSS JOIN cards AS c ON c.id = j.value WHERE c.journey_id = ?1";
    all(c, sql, params![journey, Json::write(&ids)?], |r| r.get(0))
}

// --- cards ------------------------------------------------------------------------------------

pub fn card(c: &Connection, journey: Id, id: Id) -> Result<Card> {
    let sql = select::<Card>(CARD_KEY_ONE, "WHERE id = ?1 AND journey_id = ?2");
    c.prepare_cached(&sql)?.query_row([id, journey], Card::from_row).optional()?.ok_or_else(|| Error::not_found(Record::Card, id))
}

fn cards_where(c: &Connection, condition: &str, id: Id) -> Result<Vec<Card>> {
    all(c, &select::<Card>(CARD_KEY_MANY, &format!("WHERE {condition} = ?1")), [id], Card::from_row)
}

pub fn cards(c: &Connection, journey: Id) -> Result<Vec<Card>> {
    cards_where(c, "journey_id", journey)
}

pub fn cards_in_phase(c: &Connection, phase: Id) -> Result<Vec<Card>> {
    cards_where(c, "phase_id", phase)
}

pub fn cards_in_row(c: &Connection, row: Id) -> Result<Vec<Card>> {
    cards_where(c, "row_id", row)
}

/// The ids of a cell's cards, in order.
pub fn cell_order(c: &Connection, phase: Id, row: Id) -> Result<Vec<Id>> {
    let sql = "SELECT id FROM cards WHERE phase_id = ?1 AND row_id = ?2 ORDER BY sort_key, id";
    all(c, sql, [phase, row], |r| r.get(0))
}

/// A sort key that puts a card at `index` of a cell (the end when the cell is shorter), not
/// counting the card `moving` itself. Keys are spread out, so this takes no renumbering, except
/// in the rare cell where halving a gap has run out of precision.
pub fn sort_key_at(c: &Connection, phase: Id, row: Id, index: u32, moving: Option<Id>) -> Result<f64> {
    let neighbours = |c: &Connection| -> Result<Vec<f64>> {
        let sql = "SELECT sort_key FROM cards WHERE phase_id = ?1 AND row_id = ?2 AND id IS NOT ?3 ORDER BY sort_key, id LIMIT 2 OFFSET ?4";
        all(c, sql, params![phase, row, moving, index.saturating_sub(1)], |r| r.get(0))
    };
    let last = |c: &Connection| -> Result<Option<f64>> {
        Ok(c.prepare_cached("SELECT max(sort_key) FROM cards WHERE phase_id = ?1 AND row_id = ?2 AND id IS NOT ?3")?
            .query_row(params![phase, row, moving], |r| r.get(0))?)
    };
    for attempt in 0..2 {
        let keys = neighbours(c)?;
        let key = match (index, keys.as_slice()) {
            (0, [first, ..]) => first - 1.0,
            (_, [before, after]) => before + (after - before) / 2.0,
            (_, [before]) if index > 0 => before + 1.0,
            _ => last(c)?.map_or(0.0, |k| k + 1.0),
        };
        let fits = match (index, keys.as_slice()) {
            (i, [before, after]) if i > 0 => *before < key && key < *after,
            _ => true,
        };
        if fits || attempt == 1 {
            return Ok(key);
        }
        renumber_cell(c, phase, row)?;
    }
    unreachable!("the loop returns on its second attempt")
}

/// Resets a cell's sort keys to 0, 1, 2 … in their current order.
fn renumber_cell(c: &Connection, phase: Id, row: Id) -> Result<()> {
    for (i, id) in cell_order(c, phase, row)?.into_iter().enumerate() {
        c.prepare_cached("UPDATE cards SET sort_key = ?2 WHERE id = ?1")?.execute(params![id, i as f64])?;
    }
    Ok(())
}

pub fn insert_card(c: &Connection, journey: Id, k: &Card, sort_key: f64) -> Result<()> {
    insert(c, &[("journey_id", &journey), ("id", &k.id), ("phase_id", &k.phase), ("row_id", &k.row), ("sort_key", &sort_key)], k)
}

/// Writes a card's content; where it sits is changed by `set_card_place` only.
pub fn update_card(c: &Connection, k: &Card) -> Result<()> {
    update(c, k.id, &[], k)
}

pub fn set_card_place(c: &Connection, id: Id, phase: Id, row: Id, sort_key: f64) -> Result<()> {
    c.prepare_cached("UPDATE cards SET phase_id = ?2, row_id = ?3, sort_key = ?4 WHERE id = ?1")?
        .execute(params![id, phase, row, sort_key])?;
    Ok(())
}

// --- the vote ---------------------------------------------------------------------------------

pub fn vote(c: &Connection, journey: Id) -> Result<Option<Vote>> {
    let mut st = c.prepare_cached("SELECT vote FROM votes WHERE journey_id = ?1")?;
    Ok(st.query_row([journey], |r| Json::read(r, 0)).optional()?)
}

pub fn set_vote(c: &Connection, journey: Id, vote: Option<&Vote>) -> Result<()> {
    match vote {
        Some(v) => c
            .prepare_cached("INSERT INTO votes (journey_id, vote) VALUES (?1, ?2) ON CONFLICT (journey_id) DO UPDATE SET vote = ?2")?
            .execute(params![journey, Json::write(v)?])?,
        None => c.prepare_cached("DELETE FROM votes WHERE journey_id = ?1")?.execute([journey])?,
    };
    Ok(())
}

// --- rounds -----------------------------------------------------------------------------------

pub fn insert_round(c: &Connection, journey: Id, r: &Round) -> Result<()> {
    insert(c, &[("journey_id", &journey), ("id", &r.id)], r)
}

/// The journey's rounds, oldest first.
pub fn rounds(c: &Connection, journey: Id) -> Result<Vec<Round>> {
    all(c, &select::<Round>("id", "WHERE journey_id = ?1 ORDER BY created_at, id"), [journey], Round::from_row)
}

pub fn round(c: &Connection, journey: Id, id: Id) -> Result<Round> {
    let sql = select::<Round>("id", "WHERE journey_id = ?1 AND id = ?2");
    c.prepare_cached(&sql)?.query_row([journey, id], Round::from_row).optional()?.ok_or_else(|| Error::not_found(Record::Round, id))
}

pub fn rename_round(c: &Connection, id: Id, name: &str) -> Result<()> {
    c.prepare_cached("UPDATE rounds SET name = ?2 WHERE id = ?1")?.execute(params![id, name])?;
    Ok(())
}

// --- meta ---------------------------------------------------------------------------------------

pub fn set_meta(c: &Connection, key: &str, value: &str) -> Result<()> {
    c.prepare_cached("INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2")?.execute([key, value])?;
    Ok(())
}

pub fn clear_meta(c: &Connection, key: &str) -> Result<()> {
    c.prepare_cached("DELETE FROM meta WHERE key = ?1")?.execute([key])?;
    Ok(())
}

// --- the inbox --------------------------------------------------------------------------------

/// The journey's notes in the order they arrived.
pub fn notes(c: &Connection, journey: Id) -> Result<Vec<Note>> {
    all(c, &select::<Note>("id", "WHERE journey_id = ?1 ORDER BY received_at, id"), [journey], Note::from_row)
}

/// The notes phone `device` sent to the journey, in the order they arrived.
pub fn notes_from(c: &Connection, journey: Id, device: &str) -> Result<Vec<Note>> {
    let sql = select::<Note>("id", "WHERE journey_id = ?1 AND device = ?2 ORDER BY received_at, id");
    all(c, &sql, params![journey, device], Note::from_row)
}

/// A note by its id, in any journey (ids are the phones' and unique across the database).
pub fn note_anywhere(c: &Connection, id: Id) -> Result<Option<(Id, Note)>> {
    let sql = format!("SELECT id, {}, journey_id FROM inbox WHERE id = ?1", Note::COLUMNS.join(", "));
    let mut st = c.prepare_cached(&sql)?;
    Ok(st.query_row([id], |r| Ok((r.get(1 + Note::COLUMNS.len())?, Note::from_row(r)?))).optional()?)
}

pub fn note(c: &Connection, journey: Id, id: Id) -> Result<Note> {
    match note_anywhere(c, id)? {
        Some((j, n)) if j == journey => Ok(n),
        _ => Err(Error::not_found(Record::Note, id)),
    }
}

pub fn count_notes(c: &Connection, journey: Id) -> Result<usize> {
    let n: i64 = c.prepare_cached("SELECT count(*) FROM inbox WHERE journey_id = ?1")?.query_row([journey], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

/// The notes of phone `device` still waiting in the journey's inbox (not placed, not discarded).
pub fn count_waiting_from(c: &Connection, journey: Id, device: &str) -> Result<usize> {
    let sql = "SELECT count(*) FROM inbox WHERE journey_id = ?1 AND device = ?2 AND state = ?3";
    let n: i64 = c.prepare_cached(sql)?.query_row(params![journey, device, NoteState::Inbox], |r| r.get(0))?;
    Ok(usize::try_from(n).unwrap_or(usize::MAX))
}

pub fn insert_note(c: &Connection, journey: Id, n: &Note) -> Result<()> {
    insert(c, &[("journey_id", &journey), ("id", &n.id)], n)
}

/// Writes a note's columns. Its caller read it whole in the same transaction, so only what an
/// edit changes (its text, state and card) differs.
pub fn update_note(c: &Connection, n: &Note) -> Result<()> {
    update(c, n.id, &[], n)
}
