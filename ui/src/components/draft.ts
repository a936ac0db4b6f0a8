// A text field over a stored value. Uncontrolled fields (`defaultValue`) keep what they showed
// first: after an inline edit or an undo they show stale text, and leaving them wrote that stale
// text back. A draft exists only while the user has changed the field; otherwise it shows the
// stored truth, and leaving it writes only what the user changed.
import { useRef, useState } from "react";
import { clip } from "../journey/limits";

type Field = HTMLInputElement | HTMLTextAreaElement;

export interface DraftProps {
  value: string;
  onChange(e: React.ChangeEvent<Field>): void;
  onBlur(): void;
  onKeyDown(e: React.KeyboardEvent<Field>): void;
}

export interface DraftOptions {
  /** Enter (without Shift) commits and the focus stays (leaving the field put the keyboard on the page's body). */
  enterCommits?: boolean;
  /** The core's limit for the field (`LIMITS`): typing or pasting stops there. */
  max?: number;
}

/**
 * `commit(text)` is called on leaving the field when the user changed it; the draft stays shown
 * until that write is answered, so the field does not flash the old text. Escape keeps the draft
 * too, and takes the keyboard back to the board.
 */
export function useDraft(stored: string, commit: (text: string) => Promise<unknown> | void, { enterCommits = false, max }: DraftOptions = {}): DraftProps {
  const [draft, setDraft] = useState<string | null>(null);
  // The draft as last typed, for the blur handler that runs before React re-renders.
  const current = useRef<string | null>(null);
  const set = (d: string | null) => {
    current.current = d;
    setDraft(d);
  };
  // The text being written: Enter commits and keeps the field, so a Tab before the answer must
  // not write it again (a second undo step).
  const sending = useRef<string | null>(null);
  const leave = () => {
    const text = current.current;
    if (text === null || text === sending.current) return;
    if (text === stored) {
      set(null);
      return;
    }
    sending.current = text;
    void Promise.resolve(commit(text)).finally(() => {
      sending.current = null;
      if (current.current === text) set(null);
    });
  };
  return {
    value: draft ?? stored,
    onChange: (e) => set(max === undefined ? e.currentTarget.value : clip(e.currentTarget.value, max)),
    onBlur: leave,
    onKeyDown: (e) => {
      if (e.key === "Escape") {
        // Escape is the way back to the board, and keeps what was typed: the field showed it, and
        // everything else in the panels saves as you go (dropping it lost a persona's role).
        // Leaving the field commits it (onBlur).
        e.stopPropagation();
        document.querySelector<HTMLElement>(".board-scroll")?.focus({ preventScroll: true });
      } else if (enterCommits && e.key === "Enter" && !e.shiftKey) {
        e.preventDefault();
        leave();
      }
    },
  };
}
