import { useEffect, type ReactNode } from "react";
import { api, listenUntil } from "../ipc";
import { useT } from "../i18n/context";
import { Modal } from "./Modal";
import { APP_ACTIONS, EDITOR_ACTIONS, available, menuAccelerators, shownKeys } from "../actions/registry";

/** Native menu entries that act on an open journey, disabled on the home screen: the editor's
 * actions (ids the menu does not have are ignored by it). */
const EDITOR_ITEMS = EDITOR_ACTIONS.map((a) => a.id);

/** The native menu's labels in the current language (the menu itself is built in Rust). */
export function useMenuLabels(editorOpen: boolean): void {
  const { t, locale } = useT();
  useEffect(() => {
    // With a journey open, the editor keeps Undo and Redo up to date itself.
    const items = editorOpen ? EDITOR_ITEMS.filter((id) => id !== "undo" && id !== "redo") : EDITOR_ITEMS;
    const enabled = Object.fromEntries(items.map((id) => [id, editorOpen]));
    // The View menu marks the language the app is shown in.
    const languages = { langEn: `${locale === "en" ? "✓ " : ""}${t.menu.langEn}`, langNl: `${locale === "nl" ? "✓ " : ""}${t.menu.langNl}` };
    const labels = editorOpen ? { ...t.menu, ...languages } : { ...t.menu, ...languages, undo: t.undo, redo: t.redo };
    api.updateMenu(labels, enabled, menuAccelerators()).catch(() => undefined); // no native menu outside the app
  }, [t, locale, editorOpen]);
}

/**
 * Native menu choices arrive as one event; they are passed on as a DOM event so the screen
 * showing (home or editor) handles the ones that concern it.
 */
export function useMenuEvents(): void {
  useEffect(() => listenUntil(() => api.onMenu((id) => window.dispatchEvent(new CustomEvent<string>("jw-menu", { detail: id })))), []);
}

/** Chooses a menu entry as the native menu would: a co-editor's browser has no menu bar, so its toolbar does. */
export function chooseFromMenu(id: string): void {
  window.dispatchEvent(new CustomEvent<string>("jw-menu", { detail: id }));
}

export function onMenuChoice(handler: (id: string) => void): () => void {
  const listener = (e: Event) => handler((e as CustomEvent<string>).detail);
  window.addEventListener("jw-menu", listener);
  return () => window.removeEventListener("jw-menu", listener);
}

/** A modal dialog with a title and a Close button; Escape closes it too. */
function InfoDialog({ id, title, onClose, children }: { id: string; title: string; onClose(): void; children: ReactNode }) {
  const { t } = useT();
  return (
    <Modal labelledBy={id} onClose={onClose}>
      <h2 id={id}>{title}</h2>
      {children}
      <div className="dialog-actions">
        {/* No autoFocus: under a long list it scrolled the title away (the Modal decides). */}
        <button className="primary" onClick={onClose}>
          {t.close}
        </button>
      </div>
    </Modal>
  );
}

/** Every action that has a key here, as the F1 list shows them: the editor's, then the app's. */
const ACTIONS_WITH_KEYS = [...EDITOR_ACTIONS, ...APP_ACTIONS].filter((a) => a.keys?.length && available(a));

/** F1 / Help → Keyboard shortcuts: the actions' keys, then what is done with the mouse. */
export function ShortcutsDialog({ onClose }: { onClose(): void }) {
  const { t } = useT();
  return (
    <InfoDialog id="shortcuts-title" title={t.shortcutsTitle} onClose={onClose}>
      <table className="shortcuts">
        <tbody>
          {[...ACTIONS_WITH_KEYS.map((a) => [shownKeys(a.keys!), a.label(t)] as const), ...t.gestures].map(([keys, what]) => (
            <tr key={keys}>
              <th>
                <kbd>{keys}</kbd>
              </th>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </InfoDialog>
  );
}

export function AboutDialog({ version, dbPath, onClose }: { version: string; dbPath: string; onClose(): void }) {
  const { t } = useT();
  return (
    <InfoDialog id="about-title" title="Journeywall" onClose={onClose}>
      <p>{t.aboutBody(version)}</p>
      <p className="muted">{t.databaseAt(dbPath)}</p>
    </InfoDialog>
  );
}
