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

/// The locale whose region says what paper the user prints on: on Linux `LC_ALL`, then
/// `LC_PAPER` (the category for exactly this, set when it differs from the language), else the
/// system's locale (on macOS and Windows from the system's settings).
pub fn region_locale() -> String {
    ["LC_ALL", "LC_PAPER"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .or_else(sys_locale::get_locale)
        .unwrap_or_default()
}
