//! The records a journey is made of, and the rules every one of them obeys.
//!
//! A journey is a grid: phases are the columns in customer time order, rows the kinds of
//! information, cards sit in a cell (phase × row) in order. Positions are always contiguous from 0,
//! per journey for phases, rows and personas, and per cell for cards.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::named::named;
use crate::said;
use crate::said::{Field, Lang, Record};

// The values records are made of and the checks on them live in `fields`, which the record
// types of other modules (votes) use too without depending on this one.
pub use crate::fields::{
    check_colour, check_emotion, check_tags, check_text, check_title, check_width, new_id, now_millis, Id, Millis, EMOTION_RANGE,
    MAX_NOTES_CHARS, MAX_TAGS, MAX_TITLE_CHARS, WIDTH_RANGE,
};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Journey {
    pub id: Id,
    pub name: String,
    #[serde(default)]
    pub description: String,
    /// The language the journey is written in: of the cards a spreadsheet makes of it and of its
    /// poster's own words.
    #[serde(default)]
    pub locale: Lang,
    #[serde(default)]
    pub created_at: Millis,
    #[serde(default)]
    pub updated_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Phase {
    pub id: Id,
    pub position: u32,
    pub title: String,
    /// The guiding question of the phase ("What does the visitor need to know?").
    #[serde(default)]
    pub question: String,
    #[serde(default = "default_phase_colour")]
    pub colour: String,
    /// Column width in percent of the standard width (100).
    #[serde(default = "default_width")]
    pub width: u32,
}

named! {
    pub enum RowKind {
        Cards = "cards",
        /// Cards carry a score from −2 to +2 and the row draws a curve through them.
        Emotion = "emotion",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    pub id: Id,
    pub position: u32,
    pub kind: RowKind,
    pub title: String,
    #[serde(default = "default_row_colour")]
    pub colour: String,
    #[serde(default)]
    pub hidden: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    pub id: Id,
    pub phase: Id,
    pub row: Id,
    pub position: u32,
    pub title: String,
    #[serde(default)]
    pub notes: String,
    /// None: the card takes its phase's colour.
    #[serde(default)]
    pub colour: Option<String>,
    #[serde(default)]
    pub channel: Option<String>,
    /// −2..+2, or None when the card carries no emotion.
    #[serde(default)]
    pub emotion: Option<i8>,
    #[serde(default)]
    pub votes: u32,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub created_at: Millis,
    #[serde(default)]
    pub updated_at: Millis,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Persona {
    pub id: Id,
    pub position: u32,
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub goals: String,
    #[serde(default)]
    pub frustrations: String,
    /// A small JPEG as a `data:` URL (see `picture.rs`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub picture: Option<String>,
}

/// A whole journey as the editor loads it and as the interchange file holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct JourneyDoc {
    pub journey: Journey,
    pub phases: Vec<Phase>,
    pub rows: Vec<Row>,
    pub cards: Vec<Card>,
    #[serde(default)]
    pub personas: Vec<Persona>,
    /// The dot vote, when one has been started and not cleared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<crate::vote::Vote>,
    /// The journey's named snapshots. The editor does not load them (see `Store::rounds`); the
    /// interchange file carries them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rounds: Vec<Round>,
    /// Notes participants sent from their phones in a room, waiting, placed or discarded.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inbox: Vec<crate::inbox::Note>,
}

/// A round: a named snapshot of a journey, stored and exported with it (compared in `round`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Round {
    pub id: Id,
    pub name: String,
    pub created_at: Millis,
    pub doc: JourneyDoc,
}

/// One line of the journey list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct JourneySummary {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub locale: Lang,
    pub phases: u32,
    pub cards: u32,
    pub updated_at: Millis,
}

pub fn default_phase_colour() -> String {
    "#e8eef7".into()
}
pub fn default_row_colour() -> String {
    "#f4f5f7".into()
}
pub fn default_width() -> u32 {
    100
}

impl Journey {
    pub fn validate(&self) -> Result<()> {
        check_title(Field::JourneyName, &self.name)?;
        check_text(Field::JourneyDescription, &self.description, MAX_NOTES_CHARS)
    }
}

