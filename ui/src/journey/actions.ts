// Every user operation on a journey, used alike by keys, buttons, menus and drags. Each sends
// one edit (a batch when it changes several records), so each is one undo step.
import type { Applied, Card, Edit } from "../ipc";
import { asOneStep, cellOrder, type Cell } from "./cells";
import { PALETTE } from "./palette";
import { assertNever, type RowKind } from "./rowKinds";
import { clip, LIMITS } from "./limits";
import type { Editor } from "../state/store";

type AddCard = Extract<Edit, { type: "addCard" }>;

/** A new card: the core gives every field its default. */
const newCard = (cell: Cell, title: string, index?: number): AddCard => ({ type: "addCard", phase: cell.phase, row: cell.row, index: index ?? null, title });

export function selectedCards(editor: Editor): Card[] {
  const { doc } = editor.journey.get();
  const { selection } = editor.view.get();
  return doc.cards.filter((c) => selection.has(c.id));
}

export function cellOf(card: Card): Cell {
  return { phase: card.phase, row: card.row };
}

/** What a new card starts with in a row of this kind: in an emotion row a neutral score, so it shows on the curve. */
function startOf(kind: RowKind): Partial<AddCard> {
  switch (kind) {
    case "cards":
      return {};
    case "emotion":
      return { emotion: 0 };
    default:
      return assertNever(kind);
  }
}

/** Adds a card, as a card of its row's kind starts. */
export async function addCard(editor: Editor, cell: Cell, title: string, index?: number): Promise<string | null> {
  const row = editor.journey.get().doc.rows.find((r) => r.id === cell.row);
  const edit: AddCard = { ...newCard(cell, title, index), ...(row ? startOf(row.kind) : {}) };
  const applied = await editor.send(edit);
  return applied?.changes.cards[0]?.id ?? null;
}

/** One card per non-empty line (pasting a list of sticky notes). */
export async function addCardsFromLines(editor: Editor, cell: Cell, text: string): Promise<void> {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const edit = asOneStep(lines.map((l) => newCard(cell, clip(l, LIMITS.titleChars))), "addCard");
  if (edit) await editor.send(edit);
}

export async function renameCard(editor: Editor, card: Card, title: string): Promise<void> {
  if (title.trim() === "" || title === card.title) return;
  await editor.send({ type: "updateCard", card: card.id, title });
}

export async function deleteSelection(editor: Editor): Promise<void> {
  const edit = asOneStep(selectedCards(editor).map((c) => ({ type: "deleteCard", card: c.id }) as Edit), "deleteCard");
  if (edit) await editor.send(edit);
}

export async function duplicateSelection(editor: Editor): Promise<void> {
  const edit = asOneStep(selectedCards(editor).map((c) => ({ type: "duplicateCard", card: c.id }) as Edit), "duplicateCard");
  if (!edit) return;
  const before = new Set(editor.journey.get().doc.cards.map((c) => c.id));
  const applied = await editor.send(edit);
  if (applied) editor.view.set({ selection: new Set(applied.changes.cards.map((c) => c.id).filter((id) => !before.has(id))) });
}

/** Puts the cards together at `index` of `target` (counted among the cards staying there); the core works out the places. */
/** Resolves with what the core applied, or null when nothing was moved (refused, or no cards). */
export async function moveCards(editor: Editor, ids: string[], target: Cell, index: number): Promise<Applied | null> {
  return ids.length > 0 ? editor.send({ type: "moveCards", cards: ids, phase: target.phase, row: target.row, index }) : null;
}

/**
 * Ctrl+arrows: the selection one place up or down in its cell, and past the top or the bottom
 * into the cell above or below (hidden rows passed over); left and right into the next phase.
 * The move is worked out when its turn comes, from where the moves before it left the cards.
 * Resolves with the cell the cards are in afterwards.
 */
export async function nudgeSelection(editor: Editor, direction: "up" | "down" | "left" | "right"): Promise<Cell | null> {
  const made: Nudge[] = [];
  const applied = await editor.sendInTurn(() => {
    const move = nudge(editor, direction);
    if (move) made.push(move);
    return move?.edit ?? null;
  });
  // A move refused (and the board reloaded) leaves the cards where they were: nothing to follow.
  const [move] = made;
  return move && (applied || !move.edit) ? move.target : null;
}

/** Where a nudge takes the selection, and the edit that takes it there (null at the board's edge). */
interface Nudge {
  target: Cell;
  edit: Edit | null;
}

function nudge(editor: Editor, direction: "up" | "down" | "left" | "right"): Nudge | null {
  const cards = selectedCards(editor);
  const first = cards[0];
  if (!first) return null;
  const { doc } = editor.journey.get();
  const cell = cellOf(first);
  const ids = cards.map((c) => c.id);
  const staying = cellOrder(doc, cell).filter((id) => !ids.includes(id));
  const here = cards.filter((c) => c.phase === cell.phase && c.row === cell.row);
  const at = Math.min(...here.map((c) => c.position));
  const last = at + here.length - 1;
  const alone = here.length === cards.length;
  let target: Cell = cell;
  let index = at;
  if (direction === "up" || direction === "down") {
    const delta = direction === "up" ? -1 : 1;
    const inPlace = direction === "up" ? at > 0 : last < staying.length + ids.length - 1;
    if (inPlace || !alone) {
      index = direction === "up" ? Math.max(0, at - 1) : Math.min(staying.length, at + 1);
    } else {
      let row = doc.rows.findIndex((r) => r.id === cell.row) + delta;
      while (doc.rows[row]?.hidden) row += delta;
      const next = doc.rows[row];
      if (!next) return { target: cell, edit: null };
      target = { phase: cell.phase, row: next.id };
      // Up lands at the bottom of the cell above, down at the top of the cell below.
      index = direction === "up" ? cellOrder(doc, target).length : 0;
    }
  } else {
    const phase = doc.phases[doc.phases.findIndex((x) => x.id === cell.phase) + (direction === "left" ? -1 : 1)];
    if (!phase) return { target: cell, edit: null };
    target = { phase: phase.id, row: cell.row };
  }
  return { target, edit: { type: "moveCards", cards: ids, phase: target.phase, row: target.row, index } };
}

