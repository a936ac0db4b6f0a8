// `make bench` (room, in the real app under Xvfb): the time from a phone's POST of a note to the
// note being drawn in the laptop's inbox, with 30 phones sending at once. A MutationObserver in
// the app's page stamps the moment each note appears (the same clock as this process: one
// machine). Traffic goes to the app's own room, which listens on this machine only. Reports;
// asserts nothing. Writes a Markdown section to the path given as the first argument.
import { writeFileSync } from "node:fs";
import { Session, freshDatabase, startDriver } from "../e2e/webdriver.mjs";

const out = process.argv[2] ?? "target/bench/51-room-app.md";
const PHONES = 30;
const NOTES = 5;
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

const driver = await startDriver({ LANG: "en_GB.UTF-8" });
const s = await Session.start(driver.base, freshDatabase());
try {
  await s.clickOn(".journey-item", { timeout: 20_000 });
  await s.waitFor(".card");
  await s.clickOn(".journey-header [data-action=room]");
  await s.clickOn(".room-panel button.primary", { text: "Open the room" });
  const link = await (await s.waitFor(".room-link strong")).text();
  // The inbox is the room panel's second tab: shown, as the facilitator would while notes come in.
  await s.clickOn(".room-tabs [data-tab=inbox]");
  // Stamps, in the page, when each note's text is first drawn (epoch ms, comparable across processes).
  await s.execute(`
    window.__seen = {};
    new MutationObserver(() => {
      for (const p of document.querySelectorAll(".inbox-note p")) {
        const m = /^bench (\\d+)$/.exec(p.textContent);
        if (m && !(m[1] in window.__seen)) window.__seen[m[1]] = Date.now();
      }
    }).observe(document.body, { childList: true, subtree: true, characterData: true });`);

  const phones = [];
  for (let i = 0; i < PHONES; i++) {
    const r = await fetch(link);
    await r.arrayBuffer();
    const cookie = r.headers.get("set-cookie").split(";")[0];
    await fetch(`${link}/name`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ name: `P${i}` }) });
    phones.push(cookie);
  }
  const sent = {};
  let n = 0;
  await Promise.all(
    phones.map(async (cookie) => {
      for (let i = 0; i < NOTES; i++) {
        const k = ++n;
        const id = `00000000-0000-4000-8000-${k.toString(16).padStart(12, "0")}`;
        sent[k] = Date.now();
        const r = await fetch(`${link}/notes`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify({ id, text: `bench ${k}` }) });
        await r.arrayBuffer();
      }
    }),
  );
  const until = Date.now() + 30_000;
  let seen = {};
  while (Date.now() < until) {
    seen = await s.execute("return window.__seen;");
    if (Object.keys(seen).length >= n) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const delays = Object.entries(seen).map(([k, at]) => at - sent[k]);
  const lines = [
    "## The room in the real app: a phone's note to the laptop's inbox",
    "",
    `\`xvfb-run … node tests/bench/room-app.mjs\` — the built app (debug build) with its room open, ${PHONES} phones × ${NOTES} notes sent at once over loopback; ${delays.length} of ${n} notes drawn within 30 s.`,
    "",
    "| Figure | Median | p99 |",
    "|---|---|---|",
    `| POST of a note → drawn in the laptop's inbox | ${quantile(delays, 0.5)} ms | ${quantile(delays, 0.99)} ms |`,
    "",
  ];
  writeFileSync(out, lines.join("\n"));
  console.log(lines.join("\n"));
} finally {
  await s.quit().catch(() => undefined);
  await driver.stop();
}
