//! The map as one HTML file (issue 27), for people without Journeywall: it opens from an e-mail
//! or a USB stick and asks the network for nothing. The map is the poster's layout drawn by the
//! SVG writer, with its text set as text in subsets of the poster's own faces (embedded as
//! `data:` URLs), so it reads and prints as the poster does and stays selectable and findable.
//! Around it: search, zoom, phase by phase, a card's details, the personas and the vote results
//! (`page.js`, `page.css`), and every card listed in reading order for screen readers.
//!
//! A Content-Security-Policy lets the page run its one script and its one style, by their
//! SHA-256, and load fonts and pictures from `data:` URLs only. Journey text is escaped wherever
//! it goes; the script's data is JSON in which no `<` is left, so no title can end its block.

mod fonts;
mod panels;
mod words;

use std::collections::HashMap;

use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::layout::{lay_out, Layout, LayoutOptions};
use super::svg::{self, escape, n, Letters};
use crate::model::{Card, Id, JourneyDoc};
use fonts::Texts;
use panels::Out;
use words::{page_words, PageWords};

const SCRIPT: &str = include_str!("page.js");
const STYLE: &str = include_str!("page.css");

/// A card the poster shows, with the places of its phase and row in the journey's lists.
pub struct Visible<'a> {
    pub card: &'a Card,
    pub phase: usize,
    pub row: usize,
}

/// The page for `doc`; `now` (ms since 1970) is the date the map prints.
pub fn page(doc: &JourneyDoc, now: i64) -> String {
    let votes = !doc.vote.as_ref().is_some_and(|v| v.hidden);
    let options = LayoutOptions { notes: false, questions: true, grayscale: false, square_cards: false, votes };
    let layout = lay_out(doc, options, now);
    let lang = doc.journey.locale;
    let w = page_words(lang);
    let cards = reading_order(doc);
    let with_votes = votes && cards.iter().any(|v| v.card.votes > 0);

    let mut texts = Texts::default();
    let mut out = Out { html: String::with_capacity(layout.shapes.len() * 120 + cards.len() * 400), texts: &mut texts };
    panels::bar(&mut out, doc, w, with_votes);
    map(&mut out.html, &layout, w);
    panels::details(&mut out, w);
    panels::personas(&mut out, doc, w);
    if with_votes {
        panels::votes(&mut out, doc, &cards, w);
    }
    panels::card_list(&mut out, doc, &cards, w);
    let body = out.html;
    let data = data(doc, &layout, &cards, w, votes, &mut texts);

    let style = format!("{}{STYLE}@page{{size:{};margin:8mm}}\n", fonts::css(&layout, &texts), orientation(&layout));
    let policy = format!(
        "default-src 'none'; script-src {}; style-src {}; img-src data:; font-src data:; base-uri 'none'; form-action 'none'",
        hash(SCRIPT),
        hash(&style)
    );
    let mut html = String::with_capacity(body.len() + data.len() + style.len() + SCRIPT.len() + 1024);
    html.push_str("<!DOCTYPE html>\n");
    html.push_str(&format!(r#"<html lang="{}">"#, lang.code()));
    html.push_str("\n<head>\n<meta charset=\"utf-8\">\n");
    html.push_str(&format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n"));
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    html.push_str(&format!("<meta name=\"generator\" content=\"{}\">\n", escape(w.made_with)));
    html.push_str(&format!("<title>{}</title>\n<style>{style}</style>\n</head>\n<body>\n", escape(&doc.journey.name)));
    html.push_str(&body);
    html.push_str(&format!("<script type=\"application/json\" id=\"data\">{data}</script>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"));
    html
}

/// The cards of the visible rows, phase by phase, row by row, each cell in its order: as the
/// map is read, and as the spreadsheet lists them.
fn reading_order(doc: &JourneyDoc) -> Vec<Visible<'_>> {
    let mut cards: Vec<Visible> = doc
        .cards
        .iter()
        .filter_map(|card| {
            let phase = doc.phases.iter().position(|p| p.id == card.phase)?;
            let row = doc.rows.iter().position(|r| r.id == card.row && !r.hidden)?;
            Some(Visible { card, phase, row })
        })
        .collect();
    cards.sort_by_key(|v| (v.phase, v.row, v.card.position));
    cards
}

/// The map: the poster's shapes with their text as text, and a layer for the script's marks
/// (search hits, the card in focus, the phase shown). A screen reader reads the card list.
fn map(html: &mut String, layout: &Layout, w: &PageWords) {
    let (width, height) = (n(layout.width), n(layout.height));
    html.push_str(&format!(
        r#"<main id="view" tabindex="0" aria-label="{}" aria-describedby="keys"><div id="stage"><svg class="map" viewBox="0 0 {width} {height}" width="{width}mm" height="{height}mm" aria-hidden="true" focusable="false">"#,
        escape(w.map)
    ));
    svg::shapes(html, layout, Letters::Fonts);
    html.push_str("<g id=\"marks\"></g></svg></div></main>\n");
    html.push_str(&format!("<p id=\"keys\">{}</p><p id=\"said\" class=\"sr-only\" role=\"status\"></p>\n", escape(w.keys)));
}

/// What the script reads: sizes and boxes in the map's millimetres, the cards in reading order.
#[derive(Serialize)]
struct Data<'a> {
    size: [f32; 2],
    phases: Vec<PhaseData<'a>>,
    rows: Vec<&'a str>,
    cards: Vec<CardData<'a>>,
    /// From very negative to very positive.
    emotions: [&'static str; 5],
    words: &'static PageWords,
}

#[derive(Serialize)]
struct PhaseData<'a> {
    title: &'a str,
    #[serde(rename = "box")]
    at: [f32; 4],
}

#[derive(Serialize)]
struct CardData<'a> {
    title: &'a str,
    notes: &'a str,
    channel: Option<&'a str>,
    tags: &'a [String],
    /// None while the vote hides its dots.
    votes: Option<u32>,
    emotion: Option<i8>,
    phase: usize,
    row: usize,
    #[serde(rename = "box")]
    at: Option<[f32; 4]>,
}