export async function setEmotion(editor: Editor, card: Card, emotion: number | null): Promise<void> {
  if (card.emotion === emotion) return;
  await editor.send({ type: "updateCard", card: card.id, emotion });
}

// --- phases and rows -------------------------------------------------------------------------

/** Adds a phase at `index` and starts renaming it: a new phase's name is what is typed next. */
export async function addPhase(editor: Editor, index: number, title: string): Promise<void> {
  const before = new Set(editor.journey.get().doc.phases.map((p) => p.id));
  const used = new Set(editor.journey.get().doc.phases.map((p) => p.colour));
  const colour = PALETTE.find((p) => !used.has(p.colour))?.colour ?? PALETTE[index % PALETTE.length]!.colour;
  const applied = await editor.send({ type: "addPhase", index, title, question: "", colour });
  const added = applied?.changes.phases?.find((p) => !before.has(p.id));
  if (added) editor.view.set({ renaming: added.id });
}

/**
 * Moves a phase one place left (−1) or right (+1), or a row past the next shown row above or below
 * (hidden rows are passed over): the keyboard's and the menu's way to reorder. These steps, like
 * the resize below, count from where the steps sent before them left things; a phase or row gone
 * meanwhile (an undo queued before) is left alone.
 */
export async function moveBandBy(editor: Editor, band: "phase" | "row", id: string, delta: -1 | 1): Promise<void> {
  await editor.sendInTurn(() => {
    const { phases, rows } = editor.journey.get().doc;
    const list: { id: string; hidden?: boolean }[] = band === "phase" ? phases : rows;
    const at = list.findIndex((b) => b.id === id);
    let to = at + delta;
    while (list[to]?.hidden) to += delta;
    if (at < 0 || to < 0 || to >= list.length) return null;
    return band === "phase" ? { type: "movePhase", phase: id, index: to } : { type: "moveRow", row: id, index: to };
  });
}

/** The widths a phase steps through by keyboard, in % of the standard width (drags set any). */
const WIDTH_STEP = 25;
export const PHASE_WIDTHS = { min: 25, max: 800 };

export async function resizePhaseBy(editor: Editor, phase: string, steps: -1 | 1): Promise<void> {
  await editor.sendInTurn(() => {
    const current = editor.journey.get().doc.phases.find((p) => p.id === phase)?.width;
    if (current === undefined) return null;
    const width = Math.max(PHASE_WIDTHS.min, Math.min(PHASE_WIDTHS.max, (Math.round(current / WIDTH_STEP) + steps) * WIDTH_STEP));
    return width !== current ? { type: "updatePhase", phase, width } : null;
  });
}

/** Deletes a phase or a row; one that holds cards (which go with it) only once `confirm(cards)` says yes. */
export async function deleteBand(editor: Editor, band: "phase" | "row", id: string, confirm: (cards: number) => Promise<boolean>): Promise<void> {
  const n = editor.journey.get().doc.cards.filter((c) => c[band] === id).length;
  if (n > 0 && !(await confirm(n))) return;
  await editor.send(band === "phase" ? { type: "deletePhase", phase: id } : { type: "deleteRow", row: id });
}

// --- clipboard -------------------------------------------------------------------------------

const CLIPBOARD_TYPE = "journeywall/cards";

/** What a copy of a card carries: its fields, not its id, its place or its times, nor its votes
 * (they stay with the card that got them: a pasted copy has not been voted on). */
function fieldsOf(card: Partial<Card>): Partial<Card> {
  const fields = { ...card };
  for (const key of ["id", "phase", "row", "position", "votes", "createdAt", "updatedAt"] as const) delete fields[key];
  return fields;
}

/** Copies the selected cards: as our own JSON (to paste into any journey) and as plain lines. */
export function copySelection(editor: Editor, data: DataTransfer): boolean {
  const cards = selectedCards(editor);
  if (cards.length === 0) return false;
  const payload = cards.map(fieldsOf);
  data.setData("text/plain", cards.map((c) => c.title).join("\n"));
  data.setData("application/json", JSON.stringify({ type: CLIPBOARD_TYPE, cards: payload }));
  return true;
}

/** Pastes copied cards, or one card per line of plain text, at the end of `cell`. */
export async function paste(editor: Editor, cell: Cell, data: DataTransfer): Promise<void> {
  try {
    const parsed = JSON.parse(data.getData("application/json")) as { type?: string; cards?: Partial<Card>[] };
    if (parsed.type === CLIPBOARD_TYPE && Array.isArray(parsed.cards)) {
      const edits: AddCard[] = parsed.cards.map((c) => ({ ...fieldsOf(c), ...newCard(cell, String(c.title ?? "")) }));
      const edit = asOneStep(edits, "addCard");
      if (edit) await editor.send(edit);
      return;
    }
  } catch {
    /* not ours: fall back to plain text */
  }
  await addCardsFromLines(editor, cell, data.getData("text/plain"));
}
