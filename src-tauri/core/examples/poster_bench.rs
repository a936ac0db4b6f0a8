//! `make bench` (posters): a 1,000-card journey to one A0 PDF, in Latin and with every script mixed
//! in; 5,000 cards tiled over A4 against the same on one sheet; an A1 PNG at 150 dpi; and, side by
//! side in the same run, headless Chromium printing the same 1,000 cards from HTML with
//! `--print-to-pdf`, the way web-based tools make their PDFs. Writes a Markdown section to the path
//! given as the first argument.

use std::process::Command;
use std::time::{Duration, Instant};

use journeywall_core::fixtures::grown_journey;
use journeywall_core::model::JourneyDoc;
use journeywall_core::poster::{Poster, PosterMode, PosterOptions, PosterSize};

const NOW: i64 = 1_795_392_000_000;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1e3)
}

/// Lays out, draws and writes the poster; returns the time and the file size.
fn poster(doc: &JourneyDoc, options: &PosterOptions, path: &std::path::Path) -> (Duration, u64, u32) {
    let t = Instant::now();
    let p = Poster::new(doc, options, NOW).unwrap();
    p.write(path).unwrap();
    (t.elapsed(), std::fs::metadata(path).unwrap().len(), p.info(journeywall_core::Lang::En).pages)
}

/// The journey as an HTML page a web tool would print: a grid of phases and rows with cards.
fn html(doc: &JourneyDoc) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    let mut h = String::from("<!doctype html><meta charset=utf-8><style>@page{size:841mm 1189mm;margin:10mm}body{font-family:'Noto Sans',sans-serif;font-size:7pt}table{border-collapse:collapse;width:100%}td,th{vertical-align:top;border:1px solid #ccd;padding:2px}.c{background:#fcf9d5;border:1px solid #cc9;border-radius:3px;margin:2px;padding:2px}</style>");
    h += &format!("<h1>{}</h1><table><tr><th></th>", esc(&doc.journey.name));
    for p in &doc.phases {
        h += &format!("<th style=background:{}>{}<br><small>{}</small></th>", p.colour, esc(&p.title), esc(&p.question));
    }
    h += "</tr>";
    for r in &doc.rows {
        h += &format!("<tr><th>{}</th>", esc(&r.title));
        for p in &doc.phases {
            h += "<td>";
            for c in doc.cards.iter().filter(|c| c.phase == p.id && c.row == r.id) {
                h += &format!(
                    "<div class=c><b>{}</b><br>{} · {} ●{}</div>",
                    esc(&c.title),
                    esc(c.channel.as_deref().unwrap_or("")),
                    c.emotion.unwrap_or(0),
                    c.votes
                );
            }
            h += "</td>";
        }
        h += "</tr>";
    }
    h + "</table>"
}

