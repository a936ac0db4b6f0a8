// Workshop tools in headless Chromium with the backend faked: quick capture from the keyboard
// alone, and the room timer (driven by a clock the test controls).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { calls, settledTexts, startUi, template } from "./harness.mjs";

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

async function openEditor(extra = {}, viewport) {
  const page = await ui.open({ journeys: [template("online-en")], ...extra }, viewport);
  const [doc] = page.docs;
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness$/ }).waitFor();
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

test("the timer's preset menu closes with Escape from its own button, and when the focus leaves it", async () => {
  const { page } = await openEditor();
  const button = page.getByRole("button", { name: /Timer/ });
  await button.click();
  await page.getByRole("menu").waitFor();
  assert.equal(await page.getByRole("menu").getByText("min", { exact: true }).count(), 1, "the custom field says its unit");
  await page.keyboard.press("Escape");
  await page.getByRole("menu").waitFor({ state: "detached" });
  await button.click();
  await page.getByRole("menu").getByLabel("Minutes").focus();
  await page.locator(".card", { hasText: "Google search result" }).click();
  await page.getByRole("menu").waitFor({ state: "detached" });
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
  await timer.getByRole("button", { name: "One more minute" }).click();
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

test("dot vote: two participants take turns, dots show in their colours, the results rank the cards", async () => {
  const { page, doc } = await openEditor();
  await page.getByRole("button", { name: /Vote/ }).click();
  const panel = page.getByRole("complementary", { name: "Dot vote" });
  await panel.getByLabel("Dots per participant").fill("2");
  await panel.getByRole("button", { name: "Start a vote" }).click();
  const cards = doc.cards.filter((c) => doc.rows.find((r) => r.id === c.row)?.kind === "cards");
  const [first, second] = cards;

  await panel.getByLabel("Name of a participant").fill("Anna");
  await panel.getByLabel("Name of a participant").press("Enter");
  await panel.getByText("Anna's turn").waitFor();
  await page.locator(`[data-card-id="${first.id}"]`).click();
  await page.locator(`[data-card-id="${second.id}"]`).click();
  await panel.getByRole("radio", { name: /Anna/ }).getByLabel("0 of 2 dots left").waitFor();
  // A third dot is refused with the reason, said beside the vote as information (no error), and
  // nothing changes; the next turn starts without it.
  await page.locator(`[data-card-id="${cards[2].id}"]`).click();
  await panel.getByRole("status").getByText("Anna has used all 2 dots; take one back first").waitFor();
  assert.equal(await page.getByRole("alert").count(), 0);

  await panel.getByLabel("Name of a participant").fill("Bram");
  await panel.getByRole("button", { name: "Add" }).click();
  await panel.getByText("Bram's turn").waitFor();
  assert.equal(await panel.getByText(/has used all/).count(), 0);
  await page.locator(`[data-card-id="${first.id}"]`).click();
  const dots = page.locator(`[data-card-id="${first.id}"] .vote-dot`);
  await page.locator(`[data-card-id="${first.id}"] [aria-label="2 votes"]`).waitFor();
  assert.deepEqual(
    await dots.evaluateAll((els) => els.map((e) => getComputedStyle(e).backgroundColor)),
    ["rgb(0, 114, 178)", "rgb(213, 94, 0)"],
  );
  // Bram takes his dot back from the panel.
  await panel.getByRole("button", { name: `Take back the dot on “${first.title}”` }).click();
  await page.locator(`[data-card-id="${first.id}"] [aria-label="1 vote"]`).waitFor();
  await page.locator(`[data-card-id="${first.id}"]`).click();

  await panel.getByRole("button", { name: "Results" }).click();
  const results = page.getByRole("dialog", { name: "Vote results" });
  const rows = results.locator("tbody tr");
  // The last dot is drawn in the ranking once the core has answered it.
  const top = ["1", first.title, doc.phases.find((p) => p.id === first.phase).title, "2"];
  assert.deepEqual(await settledTexts(rows.first().locator("td"), top), top);
  assert.equal(await rows.count(), 2);
  await results.getByRole("button", { name: "Close" }).click();

  const edits = (await added(page)).map((e) => e.type);
  // The third dot of Anna's was sent and refused.
  assert.deepEqual(edits, ["startVote", "addParticipant", "placeDot", "placeDot", "placeDot", "addParticipant", "placeDot", "takeBackDot", "placeDot"]);
});

test("dot vote: close, hide and clear; hidden dots leave the cards; clearing asks first and can be undone", async () => {
  const { page, doc } = await openEditor();
  await page.getByRole("button", { name: /Vote/ }).click();
  const panel = page.getByRole("complementary", { name: "Dot vote" });
  await panel.getByRole("button", { name: "Start a vote" }).click();
  await panel.getByLabel("Name of a participant").fill("Anna");
  await panel.getByLabel("Name of a participant").press("Enter");
  const card = doc.cards[0];
  await page.locator(`[data-card-id="${card.id}"]`).click();
  await page.locator(`[data-card-id="${card.id}"] [aria-label="1 vote"]`).waitFor();

  await panel.getByRole("button", { name: "Hide the dots" }).click();
  await panel.getByText("Dots are hidden").waitFor();
  await page.locator(`[data-card-id="${card.id}"] .vote-dot`).waitFor({ state: "detached" });
  await panel.getByRole("button", { name: "Show the dots" }).click();
  await page.locator(`[data-card-id="${card.id}"] .vote-dot`).waitFor();

  await panel.getByRole("button", { name: "Close the vote" }).click();
  await panel.getByText("The vote is closed.").waitFor();
  // A closed vote: a click selects the card again instead of voting.
  await page.locator(`[data-card-id="${card.id}"]`).click();
  await page.locator(`[data-card-id="${card.id}"][aria-selected="true"]`).waitFor();

  await panel.getByRole("button", { name: "Clear the vote" }).click();
  await page.getByRole("alertdialog", { name: "Clear the vote?" }).getByRole("button", { name: "Clear the vote" }).click();
  await panel.getByRole("button", { name: "Start a vote" }).waitFor();
  await page.locator(`[data-card-id="${card.id}"] .vote-dot`).waitFor({ state: "detached" });
  await page.getByRole("button", { name: "Undo clear vote" }).click();
  await panel.getByText("The vote is closed.").waitFor();
  await page.locator(`[data-card-id="${card.id}"] .vote-dot`).waitFor();
});

test("dot vote: the tallies of a paper vote are typed in and saved as one step", async () => {
  const { page, doc } = await openEditor();
  await page.getByRole("button", { name: /Vote/ }).click();
  await page.getByRole("button", { name: "Type tallies" }).click();
  const dialog = page.getByRole("dialog", { name: "Vote results" });
  await dialog.getByLabel(`Votes for “${doc.cards[1].title}”`).fill("4");
  await dialog.getByLabel(`Votes for “${doc.cards[3].title}”`).fill("6");
  await dialog.getByRole("button", { name: "Save tallies" }).click();
  // The typing table stays until the core has saved the tallies; then the ranking shows them.
  assert.deepEqual(await settledTexts(dialog.locator("tbody tr td.count"), ["6", "4"]), ["6", "4"]);
  const last = (await added(page)).at(-1);
  assert.equal(last.type, "batch");
  assert.equal(last.label, "typeTallies");
  assert.deepEqual(last.edits.map((e) => e.votes), [4, 6]);
});

test("rounds: save one, move a card, compare (the card is marked moved, read-only), view it, restore it as a new journey", async () => {
  const { page, doc } = await openEditor();
  await page.getByRole("button", { name: /Rounds/ }).click();
  const panel = page.getByRole("complementary", { name: "Rounds" });
  await panel.getByLabel("Name of the round").fill("As-is");
  await panel.getByRole("button", { name: "Save round" }).click();
  await panel.locator(".round-name", { hasText: "As-is" }).waitFor();

  const moved = page.locator(".card", { hasText: "Reads reviews from other runners" });
  await moved.click();
  await page.keyboard.press("Control+ArrowRight");
  await page.getByText("All changes saved").waitFor();
  const gone = doc.cards.find((c) => c.title === "Google search result");
  await page.locator(`[data-card-id="${gone.id}"]`).click();
  await page.keyboard.press("Delete");
  await page.locator(`[data-card-id="${gone.id}"]`).waitFor({ state: "detached" });

  await panel.getByRole("button", { name: "Compare", exact: true }).click();
  await page.getByRole("status").getByText("As-is → Now (the journey) · read-only").waitFor();
  await panel.getByText("0 added · 1 removed · 1 moved · 0 changed").waitFor();
  // The removed card is shown where it was, marked, and listed.
  await page.locator(`.round-view [data-card-id="${gone.id}"].mark-removed`).waitFor();
  await panel.locator(".removed-cards li", { hasText: "Google search result" }).waitFor();
  const marked = page.locator(".round-view .card.mark-moved");
  assert.equal(await marked.count(), 1);
  assert.match(await marked.innerText(), /moved\nReads reviews from other runners/i);
  // Read-only: a double-click opens no editor, Delete deletes nothing.
  await marked.dblclick();
  await page.keyboard.press("Delete");
  assert.equal(await page.locator(".round-view .card-editor").count(), 0);
  const before = (await calls(page)).filter((c) => c.cmd === "apply_edit").length;

  await page.getByRole("button", { name: "Back to the journey" }).click();
  await panel.getByRole("button", { name: "View “As-is”" }).click();
  await page.getByRole("status").getByText("Round “As-is” · read-only").waitFor();
  const original = doc.cards.find((c) => c.title === "Reads reviews from other runners");
  const phaseTitles = await page.locator(".round-view .phase-title").allInnerTexts();
  assert.equal(phaseTitles[doc.phases.findIndex((p) => p.id === original.phase)], "Consideration");
  await page.locator(`.round-view [data-card-id="${original.id}"]`).waitFor();

  await panel.getByRole("button", { name: "Restore “As-is” as a new journey" }).click();
  await page.getByText("Restored as the journey “Online customer journey · As-is”").waitFor();
  await page.getByRole("button", { name: "Open it" }).click();
  await page.getByRole("heading", { name: "Online customer journey · As-is" }).waitFor();
  assert.equal((await calls(page)).filter((c) => c.cmd === "apply_edit").length, before, "nothing was edited while looking at rounds");
});

test("a running timer leaves the toolbar one line high, on a laptop screen and a large one", async () => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }]) {
    const { page } = await openEditor({}, viewport);
    const bar = page.locator(".journey-header");
    const before = (await bar.boundingBox()).height;
    await page.getByRole("button", { name: /Timer/ }).click();
    await page.getByRole("menuitem", { name: "5 min", exact: true }).click();
    await page.getByRole("timer").waitFor();
    assert.equal((await bar.boundingBox()).height, before, `${viewport.width} px`);
    assert.ok(before < 60, `the toolbar is ${before} px high at ${viewport.width} px`);
    await page.close();
  }
});

