//! One dispatch for every caller. Each operation of the core is a typed request answered by one
//! function (named in `list.rs`); the Tauri commands, `journeywall rpc` and the room server all go
//! through it, so a rule is never written twice. `build.rs` reads the same list for the
//! permissions, and the TypeScript wrappers are generated from the commands made here.

use journeywall_core::groups::SplitBy;
use journeywall_core::model::{Id, JourneySummary};
use journeywall_core::poster::PosterOptions;
use journeywall_core::round::{Round, RoundDiff, RoundInfo};
use journeywall_core::templates::TemplateInfo;
use journeywall_core::{said, Applied, Edit, Lang};
use serde::Deserialize;

use crate::commands::{AppInfo, AppState, Ask, CommandError, ImportedJourney, OpenedJourney};
use crate::phones::{Focus, RoomInfo, RoomOptions};
use crate::room::GroupRoom;
use crate::save::{PosterPapers, PosterPreview};
// The modules whose functions the list names.
use crate::{commands, imports, logs, menu, personas, projector, room, rounds, save};

macro_rules! requests {
    (
        core main { $( $(#[$doc:meta])* $module:ident :: $name:ident ( $($arg:ident : $ty:ty),* ) -> $answer:ty; )* }
        core phone { $( $pname:ident = $ptype:path; )* }
        $( shell $window:ident { $( $smodule:ident :: $sname:ident $(::<$generic:path>)? ),* $(,)? } )*
    ) => {
        /// A request as `journeywall rpc` and the room read it: `{"cmd": "open_journey", "journey": "…"}`,
        /// the arguments named as the front end names them (camelCase).
        #[derive(Debug, Deserialize)]
        #[serde(tag = "cmd", rename_all_fields = "camelCase")]
        #[allow(non_camel_case_types)]
        pub enum Request {
            $( $name { $($arg: $ty),* }, )*
            $( $pname($ptype), )*
        }

        /// Answers a request: the one place where a request meets the function that handles it.
        pub fn dispatch(state: &AppState, request: Request) -> Result<serde_json::Value, CommandError> {
            match request {
                $( Request::$name { $($arg),* } => state.to_json($module::$name(state, $($arg),*)?), )*
                $( Request::$pname(request) => state.to_json(Ask::answer(request, state)?), )*
            }
        }

        /// The Tauri commands of the core requests, each a call of the function that answers it,
        /// on a thread of its own (`off_the_runtime`).
        mod tauri_commands {
            use super::*;
            $(
                $(#[$doc])*
                #[tauri::command]
                #[specta::specta]
                pub async fn $name(state: tauri::State<'_, std::sync::Arc<AppState>>, $($arg: $ty),*) -> Result<$answer, CommandError> {
                    let state = std::sync::Arc::clone(&state);
                    crate::commands::off_the_runtime(state.lang(), move || $module::$name(&state, $($arg),*)).await
                }
            )*
        }

        /// Every command of the list with the window it is granted to, as `build.rs` sees them.
        #[cfg(test)]
        pub const GRANTS: &[(&str, &str)] = &[
            $( ("main", stringify!($name)), )*
            $( $( (stringify!($window), stringify!($sname)), )* )*
        ];

        /// Every command the front end may call; the TypeScript bindings are generated from it.
        pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
            tauri_specta::Builder::<tauri::Wry>::new()
                // The only 64-bit integers crossing the boundary are epoch milliseconds (Millis,
                // i64, which specta refuses without this), far below 2^53, so a JS number holds them.
                .dangerously_cast_bigints_to_number()
                .constant("LIMITS", journeywall_core::fields::LIMITS)
                .commands(tauri_specta::collect_commands![
                    $( tauri_commands::$name, )*
                    $( $( $smodule::$sname $(::<$generic>)?, )* )*
                ])
                .events(tauri_specta::collect_events![
                    crate::events::MenuChosen,
                    crate::events::ProjectorReady,
                    crate::events::ProjectorClosed,
                    crate::events::Present,
                    crate::events::RoomChanged,
                    crate::events::DatabaseChanged,
                ])
        }
    };
}

include!("list.rs");

/// A request from its JSON text, or why it is not one, said so that a person can correct it.
pub fn parse(state: &AppState, line: &str) -> Result<Request, CommandError> {
    serde_json::from_str(line).map_err(|e| {
        state.error(&said!(
            "not a request ({e}); a request looks like {{\"cmd\":\"list_journeys\"}}",
            "geen verzoek ({e}); een verzoek ziet er zo uit: {{\"cmd\":\"list_journeys\"}}"
        ))
    })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::GRANTS;

    /// The command names in the committed TypeScript bindings.
    fn in_bindings() -> BTreeSet<String> {
        let bindings = include_str!("../../../ui/src/ipc/bindings.ts");
        // After the import, wrappers read `__TAURI_INVOKE("name"` or `__TAURI_INVOKE<T>("name"`.
        bindings.split("__TAURI_INVOKE").skip(2).filter_map(|s| s.split('"').nth(1)).map(String::from).collect()
    }

    /// The commands granted to `window` by the capability build.rs wrote.
    fn granted(window: &str) -> BTreeSet<String> {
        let path = format!("{}/capabilities/{window}.json", env!("OUT_DIR"));
        let capability: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let permissions = capability["permissions"].as_array().unwrap();
        permissions.iter().filter_map(|p| p.as_str()?.strip_prefix("allow-")).map(|p| p.replace('-', "_")).collect()
    }

    #[test]
    fn the_bindings_and_the_grants_name_exactly_the_commands_of_the_list() {
        let listed: BTreeSet<String> = GRANTS.iter().map(|(_, c)| c.to_string()).collect();
        assert_eq!(in_bindings(), listed, "ui/src/ipc/bindings.ts");
        for window in ["main", "projector"] {
            let listed: BTreeSet<String> = GRANTS.iter().filter(|(w, _)| *w == window).map(|(_, c)| c.to_string()).collect();
            assert_eq!(granted(window), listed, "the {window} window's grants");
        }
        assert_eq!(granted("projector"), BTreeSet::from(["projector_ready".to_string()]), "the projector reads nothing");
    }
}
