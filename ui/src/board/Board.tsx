import { useCallback, useMemo, useRef, useState } from "react";
import { createPortal } from "react-dom";
import type { Card, JourneyDoc, Phase, Row } from "../ipc";
import { useT } from "../i18n/context";
import { type Editor, type Mark, type ViewState, useJourney, useView } from "../state/store";
import { addCard, addPhase, cellOf, moveCards, renameCard } from "../journey/actions";
import { CardTitleEditor, CardView } from "./CardView";
import { activeVoter, dotColours, useActiveVoter } from "../journey/vote";
import { EmotionLane } from "./EmotionLane";
import { assertNever } from "../journey/rowKinds";
import { PhaseHeader } from "./PhaseHeader";
import { RowLabel } from "./RowLabel";
import { followPointer } from "./drag";
import { dropTarget } from "./dropTarget";
import type { Cell } from "../journey/cells";
import { boardColumns, cellKey } from "./layout";
import { reveal } from "../actions/walk";
import { onScreen } from "../components/rects";
import { isPicture, useBoardScale } from "./scale";


/** The journey's cards grouped by cell, in order. */
export function cardsByCell(cards: Card[]): Map<string, Card[]> {
  const map = new Map<string, Card[]>();
  for (const c of cards) {
    const key = cellKey(c.phase, c.row);
    const list = map.get(key);
    if (list) list.push(c);
    else map.set(key, [c]);
  }
  for (const list of map.values()) list.sort((a, b) => a.position - b.position);
  return map;
}

interface CardDrag {
  ids: string[];
  x: number;
  y: number;
  offsetX: number;
  offsetY: number;
  width: number;
  title: string;
  target: (Cell & { index: number }) | null;
}

