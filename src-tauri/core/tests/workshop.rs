//! Workshop tools as a facilitator uses them: a dot vote with participants taking turns, closed,
//! hidden and cleared, every step undoable; and the vote kept through export and import.

use journeywall_core::interchange::{self, Ids};
use journeywall_core::model::{Id, JourneyDoc};
use journeywall_core::{templates, Edit, Store};

fn journey(store: &mut Store) -> JourneyDoc {
    let doc = templates::instantiate("online-nl", None).unwrap();
    store.insert_doc(&doc).unwrap();
    doc
}

fn votes(store: &Store, j: Id, card: Id) -> u32 {
    store.load(j).unwrap().cards.iter().find(|c| c.id == card).unwrap().votes
}

fn participant(store: &mut Store, j: Id, name: &str) -> Id {
    let id = journeywall_core::model::new_id();
    store.apply(j, Edit::AddParticipant { id: Some(id), name: name.into(), colour: None }).unwrap();
    id
}

#[test]
fn two_participants_vote_and_the_cards_count_their_dots() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let (a, b) = (doc.cards[0].id, doc.cards[1].id);
    store.apply(j, Edit::StartVote { dots_per_participant: 2, stacking: false }).unwrap();
    let anna = participant(&mut store, j, "Anna");
    let bram = participant(&mut store, j, "Bram");

    store.apply(j, Edit::PlaceDot { participant: anna, card: a }).unwrap();
    store.apply(j, Edit::PlaceDot { participant: anna, card: b }).unwrap();
    let applied = store.apply(j, Edit::PlaceDot { participant: bram, card: a }).unwrap();
    assert!(applied.changes.vote_changed);
    assert_eq!(applied.changes.cards.iter().find(|c| c.id == a).unwrap().votes, 2);
    assert_eq!((votes(&store, j, a), votes(&store, j, b)), (2, 1));

    let e = store.apply(j, Edit::PlaceDot { participant: anna, card: doc.cards[2].id }).unwrap_err().to_string();
    assert!(e.contains("Anna has used all 2 dots"), "{e}");
    let e = store.apply(j, Edit::PlaceDot { participant: bram, card: a }).unwrap_err().to_string();
    assert!(e.contains("one per card"), "{e}");

    // Undo takes Bram's dot back off the card.
    store.undo(j, None).unwrap();
    assert_eq!(votes(&store, j, a), 1);
    store.redo(j, None).unwrap();
    assert_eq!(votes(&store, j, a), 2);

    let vote = store.load(j).unwrap().vote.unwrap();
    assert_eq!(vote.participants.iter().map(|p| p.dots.len()).collect::<Vec<_>>(), [2, 1]);
}

#[test]
fn close_hide_and_clear_are_each_one_undoable_step() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let card = doc.cards[0].id;
    store.apply(j, Edit::StartVote { dots_per_participant: 3, stacking: true }).unwrap();
    let anna = participant(&mut store, j, "Anna");
    for _ in 0..3 {
        store.apply(j, Edit::PlaceDot { participant: anna, card }).unwrap();
    }
    assert_eq!(votes(&store, j, card), 3);

    store.apply(j, Edit::UpdateVote { closed: Some(true), hidden: Some(true) }).unwrap();
    let e = store.apply(j, Edit::TakeBackDot { participant: anna, card }).unwrap_err().to_string();
    assert!(e.contains("closed"), "{e}");
    let v = store.load(j).unwrap().vote.unwrap();
    assert!(v.closed && v.hidden);

    store.apply(j, Edit::ClearVote).unwrap();
    let after = store.load(j).unwrap();
    assert!(after.vote.is_none());
    assert!(after.cards.iter().all(|c| c.votes == 0));

    store.undo(j, None).unwrap();
    assert_eq!(votes(&store, j, card), 3);
    assert!(store.load(j).unwrap().vote.unwrap().closed);
    store.undo(j, None).unwrap();
    assert!(!store.load(j).unwrap().vote.unwrap().closed);
}

#[test]
fn a_paper_vote_is_typed_into_the_cards_and_cleared_with_the_rest() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let card = doc.cards[0].id;
    store
        .apply(
            j,
            Edit::UpdateCard { card, patch: journeywall_core::edit::CardPatch { votes: Some(7), ..Default::default() }, updated_at: None },
        )
        .unwrap();
    store.apply(j, Edit::ClearVote).unwrap();
    assert_eq!(votes(&store, j, card), 0);
    store.undo(j, None).unwrap();
    assert_eq!(votes(&store, j, card), 7);
}

