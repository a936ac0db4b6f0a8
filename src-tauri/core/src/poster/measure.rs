//! Text measured by its shaped glyphs and wrapped where Unicode allows a break (UAX #14: at
//! spaces, and between CJK characters, which have none), so that what the layout wraps is what
//! every renderer draws.

use std::collections::HashMap;
use std::sync::Arc;

use unicode_linebreak::{linebreaks, BreakOpportunity};

use super::font::{is_attached, Weight};
use super::glyphs::{advances, shape_line, ShapedLine};
use super::shapes::{Colour, Shape};

pub const ELLIPSIS: char = '…';

/// The narrowest advance a bundled glyph has, in em: bounds how much of a long text can fit.
const NARROWEST: f32 = 0.1;

/// Measures and wraps text for one layout, shaping each distinct line once.
#[derive(Default)]
pub struct Measure {
    /// By weight and direction, then by text: a lookup needs no new String.
    shaped: HashMap<(Weight, Option<bool>), HashMap<String, Arc<ShapedLine>>>,
}

impl Measure {
    pub fn new() -> Measure {
        Measure::default()
    }

    /// `text` shaped as one line, in its own base direction.
    pub fn shaped(&mut self, text: &str, weight: Weight) -> Arc<ShapedLine> {
        self.shaped_in(text, weight, None)
    }

    /// `text` shaped as one line of a paragraph whose base direction is right to left (`Some(true)`),
    /// left to right, or the line's own (None).
    pub fn shaped_in(&mut self, text: &str, weight: Weight, rtl: Option<bool>) -> Arc<ShapedLine> {
        let lines = self.shaped.entry((weight, rtl)).or_default();
        if let Some(line) = lines.get(text) {
            return line.clone();
        }
        let line = Arc::new(shape_line(text, weight, rtl));
        lines.insert(text.to_string(), line.clone());
        line
    }

    /// `text` as one line to draw, starting at `x` on baseline `y`, in the paragraph direction `rtl`
    /// (None: the line's own).
    pub fn line(&mut self, (x, y): (f32, f32), size: f32, weight: Weight, colour: Colour, text: &str, rtl: Option<bool>) -> Shape {
        Shape::Text { x, y, size, weight, colour, text: text.to_string(), line: self.shaped_in(text, weight, rtl) }
    }

    /// Width of `text` at `size` (the em, in millimetres).
    pub fn width(&mut self, text: &str, weight: Weight, size: f32) -> f32 {
        self.shaped(text, weight).width * size
    }

