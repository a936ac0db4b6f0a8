// The focus is never left on the page's body. When what had the focus leaves the page (a button
// that closed its own panel, "Start a vote" replaced by the vote, the timer's menu once a time is
// chosen), the keyboard would start over from the top of the page and Enter or a letter would
// reach the board's shortcuts. Once the change has been drawn and the code that closed it had its
// chance to put the focus somewhere better, the focus goes to the nearest neighbour still there:
// the panel's heading, a dialog's first control, the toolbar's button, or else the board.

/** How long an explicit choice of focus (a frame, an answer from the core) may take first. */
const GRACE_MS = 120;

export function keepFocusOnPage(root: HTMLElement, board: () => HTMLElement | null): () => void {
  let last: Element | null = null;
  let timer = 0;
  const onFocusIn = (e: FocusEvent) => {
    last = e.target instanceof Element ? e.target : null;
  };
  const check = () => {
    const lost = last;
    if (!lost || lost.isConnected || (document.activeElement && document.activeElement !== document.body)) return;
    neighbour(lost, board)?.focus({ preventScroll: true });
  };
  const observer = new MutationObserver(() => {
    if (!last || last.isConnected) return;
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

/** The nearest place for the keyboard to go on from, once `lost` is gone. */
function neighbour(lost: Element, board: () => HTMLElement | null): HTMLElement | null {
  let kept = lost.parentElement;
  while (kept && !kept.isConnected) kept = kept.parentElement;
  const panel = kept?.closest("aside, [role='dialog'], [role='alertdialog']");
  if (panel) {
    const first = panel.matches("aside") ? panel.querySelector<HTMLElement>("h2") : panel.querySelector<HTMLElement>("button:not([disabled]), input, textarea, select, [tabindex]");
    if (first) return first;
  }
  const bar = kept?.closest(".journey-header");
  if (bar) return bar.querySelector<HTMLElement>("[data-action='timer'], .timer-time") ?? bar.querySelector<HTMLElement>("button:not([disabled])");
  return board();
}
