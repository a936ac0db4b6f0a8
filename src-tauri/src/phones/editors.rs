//! The co-editors of a room: people who edit the journey from a browser on another laptop, each
//! known by the random token of their cookie, allowed in by the facilitator (or at once, in a room
//! without a window), and held to their own limits.

use std::time::Instant;

use journeywall_core::model::Id;
use serde::{Deserialize, Serialize};

use super::devices::Bucket;

/// The most editors one room takes (the facilitator's laptop not counted).
pub const MAX_EDITORS: usize = 20;
/// Requests an editor may make at once, then `REQUESTS_PER_SECOND`: a drag of many cards or fast
/// typing stays under it, a script cannot keep the disk busy for everyone.
const REQUESTS_AT_ONCE: f64 = 200.0;
const REQUESTS_PER_SECOND: f64 = 50.0;
/// Editors' colours, in the order they are given: distinct from each other and from the phones'
/// participant colours on a light board.
const COLOURS: [&str; 8] = ["#d9480f", "#1971c2", "#2f9e44", "#ae3ec9", "#e67700", "#0c8599", "#c2255c", "#5f3dc4"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub enum EditorState {
    /// Gave a name and waits for the facilitator.
    Waiting,
    Allowed,
    /// Refused or removed by the facilitator: their page says so.
    Refused,
}

/// An editor as the room keeps it, across a restart too.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Editor {
    pub token: String,
    /// The n-th editor to come, from 1: their author key in the undo history.
    pub number: u32,
    pub name: String,
    pub colour: String,
    pub state: EditorState,
    /// The cards they have selected, and the one they are typing in: outlined on the others' boards.
    #[serde(skip)]
    pub selected: Vec<Id>,
    #[serde(skip)]
    pub typing: Option<Id>,
    #[serde(skip)]
    requests: Bucket,
    /// Their last call's id (`X-Journeywall-Request`) and its answer: a page that lost the
    /// connection sends its call again once, and is answered without it being done twice.
    #[serde(skip)]
    last: Option<(String, serde_json::Value)>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The room has its `MAX_EDITORS`.
    Full,
    /// Not an editor of this room, or refused or removed.
    Unknown,
    /// Allowed in, not yet by the facilitator.
    Waiting,
    TooFast,
}

#[derive(Debug, Default)]
pub struct Editors {
    pub list: Vec<Editor>,
    /// A room without a window (`journeywall room --editors`): editors come in without a name
    /// and without being allowed, as there is nobody to allow them.
    pub admit_all: bool,
}

impl Editors {
    /// The editor of `token`, whatever their standing (a refused one's page is told so).
    pub fn get(&self, token: &str) -> Option<&Editor> {
        self.list.iter().find(|e| e.token == token)
    }

    fn get_mut(&mut self, token: &str) -> Option<&mut Editor> {
        self.list.iter_mut().find(|e| e.token == token)
    }

    /// The editor of `cookie`, or a new one: the page of the editor link hands out its cookie.
    /// Someone refused or removed who opens the link again asks again, as someone new: a
    /// mis-click on Remove does not lock a co-facilitator out for good.
    pub fn arrive(&mut self, cookie: Option<&str>, new_token: impl FnOnce() -> String) -> Result<String, Refusal> {
        if let Some(known) = cookie.and_then(|c| self.get(c)).filter(|e| e.state != EditorState::Refused) {
            return Ok(known.token.clone());
        }
        if self.list.iter().filter(|e| e.state != EditorState::Refused).count() >= MAX_EDITORS {
            // A page opened and left without a name makes way, the oldest first: pages opened
            // by the score (a link passed around, a script) never keep a co-facilitator out.
            let idle = self.list.iter().position(|e| e.state == EditorState::Waiting && e.name.is_empty());
            let Some(idle) = idle else { return Err(Refusal::Full) };
            self.list.remove(idle);
        }
        let number = self.list.iter().map(|e| e.number).max().unwrap_or(0) + 1;
        let admit = self.admit_all;
        let editor = Editor {
            token: new_token(),
            number,
            name: if admit { format!("Editor {number}") } else { String::new() },
            colour: COLOURS[(number as usize - 1) % COLOURS.len()].into(),
            state: if admit { EditorState::Allowed } else { EditorState::Waiting },
            selected: vec![],
            typing: None,
            requests: Bucket::default(),
            last: None,
        };
        let token = editor.token.clone();
        self.list.push(editor);
        Ok(token)
    }