impl Phase {
    pub fn validate(&self) -> Result<()> {
        check_title(Field::PhaseTitle, &self.title)?;
        check_text(Field::PhaseQuestion, &self.question, MAX_NOTES_CHARS)?;
        check_colour(Field::PhaseColour, &self.colour)?;
        check_width(Field::PhaseWidth, self.width)
    }
}

impl Row {
    pub fn validate(&self) -> Result<()> {
        check_title(Field::RowTitle, &self.title)?;
        check_colour(Field::RowColour, &self.colour)
    }
}

impl Card {
    pub fn validate(&self) -> Result<()> {
        check_title(Field::CardTitle, &self.title)?;
        check_text(Field::CardNotes, &self.notes, MAX_NOTES_CHARS)?;
        if let Some(c) = &self.colour {
            check_colour(Field::CardColour, c)?;
        }
        if let Some(c) = &self.channel {
            check_text(Field::CardChannel, c, MAX_TITLE_CHARS)?;
        }
        if let Some(e) = self.emotion {
            check_emotion(Field::CardEmotion, e)?;
        }
        check_tags(Field::CardTags, &self.tags)
    }
}

impl Persona {
    pub fn validate(&self) -> Result<()> {
        check_title(Field::PersonaName, &self.name)?;
        check_text(Field::PersonaRole, &self.role, MAX_TITLE_CHARS)?;
        check_text(Field::PersonaQuote, &self.quote, MAX_NOTES_CHARS)?;
        check_text(Field::PersonaGoals, &self.goals, MAX_NOTES_CHARS)?;
        check_text(Field::PersonaFrustrations, &self.frustrations, MAX_NOTES_CHARS)?;
        self.picture.as_deref().map_or(Ok(()), |p| crate::picture::check(Field::PersonaPicture, p))
    }
}

/// The most phases, rows and cards one journey holds (far beyond any wall).
pub const MAX_PHASES: usize = 200;
pub const MAX_ROWS: usize = 100;
pub const MAX_CARDS: usize = 50_000;

impl JourneyDoc {
    /// Checks every record and the structure: unique ids, cards in existing phases and rows, and
    /// positions contiguous from 0 (per list, and per cell for cards).
    pub fn validate(&self) -> Result<()> {
        self.journey.validate()?;
        for (field, n, max) in [
            (Field::Phases, self.phases.len(), MAX_PHASES),
            (Field::Rows, self.rows.len(), MAX_ROWS),
            (Field::Cards, self.cards.len(), MAX_CARDS),
        ] {
            if n > max {
                return Err(Error::invalid(
                    field,
                    said!("{n} are more than a journey may have ({max})", "{n} zijn er meer dan een klantreis mag hebben ({max})"),
                ));
            }
        }
        self.phases.iter().try_for_each(Phase::validate)?;
        self.rows.iter().try_for_each(Row::validate)?;
        self.cards.iter().try_for_each(Card::validate)?;
        self.personas.iter().try_for_each(Persona::validate)?;

        let mut seen = std::collections::HashSet::new();
        let ids = self
            .phases
            .iter()
            .map(|p| p.id)
            .chain(self.rows.iter().map(|r| r.id))
            .chain(self.cards.iter().map(|c| c.id))
            .chain(self.personas.iter().map(|p| p.id));
        for id in ids {
            if !seen.insert(id) {
                return Err(Error::invalid(Field::Id, said!("{id} is used twice", "{id} komt twee keer voor")));
            }
        }
        check_contiguous(Field::PhasePositions, self.phases.iter().map(|p| p.position))?;
        check_contiguous(Field::RowPositions, self.rows.iter().map(|r| r.position))?;
        check_contiguous(Field::PersonaPositions, self.personas.iter().map(|p| p.position))?;

        let phases: std::collections::HashSet<Id> = self.phases.iter().map(|p| p.id).collect();
        let rows: std::collections::HashSet<Id> = self.rows.iter().map(|r| r.id).collect();
        let mut cells: std::collections::HashMap<(Id, Id), Vec<u32>> = Default::default();
        for c in &self.cards {
            for (field, known, id, record) in
                [(Field::CardPhase, &phases, c.phase, Record::Phase), (Field::CardRow, &rows, c.row, Record::Row)]
            {
                if !known.contains(&id) {
                    let (title, what, what_nl) = (&c.title, record.name(Lang::En), record.name(Lang::Nl));
                    let said = said!("card '{title}' is in unknown {what} {id}", "kaart '{title}' staat in een onbekende {what_nl} {id}");
                    return Err(Error::invalid(field, said));
                }
            }
            cells.entry((c.phase, c.row)).or_default().push(c.position);
        }
        for positions in cells.into_values() {
            check_contiguous(Field::CardPositions, positions.into_iter())?;
        }
        if let Some(vote) = &self.vote {
            let cards: std::collections::HashSet<Id> = self.cards.iter().map(|c| c.id).collect();
            vote.validate(&|c| cards.contains(&c))?;
        }
        for round in &self.rounds {
            check_title(Field::RoundName, &round.name)?;
            round.doc.validate()?;
        }
        if self.inbox.len() > crate::inbox::MAX_NOTES {
            let (n, max) = (self.inbox.len(), crate::inbox::MAX_NOTES);
            return Err(Error::invalid(
                Field::Inbox,
                said!("holds {n} notes; the limit is {max}", "bevat {n} notities; de grens is {max}"),
            ));
        }
        let mut notes = std::collections::HashSet::new();
        for note in &self.inbox {
            note.validate()?;
            if !notes.insert(note.id) {
                let id = note.id;
                return Err(Error::invalid(Field::NoteId, said!("{id} is used twice", "{id} komt twee keer voor")));
            }
        }
        Ok(())
    }

