//! Text a spreadsheet would run. A CSV field that starts with `=`, `+`, `-` or `@` (or a tab or
//! carriage return) is a formula to Excel and LibreOffice, and a card typed on a phone in the
//! room must never become one on the facilitator's client's computer (CSV injection). The CSV
//! export puts an apostrophe before such a field, as a person types one in a spreadsheet to keep
//! text text, and the CSV import takes one off again; a text that itself starts with apostrophes
//! before such a character gets one more, so every text comes back as it was. A workbook needs
//! none of this: its cells are written as text, never as formulas.

use std::borrow::Cow;

/// What a field must not start with, after any apostrophes.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn starts_a_formula(text: &str) -> bool {
    text.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// `text` as a CSV field a spreadsheet shows as text.
pub(super) fn guarded(text: &str) -> Cow<'_, str> {
    if starts_a_formula(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// A CSV field as it was before `guarded`.
pub(super) fn unguarded(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(text) if starts_a_formula(text) => text,
        _ => field,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_a_spreadsheet_would_run_gets_an_apostrophe_and_loses_it_again() {
        for (text, field) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("-5 minuten", "'-5 minuten"),
            ("@home", "'@home"),
            ("+31 6", "'+31 6"),
            ("'=al", "''=al"),
            ("'t Is goed", "'t Is goed"),
            ("Gewoon", "Gewoon"),
            ("'", "'"),
            ("", ""),
        ] {
            assert_eq!(guarded(text), field);
            assert_eq!(unguarded(field), text);
        }
    }
}
