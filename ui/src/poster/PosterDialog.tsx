import { useEffect, useMemo, useRef, useState } from "react";
import { api, type PosterInfo, type PosterPapers } from "../ipc";
import { useT } from "../i18n/context";
import { Modal } from "../components/Modal";
import { Check } from "../components/Check";
import { useRemembered } from "../components/remembered";
import { useSave } from "../components/saving";
import { DEFAULT_FORM, FORM_KEY, SIZE_DEFAULTS, paperFor, sizeChoices, toOptions, type PosterForm } from "./options";

/** The last poster that could be made, and why the current options cannot make one. */
type Preview = { info: PosterInfo | null; url: string | null; error: string | null };

/**
 * File → Print poster…: the options on the left, the poster as it will print on the right (the
 * backend's own SVG, with the sheet grid over it), and Save through the native dialog.
 */
export function PosterDialog({ journey, onClose }: { journey: string; onClose(): void }) {
  const { t } = useT();
  const [form, setForm] = useRemembered(FORM_KEY, DEFAULT_FORM);
  const [papers, setPapers] = useState<PosterPapers>({ names: [], office: "A4" });
  const [preview, setPreview] = useState<Preview>({ info: null, url: null, error: null });
  const { busy, said, write, forget } = useSave();
  const urlRef = useRef<string | null>(null);

  useEffect(() => {
    api.posterPapers().then(setPapers, () => setPapers({ names: ["A4", "A3", "A2", "A1", "A0"], office: "A4" }));
  }, []);

  // A number that is not one is said at once, without asking the core.
  const checked = useMemo(() => toOptions(form), [form]);
  const badNumber = checked.options
    ? null
    : `${
        {
          margin: t.poster.margin,
          overlap: t.poster.overlap,
          size: t.poster.sizeValue[form.sizeBy],
          customWidth: t.poster.customWidth,
          customHeight: t.poster.customHeight,
          dpi: t.poster.dpi,
        }[checked.bad]
      }: ${t.poster.notANumber}`;
  // The preview follows the options, a moment after the last change.
  useEffect(() => {
    if (!checked.options) return;
    const options = checked.options;
    let stale = false;
    const timer = setTimeout(() => {
      api.posterPreview(journey, options).then(
        (p) => {
          if (stale) return;
          const url = URL.createObjectURL(new Blob([p.svg], { type: "image/svg+xml" }));
          if (urlRef.current) URL.revokeObjectURL(urlRef.current);
          urlRef.current = url;
          setPreview({ info: p.info, url, error: null });
        },
        (e: Error) => !stale && setPreview((prev) => ({ ...prev, error: e.message })),
      );
    }, 150);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [form, checked, journey]);
  useEffect(() => () => void (urlRef.current && URL.revokeObjectURL(urlRef.current)), []);

  const set = (patch: Partial<PosterForm>) => {
    forget();
    setForm((f) => {
      const next = { ...f, ...patch };
      // Switching mode starts it afresh on its own paper and way of sizing, so no option of the
      // other mode is left behind that this one cannot print.
      const switched = patch.mode !== undefined && patch.mode !== f.mode;
      if (switched) next.paper = paperFor(next.mode, papers.office);
      if (switched || !sizeChoices(next.mode).includes(next.sizeBy)) next.sizeBy = next.mode === "tiled" ? "across" : "fit";
      if (patch.sizeBy || patch.mode) next.sizeValue = SIZE_DEFAULTS[next.sizeBy];
      return next;
    });
  };

  const save = () =>
    write(async () => {
      const { options } = toOptions(form);
      return options ? api.savePoster(journey, options, form.format, form.openWhenDone) : null;
    });

  const p = t.poster;
  const { info } = preview;
  const error = badNumber ?? preview.error;
  return (
    <Modal className="poster-dialog" labelledBy="poster-title" onClose={busy ? undefined : onClose}>
      <h2 id="poster-title">{p.title}</h2>
      <div className="poster-body">
        <form className="poster-form" onSubmit={(e) => (e.preventDefault(), void save())}>
          <Segmented
            legend={p.layout}
            name="mode"
            choices={["single", "tiled"] as const}
            value={form.mode}
            label={(m) => (m === "single" ? p.single : p.tiled)}
            onChange={(mode) => set({ mode })}
          />
          <label>
            {form.mode === "single" ? p.sheet : p.tileSheet}
            <select value={form.paper} onChange={(e) => set({ paper: e.target.value })} aria-label={p.sheet}>
              {papers.names.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
              <option value="custom">{p.custom}</option>
              {form.mode === "single" ? <option value="fit">{p.fitSheet}</option> : null}
            </select>
          </label>
          {form.paper === "custom" ? (
            <div className="inline-fields">
              <input aria-label={p.customWidth} inputMode="decimal" value={form.customWidth} onChange={(e) => set({ customWidth: e.target.value })} />
              <span>×</span>
              <input aria-label={p.customHeight} inputMode="decimal" value={form.customHeight} onChange={(e) => set({ customHeight: e.target.value })} />
              <select aria-label={p.unit} value={form.customUnit} onChange={(e) => set({ customUnit: e.target.value as PosterForm["customUnit"] })}>
                <option value="mm">mm</option>
                <option value="cm">cm</option>
                <option value="in">in</option>
              </select>
            </div>
          ) : null}
          <label>
            {p.orientation}
            <select value={form.orientation} onChange={(e) => set({ orientation: e.target.value as PosterForm["orientation"] })}>
              <option value="auto">{p.auto}</option>
              <option value="portrait">{p.portrait}</option>
              <option value="landscape">{p.landscape}</option>
            </select>
          </label>
          <label>
            {p.size}
            <select value={form.sizeBy} onChange={(e) => set({ sizeBy: e.target.value as PosterForm["sizeBy"] })}>
              {sizeChoices(form.mode).map((by) => (
                <option key={by} value={by}>
                  {p.sizeBy[by]}
                </option>
              ))}
            </select>
          </label>
          {form.sizeBy !== "fit" ? (
            <UnitField label={p.sizeValue[form.sizeBy]} unit={p.sizeUnit[form.sizeBy]} value={form.sizeValue} onChange={(sizeValue) => set({ sizeValue })} />
          ) : null}
          {form.mode === "tiled" ? (
            <UnitField label={p.overlap} unit="mm" value={form.overlapMm} onChange={(overlapMm) => set({ overlapMm })} />
          ) : null}
          <UnitField label={p.margin} unit="mm" value={form.marginMm} onChange={(marginMm) => set({ marginMm })} />
          <Segmented
            legend={p.format}
            name="format"
            choices={["pdf", "svg", "png"] as const}
            value={form.format}
            label={(f) => f.toUpperCase()}
            hint={(f) => p.formatHint[f]}
            onChange={(format) => set({ format })}
          />
          {form.format === "png" ? (
            <UnitField label={p.dpi} unit="dpi" numeric value={form.dpi} onChange={(dpi) => set({ dpi })} />
          ) : null}
          <div className="checks">
            {form.mode === "tiled" ? <Check label={p.cutMarks} value={form.cutMarks} onChange={(v) => set({ cutMarks: v })} /> : null}
            <Check label={p.questions} value={form.questions} onChange={(v) => set({ questions: v })} />
            <Check label={p.notes} value={form.notes} onChange={(v) => set({ notes: v })} />
            <Check label={p.grayscale} value={form.grayscale} onChange={(v) => set({ grayscale: v })} />
          </div>
        </form>
        <div className="poster-preview">
          <div className="poster-summary" role="status" aria-live="polite">
            {error ? (
              <span className="poster-error" role="alert">
                {error}
              </span>
            ) : info ? (
              <>
                <strong>{info.summary}</strong>
                <span>{form.format === "png" ? p.pixels(info.pngWidth, info.pngHeight) : form.format === "svg" ? p.oneImage : p.pages(info.pages)}</span>
                {info.warning ? (
                  <span className="poster-warning" role="alert">
                    {info.warning}
                  </span>
                ) : null}
              </>
            ) : (
              <span>{t.loading}</span>
            )}
          </div>
          <div className="poster-canvas">
            {/* A preview of other options than those shown would mislead: none until it is right again. */}
            {preview.url && !error ? <img src={preview.url} alt={p.previewAlt} /> : null}
          </div>
        </div>
      </div>
      <div className="dialog-actions">
        {busy ? (
          <span className="poster-progress" role="status">
            <progress aria-label={p.making} /> {p.making}
          </span>
        ) : (
          said
        )}
        <Check label={p.openWhenDone} value={form.openWhenDone} onChange={(v) => set({ openWhenDone: v })} />
        <button onClick={onClose} disabled={busy}>
          {t.close}
        </button>
        <button className="primary" onClick={() => void save()} disabled={busy || !!error || !info}>
          {p.save}
        </button>
      </div>
    </Modal>
  );
}

/** One choice of a few, as a row of joined buttons (radio inputs underneath, for keys and screen readers). */
function Segmented<T extends string>(props: {
  legend: string;
  name: string;
  choices: readonly T[];
  value: T;
  label(choice: T): string;
  hint?(choice: T): string;
  onChange(choice: T): void;
}) {
  return (
    <fieldset className="segmented">
      <legend>{props.legend}</legend>
      {props.choices.map((c) => (
        <label key={c} className={props.value === c ? "on" : ""} title={props.hint?.(c)}>
          <input type="radio" name={props.name} value={c} checked={props.value === c} onChange={() => props.onChange(c)} />
          {props.label(c)}
        </label>
      ))}
    </fieldset>
  );
}

/** A number as typed, with its unit after it. */
function UnitField(props: { label: string; unit: string; value: string; numeric?: boolean; onChange(value: string): void }) {
  return (
    <label className="with-unit">
      {props.label}
      <span>
        <input inputMode={props.numeric ? "numeric" : "decimal"} value={props.value} onChange={(e) => props.onChange(e.target.value)} />
        <em>{props.unit}</em>
      </span>
    </label>
  );
}
