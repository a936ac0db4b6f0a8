// Every action of the app, once: its id (also the native menu entry's), its name, its keys, when
// it may run, and what it does. The keyboard handler, the native menu (labels, greying out and
// accelerators), the toolbar and the F1 list all read these lists, so an action is added, renamed
// or rebound in one place.
import type { Messages } from "../i18n";
import type { Editor } from "../state/store";
import { cellOf, deleteSelection, duplicateSelection, moveBandBy, nudgeSelection, resizePhaseBy, selectedCards } from "../journey/actions";
import { activeVoter } from "../journey/vote";
import { cellCards } from "../journey/cells";
import { reveal, walk, type Arrow } from "./walk";
import { fitZoom, zoomStep, zoomTo } from "./zoom";
import { onEditorLink } from "../ipc/remote";

/** Where a key counts: `always` also in a text field; `notTyping` not in a text field (whose own
 * Ctrl+Z undoes typing); `board` only while the board (a card, a cell, a header) has the focus and
 * no card is being edited — a focused button, field, menu or dialog gets its own keys. */
export type Scope = "always" | "notTyping" | "board";

export interface Action<C> {
  id: string;
  label(t: Messages): string;
  /** As the F1 list shows them and the keyboard matches them: "Ctrl+Shift+Z", "F2", "ArrowUp". */
  keys?: readonly string[];
  scope?: Scope;
  /** The native menu carries the first key as its accelerator (only keys that mean nothing in a
   * text field: the menu takes them before the page sees them). */
  menuKey?: boolean;
  /** Changes the journey: not while a round is shown instead of it. */
  edits?: boolean;
  /** The laptop's own: not on a co-editor's page (see `available`). */
  laptopOnly?: boolean;
  /** Whether it may run now; `key` is the key pressed, for actions that act on what has the focus. */
  enabled?(ctx: C, key?: KeyboardEvent): boolean;
  run(ctx: C, key?: KeyboardEvent): void;
}

// --- the editor ----------------------------------------------------------------------------------

/** What the editor's actions act on, and the editor's own screens they open. */
export interface EditorContext {
  editor: Editor;
  scroller(): HTMLElement | null;
  /** What is shown instead of the journey, if anything: nothing may change it then. */
  away(): "presenting" | "round" | null;
  open(screen: "poster" | "export" | "capture" | "present" | "room" | "vote" | "rounds" | "personas"): void;
  /** Shows the card details panel, or hides it when it is showing. */
  toggleDetails(): void;
}

const hasSelection = (c: EditorContext) => c.editor.view.get().selection.size > 0;
/** The selected cards are what a key acts on: not on a focused header or label, whose keys are its own. */
const onSelection = (c: EditorContext, e?: KeyboardEvent) => hasSelection(c) && bandElement(e) === null;
const ARROWS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight"];
/** The four arrow keys with `modifiers` held: "Ctrl+ArrowUp" … */
const arrows = (modifiers: string) => ARROWS.map((a) => modifiers + a);

