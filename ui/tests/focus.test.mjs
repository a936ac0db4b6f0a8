// Where the keyboard is, through the gestures of a workshop: a focused button, field or menu gets
// its own keys (not the selected card); what the user opens takes the focus, what they close gives
// it to a sensible neighbour, never to the page; the board is one Tab stop with the arrows inside.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { calls, startUi, template } from "./harness.mjs";

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

async function openEditor(viewport = { width: 1400, height: 900 }) {
  const page = await ui.open({ journeys: [template("online-en")] }, viewport);
  const [doc] = page.docs;
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.locator(".board .card").first().waitFor();
  return { page, doc };
}

const edits = async (page) => (await calls(page)).filter((c) => c.cmd === "apply_edit").map((c) => c.args.edit.type);
const active = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { tag: el?.tagName ?? "", label: el?.getAttribute("aria-label") ?? el?.textContent?.trim() ?? "", card: el?.closest("[data-card-id]")?.getAttribute("data-card-id") ?? null };
  });
/** The card that has the focus, once one has (the arrows focus it on the next frame). */
async function focusedCard(page) {
  await page.waitForFunction(() => !!document.activeElement?.closest("[data-card-id]"));
  return (await active(page)).card;
}
/** Opens the vote panel, starts a vote and gives `name` the turn, as a facilitator would. */
async function startVoteFor(page, name) {
  await page.locator('.journey-header [data-action="vote"]').click();
  const panel = page.getByRole("complementary", { name: "Dot vote" });
  await panel.getByRole("button", { name: "Start a vote" }).click();
  await panel.getByLabel("Name of a participant").fill(name);
  await panel.getByLabel("Name of a participant").press("Enter");
  await panel.getByText(`${name}'s turn`).waitFor();
}
const inside = (page, selector) => page.evaluate((s) => !!document.activeElement?.closest(s), selector);
/** Waits until the focus is inside `selector`, as a person sees the focus ring land there. */
const focusLands = (page, selector) => page.waitForFunction((s) => !!document.activeElement?.closest(s), selector, { timeout: 5000 });
const said = async (page, expected) => {
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('[data-testid="announcer"]').textContent), expected.source, { timeout: 5000 });
  return (await page.getByTestId("announcer").textContent()).trim();
};

test("with a card selected, Enter and Backspace on a focused toolbar button, panel button, menu button or dialog button act on that control, not on the card", async () => {
  const { page, doc } = await openEditor();
  const card = doc.cards.find((c) => doc.rows.find((r) => r.id === c.row)?.kind === "cards");
  await page.locator(`[data-card-id="${card.id}"]`).click();

  // A toolbar button: Enter presses it (the Rounds panel opens); no title editor opens.
  await page.locator('.journey-header [data-action="rounds"]').focus();
  await page.keyboard.press("Enter");
  await page.getByRole("complementary", { name: "Rounds" }).waitFor();
  assert.equal(await page.locator(".card-editor").count(), 0, "no inline editor took the Enter");

  // Backspace on a toolbar button deletes nothing.
  await page.locator('.journey-header [data-action="present"]').focus();
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Delete");
  assert.equal(await page.locator(`[data-card-id="${card.id}"]`).count(), 1);

  // An emotion button in the card panel: Enter gives the card that emotion.
  await page.getByRole("complementary", { name: "Rounds" }).getByRole("button", { name: "Close" }).click();
  const panel = page.getByRole("complementary", { name: "Card details" });
  await panel.waitFor();
  const face = panel.getByRole("radio", { name: "very positive" });
  await face.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector('.inspector [aria-checked="true"][aria-label="very positive"]'));
  assert.equal(await page.locator(".card-editor").count(), 0);

  // A row's ⋯ menu button: Enter opens its menu.
  await page.locator(`.row-label[data-row-id="${doc.rows[0].id}"] .menu-anchor > button`).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("menu", { name: "Row actions" }).waitFor();
  await page.keyboard.press("Escape");

  // "Save poster…" in the print dialog: Enter saves the poster.
  await page.keyboard.press("Control+p");
  const dialog = page.locator(".poster-dialog");
  await dialog.waitFor();
  const save = dialog.getByRole("button", { name: /Save poster/ });
  // The button is offered once the preview is drawn.
  await page.waitForFunction(() => [...document.querySelectorAll(".poster-dialog button")].some((b) => /Save poster/.test(b.textContent) && !b.disabled));
  await save.focus();
  await page.keyboard.press("Enter");
  await dialog.getByText(/^Saved: /).waitFor();
  assert.equal(await page.locator(".card-editor").count(), 0);
  assert.ok(!(await edits(page)).includes("deleteCard"), "no card was deleted");
  assert.deepEqual(page.errors, []);
});

