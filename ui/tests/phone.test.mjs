// The room's phone page as participants' phones show it: the real room (opened by `journeywall
// rpc` on 127.0.0.1, as the app opens it), the real page it serves, and headless Chromium at
// 360×740 with touch as the phones. The journey is set up and changed through the same rpc
// process, as the facilitator's laptop would change it. Safari's engine (WebKitGTK's MiniBrowser
// through WebKitWebDriver, under Xvfb) takes the sticky header's tap test when it is installed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { chromium } from "playwright-core";
import { binary } from "./harness.mjs";
import { startWebKit, webkit } from "./webkit.mjs";

const SHOTS = process.env.PHONE_SHOTS ?? tmpdir();
let dir;
let core;
let browser;
let rooms = 0;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "journeywall-phone-"));
  core = startCore();
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
});

after(async () => {
  await core.call({ cmd: "close_room" }).catch(() => {});
  await browser?.close();
  core?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** `journeywall rpc`: one request a line, one answer a line, in order. */
function startCore() {
  if (!existsSync(binary)) throw new Error(`${binary} is missing: run \`cargo build -p journeywall\` first`);
  const proc = spawn(binary, ["--db", join(dir, "first.db"), "rpc"], {
    env: { ...process.env, LANG: "en_GB.UTF-8", LC_ALL: "", LC_MESSAGES: "", LANGUAGE: "", JOURNEYWALL_LOG_DIR: join(dir, "logs") },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const waiting = [];
  createInterface({ input: proc.stdout }).on("line", (line) => waiting.shift()?.(JSON.parse(line)));
  return {
    async call(message) {
      const answer = await new Promise((resolve) => {
        waiting.push(resolve);
        proc.stdin.write(`${JSON.stringify(message)}\n`);
      });
      if (answer.error) throw new Error(`${message.cmd}: ${answer.error.message}`);
      return answer.ok;
    },
    close: () => proc.stdin.end(),
  };
}

/**
 * A room open on a fresh database with the English online template, topped up to `cards` cards
 * in its card rows (the emotion row keeps its own points), and a vote open when `vote`.
 */
async function openRoom({ cards = 0, vote = false, anonymous = false } = {}) {
  await core.call({ cmd: "close_room" });
  await core.call({ open: join(dir, `room-${++rooms}.db`) });
  const journey = await core.call({ cmd: "create_journey", template: "online-en", name: "Bikes" });
  let { doc } = await core.call({ cmd: "open_journey", journey });
  const cardRows = doc.rows.filter((r) => r.kind === "cards" && !r.hidden);
  const inCardRows = () => doc.cards.filter((c) => cardRows.some((r) => r.id === c.row));
  for (let i = inCardRows().length; i < cards; i++) {
    const phase = doc.phases[i % doc.phases.length];
    const row = cardRows[i % cardRows.length];
    await core.call({ cmd: "apply_edit", journey, edit: { type: "addCard", phase: phase.id, row: row.id, title: `Extra ${i + 1}` } });
  }
  if (vote) await core.call({ cmd: "apply_edit", journey, edit: { type: "startVote", dotsPerParticipant: 5 } });
  ({ doc } = await core.call({ cmd: "open_journey", journey }));
  const info = await core.call({ cmd: "open_room", journey, options: { bind: "127.0.0.1", port: 0, anonymous } });
  return { journey, doc, link: info.link, cardRows, inCardRows: inCardRows() };
}

/** A phone at 360×740 with touch; `languages` stands for the phone's own list of languages. */
async function phone(link, { locale = "en-GB", languages, acceptLanguage, clipboard = false } = {}) {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    hasTouch: true,
    isMobile: true,
    locale,
    extraHTTPHeaders: acceptLanguage ? { "Accept-Language": acceptLanguage } : undefined,
    permissions: clipboard ? ["clipboard-read", "clipboard-write"] : [],
  });
  if (languages) {
    await context.addInitScript((list) => {
      Object.defineProperty(Navigator.prototype, "languages", { get: () => list });
      Object.defineProperty(Navigator.prototype, "language", { get: () => list[0] });
    }, languages);
  }
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.errors = errors;
  await page.goto(link);
  return page;
}

async function joinAs(page, name) {
  await page.fill("#name", name);
  await page.tap("#join-form button[type=submit]");
  await page.waitForSelector("#write:not([hidden])");
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `phone-${name}.png`) });
}

