//! Pages to PDF with printpdf: vector shapes, text as text in the bundled font (subset), so a
//! poster stays sharp at any size and `pdftotext` finds every word.

use printpdf::{
    Color, FontId, Line, LineCapStyle, LineDashPattern, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Polygon, PolygonRing, Pt, RawImage, RawImageData, RawImageFormat, Rgb, TextItem, TextMatrix, WindingOrder, XObjectId,
    XObjectTransform,
};

use super::font::{fonts, Weight};
use super::layout::Layout;
use super::shapes::{Colour, Rect, Segment, Shape, Stroke};
use super::sheets::{Item, Page};

const PT_PER_MM: f32 = 72.0 / 25.4;
/// A circle as four Béziers: the control points sit this far along the tangents (× radius).
const KAPPA: f32 = 0.552_284_8;

pub fn render(layout: &Layout, pages: &[Page], title: &str) -> Vec<u8> {
    let mut doc = PdfDocument::new(title);
    let f = fonts();
    let regular = doc.add_font(&f.regular.parsed);
    let bold = doc.add_font(&f.bold.parsed);
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
    let pdf_pages = pages
        .iter()
        .map(|page| {
            let mut w = Writer {
                ops: Vec::new(),
                page_h: page.h,
                scale: 1.0,
                at: (0.0, 0.0),
                regular: &regular,
                bold: &bold,
                font: None,
                pictures: &pictures,
            };
            for item in &page.items {
                match item {
                    Item::Poster { window, scale, at, clip } => {
                        w.ops.push(Op::SaveGraphicsState);
                        w.clip(*clip);
                        (w.scale, w.at) = (*scale, *at);
                        for s in layout.shapes.iter().filter(|s| s.bounds().intersects(window)) {
                            w.shape(s);
                        }
                        (w.scale, w.at) = (1.0, (0.0, 0.0));
                        w.ops.push(Op::RestoreGraphicsState);
                        w.font = None;
                    }
                    Item::Own(shapes) => shapes.iter().for_each(|s| w.shape(s)),
                }
            }
            PdfPage::new(Mm(page.w), Mm(page.h), w.ops)
        })
        .collect();
    doc.with_pages(pdf_pages).save(&PdfSaveOptions { subset_fonts: true, ..Default::default() }, &mut Vec::new())
}

struct Writer<'a> {
    ops: Vec<Op>,
    page_h: f32,
    /// Shapes are in mm; on the page they are scaled and moved by this.
    scale: f32,
    at: (f32, f32),
    regular: &'a FontId,
    bold: &'a FontId,
    font: Option<(Weight, f32)>,
    /// The document's pictures, with their width in pixels.
    pictures: &'a [(XObjectId, u32)],
}

fn rgb(c: Colour) -> Color {
    Color::Rgb(Rgb { r: c.r as f32 / 255.0, g: c.g as f32 / 255.0, b: c.b as f32 / 255.0, icc_profile: None })
}

impl Writer<'_> {
    fn len(&self, mm: f32) -> f32 {
        mm * self.scale * PT_PER_MM
    }

    /// A point in shape millimetres (y down) to PDF points (y up).
    fn point(&self, (x, y): (f32, f32)) -> Point {
        let px = (self.at.0 + x * self.scale) * PT_PER_MM;
        let py = (self.page_h - (self.at.1 + y * self.scale)) * PT_PER_MM;
        Point { x: Pt(px), y: Pt(py) }
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
        self.ops.push(Op::SetOutlineColor { col: rgb(s.colour) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(self.len(s.width)) });
        let dash = match s.dash {
            Some((on, off)) => LineDashPattern::new(0.0, &[self.len(on), self.len(off)]),
            None => LineDashPattern::solid(),
        };
        self.ops.push(Op::SetLineDashPattern { dash });
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
            self.ops.push(Op::SetFillColor { col: rgb(c) });
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
            Shape::Text { x, y, size, weight, colour, text, .. } => {
                let size_pt = self.len(*size);
                self.ops.push(Op::StartTextSection);
                if self.font != Some((*weight, size_pt)) {
                    let id = match weight {
                        Weight::Regular => self.regular,
                        Weight::Bold => self.bold,
                    };
                    self.ops.push(Op::SetFont { font: PdfFontHandle::External(id.clone()), size: Pt(size_pt) });
                    self.font = Some((*weight, size_pt));
                }
                let p = self.point((*x, *y));
                self.ops.push(Op::SetFillColor { col: rgb(*colour) });
                self.ops.push(Op::SetTextMatrix { matrix: TextMatrix::Translate(p.x, p.y) });
                self.ops.push(Op::ShowText { items: vec![TextItem::Text(text.clone())] });
                self.ops.push(Op::EndTextSection);
            }
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

    fn rounded(&self, r: Rect, rad: f32) -> Vec<LinePoint> {
        let k = rad * (1.0 - KAPPA);
        let (x0, y0, x1, y1) = (r.x, r.y, r.right(), r.bottom());
        let mut p = vec![self.on((x0 + rad, y0)), self.on((x1 - rad, y0))];
        p.extend([self.handle((x1 - k, y0)), self.handle((x1, y0 + k)), self.on((x1, y0 + rad)), self.on((x1, y1 - rad))]);
        p.extend([self.handle((x1, y1 - k)), self.handle((x1 - k, y1)), self.on((x1 - rad, y1)), self.on((x0 + rad, y1))]);
        p.extend([self.handle((x0 + k, y1)), self.handle((x0, y1 - k)), self.on((x0, y1 - rad)), self.on((x0, y0 + rad))]);
        p.extend([self.handle((x0, y0 + k)), self.handle((x0 + k, y0)), self.on((x0 + rad, y0))]);
        p
    }
}
