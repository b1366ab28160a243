import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { dietaryQuestion } from "../app/lib/questions";
import { neutraliseFormula } from "../app/lib/spreadsheet.server";
import { recordAudit } from "../app/models/audit.server";
import { type ExportFormat, exportAttendees } from "../app/models/export.server";
import { addQuestionsIn, storeAnswersIn } from "../app/models/question.server";
import { registrationKeys } from "../app/models/registration.server";
import type { SessionScope } from "../app/models/scope.server";
import { attendeeDownload } from "../app/web/attendee-sheet.server";
import { database } from "../db/client";
import type { NewRegistration } from "../db/schema";
import { createSession } from "./support/factories";
import { send } from "./support/http";
import { signedInOrganiser } from "./support/organisers";

const NOW = "2026-11-25T10:00:00.000Z";
const ALL: SessionScope = { all: true };
const HEADER = [
  "Sessie",
  "Datum",
  "Start",
  "Einde",
  "Stad",
  "Locatie",
  "Naam",
  "E-mail",
  "Organisatie",
  "Ondernemingsnummer",
  "Status",
  "Ingeschreven op",
  "Aanwezig",
  "Toegevoegd door",
  // The breakfast's question: one column per question, after the fixed ones.
  "Voedingswensen of allergieën",
];
const BOM = [0xef, 0xbb, 0xbf];

let attendeeCounter = 0;

/** The session's question about dietary needs, added the first time it is asked for. */
async function dietQuestionOf(sessionId: number): Promise<number> {
  const { db } = database();
  const existing = await db
    .selectFrom("session_questions")
    .select("id")
    .where("session_id", "=", sessionId)
    .executeTakeFirst();
  if (existing) return existing.id;
  const [id = 0] = await addQuestionsIn(db, sessionId, [dietaryQuestion()], NOW);
  return id;
}

/**
 * A registration written straight to the table, so a test controls every field; `diet` is its
 * answer to the session's question about dietary needs.
 */
