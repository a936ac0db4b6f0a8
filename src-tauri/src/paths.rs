//! Where the database lives: `--db PATH`, else `JOURNEYWALL_DB` (both handled by the CLI parser),
//! else `journeywall.db` in the user's data folder.

use std::path::PathBuf;

pub fn default_database() -> PathBuf {
    dirs::data_dir()
        .or_else(|| dirs::home_dir().map(|h| h.join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."))
        .join("journeywall")
        .join("journeywall.db")
}

/// The system's language, as "nl" or "en": on Linux from the usual environment variables, on
/// macOS and Windows from the system's settings (an app started there has no LANG).
pub fn system_locale() -> String {
    let tag = sys_locale::get_locale().unwrap_or_default();
    if tag.to_ascii_lowercase().starts_with("nl") { "nl" } else { "en" }.to_string()
}
