//! The board on slides: the whole map on one slide, and each phase on a slide of its own with its
//! cards as text boxes, each row's cards one group; the emotion row as a curve (a path of the
//! poster's spline) through a face for each card, captioned with its title.

use super::drawing::{frame, Align, Anchor, Frame, Geometry, Line, Look, Para, Shapes};
use super::package::{Slide, SLIDE_W};
use super::{Deck, MARGIN};
use crate::model::{Card, Phase, Row, RowKind};
use crate::poster::{card_fill, smooth, Colour, Segment, Weight, CURVE, EMOTION_COLOURS, INK, MUTED, PHASE_FILL, ROW_FILL, RULE};

/// Where the content of a slide ends, above the footer.
const BOTTOM: f32 = 506.0;
const GAP: f32 = 4.0;

/// Sizes of one drawing of the board: the map is small print, a phase slide is read from afar.
#[derive(Clone, Copy)]
struct Print {
    /// A card title's largest and smallest size (points).
    max: f32,
    min: f32,
    /// Whether a card shows its channel, emotion and votes under its title.
    meta: bool,
    /// Whether a title that does not fit at `min` is cut short (the map), or kept whole.
    cut: bool,
    /// A card's width over its height.
    aspect: f32,
    /// The side of an emotion face.
    face: f32,
}

const MAP: Print = Print { max: 9.0, min: 3.5, meta: false, cut: true, aspect: 1.8, face: 6.0 };
const PHASE: Print = Print { max: 16.0, min: 6.0, meta: true, cut: false, aspect: 1.9, face: 12.0 };

