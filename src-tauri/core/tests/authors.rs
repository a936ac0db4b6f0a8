//! Several people edit one journey: each one's undo takes their own steps and never another
//! person's, and a step someone else has changed since is not undone over their change.

use journeywall_core::edit::CardPatch;
use journeywall_core::fixtures::NewCard;
use journeywall_core::model::{Id, JourneyDoc};
use journeywall_core::{templates, Author, Edit, Error, Store};

const ANNA: Author = Author { key: "e1", name: "Anna" };
const BEN: Author = Author { key: "e2", name: "Ben" };

fn journey() -> (Store, JourneyDoc) {
    let mut store = Store::in_memory().unwrap();
    let doc = templates::instantiate("online-en", None).unwrap();
    store.insert_doc(&doc).unwrap();
    (store, doc)
}

fn add(store: &mut Store, doc: &JourneyDoc, who: Author, title: &str) -> Id {
    let applied = store.apply_as(doc.journey.id, who, NewCard::first_cell(doc, title).edit()).unwrap();
    applied.changes.cards.iter().find(|c| c.title == title).unwrap().id
}

fn retitle(store: &mut Store, doc: &JourneyDoc, who: Author, card: Id, title: &str) {
    let patch = CardPatch { title: Some(title.into()), ..CardPatch::default() };
    store.apply_as(doc.journey.id, who, Edit::UpdateCard { card, patch, updated_at: None }).unwrap();
}

fn titles(store: &Store, doc: &JourneyDoc) -> Vec<String> {
    let mut t: Vec<String> = store.load(doc.journey.id).unwrap().cards.into_iter().map(|c| c.title).collect();
    t.sort();
    t
}

fn undo(store: &mut Store, doc: &JourneyDoc, who: Author) -> journeywall_core::Result<journeywall_core::Applied> {
    store.step_as(doc.journey.id, who, true, None)
}

#[test]
fn each_persons_undo_takes_their_own_steps_in_reverse_and_leaves_the_others() {
    let (mut store, doc) = journey();
    let before = titles(&store, &doc);
    add(&mut store, &doc, ANNA, "anna 1");
    add(&mut store, &doc, BEN, "ben 1");
    add(&mut store, &doc, ANNA, "anna 2");
    add(&mut store, &doc, BEN, "ben 2");
    store.apply(doc.journey.id, NewCard::first_cell(&doc, "facilitator").edit()).unwrap();

    let offered = undo(&mut store, &doc, ANNA).unwrap().history;
    assert_eq!(offered.undo.as_deref(), Some("addCard"), "Anna's next undo is her own first card");
    assert!(!titles(&store, &doc).contains(&"anna 2".to_string()));
    undo(&mut store, &doc, ANNA).unwrap();
    assert!(matches!(undo(&mut store, &doc, ANNA), Err(Error::NothingToUndo)), "Anna has nothing more to undo");
    let mut left = before.clone();
    left.extend(["ben 1", "ben 2", "facilitator"].map(String::from));
    left.sort();
    assert_eq!(titles(&store, &doc), left, "Ben's and the facilitator's cards stay");

    // Ben's redo tail is his: Anna's new edit does not drop it.
    undo(&mut store, &doc, BEN).unwrap();
    add(&mut store, &doc, ANNA, "anna 3");
    store.step_as(doc.journey.id, BEN, false, None).unwrap();
    assert!(titles(&store, &doc).contains(&"ben 2".to_string()), "Ben's redo still works after Anna's edit");
    assert_eq!(store.undo_state(doc.journey.id, Author::FACILITATOR).unwrap().undo.as_deref(), Some("addCard"));
}

#[test]
fn a_step_someone_changed_since_is_not_undone_over_their_change() {
    let (mut store, doc) = journey();
    add(&mut store, &doc, ANNA, "anna's first");
    let card = add(&mut store, &doc, ANNA, "anna's card");
    retitle(&mut store, &doc, BEN, card, "Ben's better title");

    let refused = undo(&mut store, &doc, ANNA).unwrap_err();
    assert!(matches!(&refused, Error::Overtaken { undo: true, by } if by == "Ben"), "{refused:?}");
    assert!(refused.to_string().contains("Ben has changed the same thing since"), "{refused}");
    assert!(titles(&store, &doc).contains(&"Ben's better title".to_string()), "Ben's change stands");

    // The overtaken step is gone from Anna's history; her next undo takes the step before it.
    undo(&mut store, &doc, ANNA).unwrap();
    let left = titles(&store, &doc);
    assert!(!left.contains(&"anna's first".to_string()) && left.contains(&"Ben's better title".to_string()), "{left:?}");
}

#[test]
fn different_fields_of_one_card_are_each_persons_own() {
    let (mut store, doc) = journey();
    let card = add(&mut store, &doc, Author::FACILITATOR, "shared");
    retitle(&mut store, &doc, ANNA, card, "Anna's title");
    let notes = CardPatch { notes: Some("Ben's notes".into()), ..CardPatch::default() };
    store.apply_as(doc.journey.id, BEN, Edit::UpdateCard { card, patch: notes, updated_at: None }).unwrap();

    undo(&mut store, &doc, ANNA).expect("Ben changed another field: Anna's undo goes ahead");
    let now = store.load(doc.journey.id).unwrap().cards.into_iter().find(|c| c.id == card).unwrap();
    assert_eq!((now.title.as_str(), now.notes.as_str()), ("shared", "Ben's notes"));
}

#[test]
fn a_redo_over_a_change_made_since_the_undo_is_refused_the_same_way() {
    let (mut store, doc) = journey();
    let card = add(&mut store, &doc, ANNA, "card");
    retitle(&mut store, &doc, ANNA, card, "Anna's title");
    undo(&mut store, &doc, ANNA).unwrap();
    retitle(&mut store, &doc, Author::FACILITATOR, card, "The facilitator's title");
    let refused = store.step_as(doc.journey.id, ANNA, false, None).unwrap_err();
    assert!(matches!(&refused, Error::Overtaken { undo: false, .. }), "{refused:?}");
    assert!(refused.to_string().contains("the facilitator has changed"), "{refused}");
    assert!(titles(&store, &doc).contains(&"The facilitator's title".to_string()));
}

#[test]
fn a_card_deleted_by_one_cannot_be_moved_by_another() {
    let (mut store, doc) = journey();
    let card = add(&mut store, &doc, ANNA, "doomed");
    store.apply_as(doc.journey.id, BEN, Edit::DeleteCard { card }).unwrap();
    let (phase, row) = (doc.phases[1].id, doc.rows[0].id);
    let refused = store.apply_as(doc.journey.id, ANNA, Edit::MoveCard { card, phase, row, index: 0 }).unwrap_err();
    assert!(matches!(refused, Error::NotFound { .. }), "{refused:?}");
    // Anna's add is overtaken by Ben's delete: undoing it would delete nothing of hers.
    assert!(matches!(undo(&mut store, &doc, ANNA), Err(Error::Overtaken { .. })));
}
