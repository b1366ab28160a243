import type { LoaderFunctionArgs } from "@remix-run/node";
import { encodeCursor, parseSessionQuery } from "~/lib/api-query";
import { config } from "~/lib/config.server";
import { nowInstant } from "~/lib/time";
import { questionsOfSessions } from "~/models/question.server";
import { listSessionPage } from "~/models/session-api.server";
import {
  apiAction,
  apiAnswer,
  apiPreflight,
  apiProblem,
  enforceApiLimit,
  sessionResource,
} from "~/web/api.server";

/** `GET /api/sessions`: the sessions the home page shows, filtered and paged (docs/api.md). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const preflight = apiPreflight(request);
  if (preflight) return preflight;
  await enforceApiLimit(context);
  const now = nowInstant();
  const url = new URL(request.url);
  const parsed = parseSessionQuery(url.searchParams, now);
  if (!parsed.ok) {
    return apiProblem(400, "Invalid query", "One or more query parameters are not valid.", {
      problems: parsed.problems,
    });
  }
  const { sessions, last } = await listSessionPage(parsed.query);
  const questions = await questionsOfSessions(sessions.map((session) => session.id));
  const { publicUrl } = config();
  let next: string | null = null;
  if (last) {
    const nextUrl = new URL(`${publicUrl}/api/sessions`);
    for (const [name, value] of url.searchParams) {
      if (name !== "cursor") nextUrl.searchParams.set(name, value);
    }
    nextUrl.searchParams.set("cursor", encodeCursor({ startsAt: last.starts_at, id: last.id }));
    next = nextUrl.toString();
  }
  return apiAnswer(
    request,
    {
      sessions: sessions.map((session) =>
        sessionResource(session, now, publicUrl, questions.get(session.id) ?? []),
      ),
      next,
    },
    { maxAge: 15, headers: next ? { Link: `<${next}>; rel="next"` } : {} },
  );
}

export const action = apiAction;
