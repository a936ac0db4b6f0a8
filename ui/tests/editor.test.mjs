// The editor's interactions in headless Chromium, on the real core (journeywall rpc). Each test
// does what a facilitator would do and checks what they would see and what was sent to be saved.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { calls, settledTexts, startUi, template } from "./harness.mjs";

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

/** Opens the online template in the editor and returns the page and the document. */
async function openEditor(state = {}, viewport) {
  const page = await ui.open({ journeys: [template("online-en")], ...state }, viewport);
  const [doc] = page.docs;
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness$/ }).waitFor();
  return { page, doc };
}
const cell = (page, doc, p, r) => page.locator(`.cell[data-phase="${doc.phases[p].id}"][data-row="${doc.rows[r].id}"]`);
const card = (page, title) => page.locator(".card", { hasText: title });
const edits = async (page, type) => (await calls(page)).filter((c) => c.cmd === "apply_edit" && (!type || c.args.edit.type === type)).map((c) => c.args.edit);

test("double-clicking a cell adds cards one after another; Escape stops", async () => {
  const { page, doc } = await openEditor();
  const target = cell(page, doc, 2, 5);
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height - 6);
  await page.keyboard.type("Free returns label in the box");
  await page.keyboard.press("Enter");
  await page.keyboard.type("Chat with a real person");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await card(page, "Chat with a real person").waitFor();
  const added = await edits(page, "addCard");
  assert.deepEqual(added.map((e) => [e.title, e.phase, e.row]), [
    ["Free returns label in the box", doc.phases[2].id, doc.rows[5].id],
    ["Chat with a real person", doc.phases[2].id, doc.rows[5].id],
  ]);
  assert.equal(await page.locator(".card-editor").count(), 0);
  assert.match(await page.locator(".save-state").innerText(), /All changes saved/);
});

test("N adds a card to the focused cell, from the keyboard alone", async () => {
  const { page, doc } = await openEditor();
  await cell(page, doc, 0, 4).focus();
  await page.keyboard.press("n");
  await page.keyboard.type("Too many tabs open");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await card(page, "Too many tabs open").waitFor();
  assert.equal((await edits(page, "addCard"))[0].phase, doc.phases[0].id);
});

test("F2 edits a card inline; Escape leaves it as it was", async () => {
  const { page } = await openEditor();
  await card(page, "Google search result").click();
  await page.keyboard.press("F2");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Google Shopping result");
  await page.keyboard.press("Escape");
  assert.equal((await edits(page)).length, 0, "nothing sent after Escape");
  await card(page, "Google search result").dblclick();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Google Shopping result");
  await page.keyboard.press("Enter");
  await card(page, "Google Shopping result").waitFor();
  assert.deepEqual((await edits(page, "updateCard"))[0].title, "Google Shopping result");
});

test("after a click on a card the board scrolls freely (no edge scrolling left running)", async () => {
  const { page } = await openEditor({}, { width: 1280, height: 720 });
  for (const title of ["Google search result", "Ad shown after an earlier search", "Google search result"]) await card(page, title).click();
  const scroller = page.locator(".board-scroll");
  const scrollTo = (x, y) => scroller.evaluate((el, [x, y]) => el.scrollTo(x, y), [x, y]);
  // Edge scrolling left running moves the board on every frame: where it is after five frames.
  const afterFrames = () =>
    scroller.evaluate(
      (el) =>
        new Promise((done) => {
          let frames = 0;
          const tick = () => (++frames === 5 ? done([el.scrollLeft, el.scrollTop]) : requestAnimationFrame(tick));
          requestAnimationFrame(tick);
        }),
    );
  await scrollTo(400, 300);
  assert.deepEqual(await afterFrames(), [400, 300], "the scroll stays where it was put");
  await page.mouse.wheel(120, 80);
  await page.waitForFunction(() => {
    const el = document.querySelector(".board-scroll");
    return el.scrollLeft > 400 && el.scrollTop > 300;
  });
  const [x, y] = await afterFrames();
  assert.ok(x > 400 && y > 300, `the wheel scrolls on, and the board stays there: ${x}, ${y}`);
});

