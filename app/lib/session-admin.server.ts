import { redirect } from "@remix-run/node";
import type { SignedInOrganiser } from "../models/organiser.server";
import { isInScope } from "../models/session.server";
import { parseSessionForm, readSessionFormValues, type SessionFormData } from "./session-form";

/**
 * Reads a posted session form for an organiser: the values to show again, and either the
 * checked data or the errors. A city and partners outside their scope are an error on the city
 * field, so nobody creates a session, or moves one, out of their own reach.
 */
export async function readSessionForm(request: Request, organiser: SignedInOrganiser) {
  const formData = await request.formData();
  const values = readSessionFormValues(formData);
  const parsed = parseSessionForm(formData);
  if (!parsed.ok) return { values, errors: parsed.errors } as const;
  if (!isInScope(organiser.scope, parsed.data.cityId, parsed.data.partnerIds)) {
    return { values, errors: { cityId: "admin.outOfScope" } } as const;
  }
  return { values, data: parsed.data as SessionFormData } as const;
}

export function toSessionPage(sessionId: number, notice?: string) {
  return redirect(
    `/beheer/sessies/${sessionId}${notice ? `?melding=${encodeURIComponent(notice)}` : ""}`,
  );
}
