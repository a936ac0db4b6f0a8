// The facilitator's room panel against a real room: `journeywall rpc` opens it on 127.0.0.1, and
// phones join as phones do, over plain HTTP to the join link (the page sets the phone's cookie,
// then the phone gives its name). What phones do reaches the app's window as the app's
// `room-changed` event, which the test sends as the app would.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { startUi, template } from "./harness.mjs";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

let ui;
before(async () => {
  ui = await startUi();
});
after(async () => {
  await ui.core.call({ cmd: "close_room" }).catch(() => {});
  await ui.close();
});

/**
 * A room open for a fresh journey (on 127.0.0.1, any free port), the phones `names` joined
 * (null: anonymous) with `notes` notes each (and what `send` has them send), and the editor
 * showing its room panel.
 */
async function roomWithPhones(names, { notes = 0, locale, anonymous = true, viewport, send } = {}) {
  await ui.core.call({ cmd: "close_room" });
  const page = await ui.open({ journeys: [template(locale === "nl" ? "online-nl" : "online-en")], locale }, viewport);
  const [doc] = page.docs;
  const info = await ui.core.call({ cmd: "open_room", journey: doc.journey.id, options: { bind: "127.0.0.1", port: 0, anonymous } });
  const phones = [];
  for (const name of names) phones.push(await join(info.link, name));
  for (const [i, p] of phones.entries()) {
    for (let n = 0; n < notes; n++) await p.note(`Idea ${n + 1} of ${names[i] ?? "a phone"}`, doc.phases[i % doc.phases.length].id, doc.rows[1].id);
  }
  await send?.(phones, doc);
  await page.getByRole("button", { name: locale === "nl" ? /Online klantreis/ : /Online customer journey/ }).click();
  await page.locator(".board").waitFor();
  await page.locator("[data-action=room]").click();
  const panel = page.locator(".room-panel");
  await panel.waitFor();
  page.roomChanged = () =>
    page.evaluate(([journey]) => window.__shell.emit("room-changed", { journey, changes: null, history: null, phones: 0, editors: [], asking: 0 }), [doc.journey.id]);
  return { page, panel, doc, link: info.link, phones };
}

/** A phone opens the join link (getting its cookie) and joins under `name`. */
async function join(link, name) {
  const opened = await fetch(link);
  assert.equal(opened.status, 200, `the page opens (${opened.status})`);
  const cookie = opened.headers.get("set-cookie").split(";")[0];
  const post = (path, body) => fetch(`${link}/${path}`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(body) });
  const joined = await post("name", { name });
  assert.equal(joined.status, 200, `the phone joins (${joined.status})`);
  return {
    async note(text, phase, row) {
      const r = await post("notes", { id: crypto.randomUUID(), text, phase, row });
      assert.equal(r.status, 201);
    },
    /** What the phone's page asks for its view: 200 while it is in the room. */
    view: () => fetch(`${link}/journey`, { headers: { cookie } }).then((r) => r.status),
  };
}

const joinedNames = (panel) => panel.locator(".room-joined li .phone-name").allInnerTexts();

