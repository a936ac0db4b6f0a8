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

/// The user's language from the usual environment variables, as "nl" or "en".
pub fn system_locale() -> String {
    let lang = ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default();
    if lang.starts_with("nl") { "nl" } else { "en" }.to_string()
}
