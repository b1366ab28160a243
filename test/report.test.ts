import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { CATALOGUES } from "../app/i18n/catalogues";
import { newOperationId } from "../app/lib/door-check-in";
import { cancelAttendee, setCheckedIn } from "../app/models/attendee.server";
import { applyDoorQueue } from "../app/models/door-check-in.server";
import { erasePersonByEmail, eraseRegistrationByToken } from "../app/models/erasure.server";
import { createOrganiser } from "../app/models/organiser.server";
import { applyRetention } from "../app/models/personal-data.server";
import { signUp } from "../app/models/registration.server";
import { issueRegistrationToken } from "../app/models/registration-token.server";
import { cancelSession } from "../app/models/session-editing.server";
import { database } from "../db/client";
import type { SessionKind } from "../db/schema";
import { writeTransaction } from "../db/transaction";
import { createSession, person, registrationsOf } from "./support/factories";
import { formFields } from "./support/form-page";
import { send } from "./support/http";
import { signedIn } from "./support/organisers";

/**
 * The city's report over HTTP, against a year whose every sign-up the test made itself through
 * the models (2025: the clock of the app is the real one, and the whole year lies behind it).
 * Every figure of every table, on the page and in the Excel file, is compared with what the test
 * counts from its own description of that year; then retention anonymises everyone and the
 * report must read the same. Scope, filters and refusals the same way.
 */

const NL = CATALOGUES["nl-BE"];
const HOUR = 3_600_000;
const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** What became of one sign-up, as the test makes it happen. */
type Outcome =
  | "came" // a seat, checked in
  | "noShow" // a seat, never checked in
  | "waits" // on the waiting list when the session began, and after
  | "waitsThenCancelledAfterStart" // waiting at the start; an organiser cancelled it later
  | "cancelsBefore" // a seat, cancelled by an organiser two days before
  | "promotedCame" // waiting, given the seat freed before the start, checked in
  | "walkIn"; // not signed up: let in at the door, without an address

interface SeedSession {
  key: string;
  city: "leuven" | "mechelen";
  kind: SessionKind;
  partners: ("unizo" | "voka")[];
  /** UTC instant of the start; every session lasts 90 minutes. */
  start: string;
  capacity: number;
  cancelled?: boolean;
  /** In the order they sign up: seats first, then the waiting list. */
  signUps: [who: string, outcome: Outcome][];
  /** Survey answers (ratings) of those who came; each of them got a thank-you. */
  ratings?: number[];
}

const YEAR: SeedSession[] = [
  {
    key: "before",
    city: "leuven",
    kind: "info",
    partners: ["unizo"],
    start: "2024-12-10T09:00:00.000Z",
    capacity: 5,
    signUps: [["bart", "came"]],
  },
  {
    key: "january",
    city: "leuven",
    kind: "info",
    partners: ["unizo"],
    start: "2025-01-15T09:00:00.000Z",
    capacity: 3,
    signUps: [
      ["ann", "came"],
      ["bart", "came"],
      ["cas", "noShow"],
      ["dirk", "waits"],
      ["eva", "waitsThenCancelledAfterStart"],
    ],
  },
  {
    key: "march",
    city: "leuven",
    kind: "breakfast",
    partners: ["unizo", "voka"],
    start: "2025-03-10T07:30:00.000Z",
    capacity: 2,
    signUps: [
      ["ann", "came"],
      ["fien", "cancelsBefore"],
      ["gert", "promotedCame"],
    ],
  },
  {
    key: "june",
    city: "mechelen",
    kind: "forum",
    partners: [],
    start: "2025-06-12T16:00:00.000Z",
    capacity: 6,
    signUps: [
      ["hans", "came"],
      ["ine", "noShow"],
      ["jan", "came"],
      ["kim", "came"],
      ["bart", "came"],
      // Two people the door let in who gave no address: two people, not one.
      ["walter", "walkIn"],
      ["wanda", "walkIn"],
    ],
    ratings: [5, 4, 3],
  },
  {
    key: "september",
    city: "mechelen",
    kind: "info",
    partners: ["voka"],
    start: "2025-09-08T09:00:00.000Z",
    capacity: 10,
    cancelled: true,
    signUps: [["lien", "noShow"]],
  },
  {
    key: "november",
    city: "leuven",
    kind: "info",
    partners: ["unizo"],
    start: "2025-11-20T12:00:00.000Z",
    capacity: 2,
    signUps: [
      ["mona", "came"],
      ["ann", "noShow"],
    ],
  },
  {
    key: "after",
    city: "leuven",
    kind: "info",
    partners: ["unizo"],
    start: "2026-01-14T09:00:00.000Z",
    capacity: 5,
    signUps: [["nina", "came"]],
  },
];

