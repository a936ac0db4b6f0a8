import { words } from "./words";
import type { Lang } from "../ipc";

/** The app's languages: the core's `Lang`, generated. */
export type Locale = Lang;

/** A text in every language, or a function of the text's values that gives one. */
type Entry = Record<Locale, unknown> | ((...values: never[]) => Record<Locale, unknown>);
/** The shape of `words`: texts in every language, grouped in sections. */
export type Catalog = { [key: string]: Entry | Catalog };

/** `words` in one language: each entry becomes its text, or a function giving its text. */
type InOne<T> = T extends (...values: infer A) => Record<Locale, infer V>
  ? (...values: A) => V
  : T extends Record<Locale, infer V>
    ? V
    : { [K in keyof T]: InOne<T[K]> };
export type Messages = InOne<typeof words>;

function inOne(entry: Entry | Catalog, lang: Locale): unknown {
  if (typeof entry === "function") return (...values: never[]) => entry(...values)[lang];
  if ("en" in entry && "nl" in entry) return entry[lang];
  return Object.fromEntries(Object.entries(entry).map(([key, value]) => [key, inOne(value, lang)]));
}

const catalogs = { en: inOne(words, "en"), nl: inOne(words, "nl") } as Record<Locale, Messages>;

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}

export function toLocale(tag: string | undefined | null): Locale {
  return tag?.toLowerCase().startsWith("nl") ? "nl" : "en";
}

/** "3 minutes ago", "gisteren" — in the chosen language. */
export function relativeTime(locale: Locale, millis: number, now = Date.now()): string {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const seconds = Math.round((millis - now) / 1000);
  const steps: [Intl.RelativeTimeFormatUnit, number][] = [
    ["second", 60],
    ["minute", 60],
    ["hour", 24],
    ["day", 7],
    ["week", 4.35],
    ["month", 12],
    ["year", Infinity],
  ];
  let value = seconds;
  for (const [unit, size] of steps) {
    if (Math.abs(value) < size) return rtf.format(Math.round(value), unit);
    value /= size;
  }
  return rtf.format(Math.round(value), "year");
}
