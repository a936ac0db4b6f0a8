// The room in the real app under Xvfb, with headless Chromium as the phones (360×740, touch):
// the facilitator opens the room, a phone joins with the link the panel shows and sends a note, the
// note lands in the laptop's inbox, the facilitator places it and the phone sees it placed. Then
// a vote: two phones give dots and the laptop's board shows them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { APP, KEY, freshDatabase, withApp, withOpenRoom } from "./webdriver.mjs";

const root = join(fileURLToPath(import.meta.url), "..", "..", "..");
const { chromium } = createRequire(join(root, "ui", "package.json"))("playwright-core");

async function phone(browser, name, locale = "en-GB") {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true, locale });
  const page = await context.newPage();
  return { page, context, name };
}

test("phones join the room, send a note that the facilitator places, and vote", async () => {
  await withOpenRoom(async ({ s, browser }) => {
    const link = await (await s.waitFor(".room-link strong")).text();
    assert.match(link, /^http:\/\/[\d.]+:\d+\/r\/[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{1,4}){6}$/);
    await s.screenshot("60-room-open");

    const ayse = await phone(browser, "Ayşe");
    const transferred = [];
    ayse.page.on("response", async (r) => transferred.push((await r.body().catch(() => Buffer.alloc(0))).length));
    await ayse.page.goto(link);
    await ayse.page.fill("#name", "Ayşe");
    await ayse.page.tap("#join-form button[type=submit]");
    await ayse.page.waitForSelector("#write:not([hidden])");
    await s.waitFor(".room-phones", { text: "1 phone joined" });
    // The phone follows the room timer.
    await s.clickOn(".room-timer [data-action=timer]");
    await s.clickOn(".timer-menu button", { text: "5 min" });
    await ayse.page.waitForFunction(() => /Time left: [45]:\d\d/.test(document.querySelector("#follow").textContent));
    await ayse.page.selectOption("#phase", { index: 2 });
    await ayse.page.selectOption("#row", { index: 1 });
    await ayse.page.fill("#text", "Waited 20 minutes at the counter 🚲 <script>alert(1)</script>");
    await ayse.page.tap("#note-form button[type=submit]");
    await ayse.page.waitForSelector("#notes li.inbox");
    await ayse.page.screenshot({ path: join(root, "target", "e2e", "61-phone-note-sent.png") });
    assert.ok(transferred.reduce((a, b) => a + b, 0) < 100_000, `the phone page is under 100 KB (${transferred})`);

    // An open room shows its inbox under its own tab.
    await s.clickOn(".room-tabs [data-tab=inbox]");
    await s.waitFor(".inbox-note", { text: "Waited 20 minutes at the counter" });
    await s.screenshot("62-room-inbox");
    await s.clickOn(".inbox-note button", { text: "Place" });
    await s.waitFor(".card", { text: "Waited 20 minutes at the counter" });
    await ayse.page.waitForSelector("#notes li.placed", { timeout: 10_000 });
    assert.equal(await ayse.page.locator("#notes li.placed").count(), 1);
    assert.match(await ayse.page.textContent("#notes li.placed"), /<script>alert\(1\)<\/script>/, "shown as text");

    // Ctrl+Z on the laptop puts the note back in the inbox.
    await s.clickOn("button[aria-label='Undo place note']");
    await s.waitFor(".inbox-note", { text: "Waited 20 minutes at the counter" });
    await ayse.page.waitForSelector("#notes li.inbox");
    // Dragged from the inbox onto a cell of the board instead.
    await s.execute("document.querySelector('.inbox-note').scrollIntoView({ block: 'center' });");
    await s.drag(await s.find(".inbox-note"), (await s.findAll("[data-drop-cell]")).at(0));
    await s.waitFor(".card", { text: "Waited 20 minutes at the counter" });
    await ayse.page.waitForSelector("#notes li.placed");
    assert.equal((await s.findAll(".inbox-note")).length, 0);

    // A vote, open on the laptop; two phones give dots.
    await s.clickOn(".journey-header [data-action=vote]");
    await s.clickOn(".vote-panel button.primary", { text: "Start a vote" });
    const bram = await phone(browser, "Bram", "nl-NL");
    await bram.page.goto(link);
    await bram.page.fill("#name", "Bram");
    await bram.page.tap("#join-form button[type=submit]");
    for (const p of [ayse, bram]) {
      await p.page.waitForSelector("#vote:not([hidden]) .vote-card");
      await p.page.locator(".vote-card").first().tap();
      await p.page.waitForSelector(".vote-card[aria-pressed=true]");
    }
    assert.match(await bram.page.textContent("#dots-left"), /Nog 2 stippen/);
    await bram.page.screenshot({ path: join(root, "target", "e2e", "63-phone-vote.png") });
    await s.waitFor(".card .votes[aria-label='2 votes']");
    await s.screenshot("64-room-votes-on-board");

    // The presenter view puts the join code on the wall.
    await s.clickOn(".journey-header [data-action=present]");
    await s.clickOn(".presenter-controls button", { text: "Show the join code" });
    await s.waitFor(".presenter-controls button[aria-pressed='true']", { text: "Back to the map" });
    await s.waitFor(".presenter .join-code img");
    assert.equal((await s.findAll(".presenter .stage")).length, 0, "the join code instead of the map");
    await s.waitFor(".presenter .join-code strong", { text: link });
    // The window went full screen for the presenter view: let WebKit paint before the picture.
    await new Promise((r) => setTimeout(r, 700));
    await s.screenshot("65-presenter-join-code");
    await s.keys(KEY.escape);
    await s.waitFor(".journey-header");

    await s.clickOn(".journey-header [data-action=room]");
    await s.clickOn(".room-tabs [data-tab=phones]");
    await s.clickOn(".room-panel button", { text: "Close the room" });
    await s.waitFor(".room-panel button.primary", { text: "Open the room" });
    const closed = await ayse.page.request.get(`${link}/journey`).catch((e) => e);
    assert.ok(closed instanceof Error, "nothing listens after the room is closed");
  });
});

