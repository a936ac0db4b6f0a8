//! Writing files the user asked for: a poster, or a journey as a JSON file. The path comes from
//! the native save dialog, shown from here so the front end never handles file paths itself.

use std::path::PathBuf;

use journeywall_core::interchange;
use journeywall_core::model::{now_millis, Id};
use journeywall_core::poster::{self, Format, Poster, PosterInfo, PosterOptions};
use journeywall_core::{said, Said};
use serde::Serialize;
use tauri::{AppHandle, Runtime, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::{AppState, Result};

/// Automated tests cannot click through a GTK file dialog; with this set, files are written here
/// (a folder) without asking.
const SAVE_DIR_FOR_TESTS: &str = "JOURNEYWALL_SAVE_DIR";

#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PosterPreview {
    pub info: PosterInfo,
    /// The poster as SVG with the sheets drawn over it.
    pub svg: String,
}

#[derive(Debug, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PosterPapers {
    /// The paper names the dialog offers, in order.
    pub names: Vec<String>,
    /// The sheet a tiled poster starts on: the office printer's paper where the user lives.
    pub office: String,
}

/// The papers the poster dialog offers, and which of them the office printer holds here.
pub fn poster_papers(_: &AppState) -> Result<PosterPapers> {
    Ok(PosterPapers {
        names: poster::paper_names().into_iter().map(String::from).collect(),
        office: poster::office_paper(&crate::paths::region_locale()).into(),
    })
}

/// The poster as it would print with these options, for the dialog's live preview. Options that
/// cannot make a poster come back as an error naming the option.
pub fn poster_preview(state: &AppState, journey: Id, options: PosterOptions) -> Result<PosterPreview> {
    let doc = state.with(|s| s.load(journey))?;
    let poster = Poster::new(&doc, &options, now_millis()).map_err(|e| state.core_error(e))?;
    Ok(PosterPreview { info: poster.info(state.lang()), svg: poster.svg(true) })
}

/// Asks where to save the poster (PDF, or SVG or PNG when the name ends so), writes it all or
/// nothing, and opens it in the system's viewer when asked. None: the user cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_poster<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, std::sync::Arc<AppState>>,
    journey: Id,
    options: PosterOptions,
    format: Format,
    open_when_done: bool,
) -> Result<Option<String>> {
    let state = std::sync::Arc::clone(&state);
    crate::commands::off_the_runtime(state.lang(), move || {
        let doc = state.with(|s| s.load(journey))?;
        // Checked before asking for a file name: bad options never lead to a dialog and an empty file.
        let poster = Poster::new(&doc, &options, now_millis()).map_err(|e| state.core_error(e))?;
        poster.check_format(format).map_err(|e| state.core_error(e))?;
        // The format chosen in the dialog comes first; a name typed with another of the three wins.
        let filters = [(Format::Pdf, "PDF"), (Format::Svg, "SVG"), (Format::Png, "PNG")];
        let mut filters: Vec<(&str, &str)> = filters.iter().map(|(f, name)| (*name, f.extension())).collect();
        filters.sort_by_key(|(_, ext)| *ext != format.extension());
        let Some(path) = ask_path(&app, &state, &doc.journey.name, format.extension(), &filters).map_err(|why| state.error(&why))? else {
            return Ok(None);
        };
        poster.write(&path).map_err(|e| state.core_error(e))?;
        let bytes = std::fs::metadata(&path).map_or(0, |m| m.len());
        tracing::info!(%journey, format = %format.extension(), pages = poster.info(state.lang()).pages, bytes, "poster saved");
        Ok(Some(shown(&path, open_when_done)))
    })
    .await
}

/// Asks where to save the journey as a file of `format` (`delimiter` is a CSV's) and writes it,
/// made by the core as the CLI's `journeywall export` makes it. None: cancelled.
#[tauri::command]
#[specta::specta]
pub async fn export_journey<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, std::sync::Arc<AppState>>,
    journey: Id,
    format: interchange::Format,
    delimiter: interchange::Delimiter,
    open_when_done: bool,
) -> Result<Option<String>> {
    let state = std::sync::Arc::clone(&state);
    crate::commands::off_the_runtime(state.lang(), move || {
        let doc = state.with(|s| s.load_with_rounds(journey))?;
        // Made before asking for a name: a journey the format cannot take never leads to a dialog.
        let bytes = interchange::export(&doc, format, delimiter).map_err(|e| state.core_error(e))?;
        let ext = format.extension();
        let kind = match format {
            interchange::Format::Json => said!("Journeywall file", "Journeywall-bestand"),
            interchange::Format::Xlsx => said!("Excel workbook", "Excel-werkmap"),
            interchange::Format::Csv => said!("CSV (spreadsheet)", "CSV (spreadsheet)"),
            interchange::Format::Html => said!("Web page", "Webpagina"),
            interchange::Format::Pptx => said!("PowerPoint presentation", "PowerPoint-presentatie"),
        };
        let Some(path) =
            ask_path(&app, &state, &doc.journey.name, ext, &[(kind.get(state.lang()), ext)]).map_err(|why| state.error(&why))?
        else {
            return Ok(None);
        };
        journeywall_core::files::write_atomically(&path, &bytes).map_err(|e| state.core_error(e))?;
        tracing::info!(%journey, format = %ext, bytes = bytes.len(), "journey exported");
        Ok(Some(shown(&path, open_when_done)))
    })
    .await
}