async function until(what, f, timeout = 5000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await f();
    if (value || Date.now() > end) return assert.ok(value, what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("the room panel lists the phones that joined, by name or as Phone N, and a removed phone leaves the list while its notes stay in the inbox", async () => {
  const { page, panel, phones } = await roomWithPhones(["Kim", null, "Ayşe"], { notes: 1 });
  await page.roomChanged();
  await panel.getByRole("tab", { name: /Phones/ }).click();
  await panel.getByText("3 phones joined").waitFor();
  assert.deepEqual(await joinedNames(panel), ["Kim", "Phone 2", "Ayşe"]);

  await panel.getByRole("button", { name: "Remove Kim's phone" }).click();
  const confirm = page.getByRole("alertdialog");
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /notes .* stay in the inbox/i);
  await confirm.getByRole("button", { name: "Remove" }).click();
  await panel.getByText("2 phones joined").waitFor();
  assert.deepEqual(await joinedNames(panel), ["Phone 2", "Ayşe"]);
  assert.equal(await phones[0].view(), 401, "the removed phone is out of the room");
  assert.equal(await phones[1].view(), 200, "the others stay");
  assert.match(await panel.getByRole("status").filter({ hasText: "removed" }).innerText(), /marked as from a removed phone/);

  await panel.getByRole("button", { name: "Go to the inbox" }).click();
  await panel.getByRole("tab", { name: /Inbox/, selected: true }).waitFor();
  await page.waitForFunction(() => document.querySelector(".room-panel").scrollTop === 0);
  await panel.locator(".inbox-note", { hasText: "Idea 1 of Kim" }).waitFor();
  assert.equal(await panel.locator(".inbox-note").count(), 3, "every note stays in the inbox");
  // Kim's note is marked, and the notes of removed phones go together, in one undoable step.
  assert.equal(await panel.locator(".inbox-note.from-removed").count(), 1);
  await panel.locator(".inbox-note", { hasText: "Idea 1 of Kim" }).getByText("From a removed phone").waitFor();
  await panel.getByRole("button", { name: "Discard the note from a removed phone" }).click();
  await panel.locator(".inbox-note", { hasText: "Idea 1 of Kim" }).waitFor({ state: "detached" });
  assert.equal(await panel.locator(".inbox-note").count(), 2, "the others' notes stay");
  await page.keyboard.press("Control+z");
  await panel.locator(".inbox-note", { hasText: "Idea 1 of Kim" }).waitFor();
});

test("Cancel on Remove keeps the phone in the room", async () => {
  const { page, panel, phones } = await roomWithPhones(["Kim"]);
  await page.roomChanged();
  await panel.getByRole("tab", { name: /Phones/ }).click();
  await panel.getByRole("button", { name: "Remove Kim's phone" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("alertdialog").waitFor({ state: "detached" });
  assert.deepEqual(await joinedNames(panel), ["Kim"]);
  assert.equal(await phones[0].view(), 200);
});

test("a phone that joins shows in the list when the app says the room changed", async () => {
  const { page, panel, link } = await roomWithPhones([]);
  await panel.getByRole("tab", { name: /Phones/ }).click();
  await panel.getByText("0 phones joined").waitFor();
  await join(link, "Noor");
  await page.roomChanged();
  await panel.getByText("1 phone joined").waitFor();
  assert.deepEqual(await joinedNames(panel), ["Noor"]);
});

test("Lock the room: a new phone is refused while the phones in stay, and unlocking lets it in", async () => {
  const { panel, link, phones } = await roomWithPhones(["Kim"]);
  await panel.getByRole("tab", { name: /Phones/ }).click();
  const lock = panel.getByRole("checkbox", { name: "Lock the room" });
  assert.equal(await lock.isChecked(), false);
  await panel.getByText("No new phones can join; the phones in the room stay.").waitFor();
  await lock.check();
  await until("the room is locked", async () => (await ui.core.call({ cmd: "room_info" })).locked);
  assert.equal(await lock.isChecked(), true);
  const refused = await fetch(link);
  assert.equal(refused.status, 403);
  assert.match(await refused.text(), /closed to new phones/);
  assert.equal(await phones[0].view(), 200, "the phone in the room stays");

  await lock.uncheck();
  await until("the room is open again", async () => !(await ui.core.call({ cmd: "room_info" })).locked);
  assert.equal((await fetch(link)).status, 200);
});

test("New link: after a warning that every phone must scan again, the panel shows the new link and the old one is dead", async () => {
  const { page, panel, link, phones } = await roomWithPhones(["Kim"]);
  await panel.getByRole("tab", { name: /Phones/ }).click();
  await panel.locator(".room-link strong", { hasText: link }).waitFor();
  const qr = await panel.locator(".room-qr img").getAttribute("src");
  await panel.getByRole("button", { name: "New link…" }).click();
  const confirm = page.getByRole("alertdialog");
  assert.match(await confirm.innerText(), /every phone .* scan the new code/i);
  await confirm.getByRole("button", { name: "New link" }).click();
  await until("the panel shows another link", async () => (await panel.locator(".room-link strong").innerText()) !== link);
  const fresh = await panel.locator(".room-link strong").innerText();
  assert.equal(fresh, (await ui.core.call({ cmd: "room_info" })).link);
  assert.notEqual(await panel.locator(".room-qr img").getAttribute("src"), qr, "and its QR code");
  assert.equal((await fetch(link)).status, 404, "the old link opens nothing");
  assert.notEqual(await phones[0].view(), 200, "the phones' sessions ended");
  assert.equal((await fetch(fresh)).status, 200);
  await panel.getByText("0 phones joined").waitFor();
});

test("Stop: the button says Closing… until the room has closed, and opened again the room has the same link", async () => {
  const { page, panel, link } = await roomWithPhones(["Kim"]);
  await panel.getByRole("tab", { name: /Phones/ }).click();
  await panel.getByText("Closed and opened again, the room keeps its link, and its phones come back by themselves (until New link).").waitFor();
  // The app takes seconds to close a room: its answer is held here until the test lets it go.
  await page.evaluate(() => {
    const core = window.__rpc;
    window.__rpc = (request) =>
      request.cmd === "close_room" ? new Promise((resolve) => (window.__letClose = () => resolve(core(request)))) : core(request);
  });
  await panel.getByRole("button", { name: "Close the room" }).click();
  const closing = panel.getByRole("button", { name: "Closing…" });
  await closing.waitFor();
  assert.equal(await closing.isDisabled(), true);
  await page.waitForFunction(() => typeof window.__letClose === "function");
  await page.evaluate(() => window.__letClose());
  await panel.getByRole("button", { name: "Open the room" }).waitFor();
  assert.equal(await ui.core.call({ cmd: "room_info" }), null);
  await assert.rejects(fetch(link), "nothing listens once the room is closed");
  // The panel shows the settings the room was kept with (it allowed joining without a name).
  const anonymous = panel.getByRole("checkbox", { name: /without a name/ });
  await page.waitForFunction(() => [...document.querySelectorAll(".room-panel input[type=checkbox]")].some((c) => c.checked));
  assert.equal(await anonymous.isChecked(), true);

  await panel.getByRole("button", { name: "Open the room" }).click();
  await panel.locator(".room-link strong").waitFor();
  const again = await panel.locator(".room-link strong").innerText();
  assert.equal(new URL(again).pathname, new URL(link).pathname, "the same link");
});

test("with phones joined the inbox is in view without scrolling past the QR code, on a 1280×800 laptop", async () => {
  const { page, panel } = await roomWithPhones(["Kim", "Ayşe", null, "Sam"], { notes: 2, viewport: { width: 1280, height: 800 } });
  await panel.locator(".inbox-note").first().waitFor();
  // Three notes to sort, whole, where the QR code stood.
  const box = await panel.locator(".inbox-note").nth(2).boundingBox();
  assert.ok(box.y + box.height <= 800, `the third note is in view (its bottom at ${box.y + box.height})`);
  assert.equal(await panel.evaluate((p) => p.scrollTop), 0);
  await page.screenshot({ path: "/tmp/room-panel-inbox-1280.png" });
});

test("in Dutch an anonymous phone is Telefoon N and the room's buttons speak of the session", async () => {
  const { page, panel } = await roomWithPhones([null, "Kim"], { locale: "nl" });
  await page.roomChanged();
  await panel.getByRole("tab", { name: /Telefoons/ }).click();
  await panel.getByText("2 telefoons doen mee").waitFor();
  assert.deepEqual(await joinedNames(panel), ["Telefoon 1", "Kim"]);
  await panel.getByRole("checkbox", { name: "Sessie op slot" }).waitFor();
  await panel.getByRole("button", { name: "Sessie stoppen" }).waitFor();
  await page.screenshot({ path: "/tmp/room-panel-nl.png" });
});

test("the open room's tabs are reached with the arrow keys and pass axe, with phones listed and notes waiting", async () => {
  const { page, panel } = await roomWithPhones(["Kim", null], { notes: 1 });
  await page.roomChanged();
  const inbox = panel.getByRole("tab", { name: /Inbox/ });
  await inbox.focus();
  await page.keyboard.press("ArrowLeft");
  await panel.getByRole("tab", { name: /Phones/, selected: true }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute("role")), "tab", "the keyboard stays on the tabs");
  await panel.getByRole("tabpanel").getByText("2 phones joined").waitFor();
  const serious = async () => {
    if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
    return page.evaluate(async () =>
      (await window.axe.run(".room-panel", { resultTypes: ["violations"] })).violations
        .filter((v) => v.impact === "critical" || v.impact === "serious")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`),
    );
  };
  assert.deepEqual(await serious(), [], "the Phones tab");
  await page.keyboard.press("ArrowRight");
  await panel.getByRole("tabpanel").locator(".inbox-note").first().waitFor();
  assert.deepEqual(await serious(), [], "the Inbox tab");
});

test("Co-editors: the facilitator opens the room to them, lets one in by name and removes them, and the phones' link stays", async () => {
  const { page, panel, link, doc } = await roomWithPhones(["Ayşe"]);
  await panel.getByRole("tab", { name: /Editors/ }).click();
  await panel.getByRole("button", { name: "Invite a co-editor" }).click();
  const shown = panel.locator(".room-link strong");
  await shown.waitFor();
  const editorLink = await shown.innerText();
  assert.match(editorLink, /^http:\/\/127\.0\.0\.1:\d+\/e\/[A-Za-z0-9_-]{22}$/, "a link of its own, 128 random bits");
  await panel.getByText("Do not show it on the projector").waitFor();
  assert.equal((await fetch(link)).status, 200, "the phones' link still opens after the room opened to co-editors");

  // Kim opens the link on her laptop and asks to edit under her name.
  const page0 = await fetch(`${editorLink}/`);
  assert.equal(page0.status, 200);
  const cookie = page0.headers.get("set-cookie").split(";")[0];
  const call = (path, body) =>
    fetch(`${editorLink}/${path}`, { method: "POST", headers: { cookie, "x-journeywall-editor": "1", "content-type": "application/json" }, body: JSON.stringify(body) });
  assert.equal((await (await call("name", { name: "Kim" })).json()).state, "waiting");
  assert.equal((await call("rpc", { cmd: "app_info" })).status, 403, "not before the facilitator lets her in");

  // With the panel closed, the toolbar's Room button says someone asks; opened, the panel shows them.
  await page.locator("[data-action=room]").click();
  await panel.waitFor({ state: "detached" });
  await page.evaluate(([journey]) => window.__shell.emit("room-changed", { journey, changes: null, history: null, phones: 1, editors: [], asking: 1 }), [doc.journey.id]);
  await page.locator("[data-action=room] .toolbar-badge", { hasText: "1" }).waitFor();
  await page.locator(".journey-header").screenshot({ path: "/tmp/room-asking.png" });
  await page.locator("[data-action=room]").click();
  await panel.getByRole("tab", { name: /Editors/, selected: true }).waitFor();
  await panel.getByText("Kim asks to edit").waitFor();
  await page.screenshot({ path: "/tmp/room-panel-editors.png" });
  await panel.getByRole("button", { name: "Let in" }).click();
  await panel.getByRole("button", { name: "Remove Kim" }).waitFor();
  const answer = await (await call("rpc", { cmd: "app_info" })).json();
  assert.ok(answer.ok, JSON.stringify(answer));

  await panel.getByRole("button", { name: "Remove Kim" }).click();
  await panel.getByText("Nobody has opened the link yet.").waitFor();
  assert.equal((await call("rpc", { cmd: "app_info" })).status, 401, "removed, she can do nothing more");
});

test("Groups: split into three, a phone writes on group 2's board, and bringing group 2 in puts its card on the map, marked, undone by one Ctrl+Z", async () => {
  const { page, panel, doc } = await roomWithPhones([]);
  await panel.getByRole("tab", { name: /Groups/ }).click();
  await panel.getByLabel("Number of groups").selectOption("3");
  await panel.getByRole("radio", { name: "Each group a copy of the whole map" }).check();
  await panel.getByRole("button", { name: "Split into groups" }).click();
  const codes = page.getByRole("dialog", { name: "Join your group" });
  await codes.waitFor();
  assert.equal(await codes.locator(".group-code").count(), 3);
  assert.equal(await codes.locator(".group-code img").count(), 6, "two codes a group: phones and laptops");
  await page.screenshot({ path: "/tmp/groups-codes.png" });
  const group2 = codes.getByRole("region", { name: "Group 2" });
  const phoneLink = (await group2.locator("figure").first().locator(".mono").innerText()).trim();

  // A phone at each table joins its group's room and sends a note aimed at a cell: it lands on
  // that group's board.
  const groups = await ui.core.call({ cmd: "group_rooms", journey: doc.journey.id });
  assert.equal(groups[1].link, phoneLink, "the page shows each group's own link");
  for (const [i, name] of ["Bram", "Ayşe", "Chen"].entries()) {
    const phone = await join(groups[i].link, name);
    const board = await ui.core.call({ cmd: "open_journey", journey: groups[i].board.journey });
    await phone.note(i === 1 ? "Asks the neighbours" : `Table ${i + 1}'s idea`, board.doc.phases[0].id, board.doc.rows[0].id);
  }
  await codes.getByRole("button", { name: "Back" }).click();

  await panel.getByRole("button", { name: "Bring the groups together" }).click();
  const together = page.getByRole("dialog", { name: "The groups together" });
  await together.getByRole("region", { name: "Group 2" }).getByText("Asks the neighbours").waitFor();
  await together.getByRole("region", { name: "Group 1" }).getByText("Table 1's idea").waitFor();
  await together.getByRole("region", { name: "Group 3" }).getByText("Table 3's idea").waitFor();
  await page.screenshot({ path: "/tmp/groups-together.png" });
  await together.getByRole("button", { name: "Bring in Group 2" }).click();
  await together.getByText("Group 2: 1 card brought into the map.").waitFor();
  const onMap = async () =>
    (await ui.core.call({ cmd: "open_journey", journey: doc.journey.id })).doc.cards.filter((c) => c.source.startsWith("Group 2")).map((c) => `${c.title} (${c.source})`);
  assert.deepEqual(await onMap(), ["Asks the neighbours (Group 2 · Ayşe)"], "marked with its group and who wrote it");
  await together.getByRole("button", { name: "Back" }).click();
  await page.locator(".board").getByText("Asks the neighbours").waitFor();

  await page.locator(".board").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("Control+z");
  await until("one Ctrl+Z takes the group back out", async () => (await onMap()).length === 0);
});

test("a note aimed at a phase only waits under that phase, not among the notes aimed nowhere (walk)", async () => {
  const { panel, doc } = await roomWithPhones(["Kim"], {
    send: async ([kim], doc) => {
      await kim.note("Deposit scares people off", doc.phases[2].id, null);
      await kim.note("Which row is this", null, doc.rows[1].id);
      await kim.note("Somewhere", null, null);
    },
  });
  await panel.getByRole("tab", { name: /Inbox/ }).click();
  const heading = (text) => panel.locator(".inbox-group", { hasText: text }).locator("h4").innerText();
  assert.equal(await heading("Deposit scares"), `${doc.phases[2].title} · any row`);
  assert.equal(await heading("Which row"), `any phase · ${doc.rows[1].title}`);
  assert.equal(await heading("Somewhere"), "No phase or row chosen");
});
