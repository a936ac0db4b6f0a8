// The editor's keyboard: every shortcut calls the same action as its button or menu item.
import type { Editor } from "../state/store";
import { cellOf, copySelection, deleteSelection, duplicateSelection, nudgeSelection, paste, selectedCards } from "../journey/actions";
import { fitZoom, zoomBy, zoomTo } from "./zoom";

const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT");

/** Moves the selection to the neighbouring card (arrows without Ctrl). */
function step(editor: Editor, key: string): void {
  const { doc, selection } = editor.get();
  const current = doc.cards.find((c) => selection.has(c.id));
  if (!current) {
    const first = [...doc.cards].sort((a, b) => a.position - b.position)[0];
    if (first) editor.set({ selection: new Set([first.id]), focusedCell: cellOf(first) });
    return;
  }
  const inCell = (phase: string, row: string) => doc.cards.filter((c) => c.phase === phase && c.row === row).sort((a, b) => a.position - b.position);
  let next = undefined;
  if (key === "ArrowUp" || key === "ArrowDown") {
    next = inCell(current.phase, current.row)[current.position + (key === "ArrowUp" ? -1 : 1)];
  } else {
    const p = doc.phases.findIndex((x) => x.id === current.phase) + (key === "ArrowLeft" ? -1 : 1);
    const phase = doc.phases[p];
    if (phase) {
      const cards = inCell(phase.id, current.row);
      next = cards[Math.min(current.position, cards.length - 1)];
      if (!next) editor.set({ selection: new Set(), focusedCell: { phase: phase.id, row: current.row } });
    }
  }
  if (next) {
    editor.set({ selection: new Set([next.id]), focusedCell: cellOf(next) });
    document.querySelector<HTMLElement>(`[data-card-id="${next.id}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
}

export function installKeys(editor: Editor, scroller: () => HTMLElement | null): () => void {
  const onKey = (e: KeyboardEvent) => {
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key;
    if (mod && (key === "z" || key === "Z") && !e.shiftKey) {
      if (typing(e.target)) return; // the text field's own undo
      e.preventDefault();
      void editor.undo();
      return;
    }
    if (mod && ((key === "z" || key === "Z") && e.shiftKey || key === "y" || key === "Y")) {
      if (typing(e.target)) return;
      e.preventDefault();
      void editor.redo();
      return;
    }
    if (mod && (key === "=" || key === "+")) {
      e.preventDefault();
      zoomBy(editor, scroller(), 1.25);
      return;
    }
    if (mod && key === "-") {
      e.preventDefault();
      zoomBy(editor, scroller(), 0.8);
      return;
    }
    if (mod && key === "0") {
      e.preventDefault();
      fitZoom(editor, scroller());
      return;
    }
    if (typing(e.target) || editor.get().editing) return;

    const { selection, focusedCell } = editor.get();
    if (mod && (key === "a" || key === "A")) {
      e.preventDefault();
      editor.set({ selection: new Set(editor.get().doc.cards.map((c) => c.id)) });
    } else if (mod && (key === "d" || key === "D")) {
      e.preventDefault();
      void duplicateSelection(editor);
    } else if (mod && key.startsWith("Arrow")) {
      e.preventDefault();
      void nudgeSelection(editor, key.slice(5).toLowerCase() as "up" | "down" | "left" | "right");
    } else if (!mod && key.startsWith("Arrow")) {
      e.preventDefault();
      step(editor, key);
    } else if (key === "Delete" || key === "Backspace") {
      if (selection.size === 0) return;
      e.preventDefault();
      void deleteSelection(editor);
    } else if ((key === "Enter" || key === "F2") && selection.size === 1) {
      e.preventDefault();
      editor.set({ editing: { card: [...selection][0]! } });
    } else if ((key === "n" || key === "N") && !mod && !e.altKey) {
      const cell = focusedCell ?? (selectedCards(editor)[0] ? cellOf(selectedCards(editor)[0]!) : null);
      if (!cell) return;
      e.preventDefault();
      const length = editor.get().doc.cards.filter((c) => c.phase === cell.phase && c.row === cell.row).length;
      editor.set({ editing: { cell, index: length } });
    } else if (key === "Escape") {
      editor.set({ selection: new Set() });
    } else if (key === "0" && !mod) {
      zoomTo(editor, scroller(), 1);
    }
  };
  const onCopy = (e: ClipboardEvent) => {
    if (typing(e.target) || !e.clipboardData) return;
    if (copySelection(editor, e.clipboardData)) e.preventDefault();
  };
  const onPaste = (e: ClipboardEvent) => {
    if (typing(e.target) || !e.clipboardData) return;
    const first = selectedCards(editor)[0];
    const cell = editor.get().focusedCell ?? (first ? cellOf(first) : null);
    if (!cell) return;
    e.preventDefault();
    void paste(editor, cell, e.clipboardData);
  };
  window.addEventListener("keydown", onKey);
  document.addEventListener("copy", onCopy);
  document.addEventListener("paste", onPaste);
  return () => {
    window.removeEventListener("keydown", onKey);
    document.removeEventListener("copy", onCopy);
    document.removeEventListener("paste", onPaste);
  };
}
