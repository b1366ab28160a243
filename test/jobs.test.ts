import { beforeEach, describe, expect, it, vi } from "vitest";
import { erasePersonByEmail } from "../app/models/erasure.server";
import { queueJob } from "../app/models/job.server";
import { runJob } from "../app/models/job-handlers.server";
import { createOrganiser, removeOrganiser } from "../app/models/organiser.server";
import { queuePasswordReset } from "../app/models/password-reset.server";
import { applyRetention } from "../app/models/personal-data.server";
import { database } from "../db/client";
import { MAX_JOB_ATTEMPTS, processJobs } from "../worker/jobs.server";
import { retryDelaySeconds } from "../worker/retries";
import { stored } from "./forms-http.shared";
import { cuedProcess } from "./support/cued-process";
import { newClient, send } from "./support/http";
import { TEST_PASSWORD } from "./support/organisers";

/**
 * Work a request leaves for after its answer (a password link, the audit entry of a failed
 * sign-in) is a row in `jobs`, the same one row whatever it will find, run once by a worker
 * round: on its own, beside another worker, after failures.
 */

const { db } = database();
const known = `herstel-${process.pid}@leuven.test`;
let organiserId = 0;

async function jobs() {
  return db.selectFrom("jobs").selectAll().orderBy("id").execute();
}

async function resetMailsTo(email: string) {
  return db
    .selectFrom("outbox")
    .select(["kind", "to_email"])
    .where("to_email", "=", email)
    .orderBy("id")
    .execute();
}

/** What an answer says, as a browser sees it: all of it but the moment it was made. */
async function answerOf(response: Response) {
  return {
    status: response.status,
    location: response.headers.get("location"),
    setCookie: response.headers.getSetCookie(),
    body: await response.text(),
  };
}

beforeEach(async () => {
  await db.deleteFrom("jobs").execute();
  if (organiserId === 0) {
    ({ id: organiserId } = await createOrganiser({
      email: known,
      name: "Herstel Test",
      password: TEST_PASSWORD,
      role: "organiser",
    }));
  }
});

describe("asking for a password link", () => {
  it("writes exactly one job, and answers the same, whether or not the address has an account", async () => {
    const unknown = `niemand-${process.pid}@leuven.test`;
    const answers = [];
    for (const email of [known, unknown]) {
      const before = await stored();
      const jobsBefore = (await jobs()).length;
      const client = newClient();
      answers.push(
        await answerOf(await send("/beheer/wachtwoord-vergeten", { form: { email }, client })),
      );
      // Nothing else is written before the answer: no link, no mail.
      expect(await stored()).toEqual(before);
      const after = await jobs();
      expect(after).toHaveLength(jobsBefore + 1);
      expect(after.at(-1)).toMatchObject({
        kind: "organiser.passwordReset",
        status: "pending",
        attempts: 0,
      });
      expect(JSON.parse(after.at(-1)?.payload ?? "")).toEqual({ email, locale: "nl-BE" });
    }
    expect(answers[0]?.status).toBe(302);
    expect(answers[1]).toEqual(answers[0]);
  });

  it("becomes the mail with the link in the worker's round for an account, and nothing otherwise", async () => {
    const unknown = `nog-niemand-${process.pid}@leuven.test`;
    await send("/beheer/wachtwoord-vergeten", { form: { email: known.toUpperCase() } });
    await send("/beheer/wachtwoord-vergeten", { form: { email: unknown } });
    const mailsBefore = (await resetMailsTo(known)).length;
    const linksBefore = await db
      .selectFrom("password_resets")
      .select("token_hash")
      .where("organiser_id", "=", organiserId)
      .execute();

    await expect(processJobs()).resolves.toEqual({ done: 2, failed: 0 });

    expect((await resetMailsTo(known)).slice(mailsBefore)).toEqual([
      { kind: "organiser.passwordReset", to_email: known },
    ]);
    expect(await resetMailsTo(unknown)).toEqual([]);
    const links = await db
      .selectFrom("password_resets")
      .select("token_hash")
      .where("organiser_id", "=", organiserId)
      .execute();
    expect(links).toHaveLength(linksBefore.length + 1);
    // Done jobs are gone, the unknown address with them.
    expect(await jobs()).toEqual([]);
    await expect(processJobs()).resolves.toEqual({ done: 0, failed: 0 });
  });
});

