//! Journeys in and out of the program: the versioned JSON file (documented in
//! docs/FILE-FORMAT.md), CSV card lists typed up after a paper workshop, and the cards exported
//! to Excel and CSV so that they import again.

mod columns;
mod csv_import;
mod export;
mod formulas;
mod ids;
mod pptx_export;
mod table_export;
mod xlsx_export;
mod xlsx_import;

pub use csv_import::import_csv;
pub use export::{export, write_export, Format};
pub use ids::renew as renew_ids;
pub use pptx_export::to_pptx;
pub use table_export::{to_csv, Delimiter};
pub use xlsx_export::to_xlsx;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{self, JourneyDoc};
use crate::said;
use crate::said::Field;
use crate::said::Said;

pub const FORMAT: &str = "journeywall";
/// The newest file format version this build reads and the one it writes.
/// 2 added the vote, rounds and persona pictures; 3 the room's inbox. Older files are read as
/// they are. A file of a newer version is refused by the builds that do not know it, so they never
/// drop what it adds silently.
pub const VERSION: u32 = 3;

#[derive(Serialize)]
struct FileOut<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    doc: &'a JourneyDoc,
}

#[derive(Deserialize)]
struct FileHeader {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

/// The journey as a JSON file, pretty-printed so it reads well in a diff.
pub fn to_json(doc: &JourneyDoc) -> String {
    let mut out = serde_json::to_string_pretty(&FileOut { format: FORMAT, version: VERSION, doc }).unwrap_or_default();
    out.push('\n');
    out
}

/// How ids in an imported file are treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ids {
    /// Every record gets a new id, so the same file can be imported many times.
    New,
    /// Ids are kept (moving a journey between laptops); importing twice is refused.
    Keep,
}

/// Reads a Journeywall JSON file. `source` names it in error messages.
pub fn from_json(text: &str, source: &str, ids: Ids) -> Result<JourneyDoc> {
    read_json(text, source, ids, Pictures::AsStored)
}

/// What to do with persona pictures in a file: our own files (a duplicate, the journey deleted
/// last) hold them as we stored them; a file from elsewhere may hold any JPEG, so each is made
/// again as a picture chosen in the dialog is (downscaled, its metadata such as GPS dropped).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pictures {
    AsStored,
    Remade,
}

fn read_json(text: &str, source: &str, ids: Ids, pictures: Pictures) -> Result<JourneyDoc> {
    let err = |problem: Said| Error::Import { source_name: source.into(), problem };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(err(said!("is empty; expected a Journeywall JSON file", "is leeg; verwacht werd een Journeywall-bestand (JSON)")));
    }
    let header: FileHeader = serde_json::from_str(text).map_err(|e| err(json_error(&e)))?;
    match header.format.as_ref().and_then(|f| f.as_str()) {
        Some(FORMAT) => {}
        Some(other) => {
            return Err(err(said!(
                "is not a Journeywall file (its format is '{other}')",
                "is geen Journeywall-bestand (het formaat is '{other}')"
            )))
        }
        None => {
            return Err(err(said!(
                "is JSON but not a Journeywall file (it has no \"format\": \"journeywall\")",
                "is JSON, maar geen Journeywall-bestand (er staat geen \"format\": \"journeywall\" in)"
            )))
        }
    }
    match header.version.as_ref().and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(VERSION) => {
            return Err(err(said!(
                "was made by a newer Journeywall (file format version {v}; this version reads up to {VERSION}). \
                 Update Journeywall to import it.",
                "is gemaakt door een nieuwere Journeywall (bestandsformaat versie {v}; deze versie leest tot en met \
                 versie {VERSION}). Werk Journeywall bij om het te importeren."
            )))
        }
        Some(v) if v >= 1 => {}
        _ => {
            return Err(err(said!(
                "has no valid \"version\" (expected a whole number such as 1)",
                "heeft geen geldige \"version\" (verwacht werd een geheel getal, zoals 1)"
            )))
        }
    }
    // The header is checked above; the journey's fields sit beside it.
    let mut doc: JourneyDoc = serde_json::from_str(text).map_err(|e| err(json_error(&e)))?;
    if pictures == Pictures::Remade {
        remake_pictures(&mut doc).map_err(|e| err(e.said()))?;
    }
    doc.validate().map_err(|e| err(e.said()))?;
    if ids == Ids::New {
        ids::renew(&mut doc);
    }
    stamp(&mut doc);
    doc.sort();
    Ok(doc)
}

/// Makes every persona picture of `doc` (and of its rounds) again from its bytes, as `prepare`
/// makes a chosen one: a picture claiming 20,000 × 20,000 pixels is refused by the decoder's
/// limits instead of being decoded on every preview and printed at full size.
fn remake_pictures(doc: &mut JourneyDoc) -> Result<()> {
    for p in &mut doc.personas {
        if let Some(bytes) = p.picture.as_deref().and_then(crate::picture::bytes_of) {
            let source = format!("{}'s picture", p.name);
            p.picture = Some(crate::picture::prepare(&source, &bytes)?);
        }
    }
    doc.rounds.iter_mut().try_for_each(|r| remake_pictures(&mut r.doc))
}

