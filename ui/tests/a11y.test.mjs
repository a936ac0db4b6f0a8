// Accessibility: axe-core run inside the page over every screen and dialog, in English and Dutch.
// No critical or serious finding may remain; each finding is reported with its rule and the
// elements it was found on, so a failure says what to fix.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { startUi, template } from "./harness.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

/** The critical and serious findings on the page as it is now, one line each. */
async function findings(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // Colour contrast is checked too: the rules run on what is drawn, fonts and phase colours included.
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations
      .filter((v) => v.impact === "critical" || v.impact === "serious")
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 4).map((n) => `${n.target.join(" ")}${n.failureSummary ? ` [${n.failureSummary.split("\n").slice(1, 2).join("").trim()}]` : ""}`).join("; ")}${v.nodes.length > 4 ? ` and ${v.nodes.length - 4} more` : ""}`);
  });
  return result;
}

/** Findings per screen; one seen on an earlier screen of the same page (the board behind a dialog) is not told again. */
async function check(page, screen, found) {
  for (const f of await findings(page)) if (!found.some((seen) => seen.endsWith(`: ${f}`))) found.push(`${screen}: ${f}`);
}

for (const locale of ["en", "nl"]) {
  test(`every screen and dialog passes axe (${locale})`, async () => {
    const journey = locale === "nl" ? template("online-nl") : template("online-en");
    const page = await ui.open({ journeys: [journey], locale });
    const found = [];
    const button = (name) => page.getByRole("button", { name }).first();
    await page.locator(".journey-list, .home").first().waitFor();
    await check(page, "home", found);

    await button(locale === "nl" ? /Nieuwe klantreis/ : /New journey/).click();
    await page.getByRole("dialog").waitFor();
    await check(page, "template picker", found);
    await page.keyboard.press("Escape");

    await page.locator(".journey-item").first().click();
    await page.locator(".board").waitFor();
    await page.locator(".card").first().click();
    await check(page, "editor with a card selected", found);

    for (const [panel, name] of [
      ["vote", /^(Vote|Stemmen)/],
      ["rounds", /^(Rounds|Rondes)/],
      ["personas", /^Persona/],
      ["room", /^(Room|Telefoons)/],
    ]) {
      await page.locator(".journey-header").getByRole("button", { name }).first().click();
      await page.locator(`.${panel}-panel`).waitFor();
      await check(page, `${panel} panel`, found);
    }

    await page.keyboard.press("Control+p");
    await page.locator(".poster-dialog").waitFor();
    await page.locator(".poster-preview img").waitFor();
    await check(page, "poster dialog", found);
    await page.keyboard.press("Escape");

    await page.locator(".board .card").first().click();
    await page.keyboard.press("F1");
    await page.getByRole("dialog").waitFor();
    await check(page, "shortcuts", found);
    await page.keyboard.press("Escape");

    await page.keyboard.press("F5");
    await page.locator(".presenter").waitFor();
    await check(page, "presenter view", found);
    await page.keyboard.press("Escape");

    assert.ok(found.length === 0, `axe findings:\n${found.join("\n")}`);
    assert.deepEqual(page.errors, []);
  });
}
