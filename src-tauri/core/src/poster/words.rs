//! The few words a poster prints itself, in the journey's own language.

use crate::said::bilingual;

bilingual! {
    /// The poster's own words in the journey's language.
    pub struct Words, fn words {
        legend = "Legend", "Legenda";
        emotion = "Emotion", "Emotie";
        emotions: [&'static str; 5] =
            ["very negative", "negative", "neutral", "positive", "very positive"],
            ["heel negatief", "negatief", "neutraal", "positief", "heel positief"];
        votes = "votes", "stemmen";
        channels = "Channels", "Kanalen";
        persona = "Persona", "Persona";
        made_with = "Made with Journeywall", "Gemaakt met Journeywall";
        cards = "cards", "kaarten";
        phases = "phases", "fases";
        months: [&'static str; 12] =
            ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
            ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
        sheet = "Sheet", "Vel";
        left = "left", "links";
        right = "right", "rechts";
        above = "above", "boven";
        below = "below", "onder";
        sheets_of = "sheets of", "vellen";
        finished = "finished size", "eindformaat";
        assembly = "How the sheets go together", "Zo passen de vellen in elkaar";
        how_to: [&'static str; 3] = [
            "1. Lay the sheets out as in the grid: letters are rows, numbers are columns.",
            "2. Trim every sheet along its cut marks on the left and top (not the first column or row).",
            "3. Glue each trimmed sheet over the shaded strip of its neighbour, matching the print.",
        ], [
            "1. Leg de vellen neer zoals in het raster: letters zijn rijen, cijfers zijn kolommen.",
            "2. Knip elk vel bij op de snijtekens links en boven (niet de eerste kolom of rij).",
            "3. Plak elk bijgeknipt vel over de gearceerde strook van de buur, zodat de druk aansluit.",
        ];
        /// Said on the assembly page when some spots of the grid get no sheet.
        blank_spot =
            "A spot marked – gets no sheet: the poster is blank there.",
            "Een plek met – krijgt geen vel: de poster is daar leeg.";
        /// "10 × 12 sheets of A4, 118 to print".
        to_print = "to print", "te printen";
        of = "of", "van";
    }
}

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

/// Names by letter, counted from 0: A … Z, AA, AB … (a spreadsheet's columns, the rows of a
/// tiled poster's sheets).
pub fn letters(mut i: usize) -> String {
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
    fn names_by_letter_run_on_past_z() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(27), "AB");
        assert_eq!(letters(26 + 26 * 26), "AAA");
    }
}
