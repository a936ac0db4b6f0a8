// Two writers on one database, as a user meets them: the app is open on a journey while
// `journeywall edit` (or a second window) changes it. The board follows within a second or two,
// says so, and its Ctrl+Z undoes what it shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { APP, KEY, withApp } from "./webdriver.mjs";

const cli = (db, ...args) => execFileSync(APP, ["--db", db, ...args], { encoding: "utf8", env: { ...process.env, LANG: "en_GB.UTF-8" } });

test("an edit made on the command line shows on the open board, and undo takes what the board shows", async () => {
  await withApp({}, async ({ s, db }) => {
    await s.clickOn(".journey-item");
    await s.waitFor(".card");
    const [journey] = JSON.parse(cli(db, "list", "--json"));
    const doc = JSON.parse(cli(db, "show", journey.id, "--json"));
    const add = (title) => JSON.stringify({ type: "addCard", phase: doc.phases[0].id, row: doc.rows[0].id, index: 0, title });

    // The board's own edit first, so its undo offers that.
    await s.clickOn(".card");
    await s.keys("n");
    await s.waitFor(".card-editor");
    await s.keys("Said in the room");
    await s.keys(KEY.enter);
    await s.keys(KEY.escape);
    await s.waitFor(".card", { text: "Said in the room" });
    await s.waitFor(".save-state", { text: "All changes saved" });

    cli(db, "edit", journey.id, add("Typed in a terminal"));
    await s.waitFor(".card", { text: "Typed in a terminal", timeout: 5000 });
    await s.waitFor(".toast.notice", { text: "changed in another window or on the command line" });
    await s.screenshot("30-changed-elsewhere");

    // Undo now takes the terminal's card, which the board shows; the room's card stays.
    await s.chord(KEY.control, "z");
    await waitGone(s, "Typed in a terminal");
    assert.ok(await s.waitFor(".card", { text: "Said in the room" }));

    // A journey deleted elsewhere closes here, with a word why.
    cli(db, "new", "--template", "online-en", "--name", "Second");
    await s.clickOn(".back");
    await s.waitFor(".journey-item", { text: "Second" });
    await s.clickOn(".journey-item", { text: "Second" });
    await s.waitFor(".card");
    const second = JSON.parse(cli(db, "list", "--json")).find((j) => j.name === "Second");
    deleteWithRpc(db, second.id);
    await s.waitFor(".toast.notice", { text: "“Second” was deleted in another window" });
    await s.waitFor(".journey-item");
    assert.equal((await s.findAll(".journey-item")).length, 1);
  });
});

async function waitGone(s, text, timeout = 5000) {
  const until = Date.now() + timeout;
  for (;;) {
    const texts = await Promise.all((await s.findAll(".card")).map((c) => c.text().catch(() => "")));
    if (!texts.some((t) => t.includes(text))) return;
    if (Date.now() > until) assert.fail(`“${text}” is still on the board: ${texts.join(" | ")}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The CLI has no delete; `journeywall rpc` answers the app's own request. */
function deleteWithRpc(db, journey) {
  const out = execFileSync(APP, ["--db", db, "rpc"], { input: `${JSON.stringify({ cmd: "delete_journey", journey })}\n`, encoding: "utf8" });
  assert.ok(!out.includes('"error"'), out);
}
