//! The room's inbox as the facilitator sorts it: notes from phones arrive once however often
//! they are sent, are placed where they were aimed or elsewhere, discarded, and every step undoes
//! and redoes; the inbox travels in the exported file.

use journeywall_core::inbox::{Incoming, NoteState, Received};
use journeywall_core::interchange::{self, Ids};
use journeywall_core::model::{new_id, Id, JourneyDoc};
use journeywall_core::{templates, Author, Changes, Edit, Store};

fn journey(store: &mut Store) -> JourneyDoc {
    let doc = templates::instantiate("online-en", None).unwrap();
    store.insert_doc(&doc).unwrap();
    doc
}

fn note(text: &str, phase: Option<Id>, row: Option<Id>) -> Incoming {
    Incoming { id: new_id(), text: text.into(), phase, row, author: Some("Ayşe".into()) }
}

/// Receives one note, as a phone alone sends it.
fn receive(store: &mut Store, j: Id, n: Incoming, device: &str) -> journeywall_core::Result<(Received, Changes)> {
    let (mut answers, changes) = store.receive_notes(j, vec![(n, device.to_owned())])?;
    answers.remove(0).map(|r| (r, changes))
}

fn state_of(store: &Store, j: Id, note: Id) -> NoteState {
    store.load(j).unwrap().inbox.iter().find(|n| n.id == note).unwrap().state
}

#[test]
fn a_note_sent_twice_is_stored_once_and_an_aim_at_nothing_is_dropped_not_the_note() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let n = note("Could not find the opening hours", Some(doc.phases[0].id), Some(doc.rows[0].id));
    let (first, changes) = receive(&mut store, j, n.clone(), "phone-1").unwrap();
    assert!(first.new);
    assert_eq!(changes.inbox.as_ref().map(Vec::len), Some(1));
    let (again, _) = receive(&mut store, j, n.clone(), "phone-1").unwrap();
    assert!(!again.new);
    assert_eq!(store.load(j).unwrap().inbox.len(), 1);

    let stale = note("Aimed at a phase that was deleted", Some(new_id()), Some(doc.rows[0].id));
    let (r, _) = receive(&mut store, j, stale, "phone-2").unwrap();
    assert_eq!((r.note.phase, r.note.row), (None, Some(doc.rows[0].id)));
    assert!(receive(&mut store, j, note("", None, None), "phone-2").is_err(), "an empty note is refused");
    assert_eq!(store.undo_state(j, Author::FACILITATOR).unwrap().undo, None, "receiving a note is not the facilitator's edit");
}

#[test]
fn placing_makes_a_card_and_undo_puts_the_note_back_in_the_inbox() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let (phase, row) = (doc.phases[2].id, doc.rows[1].id);
    let (r, _) = receive(&mut store, j, note("Delivery took a week 📦", Some(phase), Some(row)), "p").unwrap();
    let id = r.note.id;

    let applied = store.apply(j, Edit::PlaceNote { note: id, phase: None, row: None, index: None, card: None }).unwrap();
    let card = applied.changes.cards.iter().find(|k| k.title == "Delivery took a week 📦").expect("a card").clone();
    assert_eq!((card.phase, card.row), (phase, row));
    assert_eq!(applied.changes.inbox.unwrap()[0].card, Some(card.id));
    assert_eq!(store.undo_state(j, Author::FACILITATOR).unwrap().undo.as_deref(), Some("placeNote"));
    assert!(store.apply(j, Edit::PlaceNote { note: id, phase: None, row: None, index: None, card: None }).is_err(), "placed once");

    store.undo(j, None).unwrap();
    assert_eq!(state_of(&store, j, id), NoteState::Inbox);
    assert!(!store.load(j).unwrap().cards.iter().any(|k| k.id == card.id));
    store.redo(j, None).unwrap();
    assert_eq!(state_of(&store, j, id), NoteState::Placed);
    let back = store.load(j).unwrap().cards.into_iter().find(|k| k.id == card.id).expect("the same card again");
    assert_eq!((back.phase, back.row, back.position), (card.phase, card.row, card.position));
}

