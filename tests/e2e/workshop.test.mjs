// Workshop tools in the real app: sticky notes taken down with quick capture from the keyboard,
// kept after a restart, and the room timer counting down in its large overlay.
import { test } from "node:test";
import assert from "node:assert/strict";
import { KEY, Session, freshDatabase, startDriver } from "./webdriver.mjs";

test("quick capture takes notes into cells from the keyboard; the timer counts down large", async () => {
  const db = freshDatabase();
  const driver = await startDriver({ LANG: "en_GB.UTF-8" });
  let s = await Session.start(driver.base, db);
  try {
    await s.clickOn(".journey-item");
    await s.waitFor(".phase-title");
    await s.chord(KEY.control, "k");
    await s.waitFor(".capture-bar input");
    await s.keys(`Searches for reviews${KEY.enter}Asks a friend${KEY.enter}${KEY.tab}Compares prices${KEY.enter}`);
    await s.waitFor(".capture-count", { text: "3 cards added" });
    await s.waitFor(".card", { text: "Compares prices" });
    await s.screenshot("40-quick-capture");

    await s.clickOn(".room-timer button", { text: "Timer" });
    await s.clickOn(".timer-menu button", { text: "2 min" });
    await s.clickOn(".timer-time", { text: "2:00" });
    await s.waitFor(".timer-big", { text: "1:5" });
    await s.screenshot("41-timer-large");
    await s.clickOn(".timer-overlay-controls button", { text: "Stop" });

    // The captured notes are saved like any edit.
    await s.quit();
    s = await Session.start(driver.base, db);
    await s.clickOn(".journey-item");
    for (const title of ["Searches for reviews", "Asks a friend", "Compares prices"]) await s.waitFor(".card", { text: title });
    assert.equal((await s.findAll(".timer-chip")).length, 0, "the timer is not saved");
  } finally {
    await s.quit();
    await driver.stop();
  }
});
