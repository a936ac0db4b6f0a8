import { useMemo } from "react";
import type { Card, JourneyDoc, Phase, Row } from "../ipc";
import { useT } from "../i18n/context";
import { EmotionFace } from "../components/EmotionFace";
import { curvePath, scoreToY } from "./curve";

/** Width of a phase column at width 1, in CSS pixels (zoom scales the whole board). */
export const PHASE_WIDTH = 260;
const EMOTION_ROW_HEIGHT = 150;

function cellKey(phase: string, row: string) {
  return `${phase}:${row}`;
}

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

export function Board({ doc }: { doc: JourneyDoc }) {
  const { t } = useT();
  const cells = useMemo(() => cardsByCell(doc.cards), [doc.cards]);
  const rows = doc.rows.filter((r) => !r.hidden);
  const columns = `var(--row-label-width) ${doc.phases.map((p) => `${Math.round((p.width / 100) * PHASE_WIDTH)}px`).join(" ")}`;

  return (
    <div className="board" style={{ gridTemplateColumns: columns }} role="grid" aria-label={doc.journey.name}>
      <div className="corner" />
      {doc.phases.map((p) => (
        <PhaseHeader key={p.id} phase={p} />
      ))}
      {rows.map((row) => (
        <BoardRow key={row.id} row={row} phases={doc.phases} cells={cells} emotionLabel={t.emotion} />
      ))}
    </div>
  );
}

function PhaseHeader({ phase }: { phase: Phase }) {
  return (
    <div className="phase-header" style={{ background: phase.colour }} role="columnheader">
      <div className="phase-title">{phase.title}</div>
      {phase.question ? <div className="phase-question">{phase.question}</div> : null}
    </div>
  );
}

function BoardRow(props: {
  row: Row;
  phases: Phase[];
  cells: Map<string, Card[]>;
  emotionLabel: (score: number) => string;
}) {
  const { row, phases, cells, emotionLabel } = props;
  const isEmotion = row.kind === "emotion";
  return (
    <>
      <div className={`row-label${isEmotion ? " emotion" : ""}`} style={{ background: row.colour }} role="rowheader">
        {row.title}
      </div>
      {isEmotion ? (
        <EmotionLane row={row} phases={phases} cells={cells} emotionLabel={emotionLabel} />
      ) : (
        phases.map((p) => (
          <div key={p.id} className="cell" role="gridcell">
            {(cells.get(cellKey(p.id, row.id)) ?? []).map((c) => (
              <CardView key={c.id} card={c} phase={p} emotionLabel={emotionLabel} />
            ))}
          </div>
        ))
      )}
    </>
  );
}

/** The emotion row: one lane across all phases, with the curve through the cards' scores. */
function EmotionLane(props: { row: Row; phases: Phase[]; cells: Map<string, Card[]>; emotionLabel: (s: number) => string }) {
  const { row, phases, cells, emotionLabel } = props;
  let x = 0;
  const columns = phases.map((p) => {
    const w = Math.round((p.width / 100) * PHASE_WIDTH);
    const col = { phase: p, x, w, cards: cells.get(cellKey(p.id, row.id)) ?? [] };
    x += w;
    return col;
  });
  const total = x;
  const points = columns.flatMap((col) => {
    const scored = col.cards.filter((c) => c.emotion !== null);
    if (scored.length === 0) return [];
    // Several scored cards in one phase: spread them evenly across its column.
    return scored.map((c, i) => ({ x: col.x + ((i + 1) * col.w) / (scored.length + 1), score: c.emotion ?? 0, card: c }));
  });
  return (
    <div className="emotion-lane" style={{ gridColumn: `2 / span ${phases.length}`, height: EMOTION_ROW_HEIGHT }} role="gridcell">
      <svg className="emotion-curve" width={total} height={EMOTION_ROW_HEIGHT} aria-hidden="true">
        {columns.map((col) => (
          <line key={col.phase.id} x1={col.x} x2={col.x} y1={0} y2={EMOTION_ROW_HEIGHT} className="lane-divider" />
        ))}
        <line x1={0} x2={total} y1={scoreToY(0, EMOTION_ROW_HEIGHT)} y2={scoreToY(0, EMOTION_ROW_HEIGHT)} className="zero-line" />
        <path d={curvePath(points, EMOTION_ROW_HEIGHT)} className="curve" />
      </svg>
      {points.map((pt) => (
        <div
          key={pt.card.id}
          className="emotion-point"
          style={{ left: pt.x, top: scoreToY(pt.score, EMOTION_ROW_HEIGHT) }}
          title={`${pt.card.title} (${emotionLabel(pt.score)})`}
        >
          <EmotionFace score={pt.score} size={22} title={emotionLabel(pt.score)} />
          <span className="emotion-caption">{pt.card.title}</span>
        </div>
      ))}
    </div>
  );
}

export function CardView({ card, phase, emotionLabel }: { card: Card; phase: Phase; emotionLabel: (s: number) => string }) {
  const { t } = useT();
  return (
    <article className="card" style={{ background: card.colour ?? phase.colour }} data-card-id={card.id}>
      <div className="card-title">{card.title}</div>
      {card.channel || card.emotion !== null || card.votes > 0 ? (
        <div className="card-meta">
          {card.channel ? <span className="chip">{card.channel}</span> : null}
          {card.emotion !== null ? <EmotionFace score={card.emotion} size={16} title={emotionLabel(card.emotion)} /> : null}
          {card.votes > 0 ? (
            <span className="votes" title={t.votes(card.votes)} aria-label={t.votes(card.votes)}>
              {Array.from({ length: Math.min(card.votes, 8) }, (_, i) => (
                <span key={i} className="vote-dot" />
              ))}
              {card.votes > 8 ? <span className="vote-more">+{card.votes - 8}</span> : null}
            </span>
          ) : null}
        </div>
      ) : null}
    </article>
  );
}
