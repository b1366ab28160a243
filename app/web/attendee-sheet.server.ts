import { DateTime } from "luxon";
import type { RegistrationStatus } from "../../db/schema";
import { i18n, type Locale } from "../i18n";
import type { Question } from "../lib/questions";
import {
  type CellKind,
  type CellValue,
  type Column,
  csvFile,
  downloadResponse,
  safeFileName,
  xlsxFile,
} from "../lib/spreadsheet.server";
import { brusselsDate, nowInstant, TIME_ZONE } from "../lib/time";
import type { AttendeeExport, AttendeeExportRow, ExportFormat } from "../models/export.server";
import { questionColumns } from "./question-columns.server";

/**
 * The attendee list as a file: its columns, in the reader's language, and the download of an
 * export the model made (export.server.ts). After the fixed columns comes one column per
 * question (question-columns.server.ts).
 */

type Line = Record<(typeof COLUMNS)[number]["key"], CellValue>;

const COLUMNS = [
  { key: "session", kind: "text", width: 36 },
  { key: "date", kind: "date", width: 11 },
  { key: "start", kind: "time", width: 7 },
  { key: "end", kind: "time", width: 7 },
  { key: "city", kind: "text", width: 14 },
  { key: "venue", kind: "text", width: 28 },
  { key: "name", kind: "text", width: 26 },
  { key: "email", kind: "text", width: 32 },
  { key: "organisation", kind: "text", width: 26 },
  { key: "enterpriseNumber", kind: "text", width: 20 },
  { key: "status", kind: "text", width: 13 },
  { key: "registeredAt", kind: "dateTime", width: 17 },
  { key: "checkedIn", kind: "text", width: 10 },
  { key: "source", kind: "text", width: 16 },
] as const satisfies ReadonlyArray<{ key: string; kind: CellKind; width: number }>;

const HOUR_MS = 3_600_000;
/** UTC hour number → the wall-clock hour in Brussels, as ms of a Date read by its UTC fields. */
const wallClockHours = new Map<number, number>();

/**
 * A Date whose UTC fields are the Brussels wall-clock time of `instant`. Excel has no time
 * zones: it stores the time a person reads, and exceljs writes a Date by its UTC value
 * (getTime()), so this is the Date that shows 07:30 for a session at 07:30 in Leuven.
 *
 * Brussels changes its offset only on a whole UTC hour (01:00 UTC, at both DST changes), so
 * the instants of one UTC hour share one wall-clock hour: the time-zone library is asked once
 * per hour instead of once per row, which took 15 µs a row, most of a large export's time.
 */
function brusselsWallClock(instant: string): Date {
  const ms = Date.parse(instant);
  const hour = Math.floor(ms / HOUR_MS);
  let wallClockHour = wallClockHours.get(hour);
  if (wallClockHour === undefined) {
    const local = DateTime.fromMillis(hour * HOUR_MS, { zone: TIME_ZONE });
    wallClockHour = Date.UTC(local.year, local.month - 1, local.day, local.hour);
    if (wallClockHours.size >= 10_000) wallClockHours.clear();
    wallClockHours.set(hour, wallClockHour);
  }
  return new Date(wallClockHour + (ms - hour * HOUR_MS));
}

function lineMaker(
  questions: readonly Question[],
  locale?: Locale,
): (row: AttendeeExportRow) => CellValue[] {
  const { cellsOf } = questionColumns(questions, locale);
  const { t } = i18n(locale);
  // The list holds the live registrations only (see export.server.ts): the others stay empty.
  const statusLabel: Record<RegistrationStatus, string> = {
    confirmed: t("export.status.confirmed"),
    waitlisted: t("export.status.waitlisted"),
    requested: t("export.status.requested"),
    cancelled: "",
    declined: "",
    expired: "",
  };
  const yes = t("export.checkedIn.yes");
  const sources: Record<AttendeeExportRow["source"], string> = {
    public: t("export.source.public"),
    organiser: t("export.source.organiser"),
    door: t("export.source.door"),
  };
  return (row) => {
    const start = brusselsWallClock(row.starts_at);
    const line: Line = {
      session: row.session_title,
      date: start,
      start,
      end: brusselsWallClock(row.ends_at),
      city: row.city_name,
      venue: row.venue_name,
      name: row.name,
      email: row.email,
      organisation: row.organisation ?? "",
      enterpriseNumber: row.enterprise_number ?? "",
      status: statusLabel[row.status],
      registeredAt: brusselsWallClock(row.created_at),
      checkedIn: row.checked_in_at ? yes : "",
      source: sources[row.source],
    };
    return [...COLUMNS.map((column) => line[column.key]), ...cellsOf(row.answers)];
  };
}

async function* linesOf(
  rows: AsyncIterable<AttendeeExportRow>,
  questions: readonly Question[],
  locale?: Locale,
): AsyncGenerator<CellValue[]> {
  const toLine = lineMaker(questions, locale);
  for await (const row of rows) yield toLine(row);
}

/**
 * The download of an export: "deelnemers-<session slug>-<day>.csv", or
 * "deelnemers-<city or all cities>-<from>-<to>.xlsx", streamed as it is read.
 */
export function attendeeDownload(
  exported: Extract<AttendeeExport, { ok: true }>,
  {
    format,
    from,
    to,
    now = nowInstant(),
    locale,
  }: { format: ExportFormat; from?: string; to?: string; now?: string; locale?: Locale },
): Response {
  const { t } = i18n(locale);
  const columns: Column[] = [
    ...COLUMNS.map((column) => ({
      header: t(`export.column.${column.key}`),
      kind: column.kind,
      width: column.width,
    })),
    ...questionColumns(exported.questions, locale).columns,
  ];
  const { subject } = exported;
  const parts =
    "slug" in subject
      ? [subject.slug, brusselsDate(now)]
      : [subject.citySlug ?? t("export.fileName.allCities"), from ?? "", to ?? ""];
  const fileName = safeFileName(
    [t("export.fileName.prefix"), ...parts],
    format === "xlsx" ? "xlsx" : "csv",
  );
  return downloadResponse(format, fileName, () => {
    const lines = linesOf(exported.rows, exported.questions, locale);
    return format === "xlsx"
      ? xlsxFile(columns, lines, { sheet: t("export.sheetName"), creator: t("site.name") })
      : csvFile(columns, lines, { delimiter: format === "csv" ? ";" : "," });
  });
}
