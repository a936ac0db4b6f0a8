// Co-editors (docs/ROOM.md, "Co-editors") on loopback only: `journeywall room … --bind 127.0.0.1
// --editors`, whose editors' link lets editors in at once. Four figures, each in a room of its own
// (a room takes 20 editors, and every page load is one):
// 1. 5 editors (plain HTTP clients, as the editor page calls) each make 200 edits at a busy
//    human pace while 30 phones send notes: edit → answered (after it is on disk), and edit → the
//    `change` event each OTHER editor's stream brings (what makes their board show it).
// 2. The editor page's first load in bytes: the page and every asset it names, as the server sends
//    them, with and without `Accept-Encoding: gzip`.
// 3. A 1,000-card journey in headless Chromium: navigation → every card on the board, 5 cold loads.
// 4. The room's memory (VmRSS) with 0 editors, then with 20 (the most a room takes) each holding
//    an event stream.
// Writes one Markdown section to the file named on the command line. Bounded: 1,000 edits, 300
// notes, 5 page loads, 20 editors, and a deadline; every server it starts is stopped at the end.
import { spawn, execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { gzipSync } from "node:zlib";
import http from "node:http";

const root = join(fileURLToPath(import.meta.url), "..", "..", "..");
const out = process.argv[2] ?? "target/bench/52-editors.md";
const { chromium } = createRequire(join(root, "ui", "package.json"))("playwright-core");

const EDITORS = 5;
const EDITS = 200; // per editor
const PACE = [100, 200]; // ms from one edit's start to the next: busy, but a person's pace
const PHONES = 30;
const NOTES = 10; // per phone, spread over the editing
const BOARD_CARDS = 1000;
const LOADS = 5;
const MOST_EDITORS = 20;
const GOAL_MS = 100; // edit → shown on the other editors' boards, p99
const DEADLINE_MS = 170_000;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => (x === undefined ? "–" : `${x.toFixed(1)} ms`);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const sleep = (t) => new Promise((r) => setTimeout(r, t));
const between = ([lo, hi]) => lo + Math.random() * (hi - lo);

// The build users run when it can open an editors' room; else the debug build the tests use.
const release = join(root, "target", "release", "journeywall");
const debug = join(root, "target", "debug", "journeywall");
const canEditors = (app) => {
  try {
    return execFileSync(app, ["room", "--help"]).toString().includes("--editors");
  } catch {
    return false;
  }
};
let build;
let source;
let skipped = "";
if (process.env.JOURNEYWALL_BIN) [build, source] = ["JOURNEYWALL_BIN", process.env.JOURNEYWALL_BIN];
else if (existsSync(release) && canEditors(release)) [build, source] = ["release", release];
else {
  if (existsSync(release)) skipped = " (target/release/journeywall is older than `room --editors`: not used)";
  if (!existsSync(debug)) execFileSync("cargo", ["build", "-q", "-p", "journeywall"], { cwd: root, stdio: "inherit" });
  [build, source] = ["debug", debug];
}

const dir = mkdtempSync(join(tmpdir(), "jw-editors-bench-"));
// A copy, so that a build finishing meanwhile does not change the program halfway through.
const app = join(dir, "journeywall");
copyFileSync(source, app);
const env = { ...process.env, LANG: "en_GB.UTF-8", LC_ALL: "", LC_MESSAGES: "", LANGUAGE: "", JOURNEYWALL_LOG_DIR: join(dir, "logs") };
const cli = (args, input) => execFileSync(app, args, { env, input, maxBuffer: 256 << 20 }).toString();

/** Every room this run started, stopped however the run ends. */
const rooms = new Set();
const deadline = setTimeout(() => {
  console.error(`editors-bench: not done in ${DEADLINE_MS / 1000} s; stopping`);
  for (const room of rooms) room.proc.kill("SIGKILL");
  process.exit(1);
}, DEADLINE_MS);
process.on("exit", () => {
  for (const room of rooms) room.proc.kill("SIGKILL");
  rmSync(dir, { recursive: true, force: true });
});

/** A database holding the online template as "Bikes", and the journey as stored. */
function bikes(name) {
  const db = join(dir, `${name}.db`);
  cli(["--db", db, "new", "--template", "online-en", "--name", "Bikes"]);
  return { db, doc: () => JSON.parse(cli(["--db", db, "show", "Bikes", "--json"])) };
}

/** `journeywall room Bikes --bind 127.0.0.1 --port 0 --editors`: its two links. */
async function openRoom(db) {
  const proc = spawn(app, ["--db", db, "room", "Bikes", "--bind", "127.0.0.1", "--port", "0", "--editors"], { env, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => proc.on("exit", resolve));
  const room = {
    proc,
    async stop() {
      proc.kill("SIGTERM");
      if ((await Promise.race([exited, sleep(10_000).then(() => "late")])) === "late") proc.kill("SIGKILL");
      rooms.delete(room);
    },
  };
  rooms.add(room);
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  room.phones = (await lines.next()).value.trim();
  room.editors = (await lines.next()).value.trim();
  return room;
}

/** The room process's resident memory, in bytes. */
const rss = (proc) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, "utf8"))[1]) * 1024;