describe("a failed sign-in", () => {
  it("writes one job for a known and for an unknown address; the unknown one keeps neither address", async () => {
    const client = newClient();
    for (const email of [known, `onbekend-${process.pid}@leuven.test`]) {
      const answer = await send("/beheer/inloggen", {
        form: { email, password: "een-verkeerd-wachtwoord" },
        client,
      });
      expect(answer.status).toBe(401);
    }
    const [first, second] = await jobs();
    expect(await jobs()).toHaveLength(2);
    expect(first?.kind).toBe("organiser.signInFailed");
    expect(JSON.parse(first?.payload ?? "")).toMatchObject({ organiserId, clientAddress: client });
    expect(second?.kind).toBe("organiser.signInFailed");
    expect(JSON.parse(second?.payload ?? "")).toMatchObject({
      organiserId: null,
      clientAddress: null,
    });
    expect(second?.payload).not.toContain("onbekend");

    await expect(processJobs()).resolves.toEqual({ done: 2, failed: 0 });
    const entries = await db
      .selectFrom("audit_log")
      .select(["action", "subject_id", "client_address"])
      .where("action", "=", "organiser.signInFailed")
      .execute();
    expect(entries).toEqual([
      { action: "organiser.signInFailed", subject_id: organiserId, client_address: client },
    ]);
  });
});

/** A worker's job round in a process of its own (test/support/job-worker.ts), started on cue. */
async function workerProcess() {
  const child = await cuedProcess("job-worker.ts");
  return {
    /** Starts its round; resolves with what it did. */
    async run() {
      child.go();
      const { code, value } = await child.result<{ done: number; failed: number }>();
      expect(code).toBe(0);
      return value;
    },
  };
}

describe("several workers", () => {
  it("run each job once, however they race for the queue", { timeout: 120_000 }, async () => {
    const count = 200;
    for (let i = 0; i < count; i++) await queuePasswordReset(known, { locale: "nl-BE" });
    const mailsBefore = (await resetMailsTo(known)).length;
    const other = await workerProcess();
    // The other process is started first: this one's SQLite calls hold its event loop.
    const elsewhere = other.run();
    const [here, there] = await Promise.all([processJobs(), elsewhere]);

    expect(here.failed + there.failed).toBe(0);
    expect(here.done + there.done).toBe(count);
    expect((await resetMailsTo(known)).length - mailsBefore).toBe(count);
    expect(await jobs()).toEqual([]);
  });

  it("that both hold one job (a lease that ran out) run it once", async () => {
    await queuePasswordReset(known, { locale: "nl-BE" });
    const [job] = await jobs();
    if (!job) throw new Error("no job queued");
    const mailsBefore = (await resetMailsTo(known)).length;
    const ran = await Promise.all([runJob(job), runJob(job)]);
    expect(ran.sort()).toEqual([false, true]);
    expect((await resetMailsTo(known)).length - mailsBefore).toBe(1);
    await expect(runJob(job)).resolves.toBe(false);
  });
});

