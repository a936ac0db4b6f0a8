//! A bundled face cut down to what an HTML page shows, as a WOFF file for an `@font-face` data
//! URL. Glyphs keep their numbers: the face's layout tables (GSUB, GPOS, GDEF: Arabic joining,
//! mark placement, kerning) stay valid as they are, and the outlines of the glyphs the page does
//! not draw are left out (an empty glyph costs a repeated offset, which compression takes away).
//! The character map lists only the characters given, so a browser takes any other character
//! (one typed into the search box) from the next font in line instead of drawing nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use flate2::write::ZlibEncoder;
use flate2::Compression;

use super::font::{face, file, FaceId};

type Tag = [u8; 4];

/// The tables a browser shapes and draws with; vertical and device metrics and signatures go.
const KEPT: [&Tag; 17] = [
    b"OS/2", b"GDEF", b"GPOS", b"GSUB", b"cmap", b"cvt ", b"fpgm", b"gasp", b"glyf", b"head", b"hhea", b"hmtx", b"loca", b"maxp", b"name",
    b"post", b"prep",
];

/// Face `id` with the outlines of `glyphs` (and of the glyphs they are built of) and a character
/// map of `chars` (those the face has), as WOFF. None if the file is not the TrueType it should be.
pub fn woff(id: FaceId, glyphs: &BTreeSet<u16>, chars: &BTreeSet<char>) -> Option<Vec<u8>> {
    let tables = read_tables(file(id))?;
    let shaping = face(id);
    let map: BTreeMap<char, u16> = chars.iter().filter_map(|&c| shaping.glyph_index(c).filter(|g| g.0 != 0).map(|g| (c, g.0))).collect();
    let head = tables.get(b"head")?;
    let count = usize::from(u16_at(tables.get(b"maxp")?, 4)?);
    let long = u16_at(head, 50)? == 1;
    let loca = tables.get(b"loca")?;
    let offsets: Vec<usize> = (0..=count)
        .map(|i| if long { u32_at(loca, 4 * i).map(|o| o as usize) } else { u16_at(loca, 2 * i).map(|o| 2 * o as usize) })
        .collect::<Option<_>>()?;
    let glyf = tables.get(b"glyf")?;
    let outline = |gid: u16| -> Option<&[u8]> {
        let (from, to) = (*offsets.get(usize::from(gid))?, *offsets.get(usize::from(gid) + 1)?);
        glyf.get(from..to)
    };

    // The glyphs asked for, those the map names, .notdef, and every component of those.
    let mut keep: BTreeSet<u16> = glyphs.iter().chain(map.values()).copied().chain([0]).filter(|&g| usize::from(g) < count).collect();
    let mut todo: Vec<u16> = keep.iter().copied().collect();
    while let Some(gid) = todo.pop() {
        for part in components(outline(gid)?) {
            if usize::from(part) < count && keep.insert(part) {
                todo.push(part);
            }
        }
    }

    let mut new_glyf = Vec::new();
    let mut new_loca = Vec::with_capacity(4 * (count + 1));
    for gid in 0..count {
        new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());
        if keep.contains(&(gid as u16)) {
            new_glyf.extend_from_slice(outline(gid as u16)?);
            pad(&mut new_glyf);
        }
    }
    new_loca.extend_from_slice(&(new_glyf.len() as u32).to_be_bytes());

    let mut out: BTreeMap<Tag, Vec<u8>> = BTreeMap::new();
    for (tag, data) in &tables {
        if KEPT.contains(&tag) {
            out.insert(*tag, data.to_vec());
        }
    }
    out.insert(*b"glyf", new_glyf);
    out.insert(*b"loca", new_loca);
    out.insert(*b"cmap", cmap(&map));
    if let Some(post) = out.get_mut(b"post") {
        // Version 3: no glyph names (a third of a Latin face), which no browser reads.
        post.truncate(32);
        post.get_mut(..4)?.copy_from_slice(&0x0003_0000u32.to_be_bytes());
    }
    let head = out.get_mut(b"head")?;
    head.get_mut(50..52)?.copy_from_slice(&1u16.to_be_bytes());
    head.get_mut(8..12)?.copy_from_slice(&[0; 4]);
    let adjustment = 0xB1B0_AFBAu32.wrapping_sub(checksum(&sfnt(&out)));
    out.get_mut(b"head")?.get_mut(8..12)?.copy_from_slice(&adjustment.to_be_bytes());
    Some(wrap(&out))
}

