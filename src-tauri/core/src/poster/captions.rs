//! Where the emotion curve's captions go. Each point tries under its face and over it (over
//! first when the face is below the middle line, as the editor does), as narrow as its own slot
//! or as wide as two, in fewest lines first, and takes the first place clear of the other
//! captions, every face, the scale and the band's edges, and clear of the curve too if any such
//! place is. A point that finds no place gets no caption: its phase lists its cards instead.

use super::font::Weight;
use super::measure::Measure;
use super::shapes::{Rect, Segment};

/// Caption text: the size of a card's meta line, so it reads like the cards'.
pub const SIZE: f32 = 2.8;
const LINE: f32 = 1.28;
const MAX_LINES: usize = 3;
/// Between a face and its caption.
const FACE_GAP: f32 = 1.6;
/// Kept clear around a caption's letters: to the next caption, to a face, to the curve.
const CLEAR: f32 = 0.8;
/// A caption is never wider than this, however wide the slots.
const MAX_WIDTH: f32 = 40.0;

/// An emotion point: its face's box, the width it has of its phase, and whether it sits below the
/// middle line.
pub struct Point<'a> {
    pub title: &'a str,
    pub x: f32,
    pub face: Rect,
    pub slot: f32,
    pub low: bool,
}

/// What captions must keep inside and keep off.
pub struct Room {
    /// The board's part of the emotion band.
    pub band: Rect,
    /// The faces and the scale's marks.
    pub obstacles: Vec<Rect>,
    /// Points along the curve, close together.
    pub curve: Vec<(f32, f32)>,
}

/// A caption's lines, centred in `at`, the box its letters fill.
pub struct Caption {
    pub lines: Vec<String>,
    pub at: Rect,
}

impl Caption {
    /// Where line `j` starts and its baseline.
    pub fn baseline(&self, j: usize, line_width: f32) -> (f32, f32) {
        (self.at.x + (self.at.w - line_width) / 2.0, self.at.y + 0.75 * SIZE + j as f32 * SIZE * LINE)
    }
}

/// A caption for each point, in order, or None for a point that finds no place (or is `skip`ped).
pub fn place(points: &[Point], skip: &[bool], room: &Room, m: &mut Measure) -> Vec<Option<Caption>> {
    let mut placed: Vec<Rect> = Vec::new();
    points
        .iter()
        .zip(skip)
        .map(|(p, &skip)| {
            if skip {
                return None;
            }
            let free: Vec<Caption> = candidates(p, room, m)
                .into_iter()
                .filter(|c| {
                    let r = c.at.grown(CLEAR);
                    !placed.iter().chain(&room.obstacles).any(|o| o.intersects(&r))
                })
                .collect();
            let best = free.iter().position(|c| !crosses(c.at.grown(CLEAR), &room.curve)).unwrap_or(0);
            let caption = free.into_iter().nth(best)?;
            placed.push(caption.at);
            Some(caption)
        })
        .collect()
}

/// The places a point's caption may take, best first, each inside the band.
fn candidates(p: &Point, room: &Room, m: &mut Measure) -> Vec<Caption> {
    let narrow = p.slot - 2.0;
    let wide = (2.0 * p.slot - 2.0).min(MAX_WIDTH).max(narrow);
    let mut found = Vec::new();
    for width in [narrow, wide] {
        let lines = m.wrap(p.title.trim(), Weight::Regular, SIZE, width, None);
        if lines.len() > MAX_LINES || lines.is_empty() {
            continue;
        }
        let w = lines.iter().map(|l| m.width(l, Weight::Regular, SIZE)).fold(0.0, f32::max);
        let h = SIZE * (1.0 + (lines.len() - 1) as f32 * LINE);
        let x = (p.x - w / 2.0).clamp(room.band.x, room.band.right() - w);
        let under = p.face.bottom() + FACE_GAP;
        let over = p.face.y - FACE_GAP - h;
        let sides = if p.low { [over, under] } else { [under, over] };
        for y in sides {
            let at = Rect::new(x, y, w, h);
            if at.y >= room.band.y && at.bottom() <= room.band.bottom() {
                found.push(Caption { lines: lines.clone(), at });
            }
        }
    }
    // Fewer lines read better; at equal lines the narrower, on the face's own side, leaves more room.
    found.sort_by_key(|c| c.lines.len());
    found
}

fn crosses(r: Rect, curve: &[(f32, f32)]) -> bool {
    curve.iter().any(|&(x, y)| x > r.x && x < r.right() && y > r.y && y < r.bottom())
}

/// Points along a path of cubic segments from `start`, a few tenths of a millimetre apart.
pub fn points_along(start: (f32, f32), segments: &[Segment]) -> Vec<(f32, f32)> {
    const STEPS: usize = 100;
    let mut points = vec![start];
    let mut from = start;
    for segment in segments {
        let (c1, c2, to) = match *segment {
            Segment::Curve(c1, c2, to) => (c1, c2, to),
            Segment::Line(to) => (from, to, to),
        };
        for k in 1..=STEPS {
            let t = k as f32 / STEPS as f32;
            let u = 1.0 - t;
            let at = |a: f32, b: f32, c: f32, d: f32| u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d;
            points.push((at(from.0, c1.0, c2.0, to.0), at(from.1, c1.1, c2.1, to.1)));
        }
        from = to;
    }
    points
}