/// A file made for a co-editor's browser to download: the name it suggests and its bytes.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Download {
    pub file_name: String,
    pub base64: String,
}

impl Download {
    fn of(name: &str, ext: &str, bytes: &[u8]) -> Download {
        use base64::Engine;
        Download { file_name: file_name(name, ext), base64: base64::engine::general_purpose::STANDARD.encode(bytes) }
    }
}

/// The poster as `save_poster` writes it, to download.
pub fn poster_download(state: &AppState, journey: Id, options: PosterOptions, format: Format) -> Result<Download> {
    let doc = state.with(|s| s.load(journey))?;
    let poster = Poster::new(&doc, &options, now_millis()).map_err(|e| state.core_error(e))?;
    let bytes = poster.bytes(format).map_err(|e| state.core_error(e))?;
    Ok(Download::of(&doc.journey.name, format.extension(), &bytes))
}

/// The journey as `export_journey` writes it, to download.
pub fn export_download(state: &AppState, journey: Id, format: interchange::Format, delimiter: interchange::Delimiter) -> Result<Download> {
    let doc = state.with(|s| s.load_with_rounds(journey))?;
    let bytes = interchange::export(&doc, format, delimiter).map_err(|e| state.core_error(e))?;
    Ok(Download::of(&doc.journey.name, format.extension(), &bytes))
}

/// A file just saved, as its path is shown; with `open_when_done`, opened in the program the system has for
/// it. Not waited for: the program lives on its own. A missing program is not worth an error: the
/// file is saved and its path shown.
fn shown(path: &std::path::Path, open_when_done: bool) -> String {
    if open_when_done {
        let _ = open::that_detached(path);
    }
    path.display().to_string()
}

/// Asks where to save the journey `name` as a file of `ext`, the dialog offering `filters` (a name
/// and an extension each); a name typed without one of their extensions gets `.ext`. None: cancelled.
fn ask_path<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    name: &str,
    ext: &str,
    filters: &[(&str, &str)],
) -> std::result::Result<Option<PathBuf>, Said> {
    let suggested = file_name(name, ext);
    // Only in the builds tests run (debug): a release build always asks, and never writes over a
    // file unasked.
    if let Some(dir) = std::env::var_os(SAVE_DIR_FOR_TESTS).filter(|_| cfg!(debug_assertions)) {
        // As after a real dialog (`pick_file`).
        state.after_file_dialog();
        return Ok(Some(PathBuf::from(dir).join(suggested)));
    }
    let mut dialog = app.dialog().file().set_file_name(&suggested);
    for (name, ext) in filters {
        dialog = dialog.add_filter(*name, &[ext]);
    }
    let chosen = dialog.blocking_save_file();
    state.after_file_dialog();
    let Some(chosen) = chosen else { return Ok(None) };
    let path = chosen.into_path().map_err(|_| {
        said!(
            "that place cannot be written to from here; choose a folder on this computer",
            "daar kan Journeywall niet opslaan; kies een map op deze computer"
        )
    })?;
    let offered = |p: &std::path::Path| p.extension().is_some_and(|e| filters.iter().any(|(_, ext)| e.eq_ignore_ascii_case(ext)));
    with_extension(path, ext, offered).map(Some)
}

/// The name chosen, with `.ext` added when it has no fitting one ("Plan v1.2" → "Plan v1.2.pdf").
/// The dialog asked about overwriting the name as typed, not this one, so an existing file by the
/// new name is refused rather than replaced.
fn with_extension(path: PathBuf, ext: &str, fits: impl Fn(&std::path::Path) -> bool) -> std::result::Result<PathBuf, Said> {
    if fits(&path) {
        return Ok(path);
    }
    let mut name = path.into_os_string();
    name.push(format!(".{ext}"));
    let path = PathBuf::from(name);
    if path.exists() {
        return Err(said!(
            "{shown} already exists; save again and choose that name to replace it, or another name",
            "{shown} bestaat al; sla opnieuw op en kies die naam om het te vervangen, of kies een andere naam",
            shown = path.display()
        ));
    }
    Ok(path)
}

