// Fast UI tests: the built UI (ui/dist) served from a tiny static server, opened in Debian's
// headless Chromium through playwright-core, with the Tauri IPC replaced by an in-page fake
// backend (the official mockIPC from @tauri-apps/api/mocks plus fake-backend.js).
import { readFileSync, existsSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = fileURLToPath(new URL(".", import.meta.url));
const dist = join(here, "..", "dist");
const templatesDir = join(here, "..", "..", "src-tauri", "core", "templates");
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png" };

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

/** A template file as the backend would load it (ids as in the file). */
export function template(id) {
  return JSON.parse(readFileSync(join(templatesDir, `${id}.json`), "utf8"));
}

const mocks = readFileSync(join(here, "..", "node_modules", "@tauri-apps", "api", "mocks.js"), "utf8").replace(/^export .*$/m, "");
const fake = readFileSync(join(here, "fake-backend.js"), "utf8");

/**
 * Starts the server and the browser once for a test file. `open(state)` gives a fresh page whose
 * fake backend starts from `state` ({ journeys: [doc…], templates: [doc…], locale, openError }).
 */
export async function startUi() {
  const server = await serve();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    async open(state, { width = 1920, height = 1200 } = {}) {
      const page = await browser.newPage({ viewport: { width, height } });
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.addInitScript(`${mocks}\n${fake}\ninstallFakeBackend(${JSON.stringify(state)}, mockIPC);\nmockWindows("main");`);
      await page.goto(url);
      page.errors = errors;
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** What the fake backend was asked, in order: [{ cmd, args }]. */
export function calls(page) {
  return page.evaluate(() => window.__fake.calls);
}
