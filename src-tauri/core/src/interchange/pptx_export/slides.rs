//! The slides around the map: the title slide, a slide per persona, and the vote's results.

use std::cmp::Reverse;

use super::drawing::{frame, Align, Anchor, Frame, Geometry, Look, Para, Shapes};
use super::package::{Slide, SLIDE_W};
use super::{Deck, MARGIN};
use crate::model::{Card, Persona};
use crate::poster::{date, Colour, Weight, INK, MUTED, PHASE_FILL, VOTE};

/// The results slide's entries: two columns of this many.
const RESULT_ROWS: usize = 6;

impl Deck<'_> {
    /// The journey's name, description, date and personas, one under the other and together in
    /// the middle of the room above a strip of its phases.
    pub(super) fn title_slide(&mut self) -> Slide {
        let doc = self.doc;
        let mut s = Shapes::new(self.dw.tag);
        let width = SLIDE_W - 2.0 * MARGIN;
        let name = doc.journey.name.as_str();
        let name_size = self.fit.size(&[(name, Weight::Bold, 1.0)], width, 110.0, 44.0, 18.0).unwrap_or(18.0);
        let name_h = self.fit.height(&[(name, Weight::Bold, 1.0)], width, name_size).min(110.0);
        let description = doc.journey.description.trim();
        let (description_size, description_h) = if description.is_empty() {
            (0.0, 0.0)
        } else {
            let size = self.fit.size(&[(description, Weight::Regular, 1.0)], width, 110.0, 20.0, 9.0).unwrap_or(9.0);
            (size, self.fit.height(&[(description, Weight::Regular, 1.0)], width, size).min(110.0))
        };
        let mut lines = Vec::new();
        if let Some(t) = [doc.journey.updated_at, doc.journey.created_at].into_iter().find(|&t| t > 0) {
            lines.push(Para::new(date(t, self.w), 14.0, MUTED));
        }
        let mut personas: Vec<&Persona> = doc.personas.iter().collect();
        personas.sort_by_key(|p| p.position);
        if !personas.is_empty() {
            let names: Vec<String> = personas
                .iter()
                .map(|p| if p.role.trim().is_empty() { p.name.clone() } else { format!("{} ({})", p.name, p.role.trim()) })
                .collect();
            lines.push(Para::new(format!("{}: {}", self.dw.personas, names.join(" · ")), 14.0, INK).before(4.0));
        }
        let lines_h = if lines.is_empty() { 0.0 } else { 60.0 };
        let (kind_h, gap) = (22.0, 16.0);
        let block = kind_h + name_h + gap + description_h + gap + lines_h;
        let mut y = ((430.0 - block) / 2.0).max(30.0);
        s.text("Kind", frame(MARGIN, y, width, kind_h), Look::PLAIN, &[Para::new(self.dw.kind, 14.0, MUTED).bold()]);
        y += kind_h;
        s.title(frame(MARGIN, y, width, name_h), &[Para::new(name, name_size, INK).bold()]);
        y += name_h + gap;
        if !description.is_empty() {
            s.text("Description", frame(MARGIN, y, width, description_h), Look::PLAIN, &[Para::new(description, description_size, INK)]);
            y += description_h + gap;
        }
        if !lines.is_empty() {
            s.text("Date and personas", frame(MARGIN, y, width, lines_h), Look::PLAIN, &lines);
        }
        self.phase_strip(&mut s, frame(MARGIN, 446.0, width, 48.0));
        let made = frame(MARGIN, 514.0, width, 14.0);
        s.text("Made with", made, Look::PLAIN, &[Para::new(self.w.made_with, 9.0, MUTED).align(Align::End)]);
        Slide { tree: s.into_tree(), pictures: Vec::new() }
    }

    /// The phases side by side, as wide as on the board: the journey at a glance.
    fn phase_strip(&mut self, s: &mut Shapes, at: Frame) {
        let phases = self.phases.clone();
        let total: f32 = phases.iter().map(|p| p.width.max(1) as f32).sum();
        let gap = 4.0;
        let room = at.w - gap * phases.len().saturating_sub(1) as f32;
        let mut x = at.x;
        let boxes: Vec<(&str, Frame)> = phases
            .iter()
            .map(|p| {
                let w = room * p.width.max(1) as f32 / total;
                x += w + gap;
                (p.title.as_str(), frame(x - w - gap, at.y, w, at.h))
            })
            .collect();
        let size = self.common_size(&boxes, Weight::Bold, 4.0, 12.0, 5.0);
        s.group("Phases", |g| {
            for (p, (title, box_)) in phases.iter().zip(boxes) {
                let fill = Colour::hex(&p.colour, PHASE_FILL);
                let text = self.fitted_at(title, Weight::Bold, box_, 4.0, size, true);
                let look = Look::filled(fill).geometry(Geometry::Rounded(0.1)).inset(4.0).anchor(Anchor::Middle);
                g.text(title, box_, look, &[text.align(Align::Centre)]);
            }
        });
    }

    /// A persona: name and role, picture, quote, goals and frustrations.
    pub(super) fn persona_slide(&mut self, p: &Persona, n: usize) -> Slide {
        let mut s = self.frame(&p.name, n, SLIDE_W - 2.0 * MARGIN);
        let width = SLIDE_W - 2.0 * MARGIN;
        if !p.role.trim().is_empty() {
            s.text("Role", frame(MARGIN, 60.0, width, 22.0), Look::PLAIN, &[Para::new(p.role.trim(), 16.0, MUTED)]);
        }
        let mut pictures = Vec::new();
        let mut x = MARGIN;
        if let Some((jpeg, (pw, ph))) = p.picture.as_deref().and_then(picture) {
            let side = 170.0;
            let scale = side / pw.max(ph);
            s.picture(&p.name, frame(MARGIN, 96.0, pw * scale, ph * scale), "rId2");
            pictures.push(jpeg);
            x += side + 24.0;
        }
        let width = SLIDE_W - MARGIN - x;
        let mut y = 96.0;
        let quote = p.quote.trim();
        if !quote.is_empty() {
            let at = frame(x, y, width, 90.0);
            let text = format!("“{quote}”");
            let size = self.fit.size(&[(&text, Weight::Regular, 1.0)], at.w, at.h, 22.0, 10.0).unwrap_or(10.0);
            s.text("Quote", at, Look::PLAIN, &[Para::new(text, size, INK).italic()]);
            y += 104.0;
        }
        let column = (width - 24.0) / 2.0;
        for (i, (heading, text)) in [(self.dw.goals, &p.goals), (self.dw.frustrations, &p.frustrations)].into_iter().enumerate() {
            let at = frame(x + i as f32 * (column + 24.0), y, column, 500.0 - y);
            let body = text.trim();
            let pieces = [(heading, Weight::Bold, 1.15), (body, Weight::Regular, 1.0)];
            let size = self.fit.size(&pieces, at.w, at.h - 6.0, 20.0, 7.0).unwrap_or(7.0);
            let paras = [Para::new(heading, size * 1.15, INK).bold(), Para::new(body, size, INK).before(6.0)];
            s.text(heading, at, Look::PLAIN, &paras);
        }
        Slide { tree: s.into_tree(), pictures }
    }

    pub(super) fn has_results(&self) -> bool {
        self.votes && self.doc.cards.iter().any(|c| c.votes > 0)
    }

    /// The cards with votes, most first (ties share a rank, in board order), each with its dots in
    /// the colours of the participants who gave them.
    pub(super) fn results_slide(&mut self, n: usize) -> Slide {
        let mut s = self.frame(self.dw.results, n, SLIDE_W - 2.0 * MARGIN);
        let order = |c: &Card| {
            let phase = self.phases.iter().position(|p| p.id == c.phase).unwrap_or(usize::MAX);
            let row = self.doc.rows.iter().find(|r| r.id == c.row).map_or(u32::MAX, |r| r.position);
            (Reverse(c.votes), phase, row, c.position)
        };
        let mut ranked: Vec<&Card> = self.doc.cards.iter().filter(|c| c.votes > 0).collect();
        ranked.sort_by_key(|c| order(c));
        let shown = ranked.len().min(2 * RESULT_ROWS);
        let columns = if shown > RESULT_ROWS { 2 } else { 1 };
        let width = (SLIDE_W - 2.0 * MARGIN - 30.0 * (columns - 1) as f32) / columns as f32;
        let mut rank = 0;
        for (i, card) in ranked[..shown].iter().enumerate() {
            if i == 0 || ranked[i - 1].votes != card.votes {
                rank = i + 1;
            }
            let (col, line) = (i / RESULT_ROWS, i % RESULT_ROWS);
            let at = frame(MARGIN + col as f32 * (width + 30.0), 76.0 + line as f32 * 70.0, width, 62.0);
            self.result(&mut s, card, rank, at);
        }
        if ranked.len() > shown {
            let more = (self.dw.more)(ranked.len() - shown);
            s.text("More", frame(MARGIN, 494.0, SLIDE_W - 2.0 * MARGIN, 16.0), Look::PLAIN, &[Para::new(more, 10.0, MUTED)]);
        }
        Slide { tree: s.into_tree(), pictures: Vec::new() }
    }

    /// One card of the results: its rank, title, cell, dots and count, as one group.
    fn result(&mut self, s: &mut Shapes, card: &Card, rank: usize, at: Frame) {
        let phase = self.phases.iter().find(|p| p.id == card.phase).map_or("", |p| p.title.as_str());
        let row = self.doc.rows.iter().find(|r| r.id == card.row).map_or("", |r| r.title.as_str());
        let text_x = at.x + 40.0;
        let text_w = at.w - 40.0;
        let title_at = frame(text_x, at.y, text_w, 30.0);
        let size = self.fit.size(&[(&card.title, Weight::Bold, 1.0)], title_at.w, title_at.h, 14.0, 8.0);
        let title = match size {
            Some(_) => card.title.clone(),
            None => self.fit.cut(&card.title, Weight::Bold, 8.0, title_at.w, 3),
        };
        let context = self.fit.cut(&format!("{phase} · {row}"), Weight::Regular, 9.0, text_w, 1);
        let dots = self.dots(card);
        let count = if card.votes == 1 { format!("1 {}", self.dw.vote) } else { format!("{} {}", card.votes, self.w.votes) };
        s.group(&card.title, |g| {
            g.text("Rank", frame(at.x, at.y, 34.0, 28.0), Look::PLAIN, &[Para::new(rank.to_string(), 20.0, INK).bold()]);
            g.text(&card.title, title_at, Look::PLAIN, &[Para::new(title, size.unwrap_or(8.0), INK).bold()]);
            g.text("Cell", frame(text_x, at.y + 31.0, text_w, 13.0), Look::PLAIN, &[Para::new(context, 9.0, MUTED)]);
            let (d, step) = (9.0, 12.0);
            let room = ((text_w - 90.0) / step).floor().max(1.0) as usize;
            let y = at.y + 47.0;
            for (i, colour) in dots.iter().take(room).enumerate() {
                g.shape_only("Dot", frame(text_x + i as f32 * step, y, d, d), Look::filled(*colour).geometry(Geometry::Ellipse));
            }
            let past = text_x + dots.len().min(room) as f32 * step + 4.0;
            let label = if dots.len() > room { format!("+{}  {count}", dots.len() - room) } else { count };
            g.text("Votes", frame(past, y - 2.0, at.right() - past, 14.0), Look::PLAIN, &[Para::new(label, 10.0, MUTED)]);
        });
    }

    /// A card's dots in the colours of the participants who gave them, in their order; dots a
    /// facilitator typed in after a paper vote in the vote's ink.
    fn dots(&self, card: &Card) -> Vec<Colour> {
        let mut dots: Vec<Colour> = Vec::new();
        if let Some(vote) = &self.doc.vote {
            for p in &vote.participants {
                let colour = Colour::hex(&p.colour, VOTE);
                dots.extend(p.dots.iter().filter(|&&d| d == card.id).map(|_| colour));
            }
        }
        dots.truncate(card.votes as usize);
        dots.resize(card.votes as usize, VOTE);
        dots
    }
}

/// A persona's picture: the JPEG and its size in pixels; None when it cannot be read.
fn picture(data_url: &str) -> Option<(Vec<u8>, (f32, f32))> {
    let jpeg = crate::picture::bytes_of(data_url)?;
    let reader = image::ImageReader::with_format(std::io::Cursor::new(&jpeg), image::ImageFormat::Jpeg);
    let (w, h) = reader.into_dimensions().ok()?;
    (w > 0 && h > 0).then_some((jpeg, (w as f32, h as f32)))
}
