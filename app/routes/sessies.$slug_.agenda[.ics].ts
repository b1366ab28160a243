import type { LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/lib/config.server";
import { getSessionBySlug } from "~/models/session.server";
import { sessionIcs } from "../../emails/ics";

/** The public calendar file of a session (METHOD:PUBLISH): for "add to calendar", no attendee. */
export async function loader({ params }: LoaderFunctionArgs) {
  const session = await getSessionBySlug(params.slug ?? "");
  if (!session) throw new Response("Not Found", { status: 404 });
  const { publicUrl } = config();
  const ics = sessionIcs(
    session,
    `${publicUrl}/sessies/${session.slug}`,
    new URL(publicUrl).hostname,
  );
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8; method=PUBLISH",
      "Content-Disposition": `attachment; filename="${session.slug}.ics"`,
      "Cache-Control": "public, max-age=300",
    },
  });
}
