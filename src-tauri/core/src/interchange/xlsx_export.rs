//! The journey as an Excel workbook: the cards on the first sheet, as the table the importer
//! reads (`table_export::card_table`), then a sheet of the phases and one of the personas. Each
//! sheet's header row is frozen and filtered, and its columns are as wide as their text needs.
//! Every text is written as a text cell, never as a formula, whatever it starts with.

use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};

use super::columns::{header, Column};
use super::table_export::card_table;
use crate::error::{Error, Result};
use crate::kinds::{self, Cell};
use crate::model::{JourneyDoc, Persona, Phase};
use crate::said;
use crate::said::{Field, Lang};

/// The journey as an .xlsx workbook.
pub fn to_xlsx(doc: &JourneyDoc) -> Result<Vec<u8>> {
    write(doc)
        .map_err(|e| Error::invalid(Field::Out, said!("the workbook could not be made ({e})", "de werkmap kon niet worden gemaakt ({e})")))
}

fn write(doc: &JourneyDoc) -> std::result::Result<Vec<u8>, XlsxError> {
    let lang = doc.journey.locale;
    let pick = |en: &'static str, nl: &'static str| match lang {
        Lang::En => en,
        Lang::Nl => nl,
    };
    let mut book = Workbook::new();
    book.set_properties(&DocProperties::new().set_title(&doc.journey.name));
    let styles = Styles { header: Format::new().set_bold(), text: Format::new().set_text_wrap() };

    let (names, cards) = card_table(doc);
    let widths: Vec<f64> = Column::all().map(Column::width).collect();
    table(book.add_worksheet().set_name(pick("Cards", "Kaarten"))?, &names, &widths, &cards, &styles)?;
    records(book.add_worksheet().set_name(pick("Phases", "Fasen"))?, lang, Phase::TABLE_COLUMNS, &doc.phases, &styles)?;
    records(book.add_worksheet().set_name(pick("Personas", "Persona's"))?, lang, Persona::TABLE_COLUMNS, &doc.personas, &styles)?;
    book.save_to_buffer()
}

/// A header row in bold; text that keeps its line breaks (notes, questions).
struct Styles {
    header: Format,
    text: Format,
}

/// A sheet of `records`, one a row, in the columns their declaration puts in a table.
fn records<R>(
    sheet: &mut Worksheet,
    lang: Lang,
    columns: &[kinds::Column<R>],
    records: &[R],
    styles: &Styles,
) -> std::result::Result<(), XlsxError> {
    let names: Vec<String> = columns.iter().map(|c| header(c.names, lang)).collect();
    let widths: Vec<f64> = columns.iter().map(|c| c.width).collect();
    let rows: Vec<Vec<Cell>> = records.iter().map(|r| columns.iter().map(|c| (c.cell)(r)).collect()).collect();
    table(sheet, &names, &widths, &rows, styles)
}

/// Writes a sheet: its header row (`names`), frozen and with a filter over the rows below, the
/// columns' widths, and `rows`, every text a text cell (never a formula).
fn table(
    sheet: &mut Worksheet,
    names: &[String],
    widths: &[f64],
    rows: &[Vec<Cell>],
    styles: &Styles,
) -> std::result::Result<(), XlsxError> {
    for (c, (name, width)) in names.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, c as u16, name, &styles.header)?;
        sheet.set_column_width(c as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows.len() as u32, names.len().saturating_sub(1) as u16)?;
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = ((r + 1) as u32, c as u16);
            match cell {
                Cell::Text(t) => sheet.write_string_with_format(r, c, t.as_ref(), &styles.text)?,
                Cell::Whole(n) => sheet.write_number(r, c, *n as f64)?,
                Cell::Empty => sheet,
            };
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{Reader, Xlsx};

    /// What a sheet holds, as text, read by calamine.
    fn sheet(book: &[u8], name: &str) -> Vec<Vec<String>> {
        let mut book = Xlsx::new(std::io::Cursor::new(book)).unwrap();
        book.worksheet_range(name).unwrap().rows().map(|r| r.iter().map(ToString::to_string).collect()).collect()
    }

    /// The XML of one sheet in the workbook's zip.
    fn xml(book: &[u8], part: &str) -> String {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
        std::io::read_to_string(zip.by_name(part).unwrap()).unwrap()
    }

    #[test]
    fn a_workbook_has_the_cards_then_the_phases_then_the_personas_with_frozen_filtered_headers() {
        let mut doc = crate::templates::instantiate("online-nl", Some("Fietsen")).unwrap();
        doc.cards[0].title = "=1+1".into();
        doc.personas.push(crate::model::Persona {
            id: crate::model::new_id(),
            position: doc.personas.len() as u32,
            name: "Anouk".into(),
            role: "Student".into(),
            quote: "\"Snel graag\"".into(),
            goals: "Een fiets".into(),
            frustrations: "Wachten".into(),
            picture: None,
        });
        let book = to_xlsx(&doc).unwrap();
        let names = Xlsx::new(std::io::Cursor::new(&book)).unwrap().sheet_names();
        assert_eq!(names, ["Kaarten", "Fasen", "Persona's"]);

        let cards = sheet(&book, "Kaarten");
        assert_eq!(cards[0], ["Fase", "Rij", "Titel", "Notities", "Kanaal", "Emotie", "Labels", "Kleur", "Stemmen", "Bron"]);
        assert_eq!(cards.len(), doc.cards.len() + 1);
        assert!(cards.iter().any(|r| r[2] == "=1+1"), "a title that looks like a formula stays text");
        let phases = sheet(&book, "Fasen");
        assert_eq!(phases[0], ["Titel", "Vraag"]);
        assert_eq!(phases[1], [doc.phases[0].title.clone(), doc.phases[0].question.clone()]);
        let personas = sheet(&book, "Persona's");
        assert_eq!(personas[0], ["Naam", "Rol", "Citaat", "Doelen", "Frustraties"]);
        assert_eq!(personas.last().unwrap(), &["Anouk", "Student", "\"Snel graag\"", "Een fiets", "Wachten"]);

        let first = xml(&book, "xl/worksheets/sheet1.xml");
        assert!(first.contains(r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#), "{first}");
        assert!(first.contains(&format!(r#"<autoFilter ref="A1:J{}"/>"#, doc.cards.len() + 1)), "{first}");
        assert!(first.contains("<cols>") && !first.contains("<f>"), "widths set, no formula: {first}");
        let english = to_xlsx(&crate::templates::instantiate("online-en", None).unwrap()).unwrap();
        assert_eq!(
            sheet(&english, "Cards")[0],
            ["Phase", "Row", "Title", "Notes", "Channel", "Emotion", "Tags", "Colour", "Votes", "Source"]
        );
    }
}
