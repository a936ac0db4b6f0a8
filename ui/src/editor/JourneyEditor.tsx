import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { api, events, listenUntil, type OpenedJourney, type UndoState } from "../ipc";
import type { Messages } from "../i18n";
import { useT } from "../i18n/context";
import { Editor, useJourney, useView } from "../state/store";
import { Board } from "../board/Board";
import { followPointer } from "../board/drag";
import { InlineInput } from "../components/Menu";
import { Icon, type IconName } from "../components/Icon";
import { Notice } from "../components/Notice";
import { Inspector } from "./Inspector";
import { describeChange } from "../board/announce";
import { installKeys } from "./keys";
import { onMenuChoice } from "../components/Menus";
import { keepFitted, zoomBy } from "../actions/zoom";
import { enterBoard } from "../actions/walk";
import { keepFocusOnPage } from "./focusKeeper";
import { editorAction, runEditorAction, withKey, type EditorContext } from "../actions/registry";
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
const DETAILS_KEY = "journeywall.details";

/** `onClose(message)`: back home, telling the user `message` when there is one. */
export function JourneyEditor({ opened, onClose, onOpen }: { opened: OpenedJourney; onClose(message?: string): void; onOpen(journey: string): void }) {
  const editor = useMemo(() => new Editor(opened.doc, opened.history), [opened]);
  const scroller = useRef<HTMLElement>(null);
  const name = useJourney(editor, (s) => s.doc.journey.name);
  const [printing, setPrinting] = useState(false);
  const [capturing, setCapturing] = useState(false);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [presenting, setPresenting] = useState(false);
  const [roundView, setRoundView] = useState<RoundView | null>(null);
  const [restored, setRestored] = useState<{ id: string; name: string } | null>(null);
  const roundScroller = useRef<HTMLDivElement>(null);
  // Where the keyboard goes once a panel the user opened or closed is drawn: into the panel, or
  // back to the button that opened it — never left on the page's body.
  const focusAfter = useRef<string | null>(null);
  const showPanel = (next: Panel | null) => {
    editor.view.set({ voter: null });
    if (next !== "rounds") setRoundView(null);
    focusAfter.current = next ? ".editor-body > aside h2" : panel ? `.journey-header [data-action="${panel}"]` : null;
    setPanel(next);
  };
  // Hidden by the user for more room on a small screen; remembered for the next journey.
  const [detailsShown, setDetailsShown] = useState(() => localStorage.getItem(DETAILS_KEY) !== "hidden");
  const toggleDetails = () => {
    const show = panel !== null || !detailsShown;
    if (panel !== null) showPanel(null);
    setDetailsShown(show);
    focusAfter.current = show ? ".editor-body > aside h2" : ".details-rail button";
    localStorage.setItem(DETAILS_KEY, show ? "shown" : "hidden");
  };
  useEffect(() => {
    const selector = focusAfter.current;
    focusAfter.current = null;
    // Without scrolling: WebKit brought the panel into view by scrolling the board under the pointer.
    if (selector) document.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
  }, [panel, detailsShown]);
  const [results, setResults] = useState<"ranking" | "typing" | null>(null);
  // While a round or the presenter view is shown, nothing may change the journey behind it: not
  // the editor's shortcuts, not the menu's edit entries, not quick capture.
  const away = useRef<"presenting" | "round" | null>(null);
  useLayoutEffect(() => {
    away.current = presenting ? "presenting" : roundView ? "round" : null;
  });
  const [notice, setNotice] = useState<string | null>(null);
  const { t } = useT();
  const exportJourney = () =>
    api.exportJourney(opened.doc.journey.id).then(
      (path) => path && setNotice(t.exported(path)),
      (e: Error) => editor.journey.set({ error: e.message }),
    );

  // The editor's actions (registry.ts) as this screen carries them out: the keys, the native menu
  // and the toolbar all run them through here.
  const screens = useRef({ setPrinting, setCapturing, setPresenting, showPanel, exportJourney, toggleDetails });
  // After every render, on purpose (the rule takes the setters named here for calls).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a ref that follows the latest functions
  useLayoutEffect(() => {
    screens.current = { setPrinting, setCapturing, setPresenting, showPanel, exportJourney, toggleDetails };
  });
  const ctx: EditorContext = useMemo(
    () => ({
      editor,
      scroller: () => scroller.current,
      away: () => away.current,
      exportJourney: () => void screens.current.exportJourney(),
      toggleDetails: () => screens.current.toggleDetails(),
      open: (screen) => {
        const s = screens.current;
        if (screen === "poster") s.setPrinting(true);
        else if (screen === "capture") s.setCapturing(true);
        else if (screen === "present") s.setPresenting(true);
        else s.showPanel(screen);
      },
    }),
    [editor],
  );
  // Before the board is first painted: a key pressed as soon as the cards show is not lost.
  useLayoutEffect(() => installKeys(ctx), [ctx]);
  // The keyboard starts on the board, and is never left on the page's body after that.
  const view = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) scroller.current?.focus({ preventScroll: true });
    return view.current ? keepFocusOnPage(view.current, () => scroller.current) : undefined;
  }, []);
  useEffect(() => onMenuChoice((id) => runIn(ctx, id)), [ctx]);
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
  // Another window or the CLI changed the file: the board shows what is stored now, and says so.
  const gone = useRef(() => {});
  useLayoutEffect(() => {
    gone.current = () => onClose(t.deletedElsewhere(name));
  });
  useEffect(() => {
    // A reload that ends after this editor closed must not close the next one.
    let mounted = true;
    const stop = listenUntil(() =>
      events.databaseChanged.listen(() => {
        void editor.followElsewhere().then((outcome) => {
          if (!mounted) return;
          if (outcome === "changed") setNotice(t.changedElsewhere);
          else if (outcome === "gone") gone.current();
        });
      }),
    );
    return () => {
      mounted = false;
      stop();
    };
  }, [editor, t]);
  // The menu's Undo/Redo say what they will undo, and are greyed out when there is nothing; they
  // are sent again when that changes, not on every step.
  const { undo, redo } = useJourney(editor, (s) => s.history);
  useEffect(() => {
    api.updateMenu(historyLabels(t, { undo, redo }), { undo: undo !== null, redo: redo !== null }, {}).catch(() => undefined);
  }, [undo, redo, t]);
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
    const stopFitting = keepFitted(editor, el);
    return () => {
      el.removeEventListener("wheel", onWheel);
      stopFitting();
    };
    // The board's scroller is a new element after a round was shown.
  }, [editor, roundView]);

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
  const onPanStart = (e: React.PointerEvent<HTMLElement>) => {
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
    // With Space held the pointer is a hand: the click that ends the gesture reaches nothing under
    // it (in a vote it gave the card where the pan began a dot).
    const swallow = (ev: MouseEvent) => (ev.stopPropagation(), ev.preventDefault());
    window.addEventListener(
      "pointerup",
      () => {
        window.addEventListener("click", swallow, { capture: true, once: true });
        setTimeout(() => window.removeEventListener("click", swallow, { capture: true }), 0);
      },
      { capture: true, once: true },
    );
  };

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
      </div>
      {presenting ? <PresenterView editor={editor} onExit={() => setPresenting(false)} /> : null}
    </>
  );
}

