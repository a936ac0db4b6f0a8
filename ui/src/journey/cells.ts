import type { Edit, JourneyDoc } from "../ipc";

export interface Cell {
  phase: string;
  row: string;
}

/** The ids of a cell's cards, in order. */
export function cellOrder(doc: JourneyDoc, cell: Cell): string[] {
  return doc.cards
    .filter((c) => c.phase === cell.phase && c.row === cell.row)
    .sort((a, b) => a.position - b.position)
    .map((c) => c.id);
}

/** One edit for one change, a batch (one undo step) for several. */
export function asOneStep(edits: Edit[], label?: string): Edit | null {
  if (edits.length <= 1) return edits[0] ?? null;
  return { type: "batch", edits, label: label ?? null };
}
