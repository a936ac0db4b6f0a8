// A co-editor's way in at the room's editor link: the room says how they stand (let in, waiting
// for the facilitator, refused); the editor itself shows only once they are let in.
import { useEffect, useState, type ReactNode } from "react";
import { askName, startFollowing, useRemote } from "../ipc/remote";
import { messages, toLocale } from "../i18n";
import { LocaleContext, useT } from "../i18n/context";

/** How often a waiting editor asks whether the facilitator has let them in. */
const POLL_MS = 2000;

export function EditorGate({ children }: { children: ReactNode }) {
  const { me } = useRemote();
  const [error, setError] = useState<string | null>(null);
  // The laptop's language comes with the editor; until then, the browser's.
  const locale = toLocale(navigator.language);
  const t = messages(locale);
  const state = me?.state;
  const named = (me?.name ?? "") !== "";

  useEffect(() => {
    askName(null).catch((e: { message: string }) => setError(e.message));
  }, []);
  useEffect(() => {
    if (state !== "waiting" || !named) return;
    const poll = setInterval(() => void askName(null).catch(() => undefined), POLL_MS);
    return () => clearInterval(poll);
  }, [state, named]);
  useEffect(() => {
    if (state === "allowed") startFollowing();
  }, [state]);

  if (state === "allowed") return children;
  let body;
  if (error) body = <p role="alert">{error}</p>;
  else if (!me) body = <p className="muted">{t.loading}</p>;
  else if (state === "refused") body = <p role="alert">{t.coEditing.refused}</p>;
  else if (!named) body = <NameForm onName={(name) => askName(name).catch((e: { message: string }) => setError(e.message))} />;
  else body = <p role="status">{t.coEditing.waiting}</p>;
  return (
    <LocaleContext.Provider value={{ locale, t }}>
      <main className="editor-gate">{body}</main>
    </LocaleContext.Provider>
  );
}

function NameForm({ onName }: { onName(name: string): void }) {
  const { t } = useT();
  const [name, setName] = useState("");
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) onName(name.trim());
      }}
    >
      <label className="field">
        <span>{t.coEditing.yourName}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoFocus />
      </label>
      <p className="muted">{t.coEditing.nameWhy}</p>
      <button className="primary" type="submit" disabled={!name.trim()}>
        {t.coEditing.askIn}
      </button>
    </form>
  );
}

/**
 * Says, while it lasts, that the laptop cannot be reached or has closed the map to co-editors
 * (edits wait, and are sent when it is back).
 */
export function ConnectionBanner() {
  const { t } = useT();
  const { lost, closed } = useRemote();
  if (!lost) return null;
  return (
    <div className="connection-lost" role="alert">
      {closed ? t.coEditing.closed : t.coEditing.lost}
    </div>
  );
}
