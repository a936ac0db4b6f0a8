//! A record's fields, declared once (`record!`): the struct, what adding one takes, its patch,
//! its checks, its columns in the database and in a spreadsheet all follow from one list, so a
//! new field is one line there (and a migration). `records` writes the SQL of each table around
//! what is declared here.

use rusqlite::types::{FromSql, ToSqlOutput};
use rusqlite::ToSql;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use crate::named::named;

named! {
    /// A table that holds records of journeys, known by its name in SQL.
    pub enum Table {
        Journeys = "journeys",
        Phases = "phases",
        Rows = "journey_rows",
        Cards = "cards",
        Personas = "personas",
        Rounds = "rounds",
        Inbox = "inbox",
    }
}

/// A record as its table keeps it. The columns of its key (its id, and where it is) are the
/// table's own, written by `records`; those of its fields follow here.
pub trait Stored: Sized {
    const TABLE: Table;
    /// The columns of the record's fields, in the order of `values`.
    const COLUMNS: &'static [&'static str];
    /// The value of each of `COLUMNS`.
    fn values(&self) -> rusqlite::Result<Vec<ToSqlOutput<'_>>>;
    /// The record from a row that holds its key's columns, then `COLUMNS`.
    fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self>;
}

/// How a field's value is kept in its column.
pub trait Codec<T> {
    fn write(value: &T) -> rusqlite::Result<ToSqlOutput<'_>>;
    fn read(row: &rusqlite::Row<'_>, column: usize) -> rusqlite::Result<T>;
}

/// A value that is an SQL value itself: text, a number, an id, a named enum.
pub struct Plain;

impl<T: ToSql + FromSql> Codec<T> for Plain {
    fn write(value: &T) -> rusqlite::Result<ToSqlOutput<'_>> {
        value.to_sql()
    }
    fn read(row: &rusqlite::Row<'_>, column: usize) -> rusqlite::Result<T> {
        row.get(column)
    }
}

/// A value kept as JSON text (a card's tags).
pub struct Json;

impl<T: Serialize + DeserializeOwned> Codec<T> for Json {
    fn write(value: &T) -> rusqlite::Result<ToSqlOutput<'_>> {
        serde_json::to_string(value).map(ToSqlOutput::from).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
    }
    fn read(row: &rusqlite::Row<'_>, column: usize) -> rusqlite::Result<T> {
        serde_json::from_str(&row.get::<_, String>(column)?)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, Box::new(e)))
    }
}

