import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { calls, startUi, template } from "./harness.mjs";

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

const online = () => template("online-en");

test("home lists the journeys with their phases and cards, and filters as you type", async () => {
  const a = online();
  const b = template("website-en");
  b.journey.name = "Bike shop";
  const page = await ui.open({ journeys: [a, b] });
  await page.getByRole("button", { name: /Online customer journey/ }).waitFor();
  assert.match(await page.locator(".journey-list").innerText(), /5 phases · 43 cards/);
  await page.getByPlaceholder("Filter journeys…").fill("bike");
  await page.getByRole("button", { name: /Bike shop/ }).waitFor();
  assert.equal(await page.locator(".journey-item").count(), 1);
  await page.getByPlaceholder("Filter journeys…").fill("zzz");
  await page.getByText("No journey matches").waitFor();
  assert.deepEqual(page.errors, []);
});

test("opening a journey shows phases, questions, rows, cards and the emotion curve", async () => {
  const page = await ui.open({ journeys: [online()] });
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness/ }).waitFor();
  for (const phase of ["Awareness", "Consideration", "Purchase", "Delivery", "Evaluation"]) {
    assert.ok(await page.getByRole("group", { name: new RegExp(`^Phase \\d+ of \\d+: ${phase}`) }).isVisible(), phase);
  }
  assert.equal(await page.locator(".row-label").count(), 6);
  assert.equal(await page.locator(".card").count(), 43 - 5, "emotion cards are drawn on the curve, the rest as cards");
  assert.equal(await page.locator(".emotion-point").count(), 5);
  const d = await page.locator(".emotion-curve .curve").getAttribute("d");
  assert.match(d, /^M[\d.]+,[\d.]+( C[\d., ]+){4}$/, "a smooth curve through five points");
  assert.equal(await page.title(), "Online customer journey — Journeywall");
});

test("user text is shown as text, never as markup", async () => {
  const doc = online();
  doc.cards[0].title = "<img src=x onerror=alert(1)> 📦 مرحبا";
  const page = await ui.open({ journeys: [doc] });
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    d.dismiss();
  });
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByText("<img src=x onerror=alert(1)> 📦 مرحبا").waitFor();
  assert.equal(await page.locator(".board img").count(), 0);
  assert.equal(dialogs, 0);
});

test("a new journey is made from a template in the chosen language", async () => {
  const page = await ui.open({ journeys: [], locale: "nl" });
  await page.getByText("Nog geen klantreizen").waitFor();
  // The picker opens full, not empty for a moment with Create disabled: watch every render of it.
  await page.evaluate(() => {
    new MutationObserver(() => {
      if (document.querySelector('[role="dialog"] .template-list') && !document.querySelector(".template")) window.__emptyPicker = true;
    }).observe(document.body, { childList: true, subtree: true });
  });
  await page.getByRole("button", { name: "Nieuwe klantreis" }).click();
  await page.getByRole("radio", { name: "Nederlands" }).waitFor();
  await page.locator(".template").first().waitFor();
  assert.equal(await page.evaluate(() => window.__emptyPicker ?? false), false, "the picker was never shown empty");
  assert.deepEqual(await page.locator(".template-title").allInnerTexts(), (await ui.core.call({ cmd: "list_templates" })).filter((t) => t.language === "nl").map((t) => t.title), "only the Dutch templates in Dutch");
  await page.locator(".template", { hasText: "Oriëntatie" }).first().click();
  await page.getByLabel("Naam").fill("Fietsenwinkel");
  await page.getByRole("button", { name: "Maken" }).click();
  await page.getByRole("group", { name: /^Fase \d+ van \d+: Oriëntatie/ }).waitFor();
  const made = (await calls(page)).find((c) => c.cmd === "create_journey");
  assert.deepEqual(made.args, { template: "website-nl", name: "Fietsenwinkel" });
});

test("a database that cannot be opened is explained instead of an empty editor", async () => {
  const page = await ui.open({ openError: true });
  await page.getByRole("alert").getByText("Journeywall could not open its database").waitFor();
  assert.match(await page.getByRole("alert").innerText(), /is not a Journeywall database/);
});

test("a journey is renamed, duplicated, and deleted with a way back", async () => {
  const page = await ui.open({ journeys: [online()] });
  const actions = () => page.getByRole("button", { name: "Journey actions" }).first();
  await actions().click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Running shoes");
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: /^Running shoes/ }).waitFor();
  await actions().click();
  await page.getByRole("menuitem", { name: "Duplicate" }).click();
  await page.getByRole("button", { name: /Running shoes \(copy\)/ }).waitFor();
  await actions().click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await page.getByRole("status").getByText("was deleted").waitFor();
  assert.equal(await page.locator(".journey-item").count(), 1);
  await page.getByRole("status").getByRole("button", { name: "Undo" }).click();
  await page.waitForFunction(() => document.querySelectorAll(".journey-item").length === 2);
});

