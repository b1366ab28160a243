/**
 * How long a sign-up holds its session's row on PostgreSQL, and how the hot writes are planned.
 * A fresh database on TEST_POSTGRES_URL (user postgres may create one), one session of 73 seats:
 *
 * 1. BENCH_SIGNUPS (500) sign-ups one after the other, in this process: for each, the time of
 *    the statement that locks the row (it takes the lock, decides and stores), and the time from
 *    sending it to the answer of the COMMIT that releases the row, as the database handle heard them. No other sign-up waits meanwhile, so
 *    this is the hold without queueing: the floor of what one sign-up costs the session.
 * 2. BENCH_CANCELS (200) cancellations of a seat one after the other, each giving the seat to
 *    the first person waiting (the sign-ups of 1. left 427 of them): the statements run while
 *    the row is held (from the one that locks it to the COMMIT), and the time it is held.
 * 3. EXPLAIN of every statement that writes or locks in a sign-up (to a session with a waiting
 *    list of 500), a cancellation with a promotion, a check-in, the reminders' round and the
 *    outbox claim, run with their own parameters: which index each reaches its rows by.
 *
 *   npx tsx bench/sign-up-lock.ts
 */
import { cpus } from "node:os";
import { sql } from "kysely";
import pg from "pg";

const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 500);
const CANCELS = Number(process.env.BENCH_CANCELS ?? 200);
const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const name = `oa_bench_lock_${process.pid}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.PUBLIC_URL = "http://agenda.bench";
process.env.SESSION_SECRET ??= "bench-secret-that-is-long-enough-for-the-check";

const { database, closeDatabase } = await import("../db/client");
const { migrateToLatest } = await import("../db/migrate");
const { signUp, cancelRegistration } = await import("../app/models/registration.server");
const { setCheckedIn } = await import("../app/models/attendee.server");
const { queueDueReminders } = await import("../app/models/reminder.server");
const { claimNextMessage } = await import("../worker/outbox.server");
const { issueRegistrationToken } = await import("../app/models/registration-token.server");
const { writeTransaction } = await import("../db/transaction");

interface Heard {
  sql: string;
  parameters: readonly unknown[];
  durationMs: number;
  /** When its answer came (performance.now()). */
  at: number;
}
const handle = database();
const { db } = handle;
async function heardDuring(work: () => Promise<unknown>): Promise<Heard[]> {
  const heard: Heard[] = [];
  const listener = (query: Omit<Heard, "at">) => heard.push({ ...query, at: performance.now() });
  handle.queryListeners?.add(listener);
  try {
    await work();
  } finally {
    handle.queryListeners?.delete(listener);
  }
  return heard;
}

try {
  await migrateToLatest(db);
  const now = new Date().toISOString();
  const city = await db
    .insertInto("cities")
    .values({ slug: "leuven", name: "Leuven", province: "Vlaams-Brabant", created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  const organiser = await db
    .insertInto("organisers")
    .values({
      email: "beheer@bench.local",
      name: "Beheer",
      password_hash: "-",
      role: "admin",
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const session = async (slug: string, startsAt: Date) =>
    db
      .insertInto("sessions")
      .values({
        slug,
        city_id: city.id,
        kind: "info",
        title: "Infosessie: starten als zelfstandige",
        summary: "Wat je moet regelen om te starten.",
        description: "Toelichting en vragen.",
        venue_name: "Stadhuis Leuven",
        venue_address: "Grote Markt 9, 3000 Leuven",
        starts_at: startsAt.toISOString(),
        ends_at: new Date(startsAt.getTime() + 2 * 3_600_000).toISOString(),
        capacity: 73,
        registration_opens_at: null,
        registration_closes_at: null,
        language: "nl",
        status: "scheduled",
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  const rush = await session("stormloop", new Date(Date.now() + 7 * 86_400_000));
  const person = (n: number) => ({
    name: `Deelnemer ${n}`,
    email: `deelnemer${n}@example.org`,
    organisation: null,
    enterpriseNumber: null,
  });

  // 1. The hold, one sign-up at a time.
  const holds: number[] = [];
  const statements: number[] = [];
  for (let n = 0; n < SIGNUPS; n++) {
    const heard = await heardDuring(() => signUp(rush.slug, person(n), { locale: "nl-BE" }));
    const at = heard.findIndex((q) => /for update/i.test(q.sql));
    const locking = heard[at];
    const commit = heard[at + 1];
    if (!locking || commit?.sql !== "commit") throw new Error("no locking statement and commit");
    statements.push(locking.durationMs);
    // From the moment the statement was sent (no one else waits: the lock is had at once) to
    // the COMMIT's answer, this process's own time between the two included.
    holds.push(commit.at - (locking.at - locking.durationMs));
  }
  const percentile = (values: number[], p: number) =>
    [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];
  const ms = (value: number | undefined) => `${(value ?? Number.NaN).toFixed(2)} ms`;
  console.log(
    `machine: ${cpus().length} × ${cpus()[0]?.model}, Node ${process.version}; ${SIGNUPS} sign-ups in turn`,
  );
  console.table({
    "locking statement": {
      p50: ms(percentile(statements, 0.5)),
      p99: ms(percentile(statements, 0.99)),
    },
    "statement + commit (row held)": {
      p50: ms(percentile(holds, 0.5)),
      p99: ms(percentile(holds, 0.99)),
    },
  });

  // 2. Cancellations with a promotion, one at a time.
  const cancelHolds: number[] = [];
  const underLock: number[] = [];
  const inAll: number[] = [];
  /** The time of each statement under the lock, by its place from the locking one. */
  const byPlace: number[][] = [];
  for (let n = 0; n < CANCELS; n++) {
    const seat = await db
      .selectFrom("registrations")
      .select("id")
      .where("session_id", "=", rush.id)
      .where("status", "=", "confirmed")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    const manage = await writeTransaction((trx) =>
      issueRegistrationToken(trx, seat.id, "manage", now),
    );
    let outcome: unknown;
    const heard = await heardDuring(async () => {
      outcome = await cancelRegistration(manage);
    });
    if ((outcome as { promoted?: number }).promoted !== 1) {
      throw new Error(`a cancellation promoted no one: ${JSON.stringify(outcome)}`);
    }
    const at = heard.findIndex((q) => /for update/i.test(q.sql));
    const end = heard.findIndex((q, i) => i > at && q.sql === "commit");
    const locking = heard[at];
    const commit = heard[end];
    if (!locking || !commit) throw new Error("no locking statement and commit");
    cancelHolds.push(commit.at - (locking.at - locking.durationMs));
    underLock.push(end - at + 1);
    inAll.push(heard.length);
    for (const [place, query] of heard.slice(at, end + 1).entries()) {
      byPlace[place] ??= [];
      byPlace[place].push(query.durationMs);
    }
  }
  console.log(`${CANCELS} cancellations in turn, each promoting the first person waiting`);
  console.table({
    "statements, all": { p50: percentile(inAll, 0.5), p99: percentile(inAll, 0.99) },
    "statements from the lock to the commit (both included)": {
      p50: percentile(underLock, 0.5),
      p99: percentile(underLock, 0.99),
    },
    "row held (lock sent to commit answered)": {
      p50: ms(percentile(cancelHolds, 0.5)),
      p99: ms(percentile(cancelHolds, 0.99)),
    },
  });
  console.log(
    "each statement under the lock, p50, in order:",
    byPlace.map((times) => ms(percentile(times, 0.5))).join(", "),
  );

  // 3. The plans, with the statistics a database in use has.
  await sql`analyze`.execute(db);
  const soon = await session("herinnering", new Date(Date.now() + 90 * 60_000));
  for (let n = 0; n < 5; n++) await signUp(soon.slug, person(n), { locale: "nl-BE" });
  const seated = await db
    .selectFrom("registrations")
    .select("id")
    .where("session_id", "=", rush.id)
    .where("status", "=", "confirmed")
    .orderBy("id")
    .limit(2)
    .execute();
  const token = await writeTransaction((trx) =>
    issueRegistrationToken(trx, seated[0]?.id ?? 0, "manage", now),
  );
  const operations: [string, () => Promise<unknown>][] = [
    [
      "sign-up (waiting list of 500)",
      () => signUp(rush.slug, person(SIGNUPS), { locale: "nl-BE" }),
    ],
    ["cancel, with a promotion", () => cancelRegistration(token)],
    ["check-in", () => setCheckedIn(seated[1]?.id ?? 0, true, { organiserId: organiser.id })],
    ["reminders' round", () => queueDueReminders()],
    ["outbox claim", () => claimNextMessage(new Date().toISOString())],
  ];
  const explainer = new pg.Client({ connectionString: url.toString() });
  await explainer.connect();
  try {
    for (const [label, work] of operations) {
      const heard = await heardDuring(work);
      console.log(`\n## ${label}: ${heard.length} statements`);
      for (const { sql, parameters } of heard) {
        if (!/\b(insert|update|delete)\b|for update/i.test(sql)) continue;
        const { rows } = await explainer.query(`explain (costs off) ${sql}`, [...parameters]);
        const plan = rows.map((row) => row["QUERY PLAN"] as string);
        const scans = plan.filter((line) => /Scan|Insert|Update|Delete|LockRows|Sort/.test(line));
        console.log(`- ${sql.replace(/\s+/g, " ").trim().slice(0, 90)}…`);
        for (const line of scans) console.log(`    ${line.trim()}`);
      }
    }
  } finally {
    await explainer.end();
  }
} finally {
  await closeDatabase();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
