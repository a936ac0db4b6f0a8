// The Print poster dialog in headless Chromium with the backend faked: what a facilitator picks is
// what is sent, the preview follows, a refused option is shown and blocks saving.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { binary, calls, startUi, template } from "./harness.mjs";

let ui;
before(async () => {
  ui = await startUi();
});
after(() => ui.close());

async function openDialog(state = {}) {
  const page = await ui.open({ journeys: [template("online-en")], ...state });
  const [doc] = page.docs;
  await page.evaluate(() => localStorage.clear());
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness$/ }).waitFor();
  await page.keyboard.press("Control+p");
  const dialog = page.getByRole("dialog", { name: "Print poster" });
  await dialog.waitFor();
  return { page, dialog, doc };
}
const previews = async (page) => (await calls(page)).filter((c) => c.cmd === "poster_preview").map((c) => c.args.options);

test("Ctrl+P opens the dialog with a preview and the finished size of one A0 sheet", async () => {
  const { page, dialog } = await openDialog();
  await dialog.getByText("A0 → 94 × 82 cm").waitFor();
  await dialog.getByRole("img", { name: /Preview of the poster/ }).waitFor();
  const last = (await previews(page)).at(-1);
  assert.equal(last.mode, "single");
  assert.equal(last.sheet, "A0");
  assert.deepEqual(last.size, { by: "fit" });
});

test("tiling over A4 three sheets across sends those options and shows the sheet count", async () => {
  const { page, dialog } = await openDialog();
  await dialog.getByText("Tiled over sheets").click();
  await dialog.getByRole("combobox", { name: "Sheet" }).selectOption("A4");
  await dialog.getByLabel("Number of sheets across").fill("3");
  await dialog.getByLabel("Overlap to glue").fill("12");
  await dialog.getByText(/^3 × 2 sheets of A4 → \d+ × \d+ cm$/).waitFor();
  await dialog.getByText("7 pages, the first shows how they fit together").waitFor();
  const last = (await previews(page)).at(-1);
  assert.equal(last.mode, "tiled");
  assert.deepEqual(last.size, { by: "across", sheets: 3 });
  assert.equal(last.overlapMm, 12);
  assert.equal(last.cutMarks, true);
});

test("tiling proposes A4 where the system is British, in Dutch and in English, though the web view says en-US", async () => {
  // The core runs with LANG=en_GB (harness.mjs); headless Chromium, like WebKitGTK, says en-US.
  for (const [locale, words] of [
    ["nl", { dialog: "Poster afdrukken", tiled: "Op losse vellen", sheet: "Vel" }],
    ["en", { dialog: "Print poster", tiled: "Tiled over sheets", sheet: "Sheet" }],
  ]) {
    const page = await ui.open({ journeys: [template("online-en")], locale });
    await page.evaluate(() => localStorage.clear());
    assert.equal(await page.evaluate(() => navigator.language), "en-US");
    await page.getByRole("button", { name: /Online customer journey/ }).click();
    await page.getByRole("heading", { name: "Online customer journey" }).waitFor();
    await page.keyboard.press("Control+p");
    const dialog = page.getByRole("dialog", { name: words.dialog });
    await dialog.getByText(words.tiled).click();
    assert.equal(await dialog.getByRole("combobox", { name: words.sheet }).inputValue(), "A4", `tiling starts on A4 (${locale})`);
    await page.close();
  }
});

test("a size the backend refuses is shown by name and Save is disabled until it is fixed", async () => {
  const { dialog } = await openDialog();
  await dialog.getByText("Tiled over sheets").click();
  await dialog.getByRole("combobox", { name: "Sheet" }).selectOption("A0");
  await dialog.getByRole("combobox", { name: "Size" }).selectOption("width");
  await dialog.getByLabel("Finished width").fill("1600");
  await dialog.getByRole("alert").getByText("width: 16 m is more than the 15 m a poster may be").waitFor();
  assert.equal(await dialog.getByRole("button", { name: "Save poster…" }).isDisabled(), true);
  await dialog.getByLabel("Finished width").fill("300");
  await dialog.getByText(/sheets of A4|sheets of A0/).waitFor();
  assert.equal(await dialog.getByRole("button", { name: "Save poster…" }).isDisabled(), false);
});

