// The editor in the real app: make a journey, add a card, drag it to another phase, rename a
// phase, undo, redo, quit, start again — and find everything as it was left.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { APP, KEY, freshDatabase, withApp } from "./webdriver.mjs";

async function phaseTitles(s) {
  return Promise.all((await s.findAll(".phase-title")).map((e) => e.text()));
}

/**
 * Waits in the page until `condition` (a script expression) holds, looked at every frame; after
 * 10 s fails with `what` and the value of `shown` (an expression) at that moment.
 */
function until(s, condition, what, shown = "null") {
  return s.execute(`const end = performance.now() + 10000;
    return new Promise((done, fail) => {
      const look = () => {
        if (${condition}) return done(true);
        if (performance.now() > end) return fail(new Error(${JSON.stringify(what)} + ": " + JSON.stringify(${shown})));
        requestAnimationFrame(look);
      };
      look();
    });`);
}

/** Where the board is scrolled after five frames: edge scrolling left running moves it on every one. */
const scrollAfterFrames = (s) =>
  s.execute(`const b = document.querySelector(".board-scroll");
    return new Promise((done) => {
      let frames = 0;
      const tick = () => (++frames === 5 ? done([b.scrollLeft, b.scrollTop]) : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });`);

/** The undo history of the journey named `name` as the file holds it, read by a second process. */
function storedHistory(db, name) {
  const ask = (request) => JSON.parse(execFileSync(APP, ["--db", db, "rpc"], { input: `${JSON.stringify(request)}\n`, encoding: "utf8" })).ok;
  const journey = ask({ cmd: "list_journeys" }).find((j) => j.name === name);
  assert.ok(journey, `no journey named ${name} in ${db}`);
  return ask({ cmd: "open_journey", journey: journey.id }).history;
}

test("a journey made and edited in the app is there, as left, after a restart", async () => {
  const db = freshDatabase();
  await withApp({ db }, async (app) => {
    let s = app.s;
    // New journey from a template.
    await s.clickOn(".home-actions .primary", { text: "New journey" });
    await s.clickOn(".segmented button", { text: "English" });
    await s.clickOn(".template", { text: "Website customer journey" });
    await (await s.find(".field input")).type("Bike shop");
    await (await s.find(".dialog-actions .primary")).click();
    await s.waitFor(".phase-title", { text: "Orientation" });

    // Add a card from the keyboard: select a card, N, type, Enter, Escape.
    await s.clickOn(".card");
    await s.keys("n");
    await s.waitFor(".card-editor");
    await s.keys("Asks a friend which bike to buy");
    await s.keys(KEY.enter);
    await s.keys(KEY.escape);
    const card = await s.waitFor(".card", { text: "Asks a friend which bike to buy" });
    await s.waitFor(".save-state", { text: "All changes saved" });

    // Drag it into the third phase with pointer actions.
    const phases = await s.findAll(".phase-header");
    const target = (await s.findAll(".cell")).at(2); // first row, third phase
    await s.drag(card, target);
    await s.waitFor(".save-state", { text: "All changes saved" });
    const moved = await s.execute(
      "const c = [...document.querySelectorAll('.card')].find(e => e.textContent.includes('Asks a friend')); return c.closest('.cell').dataset.phase;",
    );
    assert.equal(moved, await phases[2].attribute("data-phase-id"));
    await s.waitFor("button[aria-label='Undo move card']");
    await s.screenshot("10-editor-after-drag");

    // Rename the second phase inline.
    await s.dblclick(await s.find(`.phase-header[data-phase-id="${await phases[1].attribute("data-phase-id")}"] .phase-title`));
    await s.waitFor(".phase-header .inline-input");
    await s.chord(KEY.control, "a");
    await s.keys("Comparing bikes");
    await s.keys(KEY.enter);
    await s.waitFor(".phase-title", { text: "Comparing bikes" });

    // Undo the rename, redo it.
    await s.chord(KEY.control, "z");
    await s.waitFor(".phase-title", { text: "Consideration" });
    await s.chord(KEY.control, KEY.shift, "z");
    await s.waitFor(".phase-title", { text: "Comparing bikes" });
    await s.waitFor(".save-state", { text: "All changes saved" });
    await s.screenshot("11-editor-renamed");

    // Start again on the same database.
    s = await app.restart();
    // The app opens again on the journey that was open.
    await s.waitFor(".phase-title", { text: "Comparing bikes" });
    assert.deepEqual(await phaseTitles(s), ["Orientation", "Comparing bikes", "Purchase", "After-care", "Repeat purchase"]);
    const cardPhase = await s.execute(
      "const c = [...document.querySelectorAll('.card')].find(e => e.textContent.includes('Asks a friend')); return c && c.closest('.cell').dataset.phase;",
    );
    const third = await (await s.findAll(".phase-header")).at(2).attribute("data-phase-id");
    assert.equal(cardPhase, third);
    // Undo history survived the restart: the last step is still the rename.
    await s.waitFor("button[aria-label='Undo change phase']");
    await s.screenshot("12-after-restart");
  });
  // Read by the CLI as it stands: every change was on disk before the restart (the app showed
  // them after it), and a second process reads the file beside a running app anyway.
  const shown = execFileSync(APP, ["--db", db, "show", "Bike shop"], { encoding: "utf8" });
  assert.match(shown, /2\. Comparing bikes/);
  assert.match(shown, /3\. Purchase[\s\S]*Asks a friend which bike to buy/);
});

