// The editor's actions (registry.ts) as this screen carries them out: the keys, the native menu
// and the toolbar all run them through the context made here.
import { useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from "react";
import type { Editor } from "../state/store";
import { onMenuChoice } from "../components/Menus";
import { editorAction, runEditorAction, type EditorContext } from "../actions/registry";
import { installKeys } from "./keys";
import type { Panel } from "./panels";

/** What the actions open and do on this screen; the latest of each is called. */
export interface Screens {
  setPrinting(on: boolean): void;
  setExporting(on: boolean): void;
  setCapturing(on: boolean): void;
  setPresenting(on: boolean): void;
  showPanel(panel: Panel | null): void;
  toggleDetails(): void;
}

/** While a round or the presenter view is shown, nothing may change the journey behind it. */
export type Away = "presenting" | "round" | null;

export function useEditorContext(editor: Editor, scroller: RefObject<HTMLElement | null>, away: RefObject<Away>, screens: Screens): EditorContext {
  const latest = useRef(screens);
  useLayoutEffect(() => {
    latest.current = screens;
  });
  const ctx: EditorContext = useMemo(
    () => ({
      editor,
      scroller: () => scroller.current,
      away: () => away.current,
      toggleDetails: () => latest.current.toggleDetails(),
      open: (screen) => {
        const s = latest.current;
        if (screen === "poster") s.setPrinting(true);
        else if (screen === "export") s.setExporting(true);
        else if (screen === "capture") s.setCapturing(true);
        else if (screen === "present") s.setPresenting(true);
        else s.showPanel(screen);
      },
    }),
    [editor, scroller, away],
  );
  // Before the board is first painted: a key pressed as soon as the cards show is not lost.
  useLayoutEffect(() => installKeys(ctx), [ctx]);
  useEffect(() => onMenuChoice((id) => runIn(ctx, id)), [ctx]);
  return ctx;
}

/** Runs the editor's action `id` (see registry.ts), as its key and its menu entry do. */
export function runIn(ctx: EditorContext, id: string): void {
  const action = editorAction(id);
  if (action) runEditorAction(action, ctx);
}