impl Deck<'_> {
    /// Every phase and row at once, as on the wall.
    pub(super) fn map_slide(&mut self, n: usize) -> Slide {
        let mut s = self.frame(self.dw.map, n, SLIDE_W - 2.0 * MARGIN);
        let label = 86.0;
        let grid_x = MARGIN + label + GAP;
        let grid_w = SLIDE_W - MARGIN - grid_x;
        let phases = self.phases.clone();
        let total: f32 = phases.iter().map(|p| p.width.max(1) as f32).sum();
        let mut columns = Vec::with_capacity(phases.len());
        let mut x = grid_x;
        for p in &phases {
            let w = grid_w * p.width.max(1) as f32 / total;
            columns.push((x, w));
            x += w;
        }

        let top = 66.0;
        let header = 30.0;
        let heads: Vec<(&str, Frame)> =
            phases.iter().zip(&columns).map(|(p, &(x, w))| (p.title.as_str(), frame(x + 1.0, top + 3.0, w - 2.0, header - 3.0))).collect();
        let size = self.common_size(&heads, Weight::Bold, 3.0, 11.0, 5.0);
        s.group("Phases", |g| {
            for (p, (title, at)) in phases.iter().zip(heads) {
                let fill = Colour::hex(&p.colour, PHASE_FILL);
                g.shape_only("Phase", frame(at.x, top, at.w, header), Look::filled(fill).geometry(Geometry::Rounded(0.08)));
                g.shape_only("Phase strip", frame(at.x, top, at.w, 3.0), Look::filled(fill.darker(0.35)));
                let text = self.fitted_at(title, Weight::Bold, at, 3.0, size, true);
                g.text(title, at, Look::PLAIN.inset(3.0).anchor(Anchor::Middle), &[text]);
            }
        });

        let rows = self.rows.clone();
        // A row of cards as tall as its fullest cell asks; the curve as tall as an average row.
        let most = |r: &Row| phases.iter().map(|p| self.cell(p.id, r.id).len()).max().unwrap_or(0);
        let weight = |r: &Row| 1.0 + 0.5 * most(r) as f32;
        let card_rows: Vec<f32> = rows.iter().filter(|r| r.kind == RowKind::Cards).map(|r| weight(r)).collect();
        let average = card_rows.iter().sum::<f32>() / card_rows.len().max(1) as f32;
        let weights: Vec<f32> = rows
            .iter()
            .map(|r| match r.kind {
                RowKind::Emotion if most(r) > 0 => average.max(3.0),
                _ => weight(r),
            })
            .collect();
        let y0 = top + header + GAP;
        let heights = shares(&weights, BOTTOM - y0 - GAP * rows.len().saturating_sub(1) as f32);
        let bands = self.bands(&rows, y0, &heights, label, 9.0);
        for (row, (band, label)) in rows.into_iter().zip(bands) {
            let cells: Vec<(&Phase, Frame)> = phases.iter().zip(&columns).map(|(p, &(x, w))| (*p, frame(x, band.y, w, band.h))).collect();
            s.group(&row.title, |g| self.row_band(g, row, band, label, &cells, MAP));
        }
        Slide { tree: s.into_tree(), pictures: Vec::new() }
    }

    /// One phase: its title and question, and each row with cards there as a band of them.
    pub(super) fn phase_slide(&mut self, i: usize, n: usize) -> Slide {
        let phase = self.phases[i];
        let mut s = self.frame(&phase.title, n, SLIDE_W - 2.0 * MARGIN - 150.0);
        let which = format!("{} {} {} {}", self.dw.phase, i + 1, self.w.of, self.phases.len());
        let fill = Colour::hex(&phase.colour, PHASE_FILL);
        let tag = frame(SLIDE_W - MARGIN - 140.0, 24.0, 140.0, 24.0);
        let look = Look::filled(fill).geometry(Geometry::Rounded(0.5)).inset(3.0).anchor(Anchor::Middle);
        s.text("Phase", tag, look, &[Para::new(which, 11.0, INK).bold().align(Align::Centre)]);
        let mut top = 66.0;
        let question = phase.question.trim();
        if !question.is_empty() {
            let at = frame(MARGIN, 60.0, SLIDE_W - 2.0 * MARGIN, 30.0);
            let size = self.common_size(&[(question, at)], Weight::Regular, 0.0, 15.0, 8.0);
            let text = self.fitted_at(question, Weight::Regular, at, 0.0, size, false);
            s.text("Question", at, Look::PLAIN, &[text.italic()]);
            top = 96.0;
        }

        let label = 110.0;
        let area_w = SLIDE_W - 2.0 * MARGIN - label - 2.0 * GAP;
        let per_line = ((area_w / 170.0).floor() as usize).max(1);
        let rows: Vec<&Row> = self.rows.iter().copied().filter(|r| !self.cell(phase.id, r.id).is_empty()).collect();
        // A band as tall as its cards need, in lines of cards, and never taller than that.
        let need: Vec<f32> = rows
            .iter()
            .map(|r| match r.kind {
                RowKind::Emotion => 2.0,
                RowKind::Cards => self.cell(phase.id, r.id).len().div_ceil(per_line) as f32,
            })
            .collect();
        let room = BOTTOM - top - GAP * rows.len().saturating_sub(1) as f32;
        let heights: Vec<f32> = shares(&need, room).into_iter().zip(&need).map(|(h, n)| h.min(n * 110.0 + 20.0)).collect();
        let bands = self.bands(&rows, top, &heights, label, 13.0);
        for (row, (band, label)) in rows.into_iter().zip(bands) {
            let cell = frame(MARGIN + label.0 + GAP, band.y, area_w + GAP, band.h);
            s.group(&row.title, |g| self.row_band(g, row, band, label, &[(phase, cell)], PHASE));
        }
        Slide { tree: s.into_tree(), pictures: Vec::new() }
    }

    /// The bands of `rows` from `top`, `heights` tall, each with its label's width and, so that
    /// the labels look alike, the one size of all (up to `max`).
    fn bands(&mut self, rows: &[&Row], top: f32, heights: &[f32], label: f32, max: f32) -> Vec<(Frame, (f32, f32))> {
        let mut y = top;
        let mut bands = Vec::with_capacity(rows.len());
        for &h in heights {
            bands.push(frame(MARGIN, y, SLIDE_W - 2.0 * MARGIN, h));
            y += h + GAP;
        }
        let labels: Vec<(&str, Frame)> = rows.iter().zip(&bands).map(|(r, b)| (r.title.as_str(), label_frame(*b, label))).collect();
        let size = self.common_size(&labels, Weight::Bold, 3.0, max, 4.0);
        bands.into_iter().map(|b| (b, (label, size))).collect()
    }

    /// A row across `cells` (a phase and its part of the band each): its label (`label`: width
    /// and size) and ground, then its cards in one size, or for the emotion row its curve.
    fn row_band(&mut self, g: &mut Shapes, row: &Row, band: Frame, label: (f32, f32), cells: &[(&Phase, Frame)], print: Print) {
        let fill = Colour::hex(&row.colour, ROW_FILL);
        g.shape_only("Row", band, Look::filled(fill).line(Line::solid(RULE, 0.5)));
        g.shape_only("Row strip", frame(band.x, band.y, 3.0, band.h), Look::filled(fill.darker(0.3)));
        let at = label_frame(band, label.0);
        let text = self.fitted_at(&row.title, Weight::Bold, at, 3.0, label.1, true);
        g.text(&row.title, at, Look::PLAIN.inset(3.0), &[text]);
        match row.kind {
            RowKind::Cards => {
                let mut placed = Vec::new();
                for &(phase, cell) in cells {
                    let cards = self.cell(phase.id, row.id).to_vec();
                    let inner = frame(cell.x + 2.0, cell.y + 3.0, cell.w - 4.0, cell.h - 6.0);
                    let max_w = if print.cut { inner.w } else { 240.0 };
                    let frames = grid(cards.len(), inner, print.aspect, max_w);
                    placed.extend(cards.into_iter().zip(frames).map(|(card, at)| (card, phase, at)));
                }
                let metas: Vec<String> = placed.iter().map(|(c, ..)| if print.meta { self.meta(c) } else { String::new() }).collect();
                let sizes: Vec<Option<f32>> =
                    placed.iter().zip(&metas).map(|((c, _, at), meta)| self.card_size(c, meta, *at, print)).collect();
                let size = row_size(&sizes, print);
                for (((card, phase, at), meta), own) in placed.into_iter().zip(metas).zip(sizes) {
                    self.card(g, card, phase, at, meta, own.map_or(print.min, |own| own.min(size)), print);
                }
            }
            RowKind::Emotion => self.emotion(g, row, cells, print),
        }
    }

    /// The largest size, from `print.max` down to `print.min`, at which a card's title and its
    /// `meta` fit in it.
    fn card_size(&mut self, card: &Card, meta: &str, at: Frame, print: Print) -> Option<f32> {
        let inset = card_inset(at);
        let mut pieces = vec![(card.title.as_str(), Weight::Bold, 1.0)];
        if !meta.is_empty() {
            pieces.push((meta, Weight::Regular, 0.75));
        }
        self.fit.size(&pieces, at.w - 2.0 * inset, at.h - 2.0 * inset, print.max, print.min)
    }

    /// A card as a box of text, its title in `size`: cut short on the map when it does not fit,
    /// and on a phase slide with its channel, emotion and votes (`meta`) under it.
    #[allow(clippy::too_many_arguments)]
    fn card(&mut self, g: &mut Shapes, card: &Card, phase: &Phase, at: Frame, meta: String, size: f32, print: Print) {
        let fill = card_fill(card, phase);
        let inset = card_inset(at);
        let look = Look::filled(fill).line(Line::solid(fill.darker(0.22), 0.5)).geometry(Geometry::Rounded(0.06)).inset(inset);
        let (w, h) = (at.w - 2.0 * inset, at.h - 2.0 * inset);
        let title = if print.cut && self.fit.size(&[(&card.title, Weight::Bold, 1.0)], w, h, size, size).is_none() {
            self.fit.cut(&card.title, Weight::Bold, size, w, (h / (size * 1.2)).floor().max(1.0) as usize)
        } else {
            card.title.clone()
        };
        let mut paras = vec![Para::new(title, size, INK).bold()];
        if !meta.is_empty() {
            paras.push(Para::new(meta, size * 0.75, MUTED).before(size * 0.2));
        }
        g.text(&card.title, at, look, &paras);
    }

    /// "Website · positive · 3 votes": what a card carries besides its title.
    fn meta(&self, card: &Card) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(ch) = card.channel.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
            parts.push(ch.to_string());
        }
        if let Some(e) = card.emotion {
            parts.push(self.w.emotions[(e.clamp(-2, 2) + 2) as usize].to_string());
        }
        if self.votes && card.votes > 0 {
            parts.push(if card.votes == 1 { format!("1 {}", self.dw.vote) } else { format!("{} {}", card.votes, self.w.votes) });
        }
        parts.join(" · ")
    }

    /// The emotion row: a dashed line at neutral, the curve through the scored cards, a face for
    /// each card (open for a card without a score, which the curve passes by) and its title.
    fn emotion(&mut self, g: &mut Shapes, row: &Row, cells: &[(&Phase, Frame)], print: Print) {
        let Some(&(_, first)) = cells.first() else { return };
        let last = cells.last().map_or(first, |c| c.1);
        let band = frame(first.x, first.y, last.right() - first.x, first.h);
        let d = print.face;
        let pad = d / 2.0 + 3.0;
        let score_y = |s: f32| band.y + pad + (2.0 - s) / 4.0 * (band.h - 2.0 * pad);
        let mut points = Vec::new();
        for &(phase, cell) in cells {
            let cards = self.cell(phase.id, row.id);
            let slot = cell.w / (cards.len() as f32 + 1.0);
            for (i, card) in cards.iter().enumerate() {
                points.push((*card, cell.x + slot * (i as f32 + 1.0), slot));
            }
        }
        let neutral = score_y(0.0);
        let dashed = Line { colour: RULE, width: 0.75, dashed: true };
        g.path("Neutral", frame(band.x, neutral, band.w, 0.0), (band.x, neutral), &[Segment::Line((band.right(), neutral))], dashed);
        let scored: Vec<(f32, f32)> = points.iter().filter_map(|(c, x, _)| c.emotion.map(|e| (*x, score_y(e as f32)))).collect();
        if scored.len() > 1 {
            let curve = Line::solid(CURVE, if print.cut { 1.0 } else { 2.0 });
            g.path(&row.title, band, scored[0], &smooth(&scored), curve);
        }
        let caption_h = band.h * 0.42;
        for (card, x, slot) in points {
            let y = score_y(card.emotion.unwrap_or(0) as f32);
            let face = frame(x - d / 2.0, y - d / 2.0, d, d);
            let look = match card.emotion {
                Some(e) => Look::filled(EMOTION_COLOURS[(e.clamp(-2, 2) + 2) as usize]).line(Line::solid(Colour::WHITE, 0.75)),
                None => Look::PLAIN.line(Line { colour: MUTED, width: 0.75, dashed: true }),
            };
            g.shape_only("Face", face, look.geometry(Geometry::Ellipse));
            // Below a face on the happy half, above it on the sad half: away from the band's edge.
            let w = (slot * 0.96).min(if print.cut { slot } else { 200.0 });
            let (at, anchor) = if card.emotion.unwrap_or(0) >= 0 {
                let top = y + d / 2.0 + 1.0;
                (frame(x - w / 2.0, top, w, caption_h.min(band.bottom() - top - 1.0)), Anchor::Top)
            } else {
                let bottom = y - d / 2.0 - 1.0;
                let h = caption_h.min(bottom - band.y - 1.0);
                (frame(x - w / 2.0, bottom - h, w, h), Anchor::Bottom)
            };
            let size = self.fit.size(&[(&card.title, Weight::Regular, 1.0)], at.w - 2.0, at.h - 2.0, print.max * 0.85, print.min);
            let text = self.fitted_at(&card.title, Weight::Regular, at, 1.0, size.unwrap_or(print.min), print.cut);
            g.text(&card.title, at, Look::PLAIN.inset(1.0).anchor(anchor), &[text.align(Align::Centre)]);
        }
    }

    /// The one size, from `max` down to `min`, at which every text fits its frame (less `inset`
    /// all round) that can fit at all.
    pub(super) fn common_size(&mut self, texts: &[(&str, Frame)], weight: Weight, inset: f32, max: f32, min: f32) -> f32 {
        let sizes = texts.iter().filter_map(|(t, at)| self.fit.size(&[(t, weight, 1.0)], at.w - 2.0 * inset, at.h - 2.0 * inset, max, min));
        sizes.fold(max, f32::min)
    }

    /// `text` in `size` in `at` (less `inset` all round): cut short when it does not fit and
    /// `cut`, else whole.
    pub(super) fn fitted_at(&mut self, text: &str, weight: Weight, at: Frame, inset: f32, size: f32, cut: bool) -> Para {
        let (w, h) = (at.w - 2.0 * inset, at.h - 2.0 * inset);
        let fits = self.fit.size(&[(text, weight, 1.0)], w, h, size, size).is_some();
        let text =
            if fits || !cut { text.to_string() } else { self.fit.cut(text, weight, size, w, (h / (size * 1.2)).floor().max(1.0) as usize) };
        let para = Para::new(text, size, INK);
        if weight == Weight::Bold {
            para.bold()
        } else {
            para
        }
    }
}

