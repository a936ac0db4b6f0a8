// A small W3C WebDriver client (Node's fetch, no dependencies) for driving the built app through
// tauri-driver and WebKitWebDriver, plus the set-up every end-to-end test needs.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const APP = join(root, "target", "debug", "journeywall");
export const SHOTS = join(root, "target", "e2e");
// The app and the CLI these tests start write their log into a folder of the run's, not the
// user's (an explicit JOURNEYWALL_LOG_DIR is kept).
process.env.JOURNEYWALL_LOG_DIR ??= mkdtempSync(join(tmpdir(), "jw-e2e-log-"));
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts tauri-driver on a free-ish port and waits until it answers. The app it starts inherits
 * `env` (e.g. LANG), so each test that needs its own environment starts its own driver.
 */
export async function startDriver(env = {}) {
  // A driver that does not come up (its random port taken, a slow start on a busy machine) is
  // stopped and another one started on another port, rather than failing the test it serves.
  let why = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const started = await startDriverOnce(env);
    if (started.base) return started;
    why = started.why;
  }
  throw new Error(`tauri-driver did not start, three times: ${why}`);
}

async function startDriverOnce(env) {
  const port = 4444 + Math.floor(Math.random() * 400) * 2;
  mkdirSync(SHOTS, { recursive: true });
  const log = join(SHOTS, `tauri-driver-${port}.log`);
  // Its own process group, and its output to a file: the driver starts WebKitWebDriver and the
  // app, and stopping must take them all down; a pipe they inherit would keep the test alive.
  const driver = spawn("tauri-driver", ["--port", String(port), "--native-port", String(port + 1), "--native-driver", "/usr/bin/WebKitWebDriver"], {
    stdio: ["ignore", openSync(log, "w"), openSync(log, "a")],
    // A home of its own for the app's web storage, window place and caches: every test starts as
    // a first run, whatever an earlier run or the developer's own use left behind.
    // The language is the one the test names, whatever the machine sets around LANG.
    env: { ...process.env, ...freshHome(), LC_ALL: "", LC_MESSAGES: "", LANGUAGE: "", ...env },
    detached: true,
  });
  let exited = false;
  driver.on("exit", () => (exited = true));
  const stop = async () => {
    for (const signal of ["SIGTERM", "SIGKILL"]) {
      try {
        process.kill(-driver.pid, signal);
      } catch {
        return; // the group is gone
      }
      await sleep(300);
    }
  };
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200 && !exited; i++) {
    try {
      const r = await fetch(`${base}/status`);
      if (r.ok) return { base, stop, pid: driver.pid };
    } catch {
      /* not up yet */
    }
    await sleep(100);
  }
  await stop();
  return { why: `port ${port}, ${exited ? "exited" : "no answer in 20 s"}: ${readFileSync(log, "utf8")}` };
}

function freshHome() {
  const home = mkdtempSync(join(tmpdir(), "jw-home-"));
  return { XDG_DATA_HOME: join(home, "data"), XDG_CONFIG_HOME: join(home, "config"), XDG_CACHE_HOME: join(home, "cache") };
}

/** A fresh temporary database path (the folder is new, the file does not exist yet). */
export function freshDatabase() {
  return join(mkdtempSync(join(tmpdir(), "jw-e2e-")), "journeywall.db");
}

