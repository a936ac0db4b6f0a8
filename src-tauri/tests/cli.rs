//! The command line, run as a user would: the built binary on a temporary database.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use journeywall_core::model::JourneyDoc;
use journeywall_core::Store;

const BIN: &str = env!("CARGO_BIN_EXE_journeywall");

struct Db {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journeywall.db");
        Db { _dir: dir, path }
    }

    fn dir(&self) -> &Path {
        self.path.parent().unwrap()
    }

    /// The binary, writing its log beside this database rather than into the user's home.
    fn journeywall(&self) -> Command {
        let mut command = Command::new(BIN);
        command.env("JOURNEYWALL_LOG_DIR", self.dir().join("logs"));
        command
    }

    /// Everything the runs so far wrote to the log.
    fn log(&self) -> String {
        let files = std::fs::read_dir(self.dir().join("logs")).expect("a log folder was made");
        files.map(|f| std::fs::read_to_string(f.unwrap().path()).unwrap()).collect()
    }

    fn run(&self, args: &[&str]) -> Output {
        self.journeywall().arg("--db").arg(&self.path).args(args).env_remove("JOURNEYWALL_DB").output().unwrap()
    }

    /// Runs and expects success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// Runs and expects exit code 1 with one line on stderr; returns it.
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", String::from_utf8_lossy(&out.stdout));
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.trim_end().lines().count(), 1, "one line on stderr, got: {err}");
        assert!(!err.contains("backtrace") && !err.contains("panicked"), "{err}");
        err
    }

    fn doc(&self, journey: &str) -> JourneyDoc {
        let json = self.ok(&["show", journey, "--json"]);
        journeywall_core::interchange::from_json(&json, "show", journeywall_core::interchange::Ids::Keep).unwrap()
    }
}

#[test]
fn templates_are_listed_in_both_languages() {
    let db = Db::new();
    let out = db.ok(&["templates"]);
    for id in ["online-nl", "online-en", "website-nl", "website-en", "blank-nl", "blank-en"] {
        assert!(out.contains(id), "{id} missing from:\n{out}");
    }
    let json: serde_json::Value = serde_json::from_str(&db.ok(&["templates", "--json"])).unwrap();
    assert!(json.as_array().unwrap().iter().any(|t| t["language"] == "nl" && t["title"].as_str().unwrap().contains("klantreis")));
    assert!(!db.path.exists(), "listing templates needs no database");
}

