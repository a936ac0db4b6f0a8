//! Cards exported to a spreadsheet (.xlsx, or CSV with either delimiter) and imported again come
//! back in the same cells, in the same order, with the same fields, for journeys in every script
//! and with text that trips spreadsheets up (tabs, newlines, quotes, both delimiters, leading
//! `=`, `-`, `@`, Excel's `_x0041_` escapes). What is promised is what docs/FILE-FORMAT.md says
//! ("Excel and CSV export"): each value without its leading and trailing white space, colours in
//! lower case, an empty channel as none, and phases in their order; not ids, rows' order or kind,
//! phases without cards, questions or personas. Through the Journeywall file (JSON) every card
//! comes back as it was, every field included.

use std::collections::{BTreeMap, HashMap};

use journeywall_core::interchange::{self, Delimiter, Ids};
use journeywall_core::model::{new_id, Card, CardContent, Id, JourneyDoc, Persona, Phase, Row, RowKind};
use journeywall_core::templates;
use proptest::prelude::*;

/// The cases to run: `default`, or as many as `PROPTEST_CASES` asks (`make fuzz`).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// Pieces of text as workshops write them, in every script, and as spreadsheets mangle them.
const PIECES: &[&str] = &[
    "Oriëntatie",
    "Ça coûte € 6,95",
    "Größe überprüfen",
    "مرحبا بالعالم",
    "שלום — חבילה",
    "日本語のカード",
    "顾客评价",
    "한국어",
    "🚲📦👍🏽",
    "👨‍👩‍👧",
    "a\tb",
    "eerste regel\ntweede regel",
    "zei \"goedkoper\"",
    "'",
    "a;b;c;d;e;f;g;h;i;j;k;l",
    "a,b,c,d,e,f,g,h,i,j,k,l",
    "=SUM(A1:A3)",
    "=HYPERLINK(\"http://x\")",
    "+31 6 1234",
    "-2",
    "@home",
    "'=al een apostrof",
    "_x0041_",
    "  ruimte  ",
    "\u{200f}",
    "<b>&amp;</b>",
    "sep=;",
    "3",
    "1e5",
];

fn text(max_pieces: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![3 => proptest::sample::select(PIECES).prop_map(str::to_owned), 1 => "[a-zA-Zé ]{1,10}"];
    proptest::collection::vec(piece, 0..=max_pieces).prop_map(|p| p.concat())
}

/// A title: not blank, and made unique (ignoring case) by its number where that matters.
fn title() -> impl Strategy<Value = String> {
    text(3).prop_map(|t| if t.trim().is_empty() { format!("{t}kaart") } else { t })
}

#[derive(Debug, Clone)]
struct CardSpec {
    phase: usize,
    row: usize,
    title: String,
    notes: String,
    channel: Option<String>,
    emotion: Option<i8>,
    colour: Option<&'static str>,
    votes: u32,
    tags: Vec<String>,
    source: String,
}

fn card() -> impl Strategy<Value = CardSpec> {
    (
        (any::<usize>(), any::<usize>(), title(), text(4)),
        (
            proptest::option::of(text(2)),
            proptest::option::of(-2i8..=2),
            proptest::option::of(proptest::sample::select(&["#1F77B4", "#abcdef", "#000000"][..])),
            prop_oneof![0u32..5, Just(u32::MAX)],
            // A tag has no comma: the cell lists tags separated by commas.
            proptest::collection::vec(title().prop_map(|t| t.replace(',', " ")).prop_filter("not blank", |t| !t.trim().is_empty()), 0..3),
            text(2),
        ),
    )
        .prop_map(|((phase, row, title, notes), (channel, emotion, colour, votes, tags, source))| CardSpec {
            phase,
            row,
            title,
            notes,
            channel,
            emotion,
            colour,
            votes,
            tags,
            source,
        })
}

