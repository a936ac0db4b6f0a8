import { memo, useRef } from "react";
import type { Card } from "../ipc";
import { useT } from "../i18n/context";
import { EmotionFace } from "../components/EmotionFace";
import type { Mark } from "../state/store";
import { useCardMarks } from "../journey/coEditors";

interface Props {
  card: Card;
  colour: string;
  selected: boolean;
  dragging: boolean;
  /** The colours of participants' dots on the card, joined by "," (a string, so memo compares cheaply). */
  dots: string;
  /** The vote hides its dots for now. */
  votesHidden: boolean;
  /** How a comparison of rounds found the card changed. */
  mark?: Mark;
  onPointerDown(e: React.PointerEvent, card: Card): void;
  onOpen(card: Card): void;
}

/** One card on the canvas. Memoised: a 1,000-card board re-renders only the cards that changed. */
export const CardView = memo(function CardView({ card, colour, selected, dragging, dots, votesHidden, mark, onPointerDown, onOpen }: Props) {
  const { t } = useT();
  const votes = votesHidden ? 0 : card.votes;
  // Co-editors on this card: outlined in the first one's colour, each named above it.
  const others = useCardMarks(card.id);
  const outline = others[0] ? { outline: `3px solid ${others[0].colour}`, outlineOffset: "2px" } : undefined;
  return (
    <div
      className={`card${selected ? " selected" : ""}${dragging ? " dragging" : ""}${mark ? ` mark-${mark}` : ""}${others.length ? " co-edited" : ""}`}
      style={{ background: card.colour ?? colour, ...outline }}
      data-card-id={card.id}
      // An option of its cell's listbox: focused by the arrow keys (walk.ts), not by Tab.
      role="option"
      tabIndex={-1}
      aria-selected={selected}
      onPointerDown={(e) => onPointerDown(e, card)}
      onDoubleClick={(e) => {
        e.stopPropagation();
        onOpen(card);
      }}
    >
      {mark ? <span className="card-mark">{t.rounds.mark[mark]}</span> : null}
      {others.length ? (
        <span className="co-editor-labels">
          {others.map((o) => (
            <span key={o.name} className="co-editor-label" style={{ background: o.colour }}>
              {o.typing ? t.coEditing.typing(o.name) : o.name}
            </span>
          ))}
        </span>
      ) : null}
      <div className="card-title">{card.title}</div>
      {card.channel || card.emotion !== null || votes > 0 || card.tags.length > 0 ? (
        <div className="card-meta">
          {card.channel ? <span className="chip">{card.channel}</span> : null}
          {card.tags.map((tag) => (
            <span key={tag} className="chip tag">
              #{tag}
            </span>
          ))}
          {card.emotion !== null ? <EmotionFace score={card.emotion} size={16} title={t.emotion(card.emotion)} /> : null}
          {votes > 0 ? <VoteDots votes={votes} colours={dots ? dots.split(",") : []} label={t.votes(votes)} /> : null}
        </div>
      ) : null}
      {card.notes ? <div className="card-has-notes" title={card.notes} aria-hidden="true" /> : null}
    </div>
  );
});

/** Up to 8 dots, in the colours of the participants who gave them; typed votes are plain dots. */
export function VoteDots({ votes, colours, label }: { votes: number; colours: string[]; label: string }) {
  return (
    <span className="votes" title={label} aria-label={label}>
      {Array.from({ length: Math.min(votes, 8) }, (_, i) => (
        <span key={i} className="vote-dot" style={colours[i] ? { background: colours[i] } : undefined} />
      ))}
      {votes > 8 ? <span className="vote-more">+{votes - 8}</span> : null}
    </span>
  );
}

/** The inline editor for a card's title (new or existing): Enter commits, Escape cancels. */
export function CardTitleEditor(props: { initial: string; placeholder: string; label?: string; onCommit(title: string): void; onCancel(): void }) {
  // Enter, Escape and blur can follow each other; only the first one counts.
  const done = useRef(false);
  const once = (f: () => void) => {
    if (done.current) return;
    done.current = true;
    f();
  };
  return (
    <textarea
      className="card-editor"
      defaultValue={props.initial}
      placeholder={props.placeholder}
      autoFocus
      rows={2}
      onFocus={(e) => e.currentTarget.select()}
      onKeyDown={(e) => {
        if (e.key === "Enter" && !e.shiftKey) {
          e.preventDefault();
          const value = e.currentTarget.value;
          once(() => props.onCommit(value));
        } else if (e.key === "Escape") {
          e.preventDefault();
          e.stopPropagation();
          once(props.onCancel);
        }
      }}
      onBlur={(e) => {
        const value = e.currentTarget.value;
        once(() => props.onCommit(value));
      }}
      aria-label={props.label ?? props.placeholder}
    />
  );
}
