import type { LoaderFunctionArgs } from "@remix-run/node";
import { sessionExportSchema } from "~/lib/export-form";
import { parseForm } from "~/lib/forms";
import { exportAttendees } from "~/models/export.server";
import { attendeeDownload } from "~/web/attendee-sheet.server";
import { requireSessionAccess } from "~/web/auth.server";
import { exportRefusal } from "~/web/export-refusal.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { clientOf } from "~/web/rate-limits.server";

/** One session's attendee list as CSV or XLSX (?formaat=csv|csv-comma|xlsx); every export is logged. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireKnownLanguage(params);
  const locale = localeOf(request);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const submission = parseForm(new URL(request.url).searchParams, sessionExportSchema);
  if (submission.status !== "success") return exportRefusal(400, submission.error, locale);
  const { formaat: format } = submission.value;
  const exported = await exportAttendees({
    scope: organiser.scope,
    filter: { kind: "session", sessionId },
    format,
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  if (!exported.ok)
    return exportRefusal(404, { "": [{ key: "export.error.sessionNotFound" }] }, locale);
  return attendeeDownload(exported, { format, locale });
}
