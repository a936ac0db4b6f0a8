// Workshop tools in the real app: sticky notes taken down with quick capture from the keyboard,
// kept after a restart, and the room timer counting down in its large overlay.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { KEY, withApp } from "./webdriver.mjs";

test("quick capture takes notes into cells from the keyboard; the timer counts down large", async () => {
  await withApp({}, async (app) => {
    let s = app.s;
    await s.clickOn(".journey-item");
    await s.waitFor(".phase-title");
    await s.chord(KEY.control, "k");
    await s.waitFor(".capture-bar input");
    await s.keys(`Searches for reviews${KEY.enter}Asks a friend${KEY.enter}${KEY.tab}Compares prices${KEY.enter}`);
    await s.waitFor(".capture-count", { text: "3 cards added" });
    await s.waitFor(".card", { text: "Compares prices" });
    await s.screenshot("40-quick-capture");

    await s.clickOn(".room-timer [data-action=timer]");
    await s.clickOn(".timer-menu button", { text: "2 min" });
    await s.clickOn(".timer-time", { text: "2:00" });
    await s.waitFor(".timer-big", { text: "1:5" });
    await s.screenshot("41-timer-large");
    await s.clickOn(".timer-overlay-controls button", { text: "Stop" });

    // The captured notes are saved like any edit.
    s = await app.restart();
    // The app opens again on the journey that was open.
    for (const title of ["Searches for reviews", "Asks a friend", "Compares prices"]) await s.waitFor(".card", { text: title });
    assert.equal((await s.findAll(".timer-chip")).length, 0, "the timer is not saved");
  });
});

test("a dot vote with two participants: dots on the cards, ranked results, kept after a restart", async () => {
  const card = (id) => `.card[data-card-id="${id}"]`;
  await withApp({}, async (app) => {
    let s = app.s;
    await s.clickOn(".journey-item");
    await s.waitFor(".phase-title");
    const [a, b] = await s.execute("return [...document.querySelectorAll('.cell .card')].map((e) => e.dataset.cardId).slice(0, 2)");
    await s.clickOn(".journey-header [data-action=vote]");
    // The stacking choice reads as a line or two, not squeezed beside a full-width checkbox.
    const label = await s.execute("const r = document.querySelector('.vote-panel .check').getBoundingClientRect(); return [r.width, r.height];");
    assert.ok(label[1] < 60, `the label is ${label[1]} px tall`);
    await s.screenshot("42a-vote-panel");
    await s.clickOn(".vote-panel button", { text: "Start a vote" });

    const name = '.vote-panel input[aria-label="Name of a participant"]';
    await (await s.waitFor(name)).click();
    await s.keys(`Anna${KEY.enter}`);
    await s.waitFor(".turn", { text: "Anna's turn" });
    await s.clickOn(card(a));
    await s.clickOn(card(b));
    await s.waitFor(`${card(b)} [aria-label="1 vote"]`);

    await (await s.waitFor(name)).click();
    await s.keys(`Bram${KEY.enter}`);
    await s.waitFor(".turn", { text: "Bram's turn" });
    await s.clickOn(card(a));
    await s.waitFor(`${card(a)} [aria-label="2 votes"]`);
    await s.waitFor('.participant[aria-checked="true"] [aria-label="2 of 3 dots left"]');
    await s.screenshot("42-dot-vote");

    await s.clickOn(".vote-actions button", { text: "Results" });
    const first = await s.waitFor(".vote-results tbody tr");
    assert.match(await first.text(), /^1\D.*\D2$/s);
    await s.screenshot("43-vote-results");
    await s.clickOn(".vote-results button", { text: "Close" });

    // The vote is saved like any edit: after a restart the dots and the participants are there.
    s = await app.restart();
    // The app opens again on the journey that was open.
    await s.waitFor(`${card(a)} [aria-label="2 votes"]`);
    await s.clickOn(".journey-header [data-action=vote]");
    await s.waitFor(".participant");
    // (WebKit's element text is empty for the clipped name, so read it from the page.)
    const names = await s.execute("return [...document.querySelectorAll('.participant-name')].map((e) => e.textContent)");
    assert.deepEqual(names, ["Anna", "Bram"]);
  });
});

