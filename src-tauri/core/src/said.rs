//! Messages in both languages of the app. The core does not know which language the person reading
//! has chosen, so every message it writes carries the English and the Dutch text, and whoever shows
//! it (the app, in the UI language; the CLI, in English) picks one.
//!
//! New messages are written with [`said!`](crate::said!), English first:
//!
//! ```
//! # use journeywall_core::{said, Error};
//! let limit = 200;
//! let e = Error::invalid("card title", said!("is too long; the limit is {limit}", "is te lang; de grens is {limit}"));
//! ```

use std::fmt;

/// The language a message is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Nl,
}

impl Lang {
    /// "nl", "nl-BE", "nl_NL.UTF-8" → Dutch; anything else (English, or a language we do not speak)
    /// → English.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.trim().to_ascii_lowercase().starts_with("nl") {
            Lang::Nl
        } else {
            Lang::En
        }
    }

    /// The locale code the UI and the database use: "en" or "nl".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
        }
    }
}

/// One message in English and in Dutch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Said {
    pub en: String,
    pub nl: String,
}

impl Said {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Nl => &self.nl,
        }
    }

    /// Words we cannot translate because another program wrote them (SQLite's integrity report, an
    /// operating-system error): the same in both languages. Only for details inside a sentence
    /// that is translated; never for a whole message.
    pub fn verbatim(text: impl Into<String>) -> Said {
        let text = text.into();
        Said { en: text.clone(), nl: text }
    }
}

/// English, so that `Display` of an error (the CLI, logs, existing tests) reads as it always did.
impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// Builds a [`Said`]: `said!("english {x}", "nederlands {x}")`, both formatted like `format!` with
/// inline arguments. Values that are not plain names are given after the texts, each evaluated
/// once: `said!("{n} tags", "{n} labels", n = tags.len())`.
#[macro_export]
macro_rules! said {
    ($en:literal, $nl:literal $(, $name:ident = $value:expr)* $(,)?) => {{
        $(let $name = $value;)*
        $crate::said::Said { en: ::std::format!($en), nl: ::std::format!($nl) }
    }};
}

/// A field or option name as it appears in front of an `Error::Invalid` message ("card title:
/// …"), in `lang`. A name without a Dutch entry stays English (the test below keeps that from
/// happening to any name the code uses).
pub fn field_name(field: &str, lang: Lang) -> &str {
    match lang {
        Lang::En => field,
        Lang::Nl => dutch_field(field).unwrap_or(field),
    }
}

fn dutch_field(field: &str) -> Option<&'static str> {
    Some(match field {
        // Records and their fields, as the editor and the interchange file know them.
        "journey name" => "naam van de klantreis",
        "journey description" => "beschrijving van de klantreis",
        "journey locale" => "taal van de klantreis",
        "journey settings" => "instellingen van de klantreis",
        "journey id" => "id van de klantreis",
        "phase title" => "naam van de fase",
        "phase question" => "leidende vraag van de fase",
        "phase colour" => "kleur van de fase",
        "phase width" => "breedte van de fase",
        "phase positions" => "posities van de fases",
        "phase id" => "id van de fase",
        "row title" => "naam van de rij",
        "row colour" => "kleur van de rij",
        "row positions" => "posities van de rijen",
        "row id" => "id van de rij",
        "card title" => "kaarttitel",
        "card notes" => "notities van de kaart",
        "card colour" => "kleur van de kaart",
        "card channel" => "kanaal van de kaart",
        "card emotion" => "emotie van de kaart",
        "card tags" => "labels van de kaart",
        "card phase" => "fase van de kaart",
        "card row" => "rij van de kaart",
        "card positions" => "posities van de kaarten",
        "card id" => "id van de kaart",
        "persona name" => "naam van de persona",
        "persona role" => "rol van de persona",
        "persona quote" => "citaat van de persona",
        "persona goals" => "doelen van de persona",
        "persona frustrations" => "frustraties van de persona",
        "persona picture" => "foto van de persona",
        "picture" => "foto",
        "persona positions" => "posities van de persona's",
        "persona id" => "id van de persona",
        "id" => "id",
        "name" => "naam",
        "round name" => "naam van de ronde",
        "round id" => "id van de ronde",
        // The dot vote.
        "vote" => "stemronde",
        "dots" => "stippen",
        "dots per participant" => "stippen per deelnemer",
        "participants" => "deelnemers",
        "participant name" => "naam van de deelnemer",
        "participant colour" => "kleur van de deelnemer",
        "participant id" => "id van de deelnemer",
        "tallies" => "aantallen",
        // CSV columns (the Dutch names are also accepted as column headers).
        "phase" => "fase",
        "row" => "rij",
        "title" => "titel",
        "notes" => "notities",
        "channel" => "kanaal",
        "colour" => "kleur",
        // The store, history and the journey list.
        "history" => "geschiedenis",
        "undo" => "ongedaan maken",
        "database" => "database",
        "language" => "taal",
        "edit" => "bewerking",
        // Poster options, named as the CLI spells them and the poster dialog labels them.
        "sheet" => "vel",
        "margin" => "marge",
        "width" => "breedte",
        "scale" => "schaal",
        "across" => "vellen naast elkaar",
        "card-size" => "kaartgrootte",
        "tile" => "verdeeld over vellen",
        "overlap" => "overlap",
        "out" => "bestand",
        _ => return None,
    })
}

