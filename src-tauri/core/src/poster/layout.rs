//! The journey laid out once, in millimetres at design size (100 %): title block, phase header
//! band, row labels, cards, the emotion curve and a footer. Scaling and sheets come later; the
//! PDF and the SVG both draw this.

use super::captions::{place, points_along, Point, Room, SIZE as CAPTION_SIZE};
use super::curve;
use super::font::Weight;
use super::glyphs::is_rtl;
use super::measure::Measure;
use super::palette::{card_fill, CURVE, EMOTION_COLOURS, INK, MUTED, PAPER, PHASE_FILL, ROW_FILL, RULE, VOTE};
use super::shapes::{Colour, Picture, Rect, Segment, Shape, Stroke};
use super::words::{date, words, Words};
use crate::model::{Card, Id, JourneyDoc, Phase, Row, RowKind};
use crate::said::Lang;

/// Width of a phase column at 100 %.
pub const PHASE_WIDTH: f32 = 70.0;
const CELL_PAD: f32 = 3.0;
/// Width of a card in a 100 % phase: the size "real size" cards are measured by.
pub const CARD_WIDTH: f32 = PHASE_WIDTH - 2.0 * CELL_PAD;
const CARD_PAD: f32 = 2.5;
const CARD_GAP: f32 = 3.0;
const MARGIN: f32 = 12.0;
const LABEL_WIDTH: f32 = 42.0;
const EMOTION_HEIGHT: f32 = 62.0;
const MIN_ROW_HEIGHT: f32 = 22.0;
const LINE: f32 = 1.28;

const TITLE_SIZE: f32 = 3.9;
const NOTES_SIZE: f32 = 3.0;
const MAX_NOTE_LINES: usize = 12;
const META_SIZE: f32 = 2.8;
const FACE: f32 = 4.6;

/// The side of a persona's picture in the title block, in mm: as tall as two lines of its text.
const PERSONA_PICTURE: f32 = 11.0;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutOptions {
    pub notes: bool,
    pub questions: bool,
    pub grayscale: bool,
    /// Cards as tall as a 100 % card is wide, like sticky notes; text that does not fit ends in "…".
    pub square_cards: bool,
    /// False while the journey's vote hides its dots.
    pub votes: bool,
}

#[derive(Debug, Clone)]
pub struct Layout {
    pub width: f32,
    pub height: f32,
    pub shapes: Vec<Shape>,
    /// Where the cards are, so that sheet seams can go between them (and a page can tell which
    /// card was clicked): each visible card once, an emotion point as its face and caption.
    pub cards: Vec<Placed>,
    /// Each phase's column, from the top of the phase band to the bottom of the last row.
    pub columns: Vec<Rect>,
    /// The journey's language: of the poster's own words.
    pub lang: Lang,
    pub name: String,
    pub pictures: Vec<Picture>,
    /// Which of `shapes` are the footer's texts (what made it, and the counts), so that a tiled
    /// poster can move them whole onto one sheet (`keep_footer_whole`).
    pub footer: Vec<usize>,
}

/// A card and where the poster shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    pub card: Id,
    pub at: Rect,
}

/// The title block has room for this many personas.
pub const PERSONAS_PRINTED: usize = 3;

impl Layout {
    /// How far right and down anything is drawn on the paper-coloured ground (shape 0): a sheet
    /// beyond this would print only that ground.
    pub fn ink(&self) -> (f32, f32) {
        self.shapes.iter().skip(1).map(Shape::bounds).fold((0.0f32, 0.0f32), |(w, h), b| (w.max(b.right()), h.max(b.bottom())))
    }

    /// Moves the footer's texts that a seam between sheets (at `seams`, design mm) would cut in
    /// two ("… 23 november 20" on one sheet, "26" on the next) whole onto one sheet: the counts
    /// before the seam, the pieces of "made with · name · date" each after it, those behind
    /// following on. Returns whether anything moved.
    pub fn keep_footer_whole(&mut self, seams: &[f32]) -> bool {
        const GAP: f32 = 2.0;
        let cut = |x: f32, w: f32| seams.iter().copied().find(|&s| x < s && s < x + w);
        let mut moved = false;
        let mut next: Option<f32> = None;
        for (n, &i) in self.footer.iter().enumerate() {
            let Some(Shape::Text { x, size, line, .. }) = self.shapes.get_mut(i) else { continue };
            let w = line.width * *size;
            let space = *size * 0.3;
            if n == 0 {
                if let Some(seam) = cut(*x, w) {
                    *x = seam - GAP - w;
                    moved = true;
                }
                continue;
            }
            let mut at = next.unwrap_or(*x).max(*x);
            while let Some(seam) = cut(at, w) {
                at = seam + GAP;
            }
            moved |= at != *x;
            *x = at;
            next = Some(at + w + space);
        }
        moved
    }
}