test("the presenter view shows a whole phase at 1400×900, and ↑ ↓ scroll a phase too tall for it", async () => {
  const { page } = await openEditor({}, { width: 1400, height: 900 });
  await page.keyboard.press("F5");
  const main = page.locator(".presenter-main");
  await page.getByRole("dialog", { name: "Presenter view" }).getByRole("region", { name: "Opportunities" }).waitFor();
  const [bottom, barTop] = await page.evaluate(() => [
    document.querySelector(".stage-row:last-child").getBoundingClientRect().bottom,
    document.querySelector(".presenter-controls").getBoundingClientRect().top,
  ]);
  assert.ok(bottom <= barTop, `the last row ends at ${bottom}, the controls start at ${barTop}`);
  // On a short window the type stops shrinking and the phase scrolls with the arrow keys.
  await page.setViewportSize({ width: 900, height: 420 });
  // The phase scrolls once the short window has been laid out: its content overflows it.
  await page.waitForFunction(() => {
    const m = document.querySelector(".presenter-main");
    return m.scrollHeight > m.clientHeight;
  });
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction(() => document.querySelector(".presenter-main").scrollTop > 0);
  await page.keyboard.press("ArrowUp");
  await page.waitForFunction(() => document.querySelector(".presenter-main").scrollTop === 0);
  assert.equal(await main.count(), 1);
});