// Phones make one connection a request (room-bench does the same); an editor's page keeps its
// connection, as a browser does.
const oneShot = new http.Agent({ keepAlive: false, maxSockets: 1000 });

/** A request; resolves with its status, headers and body as sent (bytes, not decoded). */
function request(url, { method = "GET", headers = {}, body, agent = oneShot } = {}) {
  return new Promise((resolve, reject) => {
    const h = { ...headers, ...(body ? { "content-type": "application/json" } : {}) };
    const r = http.request(url, { method, headers: h, agent, timeout: 30_000 }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    r.on("timeout", () => r.destroy(new Error(`${method} ${url}: no answer in 30 s`)));
    r.on("error", reject);
    r.end(body ? JSON.stringify(body) : undefined);
  });
}

/**
 * An event stream, read as a browser's EventSource would: `onEvent(name, data, at)`, `at` being
 * when the bytes arrived. Resolves once the server has answered the request.
 */
function stream(url, headers, onEvent) {
  return new Promise((resolve, reject) => {
    let pending = "";
    const r = http.get(url, { headers, agent: oneShot }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`${url}: ${res.statusCode}`));
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        const at = performance.now();
        pending += chunk;
        for (let end; (end = pending.indexOf("\n\n")) >= 0; ) {
          const block = pending.slice(0, end);
          pending = pending.slice(end + 2);
          let name = "message";
          const data = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("event:")) name = line.slice(6).trim();
            else if (line.startsWith("data:")) data.push(line.slice(5).replace(/^ /, ""));
          }
          if (data.length) onEvent(name, data.join("\n"), at);
        }
      });
      resolve({ stop: () => r.destroy() });
    });
    r.on("error", reject); // after the answer: the stream was stopped
  });
}

const EDITOR = { "x-journeywall-editor": "1" };

/** A co-editor as the page is one: the page loaded (the cookie), then how they stand (their number). */
async function newEditor(link) {
  const page = await request(`${link}/`);
  if (page.status !== 200) throw new Error(`editor page: ${page.status} ${page.body}`);
  const cookie = page.headers["set-cookie"][0].split(";")[0];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const headers = { ...EDITOR, cookie };
  const me = JSON.parse((await request(`${link}/name`, { method: "POST", headers, body: { name: null }, agent })).body);
  if (me.state !== "allowed") throw new Error(`editor not let in: ${JSON.stringify(me)}`);
  return {
    number: me.number,
    headers,
    rpc: async (call) => JSON.parse((await request(`${link}/rpc`, { method: "POST", headers, body: call, agent })).body),
    close: () => agent.destroy(),
  };
}

/** Opens the phones' page until the room lets this phone in (new phones come in at a bounded rate). */
async function newPhone(link, name) {
  for (let tries = 0; tries < 60; tries++) {
    const page = await request(link);
    if (page.status === 200) {
      const cookie = page.headers["set-cookie"][0].split(";")[0];
      await request(`${link}/name`, { method: "POST", headers: { cookie }, body: { name } });
      return cookie;
    }
    if (page.status !== 503) throw new Error(`phone page: ${page.status}`);
    await sleep(Number(page.headers["retry-after"] ?? 1) * 1000);
  }
  throw new Error("a phone was not let in within a minute");
}

