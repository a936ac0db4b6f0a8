// The user's last choices in a dialog or view (poster options, export format, what the presenter
// hides), kept in the web view for the next time: a view preference, never part of the journey.
import { useEffect, useState } from "react";

/** What was kept under `key`, over `first` (all of `first` when nothing was, or it cannot be read). */
export function recall<T extends object>(key: string, first: T): T {
  try {
    const saved = JSON.parse(localStorage.getItem(key) ?? "null") as Partial<T> | null;
    return { ...first, ...saved };
  } catch {
    return first;
  }
}

export function keep(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full store: the choices just are not remembered.
  }
}

/** `useState` whose value is recalled when the component mounts and kept whenever it changes. */
export function useRemembered<T extends object>(key: string, first: T) {
  const [value, setValue] = useState(() => recall(key, first));
  useEffect(() => keep(key, value), [key, value]);
  return [value, setValue] as const;
}
