//! What a poster is made of once laid out: boxes, text, lines and curves in millimetres, with the
//! origin at the top left and y growing downwards. The PDF and SVG renderers draw exactly these.

use std::sync::Arc;

use super::font::Weight;
use super::glyphs::ShapedLine;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    pub const BLACK: Colour = Colour::rgb(0x1d, 0x25, 0x33);
    pub const WHITE: Colour = Colour::rgb(0xff, 0xff, 0xff);

    pub const fn rgb(r: u8, g: u8, b: u8) -> Colour {
        Colour { r, g, b }
    }

    /// "#rrggbb"; anything else (the model already checks colours) falls back to `default`.
    pub fn hex(s: &str, default: Colour) -> Colour {
        let h = s.trim_start_matches('#');
        let byte = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
        match (h.len(), byte(0), byte(2), byte(4)) {
            (6, Some(r), Some(g), Some(b)) => Colour { r, g, b },
            _ => default,
        }
    }

    /// The same lightness in grey (Rec. 709 luma), for grayscale prints.
    pub fn grey(self) -> Colour {
        let l = (0.2126 * self.r as f32 + 0.7152 * self.g as f32 + 0.0722 * self.b as f32).round() as u8;
        Colour { r: l, g: l, b: l }
    }

    /// Mixes towards black by `amount` (0..1): header strips and outlines from a pale fill.
    pub fn darker(self, amount: f32) -> Colour {
        let f = |c: u8| (c as f32 * (1.0 - amount)).round() as u8;
        Colour { r: f(self.r), g: f(self.g), b: f(self.b) }
    }

    pub fn css(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect { x, y, w, h }
    }
    pub fn right(&self) -> f32 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }
    /// The rectangle with `by` more on every side.
    pub fn grown(&self, by: f32) -> Rect {
        Rect::new(self.x - by, self.y - by, self.w + 2.0 * by, self.h + 2.0 * by)
    }
    pub fn intersects(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }

    /// The outline with corners of radius `rad` (at most half a side), clockwise from the top left.
    pub fn rounded(&self, rad: f32) -> ((f32, f32), Vec<Segment>) {
        let rad = rad.min(self.w / 2.0).min(self.h / 2.0).max(0.0);
        let k = rad * (1.0 - KAPPA);
        let (x0, y0, x1, y1) = (self.x, self.y, self.right(), self.bottom());
        use Segment::{Curve, Line};
        let segments = vec![
            Line((x1 - rad, y0)),
            Curve((x1 - k, y0), (x1, y0 + k), (x1, y0 + rad)),
            Line((x1, y1 - rad)),
            Curve((x1, y1 - k), (x1 - k, y1), (x1 - rad, y1)),
            Line((x0 + rad, y1)),
            Curve((x0 + k, y1), (x0, y1 - k), (x0, y1 - rad)),
            Line((x0, y0 + rad)),
            Curve((x0, y0 + k), (x0 + k, y0), (x0 + rad, y0)),
        ];
        ((x0 + rad, y0), segments)
    }
}

/// A circle as four Béziers: the control points sit this far along the tangents (× radius).
pub const KAPPA: f32 = 0.552_284_8;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub colour: Colour,
    pub width: f32,
    /// Dash and gap lengths, in mm.
    pub dash: Option<(f32, f32)>,
}