/// A patch's field: absent leaves it (`None`), a value sets it; `null` clears a field that may
/// be none (`Some(None)`), and is refused for one that may not.
pub(crate) fn present<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// Declares a record once. From the list of its fields come the struct (serde, the bindings),
/// its patch (every field, absent, set, or `null` for one that may be none), its `validate`
/// (each field checked by its kind, and named by its `Field` when refused), its columns in the
/// database (`Stored`, each kept by its codec, `Plain` unless `as` names one, in the column of
/// its name unless `#[column = "…"]` names another), its columns in a spreadsheet
/// (`TABLE_COLUMNS`: the fields that say `in table`, with their width and header names), and,
/// with `content`, what adding one takes (the fields without the key), as the `add…` edits
/// carry it; `content Name: Default` where each field's default is its type's.
///
/// ```text
/// pub struct Card in Cards {
///     key { id: Id, position: u32, }
///     fields content CardContent: Default, patch CardPatch {
///         /// What the card says.
///         title: String => Title[Named("card title", "kaarttitel")] in table 40.0: "title", "titel",
///         #[serde(default)]
///         tags: Vec<String> as Json => Tags[Named("card tags", "labels van de kaart")],
///     }
///     stamps { created_at: Millis, }
/// }
/// ```
macro_rules! record {
    (
        $(#[$meta:meta])*
        pub struct $name:ident in $table:ident {
            key { $( $(#[$kmeta:meta])* $key:ident: $kty:ty, )* }
            fields $(content $content:ident $(: $derive:ident)?,)? patch $patch:ident { $($fields:tt)* }
            $( stamps { $( $(#[$smeta:meta])* $stamp:ident: $sty:ty, )* } )?
        }
    ) => {
        $crate::schema::record! {
            @record $(#[$meta])* $name in $table
            key { $( $(#[$kmeta])* $key: $kty, )* }
            patch $patch { $($fields)* }
            stamps { $( $( $(#[$smeta])* $stamp: $sty, )* )? }
        }
        $crate::schema::record! {
            @content $name [$($content $($derive)?)?]
            key { $( $key: $kty, )* }
            fields { $($fields)* }
            stamps { $( $( $stamp: $sty, )* )? }
        }
    };

    (
        @record $(#[$meta:meta])* $name:ident in $table:ident
        key { $( $(#[$kmeta:meta])* $key:ident: $kty:ty, )* }
        patch $patch:ident {
            $(
                $(#[doc = $doc:literal])*
                $(#[column = $column:literal])?
                $(#[serde($($serde:tt)*)])*
                $field:ident: $fty:ty
                $(as $codec:ty)?
                $(=> $kind:ty [$fname:expr] $(in table $width:literal: $english:literal, $dutch:literal $(, $other:literal)*)?)?,
            )*
        }
        stamps { $( $(#[$smeta:meta])* $stamp:ident: $sty:ty, )* }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, specta::Type)]
        #[serde(rename_all = "camelCase")]
        pub struct $name {
            $( $(#[$kmeta])* pub $key: $kty, )*
            $( $(#[doc = $doc])* $(#[serde($($serde)*)])* pub $field: $fty, )*
            $( $(#[$smeta])* pub $stamp: $sty, )*
        }

        #[doc = concat!("A change to any of a ", stringify!($name), "'s fields, each absent (left as it is) or given.")]
        #[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, specta::Type)]
        #[serde(rename_all = "camelCase")]
        pub struct $patch {
            $(
                #[serde(default, deserialize_with = "crate::schema::present", skip_serializing_if = "Option::is_none")]
                #[specta(type = Option<$fty>, optional)]
                pub $field: Option<$fty>,
            )*
        }

        impl $patch {
            /// Writes the patch into `record`; returns the patch that undoes it. (No edit patches
            /// a round or a note: theirs has no use.)
            #[allow(dead_code)]
            pub(crate) fn swap(self, record: &mut $name) -> Self {
                $patch { $( $field: self.$field.map(|v| std::mem::replace(&mut record.$field, v)), )* }
            }
        }

        impl $name {
            /// Checks every field by its kind.
            pub fn validate(&self) -> $crate::error::Result<()> {
                $( $( <$kind as $crate::kinds::Kind<$fty>>::check($fname, &self.$field)?; )? )*
                Ok(())
            }

            /// The fields a spreadsheet of these records has a column for, in order.
            pub const TABLE_COLUMNS: &'static [$crate::kinds::Column<$name>] = &[
                $( $( $(
                    $crate::kinds::Column {
                        names: &[$english, $dutch $(, $other)*],
                        width: $width,
                        cell: |r: &$name| <$kind as $crate::kinds::InCell<$fty>>::cell(&r.$field),
                        read: |r: &mut $name, text: &str| {
                            let value = <$kind as $crate::kinds::InCell<$fty>>::read(text)?;
                            <$kind as $crate::kinds::Kind<$fty>>::check($fname, &value).map_err($crate::kinds::reason)?;
                            r.$field = value;
                            Ok(())
                        },
                    },
                )? )? )*
            ];
        }

        impl $crate::schema::Stored for $name {
            const TABLE: $crate::schema::Table = $crate::schema::Table::$table;
            const COLUMNS: &'static [&'static str] =
                &[ $( $crate::schema::record!(@column $field $($column)?), )* $( stringify!($stamp), )* ];

            fn values(&self) -> rusqlite::Result<Vec<rusqlite::types::ToSqlOutput<'_>>> {
                Ok(vec![
                    $( <$crate::schema::record!(@codec $($codec)?) as $crate::schema::Codec<$fty>>::write(&self.$field)?, )*
                    $( rusqlite::ToSql::to_sql(&self.$stamp)?, )*
                ])
            }

            fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
                let mut column = 0;
                let mut next = || {
                    column += 1;
                    column - 1
                };
                Ok($name {
                    $( $key: row.get(next())?, )*
                    $( $field: <$crate::schema::record!(@codec $($codec)?) as $crate::schema::Codec<$fty>>::read(row, next())?, )*
                    $( $stamp: row.get(next())?, )*
                })
            }
        }
    };

    (
        @content $name:ident [$content:ident $($derive:ident)?]
        key { $( $key:ident: $kty:ty, )* }
        fields {
            $(
                $(#[doc = $doc:literal])*
                $(#[column = $column:literal])?
                $(#[serde($($serde:tt)*)])*
                $field:ident: $fty:ty
                $(as $codec:ty)?
                $(=> $kind:ty [$fname:expr] $(in table $width:literal: $english:literal, $dutch:literal $(, $other:literal)*)?)?,
            )*
        }
        stamps { $( $stamp:ident: $sty:ty, )* }
    ) => {
        #[doc = concat!("A ", stringify!($name), "'s fields without its key, as adding one gives them.")]
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, specta::Type $(, $derive)?)]
        #[serde(rename_all = "camelCase")]
        pub struct $content {
            $( $(#[doc = $doc])* $(#[serde($($serde)*)])* pub $field: $fty, )*
        }

        impl $name {
            #[doc = concat!("The ", stringify!($name), " of these fields, at this key.")]
            pub fn from_content($( $key: $kty, )* content: $content, $( $stamp: $sty, )*) -> $name {
                let $content { $( $field, )* } = content;
                $name { $( $key, )* $( $field, )* $( $stamp, )* }
            }

            #[doc = concat!("Its fields without its key, as adding a ", stringify!($name), " gives them.")]
            pub fn content(&self) -> $content {
                $content { $( $field: self.$field.clone(), )* }
            }
        }
    };

    // A record added by no edit (a journey, a round, a note) has no content.
    (@content $name:ident [] $($rest:tt)*) => {};
    (@column $field:ident) => { stringify!($field) };
    (@column $field:ident $column:literal) => { $column };
    (@codec) => { $crate::schema::Plain };
    (@codec $codec:ty) => { $codec };
}

pub(crate) use record;
