//! The bundled faces (see `fonts/README.md`) and the fallback chain that picks, for every
//! character, the first face that can draw it. Faces are parsed when first needed, so a poster in
//! Dutch never pays for the 4 MB CJK face.

use std::sync::OnceLock;

use printpdf::ParsedFont;
use rustybuzz::Face as ShapingFace;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weight {
    Regular,
    Bold,
}

/// One bundled font file. `FaceId` is its index in `FILES`.
pub struct FaceFile {
    bytes: &'static [u8],
    /// A face with one weight only: bold text in it is drawn with a thin outline.
    pub single_weight: bool,
}

pub type FaceId = u8;

/// Bold text in a face with one weight: the outline is stroked this wide (in em) as well.
pub const SYNTHETIC_BOLD: f32 = 0.035;

pub static FILES: [FaceFile; 10] = [
    FaceFile { bytes: include_bytes!("../../fonts/NotoSans-Regular.ttf"), single_weight: false },
    FaceFile { bytes: include_bytes!("../../fonts/NotoSans-Bold.ttf"), single_weight: false },
    FaceFile { bytes: include_bytes!("../../fonts/NotoSansArabic-Regular.ttf"), single_weight: false },
    FaceFile { bytes: include_bytes!("../../fonts/NotoSansArabic-Bold.ttf"), single_weight: false },
    FaceFile { bytes: include_bytes!("../../fonts/NotoSansHebrew-Regular.ttf"), single_weight: false },
    FaceFile { bytes: include_bytes!("../../fonts/NotoSansHebrew-Bold.ttf"), single_weight: false },
    FaceFile { bytes: include_bytes!("../../fonts/NanumGothic-Hangul.ttf"), single_weight: false },
    FaceFile { bytes: include_bytes!("../../fonts/NanumGothicBold-Hangul.ttf"), single_weight: false },
    FaceFile { bytes: include_bytes!("../../fonts/DroidSansFallback-CJK.ttf"), single_weight: true },
    FaceFile { bytes: include_bytes!("../../fonts/Symbola-Emoji.ttf"), single_weight: true },
];

/// The order faces are tried in, per weight: Latin first, then the scripts a Dutch workshop meets.
const REGULAR_CHAIN: [FaceId; 6] = [0, 2, 4, 6, 8, 9];
const BOLD_CHAIN: [FaceId; 6] = [1, 3, 5, 7, 8, 9];

pub fn chain(weight: Weight) -> &'static [FaceId] {
    match weight {
        Weight::Regular => &REGULAR_CHAIN,
        Weight::Bold => &BOLD_CHAIN,
    }
}

/// The faces a `Weight::Regular` or `Weight::Bold` text starts in.
pub fn primary(weight: Weight) -> FaceId {
    chain(weight)[0]
}

/// A face for shaping and measuring, parsed once per process.
pub fn face(id: FaceId) -> &'static ShapingFace<'static> {
    static FACES: [OnceLock<ShapingFace<'static>>; FILES.len()] = [const { OnceLock::new() }; FILES.len()];
    FACES[id as usize].get_or_init(|| ShapingFace::from_slice(FILES[id as usize].bytes, 0).expect("a bundled font parses"))
}

/// The same face as printpdf reads it, for embedding; parsed only by a PDF that uses it.
pub fn pdf_face(id: FaceId) -> &'static ParsedFont {
    static PARSED: [OnceLock<ParsedFont>; FILES.len()] = [const { OnceLock::new() }; FILES.len()];
    PARSED[id as usize].get_or_init(|| ParsedFont::from_bytes(FILES[id as usize].bytes, 0, &mut Vec::new()).expect("a bundled font parses"))
}

/// The font file itself, for a page that embeds a subset of it (`webfont`).
pub fn file(id: FaceId) -> &'static [u8] {
    FILES[id as usize].bytes
}

pub fn units_per_em(id: FaceId) -> f32 {
    face(id).units_per_em() as f32
}

pub fn has_glyph(id: FaceId, c: char) -> bool {
    face(id).glyph_index(c).is_some_and(|g| g.0 != 0)
}

/// The face in `weight`'s chain that draws `c`, or None when none does.
pub fn face_for(c: char, weight: Weight) -> Option<FaceId> {
    chain(weight).iter().copied().find(|&id| has_glyph(id, c))
}

/// Characters that draw nothing by design: they steer shaping (joiners, variation selectors)
/// or direction (bidi controls), and a missing glyph for them is no loss.
pub fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F | 0xFEFF
        | 0xFFA0 | 0xFFF0..=0xFFF8 | 0xE0000..=0xE0FFF)
        || c.is_control()
        || c.is_whitespace()
}

/// Marks that belong to the character before them (accents, Arabic and Hebrew points, emoji skin
/// tones): they stay in that character's face so the shaper can place them.
pub fn is_attached(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670
        | 0x06D6..=0x06ED | 0x08D3..=0x08FF | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF
        | 0x302A..=0x302F | 0x3099 | 0x309A | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF)
        || matches!(c, '\u{200C}' | '\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

/// The characters of `text` that no bundled face can draw, each once, in order of appearance.
pub fn unprintable(text: &str) -> Vec<char> {
    let mut found: Vec<char> = Vec::new();
    for c in text.chars() {
        if !is_invisible(c) && face_for(c, Weight::Regular).is_none() && !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_script_a_workshop_writes_has_a_face() {
        for text in [
            "Zoë één café",
            "İstanbul şoför ğ",
            "Łódź źdźbło",
            "Příliš žluťoučký kůň",
            "Tiếng Việt đẹp quá",
            "Ελληνικά",
            "Привет",
            "مرحبا بالعالم",
            "שלום עולם",
            "中文字体",
            "ひらがな カタカナ 漢字",
            "한국어 텍스트",
            "😀🚲❤👍",
            "→ ✓ ★",
        ] {
            assert_eq!(unprintable(text), Vec::<char>::new(), "{text}");
        }
        assert_eq!(unprintable("a\u{FE0F}\u{200D}b\u{202B}"), Vec::<char>::new(), "invisible controls are no loss");
        assert_eq!(unprintable("ᚠᛇᚻ ᚠ"), vec!['ᚠ', 'ᛇ', 'ᚻ'], "runes have no face, and each is named once");
    }

    #[test]
    fn the_chain_prefers_the_script_face() {
        assert_eq!(face_for('a', Weight::Bold), Some(1));
        assert_eq!(face_for('م', Weight::Regular), Some(2));
        assert_eq!(face_for('ש', Weight::Bold), Some(5));
        assert_eq!(face_for('한', Weight::Bold), Some(7));
        assert_eq!(face_for('字', Weight::Bold), Some(8));
        assert_eq!(face_for('🚲', Weight::Regular), Some(9));
    }
}
