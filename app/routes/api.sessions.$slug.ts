import type { LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/lib/config.server";
import { nowInstant } from "~/lib/time";
import { listQuestions } from "~/models/question.server";
import { getSessionBySlug } from "~/models/session.server";
import {
  apiAction,
  apiAnswer,
  apiPreflight,
  apiProblem,
  enforceApiLimit,
  sessionResource,
} from "~/web/api.server";

/**
 * `GET /api/sessions/:slug`: one session, as in the list (docs/api.md). The API publishes what
 * the agenda lists: an unlisted session is not in it, by slug either.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const preflight = apiPreflight(request);
  if (preflight) return preflight;
  await enforceApiLimit(context);
  const session = await getSessionBySlug(params.slug ?? "");
  if (!session || session.unlisted) {
    return apiProblem(404, "Not found", "There is no session with this slug.");
  }
  const questions = await listQuestions(session.id);
  return apiAnswer(request, sessionResource(session, nowInstant(), config().publicUrl, questions), {
    maxAge: 15,
  });
}

export const action = apiAction;
