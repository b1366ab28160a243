import { Link } from "@remix-run/react";
import { useI18n, useLocalePath } from "~/web/use-i18n";

/** What a link to a registration whose data were erased shows: it is known, and leads to no one. */
export function ErasedRegistration() {
  const inLocale = useLocalePath();
  const { t } = useI18n();
  return (
    <div className="wrap page narrow">
      <h1>{t("gdpr.erasedTitle")}</h1>
      <p role="status">{t("gdpr.erasedBody")}</p>
      <p>
        <Link to={inLocale("/")}>{t("gdpr.backHome")}</Link>
      </p>
    </div>
  );
}
