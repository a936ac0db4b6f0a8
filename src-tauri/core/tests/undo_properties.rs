//! Property tests over random edit sequences: apply-then-undo gives back the journey exactly, and
//! undo-then-redo gives back the edited journey exactly (the journey's own "last edited" time aside,
//! which undo and redo rightly move on). The sequences mix card, phase, row and persona edits with a
//! dot vote that cards are deleted from and duplicated under.

use journeywall_core::edit::{CardPatch, PersonaPatch, PhasePatch, RowPatch};
use journeywall_core::fixtures::NewCard;
use journeywall_core::model::{
    default_phase_colour, default_row_colour, default_width, Id, JourneyDoc, PersonaContent, PhaseContent, RowContent, RowKind,
};
use journeywall_core::{templates, Edit, Store};
use proptest::prelude::*;

/// An edit described by numbers, turned into a real edit against the journey as it is then.
#[derive(Debug, Clone)]
enum Op {
    AddCard(u8, u8, u8, String),
    MoveCard(u8, u8, u8, u8),
    UpdateCard(u8, Option<String>, Option<Option<i8>>, Option<u32>),
    DeleteCard(u8),
    DuplicateCard(u8),
    AddPhase(u8, String),
    MovePhase(u8, u8),
    RenamePhase(u8, String),
    DeletePhase(u8),
    AddRow(u8, String),
    MoveRow(u8, u8),
    HideRow(u8, bool),
    DeleteRow(u8),
    AddPersona(String),
    MovePersona(u8, u8),
    RenamePersona(u8, String),
    DeletePersona(u8),
    MultiMove(Vec<(u8, u8, u8, u8)>),
    MultiDelete(Vec<u8>),
    /// A vote step: what it is depends on the vote as it is (see `vote_edit`).
    Vote(u8, u8, u8),
}

fn title() -> impl Strategy<Value = String> {
    prop_oneof![Just("Zoeken op Google".to_string()), Just("📦 بحث <b>x</b>".to_string()), "[a-zé ]{1,12}".prop_map(|s| format!("k{s}"))]
}

fn op() -> impl Strategy<Value = Op> {
    let n = any::<u8>;
    prop_oneof![
        4 => (n(), n(), n(), title()).prop_map(|(a, b, c, t)| Op::AddCard(a, b, c, t)),
        6 => (n(), n(), n(), n()).prop_map(|(a, b, c, d)| Op::MoveCard(a, b, c, d)),
        3 => (n(), proptest::option::of(title()), proptest::option::of(proptest::option::of(-2i8..=2)), proptest::option::of(0u32..9))
            .prop_map(|(a, t, e, v)| Op::UpdateCard(a, t, e, v)),
        2 => n().prop_map(Op::DeleteCard),
        1 => n().prop_map(Op::DuplicateCard),
        1 => (n(), title()).prop_map(|(a, t)| Op::AddPhase(a, t)),
        1 => (n(), n()).prop_map(|(a, b)| Op::MovePhase(a, b)),
        1 => (n(), title()).prop_map(|(a, t)| Op::RenamePhase(a, t)),
        1 => n().prop_map(Op::DeletePhase),
        1 => (n(), title()).prop_map(|(a, t)| Op::AddRow(a, t)),
        1 => (n(), n()).prop_map(|(a, b)| Op::MoveRow(a, b)),
        1 => (n(), any::<bool>()).prop_map(|(a, b)| Op::HideRow(a, b)),
        1 => n().prop_map(Op::DeleteRow),
        1 => title().prop_map(Op::AddPersona),
        1 => (n(), n()).prop_map(|(a, b)| Op::MovePersona(a, b)),
        1 => (n(), title()).prop_map(|(a, t)| Op::RenamePersona(a, t)),
        1 => n().prop_map(Op::DeletePersona),
        2 => proptest::collection::vec((n(), n(), n(), n()), 1..4).prop_map(Op::MultiMove),
        1 => proptest::collection::vec(n(), 1..4).prop_map(Op::MultiDelete),
        6 => (n(), n(), n()).prop_map(|(a, b, c)| Op::Vote(a, b, c)),
    ]
}

