import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/context";
import { type Editor, useJourney, useView } from "../state/store";
import { addCard, addCardsFromLines } from "../journey/actions";
import { stepCell } from "./capture";
import { clip, LIMITS } from "../journey/limits";
import { isTab } from "../components/Modal";

/**
 * Quick capture: one field at the bottom of the editor for the sticky notes people call out.
 * Enter adds the card to the target cell and keeps the field ready; Tab and Shift+Tab move the
 * target down and up the rows (then on to the next phase); pasted lines become one card each.
 */
export function CaptureBar({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const { t } = useT();
  const doc = useJourney(editor, (s) => s.doc);
  const focused = useView(editor, (s) => s.focusedCell);
  const [text, setText] = useState("");
  const [count, setCount] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  // The target is the focused cell; without one, the first cell of the journey.
  const valid = focused && doc.phases.some((p) => p.id === focused.phase) && doc.rows.some((r) => r.id === focused.row && !r.hidden);
  const target = valid ? focused : stepCell(doc, null, 0);
  useEffect(() => {
    if (target && !valid) editor.view.set({ focusedCell: target });
  }, [target, valid, editor]);
  useEffect(() => {
    if (!target) return;
    document.querySelector(`.cell[data-phase="${target.phase}"][data-row="${target.row}"]`)?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }, [target]);
  useEffect(() => input.current?.focus(), []);

  const phase = doc.phases.find((p) => p.id === target?.phase);
  const row = doc.rows.find((r) => r.id === target?.row);
  const commit = () => {
    const title = text.trim();
    if (!title || !target) return;
    setText("");
    setCount((n) => n + 1);
    void addCard(editor, target, title);
  };
  const move = (step: number) => editor.view.set({ focusedCell: stepCell(doc, target, step), selection: new Set() });

  return (
    <form className="capture-bar" onSubmit={(e) => (e.preventDefault(), commit())} aria-label={t.capture.title}>
      <span className="capture-target" aria-live="polite">
        {phase && row ? (
          <>
            <strong>{phase.title}</strong> › {row.title}
          </>
        ) : (
          t.capture.noCell
        )}
      </span>
      <input
        ref={input}
        value={text}
        placeholder={t.capture.placeholder}
        aria-label={t.capture.title}
        onChange={(e) => setText(clip(e.target.value, LIMITS.titleChars))}
        onKeyDown={(e) => {
          if (isTab(e)) {
            e.preventDefault();
            move(e.shiftKey ? -1 : 1);
          } else if (e.key === "Escape") {
            e.preventDefault();
            onClose();
          }
        }}
        onPaste={(e) => {
          const pasted = e.clipboardData.getData("text/plain");
          if (!pasted.includes("\n") || !target) return;
          e.preventDefault();
          const lines = pasted.split(/\r?\n/).filter((l) => l.trim());
          setCount((n) => n + lines.length);
          void addCardsFromLines(editor, target, pasted);
        }}
      />
      <span className="capture-count">{t.capture.count(count)}</span>
      <button type="button" onClick={onClose}>
        {t.close}
      </button>
    </form>
  );
}
