//! The page's HTML around the map: the bar (search, zoom, phase by phase, the panels' buttons),
//! the panels (a card's details, filled in by the script; the personas; the vote results) and the
//! list of every card in reading order that a screen reader reads instead of the picture. Every
//! text of the journey is written as escaped text, and noted for the fonts.

use super::super::svg::escape;
use super::fonts::Texts;
use super::words::PageWords;
use super::Visible;
use crate::model::JourneyDoc;

/// HTML being written, with the texts it shows.
pub struct Out<'a> {
    pub html: String,
    pub texts: &'a mut Texts,
}

impl Out<'_> {
    fn raw(&mut self, markup: &str) {
        self.html.push_str(markup);
    }

    /// Text shown as it is: never markup.
    fn text(&mut self, text: &str) {
        self.texts.add(text);
        self.html.push_str(&escape(text));
    }

    /// `<tag attributes>text</tag>`.
    fn element(&mut self, tag: &str, attributes: &str, text: &str) {
        self.raw(&format!("<{tag}{attributes}>"));
        self.text(text);
        self.raw(&format!("</{tag}>"));
    }

    /// A button of the bar: a symbol or a word, named for screen readers and as a tooltip.
    fn button(&mut self, id: &str, label: &str, name: &str, extra: &str) {
        self.texts.add(name);
        let name = escape(name);
        self.element("button", &format!(r#" type="button" id="{id}" aria-label="{name}" title="{name}"{extra}"#), label);
    }
}

pub fn bar(out: &mut Out, doc: &JourneyDoc, w: &PageWords, votes: bool) {
    out.raw(r#"<header class="bar">"#);
    out.element("h1", r#" dir="auto""#, &doc.journey.name);
    out.raw(r#"<div class="tools">"#);
    out.texts.add(w.search);
    let search = escape(w.search);
    out.raw(&format!(
        r#"<span class="find"><input type="search" id="search" aria-label="{search}" placeholder="{search}" autocomplete="off" spellcheck="false"><span id="found" role="status"></span></span><span class="buttons">"#
    ));
    out.raw(&format!(r#"<span class="group" role="group" aria-label="{}">"#, escape(w.zoom)));
    out.button("zoom-out", "−", w.zoom_out, "");
    out.raw(r#"<output id="zoom-level">100 %</output>"#);
    out.texts.add("0123456789 %");
    out.button("zoom-in", "+", w.zoom_in, "");
    out.element("button", r#" type="button" id="fit""#, w.fit);
    out.raw("</span>");
    out.raw(&format!(r#"<span class="group" role="group" aria-label="{}">"#, escape(w.phase_by_phase)));
    out.button("phase-prev", "‹", w.previous_phase, "");
    out.element("button", r#" type="button" id="phases" aria-pressed="false""#, w.phase_by_phase);
    out.button("phase-next", "›", w.next_phase, "");
    out.raw(r#"<span id="phase-now" hidden></span></span>"#);
    if !doc.personas.is_empty() {
        out.element("button", r#" type="button" id="open-personas" aria-controls="personas" aria-expanded="false""#, w.personas);
    }
    if votes {
        out.element("button", r#" type="button" id="open-votes" aria-controls="votes" aria-expanded="false""#, w.vote_results);
    }
    out.raw("</span></div></header>\n");
}

/// The details of a card, filled in by the script when one is opened.
pub fn details(out: &mut Out, w: &PageWords) {
    out.raw(r#"<aside id="details" class="panel" hidden aria-labelledby="details-title"><div class="panel-head"><h2 id="details-title" tabindex="-1" dir="auto"></h2>"#);
    out.button("close-details", "×", w.close, r#" class="close""#);
    out.raw(r#"</div><p class="where"></p><p class="notes pre" dir="auto"></p><dl></dl></aside>"#);
    out.raw("\n");
    for word in [w.phase, w.row, w.notes, w.channel, w.tags, w.votes, w.emotion] {
        out.texts.add(word);
    }
}

pub fn personas(out: &mut Out, doc: &JourneyDoc, w: &PageWords) {
    if doc.personas.is_empty() {
        return;
    }
    out.raw(r#"<aside id="personas" class="panel" hidden aria-labelledby="personas-title"><div class="panel-head">"#);
    out.element("h2", r#" id="personas-title""#, w.personas);
    out.button("close-personas", "×", w.close, r#" class="close""#);
    out.raw("</div>");
    for p in &doc.personas {
        out.raw(r#"<article class="persona">"#);
        // Only a picture as the core stores one: a JPEG in the page itself.
        if let Some(picture) = p.picture.as_deref().filter(|url| url.starts_with("data:image/jpeg;base64,")) {
            out.raw(&format!(r#"<img src="{}" alt="">"#, escape(picture)));
        }
        out.element("h3", r#" dir="auto""#, &p.name);
        if !p.role.trim().is_empty() {
            out.element("p", r#" class="role" dir="auto""#, &p.role);
        }
        if !p.quote.trim().is_empty() {
            out.element("blockquote", r#" class="pre" dir="auto""#, p.quote.trim());
        }
        for (heading, text) in [(w.goals, &p.goals), (w.frustrations, &p.frustrations)] {
            if !text.trim().is_empty() {
                out.element("h4", "", heading);
                out.element("p", r#" class="pre" dir="auto""#, text.trim());
            }
        }
        out.raw("</article>");
    }
    out.raw("</aside>\n");
}

/// The cards with votes, most first (ties in reading order), and who voted.
pub fn votes(out: &mut Out, doc: &JourneyDoc, cards: &[Visible], w: &PageWords) {
    out.raw(r#"<aside id="votes" class="panel" hidden aria-labelledby="votes-title"><div class="panel-head">"#);
    out.element("h2", r#" id="votes-title""#, w.vote_results);
    out.button("close-votes", "×", w.close, r#" class="close""#);
    out.raw("</div>");
    if let Some(vote) = doc.vote.as_ref().filter(|v| !v.participants.is_empty()) {
        let said = w.voters.replace("{n}", &vote.participants.len().to_string()).replace("{of}", &vote.dots_per_participant.to_string());
        out.element("p", r#" class="where""#, &said);
    }
    let mut ranked: Vec<(usize, &Visible)> = cards.iter().enumerate().filter(|(_, v)| v.card.votes > 0).collect();
    ranked.sort_by_key(|(i, v)| (std::cmp::Reverse(v.card.votes), *i));
    out.raw(r#"<ol class="ranking">"#);
    for (i, v) in ranked {
        out.raw(&format!(r#"<li><button type="button" data-card="{i}" dir="auto">"#));
        out.text(&v.card.title);
        out.raw(r#"</button> <span class="count">"#);
        let count = if v.card.votes == 1 { w.one_vote.to_string() } else { w.many_votes.replace("{n}", &v.card.votes.to_string()) };
        out.text(&count);
        out.raw("</span></li>");
    }
    out.raw("</ol></aside>\n");
}

/// Every card in reading order, each a button that opens its details, saying its phase and row.
pub fn card_list(out: &mut Out, doc: &JourneyDoc, cards: &[Visible], w: &PageWords) {
    out.raw(r#"<section class="sr-only" aria-labelledby="cards-title">"#);
    out.element("h2", r#" id="cards-title""#, w.all_cards);
    out.raw(r#"<ol id="card-list">"#);
    for (i, v) in cards.iter().enumerate() {
        out.raw(&format!(r#"<li><button type="button" data-card="{i}"><span dir="auto">"#));
        out.text(&v.card.title);
        out.raw(r#"</span><span class="where"> · "#);
        let (phase, row) = (&doc.phases[v.phase].title, &doc.rows[v.row].title);
        out.text(&format!("{}: {phase} · {}: {row}", w.phase, w.row));
        out.raw("</span></button></li>");
    }
    out.raw("</ol></section>\n");
}