test("presenter view: phase by phase with the arrow keys, rows and notes hidden, the projector window, Esc back to the editor", async () => {
  // A laptop's screen, where the projector's preview has the least room.
  const { page, doc } = await openEditor({}, { width: 1280, height: 720 });
  await page.getByRole("button", { name: /Present/ }).click();
  const view = page.getByRole("dialog", { name: "Presenter view" });
  await view.getByRole("heading", { level: 1, name: doc.phases[0].title }).waitFor();
  await view.getByText(`Phase 1 of ${doc.phases.length}`).first().waitFor();
  await page.keyboard.press("ArrowRight");
  await view.getByRole("heading", { level: 1, name: doc.phases[1].title }).waitFor();
  await page.keyboard.press("End");
  await view.getByRole("heading", { level: 1, name: doc.phases.at(-1).title }).waitFor();
  await page.keyboard.press("Home");
  await view.getByRole("heading", { level: 1, name: doc.phases[0].title }).waitFor();

  // A row hidden for the room leaves the stage; the editor's journey is not changed.
  const row = doc.rows.find((r) => !r.hidden && r.kind === "cards");
  await view.getByRole("region", { name: row.title }).waitFor();
  await view.getByText("Rows shown").click();
  await view.getByRole("checkbox", { name: row.title }).uncheck();
  await view.getByRole("region", { name: row.title }).waitFor({ state: "detached" });
  // The button says that rows are hidden (they stay hidden the next time).
  const rows = doc.rows.filter((r) => !r.hidden).length;
  await view.getByText(`Rows shown: ${rows - 1} of ${rows}`).waitFor();
  const noted = doc.cards.find((c) => c.notes && c.phase === doc.phases[0].id && c.row !== row.id);
  if (noted) {
    await view.locator(".stage-card-notes").first().waitFor();
    await view.getByLabel("Notes on cards").uncheck();
    await view.locator(".stage-card-notes").first().waitFor({ state: "detached" });
  }

  await view.getByRole("button", { name: "Projector window" }).click();
  await view.getByText("On the projector").waitFor();
  await view.getByText(`Next: ${doc.phases[1].title}`).waitFor();
  // The phase on the projector, as the laptop previews it, starts at the top with its strip of
  // phases one line high (it stretched into ovals at the bottom of a tall cell).
  const [label, strip, head] = await page.evaluate(() => {
    const now = document.querySelector(".presenter-main > .stage");
    const r = (el) => el.getBoundingClientRect();
    return [r(document.querySelector(".presenter-main > .presenter-label")).bottom, r(now.querySelector(".stage-strip li")), r(now.querySelector(".stage-head")).top];
  });
  assert.ok(strip.top - label < 40, `the phase starts ${strip.top - label} px below its label`);
  assert.ok(strip.height < 50 && head - strip.bottom < 60, `a strip entry ${strip.height} px tall, the phase ${head - strip.bottom} px below it`);
  await page.keyboard.press("Escape");
  await view.waitFor({ state: "detached" });
  await page.getByRole("group", { name: new RegExp(`: ${doc.phases[0].title}$`) }).waitFor();
  const cmds = (await calls(page)).map((c) => c.cmd);
  assert.ok(cmds.includes("open_projector") && cmds.includes("close_projector"), cmds.join());
  assert.equal((await calls(page)).filter((c) => c.cmd === "apply_edit").length, 0, "presenting is not an edit");
  assert.deepEqual(page.errors, []);
});

