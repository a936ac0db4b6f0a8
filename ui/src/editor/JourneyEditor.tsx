import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { OpenedJourney } from "../ipc";
import { useT } from "../i18n/context";
import { Editor, useJourney } from "../state/store";
import { Board } from "../board/Board";
import { Icon } from "../components/Icon";
import { Notice } from "../components/Notice";
import { Inspector } from "./Inspector";
import { enterBoard } from "../actions/walk";
import { keepFocusOnPage } from "./focusKeeper";
import { editorAction, withKey } from "../actions/registry";
import { PosterDialog } from "../poster/PosterDialog";
import { CaptureBar } from "../workshop/CaptureBar";
import { VotePanel } from "../workshop/VotePanel";
import { VoteResults } from "../workshop/VoteResults";
import { RoundsPanel, type RoundView } from "../workshop/RoundsPanel";
import { PresenterView } from "../present/PresenterView";
import { PersonasPanel } from "../workshop/PersonasPanel";
import { RoomPanel } from "../workshop/RoomPanel";
import { useCanvasGestures } from "./canvas";
import { runIn, useEditorContext, type Away } from "./context";
import { useFollowing, useOverwriteNotice } from "./following";
import { useCoEditors, useSendPresence } from "../journey/coEditors";
import { usePanels } from "./panels";
import { Announcer, ErrorToast } from "./Status";
import { Toolbar } from "./Toolbar";
import { ExportDialog } from "./ExportDialog";
import { whenQuitting } from "../state/settle";
import { useNativeWindow } from "./window";

/**
 * The editor's screen: the toolbar, the board (or a round shown in its place), the panel beside
 * it and what opens over it. `onClose(message)`: back home, telling the user `message` when there is one.
 */
export function JourneyEditor({ opened, onClose, onOpen }: { opened: OpenedJourney; onClose(message?: string): void; onOpen(journey: string): void }) {
  const editor = useMemo(() => new Editor(opened.doc, opened.history), [opened]);
  const scroller = useRef<HTMLElement>(null);
  const name = useJourney(editor, (s) => s.doc.journey.name);
  const [printing, setPrinting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [capturing, setCapturing] = useState(false);
  const [presenting, setPresenting] = useState(false);
  const [roundView, setRoundView] = useState<RoundView | null>(null);
  const [restored, setRestored] = useState<{ id: string; name: string } | null>(null);
  const roundScroller = useRef<HTMLDivElement>(null);
  const { panel, showPanel, detailsShown, toggleDetails } = usePanels(editor, () => setRoundView(null));
  const [results, setResults] = useState<"ranking" | "typing" | null>(null);
  // While a round or the presenter view is shown, nothing may change the journey behind it: not
  // the editor's shortcuts, not the menu's edit entries, not quick capture.
  const away = useRef<Away>(null);
  useLayoutEffect(() => {
    away.current = presenting ? "presenting" : roundView ? "round" : null;
  });
  const [notice, setNotice] = useState<string | null>(null);
  const { t } = useT();
  // A title half typed, a note in the card panel: saved before the app quits.
  useEffect(() => whenQuitting(() => editor.settled()), [editor]);
  const ctx = useEditorContext(editor, scroller, away, { setPrinting, setExporting, setCapturing, setPresenting, showPanel, toggleDetails });
  // The keyboard starts on the board, and is never left on the page's body after that.
  const view = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) scroller.current?.focus({ preventScroll: true });
    return view.current ? keepFocusOnPage(view.current, () => scroller.current) : undefined;
  }, []);
  useFollowing(editor, () => setNotice(t.changedElsewhere), () => onClose(t.deletedElsewhere(name)));
  useNativeWindow(editor, name);
  // Co-editors in the room: their selections on this board, this page's own told to them.
  useCoEditors();
  useSendPresence(editor);
  useOverwriteNotice(editor, setNotice);
  const onPanStart = useCanvasGestures(editor, scroller, roundView);

  return (
    <>
      {/* Not a <section>: the toolbar's <header> is then the page's banner landmark. The presenter
          view covers the editor rather than replacing it, so the focus goes back where it was. */}
      <div className="journey-view" inert={presenting} ref={view}>
        <Toolbar
          ctx={ctx}
          onClose={() => onClose()}
          // A panel's button closes it again; the quick-capture bar's too.
          toggle={(id) => {
            if (id === "capture" && capturing) setCapturing(false);
            else if (panel === id) showPanel(null);
            else runIn(ctx, id);
          }}
        />
        <div className="editor-body">
          {roundView ? (
            <main className="round-view">
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
            </main>
          ) : (
            <main
              className="board-scroll"
              ref={scroller}
              onPointerDownCapture={onPanStart}
              // The board is one Tab stop (the arrow keys walk inside it); reached by Tab, the
              // focus goes on to where the keyboard was, not by a click on the canvas.
              tabIndex={0}
              onFocus={(e) => {
                if (e.target === e.currentTarget && e.currentTarget.matches(":focus-visible")) enterBoard(editor);
              }}
            >
              <Board editor={editor} scroller={scroller} />
            </main>
          )}
          {panel === "vote" ? (
            <VotePanel editor={editor} onResults={() => setResults(editor.journey.get().doc.vote || editor.journey.get().doc.cards.some((c) => c.votes > 0) ? "ranking" : "typing")} onClose={() => showPanel(null)} />
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
          ) : detailsShown ? (
            <Inspector editor={editor} onHide={toggleDetails} />
          ) : (
            <aside className="details-rail" aria-label={t.inspector}>
              <button onClick={toggleDetails} title={withKey(t.showDetails, editorAction("details"))} aria-label={t.showDetails}>
                <Icon name="panel" />
                <span>{t.inspector}</span>
              </button>
            </aside>
          )}
        </div>
        {results ? <VoteResults editor={editor} typing={results === "typing"} onClose={() => setResults(null)} /> : null}
        {capturing ? (
          <CaptureBar
            editor={editor}
            onClose={() => {
              setCapturing(false);
              // The keyboard goes on from the cell the notes went into.
              enterBoard(editor);
            }}
          />
        ) : null}
        <ErrorToast editor={editor} />
        <Announcer editor={editor} />
        {restored ? (
          <Notice actions={<button onClick={() => onOpen(restored.id)}>{t.rounds.openRestored}</button>} onDismiss={() => setRestored(null)}>
            {t.rounds.restored(restored.name)}
          </Notice>
        ) : null}
        {notice ? (
          <Notice onDismiss={() => setNotice(null)}>{notice}</Notice>
        ) : null}
        {printing ? <PosterDialog journey={opened.doc.journey.id} onClose={() => setPrinting(false)} /> : null}
        {exporting ? <ExportDialog journey={opened.doc.journey.id} onClose={() => setExporting(false)} /> : null}
      </div>
      {presenting ? <PresenterView editor={editor} onExit={() => setPresenting(false)} /> : null}
    </>
  );
}