test("the board is one Tab stop: Tab goes board → card panel, and Tab back onto the board lands on the card that was selected", async () => {
  const { page, doc } = await openEditor();
  await page.locator(".board-scroll").focus();
  await page.keyboard.press("ArrowDown");
  const first = await focusedCard(page);
  assert.ok(first, "the arrow reached a card");
  await page.keyboard.press("Tab");
  assert.ok(await inside(page, ".editor-body > aside"), "one Tab from the board is in the card panel");
  await page.keyboard.press("Shift+Tab");
  await page.waitForFunction((id) => document.activeElement?.getAttribute("data-card-id") === id, first);

  // The headers and labels are reached by the arrows: up past the top row, left past the first phase.
  await page.keyboard.press("ArrowUp");
  await page.waitForFunction(() => document.activeElement?.classList.contains("phase-header"));
  assert.equal(await page.evaluate(() => document.activeElement.dataset.phaseId), doc.phases[0].id);
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction((id) => document.activeElement?.getAttribute("data-card-id") === id, first);
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => document.activeElement?.classList.contains("row-label"));
  // Shift+F10 opens a label's menu.
  await page.keyboard.press("Shift+F10");
  await page.getByRole("menu", { name: "Row actions" }).waitFor();
  await page.keyboard.press("Escape");

  // Counting Tab stops from the toolbar's last control to the card panel: the board is one.
  await page.locator(".persona-chip").focus();
  let tabs = 0;
  while (!(await inside(page, ".editor-body > aside")) && tabs < 40) {
    await page.keyboard.press("Tab");
    tabs++;
  }
  assert.ok(tabs <= 3, `${tabs} Tabs from the toolbar to the card panel`);
});

test("what opens takes the focus and what closes gives it to a neighbour: a new persona's name, Ctrl+I, quick capture, a card's title editor", async () => {
  const { page, doc } = await openEditor({ width: 1400, height: 700 });
  // + Add a persona: the focus goes to the new persona's name, in view; a typed space is a space.
  await page.locator('.journey-header [data-action="personas"]').click();
  const personas = page.getByRole("complementary", { name: "Personas" });
  await personas.waitFor();
  await focusLands(page, ".personas-panel");
  const add = personas.getByRole("button", { name: /Add a persona/ });
  await add.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement?.tagName === "INPUT" && !!document.activeElement.closest(".persona-card"));
  const count = await personas.locator(".persona-card").count();
  await page.keyboard.type("Noor n ");
  assert.equal(await personas.locator(".persona-card").count(), count, "typing added no persona");
  assert.equal(await page.locator(".card-editor").count(), 0, "an n started no card");
  const inView = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(inView, "the new persona's name is in view");
  await page.keyboard.press("Enter");

  // Ctrl+I opens the card panel with the focus inside it.
  await page.locator(".board-scroll").focus();
  await page.keyboard.press("Control+i");
  await focusLands(page, ".editor-body > aside");

  // Escape from quick capture: the focus goes back to the board, not the page.
  await page.keyboard.press("Control+k");
  await page.getByRole("textbox", { name: "Quick capture" }).waitFor();
  await page.keyboard.type("Asks the bike shop on WhatsApp");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await focusLands(page, ".board");

  // Enter after editing a card's title: the focus is on that card.
  const card = doc.cards.find((c) => doc.rows.find((r) => r.id === c.row)?.kind === "cards");
  await page.locator(`[data-card-id="${card.id}"]`).click();
  await page.keyboard.press("Enter");
  const editor = page.getByRole("textbox", { name: `Title of the card “${card.title}”` });
  await editor.waitFor();
  await page.keyboard.type(" (checked)");
  await page.keyboard.press("Enter");
  await page.waitForFunction((id) => document.activeElement?.getAttribute("data-card-id") === id, card.id);
  assert.deepEqual(page.errors, []);
});