fn journey() -> impl Strategy<Value = JourneyDoc> {
    (
        proptest::collection::vec(title(), 1..4),
        proptest::collection::vec(title(), 1..4),
        proptest::collection::vec(card(), 1..14),
        proptest::collection::vec(title(), 0..3),
        any::<bool>(),
    )
        .prop_map(|(phases, rows, cards, personas, dutch)| {
            let mut doc =
                templates::instantiate(if dutch { "blank-nl" } else { "blank-en" }, Some("Rondreis")).expect("the template exists");
            doc.cards.clear();
            doc.phases = phases
                .into_iter()
                .enumerate()
                .map(|(i, t)| Phase { id: new_id(), position: i as u32, title: format!("{t} {i}"), question: t, ..doc.phases[0].clone() })
                .collect();
            doc.rows = rows
                .into_iter()
                .enumerate()
                .map(|(i, t)| Row {
                    id: new_id(),
                    position: i as u32,
                    kind: RowKind::Cards,
                    title: format!("{t} {i}"),
                    ..doc.rows[0].clone()
                })
                .collect();
            for c in cards {
                let (phase, row) = (doc.phases[c.phase % doc.phases.len()].id, doc.rows[c.row % doc.rows.len()].id);
                let position = doc.cards.iter().filter(|d| d.phase == phase && d.row == row).count() as u32;
                let content = CardContent {
                    title: c.title,
                    notes: c.notes,
                    colour: c.colour.map(str::to_owned),
                    channel: c.channel,
                    emotion: c.emotion,
                    votes: c.votes,
                    tags: c.tags,
                    source: c.source,
                };
                doc.cards.push(Card::from_content(new_id(), phase, row, position, content, 1, 1));
            }
            doc.personas = personas
                .into_iter()
                .enumerate()
                .map(|(i, name)| Persona {
                    id: new_id(),
                    position: i as u32,
                    name,
                    role: String::new(),
                    quote: "\"Snel\"".into(),
                    goals: String::new(),
                    frustrations: String::new(),
                    picture: None,
                })
                .collect();
            doc.validate().expect("a generated journey is valid");
            doc.sort();
            doc
        })
}

/// A card as the spreadsheet carries it: every field the importer reads.
#[derive(Debug, PartialEq, Eq)]
struct Carried {
    title: String,
    notes: String,
    channel: Option<String>,
    emotion: Option<i8>,
    colour: Option<String>,
    votes: u32,
    tags: Vec<String>,
    source: String,
}

/// What a spreadsheet carries of a journey.
#[derive(Debug, PartialEq, Eq)]
struct Cells {
    /// By phase and row title, each cell's cards in order.
    cards: BTreeMap<(String, String), Vec<Carried>>,
    /// The phases that have cards, in order.
    phases: Vec<String>,
}

fn cells(doc: &JourneyDoc) -> Cells {
    let titles: HashMap<Id, &str> =
        doc.phases.iter().map(|p| (p.id, p.title.trim())).chain(doc.rows.iter().map(|r| (r.id, r.title.trim()))).collect();
    let mut cells = BTreeMap::new();
    let mut cards: Vec<&Card> = doc.cards.iter().collect();
    cards.sort_by_key(|c| c.position);
    for c in cards {
        cells.entry((titles[&c.phase].to_owned(), titles[&c.row].to_owned())).or_insert_with(Vec::new).push(Carried {
            title: c.title.trim().into(),
            notes: c.notes.trim().into(),
            channel: c.channel.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned),
            emotion: c.emotion,
            colour: c.colour.as_deref().map(str::to_lowercase),
            votes: c.votes,
            tags: c.tags.iter().map(|t| t.trim().to_owned()).collect(),
            source: c.source.trim().into(),
        });
    }
    let phases = doc.phases.iter().filter(|p| doc.cards.iter().any(|c| c.phase == p.id)).map(|p| p.title.trim().to_owned()).collect();
    Cells { cards: cells, phases }
}

fn round_trip(doc: &JourneyDoc, bytes: &[u8], file: &str) -> Result<(), TestCaseError> {
    let back = interchange::import_file(bytes, file, None, Ids::New, doc.journey.locale.code())
        .map_err(|e| TestCaseError::fail(format!("{file} does not import: {e}")))?
        .doc;
    prop_assert_eq!(cells(&back), cells(doc), "{}", file);
    prop_assert_eq!(back.journey.name, "export", "named after the file");
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(200), ..ProptestConfig::default() })]

    #[test]
    fn cards_come_back_in_the_same_cells_with_the_same_fields_through_csv_with_commas(doc in journey()) {
        round_trip(&doc, &interchange::to_csv(&doc, Delimiter::Comma), "export.csv")?;
    }

    #[test]
    fn cards_come_back_in_the_same_cells_with_the_same_fields_through_csv_with_semicolons(doc in journey()) {
        round_trip(&doc, &interchange::to_csv(&doc, Delimiter::Semicolon), "export.csv")?;
    }

    #[test]
    fn cards_come_back_with_every_field_through_the_journeywall_file(doc in journey()) {
        let back = interchange::from_json(&interchange::to_json(&doc), "export.json", Ids::Keep)
            .map_err(|e| TestCaseError::fail(format!("export.json does not import: {e}")))?;
        prop_assert_eq!(back.cards, doc.cards);
    }

    #[test]
    fn cards_come_back_in_the_same_cells_with_the_same_fields_through_xlsx(doc in journey()) {
        let book = interchange::to_xlsx(&doc).map_err(|e| TestCaseError::fail(e.to_string()))?;
        round_trip(&doc, &book, "export.xlsx")?;
    }
}
