import { useLayoutEffect, useRef, useState } from "react";
import { useT } from "../i18n/context";
import { useJourney, useView } from "../state/store";
import { InlineInput } from "../components/Menu";
import { Icon, type IconName } from "../components/Icon";
import { appAction, available, editorAction, withKey, type EditorContext } from "../actions/registry";
import { useRemote } from "../ipc/remote";
import { chooseFromMenu } from "../components/Menus";
import { RoomTimer } from "../workshop/RoomTimer";
import { useAsking } from "../journey/coEditors";
import { runIn } from "./context";
import { historyLabels } from "./window";

interface ToolbarProps {
  ctx: EditorContext;
  onClose(): void;
  toggle(id: "capture" | "vote" | "rounds" | "room" | "personas"): void;
}

/** The editor's header: back, the journey's name, history, zoom, the workshop's tools, the persona and the save state. */
export function Toolbar({ ctx, onClose, toggle }: ToolbarProps) {
  const { t, locale } = useT();
  const { editor } = ctx;
  const run = (id: string) => runIn(ctx, id);
  const tip = (id: string, label: string) => withKey(label, editorAction(id));
  const journey = useJourney(editor, (s) => s.doc.journey);
  const persona = useJourney(editor, (s) => s.doc.personas[0]);
  const history = useJourney(editor, (s) => s.history);
  const pending = useJourney(editor, (s) => s.pending);
  const zoom = useView(editor, (s) => s.zoom);
  const [renaming, setRenaming] = useState(false);
  // On a co-editor's page: who they are editing as (their colour outlines their selection on the others' boards).
  const { me } = useRemote();
  const asking = useAsking();
  const { undo: undoLabel, redo: redoLabel } = historyLabels(t, history);
  // The buttons' names are shown only where they leave the title, the persona and the save state
  // whole: measured, since it depends on the language and the title as much as on the window. The
  // save state and the timer are watched by their size (each child is observed), so an edit's
  // "Saving…" measures nothing unless it changes a width.
  const bar = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const fit = () => {
      el.classList.remove("compact");
      const cut = [...el.querySelectorAll<HTMLElement>("h1, .persona-name, .save-state")].some((e) => e.scrollWidth > e.clientWidth + 1);
      if (cut || el.scrollWidth > el.clientWidth + 1) el.classList.add("compact");
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    for (const group of el.children) observer.observe(group);
    return () => observer.disconnect();
  }, [journey.name, persona?.name, t, renaming]);

  return (
    <header className="journey-header" ref={bar}>
      {available(appAction("home")) ? (
        <button className="back" onClick={onClose}>
          <Icon name="back" /> <span className="label">{t.back}</span>
        </button>
      ) : null}
      {renaming ? (
        <InlineInput
          initial={journey.name}
          label={t.journeyName}
          onClose={() => setRenaming(false)}
          onCommit={(name) => editor.send({ type: "updateJourney", name })}
        />
      ) : (
        <h1 onDoubleClick={() => setRenaming(true)} title={t.renameHint}>
          {journey.name}
        </h1>
      )}
      {/* Below 1600 px the buttons show icons only; `data-action` names each by its registry id. */}
      <div className="toolbar-group" role="group" aria-label={t.history}>
        <button data-action="undo" onClick={() => run("undo")} disabled={!history.undo} title={tip("undo", undoLabel)} aria-label={undoLabel}>
          <Icon name="undo" /> <span className="label">{t.undo}</span>
        </button>
        <button data-action="redo" onClick={() => run("redo")} disabled={!history.redo} title={tip("redo", redoLabel)} aria-label={redoLabel}>
          <Icon name="redo" /> <span className="label">{t.redo}</span>
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label={t.zoom}>
        <button onClick={() => run("zoomOut")} aria-label={t.zoomOut} title={tip("zoomOut", t.zoomOut)}>
          <Icon name="minus" />
        </button>
        <button className="zoom-value" onClick={() => run("zoomReset")} title={tip("zoomReset", t.zoomReset)}>
          {Math.round(zoom * 100)} %
        </button>
        <button onClick={() => run("zoomIn")} aria-label={t.zoomIn} title={tip("zoomIn", t.zoomIn)}>
          <Icon name="plus" />
        </button>
        <button onClick={() => run("zoomFit")} title={tip("zoomFit", t.zoomFit)}>
          {t.zoomFit}
        </button>
      </div>
      <div className="toolbar-group" role="group" aria-label={t.workshop}>
        {(["capture", "room", "vote", "rounds"] as const).map((id) => (
          <ActionButton key={id} id={id} icon={id} label={t[id].button} onClick={() => toggle(id)} badge={id === "room" ? asking : 0} badgeLabel={t.room.asking(asking)} />
        ))}
        <RoomTimer />
        <ActionButton id="present" icon="present" label={t.present.button} onClick={() => run("present")} />
        <ActionButton id="poster" icon="print" label={t.menu.poster} className="print" onClick={() => run("poster")} />
      </div>
      {persona ? (
        <button className="persona-chip" data-action="personas" title={persona.quote} onClick={() => toggle("personas")}>
          {persona.picture ? <img src={persona.picture} alt="" /> : null}
          <span className="persona-name">
            {/* Below 1600 px the name alone: the journey's title needs the room. */}
            <span className="label">{t.persona}: </span>
            {persona.name}
          </span>
        </button>
      ) : (
        <button className="persona-chip" data-action="personas" onClick={() => toggle("personas")}>
          {t.personas.button}
        </button>
      )}
      {me ? (
        // A browser has no menu bar: Export as… and the language are here (the language is this page's own).
        <div className="toolbar-group" role="group" aria-label={t.coEditing.you(me.name)}>
          <ActionButton id="export" icon="download" label={t.menu.export} onClick={() => run("export")} />
          <button data-action={locale === "en" ? "langNl" : "langEn"} onClick={() => chooseFromMenu(locale === "en" ? "langNl" : "langEn")}>
            {locale === "en" ? t.menu.langNl : t.menu.langEn}
          </button>
          <span className="co-editor-self" style={{ borderColor: me.colour }}>
            {t.coEditing.you(me.name)}
          </span>
        </div>
      ) : null}
      <span className={`save-state${pending > 0 ? " saving" : ""}`} role="status" aria-live="polite">
        {pending > 0 ? t.saving : t.allSaved}
      </span>
    </header>
  );
}

/** A toolbar button that runs the registry's action `id`: its name and key are the tooltip. */
/** A toolbar button for an action; `badge` (with what it counts, said in `badgeLabel`) asks for attention. */
function ActionButton(props: { id: string; icon: IconName; label: string; className?: string; onClick(): void; badge?: number; badgeLabel?: string }) {
  const { id, icon, label, className, onClick, badge = 0, badgeLabel } = props;
  const { t } = useT();
  const action = editorAction(id);
  if (!available(action)) return null;
  const title = action ? withKey(action.label(t), action) : undefined;
  return (
    <button className={className} data-action={id} onClick={onClick} title={badge > 0 ? `${title ?? label} — ${badgeLabel}` : title}>
      <Icon name={icon} /> <span className="label">{label}</span>
      {badge > 0 ? (
        <span className="toolbar-badge" role="status" aria-label={badgeLabel}>
          {badge}
        </span>
      ) : null}
    </button>
  );
}