test("a vote by keyboard: Enter or + gives the focused card a dot, Delete takes it back and deletes no card; Space+drag pans and gives no dot", async () => {
  const { page, doc } = await openEditor();
  await startVoteFor(page, "Anna");

  await page.locator(".board-scroll").focus();
  await page.keyboard.press("ArrowDown");
  const card = await focusedCard(page);
  await page.keyboard.press("Enter");
  await page.locator(`[data-card-id="${card}"] [aria-label="1 vote"]`).waitFor();
  await page.keyboard.press("Delete");
  await page.locator(`[data-card-id="${card}"] .vote-dot`).waitFor({ state: "detached" });
  assert.equal(await page.locator(`[data-card-id="${card}"]`).count(), 1, "Delete took the dot back and left the card");
  // + on the next card gives it a dot too.
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction((id) => document.activeElement?.closest("[data-card-id]")?.getAttribute("data-card-id") !== id, card);
  const next = await focusedCard(page);
  await page.keyboard.press("+");
  await page.locator(`[data-card-id="${next}"] [aria-label="1 vote"]`).waitFor();
  assert.match(await said(page, /dot/), /has 1 dot$/);

  // Space held (the focus still on the card voted last), drag from another card: the board pans,
  // and no card gets a dot.
  const other = doc.cards.find((c) => c.id !== card && c.id !== next && doc.rows.find((r) => r.id === c.row)?.kind === "cards");
  // Scrolled a little first, so a drag towards the top left has room to pan.
  await page.evaluate(() => document.querySelector(".board-scroll").scrollTo(120, 120));
  await page.waitForFunction(() => document.querySelector(".board-scroll").scrollTop === 120);
  const box = await page.locator(`[data-card-id="${other.id}"]`).boundingBox();
  await page.keyboard.down("Space");
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 5; i++) await page.mouse.move(box.x + 20 + i * 16, box.y + 20 + i * 16);
  await page.mouse.up();
  await page.keyboard.up("Space");
  assert.ok(await page.evaluate(() => document.querySelector(".board-scroll").scrollTop < 120), "Space+drag panned the board");
  // The pan ended; a dot, had one been given, is sent at once: the next dot shows the count.
  await page.locator(`[data-card-id="${card}"]`).click();
  await page.locator(`[data-card-id="${card}"] [aria-label="1 vote"]`).waitFor();
  assert.equal(await page.locator(`[data-card-id="${other.id}"] .vote-dot`).count(), 0, "the pan gave no dot");
  assert.deepEqual((await edits(page)).filter((e) => e === "placeDot").length, 3);
});

test("an emotion face by keyboard: Enter, then ↑ and ↓ raise and lower it, said aloud; otherwise ↑ and ↓ walk past it", async () => {
  const { page, doc } = await openEditor();
  const lane = doc.rows.find((r) => r.kind === "emotion");
  const point = doc.cards.find((c) => c.row === lane.id && c.emotion !== null && c.emotion < 2);
  const names = ["very negative", "negative", "neutral", "positive", "very positive"];
  await page.locator(`.emotion-point[data-card-id="${point.id}"]`).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowUp");
  assert.equal(await said(page, /is now/), `“${point.title}” is now ${names[point.emotion + 3]}`);
  assert.ok(await inside(page, `.emotion-point[data-card-id="${point.id}"]`), "the face keeps the focus");
  await page.keyboard.press("ArrowDown");
  await said(page, new RegExp(`is now ${names[point.emotion + 2]}`));
  // Enter again: done; ↓ walks on into the row below and changes no face.
  await page.keyboard.press("Enter");
  const before = (await calls(page)).filter((c) => c.cmd === "apply_edit").length;
  await page.keyboard.press("ArrowDown");
  await page.waitForFunction((id) => !document.activeElement?.closest(`.emotion-point[data-card-id="${id}"]`), point.id);
  assert.equal((await calls(page)).filter((c) => c.cmd === "apply_edit").length, before, "walking changed no emotion");
  const row = await page.evaluate(() => document.activeElement.closest("[data-row]")?.dataset.row ?? document.activeElement.closest(".cell")?.dataset.row);
  assert.equal(row, doc.rows[doc.rows.indexOf(lane) + 1].id, "↓ reached the row below the curve");
  assert.deepEqual(page.errors, []);
});

