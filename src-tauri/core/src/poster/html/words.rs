//! The words the HTML page says itself, in the journey's language. The page's script gets them
//! in its data; `{n}`, `{of}` and `{title}` are filled in there.

use serde::Serialize;

use crate::said::bilingual;

bilingual! {
    /// The page's own words, in the journey's language.
    #[derive(Debug, Serialize)]
    #[serde(rename_all = "camelCase")]
    pub struct PageWords, fn page_words {
        search = "Search cards", "Kaarten zoeken";
        found_none = "No card found", "Geen kaart gevonden";
        found_one = "1 card found", "1 kaart gevonden";
        found_many = "{n} cards found", "{n} kaarten gevonden";
        zoom_in = "Zoom in (+)", "Inzoomen (+)";
        zoom_out = "Zoom out (−)", "Uitzoomen (−)";
        /// The zoom shown, where 100 % is the poster at its printed size.
        zoom = "Zoom", "Zoom";
        fit = "Fit", "Passend";
        phase_by_phase = "Phase by phase", "Fase voor fase";
        previous_phase = "Previous phase (←)", "Vorige fase (←)";
        next_phase = "Next phase (→)", "Volgende fase (→)";
        /// "Phase {n} of {of}: {title}".
        phase_of = "Phase {n} of {of}: {title}", "Fase {n} van {of}: {title}";
        personas = "Personas", "Persona's";
        vote_results = "Vote results", "Uitslag van de stemming";
        /// "{n} participants, {of} dots each".
        voters = "{n} participants, {of} dots each", "{n} deelnemers, elk {of} stippen";
        one_vote = "1 vote", "1 stem";
        /// "{n} votes".
        many_votes = "{n} votes", "{n} stemmen";
        close = "Close", "Sluiten";
        phase = "Phase", "Fase";
        row = "Row", "Rij";
        notes = "Notes", "Notities";
        channel = "Channel", "Kanaal";
        tags = "Tags", "Labels";
        votes = "Votes", "Stemmen";
        emotion = "Emotion", "Emotie";
        role = "Role", "Rol";
        goals = "Goals", "Doelen";
        frustrations = "Frustrations", "Frustraties";
        /// The heading of the list of cards a screen reader reads instead of the picture.
        all_cards = "All cards, phase by phase", "Alle kaarten, fase voor fase";
        map = "The journey as a map; every card is listed after it", "De klantreis als kaart; alle kaarten staan erna in een lijst";
        keys =
            "Drag or scroll to move · Ctrl+scroll, pinch or + − to zoom · 0 fits · ← → phase by phase · click a card for its details",
            "Sleep of scrol om te verschuiven · Ctrl+scrollen, knijpen of + − om te zoomen · 0 past · ← → fase voor fase · klik op een kaart voor de details";
        made_with = "Made with Journeywall", "Gemaakt met Journeywall";
    }
}
