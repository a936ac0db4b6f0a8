// The room under load, on loopback only: `journeywall room … --bind 127.0.0.1`, measured on the
// release build users run and, side by side in the same run, on the debug build the tests use.
// 1. 30 phones (plain HTTP clients) send 10 notes each at once, three rounds: POST → answered
//    (the answer comes after the note is on disk).
// 2. 200 phones join (as fast as the room lets new phones in), a vote is started by another
//    program on the same file, and all 200 give a dot at once: dot → answered, and dot → the
//    change event a watching client gets (what tells the laptop's board and the phones to show it).
// 3. All 200 fetch what they show (`GET …/journey`) at once.
// Writes one Markdown section to the file named on the command line. Bounded: 900 notes, 200
// phones, 200 dots, 200 views per build; every server is stopped at the end.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import http from "node:http";

const root = join(fileURLToPath(import.meta.url), "..", "..", "..");
const out = process.argv[2] ?? "room-bench.md";
const BUILDS = [
  ["release", process.env.JOURNEYWALL_BIN ?? join(root, "target", "release", "journeywall")],
  ["debug", join(root, "target", "debug", "journeywall")],
].filter(([, app]) => existsSync(app));
const PHONES = 30;
const NOTES = 10;
const ROUNDS = 3;
const VOTERS = 200;

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => (x === undefined ? "–" : `${x.toFixed(1)} ms`);
const sleep = (t) => new Promise((r) => setTimeout(r, t));
// One connection per request, as many phones make theirs: no pooled keep-alive between clients.
const agent = new http.Agent({ keepAlive: false, maxSockets: 1000 });

