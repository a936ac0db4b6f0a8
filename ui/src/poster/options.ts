// The poster options as the dialog edits them, turned into what the backend checks. The backend
// owns every rule; this only maps form fields to its options and remembers the last choice.
import type { PosterFormat, PosterOptions, PosterSize } from "../ipc";

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
  /** What Save writes: PDF to print, SVG to edit elsewhere, PNG for screens and chat. */
  format: PosterFormat;
  /** Dots per inch of a PNG, as typed. */
  dpi: string;
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
  format: "pdf",
  dpi: "150",
  openWhenDone: true,
};

/**
 * The sheet a mode starts on when it is chosen. Tiling means small sheets: `office`, the office
 * printer's paper where the user lives, as the backend says (the web view's language says en-US
 * everywhere, so the region comes from the system).
 */
export function paperFor(mode: PosterForm["mode"], office: string): string {
  return mode === "tiled" ? office : DEFAULT_FORM.paper;
}

/** What each way of sizing starts at when chosen. */
export const SIZE_DEFAULTS: Record<SizeBy, string> = { fit: "", width: "300", scale: "100", across: "3", cardSize: "76" };

/** Which ways of sizing make sense for a mode. */
export function sizeChoices(mode: PosterForm["mode"]): SizeBy[] {
  return mode === "single" ? ["fit", "scale", "width", "cardSize"] : ["width", "scale", "across", "cardSize"];
}

const num = (s: string) => (s.trim() === "" ? NaN : Number(s.trim().replace(",", ".")));

/** A form field that does not hold a number; the dialog names it instead of asking the backend. */
export type BadField = "margin" | "overlap" | "size" | "customWidth" | "customHeight" | "dpi";

/** The backend's options from the form, or the first field that is not a number. */
export function toOptions(f: PosterForm): { options: PosterOptions; bad: null } | { options: null; bad: BadField } {
  const v = num(f.sizeValue);
  const checks: [BadField, number, boolean][] = [
    ["size", v, f.sizeBy !== "fit"],
    ["customWidth", num(f.customWidth), f.paper === "custom"],
    ["customHeight", num(f.customHeight), f.paper === "custom"],
    ["overlap", num(f.overlapMm), f.mode === "tiled"],
    ["margin", num(f.marginMm), true],
    ["dpi", num(f.dpi), f.format === "png"],
  ];
  const bad = checks.find(([, value, used]) => used && !Number.isFinite(value));
  if (bad) return { options: null, bad: bad[0] };
  const size: PosterSize =
    f.sizeBy === "width"
      ? { by: "width", mm: v * 10 }
      : f.sizeBy === "scale"
        ? { by: "scale", percent: v }
        : f.sizeBy === "across"
          ? // Whole sheets; the backend names the allowed range when this is outside it.
            { by: "across", sheets: Math.min(Math.max(0, Math.round(v)), 1_000_000) }
          : f.sizeBy === "cardSize"
            ? { by: "cardSize", mm: v }
            : { by: "fit" };
  const sheet = f.paper === "custom" ? `${num(f.customWidth)}x${num(f.customHeight)}${f.customUnit}` : f.paper;
  return {
    bad: null,
    options: {
      sheet,
      orientation: f.orientation,
      marginMm: num(f.marginMm),
      mode: f.mode,
      size,
      overlapMm: num(f.overlapMm) || 0,
      cutMarks: f.cutMarks,
      notes: f.notes,
      questions: f.questions,
      grayscale: f.grayscale,
      // Only a PNG has a resolution; the backend names the allowed range when it is outside it.
      dpi: f.format === "png" ? Math.min(Math.max(0, Math.round(num(f.dpi))), 100_000) : 150,
    },
  };
}

/** Where the last options used are kept (see components/remembered.ts). */
export const FORM_KEY = "jw-poster-form";
