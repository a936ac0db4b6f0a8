import type { Editor } from "../state/store";

export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 4;

const clamp = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/**
 * Sets the zoom keeping the board point under (clientX, clientY) in place — the pointer for
 * Ctrl+wheel and pinch, the middle of the view for keys and buttons.
 */
export function zoomTo(editor: Editor, scroller: HTMLElement | null, zoom: number, clientX?: number, clientY?: number): void {
  const next = clamp(Math.round(zoom * 100) / 100);
  const prev = editor.get().zoom;
  if (!scroller || next === prev) {
    editor.set({ zoom: next });
    return;
  }
  const r = scroller.getBoundingClientRect();
  const px = (clientX ?? r.left + r.width / 2) - r.left;
  const py = (clientY ?? r.top + r.height / 2) - r.top;
  const bx = (scroller.scrollLeft + px) / prev;
  const by = (scroller.scrollTop + py) / prev;
  editor.set({ zoom: next });
  // After React has laid the board out at the new size.
  requestAnimationFrame(() => {
    scroller.scrollLeft = bx * next - px;
    scroller.scrollTop = by * next - py;
  });
}

export function zoomBy(editor: Editor, scroller: HTMLElement | null, factor: number, clientX?: number, clientY?: number): void {
  zoomTo(editor, scroller, editor.get().zoom * factor, clientX, clientY);
}

/** Ctrl+0: the whole journey in view. */
export function fitZoom(editor: Editor, scroller: HTMLElement | null): void {
  const board = scroller?.querySelector<HTMLElement>(".board");
  const lastColumn = board?.querySelector<HTMLElement>(".add-phase");
  const lastRow = board?.lastElementChild?.previousElementSibling;
  if (!scroller || !board || !lastColumn) return;
  // The content's own extent (the board itself stretches to fill the view), unzoomed.
  const zoom = editor.get().zoom;
  const origin = board.getBoundingClientRect();
  const bottom = Math.max(...[...board.querySelectorAll<HTMLElement>(".row-label, .row-collapsed")].map((el) => el.getBoundingClientRect().bottom));
  const w = (lastColumn.getBoundingClientRect().right - origin.left) / zoom;
  const padding = parseFloat(getComputedStyle(board).paddingBottom) || 0;
  const h = (Math.max(bottom, lastRow?.getBoundingClientRect().bottom ?? 0) - origin.top) / zoom + padding;
  const fit = clamp(Math.min(scroller.clientWidth / w, scroller.clientHeight / h));
  editor.set({ zoom: Math.floor(fit * 100) / 100 });
  scroller.scrollTo(0, 0);
}