export class Session {
  /** Starts the app on the database `db` (passed as `--db`, as a user would), or another binary. */
  static async start(base, db, application = APP) {
    const args = db ? ["--db", db] : [];
    const r = await call(base, "POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application, args } } },
    });
    return new Session(base, r.sessionId);
  }

  constructor(base, id) {
    this.base = base;
    this.id = id;
  }

  cmd(method, path, body) {
    return call(this.base, method, `/session/${this.id}${path}`, body);
  }

  async find(css) {
    const r = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return new Element(this, r[ELEMENT]);
  }

  async findAll(css) {
    const r = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return r.map((e) => new Element(this, e[ELEMENT]));
  }

  /**
   * Clicks the element matching `css` (and `text`) once it exists. A click that fails because the
   * UI re-rendered the element in between (WebKit then reports a stale or moving element) is
   * retried on the element found afresh. `nth` picks that match (counted from 0) instead of the first.
   */
  async clickOn(css, { text, nth, timeout = 10_000 } = {}) {
    const until = Date.now() + timeout;
    for (;;) {
      const first = await this.waitFor(css, { text, timeout: Math.max(1, until - Date.now()) });
      const el = nth === undefined ? first : (await this.findAll(css)).at(nth);
      try {
        if (!el) throw new Error(`there is no ${css} number ${nth}`);
        return await el.click();
      } catch (e) {
        if (Date.now() > until) throw e;
        // A control at the edge of a scrolled panel (WebKit refuses the click, saying nothing):
        // brought to the middle of its scroller, as a person would scroll to it, then clicked again.
        if (el) await this.execute("arguments[0].scrollIntoView({ block: 'center', inline: 'nearest' });", [{ [ELEMENT]: el.id }]).catch(() => undefined);
        await sleep(150);
      }
    }
  }

  /** Waits until an element matching `css` (and containing `text`, if given) exists. */
  async waitFor(css, { text, timeout = 10_000 } = {}) {
    const until = Date.now() + timeout;
    let last;
    while (Date.now() < until) {
      try {
        for (const el of await this.findAll(css)) {
          if (text === undefined || (await el.text()).includes(text)) return el;
        }
      } catch (e) {
        last = e;
      }
      await sleep(100);
    }
    const shot = await this.screenshot(`failed-${css.replace(/\W+/g, "_")}`).catch(() => "no screenshot");
    throw new Error(`timed out waiting for ${css}${text ? ` with “${text}”` : ""} (see ${shot})${last ? `: ${last.message}` : ""}`);
  }

  /** Waits until no element matches `css` (with `text`, none that shows it): a dialog closed, a list item removed. */
  async waitGone(css, { text, timeout = 10_000 } = {}) {
    const until = Date.now() + timeout;
    while (Date.now() < until) {
      const shown = await this.findAll(css).catch(() => []);
      const texts = text === undefined ? shown : (await Promise.all(shown.map((el) => el.text().catch(() => "")))).filter((t) => t.includes(text));
      if (texts.length === 0) return;
      await sleep(100);
    }
    throw new Error(`${css}${text ? ` with “${text}”` : ""} is still there`);
  }

  execute(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  title() {
    return this.cmd("GET", "/title");
  }

  /** The window's title once it reads `expected` (the app sets it a moment after the board shows), or what it reads at the timeout. */
  async titleOnce(expected, timeout = 5000) {
    const until = Date.now() + timeout;
    for (;;) {
      const title = await this.title();
      if (title === expected || Date.now() > until) return title;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async screenshot(name) {
    const png = await this.cmd("GET", "/screenshot");
    mkdirSync(SHOTS, { recursive: true });
    const file = join(SHOTS, `${name}.png`);
    writeFileSync(file, Buffer.from(png, "base64"));
    return file;
  }

  /** Pointer drag from one element to another, in explicit steps (WebKit sends one move per step). */
  async drag(from, to, { steps = 8 } = {}) {
    const a = await from.rect();
    const b = await to.rect();
    const start = { x: Math.round(a.x + a.width / 2), y: Math.round(a.y + a.height / 2) };
    const end = { x: Math.round(b.x + b.width / 2), y: Math.round(b.y + Math.min(b.height / 2, 30)) };
    const moves = Array.from({ length: steps }, (_, i) => ({
      type: "pointerMove",
      duration: 20,
      x: Math.round(start.x + ((end.x - start.x) * (i + 1)) / steps),
      y: Math.round(start.y + ((end.y - start.y) * (i + 1)) / steps),
    }));
    await this.cmd("POST", "/actions", {
      actions: [
        {
          type: "pointer",
          id: "mouse",
          parameters: { pointerType: "mouse" },
          actions: [{ type: "pointerMove", duration: 0, ...start }, { type: "pointerDown", button: 0 }, { type: "pause", duration: 50 }, ...moves, { type: "pointerUp", button: 0 }],
        },
      ],
    });
    await this.cmd("DELETE", "/actions");
  }

  /** A real double-click through pointer actions, at the element's centre plus an offset. */
  async dblclick(el, { x = 0, y = 0 } = {}) {
    const click = [{ type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }];
    await this.cmd("POST", "/actions", {
      actions: [
        {
          type: "pointer",
          id: "mouse",
          parameters: { pointerType: "mouse" },
          actions: [{ type: "pointerMove", duration: 0, origin: { [ELEMENT]: el.id }, x, y }, ...click, { type: "pause", duration: 40 }, ...click],
        },
      ],
    });
    await this.cmd("DELETE", "/actions");
  }

  async keys(text) {
    const actions = [...text].flatMap((c) => [{ type: "keyDown", value: c }, { type: "keyUp", value: c }]);
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions }] });
  }

  /** Presses keys together (e.g. Control + z). */
  async chord(...keys) {
    const down = keys.map((k) => ({ type: "keyDown", value: k }));
    const up = [...keys].reverse().map((k) => ({ type: "keyUp", value: k }));
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "keyboard", actions: [...down, ...up] }] });
  }

  async quit() {
    try {
      await this.cmd("DELETE", "");
    } catch {
      /* the app may already be gone */
    }
  }
}

