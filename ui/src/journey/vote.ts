// What the vote means for the board and the results, worked out from the journey and whose turn it is.
import type { Card, JourneyDoc, Vote } from "../ipc";
import { useJourney, useView, type Editor } from "../state/store";

/**
 * The participant whose turn it is, while the vote is open and they still take part (an undo
 * can remove them, or close the vote, while they have the turn); null otherwise.
 */
export function activeVoter(editor: Editor): string | null {
  return voterOf(editor.journey.get().doc.vote, editor.view.get().voter);
}

/** `activeVoter` for a component, which draws again when it changes. */
export function useActiveVoter(editor: Editor): string | null {
  return voterOf(
    useJourney(editor, (s) => s.doc.vote),
    useView(editor, (s) => s.voter),
  );
}

function voterOf(vote: Vote | null | undefined, voter: string | null): string | null {
  return voter !== null && vote && !vote.closed && vote.participants.some((p) => p.id === voter) ? voter : null;
}

/** The colours of the participants' dots on each card, in the order the participants joined. */
export function dotColours(vote: Vote | null | undefined, cards: Card[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  if (!vote) return out;
  const live = new Set(cards.map((c) => c.id));
  for (const p of vote.participants) {
    for (const card of p.dots) {
      if (!live.has(card)) continue;
      const list = out.get(card) ?? [];
      list.push(p.colour);
      out.set(card, list);
    }
  }
  return out;
}

/** The dots a participant still has to give (dots on deleted cards come back). */
export function dotsLeft(vote: Vote, participant: string, cards: Card[]): number {
  const p = vote.participants.find((x) => x.id === participant);
  if (!p) return 0;
  const live = new Set(cards.map((c) => c.id));
  return vote.dotsPerParticipant - p.dots.filter((d) => live.has(d)).length;
}

export interface Ranked {
  rank: number;
  card: Card;
  phase: string;
}

/**
 * Cards with votes, most first; equal counts share a rank ("1, 2, 2, 4") and keep the journey's
 * order, so the list reads like the map.
 */
export function ranking(doc: JourneyDoc): Ranked[] {
  const phaseAt = new Map(doc.phases.map((p) => [p.id, p]));
  const rowAt = new Map(doc.rows.map((r) => [r.id, r.position]));
  const voted = doc.cards
    .filter((c) => c.votes > 0)
    .sort(
      (a, b) =>
        b.votes - a.votes ||
        (phaseAt.get(a.phase)?.position ?? 0) - (phaseAt.get(b.phase)?.position ?? 0) ||
        (rowAt.get(a.row) ?? 0) - (rowAt.get(b.row) ?? 0) ||
        a.position - b.position,
    );
  return voted.map((card) => ({
    rank: voted.findIndex((c) => c.votes === card.votes) + 1,
    card,
    phase: phaseAt.get(card.phase)?.title ?? "",
  }));
}
