//! Card lists from spreadsheets: a CSV (or TSV) file, or the first sheet of an .xlsx workbook, one
//! card a line, with a header row naming the columns. Sticky notes typed up after a paper workshop
//! land in place: phases and rows are matched by title and created, in the order they first
//! appear, when missing. Both kinds of file go through one table reader (`import_table`), so the
//! columns, the rules and the messages are the same; only where a value sits is said their way
//! ("line 4, column 5" in a CSV, "sheet 'Blad1', row 4, column E" in a workbook).
//!
//! Columns (`columns`: the card's phase and row by title, then its fields) come in any order and
//! case, in English or Dutch; phase, row and title are required. Commas, semicolons (as
//! spreadsheet programs in Dutch write them) and tabs all work.

use std::collections::HashMap;

use super::columns::Column;
use super::formulas;
use super::Imported;
use crate::error::{Error, Result};
use crate::kinds::reason;
use crate::model::{self, Card, CardContent, Id, Journey, JourneyDoc, Phase, Row, RowKind};
use crate::poster::letters;
use crate::said;
use crate::said::Field;
use crate::said::{Lang, Said};

/// Phase colours for phases a CSV creates: pale tints of the Okabe–Ito palette, which stays
/// distinguishable with the common forms of colour blindness.
const PHASE_TINTS: [&str; 7] = ["#daeefa", "#c7eae0", "#faeac7", "#f4e2ec", "#fcf9d5", "#e3ecf7", "#f9e0d3"];

/// The separator of a CSV file and the text after any `sep=` line: Excel writes `sep=;` as the
/// first line when asked to; otherwise the one of `;`, tab and `,` the header line has most of
/// (a TSV file has tabs, a Dutch Excel's CSV semicolons). The header need not be the first line
/// (a title may stand above the table), so the line of the first few with most of one counts.
/// Separators inside quoted fields do not count: a card's text may hold many of any.
fn separator(text: &str) -> (&str, u8) {
    let first_line = text.lines().next().unwrap_or("");
    if let Some(sep) = first_line.strip_prefix("sep=").map(str::trim_end).filter(|s| s.len() == 1) {
        let rest = text.split_once('\n').map_or("", |(_, rest)| rest);
        return (rest, sep.as_bytes()[0]);
    }
    let count = |c: char| most_outside_quotes(text, c);
    let best = [b',', b';', b'\t'].into_iter().max_by_key(|&b| (count(b as char), b == b',')).unwrap_or(b',');
    (text, if count(best as char) == 0 { b',' } else { best })
}

/// How often `sep` stands outside quoted fields on the line, of the first 20, that has most of it.
/// A field is quoted when it starts with `"` (at the start of a line or after a separator), and
/// ends at a `"` that is not doubled; it may span lines.
fn most_outside_quotes(text: &str, sep: char) -> usize {
    let (mut most, mut here, mut lines, mut quoted, mut before) = (0, 0, 0, false, '\n');
    for c in text.chars() {
        match c {
            '"' if quoted => quoted = false,
            // A doubled quote inside a quoted field: the field goes on.
            '"' if before == '"' => quoted = true,
            '"' if matches!(before, '\n' | ',' | ';' | '\t') => quoted = true,
            '\n' if !quoted => {
                (most, here, lines) = (most.max(here), 0, lines + 1);
                if lines == 20 {
                    break;
                }
            }
            c if c == sep && !quoted => here += 1,
            _ => {}
        }
        before = c;
    }
    most.max(here)
}

/// The text of a CSV file, and the name of its encoding when it is not UTF-8. Spreadsheets save
/// "CSV" in the system's code page (Excel on Windows: Windows-1252) and "Unicode text" as UTF-16
/// with a byte-order mark; anything that is not UTF-8 and has no such mark is read as
/// Windows-1252, which maps every byte to a character (a binary file is caught by its NULs).
fn decode(bytes: &[u8]) -> (std::borrow::Cow<'_, str>, Option<&'static str>) {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (text, (encoding != encoding_rs::UTF_8).then_some(encoding.name()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.into(), None),
        Err(_) => (encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0, Some("Windows-1252")),
    }
}

