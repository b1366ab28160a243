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
import type { SurveyExport } from "../models/survey.server";
import { questionColumns } from "./question-columns.server";

/**
 * A session's survey answers as a file: one row per answer, the rating, the usefulness in the
 * reader's language, the open answer, then a column per question of the session's own
 * (question-columns.server.ts), and nothing about who gave it. The open answers are text from
 * the public: the spreadsheet helpers neutralise formulas in them.
 */
export function surveyDownload(
  exported: Extract<SurveyExport, { ok: true }>,
  { format, locale, now = nowInstant() }: { format: ExportFormat; locale?: Locale; now?: string },
): Response {
  const { t } = i18n(locale);
  const own = questionColumns(exported.questions, locale);
  const columns: Column[] = [
    { header: t("survey.results.column.rating"), kind: "number", width: 10 },
    { header: t("survey.results.column.useful"), kind: "text", width: 16 },
    { header: t("survey.results.column.comment"), kind: "text", width: 60 },
    ...own.columns,
  ];
  const fileName = safeFileName(
    [t("survey.results.fileName"), exported.slug, brusselsDate(now)],
    format === "xlsx" ? "xlsx" : "csv",
  );
  async function* lines(): AsyncIterable<CellValue[]> {
    for (const row of exported.rows) {
      yield [row.rating, t(`survey.useful.${row.useful}`), row.comment, ...own.cellsOf(row.own)];
    }
  }
  return downloadResponse(format, fileName, () =>
    format === "xlsx"
      ? xlsxFile(columns, lines(), { sheet: t("survey.results.title"), creator: t("site.name") })
      : csvFile(columns, lines(), { delimiter: format === "csv" ? ";" : "," }),
  );
}