fn pick<T: Copy>(list: &[T], i: u8) -> Option<T> {
    (!list.is_empty()).then(|| list[i as usize % list.len()])
}

fn to_edit(op: &Op, doc: &JourneyDoc) -> Option<Edit> {
    let cards: Vec<Id> = doc.cards.iter().map(|c| c.id).collect();
    let phases: Vec<Id> = doc.phases.iter().map(|p| p.id).collect();
    let rows: Vec<Id> = doc.rows.iter().map(|r| r.id).collect();
    let personas: Vec<Id> = doc.personas.iter().map(|p| p.id).collect();
    let mv = |&(c, p, r, i): &(u8, u8, u8, u8)| {
        Some(Edit::MoveCard { card: pick(&cards, c)?, phase: pick(&phases, p)?, row: pick(&rows, r)?, index: u32::from(i % 8) })
    };
    Some(match op {
        Op::AddCard(p, r, i, t) => NewCard::new(pick(&phases, *p)?, pick(&rows, *r)?, t).at(u32::from(*i % 6)).edit(),
        Op::MoveCard(c, p, r, i) => mv(&(*c, *p, *r, *i))?,
        Op::UpdateCard(c, t, e, v) => Edit::UpdateCard {
            card: pick(&cards, *c)?,
            patch: CardPatch { title: t.clone(), emotion: *e, votes: *v, ..CardPatch::default() },
            updated_at: None,
        },
        Op::DeleteCard(c) => Edit::DeleteCard { card: pick(&cards, *c)? },
        Op::DuplicateCard(c) => Edit::DuplicateCard { card: pick(&cards, *c)?, new_id: None },
        Op::AddPhase(i, t) => {
            let phase = PhaseContent { title: t.clone(), question: String::new(), colour: default_phase_colour(), width: default_width() };
            Edit::AddPhase { id: None, index: Some(u32::from(*i % 8)), phase }
        }
        Op::MovePhase(p, i) => Edit::MovePhase { phase: pick(&phases, *p)?, index: u32::from(*i % 8) },
        Op::RenamePhase(p, t) => {
            Edit::UpdatePhase { phase: pick(&phases, *p)?, patch: PhasePatch { title: Some(t.clone()), ..Default::default() } }
        }
        Op::DeletePhase(p) => Edit::DeletePhase { phase: pick(&phases, *p)? },
        Op::AddRow(i, t) => {
            let row = RowContent { kind: RowKind::Cards, title: t.clone(), colour: default_row_colour(), hidden: false };
            Edit::AddRow { id: None, index: Some(u32::from(*i % 8)), row }
        }
        Op::MoveRow(r, i) => Edit::MoveRow { row: pick(&rows, *r)?, index: u32::from(*i % 8) },
        Op::HideRow(r, h) => Edit::UpdateRow { row: pick(&rows, *r)?, patch: RowPatch { hidden: Some(*h), ..Default::default() } },
        Op::DeleteRow(r) => Edit::DeleteRow { row: pick(&rows, *r)? },
        Op::AddPersona(name) => Edit::AddPersona { id: None, persona: PersonaContent { name: name.clone(), ..Default::default() } },
        Op::MovePersona(p, i) => Edit::MovePersona { persona: pick(&personas, *p)?, index: u32::from(*i % 4) },
        Op::RenamePersona(p, name) => {
            Edit::UpdatePersona { persona: pick(&personas, *p)?, patch: PersonaPatch { name: Some(name.clone()), ..Default::default() } }
        }
        Op::DeletePersona(p) => Edit::DeletePersona { persona: pick(&personas, *p)? },
        Op::MultiMove(moves) => {
            let &(_, p, r, i) = moves.first()?;
            let cards = moves.iter().map(|&(c, ..)| pick(&cards, c)).collect::<Option<_>>()?;
            Edit::MoveCards { cards, phase: pick(&phases, p)?, row: pick(&rows, r)?, index: u32::from(i % 8) }
        }
        Op::Vote(kind, a, b) => vote_edit(doc, *kind, *a, *b)?,
        Op::MultiDelete(cs) => {
            let mut ids: Vec<Id> = cs.iter().filter_map(|c| pick(&cards, *c)).collect();
            ids.sort();
            ids.dedup();
            Edit::Batch { edits: ids.into_iter().map(|card| Edit::DeleteCard { card }).collect(), label: None }
        }
    })
}

