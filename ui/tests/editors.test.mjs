// Co-editors (issue 26): two people on other laptops open the room's editor link in a browser and
// get the app's own editor, served by a real `journeywall room --editors` (not the mock backend of
// harness.mjs). Each does what a co-facilitator would, and each sees the other's work appear.
import { after, afterEach, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";
import { binary, startCore } from "./harness.mjs";

const env = { ...process.env, LANG: "en_GB.UTF-8", LC_ALL: "", LC_MESSAGES: "", LANGUAGE: "" };
let browser;
before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});
after(() => browser.close());

/** Rooms started by the test running now: every one is stopped when it ends, however it ends. */
const started = [];
afterEach(async () => {
  for (const room of started.splice(0)) await room.stop();
});

/** A database with the online template as "Bikes", in a folder of its own. */
function bikes() {
  const dir = mkdtempSync(join(tmpdir(), "journeywall-editors-"));
  const db = join(dir, "e.db");
  execFileSync(binary, ["--db", db, "new", "--template", "online-en", "--name", "Bikes"], { env: { ...env, JOURNEYWALL_LOG_DIR: join(dir, "logs") } });
  return { dir, db };
}

/** `journeywall room Bikes --editors` on `db`: its editor link (the second line it prints). */
async function openRoom({ dir, db }) {
  const proc = spawn(binary, ["--db", db, "room", "Bikes", "--bind", "127.0.0.1", "--port", "0", "--editors"], {
    env: { ...env, JOURNEYWALL_LOG_DIR: join(dir, "logs") },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise((resolve) => proc.on("exit", resolve));
  const room = {
    proc,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      await exited;
    },
  };
  started.push(room);
  const lines = createInterface({ input: proc.stdout })[Symbol.asyncIterator]();
  await lines.next();
  room.link = (await lines.next()).value.trim();
  return room;
}

/** A co-editor's browser on the link, their board drawn. */
async function arrive(link) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  await page.goto(`${link}/`);
  await page.locator(".board .card").first().waitFor();
  return page;
}

/** The journey as stored (`journeywall show --json`). */
const stored = (db) => JSON.parse(execFileSync(binary, ["--db", db, "show", "Bikes", "--json"], { env }).toString());

const card = (page, title) => page.locator(".board .card", { hasText: title });
const cell = (page, doc, p, r) => page.locator(`.cell[data-phase="${doc.phases[p].id}"][data-row="${doc.rows[r].id}"]`);

/** Types a new card into a cell by the keyboard: the cell focused, N, the title, Enter. */
async function addCard(page, doc, p, r, title, { shown = true } = {}) {
  await cell(page, doc, p, r).focus();
  await page.keyboard.press("n");
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  if (shown) await card(page, title).waitFor();
}

async function shot(page, name) {
  await page.screenshot({ path: join(tmpdir(), `editors-${name}.png`) });
}

test("two co-editors each add, move, retitle and delete cards, and each sees the other's work", async () => {
  const data = bikes();
  const room = await openRoom(data);
  const doc = stored(data.db);
  const a = await arrive(room.link);
  const b = await arrive(room.link);

  await addCard(a, doc, 0, 0, "Asks a friend about bikes");
  await card(b, "Asks a friend about bikes").waitFor();
  await addCard(b, doc, 1, 0, "Compares three shops");
  await card(a, "Compares three shops").waitFor();

  // B moves A's card into the next phase by the keyboard; A sees it there.
  await card(b, "Asks a friend about bikes").click();
  await b.keyboard.press("Control+ArrowRight");
  await cell(a, doc, 1, 0).locator(".card", { hasText: "Asks a friend about bikes" }).waitFor();

  // A retitles B's card; B sees the new title.
  await card(a, "Compares three shops").dblclick();
  await a.keyboard.press("Control+a");
  await a.keyboard.type("Compares four shops");
  await a.keyboard.press("Enter");
  await card(b, "Compares four shops").waitFor();

  // B deletes a card of the template; it goes from A's board too.
  const gone = doc.cards.find((c) => c.phase === doc.phases[2].id && c.row === doc.rows[0].id).title;
  await card(b, gone).click();
  await b.keyboard.press("Delete");
  await card(a, gone).waitFor({ state: "detached" });
  assert.deepEqual([a.errors, b.errors], [[], []]);
});

