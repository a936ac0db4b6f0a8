//! The vote's edits (see `vote.rs` for the rules). Placing and taking back a dot, the edits made
//! dozens of times a vote, are each other's inverse, so undo stores a few ids; the rare edits
//! (start, remove a participant, close, hide, clear) are undone by `restoreVote`, which puts the
//! whole vote and the counts of the cards it touched back.

use crate::edit::Edit;
use crate::error::{Error, Result};
use crate::fields::ensure;
use crate::model::{self, Card, Id};
use crate::records as db;
use crate::said;
use crate::vote::{Tally, Vote};

use super::Applier;
use crate::said::Field;

impl Applier<'_> {
    pub(super) fn start_vote(&mut self, dots_per_participant: u32, stacking: bool) -> Result<Edit> {
        ensure(self.vote()?.is_none(), Field::Vote, || {
            said!(
                "there is a vote already; clear it before starting a new one",
                "er loopt al een stemronde; wis die voordat je een nieuwe start"
            )
        })?;
        let vote = Vote::new(dots_per_participant, stacking, self.now)?;
        self.change_vote(|v| {
            *v = Some(vote);
            Ok(vec![])
        })
    }

    pub(super) fn add_participant(&mut self, id: Option<Id>, name: String, colour: Option<String>) -> Result<Edit> {
        self.change_vote(|v| {
            started(v)?.add_participant(id.unwrap_or_else(model::new_id), name, colour)?;
            Ok(vec![])
        })
    }

    pub(super) fn remove_participant(&mut self, participant: Id) -> Result<Edit> {
        self.change_vote(|v| {
            let cards = started(v)?.remove_participant(participant)?;
            Ok(cards.into_iter().map(|c| (c, -1)).collect())
        })
    }

    pub(super) fn place_dot(&mut self, participant: Id, card: Id) -> Result<Edit> {
        let mut k = db::card(self.c, self.journey, card)?;
        let mut stored = self.vote()?;
        let vote = started(&mut stored)?;
        // Only this participant's dots can change whether the dot is allowed.
        let mine = db::live_cards(self.c, self.journey, vote.participant(participant)?.dots.iter().copied())?;
        vote.place(participant, card, &|c| mine.contains(&c))?;
        self.write_vote(Some(vote))?;
        k.votes = k.votes.saturating_add(1);
        self.write_card(&k)?;
        Ok(Edit::TakeBackDot { participant, card })
    }

    pub(super) fn take_back_dot(&mut self, participant: Id, card: Id) -> Result<Edit> {
        let before = self.vote()?;
        let mut stored = before.clone();
        let vote = started(&mut stored)?;
        let was_last = vote.participant(participant)?.dots.last() == Some(&card);
        vote.take_back(participant, card)?;
        self.write_vote(Some(vote))?;
        let counted = db::card(self.c, self.journey, card).ok().filter(|k| k.votes > 0);
        if let Some(mut k) = counted.clone() {
            k.votes -= 1;
            self.write_card(&k)?;
        }
        // Placing the dot again appends it and counts it, which is the exact reverse only when it
        // was the participant's last dot and was counted; otherwise put the vote back whole.
        if was_last && counted.is_some() {
            Ok(Edit::PlaceDot { participant, card })
        } else {
            Ok(Edit::RestoreVote { vote: before, tallies: counted.map(|k| Tally { card, votes: k.votes }).into_iter().collect() })
        }
    }

    pub(super) fn update_vote(&mut self, closed: Option<bool>, hidden: Option<bool>) -> Result<Edit> {
        self.change_vote(|v| {
            let vote = started(v)?;
            vote.closed = closed.unwrap_or(vote.closed);
            vote.hidden = hidden.unwrap_or(vote.hidden);
            Ok(vec![])
        })
    }

    pub(super) fn clear_vote(&mut self) -> Result<Edit> {
        let counted: Vec<Card> = db::cards(self.c, self.journey)?.into_iter().filter(|k| k.votes > 0).collect();
        self.change_vote(|v| {
            *v = None;
            Ok(counted.iter().map(|k| (k.id, -i64::from(k.votes))).collect())
        })
    }

    pub(super) fn restore_vote(&mut self, vote: Option<Vote>, tallies: Vec<Tally>) -> Result<Edit> {
        let mut seen = std::collections::HashSet::new();
        if let Some(t) = tallies.iter().find(|t| !seen.insert(t.card)) {
            let card = t.card;
            return Err(Error::invalid(Field::Tallies, said!("card {card} is listed twice", "kaart {card} staat er twee keer in")));
        }
        let before = self.vote()?;
        let mut inverse = Vec::with_capacity(tallies.len());
        for t in tallies {
            let mut k = db::card(self.c, self.journey, t.card)?;
            inverse.push(Tally { card: k.id, votes: k.votes });
            k.votes = t.votes;
            self.write_card(&k)?;
        }
        self.set_vote(vote.as_ref())?;
        Ok(Edit::RestoreVote { vote: before, tallies: inverse })
    }

    fn vote(&self) -> Result<Option<Vote>> {
        db::vote(self.c, self.journey)
    }

    /// Stores a vote after checking it whole against the journey's cards.
    fn set_vote(&mut self, vote: Option<&Vote>) -> Result<()> {
        if let Some(v) = vote {
            let live = db::live_cards(self.c, self.journey, v.dots())?;
            v.validate(&|k| live.contains(&k))?;
        }
        self.write_vote(vote)
    }

    /// Stores a vote the caller has kept within the rules.
    fn write_vote(&mut self, vote: Option<&Vote>) -> Result<()> {
        db::set_vote(self.c, self.journey, vote)?;
        self.touched.vote = true;
        Ok(())
    }

    fn write_card(&mut self, k: &Card) -> Result<()> {
        db::update_card(self.c, k)?;
        self.touched.cards.insert(k.id);
        Ok(())
    }

    /// Runs `change` on the vote; it returns how many votes to add to (or take from) which cards.
    /// The inverse puts the vote and those cards' counts back.
    fn change_vote(&mut self, change: impl FnOnce(&mut Option<Vote>) -> Result<Vec<(Id, i64)>>) -> Result<Edit> {
        let before = self.vote()?;
        let mut vote = before.clone();
        let deltas = change(&mut vote)?;
        let mut tallies: Vec<Tally> = Vec::new();
        for (card, delta) in deltas {
            // A dot on a deleted card was not counted into any card; there is nothing to take back.
            let Ok(mut k) = db::card(self.c, self.journey, card) else { continue };
            if !tallies.iter().any(|t| t.card == card) {
                tallies.push(Tally { card, votes: k.votes });
            }
            k.votes = u32::try_from((i64::from(k.votes) + delta).max(0)).unwrap_or(u32::MAX);
            self.write_card(&k)?;
        }
        self.set_vote(vote.as_ref())?;
        Ok(Edit::RestoreVote { vote: before, tallies })
    }
}

fn started(vote: &mut Option<Vote>) -> Result<&mut Vote> {
    vote.as_mut().ok_or_else(|| {
        Error::invalid(Field::Vote, said!("no vote has been started; start one first", "er is nog geen stemronde; start er eerst een"))
    })
}
