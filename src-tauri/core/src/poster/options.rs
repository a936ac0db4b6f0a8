//! What the person printing chooses. The dialog and the CLI fill in the same struct, and one
//! function checks it, so both refuse the same things with the same words.

use serde::{Deserialize, Serialize};

use super::paper::{parse_paper, positive_length, Paper};
use crate::fields::ensure;
use crate::said;
use crate::said::dutch_number;
use crate::said::Field;
use crate::{Error, Result};

/// The longest page a PDF viewer accepts (200 inches).
pub(super) const MAX_PAGE_MM: f32 = 5080.0;
/// What a PNG may be drawn at: below 36 dpi a poster is a thumbnail, above 1200 no printer gains.
pub const MIN_DPI: u32 = 36;
pub const MAX_DPI: u32 = 1200;
/// Below this, the assembly page and the sheet labels have no room.
const MIN_TILE_MM: f32 = 100.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct PosterOptions {
    /// A paper name ("A0", "Letter", "Arch D"), a size ("420x297mm"), or "fit": one sheet exactly
    /// as big as the poster (for plotters on a roll).
    pub sheet: String,
    pub orientation: Orientation,
    /// White border kept free on every sheet, in mm (printers cannot print to the edge).
    pub margin_mm: f32,
    pub mode: PosterMode,
    pub size: PosterSize,
    /// Tiled: how far neighbouring sheets overlap, to glue one onto the other, in mm.
    pub overlap_mm: f32,
    pub cut_marks: bool,
    /// Print the cards' notes under their titles.
    pub notes: bool,
    /// Print the phases' guiding questions in the header band.
    pub questions: bool,
    pub grayscale: bool,
    /// Dots per inch of a PNG.
    pub dpi: u32,
}