/// Reads a CSV file of cards into a new journey called `name`. `source` names the file in errors.
pub fn import_csv(bytes: &[u8], source: &str, name: &str, locale: &str) -> Result<Imported> {
    let err = |problem: Said| Error::Import { source_name: source.into(), problem };
    let (text, encoding) = decode(bytes);
    let text = text.as_ref();
    if text.contains('\0') {
        return Err(err(said!(
            "is not a text file (it contains NUL bytes); expected CSV",
            "is geen tekstbestand (er staan NUL-bytes in); verwacht werd CSV"
        )));
    }
    let (text, delimiter) = separator(text);
    // Lines of any length: a title above the table has fewer fields than the table's header,
    // and the table's own lines are held to its header's length by `import_table`.
    let mut reader = csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(text.as_bytes());
    // Which encoding was read, where the user sees it, when it was not the usual one.
    let description = encoding.map_or_else(String::new, |e| match Lang::from_locale(locale) {
        Lang::En => format!("Imported from {source}, read as {e} text."),
        Lang::Nl => format!("Geïmporteerd uit {source}, gelezen als {e}-tekst."),
    });
    // A record's line, counted to where its text starts: the reader's own count, and its
    // position, leave out the blank lines before it.
    let line_at = |byte: usize| {
        let blank = text.get(byte..).map_or(0, |rest| rest.len() - rest.trim_start_matches(['\r', '\n']).len());
        text.get(..byte + blank).map_or(0, |before| before.matches('\n').count()) + 1
    };
    let mut records = reader.records().map(|record| {
        let record = record.map_err(|e| csv_error(&e))?;
        Ok((
            record.position().map_or(0, |p| line_at(p.byte() as usize)),
            record.iter().map(|f| formulas::unguarded(f).to_owned()).collect(),
        ))
    });
    import_table(Table { source, name, locale, place: Place::Csv, description }, &mut records)
}

/// Where a value sits, as the user's program shows it.
#[derive(Clone, Copy)]
pub(super) enum Place<'a> {
    /// A CSV file's line and its column counted from 1.
    Csv,
    /// A workbook's sheet, its row and its column letter.
    Sheet(&'a str),
}

impl Place<'_> {
    /// "line 4" / "sheet 'Blad1', row 4".
    fn line(self, n: usize) -> Said {
        match self {
            Place::Csv => said!("line {n}", "regel {n}"),
            Place::Sheet(sheet) => said!("sheet '{sheet}', row {n}", "blad '{sheet}', rij {n}"),
        }
    }

    /// "line 4, column 5" / "sheet 'Blad1', row 4, column E"; `column` counts from 0.
    fn cell(self, n: usize, column: usize) -> Said {
        let line = self.line(n);
        match self {
            Place::Csv => said!("{l}, column {c}", "{m}, kolom {c}", l = line.en, m = line.nl, c = column + 1),
            Place::Sheet(_) => said!("{l}, column {c}", "{m}, kolom {c}", l = line.en, m = line.nl, c = letters(column)),
        }
    }
}

/// What a table import makes: the journey's file, name and language, where its values sit, and
/// its description.
pub(super) struct Table<'a> {
    pub source: &'a str,
    pub name: &'a str,
    pub locale: &'a str,
    pub place: Place<'a>,
    pub description: String,
}

/// One row of a table: its line or row number and its fields, or why it could not be read.
pub(super) type Record = std::result::Result<(usize, Vec<String>), Said>;

/// The header of a table: the first row that names a known column. A workshop's sheet often
/// has a title, a date or a note above its table; those rows are passed over, and `remark` says
/// which row was read as the header when any were. With no such row at all, the first row is
/// taken, so the refusal names what it holds.
fn find_header(place: Place<'_>, records: &mut dyn Iterator<Item = Record>) -> std::result::Result<Header, Said> {
    let mut first = None;
    for record in records {
        let (line, row) = record?;
        if row.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if row.iter().any(|f| Column::parse(f).is_some()) {
            let remark = first.is_some().then(|| {
                let at = place.line(line);
                said!(
                    "Read {a} as the header naming the columns; what stands above it was not imported.",
                    "Als kopregel met de kolomnamen is {b} gelezen; wat erboven staat, is niet geïmporteerd.",
                    a = at.en,
                    b = at.nl
                )
            });
            return Ok(Header { line, names: row, remark });
        }
        first.get_or_insert((line, row));
    }
    first.map(|(line, names)| Header { line, names, remark: None }).ok_or_else(|| {
        said!(
            "is empty; the header must name the columns (phase, row, title, …)",
            "is leeg; de kopregel moet de kolommen noemen (fase, rij, titel, …)"
        )
    })
}

