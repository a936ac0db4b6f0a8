import { useEffect, useRef, useState } from "react";
import { useStore } from "../state/observable";
import { useT } from "../i18n/context";
import { Icon, type IconName } from "../components/Icon";
import { useFocusTrap } from "../components/Modal";
import { Check } from "../components/Check";
import { addMinute, chime, clock, isRunning, pause, remaining, resume, roomTimer, startTimer, type Timer } from "./timer";

const PRESETS = [2, 5, 10, 15];

/**
 * The room timer in the toolbar: presets or any number of minutes, +1 min, pause, and a large
 * overlay to read from the back of the room. When time is up the overlay says so (and chimes,
 * unless the sound is off).
 */
export function RoomTimer() {
  const { t } = useT();
  const { timer, rang } = useStore(roomTimer, (s) => s);
  const setTimer = (next: Timer | null) => roomTimer.set({ timer: next });
  const [menu, setMenu] = useState(false);
  const [big, setBig] = useState(false);
  const [sound, setSound] = useState(true);
  const [custom, setCustom] = useState("7");
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!timer || !isRunning(timer)) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [timer]);

  const left = timer ? remaining(timer, now) : 0;
  const up = timer !== null && left === 0;
  useEffect(() => {
    if (up && !rang) {
      roomTimer.set({ rang: true });
      setBig(true);
      if (sound) chime();
    }
    if (!up && rang) roomTimer.set({ rang: false });
  }, [up, rang, sound]);

  // A time the timer cannot run is said, beside the field (999 + Enter did nothing, without a word).
  const [refused, setRefused] = useState(false);
  const begin = (minutes: number) => {
    setRefused(!(minutes > 0) || minutes > 600);
    if (!(minutes > 0) || minutes > 600) return;
    const at = Date.now();
    setNow(at);
    setTimer(startTimer(minutes, at));
    setMenu(false);
  };
  const act = (f: (t: Timer, now: number) => Timer) => {
    const at = Date.now();
    setNow(at);
    const current = roomTimer.get().timer;
    if (current) setTimer(f(current, at));
  };
  const stop = () => {
    setTimer(null);
    setBig(false);
  };

  // Icons in the toolbar's chip, where room is short; named in words on the large overlay.
  const controls = (named: boolean) => {
    const button = (icon: IconName, label: string, onClick: () => void) => (
      <button onClick={onClick} title={label}>
        <Icon name={icon} /> <span className={named ? undefined : "visually-hidden"}>{label}</span>
      </button>
    );
    return timer ? (
      <>
        <button onClick={() => act(addMinute)} title={t.timer.addMinute} aria-label={t.timer.addMinute}>
          {named ? "+1 min" : "+1"}
        </button>
        {!up ? (isRunning(timer) ? button("pause", t.timer.pause, () => act(pause)) : button("present", t.timer.resume, () => act(resume))) : null}
        {button("stop", t.timer.stop, stop)}
      </>
    ) : null;
  };

  return (
    <div
      className="room-timer"
      // The preset menu closes with Escape wherever the focus is in it (the button too), and when
      // the focus leaves it, so it never stays open over another dialog.
      onKeyDown={(e) => {
        if (e.key === "Escape" && menu) {
          e.stopPropagation();
          setMenu(false);
        }
      }}
      onBlur={(e) => {
        if (menu && !e.currentTarget.contains(e.relatedTarget as Node | null)) setMenu(false);
      }}
    >
      {timer ? (
        <div className={`timer-chip${up ? " up" : ""}${isRunning(timer) ? "" : " paused"}`} role="timer" aria-label={t.timer.label}>
          <button className="timer-time" onClick={() => setBig(true)} title={t.timer.enlarge}>
            {up ? t.timer.up : clock(left)}
          </button>
          {controls(false)}
        </div>
      ) : (
        <button data-action="timer" onClick={() => setMenu(!menu)} aria-haspopup="menu" aria-expanded={menu} title={t.timer.label}>
          <Icon name="timer" /> <span className="label">{t.timer.label}</span>
        </button>
      )}
      {menu && !timer ? (
        <div className="timer-menu" role="menu">
          {PRESETS.map((m) => (
            <button key={m} role="menuitem" onClick={() => begin(m)}>
              {t.timer.minutes(m)}
            </button>
          ))}
          <form className="timer-custom" onSubmit={(e) => (e.preventDefault(), begin(Number(custom.replace(",", "."))))}>
            <input
              aria-label={t.timer.customMinutes}
              aria-invalid={refused}
              aria-describedby={refused ? "timer-range" : undefined}
              inputMode="decimal"
              value={custom}
              onChange={(e) => (setCustom(e.target.value), setRefused(false))}
            />
            <span className="unit">{t.timer.unit}</span>
            <button type="submit">{t.timer.start}</button>
          </form>
          {refused ? (
            <p id="timer-range" className="timer-range" role="alert">
              {t.timer.range}
            </p>
          ) : null}
          <Check label={t.timer.sound} value={sound} onChange={setSound} />
        </div>
      ) : null}
      {timer && big ? (
        <BigTimer up={up} text={up ? t.timer.up : clock(left)} onShrink={() => setBig(false)}>
          {controls(true)}
        </BigTimer>
      ) : null}
    </div>
  );
}

/** The timer over the whole window, for the room to read from afar; Escape shrinks it again. */
function BigTimer({ up, text, onShrink, children }: { up: boolean; text: string; onShrink(): void; children: React.ReactNode }) {
  const { t } = useT();
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, onShrink);
  return (
    <div ref={ref} className={`timer-overlay${up ? " up" : ""}`} role="dialog" aria-modal="true" aria-label={t.timer.label}>
      <div className="timer-big" aria-live="polite">
        {text}
      </div>
      <div className="timer-overlay-controls">
        {children}
        <button autoFocus onClick={onShrink}>
          {t.timer.shrink}
        </button>
      </div>
    </div>
  );
}
