import { useEffect, useRef, useState } from "react";
import { followPointer } from "../board/drag";
import { InlineInput } from "../components/Menu";
import { useFocusTrap } from "../components/Modal";
import { dropTarget } from "../board/dropTarget";
import { api, events, listenUntil, type Note, type RoomInfo } from "../ipc";
import { useT } from "../i18n/context";
import type { Messages } from "../i18n";
import { type Editor, useJourney, useView } from "../state/store";
import { sendFocus } from "./roomFocus";
import { showArrived } from "../actions/walk";
import { PanelHead } from "../components/PanelHead";
import { Check } from "../components/Check";

/**
 * The room, in the side panel: open it (phones join over the local network with the QR code),
 * see how many joined, and sort the inbox of notes they sent: place each where it was aimed, in
 * the cell selected on the board, or discard it. Placing is an edit like any other, so Ctrl+Z
 * puts a note back in the inbox.
 */
export function RoomPanel({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const { t } = useT();
  const journey = editor.journeyId;
  const [room, setRoom] = useState<RoomInfo | null>(null);
  // A room open for another journey: one laptop runs one room, so it is closed here first.
  const [elsewhere, setElsewhere] = useState<RoomInfo | null>(null);
  const [anonymous, setAnonymous] = useState(false);
  const [straight, setStraight] = useState(false);
  const [big, setBig] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void api.roomInfo().then(
      (r) => {
        setRoom(r && r.journey === journey ? r : null);
        setElsewhere(r && r.journey !== journey ? r : null);
      },
      () => undefined,
    );
    return listenUntil(() =>
      events.roomChanged.listen((e) => setRoom((r) => (r && e.payload.journey === r.journey ? { ...r, phones: e.payload.phones } : r))),
    );
  }, [journey]);

  const open = () =>
    api.openRoom(journey, { anonymous, straight, port: null, bind: null }).then(
      (r) => {
        setRoom(r);
        setProblem(null);
        sendFocus();
      },
      (e: Error) => setProblem(e.message),
    );
  const close = () =>
    api.closeRoom().then(
      () => {
        setRoom(null);
        setElsewhere(null);
      },
      (e: Error) => setProblem(e.message),
    );

  return (
    <aside className="inspector room-panel" aria-label={t.room.title}>
      <PanelHead title={t.room.title} onClose={onClose} />
      {problem ? (
        <p className="room-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {room ? (
        <>
          <button className="room-qr" onClick={() => setBig(true)} title={t.room.showLarge} aria-label={t.room.showLarge}>
            <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(room.qr)}`} alt={t.room.qrAlt(room.link)} />
          </button>
          <p className="room-link">
            <span>{t.room.orType}</span> <strong>{room.link}</strong>
          </p>
          {!room.onNetwork ? (
            <p className="room-problem" role="status">
              {t.room.noNetwork}
            </p>
          ) : null}
          <p className="room-phones" role="status" aria-live="polite">
            {t.room.phones(room.phones)}
          </p>
          <p className="hint">{room.straight ? t.room.straightOn : t.room.inboxOn}</p>
          <div className="vote-actions">
            <button onClick={() => setBig(true)}>{t.room.showLarge}</button>
            <button className="danger-text" onClick={() => void close()}>
              {t.room.close}
            </button>
          </div>
          <Inbox editor={editor} />
          {big ? <LargeQr room={room} onClose={() => setBig(false)} /> : null}
        </>
      ) : (
        <>
          <p className="hint">{t.room.intro}</p>
          {elsewhere ? (
            <p className="room-problem" role="status">
              {t.room.openElsewhere}{" "}
              <button onClick={() => void close()}>{t.room.close}</button>
            </p>
          ) : null}
          <Check label={t.room.anonymous} value={anonymous} onChange={setAnonymous} />
          <Check label={t.room.straight} value={straight} onChange={setStraight} />
          <button className="primary" onClick={() => void open()} disabled={elsewhere !== null}>
            {t.room.open}
          </button>
          <Inbox editor={editor} />
        </>
      )}
    </aside>
  );
}

const NO_NOTES: Note[] = [];

/** The notes waiting, grouped by the phase and row they were aimed at. */
function Inbox({ editor }: { editor: Editor }) {
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
    const key = aimed(n) ? `${title(phases, n.phase)} · ${title(rows, n.row)}` : t.room.unaimed;
    groups.set(key, [...(groups.get(key) ?? []), n]);
  }
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
  const stopEditing = (note: string) => {
    setEditing(null);
    requestAnimationFrame(() => section.current?.querySelector<HTMLElement>(`[data-note-id="${note}"] .note-edit`)?.focus());
  };

  return (
    <section className="room-inbox" aria-label={t.room.inbox} ref={section}>
      <h3 tabIndex={-1}>
        {t.room.inbox} <span className="count">{waiting.length}</span>
      </h3>
      {waiting.length === 0 ? <p className="hint">{t.room.inboxEmpty}</p> : null}
      {waiting.some(aimed) ? (
        <button className="primary" onClick={() => void arrived(editor.send({ type: "placeAimedNotes" }))}>
          {t.room.placeAll}
        </button>
      ) : null}
      {[...groups].map(([group, notes]) => (
        <div key={group} className="inbox-group">
          <h4>{group}</h4>
          <ul>
            {notes.map((n) => (
              <li key={n.id} className="inbox-note" data-note-id={n.id} onPointerDown={(e) => dragNote(e, editor, n)} title={t.room.dragHint}>
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

/** The QR code as large as the screen allows, for the room to scan from their seats. */
function LargeQr({ room, onClose }: { room: RoomInfo; onClose(): void }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, onClose);
  return (
    <div ref={ref} className="room-large" role="dialog" aria-modal="true" aria-label={t.room.showLarge}>
      <JoinCodeView link={room.link} qr={room.qr} t={t} />
      <p>{t.room.phones(room.phones)}</p>
      <button autoFocus onClick={onClose}>
        {t.close}
      </button>
    </div>
  );
}

/** The join code and its link, large: in the panel's overlay, the presenter view and the projector. */
export function JoinCodeView({ link, qr, t }: { link: string; qr: string; t: Messages }) {
  return (
    <div className="join-code">
      <img src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr)}`} alt={t.room.qrAlt(link)} />
      <p className="room-link">
        <span>{t.room.orType}</span> <strong>{link}</strong>
      </p>
    </div>
  );
}
