//! Enums of a few named values (a row's kind, a note's state, a language), each name written
//! once: serde, the TypeScript bindings and the database all use it.

/// Declares a unit enum whose variants are known by a text code (`Emotion = "emotion"`): on the
/// wire (serde), in the bindings (a union of the codes) and in a TEXT column (`ToSql`/`FromSql`).
macro_rules! named {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, )*
        }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
        $(#[$meta])*
        pub enum $name {
            $( $(#[$vmeta])* #[serde(rename = $code)] $variant, )*
        }

        impl $name {
            /// Its code on the wire and in the database.
            pub fn code(self) -> &'static str {
                match self {
                    $( $name::$variant => $code, )*
                }
            }

            /// The value with this code, if there is one.
            pub fn from_code(code: &str) -> Option<$name> {
                match code {
                    $( $code => Some($name::$variant), )*
                    _ => None,
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(rusqlite::types::ToSqlOutput::from(self.code()))
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<$name> {
                let code = value.as_str()?;
                $name::from_code(code).ok_or_else(|| {
                    let what = format!("'{code}' is not a {}", stringify!($name));
                    rusqlite::types::FromSqlError::Other(what.into())
                })
            }
        }
    };
}

pub(crate) use named;
