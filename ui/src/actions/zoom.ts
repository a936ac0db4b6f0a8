import type { Editor } from "../state/store";

export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 4;
/** Where Ctrl+= and Ctrl+− stop, as in a browser: round figures, 50 % and 100 % among them. */
export const ZOOM_STEPS = [0.1, 0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;

/** The zoom Fit chose last, per editor: while the zoom is still that, a resize fits again. */
const fitted = new WeakMap<Editor, number>();
/**
 * The fitting under way, per editor: a fit takes several frames, and a new fit or a zoom by hand
 * ends the one before, which would otherwise go on measuring from its own idea of the zoom.
 */
const fitting = new WeakMap<Editor, object>();
/** How Fit fitted last, per editor: the whole board, its width, or the whole board below legible. */
const fitKind = new WeakMap<Editor, "whole" | "width" | "overview">();

const clamp = (z: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, z));

/**
 * Sets the zoom keeping the board point under (clientX, clientY) in place — the pointer for
 * Ctrl+wheel and pinch, the middle of the view for keys and buttons.
 */
export function zoomTo(editor: Editor, scroller: HTMLElement | null, zoom: number, clientX?: number, clientY?: number): void {
  // A zoom chosen by hand is kept: no resize, and no fit still waiting for its frame, undoes it.
  fitted.delete(editor);
  fitting.delete(editor);
  const next = clamp(Math.round(zoom * 100) / 100);
  const prev = editor.view.get().zoom;
  if (!scroller || next === prev) {
    editor.view.set({ zoom: next });
    return;
  }
  const r = scroller.getBoundingClientRect();
  const px = (clientX ?? r.left + r.width / 2) - r.left;
  const py = (clientY ?? r.top + r.height / 2) - r.top;
  const bx = (scroller.scrollLeft + px) / prev;
  const by = (scroller.scrollTop + py) / prev;
  editor.view.set({ zoom: next });
  // After React has laid the board out at the new size.
  requestAnimationFrame(() => {
    scroller.scrollLeft = bx * next - px;
    scroller.scrollTop = by * next - py;
  });
}

export function zoomBy(editor: Editor, scroller: HTMLElement | null, factor: number, clientX?: number, clientY?: number): void {
  zoomTo(editor, scroller, editor.view.get().zoom * factor, clientX, clientY);
}

/** The next step up (`+1`) or down (`-1`) from the zoom as it is, which may lie between steps. */
export function zoomStep(editor: Editor, scroller: HTMLElement | null, direction: 1 | -1): void {
  const zoom = editor.view.get().zoom;
  const next = direction > 0 ? ZOOM_STEPS.find((s) => s > zoom + 0.005) : [...ZOOM_STEPS].reverse().find((s) => s < zoom - 0.005);
  if (next !== undefined) zoomTo(editor, scroller, next);
}

/**
 * The board's own extent at zoom 1 (the board element itself stretches to fill the view). Read
 * from offsets, which both engines give in the board's unzoomed pixels: WebKit's
 * getBoundingClientRect ignores the CSS zoom around an element, Chromium's applies it, and a fit
 * measured from it in the app shrank the board to 10 %.
 */
function contentSize(board: HTMLElement): { w: number; h: number } | null {
  const lastColumn = board.querySelector<HTMLElement>(".add-phase");
  if (!lastColumn) return null;
  const bottoms = [...board.querySelectorAll<HTMLElement>(".row-label, .row-collapsed")].map((el) => el.offsetTop + el.offsetHeight);
  const padding = parseFloat(getComputedStyle(board).paddingBottom) || 0;
  return { w: lastColumn.offsetLeft + lastColumn.offsetWidth, h: Math.max(0, ...bottoms) + padding };
}

/**
 * Below this the board cannot be read from the back of a room (a card's text is about 6 px): Fit
 * then fits the width and the board scrolls down, rather than shrinking to a grey mosaic.
 */
export const LEGIBLE_ZOOM = 0.45;

/**
 * Ctrl+0: the whole journey in view, or, on a board too tall for that at a legible size, its
 * whole width. Text wraps a little differently at another zoom (WebKit rounds font sizes), so
 * the board is measured again at the zoom chosen, a few frames in a row, until it settles.
 */
