import { useEffect, useState } from "react";
import type { Messages } from "../i18n";
import type { ShownTimer } from "../ipc";
import { clock, remaining } from "../workshop/timer";

/** The room timer on the wall, in a corner of the projector: the time left, or that time is up. */
export function ProjectorClock({ timer, t }: { timer: ShownTimer; t: Messages }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (timer.endsAt === null) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [timer.endsAt]);
  const left = remaining({ total: 0, endsAt: timer.endsAt, left: timer.left }, now);
  return (
    <div className={`projector-clock${left === 0 ? " up" : ""}${timer.endsAt === null ? " paused" : ""}`} role="timer" aria-label={t.timer.label}>
      {left === 0 ? t.timer.up : clock(left)}
    </div>
  );
}
