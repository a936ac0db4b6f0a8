//! The slide deck read by programs we did not write, as the people we send it to will: the
//! built binary exports a journey whose titles are markup, quotes, emoji and several scripts,
//! python-pptx reads every slide's text back, and LibreOffice Impress turns the deck into a PDF
//! that pdftotext reads. `make test` installs both (python-pptx in target/venv); a machine
//! without them skips that half and says so. The PDF and a picture of the map slide and of a
//! phase slide are left in target/tmp/deck/ for a person to look at.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use journeywall_core::model::{JourneyDoc, Persona, RowKind};

const BIN: &str = env!("CARGO_BIN_EXE_journeywall");

/// Titles a deck must carry through unharmed.
const TRICKY: [&str; 7] = [
    "<script>alert('x')</script>",
    "Tom & \"Jerry\" say hi 😀",
    "مرحبا بالعالم: الدفع عبر الإنترنت",
    "שלום עולם",
    "客户旅程地图",
    "고객 여정 지도",
    "Zoekt op Google naar hardloopschoenen",
];

fn journey() -> JourneyDoc {
    let mut doc = journeywall_core::templates::instantiate("online-en", Some("Bikes & <b>more</b> 🚲")).unwrap();
    let cards: Vec<usize> =
        (0..doc.cards.len()).filter(|&i| doc.rows.iter().any(|r| r.id == doc.cards[i].row && r.kind == RowKind::Cards)).collect();
    for (&i, title) in cards.iter().zip(TRICKY) {
        doc.cards[i].title = title.into();
    }
    doc.cards[cards[7]].votes = 4;
    doc.cards[cards[8]].votes = 1;
    doc.personas.push(Persona {
        id: journeywall_core::model::new_id(),
        position: doc.personas.len() as u32,
        name: "Layla حداد".into(),
        role: "Student".into(),
        quote: "\"Fast, please\" & cheap".into(),
        goals: "A bike\nA lock".into(),
        frustrations: "Waiting".into(),
        picture: None,
    });
    doc
}

/// The deck the CLI exports of `doc`, in `dir`.
fn export(doc: &JourneyDoc, dir: &Path) -> PathBuf {
    let db = dir.join("journeywall.db");
    let json = dir.join("journey.json");
    std::fs::write(&json, journeywall_core::interchange::to_json(doc)).unwrap();
    let run = |args: &[&str]| {
        let out = Command::new(BIN).arg("--db").arg(&db).args(args).env("JOURNEYWALL_LOG_DIR", dir.join("logs")).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap().trim().to_string()
    };
    let id = run(&["import", json.to_str().unwrap()]);
    let deck = dir.join("Bikes.pptx");
    assert_eq!(run(&["export", &id, "--out", deck.to_str().unwrap()]), deck.to_str().unwrap());
    deck
}

/// A Python that has python-pptx: the one `make test` sets up, else the system's.
fn python() -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/venv/bin/python");
    [venv, PathBuf::from("python3")]
        .into_iter()
        .find(|p| Command::new(p).args(["-c", "import pptx"]).stderr(Stdio::null()).status().is_ok_and(|s| s.success()))
}

fn on_path(tool: &str) -> bool {
    Command::new("sh").args(["-c", &format!("command -v {tool}")]).stdout(Stdio::null()).status().is_ok_and(|s| s.success())
}