// ---- 1. Co-editing -------------------------------------------------------------------------
async function coEditing() {
  const { db, doc } = bikes("co-editing");
  const journey = doc();
  const room = await openRoom(db);
  try {
    const size = await pageSize(room.editors); // 2., in the same room: one editor more, no stream
    const cardRows = journey.rows.filter((r) => r.kind === "cards").map((r) => r.id);
    const cards = journey.cards.filter((c) => cardRows.includes(c.row)).map((c) => c.id);
    const editors = [];
    for (let i = 0; i < EDITORS; i++) editors.push(await newEditor(room.editors));
    // What each editor's stream brought, by whose edit it was: [arrival, titles of its cards].
    const seen = editors.map(() => new Map());
    let reloads = 0;
    const streams = await Promise.all(
      editors.map((e, i) =>
        stream(`${room.editors}/events`, e.headers, (name, data, at) => {
          if (name === "reload") reloads++;
          if (name !== "change") return;
          const { by, changes } = JSON.parse(data);
          if (!seen[i].has(by)) seen[i].set(by, []);
          seen[i].get(by).push([at, new Set((changes.cards ?? []).map((c) => c.title))]);
        }),
      ),
    );
    const phones = [];
    for (let i = 0; i < PHONES; i++) phones.push(await newPhone(room.phones, `P${i}`));
    const phoneStreams = await Promise.all(phones.map((cookie) => stream(`${room.phones}/events`, { cookie }, () => {})));
    await sleep(500); // past each stream's first events
    const rssBefore = rss(room.proc);

    // Every editor edits their own cards (a few each), so no edit is refused as another's.
    const runStart = performance.now();
    let editing = true;
    const done = editors.map(async (e, k) => {
      const mine = cards.filter((_, i) => i % EDITORS === k);
      const made = []; // the edits that were applied, in order: { start, title? }
      const answered = [];
      const errors = [];
      for (let i = 0; i < EDITS; i++) {
        const card = mine[i % mine.length];
        const move = i % 3 === 2;
        const title = move ? undefined : `Editor ${e.number} edit ${i}: asks about frame sizes`;
        const edit = move
          ? { type: "moveCard", card, phase: journey.phases[i % journey.phases.length].id, row: cardRows[i % cardRows.length], index: 0 }
          : { type: "updateCard", card, title };
        const start = performance.now();
        const answer = await e.rpc({ cmd: "apply_edit", journey: journey.journey.id, edit });
        const answeredAt = performance.now();
        answered.push(answeredAt - start);
        if (answer.ok) made.push({ start, answeredAt, title });
        else errors.push(answer.error?.message ?? JSON.stringify(answer));
        await sleep(start + between(PACE) - performance.now());
      }
      return { number: e.number, made, answered, errors };
    });
    const notes = [];
    const noteErrors = [];
    const sending = phones.map(async (cookie, p) => {
      for (let i = 0; i < NOTES && editing; i++) {
        await sleep(between([1500, 4500]));
        const id = crypto.randomUUID();
        const start = performance.now();
        const r = await request(`${room.phones}/notes`, { method: "POST", headers: { cookie }, body: { id, text: `Note ${i} of phone ${p}` } });
        if (r.status === 201) notes.push(performance.now() - start);
        else noteErrors.push(`${r.status} ${r.body}`);
      }
    });
    const results = await Promise.all(done);
    editing = false;
    await Promise.all(sending);
    const runSeconds = (performance.now() - runStart) / 1000;

    // Each editor's applied edits are told in the order they were written, one `change` each:
    // the n-th change by editor k that a stream brings is k's n-th edit. A new title must be in it.
    const expected = (k) => results[k].made.length;
    for (let t = 0; t < 100 && !seen.every((s, m) => results.every((r, k) => k === m || (s.get(r.number)?.length ?? 0) >= expected(k))); t++) await sleep(50);
    const shown = [];
    const afterAnswer = []; // the fan-out alone: the other stream's event against the edit's own answer
    let missing = 0;
    let unmatched = 0;
    seen.forEach((s, m) =>
      results.forEach((r, k) => {
        if (k === m) return;
        const got = s.get(r.number) ?? [];
        r.made.forEach((edit, n) => {
          if (!got[n]) return void missing++;
          if (edit.title && !got[n][1].has(edit.title)) unmatched++;
          shown.push(got[n][0] - edit.start);
          afterAnswer.push(got[n][0] - edit.answeredAt);
        });
      }),
    );
    const rssAfter = rss(room.proc);
    for (const s of [...streams, ...phoneStreams]) s.stop();
    editors.forEach((e) => e.close());
    return {
      size,
      answered: results.flatMap((r) => r.answered),
      made: results.reduce((n, r) => n + r.made.length, 0),
      errors: results.flatMap((r) => r.errors),
      shown,
      afterAnswer,
      missing,
      unmatched,
      reloads,
      notes,
      noteErrors,
      runSeconds,
      rssBefore,
      rssAfter,
    };
  } finally {
    await room.stop();
  }
}

