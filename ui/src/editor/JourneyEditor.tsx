import { useEffect, useMemo, useRef, useState } from "react";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { api, events, listenUntil, type OpenedJourney } from "../ipc";
import { useT } from "../i18n/context";
import { Editor, useEditor } from "../state/store";
import { Board } from "../board/Board";
import { followPointer } from "../board/drag";
import { InlineInput } from "../components/Menu";
import { Inspector } from "./Inspector";
import { installKeys } from "./keys";
import { onMenuChoice } from "../components/Menus";
import { cellOf, deleteSelection, duplicateSelection, selectedCards } from "../journey/actions";
import { fitZoom, zoomBy, zoomTo } from "./zoom";
import { PosterDialog } from "../poster/PosterDialog";
import { RoomTimer } from "../workshop/RoomTimer";
import { CaptureBar } from "../workshop/CaptureBar";
import { VotePanel } from "../workshop/VotePanel";
import { VoteResults } from "../workshop/VoteResults";
import { RoundsPanel, type RoundView } from "../workshop/RoundsPanel";
import { PresenterView } from "../present/PresenterView";
import { PersonasPanel } from "../workshop/PersonasPanel";
import { RoomPanel } from "../workshop/RoomPanel";

type Panel = "vote" | "rounds" | "personas" | "room";

/** Menu entries that change the journey (ignored while a round is shown instead of it). */
const EDITS = new Set(["undo", "redo", "duplicate", "delete", "selectAll", "addCard"]);