test("the language can be chosen and is remembered", async () => {
  const page = await ui.open({ journeys: [online()], locale: "en" });
  await page.getByRole("heading", { name: "Journeys" }).waitFor();
  await page.getByLabel("Language").selectOption("nl");
  await page.getByRole("heading", { name: "Klantreizen" }).waitFor();
  assert.equal((await calls(page)).find((c) => c.cmd === "set_language").args.locale, "nl");
  assert.equal((await ui.core.call({ cmd: "app_info" })).locale, "nl", "the core keeps the choice");
  assert.equal(await page.evaluate(() => window.__shell.menuLabels.file), "Bestand", "the native menu follows");
  const marked = await page.evaluate(() => [window.__shell.menuLabels.langNl, window.__shell.menuLabels.langEn]);
  assert.deepEqual(marked, ["✓ Nederlands", "English"], "the View menu marks the language shown");
});

test("F1 shows the keyboard shortcuts", async () => {
  const page = await ui.open({ journeys: [online()] });
  await page.getByRole("heading", { name: "Journeys" }).waitFor();
  await page.keyboard.press("F1");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await dialog.getByText("Ctrl+↑ ↓ ← →").waitFor();
  for (const key of ["Ctrl+K", "Ctrl+P", "F5", "F1", "Ctrl+Shift+Z, Ctrl+Y", "Ctrl+N"]) {
    assert.equal(await dialog.getByText(key, { exact: true }).count(), 1, `${key} is listed`);
  }
  // Each line names the action its key runs, as the menu and the toolbar name it.
  await dialog.getByText("Print poster…").waitFor();
  await page.keyboard.press("Escape");
  assert.equal(await page.getByRole("dialog").count(), 0);
});

test("Help → Open the log folder asks the app to show the folder of the log", async () => {
  const page = await ui.open({ journeys: [online()], locale: "en" });
  await page.getByRole("heading", { name: "Journeys" }).waitFor();
  assert.equal(await page.evaluate(() => window.__shell.menuLabels.logFolder), "Open the log folder", "the Help menu names it");
  await page.evaluate(() => window.__shell.emit("menu-chosen", { id: "logFolder" }));
  await page.waitForFunction(() => window.__shell.calls.some((c) => c.cmd === "open_log_folder"));
  await page.getByLabel("Language").selectOption("nl");
  await page.waitForFunction(() => window.__shell.menuLabels.logFolder === "Map met logbestanden openen");
});

test("an error the window does not catch goes to the app's log, with where it happened", async () => {
  const page = await ui.open({ journeys: [online()], locale: "en" });
  await page.getByRole("heading", { name: "Journeys" }).waitFor();
  await page.evaluate(() => {
    setTimeout(() => Promise.reject(new TypeError("the board could not be drawn")));
  });
  await page.waitForFunction(() => window.__shell.calls.some((c) => c.cmd === "log_window_error"));
  const logged = await page.evaluate(() => window.__shell.calls.find((c) => c.cmd === "log_window_error").args.what);
  assert.match(logged, /^TypeError: the board could not be drawn @ /);
});

test("a journey file is imported through the file dialog and opens; the file never crosses the IPC", async () => {
  const page = await ui.open({ journeys: [], importFile: { name: "workshop.json", content: Buffer.from(JSON.stringify(template("online-en"))) } });
  await page.getByText("No journeys yet").waitFor();
  await page.getByRole("button", { name: "Import…" }).click();
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness$/ }).waitFor();
  assert.deepEqual(
    (await calls(page)).filter((c) => c.cmd.includes("import")).map((c) => [c.cmd, c.args]),
    [["choose_import", {}]],
  );
});

test("a journey imported back beside itself is numbered, and a notice says so", async () => {
  const doc = online();
  const page = await ui.open({ journeys: [doc], importFile: { name: "workshop.json", content: Buffer.from(JSON.stringify(doc)) } });
  await page.getByRole("button", { name: /Online customer journey/ }).waitFor();
  await page.getByRole("button", { name: "Import…" }).click();
  const name = doc.journey.name;
  await page.getByRole("status").getByText(`A journey called “${name}” is already here, so this one is called “${name} (2)”.`).waitFor();
  await page.getByRole("heading", { level: 1, name: `${name} (2)` }).waitFor();
});

test("a file that is not a journey is refused with the reason", async () => {
  const page = await ui.open({ journeys: [], importFile: { name: "photo.json", content: Buffer.from([0x89, 0x50, 0x4e, 0x47]) } });
  await page.getByText("No journeys yet").waitFor();
  await page.getByRole("button", { name: "Import…" }).click();
  await page.getByRole("alert").getByText("photo.json: is not a text file; expected Journeywall JSON").waitFor();
});
