import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SubscribeToFeed } from "~/components/add-to-calendar";
import { CityLinks, SessionList } from "~/components/session-list";
import { i18n } from "~/i18n";
import { sessionListMeta } from "~/lib/calendar-feed";
import { feedOfPage } from "~/lib/calendar-feed.server";
import { isSessionKind, SESSION_KINDS } from "~/lib/session-kinds";
import { sessionCardView } from "~/lib/session-view.server";
import { useI18n } from "~/lib/use-i18n";
import { listCities, listUpcomingSessions } from "~/models/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const { t } = i18n();
  if (!data) return [{ title: `${t("home.title")} · ${t("site.name")}` }];
  return sessionListMeta(t("home.title"), t("home.intro"), data.feed);
};

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const cities = await listCities();
  // Unknown filter values are ignored rather than answered with an error: a shared link
  // with a stale city still shows every session.
  const city = cities.find((c) => c.slug === url.searchParams.get("stad"))?.slug ?? "";
  const kindParam = url.searchParams.get("soort");
  const kind = isSessionKind(kindParam) ? kindParam : "";
  const now = new Date().toISOString();
  const sessions = await listUpcomingSessions({
    citySlug: city || undefined,
    kind: kind || undefined,
    now,
  });
  const feed = feedOfPage({
    city: city || null,
    cityName: cities.find((c) => c.slug === city)?.name,
    kind: kind || null,
  });
  return {
    cities,
    filter: { city, kind },
    sessions: sessions.map((s) => sessionCardView(s, now)),
    feed,
  };
}

export default function Home() {
  const { cities, filter, sessions, feed } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const filtered = Boolean(filter.city || filter.kind);
  return (
    <div className="wrap page">
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>

      <Form method="get" className="filters" aria-label={t("filter.legend")}>
        <div className="field">
          <label htmlFor="filter-city">{t("filter.city")}</label>
          <select id="filter-city" name="stad" defaultValue={filter.city} key={filter.city}>
            <option value="">{t("filter.allCities")}</option>
            {cities.map((city) => (
              <option key={city.slug} value={city.slug}>
                {city.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-kind">{t("filter.kind")}</label>
          <select id="filter-kind" name="soort" defaultValue={filter.kind} key={filter.kind}>
            <option value="">{t("filter.allKinds")}</option>
            {SESSION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.plural.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">
            {t("filter.submit")}
          </button>
          {filtered ? <Link to="/">{t("filter.reset")}</Link> : null}
        </div>
      </Form>

      <SessionList sessions={sessions} />
      <SubscribeToFeed feed={feed} />
      <CityLinks id="by-city" title={t("home.byCity")} cities={cities} />
    </div>
  );
}
