//! The few words a poster prints itself, in the journey's own language.

use crate::Lang;

pub struct Words {
    pub legend: &'static str,
    pub emotion: &'static str,
    pub emotions: [&'static str; 5],
    pub votes: &'static str,
    pub channels: &'static str,
    pub persona: &'static str,
    pub made_with: &'static str,
    pub cards: &'static str,
    pub phases: &'static str,
    pub months: [&'static str; 12],
    pub sheet: &'static str,
    pub left: &'static str,
    pub right: &'static str,
    pub above: &'static str,
    pub below: &'static str,
    pub sheets_of: &'static str,
    pub finished: &'static str,
    pub assembly: &'static str,
    pub how_to: [&'static str; 3],
    /// Said on the assembly page when some spots of the grid get no sheet.
    pub blank_spot: &'static str,
    /// "10 × 12 sheets of A4, 118 to print".
    pub to_print: &'static str,
    pub of: &'static str,
}

/// The poster's own words in the journey's language.
pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

const EN: Words = Words {
    legend: "Legend",
    emotion: "Emotion",
    emotions: ["very negative", "negative", "neutral", "positive", "very positive"],
    votes: "votes",
    channels: "Channels",
    persona: "Persona",
    made_with: "Made with Journeywall",
    cards: "cards",
    phases: "phases",
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    sheet: "Sheet",
    left: "left",
    right: "right",
    above: "above",
    below: "below",
    sheets_of: "sheets of",
    finished: "finished size",
    assembly: "How the sheets go together",
    how_to: [
        "1. Lay the sheets out as in the grid: letters are rows, numbers are columns.",
        "2. Trim every sheet along its cut marks on the left and top (not the first column or row).",
        "3. Glue each trimmed sheet over the shaded strip of its neighbour, matching the print.",
    ],
    blank_spot: "A spot marked – gets no sheet: the poster is blank there.",
    to_print: "to print",
    of: "of",
};

const NL: Words = Words {
    legend: "Legenda",
    emotion: "Emotie",
    emotions: ["heel negatief", "negatief", "neutraal", "positief", "heel positief"],
    votes: "stemmen",
    channels: "Kanalen",
    persona: "Persona",
    made_with: "Gemaakt met Journeywall",
    cards: "kaarten",
    phases: "fases",
    months: ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
    sheet: "Vel",
    left: "links",
    right: "rechts",
    above: "boven",
    below: "onder",
    sheets_of: "vellen",
    finished: "eindformaat",
    assembly: "Zo passen de vellen in elkaar",
    how_to: [
        "1. Leg de vellen neer zoals in het raster: letters zijn rijen, cijfers zijn kolommen.",
        "2. Knip elk vel bij op de snijtekens links en boven (niet de eerste kolom of rij).",
        "3. Plak elk bijgeknipt vel over de gearceerde strook van de buur, zodat de druk aansluit.",
    ],
    blank_spot: "Een plek met – krijgt geen vel: de poster is daar leeg.",
    to_print: "te printen",
    of: "van",
};

/// "23 November 2026" / "23 november 2026" for a time in milliseconds since 1970 (UTC).
pub fn date(millis: i64, w: &Words) -> String {
    let days = millis.div_euclid(86_400_000);
    // Howard Hinnant's days-to-civil algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{day} {} {year}", w.months[(month - 1) as usize])
}

/// Row names of sheets: A … Z, AA, AB …
pub fn row_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII letters")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever the poster prints by itself is in Noto Sans, in both weights (no fallback face).
    #[test]
    fn the_font_has_every_character_we_print() {
        use super::super::font::{has_glyph, primary, Weight};
        for w in [&EN, &NL] {
            let all = [
                w.legend,
                w.emotion,
                w.votes,
                w.channels,
                w.persona,
                w.made_with,
                w.cards,
                w.phases,
                w.sheet,
                w.left,
                w.right,
                w.above,
                w.below,
                w.sheets_of,
                w.finished,
                w.assembly,
                w.of,
                "×·…“”—+-0123456789",
            ]
            .into_iter()
            .chain(w.emotions)
            .chain(w.months)
            .chain(w.how_to)
            .collect::<String>();
            for c in all.chars() {
                for weight in [Weight::Regular, Weight::Bold] {
                    assert!(c == ' ' || has_glyph(primary(weight), c), "no glyph for {c:?}");
                }
            }
        }
    }

    #[test]
    fn dates() {
        assert_eq!(date(0, &EN), "1 January 1970");
        assert_eq!(date(1_795_392_000_000, &NL), "23 november 2026");
        assert_eq!(date(951_782_400_000, &EN), "29 February 2000");
    }

    #[test]
    fn letters() {
        assert_eq!(row_letter(0), "A");
        assert_eq!(row_letter(25), "Z");
        assert_eq!(row_letter(26), "AA");
        assert_eq!(row_letter(27), "AB");
        assert_eq!(row_letter(26 + 26 * 26), "AAA");
    }
}