export const EDITOR_ACTIONS: readonly Action<EditorContext>[] = [
  {
    id: "undo",
    label: (t) => t.undo,
    keys: ["Ctrl+Z"],
    scope: "notTyping",
    edits: true,
    enabled: (c) => c.editor.journey.get().history.undo !== null,
    run: (c) => void c.editor.step("undo"),
  },
  {
    id: "redo",
    label: (t) => t.redo,
    keys: ["Ctrl+Shift+Z", "Ctrl+Y"],
    scope: "notTyping",
    edits: true,
    enabled: (c) => c.editor.journey.get().history.redo !== null,
    run: (c) => void c.editor.step("redo"),
  },
  {
    id: "addCard",
    label: (t) => t.menu.addCard,
    keys: ["N"],
    edits: true,
    run: ({ editor }) => {
      const first = selectedCards(editor)[0];
      const { doc } = editor.journey.get();
      const { focusedCell } = editor.view.get();
      const cell = focusedCell ?? (first ? cellOf(first) : doc.phases[0] && doc.rows[0] ? { phase: doc.phases[0].id, row: doc.rows[0].id } : null);
      if (cell) editor.view.set({ editing: { cell, index: cellCards(doc, cell).length }, focusedCell: cell });
    },
  },
  {
    id: "giveDot",
    label: (t) => t.actions.giveDot,
    keys: ["Enter", "+"],
    edits: true,
    // While a participant has the turn: the keyboard's click on the focused card. A held key gives
    // one dot, and its repeats are still this action's (they must not open the title editor). Not
    // Space: Space held is the hand that pans.
    enabled: (c, e) => voterAndCard(c) !== null && e?.target instanceof HTMLElement && e.target.matches(".cell .card"),
    run: (c, e) => {
      const v = voterAndCard(c);
      if (v && !e?.repeat) void c.editor.send({ type: "placeDot", participant: v.voter, card: v.card }, { asNotice: true });
    },
  },
  {
    id: "takeBackDot",
    label: (t) => t.actions.takeBackDot,
    // While voting, Delete never deletes a card: it takes the participant's dot back.
    keys: ["-", "Delete", "Backspace"],
    edits: true,
    enabled: (c, e) => activeVoter(c.editor) !== null && onSelection(c, e),
    run: (c) => {
      const v = voterAndCard(c);
      if (v) void c.editor.send({ type: "takeBackDot", participant: v.voter, card: v.card }, { asNotice: true });
    },
  },
  {
    id: "stopAdjusting",
    label: (t) => t.actions.stopAdjusting,
    keys: ["Enter", "Escape"],
    // Only on the face being adjusted; leaving it (a click, Tab, ← →) ends it too (EmotionLane).
    enabled: (c, e) => c.editor.view.get().adjusting !== null && c.editor.view.get().adjusting === emotionPointOf(e),
    run: ({ editor }) => editor.view.set({ adjusting: null }),
  },
  {
    id: "adjustEmotion",
    label: (t) => t.actions.adjustEmotion,
    keys: ["Enter"],
    // Enter on a focused face: ↑ and ↓ then raise and lower it, and walk the board again after
    // Enter or Escape (↑ and ↓ walking into the emotion row must not change the faces they pass).
    enabled: (_, e) => emotionPointOf(e) !== null,
    run: ({ editor }, e) => editor.view.set({ adjusting: emotionPointOf(e) }),
  },
  {
    id: "bandMenu",
    label: (t) => t.actions.bandMenu,
    keys: ["Shift+F10", "ContextMenu"],
    enabled: (_, e) => bandElement(e) !== null,
    run: (_, e) => bandElement(e)?.querySelector<HTMLButtonElement>(".menu-anchor > button")?.click(),
  },
  {
    id: "renameBand",
    label: (t) => t.actions.renameBand,
    keys: ["Enter", "F2"],
    edits: true,
    // Only on the header or label itself: Enter on its ⋯ button opens the menu.
    enabled: (_, e) => bandItself(e) !== null,
    run: ({ editor }, e) => editor.view.set({ renaming: bandItself(e) }),
  },
  {
    id: "editCard",
    label: (t) => t.actions.editCard,
    keys: ["Enter", "F2"],
    edits: true,
    enabled: (c) => c.editor.view.get().selection.size === 1,
    run: ({ editor }) => editor.view.set({ editing: { card: [...editor.view.get().selection][0]! } }),
  },
  { id: "duplicate", label: (t) => t.menu.duplicate, keys: ["Ctrl+D"], edits: true, enabled: onSelection, run: (c) => void duplicateSelection(c.editor) },
  { id: "delete", label: (t) => t.menu.delete, keys: ["Delete", "Backspace"], edits: true, enabled: onSelection, run: (c) => void deleteSelection(c.editor) },
  {
    id: "selectAll",
    label: (t) => t.menu.selectAll,
    keys: ["Ctrl+A"],
    run: ({ editor }) => editor.view.set({ selection: new Set(editor.journey.get().doc.cards.map((c) => c.id)) }),
  },
  { id: "clearSelection", label: (t) => t.actions.clearSelection, keys: ["Escape"], run: ({ editor }) => editor.view.set({ selection: new Set() }) },
  {
    id: "emotion",
    label: (t) => t.actions.emotion,
    keys: ["ArrowUp", "ArrowDown"],
    edits: true,
    // On the face Enter chose to adjust, ↑ and ↓ raise and lower it (not past +2 or −2).
    enabled: (c, e) => emotionPointOf(e) !== null && c.editor.view.get().adjusting === emotionPointOf(e),
    // Worked out when its turn comes, from the face as the steps before left it: ↑↑ pressed
    // before the core answers raises it twice.
    run: ({ editor }, e) => {
      const card = emotionPointOf(e);
      const delta = e?.key === "ArrowUp" ? 1 : -1;
      void editor.sendInTurn(() => {
        const now = editor.journey.get().doc.cards.find((k) => k.id === card);
        const score = now && Math.max(-2, Math.min(2, (now.emotion ?? 0) + delta));
        return now && score !== undefined && score !== now.emotion ? { type: "updateCard", card: now.id, emotion: score } : null;
      });
    },
  },
  { id: "walk", label: (t) => t.actions.walk, keys: arrows(""), run: (c, e) => e && walk(c.editor, e.key as Arrow, false, e.target) },
  { id: "extend", label: (t) => t.actions.extend, keys: arrows("Shift+"), run: (c, e) => e && walk(c.editor, e.key as Arrow, true, e.target) },
  {
    id: "nudge",
    label: (t) => t.actions.nudge,
    keys: arrows("Ctrl+"),
    edits: true,
    enabled: onSelection,
    run: ({ editor }, e) => {
      if (!e) return;
      void nudgeSelection(editor, e.key.slice(5).toLowerCase() as "up" | "down" | "left" | "right").then((cell) => {
        // The focus and the view follow the cards, under a side panel or past the edge.
        if (!cell) return;
        editor.view.set({ focusedCell: cell });
        const first = [...editor.view.get().selection][0];
        if (first) reveal(`[data-card-id="${first}"]`);
      });
    },
  },
  {
    id: "reorder",
    label: (t) => t.actions.reorder,
    keys: arrows("Alt+"),
    edits: true,
    run: ({ editor }, e) => {
      const { phase, row } = focusedBand(e);
      const delta = e?.key === "ArrowUp" || e?.key === "ArrowLeft" ? -1 : 1;
      const across = e?.key === "ArrowLeft" || e?.key === "ArrowRight";
      if (phase && across) void moveBandBy(editor, "phase", phase, delta).then(() => reveal(`.phase-header[data-phase-id="${phase}"]`));
      if (row && !across) void moveBandBy(editor, "row", row, delta).then(() => reveal(`.row-label[data-row-id="${row}"]`));
    },
  },
  {
    id: "resize",
    label: (t) => t.actions.resize,
    keys: ["Alt+Shift+ArrowLeft", "Alt+Shift+ArrowRight"],
    edits: true,
    run: ({ editor }, e) => {
      const { phase } = focusedBand(e);
      if (phase) void resizePhaseBy(editor, phase, e?.key === "ArrowLeft" ? -1 : 1);
    },
  },
  { id: "zoomIn", label: (t) => t.menu.zoomIn, keys: ["Ctrl+=", "Ctrl++"], scope: "always", menuKey: true, run: (c) => zoomStep(c.editor, c.scroller(), 1) },
  { id: "zoomOut", label: (t) => t.menu.zoomOut, keys: ["Ctrl+-"], scope: "always", menuKey: true, run: (c) => zoomStep(c.editor, c.scroller(), -1) },
  { id: "zoomFit", label: (t) => t.menu.zoomFit, keys: ["Ctrl+0"], scope: "always", menuKey: true, run: (c) => fitZoom(c.editor, c.scroller()) },
  { id: "zoomReset", label: (t) => t.menu.zoomReset, keys: ["0"], run: (c) => zoomTo(c.editor, c.scroller(), 1) },
  { id: "details", label: (t) => t.menu.details, keys: ["Ctrl+I"], scope: "always", menuKey: true, run: (c) => c.toggleDetails() },
  { id: "capture", label: (t) => t.capture.title, keys: ["Ctrl+K"], scope: "always", edits: true, run: (c) => c.open("capture") },
  { id: "poster", label: (t) => t.menu.poster, keys: ["Ctrl+P"], scope: "always", menuKey: true, run: (c) => c.open("poster") },
  { id: "present", label: (t) => t.present.title, keys: ["F5"], scope: "always", laptopOnly: true, run: (c) => c.open("present") },
  { id: "export", label: (t) => t.menu.export, run: (c) => c.open("export") },
  { id: "room", label: (t) => t.room.tooltip, laptopOnly: true, run: (c) => c.open("room") },
  { id: "vote", label: (t) => t.vote.title, run: (c) => c.open("vote") },
  { id: "rounds", label: (t) => t.rounds.title, laptopOnly: true, run: (c) => c.open("rounds") },
  { id: "personas", label: (t) => t.personas.button, run: (c) => c.open("personas") },
];

