//! SQL for each record: one `*_from_row` per record, column lists as constants, and the few
//! statements the edits and the loader need. Every function takes a connection that the caller has
//! put inside a transaction.

use rusqlite::{params, Connection, OptionalExtension, Params, Row as SqlRow};

use crate::error::{Error, Result};
use crate::inbox::Note;
use crate::model::{Card, Id, Journey, JourneySummary, Persona, Phase, Row};
use crate::picture;
use crate::round::Round;
use crate::said::{Field, Record};
use crate::schema::Table;
use crate::vote::Vote;

const JOURNEY_COLS: &str = "id, name, description, locale, created_at, updated_at";
const PHASE_COLS: &str = "id, position, title, question, colour, width";
const ROW_COLS: &str = "id, position, kind, title, colour, hidden";
/// Card columns with the position derived from the sort key: its rank within the cell.
const CARD_COLS_ONE: &str = "id, phase_id, row_id,
    (SELECT count(*) FROM cards o WHERE o.phase_id = cards.phase_id AND o.row_id = cards.row_id
        AND (o.sort_key < cards.sort_key OR (o.sort_key = cards.sort_key AND o.id < cards.id))),
    title, notes, colour, channel, emotion, votes, tags, created_at, updated_at";
/// The same for many cards at once, ranked with a window function.
const CARD_COLS_MANY: &str = "id, phase_id, row_id,
    row_number() OVER (PARTITION BY phase_id, row_id ORDER BY sort_key, id) - 1,
    title, notes, colour, channel, emotion, votes, tags, created_at, updated_at";
const PERSONA_COLS: &str = "id, position, name, role, quote, goals, frustrations, picture";

/// Column `i` holds text that does not read as what it should.
fn bad_col(i: usize, e: impl std::error::Error + Send + Sync + 'static) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e))
}

fn json_col<T: serde::de::DeserializeOwned>(r: &SqlRow, i: usize) -> rusqlite::Result<T> {
    serde_json::from_str(&r.get::<_, String>(i)?).map_err(|e| bad_col(i, e))
}

/// Every row `sql` selects, read by `f`.
fn all<T, C: FromIterator<T>>(c: &Connection, sql: &str, params: impl Params, f: impl FnMut(&SqlRow) -> rusqlite::Result<T>) -> Result<C> {
    Ok(c.prepare_cached(sql)?.query_map(params, f)?.collect::<rusqlite::Result<C>>()?)
}

/// Deletes record `id` of `table`; false when there was none.
pub fn delete(c: &Connection, table: Table, id: Id) -> Result<bool> {
    Ok(c.prepare_cached(&format!("DELETE FROM {} WHERE id = ?1", table.as_str()))?.execute([id])? > 0)
}

