import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicCalendarResponse } from "~/lib/calendar-response.server";
import { config } from "~/lib/config.server";
import { getSessionBySlug } from "~/models/session.server";
import { sessionIcs } from "../../emails/ics";

/**
 * The public calendar file of a session (METHOD:PUBLISH): for "add to calendar", no attendee.
 * The same event (UID, SEQUENCE) as in the feeds, so a later download or a feed updates it.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  const session = await getSessionBySlug(params.slug ?? "");
  if (!session) throw new Response("Not Found", { status: 404 });
  const { publicUrl } = config();
  const ics = sessionIcs(session, { publicUrl, uidDomain: new URL(publicUrl).hostname });
  return publicCalendarResponse(request, ics, { filename: `${session.slug}.ics`, maxAge: 300 });
}
