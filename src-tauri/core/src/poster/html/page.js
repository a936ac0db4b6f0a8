// The map page's script (poster/html): pan and zoom, a card's details, search, phase by phase.
// It reads the page's data block and writes only text (textContent) and SVG attributes; the
// page's policy allows this script alone, by its hash.
"use strict";
(() => {
  const data = JSON.parse(document.getElementById("data").textContent);
  const words = data.words;
  const [W, H] = data.size;
  const $ = (id) => document.getElementById(id);
  const view = $("view");
  const svg = view.querySelector("svg");
  const marks = $("marks");
  const search = $("search");
  const SVG = "http://www.w3.org/2000/svg";
  // CSS pixels in a millimetre: at 100 % the map is as large as the poster prints.
  const MM = 96 / 25.4;
  const PAD = 32;
  // Below this many pixels a millimetre, a card's title is under 6 px: too small to read.
  const LEGIBLE = 1.6;
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));

  // ---- Zoom and pan: the map's size in pixels, and where the view is scrolled to.
  let k = 1;
  let fitted = null; // "whole" or "width" while the zoom is the one Fit chose
  function size(next) {
    k = Math.min(40, Math.max(0.05, next));
    svg.style.width = `${W * k}px`;
    svg.style.height = `${H * k}px`;
    $("zoom-level").textContent = `${Math.round((k / MM) * 100)} %`;
  }
  // Zooms keeping the map's point under (x, y) in place (the view's middle by default).
  function zoomAt(next, x, y) {
    const v = view.getBoundingClientRect();
    if (x === undefined) {
      x = v.left + view.clientWidth / 2;
      y = v.top + view.clientHeight / 2;
    }
    const before = svg.getBoundingClientRect();
    const mx = (x - before.left) / k;
    const my = (y - before.top) / k;
    size(next);
    const after = svg.getBoundingClientRect();
    view.scrollLeft += after.left + mx * k - x;
    view.scrollTop += after.top + my * k - y;
    fitted = null;
  }
  const wholeK = () => Math.min((view.clientWidth - PAD) / W, (view.clientHeight - PAD) / H);
  // Never larger than twice the printed size.
  const fittedK = (mode) => Math.min(mode === "whole" ? wholeK() : (view.clientWidth - PAD) / W, 2 * MM);
  // The whole map while its cards stay legible, else its width; asked again, the whole map
  // however small.
  function fit(whole) {
    leavePhases(false);
    fitted = whole || wholeK() >= LEGIBLE ? "whole" : "width";
    size(fittedK(fitted));
    view.scrollLeft = 0;
    view.scrollTop = 0;
  }
  const fitAgain = () => fit(fitted === "width");

  view.addEventListener(
    "wheel",
    (e) => {
      if (!e.ctrlKey && !e.metaKey) return; // a plain wheel scrolls; Ctrl+wheel and a trackpad's pinch zoom
      e.preventDefault();
      const delta = e.deltaMode === 1 ? e.deltaY * 33 : e.deltaY;
      zoomAt(k * Math.exp(-delta * 0.0025), e.clientX, e.clientY);
    },
    { passive: false },
  );
  // Safari's trackpad pinch.
  let gestureK = 1;
  view.addEventListener("gesturestart", (e) => {
    e.preventDefault();
    gestureK = k;
  });
  view.addEventListener("gesturechange", (e) => {
    e.preventDefault();
    zoomAt(gestureK * e.scale, e.clientX, e.clientY);
  });

  // Dragging moves the map; two fingers pinch. A mouse on text selects it instead.
  const pointers = new Map();
  let drag = null;
  let pinch = null;
  let dragged = false;
  const pair = () => {
    const [a, b] = [...pointers.values()];
    return { d: Math.hypot(a.x - b.x, a.y - b.y) || 1, x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  };
  view.addEventListener("pointerdown", (e) => {
    dragged = false;
    if (e.button !== 0 || (e.pointerType === "mouse" && e.target instanceof SVGTextElement)) return;
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.size === 1) drag = { x: e.clientX, y: e.clientY, moved: false };
    if (pointers.size === 2) pinch = { ...pair(), k };
  });
  view.addEventListener("pointermove", (e) => {
    if (!pointers.has(e.pointerId)) {
      if (e.pointerType === "mouse") hover(e);
      return;
    }
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pinch && pointers.size === 2) {
      const p = pair();
      zoomAt((pinch.k * p.d) / pinch.d, p.x, p.y);
      view.scrollLeft -= p.x - pinch.x;
      view.scrollTop -= p.y - pinch.y;
      Object.assign(pinch, { x: p.x, y: p.y });
      dragged = true;
    } else if (drag) {
      const dx = e.clientX - drag.x;
      const dy = e.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < 4) return;
      if (!drag.moved) {
        drag.moved = dragged = true;
        view.setPointerCapture(e.pointerId);
        view.classList.add("dragging");
      }
      view.scrollLeft -= dx;
      view.scrollTop -= dy;
      Object.assign(drag, { x: e.clientX, y: e.clientY });
    }
  });
  const release = (e) => {
    pointers.delete(e.pointerId);
    if (pointers.size < 2) pinch = null;
    if (pointers.size === 0) {
      drag = null;
      view.classList.remove("dragging");
    }
  };
  view.addEventListener("pointerup", release);
  view.addEventListener("pointercancel", release);

  // ---- Cards on the map: which one a point is on, marks over them, bringing one into view.
  function cardAt(x, y) {
    const r = svg.getBoundingClientRect();
    const mx = (x - r.left) / k;
    const my = (y - r.top) / k;
    let found = -1;
    let area = Infinity;
    data.cards.forEach((c, i) => {
      const b = c.box;
      if (b && mx >= b[0] && mx <= b[0] + b[2] && my >= b[1] && my <= b[1] + b[3] && b[2] * b[3] < area) {
        found = i;
        area = b[2] * b[3];
      }
    });
    return found;
  }
  let hovering = false;
  function hover(e) {
    if (hovering) return;
    hovering = true;
    requestAnimationFrame(() => {
      hovering = false;
      view.classList.toggle("over-card", cardAt(e.clientX, e.clientY) >= 0);
    });
  }

  let matches = [];
  let chosen = -1; // the card whose details are open
  let current = -1; // the card the keyboard or search is on
  let phase = -1; // the phase shown by itself, or -1 for the whole map
  function mark(box, kind, pad) {
    const r = document.createElementNS(SVG, "rect");
    const at = { x: box[0] - pad, y: box[1] - pad, width: box[2] + 2 * pad, height: box[3] + 2 * pad, rx: 2, class: kind };
    for (const [name, value] of Object.entries(at)) r.setAttribute(name, value);
    marks.append(r);
  }
  function drawMarks() {
    marks.replaceChildren();
    if (phase >= 0) {
      const [x, y, w, h] = data.phases[phase].box;
      const dim = document.createElementNS(SVG, "path");
      dim.setAttribute("d", `M0 0H${W}V${H}H0Z M${x} ${y}h${w}v${h}h${-w}Z`);
      dim.setAttribute("class", "dim");
      marks.append(dim);
    }
    for (const i of matches) if (data.cards[i].box) mark(data.cards[i].box, "hit", 0.8);
    if (chosen >= 0 && data.cards[chosen].box) mark(data.cards[chosen].box, "chosen", 1.6);
    if (current >= 0 && data.cards[current].box) mark(data.cards[current].box, "focus", 2.4);
  }
  // Scrolls the card to the middle of the view when it is not in it; zooms in first when the
  // map is too small to read it.
  function reveal(i, zoom) {
    const b = data.cards[i].box;
    if (!b) return;
    if (zoom && k < 2 * LEGIBLE) zoomAt(2 * LEGIBLE);
    const r = svg.getBoundingClientRect();
    const v = view.getBoundingClientRect();
    const [left, top] = [r.left + b[0] * k, r.top + b[1] * k];
    const [right, bottom] = [left + b[2] * k, top + b[3] * k];
    const m = 24;
    if (left < v.left + m || right > v.left + view.clientWidth - m) view.scrollLeft += (left + right) / 2 - (v.left + view.clientWidth / 2);
    if (top < v.top + m || bottom > v.top + view.clientHeight - m) view.scrollTop += (top + bottom) / 2 - (v.top + view.clientHeight / 2);
  }

  // ---- Panels: a card's details, the personas, the vote results; one at a time.
  const panels = ["details", "personas", "votes"].map($).filter(Boolean);
  let giveBack = null;
  function show(panel, from) {
    for (const p of panels) p.hidden = p !== panel;
    for (const p of panels) $(`open-${p.id}`)?.setAttribute("aria-expanded", String(p === panel));
    giveBack = from;
  }
  function closePanels() {
    const open = panels.some((p) => !p.hidden);
    show(null, null);
    chosen = -1;
    drawMarks();
    return open;
  }
  function openCard(i, from) {
    const c = data.cards[i];
    const details = $("details");
    $("details-title").textContent = c.title;
    details.querySelector(".where").textContent = `${words.phase}: ${data.phases[c.phase].title} · ${words.row}: ${data.rows[c.row]}`;
    details.querySelector(".notes").textContent = c.notes;
    const list = details.querySelector("dl");
    list.replaceChildren();
    const item = (term, ...values) => {
      const dt = document.createElement("dt");
      dt.textContent = term;
      const dd = document.createElement("dd");
      dd.dir = "auto";
      dd.append(...values);
      list.append(dt, dd);
    };
    if (c.channel) item(words.channel, c.channel);
    if (c.tags.length) {
      item(
        words.tags,
        ...c.tags.map((t) => {
          const tag = document.createElement("span");
          tag.className = "tag";
          tag.textContent = t;
          return tag;
        }),
      );
    }
    if (c.votes) item(words.votes, String(c.votes));
    if (c.emotion !== null) {
      const face = document.createElement("span");
      face.className = `face e${c.emotion + 2}`;
      const score = c.emotion > 0 ? `+${c.emotion}` : c.emotion < 0 ? `−${-c.emotion}` : "0";
      item(words.emotion, face, `${data.emotions[c.emotion + 2]} (${score})`);
    }
    show(details, from);
    chosen = i;
    current = -1;
    drawMarks();
    reveal(i, false);
    $("details-title").focus();
  }
  // Closes the open panel, if any, giving the focus back to what opened it; says whether one was.
  function closeAndGiveBack() {
    const to = giveBack;
    const open = closePanels();
    if (open && to && to.isConnected) to.focus();
    return open;
  }
  for (const p of panels) {
    $(`close-${p.id}`).addEventListener("click", closeAndGiveBack);
    $(`open-${p.id}`)?.addEventListener("click", (e) => {
      if (p.hidden) show(p, e.currentTarget);
      else closePanels();
    });
  }
  view.addEventListener("click", (e) => {
    if (dragged) return;
    const selection = getSelection();
    if (selection && !selection.isCollapsed && view.contains(selection.anchorNode)) return;
    const i = cardAt(e.clientX, e.clientY);
    if (i >= 0) openCard(i, view);
  });
  // The list behind the picture: a card in focus is shown on the map, Enter opens it.
  const list = $("card-list");
  list.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-card]");
    if (b) openCard(Number(b.dataset.card), b);
  });
  list.addEventListener("focusin", (e) => {
    const b = e.target.closest("button[data-card]");
    if (!b) return;
    current = Number(b.dataset.card);
    drawMarks();
    reveal(current, true);
  });
  list.addEventListener("focusout", () => {
    current = -1;
    drawMarks();
  });
  $("votes")?.addEventListener("click", (e) => {
    const b = e.target.closest("button[data-card]");
    if (b) openCard(Number(b.dataset.card), $("open-votes"));
  });

  // ---- Search: cards whose text holds what is typed, without regard to case or to accents
  // and vowel marks (Arabic, Hebrew), marked on the map; Enter goes from one to the next.
  const plain = (s) => s.normalize("NFKD").replace(/[\p{M}\u0640]/gu, "").toLocaleLowerCase();
  const haystack = data.cards.map((c) => plain([c.title, c.notes, c.channel || "", c.tags.join(" ")].join("\n")));
  let at = -1;
  search.addEventListener("input", () => {
    const q = plain(search.value.trim());
    matches = q ? haystack.flatMap((h, i) => (h.includes(q) ? [i] : [])) : [];
    at = -1;
    $("found").textContent = !q ? "" : matches.length === 0 ? words.foundNone : matches.length === 1 ? words.foundOne : fill(words.foundMany, { n: matches.length });
    drawMarks();
    if (matches.length) reveal(matches[0], false);
  });
  search.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && matches.length) {
      e.preventDefault();
      at = (at + (e.shiftKey ? -1 : 1) + matches.length) % matches.length;
      current = matches[at];
      drawMarks();
      reveal(current, true);
    } else if (e.key === "Escape" && search.value) {
      e.preventDefault();
      search.value = "";
      search.dispatchEvent(new Event("input"));
    }
  });

  // ---- Phase by phase: one phase's column filling the view, the rest dimmed.
  const phasesButton = $("phases");
  const phaseNow = $("phase-now");
  // The column as wide as the view allows, its text no larger than a page's (120 %), in the
  // middle of the view; from its top, or where the view was.
  function placePhase(fromTop) {
    const [x, y, w] = data.phases[phase].box;
    const v = view.getBoundingClientRect();
    zoomAt(Math.min((view.clientWidth - PAD) / (w + 8), 1.2 * MM), v.left + view.clientWidth / 2, v.top);
    const r = svg.getBoundingClientRect();
    view.scrollLeft += r.left + (x + w / 2) * k - (v.left + view.clientWidth / 2);
    if (fromTop) view.scrollTop += r.top + y * k - v.top - 8;
  }
  function showPhase(i) {
    const count = data.phases.length;
    if (!count) return;
    phase = Math.max(0, Math.min(count - 1, i));
    placePhase(true);
    phasesButton.setAttribute("aria-pressed", "true");
    const said = fill(words.phaseOf, { n: phase + 1, of: count, title: data.phases[phase].title });
    phaseNow.textContent = said;
    phaseNow.hidden = false;
    $("said").textContent = said;
    drawMarks();
  }
  function leavePhases(refit) {
    if (phase < 0) return;
    phase = -1;
    phasesButton.setAttribute("aria-pressed", "false");
    phaseNow.hidden = true;
    drawMarks();
    if (refit) fit(false);
  }
  const step = (by) => showPhase(phase < 0 ? 0 : phase + by);
  phasesButton.addEventListener("click", () => (phase < 0 ? showPhase(0) : leavePhases(true)));
  $("phase-prev").addEventListener("click", () => step(-1));
  $("phase-next").addEventListener("click", () => step(1));
  $("zoom-in").addEventListener("click", () => zoomAt(k * 1.25));
  $("zoom-out").addEventListener("click", () => zoomAt(k / 1.25));
  $("fit").addEventListener("click", fitAgain);

  // ---- Keys: on the map and its buttons, not while typing in the search box.
  document.addEventListener("keydown", (e) => {
    if (e.defaultPrevented) return;
    if (e.key === "Escape") {
      if (closeAndGiveBack()) return;
      if (phase >= 0) leavePhases(true);
      return;
    }
    if (e.target.closest("input, textarea, select") || e.altKey || e.ctrlKey || e.metaKey) return;
    const keys = {
      "+": () => zoomAt(k * 1.25),
      "=": () => zoomAt(k * 1.25),
      "-": () => zoomAt(k / 1.25),
      _: () => zoomAt(k / 1.25),
      0: fitAgain,
      ArrowRight: () => step(1),
      ArrowLeft: () => step(-1),
      "/": () => search.focus(),
    };
    if (e.key === "Enter" && e.target === view && current >= 0) keys.Enter = () => openCard(current, view);
    if (!keys[e.key]) return;
    e.preventDefault();
    keys[e.key]();
  });

  // A new size of the view (the window, a panel opening) keeps a fitted map fitted and the phase
  // shown filling it, where the reader was, with the card whose details are open in view.
  new ResizeObserver(() => {
    const v = view.getBoundingClientRect();
    if (phase >= 0) placePhase(false);
    else if (fitted) {
      const mode = fitted;
      zoomAt(fittedK(mode), v.left, v.top);
      fitted = mode;
    }
    if (chosen >= 0) reveal(chosen, false);
  }).observe(view);
  fit(false);
})();
