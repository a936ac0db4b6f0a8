//! Journeywall's core: the journey model, every edit and its undo, the SQLite store, the built-in
//! templates and the interchange formats. It needs no window; the app and the CLI are thin layers
//! over it.

mod apply;
pub mod edit;
pub mod error;
pub mod fields;
pub mod files;
#[cfg(feature = "test-support")]
pub mod fixtures;
pub mod groups;
mod history;
pub mod inbox;
pub mod interchange;
pub mod kinds;
pub mod library;
pub mod model;
mod named;
pub mod picture;
pub mod poster;
mod records;
pub mod round;
pub mod said;
mod schema;
pub mod store;
pub mod templates;
pub mod vote;

pub use apply::{CellOrder, Changes};
pub use edit::Edit;
pub use error::{Error, Result};
pub use history::{Author, UndoState};
pub use said::{Field, Lang, Record, Said};
pub use store::{Applied, Store};
