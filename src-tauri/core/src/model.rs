//! The records a journey is made of, and the rules every one of them obeys.
//!
//! A journey is a grid: phases are the columns in customer time order, rows the kinds of
//! information, cards sit in a cell (phase × row) in order. Positions are always contiguous from 0,
//! per journey for phases, rows and personas, and per cell for cards.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fields::ensure;
use crate::kinds::{Colour, Emotion, Line, Tags, Text, Title, Votes, Width};
use crate::named::named;
use crate::picture;
use crate::said;
use crate::said::Field::{self, Named};
use crate::said::{Lang, Record};
use crate::schema::{record, Json};

// The values records are made of and the checks on them live in `fields`, which the record
// types of other modules (votes) use too without depending on this one.
pub use crate::fields::{
    check_colour, check_emotion, check_tags, check_text, check_title, check_width, new_id, now_millis, Id, Millis, EMOTION_RANGE,
    MAX_NOTES_CHARS, MAX_TAGS, MAX_TITLE_CHARS, WIDTH_RANGE,
};

// Each record's fields are declared once (`record!`, see `schema`): what each holds (its kind,
// and so its check), its name in messages, and whether a spreadsheet has a column for it. The
// struct, its patch, what adding one takes, its columns in the database and in a spreadsheet
// follow. A new field is a line here and a migration.

record! {
    pub struct Journey in Journeys {
        key {
            id: Id,
        }
        fields patch JourneyPatch {
            name: String => Title[Field::JourneyName],
            #[serde(default)]
            description: String => Text[Named("journey description", "beschrijving van de klantreis")],
            /// The language the journey is written in: of the cards a spreadsheet makes of it and
            /// of its poster's own words.
            #[serde(default)]
            locale: Lang,
        }
        stamps {
            #[serde(default)]
            created_at: Millis,
            #[serde(default)]
            updated_at: Millis,
        }
    }
}

record! {
    pub struct Phase in Phases {
        key {
            id: Id,
            position: u32,
        }
        fields content PhaseContent, patch PhasePatch {
            title: String => Title[Named("phase title", "naam van de fase")] in table 30.0: "title", "titel",
            /// The guiding question of the phase ("What does the visitor need to know?").
            #[serde(default)]
            question: String => Text[Named("phase question", "leidende vraag van de fase")] in table 80.0: "question", "vraag",
            #[serde(default = "default_phase_colour")]
            colour: String => Colour[Named("phase colour", "kleur van de fase")],
            /// Column width in percent of the standard width (100).
            #[serde(default = "default_width")]
            width: u32 => Width[Named("phase width", "breedte van de fase")],
        }
    }
}

named! {
    #[derive(Default)]
    pub enum RowKind {
        #[default]
        Cards = "cards",
        /// Cards carry a score from −2 to +2 and the row draws a curve through them.
        Emotion = "emotion",
    }
}

record! {
    pub struct Row in Rows {
        key {
            id: Id,
            position: u32,
        }
        fields content RowContent, patch RowPatch {
            #[serde(default)]
            kind: RowKind,
            title: String => Title[Named("row title", "naam van de rij")],
            #[serde(default = "default_row_colour")]
            colour: String => Colour[Named("row colour", "kleur van de rij")],
            #[serde(default)]
            hidden: bool,
        }
    }
}

record! {
    /// A card: what a sticky note on the wall says, in one cell (phase × row), in order. Its
    /// fields are listed in the order of the spreadsheet's columns.
    pub struct Card in Cards {
        key {
            id: Id,
            phase: Id,
            row: Id,
            position: u32,
        }
        fields content CardContent: Default, patch CardPatch {
            title: String => Title[Named("card title", "kaarttitel")] in table 40.0: "title", "titel", "card", "kaart",
            #[serde(default)]
            notes: String => Text[Named("card notes", "notities van de kaart")] in table 60.0: "notes", "notities", "note", "notitie",
            #[serde(default)]
            channel: Option<String> => Line[Named("card channel", "kanaal van de kaart")] in table 18.0: "channel", "kanaal", "touchpoint",
            /// −2..+2, or None when the card carries no emotion.
            #[serde(default)]
            emotion: Option<i8> => Emotion[Named("card emotion", "emotie van de kaart")] in table 10.0: "emotion", "emotie",
            #[serde(default)]
            tags: Vec<String> as Json => Tags[Named("card tags", "labels van de kaart")] in table 18.0: "tags", "labels", "tag", "label",
            /// None: the card takes its phase's colour.
            #[serde(default)]
            colour: Option<String> => Colour[Named("card colour", "kleur van de kaart")] in table 10.0: "colour", "kleur", "color",
            #[serde(default)]
            votes: u32 => Votes[Named("card votes", "stemmen van de kaart")] in table 10.0: "votes", "stemmen",
            /// Where the card came from: the participant who sent it from a phone, a breakout group.
            #[serde(default)]
            source: String => Line[Named("card source", "bron van de kaart")] in table 20.0: "source", "bron",
        }
        stamps {
            #[serde(default)]
            created_at: Millis,
            #[serde(default)]
            updated_at: Millis,
        }
    }
}