/// Runs `command` to its end, or kills it after `limit`.
fn run_for(mut command: Command, limit: Duration) -> std::process::Output {
    let mut child = command.stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("{command:?} took more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn python_pptx_reads_every_slide_and_finds_every_card_title() {
    let Some(python) = python() else {
        eprintln!("SKIPPED: python-pptx is not installed (`make setup-test` puts it in target/venv)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let doc = journey();
    let deck = export(&doc, dir.path());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/read_pptx.py");
    let out = Command::new(python).arg(script).arg(&deck).output().unwrap();
    assert!(out.status.success(), "python-pptx could not read the deck: {}", String::from_utf8_lossy(&out.stderr));
    let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((read["width"].as_i64(), read["height"].as_i64()), (Some(12_192_000), Some(6_858_000)), "16:9");
    let slides = read["slides"].as_array().unwrap();
    assert_eq!(slides.len(), 1 + doc.personas.len() + 1 + doc.phases.len() + 1);
    let texts: Vec<&str> = slides.iter().flat_map(|s| s["texts"].as_array().unwrap()).map(|t| t.as_str().unwrap()).collect();
    for card in &doc.cards {
        assert!(texts.contains(&card.title.as_str()), "python-pptx did not find {:?}", card.title);
    }
    assert_eq!(slides[0]["title"], "Bikes & <b>more</b> 🚲");
    assert_eq!(slides[1 + doc.personas.len()]["title"], "The whole journey");
    for (i, phase) in doc.phases.iter().enumerate() {
        let slide = &slides[2 + doc.personas.len() + i];
        assert_eq!(slide["title"], phase.title.as_str());
        assert!(
            slide["groups"].as_u64().unwrap() > 0 && slide["text_boxes"].as_u64().unwrap() > 0,
            "cards are text boxes in groups: {slide}"
        );
        assert_eq!(slide["pictures"], 0, "the phase is not a picture");
    }
    assert!(slides[1 + doc.personas.len()]["paths"].as_u64().unwrap() >= 1, "the map's emotion curve is a path");
    assert_eq!(slides.last().unwrap()["title"], "Vote results");
}

#[test]
fn libreoffice_turns_the_deck_into_a_pdf_with_every_slide_and_its_text() {
    let missing: Vec<&str> = ["soffice", "pdftotext", "pdfinfo", "pdftoppm"].into_iter().filter(|t| !on_path(t)).collect();
    if !missing.is_empty() {
        eprintln!("SKIPPED: {} not installed (`make setup-test` installs libreoffice-impress and poppler-utils)", missing.join(", "));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let doc = journey();
    let deck = export(&doc, dir.path());
    let mut convert = Command::new("soffice");
    // A profile of its own, so that a LibreOffice the user has open does not take the job.
    let profile = format!("-env:UserInstallation=file://{}", dir.path().join("profile").display());
    convert.args([profile.as_str(), "--headless", "--convert-to", "pdf", "--outdir"]).arg(dir.path()).arg(&deck);
    let out = run_for(convert, Duration::from_secs(240));
    let pdf = dir.path().join("Bikes.pdf");
    assert!(pdf.exists(), "LibreOffice made no PDF: {}", String::from_utf8_lossy(&out.stderr));

    let info = String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    let field = |name: &str| info.lines().find_map(|l| l.strip_prefix(name)).map(str::trim).unwrap_or_default().to_string();
    let slides = 1 + doc.personas.len() + 1 + doc.phases.len() + 1;
    assert_eq!(field("Pages:"), slides.to_string(), "{info}");
    assert!(field("Page size:").starts_with("960") && field("Page size:").ends_with(" x 540 pts"), "16:9: {info}");
    let text = String::from_utf8(Command::new("pdftotext").arg(&pdf).arg("-").output().unwrap().stdout).unwrap();
    // pdftotext joins a wrapped line with a break: compare with all white space as one space.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for title in
        ["Bikes & <b>more</b>", "The whole journey", "Vote results", "Tom & \"Jerry\" say hi", "Zoekt op Google naar hardloopschoenen"]
    {
        assert!(flat.contains(title), "{title:?} is not in the PDF:\n{text}");
    }
    for phase in &doc.phases {
        assert!(flat.contains(&phase.title), "{:?} is not in the PDF", phase.title);
    }
    assert!(flat.contains("<script>alert('x')"), "markup is shown as text");
    assert!(["مرحبا", "שלום", "客户旅程地图"].iter().all(|t| text.contains(t)), "Arabic, Hebrew and Chinese print: {text}");

    // Kept for a person to look at: the PDF, and the map and the first phase at 20 dpi.
    let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join("deck");
    std::fs::create_dir_all(&keep).unwrap();
    std::fs::copy(&deck, keep.join("Bikes.pptx")).unwrap();
    std::fs::copy(&pdf, keep.join("Bikes.pdf")).unwrap();
    let map = 2 + doc.personas.len();
    for (page, name) in [(map, "map"), (map + 1, "phase")] {
        let status = Command::new("pdftoppm")
            .args(["-r", "20", "-png", "-singlefile", "-f", &page.to_string(), "-l", &page.to_string()])
            .arg(&pdf)
            .arg(keep.join(name))
            .status()
            .unwrap();
        assert!(status.success() && keep.join(format!("{name}.png")).exists());
    }
}