impl Default for PosterOptions {
    fn default() -> Self {
        PosterOptions {
            sheet: "A0".into(),
            orientation: Orientation::Auto,
            margin_mm: 10.0,
            mode: PosterMode::Single,
            size: PosterSize::Fit,
            overlap_mm: 10.0,
            cut_marks: true,
            notes: false,
            questions: true,
            grayscale: false,
            dpi: 150,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum Orientation {
    Auto,
    Portrait,
    Landscape,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum PosterMode {
    /// The whole journey on one sheet.
    Single,
    /// The journey over as many sheets as it needs, to be trimmed and glued.
    Tiled,
}

/// How big the printed journey is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", tag = "by")]
pub enum PosterSize {
    /// As big as fits the sheet (single sheet only).
    Fit,
    /// The finished poster is this wide.
    Width { mm: f32 },
    /// 100 % prints the journey at its design size (a 100 % phase is 70 mm wide).
    Scale { percent: f32 },
    /// The poster is this many sheets wide (tiled only).
    Across { sheets: u32 },
    /// Cards are printed this wide and as tall as wide, like paper sticky notes; text that does
    /// not fit ends in an ellipsis.
    CardSize { mm: f32 },
}

/// The options after checking: the paper resolved and every number known to be usable.
#[derive(Debug, Clone)]
pub struct Checked {
    /// None when the sheet is "fit".
    pub paper: Option<Paper>,
    pub options: PosterOptions,
}

impl PosterOptions {
    /// Refuses options that cannot make a poster, naming the option (as the CLI spells it).
    pub fn check(&self) -> Result<Checked> {
        let fit_sheet = self.sheet.trim().eq_ignore_ascii_case("fit");
        let paper = if fit_sheet { None } else { Some(parse_paper(Field::Sheet, &self.sheet)?) };
        ensure(self.margin_mm.is_finite() && self.margin_mm >= 0.0, Field::Margin, || {
            said!("must be zero or more", "moet nul of meer zijn")
        })?;
        ensure((MIN_DPI..=MAX_DPI).contains(&self.dpi), Field::Dpi, || {
            said!("must be from {low} to {high}", "moet van {low} tot {high} zijn", low = MIN_DPI, high = MAX_DPI)
        })?;
        // A paper's sides and the margin are finite from here on, so each refusal below is the
        // comparison's opposite.
        if let Some(p) = &paper {
            ensure(p.height <= MAX_PAGE_MM, Field::Sheet, || {
                said!(
                    "{name} is longer than a PDF page may be (5.08 m)",
                    "{name} is langer dan een PDF-pagina mag zijn (5,08 m)",
                    name = &p.name
                )
            })?;
            ensure(self.margin_mm * 2.0 < p.width * 0.8, Field::Margin, || {
                said!(
                    "{margin} mm leaves too little of a {name} sheet to print on",
                    "{margin_nl} mm laat te weinig over van een vel {name} om op te drukken",
                    margin = self.margin_mm,
                    margin_nl = dutch_number(margin),
                    name = &p.name
                )
            })?;
        }
        match self.size {
            PosterSize::Fit | PosterSize::Across { .. } => {}
            PosterSize::Width { mm } => {
                positive_length(Field::Width, mm)?;
            }
            PosterSize::CardSize { mm } => {
                positive_length(Field::CardSize, mm)?;
                ensure(mm >= 20.0, Field::CardSize, || {
                    said!("cards smaller than 20 mm cannot hold readable text", "op kaarten kleiner dan 20 mm past geen leesbare tekst")
                })?;
            }
            PosterSize::Scale { percent } => {
                ensure(percent.is_finite() && percent > 0.0, Field::Scale, || said!("must be more than zero", "moet groter zijn dan nul"))?
            }
        }
        match self.mode {
            PosterMode::Single => ensure(!matches!(self.size, PosterSize::Across { .. }), Field::Across, || {
                said!("only applies to a poster tiled over several sheets", "geldt alleen voor een poster over meer vellen")
            })?,
            PosterMode::Tiled => {
                let Some(p) = &paper else {
                    return Err(Error::invalid(
                        Field::Sheet,
                        said!(
                            "a tiled poster needs a paper size, not 'fit'",
                            "een poster over meer vellen heeft een papierformaat nodig, niet 'fit'"
                        ),
                    ));
                };
                match self.size {
                    PosterSize::Fit => {
                        return Err(Error::invalid(
                            Field::Tile,
                            said!(
                                "say how big the tiled poster is: --width, --scale, --across or --card-size",
                                "zeg hoe groot de poster over meer vellen wordt: --width, --scale, --across of --card-size"
                            ),
                        ));
                    }
                    PosterSize::Across { sheets } if sheets == 0 || sheets > 100 => {
                        return Err(Error::invalid(
                            Field::Across,
                            said!("must be between 1 and 100 sheets", "moet tussen 1 en 100 vellen liggen"),
                        ));
                    }
                    _ => {}
                }
                ensure(self.overlap_mm.is_finite() && self.overlap_mm >= 0.0, Field::Overlap, || {
                    said!("must be zero or more", "moet nul of meer zijn")
                })?;
                ensure(p.width >= MIN_TILE_MM, Field::Tile, || {
                    said!(
                        "{name} is too small to tile a poster over; use sheets of at least 100 mm a side",
                        "{name} is te klein om een poster over te verdelen; gebruik vellen van minstens 100 mm per zijde",
                        name = &p.name
                    )
                })?;
                let short_side = p.width - 2.0 * self.margin_mm;
                ensure(self.overlap_mm < short_side / 2.0, Field::Overlap, || {
                    said!(
                        "{overlap} mm is half a {name} sheet or more; use less than {most} mm",
                        "{overlap_nl} mm is een half vel {name} of meer; neem minder dan {most} mm",
                        overlap = self.overlap_mm,
                        overlap_nl = dutch_number(overlap),
                        name = &p.name,
                        most = (short_side / 2.0).floor()
                    )
                })?;
            }
        }
        Ok(Checked { paper, options: self.clone() })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiled(size: PosterSize) -> PosterOptions {
        PosterOptions { sheet: "A4".into(), mode: PosterMode::Tiled, size, ..Default::default() }
    }

    #[test]
    fn defaults_are_fine() {
        let c = PosterOptions::default().check().unwrap();
        assert_eq!(c.paper.unwrap().name, "A0");
    }

    #[test]
    fn errors_name_the_option() {
        let cases = [
            (PosterOptions { sheet: "B9".into(), ..Default::default() }, "sheet:"),
            (tiled(PosterSize::Width { mm: 0.0 }), "width:"),
            (tiled(PosterSize::Width { mm: 16_000.0 }), "width:"),
            (tiled(PosterSize::Scale { percent: -5.0 }), "scale:"),
            (tiled(PosterSize::Across { sheets: 0 }), "across:"),
            (tiled(PosterSize::CardSize { mm: 5.0 }), "card-size:"),
            (tiled(PosterSize::Fit), "tile:"),
            (PosterOptions { overlap_mm: 95.0, ..tiled(PosterSize::Across { sheets: 3 }) }, "overlap:"),
            (PosterOptions { margin_mm: -1.0, ..Default::default() }, "margin:"),
            (PosterOptions { size: PosterSize::Across { sheets: 2 }, ..Default::default() }, "across:"),
            (PosterOptions { sheet: "fit".into(), ..tiled(PosterSize::Across { sheets: 2 }) }, "sheet:"),
            (PosterOptions { sheet: "60x90mm".into(), ..tiled(PosterSize::Across { sheets: 2 }) }, "tile:"),
            (PosterOptions { sheet: "1000x6000mm".into(), ..Default::default() }, "sheet:"),
        ];
        for (options, prefix) in cases {
            let e = options.check().unwrap_err().to_string();
            assert!(e.starts_with(prefix), "{options:?} gave {e}");
        }
    }

    #[test]
    fn an_overlap_just_under_half_a_sheet_is_allowed() {
        let o = PosterOptions { overlap_mm: 94.0, ..tiled(PosterSize::Across { sheets: 3 }) };
        assert!(o.check().is_ok());
    }
}
