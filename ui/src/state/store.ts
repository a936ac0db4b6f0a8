// A small external store for the editor (React reads it with useSyncExternalStore). Journey data
// only changes through `send`, which asks the backend to apply an edit and merges what it reports;
// selection, focus and zoom are view state and never leave the front end.
import { useSyncExternalStore } from "react";
import { api, type Applied, type Changes, type Edit, type JourneyDoc, type UndoState } from "../ipc";
import { mergeChanges } from "./merge";

export interface CellRef {
  phase: string;
  row: string;
}

export interface EditorState {
  doc: JourneyDoc;
  history: UndoState;
  /** Edits sent and not yet confirmed: the "saving…" indicator. */
  pending: number;
  /** Why the backend last refused something, shown without blocking. */
  error: string | null;
  /** A refusal that is no fault but a rule of the moment (a dot over someone's allowance), said
   * as information where the user is working (the vote panel) rather than as an error. */
  notice: string | null;
  selection: ReadonlySet<string>;
  focusedCell: CellRef | null;
  /** The phase or row (its id) the keyboard asked to rename; its header takes it up and clears it. */
  renaming: string | null;
  /** The card being edited inline, or a new card being typed into a cell. */
  editing: { card: string } | { cell: CellRef; index: number } | null;
  zoom: number;
  /** The vote participant whose turn it is: a click on a card then gives it their dot. */
  voter: string | null;
  /** Cards highlighted by a comparison of rounds, and how they changed. */
  marks: ReadonlyMap<string, Mark> | null;
  /** The last change the user made and the journey before it, for the screen reader to be told. */
  lastChange: LastChange | null;
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

type Listener = () => void;

export class Editor {
  private state: EditorState;
  private listeners = new Set<Listener>();
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
    this.state = { doc, history, pending: 0, error: null, notice: null, selection: new Set(), focusedCell: null, renaming: null, editing: null, zoom: 1, voter: null, marks: null, lastChange: null };
  }

  get isReadOnly(): boolean {
    return this.readOnly !== null;
  }

  get = (): EditorState => this.state;

