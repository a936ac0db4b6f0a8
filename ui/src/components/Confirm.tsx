import { useEffect, useRef, useSyncExternalStore } from "react";
import { useT } from "../i18n/context";
import { Modal } from "./Modal";

interface Question {
  title: string;
  body: string;
  confirm: string;
  resolve(ok: boolean): void;
}

// One question at a time, asked from anywhere (actions are not components), answered by the
// host rendered once in the app.
let current: Question | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

/** Asks the user to confirm something destructive; resolves true when they do. */
export function askConfirm(q: Omit<Question, "resolve">): Promise<boolean> {
  current?.resolve(false);
  return new Promise((resolve) => {
    current = { ...q, resolve };
    notify();
  });
}

function answer(ok: boolean) {
  const q = current;
  current = null;
  notify();
  q?.resolve(ok);
}

export function ConfirmHost() {
  const { t } = useT();
  const q = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => confirmRef.current?.focus(), [q]);
  if (!q) return null;
  return (
    <Modal className="confirm" role="alertdialog" labelledBy="confirm-title" onClose={() => answer(false)}>
      <h2 id="confirm-title">{q.title}</h2>
      <p>{q.body}</p>
      <div className="dialog-actions">
        <button onClick={() => answer(false)}>{t.cancel}</button>
        <button ref={confirmRef} className="danger" autoFocus onClick={() => answer(true)}>
          {q.confirm}
        </button>
      </div>
    </Modal>
  );
}
