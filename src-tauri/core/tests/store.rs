//! The store as a user meets it: files that are not ours are refused and left untouched, edits
//! and undo survive reopening, and bad edits change nothing.

use std::path::{Path, PathBuf};

use journeywall_core::edit::CardPatch;
use journeywall_core::fixtures::NewCard;
use journeywall_core::model::{Id, JourneyDoc, PersonaContent};
use journeywall_core::{templates, Author, Edit, Error, Lang, Store};

fn journey_in(store: &mut Store) -> JourneyDoc {
    let doc = templates::instantiate("online-nl", None).unwrap();
    store.insert_doc(&doc).unwrap();
    doc
}

fn refused(path: &Path) -> String {
    match Store::open(path) {
        Ok(_) => panic!("{} was opened", path.display()),
        Err(e @ Error::Database { .. }) => e.to_string(),
        Err(other) => panic!("unexpected error kind: {other}"),
    }
}

fn assert_untouched(path: &Path, before: &[u8]) {
    assert_eq!(std::fs::read(path).unwrap(), before, "{} was changed", path.display());
}

fn made_db(dir: &Path) -> PathBuf {
    let path = dir.join("journeywall.db");
    let mut store = Store::open(&path).unwrap();
    journey_in(&mut store);
    drop(store);
    path
}

#[test]
fn a_text_file_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.db");
    std::fs::write(&path, "Workshop notes, definitely not a database\n").unwrap();
    let before = std::fs::read(&path).unwrap();
    let msg = refused(&path);
    assert!(msg.contains("notes.db") && msg.contains("not an SQLite file") && msg.contains("--db"), "{msg}");
    assert_untouched(&path, &before);
}

#[test]
fn a_truncated_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = made_db(dir.path());
    let full = std::fs::read(&path).unwrap();
    let half = &full[..full.len() / 2];
    std::fs::write(&path, half).unwrap();
    let _ = std::fs::remove_file(dir.path().join("journeywall.db-wal"));
    let msg = refused(&path);
    assert!(msg.contains("damaged") && msg.contains("cut short"), "{msg}");
    assert_untouched(&path, half);
}

#[test]
fn another_programs_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("places.sqlite");
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('https://example.org');").unwrap();
    drop(other);
    let before = std::fs::read(&path).unwrap();
    let msg = refused(&path);
    assert!(msg.contains("another program"), "{msg}");
    assert_untouched(&path, &before);
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = made_db(dir.path());
    let c = rusqlite::Connection::open(&path).unwrap();
    c.pragma_update(None, "user_version", 99).unwrap();
    c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    drop(c);
    let before = std::fs::read(&path).unwrap();
    let msg = refused(&path);
    assert!(msg.contains("newer Journeywall") && msg.contains("update Journeywall"), "{msg}");
    assert_untouched(&path, &before);
}

#[test]
fn damage_inside_the_file_is_found_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = made_db(dir.path());
    let mut bytes = std::fs::read(&path).unwrap();
    // Scribble over the second page (a b-tree page), leaving the header intact.
    for b in &mut bytes[4096..4096 + 200] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let msg = refused(&path);
    assert!(msg.contains("damaged"), "{msg}");
    assert_untouched(&path, &bytes);
}

#[test]
fn a_folder_that_cannot_be_created_gives_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let msg = Store::open(&file.join("sub/journeywall.db")).err().unwrap().to_string();
    assert!(msg.contains("folder cannot be created"), "{msg}");
}

#[test]
fn a_place_nobody_may_write_gives_a_clear_error() {
    // /sys refuses new files even to root, which a chmod'ed folder does not.
    let msg = Store::open(Path::new("/sys/journeywall-test.db")).err().unwrap().to_string();
    assert!(msg.contains("/sys/journeywall-test.db") && msg.contains("may write"), "{msg}");
}

