// The board keeps to what is stored while others write: notes and dots from phones in the room
// appear as they arrive, and when another window or the CLI changed the file the board shows
// what is stored now.
import { useEffect, useLayoutEffect, useRef } from "react";
import { events, listenUntil, type Card } from "../ipc";
import { onRemoteChange, remoteState } from "../ipc/remote";
import { coEditorNamed } from "../journey/coEditors";
import { useT } from "../i18n/context";
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

/** The fields of a card a person sees change in the card panel, in the order they are named. */
const FIELDS = ["title", "notes", "emotion", "colour", "channel", "tags", "votes"] as const satisfies readonly (keyof Card)[];

/**
 * On a co-editor's page: when someone else changes a field of the card this editor has open (in
 * the card panel, or being typed in), `tell` says who changed what, before the board shows it.
 */
export function useOverwriteNotice(editor: Editor, tell: (message: string) => void): void {
  const { t } = useT();
  const latest = useRef(tell);
  useLayoutEffect(() => {
    latest.current = tell;
  });
  useEffect(
    () =>
      onRemoteChange(({ by, changes }) => {
        if (by !== null && by === remoteState().me?.number) return;
        const { editing, selection } = editor.view.get();
        const open = editing && "card" in editing ? editing.card : selection.size === 1 ? [...selection][0] : undefined;
        const before = editor.journey.get().doc.cards.find((c) => c.id === open);
        const after = changes.cards.find((c) => c.id === open);
        const field = before && after && FIELDS.find((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
        if (!field) return;
        const who = by === null ? t.coEditing.facilitator : (coEditorNamed(by)?.name ?? t.coEditing.facilitator);
        latest.current(t.coEditing.changedCard(who, t.coEditing.field(field)));
      }),
    [editor, t],
  );
}
