import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { api, events, listenUntil, type JoinedPhone, type RoomInfo } from "../ipc";
import { useT } from "../i18n/context";
import { type Editor, useJourney } from "../state/store";
import { sendFocus } from "./roomFocus";
import { PanelHead } from "../components/PanelHead";
import { Check } from "../components/Check";
import { askConfirm } from "../components/Confirm";
import { Inbox } from "./Inbox";
import { LargeQr } from "./JoinCode";
import { RoomPhones, type RoomActions, type RoomBusy, type RoomSaid } from "./RoomPhones";
import { RoomEditors, type EditorActions } from "./RoomEditors";
import { RoomGroups } from "./RoomGroups";

const TABS = ["phones", "inbox", "editors", "groups"] as const;
type Tab = (typeof TABS)[number];

/**
 * The room, in the side panel: open it (phones join over the local network with the QR code),
 * see which phones joined and run the room, and sort the inbox of notes they sent: place each
 * where it was aimed, in the cell selected on the board, or discard it. Placing is an edit like
 * any other, so Ctrl+Z puts a note back in the inbox. An open room shows its two halves as tabs,
 * so the inbox is never below the QR code.
 */
export function RoomPanel({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const { t } = useT();
  const journey = editor.journeyId;
  const [room, setRoom] = useState<RoomInfo | null>(null);
  // A room open for another journey: one laptop runs one room, so it is closed here first.
  const [elsewhere, setElsewhere] = useState<RoomInfo | null>(null);
  const [anonymous, setAnonymous] = useState(false);
  const [straight, setStraight] = useState(false);
  // Co-editors come back to a room opened again with its link, as phones do.
  const [editors, setEditors] = useState(false);
  // A room kept from before (closed, or the app restarted) opens with its settings: shown here,
  // so what is ticked is what the room does.
  useEffect(() => {
    let current = true;
    api.keptRoomOptions(journey).then(
      (kept) => {
        if (!current || !kept) return;
        setAnonymous(kept.anonymous);
        setStraight(kept.straight);
        setEditors(kept.editors);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [journey]);
  const [big, setBig] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<RoomBusy>(null);
  const [said, setSaid] = useState<RoomSaid | null>(null);
  // Chosen as the panel opens (the inbox when phones have joined already), then only by the
  // facilitator: a phone joining never turns the QR code away from those still scanning it.
  const [tab, setTab] = useState<Tab>("phones");
  const waiting = useJourney(editor, (s) => (s.doc.inbox ?? []).filter((n) => n.state === "inbox").length);

  // The room as last asked: an answer asked for before another question, or before or while the
  // facilitator's last action ran, is older than what is shown, and is dropped.
  const asked = useRef(0);
  const shown = useRef(room);
  useLayoutEffect(() => {
    shown.current = room;
  });
  useEffect(() => {
    const take = (first: boolean) => {
      const at = ++asked.current;
      return api.roomInfo().then(
        (r) => {
          if (at !== asked.current) return;
          const here = r && r.journey === journey ? r : null;
          setRoom(here);
          setElsewhere(r && r.journey !== journey ? r : null);
          // Someone asking to edit comes first: they wait at their laptop until let in.
          if (first && here && here.editors.some((e) => e.state === "waiting" && e.name !== "")) setTab("editors");
          else if (first && here && here.phones > 0) setTab("inbox");
        },
        () => undefined,
      );
    };
    void take(true);
    // A phone that joined, left or renamed itself comes without changes to merge (a note or a dot
    // brings some): the list is asked for again then, or when the count is not the one shown.
    return listenUntil(() =>
      events.roomChanged.listen((e) => {
        const r = shown.current;
        if (r && e.payload.journey === r.journey && (e.payload.changes === null || e.payload.phones !== r.phones)) void take(false);
      }),
    );
  }, [journey]);

  /** Runs one of the facilitator's actions on the room; its answer is the room as it is now. */
  const run = (action: Promise<RoomInfo | null>, after?: (r: RoomInfo | null) => void) => {
    asked.current++;
    return action.then(
      (r) => {
        // What was asked while the action ran may have seen the room half-way (closed, not yet open again).
        asked.current++;
        setRoom(r);
        if (r === null) setElsewhere(null);
        setProblem(null);
        after?.(r);
      },
      (e: Error) => setProblem(e.message),
    );
  };
  /** `run`, with the button that asked for it saying so (`busy`) until the room answers. */
  const runBusy = (what: RoomBusy, action: Promise<RoomInfo | null>, after?: (r: RoomInfo | null) => void) => {
    setBusy(what);
    void run(action, after).finally(() => setBusy(null));
  };
  const open = () =>
    run(api.openRoom(journey, { anonymous, straight, editors, port: null, bind: null }), () => {
      setTab("phones");
      setSaid(null);
      sendFocus();
    });
  /** Closing waits for the room's server to stop, which takes a few seconds: the button says so meanwhile. */
  const close = () => runBusy("closing", api.closeRoom().then(() => null), () => setSaid(null));
  const act: RoomActions = {
    showLarge: () => setBig(true),
    // Ticked at once (a checkbox that waits for its answer reads as unticked meanwhile), and
    // unticked again if the room refuses.
    lock: (locked) => {
      setRoom((r) => r && { ...r, locked });
      void run(
        api.lockRoom(locked).catch((e: Error) => {
          setRoom((r) => r && { ...r, locked: !locked });
          throw e;
        }),
      );
    },
    newLink: () =>
      void askConfirm({ title: t.room.newLinkTitle, body: t.room.newLinkBody, confirm: t.room.newLinkConfirm }).then((yes) => {
        if (yes) runBusy("newLink", api.newRoomLink(), () => setSaid({ kind: "newLink" }));
      }),
    remove: async (phone: JoinedPhone) => {
      if (!(await askConfirm({ title: t.room.removeTitle(phone.name, phone.number), body: t.room.removeBody, confirm: t.room.remove }))) return;
      await run(api.removePhone(phone.number), () => setSaid({ kind: "removed", phone }));
    },
    close,
    toInbox: () => choose("inbox"),
  };
  const takeEditors = (on: boolean) => runBusy("editors", api.takeEditors(on), (r) => setEditors(r?.editorLink != null));
  const editorActs: EditorActions = {
    invite: () => takeEditors(true),
    stop: () => takeEditors(false),
    decide: (e, allow) => void run(api.decideEditor(e.number, allow)),
  };
  const tabs = useRef<HTMLDivElement>(null);
  // A tab opens at its top (the inbox opened scrolled as far down as the phones' list had been).
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.scrollTo({ top: 0 });
  }, [tab]);
  const choose = (next: Tab) => {
    setTab(next);
    requestAnimationFrame(() => tabs.current?.querySelector<HTMLElement>(`[data-tab=${next}]`)?.focus());
  };
  // Tabs as the ARIA pattern has them: one stop for Tab, the arrows between them.
  const onTabKey = (e: React.KeyboardEvent) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight" && e.key !== "Home" && e.key !== "End") return;
    e.preventDefault();
    const at = TABS.indexOf(tab);
    const step = e.key === "ArrowRight" ? 1 : TABS.length - 1;
    const next = e.key === "Home" ? 0 : e.key === "End" ? TABS.length - 1 : (at + step) % TABS.length;
    choose(TABS[next] ?? "phones");
  };
  const tabButton = (id: Tab, label: string, count: number | null) => (
    <button
      role="tab"
      id={`room-tab-${id}`}
      data-tab={id}
      aria-selected={tab === id}
      aria-controls="room-tab-panel"
      tabIndex={tab === id ? 0 : -1}
      onClick={() => setTab(id)}
    >
      {label} {count === null ? null : <span className="count">{count}</span>}
    </button>
  );

  return (
    <aside className="inspector room-panel" aria-label={t.room.title} ref={panel}>
      <PanelHead title={t.room.title} onClose={onClose} />
      {problem ? (
        <p className="room-problem" role="alert">
          {problem}
        </p>
      ) : null}
      {room ? (
        <>
          <div className="room-tabs" role="tablist" aria-label={t.room.tabs} ref={tabs} onKeyDown={onTabKey}>
            {tabButton("phones", t.room.tabPhones, room.phones)}
            {tabButton("inbox", t.room.inbox, waiting)}
            {tabButton("editors", t.room.tabEditors, room.editors.filter((e) => e.state !== "refused").length)}
            {tabButton("groups", t.room.tabGroups, null)}
          </div>
          <div className="room-tab" role="tabpanel" id="room-tab-panel" aria-labelledby={`room-tab-${tab}`}>
            {tab === "phones" ? <RoomPhones room={room} busy={busy} said={said} act={act} /> : null}
            {tab === "inbox" ? <Inbox editor={editor} titled={false} removed={new Set(room.removed.flatMap((p) => p.waiting))} /> : null}
            {tab === "editors" ? <RoomEditors room={room} busy={busy !== null} act={editorActs} /> : null}
            {tab === "groups" ? <RoomGroups editor={editor} /> : null}
          </div>
          {big ? <LargeQr room={room} onClose={() => setBig(false)} /> : null}
        </>
      ) : (
        <>
          <p className="hint">{t.room.intro}</p>
          {elsewhere ? (
            <p className="room-problem" role="status">
              {t.room.openElsewhere}{" "}
              <button onClick={close} disabled={busy !== null} aria-busy={busy === "closing"}>
                {busy === "closing" ? t.room.closing : t.room.close}
              </button>
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