export function fitZoom(editor: Editor, scroller: HTMLElement | null, { refit = false } = {}): void {
  const board = scroller?.querySelector<HTMLElement>(".board");
  if (!scroller || !board) return;
  // Fit pressed again on a board it fitted by its width shows the whole board, however small:
  // an overview before turning to the projector; once more, back to the width. A fit again
  // because the window changed keeps what was chosen.
  const again = fitted.get(editor) === editor.view.get().zoom;
  const kind = fitKind.get(editor);
  const overview = refit ? kind === "overview" : again && kind === "width";
  const floor = overview ? MIN_ZOOM : LEGIBLE_ZOOM;
  const run = {};
  fitting.set(editor, run);
  // A zoom found to overflow is not tried again.
  let ceiling = MAX_ZOOM;
  // Every cell drawn while fitting, so none is measured at the height guessed for it off screen
  // (`content-visibility`); once drawn, a cell keeps its real height as the guess.
  // Marked in the view (so the board drawn again at a new zoom keeps it) and on the board at once
  // (so this pass measures with it).
  editor.view.set({ measuring: true });
  const done = () => {
    board.classList.remove("measuring");
    editor.view.set({ measuring: false });
  };
  const measure = (passes: number) => {
    // Given way to a newer fit (which measures with the class on), or ended by a zoom by hand.
    if (fitting.get(editor) !== run) return fitting.has(editor) ? undefined : done();
    board.classList.add("measuring");
    const zoom = editor.view.get().zoom;
    const size = contentSize(board);
    if (!size) return done();
    const byWidth = scroller.clientWidth / size.w;
    const whole = Math.min(byWidth, scroller.clientHeight / size.h);
    // Whole board; else the width (never enlarged, never below legible).
    const byWhole = overview || whole >= LEGIBLE_ZOOM;
    fitKind.set(editor, overview ? "overview" : byWhole ? "whole" : "width");
    const fit = clamp(Math.floor((byWhole ? whole : Math.max(LEGIBLE_ZOOM, Math.min(byWidth, 1))) * 100) / 100);
    // Measured again once drawn at the new zoom: cells that were off screen had a guessed height.
    // A board drawn whole measures exactly, so the fit settles instead of depending on the zoom it
    // started from; what still overflows by rounding gives up one percent.
    const tooWide = byWidth >= floor && scroller.scrollWidth > scroller.clientWidth + 1;
    const tooTall = byWhole && scroller.scrollHeight > scroller.clientHeight + 1;
    // What still scrolls at this zoom, in real pixels, says by how much it must shrink (WebKit's
    // text at a small zoom is a little larger than the zoom: a one-percent step at a time left the
    // last row cut at 1920 × 1080).
    if (passes > 0 && (tooWide || tooTall)) {
      const short = Math.min(tooWide ? scroller.clientWidth / scroller.scrollWidth : 1, tooTall ? scroller.clientHeight / scroller.scrollHeight : 1);
      ceiling = Math.min(ceiling, Math.max(floor, Math.min(zoom - 0.01, Math.floor(zoom * short * 100) / 100)));
    }
    const next = Math.min(fit, ceiling);
    // Given up after five passes, the zoom shown is what was fitted.
    fitted.set(editor, passes >= 5 ? zoom : next);
    if (next === zoom || passes >= 5) return done();
    editor.view.set({ zoom: next });
    scroller.scrollTo(0, 0);
    requestAnimationFrame(() => requestAnimationFrame(() => measure(passes + 1)));
  };
  measure(0);
}

/** Fits again when the view changes size (window, side panel) while the zoom is still the fitted one. */
export function keepFitted(editor: Editor, scroller: HTMLElement): () => void {
  let frame = 0;
  let width = scroller.clientWidth;
  let height = scroller.clientHeight;
  const observer = new ResizeObserver(() => {
    if (scroller.clientWidth === width && scroller.clientHeight === height) return;
    width = scroller.clientWidth;
    height = scroller.clientHeight;
    if (fitted.get(editor) !== editor.view.get().zoom) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      if (fitted.get(editor) === editor.view.get().zoom) fitZoom(editor, scroller, { refit: true });
    });
  });
  observer.observe(scroller);
  return () => {
    cancelAnimationFrame(frame);
    observer.disconnect();
  };
}
