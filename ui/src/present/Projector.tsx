import { useEffect, useState } from "react";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { messages } from "../i18n";
import { Stage } from "./Stage";
import { JoinCodeView } from "../workshop/JoinCode";
import { ProjectorClock } from "./ProjectorClock";
import { api, events } from "../ipc";
import type { ProjectorMessage } from "./stage";

/**
 * The projector window: the clean map, as the presenter's window sends it. It has no controls;
 * a double-click or F11 switches full screen, for when it opened on the laptop's own screen.
 */
export function Projector() {
  const [shown, setShown] = useState<ProjectorMessage | null>(null);
  useEffect(() => {
    const stop = events.present.listen((e) => setShown(e.payload));
    // Listening first, then asking: the state sent in answer cannot be missed.
    void stop.then(() => api.projectorReady());
    const toggle = async () => {
      const w = getCurrentWindow();
      await w.setFullscreen(!(await w.isFullscreen()));
    };
    const onKey = (e: KeyboardEvent) => e.key === "F11" && void toggle();
    window.addEventListener("keydown", onKey);
    window.addEventListener("dblclick", toggle);
    return () => {
      void stop.then((f) => f());
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("dblclick", toggle);
    };
  }, []);
  useEffect(() => {
    if (shown) document.title = `${shown.doc.journey.name} — Journeywall`;
  }, [shown]);
  const t = messages(shown?.locale ?? "en");
  return (
    <main className="projector">
      {!shown ? (
        <p className="projector-waiting">{t.present.waiting}</p>
      ) : shown.join ? (
        <JoinCodeView link={shown.join.link} qr={shown.join.qr} t={t} />
      ) : (
        <Stage doc={shown.doc} state={shown.state} t={t} fit />
      )}
      {shown?.timer ? <ProjectorClock timer={shown.timer} t={t} /> : null}
    </main>
  );
}
