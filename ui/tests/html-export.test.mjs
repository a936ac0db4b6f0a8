// The map as one HTML file (issue 27) in headless Chromium, opened from disk as a person opens an
// e-mail attachment. The file is made by the CLI (`journeywall export … --out map.html`) from a
// template journey with a few edits. Every request other than the file itself fails the test,
// and is aborted besides; so does any script error or anything the page's own policy blocks.
// Screenshots at 1280×800 and 360×740 are written to the system's temp folder to look at. Safari's
// engine (MiniBrowser through WebKitWebDriver) opens the same file where it is installed.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { binary } from "./harness.mjs";
import { startWebKit, webkit } from "./webkit.mjs";

const ARABIC = "مرحبا بالعالم";
const MARKUP = `<img src=x onerror="window.pwned=1"> & "quotes" </script>`;
let dir, browser, file, doc;

function cli(...args) {
  return execFileSync(binary, ["--db", join(dir, "map.db"), ...args], { encoding: "utf8", env: { ...process.env, JOURNEYWALL_LOG_DIR: join(dir, "logs") } });
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "journeywall-html-"));
  const id = cli("new", "--template", "online-en").trim();
  const start = JSON.parse(cli("show", id, "--json"));
  const card = (title) => start.cards.find((c) => c.title === title).id;
  const edit = (e) => cli("edit", id, JSON.stringify(e));
  edit({ type: "updateCard", card: card("Google search result"), title: ARABIC });
  edit({ type: "updateCard", card: card("Ad shown after an earlier search"), title: MARKUP });
  edit({
    type: "updateCard",
    card: card("Instagram post from a running club"),
    notes: "Seen on the club's page.\nThree people mentioned it.",
    tags: ["social", "club"],
    votes: 3,
    emotion: 2,
  });
  doc = JSON.parse(cli("show", id, "--json"));
  file = join(dir, "map.html");
  assert.match(cli("export", id, "--out", file), /map\.html/);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
});
after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The file opened in a fresh page; `page.problems` collects requests, script errors and refusals. */
async function open(viewport = { width: 1280, height: 800 }) {
  const page = await browser.newPage({ viewport });
  const url = pathToFileURL(file).href;
  const problems = [];
  await page.route("**", (route) => {
    if (route.request().url() === url) return route.continue();
    problems.push(`request aborted: ${route.request().url().slice(0, 80)}`);
    return route.abort();
  });
  page.on("request", (r) => {
    if (r.url() !== url) problems.push(`request: ${r.url().slice(0, 80)}`);
  });
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`policy refused ${e.violatedDirective} ${e.blockedURI}`)));
  await page.goto(url);
  // The script has run once it has sized the map.
  await page.waitForFunction(() => document.querySelector("#view svg").style.width !== "");
  await page.evaluate(() => document.fonts.ready);
  page.problems = problems;
  return page;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's critical and serious findings on the page as it is now. It is evaluated by the
 * test, not added as a script, so the page's own policy stays as it is. */
