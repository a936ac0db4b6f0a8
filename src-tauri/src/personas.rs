//! A persona's picture, chosen in the native file dialog (shown from here, so the front end never
//! handles paths or sends megabytes over IPC). A file too big is refused before it is read.

use journeywall_core::edit::PersonaPatch;
use journeywall_core::files::ReadRefusal;
use journeywall_core::model::Id;
use journeywall_core::{picture, said, Applied, Edit};
use tauri::{AppHandle, Runtime, State};

use crate::commands::{AppState, Result};
use crate::pick::{pick_file, shown_name};

/// Asks for a picture and gives it to the persona (one edit, so undo takes it back). None: the
/// dialog was cancelled.
#[tauri::command]
#[specta::specta]
pub async fn choose_persona_picture<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, std::sync::Arc<AppState>>,
    journey: Id,
    persona: Id,
) -> Result<Option<Applied>> {
    let state = std::sync::Arc::clone(&state);
    crate::commands::off_the_runtime(state.lang(), move || {
        let Some(path) = pick_file(&app, &state, "PNG, JPEG, WebP", &["png", "jpg", "jpeg", "webp"]).map_err(|why| state.error(&why))?
        else {
            return Ok(None);
        };
        let name = shown_name(&path);
        let bytes = match journeywall_core::files::read_at_most(&path, picture::MAX_FILE_BYTES) {
            Ok(bytes) => bytes,
            Err(ReadRefusal::TooLarge(size)) => return Err(state.core_error(picture::too_large(&name, size))),
            Err(ReadRefusal::NotAFile) => {
                return Err(state.error(&said!(
                    "{name} is not a picture file (it is a device, a pipe or a folder); choose a PNG, JPEG or WebP file",
                    "{name} is geen fotobestand (het is een apparaat, een pipe of een map); kies een PNG-, JPEG- of WebP-bestand"
                )))
            }
            Err(ReadRefusal::Io(e)) => {
                return Err(state.error(&said!("{name} cannot be read ({e})", "{name} kan niet worden gelezen ({e})")))
            }
        };
        let picture = picture::prepare(&name, &bytes).map_err(|e| state.core_error(e))?;
        let patch = PersonaPatch { picture: Some(Some(picture)), ..PersonaPatch::default() };
        state.with(|s| s.apply(journey, Edit::UpdatePersona { persona, patch })).map(Some)
    })
    .await
}
