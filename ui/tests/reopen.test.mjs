// After a restart the app opens on the journey that was open, as the database it opened
// remembers it (reloading the page on the same database is the restart here); a journey that is
// gone by then leaves the app on the home screen, without an error.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startUi, template } from "./harness.mjs";

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

const heading = (page) => page.getByRole("heading", { level: 1 });

test("a restart opens the journey that was open, and the home screen once the user went home", async () => {
  const page = await ui.open({ journeys: [template("online-en"), template("online-nl")] });
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness$/ }).waitFor();

  await page.reload();
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness$/ }).waitFor();
  assert.equal(await heading(page).innerText(), "Online customer journey");

  await page.getByRole("button", { name: "All journeys" }).click();
  await page.getByRole("heading", { name: "Journeys" }).waitFor();
  await page.reload();
  await page.getByRole("heading", { name: "Journeys" }).waitFor();
  await page.getByRole("button", { name: /Online customer journey/ }).waitFor();
  assert.equal(await page.locator(".journey-view").count(), 0, "the home screen, not an editor");
  assert.deepEqual(page.errors, []);
});

test("a journey deleted since the last start leaves the app on the home screen without an error", async () => {
  const page = await ui.open({ journeys: [template("online-en"), template("online-nl")] });
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness$/ }).waitFor();
  // Deleted elsewhere (another window, the command line) while this window is closed.
  const app = page.url();
  await page.goto("about:blank");
  await ui.core.call({ cmd: "delete_journey", journey: page.docs[0].journey.id });

  await page.goto(app);
  await page.getByRole("heading", { name: "Journeys" }).waitFor();
  await page.locator(".journey-item").first().waitFor();
  assert.equal(await page.locator(".journey-item").count(), 1);
  assert.equal(await page.getByRole("alert").count(), 0, "no error is shown");
  assert.equal(await page.locator(".notice").count(), 0, "nothing to dismiss");
  assert.deepEqual(page.errors, []);
});