/// The row naming a table's columns, where it is, and what to say about where it was found.
struct Header {
    line: usize,
    names: Vec<String>,
    remark: Option<Said>,
}

/// Reads a table of cards (a header naming the columns, then one card a row) into a new journey.
pub(super) fn import_table(table: Table<'_>, records: &mut dyn Iterator<Item = Record>) -> Result<Imported> {
    let Table { source, name, locale, place, description } = table;
    let err = |problem: Said| Error::Import { source_name: source.into(), problem };
    let Header { line: header_line, names: headers, remark } = find_header(place, records).map_err(err)?;
    let mut columns: HashMap<Column, usize> = HashMap::new();
    for (i, h) in headers.iter().enumerate() {
        let at = place.cell(header_line, i);
        match Column::parse(h) {
            Some(c) if columns.contains_key(&c) => {
                let (name, name_nl) = (c.name(), c.name_nl());
                return Err(err(
                    said!("the column '{name}' appears twice", "de kolom '{name_nl}' staat er twee keer in").after(at.en, at.nl)
                ));
            }
            Some(c) => {
                columns.insert(c, i);
            }
            None if h.trim().is_empty() => {}
            None => {
                let (known, known_nl) = (Column::all().map(Column::name), Column::all().map(Column::name_nl));
                let (known, known_nl) = (known.collect::<Vec<_>>().join(", "), known_nl.collect::<Vec<_>>().join(", "));
                return Err(err(said!("unknown column '{h}'; expected {known}", "onbekende kolom '{h}'; verwacht werden {known_nl}")
                    .after(at.en, at.nl)));
            }
        }
    }
    // A card needs its place and its title; every other field may be left out.
    let required = [Some(Column::Phase), Some(Column::Row), Column::parse("title")];
    if let Some(required) = required.into_iter().flatten().find(|c| !columns.contains_key(c)) {
        let (at, name, name_nl) = (place.line(header_line), required.name(), required.name_nl());
        return Err(err(said!(
            "the header has no '{name}' column; the header must name the columns (phase, row, title, …)",
            "de kopregel heeft geen kolom '{name_nl}'; de kopregel moet de kolommen noemen (fase, rij, titel, …)"
        )
        .after(at.en, at.nl)));
    }

    let now = model::now_millis();
    let mut doc = JourneyDoc {
        journey: Journey {
            id: model::new_id(),
            name: name.into(),
            description,
            locale: Lang::from_locale(locale),
            created_at: now,
            updated_at: now,
        },
        phases: vec![],
        rows: vec![],
        cards: vec![],
        personas: vec![],
        vote: None,
        rounds: vec![],
        inbox: vec![],
    };
    model::check_title(Field::JourneyName, name).map_err(|e| err(e.said()))?;
    let mut phase_ids: HashMap<String, Id> = HashMap::new();
    let mut row_ids: HashMap<String, Id> = HashMap::new();
    let mut cell_len: HashMap<(Id, Id), u32> = HashMap::new();

    for record in records {
        let (line, record) = record.map_err(err)?;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue; // Spreadsheets like to end with empty lines.
        }
        if record.len() != headers.len() {
            let (at, len, expected_len) = (place.line(line), record.len(), headers.len());
            return Err(err(said!(
                "has {len} fields where the header has {expected_len}; check for a missing or extra separator, \
                 or quote text that contains one",
                "heeft {len} velden waar de kopregel er {expected_len} heeft; kijk of er een scheidingsteken \
                 ontbreekt of te veel is, of zet tekst met een scheidingsteken erin tussen aanhalingstekens"
            )
            .after(at.en, at.nl)));
        }
        let field = |c: Column| columns.get(&c).and_then(|&i| record.get(i)).map_or("", |f| f.trim());
        // Where a value went wrong: "line 4, column 5 (emotion)", with what went wrong after it.
        let at = |c: Column, what: Said| {
            let cell = place.cell(line, columns.get(&c).copied().unwrap_or(0));
            err(what.after(format!("{} ({})", cell.en, c.name()), format!("{} ({})", cell.nl, c.name_nl())))
        };

        let phase_title = field(Column::Phase);
        // The column says where; the field name inside the error would only repeat it.
        model::check_title(Field::Phase, phase_title).map_err(|e| at(Column::Phase, reason(e)))?;
        let phase = *phase_ids.entry(phase_title.to_lowercase()).or_insert_with(|| {
            let position = doc.phases.len() as u32;
            let id = model::new_id();
            doc.phases.push(Phase {
                id,
                position,
                title: phase_title.into(),
                question: String::new(),
                colour: PHASE_TINTS[position as usize % PHASE_TINTS.len()].into(),
                width: model::default_width(),
            });
            id
        });
        let row_title = field(Column::Row);
        model::check_title(Field::Row, row_title).map_err(|e| at(Column::Row, reason(e)))?;
        let row = *row_ids.entry(row_title.to_lowercase()).or_insert_with(|| {
            let id = model::new_id();
            doc.rows.push(Row {
                id,
                position: doc.rows.len() as u32,
                kind: RowKind::Cards,
                title: row_title.into(),
                colour: model::default_row_colour(),
                hidden: false,
            });
            id
        });

        let position = cell_len.entry((phase, row)).or_insert(0);
        let mut card = Card::from_content(model::new_id(), phase, row, *position, CardContent::default(), now, now);
        for column in Column::all() {
            if let Some(f) = column.field() {
                (f.read)(&mut card, field(column)).map_err(|why| at(column, why))?;
            }
        }
        doc.cards.push(card);
        *position += 1;
    }
    if doc.cards.is_empty() {
        return Err(err(said!("has a header but no cards", "heeft een kopregel, maar geen kaarten")));
    }
    // A row whose every card carries a score is an emotion row: it draws the curve.
    for row in &mut doc.rows {
        if doc.cards.iter().filter(|c| c.row == row.id).all(|c| c.emotion.is_some()) {
            row.kind = RowKind::Emotion;
        }
    }
    doc.validate().map_err(|e| err(e.said()))?;
    doc.sort();
    Ok(Imported { doc, remarks: remark.into_iter().collect() })
}

