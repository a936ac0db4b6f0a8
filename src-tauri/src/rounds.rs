//! The commands for rounds: named snapshots of a journey, opened read-only, compared and restored
//! as a journey of their own. Each is a thin call into the core's store.

use journeywall_core::model::Id;
use journeywall_core::round::{self, Round, RoundDiff, RoundInfo};

use crate::commands::{AppState, Result};

pub fn list_rounds(state: &AppState, journey: Id) -> Result<Vec<RoundInfo>> {
    state.with(|s| s.rounds(journey))
}

pub fn save_round(state: &AppState, journey: Id, name: String) -> Result<RoundInfo> {
    state.with(|s| s.save_round(journey, &name))
}

pub fn open_round(state: &AppState, journey: Id, round: Id) -> Result<Round> {
    state.with(|s| s.round(journey, round))
}

/// What changed from round `from` to round `to`; `None` stands for the journey as it is now.
pub fn compare_rounds(state: &AppState, journey: Id, from: Option<Id>, to: Option<Id>) -> Result<RoundDiff> {
    state.with(|s| {
        let version = |r: Option<Id>| r.map_or_else(|| s.load(journey), |r| s.round(journey, r).map(|r| r.doc));
        Ok(round::compare(&version(from)?, &version(to)?))
    })
}

pub fn rename_round(state: &AppState, journey: Id, round: Id, name: String) -> Result<()> {
    state.with(|s| s.rename_round(journey, round, &name))
}

pub fn delete_round(state: &AppState, journey: Id, round: Id) -> Result<()> {
    state.with(|s| s.delete_round(journey, round))
}

/// Makes a round into a new journey called `name`; returns its id.
pub fn restore_round(state: &AppState, journey: Id, round: Id, name: String) -> Result<Id> {
    state.with(|s| s.restore_round(journey, round, &name))
}
