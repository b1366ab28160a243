/**
 * How fast the outbox delivers into a local SMTP server (smtp-server, in this process, that
 * reads each message and throws it away). N confirmations with their invites are queued as a
 * sign-up queues them (snapshots, on a temporary SQLite database); each run empties the outbox
 * and queues them again. Runs:
 *   - one at a time, a new connection each, already rendered: the worker as it was (it sent
 *     what the transaction had rendered), the baseline;
 *   - the worker now: rendering each message, OUTBOX_CONCURRENCY at once over pooled
 *     connections, for 1, 5 and 10 at once;
 *   - paced: the shared send budget at 50 messages in any 5 s (the limiter MAIL_RATE_PER_MINUTE
 *     uses, with a shorter period so the run takes seconds, not minutes).
 *
 * NODE_ENV is production, as for the real worker (React's development build is much slower).
 *
 *   npm run bench:mail
 *   BENCH_MESSAGES=500 npm run bench:mail       (the baseline sends BENCH_BASELINE_MESSAGES, 300)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

const N = Number(process.env.BENCH_MESSAGES ?? 2000);
// The old path does about ten a second: a few hundred show its rate without waiting minutes.
const BASELINE = Math.min(N, Number(process.env.BENCH_BASELINE_MESSAGES ?? 300));
const PACED = { limit: 50, periodMs: 5_000, messages: 150 };
const dir = mkdtempSync(join(tmpdir(), "oa-bench-mail-"));
process.env.DATABASE_URL = `file:${join(dir, "bench.sqlite")}`;
process.env.PUBLIC_URL = "http://agenda.bench";
process.env.MAIL_FROM = "Ondernemersagenda <agenda@leuven.bench>";
// As the worker runs in production: React's production build renders several times faster.
process.env.NODE_ENV = "production";
process.env.SESSION_SECRET ??= "bench-secret-that-is-long-enough-for-the-config-check";

const { database, closeDatabase } = await import("../db/client");
const { migrateToLatest } = await import("../db/migrate");
const { writeTransaction } = await import("../db/transaction");
const { notify } = await import("../app/models/registration.server");
const { insertConfirmedAttendees } = await import("./attendees");
const { getSessionById } = await import("../app/models/session.server");
const { forget } = await import("../app/models/rate-limit.server");
const { processOutbox, renderQueued, SEND_RATE_KEY } = await import("../worker/outbox.server");
const { smtpTransport } = await import("../worker/transport.server");

// ——— The mail server ————————————————————————————————————————————————————————————————————————
let received = 0;
let receivedBytes = 0;
const arrivals: number[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  maxClients: 100,
  onData(stream, _session, callback) {
    stream.on("data", (chunk: Buffer) => {
      receivedBytes += chunk.length;
    });
    stream.on("end", () => {
      received++;
      arrivals.push(performance.now());
      callback();
    });
  },
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const address = server.server.address();
const smtpUrl = `smtp://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;

// ——— The data: one session, N people with a seat ————————————————————————————————————————
const { db } = database();
await migrateToLatest(db);
const now = new Date().toISOString();
const starts = new Date(Date.now() + 7 * 86_400_000);
const city = await db
  .insertInto("cities")
  .values({ slug: "leuven", name: "Leuven", province: "Vlaams-Brabant", created_at: now })
  .returning("id")
  .executeTakeFirstOrThrow();
const { id: sessionId } = await db
  .insertInto("sessions")
  .values({
    slug: "ontbijtsessie-subsidies",
    city_id: city.id,
    kind: "breakfast",
    title: "Ontbijtsessie: subsidies voor je zaak",
    summary: "Welke premies kan je zaak krijgen, en hoe vraag je ze aan?",
    description: "07:30 ontbijt\n\n08:00 toelichting",
    venue_name: "Stadhuis Leuven",
    venue_address: "Grote Markt 9, 3000 Leuven",
    starts_at: starts.toISOString(),
    ends_at: new Date(starts.getTime() + 5_400_000).toISOString(),
    capacity: N,
    registration_opens_at: null,
    registration_closes_at: null,
    language: "nl",
    status: "scheduled",
    created_at: now,
    updated_at: now,
  })
  .returning("id")
  .executeTakeFirstOrThrow();
await insertConfirmedAttendees(db, sessionId, N, now);
const registrations = await db
  .selectFrom("registrations")
  .selectAll()
  .where("session_id", "=", sessionId)
  .orderBy("id")
  .execute();

/** Empties the outbox and queues `count` confirmations, as sign-ups queue them. */
async function queue(count: number) {
  await db.deleteFrom("outbox").execute();
  await forget({ keys: [SEND_RATE_KEY] });
  const session = await getSessionById(sessionId);
  if (!session) throw new Error("the session is gone");
  const started = performance.now();
  await writeTransaction(async (trx) => {
    for (const registration of registrations.slice(0, count)) {
      await notify(trx, "registration.confirmed", registration, session, now);
    }
  });
  return performance.now() - started;
}

interface Row {
  run: string;
  messages: number;
  seconds: string;
  "messages/s": string;
  note: string;
}
const rows: Row[] = [];

async function deliver(
  run: string,
  count: number,
  options: { concurrency: number; pool: boolean; rate?: { limit: number; periodMs: number } },
  note = "",
) {
  received = 0;
  receivedBytes = 0;
  arrivals.length = 0;
  const transport = smtpTransport(smtpUrl, {
    pool: options.pool,
    maxConnections: options.concurrency,
  });
  const started = performance.now();
  while (received < count) {
    const round = await processOutbox(transport, {
      concurrency: options.concurrency,
      rate: options.rate ?? null,
    });
    if (round.failed || round.unreachable) throw new Error(`${run}: ${JSON.stringify(round)}`);
    if (received < count) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  transport.close();
  rows.push({
    run,
    messages: count,
    seconds: seconds.toFixed(2),
    "messages/s": (count / seconds).toFixed(0),
    note,
  });
  console.log(`${run}: ${count} in ${seconds.toFixed(2)} s`);
  return arrivals.slice();
}

const queueMs = await queue(N);
console.log(`queued ${N} confirmations in one transaction: ${queueMs.toFixed(0)} ms`);

// The worker as it was: what the transaction had rendered, one message at a time, a new
// connection each.
await queue(BASELINE);
for (const row of await db.selectFrom("outbox").selectAll().execute()) await renderQueued(row);
await deliver("before: one at a time, new connection each, pre-rendered", BASELINE, {
  concurrency: 1,
  pool: false,
});

for (const concurrency of [1, 5, 10]) {
  await queue(N);
  await deliver(`now: rendered by the worker, pooled, ${concurrency} at once`, N, {
    concurrency,
    pool: true,
  });
}

await queue(PACED.messages);
const paced = await deliver(
  `paced: at most ${PACED.limit} in any ${PACED.periodMs / 1000} s`,
  PACED.messages,
  { concurrency: 5, pool: true, rate: PACED },
);
let most = 0;
for (let i = 0; i < paced.length; i++) {
  let j = i;
  while (j < paced.length && (paced[j] ?? 0) - (paced[i] ?? 0) < PACED.periodMs) j++;
  most = Math.max(most, j - i);
}
const pacedRow = rows.at(-1);
if (pacedRow) pacedRow.note = `most in any ${PACED.periodMs / 1000} s: ${most}`;

console.log(
  `\n${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, SQLite; ` +
    `${(receivedBytes / Math.max(received, 1) / 1024).toFixed(0)} KiB a message`,
);
console.table(rows);

await new Promise<void>((resolve) => server.close(() => resolve()));
await closeDatabase();
rmSync(dir, { recursive: true, force: true });
