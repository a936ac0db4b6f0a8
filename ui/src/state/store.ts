// The editor's state, in two stores React reads with useSyncExternalStore. The journey store holds
// what is stored, and how saving it goes: the journey changes only through `send` (and the calls
// beside it), which asks the backend to apply an edit and merges what it reports. The view store
// holds what this window shows of it — selection, focus, zoom — which never leaves the front end
// and is never undone. A component subscribes with `useJourney` or `useView` to the part it draws.
import { api, type Applied, type Changes, type Edit, type JourneyDoc, type UndoState } from "../ipc";
import { mergeChanges } from "./merge";
import { Store, useStore } from "./observable";

export interface CellRef {
  phase: string;
  row: string;
}

export interface JourneyState {
  doc: JourneyDoc;
  history: UndoState;
  /** Edits sent and not yet confirmed: the "saving…" indicator. */
  pending: number;
  /** Why the backend last refused something, shown without blocking. */
  error: string | null;
  /** A refusal that is no fault but a rule of the moment (a dot over someone's allowance), said
   * as information where the user is working (the vote panel) rather than as an error. */
  notice: string | null;
  /** The last change the user made and the journey before it, for the screen reader to be told. */
  lastChange: LastChange | null;
}

export interface ViewState {
  selection: ReadonlySet<string>;
  focusedCell: CellRef | null;
  /** The phase or row (its id) the keyboard asked to rename; its header takes it up and clears it. */
  renaming: string | null;
  /** The card being edited inline, or a new card being typed into a cell. */
  editing: { card: string } | { cell: CellRef; index: number } | null;
  zoom: number;
  /** A fit is measuring the board: every cell is drawn, none at the height guessed for it off screen. */
  measuring: boolean;
  /** The vote participant whose turn it is: a click on a card then gives it their dot. */
  voter: string | null;
  /** The emotion point (its card) whose face ↑ and ↓ raise and lower, after Enter on it. */
  adjusting: string | null;
  /** Cards highlighted by a comparison of rounds, and how they changed. */
  marks: ReadonlyMap<string, Mark> | null;
}

export interface LastChange {
  how: "edit" | "undo" | "redo";
  /** The undo label of the step undone or redone. */
  label: string | null;
  /** The edit sent, when the change was one (not an undo or a redo). */
  edit: Edit | null;
  before: JourneyDoc;
  changes: Changes;
  /** Counts up, so the same words said twice are said again. */
  seq: number;
}

export type Mark = "added" | "moved" | "changed" | "removed";

export const useJourney = <U>(editor: Editor, pick: (s: JourneyState) => U): U => useStore(editor.journey, pick);
export const useView = <U>(editor: Editor, pick: (s: ViewState) => U): U => useStore(editor.view, pick);

export class Editor {
  readonly journey: Store<JourneyState>;
  readonly view = new Store<ViewState>({ selection: new Set(), focusedCell: null, renaming: null, editing: null, zoom: 1, measuring: false, voter: null, adjusting: null, marks: null });
  /** Edits run one after another, so a fast typist's edits reach the backend in order. */
  private queue: Promise<unknown> = Promise.resolve();

  /**
   * `readOnly`: the message shown when something tries to change this journey (a round being
   * looked at); no edit then reaches the backend.
   */
  constructor(
    doc: JourneyDoc,
    history: UndoState,
    private readonly readOnly: string | null = null,
  ) {
    this.journey = new Store<JourneyState>({ doc, history, pending: 0, error: null, notice: null, lastChange: null });
  }

  get isReadOnly(): boolean {
    return this.readOnly !== null;
  }

  get journeyId(): string {
    return this.journey.get().doc.journey.id;
  }

  /** The journey as stored, after `patch`, with the view let go of whatever it no longer has. */
  private setJourney(patch: Partial<JourneyState>): void {
    const view = patch.doc ? this.liveView(patch.doc) : {};
    if (Object.keys(view).length > 0) this.view.set(view);
    this.journey.set(patch);
  }

