// Co-editors (issue 26) as a board shows them: the cards each has selected, outlined in their
// colour with their name, and the card one is typing in. The laptop's window hears who is
// editing what in the room's `roomChanged` events; a co-editor's page hears the same events from
// its transport (ipc/remote.ts), so both draw them from here. A co-editor's own page also tells
// the room what its editor selects and types in.
import { useEffect, useMemo } from "react";
import { events, listenUntil } from "../ipc";
import { remoteState, sendPresence, type EditorInfo } from "../ipc/remote";
import { Store, useStore } from "../state/observable";
import type { Editor } from "../state/store";

/** One co-editor's mark on a card. */
export interface CoEditorMark {
  name: string;
  colour: string;
  typing: boolean;
}

const coEditors = new Store<{ list: EditorInfo[]; asking: number }>({ list: [], asking: 0 });
/** Presence is sent when it has stood still this long: a walk through cards with the arrows is one message. */
const PRESENCE_MS = 150;

/** Keeps the co-editors as the room's events tell them, while the editor is open. */
export function useCoEditors(): void {
  useEffect(
    () =>
      listenUntil(() =>
        events.roomChanged.listen((e) => {
          // Not oneself: one's own selection is drawn as a selection.
          const me = remoteState().me?.number;
          coEditors.set({ list: e.payload.editors.filter((x) => x.number !== me) as EditorInfo[], asking: e.payload.asking });
        }),
      ),
    [],
  );
}

/** The co-editors on `card` (a string is picked, so a card redraws only when its own marks change). */
export function useCardMarks(card: string): CoEditorMark[] {
  const key = useStore(coEditors, ({ list }) =>
    JSON.stringify(list.filter((e) => e.selected.includes(card) || e.typing === card).map((e) => [e.name, e.colour, e.typing === card])),
  );
  return useMemo(() => (JSON.parse(key) as [string, string, boolean][]).map(([name, colour, typing]) => ({ name, colour, typing })), [key]);
}

/** How many co-editors wait to be let in (on the laptop; none on a co-editor's page). */
export const useAsking = (): number => useStore(coEditors, (s) => s.asking);

/** A co-editor by their number, as last heard (the facilitator and phones have none). */
export const coEditorNamed = (number: number | null): EditorInfo | undefined => coEditors.get().list.find((e) => e.number === number);

/** On a co-editor's page: tells the room what this editor selects and is typing in. */
export function useSendPresence(editor: Editor): void {
  useEffect(() => {
    if (remoteState().me === null) return;
    let sent = "";
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tell = () => {
      const { selection, editing } = editor.view.get();
      const selected = [...selection];
      // Typing on the card, or in a field of its panel.
      const field = document.activeElement?.closest<HTMLElement>("[data-card-fields]");
      const inPanel = field && document.activeElement?.matches("input, textarea") ? (field.dataset.cardFields ?? null) : null;
      const typing = editing && "card" in editing ? editing.card : inPanel;
      const now = JSON.stringify([selected, typing]);
      if (now === sent) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        sent = now;
        sendPresence(selected, typing);
      }, PRESENCE_MS);
    };
    const stop = editor.view.subscribe(tell);
    // Going into and out of a field of the card's panel changes nothing in the view: asked here,
    // once the focus has moved.
    const moved = () => setTimeout(tell, 0);
    document.addEventListener("focusin", moved);
    document.addEventListener("focusout", moved);
    return () => {
      stop();
      document.removeEventListener("focusin", moved);
      document.removeEventListener("focusout", moved);
      clearTimeout(timer);
    };
  }, [editor]);
}
