//! Which file a journey is exported to, told by the name's extension: our JSON file, a workbook
//! or a CSV of its cards, the map as one HTML page, or a slide deck. The CLI and the app write
//! exports through here, as every file is written (`files::write_atomically`).

use std::path::Path;

use super::table_export::{to_csv, Delimiter};
use super::xlsx_export::to_xlsx;
use crate::error::{Error, Result};
use crate::model::JourneyDoc;
use crate::named::named;
use crate::said;
use crate::said::Field;

named! {
    /// A kind of export file. On the wire it is named by its extension (the app's File → Export as…
    /// sends `"pptx"`); in the bindings it is `ExportFormat`, beside the poster's own `Format`.
    #[serde(rename = "ExportFormat")]
    pub enum Format {
        /// The Journeywall file: the whole journey (docs/FILE-FORMAT.md).
        Json = "json",
        /// The cards, phases and personas for Excel.
        Xlsx = "xlsx",
        /// The cards, for any spreadsheet.
        Csv = "csv",
        /// The map as one page to open in a browser (`poster::html_page`).
        Html = "html",
        /// A slide deck of the journey, for PowerPoint and the like.
        Pptx = "pptx",
    }
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Json, Format::Xlsx, Format::Csv, Format::Html, Format::Pptx];

    pub fn extension(self) -> &'static str {
        self.code()
    }

    /// The format a file's name asks for; another extension is refused with the known ones.
    pub fn of(path: &Path) -> Result<Format> {
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        ext.as_deref().and_then(Format::from_code).ok_or_else(|| {
            let known = Format::ALL.map(|f| format!(".{}", f.extension()));
            let (list, list_nl) = (known.join(", "), known.join(", "));
            Error::invalid(
                Field::Out,
                said!("{path} must end in one of {list}", "{path} moet eindigen op een van {list_nl}", path = path.display()),
            )
        })
    }
}

/// The file `format` makes of `doc`; `delimiter` is a CSV's.
pub fn export(doc: &JourneyDoc, format: Format, delimiter: Delimiter) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Json => super::to_json(doc).into_bytes(),
        Format::Xlsx => to_xlsx(doc)?,
        Format::Csv => to_csv(doc, delimiter),
        Format::Html => crate::poster::html_page(doc, crate::model::now_millis()).into_bytes(),
        Format::Pptx => super::to_pptx(doc)?,
    })
}

/// Writes `doc` to `path` in the format its extension names, without ever leaving half a file.
pub fn write_export(doc: &JourneyDoc, path: &Path, delimiter: Delimiter) -> Result<()> {
    let bytes = export(doc, Format::of(path)?, delimiter)?;
    crate::files::write_atomically(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_is_the_extension_and_another_is_refused_with_the_list() {
        assert_eq!(Format::of(Path::new("Reis.XLSX")).unwrap(), Format::Xlsx);
        assert_eq!(Format::of(Path::new("a.b/reis.csv")).unwrap(), Format::Csv);
        assert_eq!(Format::of(Path::new("reis.json")).unwrap(), Format::Json);
        assert_eq!(Format::of(Path::new("Reis.PPTX")).unwrap(), Format::Pptx);
        let e = Format::of(Path::new("reis.txt")).unwrap_err();
        assert_eq!(e.to_string(), "out: reis.txt must end in one of .json, .xlsx, .csv, .html, .pptx");
        assert_eq!(e.message(crate::Lang::Nl), "bestand: reis.txt moet eindigen op een van .json, .xlsx, .csv, .html, .pptx");
        assert!(Format::of(Path::new("reis")).is_err());
    }
}
