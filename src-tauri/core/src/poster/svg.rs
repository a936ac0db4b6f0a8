//! The layout as SVG, in design millimetres: the preview in the print dialog and an export of its
//! own. Text is held to the width the layout measured, so it never overflows even where the viewer
//! lacks Noto Sans.

use std::fmt::Write;

use super::font::Weight;
use super::layout::Layout;
use super::shapes::{Picture, Segment, Shape, Stroke};
use super::tiling::Plan;
use super::words::row_letter;

/// The poster at its finished size; with `grid`, the sheets of a tiled plan drawn over it.
pub fn render(layout: &Layout, plan: &Plan, grid: bool) -> String {
    let mut s = String::with_capacity(layout.shapes.len() * 120);
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}mm" height="{}mm" viewBox="0 0 {} {}" font-family="'Noto Sans', 'DejaVu Sans', Arial, sans-serif">"#,
        n(plan.poster_w),
        n(plan.poster_h),
        n(layout.width),
        n(layout.height)
    );
    let _ = write!(s, "<title>{}</title>", escape(&layout.name));
    for shape in &layout.shapes {
        shape_svg(&mut s, shape, &layout.pictures);
    }
    if let (true, Some(t)) = (grid, &plan.tiles) {
        let k = 1.0 / plan.scale;
        let line = (layout.width.max(layout.height) / 600.0).max(0.4);
        s.push_str(r##"<g fill="none" stroke="#0a62c9" stroke-dasharray="4 2">"##);
        for row in 0..t.rows() {
            for col in 0..t.cols() {
                let v = t.visible(col, row, plan.poster_w, plan.poster_h);
                let _ = write!(
                    s,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" stroke-width="{}"/>"#,
                    n(v.x * k),
                    n(v.y * k),
                    n(v.w * k),
                    n(v.h * k),
                    n(line)
                );
            }
        }
        s.push_str("</g>");
        let size = (t.visible(0, 0, plan.poster_w, plan.poster_h).h * k * 0.12).min(40.0);
        let _ = write!(s, r##"<g fill="#0a62c9" font-weight="700" font-size="{}" text-anchor="middle">"##, n(size));
        for row in 0..t.rows() {
            for col in 0..t.cols() {
                let v = t.visible(col, row, plan.poster_w, plan.poster_h);
                let _ = write!(
                    s,
                    r#"<text x="{}" y="{}" opacity="0.7">{}{}</text>"#,
                    n((v.x + v.w / 2.0) * k),
                    n((v.y + v.h / 2.0) * k + size * 0.35),
                    row_letter(row),
                    col + 1
                );
            }
        }
        s.push_str("</g>");
    }
    s.push_str("</svg>\n");
    s
}

fn shape_svg(s: &mut String, shape: &Shape, pictures: &[Picture]) {
    match shape {
        Shape::Rect { at, radius, fill, stroke } => {
            let _ = write!(s, r#"<rect x="{}" y="{}" width="{}" height="{}""#, n(at.x), n(at.y), n(at.w), n(at.h));
            if *radius > 0.0 {
                let _ = write!(s, r#" rx="{}""#, n(*radius));
            }
            paint(s, fill.map(|c| c.css()), stroke);
        }
        Shape::Circle { cx, cy, r, fill, stroke } => {
            let _ = write!(s, r#"<circle cx="{}" cy="{}" r="{}""#, n(*cx), n(*cy), n(*r));
            paint(s, fill.map(|c| c.css()), stroke);
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
            paint(s, fill.map(|c| c.css()), stroke);
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
        Shape::Text { x, y, size, weight, colour, text, width } => {
            let _ = write!(s, r#"<text x="{}" y="{}" font-size="{}" fill="{}""#, n(*x), n(*y), n(*size), colour.css());
            if *weight == Weight::Bold {
                s.push_str(r#" font-weight="700""#);
            }
            if *width > 0.0 {
                let _ = write!(s, r#" textLength="{}" lengthAdjust="spacingAndGlyphs""#, n(*width));
            }
            let _ = write!(s, ">{}</text>", escape(text));
        }
    }
}

fn paint(s: &mut String, fill: Option<String>, stroke: &Option<Stroke>) {
    let _ = write!(s, r#" fill="{}""#, fill.as_deref().unwrap_or("none"));
    if let Some(st) = stroke {
        let _ = write!(s, r#" stroke="{}" stroke-width="{}""#, st.colour.css(), n(st.width));
        if let Some((on, off)) = st.dash {
            let _ = write!(s, r#" stroke-dasharray="{} {}""#, n(on), n(off));
        }
    }
    s.push_str("/>");
}

/// A number with at most two decimals and no trailing zeros.
fn n(v: f32) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
    }
}

/// Text as XML character data: markup in a card title stays text.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 does not allow would make the whole file unreadable.
            '\u{FFFE}' | '\u{FFFF}' => out.push('\u{FFFD}'),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
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
