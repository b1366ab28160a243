import type { LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/lib/config.server";
import { localeOfTaal } from "~/lib/locale-path";
import { organizer } from "~/models/registration.server";
import { getSessionBySlug } from "~/models/session.server";
import { publicCalendarResponse } from "~/web/calendar-response.server";
import { found } from "~/web/not-found.server";
import { sessionIcs } from "../../emails/ics";

/**
 * The public calendar file of a session (METHOD:PUBLISH): for "add to calendar", no attendee.
 * The same event (UID, SEQUENCE) as in the feeds, so a later download or a feed updates it.
 * Its link leads to the session page in French or English for `taal=fr|en`.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const locale = localeOfTaal(new URL(request.url).searchParams.get("taal"));
  const session = found(locale ? await getSessionBySlug(params.slug ?? "") : null);
  const { publicUrl } = config();
  const ics = sessionIcs(session, {
    publicUrl,
    uidDomain: new URL(publicUrl).hostname,
    organizer: organizer(),
    locale,
  });
  return publicCalendarResponse(request, ics, {
    filename: `${session.slug}.ics`,
    maxAge: 300,
    noindex: session.unlisted === 1,
  });
}
