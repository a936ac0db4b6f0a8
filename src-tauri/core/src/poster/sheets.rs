//! The pages of the PDF: one sheet with the whole poster, or the assembly page followed by every
//! tile with its glue strip, cut marks and label.

use super::font::Weight;
use super::layout::Layout;
use super::measure::Measure;
use super::paper::round1;
use super::shapes::{Colour, Rect, Shape, Stroke};
use super::tiling::{Plan, Tiles};
use super::words::{letters, words, Words};
use crate::said::Lang;

pub struct Page {
    pub w: f32,
    pub h: f32,
    pub items: Vec<Item>,
}

pub enum Item {
    /// The poster, scaled by `scale` with the design's origin at `at` (page mm) and clipped to
    /// `clip` (page mm).
    Poster { scale: f32, at: (f32, f32), clip: Rect },
    /// Shapes in page millimetres.
    Own(Vec<Shape>),
}

const GRID: Colour = Colour::rgb(0x0a, 0x62, 0xc9);
const MARK: Colour = Colour::BLACK;
const HATCH: Colour = Colour::rgb(0x8a, 0x93, 0xa3);

/// "3 × 2 sheets of A4 → 84 × 59 cm", or "A0 → 84 × 59 cm" for one sheet.
pub fn summary(plan: &Plan, lang: Lang) -> String {
    let w = words(lang);
    let size = format!("{} × {} cm", round1(plan.poster_w / 10.0).round(), round1(plan.poster_h / 10.0).round());
    match &plan.tiles {
        Some(t) if t.printed_count() < t.count() => {
            format!("{} × {} {} {}, {} {} → {size}", t.cols(), t.rows(), w.sheets_of, plan.sheet_name, t.printed_count(), w.to_print)
        }
        Some(t) => format!("{} × {} {} {} → {size}", t.cols(), t.rows(), w.sheets_of, plan.sheet_name),
        None => format!("{} → {size}", plan.sheet_name),
    }
}

pub fn pages(layout: &Layout, plan: &Plan) -> Vec<Page> {
    let Some(tiles) = &plan.tiles else {
        let at = ((plan.sheet_w - plan.poster_w) / 2.0, (plan.sheet_h - plan.poster_h) / 2.0);
        let clip = Rect::new(at.0, at.1, plan.poster_w, plan.poster_h);
        return vec![Page { w: plan.sheet_w, h: plan.sheet_h, items: vec![Item::Poster { scale: plan.scale, at, clip }] }];
    };
    let w = words(layout.lang);
    let mut m = Measure::new();
    let mut pages = vec![assembly(layout, plan, tiles, w, &mut m)];
    let count = tiles.printed_count();
    let mut number = 0;
    for row in 0..tiles.rows() {
        for col in 0..tiles.cols() {
            if !tiles.prints(col, row) {
                continue;
            }
            number += 1;
            let printed = tiles.printed(col, row, plan.poster_w, plan.poster_h);
            let visible = tiles.visible(col, row, plan.poster_w, plan.poster_h);
            let (ox, oy) = (plan.margin - printed.x, plan.margin - printed.y);
            let page_rect = |r: Rect| Rect::new(r.x + ox, r.y + oy, r.w, r.h);
            let mut own = Vec::new();
            // A strip is glued over by the sheet right of it or below it: none if that is not printed.
            glue_strips(&mut own, page_rect(printed), page_rect(visible), [tiles.prints(col + 1, row), tiles.prints(col, row + 1)]);
            if plan.cut_marks && plan.margin >= 4.0 {
                cut_marks(&mut own, page_rect(visible), plan.margin, plan.sheet_h, plan.sheet_w);
            }
            // The label needs the bottom margin to itself.
            if plan.margin >= 4.0 {
                let text = sheet_label(col, row, tiles, w, number, count, &layout.name);
                let size = (plan.margin * 0.32).clamp(2.2, 3.2);
                // Clear of the cut mark that runs down the margin at the sheet's left edge.
                let x = plan.margin + 2.0;
                let fitted = m.fit_line(&text, Weight::Regular, size, plan.sheet_w - 2.0 * plan.margin - 4.0);
                let y = plan.sheet_h - plan.margin / 2.0 + size * 0.35;
                own.push(m.line((x, y), size, Weight::Regular, MARK, &fitted, None));
            }
            pages.push(Page {
                w: plan.sheet_w,
                h: plan.sheet_h,
                items: vec![Item::Poster { scale: plan.scale, at: (ox, oy), clip: page_rect(printed) }, Item::Own(own)],
            });
        }
    }
    pages
}

/// "B3": the sheet in row B, column 3, as the labels, the assembly page and the preview call it.
pub(super) fn sheet_name(col: usize, row: usize) -> String {
    format!("{}{}", letters(row), col + 1)
}

