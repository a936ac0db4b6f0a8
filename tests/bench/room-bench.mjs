// The room under load, on loopback only: `journeywall room … --bind 127.0.0.1` with 30 phones
// (plain HTTP clients) sending 10 notes each at once, three rounds. Reports the time from a
// phone's POST to its answer (the answer comes after the note is committed to disk) and the phone
// page's transferred size.
// Writes one Markdown section to the file named on the command line. Bounded: 900 notes, and the
// server is stopped at the end.
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

const root = join(fileURLToPath(import.meta.url), "..", "..", "..");
// The release build, the one users run (`make bench` builds it); JOURNEYWALL_BIN for another.
const BUILD = process.env.JOURNEYWALL_BIN ? "given" : "release";
const APP = process.env.JOURNEYWALL_BIN ?? join(root, "target", "release", "journeywall");
const out = process.argv[2] ?? "room-bench.md";
const PHONES = 30;
const NOTES = 10;
const ROUNDS = 3;

const dir = mkdtempSync(join(tmpdir(), "jw-room-bench-"));
const db = join(dir, "journeywall.db");
execFileSync(APP, ["--db", db, "new", "--template", "online-en", "--name", "Bench"]);
const server = spawn(APP, ["--db", db, "room", "Bench", "--bind", "127.0.0.1", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const link = await new Promise((resolve) => createInterface({ input: server.stdout }).once("line", resolve));

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const ms = (x) => `${x.toFixed(1)} ms`;

try {
  // The page as a phone loads it: HTML, script, style.
  const page = await fetch(link);
  let transferred = (await page.arrayBuffer()).byteLength;
  for (const asset of ["phone.js", "phone.css"]) transferred += (await (await fetch(`${link}/${asset}`)).arrayBuffer()).byteLength;

  const phones = [];
  for (let i = 0; i < PHONES; i++) {
    const r = await fetch(link);
    await r.arrayBuffer();
    const cookie = r.headers.get("set-cookie").split(";")[0];
    await fetch(`${link}/name`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ name: `P${i}` }) });
    phones.push(cookie);
  }

  const posts = [];
  let n = 0;
  for (let round = 0; round < ROUNDS; round++) {
    await Promise.all(
      phones.map(async (cookie, p) => {
        for (let i = 0; i < NOTES; i++) {
          const id = `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, "0")}`;
          const start = performance.now();
          const r = await fetch(`${link}/notes`, {
            method: "POST",
            headers: { cookie, "content-type": "application/json" },
            body: JSON.stringify({ id, text: `note ${i} of phone ${p}` }),
          });
          await r.arrayBuffer();
          const end = performance.now();
          if (r.status !== 201) throw new Error(`note ${id}: ${r.status}`);
          posts.push(end - start);
        }
      }),
    );
    // A phone may make 20 requests a second: the next round waits for the next second.
    await new Promise((r) => setTimeout(r, 1100));
  }

  const stored = JSON.parse(execFileSync(APP, ["--db", db, "show", "Bench", "--json"], { maxBuffer: 64 << 20 }).toString()).inbox.length;
  const lines = [
    "## The room: 30 phones sending at once (loopback)",
    "",
    `\`node tests/bench/room-bench.mjs\` — \`journeywall room --bind 127.0.0.1\` (${BUILD} build: ${APP.replace(root + "/", "")}), ${PHONES} phones × ${NOTES} notes at once, ${ROUNDS} rounds; ${stored} notes stored of ${PHONES * NOTES * ROUNDS} sent.`,
    "",
    "| Figure | Median | p99 | Goal |",
    "|---|---|---|---|",
    `| POST of a note → answered, note on disk | ${ms(quantile(posts, 0.5))} | ${ms(quantile(posts, 0.99))} | p99 ≤ 50 ms |`,
    `| Phone page transferred (HTML + script + style, uncompressed) | ${(transferred / 1024).toFixed(1)} KB | | < 100 KB |`,
    "",
  ];
  writeFileSync(out, lines.join("\n"));
  console.log(lines.join("\n"));
} finally {
  server.kill("SIGTERM");
}
