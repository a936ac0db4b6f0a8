import type { Card, Edit, JourneyDoc } from "../ipc";
import type { CellRef } from "../state/store";

/** A phase × row of the board: the same type the view state keeps its focused cell in. */
export type Cell = CellRef;

/** A cell's cards, in order. */
export function cellCards(doc: JourneyDoc, cell: Cell): Card[] {
  return doc.cards.filter((c) => c.phase === cell.phase && c.row === cell.row).sort((a, b) => a.position - b.position);
}

/** The ids of a cell's cards, in order. */
export function cellOrder(doc: JourneyDoc, cell: Cell): string[] {
  return cellCards(doc, cell).map((c) => c.id);
}

/** One edit for one change, a batch (one undo step) for several. */
export function asOneStep(edits: Edit[], label?: string): Edit | null {
  if (edits.length <= 1) return edits[0] ?? null;
  return { type: "batch", edits, label: label ?? null };
}
