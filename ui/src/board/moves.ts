import type { Card, Edit, JourneyDoc } from "../ipc";

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

/**
 * The edits that put `ids` together at `index` of `target` (index counted among the cards that are
 * not moving), in the order they have on the board. One `moveCard` per card, each placed right
 * after its final predecessor, so the result is right whatever cells the cards came from.
 */
export function planMove(doc: JourneyDoc, ids: string[], target: Cell, index: number): Edit[] {
  const moving = new Set(ids);
  const byId = new Map(doc.cards.map((c) => [c.id, c]));
  const phaseIndex = new Map(doc.phases.map((p, i) => [p.id, i]));
  const rowIndex = new Map(doc.rows.map((r, i) => [r.id, i]));
  const boardOrder = (a: Card, b: Card) =>
    (phaseIndex.get(a.phase) ?? 0) - (phaseIndex.get(b.phase) ?? 0) ||
    (rowIndex.get(a.row) ?? 0) - (rowIndex.get(b.row) ?? 0) ||
    a.position - b.position;
  const dragged = ids.map((id) => byId.get(id)).filter((c): c is Card => c !== undefined).sort(boardOrder);

  const current = cellOrder(doc, target);
  const staying = current.filter((id) => !moving.has(id));
  const at = Math.max(0, Math.min(index, staying.length));
  const final = [...staying.slice(0, at), ...dragged.map((c) => c.id), ...staying.slice(at)];
  if (final.length === current.length && final.every((id, i) => id === current[i])) return [];

  const simulated = [...current];
  const edits: Edit[] = [];
  for (const card of dragged) {
    const from = simulated.indexOf(card.id);
    if (from >= 0) simulated.splice(from, 1);
    const before = final[final.indexOf(card.id) - 1];
    const to = before === undefined ? 0 : simulated.indexOf(before) + 1;
    simulated.splice(to, 0, card.id);
    edits.push({ type: "moveCard", card: card.id, phase: target.phase, row: target.row, index: to });
  }
  return edits;
}

/** One edit for one change, a batch (one undo step) for several. */
export function asOneStep(edits: Edit[], label?: string): Edit | null {
  if (edits.length <= 1) return edits[0] ?? null;
  return { type: "batch", edits, label: label ?? null };
}
