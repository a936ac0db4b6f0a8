//! The command line: the same binary as the app. Any subcommand runs headless (no display
//! needed); without one, the editor window opens. Exit codes: 0 success, 1 error (one line on
//! stderr), 2 bad usage.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use journeywall_core::interchange::{self, Delimiter, Ids};
use journeywall_core::model::{JourneyDoc, RowKind};
use journeywall_core::poster::{self, Orientation, Poster, PosterMode, PosterOptions, PosterSize};
use journeywall_core::{said, templates, Author, Edit, Error, Lang, Store};

use crate::paths;
use journeywall_core::said::Field;

#[derive(Parser)]
#[command(name = "journeywall", version, about = "Customer-journey maps, edited offline and printed as wall posters.")]
struct Cli {
    /// The database file [default: journeywall.db in your data folder]
    #[arg(long, global = true, env = "JOURNEYWALL_DB", value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// List the built-in templates: id, language, title
    Templates {
        #[arg(long)]
        json: bool,
    },
    /// Create a journey from a template; prints its id
    New {
        #[arg(long, value_name = "ID")]
        template: String,
        #[arg(long)]
        name: Option<String>,
    },
    /// List the journeys in the database
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show a journey (by id or exact name); --json prints the interchange file
    Show {
        journey: String,
        #[arg(long)]
        json: bool,
    },
    /// Apply one edit, given as the JSON the app sends (see docs/FILE-FORMAT.md); with `-`, read
    /// one edit per line from standard input and print one line per edit applied
    Edit {
        journey: String,
        #[arg(value_name = "EDIT_JSON")]
        edit: String,
    },
    /// Undo the last edit of a journey
    Undo { journey: String },
    /// Redo the last undone edit of a journey
    Redo { journey: String },
    /// Write a journey to a file, of the kind its extension names: the Journeywall JSON file, or
    /// its cards for Excel (.xlsx, with sheets of the phases and personas) or any spreadsheet (.csv),
    /// the map as one page to open in a browser (.html), or a slide deck (.pptx)
    Export {
        journey: String,
        #[arg(long, value_name = "FILE.json|FILE.xlsx|FILE.csv|FILE.html|FILE.pptx", value_parser = export_file)]
        out: PathBuf,
        /// A CSV file's delimiter: ',' (the default) or ';' for Excel in Dutch or German
        #[arg(long, hide_possible_values = true, value_parser = by_serde_name::<Delimiter>(&[",", ";"]))]
        delimiter: Option<Delimiter>,
    },
    /// Print a journey as a wall poster (PDF or SVG): on one sheet, or tiled over small sheets
    /// with --tile and one of --width, --scale, --across or --card-size
    #[command(group(clap::ArgGroup::new("size").args(["width", "scale", "across", "card_size"])))]
    Poster(PosterArgs),
    /// Import a Journeywall JSON file, or a CSV or .xlsx of cards, as a new journey; prints its id
    Import {
        #[arg(value_name = "FILE.json|FILE.csv|FILE.xlsx")]
        file: PathBuf,
        #[arg(long)]
        name: Option<String>,
        /// Keep the ids in the file (to move a journey between computers) instead of new ones
        #[arg(long)]
        keep_ids: bool,
    },
    /// Open a room for a journey without a window: phones join over the local network. Prints the
    /// join link as its first line (with --editors the co-editors' link as its second), then
    /// serves until interrupted (Ctrl+C, SIGTERM)
    Room {
        journey: String,
        /// The port to try first; the next free one is taken when it is in use (0: any)
        #[arg(long, default_value_t = crate::room::DEFAULT_PORT)]
        port: u16,
        /// Listen on this address only (default: the laptop's private-network addresses)
        #[arg(long, value_name = "ADDRESS")]
        bind: Option<std::net::IpAddr>,
        /// Participants may join without giving a name
        #[arg(long)]
        anonymous: bool,
        /// Notes go straight onto the board where they were aimed, not into the inbox
        #[arg(long)]
        straight: bool,
        /// Co-editors may edit the journey from a browser through a link of their own, let in
        /// without a name and without asking (there is no window to ask in)
        #[arg(long)]
        editors: bool,
    },
    /// Answer the app's requests as JSON lines: one request a line on standard input, one answer
    /// a line on standard output (see docs/ARCHITECTURE.md)
    Rpc,
}

