/**
 * A rush on one session: 2,000 sign-ups from 200 clients at once (each with an address and a
 * client address of its own) for a session of 73 seats, through real HTTP against the
 * production build. Checks the counts after (73 seats, the rest waiting, one mail each, and
 * every answer stored) and prints the rate and the latency of the sign-ups. Each database gets
 * a smaller rush to warm up, then BENCH_ROUNDS (2) of each kind, alternating: a session without
 * questions, and one that asks five (dietary needs, an accounting package, a wheelchair, a
 * number of employees, a membership box) that every sign-up answers. The ratio of the two, over
 * the rounds, is printed per database.
 *
 *   npm run bench:rush                       # SQLite (one process), then PostgreSQL
 *   BENCH_RUSH=sqlite npm run bench:rush     # only one of them
 *   BENCH_SIGNUPS=500 BENCH_CLIENTS=50 npm run bench:rush
 *   BENCH_SQLITE_WORKER=process npm run bench:rush # SQLite's worker in a process of its own
 *   BENCH_SQLITE_WORKER=off npm run bench:rush    # SQLite without a mail worker
 *   BENCH_ROUNDS=3 npm run bench:rush        # three rushes of each kind instead of two
 *
 * SQLite: one app process with its mail worker (as the app runs by default). PostgreSQL (TEST_POSTGRES_URL, a server where
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
import {
  type AnswerField,
  answerField,
  dietaryQuestion,
  type QuestionInput,
} from "../app/lib/questions";
import { addQuestionsIn } from "../app/models/question.server";
import { createDatabase, type DatabaseHandle } from "../db/client";
import { cpuMs, someClient, startApp } from "./app";

const SIGNUPS = Number(process.env.BENCH_SIGNUPS ?? 2000);
/** Rushes per kind of session and database, alternating (none, five, none, five…). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
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
  /** How many questions the session asked (and every sign-up answered). */
  questions: number;
  seconds: number;
  latencies: number[];
  statuses: Map<number, number>;
  confirmed: number;
  waitlisted: number;
  mails: number;
  answers: number;
  /** CPU time of the app's processes (user + system) per sign-up, in ms: what load barely moves. */
  cpuPerSignUp: number;
}

const choice = (nl: string) => ({
  key: nl.toLowerCase().replace(/\W+/g, "-"),
  nl,
  fr: null,
  en: null,
});
const asked = (type: QuestionInput["type"], nl: string, more: Partial<QuestionInput> = {}) => ({
  type,
  label: { nl, fr: null, en: null },
  help: null,
  required: type !== "longText",
  perPerson: true,
  display: type === "oneChoice" ? ("select" as const) : null,
  choices: [],
  maxLength: null,
  min: null,
  max: null,
  ...more,
});

/** Five questions, as a session on e-invoicing for Voka's members might ask them. */
const FIVE: QuestionInput[] = [
  dietaryQuestion(),
  asked("oneChoice", "Welk boekhoudpakket gebruik je?", {
    choices: ["Exact Online", "Octopus", "Yuki", "WinBooks", "Horus", "BOB", "Andere"].map(choice),
  }),
  asked("yesNo", "Kom je met een rolstoel?"),
  asked("number", "Hoeveel werknemers heb je?", { min: 0, max: 10_000 }),
  asked("mustTick", "Ik ben lid van Voka – Kamer van Koophandel Vlaams-Brabant"),
];

/** What sign-up `n` answers to the five questions, by field name. */
function answersOf(fields: AnswerField[], n: number): Record<string, string> {
  const [dietary, software, wheelchair, employees, member] = fields;
  const packages = FIVE[1]?.choices ?? [];
  return {
    [dietary ?? ""]: n % 5 === 0 ? "Vegetarisch, geen noten" : "",
    [software ?? ""]: packages[n % packages.length]?.key ?? "",
    [wheelchair ?? ""]: n % 10 === 0 ? "yes" : "no",
    [employees ?? ""]: String(n % 50),
    [member ?? ""]: "on",
  };
}

interface RushSession {
  slug: string;
  /** The questions' field names; none for a session without questions. */
  fields: AnswerField[];
}

/** A fresh session of 73 seats in the seeded database, opening now, asking `questions`. */
async function rushSession(
  handle: DatabaseHandle,
  questions: QuestionInput[],
): Promise<RushSession> {
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
  // The seats taken and people waiting are the template's, kept by triggers: never copied.
  const { id: _id, seats_taken: _taken, waiting_count: _waiting, ...fields } = template;
  const session = await db
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
    .returning("id")
    .executeTakeFirstOrThrow();
  const ids = await addQuestionsIn(db, session.id, questions, now);
  return { slug, fields: ids.map(answerField) };
}

