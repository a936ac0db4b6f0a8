//! Pages to PDF with printpdf: vector shapes, and text as the shaped glyphs of the bundled faces
//! (each embedded as a subset of what it draws, each glyph mapped back to the characters it
//! draws), so a poster stays sharp at any size and `pdftotext` finds every word.
//!
//! Glyphs are drawn in visual order, and readers such as poppler turn right-to-left words back
//! into reading order themselves. `/ActualText` with the logical line was tried and made poppler
//! reverse those words a second time.

use std::collections::BTreeMap;

use printpdf::{
    Codepoint, Color, ExternalStream, ExternalXObject, FontId, Line, LineCapStyle, LineDashPattern, LinePoint, Mm, Op, PaintMode,
    PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, RawImage, RawImageData, RawImageFormat, Rgb,
    TextItem, TextMatrix, TextRenderingMode, WindingOrder, XObjectId, XObjectTransform,
};

use super::font::{face, pdf_face, units_per_em, FaceId, Weight, FILES, SYNTHETIC_BOLD};
use super::glyphs::ShapedLine;
use super::layout::Layout;
use super::shapes::{Colour, Rect, Segment, Shape, Stroke, KAPPA};
use super::sheets::{Item, Page};

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
    let mut used = [false; FILES.len()];
    let drawn = pages.iter().flat_map(|p| &p.items).flat_map(|item| match item {
        Item::Poster { .. } => layout.shapes.iter(),
        Item::Own(shapes) => shapes.iter(),
    });
    for shape in drawn {
        if let Shape::Text { line, .. } = shape {
            line.glyphs.iter().for_each(|g| used[g.face as usize] = true);
        }
    }
    let fonts: BTreeMap<FaceId, FontId> =
        (0..FILES.len() as FaceId).filter(|&id| used[id as usize]).map(|id| (id, doc.add_font(pdf_face(id)))).collect();
    // Each picture is stored once in the file, however many sheets show it.
    let pictures: Vec<(XObjectId, u32)> = layout
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
            (doc.add_image(&raw), p.width)
        })
        .collect();
    // A poster shown on more than one page (the sheets of a tiled one, and the assembly page) is
    // drawn once, as a form, and each page shows its window of it: the file and the time then
    // grow with the sheets' marks, not with the poster times the sheets. printpdf writes forms
    // only from finished content, so the poster is drawn as a page of its own first, and made
    // into the form once printpdf has subset the fonts it uses (`poster_page_into_form`).
    let shown = pages.iter().flat_map(|p| &p.items).filter(|item| matches!(item, Item::Poster { .. })).count();
    let form = (shown > 1).then(|| doc.add_xobject(&placeholder()));
    let mut pdf_pages = Vec::with_capacity(pages.len() + 1);
    if form.is_some() {
        let mut w = Writer::new(layout.height, &fonts, &pictures);
        layout.shapes.iter().for_each(|s| w.shape(s));
        pdf_pages.push(PdfPage::new(Mm(layout.width), Mm(layout.height), w.ops));
    }
    for page in pages {
        let mut w = Writer::new(page.h, &fonts, &pictures);
        for item in &page.items {
            match item {
                Item::Poster { scale, at, clip } => {
                    w.ops.push(Op::SaveGraphicsState);
                    w.clip(*clip);
                    match &form {
                        Some(id) => w.ops.push(Op::UseXobject {
                            id: id.clone(),
                            transform: XObjectTransform {
                                translate_x: Some(Pt(at.0 * PT_PER_MM)),
                                translate_y: Some(Pt((page.h - at.1 - scale * layout.height) * PT_PER_MM)),
                                scale_x: Some(*scale),
                                scale_y: Some(*scale),
                                no_auto_scale: true,
                                ..XObjectTransform::default()
                            },
                        }),
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
        pdf_pages.push(PdfPage::new(Mm(page.w), Mm(page.h), w.ops));
    }
    let options = PdfSaveOptions { subset_fonts: true, ..Default::default() };
    let mut file = doc.with_pages(pdf_pages).to_lopdf_document(&options, &mut Vec::new());
    if let Some(id) = &form {
        let size = (layout.width * PT_PER_MM, layout.height * PT_PER_MM);
        poster_page_into_form(&mut file, id.0.as_bytes(), size).expect("printpdf writes the poster page and its form");
    }
    if let Ok(catalog) = file.catalog_mut() {
        catalog.set("Lang", lopdf::Object::string_literal(about.lang));
    }
    compress(&mut file);
    let mut bytes = Vec::new();
    file.save_to(&mut bytes).expect("a PDF saves into memory");
    bytes
}

/// What a form's place holds until the poster is drawn into it.
fn placeholder() -> ExternalXObject {
    let stream = ExternalStream { dict: BTreeMap::new(), content: Vec::new(), compress: false };
    ExternalXObject { stream, width: None, height: None, dpi: None }
}

/// Moves the first page (the whole poster, drawn at 1:1) into the form named `name`, which the
/// other pages show, and takes that page out of the document.
fn poster_page_into_form(file: &mut lopdf::Document, name: &[u8], (w, h): (f32, f32)) -> lopdf::Result<()> {
    use lopdf::{dictionary, Object, Stream};
    let first = *file.get_pages().get(&1).ok_or(lopdf::Error::PageNumberNotFound(1))?;
    let content = file.get_page_content(first);
    let mut resources = match file.get_dictionary(first)?.get(b"Resources")? {
        Object::Reference(id) => file.get_dictionary(*id)?.clone(),
        other => other.as_dict()?.clone(),
    };
    // The form's own resources are the poster page's, less the form itself.
    let mut xobjects = match resources.get(b"XObject")? {
        Object::Reference(id) => file.get_dictionary(*id)?.clone(),
        other => other.as_dict()?.clone(),
    };
    let form = xobjects.get(name)?.as_reference()?;
    xobjects.remove(name);
    resources.set("XObject", xobjects);
    let dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Form",
        "BBox" => vec![0.into(), 0.into(), w.into(), h.into()],
        "Resources" => resources,
    };
    let contents = file.get_page_contents(first);
    file.objects.insert(form, Object::Stream(Stream::new(dict, content)));
    file.delete_pages(&[1]);
    for id in contents {
        file.objects.remove(&id);
    }
    Ok(())
}

/// Deflates every stream at level 2, zlib-rs's fast matcher. lopdf's own `compress` uses the
/// best level, which took 40 % of a 1,000-card poster's time for files 3 % smaller; level 3 (the
/// medium matcher) took a tenth of it, and 7 ms more than level 2 for a file 10 % smaller.
fn compress(file: &mut lopdf::Document) {
    use std::io::Write;
    for object in file.objects.values_mut() {
        let lopdf::Object::Stream(stream) = object else { continue };
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

struct Writer<'a> {
    ops: Vec<Op>,
    page_h: f32,
    /// Shapes are in mm; on the page they are scaled and moved by this.
    scale: f32,
    at: (f32, f32),
    fonts: &'a BTreeMap<FaceId, FontId>,
    /// The face and size (pt) text is set in now.
    font: Option<(FaceId, f32)>,
    /// The document's pictures, with their width in pixels.
    pictures: &'a [(XObjectId, u32)],
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

fn rgb(c: Colour) -> Color {
    Color::Rgb(Rgb { r: c.r as f32 / 255.0, g: c.g as f32 / 255.0, b: c.b as f32 / 255.0, icc_profile: None })
}

impl<'a> Writer<'a> {
    fn new(page_h: f32, fonts: &'a BTreeMap<FaceId, FontId>, pictures: &'a [(XObjectId, u32)]) -> Self {
        Writer { ops: Vec::new(), page_h, scale: 1.0, at: (0.0, 0.0), fonts, font: None, pictures, pen: Pen::default() }
    }

    /// `Q` brings back the state saved by its `q`: nothing set since may be taken as still set.
    fn restore(&mut self) {
        self.ops.push(Op::RestoreGraphicsState);
        (self.font, self.pen) = (None, Pen::default());
    }

    fn fill(&mut self, c: Colour) {
        if self.pen.fill != Some(c) {
            self.ops.push(Op::SetFillColor { col: rgb(c) });
            self.pen.fill = Some(c);
        }
    }

    fn stroke_colour(&mut self, c: Colour) {
        if self.pen.stroke != Some(c) {
            self.ops.push(Op::SetOutlineColor { col: rgb(c) });
            self.pen.stroke = Some(c);
        }
    }

    fn line_width(&mut self, pt: f32) {
        if self.pen.width != Some(pt) {
            self.ops.push(Op::SetOutlineThickness { pt: Pt(pt) });
            self.pen.width = Some(pt);
        }
    }

    fn len(&self, mm: f32) -> f32 {
        hundredths(mm * self.scale * PT_PER_MM)
    }

    /// A point in shape millimetres (y down) to PDF points (y up).
    fn point(&self, (x, y): (f32, f32)) -> Point {
        let px = (self.at.0 + x * self.scale) * PT_PER_MM;
        let py = (self.page_h - (self.at.1 + y * self.scale)) * PT_PER_MM;
        Point { x: Pt(hundredths(px)), y: Pt(hundredths(py)) }
    }

    fn clip(&mut self, r: Rect) {
        let (p, q) = (self.point((r.x, r.bottom())), self.point((r.right(), r.y)));
        self.ops.push(Op::DrawRectangle {
            rectangle: printpdf::Rect {
                x: p.x,
                y: p.y,
                width: Pt(q.x.0 - p.x.0),
                height: Pt(q.y.0 - p.y.0),
                mode: Some(PaintMode::Clip),
                winding_order: None,
            },
        });
    }

    fn stroke_style(&mut self, s: Stroke) {
        self.stroke_colour(s.colour);
        self.line_width(self.len(s.width));
        let dash = s.dash.map(|(on, off)| (self.len(on), self.len(off)));
        if self.pen.dash != Some(dash) {
            let pattern = match dash {
                Some((on, off)) => LineDashPattern::new(0.0, &[on, off]),
                None => LineDashPattern::solid(),
            };
            self.ops.push(Op::SetLineDashPattern { dash: pattern });
            self.pen.dash = Some(dash);
        }
    }

    /// Fills and/or strokes one closed outline given as points (with Bézier handles marked).
    fn outline(&mut self, points: Vec<LinePoint>, fill: Option<Colour>, stroke: Option<Stroke>) {
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            (None, Some(_)) => PaintMode::Stroke,
            (None, None) => return,
        };
        if let Some(c) = fill {
            self.fill(c);
        }
        if let Some(s) = stroke {
            self.stroke_style(s);
        }
        if mode == PaintMode::Stroke {
            self.ops.push(Op::DrawLine { line: Line { points, is_closed: true } });
        } else {
            self.ops.push(Op::DrawPolygon {
                polygon: Polygon { rings: vec![PolygonRing { points }], mode, winding_order: WindingOrder::NonZero },
            });
        }
    }

    fn on(&self, p: (f32, f32)) -> LinePoint {
        LinePoint { p: self.point(p), bezier: false }
    }
    fn handle(&self, p: (f32, f32)) -> LinePoint {
        LinePoint { p: self.point(p), bezier: true }
    }

    fn shape(&mut self, shape: &Shape) {
        match shape {
            Shape::Rect { at, radius, fill, stroke } => {
                let points = if *radius <= 0.0 {
                    [(at.x, at.y), (at.right(), at.y), (at.right(), at.bottom()), (at.x, at.bottom())].map(|p| self.on(p)).to_vec()
                } else {
                    self.rounded(*at, radius.min(at.w / 2.0).min(at.h / 2.0))
                };
                self.outline(points, *fill, *stroke);
            }
            Shape::Circle { cx, cy, r, fill, stroke } => {
                let (k, r, c) = (KAPPA * r, *r, (*cx, *cy));
                let mut pts = vec![self.on((c.0 + r, c.1))];
                for (a, b, e) in [
                    ((c.0 + r, c.1 + k), (c.0 + k, c.1 + r), (c.0, c.1 + r)),
                    ((c.0 - k, c.1 + r), (c.0 - r, c.1 + k), (c.0 - r, c.1)),
                    ((c.0 - r, c.1 - k), (c.0 - k, c.1 - r), (c.0, c.1 - r)),
                    ((c.0 + k, c.1 - r), (c.0 + r, c.1 - k), (c.0 + r, c.1)),
                ] {
                    pts.extend([self.handle(a), self.handle(b), self.on(e)]);
                }
                self.outline(pts, *fill, *stroke);
            }
            Shape::Path { start, segments, closed, fill, stroke } => {
                let mut pts = vec![self.on(*start)];
                for s in segments {
                    match *s {
                        Segment::Line(p) => pts.push(self.on(p)),
                        Segment::Curve(a, b, e) => pts.extend([self.handle(a), self.handle(b), self.on(e)]),
                    }
                }
                if *closed || fill.is_some() {
                    self.outline(pts, *fill, *stroke);
                } else if let Some(s) = stroke {
                    self.stroke_style(*s);
                    self.ops.push(Op::SetLineCapStyle { cap: LineCapStyle::Round });
                    self.ops.push(Op::DrawLine { line: Line { points: pts, is_closed: false } });
                    self.ops.push(Op::SetLineCapStyle { cap: LineCapStyle::Butt });
                }
            }
            Shape::Text { x, y, size, weight, colour, text, line } => self.text((*x, *y), *size, *weight, *colour, text, line),
            Shape::Image { at, picture } => {
                let Some((id, width_px)) = self.pictures.get(*picture) else { return };
                // At 72 dpi a pixel is a point; the scale then gives the picture its size.
                let corner = self.point((at.x, at.bottom()));
                let scale = self.len(at.w) / *width_px as f32;
                self.ops.push(Op::UseXobject {
                    id: id.clone(),
                    transform: XObjectTransform {
                        translate_x: Some(corner.x),
                        translate_y: Some(corner.y),
                        scale_x: Some(scale),
                        scale_y: Some(scale),
                        dpi: Some(72.0),
                        ..XObjectTransform::default()
                    },
                });
            }
        }
    }

    /// One line of glyphs, in pieces of one face each; a glyph the shaper moved up or down (an
    /// Arabic or Hebrew point) starts a piece of its own.
    fn text(&mut self, at: (f32, f32), size: f32, weight: Weight, colour: Colour, text: &str, line: &ShapedLine) {
        if line.glyphs.is_empty() {
            return;
        }
        let size_pt = self.len(size);
        let origin = self.point(at);
        self.ops.push(Op::StartTextSection);
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
            if self.font != Some((first.face, size_pt)) {
                let Some(id) = self.fonts.get(&first.face) else { return };
                self.ops.push(Op::SetFont { font: PdfFontHandle::External(id.clone()), size: Pt(size_pt) });
                self.font = Some((first.face, size_pt));
            }
            // A face with one weight draws bold with its outline stroked too.
            let outline = weight == Weight::Bold && FILES[first.face as usize].single_weight;
            if outline != outlined {
                if outline {
                    self.stroke_colour(colour);
                    self.line_width(hundredths(size_pt * SYNTHETIC_BOLD));
                }
                let mode = if outline { TextRenderingMode::FillStroke } else { TextRenderingMode::Fill };
                self.ops.push(Op::SetTextRenderingMode { mode });
                outlined = outline;
            }
            let upem = units_per_em(first.face);
            let shaping = face(first.face);
            let piece = &glyphs[i..end];
            let codepoints = piece
                .iter()
                .enumerate()
                .map(|(k, g)| {
                    // TJ moves the pen by the font's own advance; the number after a glyph makes up
                    // the difference to where the shaper put the next one.
                    // Differences under half a thousandth of an em are float noise, not kerning:
                    // writing them would double the size of every text operator.
                    let offset = match piece.get(k + 1) {
                        Some(next) => {
                            let natural = shaping.glyph_hor_advance(rustybuzz::ttf_parser::GlyphId(g.id)).unwrap_or(0) as f32 / upem;
                            let thousandths = (natural - (next.x - g.x)) * 1000.0;
                            if thousandths.abs() < 0.5 {
                                0.0
                            } else {
                                thousandths.round()
                            }
                        }
                        None => 0.0,
                    };
                    // A ligature in a right-to-left word (lam-alef) is read with the word, from
                    // the right: its characters go in that order too.
                    let drawn = &text[g.text.0 as usize..g.text.1 as usize];
                    let cid = if g.rtl { drawn.chars().rev().collect() } else { drawn.to_string() };
                    Codepoint { gid: g.id, offset, cid: (!cid.is_empty()).then_some(cid) }
                })
                .collect();
            self.ops.push(Op::SetTextMatrix {
                matrix: TextMatrix::Translate(Pt(origin.x.0 + first.x * size_pt), Pt(origin.y.0 + first.y * size_pt)),
            });
            self.ops.push(Op::ShowText { items: vec![TextItem::GlyphIds(codepoints)] });
            i = end;
        }
        if outlined {
            self.ops.push(Op::SetTextRenderingMode { mode: TextRenderingMode::Fill });
        }
        self.ops.push(Op::EndTextSection);
    }

    fn rounded(&self, r: Rect, rad: f32) -> Vec<LinePoint> {
        let (start, segments) = r.rounded(rad);
        let mut points = vec![self.on(start)];
        for s in segments {
            match s {
                Segment::Line(p) => points.push(self.on(p)),
                Segment::Curve(a, b, e) => points.extend([self.handle(a), self.handle(b), self.on(e)]),
            }
        }
        points
    }
}
