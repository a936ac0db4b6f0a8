// `make bench` (UI part): first render of a 1,000-card journey and the frame rate while dragging
// a card over it, in headless Chromium with the backend faked (ui/tests/harness.mjs). Writes a
// Markdown section to the path given as the first argument. Reports; asserts nothing.
import { writeFileSync } from "node:fs";
import { startUi, template } from "../tests/harness.mjs";

const out = process.argv[2] ?? "target/bench/30-ui.md";
const CARDS = 1000;

function bigJourney() {
  const doc = template("website-en");
  const base = doc.cards[0];
  const cells = doc.phases.flatMap((p) => doc.rows.filter((r) => r.kind === "cards").map((r) => [p.id, r.id]));
  const len = new Map();
  for (const c of doc.cards) len.set(`${c.phase}:${c.row}`, (len.get(`${c.phase}:${c.row}`) ?? 0) + 1);
  for (let i = 0; doc.cards.length < CARDS; i++) {
    const [phase, row] = cells[i % cells.length];
    const key = `${phase}:${row}`;
    const position = len.get(key) ?? 0;
    len.set(key, position + 1);
    doc.cards.push({ ...base, id: crypto.randomUUID(), phase, row, position, title: `Touchpoint ${i}: compares delivery options`, emotion: null, channel: i % 3 ? "Web shop" : null, votes: i % 4 });
  }
  return doc;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const ui = await startUi();
const doc = bigJourney();
const renders = [];
const fps = [];
for (let run = 0; run < 5; run++) {
  const page = await ui.open({ journeys: [doc] }, { width: 1600, height: 1000 });
  await page.getByRole("button", { name: /Website customer journey/ }).waitFor();
  // From the click that opens the journey to the first frame with every card on the canvas.
  const ms = await page.evaluate(
    (count) =>
      new Promise((resolve) => {
        const start = performance.now();
        document.querySelector(".journey-item").click();
        const check = () => (document.querySelectorAll(".card").length >= count ? resolve(performance.now() - start) : requestAnimationFrame(check));
        requestAnimationFrame(check);
      }),
    CARDS - 5,
  );
  renders.push(ms);

  // Drag a card across the board for ~1.5 s and count the frames the page paints meanwhile.
  const card = page.locator(".card").first();
  const box = await card.boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (t) => {
      window.__frames.push(t);
      if (window.__frames.length < 100000) window.__raf = requestAnimationFrame(tick);
    };
    window.__raf = requestAnimationFrame(tick);
  });
  await page.mouse.move(box.x + 20, box.y + 10);
  await page.mouse.down();
  const t0 = Date.now();
  for (let i = 0; i < 90; i++) {
    await page.mouse.move(box.x + 20 + i * 12, box.y + 10 + (i % 30) * 12);
  }
  const elapsed = (Date.now() - t0) / 1000;
  await page.keyboard.press("Escape");
  await page.mouse.up();
  const frames = await page.evaluate(() => {
    cancelAnimationFrame(window.__raf);
    const f = window.__frames;
    return f.length > 1 ? (f.length - 1) / ((f[f.length - 1] - f[0]) / 1000) : 0;
  });
  fps.push(frames);
  void elapsed;
  await page.close();
}
await ui.close();

const md = `## UI: a 1,000-card journey in headless Chromium (backend faked)

Command: \`make bench\` (runs \`node ui/bench/ui-bench.mjs\`), 5 runs, viewport 1600×1000.

| what | median | budget | |
|---|---|---|---|
| first render: click to every card on the canvas | ${median(renders).toFixed(0)} ms | ≤ 300 ms | ${median(renders) <= 300 ? "within" : "**over**"} |
| frames painted while dragging a card over the board | ${median(fps).toFixed(0)} frames/s | ≥ 50 | ${median(fps) >= 50 ? "within" : "**under**"} |

Runs: render ${renders.map((r) => r.toFixed(0)).join(", ")} ms; drag ${fps.map((f) => f.toFixed(0)).join(", ")} frames/s.
`;
writeFileSync(out, md);
process.stdout.write(md);