/// The tables of a TrueType file, by tag.
fn read_tables(font: &[u8]) -> Option<BTreeMap<Tag, &[u8]>> {
    let n = usize::from(u16_at(font, 4)?);
    (0..n)
        .map(|i| {
            let record = font.get(12 + 16 * i..28 + 16 * i)?;
            let tag: Tag = record.get(..4)?.try_into().ok()?;
            let (offset, length) = (u32_at(record, 8)? as usize, u32_at(record, 12)? as usize);
            Some((tag, font.get(offset..offset + length)?))
        })
        .collect()
}

/// The glyphs a composite glyph is made of (none for a simple one).
fn components(glyph: &[u8]) -> Vec<u16> {
    const WORDS: u16 = 0x0001;
    const SCALE: u16 = 0x0008;
    const MORE: u16 = 0x0020;
    const XY_SCALE: u16 = 0x0040;
    const TWO_BY_TWO: u16 = 0x0080;
    let mut parts = Vec::new();
    if u16_at(glyph, 0).is_none_or(|contours| (contours as i16) >= 0) {
        return parts;
    }
    let mut at = 10;
    while let (Some(flags), Some(gid)) = (u16_at(glyph, at), u16_at(glyph, at + 2)) {
        parts.push(gid);
        at += 4 + if flags & WORDS != 0 { 4 } else { 2 };
        at += if flags & SCALE != 0 {
            2
        } else if flags & XY_SCALE != 0 {
            4
        } else if flags & TWO_BY_TWO != 0 {
            8
        } else {
            0
        };
        if flags & MORE == 0 {
            break;
        }
    }
    parts
}

/// A character map of `map`: format 4 for the Basic Multilingual Plane (which every reader
/// takes), and format 12 for all of it when some character lies beyond (emoji).
fn cmap(map: &BTreeMap<char, u16>) -> Vec<u8> {
    // Runs of consecutive characters on consecutive glyphs: (first char, last char, first glyph).
    let mut runs: Vec<(u32, u32, u32)> = Vec::new();
    for (&c, &g) in map {
        let (c, g) = (c as u32, u32::from(g));
        match runs.last_mut() {
            Some((from, to, first)) if *to + 1 == c && *first + (c - *from) == g => *to = c,
            _ => runs.push((c, c, g)),
        }
    }
    let mut bmp: Vec<(u32, u32, u32)> = Vec::new();
    for &(from, to, first) in runs.iter().filter(|r| r.0 < 0xFFFF) {
        bmp.push((from, to.min(0xFFFE), first));
    }
    bmp.push((0xFFFF, 0xFFFF, 0));
    let segments = bmp.len();
    let power = 1usize << (usize::BITS - 1 - segments.leading_zeros());
    let mut four = Vec::new();
    for v in [4, 16 + 8 * segments, 0, 2 * segments, 2 * power, power.trailing_zeros() as usize, 2 * segments - 2 * power] {
        four.extend_from_slice(&(v as u16).to_be_bytes());
    }
    let column = |four: &mut Vec<u8>, value: &dyn Fn(&(u32, u32, u32)) -> u32| {
        for run in &bmp {
            four.extend_from_slice(&(value(run) as u16).to_be_bytes());
        }
    };
    column(&mut four, &|r| r.1);
    four.extend_from_slice(&[0, 0]);
    column(&mut four, &|r| r.0);
    // glyph = char + delta (mod 65536); the closing segment maps 0xFFFF to glyph 0.
    column(&mut four, &|r| if r.0 == 0xFFFF { 1 } else { r.2.wrapping_sub(r.0) & 0xFFFF });
    column(&mut four, &|_| 0);

    let wide = runs.iter().any(|r| r.1 > 0xFFFF);
    let mut twelve = Vec::new();
    if wide {
        twelve.extend_from_slice(&12u16.to_be_bytes());
        twelve.extend_from_slice(&[0, 0]);
        for v in [16 + 12 * runs.len(), 0, runs.len()] {
            twelve.extend_from_slice(&(v as u32).to_be_bytes());
        }
        for &(from, to, first) in &runs {
            for v in [from, to, first] {
                twelve.extend_from_slice(&v.to_be_bytes());
            }
        }
    }
    let records: u16 = if wide { 2 } else { 1 };
    let mut out = Vec::new();
    out.extend_from_slice(&0u16.to_be_bytes());
    out.extend_from_slice(&records.to_be_bytes());
    let start = 4 + 8 * u32::from(records);
    out.extend_from_slice(&[0, 3, 0, 1]);
    out.extend_from_slice(&start.to_be_bytes());
    if wide {
        out.extend_from_slice(&[0, 3, 0, 10]);
        out.extend_from_slice(&(start + four.len() as u32).to_be_bytes());
    }
    out.extend(four);
    out.extend(twelve);
    out
}