/// Lays out `doc` at design size. `now` (ms since 1970) is the date printed on it.
pub fn lay_out(doc: &JourneyDoc, options: LayoutOptions, now: i64) -> Layout {
    let w = words(doc.journey.locale);
    let mut l = Builder { shapes: Vec::new(), cards: Vec::new(), pictures: Vec::new(), m: Measure::new(), options, w };

    let rows: Vec<&Row> = doc.rows.iter().filter(|r| !r.hidden).collect();
    let columns = phase_columns(&doc.phases);
    let board_width = LABEL_WIDTH + columns.last().map_or(0.0, |c| c.x + c.w);
    let width = board_width.max(200.0) + 2.0 * MARGIN;

    let cells = doc.cells();

    let today = date(now, w);
    let mut y = MARGIN;
    y = l.title_block(doc, &today, MARGIN, y, width - 2.0 * MARGIN) + 8.0;
    let board_x = MARGIN + LABEL_WIDTH;
    let board_top = y;
    y = l.phase_band(&columns, board_x, y);
    for row in rows {
        let cell_cards = |p: &Phase| cells.get(&(p.id, row.id)).map(Vec::as_slice).unwrap_or(&[]);
        y = match row.kind {
            RowKind::Cards => l.card_row(row, &columns, cell_cards, board_x, y),
            RowKind::Emotion => l.emotion_row(row, &columns, cell_cards, board_x, y),
        };
    }
    let column_boxes = columns.iter().map(|c| Rect::new(board_x + c.x, board_top, c.w, y - board_top)).collect();
    y += 6.0;
    let counts = format!("{} {} · {} {}", doc.phases.len(), w.phases, doc.cards.len(), w.cards);
    let cw = l.m.width(&counts, Weight::Regular, META_SIZE);
    // Their places among the shapes once the ground is put first.
    let mut footer_texts = vec![l.shapes.len() + 1];
    l.text(width - MARGIN - cw, y + 3.0, META_SIZE, Weight::Regular, MUTED, &counts);
    let name = l.m.fit_line(&doc.journey.name, Weight::Regular, META_SIZE, (width - 2.0 * MARGIN - cw) / 2.0);
    // In pieces, so that a tiled poster can keep each whole on one sheet.
    let mut x = MARGIN;
    for piece in [w.made_with.to_string(), format!("· {name}"), format!("· {today}")] {
        footer_texts.push(l.shapes.len() + 1);
        l.text(x, y + 3.0, META_SIZE, Weight::Regular, MUTED, &piece);
        x += l.m.width(&piece, Weight::Regular, META_SIZE) + META_SIZE * 0.3;
    }
    let height = y + 3.0 + MARGIN;

    let mut shapes = vec![Shape::Rect { at: Rect::new(0.0, 0.0, width, height), radius: 0.0, fill: Some(PAPER), stroke: None }];
    shapes.append(&mut l.shapes);
    Layout {
        width,
        height,
        shapes,
        cards: l.cards,
        columns: column_boxes,
        lang: doc.journey.locale,
        name: doc.journey.name.clone(),
        pictures: l.pictures,
        footer: footer_texts,
    }
}

/// A phase's column on the board.
struct Column<'a> {
    phase: &'a Phase,
    x: f32,
    w: f32,
}

fn phase_columns(phases: &[Phase]) -> Vec<Column<'_>> {
    let mut x = 0.0;
    phases
        .iter()
        .map(|p| {
            let w = PHASE_WIDTH * p.width as f32 / 100.0;
            let c = Column { phase: p, x, w };
            x += w;
            c
        })
        .collect()
}

struct Builder {
    shapes: Vec<Shape>,
    cards: Vec<Placed>,
    pictures: Vec<Picture>,
    m: Measure,
    options: LayoutOptions,
    w: &'static Words,
}

impl Builder {
    fn colour(&self, c: Colour) -> Colour {
        if self.options.grayscale {
            c.grey()
        } else {
            c
        }
    }

    fn rect(&mut self, at: Rect, radius: f32, fill: Option<Colour>, stroke: Option<Stroke>) {
        let fill = fill.map(|c| self.colour(c));
        let stroke = stroke.map(|s| Stroke { colour: self.colour(s.colour), ..s });
        self.shapes.push(Shape::Rect { at, radius, fill, stroke });
    }

    fn circle(&mut self, cx: f32, cy: f32, r: f32, fill: Option<Colour>, stroke: Option<Stroke>) {
        let fill = fill.map(|c| self.colour(c));
        let stroke = stroke.map(|s| Stroke { colour: self.colour(s.colour), ..s });
        self.shapes.push(Shape::Circle { cx, cy, r, fill, stroke });
    }

    fn path(&mut self, start: (f32, f32), segments: Vec<Segment>, stroke: Stroke) {
        let stroke = Stroke { colour: self.colour(stroke.colour), ..stroke };
        self.shapes.push(Shape::Path { start, segments, closed: false, fill: None, stroke: Some(stroke) });
    }

    /// One line of text at baseline `y`.
    fn text(&mut self, x: f32, y: f32, size: f32, weight: Weight, colour: Colour, text: &str) {
        self.text_in((x, y), size, weight, colour, text, None);
    }

