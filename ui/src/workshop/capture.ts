// Where quick capture puts the next card, and where Tab takes it: down the rows of a phase, then
// on to the next phase. Hidden rows are skipped; they are not on the wall.
import type { JourneyDoc } from "../ipc";
import type { Cell } from "../journey/cells";

/** Every visible cell in capture order: phase by phase, row by row. */
export function captureOrder(doc: JourneyDoc): Cell[] {
  const rows = doc.rows.filter((r) => !r.hidden);
  return doc.phases.flatMap((p) => rows.map((r) => ({ phase: p.id, row: r.id })));
}

/** The cell `step` places after (or before, when negative) `from`, wrapping around the journey. */
export function stepCell(doc: JourneyDoc, from: Cell | null, step: number): Cell | null {
  const order = captureOrder(doc);
  if (order.length === 0) return null;
  const at = from ? order.findIndex((c) => c.phase === from.phase && c.row === from.row) : -1;
  if (at < 0) return order[0]!;
  return order[(((at + step) % order.length) + order.length) % order.length]!;
}
