// Pointer-based dragging. Native HTML5 drag and drop never completes under WebKitGTK's WebDriver,
// and pointer events give one code path for mouse, pen, touch and automated tests.

/** Pixels the pointer must travel before a press becomes a drag (so clicks stay clicks). */
export const DRAG_THRESHOLD = 5;

export interface DragHandlers {
  /** Called once the pointer has moved past the threshold. */
  start(e: PointerEvent): void;
  move(e: PointerEvent): void;
  /** Called on release after a drag; not after a plain click. */
  drop(e: PointerEvent): void;
  /** Escape, or the pointer was lost. */
  cancel(): void;
}

/**
 * Follows a pointer from a `pointerdown` (React's event: its `currentTarget` is the element
 * pressed, which captures the pointer) until release. All effects go through the handlers.
 * Escape cancels the drag. With `scroll`, that element scrolls while a drag nears its edges: the
 * scrolling starts with the drag (a click never starts it) and every ending of the gesture stops it.
 */
export function followPointer(down: React.PointerEvent, handlers: DragHandlers, scroll?: HTMLElement | null): void {
  const target = down.currentTarget instanceof Element ? down.currentTarget : null;
  const originX = down.clientX;
  const originY = down.clientY;
  let dragging = false;
  let scroller: EdgeScroller | null = null;
  // The pointer is captured only once a drag has begun: capture keeps a drag going outside the
  // window, but it also retargets clicks, and a double-click must still reach what was clicked.
  const capture = () => {
    try {
      target?.setPointerCapture(down.pointerId);
    } catch {
      /* the pointer is already gone */
    }
  };

  const onMove = (e: PointerEvent) => {
    if (!dragging) {
      if (Math.hypot(e.clientX - originX, e.clientY - originY) < DRAG_THRESHOLD) return;
      dragging = true;
      capture();
      if (scroll) scroller = edgeScroller(scroll);
      handlers.start(e);
    }
    scroller?.update(e.clientX, e.clientY);
    handlers.move(e);
  };
  // Every listener below goes with one abort when the gesture ends.
  const listening = new AbortController();
  const finish = () => {
    scroller?.stop();
    scroller = null;
    listening.abort();
  };
  const onUp = (e: PointerEvent) => {
    finish();
    if (dragging) handlers.drop(e);
  };
  const onCancel = () => {
    finish();
    if (dragging) handlers.cancel();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === "Escape" && dragging) {
      e.preventDefault();
      e.stopPropagation();
      onCancel();
    }
  };
  const { signal } = listening;
  window.addEventListener("pointermove", onMove, { signal });
  window.addEventListener("pointerup", onUp, { signal });
  window.addEventListener("pointercancel", onCancel, { signal });
  window.addEventListener("keydown", onKey, { capture: true, signal });
  // Switching away mid-gesture may swallow the release: the gesture ends there.
  window.addEventListener("blur", onCancel, { signal });
}

interface EdgeScroller {
  update(x: number, y: number): void;
  stop(): void;
}

/** Scrolls `el` while the pointer (last given to `update`) is near its edges, until `stop`. */
function edgeScroller(el: HTMLElement): EdgeScroller {
  // Until the first `update` the pointer is nowhere: (0, 0) would sit in the top-left corner and
  // scroll there.
  let x = Number.NaN;
  let y = Number.NaN;
  let frame = 0;
  const EDGE = 48;
  const tick = () => {
    const r = el.getBoundingClientRect();
    const speed = (d: number) => (d < EDGE ? Math.ceil((EDGE - d) / 3) : 0);
    if (!Number.isNaN(x)) {
      const dx = speed(x - r.left) > 0 ? -speed(x - r.left) : speed(r.right - x);
      const dy = speed(y - r.top) > 0 ? -speed(y - r.top) : speed(r.bottom - y);
      if (dx || dy) el.scrollBy(dx, dy);
    }
    frame = requestAnimationFrame(tick);
  };
  frame = requestAnimationFrame(tick);
  return {
    update(nx, ny) {
      x = nx;
      y = ny;
    },
    stop() {
      cancelAnimationFrame(frame);
    },
  };
}