/** 200 clients, each posting the next sign-up as soon as its last one was answered. */
async function rush(baseUrls: string[], { slug, fields }: RushSession, count = SIGNUPS) {
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const post = (n: number): Promise<number> =>
    new Promise<number>((resolve, reject) => {
      const base = baseUrls[n % baseUrls.length] ?? "";
      const body = new URLSearchParams({
        name: `Deelnemer ${n}`,
        email: `stormloop-${slug}-${n}@example.org`,
        consent: "on",
        ...(fields.length ? answersOf(fields, n) : {}),
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
      req.on("error", (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed as the request left (its idle timeout on a
        // loaded machine): the request never reached the app, so it is sent again, as Node's
        // documentation advises. Any other error ends the run.
        if (req.reusedSocket && error.code === "ECONNRESET") return resolve(post(n));
        reject(new Error(`${base}: sign-up ${n}: ${error.message}`));
      });
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (next < count) {
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

async function counts(handle: DatabaseHandle, { slug }: RushSession) {
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
  const answers = await db
    .selectFrom("registration_answers")
    .innerJoin("registrations", "registrations.id", "registration_answers.registration_id")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("registrations.session_id", "=", session.id)
    .executeTakeFirstOrThrow();
  const of = (status: string) => Number(rows.find((row) => row.status === status)?.n ?? 0);
  return {
    confirmed: of("confirmed"),
    waitlisted: of("waitlisted"),
    mails: Number(mails.n),
    answers: Number(answers.n),
  };
}

/** The rushes of one database: without questions and with five, alternating, ROUNDS each. */
async function rushes(
  handle: DatabaseHandle,
  baseUrls: string[],
  label: string,
  apps: ChildProcess[],
): Promise<Outcome[]> {
  const appCpu = () => apps.reduce((sum, app) => sum + cpuMs(app.pid), 0);
  const outcomes: Outcome[] = [];
  // A first, smaller rush that is not counted: the process warms up before either kind runs.
  await rush(baseUrls, await rushSession(handle, FIVE), Math.ceil(SIGNUPS / 5));
  for (let round = 0; round < ROUNDS; round++) {
    for (const questions of [[], FIVE]) {
      const session = await rushSession(handle, questions);
      const cpuBefore = appCpu();
      const result = await rush(baseUrls, session);
      const cpuPerSignUp = (appCpu() - cpuBefore) / SIGNUPS;
      outcomes.push({
        label: `${label}, ${questions.length ? "5 questions" : "no questions"}`,
        questions: questions.length,
        cpuPerSignUp,
        ...result,
        ...(await counts(handle, session)),
      });
    }
  }
  return outcomes;
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

/**
 * Where SQLite's mail worker runs (BENCH_SQLITE_WORKER): "process", a process of its own
 * (`npm run worker`) beside the app's one; "in-app", in the app's process; "off", none.
 */
const SQLITE_WORKER = process.env.BENCH_SQLITE_WORKER ?? "in-app";

async function sqliteRush(): Promise<Outcome[]> {
  const dir = mkdtempSync(join(tmpdir(), "oa-rush-"));
  const url = `file:${join(dir, "rush.sqlite")}`;
  const env = {
    NODE_ENV: "production",
    DATABASE_URL: url,
    SESSION_SECRET: SECRET,
    TRUST_PROXY: "on",
    MAIL_DIR: join(dir, "mail"),
  };
  const app = await startApp(
    { ...env, PORT: "3905", OUTBOX_WORKER: SQLITE_WORKER === "in-app" ? "on" : "off" },
    PROFILE,
  );
  // The app made the database; the worker starts on it.
  const workers =
    SQLITE_WORKER === "process" ? [startWorker({ ...env, OUTBOX_WORKER: "off" })] : [];
  const handle = createDatabase(url);
  try {
    const label = {
      process: "SQLite, 1 app process + 1 worker",
      "in-app": "SQLite, 1 process with its worker",
      off: "SQLite, 1 process, no worker",
    }[SQLITE_WORKER];
    return await rushes(handle, ["http://127.0.0.1:3905"], label ?? SQLITE_WORKER, [app]);
  } finally {
    await Promise.all([app, ...workers].map(stop));
    await handle.db.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRush(): Promise<Outcome[]> {
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  admin.on("error", (error) => console.error("admin connection:", error.message));
  try {
    await admin.connect();
  } catch {
    console.warn(`no PostgreSQL at ${POSTGRES_ADMIN_URL}: the PostgreSQL rush is skipped`);
    return [];
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
    const urls = ["http://127.0.0.1:3906", "http://127.0.0.1:3907"];
    return await rushes(handle, urls, "PostgreSQL, 2 processes + 2 workers", apps);
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
if (which !== "postgres") outcomes.push(...(await sqliteRush()));
if (which !== "sqlite") outcomes.push(...(await postgresRush()));

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(
  `machine: ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(`${SIGNUPS} sign-ups, ${CLIENTS} clients at once, a session of ${CAPACITY} seats`);
const header = [
  "database",
  "sign-ups/min",
  "p50 ms",
  "p99 ms",
  "max ms",
  "app CPU ms/sign-up",
  "statuses",
  "counts",
];
const rows = outcomes.map((o) => {
  const sorted = [...o.latencies].sort((a, b) => a - b);
  // Exact: every accepted sign-up (302) stored once, never more seats than the session has,
  // one mail each; a refused one (503 busy) stored nothing.
  const accepted = o.statuses.get(302) ?? 0;
  // Every sign-up answers four of the five questions, and every fifth the dietary one too; a
  // refused one (503) stored none.
  const answered = o.questions
    ? Array.from({ length: SIGNUPS }, (_, n) => (n % 5 === 0 ? 5 : 4)).reduce((a, b) => a + b, 0)
    : 0;
  const exact =
    o.confirmed === Math.min(CAPACITY, accepted) &&
    o.waitlisted === accepted - o.confirmed &&
    o.mails === accepted &&
    (accepted === SIGNUPS ? o.answers === answered : o.answers <= answered);
  return [
    o.label,
    ((SIGNUPS / o.seconds) * 60).toFixed(0),
    percentile(sorted, 50).toFixed(0),
    percentile(sorted, 99).toFixed(0),
    (sorted.at(-1) ?? 0).toFixed(0),
    o.cpuPerSignUp.toFixed(2),
    [...o.statuses].map(([status, n]) => `${n} × ${status}`).join(", "),
    `${o.confirmed} seats, ${o.waitlisted} waiting, ${o.mails} mails, ${o.answers} answers: ${exact ? "exact" : "WRONG"}`,
  ];
});
const table = [header, ...rows];
const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0)));
for (const row of table) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(" | "));
if (rows.some((row) => row.at(-1)?.endsWith("WRONG"))) process.exitCode = 1;

// Five questions against none, per database: the rate and the median over the rounds.
const median = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
for (const database of new Set(outcomes.map((o) => o.label.replace(/, (no|5) questions$/, "")))) {
  const of = (questions: number) => {
    const runs = outcomes.filter((o) => o.label.startsWith(database) && o.questions === questions);
    const seconds = runs.reduce((sum, o) => sum + o.seconds, 0);
    return {
      rate: ((runs.length * SIGNUPS) / seconds) * 60,
      p50: median(runs.flatMap((o) => o.latencies)),
    };
  };
  const none = of(0);
  const five = of(FIVE.length);
  console.log(
    `${database}: 5 questions / none = ${(five.rate / none.rate).toFixed(2)} × the rate (${five.rate.toFixed(0)} / ${none.rate.toFixed(0)} a minute), ${(five.p50 / none.p50).toFixed(2)} × the median latency`,
  );
}

// The two deployments side by side, from this one run: all rushes of each database together.
const sqlite = outcomes.filter((o) => o.label.startsWith("SQLite"));
const postgres = outcomes.filter((o) => o.label.startsWith("PostgreSQL"));
if (sqlite.length && postgres.length) {
  const overall = (runs: Outcome[]) => {
    const latencies = runs.flatMap((o) => o.latencies).sort((a, b) => a - b);
    const seconds = runs.reduce((sum, o) => sum + o.seconds, 0);
    return { rate: ((runs.length * SIGNUPS) / seconds) * 60, p99: percentile(latencies, 99) };
  };
  const one = overall(sqlite);
  const two = overall(postgres);
  console.log(
    `side by side: PostgreSQL (2 app processes) ${two.rate.toFixed(0)} a minute, p99 ${two.p99.toFixed(0)} ms; SQLite (1 process) ${one.rate.toFixed(0)} a minute, p99 ${one.p99.toFixed(0)} ms: ${(two.rate / one.rate).toFixed(2)} × the rate`,
  );
}