/// A card made of a phone's note says where it came from: the name its participant gave, and
/// nothing for a note sent without one.
#[test]
fn a_placed_notes_card_names_the_participant_who_wrote_it() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let aim = (Some(doc.phases[1].id), Some(doc.rows[0].id));
    receive(&mut store, j, note("Delivery took a week", aim.0, aim.1), "p").unwrap();
    receive(&mut store, j, Incoming { author: None, ..note("No parking nearby", aim.0, aim.1) }, "q").unwrap();

    store.apply(j, Edit::PlaceAimedNotes).unwrap();
    let cards = store.load(j).unwrap().cards;
    let source = |title: &str| cards.iter().find(|k| k.title == title).map(|k| k.source.clone());
    assert_eq!(source("Delivery took a week").as_deref(), Some("Ayşe"));
    assert_eq!(source("No parking nearby").as_deref(), Some(""));
}

#[test]
fn place_all_places_the_aimed_notes_in_one_step_and_leaves_the_others() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let aimed: Vec<Id> = (0..3)
        .map(|i| receive(&mut store, j, note(&format!("aimed {i}"), Some(doc.phases[i].id), Some(doc.rows[0].id)), "p").unwrap().0.note.id)
        .collect();
    let loose = receive(&mut store, j, note("aimed nowhere", None, None), "p").unwrap().0.note.id;
    let cards_before = store.load(j).unwrap().cards.len();

    store.apply(j, Edit::PlaceAimedNotes).unwrap();
    assert!(aimed.iter().all(|n| state_of(&store, j, *n) == NoteState::Placed));
    assert_eq!(state_of(&store, j, loose), NoteState::Inbox);
    assert_eq!(store.load(j).unwrap().cards.len(), cards_before + 3);
    assert!(store.apply(j, Edit::PlaceNote { note: loose, phase: None, row: None, index: None, card: None }).is_err(), "no cell to go to");
    store
        .apply(j, Edit::PlaceNote { note: loose, phase: Some(doc.phases[1].id), row: Some(doc.rows[2].id), index: Some(0), card: None })
        .unwrap();

    store.undo(j, None).unwrap();
    store.undo(j, None).unwrap();
    assert!(aimed.iter().chain([&loose]).all(|n| state_of(&store, j, *n) == NoteState::Inbox), "one step undoes them all");
    assert_eq!(store.load(j).unwrap().cards.len(), cards_before);
}

#[test]
fn a_discarded_note_can_come_back_and_a_waiting_one_can_be_corrected() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let id = receive(&mut store, j, note("Typo in the nmae", None, None), "p").unwrap().0.note.id;
    store.apply(j, Edit::UpdateNote { note: id, text: "Typo in the name".into() }).unwrap();
    store.apply(j, Edit::DiscardNote { note: id }).unwrap();
    assert_eq!(state_of(&store, j, id), NoteState::Discarded);
    assert!(store.apply(j, Edit::DiscardNote { note: id }).is_err());
    store.apply(j, Edit::ReturnNote { note: id }).unwrap();
    assert_eq!(state_of(&store, j, id), NoteState::Inbox);
    store.undo(j, None).unwrap();
    store.undo(j, None).unwrap();
    store.undo(j, None).unwrap();
    let n = store.load(j).unwrap().inbox.into_iter().next().unwrap();
    assert_eq!((n.state, n.text.as_str()), (NoteState::Inbox, "Typo in the nmae"));
}

#[test]
fn the_inbox_travels_in_the_exported_file_without_which_phone_wrote_it() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    receive(&mut store, j, note("שלום — 你好 — <b>bold</b>", Some(doc.phases[0].id), None), "secret-device").unwrap();
    let json = interchange::to_json(&store.load_with_rounds(j).unwrap());
    assert!(json.contains("\"version\": 3") && json.contains("\"inbox\"") && !json.contains("secret-device"), "{json}");
    let copy = interchange::from_json(&json, "j.json", Ids::New).unwrap();
    let mut other = Store::in_memory().unwrap();
    other.insert_doc(&copy).unwrap();
    let back = other.load(copy.journey.id).unwrap();
    assert_eq!(back.inbox[0].text, "שלום — 你好 — <b>bold</b>");
    assert_eq!(back.inbox[0].phase, Some(back.phases[0].id), "the aim follows the phase's new id");
    assert!(store.save_round(j, "as-is").is_ok());
    assert!(store.round(j, store.rounds(j).unwrap()[0].id).unwrap().doc.inbox.is_empty(), "a round is the board only");
}

