/**
 * The city's report for a year of 2,000 sessions and 60,000 registrations, rendered through
 * HTTP by the production build. The database holds two such years (the report's year and the
 * one before, so that returning people are looked up as in real use), 12 cities, 20 partners,
 * about 30,000 people of whom many come back, check-ins, waiting lists, cancellations,
 * thank-yous and survey answers. Prints the median and p95 of BENCH_RENDERS renders (20) of
 * the page, beside the same page for an empty year in the same run (the baseline: the same
 * page, filters and queries with nothing to count), and of the Excel download; checks the
 * figures against the seeded ones first.
 *
 *   npm run bench:report                        # SQLite, then PostgreSQL (TEST_POSTGRES_URL)
 *   BENCH_REPORT=sqlite npm run bench:report    # one of them
 *   BENCH_RENDERS=50 npm run bench:report
 *   BENCH_KEEP=/tmp/report.sqlite BENCH_REPORT=sqlite npm run bench:report   # keep the database
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { sql } from "kysely";
import pg from "pg";
import { hashPassword } from "../app/lib/password.server";
import { createOrganiserIn } from "../app/models/organiser.server";
import { personKey } from "../app/models/pseudonym.server";
import { registrationKeys } from "../app/models/registration.server";
import { createDatabase, type DatabaseHandle } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import type { NewRegistration, NewSession } from "../db/schema";
import { writeTransaction } from "../db/transaction";
import { cpuMs, percentile, signInOrganiser, startApp, stopApp, timedGet } from "./app";

const SECRET = "bench-secret-that-is-long-enough-for-the-check";
// The pseudonyms seeded here must be those the app makes: the same secret.
process.env.SESSION_SECRET = SECRET;

const SESSIONS = 2000;
const REGISTRATIONS = 60_000;
const PEOPLE = 30_000;
const RENDERS = Number(process.env.BENCH_RENDERS ?? 20);
const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const PORT = 3911;
const PASSWORD = "bench-report-wachtwoord";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const THIS_YEAR = new Date().getUTCFullYear();
/** The report's year: the last whole one. */
const YEAR = THIS_YEAR - 1;

