// A workshop stretch in the real app, in one session, as a facilitator works through it: a journey
// from a template, personas, twenty notes taken down, tidying by drag and by keyboard, the card
// panel, a dot vote, the timer, presenting, a round, the poster dialog and ten undos. After every
// step: the focus is where a person expects it (never on the page's body), what has the focus is
// in view, and no error shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { KEY, withApp } from "./webdriver.mjs";

const K = { ...KEY, alt: "\uE00A", up: "\uE013", down: "\uE015", left: "\uE012", f5: "\uE035", del: "\uE017", zero: "0" };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** What a person sees of the focus: where it is, whether it is in view, and any error shown. */
const LOOK = `
  const el = document.activeElement;
  const board = document.querySelector(".board");
  // WebKit gives rects inside the zoomed board in unzoomed pixels (see ui/src/components/rects.ts).
  const corner = board?.querySelector(".corner");
  const zoom = board ? parseFloat(board.style.zoom || "1") : 1;
  const k = corner && corner.offsetWidth && board.contains(el) ? zoom / (corner.getBoundingClientRect().width / corner.offsetWidth) : 1;
  const r = el?.getBoundingClientRect();
  const box = r && { left: r.left * k, top: r.top * k, right: r.right * k, bottom: r.bottom * k };
  const inView = !!box && box.right > 0 && box.bottom > 0 && box.left < innerWidth && box.top < innerHeight;
  return {
    body: !el || el === document.body,
    name: el ? (el.getAttribute("aria-label") || el.textContent || el.tagName).trim().slice(0, 80) : "",
    inView,
    errors: [...document.querySelectorAll("[role=alert]")].map((e) => e.textContent.trim()),
    thrown: window.__thrown ?? [],
  };`;