    /// Cards in display order: by phase, then row, then position in the cell.
    pub fn sort(&mut self) {
        let phase_pos: std::collections::HashMap<Id, u32> = self.phases.iter().map(|p| (p.id, p.position)).collect();
        let row_pos: std::collections::HashMap<Id, u32> = self.rows.iter().map(|r| (r.id, r.position)).collect();
        self.phases.sort_by_key(|p| p.position);
        self.rows.sort_by_key(|r| r.position);
        self.personas.sort_by_key(|p| p.position);
        self.cards.sort_by_key(|c| (phase_pos.get(&c.phase).copied(), row_pos.get(&c.row).copied(), c.position));
    }
}

fn check_contiguous(field: Field, positions: impl Iterator<Item = u32>) -> Result<()> {
    let mut v: Vec<u32> = positions.collect();
    v.sort_unstable();
    match v.iter().enumerate().find(|(i, p)| **p != *i as u32) {
        None => Ok(()),
        Some((i, p)) => Err(Error::invalid(
            field,
            said!(
                "expected position {i}, found {p}; positions run 0, 1, 2 … without gaps",
                "positie {i} verwacht, {p} gevonden; posities lopen 0, 1, 2 … zonder gaten"
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keeps_emoji_rtl_and_markup_but_refuses_control_characters() {
        assert!(check_title(Field::CardTitle, "Bestelling 📦 بحث <script>alert(1)</script>").is_ok());
        assert!(check_text(Field::Notes, "line one\nline\ttwo", 100).is_ok());
        let err = check_title(Field::CardTitle, "bell\u{7}").unwrap_err().to_string();
        assert!(err.contains("card title") && err.contains("U+0007"), "{err}");
    }

    #[test]
    fn title_limits_count_characters_not_bytes() {
        assert!(check_title(Field::CardTitle, &"é".repeat(200)).is_ok());
        assert!(check_title(Field::CardTitle, &"é".repeat(201)).is_err());
        assert!(check_title(Field::CardTitle, "   ").is_err());
    }

    #[test]
    fn colours_must_be_hash_rrggbb() {
        assert!(check_colour(Field::CardColour, "#1f77B4").is_ok());
        for bad in ["1f77b4", "#1f77b", "#1f77b4ff", "#gggggg", "red"] {
            assert!(check_colour(Field::CardColour, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emotions_stay_on_the_scale() {
        assert!(check_emotion(Field::CardEmotion, -2).is_ok() && check_emotion(Field::CardEmotion, 2).is_ok());
        assert!(check_emotion(Field::CardEmotion, 3).is_err() && check_emotion(Field::CardEmotion, -3).is_err());
    }
}