#[test]
fn a_journey_is_created_shown_edited_undone_and_redone() {
    let db = Db::new();
    let id = db.ok(&["new", "--template", "website-nl", "--name", "Fietsenwinkel"]).trim().to_string();
    assert!(db.ok(&["list"]).contains("Fietsenwinkel"));

    let outline = db.ok(&["show", "Fietsenwinkel"]);
    assert!(outline.contains("1. Oriëntatie") && outline.contains("5. Herhaalaankoop"), "{outline}");

    let doc = db.doc(&id);
    let card = &doc.cards[0];
    let target = &doc.phases[4];
    let edit = format!(r#"{{"type":"moveCard","card":"{}","phase":"{}","row":"{}","index":0}}"#, card.id, target.id, card.row);
    let applied: serde_json::Value = serde_json::from_str(&db.ok(&["edit", &id, &edit])).unwrap();
    assert_eq!(applied["history"]["undo"], "moveCard");
    assert_eq!(db.doc(&id).cards.iter().find(|c| c.id == card.id).unwrap().phase, target.id);

    assert_eq!(db.ok(&["undo", "Fietsenwinkel"]).trim(), "undid moveCard");
    assert_eq!(db.doc(&id).cards.iter().find(|c| c.id == card.id).unwrap().phase, card.phase);
    assert_eq!(db.ok(&["redo", &id]).trim(), "redid moveCard");
    assert_eq!(db.doc(&id).cards.iter().find(|c| c.id == card.id).unwrap().phase, target.id);
    assert!(db.fails(&["redo", &id]).contains("nothing to redo"));
}

#[test]
fn export_then_import_gives_an_equal_journey_with_new_ids() {
    let db = Db::new();
    let id = db.ok(&["new", "--template", "online-en"]).trim().to_string();
    let file = db.dir().join("journey.json");
    db.ok(&["export", &id, "--out", file.to_str().unwrap()]);
    let copy = db.ok(&["import", file.to_str().unwrap(), "--name", "Copy"]).trim().to_string();
    assert_ne!(copy, id);
    let (a, b) = (db.doc(&id), db.doc(&copy));
    assert_eq!(b.journey.name, "Copy");
    let titles = |d: &JourneyDoc| d.cards.iter().map(|c| (c.title.clone(), c.position, c.emotion)).collect::<Vec<_>>();
    assert_eq!(titles(&a), titles(&b));
    assert_eq!(a.phases.iter().map(|p| &p.title).collect::<Vec<_>>(), b.phases.iter().map(|p| &p.title).collect::<Vec<_>>());

    // Keeping ids moves a journey between laptops; into the same database it collides, clearly.
    let err = db.fails(&["import", file.to_str().unwrap(), "--keep-ids"]);
    assert!(err.contains("already in use"), "{err}");
}

#[test]
fn a_csv_of_sticky_notes_lands_in_place() {
    let db = Db::new();
    let csv = db.dir().join("workshop.csv");
    std::fs::write(&csv, "fase;rij;titel;emotie\nOriëntatie;Touchpoints;Zoekt op Google;\nAankoop;Emoties;Blij;2\n").unwrap();
    let id = db.ok(&["import", csv.to_str().unwrap()]).trim().to_string();
    let doc = db.doc(&id);
    assert_eq!(doc.journey.name, "workshop");
    assert_eq!(doc.phases.len(), 2);
    assert_eq!(doc.cards.iter().find(|c| c.title == "Blij").unwrap().emotion, Some(2));
}

#[test]
fn a_broken_import_names_the_line_and_imports_nothing() {
    let db = Db::new();
    db.ok(&["new", "--template", "blank-en"]);
    let bad = db.dir().join("bad.json");
    std::fs::write(&bad, "{\n  \"format\": \"journeywall\",\n  \"version\": 1,\n  \"journey\": {\n}").unwrap();
    let err = db.fails(&["import", bad.to_str().unwrap()]);
    assert!(err.contains("bad.json") && err.contains("line"), "{err}");
    let png = db.dir().join("photo.json");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    assert!(db.fails(&["import", png.to_str().unwrap()]).contains("not a text file"));
    assert_eq!(db.ok(&["list"]).lines().count(), 1);
}

#[test]
fn usage_errors_exit_2_and_other_errors_exit_1_with_one_line() {
    let db = Db::new();
    assert_eq!(db.run(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(db.run(&["new"]).status.code(), Some(2));
    assert!(db.fails(&["new", "--template", "nope"]).contains("no template called 'nope'"));
    let id = db.ok(&["new", "--template", "blank-en"]).trim().to_string();
    assert!(db.fails(&["show", "No such journey"]).contains("no journey called"));
    let err = db.fails(&["edit", &id, r#"{"type":"deleteCard","card":"0190e1b2-0000-7000-8000-000000000000"}"#]);
    assert!(err.contains("no card with id"), "{err}");
    assert!(db.fails(&["edit", &id, "{not json"]).contains("an edit looks like"));
}

#[test]
fn a_foreign_database_is_refused_by_name_and_left_alone() {
    let db = Db::new();
    std::fs::write(&db.path, "not a database").unwrap();
    let err = db.fails(&["list"]);
    assert!(err.contains("journeywall.db") && err.contains("not a Journeywall database"), "{err}");
    assert_eq!(std::fs::read(&db.path).unwrap(), b"not a database");
}

#[test]
fn the_database_can_be_chosen_with_journeywall_db() {
    let db = Db::new();
    let out = db.journeywall().args(["new", "--template", "blank-nl"]).env("JOURNEYWALL_DB", &db.path).output().unwrap();
    assert!(out.status.success());
    assert!(db.ok(&["list"]).contains("Lege klantreis"));
}

#[test]
fn odd_text_comes_back_exactly_through_the_cli() {
    let db = Db::new();
    let id = db.ok(&["new", "--template", "blank-en"]).trim().to_string();
    let doc = db.doc(&id);
    let title = "📦 مرحبا <script>alert(1)</script>";
    let edit = serde_json::json!({"type": "addCard", "phase": doc.phases[0].id, "row": doc.rows[0].id, "title": title});
    db.ok(&["edit", &id, &edit.to_string()]);
    assert_eq!(db.doc(&id).cards[0].title, title);
    let bad = serde_json::json!({"type": "addCard", "phase": doc.phases[0].id, "row": doc.rows[0].id, "title": "a\u{7}b"});
    assert!(db.fails(&["edit", &id, &bad.to_string()]).contains("control character"));
}

/// A process killed in the middle of a stream of edits loses none that it acknowledged, and the
/// file stays sound.
#[test]
fn sigkill_mid_stream_loses_no_acknowledged_edit() {
    let db = Db::new();
    let id = db.ok(&["new", "--template", "website-en"]).trim().to_string();
    let doc = db.doc(&id);
    for round in 0..3 {
        let mut child = db
            .journeywall()
            .arg("--db")
            .arg(&db.path)
            .args(["edit", &id, "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let ids: Vec<String> = (0..2_000).map(|_| journeywall_core::model::new_id().to_string()).collect();
        let lines: String = ids
            .iter()
            .enumerate()
            .map(|(i, card)| {
                let phase = &doc.phases[i % doc.phases.len()].id;
                let row = &doc.rows[i % doc.rows.len()].id;
                format!("{{\"type\":\"addCard\",\"id\":\"{card}\",\"phase\":\"{phase}\",\"row\":\"{row}\",\"index\":0,\"title\":\"kill {round} #{i}\"}}\n")
            })
            .collect();
        let writer = std::thread::spawn(move || {
            let _ = stdin.write_all(lines.as_bytes());
        });
        let mut acks = BufReader::new(child.stdout.take().unwrap());
        let target = 40 + round * 37;
        let mut acknowledged = 0;
        let mut line = String::new();
        while acknowledged < target && acks.read_line(&mut line).unwrap() > 0 {
            acknowledged += 1;
            line.clear();
        }
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        let _ = writer.join();

        let store = Store::open(&db.path).unwrap();
        assert_eq!(store.integrity_check().unwrap(), "ok");
        let after = store.load(id.parse().unwrap()).unwrap();
        for card in &ids[..acknowledged] {
            assert!(after.cards.iter().any(|c| c.id.to_string() == *card), "acknowledged card {card} was lost");
        }
        after.validate().unwrap();
    }
}

#[test]
fn a_poster_is_printed_on_one_sheet_or_tiled_and_bad_options_write_nothing() {
    let db = Db::new();
    let id = db.ok(&["new", "--template", "website-nl"]).trim().to_string();
    let pdf = db.dir().join("muur.pdf");
    let out = db.ok(&["poster", &id, "--out", pdf.to_str().unwrap(), "--sheet", "A1"]);
    assert!(out.contains("A1 →") && out.contains("1 page"), "{out}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));

    let tiled = db.dir().join("tegels.pdf");
    let out = db.ok(&["poster", &id, "--out", tiled.to_str().unwrap(), "--tile", "A4", "--across", "3", "--overlap", "12mm", "--notes"]);
    // The CLI speaks English, whatever the journey's language.
    assert!(out.contains("3 × ") && out.contains("sheets of A4"), "{out}");

    let png = db.dir().join("muur.png");
    let out = db.ok(&["poster", &id, "--out", png.to_str().unwrap(), "--sheet", "A3", "--dpi", "60"]);
    assert!(out.contains("A3 →"), "{out}");
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG\r\n"));
    // A character no font has is named on stderr; the poster is still written.
    let card = db.doc(&id).cards[0].id;
    db.ok(&["edit", &id, &format!(r#"{{"type":"updateCard","card":"{card}","title":"Runen ᚠᛇᚻ"}}"#)]);
    let out = db.run(&["poster", &id, "--out", pdf.to_str().unwrap()]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("warning: “Runen ᚠᛇᚻ” contains characters that cannot be printed (ᚠᛇᚻ)"), "{err}");
    let err = db.fails(&["poster", &id, "--out", db.dir().join("huge.png").to_str().unwrap(), "--dpi", "1200"]);
    assert!(err.contains("400 megapixels") && err.contains("dpi or less"), "{err}");

    let svg = db.dir().join("muur.svg");
    db.ok(&["poster", &id, "--out", svg.to_str().unwrap(), "--tile", "A3", "--card-size", "76mm", "--grayscale"]);
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));

    let never = db.dir().join("never.pdf");
    for (args, named) in [
        (vec!["--tile", "A4", "--width", "16m"], "width:"),
        (vec!["--tile", "A4", "--across", "2", "--overlap", "200mm"], "overlap:"),
        (vec!["--sheet", "A9"], "sheet:"),
        (vec!["--tile", "A4", "--scale", "0%"], "scale:"),
        (vec!["--tile", "A4", "--width=-1m"], "width:"),
        (vec!["--tile", "A4"], "tile:"),
    ] {
        let mut all = vec!["poster", id.as_str(), "--out", never.to_str().unwrap()];
        all.extend(args);
        let err = db.fails(&all);
        assert!(err.contains(named), "{all:?}: {err}");
    }
    assert!(db.fails(&["poster", &id, "--out", db.dir().join("x.jpg").to_str().unwrap()]).contains("out:"));
    assert!(!never.exists());
    // Two sizes at once is a usage error.
    assert_eq!(db.run(&["poster", &id, "--out", "x.pdf", "--tile", "A4", "--width", "2m", "--across", "3"]).status.code(), Some(2));
}

/// The log a facilitator can send says what started (the version, the database) and what the core
/// refused, and never what a journey says: not its name, not a card's title or notes, not a name
/// asked for that does not exist.
#[test]
fn the_log_says_what_started_and_never_a_journeys_words() {
    let db = Db::new();
    let id = db.ok(&["new", "--template", "blank-en", "--name", "Operation Marzipan"]).trim().to_string();
    let doc = db.doc(&id);
    let card = serde_json::json!({"type": "addCard", "phase": doc.phases[0].id, "row": doc.rows[0].id,
        "title": "Zebra crossing at midnight", "notes": "Hums quietly"});
    db.ok(&["edit", &id, &card.to_string()]);
    db.ok(&["list"]);
    db.ok(&["show", &id]);
    db.fails(&["show", "Secret Walrus"]);
    let log = db.log();
    assert!(log.contains("started") && log.contains(&format!("version={}", env!("CARGO_PKG_VERSION"))), "{log}");
    assert!(log.contains(&format!("database={}", db.path.display())), "{log}");
    assert!(log.contains("failed command=show cause=no such journey"), "the refusal, by its kind: {log}");
    for words in ["Marzipan", "Zebra crossing", "Hums quietly", "Walrus"] {
        assert!(!log.contains(words), "{words:?} is in the log: {log}");
    }
}

#[test]
fn a_mistyped_database_path_is_said_and_nothing_is_created() {
    let db = Db::new();
    let typo = db.dir().join("no such folder").join("journeywal.db");
    for args in [vec!["list"], vec!["show", "Bikes"], vec!["export", "Bikes", "--out", "x.json"], vec!["undo", "Bikes"]] {
        let out = db.journeywall().arg("--db").arg(&typo).args(&args).env_remove("JOURNEYWALL_DB").output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("there is no database here"), "{args:?}: {err}");
    }
    assert!(!typo.parent().unwrap().exists(), "no folder was made");
}

#[test]
fn a_database_whose_header_says_page_size_zero_is_refused_with_a_message_not_a_crash() {
    let db = Db::new();
    let mut bytes = vec![0u8; 4096];
    bytes[..16].copy_from_slice(b"SQLite format 3\0");
    std::fs::write(&db.path, &bytes).unwrap();
    let err = db.fails(&["list"]);
    assert!(err.contains("damaged or not a Journeywall file"), "{err}");
    assert_eq!(std::fs::read(&db.path).unwrap(), bytes, "left as it was");
}

#[test]
fn edits_from_standard_input_name_the_line_that_is_not_text() {
    let db = Db::new();
    db.ok(&["new", "--template", "blank-en", "--name", "Bikes"]);
    let mut child = db
        .journeywall()
        .arg("--db")
        .arg(&db.path)
        .args(["edit", "Bikes", "-"])
        .env_remove("JOURNEYWALL_DB")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin
        .write_all(b"{\"type\":\"updateJourney\",\"description\":\"one\"}\n\n{\"type\":\"updateJourney\",\"description\":\"t\xffo\"}\n")
        .unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("standard input, line 3") && err.contains("not UTF-8"), "{err}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "applied updateJourney\n", "the first edit went in");
}

#[test]
fn a_tsv_and_an_excel_csv_with_a_sep_line_import() {
    let db = Db::new();
    let tsv = db.dir().join("notes.tsv");
    std::fs::write(&tsv, "phase\trow\ttitle\nAwareness\tActions\tSees an ad; clicks it\n").unwrap();
    db.ok(&["import", tsv.to_str().unwrap(), "--name", "From TSV"]);
    assert!(db.ok(&["show", "From TSV"]).contains("Sees an ad; clicks it"));
    let excel = db.dir().join("excel.csv");
    std::fs::write(&excel, "sep=;\r\nphase;row;title\r\nOriëntatie;Acties;Zoekt op Google, vergelijkt\r\n").unwrap();
    db.ok(&["import", excel.to_str().unwrap(), "--name", "From Excel"]);
    assert!(db.ok(&["show", "From Excel"]).contains("Zoekt op Google, vergelijkt"));
}

#[test]
fn export_writes_a_workbook_or_a_csv_by_the_extension_and_both_import_again() {
    let db = Db::new();
    let id = db.ok(&["new", "--template", "website-nl"]).trim().to_string();
    let doc = db.doc(&id);
    let cards = |d: &JourneyDoc| {
        let mut cards: Vec<_> = d.cards.iter().map(|c| (c.title.clone(), c.emotion, c.votes)).collect();
        cards.sort();
        cards
    };
    let xlsx = db.dir().join("kaarten.xlsx");
    assert_eq!(db.ok(&["export", &id, "--out", xlsx.to_str().unwrap()]).trim(), xlsx.to_str().unwrap());
    assert!(std::fs::read(&xlsx).unwrap().starts_with(b"PK\x03\x04"));
    let csv = db.dir().join("kaarten.csv");
    db.ok(&["export", &id, "--out", csv.to_str().unwrap(), "--delimiter", ";"]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(
        text.starts_with("\u{feff}\"Fase\";\"Rij\";\"Titel\";\"Notities\";\"Kanaal\";\"Emotie\";\"Labels\";\"Kleur\";\"Stemmen\";"),
        "{text}"
    );
    for file in [&xlsx, &csv] {
        let copy = db.ok(&["import", file.to_str().unwrap()]).trim().to_string();
        assert_eq!(cards(&db.doc(&copy)), cards(&doc), "{}", file.display());
    }

    // An extension no export has is a usage error that lists the ones there are; nothing is written.
    let txt = db.dir().join("kaarten.txt");
    let out = db.run(&["export", &id, "--out", txt.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("kaarten.txt must end in one of .json, .xlsx, .csv"), "{err}");
    assert!(!txt.exists());
    assert_eq!(db.run(&["export", &id, "--out", csv.to_str().unwrap(), "--delimiter", "|"]).status.code(), Some(2));
    let err = db.fails(&["export", &id, "--out", xlsx.to_str().unwrap(), "--delimiter", ";"]);
    assert!(err.contains("--delimiter is for a .csv file"), "{err}");
}

#[test]
fn export_writes_the_map_as_one_html_page_and_an_unknown_extension_lists_html() {
    let db = Db::new();
    let id = db.ok(&["new", "--template", "online-nl"]).trim().to_string();
    let page = db.dir().join("Kaart.HTML");
    assert_eq!(db.ok(&["export", &id, "--out", page.to_str().unwrap()]).trim(), page.to_str().unwrap());
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"), "{}", &html[..80]);
    assert!(html.contains("<title>Online klantreis</title>") && html.contains("default-src 'none'"));
    for card in &db.doc(&id).cards {
        let escaped = card.title.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
        assert!(html.contains(&escaped), "{}", card.title);
    }
    let docx = db.dir().join("kaart.docx");
    let out = db.run(&["export", &id, "--out", docx.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains(".csv, .html"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!docx.exists());
}

/// The app's own process may open and close the database's files without SQLite: a GTK file
/// chooser showing their folder reads each file's first bytes. That drops every POSIX lock the
/// process holds on them, so another program (`journeywall show`) took itself for the only one:
/// closing, it deleted the write-ahead log the app was still writing to, and every edit after that
/// was lost at the next crash (walk: two minutes of a workshop, shown as saved; again with the
/// other program run while the dialog was still open).
#[test]
fn edits_made_after_another_program_closed_the_file_survive_a_crash() {
    let db = Db::new();
    let id = db.ok(&["new", "--template", "blank-en"]).trim().parse().unwrap();
    let mut app = Store::open(&db.path).unwrap();
    let doc = app.load(id).unwrap();
    let add = |title: &str| {
        serde_json::from_value(serde_json::json!({ "type": "addCard", "phase": doc.phases[0].id, "row": doc.rows[0].id, "title": title }))
            .unwrap()
    };
    // The dialog opens on the folder and reads its files, the side files too (and reads them again
    // a moment after it closed: GTK looks at a folder's files in the background).
    let dialog_reads = || {
        for side in ["", "-wal", "-shm"] {
            let mut path = db.path.clone().into_os_string();
            path.push(side);
            drop(std::fs::File::open(path).unwrap());
        }
    };
    app.apply(id, add("before")).unwrap();
    dialog_reads();
    db.ok(&["show", &id.to_string(), "--json"]);
    // A phone's note arrives while the dialog is still open.
    app.apply(id, add("during")).unwrap();
    // The dialog closes; it reads the folder once more.
    let mut app = app.reconnect().unwrap();
    dialog_reads();
    db.ok(&["show", &id.to_string(), "--json"]);
    app.apply(id, add("after")).unwrap();
    // The app is killed: its connection is never closed.
    std::mem::forget(app);
    let shown: JourneyDoc = serde_json::from_str(&db.ok(&["show", &id.to_string(), "--json"])).unwrap();
    let titles: Vec<&str> = shown.cards.iter().map(|c| c.title.as_str()).collect();
    for title in ["before", "during", "after"] {
        assert!(titles.contains(&title), "{title}: {titles:?}");
    }
}
