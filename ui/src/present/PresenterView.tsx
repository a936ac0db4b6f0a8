import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { followPhase } from "../workshop/roomFocus";
import { JoinCodeView } from "../workshop/JoinCode";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { api, events, inTauri, listenUntil, type RoomInfo } from "../ipc";
import { useT } from "../i18n/context";
import { type Editor, useJourney } from "../state/store";
import { RoomTimer } from "../workshop/RoomTimer";
import { roomTimer } from "../workshop/timer";
import { useStore } from "../state/observable";
import { Stage } from "./Stage";
import { Icon } from "../components/Icon";
import { useFocusTrap } from "../components/Modal";
import { Check } from "../components/Check";
import { clampPhase, loadState, saveState, type PresentState, type ProjectorMessage } from "./stage";

/**
 * The presenter view: the journey phase by phase in large type, full screen, stepped with the
 * arrow keys. With the projector window open the laptop keeps the controls, the next phase and
 * the timer, and the projector shows the clean map.
 */
export function PresenterView({ editor, onExit }: { editor: Editor; onExit(): void }) {
  const { t, locale } = useT();
  const doc = useJourney(editor, (s) => s.doc);
  const [state, setState] = useState<PresentState>(() => loadState(doc.journey.id));
  const [projector, setProjector] = useState(false);
  // The room's join code, full size on the wall while the room is joining.
  const [room, setRoom] = useState<RoomInfo | null>(null);
  const [showJoin, setShowJoin] = useState(false);
  useEffect(() => {
    api.roomInfo().then((r) => setRoom(r && r.journey === doc.journey.id ? r : null), () => undefined);
  }, [doc.journey.id]);
  const join = useMemo(() => (showJoin && room ? { link: room.link, qr: room.qr } : null), [showJoin, room]);
  const shown = useMemo(() => ({ ...state, phase: clampPhase(doc, state.phase) }), [doc, state]);
  const last = doc.phases.length - 1;
  // Phones in the room follow the phase shown, and stop following when the presentation ends.
  const shownPhase = doc.phases[shown.phase]?.id ?? null;
  useEffect(() => followPhase(shownPhase), [shownPhase]);
  useEffect(() => () => followPhase(null), []);

  // The view is the whole window: the keyboard stays in it (its own keys handle Escape).
  const root = useRef<HTMLDivElement>(null);
  const main = useRef<HTMLDivElement>(null);
  useFocusTrap(root);

  const go = (phase: number) => setState((s) => ({ ...s, phase: clampPhase(doc, phase) }));

  // Full screen while shown; leaving by any way (Esc, the menu, another journey) restores the
  // window and closes the projector window.
  const projectorOpen = useRef(false);
  useLayoutEffect(() => {
    projectorOpen.current = projector;
  });
  useEffect(() => {
    inTauri(() => getCurrentWindow().setFullscreen(true));
    return () => {
      inTauri(() => getCurrentWindow().setFullscreen(false));
      if (projectorOpen.current) inTauri(() => api.closeProjector());
    };
  }, []);
  useEffect(() => saveState(doc.journey.id, state), [doc.journey.id, state]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement) return;
      if (e.key === "ArrowRight" || e.key === "PageDown" || e.key === " ") go(shown.phase + 1);
      else if (e.key === "ArrowLeft" || e.key === "PageUp") go(shown.phase - 1);
      else if (e.key === "Home") go(0);
      else if (e.key === "End") go(last);
      else if (e.key === "Escape") onExit();
      // A phase taller than the screen, even at the smallest type, scrolls.
      else if (e.key === "ArrowDown" || e.key === "ArrowUp") main.current?.scrollBy({ top: (e.key === "ArrowDown" ? 1 : -1) * main.current.clientHeight * 0.6 });
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  // The projector window shows what this window sends it: on every change, and when it asks.
  const timer = useStore(roomTimer, (s) => s.timer);
  const shownTimer = useMemo(() => (timer ? { endsAt: timer.endsAt, left: timer.left } : null), [timer]);
  const message: ProjectorMessage = useMemo(() => ({ doc, state: shown, locale, join, timer: shownTimer }), [doc, shown, locale, join, shownTimer]);
  const latest = useRef(message);
  useLayoutEffect(() => {
    latest.current = message;
  });
  useEffect(() => {
    if (projector) inTauri(() => events.present.emitTo("projector", message));
  }, [projector, message]);
  // Subscribed once: the projector asking for the state gets the latest one.
  useEffect(() => {
    const stops = [
      listenUntil(() => events.projectorReady.listen(() => inTauri(() => events.present.emitTo("projector", latest.current)))),
      listenUntil(() => events.projectorClosed.listen(() => setProjector(false))),
    ];
    return () => stops.forEach((stop) => stop());
  }, []);

  const openProjector = () =>
    api.openProjector().then(
      () => setProjector(true),
      (e: Error) => editor.journey.set({ error: e.message }),
    );
  const toggleRow = (row: string) =>
    setState((s) => ({ ...s, hiddenRows: s.hiddenRows.includes(row) ? s.hiddenRows.filter((r) => r !== row) : [...s.hiddenRows, row] }));
  const next = doc.phases[shown.phase + 1];
  // The rows' menu closes as menus do: Escape (which then does not leave the presenter view) or a
  // press elsewhere.
  const rowsMenu = useRef<HTMLDetailsElement>(null);
  const visibleRows = doc.rows.filter((r) => !r.hidden);
  const hiddenCount = visibleRows.filter((r) => state.hiddenRows.includes(r.id)).length;
  const closeRowsOnEscape = (e: React.KeyboardEvent<HTMLDetailsElement>) => {
    if (e.key !== "Escape" || !e.currentTarget.open) return;
    e.stopPropagation();
    e.currentTarget.open = false;
    e.currentTarget.querySelector("summary")?.focus();
  };
  useEffect(() => {
    const away = (e: PointerEvent) => {
      const menu = rowsMenu.current;
      if (menu?.open && !menu.contains(e.target as Node)) menu.open = false;
    };
    window.addEventListener("pointerdown", away, true);
    return () => window.removeEventListener("pointerdown", away, true);
  }, []);

  return (
    <div ref={root} className={`presenter${projector ? " with-projector" : ""}`} role="dialog" aria-modal="true" aria-label={t.present.title}>
      <div className="presenter-main" ref={main}>
        {projector ? <p className="presenter-note">{t.present.projectorOn}</p> : null}
        {projector ? <h2 className="presenter-label">{t.present.now}</h2> : null}
        {join ? <JoinCodeView link={join.link} qr={join.qr} t={t} /> : <Stage doc={doc} state={shown} t={t} compact={projector} fit={!projector} />}
        {projector ? (
          <div className="presenter-next">
            <h2 className="presenter-label">{next ? t.present.nextUp(next.title) : t.present.last}</h2>
            {next ? <Stage doc={doc} state={{ ...shown, phase: shown.phase + 1 }} t={t} compact /> : null}
          </div>
        ) : null}
      </div>
      <nav className="presenter-controls" aria-label={t.present.title}>
        <button onClick={() => go(shown.phase - 1)} disabled={shown.phase <= 0} aria-label={t.present.prev} title={t.present.prev}>
          <Icon name="prev" size={20} />
        </button>
        <span className="presenter-step">{t.present.step(shown.phase + 1, doc.phases.length)}</span>
        <button onClick={() => go(shown.phase + 1)} disabled={shown.phase >= last} aria-label={t.present.next} title={t.present.next}>
          <Icon name="next" size={20} />
        </button>
        <details className="presenter-rows" ref={rowsMenu} onKeyDown={closeRowsOnEscape}>
          {/* Rows hidden last time stay hidden: the button says so. */}
          <summary>{hiddenCount > 0 ? t.present.rowsSome(visibleRows.length - hiddenCount, visibleRows.length) : t.present.rows}</summary>
          <div className="presenter-rows-menu">
            {doc.rows
              .filter((r) => !r.hidden)
              .map((r) => (
                <Check key={r.id} label={r.title} value={!state.hiddenRows.includes(r.id)} onChange={() => toggleRow(r.id)} />
              ))}
          </div>
        </details>
        <Check label={t.present.notes} value={state.notes} onChange={(notes) => setState((s) => ({ ...s, notes }))} />
        {projector ? (
          <button
            onClick={() => {
              inTauri(() => api.closeProjector());
              setProjector(false);
            }}
          >
            {t.present.closeProjector}
          </button>
        ) : (
          <button onClick={() => void openProjector()}>{t.present.projector}</button>
        )}
        {room ? (
          <button onClick={() => setShowJoin((v) => !v)} aria-pressed={showJoin}>
            {showJoin ? t.present.hideJoin : t.present.showJoin}
          </button>
        ) : null}
        <RoomTimer />
        <span className="presenter-keys">{t.present.keys}</span>
        <button className="presenter-exit" onClick={onExit}>
          {t.present.exit}
        </button>
      </nav>
    </div>
  );
}
