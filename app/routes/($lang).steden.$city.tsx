import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SubscribeToFeed } from "~/components/add-to-calendar";
import { CityLinks, SessionList } from "~/components/session-list";
import { sessionListMeta } from "~/lib/calendar-feed";
import { getCityBySlug, listCities, listUpcomingSessions } from "~/models/session.server";
import { feedOfPage } from "~/web/calendar-feed.server";
import { localeOf } from "~/web/locale.server";
import { found } from "~/web/not-found.server";
import { sessionCardView } from "~/web/session-view.server";
import { metaI18n, useI18n } from "~/web/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = metaI18n(matches);
  if (!data) return [{ title: t("notFound.title") }];
  const city = data.city.name;
  return sessionListMeta(t("city.title", { city }), t("city.intro", { city }), data.feed);
};

export async function loader({ params, request }: LoaderFunctionArgs) {
  const city = found(await getCityBySlug(params.city ?? ""));
  const now = new Date().toISOString();
  const [sessions, cities] = await Promise.all([
    listUpcomingSessions({ citySlug: city.slug, now }),
    listCities(),
  ]);
  return {
    city,
    otherCities: cities.filter((c) => c.slug !== city.slug),
    sessions: sessions.map((s) => sessionCardView(s, now)),
    feed: feedOfPage({ city: city.slug, cityName: city.name, locale: localeOf(request) }),
  };
}

export default function CityPage() {
  const { city, otherCities, sessions, feed } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="wrap page">
      <h1>{t("city.title", { city: city.name })}</h1>
      <p className="lead">{t("city.intro", { city: city.name })}</p>
      <SessionList sessions={sessions} />
      <SubscribeToFeed feed={feed} />
      <CityLinks id="other-cities" title={t("city.others")} cities={otherCities} />
    </div>
  );
}
