import { PassThrough, pipeline, Readable, type Writable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";
import { type Kysely, sql } from "kysely";
import { DateTime } from "luxon";
import { database } from "../../db/client";
import type { Database, RegistrationStatus } from "../../db/schema";
import { i18n, type MessageKey } from "../i18n";
import { brusselsDate, brusselsTimeToInstant, TIME_ZONE } from "../lib/time";
import { type SessionScope, sessionInScope } from "./scope.server";

/*
 * Attendee lists for organisers, as CSV or XLSX that open correctly in a Belgian Excel.
 *
 * The file is streamed end to end: a database cursor feeds the CSV or XLSX writer, which feeds
 * the HTTP response, so memory stays flat however long the list is. Every query applies the
 * organiser's scope. Names, organisations and dietary needs are typed by the public, so every
 * text cell is neutralised against formula injection before it reaches a spreadsheet.
 */

export const EXPORT_FORMATS = ["csv", "csv-comma", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface AttendeeExportOptions {
  /** The organiser's scope: ALWAYS applied, whatever else is asked. */
  scope: SessionScope;
  /** "csv" (`;`, for a Belgian Excel), "csv-comma" or "xlsx". A string, as a route reads it. */
  format: string;
  /** One session's list; or leave it out and give `from` and `to` (and maybe `cityId`). */
  sessionId?: number;
  cityId?: number;
  /** Brussels calendar dates, YYYY-MM-DD, both inclusive, compared with the session's start. */
  from?: string;
  to?: string;
  /** The moment of the export (UTC ISO-8601); dates the file name of a session's list. */
  now?: string;
}

export interface AttendeeExport {
  /** The file, streamed, with its download headers. */
  response: Response;
  /** One Dutch line for the audit log: which list, which filters, which format. */
  summary: string;
}

/**
 * The attendee list as a download, for a resource route:
 *
 *     const { response, summary } = await attendeeExportResponse({ scope, format, sessionId, now });
 *     await recordAudit({ organiserId, action: "attendees.export", subjectType: "export",
 *       subjectId: sessionId ?? null, summary });
 *     return response;
 *
 * Bad options are refused by THROWING a `Response` with a Dutch plain-text message, the way a
 * Remix loader refuses: 400 for options that make no sense (unknown format, a date that does not
 * exist, `from` after `to`, an unknown city), 404 for a session that does not exist or lies
 * outside the organiser's scope (the two look the same, so the answer reveals nothing).
 * A city or period outside the scope is not refused: it simply yields the rows the scope allows,
 * which may be none, because a partner's organiser may see some sessions of any city.
 */
export async function attendeeExportResponse(
  options: AttendeeExportOptions,
): Promise<AttendeeExport> {
  const { t } = i18n();
  const format = parseFormat(options.format);
  const filter = parseFilter(options);
  const now = options.now ?? new Date().toISOString();
  const { db } = database();
  const subject =
    filter.kind === "session"
      ? await sessionSubject(db, options.scope, filter.sessionId, now)
      : await rangeSubject(db, filter);

  const body = lazyByteStream(() => {
    const lines = attendeeLines(db, options.scope, filter);
    return format === "xlsx" ? xlsxBody(lines) : csvBody(lines, format);
  });
  const fileName = safeFileName(
    [t("export.fileName.prefix"), ...subject.fileNameParts],
    format === "xlsx" ? "xlsx" : "csv",
  );
  const response = new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
  return { response, summary: subject.summary(t(`export.format.${format}`)) };
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  "csv-comma": "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

// ——— Options ———————————————————————————————————————————————————————————————————————————

type ExportFilter =
  | { kind: "session"; sessionId: number }
  | {
      kind: "range";
      cityId: number | null;
      from: string;
      to: string;
      /** The UTC instants of the Brussels midnights that bound the period: [start, end). */
      startsFrom: string;
      startsBefore: string;
    };

function refuse(status: 400 | 404, key: MessageKey): Response {
  return new Response(i18n().t(key), {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

function parseFormat(format: string): ExportFormat {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format))
    throw refuse(400, "export.error.format");
  return format as ExportFormat;
}

function isId(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0;
}

/** A real calendar date in YYYY-MM-DD form ("2026-02-30" is not one). */
function isCalendarDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

function parseFilter(options: AttendeeExportOptions): ExportFilter {
  const { sessionId, cityId, from, to } = options;
  const asksRange = cityId !== undefined || from !== undefined || to !== undefined;
  if (sessionId !== undefined) {
    if (asksRange) throw refuse(400, "export.error.sessionAndRange");
    if (!isId(sessionId)) throw refuse(400, "export.error.sessionId");
    return { kind: "session", sessionId };
  }
  if (from === undefined || to === undefined) throw refuse(400, "export.error.choose");
  if (cityId !== undefined && !isId(cityId)) throw refuse(400, "export.error.cityId");
  if (!isCalendarDate(from)) throw refuse(400, "export.error.from");
  if (!isCalendarDate(to)) throw refuse(400, "export.error.to");
  if (from > to) throw refuse(400, "export.error.range");
  const dayAfterTo = DateTime.fromISO(to).plus({ days: 1 }).toISODate() ?? to;
  return {
    kind: "range",
    cityId: cityId ?? null,
    from,
    to,
    startsFrom: brusselsTimeToInstant(from, "00:00"),
    startsBefore: brusselsTimeToInstant(dayAfterTo, "00:00"),
  };
}

// ——— What the list is of: file name and audit line ——————————————————————————————————————

interface ExportSubject {
  fileNameParts: string[];
  summary: (formatLabel: string) => string;
}

async function sessionSubject(
  db: Kysely<Database>,
  scope: SessionScope,
  sessionId: number,
  now: string,
): Promise<ExportSubject> {
  const session = await db
    .selectFrom("sessions")
    .select(["sessions.slug", "sessions.title", "sessions.starts_at"])
    .where("sessions.id", "=", sessionId)
    .where(sessionInScope(scope))
    .executeTakeFirst();
  if (!session) throw refuse(404, "export.error.sessionNotFound");
  const { t } = i18n();
  return {
    fileNameParts: [session.slug, brusselsDate(now)],
    summary: (format) =>
      t("export.summary.session", {
        title: session.title,
        slug: session.slug,
        date: formatDate(brusselsWallClock(session.starts_at)),
        format,
      }),
  };
}

async function rangeSubject(
  db: Kysely<Database>,
  filter: Extract<ExportFilter, { kind: "range" }>,
): Promise<ExportSubject> {
  const { t } = i18n();
  const city =
    filter.cityId === null
      ? null
      : await db
          .selectFrom("cities")
          .select(["slug", "name"])
          .where("id", "=", filter.cityId)
          .executeTakeFirst();
  if (filter.cityId !== null && !city) throw refuse(400, "export.error.cityNotFound");
  const dutchDate = (date: string) => date.split("-").reverse().join("/");
  return {
    fileNameParts: [city?.slug ?? t("export.fileName.allCities"), filter.from, filter.to],
    summary: (format) =>
      t("export.summary.range", {
        city: city?.name ?? t("export.summary.allCities"),
        from: dutchDate(filter.from),
        to: dutchDate(filter.to),
        format,
      }),
  };
}

/**
 * "deelnemers-ontbijt-leuven-2026-12-01.csv": lower-case ASCII letters, digits and dashes only,
 * so the name can sit between the quotes of Content-Disposition whatever a slug or a
 * translation holds (no quotes, slashes, control characters or non-ASCII).
 */
function safeFileName(parts: string[], extension: "csv" | "xlsx"): string {
  const stem = parts
    .join("-")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/, "");
  return `${stem || "deelnemers"}.${extension}`;
}

// ——— The rows ——————————————————————————————————————————————————————————————————————————

/** Rows read from the cursor per round trip on PostgreSQL (SQLite reads row by row anyway). */
const BATCH_SIZE = 500;
/** Rows between two turns of the event loop, so one long export does not stall other requests. */
const ROWS_PER_TURN = 500;

function attendeeQuery(db: Kysely<Database>, scope: SessionScope, filter: ExportFilter) {
  let query = db
    .selectFrom("registrations")
    .innerJoin("sessions", "sessions.id", "registrations.session_id")
    .innerJoin("cities", "cities.id", "sessions.city_id")
    .select([
      "sessions.title as session_title",
      "sessions.starts_at",
      "sessions.ends_at",
      "cities.name as city_name",
      "sessions.venue_name",
      "registrations.name",
      "registrations.email",
      "registrations.organisation",
      "registrations.enterprise_number",
      "registrations.dietary_needs",
      "registrations.status",
      "registrations.created_at",
      "registrations.checked_in_at",
      "registrations.source",
    ])
    .where(sessionInScope(scope))
    .where("registrations.status", "in", ["confirmed", "waitlisted"]);
  if (filter.kind === "session") {
    query = query.where("sessions.id", "=", filter.sessionId);
  } else {
    query = query
      .where("sessions.starts_at", ">=", filter.startsFrom)
      .where("sessions.starts_at", "<", filter.startsBefore);
    if (filter.cityId !== null) query = query.where("sessions.city_id", "=", filter.cityId);
  }
  const status = sql.ref("registrations.status");
  // Per session: the confirmed attendees by name, then the waiting list in its own order.
  // Names sort by the database's collation (binary on SQLite), lower-cased so case does not count.
  return query
    .orderBy("sessions.starts_at")
    .orderBy("sessions.id")
    .orderBy(sql`case when ${status} = 'confirmed' then 0 else 1 end`)
    .orderBy(
      sql`case when ${status} = 'waitlisted' then ${sql.ref("registrations.queue_position")} else 0 end`,
    )
    .orderBy(
      sql`case when ${status} = 'confirmed' then lower(${sql.ref("registrations.name")}) else '' end`,
    )
    .orderBy("registrations.id");
}

type AttendeeRow = Awaited<ReturnType<ReturnType<typeof attendeeQuery>["executeTakeFirstOrThrow"]>>;

/** One line of the list, in the order and with the names of the file's columns. */
interface AttendeeLine {
  session: string;
  date: Date;
  start: Date;
  end: Date;
  city: string;
  venue: string;
  name: string;
  email: string;
  organisation: string;
  enterpriseNumber: string;
  dietaryNeeds: string;
  status: string;
  registeredAt: Date;
  checkedIn: string;
  source: string;
}

type CellKind = "text" | "date" | "time" | "dateTime";

const COLUMNS: ReadonlyArray<{ key: keyof AttendeeLine; kind: CellKind; width: number }> = [
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
  { key: "dietaryNeeds", kind: "text", width: 28 },
  { key: "status", kind: "text", width: 13 },
  { key: "registeredAt", kind: "dateTime", width: 17 },
  { key: "checkedIn", kind: "text", width: 10 },
  { key: "source", kind: "text", width: 16 },
];

function headers(): string[] {
  const { t } = i18n();
  return COLUMNS.map((column) => t(`export.column.${column.key}`));
}

/** The lines of the list, read from a database cursor as the writer asks for them. */
async function* attendeeLines(
  db: Kysely<Database>,
  scope: SessionScope,
  filter: ExportFilter,
): AsyncGenerator<AttendeeLine> {
  const toLine = lineMaker();
  let count = 0;
  for await (const row of attendeeQuery(db, scope, filter).stream(BATCH_SIZE)) {
    yield toLine(row);
    if (++count % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

function lineMaker(): (row: AttendeeRow) => AttendeeLine {
  const { t } = i18n();
  const statusLabel: Record<Exclude<RegistrationStatus, "cancelled">, string> = {
    confirmed: t("export.status.confirmed"),
    waitlisted: t("export.status.waitlisted"),
  };
  const yes = t("export.checkedIn.yes");
  const byOrganiser = t("export.source.organiser");
  const byWebsite = t("export.source.public");
  return (row) => {
    const start = brusselsWallClock(row.starts_at);
    return {
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
      dietaryNeeds: row.dietary_needs ?? "",
      status: row.status === "cancelled" ? "" : statusLabel[row.status],
      registeredAt: brusselsWallClock(row.created_at),
      checkedIn: row.checked_in_at ? yes : "",
      source: row.source === "organiser" ? byOrganiser : byWebsite,
    };
  };
}

// ——— Cells ———————————————————————————————————————————————————————————————————————————————

const FORMULA_TRIGGER = /^[=+\-@\t\r]/;
/** The start of the text and of every line in it, before a formula trigger. */
const LINE_FORMULA_TRIGGER = /(?<=^|[\r\n])(?=[=+\-@\t\r])/g;
/** A CR or an LF. Not global: csv-stringify tests the same regex against every field. */
const LINE_BREAK = /[\r\n]/;

/**
 * Keeps a spreadsheet from reading text as a formula (CSV/formula injection): text that begins
 * with =, +, -, @, a tab or a carriage return gets a leading apostrophe, and so does every line
 * in it that does, after a CR or an LF, for a reader that takes a line break for a new row.
 * "+32 16 27 20 00" becomes "'+32 16 27 20 00", "ok\n=1+1" becomes "ok\n'=1+1"; Excel then
 * shows the apostrophe, and runs nothing.
 */
export function neutraliseFormula(text: string): string {
  // Most text is one line: one anchored test is a fifth of the cost of the replace.
  if (!LINE_BREAK.test(text)) return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
  return text.replace(LINE_FORMULA_TRIGGER, "'");
}

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

const pad = (n: number) => String(n).padStart(2, "0");
const formatDate = (d: Date) =>
  `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
const formatTime = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/** Text as it goes in a CSV cell: dates the way a Belgian Excel reads them, text neutralised. */
function csvCell(value: string | Date, kind: CellKind): string {
  if (typeof value === "string") return neutraliseFormula(value);
  if (kind === "date") return formatDate(value);
  if (kind === "time") return formatTime(value);
  return `${formatDate(value)} ${formatTime(value)}`;
}

/**
 * A typed XLSX cell value. A date keeps only its day, a time only its time of day (Excel's day
 * zero plus the hours), the way Excel itself stores "03/12/2026" and "07:30" typed in a cell.
 * Empty text stays an empty cell, which Excel's filter lists as "(Lege cellen)".
 */
function xlsxCell(value: string | Date, kind: CellKind): string | Date | null {
  if (typeof value === "string") return value === "" ? null : neutraliseFormula(value);
  if (kind === "date") {
    return new Date(Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate()));
  }
  if (kind === "time") {
    return new Date(Date.UTC(1899, 11, 30, value.getUTCHours(), value.getUTCMinutes()));
  }
  return value;
}

const NUMBER_FORMATS: Record<CellKind, string | undefined> = {
  text: undefined,
  date: "dd/mm/yyyy",
  time: "hh:mm",
  dateTime: "dd/mm/yyyy hh:mm",
};

// ——— Writers ———————————————————————————————————————————————————————————————————————————

/** UTF-8 with a BOM and CRLF: what Excel needs to read accents and line ends right. */
function csvBody(lines: AsyncIterable<AttendeeLine>, format: "csv" | "csv-comma"): Readable {
  // Excel ends a row at any CR or LF outside quotes, but with `record_delimiter: "\r\n"`
  // csv-stringify quotes only a field that holds the CRLF itself: a bare LF or CR would start a
  // new row with the rest of the field. `quoted_match` quotes every field that holds either.
  async function* records() {
    yield headers();
    for await (const line of lines) {
      yield COLUMNS.map((column) => csvCell(line[column.key], column.kind));
    }
  }
  // Readable.from pulls the next row only when the stringifier wants one; destroying the
  // stringifier (the download was cancelled) ends the generator, which closes the cursor.
  return pipeline(
    Readable.from(records()),
    stringify({
      delimiter: format === "csv" ? ";" : ",",
      record_delimiter: "\r\n",
      quoted_match: LINE_BREAK,
      bom: true,
    }),
    () => {
      // Errors reach the reader through the stringifier, which pipeline destroys with them.
    },
  );
}

function xlsxBody(lines: AsyncIterable<AttendeeLine>): Readable {
  const output = new PassThrough();
  writeWorkbook(lines, output).catch((error: unknown) => {
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return output;
}

/**
 * Streams the workbook into `output`. Inline strings instead of a shared-strings table, or
 * exceljs would keep every string until the end; each row is committed as soon as it is added,
 * so it leaves memory at once.
 */
async function writeWorkbook(lines: AsyncIterable<AttendeeLine>, output: PassThrough) {
  const { t } = i18n();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = t("site.name");
  // Frozen panes are written before the rows, so they are set when the sheet is made.
  const sheet = workbook.addWorksheet(t("export.sheetName"), {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
  });
  sheet.columns = COLUMNS.map((column) => ({ width: column.width }));
  const header = sheet.addRow(headers());
  const bold = { font: { bold: true } };
  header.eachCell((cell) => {
    cell.style = bold;
  });
  header.commit();

  // One style object per column, shared by all its cells: exceljs knows a style it has seen by
  // identity, and a fresh object per cell cost a style lookup per cell (a fifth of the time).
  const styles = COLUMNS.map((column) => ({ numFmt: NUMBER_FORMATS[column.kind] }));
  let rowCount = 1;
  for await (const line of lines) {
    if (output.destroyed) return; // the download was cancelled: leaving the loop closes the cursor
    const row = sheet.addRow(COLUMNS.map((column) => xlsxCell(line[column.key], column.kind)));
    styles.forEach((style, index) => {
      row.getCell(index + 1).style = style;
    });
    row.commit();
    if (++rowCount % ROWS_PER_TURN === 0) await zipCaughtUp(sheet, output);
  }
  // The filter covers the rows written, so it is set (and written) once they are known.
  sheet.autoFilter = `A1:${sheet.getColumn(COLUMNS.length).letter}${rowCount}`;
  sheet.commit();
  await workbook.commit();
}

/** Uncompressed XML that may wait for the compressor before the rows wait in the database. */
const MAX_PENDING_XML = 1024 * 1024;

/**
 * Waits until the zip has caught up with the rows, so rows wait in the database, not in memory.
 *
 * exceljs writes each row into its zip entry without looking at backpressure. The compressor
 * only gets a turn between batches, so it fell behind and the XML piled up: 64 MB of 100,000
 * rows, even with a fast reader. A slow reader stops the compressor, and the pile grows the same
 * way. The pile sits in the stream archiver reads the sheet from; exceljs 4.4 does not expose it,
 * so `pendingSheetEntry` reaches in, and if that ever fails the export still works, less flat.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet, output: Writable): Promise<void> {
  const entry = pendingSheetEntry(sheet);
  if (entry && entry.pendingBytes() > MAX_PENDING_XML) {
    await firstEvent([entry.stream, "drain"], [entry.stream, "error"], [output, "close"]);
  }
  if (output.writableNeedDrain) await firstEvent([output, "drain"], [output, "close"]);
}

interface InternalStream extends NodeJS.EventEmitter {
  writableLength?: number;
  _writableState?: { length?: number };
}

function pendingSheetEntry(sheet: ExcelJS.Worksheet) {
  const sheetStream = (sheet as unknown as { stream?: { pipes?: InternalStream[] } }).stream;
  const stream = sheetStream?.pipes?.[0];
  if (!stream || typeof stream.once !== "function") return undefined;
  return {
    stream,
    pendingBytes: () => stream.writableLength ?? stream._writableState?.length ?? 0,
  };
}

/** Resolves on the first of the events: a wait that a cancelled download also ends. */
function firstEvent(...events: Array<[NodeJS.EventEmitter, string]>): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      for (const [emitter, name] of events) emitter.off(name, done);
      resolve();
    };
    for (const [emitter, name] of events) emitter.on(name, done);
  });
}

/**
 * The web stream of a response body that starts the export only when the first byte is read.
 * An eager stream would open the cursor as soon as the Response exists, and on SQLite that
 * holds the one connection: the route's next query (the audit entry) would wait for a download
 * that waits for the route. Cancelling the download destroys the Node stream, and with it the
 * cursor.
 */
function lazyByteStream(open: () => Readable): ReadableStream<Uint8Array> {
  let source: Readable | undefined;
  let chunks: AsyncIterator<Buffer> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        source ??= open();
        chunks ??= source[Symbol.asyncIterator]();
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      },
      cancel() {
        source?.destroy();
      },
    },
    // No read-ahead: nothing is pulled until someone reads.
    { highWaterMark: 0 },
  );
}
