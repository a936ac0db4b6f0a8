//! What a co-editor in a browser may ask: the requests of the list (`requests/list.rs`) that
//! concern the room's journey, in the shape `journeywall rpc` reads them, answered by the same
//! functions with the editor as the person who asks (so their undo is their own). Nothing about
//! other journeys, the database, files on the laptop or the room's settings: a request not named
//! here is refused as not understood.

use journeywall_core::interchange;
use journeywall_core::model::Id;
use journeywall_core::poster::{self, PosterOptions};
use journeywall_core::{said, Edit};
use serde::Deserialize;

use crate::commands::{self, AppState, CommandError, Person, Result};
use crate::phones::Shared;
use crate::save;

#[derive(Debug, Deserialize)]
#[serde(tag = "cmd", rename_all_fields = "camelCase", deny_unknown_fields)]
#[allow(non_camel_case_types)]
pub enum EditorRequest {
    app_info {},
    /// The room's journey: what an editor's page opens at its start.
    reopen_journey {},
    open_journey {
        journey: Id,
    },
    apply_edit {
        journey: Id,
        edit: Edit,
    },
    undo {
        journey: Id,
        step: Option<String>,
    },
    redo {
        journey: Id,
        step: Option<String>,
    },
    poster_papers {},
    poster_preview {
        journey: Id,
        options: PosterOptions,
    },
    /// The poster as a file, for the editor's browser to save on their own machine.
    poster_download {
        journey: Id,
        options: PosterOptions,
        format: poster::Format,
    },
    /// The journey as a file of `format` (the app's Export as…), for the browser to save.
    export_download {
        journey: Id,
        format: interchange::Format,
        delimiter: interchange::Delimiter,
    },
    /// What the editor has selected and is typing in, outlined on the others' boards.
    editor_presence {
        selected: Vec<Id>,
        typing: Option<Id>,
    },
}

impl EditorRequest {
    /// The journey the request is about, if it names one.
    fn journey(&self) -> Option<Id> {
        match self {
            EditorRequest::open_journey { journey }
            | EditorRequest::apply_edit { journey, .. }
            | EditorRequest::undo { journey, .. }
            | EditorRequest::redo { journey, .. }
            | EditorRequest::poster_preview { journey, .. }
            | EditorRequest::poster_download { journey, .. }
            | EditorRequest::export_download { journey, .. } => Some(*journey),
            _ => None,
        }
    }

    /// Answers the request of editor `number` (called `name`) in `room`.
    pub fn answer(self, state: &AppState, room: &Shared, number: u32, name: String) -> Result<serde_json::Value> {
        if self.journey().is_some_and(|j| j != room.journey) {
            return Err(state.error(&said!(
                "this link edits one journey only; ask the facilitator for the other one's link",
                "deze link bewerkt één klantreis; vraag de begeleider om de link van de andere"
            )));
        }
        let by = Person::Editor { number, name };
        match self {
            EditorRequest::app_info {} => {
                // Where the laptop keeps its database is not the editor's business.
                let info = commands::AppInfo { db_path: String::new(), ..commands::app_info(state)? };
                state.to_json(info)
            }
            EditorRequest::reopen_journey {} => state.to_json(commands::open_journey_by(state, room.journey, &by)?),
            EditorRequest::open_journey { journey } => state.to_json(commands::open_journey_by(state, journey, &by)?),
            EditorRequest::apply_edit { journey, edit } => state.to_json(commands::apply_edit_by(state, journey, &by, edit)?),
            EditorRequest::undo { journey, step } => state.to_json(commands::step_by(state, journey, &by, true, step)?),
            EditorRequest::redo { journey, step } => state.to_json(commands::step_by(state, journey, &by, false, step)?),
            EditorRequest::poster_papers {} => state.to_json(save::poster_papers(state)?),
            EditorRequest::poster_preview { journey, options } => state.to_json(save::poster_preview(state, journey, options)?),
            EditorRequest::poster_download { journey, options, format } => {
                state.to_json(save::poster_download(state, journey, options, format)?)
            }
            EditorRequest::export_download { journey, format, delimiter } => {
                state.to_json(save::export_download(state, journey, format, delimiter)?)
            }
            EditorRequest::editor_presence { selected, typing } => {
                if let Some(editors) = room.editors() {
                    if let Some(e) = editors.list.lock().ok().as_mut().and_then(|l| l.list.iter_mut().find(|e| e.number == number)) {
                        // A selection of the whole board is not worth outlining card by card.
                        e.selected = selected.into_iter().take(200).collect();
                        e.typing = typing;
                    }
                }
                room.publish_editors();
                state.notify_room(room, None, None);
                Ok(serde_json::Value::Null)
            }
        }
    }
}

/// A request from its JSON text, or why it is not one an editor may make.
pub fn parse(state: &AppState, body: &[u8]) -> std::result::Result<EditorRequest, CommandError> {
    serde_json::from_slice(body).map_err(|e| {
        state.error(&said!(
            "not a request an editor may make ({e}); a request looks like {{\"cmd\":\"open_journey\",\"journey\":\"…\"}}",
            "geen verzoek dat een bewerker mag doen ({e}); een verzoek ziet er zo uit: {{\"cmd\":\"open_journey\",\"journey\":\"…\"}}"
        ))
    })
}
