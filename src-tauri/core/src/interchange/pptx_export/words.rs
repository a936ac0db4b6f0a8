//! The few words a deck says itself, in the journey's language; the rest (emotions, votes,
//! months, "made with") are the poster's own words (`poster::words`).

use crate::said::bilingual;

bilingual! {
    /// The deck's own words, in the journey's language.
    pub(super) struct DeckWords, fn deck_words {
        /// What the deck is, above the journey's name on its first slide.
        kind = "Customer journey", "Klantreis";
        map = "The whole journey", "De hele klantreis";
        phase = "Phase", "Fase";
        personas = "Personas", "Persona's";
        goals = "Goals", "Doelen";
        frustrations = "Frustrations", "Frustraties";
        results = "Vote results", "Stemresultaten";
        vote = "vote", "stem";
        /// "and 12 more cards with dots", under a results slide that could not show them all.
        more: fn(usize) -> String =
            |n| format!("and {n} more cards with dots"),
            |n| format!("en nog {n} kaarten met stippen");
        /// The language tag of every run of text, for spelling and hyphenation.
        tag = "en-GB", "nl-NL";
    }
}
