//! One line of text shaped into positioned glyphs: split into directional runs (Unicode bidi),
//! each run into the faces of the fallback chain, each piece shaped by rustybuzz. Every renderer
//! draws these glyphs, so the PDF, the SVG and the PNG show the same letters in the same places.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use rustybuzz::{Direction, Script, ShapePlan, UnicodeBuffer};
use unicode_bidi::BidiInfo;

use super::font::{face, face_for, has_glyph, is_attached, is_invisible, primary, units_per_em, FaceId, Weight};

/// A glyph of a shaped line; lengths in em, `x` from the line's left edge, `y` upwards.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub face: FaceId,
    pub id: u16,
    pub x: f32,
    pub y: f32,
    pub advance: f32,
    /// The bytes of the line's text this glyph draws (a ligature draws several characters; the
    /// second glyph of a cluster draws none).
    pub text: (u32, u32),
    /// Part of a right-to-left run.
    pub rtl: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ShapedLine {
    /// In the order they are drawn, left to right.
    pub glyphs: Vec<Glyph>,
    /// The pen's travel, in em.
    pub width: f32,
    /// The base direction the line was laid out in (its paragraph's): right to left. A page
    /// that sets the line as text gives it the same.
    pub rtl: bool,
}

/// Shapes `text` as one line; `rtl` is the base direction of the paragraph it comes from (None:
/// its own first strong character decides).
pub fn shape_line(text: &str, weight: Weight, rtl: Option<bool>) -> ShapedLine {
    let mut line = ShapedLine::default();
    if text.is_empty() {
        return line;
    }
    // No face has a tab: it is a space (same length in bytes, so every offset stays right).
    let text: &str = &text.replace('\t', " ");
    line.rtl = rtl.unwrap_or_else(|| is_rtl(text));
    let base = rtl.map(|r| if r { unicode_bidi::Level::rtl() } else { unicode_bidi::Level::ltr() });
    let bidi = BidiInfo::new(text, base);
    let mut pen = 0.0;
    for para in &bidi.paragraphs {
        let (levels, runs) = bidi.visual_runs(para, para.range.clone());
        for run in runs {
            let rtl = levels[run.start].is_rtl();
            let mut pieces = pieces(text, run, weight);
            if rtl {
                pieces.reverse();
            }
            for (face, range) in pieces {
                pen = shape_piece(text, range, face, rtl, pen, &mut line.glyphs);
            }
        }
    }
    line.width = pen;
    line
}

/// The base direction `text` would be laid out in.
pub fn is_rtl(text: &str) -> bool {
    unicode_bidi::get_base_direction(text) == unicode_bidi::Direction::Rtl
}

/// Splits a run into stretches of one face. Marks, joiners and the spaces and punctuation between
/// words stay in the face before them when it has them, so words are not cut up needlessly.
fn pieces(text: &str, run: Range<usize>, weight: Weight) -> Vec<(FaceId, Range<usize>)> {
    let mut out: Vec<(FaceId, Range<usize>)> = Vec::new();
    for (i, c) in text[run.clone()].char_indices() {
        let at = run.start + i;
        let end = at + c.len_utf8();
        let current = out.last().map(|p| p.0);
        let neutral =
            is_attached(c) || is_invisible(c) || (c.is_ascii() && !c.is_ascii_alphabetic()) || ('\u{2000}'..='\u{206F}').contains(&c);
        let chosen = match current {
            // A space must be in the face to stay there: a face without one would give it the
            // width of its missing-glyph box.
            Some(f) if neutral && (is_attached(c) || (is_invisible(c) && !c.is_whitespace()) || has_glyph(f, c)) => f,
            _ => face_for(c, weight).unwrap_or_else(|| primary(weight)),
        };
        match out.last_mut() {
            Some((f, r)) if *f == chosen => r.end = end,
            _ => out.push((chosen, at..end)),
        }
    }
    out
}