// A 1×1 JPEG, as the backend would store a downscaled picture.
const JPEG =
  "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAACf/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AKp//2Q==";

test("personas: fields edited in the side panel, a picture chosen and removed, a new persona moved up", async () => {
  const { page, doc } = await openEditor({ picture: JPEG });
  await page.getByRole("button", { name: /Persona: / }).click();
  const panel = page.getByRole("complementary", { name: "Personas" });
  const persona = panel.getByRole("region", { name: doc.personas[0].name });
  await persona.getByLabel("Role").fill("Marathon runner, 42");
  await persona.getByLabel("Quote").click();
  await persona.getByLabel("Quote").fill("I want shoes that last.");
  await persona.getByLabel("Goals").click();
  const sent = (await calls(page)).filter((c) => c.cmd === "apply_edit").map((c) => c.args.edit);
  assert.deepEqual(sent.map((e) => [e.type, e.role ?? e.quote]), [["updatePersona", "Marathon runner, 42"], ["updatePersona", "I want shoes that last."]]);

  await persona.getByRole("button", { name: "Choose a picture…" }).click();
  await persona.getByRole("img", { name: `Picture of ${doc.personas[0].name}` }).waitFor();
  await page.locator(".persona-chip img").waitFor();
  await persona.getByRole("button", { name: "Remove picture" }).click();
  await persona.getByRole("img").waitFor({ state: "detached" });

  await panel.getByRole("button", { name: "Add a persona" }).click();
  const added = panel.getByRole("region", { name: "New persona" });
  await added.getByLabel("Name").fill("Sam");
  await added.getByLabel("Role").click();
  await panel.getByRole("region", { name: "Sam" }).getByRole("button", { name: "Move Sam up" }).click();
  await page.getByRole("button", { name: "Persona: Sam" }).waitFor();
});