/// "B2 · Sheet 5 of 12 · left B1 · right B3 · above A2 · below C2 · Journey": the neighbours
/// named are the printed ones.
fn sheet_label(col: usize, row: usize, t: &Tiles, w: &Words, number: usize, count: usize, name: &str) -> String {
    let mut s = format!("{} · {} {number} {} {count}", sheet_name(col, row), w.sheet, w.of);
    let neighbours = [
        (col.checked_sub(1).map(|c| (c, row)), w.left),
        (Some((col + 1, row)), w.right),
        (row.checked_sub(1).map(|r| (col, r)), w.above),
        (Some((col, row + 1)), w.below),
    ];
    for (at, word) in neighbours {
        if let Some((c, r)) = at.filter(|&(c, r)| t.prints(c, r)) {
            s += &format!(" · {word} {}", sheet_name(c, r));
        }
    }
    s + " · " + name
}

/// Diagonal hatching over the strips the next sheets are glued onto (right and bottom), where
/// `glued` says a sheet is.
fn glue_strips(out: &mut Vec<Shape>, printed: Rect, visible: Rect, glued: [bool; 2]) {
    let strips = [
        Rect::new(visible.right(), printed.y, printed.right() - visible.right(), printed.h),
        Rect::new(printed.x, visible.bottom(), visible.w, printed.bottom() - visible.bottom()),
    ];
    for s in strips.into_iter().zip(glued).filter(|(s, glued)| *glued && s.w > 0.1 && s.h > 0.1).map(|(s, _)| s) {
        out.push(Shape::outline(s, Stroke { colour: HATCH, width: 0.2, dash: Some((1.0, 1.0)) }));
        // Lines at 45°, 3 mm apart, cut to the strip.
        let mut k = -s.h;
        while k < s.w {
            let (mut x0, mut y0) = (s.x + k, s.y);
            let (mut x1, mut y1) = (s.x + k + s.h, s.bottom());
            if x0 < s.x {
                y0 += s.x - x0;
                x0 = s.x;
            }
            if x1 > s.right() {
                y1 -= x1 - s.right();
                x1 = s.right();
            }
            if x1 > x0 {
                out.push(Shape::line((x0, y0), (x1, y1), Stroke::solid(HATCH, 0.25)));
            }
            k += 3.0;
        }
    }
}

/// Short lines in the margins, in line with the edges of what shows once glued.
fn cut_marks(out: &mut Vec<Shape>, v: Rect, margin: f32, sheet_h: f32, sheet_w: f32) {
    let len = (margin - 2.0).min(6.0);
    let gap = 1.0;
    let stroke = Stroke::solid(MARK, 0.2);
    let mut line = |a: (f32, f32), b: (f32, f32)| out.push(Shape::line(a, b, stroke));
    for x in [v.x, v.right()] {
        line((x, margin - gap - len), (x, margin - gap));
        line((x, sheet_h - margin + gap), (x, sheet_h - margin + gap + len));
    }
    for y in [v.y, v.bottom()] {
        line((margin - gap - len, y), (margin - gap, y));
        line((sheet_w - margin + gap, y), (sheet_w - margin + gap + len, y));
    }
}