#[test]
fn notes_received_together_are_answered_one_by_one_and_a_bad_one_spoils_none_of_the_others() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let good = note("Good", None, None);
    let batch = vec![(good.clone(), "a".to_owned()), (note("", None, None), "b".to_owned()), (good, "a".to_owned())];
    let (answers, changes) = store.receive_notes(j, batch).unwrap();
    assert!(answers[0].as_ref().is_ok_and(|r| r.new));
    assert!(answers[1].is_err());
    assert!(answers[2].as_ref().is_ok_and(|r| !r.new), "the same note twice in one batch is stored once");
    assert_eq!(changes.inbox.map(|i| i.len()), Some(1));
}

/// One phone (one client with one cookie) cannot fill the inbox: 40 of its notes may wait for the
/// facilitator; once some are placed it may send more, and other phones are not held back.
#[test]
fn one_phone_may_have_forty_notes_waiting_and_more_once_some_are_placed() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let aim = (Some(doc.phases[0].id), Some(doc.rows[0].id));
    for i in 0..journeywall_core::inbox::MAX_WAITING_PER_PHONE {
        receive(&mut store, j, note(&format!("note {i}"), aim.0, aim.1), "busy").unwrap();
    }
    let refused = receive(&mut store, j, note("one too many", aim.0, aim.1), "busy").unwrap_err();
    assert!(refused.message(journeywall_core::Lang::En).contains("40 notes waiting"), "{refused}");
    receive(&mut store, j, note("another phone", None, None), "calm").unwrap();
    store.apply(j, Edit::PlaceAimedNotes).unwrap();
    receive(&mut store, j, note("after some were placed", None, None), "busy").unwrap();
}

/// Walk: placed notes voted on, then the facilitator's Ctrl+Z back past "place notes" and Ctrl+Y
/// forward again: the cards came back as new from the notes, their dots and their notes gone
/// while the vote still counted the dots as spent.
#[test]
fn a_placed_note_undone_and_redone_comes_back_with_its_dots_and_its_edits() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let (r, _) = receive(&mut store, j, note("A deposit of 100 euros", Some(doc.phases[1].id), Some(doc.rows[0].id)), "p").unwrap();
    store.apply(j, Edit::PlaceAimedNotes).unwrap();
    let card = store.load(j).unwrap().inbox.iter().find(|n| n.id == r.note.id).unwrap().card.unwrap();
    let noted = serde_json::json!({ "type": "updateCard", "card": card, "notes": "Said by three people" });
    store.apply(j, serde_json::from_value(noted).unwrap()).unwrap();
    store.apply(j, Edit::StartVote { dots_per_participant: 3, stacking: false }).unwrap();
    let kim = new_id();
    store.apply_for_participant(j, Edit::AddParticipant { id: Some(kim), name: "Kim".into(), colour: None }).unwrap();
    store.apply_for_participant(j, Edit::PlaceDot { participant: kim, card }).unwrap();
    store.apply(j, Edit::UpdateVote { closed: Some(true), hidden: None }).unwrap();
    let before = store.load(j).unwrap().cards.into_iter().find(|k| k.id == card).unwrap();
    assert_eq!(before.votes, 1);

    for _ in 0..4 {
        store.undo(j, None).unwrap();
    }
    assert!(!store.load(j).unwrap().cards.iter().any(|k| k.id == card), "back in the inbox");
    for _ in 0..4 {
        store.redo(j, None).unwrap();
    }
    let after = store.load(j).unwrap().cards.into_iter().find(|k| k.id == card).expect("on the board again");
    assert_eq!(after, before, "as it was: its dot and its notes");
}