/// A vote edit the rules allow now: a vote is started first, then participants join, place and
/// take back dots, leave, and the vote is closed, hidden and cleared now and then.
fn vote_edit(doc: &JourneyDoc, kind: u8, a: u8, b: u8) -> Option<Edit> {
    let Some(vote) = &doc.vote else {
        return Some(Edit::StartVote { dots_per_participant: u32::from(a % 3 + 1), stacking: b % 2 == 0 });
    };
    let live = |c: &Id| doc.cards.iter().any(|k| k.id == *c);
    let people: Vec<Id> = vote.participants.iter().map(|p| p.id).collect();
    Some(match kind % 10 {
        0 | 1 if people.len() < 4 && !vote.closed => {
            let name = format!("P{}", a % 8);
            if vote.participants.iter().any(|p| p.name == name) {
                return None;
            }
            Edit::AddParticipant { id: None, name, colour: None }
        }
        2..=5 if !vote.closed => {
            let chosen = pick(&people, a)?;
            let p = vote.participants.iter().find(|p| p.id == chosen)?;
            let card = pick(&doc.cards.iter().map(|k| k.id).collect::<Vec<_>>(), b)?;
            let used = p.dots.iter().filter(|c| live(c)).count() as u32;
            if used >= vote.dots_per_participant || (!vote.stacking && p.dots.contains(&card)) {
                return None;
            }
            Edit::PlaceDot { participant: p.id, card }
        }
        6 if !vote.closed => {
            let chosen = pick(&people, a)?;
            let p = vote.participants.iter().find(|p| p.id == chosen)?;
            Edit::TakeBackDot { participant: p.id, card: pick(&p.dots, b)? }
        }
        7 => Edit::UpdateVote { closed: Some(a % 2 == 0), hidden: Some(b % 2 == 0) },
        8 if !vote.closed => Edit::RemoveParticipant { participant: pick(&people, a)? },
        9 if a % 4 == 0 => Edit::ClearVote,
        _ => return None,
    })
}

fn snapshot(store: &Store, id: Id) -> JourneyDoc {
    let mut doc = store.load(id).unwrap();
    doc.journey.updated_at = 0;
    doc.validate().expect("the journey stays well-formed after every step");
    doc
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn undo_restores_and_redo_replays_exactly(ops in proptest::collection::vec(op(), 1..25)) {
        let mut store = Store::in_memory().unwrap();
        let doc = templates::instantiate("website-en", None).unwrap();
        let id = doc.journey.id;
        store.insert_doc(&doc).unwrap();

        let mut states = vec![snapshot(&store, id)];
        for op in &ops {
            let Some(edit) = to_edit(op, states.last().unwrap()) else { continue };
            let moves_cards = matches!(edit, Edit::MoveCards { .. });
            store.apply(id, edit).unwrap();
            let after = snapshot(&store, id);
            if moves_cards && after == *states.last().unwrap() {
                continue; // cards dropped where they were leave no step to undo
            }

            store.undo(id, None).unwrap();
            prop_assert_eq!(&snapshot(&store, id), states.last().unwrap(), "undo of {:?}", op);
            store.redo(id, None).unwrap();
            prop_assert_eq!(&snapshot(&store, id), &after, "redo of {:?}", op);
            states.push(after);
        }
        // Unwinding the whole sequence gives back the template journey, step by step.
        while states.len() > 1 {
            states.pop();
            store.undo(id, None).unwrap();
            prop_assert_eq!(&snapshot(&store, id), states.last().unwrap());
        }
        prop_assert!(store.undo(id, None).is_err());
    }
}
