//! What kind of value a record's field holds: the check it passes (`Kind`), and how it stands in
//! a cell of a table, the spreadsheet export and import (`InCell`). A record's declaration
//! (`record!`, in `model`) names the kind of each field, so its checks and its table follow.

use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::fields::{check_colour, check_emotion, check_tags, check_text, check_title, check_width, EMOTION_RANGE};
use crate::fields::{MAX_NOTES_CHARS, MAX_TITLE_CHARS};
use crate::said;
use crate::said::{Field, Said};

/// The check a value of type `T` of this kind passes.
pub trait Kind<T> {
    fn check(field: Field, value: &T) -> Result<()>;
}

/// How a value of type `T` of this kind is written to a table's cell and read from one.
pub trait InCell<T> {
    fn cell(value: &T) -> Cell<'_>;
    /// The value a cell's text (without white space around it) stands for, or why it stands for none.
    fn read(text: &str) -> std::result::Result<T, Said>;
}

/// One value of a table: text, a whole number, or nothing.
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    Whole(i64),
    Empty,
}

/// A column of a record's table: the names a header may use (English first, then Dutch, then
/// other words for it), its width in a workbook (in characters), and how the field it holds is
/// written to a cell and set from one.
pub struct Column<R: 'static> {
    pub names: &'static [&'static str],
    pub width: f64,
    pub cell: fn(&R) -> Cell<'_>,
    /// Sets the field from a cell's text, or says why the text is not a value it may hold.
    pub read: fn(&mut R, &str) -> std::result::Result<(), Said>,
}

/// Why a value was refused, without the field's name (a table's column says where).
pub fn reason(e: Error) -> Said {
    match e {
        Error::Invalid { reason, .. } => reason,
        other => other.said(),
    }
}

/// A title: 1–200 characters, not blank.
pub struct Title;
/// A text of up to 20,000 characters (notes, a question, a description).
pub struct Text;
/// A line of up to 200 characters, which may be empty (or, as an option, none).
pub struct Line;
/// A colour as `#rrggbb`; in a table, written in lower case.
pub struct Colour;
/// An emotion score from −2 to +2, or none.
pub struct Emotion;
/// A count of votes.
pub struct Votes;
/// Tags, each a title; in a table, listed in one cell.
pub struct Tags;
/// A phase's width in percent of the standard width.
pub struct Width;

/// What separates a card's tags in one cell. A tag is a title, so it may hold a comma; such a
/// tag comes back as two (docs/FILE-FORMAT.md says so).
pub const TAG_SEPARATOR: &str = ", ";

/// Each kind's check of the values it holds.
macro_rules! checks {
    ($($kind:ident($ty:ty): |$field:ident, $value:ident| $check:expr;)*) => {
        $(
            impl Kind<$ty> for $kind {
                fn check($field: Field, $value: &$ty) -> Result<()> {
                    $check
                }
            }
        )*
    };
}

checks! {
    Title(String): |field, value| check_title(field, value);
    Text(String): |field, value| check_text(field, value, MAX_NOTES_CHARS);
    Line(String): |field, value| check_text(field, value, MAX_TITLE_CHARS);
    Colour(String): |field, value| check_colour(field, value);
    Emotion(i8): |field, value| check_emotion(field, *value);
    Votes(u32): |_field, _value| Ok(());
    Tags(Vec<String>): |field, value| check_tags(field, value);
    Width(u32): |field, value| check_width(field, *value);
}

/// A field that may be none is checked when it has a value.
impl<T, K: Kind<T>> Kind<Option<T>> for K {
    fn check(field: Field, value: &Option<T>) -> Result<()> {
        value.as_ref().map_or(Ok(()), |v| K::check(field, v))
    }
}

/// Text as it stands.
fn text_cell(value: &str) -> Cell<'_> {
    Cell::Text(value.into())
}

/// Text, or an empty cell for none; an empty cell reads as none.
fn optional_cell(value: &Option<String>) -> Cell<'_> {
    value.as_deref().map_or(Cell::Empty, text_cell)
}

fn optional_text(text: &str) -> Option<String> {
    Some(text).filter(|t| !t.is_empty()).map(str::to_owned)
}

/// Text stands in a cell as it is, whatever its kind.
impl<K> InCell<String> for K {
    fn cell(value: &String) -> Cell<'_> {
        text_cell(value)
    }
    fn read(text: &str) -> std::result::Result<String, Said> {
        Ok(text.into())
    }
}

impl InCell<Option<String>> for Line {
    fn cell(value: &Option<String>) -> Cell<'_> {
        optional_cell(value)
    }
    fn read(text: &str) -> std::result::Result<Option<String>, Said> {
        Ok(optional_text(text))
    }
}

impl InCell<Option<String>> for Colour {
    fn cell(value: &Option<String>) -> Cell<'_> {
        optional_cell(value)
    }
    fn read(text: &str) -> std::result::Result<Option<String>, Said> {
        Ok(optional_text(&text.to_lowercase()))
    }
}

impl InCell<Option<i8>> for Emotion {
    fn cell(value: &Option<i8>) -> Cell<'_> {
        value.map_or(Cell::Empty, |e| Cell::Whole(e.into()))
    }
    fn read(text: &str) -> std::result::Result<Option<i8>, Said> {
        if text.is_empty() {
            return Ok(None);
        }
        let score = text.trim_start_matches('+').parse::<i8>().ok().filter(|e| EMOTION_RANGE.contains(e));
        score.map(Some).ok_or_else(|| {
            said!("expected a whole number from -2 to +2, found '{text}'", "verwacht werd een geheel getal van -2 tot +2, niet '{text}'")
        })
    }
}

impl InCell<u32> for Votes {
    fn cell(value: &u32) -> Cell<'_> {
        Cell::Whole((*value).into())
    }
    fn read(text: &str) -> std::result::Result<u32, Said> {
        if text.is_empty() {
            return Ok(0);
        }
        text.parse().map_err(|_| {
            said!(
                "expected a whole number of votes (0 or more), found '{text}'",
                "verwacht werd een geheel aantal stemmen (0 of meer), niet '{text}'"
            )
        })
    }
}

impl InCell<Vec<String>> for Tags {
    fn cell(value: &Vec<String>) -> Cell<'_> {
        Cell::Text(value.join(TAG_SEPARATOR).into())
    }
    fn read(text: &str) -> std::result::Result<Vec<String>, Said> {
        Ok(text.split(TAG_SEPARATOR.trim()).map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect())
    }
}