  /**
   * Sends an edit; resolves once it is on disk (or refused, in which case the stored truth is
   * reloaded). With `asNotice` a refusal is told as `notice`, not as `error`.
   */
  send(edit: Edit, { asNotice = false } = {}): Promise<Applied | null> {
    return this.sendInTurn(() => edit, { asNotice });
  }

  /**
   * Sends the edit `make` works out when its turn comes, from the board as the edits before it
   * left it: Ctrl+↓ pressed three times while the core is busy moves a card three places, not
   * once from a stale place. `make` returning null sends nothing.
   */
  sendInTurn(make: () => Edit | null, { asNotice = false } = {}): Promise<Applied | null> {
    let edit: Edit | null = null;
    const call = () => {
      edit = make();
      return edit ? api.applyEdit(this.journeyId, edit) : Promise.resolve(null);
    };
    return this.run(call, "edit", () => null, () => edit, asNotice);
  }

  /**
   * Undoes (or redoes) the step the board offers, and only that one (see `api.undo`). The step is
   * read when the undo's turn comes, not when the key was pressed: Ctrl+Z held down, or pressed
   * while an edit is still being saved, undoes step after step.
   */
  step(how: "undo" | "redo"): Promise<Applied | null> {
    if (this.journey.get().history[how] === null) return Promise.resolve(null);
    let label: string | null = null;
    const call = () => {
      const h = this.journey.get().history;
      label = h[how];
      return how === "undo" ? api.undo(this.journeyId, h.undoStep) : api.redo(this.journeyId, h.redoStep);
    };
    return this.run(call, how, () => label);
  }

