import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAttendees } from "~/models/export.server";
import { attendeeDownload } from "~/web/attendee-sheet.server";
import { exportRefusal, readSessionExport } from "~/web/export-refusal.server";
import { clientOf } from "~/web/rate-limits.server";

/** One session's attendee list as CSV or XLSX (?formaat=csv|csv-comma|xlsx); every export is logged. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const asked = await readSessionExport(request, params);
  if ("refusal" in asked) return asked.refusal;
  const { organiser, sessionId, format, locale } = asked;
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