async function findings(page) {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.filter((v) => v.impact === "critical" || v.impact === "serious").map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" "))}`);
  });
}

const details = (page) => page.getByRole("complementary", { name: /./ }).filter({ has: page.locator("#details-title") });

test("the file opens with no request at all and every card title is text on the map and in the list", async () => {
  const page = await open();
  const { map, list, fonts } = await page.evaluate(() => ({
    map: [...document.querySelectorAll("#view svg text")].map((t) => t.textContent).join(" ").split(/\s+/).join(" "),
    list: [...document.querySelectorAll("#card-list button")].map((b) => b.textContent),
    fonts: [...document.fonts].filter((f) => f.status === "loaded").map((f) => `${f.family} ${f.weight}`),
  }));
  for (const card of doc.cards) {
    const title = card.title.split(/\s+/).join(" ");
    assert.ok(map.includes(title), `"${title}" is not text on the map`);
    assert.ok(list.some((item) => item.startsWith(card.title)), `"${card.title}" is not in the list`);
  }
  // The embedded subsets are fonts the browser takes: Latin in both weights, and Arabic.
  for (const face of ["jw0 400", "jw0 700", "jw1 400"]) assert.ok(fonts.includes(face), `${face} did not load: ${fonts}`);
  assert.equal(await page.evaluate(() => window.pwned), undefined, "a title ran as markup");
  assert.deepEqual(page.problems, []);
  await page.screenshot({ path: join(tmpdir(), "html-export-1280.png") });
  await page.close();
});

test("a click on a card shows its details, and Escape closes them", async () => {
  const page = await open();
  await page.locator("#view svg text", { hasText: "Instagram post" }).first().click();
  const panel = details(page);
  await panel.getByRole("heading", { name: "Instagram post from a running club" }).waitFor();
  await panel.getByText("Seen on the club's page.").waitFor();
  const facts = await panel.locator("dl").innerText();
  for (const fact of ["Channel", "Social media", "Tags", "social", "club", "Votes", "3", "Emotion", "very positive (+2)"]) {
    assert.ok(facts.includes(fact), `"${fact}" is not among the details: ${facts}`);
  }
  assert.match(await panel.locator(".where").innerText(), /Phase: Awareness · Row: Touchpoints/);
  await page.screenshot({ path: join(tmpdir(), "html-export-1280-details.png") });
  await page.keyboard.press("Escape");
  await panel.waitFor({ state: "hidden" });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("a card opened far down the map stays in view when its details narrow the map", async () => {
  // 1000 × 560: the map is fitted to its width and scrolls; the panel then makes it narrower.
  const page = await open({ width: 1000, height: 560 });
  await page.locator("#view").evaluate((v) => v.scrollTo(0, v.scrollHeight));
  const title = "Show what was done with feedback";
  await page.locator("#view svg text", { hasText: "Show what was done" }).first().click();
  await details(page).getByRole("heading", { name: title }).waitFor();
  await page.waitForFunction((t) => {
    const data = JSON.parse(document.getElementById("data").textContent);
    const [x, y, w, h] = data.cards.find((c) => c.title === t).box;
    const map = document.querySelector("#view svg").getBoundingClientRect();
    const view = document.getElementById("view").getBoundingClientRect();
    const k = map.width / data.size[0];
    return map.left + x * k >= view.left && map.left + (x + w) * k <= view.right && map.top + y * k >= view.top && map.top + (y + h) * k <= view.bottom;
  }, title);
  await page.close();
});

test("a screen reader's list gives each card with its phase and row, and Enter opens it", async () => {
  const page = await open();
  const item = page.getByRole("button", { name: /^Compares three models on price and cushioning · Phase: Consideration · Row: Customer actions$/ });
  await item.focus();
  // The card in focus is shown on the map.
  await page.locator("#marks rect.focus").waitFor();
  await page.keyboard.press("Enter");
  const heading = details(page).getByRole("heading", { name: "Compares three models on price and cushioning" });
  await heading.waitFor();
  assert.equal(await heading.evaluate((h) => h === document.activeElement), true, "the details take the focus");
  await page.keyboard.press("Escape");
  assert.equal(await item.evaluate((b) => b === document.activeElement), true, "the focus goes back to the card");
  await page.close();
});

test("axe finds nothing critical or serious on the map, a card's details, the personas and the votes", async () => {
  const page = await open();
  const found = [...(await findings(page))];
  await page.getByRole("button", { name: /^Compares three models/ }).focus();
  await page.keyboard.press("Enter");
  await details(page).waitFor();
  found.push(...(await findings(page)));
  await page.getByRole("button", { name: "Personas" }).click();
  found.push(...(await findings(page)));
  await page.getByRole("button", { name: "Vote results" }).click();
  found.push(...(await findings(page)));
  assert.deepEqual(found, []);
  await page.close();
});

test("search marks the card that holds the Arabic words typed", async () => {
  const page = await open();
  const search = page.getByRole("searchbox", { name: "Search cards" });
  // With a vowel mark the title does not have: marks are not told apart.
  await search.fill("بالعَالم");
  await page.getByRole("status").filter({ hasText: "1 card found" }).waitFor();
  const [hit, box] = await page.evaluate((title) => {
    const data = JSON.parse(document.getElementById("data").textContent);
    const r = document.querySelector("#marks rect.hit");
    return [[r.x.baseVal.value, r.y.baseVal.value], data.cards.find((c) => c.title === title).box];
  }, ARABIC);
  assert.ok(Math.abs(hit[0] - (box[0] - 0.8)) < 0.01 && Math.abs(hit[1] - (box[1] - 0.8)) < 0.01, `the mark ${hit} is not on the card ${box}`);
  await search.fill("no such words");
  await page.getByRole("status").filter({ hasText: "No card found" }).waitFor();
  assert.equal(await page.locator("#marks rect.hit").count(), 0);
  await page.close();
});

test("the arrow keys show the map phase by phase, and Escape shows it whole again", async () => {
  const page = await open();
  await page.locator("#view").focus();
  await page.keyboard.press("ArrowRight");
  await page.locator("#phase-now", { hasText: "Phase 1 of 5: Awareness" }).waitFor();
  await page.keyboard.press("ArrowRight");
  await page.locator("#phase-now", { hasText: "Phase 2 of 5: Consideration" }).waitFor();
  assert.equal(await page.locator("#marks path.dim").count(), 1, "the other phases are dimmed");
  await page.screenshot({ path: join(tmpdir(), "html-export-1280-phase.png") });
  await page.keyboard.press("Escape");
  await page.locator("#phase-now").waitFor({ state: "hidden" });
  assert.equal(await page.locator("#marks path.dim").count(), 0);
  await page.close();
});

test("+, − and Ctrl+wheel zoom, 0 fits again", async () => {
  const page = await open();
  const zoom = () => page.locator("#zoom-level").innerText().then((t) => Number.parseInt(t, 10));
  const fitted = await zoom();
  await page.locator("#view").focus();
  await page.keyboard.press("+");
  assert.ok((await zoom()) > fitted, "+ zooms in");
  await page.keyboard.press("0");
  assert.equal(await zoom(), fitted);
  await page.keyboard.press("-");
  assert.ok((await zoom()) < fitted, "− zooms out");
  const before = await zoom();
  await page.mouse.move(640, 400);
  await page.keyboard.down("Control");
  await page.mouse.wheel(0, -300);
  await page.keyboard.up("Control");
  await page.waitForFunction((z) => Number.parseInt(document.getElementById("zoom-level").textContent, 10) > z, before);
  await page.close();
});

test("text stays text: the browser's find finds a title on the map and it can be selected", async () => {
  const page = await open();
  const found = await page.evaluate(() => {
    const hit = window.find("Compares three models");
    const selected = getSelection();
    return { hit, text: selected.toString(), inMap: Boolean(selected.anchorNode?.parentElement?.closest("svg")) };
  });
  assert.deepEqual(found, { hit: true, text: "Compares three models", inMap: true });
  await page.close();
});

test("the page prints on one page", async () => {
  const page = await open();
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4", landscape: true, preferCSSPageSize: true });
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
  writeFileSync(join(tmpdir(), "html-export-print.pdf"), pdf);
  assert.equal(pages.length, 1);
  await page.close();
});

test("on a phone the map, its bar and a card's details fit the screen", async () => {
  const page = await open({ width: 360, height: 740 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width} px wide`);
  await page.screenshot({ path: join(tmpdir(), "html-export-360.png") });
  await page.locator("#view svg text", { hasText: "Searches Google for" }).first().click();
  await details(page).getByRole("heading", { name: "Searches Google for running shoes" }).waitFor();
  await page.screenshot({ path: join(tmpdir(), "html-export-360-details.png") });
  assert.deepEqual(page.problems, []);
  await page.close();
});

