import { rememberLanguageChosen } from "~/components/language-suggestion";
import { LANGUAGE_NAMES } from "~/lib/locale-path";
import { useAlternates, useI18n } from "~/web/use-i18n";

/**
 * This page in the other languages, same path and query. Plain links: a whole new page in the
 * other language, also without JavaScript. Following one is a choice: no note about the
 * browser's language after it.
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
              onClick={rememberLanguageChosen}
            >
              {LANGUAGE_NAMES[alternate.locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