/** A small deterministic random source, so every run seeds the same data. */
function random(seed: number) {
  // mulberry32: 32-bit arithmetic throughout (Math.imul), so no precision is lost.
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

interface Seeded {
  held: number;
  cancelled: number;
  signUps: number;
  seatsTaken: number;
  attended: number;
}

const BATCH = 500;

async function insertAll<T extends "sessions" | "registrations">(
  handle: DatabaseHandle,
  table: T,
  rows: (T extends "sessions" ? NewSession : NewRegistration)[],
): Promise<number[]> {
  const ids: number[] = [];
  for (let at = 0; at < rows.length; at += BATCH) {
    const inserted = await handle.db
      .insertInto(table)
      .values(rows.slice(at, at + BATCH) as never)
      .returning("id")
      .execute();
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

/** One year of sessions and sign-ups; what the report must find for it. */
async function seedYear(
  handle: DatabaseHandle,
  year: number,
  places: { cities: number[]; partners: number[] },
): Promise<Seeded> {
  const next = random(year);
  const now = new Date().toISOString();
  const yearStart = Date.UTC(year, 0, 1, 8);
  const sessions: NewSession[] = Array.from({ length: SESSIONS }, (_, n) => {
    const start = yearStart + Math.floor((n / SESSIONS) * 364) * DAY + (n % 4) * 2 * HOUR;
    return {
      slug: `sessie-${year}-${n}`,
      city_id: places.cities[n % places.cities.length] ?? 0,
      kind: (["info", "breakfast", "forum"] as const)[n % 3] ?? "info",
      title: `Sessie ${n} van ${year}`,
      summary: "Een sessie voor ondernemers.",
      description: "Uitleg, vragen en een drankje.",
      venue_name: "Stadhuis",
      venue_address: "Grote Markt 1",
      starts_at: new Date(start).toISOString(),
      ends_at: new Date(start + 1.5 * HOUR).toISOString(),
      capacity: 24 + (n % 11),
      registration_opens_at: null,
      registration_closes_at: null,
      language: "nl",
      status: n % 20 === 7 ? "cancelled" : "scheduled",
      created_at: now,
      updated_at: now,
    };
  });
  const sessionIds = await insertAll(handle, "sessions", sessions);
  const links = sessionIds.flatMap((sessionId, n) =>
    Array.from({ length: n % 3 }, (_, position) => ({
      session_id: sessionId,
      partner_id: places.partners[(n + position * 7) % places.partners.length] ?? 0,
      position,
    })),
  );
  for (let at = 0; at < links.length; at += BATCH) {
    await handle.db
      .insertInto("session_partners")
      .values(links.slice(at, at + BATCH))
      .execute();
  }

  const seeded: Seeded = { held: 0, cancelled: 0, signUps: 0, seatsTaken: 0, attended: 0 };
  const registrations: NewRegistration[] = [];
  const thankYous: { session: number; index: number }[] = [];
  const perSession = REGISTRATIONS / SESSIONS;
  for (const [n, session] of sessions.entries()) {
    const sessionId = sessionIds[n] ?? 0;
    const start = Date.parse(session.starts_at);
    if (session.status === "cancelled") seeded.cancelled++;
    else seeded.held++;
    const chosen = new Set<number>();
    // Most people come once or twice; a few regulars come often (a skewed pick).
    while (chosen.size < perSession) chosen.add(Math.floor(next() ** 1.5 * PEOPLE));
    [...chosen].forEach((personIndex, index) => {
      const email = `ondernemer${personIndex}@example.org`;
      const signedUpAt = new Date(start - (1 + index) * 3 * HOUR).toISOString();
      const roll = next();
      const seated = index < session.capacity && roll > 0.05;
      const status = seated ? "confirmed" : roll <= 0.05 ? "cancelled" : ("waitlisted" as const);
      const came = seated && next() < 0.8;
      registrations.push({
        session_id: sessionId,
        ...registrationKeys(signedUpAt),
        name: `Ondernemer ${personIndex}`,
        email,
        email_normalized: email,
        person_key: personKey(email),
        organisation: null,
        enterprise_number: null,
        locale: "nl-BE",
        status,
        consented_at: signedUpAt,
        created_at: signedUpAt,
        updated_at: signedUpAt,
        confirmed_at: seated ? signedUpAt : null,
        cancelled_at: status === "cancelled" ? signedUpAt : null,
        checked_in_at: came ? session.starts_at : null,
      });
      if (session.status === "cancelled") return;
      seeded.signUps++;
      if (seated) seeded.seatsTaken++;
      if (came) {
        seeded.attended++;
        thankYous.push({ session: n, index: registrations.length - 1 });
      }
    });
  }
  const registrationIds = await insertAll(handle, "registrations", registrations);
  const followUps = thankYous.map(({ session, index }) => ({
    registration_id: registrationIds[index] ?? 0,
    session_id: sessionIds[session] ?? 0,
    kind: "thankYou" as const,
    queued_at: sessions[session]?.ends_at ?? now,
  }));
  for (let at = 0; at < followUps.length; at += BATCH) {
    await handle.db
      .insertInto("session_follow_ups")
      .values(followUps.slice(at, at + BATCH))
      .execute();
  }
  // A third of those thanked answer the survey.
  const answers = followUps
    .filter((_, n) => n % 3 === 0)
    .map((followUp, n) => ({
      session_id: followUp.session_id,
      rating: 1 + (n % 5),
      useful: "yes" as const,
      comment: null,
    }));
  for (let at = 0; at < answers.length; at += BATCH) {
    await handle.db
      .insertInto("survey_responses")
      .values(answers.slice(at, at + BATCH))
      .execute();
  }
  return seeded;
}

async function seed(handle: DatabaseHandle): Promise<Seeded> {
  await migrateToLatest(handle.db);
  const now = new Date().toISOString();
  const cities = await handle.db
    .insertInto("cities")
    .values(
      Array.from({ length: 12 }, (_, n) => ({
        slug: `stad-${n}`,
        name: `Stad ${n}`,
        province: "Vlaams-Brabant",
        created_at: now,
      })),
    )
    .returning("id")
    .execute();
  const partners = await handle.db
    .insertInto("partners")
    .values(
      Array.from({ length: 20 }, (_, n) => ({
        slug: `partner-${n}`,
        name: `Partner ${n}`,
        website: null,
        created_at: now,
      })),
    )
    .returning("id")
    .execute();
  const places = { cities: cities.map((c) => c.id), partners: partners.map((p) => p.id) };
  await seedYear(handle, YEAR - 1, places);
  const seeded = await seedYear(handle, YEAR, places);
  const hash = await hashPassword(PASSWORD);
  await writeTransaction(
    (trx) =>
      createOrganiserIn(
        trx,
        { email: "bench@leuven.test", name: "Bench", password: PASSWORD, role: "admin" },
        hash,
      ),
    handle,
  );
  return seeded;
}

async function series(url: string, cookie: string, renders: number, app: ChildProcess) {
  for (let n = 0; n < 3; n++) await timedGet(url, cookie);
  const times: number[] = [];
  let bytes = 0;
  const cpuBefore = cpuMs(app.pid);
  for (let n = 0; n < renders; n++) {
    const result = await timedGet(url, cookie);
    times.push(result.ms);
    bytes = result.bytes;
  }
  const cpu = (cpuMs(app.pid) - cpuBefore) / renders;
  times.sort((a, b) => a - b);
  return { median: percentile(times, 50), p95: percentile(times, 95), cpu, bytes };
}

/** The file's total row of the month sheet must hold what was seeded. */
async function checkFigures(base: string, cookie: string, seeded: Seeded) {
  const { body } = await timedGet(`${base}/beheer/cijfers.xlsx?periode=jaar&jaar=${YEAR}`, cookie);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength) as ArrayBuffer,
  );
  const sheet = workbook.getWorksheet("Per maand");
  const total = sheet?.getRow(sheet.actualRowCount).values as unknown[];
  const found = {
    held: total[2],
    cancelled: total[3],
    signUps: total[5],
    seatsTaken: total[6],
    attended: total[7],
  };
  const wanted = { ...seeded };
  if (JSON.stringify(found) !== JSON.stringify(wanted)) {
    throw new Error(`the report says ${JSON.stringify(found)}, seeded ${JSON.stringify(wanted)}`);
  }
  return `${seeded.held} held, ${seeded.cancelled} cancelled, ${seeded.signUps} sign-ups, ${total[11]} people (${total[12]} new)`;
}

async function run(label: string, url: string) {
  const handle = createDatabase(url);
  let app: ChildProcess | undefined;
  try {
    const seedStarted = performance.now();
    const seeded = await seed(handle);
    // What autovacuum does soon after a bulk load on PostgreSQL: the planner's statistics, and
    // the visibility map that lets an index answer alone. (SQLite gathers no statistics by
    // itself, and the app does not ask it to: it runs as it would in use.)
    if (handle.dialect === "postgres") await sql`vacuum analyze`.execute(handle.db);
    const version = await sql
      .raw<{ v: string }>(
        handle.dialect === "postgres" ? "select version() as v" : "select sqlite_version() as v",
      )
      .execute(handle.db);
    console.log(
      `${label} (${version.rows[0]?.v.split(" on ")[0]}): seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    app = await startApp({
      NODE_ENV: "production",
      PORT: String(PORT),
      DATABASE_URL: url,
      SESSION_SECRET: SECRET,
      SEED_ON_START: "off",
    });
    const base = `http://127.0.0.1:${PORT}`;
    const cookie = await signInOrganiser(base, "bench@leuven.test", PASSWORD);
    console.log(`  figures: ${await checkFigures(base, cookie, seeded)}`);
    const page = `${base}/beheer/cijfers?periode=jaar&jaar=${YEAR}`;
    const empty = `${base}/beheer/cijfers?periode=jaar&jaar=2001`;
    const file = `${base}/beheer/cijfers.xlsx?periode=jaar&jaar=${YEAR}`;
    const started = app;
    const rows = [
      ["report, empty year (baseline)", await series(empty, cookie, RENDERS, started)],
      [`report, ${YEAR}`, await series(page, cookie, RENDERS, started)],
      [`report, ${YEAR}, one city`, await series(`${page}&stad=1`, cookie, RENDERS, started)],
      [`Excel file, ${YEAR}`, await series(file, cookie, Math.max(5, RENDERS / 2), started)],
    ] as const;
    const baseline = rows[0][1].median;
    for (const [name, figures] of rows) {
      console.log(
        `  ${name.padEnd(32)} median ${figures.median.toFixed(0).padStart(5)} ms  p95 ${figures.p95.toFixed(0).padStart(5)} ms  app CPU ${figures.cpu.toFixed(0).padStart(5)} ms  ${(figures.bytes / 1024).toFixed(0).padStart(4)} KiB  ×${(figures.median / baseline).toFixed(1)}`,
      );
    }
  } finally {
    if (app) await stopApp(app);
    await handle.db.destroy();
    await handle.changes?.close();
  }
}

const which = process.env.BENCH_REPORT ?? "both";
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log(
  `${SESSIONS} sessions and ${REGISTRATIONS} registrations a year, ${YEAR - 1} and ${YEAR}; report of ${YEAR}; ${RENDERS} renders after 3 to warm up`,
);
if (which !== "postgres") {
  const dir = mkdtempSync(join(tmpdir(), "oa-report-"));
  try {
    await run("SQLite", `file:${process.env.BENCH_KEEP ?? join(dir, "report.sqlite")}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (which !== "sqlite") {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  admin.on("error", (error) => console.error("admin connection:", error.message));
  const connected = await admin.connect().then(
    () => true,
    () => false,
  );
  if (!connected) {
    console.warn(`no PostgreSQL at ${POSTGRES_ADMIN_URL}: skipped`);
  } else {
    const name = `oa_bench_report_${process.pid}`;
    await admin.query(`create database ${name}`);
    const url = new URL(POSTGRES_ADMIN_URL);
    url.pathname = `/${name}`;
    try {
      await run("PostgreSQL", url.toString());
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
}
console.log(
  `load after: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
