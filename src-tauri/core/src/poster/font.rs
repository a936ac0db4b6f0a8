//! The bundled typeface (Noto Sans, SIL Open Font License 1.1, see `fonts/OFL.txt`) and text
//! measured by its real advance widths, so that what the layout wraps is what the PDF prints.

use std::collections::HashMap;
use std::sync::OnceLock;

use printpdf::ParsedFont;

pub const REGULAR_TTF: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
pub const BOLD_TTF: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// Advance widths in em for one face. Latin text is looked up in a table; anything else asks the
/// font once and is remembered.
pub struct Face {
    pub parsed: ParsedFont,
    latin: Vec<f32>,
    missing: f32,
}

const LATIN_END: u32 = 0x250;

impl Face {
    fn load(bytes: &[u8]) -> Face {
        let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).expect("the bundled font parses");
        let upem = parsed.font_metrics.units_per_em as f32;
        let missing = parsed.get_horizontal_advance(0) as f32 / upem;
        let latin = (0..LATIN_END)
            .map(|cp| match parsed.lookup_glyph_index(cp) {
                Some(g) => parsed.get_horizontal_advance(g) as f32 / upem,
                None => missing,
            })
            .collect();
        Face { parsed, latin, missing }
    }

    fn advance(&self, c: char, others: &mut HashMap<char, f32>) -> f32 {
        let cp = c as u32;
        if cp < LATIN_END {
            return self.latin[cp as usize];
        }
        *others.entry(c).or_insert_with(|| match self.parsed.lookup_glyph_index(cp) {
            Some(g) => self.parsed.get_horizontal_advance(g) as f32 / self.parsed.font_metrics.units_per_em as f32,
            None => self.missing,
        })
    }
}

pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

/// The two faces, parsed once per process (parsing takes a few milliseconds).
pub fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| Fonts { regular: Face::load(REGULAR_TTF), bold: Face::load(BOLD_TTF) })
}

/// Measures and wraps text for one layout; keeps the advances of non-Latin characters it met.
pub struct Measure {
    fonts: &'static Fonts,
    others: HashMap<(Weight, char), f32>,
    scratch: HashMap<char, f32>,
}

pub const ELLIPSIS: char = '…';

impl Measure {
    pub fn new() -> Measure {
        Measure { fonts: fonts(), others: HashMap::new(), scratch: HashMap::new() }
    }

    /// Width of `text` at `size` (the em, in millimetres).
    pub fn width(&mut self, text: &str, weight: Weight, size: f32) -> f32 {
        let face = match weight {
            Weight::Regular => &self.fonts.regular,
            Weight::Bold => &self.fonts.bold,
        };
        let mut em = 0.0;
        for c in text.chars() {
            if (c as u32) < LATIN_END {
                em += face.latin[c as usize];
            } else {
                let known = self.others.get(&(weight, c)).copied();
                em += known.unwrap_or_else(|| {
                    let w = face.advance(c, &mut self.scratch);
                    self.others.insert((weight, c), w);
                    w
                });
            }
        }
        em * size
    }

    /// Breaks `text` into lines no wider than `width`: at spaces where it can, inside a word when a
    /// word alone is too wide, and at every newline the text has. With `max_lines`, the last line
    /// that fits ends in an ellipsis when text is left over.
    pub fn wrap(&mut self, text: &str, weight: Weight, size: f32, width: f32, max_lines: Option<usize>) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
                if self.width(&candidate, weight, size) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is cut where it must be.
                for c in word.chars() {
                    line.push(c);
                    if self.width(&line, weight, size) > width && line.chars().count() > 1 {
                        let last = line.pop().expect("line has two characters");
                        lines.push(std::mem::replace(&mut line, last.to_string()));
                    }
                }
            }
            lines.push(line);
        }
        while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        if let Some(max) = max_lines {
            if lines.len() > max {
                lines.truncate(max.max(1));
                let last = lines.last_mut().expect("at least one line");
                self.end_with_ellipsis(last, weight, size, width);
            }
        }
        lines
    }

    /// Shortens `line` until it and an ellipsis fit in `width`.
    pub fn end_with_ellipsis(&mut self, line: &mut String, weight: Weight, size: f32, width: f32) {
        loop {
            let trimmed = line.trim_end().to_string();
            let candidate = format!("{trimmed}{ELLIPSIS}");
            if self.width(&candidate, weight, size) <= width || trimmed.is_empty() {
                *line = candidate;
                return;
            }
            line.pop();
        }
    }

    /// One line: the text as it is when it fits, else cut with an ellipsis.
    pub fn fit_line(&mut self, text: &str, weight: Weight, size: f32, width: f32) -> String {
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if self.width(&flat, weight, size) <= width {
            return flat;
        }
        let mut line = flat;
        self.end_with_ellipsis(&mut line, weight, size, width);
        line
    }
}

impl Default for Measure {
    fn default() -> Self {
        Measure::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let mut m = Measure::new();
        let i = m.width("i", Weight::Regular, 10.0);
        let w = m.width("W", Weight::Regular, 10.0);
        assert!(w > 2.0 * i, "W {w} i {i}");
        assert!(m.width("W", Weight::Bold, 10.0) > w);
        assert!(m.width("€ë", Weight::Regular, 10.0) > 0.0);
    }

    #[test]
    fn wrapping_keeps_every_line_inside() {
        let mut m = Measure::new();
        let text = "Zoekt op Google naar ‘fietsverzekering’ en vergelijkt drie aanbieders op prijs € en service";
        let lines = m.wrap(text, Weight::Regular, 4.0, 40.0, None);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(m.width(l, Weight::Regular, 4.0) <= 40.0, "{l}");
        }
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn long_words_are_cut_and_newlines_kept() {
        let mut m = Measure::new();
        let lines = m.wrap("a\nSuperkalifragilistischexpialigetisch", Weight::Bold, 5.0, 20.0, None);
        assert_eq!(lines[0], "a");
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(m.width(l, Weight::Bold, 5.0) <= 20.0);
        }
    }

    #[test]
    fn ellipsis_when_lines_run_out() {
        let mut m = Measure::new();
        let lines = m.wrap(&"woord ".repeat(40), Weight::Regular, 4.0, 30.0, Some(2));
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with(ELLIPSIS));
        assert!(m.width(&lines[1], Weight::Regular, 4.0) <= 30.0);
        assert_eq!(m.fit_line("kort", Weight::Regular, 4.0, 30.0), "kort");
    }
}
