//! `make bench` (core part): edit, undo and load timings on a 5,000-card journey, and the same
//! edit saved the way file-based editors save (the whole journey as JSON, written with fsync),
//! side by side in one run. Writes a Markdown section to the path given as the first argument.
//!
//! Timings are medians over many runs on a real file (not in memory, not tmpfs), because these
//! machines are shared and noisy; the ratio matters more than any one figure.

use std::io::Write;
use std::time::{Duration, Instant};

use journeywall_core::{fixtures, interchange, Edit, Store};

const CARDS: usize = 5_000;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let out_path = std::env::args().nth(1).unwrap_or_else(|| "target/bench/core.md".into());
    let dir = tempfile::Builder::new().prefix("jw-bench").tempdir_in(std::env::current_dir().unwrap().join("target")).unwrap();
    let db = dir.path().join("bench.db");
    let mut store = Store::open(&db).unwrap();
    let doc = fixtures::grown_journey(CARDS);
    let id = doc.journey.id;
    store.insert_doc(&doc).unwrap();

    let runs = 300;
    let (a, b) = (doc.phases[0].id, doc.phases[3].id);
    let mut edit_times = Vec::with_capacity(runs);
    let mut undo_times = Vec::with_capacity(runs);
    for i in 0..runs {
        let card = &doc.cards[(i * 7919) % doc.cards.len()];
        let phase = if i % 2 == 0 { b } else { a };
        let t = Instant::now();
        store.apply(id, Edit::MoveCard { card: card.id, phase, row: card.row, index: 3 }).unwrap();
        edit_times.push(t.elapsed());
        let t = Instant::now();
        store.undo(id, None).unwrap();
        undo_times.push(t.elapsed());
    }
    let mut redo_times = Vec::with_capacity(50);
    for _ in 0..50 {
        let t = Instant::now();
        store.redo(id, None).unwrap();
        redo_times.push(t.elapsed());
        store.undo(id, None).unwrap();
    }

    // What the disk itself costs: one small write made durable with fsync, as a commit needs.
    let mut fsync_times = Vec::new();
    let probe = dir.path().join("fsync-probe");
    let mut f = std::fs::File::create(&probe).unwrap();
    for _ in 0..100 {
        let t = Instant::now();
        f.write_all(&[7u8; 4096]).unwrap();
        f.sync_data().unwrap();
        fsync_times.push(t.elapsed());
    }

    // The same edits in memory: the work of applying an edit and recording its undo, without the disk.
    let mut mem = Store::in_memory().unwrap();
    mem.insert_doc(&doc).unwrap();
    let mut mem_times = Vec::with_capacity(runs);
    for i in 0..runs {
        let card = &doc.cards[(i * 7919) % doc.cards.len()];
        let phase = if i % 2 == 0 { b } else { a };
        let t = Instant::now();
        mem.apply(id, Edit::MoveCard { card: card.id, phase, row: card.row, index: 3 }).unwrap();
        mem_times.push(t.elapsed());
    }

    let mut load_times = Vec::new();
    for _ in 0..30 {
        let t = Instant::now();
        let loaded = store.load(id).unwrap();
        load_times.push(t.elapsed());
        assert_eq!(loaded.cards.len(), CARDS);
    }

    // A big dot vote: 30 participants with 19 of their 20 dots placed; each run places one more
    // dot and undoes it, as a participant changing their mind would.
    store.apply(id, Edit::StartVote { dots_per_participant: 20, stacking: true }).unwrap();
    let participants: Vec<_> = (0..30)
        .map(|i| {
            let p = journeywall_core::model::new_id();
            store.apply(id, Edit::AddParticipant { id: Some(p), name: format!("Participant {i}"), colour: None }).unwrap();
            for d in 0..19 {
                let card = doc.cards[(i * 131 + d * 17) % doc.cards.len()].id;
                store.apply(id, Edit::PlaceDot { participant: p, card }).unwrap();
            }
            p
        })
        .collect();
    let mut dot_times = Vec::with_capacity(runs);
    for i in 0..runs {
        let card = doc.cards[(i * 7919) % doc.cards.len()].id;
        let t = Instant::now();
        store.apply(id, Edit::PlaceDot { participant: participants[i % 30], card }).unwrap();
        dot_times.push(t.elapsed());
        store.undo(id, None).unwrap();
    }
    store.apply(id, Edit::ClearVote).unwrap();

    // The peer: a file-based editor saves the whole document after the same edit.
    let file = dir.path().join("journey.json");
    let mut doc_in_memory = store.load(id).unwrap();
    let mut file_times = Vec::new();
    let mut file_size = 0;
    for i in 0..60 {
        let t = Instant::now();
        let n = doc_in_memory.cards.len();
        doc_in_memory.cards[(i * 7919) % n].phase = if i % 2 == 0 { b } else { a };
        let json = interchange::to_json(&doc_in_memory);
        let mut f = std::fs::File::create(&file).unwrap();
        f.write_all(json.as_bytes()).unwrap();
        f.sync_all().unwrap();
        file_times.push(t.elapsed());
        file_size = json.len();
    }

    let (edit, undo, redo, load, save) =
        (median(edit_times), median(undo_times), median(redo_times), median(load_times), median(file_times));
    let (fsync, in_memory, dot) = (median(fsync_times), median(mem_times), median(dot_times));
    let budget = |d: Duration, limit_ms: f64| if d.as_secs_f64() * 1e3 <= limit_ms { "within" } else { "**over**" };
    let mut md = String::new();
    md.push_str("## Core: edits, undo and load on a 5,000-card journey\n\n");
    md.push_str("Command: `make bench` (runs `cargo run --release -p journeywall-core --example bench`). ");
    md.push_str("A file-backed database (WAL, `synchronous=FULL`: every edit is on disk when the call returns).\n\n");
    md.push_str("| what | median | budget | |\n|---|---|---|---|\n");
    md.push_str(&format!("| apply + commit one `moveCard` ({runs} runs) | {} | ≤ 1 ms | {} |\n", ms(edit), budget(edit, 1.0)));
    md.push_str(&format!("| undo one edit ({runs} runs) | {} | ≤ 1 ms | {} |\n", ms(undo), budget(undo, 1.0)));
    md.push_str(&format!("| redo one edit (50 runs) | {} | ≤ 1 ms | {} |\n", ms(redo), budget(redo, 1.0)));
    md.push_str(&format!("| load the journey for the editor (30 runs) | {} | ≤ 50 ms | {} |\n", ms(load), budget(load, 50.0)));
    md.push_str(&format!(
        "| apply + commit one `placeDot` in a vote of 30 participants × 20 dots ({runs} runs) | {} | ≤ 1 ms (an edit) | {} |\n",
        ms(dot),
        budget(dot, 1.0)
    ));
    md.push_str(&format!("| the disk's floor: write 4 KiB + fsync (100 runs) | {} | — | |\n", ms(fsync)));
    md.push_str(&format!("| the same `moveCard` on an in-memory database ({runs} runs) | {} | — | |\n", ms(in_memory)));
    md.push_str(&format!(
        "| peer: same edit saved as whole-file JSON + fsync (60 runs, {:.1} MB) | {} | — | |\n",
        file_size as f64 / 1e6,
        ms(save)
    ));
    md.push_str(&format!(
        "\n**Ratio:** saving an edit the file-based way takes **{:.1}×** as long as our committed edit.\n",
        save.as_secs_f64() / edit.as_secs_f64()
    ));
    md.push_str(&format!(
        "\nA durable commit costs at least one fsync of this disk ({}). Applying the edit itself (SQL, the undo \
         record, reading back what changed) takes {} on an in-memory database. A move rewrites one card: \
         positions are derived from a sort key, so no neighbour is renumbered.\n",
        ms(fsync),
        ms(in_memory)
    ));
    if let Some(parent) = std::path::Path::new(&out_path).parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&out_path, &md).unwrap();
    print!("{md}");
}
