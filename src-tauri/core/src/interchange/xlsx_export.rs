//! The journey as an Excel workbook: the cards on the first sheet, as the table the importer
//! reads (`table_export::card_table`), then a sheet of the phases and one of the personas. Each
//! sheet's header row is frozen and filtered, and its columns are as wide as their text needs.
//! Every text is written as a text cell, never as a formula, whatever it starts with.

use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};

use super::columns::{capitalised, Column, NAMES};
use super::table_export::{card_table, Cell};
use crate::error::{Error, Result};
use crate::model::JourneyDoc;
use crate::said;
use crate::said::{Field, Lang};

/// A column's width in characters, as Excel counts them.
fn width(column: Column) -> f64 {
    match column {
        Column::Phase | Column::Row => 20.0,
        Column::Title => 40.0,
        Column::Notes => 60.0,
        Column::Channel | Column::Tags => 18.0,
        Column::Emotion | Column::Colour | Column::Votes => 10.0,
    }
}

/// One sheet's header and widths, in English and Dutch: (English, Dutch, width).
const PHASE_COLUMNS: [(&str, &str, f64); 2] = [("title", "titel", 30.0), ("question", "vraag", 80.0)];
const PERSONA_COLUMNS: [(&str, &str, f64); 5] = [
    ("name", "naam", 24.0),
    ("role", "rol", 24.0),
    ("quote", "citaat", 50.0),
    ("goals", "doelen", 50.0),
    ("frustrations", "frustraties", 50.0),
];

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
    let header = Format::new().set_bold();
    // Notes and questions keep their line breaks.
    let text = Format::new().set_text_wrap();

    let (names, cards) = card_table(doc);
    let sheet = book.add_worksheet().set_name(pick("Cards", "Kaarten"))?;
    let widths: Vec<f64> = NAMES.iter().map(|&(c, _)| width(c)).collect();
    start_table(sheet, &names, &widths, cards.len(), &header)?;
    for (r, row) in cards.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = ((r + 1) as u32, c as u16);
            match cell {
                Cell::Text(t) => sheet.write_string_with_format(r, c, t.as_ref(), &text)?,
                Cell::Whole(n) => sheet.write_number(r, c, *n as f64)?,
                Cell::Empty => sheet,
            };
        }
    }

    let phases = book.add_worksheet().set_name(pick("Phases", "Fasen"))?;
    let rows: Vec<Vec<&str>> = doc.phases.iter().map(|p| vec![p.title.as_str(), p.question.as_str()]).collect();
    text_table(phases, lang, &PHASE_COLUMNS, &rows, &header, &text)?;

    let personas = book.add_worksheet().set_name(pick("Personas", "Persona's"))?;
    let rows: Vec<Vec<&str>> = doc
        .personas
        .iter()
        .map(|p| vec![p.name.as_str(), p.role.as_str(), p.quote.as_str(), p.goals.as_str(), p.frustrations.as_str()])
        .collect();
    text_table(personas, lang, &PERSONA_COLUMNS, &rows, &header, &text)?;

    book.save_to_buffer()
}

/// Writes a sheet's header row (`names`), freezes it, puts a filter on it over `rows` rows
/// below, and sets the columns' widths.
fn start_table(
    sheet: &mut Worksheet,
    names: &[String],
    widths: &[f64],
    rows: usize,
    header: &Format,
) -> std::result::Result<(), XlsxError> {
    for (c, (name, width)) in names.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, c as u16, name, header)?;
        sheet.set_column_width(c as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows as u32, names.len().saturating_sub(1) as u16)?;
    Ok(())
}

/// A sheet of text only: a header from `columns` in `lang`, then `rows`.
fn text_table(
    sheet: &mut Worksheet,
    lang: Lang,
    columns: &[(&str, &str, f64)],
    rows: &[Vec<&str>],
    header: &Format,
    text: &Format,
) -> std::result::Result<(), XlsxError> {
    let names: Vec<String> = columns
        .iter()
        .map(|&(en, nl, _)| {
            capitalised(match lang {
                Lang::En => en,
                Lang::Nl => nl,
            })
        })
        .collect();
    let widths: Vec<f64> = columns.iter().map(|&(.., w)| w).collect();
    start_table(sheet, &names, &widths, rows.len(), header)?;
    for (r, row) in rows.iter().enumerate() {
        for (c, value) in row.iter().enumerate() {
            sheet.write_string_with_format((r + 1) as u32, c as u16, *value, text)?;
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
        assert_eq!(cards[0], ["Fase", "Rij", "Titel", "Notities", "Kanaal", "Emotie", "Labels", "Kleur", "Stemmen"]);
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
        assert!(first.contains(&format!(r#"<autoFilter ref="A1:I{}"/>"#, doc.cards.len() + 1)), "{first}");
        assert!(first.contains("<cols>") && !first.contains("<f>"), "widths set, no formula: {first}");
        let english = to_xlsx(&crate::templates::instantiate("online-en", None).unwrap()).unwrap();
        assert_eq!(sheet(&english, "Cards")[0], ["Phase", "Row", "Title", "Notes", "Channel", "Emotion", "Tags", "Colour", "Votes"]);
    }
}
