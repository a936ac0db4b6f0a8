import type { CSSProperties, KeyboardEvent, ReactNode } from "react";

export interface Choice {
  key: string;
  /** The accessible name, also the tooltip. */
  label: string;
  checked: boolean;
  choose(): void;
  content?: ReactNode;
  className?: string;
  style?: CSSProperties;
}

const NEXT: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * One choice out of a few (an emotion, a colour), as one Tab stop: the arrows move to the next
 * choice and choose it, Home and End to the first and last (the radio group of the ARIA practices).
 * A panel of such rows took twenty Tabs to cross; now it takes one each.
 */
export function RadioGroup({ label, className, choices }: { label: string; className?: string; choices: Choice[] }) {
  const current = Math.max(0, choices.findIndex((c) => c.checked));
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const at = choices.findIndex((_, i) => e.currentTarget.children[i] === document.activeElement);
    if (at < 0) return;
    const to = e.key === "Home" ? 0 : e.key === "End" ? choices.length - 1 : NEXT[e.key] !== undefined ? (at + NEXT[e.key]! + choices.length) % choices.length : null;
    if (to === null) return;
    e.preventDefault();
    (e.currentTarget.children[to] as HTMLElement | undefined)?.focus();
    choices[to]!.choose();
  };
  return (
    <div className={className} role="radiogroup" aria-label={label} onKeyDown={onKeyDown}>
      {choices.map((c, i) => (
        <button
          key={c.key}
          type="button"
          role="radio"
          aria-checked={c.checked}
          aria-label={c.label}
          title={c.label}
          tabIndex={i === current ? 0 : -1}
          className={[c.className, c.checked ? "on" : ""].filter(Boolean).join(" ")}
          style={c.style}
          onClick={c.choose}
        >
          {c.content}
        </button>
      ))}
    </div>
  );
}
