//! Breakouts: a journey split into group boards (a copy of the map each, or each group some of its
//! phases), and a group's new cards brought back into the main map, each marked with its group,
//! as one undo step. A group board is a journey of its own; what it came from is kept with the
//! main journey (meta `groups:<main id>`), so the groups can be brought together after a restart.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::interchange;
use crate::model::{Card, Id, JourneyDoc};
use crate::named::named;
use crate::said;
use crate::said::{Field, Lang};
use crate::store::{Applied, Store};

/// The most groups a journey splits into.
pub const MAX_GROUPS: u32 = 12;

named! {
    /// How a journey is split: every group a copy of the whole map, or each group its own phases.
    pub enum SplitBy {
        Copy = "copy",
        Phases = "phases",
    }
}

/// A group board as the main journey keeps it: which journey it is and how its phases, rows and
/// copied cards answer to the main map's.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Group {
    journey: Id,
    number: u32,
    /// Group id → main id, for the phases and rows it was given.
    phases: HashMap<Id, Id>,
    rows: HashMap<Id, Id>,
    /// The cards it was given (copies of the main map's): not brought back.
    copied: HashSet<Id>,
}

/// A group board as the facilitator sees it when the groups come together.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GroupBoard {
    pub journey: Id,
    pub number: u32,
    pub name: String,
    /// What it says on a merged card (`Card::source`): "Group 2".
    pub label: String,
    /// The cards the group made, in board order (phase, row, place): what a merge brings back.
    pub new_cards: Vec<Card>,
}

fn key(main: Id) -> String {
    format!("groups:{main}")
}

fn kept(store: &Store, main: Id) -> Result<Vec<Group>> {
    let text = store.meta(&key(main))?.unwrap_or_default();
    Ok(serde_json::from_str(&text).unwrap_or_default())
}

fn label(lang: Lang, number: u32) -> String {
    match lang {
        Lang::Nl => format!("Groep {number}"),
        Lang::En => format!("Group {number}"),
    }
}

