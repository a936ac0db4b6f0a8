#!/usr/bin/env bash
# `make bench`: runs every benchmark, each writing one Markdown section to target/bench/, and puts
# them together in docs/BENCHMARKS.md. Benchmarks report; they never fail a build.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf target/bench && mkdir -p target/bench

cargo run --release -q -p journeywall-core --example bench -- target/bench/10-core.md
cargo run --release -q -p journeywall-core --example poster_bench -- target/bench/20-poster.md
cargo run --release -q -p journeywall-core --example export_bench -- target/bench/25-export.md
node ui/bench/ui-bench.mjs target/bench/30-ui.md
# The memory floor: an empty Tauri 2 window, in the same target/ so it reuses what the app built.
(cd tests/bench/empty-window && CARGO_TARGET_DIR=../../../target cargo build -q)
xvfb-run -a -s "-screen 0 1600x1000x24" node tests/bench/app-start.mjs target/bench/40-app.md
# The room as users run it: the release build (the app's window benches above use the debug one
# that `make test` builds, as the UI's budgets were set on it).
cargo build --release -q -p journeywall
node tests/bench/room-bench.mjs target/bench/50-room.md
xvfb-run -a -s "-screen 0 1600x1000x24" node tests/bench/room-app.mjs target/bench/51-room-app.md
# Co-editors on the same release build: edits seen by the other editors, the editor page's size,
# a 1,000-card board in headless Chromium, memory per editor.
node tests/bench/editors-bench.mjs target/bench/52-editors.md

cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs || true)
{
  echo "# Benchmarks"
  echo
  echo "Written by \`make bench\` on $(date -u +%Y-%m-%d) on $(nproc) cores (${cpu:-unknown CPU})."
  echo "These machines are shared and noisy: every figure is a median of many runs, and a peer is"
  echo "measured side by side in the same run, so the ratios are what to compare between runs."
  echo
  for f in target/bench/*.md; do cat "$f"; echo; done
} > docs/BENCHMARKS.md
echo "wrote docs/BENCHMARKS.md"
