// A second writer on the page's database (`journeywall edit` in a terminal, or another window),
// on the real core: the board never undoes what it has not shown, and follows when told that the
// file changed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { binary, startUi, template } from "./harness.mjs";

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

const terminal = (page, ...args) => execFileSync(binary, ["--db", page.db, ...args], { encoding: "utf8" });

test("an undo right after an edit made elsewhere undoes nothing, says why, and shows that edit", async () => {
  const page = await ui.open({ journeys: [template("online-en")] });
  const [doc] = page.docs;
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  const first = page.locator(`.cell[data-phase="${doc.phases[0].id}"][data-row="${doc.rows[0].id}"]`);
  await first.focus();
  await page.keyboard.press("n");
  await page.keyboard.type("Said in the room");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.locator(".card", { hasText: "Said in the room" }).waitFor();
  await page.getByText("All changes saved").waitFor();

  // A terminal adds a card to the same cell; the board has not heard of it yet.
  terminal(page, "edit", doc.journey.id, JSON.stringify({ type: "addCard", phase: doc.phases[0].id, row: doc.rows[0].id, index: 0, title: "Typed in a terminal" }));
  await page.keyboard.press("Control+z");
  await page.getByRole("alert").filter({ hasText: "nothing was undone: this journey was just changed elsewhere" }).waitFor();
  await page.locator(".card", { hasText: "Typed in a terminal" }).waitFor();
  assert.equal(await page.locator(".card", { hasText: "Said in the room" }).count(), 1, "the board's own card was not undone");
  assert.match(await page.locator('[data-action="undo"]').getAttribute("aria-label"), /Undo add card/);

  // Now that the board shows it, Ctrl+Z undoes the terminal's card, and only that.
  await page.keyboard.press("Control+z");
  await page.locator(".card", { hasText: "Typed in a terminal" }).waitFor({ state: "detached" });
  assert.equal(await page.locator(".card", { hasText: "Said in the room" }).count(), 1);
  assert.deepEqual(page.errors, []);
});

test("told that the file changed, the board and the home list show what is stored, and say so", async () => {
  const page = await ui.open({ journeys: [template("online-en"), template("website-en")] });
  const [doc, other] = page.docs;
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByRole("group", { name: /Awareness$/ }).waitFor();

  // A change to another journey is no change here: nothing is said. The board reads the file
  // again in turn with its own edits, so a card added after the news shows only once that
  // reading is done (and any notice it would have given is on screen).
  terminal(page, "edit", other.journey.id, JSON.stringify({ type: "updateJourney", name: "Web shop, renamed" }));
  await page.evaluate(() => window.__shell.emit("database-changed"));
  await page.locator(`.cell[data-phase="${doc.phases[1].id}"][data-row="${doc.rows[0].id}"]`).focus();
  await page.keyboard.press("n");
  await page.keyboard.type("Added after the news");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await page.locator(".card", { hasText: "Added after the news" }).waitFor();
  assert.equal(await page.locator(".toast.notice").count(), 0);

  terminal(page, "edit", doc.journey.id, JSON.stringify({ type: "updatePhase", phase: doc.phases[0].id, title: "Noticing" }));
  await page.evaluate(() => window.__shell.emit("database-changed"));
  await page.locator(".phase-title", { hasText: "Noticing" }).waitFor();
  const notice = page.locator(".toast.notice", { hasText: "changed in another window or on the command line" });
  await notice.waitFor();
  // Its Dismiss is readable on the light notice (it was white on white).
  const dismiss = notice.getByRole("button", { name: "Dismiss" });
  const [colour, background] = await dismiss.evaluate((b) => [getComputedStyle(b).color, getComputedStyle(b.closest(".toast")).backgroundColor]);
  assert.notEqual(colour, background);
  await dismiss.click();
  assert.match(await page.locator('[data-action="undo"]').getAttribute("aria-label"), /Undo change phase/, "undo offers the change it now shows");

  // At home, a journey made in a terminal joins the list.
  await page.locator(".back").click();
  await page.locator(".journey-item", { hasText: "Web shop, renamed" }).waitFor();
  terminal(page, "new", "--template", "online-en", "--name", "Made in a terminal");
  await page.evaluate(() => window.__shell.emit("database-changed"));
  await page.locator(".journey-item", { hasText: "Made in a terminal" }).waitFor();

  // Deleted elsewhere while open: the editor goes home and says why.
  await page.getByRole("button", { name: /Web shop, renamed/ }).click();
  await page.getByRole("group", { name: /^Phase 1 of/ }).waitFor();
  execFileSync(binary, ["--db", page.db, "rpc"], { input: `${JSON.stringify({ cmd: "delete_journey", journey: other.journey.id })}\n` });
  await page.evaluate(() => window.__shell.emit("database-changed"));
  await page.locator(".toast.notice", { hasText: "“Web shop, renamed” was deleted in another window" }).waitFor();
  // The notice may come before the home list has been read again: wait for the list, then count.
  await page.locator(".journey-item", { hasText: "Made in a terminal" }).waitFor();
  await page.waitForFunction(() => document.querySelectorAll(".journey-item").length === 2, null, { timeout: 5000 });
  assert.equal(await page.locator(".journey-item", { hasText: "Web shop, renamed" }).count(), 0);
  assert.deepEqual(page.errors, []);
});

