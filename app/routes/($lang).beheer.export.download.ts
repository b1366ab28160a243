import type { LoaderFunctionArgs } from "@remix-run/node";
import { rangeExportSchema } from "~/lib/export-form";
import { parseForm } from "~/lib/forms";
import { exportAttendees } from "~/models/export.server";
import { attendeeDownload } from "~/web/attendee-sheet.server";
import { requireOrganiser } from "~/web/auth.server";
import { exportRefusal } from "~/web/export-refusal.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { clientOf } from "~/web/rate-limits.server";

/**
 * The attendees of many sessions, one row each with its session: a city (or every city in
 * the organiser's scope) over a period. ?stad=ID&van=YYYY-MM-DD&tot=YYYY-MM-DD&formaat=…
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireKnownLanguage(params);
  const locale = localeOf(request);
  const organiser = await requireOrganiser(request);
  const submission = parseForm(new URL(request.url).searchParams, rangeExportSchema);
  if (submission.status !== "success") return exportRefusal(400, submission.error, locale);
  const { formaat: format, stad, van: from, tot: to } = submission.value;
  const exported = await exportAttendees({
    scope: organiser.scope,
    filter: { kind: "range", cityId: stad ?? null, from, to },
    format,
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  if (!exported.ok)
    return exportRefusal(400, { "": [{ key: "export.error.cityNotFound" }] }, locale);
  return attendeeDownload(exported, { format, from, to, locale });
}
