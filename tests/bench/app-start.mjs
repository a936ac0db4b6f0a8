// `make bench` (app part, under Xvfb): time from launching the built app to its journey list
// being clickable, the first render of a 1,000-card journey in the app itself (Tauri's IPC, not
// the UI tests' harness), and the memory of the app with all its WebKit processes. Writes a
// Markdown section to the path given as the first argument. Reports; asserts nothing.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Session, freshDatabase, startDriver } from "../e2e/webdriver.mjs";
import { bigJourney } from "../../ui/bench/big-journey.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const out = process.argv[2] ?? "target/bench/40-app.md";
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Every process's parent, as /proc has them now. */
function parents() {
  const parent = new Map();
  for (const pid of readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      parent.set(Number(pid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* gone */
    }
  }
  return parent;
}

/** Whether `pid` is `root` or descends from it. */
const descends = (parent, pid, root) => {
  for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === root) return true;
  return false;
};

/** Proportional set size (kB) of a process and all its descendants: shared pages counted fairly. */
function treePss(root) {
  const parent = parents();
  const inTree = (pid) => descends(parent, pid, root);
  let kb = 0;
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    try {
      const m = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8").match(/^Pss:\s+(\d+) kB/m);
      kb += m ? Number(m[1]) : 0;
    } catch {
      /* gone */
    }
  }
  return kb;
}

/**
 * The app this bench's own driver started: a `binary` process below the driver, not the first one
 * on the machine (another run's app, or the developer's, was measured instead: 546 MB beside a
 * 176 MB floor).
 */
function appPid(driverPid, binary = "target/debug/journeywall") {
  const parent = parents();
  for (const pid of parent.keys()) {
    try {
      if (descends(parent, pid, driverPid) && readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")[0].endsWith(binary)) return pid;
    } catch {
      /* gone */
    }
  }
  return null;
}

const driver = await startDriver({ LANG: "en_GB.UTF-8" });
const starts = [];
const memory = [];
for (let run = 0; run < 5; run++) {
  const t0 = performance.now();
  const s = await Session.start(driver.base, freshDatabase());
  await s.waitFor(".journey-item", { timeout: 20_000 });
  starts.push(performance.now() - t0);
  await (await s.find(".journey-item .journey-open")).click();
  await s.waitFor(".phase-header");
  await new Promise((r) => setTimeout(r, 1000));
  const pid = appPid(driver.pid);
  if (pid) memory.push(treePss(pid) / 1024);
  await s.quit();
}
// From the click on a 1,000-card journey to the first frame with every card on the canvas,
// timed in the page.
const CARDS = 1000;
const renders = [];
const bigFile = join(dirname(freshDatabase()), "big.json");
writeFileSync(bigFile, JSON.stringify(bigJourney(CARDS)));
for (let run = 0; run < 5; run++) {
  const db = freshDatabase();
  execFileSync(join(root, "target", "debug", "journeywall"), ["--db", db, "import", bigFile]);
  const s = await Session.start(driver.base, db);
  await s.waitFor(".journey-item", { text: "Website customer journey", timeout: 20_000 });
  await s.execute(
    `const item = [...document.querySelectorAll(".journey-item")].find((e) => e.textContent.includes("Website customer journey"));
     const start = performance.now();
     item.querySelector(".journey-open").click();
     const check = () => (document.querySelectorAll(".card").length >= arguments[0] ? (window.__firstRender = performance.now() - start) : requestAnimationFrame(check));
     requestAnimationFrame(check);`,
    [CARDS - 5],
  );
  let ms = null;
  for (let i = 0; i < 200 && ms === null; i++) {
    await new Promise((r) => setTimeout(r, 50));
    ms = await s.execute("return window.__firstRender ?? null;");
  }
  if (ms !== null) renders.push(ms);
  await s.quit();
}

// The floor: an empty Tauri 2 window (tests/bench/empty-window), started and measured the same way.
const EMPTY = join(root, "target", "debug", "empty-window");
const floor = [];
if (existsSync(EMPTY)) {
  for (let run = 0; run < 5; run++) {
    const s = await Session.start(driver.base, null, EMPTY);
    await s.waitFor("#empty");
    await new Promise((r) => setTimeout(r, 1000));
    const pid = appPid(driver.pid, "target/debug/empty-window");
    if (pid) floor.push(treePss(pid) / 1024);
    await s.quit();
  }
}
await driver.stop();

const md = `## App: start and memory (built debug binary under Xvfb)

Command: \`make bench\` (runs \`node tests/bench/app-start.mjs\` under xvfb-run), 5 runs, each on a new database.

| what | median | budget | |
|---|---|---|---|
| launch to the journey list being clickable (over WebDriver, so an upper bound) | ${median(starts).toFixed(0)} ms | ≤ 1,500 ms | ${median(starts) <= 1500 ? "within" : "**over**"} |
| first render of a 1,000-card journey: click to every card on the canvas, timed in the app's page | ${renders.length ? `${median(renders).toFixed(0)} ms` : "not measured"} | ≤ 300 ms | ${renders.length ? (median(renders) <= 300 ? "within" : "**over**") : ""} |
| memory (PSS) of the app and its WebKit processes, sample journey open | ${median(memory).toFixed(0)} MB | — | |
${floor.length ? `| the floor: an empty Tauri 2 window measured the same way | ${median(floor).toFixed(0)} MB | — | app is ${(median(memory) / median(floor)).toFixed(1)}× the floor |\n` : ""}
Runs: start ${starts.map((x) => x.toFixed(0)).join(", ")} ms; first render ${renders.map((x) => x.toFixed(0)).join(", ")} ms; memory ${memory.map((x) => x.toFixed(0)).join(", ")} MB${floor.length ? `; floor ${floor.map((x) => x.toFixed(0)).join(", ")} MB` : " (the empty window was not built, so there is no floor in this run)"}.
`;
writeFileSync(out, md);
process.stdout.write(md);
