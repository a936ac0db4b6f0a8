//! SQLite's error codes in words a person can act on. Its own module because opening a file,
//! admitting it, upgrading it and every write report SQLite's errors the same way.

use crate::said;
use crate::said::Said;

/// Turns SQLite's terse codes into what a person can act on.
pub(super) fn describe_sql_error(e: &rusqlite::Error) -> Said {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(DiskFull) => said!(
            "the disk is full; free some space and try again (nothing was saved)",
            "de schijf is vol; maak ruimte vrij en probeer het opnieuw (er is niets opgeslagen)"
        ),
        Some(ReadOnly) => said!(
            "the file or its folder is read-only; check its permissions (nothing was saved)",
            "het bestand of de map is alleen-lezen; controleer de rechten (er is niets opgeslagen)"
        ),
        Some(CannotOpen) => said!(
            "it cannot be opened; check that the folder exists and that you may write to it",
            "het kan niet worden geopend; controleer of de map bestaat en of je erin mag schrijven"
        ),
        Some(PermissionDenied) => {
            said!("permission denied; check the file's permissions", "geen toestemming; controleer de rechten van het bestand")
        }
        Some(NotADatabase) => said!("it is not a database", "het is geen database"),
        Some(DatabaseCorrupt) => said!("the database is damaged", "de database is beschadigd"),
        Some(DatabaseBusy) | Some(DatabaseLocked) => said!(
            "another program is using the file; close it and try again",
            "een ander programma gebruikt het bestand; sluit dat en probeer het opnieuw"
        ),
        Some(SystemIoFailure) => said!(
            "the disk reported an error while writing (is it full, or removed?); nothing was saved",
            "de schijf meldde een fout bij het schrijven (is hij vol, of losgekoppeld?); er is niets opgeslagen"
        ),
        // SQLite's own words, which we cannot translate.
        _ => said!("{e}", "SQLite meldt: {e}"),
    }
}

pub(super) fn is_io_error(e: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode::*;
    matches!(
        e.sqlite_error_code(),
        Some(DiskFull | ReadOnly | SystemIoFailure | CannotOpen | PermissionDenied | DatabaseBusy | DatabaseLocked)
    )
}
