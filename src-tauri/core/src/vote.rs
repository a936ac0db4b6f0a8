//! Dot voting. A journey has at most one vote: a number of dots per participant, whether one
//! participant may put several dots on one card ("stacking"), and the participants, each with the
//! cards their dots are on. Participants take turns on the laptop; after a paper vote the
//! facilitator types the tallies into the cards' `votes` instead.
//!
//! A placed dot is also counted into its card's `votes`, so the board, the results and the poster
//! all read one number. A dot on a card that was deleted is not counted against its participant (they
//! get it back), and counts again if the card is brought back by undo.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::fields::{check_colour, check_title, ensure, Id, Millis};
use crate::said;
use crate::said::{Field, Lang, Record};

pub const DOTS_RANGE: std::ops::RangeInclusive<u32> = 1..=20;
/// As many as a room takes phones (each phone votes as a participant).
pub const MAX_PARTICIPANTS: usize = 200;
pub const DEFAULT_DOTS: u32 = 3;

/// Participant colours in turn: dark enough to read on a pale card, told apart without colour
/// vision (Okabe–Ito, then a few more).
pub const PARTICIPANT_COLOURS: [&str; 10] =
    ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#8c564b", "#7f7f7f", "#6a3d9a"];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Vote {
    pub dots_per_participant: u32,
    /// Whether one participant may put more than one dot on the same card.
    #[serde(default)]
    pub stacking: bool,
    /// A closed vote takes no more dots; its results stay.
    #[serde(default)]
    pub closed: bool,
    /// Dots are hidden on the cards (and the poster), so early dots do not steer later voters.
    #[serde(default)]
    pub hidden: bool,
    #[serde(default)]
    pub started_at: Millis,
    #[serde(default)]
    pub participants: Vec<Participant>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub id: Id,
    pub name: String,
    pub colour: String,
    /// The cards this participant's dots are on, one entry per dot.
    #[serde(default)]
    pub dots: Vec<Id>,
}

/// A card's vote count, as undo puts it back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Tally {
    pub card: Id,
    pub votes: u32,
}

impl Vote {
    pub fn new(dots_per_participant: u32, stacking: bool, now: Millis) -> Result<Vote> {
        let v = Vote { dots_per_participant, stacking, closed: false, hidden: false, started_at: now, participants: vec![] };
        v.validate(&|_| true)?;
        Ok(v)
    }