test("a workshop stretch: clicks, scrolling, an inline edit, tabbing through the card panel, undo", async () => {
  await withApp({}, async ({ s, db }) => {
    const panelTitle = () => s.execute("return document.querySelector('.inspector textarea').value;");
    await s.clickOn(".journey-item");
    await s.waitFor(".card");
    const name = await s.execute("return document.querySelector('.journey-view h1').textContent;");
    // A few plain clicks on cards, as while talking through the map, then scrolling.
    for (const i of [0, 3, 1]) await s.clickOn(".card", { nth: i });
    await s.execute("document.querySelector('.board-scroll').scrollTo(300, 200);");
    assert.deepEqual(await scrollAfterFrames(s), [300, 200], "the board stays where it was scrolled after clicks");
    await s.execute("document.querySelector('.board-scroll').scrollTo(0, 0);");

    // Rename the selected card inline; the panel follows.
    await s.clickOn(".card", { nth: 1 });
    const before = await panelTitle();
    const beforeRename = storedHistory(db, name).undoStep;
    await s.keys(KEY.f2);
    await s.waitFor(".card-editor");
    await s.chord(KEY.control, "a");
    await s.keys("Renamed in the workshop");
    await s.keys(KEY.enter);
    await s.waitFor(".card", { text: "Renamed in the workshop" });
    await s.waitFor(".save-state", { text: "All changes saved" });
    assert.equal(await panelTitle(), "Renamed in the workshop");

    // Tab through the panel: nothing is written back.
    await s.execute("document.querySelector('.inspector textarea').focus();");
    for (let i = 0; i < 8; i++) await s.keys(KEY.tab);
    await s.waitFor("button[aria-label='Undo change card']");
    await s.waitFor(".card", { text: "Renamed in the workshop" });
    await s.screenshot("13-card-panel-after-tabbing");

    // Undo: the card and the panel show the old title again. The undo runs in turn after
    // anything the tabbing sent and takes back the last step stored: had leaving a field written,
    // it would take back that write, and the file's last step would still be the rename.
    await (await s.find(".card.selected")).click();
    await s.chord(KEY.control, "z");
    await s.waitFor(".card", { text: before });
    assert.equal(await panelTitle(), before);
    assert.equal(storedHistory(db, name).undoStep, beforeRename, "the undo took back the rename: tabbing through the panel stored no step of its own");
    assert.equal((await s.findAll(".card")).length > 0, true);
    await s.execute("document.querySelector('.board-scroll').scrollTo(250, 150);");
    assert.deepEqual(await scrollAfterFrames(s), [250, 150], "still scrollable at the end of the stretch");
    await s.screenshot("14-after-undo");
  });
});