test("Save sends the options and open-when-done, and says where the poster went", async () => {
  const { page, dialog } = await openDialog();
  await dialog.getByLabel("Card notes").check();
  await dialog.getByLabel("Grayscale").check();
  await dialog.getByLabel("Open when done").uncheck();
  await dialog.getByText(/A0 →/).waitFor();
  await dialog.getByRole("button", { name: "Save poster…" }).click();
  await dialog.getByText("Saved: /home/facilitator/Klantreis.pdf").waitFor();
  const save = (await calls(page)).find((c) => c.cmd === "save_poster");
  assert.equal(save.args.options.notes, true);
  assert.equal(save.args.options.grayscale, true);
  assert.equal(save.args.openWhenDone, false);
  // The choice is remembered for next time.
  await dialog.getByRole("button", { name: "Close" }).click();
  await page.keyboard.press("Control+p");
  assert.equal(await page.getByRole("dialog").getByLabel("Card notes").isChecked(), true);
});

test("a custom sheet is sent as a size with its unit; Escape closes", async () => {
  const { page, dialog } = await openDialog();
  await dialog.getByRole("combobox", { name: "Sheet" }).selectOption("custom");
  await dialog.getByLabel("Sheet width").fill("24");
  await dialog.getByLabel("Sheet height").fill("36");
  await dialog.getByLabel("Unit").selectOption("in");
  await dialog.getByText(/^609\.6 × 914\.4 mm → \d+ × \d+ cm$/).waitFor();
  await page.keyboard.press("Escape");
  await dialog.waitFor({ state: "detached" });
});

test("File → Export as… offers every format, says where the file went and remembers the choice", async () => {
  const page = await ui.open({ journeys: [template("online-en")] });
  const [doc] = page.docs;
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByRole("group", { name: /^Phase \d+ of \d+: Awareness$/ }).waitFor();
  const exportAs = async () => {
    await page.evaluate(() => window.dispatchEvent(new CustomEvent("jw-menu", { detail: "export" })));
    const dialog = page.getByRole("dialog", { name: "Export as" });
    await dialog.waitFor();
    return dialog;
  };
  let dialog = await exportAs();
  const offered = await dialog.getByRole("radio").evaluateAll((radios) => radios.map((r) => r.value));
  assert.deepEqual(offered, ["html", "pptx", "xlsx", "csv", "json"]);
  await dialog.getByRole("radio", { name: /PowerPoint deck/ }).check();
  await dialog.getByRole("button", { name: "Save…" }).click();
  await dialog.getByText("Saved: /home/facilitator/journey.pptx").waitFor();
  const sent = (await calls(page)).filter((c) => c.cmd === "export_journey");
  assert.deepEqual(sent.at(-1).args, { journey: doc.journey.id, format: "pptx", delimiter: ",", openWhenDone: true });
  await dialog.getByRole("button", { name: "Close" }).click();

  // Opened again, the last choice is there; a CSV asks for its separator.
  dialog = await exportAs();
  assert.equal(await dialog.getByRole("radio", { name: /PowerPoint deck/ }).isChecked(), true);
  await dialog.getByRole("radio", { name: /^CSV/ }).check();
  await dialog.getByRole("radio", { name: /Semicolon/ }).check();
  await dialog.getByLabel("Open when done").uncheck();
  await dialog.getByRole("button", { name: "Save…" }).click();
  await dialog.getByText("Saved: /home/facilitator/journey.csv").waitFor();
  assert.deepEqual((await calls(page)).filter((c) => c.cmd === "export_journey").at(-1).args, { journey: doc.journey.id, format: "csv", delimiter: ";", openWhenDone: false });
});

test("the toolbar's Print poster button opens the same dialog", async () => {
  const page = await ui.open({ journeys: [template("online-en")] });
  await page.getByRole("button", { name: /Online customer journey/ }).click();
  await page.getByRole("button", { name: "Print poster…" }).click();
  await page.getByRole("dialog", { name: "Print poster" }).waitFor();
});

