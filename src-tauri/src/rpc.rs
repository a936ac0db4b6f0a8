//! `journeywall rpc`: the core's requests as JSON lines, one request a line on standard input and
//! one answer a line on standard output, `{"ok": …}` or `{"error": {"message": "…"}}`. It is how
//! the UI tests reach the real core, and how any other program can. One line is not a request:
//! `{"open": "PATH"}` goes on with another database file (a fresh one for each UI test).

use std::io::{BufRead, Write};
use std::path::Path;

use journeywall_core::Store;
use serde_json::json;

use crate::requests;

/// The longest request line answered; a longer one is refused whole and the next one read as usual.
const MAX_LINE: usize = 64 * 1024 * 1024;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Reopen {
    open: std::path::PathBuf,
}

/// Answers every request line from `input` on `output` until the input ends. The database is
/// opened as the app opens it: when it cannot be, each answer says why (as in the app's window).
pub fn serve(db: &Path, mut input: impl BufRead, mut output: impl Write) -> std::io::Result<()> {
    let open = |db: &Path| {
        let state = crate::commands::AppState::new(db.to_path_buf(), Store::open(db), crate::paths::system_locale());
        // A room opened through rpc serves co-editors the app's page, as the app's room does.
        let _ = state.ui.set(crate::ui_assets::UiAssets::standalone());
        state
    };
    let mut state = open(db);
    while let Some(line) = crate::lines::next_line(&mut input, MAX_LINE)? {
        let answer = match line {
            Err(why) => json!({ "error": { "message": why } }),
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => {
                if let Ok(Reopen { open: db }) = serde_json::from_str(&text) {
                    state = open(&db);
                    json!({ "ok": null })
                } else {
                    match requests::parse(&state, &text).and_then(|r| requests::dispatch(&state, r)) {
                        Ok(value) => json!({ "ok": value }),
                        Err(e) => json!({ "error": e }),
                    }
                }
            }
        };
        serde_json::to_writer(&mut output, &answer)?;
        output.write_all(b"\n")?;
        output.flush()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::serve;

    fn answers(input: &str) -> Vec<serde_json::Value> {
        let dir = tempfile::tempdir().unwrap();
        let mut out = Vec::new();
        serve(&dir.path().join("j.db"), input.as_bytes(), &mut out).unwrap();
        String::from_utf8(out).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
    }

    #[test]
    fn one_answer_line_per_request_line() {
        let got =
            answers("{\"cmd\":\"list_journeys\"}\n\n{\"cmd\":\"create_journey\",\"template\":\"blank-en\"}\n{\"cmd\":\"list_journeys\"}\n");
        assert_eq!(got.len(), 3);
        assert_eq!(got[0]["ok"], serde_json::json!([]));
        let id = got[1]["ok"].as_str().unwrap();
        assert_eq!(got[2]["ok"][0]["id"], id);
    }

    #[test]
    fn a_bad_line_gets_a_message_and_the_next_one_is_answered() {
        let got = answers("not json\n{\"cmd\":\"drop_database\"}\n{\"cmd\":\"open_journey\"}\n{\"cmd\":\"list_templates\"}\n");
        assert!(got[0]["error"]["message"].as_str().unwrap().contains("not a request"), "{}", got[0]);
        assert!(got[1]["error"]["message"].as_str().unwrap().contains("drop_database"), "{}", got[1]);
        assert!(got[2]["error"]["message"].as_str().unwrap().contains("journey"), "{}", got[2]);
        assert!(got[3]["ok"].as_array().unwrap().len() >= 6);
    }

    #[test]
    fn open_goes_on_with_another_database() {
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("other.db");
        let got = answers(&format!(
            "{{\"cmd\":\"create_journey\",\"template\":\"blank-en\"}}\n{{\"open\":{other:?}}}\n{{\"cmd\":\"list_journeys\"}}\n"
        ));
        assert_eq!(got[1], serde_json::json!({ "ok": null }));
        assert_eq!(got[2]["ok"], serde_json::json!([]), "the other database is empty");
    }

    #[test]
    fn the_arguments_are_named_as_the_front_end_names_them() {
        let got = answers(
            "{\"cmd\":\"import_journey\",\"fileName\":\"notes.csv\",\"content\":[112,104,97,115,101,59,114,111,119,59,116,105,116,108,101,10,65,59,66,59,67,10]}\n",
        );
        assert!(got[0]["ok"]["journey"].is_string(), "{}", got[0]);
    }
}