test("a workshop stretch of seventy steps in one session: the focus is always where a person expects it, in view, and nothing fails", async () => {
  await withApp({}, async ({ s }) => {
    let count = 0;
    /**
     * One step: do it, then wait until the focus is in `focus` (a selector) and in view (unless the
     * step is the user scrolling it away), and look for errors.
     */
    const step = async (name, run, focus, { scrolled = false } = {}) => {
      count++;
      try {
        await run();
      } catch (e) {
        const shot = await s.screenshot(`stretch-failed-${count}`);
        throw new Error(`step ${count} (${name}) failed (see ${shot}): ${e.message}`);
      }
      const until = Date.now() + 5000;
      let look;
      for (;;) {
        look = await s.execute(LOOK);
        const there = focus ? await s.execute("return !!document.activeElement?.closest(arguments[0]);", [focus]) : !look.body;
        if (there && (look.inView || scrolled)) break;
        if (Date.now() > until) {
          const shot = await s.screenshot(`stretch-failed-${count}`);
          assert.fail(`step ${count} (${name}): the focus is on “${look.name}”${look.body ? " (the page's body)" : ""}${look.inView ? "" : ", out of view"}; expected ${focus ?? "anything but the body"} (see ${shot})`);
        }
        await sleep(50);
      }
      assert.deepEqual(look.errors, [], `step ${count} (${name}): an error shows`);
      assert.deepEqual(look.thrown, [], `step ${count} (${name}): the page threw`);
    };
    const saved = () => s.waitFor(".save-state", { text: "All changes saved" });
    const cardIds = (css = ".cell .card") => s.execute("return [...document.querySelectorAll(arguments[0])].map((e) => e.dataset.cardId);", [css]);
    const card = (id) => `.card[data-card-id="${id}"]`;
    /** Cards a person can click now: not scrolled away nor under a sticky header or label. */
    const clickable = () =>
      s.execute(`return [...document.querySelectorAll(".cell .card")].filter((c) => {
        const r = c.getBoundingClientRect();
        return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest(".card") === c;
      }).map((c) => c.dataset.cardId);`);

    await s.waitFor(".home");
    await s.execute("window.__thrown = []; window.addEventListener('error', (e) => window.__thrown.push(String(e.message)));");

    // A journey from a template.
    await step("Ctrl+N opens the template picker", () => s.chord(K.control, "n"), ".dialog");
    await step("English templates", () => s.clickOn(".segmented button", { text: "English" }), ".dialog");
    await step("a template", () => s.clickOn(".template", { text: "Website customer journey" }), ".dialog");
    await step("its name", async () => {
      await (await s.find(".dialog .field input")).click();
      await s.keys("Bike shop");
    }, ".dialog .field input");
    await step("Create: the board has the focus", () => s.keys(K.enter), ".board-scroll");
    await s.waitFor(".phase-title", { text: "Orientation" });
    await s.execute("window.__thrown ??= []; window.addEventListener('error', (e) => window.__thrown.push(String(e.message)));");

    // Personas.
    await step("the personas panel", () => s.clickOn(".journey-header [data-action=personas]"), ".personas-panel");
    await step("+ Add a persona: the focus is in its name", () => s.clickOn(".personas-panel > button"), ".persona-card input");
    await step("its name, Enter", async () => {
      await s.chord(K.control, "a");
      await s.keys(`Noor de Vries${K.enter}`);
    }, ".persona-card input");
    await step("Tab to the role", () => s.keys(K.tab), ".persona-card");
    await step("a role", () => s.keys("Student, rides to campus"), ".persona-card");
    await step("Tab on", () => s.keys(K.tab), ".persona-card");
    await step("the panel closes: the focus is back on its button", () => s.clickOn(".personas-panel .panel-head button"), "[data-action=personas]");
    await saved();

    // Twenty notes with quick capture, moving on to the next cell now and then.
    await step("Ctrl+K: quick capture", () => s.chord(K.control, "k"), ".capture-bar input");
    for (let i = 1; i <= 20; i++) {
      await step(`note ${i}`, () => s.keys(`${i % 5 === 0 ? K.tab : ""}Note ${i} about the bike shop${K.enter}`), ".capture-bar input");
    }
    await s.waitFor(".capture-count", { text: "20 cards added" });
    await step("Escape: back on the board", () => s.keys(K.escape), ".board-scroll");
    await saved();

    // Tidying: a drag, a multi-select drag, keys.
    await step("back to the top of the board", () => s.execute("document.querySelector('.board-scroll').scrollTo(0, 0);"), ".board-scroll", { scrolled: true });
    const [a, b] = await cardIds();
    const cells = await s.findAll(".cell");
    await step("a click selects a card", () => s.clickOn(card(a)), card(a));
    await step("a drag into another cell: the card keeps the focus", async () => s.drag(await s.find(card(a)), cells.at(7)), card(a));
    await saved();
    await step("Ctrl+click a second card", async () => {
      await s.cmd("POST", "/actions", {
        actions: [
          { type: "key", id: "k", actions: [{ type: "keyDown", value: K.control }, { type: "pause", duration: 0 }, { type: "pause", duration: 0 }, { type: "keyUp", value: K.control }] },
          { type: "pointer", id: "m", parameters: { pointerType: "mouse" }, actions: [{ type: "pointerMove", duration: 0, origin: { "element-6066-11e4-a52e-4f735466cecf": (await s.find(card(b))).id }, x: 0, y: 0 }, { type: "pointerDown", button: 0 }, { type: "pointerUp", button: 0 }, { type: "pause", duration: 0 }] },
        ],
      });
      await s.cmd("DELETE", "/actions");
    }, ".board-scroll");
    assert.equal((await cardIds(".card.selected")).length, 2, "two cards selected");
    await step("both dragged together", async () => s.drag(await s.find(card(b)), (await s.findAll(".cell")).at(3)), ".board-scroll");
    await saved();
    await step("Ctrl+→ moves the selection", () => s.chord(K.control, K.right), ".board-scroll");
    await saved();
    await step("↓ walks to a card", () => s.keys(K.down), ".card");
    for (let i = 0; i < 12 && !(await s.execute("return !!document.activeElement?.matches('.phase-header');")); i++) await s.keys(K.up);
    await step("↑ reached the phase header", () => Promise.resolve(), ".phase-header");
    await step("Alt+→ moves the phase", () => s.chord(K.alt, K.right), ".phase-header");
    await saved();
    await step("Alt+Shift+→ widens it", () => s.chord(K.alt, K.shift, K.right), ".phase-header");
    await saved();
    await step("↓ back into its cards", () => s.keys(K.down), ".cell, .card");
    await step("Enter edits the card's title", () => s.keys(K.enter), ".card-editor");
    await step("typed at its end, Enter: the focus is on the card", () => s.keys(`\uE010 (checked)${K.enter}`), ".card");
    await saved();

    // The card panel.
    await step("Ctrl+I hides the details", () => s.chord(K.control, "i"), ".details-rail");
    await step("Ctrl+I shows them, the focus inside", () => s.chord(K.control, "i"), ".inspector");
    await step("Tab in the panel", () => s.keys(K.tab), ".inspector");
    await step("Tab again", () => s.keys(K.tab), ".inspector");

    // A dot vote.
    await step("the vote panel", () => s.clickOn(".journey-header [data-action=vote]"), ".vote-panel");
    await step("Start a vote: the first name is next", () => s.clickOn(".vote-panel button", { text: "Start a vote" }), ".vote-panel input");
    await step("Anna joins", () => s.keys(`Anna${K.enter}`), ".vote-panel");
    await s.waitFor(".turn", { text: "Anna's turn" });
    const [v1] = await clickable();
    await step("a click gives a dot", () => s.clickOn(card(v1)), ".board-scroll");
    await s.waitFor(`${card(v1)} [aria-label="1 vote"]`);
    await step("↓ walks on", () => s.keys(K.down), ".card");
    await step("Enter gives the card a dot", () => s.keys(K.enter), ".card");
    await step("Delete takes it back", () => s.keys(K.del), ".card");
    // WebKit does not focus a clicked button: the focus stays where it was (a card) or, if it was on
    // the button, goes to the panel.
    await step("Done", () => s.clickOn(".turn button", { text: "Done" }), ".vote-panel, .board-scroll");

    // The timer.
    await step("the timer's menu", () => s.clickOn(".room-timer [data-action=timer]"), ".journey-view");
    await step("two minutes", () => s.clickOn(".timer-menu button", { text: "2 min" }), ".journey-header");
    await step("the timer large", () => s.clickOn(".timer-time"), ".timer-overlay");
    await step("stopped", () => s.clickOn(".timer-overlay-controls button", { text: "Stop" }), ".journey-header");

    // Presenting.
    await step("F5 presents", () => s.keys(K.f5), ".presenter");
    await step("→ the next phase", () => s.keys(KEY.right), ".presenter");
    await step("Escape: back where it was", () => s.keys(K.escape), ".journey-view");

    // A round.
    await step("the rounds panel", () => s.clickOn(".journey-header [data-action=rounds]"), ".rounds-panel");
    await step("a round's name", async () => {
      await (await s.find(".rounds-panel input")).click();
      await s.keys(`As-is${K.enter}`);
    }, ".rounds-panel");
    await s.waitFor(".rounds-panel", { text: "As-is" });

    // The poster dialog.
    await step("Ctrl+P", () => s.chord(K.control, "p"), ".poster-dialog");
    await step("Escape closes it", () => s.keys(K.escape), ".journey-view");

    // Ten undos, each keeping the focus on the page and showing no error.
    await (await s.find(".board-scroll")).click();
    for (let i = 1; i <= 10; i++) {
      await step(`undo ${i}`, () => s.chord(K.control, "z"), ".journey-view");
      await saved();
    }

    // Fit: the whole map, legible.
    await step("Ctrl+0 fits", () => s.chord(K.control, K.zero), ".journey-view");
    // Fit measures for a few frames: what it settled on.
    for (let i = 0; i < 50 && (await s.execute("return !!document.querySelector('.board.measuring');")); i++) await sleep(100);
    const zoom = Number((await (await s.find(".zoom-value")).text()).replace(/\D/g, ""));
    assert.ok(zoom >= 45, `fitted at ${zoom} %`);
    await s.screenshot("50-stretch-end");
    assert.ok(count >= 60, `${count} steps`);
  });
});
