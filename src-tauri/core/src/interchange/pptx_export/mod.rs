//! The journey as a PowerPoint deck, for the report after the workshop: a title slide, a slide
//! per persona, the whole map on one slide, a slide per phase with its cards grouped by row, and
//! the vote's results. Everything on a slide is a native shape a person can edit (text boxes,
//! the emotion curve as a path), never a picture of the map. 16:9, in the journey's language.
//! Written as Office Open XML (`package`), each slide's shapes by `drawing`.

mod board;
mod drawing;
mod fit;
mod package;
mod slides;
mod words;

use std::collections::HashMap;

use self::drawing::{frame, Align, Para, Shapes};
use self::fit::Fit;
use self::package::{Slide, SLIDE_W};
use self::words::{deck_words, DeckWords};
use crate::error::{Error, Result};
use crate::model::{Card, Id, JourneyDoc, Phase, Row};
use crate::poster::{words, Weight, Words, INK, MUTED};
use crate::said;
use crate::said::Field;

/// The slides' margin, in points.
const MARGIN: f32 = 30.0;

/// The journey as a .pptx file.
pub fn to_pptx(doc: &JourneyDoc) -> Result<Vec<u8>> {
    let mut deck = Deck::new(doc);
    let slides = deck.slides();
    package::write(&doc.journey.name, deck.dw.tag, &slides)
        .map_err(|e| Error::invalid(Field::Out, said!("the deck could not be made ({e})", "de presentatie kon niet worden gemaakt ({e})")))
}

/// What every slide is made from: the journey in board order, its words, and a measure of text.
struct Deck<'a> {
    doc: &'a JourneyDoc,
    w: &'static Words,
    dw: &'static DeckWords,
    fit: Fit,
    phases: Vec<&'a Phase>,
    /// The rows the board shows (not the hidden ones).
    rows: Vec<&'a Row>,
    cells: HashMap<(Id, Id), Vec<&'a Card>>,
    /// Whether cards show their votes: not while a vote keeps its dots hidden (as the poster).
    votes: bool,
    /// How many slides there are, for "3 / 12" in each footer.
    count: usize,
}

impl<'a> Deck<'a> {
    fn new(doc: &'a JourneyDoc) -> Deck<'a> {
        let mut phases: Vec<&Phase> = doc.phases.iter().collect();
        phases.sort_by_key(|p| p.position);
        let mut rows: Vec<&Row> = doc.rows.iter().filter(|r| !r.hidden).collect();
        rows.sort_by_key(|r| r.position);
        let votes = !doc.vote.as_ref().is_some_and(|v| v.hidden);
        let mut deck = Deck {
            doc,
            w: words(doc.journey.locale),
            dw: deck_words(doc.journey.locale),
            fit: Fit::default(),
            phases,
            rows,
            cells: doc.cells(),
            votes,
            count: 0,
        };
        deck.count = 2 + doc.personas.len() + deck.phases.len() + usize::from(deck.has_results());
        deck
    }

    fn slides(&mut self) -> Vec<Slide> {
        let mut out = vec![self.title_slide()];
        let mut personas: Vec<_> = self.doc.personas.iter().collect();
        personas.sort_by_key(|p| p.position);
        for p in personas {
            let n = out.len() + 1;
            out.push(self.persona_slide(p, n));
        }
        out.push(self.map_slide(out.len() + 1));
        for i in 0..self.phases.len() {
            let n = out.len() + 1;
            out.push(self.phase_slide(i, n));
        }
        if self.has_results() {
            let n = out.len() + 1;
            out.push(self.results_slide(n));
        }
        out
    }

    /// The cards of one cell, in order.
    fn cell(&self, phase: Id, row: Id) -> &[&'a Card] {
        self.cells.get(&(phase, row)).map_or(&[], Vec::as_slice)
    }

    /// A slide's title (fitted to its box) and its footer: the journey's name and "n / count".
    fn frame(&mut self, title: &str, n: usize, title_width: f32) -> Shapes {
        let mut s = Shapes::new(self.dw.tag);
        let at = frame(MARGIN, 18.0, title_width, 40.0);
        let size = self.fit.size(&[(title, Weight::Bold, 1.0)], at.w, at.h, 28.0, 14.0).unwrap_or(14.0);
        s.title(at, &[Para::new(title, size, INK).bold()]);
        let footer = frame(MARGIN, 514.0, SLIDE_W - 2.0 * MARGIN - 60.0, 14.0);
        let name = self.fit.cut(&self.doc.journey.name, Weight::Regular, 9.0, footer.w, 1);
        s.text("Footer", footer, drawing::Look::PLAIN, &[Para::new(name, 9.0, MUTED)]);
        let number = frame(SLIDE_W - MARGIN - 60.0, 514.0, 60.0, 14.0);
        s.text("Slide number", number, drawing::Look::PLAIN, &[Para::new(format!("{n} / {}", self.count), 9.0, MUTED).align(Align::End)]);
        s
    }
}

#[cfg(test)]
mod tests;
