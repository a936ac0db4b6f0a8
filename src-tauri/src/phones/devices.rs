//! The phones that joined a room, each known by the random token of its cookie, and the limits
//! each one is held to. Limits count per phone, not per address: phones on one hotspot or behind
//! one NAT share an address.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use journeywall_core::model::Id;
use serde::{Deserialize, Serialize};

/// The most phones one room takes.
pub const MAX_DEVICES: usize = 200;
/// New phones the room lets in at once, then `ADMITTED_PER_SECOND`: a group scanning the QR code
/// together gets in, a script making phones fills the room in a minute, not in a blink.
pub const ADMITTED_AT_ONCE: f64 = 40.0;
pub const ADMITTED_PER_SECOND: f64 = 4.0;
/// Notes the whole room takes at once, then `ROOM_NOTES_PER_SECOND`: 200 people each sending
/// the notes they wrote offline at once, then a note every two seconds, stay under it; one client
/// with many cookies cannot keep the disk busy for everyone.
pub const ROOM_NOTES_AT_ONCE: f64 = 1000.0;
pub const ROOM_NOTES_PER_SECOND: f64 = 100.0;
/// Event streams one phone may keep open.
pub const STREAMS_PER_DEVICE: usize = 2;
/// Requests a phone may make in one second (a page load is about five).
pub const REQUESTS_PER_SECOND: u32 = 20;
/// Notes a phone may send in one minute: a quick writer sends one a second, and is never stopped.
pub const NOTES_PER_MINUTE: usize = 120;

#[derive(Debug, Default)]
pub struct Device {
    /// Told `true` when the phone is removed or pushed out: its event streams end.
    pub ended: tokio::sync::watch::Sender<bool>,
    /// The name the participant gave (none: anonymous).
    pub name: Option<String>,
    /// The vote participant this phone is, once it gave a dot.
    pub participant: Option<Id>,
    /// The n-th phone to join, from 1: how an anonymous participant is called.
    pub number: usize,
    /// It joined (gave a name, or chose to stay anonymous): only phones that opened the page and
    /// went no further (a QR scanner's preview) make way when the room is full.
    pub joined: bool,
    /// Its open event streams (a phone keeps one; a reload briefly two).
    pub streams: usize,
    second: Option<(Instant, u32)>,
    notes: VecDeque<Instant>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The room has its `MAX_DEVICES` phones.
    Full,
    /// The facilitator locked the room: no new phones.
    Locked,
    /// More new phones than `ADMITTED_PER_SECOND`.
    Crowded,
    /// Not a phone of this room (no cookie, or one from another room).
    Unknown,
    TooFast,
    TooManyNotes,
}

#[derive(Debug, Default)]
pub struct Devices {
    by_token: HashMap<String, Device>,
    /// Phones that joined so far, counting those that made way.
    next: usize,
    /// No new phones (those already in stay).
    pub locked: bool,
    /// The phones the facilitator removed, so their notes can still be told apart.
    pub removed: Vec<KeptPhone>,
    admitted: Bucket,
    notes: Bucket,
}

/// A phone as a room keeps it across a restart: its cookie, how it is called, and whether it joined.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeptPhone {
    pub token: String,
    pub number: usize,
    pub name: Option<String>,
    pub participant: Option<Id>,
}

/// A rate with a burst: `size` at once, then `per_second`. Starts full.
#[derive(Debug, Default, Clone)]
pub struct Bucket {
    /// Taken from a full bucket so far, as it stood at `at` (0 when never used).
    taken: f64,
    at: Option<Instant>,
}

impl Bucket {
    pub fn take(&mut self, now: Instant, size: f64, per_second: f64) -> bool {
        let refilled = self.at.map_or(0.0, |at| now.saturating_duration_since(at).as_secs_f64() * per_second);
        let taken = (self.taken - refilled).max(0.0);
        self.at = Some(now);
        if taken + 1.0 > size {
            self.taken = taken;
            return false;
        }
        self.taken = taken + 1.0;
        true
    }
}

