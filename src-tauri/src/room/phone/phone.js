// The phone page of a Journeywall room (see docs/ROOM.md). Plain script, no libraries and no
// build step: the laptop serves it as it is, to any phone browser. Everything a participant or the
// facilitator wrote is put on the page as text (textContent), never as markup.
"use strict";

const WORDS = {
  en: {
    joinTitle: "Join the room", yourName: "Your name", join: "Join", joinAnonymous: "Join without a name",
    writeTitle: "Write a note", phase: "Phase", row: "Row", note: "Your note", send: "Send",
    myNotes: "My notes", noNotes: "Nothing sent yet. Your notes stay private until the facilitator shows them.",
    voteTitle: "Vote", anyPhase: "Any phase", anyRow: "Any row",
    inbox: "Waiting in the inbox", placed: "On the board", discarded: "Not used", sending: "Sending…",
    left: (n) => (n === 1 ? "1 dot left" : `${n} dots left`), noneLeft: "All your dots are given. Tap a card to take one back.",
    now: "Now", timer: "Time left", paused: "paused", offline: "No connection to the laptop. Notes are kept and sent when it is back.",
    give: "Give a dot", takeBack: "Take a dot back",
  },
  nl: {
    joinTitle: "Doe mee", yourName: "Je naam", join: "Meedoen", joinAnonymous: "Meedoen zonder naam",
    writeTitle: "Schrijf een notitie", phase: "Fase", row: "Rij", note: "Je notitie", send: "Versturen",
    myNotes: "Mijn notities", noNotes: "Nog niets verstuurd. Je notities blijven privé tot de begeleider ze laat zien.",
    voteTitle: "Stemmen", anyPhase: "Geen fase", anyRow: "Geen rij",
    inbox: "Wacht in de inbox", placed: "Op het bord", discarded: "Niet gebruikt", sending: "Wordt verstuurd…",
    left: (n) => (n === 1 ? "Nog 1 stip" : `Nog ${n} stippen`), noneLeft: "Al je stippen zijn gegeven. Tik op een kaart om er een terug te nemen.",
    now: "Nu", timer: "Tijd over", paused: "gepauzeerd", offline: "Geen verbinding met de laptop. Notities blijven bewaard en gaan mee zodra die er weer is.",
    give: "Geef een stip", takeBack: "Neem een stip terug",
  },
};
const lang = (navigator.language || "en").toLowerCase().startsWith("nl") ? "nl" : "en";
const t = WORDS[lang];
const base = location.pathname.replace(/\/+$/, "");
const $ = (id) => document.getElementById(id);
const joinedKey = `jw-joined:${base}`;
const outboxKey = `jw-outbox:${base}`;

let view = null;
let clockSkew = 0;
let choseCell = false;

document.documentElement.lang = lang;
for (const el of document.querySelectorAll("[data-t]")) el.textContent = t[el.dataset.t];

/** A version 4 UUID; `crypto.randomUUID` exists only on https pages, a room is plain http. */
function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