const CITY_NAMES = { leuven: "Leuven", mechelen: "Mechelen" };
const PARTNER_NAMES = { unizo: "Unizo", voka: "Voka" };
const emailOf = (who: string) => `${who}@rapport.example`;

/* What the test counts itself ------------------------------------------------------------- */

interface Expected {
  sessionsHeld: number;
  sessionsCancelled: number;
  seatsOffered: number;
  signUps: number;
  seatsTaken: number;
  attended: number;
  attendanceRate: number | null;
  noShowRate: number | null;
  waitingNeverSeated: number;
  people: number;
  newPeople: number;
  returningPeople: number;
  peoplePresent: number;
  surveyAnswers: number;
  responseRate: number | null;
  surveyAverage: number | null;
}

const SEATED: Outcome[] = ["came", "noShow", "promotedCame", "walkIn"];
const CAME: Outcome[] = ["came", "promotedCame", "walkIn"];
const WAITING: Outcome[] = ["waits", "waitsThenCancelledAfterStart"];

/** When each person first signed up for a session that took place (not cancelled). */
function firstSessions(): Map<string, string> {
  const first = new Map<string, string>();
  for (const session of YEAR) {
    if (session.cancelled) continue;
    for (const [who] of session.signUps) {
      const known = first.get(who);
      if (!known || session.start < known) first.set(who, session.start);
    }
  }
  return first;
}

/**
 * The figures of a set of sessions, counted from the description: `newFrom` is the start of the
 * period (or the month) before which a person counts as returning; `without`: people erased.
 */
function expected(
  sessions: SeedSession[],
  { newFrom, without = [] }: { newFrom: string; without?: string[] },
): Expected {
  const held = sessions.filter((session) => !session.cancelled);
  const signUps = held.flatMap((session) => session.signUps);
  const seated = signUps.filter(([, outcome]) => SEATED.includes(outcome)).length;
  const came = signUps.filter(([, outcome]) => CAME.includes(outcome)).length;
  const people = new Set(signUps.map(([who]) => who).filter((who) => !without.includes(who)));
  const present = new Set(
    signUps
      .filter(([who, outcome]) => CAME.includes(outcome) && !without.includes(who))
      .map(([who]) => who),
  );
  const first = firstSessions();
  const newcomers = [...people].filter((who) => (first.get(who) ?? "") >= newFrom);
  const ratings = held.flatMap((session) => session.ratings ?? []);
  const asked = held
    .filter((session) => session.ratings)
    .flatMap((session) => session.signUps.filter(([, outcome]) => CAME.includes(outcome))).length;
  return {
    sessionsHeld: held.length,
    sessionsCancelled: sessions.length - held.length,
    seatsOffered: held.reduce((sum, session) => sum + session.capacity, 0),
    signUps: signUps.length,
    seatsTaken: seated,
    attended: came,
    attendanceRate: seated ? came / seated : null,
    noShowRate: seated ? (seated - came) / seated : null,
    waitingNeverSeated: signUps.filter(([, outcome]) => WAITING.includes(outcome)).length,
    people: people.size,
    newPeople: newcomers.length,
    returningPeople: people.size - newcomers.length,
    peoplePresent: present.size,
    surveyAnswers: ratings.length,
    responseRate: asked ? ratings.length / asked : null,
    surveyAverage:
      ratings.length >= 3
        ? ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length
        : null,
  };
}

