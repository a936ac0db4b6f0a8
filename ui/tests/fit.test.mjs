// Fit (Ctrl+0) on boards of every size: the board shrinks as a picture does (text and columns
// together, the same lines), never below what can be read from the back of a room; a board too
// tall for that fits its width and scrolls down.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { startUi, template } from "./harness.mjs";

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

/** The online template with `extra` more cards: `crowded` of them in the first cell, the rest spread over the card rows. */
function fullBoard(extra, crowded) {
  const doc = template("online-en");
  const rows = doc.rows.filter((r) => r.kind === "cards");
  for (let i = 0; i < extra; i++) {
    const phase = i < crowded ? doc.phases[0] : doc.phases[i % doc.phases.length];
    const row = i < crowded ? rows[0] : rows[(i >> 2) % rows.length];
    const position = doc.cards.filter((c) => c.phase === phase.id && c.row === row.id).length;
    doc.cards.push({ ...doc.cards[0], id: crypto.randomUUID(), phase: phase.id, row: row.id, position, title: `Extra note ${i + 1} about the bike shop's opening hours` });
  }
  return doc;
}

for (const [extra, crowded] of [
  [0, 0],
  [21, 12],
  [257, 30],
]) {
  test(`Fit on a full board (${43 + extra} cards, ${crowded} in one cell) scales it as a picture and stays legible, fitting the width when it cannot fit whole`, async () => {
    const page = await ui.open({ journeys: [fullBoard(extra, crowded)] }, { width: 1400, height: 900 });
    await page.getByRole("button", { name: /Online customer journey/ }).click();
    await page.locator(".board .card").first().waitFor();
    const columnText = () =>
      page.evaluate(() => {
        const card = document.querySelector(".cell .card");
        const title = card.querySelector(".card-title");
        return { card: card.getBoundingClientRect().width, title: title.getBoundingClientRect().height };
      });
    const at100 = await columnText();
    await page.keyboard.press("Control+0");
    await page.waitForFunction(() => {
      const s = document.querySelector(".board-scroll");
      return s.scrollWidth <= s.clientWidth + 1;
    });
    // Settled: Fit has stopped measuring and the zoom shown holds for five frames.
    await page.waitForFunction(
      () =>
        new Promise((done) => {
          const shown = () => document.querySelector(".zoom-value").textContent;
          const first = shown();
          let frames = 0;
          const tick = () => (shown() !== first || document.querySelector(".board.measuring") ? done(false) : ++frames === 5 ? done(true) : requestAnimationFrame(tick));
          requestAnimationFrame(tick);
        }),
    );
    const zoom = await page.locator(".zoom-value").innerText();
    const percent = Number(zoom.replace(/\D/g, ""));
    assert.ok(percent >= 40, `Fit chose ${percent} %`);
    const fitted = await columnText();
    // A picture: the card is narrower by the zoom, its title wraps into the same lines.
    assert.ok(Math.abs(fitted.card - (at100.card * percent) / 100) < 3, `card ${fitted.card} px at ${percent} % (was ${at100.card} px)`);
    assert.ok(Math.abs(fitted.title - (at100.title * percent) / 100) < 4, `title ${fitted.title} px tall at ${percent} % (was ${at100.title} px): it wraps as it did at 100 %`);
    // The whole width is in view; a board too tall scrolls down.
    const box = await page.evaluate(() => {
      const s = document.querySelector(".board-scroll");
      return { wide: s.scrollWidth - s.clientWidth, tall: s.scrollHeight - s.clientHeight };
    });
    assert.ok(box.wide <= 1, `${box.wide} px scroll sideways`);
    if (box.tall > 1) {
      // Fit again on a board fitted by its width: the whole board, however small, as an overview.
      await page.keyboard.press("Control+0");
      await page.waitForFunction(() => {
        const s = document.querySelector(".board-scroll");
        return s.scrollHeight <= s.clientHeight + 1 && s.scrollWidth <= s.clientWidth + 1;
      });
      const overview = Number((await page.locator(".zoom-value").innerText()).replace(/\D/g, ""));
      assert.ok(overview < percent, `the overview at ${overview} %`);
      // And once more, back to the width.
      await page.keyboard.press("Control+0");
      await page.waitForFunction((z) => document.querySelector(".zoom-value").textContent.replace(/\D/g, "") === String(z), percent);
    }
    assert.deepEqual(page.errors, []);
  });
}

test("a fit keeps every cell drawn until it settles, also after the board turns into a picture below 67 %", async () => {
  const page = await ui.open({ journeys: [fullBoard(257, 30)] }, { width: 1000, height: 700 });
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.locator(".board .card").first().waitFor();
  // Each frame from the key press until the zoom shown has held for ten frames: the zoom, and
  // whether the board was marked as measuring (every cell drawn, none at a guessed height).
  await page.locator(".board-scroll").focus();
  // From 100 %, so the fit takes passes, and the board turns into a picture on the way.
  await page.keyboard.press("0");
  await page.waitForFunction(() => document.querySelector(".zoom-value").textContent === "100 %");
  await page.evaluate(() => {
    const seen = (window.__frames = []);
    const zoom = () => document.querySelector(".zoom-value").textContent;
    const tick = () => {
      seen.push({ zoom: zoom(), measuring: document.querySelector(".board").classList.contains("measuring") });
      const last = seen.slice(-10);
      const moved = seen.some((f) => f.measuring);
      if (!(moved && last.length === 10 && last.every((f) => f.zoom === last[0].zoom && !f.measuring)) && seen.length < 600) requestAnimationFrame(tick);
      else window.__framesDone = true;
    };
    requestAnimationFrame(tick);
  });
  await page.keyboard.press("Control+0");
  await page.waitForFunction(() => window.__framesDone === true);
  const frames = await page.evaluate(() => window.__frames);
  const fit = frames.slice(frames.findIndex((f) => f.measuring), frames.findLastIndex((f) => f.measuring) + 1);
  assert.ok(fit.length > 0, "the board is marked as measuring while it is fitted");
  assert.ok(parseInt(frames.at(-1).zoom) < 67, `fitted as a picture: ${frames.at(-1).zoom}`);
  const gaps = fit.filter((f) => !f.measuring);
  assert.deepEqual(gaps, [], "no frame of the fit without the mark");
});
