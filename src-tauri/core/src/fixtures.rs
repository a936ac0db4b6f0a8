//! Builders shared by the tests and the benchmarks (feature `test-support`, never in the app):
//! one way to grow a big journey, one way to write an `addCard` edit, one way to make a workbook.

use std::io::Write;

use crate::model::{new_id, Card, CardContent, Id, JourneyDoc};
use crate::{templates, Edit};

/// The Dutch website journey grown to `cards` cards over twelve phases, as a big workshop's wall:
/// titles with a euro sign, every emotion score, a few votes and channels. Positions stay
/// contiguous in each cell, so the journey is valid to store.
pub fn grown_journey(cards: usize) -> JourneyDoc {
    let mut doc = templates::instantiate("website-nl", Some("Grote reis")).expect("the template exists");
    let base = doc.phases.len();
    for i in base..12 {
        let mut p = doc.phases[i % base].clone();
        (p.id, p.position, p.title) = (new_id(), i as u32, format!("Fase {}", i + 1));
        doc.phases.push(p);
    }
    let cells: Vec<(Id, Id)> = doc.phases.iter().flat_map(|p| doc.rows.iter().map(move |r| (p.id, r.id))).collect();
    let mut len: std::collections::HashMap<(Id, Id), u32> = std::collections::HashMap::new();
    for c in &doc.cards {
        *len.entry((c.phase, c.row)).or_default() += 1;
    }
    let template = doc.cards[0].clone();
    let mut i = doc.cards.len();
    while doc.cards.len() < cards {
        let (phase, row) = cells[i % cells.len()];
        let position = len.entry((phase, row)).or_default();
        doc.cards.push(Card {
            id: new_id(),
            phase,
            row,
            position: *position,
            title: format!("Kaart {i}: klant vergelijkt prijzen (€ {i},-)"),
            notes: "Uit de workshop van dinsdag; drie deelnemers noemden het.".into(),
            emotion: Some((i % 5) as i8 - 2),
            votes: (i % 4) as u32,
            channel: Some(["Website", "E-mail", "Winkel"][i % 3].into()),
            ..template.clone()
        });
        *position += 1;
        i += 1;
    }
    doc
}

/// The Dutch online journey as a workshop leaves its emotion row: two points in the first phase,
/// three in the second and fourth, and a point nobody scored yet. Each title is its own words, so
/// a test can tell which caption a line of text belongs to.
pub fn crowded_emotions() -> JourneyDoc {
    let mut doc = templates::instantiate("online-nl", Some("Workshop emoties")).expect("the template exists");
    let row = doc.rows.iter().find(|r| r.kind == crate::model::RowKind::Emotion).expect("online-nl has an emotion row").id;
    let extra = [
        (0, "Ziet advertentie van een vriend op Instagram", Some(-1)),
        (1, "Leest reviews en vergelijkt prijzen op drie sites", Some(1)),
        (1, "Weet niet welke maat past", Some(-2)),
        (2, "Betaalt snel met iDEAL", None),
        (3, "Track & trace zegt niets", Some(-2)),
        (3, "Bezorger belt aan", Some(1)),
    ];
    let template = doc.cards.iter().find(|c| c.row == row).expect("the emotion row has cards").clone();
    for (n, (phase, title, emotion)) in extra.into_iter().enumerate() {
        let phase = doc.phases[phase].id;
        let position = doc.cards.iter().filter(|c| c.phase == phase && c.row == row).count() as u32;
        doc.cards.push(Card { id: new_id(), phase, row, position, title: title.into(), emotion, votes: n as u32 % 2, ..template.clone() });
    }
    doc
}

/// An `addCard` edit, built up: `NewCard::new(phase, row, "title").at(1).notes("…").edit()`.
#[derive(Debug, Clone)]
pub struct NewCard {
    phase: Id,
    row: Id,
    index: Option<u32>,
    title: String,
    notes: String,
    emotion: Option<i8>,
}

impl NewCard {
    pub fn new(phase: Id, row: Id, title: &str) -> Self {
        NewCard { phase, row, index: None, title: title.into(), notes: String::new(), emotion: None }
    }

    /// In the journey's first cell.
    pub fn first_cell(doc: &JourneyDoc, title: &str) -> Self {
        NewCard::new(doc.phases[0].id, doc.rows[0].id, title)
    }

    pub fn at(mut self, index: u32) -> Self {
        self.index = Some(index);
        self
    }

    pub fn notes(mut self, notes: &str) -> Self {
        self.notes = notes.into();
        self
    }

    pub fn emotion(mut self, emotion: i8) -> Self {
        self.emotion = Some(emotion);
        self
    }

    pub fn edit(self) -> Edit {
        let card = CardContent { title: self.title, notes: self.notes, emotion: self.emotion, ..CardContent::default() };
        Edit::AddCard { id: None, phase: self.phase, row: self.row, index: self.index, card }
    }
}

/// A workbook as a spreadsheet program saves one, reduced to what a reader needs: one sheet
/// called `sheet` whose cells from `corner` (e.g. "B2") on are `rows`; a cell that parses as
/// a number is stored as one, as Excel does.
pub fn workbook(sheet: &str, corner: (usize, usize), rows: &[&[&str]]) -> Vec<u8> {
    let cells: String = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let n = corner.1 + r + 1;
            let cells: String = row
                .iter()
                .enumerate()
                .map(|(c, v)| {
                    let at = format!("{}{n}", crate::poster::letters(corner.0 + c));
                    match v.parse::<f64>() {
                        Ok(_) => format!(r#"<c r="{at}"><v>{v}</v></c>"#),
                        Err(_) => format!(r#"<c r="{at}" t="inlineStr"><is><t>{v}</t></is></c>"#),
                    }
                })
                .collect();
            format!(r#"<row r="{n}">{cells}</row>"#)
        })
        .collect();
    let files = [
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
        ("xl/workbook.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>"#)),
        ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
        ("xl/worksheets/sheet1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>"#)),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, content) in files {
        zip.start_file(name, stored).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}
