import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { SubscribeToFeed } from "~/components/add-to-calendar";
import { FilterSelect } from "~/components/filter-select";
import { CityLinks, SessionList } from "~/components/session-list";
import { sessionListMeta } from "~/lib/calendar-feed";
import { HOME_FILTERS } from "~/lib/home-filters";
import {
  isSessionKind,
  isSessionLanguage,
  SESSION_KINDS,
  SESSION_LANGUAGES,
} from "~/lib/session-kinds";
import { listCities, listUpcomingSessions } from "~/models/session.server";
import { feedOfPage } from "~/web/calendar-feed.server";
import { localeOf } from "~/web/locale.server";
import { sessionCardView } from "~/web/session-view.server";
import { metaI18n, useI18n, useLocalePath } from "~/web/use-i18n";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = metaI18n(matches);
  if (!data) return [{ title: `${t("home.title")} · ${t("site.name")}` }];
  return sessionListMeta(t("home.title"), t("home.intro"), data.feed);
};

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const cities = await listCities();
  // Unknown filter values are ignored rather than answered with an error: a shared link
  // with a stale city still shows every session.
  const city = cities.find((c) => c.slug === url.searchParams.get(HOME_FILTERS.city))?.slug ?? "";
  const kindParam = url.searchParams.get(HOME_FILTERS.kind);
  const kind = isSessionKind(kindParam) ? kindParam : "";
  const languageParam = url.searchParams.get(HOME_FILTERS.language);
  const language = isSessionLanguage(languageParam) ? languageParam : "";
  const now = new Date().toISOString();
  const sessions = await listUpcomingSessions({
    citySlug: city || undefined,
    kind: kind || undefined,
    language: language || undefined,
    now,
  });
  const feed = feedOfPage({
    city: city || null,
    cityName: cities.find((c) => c.slug === city)?.name,
    kind: kind || null,
    locale: localeOf(request),
  });
  return {
    cities,
    filter: { city, kind, language },
    sessions: sessions.map((s) => sessionCardView(s, now)),
    feed,
  };
}

export default function Home() {
  const inLocale = useLocalePath();
  const { cities, filter, sessions, feed } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const filtered = Boolean(filter.city || filter.kind || filter.language);
  return (
    <div className="wrap page">
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>

      <Form method="get" className="filters" aria-label={t("filter.legend")}>
        <FilterSelect
          id="filter-city"
          name={HOME_FILTERS.city}
          label={t("filter.city")}
          allLabel={t("filter.allCities")}
          value={filter.city}
          options={cities.map((city) => ({ value: city.slug, label: city.name }))}
        />
        <FilterSelect
          id="filter-kind"
          name={HOME_FILTERS.kind}
          label={t("filter.kind")}
          allLabel={t("filter.allKinds")}
          value={filter.kind}
          options={SESSION_KINDS.map((kind) => ({ value: kind, label: t(`kind.plural.${kind}`) }))}
        />
        <FilterSelect
          id="filter-language"
          name={HOME_FILTERS.language}
          label={t("filter.language")}
          allLabel={t("filter.allLanguages")}
          value={filter.language}
          options={SESSION_LANGUAGES.map((language) => ({
            value: language,
            label: t(`language.${language}`),
          }))}
        />
        <div className="filter-actions">
          <button type="submit" className="button">
            {t("filter.submit")}
          </button>
          {filtered ? <Link to={inLocale("/")}>{t("filter.reset")}</Link> : null}
        </div>
      </Form>

      <SessionList sessions={sessions} />
      <SubscribeToFeed feed={feed} />
      <CityLinks id="by-city" title={t("home.byCity")} cities={cities} />
    </div>
  );
}
