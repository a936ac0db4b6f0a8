//! Giving an imported journey fresh ids, consistently across its references.

use std::collections::HashMap;

use crate::model::{new_id, Id, JourneyDoc};

/// Renews every id of `doc`; the answer maps each old id to its new one.
pub fn renew(doc: &mut JourneyDoc) -> HashMap<Id, Id> {
    let mut map = HashMap::new();
    renew_with(doc, &mut map);
    map
}

/// Renews with `map`, so the journey's rounds, which hold the same cards, get the same new ids.
fn renew_with(doc: &mut JourneyDoc, map: &mut HashMap<Id, Id>) {
    let mut fresh = |old: &mut Id| {
        let new = *map.entry(*old).or_insert_with(new_id);
        *old = new;
    };
    fresh(&mut doc.journey.id);
    doc.phases.iter_mut().for_each(|p| fresh(&mut p.id));
    doc.rows.iter_mut().for_each(|r| fresh(&mut r.id));
    doc.personas.iter_mut().for_each(|p| fresh(&mut p.id));
    for c in &mut doc.cards {
        fresh(&mut c.id);
        fresh(&mut c.phase);
        fresh(&mut c.row);
    }
    for p in doc.vote.iter_mut().flat_map(|v| v.participants.iter_mut()) {
        fresh(&mut p.id);
        p.dots.iter_mut().for_each(&mut fresh);
    }
    for round in &mut doc.rounds {
        fresh(&mut round.id);
    }
    for note in &mut doc.inbox {
        fresh(&mut note.id);
        [&mut note.phase, &mut note.row, &mut note.card].into_iter().flatten().for_each(&mut fresh);
    }
    for round in &mut doc.rounds {
        renew_with(&mut round.doc, map);
    }
}

/// The journey with every id and time blanked, for comparing two copies of one journey.
#[cfg(test)]
pub fn without_ids(doc: &JourneyDoc) -> JourneyDoc {
    let mut d = doc.clone();
    let positions: HashMap<Id, u32> =
        d.phases.iter().map(|p| (p.id, p.position)).chain(d.rows.iter().map(|r| (r.id, r.position))).collect();
    let nil = Id::nil();
    d.journey.id = nil;
    d.journey.created_at = 0;
    d.journey.updated_at = 0;
    d.phases.iter_mut().for_each(|p| p.id = nil);
    d.rows.iter_mut().for_each(|r| r.id = nil);
    d.personas.iter_mut().for_each(|p| p.id = nil);
    for c in &mut d.cards {
        c.id = nil;
        // Keep where the card is, by position rather than id.
        c.phase = Id::from_u128(u128::from(positions[&c.phase]));
        c.row = Id::from_u128(u128::from(positions[&c.row]) + 1_000);
        c.created_at = 0;
        c.updated_at = 0;
    }
    d
}