/// The largest file imported: a 50,000-card journey with pictures is well under it.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;

/// The bytes of a file to import, refused before it is read when it is too large or not a
/// regular file (a device or a pipe may never end). The app's Import dialog and the CLI read here.
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>> {
    use crate::files::{read_at_most, ReadRefusal};
    let source_name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    read_at_most(path, MAX_FILE_BYTES).map_err(|refusal| match refusal {
        ReadRefusal::TooLarge(size) => too_large(&source_name, size),
        ReadRefusal::NotAFile => Error::Import {
            source_name,
            problem: said!(
                "is not a file (it is a device, a pipe or a folder); choose a Journeywall JSON or CSV file",
                "is geen bestand (het is een apparaat, een pipe of een map); kies een Journeywall-JSON- of CSV-bestand"
            ),
        },
        ReadRefusal::Io(e) => Error::Import { source_name, problem: said!("cannot be read ({e})", "kan niet worden gelezen ({e})") },
    })
}

/// A file over `MAX_FILE_BYTES`, refused by its size.
pub fn too_large(source_name: &str, bytes: u64) -> Error {
    let (mb, mb_nl) = crate::files::megabytes(bytes);
    let max = MAX_FILE_BYTES >> 20;
    Error::Import {
        source_name: source_name.into(),
        problem: said!(
            "the file is {mb} MB; a journey file may be at most {max} MB",
            "het bestand is {mb_nl} MB; een klantreisbestand mag hoogstens {max} MB zijn"
        ),
    }
}

/// A journey read from a file, and what the person importing it should be told about how it was
/// read (the row of a spreadsheet taken as its header), in both languages.
#[derive(Debug)]
pub struct Imported {
    pub doc: JourneyDoc,
    pub remarks: Vec<Said>,
}

/// Reads an import file that is either a Journeywall JSON file or a CSV of cards, told apart by
/// its name's extension, else by its content. `file_name` names it in errors and gives a CSV
/// journey its name unless `name` is given; `locale` is the language a CSV journey is made in
/// (the JSON file says its own). The app and the CLI both import through here.
pub fn import_file(bytes: &[u8], file_name: &str, name: Option<&str>, ids: Ids, locale: &str) -> Result<Imported> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(file_name, bytes.len() as u64));
    }
    let err = |problem: Said| Error::Import { source_name: file_name.into(), problem };
    let path = std::path::Path::new(file_name);
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_lowercase();
    let looks_like_json = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{');
    let json = |bytes: &[u8]| -> Result<Imported> {
        let text = std::str::from_utf8(bytes).map_err(|_| {
            err(said!("is not a text file; expected Journeywall JSON", "is geen tekstbestand; verwacht werd Journeywall-JSON"))
        })?;
        Ok(Imported { doc: read_json(text, file_name, ids, Pictures::Remade)?, remarks: Vec::new() })
    };
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "Imported".into());
    let mut imported = match ext.as_str() {
        "json" => json(bytes)?,
        "xlsx" => xlsx_import::import_xlsx(bytes, file_name, name.unwrap_or(&stem), locale)?,
        "csv" | "txt" | "tsv" if !xlsx_import::looks_like_xlsx(bytes) => import_csv(bytes, file_name, name.unwrap_or(&stem), locale)?,
        _ if looks_like_json => json(bytes)?,
        // A workbook renamed, or saved without its extension.
        _ if xlsx_import::looks_like_xlsx(bytes) => xlsx_import::import_xlsx(bytes, file_name, name.unwrap_or(&stem), locale)?,
        // Excel 97–2003 files are OLE compound documents.
        _ if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") => {
            return Err(err(said!(
                "is an Excel 97–2003 workbook (.xls); Journeywall reads .xlsx and CSV: save it as one of those",
                "is een Excel 97–2003-werkmap (.xls); Journeywall leest .xlsx en CSV: sla hem op als een van die twee"
            )))
        }
        _ => {
            return Err(err(said!(
                "unknown kind of file; expected a Journeywall .json file, or a .csv or .xlsx of cards",
                "onbekend soort bestand; verwacht werd een Journeywall-bestand (.json), of een .csv of .xlsx met kaarten"
            )))
        }
    };
    if let Some(name) = name {
        model::check_title(Field::Name, name)?;
        imported.doc.journey.name = name.into();
    }
    Ok(imported)
}

/// Records without times (templates, hand-written files) are stamped with the time of import.
fn stamp(doc: &mut JourneyDoc) {
    let now = model::now_millis();
    if doc.journey.created_at == 0 {
        doc.journey.created_at = now;
    }
    doc.journey.updated_at = now;
    for c in &mut doc.cards {
        if c.created_at == 0 {
            c.created_at = now;
        }
        if c.updated_at == 0 {
            c.updated_at = c.created_at;
        }
    }
}

