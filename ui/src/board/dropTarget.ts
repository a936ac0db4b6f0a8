import type { Cell } from "../journey/cells";
import { onScreen } from "../components/rects";

/**
 * Where something dropped at (x, y) would land on the board: the cell under the pointer, and the
 * index among the cards staying there. Cards being dragged (`.dragging`) do not count.
 */
export function dropTarget(x: number, y: number): (Cell & { index: number }) | null {
  const cell = document.elementsFromPoint(x, y).map((el) => el.closest<HTMLElement>("[data-drop-cell]")).find((el) => el);
  if (!cell) return null;
  const phase = cell.dataset.phase;
  const row = cell.dataset.row;
  if (!phase || !row) return null;
  const cards = [...cell.querySelectorAll<HTMLElement>(".card:not(.dragging)")];
  const index = cards.filter((c) => {
    const r = onScreen(c);
    return r.top + r.height / 2 < y;
  }).length;
  return { phase, row, index };
}