// ---- 2. The editor page's first load in bytes -------------------------------------------------
/** The page and each asset it names (the style's fonts, a script's chunks), with and without gzip. */
async function pageSize(link) {
  const files = { identity: {}, gzip: {} };
  const encodings = new Set();
  const fetchAll = async (path, names) => {
    if (path in files.identity || names.includes(path)) return;
    for (const [kind, headers] of [["identity", {}], ["gzip", { "accept-encoding": "gzip" }]]) {
      const r = await request(`${link}/${path}`, { headers });
      // A name found in a script may be any string that looks like a file: only the page must be there.
      if (r.status !== 200 && path === "") throw new Error(`editor page: ${r.status}`);
      if (r.status !== 200) return;
      files[kind][path] = r.body;
      if (r.headers["content-encoding"]) encodings.add(r.headers["content-encoding"]);
    }
    if (path) names.push(path);
    const text = files.identity[path].toString("utf8");
    const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
    const named = new Set();
    for (const [, ref] of text.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)) named.add(ref);
    for (const [, ref] of text.matchAll(/url\(["']?\.\/([^)"']+)["']?\)/g)) named.add(folder + ref);
    for (const [, ref] of text.matchAll(/["']\.\/([\w.-]+\.(?:js|css))["']/g)) named.add(folder + ref);
    for (const ref of named) await fetchAll(ref, names);
  };
  const names = [];
  await fetchAll("", names);
  const sum = (kind, pick) => Object.entries(files[kind]).filter(([p]) => pick(p)).reduce((n, [, b]) => n + b.length, 0);
  const first = (p) => !/\.(ttf|woff2?|otf)$/.test(p);
  const all = () => true;
  return {
    firstIdentity: sum("identity", first),
    firstGzip: sum("gzip", first),
    allIdentity: sum("identity", all),
    allGzip: sum("gzip", all),
    // What gzip would make of them, were the server to compress (it does not, when `encodings` is empty).
    firstIfGzipped: Object.entries(files.identity).filter(([p]) => first(p)).reduce((n, [, b]) => n + gzipSync(b).length, 0),
    fonts: names.filter((p) => !first(p)).length,
    files: names.length + 1,
    encodings: [...encodings],
  };
}

// ---- 3. A 1,000-card journey in Chromium --------------------------------------------------------
async function bigBoard() {
  const { db, doc } = bikes("big-board");
  const journey = doc();
  const cells = journey.phases.flatMap((p) => journey.rows.filter((r) => r.kind === "cards").map((r) => [p.id, r.id]));
  const onBoard = journey.cards.filter((c) => cells.some(([, row]) => row === c.row)).length;
  const lines = [];
  for (let i = 0; onBoard + i < BOARD_CARDS; i++) {
    const [phase, row] = cells[i % cells.length];
    lines.push(JSON.stringify({ type: "addCard", phase, row, title: `Touchpoint ${i}: compares delivery options` }));
  }
  const buildStart = performance.now();
  cli(["--db", db, "edit", "Bikes", "-"], `${lines.join("\n")}\n`);
  const buildSeconds = (performance.now() - buildStart) / 1000;
  const room = await openRoom(db);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  try {
    const loads = [];
    const errors = [];
    let fetched = null;
    for (let run = 0; run < LOADS; run++) {
      // A fresh context each time: a laptop opening the link for the first time (nothing cached).
      const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(e.message));
      const responses = [];
      page.on("requestfinished", (r) => responses.push(r.sizes().then((s) => [new URL(r.url()).pathname, s.responseBodySize + s.responseHeadersSize])));
      await page.goto(`${room.editors}/`, { waitUntil: "commit" });
      // The page's own clock starts at navigation: the moment every card is on the board.
      const shown = await page.waitForFunction(
        (count) => document.querySelectorAll(".board .card").length >= count && performance.now(),
        BOARD_CARDS,
        { polling: "raf", timeout: 60_000 },
      );
      loads.push(await shown.jsonValue());
      if (run === 0) {
        // The fonts the board's text uses come after its first layout.
        await page.evaluate(() => document.fonts.ready.then(() => true));
        const sizes = await Promise.all(responses);
        const assets = sizes.filter(([path]) => path.includes("/assets/")).map(([path, b]) => `${path.split("/").pop()} ${kb(b)}`);
        fetched = { bytes: sizes.reduce((n, [, b]) => n + b, 0), requests: sizes.length, assets };
      }
      await context.close();
    }
    return { loads, errors, fetched, buildSeconds, added: lines.length };
  } finally {
    await browser.close();
    await room.stop();
  }
}

// ---- 4. Memory per connected editor ----------------------------------------------------------
async function memory() {
  const { db } = bikes("memory");
  const room = await openRoom(db);
  try {
    const settle = async () => {
      await sleep(1000);
      const xs = [];
      for (let i = 0; i < 5; i++, await sleep(100)) xs.push(rss(room.proc));
      return quantile(xs, 0.5);
    };
    const none = await settle();
    const editors = [];
    const streams = [];
    for (let i = 0; i < MOST_EDITORS; i++) {
      const e = await newEditor(room.editors);
      let first;
      const told = new Promise((resolve) => (first = resolve));
      streams.push(await stream(`${room.editors}/events`, e.headers, () => first()));
      await told;
      editors.push(e);
    }
    const full = await settle();
    const oneMore = (await request(`${room.editors}/`)).status;
    for (const s of streams) s.stop();
    editors.forEach((e) => e.close());
    const left = await settle();
    return { none, full, left, oneMore };
  } finally {
    await room.stop();
  }
}

const load = () => readFileSync("/proc/loadavg", "utf8").split(" ")[0];
const loadBefore = load();
const started = performance.now();
const co = await coEditing();
const board = await bigBoard();
const mem = await memory();
const seconds = (performance.now() - started) / 1000;
const loadAfter = load();
clearTimeout(deadline);

const { size } = co;
const p99Shown = quantile(co.shown, 0.99);
const met = p99Shown <= GOAL_MS && co.missing === 0;
const mb = (b) => `${(b / 1048576).toFixed(1)} MB`;
const perEditor = (mem.full - mem.none) / MOST_EDITORS;
const compressed = size.encodings.length
  ? `${kb(size.firstGzip)} with \`Accept-Encoding: gzip\` (${size.encodings.join(", ")})`
  : `the same with \`Accept-Encoding: gzip\`: the server does not compress (gzip would make it ${kb(size.firstIfGzipped)})`;
const lines = [
  "## Co-editors (loopback)",
  "",
  `\`node tests/bench/editors-bench.mjs\` — \`journeywall room Bikes --bind 127.0.0.1 --port 0 --editors\`, ${build} build${skipped}. ` +
    `${EDITORS} editors (plain HTTP clients calling as the editor page does) each make ${EDITS} edits, one every ${PACE[0]}–${PACE[1]} ms ` +
    `(two title changes, then a move: \`updateCard\`, \`moveCard\`), each holding its event stream, while ${PHONES} phones (each holding its stream) ` +
    `send ${co.notes.length + co.noteErrors.length} notes; ${co.made} edits applied in ${co.runSeconds.toFixed(0)} s. ` +
    `"Shown" is the \`change\` event each OTHER editor's stream brings (the n-th change by an editor is their n-th edit; a new title must be in it), ` +
    `${co.shown.length} of ${co.made * (EDITORS - 1)} seen. Whole run: ${seconds.toFixed(0)} s; load average ${loadBefore} before, ${loadAfter} after, ` +
    "on a machine shared with other work: the tails move with it.",
  "",
  "| Figure | Value | Produced by |",
  "|---|---|---|",
  `| edit → answered (on disk), median | ${ms(quantile(co.answered, 0.5))} | \`POST …/e/TOKEN/rpc\` \`{"cmd":"apply_edit",…}\` |`,
  `| edit → answered (on disk), p99 | ${ms(quantile(co.answered, 0.99))} | same |`,
  `| edit → shown to the other editors, median | ${ms(quantile(co.shown, 0.5))} | \`GET …/e/TOKEN/events\`, \`event: change\` |`,
  `| edit → shown to the other editors, p99 | ${ms(p99Shown)} | same |`,
  `| of which after the edit's own answer, p99 | ${ms(quantile(co.afterAnswer, 0.99))} | the same event against the answer to the editor who made it |`,
  `| note → answered during the editing, p99 | ${ms(quantile(co.notes, 0.99))} | \`POST …/r/TOKEN/notes\` |`,
  `| editor page, first load: HTML + script + style | ${kb(size.firstIdentity)}; ${compressed} | \`GET …/e/TOKEN/\` and the \`./assets/…\` it names |`,
  `| … with the ${size.fonts} font faces the style names | ${kb(size.allIdentity)}${size.encodings.length ? `; ${kb(size.allGzip)} gzip` : ""} | the style's \`url(./…)\` |`,
  `| … what Chromium fetched on a cold load of the ${BOARD_CARDS}-card board | ${kb(board.fetched.bytes)} in ${board.fetched.requests} requests (headers included) | Chromium, \`requestfinished\` sizes |`,
  `| ${BOARD_CARDS}-card board, navigation → every card shown, median of ${LOADS} | ${ms(quantile(board.loads, 0.5))} | headless Chromium → \`…/e/TOKEN/\` until \`.board .card\` × ${BOARD_CARDS} |`,
  `| room memory, 0 editors → ${MOST_EDITORS} editors each holding a stream | ${mb(mem.none)} → ${mb(mem.full)} (${mb(mem.left)} once they left) | VmRSS in \`/proc/PID/status\` |`,
  `| memory per connected editor | ${kb(perEditor)} | (difference) / ${MOST_EDITORS} |`,
  "",
  `Goal: an edit shown on every other editor's board within ${GOAL_MS} ms (p99 of edit → shown, on the ${build} build): ` +
    `**${met ? "met" : "not met"}** (${ms(p99Shown)}${co.missing ? `; ${co.missing} edits never reached another editor` : ""}).`,
  "",
  `Loads: ${board.loads.map((x) => x.toFixed(0)).join(", ")} ms (${board.added} \`addCard\` lines through \`journeywall edit Bikes -\` in ${board.buildSeconds.toFixed(1)} s made the board). ` +
    `Refused edits: ${co.errors.length}${co.errors.length ? ` (first: ${co.errors[0]})` : ""}; refused notes: ${co.noteErrors.length}; ` +
    `\`reload\` events: ${co.reloads}; changes without their new title: ${co.unmatched}; page errors in Chromium: ${board.errors.length}; ` +
    `a ${MOST_EDITORS + 1}st editor's page: ${mem.oneMore}. Chromium's cold load fetched ${board.fetched.assets.join(", ")}, besides the page and its calls. Room memory across the ${co.made} edits: ${mb(co.rssBefore)} → ${mb(co.rssAfter)}.`,
  "",
];
writeFileSync(out, lines.join("\n"));
console.log(lines.join("\n"));