// The arguments of `poster`. (A plain comment: clap would show a doc comment as the command's help.)
#[derive(clap::Args)]
struct PosterArgs {
    journey: String,
    #[arg(long, value_name = "FILE.pdf|FILE.svg|FILE.png")]
    out: PathBuf,
    /// One sheet: A4…A0, 2A0, Letter, Legal, Tabloid, ANSI C/D/E, Arch C/D/E, a size such as
    /// 420x297mm, or "fit" (a sheet as big as the poster)
    #[arg(long, value_name = "PAPER", default_value = "A0", conflicts_with = "tile")]
    sheet: String,
    #[arg(long, default_value = "auto", value_parser = by_serde_name::<Orientation>(&["auto", "portrait", "landscape"]))]
    orientation: Orientation,
    /// Tile the poster over sheets of this paper
    #[arg(long, value_name = "PAPER")]
    tile: Option<String>,
    /// Width of the finished poster, e.g. 3m or 150cm
    #[arg(long, value_name = "LENGTH")]
    width: Option<String>,
    /// Scale of the journey, e.g. 100%
    #[arg(long, value_name = "PERCENT")]
    scale: Option<String>,
    /// Make the poster this many sheets wide
    #[arg(long, value_name = "N")]
    across: Option<u32>,
    /// Print cards at this real size, e.g. 76mm like paper sticky notes
    #[arg(long, value_name = "LENGTH")]
    card_size: Option<String>,
    /// How far tiled sheets overlap, to glue them
    #[arg(long, value_name = "LENGTH", default_value = "10mm")]
    overlap: String,
    /// White border on every sheet
    #[arg(long, value_name = "LENGTH", default_value = "10mm")]
    margin: String,
    #[arg(long)]
    no_cut_marks: bool,
    /// Print the cards' notes
    #[arg(long)]
    notes: bool,
    /// Leave out the phases' guiding questions
    #[arg(long)]
    no_questions: bool,
    #[arg(long)]
    grayscale: bool,
    /// Resolution of a PNG, in dots per inch
    #[arg(long, value_name = "DPI", default_value_t = 150)]
    dpi: u32,
}

impl PosterArgs {
    /// The core's poster options these arguments ask for.
    fn options(&self) -> Result<PosterOptions> {
        let size = match (&self.width, &self.scale, self.across, &self.card_size) {
            (Some(w), ..) => PosterSize::Width { mm: poster::parse_length(Field::Width, w)? },
            (_, Some(s), ..) => PosterSize::Scale { percent: poster::parse_percent(Field::Scale, s)? },
            (_, _, Some(n), _) => PosterSize::Across { sheets: n },
            (.., Some(c)) => PosterSize::CardSize { mm: poster::parse_length(Field::CardSize, c)? },
            _ => PosterSize::Fit,
        };
        Ok(PosterOptions {
            mode: if self.tile.is_some() { PosterMode::Tiled } else { PosterMode::Single },
            sheet: self.tile.clone().unwrap_or_else(|| self.sheet.clone()),
            orientation: self.orientation,
            margin_mm: length_or_zero(Field::Margin, &self.margin)?,
            size,
            overlap_mm: length_or_zero(Field::Overlap, &self.overlap)?,
            cut_marks: !self.no_cut_marks,
            notes: self.notes,
            questions: !self.no_questions,
            grayscale: self.grayscale,
            dpi: self.dpi,
        })
    }
}

/// The longest edit line read from standard input: an edit with a persona picture is under 2 MB.
const MAX_EDIT_LINE: usize = 16 << 20;

/// Runs the program and returns its exit code.
pub fn main() -> i32 {
    let parsed = Cli::command().try_get_matches().and_then(|m| Ok((Cli::from_arg_matches(&m)?, m.subcommand_name().map(String::from))));
    let (cli, name) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    let db = cli.db.unwrap_or_else(paths::default_database);
    crate::logs::start();
    crate::fds::raise_limit();
    let name = name.as_deref().unwrap_or("window");
    tracing::info!(version = %env!("CARGO_PKG_VERSION"), database = %db.display(), command = %name, "started");
    let Some(command) = cli.command else {
        crate::run(db);
        return 0;
    };
    match run(&db, command) {
        Ok(()) => 0,
        Err(e) => {
            tracing::error!(command = %name, cause = %crate::logs::causes(&e), "failed");
            eprintln!("journeywall: {}", one_line(&e));
            1
        }
    }
}