    /// Names the editor of `token` (they ask to come in under this name).
    pub fn name(&mut self, token: &str, name: &str) -> Result<(), Refusal> {
        let editor = self.get_mut(token).filter(|e| e.state != EditorState::Refused).ok_or(Refusal::Unknown)?;
        editor.name = name.trim().chars().take(40).collect();
        Ok(())
    }

    /// Counts a request of `token`'s editor: the editor it is, if they may make it now.
    pub fn request(&mut self, token: &str, now: Instant) -> Result<&mut Editor, Refusal> {
        let editor = self.get_mut(token).ok_or(Refusal::Unknown)?;
        match editor.state {
            EditorState::Refused => return Err(Refusal::Unknown),
            EditorState::Waiting => return Err(Refusal::Waiting),
            EditorState::Allowed => {}
        }
        if !editor.requests.take(now, REQUESTS_AT_ONCE, REQUESTS_PER_SECOND) {
            return Err(Refusal::TooFast);
        }
        Ok(editor)
    }

    /// The answer already given to `token`'s call `id`, if that was their last.
    pub fn answered(&self, token: &str, id: &str) -> Option<serde_json::Value> {
        self.get(token)?.last.as_ref().filter(|(last, _)| last == id).map(|(_, answer)| answer.clone())
    }

    pub fn remember(&mut self, token: &str, id: String, answer: &serde_json::Value) {
        if let Some(editor) = self.get_mut(token) {
            editor.last = Some((id, answer.clone()));
        }
    }

    /// Lets the editor `number` in (`allow`), or refuses or removes them.
    pub fn decide(&mut self, number: u32, allow: bool) -> bool {
        let Some(editor) = self.list.iter_mut().find(|e| e.number == number) else { return false };
        editor.state = if allow { EditorState::Allowed } else { EditorState::Refused };
        if !allow {
            editor.selected.clear();
            editor.typing = None;
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_editor_waits_for_the_facilitator_unless_nobody_is_there_to_allow() {
        let mut editors = Editors::default();
        let token = editors.arrive(None, || "t1".into()).unwrap();
        editors.name(&token, "  Kim  ").unwrap();
        assert_eq!(editors.request(&token, Instant::now()).unwrap_err(), Refusal::Waiting);
        assert!(editors.decide(1, true));
        assert_eq!(editors.request(&token, Instant::now()).unwrap().name, "Kim");
        assert!(editors.decide(1, false));
        assert_eq!(editors.request(&token, Instant::now()).unwrap_err(), Refusal::Unknown, "removed");
        let again = editors.arrive(Some(&token), || "t1b".into()).unwrap();
        assert_eq!(again, "t1b", "opening the link again, they ask again as someone new");
        assert_eq!(editors.request(&again, Instant::now()).unwrap_err(), Refusal::Waiting);

        let mut headless = Editors { admit_all: true, ..Editors::default() };
        let token = headless.arrive(None, || "t2".into()).unwrap();
        assert_eq!(headless.request(&token, Instant::now()).unwrap().state, EditorState::Allowed);
        assert_eq!(headless.arrive(Some(&token), || unreachable!()).unwrap(), token, "the same editor comes back");
    }

    #[test]
    fn pages_opened_without_a_name_make_way_for_one_who_asks() {
        let mut editors = Editors::default();
        let kim = editors.arrive(None, || "kim".into()).unwrap();
        editors.name(&kim, "Kim").unwrap();
        for n in 0..100 {
            editors.arrive(None, || format!("idle{n}")).unwrap();
        }
        assert_eq!(editors.list.len(), MAX_EDITORS, "never more than twenty");
        assert!(editors.get(&kim).is_some(), "Kim, who gave her name, is still asking");
        let ben = editors.arrive(None, || "ben".into()).unwrap();
        editors.name(&ben, "Ben").unwrap();
        assert!(editors.get(&ben).is_some());
    }

    #[test]
    fn at_most_twenty_editors_and_each_within_their_rate() {
        let mut editors = Editors { admit_all: true, ..Editors::default() };
        for n in 0..MAX_EDITORS {
            editors.arrive(None, || format!("t{n}")).unwrap();
        }
        assert_eq!(editors.arrive(None, || "one more".into()), Err(Refusal::Full), "twenty let in: full");
        let now = Instant::now();
        let allowed = (0..1000).take_while(|_| editors.request("t0", now).is_ok()).count();
        assert_eq!(allowed, REQUESTS_AT_ONCE as usize);
        assert!(editors.request("t1", now).is_ok(), "another editor has their own allowance");
        assert!(editors.request("t0", now + std::time::Duration::from_millis(100)).is_ok(), "and it comes back");
    }
}
