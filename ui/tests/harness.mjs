// Fast UI tests: the built UI (ui/dist) served from a tiny static server and opened in Debian's
// headless Chromium through playwright-core. Tauri's IPC is mocked (mockIPC from
// @tauri-apps/api/mocks), and every core request goes to the real core: one `journeywall rpc`
// process per test file, on a fresh database for each page. Only the shell commands (dialogs,
// menu, windows) are answered in the page (shell.js).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
const dist = join(here, "..", "dist");
const templatesDir = join(here, "..", "..", "src-tauri", "core", "templates");
const binary = process.env.JOURNEYWALL_BIN ?? join(here, "..", "..", "target", "debug", "journeywall");
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".ttf": "font/ttf" };

function serve() {
  if (!existsSync(join(dist, "index.html"))) throw new Error("ui/dist is missing: run `npm run build` in ui/ first");
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    const file = join(dist, path === "/" ? "index.html" : path);
    if (!file.startsWith(dist) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The real core: requests go out one a line and are answered one a line, in order. */
export function startCore(dir) {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run \`cargo build -p journeywall\` first`);
  const proc = spawn(binary, ["--db", join(dir, "first.db"), "rpc"], {
    // The system language the tests assume; each test that wants Dutch chooses it.
    // Its log goes beside the test database, not into the home folder.
    env: { ...process.env, LANG: "en_GB.UTF-8", LC_ALL: "", LC_MESSAGES: "", LANGUAGE: "", JOURNEYWALL_LOG_DIR: join(dir, "logs") },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const waiting = [];
  createInterface({ input: proc.stdout }).on("line", (line) => waiting.shift()?.resolve(JSON.parse(line)));
  proc.on("exit", (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`journeywall rpc stopped (exit ${code})`));
  });
  return {
    request(message) {
      return new Promise((resolve, reject) => {
        waiting.push({ resolve, reject });
        proc.stdin.write(`${JSON.stringify(message)}\n`);
      });
    },
    async call(message) {
      const answer = await this.request(message);
      if (answer.error) throw new Error(`${message.cmd}: ${answer.error.message}`);
      return answer.ok;
    },
    close() {
      proc.stdin.end();
    },
  };
}

/** A template file as the core ships it. */
export function template(id) {
  return JSON.parse(readFileSync(join(templatesDir, `${id}.json`), "utf8"));
}

const mocks = readFileSync(join(here, "..", "node_modules", "@tauri-apps", "api", "mocks.js"), "utf8").replace(/^export .*$/m, "");
const shell = readFileSync(join(here, "shell.js"), "utf8");

/**
 * Starts the server, the browser and the core once for a test file. `open(state)` gives a fresh
 * page on a fresh database holding `state.journeys` (journey files, imported as a user would; the
 * page's `docs` are them as stored, with their new ids), in `state.locale`; with `state.openError`
 * the database is a file Journeywall refuses. `state.picture`, `pictureRefusal`, `saveCancelled`
 * and `importFile` ({ name, content: Buffer }) stand for what the user picks in a native dialog.
 */
export { binary };

export async function startUi() {
  const dir = mkdtempSync(join(tmpdir(), "journeywall-ui-"));
  const core = startCore(dir);
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  let pages = 0;
  return {
    core,
    async open(state = {}, { width = 1920, height = 1200 } = {}) {
      const db = join(dir, `page-${++pages}.db`);
      if (state.openError) writeFileSync(db, "workshop notes, not a database\n");
      await core.call({ open: db });
      if (state.locale && !state.openError) await core.call({ cmd: "set_language", locale: state.locale });
      const docs = [];
      for (const doc of state.journeys ?? []) {
        const content = [...Buffer.from(JSON.stringify(doc))];
        const { journey } = await core.call({ cmd: "import_journey", fileName: "journey.json", content });
        docs.push((await core.call({ cmd: "open_journey", journey })).doc);
      }
      const page = await browser.newPage({ viewport: { width, height } });
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.exposeBinding("__rpc", (_, request) => core.request(request));
      const importFile = state.importFile && { name: state.importFile.name, content: [...state.importFile.content] };
      const options = { picture: state.picture, pictureRefusal: state.pictureRefusal, saveCancelled: state.saveCancelled, importFile };
      await page.addInitScript(`${mocks}\n${shell}\ninstallBackend(${JSON.stringify(options)}, mockIPC);\nmockWindows("main");`);
      await page.goto(url);
      page.errors = errors;
      page.docs = docs;
      page.db = db;
      return page;
    },
    async close() {
      await browser.close();
      server.close();
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What the page asked of the backend, in order: [{ cmd, args }]. */
export function calls(page) {
  return page.evaluate(() => window.__shell.calls);
}

/**
 * The texts of `locator`'s elements once they read `expected` (or, after `timeout` ms, whatever
 * they read then): an edit's answer comes from the real core, so what it changes shows a moment later.
 */
export async function settledTexts(locator, expected, timeout = 5000) {
  const until = Date.now() + timeout;
  for (;;) {
    const texts = await locator.allInnerTexts();
    if (JSON.stringify(texts) === JSON.stringify(expected) || Date.now() > until) return texts;
    await new Promise((r) => setTimeout(r, 50));
  }
}