async function addAttendee(
  sessionId: number,
  { diet, ...fields }: Partial<NewRegistration> & { diet?: string } = {},
) {
  const n = ++attendeeCounter;
  const createdAt = fields.created_at ?? "2026-11-20T13:05:00.000Z";
  const email = fields.email ?? `deelnemer${n}@example.org`;
  return database()
    .db.insertInto("registrations")
    .values({
      session_id: sessionId,
      ...registrationKeys(createdAt),
      name: `Deelnemer ${n}`,
      email,
      email_normalized: email.toLowerCase(),
      organisation: null,
      enterprise_number: null,
      locale: "nl-BE",
      status: "confirmed",
      consented_at: createdAt,
      created_at: createdAt,
      updated_at: createdAt,
      confirmed_at: fields.status === "waitlisted" ? null : createdAt,
      cancelled_at: null,
      ...fields,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
    .then(async (registration) => {
      if (diet) {
        const questionId = await dietQuestionOf(sessionId);
        await storeAnswersIn(database().db, registration.id, [{ questionId, value: diet }]);
      }
      return registration;
    });
}

/** Many attendees at once, for the tests that need more rows than the stream buffers hold. */
async function addManyAttendees(sessionId: number, count: number) {
  const { db } = database();
  for (let first = 0; first < count; first += 200) {
    const rows = Array.from({ length: Math.min(200, count - first) }, (_, i) => {
      const email = `massa${sessionId}-${first + i}@example.org`;
      return {
        session_id: sessionId,
        ...registrationKeys(NOW),
        name: `Massa ${first + i}`,
        email,
        email_normalized: email,
        organisation: "Een vrij lange organisatienaam om de rijen wat breder te maken bv",
        enterprise_number: null,
        locale: "nl-BE",
        status: "confirmed" as const,
        consented_at: NOW,
        created_at: NOW,
        updated_at: NOW,
        confirmed_at: NOW,
        cancelled_at: null,
      };
    });
    await db.insertInto("registrations").values(rows).execute();
  }
}

async function renameCity(cityId: number, name: string) {
  await database().db.updateTable("cities").set({ name }).where("id", "=", cityId).execute();
}

/** The scope of an organiser who works for the (only) partner of a session. */
async function partnerScopeOf(sessionId: number): Promise<SessionScope> {
  const row = await database()
    .db.selectFrom("session_partners")
    .select("partner_id")
    .where("session_id", "=", sessionId)
    .executeTakeFirstOrThrow();
  return { all: false, cityIds: [], partnerIds: [row.partner_id] };
}

function cityScope(...cityIds: number[]): SessionScope {
  return { all: false, cityIds, partnerIds: [] };
}

/** What a route asks for: one session's list, or a period (of one city). */
interface AttendeeExportOptions {
  scope: SessionScope;
  format: ExportFormat;
  sessionId?: number;
  cityId?: number;
  from?: string;
  to?: string;
}

/** The export as the routes make it: the model's rows, written as a file. */
async function exportResponse(options: Partial<AttendeeExportOptions>) {
  const { scope = ALL, format = "csv", sessionId, cityId, from = "", to = "" } = options;
  const result = await exportAttendees({
    scope,
    filter:
      sessionId !== undefined
        ? { kind: "session", sessionId }
        : { kind: "range", cityId: cityId ?? null, from, to },
    format,
    organiserId: null,
    now: NOW,
  });
  if (!result.ok) return { result, response: null };
  return { result, response: attendeeDownload(result, { format, from, to, now: NOW }) };
}

async function exported(options: Partial<AttendeeExportOptions>) {
  const { response, result } = await exportResponse(options);
  if (!response) throw new Error(`not exported: ${JSON.stringify(result)}`);
  const bytes = Buffer.from(await response.arrayBuffer());
  return { response, bytes, audit: await lastExportAudit() };
}

/** The audit entry the last export wrote, with its details. */
async function lastExportAudit() {
  const row = await database()
    .db.selectFrom("audit_log")
    .selectAll()
    .where("action", "=", "attendees.export")
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  return { subjectId: row.subject_id, details: JSON.parse(row.details ?? "{}") as unknown };
}

async function csvRows(options: Partial<AttendeeExportOptions>): Promise<string[][]> {
  const { bytes } = await exported({ format: "csv", ...options });
  return parse(bytes, { delimiter: ";", bom: true, record_delimiter: "\r\n" });
}

async function names(options: Partial<AttendeeExportOptions>): Promise<string[]> {
  return (await csvRows(options)).slice(1).map((row) => row[6] ?? "");
}

async function workbookOf(sessionId: number) {
  const { bytes, response, audit } = await exported({ sessionId, format: "xlsx" });
  const workbook = new ExcelJS.Workbook();
  // exceljs's own typing of Buffer wants an ArrayBuffer.
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.getWorksheet("Deelnemers");
  if (!sheet) throw new Error("no sheet Deelnemers");
  return { sheet, response, audit };
}

async function within<T>(ms: number, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A breakfast in Leuven on Thursday 3 December 2026, 07:30–09:00 Brussels time. */
async function decemberBreakfast() {
  const session = await createSession({
    title: "Ontbijtsessie: subsidies voor je zaak",
    starts_at: "2026-12-03T06:30:00.000Z",
    ends_at: "2026-12-03T08:00:00.000Z",
    capacity: 2,
  });
  await addAttendee(session.id, {
    name: "Bram Claes",
    email: "bram@example.org",
    organisation: "Claes & Zonen, bakkerij",
    enterprise_number: "0123.456.749",
    diet: "Vegetarisch\nzonder noten",
    checked_in_at: "2026-12-03T06:40:00.000Z",
    source: "organiser",
    created_at: "2026-11-20T13:05:00.000Z",
  });
  await addAttendee(session.id, { name: "Annelies Peeters", email: "annelies@example.org" });
  // Joined the waiting list later, but an organiser moved her to the front.
  await addAttendee(session.id, {
    name: "Wout Janssens",
    status: "waitlisted",
    queue_position: 2_000,
    created_at: "2026-11-21T09:00:00.000Z",
  });
  await addAttendee(session.id, {
    name: "Sofie Maes",
    status: "waitlisted",
    queue_position: 1_000,
    created_at: "2026-11-22T09:00:00.000Z",
  });
  await addAttendee(session.id, {
    name: "Karel Afgemeld",
    status: "cancelled",
    cancelled_at: NOW,
    confirmed_at: null,
  });
  return session;
}

describe("the CSV export", () => {
  it("is UTF-8 with a BOM, `;` and CRLF, Dutch headers, Brussels times, without cancellations", async () => {
    const session = await decemberBreakfast();
    const { response, audit, bytes } = await exported({ sessionId: session.id });

    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="deelnemers-${session.slug}-2026-11-25.csv"`,
    );
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);

    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith(`${HEADER.join(";")}\r\n`)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    // The only bare LF is the one inside Bram's quoted dietary needs.
    expect(text.replace(/\r\n/g, "").match(/\n/g)).toHaveLength(1);
    expect(text).toContain(';"Vegetarisch\nzonder noten"\r\n');

    const rows = parse(bytes, { delimiter: ";", bom: true, record_delimiter: "\r\n" });
    const common = [
      "Ontbijtsessie: subsidies voor je zaak",
      "03/12/2026",
      "07:30",
      "09:00",
      "Leuven",
      "Stadhuis Leuven",
    ];
    expect(rows).toEqual([
      HEADER,
      [
        ...common,
        "Annelies Peeters",
        "annelies@example.org",
        "",
        "",
        "Ingeschreven",
        "20/11/2026 14:05",
        "",
        "website",
        "",
      ],
      [
        ...common,
        "Bram Claes",
        "bram@example.org",
        "Claes & Zonen, bakkerij",
        "0123.456.749",
        "Ingeschreven",
        "20/11/2026 14:05",
        "ja",
        "organisator",
        "Vegetarisch\nzonder noten",
      ],
      [
        ...common,
        "Sofie Maes",
        expect.any(String),
        "",
        "",
        "Wachtlijst",
        "22/11/2026 10:00",
        "",
        "website",
        "",
      ],
      [
        ...common,
        "Wout Janssens",
        expect.any(String),
        "",
        "",
        "Wachtlijst",
        "21/11/2026 10:00",
        "",
        "website",
        "",
      ],
    ]);
    expect(audit).toEqual({ subjectId: session.id, details: { format: "csv" } });
  });

  it("uses `,` in the comma variant and quotes what needs it", async () => {
    const session = await decemberBreakfast();
    const { bytes, response, audit } = await exported({
      sessionId: session.id,
      format: "csv-comma",
    });
    expect(response.headers.get("Content-Disposition")).toMatch(/\.csv"$/);
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const text = bytes.subarray(3).toString("utf8");
    expect(text.startsWith(`${HEADER.join(",")}\r\n`)).toBe(true);
    expect(text).toContain('"Claes & Zonen, bakkerij"');
    const rows = parse(bytes, { delimiter: ",", bom: true, record_delimiter: "\r\n" });
    expect(rows).toHaveLength(5);
    expect(rows[2]?.[8]).toBe("Claes & Zonen, bakkerij");
    expect(audit.details).toEqual({ format: "csv-comma" });
  });

  it("neutralises text that a spreadsheet would run as a formula", async () => {
    const session = await createSession({ kind: "breakfast" });
    await addAttendee(session.id, {
      name: '=HYPERLINK("http://evil")',
      organisation: "+32 16 27 20 00",
      diet: "-1",
    });
    await addAttendee(session.id, {
      name: "@SUM(1)",
      organisation: "\t=1+1",
      diet: "\r=2+2",
    });
    await addAttendee(session.id, { name: "Zeno Gewoon", organisation: "a=b" });

    const rows = (await csvRows({ sessionId: session.id })).slice(1);
    expect(rows.map((row) => [...row.slice(6, 10), ...row.slice(14)])).toEqual([
      ['\'=HYPERLINK("http://evil")', expect.any(String), "'+32 16 27 20 00", "", "'-1"],
      ["'@SUM(1)", expect.any(String), "'\t=1+1", "", "'\r'=2+2"],
      ["Zeno Gewoon", expect.any(String), "a=b", "", ""],
    ]);
  });

  it("shows Brussels time on both sides of the DST changes", async () => {
    const session = await createSession({
      starts_at: "2027-07-01T05:30:00.000Z",
      ends_at: "2027-07-01T07:00:00.000Z",
    });
    for (const [name, createdAt] of [
      ["a voor zomertijd", "2026-03-29T00:59:00.000Z"],
      ["b na zomertijd", "2026-03-29T01:00:00.000Z"],
      ["c voor wintertijd", "2026-10-25T00:59:00.000Z"],
      ["d na wintertijd", "2026-10-25T01:00:00.000Z"],
    ] as const) {
      await addAttendee(session.id, { name, created_at: createdAt });
    }
    const rows = (await csvRows({ sessionId: session.id })).slice(1);
    expect(rows.map((row) => [row[1], row[2], row[3], row[11]])).toEqual([
      ["01/07/2027", "07:30", "09:00", "29/03/2026 01:59"],
      ["01/07/2027", "07:30", "09:00", "29/03/2026 03:00"],
      ["01/07/2027", "07:30", "09:00", "25/10/2026 02:59"],
      ["01/07/2027", "07:30", "09:00", "25/10/2026 02:00"],
    ]);
  });

  it("names the file safely whatever the slug holds", async () => {
    const session = await createSession({ slug: 'Ontbijt "Gent"/../\r\nX-Evil: 1 café' });
    const { response } = await exported({ sessionId: session.id });
    expect(response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="deelnemers-ontbijt-gent-x-evil-1-cafe-2026-11-25.csv"',
    );
  });
});

describe("the XLSX export", () => {
  it("has a bold, frozen, filtered header row and typed date cells in Brussels time", async () => {
    const session = await decemberBreakfast();
    const { sheet, response, audit } = await workbookOf(session.id);

    expect(response.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="deelnemers-${session.slug}-2026-11-25.xlsx"`,
    );
    expect(audit.details).toEqual({ format: "xlsx" });

    const header = sheet.getRow(1);
    expect((header.values as unknown[]).slice(1)).toEqual(HEADER);
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:O5");
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getColumn(1).width).toBeGreaterThan(20);

    const bram = sheet.getRow(3);
    const date = bram.getCell(2);
    expect(date.type).toBe(ExcelJS.ValueType.Date);
    expect(date.value).toEqual(new Date(Date.UTC(2026, 11, 3)));
    expect(date.numFmt).toBe("dd/mm/yyyy");
    const start = bram.getCell(3);
    expect(start.type).toBe(ExcelJS.ValueType.Date);
    expect(start.numFmt).toBe("hh:mm");
    expect(start.value).toEqual(new Date(Date.UTC(1899, 11, 30, 7, 30)));
    expect(bram.getCell(4).value).toEqual(new Date(Date.UTC(1899, 11, 30, 9, 0)));
    const registeredAt = bram.getCell(12);
    expect(registeredAt.type).toBe(ExcelJS.ValueType.Date);
    expect(registeredAt.numFmt).toBe("dd/mm/yyyy hh:mm");
    expect(registeredAt.value).toEqual(new Date(Date.UTC(2026, 10, 20, 14, 5)));
    expect(bram.getCell(7).value).toBe("Bram Claes");
    expect(bram.getCell(10).value).toBe("0123.456.749");
    expect(bram.getCell(13).value).toBe("ja");
    expect(bram.getCell(14).value).toBe("organisator");
    expect(bram.getCell(15).value).toBe("Vegetarisch\nzonder noten");
    expect(sheet.getRow(5).getCell(11).value).toBe("Wachtlijst");
    // Annelies gave no organisation: an empty cell, not an empty string.
    expect(sheet.getRow(2).getCell(9).value).toBeNull();
  });

  it("keeps formula-like text as neutralised text, never as a formula", async () => {
    const session = await createSession();
    await addAttendee(session.id, {
      name: '=HYPERLINK("http://evil")',
      organisation: "+32 16 27 20 00",
      diet: "-1",
    });
    await addAttendee(session.id, { name: "@SUM(1)" });
    const { sheet } = await workbookOf(session.id);

    const cells = [
      sheet.getRow(2).getCell(7),
      sheet.getRow(2).getCell(9),
      sheet.getRow(2).getCell(15),
      sheet.getRow(3).getCell(7),
    ];
    expect(cells.map((cell) => cell.value)).toEqual([
      '\'=HYPERLINK("http://evil")',
      "'+32 16 27 20 00",
      "'-1",
      "'@SUM(1)",
    ]);
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
  });
});

describe("line breaks inside a cell", () => {
  const HOSTILE_NOTE = "x\n=cmd|' /C calc'!A0";
  const ATTENDEES = 4;

  /** Text typed by the public with line breaks in every form, some lines led by a formula. */
  async function hostileSession() {
    const session = await createSession();
    await addAttendee(session.id, {
      name: "Ilse Gewoon",
      email: "ilse@example.org",
      diet: HOSTILE_NOTE,
    });
    await addAttendee(session.id, {
      name: "ok\n=1+1",
      email: "lijnen@example.org",
      organisation: "ok\r@SUM(A1)",
      diet: "halal\r\n+32 16 27 20 00\n-2+3",
    });
    await addAttendee(session.id, {
      name: "Tom Tab",
      email: "tom@example.org",
      organisation: "BV\n\t=1",
      diet: "\r=2+2\n\r-x",
    });
    await addAttendee(session.id, {
      name: "Zeno Gewoon",
      email: "zeno@example.org",
      organisation: 'a=b; c,d "e"',
      diet: "Vegetarisch\nzonder noten",
    });
    return session;
  }

  /**
   * How Excel reads a CSV file: a field that starts with a quote runs to its closing quote, and
   * outside quotes any CR, LF or CRLF ends the row, even a bare LF in an unquoted field.
   */
  function spreadsheetRows(text: string, delimiter: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = "";
    let atFieldStart = true;
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const char = text.charAt(i);
      if (quoted) {
        if (char !== '"') cell += char;
        else if (text.charAt(i + 1) === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else if (char === '"' && atFieldStart) {
        quoted = true;
        atFieldStart = false;
      } else if (char === delimiter) {
        row.push(cell);
        cell = "";
        atFieldStart = true;
      } else if (char === "\r" || char === "\n") {
        if (char === "\r" && text.charAt(i + 1) === "\n") i++;
        row.push(cell);
        rows.push(row);
        row = [];
        cell = "";
        atFieldStart = true;
      } else {
        cell += char;
        atFieldStart = false;
      }
    }
    if (!atFieldStart || row.length > 0) rows.push([...row, cell]);
    return rows;
  }

  /** Every cell, and every line within a cell, that a spreadsheet could take for a formula. */
  function formulaLeads(cells: string[]): string[] {
    const number = /^-\d+([.,]\d+)?$/;
    return cells.filter(
      (cell) =>
        /^[\t\r]/.test(cell) ||
        cell
          .split(/\r\n|\r|\n/)
          .some((line) => /^[=+@\t\r]/.test(line) || (line.startsWith("-") && !number.test(line))),
    );
  }

  it.each([
    ["csv", ";"],
    ["csv-comma", ","],
  ] as const)(
    "keeps every %s row one row, and no line of a cell a formula",
    async (format, delimiter) => {
      const session = await hostileSession();
      const { bytes } = await exported({ sessionId: session.id, format });
      const text = bytes.subarray(3).toString("utf8");

      const readings = {
        "csv-parse, RFC 4180": parse(bytes, {
          delimiter,
          bom: true,
          record_delimiter: ["\r\n", "\n", "\r"],
          relax_column_count: true,
        }) as string[][],
        "a spreadsheet, breaking rows on CR, LF or CRLF": spreadsheetRows(text, delimiter),
      };
      for (const [reader, rows] of Object.entries(readings)) {
        expect(rows.length, `rows read by ${reader}`).toBe(1 + ATTENDEES);
        expect(
          rows.map((row) => row.length),
          `cells per row read by ${reader}`,
        ).toEqual(Array(1 + ATTENDEES).fill(HEADER.length));
        expect(formulaLeads(rows.flat()), `formula-led cells read by ${reader}`).toEqual([]);

        const byEmail = new Map(rows.map((row) => [row[7], row]));
        // Name, email, organisation, enterprise number, and the answer about dietary needs.
        const cells = (email: string) => {
          const row = byEmail.get(email) ?? [];
          return [...row.slice(6, 10), row[14]];
        };
        expect(cells("ilse@example.org")[4]).toBe("x\n'=cmd|' /C calc'!A0");
        expect(cells("lijnen@example.org")).toEqual([
          "ok\n'=1+1",
          "lijnen@example.org",
          "ok\r'@SUM(A1)",
          "",
          "halal\r\n'+32 16 27 20 00\n'-2+3",
        ]);
        expect(cells("tom@example.org").slice(2)).toEqual(["BV\n'\t=1", "", "'\r'=2+2\n'\r'-x"]);
        expect(cells("zeno@example.org").slice(2)).toEqual([
          'a=b; c,d "e"',
          "",
          "Vegetarisch\nzonder noten",
        ]);
      }
    },
  );

  it("keeps every line of an XLSX text cell from reading as a formula", async () => {
    const session = await hostileSession();
    const { sheet } = await workbookOf(session.id);
    expect(sheet.rowCount).toBe(1 + ATTENDEES);

    const texts: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        expect(cell.formula).toBeUndefined();
        if (typeof cell.value === "string") texts.push(cell.value);
      });
    });
    expect(formulaLeads(texts)).toEqual([]);
    // XML reads every CR and CRLF in a cell as an LF, and so does Excel.
    expect(texts).toContain("x\n'=cmd|' /C calc'!A0");
    expect(texts).toContain("ok\n'=1+1");
    expect(texts).toContain("ok\n'@SUM(A1)");
    expect(texts).toContain("halal\n'+32 16 27 20 00\n'-2+3");
    expect(texts).toContain("BV\n'\t=1");
    expect(texts).toContain("'\n'=2+2\n'\n'-x");
  });

  it.each([
    ["ok\n=1+1", "ok\n'=1+1"],
    ["ok\r@SUM(A1)", "ok\r'@SUM(A1)"],
    ["a\r\n+1", "a\r\n'+1"],
    ["a\n\n-b", "a\n\n'-b"],
    ["a\n\t=1", "a\n'\t=1"],
    ["a\n\r=1", "a\n'\r'=1"],
    ["\r=2+2", "'\r'=2+2"],
    ["=1\n=2", "'=1\n'=2"],
    ["a=b\nc-d+e\n", "a=b\nc-d+e\n"],
  ])("neutralises every line start of %j", (text, expected) => {
    expect(neutraliseFormula(text)).toBe(expected);
  });
});