  /** Resolves once every edit sent so far has been answered (e.g. before taking a snapshot). */
  settled(): Promise<void> {
    return this.queue.then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * Runs a backend command that applies an edit itself (e.g. after a file dialog) and merges what
   * it reports, in turn with the other edits; a command that resolves to null changed nothing.
   */
  applyVia(call: () => Promise<Applied | null>): Promise<Applied | null> {
    return this.run(call, "edit");
  }

  /**
   * `label`: the undo label of the step an undo or redo took, and `edit`: the edit sent, each
   * read once the call has run (the edit of `sendInTurn` is only made then).
   */
  private run(call: () => Promise<Applied | null>, how: LastChange["how"], label: () => string | null = () => null, edit: () => Edit | null = () => null, asNotice = false): Promise<Applied | null> {
    if (this.readOnly !== null) {
      if (this.view.get().editing) this.view.set({ editing: null });
      this.journey.set({ error: this.readOnly });
      return Promise.resolve(null);
    }
    this.journey.set({ pending: this.journey.get().pending + 1 });
    return this.enqueue(async () => {
      try {
        const applied = await call();
        if (!applied) {
          this.journey.set({ pending: this.journey.get().pending - 1 });
          return null;
        }
        const { doc: before, pending, lastChange: last } = this.journey.get();
        const doc = mergeChanges(before, applied.changes);
        const lastChange = { how, label: label(), edit: edit(), before, changes: applied.changes, seq: (last?.seq ?? 0) + 1 };
        this.setJourney({ doc, history: applied.history, pending: pending - 1, error: null, notice: null, lastChange });
        return applied;
      } catch (e) {
        const message = (e as Error).message;
        const pending = this.journey.get().pending - 1;
        this.journey.set(asNotice ? { pending, notice: message } : { pending, error: message });
        await this.reload();
        return null;
      }
    });
  }

  /** Runs `f` once everything queued before it has been answered (however that went). */
  private enqueue<T>(f: () => T | Promise<T>): Promise<T> {
    const result = this.queue.then(f, f);
    this.queue = result;
    return result;
  }

  /**
   * Merges what phones in the room changed (a note, a dot), in turn with the facilitator's own
   * edits; `history` is set when it is in the undo history (a note put straight on the board).
   */
  mergeFromRoom(changes: Changes, history: UndoState | null): void {
    void this.enqueue(() => this.mergeNow(changes, history));
  }

  private mergeNow(changes: Changes, history: UndoState | null): void {
    const { doc, history: before } = this.journey.get();
    this.setJourney({ doc: mergeChanges(doc, changes), history: history ?? before });
  }

  /**
   * Another writer on the database (a second window, the CLI) changed something: in turn with the
   * user's own edits, the board takes what is stored. Resolves to "changed" when this journey was
   * changed, "gone" when it was deleted there, "same" when the change was elsewhere.
   */
  followElsewhere(): Promise<"changed" | "gone" | "same"> {
    const follow = async (): Promise<"changed" | "gone" | "same"> => {
      let opened;
      try {
        opened = await api.openJourney(this.journeyId);
      } catch (e) {
        // Deleted there, or the file cannot be read just now (busy, a disk error): only a list
        // without the journey says it is gone; otherwise the board stays and says what failed.
        const list = await api.listJourneys().catch(() => null);
        if (list && !list.some((j) => j.id === this.journeyId)) return "gone";
        this.journey.set({ error: (e as Error).message });
        return "same";
      }
      const { doc, history } = this.journey.get();
      // The whole journey is compared: a phone's note or dot received by another process (a
      // headless room on this file) changes neither the journey's time nor its history.
      const same = opened.history.undoStep === history.undoStep && opened.history.redoStep === history.redoStep && sameValue(opened.doc, doc);
      if (same) return "same";
      this.setJourney({ doc: opened.doc, history: opened.history });
      return "changed";
    };
    return this.enqueue(follow);
  }

  /** Replaces the canvas with what is stored (after a refused edit). */
  private async reload(): Promise<void> {
    try {
      const opened = await api.openJourney(this.journeyId);
      this.setJourney({ doc: opened.doc, history: opened.history });
    } catch (e) {
      this.journey.set({ error: (e as Error).message });
    }
  }

  /**
   * The view state that no longer names something in `doc`, let go: a card selected or being
   * edited, a cell in focus or being typed into, a header being renamed, deleted meanwhile (by an
   * edit, an undo, another writer, a refused edit's reload) are let go rather than edited into an
   * error. Only what changes is in the patch.
   */
  private liveView(doc: JourneyDoc): Partial<ViewState> {
    const { selection, editing, focusedCell, renaming } = this.view.get();
    const cards = new Set(doc.cards.map((c) => c.id));
    const phases = new Set(doc.phases.map((p) => p.id));
    const rows = new Set(doc.rows.map((r) => r.id));
    const cellLives = (c: CellRef) => phases.has(c.phase) && rows.has(c.row);
    const patch: Partial<ViewState> = {};
    const kept = [...selection].filter((id) => cards.has(id));
    if (kept.length !== selection.size) patch.selection = new Set(kept);
    if (editing && !("card" in editing ? cards.has(editing.card) : cellLives(editing.cell))) patch.editing = null;
    if (focusedCell && !cellLives(focusedCell)) patch.focusedCell = null;
    if (renaming !== null && !phases.has(renaming) && !rows.has(renaming)) patch.renaming = null;
    return patch;
  }
}

/**
 * Whether two journeys (or parts of them) read from the backend say the same, whatever the order
 * of their keys and of records with ids in a list: an edit's changes merged into the board put a
 * moved card elsewhere in the list than a journey loaded whole (their place is in their fields),
 * and comparing JSON text called the board "changed elsewhere" when nothing was.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every(hasId) && b.every(hasId)) {
    const byId = new Map(b.map((r) => [r.id, r]));
    return a.every((r) => byId.has(r.id) && sameValue(r, byId.get(r.id)));
  }
  // A key whose value is undefined is no key: JSON has no such thing.
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const hasId = (r: unknown): r is { id: string } => typeof r === "object" && r !== null && typeof (r as { id?: unknown }).id === "string";

