// The room's co-editors tab: open the room to other laptops that edit this map in their browser
// (a link and QR code of their own, never the projector's), let each one in or refuse them, see who
// is editing and remove anyone at any time.
import type { EditorInfo, RoomInfo } from "../ipc";
import { useT } from "../i18n/context";
import { qrImage } from "./JoinCode";

export interface EditorActions {
  invite(): void;
  decide(editor: EditorInfo, allow: boolean): void;
  stop(): void;
}

export function RoomEditors({ room, busy, act }: { room: RoomInfo; busy: boolean; act: EditorActions }) {
  const { t } = useT();
  if (!room.editorLink || !room.editorQr) {
    return (
      <>
        <p className="hint">{t.room.editorsIntro}</p>
        <button className="primary" onClick={act.invite} disabled={busy} aria-busy={busy}>
          {busy ? t.room.inviting : t.room.invite}
        </button>
      </>
    );
  }
  const present = room.editors.filter((e) => e.state !== "refused");
  return (
    <>
      <img className="room-qr editor-qr" src={qrImage(room.editorQr)} alt={t.room.editorLinkAlt(room.editorLink)} />
      <p className="room-link">
        <span>{t.room.orType}</span> <strong>{room.editorLink}</strong>
      </p>
      <p className="room-problem" role="note">
        {t.room.editorsPrivate}
      </p>
      {present.length === 0 ? <p className="hint">{t.room.editorsNone}</p> : null}
      <ul className="room-joined room-editors">
        {present.map((e) => (
          <li key={e.number}>
            <span className="editor-swatch" aria-hidden style={{ background: e.colour }} />
            <span className="phone-name" dir="auto">
              {e.state === "waiting" ? t.room.editorWaiting(e.name) : e.name}
              {e.typing ? <em className="muted"> · {t.room.editorTyping}</em> : null}
            </span>
            {e.state === "waiting" ? (
              <span className="editor-decide">
                <button className="primary" onClick={() => act.decide(e, true)} disabled={busy || e.name === ""} title={e.name === "" ? t.room.editorNoName : undefined}>
                  {t.room.allow}
                </button>
                <button onClick={() => act.decide(e, false)} disabled={busy}>
                  {t.room.refuse}
                </button>
              </span>
            ) : (
              <button onClick={() => act.decide(e, false)} disabled={busy} aria-label={t.room.removeEditor(e.name)}>
                {t.room.remove}
              </button>
            )}
          </li>
        ))}
      </ul>
      <div className="vote-actions">
        <button className="danger-text" onClick={act.stop} disabled={busy}>
          {t.room.stopEditors}
        </button>
      </div>
    </>
  );
}
