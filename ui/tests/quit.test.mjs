// Quitting the app (its menu's Quit, the window's close button) while something is being typed:
// the window saves it first, then asks the app to end. On the real core (journeywall rpc).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { calls, startUi, template } from "./harness.mjs";

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

/** The app's shell asking the window to quit, as the native menu's Quit or the close button does. */
const quit = (page) => page.evaluate(() => window.__shell.emit("menu-chosen", { id: "quit" }));
/** The backend calls, by name, in the order the window made them. */
const made = async (page) => (await calls(page)).map((c) => (c.cmd === "apply_edit" ? `${c.cmd}:${c.args.edit.type}:${c.args.edit.title ?? c.args.edit.notes ?? ""}` : c.cmd));

test("a card title half typed when the app quits is saved before it ends", async () => {
  const page = await ui.open({ journeys: [template("online-en")] });
  const [doc] = page.docs;
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  // A new card in the focused cell (N), its title typed and not yet confirmed.
  await page.locator(`.cell[data-phase="${doc.phases[1].id}"][data-row="${doc.rows[0].id}"]`).focus();
  await page.keyboard.press("n");
  await page.keyboard.type("Asked a friend who runs");
  await quit(page);
  await page.waitForFunction(() => window.__shell.calls.some((c) => c.cmd === "quit_app"));
  const order = await made(page);
  const saved = order.indexOf("apply_edit:addCard:Asked a friend who runs");
  assert.ok(saved >= 0, `the card was sent: ${order.join(", ")}`);
  assert.ok(saved < order.indexOf("quit_app"), "before the app was asked to end");
});

test("a note typed in the card panel when the app quits is saved before it ends", async () => {
  const page = await ui.open({ journeys: [template("online-en")] });
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.locator(".card", { hasText: "Comparison site" }).click();
  const notes = page.getByRole("textbox", { name: "Notes" });
  await notes.click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Checked three sites in one evening");
  await quit(page);
  await page.waitForFunction(() => window.__shell.calls.some((c) => c.cmd === "quit_app"));
  const order = await made(page);
  const saved = order.indexOf("apply_edit:updateCard:Checked three sites in one evening");
  assert.ok(saved >= 0 && saved < order.indexOf("quit_app"), order.join(", "));
});
