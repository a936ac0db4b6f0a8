import { useEffect, useEffectEvent } from "react";
import { type Editor, useView } from "../state/store";

/**
 * A phase header or row label starts renaming itself when the keyboard asks for it (Enter or F2
 * on the focused header, `renameBand` in registry.ts), as a double-click on its title does.
 */
export function useRenameAsked(editor: Editor, id: string, start: () => void): void {
  const asked = useView(editor, (s) => s.renaming === id);
  // `start` is made anew on every render; `asked` is what triggers it.
  const begin = useEffectEvent(start);
  useEffect(() => {
    if (!asked) return;
    editor.view.set({ renaming: null });
    begin();
  }, [asked, editor]);
}

/** After the inline field closes, the focus goes back to the header it was in, unless it went elsewhere. */
export function focusBack(el: HTMLElement | null): void {
  // A task, not an animation frame: WebKitGTK may hold frames back for a quarter of a second.
  setTimeout(() => {
    if (el && (document.activeElement === document.body || document.activeElement === null)) el.focus({ preventScroll: true });
  }, 0);
}
