//! Wall posters: the journey laid out once in millimetres, planned onto one sheet or many, and
//! drawn as PDF (to print) or SVG (to preview, or to take into other tools).

mod font;
mod layout;
mod options;
mod paper;
mod pdf;
mod shapes;
mod sheets;
mod svg;
mod tiling;
mod words;

use std::path::Path;

use serde::Serialize;

pub use options::{Orientation, PosterMode, PosterOptions, PosterSize};
pub use paper::{paper_names, parse_length, parse_percent};

use crate::model::JourneyDoc;
use crate::said::Field;
use crate::{files, said, Error, Result};

/// What the dialog shows about a poster before it is written.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PosterInfo {
    /// "3 × 2 sheets of A4 → 84 × 59 cm", in the journey's language.
    pub summary: String,
    pub sheet_name: String,
    pub sheets_across: u32,
    pub sheets_down: u32,
    pub pages: u32,
    pub width_mm: f32,
    pub height_mm: f32,
    pub scale_percent: f32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Pdf,
    Svg,
}

impl Format {
    /// From the file name the poster is to be written to.
    pub fn of(path: &Path) -> Result<Format> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("pdf") => Ok(Format::Pdf),
            Some("svg") => Ok(Format::Svg),
            _ => Err(Error::invalid(
                Field::Out,
                said!("{path} must end in .pdf or .svg", "{path} moet eindigen op .pdf of .svg", path = path.display()),
            )),
        }
    }
}

/// A journey laid out and planned onto paper, ready to draw.
pub struct Poster {
    layout: layout::Layout,
    plan: tiling::Plan,
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
        let layout = layout::lay_out(doc, layout_options, now);
        let plan = tiling::plan(&layout, &checked)?;
        Ok(Poster { layout, plan })
    }

    pub fn info(&self) -> PosterInfo {
        let (across, down) = self.plan.tiles.as_ref().map_or((1, 1), |t| (t.cols() as u32, t.rows() as u32));
        PosterInfo {
            summary: sheets::summary(&self.plan, &self.layout.locale),
            sheet_name: self.plan.sheet_name.clone(),
            sheets_across: across,
            sheets_down: down,
            pages: if self.plan.tiles.is_some() { across * down + 1 } else { 1 },
            width_mm: self.plan.poster_w,
            height_mm: self.plan.poster_h,
            scale_percent: self.plan.scale * 100.0,
        }
    }

    pub fn pdf(&self) -> Vec<u8> {
        pdf::render(&self.layout, &sheets::pages(&self.layout, &self.plan), &self.layout.name)
    }

    /// The poster as SVG; with `grid`, the sheets of a tiled poster drawn over it (the preview).
    pub fn svg(&self, grid: bool) -> String {
        svg::render(&self.layout, &self.plan, grid)
    }

    /// Writes the poster to `path` as PDF or SVG (by its extension), all or nothing.
    pub fn write(&self, path: &Path) -> Result<()> {
        let bytes = match Format::of(path)? {
            Format::Pdf => self.pdf(),
            Format::Svg => self.svg(false).into_bytes(),
        };
        files::write_atomically(path, &bytes)
    }
}
