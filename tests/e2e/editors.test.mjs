// Several laptops, one map, in the real app under Xvfb: the facilitator opens the room to
// co-editors, two browsers (headless Chromium, 1280×800) open the editors' link and ask to join by
// name, the laptop lets one in and then the other; each adds and changes cards and sees the others'
// work, Ctrl+Z is one's own, and a drag of a card the laptop deleted is refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { withOpenRoom } from "./webdriver.mjs";

const root = join(fileURLToPath(import.meta.url), "..", "..", "..");

/** A co-facilitator's laptop: the editors' link in a browser, asking to join as `name`. */
async function coEditor(browser, link, name) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(e.message));
  await page.goto(`${link}/`);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Ask to join" }).click();
  await page.getByText("Waiting for the facilitator to let you in…").waitFor();
  return page;
}

/** WebDriver's Delete key. */
const DELETE = "\uE017";

const card = (page, title) => page.locator(".board .card", { hasText: title });

/** Types a new card into the first cell by the keyboard, as a person does. */
async function addCard(page, title) {
  await page.locator(".cell").first().focus();
  await page.keyboard.press("n");
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await card(page, title).waitFor();
}

test("two co-editors in browsers and the laptop shape one map: each sees the others' work, undo is one's own, a refused drag", async () => {
  await withOpenRoom(async ({ s, browser }) => {
    await s.clickOn(".room-tabs [data-tab=editors]");
    await s.clickOn(".room-panel button.primary", { text: "Invite a co-editor" });
    const link = await (await s.waitFor(".room-link strong")).text();
    assert.match(link, /^http:\/\/[\d.]+:\d+\/e\/[A-Za-z0-9_-]{22}$/);

    // Kim and Ben ask to join; the laptop lets Kim in first.
    const kim = await coEditor(browser, link, "Kim");
    const ben = await coEditor(browser, link, "Ben");
    await s.waitFor(".room-editors li", { text: "Kim asks to edit" });
    await s.screenshot("70-editors-asking");
    await s.clickOn(".room-editors li:first-child button.primary", { text: "Let in" });
    await kim.locator(".board .card").first().waitFor();
    await s.waitFor(".room-editors li", { text: "Ben asks to edit" });
    await s.clickOn(".room-editors button.primary", { text: "Let in" });
    await ben.locator(".board .card").first().waitFor();

    // Each adds a card; everyone sees both, the laptop too.
    await addCard(kim, "Kim: asks a friend");
    await addCard(ben, "Ben: compares three shops");
    await card(kim, "Ben: compares three shops").waitFor();
    await card(ben, "Kim: asks a friend").waitFor();
    await s.waitFor(".card", { text: "Kim: asks a friend" });
    await s.waitFor(".card", { text: "Ben: compares three shops" });

    // Ben selects his card: Kim's board and the laptop's outline it with his name.
    await card(ben, "Ben: compares three shops").click();
    await card(kim, "Ben: compares three shops").locator(".co-editor-label", { hasText: "Ben" }).waitFor();
    await s.waitFor(".co-editor-label", { text: "Ben" });
    await s.screenshot("71-laptop-sees-co-editors");
    await kim.screenshot({ path: join(root, "target", "e2e", "72-co-editor-board.png") });

    // Kim's Ctrl+Z takes her card away, not Ben's later one.
    await kim.locator(".board-scroll").focus();
    await kim.keyboard.press("Control+z");
    await card(ben, "Kim: asks a friend").waitFor({ state: "detached" });
    await s.waitFor(".card", { text: "Ben: compares three shops" });
    assert.equal(await card(kim, "Ben: compares three shops").count(), 1, "Ben's card stays");

    // The laptop deletes Ben's card while Ben drags it: his drop is refused and the card is gone.
    const box = await card(ben, "Ben: compares three shops").boundingBox();
    await ben.mouse.move(box.x + 20, box.y + 10);
    await ben.mouse.down();
    await ben.mouse.move(box.x + 40, box.y + 30, { steps: 3 });
    await s.clickOn(".card", { text: "Ben: compares three shops" });
    await s.keys(DELETE);
    await card(kim, "Ben: compares three shops").waitFor({ state: "detached" });
    const to = await card(ben, "Web shop checkout").boundingBox();
    await ben.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
    await ben.mouse.up();
    await ben.getByRole("alert").getByText("someone else deleted this card").waitFor();
    assert.equal(await card(ben, "Ben: compares three shops").count(), 0, "the board shows it gone");
    await ben.screenshot({ path: join(root, "target", "e2e", "73-co-editor-refused-drag.png") });

    // Removed by the laptop, Ben can do nothing more.
    await s.clickOn(".room-editors li:nth-child(2) button", { text: "Remove" });
    await s.waitGone(".room-editors li", { text: "Ben" });
    await s.waitFor(".room-editors li", { text: "Kim" });
    assert.deepEqual([kim.errors, ben.errors], [[], []]);
  });
});
