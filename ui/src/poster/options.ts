// The poster options as the dialog edits them, turned into what the backend checks. The backend
// owns every rule; this only maps form fields to its options and remembers the last choice.
import type { PosterOptions, PosterSize } from "../ipc";

export type SizeBy = PosterSize["by"];

/** The form: plain fields, numbers as typed. */
export interface PosterForm {
  mode: "single" | "tiled";
  /** A paper name, "custom" or "fit". */
  paper: string;
  customWidth: string;
  customHeight: string;
  customUnit: "mm" | "cm" | "in";
  orientation: "auto" | "portrait" | "landscape";
  sizeBy: SizeBy;
  /** Finished width in cm, scale in %, sheets across, or card size in mm, by `sizeBy`. */
  sizeValue: string;
  overlapMm: string;
  marginMm: string;
  cutMarks: boolean;
  notes: boolean;
  questions: boolean;
  grayscale: boolean;
  openWhenDone: boolean;
}

export const DEFAULT_FORM: PosterForm = {
  mode: "single",
  paper: "A0",
  customWidth: "600",
  customHeight: "900",
  customUnit: "mm",
  orientation: "auto",
  sizeBy: "fit",
  sizeValue: "",
  overlapMm: "10",
  marginMm: "10",
  cutMarks: true,
  notes: false,
  questions: true,
  grayscale: false,
  openWhenDone: true,
};

/** What each way of sizing starts at when chosen. */
export const SIZE_DEFAULTS: Record<SizeBy, string> = { fit: "", width: "300", scale: "100", across: "3", cardSize: "76" };

/** Which ways of sizing make sense for a mode. */
export function sizeChoices(mode: PosterForm["mode"]): SizeBy[] {
  return mode === "single" ? ["fit", "scale", "width", "cardSize"] : ["width", "scale", "across", "cardSize"];
}

const num = (s: string) => (s.trim() === "" ? NaN : Number(s.replace(",", ".")));

export function toOptions(f: PosterForm): PosterOptions {
  const v = num(f.sizeValue);
  const size: PosterSize =
    f.sizeBy === "width"
      ? { by: "width", mm: v * 10 }
      : f.sizeBy === "scale"
        ? { by: "scale", percent: v }
        : f.sizeBy === "across"
          ? { by: "across", sheets: Number.isFinite(v) ? Math.max(0, Math.round(v)) : 0 }
          : f.sizeBy === "cardSize"
            ? { by: "cardSize", mm: v }
            : { by: "fit" };
  const sheet = f.paper === "custom" ? `${f.customWidth}x${f.customHeight}${f.customUnit}` : f.paper;
  return {
    sheet,
    orientation: f.orientation,
    marginMm: num(f.marginMm),
    mode: f.mode,
    size,
    overlapMm: num(f.overlapMm),
    cutMarks: f.cutMarks,
    notes: f.notes,
    questions: f.questions,
    grayscale: f.grayscale,
  };
}

const STORE_KEY = "jw-poster-form";

/** The last options used (a view preference, kept in the web view, not in the journey). */
export function loadForm(): PosterForm {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE_KEY) ?? "null") as Partial<PosterForm> | null;
    return { ...DEFAULT_FORM, ...(saved ?? {}) };
  } catch {
    return DEFAULT_FORM;
  }
}

export function saveForm(f: PosterForm): void {
  try {
    localStorage.setItem(STORE_KEY, JSON.stringify(f));
  } catch {
    // Storage full or unavailable: the dialog just starts from the defaults next time.
  }
}