/** The participant whose turn it is and the one card they are on, while a vote is open. */
function voterAndCard(c: EditorContext): { voter: string; card: string } | null {
  const voter = activeVoter(c.editor);
  const { selection } = c.editor.view.get();
  return voter && selection.size === 1 ? { voter, card: [...selection][0]! } : null;
}

/** The card of the emotion face a key was pressed on itself, if it was. */
function emotionPointOf(e: KeyboardEvent | undefined): string | null {
  const el = e?.target instanceof HTMLElement ? e.target : null;
  return el?.matches(".emotion-point") ? (el.dataset.cardId ?? null) : null;
}


/** The phase header or row label that itself has the focus. */
function bandElement(e: KeyboardEvent | undefined): HTMLElement | null {
  const el = e?.target instanceof HTMLElement ? e.target : null;
  return el?.matches(".phase-header, .row-label") ? el : null;
}

/** The phase or row whose header or label itself (not a button in it) has the focus. */
function bandItself(e: KeyboardEvent | undefined): string | null {
  const el = bandElement(e);
  return el ? (el.dataset.phaseId ?? el.dataset.rowId ?? null) : null;
}

/** The phase header or row label a key was pressed on, if any. */
function focusedBand(e: KeyboardEvent | undefined): { phase?: string; row?: string } {
  const el = e?.target instanceof HTMLElement ? e.target : null;
  return { phase: el?.closest<HTMLElement>(".phase-header")?.dataset.phaseId, row: el?.closest<HTMLElement>(".row-label")?.dataset.rowId };
}

