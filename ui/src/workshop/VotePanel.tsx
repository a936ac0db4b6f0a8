import { useEffect, useRef, useState } from "react";
import { useT } from "../i18n/context";
import { type Editor, useJourney } from "../state/store";
import { askConfirm } from "../components/Confirm";
import { dotsLeft, useActiveVoter } from "../journey/vote";
import { PanelHead } from "../components/PanelHead";
import { clip, LIMITS } from "../journey/limits";
import { Icon } from "../components/Icon";
import { Check } from "../components/Check";

/**
 * The dot vote, in the side panel: start one, add participants, give the turn to one of them (a
 * click on a card then gives it their dot), close, hide and clear. Every change is an edit, so
 * each step can be undone.
 */
export function VotePanel({ editor, onResults, onClose }: { editor: Editor; onResults(): void; onClose(): void }) {
  const { t } = useT();
  const vote = useJourney(editor, (s) => s.doc.vote ?? null);
  const cards = useJourney(editor, (s) => s.doc.cards);
  const voter = useActiveVoter(editor);
  const notice = useJourney(editor, (s) => s.notice);
  // What was said about one person's dot is not about the next person's turn.
  useEffect(() => editor.journey.set({ notice: null }), [editor, voter]);
  const [dots, setDots] = useState(3);
  const [stacking, setStacking] = useState(false);
  const [name, setName] = useState("");
  // The name field takes the keyboard when the facilitator starts the vote here, not when the
  // vote comes back by an undo or redo (the keyboard stayed in the field, and Ctrl+Z with it).
  const nameField = useRef<HTMLInputElement>(null);
  const start = () =>
    void editor.send({ type: "startVote", dotsPerParticipant: dots, stacking }).then((applied) => {
      if (applied) requestAnimationFrame(() => nameField.current?.focus());
    });

  const clear = async () => {
    if (await askConfirm({ title: t.vote.clearTitle, body: t.vote.clearBody, confirm: t.vote.clear })) {
      editor.view.set({ voter: null });
      void editor.send({ type: "clearVote" });
    }
  };

  const header = (
    <PanelHead title={t.vote.title} onClose={onClose} />
  );

  if (!vote) {
    return (
      <aside className="inspector vote-panel" aria-label={t.vote.title}>
        {header}
        <p className="hint">{t.vote.startHint}</p>
        <label className="field">
          <span>{t.vote.dots}</span>
          <input type="number" min={1} max={20} value={dots} onChange={(e) => setDots(Number(e.target.value))} />
        </label>
        <Check label={t.vote.stacking} value={stacking} onChange={setStacking} />
        <button className="primary" onClick={start}>
          {t.vote.start}
        </button>
        <button onClick={onResults}>{t.vote.typeTallies}</button>
        {/* Tallies typed after a paper vote (or imported) need no vote to be ranked or cleared. */}
        {cards.some((c) => c.votes > 0) ? (
          <div className="vote-actions">
            <button onClick={onResults}>{t.vote.results}</button>
            <button className="danger-text" onClick={() => void clear()}>
              {t.vote.clear}
            </button>
          </div>
        ) : null}
      </aside>
    );
  }

  const addParticipant = async () => {
    const n = name.trim();
    if (!n) return;
    const id = crypto.randomUUID();
    const applied = await editor.send({ type: "addParticipant", id, name: n });
    if (applied) {
      setName("");
      editor.view.set({ voter: id });
    }
  };
  const current = vote.participants.find((p) => p.id === voter);
  const byId = new Map(cards.map((c) => [c.id, c]));

  return (
    <aside className="inspector vote-panel" aria-label={t.vote.title}>
      {header}
      {vote.closed ? <p className="vote-state">{t.vote.closed}</p> : null}
      {vote.hidden ? <p className="vote-state">{t.vote.hiddenNote}</p> : null}
      <h3>{t.vote.participants}</h3>
      <ul className="participants" role="radiogroup" aria-label={t.vote.pickTurn}>
        {vote.participants.map((p) => {
          const left = dotsLeft(vote, p.id, cards);
          return (
            <li key={p.id}>
              <button
                role="radio"
                aria-checked={voter === p.id}
                className={`participant${voter === p.id ? " on" : ""}`}
                disabled={vote.closed}
                onClick={() => editor.view.set({ voter: voter === p.id ? null : p.id })}
              >
                <span className="swatch" style={{ background: p.colour }} />
                <span className="participant-name">{p.name}</span>
                <span className="dots-left" aria-label={t.vote.dotsLeft(left, vote.dotsPerParticipant)} title={t.vote.dotsLeft(left, vote.dotsPerParticipant)}>
                  {Array.from({ length: vote.dotsPerParticipant }, (_, i) => (
                    <span key={i} className={`dot${i < left ? "" : " used"}`} style={{ borderColor: p.colour, background: i < left ? p.colour : "transparent" }} />
                  ))}
                </span>
              </button>
              <button
                className="icon-button"
                disabled={vote.closed}
                aria-label={t.vote.remove(p.name)}
                title={t.vote.remove(p.name)}
                onClick={() => {
                  if (voter === p.id) editor.view.set({ voter: null });
                  void editor.send({ type: "removeParticipant", participant: p.id });
                }}
              >
                <Icon name="close" />
              </button>
            </li>
          );
        })}
      </ul>
      {!vote.closed ? (
        <form
          className="add-participant"
          onSubmit={(e) => {
            e.preventDefault();
            void addParticipant();
          }}
        >
          {/* Drawn when the vote starts: the first participant's name is what comes next. */}
          <input ref={nameField} value={name} onChange={(e) => setName(clip(e.target.value, LIMITS.titleChars))} placeholder={t.vote.participantPlaceholder} aria-label={t.vote.participantName} />
          <button type="submit" disabled={!name.trim()}>
            {t.vote.addParticipant}
          </button>
        </form>
      ) : null}
      {current && !vote.closed ? (
        <div className="turn" role="status">
          <p>{t.vote.turn(current.name)}</p>
          <ul className="my-dots">
            {current.dots
              .filter((d) => byId.has(d))
              .map((d, i) => (
                <li key={`${d}-${i}`}>
                  <span className="swatch" style={{ background: current.colour }} />
                  <span>{byId.get(d)?.title}</span>
                  <button
                    className="icon-button"
                    aria-label={t.vote.takeBack(byId.get(d)?.title ?? "")}
                    title={t.vote.takeBack(byId.get(d)?.title ?? "")}
                    onClick={() => void editor.send({ type: "takeBackDot", participant: current.id, card: d })}
                  >
                    <Icon name="close" />
                  </button>
                </li>
              ))}
          </ul>
          {notice ? <p className="vote-notice">{notice}</p> : null}
          <button onClick={() => editor.view.set({ voter: null })}>{t.vote.done}</button>
        </div>
      ) : null}
      <div className="vote-actions">
        <button onClick={onResults}>{t.vote.results}</button>
        <button
          onClick={() => {
            editor.view.set({ voter: null });
            void editor.send({ type: "updateVote", closed: !vote.closed });
          }}
        >
          {vote.closed ? t.vote.reopen : t.vote.close}
        </button>
        <button onClick={() => void editor.send({ type: "updateVote", hidden: !vote.hidden })}>{vote.hidden ? t.vote.show : t.vote.hide}</button>
        <button className="danger-text" onClick={() => void clear()}>
          {t.vote.clear}
        </button>
      </div>
    </aside>
  );
}
