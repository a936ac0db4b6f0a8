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
export type Journey = B.Journey_Serialize;
export type JourneyDoc = B.JourneyDoc_Serialize;
export type JourneySummary = B.JourneySummary;
export type Lang = B.Lang;
export type OpenedJourney = B.OpenedJourney_Serialize;
export type Persona = B.Persona_Serialize;
export type Phase = B.Phase_Serialize;
export type PresentState = B.PresentState;
/** What the main window sends the projector window. */
export type ProjectorMessage = B.Present_Serialize;
export type PosterFormat = B.Format;
export type PosterInfo = B.PosterInfo;
export type PosterOptions = B.PosterOptions_Deserialize;
export type PosterPreview = B.PosterPreview;
export type PosterSize = B.PosterSize;
export type Round = B.Round_Serialize;
export type RoundDiff = B.RoundDiff_Serialize;
export type RoundInfo = B.RoundInfo;
export type Row = B.Row_Serialize;
export type Note = B.Note_Serialize;
export type RoomInfo = B.RoomInfo;
export type RoomOptions = B.RoomOptions;
export type Focus = B.Focus;
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
  listen()
    .then((unlisten) => (gone ? unlisten() : (stop = unlisten)))
    .catch(() => undefined);
  return () => {
    gone = true;
    stop?.();
  };
}

async function unwrap<T>(call: Promise<{ status: "ok"; data: T } | { status: "error"; error: B.CommandError }>): Promise<T> {
  const r = await call;
  if (r.status === "error") throw new BackendError(r.error.message);
  return r.data;
}

export const api = {
  appInfo: (): Promise<AppInfo> => unwrap(commands.appInfo()),
  listTemplates: (): Promise<TemplateInfo[]> => unwrap(commands.listTemplates()),
  listJourneys: () => unwrap(commands.listJourneys()),
  createJourney: (template: string, name: string | null) => unwrap(commands.createJourney(template, name)),
  openJourney: (journey: string): Promise<OpenedJourney> => unwrap(commands.openJourney(journey)),
  applyEdit: (journey: string, edit: Edit): Promise<Applied> => unwrap(commands.applyEdit(journey, edit)),
  /** `step`: the mark of the step the board offered (`UndoState.undoStep`); the core undoes
   * nothing if another writer on the file changed the history since. */
  undo: (journey: string, step: string | null): Promise<Applied> => unwrap(commands.undo(journey, step)),
  redo: (journey: string, step: string | null): Promise<Applied> => unwrap(commands.redo(journey, step)),
  setLanguage: (locale: string) => unwrap(commands.setLanguage(locale)),
  duplicateJourney: (journey: string, name: string) => unwrap(commands.duplicateJourney(journey, name)),
  deleteJourney: (journey: string) => unwrap(commands.deleteJourney(journey)),
  restoreDeletedJourney: () => unwrap(commands.restoreDeletedJourney()),
  /** The file is chosen in the native dialog and read in Rust; null: the dialog was cancelled. */
  chooseImport: (): Promise<string | null> => unwrap(commands.chooseImport()),
  posterPapers: (): Promise<string[]> => unwrap(commands.posterPapers()),
  posterPreview: (journey: string, options: PosterOptions): Promise<PosterPreview> => unwrap(commands.posterPreview(journey, options)),
  /** Asks where to save, writes the poster; resolves to the path, or null when cancelled. */
  savePoster: (journey: string, options: PosterOptions, format: PosterFormat, openWhenDone: boolean) =>
    unwrap(commands.savePoster(journey, options, format, openWhenDone)),
  exportJourney: (journey: string) => unwrap(commands.exportJourney(journey)),
  /** Asks for a picture file and gives it to the persona; resolves to null when cancelled. */
  choosePersonaPicture: (journey: string, persona: string): Promise<Applied | null> => unwrap(commands.choosePersonaPicture(journey, persona)),
  openProjector: () => unwrap(commands.openProjector()),
  closeProjector: () => commands.closeProjector(),
  /** From the projector window: it listens now; the presenter sends it the state. */
  projectorReady: () => commands.projectorReady(),
  listRounds: (journey: string): Promise<RoundInfo[]> => unwrap(commands.listRounds(journey)),
  saveRound: (journey: string, name: string): Promise<RoundInfo> => unwrap(commands.saveRound(journey, name)),
  openRound: (journey: string, round: string): Promise<Round> => unwrap(commands.openRound(journey, round)),
  /** What changed from one version to another; null stands for the journey as it is now. */
  compareRounds: (journey: string, from: string | null, to: string | null): Promise<RoundDiff> => unwrap(commands.compareRounds(journey, from, to)),
  renameRound: (journey: string, round: string, name: string) => unwrap(commands.renameRound(journey, round, name)),
  deleteRound: (journey: string, round: string) => unwrap(commands.deleteRound(journey, round)),
  restoreRound: (journey: string, round: string, name: string): Promise<string> => unwrap(commands.restoreRound(journey, round, name)),
  /** Opens the room for phones on the local network (or answers the one open for this journey). */
  openRoom: (journey: string, options: RoomOptions): Promise<RoomInfo> => unwrap(commands.openRoom(journey, options)),
  closeRoom: () => unwrap(commands.closeRoom()),
  roomInfo: (): Promise<RoomInfo | null> => unwrap(commands.roomInfo()),
  setRoomFocus: (focus: Focus) => unwrap(commands.setRoomFocus(focus)),
  updateMenu: (labels: Record<string, string>, enabled: Record<string, boolean>, accelerators: Record<string, string> = {}) =>
    unwrap(commands.updateMenu(labels, enabled, accelerators)),
  /** Calls `handler` with the id of each native menu entry chosen; resolves to an unsubscribe. */
  onMenu: (handler: (id: string) => void): Promise<() => void> => events.menuChosen.listen((e) => handler(e.payload.id)),
};
