import type { LoaderFunctionArgs } from "@remix-run/node";
import { sessionExportSchema } from "~/lib/export-form";
import { parseForm } from "~/lib/forms";
import { exportSurveyResults } from "~/models/survey.server";
import { requireSessionAccess } from "~/web/auth.server";
import { exportRefusal } from "~/web/export-refusal.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { clientOf } from "~/web/rate-limits.server";
import { surveyDownload } from "~/web/survey-sheet.server";

/**
 * One session's survey answers as a file (?formaat=csv|csv-comma|xlsx), anonymous; each
 * download is logged. Below three answers there is none, as there is no table on the page.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireKnownLanguage(params);
  const locale = localeOf(request);
  const { organiser, sessionId } = await requireSessionAccess(request, params.id);
  const submission = parseForm(new URL(request.url).searchParams, sessionExportSchema);
  if (submission.status !== "success") return exportRefusal(400, submission.error, locale);
  const { formaat: format } = submission.value;
  const exported = await exportSurveyResults(sessionId, organiser.scope, {
    organiserId: organiser.id,
    clientAddress: clientOf(context),
  });
  if (!exported.ok) {
    return exportRefusal(
      404,
      {
        "": [
          {
            key:
              exported.reason === "tooFew"
                ? "survey.results.tooFewToExport"
                : "export.error.sessionNotFound",
          },
        ],
      },
      locale,
    );
  }
  return surveyDownload(exported, { format, locale });
}
