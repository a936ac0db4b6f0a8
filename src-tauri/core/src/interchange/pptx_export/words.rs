//! The few words a deck says itself, in the journey's language; the rest (emotions, votes,
//! months, "made with") are the poster's own words (`poster::words`).

use crate::Lang;

pub(super) struct DeckWords {
    /// What the deck is, above the journey's name on its first slide.
    pub kind: &'static str,
    pub map: &'static str,
    pub phase: &'static str,
    pub personas: &'static str,
    pub goals: &'static str,
    pub frustrations: &'static str,
    pub results: &'static str,
    pub vote: &'static str,
    /// "and 12 more cards with dots", under a results slide that could not show them all.
    pub more: fn(usize) -> String,
    /// The language tag of every run of text, for spelling and hyphenation.
    pub tag: &'static str,
}

pub(super) fn deck_words(lang: Lang) -> &'static DeckWords {
    match lang {
        Lang::En => &EN,
        Lang::Nl => &NL,
    }
}

const EN: DeckWords = DeckWords {
    kind: "Customer journey",
    map: "The whole journey",
    phase: "Phase",
    personas: "Personas",
    goals: "Goals",
    frustrations: "Frustrations",
    results: "Vote results",
    vote: "vote",
    more: |n| format!("and {n} more cards with dots"),
    tag: "en-GB",
};

const NL: DeckWords = DeckWords {
    kind: "Klantreis",
    map: "De hele klantreis",
    phase: "Fase",
    personas: "Persona's",
    goals: "Doelen",
    frustrations: "Frustraties",
    results: "Stemresultaten",
    vote: "stem",
    more: |n| format!("en nog {n} kaarten met stippen"),
    tag: "nl-NL",
};
