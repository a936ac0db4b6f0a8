//! The first sheet of an .xlsx workbook as a table of cards: the same columns, rules and messages
//! as a CSV (`csv_import::import_table`), with the sheet, row and column letter said as the
//! spreadsheet program shows them.

use std::io::Cursor;

use calamine::{Reader, Xlsx};

use super::csv_import::{import_table, Place, Record, Table};
use super::Imported;
use crate::error::{Error, Result};
use crate::said;
use crate::said::Said;

/// What a workbook may unpack to. A card list of 50,000 cards is a few tens of MB of XML; a
/// file that claims more is a zip bomb, refused before anything is unpacked.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;

/// An .xlsx file starts as every zip archive does.
pub fn looks_like_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Reads the first sheet of an .xlsx workbook into a new journey called `name`.
pub fn import_xlsx(bytes: &[u8], source: &str, name: &str, locale: &str) -> Result<Imported> {
    let err = |problem: Said| Error::Import { source_name: source.into(), problem };
    let not_a_workbook = |detail: String| {
        err(said!(
            "is not an .xlsx workbook that can be read ({detail}); save it again as .xlsx or as CSV",
            "is geen leesbare .xlsx-werkmap ({detail}); sla hem opnieuw op als .xlsx of als CSV"
        ))
    };
    if is_opendocument(bytes) {
        return Err(err(said!(
            "is an OpenDocument spreadsheet (.ods); Journeywall reads .xlsx and CSV: save it as one of those \
             (in LibreOffice: File → Save As)",
            "is een OpenDocument-rekenblad (.ods); Journeywall leest .xlsx en CSV: sla het op als een van die twee \
             (in LibreOffice: Bestand → Opslaan als)"
        )));
    }
    let unpacked = unpacked_size(bytes).map_err(|e| not_a_workbook(e.to_string()))?;
    if unpacked > MAX_UNPACKED_BYTES {
        let (mb, max) = (unpacked >> 20, MAX_UNPACKED_BYTES >> 20);
        return Err(err(said!(
            "unpacks to {mb} MB; a workbook of cards may unpack to at most {max} MB",
            "pakt uit tot {mb} MB; een werkmap met kaarten mag uitpakken tot hoogstens {max} MB"
        )));
    }
    // The reader we use panics on some damaged workbooks (a cell reference whose column overflows,
    // found by tests/fuzz.rs): that is a damaged file to refuse, not a reason to stop the app.
    let read = std::panic::catch_unwind(|| -> Result<(String, calamine::Range<calamine::Data>)> {
        let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| not_a_workbook(e.to_string()))?;
        let Some(sheet) = book.sheet_names().first().cloned() else {
            return Err(err(said!("has no sheets", "heeft geen bladen")));
        };
        let range = book
            .worksheet_range(&sheet)
            .map_err(|e| err(said!("sheet '{sheet}' cannot be read ({e})", "blad '{sheet}' kan niet worden gelezen ({e})")))?;
        Ok((sheet, range))
    });
    let (sheet, range) = read.map_err(|_| not_a_workbook("damaged".into()))??;
    // Rows and columns as the sheet numbers them: the used range may start below row 1 or right
    // of column A.
    let (top, left) = range.start().map_or((0, 0), |(r, c)| (r as usize, c as usize));
    let text = |row: &[calamine::Data]| -> Vec<String> {
        std::iter::repeat_n(String::new(), left).chain(row.iter().map(|d| d.to_string())).collect()
    };
    if range.is_empty() {
        return Err(err(said!(
            "sheet '{sheet}' is empty; a row must name the columns (phase, row, title, …)",
            "blad '{sheet}' is leeg; een rij moet de kolommen noemen (fase, rij, titel, …)"
        )));
    }
    let mut records = range.rows().enumerate().map(|(i, row)| -> Record { Ok((top + i + 1, text(row))) });
    let table = Table { source, name, locale, place: Place::Sheet(&sheet), description: String::new() };
    import_table(table, &mut records)
}

