//! The cards of a journey as a table, one card a row under a header naming the columns the
//! importer reads (`columns::NAMES`, in the journey's language), so a table exported imports
//! again with the same cards in the same cells. The CSV file is written here; the workbook, with
//! the same table on its first sheet, in `xlsx_export`.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::columns::Column;
use super::formulas;
use crate::kinds::Cell;
use crate::model::{Card, Id, JourneyDoc, Phase, Row};

/// What separates a CSV file's fields: a comma, or a semicolon for a spreadsheet program in a
/// language whose list separator it is (Dutch, German: there the comma is the decimal sign).
/// Named by the character itself, as the CLI's `--delimiter` and the front end name it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub enum Delimiter {
    #[default]
    #[serde(rename = ",")]
    Comma,
    #[serde(rename = ";")]
    Semicolon,
}

impl Delimiter {
    fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
        }
    }
}

/// The header, in the journey's language, and then every card in board order (phase by
/// phase, row by row, as they stand in each cell).
pub(super) fn card_table(doc: &JourneyDoc) -> (Vec<String>, Vec<Vec<Cell<'_>>>) {
    let lang = doc.journey.locale;
    let header = Column::all().map(|c| c.header(lang)).collect();
    let phases: HashMap<Id, &Phase> = doc.phases.iter().map(|p| (p.id, p)).collect();
    let rows: HashMap<Id, &Row> = doc.rows.iter().map(|r| (r.id, r)).collect();
    let mut cards: Vec<&Card> = doc.cards.iter().collect();
    cards.sort_by_key(|c| (phases.get(&c.phase).map(|p| p.position), rows.get(&c.row).map(|r| r.position), c.position));
    fn title(title: Option<&String>) -> Cell<'_> {
        title.map_or(Cell::Empty, |t| Cell::Text(t.as_str().into()))
    }
    let table = cards
        .into_iter()
        .map(|card| {
            Column::all()
                .map(|column| match column {
                    Column::Phase => title(phases.get(&card.phase).map(|p| &p.title)),
                    Column::Row => title(rows.get(&card.row).map(|r| &r.title)),
                    Column::Card(_) => column.field().map_or(Cell::Empty, |field| (field.cell)(card)),
                })
                .collect()
        })
        .collect();
    (header, table)
}

/// The cards as a CSV file (RFC 4180: CRLF line ends, text quoted, quotes doubled) in UTF-8 with
/// a byte-order mark, without which Excel reads UTF-8 as the system's code page and garbles
/// every accent. Every text field is quoted, so a separator in a card's text never makes a
/// reader guess the wrong one; text a spreadsheet would run as a formula is kept text (see
/// `formulas`).
pub fn to_csv(doc: &JourneyDoc, delimiter: Delimiter) -> Vec<u8> {
    let (header, rows) = card_table(doc);
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter.byte())
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::NonNumeric)
        .from_writer(&mut out);
    // Writing to memory fails only when the records differ in length, which they never do.
    let _ = writer.write_record(&header);
    for row in rows {
        let fields = row.iter().map(|cell| match cell {
            Cell::Text(text) => formulas::guarded(text).into_owned(),
            Cell::Whole(n) => n.to_string(),
            Cell::Empty => String::new(),
        });
        let _ = writer.write_record(fields);
    }
    let _ = writer.flush();
    drop(writer);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CardContent;

    fn journey() -> JourneyDoc {
        let mut doc = crate::templates::instantiate("blank-nl", Some("Fietsen")).unwrap();
        doc.cards.clear();
        let (phase, row) = (doc.phases[0].id, doc.rows[0].id);
        let card = |position: u32, title: &str| {
            let content = CardContent { title: title.into(), ..CardContent::default() };
            Card::from_content(crate::model::new_id(), phase, row, position, content, 1, 1)
        };
        doc.cards.push(Card {
            notes: "Zei: \"te duur\"\nen liep weg".into(),
            emotion: Some(-2),
            votes: 3,
            tags: vec!["prijs".into(), "winkel".into()],
            colour: Some("#aabbcc".into()),
            channel: Some("Winkel".into()),
            source: "Ayşe".into(),
            ..card(1, "Verzendkosten € 6,95; schrikt")
        });
        doc.cards.push(card(0, "=HYPERLINK(\"http://x\")"));
        doc
    }

    #[test]
    fn a_csv_opens_in_excel_with_its_accents_and_the_dutch_separator_and_runs_no_formula() {
        let doc = journey();
        let (phase, row) = (doc.phases[0].title.clone(), doc.rows[0].title.clone());
        let csv = String::from_utf8(to_csv(&doc, Delimiter::Semicolon)).unwrap();
        assert_eq!(
            csv,
            format!(
                "\u{feff}\"Fase\";\"Rij\";\"Titel\";\"Notities\";\"Kanaal\";\"Emotie\";\"Labels\";\"Kleur\";\"Stemmen\";\"Bron\"\r\n\
                 \"{phase}\";\"{row}\";\"'=HYPERLINK(\"\"http://x\"\")\";\"\";\"\";\"\";\"\";\"\";0;\"\"\r\n\
                 \"{phase}\";\"{row}\";\"Verzendkosten € 6,95; schrikt\";\"Zei: \"\"te duur\"\"\nen liep weg\";\"Winkel\";-2;\
                 \"prijs, winkel\";\"#aabbcc\";3;\"Ayşe\"\r\n"
            )
        );
        let english = String::from_utf8(to_csv(&crate::templates::instantiate("online-en", None).unwrap(), Delimiter::Comma)).unwrap();
        assert!(english.starts_with(
            "\u{feff}\"Phase\",\"Row\",\"Title\",\"Notes\",\"Channel\",\"Emotion\",\"Tags\",\"Colour\",\"Votes\",\"Source\"\r\n"
        ));
    }
}
