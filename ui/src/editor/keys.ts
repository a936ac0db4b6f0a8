// The editor's keyboard: a key runs the action the registry binds it to (`registry.ts`), the same
// action as its button and its menu entry. Copy and paste arrive as clipboard events instead.
import { EDITOR_ACTIONS, actionForKey, onBoard, runEditorAction, typing, type EditorContext } from "../actions/registry";
import { cellOf, copySelection, paste, selectedCards } from "../journey/actions";

export function installKeys(ctx: EditorContext): () => void {
  const { editor } = ctx;
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const action = actionForKey(EDITOR_ACTIONS, e, !editor.view.get().editing && onBoard(e.target), ctx);
    if (!action) return;
    // A key bound everywhere is the app's even when it does nothing now (Ctrl+P never prints the page).
    if (runEditorAction(action, ctx, e) || action.scope === "always") e.preventDefault();
  };
  const onCopy = (e: ClipboardEvent) => {
    if (ctx.away() || typing(e.target) || !e.clipboardData) return;
    if (copySelection(editor, e.clipboardData)) e.preventDefault();
  };
  const onPaste = (e: ClipboardEvent) => {
    if (ctx.away() || typing(e.target) || !e.clipboardData) return;
    const first = selectedCards(editor)[0];
    const cell = editor.view.get().focusedCell ?? (first ? cellOf(first) : null);
    if (!cell) return;
    e.preventDefault();
    void paste(editor, cell, e.clipboardData);
  };
  // One abort takes every listener away again.
  const listening = new AbortController();
  window.addEventListener("keydown", onKey, { signal: listening.signal });
  document.addEventListener("copy", onCopy, { signal: listening.signal });
  document.addEventListener("paste", onPaste, { signal: listening.signal });
  return () => listening.abort();
}