for (const [zoom, presses] of [
  ["80 %", 2],
  ["50 %", 5],
]) test(`at ${zoom} a card dropped between two cards lands between them`, async () => {
  await withApp({}, async ({ s }) => {
    await s.clickOn(".journey-item");
    await s.waitFor(".card");
    // Each press shown before the next (the keys are live as soon as the cards show).
    for (let i = 0; i < presses; i++) {
      const before = await (await s.find(".zoom-value")).text();
      await s.chord(KEY.control, "-");
      await until(s, `document.querySelector(".zoom-value").textContent !== ${JSON.stringify(before)}`, `Ctrl+- number ${i + 1} did not change the zoom from ${before}`);
    }
    assert.equal(await (await s.find(".zoom-value")).text(), zoom);
    // The zoom kept the middle of the view in place: back to the first cells, as a person would scroll.
    await s.execute("document.querySelector('.board-scroll').scrollTo(0, 0);");
    // Where things are on screen, measured as a person sees them: the point under which each card
    // is. Cells come into view a frame after a scroll (content-visibility): looked at every frame
    // until the cards are seen.
    const spots = `[...document.querySelectorAll(".cell")].slice(0, 3).map((cell) => {
        const cards = [...cell.querySelectorAll(".card")];
        const seen = (c) => { for (let y = 0; y < innerHeight; y += 6) for (let x = 0; x < innerWidth; x += 30) if (document.elementFromPoint(x, y)?.closest(".card") === c) return [x + 4, y + 4]; return null; };
        return { phase: cell.dataset.phase, cards: cards.map((c) => ({ id: c.dataset.cardId, at: seen(c) })) };
      })`;
    await until(s, `((cells) => cells[0].cards[1]?.at && cells[1].cards[0]?.at)(${spots})`, "the first cards are not seen", spots);
    const cells = await s.execute(`return ${spots};`);
    const [from, to] = [cells[1], cells[0]];
    const moving = from.cards[0];
    // Press on the card, move in steps to just above the second card's middle, let go.
    const second = to.cards[1].at;
    const target = { x: second[0] + 20, y: second[1] + 1 };
    const moves = Array.from({ length: 8 }, (_, i) => ({ type: "pointerMove", duration: 20, x: Math.round(moving.at[0] + ((target.x - moving.at[0]) * (i + 1)) / 8), y: Math.round(moving.at[1] + ((target.y - moving.at[1]) * (i + 1)) / 8) }));
    await s.cmd("POST", "/actions", {
      actions: [{ type: "pointer", id: "mouse", parameters: { pointerType: "mouse" }, actions: [{ type: "pointerMove", duration: 0, x: moving.at[0], y: moving.at[1] }, { type: "pointerDown", button: 0 }, { type: "pause", duration: 50 }, ...moves, { type: "pointerUp", button: 0 }] }],
    });
    await s.cmd("DELETE", "/actions");
    await s.waitFor(".save-state", { text: "All changes saved" });
    const order = await s.execute("return [...document.querySelectorAll('.cell')][0].querySelectorAll('.card')[1]?.dataset.cardId;");
    assert.equal(order, moving.id, "the card landed second in the cell, where it was dropped");
  });
});

test("Fit on a full board in the app: legible and as wide as the view, then the whole board as a picture", async () => {
  const db = freshDatabase();
  execFileSync(APP, ["--db", db, "new", "--template", "website-en", "--name", "Full"]);
  const doc = JSON.parse(execFileSync(APP, ["--db", db, "show", "--json", "Full"], { encoding: "utf8" }));
  const rows = doc.rows.filter((r) => r.kind === "cards");
  // 21 more cards, 12 of them in one cell: about 64 in all.
  const edits = Array.from({ length: 21 }, (_, i) => {
    const [phase, row] = i < 12 ? [doc.phases[0], rows[0]] : [doc.phases[i % doc.phases.length], rows[i % rows.length]];
    return JSON.stringify({ type: "addCard", phase: phase.id, row: row.id, title: `Note ${i + 1} about the bike shop and its opening hours` });
  });
  execFileSync(APP, ["--db", db, "edit", "Full", "-"], { input: edits.join("\n") });
  await withApp({ db }, async ({ s }) => {
    await s.clickOn(".journey-item", { text: "Full" });
    await s.waitFor(".card");
    const look = () =>
      s.execute(`const b = document.querySelector(".board-scroll"); const t = document.querySelector(".cell .card .card-title");
        return { zoom: Number(document.querySelector(".zoom-value").textContent.replace(/\\D/g, "")), wide: b.scrollWidth - b.clientWidth, tall: b.scrollHeight - b.clientHeight, title: t.offsetHeight };`);
    const at100 = await look();
    /**
     * Fit, then what it settled on: no longer measuring, and the zoom shown the same for five
     * frames (a fit measures again two frames after each zoom it tries).
     */
    const fit = async () => {
      await s.chord(KEY.control, "0");
      await s.execute(`return new Promise((done) => {
        let [shown, still] = [null, 0];
        const look = () => {
          const now = document.querySelector(".zoom-value").textContent;
          still = now === shown && !document.querySelector(".board.measuring") ? still + 1 : 0;
          shown = now;
          if (still === 5) done();
          else requestAnimationFrame(look);
        };
        look();
      });`);
      return look();
    };
    const width = await fit();
    assert.ok(width.zoom >= 45, `Fit chose ${width.zoom} %`);
    assert.ok(width.wide <= 1, `${width.wide} px scroll sideways`);
    assert.equal(width.title, at100.title, "a card's title keeps its lines");
    await s.screenshot("15-fit-full-board");
    if (width.tall > 1) {
      const whole = await fit();
      assert.ok(whole.tall <= 1 && whole.wide <= 1, `the whole board in view at ${whole.zoom} % (${whole.wide} × ${whole.tall} px more)`);
      assert.equal(whole.title, at100.title, "scaled as a picture: a card's title keeps its lines");
      await s.screenshot("16-fit-whole-board");
    }
  });
});
