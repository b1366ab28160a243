import { Link } from "@remix-run/react";
import type { SessionCardView } from "~/web/session-view.server";
import { useI18n, useLocalePath } from "~/web/use-i18n";
import { SessionCard } from "./session-card";

/** The count, then the cards of the sessions, or a word that there are none. */
export function SessionList({ sessions }: { sessions: SessionCardView[] }) {
  const { t } = useI18n();
  return (
    <>
      <p className="result-count" aria-live="polite">
        {t("home.count", { count: sessions.length })}
      </p>
      {sessions.length ? (
        <div className="cards">
          {sessions.map((session) => (
            <SessionCard key={session.slug} session={session} />
          ))}
        </div>
      ) : (
        <p className="empty">{t("home.empty")}</p>
      )}
    </>
  );
}

/** Links to the city pages, under a heading of their own. */
export function CityLinks({
  id,
  title,
  cities,
}: {
  id: string;
  title: string;
  cities: { slug: string; name: string }[];
}) {
  const inLocale = useLocalePath();
  return (
    <nav aria-labelledby={id} className="other-cities">
      <h2 id={id}>{title}</h2>
      <ul>
        {cities.map((city) => (
          <li key={city.slug}>
            <Link to={inLocale(`/steden/${city.slug}`)}>{city.name}</Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
