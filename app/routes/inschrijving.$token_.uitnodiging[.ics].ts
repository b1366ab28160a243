import type { LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/lib/config.server";
import { nowInstant } from "~/lib/time";
import { openManageToken, organizer } from "~/models/registration.server";
import { issueViewToken } from "~/models/registration-token.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { notFound } from "~/web/not-found.server";
import { inviteIcs } from "../../emails/ics";
import { inviteInputOf } from "../../emails/message";

/**
 * The person's own invite (METHOD:REQUEST), as the mails carry it: their UID, their current
 * SEQUENCE and their answer so far, so importing it updates the event from the mail instead of
 * adding a second one. Like a mail's, its DESCRIPTION links a view link of its own, never this
 * manage link. Only a seat has an invite: someone waiting or cancelled, or a cancelled session,
 * gets 409 (the manage page says why); an erased registration 410; a link that leads nowhere 404.
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
  const now = nowInstant();
  const ics = inviteIcs(
    inviteInputOf({
      session,
      registration,
      links: {
        manageToken: token,
        checkinCode: null,
        viewToken: await issueViewToken(registration.id, now),
      },
      organizer: organizer(),
      publicUrl: config().publicUrl,
      now,
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