fn one_line(e: &anyhow::Error) -> String {
    e.chain().map(ToString::to_string).collect::<Vec<_>>().join(": ").replace('\n', " ")
}

fn run(db: &Path, command: Command) -> Result<()> {
    let out = &mut std::io::stdout().lock();
    // A mistyped --db must not leave a new, empty database (and its folders) behind: only the
    // commands that add a journey create one.
    let creates = matches!(command, Command::New { .. } | Command::Import { .. } | Command::Templates { .. } | Command::Rpc);
    if !creates && !db.exists() {
        anyhow::bail!(
            "{}: there is no database here. Check the path given with --db (only `new` and `import` create a database).",
            db.display()
        );
    }
    match command {
        Command::Templates { json } => {
            return print_list(out, json, templates::list(), |t| format!("{:<12} {}  {}", t.id, t.language, t.title))
        }
        Command::Rpc => return Ok(crate::rpc::serve(db, std::io::stdin().lock(), out)?),
        Command::Room { journey, port, bind, anonymous, straight, editors } => {
            // No window is there to let co-editors in: they come in at once.
            let options = crate::room::RoomOptions { anonymous, straight, port: Some(port), bind, editors, admit_editors: editors };
            return room(db, &journey, options, out);
        }
        _ => {}
    }
    let mut store = Store::open(db)?;
    match command {
        Command::Templates { .. } | Command::Rpc | Command::Room { .. } => unreachable!("handled before opening the database"),
        Command::New { template, name } => {
            let doc = templates::instantiate(&template, name.as_deref())?;
            store.insert_doc(&doc)?;
            writeln!(out, "{}", doc.journey.id)?;
        }
        Command::List { json } => {
            print_list(out, json, store.list()?, |j| format!("{}  {}  ({} phases, {} cards)", j.id, j.name, j.phases, j.cards))?
        }
        Command::Show { journey, json } => {
            let doc = store.load_with_rounds(store.resolve(&journey)?)?;
            if json {
                write!(out, "{}", interchange::to_json(&doc))?;
            } else {
                print_journey(out, &doc)?;
            }
        }
        Command::Edit { journey, edit } if edit == "-" => {
            let id = store.resolve(&journey)?;
            let mut input = std::io::stdin().lock();
            let mut n = 0;
            while let Some(line) = crate::lines::next_line(&mut input, MAX_EDIT_LINE)? {
                n += 1;
                let line = line.map_err(|why| anyhow::anyhow!("standard input, line {n}: {why}"))?;
                if line.trim().is_empty() {
                    continue;
                }
                let edit = parse_edit(&line).with_context(|| format!("standard input, line {n}"))?;
                let label = edit.label();
                store.apply(id, edit).with_context(|| format!("standard input, line {n}"))?;
                // Printed only once the edit is committed: a line out means the edit is on disk.
                writeln!(out, "applied {label}")?;
                out.flush()?;
            }
        }
        Command::Edit { journey, edit } => {
            let id = store.resolve(&journey)?;
            let applied = store.apply(id, parse_edit(&edit)?)?;
            writeln!(out, "{}", serde_json::to_string_pretty(&applied)?)?;
        }
        Command::Undo { journey } => {
            let id = store.resolve(&journey)?;
            // The step named is the step undone: another writer in between makes it undo nothing.
            let offered = store.undo_state(id, Author::FACILITATOR)?;
            store.undo(id, offered.undo_step.as_deref())?;
            writeln!(out, "undid {}", offered.undo.unwrap_or_default())?;
        }
        Command::Redo { journey } => {
            let id = store.resolve(&journey)?;
            let offered = store.undo_state(id, Author::FACILITATOR)?;
            store.redo(id, offered.redo_step.as_deref())?;
            writeln!(out, "redid {}", offered.redo.unwrap_or_default())?;
        }
        Command::Export { journey, out: file, delimiter } => {
            let format = interchange::Format::of(&file)?;
            if delimiter.is_some() && format != interchange::Format::Csv {
                anyhow::bail!("--delimiter is for a .csv file; {} is not one", file.display());
            }
            let doc = store.load_with_rounds(store.resolve(&journey)?)?;
            let bytes = interchange::export(&doc, format, delimiter.unwrap_or_default())?;
            journeywall_core::files::write_atomically(&file, &bytes)?;
            tracing::info!(journey = %doc.journey.id, format = %format.extension(), bytes = bytes.len(), "journey exported");
            writeln!(out, "{}", file.display())?;
        }
        Command::Poster(args) => {
            let options = args.options()?;
            let file = &args.out;
            poster::Format::of(file)?;
            let doc = store.load(store.resolve(&args.journey)?)?;
            let poster = Poster::new(&doc, &options, journeywall_core::model::now_millis())?;
            poster.write(file)?;
            let info = poster.info(Lang::En);
            tracing::info!(journey = %doc.journey.id, format = %poster::Format::of(file)?.extension(), pages = info.pages, "poster written");
            if let Some(warning) = &info.warning {
                eprintln!("journeywall: warning: {warning}");
            }
            writeln!(out, "{}: {}, {} page{}", file.display(), info.summary, info.pages, if info.pages == 1 { "" } else { "s" })?;
        }
        Command::Import { file, name, keep_ids } => {
            let added = journeywall_core::library::import(&mut store, read_import(&file, name.as_deref(), keep_ids)?)?;
            tracing::info!(journey = %added.journey, "journey imported");
            for remark in &added.remarks {
                eprintln!("journeywall: {remark}");
            }
            writeln!(out, "{}", added.journey)?;
        }
    }
    Ok(())
}

