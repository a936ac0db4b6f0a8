import { useCallback, useEffect, useMemo, useState } from "react";
import { api, events, listenUntil, type JourneySummary, type TemplateInfo } from "../ipc";
import { relativeTime, type Locale } from "../i18n";
import { useT } from "../i18n/context";
import { askConfirm } from "./Confirm";
import { InlineInput, MenuButton } from "./Menu";
import { Modal } from "./Modal";
import { Notice } from "./Notice";
import { clip, LIMITS } from "../journey/limits";

interface HomeProps {
  onOpen(id: string): void;
  onError(message: string): void;
  /** Something to tell without an error: how an imported file was read, the name it was given. */
  onNotice(message: string): void;
  picking: boolean;
  setPicking(on: boolean): void;
  onLanguage(locale: Locale): void;
}

export function Home({ onOpen, onError, onNotice, picking, setPicking, onLanguage }: HomeProps) {
  const { t, locale } = useT();
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [filter, setFilter] = useState("");
  const [renaming, setRenaming] = useState<string | null>(null);
  const [describing, setDescribing] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  // Fetched with the list, not when the picker opens: it then opens full, with Create enabled.
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  useEffect(() => {
    api.listTemplates().then(setTemplates, (e: Error) => onError(e.message));
  }, [onError]);

  const refresh = useCallback(() => api.listJourneys().then(setJourneys, (e: Error) => onError(e.message)), [onError]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  // A journey added, renamed or deleted in another window or on the command line shows here too.
  useEffect(() => listenUntil(() => events.databaseChanged.listen(() => void refresh())), [refresh]);

  const act = (f: () => Promise<unknown>) => f().then(refresh, (e: Error) => onError(e.message));
  const remove = async (j: JourneySummary) => {
    if (!(await askConfirm({ title: t.deleteJourneyTitle(j.name), body: t.deleteJourneyBody, confirm: t.delete }))) return;
    await act(() => api.deleteJourney(j.id));
    setDeleted(j.name);
  };
  const undoDelete = () => {
    setDeleted(null);
    void act(() => api.restoreDeletedJourney());
  };

  const shown = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase();
    return (journeys ?? []).filter((j) => j.name.toLocaleLowerCase().includes(q));
  }, [journeys, filter]);

  return (
    <main className="home">
      <header className="home-header">
        <div>
          <h1>{t.journeys}</h1>
          <p className="tagline">{t.tagline}</p>
        </div>
        <div className="home-actions">
          <select className="language" aria-label={t.language} value={locale} onChange={(e) => onLanguage(e.target.value as Locale)}>
            <option value="nl">{t.langNl}</option>
            <option value="en">{t.langEn}</option>
          </select>
          <input
            className="filter"
            type="search"
            placeholder={t.filterPlaceholder}
            aria-label={t.filterPlaceholder}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            autoFocus
          />
          <button
            title={t.importHint}
            onClick={() =>
              api.chooseImport().then(
                (imported) => {
                  if (!imported) return;
                  onOpen(imported.journey);
                  if (imported.message) onNotice(imported.message);
                },
                (err: Error) => onError(err.message),
              )
            }
          >
            {t.importJourney}
          </button>
          <button className="primary" onClick={() => setPicking(true)}>
            {t.newJourney}
          </button>
        </div>
      </header>
      {journeys === null ? (
        <p className="muted">{t.loading}</p>
      ) : journeys.length === 0 ? (
        <p className="empty">{t.noJourneys}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t.noMatches(filter)}</p>
      ) : (
        <ul className="journey-list">
          {shown.map((j) => (
            <li key={j.id} className="journey-row">
              {renaming === j.id ? (
                <div className="journey-item renaming">
                  <InlineInput
                    initial={j.name}
                    label={t.journeyName}
                    onClose={() => setRenaming(null)}
                    onCommit={(name) => act(() => api.applyEdit(j.id, { type: "updateJourney", name }))}
                  />
                </div>
              ) : describing === j.id ? (
                <DescriptionEditor
                  name={j.name}
                  initial={j.description}
                  onClose={() => setDescribing(null)}
                  onSave={(description) => act(() => api.applyEdit(j.id, { type: "updateJourney", description }))}
                />
              ) : (
                // The whole card opens the journey (the button stretches over it); the
                // description is text beside the button, so it is not part of its name.
                <div className="journey-item">
                  <button className="journey-open" onClick={() => onOpen(j.id)}>
                    <span className="journey-name">{j.name}</span>
                    <span className="journey-facts">
                      {t.phasesCount(j.phases)} · {t.cardsCount(j.cards)} · {t.editedAgo(relativeTime(locale, j.updatedAt))}
                    </span>
                  </button>
                  {j.description ? <p className="journey-description">{j.description}</p> : null}
                </div>
              )}
              <MenuButton
                label={t.journeyMenu}
                items={[
                  { label: t.rename, run: () => setRenaming(j.id) },
                  { label: t.editDescription, run: () => setDescribing(j.id) },
                  { label: t.duplicate, run: () => act(() => api.duplicateJourney(j.id, t.copyOf(j.name))) },
                  { label: t.delete, danger: true, run: () => remove(j) },
                ]}
              />
            </li>
          ))}
        </ul>
      )}
      {picking ? (
        <TemplatePicker
          templates={templates}
          onCancel={() => setPicking(false)}
          onCreated={(id) => {
            setPicking(false);
            onOpen(id);
          }}
          onError={onError}
        />
      ) : null}
      {deleted ? (
        <Notice dark actions={<button onClick={undoDelete}>{t.undoDelete}</button>} onDismiss={() => setDeleted(null)}>
          {t.deletedJourney(deleted)}
        </Notice>
      ) : null}
    </main>
  );
}

