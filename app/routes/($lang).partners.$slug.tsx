import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { SubscribeToFeed } from "~/components/add-to-calendar";
import { SessionList } from "~/components/session-list";
import { sessionListMeta } from "~/lib/calendar-feed";
import { getPartnerBySlug, listUpcomingSessions } from "~/models/session.server";
import { feedOfPage } from "~/web/calendar-feed.server";
import { localeOf } from "~/web/locale.server";
import { found } from "~/web/not-found.server";
import { sessionCardView } from "~/web/session-view.server";
import { metaI18n, useI18n, useLocalePath } from "~/web/use-i18n";

/** A partner's upcoming sessions, in every city, with the feed to subscribe to them. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const partner = found(await getPartnerBySlug(params.slug ?? ""));
  const now = new Date().toISOString();
  const sessions = await listUpcomingSessions({ partnerSlug: partner.slug, now });
  return {
    partner,
    sessions: sessions.map((s) => sessionCardView(s, now)),
    feed: feedOfPage({
      partner: partner.slug,
      partnerName: partner.name,
      locale: localeOf(request),
    }),
  };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t } = metaI18n(matches);
  if (!data) return [{ title: t("notFound.title") }];
  const partner = data.partner.name;
  return sessionListMeta(
    t("partner.title", { partner }),
    t("partner.intro", { partner }),
    data.feed,
  );
};

export default function PartnerPage() {
  const inLocale = useLocalePath();
  const { partner, sessions, feed } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="wrap page">
      <p className="breadcrumb">
        <Link to={inLocale("/")}>{t("session.backToList")}</Link>
      </p>
      <h1>{t("partner.title", { partner: partner.name })}</h1>
      <p className="lead">{t("partner.intro", { partner: partner.name })}</p>
      {partner.website && /^https?:\/\//i.test(partner.website) ? (
        <p>
          <a href={partner.website} rel="noopener noreferrer">
            {t("partner.website", { partner: partner.name })}
          </a>
        </p>
      ) : null}
      <SessionList sessions={sessions} />
      <SubscribeToFeed feed={feed} />
    </div>
  );
}
