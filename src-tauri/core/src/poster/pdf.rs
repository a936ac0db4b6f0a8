//! Pages to PDF: vector shapes, and text as the shaped glyphs of the bundled faces (each embedded
//! as a subset of what it draws, each glyph mapped back to the characters it draws), so a poster
//! stays sharp at any size and `pdftotext` finds every word.
//!
//! printpdf embeds the faces and the pictures and writes the file; the content streams are ours.
//! Its operator layer made every operator a list of lopdf objects, formatted and dropped again:
//! half of a 1,000-card poster's time. The codes of the glyphs in each subset come from `subset`.
//!
//! Glyphs are drawn in visual order, and readers such as poppler turn right-to-left words back
//! into reading order themselves. `/ActualText` with the logical line was tried and made poppler
//! reverse those words a second time.

use std::collections::BTreeMap;

use lopdf::{dictionary, Object, ObjectId, Stream};
use printpdf::{ExternalStream, ExternalXObject, FontId, Mm, PdfDocument, PdfPage, RawImage, RawImageData, RawImageFormat, XObjectId};

use super::font::{face, pdf_face, units_per_em, FaceId, Weight, FILES, SYNTHETIC_BOLD};
use super::glyphs::ShapedLine;
use super::layout::Layout;
use super::shapes::{Colour, Rect, Segment, Shape, Stroke, KAPPA};
use super::sheets::{Item, Page};
use super::subset::{self, Codes};

const PT_PER_MM: f32 = 72.0 / 25.4;

/// What the file says about itself (File → Properties in a PDF viewer).
pub struct About<'a> {
    pub title: &'a str,
    pub subject: &'a str,
    /// Seconds since 1970.
    pub created: i64,
    /// The journey's language, as a BCP 47 tag ("nl", "en"): screen readers and hyphenation use it.
    pub lang: &'a str,
}

/// The resources a page's content names: each face by its resource name, each picture by its
/// own with its size in pixels, and the form of the poster shown on several pages.
struct Names {
    fonts: BTreeMap<FaceId, String>,
    codes: Codes,
    pictures: Vec<(String, u32, u32)>,
    form: Option<String>,
}

pub fn render(layout: &Layout, pages: &[Page], about: &About) -> Vec<u8> {
    let mut doc = PdfDocument::new(about.title);
    let info = &mut doc.metadata.info;
    info.subject = about.subject.to_string();
    info.producer = format!("Journeywall {}", env!("CARGO_PKG_VERSION"));
    info.creator = info.producer.clone();
    if let Ok(t) = printpdf::OffsetDateTime::from_unix_timestamp(about.created) {
        (info.creation_date, info.modification_date, info.metadata_date) = (t, t, t);
    }
    // Only the faces some text needs are parsed and embedded.
    let usage = subset::usage(layout, pages);
    let fonts: BTreeMap<FaceId, FontId> = usage.keys().map(|&id| (id, doc.add_font(pdf_face(id)))).collect();
    // Each picture is stored once in the file, however many sheets show it.
    let pictures: Vec<(String, u32, u32)> = layout
        .pictures
        .iter()
        .map(|p| {
            let raw = RawImage {
                pixels: RawImageData::U8(p.rgb.clone()),
                width: p.width as usize,
                height: p.height as usize,
                data_format: RawImageFormat::RGB8,
                tag: Vec::new(),
            };
            (doc.add_image(&raw).0, p.width, p.height)
        })
        .collect();
    // A poster shown on more than one page (the sheets of a tiled one, and the assembly page) is
    // drawn once, as a form, and each page shows its window of it: the file and the time then
    // grow with the sheets' marks, not with the poster times the sheets. Its place among the
    // resources is taken now and filled once the file is made (`fill_form`).
    let shown = pages.iter().flat_map(|p| &p.items).filter(|item| matches!(item, Item::Poster { .. })).count();
    let form = (shown > 1).then(|| doc.add_xobject(&placeholder()));

    let pdf_pages = pages.iter().map(|page| PdfPage::new(Mm(page.w), Mm(page.h), Vec::new())).collect();
    let subset::Saved { mut file, codes, resources } = subset::save(&mut doc, pdf_pages, &usage, &fonts);
    let numbers = file.get_pages();
    let names = Names {
        fonts: fonts.into_iter().map(|(face, id)| (face, id.0)).collect(),
        codes,
        pictures,
        form: form.as_ref().map(|id| id.0.clone()),
    };

    for (n, page) in pages.iter().enumerate() {
        let mut w = Writer::new(page.h, &names);
        for item in &page.items {
            match item {
                Item::Poster { scale, at, clip } => {
                    w.save();
                    w.rect(*clip, "re W n");
                    match &names.form {
                        // The form is the poster at 1:1 in points, its origin at the bottom left.
                        Some(name) => {
                            let (x, y) = (at.0 * PT_PER_MM, (page.h - at.1 - scale * layout.height) * PT_PER_MM);
                            w.place(name, (*scale, *scale), (x, y));
                        }
                        None => {
                            (w.scale, w.at) = (*scale, *at);
                            layout.shapes.iter().for_each(|s| w.shape(s));
                            (w.scale, w.at) = (1.0, (0.0, 0.0));
                        }
                    }
                    w.restore();
                }
                Item::Own(shapes) => shapes.iter().for_each(|s| w.shape(s)),
            }
        }
        set_content(&mut file, numbers[&(n as u32 + 1)], w.out).expect("printpdf gives every page one content stream");
    }
    match &form {
        Some(id) => {
            let mut w = Writer::new(layout.height, &names);
            layout.shapes.iter().for_each(|s| w.shape(s));
            let size = (layout.width * PT_PER_MM, layout.height * PT_PER_MM);
            fill_form(&mut file, id, w.out, size, resources).expect("printpdf writes the form's place and the resources");
        }
        None => {
            file.objects.remove(&resources);
        }
    }
    if let Ok(catalog) = file.catalog_mut() {
        catalog.set("Lang", Object::string_literal(about.lang));
    }
    compress(&mut file);
    let mut bytes = Vec::new();
    file.save_to(&mut bytes).expect("a PDF saves into memory");
    bytes
}

