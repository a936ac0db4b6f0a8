import { followPointer } from "./drag";
import { onScreen } from "../components/rects";

/**
 * Drag to reorder a band of siblings (phase headers left-to-right, row labels top-to-bottom).
 * The target index is shown by a class on the sibling it would land before (or after, for the
 * end); `onDrop` gets the final index of the dragged item, the element pressed.
 */
export function reorderByDrag(down: React.PointerEvent<HTMLElement>, opts: { selector: string; axis: "x" | "y"; onDrop(index: number): void }): void {
  const self = down.currentTarget;
  const others = () => [...document.querySelectorAll<HTMLElement>(opts.selector)].filter((el) => el !== self);
  const clear = () => document.querySelectorAll(".reorder-before, .reorder-after").forEach((el) => el.classList.remove("reorder-before", "reorder-after"));
  const end = () => {
    clear();
    self.classList.remove("reordering");
  };
  let index = -1;
  followPointer(down, {
    start() {
      self.classList.add("reordering");
    },
    move(ev) {
      const list = others();
      const at = opts.axis === "x" ? ev.clientX : ev.clientY;
      index = list.filter((el) => {
        const r = onScreen(el);
        return opts.axis === "x" ? r.left + r.width / 2 < at : r.top + r.height / 2 < at;
      }).length;
      clear();
      const before = list[index];
      if (before) before.classList.add("reorder-before");
      else list[list.length - 1]?.classList.add("reorder-after");
    },
    drop() {
      end();
      if (index >= 0) opts.onDrop(index);
    },
    cancel: end,
  });
}