fn main() {
    let out = std::env::args().nth(1).expect("usage: poster_bench OUT.md");
    let dir = tempfile_dir();
    let a0 = PosterOptions::default();
    let tiled =
        PosterOptions { sheet: "A4".into(), mode: PosterMode::Tiled, size: PosterSize::Scale { percent: 100.0 }, ..Default::default() };
    let thousand = grown_journey(1000);
    let five_thousand = grown_journey(5000);
    // The same journey with a participant's words in every script on every card.
    let scripts =
        ["Ayşe şoför", "مرحبا 2026", "שלום עולם", "顾客比较价格", "한국어 여정", "Ελληνικά", "Привет", "Tiếng Việt", "🚲 😀 ❤️ 👍"];
    let mut mixed = grown_journey(1000);
    for (i, c) in mixed.cards.iter_mut().enumerate() {
        c.title = format!("{} {}", c.title, scripts[i % scripts.len()]);
    }
    // One unmeasured run parses the font and warms the caches, as the app has after its first poster.
    poster(&thousand, &a0, &dir.join("warm.pdf"));

    let runs = 7;
    let (mut ours, mut size) = (Vec::new(), 0);
    for _ in 0..runs {
        let (t, s, _) = poster(&thousand, &a0, &dir.join("a0.pdf"));
        ours.push(t);
        size = s;
    }
    // Where the time goes: laying out (with shaping) against drawing and serialising the PDF.
    let (mut laying, mut drawing) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        let t = Instant::now();
        let p = Poster::new(&thousand, &a0, NOW).unwrap();
        laying.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(p.pdf());
        drawing.push(t.elapsed());
    }
    poster(&mixed, &a0, &dir.join("warm-mixed.pdf"));
    let (mut every, mut every_size) = (Vec::new(), 0);
    for _ in 0..runs {
        let (t, s, _) = poster(&mixed, &a0, &dir.join("mixed.pdf"));
        every.push(t);
        every_size = s;
    }
    let (mut big, mut pages, mut big_size) = (Vec::new(), 0, 0);
    let (mut one, mut one_size) = (Vec::new(), 0);
    for _ in 0..3 {
        let (t, s, p) = poster(&five_thousand, &tiled, &dir.join("a4.pdf"));
        big.push(t);
        (pages, big_size) = (p, s);
        let (t, s, _) = poster(&five_thousand, &a0, &dir.join("one.pdf"));
        one.push(t);
        one_size = s;
    }
    let a1_png = PosterOptions { sheet: "A1".into(), dpi: 150, ..a0.clone() };
    let (mut png, mut png_size) = (Vec::new(), 0);
    for _ in 0..3 {
        let (t, s, _) = poster(&thousand, &a1_png, &dir.join("a1.png"));
        png.push(t);
        png_size = s;
    }
    let png_px = Poster::new(&thousand, &a1_png, NOW).unwrap().info(journeywall_core::Lang::En);
    let page = dir.join("journey.html");
    std::fs::write(&page, html(&thousand)).unwrap();
    let mut chromium = Vec::new();
    let mut chromium_size = 0;
    let mut peer_note = String::new();
    for _ in 0..5 {
        let pdf = dir.join("chromium.pdf");
        let t = Instant::now();
        let status = Command::new("chromium")
            .args(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"])
            .arg(format!("--user-data-dir={}", dir.join("profile").display()))
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(format!("file://{}", page.display()))
            .output();
        match status {
            Ok(o) if o.status.success() && pdf.exists() => {
                chromium.push(t.elapsed());
                chromium_size = std::fs::metadata(&pdf).unwrap().len();
            }
            Ok(o) => peer_note = format!("chromium failed: {}", String::from_utf8_lossy(&o.stderr).lines().last().unwrap_or("")),
            Err(e) => peer_note = format!("chromium could not be started: {e}"),
        }
    }

    let ours_m = median(ours);
    let big_m = median(big);
    let every_m = median(every);
    let one_m = median(one);
    let png_m = median(png);
    let mut md = String::new();
    md.push_str("## Posters\n\n");
    md.push_str("Command: `make bench` (runs `cargo run --release -p journeywall-core --example poster_bench`). ");
    md.push_str("A 1,000- and a 5,000-card journey over 12 phases and 7 rows; timed from the journey in memory to the file written.\n\n");
    md.push_str("| what | median | budget | |\n|---|---|---|---|\n");
    let ok = |d: Duration, budget_ms: f64| if d.as_secs_f64() * 1e3 <= budget_ms { "within" } else { "**over**" };
    md.push_str(&format!("| 1,000 cards to one A0 PDF ({runs} runs) | {} | ≤ 130 ms | {} |\n", ms(ours_m), ok(ours_m, 130.0)));
    md.push_str(&format!(
        "| of which: layout with shaping; drawing, subsetting and writing the PDF | {}; {} | — | |\n",
        ms(median(laying)),
        ms(median(drawing))
    ));
    md.push_str(&format!(
        "| its file size | {:.0} KB | ≤ 1 MB | {} |\n",
        size as f64 / 1024.0,
        if size <= 1_000_000 { "within" } else { "**over**" }
    ));
    md.push_str(&format!(
        "| the same 1,000 cards, each with words in one of 9 scripts (Latin, Arabic, Hebrew, Chinese, Korean, Greek, Cyrillic, Vietnamese, emoji) | {} | — | {:.0} KB |\n",
        ms(every_m),
        every_size as f64 / 1024.0
    ));
    md.push_str(&format!(
        "| 5,000 cards tiled over A4 at 100 %, {pages} pages (3 runs) | {} | ≤ 3 s | {} |\n",
        ms(big_m),
        ok(big_m, 3000.0)
    ));
    md.push_str(&format!("| the same 5,000 cards on one A0 sheet (3 runs) | {} | — | {:.0} KB |\n", ms(one_m), one_size as f64 / 1024.0));
    md.push_str(&format!(
        "| tiled ÷ one sheet: time; file size ({:.1} MB ÷ {:.1} MB) | {:.1}×; {:.1}× | ≤ 1.5×; ≤ 1.5× | {} |\n",
        big_size as f64 / 1e6,
        one_size as f64 / 1e6,
        big_m.as_secs_f64() / one_m.as_secs_f64(),
        big_size as f64 / one_size as f64,
        if big_m.as_secs_f64() <= 1.5 * one_m.as_secs_f64() && big_size as f64 <= 1.5 * one_size as f64 { "within" } else { "**over**" }
    ));
    md.push_str(&format!(
        "| 1,000 cards on A1 as PNG at 150 dpi, {} × {} px (3 runs) | {} | — | {:.1} MB |\n",
        png_px.png_width,
        png_px.png_height,
        ms(png_m),
        png_size as f64 / 1e6
    ));
    if chromium.is_empty() {
        md.push_str(&format!("\nPeer not measured: {peer_note}\n"));
    } else {
        let peer = median(chromium);
        md.push_str(&format!(
            "| peer: `chromium --headless --print-to-pdf` of the same 1,000 cards as HTML on A0 (5 runs) | {} | — | {:.0} KB |\n",
            ms(peer),
            chromium_size as f64 / 1024.0
        ));
        md.push_str(&format!(
            "\nJourneywall makes the A0 poster **{:.1}×** faster than headless Chromium prints the same cards (goal: at least 10×). \
             Chromium's time includes starting the browser, as a tool that prints through it must.\n",
            peer.as_secs_f64() / ours_m.as_secs_f64()
        ));
    }
    std::fs::write(&out, md).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

/// A scratch folder under target/ (a real disk, like the user's).
fn tempfile_dir() -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/poster-bench");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