test("a vote of 70 cards is grouped by phase and row with their names, without emotion points, and the dots left stay in view", async () => {
  const { doc, link, inCardRows } = await openRoom({ cards: 70, vote: true });
  assert.equal(inCardRows.length, 70);
  const emotionRow = doc.rows.find((r) => r.kind === "emotion");
  const emotionPoints = doc.cards.filter((c) => c.row === emotionRow.id);
  assert.ok(emotionPoints.length > 0, "the template has emotion points");

  const page = await phone(link);
  await joinAs(page, "Ayşe");
  await page.waitForSelector("#vote:not([hidden]) .vote-card");
  await shot(page, "vote-top");
  assert.equal(await page.locator(".vote-card").count(), 70, "every card of the card rows, and nothing else");
  const titles = await page.locator(".vote-card .title").allTextContents();
  for (const point of emotionPoints) assert.ok(!titles.includes(point.title), `no emotion point (${point.title})`);

  // Grouped: each phase under its name, in the board's order, and each row under its name inside it.
  assert.deepEqual(await page.locator(".phase-group > h3").allTextContents(), doc.phases.map((p) => p.title));
  const firstPhase = doc.phases[0];
  const rowsOfFirst = doc.rows.filter((r) => r.kind === "cards" && inCardRows.some((c) => c.phase === firstPhase.id && c.row === r.id));
  assert.deepEqual(await page.locator(".phase-group").first().locator(".row-group > h4").allTextContents(), rowsOfFirst.map((r) => r.title));
  const firstCell = inCardRows.filter((c) => c.phase === firstPhase.id && c.row === rowsOfFirst[0].id).sort((a, b) => a.position - b.position);
  assert.deepEqual(
    await page.locator(".phase-group").first().locator(".row-group").first().locator(".vote-card .title").allTextContents(),
    firstCell.map((c) => c.title),
  );

  // The first card is not under the header: tapped at its centre, it takes the dot.
  await page.locator(".vote-card").first().tap();
  await page.waitForSelector(".vote-card[aria-pressed=true]");
  assert.match(await page.textContent("#dots-left"), /4 dots left/);

  // The phase picker jumps to the last phase; its first card shows below the header and takes a tap.
  const lastPhase = doc.phases.at(-1);
  await page.selectOption("#jump", lastPhase.id);
  const lastGroup = page.locator(".phase-group").last();
  await page.waitForFunction(() => {
    const heading = [...document.querySelectorAll(".phase-group > h3")].at(-1).getBoundingClientRect();
    return Math.abs(heading.top - document.querySelector("header").getBoundingClientRect().bottom) < 40;
  });
  await shot(page, "vote-jumped");
  const headerBottom = (await page.locator("header").boundingBox()).y + (await page.locator("header").boundingBox()).height;
  const firstOfLast = lastGroup.locator(".vote-card").first();
  assert.ok((await firstOfLast.boundingBox()).y >= headerBottom, "the phase's first card starts below the header");
  await firstOfLast.tap();
  await page.waitForFunction(() => [...document.querySelectorAll(".phase-group")].at(-1).querySelector(".vote-card[aria-pressed=true]"));

  // At the very bottom of the list the dots left are still on screen, and the last card takes a tap.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForFunction(() => window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1);
  await shot(page, "vote-bottom");
  const left = await page.locator("#dots-left").boundingBox();
  assert.ok(left.y >= 0 && left.y + left.height <= 740, `the dots left are on screen (${JSON.stringify(left)})`);
  assert.ok(
    await page.evaluate(() => {
      const r = document.querySelector("#dots-left").getBoundingClientRect();
      return document.querySelector("#dots-left").contains(document.elementFromPoint(r.left + 4, r.top + r.height / 2));
    }),
    "nothing covers the dots left",
  );
  await page.locator(".vote-card").last().tap();
  await page.waitForFunction(() => /2 dots left/.test(document.querySelector("#dots-left").textContent));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("another phone's dot and a card renamed on the laptop change this phone's list in place", async () => {
  const { journey, link, inCardRows } = await openRoom({ cards: 40, vote: true });
  const ayse = await phone(link);
  await joinAs(ayse, "Ayşe");
  await ayse.waitForSelector(".vote-card");
  const card = inCardRows[3];
  const marked = await ayse.evaluateHandle((id) => document.querySelector(`[data-card="${id}"]`), card.id);
  assert.ok(await marked.evaluate((e) => e instanceof HTMLElement), "the card has its element, keyed by its id");
  const button = await ayse.evaluateHandle((id) => document.querySelector(`[data-card="${id}"] .vote-card`), card.id);

  // Another phone votes: this phone fetches the room again and draws what changed.
  const bram = await phone(link, { locale: "nl-NL" });
  await joinAs(bram, "Bram");
  const fetched = ayse.waitForResponse((r) => r.url().endsWith("/journey"));
  await bram.locator(`[data-card="${card.id}"] .vote-card`).tap();
  await bram.waitForSelector(`[data-card="${card.id}"] .vote-card[aria-pressed=true]`);
  await (await fetched).finished();
  await ayse.evaluate(() => new Promise((r) => requestAnimationFrame(r)));
  assert.ok(await marked.evaluate((e, id) => e.isConnected && e === document.querySelector(`[data-card="${id}"]`), card.id), "the same element after another phone's dot");

  // This phone's own dot, then a rename on the laptop: the title changes in the same element.
  await ayse.locator(`[data-card="${card.id}"] .vote-card`).tap();
  await ayse.waitForSelector(`[data-card="${card.id}"] .vote-card[aria-pressed=true]`);
  await core.call({ cmd: "apply_edit", journey, edit: { type: "updateCard", card: card.id, title: "Renamed on the laptop" } });
  await ayse.waitForFunction((id) => document.querySelector(`[data-card="${id}"] .title`).textContent === "Renamed on the laptop", card.id);
  assert.ok(await marked.evaluate((e, id) => e.isConnected && e === document.querySelector(`[data-card="${id}"]`), card.id), "the same element after a rename");
  assert.ok(await button.evaluate((b) => b.isConnected), "the same button after a rename");
  assert.deepEqual([...ayse.errors, ...bram.errors], []);
  await ayse.context().close();
  await bram.context().close();
});

test("when the room timer ends, phones say the time is up, in their language, and never 0:00", async () => {
  const { link } = await openRoom();
  const phones = [await phone(link), await phone(link, { locale: "nl-NL" })];
  await joinAs(phones[0], "Ayşe");
  await joinAs(phones[1], "Bram");
  for (const p of phones) {
    await p.evaluate(() => {
      window.followed = [];
      new MutationObserver(() => window.followed.push(document.querySelector("#follow").textContent)).observe(document.querySelector("#follow"), {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
  }
  await core.call({ cmd: "set_room_focus", focus: { phase: null, timerEndsAt: Date.now() + 2500, timerLeft: null } });
  await phones[0].waitForFunction(() => /Time left: 0:0\d/.test(document.querySelector("#follow").textContent));
  await phones[0].waitForFunction(() => document.querySelector("#follow").textContent === "Time is up", null, { timeout: 8000 });
  await phones[1].waitForFunction(() => document.querySelector("#follow").textContent === "De tijd is om", null, { timeout: 8000 });
  await shot(phones[0], "time-is-up");
  for (const p of phones) {
    const followed = await p.evaluate(() => window.followed);
    assert.ok(!followed.some((f) => /0:00/.test(f)), `never "0:00": ${JSON.stringify(followed)}`);
    await p.context().close();
  }
});

test("a pasted note of 250 characters stops at 200, counted as the core counts them, the counter saying the rest did not fit", async () => {
  const { link } = await openRoom();
  const page = await phone(link, { clipboard: true });
  await joinAs(page, "Ayşe");
  // Emoji are two UTF-16 units each: a field counting units (maxlength) stops at half.
  const pasted = "🚲".repeat(150) + "x".repeat(100);
  assert.equal([...pasted].length, 250);
  await page.evaluate((text) => navigator.clipboard.writeText(text), pasted);
  await page.focus("#text");
  await page.keyboard.press("Control+V");
  await page.waitForFunction(() => document.querySelector("#text").value.length > 0);
  const kept = [...pasted].slice(0, 200).join("");
  assert.equal(await page.inputValue("#text"), kept);
  assert.equal(await page.textContent("#count"), "200/200 — full: the rest did not fit", "what was cut is said");
  assert.ok(await page.locator("#count.full").isVisible(), "the counter warns at the limit");
  await shot(page, "note-full");
  // Typing on adds nothing; taking a few off leaves the warning near the limit.
  await page.keyboard.type("more");
  assert.equal(await page.inputValue("#text"), kept);
  for (let i = 0; i < 5; i++) await page.keyboard.press("Backspace");
  assert.equal(await page.textContent("#count"), "195/200");
  assert.ok(await page.locator("#count.near:not(.full)").isVisible(), "still a warning near the limit");
  // Sent as it shows: nothing cut on the way.
  await page.tap("#note-form button[type=submit]");
  await page.waitForSelector("#notes li.inbox");
  assert.equal(await page.evaluate(() => document.querySelector("#notes li.inbox").firstChild.textContent), [...kept].slice(0, 195).join(""));
  assert.equal(await page.textContent("#count"), "");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("the language switch changes the page's words and its refusals, and is kept after a reload", async () => {
  const { link } = await openRoom();
  const page = await phone(link);
  await page.waitForSelector("#join:not([hidden])");
  assert.equal(await page.textContent("#join h2"), "Join the room");
  assert.equal(await page.textContent("#language"), "Nederlands", "the other language, named in itself");
  await page.tap("#language");
  await page.waitForFunction(() => document.querySelector("#join h2").textContent === "Doe mee");
  assert.equal(await page.getAttribute("html", "lang"), "nl");
  assert.equal(await page.textContent("#language"), "English");
  // The laptop answers in the chosen language too.
  await page.tap("#join-form button[type=submit]");
  await page.waitForFunction(() => /vul je naam in/.test(document.querySelector("#join-problem").textContent));
  await shot(page, "language-nl");
  await page.reload();
  await page.waitForSelector("#join:not([hidden])");
  assert.equal(await page.textContent("#join h2"), "Doe mee");
  await joinAs(page, "Ayşe");
  assert.equal(await page.textContent("#write h2"), "Schrijf een notitie");
  await page.tap("#language");
  await page.waitForFunction(() => document.querySelector("#write h2").textContent === "Write a note");
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test("a phone that lists Dutch after a language the page does not speak gets Dutch; the page is served in the phone's language", async () => {
  const { link } = await openRoom();
  const page = await phone(link, { locale: "de-DE", languages: ["de-DE", "nl-NL", "en"] });
  await page.waitForFunction(() => document.querySelector("#join h2").textContent === "Doe mee");
  await page.context().close();
  const served = await fetch(link, { headers: { "Accept-Language": "nl-NL,nl;q=0.9" } });
  assert.match(await served.text(), /<html lang="nl">/);
  const english = await fetch(link, { headers: { "Accept-Language": "en-US" } });
  assert.match(await english.text(), /<html lang="en">/);
});

test("a phone that joined without a name writes, follows the room and is still in after a reload", async () => {
  const { link } = await openRoom({ anonymous: true });
  const page = await phone(link);
  await page.tap("#join-anonymous");
  await page.waitForSelector("#write:not([hidden])");
  await page.reload();
  await page.waitForSelector("#write:not([hidden])");
  assert.ok(await page.locator("#join").isHidden(), "not asked to join again");
  await core.call({ cmd: "set_room_focus", focus: { phase: null, timerEndsAt: Date.now() + 120_000, timerLeft: null } });
  await page.waitForFunction(() => /Time left: [12]:\d\d/.test(document.querySelector("#follow").textContent));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

// --- Safari's engine -------------------------------------------------------------------------------


test("in Safari's engine a tap on a card just below the sticky header reaches the card", { skip: !webkit && "no WebKitWebDriver" }, async () => {
  const { doc, link } = await openRoom({ cards: 70, vote: true });
  const driver = await startWebKit();
  try {
    const s = await driver.session();
    await s.size(360, 740); // MiniBrowser ignores --geometry
    await s.go(link);
    const name = await s.waitFor("#name");
    await s.type(name, "Kim");
    await s.click(await s.find("#join-form button[type=submit]"));
    await s.waitFor("#vote:not([hidden]) .vote-card");
    // The first card, at the top of the page.
    await s.click(await s.find(".vote-card"));
    await s.until("document.querySelectorAll('.vote-card[aria-pressed=true]').length === 1");
    // Jump to each phase in turn: its first card sits right below the header and takes the click.
    for (const [i, phase] of doc.phases.entries()) {
      await s.run("const j = document.querySelector('#jump'); j.value = arguments[0]; j.dispatchEvent(new Event('change'));", phase.id);
      await s.until(`(() => { const h = document.querySelectorAll('.phase-group > h3')[${i}].getBoundingClientRect();
        return Math.abs(h.top - document.querySelector('header').getBoundingClientRect().bottom) < 40; })()`);
      const hit = await s.run(`const c = document.querySelectorAll('.phase-group')[${i}].querySelector('.vote-card');
        const r = c.getBoundingClientRect(); return c.contains(document.elementFromPoint(r.left + r.width / 2, r.top + 3));`);
      assert.ok(hit, `the top edge of ${phase.title}'s first card is the card's, not the header's`);
      if (i === 2) await s.screenshot(join(SHOTS, "phone-webkit-jumped.png"));
    }
    await s.click(await s.find(".phase-group:last-child .vote-card"));
    await s.until("document.querySelectorAll('.vote-card[aria-pressed=true]').length === 2");
    await s.until("/3 dots left/.test(document.querySelector('#dots-left').textContent)");
    // MiniBrowser's toolbar keeps its window at least 447 px wide: as narrow as it goes.
    assert.ok(await s.run("return window.innerWidth < 480;"), "a phone's width, or near it");
    await s.screenshot(join(SHOTS, "phone-webkit-vote.png"));
    await s.close();
  } finally {
    await driver.stop();
  }
});

/** `journeywall room` on `db` as its own process (so it can be killed); resolves with it and its link. */
async function roomProcess(db) {
  const proc = spawn(binary, ["--db", db, "room", "Bikes", "--bind", "127.0.0.1", "--port", "0"], {
    env: { ...process.env, JOURNEYWALL_LOG_DIR: join(dir, "logs") },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const link = await new Promise((resolve) => createInterface({ input: proc.stdout }).once("line", resolve));
  return { proc, link };
}

test("after the laptop crashes the phone comes back by itself on the same link, still joined, and a note written meanwhile arrives once", async () => {
  const db = join(dir, "crash.db");
  execFileSync(binary, ["--db", db, "new", "--template", "online-en", "--name", "Bikes"], { env: { ...process.env, JOURNEYWALL_LOG_DIR: join(dir, "logs") } });
  const first = await roomProcess(db);
  const page = await phone(first.link);
  await joinAs(page, "Ayşe");

  const gone = new Promise((resolve) => first.proc.once("exit", resolve));
  first.proc.kill("SIGKILL");
  await gone;
  await page.fill("#text", "Queued while the laptop restarted");
  await page.tap("#note-form button[type=submit]");
  await page.locator("#offline:not([hidden])").waitFor();
  await page.locator("#notes li", { hasText: "Sending…" }).waitFor();

  const second = await roomProcess(db);
  try {
    assert.equal(second.link, first.link, "the same link");
    // The page finds the laptop again by itself: the note goes, the warning goes, and it is still in.
    await page.locator("#notes li", { hasText: "Waiting in the inbox" }).waitFor({ timeout: 30_000 });
    await page.locator("#offline").waitFor({ state: "hidden" });
    assert.ok(await page.locator("#write").isVisible(), "still joined: no name asked again");
    const inbox = JSON.parse(execFileSync(binary, ["--db", db, "show", "Bikes", "--json"], { env: { ...process.env, JOURNEYWALL_LOG_DIR: join(dir, "logs") } })).inbox;
    assert.deepEqual(inbox.map((n) => [n.text, n.author]), [["Queued while the laptop restarted", "Ayşe"]], "stored once, under her name");
    assert.deepEqual(page.errors, []);
  } finally {
    second.proc.kill("SIGTERM");
    await page.context().close();
  }
});

test("a note the facilitator placed says on the phone that it is on the board, under the name its card carries", async () => {
  const { journey, doc, link, cardRows } = await openRoom();
  const page = await phone(link);
  await joinAs(page, "Ayşe");
  await page.fill("#text", "The bell was broken");
  await page.tap("#note-form button[type=submit]");
  await page.locator("#notes li", { hasText: "Waiting in the inbox" }).waitFor();
  const { doc: now } = await core.call({ cmd: "open_journey", journey });
  const note = now.inbox.find((n) => n.text === "The bell was broken");
  await core.call({ cmd: "apply_edit", journey, edit: { type: "placeNote", note: note.id, phase: doc.phases[1].id, row: cardRows[0].id } });
  await page.locator("#notes li", { hasText: "On the board · from Ayşe" }).waitFor();
  await page.context().close();
});

test("when another room takes the room's address for a while, the phone says so and comes back when the room does, never on a browser error page", async () => {
  const { journey, link } = await openRoom();
  const port = Number(new URL(link).port);
  const page = await phone(link);
  await joinAs(page, "Kim");

  await core.call({ cmd: "close_room" });
  const other = await core.call({ cmd: "create_journey", template: "online-en", name: "Other workshop" });
  await core.call({ cmd: "open_room", journey: other, options: { bind: "127.0.0.1", port } });
  await page.locator("#offline", { hasText: "closed, or has a new link" }).waitFor({ timeout: 30_000 });
  assert.equal(page.url(), link, "the page stays, with its notes");
  await shot(page, "room-gone");

  await core.call({ cmd: "close_room" });
  const back = await core.call({ cmd: "open_room", journey, options: { bind: "127.0.0.1", port } });
  assert.equal(back.link, link, "the room opens again with its link");
  await page.locator("#offline").waitFor({ state: "hidden", timeout: 30_000 });
  assert.ok(await page.locator("#write").isVisible(), "still joined");
  await page.context().close();
});
