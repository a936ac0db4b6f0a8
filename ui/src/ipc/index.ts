// The only module that talks to the backend. It unwraps the generated command wrappers so the
// rest of the UI gets plain values, or a thrown BackendError carrying a message for the user.
import { commands, events } from "./bindings";
import type * as B from "./bindings";

// Records as the backend sends them (every field present), and edits as the backend reads them.
export type AppInfo = B.AppInfo_Serialize;
export type Applied = B.Applied_Serialize;
export type Card = B.Card_Serialize;
export type Changes = B.Changes_Serialize;
export type Edit = B.Edit_Deserialize;
export type JourneyDoc = B.JourneyDoc_Serialize;
export type JourneySummary = B.JourneySummary;
export type Lang = B.Lang;
export type OpenedJourney = B.OpenedJourney_Serialize;
export type Persona = B.Persona_Serialize;
export type Phase = B.Phase_Serialize;
export type PresentState = B.PresentState;
/** What the main window sends the projector window. */
export type ProjectorMessage = B.Present_Serialize;
export type ShownTimer = B.ShownTimer_Serialize;
export type PosterFormat = B.Format;
export type ExportFormat = B.ExportFormat;
export type Delimiter = B.Delimiter;
export type PosterInfo = B.PosterInfo;
export type PosterPapers = B.PosterPapers;
export type PosterOptions = B.PosterOptions_Deserialize;
export type PosterSize = B.PosterSize;
export type RoundDiff = B.RoundDiff_Serialize;
export type RoundInfo = B.RoundInfo;
export type Row = B.Row_Serialize;
export type Note = B.Note_Serialize;
export type RoomInfo = B.RoomInfo_Serialize;
export type JoinedPhone = B.JoinedPhone_Serialize;
export type EditorInfo = B.EditorInfo;
export type GroupRoom = B.GroupRoom_Serialize;
export type SplitBy = B.SplitBy;
export type TemplateInfo = B.TemplateInfo;
export type UndoState = B.UndoState_Serialize;
export type Vote = B.Vote_Serialize;

/** The typed events between the app and its windows (names and payloads generated from Rust). */
export { events };

export class BackendError extends Error {}

/**
 * Listens with `listen` until the function returned is called (also when that comes before the
 * listener is in place), for a React effect to return. Outside Tauri (the UI alone in a
 * browser) there are no events, and nothing happens.
 */
export function listenUntil(listen: () => Promise<() => void>): () => void {
  let stop: (() => void) | undefined;
  let gone = false;
  // Through a promise, so a listen that throws at once (no Tauri) is caught like one that fails later.
  Promise.resolve()
    .then(listen)
    .then((unlisten) => (gone ? unlisten() : (stop = unlisten)))
    .catch(() => undefined);
  return () => {
    gone = true;
    stop?.();
  };
}

/** Runs `f` when inside the Tauri app; the UI alone in a browser (the UI tests) has no window. */
export function inTauri(f: () => Promise<unknown>): void {
  Promise.resolve()
    .then(f)
    .catch(() => undefined);
}

/** A generated command with its answer unwrapped: the value, or a thrown `BackendError`. */
type Unwrapped<F> = F extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<Data<R>> : never;
type Data<R> = R extends { status: "ok"; data: infer T } ? T : R extends { status: "error" } ? never : R;

async function unwrap(answer: Promise<unknown>): Promise<unknown> {
  const r = (await answer) as { status?: string; data?: unknown; error?: B.CommandError } | undefined;
  if (r?.status === "error") throw new BackendError(r.error?.message ?? "");
  return r?.status === "ok" ? r.data : r;
}

/**
 * Every command of the core's list (`requests/list.rs`), by the generated name, answering the
 * plain value: a command added to the list is here with nothing more to write.
 */
export const api = {
  ...(Object.fromEntries(
    Object.entries(commands).map(([name, command]) => [name, (...args: never[]) => unwrap((command as (...a: never[]) => Promise<unknown>)(...args))]),
  ) as { [K in keyof typeof commands]: Unwrapped<(typeof commands)[K]> }),
  /** Calls `handler` with the id of each native menu entry chosen; resolves to an unsubscribe. */
  onMenu: (handler: (id: string) => void): Promise<() => void> => events.menuChosen.listen((e) => handler(e.payload.id)),
};