test("the card panel shows the stored text after an inline edit and an undo, and tabbing through it writes nothing", async () => {
  const { page } = await openEditor();
  await card(page, "Google search result").click();
  const title = page.getByRole("complementary", { name: "Card details" }).getByLabel("Title");
  assert.equal(await title.inputValue(), "Google search result");
  await page.keyboard.press("F2");
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Google Shopping result");
  await page.keyboard.press("Enter");
  await card(page, "Google Shopping result").waitFor();
  assert.equal(await title.inputValue(), "Google Shopping result", "the panel follows the inline edit");
  await title.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press("Tab");
  await page.getByRole("button", { name: "Undo change card" }).waitFor();
  assert.equal((await edits(page, "updateCard")).length, 1, "tabbing through the panel sent nothing");
  await card(page, "Google Shopping result").click();
  await page.keyboard.press("Control+z");
  await card(page, "Google search result").waitFor();
  assert.equal(await title.inputValue(), "Google search result", "the panel follows the undo");
  await title.fill("Google search result, page 2");
  await page.keyboard.press("Tab");
  await card(page, "Google search result, page 2").waitFor();
  assert.deepEqual((await edits(page, "updateCard")).map((e) => e.title), ["Google Shopping result", "Google search result, page 2"]);
});

async function drag(page, from, to, { steps = 10, release = true, atX = 0.5 } = {}) {
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * atX, b.y + 12, { steps });
  if (release) await page.mouse.up();
}

test("dragging a card to another phase shows where it lands and moves it there", async () => {
  const { page, doc } = await openEditor();
  await drag(page, card(page, "Google search result"), cell(page, doc, 3, 1), { release: false });
  assert.equal(await page.locator(".drop-indicator").count(), 1, "a drop indicator while dragging");
  assert.equal(await page.locator(".drag-ghost").count(), 1);
  await page.mouse.up();
  await cell(page, doc, 3, 1).locator(".card", { hasText: "Google search result" }).waitFor();
  const [move] = await edits(page, "moveCards");
  assert.equal(move.cards.length, 1);
  assert.equal(move.phase, doc.phases[3].id);
  assert.equal(move.row, doc.rows[1].id);
  assert.equal(move.index, 0, "dropped above the first card");
  await page.getByRole("button", { name: "Undo move card" }).waitFor();
  await page.waitForFunction(() => window.__shell.menuLabels?.undo === "Undo move card" && window.__shell.menuEnabled.undo === true);
});

test("Escape cancels a drag and nothing moves", async () => {
  const { page, doc } = await openEditor();
  await drag(page, card(page, "Google search result"), cell(page, doc, 3, 1), { release: false });
  await page.keyboard.press("Escape");
  await page.mouse.up();
  assert.equal(await page.locator(".drag-ghost").count(), 0);
  assert.equal((await edits(page)).length, 0);
});

test("several selected cards are dragged together as one undo step", async () => {
  const { page, doc } = await openEditor();
  await card(page, "Google search result").click();
  await card(page, "Ad shown after an earlier search").click({ modifiers: ["Shift"] });
  await drag(page, card(page, "Ad shown after an earlier search"), cell(page, doc, 4, 1));
  await cell(page, doc, 4, 1).locator(".card", { hasText: "Google search result" }).waitFor();
  const all = await edits(page);
  assert.equal(all.length, 1);
  assert.equal(all[0].type, "moveCards");
  assert.equal(all[0].cards.length, 2);
  await page.keyboard.press("Control+z");
  await cell(page, doc, 0, 1).locator(".card", { hasText: "Google search result" }).waitFor();
  assert.equal(await cell(page, doc, 0, 1).locator(".card").count(), 3);
});

test("a band drawn over empty canvas selects the cards it touches", async () => {
  const { page, doc } = await openEditor();
  const c = await cell(page, doc, 1, 1).boundingBox();
  await page.mouse.move(c.x + 2, c.y + 2);
  await page.mouse.down();
  await page.mouse.move(c.x + c.width - 2, c.y + c.height - 2, { steps: 6 });
  await page.mouse.up();
  assert.equal(await page.locator(".card.selected").count(), 3);
  await page.getByText("3 cards selected").waitFor();
});

test("Ctrl+arrows move the selected card without a mouse", async () => {
  const { page, doc } = await openEditor();
  await card(page, "Reads reviews from other runners").click();
  await page.keyboard.press("Control+ArrowRight");
  await cell(page, doc, 2, 0).locator(".card", { hasText: "Reads reviews from other runners" }).waitFor();
  await page.keyboard.press("Control+ArrowUp");
  const moves = await edits(page, "moveCards");
  assert.equal(moves.length, 2);
  assert.equal(moves[1].index, 0);
  assert.equal((await settledTexts(cell(page, doc, 2, 0).locator(".card").first(), ["Reads reviews from other runners"]))[0], "Reads reviews from other runners");
});

