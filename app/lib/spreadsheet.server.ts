import { PassThrough, pipeline, Readable, type Writable } from "node:stream";
import { stringify } from "csv-stringify";
import ExcelJS from "exceljs";

/*
 * Tables as files a Belgian Excel opens right, written as a stream: CSV (UTF-8 with a BOM, CRLF,
 * `;` or `,`) and XLSX. Rows come from an async iterable and are pulled only as fast as the file
 * is read, so memory stays flat however long the table is. Text typed by the public reaches a
 * spreadsheet only neutralised against formula injection.
 */

/**
 * A cell: text, a number the app made (an answer to a number question), or a Date whose UTC
 * fields are the wall-clock time to show.
 */
export type CellValue = string | number | Date;
/** `percent`: a share (0.25 shows as 25.0 %); `decimal`: a number shown with one decimal. */
export type CellKind = "text" | "number" | "decimal" | "percent" | "date" | "time" | "dateTime";

export interface Column {
  header: string;
  kind: CellKind;
  /** In characters, for XLSX. */
  width: number;
}

type SpreadsheetFormat = "csv" | "csv-comma" | "xlsx";

const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: "text/csv; charset=utf-8",
  "csv-comma": "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Rows between two turns of the event loop, so one long file does not stall other requests. */
const ROWS_PER_TURN = 500;

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

const pad = (n: number) => String(n).padStart(2, "0");
/** "03/12/2026", from a Date's UTC fields. */
const formatDate = (d: Date) =>
  `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
const formatTime = (d: Date) => `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;

/** Text as it goes in a CSV cell: dates the way a Belgian Excel reads them, text neutralised. */
function csvCell(value: CellValue, kind: CellKind): string {
  if (typeof value === "string") return neutraliseFormula(value);
  // A number is never text someone typed: "-3" is minus three, not a formula.
  if (typeof value === "number") return String(value);
  if (kind === "date") return formatDate(value);
  if (kind === "time") return formatTime(value);
  return `${formatDate(value)} ${formatTime(value)}`;
}

/**
 * A typed XLSX cell value. A date keeps only its day, a time only its time of day (Excel's day
 * zero plus the hours), the way Excel itself stores "03/12/2026" and "07:30" typed in a cell.
 * Empty text stays an empty cell, which Excel's filter lists as "(Lege cellen)".
 */
function xlsxCell(value: CellValue, kind: CellKind): string | number | Date | null {
  if (typeof value === "string") return value === "" ? null : neutraliseFormula(value);
  if (typeof value === "number") return value;
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
  number: undefined,
  decimal: "0.0",
  percent: "0.0%",
  date: "dd/mm/yyyy",
  time: "hh:mm",
  dateTime: "dd/mm/yyyy hh:mm",
};

// ——— CSV ———————————————————————————————————————————————————————————————————————————————