/// Gives a page the content we wrote for it, in the one stream printpdf made.
fn set_content(file: &mut lopdf::Document, page: ObjectId, content: Vec<u8>) -> lopdf::Result<()> {
    let [stream] = file.get_page_contents(page)[..] else { return Err(lopdf::Error::ObjectNotFound(page)) };
    file.get_object_mut(stream)?.as_stream_mut()?.set_content(content);
    Ok(())
}

/// What a form's place holds until the poster is drawn into it.
fn placeholder() -> ExternalXObject {
    let stream = ExternalStream { dict: BTreeMap::new(), content: Vec::new(), compress: false };
    ExternalXObject { stream, width: None, height: None, dpi: None }
}

/// Puts the poster (drawn at 1:1, `size` in points) in the form's place. Its resources are the
/// pages' (those of `resources`, the glyph page's own object), less the form itself.
fn fill_form(file: &mut lopdf::Document, form: &XObjectId, content: Vec<u8>, (w, h): (f32, f32), resources: ObjectId) -> lopdf::Result<()> {
    let dict = file.get_dictionary(resources)?;
    let mut xobjects = match dict.get(b"XObject")? {
        Object::Reference(id) => file.get_dictionary(*id)?.clone(),
        other => other.as_dict()?.clone(),
    };
    let place = xobjects.get(form.0.as_bytes())?.as_reference()?;
    xobjects.remove(form.0.as_bytes());
    file.get_dictionary_mut(resources)?.set("XObject", xobjects);
    let dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Form",
        "BBox" => vec![0.into(), 0.into(), w.into(), h.into()],
        "Resources" => resources,
    };
    file.objects.insert(place, Object::Stream(Stream::new(dict, content)));
    Ok(())
}

/// Deflates every stream at level 2, zlib-rs's fast matcher. lopdf's own `compress` uses the
/// best level, which took 40 % of a 1,000-card poster's time for files 3 % smaller; level 3 (the
/// medium matcher) took a tenth of it, and 7 ms more than level 2 for a file 10 % smaller.
fn compress(file: &mut lopdf::Document) {
    use std::io::Write;
    for object in file.objects.values_mut() {
        let Object::Stream(stream) = object else { continue };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(2));
        let Ok(compressed) = encoder.write_all(&stream.content).and_then(|()| encoder.finish()) else { continue };
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

/// A length in points to a hundredth (1/7200 inch, far below what a printer resolves). Written
/// out, "123.46" is a third of "123.456789"; the numbers are most of a poster's content, so the
/// file is smaller and quicker to write and to deflate.
fn hundredths(pt: f32) -> f32 {
    (pt * 100.0).round() / 100.0
}

/// Content-stream operators, written as PDF's text syntax.
struct Writer<'a> {
    out: Vec<u8>,
    page_h: f32,
    /// Shapes are in mm; on the page they are scaled and moved by this.
    scale: f32,
    at: (f32, f32),
    names: &'a Names,
    /// The face and size (pt) text is set in now.
    font: Option<(FaceId, f32)>,
    pen: Pen,
}