impl Devices {
    /// The phone with this cookie, or a new one with a new token (`fresh`) while the room is open
    /// to new phones, has space and is not being crowded.
    pub fn join(&mut self, cookie: Option<&str>, now: Instant, fresh: impl FnOnce() -> String) -> Result<String, Refusal> {
        if let Some(token) = cookie.filter(|t| self.by_token.contains_key(*t)) {
            return Ok(token.to_owned());
        }
        if self.locked {
            return Err(Refusal::Locked);
        }
        let full = self.by_token.len() >= MAX_DEVICES;
        let idle = self.by_token.iter().filter(|(_, d)| !d.joined).min_by_key(|(_, d)| d.number).map(|(t, _)| t.clone());
        if full && idle.is_none() {
            return Err(Refusal::Full);
        }
        if !self.admitted.take(now, ADMITTED_AT_ONCE, ADMITTED_PER_SECOND) {
            return Err(Refusal::Crowded);
        }
        if full {
            self.remove(idle.as_deref().unwrap_or_default());
        }
        let token = fresh();
        self.next += 1;
        let number = self.next;
        self.by_token.insert(token.clone(), Device { number, ..Device::default() });
        Ok(token)
    }

    /// The phones that joined (gave a name, or chose to stay anonymous), by the order they came.
    pub fn joined(&self) -> impl Iterator<Item = &Device> {
        let mut joined: Vec<&Device> = self.by_token.values().filter(|d| d.joined).collect();
        joined.sort_by_key(|d| d.number);
        joined.into_iter()
    }

    /// The phone `token` joins under `name` (or, joined already, takes that name): true when it
    /// joins now. A page opened before the room was locked (or by a phone removed since) does not
    /// get in by joining after the lock, as a new page does not.
    pub fn name(&mut self, token: &str, name: Option<String>) -> Result<bool, Refusal> {
        let locked = self.locked;
        let d = self.by_token.get_mut(token).ok_or(Refusal::Unknown)?;
        if locked && !d.joined {
            return Err(Refusal::Locked);
        }
        d.name = name;
        Ok(!std::mem::replace(&mut d.joined, true))
    }

    /// Removes a phone: its event streams end and its cookie counts no more.
    pub fn remove(&mut self, token: &str) -> Option<Device> {
        let d = self.by_token.remove(token)?;
        d.ended.send_replace(true);
        Some(d)
    }

    /// Removes the phone that joined `number`-th, as the facilitator does: it is out, and kept
    /// among the removed, with its name.
    pub fn remove_by_number(&mut self, number: usize) -> bool {
        let Some(token) = self.by_token.iter().find(|(_, d)| d.number == number).map(|(t, _)| t.clone()) else { return false };
        let Some(d) = self.remove(&token) else { return false };
        self.removed.push(KeptPhone { token, number, name: d.name, participant: d.participant });
        true
    }

    /// The phones that joined, as a room keeps them across a restart (pages opened and no
    /// further are not kept).
    pub fn kept(&self) -> Vec<KeptPhone> {
        let mut kept: Vec<KeptPhone> = self
            .by_token
            .iter()
            .filter(|(_, d)| d.joined)
            .map(|(token, d)| KeptPhone { token: token.clone(), number: d.number, name: d.name.clone(), participant: d.participant })
            .collect();
        kept.sort_by_key(|k| k.number);
        kept
    }

    /// The phones of a room kept across a restart, joined as they were.
    pub fn from_kept(kept: Vec<KeptPhone>, locked: bool, removed: Vec<KeptPhone>) -> Devices {
        let next = kept.iter().map(|k| k.number).max().unwrap_or(0);
        let by_token = kept
            .into_iter()
            .take(MAX_DEVICES)
            .map(|k| (k.token, Device { number: k.number, name: k.name, participant: k.participant, joined: true, ..Device::default() }))
            .collect();
        let next = next.max(removed.iter().map(|k| k.number).max().unwrap_or(0));
        Devices { by_token, next, locked, removed, ..Devices::default() }
    }

