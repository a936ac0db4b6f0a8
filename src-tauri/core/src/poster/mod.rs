//! Wall posters: the journey laid out once in millimetres, planned onto one sheet or many, and
//! drawn as PDF (to print) or SVG (to preview, or to take into other tools); and the same map as
//! one HTML page to explore in a browser (`html`).

mod captions;
mod curve;
mod font;
mod glyphs;
mod html;
mod layout;
mod measure;
mod options;
mod palette;
mod paper;
mod pdf;
mod png;
mod shapes;
mod sheets;
mod subset;
mod svg;
mod tiling;
mod webfont;
mod words;

use std::path::Path;

use serde::Serialize;

pub use html::page as html_page;
pub use options::{Orientation, PosterMode, PosterOptions, PosterSize};
pub use paper::{office_paper, paper_names, parse_length, parse_percent};
// What a slide deck shares with the poster (`interchange::pptx_export`): the emotion curve, the
// poster's own words, and text measured in the poster's faces.
pub(crate) use curve::smooth;
pub(crate) use font::Weight;
pub(crate) use glyphs::is_rtl;
pub(crate) use measure::Measure;
pub(crate) use palette::{card_fill, CURVE, EMOTION_COLOURS, INK, MUTED, PHASE_FILL, ROW_FILL, RULE, VOTE};
pub(crate) use shapes::{Colour, Rect, Segment};
pub(crate) use svg::escape_into;
pub(crate) use words::{date, letters, words, Words};

use crate::model::JourneyDoc;
use crate::named::named;
use crate::said::Field;
use crate::{files, said, Error, Lang, Result};

/// What the dialog shows about a poster before it is written.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PosterInfo {
    /// "3 × 2 sheets of A4 → 84 × 59 cm", in the language asked for.
    pub summary: String,
    pub sheet_name: String,
    pub sheets_across: u32,
    pub sheets_down: u32,
    pub pages: u32,
    pub width_mm: f32,
    pub height_mm: f32,
    pub scale_percent: f32,
    /// Pixel size of the poster as PNG at the chosen dpi.
    pub png_width: u32,
    pub png_height: u32,
    /// Text with characters no bundled font can draw: these print as empty boxes.
    pub unprintable: Vec<Unprintable>,
    /// The same said for the person printing, in the language asked for.
    pub warning: Option<String>,
}

/// A piece of the journey with characters that cannot be printed.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Unprintable {
    /// What it is, as the journey has it: a card's title (or the start of it), a phase, a row.
    pub title: String,
    /// The characters, each once.
    pub chars: String,
}

/// "2 texts contain characters that cannot be printed …", or None when all can be.
fn warning(unprintable: &[Unprintable], lang: Lang) -> Option<String> {
    let first = unprintable.first()?;
    let chars: String = unprintable.iter().flat_map(|u| u.chars.chars()).fold(String::new(), |mut all, c| {
        if !all.contains(c) {
            all.push(c);
        }
        all
    });
    let n = unprintable.len();
    let s = match (lang, n) {
        (Lang::En, 1) => format!("“{}” contains characters that cannot be printed ({chars}): they print as empty boxes.", first.title),
        (Lang::En, _) => format!(
            "{n} texts contain characters that cannot be printed ({chars}), among them “{}”: they print as empty boxes.",
            first.title
        ),
        (Lang::Nl, 1) => format!("“{}” bevat tekens die niet gedrukt kunnen worden ({chars}): ze worden lege vakjes.", first.title),
        (Lang::Nl, _) => format!(
            "{n} teksten bevatten tekens die niet gedrukt kunnen worden ({chars}), waaronder “{}”: ze worden lege vakjes.",
            first.title
        ),
    };
    Some(s)
}

named! {
    pub enum Format {
        Pdf = "pdf",
        Svg = "svg",
        Png = "png",
    }
}

impl Format {
    pub fn extension(self) -> &'static str {
        self.code()
    }

    /// From the file name the poster is to be written to.
    pub fn of(path: &Path) -> Result<Format> {
        path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref().and_then(Format::from_code).ok_or_else(|| {
            Error::invalid(
                Field::Out,
                said!("{path} must end in .pdf, .svg or .png", "{path} moet eindigen op .pdf, .svg of .png", path = path.display()),
            )
        })
    }
}

/// A journey laid out and planned onto paper, ready to draw.
pub struct Poster {
    layout: layout::Layout,
    plan: tiling::Plan,
    description: String,
    /// When it was made, in ms since 1970.
    made: i64,
    dpi: u32,
    unprintable: Vec<Unprintable>,
}

