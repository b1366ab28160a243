import type { LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/lib/config.server";
import { nowInstant } from "~/lib/time";
import { openManageToken, organizer } from "~/models/registration.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { notFound } from "~/web/not-found.server";
import { inviteIcs } from "../../emails/ics";
import { inviteInputOf } from "../../emails/message";

/**
 * The person's own invite (METHOD:REQUEST), as the mails carry it: their UID and their current
 * SEQUENCE, so importing it updates the event from the mail instead of adding a second one.
 * Only a seat has an invite: someone waiting or cancelled, or a cancelled session, gets 409
 * (the manage page says why); an erased registration 410; a link that leads nowhere 404.
 */
export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const found = await openManageToken(token);
  if (found.state === "unknown") throw notFound(PRIVATE_HEADERS);
  if (found.state === "erased")
    throw new Response("Gone", { status: 410, headers: PRIVATE_HEADERS });
  const { registration, session } = found;
  if (registration.status !== "confirmed" || session.status === "cancelled") {
    throw new Response("Conflict", { status: 409, headers: PRIVATE_HEADERS });
  }
  const ics = inviteIcs(
    inviteInputOf({
      session,
      registration,
      links: { manageToken: token, checkinCode: null },
      organizer: organizer(),
      publicUrl: config().publicUrl,
      now: nowInstant(),
    }),
  );
  return new Response(ics, {
    headers: {
      ...PRIVATE_HEADERS,
      "Content-Type": "text/calendar; charset=utf-8; method=REQUEST",
      "Content-Disposition": 'attachment; filename="uitnodiging.ics"',
    },
  });
}