test("in Dutch at 1400 px: the title and the persona are not cut short, colours have Dutch names, the timer has a tooltip, an existing card's editor is named by its title", async () => {
  const doc = template("website-nl");
  doc.journey.name = "Fietsenwinkel De Snelle Trapper: klantreis";
  doc.personas[0].name = "Sanne de Jong";
  const page = await ui.open({ journeys: [doc], locale: "nl" }, { width: 1400, height: 800 });
  await page.locator(".journey-item").first().click();
  await page.locator(".board .card").first().waitFor();
  const cut = () => page.evaluate(() => [...document.querySelectorAll(".journey-header h1, .persona-name, .save-state")].filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > innerWidth).map((e) => e.textContent));
  assert.deepEqual(await cut(), []);
  // Wider, where the buttons' names are shown when they fit: nothing is cut or pushed off screen.
  for (const width of [1600, 1920]) {
    await page.setViewportSize({ width, height: 800 });
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
    assert.deepEqual(await cut(), [], `at ${width} px`);
  }
  await page.setViewportSize({ width: 1400, height: 800 });
  assert.equal(await page.locator(".room-timer [data-action=timer]").getAttribute("title"), "Timer");
  const [phase] = page.docs[0].phases;
  await page.locator(`.phase-header[data-phase-id="${phase.id}"] .menu-anchor > button`).click();
  assert.ok(await page.getByRole("menuitemradio", { name: "Kleur hemelsblauw" }).isVisible());
  await page.keyboard.press("Escape");
  const card = page.docs[0].cards[0];
  await page.locator(`[data-card-id="${card.id}"]`).click();
  await page.keyboard.press("Enter");
  await page.getByRole("textbox", { name: `Titel van de kaart “${card.title}”` }).waitFor();
});

test("Escape in a persona's field keeps what was typed and takes the keyboard back to the board", async () => {
  const { page } = await openEditor();
  await page.locator('.journey-header [data-action="personas"]').click();
  const role = page.locator(".persona-card").first().getByLabel("Role");
  await role.fill("Student, buys second-hand");
  await page.keyboard.press("Escape");
  await focusLands(page, ".board-scroll");
  await page.waitForFunction(() => window.__shell.calls.some((c) => c.cmd === "apply_edit" && c.args.edit.role === "Student, buys second-hand"));
  assert.equal(await role.inputValue(), "Student, buys second-hand");
});

test("the card panel: an emotion and a colour are one Tab stop each, chosen with the arrows", async () => {
  const { page, doc } = await openEditor();
  const card = doc.cards.find((c) => doc.rows.find((r) => r.id === c.row)?.kind === "cards");
  await page.locator(`[data-card-id="${card.id}"]`).click();
  const panel = page.getByRole("complementary", { name: "Card details" });
  await panel.getByLabel("Title").focus();
  let tabs = 0;
  while (!(await page.evaluate(() => document.activeElement?.closest("label")?.textContent?.startsWith("Tags"))) && tabs < 30) {
    await page.keyboard.press("Tab");
    tabs++;
  }
  assert.ok(tabs <= 7, `${tabs} Tabs from the title to the tags`);
  await panel.getByRole("radiogroup", { name: "Emotion" }).getByRole("radio", { checked: card.emotion === null }).first().focus();
  await page.keyboard.press("ArrowLeft");
  await page.waitForFunction(() => window.__shell.calls.some((c) => c.cmd === "apply_edit" && "emotion" in c.args.edit));
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("role")), "radio");
});

