import { i18n, type Locale } from "../i18n";
import type { ExportFormat } from "../lib/export-form";
import {
  type CellValue,
  type Column,
  csvFile,
  downloadResponse,
  safeFileName,
  xlsxFile,
} from "../lib/spreadsheet.server";
import { brusselsDate, nowInstant } from "../lib/time";
import type { SurveyExportRow } from "../models/survey.server";

/**
 * A session's survey answers as a file: one row per answer, the rating, the usefulness in the
 * reader's language and the open answer, and nothing about who gave it. The open answers are
 * text from the public: the spreadsheet helpers neutralise formulas in them.
 */
export function surveyDownload(
  exported: { slug: string; rows: SurveyExportRow[] },
  { format, locale, now = nowInstant() }: { format: ExportFormat; locale?: Locale; now?: string },
): Response {
  const { t } = i18n(locale);
  const columns: Column[] = [
    { header: t("survey.results.column.rating"), kind: "number", width: 10 },
    { header: t("survey.results.column.useful"), kind: "text", width: 16 },
    { header: t("survey.results.column.comment"), kind: "text", width: 60 },
  ];
  const fileName = safeFileName(
    [t("survey.results.fileName"), exported.slug, brusselsDate(now)],
    format === "xlsx" ? "xlsx" : "csv",
  );
  async function* lines(): AsyncIterable<CellValue[]> {
    for (const row of exported.rows) {
      yield [row.rating, t(`survey.useful.${row.useful}`), row.comment];
    }
  }
  return downloadResponse(format, fileName, () =>
    format === "xlsx"
      ? xlsxFile(columns, lines(), { sheet: t("survey.results.title"), creator: t("site.name") })
      : csvFile(columns, lines(), { delimiter: format === "csv" ? ";" : "," }),
  );
}