test("arrows walk the selection; Delete removes it, Ctrl+D duplicates, Ctrl+A selects all", async () => {
  const { page } = await openEditor();
  await card(page, "Google search result").click();
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.locator(".card.selected").innerText(), "Instagram post from a running club\nSocial media");
  await page.keyboard.press("Control+d");
  await page.waitForFunction(() => document.querySelectorAll(".card").length === 39);
  await page.keyboard.press("Delete");
  await page.waitForFunction(() => document.querySelectorAll(".card").length === 38);
  assert.deepEqual((await edits(page)).map((e) => e.type), ["duplicateCard", "deleteCard"]);
  await page.keyboard.press("Control+a");
  assert.equal(await page.locator(".card.selected").count(), 38);
});

test("undo and redo work from the keyboard and the toolbar, and say what they undo", async () => {
  const { page } = await openEditor();
  await card(page, "Google search result").click();
  await page.keyboard.press("Delete");
  await page.getByRole("button", { name: "Undo delete card" }).waitFor();
  await page.keyboard.press("Control+z");
  await card(page, "Google search result").waitFor();
  await page.getByRole("button", { name: "Redo delete card" }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll(".card")].some((c) => c.textContent.includes("Google search result")));
  await page.keyboard.press("Control+y");
  assert.equal((await calls(page)).filter((c) => c.cmd === "undo" || c.cmd === "redo").length, 2);
});

test("the inspector changes notes, emotion, votes, colour and tags, one edit each", async () => {
  const { page } = await openEditor();
  await card(page, "Comparison site").click();
  const inspector = page.getByRole("complementary", { name: "Card details" });
  await inspector.getByLabel("Notes").fill("Mentioned by 4 of 6 participants");
  await inspector.getByLabel("Tags").click(); // blur commits the notes
  await inspector.getByRole("radio", { name: "very positive" }).click();
  await inspector.getByRole("button", { name: "One vote more" }).click();
  await inspector.getByRole("radio", { name: "Colour orange" }).click();
  await inspector.getByLabel("Tags").fill("quick win, web");
  await inspector.getByLabel("Tags").press("Enter");
  await page.waitForFunction(() => document.querySelector(".card.selected .vote-dot"));
  const updates = (await edits(page, "updateCard")).map(({ type, card, ...rest }) => rest);
  assert.deepEqual(updates, [{ notes: "Mentioned by 4 of 6 participants" }, { emotion: 2 }, { votes: 1 }, { colour: "#faeac7" }, { tags: ["quick win", "web"] }]);
});

test("the card panel shows where a card came from, and changes it like any other field", async () => {
  const journey = template("online-en");
  journey.cards.find((c) => c.title === "Comparison site").source = "Ayşe";
  const { page } = await openEditor({ journeys: [journey] });
  await card(page, "Comparison site").click();
  const inspector = page.getByRole("complementary", { name: "Card details" });
  assert.equal(await inspector.getByLabel("Source").inputValue(), "Ayşe");
  await inspector.getByLabel("Source").fill("Breakout group 2");
  await inspector.getByLabel("Source").press("Enter");
  await card(page, "Google search result").click();
  await card(page, "Comparison site").click();
  // The panel of the card chosen again shows what is stored.
  await page.waitForFunction(() => [...document.querySelectorAll(".inspector input")].some((i) => i.value === "Breakout group 2"));
  const updates = (await edits(page, "updateCard")).map(({ type, card, ...rest }) => rest);
  assert.deepEqual(updates, [{ source: "Breakout group 2" }]);
});

test("a phase is renamed inline, added, and deleted only after asking", async () => {
  const { page } = await openEditor();
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Delivery$/ }).locator(".phase-title").dblclick();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Delivery & returns");
  await page.keyboard.press("Enter");
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Delivery & returns$/ }).waitFor();
  // A new phase's name is what comes next: its field has the keyboard.
  await page.getByRole("button", { name: "Add a phase" }).click();
  await page.getByRole("group", { name: /^Phase \d+ of \d+: New phase$/ }).waitFor();
  await page.waitForFunction(() => document.activeElement?.tagName === "INPUT" && document.activeElement.closest(".phase-header"));
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Returns");
  await page.keyboard.press("Enter");
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Returns$/ }).waitFor();
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness$/ }).getByRole("button", { name: "Phase actions" }).click();
  await page.getByRole("menuitem", { name: "Delete phase…" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByText("Its 9 cards go with it").waitFor();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  assert.equal(await page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness$/ }).count(), 1);
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness$/ }).getByRole("button", { name: "Phase actions" }).click();
  await page.getByRole("menuitem", { name: "Delete phase…" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await page.waitForFunction(() => ![...document.querySelectorAll(".phase-title")].some((e) => e.textContent === "Awareness"));
  assert.deepEqual((await edits(page)).map((e) => e.type), ["updatePhase", "addPhase", "updatePhase", "deletePhase"]);
});

