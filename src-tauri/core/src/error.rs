//! One error type for the core. Every message is written for the person using the app: it says what
//! went wrong and, where there is one, what to do about it.

use std::path::PathBuf;

use thiserror::Error;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, Error)]
pub enum Error {
    /// A field of an edit or an imported record breaks a rule of the model.
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },

    /// An edit or a command names a record that does not exist (in this journey).
    #[error("no {kind} with id {id} in this journey")]
    NotFound { kind: &'static str, id: String },

    #[error("no journey called or with id '{0}'")]
    NoSuchJourney(String),

    #[error("there are {count} journeys called '{name}'; use the id instead (see `journeywall list`)")]
    AmbiguousJourney { name: String, count: usize },

    #[error("no template called '{0}' (see `journeywall templates`)")]
    NoSuchTemplate(String),

    /// The database file cannot be used; it has been left as it was.
    #[error("{}: {problem}", path.display())]
    Database { path: PathBuf, problem: String },

    /// An import file that is not what it claims to be, with where it went wrong.
    #[error("{source_name}: {problem}")]
    Import { source_name: String, problem: String },

    #[error("nothing to undo")]
    NothingToUndo,

    #[error("nothing to redo")]
    NothingToRedo,

    #[error("could not write {}: {problem}", path.display())]
    Write { path: PathBuf, problem: String },

    #[error("database error: {0}")]
    Sql(#[from] rusqlite::Error),
}

impl Error {
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Invalid { field: field.into(), reason: reason.into() }
    }

    pub fn not_found(kind: &'static str, id: impl ToString) -> Self {
        Error::NotFound { kind, id: id.to_string() }
    }
}