    /// The same, as a line of a paragraph in base direction `rtl` (None: the line's own).
    fn text_in(&mut self, at: (f32, f32), size: f32, weight: Weight, colour: Colour, text: &str, rtl: Option<bool>) {
        if text.is_empty() {
            return;
        }
        let colour = self.colour(colour);
        let shape = self.m.line(at, size, weight, colour, text, rtl);
        self.shapes.push(shape);
    }

    /// Lines starting with their top at `y` in a box `width` wide from `x`, to its right edge
    /// when the text is Arabic or Hebrew; returns the y under the last line.
    fn lines(&mut self, lines: &[String], (x, y): (f32, f32), width: f32, size: f32, weight: Weight, colour: Colour) -> f32 {
        // The first line with text decides the direction of them all, as the paragraph's would.
        let rtl = lines.iter().find(|l| !l.trim().is_empty()).is_some_and(|l| is_rtl(l));
        let mut y = y;
        for line in lines {
            let at = if rtl { x + width - self.m.shaped_in(line, weight, Some(true)).width * size } else { x };
            self.text_in((at, y + size * 0.95), size, weight, colour, line, Some(rtl));
            y += size * LINE;
        }
        y
    }

    fn title_block(&mut self, doc: &JourneyDoc, today: &str, x: f32, y: f32, width: f32) -> f32 {
        let legend_w = 112.0;
        let side_by_side = width >= legend_w + 140.0;
        let text_w = if side_by_side { width - legend_w - 12.0 } else { width };
        let date_w = self.m.width(today, Weight::Regular, 4.2);
        let name = self.m.wrap(&doc.journey.name, Weight::Bold, 12.0, text_w - date_w - 8.0, Some(2));
        let mut bottom = self.lines(&name, (x, y), text_w - date_w - 8.0, 12.0, Weight::Bold, INK);
        self.text(x + text_w - date_w, y + 4.0, 4.2, Weight::Regular, MUTED, today);
        if !doc.journey.description.trim().is_empty() {
            let desc = self.m.wrap(doc.journey.description.trim(), Weight::Regular, 4.6, text_w.min(320.0), Some(4));
            bottom = self.lines(&desc, (x, bottom + 2.0), text_w.min(320.0), 4.6, Weight::Regular, INK);
        }
        for p in doc.personas.iter().take(PERSONAS_PRINTED) {
            let mut s = format!("{}: {}", self.w.persona, p.name);
            if !p.role.trim().is_empty() {
                s += &format!(", {}", p.role.trim());
            }
            if !p.quote.trim().is_empty() {
                s += &format!(" — “{}”", p.quote.trim());
            }
            let top = bottom + 2.0;
            // A persona with a picture: the picture beside its two lines, as tall as they are.
            let picture = p.picture.as_deref().and_then(|url| Picture::decode(url, self.options.grayscale));
            let indent = if picture.is_some() { PERSONA_PICTURE + 2.0 } else { 0.0 };
            if let Some(picture) = picture {
                let at = picture.fit(Rect::new(x, top, PERSONA_PICTURE, PERSONA_PICTURE));
                self.shapes.push(Shape::Image { at, picture: self.pictures.len() });
                self.pictures.push(picture);
            }
            let lines = self.m.wrap(&s, Weight::Regular, 4.2, text_w.min(320.0) - indent, Some(2));
            bottom = self.lines(&lines, (x + indent, top), text_w.min(320.0) - indent, 4.2, Weight::Regular, MUTED);
            if indent > 0.0 {
                bottom = bottom.max(top + PERSONA_PICTURE);
            }
        }
        let (lx, ly) = if side_by_side { (x + width - legend_w, y) } else { (x, bottom + 6.0) };
        let legend_bottom = self.legend(doc, lx, ly, legend_w);
        bottom.max(legend_bottom)
    }

