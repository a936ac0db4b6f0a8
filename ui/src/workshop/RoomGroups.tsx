// Breakouts, from the room panel: split the map over group boards (a copy each, or each group some
// phases), each with a room of its own; one page shows every group's two QR codes (printable and
// projectable); and "the groups together" shows their new cards side by side, to bring each group
// into this map as one undo step.
import { useEffect, useState } from "react";
import { api, type GroupRoom, type SplitBy } from "../ipc";
import { useT } from "../i18n/context";
import type { Editor } from "../state/store";
import { qrImage } from "./JoinCode";

export function RoomGroups({ editor }: { editor: Editor }) {
  const { t } = useT();
  const journey = editor.journeyId;
  const [groups, setGroups] = useState<GroupRoom[] | null>(null);
  const [count, setCount] = useState(3);
  const [by, setBy] = useState<SplitBy>("copy");
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [page, setPage] = useState<"codes" | "together" | null>(null);

  const refresh = () =>
    api.groupRooms(journey).then(
      (g) => (setGroups(g), setProblem(null)),
      (e: Error) => setProblem(e.message),
    );
  useEffect(() => {
    let current = true;
    api.groupRooms(journey).then(
      (g) => current && setGroups(g),
      (e: Error) => current && setProblem(e.message),
    );
    return () => {
      current = false;
    };
  }, [journey]);

  const split = () => {
    setBusy(true);
    api
      .splitIntoGroups(journey, count, by)
      .then(
        (g) => (setGroups(g), setProblem(null), setPage("codes")),
        (e: Error) => setProblem(e.message),
      )
      .finally(() => setBusy(false));
  };

  const problemLine = problem ? (
    <p className="room-problem" role="alert">
      {problem}
    </p>
  ) : null;
  if (groups === null) return problemLine;
  if (groups.length === 0)
    return (
      <div className="room-groups">
        <p className="hint">{t.room.groupsIntro}</p>
        {problemLine}
        <label className="field">
          <span>{t.room.groupCount}</span>
          <select value={count} onChange={(e) => setCount(Number(e.target.value))}>
            {[2, 3, 4, 5, 6, 7, 8].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="radio-group">
          <label>
            <input type="radio" name="split-by" checked={by === "copy"} onChange={() => setBy("copy")} /> {t.room.splitCopy}
          </label>
          <label>
            <input type="radio" name="split-by" checked={by === "phases"} onChange={() => setBy("phases")} /> {t.room.splitPhases}
          </label>
        </fieldset>
        <button className="primary" onClick={split} disabled={busy} aria-busy={busy}>
          {busy ? t.room.splitting : t.room.split}
        </button>
      </div>
    );
  return (
    <div className="room-groups">
      {problemLine}
      <ul className="room-joined">
        {groups.map((g) => (
          <li key={g.board.journey}>
            <span className="phone-name" dir="auto">
              {g.board.label}
            </span>
            <span className="muted">{t.room.groupCards(g.board.newCards.length)}</span>
          </li>
        ))}
      </ul>
      <div className="vote-actions">
        <button onClick={() => setPage("codes")}>{t.room.showCodes}</button>
        <button className="primary" onClick={() => void refresh().then(() => setPage("together"))}>
          {t.room.together}
        </button>
      </div>
      {page === "codes" ? <GroupCodes groups={groups} onClose={() => setPage(null)} /> : null}
      {page === "together" ? <GroupsTogether editor={editor} groups={groups} onClose={() => setPage(null)} onChanged={refresh} /> : null}
    </div>
  );
}

/** Every group's two codes on one page: to print, or to show on the projector. */
function GroupCodes({ groups, onClose }: { groups: GroupRoom[]; onClose(): void }) {
  const { t } = useT();
  return (
    <div className="group-page" role="dialog" aria-modal="true" aria-label={t.room.codesTitle}>
      <div className="group-page-bar no-print">
        <h2>{t.room.codesTitle}</h2>
        <button onClick={() => window.print()}>{t.room.print}</button>
        <button className="primary" onClick={onClose}>
          {t.room.back}
        </button>
      </div>
      <div className="group-codes">
        {groups.map((g) => (
          <section key={g.board.journey} className="group-code" aria-label={g.board.label}>
            <h3>{g.board.label}</h3>
            <div className="group-code-pair">
              <figure>
                <img src={qrImage(g.qr)} alt={t.room.qrAlt(g.link)} />
                <figcaption>
                  {t.room.codesPhones}
                  <span className="mono">{g.link}</span>
                </figcaption>
              </figure>
              <figure>
                <img src={qrImage(g.editorQr)} alt={t.room.editorLinkAlt(g.editorLink)} />
                <figcaption>
                  {t.room.codesLaptops}
                  <span className="mono">{g.editorLink}</span>
                </figcaption>
              </figure>
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}

/** The groups' new cards side by side, each group brought into this map with one button. */
function GroupsTogether({ editor, groups, onClose, onChanged }: { editor: Editor; groups: GroupRoom[]; onClose(): void; onChanged(): void }) {
  const { t } = useT();
  const [said, setSaid] = useState<string | null>(null);
  const bringIn = (g: GroupRoom) =>
    void editor.applyVia(() => api.mergeGroup(editor.journeyId, g.board.journey)).then((applied) => {
      if (applied) setSaid(t.room.broughtIn(g.board.label, g.board.newCards.length));
      onChanged();
    });
  return (
    <div className="group-page" role="dialog" aria-modal="true" aria-label={t.room.togetherTitle}>
      <div className="group-page-bar">
        <h2>{t.room.togetherTitle}</h2>
        <button className="primary" onClick={onClose}>
          {t.room.back}
        </button>
      </div>
      <p className="hint">{t.room.togetherHint}</p>
      {said ? (
        <p className="room-said" role="status">
          {said}
        </p>
      ) : null}
      <div className="group-columns">
        {groups.map((g) => (
          <section key={g.board.journey} className="group-column" aria-label={g.board.label}>
            <h3>{g.board.label}</h3>
            {g.board.newCards.length === 0 ? <p className="muted">{t.room.noNewCards}</p> : null}
            <ul>
              {g.board.newCards.map((c) => (
                <li key={c.id} className="group-card" dir="auto">
                  {c.title}
                </li>
              ))}
            </ul>
            <button className="primary" onClick={() => bringIn(g)} disabled={g.board.newCards.length === 0}>
              {t.room.bringIn(g.board.label)}
            </button>
          </section>
        ))}
      </div>
    </div>
  );
}
