// How the board is drawn at a zoom. Above PICTURE_BELOW, CSS `zoom`: the board is laid out anew
// at that size and its sticky headers stay put while it scrolls. Below it, WebKitGTK keeps text
// at a minimum size while the columns shrink (at 50 % a card's title took three lines instead of
// two; at 10 % it wrapped letter by letter and Fit chased a board that grew taller as it shrank),
// so the board is scaled as a picture instead: laid out at 100 %, drawn smaller by a transform,
// and its footprint cut to the scaled size with negative margins so the view scrolls no further.
import { useLayoutEffect, useState, type CSSProperties, type RefObject } from "react";

/** The smallest zoom at which WebKit still scales the board's text with its columns. */
export const PICTURE_BELOW = 0.67;

export const isPicture = (zoom: number) => zoom < PICTURE_BELOW;

/** The board's style at `zoom`: CSS zoom, or as a picture, its footprint following its size. */
export function useBoardScale(board: RefObject<HTMLElement | null>, zoom: number): CSSProperties {
  const picture = isPicture(zoom);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  useLayoutEffect(() => {
    const el = board.current;
    if (!el || !picture) return;
    // Fires once at once, then on every change of the board's laid-out size.
    const observer = new ResizeObserver(() => setSize({ w: el.offsetWidth, h: el.offsetHeight }));
    observer.observe(el);
    return () => observer.disconnect();
  }, [board, picture]);
  if (!picture) return { zoom };
  return { transform: `scale(${zoom})`, marginRight: size ? -(1 - zoom) * size.w : 0, marginBottom: size ? -(1 - zoom) * size.h : 0 };
}
