//! The layout as SVG, in design millimetres: the preview in the print dialog, an export of its
//! own, and the map in the HTML page. In the SVG file, text is drawn as the outlines of the same
//! glyphs the PDF prints (each glyph defined once, then placed), so the preview is the print
//! whatever fonts the viewer has; an invisible copy of each line keeps the text searchable. The
//! HTML page embeds subsets of the same faces instead, and sets each line as text in them.

use std::collections::BTreeSet;
use std::fmt::Write;

use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};

use super::font::{face, units_per_em, FaceId, Weight, FILES, SYNTHETIC_BOLD};
use super::layout::Layout;
use super::shapes::{Colour, Picture, Segment, Shape, Stroke};
use super::sheets::sheet_name;
use super::tiling::Plan;

/// The poster at its finished size; with `grid`, the sheets of a tiled plan drawn over it.
pub fn render(layout: &Layout, plan: &Plan, grid: bool) -> String {
    let mut s = String::with_capacity(layout.shapes.len() * 120);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}mm" height="{}mm" viewBox="0 0 {} {}" font-family="'Noto Sans', 'DejaVu Sans', Arial, sans-serif">"#,
        n(plan.poster_w),
        n(plan.poster_h),
        // A tiled poster may end before the layout does (only blank paper is left out).
        n(plan.poster_w / plan.scale),
        n(plan.poster_h / plan.scale)
    );
    let _ = write!(s, "<title>{}</title>", escape(&layout.name));
    shapes(&mut s, layout, Letters::Outlines);
    if let (true, Some(t)) = (grid, &plan.tiles) {
        let k = 1.0 / plan.scale;
        let line = (layout.width.max(layout.height) / 600.0).max(0.4);
        let size = (t.visible(0, 0, plan.poster_w, plan.poster_h).h * k * 0.12).min(40.0);
        let (mut sheets, mut labels) = (String::new(), String::new());
        for row in 0..t.rows() {
            for col in 0..t.cols() {
                let v = t.visible(col, row, plan.poster_w, plan.poster_h);
                let (x, y, w, h) = (n(v.x * k), n(v.y * k), n(v.w * k), n(v.h * k));
                let _ = write!(sheets, r#"<rect x="{x}" y="{y}" width="{w}" height="{h}" stroke-width="{}"/>"#, n(line));
                // A spot that gets no sheet is marked as on the assembly page.
                let label = if t.prints(col, row) { sheet_name(col, row) } else { "–".to_string() };
                let (cx, cy) = (n((v.x + v.w / 2.0) * k), n((v.y + v.h / 2.0) * k + size * 0.35));
                let _ = write!(labels, r#"<text x="{cx}" y="{cy}" opacity="0.7">{label}</text>"#);
            }
        }
        let _ = write!(s, r##"<g fill="none" stroke="#0a62c9" stroke-dasharray="4 2">{sheets}</g>"##);
        let _ = write!(s, r##"<g fill="#0a62c9" font-weight="700" font-size="{}" text-anchor="middle">{labels}</g>"##, n(size));
    }
    s.push_str("</svg>\n");
    s
}

/// How a line of text is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Letters {
    /// As the outlines of its glyphs, with an invisible copy of the line to search.
    Outlines,
    /// As text in the fonts the page embeds, given by its style: it shows as it is selected and
    /// found. Each line keeps the layout's width (`textLength`) and base direction.
    Fonts,
}

/// Every shape of the layout, in order; with outlines, the glyphs' definitions after them.
pub fn shapes(s: &mut String, layout: &Layout, letters: Letters) {
    let mut glyphs = BTreeSet::new();
    for shape in &layout.shapes {
        shape_svg(s, shape, &layout.pictures, letters, &mut glyphs);
    }
    glyph_defs(s, &glyphs);
}

/// Glyphs are placed in units of a thousandth of an em.
const EM: f32 = 1000.0;

fn shape_svg(s: &mut String, shape: &Shape, pictures: &[Picture], letters: Letters, glyphs: &mut BTreeSet<(FaceId, u16)>) {
    match shape {
        Shape::Rect { at, radius, fill, stroke } => {
            let _ = write!(s, r#"<rect x="{}" y="{}" width="{}" height="{}""#, n(at.x), n(at.y), n(at.w), n(at.h));
            if *radius > 0.0 {
                let _ = write!(s, r#" rx="{}""#, n(*radius));
            }
            paint(s, *fill, stroke);
        }
        Shape::Circle { cx, cy, r, fill, stroke } => {
            let _ = write!(s, r#"<circle cx="{}" cy="{}" r="{}""#, n(*cx), n(*cy), n(*r));
            paint(s, *fill, stroke);
        }
        Shape::Path { start, segments, closed, fill, stroke } => {
            let _ = write!(s, r#"<path d="M{} {}"#, n(start.0), n(start.1));
            for seg in segments {
                let _ = match seg {
                    Segment::Line(p) => write!(s, " L{} {}", n(p.0), n(p.1)),
                    Segment::Curve(a, b, c) => write!(s, " C{} {} {} {} {} {}", n(a.0), n(a.1), n(b.0), n(b.1), n(c.0), n(c.1)),
                };
            }
            if *closed {
                s.push_str(" Z");
            }
            s.push('"');
            if stroke.is_some() && !closed {
                s.push_str(r#" stroke-linecap="round""#);
            }
            paint(s, *fill, stroke);
        }
        Shape::Image { at, picture } => {
            if let Some(p) = pictures.get(*picture) {
                let _ = write!(
                    s,
                    r#"<image x="{}" y="{}" width="{}" height="{}" href="{}"/>"#,
                    n(at.x),
                    n(at.y),
                    n(at.w),
                    n(at.h),
                    escape(&p.data_url)
                );
            }
        }
        Shape::Text { x, y, size, weight, colour, text, line } => {
            if line.glyphs.is_empty() {
                return;
            }
            if letters == Letters::Fonts {
                // A right-to-left line starts at its right end.
                let (start, direction) = if line.rtl { (x + line.width * size, r#" direction="rtl""#) } else { (*x, "") };
                let bold = if *weight == Weight::Bold { r#" font-weight="700""# } else { "" };
                let _ = write!(
                    s,
                    r#"<text x="{}" y="{}" font-size="{}"{bold} fill="{}" textLength="{}" lengthAdjust="spacingAndGlyphs"{direction}>{}</text>"#,
                    n(start),
                    n(*y),
                    n(*size),
                    colour.css(),
                    n(line.width * size),
                    escape(text)
                );
                return;
            }
            let _ = write!(s, r#"<g transform="translate({} {}) scale({})" fill="{}">"#, n(*x), n(*y), size / EM, colour.css());
            for g in &line.glyphs {
                glyphs.insert((g.face, g.id));
                let _ = write!(s, r##"<use href="#g{}-{}" x="{}""##, g.face, g.id, n(g.x * EM));
                if g.y != 0.0 {
                    let _ = write!(s, r#" y="{}""#, n(-g.y * EM));
                }
                if *weight == Weight::Bold && FILES[g.face as usize].single_weight {
                    // As the PDF does: a face with one weight is made bold by stroking its outline.
                    let _ = write!(s, r#" stroke="{}" stroke-width="{}""#, colour.css(), n(SYNTHETIC_BOLD * EM));
                }
                s.push_str("/>");
            }
            s.push_str("</g>");
            let _ = write!(
                s,
                r#"<text x="{}" y="{}" font-size="{}" fill-opacity="0" textLength="{}" lengthAdjust="spacingAndGlyphs">{}</text>"#,
                n(*x),
                n(*y),
                n(*size),
                n(line.width * size),
                escape(text)
            );
        }
    }
}

/// Every glyph used, once, as a path in thousandths of an em with y pointing down.
fn glyph_defs(s: &mut String, glyphs: &BTreeSet<(FaceId, u16)>) {
    if glyphs.is_empty() {
        return;
    }
    s.push_str("<defs>");
    for &(id, glyph) in glyphs {
        let mut path = PathData { d: String::new(), k: EM / units_per_em(id) };
        face(id).outline_glyph(GlyphId(glyph), &mut path);
        let _ = write!(s, r#"<path id="g{id}-{glyph}" d="{}"/>"#, path.d.trim_end());
    }
    s.push_str("</defs>");
}

struct PathData {
    d: String,
    /// Font units to thousandths of an em.
    k: f32,
}

impl PathData {
    fn xy(&mut self, x: f32, y: f32) {
        let _ = write!(self.d, "{} {} ", n(x * self.k), n(-y * self.k));
    }
}

impl OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        self.d.push('M');
        self.xy(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.d.push('L');
        self.xy(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.d.push('Q');
        self.xy(x1, y1);
        self.xy(x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.d.push('C');
        self.xy(x1, y1);
        self.xy(x2, y2);
        self.xy(x, y);
    }
    fn close(&mut self) {
        self.d.push('Z');
    }
}

fn paint(s: &mut String, fill: Option<Colour>, stroke: &Option<Stroke>) {
    let _ = write!(s, r#" fill="{}""#, fill.map(Colour::css).as_deref().unwrap_or("none"));
    if let Some(st) = stroke {
        let _ = write!(s, r#" stroke="{}" stroke-width="{}""#, st.colour.css(), n(st.width));
        if let Some((on, off)) = st.dash {
            let _ = write!(s, r#" stroke-dasharray="{} {}""#, n(on), n(off));
        }
    }
    s.push_str("/>");
}

/// A number with at most two decimals and no trailing zeros.
pub(super) fn n(v: f32) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Text as XML character data (and HTML text or attribute value): markup in a card title stays
/// text, and a character XML cannot hold is written as U+FFFD.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, false, Some('\u{FFFD}'));
    out
}

/// Writes `text` as XML character data or an attribute's value: markup characters escaped (the
/// apostrophe too, if asked), and each character XML 1.0 does not allow, which would make the
/// whole file unreadable (control characters, U+FFFE, U+FFFF), written as `unholdable` or,
/// without one, left out.
pub(crate) fn escape_into(out: &mut String, text: &str, apostrophe: bool, unholdable: Option<char>) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' if apostrophe => out.push_str("&apos;"),
            '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'.. => out.push(c),
            _ => out.extend(unholdable),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.25), "1.25");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(12.5), "12.5");
    }

    #[test]
    fn markup_is_escaped() {
        assert_eq!(escape("<img src=x onerror=\"alert(1)\"> & co"), "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co");
        assert_eq!(escape("a\u{FFFF}b\u{1}"), "a\u{FFFD}b\u{FFFD}");
    }
}