#[test]
fn a_second_vote_waits_until_the_first_is_cleared() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    store.apply(j, Edit::StartVote { dots_per_participant: 3, stacking: false }).unwrap();
    let e = store.apply(j, Edit::StartVote { dots_per_participant: 3, stacking: false }).unwrap_err().to_string();
    assert!(e.contains("clear it"), "{e}");
    let e = store.apply(j, Edit::StartVote { dots_per_participant: 0, stacking: false });
    assert!(e.is_err());
}

#[test]
fn a_deleted_card_gives_its_dots_back_and_undo_brings_them_again() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let (a, b) = (doc.cards[0].id, doc.cards[1].id);
    store.apply(j, Edit::StartVote { dots_per_participant: 1, stacking: false }).unwrap();
    let anna = participant(&mut store, j, "Anna");
    store.apply(j, Edit::PlaceDot { participant: anna, card: a }).unwrap();
    store.apply(j, Edit::DeleteCard { card: a }).unwrap();
    // Anna's only dot went with the card, so she can give it to another.
    store.apply(j, Edit::PlaceDot { participant: anna, card: b }).unwrap();
    assert_eq!(votes(&store, j, b), 1);

    // Undo both steps: the card is back with its dot, and Anna has no dot left to give.
    store.undo(j, None).unwrap();
    store.undo(j, None).unwrap();
    assert_eq!((votes(&store, j, a), votes(&store, j, b)), (1, 0));
    let e = store.apply(j, Edit::PlaceDot { participant: anna, card: b }).unwrap_err().to_string();
    assert!(e.contains("Anna has placed their dot"), "{e}");
}

#[test]
fn taking_back_any_dot_is_undone_exactly() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let (a, b) = (doc.cards[0].id, doc.cards[1].id);
    store.apply(j, Edit::StartVote { dots_per_participant: 3, stacking: true }).unwrap();
    let anna = participant(&mut store, j, "Anna");
    for card in [a, b, a] {
        store.apply(j, Edit::PlaceDot { participant: anna, card }).unwrap();
    }
    let before = store.load(j).unwrap();
    // The last dot, and one from the middle of the list: both come back exactly.
    for card in [a, b] {
        store.apply(j, Edit::TakeBackDot { participant: anna, card }).unwrap();
        assert_ne!(store.load(j).unwrap().vote, before.vote);
        store.undo(j, None).unwrap();
        let after = store.load(j).unwrap();
        assert_eq!(after.vote, before.vote);
        assert_eq!(after.cards.iter().map(|k| k.votes).collect::<Vec<_>>(), before.cards.iter().map(|k| k.votes).collect::<Vec<_>>());
    }
}

#[test]
fn a_restore_listing_a_card_twice_is_refused() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let card = doc.cards[0].id;
    let tallies = vec![journeywall_core::vote::Tally { card, votes: 2 }, journeywall_core::vote::Tally { card, votes: 5 }];
    let e = store.apply(j, Edit::RestoreVote { vote: None, tallies }).unwrap_err().to_string();
    assert!(e.contains("listed twice"), "{e}");
    assert_eq!(votes(&store, j, card), 0);
}

#[test]
fn the_vote_travels_in_the_json_file_with_fresh_ids() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let card = doc.cards[0].id;
    store.apply(j, Edit::StartVote { dots_per_participant: 3, stacking: false }).unwrap();
    let anna = participant(&mut store, j, "Anna");
    store.apply(j, Edit::PlaceDot { participant: anna, card }).unwrap();

    let json = interchange::to_json(&store.load(j).unwrap());
    let copy = interchange::from_json(&json, "copy.json", Ids::New).unwrap();
    store.insert_doc(&copy).unwrap();
    let back = store.load(copy.journey.id).unwrap();
    let dot = back.vote.unwrap().participants[0].dots[0];
    let voted = back.cards.iter().find(|c| c.id == dot).expect("the dot is on a card of the copy");
    assert_eq!((voted.title.as_str(), voted.votes), (doc.cards[0].title.as_str(), 1));
}

#[test]
fn a_round_is_compared_with_the_journey_after_a_card_moved() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let before = store.save_round(j, "As-is").unwrap();
    assert_eq!(before.cards as usize, doc.cards.len());
    let card = &doc.cards[0];
    let other = doc.phases.iter().find(|p| p.id != card.phase).unwrap().id;
    store.apply(j, Edit::MoveCard { card: card.id, phase: other, row: card.row, index: 0 }).unwrap();
    let history = store.history_len(j).unwrap();

    let round = store.round(j, before.id).unwrap();
    let diff = journeywall_core::round::compare(&round.doc, &store.load(j).unwrap());
    assert_eq!(diff.moved, [card.id]);
    assert!(diff.added.is_empty() && diff.removed.is_empty() && diff.changed.is_empty());
    // The round is still the journey as it was, and saving it was no edit.
    assert_eq!(round.doc.cards.iter().find(|c| c.id == card.id).unwrap().phase, card.phase);
    assert_eq!(store.history_len(j).unwrap(), history);
}

