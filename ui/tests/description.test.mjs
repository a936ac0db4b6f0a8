// A journey's description (it prints on the poster's title block) is seen and changed in the
// app: in the home list and in the editor's details panel, from the keyboard, in both languages,
// each change one undoable edit in the real core.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { calls, startUi, template } from "./harness.mjs";

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

const stored = async (page) => (await ui.core.call({ cmd: "open_journey", journey: page.docs[0].journey.id })).doc.journey.description;
const journeyEdits = async (page) => (await calls(page)).filter((c) => c.cmd === "apply_edit" && c.args.edit.type === "updateJourney").map((c) => c.args.edit);

/** The field stops at the core's 20,000 characters, counted as the core counts them (an emoji is one). */
async function stopsAtTheLimit(field) {
  await field.fill("😀".repeat(20_001));
  assert.equal([...(await field.inputValue())].length, 20_000);
}

test("the home list shows each journey's description and changes it from the keyboard", async () => {
  const page = await ui.open({ journeys: [template("online-en")] });
  const entry = page.locator(".journey-row").first();
  await entry.getByText(/^Five steps of an online purchase/).waitFor();

  await entry.getByRole("button", { name: "Journey actions" }).click();
  await page.getByRole("menuitem", { name: "Edit description" }).click();
  const field = page.getByRole("textbox", { name: "Description" });
  assert.ok(await field.evaluate((el) => el === document.activeElement), "the description field has the focus");
  assert.equal(await field.inputValue(), page.docs[0].journey.description);
  await stopsAtTheLimit(field);

  // Escape leaves it as it was.
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Not this");
  await page.keyboard.press("Escape");
  await entry.getByText(/^Five steps of an online purchase/).waitFor();
  assert.equal((await journeyEdits(page)).length, 0);

  // Enter makes a new line; Ctrl+Enter keeps the text.
  await entry.getByRole("button", { name: "Journey actions" }).click();
  await page.getByRole("menuitem", { name: "Edit description" }).click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Workshop with the web shop team.");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Second line.");
  await page.keyboard.press("Control+Enter");
  await entry.getByText(/^Workshop with the web shop team\./).waitFor();
  assert.equal(await stored(page), "Workshop with the web shop team.\nSecond line.");
  assert.deepEqual(await journeyEdits(page), [{ type: "updateJourney", description: "Workshop with the web shop team.\nSecond line." }]);
  assert.deepEqual(page.errors, []);
});

test("in Dutch the home list's description is labelled in Dutch and saved with its button", async () => {
  const page = await ui.open({ journeys: [template("online-en")], locale: "nl" });
  const entry = page.locator(".journey-row").first();
  await entry.getByRole("button", { name: "Acties voor deze klantreis" }).click();
  await page.getByRole("menuitem", { name: "Beschrijving wijzigen" }).click();
  await page.getByRole("textbox", { name: "Beschrijving" }).fill("Voor het team van de webwinkel.");
  await page.getByRole("button", { name: "Opslaan" }).click();
  await entry.getByText("Voor het team van de webwinkel.").waitFor();
  assert.equal(await stored(page), "Voor het team van de webwinkel.");
});

test("the editor's details panel shows the description with nothing selected; a change is one edit and undoes", async () => {
  const page = await ui.open({ journeys: [template("online-en")] });
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  const panel = page.getByRole("complementary", { name: "Journey details" });
  const field = panel.getByRole("textbox", { name: "Description" });
  await field.waitFor();
  assert.equal(await field.inputValue(), page.docs[0].journey.description);
  await stopsAtTheLimit(field);

  await field.focus();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("For the web shop team.");
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => document.querySelector("[data-action=undo]")?.getAttribute("aria-label") !== "Undo");
  assert.equal(await stored(page), "For the web shop team.");
  assert.deepEqual(await journeyEdits(page), [{ type: "updateJourney", description: "For the web shop team." }]);

  await page.locator("[data-action=undo]").click();
  await page.waitForFunction((old) => document.querySelector(".inspector textarea")?.value === old, page.docs[0].journey.description);
  assert.equal(await stored(page), page.docs[0].journey.description);
  assert.deepEqual(page.errors, []);
});
