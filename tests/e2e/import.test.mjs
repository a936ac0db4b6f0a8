// Importing a CSV of sticky notes in the real app, through the Import button's native dialog
// (which a test cannot click through: JOURNEYWALL_OPEN_FILE names the file "chosen").
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { freshDatabase, withApp } from "./webdriver.mjs";

test("a CSV of sticky notes imports as a journey and opens", async () => {
  const db = freshDatabase();
  const csv = join(dirname(db), "post-its.csv");
  writeFileSync(csv, "fase;rij;titel;emotie\nOriëntatie;Touchpoints;Zoekt op Google;\nAankoop;Emoties;Blij met de prijs;2\nAankoop;Pijnpunten;Verzendkosten € 6,95;\n");
  await withApp({ env: { LANG: "nl_NL.UTF-8", JOURNEYWALL_OPEN_FILE: csv }, db }, async ({ s }) => {
    await s.waitFor(".journey-item");
    await s.clickOn(".home-actions button", { text: "Importeren" });
    await s.waitFor(".phase-title", { text: "Aankoop" });
    await s.waitFor(".card", { text: "Verzendkosten € 6,95" });
    await s.waitFor(".emotion-point", { text: "Blij met de prijs" });
    assert.equal((await s.findAll(".phase-header")).length, 2);
    await s.screenshot("20-imported-csv");
  });
});