/// An OpenDocument file is a zip too, whose first entry, stored as it is, names its kind.
fn is_opendocument(bytes: &[u8]) -> bool {
    bytes.get(30..38) == Some(b"mimetype") && bytes.get(38..84).is_some_and(|kind| kind.starts_with(b"application/vnd.oasis.opendocument"))
}

/// What the archive's entries say they unpack to, together.
fn unpacked_size(bytes: &[u8]) -> zip::result::ZipResult<u64> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))?;
    (0..archive.len()).try_fold(0u64, |total, i| Ok(total.saturating_add(archive.by_index_raw(i)?.size())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::workbook;
    use crate::said::Lang;

    #[test]
    fn the_first_sheet_of_a_workbook_imports_like_a_csv_wherever_its_table_starts() {
        let book = workbook(
            "Blad1",
            (1, 1),
            &[
                &["Fase", "Rij", "Titel", "Emotie", "Stemmen"],
                &["Oriëntatie", "Touchpoints", "Zoekt op Google", "", "3"],
                &["Aankoop", "Emoties", "Blij met de prijs", "2", ""],
                &["Aankoop", "Emoties", "Schrikt van de verzendkosten", "-1", ""],
            ],
        );
        let doc = crate::interchange::import_file(&book, "post-its.xlsx", None, crate::interchange::Ids::New, "nl").unwrap().doc;
        assert_eq!(doc.journey.name, "post-its");
        assert_eq!(doc.phases.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(), ["Oriëntatie", "Aankoop"]);
        assert_eq!(doc.cards.len(), 3);
        assert_eq!(doc.cards.iter().map(|c| (c.emotion, c.votes)).collect::<Vec<_>>(), [(None, 3), (Some(2), 0), (Some(-1), 0)]);
        assert_eq!(doc.rows[1].kind, crate::model::RowKind::Emotion, "a row of scored cards is the emotion curve");
        // Saved without its extension, or as ".csv" by mistake, it is still read as a workbook.
        assert_eq!(
            crate::interchange::import_file(&book, "post-its.csv", None, crate::interchange::Ids::New, "nl").unwrap().doc.cards.len(),
            3
        );
    }

    /// Files LibreOffice 7.4 saved (`soffice --headless --convert-to xlsx|ods` of a CSV), not
    /// built by us: the workbook imports with its notes and scripts; the .ods and the .xls are
    /// named for what they are.
    #[test]
    fn a_workbook_saved_by_libreoffice_imports_and_its_ods_and_xls_are_named() {
        let book = include_bytes!("../../tests/files/libreoffice-7.4.xlsx");
        let doc = crate::interchange::import_file(book, "notes.xlsx", None, crate::interchange::Ids::New, "nl").unwrap().doc;
        let cards: Vec<_> = doc.cards.iter().map(|c| (c.title.as_str(), c.notes.as_str(), c.emotion)).collect();
        assert_eq!(
            cards,
            [
                ("Zoekt op Google 🚲", "", None),
                ("Blij met de prijs", "Zei: \"goedkoper dan verwacht\"", Some(2)),
                ("Verzendkosten € 6,95", "", Some(-1)),
                ("שלום — pakket kwijt", "مرحبا", Some(-2)),
            ]
        );
        let ods = include_bytes!("../../tests/files/libreoffice-7.4.ods");
        let e = crate::interchange::import_file(ods, "notes.ods", None, crate::interchange::Ids::New, "nl").unwrap_err();
        assert_eq!(e.message(Lang::En), "notes.ods: is an OpenDocument spreadsheet (.ods); Journeywall reads .xlsx and CSV: save it as one of those (in LibreOffice: File → Save As)");
        let xls = include_bytes!("../../tests/files/libreoffice-7.4.xls");
        let e = crate::interchange::import_file(xls, "notes.xls", None, crate::interchange::Ids::New, "nl").unwrap_err();
        assert_eq!(
            e.message(Lang::Nl),
            "notes.xls: is een Excel 97–2003-werkmap (.xls); Journeywall leest .xlsx en CSV: sla hem op als een van die twee"
        );
    }

    /// A workshop's workbook often has a title and a date above its table: the table is read
    /// from the first row that names columns, and the import says which row that was.
    #[test]
    fn a_title_above_the_table_is_passed_over_and_the_header_row_is_named() {
        let book = workbook(
            "Blad1",
            (0, 0),
            &[
                &["Post-its workshop fietsenwinkel, 12 maart", "", ""],
                &["", "", ""],
                &["Fase", "Rij", "Titel"],
                &["Oriëntatie", "Acties", "Zoekt een e-bike"],
                &["Aankoop", "Acties", "Bestelt online"],
            ],
        );
        let imported = crate::interchange::import_file(&book, "post-its.xlsx", None, crate::interchange::Ids::New, "nl").unwrap();
        let titles: Vec<_> = imported.doc.cards.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(titles, ["Zoekt een e-bike", "Bestelt online"]);
        assert_eq!(imported.remarks.len(), 1, "{:?}", imported.remarks);
        assert_eq!(
            imported.remarks[0].get(Lang::En),
            "Read sheet 'Blad1', row 3 as the header naming the columns; what stands above it was not imported."
        );
        assert_eq!(
            imported.remarks[0].get(Lang::Nl),
            "Als kopregel met de kolomnamen is blad 'Blad1', rij 3 gelezen; wat erboven staat, is niet geïmporteerd."
        );
        // A table that starts at the top has nothing to say.
        let plain = workbook("Blad1", (0, 0), &[&["phase", "row", "title"], &["A", "B", "C"]]);
        assert!(import_xlsx(&plain, "p.xlsx", "p", "en").unwrap().remarks.is_empty());
        // A sheet with no row naming a column is still refused by what its first row holds.
        let none = workbook("Blad1", (0, 0), &[&["Post-its workshop"], &["Zoekt een e-bike"]]);
        let e = import_xlsx(&none, "p.xlsx", "p", "en").unwrap_err().to_string();
        assert!(e.starts_with("p.xlsx: sheet 'Blad1', row 1, column A: unknown column 'Post-its workshop'"), "{e}");
    }

    #[test]
    fn a_bad_value_is_named_by_sheet_row_and_column_letter_in_either_language() {
        let book = workbook(
            "Workshop",
            (0, 0),
            &[
                &["phase", "row", "title", "notes", "emotion"],
                &["Buy", "Feelings", "Happy", "", "1"],
                &["Buy", "Feelings", "Ecstatic", "", "7"],
            ],
        );
        let e = import_xlsx(&book, "notes.xlsx", "notes", "en").unwrap_err();
        assert_eq!(
            e.message(Lang::En),
            "notes.xlsx: sheet 'Workshop', row 3, column E (emotion): expected a whole number from -2 to +2, found '7'"
        );
        assert_eq!(
            e.message(Lang::Nl),
            "notes.xlsx: blad 'Workshop', rij 3, kolom E (emotie): verwacht werd een geheel getal van -2 tot +2, niet '7'"
        );
        let no_title = workbook("Workshop", (2, 4), &[&["phase", "row"], &["Buy", "Feelings"]]);
        let e = import_xlsx(&no_title, "notes.xlsx", "notes", "en").unwrap_err().to_string();
        assert!(e.starts_with("notes.xlsx: sheet 'Workshop', row 5: the header has no 'title' column"), "{e}");
    }

    #[test]
    fn a_damaged_workbook_or_a_zip_bomb_is_refused_before_it_is_unpacked() {
        let e = import_xlsx(b"PK\x03\x04 and then nothing", "notes.xlsx", "notes", "en").unwrap_err().to_string();
        assert!(e.starts_with("notes.xlsx: is not an .xlsx workbook that can be read ("), "{e}");
        // An entry that claims to unpack to 4 GB (its size in the central directory).
        let mut book = workbook("Blad1", (0, 0), &[&["phase", "row", "title"], &["A", "B", "C"]]);
        let central = book.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
        book[central + 24..central + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        let e = import_xlsx(&book, "bomb.xlsx", "bomb", "en").unwrap_err().to_string();
        assert!(e.starts_with("bomb.xlsx: unpacks to 4096 MB; a workbook of cards may unpack to at most 256 MB"), "{e}");
    }
}
