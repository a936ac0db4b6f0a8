// The editor by keyboard alone, as a facilitator who does not use a mouse would work through a
// stretch of a workshop: walk the board, move cards to other rows and phases, reorder and resize
// a phase, move a row, extend a selection, use a menu and a dialog — and hear each change said.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { calls, startUi, template } from "./harness.mjs";

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

async function openEditor(viewport) {
  const page = await ui.open({ journeys: [template("online-en")] }, viewport);
  const [doc] = page.docs;
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.locator(".board .card").first().waitFor();
  return { page, doc };
}

const titles = (doc, phase, row) =>
  doc.cards
    .filter((c) => c.phase === doc.phases[phase].id && c.row === doc.rows[row].id)
    .sort((a, b) => a.position - b.position)
    .map((c) => c.title);
const edits = async (page) => (await calls(page)).filter((c) => ["apply_edit", "undo", "redo"].includes(c.cmd)).map((c) => c.args.edit ?? c.cmd);
/** What the live region says once it says `expected` (the core answers a moment after the key). */
async function said(page, expected) {
  const region = page.getByTestId("announcer");
  await page.waitForFunction(([re]) => new RegExp(re).test(document.querySelector('[data-testid="announcer"]').textContent), [expected.source], { timeout: 5000 }).catch(() => undefined);
  return (await region.textContent()).trim();
}
const focused = (page) => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.textContent);
const selectedTitles = (page) => page.locator(".card.selected .card-title").allTextContents();