#[test]
fn a_full_disk_gives_a_clear_error_in_either_language_and_saves_nothing_half() {
    let dir = tempfile::tempdir().unwrap();
    let path = made_db(dir.path());
    let mut store = Store::open(&path).unwrap();
    let id = store.list().unwrap()[0].id;
    let doc = store.load(id).unwrap();
    store.simulate_full_disk().unwrap();
    let edit = NewCard::first_cell(&doc, "Big").notes(&"x".repeat(20_000)).edit();
    let mut err = None;
    for _ in 0..200 {
        if let Err(e) = store.apply(id, edit.clone()) {
            err = Some(e);
            break;
        }
    }
    let err = err.expect("the disk never filled up");
    let msg = err.to_string();
    assert!(msg.contains("disk is full") && msg.contains("journeywall.db"), "{msg}");
    let nl = err.message(Lang::Nl);
    assert!(nl.starts_with("kon ") && nl.contains("journeywall.db niet opslaan: de schijf is vol; maak ruimte vrij"), "{nl}");
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let after = store.load(id).unwrap();
    assert_eq!(after.cards.len() as i64 - doc.cards.len() as i64, store.history_len(id).unwrap(), "every saved card has its history step");
}

#[test]
fn edits_and_undo_survive_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journeywall.db");
    let mut store = Store::open(&path).unwrap();
    let doc = journey_in(&mut store);
    let id = doc.journey.id;
    let card = doc.cards[0].id;
    let target = doc.phases[2].id;
    store.apply(id, Edit::MoveCard { card, phase: target, row: doc.rows[0].id, index: 0 }).unwrap();
    drop(store);

    let mut store = Store::open(&path).unwrap();
    let moved = store.load(id).unwrap();
    assert_eq!(moved.cards.iter().find(|c| c.id == card).unwrap().phase, target);
    assert_eq!(store.undo_state(id, Author::FACILITATOR).unwrap().undo.as_deref(), Some("moveCard"));
    store.undo(id, None).unwrap();
    drop(store);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.load(id).unwrap().cards.iter().find(|c| c.id == card).unwrap().phase, doc.cards[0].phase);
    store.redo(id, None).unwrap();
    assert_eq!(store.load(id).unwrap().cards.iter().find(|c| c.id == card).unwrap().phase, target);
}

#[test]
fn a_new_edit_after_undo_drops_the_redo_tail() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey_in(&mut store);
    let id = doc.journey.id;
    store.apply(id, NewCard::first_cell(&doc, "one").edit()).unwrap();
    store.apply(id, NewCard::first_cell(&doc, "two").edit()).unwrap();
    store.undo(id, None).unwrap();
    assert_eq!(store.undo_state(id, Author::FACILITATOR).unwrap().redo.as_deref(), Some("addCard"));
    store.apply(id, NewCard::first_cell(&doc, "three").edit()).unwrap();
    assert_eq!(store.undo_state(id, Author::FACILITATOR).unwrap().redo, None);
    assert!(matches!(store.redo(id, None), Err(Error::NothingToRedo)));
}

#[test]
fn history_keeps_the_last_thousand_steps() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey_in(&mut store);
    let id = doc.journey.id;
    let card = doc.cards[0].id;
    for i in 0..1_005u32 {
        store
            .apply(id, Edit::UpdateCard { card, patch: CardPatch { votes: Some(i + 1), ..Default::default() }, updated_at: None })
            .unwrap();
    }
    assert_eq!(store.history_len(id).unwrap(), 1_000);
    for _ in 0..1_000 {
        store.undo(id, None).unwrap();
    }
    // The oldest five steps were dropped, so the votes stop at what step five left.
    assert_eq!(store.load(id).unwrap().cards.iter().find(|c| c.id == card).unwrap().votes, 5);
    assert!(matches!(store.undo(id, None), Err(Error::NothingToUndo)));
}

#[test]
fn an_edit_naming_an_unknown_card_changes_nothing() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey_in(&mut store);
    let id = doc.journey.id;
    let before = store.load(id).unwrap();
    let ghost = journeywall_core::model::new_id();
    let batch =
        Edit::Batch { edits: vec![NewCard::first_cell(&doc, "would be added").edit(), Edit::DeleteCard { card: ghost }], label: None };
    let msg = store.apply(id, batch).unwrap_err().to_string();
    assert!(msg.contains("no card") && msg.contains(&ghost.to_string()), "{msg}");
    assert_eq!(store.load(id).unwrap(), before);
    assert_eq!(store.history_len(id).unwrap(), 0);
}

