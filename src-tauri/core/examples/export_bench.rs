//! `make bench` (exports): a 1,000-card journey exported as each kind of file the export writes
//! for people without Journeywall (issue 27): median time to make the file in memory, and its
//! size. Writes a Markdown section to the path given as the first argument.

use std::time::{Duration, Instant};

use journeywall_core::fixtures;
use journeywall_core::interchange::{self, Delimiter, Format};

const CARDS: usize = 1_000;
const RUNS: usize = 30;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let out_path = std::env::args().nth(1).unwrap_or_else(|| "target/bench/export.md".into());
    let doc = fixtures::grown_journey(CARDS);
    let mut md = String::new();
    md.push_str(&format!("## Exports of a {CARDS}-card journey\n\n"));
    md.push_str("Command: `make bench` (runs `cargo run --release -p journeywall-core --example export_bench`). ");
    md.push_str(&format!("The file made in memory, median of {RUNS} runs; writing it to disk is one atomic write.\n\n"));
    md.push_str("| file | median | size |\n|---|---|---|\n");
    for (name, format, delimiter) in [
        ("JSON (the whole journey)", Format::Json, Delimiter::Comma),
        ("XLSX (cards, phases, personas)", Format::Xlsx, Delimiter::Comma),
        ("CSV (cards)", Format::Csv, Delimiter::Comma),
        ("CSV with `;`", Format::Csv, Delimiter::Semicolon),
        ("HTML (the map as one page, fonts embedded)", Format::Html, Delimiter::Comma),
        ("PPTX (title, persona, map, phase and results slides)", Format::Pptx, Delimiter::Comma),
    ] {
        let mut times = Vec::with_capacity(RUNS);
        let mut size = 0;
        for _ in 0..RUNS {
            let t = Instant::now();
            size = interchange::export(&doc, format, delimiter).expect("the journey exports").len();
            times.push(t.elapsed());
        }
        md.push_str(&format!("| {name} | {:.1} ms | {:.0} KB |\n", median(times).as_secs_f64() * 1e3, size as f64 / 1024.0));
    }
    if let Some(parent) = std::path::Path::new(&out_path).parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&out_path, &md).unwrap();
    print!("{md}");
}