test("Ctrl+Z undoes the presser's own last step, not the other editor's later one", async () => {
  const data = bikes();
  const room = await openRoom(data);
  const doc = stored(data.db);
  const a = await arrive(room.link);
  const b = await arrive(room.link);
  await addCard(a, doc, 0, 1, "Alpha's note");
  await card(b, "Alpha's note").waitFor();
  await addCard(b, doc, 0, 1, "Beta's note");
  await card(a, "Beta's note").waitFor();

  await a.locator(".board-scroll").focus();
  await a.keyboard.press("Control+z");
  await card(a, "Alpha's note").waitFor({ state: "detached" });
  await card(b, "Alpha's note").waitFor({ state: "detached" });
  assert.equal(await card(a, "Beta's note").count(), 1, "the other's card stays on the presser's board");
  assert.equal(await card(b, "Beta's note").count(), 1, "and on theirs");
  assert.ok(stored(data.db).cards.some((c) => c.title === "Beta's note"));
});

test("a card deleted by one editor while the other moves it: the move is refused and the card is gone", async () => {
  const data = bikes();
  const room = await openRoom(data);
  const doc = stored(data.db);
  const a = await arrive(room.link);
  const b = await arrive(room.link);
  const title = doc.cards.find((c) => c.phase === doc.phases[0].id && c.row === doc.rows[0].id).title;

  // B holds the card selected (outlined in B's colour with B's name on A's board).
  await card(b, title).click();
  const outline = card(a, title).locator(".co-editor-label");
  await outline.waitFor();
  assert.match(await outline.innerText(), /Editor 2/);
  await shot(a, "outline");

  // B starts dragging it; meanwhile A deletes it; B drops it on another cell.
  const box = await card(b, title).boundingBox();
  await b.mouse.move(box.x + 20, box.y + 10);
  await b.mouse.down();
  await b.mouse.move(box.x + 40, box.y + 30, { steps: 3 });
  await card(a, title).click();
  await a.keyboard.press("Delete");
  await card(a, title).waitFor({ state: "detached" });
  const to = await cell(b, doc, 1, 1).boundingBox();
  await b.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await b.mouse.up();
  // Said as what happened, whether the news or the core's refusal reached B first.
  const refusal = b.getByRole("alert");
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /someone else deleted this card while you were moving it/);
  await shot(b, "refused");
  assert.equal(await card(b, title).count(), 0);
});

test("the host restarted: the page says the connection is lost, comes back by itself, and an edit made meanwhile arrives once", async () => {
  const data = bikes();
  let room = await openRoom(data);
  const doc = stored(data.db);
  const a = await arrive(room.link);
  const link = room.link;

  await room.stop();
  await a.getByText("Connection to the facilitator's laptop lost — trying again…").waitFor();
  await shot(a, "lost");
  // An edit made while the laptop is away waits in the page, unsaved.
  await addCard(a, doc, 3, 0, "Typed while offline", { shown: false });
  await a.locator(".save-state", { hasText: "Saving" }).waitFor();

  room = await openRoom(data);
  assert.equal(room.link, link, "the same link after the restart");
  await a.getByText("Connection to the facilitator's laptop lost — trying again…").waitFor({ state: "detached", timeout: 20000 });
  await a.locator(".save-state", { hasText: "All changes saved" }).waitFor({ timeout: 20000 });
  const kept = stored(data.db).cards.filter((c) => c.title === "Typed while offline");
  assert.equal(kept.length, 1, "the edit made offline is stored exactly once");
  assert.equal(await card(a, "Typed while offline").count(), 1);
});