/// A shaping plan per face, direction and script, made once per thread: making one took a quarter
/// of the time shaping a card's title does.
fn plan(face_id: FaceId, rtl: bool, script: Script) -> Rc<ShapePlan> {
    thread_local! {
        static PLANS: RefCell<HashMap<(FaceId, bool, Script), Rc<ShapePlan>>> = RefCell::new(HashMap::new());
    }
    PLANS.with(|plans| {
        plans
            .borrow_mut()
            .entry((face_id, rtl, script))
            .or_insert_with(|| {
                let direction = if rtl { Direction::RightToLeft } else { Direction::LeftToRight };
                Rc::new(ShapePlan::new(face(face_id), direction, Some(script), None, &[]))
            })
            .clone()
    })
}

fn shape_piece(text: &str, range: Range<usize>, face_id: FaceId, rtl: bool, pen: f32, glyphs: &mut Vec<Glyph>) -> f32 {
    let upem = units_per_em(face_id);
    let mut buffer = UnicodeBuffer::new();
    buffer.push_str(&text[range.clone()]);
    buffer.set_direction(if rtl { Direction::RightToLeft } else { Direction::LeftToRight });
    buffer.guess_segment_properties();
    let shaped = rustybuzz::shape_with_plan(face(face_id), &plan(face_id, rtl, buffer.script()), buffer);
    let infos = shaped.glyph_infos();
    let positions = shaped.glyph_positions();
    // Where each cluster ends: at the next cluster start above it, or at the piece's end.
    let mut starts: Vec<u32> = infos.iter().map(|g| g.cluster).collect();
    starts.sort_unstable();
    starts.dedup();
    let end_of = |start: u32| -> u32 {
        let next = starts.partition_point(|&s| s <= start);
        starts.get(next).copied().unwrap_or((range.end - range.start) as u32)
    };
    let mut pen_units = 0.0;
    let mut last_cluster = None;
    for (info, pos) in infos.iter().zip(positions) {
        let start = info.cluster;
        let at = range.start + start as usize;
        let invisible = text[at..].chars().next().is_some_and(is_invisible);
        if !(info.glyph_id == 0 && invisible) {
            let first = last_cluster != Some(start);
            let span = if first { (at as u32, range.start as u32 + end_of(start)) } else { (at as u32, at as u32) };
            glyphs.push(Glyph {
                face: face_id,
                id: info.glyph_id as u16,
                x: pen + (pen_units + pos.x_offset as f32) / upem,
                y: pos.y_offset as f32 / upem,
                advance: pos.x_advance as f32 / upem,
                text: span,
                rtl,
            });
        }
        last_cluster = Some(start);
        pen_units += pos.x_advance as f32;
    }
    pen + pen_units / upem
}

