import { useLayoutEffect, useRef } from "react";
import type { JourneyDoc } from "../ipc";
import type { Messages } from "../i18n";
import { EmotionFace } from "../components/EmotionFace";
import { VoteDots } from "../board/CardView";
import { dotColours } from "../journey/vote";
import { cellCards } from "../journey/cells";
import { shownRows, type PresentState } from "./stage";

/** Type is not made smaller than this to fit a phase on the screen: beyond it, the view scrolls. */
const SMALLEST_FIT = 0.6;

/**
 * Shrinks the stage (CSS zoom) until it fits the height its parent gives it, so a phase with many
 * rows is seen whole; measured anew when the phase, the rows shown or the window change.
 */
function useFitToParent(ref: React.RefObject<HTMLElement | null>, on: boolean, doc: JourneyDoc, state: PresentState): void {
  useLayoutEffect(() => {
    const el = ref.current;
    const parent = el?.parentElement;
    if (!el || !parent) return;
    const fit = () => {
      el.style.zoom = "1";
      if (!on) return;
      const style = getComputedStyle(parent);
      const room = parent.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
      const natural = el.getBoundingClientRect().height;
      if (natural > room && room > 0) el.style.zoom = String(Math.max(SMALLEST_FIT, Math.floor((room / natural) * 100) / 100));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(parent);
    return () => observer.disconnect();
  }, [ref, on, doc, state]);
}

/**
 * One phase of the journey in large type, for the room: the phase strip on top, then the phase's
 * cards row by row. Shown full screen on the laptop, or in the projector window; with `fit`, made
 * small enough to be seen whole in the space it is given.
 */
export function Stage({ doc, state, t, compact = false, fit = false }: { doc: JourneyDoc; state: PresentState; t: Messages; compact?: boolean; fit?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useFitToParent(ref, fit, doc, state);
  const phase = doc.phases[state.phase];
  if (!phase) return <div className="stage empty">{t.present.noPhases}</div>;
  const rows = shownRows(doc, state);
  const dots = dotColours(doc.vote, doc.cards);
  const votesShown = !doc.vote?.hidden;
  return (
    <div ref={ref} className={`stage${compact ? " compact" : ""}`} style={{ ["--phase-colour" as string]: phase.colour }}>
      <ol className="stage-strip" aria-label={doc.journey.name}>
        {doc.phases.map((p, i) => (
          <li key={p.id} className={i === state.phase ? "current" : i < state.phase ? "done" : ""} aria-current={i === state.phase ? "step" : undefined}>
            {p.title}
          </li>
        ))}
      </ol>
      <header className="stage-head">
        <span className="stage-step">{t.present.step(state.phase + 1, doc.phases.length)}</span>
        <h1>{phase.title}</h1>
        {phase.question ? <p className="stage-question">{phase.question}</p> : null}
      </header>
      <div className="stage-rows">
        {rows.map((r) => {
          const cards = cellCards(doc, { phase: phase.id, row: r.id });
          return (
            <section key={r.id} className={`stage-row ${r.kind}`} aria-label={r.title}>
              <h2>{r.title}</h2>
              <div className="stage-cards">
                {cards.length === 0 ? <span className="stage-none">{t.present.empty}</span> : null}
                {cards.map((c) => (
                  <article key={c.id} className="stage-card" style={{ background: c.colour ?? phase.colour }}>
                    <div className="stage-card-title">{c.title}</div>
                    {state.notes && c.notes ? <div className="stage-card-notes">{c.notes}</div> : null}
                    <div className="stage-card-meta">
                      {c.channel ? <span className="chip">{c.channel}</span> : null}
                      {c.emotion !== null ? <EmotionFace score={c.emotion} size={compact ? 22 : 34} title={t.emotion(c.emotion)} /> : null}
                      {votesShown && c.votes > 0 ? <VoteDots votes={c.votes} colours={dots.get(c.id) ?? []} label={t.votes(c.votes)} /> : null}
                    </div>
                  </article>
                ))}
              </div>
            </section>
          );
        })}
      </div>
    </div>
  );
}
