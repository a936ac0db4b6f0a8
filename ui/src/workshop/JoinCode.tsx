// The room's join code: the QR code and the link to type, as large as the screen allows.
import { useRef } from "react";
import { useFocusTrap } from "../components/Modal";
import type { RoomInfo } from "../ipc";
import { useT } from "../i18n/context";
import type { Messages } from "../i18n";

/** The QR code as large as the screen allows, for the room to scan from their seats. */
export function LargeQr({ room, onClose }: { room: RoomInfo; onClose(): void }) {
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

/** The QR code's SVG document as an image's address. */
export const qrImage = (qr: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(qr)}`;

/** The join code and its link, large: in the panel's overlay, the presenter view and the projector. */
export function JoinCodeView({ link, qr, t }: { link: string; qr: string; t: Messages }) {
  return (
    <div className="join-code">
      <img src={qrImage(qr)} alt={t.room.qrAlt(link)} />
      <p className="room-link">
        <span>{t.room.orType}</span> <strong>{link}</strong>
      </p>
    </div>
  );
}