describe("a job that fails", () => {
  it("is tried again later, each wait longer, and given up after MAX_JOB_ATTEMPTS, kept and logged", async () => {
    // A kind this version does not know (a newer one queued it, say): running it throws.
    await db
      .insertInto("jobs")
      .values({
        kind: "organiser.unknownKind",
        payload: "{}",
        next_attempt_at: new Date().toISOString(),
        created_at: new Date().toISOString(),
      })
      .execute();
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      let at = Date.now();
      const round = (ms: number) => processJobs({ now: () => new Date(ms).toISOString() });
      for (let attempt = 1; attempt <= MAX_JOB_ATTEMPTS; attempt++) {
        await expect(round(at)).resolves.toEqual({ done: 0, failed: 1 });
        const [row] = await jobs();
        expect(row).toMatchObject({ attempts: attempt, locked_until: null });
        expect(row?.last_error).toContain('no handler for job kind "organiser.unknownKind"');
        if (attempt === MAX_JOB_ATTEMPTS) break;
        expect(row?.status).toBe("pending");
        const wait = retryDelaySeconds(attempt) * 1000;
        expect(Date.parse(row?.next_attempt_at ?? "")).toBe(at + wait);
        if (attempt > 1) expect(wait).toBeGreaterThan(retryDelaySeconds(attempt - 1) * 1000);
        // Not before its time.
        await expect(round(at + wait - 1)).resolves.toEqual({ done: 0, failed: 0 });
        at += wait;
      }
      const [given] = await jobs();
      expect(given).toMatchObject({ status: "failed", failed_at: new Date(at).toISOString() });
      // Given up: never tried again.
      await expect(round(at + 365 * 86_400_000)).resolves.toEqual({ done: 0, failed: 0 });
      const lines = logged.mock.calls.map((call) => String(call[0]));
      expect(lines.filter((line) => line.includes("organiser.unknownKind"))).toHaveLength(
        MAX_JOB_ATTEMPTS,
      );
      expect(lines.at(-1)).toContain("given up");
    } finally {
      logged.mockRestore();
    }
  });
});

describe("personal data in the queue", () => {
  it("a job given up goes with the retention run, OUTBOX_KEEP_DAYS after", async () => {
    const failedAt = "2026-01-01T10:00:00.000Z";
    await db
      .insertInto("jobs")
      .values({
        kind: "organiser.passwordReset",
        payload: JSON.stringify({ email: "vergeten@example.org", locale: "nl-BE" }),
        status: "failed",
        attempts: MAX_JOB_ATTEMPTS,
        next_attempt_at: failedAt,
        created_at: failedAt,
        failed_at: failedAt,
      })
      .execute();
    const day = 86_400_000;
    await applyRetention({
      now: new Date(Date.parse(failedAt) + 29 * day).toISOString(),
      outboxKeepDays: 30,
    });
    expect(await jobs()).toHaveLength(1);
    await applyRetention({
      now: new Date(Date.parse(failedAt) + 31 * day).toISOString(),
      outboxKeepDays: 30,
    });
    expect(await jobs()).toEqual([]);
  });

  it("erasing an address takes the jobs that name it along, waiting or given up", async () => {
    const person = "wis-mij@example.org";
    await queuePasswordReset(` ${person.toUpperCase()} `, { locale: "nl-BE" });
    await queueJob("organiser.passwordReset", {
      email: "iemand-anders@example.org",
      locale: "nl-BE",
    });
    await db
      .updateTable("jobs")
      .set({ status: "failed" })
      .where("id", "=", (await jobs())[0]?.id ?? 0)
      .execute();
    await queuePasswordReset(person, { locale: "fr-BE" });
    await erasePersonByEmail(person, { organiserId });
    const left = await jobs();
    expect(left.map((job) => JSON.parse(job.payload).email)).toEqual(["iemand-anders@example.org"]);
    expect(JSON.stringify(left)).not.toContain("wis-mij");
  });

  it("removing an account takes the jobs that name its address along", async () => {
    const leaving = await createOrganiser({
      email: `vertrekt-${process.pid}@leuven.test`,
      name: "Vertrekt",
      password: TEST_PASSWORD,
      role: "organiser",
    });
    await queuePasswordReset(leaving.email, { locale: "nl-BE" });
    await queuePasswordReset(known, { locale: "nl-BE" });
    expect(await removeOrganiser(leaving.id, { organiserId })).toMatchObject({ ok: true });
    const left = await jobs();
    expect(left.map((job) => JSON.parse(job.payload).email)).toEqual([known]);
  });
});