test("Ctrl+Z pressed again before the first undo is answered undoes the step before, not 'changed elsewhere'", async () => {
  const page = await ui.open({ journeys: [template("online-en")] });
  const [doc] = page.docs;
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.locator(`.cell[data-phase="${doc.phases[0].id}"][data-row="${doc.rows[0].id}"]`).focus();
  await page.keyboard.press("n");
  for (const title of ["First note", "Second note", "Third note"]) {
    await page.keyboard.type(title);
    await page.keyboard.press("Enter");
  }
  await page.keyboard.press("Escape");
  await page.locator(".card", { hasText: "Third note" }).waitFor();
  // Two presses in a row, each read when its turn comes; then one more.
  await page.keyboard.press("Control+z");
  await page.keyboard.press("Control+z");
  await page.locator(".card", { hasText: "Second note" }).waitFor({ state: "detached" });
  await page.keyboard.press("Control+z");
  await page.locator(".card", { hasText: "First note" }).waitFor({ state: "detached" });
  assert.equal(await page.getByRole("alert").count(), 0, await page.getByRole("alert").allInnerTexts().then(String));
  assert.deepEqual(page.errors, []);
});

test("a round saved in another window joins the open Rounds panel and its compare lists", async () => {
  const page = await ui.open({ journeys: [template("online-en")] });
  const [doc] = page.docs;
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByRole("button", { name: /Rounds/ }).click();
  const panel = page.locator(".rounds-panel");
  await panel.waitFor();
  assert.equal(await panel.locator(".round-name").count(), 0);

  const other = (...requests) => execFileSync(binary, ["--db", page.db, "rpc"], { input: requests.map((r) => `${JSON.stringify(r)}\n`).join(""), encoding: "utf8" });
  other({ cmd: "save_round", journey: doc.journey.id, name: "Saved on the other laptop" }, { cmd: "save_round", journey: doc.journey.id, name: "And a second one" });
  await page.evaluate(() => window.__shell.emit("database-changed"));
  await panel.locator(".round-name", { hasText: "Saved on the other laptop" }).waitFor();
  // (A label's name includes its select's choice: "From Now (the journey)".)
  const from = panel.getByRole("combobox", { name: /^From/ });
  assert.ok((await from.innerText()).includes("Saved on the other laptop"), "the compare lists offer it too");

  // Chosen to compare, then deleted in the other window: the list lets it go, and "now" takes its place.
  const [round] = JSON.parse(other({ cmd: "list_rounds", journey: doc.journey.id })).ok;
  await from.selectOption(round.id);
  other({ cmd: "delete_round", journey: doc.journey.id, round: round.id });
  await page.evaluate(() => window.__shell.emit("database-changed"));
  await panel.locator(".round-name", { hasText: "Saved on the other laptop" }).waitFor({ state: "detached" });
  assert.equal(await from.inputValue(), "");
  await panel.getByRole("button", { name: "Compare" }).click();
  assert.equal(await page.getByRole("alert").count(), 0, await page.getByRole("alert").allInnerTexts().then(String));
  assert.deepEqual(page.errors, []);
});

test("after edits of its own, a change to another journey still says nothing", async () => {
  const page = await ui.open({ journeys: [template("online-en"), template("website-en")] });
  const [doc, other] = page.docs;
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByRole("group", { name: /Awareness$/ }).waitFor();
  const add = async (title) => {
    await page.locator(`.cell[data-phase="${doc.phases[2].id}"][data-row="${doc.rows[0].id}"]`).focus();
    await page.keyboard.press("n");
    await page.keyboard.type(title);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await page.locator(".card", { hasText: title }).waitFor();
  };
  // The board's own edits, merged into what it shows: a card added, moved, its notes and emotion changed.
  await add("Asked the shop on chat");
  await page.locator(".card", { hasText: "Asked the shop on chat" }).click();
  await page.keyboard.press("Control+ArrowLeft");
  await page.getByRole("complementary").getByLabel("Notes").fill("Waited four minutes");
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => !document.querySelector(".save-state.pending, [data-pending]"));
  terminal(page, "edit", other.journey.id, JSON.stringify({ type: "updateJourney", name: "Web shop, renamed" }));
  await page.evaluate(() => window.__shell.emit("database-changed"));
  await add("Added after the news");
  assert.equal(await page.locator(".toast.notice").count(), 0, "nothing changed in this journey");
  assert.deepEqual(page.errors, []);
});
