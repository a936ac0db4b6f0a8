import { useEffect, useRef } from "react";
import { useT } from "../i18n/context";
import { Modal } from "./Modal";
import { Store, useStore } from "../state/observable";

interface Question {
  title: string;
  body: string;
  confirm: string;
  resolve(ok: boolean): void;
}

// One question at a time, asked from anywhere (actions are not components), answered by the
// host rendered once in the app.
const asked = new Store<{ current: Question | null }>({ current: null });

/** Asks the user to confirm something destructive; resolves true when they do. */
export function askConfirm(q: Omit<Question, "resolve">): Promise<boolean> {
  asked.get().current?.resolve(false);
  return new Promise((resolve) => asked.set({ current: { ...q, resolve } }));
}

function answer(ok: boolean) {
  const q = asked.get().current;
  asked.set({ current: null });
  q?.resolve(ok);
}

export function ConfirmHost() {
  const { t } = useT();
  const q = useStore(asked, (s) => s.current);
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