/// The first page of a tiled poster: the poster small, the sheets drawn over it, the finished size
/// and how to put it together.
fn assembly(layout: &Layout, plan: &Plan, t: &Tiles, w: &Words, m: &mut Measure) -> Page {
    let (pw, ph) = (plan.sheet_w, plan.sheet_h);
    let x = plan.margin.max(10.0);
    let inner = pw - 2.0 * x;
    let mut own = Vec::new();
    let text = |own: &mut Vec<Shape>, m: &mut Measure, y: f32, size: f32, weight: Weight, s: &str| {
        let line = m.fit_line(s, weight, size, inner);
        own.push(m.line((x, y), size, weight, Colour::BLACK, &line, None));
    };
    text(&mut own, m, x + 7.0, 7.0, Weight::Bold, &layout.name);
    // Noto Sans has no arrow: the PDF says it in words.
    let size_line = summary(plan, layout.lang).replace(" → ", &format!(" · {} ", w.finished));
    text(&mut own, m, x + 15.0, 5.0, Weight::Regular, &size_line);
    text(&mut own, m, x + 22.0, 3.6, Weight::Bold, w.assembly);
    let blanks = t.printed_count() < t.count();
    let lines: Vec<&str> = w.how_to.iter().copied().chain(blanks.then_some(w.blank_spot)).collect();
    let how_to_top = ph - x - lines.len() as f32 * 5.0;
    for (i, line) in lines.iter().enumerate() {
        text(&mut own, m, how_to_top + 3.6 + i as f32 * 5.0, 3.6, Weight::Regular, line);
    }
    // The thumbnail fills the space between the heading and the instructions.
    let top = x + 28.0;
    let (aw, ah) = (inner, how_to_top - 6.0 - top);
    let k = (aw / plan.poster_w).min(ah / plan.poster_h);
    let at = (x + (aw - plan.poster_w * k) / 2.0, top);
    let to_page = |r: Rect| Rect::new(at.0 + r.x * k, at.1 + r.y * k, r.w * k, r.h * k);
    let poster = to_page(Rect::new(0.0, 0.0, plan.poster_w, plan.poster_h));
    own.push(Shape::outline(poster, Stroke::solid(MARK, 0.3)));
    for row in 0..t.rows() {
        for col in 0..t.cols() {
            let cell = to_page(t.visible(col, row, plan.poster_w, plan.poster_h));
            let printed = t.prints(col, row);
            let stroke = if printed { Stroke::solid(GRID, 0.5) } else { Stroke { colour: HATCH, width: 0.3, dash: Some((1.0, 1.0)) } };
            own.push(Shape::outline(cell, stroke));
            // A spot with no sheet is marked with a dash (see `blank_spot`).
            let label = if printed { sheet_name(col, row) } else { "–".to_string() };
            let size = (cell.h * 0.3).min(cell.w * 0.25).clamp(2.0, 12.0);
            let lw = m.width(&label, Weight::Bold, size);
            let (lx, ly) = (cell.x + (cell.w - lw) / 2.0, cell.y + cell.h / 2.0 + size * 0.35);
            own.push(Shape::Rect {
                at: Rect::new(lx - size * 0.25, ly - size * 0.95, lw + size * 0.5, size * 1.25),
                radius: size * 0.2,
                fill: Some(Colour::WHITE),
                stroke: None,
            });
            own.push(m.line((lx, ly), size, Weight::Bold, if printed { GRID } else { HATCH }, &label, None));
        }
    }
    Page { w: pw, h: ph, items: vec![Item::Poster { scale: plan.scale * k, at, clip: poster }, Item::Own(own)] }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn cut_marks_only_when_asked_for() {
        use crate::poster::layout::{lay_out, LayoutOptions};
        use crate::poster::options::{PosterMode, PosterOptions, PosterSize};
        let doc = crate::templates::instantiate("website-en", None).unwrap();
        let layout = lay_out(&doc, LayoutOptions { notes: false, questions: true, grayscale: false, square_cards: false, votes: true }, 0);
        for marks in [true, false] {
            let o = PosterOptions {
                sheet: "A4".into(),
                mode: PosterMode::Tiled,
                size: PosterSize::Across { sheets: 2 },
                cut_marks: marks,
                ..Default::default()
            };
            let plan = crate::poster::tiling::plan(&layout, &o.check().unwrap()).unwrap();
            let drawn = pages(&layout, &plan)
                .iter()
                .flat_map(|p| &p.items)
                .filter_map(|i| if let Item::Own(shapes) = i { Some(shapes) } else { None })
                .flatten()
                .filter(|s| matches!(s, Shape::Path { stroke: Some(st), .. } if st.colour == MARK))
                .count();
            assert_eq!(drawn > 0, marks, "cut marks {marks}: {drawn} drawn");
        }
    }

    #[test]
    fn labels_are_unique_and_name_the_right_neighbours() {
        let mut t = Tiles { xs: vec![0.0, 100.0, 200.0], ys: vec![0.0, 100.0], overlap: 10.0, blank: vec![false; 6] };
        let w = words(Lang::En);
        let mut names = HashSet::new();
        for row in 0..2 {
            for col in 0..3 {
                let label = sheet_label(col, row, &t, w, row * 3 + col + 1, 6, "Shop");
                assert!(names.insert(label.split(' ').next().unwrap().to_string()), "{label}");
            }
        }
        assert_eq!(names.len(), 6);
        assert_eq!(sheet_label(1, 0, &t, w, 2, 6, "Shop"), "A2 · Sheet 2 of 6 · left A1 · right A3 · below B2 · Shop");
        assert_eq!(sheet_label(0, 1, &t, w, 4, 6, "Shop"), "B1 · Sheet 4 of 6 · right B2 · above A1 · Shop");
        assert_eq!(sheet_label(2, 1, &t, words(Lang::Nl), 6, 6, "Winkel"), "B3 · Vel 6 van 6 · links B2 · boven A3 · Winkel");
        // A sheet that is not printed is no neighbour.
        t.blank[3] = true;
        assert_eq!(sheet_label(1, 1, &t, w, 4, 5, "Shop"), "B2 · Sheet 4 of 5 · right B3 · above A2 · Shop");
    }
}