export const KEY = { enter: "\uE007", escape: "\uE00C", control: "\uE009", shift: "\uE008", f2: "\uE032", tab: "\uE004", right: "\uE014" };

class Element {
  constructor(session, id) {
    this.s = session;
    this.id = id;
  }
  click() {
    return this.s.cmd("POST", `/element/${this.id}/click`, {});
  }
  text() {
    return this.s.cmd("GET", `/element/${this.id}/text`);
  }
  rect() {
    return this.s.cmd("GET", `/element/${this.id}/rect`);
  }
  attribute(name) {
    return this.s.cmd("GET", `/element/${this.id}/attribute/${name}`);
  }
  type(text) {
    return this.s.cmd("POST", `/element/${this.id}/value`, { text });
  }
  clear() {
    return this.s.cmd("POST", `/element/${this.id}/clear`, {});
  }
}

/**
 * One WebDriver call. tauri-driver loses its kept-alive connection to WebKitWebDriver about once
 * in five sessions with pointer actions (a reset connection, or the driver's "Remote end closed
 * connection" answer) while the app runs on: such a call is sent again, a few times. Every call
 * we make is safe to repeat (a find, a click on an element found afresh, a whole action chain).
 */
async function call(base, method, path, body) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await callOnce(base, method, path, body);
    } catch (e) {
      // A new session is not sent twice: a second app would start beside the first.
      if (attempt >= 4 || path === "/session" || !dropped(e)) throw e;
      await sleep(200 * attempt);
    }
  }
}

const dropped = (e) => /ECONNRESET|socket hang up|other side closed|fetch failed|Remote end closed connection|Connection reset/i.test(`${e.message} ${e.cause?.message ?? ""} ${e.cause?.code ?? ""}`);

async function callOnce(base, method, path, body) {
  const r = await fetch(base + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A driver whose browser died never answers: fail the step instead of hanging the suite.
    signal: AbortSignal.timeout(60_000),
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error(`${method} ${path}: ${json.value?.message ?? r.status}`);
  return json.value;
}

/**
 * Runs `use(app)` with the built app on a database of its own (or `db`), started by a driver with
 * `env` (English unless told): `app.s` is the WebDriver session, `app.db` the database, and
 * `app.restart()` quits the app and starts it again on the same database. The session and the
 * driver are stopped however `use` ends.
 */
export async function withApp({ env = {}, db = freshDatabase() } = {}, use) {
  const driver = await startDriver({ LANG: "en_GB.UTF-8", ...env });
  const app = {
    db,
    s: null,
    async restart() {
      await app.s.quit();
      app.s = null;
      app.s = await Session.start(driver.base, db);
      return app.s;
    },
  };
  try {
    app.s = await Session.start(driver.base, db);
    return await use(app);
  } finally {
    await app.s?.quit();
    await driver.stop();
  }
}

/**
 * Runs `use({ s, browser })` with the built app showing its first journey with the room open
 * (opened from the room panel as the facilitator does), and headless Chromium for the other
 * devices in the room: phones, co-editors' laptops. Both end however `use` ends.
 */
export async function withOpenRoom(use) {
  const { chromium } = createRequire(join(root, "ui", "package.json"))("playwright-core");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    return await withApp({}, async (app) => {
      await app.s.clickOn(".journey-item");
      await app.s.waitFor(".card");
      await app.s.clickOn(".journey-header [data-action=room]");
      await app.s.clickOn(".room-panel button.primary", { text: "Open the room" });
      return use({ ...app, browser });
    });
  } finally {
    await browser.close();
  }
}