record! {
    pub struct Persona in Personas {
        key {
            id: Id,
            position: u32,
        }
        fields content PersonaContent: Default, patch PersonaPatch {
            name: String => Title[Named("persona name", "naam van de persona")] in table 24.0: "name", "naam",
            #[serde(default)]
            role: String => Line[Named("persona role", "rol van de persona")] in table 24.0: "role", "rol",
            #[serde(default)]
            quote: String => Text[Named("persona quote", "citaat van de persona")] in table 50.0: "quote", "citaat",
            #[serde(default)]
            goals: String => Text[Named("persona goals", "doelen van de persona")] in table 50.0: "goals", "doelen",
            #[serde(default)]
            frustrations: String => Text[Named("persona frustrations", "frustraties van de persona")] in table 50.0: "frustrations", "frustraties",
            /// A small JPEG as a `data:` URL (see `picture.rs`); stored as its bytes.
            #[serde(default, skip_serializing_if = "Option::is_none")]
            picture: Option<String> as picture::Stored => picture::Picture[Named("persona picture", "foto van de persona")],
        }
    }
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

record! {
    /// A round: a named snapshot of a journey, stored and exported with it (compared in `round`).
    pub struct Round in Rounds {
        key {
            id: Id,
        }
        fields patch RoundPatch {
            name: String => Title[Field::RoundName],
            created_at: Millis,
            doc: JourneyDoc as Json,
        }
    }
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
            ensure(n <= max, field, || {
                said!("{n} are more than a journey may have ({max})", "{n} zijn er meer dan een klantreis mag hebben ({max})")
            })?;
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
            ensure(seen.insert(id), Field::Id, || said!("{id} is used twice", "{id} komt twee keer voor"))?;
        }
        check_contiguous(Field::PhasePositions, self.phases.iter().map(|p| p.position))?;
        check_contiguous(Field::RowPositions, self.rows.iter().map(|r| r.position))?;
        check_contiguous(Field::PersonaPositions, self.personas.iter().map(|p| p.position))?;

        let phases: std::collections::HashSet<Id> = self.phases.iter().map(|p| p.id).collect();
        let rows: std::collections::HashSet<Id> = self.rows.iter().map(|r| r.id).collect();
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
        }
        for cards in self.cells().into_values() {
            check_contiguous(Field::CardPositions, cards.iter().map(|c| c.position))?;
        }
        if let Some(vote) = &self.vote {
            let cards: std::collections::HashSet<Id> = self.cards.iter().map(|c| c.id).collect();
            vote.validate(&|c| cards.contains(&c))?;
        }
        for round in &self.rounds {
            round.validate()?;
            round.doc.validate()?;
        }
        let (n, max) = (self.inbox.len(), crate::inbox::MAX_NOTES);
        ensure(n <= max, Field::Inbox, || said!("holds {n} notes; the limit is {max}", "bevat {n} notities; de grens is {max}"))?;
        let mut notes = std::collections::HashSet::new();
        for note in &self.inbox {
            note.validate()?;
            ensure(notes.insert(note.id), Field::NoteId, || said!("{id} is used twice", "{id} komt twee keer voor", id = note.id))?;
        }
        Ok(())
    }

    /// The cards of each cell (phase, row), in their order.
    pub fn cells(&self) -> HashMap<(Id, Id), Vec<&Card>> {
        let mut cells: HashMap<(Id, Id), Vec<&Card>> = HashMap::new();
        for c in &self.cards {
            cells.entry((c.phase, c.row)).or_default().push(c);
        }
        for list in cells.values_mut() {
            list.sort_by_key(|c| c.position);
        }
        cells
    }

    /// Cards in display order: by phase, then row, then position in the cell.
    pub fn sort(&mut self) {
        let phase_pos: HashMap<Id, u32> = self.phases.iter().map(|p| (p.id, p.position)).collect();
        let row_pos: HashMap<Id, u32> = self.rows.iter().map(|r| (r.id, r.position)).collect();
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

    const TITLE: Field = Named("card title", "kaarttitel");
    const COLOUR: Field = Named("card colour", "kleur van de kaart");
    const EMOTION: Field = Named("card emotion", "emotie van de kaart");

    #[test]
    fn text_keeps_emoji_rtl_and_markup_but_refuses_control_characters() {
        assert!(check_title(TITLE, "Bestelling 📦 بحث <script>alert(1)</script>").is_ok());
        assert!(check_text(Field::Name, "line one\nline\ttwo", 100).is_ok());
        let err = check_title(TITLE, "bell\u{7}").unwrap_err().to_string();
        assert!(err.contains("card title") && err.contains("U+0007"), "{err}");
    }

    #[test]
    fn title_limits_count_characters_not_bytes() {
        assert!(check_title(TITLE, &"é".repeat(200)).is_ok());
        assert!(check_title(TITLE, &"é".repeat(201)).is_err());
        assert!(check_title(TITLE, "   ").is_err());
    }

    #[test]
    fn colours_must_be_hash_rrggbb() {
        assert!(check_colour(COLOUR, "#1f77B4").is_ok());
        for bad in ["1f77b4", "#1f77b", "#1f77b4ff", "#gggggg", "red"] {
            assert!(check_colour(COLOUR, bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emotions_stay_on_the_scale() {
        assert!(check_emotion(EMOTION, -2).is_ok() && check_emotion(EMOTION, 2).is_ok());
        assert!(check_emotion(EMOTION, 3).is_err() && check_emotion(EMOTION, -3).is_err());
    }
}
