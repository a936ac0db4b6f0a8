// Walking the board with the arrow keys: from card to card inside a cell, and on into the cell
// above, below, left or right (hidden rows are passed over). An empty cell is a stop too, so a
// card can be added there (N) or pasted into it. Past the top row are the phase headers, past the
// first phase the row labels: the board is one Tab stop, and the arrows reach everything in it.
import type { Card, JourneyDoc } from "../ipc";
import type { Editor } from "../state/store";
import { cellCards } from "../journey/cells";
import { cellOf } from "../journey/actions";

export type Arrow = "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight";

/** Where the keyboard is: a cell, and the card in it (null on an empty cell or none chosen). */
interface Spot {
  phase: number;
  row: number;
  card: Card | null;
}

/** The spot one arrow away from `from`, or null at the edge of the board. */
export function step(doc: JourneyDoc, from: Spot, key: Arrow): Spot | null {
  const cards = (phase: number, row: number) => cellCards(doc, { phase: doc.phases[phase]!.id, row: doc.rows[row]!.id });
  const here = cards(from.phase, from.row);
  const i = from.card ? here.findIndex((c) => c.id === from.card!.id) : -1;
  if (key === "ArrowUp" && i > 0) return { ...from, card: here[i - 1]! };
  if (key === "ArrowDown" && i < here.length - 1) return { ...from, card: here[i + 1]! };
  if (key === "ArrowUp" || key === "ArrowDown") {
    const delta = key === "ArrowUp" ? -1 : 1;
    let row = from.row + delta;
    while (doc.rows[row]?.hidden) row += delta;
    if (!doc.rows[row]) return null;
    const there = cards(from.phase, row);
    return { phase: from.phase, row, card: (key === "ArrowUp" ? there[there.length - 1] : there[0]) ?? null };
  }
  const phase = from.phase + (key === "ArrowLeft" ? -1 : 1);
  if (!doc.phases[phase]) return null;
  const there = cards(phase, from.row);
  return { phase, row: from.row, card: there[Math.min(Math.max(i, 0), there.length - 1)] ?? null };
}

/**
 * Where the keyboard is now: the card selected last (set at once by each arrow, while the focus
 * follows a frame later: keys pressed fast step on from it; Shift+arrows add to the end), else the
 * card that has the focus, or the focused cell.
 */
function spotOf(editor: Editor, focused?: string): Spot | null {
  const { doc } = editor.journey.get();
  const { selection, focusedCell } = editor.view.get();
  const last = [...selection].at(-1);
  const card = doc.cards.find((c) => c.id === last) ?? doc.cards.find((c) => c.id === focused) ?? null;
  const cell = card ? cellOf(card) : focusedCell;
  if (!cell) return null;
  const phase = doc.phases.findIndex((p) => p.id === cell.phase);
  const row = doc.rows.findIndex((r) => r.id === cell.row);
  return phase < 0 || row < 0 ? null : { phase, row, card };
}

/**
 * Arrows without Ctrl: the selection moves to the neighbouring card, or the focus to the
 * neighbouring cell; with `extend` (Shift) the card reached joins the selection.
 */
export function walk(editor: Editor, key: Arrow, extend = false, target: EventTarget | null = null): void {
  const { doc } = editor.journey.get();
  const { selection } = editor.view.get();
  const band = target instanceof HTMLElement ? target.closest<HTMLElement>(".phase-header, .row-label") : null;
  if (band) return extend ? undefined : walkFromBand(editor, band, key);
  const from = spotOf(editor, target instanceof HTMLElement ? target.closest<HTMLElement>("[data-card-id]")?.dataset.cardId : undefined);
  if (!from) {
    const first = doc.phases[0] && doc.rows.find((r) => !r.hidden);
    if (first) focusSpot(editor, { phase: 0, row: doc.rows.indexOf(first), card: cellCards(doc, { phase: doc.phases[0]!.id, row: first.id })[0] ?? null });
    return;
  }
  let next = step(doc, from, key);
  // Adding to the selection goes on to the next card, past empty cells.
  while (extend && next && !next.card) next = step(doc, next, key);
  if (!next) {
    // Past the edge of the cards: the phase's header above, the row's label to the left.
    if (extend) return;
    if (key === "ArrowUp") reveal(`.phase-header[data-phase-id="${doc.phases[from.phase]!.id}"]`);
    if (key === "ArrowLeft") reveal(`.row-label[data-row-id="${doc.rows[from.row]!.id}"]`);
    return;
  }
  if (extend) {
    if (next.card) focusSpot(editor, next, new Set([...selection, next.card.id]));
    return;
  }
  focusSpot(editor, next);
}