test("a round saved, a card moved, the two compared: the moved card is marked on a read-only board", async () => {
  await withApp({}, async ({ s }) => {
    await s.clickOn(".journey-item");
    await s.waitFor(".phase-title");
    await s.clickOn(".journey-header [data-action=rounds]");
    await (await s.waitFor('.rounds-panel input[aria-label="Name of the round"]')).click();
    await s.keys(`As-is${KEY.enter}`);
    await s.waitFor(".round-meta");

    const id = await s.execute("return document.querySelector('.cell .card').dataset.cardId");
    await s.clickOn(`.card[data-card-id="${id}"]`);
    await s.chord(KEY.control, KEY.right);
    await s.waitFor(".save-state", { text: "All changes saved" });

    await s.clickOn(".compare button", { text: "Compare" });
    await s.waitFor(".diff-summary", { text: "0 added · 0 removed · 1 moved · 0 changed" });
    const marked = await s.findAll(".round-view .card.mark-moved");
    assert.equal(marked.length, 1);
    assert.equal(await marked[0].attribute("data-card-id"), id);
    await s.screenshot("44-rounds-compared");
    await s.clickOn(".round-banner button", { text: "Back to the journey" });
    await s.waitFor(`.board-scroll .card[data-card-id="${id}"]`);
  });
});

test("the presenter view steps through the phases and opens a projector window that shows the map", async () => {
  await withApp({}, async ({ s }) => {
    await s.clickOn(".journey-item");
    await s.waitFor(".phase-title");
    const phases = await s.execute("return [...document.querySelectorAll('.phase-title')].map((e) => e.textContent)");
    await s.clickOn(".journey-header [data-action=present]");
    await s.waitFor(".presenter .stage-head h1", { text: phases[0] });
    await s.keys(KEY.right);
    await s.waitFor(".presenter .stage-head h1", { text: phases[1] });
    await s.screenshot("45-presenter");

    await s.clickOn(".presenter .room-timer [data-action=timer]");
    await s.clickOn(".presenter .timer-menu button", { text: "5 min" });
    const main = await s.cmd("GET", "/window");
    await s.clickOn(".presenter-controls button", { text: "Projector window" });
    await s.waitFor(".presenter-next");
    let handles = [];
    for (let i = 0; i < 50 && handles.length < 2; i++) {
      handles = await s.cmd("GET", "/window/handles");
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(handles.length, 2, "a second window opened");
    await s.cmd("POST", "/window", { handle: handles.find((h) => h !== main) });
    await s.waitFor(".projector .stage-head h1", { text: phases[1] });
    assert.equal((await s.findAll(".projector .presenter-controls")).length, 0, "the projector shows no controls");
    await s.screenshot("46-projector-window");

    // Stepping on the laptop moves the projector along; the room timer started on the laptop
    // (before the projector window covered it) shows on the wall.
    await s.cmd("POST", "/window", { handle: main });
    await s.screenshot("47-presenter-with-projector");
    await s.keys(KEY.right);
    await s.cmd("POST", "/window", { handle: handles.find((h) => h !== main) });
    await s.waitFor(".projector .stage-head h1", { text: phases[2] });
    const wall = await (await s.waitFor(".projector .projector-clock")).text();
    assert.match(wall, /^[45]:\d\d$/, "the timer on the wall");
    await s.screenshot("48-projector-timer");
    await s.cmd("POST", "/window", { handle: main });
    await s.keys(KEY.escape);
    await s.waitFor(".journey-header");
  });
});

test("a persona gets a picture from a file; text posing as a picture and a 50 MB file are refused and change nothing", async () => {
  const dir = mkdtempSync(join(tmpdir(), "jw-picture-"));
  const file = join(dir, "portrait.png");
  copyFileSync(join(import.meta.dirname, "..", "..", "icons", "icon.png"), file);
  await withApp({ env: { LANG: "en_GB.UTF-8", JOURNEYWALL_OPEN_FILE: file } }, async (app) => {
    let s = app.s;
    await s.clickOn(".journey-item");
    await s.clickOn(".persona-chip");
    await s.clickOn(".persona-card button", { text: "Choose a picture…" });
    const img = await s.waitFor(".persona-card img.persona-picture");
    const src = await img.attribute("src");
    assert.match(src, /^data:image\/jpeg;base64,/);
    await s.waitFor(".persona-chip img");
    await s.screenshot("48-persona-picture");

    writeFileSync(file, "this is a text file, not a picture\n");
    await s.clickOn(".persona-card button", { text: "Choose a picture…" });
    await s.waitFor(".toast", { text: "portrait.png is not a picture Journeywall can read" });
    await s.clickOn(".toast button", { text: "Dismiss" });

    writeFileSync(file, "");
    truncateSync(file, 50 * 1024 * 1024);
    await s.clickOn(".persona-card button", { text: "Choose a picture…" });
    await s.waitFor(".toast", { text: "portrait.png is 50.0 MB; a picture may be at most 20 MB" });
    await s.screenshot("49-persona-picture-too-big");

    // The picture chosen first is still the one stored.
    s = await app.restart();
    // The app opens again on the journey that was open.
    await s.clickOn(".persona-chip");
    assert.equal(await (await s.waitFor(".persona-card img.persona-picture")).attribute("src"), src);
  });
});