/// Makes `count` group boards of `main`: each a copy of the map (`SplitBy::Copy`), or each the
/// next stretch of its phases with all its rows and those phases' cards. Groups made before are
/// kept; the new ones count on from them.
pub fn split(store: &mut Store, main: Id, count: u32, by: SplitBy) -> Result<Vec<GroupBoard>> {
    let doc = store.load(main)?;
    let phases = doc.phases.len() as u32;
    let most = if by == SplitBy::Phases { phases.min(MAX_GROUPS) } else { MAX_GROUPS };
    if count < 1 || count > most {
        return Err(Error::invalid(
            Field::Groups,
            said!(
                "can be 1 to {most} (a group needs at least one phase of its own)",
                "kan 1 tot {most} zijn (een groep heeft minstens één eigen fase)"
            ),
        ));
    }
    let mut groups = kept(store, main)?;
    let first = groups.iter().map(|g| g.number).max().unwrap_or(0) + 1;
    for n in 0..count {
        let number = first + n;
        let mut board = doc.clone();
        board.vote = None;
        board.inbox.clear();
        board.rounds.clear();
        if by == SplitBy::Phases {
            // Contiguous stretches, the first ones a phase longer when they do not divide evenly.
            let (size, extra) = (phases / count, phases % count);
            let start = n * size + n.min(extra);
            let end = start + size + u32::from(n < extra);
            let keep: HashSet<Id> = doc.phases[start as usize..end as usize].iter().map(|p| p.id).collect();
            board.phases.retain(|p| keep.contains(&p.id));
            board.cards.retain(|c| keep.contains(&c.phase));
            board.phases.iter_mut().enumerate().for_each(|(i, p)| p.position = i as u32);
        }
        let suffix = format!(" — {}", label(doc.journey.locale, number));
        let room = crate::fields::MAX_TITLE_CHARS.saturating_sub(suffix.chars().count());
        board.journey.name = format!("{}{suffix}", doc.journey.name.chars().take(room).collect::<String>().trim_end());
        let old: Vec<(Id, &'static str)> = board
            .phases
            .iter()
            .map(|p| (p.id, "phase"))
            .chain(board.rows.iter().map(|r| (r.id, "row")))
            .chain(board.cards.iter().map(|c| (c.id, "card")))
            .collect();
        let renewed = interchange::renew_ids(&mut board);
        let back = |kind: &str| -> HashMap<Id, Id> { old.iter().filter(|(_, k)| *k == kind).map(|(id, _)| (renewed[id], *id)).collect() };
        groups.push(Group {
            journey: board.journey.id,
            number,
            phases: back("phase"),
            rows: back("row"),
            copied: back("card").into_keys().collect(),
        });
        store.insert_doc(&board)?;
    }
    store.set_meta(&key(main), &serde_json::to_string(&groups).unwrap_or_default())?;
    boards(store, main)
}

/// The group boards of `main` that still exist, with the cards each made.
pub fn boards(store: &Store, main: Id) -> Result<Vec<GroupBoard>> {
    let main_doc = store.load(main)?;
    let lang = main_doc.journey.locale;
    let mut out = Vec::new();
    for group in kept(store, main)? {
        // A group board deleted since is no longer a group.
        let Ok(doc) = store.load(group.journey) else { continue };
        let label = label(lang, group.number);
        out.push(GroupBoard {
            journey: group.journey,
            number: group.number,
            name: doc.journey.name.clone(),
            new_cards: made_by_group(&doc, &group, &main_doc, &label),
            label,
        });
    }
    Ok(out)
}

/// The cards a group made that the main map does not have yet, in board order. A card brought
/// in is in the main map with its group as its source and its title: so it is brought in once,
/// not twice (and can be again after the bringing in was undone).
fn made_by_group(doc: &JourneyDoc, group: &Group, main: &JourneyDoc, label: &str) -> Vec<Card> {
    let order: HashMap<Id, u32> =
        doc.phases.iter().map(|p| (p.id, p.position)).chain(doc.rows.iter().map(|r| (r.id, r.position))).collect();
    let mut there: HashMap<&str, usize> = HashMap::new();
    for c in main.cards.iter().filter(|c| c.source == label || c.source.starts_with(&format!("{label} · "))) {
        *there.entry(c.title.as_str()).or_default() += 1;
    }
    let mut cards: Vec<Card> = doc.cards.iter().filter(|c| !group.copied.contains(&c.id)).cloned().collect();
    cards.sort_by_key(|c| (order.get(&c.phase).copied(), order.get(&c.row).copied(), c.position));
    cards.retain(|c| match there.get_mut(c.title.as_str()) {
        Some(n) if *n > 0 => {
            *n -= 1;
            false
        }
        _ => true,
    });
    cards
}

/// Brings group `group`'s new cards into `main`, each marked with its group, as one undo step of
/// the facilitator's. A phase or row the group added comes along, at the end of the map.
pub fn merge(store: &mut Store, main: Id, group: Id) -> Result<Applied> {
    let groups = kept(store, main)?;
    let Some(g) = groups.iter().find(|g| g.journey == group) else {
        return Err(Error::invalid(
            Field::Groups,
            said!("this board is not a group of this journey", "dit bord is geen groep van deze klantreis"),
        ));
    };
    let board = store.load(group)?;
    let main_doc = store.load(main)?;
    let source = label(main_doc.journey.locale, g.number);
    let cards = made_by_group(&board, g, &main_doc, &source);
    if cards.is_empty() {
        return Err(Error::NotAllowed(said!(
            "{source} has made no cards to bring in",
            "{source} heeft geen kaarten gemaakt om op te nemen"
        )));
    }
    let mut edits = Vec::new();
    let mut phases = g.phases.clone();
    let mut rows = g.rows.clone();
    for card in &cards {
        if let Entry::Vacant(slot) = phases.entry(card.phase) {
            let Some(p) = board.phases.iter().find(|p| p.id == card.phase) else { continue };
            let id = crate::model::new_id();
            edits.push(Edit::AddPhase { id: Some(id), index: None, phase: p.content() });
            slot.insert(id);
        }
        if let Entry::Vacant(slot) = rows.entry(card.row) {
            let Some(r) = board.rows.iter().find(|r| r.id == card.row) else { continue };
            let id = crate::model::new_id();
            edits.push(Edit::AddRow { id: Some(id), index: None, row: r.content() });
            slot.insert(id);
        }
        let mut content = card.content();
        // The group, and who wrote it when the card says (a phone's author): "Group 2 · Ezra".
        content.source = if content.source.is_empty() { source.clone() } else { format!("{source} · {}", content.source) };
        content.votes = 0;
        edits.push(Edit::AddCard { id: None, phase: phases[&card.phase], row: rows[&card.row], index: None, card: content });
    }
    store.apply(main, Edit::Batch { edits, label: Some("mergeGroup".into()) })
}