export function JourneyEditor({ opened, onClose, onOpen }: { opened: OpenedJourney; onClose(): void; onOpen(journey: string): void }) {
  const editor = useMemo(() => new Editor(opened.doc, opened.history), [opened]);
  const scroller = useRef<HTMLDivElement>(null);
  const name = useEditor(editor, (s) => s.doc.journey.name);
  const [printing, setPrinting] = useState(false);
  const [capturing, setCapturing] = useState(false);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [presenting, setPresenting] = useState(false);
  const [roundView, setRoundView] = useState<RoundView | null>(null);
  const [restored, setRestored] = useState<{ id: string; name: string } | null>(null);
  const roundScroller = useRef<HTMLDivElement>(null);
  const showPanel = (next: Panel | null) => {
    editor.set({ voter: null });
    if (next !== "rounds") setRoundView(null);
    setPanel(next);
  };
  const [results, setResults] = useState<"ranking" | "typing" | null>(null);
  // While a round or the presenter view is shown, nothing may change the journey behind it: not
  // the editor's shortcuts, not the menu's edit entries, not quick capture.
  const away = useRef<"presenting" | "round" | null>(null);
  away.current = presenting ? "presenting" : roundView ? "round" : null;
  const [notice, setNotice] = useState<string | null>(null);
  const { t } = useT();
  const exportJourney = () =>
    api.exportJourney(opened.doc.journey.id).then(
      (path) => path && setNotice(t.exported(path)),
      (e: Error) => editor.set({ error: e.message }),
    );

  useEffect(() => (roundView || presenting ? undefined : installKeys(editor, () => scroller.current)), [editor, roundView, presenting]);
  useEffect(
    () =>
      onMenuChoice((id) => {
        if (away.current === "presenting" || (away.current === "round" && EDITS.has(id))) return;
        const el = scroller.current;
        if (id === "undo") void editor.undo();
        else if (id === "redo") void editor.redo();
        else if (id === "duplicate") void duplicateSelection(editor);
        else if (id === "delete") void deleteSelection(editor);
        else if (id === "selectAll") editor.set({ selection: new Set(editor.get().doc.cards.map((c) => c.id)) });
        else if (id === "zoomIn") zoomBy(editor, el, 1.25);
        else if (id === "zoomOut") zoomBy(editor, el, 0.8);
        else if (id === "zoomReset") zoomTo(editor, el, 1);
        else if (id === "zoomFit") fitZoom(editor, el);
        else if (id === "poster") setPrinting(true);
        else if (id === "export") void exportJourney();
        else if (id === "room") showPanel("room");
        else if (id === "addCard") {
          const first = selectedCards(editor)[0];
          const { doc, focusedCell } = editor.get();
          const cell = focusedCell ?? (first ? cellOf(first) : doc.phases[0] && doc.rows[0] ? { phase: doc.phases[0].id, row: doc.rows[0].id } : null);
          if (cell) editor.set({ editing: { cell, index: doc.cards.filter((c) => c.phase === cell.phase && c.row === cell.row).length }, focusedCell: cell });
        }
      }),
    [editor],
  );
  // Notes and dots from phones in the room appear on the board as they arrive.
  useEffect(
    () =>
      listenUntil(() =>
        events.roomChanged.listen((e) => {
          if (e.payload.journey === editor.journeyId && e.payload.changes) editor.mergeFromRoom(e.payload.changes, e.payload.history);
        }),
      ),
    [editor],
  );
  // The menu's Undo/Redo say what they will undo, and are greyed out when there is nothing.
  const history = useEditor(editor, (s) => s.history);
  useEffect(() => {
    api
      .updateMenu(
        { undo: history.undo ? t.undoLabel(t.editName(history.undo)) : t.undo, redo: history.redo ? t.redoLabel(t.editName(history.redo)) : t.redo },
        { undo: history.undo !== null, redo: history.redo !== null },
      )
      .catch(() => undefined);
  }, [history.undo, history.redo, t]);
  useEffect(() => {
    document.title = `${name} — Journeywall`;
    try {
      getCurrentWindow()
        .setTitle(`${name} — Journeywall`)
        .catch(() => undefined);
    } catch {
      // Outside Tauri (the UI alone in a browser) there is no native window to name.
    }
  }, [name]);

  // Ctrl+P prints the poster (the native menu has the same key; the web view's own print is not
  // what anyone wants from a canvas); Ctrl+K opens quick capture.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (away.current === "presenting") return;
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "p") {
        e.preventDefault();
        setPrinting(true);
      }
      // F5 presents, as in slide software.
      if (e.key === "F5" && !e.ctrlKey && !e.altKey) {
        e.preventDefault();
        setPresenting(true);
      }
      // Ctrl+K: quick capture, the keyboard-only way to take down what the room calls out.
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === "k" && away.current === null) {
        e.preventDefault();
        setCapturing(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  // Ctrl+wheel and trackpad pinch zoom around the pointer; they need a non-passive listener.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (e: WheelEvent) => {
      if (!e.ctrlKey && !e.metaKey) return;
      e.preventDefault();
      zoomBy(editor, el, Math.exp(-e.deltaY / 300), e.clientX, e.clientY);
    };
    el.addEventListener("wheel", onWheel, { passive: false });
    return () => el.removeEventListener("wheel", onWheel);
    // The board's scroller is a new element after the presenter view or a round was shown.
  }, [editor, presenting, roundView]);

  // Space+drag and middle-drag pan the canvas.
  const space = useRef(false);
  useEffect(() => {
    const down = (e: KeyboardEvent) => {
      if (e.code === "Space" && !(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
        space.current = true;
        if (e.target === document.body || (e.target as HTMLElement).closest?.(".board-scroll")) e.preventDefault();
      }
    };
    const up = (e: KeyboardEvent) => {
      if (e.code === "Space") space.current = false;
    };
    window.addEventListener("keydown", down);
    window.addEventListener("keyup", up);
    return () => {
      window.removeEventListener("keydown", down);
      window.removeEventListener("keyup", up);
    };
  }, []);
  const onPanStart = (e: React.PointerEvent<HTMLDivElement>) => {
    if (!(e.button === 1 || (e.button === 0 && space.current))) return;
    e.preventDefault();
    e.stopPropagation();
    const el = e.currentTarget;
    const start = { x: e.clientX, y: e.clientY, left: el.scrollLeft, top: el.scrollTop };
    el.classList.add("panning");
    const pan = (ev: PointerEvent) => {
      el.scrollLeft = start.left - (ev.clientX - start.x);
      el.scrollTop = start.top - (ev.clientY - start.y);
    };
    const end = () => el.classList.remove("panning");
    followPointer(e, { start: pan, move: pan, drop: end, cancel: end });
  };

  if (presenting) return <PresenterView editor={editor} onExit={() => setPresenting(false)} />;

  return (
    <section className="journey-view">
      <Toolbar
        editor={editor}
        onClose={onClose}
        scroller={scroller}
        onPrint={() => setPrinting(true)}
        onCapture={() => setCapturing((c) => !c)}
        onVote={() => showPanel(panel === "vote" ? null : "vote")}
        onRounds={() => showPanel(panel === "rounds" ? null : "rounds")}
        onPresent={() => setPresenting(true)}
        onPersonas={() => showPanel(panel === "personas" ? null : "personas")}
        onRoom={() => showPanel(panel === "room" ? null : "room")}
      />
      <div className="editor-body">
        {roundView ? (
          <div className="round-view">
            <div className="round-banner" role="status">
              <strong>{roundView.title}</strong>
              {roundView.diff ? (
                <span className="legend">
                  {(["added", "moved", "changed", "removed"] as const).map((m) => (
                    <span key={m} className={`legend-mark mark-${m}`}>
                      {t.rounds.mark[m]}
                    </span>
                  ))}
                </span>
              ) : null}
              <button onClick={() => setRoundView(null)}>{t.rounds.back}</button>
            </div>
            <div className="board-scroll" ref={roundScroller}>
              <Board editor={roundView.editor} scroller={roundScroller} />
            </div>
            <ErrorToast editor={roundView.editor} />
          </div>
        ) : (
          <div className="board-scroll" ref={scroller} onPointerDownCapture={onPanStart}>
            <Board editor={editor} scroller={scroller} />
          </div>
        )}
        {panel === "vote" ? (
          <VotePanel editor={editor} onResults={() => setResults(editor.get().doc.vote || editor.get().doc.cards.some((c) => c.votes > 0) ? "ranking" : "typing")} onClose={() => showPanel(null)} />
        ) : panel === "room" ? (
          <RoomPanel editor={editor} onClose={() => showPanel(null)} />
        ) : panel === "personas" ? (
          <PersonasPanel editor={editor} onClose={() => showPanel(null)} />
        ) : panel === "rounds" ? (
          <RoundsPanel
            editor={editor}
            view={roundView}
            onView={setRoundView}
            onRestored={(id, name) => setRestored({ id, name })}
            onClose={() => showPanel(null)}
          />
        ) : (
          <Inspector editor={editor} />
        )}
      </div>
      {results ? <VoteResults editor={editor} typing={results === "typing"} onClose={() => setResults(null)} /> : null}
      {capturing ? <CaptureBar editor={editor} onClose={() => setCapturing(false)} /> : null}
      <ErrorToast editor={editor} />
      {restored ? (
        <div className="toast notice" role="status">
          <span>{t.rounds.restored(restored.name)}</span>
          <button onClick={() => onOpen(restored.id)}>{t.rounds.openRestored}</button>
          <button onClick={() => setRestored(null)}>{t.dismiss}</button>
        </div>
      ) : null}
      {notice ? (
        <div className="toast notice" role="status">
          <span>{notice}</span>
          <button onClick={() => setNotice(null)}>{t.dismiss}</button>
        </div>
      ) : null}
      {printing ? <PosterDialog journey={opened.doc.journey.id} onClose={() => setPrinting(false)} /> : null}
    </section>
  );
}

