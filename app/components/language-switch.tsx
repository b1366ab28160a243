import type { Locale } from "~/i18n";
import { useAlternates, useI18n } from "~/lib/use-i18n";

/** Each language's own name for itself: the switch is read by someone who may not know ours. */
const LANGUAGE_NAMES: Record<Locale, string> = {
  "nl-BE": "Nederlands",
  "fr-BE": "Français",
  "en-BE": "English",
};

/**
 * This page in the other languages, same path and query. Plain links: a whole new page in the
 * other language, also without JavaScript.
 */
export function LanguageSwitch() {
  const { t, locale } = useI18n();
  const alternates = useAlternates();
  return (
    <nav aria-label={t("language.switch")} className="language-switch">
      <ul>
        {alternates.map((alternate) => (
          <li key={alternate.locale}>
            <a
              href={alternate.href}
              lang={alternate.locale}
              hrefLang={alternate.locale}
              aria-current={alternate.locale === locale ? "true" : undefined}
            >
              {LANGUAGE_NAMES[alternate.locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