test("in Safari's engine the file opens without a request, fonts load, a click opens a card and Arabic is found", { skip: !webkit && "no WebKitWebDriver" }, async () => {
  const driver = await startWebKit();
  try {
    const s = await driver.session();
    await s.size(1280, 800);
    await s.go(pathToFileURL(file).href);
    await s.until(`document.querySelector("#view svg").style.width !== ""`);
    await s.until(`[...document.fonts].some((f) => f.family === "jw1" && f.status === "loaded")`);
    const loaded = await s.run(`return [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family + " " + f.weight);`);
    for (const face of ["jw0 400", "jw0 700", "jw1 400"]) assert.ok(loaded.includes(face), `${face} did not load: ${loaded}`);
    assert.deepEqual(await s.run(`return performance.getEntriesByType("resource").map((r) => r.name);`), [], "nothing was fetched");
    await s.click(await s.findXPath(`//*[local-name()="text" and contains(., "Instagram post")]`));
    await s.until(`document.getElementById("details-title").textContent === "Instagram post from a running club" && !document.getElementById("details").hidden`);
    await s.screenshot(join(tmpdir(), "html-export-webkit.png"));
    await s.type(await s.find("#search"), "بالعالم");
    await s.until(`document.getElementById("found").textContent === "1 card found"`);
    assert.equal(await s.run(`return window.pwned;`), null, "a title ran as markup");
    await s.close();
  } finally {
    await driver.stop();
  }
});