/** The arrows on a phase header go along the headers or down into the phase; on a row label, along the labels or into the row. */
function walkFromBand(editor: Editor, band: HTMLElement, key: Arrow): void {
  const { doc } = editor.journey.get();
  const visible = doc.rows.filter((r) => !r.hidden);
  const phase = doc.phases.findIndex((p) => p.id === band.dataset.phaseId);
  const row = doc.rows.findIndex((r) => r.id === band.dataset.rowId);
  const into = (p: number, r: number) =>
    focusSpot(editor, { phase: p, row: r, card: cellCards(doc, { phase: doc.phases[p]!.id, row: doc.rows[r]!.id })[0] ?? null });
  if (phase >= 0) {
    const side = doc.phases[phase + (key === "ArrowLeft" ? -1 : 1)];
    if ((key === "ArrowLeft" || key === "ArrowRight") && side) reveal(`.phase-header[data-phase-id="${side.id}"]`);
    if (key === "ArrowDown" && visible[0]) into(phase, doc.rows.indexOf(visible[0]));
  } else if (row >= 0) {
    const at = visible.indexOf(doc.rows[row]!);
    const side = visible[at + (key === "ArrowUp" ? -1 : 1)];
    if ((key === "ArrowUp" || key === "ArrowDown") && side) reveal(`.row-label[data-row-id="${side.id}"]`);
    if (key === "ArrowRight" && doc.phases[0]) into(0, row);
  }
}

/**
 * Brings the cards `ids` into view, the first of them scrolled to, and marks them a moment so the
 * room sees where they arrived (notes placed from the inbox); the focus stays where it is.
 */
export function showArrived(ids: string[]): void {
  requestAnimationFrame(() => {
    const cards = ids.flatMap((id) => [...document.querySelectorAll<HTMLElement>(`.board [data-card-id="${id}"]`)]);
    cards[0]?.scrollIntoView({ block: "nearest", inline: "nearest" });
    for (const card of cards) {
      card.classList.remove("arrived");
      void card.offsetWidth; // start the mark again when the same card arrives twice
      card.classList.add("arrived");
      card.addEventListener("animationend", () => card.classList.remove("arrived"), { once: true });
    }
  });
}

/**
 * The board's one Tab stop was reached by the keyboard: the focus carries on where it was (the
 * selected card, else the focused cell), so Tab away and back loses nobody's place.
 */
export function enterBoard(editor: Editor): void {
  const { selection, focusedCell } = editor.view.get();
  const first = [...selection][0];
  if (first) reveal(`[data-card-id="${first}"]`);
  else if (focusedCell) reveal(`[data-drop-cell][data-phase="${focusedCell.phase}"][data-row="${focusedCell.row}"]`);
}

/** Selects and focuses a spot's card (or its empty cell) and scrolls it into view. */
function focusSpot(editor: Editor, spot: Spot, selection?: Set<string>): void {
  const { doc } = editor.journey.get();
  const cell = { phase: doc.phases[spot.phase]!.id, row: doc.rows[spot.row]!.id };
  editor.view.set({ selection: selection ?? new Set(spot.card ? [spot.card.id] : []), focusedCell: cell });
  reveal(spot.card ? `[data-card-id="${spot.card.id}"]` : `[data-drop-cell][data-phase="${cell.phase}"][data-row="${cell.row}"]`);
}

/**
 * Focuses the element `selector` finds once React has drawn it, and scrolls it into view, unless
 * the focus went somewhere else meanwhile (a field opened by the next key): frames can come late.
 * `from` is where the focus was when the gesture ended, if that was before this call (a drop
 * waits for the core's answer).
 */
let pending = 0;
export function reveal(selector: string, from: Element | null = document.activeElement): void {
  // Only the latest: a frame held back must not bring the focus back to a card walked past.
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(() => {
    const now = document.activeElement;
    // The board's scroller is where a lost focus is put back (focusKeeper): from there the
    // keyboard is still on the board.
    if (now !== from && now !== document.body && now !== null && !now.matches(".board-scroll")) return;
    const el = document.querySelector<HTMLElement>(`.board ${selector}`);
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "nearest", inline: "nearest" });
  });
}
