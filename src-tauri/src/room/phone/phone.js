// The phone page of a Journeywall room (see docs/ROOM.md). Plain script, no libraries and no
// build step: the laptop serves it as it is, to any phone browser. Everything a participant or the
// facilitator wrote is put on the page as text (textContent), never as markup.
"use strict";

const WORDS = {
  en: {
    joinTitle: "Join the room", yourName: "Your name", join: "Join", joinAnonymous: "Join without a name",
    writeTitle: "Write a note", phase: "Phase", row: "Row", note: "Your note", send: "Send",
    myNotes: "My notes", noNotes: "Nothing sent yet. Your notes stay private until the facilitator shows them.",
    voteTitle: "Vote", anyPhase: "Any phase", anyRow: "Any row", cut: "full: the rest did not fit",
    inbox: "Waiting in the inbox", placed: "On the board", discarded: "Not used", sending: "Sending…", from: "from",
    left: (n) => (n === 1 ? "1 dot left" : `${n} dots left`), noneLeft: "No dots left",
    takeBackHint: "All your dots are given. Tap a card to take one back.",
    now: "Now", timer: "Time left", paused: "paused", timeUp: "Time is up",
    offline: "No connection to the laptop: trying again. Notes are kept and sent when it is back.",
    gone: "This room is closed, or has a new link: scan the code the facilitator shows. Notes are kept; this page keeps trying.",
    give: "Give a dot", takeBack: "Take a dot back", jump: "Jump to a phase", otherLanguage: "Nederlands",
  },
  nl: {
    joinTitle: "Doe mee", yourName: "Je naam", join: "Meedoen", joinAnonymous: "Meedoen zonder naam",
    writeTitle: "Schrijf een notitie", phase: "Fase", row: "Rij", note: "Je notitie", send: "Versturen",
    myNotes: "Mijn notities", noNotes: "Nog niets verstuurd. Je notities blijven privé tot de begeleider ze laat zien.",
    voteTitle: "Stemmen", anyPhase: "Elke fase", anyRow: "Elke rij", cut: "vol: de rest paste er niet in",
    inbox: "Wacht in de inbox", placed: "Op het bord", discarded: "Niet gebruikt", sending: "Wordt verstuurd…", from: "van",
    left: (n) => (n === 1 ? "Nog 1 stip" : `Nog ${n} stippen`), noneLeft: "Geen stippen meer",
    takeBackHint: "Al je stippen zijn gegeven. Tik op een kaart om er een terug te nemen.",
    now: "Nu", timer: "Tijd over", paused: "gepauzeerd", timeUp: "De tijd is om",
    offline: "Geen verbinding met de laptop: we proberen het opnieuw. Notities blijven bewaard en gaan mee zodra die er weer is.",
    gone: "Deze sessie is gestopt, of heeft een nieuwe link: scan de code die de begeleider laat zien. Notities blijven bewaard; deze pagina blijft het proberen.",
    give: "Geef een stip", takeBack: "Neem een stip terug", jump: "Spring naar een fase", otherLanguage: "English",
  },
};
/** The language the participant chose on this phone, kept for every room. */
const languageKey = "jw-language";
/** The longest note (and name) the laptop takes, in characters as it counts them (code points). */
const MAX_CHARS = 200;
/** From here the counter under the note warns. */
const NEAR_MAX = 180;
const base = location.pathname.replace(/\/+$/, "");
const $ = (id) => document.getElementById(id);
const outboxKey = `jw-outbox:${base}`;

let view = null;
let clockSkew = 0;
let choseCell = false;
let lang = "en";
let t = WORDS.en;

/**
 * The participant's choice on this phone; else the first language of the phone's list that the
 * page speaks (a phone set to German, then Dutch, reads Dutch); else the one the laptop chose
 * from the request's Accept-Language when it served the page (in `<html lang>`).
 */
function firstLanguage() {
  const spoken = (code) => (typeof code === "string" ? Object.keys(WORDS).find((l) => code.toLowerCase().startsWith(l)) : undefined);
  let kept = null;
  try {
    kept = localStorage.getItem(languageKey);
  } catch {
    // No storage: the phone's own languages decide.
  }
  const listed = navigator.languages?.length ? navigator.languages : [navigator.language];
  return spoken(kept) ?? listed.map(spoken).find(Boolean) ?? spoken(document.documentElement.lang) ?? "en";
}