fn csv_error(e: &csv::Error) -> Said {
    match e.kind() {
        csv::ErrorKind::Utf8 { pos, .. } => {
            said!("line {line}: is not UTF-8 text", "regel {line}: is geen UTF-8-tekst", line = pos.as_ref().map_or(0, |p| p.line()))
        }
        // The csv reader's own words, which we cannot translate.
        _ => said!("{e}", "kan niet als CSV worden gelezen: {e}"),
    }
}

#[cfg(test)]
mod separator_tests {
    use super::separator;

    #[test]
    fn the_separator_is_found_in_the_header_or_named_by_excel() {
        assert_eq!(separator("phase\trow\ttitle\nA\tB\tC").1, b'\t');
        assert_eq!(separator("phase;row;title\n").1, b';');
        assert_eq!(separator("phase,row,title\n").1, b',');
        assert_eq!(separator("sep=;\r\nphase;row;title\nA;B;C"), ("phase;row;title\nA;B;C", b';'));
        assert_eq!(separator("title\nA").1, b',');
        // Separators inside quoted text, even across lines, do not count.
        assert_eq!(separator("phase,row,title\n\"A\",\"B\",\"x;y;z;\"\"q\"\";w\nv;u\"\n").1, b',');
        assert_eq!(separator("phase;row;title\n\"A\";\"B\";\"1,2,3,4,5\"\n").1, b';');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cards_land_in_phases_and_rows_matched_by_title() {
        let csv = "phase,row,title,emotion,channel\n\
                   Oriëntatie,Touchpoints,Google zoeken,,Google\n\
                   Aankoop,Emoties,Blij met bestelling,+2,\n\
                   oriëntatie,touchpoints,Instagram-advertentie,,Social media\n\
                   Oriëntatie,Emoties,Nieuwsgierig,1,\n";
        let doc = import_csv(csv.as_bytes(), "notes.csv", "Workshop", "nl").unwrap().doc;
        assert_eq!(doc.phases.iter().map(|p| p.title.as_str()).collect::<Vec<_>>(), ["Oriëntatie", "Aankoop"]);
        assert_eq!(doc.rows.len(), 2);
        assert_eq!(doc.rows[1].kind, RowKind::Emotion);
        let insta = doc.cards.iter().find(|c| c.title == "Instagram-advertentie").unwrap();
        assert_eq!((insta.position, insta.channel.as_deref()), (1, Some("Social media")));
    }

    #[test]
    fn semicolons_and_dutch_headers_from_a_spreadsheet_work() {
        let csv = "\u{feff}Fase;Rij;Titel;Notities\nAankoop;Pijnpunten;Verzendkosten € 6,95;Pas zichtbaar bij afrekenen\n";
        let doc = import_csv(csv.as_bytes(), "post-its.csv", "W", "nl").unwrap().doc;
        assert_eq!(doc.cards[0].title, "Verzendkosten € 6,95");
        assert_eq!(doc.cards[0].notes, "Pas zichtbaar bij afrekenen");
    }

    #[test]
    fn a_bad_value_names_line_column_and_what_was_expected() {
        let csv = "phase,row,title,emotion\nA,B,Fine,1\nA,B,Not fine,happy\n";
        let e = import_csv(csv.as_bytes(), "x.csv", "W", "en").unwrap_err().to_string();
        assert!(e.contains("line 3, column 4 (emotion)") && e.contains("-2 to +2") && e.contains("'happy'"), "{e}");
    }

    #[test]
    fn a_ragged_line_is_refused_and_nothing_is_imported() {
        let csv = "phase,row,title\nA,B,C\nA,B\n";
        let e = import_csv(csv.as_bytes(), "x.csv", "W", "en").unwrap_err().to_string();
        assert!(e.contains("line 3") && e.contains("2 fields"), "{e}");
    }

    #[test]
    fn a_binary_file_posing_as_csv_is_refused() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        let e = import_csv(png, "photo.csv", "W", "en").unwrap_err().to_string();
        assert!(e.contains("not a text file"), "{e}");
    }

