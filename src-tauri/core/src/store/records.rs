//! SQL for each record: one `*_from_row` per record, column lists as constants, and the few
//! statements the edits and the loader need. Every function takes a connection that the caller has
//! put inside a transaction.

use rusqlite::{params, Connection, OptionalExtension, Row as SqlRow};

use crate::error::{Error, Result};
use crate::model::{Card, Id, Journey, JourneySummary, Persona, Phase, Row, RowKind};

const JOURNEY_COLS: &str = "id, name, description, locale, created_at, updated_at, settings";
const PHASE_COLS: &str = "id, position, title, question, colour, width";
const ROW_COLS: &str = "id, position, kind, title, colour, hidden";
const CARD_COLS: &str =
    "id, phase_id, row_id, position, title, notes, colour, channel, emotion, votes, tags, created_at, updated_at";
const PERSONA_COLS: &str = "id, position, name, role, quote, goals, frustrations";

fn id_col(r: &SqlRow, i: usize) -> rusqlite::Result<Id> {
    let s: String = r.get(i)?;
    Id::parse_str(&s).map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn json_col<T: serde::de::DeserializeOwned>(r: &SqlRow, i: usize) -> rusqlite::Result<T> {
    let s: String = r.get(i)?;
    serde_json::from_str(&s).map_err(|e| rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
}

fn to_json<T: serde::Serialize>(v: &T) -> String {
    // Serialising plain data (strings, a JSON value) cannot fail.
    serde_json::to_string(v).unwrap_or_else(|_| "null".into())
}

fn journey_from_row(r: &SqlRow) -> rusqlite::Result<Journey> {
    Ok(Journey {
        id: id_col(r, 0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        locale: r.get(3)?,
        created_at: r.get(4)?,
        updated_at: r.get(5)?,
        settings: json_col(r, 6)?,
    })
}

fn phase_from_row(r: &SqlRow) -> rusqlite::Result<Phase> {
    Ok(Phase {
        id: id_col(r, 0)?,
        position: r.get(1)?,
        title: r.get(2)?,
        question: r.get(3)?,
        colour: r.get(4)?,
        width: r.get(5)?,
    })
}

fn row_from_row(r: &SqlRow) -> rusqlite::Result<Row> {
    let kind: String = r.get(2)?;
    Ok(Row {
        id: id_col(r, 0)?,
        position: r.get(1)?,
        kind: RowKind::parse(&kind).unwrap_or(RowKind::Cards),
        title: r.get(3)?,
        colour: r.get(4)?,
        hidden: r.get(5)?,
    })
}

fn card_from_row(r: &SqlRow) -> rusqlite::Result<Card> {
    Ok(Card {
        id: id_col(r, 0)?,
        phase: id_col(r, 1)?,
        row: id_col(r, 2)?,
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
        id: id_col(r, 0)?,
        position: r.get(1)?,
        name: r.get(2)?,
        role: r.get(3)?,
        quote: r.get(4)?,
        goals: r.get(5)?,
        frustrations: r.get(6)?,
    })
}

// --- journeys ---------------------------------------------------------------------------------

pub fn journey(c: &Connection, id: Id) -> Result<Option<Journey>> {
    let sql = format!("SELECT {JOURNEY_COLS} FROM journeys WHERE id = ?1");
    Ok(c.prepare_cached(&sql)?.query_row([id.to_string()], journey_from_row).optional()?)
}

pub fn journey_ids_named(c: &Connection, name: &str) -> Result<Vec<Id>> {
    let mut st = c.prepare_cached("SELECT id FROM journeys WHERE name = ?1")?;
    let ids = st.query_map([name], |r| id_col(r, 0))?.collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

pub fn summaries(c: &Connection) -> Result<Vec<JourneySummary>> {
    let mut st = c.prepare_cached(
        "SELECT j.id, j.name, j.locale, j.updated_at,
                (SELECT count(*) FROM phases p WHERE p.journey_id = j.id),
                (SELECT count(*) FROM cards k WHERE k.journey_id = j.id)
         FROM journeys j ORDER BY j.updated_at DESC, j.name",
    )?;
    let list = st
        .query_map([], |r| {
            Ok(JourneySummary {
                id: id_col(r, 0)?,
                name: r.get(1)?,
                locale: r.get(2)?,
                updated_at: r.get(3)?,
                phases: r.get(4)?,
                cards: r.get(5)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(list)
}

pub fn insert_journey(c: &Connection, j: &Journey) -> Result<()> {
    let sql = format!("INSERT INTO journeys ({JOURNEY_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    c.prepare_cached(&sql)?.execute(params![
        j.id.to_string(),
        j.name,
        j.description,
        j.locale,
        j.created_at,
        j.updated_at,
        to_json(&j.settings)
    ])?;
    Ok(())
}

pub fn update_journey(c: &Connection, j: &Journey) -> Result<()> {
    c.prepare_cached(
        "UPDATE journeys SET name = ?2, description = ?3, locale = ?4, created_at = ?5, updated_at = ?6, settings = ?7
         WHERE id = ?1",
    )?
    .execute(params![j.id.to_string(), j.name, j.description, j.locale, j.created_at, j.updated_at, to_json(&j.settings)])?;
    Ok(())
}

pub fn touch_journey(c: &Connection, id: Id, at: i64) -> Result<()> {
    c.prepare_cached("UPDATE journeys SET updated_at = ?2 WHERE id = ?1")?.execute(params![id.to_string(), at])?;
    Ok(())
}

pub fn delete_journey(c: &Connection, id: Id) -> Result<bool> {
    Ok(c.prepare_cached("DELETE FROM journeys WHERE id = ?1")?.execute([id.to_string()])? > 0)
}

// --- phases -----------------------------------------------------------------------------------

pub fn phases(c: &Connection, journey: Id) -> Result<Vec<Phase>> {
    let sql = format!("SELECT {PHASE_COLS} FROM phases WHERE journey_id = ?1 ORDER BY position");
    let mut st = c.prepare_cached(&sql)?;
    let v = st.query_map([journey.to_string()], phase_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn insert_phase(c: &Connection, journey: Id, p: &Phase) -> Result<()> {
    let sql = format!("INSERT INTO phases (journey_id, {PHASE_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    c.prepare_cached(&sql)?.execute(params![
        journey.to_string(),
        p.id.to_string(),
        p.position,
        p.title,
        p.question,
        p.colour,
        p.width
    ])?;
    Ok(())
}

pub fn update_phase(c: &Connection, p: &Phase) -> Result<()> {
    c.prepare_cached("UPDATE phases SET position = ?2, title = ?3, question = ?4, colour = ?5, width = ?6 WHERE id = ?1")?
        .execute(params![p.id.to_string(), p.position, p.title, p.question, p.colour, p.width])?;
    Ok(())
}

pub fn delete_phase(c: &Connection, id: Id) -> Result<()> {
    c.prepare_cached("DELETE FROM phases WHERE id = ?1")?.execute([id.to_string()])?;
    Ok(())
}

// --- rows -------------------------------------------------------------------------------------

pub fn rows(c: &Connection, journey: Id) -> Result<Vec<Row>> {
    let sql = format!("SELECT {ROW_COLS} FROM journey_rows WHERE journey_id = ?1 ORDER BY position");
    let mut st = c.prepare_cached(&sql)?;
    let v = st.query_map([journey.to_string()], row_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn insert_row(c: &Connection, journey: Id, r: &Row) -> Result<()> {
    let sql = format!("INSERT INTO journey_rows (journey_id, {ROW_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    c.prepare_cached(&sql)?.execute(params![
        journey.to_string(),
        r.id.to_string(),
        r.position,
        r.kind.as_str(),
        r.title,
        r.colour,
        r.hidden
    ])?;
    Ok(())
}

pub fn update_row(c: &Connection, r: &Row) -> Result<()> {
    c.prepare_cached("UPDATE journey_rows SET position = ?2, kind = ?3, title = ?4, colour = ?5, hidden = ?6 WHERE id = ?1")?
        .execute(params![r.id.to_string(), r.position, r.kind.as_str(), r.title, r.colour, r.hidden])?;
    Ok(())
}

pub fn delete_row(c: &Connection, id: Id) -> Result<()> {
    c.prepare_cached("DELETE FROM journey_rows WHERE id = ?1")?.execute([id.to_string()])?;
    Ok(())
}

// --- cards ------------------------------------------------------------------------------------

pub fn card(c: &Connection, journey: Id, id: Id) -> Result<Card> {
    let sql = format!("SELECT {CARD_COLS} FROM cards WHERE id = ?1 AND journey_id = ?2");
    c.prepare_cached(&sql)?
        .query_row([id.to_string(), journey.to_string()], card_from_row)
        .optional()?
        .ok_or_else(|| Error::not_found("card", id))
}

pub fn cards(c: &Connection, journey: Id) -> Result<Vec<Card>> {
    let sql = format!("SELECT {CARD_COLS} FROM cards WHERE journey_id = ?1");
    let mut st = c.prepare_cached(&sql)?;
    let v = st.query_map([journey.to_string()], card_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn cards_in_cell(c: &Connection, phase: Id, row: Id) -> Result<Vec<Card>> {
    let sql = format!("SELECT {CARD_COLS} FROM cards WHERE phase_id = ?1 AND row_id = ?2 ORDER BY position");
    let mut st = c.prepare_cached(&sql)?;
    let v = st.query_map([phase.to_string(), row.to_string()], card_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn cards_in_phase(c: &Connection, phase: Id) -> Result<Vec<Card>> {
    let sql = format!("SELECT {CARD_COLS} FROM cards WHERE phase_id = ?1");
    let mut st = c.prepare_cached(&sql)?;
    let v = st.query_map([phase.to_string()], card_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn cards_in_row(c: &Connection, row: Id) -> Result<Vec<Card>> {
    let sql = format!("SELECT {CARD_COLS} FROM cards WHERE row_id = ?1");
    let mut st = c.prepare_cached(&sql)?;
    let v = st.query_map([row.to_string()], card_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn cell_len(c: &Connection, phase: Id, row: Id) -> Result<u32> {
    Ok(c.prepare_cached("SELECT count(*) FROM cards WHERE phase_id = ?1 AND row_id = ?2")?
        .query_row([phase.to_string(), row.to_string()], |r| r.get(0))?)
}

/// Moves every card at `from` or later in a cell by `delta` (+1 opens a gap, −1 closes one).
pub fn shift_cell(c: &Connection, phase: Id, row: Id, from: u32, delta: i32) -> Result<()> {
    c.prepare_cached("UPDATE cards SET position = position + ?4 WHERE phase_id = ?1 AND row_id = ?2 AND position >= ?3")?
        .execute(params![phase.to_string(), row.to_string(), from, delta])?;
    Ok(())
}

pub fn insert_card(c: &Connection, journey: Id, k: &Card) -> Result<()> {
    let sql = format!(
        "INSERT INTO cards (journey_id, {CARD_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"
    );
    c.prepare_cached(&sql)?.execute(params![
        journey.to_string(),
        k.id.to_string(),
        k.phase.to_string(),
        k.row.to_string(),
        k.position,
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

pub fn update_card(c: &Connection, k: &Card) -> Result<()> {
    c.prepare_cached(
        "UPDATE cards SET phase_id = ?2, row_id = ?3, position = ?4, title = ?5, notes = ?6, colour = ?7, channel = ?8,
                          emotion = ?9, votes = ?10, tags = ?11, created_at = ?12, updated_at = ?13
         WHERE id = ?1",
    )?
    .execute(params![
        k.id.to_string(),
        k.phase.to_string(),
        k.row.to_string(),
        k.position,
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

pub fn set_card_place(c: &Connection, id: Id, phase: Id, row: Id, position: u32) -> Result<()> {
    c.prepare_cached("UPDATE cards SET phase_id = ?2, row_id = ?3, position = ?4 WHERE id = ?1")?
        .execute(params![id.to_string(), phase.to_string(), row.to_string(), position])?;
    Ok(())
}

pub fn delete_card(c: &Connection, id: Id) -> Result<()> {
    c.prepare_cached("DELETE FROM cards WHERE id = ?1")?.execute([id.to_string()])?;
    Ok(())
}

// --- personas ---------------------------------------------------------------------------------

pub fn personas(c: &Connection, journey: Id) -> Result<Vec<Persona>> {
    let sql = format!("SELECT {PERSONA_COLS} FROM personas WHERE journey_id = ?1 ORDER BY position");
    let mut st = c.prepare_cached(&sql)?;
    let v = st.query_map([journey.to_string()], persona_from_row)?.collect::<rusqlite::Result<_>>()?;
    Ok(v)
}

pub fn insert_persona(c: &Connection, journey: Id, p: &Persona) -> Result<()> {
    let sql = format!("INSERT INTO personas (journey_id, {PERSONA_COLS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
    c.prepare_cached(&sql)?.execute(params![
        journey.to_string(),
        p.id.to_string(),
        p.position,
        p.name,
        p.role,
        p.quote,
        p.goals,
        p.frustrations
    ])?;
    Ok(())
}

pub fn update_persona(c: &Connection, p: &Persona) -> Result<()> {
    c.prepare_cached(
        "UPDATE personas SET position = ?2, name = ?3, role = ?4, quote = ?5, goals = ?6, frustrations = ?7 WHERE id = ?1",
    )?
    .execute(params![p.id.to_string(), p.position, p.name, p.role, p.quote, p.goals, p.frustrations])?;
    Ok(())
}

pub fn delete_persona(c: &Connection, id: Id) -> Result<()> {
    c.prepare_cached("DELETE FROM personas WHERE id = ?1")?.execute([id.to_string()])?;
    Ok(())
}
