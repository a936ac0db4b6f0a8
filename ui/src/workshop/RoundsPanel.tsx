import { useCallback, useEffect, useState } from "react";
import { api, events, listenUntil, type JourneyDoc, type RoundDiff, type RoundInfo } from "../ipc";
import { useT } from "../i18n/context";
import { relativeTime } from "../i18n";
import { Editor, type Mark, useJourney } from "../state/store";
import { askConfirm } from "../components/Confirm";
import { InlineInput } from "../components/Menu";
import { PanelHead } from "../components/PanelHead";
import { clip, LIMITS } from "../journey/limits";

/** A saved round (or a comparison) shown on the board instead of the journey, read-only. */
export interface RoundView {
  title: string;
  editor: Editor;
  diff: RoundDiff | null;
}

const NOW = "";

/** How each card of the later version changed; a card both moved and changed shows as moved. */
export function marksOf(diff: RoundDiff): Map<string, Mark> {
  const marks = new Map<string, Mark>();
  for (const id of diff.changed) marks.set(id, "changed");
  for (const id of diff.moved) marks.set(id, "moved");
  for (const id of diff.added) marks.set(id, "added");
  for (const c of diff.removed) marks.set(c.id, "removed");
  return marks;
}

/**
 * The later version with the removed cards put back where they were (at the end of their cell,
 * when the phase and row still exist), so the board can show them, marked, among the rest.
 */
export function withRemoved(doc: JourneyDoc, diff: RoundDiff): JourneyDoc {
  const phases = new Set(doc.phases.map((p) => p.id));
  const rows = new Set(doc.rows.map((r) => r.id));
  const cards = [...doc.cards];
  for (const c of diff.removed) {
    if (!phases.has(c.phase) || !rows.has(c.row)) continue;
    const position = cards.filter((k) => k.phase === c.phase && k.row === c.row).length;
    cards.push({ ...c, position });
  }
  return { ...doc, cards };
}

/**
 * Rounds in the side panel: save the journey as it is now under a name, look at a saved round,
 * compare two versions, restore a round as a journey of its own, rename and delete.
 */
