//! Where the database lives: `--db PATH`, else `JOURNEYWALL_DB` (both handled by the CLI parser),
//! else `journeywall.db` in the user's data folder.

use std::path::PathBuf;

use journeywall_core::Lang;

pub fn default_database() -> PathBuf {
    dirs::data_dir()
        .or_else(|| dirs::home_dir().map(|h| h.join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("journeywall")
        .join("journeywall.db")
}

/// The system's language: on Linux from the usual environment variables, on
/// macOS and Windows from the system's settings (an app started there has no LANG).
pub fn system_locale() -> Lang {
    Lang::from_locale(&sys_locale::get_locale().unwrap_or_default())
}
