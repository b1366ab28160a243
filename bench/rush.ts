/**
 * A rush on one session: 2,000 sign-ups from 200 clients at once (each with an address and a
 * client address of its own) for a session of 73 seats, through real HTTP against the
 * production build. Checks the counts after (73 seats, the rest waiting, one mail each) and
 * prints the rate and the latency of the sign-ups.
 *
 *   npm run bench:rush                       # SQLite (one process), then PostgreSQL
 *   BENCH_RUSH=sqlite npm run bench:rush     # only one of them
 *   BENCH_SIGNUPS=500 BENCH_CLIENTS=50 npm run bench:rush
 *   BENCH_RUSH_WORKER=off npm run bench:rush # SQLite without its mail worker running beside
 *
 * SQLite: one app process with its mail worker. PostgreSQL (TEST_POSTGRES_URL, a server where
 * user postgres may create databases): two app processes on one database, the mail worker
 * off in both, and two worker processes (`npm run worker`) beside them; the sign-ups are
 * spread over the two app processes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDatabase, type DatabaseHandle } from "../db/client";
import { someClient, startApp } from "./app";

const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 2000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200);
const CAPACITY = 73;
const POSTGRES_ADMIN_URL =
  process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const SECRET = "bench-secret-that-is-long-enough-for-the-check";
/** BENCH_PROFILE_DIR=dir writes a V8 CPU profile of each app process there. */
const PROFILE = process.env.BENCH_PROFILE_DIR
  ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`]
  : [];

interface Outcome {
  label: string;
  seconds: number;
  latencies: number[];
  statuses: Map<number, number>;
  confirmed: number;
  waitlisted: number;
  mails: number;
}

/** A fresh session of 73 seats in the seeded database, opening now. */
async function rushSession(handle: DatabaseHandle): Promise<string> {
  const { db } = handle;
  const template = await db
    .selectFrom("sessions")
    .selectAll()
    .where("status", "=", "scheduled")
    .where("starts_at", ">", new Date().toISOString())
    .orderBy("starts_at")
    .executeTakeFirstOrThrow();
  const slug = `stormloop-${Date.now()}`;
  const now = new Date().toISOString();
  const { id: _id, ...fields } = template;
  await db
    .insertInto("sessions")
    .values({
      ...fields,
      slug,
      title: "Stormloop: 73 plaatsen",
      capacity: CAPACITY,
      registration_opens_at: null,
      registration_closes_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return slug;
}

/** 200 clients, each posting the next sign-up as soon as its last one was answered. */
async function rush(baseUrls: string[], slug: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const post = (n: number) =>
    new Promise<number>((resolve, reject) => {
      const base = baseUrls[n % baseUrls.length] ?? "";
      const body = new URLSearchParams({
        name: `Deelnemer ${n}`,
        email: `stormloop-${n}@example.org`,
        consent: "on",
      }).toString();
      const req = request(
        `${base}/sessies/${slug}`,
        {
          method: "POST",
          agent,
          headers: {
            Origin: base,
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": Buffer.byteLength(body),
            "X-Forwarded-For": someClient(),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.on("error", (error) => reject(new Error(`${base}: sign-up ${n}: ${error.message}`)));
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < SIGNUPS) {
        const n = next++;
        const at = performance.now();
        const status = await post(n);
        latencies.push(performance.now() - at);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { seconds, latencies, statuses };
}

async function counts(handle: DatabaseHandle, slug: string) {
  const { db } = handle;
  const session = await db
    .selectFrom("sessions")
    .select("id")
    .where("slug", "=", slug)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom("registrations")
    .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
    .where("session_id", "=", session.id)
    .groupBy("status")
    .execute();
  const mails = await db
    .selectFrom("outbox")
    .innerJoin("registrations", "registrations.id", "outbox.registration_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("registrations.session_id", "=", session.id)
    .executeTakeFirstOrThrow();
  const of = (status: string) => Number(rows.find((row) => row.status === status)?.n ?? 0);
  return { confirmed: of("confirmed"), waitlisted: of("waitlisted"), mails: Number(mails.n) };
}

function startWorker(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "worker/main.ts"], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });

async function sqliteRush(): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), "oa-rush-"));
  const url = `file:${join(dir, "rush.sqlite")}`;
  const app = await startApp(
    {
      NODE_ENV: "production",
      PORT: "3905",
      DATABASE_URL: url,
      SESSION_SECRET: SECRET,
      TRUST_PROXY: "on",
      OUTBOX_WORKER: "on",
      MAIL_DIR: join(dir, "mail"),
    },
    PROFILE,
  );
  const handle = createDatabase(url);
  try {
    const slug = await rushSession(handle);
    const result = await rush(["http://127.0.0.1:3905"], slug);
    const label = `SQLite, 1 process${process.env.BENCH_RUSH_WORKER === "off" ? " (no worker)" : ""}`;
    return { label, ...result, ...(await counts(handle, slug)) };
  } finally {
    await stop(app);
    await handle.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRush(): Promise<Outcome | undefined> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  admin.on("error", (error) => console.error("admin connection:", error.message));
  try {
    await admin.connect();
  } catch {
    console.warn(`no PostgreSQL at ${POSTGRES_ADMIN_URL}: the PostgreSQL rush is skipped`);
    return undefined;
  }
  const name = `oa_bench_${process.pid}`;
  await admin.query(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  const dir = mkdtempSync(join(tmpdir(), "oa-rush-"));
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: url.toString(),
    SESSION_SECRET: SECRET,
    TRUST_PROXY: "on",
    OUTBOX_WORKER: "off",
    MAIL_DIR: join(dir, "mail"),
  };
  const apps = await Promise.all(
    ["3906", "3907"].map((port) => startApp({ ...env, PORT: port }, PROFILE)),
  );
  const workers = [startWorker(env), startWorker(env)];
  const handle = createDatabase(url.toString());
  try {
    const slug = await rushSession(handle);
    const result = await rush(["http://127.0.0.1:3906", "http://127.0.0.1:3907"], slug);
    return {
      label: "PostgreSQL, 2 processes + 2 workers",
      ...result,
      ...(await counts(handle, slug)),
    };
  } finally {
    await Promise.all([...apps, ...workers].map(stop));
    await handle.db.destroy();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

const which = process.env.BENCH_RUSH ?? "both";
const outcomes: Outcome[] = [];
if (which !== "postgres") outcomes.push(await sqliteRush());
if (which !== "sqlite") {
  const outcome = await postgresRush();
  if (outcome) outcomes.push(outcome);
}

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(`${SIGNUPS} sign-ups, ${CLIENTS} clients at once, a session of ${CAPACITY} seats`);
const header = ["database", "sign-ups/min", "p50 ms", "p99 ms", "max ms", "answers", "counts"];
const rows = outcomes.map((o) => {
  const sorted = [...o.latencies].sort((a, b) => a - b);
  // Exact: every accepted sign-up (302) stored once, never more seats than the session has,
  // one mail each; a refused one (503 busy) stored nothing.
  const accepted = o.statuses.get(302) ?? 0;
  const exact =
    o.confirmed === Math.min(CAPACITY, accepted) &&
    o.waitlisted === accepted - o.confirmed &&
    o.mails === accepted;
  return [
    o.label,
    ((SIGNUPS / o.seconds) * 60).toFixed(0),
    percentile(sorted, 50).toFixed(0),
    percentile(sorted, 99).toFixed(0),
    (sorted.at(-1) ?? 0).toFixed(0),
    [...o.statuses].map(([status, n]) => `${n} × ${status}`).join(", "),
    `${o.confirmed} seats, ${o.waitlisted} waiting, ${o.mails} mails: ${exact ? "exact" : "WRONG"}`,
  ];
});
const table = [header, ...rows];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0)));
for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | "));
if (rows.some((row) => row[6]?.endsWith("WRONG"))) process.exitCode = 1;
