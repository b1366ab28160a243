import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireSessionAccess } from "~/lib/auth.server";
import { clientOf } from "~/lib/rate-limits.server";
import { recordAudit } from "~/models/audit.server";
import { attendeeExportResponse } from "~/models/export.server";

/** One session's attendee list as CSV or XLSX (?formaat=csv|csv-comma|xlsx); every export is logged. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const format = new URL(request.url).searchParams.get("formaat") ?? "csv";
  const { response } = await attendeeExportResponse({
    scope: organiser.scope,
    format,
    sessionId,
  });
  await recordAudit({
    organiserId: organiser.id,
    action: "attendees.export",
    subjectType: "export",
    subjectId: sessionId,
    // attendeeExportResponse refused any other format.
    details: { format },
    clientAddress: clientOf(context),
  });
  return response;
}