test("the presenter's rows menu closes with Escape (the presenter view stays) and with a press elsewhere", async () => {
  const { page } = await openEditor();
  await page.keyboard.press("F5");
  const presenter = page.getByRole("dialog", { name: "Presenter view" });
  await presenter.waitFor();
  const menu = presenter.locator(".presenter-rows");
  await menu.locator("summary").click();
  await menu.locator(".presenter-rows-menu").waitFor();
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.querySelector(".presenter-rows").open);
  assert.ok(await presenter.isVisible(), "Escape closed the menu, not the presenter view");
  await menu.locator("summary").click();
  await page.waitForFunction(() => document.querySelector(".presenter-rows").open);
  await presenter.locator(".presenter-main").click({ position: { x: 20, y: 20 } });
  await page.waitForFunction(() => !document.querySelector(".presenter-rows").open);
});

test("↑ ↑ on an emotion face pressed before the core answers raise it twice; a held Enter during a vote gives one dot and opens no editor", async () => {
  const { page, doc } = await openEditor();
  const lane = doc.rows.find((r) => r.kind === "emotion");
  const point = doc.cards.find((c) => c.row === lane.id && c.emotion !== null && c.emotion <= 0);
  // A slow core (a busy laptop): every answer comes 250 ms after the request.
  await page.evaluate(() => {
    const rpc = window.__rpc;
    window.__rpc = (request) => new Promise((r) => setTimeout(r, 250)).then(() => rpc(request));
  });
  await page.locator(`.emotion-point[data-card-id="${point.id}"]`).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  const names = ["very negative", "negative", "neutral", "positive", "very positive"];
  await page.getByTestId("announcer").filter({ hasText: `is now ${names[point.emotion + 4]}` }).waitFor();
  const ups = (await calls(page)).filter((c) => c.cmd === "apply_edit" && c.args.edit.card === point.id).map((c) => c.args.edit.emotion);
  assert.deepEqual(ups, [point.emotion + 1, point.emotion + 2]);
  await page.keyboard.press("Escape");

  await startVoteFor(page, "Anna");
  await page.locator(".board-scroll").focus();
  await page.keyboard.press("ArrowDown");
  const card = { id: await focusedCard(page) };
  await page.keyboard.down("Enter");
  for (let i = 0; i < 3; i++) await page.keyboard.down("Enter"); // the key held: repeats
  await page.keyboard.up("Enter");
  await page.locator(`[data-card-id="${card.id}"] [aria-label="1 vote"]`).waitFor();
  assert.equal(await page.locator(".card-editor").count(), 0, "no title editor opened");
  assert.equal((await calls(page)).filter((c) => c.cmd === "apply_edit" && c.args.edit.type === "placeDot").length, 1);
});

test("undo and redo of the vote leave the keyboard on the board, not in the vote panel's name field", async () => {
  const { page, doc } = await openEditor();
  await startVoteFor(page, "Anna");
  assert.ok(doc.cards.length > 0);
  // Back to the board (a click on a card would give Anna a dot: it is her turn).
  await page.locator(".board-scroll").focus();
  const steps = await edits(page);
  // Undo the participant and the start of the vote, then redo them: the form comes and goes.
  for (const key of ["Control+z", "Control+z", "Control+Shift+z", "Control+Shift+z"]) {
    const before = (await calls(page)).length;
    await page.keyboard.press(key);
    await page.waitForFunction((n) => window.__shell.calls.length > n, before);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await inside(page, ".add-participant"), false, `after ${key} the keyboard is not in the name field`);
  }
  assert.ok(steps.includes("startVote"));
  await page.getByRole("complementary", { name: "Dot vote" }).locator(".participant-name", { hasText: "Anna" }).waitFor();
});
