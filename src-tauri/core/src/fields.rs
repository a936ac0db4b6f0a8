//! The values records are made of (ids, times) and the checks every text, colour and number of
//! a record passes, with the message a person sees when one fails.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::said;
use crate::said::{Field, Said};

/// A record's id: a UUID (version 7 when we make it), as text on the wire and in the database.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(transparent)]
pub struct Id(Uuid);

impl Id {
    /// The id that is no record's (all zeros).
    pub const fn nil() -> Id {
        Id(Uuid::nil())
    }

    /// An id made of a number: for tests that compare journeys without their ids.
    #[cfg(test)]
    pub const fn from_u128(n: u128) -> Id {
        Id(Uuid::from_u128(n))
    }
}

impl std::fmt::Display for Id {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::str::FromStr for Id {
    type Err = uuid::Error;
    fn from_str(s: &str) -> std::result::Result<Id, uuid::Error> {
        Uuid::parse_str(s).map(Id)
    }
}

impl ToSql for Id {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.0.hyphenated().to_string()))
    }
}

impl FromSql for Id {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Id> {
        value.as_str()?.parse().map_err(|e| FromSqlError::Other(Box::new(e)))
    }
}

/// Milliseconds since the Unix epoch, UTC.
pub type Millis = i64;

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_NOTES_CHARS: usize = 20_000;
pub const MAX_TAGS: usize = 50;

/// The limits a person can run into while typing, as the UI gets them (the generated bindings'
/// `LIMITS`): its fields stop where the core would refuse, counting characters as the core does.
#[derive(Debug, Clone, Copy, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Limits {
    /// Titles and names: a card's title, a phase's, a persona's name, a round's, a participant's,
    /// a phone's note; a card's channel and a persona's role.
    pub title_chars: usize,
    /// Longer texts: a card's notes, a phase's question, a journey's description, persona texts.
    pub notes_chars: usize,
    pub tags: usize,
}

pub const LIMITS: Limits = Limits { title_chars: MAX_TITLE_CHARS, notes_chars: MAX_NOTES_CHARS, tags: MAX_TAGS };
pub const EMOTION_RANGE: std::ops::RangeInclusive<i8> = -2..=2;

pub fn new_id() -> Id {
    Id(Uuid::now_v7())
}

pub fn now_millis() -> Millis {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_millis() as Millis).unwrap_or(0)
}

// --- validation -------------------------------------------------------------------------------

/// Text typed by people: any Unicode (emoji, right-to-left scripts, markup) is kept exactly, but
/// control characters other than newline and tab are refused, since they are invisible, break
/// printing and are almost always the residue of a bad paste.
pub fn check_text(field: Field, value: &str, max_chars: usize) -> Result<()> {
    if let Some(c) = value.chars().find(|c| c.is_control() && *c != '\n' && *c != '\t') {
        return Err(Error::invalid(
            field,
            said!(
                "contains the control character U+{code:04X}; remove it and try again",
                "bevat het stuurteken U+{code:04X}; haal het weg en probeer het opnieuw",
                code = c as u32
            ),
        ));
    }
    let n = value.chars().count();
    ensure(n <= max_chars, field, || {
        said!("is {n} characters long; the limit is {max_chars}", "is {n} tekens lang; de grens is {max_chars}")
    })
}

/// Nothing when `ok`; else `field` refused for `reason`, which is only written then.
pub(crate) fn ensure(ok: bool, field: Field, reason: impl FnOnce() -> Said) -> Result<()> {
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(field, reason()))
    }
}

pub fn check_title(field: Field, value: &str) -> Result<()> {
    ensure(!value.trim().is_empty(), field, || said!("must not be empty", "mag niet leeg zijn"))?;
    check_text(field, value, MAX_TITLE_CHARS)
}

pub fn check_colour(field: Field, value: &str) -> Result<()> {
    let b = value.as_bytes();
    let ok = b.len() == 7 && b[0] == b'#' && b[1..].iter().all(u8::is_ascii_hexdigit);
    ensure(ok, field, || said!("'{value}' is not a colour like #1f77b4", "'{value}' is geen kleur zoals #1f77b4"))
}

pub fn check_emotion(field: Field, value: i8) -> Result<()> {
    ensure(EMOTION_RANGE.contains(&value), field, || said!("{value} is outside the scale −2..+2", "{value} valt buiten de schaal −2..+2"))
}

pub const WIDTH_RANGE: std::ops::RangeInclusive<u32> = 25..=800;

pub fn check_width(field: Field, value: u32) -> Result<()> {
    ensure(WIDTH_RANGE.contains(&value), field, || {
        said!("{value}% is outside 25–800% (100% is the standard width)", "{value}% valt buiten 25–800% (100% is de standaardbreedte)")
    })
}

pub fn check_tags(field: Field, tags: &[String]) -> Result<()> {
    ensure(tags.len() <= MAX_TAGS, field, || {
        said!("has {n} tags; the limit is {MAX_TAGS}", "heeft {n} labels; de grens is {MAX_TAGS}", n = tags.len())
    })?;
    tags.iter().try_for_each(|t| check_title(field, t))
}