fn data(doc: &JourneyDoc, layout: &Layout, cards: &[Visible], w: &'static PageWords, votes: bool, texts: &mut Texts) -> String {
    let mm = |v: f32| (v * 100.0).round() / 100.0;
    let rect = |r: &super::shapes::Rect| [mm(r.x), mm(r.y), mm(r.w), mm(r.h)];
    let placed: HashMap<Id, &super::shapes::Rect> = layout.cards.iter().map(|p| (p.card, &p.at)).collect();
    let data = Data {
        size: [mm(layout.width), mm(layout.height)],
        phases: doc.phases.iter().zip(&layout.columns).map(|(p, at)| PhaseData { title: &p.title, at: rect(at) }).collect(),
        rows: doc.rows.iter().map(|r| r.title.as_str()).collect(),
        cards: cards
            .iter()
            .map(|v| {
                let c = v.card;
                // What the script shows as text: the fonts must have it.
                texts.add(&c.notes);
                texts.add(c.channel.as_deref().unwrap_or(""));
                c.tags.iter().for_each(|t| texts.add(t));
                CardData {
                    title: &c.title,
                    notes: &c.notes,
                    channel: c.channel.as_deref().filter(|ch| !ch.trim().is_empty()),
                    tags: &c.tags,
                    votes: votes.then_some(c.votes),
                    emotion: c.emotion,
                    phase: v.phase,
                    row: v.row,
                    at: placed.get(&c.id).map(|at| rect(at)),
                }
            })
            .collect(),
        emotions: super::words::words(doc.journey.locale).emotions,
        words: w,
    };
    for word in data.emotions.iter().chain([&w.phase_of, &w.found_none, &w.found_one, &w.found_many]) {
        texts.add(word);
    }
    doc.phases.iter().for_each(|p| texts.add(&p.title));
    // Serialising plain data to a string does not fail. `<` only occurs inside strings, where
    // \u003c means the same: no `</script>` in a title can end the block early.
    let json = serde_json::to_string(&data).unwrap_or_default();
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// The paper's orientation when the page is printed: the map's own.
fn orientation(layout: &Layout) -> &'static str {
    if layout.width > layout.height {
        "landscape"
    } else {
        "portrait"
    }
}

/// A CSP source for an inline script or style: its SHA-256 in base64.
fn hash(text: &str) -> String {
    format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())))
}