  subscribe = (l: Listener): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };

  set(patch: Partial<EditorState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  get journeyId(): string {
    return this.state.doc.journey.id;
  }

  /**
   * Sends an edit; resolves once it is on disk (or refused, in which case the stored truth is
   * reloaded). With `asNotice` a refusal is told as `notice`, not as `error`.
   */
  send(edit: Edit, { asNotice = false } = {}): Promise<Applied | null> {
    return this.run(() => api.applyEdit(this.journeyId, edit), "edit", () => null, () => edit, asNotice);
  }

  /**
   * Sends the edit `make` works out when its turn comes, from the board as the edits before it
   * left it: Ctrl+↓ pressed three times while the core is busy moves a card three places, not
   * once from a stale place. `make` returning null sends nothing.
   */
  sendInTurn(make: () => Edit | null): Promise<Applied | null> {
    let edit: Edit | null = null;
    const call = () => {
      edit = make();
      return edit ? api.applyEdit(this.journeyId, edit) : Promise.resolve(null);
    };
    return this.run(call, "edit", () => null, () => edit);
  }

  /**
   * Undoes the step the board offers, and only that one (see `api.undo`). The step is read when
   * the undo's turn comes, not when the key was pressed: Ctrl+Z held down, or pressed while an
   * edit is still being saved, undoes step after step.
   */
  undo(): Promise<Applied | null> {
    return this.step("undo");
  }

  redo(): Promise<Applied | null> {
    return this.step("redo");
  }

  private step(how: "undo" | "redo"): Promise<Applied | null> {
    if (this.state.history[how] === null) return Promise.resolve(null);
    let label: string | null = null;
    const call = () => {
      const h = this.state.history;
      label = how === "undo" ? h.undo : h.redo;
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

  /** `label`: the undo label of the step an undo or redo took, once it has run. */
  private run(call: () => Promise<Applied | null>, how: LastChange["how"], label: () => string | null = () => null, edit: () => Edit | null = () => null, asNotice = false): Promise<Applied | null> {
    if (this.readOnly !== null) {
      this.set({ error: this.readOnly, editing: null });
      return Promise.resolve(null);
    }
    this.set({ pending: this.state.pending + 1 });
    const result = this.queue.then(async () => {
      try {
        const applied = await call();
        if (!applied) {
          this.set({ pending: this.state.pending - 1 });
          return null;
        }
        const before = this.state.doc;
        const doc = mergeChanges(before, applied.changes);
        const lastChange = { how, label: label(), edit: edit(), before, changes: applied.changes, seq: (this.state.lastChange?.seq ?? 0) + 1 };
        this.set({ doc, history: applied.history, pending: this.state.pending - 1, error: null, notice: null, selection: this.live(this.state.selection, doc), lastChange });
        return applied;
      } catch (e) {
        const message = (e as Error).message;
        this.set(asNotice ? { pending: this.state.pending - 1, notice: message } : { pending: this.state.pending - 1, error: message });
        await this.reload();
        return null;
      }
    });
    this.queue = result;
    return result;
  }

  /**
   * Merges what phones in the room changed (a note, a dot), in turn with the facilitator's own
   * edits; `history` is set when it is in the undo history (a note put straight on the board).
   */
  mergeFromRoom(changes: Changes, history: UndoState | null): void {
    this.queue = this.queue.then(
      () => this.mergeNow(changes, history),
      () => this.mergeNow(changes, history),
    );
  }

  private mergeNow(changes: Changes, history: UndoState | null): void {
    const doc = mergeChanges(this.state.doc, changes);
    this.set({ doc, history: history ?? this.state.history, selection: this.live(this.state.selection, doc) });
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
        this.set({ error: (e as Error).message });
        return "same";
      }
      const { doc, history } = this.state;
      const same = opened.doc.journey.updatedAt === doc.journey.updatedAt && opened.history.undoStep === history.undoStep && opened.history.redoStep === history.redoStep;
      if (same) return "same";
      this.set({ doc: opened.doc, history: opened.history, ...this.liveView(opened.doc) });
      return "changed";
    };
    const result = this.queue.then(follow, follow);
    this.queue = result;
    return result;
  }

  /** Replaces the canvas with what is stored (after a refused edit). */
  async reload(): Promise<void> {
    try {
      const opened = await api.openJourney(this.journeyId);
      this.set({ doc: opened.doc, history: opened.history, ...this.liveView(opened.doc) });
    } catch (e) {
      this.set({ error: (e as Error).message });
    }
  }

  /**
   * The view state that still names something in `doc`: a card being edited, a cell in focus or
   * being typed into, a header being renamed, deleted meanwhile (elsewhere, or by a refused edit's
   * reload), are let go rather than edited into an error.
   */
  private liveView(doc: JourneyDoc): Pick<EditorState, "selection" | "editing" | "focusedCell" | "renaming"> {
    const { editing, focusedCell, renaming } = this.state;
    const phases = new Set(doc.phases.map((p) => p.id));
    const rows = new Set(doc.rows.map((r) => r.id));
    const cellLives = (c: CellRef | null) => c !== null && phases.has(c.phase) && rows.has(c.row);
    const editingLives = editing === null || ("card" in editing ? doc.cards.some((c) => c.id === editing.card) : cellLives(editing.cell));
    return {
      selection: this.live(this.state.selection, doc),
      editing: editingLives ? editing : null,
      focusedCell: cellLives(focusedCell) ? focusedCell : null,
      renaming: renaming === null || phases.has(renaming) || rows.has(renaming) ? renaming : null,
    };
  }

  /** The selection without cards that no longer exist. */
  private live(selection: ReadonlySet<string>, doc: JourneyDoc): ReadonlySet<string> {
    const ids = new Set(doc.cards.map((c) => c.id));
    const kept = [...selection].filter((id) => ids.has(id));
    return kept.length === selection.size ? selection : new Set(kept);
  }
}

export function useEditor<T>(editor: Editor, pick: (s: EditorState) => T): T {
  return useSyncExternalStore(editor.subscribe, () => pick(editor.get()));
}
