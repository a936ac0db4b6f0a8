// What phones in the room follow: the phase being presented and the room timer. The presenter
// view names the phase, the timer store the time; each change is sent whole (a no-op while no
// room is open).
import { api } from "../ipc";
import { roomTimer } from "./timer";

let phase: string | null = null;

/** Tells the room what to follow now (also right after it opened). */
export function sendFocus(): void {
  const timer = roomTimer.get().timer;
  void api
    .setRoomFocus({ phase, timerEndsAt: timer?.endsAt ?? null, timerLeft: timer && timer.endsAt === null ? timer.left : null })
    .catch(() => undefined);
}

/** The phase the presenter shows the room now; null when not presenting. */
export function followPhase(next: string | null): void {
  if (next === phase) return;
  phase = next;
  sendFocus();
}

roomTimer.subscribe(sendFocus);