test("personas: a picture the backend refuses (not an image, 50 MB) shows why, and nothing changes", async () => {
  const message = "huge.jpg is 50.0 MB; a picture may be at most 20 MB. Choose a smaller one, or save this one smaller first.";
  const { page, doc } = await openEditor({ pictureRefusal: message });
  await page.getByRole("button", { name: /Persona: / }).click();
  const persona = page.getByRole("region", { name: doc.personas[0].name });
  await persona.getByRole("button", { name: "Choose a picture…" }).click();
  await page.getByRole("alert").getByText(message).waitFor();
  assert.equal(await persona.getByRole("img").count(), 0);
});

test("dot vote: a double-click gives one dot and opens no editor; a participant undone while they have the turn loses it", async () => {
  const { page, doc } = await openEditor();
  await page.getByRole("button", { name: /Vote/ }).click();
  const panel = page.getByRole("complementary", { name: "Dot vote" });
  await panel.getByRole("button", { name: "Start a vote" }).click();
  await panel.getByLabel("Name of a participant").fill("Anna");
  await panel.getByLabel("Name of a participant").press("Enter");
  await panel.getByText("Anna's turn").waitFor();
  const card = page.locator(`[data-card-id="${doc.cards[0].id}"]`);
  await card.dblclick();
  await card.locator('[aria-label="1 vote"]').waitFor();
  assert.equal(await page.locator(".card-editor").count(), 0);

  // Undo the dot, then undo adding Anna: the board is for selecting again.
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Undo place dot" }).click();
  await page.getByRole("button", { name: "Undo add participant" }).click();
  await panel.getByText("Anna's turn").waitFor({ state: "detached" });
  await card.click();
  await page.locator(`[data-card-id="${doc.cards[0].id}"][aria-selected="true"]`).waitFor();
  const dots = (await calls(page)).filter((c) => c.cmd === "apply_edit" && c.args.edit.type === "placeDot");
  assert.equal(dots.length, 1);
});

test("a timer it cannot run is refused with a word beside the field, and a good one starts", async () => {
  const { page } = await openEditor();
  await page.locator(".room-timer [data-action=timer]").click();
  const minutes = page.getByLabel("Minutes");
  await minutes.fill("999");
  await minutes.press("Enter");
  await page.getByRole("alert").filter({ hasText: "up to 600 (10 hours)" }).waitFor();
  assert.equal(await minutes.getAttribute("aria-invalid"), "true");
  await minutes.fill("7");
  assert.equal(await page.getByRole("alert").filter({ hasText: "up to 600" }).count(), 0, "typing takes the word away");
  await minutes.press("Enter");
  await page.locator(".timer-time").waitFor();
});
