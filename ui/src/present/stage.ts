// What the presenter view shows, worked out from the journey and the presenter's choices alone.
import type { JourneyDoc, PresentState, Row } from "../ipc";
import { keep, recall } from "../components/remembered";

/** The presenter's choices: view state, never saved with the journey or undone. */
export type { PresentState, ProjectorMessage } from "../ipc";

export function shownRows(doc: JourneyDoc, state: PresentState): Row[] {
  return doc.rows.filter((r) => !r.hidden && !state.hiddenRows.includes(r.id));
}

/** The phase index kept inside the journey (phases can be deleted while presenting). */
export function clampPhase(doc: JourneyDoc, phase: number): number {
  return Math.max(0, Math.min(phase, doc.phases.length - 1));
}

const key = (journey: string) => `jw-present-${journey}`;

/** The presenter's last choices for this journey on this laptop. */
export function loadState(journey: string): PresentState {
  const saved = recall<Partial<PresentState>>(key(journey), {});
  return { phase: 0, hiddenRows: Array.isArray(saved.hiddenRows) ? saved.hiddenRows.filter((x) => typeof x === "string") : [], notes: saved.notes !== false };
}

export const saveState = (journey: string, state: PresentState) => keep(key(journey), { hiddenRows: state.hiddenRows, notes: state.notes });