function speak(language) {
  lang = language;
  t = WORDS[lang];
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = t[el.dataset.t];
  $("jump").setAttribute("aria-label", t.jump);
  // The other language, named in itself.
  Object.assign($("language"), { textContent: t.otherLanguage, lang: Object.keys(WORDS).find((l) => l !== lang) });
  if (!$("offline").hidden) offline(true);
  if (view) render();
}

speak(firstLanguage());
$("language").addEventListener("click", () => {
  const other = Object.keys(WORDS).find((l) => l !== lang);
  try {
    localStorage.setItem(languageKey, other);
  } catch {
    // Private browsing without storage: the choice holds until the page is reloaded.
  }
  speak(other);
});

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
    // The laptop says refusals in this language: the one the participant reads, not the browser's.
    headers: { "accept-language": lang, ...(body === undefined ? {} : { "content-type": "application/json" }) },
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
          if (!$("text").value.trim()) {
            $("text").value = note.text;
            countChars();
          }
        } else {
          offline(true);
          // The laptop is away (restarting, out of Wi-Fi): tried again, less often each time.
          setTimeout(flush, retryIn());
          return;
        }
      }
      keepOutbox(outbox().filter((n) => n.id !== note.id));
    }
    retries = 0;
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

/** Says the laptop cannot be reached (`is`), or that the room is not there (`"gone"`: closed, or another room on its address). */
function offline(is) {
  $("offline").textContent = is === "gone" ? t.gone : t.offline;
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
  $("join").hidden = view.joined;
  $("join-anonymous").hidden = !view.anonymous;
  $("write").hidden = !view.joined;
  renderFollow();
  if (!view.joined) return;
  listen();

  const focusPhase = view.focus.phase && view.phases.some((p) => p.id === view.focus.phase) ? view.focus.phase : null;
  fillSelect($("phase"), view.phases, t.anyPhase, choseCell ? null : (focusPhase ?? $("phase").value));
  fillSelect($("row"), view.rows, t.anyRow, null);

  const waiting = outbox().map((n) => ({ ...n, state: "sending" }));
  const sent = view.notes.filter((n) => !waiting.some((w) => w.id === n.id));
  const all = [...sent, ...waiting].reverse();
  $("notes").replaceChildren(
    ...all.map((n) =>
      // A placed note says where its card says it came from (the name on the board).
      el("li", { className: n.state, dir: "auto" }, n.text, el("span", { className: "state", textContent: n.source ? `${t[n.state]} · ${t.from} ${n.source}` : t[n.state] })),
    ),
  );
  $("no-notes").hidden = all.length > 0;
  renderVote();
}

// --- the vote -------------------------------------------------------------------------------------
// The list is changed in place: each card, row and phase keeps its element (keyed by id) and only
// what changed is written, so a dot given on another phone never redraws a card being tapped here.

/** Card id → its element (`data-card`) and the parts that change. */
const cardNodes = new Map();
/** A phase's id, or "phase/row" → its group: a box with its heading. */
const groupNodes = new Map();

/** Puts `nodes` in `parent` in this order, moving only those not in their place already. */
function place(parent, nodes) {
  nodes.forEach((node, i) => {
    if (parent.children[i] !== node) parent.insertBefore(node, parent.children[i] ?? null);
  });
  while (parent.children.length > nodes.length) parent.lastElementChild.remove();
}

function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}

function setAttribute(node, name, value) {
  if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}

/** What a tap on a card does now: give a dot, or take one back. */
function dotState(vote, id) {
  const mine = vote.mine.filter((m) => m === id).length;
  return { mine, give: vote.left > 0 && (vote.stacking || mine === 0) };
}

function cardNode(vote, card) {
  let n = cardNodes.get(card.id);
  if (!n) {
    const title = el("span", { className: "title", dir: "auto" });
    const dots = el("span", { className: "dots" });
    const button = el("button", { type: "button", className: "vote-card" }, title, dots);
    // With several dots allowed on one card a tap gives another; taking one back is its own button.
    const back = el("button", { type: "button", className: "take-back secondary", textContent: "−" });
    const box = el("div", { className: "vote-row" }, button, back);
    box.dataset.card = card.id;
    n = { box, button, title, dots, back };
    cardNodes.set(card.id, n);
  }
  const { mine, give } = dotState(vote, card.id);
  setText(n.title, card.title);
  setText(n.dots, "●".repeat(mine));
  if (n.button.disabled !== (!give && mine === 0)) n.button.disabled = !give && mine === 0;
  setAttribute(n.button, "aria-pressed", mine > 0 ? "true" : "false");
  setAttribute(n.button, "aria-label", `${card.title}: ${give ? t.give : mine > 0 ? t.takeBack : ""}`);
  setAttribute(n.back, "aria-label", `${card.title}: ${t.takeBack}`);
  if (n.back.hidden !== !(give && mine > 0)) n.back.hidden = !(give && mine > 0);
  return n.box;
}