/// The colours, line width (pt) and dash last set on the page: only a change is written, which
/// leaves out most of a poster's state operators (one card is stroked like the one before).
#[derive(Default)]
struct Pen {
    fill: Option<Colour>,
    stroke: Option<Colour>,
    width: Option<f32>,
    dash: Option<Option<(f32, f32)>>,
}

/// How an outline is painted.
#[derive(Clone, Copy, PartialEq)]
enum Paint {
    Fill,
    Stroke,
    FillStroke,
}

impl<'a> Writer<'a> {
    fn new(page_h: f32, names: &'a Names) -> Self {
        Writer { out: Vec::with_capacity(1 << 16), page_h, scale: 1.0, at: (0.0, 0.0), names, font: None, pen: Pen::default() }
    }

    /// Writes `v` to `places` decimals, without the zeros a number may end in ("12.5", "-3").
    fn number(&mut self, v: f32, places: u32) {
        let scale = 10u64.pow(places);
        let n = (v as f64 * scale as f64).round() as i64;
        if n < 0 {
            self.out.push(b'-');
        }
        let n = n.unsigned_abs();
        self.digits(n / scale, 1);
        let (mut fraction, mut width) = (n % scale, places as usize);
        if fraction != 0 {
            while fraction % 10 == 0 {
                (fraction, width) = (fraction / 10, width - 1);
            }
            self.out.push(b'.');
            self.digits(fraction, width);
        }
    }

    /// `n` in decimal, padded with zeros to `width` digits.
    fn digits(&mut self, mut n: u64, width: usize) {
        let mut buf = [b'0'; 20];
        let mut at = buf.len();
        while n > 0 || buf.len() - at < width {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
        }
        self.out.extend_from_slice(&buf[at..]);
    }

    /// Numbers (in points, to a hundredth) and then an operator.
    fn op(&mut self, operands: &[f32], operator: &str) {
        self.op_to(operands.iter().map(|&v| (v, 2)), operator);
    }

    /// Numbers, each to its own places, and then an operator.
    fn op_to(&mut self, operands: impl IntoIterator<Item = (f32, u32)>, operator: &str) {
        for (v, places) in operands {
            self.number(v, places);
            self.out.push(b' ');
        }
        self.out.extend_from_slice(operator.as_bytes());
        self.out.push(b'\n');
    }

    fn colour(&mut self, c: Colour, operator: &str) {
        self.op_to([c.r, c.g, c.b].map(|v| (v as f32 / 255.0, 3)), operator);
    }

    fn name(&mut self, name: &str) {
        self.out.push(b'/');
        self.out.extend_from_slice(name.as_bytes());
        self.out.push(b' ');
    }

    fn save(&mut self) {
        self.out.extend_from_slice(b"q\n");
    }

    /// `Q` brings back the state saved by its `q`: nothing set since may be taken as still set.
    fn restore(&mut self) {
        self.out.extend_from_slice(b"Q\n");
        (self.font, self.pen) = (None, Pen::default());
    }

    fn fill(&mut self, c: Colour) {
        if self.pen.fill != Some(c) {
            self.colour(c, "rg");
            self.pen.fill = Some(c);
        }
    }

    fn stroke_colour(&mut self, c: Colour) {
        if self.pen.stroke != Some(c) {
            self.colour(c, "RG");
            self.pen.stroke = Some(c);
        }
    }

    fn line_width(&mut self, pt: f32) {
        if self.pen.width != Some(pt) {
            self.op(&[pt], "w");
            self.pen.width = Some(pt);
        }
    }

    fn len(&self, mm: f32) -> f32 {
        hundredths(mm * self.scale * PT_PER_MM)
    }

    /// A point in shape millimetres (y down) to PDF points (y up).
    fn point(&self, (x, y): (f32, f32)) -> [f32; 2] {
        let px = (self.at.0 + x * self.scale) * PT_PER_MM;
        let py = (self.page_h - (self.at.1 + y * self.scale)) * PT_PER_MM;
        [px, py]
    }

    /// The rectangle `r` in shape millimetres, as the operands of `operator` ("re", or "re W n" to clip).
    fn rect(&mut self, r: Rect, operator: &str) {
        let ([x, y], [right, top]) = (self.point((r.x, r.bottom())), self.point((r.right(), r.y)));
        let (x, y, right, top) = (hundredths(x), hundredths(y), hundredths(right), hundredths(top));
        self.op(&[x, y, right - x, top - y], operator);
    }

