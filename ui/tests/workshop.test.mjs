// Workshop tools in headless Chromium with the backend faked: quick capture from the keyboard
// alone, and the room timer (driven by a clock the test controls).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { calls, startUi, template } from "./harness.mjs";

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

async function openEditor() {
  const doc = template("online-en");
  const page = await ui.open({ journeys: [doc] });
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByRole("columnheader", { name: "Awareness" }).waitFor();
  return { page, doc };
}
const added = async (page) => (await calls(page)).filter((c) => c.cmd === "apply_edit").map((c) => c.args.edit);

test("quick capture: 30 sticky notes from the keyboard, Tab moving down the rows and on to the next phase", async () => {
  const { page, doc } = await openEditor();
  await page.keyboard.press("Control+k");
  const field = page.getByRole("textbox", { name: "Quick capture" });
  await field.waitFor();
  const visible = doc.rows.filter((r) => !r.hidden);
  const t0 = Date.now();
  for (let i = 0; i < 30; i++) {
    await field.fill(`Note ${i + 1}`);
    await page.keyboard.press("Enter");
    if (i % 5 === 4) await page.keyboard.press("Tab");
  }
  const elapsed = Date.now() - t0;
  await page.getByText("30 cards added").waitFor();
  const edits = await added(page);
  assert.equal(edits.length, 30);
  // Five notes per cell, down the rows of the first phase, then into the second phase.
  edits.forEach((e, i) => {
    const cell = Math.floor(i / 5);
    assert.equal(e.type, "addCard");
    assert.equal(e.title, `Note ${i + 1}`);
    assert.equal(e.phase, doc.phases[Math.floor(cell / visible.length)].id, `note ${i + 1}`);
    assert.equal(e.row, visible[cell % visible.length].id, `note ${i + 1}`);
  });
  await page.locator(".card", { hasText: "Note 30" }).waitFor();
  assert.ok(elapsed < 60_000, `30 notes took ${elapsed} ms`);
});

test("quick capture: Shift+Tab goes back, pasting lines makes one card each, Escape closes", async () => {
  const { page, doc } = await openEditor();
  await page.getByRole("button", { name: /Capture/ }).click();
  const field = page.getByRole("textbox", { name: "Quick capture" });
  await page.keyboard.press("Shift+Tab");
  const last = { phase: doc.phases.at(-1), row: doc.rows.filter((r) => !r.hidden).at(-1) };
  await page.locator(".capture-target", { hasText: last.phase.title }).waitFor();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "First line\nSecond line\n\nThird line");
    document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.getByText("3 cards added").waitFor();
  const batch = (await added(page)).at(-1);
  assert.equal(batch.type, "batch");
  assert.deepEqual(batch.edits.map((e) => [e.title, e.phase, e.row]), ["First line", "Second line", "Third line"].map((t) => [t, last.phase.id, last.row.id]));
  await field.press("Escape");
  await field.waitFor({ state: "detached" });
});

test("the room timer: a preset counts down, +1 min, pause, and a large overlay when time is up", async () => {
  const { page } = await openEditor();
  await page.clock.install();
  await page.getByRole("button", { name: /Timer/ }).click();
  await page.getByRole("menuitem", { name: "2 min" }).click();
  const timer = page.getByRole("timer");
  await timer.getByText("2:00").waitFor();
  await page.clock.runFor(30_000);
  await timer.getByText("1:30").waitFor();
  await timer.getByRole("button", { name: "+1 min" }).click();
  await timer.getByText("2:30").waitFor();
  await timer.getByRole("button", { name: "Pause" }).click();
  await page.clock.runFor(60_000);
  await timer.getByText("2:30").waitFor();
  await timer.getByRole("button", { name: "Resume" }).click();
  await page.clock.runFor(151_000);
  const overlay = page.getByRole("dialog", { name: "Timer" });
  await overlay.getByText("Time's up").waitFor();
  assert.match(await overlay.getAttribute("class"), /up/);
  // Nothing of the timer is an edit.
  assert.equal((await added(page)).length, 0);
  await overlay.getByRole("button", { name: "Stop" }).click();
  await overlay.waitFor({ state: "detached" });
  await page.getByRole("button", { name: /Timer/ }).waitFor();
});

test("the room timer: any number of minutes, shown large and made small again", async () => {
  const { page } = await openEditor();
  await page.clock.install();
  await page.getByRole("button", { name: /Timer/ }).click();
  await page.getByLabel("Minutes").fill("7");
  await page.getByRole("button", { name: "Start" }).click();
  await page.getByRole("timer").getByText("7:00").waitFor();
  await page.getByRole("button", { name: "7:00" }).click();
  const overlay = page.getByRole("dialog", { name: "Timer" });
  await overlay.locator(".timer-big", { hasText: "7:00" }).waitFor();
  await overlay.getByRole("button", { name: "Make small" }).click();
  await overlay.waitFor({ state: "detached" });
});