/** A journey's description, edited in its place in the list: Ctrl+Enter or Save keeps it, Escape or Cancel leaves it. */
function DescriptionEditor({ name, initial, onSave, onClose }: { name: string; initial: string; onSave(text: string): void; onClose(): void }) {
  const { t } = useT();
  const [text, setText] = useState(initial);
  const save = () => {
    if (text !== initial) onSave(text);
    onClose();
  };
  return (
    <div className="journey-item describing">
      <span className="journey-name">{name}</span>
      <label className="field">
        <span>{t.description}</span>
        <textarea
          rows={4}
          value={text}
          autoFocus
          aria-describedby="description-keys"
          onChange={(e) => setText(clip(e.target.value, LIMITS.notesChars))}
          onKeyDown={(e) => {
            if (e.key === "Escape") {
              e.stopPropagation();
              onClose();
            } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              save();
            }
          }}
        />
      </label>
      <div className="describing-actions">
        <span className="muted" id="description-keys">
          {t.descriptionKeys}
        </span>
        <button onClick={onClose}>{t.cancel}</button>
        <button className="primary" onClick={save}>
          {t.save}
        </button>
      </div>
    </div>
  );
}

function TemplatePicker(props: { templates: TemplateInfo[]; onCancel: () => void; onCreated: (id: string) => void; onError: (m: string) => void }) {
  const { t, locale } = useT();
  const { templates } = props;
  const [language, setLanguage] = useState<string>(locale);
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState("");

  const shown = templates.filter((tpl) => tpl.language === language);
  const selected = shown.find((tpl) => tpl.id === chosen) ?? shown[0];

  async function create() {
    if (!selected) return;
    try {
      props.onCreated(await api.createJourney(selected.id, name.trim() || null));
    } catch (e) {
      props.onError((e as Error).message);
    }
  }

  return (
    <Modal labelledBy="picker-title" onClose={props.onCancel}>
      <h2 id="picker-title">{t.chooseTemplate}</h2>
      <div className="segmented" role="radiogroup" aria-label={t.templateLanguage}>
        {(["nl", "en"] as const).map((l) => (
          <button key={l} role="radio" aria-checked={language === l} className={language === l ? "on" : ""} onClick={() => setLanguage(l)}>
            {l === "nl" ? t.langNl : t.langEn}
          </button>
        ))}
      </div>
      {/* Opened at once after the start, the list may still be on its way. */}
      {templates.length === 0 ? <p className="template-loading" role="status">{t.loading}</p> : null}
      <ul className="template-list">
        {shown.map((tpl) => (
          <li key={tpl.id}>
            <button
              className={`template${selected?.id === tpl.id ? " selected" : ""}`}
              onClick={() => setChosen(tpl.id)}
              onDoubleClick={create}
              aria-pressed={selected?.id === tpl.id}
            >
              <span className="template-title">{tpl.title}</span>
              <span className="template-phases">{tpl.phases.join(" → ")}</span>
              <span className="template-facts">{t.cardsCount(tpl.cards)}</span>
            </button>
          </li>
        ))}
      </ul>
      <label className="field">
        <span>{t.nameLabel}</span>
        <input value={name} placeholder={selected?.title ?? ""} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === "Enter" && create()} />
      </label>
      <div className="dialog-actions">
        <button onClick={props.onCancel}>{t.cancel}</button>
        <button className="primary" onClick={create} disabled={!selected}>
          {t.create}
        </button>
      </div>
    </Modal>
  );
}
