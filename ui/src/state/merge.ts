import type { Changes, JourneyDoc } from "../ipc";

/**
 * The journey after an edit, from what the backend reports changed: replaced records, removed
 * cards, and the new order of every cell the edit touched. Pure, so the stored truth is the only
 * input and the canvas never drifts from it.
 */
export function mergeChanges(doc: JourneyDoc, changes: Changes): JourneyDoc {
  const removed = new Set(changes.removedCards);
  const byId = new Map(doc.cards.filter((c) => !removed.has(c.id)).map((c) => [c.id, c]));
  for (const card of changes.cards) byId.set(card.id, card);
  for (const cell of changes.cells) {
    cell.cards.forEach((id, position) => {
      const card = byId.get(id);
      if (card && (card.position !== position || card.phase !== cell.phase || card.row !== cell.row)) {
        byId.set(id, { ...card, position, phase: cell.phase, row: cell.row });
      }
    });
  }
  const phases = changes.phases ?? doc.phases;
  const rows = changes.rows ?? doc.rows;
  // Cards of a phase or row that is gone went with it.
  const phaseIds = new Set(phases.map((p) => p.id));
  const rowIds = new Set(rows.map((r) => r.id));
  return {
    journey: changes.journey ?? doc.journey,
    phases,
    rows,
    personas: changes.personas ?? doc.personas,
    cards: [...byId.values()].filter((c) => phaseIds.has(c.phase) && rowIds.has(c.row)),
    vote: changes.voteChanged ? (changes.vote ?? undefined) : doc.vote,
    inbox: changes.inbox ?? doc.inbox,
  };
}
