import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import SQLite from "better-sqlite3";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { createOrganiser } from "../app/models/organiser.server";
import { createDatabase, type DatabaseHandle, database } from "../db/client";
import { migrations } from "../db/migrations";
import { enqueueMail } from "../emails/outbox.server";
import { cities, sessions } from "../seeds/data";
import { POSTGRES_ADMIN_URL, TEST_DATABASE } from "./support/database";
import { createSession, registrationsOf, rowCount } from "./support/factories";
import { send } from "./support/http";
import { startMailbox } from "./support/mailbox";

const root = join(import.meta.dirname, "..");
const scratch = mkdtempSync(join(tmpdir(), "oa-operations-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  output: () => string;
  /** Resolves once the process has written `text` (to stdout or stderr). */
  said: (text: string) => Promise<void>;
  exited: Promise<number | null>;
  port: number;
}

/** Starts `server.ts` the way `npm start` does and waits until it listens (or exits). */
async function startServer(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: { ...process.env, PORT: "0", NODE_ENV: "development", OUTBOX_WORKER: "off", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "listening on" in 45 s:\n${output}`)),
      45_000,
    );
    const check = () => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on("data", check);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  const said = (text: string) =>
    new Promise<void>((resolve) => {
      const look = () => {
        if (!output.includes(text)) return;
        child.stdout?.off("data", look);
        child.stderr?.off("data", look);
        resolve();
      };
      child.stdout?.on("data", look);
      child.stderr?.on("data", look);
      look();
    });
  return { child, output: () => output, said, exited, port };
}

/** A database nobody has touched: a new SQLite file, or a new PostgreSQL database. */
async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (TEST_DATABASE === "sqlite") {
    const dir = mkdtempSync(join(scratch, "db-"));
    return { url: `file:${join(dir, "fresh.sqlite")}`, drop: async () => {} };
  }
  const name = `oa_fresh_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}

describe("several instances starting at once on an empty database", () => {
  it("all come up, and the demo data is loaded once", { timeout: 120_000 }, async () => {
    const fresh = await emptyDatabase();
    // A lock wait far shorter than loading the demo data takes: the instances that wait for
    // the first must wait for the whole setup, not for the bound on ordinary lock waits.
    const env = { DATABASE_URL: fresh.url, SEED_ON_START: "on", DATABASE_LOCK_TIMEOUT_MS: "100" };
    const results = await Promise.allSettled([
      startServer(env),
      startServer(env),
      startServer(env),
    ]);
    const started = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    try {
      const failures = results.flatMap((r) => (r.status === "rejected" ? [String(r.reason)] : []));
      expect(failures).toEqual([]);

      const handle = createDatabase(fresh.url);
      try {
        const count = async (table: "cities" | "sessions" | "organisers" | "registrations") =>
          Number(
            (
              await handle.db
                .selectFrom(table)
                .select((eb) => eb.fn.countAll().as("n"))
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect(await count("cities")).toBe(cities.length);
        expect(await count("sessions")).toBe(sessions.length);
        expect(await count("registrations")).toBe(
          sessions.reduce((sum, seed) => sum + seed.attendees, 0),
        );
        expect(await count("organisers")).toBe(4);
      } finally {
        await handle.db.destroy();
      }
    } finally {
      for (const { child, exited } of started) {
        child.kill("SIGTERM");
        await exited;
      }
      await fresh.drop();
    }
  });
});

async function queueMail(to: string, now = new Date()) {
  await enqueueMail(database().db, {
    kind: "test",
    registrationId: null,
    to: { name: "Deelnemer", email: to },
    content: { subject: "Bevestiging", html: "<p>Tot dan!</p>", text: "Tot dan!" },
    now: now.toISOString(),
  });
}

interface HealthBody {
  status: string;
  database: string;
  migrations: { current: boolean; pending: string[]; unknown: string[] } | null;
  outbox: { pending: number; oldestPendingSeconds: number | null; failed: number } | null;
  inbound: { pending: number; failed: number } | null;
  jobs: { pending: number; failed: number } | null;
}

describe("GET /healthz", () => {
  it("answers 200 with the state of the database, its schema and the outbox", async () => {
    await queueMail("oud@example.org", new Date(Date.now() - 90_000));
    await queueMail("nieuw@example.org");
    const response = await send("/healthz", { headers: { Accept: "application/json" } });
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const body = (await response.json()) as HealthBody;
    expect(body).toMatchObject({
      status: "ok",
      database: "up",
      migrations: { current: true, pending: [], unknown: [] },
      outbox: { pending: 2, failed: 0 },
      inbound: { pending: 0, failed: 0 },
      jobs: { pending: 0, failed: 0 },
    });
    expect(body.outbox?.oldestPendingSeconds).toBeGreaterThanOrEqual(90);
    expect(body.outbox?.oldestPendingSeconds).toBeLessThan(120);
  });

  it("answers 503 when a migration of this version has not run", async () => {
    const { db } = database();
    const last = Object.keys(migrations).at(-1) ?? "";
    const table = db.withTables<{ kysely_migration: { name: string; timestamp: string } }>();
    const row = await table
      .selectFrom("kysely_migration")
      .selectAll()
      .where("name", "=", last)
      .executeTakeFirstOrThrow();
    await table.deleteFrom("kysely_migration").where("name", "=", last).execute();
    try {
      const response = await send("/healthz");
      expect(response.status).toBe(503);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(await response.json()).toMatchObject({
        status: "unavailable",
        database: "up",
        migrations: { current: false, pending: [last] },
      });
    } finally {
      await table.insertInto("kysely_migration").values(row).execute();
    }
  });

  it("answers 503 when the database does not answer", async () => {
    // The app's one handle (db/client.ts keeps it on globalThis): point it at a closed port.
    const shared = globalThis as { __ondernemersagendaDb?: DatabaseHandle };
    const real = shared.__ondernemersagendaDb;
    const unreachable = createDatabase("postgres://postgres@127.0.0.1:9/nothing");
    shared.__ondernemersagendaDb = unreachable;
    try {
      const response = await send("/healthz");
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: "unavailable",
        database: "down",
        migrations: null,
        outbox: null,
        inbound: null,
        jobs: null,
      });
    } finally {
      shared.__ondernemersagendaDb = real;
      await unreachable.db.destroy();
    }
  });
});

describe("SIGTERM", () => {
  it("answers a request under way in full, then exits 0", { timeout: 90_000 }, async () => {
    const session = await createSession({ capacity: 5 });
    const server = await startServer({ DATABASE_URL: process.env.DATABASE_URL ?? "" });
    const body = new URLSearchParams({
      name: "Lotte Peeters",
      email: "lotte.peeters@example.org",
      organisation: "Bakkerij Peeters",
      consent: "on",
    }).toString();
    const origin = `http://127.0.0.1:${server.port}`;
    // A keep-alive connection, as a browser or a proxy keeps one: it must not hold the exit up.
    const agent = new http.Agent({ keepAlive: true });
    const request = http.request(`${origin}/sessies/${session.slug}`, {
      method: "POST",
      agent,
      headers: {
        Origin: origin,
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": Buffer.byteLength(body),
        // The server answers "100 Continue" once it has the request: then it is under way.
        Expect: "100-continue",
      },
    });
    const taken = once(request, "continue");
    const answered = new Promise<{ status: number; location?: string; text: string }>(
      (resolve, reject) => {
        request.once("error", reject);
        request.once("response", (response) => {
          let text = "";
          response.on("data", (chunk: Buffer) => {
            text += chunk.toString();
          });
          response.once("error", reject);
          response.once("end", () =>
            resolve({
              status: response.statusCode ?? 0,
              location: response.headers.location,
              text,
            }),
          );
        });
      },
    );
    request.flushHeaders();
    await taken;
    request.write(body.slice(0, body.length / 2));
    server.child.kill("SIGTERM");
    await server.said("SIGTERM: finishing requests under way");
    // Stopping has begun (no new connection is taken), and the process waits for the rest.
    await expect(fetch(`${origin}/healthz`)).rejects.toThrow();
    expect(server.child.exitCode).toBeNull();
    request.end(body.slice(body.length / 2));

    const response = await answered;
    expect(response.status).toBe(302);
    expect(response.location).toBe(`/sessies/${session.slug}/bedankt`);
    const started = Date.now();
    expect(await server.exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
    agent.destroy();
    const registrations = await registrationsOf(session.id);
    expect(registrations.map((r) => [r.email, r.status])).toEqual([
      ["lotte.peeters@example.org", "confirmed"],
    ]);
  });

  it("loses no password link asked for just before: the worker that runs next mails it", {
    timeout: 120_000,
  }, async () => {
    const email = `stop-herstel-${process.pid}@leuven.test`;
    await createOrganiser({
      email,
      name: "Stop Herstel",
      password: "een-lang-genoeg-wachtwoord",
      role: "organiser",
    });
    const mailbox = await startMailbox();
    const env = {
      DATABASE_URL: process.env.DATABASE_URL ?? "",
      OUTBOX_WORKER: "on",
      OUTBOX_POLL_MS: "100",
      SEED_ON_START: "off",
      SMTP_URL: mailbox.url,
    };
    try {
      const server = await startServer(env);
      const origin = `http://127.0.0.1:${server.port}`;
      const answer = await fetch(`${origin}/beheer/wachtwoord-vergeten`, {
        method: "POST",
        headers: { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email }).toString(),
        redirect: "manual",
      });
      // The moment the answer is there, the instance is stopped (a deploy, a scale-down).
      server.child.kill("SIGTERM");
      expect(answer.status).toBe(302);
      expect(await server.exited).toBe(0);

      // Whatever the stopping instance left, the next worker on the database does.
      const worker = spawn(process.execPath, ["--import", "tsx", "worker/main.ts"], {
        cwd: root,
        env: { ...process.env, ...env },
        stdio: ["ignore", "ignore", "inherit"],
      });
      const stopped = once(worker, "exit");
      try {
        const mail = await mailbox.waitFor((m) => m.envelopeTo.includes(email), 60_000);
        expect(mail.parsed.text).toMatch(/\/beheer\/wachtwoord\/[\w-]+/);
      } finally {
        worker.kill("SIGTERM");
        await stopped;
      }
      expect(mailbox.messages.filter((m) => m.envelopeTo.includes(email))).toHaveLength(1);
    } finally {
      await mailbox.close();
    }
  });

  it("lets the worker finish the mail it is sending, then exits 0", {
    timeout: 90_000,
  }, async () => {
    const { db } = database();
    await db.deleteFrom("outbox").execute();
    await queueMail("eerste@example.org");
    await queueMail("tweede@example.org");
    const mail = await slowMailServer(1500);
    try {
      const server = await startServer({
        DATABASE_URL: process.env.DATABASE_URL ?? "",
        OUTBOX_WORKER: "on",
        OUTBOX_POLL_MS: "100",
        // One at a time, so that one is under way and the next not started when SIGTERM comes.
        OUTBOX_CONCURRENCY: "1",
        SMTP_URL: mail.url,
      });
      await mail.receiving;
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(0);
      expect(mail.received).toEqual(["eerste@example.org"]);
      const rows = await db
        .selectFrom("outbox")
        .select(["to_email", "status", "attempts"])
        .orderBy("id")
        .execute();
      // The one under way was sent; the next was left for the next instance to send.
      expect(rows).toEqual([
        { to_email: "eerste@example.org", status: "sent", attempts: 1 },
        { to_email: "tweede@example.org", status: "pending", attempts: 0 },
      ]);
    } finally {
      await mail.close();
    }
  });

  it("stops anyway after 10 s, with exit code 1, and the mail is sent later", {
    timeout: 90_000,
  }, async () => {
    const { db } = database();
    await db.deleteFrom("outbox").execute();
    await queueMail("eerste@example.org");
    const mail = await slowMailServer(60_000);
    try {
      const server = await startServer({
        DATABASE_URL: process.env.DATABASE_URL ?? "",
        OUTBOX_WORKER: "on",
        OUTBOX_POLL_MS: "100",
        SMTP_URL: mail.url,
      });
      await mail.receiving;
      const signalled = Date.now();
      server.child.kill("SIGTERM");
      expect(await server.exited).toBe(1);
      expect(Date.now() - signalled).toBeGreaterThanOrEqual(9500);
      expect(Date.now() - signalled).toBeLessThan(15_000);
      expect(server.output()).toContain("stopping anyway");
      // Still leased to the stopped worker: once the lease ends, another one sends it.
      const row = await db
        .selectFrom("outbox")
        .select(["status", "attempts", "locked_until"])
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: "pending", attempts: 1 });
      expect(row.locked_until).not.toBeNull();
    } finally {
      await mail.close();
    }
  });
});

