import { IntlMessageFormat } from "intl-messageformat";
import { TIME_ZONE } from "~/lib/time";
import { CATALOGUES, type MessageKey } from "./catalogues";

export type { MessageKey };

/** The locales with a catalogue: Dutch (Belgium) first, then French (Belgium) and English. */
const LOCALES = ["nl-BE", "fr-BE", "en-BE"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "nl-BE";

const catalogues: Record<Locale, Record<MessageKey, string>> = CATALOGUES;

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

type Values = Record<string, string | number>;
type Translate = (key: MessageKey, values?: Values) => string;

export interface I18n {
  locale: Locale;
  t: Translate;
  /** "donderdag 3 december 2026, 07:30–09:00" in Brussels time. */
  dateTimeRange(start: string, end: string): string;
  /** "donderdag 3 december 2026" */
  longDate(instant: string): string;
  /** "do 3 dec" */
  shortDate(instant: string): string;
  /** "07:30–09:00" */
  timeRange(start: string, end: string): string;
  /** "07:30" */
  time(instant: string): string;
  list(items: string[]): string;
  /** "a, b of c": one of them. */
  orList(items: string[]): string;
}

const cache = new Map<Locale, I18n>();

/**
 * The same text from every ICU: Node's writes the French "08:30 – 10:00" with thin spaces, a
 * browser's with plain ones, and a page whose server and browser disagree on a text is rendered
 * again in the browser (React's hydration mismatch). Thin and narrow spaces become plain ones.
 */
const sameSpaces = (text: string) => text.replace(/[\u2009\u202F]/g, " ");

/**
 * Remembers what a formatter returned: Intl's formatRange costs ~10 µs a call, and a page of
 * sessions asks for the same few dates over and over. Bounded, so it cannot grow without end.
 */
function remembered(format: (...instants: string[]) => string): (...instants: string[]) => string {
  const results = new Map<string, string>();
  return (...instants) => {
    const key = instants.join("|");
    let result = results.get(key);
    if (result === undefined) {
      result = sameSpaces(format(...instants));
      if (results.size >= 10_000) results.clear();
      results.set(key, result);
    }
    return result;
  };
}

/** One translator and one set of Intl formatters per locale, made once and reused. */
export function i18n(locale: Locale = DEFAULT_LOCALE): I18n {
  const existing = cache.get(locale);
  if (existing) return existing;

  const catalogue = catalogues[locale];
  const compiled = new Map<MessageKey, IntlMessageFormat>();
  const t: Translate = (key, values) => {
    let format = compiled.get(key);
    if (!format) {
      format = new IntlMessageFormat(catalogue[key], locale);
      compiled.set(key, format);
    }
    return String(format.format(values));
  };

  const zone = { timeZone: TIME_ZONE } as const;
  const dateTime = new Intl.DateTimeFormat(locale, {
    ...zone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  });
  const long = new Intl.DateTimeFormat(locale, { ...zone, dateStyle: "full" });
  const short = new Intl.DateTimeFormat(locale, {
    ...zone,
    weekday: "short",
    day: "numeric",
    month: "short",
  });
  const time = new Intl.DateTimeFormat(locale, { ...zone, hour: "2-digit", minute: "2-digit" });
  const conjunction = new Intl.ListFormat(locale, { type: "conjunction" });
  const disjunction = new Intl.ListFormat(locale, { type: "disjunction" });

  const created: I18n = {
    locale,
    t,
    dateTimeRange: remembered((start, end) => dateTime.formatRange(new Date(start), new Date(end))),
    longDate: remembered((instant) => long.format(new Date(instant))),
    shortDate: remembered((instant) => short.format(new Date(instant))),
    timeRange: remembered((start, end) => time.formatRange(new Date(start), new Date(end))),
    time: (instant) => sameSpaces(time.format(new Date(instant))),
    list: (items) => conjunction.format(items),
    orList: (items) => disjunction.format(items),
  };
  cache.set(locale, created);
  return created;
}
