// One shape for every piece of shared state in the window (the editor's journey and view, the room
// timer, the confirmation asked): React reads it with useSyncExternalStore.
import { useSyncExternalStore } from "react";

type Listener = () => void;

/** A value that is replaced, never changed in place, and tells its listeners when it is. */
export class Store<T extends object> {
  private listeners = new Set<Listener>();

  constructor(private state: T) {}

  get = (): T => this.state;

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  set(patch: Partial<T>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}

/** The part of `store` that `pick` takes; the component renders again only when that changes. */
export function useStore<T extends object, U>(store: Store<T>, pick: (s: T) => U): U {
  return useSyncExternalStore(store.subscribe, () => pick(store.get()));
}
