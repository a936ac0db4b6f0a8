// The room's inbox: the notes phones sent, waiting to be placed on the board or discarded.
import { useRef, useState } from "react";
import { followPointer } from "../board/drag";
import { InlineInput } from "../components/Menu";
import { dropTarget } from "../board/dropTarget";
import type { Note } from "../ipc";
import { useT } from "../i18n/context";
import { type Editor, useJourney, useView } from "../state/store";
import { showArrived } from "../actions/walk";
import { asOneStep } from "../journey/cells";

const NO_NOTES: Note[] = [];
const NO_IDS: ReadonlySet<string> = new Set();

/**
 * The notes waiting, grouped by the phase and row they were aimed at. Notes of phones the
 * facilitator removed from the room (`removed`, their ids) are marked, and go together.
 */
export function Inbox({ editor, titled = true, removed = NO_IDS }: { editor: Editor; titled?: boolean; removed?: ReadonlySet<string> }) {
  const { t } = useT();
  const inbox = useJourney(editor, (s) => s.doc.inbox ?? NO_NOTES);
  const phases = useJourney(editor, (s) => s.doc.phases);
  const rows = useJourney(editor, (s) => s.doc.rows);
  const cell = useView(editor, (s) => s.focusedCell);
  const [editing, setEditing] = useState<string | null>(null);
  const waiting = inbox.filter((n) => n.state === "inbox");
  const title = (list: { id: string; title: string }[], id: string | null) => list.find((x) => x.id === id)?.title ?? null;
  const aimed = (n: Note) => title(phases, n.phase) !== null && title(rows, n.row) !== null;
  const groups = new Map<string, Note[]>();
  for (const n of waiting) {
    // A note aimed at a phase or a row only waits under it, to be dragged where it goes.
    const [phase, row] = [title(phases, n.phase), title(rows, n.row)];
    const key = phase === null && row === null ? t.room.unaimed : `${phase ?? t.room.anyPhase} · ${row ?? t.room.anyRow}`;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
  const ofRemoved = waiting.filter((n) => removed.has(n.id));
  const here = cell ? `${title(phases, cell.phase) ?? ""} · ${title(rows, cell.row) ?? ""}` : null;
  const section = useRef<HTMLElement>(null);
  /**
   * Once `sent` has taken a note out of the inbox, the keyboard goes on to the note that took its
   * place (else the inbox's heading), never to the page's body; a focus put elsewhere is left be.
   */
  const focusNext = (button: HTMLElement, sent: Promise<unknown>) => {
    // Its place on screen (the notes are grouped by where they were aimed), taken as it is pressed.
    const index = [...(section.current?.querySelectorAll(".inbox-note") ?? [])].indexOf(button.closest(".inbox-note")!);
    void arrived(sent).then(() =>
      requestAnimationFrame(() => {
        if (document.activeElement !== document.body && document.activeElement !== null) return;
        const notes = section.current?.querySelectorAll<HTMLElement>(".inbox-note") ?? [];
        const next = notes[Math.min(Math.max(index, 0), notes.length - 1)];
        (next?.querySelector<HTMLElement>(".note-actions button") ?? section.current?.querySelector<HTMLElement>("h3"))?.focus();
      }),
    );
  };
  /** The cards `sent` adds are shown where they land on the board. */
  const arrived = <T,>(sent: Promise<T>): Promise<T> => {
    const before = new Set(editor.journey.get().doc.cards.map((c) => c.id));
    return sent.then((answer) => {
      showArrived(editor.journey.get().doc.cards.filter((c) => !before.has(c.id)).map((c) => c.id));
      return answer;
    });
  };
  /** Discards `notes` in one step, which one Ctrl+Z takes back. */
  const discardAll = (notes: Note[]) => {
    const edit = asOneStep(notes.map((n) => ({ type: "discardNote", note: n.id })));
    if (edit) void editor.send(edit);
  };
  const stopEditing = (note: string) => {
    setEditing(null);
    requestAnimationFrame(() => section.current?.querySelector<HTMLElement>(`[data-note-id="${note}"] .note-edit`)?.focus());
  };

  return (
    <section className="room-inbox" aria-label={t.room.inbox} ref={section}>
      {/* Under the room's Inbox tab, the tab names it: the heading stays for the keyboard and for screen readers. */}
      <h3 tabIndex={-1} className={titled ? undefined : "visually-hidden"}>
        {t.room.inbox} <span className="count">{waiting.length}</span>
      </h3>
      {waiting.length === 0 ? <p className="hint">{t.room.inboxEmpty}</p> : null}
      {waiting.some(aimed) ? (
        <button className="primary" onClick={() => void arrived(editor.send({ type: "placeAimedNotes" }))}>
          {t.room.placeAll}
        </button>
      ) : null}
      {ofRemoved.length > 0 ? (
        <button className="danger-text" onClick={() => discardAll(ofRemoved)}>
          {t.room.discardRemoved(ofRemoved.length)}
        </button>
      ) : null}
      {[...groups].map(([group, notes]) => (
        <div key={group} className="inbox-group">
          <h4>{group}</h4>
          <ul>
            {notes.map((n) => (
              <li key={n.id} className={`inbox-note${removed.has(n.id) ? " from-removed" : ""}`} data-note-id={n.id} onPointerDown={(e) => dragNote(e, editor, n)} title={t.room.dragHint}>
                {editing === n.id ? (
                  <InlineInput
                    initial={n.text}
                    label={t.room.editNote}
                    onClose={() => stopEditing(n.id)}
                    onCommit={(text) => editor.send({ type: "updateNote", note: n.id, text })}
                  />
                ) : (
                  <p dir="auto" onDoubleClick={() => setEditing(n.id)}>
                    {n.text}
                  </p>
                )}
                {n.author ? <p className="author">{n.author}</p> : null}
                {removed.has(n.id) ? <p className="removed-mark">{t.room.fromRemoved}</p> : null}
                <div className="note-actions">
                  {aimed(n) ? (
                    <button onClick={(e) => focusNext(e.currentTarget, editor.send({ type: "placeNote", note: n.id }))}>{t.room.place}</button>
                  ) : null}
                  {cell ? (
                    <button
                      onClick={(e) => focusNext(e.currentTarget, editor.send({ type: "placeNote", note: n.id, phase: cell.phase, row: cell.row }))}
                      title={t.room.placeHere(here ?? "")}
                    >
                      {t.room.placeHereShort}
                    </button>
                  ) : null}
                  <button className="note-edit" onClick={() => setEditing(n.id)}>
                    {t.room.edit}
                  </button>
                  <button className="danger-text" onClick={(e) => focusNext(e.currentTarget, editor.send({ type: "discardNote", note: n.id }))}>
                    {t.room.discard}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
      {waiting.some((n) => !aimed(n)) && !cell ? <p className="hint">{t.room.selectCell}</p> : null}
    </section>
  );
}

/**
 * Drags a note from the inbox onto the board: the cell under the pointer is marked, and the drop
 * places the note there, at the index where it was let go. A press on its buttons is no drag.
 */
function dragNote(down: React.PointerEvent<HTMLElement>, editor: Editor, note: Note) {
  if (down.button !== 0 || (down.target as HTMLElement).closest("button, input, textarea")) return;
  let ghost: HTMLElement | null = null;
  let marked: Element | null = null;
  const mark = (x: number, y: number) => {
    const target = dropTarget(x, y);
    const cell = target ? document.querySelector(`[data-drop-cell][data-phase="${target.phase}"][data-row="${target.row}"]`) : null;
    if (cell !== marked) {
      marked?.classList.remove("drop-target");
      cell?.classList.add("drop-target");
      marked = cell;
    }
    return target;
  };
  const end = () => {
    ghost?.remove();
    marked?.classList.remove("drop-target");
    document.body.classList.remove("dragging");
  };
  followPointer(
    down,
    {
      start(e) {
        // A drag selects no text on its way (it left the whole panel selected).
        document.body.classList.add("dragging");
        window.getSelection()?.removeAllRanges();
        ghost = document.createElement("div");
        ghost.className = "note-ghost";
        ghost.textContent = note.text;
        document.body.append(ghost);
        this.move(e);
      },
      move(e) {
        if (ghost) ghost.style.transform = `translate(${e.clientX + 8}px, ${e.clientY + 8}px)`;
        mark(e.clientX, e.clientY);
      },
      drop(e) {
        const target = mark(e.clientX, e.clientY);
        end();
        if (target) void editor.send({ type: "placeNote", note: note.id, phase: target.phase, row: target.row, index: target.index });
      },
      cancel: end,
    },
    document.querySelector<HTMLElement>(".board-scroll"),
  );
}