// --- the app, with or without a journey open -----------------------------------------------------

export interface AppContext {
  newJourney(): void;
  home(): void;
  language(locale: "en" | "nl"): void;
  dialog(which: "shortcuts" | "about"): void;
  /** Shows the folder of the log a facilitator can send when something went wrong. */
  openLogFolder(): void;
  /** Saves what is being typed, then ends the app. */
  quit(): void;
}

export const APP_ACTIONS: readonly Action<AppContext>[] = [
  { id: "new", label: (t) => t.menu.new, keys: ["Ctrl+N"], scope: "always", menuKey: true, laptopOnly: true, run: (c) => c.newJourney() },
  { id: "home", label: (t) => t.menu.home, laptopOnly: true, run: (c) => c.home() },
  { id: "langEn", label: (t) => t.menu.langEn, run: (c) => c.language("en") },
  { id: "langNl", label: (t) => t.menu.langNl, run: (c) => c.language("nl") },
  { id: "shortcuts", label: (t) => t.actions.shortcuts, keys: ["F1"], scope: "always", menuKey: true, run: (c) => c.dialog("shortcuts") },
  { id: "logFolder", label: (t) => t.menu.logFolder, laptopOnly: true, run: (c) => c.openLogFolder() },
  { id: "about", label: (t) => t.menu.about, run: (c) => c.dialog("about") },
  // The menu's Quit and the window's close button ask the window to save first (menu.rs).
  { id: "quit", label: (t) => t.menu.quit, keys: ["Ctrl+Q"], scope: "always", menuKey: true, laptopOnly: true, run: (c) => c.quit() },
];

// --- keys ----------------------------------------------------------------------------------------

/** Whether a key was typed into a text field (whose own keys come first). */
export const typing = (el: EventTarget | null) =>
  el instanceof HTMLElement && (el.isContentEditable || el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT");

/**
 * Whether a key was pressed on the board: a card, a cell, a header or label, the board's scroller,
 * or nowhere in particular (the page). A button, a field, a menu or a dialog is not the board,
 * even inside it (a header's ⋯ button): Enter there presses it, Backspace there deletes no card.
 */
export function onBoard(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement) || el === document.body) return true;
  if (typing(el) || el.closest('button, a[href], select, [role="menu"], [role="dialog"], [role="toolbar"]')) return false;
  return el.closest(".board-scroll") !== null;
}

/** Whether `e` is the key written as `key` ("Ctrl+Shift+Z"); Cmd counts as Ctrl. Shift is part
 * of a letter's key but not of a symbol's, which needs Shift on some layouts and not on others. */
