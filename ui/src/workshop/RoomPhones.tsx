// The open room's own tab in the room panel: how phones join, which phones joined, and what the
// facilitator can do to the room (lock it, give it a new link, remove a phone, close it).
import { useRef } from "react";
import type { JoinedPhone, RoomInfo } from "../ipc";
import { useT } from "../i18n/context";
import { Check } from "../components/Check";
import { qrImage } from "./JoinCode";

/** What the room is busy with: closing, a new link and opening to co-editors each take the app a few seconds. */
export type RoomBusy = "closing" | "newLink" | "editors" | null;

/** What the facilitator's last action on the room did, said until the next one. */
export type RoomSaid = { kind: "removed"; phone: JoinedPhone } | { kind: "newLink" };

export interface RoomActions {
  showLarge(): void;
  lock(locked: boolean): void;
  newLink(): void;
  /** Resolves once the phone is out of the list (or the facilitator thought better of it). */
  remove(phone: JoinedPhone): Promise<void>;
  close(): void;
  toInbox(): void;
}

export function RoomPhones({ room, busy, said, act }: { room: RoomInfo; busy: RoomBusy; said: RoomSaid | null; act: RoomActions }) {
  const { t } = useT();
  const list = useRef<HTMLUListElement>(null);
  const count = useRef<HTMLParagraphElement>(null);
  const waiting = busy !== null;
  /** After a phone leaves the list, the keyboard goes on to the phone that took its place (else the count). */
  const remove = (phone: JoinedPhone, index: number) =>
    void act.remove(phone).then(() =>
      requestAnimationFrame(() => {
        if (document.activeElement !== document.body && document.activeElement !== null) return;
        const buttons = list.current?.querySelectorAll<HTMLElement>("button") ?? [];
        (buttons[Math.min(index, buttons.length - 1)] ?? count.current)?.focus();
      }),
    );

  return (
    <>
      <button className="room-qr" onClick={act.showLarge} title={t.room.showLarge} aria-label={t.room.showLarge}>
        <img src={qrImage(room.qr)} alt={t.room.qrAlt(room.link)} />
      </button>
      <p className="room-link">
        <span>{t.room.orType}</span> <strong>{room.link}</strong>
      </p>
      {!room.onNetwork ? (
        <p className="room-problem" role="status">
          {t.room.noNetwork}
        </p>
      ) : null}
      {said?.kind === "newLink" ? (
        <p className="room-said" role="status">
          {t.room.newLinkMade}
        </p>
      ) : null}
      <div className="vote-actions">
        <button onClick={act.showLarge}>{t.room.showLarge}</button>
      </div>
      <p className="hint">{room.straight ? t.room.straightOn : t.room.inboxOn}</p>
      <div className="room-lock">
        <Check label={t.room.lock} value={room.locked} onChange={act.lock} disabled={waiting} />
        <p className="hint">{t.room.lockHint}</p>
      </div>
      <div className="vote-actions">
        <button onClick={act.newLink} disabled={waiting}>
          {busy === "newLink" ? t.room.makingLink : t.room.newLink}
        </button>
        <button className="danger-text" onClick={act.close} disabled={waiting} aria-busy={busy === "closing"}>
          {busy === "closing" ? t.room.closing : t.room.close}
        </button>
      </div>
      <p className="hint">{t.room.keptLink}</p>
      {said?.kind === "removed" ? (
        <div className="room-said" role="status">
          <p>{t.room.removed(said.phone.name, said.phone.number)}</p>
          <button onClick={act.toInbox}>{t.room.toInbox}</button>
        </div>
      ) : null}
      <p className="room-phones" role="status" aria-live="polite" tabIndex={-1} ref={count}>
        {t.room.phones(room.phones)}
      </p>
      {room.joined.length > 0 ? (
        <ul className="room-joined" ref={list}>
          {room.joined.map((phone, index) => (
            <li key={phone.number}>
              <span className="phone-name" dir="auto">
                {phone.name ?? t.room.phoneN(phone.number)}
              </span>
              <button onClick={() => remove(phone, index)} disabled={waiting} aria-label={t.room.removeLabel(phone.name, phone.number)}>
                {t.room.remove}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
