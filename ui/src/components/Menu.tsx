import { Icon } from "./Icon";
import { onScreen } from "./rects";
import { isTab } from "./Modal";
import { Fragment, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";

/** Moves `menu` back inside the window when it would open past an edge (a row's menu at the left). */
function keepOnScreen(menu: HTMLElement): void {
  menu.style.translate = "";
  const r = onScreen(menu);
  // Inside the zoomed board a CSS pixel is not a screen pixel.
  const scale = menu.offsetWidth > 0 ? r.width / menu.offsetWidth : 1;
  const margin = 8;
  const dx = r.left < margin ? margin - r.left : r.right > window.innerWidth - margin ? window.innerWidth - margin - r.right : 0;
  // Too low: it opens above its button instead (but never past the top).
  const anchor = menu.parentElement && onScreen(menu.parentElement);
  const dy = r.bottom > window.innerHeight - margin && anchor ? Math.max(margin - r.top, -(r.height + anchor.height)) : 0;
  if (dx || dy) menu.style.translate = `${dx / scale}px ${dy / scale}px`;
}

const choices = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>("button:not([disabled])") ?? [])];

/** One choice in a `MenuButton`, or something else drawn between them (the phase's colour swatches). */
export type MenuEntry = { label: string; run(): unknown; disabled?: boolean; danger?: boolean } | ((close: () => void) => ReactNode);

/**
 * A "⋯" button with a small menu: it opens on screen with the focus on its first item, the
 * arrow keys go through the items, and a choice, Escape, Tab or a click elsewhere closes it.
 * A choice and Escape give the focus back to where it was when the menu opened (the button, or
 * the phase header whose Shift+F10 opened it), so a keyboard user carries on from there.
 */
export function MenuButton({ label, items, tabIndex }: { label: string; items: MenuEntry[]; tabIndex?: number }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const giveBack = () => (opener.current?.isConnected ? opener.current : button.current)?.focus({ preventScroll: true });
  useLayoutEffect(() => {
    if (!open || !menu.current) return;
    keepOnScreen(menu.current);
    choices(menu.current)[0]?.focus({ preventScroll: true });
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        e.stopPropagation();
        setOpen(false);
        giveBack();
      } else if (isTab(e)) {
        setOpen(false);
      } else if (e.key === "ArrowDown" || e.key === "ArrowUp" || e.key === "Home" || e.key === "End") {
        const list = choices(menu.current);
        if (list.length === 0) return;
        e.preventDefault();
        e.stopPropagation();
        const at = list.indexOf(document.activeElement as HTMLElement);
        const next = e.key === "Home" ? 0 : e.key === "End" ? list.length - 1 : (at + (e.key === "ArrowDown" ? 1 : -1) + list.length) % list.length;
        list[next]?.focus();
      }
    };
    const listening = new AbortController();
    window.addEventListener("pointerdown", away, { capture: true, signal: listening.signal });
    window.addEventListener("keydown", key, { capture: true, signal: listening.signal });
    return () => listening.abort();
  }, [open]);
  const toggle = () => {
    const focused = document.activeElement;
    if (!open) opener.current = focused instanceof HTMLElement && focused !== document.body ? focused : null;
    setOpen(!open);
  };
  return (
    <div className="menu-anchor" ref={ref} onPointerDown={(e) => e.stopPropagation()}>
      <button ref={button} className="icon-button" tabIndex={tabIndex} aria-label={label} title={label} aria-haspopup="menu" aria-expanded={open} onClick={toggle}>
        <Icon name="more" />
      </button>
      {open ? (
        <div ref={menu} className="menu" role="menu" aria-label={label}>
          {items.map((item, i) =>
            typeof item === "function" ? (
              <Fragment key={i}>{item(() => setOpen(false))}</Fragment>
            ) : (
              <button key={i} role="menuitem" className={item.danger ? "danger" : undefined} disabled={item.disabled} onClick={() => (setOpen(false), giveBack(), void item.run())}>
                {item.label}
              </button>
            ),
          )}
        </div>
      ) : null}
    </div>
  );
}

/**
 * An inline text editor: Enter or blur commits, Escape cancels. `onClose` runs either way;
 * `onCommit` only when the text changed (and is not blank, unless `allowBlank`).
 */
export function InlineInput(props: {
  initial: string;
  label: string;
  placeholder?: string;
  className?: string;
  multiline?: boolean;
  allowBlank?: boolean;
  onClose(): void;
  onCommit(value: string): unknown;
}) {
  const done = useRef(false);
  const finish = (value: string | null) => {
    if (done.current) return;
    done.current = true;
    props.onClose();
    if (value !== null && value !== props.initial && (props.allowBlank || value.trim())) void props.onCommit(value);
  };
  const common = {
    className: props.className ?? "inline-input",
    defaultValue: props.initial,
    placeholder: props.placeholder,
    autoFocus: true,
    "aria-label": props.label,
    onFocus: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => e.currentTarget.select(),
    onPointerDown: (e: React.PointerEvent) => e.stopPropagation(),
    onKeyDown: (e: React.KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
      if (e.key === "Enter" && !e.shiftKey) {
        e.preventDefault();
        finish(e.currentTarget.value);
      } else if (e.key === "Escape") {
        e.preventDefault();
        e.stopPropagation();
        finish(null);
      }
    },
    onBlur: (e: React.FocusEvent<HTMLInputElement | HTMLTextAreaElement>) => finish(e.currentTarget.value),
  };
  return props.multiline ? <textarea rows={3} {...common} /> : <input {...common} />;
}
