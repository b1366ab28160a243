import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, type I18n, i18n, isLocale } from "~/i18n";

/** The translator and formatters for the locale the root loader chose. */
export function useI18n(): I18n {
  const data = useRouteLoaderData<{ locale: string }>("root");
  return i18n(isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE);
}