    fn legend(&mut self, doc: &JourneyDoc, x: f32, y: f32, w: f32) -> f32 {
        let pad = 4.0;
        let start = self.shapes.len();
        let mut cy = y + pad;
        self.text(x + pad, cy + 3.6, 3.6, Weight::Bold, INK, self.w.legend);
        cy += 7.0;
        self.text(x + pad, cy + 3.0, META_SIZE, Weight::Bold, MUTED, self.w.emotion);
        cy += 5.0;
        let step = (w - 2.0 * pad) / 5.0;
        for (i, label) in self.w.emotions.iter().enumerate() {
            let cx = x + pad + step * (i as f32 + 0.5);
            self.face(cx, cy + 3.5, 7.0, i as i8 - 2);
            let lines = self.m.wrap(label, Weight::Regular, 2.5, step - 1.0, Some(2));
            for (j, line) in lines.iter().enumerate() {
                let lw = self.m.width(line, Weight::Regular, 2.5);
                self.text(cx - lw / 2.0, cy + 10.5 + j as f32 * 3.0, 2.5, Weight::Regular, MUTED, line);
            }
        }
        cy += 17.0;
        for i in 0..3 {
            self.circle(x + pad + 1.2 + i as f32 * 3.2, cy + 1.8, 1.1, Some(VOTE), None);
        }
        self.text(x + pad + 11.0, cy + 2.8, META_SIZE, Weight::Regular, INK, &format!("= 3 {}", self.w.votes));
        cy += 6.0;
        let mut channels: Vec<&str> = Vec::new();
        for c in &doc.cards {
            if let Some(ch) = c.channel.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                if !channels.contains(&ch) && channels.len() < 16 {
                    channels.push(ch);
                }
            }
        }
        if !channels.is_empty() {
            self.text(x + pad, cy + 3.0, META_SIZE, Weight::Bold, MUTED, self.w.channels);
            cy += 4.4;
            let lines = self.m.wrap(&channels.join(" · "), Weight::Regular, META_SIZE, w - 2.0 * pad, Some(4));
            cy = self.lines(&lines, (x + pad, cy), w - 2.0 * pad, META_SIZE, Weight::Regular, INK);
        }
        let h = cy + pad - y;
        let content = self.shapes.split_off(start);
        self.rect(Rect::new(x, y, w, h), 2.0, Some(Colour::rgb(0xf7, 0xf8, 0xfa)), Some(Stroke::solid(RULE, 0.3)));
        self.shapes.extend(content);
        y + h
    }

    fn phase_band(&mut self, columns: &[Column], x0: f32, y: f32) -> f32 {
        let mut blocks = Vec::new();
        let mut height: f32 = 16.0;
        for col in columns {
            let p = col.phase;
            let inner = col.w - 2.0 * CELL_PAD - 1.0;
            let title = self.m.wrap(&p.title, Weight::Bold, 5.2, inner, Some(2));
            let question = if self.options.questions && !p.question.trim().is_empty() {
                self.m.wrap(p.question.trim(), Weight::Regular, 3.3, inner, Some(4))
            } else {
                Vec::new()
            };
            let h = 5.0
                + title.len() as f32 * 5.2 * LINE
                + if question.is_empty() { 0.0 } else { 1.5 + question.len() as f32 * 3.3 * LINE }
                + 3.5;
            height = height.max(h);
            blocks.push((title, question));
        }
        for (col, (title, question)) in columns.iter().zip(blocks) {
            let fill = Colour::hex(&col.phase.colour, PHASE_FILL);
            let at = Rect::new(x0 + col.x + 0.5, y, col.w - 1.0, height);
            self.rect(at, 1.5, Some(fill), None);
            self.rect(Rect::new(at.x, y, at.w, 1.6), 0.0, Some(fill.darker(0.35)), None);
            let inner = col.w - 2.0 * CELL_PAD - 1.0;
            let bottom = self.lines(&title, (at.x + CELL_PAD, y + 4.0), inner, 5.2, Weight::Bold, INK);
            self.lines(&question, (at.x + CELL_PAD, bottom + 1.5), inner, 3.3, Weight::Regular, MUTED);
        }
        y + height + 1.0
    }

    /// The label at the left of a row and the row's band; returns nothing, the caller knows `h`.
    fn row_frame(&mut self, row: &Row, columns: &[Column], x0: f32, y: f32, h: f32) {
        let total = columns.last().map_or(0.0, |c| c.x + c.w);
        let fill = Colour::hex(&row.colour, ROW_FILL);
        self.rect(Rect::new(x0 - LABEL_WIDTH, y, LABEL_WIDTH + total, h), 0.0, Some(fill), None);
        self.rect(Rect::new(x0 - LABEL_WIDTH, y, 1.4, h), 0.0, Some(fill.darker(0.3)), None);
        for col in columns.iter().skip(1) {
            self.path((x0 + col.x, y), vec![Segment::Line((x0 + col.x, y + h))], Stroke::solid(RULE, 0.25));
        }
        self.path((x0 - LABEL_WIDTH, y + h), vec![Segment::Line((x0 + total, y + h))], Stroke::solid(RULE, 0.35));
        let lines = self.m.wrap(&row.title, Weight::Bold, 4.0, LABEL_WIDTH - 8.0, Some(((h - 6.0) / (4.0 * LINE)).max(1.0) as usize));
        self.lines(&lines, (x0 - LABEL_WIDTH + 4.5, y + 3.5), LABEL_WIDTH - 8.0, 4.0, Weight::Bold, INK);
    }

    fn card_row<'a>(&mut self, row: &Row, columns: &[Column], cards: impl Fn(&Phase) -> &'a [&'a Card], x0: f32, y: f32) -> f32 {
        // The row is as tall as its fullest cell, so its band is drawn under the cards afterwards.
        let start = self.shapes.len();
        let mut height = MIN_ROW_HEIGHT;
        for col in columns {
            height = height.max(self.stack(cards(col.phase), col, x0, y + CELL_PAD) - y);
        }
        let cards = self.shapes.split_off(start);
        self.row_frame(row, columns, x0, y, height);
        self.shapes.extend(cards);
        y + height
    }

    /// The cards of one cell, one under the other in its column from `top`; returns the y under
    /// the cell's padding.
    fn stack(&mut self, cards: &[&Card], col: &Column, x0: f32, top: f32) -> f32 {
        let (x, w) = (x0 + col.x + CELL_PAD, col.w - 2.0 * CELL_PAD);
        let mut cy = top;
        for card in cards {
            let h = self.card(card, col.phase, x, cy, w);
            self.cards.push(Placed { card: card.id, at: Rect::new(x, cy, w, h) });
            cy += h + CARD_GAP;
        }
        cy - CARD_GAP + CELL_PAD
    }

    /// One card with its top left at (x, y), `w` wide; returns its height.
    fn card(&mut self, card: &Card, phase: &Phase, x: f32, y: f32, w: f32) -> f32 {
        let start = self.shapes.len();
        let inner = w - 2.0 * CARD_PAD;
        let votes = if self.options.votes { card.votes } else { 0 };
        let meta_h =
            if card.channel.as_deref().is_some_and(|c| !c.trim().is_empty()) || card.emotion.is_some() || votes > 0 { 6.0 } else { 0.0 };
        let fixed = self.options.square_cards.then_some(CARD_WIDTH);
        let title_room = fixed.map(|h| (((h - 2.0 * CARD_PAD - meta_h) / (TITLE_SIZE * LINE)).floor() as usize).max(1));
        let title = self.m.wrap(card.title.trim(), Weight::Bold, TITLE_SIZE, inner, title_room);
        let mut bottom = self.lines(&title, (x + CARD_PAD, y + CARD_PAD), inner, TITLE_SIZE, Weight::Bold, INK);
        if self.options.notes && !card.notes.trim().is_empty() {
            // A poster is no place for a whole report: long notes end in "…".
            let room = fixed
                .map_or(MAX_NOTE_LINES, |h| ((y + h - CARD_PAD - meta_h - bottom - 1.5) / (NOTES_SIZE * LINE)).floor().max(0.0) as usize);
            if room > 0 {
                let notes = self.m.wrap(card.notes.trim(), Weight::Regular, NOTES_SIZE, inner, Some(room));
                bottom = self.lines(&notes, (x + CARD_PAD, bottom + 1.5), inner, NOTES_SIZE, Weight::Regular, MUTED);
            }
        }
        let h = fixed.unwrap_or(bottom - y + meta_h + CARD_PAD);
        if meta_h > 0.0 {
            let base = y + h - CARD_PAD - 1.0;
            let left = x + CARD_PAD;
            let mut right = x + w - CARD_PAD;
            if let Some(e) = card.emotion.filter(|_| right - left >= FACE) {
                self.face(right - FACE / 2.0, base - FACE / 2.0 + 0.8, FACE, e);
                right -= FACE + 1.5;
            }
            right = self.votes(votes, left, right, base - 1.0);
            if let Some(ch) = card.channel.as_deref().map(str::trim).filter(|c| !c.is_empty()) {
                let room = right - x - CARD_PAD - 1.0;
                if room > 5.0 {
                    let line = self.m.fit_line(ch, Weight::Regular, META_SIZE, room);
                    self.text(x + CARD_PAD, base, META_SIZE, Weight::Regular, MUTED, &line);
                }
            }
        }
        let content = self.shapes.split_off(start);
        let fill = card_fill(card, phase);
        self.rect(Rect::new(x, y, w, h), 1.5, Some(fill), Some(Stroke::solid(fill.darker(0.22), 0.3)));
        self.shapes.extend(content);
        h
    }

    /// Vote dots ending at `right`, centred on `cy`; many votes, or too little room, print as a
    /// dot and a number, and nothing when even that does not fit after `left`. Returns where they
    /// start.
    fn votes(&mut self, votes: u32, left: f32, right: f32, cy: f32) -> f32 {
        let r = 1.05;
        if votes == 0 {
            return right;
        }
        if votes <= 5 && right - votes as f32 * 2.8 >= left {
            for i in 0..votes {
                self.circle(right - r - i as f32 * 2.8, cy, r, Some(VOTE), None);
            }
            return right - votes as f32 * 2.8 - 1.0;
        }
        let label = format!("×{votes}");
        let lw = self.m.width(&label, Weight::Bold, META_SIZE);
        if right - lw - 2.0 * r - 0.6 < left {
            return right;
        }
        self.text(right - lw, cy + 1.0, META_SIZE, Weight::Bold, VOTE, &label);
        self.circle(right - lw - r - 0.6, cy, r, Some(VOTE), None);
        right - lw - 2.0 * r - 1.6
    }

    /// A face for a score, `size` across: colour, mouth and outline all say the score.
    fn face(&mut self, cx: f32, cy: f32, size: f32, score: i8) {
        let i = (score.clamp(-2, 2) + 2) as usize;
        let colour = EMOTION_COLOURS[i];
        let u = size / 24.0;
        let p = |x: f32, y: f32| (cx + (x - 12.0) * u, cy + (y - 12.0) * u);
        if i == 0 || i == 4 {
            let dash = (i == 0).then_some((3.0 * u, 2.0 * u));
            self.circle(cx, cy, 10.5 * u, None, Some(Stroke { colour, width: 1.5 * u, dash }));
        }
        self.circle(cx, cy, 8.5 * u, Some(colour), None);
        self.circle(p(9.0, 10.0).0, p(9.0, 10.0).1, 1.3 * u, Some(PAPER), None);
        self.circle(p(15.0, 10.0).0, p(15.0, 10.0).1, 1.3 * u, Some(PAPER), None);
        // The mouths of the editor's faces (quadratic curves, drawn here as cubics).
        let (a, q, b) = [
            ((7.0, 17.0), (12.0, 11.0), (17.0, 17.0)),
            ((7.5, 16.0), (12.0, 13.0), (16.5, 16.0)),
            ((7.5, 15.0), (12.0, 15.0), (16.5, 15.0)),
            ((7.5, 14.0), (12.0, 17.0), (16.5, 14.0)),
            ((7.0, 13.0), (12.0, 20.0), (17.0, 13.0)),
        ][i];
        let c1 = (a.0 + 2.0 / 3.0 * (q.0 - a.0), a.1 + 2.0 / 3.0 * (q.1 - a.1));
        let c2 = (b.0 + 2.0 / 3.0 * (q.0 - b.0), b.1 + 2.0 / 3.0 * (q.1 - b.1));
        self.path(p(a.0, a.1), vec![Segment::Curve(p(c1.0, c1.1), p(c2.0, c2.1), p(b.0, b.1))], Stroke::solid(PAPER, 1.8 * u));
    }

    /// The curve through the scores over a band, each point's title as its caption; a phase
    /// with a point no caption finds room for lists its cards under the band instead, so every
    /// title is printed once and nothing overlaps.
    fn emotion_row<'a>(&mut self, row: &Row, columns: &[Column], cards: impl Fn(&Phase) -> &'a [&'a Card], x0: f32, y: f32) -> f32 {
        let band = EMOTION_HEIGHT;
        let pad = 9.0;
        let score_y = |s: f32| y + pad + (2.0 - s) / 4.0 * (band - 2.0 * pad - 8.0);
        let total = columns.last().map_or(0.0, |c| c.x + c.w);
        // (phase, card, x, face size)
        let mut points = Vec::new();
        for (n, col) in columns.iter().enumerate() {
            let list = cards(col.phase);
            let slot = col.w / (list.len() as f32 + 1.0);
            for (i, c) in list.iter().enumerate() {
                points.push((n, *c, x0 + col.x + slot * (i as f32 + 1.0), slot));
            }
        }
        let face = |x: f32, c: &Card, slot: f32| {
            let size = (slot * 0.9).min(7.0);
            let cy = score_y(c.emotion.unwrap_or(0) as f32);
            Rect::new(x - size / 2.0, cy - size / 2.0, size, size)
        };
        let scored: Vec<(f32, f32)> = points.iter().filter_map(|(_, c, x, _)| c.emotion.map(|e| (*x, score_y(e as f32)))).collect();
        let curve = (scored.len() > 1).then(|| curve::smooth(&scored));
        let marks = [(2.0, "+2"), (0.0, "0"), (-2.0, "-2")];
        let mut obstacles: Vec<Rect> = points.iter().map(|(_, c, x, slot)| face(*x, c, *slot)).collect();
        obstacles.extend(
            marks.iter().map(|(score, mark)| Rect::new(x0 + 1.2, score_y(*score) - 1.0, self.m.width(mark, Weight::Regular, 2.4), 2.4)),
        );
        let room = Room {
            band: Rect::new(x0 + 0.5, y + 0.5, total - 1.0, band - 1.0),
            obstacles,
            curve: curve.as_ref().map_or_else(Vec::new, |c| points_along(scored[0], c)),
        };
        let at: Vec<Point> = points
            .iter()
            .map(|(_, c, x, slot)| Point { title: &c.title, x: *x, face: face(*x, c, *slot), slot: *slot, low: c.emotion.unwrap_or(0) < 0 })
            .collect();
        // A phase where one point finds no room lists them all; the others are placed again.
        let mut listed = vec![false; columns.len()];
        let captions = loop {
            let skip: Vec<bool> = points.iter().map(|(n, ..)| listed[*n]).collect();
            let captions = place(&at, &skip, &room, &mut self.m);
            let unplaced: Vec<usize> =
                points.iter().zip(&captions).filter(|((n, ..), c)| c.is_none() && !listed[*n]).map(|((n, ..), _)| *n).collect();
            if unplaced.is_empty() {
                break captions;
            }
            for n in unplaced {
                listed[n] = true;
            }
        };

        let start = self.shapes.len();
        let mut height = band;
        for (col, _) in columns.iter().zip(&listed).filter(|(_, listed)| **listed) {
            height = height.max(self.stack(cards(col.phase), col, x0, y + band) - y);
        }
        let listed_cards = self.shapes.split_off(start);
        self.row_frame(row, columns, x0, y, height);
        self.path(
            (x0, score_y(0.0)),
            vec![Segment::Line((x0 + total, score_y(0.0)))],
            Stroke { colour: RULE, width: 0.3, dash: Some((1.5, 1.2)) },
        );
        // The scale, so a reader of the wall knows what up and down mean.
        for (score, mark) in marks {
            self.text(x0 + 1.2, score_y(score) + 1.0, 2.4, Weight::Regular, MUTED, mark);
        }
        // Captions under the curve: where one cannot keep clear of it, the line still shows.
        for ((_, c, x, slot), caption) in points.iter().zip(&captions) {
            let Some(caption) = caption else { continue };
            for (j, line) in caption.lines.iter().enumerate() {
                let lw = self.m.width(line, Weight::Regular, CAPTION_SIZE);
                let (lx, base) = caption.baseline(j, lw);
                self.text(lx, base, CAPTION_SIZE, Weight::Regular, INK, line);
            }
            let f = face(*x, c, *slot);
            let (top, bottom) = (f.y.min(caption.at.y), f.bottom().max(caption.at.bottom()));
            let (left, right) = (f.x.min(caption.at.x), f.right().max(caption.at.right()));
            self.cards.push(Placed { card: c.id, at: Rect::new(left, top, right - left, bottom - top) });
        }
        if let Some(curve) = curve {
            self.path(scored[0], curve, Stroke::solid(CURVE, 0.6));
        }
        for (_, c, x, slot) in &points {
            let f = face(*x, c, *slot);
            let (cx, cy) = (f.x + f.w / 2.0, f.y + f.h / 2.0);
            match c.emotion {
                Some(e) => self.face(cx, cy, f.w, e),
                // Not on the curve, and open, so the curve shows through where it passes.
                None => self.circle(cx, cy, f.w * 0.37, None, Some(Stroke { colour: MUTED, width: 0.3, dash: Some((0.8, 0.6)) })),
            }
        }
        self.shapes.extend(listed_cards);
        y + height
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::crowded_emotions;
    use crate::model::Id;
    use crate::templates;

    const OPTIONS: LayoutOptions = LayoutOptions { notes: false, questions: true, grayscale: false, square_cards: false, votes: true };

    fn emotion_cards(doc: &JourneyDoc) -> Vec<&Card> {
        let row = doc.rows.iter().find(|r| r.kind == RowKind::Emotion).unwrap().id;
        doc.cards.iter().filter(|c| c.row == row).collect()
    }

    /// Each caption line as (its place among the shapes, the card it belongs to, the box its
    /// letters fill): text in a caption's size and ink that is part of one emotion card's title.
    fn caption_lines(doc: &JourneyDoc, l: &Layout) -> Vec<(usize, Id, Rect)> {
        let cards = emotion_cards(doc);
        l.shapes
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let Shape::Text { x, y, size, weight: Weight::Regular, colour, text, line } = s else { return None };
                let owners: Vec<&&Card> = cards.iter().filter(|c| c.title.contains(text.as_str())).collect();
                (*size == META_SIZE && *colour == INK && owners.len() == 1)
                    .then(|| (i, owners[0].id, Rect::new(*x, y - 0.75 * size, line.width * size, *size)))
            })
            .collect()
    }

    /// The emotion curve, as its place among the shapes and points along it every few tenths of a mm.
    fn curve(l: &Layout) -> (usize, Vec<(f32, f32)>) {
        let (i, start, segments) = l
            .shapes
            .iter()
            .enumerate()
            .find_map(|(i, s)| match s {
                Shape::Path { start, segments, stroke: Some(st), .. }
                    if st.width == 0.6 && segments.iter().all(|g| matches!(g, Segment::Curve(..))) =>
                {
                    Some((i, *start, segments))
                }
                _ => None,
            })
            .expect("the poster draws an emotion curve");
        let mut points = vec![start];
        let mut from = start;
        for g in segments {
            let Segment::Curve(c1, c2, to) = *g else { unreachable!() };
            for k in 1..=200 {
                let t = k as f32 / 200.0;
                let u = 1.0 - t;
                let at = |a: f32, b: f32, c: f32, d: f32| u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * d;
                points.push((at(from.0, c1.0, c2.0, to.0), at(from.1, c1.1, c2.1, to.1)));
            }
            from = to;
        }
        (i, points)
    }

    fn crosses(r: &Rect, points: &[(f32, f32)]) -> bool {
        points.iter().any(|&(x, y)| x > r.x && x < r.right() && y > r.y && y < r.bottom())
    }

    /// Two or three emotion points in one phase: each caption keeps to its own place.
    #[test]
    fn captions_of_emotion_points_that_share_a_phase_do_not_overlap() {
        let doc = crowded_emotions();
        let l = lay_out(&doc, OPTIONS, 0);
        let lines = caption_lines(&doc, &l);
        for (a, card_a, box_a) in &lines {
            for (b, card_b, box_b) in &lines {
                if card_a != card_b {
                    let (Shape::Text { text: ta, .. }, Shape::Text { text: tb, .. }) = (&l.shapes[*a], &l.shapes[*b]) else {
                        unreachable!()
                    };
                    assert!(!box_a.intersects(box_b), "'{ta}' overlaps '{tb}'");
                }
            }
        }
    }

    /// The line through the faces is never hidden under a caption or a white mark: captions keep
    /// clear of it where there is room (here there is), one that cannot is drawn before it, and
    /// nothing white is drawn over it but the faces' eyes.
    #[test]
    fn nothing_is_drawn_over_the_emotion_curve_but_its_faces() {
        for doc in
            [crowded_emotions(), templates::instantiate("online-nl", None).unwrap(), templates::instantiate("online-en", None).unwrap()]
        {
            let l = lay_out(&doc, OPTIONS, 0);
            let (curve_at, points) = curve(&l);
            for (i, _, r) in caption_lines(&doc, &l) {
                let Shape::Text { text, .. } = &l.shapes[i] else { unreachable!() };
                assert!(i < curve_at, "'{text}' is drawn over the curve");
                assert!(!crosses(&r, &points), "the curve runs through '{text}'");
            }
            for s in &l.shapes[curve_at..] {
                if let Shape::Circle { fill: Some(PAPER), r, .. } = s {
                    assert!(*r < 1.0 || !crosses(&s.bounds(), &points), "a white {s:?} is drawn over the curve");
                }
            }
        }
    }

    /// Each emotion point's title is printed once on the poster: as its caption while there is
    /// room for one, which two or three points in a phase leave.
    #[test]
    fn each_emotion_title_prints_once_as_its_caption() {
        let doc = crowded_emotions();
        let l = lay_out(&doc, OPTIONS, 0);
        let text: String =
            l.shapes.iter().filter_map(|s| if let Shape::Text { text, .. } = s { Some(text.as_str()) } else { None }).collect();
        let text: String = text.split_whitespace().collect();
        let captioned: Vec<Id> = caption_lines(&doc, &l).into_iter().map(|(_, card, _)| card).collect();
        for c in emotion_cards(&doc) {
            let title: String = c.title.split_whitespace().collect();
            assert_eq!(text.matches(&title).count(), 1, "'{}' is printed {} times", c.title, text.matches(&title).count());
            assert!(captioned.contains(&c.id), "'{}' is listed, not a caption", c.title);
        }
    }

    /// A phase with more points than captions can hold lists them under the curve instead; each
    /// title is still printed once.
    #[test]
    fn a_phase_too_full_for_captions_lists_each_title_once() {
        let mut doc = crowded_emotions();
        doc.phases[2].width = 50;
        let row = doc.rows.iter().find(|r| r.kind == RowKind::Emotion).unwrap().id;
        let template = emotion_cards(&doc)[0].clone();
        for n in 0..6 {
            let phase = doc.phases[2].id;
            doc.cards.push(Card {
                id: crate::model::new_id(),
                phase,
                row,
                position: 10 + n,
                title: format!("Punt nummer {n} van veel"),
                emotion: Some(n as i8 % 5 - 2),
                ..template.clone()
            });
        }
        let l = lay_out(&doc, OPTIONS, 0);
        let text: String =
            l.shapes.iter().filter_map(|s| if let Shape::Text { text, .. } = s { Some(text.as_str()) } else { None }).collect();
        let text: String = text.split_whitespace().collect();
        for c in emotion_cards(&doc) {
            let title: String = c.title.split_whitespace().collect();
            assert_eq!(text.matches(&title).count(), 1, "'{}'", c.title);
        }
        let listed = |title: &str| {
            l.shapes.iter().any(|s| matches!(s, Shape::Text { text, size, .. } if *size == TITLE_SIZE && title.starts_with(text.as_str())))
        };
        assert!(listed("Punt nummer 0 van veel"), "the full phase lists its cards");
        assert!(!listed("Nieuwsgierig"), "the other phases keep their captions");
    }

    /// Whatever people type, text stays inside its card and inside the poster.
    #[test]
    fn text_stays_inside_its_card_and_the_poster() {
        let mut doc = templates::instantiate("online-nl", None).unwrap();
        doc.journey.name = "Een heel lange naam voor een klantreis ".repeat(8);
        doc.cards[0].title = "Superkalifragilistischexpialigetisch".repeat(4);
        doc.cards[1].notes = "lange notitie ".repeat(2000);
        doc.cards[2].channel = Some("Een kanaal met een naam die nergens past ".repeat(3));
        doc.cards[2].votes = 40;
        doc.phases[1].width = 25;
        for square_cards in [false, true] {
            let l = lay_out(&doc, LayoutOptions { notes: true, questions: true, grayscale: false, square_cards, votes: true }, 0);
            for s in &l.shapes {
                let Shape::Text { x, y, size, line, text, .. } = s else { continue };
                let width = &(line.width * size);
                assert!(*x >= 0.0 && x + width <= l.width + 0.01 && *y <= l.height, "'{text}' leaves the poster");
                if let Some(card) = l.cards.iter().map(|c| c.at).find(|c| *x >= c.x && *x < c.right() && *y > c.y && *y < c.bottom()) {
                    assert!(x + width <= card.right() + 0.01, "'{text}' runs out of its card (square {square_cards})");
                }
            }
        }
    }
}