export function matches(key: string, e: KeyboardEvent): boolean {
  // "+" names a key as well as joining them: "Ctrl++", "+".
  const parts = key.endsWith("+") ? [...key.slice(0, -1).split("+").filter(Boolean), "+"] : key.split("+");
  const name = parts[parts.length - 1]!;
  const ctrl = parts.includes("Ctrl");
  const shift = parts.includes("Shift");
  const alt = parts.includes("Alt");
  const letter = /^[A-Za-z]$/.test(name);
  if (ctrl !== (e.ctrlKey || e.metaKey) || alt !== e.altKey) return false;
  if ((letter || name.length > 1) && shift !== e.shiftKey) return false;
  const pressed = e.key === " " ? "Space" : e.key;
  return letter ? pressed.toLowerCase() === name.toLowerCase() : pressed === name;
}

/** The action a key runs in `list`, for the element the key was typed in. */
export function actionForKey<C>(list: readonly Action<C>[], e: KeyboardEvent, boardHasFocus: boolean, ctx: C): Action<C> | undefined {
  const inField = typing(e.target);
  const bound = list.filter((a) => {
    if (!available(a)) return false;
    const scope = a.scope ?? "board";
    if (scope !== "always" && inField) return false;
    if (scope === "board" && !boardHasFocus) return false;
    return a.keys?.some((k) => matches(k, e));
  });
  // One key may serve two actions (Enter renames a focused header, else edits the selected card).
  return bound.find((a) => !a.enabled || a.enabled(ctx, e)) ?? bound[0];
}

/**
 * Whether an action exists on this screen: a co-editor's page (the room's editor link) edits the
 * room's journey only, so it has no home, no other journeys, no room, rounds or projector, no log
 * folder and nothing to quit. Keys, menu and toolbar all ask this.
 */
export const available = (action: Pick<Action<never>, "laptopOnly"> | undefined): boolean => action !== undefined && !(action.laptopOnly && onEditorLink());

/** Runs an action if it may run now; true when it ran. */
export function runEditorAction(action: Action<EditorContext>, ctx: EditorContext, e?: KeyboardEvent): boolean {
  if (!available(action)) return false;
  // Presenting, the presenter view has the keys; with a round shown, nothing may change the
  // journey behind it nor act on its hidden board.
  const away = ctx.away();
  if (away === "presenting" || (away === "round" && (action.edits || (action.scope ?? "board") === "board"))) return false;
  if (action.enabled && !action.enabled(ctx, e)) return false;
  action.run(ctx, e);
  return true;
}

export const editorAction = (id: string) => EDITOR_ACTIONS.find((a) => a.id === id);
export const appAction = (id: string) => APP_ACTIONS.find((a) => a.id === id);

/** A key as people read it: arrows as arrows, the minus sign as one. */
export function shown(key: string): string {
  return key
    .replace("ArrowUp", "↑")
    .replace("ArrowDown", "↓")
    .replace("ArrowLeft", "←")
    .replace("ArrowRight", "→")
    .replace("Escape", "Esc")
    .replace(/-$/, "−");
}

/** An action's keys as the F1 list shows them: "Ctrl+Shift+Z, Ctrl+Y"; four arrows as one "↑ ↓ ← →". */
export function shownKeys(keys: readonly string[]): string {
  const prefix = keys[0]?.slice(0, keys[0].lastIndexOf("+") + 1) ?? "";
  if (keys.length === 4 && keys.every((k, i) => k === arrows(prefix)[i])) return `${prefix}${ARROWS.map(shown).join(" ")}`;
  return keys.map(shown).join(", ");
}

/** "Undo (Ctrl+Z)": a button's tooltip. */
export function withKey(label: string, action: { keys?: readonly string[] } | undefined): string {
  const key = action?.keys?.[0];
  return key ? `${label} (${shown(key)})` : label;
}

/** The native menu's accelerators, as Tauri writes them, for the actions that carry one. */
export function menuAccelerators(): Record<string, string> {
  const all = [...APP_ACTIONS, ...EDITOR_ACTIONS].filter((a) => a.menuKey && a.keys?.length);
  return Object.fromEntries(all.map((a) => [a.id, a.keys![0]!.replace("Ctrl+", "CmdOrCtrl+")]));
}