#[test]
fn a_card_cannot_be_moved_into_another_journeys_phase() {
    let mut store = Store::in_memory().unwrap();
    let a = journey_in(&mut store);
    let b = journey_in(&mut store);
    let e =
        store.apply(a.journey.id, Edit::MoveCard { card: a.cards[0].id, phase: b.phases[0].id, row: a.rows[0].id, index: 0 }).unwrap_err();
    assert!(matches!(e, Error::NotFound { kind: journeywall_core::Record::Phase, .. }), "{e}");
}

#[test]
fn odd_text_is_stored_and_returned_exactly() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey_in(&mut store);
    let id = doc.journey.id;
    let odd = "📦 Bezorging ✅ — مرحبا بالعالم <script>alert('x')</script> <img src=x onerror=alert(1)> é\u{301}";
    let notes = "regel één\n\tingesprongen\n".repeat(800);
    let edit = NewCard::first_cell(&doc, odd).notes(&notes).edit();
    let applied = store.apply(id, edit).unwrap();
    let card = applied.changes.cards.iter().find(|c| c.title == odd).unwrap();
    let stored = store.load(id).unwrap().cards.into_iter().find(|c| c.id == card.id).unwrap();
    assert_eq!(stored.title, odd);
    assert_eq!(stored.notes, notes);
}

#[test]
fn control_characters_are_refused_with_a_clear_message() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey_in(&mut store);
    let msg = store.apply(doc.journey.id, NewCard::first_cell(&doc, "bad\u{1b}[31m").edit()).unwrap_err().to_string();
    assert!(msg.contains("card title") && msg.contains("U+001B"), "{msg}");
}

#[test]
fn invalid_fields_say_which_field_and_why() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey_in(&mut store);
    let id = doc.journey.id;
    let card = doc.cards[0].id;
    let cases = [
        (CardPatch { title: Some("  ".into()), ..Default::default() }, "card title: must not be empty"),
        (CardPatch { emotion: Some(Some(5)), ..Default::default() }, "card emotion"),
        (CardPatch { colour: Some(Some("blue".into())), ..Default::default() }, "card colour"),
        (CardPatch { notes: Some("n".repeat(20_001)), ..Default::default() }, "limit is 20000"),
    ];
    for (patch, expected) in cases {
        let msg = store.apply(id, Edit::UpdateCard { card, patch, updated_at: None }).unwrap_err().to_string();
        assert!(msg.contains(expected), "{msg} should mention {expected}");
    }
}

#[test]
fn moving_a_card_reports_the_cells_it_left_and_entered() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey_in(&mut store);
    let id = doc.journey.id;
    let from: Vec<Id> = doc.cards.iter().filter(|c| c.phase == doc.phases[0].id && c.row == doc.rows[1].id).map(|c| c.id).collect();
    assert!(from.len() >= 2, "the template has touchpoints in its first phase");
    let applied = store.apply(id, Edit::MoveCard { card: from[0], phase: doc.phases[1].id, row: doc.rows[1].id, index: 0 }).unwrap();
    let moved = applied.changes.cards.iter().find(|c| c.id == from[0]).unwrap();
    assert_eq!((moved.phase, moved.position), (doc.phases[1].id, 0));
    assert_eq!(applied.changes.cards.len(), 1, "only the moved card is sent whole");
    let left = applied.changes.cells.iter().find(|c| c.phase == doc.phases[0].id && c.row == doc.rows[1].id).unwrap();
    assert_eq!(left.cards[0], from[1], "the card that was second is now first");
    let entered = applied.changes.cells.iter().find(|c| c.phase == doc.phases[1].id && c.row == doc.rows[1].id).unwrap();
    assert_eq!(entered.cards[0], from[0]);
    assert_eq!(applied.history.undo.as_deref(), Some("moveCard"));
}

fn cell_order(store: &Store, journey: Id, phase: Id, row: Id) -> Vec<Id> {
    store.load(journey).unwrap().cards.iter().filter(|c| c.phase == phase && c.row == row).map(|c| c.id).collect()
}

