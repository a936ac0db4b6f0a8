import { useEffect, useEffectEvent, useRef, useState } from "react";
import { type Editor, useView } from "../state/store";

/**
 * What a phase header or row label is editing in its place (`title`, or a phase's question), and
 * the header itself (`self`). After `stop`, the focus goes back to the header, unless it went
 * elsewhere.
 */
export function useEditInPlace<K extends string>(editor: Editor, id: string, title: K) {
  const [editing, setEditing] = useState<K | null>(null);
  const self = useRef<HTMLDivElement>(null);
  useRenameAsked(editor, id, () => setEditing(title));
  const stop = () => {
    setEditing(null);
    const el = self.current;
    // A task, not an animation frame: WebKitGTK may hold frames back for a quarter of a second.
    setTimeout(() => {
      if (el && (document.activeElement === document.body || document.activeElement === null)) el.focus({ preventScroll: true });
    }, 0);
  };
  return { editing, setEditing, self, stop };
}

/**
 * A phase header or row label starts renaming itself when the keyboard asks for it (Enter or F2
 * on the focused header, `renameBand` in registry.ts), as a double-click on its title does.
 */
function useRenameAsked(editor: Editor, id: string, start: () => void): void {
  const asked = useView(editor, (s) => s.renaming === id);
  // `start` is made anew on every render; `asked` is what triggers it.
  const begin = useEffectEvent(start);
  useEffect(() => {
    if (!asked) return;
    editor.view.set({ renaming: null });
    begin();
  }, [asked, editor]);
}