const MONTHS_NL = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

/** The rows the page and the file should have for this choice of 2025's sessions. */
function expectedTables(chosen: SeedSession[], options: { without?: string[] } = {}) {
  const inYear = chosen.filter((s) => s.start >= "2025-01-01" && s.start < "2025-12-31T23");
  const period = { newFrom: "2024-12-31T23:00:00.000Z" };
  const all = { ...period, ...options };
  const rows = (groups: [string, SeedSession[]][]) =>
    Object.fromEntries(groups.map(([label, sessions]) => [label, expected(sessions, all)]));
  const months = MONTHS_NL.map((name, index): [string, Expected] => {
    const start = `2025-${String(index + 1).padStart(2, "0")}-01`;
    const next = index === 11 ? "2026-01-01" : `2025-${String(index + 2).padStart(2, "0")}-01`;
    // Brussels midnight: 23:00 UTC the day before in winter, 22:00 in summer.
    const bound = (date: string) =>
      new Date(`${date}T00:00:00+0${summer(date) ? 2 : 1}:00`).toISOString();
    const sessions = inYear.filter((s) => s.start >= bound(start) && s.start < bound(next));
    return [`${name} 2025`, expected(sessions, { ...options, newFrom: bound(start) })];
  });
  const partnersOf = (key: "unizo" | "voka") =>
    inYear.filter((session) => session.partners.includes(key));
  return {
    total: expected(inYear, all),
    "Per maand": Object.fromEntries(months),
    "Per stad": rows(
      (["leuven", "mechelen"] as const)
        .map((city): [string, SeedSession[]] => [
          CITY_NAMES[city],
          inYear.filter((s) => s.city === city),
        ])
        .filter(([, sessions]) => sessions.length),
    ),
    "Per soort sessie": rows(
      (["info", "breakfast", "forum"] as const)
        .map((kind): [string, SeedSession[]] => [
          NL[`kind.${kind}`],
          inYear.filter((s) => s.kind === kind),
        ])
        .filter(([, sessions]) => sessions.length),
    ),
    "Per partner": rows(
      [
        ...(["unizo", "voka"] as const).map((key): [string, SeedSession[]] => [
          PARTNER_NAMES[key],
          partnersOf(key),
        ]),
        ["Zonder partner", inYear.filter((s) => s.partners.length === 0)] as [
          string,
          SeedSession[],
        ],
      ].filter(([, sessions]) => sessions.length),
    ),
  };
}

/** Whether Brussels keeps summer time at the start of this date (2025: 30 March to 26 October). */
const summer = (date: string) => date > "2025-03-30" && date <= "2025-10-26";

/* The year, made through the models -------------------------------------------------------- */

const registrationIds = new Map<string, number>();
let ids: { cities: Record<string, number>; partners: Record<string, number> };