    pub fn get_mut(&mut self, token: &str) -> Option<&mut Device> {
        self.by_token.get_mut(token)
    }

    /// Counts a request of the phone `token` at `now`; refused beyond `REQUESTS_PER_SECOND`.
    pub fn request(&mut self, token: &str, now: Instant) -> Result<(), Refusal> {
        let d = self.by_token.get_mut(token).ok_or(Refusal::Unknown)?;
        let (start, count) = match d.second {
            Some((start, count)) if now.duration_since(start) < Duration::from_secs(1) => (start, count + 1),
            _ => (now, 1),
        };
        d.second = Some((start, count));
        if count > REQUESTS_PER_SECOND {
            return Err(Refusal::TooFast);
        }
        Ok(())
    }

    /// Counts a note of the phone `token` at `now`; refused beyond `NOTES_PER_MINUTE` for the
    /// phone, or `ROOM_NOTES_PER_SECOND` for the room.
    pub fn note(&mut self, token: &str, now: Instant) -> Result<(), Refusal> {
        let d = self.by_token.get_mut(token).ok_or(Refusal::Unknown)?;
        while d.notes.front().is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(60)) {
            d.notes.pop_front();
        }
        if d.notes.len() >= NOTES_PER_MINUTE {
            return Err(Refusal::TooManyNotes);
        }
        if !self.notes.take(now, ROOM_NOTES_AT_ONCE, ROOM_NOTES_PER_SECOND) {
            return Err(Refusal::TooManyNotes);
        }
        d.notes.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` phones that opened the page, one a second (within the room's admission rate).
    fn joined(n: usize) -> (Devices, Vec<String>) {
        let mut d = Devices::default();
        let start = Instant::now();
        let tokens = (0..n).map(|i| d.join(None, start + Duration::from_secs(i as u64), || format!("t{i}")).unwrap()).collect();
        (d, tokens)
    }

    fn later() -> Instant {
        Instant::now() + Duration::from_secs(3600)
    }

    #[test]
    fn a_phone_keeps_its_token_and_the_room_takes_at_most_200() {
        let (mut d, tokens) = joined(MAX_DEVICES);
        for t in &tokens {
            d.get_mut(t).unwrap().joined = true;
        }
        assert_eq!(d.join(Some(&tokens[3]), later(), || unreachable!()), Ok(tokens[3].clone()));
        assert_eq!(d.join(Some("from another room"), later(), || "x".into()), Err(Refusal::Full));
        assert_eq!(d.get_mut(&tokens[199]).unwrap().number, 200);
    }

    #[test]
    fn when_the_room_is_full_a_phone_that_never_joined_makes_way() {
        let (mut d, tokens) = joined(MAX_DEVICES);
        for t in &tokens[1..] {
            d.get_mut(t).unwrap().joined = true;
        }
        let ended = d.get_mut(&tokens[0]).unwrap().ended.subscribe();
        assert_eq!(d.join(None, later(), || "new".into()), Ok("new".into()), "the preview that went no further made way");
        assert!(*ended.borrow(), "and its event streams end");
        assert!(d.get_mut(&tokens[0]).is_none());
        assert_eq!(d.by_token.len(), MAX_DEVICES);
        d.get_mut("new").unwrap().joined = true;
        assert_eq!(d.join(None, later(), || "one more".into()), Err(Refusal::Full), "now everyone has joined");
    }

    #[test]
    fn new_phones_come_in_forty_at_once_then_four_a_second_and_not_at_all_when_locked() {
        let mut d = Devices::default();
        let now = Instant::now();
        let at_once = (0..100).filter(|i| d.join(None, now, || format!("t{i}")).is_ok()).count();
        assert_eq!(at_once, ADMITTED_AT_ONCE as usize);
        assert_eq!(d.join(None, now, || "x".into()), Err(Refusal::Crowded));
        assert_eq!(d.join(Some("t1"), now, || unreachable!()), Ok("t1".into()), "a phone that is in comes back at once");
        let second = now + Duration::from_secs(1);
        assert_eq!((0..10).filter(|i| d.join(None, second, || format!("u{i}")).is_ok()).count(), ADMITTED_PER_SECOND as usize);
        d.locked = true;
        assert_eq!(d.join(None, now + Duration::from_secs(60), || "late".into()), Err(Refusal::Locked));
        assert_eq!(d.join(Some("t2"), now + Duration::from_secs(60), || unreachable!()), Ok("t2".into()), "the phones in stay in");
    }

    #[test]
    fn the_phones_that_joined_are_kept_with_their_names_and_numbers() {
        let (mut d, t) = joined(3);
        d.get_mut(&t[0]).unwrap().joined = true;
        d.get_mut(&t[0]).unwrap().name = Some("Kim".into());
        d.get_mut(&t[2]).unwrap().joined = true;
        let kept = d.kept();
        assert_eq!(kept.iter().map(|k| (k.number, k.name.clone())).collect::<Vec<_>>(), [(1, Some("Kim".into())), (3, None)]);
        let mut again = Devices::from_kept(kept, true, vec![]);
        assert_eq!(again.get_mut(&t[0]).map(|d| (d.name.clone(), d.joined)), Some((Some("Kim".into()), true)));
        assert!(again.get_mut(&t[1]).is_none(), "a page opened and no further is not kept");
        again.locked = false;
        let new = again.join(None, later(), || "new".into()).unwrap();
        assert_eq!(again.get_mut(&new).unwrap().number, 4, "numbers go on where they were");
    }

    #[test]
    fn a_page_opened_before_the_lock_does_not_join_after_it_and_a_phone_in_may_rename() {
        let (mut d, t) = joined(2);
        assert_eq!(d.name(&t[0], Some("Kim".into())), Ok(true));
        d.locked = true;
        assert_eq!(d.name(&t[1], Some("Sneaky".into())), Err(Refusal::Locked));
        assert_eq!(d.name(&t[0], Some("Kim B".into())), Ok(false), "a rename, not a join");
        assert_eq!(d.joined().count(), 1);
    }

    #[test]
    fn a_removed_phone_is_unknown_and_its_streams_end() {
        let (mut d, t) = joined(2);
        let ended = d.get_mut(&t[1]).unwrap().ended.subscribe();
        assert!(d.remove(&t[1]).is_some());
        assert!(*ended.borrow());
        assert_eq!(d.request(&t[1], later()), Err(Refusal::Unknown));
    }

    #[test]
    fn the_room_takes_notes_from_many_phones_at_a_bounded_rate() {
        let (mut d, t) = joined(100);
        let now = later();
        let taken = (0..3000).filter(|i| d.note(&t[i % 100], now).is_ok()).count();
        assert_eq!(taken, ROOM_NOTES_AT_ONCE as usize);
        assert!(d.note(&t[0], now + Duration::from_secs(1)).is_ok(), "and more a second later");
    }

    #[test]
    fn twenty_requests_a_second_pass_and_the_twenty_first_waits_for_the_next_second() {
        let (mut d, t) = joined(2);
        let now = Instant::now();
        for _ in 0..REQUESTS_PER_SECOND {
            d.request(&t[0], now).unwrap();
        }
        assert_eq!(d.request(&t[0], now), Err(Refusal::TooFast));
        assert_eq!(d.request(&t[1], now), Ok(()), "another phone on the same address is not held back");
        assert_eq!(d.request(&t[0], now + Duration::from_millis(1001)), Ok(()));
        assert_eq!(d.request("unknown", now), Err(Refusal::Unknown));
    }

    #[test]
    fn a_writer_sending_one_note_a_second_is_never_stopped() {
        let (mut d, t) = joined(1);
        let start = Instant::now();
        for s in 0..180 {
            d.note(&t[0], start + Duration::from_secs(s)).unwrap();
        }
        for _ in 0..NOTES_PER_MINUTE {
            let _ = d.note(&t[0], start + Duration::from_secs(200));
        }
        assert_eq!(d.note(&t[0], start + Duration::from_secs(200)), Err(Refusal::TooManyNotes));
    }
}
