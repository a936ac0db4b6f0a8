// What a screen reader is told after a change: worked out from the journey before and after it,
// so every way of changing the board (keys, drags, menus, undo) is described alike.
import type { Card, JourneyDoc } from "../ipc";
import type { Messages } from "../i18n";
import type { LastChange } from "../state/store";

function where(t: Messages, doc: JourneyDoc, card: Card): string {
  const phase = doc.phases.find((p) => p.id === card.phase)?.title ?? "";
  const row = doc.rows.find((r) => r.id === card.row)?.title ?? "";
  return t.board.cell(phase, row);
}

/** The sentence for `change`, given the journey after it; "" when there is nothing to say. */
export function describeChange(t: Messages, change: LastChange, after: JourneyDoc): string {
  const said = describeEdit(t, change, after);
  const what = said || (change.label ? t.editName(change.label) : "");
  if (change.how === "undo") return what && t.announce.undone(what);
  if (change.how === "redo") return what && t.announce.redone(what);
  return said;
}

function describeEdit(t: Messages, { before, changes, edit }: LastChange, after: JourneyDoc): string {
  const old = new Map(before.cards.map((c) => [c.id, c]));
  const now = new Map(after.cards.map((c) => [c.id, c]));
  const added = after.cards.filter((c) => !old.has(c.id));
  const removed = before.cards.filter((c) => !now.has(c.id));
  if (added.length > 0) {
    const first = added[0]!;
    return added.length === 1 ? t.announce.added(first.title, where(t, after, first)) : t.announce.addedMany(added.length, where(t, after, first));
  }
  if (removed.length > 0 && !changes.phases && !changes.rows) return removed.length === 1 ? t.announce.deleted(removed[0]!.title) : t.announce.deletedMany(removed.length);
  const moved = after.cards.filter((c) => {
    const o = old.get(c.id);
    return o && (o.phase !== c.phase || o.row !== c.row);
  });
  const reordered = moved.length > 0 ? moved : changes.cards.filter((c) => old.get(c.id)?.position !== now.get(c.id)?.position);
  const first = reordered[0] && now.get(reordered[0].id);
  if (first) {
    if (reordered.length > 1) return t.announce.movedMany(reordered.length, where(t, after, first));
    const count = after.cards.filter((c) => c.phase === first.phase && c.row === first.row).length;
    return t.announce.moved(first.title, where(t, after, first), first.position + 1, count);
  }
  const changed = changes.cards.find((c) => old.has(c.id));
  const was = changed && old.get(changed.id);
  if (changed && was && was.emotion !== changed.emotion) return t.announce.emotion(changed.title, changed.emotion === null ? t.noEmotion : t.emotion(changed.emotion));
  if (changed && was && was.votes !== changed.votes) return t.announce.votes(changed.title, changed.votes);
  if (changed) return t.announce.changed(changed.title);
  if (changes.phases) {
    const far = byId(changes.phases, edit?.type === "movePhase" ? edit.phase : undefined) ?? furthest(before.phases, changes.phases);
    if (far) return t.announce.phaseMoved(far.title, changes.phases.indexOf(far) + 1, changes.phases.length);
    const resized = changes.phases.find((p) => before.phases.some((b) => b.id === p.id && b.width !== p.width));
    if (resized) return t.announce.phaseWidth(resized.title, resized.width);
  }
  const row = changes.rows && (byId(changes.rows, edit?.type === "moveRow" ? edit.row : undefined) ?? furthest(before.rows, changes.rows));
  if (row) return t.announce.rowMoved(row.title, changes.rows!.indexOf(row) + 1, changes.rows!.length);
  return "";
}

const byId = <T extends { id: string }>(list: T[], id: string | undefined) => (id === undefined ? undefined : list.find((x) => x.id === id));

/**
 * The item that moved in a reordering of the same items: the one furthest from its old place
 * (moving one item shifts each one between by one place only); none when the order is the same.
 */
function furthest<T extends { id: string }>(before: T[], after: T[]): T | undefined {
  if (before.length !== after.length) return undefined;
  const shift = (id: string) => Math.abs(before.findIndex((x) => x.id === id) - after.findIndex((x) => x.id === id));
  const far = after.reduce<T | undefined>((best, x) => (best === undefined || shift(x.id) > shift(best.id) ? x : best), undefined);
  return far && shift(far.id) > 0 ? far : undefined;
}