    /// Shows the form or picture `name` through the matrix that scales it by `scale` and puts
    /// its origin at `at` (points).
    fn place(&mut self, name: &str, (sx, sy): (f32, f32), (x, y): (f32, f32)) {
        self.save();
        self.op_to([(sx, 5), (0.0, 0), (0.0, 0), (sy, 5), (x, 2), (y, 2)], "cm");
        self.name(name);
        self.out.extend_from_slice(b"Do\n");
        self.restore();
    }

    fn stroke_style(&mut self, s: Stroke) {
        self.stroke_colour(s.colour);
        self.line_width(self.len(s.width));
        let dash = s.dash.map(|(on, off)| (self.len(on), self.len(off)));
        if self.pen.dash != Some(dash) {
            match dash {
                Some((on, off)) => {
                    self.out.push(b'[');
                    self.number(on, 2);
                    self.out.push(b' ');
                    self.number(off, 2);
                    self.out.extend_from_slice(b"] 0 d\n");
                }
                None => self.out.extend_from_slice(b"[] 0 d\n"),
            }
            self.pen.dash = Some(dash);
        }
    }

    /// The paint for a fill and a stroke, with their colours and stroke set; None paints nothing.
    fn paint(&mut self, fill: Option<Colour>, stroke: Option<Stroke>) -> Option<Paint> {
        if let Some(c) = fill {
            self.fill(c);
        }
        if let Some(s) = stroke {
            self.stroke_style(s);
        }
        match (fill, stroke) {
            (Some(_), Some(_)) => Some(Paint::FillStroke),
            (Some(_), None) => Some(Paint::Fill),
            (None, Some(_)) => Some(Paint::Stroke),
            (None, None) => None,
        }
    }

    /// A path in shape millimetres: a move to `start`, then lines and cubic curves.
    fn path(&mut self, start: (f32, f32), segments: &[Segment]) {
        let p = self.point(start);
        self.op(&p, "m");
        for s in segments {
            match *s {
                Segment::Line(e) => {
                    let e = self.point(e);
                    self.op(&e, "l");
                }
                Segment::Curve(a, b, e) => {
                    let ([ax, ay], [bx, by], [ex, ey]) = (self.point(a), self.point(b), self.point(e));
                    self.op(&[ax, ay, bx, by, ex, ey], "c");
                }
            }
        }
    }