test("an editor link shows the editor without the laptop's own tools: no home, room, rounds or presenting", async () => {
  const data = bikes();
  const room = await openRoom(data);
  const a = await arrive(room.link);
  for (const id of ["room", "rounds", "present"]) assert.equal(await a.locator(`[data-action="${id}"]`).count(), 0, id);
  assert.equal(await a.locator("button.back").count(), 0, "no way home");
  for (const id of ["undo", "redo", "poster"]) assert.equal(await a.locator(`[data-action="${id}"]`).count(), 1, id);
  assert.match(await a.locator(".co-editor-self").innerText(), /Editor 1/);
});

test("someone else changing the card this editor has open is told, by name", async () => {
  const data = bikes();
  const room = await openRoom(data);
  const doc = stored(data.db);
  const a = await arrive(room.link);
  const b = await arrive(room.link);
  const title = doc.cards.find((c) => c.phase === doc.phases[1].id && c.row === doc.rows[0].id).title;
  await card(a, title).click();
  await card(b, title).dblclick();
  await b.keyboard.press("Control+a");
  await b.keyboard.type("Compares two models");
  await b.keyboard.press("Enter");
  await a.getByText("Editor 2 changed this card's title").waitFor();
  await card(a, "Compares two models").waitFor();
  // B, typing in a card, shows as typing on A's board.
  await card(b, "Compares two models").dblclick();
  await card(a, "Compares two models").locator(".co-editor-label", { hasText: "Editor 2 is typing…" }).waitFor();
  await b.keyboard.press("Escape");
  await card(a, "Compares two models").locator(".co-editor-label", { hasText: "typing" }).waitFor({ state: "detached" });
  // And typing in the card's panel (its notes) is typing in the card too.
  await card(b, "Compares two models").click();
  await b.getByRole("complementary", { name: "Card details" }).getByLabel("Notes").focus();
  await card(a, "Compares two models").locator(".co-editor-label", { hasText: "Editor 2 is typing…" }).waitFor();
});

test("the laptop's own window outlines co-editors' selections from the room's events", async () => {
  const { startUi, template } = await import("./harness.mjs");
  const ui = await startUi();
  try {
    const page = await ui.open({ journeys: [template("online-en")] }, { width: 1280, height: 800 });
    const [doc] = page.docs;
    await page.getByRole("button", { name: /Online customer journey/ }).click();
    await page.locator(".board .card").first().waitFor();
    const [first] = doc.cards;
    const kim = { number: 1, name: "Kim", colour: "#d9480f", state: "allowed", selected: [first.id], typing: null };
    await page.evaluate((p) => window.__shell.emit("room-changed", p), { journey: doc.journey.id, changes: null, history: null, phones: 0, editors: [kim] });
    await page.locator(`[data-card-id="${first.id}"] .co-editor-label`, { hasText: "Kim" }).waitFor();
    await page.evaluate((p) => window.__shell.emit("room-changed", p), { journey: doc.journey.id, changes: null, history: null, phones: 0, editors: [] });
    await page.locator(".co-editor-label").waitFor({ state: "detached" });
  } finally {
    await ui.close();
  }
});

test("Export as… on an editor link saves the file in the co-editor's own browser", async () => {
  const data = bikes();
  const room = await openRoom(data);
  const a = await arrive(room.link);
  await a.locator('[data-action="export"]').click();
  const [file] = await Promise.all([a.waitForEvent("download"), a.getByRole("dialog").locator("button.primary").click()]);
  assert.match(file.suggestedFilename(), /Bikes/);
  const bytes = await (await file.createReadStream()).toArray();
  assert.ok(Buffer.concat(bytes).length > 1000, "the whole file");
});

test("an edit whose answer was lost on the way is sent again with its id and done once", async () => {
  const data = bikes();
  const room = await openRoom(data);
  const doc = stored(data.db);
  const a = await arrive(room.link);
  // The first addCard reaches the laptop, which does it; its answer never reaches the page.
  const ids = [];
  let cut = false;
  await a.route("**/rpc", async (route) => {
    const body = route.request().postDataJSON();
    if (body.cmd !== "apply_edit" || body.edit.type !== "addCard") return route.continue();
    ids.push(route.request().headers()["x-journeywall-request"]);
    if (cut) return route.continue();
    cut = true;
    await route.fetch();
    await route.abort("connectionreset");
  });
  await addCard(a, doc, 2, 1, "Said once", { shown: false });
  await card(a, "Said once").waitFor();
  assert.equal(ids.length, 2, "sent twice");
  assert.ok(ids[0] && ids[0] === ids[1], "with the same request id");
  assert.equal(stored(data.db).cards.filter((c) => c.title === "Said once").length, 1, "done once");
  assert.equal(await card(a, "Said once").count(), 1);
});

