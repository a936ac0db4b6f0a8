// What must be saved before the app quits: the edits each open editor has on their way. The app
// quits only once the window has saved what was being typed (menu.rs `ask_to_quit`).

const settlers = new Set<() => Promise<void>>();

/** `settle` is waited for before the app quits; the function returned takes it back. */
export function whenQuitting(settle: () => Promise<void>): () => void {
  settlers.add(settle);
  return () => settlers.delete(settle);
}

/** Saves what is being typed (leaving a field commits it, as a click elsewhere would) and waits for every edit on its way. */
export async function settleAll(): Promise<void> {
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  await Promise.all([...settlers].map((settle) => settle()));
}