test("a note sent to a headless room on the app's database reaches the open app's inbox", async () => {
  const db = freshDatabase();
  execFileSync(APP, ["--db", db, "new", "--template", "online-en", "--name", "Headless"]);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
  let room;
  try {
    await withApp({ db }, async ({ s }) => {
      await s.clickOn(".journey-item", { text: "Headless" });
      await s.waitFor(".card");
      await s.clickOn(".journey-header [data-action=room]");
      await s.waitFor(".room-panel");
      // `journeywall room` beside the app, on the same file, loopback only; it stops with the test.
      room = spawn(APP, ["--db", db, "room", "Headless", "--bind", "127.0.0.1"], { stdio: ["ignore", "pipe", "inherit"] });
      const link = await new Promise((resolve, reject) => {
        createInterface({ input: room.stdout }).once("line", resolve);
        room.once("exit", (code) => reject(new Error(`journeywall room ended (${code})`)));
        setTimeout(() => reject(new Error("journeywall room printed no link in 20 s")), 20_000);
      });
      const phone = await (await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true })).newPage();
      await phone.goto(link);
      await phone.fill("#name", "Ayşe");
      await phone.tap("#join-form button[type=submit]");
      await phone.waitForSelector("#write:not([hidden])");
      await phone.fill("#text", "Heard through the other process");
      await phone.tap("#note-form button[type=submit]");
      await phone.waitForSelector("#notes li.inbox");
      // The app learns of it from the file (it wrote nothing itself).
      await s.waitFor(".inbox-note", { text: "Heard through the other process", timeout: 10_000 });
    });
  } finally {
    room?.kill("SIGTERM");
    await browser.close();
  }
});

test("New link, with a phone holding its event stream, is made at once on the same port, three times over", async () => {
  await withOpenRoom(async ({ s }) => {
    const link = await (await s.waitFor(".room-link strong")).text();
    const page = await fetch(link);
    const cookie = page.headers.get("set-cookie").split(";")[0];
    await fetch(`${link}/name`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ name: "Anna" }) });
    // The phone's open stream, as its page keeps one (walk: the room's server, closed for the new
    // link, then took seconds to let go and the room moved to the next port).
    const stream = new AbortController();
    const events = await fetch(`${link}/events`, { headers: { cookie }, signal: stream.signal });
    assert.equal(events.status, 200);
    let before = link;
    for (let round = 1; round <= 3; round++) {
      await s.clickOn(".room-panel button", { text: "New link…" });
      await s.clickOn(".confirm button.primary, .confirm button.danger");
      const started = Date.now();
      while ((await (await s.find(".room-link strong")).text()) === before) {
        assert.ok(Date.now() - started < 10_000, `round ${round}: no new link after 10 s`);
        await new Promise((r) => setTimeout(r, 50));
      }
      const now = await (await s.find(".room-link strong")).text();
      assert.equal(new URL(now).port, new URL(link).port, `round ${round}: the same port (${now})`);
      before = now;
    }
    stream.abort();
  });
});
