// Moving the view over the board: Ctrl+wheel and trackpad pinch zoom around the pointer, Fit is
// kept as the window changes, and Space+drag or middle-drag pan the canvas.
import { useEffect, useRef, type PointerEvent as ReactPointerEvent, type RefObject } from "react";
import type { Editor } from "../state/store";
import { followPointer } from "../board/drag";
import { keepFitted, zoomBy } from "../actions/zoom";

/** `board`: changes when the board's scroller is a new element (after a round was shown). Returns the scroller's pointer-down handler that starts a pan. */
export function useCanvasGestures(editor: Editor, scroller: RefObject<HTMLElement | null>, board: unknown) {
  // The wheel needs a non-passive listener.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      zoomBy(editor, el, Math.exp(-e.deltaY / 300), e.clientX, e.clientY);
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    const stopFitting = keepFitted(editor, el);
    return () => {
      el.removeEventListener("wheel", onWheel);
      stopFitting();
    };
  }, [editor, scroller, board]);

  const space = useRef(false);
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.code === "Space" && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
        space.current = true;
        if (e.target === document.body || (e.target as HTMLElement).closest?.(".board-scroll")) e.preventDefault();
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === "Space") space.current = false;
    };
    const listening = new AbortController();
    window.addEventListener("keydown", down, { signal: listening.signal });
    window.addEventListener("keyup", up, { signal: listening.signal });
    return () => listening.abort();
  }, []);
  return (e: ReactPointerEvent<HTMLElement>) => {
    if (!(e.button === 1 || (e.button === 0 && space.current))) return;
    e.preventDefault();
    e.stopPropagation();
    const el = e.currentTarget;
    const start = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop };
    el.classList.add("panning");
    const pan = (ev: PointerEvent) => {
      el.scrollLeft = start.left - (ev.clientX - start.x);
      el.scrollTop = start.top - (ev.clientY - start.y);
    };
    const end = () => el.classList.remove("panning");
    followPointer(e, { start: pan, move: pan, drop: end, cancel: end });
    // With Space held the pointer is a hand: the click that ends the gesture reaches nothing under
    // it (in a vote it gave the card where the pan began a dot).
    const swallow = (ev: MouseEvent) => (ev.stopPropagation(), ev.preventDefault());
    window.addEventListener(
      "pointerup",
      () => {
        window.addEventListener("click", swallow, { capture: true, once: true });
        setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 0);
      },
      { capture: true, once: true },
    );
  };
}