impl Poster {
    /// Checks the options and lays the journey out; `now` (ms since 1970) is the date printed.
    pub fn new(doc: &JourneyDoc, options: &PosterOptions, now: i64) -> Result<Poster> {
        let checked = options.check()?;
        let square_cards = matches!(options.size, PosterSize::CardSize { .. });
        let layout_options = layout::LayoutOptions {
            notes: options.notes,
            questions: options.questions,
            grayscale: options.grayscale,
            square_cards,
            votes: !doc.vote.as_ref().is_some_and(|v| v.hidden),
        };
        let mut layout = layout::lay_out(doc, layout_options, now);
        let mut plan = tiling::plan(&layout, &checked)?;
        // A tiled poster's footer goes whole onto one sheet; what the sheets show is planned again.
        if let Some(tiles) = &plan.tiles {
            let seams: Vec<f32> = tiles.xs.iter().skip(1).map(|x| x / plan.scale).collect();
            if layout.keep_footer_whole(&seams) {
                plan = tiling::plan(&layout, &checked)?;
            }
        }
        Ok(Poster {
            layout,
            plan,
            description: doc.journey.description.clone(),
            made: now,
            dpi: options.dpi,
            unprintable: unprintable(doc, options),
        })
    }

    /// What the poster will be; the summary in `lang` (the dialog's language, not the journey's).
    pub fn info(&self, lang: Lang) -> PosterInfo {
        let (png_width, png_height) = png::pixels(self.plan.poster_w, self.plan.poster_h, self.dpi);
        let (across, down) = self.plan.tiles.as_ref().map_or((1, 1), |t| (t.cols() as u32, t.rows() as u32));
        PosterInfo {
            summary: sheets::summary(&self.plan, lang),
            sheet_name: self.plan.sheet_name.clone(),
            sheets_across: across,
            sheets_down: down,
            pages: self.plan.tiles.as_ref().map_or(1, |t| t.printed_count() as u32 + 1),
            width_mm: self.plan.poster_w,
            height_mm: self.plan.poster_h,
            scale_percent: self.plan.scale * 100.0,
            png_width,
            png_height,
            unprintable: self.unprintable.clone(),
            warning: warning(&self.unprintable, lang),
        }
    }

    pub fn pdf(&self) -> Vec<u8> {
        let lang = self.layout.lang.code();
        let about = pdf::About { title: &self.layout.name, subject: &self.description, created: self.made.div_euclid(1000), lang };
        pdf::render(&self.layout, &sheets::pages(&self.layout, &self.plan), &about)
    }

    /// Refuses, before anything is drawn or a file is asked for, what this poster cannot be
    /// written as (a PNG beyond the pixel budget).
    pub fn check_format(&self, format: Format) -> Result<()> {
        match format {
            Format::Png => png::check_size(self.plan.poster_w, self.plan.poster_h, self.dpi).map(|_| ()),
            Format::Pdf | Format::Svg => Ok(()),
        }
    }

    /// The whole poster at its finished size as PNG, at the options' dpi.
    pub fn png(&self) -> Result<Vec<u8>> {
        png::render(&self.layout, self.plan.scale, (self.plan.poster_w, self.plan.poster_h), self.dpi)
    }

    /// The poster as SVG; with `grid`, the sheets of a tiled poster drawn over it (the preview).
    pub fn svg(&self, grid: bool) -> String {
        svg::render(&self.layout, &self.plan, grid)
    }

    /// Writes the poster to `path` as PDF or SVG (by its extension), all or nothing.
    pub fn write(&self, path: &Path) -> Result<()> {
        files::write_atomically(path, &self.bytes(Format::of(path)?)?)
    }

    /// The poster as a file of `format` holds it.
    pub fn bytes(&self, format: Format) -> Result<Vec<u8>> {
        Ok(match format {
            Format::Pdf => self.pdf(),
            Format::Svg => self.svg(false).into_bytes(),
            Format::Png => self.png()?,
        })
    }
}

/// Every text the poster prints that has a character no bundled face draws.
fn unprintable(doc: &JourneyDoc, options: &PosterOptions) -> Vec<Unprintable> {
    let short = |s: &str| -> String {
        let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
        match flat.char_indices().nth(40) {
            Some((at, _)) => format!("{}…", &flat[..at]),
            None => flat,
        }
    };
    let mut found = Vec::new();
    let mut check = |title: &str, texts: &[&str]| {
        // Each character once over all the texts, as in one text.
        let chars: String = font::unprintable(&texts.concat()).into_iter().collect();
        if !chars.is_empty() {
            found.push(Unprintable { title: short(title), chars });
        }
    };
    check(&doc.journey.name, &[&doc.journey.name, &doc.journey.description]);
    for p in &doc.phases {
        check(&p.title, &[&p.title, if options.questions { &p.question } else { "" }]);
    }
    // What the poster prints: the visible rows and their cards, the first three personas.
    let hidden: Vec<_> = doc.rows.iter().filter(|r| r.hidden).map(|r| r.id).collect();
    for r in doc.rows.iter().filter(|r| !r.hidden) {
        check(&r.title, &[&r.title]);
    }
    for c in doc.cards.iter().filter(|c| !hidden.contains(&c.row)) {
        let notes = if options.notes { c.notes.as_str() } else { "" };
        check(&c.title, &[&c.title, notes, c.channel.as_deref().unwrap_or("")]);
    }
    for p in doc.personas.iter().take(layout::PERSONAS_PRINTED) {
        check(&p.name, &[&p.name, &p.role, &p.quote]);
    }
    found
}
