//! From a laid-out journey and the options to a plan: how much the journey is scaled, on what
//! sheet, and, for a tiled poster, where each sheet starts so that neighbours overlap by exactly the
//! glue margin and seams fall between cards wherever they can.

use super::layout::{Layout, CARD_WIDTH};
use super::options::{Checked, Orientation, PosterMode, PosterSize, MAX_PAGE_MM};
use super::paper::{round1, MAX_MM};
use super::shapes::Rect;
use crate::fields::ensure;
use crate::said;
use crate::said::dutch_number;
use crate::said::Field;
use crate::{Error, Result};

/// More sheets than this is a typing slip, not a poster (and a PDF nobody can print).
const MAX_SHEETS: usize = 500;

/// Keep this much clear of a card when placing a seam.
const CLEARANCE: f32 = 1.5;

/// A last row (or column) of sheets that would show less of the poster than this share of a
/// sheet is a sliver: the poster's bottom edge and its footer on a row of nearly blank sheets
/// that the assembly page and the wall hardly need.
pub const SLIVER: f32 = 0.15;

/// To spare a sliver its sheets, the poster is printed up to this much smaller (not when a real
/// card size was asked for: those cards keep their size).
const MAX_SHRINK: f32 = 0.15;

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Printed millimetres per design millimetre.
    pub scale: f32,
    /// The finished poster, in mm.
    pub poster_w: f32,
    pub poster_h: f32,
    /// The page, as it comes out of the printer (oriented), in mm.
    pub sheet_w: f32,
    pub sheet_h: f32,
    pub sheet_name: String,
    pub margin: f32,
    pub cut_marks: bool,
    pub tiles: Option<Tiles>,
}

impl Plan {
    /// The poster on one sheet; a tiled plan sets its `tiles` and `cut_marks` over this.
    fn new(scale: f32, (poster_w, poster_h): (f32, f32), (sheet_w, sheet_h): (f32, f32), sheet_name: String, margin: f32) -> Plan {
        Plan { scale, poster_w, poster_h, sheet_w, sheet_h, sheet_name, margin, cut_marks: false, tiles: None }
    }
}

/// Where the sheets of a tiled poster start, in poster millimetres.
#[derive(Debug, Clone, PartialEq)]
pub struct Tiles {
    pub xs: Vec<f32>,
    pub ys: Vec<f32>,
    pub overlap: f32,
    /// Row by row, the sheets that would show nothing of the poster but its blank ground (the
    /// corner beside the title block of a wide poster): they are not printed, and their spot on
    /// the wall stays empty.
    pub blank: Vec<bool>,
}

impl Tiles {
    /// Whether sheet (col, row) is printed: it exists and shows some of the poster.
    pub fn prints(&self, col: usize, row: usize) -> bool {
        col < self.cols() && row < self.rows() && !self.blank[row * self.cols() + col]
    }
    /// How many sheets are printed.
    pub fn printed_count(&self) -> usize {
        self.blank.iter().filter(|b| !**b).count()
    }
    pub fn cols(&self) -> usize {
        self.xs.len()
    }
    pub fn rows(&self) -> usize {
        self.ys.len()
    }
    /// How many sheets the grid has, blank ones included.
    pub fn count(&self) -> usize {
        self.cols() * self.rows()
    }
    /// What sheet (col, row) prints, in poster mm: from its start to where the next sheet starts
    /// plus the overlap (the strip the next sheet is glued over).
    pub fn printed(&self, col: usize, row: usize, poster_w: f32, poster_h: f32) -> Rect {
        let (x0, x1) = span(&self.xs, col, self.overlap, poster_w);
        let (y0, y1) = span(&self.ys, row, self.overlap, poster_h);
        Rect::new(x0, y0, x1 - x0, y1 - y0)
    }
    /// What of sheet (col, row) shows once the poster is glued: up to where the next sheet starts.
    pub fn visible(&self, col: usize, row: usize, poster_w: f32, poster_h: f32) -> Rect {
        let (x0, x1) = span(&self.xs, col, 0.0, poster_w);
        let (y0, y1) = span(&self.ys, row, 0.0, poster_h);
        Rect::new(x0, y0, x1 - x0, y1 - y0)
    }
}

