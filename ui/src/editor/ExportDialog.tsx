// File → Export as…: the journey as a file for people without Journeywall (a map to open in a
// browser, a deck, a workbook, a CSV) or for Journeywall elsewhere (its own file). The core makes
// every one of them, as `journeywall export` does; the choice is remembered for the next time.
import { useId } from "react";
import { api, type ExportFormat, type Delimiter } from "../ipc";
import { useT } from "../i18n/context";
import type { Messages } from "../i18n";
import { Modal } from "../components/Modal";
import { Check } from "../components/Check";
import { useRemembered } from "../components/remembered";
import { useSave } from "../components/saving";

interface ExportForm {
  format: ExportFormat;
  delimiter: Delimiter;
  openWhenDone: boolean;
}

const STORE_KEY = "journeywall:export";
const FIRST: ExportForm = { format: "html", delimiter: ",", openWhenDone: true };

/** Each format in the order offered, with its name and what it is for. */
function formats(t: Messages): Record<ExportFormat, [string, string]> {
  const e = t.exporting;
  return {
    html: [e.html, e.htmlAbout],
    pptx: [e.pptx, e.pptxAbout],
    xlsx: [e.xlsx, e.xlsxAbout],
    csv: [e.csv, e.csvAbout],
    json: [e.json, e.jsonAbout],
  };
}

export function ExportDialog({ journey, onClose }: { journey: string; onClose(): void }) {
  const { t } = useT();
  const id = useId();
  const [form, setForm] = useRemembered(STORE_KEY, FIRST);
  const { busy, said, write } = useSave();
  const set = (change: Partial<ExportForm>) => setForm({ ...form, ...change });
  const save = () => write(() => api.exportJourney(journey, form.format, form.delimiter, form.openWhenDone));
  const e = t.exporting;
  const named = formats(t);
  return (
    <Modal className="export-dialog" labelledBy={`${id}-title`} onClose={busy ? undefined : onClose}>
      <h2 id={`${id}-title`}>{e.title}</h2>
      <form onSubmit={(ev) => (ev.preventDefault(), void save())}>
        <fieldset className="export-formats">
          <legend>{e.format}</legend>
          {(Object.keys(named) as ExportFormat[]).map((f) => (
            <label key={f} className={form.format === f ? "on" : undefined}>
              <input type="radio" name="format" value={f} checked={form.format === f} onChange={() => set({ format: f })} aria-describedby={`${id}-${f}`} />
              <span>
                <strong>{named[f][0]}</strong>
                <span id={`${id}-${f}`} className="hint">
                  {named[f][1]}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
        {form.format === "csv" ? (
          <fieldset className="export-delimiter">
            <legend>{e.delimiter}</legend>
            {(
              [
                [",", e.comma],
                [";", e.semicolon],
              ] as const
            ).map(([d, label]) => (
              <label key={d}>
                <input type="radio" name="delimiter" value={d} checked={form.delimiter === d} onChange={() => set({ delimiter: d })} /> {label}
              </label>
            ))}
          </fieldset>
        ) : null}
      </form>
      <div className="dialog-actions">
        {busy ? <span role="status">{e.saving}</span> : said}
        <Check label={t.poster.openWhenDone} value={form.openWhenDone} onChange={(v) => set({ openWhenDone: v })} />
        <button onClick={onClose} disabled={busy}>
          {t.close}
        </button>
        <button className="primary" onClick={() => void save()} disabled={busy}>
          {e.save}
        </button>
      </div>
    </Modal>
  );
}
