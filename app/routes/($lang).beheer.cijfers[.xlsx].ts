import type { LoaderFunctionArgs } from "@remix-run/node";
import { i18n } from "~/i18n";
import { parseForm } from "~/lib/forms";
import { reportFilterOf, reportFilterSchema } from "~/lib/report-form";
import { filterNames } from "~/lib/report-table";
import { brusselsDate, nowInstant } from "~/lib/time";
import { exportCityReport, reportOptions } from "~/models/report.server";
import { requireOrganiser } from "~/web/auth.server";
import { exportRefusal } from "~/web/export-refusal.server";
import { localeOf, requireKnownLanguage } from "~/web/locale.server";
import { clientOf } from "~/web/rate-limits.server";
import { reportDownload } from "~/web/report-sheet.server";

/**
 * Every table of the report as one Excel file, for the same filters as the page
 * (?periode=…&jaar=…&van=…&tot=…&stad=…&soort=…&partner=…), written to the audit log.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  requireKnownLanguage(params);
  const locale = localeOf(request);
  const organiser = await requireOrganiser(request);
  const submission = parseForm(new URL(request.url).searchParams, reportFilterSchema);
  if (submission.status !== "success") return exportRefusal(400, submission.error, locale);
  const now = nowInstant();
  const filter = reportFilterOf(submission.value, brusselsDate(now));
  const [options, report] = await Promise.all([
    reportOptions(organiser.scope, now),
    exportCityReport(organiser.scope, filter, {
      organiserId: organiser.id,
      clientAddress: clientOf(context),
      now,
    }),
  ]);
  const names = filterNames(submission.value, options, i18n(locale));
  return reportDownload(report, filter.period, names, locale);
}