fn json_error(e: &serde_json::Error) -> Said {
    use serde_json::error::Category;
    let (what, what_nl) = match e.classify() {
        Category::Io => ("could not be read", "kon niet worden gelezen"),
        Category::Syntax => ("is not valid JSON", "is geen geldige JSON"),
        Category::Eof => ("ends too early (the JSON is cut off)", "houdt te vroeg op (de JSON is afgebroken)"),
        Category::Data => ("has a field that does not fit", "heeft een veld dat niet klopt"),
    };
    // serde_json appends " at line L column C"; say it once, in front. What serde_json says about
    // the field stays in its English: it names fields and types as the file spells them.
    let msg = e.to_string();
    let detail = msg.split(" at line ").next().unwrap_or(&msg);
    said!(
        "{what}: line {line}, column {column}: {detail}",
        "{what_nl}: regel {line}, kolom {column}: {detail}",
        line = e.line(),
        column = e.column()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file to import is refused by its kind and size before it is read: a device or a folder
    /// (reading `/dev/zero` would never end), a file over 50 MB (a sparse one: nothing is written),
    /// and the same size limit for bytes that arrive whole (`journeywall rpc`).
    #[test]
    fn an_import_is_refused_by_kind_and_size_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let folder = read_file(dir.path()).unwrap_err().message(crate::said::Lang::En);
        assert!(
            folder.ends_with(": is not a file (it is a device, a pipe or a folder); choose a Journeywall JSON or CSV file"),
            "{folder}"
        );
        #[cfg(unix)]
        {
            let device = read_file(std::path::Path::new("/dev/zero")).unwrap_err().to_string();
            assert_eq!(device, "zero: is not a file (it is a device, a pipe or a folder); choose a Journeywall JSON or CSV file");
        }
        let big = dir.path().join("huge.csv");
        std::fs::File::create(&big).unwrap().set_len(MAX_FILE_BYTES + 1).unwrap();
        let e = read_file(&big).unwrap_err();
        assert_eq!(e.to_string(), "huge.csv: the file is 50.1 MB; a journey file may be at most 50 MB");
        assert_eq!(e.message(crate::said::Lang::Nl), "huge.csv: het bestand is 50,1 MB; een klantreisbestand mag hoogstens 50 MB zijn");
        let missing = read_file(&dir.path().join("gone.json")).unwrap_err().to_string();
        assert!(missing.starts_with("gone.json: cannot be read ("), "{missing}");

        let whole = vec![b' '; MAX_FILE_BYTES as usize + 1];
        let e = import_file(&whole, "notes.csv", None, Ids::New, "en").unwrap_err();
        assert_eq!(e.to_string(), "notes.csv: the file is 50.1 MB; a journey file may be at most 50 MB");
    }

    fn sample() -> JourneyDoc {
        crate::templates::instantiate("online-en", None).unwrap()
    }

    #[test]
    fn export_then_import_gives_an_equal_journey_with_new_ids() {
        let doc = sample();
        let back = from_json(&to_json(&doc), "x.json", Ids::New).unwrap();
        assert_ne!(back.journey.id, doc.journey.id);
        assert_eq!(ids::without_ids(&back), ids::without_ids(&doc));
    }

    #[test]
    fn export_then_import_keeping_ids_is_identical() {
        let doc = sample();
        let back = from_json(&to_json(&doc), "x.json", Ids::Keep).unwrap();
        assert_eq!(back.cards, doc.cards);
        assert_eq!(back.phases, doc.phases);
        assert_eq!(back.journey.id, doc.journey.id);
    }

    /// Files written before the journey lost its unused `settings` still import, without them.
    #[test]
    fn a_file_with_the_journeys_old_settings_imports() {
        let mut v: serde_json::Value = serde_json::from_str(&to_json(&sample())).unwrap();
        v["journey"]["settings"] = serde_json::json!({"poster": {"sheet": "A0"}});
        let back = from_json(&v.to_string(), "old.json", Ids::Keep).unwrap();
        assert_eq!(back.journey.name, sample().journey.name);
        assert!(!to_json(&back).contains("settings"));
    }

    #[test]
    fn a_newer_file_is_refused_with_a_message_saying_so() {
        let text = to_json(&sample()).replacen("\"version\": 3", "\"version\": 7", 1);
        let e = from_json(&text, "new.json", Ids::New).unwrap_err().to_string();
        assert!(e.contains("newer Journeywall") && e.contains("version 7"), "{e}");
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let e = from_json("{\n  \"format\": \"journeywall\",\n  \"version\": 1,\n  oops\n}", "bad.json", Ids::New).unwrap_err().to_string();
        assert!(e.contains("bad.json") && e.contains("line 4, column 3"), "{e}");
    }

    #[test]
    fn json_of_another_program_is_refused() {
        let e = from_json(r#"{"name": "package", "version": "1.0.0"}"#, "package.json", Ids::New).unwrap_err().to_string();
        assert!(e.contains("not a Journeywall file"), "{e}");
    }

    #[test]
    fn a_card_in_an_unknown_phase_is_refused() {
        let mut v: serde_json::Value = serde_json::from_str(&to_json(&sample())).unwrap();
        v["cards"][0]["phase"] = serde_json::json!(model::new_id());
        let e = from_json(&v.to_string(), "x.json", Ids::New).unwrap_err().to_string();
        assert!(e.contains("unknown phase"), "{e}");
    }
}