test("dragging a phase header reorders the phases", async () => {
  const { page, doc } = await openEditor();
  await drag(page, page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness$/ }).locator(".phase-question"), page.getByRole("group", { name: /^Phase \d+ of \d+: Purchase$/ }), { atX: 0.8 });
  const [move] = await edits(page, "movePhase");
  assert.deepEqual(move, { type: "movePhase", phase: doc.phases[0].id, index: 2 });
  const order = ["Consideration", "Purchase", "Awareness", "Delivery", "Evaluation"];
  assert.deepEqual(await settledTexts(page.locator(".phase-title"), order), order);
});

test("a row can be hidden and shown again", async () => {
  const { page } = await openEditor();
  await page.getByRole("group", { name: /^Row \d+ of \d+: Pain points$/ }).getByRole("button", { name: "Row actions" }).click();
  await page.getByRole("menuitem", { name: "Hide row" }).click();
  await page.getByText("Pain points · hidden").waitFor();
  await page.getByRole("button", { name: "Show" }).click();
  await page.getByRole("group", { name: /^Row \d+ of \d+: Pain points$/ }).waitFor();
});

test("the emotion curve's points are dragged up and down to change the score", async () => {
  const { page, doc } = await openEditor();
  const point = page.locator(".emotion-point", { hasText: "Impatient" });
  const box = await point.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - 120, { steps: 8 });
  await page.mouse.up();
  const [update] = await edits(page, "updateCard");
  assert.equal(update.emotion, 2);
  assert.equal(update.card, doc.cards.find((c) => c.title.startsWith("Impatient")).id);
});

test("the emotion curve stays between its happiest and saddest faces, and every caption inside the lane", async () => {
  const { page } = await openEditor();
  const m = await page.evaluate(() => {
    const lane = document.querySelector(".emotion-lane").getBoundingClientRect();
    const curve = document.querySelector(".emotion-curve .curve").getBoundingClientRect();
    const faces = [...document.querySelectorAll(".emotion-point .emotion-face")].map((f) => f.getBoundingClientRect()).map((f) => (f.top + f.bottom) / 2);
    const captions = [...document.querySelectorAll(".emotion-caption")].map((c) => c.getBoundingClientRect());
    return { lane: [lane.top, lane.bottom], curve: [curve.top, curve.bottom], faces: [Math.min(...faces), Math.max(...faces)], captions: captions.map((c) => [c.top, c.bottom]) };
  });
  assert.ok(m.curve[0] >= m.faces[0] - 2 && m.curve[1] <= m.faces[1] + 2, `curve ${m.curve} beyond the faces ${m.faces}`);
  for (const [top, bottom] of m.captions) assert.ok(top >= m.lane[0] && bottom <= m.lane[1], `caption ${top}–${bottom} outside the lane ${m.lane}`);
});