test("a workshop stretch by keyboard alone: walk, move across rows and phases, reorder, resize, undo, menus and dialogs", async () => {
  const { page, doc } = await openEditor({ width: 1280, height: 720 });
  const [a0, a1] = titles(doc, 0, 0);
  const [t0] = titles(doc, 0, 1);

  // 1–3. Arrows walk down a cell and on into the row below.
  await page.locator(".board-scroll").focus();
  await page.keyboard.press("ArrowDown");
  assert.deepEqual(await selectedTitles(page), [a0]);
  await page.keyboard.press("ArrowDown");
  assert.deepEqual(await selectedTitles(page), [a1]);
  await page.keyboard.press("ArrowDown");
  assert.deepEqual(await selectedTitles(page), [t0], "Down on the last card goes on to the row below");
  // The card reached takes the focus once it is drawn.
  await page.waitForFunction((t) => document.activeElement?.textContent?.includes(t), t0.slice(0, 20));

  // 4. Ctrl+Up past the top of the cell moves the card into the row above, at its end.
  await page.keyboard.press("Control+ArrowUp");
  assert.equal(await said(page, /Moved/), `Moved “${t0}” to Awareness › Customer actions, 3 of 3`);
  const [move] = (await edits(page)).slice(-1);
  assert.deepEqual([move.type, move.row, move.index], ["moveCards", doc.rows[0].id, 2]);

  // 5. Ctrl+Right carries it into the next phase, and the view follows it.
  await page.keyboard.press("Control+ArrowRight");
  assert.match(await said(page, /Consideration/), new RegExp(`^Moved “${t0}” to Consideration › Customer actions`));
  await page.waitForFunction((title) => {
    const card = [...document.querySelectorAll(".card")].find((c) => c.textContent.includes(title));
    const view = document.querySelector(".board-scroll").getBoundingClientRect();
    const r = card?.getBoundingClientRect();
    return r && r.left >= view.left && r.right <= view.right && document.activeElement === card;
  }, t0);
  assert.equal(await page.locator(".cell.focused").getAttribute("data-phase"), doc.phases[1].id, "the focused cell moved with the card");

  // 6. Undo, said in words.
  await page.keyboard.press("Control+z");
  assert.match(await said(page, /Undone/), /^Undone: /);

  // 7. Shift+Down adds the next card to the selection.
  await page.keyboard.press("ArrowUp");
  const before = (await selectedTitles(page)).length;
  await page.keyboard.press("Shift+ArrowDown");
  assert.equal((await selectedTitles(page)).length, before + 1);

  // 8–9. A phase header in the Tab order: Alt+→ moves it, Alt+Shift+→ widens it.
  const header = page.locator(`.phase-header[data-phase-id="${doc.phases[0].id}"]`);
  await header.focus();
  await page.keyboard.press("Alt+ArrowRight");
  assert.equal(await said(page, /Phase/), "Phase “Awareness” is now 2 of 5");
  assert.match(await focused(page), /^Phase 2 of 5: Awareness$/, "the focus stays on the phase moved");
  await page.keyboard.press("Alt+Shift+ArrowRight");
  assert.equal(await said(page, /wide/), "Phase “Awareness” is now 125 % wide");

  // 9b. Enter on the focused header renames it, and the focus comes back to it; Enter on its ⋯
  // button still opens the menu.
  await page.keyboard.press("Enter");
  await page.getByRole("textbox", { name: "Phase title" }).waitFor();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("First look");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /First look$/.test(document.activeElement?.getAttribute("aria-label") ?? ""));
  assert.match(await focused(page), /^Phase 2 of 5: First look$/);
  await page.keyboard.press("Control+z");
  assert.match(await said(page, /Undone/), /^Undone: /);

    // 10. A row label: Alt+↓ moves the row down.
  await page.locator(`.row-label[data-row-id="${doc.rows[0].id}"]`).focus();
  await page.keyboard.press("Alt+ArrowDown");
  assert.equal(await said(page, /Row/), "Row “Customer actions” is now 2 of 6");
  // F2 on it renames it; Escape leaves the name and gives the focus back.
  await page.keyboard.press("F2");
  await page.getByRole("textbox", { name: "Row title" }).waitFor();
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.activeElement?.classList.contains("row-label"));
  assert.match(await focused(page), /^Row 2 of 6: Customer actions$/);

  // 11. The row's menu from the keyboard (Shift+F10 on its label: the board is one Tab stop): it
  // opens on screen with its first item focused, the arrows go through it, Escape gives the focus
  // back to the label it was opened from.
  await page.keyboard.press("Shift+F10");
  const menu = page.getByRole("menu");
  const box = await menu.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= 1280, `the menu is on screen (x = ${box.x})`);
  assert.equal(await focused(page), "Rename");
  await page.keyboard.press("ArrowDown");
  assert.equal(await focused(page), "Move up");
  await page.keyboard.press("End");
  assert.equal(await focused(page), "Delete row…");
  await page.keyboard.press("Escape");
  assert.equal(await menu.count(), 0);
  assert.equal(await focused(page), "Row 2 of 6: Customer actions");

  // 12. A dialog keeps the focus inside and gives it back.
  await page.keyboard.press("Control+p");
  await page.locator(".poster-dialog").waitFor();
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    assert.ok(await page.evaluate(() => !!document.activeElement?.closest(".poster-dialog")), `Tab ${i + 1} stays in the dialog`);
  }
  await page.keyboard.press("Shift+Tab");
  assert.ok(await page.evaluate(() => !!document.activeElement?.closest(".poster-dialog")));
  await page.keyboard.press("Escape");
  await page.locator(".poster-dialog").waitFor({ state: "detached" });
  assert.equal(await focused(page), "Row 2 of 6: Customer actions", "the focus is back where it was");

  // 13–14. N on a focused empty cell adds a card there; Delete removes it; both said.
  const empty = page.locator(`.cell[data-phase="${doc.phases[4].id}"][data-row="${doc.rows[1].id}"]`);
  await empty.focus();
  await page.keyboard.press("n");
  await page.keyboard.type("Asks a friend");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  assert.match(await said(page, /Added/), /^Added “Asks a friend” to Evaluation › /);
  assert.deepEqual(await selectedTitles(page), ["Asks a friend"]);
  await page.keyboard.press("Delete");
  assert.equal(await said(page, /Deleted/), "Deleted “Asks a friend”");

  // 15. Redo and undo from the keyboard, said too.
  await page.keyboard.press("Control+z");
  assert.match(await said(page, /Undone/), /^Undone: /);
  await page.keyboard.press("Control+Shift+z");
  assert.match(await said(page, /Redone/), /^Redone: /);
  assert.deepEqual(page.errors, []);
});

