// Walking the board with the arrow keys, from the selected card to its neighbour.
import type { Editor } from "../state/store";
import { cellOf } from "../journey/actions";

/** Moves the selection to the neighbouring card (arrows without Ctrl). */
export function walk(editor: Editor, key: string): void {
  const { doc, selection } = editor.get();
  const current = doc.cards.find((c) => selection.has(c.id));
  if (!current) {
    const first = [...doc.cards].sort((a, b) => a.position - b.position)[0];
    if (first) editor.set({ selection: new Set([first.id]), focusedCell: cellOf(first) });
    return;
  }
  const inCell = (phase: string, row: string) => doc.cards.filter((c) => c.phase === phase && c.row === row).sort((a, b) => a.position - b.position);
  let next = undefined;
  if (key === "ArrowUp" || key === "ArrowDown") {
    next = inCell(current.phase, current.row)[current.position + (key === "ArrowUp" ? -1 : 1)];
  } else {
    const p = doc.phases.findIndex((x) => x.id === current.phase) + (key === "ArrowLeft" ? -1 : 1);
    const phase = doc.phases[p];
    if (phase) {
      const cards = inCell(phase.id, current.row);
      next = cards[Math.min(current.position, cards.length - 1)];
      if (!next) editor.set({ selection: new Set(), focusedCell: { phase: phase.id, row: current.row } });
    }
  }
  if (next) {
    editor.set({ selection: new Set([next.id]), focusedCell: cellOf(next) });
    document.querySelector<HTMLElement>(`[data-card-id="${next.id}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
}

