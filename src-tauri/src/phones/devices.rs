//! The phones that joined a room, each known by the random token of its cookie, and the limits
//! each one is held to. Limits count per phone, not per address: phones on one hotspot or behind
//! one NAT share an address.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, Instant};

use journeywall_core::model::Id;

/// The most phones one room takes.
pub const MAX_DEVICES: usize = 200;
/// Event streams one phone may keep open.
pub const STREAMS_PER_DEVICE: usize = 2;
/// Requests a phone may make in one second (a page load is about five).
pub const REQUESTS_PER_SECOND: u32 = 20;
/// Notes a phone may send in one minute: a quick writer sends one a second, and is never stopped.
pub const NOTES_PER_MINUTE: usize = 120;

#[derive(Debug, Default)]
pub struct Device {
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
}

impl Devices {
    /// The phone with this cookie, or a new one with a new token (`fresh`) while there is room.
    pub fn join(&mut self, cookie: Option<&str>, fresh: impl FnOnce() -> String) -> Result<String, Refusal> {
        if let Some(token) = cookie.filter(|t| self.by_token.contains_key(*t)) {
            return Ok(token.to_owned());
        }
        if self.by_token.len() >= MAX_DEVICES {
            let idle = self.by_token.iter().filter(|(_, d)| !d.joined).min_by_key(|(_, d)| d.number).map(|(t, _)| t.clone());
            self.by_token.remove(&idle.ok_or(Refusal::Full)?);
        }
        let token = fresh();
        self.next += 1;
        let number = self.next;
        self.by_token.insert(token.clone(), Device { number, ..Device::default() });
        Ok(token)
    }

    pub fn len(&self) -> usize {
        self.by_token.len()
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

    /// Counts a note of the phone `token` at `now`; refused beyond `NOTES_PER_MINUTE`.
    pub fn note(&mut self, token: &str, now: Instant) -> Result<(), Refusal> {
        let d = self.by_token.get_mut(token).ok_or(Refusal::Unknown)?;
        while d.notes.front().is_some_and(|t| now.duration_since(*t) >= Duration::from_secs(60)) {
            d.notes.pop_front();
        }
        if d.notes.len() >= NOTES_PER_MINUTE {
            return Err(Refusal::TooManyNotes);
        }
        d.notes.push_back(now);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(n: usize) -> (Devices, Vec<String>) {
        let mut d = Devices::default();
        let tokens = (0..n).map(|i| d.join(None, || format!("t{i}")).unwrap()).collect();
        (d, tokens)
    }

    #[test]
    fn a_phone_keeps_its_token_and_the_room_takes_at_most_200() {
        let (mut d, tokens) = joined(MAX_DEVICES);
        for t in &tokens {
            d.get_mut(t).unwrap().joined = true;
        }
        assert_eq!(d.join(Some(&tokens[3]), || unreachable!()), Ok(tokens[3].clone()));
        assert_eq!(d.join(Some("from another room"), || "x".into()), Err(Refusal::Full));
        assert_eq!(d.get_mut(&tokens[199]).unwrap().number, 200);
    }

    #[test]
    fn when_the_room_is_full_a_phone_that_never_joined_makes_way() {
        let (mut d, tokens) = joined(MAX_DEVICES);
        for t in &tokens[1..] {
            d.get_mut(t).unwrap().joined = true;
        }
        assert_eq!(d.join(None, || "new".into()), Ok("new".into()), "the preview that went no further made way");
        assert!(d.get_mut(&tokens[0]).is_none());
        assert_eq!(d.len(), MAX_DEVICES);
        d.get_mut("new").unwrap().joined = true;
        assert_eq!(d.join(None, || "one more".into()), Err(Refusal::Full), "now everyone has joined");
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
