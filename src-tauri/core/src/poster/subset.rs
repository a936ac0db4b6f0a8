//! printpdf subsets each face and numbers the glyphs it keeps anew, and keeps that numbering to
//! itself (it is made while the file is written, and no public call returns it; calling its
//! `subset_font` again would subset every face twice). Our content streams are written without
//! printpdf's operators (see `pdf`), so they need those codes. This module gets them by showing
//! every glyph once on a page of its own: printpdf subsets what that page shows, with the
//! characters each glyph draws as its ToUnicode text, and the codes it writes there are the ones
//! our content uses. The page is then taken out of the file. If printpdf ever returns the
//! mapping, this module is what goes.

use std::collections::BTreeMap;

use lopdf::{Object, ObjectId};
use printpdf::{Codepoint, FontId, Mm, Op, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Pt, TextItem};

use super::font::FaceId;
use super::layout::Layout;
use super::shapes::Shape;
use super::sheets::{Item, Page};

/// Per face, the glyphs drawn and the characters each draws (none for the second glyph of a
/// cluster): what the subset keeps, and what its ToUnicode map says.
pub(super) type Usage = BTreeMap<FaceId, BTreeMap<u16, Option<String>>>;

/// Per face, the code each glyph is written with, indexed by glyph id.
pub(super) type Codes = BTreeMap<FaceId, Vec<u16>>;

/// The file printpdf writes for `doc` with `pages` (each to be given its content by the caller)
/// and the subsets of the faces in `fonts`, keeping the glyphs of `usage`.
pub(super) struct Saved {
    pub file: lopdf::Document,
    pub codes: Codes,
    /// The glyph page's resources, which name every face and picture as every page's do: the
    /// resources of a form, or else nothing's, to be removed.
    pub resources: ObjectId,
}

pub(super) fn save(doc: &mut PdfDocument, pages: Vec<PdfPage>, usage: &Usage, fonts: &BTreeMap<FaceId, FontId>) -> Saved {
    let options = PdfSaveOptions { subset_fonts: true, ..Default::default() };
    let pages = std::iter::once(glyph_page(usage, fonts)).chain(pages).collect();
    let mut file = doc.with_pages(pages).to_lopdf_document(&options, &mut Vec::new());
    let page = file.get_pages()[&1];
    let codes = glyph_codes(&file.get_page_content(page), usage).expect("printpdf shows every glyph of the glyph page");
    let resources = file.get_dictionary(page).and_then(|page| page.get(b"Resources")).and_then(Object::as_reference);
    let resources = resources.expect("printpdf gives every page its resources");
    let contents = file.get_page_contents(page);
    file.delete_pages(&[1]);
    for id in contents {
        file.objects.remove(&id);
    }
    Saved { file, codes, resources }
}

/// Every glyph the pages draw, by face.
pub(super) fn usage(layout: &Layout, pages: &[Page]) -> Usage {
    let mut usage = Usage::new();
    // The poster is looked through once, however many sheets show it.
    let items = || pages.iter().flat_map(|p| &p.items);
    let poster = items().any(|item| matches!(item, Item::Poster { .. })).then_some(&layout.shapes);
    let own = items().filter_map(|item| match item {
        Item::Own(shapes) => Some(shapes),
        Item::Poster { .. } => None,
    });
    for shape in poster.into_iter().chain(own).flatten() {
        let Shape::Text { text, line, .. } = shape else { continue };
        for g in &line.glyphs {
            let known = usage.entry(g.face).or_default().entry(g.id).or_insert(None);
            if known.is_none() {
                // A ligature in a right-to-left word (lam-alef) is read with the word, from the
                // right: its characters go in that order too.
                let drawn = &text[g.text.0 as usize..g.text.1 as usize];
                let chars: String = if g.rtl { drawn.chars().rev().collect() } else { drawn.to_string() };
                *known = (!chars.is_empty()).then_some(chars);
            }
        }
    }
    usage
}

/// A page that shows every glyph once, face by face, in the order of `usage`.
fn glyph_page(usage: &Usage, fonts: &BTreeMap<FaceId, FontId>) -> PdfPage {
    let mut ops = vec![Op::StartTextSection];
    for (face, glyphs) in usage {
        ops.push(Op::SetFont { font: PdfFontHandle::External(fonts[face].clone()), size: Pt(10.0) });
        let codepoints = glyphs.iter().map(|(&gid, chars)| Codepoint { gid, offset: 0.0, cid: chars.clone() }).collect();
        ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(codepoints)] });
    }
    ops.push(Op::EndTextSection);
    PdfPage::new(Mm(10.0), Mm(10.0), ops)
}

/// The codes printpdf wrote on the glyph page (hex strings of two bytes per glyph, in the order
/// shown), given to each glyph of `usage`.
fn glyph_codes(content: &[u8], usage: &Usage) -> Result<Codes, String> {
    let mut written = Vec::new();
    let mut rest = content;
    while let Some(open) = rest.iter().position(|&b| b == b'<') {
        let close = rest[open..].iter().position(|&b| b == b'>').ok_or("an unclosed hex string")? + open;
        let hex: Vec<u8> = rest[open + 1..close].iter().copied().filter(|b| !b.is_ascii_whitespace()).collect();
        if hex.len() % 4 != 0 {
            return Err(format!("a glyph code of {} hex digits", hex.len()));
        }
        for code in hex.chunks(4) {
            let code = std::str::from_utf8(code).ok().and_then(|c| u16::from_str_radix(c, 16).ok()).ok_or("a code that is not hex")?;
            written.push(code);
        }
        rest = &rest[close + 1..];
    }
    let shown: usize = usage.values().map(BTreeMap::len).sum();
    if written.len() != shown {
        return Err(format!("{} codes for {shown} glyphs", written.len()));
    }
    let mut written = written.into_iter();
    Ok(usage
        .iter()
        .map(|(&face, glyphs)| {
            let mut table = vec![0; glyphs.keys().last().map_or(0, |&g| g as usize + 1)];
            for (&gid, code) in glyphs.keys().zip(written.by_ref()) {
                table[gid as usize] = code;
            }
            (face, table)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_codes_are_read_in_the_order_they_were_shown() {
        let usage: Usage = [(0, [(3, None), (70, Some("a".into()))].into()), (9, [(5, Some("😀".into()))].into())].into();
        let codes = glyph_codes(b"BT\n/F1 10 Tf\n[<0001> <0002>] TJ\n/F2 10 Tf\n[<0001>] TJ\nET", &usage).unwrap();
        assert_eq!((codes[&0][3], codes[&0][70], codes[&9][5]), (1, 2, 1));
        assert!(glyph_codes(b"[<0001>] TJ", &usage).is_err(), "a glyph without its code is an error, not a wrong glyph");
    }
}
