import type { Card, Edit } from "../ipc";
import { useT } from "../i18n/context";
import { type Editor, useJourney, useView } from "../state/store";
import { EmotionFace } from "../components/EmotionFace";
import { PALETTE } from "../journey/palette";
import { deleteSelection, duplicateSelection } from "../journey/actions";
import { useDraft } from "../components/draft";
import { RadioGroup } from "../components/RadioGroup";
import { LIMITS } from "../journey/limits";
import { PanelHead } from "../components/PanelHead";

/** A change to any of a card's fields. */
type CardPatch = Omit<Extract<Edit, { type: "updateCard" }>, "type" | "card">;

/** The side panel: every field of the selected card, each change one edit. */
export function Inspector({ editor, onHide }: { editor: Editor; onHide(): void }) {
  const { t } = useT();
  const doc = useJourney(editor, (s) => s.doc);
  const selection = useView(editor, (s) => s.selection);
  const selected = doc.cards.filter((c) => selection.has(c.id));
  const card = selected.length === 1 ? selected[0] : undefined;

  if (selected.length === 0) {
    return (
      <aside className="inspector idle" aria-label={t.journeyDetails}>
        <PanelHead title={t.journeyDetails} onClose={onHide} closeLabel={t.hideDetails} />
        <JourneyFields editor={editor} />
        <p>{t.inspectorEmpty}</p>
        <ul className="hints">
          {t.hints.map((h) => (
            <li key={h}>{h}</li>
          ))}
        </ul>
      </aside>
    );
  }
  if (!card) {
    return (
      <aside className="inspector" aria-label={t.inspector}>
        <PanelHead title={t.cardsSelected(selected.length)} onClose={onHide} closeLabel={t.hideDetails} />
        <SelectionActions editor={editor} />
      </aside>
    );
  }
  return <CardFields key={card.id} editor={editor} card={card} onHide={onHide} channels={[...new Set(doc.cards.map((c) => c.channel).filter((c): c is string => !!c))]} />;
}

/** With no card selected: the journey's own fields (its description prints on the poster). */
function JourneyFields({ editor }: { editor: Editor }) {
  const { t } = useT();
  const description = useJourney(editor, (s) => s.doc.journey.description);
  const draft = useDraft(description, (v) => editor.send({ type: "updateJourney", description: v }), { max: LIMITS.notesChars });
  return (
    <label className="field">
      <span>{t.description}</span>
      <textarea rows={5} placeholder={t.descriptionHint} {...draft} />
    </label>
  );
}

function CardFields({ editor, card, channels, onHide }: { editor: Editor; card: Card; channels: string[]; onHide(): void }) {
  const { t } = useT();
  const update = (patch: CardPatch) => editor.send({ type: "updateCard", card: card.id, ...patch });
  // The title, the channel and the source: a line each, kept by Enter.
  const line = { enterCommits: true, max: LIMITS.titleChars };
  const title = useDraft(card.title, (v) => (v.trim() === "" ? undefined : update({ title: v })), line);
  const notes = useDraft(card.notes, (v) => update({ notes: v }), { max: LIMITS.notesChars });
  const channel = useDraft(card.channel ?? "", (v) => (v.trim() === (card.channel ?? "") ? undefined : update({ channel: v.trim() || null })), line);
  const source = useDraft(card.source, (v) => (v.trim() === card.source ? undefined : update({ source: v.trim() })), line);
  const tags = useDraft(
    card.tags.join(", "),
    (v) => {
      const next = [...new Set(v.split(",").map((s) => s.trim()).filter(Boolean))];
      return next.join(",") === card.tags.join(",") ? undefined : update({ tags: next });
    },
    { enterCommits: true },
  );

  return (
    <aside className="inspector" aria-label={t.inspector} data-card-fields={card.id}>
      <PanelHead title={t.inspector} onClose={onHide} closeLabel={t.hideDetails} />
      <label className="field">
        <span>{t.title}</span>
        <textarea rows={2} {...title} />
      </label>
      <label className="field">
        <span>{t.notes}</span>
        <textarea rows={6} {...notes} />
      </label>
      <label className="field">
        <span>{t.channel}</span>
        <input list="channels" {...channel} />
        <datalist id="channels">
          {channels.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </label>
      <div className="field">
        <span>{t.emotionScale}</span>
        <RadioGroup
          className="emotion-picker"
          label={t.emotionScale}
          choices={[
            ...[-2, -1, 0, 1, 2].map((s) => ({ key: String(s), label: t.emotion(s), checked: card.emotion === s, choose: () => void update({ emotion: s }), content: <EmotionFace score={s} size={24} /> })),
            { key: "none", label: t.noEmotion, checked: card.emotion === null, choose: () => void update({ emotion: null }), content: t.noEmotion, className: "none" },
          ]}
        />
      </div>
      <div className="field">
        <span>{t.colour}</span>
        <RadioGroup
          className="swatches"
          label={t.colour}
          choices={[
            { key: "phase", label: t.phaseColour, checked: card.colour === null, choose: () => void update({ colour: null }), content: "∅", className: "swatch phase-colour" },
            ...PALETTE.map((p) => ({
              key: p.colour,
              label: `${t.colour} ${t.colourNames[p.name]}`,
              checked: card.colour === p.colour,
              choose: () => void update({ colour: p.colour }),
              className: "swatch",
              style: { background: p.colour },
            })),
          ]}
        />
      </div>
      <div className="field">
        <span>{t.votesLabel}</span>
        <div className="stepper">
          <button aria-label={t.fewerVotes} disabled={card.votes === 0} onClick={() => void update({ votes: card.votes - 1 })}>
            −
          </button>
          <output aria-live="polite">{card.votes}</output>
          <button aria-label={t.moreVotes} onClick={() => void update({ votes: card.votes + 1 })}>
            +
          </button>
        </div>
      </div>
      <label className="field">
        <span>{t.tags}</span>
        <input placeholder={t.tagsPlaceholder} {...tags} />
      </label>
      <label className="field">
        <span>{t.source}</span>
        <input placeholder={t.sourcePlaceholder} {...source} />
      </label>
      <SelectionActions editor={editor} />
    </aside>
  );
}

function SelectionActions({ editor }: { editor: Editor }) {
  const { t } = useT();
  return (
    <div className="inspector-actions">
      <button onClick={() => void duplicateSelection(editor)}>{t.duplicate}</button>
      <button className="danger" onClick={() => void deleteSelection(editor)}>
        {t.delete}
      </button>
    </div>
  );
}
