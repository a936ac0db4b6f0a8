import { useEffect, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from "react";

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The elements Tab reaches inside `root`, in order (hidden ones left out). Of a group of radios
 * Tab reaches one, the checked one (else the first), as the browser does: with every radio
 * counted, Shift+Tab from a checked second radio left a dialog.
 */
export function tabbable(root: HTMLElement): HTMLElement[] {
  const reached = (el: HTMLElement) => {
    if (!(el instanceof HTMLInputElement) || el.type !== "radio" || !el.name) return true;
    const group = [...root.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${CSS.escape(el.name)}"]`)];
    return el === (group.find((r) => r.checked) ?? group[0]);
  };
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0 && reached(el));
}

/**
 * Whether `e` is Tab or Shift+Tab. WebKitGTK gives Shift+Tab the key "Unidentified" (its code is
 * "Tab"), so a check of the key alone let Shift+Tab out of every dialog in the app's own window.
 */
export const isTab = (e: KeyboardEvent | { key: string; code: string }) => e.key === "Tab" || e.code === "Tab";

/** Open traps, innermost last: only the innermost one answers keys (a question over a dialog). */
const open: HTMLElement[] = [];

/**
 * Keeps the keyboard inside `ref` while it is shown: focus moves in when it opens (unless an
 * element in it took it already), Tab and Shift+Tab go round inside it, and when it closes the
 * focus goes back to where it was, so a keyboard user carries on from the button that opened it.
 */
export function useFocusTrap(ref: RefObject<HTMLElement | null>, onEscape?: () => void): void {
  const escape = useRef(onEscape);
  useLayoutEffect(() => {
    escape.current = onEscape;
  });
  // Taken while the dialog first renders: by the time effects run, a field with autoFocus in it
  // has the focus already.
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const before = opener;
    open.push(root);
    if (!root.contains(document.activeElement)) {
      // The first control, unless it is below the dialog's first screenful (the shortcut list's
      // Close at its end): then the dialog itself, so that it opens at its top (WebKit scrolled
      // to the focused button, hiding the title and the first shortcuts).
      const first = tabbable(root)[0];
      const below = first && first.getBoundingClientRect().bottom > root.getBoundingClientRect().top + root.clientHeight;
      (first && !below ? first : root).focus({ preventScroll: true });
    }
    const onKey = (e: KeyboardEvent) => {
      if (open[open.length - 1] !== root) return;
      if (e.key === "Escape" && escape.current) {
        e.preventDefault();
        e.stopPropagation();
        escape.current();
      }
      if (!isTab(e)) return;
      const items = tabbable(root);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) {
        e.preventDefault();
        return;
      }
      // The next stop is chosen here, not by the browser: WebKit's own order skipped out of the
      // poster dialog from its checked radio (walk), where Chromium's stayed in.
      e.preventDefault();
      const at = items.indexOf(document.activeElement as HTMLElement);
      const next = at < 0 ? (e.shiftKey ? last : first) : items[(at + (e.shiftKey ? items.length - 1 : 1)) % items.length];
      next?.focus();
    };
    // On the document, so a Tab from an element outside (a click on the backdrop) is caught too.
    document.addEventListener("keydown", onKey, true);
    return () => {
      document.removeEventListener("keydown", onKey, true);
      open.splice(open.indexOf(root), 1);
      if (before?.isConnected) before.focus({ preventScroll: true });
    };
  }, [ref, opener]);
}

/**
 * A modal dialog over a dimmed backdrop: named by its heading (`labelledBy`), Escape runs
 * `onClose` (unless it is absent, while something must finish), focus stays inside.
 */
export function Modal(props: {
  className?: string;
  role?: "dialog" | "alertdialog";
  labelledBy: string;
  onClose?: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useFocusTrap(ref, props.onClose);
  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className={`dialog${props.className ? ` ${props.className}` : ""}`}
        role={props.role ?? "dialog"}
        aria-modal="true"
        aria-labelledby={props.labelledBy}
        tabIndex={-1}
      >
        {props.children}
      </div>
    </div>
  );
}