test("a co-editor gives their name while the facilitator decides, waits, and is let in", async () => {
  const data = bikes();
  const room = await openRoom(data);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // The headless room lets editors in at once: here it stands for a laptop whose facilitator
  // lets Kim in after two asks.
  const asked = [];
  await page.route("**/name", async (route) => {
    const { name } = route.request().postDataJSON();
    asked.push(name);
    const waiting = asked.filter((n) => n === null).length <= 3;
    if (!waiting) return route.continue();
    const kim = asked.includes("Kim");
    await route.fulfill({ json: { number: 1, name: kim ? "Kim" : "", colour: "#d9480f", state: "waiting", selected: [], typing: null } });
  });
  await page.goto(`${room.link}/`);
  await page.getByLabel("Your name").fill("Kim");
  await page.getByRole("button", { name: "Ask to join" }).click();
  await page.getByText("Waiting for the facilitator to let you in…").waitFor();
  await page.locator(".board .card").first().waitFor();
  assert.ok(asked.includes("Kim"), "the name went to the laptop");
});

test("a co-editor the facilitator refused is told so, and gets no editor", async () => {
  const data = bikes();
  const room = await openRoom(data);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route("**/name", (route) => route.fulfill({ json: { number: 1, name: "Kim", colour: "#d9480f", state: "refused", selected: [], typing: null } }));
  await page.goto(`${room.link}/`);
  await page.getByRole("alert").getByText(/has not let you in/).waitFor();
  assert.equal(await page.locator(".board").count(), 0);
});

test("a co-editor switches the page to Dutch without changing the laptop's language", async () => {
  const data = bikes();
  const room = await openRoom(data);
  const a = await arrive(room.link);
  const sent = [];
  a.on("request", (r) => r.url().endsWith("/rpc") && sent.push(r.postDataJSON().cmd));
  await a.getByRole("button", { name: "Nederlands" }).click();
  await a.locator(".save-state", { hasText: "Alles opgeslagen" }).waitFor();
  assert.ok(!sent.includes("set_language"), "the laptop is not asked");
  const b = await arrive(room.link);
  await b.locator(".save-state", { hasText: "All changes saved" }).waitFor();
});

test("closed to co-editors, the page says the facilitator closed it, not that the connection is lost; invited again, it carries on", async () => {
  const data = bikes();
  // The facilitator's laptop: the app's own requests (`journeywall rpc`), its room on 127.0.0.1.
  const laptop = startCore(data.dir);
  try {
    await laptop.call({ open: data.db });
    const journey = stored(data.db).journey.id;
    const room = await laptop.call({ cmd: "open_room", journey, options: { bind: "127.0.0.1", port: 0, editors: true, anonymous: false, straight: false } });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${room.editorLink}/`);
    await page.getByLabel("Your name").fill("Kim");
    await page.getByRole("button", { name: "Ask to join" }).click();
    await page.getByText("Waiting for the facilitator to let you in…").waitFor();
    await laptop.call({ cmd: "decide_editor", number: 1, allow: true });
    await page.locator(".board .card").first().waitFor();

    await laptop.call({ cmd: "take_editors", on: false });
    await page.getByRole("alert").getByText("The facilitator has closed the map to co-editors", { exact: false }).waitFor();
    await laptop.call({ cmd: "take_editors", on: true });
    await page.getByRole("alert").waitFor({ state: "detached" });
    await page.locator(".board .card").first().waitFor();
    await laptop.call({ cmd: "close_room" });
  } finally {
    laptop.close();
  }
});
