import { useMemo, useState, type ReactNode } from "react";
import type { Edit } from "../ipc";
import { useT } from "../i18n/context";
import { Modal } from "../components/Modal";
import { type Editor, useJourney } from "../state/store";
import { ranking } from "../journey/vote";

/**
 * The cards ranked by votes, and the place to type the tallies of a paper vote: one edit for all
 * the numbers typed, so one undo takes them back.
 */
export function VoteResults({ editor, typing: startTyping, onClose }: { editor: Editor; typing: boolean; onClose(): void }) {
  const { t } = useT();
  const doc = useJourney(editor, (s) => s.doc);
  const ranked = useMemo(() => ranking(doc), [doc]);
  const [typing, setTyping] = useState(startTyping);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const phaseTitle = new Map(doc.phases.map((p) => [p.id, p.title]));

  const save = async () => {
    const edits: Edit[] = [];
    for (const card of doc.cards) {
      const text = typed[card.id];
      if (text === undefined || text.trim() === "") continue;
      const votes = Math.max(0, Math.floor(Number(text)));
      if (Number.isFinite(votes) && votes !== card.votes) edits.push({ type: "updateCard", card: card.id, votes });
    }
    if (edits.length > 0 && !(await editor.send({ type: "batch", edits, label: "typeTallies" }))) return;
    setTyped({});
    setTyping(false);
  };

  return (
    <Modal className="vote-results" labelledBy="vote-results-title" onClose={onClose}>
      <h2 id="vote-results-title">{t.vote.resultsTitle}</h2>
      {typing ? (
        <>
          <p className="hint">{t.vote.typeHint}</p>
          <ResultsTable heads={[t.vote.phase, t.vote.card, t.vote.count]}>
            {doc.cards.map((c) => (
              <tr key={c.id}>
                <td>{phaseTitle.get(c.phase)}</td>
                <td>{c.title}</td>
                <td>
                  <input
                    type="number"
                    min={0}
                    inputMode="numeric"
                    aria-label={t.vote.tallyOf(c.title)}
                    value={typed[c.id] ?? String(c.votes)}
                    onChange={(e) => setTyped({ ...typed, [c.id]: e.target.value })}
                  />
                </td>
              </tr>
            ))}
          </ResultsTable>
        </>
      ) : ranked.length === 0 ? (
        <p>{t.vote.noVotes}</p>
      ) : (
        <ResultsTable heads={[t.vote.rank, t.vote.card, t.vote.phase, t.vote.count]}>
          {ranked.map((r) => (
            <tr key={r.card.id}>
              <td className="rank">{r.rank}</td>
              <td>{r.card.title}</td>
              <td>{r.phase}</td>
              <td className="count">{r.card.votes}</td>
            </tr>
          ))}
        </ResultsTable>
      )}
      <div className="dialog-actions">
        {typing ? (
          <button className="primary" onClick={() => void save()}>
            {t.vote.saveTallies}
          </button>
        ) : (
          <button onClick={() => setTyping(true)}>{t.vote.typeTallies}</button>
        )}
        <button onClick={onClose} autoFocus>
          {t.close}
        </button>
      </div>
    </Modal>
  );
}

/** A table that scrolls under its column heads. */
function ResultsTable({ heads, children }: { heads: string[]; children: ReactNode }) {
  return (
    <div className="results-scroll">
      <table>
        <thead>
          <tr>
            {heads.map((h) => (
              <th key={h}>{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
