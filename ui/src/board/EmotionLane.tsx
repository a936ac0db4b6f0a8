import { useState } from "react";
import type { Card, Phase, Row } from "../ipc";
import { useT } from "../i18n/context";
import { EmotionFace } from "../components/EmotionFace";
import { type CellRef, type Editor, type ViewState, useView } from "../state/store";
import { addCard, cellOf, renameCard, setEmotion } from "../journey/actions";
import { curvePath, scoreToY } from "./curve";
import { followPointer } from "./drag";
import { cellKey, phasePx } from "./layout";
import { InlineInput } from "../components/Menu";
import { onScreen } from "../components/rects";

export const EMOTION_ROW_HEIGHT = 170;
/** A caption's widest, in CSS pixels (as `.emotion-caption` says). */
const CAPTION_WIDTH = 140;

interface Props {
  editor: Editor;
  row: Row;
  phases: Phase[];
  cells: Map<string, Card[]>;
  selection: ReadonlySet<string>;
  editing: ViewState["editing"];
  dropTarget: { phase: string; row: string } | null;
}

const clampScore = (s: number) => Math.max(-2, Math.min(2, Math.round(s)));

/**
 * The emotion row: one lane across all phases with a smooth curve through the cards' scores.
 * Each point can be dragged up or down to change its score; each phase column is a drop zone and
 * a place to add a card (double-click).
 */