fn span(starts: &[f32], i: usize, overlap: f32, total: f32) -> (f32, f32) {
    let end = starts.get(i + 1).map_or(total, |next| next + overlap);
    (starts[i], end)
}

/// Sheet starts along one axis of `length`, of which the first `ink` has something drawn: each
/// sheet prints at most `printable`, the next one starts `overlap` before this one ends, and a
/// start is moved back by up to `max_nudge` to fall in a gap between `obstacles` (merged, sorted
/// intervals). No sheet starts where only blank paper is left.
pub fn seams(length: f32, ink: f32, printable: f32, overlap: f32, obstacles: &[(f32, f32)], max_nudge: f32) -> Vec<f32> {
    let mut starts = vec![0.0];
    loop {
        let last = *starts.last().expect("one start");
        if last + printable >= length.min(ink) - 0.01 {
            return starts;
        }
        let ideal = last + printable - overlap;
        let next = match obstacles.iter().find(|(a, b)| *a - CLEARANCE < ideal && ideal < *b + CLEARANCE) {
            Some((a, _)) if a - CLEARANCE >= ideal - max_nudge && a - CLEARANCE > last + overlap => a - CLEARANCE,
            _ => ideal,
        };
        starts.push(next);
    }
}

/// Sorted, merged intervals of the cards along one axis.
fn intervals(cards: impl Iterator<Item = Rect>, scale: f32, along_x: bool) -> Vec<(f32, f32)> {
    let mut v: Vec<(f32, f32)> =
        cards.map(|r| if along_x { (r.x * scale, r.right() * scale) } else { (r.y * scale, r.bottom() * scale) }).collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut merged: Vec<(f32, f32)> = Vec::with_capacity(v.len());
    for (a, b) in v {
        match merged.last_mut() {
            Some(last) if a <= last.1 + 2.0 * CLEARANCE => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// The option a poster's size comes from, for error messages.
fn size_option(size: &PosterSize) -> Field {
    match size {
        PosterSize::Fit => Field::Sheet,
        PosterSize::Width { .. } => Field::Width,
        PosterSize::Scale { .. } => Field::Scale,
        PosterSize::Across { .. } => Field::Across,
        PosterSize::CardSize { .. } => Field::CardSize,
    }
}

/// "w × h" in `unit`s of mm (1000: metres, 10: centimetres) to one decimal, in English and in
/// Dutch numbers.
fn dimensions(w: f32, h: f32, unit: f32) -> (String, String) {
    let (w, h) = (round1(w / unit), round1(h / unit));
    (format!("{w} × {h}"), format!("{} × {}", dutch_number(w), dutch_number(h)))
}

fn fixed_scale(size: &PosterSize, layout: &Layout) -> Option<f32> {
    match *size {
        PosterSize::Width { mm } => Some(mm / layout.width),
        PosterSize::Scale { percent } => Some(percent / 100.0),
        PosterSize::CardSize { mm } => Some(mm / CARD_WIDTH),
        PosterSize::Fit | PosterSize::Across { .. } => None,
    }
}

pub fn plan(layout: &Layout, checked: &Checked) -> Result<Plan> {
    let o = &checked.options;
    let margin = o.margin_mm;
    let check_size = |scale: f32| -> Result<()> {
        let (w, h) = (layout.width * scale, layout.height * scale);
        if w > MAX_MM || h > MAX_MM {
            let (size, size_nl) = dimensions(w, h, 1000.0);
            return Err(Error::invalid(
                size_option(&o.size),
                said!(
                    "makes a poster of {size} m, more than the 15 m a poster may be",
                    "geeft een poster van {size_nl} m, meer dan de 15 m die een poster mag zijn"
                ),
            ));
        }
        Ok(())
    };
    let Some(paper) = &checked.paper else {
        // One sheet exactly as big as the poster.
        let scale = fixed_scale(&o.size, layout).unwrap_or(1.0);
        check_size(scale)?;
        let (w, h) = (layout.width * scale, layout.height * scale);
        let (sw, sh) = (w + 2.0 * margin, h + 2.0 * margin);
        if sw.max(sh) > MAX_PAGE_MM {
            let (size, size_nl) = dimensions(sw, sh, 1000.0);
            return Err(Error::invalid(
                Field::Sheet,
                said!(
                    "one sheet of {size} m is more than a PDF page may be (5.08 m); tile the poster over several sheets instead",
                    "één vel van {size_nl} m is groter dan een PDF-pagina mag zijn (5,08 m); verdeel de poster liever over meer vellen"
                ),
            ));
        }
        return Ok(Plan::new(scale, (w, h), (sw, sh), format!("{} × {} mm", round1(sw), round1(sh)), margin));
    };
    let orientations: &[bool] = match o.orientation {
        Orientation::Portrait => &[false],
        Orientation::Landscape => &[true],
        Orientation::Auto => &[false, true],
    };
    let sheet = |landscape: bool| if landscape { (paper.height, paper.width) } else { (paper.width, paper.height) };

    match o.mode {
        PosterMode::Single => {
            let landscape = match o.orientation {
                Orientation::Auto => layout.width > layout.height,
                _ => orientations[0],
            };
            let (sw, sh) = sheet(landscape);
            let (pw, ph) = (sw - 2.0 * margin, sh - 2.0 * margin);
            let scale = match fixed_scale(&o.size, layout) {
                Some(s) => {
                    check_size(s)?;
                    if layout.width * s > pw + 0.01 || layout.height * s > ph + 0.01 {
                        let (size, size_nl) = dimensions(layout.width * s, layout.height * s, 10.0);
                        return Err(Error::invalid(
                            size_option(&o.size),
                            said!(
                                "makes a poster of {size} cm, which does not fit on {a_way} {name}; choose a bigger sheet, tile the poster over several sheets, or print on one sheet as big as the poster",
                                "geeft een poster van {size_nl} cm, en die past niet op een {way_nl} vel {name}; kies een groter vel, verdeel de poster over meer vellen, of druk op één vel zo groot als de poster",
                                a_way = if landscape { "a landscape" } else { "a portrait" },
                                way_nl = if landscape { "liggend" } else { "staand" },
                                name = &paper.name
                            ),
                        ));
                    }
                    s
                }
                None => (pw / layout.width).min(ph / layout.height),
            };
            Ok(Plan::new(scale, (layout.width * scale, layout.height * scale), (sw, sh), paper.name.clone(), margin))
        }
        PosterMode::Tiled => {
            let mut best: Option<Plan> = None;
            let sheet_count = |p: &Plan| p.tiles.as_ref().map_or(1, Tiles::count);
            for &landscape in orientations {
                let (sw, sh) = sheet(landscape);
                let (pw, ph) = (sw - 2.0 * margin, sh - 2.0 * margin);
                let plan = match o.size {
                    PosterSize::Across { sheets } => {
                        spare_slivers(layout, tile_across(layout, sheets as usize, pw, ph, o.overlap_mm), pw, ph)
                    }
                    PosterSize::CardSize { .. } => {
                        tile(layout, fixed_scale(&o.size, layout).expect("a card size"), pw, ph, o.overlap_mm, true)
                    }
                    _ => {
                        let scale = fixed_scale(&o.size, layout).expect("checked: tiled has a size");
                        check_size(scale)?;
                        spare_slivers(layout, tile(layout, scale, pw, ph, o.overlap_mm, true), pw, ph)
                    }
                };
                let plan = Plan { sheet_w: sw, sheet_h: sh, sheet_name: paper.name.clone(), margin, cut_marks: o.cut_marks, ..plan };
                if best.as_ref().is_none_or(|b| sheet_count(&plan) < sheet_count(b)) {
                    best = Some(plan);
                }
            }
            let best = best.expect("at least one orientation");
            check_size(best.scale)?;
            let count = sheet_count(&best);
            ensure(count <= MAX_SHEETS, size_option(&o.size), || {
                said!(
                    "makes {count} sheets of {name}, more than the {MAX_SHEETS} anyone would glue; choose bigger sheets or a smaller poster",
                    "geeft {count} vellen {name}, meer dan de {MAX_SHEETS} die iemand aan elkaar zou plakken; kies grotere vellen of een kleinere poster",
                    name = &paper.name
                )
            })?;
            Ok(best)
        }
    }
}

/// The finished poster ends where its last sheet does when that is before the layout's end (only
/// blank paper is left out).
fn trimmed(length: f32, starts: &[f32], printable: f32) -> f32 {
    length.min(starts.last().copied().unwrap_or(0.0) + printable)
}

/// The plan of a poster tiled at `scale`, with the sheets that would be blank found. Seams move
/// into the gaps between cards, the vertical ones only when `nudge_x`.
fn tile(layout: &Layout, scale: f32, pw: f32, ph: f32, overlap: f32, nudge_x: bool) -> Plan {
    let (w, h) = (layout.width * scale, layout.height * scale);
    let (ink_w, ink_h) = layout.ink();
    let columns = if nudge_x { intervals(layout.cards.iter().map(|c| c.at), scale, true) } else { Vec::new() };
    let xs = seams(w, ink_w * scale, pw, overlap, &columns, if nudge_x { pw / 4.0 } else { 0.0 });
    let ys = seams(h, ink_h * scale, ph, overlap, &intervals(layout.cards.iter().map(|c| c.at), scale, false), ph / 4.0);
    let (poster_w, poster_h) = (trimmed(w, &xs, pw), trimmed(h, &ys, ph));
    let mut tiles = Tiles { xs, ys, overlap, blank: Vec::new() };
    // The ground (shape 0) is blank paper; anything else drawn is poster.
    let drawn: Vec<Rect> = layout.shapes.iter().skip(1).map(|s| s.bounds()).collect();
    tiles.blank = (0..tiles.rows())
        .flat_map(|row| (0..tiles.cols()).map(move |col| (col, row)))
        .map(|(col, row)| {
            let seen = tiles.visible(col, row, poster_w, poster_h);
            let design = Rect::new(seen.x / scale, seen.y / scale, seen.w / scale, seen.h / scale);
            !drawn.iter().any(|b| b.intersects(&design))
        })
        .collect();
    Plan { tiles: Some(tiles), ..Plan::new(scale, (poster_w, poster_h), (0.0, 0.0), String::new(), 0.0) }
}

/// Whether the last column or row of sheets of `plan` would show only a sliver of what is drawn.
fn slivered(plan: &Plan, layout: &Layout, pw: f32, ph: f32) -> bool {
    let Some(t) = &plan.tiles else { return false };
    let (ink_w, ink_h) = layout.ink();
    let thin =
        |starts: &[f32], ink: f32, printable: f32| starts.len() > 1 && ink * plan.scale - starts[starts.len() - 1] < SLIVER * printable;
    thin(&t.xs, ink_w, pw) || thin(&t.ys, ink_h, ph)
}

/// `plan`, or when it ends in a sliver, the same poster up to `MAX_SHRINK` smaller that does not
/// (and needs no more sheets either way): a few percent off its size spares a row of sheets.
fn spare_slivers(layout: &Layout, plan: Plan, pw: f32, ph: f32) -> Plan {
    if !slivered(&plan, layout, pw, ph) {
        return plan;
    }
    let Some(t) = &plan.tiles else { return plan };
    let (cols, rows) = (t.cols(), t.rows());
    let mut scale = plan.scale;
    while scale > plan.scale * (1.0 - MAX_SHRINK) {
        scale *= 0.99;
        let smaller = tile(layout, scale, pw, ph, t.overlap, true);
        let fits = smaller.tiles.as_ref().is_some_and(|s| s.cols() <= cols && s.rows() <= rows);
        if fits && !slivered(&smaller, layout, pw, ph) {
            return smaller;
        }
    }
    plan
}

/// A poster `across` sheets wide: as wide as those sheets make, less where nudged seams would
/// need one more sheet.
fn tile_across(layout: &Layout, across: usize, pw: f32, ph: f32, overlap: f32) -> Plan {
    let full = across as f32 * pw - (across as f32 - 1.0) * overlap;
    let mut scale = full / layout.width;
    for _ in 0..12 {
        let plan = tile(layout, scale, pw, ph, overlap, true);
        if plan.tiles.as_ref().is_some_and(|t| t.cols() <= across) {
            return plan;
        }
        scale *= 0.97;
    }
    // Nudging cannot make it: straight seams at the full width fit in exactly `across` sheets.
    tile(layout, full / layout.width, pw, ph, overlap, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::poster::options::PosterOptions;
    use proptest::prelude::*;

    /// The sheets along one axis start at 0, each prints at most `printable`, neighbours overlap
    /// by `overlap`, and the last reaches the end of the poster.
    ///
    /// All to within what f32 holds there: a sheet's end is its start plus `printable`, less and
    /// then plus `overlap`, each sum rounded by up to half a unit in the last place of a number up
    /// to `length + printable` (an eighth of a micrometre below 4 m, a quarter up to 8 m, half up to
    /// the 15 m a poster may be), so a sheet may come out a few of those wider. That is not paper:
    /// the PDF writes its numbers to a hundredth of a point (3.5 µm), and a printer's dot is 21 µm
    /// at 1200 dpi. A fixed 1 µm fails on posters longer than about 8 m.
    fn check_axis(starts: &[f32], length: f32, printable: f32, overlap: f32) {
        let rounding = 2.0 * f32::EPSILON * (length + printable);
        assert_eq!(starts[0], 0.0);
        for i in 0..starts.len() {
            let (a, b) = span(starts, i, overlap, length);
            assert!(b - a <= printable + rounding, "sheet {i} prints {a}..{b}, more than {printable}");
            if i + 1 < starts.len() {
                let (c, _) = span(starts, i + 1, overlap, length);
                assert!((b - c - overlap).abs() <= rounding, "sheets {i} and {} overlap by {} not {overlap}", i + 1, b - c);
                assert!(c > a, "starts go forward");
            } else {
                assert!(b >= length - rounding, "the last sheet ends at {b}, before {length}");
            }
        }
    }

    proptest! {
        #[test]
        fn sheets_cover_the_poster_and_overlap_exactly(
            length in 10.0f32..8000.0,
            printable in 150.0f32..1200.0,
            overlap_part in 0.0f32..0.45,
            cards in prop::collection::vec((0.0f32..8000.0, 20.0f32..90.0), 0..60),
        ) {
            let overlap = printable * overlap_part;
            let rects: Vec<Rect> = cards.iter().map(|(x, w)| Rect::new(*x, 0.0, *w, 10.0)).collect();
            let starts = seams(length, length, printable, overlap, &intervals(rects.into_iter(), 1.0, true), printable / 4.0);
            // No sheet is added for the last hundredth of a millimetre (float drift in the starts
            // can leave that much); the poster ends where its last sheet does, as `tile` ends it.
            let poster = trimmed(length, &starts, printable);
            prop_assert!(poster >= length - 0.01, "the poster loses {} mm of its end", length - poster);
            check_axis(&starts, poster, printable, overlap);
            // Not absurdly many sheets: at worst each step loses the overlap and the nudge.
            let step = printable - overlap - printable / 4.0;
            prop_assert!(starts.len() as f32 <= (length / step).ceil() + 1.0);
        }
    }

    /// A poster too big for what may be printed, or for its sheet, says how big it would be, in
    /// metres or centimetres, with a decimal comma in Dutch.
    #[test]
    fn a_poster_too_big_says_its_size_in_either_language() {
        use crate::poster::layout::{lay_out, LayoutOptions};
        use crate::said::Lang;
        let doc = crate::templates::instantiate("online-nl", None).unwrap();
        let layout = lay_out(&doc, LayoutOptions { notes: false, questions: true, grayscale: false, square_cards: false, votes: true }, 0);
        let refusal = |sheet: &str, size: PosterSize| {
            let e = plan(&layout, &PosterOptions { sheet: sheet.into(), size, ..Default::default() }.check().unwrap()).unwrap_err();
            (e.message(Lang::En), e.message(Lang::Nl))
        };
        assert_eq!(
            refusal("fit", PosterSize::Scale { percent: 4000.0 }),
            (
                "scale: makes a poster of 16.6 × 14.5 m, more than the 15 m a poster may be".into(),
                "schaal: geeft een poster van 16,6 × 14,5 m, meer dan de 15 m die een poster mag zijn".into()
            )
        );
        assert_eq!(
            refusal("fit", PosterSize::Width { mm: 6000.0 }),
            (
                "sheet: one sheet of 6 × 5.3 m is more than a PDF page may be (5.08 m); tile the poster over several sheets instead".into(),
                "vel: één vel van 6 × 5,3 m is groter dan een PDF-pagina mag zijn (5,08 m); verdeel de poster liever over meer vellen"
                    .into()
            )
        );
        let (en, nl) = refusal("A4", PosterSize::Width { mm: 1234.0 });
        assert!(en.starts_with("width: makes a poster of 123.4 × 107.6 cm, which does not fit on a landscape A4;"), "{en}");
        assert!(nl.starts_with("breedte: geeft een poster van 123,4 × 107,6 cm, en die past niet op een liggend vel A4;"), "{nl}");
    }

    /// Tried as a new user would: A4 sheets for a poster 2 m wide left a whole row of sheets with
    /// nothing but the blank bottom margin on them, and at 2.5 m the sheet below the title block
    /// held nothing either. Every sheet printed, in the middle too, holds something of the poster
    /// besides its paper-coloured ground; a sheet that would not is not printed.
    #[test]
    fn no_sheet_is_printed_without_poster() {
        use crate::poster::layout::{lay_out, LayoutOptions};
        let doc = crate::templates::instantiate("online-nl", None).unwrap();
        let layout = lay_out(&doc, LayoutOptions { notes: false, questions: true, grayscale: false, square_cards: false, votes: true }, 0);
        for width in [1200.0, 1500.0, 2000.0, 2500.0, 3000.0] {
            for sheet in ["A4", "A3", "Letter"] {
                let options = PosterOptions {
                    sheet: sheet.into(),
                    mode: PosterMode::Tiled,
                    size: PosterSize::Width { mm: width },
                    ..Default::default()
                };
                let plan = plan(&layout, &options.check().unwrap()).unwrap();
                let t = plan.tiles.as_ref().unwrap();
                let holds_poster = |col: usize, row: usize| {
                    let seen = t.visible(col, row, plan.poster_w, plan.poster_h);
                    let design = Rect::new(seen.x / plan.scale, seen.y / plan.scale, seen.w / plan.scale, seen.h / plan.scale);
                    layout.shapes.iter().skip(1).any(|s| s.bounds().intersects(&design))
                };
                for row in 0..t.rows() {
                    for col in 0..t.cols() {
                        assert_eq!(
                            t.prints(col, row),
                            holds_poster(col, row),
                            "{width} mm on {sheet}: sheet {col},{row} of {}×{}",
                            t.cols(),
                            t.rows()
                        );
                    }
                }
                if (width, sheet) == (2500.0, "A4") {
                    assert!(t.printed_count() < t.count(), "the sheet below the title block is left out");
                }
            }
        }
    }

    /// A poster tiled over `sheet`, `width` mm wide.
    fn tiled(sheet: &str, orientation: Orientation, width: f32) -> PosterOptions {
        PosterOptions {
            sheet: sheet.into(),
            orientation,
            mode: PosterMode::Tiled,
            size: PosterSize::Width { mm: width },
            ..Default::default()
        }
    }

    /// Tiled over A4, a bike shop's map printed a fourth row of sheets holding only the footer,
    /// and about one tiled poster in three ended so. Over journeys of many sizes and the usual
    /// sheets, the last row and column of sheets each show a fair share of a sheet of the poster.
    #[test]
    fn no_row_or_column_of_sheets_is_a_sliver() {
        use crate::poster::layout::{lay_out, LayoutOptions};
        let base = crate::templates::instantiate("online-nl", None).unwrap();
        let options = LayoutOptions { notes: false, questions: true, grayscale: false, square_cards: false, votes: true };
        let mut thin = Vec::new();
        for phases in 3..=base.phases.len() {
            for cards in (6..=base.cards.len()).step_by(6) {
                let mut doc = base.clone();
                doc.phases.truncate(phases);
                let kept: Vec<_> = doc.phases.iter().map(|p| p.id).collect();
                doc.cards.retain(|c| kept.contains(&c.phase));
                doc.cards.truncate(cards);
                let layout = lay_out(&doc, options, 0);
                let (ink_w, ink_h) = layout.ink();
                for sheet in ["A4", "A3"] {
                    for orientation in [Orientation::Portrait, Orientation::Landscape] {
                        for width in [700.0, 1000.0, 1300.0, 1600.0] {
                            let o = tiled(sheet, orientation, width);
                            let plan = plan(&layout, &o.check().unwrap()).unwrap();
                            let t = plan.tiles.as_ref().unwrap();
                            let (pw, ph) = (plan.sheet_w - 2.0 * plan.margin, plan.sheet_h - 2.0 * plan.margin);
                            let share =
                                |starts: &[f32], ink: f32, printable: f32| (ink * plan.scale - starts[starts.len() - 1]) / printable;
                            let (x, y) = (share(&t.xs, ink_w, pw), share(&t.ys, ink_h, ph));
                            if (t.cols() > 1 && x < SLIVER) || (t.rows() > 1 && y < SLIVER) {
                                thin.push(format!("{phases} phases, {cards} cards, {width} mm on {sheet} {orientation:?}: last column {x:.2}, last row {y:.2} of a sheet"));
                            }
                            assert!(
                                plan.poster_w >= width * (1.0 - MAX_SHRINK) - 0.5,
                                "shrunk by more than a few percent: {}",
                                plan.poster_w
                            );
                        }
                    }
                }
            }
        }
        assert!(thin.is_empty(), "{} posters end in a sliver:\n{}", thin.len(), thin.join("\n"));
    }

    /// The bike shop's footer was cut by a seam, "… 23 november 20" on one sheet and "26" on
    /// the next. On every tiled poster, each footer text lies whole on one sheet.
    #[test]
    fn the_footer_is_never_cut_by_a_seam() {
        use crate::poster::shapes::Shape;
        for template in ["online-nl", "website-nl", "online-en"] {
            let doc = crate::templates::instantiate(template, None).unwrap();
            for sheet in ["A4", "A3"] {
                for orientation in [Orientation::Portrait, Orientation::Landscape] {
                    for width in [700.0, 1000.0, 1300.0, 1500.0, 2000.0] {
                        let o = tiled(sheet, orientation, width);
                        let poster = crate::poster::Poster::new(&doc, &o, 1_795_392_000_000).unwrap();
                        let (layout, plan) = (&poster.layout, &poster.plan);
                        let t = plan.tiles.as_ref().unwrap();
                        assert_eq!(layout.footer.len(), 4, "the counts and three pieces");
                        for &i in &layout.footer {
                            let Shape::Text { x, size, line, text, .. } = &layout.shapes[i] else { panic!("the footer is text") };
                            let (from, to) = (x * plan.scale, (x + line.width * size) * plan.scale);
                            assert!(from >= 0.0 && to <= plan.poster_w, "{template} {width} mm on {sheet} {orientation:?}: {text:?} ({from:.0}–{to:.0} of {:.0} mm; seams {:?}) leaves the poster", plan.poster_w, t.xs);
                            let cut = t.xs.iter().skip(1).find(|&&s| from < s && s < to);
                            assert!(
                                cut.is_none(),
                                "{template} {width} mm on {sheet} {orientation:?}: {text:?} ({from:.0}–{to:.0} mm) is cut at {cut:?}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn seams_move_back_into_gaps() {
        // Cards from 170 to 230: the ideal seam at 190 would cut one; the gap before is used.
        let starts = seams(500.0, 500.0, 200.0, 10.0, &[(170.0, 230.0)], 50.0);
        assert_eq!(starts[1], 170.0 - CLEARANCE);
        // Too far back to help: the seam stays where it was.
        let starts = seams(500.0, 500.0, 200.0, 10.0, &[(100.0, 230.0)], 50.0);
        assert_eq!(starts[1], 190.0);
    }
}