interface Band {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const stop = (e: React.SyntheticEvent) => e.stopPropagation();

export function Board({ editor, scroller }: { editor: Editor; scroller: React.RefObject<HTMLElement | null> }) {
  const { t } = useT();
  const doc = useJourney(editor, (s) => s.doc);
  const selection = useView(editor, (s) => s.selection);
  const editing = useView(editor, (s) => s.editing);
  const focusedCell = useView(editor, (s) => s.focusedCell);
  const zoom = useView(editor, (s) => s.zoom);
  const measuring = useView(editor, (s) => s.measuring);
  const marks = useView(editor, (s) => s.marks);
  const voting = useActiveVoter(editor) !== null;
  const cells = useMemo(() => cardsByCell(doc.cards), [doc.cards]);
  const phaseColour = useMemo(() => new Map(doc.phases.map((p) => [p.id, p.colour])), [doc.phases]);
  const dots = useMemo(() => dotColours(doc.vote, doc.cards), [doc.vote, doc.cards]);
  const [drag, setDrag] = useState<CardDrag | null>(null);
  const [band, setBand] = useState<Band | null>(null);
  const boardRef = useRef<HTMLDivElement>(null);
  const scale = useBoardScale(boardRef, zoom);

  const onCardPointerDown = useCallback(
    (e: React.PointerEvent, card: Card) => {
      if (e.button !== 0) return;
      e.stopPropagation();
      // While a participant has the turn a press selects nothing and drags nothing: the click
      // gives the card a dot (see `onVoteClick`).
      if (activeVoter(editor)) return;
      const { selection } = editor.view.get();
      const additive = e.shiftKey || e.ctrlKey || e.metaKey;
      if (additive) {
        const next = new Set(selection);
        if (next.has(card.id)) next.delete(card.id);
        else next.add(card.id);
        editor.view.set({ selection: next, focusedCell: cellOf(card) });
        return;
      }
      if (!selection.has(card.id)) editor.view.set({ selection: new Set([card.id]), focusedCell: cellOf(card) });
      (e.currentTarget as HTMLElement).focus({ preventScroll: true });
      const ids = editor.view.get().selection.has(card.id) ? [...editor.view.get().selection] : [card.id];
      const rect = onScreen(e.currentTarget as HTMLElement);
      let state: CardDrag | null = null;
      followPointer(e, {
        start(ev) {
          state = {
            ids,
            x: ev.clientX,
            y: ev.clientY,
            offsetX: e.clientX - rect.left,
            offsetY: e.clientY - rect.top,
            width: rect.width,
            title: card.title,
            target: null,
          };
          setDrag(state);
        },
        move(ev) {
          if (!state) return;
          state = { ...state, x: ev.clientX, y: ev.clientY, target: dropTarget(ev.clientX, ev.clientY) };
          setDrag(state);
        },
        drop() {
          const target = state?.target;
          setDrag(null);
          // A card deleted by someone else (a co-editor, another window) while it was in the hand
          // is said as what happened: whether the news came before the drop or with its refusal.
          const gone = () => {
            const present = new Set(editor.journey.get().doc.cards.map((c) => c.id));
            const missing = ids.some((id) => !present.has(id));
            if (missing) editor.journey.set({ error: t.coEditing.goneWhileMoving });
            return missing;
          };
          if (gone() || !target) return;
          // The focus follows the card pressed into its new cell (its element is drawn anew there),
          // unless it was put elsewhere between the drop and the core's answer.
          const from = document.activeElement;
          void moveCards(editor, ids, target, target.index).then((moved) => (moved ? reveal(`[data-card-id="${card.id}"]`, from) : gone()));
        },
        cancel() {
          setDrag(null);
        },
      }, scroller.current);
    },
    [editor, scroller, t],
  );

  /**
   * While a participant has the turn, a click on a card gives it their dot; only the first click
   * of a double-click counts (clicks, unlike presses, carry their count).
   */
  const onVoteClick = (e: React.MouseEvent) => {
    const voter = activeVoter(editor);
    const card = (e.target as HTMLElement).closest<HTMLElement>(".cell [data-card-id]")?.dataset.cardId;
    // A dot the vote's rules refuse is said beside the vote, as information.
    if (voter && card && e.detail <= 1) void editor.send({ type: "placeDot", participant: voter, card }, { asNotice: true });
  };

  const openCard = useCallback(
    (card: Card) => {
      if (activeVoter(editor)) return; // a double-click while voting is two dots' worth of clicking, not an edit
      editor.view.set({ editing: { card: card.id }, selection: new Set([card.id]) });
    },
    [editor],
  );

  /** A press on the empty canvas: clears the selection, and a drag draws a selection band. */
  const onBackgroundPointerDown = (e: React.PointerEvent) => {
    if (e.button !== 0 || (e.target as HTMLElement).closest(".card, button, input, textarea, .phase-header, .row-label, .emotion-point")) return;
    const additive = e.shiftKey || e.ctrlKey || e.metaKey;
    const base = additive ? new Set(editor.view.get().selection) : new Set<string>();
    if (!additive) editor.view.set({ selection: base });
    let current: Band = { x0: e.clientX, y0: e.clientY, x1: e.clientX, y1: e.clientY };
    followPointer(e, {
      start() {
        setBand(current);
      },
      move(ev) {
        current = { ...current, x1: ev.clientX, y1: ev.clientY };
        setBand(current);
        const [left, right] = [Math.min(current.x0, current.x1), Math.max(current.x0, current.x1)];
        const [top, bottom] = [Math.min(current.y0, current.y1), Math.max(current.y0, current.y1)];
        const hit = new Set(base);
        boardRef.current?.querySelectorAll<HTMLElement>("[data-card-id]").forEach((el) => {
          const r = onScreen(el);
          if (r.right > left && r.left < right && r.bottom > top && r.top < bottom && el.dataset.cardId) hit.add(el.dataset.cardId);
        });
        editor.view.set({ selection: hit });
      },
      drop() {
        setBand(null);
      },
      cancel() {
        setBand(null);
        editor.view.set({ selection: base });
      },
    });
  };

  const dragging = drag ? new Set(drag.ids) : null;

  return (
    <div
      ref={boardRef}
      className={`board${isPicture(zoom) ? " picture" : ""}${measuring ? " measuring" : ""}${drag ? " is-dragging" : ""}${voting ? " voting" : ""}${editor.isReadOnly ? " read-only" : ""}`}
      // A round is only looked at: no press, click or double-click reaches the editing handlers.
      onPointerDownCapture={editor.isReadOnly ? stop : undefined}
      onClickCapture={editor.isReadOnly ? stop : undefined}
      onDoubleClickCapture={editor.isReadOnly ? stop : undefined}
      onClick={voting ? onVoteClick : undefined}
      style={{ gridTemplateColumns: boardColumns(doc.phases.map((p) => p.width)), ...scale }}
      // Labelled groups and lists, not an ARIA grid: the board is one flat CSS grid (no row
      // elements for the grid pattern), and each cell is an ordered, multi-selectable set of cards
      // (a listbox), which the arrow keys walk across (walk.ts).
      role="region"
      aria-label={doc.journey.name}
      onPointerDown={onBackgroundPointerDown}
    >
      <div className="corner" />
      {doc.phases.map((p, i) => (
        <PhaseHeader key={p.id} editor={editor} phase={p} index={i} count={doc.phases.length} />
      ))}
      <AddPhaseColumn editor={editor} />
      {doc.rows.map((row, rowIndex) =>
        row.hidden ? (
          <RowLabel key={row.id} editor={editor} row={row} index={rowIndex} count={doc.rows.length} collapsed />
        ) : (
          <RowCells
            key={row.id}
            editor={editor}
            row={row}
            rowIndex={rowIndex}
            doc={doc}
            cells={cells}
            phaseColour={phaseColour}
            dots={dots}
            marks={marks}
            selection={selection}
            dragging={dragging}
            drag={drag}
            editing={editing}
            focusedCell={focusedCell}
            onCardPointerDown={onCardPointerDown}
            openCard={openCard}
          />
        ),
      )}
      {/* Outside the zoomed board: they are placed in the pointer's coordinates. */}
      {drag
        ? createPortal(
            <div className="drag-ghost" style={{ left: drag.x - drag.offsetX, top: drag.y - drag.offsetY, width: drag.width }} aria-hidden="true">
              <div className="card-title">{drag.title}</div>
              {drag.ids.length > 1 ? <span className="drag-count">{drag.ids.length}</span> : null}
            </div>,
            document.body,
          )
        : null}
      {band
        ? createPortal(
            <div
              className="selection-band"
              style={{ left: Math.min(band.x0, band.x1), top: Math.min(band.y0, band.y1), width: Math.abs(band.x1 - band.x0), height: Math.abs(band.y1 - band.y0) }}
            />,
            document.body,
          )
        : null}
    </div>
  );
}

interface RowCellsProps {
  editor: Editor;
  row: Row;
  rowIndex: number;
  doc: JourneyDoc;
  cells: Map<string, Card[]>;
  phaseColour: Map<string, string>;
  dots: Map<string, string[]>;
  marks: ReadonlyMap<string, Mark> | null;
  selection: ReadonlySet<string>;
  dragging: Set<string> | null;
  drag: CardDrag | null;
  editing: ViewState["editing"];
  focusedCell: Cell | null;
  onCardPointerDown(e: React.PointerEvent, card: Card): void;
  openCard(card: Card): void;
}

function RowCells(props: RowCellsProps) {
  const { editor, row, doc } = props;
  return (
    <>
      <RowLabel editor={editor} row={row} index={props.rowIndex} count={doc.rows.length} />
      <RowLane {...props} />
      <div className="add-column-cell" />
    </>
  );
}

/** A row's cells: a cell of cards per phase, or the emotion curve across the phases. */
function RowLane(props: RowCellsProps) {
  const { editor, row, doc, cells } = props;
  switch (row.kind) {
    case "cards":
      return doc.phases.map((p) => <CellView key={p.id} {...props} phase={p} cards={cells.get(cellKey(p.id, row.id)) ?? []} />);
    case "emotion":
      return (
        <EmotionLane
          editor={editor}
          row={row}
          phases={doc.phases}
          cells={cells}
          selection={props.selection}
          editing={props.editing}
          dropTarget={props.drag?.target ?? null}
        />
      );
    default:
      return assertNever(row.kind);
  }
}

function CellView(props: RowCellsProps & { phase: Phase; cards: Card[] }) {
  const { editor, phase, row, cards, editing, drag } = props;
  const { t } = useT();
  const cell = { phase: phase.id, row: row.id };
  const focused = props.focusedCell?.phase === phase.id && props.focusedCell.row === row.id;
  const target = drag?.target && drag.target.phase === phase.id && drag.target.row === row.id ? drag.target.index : null;
  const newAt = editing && "cell" in editing && editing.cell.phase === phase.id && editing.cell.row === row.id ? editing.index : null;
  const staying = cards.filter((c) => !props.dragging?.has(c.id));

  const commitNew = async (title: string) => {
    if (title.trim() === "") {
      editor.view.set({ editing: null });
      return;
    }
    const index = newAt ?? cards.length;
    // Keep the editor open below the new card: a workshop calls out sticky notes one after another.
    editor.view.set({ editing: { cell, index: index + 1 } });
    // The card last added is the one selected, so Escape then Delete, Enter or Ctrl+arrows act on it.
    const id = await addCard(editor, cell, title, index);
    if (id) editor.view.set({ selection: new Set([id]) });
  };
  /** Escape in the new card's editor: the keyboard carries on from the card added last, or the cell. */
  const stopAdding = () => {
    editor.view.set({ editing: null });
    const added = cards.find((c) => editor.view.get().selection.has(c.id));
    reveal(added ? `[data-card-id="${added.id}"]` : `.cell[data-phase="${phase.id}"][data-row="${row.id}"]`);
  };
  const addAtEnd = () => editor.view.set({ editing: { cell, index: cards.length }, focusedCell: cell });
  const newCard = <CardTitleEditor key={`new-${newAt}`} initial="" placeholder={t.newCardPlaceholder} onCommit={commitNew} onCancel={stopAdding} />;

  const items: React.ReactNode[] = [];
  let stayingIndex = 0;
  cards.forEach((c, i) => {
    const isDragged = props.dragging?.has(c.id) ?? false;
    if (!isDragged && target === stayingIndex) items.push(<div key="drop" className="drop-indicator" />);
    if (!isDragged) stayingIndex++;
    if (newAt === i) items.push(newCard);
    if (editing && "card" in editing && editing.card === c.id) {
      items.push(
        <CardTitleEditor
          key={c.id}
          initial={c.title}
          placeholder={t.newCardPlaceholder}
          label={t.board.editTitle(c.title)}
          onCommit={(title) => {
            editor.view.set({ editing: null });
            reveal(`[data-card-id="${c.id}"]`);
            void renameCard(editor, c, title);
          }}
          onCancel={() => {
            editor.view.set({ editing: null });
            reveal(`[data-card-id="${c.id}"]`);
          }}
        />,
      );
    } else {
      items.push(
        <CardView
          key={c.id}
          card={c}
          colour={props.phaseColour.get(c.phase) ?? "#ffffff"}
          selected={props.selection.has(c.id)}
          dragging={isDragged}
          dots={props.dots.get(c.id)?.join(",") ?? ""}
          votesHidden={props.doc.vote?.hidden ?? false}
          mark={props.marks?.get(c.id)}
          onPointerDown={props.onCardPointerDown}
          onOpen={props.openCard}
        />,
      );
    }
  });
  if (target !== null && target >= staying.length) items.push(<div key="drop" className="drop-indicator" />);
  if (newAt !== null && newAt >= cards.length) items.push(newCard);

  return (
    <div
      className={`cell${focused ? " focused" : ""}${target !== null ? " drop-target" : ""}`}
      role="listbox"
      aria-multiselectable="true"
      aria-label={t.board.cell(phase.title, row.title)}
      // The board is one Tab stop; the arrow keys reach each cell (walk.ts).
      tabIndex={-1}
      data-drop-cell=""
      data-phase={phase.id}
      data-row={row.id}
      onFocus={(e) => {
        if (e.target === e.currentTarget) editor.view.set({ focusedCell: cell });
      }}
      onDoubleClick={(e) => {
        if (e.target === e.currentTarget) addAtEnd();
      }}
    >
      {items}
      <button
        className="cell-add"
        // A shortcut for the pointer: the keyboard's way is N on the focused cell.
        tabIndex={-1}
        aria-hidden="true"
        title={t.newCardPlaceholder}
        aria-label={t.newCardPlaceholder}
        onClick={addAtEnd}
      >
        +
      </button>
    </div>
  );
}

function AddPhaseColumn({ editor }: { editor: Editor }) {
  const { t } = useT();
  const phases = useJourney(editor, (s) => s.doc.phases.length);
  return (
    <div className="add-phase">
      <button
        // The keyboard adds a phase from a phase header's menu: the board is one Tab stop.
        tabIndex={-1}
        title={t.addPhase}
        aria-label={t.addPhase}
        onClick={() => void addPhase(editor, phases, t.newPhaseTitle)}
      >
        +
      </button>
    </div>
  );
}