function groupNode(key, className, heading, title, children) {
  let g = groupNodes.get(key);
  if (!g) {
    g = { box: el("div", { className }), heading: el(heading, { dir: "auto" }) };
    groupNodes.set(key, g);
  }
  setText(g.heading, title);
  place(g.box, [g.heading, ...children]);
  return g.box;
}

function renderVote() {
  const vote = view.vote;
  $("vote").hidden = !vote;
  $("vote-bar").hidden = !vote;
  // The header holds the vote's bar: the journey's name gives up its second line for it.
  document.body.classList.toggle("voting", Boolean(vote));
  if (!vote) {
    $("vote-cards").replaceChildren();
    cardNodes.clear();
    groupNodes.clear();
    return;
  }
  // Written only when it changes: it is a live region, and a screen reader repeats what is written.
  setText($("dots-left"), vote.left > 0 ? t.left(vote.left) : t.noneLeft);
  $("take-back-hint").hidden = vote.left > 0;
  const inCell = new Map();
  for (const card of vote.cards) {
    const key = `${card.phase}/${card.row}`;
    inCell.set(key, [...(inCell.get(key) ?? []), card]);
  }
  const shown = new Set();
  const phases = [];
  for (const phase of view.phases) {
    const rows = [];
    for (const row of view.rows) {
      const key = `${phase.id}/${row.id}`;
      const cards = inCell.get(key);
      if (!cards) continue;
      for (const c of cards) shown.add(c.id);
      rows.push(groupNode(key, "row-group", "h4", row.title, cards.map((c) => cardNode(vote, c))));
      shown.add(key);
    }
    if (rows.length === 0) continue;
    const box = groupNode(phase.id, "phase-group", "h3", phase.title, rows);
    box.dataset.phase = phase.id;
    phases.push({ phase, box });
    shown.add(phase.id);
  }
  place($("vote-cards"), phases.map((p) => p.box));
  for (const map of [cardNodes, groupNodes]) for (const key of map.keys()) if (!shown.has(key)) map.delete(key);

  const jump = $("jump");
  const options = phases.map(({ phase }) => {
    const o = [...jump.options].find((x) => x.value === phase.id) ?? el("option", { value: phase.id });
    setText(o, phase.title);
    return o;
  });
  place(jump, options);
  showPhaseAtTop();
}

/** The picker names the phase whose cards are at the top of the screen. */
function showPhaseAtTop() {
  const below = $("vote-bar").closest("header").getBoundingClientRect().bottom + 8;
  const groups = [...document.querySelectorAll(".phase-group")];
  // The last group that starts above the header's edge (not `at(-1)`: iOS before 15.4 lacks it).
  const above = groups.filter((g) => g.getBoundingClientRect().top <= below);
  const top = above[above.length - 1] ?? groups[0];
  if (top && $("jump").value !== top.dataset.phase) $("jump").value = top.dataset.phase;
}

$("jump").addEventListener("change", () => {
  const group = document.querySelector(`.phase-group[data-phase="${CSS.escape($("jump").value)}"]`);
  if (!group) return;
  // Just below the sticky header, never under it: its first card is whole and takes a tap.
  const header = document.querySelector("header").getBoundingClientRect().bottom;
  window.scrollTo(0, window.scrollY + group.getBoundingClientRect().top - header);
});

let phaseShown = false;
window.addEventListener(
  "scroll",
  () => {
    if (phaseShown || $("vote-bar").hidden) return;
    phaseShown = true;
    requestAnimationFrame(() => {
      phaseShown = false;
      showPhaseAtTop();
    });
  },
  { passive: true },
);

$("vote-cards").addEventListener("click", (e) => {
  const button = e.target.closest("button");
  const card = button?.closest("[data-card]")?.dataset.card;
  if (!card || !view?.vote) return;
  // What the tap does is decided now, from what the phone shows now, not when the card was drawn.
  void dot(card, button.classList.contains("take-back") ? false : dotState(view.vote, card).give);
});

// The header's height, for the browser's own scrolling to a focused card (Tab, a screen reader).
new ResizeObserver(([entry]) => {
  document.documentElement.style.scrollPaddingTop = `${entry.target.getBoundingClientRect().height}px`;
}).observe(document.querySelector("header"));

