// What the editor tells the user as things happen: each change in words for screen readers, and
// an edit the core refused.
import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/context";
import { Editor, useJourney } from "../state/store";
import { describeChange } from "../board/announce";
import { Notice } from "../components/Notice";

/** Says each change in words for screen readers (a polite live region, visually hidden). */
export function Announcer({ editor }: { editor: Editor }) {
  const { t } = useT();
  const change = useJourney(editor, (s) => s.lastChange);
  const [said, setSaid] = useState("");
  // Worked out once per change (not on every redraw, nor again when the language changes), and
  // told again when the same words recur.
  const told = useRef(0);
  useEffect(() => {
    if (!change || change.seq === told.current) return;
    told.current = change.seq;
    setSaid(describeChange(t, change, editor.journey.get().doc) + (change.seq % 2 ? "" : "\u00a0"));
  }, [change, editor, t]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
      {said}
    </div>
  );
}

/** The core's refusal of the last edit, until the user dismisses it. */
export function ErrorToast({ editor }: { editor: Editor }) {
  const { t } = useT();
  const error = useJourney(editor, (s) => s.error);
  if (!error) return null;
  return (
    <Notice error onDismiss={() => editor.journey.set({ error: null })}>
      {t.refused} {error}
    </Notice>
  );
}