async function call(path, body) {
  const r = await fetch(base + path, {
    method: body === undefined ? "GET" : "POST",
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
    cache: "no-store",
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) throw Object.assign(new Error(json.message || String(r.status)), { status: r.status });
  return json;
}

// --- notes that wait to be sent ------------------------------------------------------------------

function outbox() {
  try {
    return JSON.parse(localStorage.getItem(outboxKey) || "[]");
  } catch {
    return [];
  }
}
function keepOutbox(list) {
  try {
    localStorage.setItem(outboxKey, JSON.stringify(list));
  } catch {
    // Private browsing without storage: the note is still sent while the page is open.
  }
}

let flushing = false;
/** Sends every waiting note, oldest first. The id goes with it, so a note sent twice is stored once. */
async function flush() {
  if (flushing) return;
  flushing = true;
  try {
    for (const note of outbox()) {
      try {
        await call("/notes", note);
      } catch (e) {
        if (e.status === 400 || e.status === 413) {
          // Refused for good (too long, the inbox full): the words go back into the field, so
          // the participant can shorten them or keep them, and nothing is lost.
          showProblem(e.message);
          if (!$("text").value.trim()) $("text").value = note.text;
        } else {
          offline(true);
          setTimeout(flush, 3000);
          return;
        }
      }
      keepOutbox(outbox().filter((n) => n.id !== note.id));
    }
    offline(false);
  } finally {
    flushing = false;
    render();
  }
}

function showProblem(message, id = "problem") {
  $(id).textContent = message;
  $(id).hidden = !message;
}

function offline(is) {
  $("offline").textContent = t.offline;
  $("offline").hidden = !is;
}

// --- drawing --------------------------------------------------------------------------------------

/** A `tag` element with these properties (`textContent`, never markup) and children. */
function el(tag, properties, ...children) {
  const e = Object.assign(document.createElement(tag), properties);
  e.append(...children);
  return e;
}

function fillSelect(select, items, none, chosen) {
  const keep = chosen ?? select.value;
  const option = (value, text) => el("option", { value, textContent: text });
  select.replaceChildren(option("", none), ...items.map((i) => option(i.id, i.title)));
  select.value = items.some((i) => i.id === keep) ? keep : "";
}

function render() {
  if (!view) return;
  $("journey").textContent = view.journey;
  document.title = `${view.journey} — Journeywall`;
  const joined = view.name !== null || localStorage.getItem(joinedKey) === "1";
  $("join").hidden = joined;
  $("join-anonymous").hidden = !view.anonymous;
  $("write").hidden = !joined;
  renderFollow();
  if (!joined) return;

  const focusPhase = view.focus.phase && view.phases.some((p) => p.id === view.focus.phase) ? view.focus.phase : null;
  fillSelect($("phase"), view.phases, t.anyPhase, choseCell ? null : (focusPhase ?? $("phase").value));
  fillSelect($("row"), view.rows, t.anyRow, null);

  const waiting = outbox().map((n) => ({ ...n, state: "sending" }));
  const sent = view.notes.filter((n) => !waiting.some((w) => w.id === n.id));
  const all = [...sent, ...waiting].reverse();
  $("notes").replaceChildren(
    ...all.map((n) =>
      el("li", { className: n.state, dir: "auto" }, n.text, el("span", { className: "state", textContent: t[n.state] })),
    ),
  );
  $("no-notes").hidden = all.length > 0;
  renderVote();
}

function renderVote() {
  const vote = view.vote;
  $("vote").hidden = !vote;
  if (!vote) return;
  $("dots-left").textContent = vote.left > 0 ? t.left(vote.left) : t.noneLeft;
  const groups = view.phases
    .map((p) => ({ phase: p, cards: vote.cards.filter((c) => c.phase === p.id) }))
    .filter((g) => g.cards.length > 0)
    .map(({ phase, cards }) => {
      const group = el("div", { className: "phase-group" }, el("h3", { textContent: phase.title }));
      for (const card of cards) {
        const mine = vote.mine.filter((id) => id === card.id).length;
        const give = vote.left > 0 && (vote.stacking || mine === 0);
        const b = el(
          "button",
          { type: "button", className: "vote-card", disabled: !give && mine === 0 },
          el("span", { className: "title", dir: "auto", textContent: card.title }),
          el("span", { className: "dots", textContent: "●".repeat(mine) }),
        );
        b.setAttribute("aria-pressed", mine > 0 ? "true" : "false");
        b.setAttribute("aria-label", `${card.title}: ${give ? t.give : mine > 0 ? t.takeBack : ""}`);
        b.addEventListener("click", () => dot(card.id, give));
        const row = el("div", { className: "vote-row" }, b);
        // With several dots allowed on one card a tap gives another; taking one back is its own button.
        if (give && mine > 0) {
          const back = el("button", { type: "button", className: "take-back secondary", textContent: "−" });
          back.setAttribute("aria-label", `${card.title}: ${t.takeBack}`);
          back.addEventListener("click", () => dot(card.id, false));
          row.append(back);
        }
        group.append(row);
      }
      return group;
    });
  $("vote-cards").replaceChildren(...groups);
}

function renderFollow() {
  const f = $("follow");
  const phase = view.phases.find((p) => p.id === view.focus.phase);
  const parts = [];
  if (phase) parts.push([t.now, phase.title]);
  const left =
    view.focus.timerEndsAt !== null ? Math.max(0, view.focus.timerEndsAt - (Date.now() + clockSkew)) : view.focus.timerLeft;
  if (left !== null && left !== undefined) {
    const s = Math.ceil(left / 1000);
    const clock = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    parts.push([t.timer, view.focus.timerEndsAt === null ? `${clock} (${t.paused})` : clock]);
  }
  f.replaceChildren(
    ...parts.flatMap(([label, value], i) => [
      document.createTextNode(`${i ? " · " : ""}${label}: `),
      el("strong", { textContent: value }),
    ]),
  );
}

// --- talking to the laptop -----------------------------------------------------------------------

let refreshing = null;
async function refresh() {
  if (refreshing) return refreshing;
  refreshing = (async () => {
    try {
      const asked = Date.now();
      view = await call("/journey");
      clockSkew = view.now - (asked + Date.now()) / 2;
      offline(outbox().length > 0 && flushing);
      render();
    } catch (e) {
      if (e.status === 401 || e.status === 404) location.reload();
      else if (e.status === 429) setTimeout(refresh, 1000);
      else offline(true);
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

async function dot(card, give) {
  try {
    view = await call("/dots", { card, give });
    render();
  } catch (e) {
    showProblem(e.message);
    void refresh();
  }
}

$("join-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  await joinAs($("name").value);
});
$("join-anonymous").addEventListener("click", () => joinAs(""));

async function joinAs(name) {
  try {
    await call("/name", { name: name.trim() || null });
    localStorage.setItem(joinedKey, "1");
    showProblem("", "join-problem");
    await refresh();
  } catch (e) {
    showProblem(e.message, "join-problem");
  }
}

$("phase").addEventListener("change", () => (choseCell = true));
$("text").addEventListener("input", () => {
  $("count").textContent = `${[...$("text").value].length}/200`;
});
$("note-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const text = $("text").value.trim();
  if (!text) return;
  const note = { id: uuid(), text, phase: $("phase").value || null, row: $("row").value || null };
  keepOutbox([...outbox(), note]);
  $("text").value = "";
  $("count").textContent = "";
  showProblem("");
  render();
  void flush().then(refresh);
});

const events = new EventSource(`${base}/events`);
events.addEventListener("change", () => void refresh());
events.addEventListener("error", () => offline(true));
events.addEventListener("open", () => {
  offline(false);
  void flush();
});
setInterval(() => view && renderFollow(), 1000);
void refresh().then(flush);
