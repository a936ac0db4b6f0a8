//! Every parser of outside input, fed real sample files with bytes flipped, inserted, cut and
//! repeated: the database header, the JSON interchange file, CSV/TSV, .xlsx workbooks, pictures
//! and edits. None may
//! panic or take longer than 2 s on a case, and every refusal says something. `make test` runs a
//! thousand cases of each (a few hundred database files); `make fuzz CASES=100000` as many as
//! asked.

use std::time::{Duration, Instant};

use journeywall_core::interchange::{self, Ids};
use journeywall_core::{picture, templates, Edit};
use proptest::prelude::*;

/// The cases to run: `default`, or as many as `PROPTEST_CASES` asks (`make fuzz`).
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

/// One change to a file's bytes.
#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, bits: u8 },
    Insert { at: usize, bytes: Vec<u8> },
    Cut { at: usize },
    Repeat { at: usize, len: usize, times: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(at, bits)| Mutation::Flip { at, bits }),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..16)).prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        any::<usize>().prop_map(|at| Mutation::Cut { at }),
        (any::<usize>(), 1usize..64, 1usize..64).prop_map(|(at, len, times)| Mutation::Repeat { at, len, times }),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let n = bytes.len().max(1);
        match m {
            Mutation::Flip { at, bits } => {
                if let Some(b) = bytes.get_mut(at % n) {
                    *b ^= bits;
                }
            }
            Mutation::Insert { at, bytes: new } => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Mutation::Cut { at } => bytes.truncate(at % n),
            Mutation::Repeat { at, len, times } => {
                let at = at % n;
                let piece: Vec<u8> = bytes.iter().skip(at).take(*len).copied().collect();
                for _ in 0..*times {
                    bytes.splice(at..at, piece.iter().copied());
                }
            }
        }
    }
    bytes
}

/// Runs `parse` on `input`: it must return (no panic) within 2 s, and a refusal must say why.
fn survives<T, E: std::fmt::Display>(input: &[u8], parse: impl Fn(&[u8]) -> Result<T, E>) -> Result<(), TestCaseError> {
    let start = Instant::now();
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| parse(input).map(|_| ()).map_err(|e| e.to_string())));
    prop_assert!(start.elapsed() < Duration::from_secs(2), "took {:?}", start.elapsed());
    match result {
        Err(_) => prop_assert!(false, "panicked on {} bytes", input.len()),
        Ok(Err(message)) => prop_assert!(!message.trim().is_empty(), "a refusal without a message"),
        Ok(Ok(())) => {}
    }
    Ok(())
}

fn sample_json() -> Vec<u8> {
    interchange::to_json(&templates::instantiate("online-nl", None).unwrap()).into_bytes()
}

const SAMPLE_CSV: &[u8] =
    "phase;row;title;notes;channel;emotion;colour;votes\nOriëntatie;Acties;Zoekt 🚲;lang verhaal;Google;-1;#ffcc00;2\n\
Aankoop;Pijn;\"Betaalt, \"\"snel\"\"\";;;;;0\n"
        .as_bytes();

fn sample_png() -> Vec<u8> {
    let img = image::RgbaImage::from_fn(24, 12, |x, y| image::Rgba([x as u8 * 9, y as u8 * 17, 120, 200]));
    let mut out = std::io::Cursor::new(Vec::new());
    image::DynamicImage::ImageRgba8(img).write_to(&mut out, image::ImageFormat::Png).unwrap();
    out.into_inner()
}

/// A real database file, made once for all cases.
fn sample_database() -> Vec<u8> {
    static SAMPLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    SAMPLE.get_or_init(make_database).clone()
}

fn make_database() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.db");
    let mut store = journeywall_core::Store::open(&path).unwrap();
    store.insert_doc(&templates::instantiate("blank-en", None).unwrap()).unwrap();
    drop(store);
    std::fs::read(&path).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(1000), ..ProptestConfig::default() })]

    #[test]
    fn the_interchange_file(mutations in prop::collection::vec(mutation(), 1..6)) {
        let input = mutate(sample_json(), &mutations);
        survives(&input, |b| interchange::import_file(b, "fuzz.json", None, Ids::New, "nl"))?;
    }

    #[test]
    fn csv_and_tsv(mutations in prop::collection::vec(mutation(), 1..6), tabs in any::<bool>()) {
        let sample = if tabs { SAMPLE_CSV.iter().map(|&b| if b == b';' { b'\t' } else { b }).collect() } else { SAMPLE_CSV.to_vec() };
        let input = mutate(sample, &mutations);
        survives(&input, |b| interchange::import_file(b, if tabs { "fuzz.tsv" } else { "fuzz.csv" }, None, Ids::New, "nl"))?;
    }

    #[test]
    fn xlsx_workbooks(mutations in prop::collection::vec(mutation(), 1..6)) {
        let sample = journeywall_core::fixtures::workbook(
            "Blad1",
            (1, 1),
            &[&["fase", "rij", "titel", "emotie", "stemmen"], &["Oriëntatie", "Acties", "Zoekt 🚲", "-1", "2"], &["Aankoop", "Pijn", "Betaalt", "", "0"]],
        );
        let input = mutate(sample, &mutations);
        survives(&input, |b| interchange::import_file(b, "fuzz.xlsx", None, Ids::New, "nl"))?;
    }

    #[test]
    fn pictures(mutations in prop::collection::vec(mutation(), 1..4)) {
        let input = mutate(sample_png(), &mutations);
        survives(&input, |b| picture::prepare("fuzz.png", b))?;
    }

    #[test]
    fn edits_as_the_cli_reads_them(mutations in prop::collection::vec(mutation(), 1..4)) {
        let id = journeywall_core::model::new_id();
        let edit = serde_json::to_vec(&Edit::MoveCards { cards: vec![id, id], phase: id, row: id, index: 3 }).unwrap();
        let input = mutate(edit, &mutations);
        survives(&input, |b| serde_json::from_slice::<Edit>(b))?;
    }
}

proptest! {
    // Each case writes a database file and opens it: fewer cases.
    #![proptest_config(ProptestConfig { cases: cases(200), ..ProptestConfig::default() })]

    #[test]
    fn database_files(mutations in prop::collection::vec(mutation(), 1..4), header_only in any::<bool>()) {
        let sample = sample_database();
        let input = if header_only {
            // Mutations aimed at the 100-byte header, where the file says what it is.
            let mut head = mutate(sample[..100].to_vec(), &mutations);
            head.extend_from_slice(&sample[100.min(sample.len())..]);
            head
        } else {
            mutate(sample, &mutations)
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fuzz.db");
        std::fs::write(&path, &input).unwrap();
        survives(&input, |_| journeywall_core::Store::open(&path).and_then(|s| s.list()))?;
    }
}
