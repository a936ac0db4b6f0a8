// The built app under Xvfb, driven over WebDriver: what a new user sees on the first start.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { APP, freshDatabase, withApp } from "./webdriver.mjs";

assert.ok(existsSync(APP), `build the app first (make build): ${APP}`);

test("the first start shows the sample journey, and it opens as a map", async () => {
  const db = freshDatabase();
  await withApp({ db }, async ({ s }) => {
    const item = await s.waitFor(".journey-item", { text: "Online customer journey" });
    assert.match(await item.text(), /5 phases · 43 cards/);
    await s.screenshot("01-home");
    await item.click();
    await s.waitFor(".phase-header", { text: "Awareness" });
    assert.equal((await s.findAll(".phase-header")).length, 5);
    assert.equal((await s.findAll(".emotion-point")).length, 5);
    assert.equal(await s.titleOnce("Online customer journey — Journeywall"), "Online customer journey — Journeywall");
    await s.screenshot("02-journey");
  });
  // The CLI sees what the app made: one database, one journey.
  const list = execFileSync(APP, ["--db", db, "list"], { encoding: "utf8" });
  assert.match(list, /Online customer journey +\(5 phases, 43 cards\)/);
});

test("in Dutch, the sample journey is the Dutch one", async () => {
  await withApp({ env: { LANG: "nl_NL.UTF-8" } }, async ({ s }) => {
    await s.waitFor("h1", { text: "Klantreizen" });
    await s.waitFor(".journey-item", { text: "5 fases · 43 kaarten" });
  });
});

test("a database that is not ours is explained in the window and left untouched", async () => {
  const db = freshDatabase();
  writeFileSync(db, "my notes, not a database");
  await withApp({ db }, async ({ s }) => {
    const alert = await s.waitFor(".db-error", { text: "could not open its database" });
    assert.match(await alert.text(), /not a Journeywall database/);
    await s.screenshot("03-db-error");
  });
  assert.equal(readFileSync(db, "utf8"), "my notes, not a database");
});
