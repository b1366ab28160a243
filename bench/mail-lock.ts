/**
 * How long cancelling a session with 500 attendees holds the database's write lock, and how
 * long an unrelated sign-up (another session) asked for right after it waits. SQLite, a
 * temporary database; the cancellation queues one mail per attendee. Three runs, each on a
 * fresh session. (The sign-up is asked for in the same tick: work that never yields to the
 * event loop would otherwise run before a timer meant to start the sign-up "during" it.)
 *
 *   npx tsx bench/mail-lock.ts
 *   BENCH_ATTENDEES=1000 npx tsx bench/mail-lock.ts
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";

const ATTENDEES = Number(process.env.BENCH_ATTENDEES ?? 500);
const RUNS = 3;
const dir = mkdtempSync(join(tmpdir(), "oa-bench-lock-"));
process.env.DATABASE_URL = `file:${join(dir, "bench.sqlite")}`;
process.env.PUBLIC_URL = "http://agenda.bench";
process.env.RATE_MAILS_PER_ADDRESS_PER_HOUR = "1000000";

const { database, closeDatabase } = await import("../db/client");
const { migrateToLatest } = await import("../db/migrate");
const { signUp } = await import("../app/models/registration.server");
const { insertConfirmedAttendees } = await import("./attendees");
const { cancelSession } = await import("../app/models/session-editing.server");

const { db } = database();
await migrateToLatest(db);
const now = new Date().toISOString();
const inAWeek = new Date(Date.now() + 7 * 86_400_000);
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

let sessions = 0;
async function session(capacity: number) {
  const n = ++sessions;
  return db
    .insertInto("sessions")
    .values({
      slug: `sessie-${n}`,
      city_id: city.id,
      kind: "info",
      title: `Infosessie ${n}: starten als zelfstandige`,
      summary: "Wat je moet regelen om te starten.",
      description: "Toelichting en vragen.",
      venue_name: "Stadhuis Leuven",
      venue_address: "Grote Markt 9, 3000 Leuven",
      starts_at: inAWeek.toISOString(),
      ends_at: new Date(inAWeek.getTime() + 2 * 3_600_000).toISOString(),
      capacity,
      registration_opens_at: null,
      registration_closes_at: null,
      language: "nl",
      status: "scheduled",
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const holds: number[] = [];
const waits: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const full = await session(ATTENDEES);
  const other = await session(100);
  await insertConfirmedAttendees(db, full.id, ATTENDEES, now);

  const started = performance.now();
  const cancelled = cancelSession(full.id, {
    organiserId: organiser.id,
    message: "De spreker is ziek.",
  }).then((result) => {
    if (!result.ok) throw new Error(`cancel failed: ${JSON.stringify(result)}`);
    return performance.now() - started;
  });
  const signUpStarted = performance.now();
  const signedUp = signUp(
    other.slug,
    {
      name: "Een ander",
      email: `ander${run}@example.org`,
      organisation: null,
      enterpriseNumber: null,
    },
    { locale: "nl-BE" },
  ).then(() => performance.now() - signUpStarted);
  const [hold, wait] = await Promise.all([cancelled, signedUp]);
  holds.push(hold);
  waits.push(wait);
  console.log(`run ${run + 1}: cancel ${hold.toFixed(0)} ms, other sign-up ${wait.toFixed(0)} ms`);
}

console.log(
  `\n${cpus().length} cores, Node ${process.version}, SQLite; ${ATTENDEES} attendees, median of ${RUNS}:`,
);
console.table({
  "cancel (write lock held)": `${median(holds)?.toFixed(0)} ms`,
  "unrelated sign-up (from start to done)": `${median(waits)?.toFixed(0)} ms`,
});
await closeDatabase();
rmSync(dir, { recursive: true, force: true });