/// The tables as a TrueType file (only to work out the checksum its head table holds).
fn sfnt(tables: &BTreeMap<Tag, Vec<u8>>) -> Vec<u8> {
    let n = tables.len();
    let power = 1usize << (usize::BITS - 1 - n.leading_zeros());
    let mut out = Vec::new();
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    for v in [n, 16 * power, power.trailing_zeros() as usize, 16 * n - 16 * power] {
        out.extend_from_slice(&(v as u16).to_be_bytes());
    }
    let mut offset = 12 + 16 * n;
    for (tag, data) in tables {
        out.extend_from_slice(tag);
        for v in [table_checksum(tag, data), offset as u32, data.len() as u32] {
            out.extend_from_slice(&v.to_be_bytes());
        }
        offset += data.len().next_multiple_of(4);
    }
    for data in tables.values() {
        out.extend_from_slice(data);
        pad(&mut out);
    }
    out
}

/// WOFF 1.0: the same tables, each compressed with zlib when that makes it smaller.
fn wrap(tables: &BTreeMap<Tag, Vec<u8>>) -> Vec<u8> {
    let n = tables.len();
    let packed: Vec<Vec<u8>> = tables
        .values()
        .map(|data| {
            let mut z = ZlibEncoder::new(Vec::new(), Compression::best());
            // Writing to memory does not fail.
            let _ = z.write_all(data);
            z.finish().ok().filter(|z| z.len() < data.len()).unwrap_or_else(|| data.clone())
        })
        .collect();
    let sfnt_size = 12 + 16 * n + tables.values().map(|d| d.len().next_multiple_of(4)).sum::<usize>();
    let mut body = Vec::new();
    let mut directory = Vec::new();
    let start = 44 + 20 * n;
    for ((tag, data), packed) in tables.iter().zip(&packed) {
        directory.extend_from_slice(tag);
        for v in [start + body.len(), packed.len(), data.len()] {
            directory.extend_from_slice(&(v as u32).to_be_bytes());
        }
        directory.extend_from_slice(&table_checksum(tag, data).to_be_bytes());
        body.extend_from_slice(packed);
        pad(&mut body);
    }
    let mut out = Vec::with_capacity(start + body.len());
    out.extend_from_slice(b"wOFF");
    out.extend_from_slice(&0x0001_0000u32.to_be_bytes());
    out.extend_from_slice(&((start + body.len()) as u32).to_be_bytes());
    out.extend_from_slice(&(n as u16).to_be_bytes());
    out.extend_from_slice(&[0, 0]);
    out.extend_from_slice(&(sfnt_size as u32).to_be_bytes());
    out.extend_from_slice(&[0, 1, 0, 0]);
    out.extend_from_slice(&[0; 20]);
    out.extend(directory);
    out.extend(body);
    out
}

/// A table's checksum as its directory entry gives it: the head table's is taken with the whole
/// file's checksum adjustment (which it holds) as 0.
fn table_checksum(tag: &Tag, data: &[u8]) -> u32 {
    let sum = checksum(data);
    match (tag, u32_at(data, 8)) {
        (b"head", Some(adjustment)) => sum.wrapping_sub(adjustment),
        _ => sum,
    }
}

fn checksum(data: &[u8]) -> u32 {
    data.chunks(4).fold(0u32, |sum, chunk| {
        let mut word = [0; 4];
        word[..chunk.len()].copy_from_slice(chunk);
        sum.wrapping_add(u32::from_be_bytes(word))
    })
}