/** UTF-8 with a BOM and CRLF: what Excel needs to read accents and line ends right. */
export function csvFile(
  columns: readonly Column[],
  rows: AsyncIterable<CellValue[]>,
  { delimiter }: { delimiter: ";" | "," },
): Readable {
  // Excel ends a row at any CR or LF outside quotes, but with `record_delimiter: "\r\n"`
  // csv-stringify quotes only a field that holds the CRLF itself: a bare LF or CR would start a
  // new row with the rest of the field. `quoted_match` quotes every field that holds either.
  async function* records() {
    yield columns.map((column) => column.header);
    let count = 0;
    for await (const row of rows) {
      yield row.map((value, index) => csvCell(value, columns[index]?.kind ?? "text"));
      if (++count % ROWS_PER_TURN === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  // Readable.from pulls the next row only when the stringifier wants one; destroying the
  // stringifier (the download was cancelled) ends the generator, which closes the cursor.
  return pipeline(
    Readable.from(records()),
    stringify({ delimiter, record_delimiter: "\r\n", quoted_match: LINE_BREAK, bom: true }),
    () => {
      // Errors reach the reader through the stringifier, which pipeline destroys with them.
    },
  );
}

// ——— XLSX ——————————————————————————————————————————————————————————————————————————————

export function xlsxFile(
  columns: readonly Column[],
  rows: AsyncIterable<CellValue[]>,
  names: { sheet: string; creator: string },
): Readable {
  return xlsxWorkbook([{ name: names.sheet, columns, rows }], { creator: names.creator });
}

/** One sheet of a workbook: its name (at most 31 characters, as Excel wants), columns and rows. */
export interface Sheet {
  name: string;
  columns: readonly Column[];
  rows: AsyncIterable<CellValue[]>;
}

/** A workbook of several sheets, written one after the other as `xlsxFile` writes one. */
export function xlsxWorkbook(sheets: readonly Sheet[], { creator }: { creator: string }): Readable {
  const output = new PassThrough();
  writeWorkbook(sheets, creator, output).catch((error: unknown) => {
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return output;
}

/**
 * Streams the workbook into `output`. Inline strings instead of a shared-strings table, or
 * exceljs would keep every string until the end; each row is committed as soon as it is added,
 * so it leaves memory at once. Each sheet's header is bold and frozen, and its filter covers
 * its rows.
 */
async function writeWorkbook(sheets: readonly Sheet[], creator: string, output: PassThrough) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = creator;
  for (const { name, columns, rows } of sheets) {
    if (!(await writeSheet(workbook, name, columns, rows, output))) return;
  }
  await workbook.commit();
}

/** Writes one sheet; false when the download was cancelled on the way. */
async function writeSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: readonly Column[],
  rows: AsyncIterable<CellValue[]>,
  output: PassThrough,
): Promise<boolean> {
  // Frozen panes are written before the rows, so they are set when the sheet is made.
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }],
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const header = sheet.addRow(columns.map((column) => column.header));
  const bold = { font: { bold: true } };
  header.eachCell((cell) => {
    cell.style = bold;
  });
  header.commit();

  // One style object per column, shared by all its cells: exceljs knows a style it has seen by
  // identity, and a fresh object per cell cost a style lookup per cell (a fifth of the time).
  const styles = columns.map((column) => ({ numFmt: NUMBER_FORMATS[column.kind] }));
  let rowCount = 1;
  for await (const values of rows) {
    if (output.destroyed) return false; // the download was cancelled: leaving the loop closes the cursor
    const row = sheet.addRow(
      values.map((value, index) => xlsxCell(value, columns[index]?.kind ?? "text")),
    );
    styles.forEach((style, index) => {
      row.getCell(index + 1).style = style;
    });
    row.commit();
    if (++rowCount % ROWS_PER_TURN === 0) await zipCaughtUp(sheet, output);
  }
  // The filter covers the rows written, so it is set (and written) once they are known.
  sheet.autoFilter = `A1:${sheet.getColumn(columns.length).letter}${rowCount}`;
  sheet.commit();
  return true;
}

/** Uncompressed XML that may wait for the compressor before the rows wait in the database. */
const MAX_PENDING_XML = 1024 * 1024;

/**
 * Waits until the zip has caught up with the rows, so rows wait in the database, not in memory.
 *
 * exceljs writes each row into its zip entry without looking at backpressure. The compressor
 * only gets a turn between batches, so it fell behind and the XML piled up: 64 MB of 100,000
 * rows, even with a fast reader. A slow reader stops the compressor, and the pile grows the same
 * way. The pile sits in the stream archiver reads the sheet from, and no public API of exceljs
 * 4.4 tells its size or waits for it (a fast reader's output never waits, yet the pile grew), so
 * `pendingSheetEntry` reaches in; if that ever fails the export still works, less flat.
 */
async function zipCaughtUp(sheet: ExcelJS.Worksheet, output: Writable): Promise<void> {
  const entry = pendingSheetEntry(sheet);
  if (entry && entry.pendingBytes() > MAX_PENDING_XML) {
    await firstEvent([entry.stream, "drain"], [entry.stream, "error"], [output, "close"]);
  }
  if (output.writableNeedDrain) await firstEvent([output, "drain"], [output, "close"]);
  else await new Promise((resolve) => setImmediate(resolve));
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

// ——— The download ————————————————————————————————————————————————————————————————————————

/**
 * "deelnemers-ontbijt-leuven-2026-12-01.csv": lower-case ASCII letters, digits and dashes only,
 * so the name can sit between the quotes of Content-Disposition whatever a slug or a
 * translation holds (no quotes, slashes, control characters or non-ASCII).
 */
export function safeFileName(parts: string[], extension: "csv" | "xlsx"): string {
  const stem = parts
    .join("-")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 120)
    .replace(/-+$/, "");
  return `${stem || "export"}.${extension}`;
}

/**
 * A file download whose body starts the file only when the first byte is read. An eager stream
 * would open the database cursor as soon as the Response exists, and on SQLite that holds the
 * one connection: the next query of the same request would wait for a download that waits for
 * it. Cancelling the download destroys the Node stream, and with it the cursor.
 */
export function downloadResponse(
  format: SpreadsheetFormat,
  fileName: string,
  open: () => Readable,
): Response {
  let source: Readable | undefined;
  let chunks: AsyncIterator<Buffer> | undefined;
  const body = new ReadableStream<Uint8Array>(
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
  return new Response(body, {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
