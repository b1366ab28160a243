import { useEffect, useState } from "react";
import { DEFAULT_LOCALE, i18n, type Locale } from "~/i18n";
import { localeOfPrefix } from "~/lib/locale-path";
import { useAlternates, useI18n } from "~/web/use-i18n";

const DISMISSED = "oa-language-suggestion-dismissed";

/**
 * The visitor chose a language (closed the note, or used the switch): no note from now on.
 * Not remembered where storage is refused; the note can be closed again.
 */
export function rememberLanguageChosen() {
  try {
    window.localStorage.setItem(DISMISSED, "1");
  } catch {
    // Private mode or blocked storage: nothing to keep it in.
  }
}

/** The first of the browser's languages the site speaks, if it is French or English. */
function preferredOther(languages: readonly string[]): Locale | undefined {
  for (const language of languages) {
    const primary = language.toLowerCase().split("-")[0] ?? "";
    if (primary === "nl") return undefined;
    const locale = localeOfPrefix(primary);
    if (locale) return locale;
  }
  return undefined;
}

/**
 * On a Dutch page, for a browser that prefers French or English: a note, in that language,
 * that the page exists in it too. Never a redirect. Decided in the browser (the public pages are
 * kept in a cache that does not look at Accept-Language); without JavaScript there is no note.
 * Only for a visitor who has not chosen: once closed, or once they used the language switch,
 * it stays away; a signed-in organiser, whose language is stored, never gets it (the root
 * leaves it out).
 */
export function LanguageSuggestion() {
  const { locale } = useI18n();
  const alternates = useAlternates();
  const [suggested, setSuggested] = useState<Locale>();

  useEffect(() => {
    if (locale !== DEFAULT_LOCALE) {
      setSuggested(undefined);
      return;
    }
    let dismissed = false;
    try {
      dismissed = window.localStorage.getItem(DISMISSED) === "1";
    } catch {
      // Storage refused (private mode, blocked): the note can still be closed for this page.
    }
    setSuggested(dismissed ? undefined : preferredOther(navigator.languages ?? []));
  }, [locale]);

  if (!suggested) return null;
  const { t } = i18n(suggested);
  const href = alternates.find((alternate) => alternate.locale === suggested)?.href;
  const dismiss = () => {
    rememberLanguageChosen();
    setSuggested(undefined);
  };
  return (
    <aside className="language-suggestion" lang={suggested} aria-label={t("language.suggestion")}>
      <div className="wrap">
        <p>
          {t("language.suggestion")}{" "}
          <a href={href} hrefLang={suggested}>
            {t("language.suggestionLink")}
          </a>
        </p>
        <button type="button" className="button button-secondary" onClick={dismiss}>
          {t("language.dismiss")}
        </button>
      </div>
    </aside>
  );
}
