//! The fonts the page embeds: for each place in the poster's fallback chain (Latin, Arabic,
//! Hebrew, Hangul, CJK, emoji) that some text of the page needs, the regular and the bold face
//! cut down to the glyphs it needs (`webfont`), as one font family in a `data:` URL. The page's
//! text then looks as the poster prints it on every machine, and no font is fetched.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::fmt::Write;

use base64::Engine;

use super::super::font::{chain, face_for, FaceId, Weight};
use super::super::glyphs::shape_line;
use super::super::layout::Layout;
use super::super::shapes::Shape;
use super::super::webfont;

/// The words of the text the page shows as HTML (its panels, lists and own words), which the
/// browser will shape and wrap as it likes: each is shaped here as a whole, so the subset holds
/// the glyphs its letters take together (Arabic joining, ligatures).
#[derive(Default)]
pub struct Texts {
    words: HashSet<String>,
}

impl Texts {
    pub fn add(&mut self, text: &str) {
        for word in text.split_whitespace() {
            if !self.words.contains(word) {
                self.words.insert(word.to_string());
            }
        }
    }
}

/// The `@font-face` rules, then `--letters`: the families in the chain's order, for the style to
/// set text in.
pub fn css(layout: &Layout, texts: &Texts) -> String {
    let mut glyphs: BTreeMap<FaceId, BTreeSet<u16>> = BTreeMap::new();
    let mut chars: BTreeMap<FaceId, BTreeSet<char>> = BTreeMap::new();
    let note_chars = |text: &str, chars: &mut BTreeMap<FaceId, BTreeSet<char>>| {
        for c in text.chars() {
            for weight in [Weight::Regular, Weight::Bold] {
                if let Some(face) = face_for(c, weight) {
                    chars.entry(face).or_default().insert(c);
                }
            }
        }
    };
    // The map's lines are set as the layout shaped them.
    for shape in &layout.shapes {
        if let Shape::Text { text, line, .. } = shape {
            for g in &line.glyphs {
                glyphs.entry(g.face).or_default().insert(g.id);
            }
            note_chars(text, &mut chars);
        }
    }
    for word in &texts.words {
        for weight in [Weight::Regular, Weight::Bold] {
            for g in shape_line(word, weight, None).glyphs {
                glyphs.entry(g.face).or_default().insert(g.id);
            }
        }
        note_chars(word, &mut chars);
    }

    let none = BTreeSet::new();
    let mut css = String::new();
    let mut families = Vec::new();
    for (place, (&regular, &bold)) in chain(Weight::Regular).iter().zip(chain(Weight::Bold)).enumerate() {
        // A face of one weight is declared once: the browser makes its bold, as the poster does.
        let faces = if bold == regular { vec![(regular, 400)] } else { vec![(regular, 400), (bold, 700)] };
        let mut declared = false;
        for (face, weight) in faces {
            let Some(used) = chars.get(&face).filter(|c| !c.is_empty()) else { continue };
            let Some(woff) = webfont::woff(face, glyphs.get(&face).unwrap_or(&none), used) else { continue };
            let data = base64::engine::general_purpose::STANDARD.encode(woff);
            let _ = writeln!(
                css,
                "@font-face{{font-family:jw{place};font-weight:{weight};src:url(data:font/woff;base64,{data}) format(\"woff\")}}"
            );
            declared = true;
        }
        if declared {
            families.push(format!("jw{place}"));
        }
    }
    families.extend(["system-ui".to_string(), "sans-serif".to_string()]);
    let _ = writeln!(css, ":root{{--letters:{}}}", families.join(","));
    css
}