describe("which attendees an export holds", () => {
  async function twoCities() {
    const leuven = await createSession({
      starts_at: "2027-03-10T08:00:00.000Z",
      ends_at: "2027-03-10T10:00:00.000Z",
      partners: ["Unizo"],
    });
    const gent = await createSession({
      starts_at: "2027-03-11T08:00:00.000Z",
      ends_at: "2027-03-11T10:00:00.000Z",
      partners: ["VOKA"],
    });
    await renameCity(gent.city_id, "Gent");
    await addAttendee(leuven.id, { name: "Lies uit Leuven" });
    await addAttendee(gent.id, { name: "Geert uit Gent" });
    return { leuven, gent };
  }
  const march = { from: "2027-03-01", to: "2027-03-31" };

  it("never leaves the organiser's cities", async () => {
    const { leuven, gent } = await twoCities();
    const both = { all: false as const, cityIds: [leuven.city_id, gent.city_id], partnerIds: [] };
    expect(await names({ ...march, scope: both })).toEqual(["Lies uit Leuven", "Geert uit Gent"]);
    expect(await names({ ...march, scope: cityScope(leuven.city_id) })).toEqual([
      "Lies uit Leuven",
    ]);
    // Asking for the other city by id changes nothing: the scope still applies.
    expect(
      await names({ ...march, scope: cityScope(leuven.city_id), cityId: gent.city_id }),
    ).toEqual([]);
    expect(await names({ ...march, scope: { all: false, cityIds: [], partnerIds: [] } })).toEqual(
      [],
    );
  });

  it("gives a partner's organiser only the sessions of that partner", async () => {
    const { gent } = await twoCities();
    const voka = await partnerScopeOf(gent.id);
    expect(await names({ ...march, scope: voka })).toEqual(["Geert uit Gent"]);
    expect(await names({ sessionId: gent.id, scope: voka })).toEqual(["Geert uit Gent"]);
  });

  it("refuses a session outside the scope with 404, as if it did not exist", async () => {
    const { leuven, gent } = await twoCities();
    const voka = await partnerScopeOf(gent.id);
    for (const scope of [cityScope(gent.city_id), voka]) {
      const { result } = await exportResponse({ scope, sessionId: leuven.id });
      expect(result).toEqual({ ok: false, reason: "sessionNotFound" });
    }
    const missing = await exportResponse({ scope: ALL, format: "xlsx", sessionId: 999_999 });
    expect(missing.result).toEqual({ ok: false, reason: "sessionNotFound" });
  });

  it("takes the period as inclusive Brussels dates, in winter and in summer time", async () => {
    const first = await createSession({ title: "Eerste" });
    const at = (startsAt: string, name: string) =>
      createSession({
        city_id: first.city_id,
        starts_at: startsAt,
        ends_at: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
      }).then((session) => addAttendee(session.id, { name }));
    await at("2026-11-30T22:59:00.000Z", "30 nov 23:59");
    await at("2026-11-30T23:00:00.000Z", "1 dec 00:00");
    await at("2026-12-02T22:59:00.000Z", "2 dec 23:59");
    await at("2026-12-02T23:00:00.000Z", "3 dec 00:00");
    await at("2027-06-30T21:59:00.000Z", "30 jun 23:59");
    await at("2027-06-30T22:00:00.000Z", "1 jul 00:00");
    await at("2027-07-01T21:59:00.000Z", "1 jul 23:59");
    await at("2027-07-01T22:00:00.000Z", "2 jul 00:00");
    const scope = cityScope(first.city_id);

    expect(await names({ scope, from: "2026-12-01", to: "2026-12-02" })).toEqual([
      "1 dec 00:00",
      "2 dec 23:59",
    ]);
    expect(await names({ scope, from: "2027-07-01", to: "2027-07-01" })).toEqual([
      "1 jul 00:00",
      "1 jul 23:59",
    ]);
    expect(
      await names({ scope, cityId: first.city_id, from: "2026-01-01", to: "2027-12-31" }),
    ).toHaveLength(8);
  });

  it("orders by session start, then the confirmed by name, then the waiting list", async () => {
    const later = await createSession({
      starts_at: "2028-01-10T08:00:00.000Z",
      ends_at: "2028-01-10T09:00:00.000Z",
    });
    const earlier = await createSession({
      city_id: later.city_id,
      starts_at: "2028-01-09T08:00:00.000Z",
      ends_at: "2028-01-09T09:00:00.000Z",
    });
    await addAttendee(later.id, { name: "zara" });
    await addAttendee(later.id, { name: "Anna" });
    await addAttendee(later.id, {
      name: "Eerst wachtend",
      status: "waitlisted",
      queue_position: 5,
    });
    await addAttendee(earlier.id, { name: "Xavier" });
    const { bytes, audit } = await exported({
      scope: cityScope(later.city_id),
      cityId: later.city_id,
      from: "2028-01-01",
      to: "2028-01-31",
      format: "xlsx",
    });
    expect(bytes.length).toBeGreaterThan(0);
    expect(audit).toEqual({
      subjectId: null,
      details: { format: "xlsx", cityId: later.city_id, from: "2028-01-01", to: "2028-01-31" },
    });
    expect(
      await names({ scope: cityScope(later.city_id), from: "2028-01-01", to: "2028-01-31" }),
    ).toEqual(["Xavier", "Anna", "zara", "Eerst wachtend"]);
  });

  it("names a period's file after the city, or all cities", async () => {
    const session = await createSession();
    const city = await database()
      .db.selectFrom("cities")
      .select("slug")
      .where("id", "=", session.city_id)
      .executeTakeFirstOrThrow();
    const one = await exported({
      cityId: session.city_id,
      from: "2026-12-01",
      to: "2026-12-31",
      format: "xlsx",
    });
    expect(one.response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="deelnemers-${city.slug}-2026-12-01-2026-12-31.xlsx"`,
    );
    const all = await exported({ from: "2026-12-01", to: "2026-12-31", scope: cityScope() });
    expect(all.response.headers.get("Content-Disposition")).toBe(
      'attachment; filename="deelnemers-alle-steden-2026-12-01-2026-12-31.csv"',
    );
    expect(all.audit.details).toEqual({
      format: "csv",
      cityId: null,
      from: "2026-12-01",
      to: "2026-12-31",
    });
  });
});

describe("bad options", () => {
  let cookie = "";
  beforeAll(async () => {
    ({ cookie } = await signedInOrganiser({
      email: `export-${process.pid}@example.org`,
      name: "Eva Export",
      password: "een-lang-genoeg-wachtwoord",
      role: "admin",
    }));
  });

  it.each([
    [
      { formaat: "pdf", van: "2026-12-01", tot: "2026-12-02" },
      "Onbekend exportformaat. Kies CSV (puntkomma), CSV (komma) of Excel.",
    ],
    [{}, "Kies één sessie, of een periode met een begin- en einddatum."],
    [{ van: "2026-12-01" }, "Kies één sessie, of een periode met een begin- en einddatum."],
    [{ stad: "1.5", van: "2026-12-01", tot: "2026-12-02" }, "Dit is geen geldig stadsnummer."],
    [
      { van: "2026-02-30", tot: "2026-03-02" },
      "De begindatum is geen geldige datum. Gebruik de vorm JJJJ-MM-DD.",
    ],
    [
      { van: "1/12/2026", tot: "2026-12-02" },
      "De begindatum is geen geldige datum. Gebruik de vorm JJJJ-MM-DD.",
    ],
    [
      { van: "2026-12-01", tot: "2026-13-01" },
      "De einddatum is geen geldige datum. Gebruik de vorm JJJJ-MM-DD.",
    ],
    [
      { van: "2026-12-02", tot: "2026-12-01" },
      "De begindatum moet vóór of op de einddatum liggen.",
    ],
    [{ stad: "999999", van: "2026-12-01", tot: "2026-12-02" }, "Deze stad bestaat niet."],
  ] as const)(
    "refuses %j with 400 and a Dutch message, and logs nothing",
    async (options, message) => {
      const before = await lastExportAudit().catch(() => null);
      const query = new URLSearchParams(options as Record<string, string>).toString();
      const response = await send(`/beheer/export/download?${query}`, { cookie });
      expect(response.status).toBe(400);
      expect(response.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toBe(message);
      expect(await lastExportAudit().catch(() => null)).toEqual(before);
    },
  );

  it("answers a session outside the scope with 404 and a Dutch message", async () => {
    const response = await send("/beheer/sessies/999999/export?formaat=csv", { cookie });
    expect(response.status).toBe(404);
    const unknown = await createSession();
    const refused = await send(`/beheer/sessies/${unknown.id}/export?formaat=pdf`, { cookie });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toBe(
      "Onbekend exportformaat. Kies CSV (puntkomma), CSV (komma) of Excel.",
    );
  });
});

describe("streaming", () => {
  it.each(["csv", "xlsx"] as const)(
    "reads nothing before the body is read, and a cancelled %s download frees the database",
    async (format) => {
      const session = await createSession();
      await addManyAttendees(session.id, 3_000);
      const { response } = await exportResponse({ format, sessionId: session.id });
      if (!response) throw new Error("not exported");
      // What a route does next: on SQLite an eager cursor would hold the only connection here.
      await within(
        5_000,
        recordAudit({
          organiserId: null,
          action: "attendees.export",
          subjectType: "export",
          subjectId: session.id,
          details: { format: "csv" },
        }),
      );

      const reader = response.body?.getReader();
      const first = await reader?.read();
      expect(first?.value?.byteLength).toBeGreaterThan(0);
      await reader?.cancel();

      const count = await within(
        5_000,
        database()
          .db.selectFrom("registrations")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("session_id", "=", session.id)
          .executeTakeFirstOrThrow(),
      );
      expect(Number(count.n)).toBe(3_000);
    },
  );

  it("streams a long list to the end", async () => {
    const session = await createSession();
    await addManyAttendees(session.id, 3_000);
    const rows = await csvRows({ sessionId: session.id });
    expect(rows).toHaveLength(3_001);
    expect(rows.at(-1)?.[6]).toBe("Massa 999");
  });
});
