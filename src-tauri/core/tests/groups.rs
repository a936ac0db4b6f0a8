//! Breakouts as a facilitator runs them: the map split into group boards, each group adds cards
//! to its own board, and a group's cards come into the main map marked with their group, as one
//! undo step.

use journeywall_core::fixtures::NewCard;
use journeywall_core::groups::{self, SplitBy};
use journeywall_core::model::JourneyDoc;
use journeywall_core::{templates, Edit, Error, Store};

fn journey() -> (Store, JourneyDoc) {
    let mut store = Store::in_memory().unwrap();
    let doc = templates::instantiate("online-en", None).unwrap();
    store.insert_doc(&doc).unwrap();
    (store, doc)
}

#[test]
fn three_groups_each_a_copy_and_one_merged_back_marked_and_undone_in_one_step() {
    let (mut store, doc) = journey();
    let main = doc.journey.id;
    let boards = groups::split(&mut store, main, 3, SplitBy::Copy).unwrap();
    assert_eq!(boards.len(), 3);
    assert_eq!(boards[1].name, format!("{} — Group 2", doc.journey.name));
    assert!(boards.iter().all(|b| b.new_cards.is_empty()), "a copy starts with no cards of its own");
    let group = store.load(boards[1].journey).unwrap();
    assert_eq!(group.cards.len(), doc.cards.len(), "the whole map");
    assert!(group.cards.iter().all(|c| doc.cards.iter().all(|d| d.id != c.id)), "with ids of its own");

    // Group 2 adds two cards, one of them in a phase it added itself.
    store.apply(group.journey.id, NewCard::first_cell(&group, "Asks a friend").edit()).unwrap();
    store
        .apply(group.journey.id, Edit::AddPhase { id: None, index: None, phase: serde_json::from_str(r#"{"title":"Aftercare"}"#).unwrap() })
        .unwrap();
    let now = store.load(group.journey.id).unwrap();
    let aftercare = now.phases.iter().find(|p| p.title == "Aftercare").unwrap().id;
    store.apply(group.journey.id, NewCard::new(aftercare, now.rows[0].id, "Gets a reminder").edit()).unwrap();
    let boards = groups::boards(&store, main).unwrap();
    let titles: Vec<&str> = boards[1].new_cards.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(titles, ["Asks a friend", "Gets a reminder"]);

    let before = store.load(main).unwrap();
    let merged = groups::merge(&mut store, main, boards[1].journey).unwrap();
    assert_eq!(merged.history.undo.as_deref(), Some("mergeGroup"));
    assert!(groups::boards(&store, main).unwrap()[1].new_cards.is_empty(), "brought in once: nothing more to bring");
    let after = store.load(main).unwrap();
    let brought: Vec<_> = after.cards.iter().filter(|c| c.source == "Group 2").collect();
    assert_eq!(brought.len(), 2, "each merged card marked with its group");
    let friend = brought.iter().find(|c| c.title == "Asks a friend").unwrap();
    assert_eq!((friend.phase, friend.row), (doc.phases[0].id, doc.rows[0].id), "in the cell it was made in");
    assert!(after.phases.iter().any(|p| p.title == "Aftercare"), "the group's own phase comes along");

    store.undo(main, None).unwrap();
    let undone = store.load(main).unwrap();
    assert_eq!(
        (undone.phases, undone.rows, undone.cards),
        (before.phases, before.rows, before.cards),
        "one Ctrl+Z takes the whole merge back"
    );
    assert_eq!(groups::boards(&store, main).unwrap()[1].new_cards.len(), 2, "and the group can be brought in again");
}

#[test]
fn groups_by_phases_share_the_phases_out_in_stretches() {
    let (mut store, doc) = journey();
    let boards = groups::split(&mut store, doc.journey.id, 2, SplitBy::Phases).unwrap();
    let first = store.load(boards[0].journey).unwrap();
    let second = store.load(boards[1].journey).unwrap();
    let titles = |d: &JourneyDoc| d.phases.iter().map(|p| p.title.clone()).collect::<Vec<_>>();
    let all: Vec<String> = doc.phases.iter().map(|p| p.title.clone()).collect();
    assert_eq!([titles(&first), titles(&second)].concat(), all, "every phase in one group, in order");
    assert!(titles(&first).len() >= titles(&second).len());
    assert!(first.cards.iter().all(|c| first.phases.iter().any(|p| p.id == c.phase)), "only its own phases' cards");
    let too_many = groups::split(&mut store, doc.journey.id, doc.phases.len() as u32 + 1, SplitBy::Phases).unwrap_err();
    assert!(too_many.to_string().contains("groups"), "{too_many}");
    assert!(matches!(groups::merge(&mut store, doc.journey.id, boards[0].journey), Err(Error::NotAllowed(_))), "nothing to bring in yet");
}
