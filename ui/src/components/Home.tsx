import { useEffect, useMemo, useState } from "react";
import { api, type JourneySummary, type TemplateInfo } from "../ipc";
import { relativeTime } from "../i18n";
import { useT } from "../i18n/context";

export function Home({ onOpen, onError }: { onOpen: (id: string) => void; onError: (message: string) => void }) {
  const { t, locale } = useT();
  const [journeys, setJourneys] = useState<JourneySummary[] | null>(null);
  const [filter, setFilter] = useState("");
  const [picking, setPicking] = useState(false);

  useEffect(() => {
    api.listJourneys().then(setJourneys, (e: Error) => onError(e.message));
  }, [onError]);

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
          <input
            className="filter"
            type="search"
            placeholder={t.filterPlaceholder}
            aria-label={t.filterPlaceholder}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            autoFocus
          />
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
            <li key={j.id}>
              <button className="journey-item" onClick={() => onOpen(j.id)}>
                <span className="journey-name">{j.name}</span>
                <span className="journey-facts">
                  {t.phasesCount(j.phases)} · {t.cardsCount(j.cards)} · {t.editedAgo(relativeTime(locale, j.updatedAt))}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {picking ? <TemplatePicker onCancel={() => setPicking(false)} onCreated={onOpen} onError={onError} /> : null}
    </main>
  );
}

function TemplatePicker(props: { onCancel: () => void; onCreated: (id: string) => void; onError: (m: string) => void }) {
  const { t, locale } = useT();
  const [templates, setTemplates] = useState<TemplateInfo[]>([]);
  const [language, setLanguage] = useState<string>(locale);
  const [chosen, setChosen] = useState<string | null>(null);
  const [name, setName] = useState("");

  useEffect(() => {
    api.listTemplates().then(setTemplates);
  }, []);
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
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === "Escape" && props.onCancel()}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="picker-title">
        <h2 id="picker-title">{t.chooseTemplate}</h2>
        <div className="segmented" role="radiogroup" aria-label={t.templateLanguage}>
          {(["nl", "en"] as const).map((l) => (
            <button key={l} role="radio" aria-checked={language === l} className={language === l ? "on" : ""} onClick={() => setLanguage(l)}>
              {l === "nl" ? t.langNl : t.langEn}
            </button>
          ))}
        </div>
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
      </div>
    </div>
  );
}
