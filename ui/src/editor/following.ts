// The board keeps to what is stored while others write: notes and dots from phones in the room
// appear as they arrive, and when another window or the CLI changed the file the board shows
// what is stored now.
import { useEffect, useLayoutEffect, useRef } from "react";
import { events, listenUntil } from "../ipc";
import type { Editor } from "../state/store";

/** `onChanged`: the journey was changed elsewhere (and is shown as stored); `onGone`: deleted there. */
export function useFollowing(editor: Editor, onChanged: () => void, onGone: () => void): void {
  useEffect(
    () =>
      listenUntil(() =>
        events.roomChanged.listen((e) => {
          if (e.payload.journey === editor.journeyId && e.payload.changes) editor.mergeFromRoom(e.payload.changes, e.payload.history);
        }),
      ),
    [editor],
  );
  const latest = useRef({ onChanged, onGone });
  useLayoutEffect(() => {
    latest.current = { onChanged, onGone };
  });
  useEffect(() => {
    // A reload that ends after this editor closed must not close the next one.
    let mounted = true;
    const stop = listenUntil(() =>
      events.databaseChanged.listen(() => {
        void editor.followElsewhere().then((outcome) => {
          if (!mounted) return;
          if (outcome === "changed") latest.current.onChanged();
          else if (outcome === "gone") latest.current.onGone();
        });
      }),
    );
    return () => {
      mounted = false;
      stop();
    };
  }, [editor]);
}
