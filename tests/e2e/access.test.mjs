// The real app (WebKitGTK) for people who do not use a mouse, or do not see the screen: a journey
// made and worked on by keyboard alone, with the live region saying each step, and axe-core run
// inside the app's own web view over every screen and dialog.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { KEY, withApp } from "./webdriver.mjs";

const ui = join(import.meta.dirname, "..", "..", "ui");
const axeSource = readFileSync(createRequire(join(ui, "package.json")).resolve("axe-core/axe.min.js"), "utf8");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const K = { ...KEY, alt: "\uE00A", up: "\uE013", down: "\uE015", left: "\uE012", f1: "\uE031", f5: "\uE035", del: "\uE017" };

/** What has the keyboard focus: its accessible name as the app sets it, else its text. */
const focused = (s) => s.execute("const e = document.activeElement; return e ? (e.getAttribute('aria-label') || e.textContent || e.tagName).trim() : '';");

/** Presses Tab (or Shift+Tab) until the focus is on what `css` matches; fails after `max` presses. */
async function tabTo(s, css, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await s.execute("return !!document.activeElement?.matches(arguments[0]);", [css])) return;
    if (back) await s.chord(K.shift, K.tab);
    else await s.keys(K.tab);
  }
  throw new Error(`${max} presses of Tab did not reach ${css} (the focus is on “${await focused(s)}”)`);
}

/**
 * The live region's words once they match `pattern` (the core answers a moment after the key);
 * with `after`, once they also say something else than that (the step before said the same kind of thing).
 */
async function said(s, pattern, { after = null, timeout = 8000 } = {}) {
  const until = Date.now() + timeout;
  let text = "";
  while (Date.now() < until) {
    text = (await s.execute("return document.querySelector('[data-testid=announcer]')?.textContent ?? '';")).trim();
    if (pattern.test(text) && text !== after) return text;
    await sleep(100);
  }
  throw new Error(`the live region said “${text}”, not ${pattern}`);
}

/** Waits until the focus is in what `css` matches (a field that takes it as it opens), so no key is lost. */
async function focusIn(s, css, timeout = 5000) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    if (await s.execute("return !!document.activeElement?.closest(arguments[0]);", [css])) return;
    await sleep(50);
  }
  throw new Error(`the focus is on “${await focused(s)}”, not in ${css}`);
}

test("a journey made and worked on by keyboard alone in the real app, each step said", async () => {
  await withApp({}, async ({ s }) => {
    await s.waitFor(".home");
    // A new journey: Ctrl+N, then Tab and Enter through the template picker.
    await s.chord(K.control, "n");
    await s.waitFor(".template-list .template");
    // The templates are in the app's language, English here; the first is chosen with Enter.
    await tabTo(s, ".template-list .template");
    await s.keys(K.enter);
    await tabTo(s, ".dialog .field input");
    await focusIn(s, ".dialog .field input");
    await s.keys("Keyboard only");
    await s.keys(K.enter);
    await s.waitFor(".board .card");
    assert.equal(await s.titleOnce("Keyboard only — Journeywall"), "Keyboard only — Journeywall");

    // The board has the focus as the journey opens (it is one Tab stop): the arrows walk into the
    // cards, and up past the first card to its phase's header.
    await focusIn(s, ".board-scroll");
    await s.keys(K.down);
    await s.waitFor(".card.selected");
    await s.keys(K.up);
    await focusIn(s, ".phase-header");
    const firstPhase = await focused(s);
    assert.match(firstPhase, /^Phase 1 of \d+: /);
    await s.keys(K.down);
    await s.waitFor(".card.selected");
    // N adds a card to the focused cell; typed, Enter, Escape.
    await s.keys("n");
    await focusIn(s, ".card-editor");
    await s.keys("Asks a friend");
    await s.keys(K.enter);
    await s.keys(K.escape);
    assert.match(await said(s, /^Added “Asks a friend”/), /^Added “Asks a friend” to .+ › /);
    await s.waitFor(".card.selected", { text: "Asks a friend" });

    // Ctrl+→ moves it into the next phase, Ctrl+↓ on past the cell's end into the row below.
    await s.chord(K.control, K.right);
    const toPhase = await said(s, /^Moved “Asks a friend” to /);
    await s.chord(K.control, K.down);
    await s.chord(K.control, K.down);
    await s.chord(K.control, K.down);
    const toRow = await said(s, /^Moved “Asks a friend” to .* › (?!Customer actions)/, { after: toPhase });
    assert.notEqual(toRow.split(" › ")[1], toPhase.split(" › ")[1], `${toPhase} → ${toRow}: the card changed rows`);
    assert.match(await focused(s), /Asks a friend/, "the card keeps the focus");

    // A phase: back to the first one's header with ← and ↑, Alt+→ moves it, Alt+Shift+→ widens it.
    await s.keys(K.left);
    // Up card by card, each step seen (the card selected, or the header focused) before the next
    // key, as a person watching the board presses it: keys sent blind raced the board on a busy CI.
    const where = () => s.execute("return document.activeElement?.matches('.phase-header') ? 'header' : (document.querySelector('.card.selected')?.dataset.cardId ?? '');");
    for (let i = 0; i < 30 && (await where()) !== "header"; i++) {
      const before = await where();
      await s.keys(K.up);
      for (let t = 0; t < 40 && (await where()) === before; t++) await sleep(50);
    }
    await focusIn(s, '.phase-header[aria-label^="Phase 1 of"]');
    const phase = (await focused(s)).replace(/^Phase \d+ of \d+: /, "");
    await s.chord(K.alt, K.right);
    assert.match(await said(s, /is now \d+ of/), new RegExp(`^Phase “${phase}” is now 2 of \\d+$`));
    assert.match(await focused(s), /^Phase 2 of \d+: /, "the focus stays on the phase moved");
    await s.chord(K.alt, K.shift, K.right);
    assert.equal(await said(s, /wide/), `Phase “${phase}” is now 125 % wide`);
    // Undo the widening, then the move: each said.
    await s.chord(K.control, "z");
    assert.match(await said(s, /^Undone: /), /^Undone: /);
    await s.chord(K.control, "z");
    assert.match(await said(s, /^Undone: Phase .* 1 of/), new RegExp(`^Undone: Phase “${phase}” is now 1 of`));

    // Enter on the header renames it; the focus comes back to it.
    await s.keys(K.enter);
    await focusIn(s, ".phase-header .inline-input");
    await s.chord(K.control, "a");
    await s.keys("Looking around");
    await s.keys(K.enter);
    await s.waitFor(".phase-title", { text: "Looking around" });
    await focusIn(s, ".phase-header", 1000);
    assert.match(await focused(s), /: Looking around$/);

    // Every dialog opens from a key and closes with Escape, the focus back where it was.
    for (const [key, css] of [
      [[K.f1], ".dialog"],
      [[K.control, "p"], ".poster-dialog"],
      [[K.f5], ".presenter"],
    ]) {
      await s.chord(...key);
      await s.waitFor(css);
      assert.ok(await s.execute("return !!document.activeElement?.closest(arguments[0]);", [css]), `the focus is inside ${css}`);
      // It opens at its top, whatever control took the focus.
      assert.ok(await s.execute("const h = document.querySelector(arguments[0]).querySelector('h1, h2'); return !h || h.getBoundingClientRect().top >= 0;", [css]), `${css} opens at its top`);
      await s.keys(K.escape);
      await s.waitGone(css);
      assert.match(await focused(s), /: Looking around$/, `the focus is back on the header after ${css}`);
    }
    // The side panels: Ctrl+I hides and shows the card details.
    await s.chord(K.control, "i");
    await s.waitFor(".details-rail");
    await s.chord(K.control, "i");
    await s.waitFor(".inspector");
    await s.screenshot("40-keyboard-only");
  });
});

