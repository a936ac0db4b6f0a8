//! The poster as a PNG at print resolution: the same shapes and glyphs the PDF draws, rasterised
//! by tiny-skia in bands of rows (so a 400-megapixel poster needs a few megabytes of memory, not
//! gigabytes), with its resolution written into the file.

use std::collections::HashMap;
use std::io::Write;

use rustybuzz::ttf_parser::{GlyphId, OutlineBuilder};
use tiny_skia::{
    FillRule, LineCap, Paint, Path, PathBuilder, Pixmap, PixmapPaint, Rect as SkRect, Stroke as SkStroke, StrokeDash, Transform,
};

use super::font::{face, units_per_em, FaceId, Weight, FILES, SYNTHETIC_BOLD};
use super::layout::Layout;
use super::shapes::{Colour, Picture, Rect, Segment, Shape, Stroke};
use crate::fields::ensure;
use crate::said::Field;
use crate::{said, Result};

/// The most pixels a PNG may have: 400 megapixels is an A0 at about 600 dpi.
pub const MAX_PIXELS: u64 = 400_000_000;
/// Rows drawn at a time.
const BAND: u32 = 256;

/// Pixel size of a poster `w` × `h` mm at `dpi`.
pub fn pixels(w_mm: f32, h_mm: f32, dpi: u32) -> (u32, u32) {
    let px = |mm: f32| ((mm / 25.4 * dpi as f32).round() as u32).max(1);
    (px(w_mm), px(h_mm))
}

/// Refuses a PNG too large to be useful before any pixel is drawn.
pub fn check_size(w_mm: f32, h_mm: f32, dpi: u32) -> Result<(u32, u32)> {
    let (w, h) = pixels(w_mm, h_mm, dpi);
    ensure(u64::from(w) * u64::from(h) <= MAX_PIXELS, Field::Dpi, || {
        let most = ((MAX_PIXELS as f32 / (w_mm / 25.4 * h_mm / 25.4)).sqrt()).floor() as u32;
        said!(
            "{dpi} dpi makes this poster {w} × {h} pixels, more than the 400 megapixels a PNG may have; use {most} dpi or less, or a PDF",
            "{dpi} dpi maakt deze poster {w} × {h} pixels, meer dan de 400 megapixel die een PNG mag hebben; kies {most} dpi of minder, of een PDF"
        )
    })?;
    Ok((w, h))
}

/// The layout printed at `scale` (mm per design mm) on a poster `w_mm` × `h_mm` (which may end
/// before the layout does), at `dpi`, as PNG bytes.
pub fn render(layout: &Layout, scale: f32, (w_mm, h_mm): (f32, f32), dpi: u32) -> Result<Vec<u8>> {
    let (w, h) = check_size(w_mm, h_mm, dpi)?;
    let k = scale * dpi as f32 / 25.4;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let per_metre = (dpi as f32 / 0.0254).round() as u32;
    encoder.set_pixel_dims(Some(png::PixelDimensions { xppu: per_metre, yppu: per_metre, unit: png::Unit::Meter }));
    // Encoding into memory fails only on a bug in what we ask for.
    const MEMORY: &str = "a PNG encodes into memory";
    let mut writer = encoder.write_header().expect(MEMORY);
    let mut stream = writer.stream_writer().expect(MEMORY);
    let mut painter = Painter { glyphs: HashMap::new(), pictures: layout.pictures.iter().map(picture_pixmap).collect() };
    let mut row = vec![0u8; w as usize * 3];
    let mut top = 0;
    while top < h {
        let rows = BAND.min(h - top);
        let mut band = Pixmap::new(w, rows).expect("a band has pixels");
        band.fill(tiny_skia::Color::WHITE);
        let to_band = Transform::from_row(k, 0.0, 0.0, k, 0.0, -(top as f32));
        let seen = Rect::new(0.0, top as f32 / k, layout.width, rows as f32 / k);
        for shape in layout.shapes.iter().filter(|s| s.bounds().intersects(&seen)) {
            painter.shape(&mut band, shape, to_band);
        }
        for y in 0..rows as usize {
            let line = &band.data()[y * w as usize * 4..(y + 1) * w as usize * 4];
            for (rgb, rgba) in row.chunks_exact_mut(3).zip(line.chunks_exact(4)) {
                rgb.copy_from_slice(&rgba[..3]);
            }
            stream.write_all(&row).expect(MEMORY);
        }
        top += rows;
    }
    stream.finish().expect(MEMORY);
    drop(writer);
    Ok(out)
}

fn picture_pixmap(p: &Picture) -> Option<Pixmap> {
    let mut pixmap = Pixmap::new(p.width, p.height)?;
    for (px, rgb) in pixmap.data_mut().chunks_exact_mut(4).zip(p.rgb.chunks_exact(3)) {
        px.copy_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
    }
    Some(pixmap)
}

struct Painter {
    /// Glyph outlines in font units, made once.
    glyphs: HashMap<(FaceId, u16), Option<Path>>,
    pictures: Vec<Option<Pixmap>>,
}