fn pad(data: &mut Vec<u8>) {
    data.resize(data.len().next_multiple_of(4), 0);
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(data.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use rustybuzz::ttf_parser::GlyphId;
    use rustybuzz::{Face, UnicodeBuffer};

    use super::*;
    use crate::poster::font::{face_for, Weight};

    /// A WOFF file back as the TrueType file it packs, as a browser unpacks it.
    fn unwrap(woff: &[u8]) -> Vec<u8> {
        assert_eq!(&woff[..4], b"wOFF");
        assert_eq!(u32_at(woff, 8).unwrap() as usize, woff.len(), "the length it says it has");
        let n = usize::from(u16_at(woff, 12).unwrap());
        let mut tables = BTreeMap::new();
        for i in 0..n {
            let d = &woff[44 + 20 * i..64 + 20 * i];
            let (offset, packed, length) =
                (u32_at(d, 4).unwrap() as usize, u32_at(d, 8).unwrap() as usize, u32_at(d, 12).unwrap() as usize);
            let data = &woff[offset..offset + packed];
            let table = if packed < length {
                let mut out = Vec::new();
                flate2::read::ZlibDecoder::new(data).read_to_end(&mut out).unwrap();
                out
            } else {
                data.to_vec()
            };
            assert_eq!(table.len(), length);
            assert_eq!(
                table_checksum(d[..4].try_into().unwrap(), &table),
                u32_at(d, 16).unwrap(),
                "{:?}'s checksum",
                std::str::from_utf8(&d[..4])
            );
            tables.insert(d[..4].try_into().unwrap(), table);
        }
        let sfnt = sfnt(&tables);
        assert_eq!(u32_at(woff, 16).unwrap() as usize, sfnt.len(), "the size it unpacks to");
        assert_eq!(checksum(&sfnt), 0xB1B0_AFBA, "the whole file's checksum");
        sfnt
    }

    fn glyphs_of(face: &Face, text: &str) -> Vec<u32> {
        let mut buffer = UnicodeBuffer::new();
        buffer.push_str(text);
        rustybuzz::shape(face, &[], buffer).glyph_infos().iter().map(|g| g.glyph_id).collect()
    }

    /// The subset shapes Arabic as the whole face does (joined letters, same glyphs), draws those
    /// glyphs with the same outlines, and maps no character it was not asked for.
    #[test]
    fn a_subset_shapes_and_draws_what_it_was_made_for_and_maps_nothing_else() {
        let word = "مرحبا بالعالم";
        let id = face_for('م', Weight::Regular).unwrap();
        let full = face(id);
        let glyphs: BTreeSet<u16> = glyphs_of(full, word).into_iter().map(|g| g as u16).collect();
        let chars: BTreeSet<char> = word.chars().collect();
        let woff = woff(id, &glyphs, &chars).unwrap();
        let sfnt = unwrap(&woff);
        let cut = Face::from_slice(&sfnt, 0).expect("the subset is a font");
        assert_eq!(glyphs_of(&cut, word), glyphs_of(full, word), "joined as by the whole face");
        for &g in &glyphs {
            assert_eq!(cut.glyph_bounding_box(GlyphId(g)), full.glyph_bounding_box(GlyphId(g)), "glyph {g}");
        }
        assert!(cut.glyph_index('ش').is_none(), "a letter not asked for is left to the next font");
        assert!(woff.len() < file(id).len() / 4, "{} bytes", woff.len());
    }

    /// Accents built of two glyphs keep both; emoji beyond the BMP are mapped (format 12), and
    /// a face with none of them still has a valid map.
    #[test]
    fn composite_glyphs_keep_their_parts_and_emoji_are_mapped() {
        let latin = face_for('é', Weight::Regular).unwrap();
        let e = face(latin).glyph_index('é').unwrap().0;
        let sfnt = unwrap(&woff(latin, &BTreeSet::new(), &['é', 'a'].into()).unwrap());
        let cut = Face::from_slice(&sfnt, 0).unwrap();
        assert_eq!(cut.glyph_index('é').map(|g| g.0), Some(e));
        assert_eq!(cut.glyph_bounding_box(GlyphId(e)), face(latin).glyph_bounding_box(GlyphId(e)));
        let emoji = face_for('🚲', Weight::Regular).unwrap();
        let sfnt = unwrap(&woff(emoji, &BTreeSet::new(), &['🚲', '★'].into()).unwrap());
        let cut = Face::from_slice(&sfnt, 0).unwrap();
        assert_eq!(cut.glyph_index('🚲'), face(emoji).glyph_index('🚲'));
        assert_eq!(cut.glyph_index('★'), face(emoji).glyph_index('★'));
        assert!(Face::from_slice(&unwrap(&woff(emoji, &BTreeSet::new(), &BTreeSet::new()).unwrap()), 0).is_some());
    }
}