/// A file name suggested from a journey's name, never empty: characters no file system takes become "-",
/// invisible formatting characters (which can turn "Plan\u{202E}fdp.exe" around on screen, or hide in a
/// name) are dropped, and the name is cut, at a character, to fit the 255 bytes file systems allow.
fn file_name(name: &str, ext: &str) -> String {
    const MAX_BYTES: usize = 240;
    let clean: String = name
        .chars()
        .filter(|c| !is_format_character(*c))
        .map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { '-' } else { c })
        .collect();
    let clean = clean.trim().trim_start_matches('.');
    let mut stem = if clean.is_empty() { "journey" } else { clean }.to_owned();
    let room = MAX_BYTES - ext.len() - 1;
    if stem.len() > room {
        let cut = (0..=room).rev().find(|i| stem.is_char_boundary(*i)).unwrap_or(0);
        stem.truncate(cut);
        stem = stem.trim_end().to_owned();
    }
    format!("{stem}.{ext}")
}

/// Unicode's format characters (category Cf) that a name may carry unseen: direction overrides
/// and isolates, zero-width spaces and joiners, the soft hyphen, the byte-order mark.
fn is_format_character(c: char) -> bool {
    matches!(c as u32, 0xAD | 0x61C | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB)
}

#[cfg(test)]
mod tests {
    use super::{file_name, poster_preview, with_extension, AppState, PosterOptions};
    use journeywall_core::{templates, Store};
    use std::path::{Path, PathBuf};

    #[test]
    fn a_bad_poster_option_is_refused_in_the_ui_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journeywall.db");
        let state = AppState::new(path.clone(), Store::open(&path), journeywall_core::Lang::En);
        let doc = templates::instantiate("online-nl", None).unwrap();
        state.with(|s| s.insert_doc(&doc)).unwrap();
        let bad = PosterOptions { margin_mm: -1.0, ..Default::default() };
        assert_eq!(poster_preview(&state, doc.journey.id, bad.clone()).unwrap_err().message, "margin: must be zero or more");
        crate::commands::set_language(&state, journeywall_core::Lang::Nl).unwrap();
        assert_eq!(poster_preview(&state, doc.journey.id, bad.clone()).unwrap_err().message, "marge: moet nul of meer zijn");
        assert!(poster_preview(&state, doc.journey.id, PosterOptions::default()).is_ok());
    }

    #[test]
    fn file_names_from_journey_names() {
        assert_eq!(file_name("Klantreis: web/shop?", "pdf"), "Klantreis- web-shop-.pdf");
        assert_eq!(file_name("  ", "json"), "journey.json");
        assert_eq!(file_name("..hidden", "pdf"), "hidden.pdf");
    }

    #[test]
    fn suggested_names_hide_nothing_and_fit_the_file_system() {
        assert_eq!(file_name("Plan\u{202E}fdp.exe", "pdf"), "Planfdp.exe.pdf", "a right-to-left override is dropped");
        assert_eq!(file_name("Klant\u{200B}reis\u{FEFF}", "json"), "Klantreis.json");
        let long = "Überraschungsreise ".repeat(20);
        let name = file_name(&long, "pdf");
        assert!(name.len() <= 240 && name.ends_with(".pdf") && name.starts_with("Überraschungsreise"), "{} bytes", name.len());
        let arabic = file_name(&"رحلة".repeat(60), "json");
        assert!(arabic.len() <= 240 && arabic.ends_with(".json"));
    }

    #[test]
    fn an_extension_is_added_never_swapped() {
        let pdf = |p: &Path| p.extension().is_some_and(|e| e == "pdf" || e == "svg");
        assert_eq!(with_extension(PathBuf::from("/nowhere/Plan v1.2"), "pdf", pdf).unwrap(), PathBuf::from("/nowhere/Plan v1.2.pdf"));
        assert_eq!(with_extension(PathBuf::from("/nowhere/wall.svg"), "pdf", pdf).unwrap(), PathBuf::from("/nowhere/wall.svg"));
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("taken.pdf"), b"keep").unwrap();
        let refused = with_extension(dir.path().join("taken"), "pdf", pdf).unwrap_err();
        assert!(refused.en.contains("taken.pdf already exists"), "{}", refused.en);
        assert!(refused.nl.contains("taken.pdf bestaat al"), "{}", refused.nl);
    }
}

/// Opens the log's folder in the system's file manager (Help → Open the log folder), made first
/// if nothing was logged yet, so there is a folder to show.
#[tauri::command(async)]
#[specta::specta]
pub fn open_log_folder(state: State<'_, std::sync::Arc<AppState>>) -> Result<()> {
    let dir = crate::logs::folder().ok_or_else(|| {
        state.error(&said!(
            "this computer has no folder for the log (no home folder)",
            "deze computer heeft geen map voor het logboek (geen thuismap)"
        ))
    })?;
    std::fs::create_dir_all(&dir).and_then(|()| open::that_detached(&dir)).map_err(|e| {
        state.error(&said!(
            "the log folder {d} could not be opened: {e}",
            "de map met het logboek {d} kon niet worden geopend: {e}",
            d = dir.display()
        ))
    })
}
