import type { ActionFunctionArgs } from "@remix-run/node";
import { type DoorQueueAnswer, doorQueueSchema } from "~/lib/door-check-in";
import { applyDoorQueue } from "~/models/door-check-in.server";
import { getSessionById } from "~/models/session.server";
import { requireSessionAccess } from "~/web/auth.server";
import { PRIVATE_HEADERS } from "~/web/headers.server";
import { requireKnownLanguage } from "~/web/locale.server";
import { found, notFound } from "~/web/not-found.server";
import { clientOf } from "~/web/rate-limits.server";
import { doorListFor } from "~/web/session-admin.server";

/**
 * Where the check-in page sends what it queued at the door (app/lib/door-check-in.ts): a form
 * with the queue as JSON and the phone's clock. Each operation is applied once, whoever sends it
 * how often; the answer says which were applied (the phone forgets those), which can never be,
 * and the door list as it is now. For the session's organisers and its door volunteers, who get
 * names and check-in state only. Something that is no queue is refused whole, with nothing stored.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  requireKnownLanguage(params);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id, { door: true });
  const parsed = doorQueueSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    return Response.json({ error: "badRequest" }, { status: 400, headers: PRIVATE_HEADERS });
  }
  const result = await applyDoorQueue(sessionId, parsed.data, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  if (!result.ok) throw notFound();
  const { outcomes } = result;
  const answer: DoorQueueAnswer = {
    applied: outcomes.flatMap((outcome) => (outcome.applied ? [outcome.id] : [])),
    refused: outcomes.flatMap((outcome) =>
      outcome.applied ? [] : [{ id: outcome.id, reason: outcome.reason }],
    ),
    list: await doorListFor(organiser, found(await getSessionById(sessionId))),
  };
  return Response.json(answer, { headers: PRIVATE_HEADERS });
}