interface ToolbarProps {
  editor: Editor;
  onClose(): void;
  scroller: React.RefObject<HTMLDivElement | null>;
  onPrint(): void;
  onCapture(): void;
  onVote(): void;
  onRounds(): void;
  onPresent(): void;
  onPersonas(): void;
  onRoom(): void;
}

function Toolbar({ editor, onClose, scroller, onPrint, onCapture, onVote, onRounds, onPresent, onPersonas, onRoom }: ToolbarProps) {
  const { t } = useT();
  const journey = useEditor(editor, (s) => s.doc.journey);
  const persona = useEditor(editor, (s) => s.doc.personas[0]);
  const history = useEditor(editor, (s) => s.history);
  const pending = useEditor(editor, (s) => s.pending);
  const zoom = useEditor(editor, (s) => s.zoom);
  const [renaming, setRenaming] = useState(false);
  const undoLabel = history.undo ? t.undoLabel(t.editName(history.undo)) : t.undo;
  const redoLabel = history.redo ? t.redoLabel(t.editName(history.redo)) : t.redo;

  return (
    <header className="journey-header">
      <button className="back" onClick={onClose}>
        ← {t.back}
      </button>
      {renaming ? (
        <InlineInput
          initial={journey.name}
          label={t.journeyName}
          onDone={(v) => {
            setRenaming(false);
            if (v !== null && v.trim() && v !== journey.name) void editor.send({ type: "updateJourney", name: v });
          }}
        />
      ) : (
        <h1 onDoubleClick={() => setRenaming(true)} title={t.renameHint}>
          {journey.name}
        </h1>
      )}
      <div className="toolbar-group" role="group" aria-label={t.history}>
        <button onClick={() => void editor.undo()} disabled={!history.undo} title={`${undoLabel} (Ctrl+Z)`} aria-label={undoLabel}>
          ↶ {t.undo}
        </button>
        <button onClick={() => void editor.redo()} disabled={!history.redo} title={`${redoLabel} (Ctrl+Shift+Z)`} aria-label={redoLabel}>
          ↷ {t.redo}
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label={t.zoom}>
        <button onClick={() => zoomBy(editor, scroller.current, 0.8)} aria-label={t.zoomOut} title={`${t.zoomOut} (Ctrl+−)`}>
          −
        </button>
        <button className="zoom-value" onClick={() => zoomTo(editor, scroller.current, 1)} title={t.zoomReset}>
          {Math.round(zoom * 100)} %
        </button>
        <button onClick={() => zoomBy(editor, scroller.current, 1.25)} aria-label={t.zoomIn} title={`${t.zoomIn} (Ctrl+=)`}>
          +
        </button>
        <button onClick={() => fitZoom(editor, scroller.current)} title={`${t.zoomFit} (Ctrl+0)`}>
          {t.zoomFit}
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label={t.workshop}>
        <button onClick={onCapture} title={`${t.capture.title} (Ctrl+K)`}>
          ✎ {t.capture.button}
        </button>
        <button onClick={onRoom} title={t.room.tooltip}>
          ⌂ {t.room.button}
        </button>
        <button onClick={onVote} title={t.vote.title}>
          ● {t.vote.button}
        </button>
        <button onClick={onRounds} title={t.rounds.title}>
          ◷ {t.rounds.button}
        </button>
        <RoomTimer />
        <button onClick={onPresent} title={`${t.present.title} (F5)`}>
          ▶ {t.present.button}
        </button>
        <button className="print" onClick={onPrint} title={`${t.menu.poster} (Ctrl+P)`}>
          {t.menu.poster}
        </button>
      </div>
      {persona ? (
        <button className="persona-chip" title={persona.quote} onClick={onPersonas}>
          {persona.picture ? <img src={persona.picture} alt="" /> : null}
          {t.persona}: {persona.name}
        </button>
      ) : (
        <button className="persona-chip" onClick={onPersonas}>
          {t.personas.button}
        </button>
      )}
      <span className={`save-state${pending > 0 ? " saving" : ""}`} role="status" aria-live="polite">
        {pending > 0 ? t.saving : t.allSaved}
      </span>
    </header>
  );
}

function ErrorToast({ editor }: { editor: Editor }) {
  const { t } = useT();
  const error = useEditor(editor, (s) => s.error);
  if (!error) return null;
  return (
    <div className="toast" role="alert">
      <span>
        {t.refused} {error}
      </span>
      <button onClick={() => editor.set({ error: null })}>{t.dismiss}</button>
    </div>
  );
}