test("five emotion points in one phase: no caption overlaps another, and no caption has a box that cuts the curve", async () => {
  const doc = template("online-en");
  const lane = doc.rows.find((r) => r.kind === "emotion");
  const phase = doc.phases[0];
  const there = doc.cards.filter((c) => c.row === lane.id && c.phase === phase.id).length;
  for (let i = 0; i < 5 - there; i++) doc.cards.push({ ...doc.cards[0], id: crypto.randomUUID(), phase: phase.id, row: lane.id, position: there + i, emotion: (i % 5) - 2, title: `Feels something long about the bike shop ${i + 1}` });
  const { page, doc: stored } = await openEditor({ journeys: [doc] });
  await page.locator(".emotion-point").first().waitFor();
  const m = await page.evaluate((phaseId) => {
    const cell = document.querySelector(`.emotion-cell[data-phase="${phaseId}"]`).getBoundingClientRect();
    const boxes = [...document.querySelectorAll(".emotion-point")]
      .filter((p) => { const r = p.querySelector(".emotion-face").getBoundingClientRect(); return r.left >= cell.left && r.right <= cell.right; })
      .map((p) => p.querySelector(".emotion-caption").getBoundingClientRect());
    const backgrounds = [...document.querySelectorAll(".emotion-caption")].map((c) => getComputedStyle(c).backgroundColor);
    return { boxes: boxes.map((b) => [b.left, b.top, b.right, b.bottom]), backgrounds };
  }, stored.phases[0].id);
  assert.equal(m.boxes.length, 5);
  for (let i = 0; i < m.boxes.length; i++)
    for (let j = i + 1; j < m.boxes.length; j++) {
      const [a, b] = [m.boxes[i], m.boxes[j]];
      const overlap = a[0] < b[2] - 0.5 && b[0] < a[2] - 0.5 && a[1] < b[3] - 0.5 && b[1] < a[3] - 0.5;
      assert.ok(!overlap, `captions ${i + 1} and ${j + 1} overlap: ${a} / ${b}`);
    }
  assert.ok(m.backgrounds.every((b) => b === "rgba(0, 0, 0, 0)" || b === "transparent"), `caption backgrounds ${[...new Set(m.backgrounds)]}`);
});

test("zoom steps through round figures, Ctrl+0 fits the journey, and a fitted board fits again when the view changes size", async () => {
  const { page } = await openEditor({}, { width: 1280, height: 720 });
  const zoom = () => page.locator(".zoom-value").innerText();
  // Fitted, and settled: Fit measures again for a few frames, so the zoom shown holds still for five.
  const fits = () =>
    page.waitForFunction(
      () =>
        new Promise((done) => {
          const s = document.querySelector(".board-scroll");
          const shown = () => document.querySelector(".zoom-value").textContent;
          const first = shown();
          let frames = 0;
          const tick = () => (shown() !== first ? done(false) : ++frames === 5 ? done(s.scrollWidth <= s.clientWidth + 1 && s.scrollHeight <= s.clientHeight + 1) : requestAnimationFrame(tick));
          requestAnimationFrame(tick);
        }),
    );
  await page.keyboard.press("Control+=");
  await page.getByRole("button", { name: "110 %" }).waitFor();
  const down = [];
  for (let i = 0; i < 6; i++) {
    const before = await zoom();
    await page.keyboard.press("Control+-");
    await page.waitForFunction((before) => document.querySelector(".zoom-value").textContent !== before, before);
    down.push(await zoom());
  }
  assert.deepEqual(down, ["100 %", "90 %", "80 %", "75 %", "67 %", "50 %"]);

  await page.keyboard.press("Control+0");
  await fits();
  const small = Number((await zoom()).replace(/\D/g, ""));
  assert.ok(small > 40 && small < 100, `fitted zoom ${small}`);
  // Hiding the card details gives the board the room; a larger window fits it larger.
  await page.getByRole("button", { name: /Hide the card details/ }).click();
  await page.getByRole("button", { name: "Show the card details" }).waitFor();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForFunction((before) => Number(document.querySelector(".zoom-value").textContent.replace(/\D/g, "")) > before, small);
  await fits();
  // Once zoomed by hand the zoom stays put when the window changes.
  const fittedLarge = await zoom();
  await page.keyboard.press("Control+-");
  await page.waitForFunction((before) => document.querySelector(".zoom-value").textContent !== before, fittedLarge);
  const chosen = await zoom();
  // The view's new size handled: seen by a ResizeObserver made after the board's own (so told
  // after it), then two frames, the first of which runs any fit the new size started.
  await page.evaluate(() => {
    const s = document.querySelector(".board-scroll");
    const [width, height] = [s.clientWidth, s.clientHeight];
    window.__resized = new Promise((done) => {
      const seen = new ResizeObserver(() => {
        if (s.clientWidth === width && s.clientHeight === height) return;
        seen.disconnect();
        requestAnimationFrame(() => requestAnimationFrame(done));
      });
      seen.observe(s);
    });
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(() => window.__resized);
  assert.equal(await zoom(), chosen);
  // Ctrl+I brings the details back.
  await page.keyboard.press("Control+i");
  await page.getByRole("complementary", { name: "Journey details" }).getByRole("button", { name: /Hide the card details/ }).waitFor();
});

test("pasting lines of text makes one card per line in the focused cell", async () => {
  const { page, doc } = await openEditor();
  await cell(page, doc, 4, 5).focus();
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData("text/plain", "Ask for a review after two weeks\n\nSend care tips for the shoes\r\nLoyalty discount on the next pair");
    document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
  });
  await card(page, "Loyalty discount on the next pair").waitFor();
  const [batch] = await edits(page);
  assert.equal(batch.type, "batch");
  assert.deepEqual(batch.edits.map((e) => e.title), ["Ask for a review after two weeks", "Send care tips for the shoes", "Loyalty discount on the next pair"]);
});