    /// Checks the vote against the cards that exist (`live`).
    pub fn validate(&self, live: &dyn Fn(Id) -> bool) -> Result<()> {
        let per = self.dots_per_participant;
        ensure(DOTS_RANGE.contains(&per), Field::DotsPerParticipant, || said!("{per} is outside 1–20", "{per} valt buiten 1–20"))?;
        ensure(self.participants.len() <= MAX_PARTICIPANTS, Field::Participants, || {
            said!("a vote takes at most {MAX_PARTICIPANTS} participants", "er doen hoogstens {MAX_PARTICIPANTS} deelnemers mee")
        })?;
        let mut ids = HashSet::new();
        for p in &self.participants {
            check_title(Field::ParticipantName, &p.name)?;
            check_colour(Field::ParticipantColour, &p.colour)?;
            let (id, name) = (p.id, &p.name);
            ensure(ids.insert(id), Field::ParticipantId, || said!("{id} is used twice", "{id} komt twee keer voor"))?;
            let used = self.used(p, live);
            ensure(used <= per, Field::Dots, || {
                said!("{name} has {used} dots; each participant has {per}", "{name} heeft {used} stippen; elke deelnemer heeft er {per}")
            })?;
            if !self.stacking {
                let mut cards = HashSet::new();
                if let Some(card) = p.dots.iter().find(|c| !cards.insert(**c)) {
                    return Err(Error::invalid(
                        Field::Dots,
                        said!("{name} has more than one dot on card {card}", "{name} heeft meer dan één stip op kaart {card}"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Every card a dot is on (a card once per dot).
    pub fn dots(&self) -> impl Iterator<Item = Id> + '_ {
        self.participants.iter().flat_map(|p| p.dots.iter().copied())
    }

    /// The dots a participant has on cards that exist.
    pub fn used(&self, p: &Participant, live: &dyn Fn(Id) -> bool) -> u32 {
        p.dots.iter().filter(|c| live(**c)).count() as u32
    }

    pub fn participant(&self, id: Id) -> Result<&Participant> {
        self.participants.iter().find(|p| p.id == id).ok_or_else(|| Error::not_found(Record::Participant, id))
    }

    fn participant_mut(&mut self, id: Id) -> Result<&mut Participant> {
        self.participants.iter_mut().find(|p| p.id == id).ok_or_else(|| Error::not_found(Record::Participant, id))
    }

    pub fn add_participant(&mut self, id: Id, name: String, colour: Option<String>) -> Result<()> {
        self.check_open()?;
        let name = name.trim().to_owned();
        ensure(!self.takes_part(&name), Field::ParticipantName, || {
            said!("'{name}' is already taking part; use another name", "'{name}' doet al mee; kies een andere naam")
        })?;
        let colour = colour.unwrap_or_else(|| self.next_colour());
        self.participants.push(Participant { id, name, colour, dots: vec![] });
        self.validate(&|_| true)
    }

    /// The first colour no participant has yet, or the next in turn once all are taken.
    fn next_colour(&self) -> String {
        let taken: HashSet<&str> = self.participants.iter().map(|p| p.colour.as_str()).collect();
        PARTICIPANT_COLOURS
            .iter()
            .find(|c| !taken.contains(*c))
            .unwrap_or(&PARTICIPANT_COLOURS[self.participants.len() % PARTICIPANT_COLOURS.len()])
            .to_string()
    }

    /// Removes a participant; returns the cards their dots were on.
    pub fn remove_participant(&mut self, id: Id) -> Result<Vec<Id>> {
        let at = self.participants.iter().position(|p| p.id == id).ok_or_else(|| Error::not_found(Record::Participant, id))?;
        Ok(self.participants.remove(at).dots)
    }

    pub fn place(&mut self, participant: Id, card: Id, live: &dyn Fn(Id) -> bool) -> Result<()> {
        self.check_open()?;
        let (per, stacking) = (self.dots_per_participant, self.stacking);
        let used = self.used(self.participant(participant)?, live);
        let p = self.participant_mut(participant)?;
        if used >= per {
            let name = &p.name;
            return Err(Error::NotAllowed(if per == 1 {
                said!(
                    "{name} has placed their dot; take it back first to put it elsewhere",
                    "{name} heeft de stip al gezet; neem hem eerst terug om hem ergens anders te zetten"
                )
            } else {
                said!(
                    "{name} has used all {per} dots; take one back first",
                    "{name} heeft alle {per} stippen gezet; neem er eerst een terug"
                )
            }));
        }
        if !stacking && p.dots.contains(&card) {
            let name = &p.name;
            return Err(Error::NotAllowed(said!(
                "{name} already has a dot on this card, and this vote allows one per card",
                "{name} heeft al een stip op deze kaart, en in deze stemronde mag dat er één per kaart zijn"
            )));
        }
        p.dots.push(card);
        Ok(())
    }

    pub fn take_back(&mut self, participant: Id, card: Id) -> Result<()> {
        self.check_open()?;
        let p = self.participant_mut(participant)?;
        let name = &p.name;
        let at =
            p.dots.iter().rposition(|c| *c == card).ok_or_else(|| {
                Error::invalid(Field::Dots, said!("{name} has no dot on this card", "{name} heeft geen stip op deze kaart"))
            })?;
        p.dots.remove(at);
        Ok(())
    }

    /// The name a phone takes part under: the name its participant gave, or "Phone 3" (the n-th
    /// phone to join, in the journey's language `lang`: the board and poster show it) when they
    /// gave none; "Kim (2)" when a participant of that name takes part already, as names are
    /// compared by `add_participant`.
    pub fn name_for_phone(&self, given: Option<&str>, number: usize, lang: Lang) -> String {
        let base = match given.map(str::trim).filter(|n| !n.is_empty()) {
            Some(name) => name.to_owned(),
            None => format!("{} {number}", said!("Phone", "Telefoon").get(lang)),
        };
        (1..).map(|k| if k == 1 { base.clone() } else { format!("{base} ({k})") }).find(|n| !self.takes_part(n)).unwrap_or(base)
    }

    /// Whether a participant of this name takes part already; names are told apart regardless of case.
    fn takes_part(&self, name: &str) -> bool {
        self.participants.iter().any(|p| p.name.to_lowercase() == name.to_lowercase())
    }

    fn check_open(&self) -> Result<()> {
        if self.closed {
            return Err(Error::NotAllowed(said!(
                "The vote is closed; reopen it to change the dots",
                "De stemronde is gesloten; open hem weer om stippen te veranderen"
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fields::new_id;

    fn vote(stacking: bool) -> (Vote, Id) {
        let mut v = Vote::new(3, stacking, 0).unwrap();
        let anna = new_id();
        v.add_participant(anna, "Anna".into(), None).unwrap();
        (v, anna)
    }

    #[test]
    fn a_phone_takes_part_under_its_name_told_apart_from_others_whatever_their_case() {
        let (mut v, _) = vote(false);
        assert_eq!(v.name_for_phone(Some(" Kim "), 4, Lang::En), "Kim");
        assert_eq!(v.name_for_phone(Some("anna"), 4, Lang::En), "anna (2)", "Anna takes part already");
        v.add_participant(new_id(), v.name_for_phone(Some("anna"), 4, Lang::En), None).unwrap();
        assert_eq!(v.name_for_phone(Some("ANNA"), 5, Lang::En), "ANNA (3)");
        assert_eq!(v.name_for_phone(None, 7, Lang::Nl), "Telefoon 7");
        assert_eq!(v.name_for_phone(Some("  "), 7, Lang::En), "Phone 7");
    }

    #[test]
    fn a_participant_has_only_their_dots() {
        let (mut v, anna) = vote(true);
        let card = new_id();
        for _ in 0..3 {
            v.place(anna, card, &|_| true).unwrap();
        }
        let e = v.place(anna, new_id(), &|_| true).unwrap_err().to_string();
        assert!(e.contains("Anna has used all 3 dots"), "{e}");
        v.take_back(anna, card).unwrap();
        v.place(anna, new_id(), &|_| true).unwrap();
    }

    #[test]
    fn without_stacking_one_dot_per_card() {
        let (mut v, anna) = vote(false);
        let card = new_id();
        v.place(anna, card, &|_| true).unwrap();
        assert!(v.place(anna, card, &|_| true).unwrap_err().to_string().contains("one per card"));
    }

    #[test]
    fn dots_on_deleted_cards_come_back_to_their_participant() {
        let (mut v, anna) = vote(true);
        let gone = new_id();
        for _ in 0..3 {
            v.place(anna, gone, &|_| true).unwrap();
        }
        v.place(anna, new_id(), &|c| c != gone).unwrap();
    }

    #[test]
    fn participants_get_distinct_colours_and_names() {
        let (mut v, _) = vote(false);
        v.add_participant(new_id(), "Bram".into(), None).unwrap();
        assert_ne!(v.participants[0].colour, v.participants[1].colour);
        assert!(v.add_participant(new_id(), " anna ".into(), None).is_err());
        assert!(v.add_participant(new_id(), "  ".into(), None).is_err());
    }

    #[test]
    fn a_closed_vote_takes_no_dots() {
        let (mut v, anna) = vote(false);
        v.closed = true;
        assert!(v.place(anna, new_id(), &|_| true).unwrap_err().to_string().contains("closed"));
    }

    #[test]
    fn dots_per_participant_stay_in_range() {
        assert!(Vote::new(0, false, 0).is_err());
        assert!(Vote::new(21, false, 0).is_err());
        assert!(Vote::new(20, true, 0).is_ok());
    }
}