/// One size for a row's cards, so that they read alike: the largest at which all fit, unless a
/// few long titles would make everyone's small; those keep a smaller size of their own.
fn row_size(sizes: &[Option<f32>], print: Print) -> f32 {
    let mut fitting: Vec<f32> = sizes.iter().flatten().copied().collect();
    fitting.sort_by(f32::total_cmp);
    let (Some(&least), Some(&middle)) = (fitting.first(), fitting.get(fitting.len() / 2)) else { return print.min };
    least.max(middle * 0.75)
}

/// Where a row's label goes in its band: beside the band's coloured strip, `width` wide.
fn label_frame(band: Frame, width: f32) -> Frame {
    frame(band.x + 5.0, band.y, width - 5.0, band.h)
}

/// A card's text keeps this far from its edges.
fn card_inset(at: Frame) -> f32 {
    (at.h * 0.08).clamp(1.0, 5.0)
}

/// `room` shared out in proportion to `weights`.
fn shares(weights: &[f32], room: f32) -> Vec<f32> {
    let total: f32 = weights.iter().sum();
    weights.iter().map(|w| if total > 0.0 { room * w / total } else { 0.0 }).collect()
}

/// Frames for `k` cards in `area`, row by row: as many columns as make the cards largest at
/// `aspect` (width over height), no card wider than `max_w`.
fn grid(k: usize, area: Frame, aspect: f32, max_w: f32) -> Vec<Frame> {
    if k == 0 || area.w <= 0.0 || area.h <= 0.0 {
        return Vec::new();
    }
    let gap = (area.w.min(area.h) * 0.03).clamp(1.0, 6.0);
    let size = |c: usize| {
        let r = k.div_ceil(c);
        let w = ((area.w - gap * (c - 1) as f32) / c as f32).min(max_w);
        let h = (area.h - gap * (r - 1) as f32) / r as f32;
        (w, h, (w / aspect).min(h))
    };
    let columns = (1..=k).max_by(|&a, &b| size(a).2.total_cmp(&size(b).2).then(b.cmp(&a))).unwrap_or(1);
    let (w, h, _) = size(columns);
    let h = h.min(w / aspect * 1.4).max(0.0);
    (0..k).map(|i| frame(area.x + (i % columns) as f32 * (w + gap), area.y + (i / columns) as f32 * (h + gap), w, h)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_in_a_cell_fill_it_in_a_grid_without_overlapping() {
        let area = frame(10.0, 20.0, 300.0, 120.0);
        for k in [1, 2, 5, 12, 40] {
            let frames = grid(k, area, 1.8, 300.0);
            assert_eq!(frames.len(), k);
            for (i, a) in frames.iter().enumerate() {
                assert!(a.x >= area.x - 0.01 && a.right() <= area.right() + 0.01, "{k}: {a:?}");
                assert!(a.y >= area.y - 0.01 && a.bottom() <= area.bottom() + 0.01, "{k}: {a:?}");
                for b in &frames[i + 1..] {
                    let apart = a.right() <= b.x + 0.01 || b.right() <= a.x + 0.01 || a.bottom() <= b.y + 0.01 || b.bottom() <= a.y + 0.01;
                    assert!(apart, "{k}: {a:?} overlaps {b:?}");
                }
            }
        }
        assert_eq!(grid(1, area, 1.8, 200.0)[0].w, 200.0, "a lone card is no wider than asked");
    }
}
