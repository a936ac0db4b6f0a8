//! Messages in both languages of the app. The core does not know which language the person reading
//! has chosen, so every message it writes carries the English and the Dutch text, and whoever shows
//! it (the app, in the UI language; the CLI, in English) picks one.
//!
//! New messages are written with [`said!`](crate::said!), English first:
//!
//! ```
//! # use journeywall_core::{said, Error, Field};
//! let limit = 200;
//! let e = Error::invalid(Field::Name, said!("is too long; the limit is {limit}", "is te lang; de grens is {limit}"));
//! ```
//!
//! Field and record names are [`Field`] and [`Record`]: each variant carries both its names, so a
//! name without its Dutch one does not compile.

use std::fmt;

use crate::named::named;

named! {
    /// The language of the app (of every message, the menu, the UI) and of a journey (of its
    /// poster's own words). On the wire and in the database it is its code, "en" or "nl".
    #[derive(Default)]
    pub enum Lang {
        #[default]
        En = "en",
        Nl = "nl",
    }
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

    /// This message behind a prefix in each language: "card title: must not be empty".
    pub fn after(&self, en: impl fmt::Display, nl: impl fmt::Display) -> Said {
        Said { en: format!("{en}: {}", self.en), nl: format!("{nl}: {}", self.nl) }
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

macro_rules! names {
    (
        $(#[$doc:meta])* $name:ident { $($variant:ident => $en:literal, $nl:literal;)* }
        $( $(#[$gdoc:meta])* $given:ident(English, Dutch); )?
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)*
            $( $(#[$gdoc])* $given(&'static str, &'static str), )?
        }

        impl $name {
            /// The name in `lang`.
            pub fn name(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, Lang::En) => $en, ($name::$variant, Lang::Nl) => $nl,)*
                    $( ($name::$given(en, _), Lang::En) => en, ($name::$given(_, nl), Lang::Nl) => nl, )?
                }
            }
        }
    };
}

/// Declares a table of the words something says itself, each word once with its English and
/// its Dutch (`legend = "Legend", "Legenda";`, a `&'static str` unless a type is given): the
/// struct, its two tables `EN` and `NL` (in the module that declares it), and the function that
/// picks the table of a language.
macro_rules! bilingual {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident, fn $get:ident {
            $( $(#[$fmeta:meta])* $field:ident $(: $ty:ty)? = $en:expr, $nl:expr; )*
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $( $(#[$fmeta])* pub $field: $crate::said::bilingual!(@type $($ty)?), )*
        }

        const EN: $name = $name { $( $field: $en, )* };
        const NL: $name = $name { $( $field: $nl, )* };

        #[doc = concat!("The ", stringify!($name), " of `lang`.")]
        $vis fn $get(lang: $crate::Lang) -> &'static $name {
            match lang {
                $crate::Lang::En => &EN,
                $crate::Lang::Nl => &NL,
            }
        }
    };

    (@type) => { &'static str };
    (@type $ty:ty) => { $ty };
}

pub(crate) use bilingual;

names! {
    /// A field or option name as it stands in front of an `Error::Invalid` message ("card title: …"),
    /// in English and Dutch: a new name without its Dutch one does not compile.
    Field {
        JourneyName => "journey name", "naam van de klantreis";
        JourneyId => "journey id", "id van de klantreis";
        PhasePositions => "phase positions", "posities van de fases";
        PhaseId => "phase id", "id van de fase";
        RowPositions => "row positions", "posities van de rijen";
        RowId => "row id", "id van de rij";
        CardPhase => "card phase", "fase van de kaart";
        CardRow => "card row", "rij van de kaart";
        CardPositions => "card positions", "posities van de kaarten";
        CardId => "card id", "id van de kaart";
        Picture => "picture", "foto";
        PersonaPositions => "persona positions", "posities van de persona's";
        PersonaId => "persona id", "id van de persona";
        Id => "id", "id";
        Name => "name", "naam";
        RoundName => "round name", "naam van de ronde";
        RoundId => "round id", "id van de ronde";
        Vote => "vote", "stemronde";
        Dots => "dots", "stippen";
        DotsPerParticipant => "dots per participant", "stippen per deelnemer";
        Participants => "participants", "deelnemers";
        ParticipantName => "participant name", "naam van de deelnemer";
        ParticipantColour => "participant colour", "kleur van de deelnemer";
        ParticipantId => "participant id", "id van de deelnemer";
        Tallies => "tallies", "aantallen";
        Phases => "phases", "fases";
        Rows => "rows", "rijen";
        Cards => "cards", "kaarten";
        NoteText => "note", "notitie";
        NoteAuthor => "note author", "schrijver van de notitie";
        NoteId => "note id", "id van de notitie";
        Inbox => "inbox", "inbox";
        Phase => "phase", "fase";
        Row => "row", "rij";
        History => "history", "geschiedenis";
        Groups => "groups", "groepen";
        Undo => "undo", "ongedaan maken";
        Database => "database", "database";
        Language => "language", "taal";
        Edit => "edit", "bewerking";
        Sheet => "sheet", "vel";
        Margin => "margin", "marge";
        Width => "width", "breedte";
        Scale => "scale", "schaal";
        Across => "across", "vellen naast elkaar";
        CardSize => "card-size", "kaartgrootte";
        Tile => "tile", "verdeeld over vellen";
        Overlap => "overlap", "overlap";
        Out => "out", "bestand";
        Dpi => "dpi", "dpi";
    }
    /// A record's field, named where the record is declared (`record!` in `model`).
    Named(English, Dutch);
}

names! {
    /// The kinds of record an `Error::NotFound` names.
    Record {
        Journey => "journey", "klantreis";
        Phase => "phase", "fase";
        Row => "row", "rij";
        Card => "card", "kaart";
        Persona => "persona", "persona";
        Participant => "participant", "deelnemer";
        Round => "round", "ronde";
        Note => "note", "notitie";
    }
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

    /// Each name is given in both languages by its `names!` line (the compiler keeps that
    /// complete); these check a few of them read as the messages expect.
    #[test]
    fn names_come_in_both_languages() {
        assert_eq!(Field::Margin.name(Lang::Nl), "marge");
        assert_eq!(Field::Named("card title", "kaarttitel").name(Lang::Nl), "kaarttitel");
        assert_eq!(Field::CardSize.name(Lang::En), "card-size");
        assert_eq!(Record::Card.name(Lang::Nl), "kaart");
    }
}
