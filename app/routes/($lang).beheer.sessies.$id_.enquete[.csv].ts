import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportSurveyResults } from "~/models/survey.server";
import { exportRefusal, readSessionExport } from "~/web/export-refusal.server";
import { clientOf } from "~/web/rate-limits.server";
import { surveyDownload } from "~/web/survey-sheet.server";

/**
 * One session's survey answers as a file (?formaat=csv|csv-comma|xlsx), anonymous; each
 * download is logged. Below three answers there is none, as there is no table on the page.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const asked = await readSessionExport(request, params);
  if ("refusal" in asked) return asked.refusal;
  const { organiser, sessionId, format, locale } = asked;
  const exported = await exportSurveyResults(sessionId, organiser.scope, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  if (!exported.ok) {
    const key =
      exported.reason === "tooFew"
        ? "survey.results.tooFewToExport"
        : "export.error.sessionNotFound";
    return exportRefusal(404, { "": [{ key }] }, locale);
  }
  return surveyDownload(exported, { format, locale });
}
