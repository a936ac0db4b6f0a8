// The native window follows the journey: its title is the journey's name, and the menu's Undo
// and Redo say what they will undo.
import { useEffect } from "react";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { api, inTauri, type UndoState } from "../ipc";
import type { Messages } from "../i18n";
import { useT } from "../i18n/context";
import { useJourney, type Editor } from "../state/store";

export function useNativeWindow(editor: Editor, name: string): void {
  const { t } = useT();
  // The menu's Undo/Redo are greyed out when there is nothing; they are sent again when that
  // changes, not on every step.
  const { undo, redo } = useJourney(editor, (s) => s.history);
  useEffect(() => {
    api.updateMenu(historyLabels(t, { undo, redo }), { undo: undo !== null, redo: redo !== null }, {}).catch(() => undefined);
  }, [undo, redo, t]);
  useEffect(() => {
    document.title = `${name} — Journeywall`;
    inTauri(() => getCurrentWindow().setTitle(`${name} — Journeywall`));
  }, [name]);
}

/** What Undo and Redo will do ("Undo move card"), as the toolbar and the menu name them. */
export function historyLabels(t: Messages, history: Pick<UndoState, "undo" | "redo">): { undo: string; redo: string } {
  return { undo: history.undo ? t.undoLabel(t.editName(history.undo)) : t.undo, redo: history.redo ? t.redoLabel(t.editName(history.redo)) : t.redo };
}
