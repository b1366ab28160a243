/**
 * How fast the outbox delivers into a local SMTP server (smtp-server, in this process, that
 * reads each message and throws it away). N confirmations with their invites are queued as a
 * sign-up queues them (snapshots, on a temporary SQLite database); each run empties the outbox
 * and queues them again. Runs, each sending BENCH_CONCURRENCY (10) at once over pooled
 * connections:
 *   - rendered in the sender's own thread (MAIL_RENDER_THREADS=0, the path before render
 *     threads): the baseline;
 *   - rendered on 1, 2, … render threads (up to os.availableParallelism(), and the default,
 *     one fewer, at least 1); each configuration BENCH_REPEAT (2) times, interleaved, the best
 *     kept, so that a burst of other work on a shared machine weighs on all alike;
 *   - paced: the shared send budget at 50 messages in any 5 s (the limiter MAIL_RATE_PER_MINUTE
 *     uses, with a shorter period so the run takes seconds, not minutes), on render threads.
 *
 * NODE_ENV is production, as for the real worker (React's development build is much slower).
 *
 *   npm run bench:mail
 *   BENCH_MESSAGES=500 BENCH_REPEAT=1 npm run bench:mail
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

const N = Number(process.env.BENCH_MESSAGES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 2);
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
const { processOutbox, SEND_RATE_KEY } = await import("../worker/outbox.server");
const { renderPool } = await import("../worker/render-pool.server");
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

type Renderer = ReturnType<typeof renderPool>;

/**
 * CPU time of this process's main thread (the sender, and the benchmark's SMTP server), in ms:
 * what limits the rate once rendering has moved off it, and unlike the rate it barely moves with
 * other work on the machine. Linux only (/proc); elsewhere NaN.
 */
function senderThreadCpuMs(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}
const allThreadsCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function deliver(
  run: string,
  count: number,
  options: { renderer: Renderer; rate?: { limit: number; periodMs: number } },
) {
  received = 0;
  receivedBytes = 0;
  arrivals.length = 0;
  const transport = smtpTransport(smtpUrl, { pool: true, maxConnections: CONCURRENCY });
  const started = performance.now();
  const [senderBefore, allBefore] = [senderThreadCpuMs(), allThreadsCpuMs()];
  while (received < count) {
    const round = await processOutbox(transport, {
      concurrency: CONCURRENCY,
      rate: options.rate ?? null,
      renderer: options.renderer,
    });
    if (round.failed || round.unreachable) throw new Error(`${run}: ${JSON.stringify(round)}`);
    if (received < count) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  const senderMs = (senderThreadCpuMs() - senderBefore) / count;
  const allMs = (allThreadsCpuMs() - allBefore) / count;
  transport.close();
  console.log(
    `${run}: ${count} in ${seconds.toFixed(2)} s (load average ${loadavg()[0]?.toFixed(1)})`,
  );
  return { seconds, senderMs, allMs, arrivals: arrivals.slice() };
}

const queueMs = await queue(N);
console.log(`queued ${N} confirmations in one transaction: ${queueMs.toFixed(0)} ms`);

const cores = availableParallelism();
const threadCounts = [...new Set([1, 2, Math.max(1, cores - 1), cores])].sort((a, b) => a - b);
const configurations = [
  { run: "in the sender's thread (MAIL_RENDER_THREADS=0)", renderer: renderPool(0) },
  ...threadCounts.map((threads) => ({
    run: `${threads} render thread${threads === 1 ? "" : "s"}${threads === Math.max(1, cores - 1) ? " (the default here)" : ""}`,
    renderer: renderPool(threads),
  })),
];
// Threads load the message modules once, before any run is timed.
await Promise.all(configurations.map(({ renderer }) => renderer.warm()));
for (const { run, renderer } of configurations) {
  if (renderer.mode() !== (run.startsWith("in the sender") ? "this thread" : "threads")) {
    throw new Error(`${run}: renders in ${renderer.mode()}`);
  }
}

const best = new Map<string, { seconds: number; senderMs: number; allMs: number }>();
for (let repeat = 0; repeat < REPEAT; repeat++) {
  for (const { run, renderer } of configurations) {
    await queue(N);
    const { seconds, senderMs, allMs } = await deliver(run, N, { renderer });
    const before = best.get(run);
    best.set(run, {
      seconds: Math.min(before?.seconds ?? Number.POSITIVE_INFINITY, seconds),
      senderMs: Math.min(before?.senderMs ?? Number.POSITIVE_INFINITY, senderMs),
      allMs: Math.min(before?.allMs ?? Number.POSITIVE_INFINITY, allMs),
    });
  }
}
const baseline = best.get(configurations[0]?.run ?? "");
const rows = configurations.map(({ run }) => {
  const { seconds = 0, senderMs = 0, allMs = 0 } = best.get(run) ?? {};
  return {
    run,
    messages: N,
    "best s": seconds.toFixed(2),
    "messages/s": (N / seconds).toFixed(0),
    "× baseline": ((baseline?.seconds ?? 0) / seconds).toFixed(2),
    "sender thread CPU ms/msg": senderMs.toFixed(2),
    "all threads CPU ms/msg": allMs.toFixed(2),
    // The rate the sender's thread allows when the threads have cores of their own.
    "1000 / sender ms": (1000 / senderMs).toFixed(0),
  };
});

/** The most messages that arrived in any PACED.periodMs. */
function mostInAnyPeriod(arrivals: number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < arrivals.length; i++) {
    while (j < arrivals.length && (arrivals[j] ?? 0) - (arrivals[i] ?? 0) < PACED.periodMs) j++;
    most = Math.max(most, j - i);
  }
  return most;
}
const pacedRows: string[] = [];
for (const { run, renderer } of [configurations[0], configurations.at(-1)].filter(
  (configuration) => configuration !== undefined,
)) {
  await queue(PACED.messages);
  const paced = await deliver(
    `paced (${PACED.limit} in any ${PACED.periodMs / 1000} s), ${run}`,
    PACED.messages,
    { renderer, rate: PACED },
  );
  pacedRows.push(
    `paced, ${run}: ${PACED.messages} in ${paced.seconds.toFixed(1)} s, most arrived in any ` +
      `${PACED.periodMs / 1000} s: ${mostInAnyPeriod(paced.arrivals)} (budget ${PACED.limit})`,
  );
}

console.log(
  `\n${cpus().length} cores (${cpus()[0]?.model.trim()}), Node ${process.version}, SQLite; ` +
    `${CONCURRENCY} at once, best of ${REPEAT}; load average at the end ${loadavg()
      .map((load) => load.toFixed(1))
      .join(" ")}; ` +
    `${(receivedBytes / Math.max(received, 1) / 1024).toFixed(0)} KiB a message`,
);
console.table(rows);
for (const line of pacedRows) console.log(line);

await Promise.all(configurations.map(({ renderer }) => renderer.close()));

await new Promise<void>((resolve) => server.close(() => resolve()));
await closeDatabase();
rmSync(dir, { recursive: true, force: true });