/// An option taking one of `names` (which `--help` lists), read as the core's enum by its JSON
/// name, so the CLI keeps no enum or conversion of its own. The names are still listed here: a
/// name the core does not know fails when given, and a value the core adds is not offered until
/// it is added to the list.
fn by_serde_name<T: serde::de::DeserializeOwned + Clone + Send + Sync + 'static>(
    names: &'static [&'static str],
) -> impl clap::builder::TypedValueParser<Value = T> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(names).try_map(|name| serde_json::from_value::<T>(name.into()))
}

/// `--out` of `export`: a file whose extension names a kind of export, else a usage error that
/// lists them.
fn export_file(name: &str) -> std::result::Result<PathBuf, String> {
    let path = PathBuf::from(name);
    match interchange::Format::of(&path) {
        Ok(_) => Ok(path),
        Err(Error::Invalid { reason, .. }) => Err(reason.en),
        Err(e) => Err(e.to_string()),
    }
}

/// A length where zero means none (margins, overlap).
fn length_or_zero(option: Field, text: &str) -> Result<f32> {
    if text.trim().trim_end_matches(|c: char| c.is_ascii_alphabetic()).trim().parse::<f32>() == Ok(0.0) {
        return Ok(0.0);
    }
    Ok(poster::parse_length(option, text)?)
}

fn parse_edit(json: &str) -> Result<Edit> {
    serde_json::from_str(json).map_err(|e| {
        Error::invalid(
            Field::Edit,
            said!(
                "{e}; an edit looks like {{\"type\":\"moveCard\",\"card\":\"…\",\"phase\":\"…\",\"row\":\"…\",\"index\":0}}",
                "{e}; een bewerking ziet er zo uit: {{\"type\":\"moveCard\",\"card\":\"…\",\"phase\":\"…\",\"row\":\"…\",\"index\":0}}"
            ),
        )
        .into()
    })
}

/// A list as JSON, or as one line per entry.
fn print_list<T: serde::Serialize>(out: &mut impl Write, json: bool, list: Vec<T>, line: impl Fn(&T) -> String) -> Result<()> {
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
    } else {
        for entry in &list {
            writeln!(out, "{}", line(entry))?;
        }
    }
    Ok(())
}

fn read_import(file: &Path, name: Option<&str>, keep_ids: bool) -> Result<interchange::Imported> {
    let bytes = interchange::read_file(file)?;
    let ids = if keep_ids { Ids::Keep } else { Ids::New };
    let imported = interchange::import_file(&bytes, &file.display().to_string(), name, ids, paths::system_locale().code())?;
    tracing::info!(format = %crate::logs::format_of(&file.to_string_lossy()), bytes = bytes.len(), "import file read");
    Ok(imported)
}