/// The kinds of record an `Error::NotFound` names, in `lang`.
pub fn record_kind(kind: &str, lang: Lang) -> &str {
    match lang {
        Lang::En => kind,
        Lang::Nl => dutch_kind(kind).unwrap_or(kind),
    }
}

fn dutch_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "journey" => "klantreis",
        "phase" => "fase",
        "row" => "rij",
        "card" => "kaart",
        "persona" => "persona",
        "participant" => "deelnemer",
        "round" => "ronde",
        _ => return None,
    })
}

/// A number as Dutch writes it: a decimal comma ("2,5 m").
pub fn dutch_number(n: impl fmt::Display) -> String {
    n.to_string().replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_locales_are_dutch_and_every_other_is_english() {
        for nl in ["nl", "nl-BE", "nl_NL.UTF-8", "NL"] {
            assert_eq!(Lang::from_locale(nl), Lang::Nl, "{nl}");
        }
        for en in ["en", "en_GB.UTF-8", "de_DE", "", "C"] {
            assert_eq!(Lang::from_locale(en), Lang::En, "{en}");
        }
    }

    #[test]
    fn said_formats_both_texts_with_inline_and_named_arguments() {
        let limit = 200;
        let s = said!("{n} of {limit}", "{n} van {limit}", n = 3 + 4);
        assert_eq!((s.get(Lang::En), s.get(Lang::Nl)), ("7 of 200", "7 van 200"));
        assert_eq!(s.to_string(), "7 of 200");
    }

    /// Every field name that reaches an `Error::Invalid`, and every record kind that reaches an
    /// `Error::NotFound`, found in the source of the core and the app (tests left out): each must
    /// have a Dutch name, or a Dutch message would start with an English word.
    #[test]
    fn every_field_name_in_the_code_has_a_dutch_name() {
        // The calls whose first argument is a field name, and the one whose first is a kind.
        const FIELD_CALLS: [&str; 15] = [
            "Error::invalid(",
            "check_title(",
            "check_text(",
            "check_colour(",
            "check_emotion(",
            "check_locale(",
            "check_width(",
            "check_tags(",
            "check_contiguous(",
            "positive_length(",
            "parse_length(",
            "parse_paper(",
            "parse_percent(",
            "in_use(",
            "duplicate_id(",
        ];
        const KIND_CALLS: [&str; 1] = ["not_found("];
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![];
        for dir in [root.join("src"), root.join("../src")] {
            collect_rust_files(&dir, &mut files);
        }
        assert!(files.len() > 20, "the sources were not found: {files:?}");
        let (mut fields, mut kinds) = (vec![], vec![]);
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap_or("");
            for call in FIELD_CALLS {
                fields.extend(first_literals(code, call).into_iter().map(|f| (f, file.clone())));
            }
            for call in KIND_CALLS {
                kinds.extend(first_literals(code, call).into_iter().map(|k| (k, file.clone())));
            }
        }
        assert!(fields.iter().any(|(f, _)| f == "card title") && fields.iter().any(|(f, _)| f == "margin"), "{fields:?}");
        assert!(kinds.iter().any(|(k, _)| k == "phase"), "{kinds:?}");
        let missing: Vec<_> = fields.iter().filter(|(f, _)| dutch_field(f).is_none()).collect();
        assert!(missing.is_empty(), "field names without a Dutch name in said.rs: {missing:?}");
        let missing: Vec<_> = kinds.iter().filter(|(k, _)| dutch_kind(k).is_none()).collect();
        assert!(missing.is_empty(), "record kinds without a Dutch name in said.rs: {missing:?}");
    }

    fn collect_rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect_rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// The string literal each `call` starts with, where it starts with one.
    fn first_literals(code: &str, call: &str) -> Vec<String> {
        code.match_indices(call)
            .filter(|(at, _)| !code[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_'))
            .filter_map(|(at, _)| {
                let rest = code[at + call.len()..].trim_start().strip_prefix('"')?;
                Some(rest[..rest.find('"')?].to_string())
            })
            .collect()
    }

    #[test]
    fn names_without_a_dutch_entry_stay_english_rather_than_vanish() {
        assert_eq!(field_name("margin", Lang::Nl), "marge");
        assert_eq!(field_name("card title", Lang::En), "card title");
        assert_eq!(field_name("wormhole", Lang::Nl), "wormhole");
        assert_eq!(record_kind("card", Lang::Nl), "kaart");
    }
}