fn paint(c: Colour) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color_rgba8(c.r, c.g, c.b, 255);
    p.anti_alias = true;
    p
}

fn sk_stroke(s: Stroke, cap: LineCap) -> SkStroke {
    SkStroke {
        width: s.width,
        line_cap: cap,
        dash: s.dash.and_then(|(on, off)| StrokeDash::new(vec![on, off], 0.0)),
        ..SkStroke::default()
    }
}

impl Painter {
    fn draw(&self, px: &mut Pixmap, path: &Path, fill: Option<Colour>, stroke: Option<Stroke>, cap: LineCap, t: Transform) {
        if let Some(c) = fill {
            px.fill_path(path, &paint(c), FillRule::Winding, t, None);
        }
        if let Some(s) = stroke {
            px.stroke_path(path, &paint(s.colour), &sk_stroke(s, cap), t, None);
        }
    }

    fn shape(&mut self, px: &mut Pixmap, shape: &Shape, t: Transform) {
        match shape {
            Shape::Rect { at, radius, fill, stroke } => {
                let Some(path) = rounded(*at, *radius) else { return };
                self.draw(px, &path, *fill, *stroke, LineCap::Butt, t);
            }
            Shape::Circle { cx, cy, r, fill, stroke } => {
                let Some(path) = PathBuilder::from_circle(*cx, *cy, *r) else { return };
                self.draw(px, &path, *fill, *stroke, LineCap::Butt, t);
            }
            Shape::Path { start, segments, closed, fill, stroke } => {
                let mut pb = path_builder(*start, segments);
                if *closed {
                    pb.close();
                }
                let Some(path) = pb.finish() else { return };
                let cap = if *closed { LineCap::Butt } else { LineCap::Round };
                self.draw(px, &path, *fill, *stroke, cap, t);
            }
            Shape::Text { x, y, size, weight, colour, line, .. } => {
                for g in &line.glyphs {
                    let path = self.glyphs.entry((g.face, g.id)).or_insert_with(|| glyph_path(g.face, g.id));
                    let Some(path) = path else { continue };
                    let k = size / units_per_em(g.face);
                    let place = Transform::from_row(k, 0.0, 0.0, -k, x + g.x * size, y - g.y * size).post_concat(t);
                    px.fill_path(path, &paint(*colour), FillRule::Winding, place, None);
                    if *weight == Weight::Bold && FILES[g.face as usize].single_weight {
                        let s = SkStroke { width: SYNTHETIC_BOLD * units_per_em(g.face), ..SkStroke::default() };
                        px.stroke_path(path, &paint(*colour), &s, place, None);
                    }
                }
            }
            Shape::Image { at, picture } => {
                let Some(Some(image)) = self.pictures.get(*picture) else { return };
                let k = at.w / image.width() as f32;
                let place = Transform::from_row(k, 0.0, 0.0, k, at.x, at.y).post_concat(t);
                let quality = PixmapPaint { quality: tiny_skia::FilterQuality::Bicubic, ..PixmapPaint::default() };
                px.draw_pixmap(0, 0, image.as_ref(), &quality, place, None);
            }
        }
    }
}

fn rounded(r: Rect, rad: f32) -> Option<Path> {
    if rad <= 0.0 {
        return Some(PathBuilder::from_rect(SkRect::from_xywh(r.x, r.y, r.w, r.h)?));
    }
    let (start, segments) = r.rounded(rad);
    let mut pb = path_builder(start, &segments);
    pb.close();
    pb.finish()
}

/// A path from `start` through `segments`, not yet closed.
fn path_builder(start: (f32, f32), segments: &[Segment]) -> PathBuilder {
    let mut pb = PathBuilder::new();
    pb.move_to(start.0, start.1);
    for s in segments {
        match *s {
            Segment::Line(p) => pb.line_to(p.0, p.1),
            Segment::Curve(a, b, e) => pb.cubic_to(a.0, a.1, b.0, b.1, e.0, e.1),
        }
    }
    pb
}

struct Outline(PathBuilder);

impl OutlineBuilder for Outline {
    fn move_to(&mut self, x: f32, y: f32) {
        self.0.move_to(x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        self.0.line_to(x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        self.0.quad_to(x1, y1, x, y);
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        self.0.cubic_to(x1, y1, x2, y2, x, y);
    }
    fn close(&mut self) {
        self.0.close();
    }
}

fn glyph_path(id: FaceId, glyph: u16) -> Option<Path> {
    let mut outline = Outline(PathBuilder::new());
    face(id).outline_glyph(GlyphId(glyph), &mut outline)?;
    outline.0.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_poster_too_big_for_a_png_is_refused_with_what_would_do() {
        let err = check_size(841.0, 1189.0, 1200).unwrap_err().to_string();
        assert!(err.contains("400 megapixels") && err.contains("dpi or less"), "{err}");
        assert!(check_size(841.0, 1189.0, 300).is_ok());
        assert_eq!(pixels(25.4, 50.8, 150), (150, 300));
    }
}