#[test]
fn cards_from_several_cells_move_together_in_board_order_and_undo_in_one_step() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey_in(&mut store);
    let id = doc.journey.id;
    let (p0, p1, r1) = (doc.phases[0].id, doc.phases[1].id, doc.rows[1].id);
    let first = cell_order(&store, id, p0, r1);
    let target = cell_order(&store, id, p1, r1);
    assert!(first.len() >= 3 && target.len() >= 2, "the template has touchpoints in its first phases");
    let before = store.load(id).unwrap();
    // Named out of board order, and one of them already in the target cell.
    let cards = vec![target[1], first[2], first[0]];
    let applied = store.apply(id, Edit::MoveCards { cards, phase: p1, row: r1, index: 1 }).unwrap();
    assert_eq!(applied.history.undo.as_deref(), Some("moveCards"));
    let staying: Vec<Id> = target.iter().copied().filter(|c| *c != target[1]).collect();
    let mut expected = vec![staying[0], first[0], first[2], target[1]];
    expected.extend(&staying[1..]);
    assert_eq!(cell_order(&store, id, p1, r1), expected, "together at index 1, in board order");
    store.undo(id, None).unwrap();
    assert_eq!(store.load(id).unwrap().cards, before.cards, "one undo puts every card back");
    store.redo(id, None).unwrap();
    assert_eq!(cell_order(&store, id, p1, r1), expected);
}

#[test]
fn cards_dropped_where_they_are_make_no_undo_step() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey_in(&mut store);
    let id = doc.journey.id;
    let (p0, r1) = (doc.phases[0].id, doc.rows[1].id);
    let order = cell_order(&store, id, p0, r1);
    let history = store.undo_state(id, Author::FACILITATOR).unwrap();
    let edited = store.load(id).unwrap().journey.updated_at;
    std::thread::sleep(std::time::Duration::from_millis(5));
    let applied = store.apply(id, Edit::MoveCards { cards: vec![order[0], order[1]], phase: p0, row: r1, index: 0 }).unwrap();
    assert_eq!(applied.history, history);
    assert_eq!(store.load(id).unwrap().journey.updated_at, edited, "not counted as an edit of the journey");
    assert_eq!(cell_order(&store, id, p0, r1), order);
}

#[test]
fn cards_keep_their_order_when_one_spot_is_used_again_and_again() {
    // Inserting at the same index halves the same gap each time; after ~50 halvings the cell's
    // keys are renumbered, and the order must come through that intact.
    let mut store = Store::in_memory().unwrap();
    let doc = journey_in(&mut store);
    let (id, phase, row) = (doc.journey.id, doc.phases[4].id, doc.rows[4].id);
    let before: Vec<Id> = store.load(id).unwrap().cards.iter().filter(|c| c.phase == phase && c.row == row).map(|c| c.id).collect();
    let mut expected = before.clone();
    for i in 0..120 {
        let edit = NewCard::new(phase, row, &format!("wedge {i}")).at(1).edit();
        let applied = store.apply(id, edit).unwrap();
        expected.insert(1.min(expected.len()), applied.changes.cards[0].id);
    }
    let after = store.load(id).unwrap();
    after.validate().unwrap();
    let order: Vec<Id> = after.cards.iter().filter(|c| c.phase == phase && c.row == row).map(|c| c.id).collect();
    assert_eq!(order, expected);
}

#[test]
fn a_database_whose_writer_was_killed_opens_with_everything_acknowledged() {
    // Copying the files while the writer still has them open is what a crash leaves behind: the
    // newest pages (even the schema and the file's identity) only in the write-ahead log.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("journeywall.db");
    let mut store = Store::open(&path).unwrap();
    let doc = journey_in(&mut store);
    store.apply(doc.journey.id, NewCard::first_cell(&doc, "made just before the crash").edit()).unwrap();
    let crashed = tempfile::tempdir().unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let from = dir.path().join(format!("journeywall.db{suffix}"));
        if from.exists() {
            std::fs::copy(&from, crashed.path().join(format!("journeywall.db{suffix}"))).unwrap();
        }
    }
    let store = Store::open(&crashed.path().join("journeywall.db")).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    assert!(store.load(doc.journey.id).unwrap().cards.iter().any(|c| c.title == "made just before the crash"));
}