#[test]
fn a_round_is_restored_as_a_new_journey_and_the_original_stays() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let round = store.save_round(j, "As-is").unwrap();
    store.apply(j, Edit::DeleteCard { card: doc.cards[0].id }).unwrap();
    let restored = store.restore_round(j, round.id, "Online · As-is").unwrap();
    let copy = store.load(restored).unwrap();
    assert_eq!(copy.journey.name, "Online · As-is");
    assert_eq!(copy.cards.len(), doc.cards.len());
    assert!(copy.cards.iter().all(|c| !doc.cards.iter().any(|d| d.id == c.id)), "the copy has ids of its own");
    assert_eq!(store.load(j).unwrap().cards.len(), doc.cards.len() - 1);
}

#[test]
fn rounds_travel_in_the_json_file_and_still_compare_with_fresh_ids() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    store.save_round(j, "As-is").unwrap();
    store
        .apply(
            j,
            Edit::UpdateCard {
                card: doc.cards[2].id,
                patch: journeywall_core::edit::CardPatch { title: Some("Changed".into()), ..Default::default() },
                updated_at: None,
            },
        )
        .unwrap();
    store.save_round(j, "After round 1").unwrap();

    let json = interchange::to_json(&store.load_with_rounds(j).unwrap());
    let copy = interchange::from_json(&json, "copy.json", Ids::New).unwrap();
    store.insert_doc(&copy).unwrap();
    let rounds = store.rounds(copy.journey.id).unwrap();
    assert_eq!(rounds.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["As-is", "After round 1"]);
    let (a, b) = (store.round(copy.journey.id, rounds[0].id).unwrap(), store.round(copy.journey.id, rounds[1].id).unwrap());
    let diff = journeywall_core::round::compare(&a.doc, &b.doc);
    let changed = copy.cards.iter().find(|c| c.title == "Changed").unwrap().id;
    assert_eq!(diff.changed, [changed], "the rounds' cards got the same new ids as the journey's");
    assert!(diff.added.is_empty() && diff.removed.is_empty());
}

#[test]
fn round_names_are_checked_and_a_deleted_journey_comes_back_with_its_rounds() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    assert!(store.save_round(j, "  ").unwrap_err().to_string().contains("round name"));
    store.save_round(j, "To-be").unwrap();
    journeywall_core::library::delete(&mut store, j).unwrap();
    journeywall_core::library::restore_last_deleted(&mut store).unwrap();
    assert_eq!(store.rounds(j).unwrap().len(), 1);
}

#[test]
fn a_persona_picture_is_stored_downscaled_undone_and_exported() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let persona = doc.personas[0].id;
    let png = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../../icons/icon.png")).unwrap();
    let picture = journeywall_core::picture::prepare("icon.png", &png).unwrap();
    let patch = journeywall_core::edit::PersonaPatch { picture: Some(Some(picture.clone())), ..Default::default() };
    store.apply(j, Edit::UpdatePersona { persona, patch }).unwrap();
    assert_eq!(store.load(j).unwrap().personas[0].picture.as_deref(), Some(picture.as_str()));

    let json = interchange::to_json(&store.load(j).unwrap());
    let copy = interchange::from_json(&json, "copy.json", Ids::New).unwrap();
    assert_eq!(copy.personas[0].picture.as_deref(), Some(picture.as_str()));

    store.undo(j, None).unwrap();
    assert_eq!(store.load(j).unwrap().personas[0].picture, None);

    // A picture that is not ours (here: a PNG data URL in an edited JSON file) is refused.
    let foreign = json.replace("data:image/jpeg;base64,", "data:image/png;base64,");
    let e = interchange::from_json(&foreign, "edited.json", Ids::New).unwrap_err().to_string();
    assert!(e.contains("persona picture"), "{e}");
}

#[test]
fn a_duplicated_card_starts_without_votes() {
    let mut store = Store::in_memory().unwrap();
    let doc = journey(&mut store);
    let j = doc.journey.id;
    let card = doc.cards[0].id;
    store.apply(j, Edit::StartVote { dots_per_participant: 3, stacking: true }).unwrap();
    let anna = participant(&mut store, j, "Anna");
    store.apply(j, Edit::PlaceDot { participant: anna, card }).unwrap();
    let applied = store.apply(j, Edit::DuplicateCard { card, new_id: None }).unwrap();
    let copy = applied.changes.cards.iter().find(|c| c.id != card).unwrap();
    assert_eq!((copy.title.as_str(), copy.votes), (doc.cards[0].title.as_str(), 0));
    assert_eq!(votes(&store, j, card), 1);
}
