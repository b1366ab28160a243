import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18n } from "~/i18n";
import { feedName, feedUrls } from "~/lib/calendar-feed";
import { config } from "~/lib/config.server";
import { localeOfTaal } from "~/lib/locale-path";
import { isSessionKind } from "~/lib/session-kinds";
import { nowInstant } from "~/lib/time";
import { feedOf } from "~/models/feed.server";
import { organizer } from "~/models/registration.server";
import { publicCalendarResponse } from "~/web/calendar-response.server";
import { notFound } from "~/web/not-found.server";
import { feedIcs } from "../../emails/ics";

/**
 * A calendar to subscribe to (METHOD:PUBLISH): the sessions that have not ended, all of them or
 * of one city (`stad`), one kind (`soort`) and/or one partner (`partner`): the home page's
 * filters, with its name and links in French or English for `taal=fr|en`. Unlike the home
 * page, a filter that names nothing is a 404: a subscription to a city that does not exist
 * would otherwise quietly fill a calendar with every session.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const kind = params.get("soort");
  if (kind !== null && !isSessionKind(kind)) throw notFound();
  const locale = localeOfTaal(params.get("taal"));
  if (!locale) throw notFound();
  const outcome = await feedOf(
    {
      citySlug: params.get("stad") ?? undefined,
      kind: kind ?? undefined,
      partnerSlug: params.get("partner") ?? undefined,
    },
    nowInstant(),
  );
  if (!outcome.ok) throw notFound();
  const { feed } = outcome;
  const { publicUrl } = config();
  const selection = {
    city: feed.city?.slug,
    kind: feed.kind,
    partner: feed.partner?.slug,
    locale,
  };
  const ics = feedIcs(
    {
      name: feedName(i18n(locale).t, {
        cityName: feed.city?.name,
        kind: feed.kind,
        partnerName: feed.partner?.name,
      }),
      url: feedUrls(publicUrl, selection).https,
      sessions: feed.sessions,
    },
    { publicUrl, uidDomain: new URL(publicUrl).hostname, organizer: organizer(), locale },
  );
  // Polled hourly by calendar apps: five minutes in caches, then a cheap 304 while unchanged.
  return publicCalendarResponse(request, ics, {
    filename: `${["ondernemersagenda", selection.city, selection.kind, selection.partner].filter(Boolean).join("-")}.ics`,
    maxAge: 300,
  });
}