#[test]
fn a_version_one_database_is_copied_aside_then_upgraded_and_keeps_its_journeys() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workshop.db");
    {
        // A database as Journeywall 0.1 (schema version 1) left it, with one journey in it.
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(include_str!("../migrations/0001_initial.sql")).unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
        c.pragma_update(None, "application_id", journeywall_core::store::APPLICATION_ID).unwrap();
        c.execute(
            "INSERT INTO journeys (id, name, created_at, updated_at) VALUES ('0190b4c2-0000-7000-8000-000000000001', 'Old journey', 1, 1)",
            [],
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let backups: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("workshop.backup-v1-") && n.ends_with(".db"))
        .collect();
    assert_eq!(backups.len(), 1, "one copy of the version-1 file");
    let old: i64 =
        rusqlite::Connection::open(dir.path().join(&backups[0])).unwrap().query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(old, 1, "the copy is the file as it was");

    let id = store.resolve("Old journey").unwrap();
    assert_eq!(store.load(id).unwrap().journey.name, "Old journey");
    // What version 2 added works on the upgraded file.
    store.save_round(id, "As-is").unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

/// Deleting keeps the journey aside for "undo delete", and bringing it back forgets it, each in
/// one transaction: a disk that fills up halfway changes nothing, and the journey deleted before
/// can still be brought back.
#[test]
fn a_delete_or_restore_that_fails_halfway_changes_nothing() {
    use journeywall_core::library;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("j.db")).unwrap();
    let small = templates::instantiate("blank-en", Some("Small")).unwrap();
    store.insert_doc(&small).unwrap();
    library::delete(&mut store, small.journey.id).unwrap();
    let big = journeywall_core::fixtures::grown_journey(3000);
    store.insert_doc(&big).unwrap();
    store.simulate_full_disk().unwrap();
    assert!(library::delete(&mut store, big.journey.id).is_err(), "the disk is full");
    assert!(store.load(big.journey.id).is_ok(), "the journey is still there");
    let back = library::restore_last_deleted(&mut store).unwrap();
    assert_eq!(back, small.journey.id, "and the one deleted before can still come back");
}

/// A WAL-mode database of another program, or of a newer Journeywall, is refused, and nothing is
/// left beside it: no `-wal`, no `-shm`.
#[test]
fn refusing_a_wal_mode_database_leaves_no_side_files() {
    let dir = tempfile::tempdir().unwrap();
    for (name, application_id, user_version) in [("foreign.db", 0x1234_5678, 0), ("newer.db", journeywall_core::store::APPLICATION_ID, 99)]
    {
        let path = dir.path().join(name);
        {
            let c = rusqlite::Connection::open(&path).unwrap();
            c.pragma_update(None, "journal_mode", "WAL").unwrap();
            c.pragma_update(None, "application_id", application_id).unwrap();
            c.pragma_update(None, "user_version", user_version).unwrap();
            c.execute("CREATE TABLE t (x)", []).unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let side = |s: &str| dir.path().join(format!("{name}{s}"));
        assert!(!side("-wal").exists() && !side("-shm").exists(), "SQLite took its side files away on close");
        assert!(Store::open(&path).is_err(), "{name} is refused");
        assert!(!side("-wal").exists() && !side("-shm").exists(), "{name}: nothing was left beside it");
        assert_eq!(std::fs::read(&path).unwrap(), before, "{name} is unchanged");
    }
}

/// A file migrated by an older Journeywall that was stopped before it wrote its id holds our
/// schema with no id: it opens (and is marked), instead of being refused as another program's.
#[test]
fn a_file_with_our_schema_but_no_id_yet_is_ours() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.db");
    let mut store = Store::open(&path).unwrap();
    store.insert_doc(&templates::instantiate("blank-en", Some("Kept")).unwrap()).unwrap();
    drop(store);
    rusqlite::Connection::open(&path).unwrap().pragma_update(None, "application_id", 0).unwrap();
    let store = Store::open(&path).expect("ours");
    assert_eq!(store.list().unwrap()[0].name, "Kept");
    drop(store);
    let id: i32 = rusqlite::Connection::open(&path).unwrap().pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
    assert_eq!(id, journeywall_core::store::APPLICATION_ID);
}

