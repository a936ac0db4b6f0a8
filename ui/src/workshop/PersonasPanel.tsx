import type { Persona } from "../ipc";
import { api } from "../ipc";
import { useT } from "../i18n/context";
import { type Editor, useJourney } from "../state/store";
import { useDraft } from "../components/draft";
import { LIMITS } from "../journey/limits";
import { PanelHead } from "../components/PanelHead";

type TextField = "name" | "role" | "quote" | "goals" | "frustrations";

/**
 * The journey's personas in the side panel: every field edited in place (each change one edit),
 * a picture from a file, reordering (the first three print on the poster) and delete (undoable).
 */
export function PersonasPanel({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const { t } = useT();
  const personas = useJourney(editor, (s) => s.doc.personas);
  return (
    <aside className="inspector personas-panel" aria-label={t.personas.title}>
      <PanelHead title={t.personas.title} onClose={onClose} />
      <p className="hint">{t.personas.hint}</p>
      {personas.length === 0 ? <p className="hint">{t.personas.none}</p> : null}
      {personas.map((p, i) => (
        <PersonaCard key={p.id} editor={editor} persona={p} first={i === 0} />
      ))}
      <button onClick={() => void addPersona(editor, t.personas.newName)}>+ {t.personas.add}</button>
    </aside>
  );
}

/**
 * Adds a persona and takes the keyboard to its name, scrolled into view: the focus left on the
 * button below the fold let a typed space add a second persona and an "n" start a card.
 */
async function addPersona(editor: Editor, name: string): Promise<void> {
  const before = new Set(editor.journey.get().doc.personas.map((p) => p.id));
  if (!(await editor.send({ type: "addPersona", name }))) return;
  const added = editor.journey.get().doc.personas.find((p) => !before.has(p.id));
  if (!added) return;
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLInputElement>(`.persona-card[data-persona-id="${added.id}"] input`);
    field?.focus({ preventScroll: true });
    field?.select();
    field?.closest(".persona-card")?.scrollIntoView({ block: "nearest" });
  });
}

function PersonaCard({ editor, persona, first }: { editor: Editor; persona: Persona; first: boolean }) {
  const { t } = useT();
  const text = (field: TextField, rows?: number) => (
    <label className="field">
      <span>{t.personas[field]}</span>
      <PersonaText editor={editor} persona={persona} field={field} rows={rows} />
    </label>
  );
  const initials = persona.name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => [...w][0]?.toUpperCase())
    .join("");
  return (
    <section className="persona-card" aria-label={persona.name} data-persona-id={persona.id}>
      <div className="persona-top">
        {persona.picture ? (
          <img className="persona-picture" src={persona.picture} alt={t.personas.picture(persona.name)} />
        ) : (
          <span className="persona-picture placeholder" aria-hidden="true">
            {initials}
          </span>
        )}
        <div className="persona-picture-actions">
          <button onClick={() => void editor.applyVia(() => api.choosePersonaPicture(editor.journeyId, persona.id))}>{t.personas.choosePicture}</button>
          {persona.picture ? <button onClick={() => void editor.send({ type: "updatePersona", persona: persona.id, picture: null })}>{t.personas.removePicture}</button> : null}
          <small>{t.personas.pictureHint}</small>
        </div>
      </div>
      {text("name")}
      {text("role")}
      {text("quote", 2)}
      {text("goals", 3)}
      {text("frustrations", 3)}
      <div className="persona-actions">
        {!first ? (
          <button className="icon-button" aria-label={t.personas.up(persona.name)} title={t.personas.up(persona.name)} onClick={() => void editor.send({ type: "movePersona", persona: persona.id, index: Math.max(0, persona.position - 1) })}>
            ↑
          </button>
        ) : null}
        <button className="danger-text" onClick={() => void editor.send({ type: "deletePersona", persona: persona.id })}>
          {t.personas.remove(persona.name)}
        </button>
      </div>
    </section>
  );
}

/** One text field of a persona: a one-line input without `rows`, else a textarea. */
function PersonaText({ editor, persona, field, rows }: { editor: Editor; persona: Persona; field: TextField; rows?: number }) {
  const draft = useDraft(
    persona[field],
    (value) => (field === "name" && !value.trim() ? undefined : editor.send({ type: "updatePersona", persona: persona.id, [field]: value })),
    { enterCommits: rows === undefined, max: field === "name" || field === "role" ? LIMITS.titleChars : LIMITS.notesChars },
  );
  return rows === undefined ? <input {...draft} /> : <textarea rows={rows} {...draft} />;
}
