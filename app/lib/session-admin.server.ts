import { json } from "@remix-run/node";
import type { SignedInOrganiser } from "../models/organiser.server";
import { isInScope } from "../models/session.server";
import type { MissingReference } from "../models/session-editing.server";
import { redirectWithNotice } from "./flash.server";
import { type FormMessage, type FormResult, formMessage, parseForm } from "./forms";
import { sessionFormSchema } from "./session-form";

/** What the session form's page gets back from a post that stored nothing. */
export interface SessionFormAnswer {
  result: FormResult;
  /** The new capacity is below the confirmed count: the organiser must confirm the move. */
  capacityConflict?: { confirmed: number; capacity: number };
}

/**
 * Reads a posted session form for an organiser: the checked data, or the answer that says what
 * to correct. A city and partners outside their scope are an error on the city field, so nobody
 * creates a session, or moves one, out of their own reach.
 */
export async function readSessionForm(request: Request, organiser: SignedInOrganiser) {
  const submission = parseForm(await request.formData(), sessionFormSchema);
  if (submission.status !== "success") {
    return { refused: refuse(submission.reply(), 400) } as const;
  }
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
  return json<SessionFormAnswer>({ result, ...extra }, { status });
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