/// Batches nested deeper than the history can store are refused; a stored step that cannot be
/// read is taken out of the history with a message, and undo goes on working.
#[test]
fn deep_batches_are_refused_and_an_unreadable_step_never_blocks_undo() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("j.db");
    let mut store = Store::open(&path).unwrap();
    let doc = templates::instantiate("online-en", None).unwrap();
    store.insert_doc(&doc).unwrap();
    let j = doc.journey.id;
    let mut deep =
        Edit::UpdateJourney { patch: journeywall_core::edit::JourneyPatch { description: Some("deep".into()), ..Default::default() } };
    for _ in 0..63 {
        deep = Edit::Batch { edits: vec![deep], label: None };
    }
    let e = store.apply(j, deep).unwrap_err().to_string();
    assert!(e.contains("nested 63 deep"), "{e}");

    let rename =
        |name: &str| Edit::UpdateJourney { patch: journeywall_core::edit::JourneyPatch { name: Some(name.into()), ..Default::default() } };
    store.apply(j, rename("One")).unwrap();
    store.apply(j, rename("Two")).unwrap();
    store.apply(j, rename("Three")).unwrap();
    drop(store);
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE history SET undo = '{\"type\":\"fromTheFuture\"}' WHERE seq = (SELECT max(seq) FROM history)", [])
        .unwrap();
    let mut store = Store::open(&path).unwrap();
    let e = store.undo(j, None).unwrap_err().to_string();
    assert!(e.contains("could not be read"), "{e}");
    assert_eq!(store.load(j).unwrap().journey.name, "Three", "the journey is as it was");
    assert_eq!(store.undo_state(j, Author::FACILITATOR).unwrap().undo, None, "the steps up to it are gone");
    store.apply(j, rename("Four")).unwrap();
    store.undo(j, None).unwrap();
    assert_eq!(store.load(j).unwrap().journey.name, "Three", "and undo works again");
}

/// A JPEG of `w` × `h` pixels as a picture data URL, and the same with its header claiming
/// `claim` × `claim` pixels (a "decompression bomb": small file, huge image).
fn jpeg_url(w: u32, h: u32, claim: Option<u16>) -> String {
    use base64::Engine;
    let img = image::RgbImage::from_fn(w, h, |x, y| image::Rgb([(x % 255) as u8, (y % 255) as u8, 90]));
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new(&mut bytes).encode_image(&img).unwrap();
    if let Some(c) = claim {
        let sof = bytes.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
        bytes[sof + 5..sof + 7].copy_from_slice(&c.to_be_bytes());
        bytes[sof + 7..sof + 9].copy_from_slice(&c.to_be_bytes());
    }
    format!("data:image/jpeg;base64,{}", base64::engine::general_purpose::STANDARD.encode(bytes))
}

/// Pictures that arrive in a file or an edit are held to what the dialog makes: an imported
/// one is made again (downscaled, its metadata dropped), a huge claimed size is refused by the
/// decoder's limits, and an edit cannot bring a picture larger than a stored one.
#[test]
fn pictures_from_files_and_edits_are_made_or_refused_as_dialog_pictures() {
    use journeywall_core::interchange::{self, Ids};
    let mut doc = templates::instantiate("online-en", None).unwrap();
    doc.personas[0].picture = Some(jpeg_url(1200, 40, None));
    let json = interchange::to_json(&doc);
    let imported = interchange::import_file(json.as_bytes(), "persona.json", None, Ids::New, "en").unwrap().doc;
    let bytes = journeywall_core::picture::bytes_of(imported.personas[0].picture.as_deref().unwrap()).unwrap();
    let small = image::load_from_memory(&bytes).unwrap();
    assert_eq!((small.width(), small.height()), (480, 16), "made again at the stored size");

    doc.personas[0].picture = Some(jpeg_url(16, 16, Some(30_000)));
    let e = interchange::import_file(interchange::to_json(&doc).as_bytes(), "bomb.json", None, Ids::New, "en").unwrap_err().to_string();
    assert!(e.contains("bomb.json") && e.contains("cannot be read as a picture"), "{e}");

    let mut store = Store::in_memory().unwrap();
    let plain = templates::instantiate("blank-en", None).unwrap();
    store.insert_doc(&plain).unwrap();
    let persona = PersonaContent { name: "Kim".into(), picture: Some(jpeg_url(1200, 40, None)), ..Default::default() };
    let add = Edit::AddPersona { id: None, persona };
    let e = store.apply(plain.journey.id, add).unwrap_err().to_string();
    assert!(e.contains("at most 480 pixels a side"), "{e}");
}