test("the live region speaks the UI's language", async () => {
  const page = await ui.open({ journeys: [template("online-nl")], locale: "nl" });
  const [doc] = page.docs;
  await page.locator(".journey-item").first().click();
  await page.locator(".board .card").first().waitFor();
  const first = titles(doc, 1, 0)[0];
  await page.locator(".card", { hasText: first }).click();
  await page.keyboard.press("Control+ArrowLeft");
  assert.match(await said(page, /verplaatst/), new RegExp(`^“${first}” verplaatst naar ${doc.phases[0].title} › `));
});

test("keys pressed again before the core answers step on from where the step before left things: Ctrl+↓ three times, Alt+→ twice", async () => {
  const { page, doc } = await openEditor();
  const [a0] = titles(doc, 0, 0);
  const below = titles(doc, 0, 1);
  // A slow core (a busy laptop): every answer comes 250 ms after the request.
  await page.evaluate(() => {
    const rpc = window.__rpc;
    window.__rpc = (request) => new Promise((r) => setTimeout(r, 250)).then(() => rpc(request));
  });
  await page.locator(".card", { hasText: a0 }).click();
  for (let i = 0; i < 3; i++) await page.keyboard.press("Control+ArrowDown");
  // One place down in its cell, then past its end to the top of the row below, then one further.
  assert.equal(await said(page, new RegExp(`${doc.rows[1].title}, 2 of`)), `Moved “${a0}” to Awareness › ${doc.rows[1].title}, 2 of ${below.length + 1}`);
  const moves = (await edits(page)).filter((e) => e.type === "moveCards");
  assert.deepEqual(
    moves.map((m) => [m.row, m.index]),
    [
      [doc.rows[0].id, 1],
      [doc.rows[1].id, 0],
      [doc.rows[1].id, 1],
    ],
  );
  await page.locator(`.phase-header[data-phase-id="${doc.phases[0].id}"]`).focus();
  await page.keyboard.press("Alt+ArrowRight");
  await page.keyboard.press("Alt+ArrowRight");
  assert.equal(await said(page, /3 of/), `Phase “${doc.phases[0].title}” is now 3 of ${doc.phases.length}`);
  assert.deepEqual(page.errors, []);
});

test("Shift+Down goes on adding the card below, past two (walk: it stopped at the second)", async () => {
  const { page, doc } = await openEditor({ width: 1280, height: 720 });
  // Down the first phase: its cards row after row, as the arrows walk them (empty cells passed).
  const column = doc.rows.flatMap((_, r) => titles(doc, 0, r));
  assert.ok(column.length >= 4, `${column.length} cards in the first phase`);
  await page.locator(".board .card", { hasText: column[0] }).first().click();
  for (let n = 2; n <= 4; n++) {
    await page.keyboard.press("Shift+ArrowDown");
    await page.waitForFunction((n) => document.querySelectorAll(".card.selected").length === n, n, { timeout: 3000 }).catch(() => undefined);
    assert.deepEqual((await selectedTitles(page)).sort(), column.slice(0, n).sort(), `after ${n - 1} × Shift+Down`);
  }
});

test("a phase's menu opened with Shift+F10 on its header gives the focus back to the header after a choice (walk: it went to a cell)", async () => {
  const { page, doc } = await openEditor({ width: 1280, height: 720 });
  const header = page.locator(`.phase-header[data-phase-id="${doc.phases[1].id}"]`);
  await header.focus();
  await page.keyboard.press("Shift+F10");
  await page.getByRole("menuitem", { name: "Wider" }).focus();
  await page.keyboard.press("Enter");
  assert.equal(await said(page, /wide/), "Phase “Consideration” is now 125 % wide");
  assert.match(await focused(page), /^Phase 2 of 5: Consideration$/);
  // And again, straight away, as a keyboard user widens a phase step by step.
  await page.keyboard.press("Shift+F10");
  await page.getByRole("menuitem", { name: "Wider" }).focus();
  await page.keyboard.press("Enter");
  assert.equal(await said(page, /150/), "Phase “Consideration” is now 150 % wide");
});