/// Whether `table` holds record `id` of the journey (a phase or row of another journey does not count).
pub fn exists(c: &Connection, table: Table, journey: Id, id: Id) -> Result<bool> {
    let mut st = c.prepare_cached(&format!("SELECT 1 FROM {} WHERE id = ?1 AND journey_id = ?2", table.as_str()))?;
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

fn to_json<T: serde::Serialize>(v: &T) -> String {
    // Serialising plain data (strings, a JSON value) cannot fail.
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

fn journey_from_row(r: &SqlRow) -> rusqlite::Result<Journey> {
    Ok(Journey { id: r.get(0)?, name: r.get(1)?, description: r.get(2)?, locale: r.get(3)?, created_at: r.get(4)?, updated_at: r.get(5)? })
}

fn phase_from_row(r: &SqlRow) -> rusqlite::Result<Phase> {
    Ok(Phase { id: r.get(0)?, position: r.get(1)?, title: r.get(2)?, question: r.get(3)?, colour: r.get(4)?, width: r.get(5)? })
}

fn row_from_row(r: &SqlRow) -> rusqlite::Result<Row> {
    Ok(Row { id: r.get(0)?, position: r.get(1)?, kind: r.get(2)?, title: r.get(3)?, colour: r.get(4)?, hidden: r.get(5)? })
}

fn card_from_row(r: &SqlRow) -> rusqlite::Result<Card> {
    Ok(Card {
        id: r.get(0)?,
        phase: r.get(1)?,
        row: r.get(2)?,
        position: r.get(3)?,
        title: r.get(4)?,
        notes: r.get(5)?,
        colour: r.get(6)?,
        channel: r.get(7)?,
        emotion: r.get(8)?,
        votes: r.get(9)?,
        tags: json_col(r, 10)?,
        created_at: r.get(11)?,
        updated_at: r.get(12)?,
    })
}

fn persona_from_row(r: &SqlRow) -> rusqlite::Result<Persona> {
    Ok(Persona {
        id: r.get(0)?,
        position: r.get(1)?,
        name: r.get(2)?,
        role: r.get(3)?,
        quote: r.get(4)?,
        goals: r.get(5)?,
        frustrations: r.get(6)?,
        picture: r.get::<_, Option<Vec<u8>>>(7)?.map(|b| picture::data_url_of(&b)),
    })
}

// --- journeys ---------------------------------------------------------------------------------

pub fn journey(c: &Connection, id: Id) -> Result<Journey> {
    let sql = format!("SELECT {JOURNEY_COLS} FROM journeys WHERE id = ?1");
    c.prepare_cached(&sql)?.query_row([id], journey_from_row).optional()?.ok_or_else(|| Error::NoSuchJourney(id.to_string()))
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
    let sql = format!("INSERT INTO journeys ({JOURNEY_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    c.prepare_cached(&sql)?.execute(params![j.id, j.name, j.description, j.locale, j.created_at, j.updated_at])?;
    Ok(())
}

pub fn update_journey(c: &Connection, j: &Journey) -> Result<()> {
    c.prepare_cached("UPDATE journeys SET name = ?2, description = ?3, locale = ?4, created_at = ?5, updated_at = ?6 WHERE id = ?1")?
        .execute(params![j.id, j.name, j.description, j.locale, j.created_at, j.updated_at])?;
    Ok(())
}

pub fn touch_journey(c: &Connection, id: Id, at: i64) -> Result<()> {
    c.prepare_cached("UPDATE journeys SET updated_at = ?2 WHERE id = ?1")?.execute(params![id, at])?;
    Ok(())
}

// --- phases -----------------------------------------------------------------------------------

pub fn phases(c: &Connection, journey: Id) -> Result<Vec<Phase>> {
    all(c, &format!("SELECT {PHASE_COLS} FROM phases WHERE journey_id = ?1 ORDER BY position"), [journey], phase_from_row)
}

/// Which of `ids` are cards of the journey, in one query (a vote's dots can be hundreds).
pub fn live_cards(c: &Connection, journey: Id, ids: impl Iterator<Item = Id>) -> Result<std::collections::HashSet<Id>> {
    let list = to_json(&ids.collect::<Vec<Id>>());
    // CROSS JOIN keeps the list as the outer loop: one primary-key lookup per id, not a scan of
    // the journey's cards.
    let sql = "SELECT DISTINCT c.id FROM json_each(?2) AS j CROSS JOIN cards AS c ON c.id = j.value WHERE c.journey_id = ?1";
    all(c, sql, params![journey, list], |r| r.get(0))
}

pub fn insert_phase(c: &Connection, journey: Id, p: &Phase) -> Result<()> {
    let sql = format!("INSERT INTO phases (journey_id, {PHASE_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    c.prepare_cached(&sql)?.execute(params![journey, p.id, p.position, p.title, p.question, p.colour, p.width])?;
    Ok(())
}

pub fn update_phase(c: &Connection, p: &Phase) -> Result<()> {
    c.prepare_cached("UPDATE phases SET position = ?2, title = ?3, question = ?4, colour = ?5, width = ?6 WHERE id = ?1")?
        .execute(params![p.id, p.position, p.title, p.question, p.colour, p.width])?;
    Ok(())
}

// --- rows -------------------------------------------------------------------------------------

pub fn rows(c: &Connection, journey: Id) -> Result<Vec<Row>> {
    all(c, &format!("SELECT {ROW_COLS} FROM journey_rows WHERE journey_id = ?1 ORDER BY position"), [journey], row_from_row)
}

pub fn insert_row(c: &Connection, journey: Id, r: &Row) -> Result<()> {
    let sql = format!("INSERT INTO journey_rows (journey_id, {ROW_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    c.prepare_cached(&sql)?.execute(params![journey, r.id, r.position, r.kind, r.title, r.colour, r.hidden])?;
    Ok(())
}

pub fn update_row(c: &Connection, r: &Row) -> Result<()> {
    c.prepare_cached("UPDATE journey_rows SET position = ?2, kind = ?3, title = ?4, colour = ?5, hidden = ?6 WHERE id = ?1")?
        .execute(params![r.id, r.position, r.kind, r.title, r.colour, r.hidden])?;
    Ok(())
}

// --- cards ------------------------------------------------------------------------------------

pub fn card(c: &Connection, journey: Id, id: Id) -> Result<Card> {
    let sql = format!("SELECT {CARD_COLS_ONE} FROM cards WHERE id = ?1 AND journey_id = ?2");
    c.prepare_cached(&sql)?.query_row([id, journey], card_from_row).optional()?.ok_or_else(|| Error::not_found(Record::Card, id))
}

fn cards_where(c: &Connection, condition: &str, id: Id) -> Result<Vec<Card>> {
    all(c, &format!("SELECT {CARD_COLS_MANY} FROM cards WHERE {condition} = ?1"), [id], card_from_row)
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
    c.prepare_cached(
        "INSERT INTO cards (journey_id, id, phase_id, row_id, sort_key, title, notes, colour, channel, emotion, votes, tags,
                            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?
    .execute(params![
        journey,
        k.id,
        k.phase,
        k.row,
        sort_key,
        k.title,
        k.notes,
        k.colour,
        k.channel,
        k.emotion,
        k.votes,
        to_json(&k.tags),
        k.created_at,
        k.updated_at
    ])?;
    Ok(())
}

/// Writes a card's content; where it sits is changed by `set_card_place` only.
pub fn update_card(c: &Connection, k: &Card) -> Result<()> {
    c.prepare_cached(
        "UPDATE cards SET title = ?2, notes = ?3, colour = ?4, channel = ?5, emotion = ?6, votes = ?7, tags = ?8,
                          created_at = ?9, updated_at = ?10
         WHERE id = ?1",
    )?
    .execute(params![
        k.id,
        k.title,
        k.notes,
        k.colour,
        k.channel,
        k.emotion,
        k.votes,
        to_json(&k.tags),
        k.created_at,
        k.updated_at
    ])?;
    Ok(())
}

pub fn set_card_place(c: &Connection, id: Id, phase: Id, row: Id, sort_key: f64) -> Result<()> {
    c.prepare_cached("UPDATE cards SET phase_id = ?2, row_id = ?3, sort_key = ?4 WHERE id = ?1")?
        .execute(params![id, phase, row, sort_key])?;
    Ok(())
}

// --- personas ---------------------------------------------------------------------------------

pub fn personas(c: &Connection, journey: Id) -> Result<Vec<Persona>> {
    all(c, &format!("SELECT {PERSONA_COLS} FROM personas WHERE journey_id = ?1 ORDER BY position"), [journey], persona_from_row)
}

pub fn insert_persona(c: &Connection, journey: Id, p: &Persona) -> Result<()> {
    let sql = format!("INSERT INTO personas (journey_id, {PERSONA_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    c.prepare_cached(&sql)?.execute(params![
        journey,
        p.id,
        p.position,
        p.name,
        p.role,
        p.quote,
        p.goals,
        p.frustrations,
        picture_bytes(p)
    ])?;
    Ok(())
}

pub fn update_persona(c: &Connection, p: &Persona) -> Result<()> {
    c.prepare_cached(
        "UPDATE personas SET position = ?2, name = ?3, role = ?4, quote = ?5, goals = ?6, frustrations = ?7, picture = ?8
         WHERE id = ?1",
    )?
    .execute(params![p.id, p.position, p.name, p.role, p.quote, p.goals, p.frustrations, picture_bytes(p)])?;
    Ok(())
}

/// A persona's picture as stored: the JPEG's bytes (validation has made sure it is one).
fn picture_bytes(p: &Persona) -> Option<Vec<u8>> {
    p.picture.as_deref().and_then(picture::bytes_of)
}

// --- the vote ---------------------------------------------------------------------------------

pub fn vote(c: &Connection, journey: Id) -> Result<Option<Vote>> {
    let mut st = c.prepare_cached("SELECT vote FROM votes WHERE journey_id = ?1")?;
    Ok(st.query_row([journey], |r| json_col(r, 0)).optional()?)
}

pub fn set_vote(c: &Connection, journey: Id, vote: Option<&Vote>) -> Result<()> {
    match vote {
        Some(v) => c
            .prepare_cached("INSERT INTO votes (journey_id, vote) VALUES (?1, ?2) ON CONFLICT (journey_id) DO UPDATE SET vote = ?2")?
            .execute(params![journey, to_json(v)])?,
        None => c.prepare_cached("DELETE FROM votes WHERE journey_id = ?1")?.execute([journey])?,
    };
    Ok(())
}

// --- rounds -----------------------------------------------------------------------------------

pub fn insert_round(c: &Connection, journey: Id, r: &Round) -> Result<()> {
    let sql = format!("INSERT INTO rounds (journey_id, {ROUND_COLS}) VALUES (?1, ?2, ?3, ?4, ?5)");
    c.prepare_cached(&sql)?.execute(params![journey, r.id, r.name, r.created_at, to_json(&r.doc)])?;
    Ok(())
}

const ROUND_COLS: &str = "id, name, created_at, doc";

fn round_from_row(r: &SqlRow) -> rusqlite::Result<Round> {
    Ok(Round { id: r.get(0)?, name: r.get(1)?, created_at: r.get(2)?, doc: json_col(r, 3)? })
}

/// The journey's rounds, oldest first.
pub fn rounds(c: &Connection, journey: Id) -> Result<Vec<Round>> {
    all(c, &format!("SELECT {ROUND_COLS} FROM rounds WHERE journey_id = ?1 ORDER BY created_at, id"), [journey], round_from_row)
}

pub fn round(c: &Connection, journey: Id, id: Id) -> Result<Round> {
    let sql = format!("SELECT {ROUND_COLS} FROM rounds WHERE journey_id = ?1 AND id = ?2");
    c.prepare_cached(&sql)?.query_row([journey, id], round_from_row).optional()?.ok_or_else(|| Error::not_found(Record::Round, id))
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

const NOTE_COLS: &str = "id, text, phase_id, row_id, author, received_at, state, card_id, device";

fn note_from_row(r: &SqlRow) -> rusqlite::Result<Note> {
    Ok(Note {
        id: r.get(0)?,
        text: r.get(1)?,
        phase: r.get(2)?,
        row: r.get(3)?,
        author: r.get(4)?,
        received_at: r.get(5)?,
        state: r.get(6)?,
        card: r.get(7)?,
        device: r.get(8)?,
    })
}

/// The journey's notes in the order they arrived.
pub fn notes(c: &Connection, journey: Id) -> Result<Vec<Note>> {
    all(c, &format!("SELECT {NOTE_COLS} FROM inbox WHERE journey_id = ?1 ORDER BY received_at, id"), [journey], note_from_row)
}

/// A note by its id, in any journey (ids are the phones' and unique across the database).
pub fn note_anywhere(c: &Connection, id: Id) -> Result<Option<(Id, Note)>> {
    let sql = format!("SELECT {NOTE_COLS}, journey_id FROM inbox WHERE id = ?1");
    let mut st = c.prepare_cached(&sql)?;
    Ok(st.query_row([id], |r| Ok((r.get(9)?, note_from_row(r)?))).optional()?)
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

pub fn insert_note(c: &Connection, journey: Id, n: &Note) -> Result<()> {
    let sql = format!("INSERT INTO inbox (journey_id, {NOTE_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
    c.prepare_cached(&sql)?.execute(params![journey, n.id, n.text, n.phase, n.row, n.author, n.received_at, n.state, n.card, n.device,])?;
    Ok(())
}

pub fn update_note(c: &Connection, n: &Note) -> Result<()> {
    c.prepare_cached("UPDATE inbox SET text = ?2, state = ?3, card_id = ?4 WHERE id = ?1")?
        .execute(params![n.id, n.text, n.state, n.card])?;
    Ok(())
}