/** A real SMTP server that takes `holdMs` to accept each message it receives. */
async function slowMailServer(holdMs: number) {
  const received: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let started: () => void = () => {};
  const receiving = new Promise<void>((resolve) => {
    started = resolve;
  });
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      started();
      stream.resume();
      stream.on("end", () => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          received.push(...session.envelope.rcptTo.map((r) => r.address));
          callback();
        }, holdMs);
        timers.add(timer);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const address = smtp.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Resolves when the first message starts coming in. */
    receiving,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

const run = promisify(execFile);

/** `npm run db:backup` against this test file's database. */
function backUp(...args: string[]) {
  return run(process.execPath, ["--import", "tsx", "scripts/backup.ts", ...args], {
    cwd: root,
    env: process.env,
    timeout: 60_000,
  });
}

describe("npm run db:backup", () => {
  it.skipIf(TEST_DATABASE === "postgres")(
    "copies the SQLite database while the app writes, into a sound file",
    { timeout: 90_000 },
    async () => {
      const { db } = database();
      const session = await createSession();
      const count = (table: "cities" | "sessions") => rowCount(table);
      const sessionsBefore = await count("sessions");
      const citiesBefore = await count("cities");

      // A writer that keeps adding rows while the backup runs.
      let writing = true;
      let written = 0;
      const writer = (async () => {
        while (writing) {
          await db
            .insertInto("cities")
            .values({
              slug: `backup-stad-${written}`,
              name: "Stad",
              province: "Limburg",
              created_at: new Date().toISOString(),
            })
            .execute();
          written++;
          // A turn for the backup's own work between rows.
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      const destination = join(mkdtempSync(join(scratch, "backup-")), "copy.sqlite");
      let stdout: string;
      try {
        ({ stdout } = await backUp(destination));
      } finally {
        writing = false;
        await writer;
      }
      expect(written).toBeGreaterThan(0);
      expect(stdout).toMatch(new RegExp(`backup: ${destination} \\(\\d+ bytes`));

      const copy = new SQLite(destination, { readonly: true, fileMustExist: true });
      try {
        expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
        const rows = (table: string) =>
          (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
        expect(rows("sessions")).toBe(sessionsBefore);
        expect(copy.prepare("select slug from sessions where id = ?").pluck().get(session.id)).toBe(
          session.slug,
        );
        // Whatever the writer had committed when the copy was taken, and nothing half.
        expect(rows("cities")).toBeGreaterThanOrEqual(citiesBefore);
        expect(rows("cities")).toBeLessThanOrEqual(citiesBefore + written);
      } finally {
        copy.close();
      }
    },
  );

  it.skipIf(TEST_DATABASE === "postgres")("never overwrites a file", async () => {
    const destination = join(mkdtempSync(join(scratch, "backup-")), "taken.sqlite");
    writeFileSync(destination, "not a backup");
    await expect(backUp(destination)).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining("exists already"),
    });
  });

  it.runIf(TEST_DATABASE === "postgres")(
    "on PostgreSQL, points to pg_dump and does nothing",
    async () => {
      const { stdout } = await backUp(join(scratch, "never.sqlite"));
      expect(stdout).toContain("pg_dump");
    },
  );
});
