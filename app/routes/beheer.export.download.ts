import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireOrganiser } from "~/lib/auth.server";
import { clientOf } from "~/lib/rate-limits.server";
import { parseRowId } from "~/lib/session-form";
import { recordAudit } from "~/models/audit.server";
import { attendeeExportResponse } from "~/models/export.server";

/**
 * The attendees of many sessions, one row each with its session: a city (or every city in
 * the organiser's scope) over a period. ?stad=ID&van=YYYY-MM-DD&tot=YYYY-MM-DD&formaat=…
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const organiser = await requireOrganiser(request);
  const params = new URL(request.url).searchParams;
  const city = params.get("stad");
  const filter = {
    format: params.get("formaat") ?? "csv",
    // An id no city can have is refused like any other invalid one, never looked up.
    cityId: city ? (parseRowId(city) ?? Number.NaN) : undefined,
    from: params.get("van") ?? "",
    to: params.get("tot") ?? "",
  };
  const { response } = await attendeeExportResponse({ scope: organiser.scope, ...filter });
  await recordAudit({
    organiserId: organiser.id,
    action: "attendees.export",
    subjectType: "export",
    subjectId: null,
    // What attendeeExportResponse accepted: a known format, real dates, an existing city.
    details: {
      format: filter.format,
      cityId: filter.cityId ?? null,
      from: filter.from,
      to: filter.to,
    },
    clientAddress: clientOf(context),
  });
  return response;
}
