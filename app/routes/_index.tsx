import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { FilterSelect } from "~/components/filter-select";
import { CityLinks, SessionList } from "~/components/session-list";
import { i18n } from "~/i18n";
import { isSessionKind, SESSION_KINDS } from "~/lib/session-kinds";
import { sessionCardView } from "~/lib/session-view.server";
import { useI18n } from "~/lib/use-i18n";
import { listCities, listUpcomingSessions } from "~/models/session.server";

export const meta: MetaFunction = () => {
  const { t } = i18n();
  return [
    { title: `${t("home.title")} · ${t("site.name")}` },
    { name: "description", content: t("home.intro") },
  ];
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
  return { cities, filter: { city, kind }, sessions: sessions.map((s) => sessionCardView(s, now)) };
}

export default function Home() {
  const { cities, filter, sessions } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const filtered = Boolean(filter.city || filter.kind);
  return (
    <div className="wrap page">
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>

      <Form method="get" className="filters" aria-label={t("filter.legend")}>
        <FilterSelect
          id="filter-city"
          name="stad"
          label={t("filter.city")}
          allLabel={t("filter.allCities")}
          value={filter.city}
          options={cities.map((city) => ({ value: city.slug, label: city.name }))}
        />
        <FilterSelect
          id="filter-kind"
          name="soort"
          label={t("filter.kind")}
          allLabel={t("filter.allKinds")}
          value={filter.kind}
          options={SESSION_KINDS.map((kind) => ({ value: kind, label: t(`kind.plural.${kind}`) }))}
        />
        <div className="filter-actions">
          <button type="submit" className="button">
            {t("filter.submit")}
          </button>
          {filtered ? <Link to="/">{t("filter.reset")}</Link> : null}
        </div>
      </Form>

      <SessionList sessions={sessions} />
      <CityLinks id="by-city" title={t("home.byCity")} cities={cities} />
    </div>
  );
}
