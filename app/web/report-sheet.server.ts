import { i18n, type Locale } from "../i18n";
import type { ReportPeriod } from "../lib/report-form";
import {
  BREAKDOWNS,
  breakdownRows,
  columnLabel,
  dateName,
  formatFigure,
  REPORT_COLUMNS,
  type ReportColumn,
  rowLabel,
} from "../lib/report-table";
import {
  type CellKind,
  type CellValue,
  type Column,
  downloadResponse,
  type Sheet,
  safeFileName,
  xlsxWorkbook,
} from "../lib/spreadsheet.server";
import type { CityReport } from "../models/report.server";

/**
 * The report as one Excel file: a summary sheet (the period, the filters and the totals as the
 * page words them), then one sheet per table of the page, each with its total row, the figures
 * as numbers (shares as percentages, the average with one decimal) so they can be worked on.
 */

const KINDS: Record<ReportColumn["kind"], CellKind> = {
  count: "number",
  share: "percent",
  average: "decimal",
};

async function* listed(rows: CellValue[][]): AsyncIterable<CellValue[]> {
  yield* rows;
}

export function reportDownload(
  report: CityReport,
  period: ReportPeriod,
  filterNames: string[],
  locale?: Locale,
): Response {
  const language = i18n(locale);
  const { t } = language;
  const figures = (values: Parameters<ReportColumn["value"]>[0]): CellValue[] =>
    REPORT_COLUMNS.map((column) => column.value(values) ?? "");
  const tables: Sheet[] = BREAKDOWNS.map((breakdown) => ({
    name: t(`report.${breakdown}`),
    columns: [
      { header: t(`report.group.${breakdown}`), kind: "text", width: 26 },
      ...REPORT_COLUMNS.map(
        (column): Column => ({
          header: t(columnLabel(column)),
          kind: KINDS[column.kind],
          width: 14,
        }),
      ),
    ],
    rows: listed([
      ...breakdownRows(report, breakdown).map((row) => [
        rowLabel(row, breakdown, language),
        ...figures(row.figures),
      ]),
      [t("report.total"), ...figures(report.total)],
    ]),
  }));
  const summary: Sheet = {
    name: t("report.sheet.summary"),
    columns: [
      { header: t("report.sheet.figure"), kind: "text", width: 30 },
      { header: t("report.sheet.value"), kind: "text", width: 40 },
    ],
    rows: listed([
      [
        t("report.sheet.period"),
        `${dateName(period.from, language.locale)} – ${dateName(period.to, language.locale)}`,
      ],
      [
        t("report.sheet.filters"),
        filterNames.length ? language.list(filterNames) : t("report.sheet.noFilters"),
      ],
      [t("report.figure.sessionsUpcoming"), String(report.total.sessionsUpcoming)],
      ...REPORT_COLUMNS.map((column) => [
        t(columnLabel(column)),
        formatFigure(column.value(report.total), column.kind, language.locale) ?? "–",
      ]),
    ]),
  };
  const fileName = safeFileName([t("report.fileName"), period.from, period.to], "xlsx");
  return downloadResponse("xlsx", fileName, () =>
    xlsxWorkbook([summary, ...tables], { creator: t("site.name") }),
  );
}
