import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n";
import { config } from "~/lib/config.server";
import { metaI18n, useI18n } from "~/web/use-i18n";

/** The day this statement was last reviewed against the browser tests: change it with the text. */
const STATEMENT_DATE = "2026-11-26";

/** The pages the browser tests check with axe-core (e2e/*.spec.ts, `expectAccessible`). */
const CHECKED_PAGES: MessageKey[] = [
  "accessibility.checked.home",
  "accessibility.checked.session",
  "accessibility.checked.thanks",
  "accessibility.checked.manage",
  "accessibility.checked.notFound",
  "accessibility.checked.statements",
  "accessibility.checked.dashboard",
  "accessibility.checked.newSession",
  "accessibility.checked.attendees",
  "accessibility.checked.checkin",
];

const KNOWN_GAPS: MessageKey[] = [
  "accessibility.gaps.pages",
  "accessibility.gaps.errors",
  "accessibility.gaps.qr",
  "accessibility.gaps.mail",
  "accessibility.gaps.files",
];

export const meta: MetaFunction = ({ matches }) => {
  const { t } = metaI18n(matches);
  return [
    { title: `${t("accessibility.title")} · ${t("site.name")}` },
    { name: "description", content: t("accessibility.status.body") },
  ];
};

/** The accessibility statement the Flemish decree on web accessibility asks for. */
export async function loader() {
  const settings = config();
  return {
    controller: settings.PRIVACY_CONTROLLER,
    contact: settings.ACCESSIBILITY_CONTACT,
    site: settings.publicUrl,
  };
}

export default function AccessibilityPage() {
  const { controller, contact, site } = useLoaderData<typeof loader>();
  const { t, longDate } = useI18n();
  return (
    <div className="wrap page narrow statement">
      <h1>{t("accessibility.title")}</h1>
      <p className="lead">{t("accessibility.lead", { controller, site })}</p>

      <h2>{t("accessibility.status.title")}</h2>
      <p>{t("accessibility.status.body")}</p>

      <h2>{t("accessibility.checked.title")}</h2>
      <p>{t("accessibility.checked.body")}</p>
      <ul>
        {CHECKED_PAGES.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p>{t("accessibility.checked.more")}</p>

      <h2>{t("accessibility.gaps.title")}</h2>
      <ul>
        {KNOWN_GAPS.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>

      <h2>{t("accessibility.prepared.title")}</h2>
      <p>
        {t("accessibility.prepared.body", {
          // Noon UTC is the same calendar day in Brussels.
          date: longDate(`${STATEMENT_DATE}T12:00:00Z`),
        })}
      </p>

      <h2>{t("accessibility.report.title")}</h2>
      <p>{t("accessibility.report.body", { contact })}</p>
      <p>
        <a href={`mailto:${contact}`}>{contact}</a>
      </p>

      <h2>{t("accessibility.enforcement.title")}</h2>
      <p>
        {t("accessibility.enforcement.body")}{" "}
        <a href="https://www.vlaamseombudsdienst.be">{t("accessibility.enforcement.link")}</a>
      </p>
    </div>
  );
}