/** axe-core's critical and serious findings on what the app shows now, one line each. */
async function findings(s) {
  if (!(await s.execute("return 'axe' in window;"))) await s.execute(`${axeSource}\n;return true;`);
  return s.execute(`
    return axe.run(document, { resultTypes: ["violations"] }).then((r) =>
      r.violations
        .filter((v) => v.impact === "critical" || v.impact === "serious")
        .map((v) => v.id + " (" + v.impact + "): " + v.help + " — " + v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("; ")));
  `);
}

test("axe finds nothing critical or serious on any screen of the real app", async () => {
  await withApp({}, async ({ s }) => {
    const found = [];
    const check = async (screen) => {
      for (const f of await findings(s)) if (!found.some((seen) => seen.endsWith(f))) found.push(`${screen}: ${f}`);
    };
    await s.waitFor(".home");
    await s.clickOn(".home-actions .primary");
    await s.waitFor(".template-list .template");
    await check("template picker");
    await s.clickOn(".segmented button", { text: "English" });
    await s.clickOn(".template", { text: "Online customer journey" });
    await s.clickOn(".dialog-actions .primary");
    await s.waitFor(".board .card");
    await s.clickOn(".board .card");
    await check("editor with a card selected");
    for (const [panel, css] of [
      ["vote", ".vote-panel"],
      ["rounds", ".rounds-panel"],
      ["room", ".room-panel"],
    ]) {
      await s.clickOn(`.journey-header [data-action=${panel}]`);
      await s.waitFor(css);
      await check(`${panel} panel`);
    }
    await s.clickOn(".persona-chip");
    await s.waitFor(".personas-panel");
    await check("personas panel");
    await s.chord(K.control, "p");
    await s.waitFor(".poster-preview img");
    await check("poster dialog");
    await s.keys(K.escape);
    await s.waitGone(".poster-dialog");
    await s.keys(K.f1);
    await s.waitFor(".dialog");
    await check("shortcuts");
    await s.keys(K.escape);
    await s.keys(K.f5);
    await s.waitFor(".presenter");
    await check("presenter view");
    await s.keys(K.escape);
    await s.clickOn(".journey-header .back");
    await s.waitFor(".journey-item");
    await check("home");
    assert.ok(found.length === 0, `axe findings in the real app:\n${found.join("\n")}`);
  });
});