async function seedYear() {
  const { db } = database();
  const now = new Date().toISOString();
  const admin = await createOrganiser({
    email: "rapport-beheer@leuven.test",
    name: "Rapporteur",
    password: "een-lang-genoeg-wachtwoord",
    role: "admin",
  });
  const actor = (at: number) => ({ organiserId: admin.id, now: iso(at) });
  const cities: Record<string, number> = {};
  for (const [slug, name] of Object.entries(CITY_NAMES)) {
    const row = await db
      .insertInto("cities")
      .values({ slug: `rapport-${slug}`, name, province: "Antwerpen", created_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    cities[slug] = row.id;
  }
  const partners: Record<string, number> = {};
  for (const [slug, name] of Object.entries(PARTNER_NAMES)) {
    const row = await db
      .insertInto("partners")
      .values({ slug: `rapport-${slug}`, name, website: null, created_at: now })
      .returning("id")
      .executeTakeFirstOrThrow();
    partners[slug] = row.id;
  }
  ids = { cities, partners };

  for (const seed of YEAR) {
    const start = Date.parse(seed.start);
    const session = await createSession({
      title: `Rapportsessie ${seed.key}`,
      city_id: cities[seed.city],
      kind: seed.kind,
      starts_at: seed.start,
      ends_at: iso(start + 1.5 * HOUR),
      capacity: seed.capacity,
      partners: [],
    });
    for (const [position, key] of seed.partners.entries()) {
      await db
        .insertInto("session_partners")
        .values({ session_id: session.id, partner_id: partners[key] ?? 0, position })
        .execute();
    }
    for (const [n, [who, outcome]] of seed.signUps.entries()) {
      if (outcome === "walkIn") continue;
      const result = await signUp(
        session.slug,
        person(n, { name: `Ondernemer ${who}`, email: emailOf(who) }),
        { locale: "nl-BE", now: iso(start - 10 * 24 * HOUR + n * MINUTE) },
      );
      expect(result, `${who} signs up for ${seed.key}`).toEqual({ ok: true });
    }
    const idOf = async (who: string) =>
      (await registrationsOf(session.id)).find(
        (r) => r.email === emailOf(who) || r.name === `Ondernemer ${who}`,
      )?.id ?? 0;
    for (const [who] of seed.signUps) registrationIds.set(`${seed.key}:${who}`, await idOf(who));
    if (seed.cancelled) {
      const cancelled = await cancelSession(session.id, actor(start - 5 * 24 * HOUR));
      expect(cancelled.ok).toBe(true);
      continue;
    }
    for (const [who, outcome] of seed.signUps) {
      const id = await idOf(who);
      if (outcome === "cancelsBefore") {
        expect((await cancelAttendee(id, actor(start - 2 * 24 * HOUR))).ok).toBe(true);
      }
    }
    for (const [who, outcome] of seed.signUps) {
      if (outcome !== "walkIn") continue;
      const at = iso(start + 20 * MINUTE);
      const operation = {
        id: newOperationId(),
        kind: "walkIn" as const,
        name: `Ondernemer ${who}`,
        email: null,
        at,
      };
      const queued = await applyDoorQueue(
        session.id,
        { sentAt: at, operations: [operation] },
        actor(start + 20 * MINUTE),
      );
      expect(queued, who).toMatchObject({ ok: true });
    }
    for (const [who, outcome] of seed.signUps) {
      const id = await idOf(who);
      if (CAME.includes(outcome) && outcome !== "walkIn") {
        expect((await setCheckedIn(id, true, actor(start + 10 * MINUTE))).ok, who).toBe(true);
      }
      if (outcome === "waitsThenCancelledAfterStart") {
        expect((await cancelAttendee(id, actor(start + 30 * MINUTE))).ok).toBe(true);
      }
    }
    // The statuses are as the description says: the model did what the test counts on.
    const rows = await registrationsOf(session.id);
    for (const [who, outcome] of seed.signUps) {
      const id = await idOf(who);
      const row = rows.find((r) => r.id === id);
      const status = {
        came: "confirmed",
        noShow: "confirmed",
        promotedCame: "confirmed",
        walkIn: "confirmed",
        waits: "waitlisted",
        waitsThenCancelledAfterStart: "cancelled",
        cancelsBefore: "cancelled",
      }[outcome];
      expect(row?.status, `${who} at ${seed.key}`).toBe(status);
    }
    if (seed.ratings) {
      for (const [who, outcome] of seed.signUps) {
        if (!CAME.includes(outcome)) continue;
        await db
          .insertInto("session_follow_ups")
          .values({
            registration_id: await idOf(who),
            session_id: session.id,
            kind: "thankYou",
            queued_at: iso(start + 4 * HOUR),
          })
          .execute();
      }
      for (const rating of seed.ratings) {
        await db
          .insertInto("survey_responses")
          .values({ session_id: session.id, rating, useful: "yes", comment: null })
          .execute();
      }
    }
  }
}

/* Reading the report ------------------------------------------------------------------------ */

const entities: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#x27;": "'",
};
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&(?:amp|lt|gt|quot|#x27);/g, (entity) => entities[entity] ?? entity)
    .trim();

/** A cell as a number: a count, a share (0.81 for "81 %"), an average ("4,3"); null for "–". */
function cellValue(cell: string, key: string): number | null {
  if (cell.includes(NL["report.notShown"])) return null;
  if (cell.endsWith("%")) return Number(cell.replace(/[^\d]/g, "")) / 100;
  if (key === "surveyAverage") return Number(cell.replace(",", "."));
  return Number(cell.replace(/[^\d]/g, ""));
}

const FIGURES: (keyof Expected)[] = [
  "sessionsHeld",
  "sessionsCancelled",
  "seatsOffered",
  "signUps",
  "seatsTaken",
  "attended",
  "attendanceRate",
  "noShowRate",
  "waitingNeverSeated",
  "people",
  "newPeople",
  "returningPeople",
  "peoplePresent",
  "surveyAnswers",
  "responseRate",
  "surveyAverage",
];

/**
 * A breakdown of the page by its section heading: its two tables (the sessions, the people)
 * read as one, rows by their first cell, figures by column in the order of FIGURES.
 */
function tableOf(html: string, heading: string) {
  const start = html.indexOf(`>${heading}</h2>`);
  expect(start, heading).toBeGreaterThan(0);
  // Up to the next breakdown's heading: each table scrolls in a <section> of its own.
  const next = html.indexOf("<h2", start);
  const section = html.slice(start, next === -1 ? undefined : next);
  const tables = [...section.matchAll(/<table[\s\S]*?<\/table>/g)].map(([table]) => table);
  expect(tables, heading).toHaveLength(2);
  const headers: string[] = [];
  const cells = new Map<string, string[]>();
  for (const table of tables) {
    const head = table.slice(0, table.indexOf("</thead>"));
    headers.push(
      ...[...head.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)]
        .slice(1)
        .map((match) => textOf(match[1] ?? "")),
    );
    for (const [, row = ""] of table.matchAll(/<tr>(.*?)<\/tr>/g)) {
      const label = /<th scope="row">(.*?)<\/th>/.exec(row)?.[1];
      if (label === undefined) continue;
      const values = [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => textOf(m[1] ?? ""));
      cells.set(textOf(label), [...(cells.get(textOf(label)) ?? []), ...values]);
    }
  }
  expect(headers).toEqual(FIGURES.map((key) => NL[`report.figure.${key}`]));
  const rows: Record<string, Record<string, number | null>> = {};
  for (const [label, values] of cells) {
    rows[label] = Object.fromEntries(
      FIGURES.map((key, index) => [key, cellValue(values[index] ?? "", key)]),
    );
  }
  return rows;
}

/** What the page shows: shares as whole percentages, the average with one decimal. */
function asShown(figures: Expected): Record<string, number | null> {
  return Object.fromEntries(
    FIGURES.map((key) => {
      const value = figures[key];
      if (value === null) return [key, null];
      if (key.endsWith("Rate")) return [key, Math.round(value * 100) / 100];
      if (key === "surveyAverage") return [key, Math.round(value * 10) / 10];
      return [key, value];
    }),
  );
}

async function reportPage(query: string, cookie: string) {
  const response = await send(`/beheer/cijfers?${query}`, { cookie });
  return { status: response.status, html: await response.text() };
}

function expectPage(html: string, tables: ReturnType<typeof expectedTables>) {
  for (const heading of ["Per maand", "Per stad", "Per soort sessie", "Per partner"] as const) {
    const rows = tableOf(html, heading);
    const wanted = tables[heading];
    expect(Object.keys(rows), heading).toEqual([...Object.keys(wanted), "Totaal"]);
    for (const [label, figures] of Object.entries(wanted)) {
      expect(rows[label], `${heading}: ${label}`).toEqual(asShown(figures));
    }
    expect(rows.Totaal, `${heading}: total`).toEqual(asShown(tables.total));
  }
}

async function workbookOf(query: string, cookie: string) {
  const response = await send(`/beheer/cijfers.xlsx?${query}`, { cookie });
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe(
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  );
  expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename="cijfers-/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  return workbook;
}

function expectWorkbook(workbook: ExcelJS.Workbook, tables: ReturnType<typeof expectedTables>) {
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
    "Overzicht",
    "Per maand",
    "Per stad",
    "Per soort sessie",
    "Per partner",
  ]);
  for (const heading of ["Per maand", "Per stad", "Per soort sessie", "Per partner"] as const) {
    const sheet = workbook.getWorksheet(heading);
    const values = (sheet?.getSheetValues() ?? []).filter(Boolean) as unknown[][];
    const [header, ...rows] = values.map((row) => row.slice(1));
    expect(header?.slice(1)).toEqual(FIGURES.map((key) => NL[`report.figure.${key}`]));
    const wanted = { ...tables[heading], Totaal: tables.total };
    expect(rows.map((row) => row[0])).toEqual(Object.keys(wanted));
    for (const row of rows) {
      const figures = wanted[String(row[0]) as keyof typeof wanted] as Expected;
      const cells = FIGURES.map((_, index) => row[index + 1] ?? null);
      expect(cells, `${heading}: ${row[0]}`).toEqual(
        FIGURES.map((key) =>
          figures[key] === null ? null : expect.closeTo(figures[key] as number, 10),
        ),
      );
    }
  }
}

