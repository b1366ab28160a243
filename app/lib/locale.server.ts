import { DEFAULT_LOCALE, type Locale } from "~/i18n";

/** The visitor's locale. Only nl-BE has a catalogue yet; fr-BE and en follow. */
export function localeOf(_request: Request): Locale {
  return DEFAULT_LOCALE;
}