test("an empty number field is named in the dialog and nothing is asked of the backend", async () => {
  const { page, dialog } = await openDialog();
  await dialog.getByText(/A0 →/).waitFor();
  const before = (await previews(page)).length;
  await dialog.getByLabel("Margin").fill("");
  await dialog.getByRole("alert").getByText("Margin: enter a number").waitFor();
  assert.equal((await previews(page)).length, before);
  assert.equal(await dialog.getByRole("button", { name: "Save poster…" }).isDisabled(), true);
});

/** A title per script a workshop writes (Arabic and Hebrew mixed with Latin and numbers, CJK, emoji). */
const SCRIPTS = ["Zoë’s café — İstanbul şoför", "Tiếng Việt · Ελληνικά · Привет", "مرحبا بالعالم 2026", "Vragen? שאלות 3", "顾客比较三家价格", "한국어 ひらがな", "Fiets 🚲 😀 ❤️ 👍"];

test("the preview is the print: the dialog's SVG and the PDF look the same at the same size", async () => {
  const doc = template("online-en");
  doc.cards.slice(0, SCRIPTS.length).forEach((c, i) => (c.title = SCRIPTS[i]));
  const page = await ui.open({ journeys: [doc] });
  const id = page.docs[0].journey.id;
  const options = { sheet: "fit", marginMm: 0, mode: "single", size: { by: "fit" } };
  const { svg, info } = await ui.core.call({ cmd: "poster_preview", journey: id, options });
  assert.equal(info.warning, null, "every script can be printed");
  const dir = mkdtempSync(join(tmpdir(), "jw-preview-"));
  try {
    const pdf = join(dir, "poster.pdf");
    execFileSync(binary, ["--db", page.db, "poster", id, "--out", pdf, "--sheet", "fit", "--margin", "0mm"]);
    const width = 1400;
    const height = Math.round((width * info.heightMm) / info.widthMm);
    execFileSync("pdftoppm", ["-png", "-singlefile", "-scale-to-x", `${width}`, "-scale-to-y", `${height}`, pdf, join(dir, "print")]);
    const print = readFileSync(join(dir, "print.png")).toString("base64");
    const diff = await page.evaluate(
      async ({ svg, print, width, height }) => {
        const load = (src) => new Promise((ok, fail) => Object.assign(new Image(), { onload() { ok(this); }, onerror: fail, src }));
        const pixels = async (src) => {
          const canvas = Object.assign(document.createElement("canvas"), { width, height });
          const ctx = canvas.getContext("2d");
          ctx.fillStyle = "#fff";
          ctx.fillRect(0, 0, width, height);
          ctx.drawImage(await load(src), 0, 0, width, height);
          return ctx.getImageData(0, 0, width, height).data;
        };
        const a = await pixels(URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" })));
        const b = await pixels(`data:image/png;base64,${print}`);
        // Compared in blocks of 4 × 4 pixels: two rasterisers smooth letters' edges differently,
        // while a letter out of place, missing or in another face still shows.
        let sum = 0;
        let far = 0;
        let blocks = 0;
        for (let by = 0; by + 4 <= height; by += 4) {
          for (let bx = 0; bx + 4 <= width; bx += 4) {
            let d = 0;
            for (let c = 0; c < 3; c++) {
              let pa = 0;
              let pb = 0;
              for (let y = by; y < by + 4; y++) for (let x = bx; x < bx + 4; x++) (pa += a[(y * width + x) * 4 + c]), (pb += b[(y * width + x) * 4 + c]);
              d += Math.abs(pa - pb) / 16;
            }
            d /= 3;
            sum += d;
            if (d > 64) far++;
            blocks++;
          }
        }
        return { mean: sum / blocks, far: far / blocks };
      },
      { svg, print, width, height },
    );
    assert.ok(diff.mean < 2 && diff.far < 0.002, `preview and print differ: ${JSON.stringify(diff)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("Tab and Shift+Tab go round inside the dialog whichever of a choice's radios is checked (walk: Shift+Tab left it)", async () => {
  const { page, dialog } = await openDialog();
  await dialog.getByText("Tiled over sheets").click();
  const inside = () => page.evaluate(() => !!document.activeElement?.closest("[role=dialog]"));
  for (const key of ["Shift+Tab", "Tab"]) {
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(key);
      assert.ok(await inside(), `${key} × ${i + 1}: ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120))}`);
    }
  }
});