/** A request as a phone makes it; resolves with its status and body. */
function request(url, { method = "GET", cookie, body } = {}) {
  return new Promise((resolve, reject) => {
    const headers = { ...(cookie ? { cookie } : {}), ...(body ? { "content-type": "application/json" } : {}) };
    const r = http.request(url, { method, headers, agent }, (res) => {
      let text = "";
      res.on("data", (c) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    r.on("error", reject);
    r.end(body ? JSON.stringify(body) : undefined);
  });
}

/** Opens the page until the room lets this phone in (it lets new phones in at a bounded rate). */
async function newPhone(link, name) {
  for (;;) {
    const page = await request(link);
    if (page.status === 200) {
      const cookie = page.headers["set-cookie"][0].split(";")[0];
      await request(`${link}/name`, { method: "POST", cookie, body: { name } });
      return cookie;
    }
    if (page.status !== 503) throw new Error(`page: ${page.status}`);
    await sleep(Number(page.headers["retry-after"] ?? 1) * 1000);
  }
}

/** The times (performance.now) at which a joined phone's event stream brings a change. */
function watch(link, cookie) {
  const changes = [];
  const r = http.get(`${link}/events`, { headers: { cookie } }, (res) => {
    res.on("data", (c) => {
      if (String(c).includes("event: change")) changes.push(performance.now());
    });
  });
  r.on("error", () => {});
  return { changes, stop: () => r.destroy() };
}

async function run(app) {
  const dir = mkdtempSync(join(tmpdir(), "jw-room-bench-"));
  const db = join(dir, "journeywall.db");
  execFileSync(app, ["--db", db, "new", "--template", "online-en", "--name", "Bench"]);
  const server = spawn(app, ["--db", db, "room", "Bench", "--bind", "127.0.0.1", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const link = await new Promise((resolve) => createInterface({ input: server.stdout }).once("line", resolve));
  try {
    // The page as a phone loads it: HTML, script, style.
    let transferred = (await request(link)).text.length;
    for (const asset of ["phone.js", "phone.css"]) transferred += (await request(`${link}/${asset}`)).text.length;

    // 1. Notes.
    const phones = [];
    for (let i = 0; i < PHONES; i++) phones.push(await newPhone(link, `P${i}`));
    const posts = [];
    let n = 0;
    for (let round = 0; round < ROUNDS; round++) {
      await Promise.all(
        phones.map(async (cookie, p) => {
          for (let i = 0; i < NOTES; i++) {
            const id = `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, "0")}`;
            const start = performance.now();
            const r = await request(`${link}/notes`, { method: "POST", cookie, body: { id, text: `note ${i} of phone ${p}` } });
            if (r.status !== 201) throw new Error(`note ${id}: ${r.status} ${r.text}`);
            posts.push(performance.now() - start);
          }
        }),
      );
      // A phone may make 20 requests a second: the next round waits for the next second.
      await sleep(1100);
    }
    const stored = JSON.parse(execFileSync(app, ["--db", db, "show", "Bench", "--json"], { maxBuffer: 64 << 20 }).toString()).inbox.length;

    // 2. 200 phones and a vote.
    const joinStart = performance.now();
    while (phones.length < VOTERS) phones.push(await newPhone(link, `P${phones.length}`));
    const joinSeconds = (performance.now() - joinStart) / 1000;
    execFileSync(app, ["--db", db, "edit", "Bench", JSON.stringify({ type: "startVote", dotsPerParticipant: 3 })]);
    let view;
    for (let t = 0; t < 100; t++) {
      view = JSON.parse((await request(`${link}/journey`, { cookie: phones[0] })).text);
      if (view.vote) break;
      await sleep(100);
    }
    if (!view.vote) throw new Error("the room did not see the vote start");
    const cards = view.vote.cards.map((c) => c.id);
    const watcher = watch(link, phones[0]);
    await sleep(600); // past the stream's first event and its pacing interval
    const dots = [];
    const shown = [];
    await Promise.all(
      phones.map(async (cookie, p) => {
        const start = performance.now();
        const r = await request(`${link}/dots`, { method: "POST", cookie, body: { card: cards[p % cards.length], give: true } });
        if (r.status !== 200) throw new Error(`dot: ${r.status} ${r.text}`);
        const answered = performance.now();
        dots.push(answered - start);
        for (let t = 0; t < 100 && !watcher.changes.some((c) => c >= answered); t++) await sleep(20);
        const change = watcher.changes.find((c) => c >= answered);
        if (change !== undefined) shown.push(change - start);
      }),
    );
    watcher.stop();

    // 3. What 200 phones show, fetched at once.
    const views = [];
    await Promise.all(
      phones.map(async (cookie) => {
        const start = performance.now();
        const r = await request(`${link}/journey`, { cookie });
        if (r.status !== 200) throw new Error(`view: ${r.status}`);
        views.push(performance.now() - start);
      }),
    );
    return { posts, stored, transferred, joinSeconds, dots, shown, views };
  } finally {
    server.kill("SIGTERM");
  }
}

const results = [];
for (const [build, app] of BUILDS) results.push([build, app, await run(app)]);
const cell = (f) => results.map(([, , r]) => f(r)).join(" | ");
const lines = [
  "## The room under load (loopback)",
  "",
  `\`node tests/bench/room-bench.mjs\` — \`journeywall room --bind 127.0.0.1\`, ${results.map(([b, app]) => `${b}: ${app.replace(root + "/", "")}`).join(", ")}. ` +
    `${PHONES} phones × ${NOTES} notes at once, ${ROUNDS} rounds (${cell((r) => `${r.stored} of ${PHONES * NOTES * ROUNDS}`)} stored); ` +
    `then ${VOTERS} phones (joined in ${cell((r) => `${r.joinSeconds.toFixed(0)} s`)}: new phones come in 40 at once, then 4 a second) each give a dot at once, ` +
    "and fetch their view at once. \"Shown\" is the change event a watching phone's stream brings: the same notice that makes the laptop's board show the dot.",
  "",
  `| Figure | ${results.map(([b]) => b).join(" | ")} | Goal |`,
  `|---|${results.map(() => "---").join("|")}|---|`,
  `| note POST → on disk, median | ${cell((r) => ms(quantile(r.posts, 0.5)))} | |`,
  `| note POST → on disk, p99 | ${cell((r) => ms(quantile(r.posts, 0.99)))} | ≤ 50 ms (release) |`,
  `| dot → answered, p99 (200 at once) | ${cell((r) => ms(quantile(r.dots, 0.99)))} | |`,
  `| dot → shown, p99 (200 at once) | ${cell((r) => ms(quantile(r.shown, 0.99)))} | |`,
  `| \`GET …/journey\` at 200 phones, median | ${cell((r) => ms(quantile(r.views, 0.5)))} | |`,
  `| \`GET …/journey\` at 200 phones, p99 | ${cell((r) => ms(quantile(r.views, 0.99)))} | |`,
  `| phone page transferred (HTML + script + style, uncompressed) | ${cell((r) => `${(r.transferred / 1024).toFixed(1)} KB`)} | < 100 KB |`,
  "",
];
writeFileSync(out, lines.join("\n"));
console.log(lines.join("\n"));
