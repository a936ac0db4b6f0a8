//! Rounds: named snapshots of a journey ("as-is", "after round 1", "to-be") taken during a
//! workshop, and what changed between two of them. A snapshot keeps the card ids of the journey,
//! so a card is followed from round to round by its id.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

pub use crate::model::Round;
use crate::model::{Card, Id, JourneyDoc, Millis};

/// One line of the list of rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RoundInfo {
    pub id: Id,
    pub name: String,
    pub created_at: Millis,
    pub cards: u32,
}

impl Round {
    pub fn info(&self) -> RoundInfo {
        RoundInfo { id: self.id, name: self.name.clone(), created_at: self.created_at, cards: self.doc.cards.len() as u32 }
    }
}

/// What changed from one version of a journey to another, by card id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RoundDiff {
    /// Cards in `to` that `from` did not have.
    pub added: Vec<Id>,
    /// Cards of `from` that `to` no longer has, as they were (they are not on the later board).
    pub removed: Vec<Card>,
    /// Cards now in another cell, or in another order among the cards their cell kept.
    pub moved: Vec<Id>,
    /// Cards whose text, colour, channel, emotion, votes or tags changed.
    pub changed: Vec<Id>,
}

/// Compares two versions of a journey.
pub fn compare(from: &JourneyDoc, to: &JourneyDoc) -> RoundDiff {
    let before: HashMap<Id, &Card> = from.cards.iter().map(|c| (c.id, c)).collect();
    let after: HashMap<Id, &Card> = to.cards.iter().map(|c| (c.id, c)).collect();
    let mut diff = RoundDiff {
        added: to.cards.iter().filter(|c| !before.contains_key(&c.id)).map(|c| c.id).collect(),
        removed: from.cards.iter().filter(|c| !after.contains_key(&c.id)).cloned().collect(),
        ..RoundDiff::default()
    };
    for c in &to.cards {
        let Some(old) = before.get(&c.id) else { continue };
        if (old.phase, old.row) != (c.phase, c.row) {
            diff.moved.push(c.id);
        }
        if old.title != c.title
            || old.notes != c.notes
            || old.colour != c.colour
            || old.channel != c.channel
            || old.emotion != c.emotion
            || old.votes != c.votes
            || old.tags != c.tags
        {
            diff.changed.push(c.id);
        }
    }
    // Within a cell that kept its cards, the cards that keep their order relative to each other
    // (the longest common subsequence) stayed; the others were moved. A card added above the
    // rest moves nobody.
    let cells_before = from.cells();
    for (&cell, cards) in &to.cells() {
        // The cell's cards (in order) that the other version has in this cell too.
        let kept = |cards: Option<&Vec<&Card>>, other: &HashMap<Id, &Card>| -> Vec<Id> {
            cards.into_iter().flatten().filter(|k| other.get(&k.id).is_some_and(|c| (c.phase, c.row) == cell)).map(|k| k.id).collect()
        };
        let (kept_before, kept_after) = (kept(cells_before.get(&cell), &after), kept(Some(cards), &before));
        let stayed = longest_common_subsequence(&kept_before, &kept_after);
        diff.moved.extend(kept_after.into_iter().filter(|id| !stayed.contains(id)));
    }
    let order: HashMap<Id, usize> = to.cards.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    diff.moved.sort_by_key(|id| order.get(id));
    diff.moved.dedup();
    diff
}

/// The items of the longest common subsequence of `a` and `b` (cells hold tens of cards, so the
/// quadratic table is small).
fn longest_common_subsequence(a: &[Id], b: &[Id]) -> std::collections::HashSet<Id> {
    let mut table = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            table[i][j] = if a[i] == b[j] { table[i + 1][j + 1] + 1 } else { table[i + 1][j].max(table[i][j + 1]) };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, std::collections::HashSet::new());
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            out.insert(a[i]);
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::templates;

    fn doc() -> JourneyDoc {
        templates::instantiate("online-en", None).unwrap()
    }

    fn in_cell(d: &JourneyDoc, cell: (Id, Id)) -> Vec<Id> {
        d.cells()[&cell].iter().map(|c| c.id).collect()
    }

    fn set_cell_order(d: &mut JourneyDoc, order: &[Id]) {
        for (i, id) in order.iter().enumerate() {
            d.cards.iter_mut().find(|c| c.id == *id).unwrap().position = i as u32;
        }
    }

    #[test]
    fn an_unchanged_journey_has_no_differences() {
        let d = doc();
        assert_eq!(compare(&d, &d), RoundDiff::default());
    }

    #[test]
    fn added_removed_changed_and_moved_cards_are_found() {
        let from = doc();
        let mut to = from.clone();
        let removed = to.cards.remove(0);
        to.cards[0].title = "Reads three reviews".into();
        let changed = to.cards[0].id;
        let moved = to.cards[3].id;
        let other_phase = to.phases.iter().find(|p| p.id != to.cards[3].phase).unwrap().id;
        to.cards[3].phase = other_phase;
        let mut added = to.cards[1].clone();
        added.id = crate::model::new_id();
        to.cards.push(added.clone());

        let diff = compare(&from, &to);
        assert_eq!(diff.added, [added.id]);
        assert_eq!(diff.removed, [removed]);
        assert_eq!(diff.changed, [changed]);
        assert!(diff.moved.contains(&moved), "{diff:?}");
    }

    #[test]
    fn moving_one_card_to_the_top_of_its_cell_moves_only_that_card() {
        let from = doc();
        let cell = from.cards.iter().map(|c| (c.phase, c.row)).find(|cell| in_cell(&from, *cell).len() >= 3).unwrap();
        let order = in_cell(&from, cell);
        let mut to = from.clone();
        let mut new_order = order.clone();
        let last = new_order.pop().unwrap();
        new_order.insert(0, last);
        set_cell_order(&mut to, &new_order);
        assert_eq!(compare(&from, &to).moved, [last]);
    }

    #[test]
    fn a_card_added_above_the_rest_moves_nobody() {
        let from = doc();
        let mut to = from.clone();
        let first = to.cards[0].clone();
        for c in to.cards.iter_mut().filter(|c| (c.phase, c.row) == (first.phase, first.row)) {
            c.position += 1;
        }
        to.cards.push(Card { id: crate::model::new_id(), position: 0, ..first });
        let diff = compare(&from, &to);
        assert_eq!(diff.added.len(), 1);
        assert!(diff.moved.is_empty(), "{diff:?}");
    }
}