    /// Closes the path just written and paints it.
    fn close(&mut self, paint: Paint) {
        self.out.extend_from_slice(match paint {
            Paint::Fill => b"h f\n",
            Paint::Stroke => b"s\n",
            Paint::FillStroke => b"b\n",
        });
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Rect { at, radius, fill, stroke } => {
                let Some(paint) = self.paint(*fill, *stroke) else { return };
                if *radius <= 0.0 {
                    self.rect(*at, "re");
                } else {
                    let (start, segments) = at.rounded(radius.min(at.w / 2.0).min(at.h / 2.0));
                    self.path(start, &segments);
                }
                self.close(paint);
            }
            Shape::Circle { cx, cy, r, fill, stroke } => {
                let Some(paint) = self.paint(*fill, *stroke) else { return };
                let (k, r, c) = (KAPPA * r, *r, (*cx, *cy));
                let quarters = [
                    Segment::Curve((c.0 + r, c.1 + k), (c.0 + k, c.1 + r), (c.0, c.1 + r)),
                    Segment::Curve((c.0 - k, c.1 + r), (c.0 - r, c.1 + k), (c.0 - r, c.1)),
                    Segment::Curve((c.0 - r, c.1 - k), (c.0 - k, c.1 - r), (c.0, c.1 - r)),
                    Segment::Curve((c.0 + k, c.1 - r), (c.0 + r, c.1 - k), (c.0 + r, c.1)),
                ];
                self.path((c.0 + r, c.1), &quarters);
                self.close(paint);
            }
            Shape::Path { start, segments, closed, fill, stroke } => {
                if *closed || fill.is_some() {
                    let Some(paint) = self.paint(*fill, *stroke) else { return };
                    self.path(*start, segments);
                    self.close(paint);
                } else if let Some(s) = stroke {
                    // A line that ends in the open ends round; the cap is put back after it.
                    self.stroke_style(*s);
                    self.out.extend_from_slice(b"1 J\n");
                    self.path(*start, segments);
                    self.out.extend_from_slice(b"S\n0 J\n");
                }
            }
            Shape::Text { x, y, size, weight, colour, line, .. } => self.text((*x, *y), *size, *weight, *colour, line),
            Shape::Image { at, picture } => {
                let Some((name, width_px, height_px)) = self.names.pictures.get(*picture) else { return };
                // The picture is drawn in the unit square: the matrix gives it its size in points.
                let [x, y] = self.point((at.x, at.bottom()));
                let scale = self.len(at.w) / *width_px as f32;
                let (w, h) = (scale * *width_px as f32, scale * *height_px as f32);
                let name = name.clone();
                self.place(&name, (w, h), (x, y));
            }
        }
    }

    /// One line of glyphs, in pieces of one face each; a glyph the shaper moved up or down (an
    /// Arabic or Hebrew point) starts a piece of its own.
    fn text(&mut self, at: (f32, f32), size: f32, weight: Weight, colour: Colour, line: &ShapedLine) {
        if line.glyphs.is_empty() {
            return;
        }
        let size_pt = self.len(size);
        let [ox, oy] = self.point(at);
        self.out.extend_from_slice(b"BT\n");
        self.fill(colour);
        let mut outlined = false;
        let glyphs = &line.glyphs;
        let mut i = 0;
        while i < glyphs.len() {
            let first = glyphs[i];
            let mut end = i + 1;
            while end < glyphs.len() && glyphs[end].face == first.face && glyphs[end].y == 0.0 && first.y == 0.0 {
                end += 1;
            }
            let (Some(font), Some(codes)) = (self.names.fonts.get(&first.face), self.names.codes.get(&first.face)) else { break };
            if self.font != Some((first.face, size_pt)) {
                self.name(font);
                self.op(&[size_pt], "Tf");
                self.font = Some((first.face, size_pt));
            }
            // A face with one weight draws bold with its outline stroked too.
            let outline = weight == Weight::Bold && FILES[first.face as usize].single_weight;
            if outline != outlined {
                if outline {
                    self.stroke_colour(colour);
                    self.line_width(hundredths(size_pt * SYNTHETIC_BOLD));
                }
                self.out.extend_from_slice(if outline { b"2 Tr\n" } else { b"0 Tr\n" });
                outlined = outline;
            }
            self.op(&[1.0, 0.0, 0.0, 1.0, ox + first.x * size_pt, oy + first.y * size_pt], "Tm");
            let upem = units_per_em(first.face);
            let shaping = face(first.face);
            let piece = &glyphs[i..end];
            self.out.extend_from_slice(b"[<");
            for (k, g) in piece.iter().enumerate() {
                let code = codes.get(g.id as usize).copied().unwrap_or(0);
                for shift in [12, 8, 4, 0] {
                    self.out.push(b"0123456789abcdef"[(code >> shift) as usize & 0xf]);
                }
                let Some(next) = piece.get(k + 1) else { continue };
                // TJ moves the pen by the glyph's width in the file (/W: its advance in whole
                // thousandths of an em, cut, not rounded); the number after a glyph makes up the
                // difference to where the shaper put the next one. Differences under half a
                // thousandth are float noise, not kerning: writing them would double the size
                // of every text operator.
                let advance = shaping.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g.id)).unwrap_or(0) as f32;
                let natural = (advance * (1000.0 / upem)).trunc();
                let thousandths = natural - (next.x - g.x) * 1000.0;
                if thousandths.abs() >= 0.5 {
                    self.out.push(b'>');
                    self.number(thousandths.round(), 0);
                    self.out.push(b'<');
                }
            }
            self.out.extend_from_slice(b">] TJ\n");
            i = end;
        }
        if outlined {
            self.out.extend_from_slice(b"0 Tr\n");
        }
        self.out.extend_from_slice(b"ET\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(v: f32, places: u32) -> String {
        let names = Names { fonts: BTreeMap::new(), codes: Codes::new(), pictures: Vec::new(), form: None };
        let mut w = Writer::new(0.0, &names);
        w.number(v, places);
        String::from_utf8(w.out).unwrap()
    }

    #[test]
    fn numbers_are_written_short_and_exact_to_their_places() {
        let cases = [(12.5, 2, "12.5"), (-3.0, 2, "-3"), (0.07, 2, "0.07"), (-0.004, 2, "0"), (100.0, 2, "100"), (2383.94, 2, "2383.94")];
        for (v, places, text) in cases {
            assert_eq!(written(v, places), text, "{v}");
        }
        assert_eq!(written(29.0 / 255.0, 3), "0.114");
        assert_eq!(written(0.25, 5), "0.25");
        assert_eq!(written(-12.0, 0), "-12");
    }
}