test("a pasted line longer than a title is cut where the core counts, never inside an emoji", async () => {
  const { page, doc } = await openEditor();
  await cell(page, doc, 4, 5).focus();
  // 199 letters and two emoji: cut at 200 UTF-16 units the second half of the first emoji went,
  // and the core refused the whole batch.
  const long = "x".repeat(199) + "📦📦";
  await page.evaluate((long) => {
    const data = new DataTransfer();
    data.setData("text/plain", `${long}\nWrap the shoes in tissue paper`);
    document.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true }));
  }, long);
  await card(page, "Wrap the shoes in tissue paper").waitFor();
  const [batch] = await edits(page);
  assert.deepEqual(batch.edits.map((e) => e.title), ["x".repeat(199) + "📦", "Wrap the shoes in tissue paper"]);
});

test("an edit the backend refuses is explained and the canvas shows what is stored", async () => {
  const { page } = await openEditor();
  await card(page, "Comparison site").dblclick();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Comparison site, renamed");
  await page.keyboard.insertText("\u0007");
  await page.keyboard.press("Enter");
  await page.getByRole("alert").getByText(/control character/).waitFor();
  await card(page, "Comparison site").waitFor();
  assert.equal(await card(page, "renamed").count(), 0);
});

test("the window title follows the journey name", async () => {
  const { page } = await openEditor();
  await page.waitForFunction(() => window.__shell.windowTitle === "Online customer journey — Journeywall");
  await page.locator(".journey-header h1").dblclick();
  await page.keyboard.press("Control+a");
  await page.keyboard.type("Running shoes");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.__shell.windowTitle === "Running shoes — Journeywall");
});

test("dragging a row label reorders the rows", async () => {
  const { page, doc } = await openEditor();
  await drag(page, page.getByRole("group", { name: /^Row \d+ of \d+: Opportunities$/ }).locator(".row-title"), page.getByRole("group", { name: /^Row \d+ of \d+: Touchpoints$/ }));
  const [move] = await edits(page, "moveRow");
  assert.deepEqual(move, { type: "moveRow", row: doc.rows[5].id, index: 1 });
  assert.deepEqual(await settledTexts(page.locator(".row-title").nth(1), ["Opportunities"]), ["Opportunities"]);
});

test("dragging a phase's right edge changes its width", async () => {
  const { page, doc } = await openEditor();
  const header = page.getByRole("group", { name: /^Phase \d+ of \d+: Purchase$/ });
  const box = await header.boundingBox();
  await page.mouse.move(box.x + box.width - 1, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width + 130, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  const [update] = await edits(page, "updatePhase");
  assert.equal(update.phase, doc.phases[2].id);
  assert.equal(update.width, 150, "260 px + 130 px is 150 % of the standard width");
  await page.waitForFunction(() => document.querySelector('.phase-header[aria-label$=": Purchase"]').getBoundingClientRect().width > 380);
});

test("while dragging near the edge of the view, the canvas scrolls", async () => {
  const { page } = await openEditor({}, { width: 1100, height: 700 });
  const scroller = page.locator(".board-scroll");
  const view = await scroller.boundingBox();
  const card = await page.locator(".card", { hasText: "Google search result" }).boundingBox();
  await page.mouse.move(card.x + 20, card.y + 10);
  await page.mouse.down();
  await page.mouse.move(view.x + view.width - 10, card.y + 10, { steps: 8 });
  await page.waitForFunction(() => document.querySelector(".board-scroll").scrollLeft > 40);
  await page.keyboard.press("Escape");
  await page.mouse.up();
});

test("an emoji sent from a phone is drawn with the app's own emoji outlines, not as a box", async () => {
  const doc = template("online-en");
  doc.cards[0] = { ...doc.cards[0], title: "Koffie in de winkel 👍" };
  const { page } = await openEditor({ journeys: [doc] });
  await card(page, "Koffie in de winkel").waitFor();
  const faces = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((f) => f.status === "loaded" && /1F000/i.test(f.unicodeRange)).length;
  });
  assert.equal(faces, 1, "the emoji face was fetched for the card's 👍");
});