    /// Breaks `text` into lines no wider than `width`: where Unicode allows a break, inside a word
    /// when a word alone is too wide, and at every newline the text has. With `max_lines`, the last
    /// line that fits ends in an ellipsis when text is left over.
    pub fn wrap(&mut self, text: &str, weight: Weight, size: f32, width: f32, max_lines: Option<usize>) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let limit = max_lines.map(|m| m.max(1));
        // What could fit at all: a 100 kB note is not shaped for the three lines it may show.
        let room = limit.map(|m| (m + 1) * ((width / (size * NARROWEST)).ceil() as usize + 1));
        for paragraph in text.split('\n') {
            if limit.is_some_and(|m| lines.len() > m) {
                break;
            }
            let paragraph = match room.and_then(|r| paragraph.char_indices().nth(r)) {
                Some((at, _)) => &paragraph[..at],
                None => paragraph,
            };
            self.wrap_paragraph(paragraph, weight, size, width, &mut lines);
        }
        // Text is left over when more lines were made than fit, blank ones between paragraphs
        // included: the last line kept says so, even when a blank line follows it.
        let cut = limit.filter(|&m| lines.len() > m);
        if let Some(max) = cut {
            lines.truncate(max);
        }
        while lines.len() > 1 && lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        if cut.is_some() {
            let last = lines.last_mut().expect("at least one line");
            self.end_with_ellipsis(last, weight, size, width);
        }
        lines
    }

    fn wrap_paragraph(&mut self, text: &str, weight: Weight, size: f32, width: f32, lines: &mut Vec<String>) {
        let shaped = self.shaped(text, weight);
        let widths: Vec<f32> = advances(&shaped, text).into_iter().map(|a| a * size).collect();
        let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let index_of = |byte: usize| offsets.partition_point(|&o| o < byte);
        let span = |a: usize, b: usize| -> f32 { widths[index_of(a)..index_of(b)].iter().sum() };
        let trimmed_end = |a: usize, b: usize| a + text[a..b].trim_end().len();

        let mut start = 0; // where the current line starts (bytes)
        let mut end = 0; // where it may end so far: after the last piece taken
        for (at, kind) in linebreaks(text) {
            // The piece from `end` to `at`, without the spaces it ends in, must fit.
            let fits = span(start, trimmed_end(end, at)) <= width;
            if !fits && end > start {
                // Only spaces so far (a paragraph that starts with them) make no line of their own.
                if trimmed_end(start, end) > start {
                    lines.push(text[start..trimmed_end(start, end)].to_string());
                }
                start = end;
            }
            if span(start, trimmed_end(start, at)) > width {
                // A word wider than the line is cut where it must be, never before a mark.
                let mut line_w = 0.0;
                let mut cut = start;
                for (i, c) in text[start..trimmed_end(start, at)].char_indices() {
                    let w = widths[index_of(start + i)];
                    if line_w + w > width && start + i > cut && !is_attached(c) {
                        lines.push(text[cut..start + i].to_string());
                        cut = start + i;
                        line_w = 0.0;
                    }
                    line_w += w;
                }
                start = cut;
            }
            end = at;
            if kind == BreakOpportunity::Mandatory && at < text.len() {
                lines.push(text[start..trimmed_end(start, end)].to_string());
                start = end;
            }
        }
        lines.push(text[start..trimmed_end(start, text.len())].to_string());
    }

    /// Shortens `line` until it and an ellipsis fit in `width`.
    pub fn end_with_ellipsis(&mut self, line: &mut String, weight: Weight, size: f32, width: f32) {
        let room = width - self.width(&ELLIPSIS.to_string(), weight, size);
        let shaped = self.shaped(line, weight);
        let widths = advances(&shaped, line);
        let mut used = 0.0;
        let mut keep = 0;
        for ((i, c), w) in line.char_indices().zip(widths) {
            used += w * size;
            if used > room {
                break;
            }
            keep = i + c.len_utf8();
        }
        let mut cut = line[..keep].trim_end().to_string();
        // Shaping the shorter line may make it wider (a joined letter at its new end): trim until it fits.
        while !cut.is_empty() && self.width(&format!("{cut}{ELLIPSIS}"), weight, size) > width {
            cut.pop();
            cut.truncate(cut.trim_end().len());
        }
        *line = format!("{cut}{ELLIPSIS}");
    }

    /// One line: the text as it is when it fits, else cut with an ellipsis.
    pub fn fit_line(&mut self, text: &str, weight: Weight, size: f32, width: f32) -> String {
        let room = (width / (size * NARROWEST)).ceil() as usize + 2;
        let mut flat = String::new();
        for word in text.split_whitespace() {
            if flat.chars().count() > room {
                break;
            }
            if !flat.is_empty() {
                flat.push(' ');
            }
            flat.push_str(word);
        }
        if self.width(&flat, weight, size) <= width {
            return flat;
        }
        self.end_with_ellipsis(&mut flat, weight, size, width);
        flat
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
    fn cjk_wraps_without_spaces_and_arabic_at_its_spaces() {
        let mut m = Measure::new();
        let cjk = "顾客在网上比较三家自行车保险的价格和服务然后决定";
        let lines = m.wrap(cjk, Weight::Regular, 4.0, 30.0, None);
        assert!(lines.len() > 1, "{lines:?}");
        assert_eq!(lines.concat(), cjk);
        for l in &lines {
            assert!(m.width(l, Weight::Regular, 4.0) <= 30.0, "{l}");
        }
        let arabic = "يقارن العميل أسعار ثلاث شركات تأمين على الدراجات قبل أن يقرر";
        let lines = m.wrap(arabic, Weight::Regular, 4.0, 40.0, None);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), arabic, "broken at spaces only");
        for l in &lines {
            assert!(m.width(l, Weight::Regular, 4.0) <= 40.0, "{l}");
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
        let long = m.fit_line(&"lang ".repeat(20_000), Weight::Regular, 4.0, 30.0);
        assert!(long.ends_with(ELLIPSIS) && m.width(&long, Weight::Regular, 4.0) <= 30.0);
    }

    /// Found by reading the code: a blank line after the last line that fits used to hide that
    /// text was left out, and leading spaces made an empty first line.
    #[test]
    fn left_over_text_is_marked_across_blank_lines_and_leading_spaces_make_no_line() {
        let mut m = Measure::new();
        assert_eq!(m.wrap("Intro\n\nDetails", Weight::Regular, 4.0, 40.0, Some(1)), vec![format!("Intro{ELLIPSIS}")]);
        assert_eq!(m.wrap("Intro\n\nDetails", Weight::Regular, 4.0, 40.0, Some(2)), vec![format!("Intro{ELLIPSIS}")]);
        assert_eq!(m.wrap("Intro\n\nDetails", Weight::Regular, 4.0, 40.0, Some(3)), vec!["Intro", "", "Details"]);
        let lines = m.wrap("     Superkalifragilistisch", Weight::Regular, 4.0, 30.0, None);
        assert!(!lines[0].trim().is_empty(), "{lines:?}");
        assert_eq!(m.wrap("a\tb", Weight::Regular, 4.0, 40.0, None), vec!["a\tb"]);
        assert!((m.width("a\tb", Weight::Regular, 4.0) - m.width("a b", Weight::Regular, 4.0)).abs() < 1e-4, "a tab is as wide as a space");
    }

    #[test]
    fn a_huge_note_is_wrapped_only_as_far_as_it_shows() {
        let mut m = Measure::new();
        let note = "✓ één 😀 שלום ".repeat(8_000);
        let started = std::time::Instant::now();
        let lines = m.wrap(&note, Weight::Regular, 3.0, 50.0, Some(4));
        assert_eq!(lines.len(), 4);
        assert!(started.elapsed().as_millis() < 2_000, "took {:?}", started.elapsed());
    }
}
