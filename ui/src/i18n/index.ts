import { en } from "./en";
import { nl } from "./nl";
import type { Lang } from "../ipc";

type Catalog = typeof en;
/** The shape every catalog must have: same keys, same parameters. */
export type Messages = {
  [K in keyof Catalog]: Catalog[K] extends (...args: infer A) => infer R ? (...args: A) => R : Catalog[K] extends string ? string : Catalog[K];
};
/** The app's languages: the core's `Lang`, generated. */
export type Locale = Lang;

const catalogs: Record<Locale, Messages> = { en, nl };

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