#[test]
fn a_journey_with_more_phases_than_any_wall_is_refused_by_name() {
    let mut doc = templates::instantiate("blank-en", None).unwrap();
    let first = doc.phases[0].clone();
    doc.phases =
        (0..201).map(|i| journeywall_core::model::Phase { id: journeywall_core::model::new_id(), position: i, ..first.clone() }).collect();
    doc.cards.clear();
    let e = doc.validate().unwrap_err().to_string();
    assert!(e.contains("phases: 201 are more than a journey may have (200)"), "{e}");
}

/// Two writers on one file (the app and `journeywall edit`, or two windows): each store learns
/// that the other committed, and an undo offered by a board that has not shown the other's edit
/// undoes nothing and says why; the same undo, offered again after a reload, undoes that edit.
#[test]
fn a_second_writer_is_noticed_and_its_edit_is_never_undone_unseen() {
    let dir = tempfile::tempdir().unwrap();
    let path = made_db(dir.path());
    let mut app = Store::open(&path).unwrap();
    let id = app.list().unwrap()[0].id;
    let doc = app.load(id).unwrap();
    assert!(!app.changed_elsewhere().unwrap(), "nothing has changed yet");

    app.apply(id, NewCard::first_cell(&doc, "the app's card").edit()).unwrap();
    assert!(!app.changed_elsewhere().unwrap(), "its own commit is not another writer's");
    let shown = app.undo_state(id, Author::FACILITATOR).unwrap();

    let mut cli = Store::open(&path).unwrap();
    cli.apply(id, NewCard::first_cell(&doc, "the CLI's card").edit()).unwrap();
    assert!(app.changed_elsewhere().unwrap(), "the other writer's commit is seen");
    assert!(!app.changed_elsewhere().unwrap(), "and seen once");

    let before = app.load(id).unwrap();
    let e = app.undo(id, shown.undo_step.as_deref()).unwrap_err();
    assert!(matches!(e, Error::ChangedElsewhere { undo: true }), "{e}");
    assert!(e.message(Lang::Nl).starts_with("er is niets ongedaan gemaakt"), "{}", e.message(Lang::Nl));
    assert_eq!(app.load(id).unwrap(), before, "nothing was undone");

    // The board reloads: it now offers to undo the CLI's card, and that is what goes.
    let reloaded = app.undo_state(id, Author::FACILITATOR).unwrap();
    assert_ne!(reloaded.undo_step, shown.undo_step);
    let undone = app.undo(id, reloaded.undo_step.as_deref()).unwrap();
    let titles: Vec<_> = app.load(id).unwrap().cards.into_iter().map(|c| c.title).collect();
    assert!(titles.contains(&"the app's card".to_string()) && !titles.contains(&"the CLI's card".to_string()), "{titles:?}");

    // Redo is held to the same: the CLI redoes meanwhile, so the board's redo does nothing.
    cli.redo(id, None).unwrap();
    let e = app.redo(id, undone.history.redo_step.as_deref()).unwrap_err();
    assert!(matches!(e, Error::ChangedElsewhere { undo: false }), "{e}");
}

/// A step's mark names that step, not its place: a step undone and replaced by a new edit takes
/// the same number (here within the same millisecond, as likely as not), and a board that showed
/// the old one must not undo the new one.
#[test]
fn a_step_replaced_at_the_same_place_has_another_mark() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey_in(&mut store);
    let id = doc.journey.id;
    store.apply(id, NewCard::first_cell(&doc, "one").edit()).unwrap();
    let first = store.undo_state(id, Author::FACILITATOR).unwrap().undo_step.unwrap();
    store.undo(id, None).unwrap();
    store.apply(id, NewCard::first_cell(&doc, "two").edit()).unwrap();
    let second = store.undo_state(id, Author::FACILITATOR).unwrap().undo_step.unwrap();
    assert_ne!(first, second);
    assert!(matches!(store.undo(id, Some(&first)), Err(Error::ChangedElsewhere { undo: true })));
    store.undo(id, Some(&second)).unwrap();
}