interface ToolbarProps {
  ctx: EditorContext;
  onClose(): void;
  toggle(id: "capture" | "vote" | "rounds" | "room" | "personas"): void;
}

/** What Undo and Redo will do ("Undo move card"), as the toolbar and the menu name them. */
function historyLabels(t: Messages, history: Pick<UndoState, "undo" | "redo">): { undo: string; redo: string } {
  return { undo: history.undo ? t.undoLabel(t.editName(history.undo)) : t.undo, redo: history.redo ? t.redoLabel(t.editName(history.redo)) : t.redo };
}

/** Runs the editor's action `id` (see registry.ts), as its key and its menu entry do. */
function runIn(ctx: EditorContext, id: string): void {
  const action = editorAction(id);
  if (action) runEditorAction(action, ctx);
}

function Toolbar({ ctx, onClose, toggle }: ToolbarProps) {
  const { t } = useT();
  const { editor } = ctx;
  const run = (id: string) => runIn(ctx, id);
  const tip = (id: string, label: string) => withKey(label, editorAction(id));
  const journey = useJourney(editor, (s) => s.doc.journey);
  const persona = useJourney(editor, (s) => s.doc.personas[0]);
  const history = useJourney(editor, (s) => s.history);
  const pending = useJourney(editor, (s) => s.pending);
  const zoom = useView(editor, (s) => s.zoom);
  const [renaming, setRenaming] = useState(false);
  const { undo: undoLabel, redo: redoLabel } = historyLabels(t, history);
  // The buttons' names are shown only where they leave the title, the persona and the save state
  // whole: measured, since it depends on the language and the title as much as on the window. The
  // save state and the timer are watched by their size (each child is observed), so an edit's
  // "Saving…" measures nothing unless it changes a width.
  const bar = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const fit = () => {
      el.classList.remove("compact");
      const cut = [...el.querySelectorAll<HTMLElement>("h1, .persona-name, .save-state")].some((e) => e.scrollWidth > e.clientWidth + 1);
      if (cut || el.scrollWidth > el.clientWidth + 1) el.classList.add("compact");
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    for (const group of el.children) observer.observe(group);
    return () => observer.disconnect();
  }, [journey.name, persona?.name, t, renaming]);

  return (
    <header className="journey-header" ref={bar}>
      <button className="back" onClick={onClose}>
        <Icon name="back" /> <span className="label">{t.back}</span>
      </button>
      {renaming ? (
        <InlineInput
          initial={journey.name}
          label={t.journeyName}
          onClose={() => setRenaming(false)}
          onCommit={(name) => editor.send({ type: "updateJourney", name })}
        />
      ) : (
        <h1 onDoubleClick={() => setRenaming(true)} title={t.renameHint}>
          {journey.name}
        </h1>
      )}
      {/* Below 1600 px the buttons show icons only; `data-action` names each by its registry id. */}
      <div className="toolbar-group" role="group" aria-label={t.history}>
        <button data-action="undo" onClick={() => run("undo")} disabled={!history.undo} title={tip("undo", undoLabel)} aria-label={undoLabel}>
          <Icon name="undo" /> <span className="label">{t.undo}</span>
        </button>
        <button data-action="redo" onClick={() => run("redo")} disabled={!history.redo} title={tip("redo", redoLabel)} aria-label={redoLabel}>
          <Icon name="redo" /> <span className="label">{t.redo}</span>
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label={t.zoom}>
        <button onClick={() => run("zoomOut")} aria-label={t.zoomOut} title={tip("zoomOut", t.zoomOut)}>
          <Icon name="minus" />
        </button>
        <button className="zoom-value" onClick={() => run("zoomReset")} title={tip("zoomReset", t.zoomReset)}>
          {Math.round(zoom * 100)} %
        </button>
        <button onClick={() => run("zoomIn")} aria-label={t.zoomIn} title={tip("zoomIn", t.zoomIn)}>
          <Icon name="plus" />
        </button>
        <button onClick={() => run("zoomFit")} title={tip("zoomFit", t.zoomFit)}>
          {t.zoomFit}
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label={t.workshop}>
        {(["capture", "room", "vote", "rounds"] as const).map((id) => (
          <ActionButton key={id} id={id} icon={id} label={t[id].button} onClick={() => toggle(id)} />
        ))}
        <RoomTimer />
        <ActionButton id="present" icon="present" label={t.present.button} onClick={() => run("present")} />
        <ActionButton id="poster" icon="print" label={t.menu.poster} className="print" onClick={() => run("poster")} />
      </div>
      {persona ? (
        <button className="persona-chip" data-action="personas" title={persona.quote} onClick={() => toggle("personas")}>
          {persona.picture ? <img src={persona.picture} alt="" /> : null}
          <span className="persona-name">
            {/* Below 1600 px the name alone: the journey's title needs the room. */}
            <span className="label">{t.persona}: </span>
            {persona.name}
          </span>
        </button>
      ) : (
        <button className="persona-chip" data-action="personas" onClick={() => toggle("personas")}>
          {t.personas.button}
        </button>
      )}
      <span className={`save-state${pending > 0 ? " saving" : ""}`} role="status" aria-live="polite">
        {pending > 0 ? t.saving : t.allSaved}
      </span>
    </header>
  );
}

/** A toolbar button that runs the registry's action `id`: its name and key are the tooltip. */
function ActionButton({ id, icon, label, className, onClick }: { id: string; icon: IconName; label: string; className?: string; onClick(): void }) {
  const { t } = useT();
  const action = editorAction(id);
  return (
    <button className={className} data-action={id} onClick={onClick} title={action ? withKey(action.label(t), action) : undefined}>
      <Icon name={icon} /> <span className="label">{label}</span>
    </button>
  );
}

/** Says each change in words for screen readers (a polite live region, visually hidden). */
function Announcer({ editor }: { editor: Editor }) {
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

function ErrorToast({ editor }: { editor: Editor }) {
  const { t } = useT();
  const error = useJourney(editor, (s) => s.error);
  if (!error) return null;
  return (
    <Notice error onDismiss={() => editor.journey.set({ error: null })}>
      {t.refused} {error}
    </Notice>
  );
}
