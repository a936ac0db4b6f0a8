// The room timer as values: it runs against the clock (an end time), not by counting ticks, so a
// busy or throttled window never makes it drift. Not an edit: it is never saved or undone.
import { Store } from "../state/observable";

export interface Timer {
  /** The time set, with the minutes added since. */
  total: number;
  /** When it runs out; null while paused. */
  endsAt: number | null;
  /** Time left when paused. */
  left: number;
}

const MINUTE = 60_000;

export function startTimer(minutes: number, now: number): Timer {
  const total = Math.round(minutes * MINUTE);
  return { total, endsAt: now + total, left: total };
}

export function remaining(t: Timer, now: number): number {
  return t.endsAt === null ? t.left : Math.max(0, t.endsAt - now);
}

export const isRunning = (t: Timer) => t.endsAt !== null;

export function pause(t: Timer, now: number): Timer {
  return { ...t, endsAt: null, left: remaining(t, now) };
}

export function resume(t: Timer, now: number): Timer {
  return { ...t, endsAt: now + t.left };
}

/** One more minute, also after time is up (then it runs again from now). */
export function addMinute(t: Timer, now: number): Timer {
  const left = remaining(t, now) + MINUTE;
  return { total: t.total + MINUTE, endsAt: t.endsAt === null ? null : now + left, left };
}

/** "4:59"; a started second counts as a whole one, so 0:00 shows only when time is up. */
export function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** Three rising tones made on the spot (no audio file, no network): the "time is up" chime. */
export function chime(): void {
  try {
    const ctx = new AudioContext();
    [660, 880, 1100].forEach((freq, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      const at = ctx.currentTime + i * 0.35;
      osc.frequency.value = freq;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.4, at + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.32);
      osc.connect(gain).connect(ctx.destination);
      osc.start(at);
      osc.stop(at + 0.34);
    });
    setTimeout(() => void ctx.close(), 1500);
  } catch {
    // No audio device: the overlay alone says time is up.
  }
}

// The one room timer of the window, kept outside any component so it keeps running when the view
// changes (the editor's toolbar and the presenter view each show it).
export const roomTimer = new Store<{ timer: Timer | null; rang: boolean }>({ timer: null, rang: false });
