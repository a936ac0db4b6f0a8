//! The words the HTML page says itself, in the journey's language. The page's script gets them
//! in its data; `{n}`, `{of}` and `{title}` are filled in there.

use serde::Serialize;

use crate::Lang;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PageWords {
    pub search: &'static str,
    pub found_none: &'static str,
    pub found_one: &'static str,
    pub found_many: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    /// The zoom shown, where 100 % is the poster at its printed size.
    pub zoom: &'static str,
    pub fit: &'static str,
    pub phase_by_phase: &'static str,
    pub previous_phase: &'static str,
    pub next_phase: &'static str,
    /// "Phase {n} of {of}: {title}".
    pub phase_of: &'static str,
    pub personas: &'static str,
    pub vote_results: &'static str,
    /// "{n} participants, {of} dots each".
    pub voters: &'static str,
    pub one_vote: &'static str,
    /// "{n} votes".
    pub many_votes: &'static str,
    pub close: &'static str,
    pub phase: &'static str,
    pub row: &'static str,
    pub notes: &'static str,
    pub channel: &'static str,
    pub tags: &'static str,
    pub votes: &'static str,
    pub emotion: &'static str,
    pub role: &'static str,
    pub goals: &'static str,
    pub frustrations: &'static str,
    /// The heading of the list of cards a screen reader reads instead of the picture.
    pub all_cards: &'static str,
    pub map: &'static str,
    pub keys: &'static str,
    pub made_with: &'static str,
}

/// The page's words in `lang`.
pub fn page_words(lang: Lang) -> &'static PageWords {
    match lang {
        Lang::En => &EN,
        Lang::Nl => &NL,
    }
}

const EN: PageWords = PageWords {
    search: "Search cards",
    found_none: "No card found",
    found_one: "1 card found",
    found_many: "{n} cards found",
    zoom_in: "Zoom in (+)",
    zoom_out: "Zoom out (−)",
    zoom: "Zoom",
    fit: "Fit",
    phase_by_phase: "Phase by phase",
    previous_phase: "Previous phase (←)",
    next_phase: "Next phase (→)",
    phase_of: "Phase {n} of {of}: {title}",
    personas: "Personas",
    vote_results: "Vote results",
    voters: "{n} participants, {of} dots each",
    one_vote: "1 vote",
    many_votes: "{n} votes",
    close: "Close",
    phase: "Phase",
    row: "Row",
    notes: "Notes",
    channel: "Channel",
    tags: "Tags",
    votes: "Votes",
    emotion: "Emotion",
    role: "Role",
    goals: "Goals",
    frustrations: "Frustrations",
    all_cards: "All cards, phase by phase",
    map: "The journey as a map; every card is listed after it",
    keys: "Drag or scroll to move · Ctrl+scroll, pinch or + − to zoom · 0 fits · ← → phase by phase · click a card for its details",
    made_with: "Made with Journeywall",
};

const NL: PageWords = PageWords {
    search: "Kaarten zoeken",
    found_none: "Geen kaart gevonden",
    found_one: "1 kaart gevonden",
    found_many: "{n} kaarten gevonden",
    zoom_in: "Inzoomen (+)",
    zoom_out: "Uitzoomen (−)",
    zoom: "Zoom",
    fit: "Passend",
    phase_by_phase: "Fase voor fase",
    previous_phase: "Vorige fase (←)",
    next_phase: "Volgende fase (→)",
    phase_of: "Fase {n} van {of}: {title}",
    personas: "Persona's",
    vote_results: "Uitslag van de stemming",
    voters: "{n} deelnemers, elk {of} stippen",
    one_vote: "1 stem",
    many_votes: "{n} stemmen",
    close: "Sluiten",
    phase: "Fase",
    row: "Rij",
    notes: "Notities",
    channel: "Kanaal",
    tags: "Labels",
    votes: "Stemmen",
    emotion: "Emotie",
    role: "Rol",
    goals: "Doelen",
    frustrations: "Frustraties",
    all_cards: "Alle kaarten, fase voor fase",
    map: "De klantreis als kaart; alle kaarten staan erna in een lijst",
    keys: "Sleep of scrol om te verschuiven · Ctrl+scrollen, knijpen of + − om te zoomen · 0 past · ← → fase voor fase · klik op een kaart voor de details",
    made_with: "Gemaakt met Journeywall",
};
