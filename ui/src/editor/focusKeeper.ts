// The focus is never left on the page's body. When what had the focus leaves the page (a button
// that closed its own panel, "Start a vote" replaced by the vote, the timer's menu once a time is
// chosen), the keyboard would start over from the top of the page and Enter or a letter would
// reach the board's shortcuts. Once the change has been drawn and the code that closed it had its
// chance to put the focus somewhere better, the focus goes to the nearest neighbour still there:
// the panel's heading, a dialog's first control, the timer, or else the board.

import { tabbable } from "../components/Modal";

/** How long an explicit choice of focus (a frame, an answer from the core) may take first. */
const GRACE_MS = 120;

export function keepFocusOnPage(root: HTMLElement, board: () => HTMLElement | null): () => void {
  // What had the focus, and its ancestors then: a removed element keeps no parent once the
  // subtree it was in is taken out, so its old place is remembered as it gets the focus.
  let last: Element[] = [];
  let timer = 0;
  const onFocusIn = (e: FocusEvent) => {
    last = [];
    for (let el = e.target instanceof Element ? e.target : null; el; el = el.parentElement) last.push(el);
  };
  const check = () => {
    if (!last[0] || last[0].isConnected || (document.activeElement && document.activeElement !== document.body)) return;
    neighbour(last.find((el) => el.isConnected) ?? null, board)?.focus({ preventScroll: true });
  };
  const observer = new MutationObserver(() => {
    if (!last[0] || last[0].isConnected) return;
    clearTimeout(timer);
    timer = window.setTimeout(check, GRACE_MS);
  });
  root.addEventListener("focusin", onFocusIn);
  observer.observe(root, { childList: true, subtree: true });
  return () => {
    clearTimeout(timer);
    observer.disconnect();
    root.removeEventListener("focusin", onFocusIn);
  };
}

/** The nearest place for the keyboard to go on from, in `kept`, what is left of where it was. */
function neighbour(kept: Element | null, board: () => HTMLElement | null): HTMLElement | null {
  const panel = kept?.closest("aside, [role='dialog'], [role='alertdialog']");
  if (panel) {
    const first = panel.matches("aside") ? panel.querySelector<HTMLElement>("h2") : (tabbable(panel as HTMLElement)[0] ?? null);
    if (first) return first;
  }
  // The timer's menu, once a time is chosen: the timer it started.
  const timer = kept?.closest(".room-timer");
  if (timer) return timer.querySelector<HTMLElement>(".timer-time, [data-action='timer']");
  return board();
}
