//! Type sizes that fit: the largest size at which a box's text, wrapped as Unicode allows,
//! fills no more than the box. Text is measured in the poster's faces (Noto Sans and its
//! fallbacks), which run a little wider than Calibri, so what fits here fits in PowerPoint; the
//! boxes also ask to shrink their text (`normAutofit`) for a reader whose face runs wider still.

use crate::poster::{Measure, Weight};

/// A line's height as a share of its size, as PowerPoint sets single spacing.
const LINE: f32 = 1.2;

/// Longer than this, a string without spaces may break anywhere: "Arbeitsunfähigkeitsbescheinigung"
/// is kept whole by a smaller size, "<script>alert('x')</script>" is not.
const LONGEST_WORD: usize = 24;

/// Sizes tried, each this share of the one before.
const STEP: f32 = 0.9;

#[derive(Default)]
pub(super) struct Fit {
    m: Measure,
}

/// One paragraph to fit: its text, weight, and size as a share of the box's first paragraph.
pub(super) type Piece<'a> = (&'a str, Weight, f32);

impl Fit {
    /// The largest size from `max` down to `min` (points) at which `pieces` fit in `w` × `h`
    /// points; None when they do not fit even at `min`.
    /// A size at which a word would be cut in two does not fit, as long as a smaller one lets it
    /// stand whole; words of Chinese and Japanese, which break between any two characters, and
    /// strings too long to be a word (a link, a line of code) may break.
    pub fn size(&mut self, pieces: &[Piece], w: f32, h: f32, max: f32, min: f32) -> Option<f32> {
        let mut size = max;
        loop {
            if self.height(pieces, w, size) <= h && self.words_fit(pieces, w, size) {
                return Some(size);
            }
            if size <= min {
                return None;
            }
            size = (size * STEP).max(min);
        }
    }

    fn words_fit(&mut self, pieces: &[Piece], w: f32, size: f32) -> bool {
        pieces.iter().all(|&(text, weight, share)| {
            text.split_whitespace()
                .filter(|word| word.chars().count() <= LONGEST_WORD && !word.chars().any(breaks_anywhere))
                .all(|word| self.m.width(word, weight, size * share) <= w)
        })
    }

    /// How tall `pieces` are at `size`, wrapped to `w`.
    pub fn height(&mut self, pieces: &[Piece], w: f32, size: f32) -> f32 {
        pieces
            .iter()
            .map(|&(text, weight, share)| {
                let lines = self.m.wrap(text, weight, size * share, w, None).len().max(1);
                lines as f32 * size * share * LINE
            })
            .sum()
    }

    /// The start of `text` that fits in `lines` lines of `w` at `size`, ending in "…" when some
    /// is left out: the map shows every card, at a size a long title cannot push further down.
    pub fn cut(&mut self, text: &str, weight: Weight, size: f32, w: f32, lines: usize) -> String {
        let wrapped = self.m.wrap(text, weight, size, w, Some(lines.max(1)));
        let Some(last) = wrapped.last().and_then(|l| l.strip_suffix('…')) else { return text.to_string() };
        // The lines are pieces of `text` in order; find where the kept part of the last one ends.
        let mut at = 0;
        for line in &wrapped[..wrapped.len() - 1] {
            at = text[at..].find(line.as_str()).map_or(at, |i| at + i + line.len());
        }
        at = text[at..].find(last).map_or(at, |i| at + i + last.len());
        format!("{}…", text[..at].trim_end())
    }
}

/// Characters of scripts written without spaces, where a line may break between any two.
fn breaks_anywhere(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}' | '\u{20000}'..='\u{3FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_text_gets_a_smaller_size_than_a_short_one_and_too_long_a_text_none() {
        let mut fit = Fit::default();
        let short = fit.size(&[("Kort", Weight::Bold, 1.0)], 100.0, 40.0, 14.0, 4.0).unwrap();
        let long = "Vergelijkt prijzen op drie websites en leest de reviews van anderen";
        let smaller = fit.size(&[(long, Weight::Bold, 1.0)], 100.0, 40.0, 14.0, 4.0).unwrap();
        assert_eq!(short, 14.0);
        assert!(smaller < short && fit.height(&[(long, Weight::Bold, 1.0)], 100.0, smaller) <= 40.0, "{smaller}");
        assert_eq!(fit.size(&[(&long.repeat(20), Weight::Bold, 1.0)], 100.0, 40.0, 14.0, 4.0), None);
    }

    #[test]
    fn a_size_that_would_cut_a_word_in_two_is_passed_over_for_one_that_keeps_it_whole() {
        let mut fit = Fit::default();
        let word = "Hardloopschoenen";
        let size = fit.size(&[(word, Weight::Bold, 1.0)], 60.0, 60.0, 20.0, 4.0).unwrap();
        assert!(fit.m.width(word, Weight::Bold, size) <= 60.0, "{size}");
        // Chinese breaks between any two characters: lines of it need not hold the whole text.
        assert_eq!(fit.size(&[("客户旅程地图客户旅程地图", Weight::Regular, 1.0)], 60.0, 60.0, 14.0, 4.0), Some(14.0));
    }

    #[test]
    fn a_cut_text_is_the_start_of_the_text_and_an_ellipsis() {
        let mut fit = Fit::default();
        let text = "Vergelijkt prijzen op drie websites en leest de reviews van anderen";
        let cut = fit.cut(text, Weight::Regular, 10.0, 60.0, 2);
        assert!(cut.ends_with('…') && text.starts_with(cut.trim_end_matches('…')), "{cut}");
        assert_eq!(fit.cut("Kort", Weight::Regular, 10.0, 60.0, 2), "Kort");
    }
}
