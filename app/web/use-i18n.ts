import { useLocation, useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, type I18n, i18n, isLocale, type Locale } from "~/i18n";
import { LOCALES_IN_ORDER, localePath, splitLocalePath } from "~/lib/locale-path";

/**
 * The translator and formatters for the locale the root loader chose. When it did not run (an
 * action refused the request: a 429 from a form under /fr/), the address says which.
 */
export function useI18n(): I18n {
  const data = useRouteLoaderData<{ locale: string }>("root");
  const { pathname } = useLocation();
  return i18n(isLocale(data?.locale) ? data.locale : splitLocalePath(pathname).locale);
}

/** The same, for a route's `meta`, which runs outside React: from the root loader's data. */
export function metaI18n(matches: readonly { id: string; data: unknown }[]): I18n {
  const data = matches.find((match) => match.id === "root")?.data as
    | { locale?: string }
    | undefined;
  return i18n(isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE);
}

/** `localePath` in the language of the page being shown. */
export function useLocalePath(): (path: string) => string {
  const { locale } = useI18n();
  return (path) => localePath(locale, path);
}

/** This page (path and query) in each language. */
export function useAlternates(): { locale: Locale; href: string }[] {
  const location = useLocation();
  const { path } = splitLocalePath(location.pathname);
  return LOCALES_IN_ORDER.map((locale) => ({
    locale,
    href: `${localePath(locale, path)}${location.search}`,
  }));
}
