// Where an element of the board is on screen. The board is drawn with CSS `zoom`; WebKitGTK (the
// app's web view) reports getBoundingClientRect inside a zoomed element in unzoomed pixels (the
// rect on screen divided by the zoom), while Chromium, like the standard, reports the rect on
// screen. Every rect the board compares with a pointer or the window goes through `onScreen`, or
// a drop, a band or a menu lands beside the pointer at any zoom but 100 %. (Below PICTURE_BELOW
// the board is scaled by a transform instead, which both engines report on screen.)

/** `el`'s rect on screen, in the pointer's coordinates, in either engine. */
export function onScreen(el: Element): DOMRect {
  const r = el.getBoundingClientRect();
  const k = unzoomedBy(el);
  return k === 1 ? r : new DOMRect(r.x * k, r.y * k, r.width * k, r.height * k);
}

/** The factor the engine left out of `el`'s rect: 1, or the board's zoom in WebKit. */
function unzoomedBy(el: Element): number {
  const board = el.closest<HTMLElement>(".board");
  const zoom = board ? parseFloat(board.style.zoom || "1") : 1;
  // The board's corner is as wide on screen as its layout width times the zoom.
  const corner = board?.querySelector<HTMLElement>(".corner");
  if (zoom === 1 || !corner || corner.offsetWidth === 0) return 1;
  const shown = corner.getBoundingClientRect().width / corner.offsetWidth;
  return Math.abs(shown - zoom) < 0.01 ? 1 : zoom / shown;
}