/// The advance of every character of `text`, in em, in logical order (a cluster's advance goes to
/// its first character). This is what wrapping adds up.
pub fn advances(line: &ShapedLine, text: &str) -> Vec<f32> {
    let mut by_byte = vec![0.0f32; text.len() + 1];
    for g in &line.glyphs {
        by_byte[g.text.0 as usize] += g.advance;
    }
    // Glyphs of a cluster after its first sit on the cluster's first byte too.
    text.char_indices().map(|(i, _)| by_byte[i]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(line: &ShapedLine) -> Vec<(FaceId, u16)> {
        line.glyphs.iter().map(|g| (g.face, g.id)).collect()
    }

    #[test]
    fn latin_is_kerned_by_the_font() {
        let av = shape_line("AV", Weight::Regular, None);
        let a_then_v = shape_line("A", Weight::Regular, None).width + shape_line("V", Weight::Regular, None).width;
        assert!(av.width < a_then_v, "the pair AV is kerned: {} vs {a_then_v}", av.width);
    }

    #[test]
    fn arabic_is_joined_and_runs_right_to_left() {
        let word = "سلام";
        let line = shape_line(word, Weight::Regular, None);
        assert!(line.glyphs.iter().all(|g| g.face == 2 && g.id != 0));
        // Joined letters take other glyphs than the same letters alone.
        let alone: Vec<u16> = word.chars().map(|c| shape_line(&c.to_string(), Weight::Regular, None).glyphs[0].id).collect();
        let joined: Vec<u16> = line.glyphs.iter().rev().map(|g| g.id).collect();
        assert_ne!(joined, alone);
        // Drawn right to left: the first character's glyph is the rightmost.
        let first = line.glyphs.iter().find(|g| g.text.0 == 0).unwrap();
        assert!(line.glyphs.iter().all(|g| g.x <= first.x + 1e-4));
    }

    #[test]
    fn mixed_directions_keep_latin_and_numbers_in_reading_order() {
        let line = shape_line("Bel 112 אם יש שאלה", Weight::Regular, None);
        let faces: Vec<FaceId> = line.glyphs.iter().map(|g| g.face).collect();
        assert_eq!(faces.first(), Some(&0));
        assert_eq!(faces.last(), Some(&4));
        let rtl = shape_line("שלום Anna 2026", Weight::Bold, None);
        // In a right-to-left line the Hebrew word comes last on the right.
        assert_eq!(rtl.glyphs.last().map(|g| g.face), Some(5));
        // The second line of a Hebrew paragraph that starts with a Latin word stays right to left:
        // the Latin word is on its left, the Hebrew after it further left still.
        let second = shape_line("Google שואלים", Weight::Regular, Some(true));
        assert_eq!(second.glyphs.first().map(|g| g.face), Some(4), "Hebrew leftmost in a right-to-left line");
        assert_eq!(second.glyphs.last().map(|g| g.face), Some(0));
    }

    #[test]
    fn every_script_gets_real_glyphs_and_unknown_ones_a_box() {
        for (text, face) in [("漢字かな", 8), ("한국어", 6), ("🚲😀", 9), ("Ελλάδα", 0), ("Tiếng Việt", 0)] {
            let line = shape_line(text, Weight::Regular, None);
            assert!(line.glyphs.iter().all(|g| g.id != 0), "{text}: {:?}", ids(&line));
            assert!(line.glyphs.iter().any(|g| g.face == face), "{text}");
        }
        let korean = shape_line("한국어 고객", Weight::Bold, None);
        let word = shape_line("한국어", Weight::Bold, None).width;
        assert!(korean.width < 2.0 * word, "the space between Korean words is a space: {} vs {word}", korean.width);
        let heart = shape_line("❤\u{FE0F}", Weight::Regular, None);
        assert_eq!(heart.glyphs.len(), 1, "the variation selector draws nothing");
        assert!(shape_line("ᚠ", Weight::Regular, None).glyphs.iter().all(|g| g.id == 0));
    }

    #[test]
    fn advances_add_up_to_the_width() {
        for text in ["Zoekt op Google", "مرحبا بالعالم", "ひらがな", "Ä\u{0301}b"] {
            let line = shape_line(text, Weight::Regular, None);
            let sum: f32 = advances(&line, text).iter().sum();
            assert!((sum - line.width).abs() < 1e-3, "{text}: {sum} vs {}", line.width);
        }
    }

    #[test]
    fn every_glyph_knows_its_text() {
        let text = "office ﬁ وَ";
        let line = shape_line(text, Weight::Regular, None);
        let mut covered: Vec<&str> = line.glyphs.iter().map(|g| &text[g.text.0 as usize..g.text.1 as usize]).collect();
        covered.retain(|s| !s.is_empty());
        assert_eq!(covered.concat().chars().filter(|c| !c.is_whitespace()).count(), text.chars().filter(|c| !c.is_whitespace()).count());
        assert!(is_rtl("שלום Anna") && !is_rtl("Anna שלום"));
    }
}