function renderFollow() {
  const f = $("follow");
  const phase = view.phases.find((p) => p.id === view.focus.phase);
  const parts = [];
  if (phase) parts.push([t.now, phase.title]);
  const left =
    view.focus.timerEndsAt !== null ? Math.max(0, view.focus.timerEndsAt - (Date.now() + clockSkew)) : view.focus.timerLeft;
  const s = left === null || left === undefined ? null : Math.ceil(left / 1000);
  if (s !== null && s <= 0 && view.focus.timerEndsAt !== null) {
    parts.push([null, t.timeUp]);
  } else if (s !== null) {
    const clock = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
    parts.push([t.timer, view.focus.timerEndsAt === null ? `${clock} (${t.paused})` : clock]);
  }
  f.replaceChildren(
    ...parts.flatMap(([label, value], i) => [
      document.createTextNode(`${i ? " · " : ""}${label ? `${label}: ` : ""}`),
      el("strong", { textContent: value, className: value === t.timeUp ? "up" : "" }),
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
      // Not a phone of this room (removed, or its session ended): the page again, to join anew.
      if (e.status === 401) location.reload();
      else if (e.status === 429) setTimeout(refresh, 1000);
      else {
        // 404: the room is not at this address now (closed, a new link, or another room opened on
        // its port); it may come back, as it does after a restart: never a browser's error page.
        offline(e.status === 404 ? "gone" : true);
        if (!events) setTimeout(() => void refresh(), retryIn());
      }
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
    showProblem("", "join-problem");
    await refresh();
  } catch (e) {
    showProblem(e.message, "join-problem");
  }
}

$("phase").addEventListener("change", () => (choseCell = true));
/**
 * Stops `field` at `MAX_CHARS` characters as the laptop counts them (code points: an emoji is one,
 * where `maxlength` counts it as two). What was just typed or pasted ends at the caret, so that is
 * what is cut; the words already there stay.
 */
function stopAtLimit(field) {
  const chars = [...field.value];
  const over = chars.length - MAX_CHARS;
  if (over <= 0) return { n: chars.length, cut: false };
  const caret = [...field.value.slice(0, field.selectionEnd ?? field.value.length)].length;
  const cut = caret >= over ? caret - over : MAX_CHARS;
  const before = chars.slice(0, cut).join("");
  field.value = before + chars.slice(cut + over).join("");
  field.setSelectionRange(before.length, before.length);
  return { n: MAX_CHARS, cut: true };
}

/**
 * The counter under the note: how many of its characters are used, a warning near the end, and
 * what was cut off a paste too long (walk: the last sentence went without a word).
 */
function countChars() {
  const { n, cut } = stopAtLimit($("text"));
  $("count").textContent = n === 0 ? "" : cut ? `${n}/${MAX_CHARS} — ${t.cut}` : `${n}/${MAX_CHARS}`;
  $("count").classList.toggle("near", n >= NEAR_MAX);
  $("count").classList.toggle("full", n >= MAX_CHARS);
}

for (const [field, changed] of [
  [$("text"), countChars],
  [$("name"), () => stopAtLimit($("name"))],
]) {
  // While a word is being composed (a Chinese or Japanese keyboard) it is not cut in the middle.
  field.addEventListener("input", (e) => e.isComposing || changed());
  field.addEventListener("compositionend", changed);
}
$("note-form").addEventListener("submit", (e) => {
  e.preventDefault();
  const text = $("text").value.trim();
  if (!text) return;
  const note = { id: uuid(), text, phase: $("phase").value || null, row: $("row").value || null };
  keepOutbox([...outbox(), note]);
  $("text").value = "";
  countChars();
  showProblem("");
  render();
  void flush().then(refresh);
});

let events = null;
/** What changed in the room, as it happens: the laptop streams it to phones that joined. */
function listen() {
  if (events) return;
  events = new EventSource(`${base}/events`);
  events.addEventListener("change", () => void refresh());
  events.addEventListener("error", () => {
    offline(true);
    // The browser tries a dropped stream again by itself; one the laptop answered with an error
    // (it was restarting) it gives up: opened again here, less often each time.
    if (events.readyState !== EventSource.CLOSED) return;
    events = null;
    setTimeout(() => void refresh(), retryIn());
  });
  events.addEventListener("open", () => {
    retries = 0;
    offline(false);
    void refresh().then(flush);
  });
}

let retries = 0;
/** 1, 2, 4 … up to 15 seconds between tries while the laptop does not answer. */
function retryIn() {
  retries += 1;
  return Math.min(15000, 1000 * 2 ** (retries - 1));
}
setInterval(() => view && renderFollow(), 1000);
void refresh().then(flush);