export function EmotionLane({ editor, row, phases, cells, selection, editing, dropTarget }: Props) {
  const { t } = useT();
  const [preview, setPreview] = useState<{ card: string; score: number } | null>(null);
  const adjusting = useView(editor, (s) => s.adjusting);
  const columns: { phase: Phase; cell: CellRef; x: number; w: number; cards: Card[] }[] = [];
  for (const p of phases) {
    const last = columns[columns.length - 1];
    columns.push({ phase: p, cell: { phase: p.id, row: row.id }, x: last ? last.x + last.w : 0, w: phasePx(p.width), cards: cells.get(cellKey(p.id, row.id)) ?? [] });
  }
  const total = columns.reduce((sum, c) => sum + c.w, 0);
  const points = columns.flatMap((col) => {
    const slot = col.w / (col.cards.length + 1);
    // Points closer than a caption is wide get one line each, no wider than the room between
    // them, so no two captions overlap whatever their heights (the title is in the tooltip).
    const crowded = col.cards.length > 1 && slot < CAPTION_WIDTH;
    return col.cards.map((c, i) => ({
      x: col.x + (i + 1) * slot,
      score: preview?.card === c.id ? preview.score : (c.emotion ?? 0),
      card: c,
      caption: crowded ? { width: slot - 4 } : null,
    }));
  });
  const scored = points.filter((p) => p.card.emotion !== null || preview?.card === p.card.id);

  const startDrag = (e: React.PointerEvent, card: Card) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    editor.view.set({ selection: new Set([card.id]), focusedCell: cellOf(card) });
    const laneEl = (e.currentTarget as HTMLElement).closest(".emotion-lane");
    const lane = laneEl && onScreen(laneEl);
    if (!lane) return;
    const zoom = editor.view.get().zoom;
    const scoreAt = (clientY: number) => {
      const y = (clientY - lane.top) / zoom;
      const pad = 14;
      return clampScore(2 - ((y - pad) / (EMOTION_ROW_HEIGHT - 2 * pad)) * 4);
    };
    let last = card.emotion ?? 0;
    followPointer(e, {
      start() {},
      move(ev) {
        last = scoreAt(ev.clientY);
        setPreview({ card: card.id, score: last });
      },
      drop() {
        setPreview(null);
        void setEmotion(editor, card, last);
      },
      cancel() {
        setPreview(null);
      },
    });
  };

  return (
    <div className="emotion-lane" style={{ gridColumn: `2 / span ${phases.length}`, height: EMOTION_ROW_HEIGHT }}>
      {columns.map((col) => (
        <div
          key={col.phase.id}
          className={`emotion-cell${dropTarget?.phase === col.phase.id && dropTarget.row === row.id ? " drop-target" : ""}`}
          style={{ left: col.x, width: col.w }}
          role="group"
          tabIndex={-1}
          data-drop-cell=""
          data-phase={col.phase.id}
          data-row={row.id}
          aria-label={t.board.cell(col.phase.title, row.title)}
          onFocus={(e) => {
            if (e.target === e.currentTarget) editor.view.set({ focusedCell: col.cell });
          }}
          onDoubleClick={(e) => {
            if (e.target === e.currentTarget) editor.view.set({ editing: { cell: col.cell, index: col.cards.length }, focusedCell: col.cell });
          }}
        />
      ))}
      <svg className="emotion-curve" width={total} height={EMOTION_ROW_HEIGHT} aria-hidden="true">
        <line x1={0} x2={total} y1={scoreToY(0, EMOTION_ROW_HEIGHT)} y2={scoreToY(0, EMOTION_ROW_HEIGHT)} className="zero-line" />
        <path d={curvePath(scored, EMOTION_ROW_HEIGHT)} className="curve" />
      </svg>
      {points.map((pt) => (
        <div
          key={pt.card.id}
          // Below the middle line the caption goes above the face, so it stays inside the lane.
          className={`emotion-point${pt.score < 0 ? " low" : ""}${selection.has(pt.card.id) ? " selected" : ""}${pt.card.emotion === null ? " unscored" : ""}${adjusting === pt.card.id ? " adjusting" : ""}`}
          style={{ left: pt.x, top: scoreToY(pt.score, EMOTION_ROW_HEIGHT) }}
          data-card-id={pt.card.id}
          role="img"
          tabIndex={-1}
          aria-label={t.board.emotionPoint(pt.card.title, pt.card.emotion === null ? t.noEmotion : t.emotion(pt.score))}
          aria-description={adjusting === pt.card.id ? t.board.adjusting : t.board.adjustHint}
          title={`${pt.card.title} (${pt.card.emotion === null ? t.noEmotion : t.emotion(pt.score)})`}
          onPointerDown={(e) => startDrag(e, pt.card)}
          onBlur={() => {
            if (editor.view.get().adjusting === pt.card.id) editor.view.set({ adjusting: null });
          }}
          onDoubleClick={(e) => {
            e.stopPropagation();
            editor.view.set({ editing: { card: pt.card.id } });
          }}
        >
          <EmotionFace score={pt.score} size={26} />
          <span className={`emotion-caption${pt.caption ? " crowded" : ""}`} style={pt.caption ? { maxWidth: pt.caption.width } : undefined}>
            {pt.card.title}
          </span>
        </div>
      ))}
      <EmotionEditors editor={editor} editing={editing} row={row} columns={columns} />
    </div>
  );
}

/** The inline editor (new card, rename) floats over the lane in its phase's column. */
function EmotionEditors(props: {
  editor: Editor;
  editing: ViewState["editing"];
  row: Row;
  columns: { phase: Phase; cell: CellRef; x: number; w: number; cards: Card[] }[];
}) {
  const { editor, editing, row, columns } = props;
  const { t } = useT();
  if (!editing) return null;
  const cell = "cell" in editing ? editing.cell : null;
  const cardId = "card" in editing ? editing.card : null;
  const col = columns.find((c) => (cell ? c.phase.id === cell.phase && cell.row === row.id : c.cards.some((k) => k.id === cardId)));
  const card = col?.cards.find((k) => k.id === cardId);
  if (!col || (!cell && !card)) return null;
  return (
    <div className="emotion-editor" style={{ left: col.x + 8, width: col.w - 16 }}>
      <InlineInput
        className="card-editor"
        label={card ? t.board.editTitle(card.title) : t.newCardPlaceholder}
        placeholder={t.newCardPlaceholder}
        initial={card?.title ?? ""}
        onClose={() => editor.view.set({ editing: null })}
        onCommit={(title) => (card ? renameCard(editor, card, title) : addCard(editor, col.cell, title))}
      />
    </div>
  );
}