/// A readable outline: phases in order, each with its rows and cards.
fn print_journey(out: &mut impl Write, doc: &JourneyDoc) -> Result<()> {
    writeln!(out, "{}", doc.journey.name)?;
    if !doc.journey.description.is_empty() {
        writeln!(out, "{}", doc.journey.description)?;
    }
    for p in &doc.personas {
        writeln!(out, "Persona: {} — {}", p.name, p.role)?;
    }
    for phase in &doc.phases {
        writeln!(out, "\n{}. {}", phase.position + 1, phase.title)?;
        if !phase.question.is_empty() {
            writeln!(out, "   {}", phase.question)?;
        }
        for row in &doc.rows {
            let cards: Vec<_> = doc.cards.iter().filter(|c| c.phase == phase.id && c.row == row.id).collect();
            if cards.is_empty() {
                continue;
            }
            writeln!(out, "   {}{}", row.title, if row.hidden { " (hidden)" } else { "" })?;
            for c in cards {
                let mut extra = vec![];
                if let Some(ch) = &c.channel {
                    extra.push(ch.clone());
                }
                if let (Some(e), RowKind::Emotion) = (c.emotion, row.kind) {
                    extra.push(format!("emotion {e:+}"));
                }
                if c.votes > 0 {
                    extra.push(format!("{} votes", c.votes));
                }
                let extra = if extra.is_empty() { String::new() } else { format!("  [{}]", extra.join(", ")) };
                writeln!(out, "     - {}{extra}", c.title)?;
            }
        }
    }
    Ok(())
}

/// `journeywall room`: the app's room, opened and closed as the app does, until SIGINT or SIGTERM. The
/// signals are listened for before the link is printed: whoever starts the room and stops it at
/// once (a test, a script) stops it cleanly.
fn room(db: &Path, journey: &str, options: crate::room::RoomOptions, out: &mut impl Write) -> Result<()> {
    let state = crate::commands::AppState::new(db.to_path_buf(), Store::open(db), paths::system_locale());
    let fail = |e: crate::commands::CommandError| anyhow::anyhow!(e.message);
    let journey = state.with(|s| s.resolve(journey)).map_err(fail)?;
    // Started again after a crash without its flags, the room keeps the settings it had; a flag
    // given adds its setting.
    let kept = crate::room::kept_room_options(&state, journey).map_err(fail)?.unwrap_or_default();
    let options = crate::room::RoomOptions {
        anonymous: options.anonymous || kept.anonymous,
        straight: options.straight || kept.straight,
        editors: options.editors || kept.editors,
        admit_editors: options.editors || kept.editors,
        ..options
    };
    // A room kept with co-editors takes them again after a restart without the flag.
    if options.editors {
        let _ = state.ui.set(crate::ui_assets::UiAssets::standalone());
    }
    tauri::async_runtime::block_on(async {
        let stopped = stop_signals()?;
        let info = crate::room::open_room(&state, journey, options).map_err(fail)?;
        // The first line each: a script reads the phones' link, then the editors'.
        writeln!(out, "{}", info.link)?;
        if let Some(link) = &info.editor_link {
            writeln!(out, "{link}")?;
        }
        for link in info.links.iter().skip(1) {
            writeln!(out, "{link}")?;
        }
        if !info.on_network {
            writeln!(out, "(this computer is on no private network: phones cannot reach it; turn on its Wi-Fi hotspot)")?;
        }
        out.flush()?;
        // Edits made by another program (`journeywall edit`, the app) reach the phones, as in the
        // app's own room: the file is asked as often as the app asks it.
        let watching = async {
            let mut tick = tokio::time::interval(crate::watch::EVERY);
            loop {
                tick.tick().await;
                crate::watch::changed_elsewhere(&state);
            }
        };
        tokio::select! {
            () = stopped => {}
            () = watching => {}
        }
        crate::room::close_room(&state).map_err(fail)?;
        Ok(())
    })
}

/// Listens for Ctrl+C and, where there is one, SIGTERM (as a service manager or `kill` sends it)
/// from now on; the future ends at the first.
fn stop_signals() -> std::io::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        let (mut term, mut int) = (signal(SignalKind::terminate())?, signal(SignalKind::interrupt())?);
        Ok(async move {
            tokio::select! {
                _ = term.recv() => {}
                _ = int.recv() => {}
            }
        })
    }
    #[cfg(not(unix))]
    Ok(async {
        let _ = tokio::signal::ctrl_c().await;
    })
}
