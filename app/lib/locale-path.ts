import { DEFAULT_LOCALE, type Locale } from "../i18n";

/**
 * Where each language lives: Dutch at the site's own addresses, French under /fr and English
 * under /en, with the same (Dutch) slugs after the prefix.
 */
const PREFIXES: Record<Locale, string> = { "nl-BE": "", "fr-BE": "/fr", "en-BE": "/en" };
export const LOCALES_IN_ORDER = Object.keys(PREFIXES) as Locale[];

/** Each language's own name for itself: read by someone who may not know ours. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
  "nl-BE": "Nederlands",
  "fr-BE": "Français",
  "en-BE": "English",
};

const LANGUAGE_CODES = { "nl-BE": "nl", "fr-BE": "fr", "en-BE": "en" } as const;

/** A locale's language (`nl`, `fr`, `en`): the `taal` values, the API's keys, the labels. */
export function languageOfLocale(locale: Locale): (typeof LANGUAGE_CODES)[Locale] {
  return LANGUAGE_CODES[locale];
}

/**
 * The `taal` value that names a locale on an address without a prefix (the embed, the
 * calendar feeds): `fr`, `en`; none for Dutch, those addresses' own language.
 */
export function languageParam(locale: Locale): string | null {
  return locale === DEFAULT_LOCALE ? null : languageOfLocale(locale);
}

/** The locale of a `taal` value (`nl`, `fr`, `en`), for addresses without a prefix: the embed. */
export function localeOfLanguage(code: string | null): Locale | undefined {
  return LOCALES_IN_ORDER.find((locale) => LANGUAGE_CODES[locale] === code);
}

/**
 * The locale a calendar file or feed is asked in: Dutch without `taal`, undefined for a `taal`
 * the site does not speak (a 404: a subscription must not quietly change language).
 */
export function localeOfTaal(taal: string | null): Locale | undefined {
  return taal === null ? DEFAULT_LOCALE : localeOfLanguage(taal);
}

/** The locale a URL's first segment names (`fr`, `en`); undefined for any other segment. */
export function localeOfPrefix(segment: string): Locale | undefined {
  return LOCALES_IN_ORDER.find((locale) => PREFIXES[locale] === `/${segment}`);
}

/** The locale of a path (`/fr/sessies/x` → fr-BE) and the path without its prefix. */
export function splitLocalePath(pathname: string): { locale: Locale; path: string } {
  const match = /^\/([^/]+)(\/.*)?$/.exec(pathname);
  const locale = match?.[1] ? localeOfPrefix(match[1]) : undefined;
  if (!locale) return { locale: DEFAULT_LOCALE, path: pathname };
  return { locale, path: match?.[2] ?? "/" };
}

/** A site path (`/sessies/x?y`) in a language: `/fr/sessies/x?y`; Dutch keeps it as it is. */
export function localePath(locale: Locale, path: string): string {
  const prefix = PREFIXES[locale];
  if (!prefix) return path;
  if (path === "/") return prefix;
  if (path.startsWith("/?") || path.startsWith("/#")) return `${prefix}${path.slice(1)}`;
  return `${prefix}${path}`;
}