    #[test]
    fn spreadsheets_saved_in_windows_1252_or_utf_16_are_read_and_say_so() {
        // "Oriëntatie;Vergelijkt € prijzen" as Excel on Windows saves it.
        let cp1252 = b"phase;row;title\nOri\xebntatie;Acties;Vergelijkt \x80 prijzen\n";
        let doc = import_csv(cp1252, "excel.csv", "W", "nl").unwrap().doc;
        assert_eq!((doc.phases[0].title.as_str(), doc.cards[0].title.as_str()), ("Oriëntatie", "Vergelijkt € prijzen"));
        assert_eq!(doc.journey.description, "Geïmporteerd uit excel.csv, gelezen als Windows-1252-tekst.");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("phase\trow\ttitle\nÉtape\tActions\t日本語\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let doc = import_csv(&utf16, "unicode.txt", "W", "en").unwrap().doc;
        assert_eq!(doc.cards[0].title, "日本語");
        assert!(doc.journey.description.contains("UTF-16LE"), "{}", doc.journey.description);
        let utf8 = import_csv("\u{feff}phase,row,title\nA,B,C\n".as_bytes(), "u.csv", "W", "en").unwrap().doc;
        assert_eq!(utf8.journey.description, "", "UTF-8 is not worth a word");
    }

    #[test]
    fn a_title_line_above_the_table_is_passed_over_and_the_header_line_named() {
        let csv = "Post-its workshop fietsenwinkel\n\nFase;Rij;Titel\nOriëntatie;Acties;Zoekt een e-bike\n";
        let imported = import_csv(csv.as_bytes(), "post-its.csv", "W", "nl").unwrap();
        assert_eq!(imported.doc.cards[0].title, "Zoekt een e-bike");
        let remark = &imported.remarks[0];
        assert_eq!(remark.get(Lang::En), "Read line 3 as the header naming the columns; what stands above it was not imported.");
        assert!(remark.get(Lang::Nl).starts_with("Als kopregel met de kolomnamen is regel 3 gelezen"), "{}", remark.nl);
        // A line of the table with a field too few is still refused, with its line.
        let ragged = "Workshop\nphase,row,title\nA,B,C\nA,B\n";
        let e = import_csv(ragged.as_bytes(), "x.csv", "W", "en").unwrap_err().to_string();
        assert!(e.contains("line 4: has 2 fields where the header has 3"), "{e}");
    }

    #[test]
    fn a_header_without_title_is_refused() {
        let e = import_csv(b"phase,row\nA,B\n", "x.csv", "W", "en").unwrap_err().to_string();
        assert!(e.contains("no 'title' column"), "{e}");
    }
}