impl Stroke {
    pub fn solid(colour: Colour, width: f32) -> Stroke {
        Stroke { colour, width, dash: None }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    Rect {
        at: Rect,
        radius: f32,
        fill: Option<Colour>,
        stroke: Option<Stroke>,
    },
    Circle {
        cx: f32,
        cy: f32,
        r: f32,
        fill: Option<Colour>,
        stroke: Option<Stroke>,
    },
    /// A path from `start` through segments; `Curve` segments are cubic Béziers.
    Path {
        start: (f32, f32),
        segments: Vec<Segment>,
        closed: bool,
        fill: Option<Colour>,
        stroke: Option<Stroke>,
    },
    /// One line of text from `x`, `y` being the baseline: `text` as written (logical order, for
    /// search and copy) and `line`, its glyphs as drawn.
    Text {
        x: f32,
        y: f32,
        size: f32,
        weight: Weight,
        colour: Colour,
        text: String,
        line: Arc<ShapedLine>,
    },
    /// A picture (`Layout::pictures[picture]`) fitted into `at`, keeping its proportions.
    Image {
        at: Rect,
        picture: usize,
    },
}

/// A persona's picture, decoded once for the PDF and kept as its data URL for the SVG.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub data_url: String,
    pub width: u32,
    pub height: u32,
    /// RGB, 8 bits a channel, row by row.
    pub rgb: Vec<u8>,
}

impl Picture {
    /// Decodes a stored picture; with `grey`, in grey for a grayscale poster. None: unreadable.
    pub fn decode(data_url: &str, grey: bool) -> Option<Picture> {
        let bytes = crate::picture::bytes_of(data_url)?;
        let mut rgb = image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg).ok()?.to_rgb8();
        if grey {
            for p in rgb.pixels_mut() {
                let Colour { r, .. } = Colour::rgb(p.0[0], p.0[1], p.0[2]).grey();
                p.0 = [r, r, r];
            }
        }
        Some(Picture { data_url: data_url.to_owned(), width: rgb.width(), height: rgb.height(), rgb: rgb.into_raw() })
    }

    /// Where the picture goes in `r`: as large as fits, centred, in its own proportions.
    pub fn fit(&self, r: Rect) -> Rect {
        let k = (r.w / self.width as f32).min(r.h / self.height as f32);
        let (w, h) = (self.width as f32 * k, self.height as f32 * k);
        Rect::new(r.x + (r.w - w) / 2.0, r.y + (r.h - h) / 2.0, w, h)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Segment {
    Line((f32, f32)),
    Curve((f32, f32), (f32, f32), (f32, f32)),
}

impl Shape {
    /// A straight line from `a` to `b`.
    pub fn line(a: (f32, f32), b: (f32, f32), stroke: Stroke) -> Shape {
        Shape::Path { start: a, segments: vec![Segment::Line(b)], closed: false, fill: None, stroke: Some(stroke) }
    }

    /// The outline of `at`, square-cornered and not filled.
    pub fn outline(at: Rect, stroke: Stroke) -> Shape {
        Shape::Rect { at, radius: 0.0, fill: None, stroke: Some(stroke) }
    }

    /// A box that holds the shape (generous for text and curves), to skip what a sheet cannot show.
    pub fn bounds(&self) -> Rect {
        match self {
            Shape::Rect { at, stroke, .. } => at.grown(stroke.map_or(0.0, |s| s.width)),
            Shape::Circle { cx, cy, r, stroke, .. } => {
                let r = r + stroke.map_or(0.0, |s| s.width);
                Rect::new(cx - r, cy - r, 2.0 * r, 2.0 * r)
            }
            Shape::Path { start, segments, stroke, .. } => {
                let (mut x0, mut y0, mut x1, mut y1) = (start.0, start.1, start.0, start.1);
                let mut take = |p: (f32, f32)| {
                    x0 = x0.min(p.0);
                    y0 = y0.min(p.1);
                    x1 = x1.max(p.0);
                    y1 = y1.max(p.1);
                };
                for s in segments {
                    match *s {
                        Segment::Line(p) => take(p),
                        Segment::Curve(a, b, c) => {
                            take(a);
                            take(b);
                            take(c);
                        }
                    }
                }
                Rect::new(x0, y0, x1 - x0, y1 - y0).grown(stroke.map_or(0.0, |s| s.width))
            }
            // The bundled faces reach 1.4 em above the baseline (Arabic marks) and 0.7 below.
            Shape::Text { x, y, size, line, .. } => Rect::new(*x, y - 1.4 * size, line.width * size, 2.1 * size),
            Shape::Image { at, .. } => *at,
        }
    }
}
