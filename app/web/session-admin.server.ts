import { data } from "@remix-run/node";
import type { $ZodType } from "zod/v4/core";
import type { StoredDoorList } from "../lib/door-check-in";
import {
  type FormAnswer,
  type FormErrors,
  type FormMessage,
  type FormResult,
  formMessage,
  parseForm,
} from "../lib/forms";
import { sessionFormSchema } from "../lib/session-form";
import { nowInstant } from "../lib/time";
import { listAttendees, type SetCheckedInResult } from "../models/attendee.server";
import { doorListOf } from "../models/door-check-in.server";
import type { SignedInOrganiser } from "../models/organiser.server";
import { getSessionById, isInScope } from "../models/session.server";
import type { MissingReference } from "../models/session-editing.server";
import { requireSessionAccess } from "./auth.server";
import { redirectWithNotice, takeNotice } from "./flash.server";
import { found, notFound } from "./not-found.server";

/**
 * The session with this id, for an organiser who may manage it. Another city's session answers
 * 404 exactly like one that does not exist (see requireSessionAccess).
 */
export async function requireManagedSession(request: Request, sessionIdParam: string | undefined) {
  const { organiser, sessionId } = await requireSessionAccess(request, sessionIdParam);
  const session = found(await getSessionById(sessionId));
  return { organiser, session };
}

/**
 * What a page listing a session's attendees (the list, the door list) loads, as
 * requireManagedSession: the attendees narrowed by the page's search (`?zoek=`, trimmed for the
 * search field), and the notice its last action left (`headers` consume it).
 */
export async function loadAttendeeList(
  request: Request,
  sessionIdParam: string | undefined,
  access: { door?: boolean } = {},
) {
  const { organiser, sessionId } = await requireSessionAccess(request, sessionIdParam, access);
  const search = new URL(request.url).searchParams.get("zoek")?.trim() ?? "";
  const [session, attendees] = await Promise.all([
    getSessionById(sessionId),
    listAttendees(sessionId, { search }),
  ]);
  if (!session || !attendees) throw notFound();
  const { notice, headers } = await takeNotice(request);
  return { organiser, session, attendees, search, notice, headers };
}

/**
 * The door list of a session as this organiser may see it, stamped with the server's time: a
 * door volunteer gets names and check-in state only, without organisations.
 */
export async function doorListFor(
  organiser: SignedInOrganiser,
  session: { id: number; ends_at: string },
): Promise<StoredDoorList> {
  const savedAt = nowInstant();
  const people = await doorListOf(session.id);
  const door = organiser.role === "door";
  return {
    savedAt,
    endsAt: session.ends_at,
    people: door ? people.map((person) => ({ ...person, organisation: null })) : people,
  };
}

/**
 * A posted form checked against its schema: the accepted submission, or the 400 that sends the
 * form back with what to correct.
 */
export async function readForm<Schema extends $ZodType>(request: Request, schema: Schema) {
  const submission = parseForm(await request.formData(), schema);
  if (submission.status !== "success") {
    return { refused: refuse(submission.reply(), 400) } as const;
  }
  return { submission } as const;
}

/** What the session form's page gets back from a post that stored nothing. */
export interface SessionFormAnswer extends FormAnswer {
  /** The new capacity is below the confirmed count: the organiser must confirm the move. */
  capacityConflict?: { confirmed: number; capacity: number };
}

/**
 * Reads a posted session form for an organiser: the checked data, or the answer that says what
 * to correct. A city and partners outside their scope are an error on the city field, so nobody
 * creates a session, or moves one, out of their own reach.
 */
export async function readSessionForm(request: Request, organiser: SignedInOrganiser) {
  const form = await readForm(request, sessionFormSchema);
  if (form.refused) return { refused: form.refused } as const;
  const { submission } = form;
  const data = submission.value;
  if (!isInScope(organiser.scope, data.cityId, data.partnerIds)) {
    return {
      refused: refuse(
        submission.reply({ fieldErrors: { cityId: formMessage("admin.outOfScope") } }),
        400,
      ),
    } as const;
  }
  return { data, submission } as const;
}

/** A 4xx with the form's answer, for the page to show beside what was typed. */
export function refuse(result: FormResult, status: number, extra: Partial<SessionFormAnswer> = {}) {
  return data<SessionFormAnswer>({ result, ...extra }, { status });
}

/** The field a city or partner that has gone is wrong in, and what it says. */
export const MISSING_REFERENCE: Record<MissingReference, { field: string; message: FormMessage }> =
  {
    unknownCity: { field: "cityId", message: { key: "sessionForm.errors.cityId.unknown" } },
    unknownPartner: {
      field: "partnerIds",
      message: { key: "sessionForm.errors.partnerIds.unknown" },
    },
  };

/** After a change that was stored: the session's page, saying what happened. */
export function toSessionPage(request: Request, sessionId: number, notice: FormMessage) {
  return redirectWithNotice(request, `/beheer/sessies/${sessionId}`, notice);
}

/**
 * What marking someone present (or undoing it) answers: back to `backTo`, saying so; a 409 with
 * the reason when that person is not confirmed; a 404 when the registration has gone.
 */
export function answerCheckIn(
  request: Request,
  result: SetCheckedInResult,
  {
    present,
    backTo,
    reply,
  }: {
    present: boolean;
    backTo: string;
    /** The submission's `reply`, for the refusal. */
    reply: (options: { formErrors: FormErrors }) => FormResult;
  },
) {
  if (result.ok) {
    return redirectWithNotice(request, backTo, {
      key: present ? "attendees.done.present" : "attendees.done.absent",
      values: { name: result.name },
    });
  }
  if (result.reason === "notFound") throw notFound();
  const refusal = formMessage("attendees.refused.notConfirmed", {
    name: result.name,
    status: result.status,
  });
  return refuse(reply({ formErrors: refusal }), 409);
}