export function RoundsPanel(props: {
  editor: Editor;
  view: RoundView | null;
  onView(view: RoundView | null): void;
  onRestored(journey: string, name: string): void;
  onClose(): void;
}) {
  const { editor, view, onView } = props;
  const { t, locale } = useT();
  const journey = useJourney(editor, (s) => s.doc.journey);
  const [rounds, setRounds] = useState<RoundInfo[]>([]);
  const [name, setName] = useState("");
  const [renaming, setRenaming] = useState<string | null>(null);
  const [from, setFrom] = useState(NOW);
  const [to, setTo] = useState(NOW);
  const fail = useCallback((e: Error) => editor.journey.set({ error: e.message }), [editor]);

  const reload = useCallback(
    () =>
      api.listRounds(journey.id).then((list) => {
        setRounds(list);
        // A round deleted (here or in another window) is compared no more: "now" takes its place.
        const kept = (id: string) => (list.some((r) => r.id === id) ? id : NOW);
        setFrom(kept);
        setTo(kept);
        return list;
      }, fail),
    [journey.id, fail],
  );
  useEffect(() => {
    void reload().then((list) => {
      // Comparing the latest round with now is what is asked for most.
      const latest = list?.at(-1);
      if (latest) setFrom(latest.id);
    });
  }, [reload]);
  // A round saved, renamed or deleted in another window (or over `journeywall rpc`) shows at once.
  useEffect(() => listenUntil(() => events.databaseChanged.listen(() => void reload())), [reload]);

  /** An action whose failure shows in the editor's error bar. */
  const guarded =
    <A extends unknown[]>(f: (...a: A) => Promise<unknown>) =>
    (...a: A) =>
      f(...a).catch(fail);

  const suggestion = t.rounds.suggestions[Math.min(rounds.length, t.rounds.suggestions.length - 1)] ?? "";
  const save = guarded(async () => {
    // A title typed a moment ago is committed on blur, as this button is pressed: wait for it.
    await editor.settled();
    const saved = await api.saveRound(journey.id, name.trim() || suggestion);
    setName("");
    const list = await reload();
    if (list) setFrom(saved.id);
  });

  const nameOf = (id: string) => (id === NOW ? t.rounds.now : (rounds.find((r) => r.id === id)?.name ?? ""));
  const docOf = async (id: string) => (id === NOW ? (await api.openJourney(journey.id)).doc : (await api.openRound(journey.id, id)).doc);
  const readOnly = (doc: JourneyDoc) => new Editor(doc, { undo: null, redo: null, undoStep: null, redoStep: null }, t.rounds.readOnly);

  const viewRound = guarded(async (r: RoundInfo) => onView({ title: t.rounds.viewing(r.name), editor: readOnly(await docOf(r.id)), diff: null }));
  const compare = guarded(async () => {
    await editor.settled();
    const [diff, doc] = await Promise.all([api.compareRounds(journey.id, from || null, to || null), docOf(to)]);
    const shown = readOnly(withRemoved(doc, diff));
    shown.view.set({ marks: marksOf(diff) });
    onView({ title: t.rounds.comparing(nameOf(from), nameOf(to)), editor: shown, diff });
  });
  const restore = guarded(async (r: RoundInfo) => {
    const newName = clip(t.rounds.restoredName(journey.name, r.name), LIMITS.titleChars);
    props.onRestored(await api.restoreRound(journey.id, r.id, newName), newName);
  });
  const remove = guarded(async (r: RoundInfo) => {
    if (!(await askConfirm({ title: t.rounds.deleteTitle(r.name), body: t.rounds.deleteBody, confirm: t.rounds.deleteConfirm }))) return;
    await api.deleteRound(journey.id, r.id);
    await reload();
  });
  const rename = guarded(async (r: RoundInfo, value: string) => {
    await api.renameRound(journey.id, r.id, value);
    await reload();
  });

  return (
    <aside className="inspector rounds-panel" aria-label={t.rounds.title}>
      <PanelHead title={t.rounds.title} onClose={props.onClose} />
      <p className="hint">{t.rounds.hint}</p>
      <form
        className="add-participant"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <input value={name} onChange={(e) => setName(clip(e.target.value, LIMITS.titleChars))} placeholder={suggestion} aria-label={t.rounds.name} />
        <button type="submit" className="primary">
          {t.rounds.save}
        </button>
      </form>
      {rounds.length === 0 ? <p className="hint">{t.rounds.none}</p> : null}
      <ul className="round-list">
        {rounds.map((r) => (
          <li key={r.id}>
            {renaming === r.id ? (
              <InlineInput initial={r.name} label={t.rounds.rename(r.name)} onClose={() => setRenaming(null)} onCommit={(name) => rename(r, name)} />
            ) : (
              <strong className="round-name" onDoubleClick={() => setRenaming(r.id)} title={t.renameHint}>
                {r.name}
              </strong>
            )}
            <span className="round-meta">{t.rounds.meta(relativeTime(locale, r.createdAt), r.cards)}</span>
            <span className="round-actions">
              <button onClick={() => void viewRound(r)} aria-label={t.rounds.viewLabel(r.name)}>
                {t.rounds.view}
              </button>
              <button onClick={() => void restore(r)} aria-label={t.rounds.restoreLabel(r.name)} title={t.rounds.restoreLabel(r.name)}>
                {t.rounds.restore}
              </button>
              <button className="icon-button" onClick={() => setRenaming(r.id)} aria-label={t.rounds.rename(r.name)} title={t.rounds.rename(r.name)}>
                ✎
              </button>
              <button className="icon-button" onClick={() => void remove(r)} aria-label={t.rounds.remove(r.name)} title={t.rounds.remove(r.name)}>
                ×
              </button>
            </span>
          </li>
        ))}
      </ul>
      {rounds.length > 0 ? (
        <section className="compare" aria-label={t.rounds.compareTitle}>
          <h3>{t.rounds.compareTitle}</h3>
          <VersionSelect label={t.rounds.from} rounds={rounds} now={t.rounds.now} value={from} onChange={setFrom} />
          <VersionSelect label={t.rounds.to} rounds={rounds} now={t.rounds.now} value={to} onChange={setTo} />
          <button onClick={() => void compare()}>{t.rounds.compare}</button>
        </section>
      ) : null}
      {view?.diff ? (
        <section className="diff" aria-label={view.title}>
          <p className="diff-summary" role="status">
            {t.rounds.summary(view.diff.added.length, view.diff.removed.length, view.diff.moved.length, view.diff.changed.length)}
          </p>
          {view.diff.removed.length > 0 ? (
            <>
              <h3>{t.rounds.removedCards}</h3>
              <ul className="removed-cards">
                {view.diff.removed.map((c) => (
                  <li key={c.id}>{c.title}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </aside>
  );
}

/** A choice of one version of the journey: a saved round, or the journey as it is now. */
function VersionSelect(props: { label: string; rounds: RoundInfo[]; now: string; value: string; onChange(id: string): void }) {
  return (
    <label className="field">
      <span>{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.rounds.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name}
          </option>
        ))}
        <option value={NOW}>{props.now}</option>
      </select>
    </label>
  );
}