const YEAR_2025 = "periode=jaar&jaar=2025";

/** The sessions of the description with these keys. */
const only = (...keys: string[]) => YEAR.filter((session) => keys.includes(session.key));

describe("the city's report", () => {
  let admin: string;
  beforeAll(async () => {
    await seedYear();
    admin = await signedIn("admin");
  });

  it("gives every figure of a known year, on the page and in the Excel file", async () => {
    const tables = expectedTables(YEAR);
    // The description itself: a returning person, waiting-list demand, a survey, a cancellation.
    expect(tables.total).toMatchObject({
      sessionsHeld: 4,
      sessionsCancelled: 1,
      people: 14,
      returningPeople: 1,
      waitingNeverSeated: 2,
      surveyAnswers: 3,
      surveyAverage: 4,
    });
    const response = await send(`/beheer/cijfers?${YEAR_2025}`, { cookie: admin });
    expect(response.status).toBe(200);
    // Figures of people's sign-ups: no cache keeps them.
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const html = await response.text();
    expectPage(html, tables);
    expect(textOf(html)).toContain("Sessies van 1 januari 2025 tot en met 31 december 2025");
    // Each chart is an image named by its title, with its table beside it.
    expect(
      html.match(/<svg class="bar-chart"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"/g),
    ).toHaveLength(4);
    const workbook = await workbookOf(YEAR_2025, admin);
    expectWorkbook(workbook, tables);
    const summary = workbook.getWorksheet("Overzicht")?.getSheetValues() as unknown[][];
    expect(summary[2]?.slice(1)).toEqual(["Periode", "1 januari 2025 – 31 december 2025"]);
  });

  it("writes each download to the audit log, with its period and filters", async () => {
    await workbookOf(`${YEAR_2025}&stad=${ids.cities.mechelen}&soort=forum`, admin);
    const { db } = database();
    const entry = await db
      .selectFrom("audit_log")
      .select(["action", "subject_type", "details"])
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe("report.export");
    expect(JSON.parse(entry.details ?? "{}")).toEqual({
      from: "2025-01-01",
      to: "2025-12-31",
      cityId: ids.cities.mechelen,
      kind: "forum",
      partnerId: null,
    });
    const log = await send("/beheer/logboek", { cookie: admin });
    expect(textOf(await log.text())).toContain(
      "Cijfers van Mechelen, sessies van 2025-01-01 tot 2025-12-31, alleen startersfora, gedownload als Excel (xlsx).",
    );
  });

  it("shows a partner's organiser their sessions only, and a city's organiser their city", async () => {
    const voka = await signedIn("organiser", { partnerSlugs: ["rapport-voka"] });
    const partnerPage = await reportPage(YEAR_2025, voka);
    expect(partnerPage.status).toBe(200);
    expectPage(partnerPage.html, expectedTables(only("march", "september")));
    expect(partnerPage.html).not.toContain("Rapportsessie");
    expectWorkbook(await workbookOf(YEAR_2025, voka), expectedTables(only("march", "september")));
    // Asking for another partner's sessions gives none of them.
    const other = await reportPage(`${YEAR_2025}&partner=${ids.partners.unizo}`, voka);
    expectPage(other.html, expectedTables(only("march")));

    const mechelen = await signedIn("organiser", { citySlugs: ["rapport-mechelen"] });
    expectPage(
      (await reportPage(YEAR_2025, mechelen)).html,
      expectedTables(only("june", "september")),
    );
  });

  it("filters by city, kind, partner, quarter and dates, from the form as a browser sends it", async () => {
    const { html } = await reportPage(YEAR_2025, admin);
    const fields = formFields(html, "report");
    expect(Object.fromEntries(fields)).toMatchObject({ periode: "jaar", jaar: "2025", stad: "" });

    fields.set("stad", String(ids.cities.leuven));
    fields.set("soort", "info");
    expectPage(
      (await reportPage(fields.toString(), admin)).html,
      expectedTables(only("january", "november")),
    );

    const quarter = formFields(html, "report");
    quarter.set("periode", "k1");
    quarter.set("partner", String(ids.partners.unizo));
    const firstQuarter = await reportPage(quarter.toString(), admin);
    expect(textOf(firstQuarter.html)).toContain(
      "Sessies van 1 januari 2025 tot en met 31 maart 2025",
    );
    expect(tableOf(firstQuarter.html, "Per maand").Totaal).toEqual(
      asShown(expected(only("january", "march"), { newFrom: "2024-12-31T23:00:00.000Z" })),
    );
    expect(Object.keys(tableOf(firstQuarter.html, "Per maand"))).toEqual([
      "januari 2025",
      "februari 2025",
      "maart 2025",
      "Totaal",
    ]);

    const dates = formFields(html, "report");
    dates.set("periode", "data");
    dates.set("van", "2025-03-01");
    dates.set("tot", "2025-06-30");
    const spring = await reportPage(dates.toString(), admin);
    expect(spring.status).toBe(200);
    expect(tableOf(spring.html, "Per stad").Totaal).toEqual(
      asShown(expected(only("march", "june"), { newFrom: "2025-02-28T23:00:00.000Z" })),
    );
  });

  it("refuses dates that are no dates, or the wrong way round, with a message at the field", async () => {
    const cases: [string, string][] = [
      ["periode=data&van=2025-02-30&tot=2025-03-31", "De begindatum is geen geldige datum"],
      [
        "periode=data&van=2025-06-01&tot=2025-03-31",
        "De einddatum mag niet vóór de begindatum liggen",
      ],
      ["periode=data&van=2025-06-01", "Vul een einddatum in"],
      ["periode=data&van=2020-01-01&tot=2025-01-01", "Een periode beslaat hoogstens 3 jaar"],
      ["periode=jaar&jaar=1850", "Kies een jaar tussen 2000 en 2100"],
      ["periode=maand", "Kies een periode"],
    ];
    for (const [query, message] of cases) {
      const page = await reportPage(query, admin);
      expect(page.status, query).toBe(400);
      expect(textOf(page.html), query).toContain(message);
      expect(page.html, query).not.toContain('class="bar-chart"');
      const file = await send(`/beheer/cijfers.xlsx?${query}`, { cookie: admin });
      expect(file.status, query).toBe(400);
      expect(await file.text(), query).toContain(message);
    }
  });

  it("counts an erased person's seat and check-in, not the person", async () => {
    const gert = registrationIds.get("march:gert") ?? 0;
    const token = await writeTransaction((trx) =>
      issueRegistrationToken(trx, gert, "manage", new Date().toISOString()),
    );
    expect(await eraseRegistrationByToken(token)).toMatchObject({ ok: true });
    const { html } = await reportPage(YEAR_2025, admin);
    expectPage(html, expectedTables(YEAR, { without: ["gert"] }));
    expect(textOf(html)).toContain("1 inschrijving telt mee zonder persoon");
  });

  it("reads the same after retention has anonymised everyone", async () => {
    const tables = expectedTables(YEAR, { without: ["gert"] });
    const before = await reportPage(YEAR_2025, admin);
    const file = await workbookOf(YEAR_2025, admin);

    // Retention, 18 months on: every registration of 2025 loses its person.
    const run = await applyRetention({ now: "2027-06-01T00:00:00.000Z" });
    // Every registration of the description, but the one erased before.
    expect(run.registrations).toBe(19);
    expect(run.pseudonyms).toBe(0);
    const { db } = database();
    const people = await db
      .selectFrom("registrations")
      .select("id")
      .where("email", "like", "%@rapport.example")
      .execute();
    expect(people).toEqual([]);
    // The moved clock ended every sign-in session too.
    admin = await signedIn("admin");

    const after = await reportPage(YEAR_2025, admin);
    expectPage(after.html, tables);
    for (const heading of ["Per maand", "Per stad", "Per soort sessie", "Per partner"]) {
      expect(tableOf(after.html, heading), heading).toEqual(tableOf(before.html, heading));
    }
    const again = await workbookOf(YEAR_2025, admin);
    expectWorkbook(again, tables);
    for (const sheet of file.worksheets) {
      expect(again.getWorksheet(sheet.name)?.getSheetValues(), sheet.name).toEqual(
        sheet.getSheetValues(),
      );
    }
  });

  it("forgets a person's pseudonym PSEUDONYM_MONTHS after their last session, and says so", async () => {
    // 36 months after 15 January 2025 and a day: those who came only then are forgotten.
    const run = await applyRetention({ now: "2028-01-16T12:00:00.000Z" });
    const gone = ["cas", "dirk", "eva"];
    expect(run.pseudonyms).toBe(gone.length);
    admin = await signedIn("admin");
    const { status, html } = await reportPage(YEAR_2025, admin);
    expect(status, html.slice(0, 3000)).toBe(200);
    expect(tableOf(html, "Per stad").Totaal).toEqual(
      asShown(
        expected(only("january", "march", "june", "september", "november"), {
          newFrom: "2024-12-31T23:00:00.000Z",
          without: ["gert", ...gone],
        }),
      ),
    );
    expect(textOf(html)).toContain("4 inschrijvingen tellen mee zonder persoon");
  });

  it("forgets an erased address also in registrations retention anonymised before", async () => {
    const { db } = database();
    const organiser = await db
      .selectFrom("organisers")
      .select("id")
      .where("role", "=", "admin")
      .executeTakeFirstOrThrow();
    // Ann's registrations no longer hold her address; her pseudonym still ties them together.
    expect(await erasePersonByEmail(emailOf("ann"), { organiserId: organiser.id })).toEqual({
      erased: 0,
      promoted: 0,
    });
    const { html } = await reportPage(YEAR_2025, admin);
    expect(tableOf(html, "Per stad").Totaal).toEqual(
      asShown(
        expected(only("january", "march", "june", "september", "november"), {
          newFrom: "2024-12-31T23:00:00.000Z",
          without: ["gert", "cas", "dirk", "eva", "ann"],
        }),
      ),
    );
    expect(textOf(html)).toContain("7 inschrijvingen tellen mee zonder persoon");
  });
});
